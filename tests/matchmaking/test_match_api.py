from __future__ import annotations

import logging

import pytest
from sqlalchemy import MetaData
from sqlmodel import select

from directory_app import db
from directory_app.models import MatchDemand
from directory_app.search.indexing import wait_until_idle
from tests.conftest import PHONE_LINE, search_down


@pytest.fixture
def directory(app, make_service):
    ids = {
        "lunch": make_service(),
        "bereavement": make_service(
            name="Sale Bereavement Support",
            postcode="M33 7ZZ",
            minimum_age=18,
            cost="free",
            schedule="WE 13:00-15:00",
            needs="bereavement",
            description="Support group for people who have lost a husband, wife or partner.",
        ),
        "far_debt": make_service(
            name="Altrincham Debt Advice",
            postcode="WA14 1PF",
            minimum_age=18,
            cost="free",
            schedule="FR 09:00-17:00",
            needs="money_debt",
            description="Free advice on debts, bailiffs and budgeting.",
        ),
        "phone_debt": make_service(
            name="National Debtline",
            **PHONE_LINE,
            needs="money_debt",
            description="Free confidential debt advice by phone.",
        ),
        "closed": make_service(name="Sale Lunch Club (old)", status="defunct"),
    }
    wait_until_idle(app)
    return ids


def test_match_explains_each_result(client, token_for, directory):
    token = token_for("link_worker")
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={"goals": "hardly leaves the house since his wife died", "postcode": "m33 7zz", "age": 78},
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert {"loneliness", "bereavement"} <= set(body["needs"])
    names = [m["name"] for m in body["matches"]]
    assert "Sale Lunch Club (old)" not in names  # defunct is never a match
    top = body["matches"][0]
    assert set(top) >= {"service_id", "name", "score", "distance_km", "needs_met", "reasons", "warnings"}
    # Each reason is a kind with its values, and the words the match page shows.
    distance = next(r for r in top["reasons"] if r["kind"] == "distance")
    assert distance["km"] == pytest.approx(top["distance_km"], abs=0.05) and distance["text"].endswith(
        " away"
    )
    assert body["location"]["postcode"] == "M33 7ZZ"
    lunch = next(m for m in body["matches"] if m["service_id"] == directory["lunch"])
    times = next(r for r in lunch["reasons"] if r["kind"] == "times")
    assert times["text"] == "Tue, Thu 11:30–13:30"
    assert times["sessions"] == [{"days": ["TU", "TH"], "opens": "11:30", "closes": "13:30"}]


def test_a_service_for_widowed_people_opens_to_a_widow_not_to_a_grieving_daughter(
    client, token_for, directory
):
    token = token_for("link_worker")

    def ask(**extra):
        response = client.post(
            "/api/v1/match",
            headers={"Authorization": f"Bearer {token}"},
            json={"postcode": "M33 7ZZ", "age": 60, "needs": ["bereavement"], **extra},
        )
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    daughter = ask(goals="lost her mum in the spring, can't stop crying")
    assert directory["bereavement"] not in [m["service_id"] for m in daughter["matches"]]
    assert daughter["excluded"] == {"only for widowed people": 1}
    for widow in (
        ask(goals="can't stop crying", situations=["widowed"]),
        ask(goals="her husband died in May"),
    ):
        (match,) = [m for m in widow["matches"] if m["service_id"] == directory["bereavement"]]
        assert {"kind": "for_situation", "code": "widowed", "text": "for widowed people"} in match["reasons"]


def test_a_line_is_offered_only_where_its_organisation_says_it_works(app, client, token_for, make_service):
    """A phone line with no venue whose organisation works in Salford is no help in Sale; one that
    says it works in Trafford is offered there."""
    salford = make_service(
        name="Debt Line North",
        postcode=None,
        delivery="phone",
        needs="money_debt",
        cost="free",
        description="Debt advice by phone. We work across the Salford area.",
    )
    trafford = make_service(
        name="Debt Line South",
        postcode=None,
        delivery="phone",
        needs="money_debt",
        cost="free",
        description="Debt advice by phone. We work across the Trafford area.",
    )
    wait_until_idle(app)
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"postcode": "M33 7ZZ", "needs": ["money_debt"], "goals": "debts"},
    )
    assert response.status_code == 200, response.get_json()
    offered = [m["service_id"] for m in response.get_json()["matches"]]
    assert trafford in offered and salford not in offered


def test_a_service_whose_words_say_it_has_closed_is_not_offered(app, client, token_for, make_service):
    """A feed still lists it as active; its description says "Closed - funding ended"."""
    closed = make_service(
        name="Grow Well Garden",
        needs="nature_gardening",
        description="Therapeutic gardening. Closed - funding ended (Sept 2026). We hope to reopen.",
    )
    open_ = make_service(name="Leverhulme Allotment Group", needs="nature_gardening")
    wait_until_idle(app)
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"postcode": "M33 7ZZ", "needs": ["nature_gardening"], "goals": "loves gardening"},
    )
    assert response.status_code == 200, response.get_json()
    offered = [m["service_id"] for m in response.get_json()["matches"]]
    assert open_ in offered and closed not in offered


