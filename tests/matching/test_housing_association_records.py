"""Records as a housing association writes them for its tenants: its own services are for people
holding one of its tenancies, however the rule is put, and a private renter is not one of them."""

from __future__ import annotations

import pytest

from matching import violations
from matching.landlords import another_landlords_tenant
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
        oruk(
            "Hardship & White Goods Fund",
            "Can help with essential items: cooker, fridge freezer, washing machine.",
            "Teesmouth Homes customers only, via TSO or Neighbourhood Coordinator.",
        ),
        oruk(
            "Sanctuary Scheme - Target Hardening",
            "Locks, door viewers and video doorbells for customers at risk of domestic abuse.",
            "Referral from Housing Officer, IDVA or police. Must be a Teesmouth Homes tenant.",
        ),
        # a survey's answers kept in the description, one after another
        oruk(
            "Warm Room & Money Matters",
            "What happens here: warm room with a money adviser | Who uses it (observed): residents and "
            "a few from the town | Who is it for (as told by the organiser): Orbit tenants only (the "
            "adviser can only take on Orbit customers) - other people can have a cuppa but not the advice",
        ),
    ],
    ids=["name", "tenancy", "older tenants", "sheltered", "customers", "a tenant", "survey answer"],
)
def test_a_landlords_own_service_is_for_its_tenants(reader, record):
    assert "social_tenants" in reader.understand(record).summary()["situations"]


def test_a_landlord_named_by_its_brand_alone_holds_its_service_to_its_tenants(reader):
    workshops = oruk(
        "Money Matters Workshops",
        "Free money and energy-saving workshops for Curo tenants. Sign up through your housing officer.",
    )
    assert "social_tenants" in reader.understand(workshops).summary()["situations"]


def test_a_service_open_to_anyone_renting_is_not_held_to_a_tenancy(reader):
    advice = oruk("Citizens Advice", "Free advice on debt, benefits and housing for anyone.")
    assert "social_tenants" not in reader.understand(advice).summary()["situations"]
    renters = oruk("Renters' Rights", "Advice for Private Tenants on repairs, deposits and evictions.")
    assert "social_tenants" not in reader.understand(renters).summary()["situations"]
    deaf = oruk("Deaf Tenancy Support", "Floating support for Deaf tenants, BSL staff.")
    assert "social_tenants" not in reader.understand(deaf).summary()["situations"]


def test_a_private_renter_is_not_a_social_tenant():
    tenants = next(s for s in SITUATIONS if s.code == "social_tenants")
    assert tenants.person.search("I'm a Teesmouth tenant, damp in the back bedroom")
    assert tenants.person.search("council house in Grangetown")
    for words in ("private tenant, landlord won't fix the boiler", "private tenancy, rent gone up again"):
        assert not tenants.person.search(words), words


@pytest.mark.parametrize(
    "words, theirs",
    [
        ("29, Thornaby, Teesmouth Homes tenant, 2 kids. Ex keeps turning up at the door.", True),
        ("82, Teesmouth sheltered flat, Linthorpe.", True),
        ("Council tenant, damp everywhere.", True),  # a landlord not named: the benefit of the doubt
        ("Thornaby tenant, on his own since the summer.", True),  # a town, not a landlord
        ("55, rents from a housing association, not Teesmouth. Black mould for 8 months.", False),
        ("Beyond Housing tenant in Redcar, arrears building up.", False),
        ("Rents from Thirteen, the boiler's gone.", False),
        # a private renter or an owner rents from no housing association
        ("38, Grangetown, private rent. Partner 'goes for him', took his bank card.", False),
        ("Owns her flat outright, 79, lonely since the winter.", False),
    ],
)
def test_a_landlords_tenants_only_service_is_not_for_another_landlords_tenant(
    make_person, make_service, words, theirs
):
    assert another_landlords_tenant(words, "Teesmouth Homes") is not theirs
    fund = make_service(organization="Teesmouth Homes", situations=["social_tenants"])
    tenant = make_person(goals=words, situations=("social_tenants",))
    assert (violations(tenant, fund, 1.0) == []) is theirs


def test_a_landlord_whose_name_is_all_common_words_is_still_a_landlord(reader, make_person, make_service):
    """ "Home Group tenants in Barrow only - not private renters": a private renter is not one."""
    money = oruk_record(
        "Money and benefits checks, UC help. Home Group tenants in Barrow only - not private renters.",
        "Home Group",
        name="Home Group Tenants Money Help",
    )
    assert "social_tenants" in reader.understand(money).summary()["situations"]
    fund = make_service(organization="Home Group", situations=["social_tenants"])
    renter = make_person(goals="44M, Barrow. Private landlord served notice, out by end of Jan.")
    assert violations(renter, fund, 1.0) != []
    theirs = make_person(goals="Home Group tenant, arrears building up.", situations=("social_tenants",))
    assert violations(theirs, fund, 1.0) == []
    assert another_landlords_tenant("Riverside Housing tenant, arrears building up.", "Home Group")


def test_a_tenants_only_service_of_an_organisation_that_is_not_a_landlord_names_no_landlord():
    assert not another_landlords_tenant("Beyond Housing tenant", "Citizens Advice Stockton")


@pytest.mark.parametrize(
    "words, theirs",
    [
        ("Lives King's Lynn (Freebridge house). Husband had a stroke in Feb.", True),
        ("Freebridge flat in Gaywood, bills gone up", True),
        ("Lives King's Lynn, owns her house. Husband had a stroke.", False),
        ("Lives King's Lynn, husband had a stroke.", False),  # nothing says whose tenant she is
        # the landlord by its initials, as notes write it
        ("21, baby 8 month. FCH flat. Partner walked out.", True),
        ("21, baby 8 month. FCH flat, private rent.", False),
    ],
)
def test_a_home_named_for_the_landlord_makes_the_person_its_tenant(make_person, make_service, words, theirs):
    fund = make_service(organization="Freebridge Community Housing", situations=["social_tenants"])
    assert (violations(make_person(goals=words), fund, 1.0) == []) is theirs
