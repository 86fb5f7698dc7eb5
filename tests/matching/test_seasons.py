"""Services that run only part of the year: read from their words or schedules, ranked as taking
nobody in the months they do not run, and not counted then as meeting a need."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from matching import match
from matching.understanding.record import normalise
from matching.understanding.season import find_season, read_season, season_words


def _season(description: str = "", **fields) -> list[int] | None:
    found = find_season(normalise({"id": "s", "name": "A service", "description": description, **fields}))
    return found.value["months"] if found else None


@pytest.mark.parametrize(
    "words, months",
    [
        ("Shared allotment plots, tool sharing. April to October only.", "April to October"),
        ("Warm space Monday and Wednesday afternoons Nov-March: soup, toast, games.", "November to March"),
        ("Tuesdays and Saturdays in the growing season (March-October).", "March to October"),
        ("£5 per session. Summer break July and August.", "September to June"),
        ("Fortnightly Sundays 10am (not Dec-Feb).", "March to November"),
        ("Open Tuesdays. Closed in August.", "September to July"),
        ("Boat trips on the canal. Summer season only.", "May to September"),
        ("Free fridge at the harbour. Winter only.", "November to March"),
        ("Each March local solicitors write simple wills for people over 55.", "March"),
    ],
)
def test_a_season_in_the_words_is_read(words, months):
    assert season_words(_season(words) or []) == months


@pytest.mark.parametrize(
    "words",
    [
        "Funded from April 2025 to March 2026 by the council.",
        "Enrolment Sept and Jan. Free to eligible learners.",
        "Walking football. Indoor in winter, outdoor pitches April-Sept.",
        "Advice and support. Volunteers also give fuel vouchers in winter (Oct-Mar).",
        "Led walks every week. Saturday walk suspended Dec-Jan (flooding on path).",
        "Lunch club closed March - funding ended.",
        "Apply between January and March for a place next year.",
        "A married couples' group, Tuesdays.",
        "Open all year round, Mondays 10-12.",
    ],
)
def test_months_said_for_something_else_are_not_a_season(words):
    assert _season(words) is None


def test_a_season_is_read_from_the_schedules_valid_dates():
    schedules = [{"byday": "SA", "valid_from": "2025-04-01", "valid_to": "2025-10-31"}]
    assert season_words(_season("Rambles.", schedules=schedules) or []) == "April to October"


def test_a_schedule_that_runs_all_year_makes_the_service_run_all_year():
    schedules = [
        {"byday": "SA", "valid_from": "2026-03-01", "valid_to": "2026-10-31"},
        {"byday": "TU"},
    ]
    assert _season("Growing project.", schedules=schedules) is None


JULY = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)
DECEMBER = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)


def test_a_service_out_of_season_is_ranked_last_and_meets_no_need_today(make_service, make_person, taxonomy):
    allotment = make_service(
        name="Allotment project", needs=["physical_activity"], season_months=list(range(4, 11)), km=0.5
    )
    walks = make_service(name="Walking group", needs=["physical_activity"], km=2.0)
    person = make_person(needs=("physical_activity",))
    december = match(person, [allotment, walks], taxonomy=taxonomy, now=DECEMBER)
    assert [m.name for m in december.matches] == ["Walking group", "Allotment project"]
    assert "runs April to October only: not running now" in december.matches[1].warnings
    assert december.unmet_needs == []
    summer = match(person, [allotment, walks], taxonomy=taxonomy, now=JULY)
    assert [m.name for m in summer.matches] == ["Allotment project", "Walking group"]


def test_a_need_met_only_out_of_season_is_said_unmet_naming_when_it_runs(make_service, make_person, taxonomy):
    allotment = make_service(
        name="Allotment project", needs=["physical_activity"], season_months=list(range(4, 11))
    )
    result = match(make_person(needs=("physical_activity",)), [allotment], taxonomy=taxonomy, now=DECEMBER)
    assert [m.name for m in result.matches] == ["Allotment project"]
    (unmet,) = result.unmet_needs
    assert unmet.reason == (
        "no physical activity service running at this time of year: Allotment project runs April to October only"
    )
    assert (
        match(make_person(needs=("physical_activity",)), [allotment], taxonomy=taxonomy, now=JULY).unmet_needs
        == []
    )


def test_a_winter_warm_space_runs_round_the_new_year(make_service, make_person, taxonomy):
    warm = make_service(name="Warm space", needs=["loneliness"], season_months=[11, 12, 1, 2, 3])
    person = make_person(needs=("loneliness",))
    assert match(person, [warm], taxonomy=taxonomy, now=DECEMBER).unmet_needs == []
    assert match(person, [warm], taxonomy=taxonomy, now=JULY).unmet_needs != []


@pytest.mark.parametrize(
    "typed, months",
    [
        ("April to October", list(range(4, 11))),
        ("Nov-Mar", [11, 12, 1, 2, 3]),
        ("August", [8]),
        ("all year", []),
    ],
)
def test_months_a_curator_types_are_read(typed, months):
    assert read_season(typed) == months


def test_words_that_are_not_months_are_not_a_season():
    assert read_season("Tuesdays") is None


def test_a_season_the_publisher_gives_in_its_own_column_wins_over_the_words():
    record = normalise({"id": "s", "name": "Walks", "description": "April to October only."})
    record.declared["season"] = "all year"
    assert find_season(record) is None
    record.declared["season"] = "May-Sep"
    found = find_season(record)
    assert found is not None and season_words(found.value["months"]) == "May to September"


def test_the_service_named_for_a_season_is_the_nearest_even_at_0_km(make_service, make_person, taxonomy):
    # postcodes placed at their district's centre often put a venue 0 km from the person
    here = make_service(name="Allotment here", needs=["physical_activity"], season_months=[4, 5], km=0.0)
    far = make_service(name="Allotment far", needs=["physical_activity"], season_months=[6, 7], km=4.0)
    (unmet,) = match(
        make_person(needs=("physical_activity",)), [far, here], taxonomy=taxonomy, now=DECEMBER
    ).unmet_needs
    assert "Allotment here runs April to May only" in unmet.reason