def test_hours_said_only_in_the_description_count_for_someone_who_can_only_come_in_the_evening(
    app, client, token_for, make_service
):
    """A carers' line whose record has no schedule but says "Mon-Tue 10-4." is not an evening
    service: the unmet need says so rather than counting it as open at hours nobody knows."""
    make_service(
        name="Carers Advice Line",
        **PHONE_LINE,
        needs="carers",
        description="Advice for carers on Carer's Allowance and assessments. Mon-Tue 10-4.",
    )
    wait_until_idle(app)
    body = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={
            "needs": ["carers"],
            "postcode": "M33 7ZZ",
            "age": 44,
            "goals": "cares for his mum, evenings only",
        },
    ).get_json()
    unmet = [u for u in body["unmet_needs"] if u["need"] == "carers"]
    assert unmet and "evening" in unmet[0]["reason"], body["unmet_needs"]


def test_unmet_need_is_said_plainly_with_nearest_and_phone_option(client, token_for, directory):
    token = token_for("link_worker")
    body = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "needs": ["money_debt"],
            "postcode": "M33 7ZZ",
            "age": 40,
            "constraints": {"max_distance_km": 2, "delivery": "in_person"},
        },
    ).get_json()
    assert body["matches"] == []
    unmet = body["unmet_needs"][0]
    assert unmet["need"] == "money_debt"
    assert unmet["nearest_km"] == pytest.approx(4.4, abs=0.6)  # Altrincham is ~4.4 km from M33 7ZZ
    assert "2 km" in unmet["reason"]
    assert any("National Debtline" in alternative for alternative in unmet["alternatives"])


def test_match_records_only_aggregate_demand(app, client, token_for, directory, caplog):
    caplog.set_level(logging.DEBUG)
    token = token_for("link_worker")
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "goals": "My name is Jonquil Smithers, NHS 943 476 5919, can't pay the bailiffs",
            "postcode": "M33 7ZZ",
        },
    )
    assert response.status_code == 200
    with db.session_scope(app) as session:
        rows = session.exec(select(MatchDemand)).all()
        assert rows and {r.district for r in rows} == {"M33"}
        # Every row of every table the database holds (reflected, so a table added outside the
        # models is read too), not just the demand table: the words must be nowhere.
        tables = MetaData()
        tables.reflect(bind=session.connection())
        assert MatchDemand.__tablename__ in tables.tables
        everything = " ".join(
            str(tuple(row))
            for table in tables.sorted_tables
            for row in session.connection().execute(table.select())
        )
    logged = " ".join(record.getMessage() for record in caplog.records)
    for secret in ("Jonquil", "Smithers", "943 476", "9434765919", "can't pay"):
        assert secret not in everything
        assert secret not in logged


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"goals": "x", "postcode": "NOT A POSTCODE"}, "postcode"),
        ({"goals": "x", "postcode": "ZZ9 9ZZ"}, "postcode"),
        ({"goals": "x", "age": -3}, "age"),
        ({"goals": "x", "needs": ["unicorns"]}, "needs"),
        ({"goals": "x", "constraints": {"days": ["Funday"]}}, "days"),
        ({"goals": "x", "constraints": {"delivery": "teleport"}}, "delivery"),
        ({"goals": "x", "constraints": {"max_distance_km": 5}}, "max_distance_km"),
        ({"goals": "x", "limit": 0}, "limit"),
        ({"goals": "x", "situations": ["flying"]}, "situations"),
    ],
)
def test_invalid_input_names_the_field(client, token_for, payload, field):
    token = token_for("link_worker")
    response = client.post("/api/v1/match", headers={"Authorization": f"Bearer {token}"}, json=payload)
    assert response.status_code == 400
    assert field in response.get_json()["error"]["fields"]


def test_match_needs_the_link_worker_role(client, token_for):
    assert client.post("/api/v1/match", json={"goals": "lonely"}).status_code == 401
    navigator = token_for("navigator")
    response = client.post(
        "/api/v1/match", headers={"Authorization": f"Bearer {navigator}"}, json={"goals": "lonely"}
    )
    assert response.status_code == 403


def test_search_down_gives_503_with_retry_after(app, client, token_for):
    token = token_for("link_worker")
    search_down(app)
    response = client.post(
        "/api/v1/match", headers={"Authorization": f"Bearer {token}"}, json={"goals": "lonely"}
    )
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "unavailable" in response.get_json()["error"]["message"]
    search = client.get("/api/v1/services?q=lunch")
    assert search.status_code == 503 and search.headers["Retry-After"]
