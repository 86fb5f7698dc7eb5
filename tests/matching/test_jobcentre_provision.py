"""A Jobcentre's provision list (a District Provision Tool extract): programmes for benefit
claimants only, a right to work asked for, contracts with end dates, beside community partners
for anyone; and the person's words that say they claim nothing or may not work yet."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from matching import check
from matching.exclusions import person_exclusions
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record

DECEMBER = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
WOKINGHAM, WEST_BERKSHIRE, KENT = "E06000041", "E06000037", "E10000016"


@pytest.mark.parametrize(
    "words",
    [
        "Interview travel paid upfront. UC or JSA customers only. Referral route: work coach only.",
        "Provision type: Skills. Customer group: UC – Intensive Work Search. 18+.",
        "Must be out of work 9+ months and in the UC IWS regime or on JSA.",
    ],
)
def test_a_programme_for_claimants_is_read_so(reader, words):
    found = reader.understand(oruk_record(words, "Jobcentre Plus"))
    assert "benefits" in found.summary()["situations"]


def test_a_programme_open_to_non_claimants_is_not_for_claimants_only(reader):
    words = "Customer group: all customers – UC, ESA, PIP claimants, and non-claimants welcome."
    found = reader.understand(oruk_record(words, "Jobcentre Plus"))
    assert "benefits" not in found.summary()["situations"]


@pytest.mark.parametrize(
    "goals",
    [
        "Came from Hong Kong in 2023, was an accountant, now on nights in a warehouse. Not on any benefits.",
        "Made redundant from the depot in September, not claiming anything. Wants work.",
        "Lost her job two months ago. Not claiming – her husband's wage covers the bills.",
    ],
)
def test_someone_who_claims_nothing_is_not_offered_a_claimants_programme(make_person, make_service, goals):
    claimants = make_service(needs=["employment_skills"], situations=["benefits", "unemployed"])
    person = make_person(needs=("employment_skills", "welfare_benefits"), goals=goals)
    assert "benefits" not in {s.code for s in person_situations(goals, ("welfare_benefits",))}
    assert check(person, claimants, 1.0).reasons
    # someone who says nothing about benefits is asked to check, not turned away
    quiet = make_person(needs=("employment_skills",), goals="Lost his job at the depot, wants work.")
    assert not check(quiet, claimants, 1.0).reasons


def test_not_claiming_is_no_question_about_benefits(app_need_inferrer):
    goals = (
        "Was an accountant in Hong Kong, now nights in a warehouse. Not on any benefits. Wants an office job."
    )
    assert "welfare_benefits" not in app_need_inferrer.infer_codes(goals)
    asking = "Not getting any benefits since the divorce and can't pay the rent - what can she claim?"
    assert "welfare_benefits" in app_need_inferrer.infer_codes(asking)


def test_a_right_to_work_asked_for_turns_away_someone_still_waiting_on_asylum(
    reader, make_person, make_service
):
    programme = reader.understand(
        oruk_record("Caseworker support into work for refugees. Must have right to work in the UK.")
    )
    drop_in = reader.understand(
        oruk_record("Drop-in for refugees and people seeking asylum. No right to work needed.")
    )
    assert [f.value for f in programme.exclusions] == ["no_right_to_work"]
    assert not drop_in.exclusions
    waiting = "Afghan lad, 26, in the asylum hotel 8 months, claim still waiting, no permission to work."
    assert "no_right_to_work" in person_exclusions(waiting)
    assert "no_right_to_work" not in person_exclusions(
        "Syrian, got her refugee status last year, wants work."
    )
    service = make_service(needs=["employment_skills"], exclusions=["no_right_to_work"])
    person = make_person(needs=("employment_skills",), goals=waiting)
    assert check(person, service, 1.0).reasons


def test_a_contract_that_ended_ends_the_listing(reader, make_person, make_service):
    ended = reader.understand(
        oruk_record("Warehouse academy. Contract start: 01/04/2024. Contract end: 31/03/2026.")
    )
    running = reader.understand(oruk_record("Supported employment. Contract end date: 30/06/2028."))
    assert ended.value("runs_until") == "2026-03-31"
    assert running.value("runs_until") == "2028-06-30"
    person = make_person(needs=("employment_skills",))
    over = make_service(needs=["employment_skills"], runs_until="2026-03-31")
    assert check(person, over, 1.0, DECEMBER).reasons == ["it ended on 31 March 2026, by the dates it gives"]


def test_a_womens_service_that_sends_men_to_another_line_is_for_women(reader):
    found = reader.understand(
        oruk_record(
            "Support for women experiencing domestic abuse: helpline, safety planning, outreach.",
            "Women's Aid",
            eligibility_description="Women (16+) who have experienced domestic abuse. Men – call the Men's Advice Line.",
        )
    )
    assert found.summary()["groups"] == ["women"]


def test_stairs_to_a_named_room_are_no_way_in_for_a_wheelchair(reader):
    found = reader.understand(
        oruk_record(
            "Free tea and a warm room. Access to the hub is via a flight of stairs to the first floor."
        )
    )
    assert found.value("wheelchair") == "no"


@pytest.mark.parametrize(
    ("words", "closed"),
    [
        ("Kickstart – closed. Six-month paid job placements for young people on UC.", True),
        ("CLOSED. Paid job placements.", True),
        ("Job club – now closed.", True),
        ("Job club. Closed on bank holidays.", False),
        ("Mon 9-5. Tue: closed. Wed 9-5.", False),
        ("Lunch club. Open Tuesdays – closed at Christmas.", False),
    ],
)
def test_a_listing_headed_closed_is_not_running(reader, words, closed):
    assert bool(reader.understand(oruk_record(words, "Jobcentre Plus")).closed) is closed


def test_a_course_for_people_found_unfit_for_work_is_not_for_someone_who_must_seek_work(
    reader, make_person, make_service
):
    steps = reader.understand(
        oruk_record(
            "Six weekly sessions on sleep, pain and small goals. No conditionality.",
            "Jobcentre Plus",
            eligibility_description="Customer group: UC – LCWRA / no work-related requirements; ESA Support Group.",
        )
    )
    assert "not_fit_for_work" in steps.summary()["situations"]
    back_to_work = reader.understand(
        oruk_record("Customer group: non-claimants welcome; ESA, UC LCWRA, PIP claimants all fine.")
    )
    assert "not_fit_for_work" not in back_to_work.summary()["situations"]
    course = make_service(needs=["mental_wellbeing"], situations=["not_fit_for_work"])
    searching = make_person(needs=("mental_wellbeing",), goals="Lost his job in September, on UC IWS, low.")
    signed_off = make_person(
        needs=("mental_wellbeing",), goals="ESA support group 2 yrs, bad back, low mood."
    )
    assert check(searching, course, 1.0).reasons
    assert not check(signed_off, course, 1.0).reasons


def test_a_councils_initials_we_cannot_tell_apart_are_the_venues_council(reader):
    """WBC is West Berkshire Council or Wokingham Borough Council: the course is at Wokingham's library."""
    record = oruk_record(
        "Six-week small-group course: email, Find a Job, online forms.", "Wokingham Libraries"
    )
    record["eligibility_description"] = "For WBC residents 18+."
    record["service_at_locations"] = [
        {
            "location": {
                "name": "Wokingham Library",
                "latitude": 51.4112,
                "longitude": -0.8339,
                "addresses": [{"address_1": "Denmark St", "city": "Wokingham", "postal_code": "RG40 2BB"}],
            }
        }
    ]
    assert reader.understand(record).summary()["residency_said"] == [WOKINGHAM]
    # and the shorthand councils use for themselves
    kent = reader.understand(
        oruk_record("Befriending calls.", eligibility_description="Kent residents (KCC area)")
    )
    west_berks = reader.understand(
        oruk_record("Money advice.", eligibility_description="West Berks residents only")
    )
    assert kent.summary()["residency_said"] == [KENT]
    assert west_berks.summary()["residency_said"] == [WEST_BERKSHIRE]
