"""An NHS trust's community partners list (the Fylde coast and Lancashire): inclusion and exclusion
criteria as bullet lists in clinical language, capacity as a RAG rating, the trust's localities as
service areas, and where a person is on the talking therapies path."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from matching import check, match
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record

DECEMBER = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
BLACKPOOL, FYLDE, WYRE, LANCASTER, WESTMORLAND = (
    "E06000009",
    "E07000119",
    "E07000128",
    "E07000121",
    "E06000064",
)

WAITING_WELL = (
    "Service offer:\n• 4-week psychoeducation group while waiting for NHS Talking Therapies\n"
    "Inclusion criteria:\n• Adults 18+\n• Currently on the waiting list for NHS Talking Therapies (Step 2 or "
    "Step 3)\nExclusion criteria:\n• Current psychosis\n• Primary alcohol/substance dependence – refer to "
    "CGL\nReferral route: Talking Therapies SPoA only"
)


def test_whom_a_service_turns_away_is_not_what_it_offers(reader):
    found = reader.understand(oruk_record(WAITING_WELL, "NHS trust", name="Waiting Well"))
    assert "addiction_recovery" not in found.need_codes()
    assert "mental_wellbeing" in found.need_codes()


def test_an_age_in_an_exclusion_list_is_the_youngest_who_may_come(reader):
    garden = reader.understand(
        oruk_record(
            "Inclusion criteria:\n• Open to all\nExclusion criteria:\n• Under 25s\nReferral route: self"
        )
    )
    assert (garden.value("min_age"), garden.value("max_age")) == (25, None)
    assert reader.understand(oruk_record("Exclusions: children under 16.")).value("min_age") == 16


def test_a_conditions_group_with_family_and_carers_is_not_for_carers_only(reader):
    branch = reader.understand(
        oruk_record("Inclusion criteria:\n• People with Parkinson's and family/carers")
    )
    assert "carers" not in branch.summary()["groups"]
    assert "parkinsons" in branch.summary()["situations"]
    assert "carers" in reader.understand(oruk_record("A support group for carers.")).summary()["groups"]


def test_discharged_from_talking_therapies_is_not_out_of_hospital(reader):
    stay_well = reader.understand(
        oruk_record(
            "Inclusion criteria:\n• Adults discharged from NHS Talking Therapies in the last 6 months"
        )
    )
    assert stay_well.summary()["situations"] == ["talking_therapies_finished"]
    home = reader.understand(oruk_record("For patients discharged from hospital in the last 6 weeks."))
    assert home.summary()["situations"] == ["hospital_discharge"]


@pytest.mark.parametrize(
    "goals, stage",
    [
        (
            "41M, shift worker. Finished his CBT with talking therapies in Sept, worried about slipping back",
            "finished",
        ),
        ("new mum, anxious, been waiting 12 wks for TT", "waiting"),
        ("on the waiting list for talking therapies, struggling to sleep", "waiting"),
    ],
)
def test_where_a_person_is_on_the_talking_therapies_path(goals, stage):
    said = {s.code for s in person_situations(goals)} & {
        "talking_therapies_waiting",
        "talking_therapies_finished",
    }
    assert said == {f"talking_therapies_{stage}"}


def test_a_group_for_those_still_waiting_is_not_for_someone_who_has_finished(make_person, make_service):
    goals = "Finished my CBT in September, want to keep well"
    stated = frozenset(s.code for s in person_situations(goals))
    finished = make_person(needs=("mental_wellbeing",), goals=goals, situations=stated)
    waiting_group = make_service(needs=["mental_wellbeing"], situations=["talking_therapies_waiting"])
    after_group = make_service(needs=["mental_wellbeing"], situations=["talking_therapies_finished"])
    assert check(finished, waiting_group, 1.0).reasons
    assert check(finished, after_group, 1.0).reasons == []


def test_a_need_met_only_by_a_service_not_taking_referrals_is_said_unmet(make_person, make_service, taxonomy):
    person = make_person(needs=("carers",), goals="13yo caring for mum with MS", age=13)
    closed = make_service(name="Young Carers", needs=["carers"], accepting_referrals=False)
    result = match(person, [closed], taxonomy=taxonomy, now=DECEMBER)
    unmet = {u.need: u.reason for u in result.unmet_needs}
    assert "is not taking new referrals at the moment" in unmet["carers"]
    # not offered, but set aside with why, for the link worker to see
    assert result.matches == []
    assert result.excluded == {"not taking new referrals at the moment": 1}
    open_ = make_service(name="Young Carers (open)", needs=["carers"])
    both = match(person, [closed, open_], taxonomy=taxonomy, now=DECEMBER)
    assert "carers" not in {u.need for u in both.unmet_needs}
    assert [m.name for m in both.matches] == ["Young Carers (open)"]


@pytest.mark.parametrize(
    "area, councils",
    [
        ("Morecambe Bay", {LANCASTER, WESTMORLAND}),
        ("Fylde Coast", {BLACKPOOL, FYLDE, WYRE}),
    ],
)
def test_a_trusts_locality_is_its_councils(reader, area, councils):
    record = oruk_record("Phone and home visits.", "NHS trust", service_areas=[{"name": area}])
    assert set(reader.understand(record).summary()["residency"]) == councils


def test_the_icbs_short_name_is_all_lancashires_councils(reader):
    record = oruk_record("Phone support.", "NHS trust", service_areas=[{"name": "L&SC"}])
    residency = set(reader.understand(record).summary()["residency"])
    assert {BLACKPOOL, FYLDE, WYRE, LANCASTER} <= residency and WESTMORLAND not in residency


def test_a_time_since_birth_is_no_age_limit(reader):
    perinatal = reader.understand(
        oruk_record(
            "Inclusion criteria:\n• Pregnant, or up to 2 years after birth\n• Mild to moderate anxiety"
        )
    )
    assert perinatal.value("max_age") is None
    assert reader.understand(oruk_record("Youth club for up to 18 years.")).value("max_age") == 18


def test_a_session_for_carers_among_its_offers_is_not_carers_only(reader):
    group = reader.understand(
        oruk_record("Service offer:\n• Fortnightly peer support group, carers' evening monthly\n• Adults 18+")
    )
    assert "carers" not in group.summary()["groups"]
    evening = reader.understand(oruk_record("Carers' evening: a monthly meet-up for carers."))
    assert "carers" in evening.summary()["groups"]


def test_an_exercise_class_is_not_learning(reader):
    chairs = reader.understand(oruk_record("Chair-based exercise classes for over 60s."))
    assert "learning" not in chairs.need_codes() and "physical_activity" in chairs.need_codes()
    assert "learning" in reader.understand(oruk_record("Evening classes in maths and English.")).need_codes()


def test_referred_to_talking_therapies_and_on_the_waiting_list_is_waiting():
    words = "27F, baby 4 months. HV referred her to talking therapies, she's on the waiting list."
    assert "talking_therapies_waiting" in {s.code for s in person_situations(words)}


def test_an_exclusion_list_below_its_heading_turns_people_away(reader):
    found = reader.understand(oruk_record(WAITING_WELL, "NHS trust", name="Waiting Well"))
    assert {"alcohol_drugs", "psychosis"} <= {f.value for f in found.exclusions}


@pytest.mark.parametrize(
    "item",
    [
        "Uncontrolled angina/BP – GP clearance required",
        "Current risk to others – discuss with team lead first",
    ],
)
def test_an_exclusion_only_when_a_condition_is_out_of_hand_or_a_risk_to_others_turns_no_one_away(
    reader, item
):
    found = reader.understand(oruk_record(f"Led walks.\nExclusion criteria:\n• {item}\nReferral route: self"))
    assert found.exclusions == []


def test_an_outreach_for_people_without_a_settled_home_is_not_for_a_council_tenant(
    reader, make_person, make_service
):
    outreach = reader.understand(
        oruk_record(
            "HMO outreach.\nExclusion criteria:\n• Not for people with a settled tenancy – refer to CAB"
        )
    )
    assert [f.value for f in outreach.exclusions] == ["settled_home"]
    service = make_service(needs=["housing"], exclusions=["settled_home"])
    tenant = make_person(needs=("housing",), goals="38M single dad, council flat in Claremont, UC deductions")
    assert check(tenant, service, 1.0).reasons
    sofa = make_person(needs=("housing",), goals="sofa surfing at a mate's, no fixed abode")
    assert check(sofa, service, 1.0).reasons == []
