"""The commissioner's view: counts, rates and wellbeing change, with small numbers suppressed
on the page, in the CSV and in the API alike."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest

from directory_app import db
from directory_app.referrals import service as records
from directory_app.referrals import stats
from tests.conftest import csrf_token
from tests.referrals.conftest import bearer


@pytest.mark.parametrize(
    "numerator, denominator, shown",
    [
        (6, 12, 50.0),
        (5, 5, 100.0),
        (0, 8, 0.0),
        (3, 20, None),
        (18, 20, None),
        (4, 4, None),
        (0, 3, None),
    ],
)
def test_a_rate_is_hidden_when_it_could_reveal_fewer_than_five_people(numerator, denominator, shown):
    assert stats.safe_rate(numerator, denominator) == shown


@pytest.fixture
def outcomes(app, make_service, make_referral, advance):
    """Sale Lunch Club: 12 referred, 6 completed (each with wellbeing up 2, anxiety down 2), 6
    declined by the service; 3 of them also for older people. Bereavement group: 2 turned away
    for want of capacity, 1 completed with wellbeing scores."""
    lunch = make_service(needs="loneliness;older_people")
    grief = make_service(
        name="Sale Bereavement Support",
        needs="bereavement",
        minimum_age=18,
        description="Support group for people who have lost a partner.",
    )
    completed = []
    for n in range(12):
        needs = ["loneliness", "older_people"] if n < 3 else ["loneliness"]
        referral = make_referral(actor="lw", service_id=lunch, needs=needs, status="referred")
        if n % 2:
            advance(referral.id, "lw", "declined")
        else:
            advance(referral.id, "lw", "accepted", "attended", "completed")
            completed.append(referral.case_reference)
    for path in (["no_capacity"], ["no_capacity"], ["accepted", "attended", "completed"]):
        referral = make_referral(actor="lw", service_id=grief, needs=["bereavement"], status="referred")
        advance(referral.id, "lw", *path)
    completed.append(referral.case_reference)
    with db.session_scope(app) as session:
        for case in completed:
            for stage, happiness, anxiety in (("baseline", 4, 6), ("follow_up", 6, 4)):
                records.record_wellbeing(
                    session,
                    {"case_reference": case, "stage": stage, "happiness": happiness, "anxiety": anxiety},
                    actor="lw",
                )
    return {"lunch": lunch, "grief": grief}


def _row(rows, code):
    return next(row for row in rows if row["code"] == code)


def test_summary_counts_rates_and_wellbeing_with_small_groups_suppressed(app, client, token_for, outcomes):
    with db.session_scope(app) as session:
        data = stats.summary(session)
    lunch, grief = _row(data["by_service"], outcomes["lunch"]), _row(data["by_service"], outcomes["grief"])
    assert {k: lunch[k] for k in stats.COUNT_KEYS} == {
        "recorded": 12,
        "referred": 12,
        "accepted": 6,
        "completed": 6,
        "declined": 6,
        "no_capacity": 0,
        "did_not_attend": 0,
    }
    assert (lunch["acceptance_rate"], lunch["completion_rate"]) == (50.0, 100.0)
    assert lunch["wellbeing"] == {
        "people": 6,
        "life_satisfaction": None,
        "worthwhile": None,
        "happiness": 2.0,
        "anxiety": -2.0,
    }
    assert {k: grief[k] for k in stats.COUNT_KEYS} == {
        "recorded": "<5",
        "referred": "<5",
        "accepted": "<5",
        "completed": "<5",
        "declined": 0,
        "no_capacity": "<5",
        "did_not_attend": 0,
    }
    assert (grief["acceptance_rate"], grief["completion_rate"]) == (None, None)
    assert grief["wellbeing"]["people"] == "<5" and grief["wellbeing"]["happiness"] is None
    older = _row(data["by_need"], "older_people")
    assert older["recorded"] == "<5" and older["wellbeing"]["people"] == "<5"
    assert _row(data["by_need"], "loneliness")["wellbeing"]["happiness"] == 2.0
    assert [(r["code"], r["no_capacity"], r["listed"]) for r in data["no_capacity"]] == [
        (outcomes["grief"], "<5", True)
    ]

    api = client.get("/api/v1/referrals/summary", headers=bearer(token_for("commissioner")))
    assert api.status_code == 200
    assert api.get_json() == data


def test_dashboard_and_csv_show_only_suppressed_small_numbers(client, login_as, outcomes):
    login_as("link_worker")
    assert client.get("/referrals/dashboard").status_code == 403
    client.post("/logout", data={"csrf_token": csrf_token(client, "/referrals/")})
    login_as("commissioner")
    page = unescape(client.get("/referrals/dashboard").get_data(as_text=True))
    assert "Sale Bereavement Support" in page and "<5" in page
    assert "50%" in page and "+2.0" in page and "-2.0" in page
    assert "Services that had no capacity" in page and "Capacity not known" in page

    response = client.get("/referrals/dashboard.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    grief = next(r for r in rows if r["group"] == "service" and r["name"] == "Sale Bereavement Support")
    assert (
        grief["recorded"],
        grief["no_capacity"],
        grief["completed"],
        grief["acceptance_rate_pct"],
        grief["wellbeing_people"],
        grief["happiness_change"],
    ) == ("<5", "<5", "<5", "", "<5", "")
    counts = [r[k] for r in rows for k in stats.COUNT_KEYS + ("wellbeing_people",)]
    assert not [c for c in counts if c in ("1", "2", "3", "4")], "a count of 1-4 escaped suppression"
