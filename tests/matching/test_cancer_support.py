"""A hospital cancer support centre's directory: a group for one cancer is not for someone with
another, and someone who names their cancer is among "people affected by cancer" too (the Bedford,
Luton and Central Bedfordshire directory, session 59)."""

from __future__ import annotations

from matching import check, match
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


def test_where_someone_is_on_the_treatment_journey_decides_a_course_for_one_stage(
    reader, person_from_words, make_service
):
    fatigue = reader.understand(
        oruk_record(
            "Where you are in your treatment: after treatment has finished – not for people in active "
            "treatment (ongoing hormone tablets are fine). Pacing, sleep, activity planning.",
            name="Fatigue Management Course",
        )
    )
    wigs = reader.understand(
        oruk_record(
            "Who it's for: patients having chemotherapy who are losing their hair. Scarves & hats £5-£15.",
            name="Wig & Headwear Service",
        )
    )
    any_time = reader.understand(
        oruk_record(
            "Where you are in your treatment: any time, during or after treatment.", name="Cancer Cafe"
        )
    )
    assert [f.value for f in fatigue.exclusions] == ["in_treatment"]
    assert [f.value for f in wigs.exclusions] == ["finished_treatment"]
    assert not any_time.exclusions

    def service(understood):
        return make_service(exclusions=[f.value for f in understood.exclusions])

    on_chemo = person_from_words("27, Hodgkin lymphoma, on chemo at the L&D, hair coming out")
    finished = person_from_words("52, Ca breast, finished rads last month, shattered")
    on_tablets = person_from_words("Ca breast, on letrozole, tired all the time")
    daughter = person_from_words("mum's on chemo at the L&D, daughter is main carer and struggling")
    fatigue_check = check(on_chemo, service(fatigue), 1.0)
    assert fatigue_check.reasons == ["not for people still in cancer treatment"]
    assert check(finished, service(fatigue), 1.0).allowed
    assert check(on_tablets, service(fatigue), 1.0).allowed
    assert check(daughter, service(fatigue), 1.0).allowed  # her mum's chemo, not hers
    assert check(on_chemo, service(wigs), 1.0).allowed
    assert check(finished, service(wigs), 1.0).reasons == [
        "not for people who have finished their cancer treatment"
    ]
    for person in (on_chemo, finished, on_tablets, daughter):
        assert check(person, service(any_time), 1.0).allowed


def test_a_trusts_own_patients_and_a_lift_that_does_not_go_there(person_from_words, make_service):
    wigs = make_service(
        description="Hospital: patients of Bedford Hospital or the L&D only. Scarves and hats."
    )
    dial_a_ride = make_service(
        needs=["transport"],
        description="Door-to-door minibus. We only travel within Bedfordshire (not Cambridge, not Addenbrooke's).",
    )
    cambridge = person_from_words(
        "Ca oesophagus, having chemo at Addenbrooke's, wife doesn't drive, bus to Cambridge is hopeless. "
        "Needs lifts to treatment."
    )
    luton = person_from_words("on chemo at the L&D, needs lifts to treatment")
    assert check(cambridge, wigs, 1.0).reasons == ["only for patients of Bedford Hospital or the L&D"]
    assert check(cambridge, dial_a_ride, 1.0).reasons == ["does not go to Addenbrooke's"]
    assert check(luton, wigs, 1.0).allowed
    assert check(luton, dial_a_ride, 1.0).allowed
    # a minibus that names no hospital it refuses, and words that name none
    assert check(
        cambridge, make_service(needs=["transport"], description="Door-to-door minibus."), 1.0
    ).allowed
    assert check(person_from_words("needs lifts to treatment"), wigs, 1.0).allowed


def test_a_group_for_incurable_cancer_is_not_for_someone_whose_cancer_was_treated(
    reader, person_from_words, make_service
):
    advanced = reader.understand(
        oruk_record(
            "Who it's for: people living with incurable cancer and someone close to them.",
            name="Living Well with Advanced Cancer",
        )
    )
    hospice = reader.understand(
        oruk_record(
            "Day hospice. For patients living with incurable cancer or another life-limiting illness.",
            name="Day Hospice",
        )
    )
    assert "advanced_cancer" in [f.value for f in advanced.situations]
    assert "advanced_cancer" not in [f.value for f in hospice.situations]
    group = make_service(situations=[f.value for f in advanced.situations])
    assert not check(
        person_from_words("66, stoma since op for Ca bowel 2024, misses a chat"), group, 1.0
    ).allowed
    assert check(person_from_words("58, breast cancer, now secondaries in her bones"), group, 1.0).allowed


def test_someone_who_asks_for_a_group_for_their_cancer_is_not_met_by_another_cancers_group(
    person_from_words, make_service, taxonomy, now
):
    person = person_from_words(
        "myeloma, on maintenance, HNA done. Wants a face to face blood cancer group near Bedford.",
        needs=("long_term_conditions",),
    )
    breast = make_service(
        km=2,
        needs=["long_term_conditions"],
        name="Pink Ribbon Friends",
        description="Breast cancer support group.",
    )
    (unmet,) = match(person, [breast], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "long_term_conditions"
    assert unmet.requirement == "condition_peers:blood_cancer"
    blood = make_service(
        km=2,
        needs=["long_term_conditions"],
        name="Blood Cancer Support Group",
        description="For people living with lymphoma, leukaemia or myeloma.",
    )
    assert match(person, [breast, blood], taxonomy=taxonomy, now=now).unmet_needs == []
    # a general cancer course still meets a need for support with one cancer, asked no group
    course = make_service(
        km=1,
        needs=["long_term_conditions"],
        name="Living Well After Cancer",
        description="A course for people with cancer.",
    )
    plain = person_from_words("myeloma, on maintenance, tired all the time", needs=("long_term_conditions",))
    assert match(plain, [course], taxonomy=taxonomy, now=now).unmet_needs == []
