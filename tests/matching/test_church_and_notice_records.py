"""Records as congregations and council cost-of-living pages write them: a church's own regions are
not a town, a parish or "& district" is, a list of towns on its own is a limit, a café that closed
on a date has closed, and a parents' group's age fields are its babies'."""

from __future__ import annotations

from matching.service import in_area, read_area
from matching.understanding.areas import read_place
from tests.matching.conftest import oruk_record

CHESHIRE_EAST, HIGH_PEAK = "E06000049", "E07000037"


oruk = oruk_record


def venue(postcode: str = "SK10 1DX") -> list[dict]:
    return [{"location": {"id": "l1", "name": "Church hall", "postcode": postcode}}]


def summary(reader, record: dict) -> dict:
    return reader.understand(record).summary()


def test_a_diocese_is_not_its_cathedral_city_and_a_circuit_is_not_its_town(reader):
    deaf_church = oruk(
        "Worship in BSL followed by a social and lunch. For Deaf people and BSL users.",
        service_areas=[{"name": "Diocese of Chester"}],
        service_at_locations=venue(),
    )
    assert summary(reader, deaf_church)["residency"] == []
    zoom = oruk(
        "Prayer and a natter on Zoom for anyone who can't get out.",
        service_areas=[{"name": "Macclesfield Circuit"}],
    )
    assert summary(reader, zoom)["residency"] == []


def test_a_parish_or_a_town_and_district_with_no_venue_is_that_town(reader):
    visiting = oruk(
        "Our pastoral visitors would love to call if you are housebound. For residents of the parish.",
        service_areas=[{"name": "Parish of Macclesfield"}],
    )
    (parish,) = [read_place(entry) for entry in summary(reader, visiting)["residency"]]
    assert parish.name == "Macclesfield" and parish.la == CHESHIRE_EAST
    entries = summary(reader, visiting)["residency"]
    assert in_area(read_area(entries), [CHESHIRE_EAST], (53.259, -2.126)) is True  # Macclesfield
    assert in_area(read_area(entries), [CHESHIRE_EAST], (53.303, -2.373)) is False  # Knutsford


def test_a_council_beside_national_limits_nobody(reader):
    record = oruk(
        "Weekly video call fellowship in BSL for Deaf people across High Peak and beyond.",
        service_areas=[{"name": "High Peak"}, {"name": "National"}],
    )
    assert summary(reader, record)["residency"] == []


def test_towns_alone_in_an_eligibility_statement_and_postcodes_a_household_has_are_limits(reader):
    cafe = oruk(
        "Memory café for people with a diagnosis of dementia.",
        eligibility_description="Diagnosis of dementia. Glossop, Hadfield and Gamesley.",
        service_at_locations=venue("SK13 8HX"),
    )
    places = sorted(read_place(entry).name for entry in summary(reader, cafe)["residency"])
    assert places == ["Gamesley", "Glossop", "Hadfield"]
    pantry = oruk("Members pay £3.50 a week. Membership is for households with SK10 and SK11 postcodes.")
    assert sorted(summary(reader, pantry)["residency"]) == ["SK10", "SK11"]


def test_a_community_named_in_a_sentence_of_its_own_is_whom_the_service_is_for(reader):
    mission = oruk(
        "Mass in Polish every Sunday. After Mass we meet for coffee and a volunteer helps with forms. "
        "For the Polish-speaking community."
    )
    assert "polish" in summary(reader, mission)["situations"]
    deli = oruk("A community café. We sell Polish cakes on Saturdays. All welcome.")
    assert "polish" not in summary(reader, deli)["situations"]


def test_a_hospital_chaplaincy_is_for_patients_on_the_wards(reader):
    chaplaincy = oruk(
        "Chaplains and volunteers of all faiths and none visit patients on the wards and support families.",
        name="Stepping Hill Hospital Chaplaincy",
    )
    assert "hospital_patients" in summary(reader, chaplaincy)["situations"]


