"""Records as a housing association writes them for its tenants: its own services are for people
holding one of its tenancies, however the rule is put, and a private renter is not one of them."""

from __future__ import annotations

import pytest

from matching.situations import SITUATIONS
from tests.matching.conftest import oruk_record


def oruk(name: str, description: str, eligibility: str = "") -> dict:
    return oruk_record(description, "Teesmouth Homes", name=name, eligibility_description=eligibility)


@pytest.mark.parametrize(
    "record",
    [
        oruk("Money Team (tenants only)", "Benefit checks and help with arrears and creditors."),
        oruk(
            "Money Team",
            "Benefit checks and help with arrears and creditors.",
            "Customers must have a current tenancy with Teesmouth Homes.",
        ),
        oruk("Welfare Calls", "A friendly weekly phone call.", "Older tenants living alone."),
        oruk(
            "Activities Programme", "Chair exercise, crafts and quizzes.", "Sheltered scheme residents only."
        ),
    ],
    ids=["name", "tenancy", "older tenants", "sheltered"],
)
def test_a_landlords_own_service_is_for_its_tenants(reader, record):
    assert "social_tenants" in reader.understand(record).summary()["situations"]


def test_a_service_open_to_anyone_renting_is_not_held_to_a_tenancy(reader):
    advice = oruk("Citizens Advice", "Free advice on debt, benefits and housing for anyone.")
    assert "social_tenants" not in reader.understand(advice).summary()["situations"]


def test_a_private_renter_is_not_a_social_tenant():
    tenants = next(s for s in SITUATIONS if s.code == "social_tenants")
    assert tenants.person.search("I'm a Teesmouth tenant, damp in the back bedroom")
    assert tenants.person.search("council house in Grangetown")
    for words in ("private tenant, landlord won't fix the boiler", "private tenancy, rent gone up again"):
        assert not tenants.person.search(words), words
