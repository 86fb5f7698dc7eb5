"""A hospital cancer support centre's directory: a group for one cancer is not for someone with
another, and someone who names their cancer is among "people affected by cancer" too (the Bedford,
Luton and Central Bedfordshire directory, session 59)."""

from __future__ import annotations

from matching import check
from tests.matching.conftest import oruk_record


def test_a_group_for_one_cancer_is_not_for_someone_with_another(reader, person_from_words, make_service):
    mbc = reader.understand(
        oruk_record("A peer group only for people living with secondary breast cancer.", "MBC Together")
    )
    prostate = reader.understand(
        oruk_record(
            "Monthly group for men with prostate cancer and their partners.", "Prostate Cancer Support Group"
        )
    )
    any_cancer = reader.understand(
        oruk_record("For anyone affected by cancer – patients, family, friends.", "Cancer Coffee Club")
    )
    assert [f.value for f in mbc.situations] == ["secondary_breast_cancer"]
    assert [f.value for f in prostate.situations] == ["prostate_cancer"]
    assert [f.value for f in any_cancer.situations] == ["cancer"]

    def service(understood):
        return make_service(situations=[f.value for f in understood.situations])

    prostate_man = person_from_words("68, Ca prostate, on hormones. Wife wants him to talk to someone")
    secondary = person_from_words("52, breast cancer 2019, now secondaries in her bones")
    primary = person_from_words("52, finished rads for breast cancer last month, tired and low")
    assert check(prostate_man, service(prostate), 1.0).allowed
    assert not check(prostate_man, service(mbc), 1.0).allowed
    assert check(secondary, service(mbc), 1.0).allowed
    assert not check(primary, service(mbc), 1.0).allowed
    # whoever names their cancer is affected by cancer
    for person in (prostate_man, secondary, primary):
        assert check(person, service(any_cancer), 1.0).allowed