def test_a_cafe_that_closed_on_a_date_or_a_space_not_funded_this_winter_is_not_running(reader):
    closed = oruk(
        "PLEASE NOTE: the café closed in July 2026 when our volunteers retired. Soup and sandwiches."
    )
    assert reader.understand(closed).closed is not None
    unfunded = oruk(
        "Warm space in the café area, weekday afternoons. It has not been funded for this winter."
    )
    assert reader.understand(unfunded).closed is not None
    ended = oruk(
        "Volunteers visit isolated elders. Navigator note: closed since the funding ended in September."
    )
    assert reader.understand(ended).closed is not None
    unfunded_now = oruk(
        "Wellbeing bus to fell villages. Connector notes: lost ICB funding from Nov - not sure."
    )
    assert reader.understand(unfunded_now).closed is not None
    reported = oruk(
        "A safe space to talk over a cuppa. [Mod: user reported 10/26 it's not running any more - "
        "organiser says stopped since summer, no volunteers]"
    )
    assert reader.understand(reported).closed is not None
    helps = oruk("Advice for families who have lost funding for care at home.")
    assert reader.understand(helps).closed is None
    started = oruk("The old club closed in 2019, so we started this lunch club. Every Tuesday.")
    assert reader.understand(started).closed is None
    part = oruk("The carers centre for the borough. [Note: the Hyde carers' group stopped in 2024.]")
    assert reader.understand(part).closed is None


def test_a_parents_groups_age_fields_are_its_babies_not_the_parents(reader):
    bumps = oruk(
        "A relaxed group for expectant mums and parents with babies under one. Free.",
        name="Bumps & Babies",
        maximum_age=1,
    )
    assert summary(reader, bumps)["max_age"] is None
    assert "pregnant_new_parents" in summary(reader, bumps)["groups"]
    toddlers = oruk("Stories and songs for toddlers.", name="Little Explorers", maximum_age=4)
    assert summary(reader, toddlers)["max_age"] == 4


def test_a_discount_for_people_on_benefits_is_not_help_with_benefits(reader):
    gym = oruk(
        "£1 a session for residents on benefits - gym, swim and classes. Residents aged 16+ receiving "
        "Universal Credit, JSA, ESA or Pension Credit. Show your benefit letter at reception.",
        name="£1 Gym Sessions",
    )
    assert "welfare_benefits" not in summary(reader, gym)["needs"]
    assert "benefits" in summary(reader, gym)["situations"]


def test_refugees_and_asylum_seekers_together_are_not_only_people_seeking_asylum(reader):
    circle = oruk(
        "We sew, we talk, we learn English together. For refugee and asylum seeker women.",
        eligibility_description="Refugee and asylum-seeking women",
    )
    assert "seeking_asylum" not in summary(reader, circle)["situations"]
    hostel = oruk("Advice and a hot meal.", eligibility_description="Only for people seeking asylum.")
    assert "seeking_asylum" in summary(reader, hostel)["situations"]


def test_a_directory_heading_families_is_a_topic_not_who_may_come(reader):
    def term(taxonomy: str, name: str) -> dict:
        return {"taxonomy_term": {"taxonomy": taxonomy, "code": name.lower(), "name": name}}

    youth_club = oruk(
        "Pool, table tennis and tuck shop for 11-18s.", attributes=[term("Help with", "Families")]
    )
    assert "families" not in summary(reader, youth_club)["groups"]
    eligibility = oruk("Play sessions.", attributes=[term("openeligibility", "Families")])
    assert "families" in summary(reader, eligibility)["groups"]


def test_a_check_for_people_without_a_condition_turns_away_those_who_have_it(reader):
    check = oruk(
        "A free check-up of your heart, kidney, stroke and diabetes risk.",
        eligibility_description="Adults aged 40-74 without an existing diagnosis of heart disease, stroke, "
        "diabetes, kidney disease, or high blood pressure.",
    )
    understood = summary(reader, check)
    assert understood["situations"] == []
    assert {"has_diabetes", "has_heart", "has_stroke"} <= {
        f.value for f in reader.understand(check).exclusions
    }
    prevention = oruk(
        "9-month programme to reduce your risk of type 2 diabetes.",
        eligibility_description="Adults with non-diabetic hyperglycaemia. Not for people already diagnosed with diabetes.",
    )
    assert "diabetes" not in summary(reader, prevention)["situations"]
    assert "has_diabetes" in {f.value for f in reader.understand(prevention).exclusions}


def test_a_landlord_named_for_its_homes_is_whose_tenants_it_serves(reader):
    advice = oruk(
        "Free money and debt advice over the phone.", eligibility_description="Bolton at Home tenants."
    )
    assert "social_tenants" in summary(reader, advice)["situations"]
