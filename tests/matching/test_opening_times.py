"""Opening times as curators type them: read into RFC 5545 rules, said back in plain words, next session."""

from __future__ import annotations

from datetime import datetime

import pytest

from matching.understanding.schedule import (
    ScheduleWordsError,
    describe_opening_times,
    next_session,
    read_opening_times,
    read_opening_times_list,
)

# Monday 30 November 2026, 1pm.
NOW = datetime(2026, 11, 30, 13, 0)


@pytest.mark.parametrize(
    "typed, byday, opens, closes, freq, words",
    [
        ("Thursdays 10am–12pm", ["TH"], "10:00", "12:00", "WEEKLY", "Every Thursday, 10am to 12pm"),
        (
            "first Tuesday of the month 2–4pm",
            ["1TU"],
            "14:00",
            "16:00",
            "MONTHLY",
            "First Tuesday of the month, 2pm to 4pm",
        ),
        (
            "weekdays 9 to 5",
            ["MO", "TU", "WE", "TH", "FR"],
            "09:00",
            "17:00",
            "WEEKLY",
            "Every weekday, 9am to 5pm",
        ),
        (
            "Mon, Wed 10:00-12:00",
            ["MO", "WE"],
            "10:00",
            "12:00",
            "WEEKLY",
            "Every Monday and Wednesday, 10am to 12pm",
        ),
        (
            "MO,WE 10:00-12:00",
            ["MO", "WE"],
            "10:00",
            "12:00",
            "WEEKLY",
            "Every Monday and Wednesday, 10am to 12pm",
        ),
        ("1TU 14:00-16:00", ["1TU"], "14:00", "16:00", "MONTHLY", "First Tuesday of the month, 2pm to 4pm"),
        (
            "first and third Tuesday of the month 2-4pm",
            ["1TU", "3TU"],
            "14:00",
            "16:00",
            "MONTHLY",
            "First and third Tuesday of the month, 2pm to 4pm",
        ),
        (
            "last Friday of the month noon to 2pm",
            ["-1FR"],
            "12:00",
            "14:00",
            "MONTHLY",
            "Last Friday of the month, 12pm to 2pm",
        ),
        (
            "Monday to Friday 9.30am-5pm",
            ["MO", "TU", "WE", "TH", "FR"],
            "09:30",
            "17:00",
            "WEEKLY",
            "Every weekday, 9:30am to 5pm",
        ),
        ("every Wednesday 7-9pm", ["WE"], "19:00", "21:00", "WEEKLY", "Every Wednesday, 7pm to 9pm"),
        (
            "Daily 8am-8pm",
            ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
            "08:00",
            "20:00",
            "WEEKLY",
            "Every day, 8am to 8pm",
        ),
    ],
)
def test_plain_words_become_rules_and_are_said_back(typed, byday, opens, closes, freq, words):
    rule = read_opening_times(typed)
    assert rule == {"byday": byday, "opens_at": opens, "closes_at": closes, "freq": freq}
    assert describe_opening_times(rule["byday"], rule["opens_at"], rule["closes_at"]) == words


def test_several_entries_and_every_unreadable_one_named():
    rules = read_opening_times_list("Thursdays 10am-12pm; first Tuesday of the month 2-4pm")
    assert [r["byday"] for r in rules] == [["TH"], ["1TU"]]
    with pytest.raises(ScheduleWordsError) as caught:
        read_opening_times_list("Thursday mornings 10-12; Tuesdays 2-4pm; bingo night 7-9pm")
    assert caught.value.unread == ["mornings", "bingo", "night"]
    assert "“mornings”" in str(caught.value) and "“bingo”, “night”" in str(caught.value)


