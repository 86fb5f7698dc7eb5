from datetime import timedelta

import pytest

from matching.constraints import Check
from matching.explain import cost_text, distance_text, reasons, times_text, warnings


@pytest.mark.parametrize("km, text", [
    (1.23, "1.2 km away"), (12.06, "12.1 km away"), (0.35, "350 m away"), (0.3449, "340 m away"),
    (0.999, "1.0 km away"), (0.001, "10 m away"),
])
def test_distance(km, text):
    assert distance_text(km) == text


@pytest.mark.parametrize("band, text, shown", [
    ("free", "Free", "free"), ("low_cost", "Small charge", "small charge"),
    ("low_cost", "£3.50 per session", "£3.50 per session"), ("paid", None, "paid"),
    ("unknown", None, None),
])
def test_cost(make_service, band, text, shown):
    assert cost_text(make_service(cost_band=band, cost_text=text)) == shown


def test_times(make_service):
    one = make_service()
    assert times_text(one) == "Tue 10:00–12:00"
    two = make_service(schedules=[{"byday": ["MO"], "opens_at": "10:00", "closes_at": "12:00"},
                                  {"byday": ["WE"], "opens_at": "10:00", "closes_at": "12:00"},
                                  {"byday": ["SA"], "opens_at": "09:30", "closes_at": "11:00"}])
    assert times_text(two) == "Mon, Wed 10:00–12:00; Sat 09:30–11:00"
    week = make_service(schedules=[{"byday": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00",
                                    "closes_at": "17:00"}])
    assert times_text(week) == "Mon–Fri 09:00–17:00"
    free_text = make_service(days=[], schedules=[], schedule_text="First Monday of the month")
    assert times_text(free_text) == "First Monday of the month"
    assert times_text(make_service(days=[], schedules=[])) is None


def test_reasons_in_order(make_service, taxonomy):
    service = make_service(referral_routes=["self", "drop_in"])
    assert reasons(service, 1.24, None, ["loneliness", "bereavement"], taxonomy) == [
        "1.2 km away", "meets: loneliness and isolation, bereavement", "free", "Tue 10:00–12:00",
        "self-referral", "drop-in",
    ]


def test_reasons_for_remote_and_professional_only(make_service, taxonomy):
    phone = make_service(km=None, delivery=["phone"], referral_routes=["professional"], days=[],
                         schedules=[], cost_band="unknown", cost_text=None)
    assert reasons(phone, None, "phone", ["money_debt"], taxonomy) == [
        "phone service", "meets: money and debt", "needs a professional referral"]
    outreach = make_service(km=8, area_wide=True, referral_routes=["self", "professional"])
    assert reasons(outreach, 8.0, "area_wide", [], taxonomy)[:2] == ["covers your area", "8.0 km away"]


def test_warnings(make_service, now):
    clean = make_service()
    assert warnings(clean, Check(), now) == []
    waiting = make_service(wait_weeks=6)
    assert warnings(waiting, Check(), now) == ["waiting list about 6 weeks"]
    full = make_service(accepting_referrals=False, wait_weeks=6)
    assert warnings(full, Check(), now) == ["not accepting referrals at the moment"]


@pytest.mark.parametrize("days_ago, expected", [
    (30, []), (360, []), (14 * 30.44 + 3, ["last checked 14 months ago"]), (None, ["never checked"]),
])
def test_freshness_warnings(make_service, now, days_ago, expected):
    when = None if days_ago is None else (now - timedelta(days=days_ago)).isoformat()
    service = make_service(last_verified_at=when, last_verified_ts=0)
    assert warnings(service, Check(), now) == expected


def test_missing_facts_are_warned_about(make_service, now):
    service = make_service(days=[], schedules=[], schedule_text="Mondays, term time")
    check = Check(warnings=["wheelchair access not recorded", "times not recorded", "cost not recorded"])
    assert warnings(service, check, now) == ["wheelchair access not recorded", "cost not recorded"]
    assert warnings(service, check, now, days_requested=True) == [
        "wheelchair access not recorded", "check the days: times are free text", "cost not recorded"]
