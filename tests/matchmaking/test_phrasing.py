"""The words a link worker reads for each structured reason the matcher gives (no app, no index:
the real needs taxonomy and the matching library only)."""

from __future__ import annotations

import pytest

from directory_app.matchmaking.phrasing import distance_text, reason_text, worded
from directory_app.needs import taxonomy
from matching.explain import reasons

TUESDAY = [{"byday": ["TU"], "opens_at": "10:00", "closes_at": "12:00"}]


def service(**fields):
    base = {
        "cost_band": "free",
        "cost_text": "Free",
        "delivery": ["in_person"],
        "referral_routes": ["self"],
        "days": ["TU"],
        "schedules": TUESDAY,
        "schedule_text": None,
    }
    return {**base, **fields}


def texts(items):
    return [item["text"] for item in worded(items, taxonomy())]


@pytest.mark.parametrize(
    "km, text",
    [
        (1.23, "1.2 km away"),
        (12.06, "12.1 km away"),
        (0.35, "350 m away"),
        (0.3449, "340 m away"),
        (0.999, "1.0 km away"),
        (0.001, "10 m away"),
    ],
)
def test_distance(km, text):
    assert distance_text(km) == text


@pytest.mark.parametrize(
    "band, text, shown",
    [
        ("free", "Free", "free"),
        ("low_cost", "Small charge", "small charge"),
        ("low_cost", "£3.50 per session", "£3.50 per session"),
        ("paid", None, "paid"),
    ],
)
def test_cost(band, text, shown):
    assert texts(
        reasons(
            service(cost_band=band, cost_text=text, schedules=[], days=[], referral_routes=[]), None, None, []
        )
    ) == [shown]


def test_times():
    def times(**fields):
        return texts(
            reasons(
                service(cost_band="unknown", cost_text=None, referral_routes=[], **fields), None, None, []
            )
        )

    assert times() == ["Tue 10:00–12:00"]
    assert times(
        schedules=[
            {"byday": ["MO"], "opens_at": "10:00", "closes_at": "12:00"},
            {"byday": ["WE"], "opens_at": "10:00", "closes_at": "12:00"},
            {"byday": ["SA"], "opens_at": "09:30", "closes_at": "11:00"},
        ]
    ) == ["Mon, Wed 10:00–12:00; Sat 09:30–11:00"]
    assert times(
        schedules=[{"byday": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00", "closes_at": "17:00"}]
    ) == ["Mon–Fri 09:00–17:00"]
    assert times(schedules=[{"byday": [], "opens_at": "18:00"}]) == ["from 18:00"]
    assert times(days=[], schedules=[], schedule_text="First Monday of the month") == [
        "First Monday of the month"
    ]
    assert times(days=[], schedules=[]) == []


def test_reasons_read_in_order():
    assert texts(
        reasons(service(referral_routes=["self", "drop_in"]), 1.24, None, ["loneliness", "bereavement"])
    ) == [
        "1.2 km away",
        "meets: loneliness and isolation, bereavement",
        "free",
        "Tue 10:00–12:00",
        "self-referral",
        "drop-in",
    ]
    phone = service(
        delivery=["phone"],
        referral_routes=["professional"],
        days=[],
        schedules=[],
        cost_band="unknown",
        cost_text=None,
    )
    assert texts(reasons(phone, None, "phone", ["money_debt"])) == [
        "phone service",
        "meets: money and debt",
        "needs a professional referral",
    ]
    outreach = service(referral_routes=["self", "professional"])
    assert texts(reasons(outreach, 8.0, "area_wide", []))[:2] == ["covers your area", "8.0 km away"]
    # over the person's border, the authority its venue is in is said with the distance
    assert texts(reasons(service(), 12.9, None, [], "E08000012"))[0] == "12.9 km away, in Liverpool"
    assert texts(reasons(service(), 12.9, None, [], ""))[0] == "12.9 km away"  # venues in several


def test_fit_reasons_and_unknown_kinds():
    assert reason_text({"kind": "for_group", "code": "veterans"}, taxonomy()) == "for veterans"
    assert reason_text({"kind": "suits", "code": "evenings"}) == "evening sessions"
    # A code with no words yet is left out rather than shown raw.
    assert worded([{"kind": "suits", "code": "something_new"}, {"kind": "mystery"}]) == []
    assert worded([{"kind": "distance", "km": 0.35}]) == [
        {"kind": "distance", "km": 0.35, "text": "350 m away"}
    ]
