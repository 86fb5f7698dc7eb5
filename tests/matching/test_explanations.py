from datetime import timedelta

import pytest

from matching.constraints import Check
from matching.explain import cost_reason, reasons, times_reason, warnings


@pytest.mark.parametrize(
    "band, text, reason",
    [
        ("free", "Free", {"kind": "cost", "band": "free"}),
        ("low_cost", "Small charge", {"kind": "cost", "band": "low_cost"}),
        (
            "low_cost",
            "£3.50 per session",
            {"kind": "cost", "band": "low_cost", "amount": "£3.50 per session"},
        ),
        ("paid", None, {"kind": "cost", "band": "paid"}),
        ("unknown", None, None),
    ],
)
def test_cost(make_service, band, text, reason):
    assert cost_reason(make_service(cost_band=band, cost_text=text)) == reason


def test_times(make_service):
    assert times_reason(make_service()) == {
        "kind": "times",
        "sessions": [{"days": ["TU"], "opens": "10:00", "closes": "12:00"}],
    }
    two = make_service(
        schedules=[
            {"byday": ["WE"], "opens_at": "10:00", "closes_at": "12:00"},
            {"byday": ["MO"], "opens_at": "10:00", "closes_at": "12:00"},
            {"byday": ["SA"], "opens_at": "09:30", "closes_at": "11:00"},
        ]
    )
    assert times_reason(two)["sessions"] == [
        {"days": ["MO", "WE"], "opens": "10:00", "closes": "12:00"},
        {"days": ["SA"], "opens": "09:30", "closes": "11:00"},
    ]
    days_only = make_service(days=["FR", "MO"], schedules=[])
    assert times_reason(days_only)["sessions"] == [{"days": ["MO", "FR"], "opens": None, "closes": None}]
    free_text = make_service(days=[], schedules=[], schedule_text="First Monday of the month ")
    assert times_reason(free_text) == {"kind": "times", "note": "First Monday of the month"}
    assert times_reason(make_service(days=[], schedules=[])) is None


def test_reasons_in_order(make_service):
    service = make_service(referral_routes=["self", "drop_in"])
    assert reasons(service, 1.24, None, ["loneliness", "bereavement"]) == [
        {"kind": "distance", "km": 1.24},
        {"kind": "needs", "codes": ["loneliness", "bereavement"]},
        {"kind": "cost", "band": "free"},
        {"kind": "times", "sessions": [{"days": ["TU"], "opens": "10:00", "closes": "12:00"}]},
        {"kind": "route", "code": "self"},
        {"kind": "route", "code": "drop_in"},
    ]


def test_reasons_for_remote_and_professional_only(make_service):
    phone = make_service(
        km=None,
        delivery=["phone"],
        referral_routes=["professional"],
        days=[],
        schedules=[],
        cost_band="unknown",
        cost_text=None,
    )
    assert reasons(phone, None, "phone", ["money_debt"]) == [
        {"kind": "exemption", "code": "phone"},
        {"kind": "needs", "codes": ["money_debt"]},
        {"kind": "route", "code": "professional_only"},
    ]
    outreach = make_service(km=8, area_wide=True, referral_routes=["self", "professional"])
    assert reasons(outreach, 8.0, "area_wide", [])[:2] == [
        {"kind": "exemption", "code": "area_wide"},
        {"kind": "distance", "km": 8.0},
    ]
    assert {"kind": "route", "code": "professional_only"} not in reasons(outreach, 8.0, "area_wide", [])


def test_warnings(make_service, now):
    clean = make_service()
    assert warnings(clean, Check(), now) == []
    waiting = make_service(wait_weeks=6)
    assert warnings(waiting, Check(), now) == ["waiting list about 6 weeks"]
    full = make_service(accepting_referrals=False, wait_weeks=6)
    assert warnings(full, Check(), now) == ["not accepting referrals at the moment"]


@pytest.mark.parametrize(
    "days_ago, expected",
    [
        (30, []),
        (360, []),
        (14 * 30.44 + 3, ["last checked 14 months ago"]),
        (None, ["never checked"]),
    ],
)
def test_freshness_warnings(make_service, now, days_ago, expected):
    when = None if days_ago is None else (now - timedelta(days=days_ago)).isoformat()
    service = make_service(last_verified_at=when, last_verified_ts=0)
    assert warnings(service, Check(), now) == expected


def test_missing_facts_are_warned_about(make_service, now):
    service = make_service(days=[], schedules=[], schedule_text="Mondays, term time")
    check = Check(warnings=["wheelchair access not recorded", "times not recorded", "cost not recorded"])
    assert warnings(service, check, now) == ["wheelchair access not recorded", "cost not recorded"]
    assert warnings(service, check, now, days_requested=True) == [
        "wheelchair access not recorded",
        "check the days: times are free text",
        "cost not recorded",
    ]
