"""Personal data stays out: problem reports, names and emails (issue #13 item 9; case references
are tested in tests/referrals)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from directory_app import db
from directory_app.models import ProblemReport, Service
from tests.conftest import service_data


@pytest.mark.parametrize(
    "details, kind",
    [
        ("Mrs Brown phoned 07700 900123 about her referral", "phone number"),
        ("Ring them on 0161 496 0000 instead", "phone number"),
        ("email jo.bloggs@example.com for details", "email"),
        ("NHS no 943 476 5919 was referred", "NHS number"),
        ("She lives at M33 7ZZ now", "postcode"),
    ],
)
def test_problem_reports_with_contact_details_or_identifiers_are_refused(
    app, client, make_service, details, kind
):
    """Defect: an anonymous report stored "… phoned 07700 900123 about her referral" verbatim."""
    service_id = make_service()
    response = client.post(
        f"/api/v1/services/{service_id}/problems", json={"kind": "other", "details": details}
    )
    assert response.status_code == 400
    message = response.get_json()["error"]["fields"]["details"]
    assert kind in message and "without" in message
    with db.session_scope(app) as session:
        assert session.exec(select(ProblemReport)).all() == []
        assert session.get(Service, service_id).under_review is False


def test_a_plain_problem_report_is_kept_and_the_form_says_what_not_to_write(app, client, make_service):
    service_id = make_service()
    response = client.post(
        f"/api/v1/services/{service_id}/problems",
        json={"kind": "closed", "details": "Closed since 3 March 2026; the hall is shut."},
    )
    assert response.status_code == 201
    page = client.get(f"/services/{service_id}").get_data(as_text=True)
    assert "phone numbers, email addresses, NHS numbers or postcodes" in page


def test_problem_report_details_of_the_wrong_type_are_a_400(client, make_service):
    """Defect: details {"a": 1} was a 500."""
    service_id = make_service()
    for details in ({"a": 1}, ["x"], 12):
        response = client.post(
            f"/api/v1/services/{service_id}/problems", json={"kind": "other", "details": details}
        )
        assert response.status_code == 400 and "details" in response.get_json()["error"]["fields"]
    response = client.post(f"/api/v1/services/{service_id}/problems", json={"kind": {"a": 1}})
    assert response.status_code == 400 and "kind" in response.get_json()["error"]["fields"]


def test_control_characters_and_script_shaped_emails_are_refused_naming_the_field(
    app, client, token_for, places
):
    """Defect: NUL and ESC were stored in names and descriptions, and `a@b.c"><script>…` passed."""
    auth = {"Authorization": f"Bearer {token_for('curator')}"}
    for field, value in (
        ("name", "Lunch\x00Club"),
        ("description", "Red \x1b[31mtext"),
        ("organization", "\u202eKU egA"),
        ("email", 'a@b.c"><script>alert(1)</script>'),
        ("email", "not-an-email"),
        ("phone", "12345"),
    ):
        response = client.post("/api/v1/services", headers=auth, json=service_data(**{field: value}))
        assert response.status_code == 400, (field, value)
        assert field in response.get_json()["error"]["fields"], (field, value)
    ok = client.post(
        "/api/v1/services",
        headers=auth,
        json=service_data(
            email="Info@Example.ORG", phone="0161 496 0000", description="Line one\nLine two\tand a tab"
        ),
    )
    assert ok.status_code == 201
    with db.session_scope(app) as session:
        services = session.exec(select(Service)).all()
    assert len(services) == 1 and services[0].email.lower() == "info@example.org"


def test_upgrading_replaces_typed_case_references_with_issued_codes(app):
    """Case references typed before 0006 ("MRS DORIS BROWN") are re-keyed on upgrade, in referrals
    and wellbeing scores alike, keeping each person's records together."""
    from alembic import command

    from directory_app.referrals.identifiers import ISSUED

    engine = db.get_engine(app)
    with engine.begin() as connection:
        config = db.alembic_config(app.config["DATABASE_URL"])
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    with engine.begin() as connection:
        for reference in ("MRS DORIS BROWN", "MRS DORIS BROWN", "SP-0142"):
            connection.execute(
                text(
                    "INSERT INTO referral (owner, case_reference, service_id, service_name, needs, referred_on, status,"
                    " status_changed_at, created_at, features) VALUES ('lw', :ref, 's', 'Club', '[]', :day, 'suggested',"
                    " :now, :now, '{}')"
                ),
                {"ref": reference, "day": date(2026, 1, 5), "now": "2026-01-05 10:00:00"},
            )
        connection.execute(
            text(
                "INSERT INTO wellbeing_score (owner, case_reference, stage, recorded_on, happiness, created_at, updated_at)"
                " VALUES ('lw', 'MRS DORIS BROWN', 'baseline', :day, 5, :now, :now)"
            ),
            {"day": date(2026, 1, 5), "now": "2026-01-05 10:00:00"},
        )
    db.upgrade(app)
    with engine.connect() as connection:
        referrals = [
            row[0] for row in connection.execute(text("SELECT case_reference FROM referral ORDER BY id"))
        ]
        wellbeing = connection.execute(text("SELECT case_reference FROM wellbeing_score")).scalar_one()
    assert all(ISSUED.match(code) for code in referrals), referrals
    assert referrals[0] == referrals[1] == wellbeing != referrals[2]