@pytest.mark.parametrize(
    "typed, says",
    [
        ("every other Friday 1-3pm from 3 December 2026", "Thursday 3 December 2026 is not one of its days"),
        ("Thursdays 10-12 from 3 December 2026", "a start date is only needed for every other week"),
        ("every other first Tuesday 2-4pm", "a week of the month or every other week, not both"),
        ("fortnightly on Fridays 1-3pm from 31/02/2026", "is not a date"),
        ("Thursdays", "has no times"),
        ("10am-12pm", "does not say which days"),
        ("Mondays 25:00-26:00", "does not exist"),
        ("Mondays 12-10", "closes before it opens"),
        ("Mondays 10-12, 2-4pm", "more than one set of times"),
        ("9TU 10:00-12:00", "a week of the month is 1 to 5"),
    ],
)
def test_what_cannot_be_read_is_refused_with_the_reason(typed, says):
    with pytest.raises(ScheduleWordsError, match=says):
        read_opening_times(typed)


def test_next_session_follows_the_rules():
    weekly = read_opening_times("Thursdays 10am-12pm")
    monthly = read_opening_times("first Tuesday of the month 2-4pm")
    assert next_session([weekly], NOW) == datetime(2026, 12, 3, 10, 0)
    assert next_session([monthly], NOW) == datetime(2026, 12, 1, 14, 0)
    assert next_session([weekly, monthly], NOW) == datetime(2026, 12, 1, 14, 0)
    # Today's session has not started yet at 9am, and has by 1pm.
    today = read_opening_times("Mondays 10am-12pm")
    assert next_session([today], datetime(2026, 11, 30, 9, 0)) == datetime(2026, 11, 30, 10, 0)
    assert next_session([today], NOW) == datetime(2026, 12, 7, 10, 0)
    last = read_opening_times("last Friday of the month 12-2pm")
    assert next_session([last], NOW) == datetime(2026, 12, 25, 12, 0)


@pytest.mark.parametrize(
    "typed",
    [
        "every other Friday 10am-12pm from 4 December 2026",
        "fortnightly on Fridays 10-12, next one 4/12/2026",
        "alternate Fridays 10am to 12pm starting 2026-12-04",
        "FR 10:00-12:00 every 2 weeks from 2026-12-04",
    ],
)
def test_every_other_week_is_read_with_the_date_that_fixes_its_weeks(typed):
    rule = read_opening_times(typed)
    assert rule == {
        "byday": ["FR"],
        "opens_at": "10:00",
        "closes_at": "12:00",
        "freq": "WEEKLY",
        "interval": 2,
        "dtstart": "2026-12-04",
    }
    assert describe_opening_times(["FR"], "10:00", "12:00", 2) == "Every other Friday, 10am to 12pm"
    # The sessions alternate: 4 and 18 December, never the 11th.
    assert next_session([rule], NOW) == datetime(2026, 12, 4, 10, 0)
    assert next_session([rule], datetime(2026, 12, 5, 9, 0)) == datetime(2026, 12, 18, 10, 0)
    # The words a provider is shown read back to the same rule.
    words = describe_opening_times(["FR"], "10:00", "12:00", 2, "2026-12-04")
    assert words == "Every other Friday, 10am to 12pm, from 4 December 2026"
    assert read_opening_times(words) == rule


def test_every_other_week_without_a_date_gives_no_next_session_rather_than_a_wrong_one():
    rule = read_opening_times("every other Friday 1-3pm")
    assert rule["interval"] == 2 and "dtstart" not in rule
    assert next_session([rule], NOW) is None
    assert (
        describe_opening_times(["1TU"], "14:00", "16:00", 2)
        == "First Tuesday of every other month, 2pm to 4pm"
    )


def test_the_next_session_of_a_seasonal_service_is_in_its_season():
    allotment = read_opening_times("Saturdays 10am-1pm")
    # Monday 30 November: an April-to-October allotment meets next on the first Saturday of April.
    assert next_session([allotment], NOW, months=list(range(4, 11))) == datetime(2027, 4, 3, 10, 0)
    assert next_session([allotment], NOW, months=[11, 12, 1, 2, 3]) == datetime(2026, 12, 5, 10, 0)
