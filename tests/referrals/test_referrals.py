"""Recording referrals and following them through, by API, pages and the domain layer."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.audit import history
from directory_app.errors import ValidationError
from directory_app.models import AuditEvent, Service, utcnow
from directory_app.referrals import service as records
from directory_app.referrals.workflow import TRANSITIONS
from matching.rank import FEATURE_NAMES
from tests.conftest import csrf_token
from tests.referrals.conftest import bearer


def test_api_records_a_referral_with_its_ranking_features_and_an_audit_event(
    app, client, token_for, lunch_club
):
    token = token_for("link_worker")
    response = client.post(
        "/api/v1/referrals",
        headers=bearer(token),
        json={
            "service_id": lunch_club,
            "needs": ["loneliness"],
            "referred_on": utcnow().date().isoformat(),
            "status": "referred",
            "area": "M33",
        },
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert re.fullmatch(r"CR-[A-Z0-9]{6}", body["case_reference"]) and body["status"] == "referred"
    assert body["next_statuses"] == ["accepted", "declined", "no_capacity"]
    with db.session_scope(app) as session:
        referral = records.get_referral(session, body["id"], referral_owner(session, body["id"]))
        assert set(referral.features) == set(FEATURE_NAMES)
        assert referral.features["need_coverage"] == 1.0
        assert referral.features["proximity"] > 0.8  # the club is in M33, as is the person
        events = history(session, "referral", str(body["id"]))
        assert [e.action for e in events] == ["referral.create"]
        assert events[0].actor == referral.owner
        assert body["case_reference"] not in str(
            events[0].changes
        )  # the audit trail holds no case references


def referral_owner(session, referral_id: int) -> str:
    from directory_app.models import Referral

    return session.get(Referral, referral_id).owner


IDENTIFIERS = [
    "943 476 5919",
    "M33 7ZZ",
    "jo@example.com",
    "07700 900123",
    "0161 496 0000",
    "01/02/1950",
    "1950-02-01",
]


def test_the_service_issues_case_references_and_refuses_typed_ones(app, client, token_for, lunch_club):
    """Defect: a case reference "Mrs Doris Brown" was stored as MRS DORIS BROWN. Now the service
    issues the code; free text is refused and nothing is stored; a second referral for the same
    person and their wellbeing scores use the issued code."""
    token = token_for("link_worker")
    refused = client.post(
        "/api/v1/referrals",
        headers=bearer(token),
        json={"case_reference": "Mrs Doris Brown", "service_id": lunch_club, "needs": ["loneliness"]},
    )
    assert refused.status_code == 400
    assert "issued" in refused.get_json()["error"]["fields"]["case_reference"]
    first = client.post(
        "/api/v1/referrals", headers=bearer(token), json={"service_id": lunch_club, "needs": ["loneliness"]}
    ).get_json()
    code = first["case_reference"]
    again = client.post(
        "/api/v1/referrals",
        headers=bearer(token),
        json={"case_reference": code.lower(), "service_id": lunch_club, "needs": ["older_people"]},
    )
    assert again.status_code == 201 and again.get_json()["case_reference"] == code
    other = client.post(
        "/api/v1/referrals", headers=bearer(token), json={"service_id": lunch_club, "needs": ["loneliness"]}
    ).get_json()
    assert other["case_reference"] != code
    scored = client.post(
        "/api/v1/referrals/wellbeing",
        headers=bearer(token),
        json={"case_reference": code, "stage": "baseline", "happiness": 5},
    )
    assert scored.status_code == 201
    # Someone else's code is not theirs to use.
    stranger = client.post(
        "/api/v1/referrals",
        headers=bearer(token_for("link_worker")),
        json={"case_reference": code, "service_id": lunch_club, "needs": ["loneliness"]},
    )
    assert stranger.status_code == 400
    with db.session_scope(app) as session:
        from directory_app.models import Referral

        stored = [r.case_reference for r in session.exec(select(Referral))]
    assert sorted(stored) == sorted([code, code, other["case_reference"]])
    assert not any("DORIS" in value.upper() for value in stored)


def test_api_refuses_identifiers_notes_unknown_needs_future_dates_and_closed_services(
    app, client, token_for, lunch_club
):
    token = token_for("link_worker")
    for case_reference in IDENTIFIERS:
        response = client.post(
            "/api/v1/referrals",
            headers=bearer(token),
            json={"case_reference": case_reference, "service_id": lunch_club, "needs": ["loneliness"]},
        )
        assert response.status_code == 400
        assert "Never record personal details" in response.get_json()["error"]["fields"]["case_reference"]
    response = client.post(
        "/api/v1/referrals",
        headers=bearer(token),
        json={
            "service_id": lunch_club,
            "needs": ["astrology"],
            "referred_on": (utcnow().date() + timedelta(days=2)).isoformat(),
            "notes": "lives alone, wife died in May",
            "status": "completed",
        },
    )
    fields = response.get_json()["error"]["fields"]
    assert response.status_code == 400
    assert set(fields) == {"needs", "referred_on", "notes", "status"}
    assert "never notes" in fields["notes"]
    with db.session_scope(app) as session:
        service = session.get(Service, lunch_club)
        service.status = "defunct"
        session.add(service)
        session.commit()
    response = client.post(
        "/api/v1/referrals", headers=bearer(token), json={"service_id": lunch_club, "needs": ["loneliness"]}
    )
    assert "defunct" in response.get_json()["error"]["fields"]["service_id"]


def test_each_link_worker_sees_and_changes_only_their_own(client, token_for, make_referral, lunch_club, app):
    mine, theirs = token_for("link_worker"), token_for("link_worker")
    created = client.post(
        "/api/v1/referrals", headers=bearer(mine), json={"service_id": lunch_club, "needs": "loneliness"}
    ).get_json()
    make_referral(actor="someone_else", service_id=lunch_club)
    listed = client.get("/api/v1/referrals", headers=bearer(mine)).get_json()["referrals"]
    assert [r["id"] for r in listed] == [created["id"]]
    assert client.get("/api/v1/referrals", headers=bearer(theirs)).get_json()["referrals"] == []
    for response in (
        client.get(f"/api/v1/referrals/{created['id']}", headers=bearer(theirs)),
        client.post(
            f"/api/v1/referrals/{created['id']}/status", headers=bearer(theirs), json={"status": "referred"}
        ),
    ):
        assert response.status_code == 404
    assert client.get("/api/v1/referrals").status_code == 401
    assert client.get("/api/v1/referrals", headers=bearer(token_for("navigator"))).status_code == 403
    assert (
        client.get("/api/v1/referrals/summary", headers=bearer(token_for("link_worker"))).status_code == 403
    )


def test_status_api_moves_forward_audits_each_step_and_refuses_the_impossible(
    app, client, token_for, lunch_club
):
    token = token_for("link_worker")
    created = client.post(
        "/api/v1/referrals",
        headers=bearer(token),
        json={"service_id": lunch_club, "needs": ["loneliness", "older_people"]},
    ).get_json()
    url = f"/api/v1/referrals/{created['id']}/status"
    for status in ("referred", "accepted", "attended", "completed"):
        response = client.post(url, headers=bearer(token), json={"status": status})
        assert response.status_code == 200 and response.get_json()["status"] == status
    refused = client.post(url, headers=bearer(token), json={"status": "accepted"})
    assert refused.status_code == 400
    assert "cannot go from completed to accepted" in refused.get_json()["error"]["message"]
    detail = client.get(f"/api/v1/referrals/{created['id']}", headers=bearer(token)).get_json()
    assert [(e["from"], e["to"]) for e in detail["history"]] == [
        (None, "suggested"),
        ("suggested", "referred"),
        ("referred", "accepted"),
        ("accepted", "attended"),
        ("attended", "completed"),
    ]
    assert all(e["at"] for e in detail["history"])


def test_every_allowed_transition_through_the_domain(app, make_referral, advance, lunch_club):
    """Walk every edge of the transition table on real rows, each change stamped and audited;
    "no capacity" leaves the listing to a curator: nothing about the service changes."""
    with db.session_scope(app) as session:
        listing = session.get(Service, lunch_club).model_dump()
        service_events = len(
            session.exec(select(AuditEvent).where(AuditEvent.entity_type == "service")).all()
        )
    paths = [
        ["referred", "accepted", "attended", "completed"],
        ["declined"],
        ["referred", "declined"],
        ["referred", "no_capacity"],
        ["referred", "accepted", "declined"],
        ["referred", "accepted", "did_not_attend"],
    ]
    walked = set()
    for path in paths:
        referral = make_referral(actor="lw", service_id=lunch_club)
        previous = "suggested"
        for status in path:
            before = utcnow()
            changed = advance(referral.id, "lw", status)
            assert changed.status == status and changed.status_changed_at >= before
            walked.add((previous, status))
            previous = status
        with db.session_scope(app) as session:
            actions = [e.action for e in history(session, "referral", str(referral.id))]
            assert actions.count("referral.status") == len(path)
    assert walked == {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    with db.session_scope(app) as session:
        assert session.get(Service, lunch_club).model_dump() == listing
        assert (
            len(session.exec(select(AuditEvent).where(AuditEvent.entity_type == "service")).all())
            == service_events
        )


def test_follow_up_lists_stale_and_outcome_less_referrals(app, make_referral, advance, lunch_club):
    old = utcnow() - timedelta(days=20)
    stale = make_referral(actor="lw", service_id=lunch_club, now=old)
    waiting = make_referral(actor="lw", service_id=lunch_club, status="referred")
    make_referral(actor="lw", service_id=lunch_club)  # suggested today: not yet
    done = make_referral(actor="lw", service_id=lunch_club, status="referred", now=old)
    advance(done.id, "lw", "declined", now=old)
    followed = make_referral(actor="lw", service_id=lunch_club, status="referred")
    with db.session_scope(app) as session:
        records.record_wellbeing(
            session,
            {"case_reference": followed.case_reference, "stage": "follow_up", "happiness": 7},
            actor="lw",
        )
        items = records.follow_ups(session, "lw")
        # A referral made today is not due yet: its follow-up falls due after the follow-up period.
        later = records.follow_ups(session, "lw", now=utcnow() + timedelta(days=15))
        sooner = records.follow_ups(session, "lw", now=utcnow() + timedelta(days=3), after_days=3)
    assert [(i.referral.id, i.reasons) for i in items] == [(stale.id, ["No change for 20 days"])]
    assert (waiting.id, ["No change for 15 days", "No outcome recorded yet"]) in [
        (i.referral.id, i.reasons) for i in later
    ]
    assert (waiting.id, ["No change for 3 days", "No outcome recorded yet"]) in [
        (i.referral.id, i.reasons) for i in sooner
    ]
    assert followed.id not in [i.referral.id for i in items]
    assert all("No outcome recorded yet" not in i.reasons for i in later if i.referral.id == followed.id)


def test_wellbeing_scores_are_checked_and_replaced_per_stage(app, make_referral, lunch_club):
    case = make_referral(actor="lw", service_id=lunch_club).case_reference
    unused = next(code for code in ("CR-CCCCCC", "CR-DDDDDD") if code != case)
    with db.session_scope(app) as session:
        with pytest.raises(ValidationError) as caught:
            records.record_wellbeing(
                session,
                {
                    "case_reference": case,
                    "stage": "baseline",
                    "happiness": 11,
                    "anxiety": "x",
                    "worthwhile": 6.5,
                },
                actor="lw",
            )
        assert set(caught.value.fields) == {"happiness", "anxiety", "worthwhile"}
        with pytest.raises(ValidationError) as caught:
            records.record_wellbeing(
                session, {"case_reference": unused, "stage": "baseline", "happiness": 5}, actor="lw"
            )
        assert "Record the referral first" in caught.value.fields["case_reference"]
        with pytest.raises(ValidationError) as caught:
            records.record_wellbeing(session, {"case_reference": case, "stage": "later"}, actor="lw")
        assert set(caught.value.fields) == {"stage"}
        records.record_wellbeing(
            session, {"case_reference": case.lower(), "stage": "baseline", "happiness": 4}, actor="lw"
        )
        records.record_wellbeing(
            session, {"case_reference": case, "stage": "baseline", "happiness": 5, "anxiety": 0}, actor="lw"
        )
        rows = records.wellbeing_for_case(session, "lw", case)
        assert list(rows) == ["baseline"]
        assert (rows["baseline"].happiness, rows["baseline"].anxiety, rows["baseline"].worthwhile) == (
            5,
            0,
            None,
        )


def test_pages_record_from_the_shortlist_and_update_the_status(app, client, login_as, lunch_club):
    login_as("link_worker")
    token = csrf_token(client, "/referrals/")
    client.post("/shortlist/add", data={"service_id": lunch_club, "csrf_token": token})
    page = client.get("/referrals/new").get_data(as_text=True)
    assert "Sale Lunch Club" in page and 'name="service_id"' in page

    bad = client.post(
        "/referrals/new",
        data={
            "csrf_token": token,
            "service_id": lunch_club,
            "case_reference": "943 476 5919",
            "needs": "loneliness",
            "status": "referred",
            "referred_on": utcnow().date().isoformat(),
        },
    )
    text = unescape(bad.get_data(as_text=True))
    assert bad.status_code == 400 and "looks like an NHS number" in text
    assert 'value="943 476 5919"' in text  # kept so the link worker can see what was wrong

    done = client.post(
        "/referrals/new",
        data={
            "csrf_token": token,
            "service_id": lunch_club,
            "case_reference": "",
            "needs": ["loneliness", "older_people"],
            # referred 20 days ago: past FOLLOW_UP_DAYS, so an outcome is due
            "status": "referred",
            "referred_on": (utcnow() - timedelta(days=20)).date().isoformat(),
        },
    )
    assert done.status_code == 302
    detail_url = done.headers["Location"]
    referral_id = int(re.search(r"/referrals/(\d+)", detail_url).group(1))
    detail = client.get(detail_url).get_data(as_text=True)
    code = re.search(r"The case reference is (CR-[A-Z0-9]{6})", detail).group(1)  # shown to note down
    assert 'value="no_capacity"' in detail

    refused = client.post(
        f"/referrals/{referral_id}/status", data={"csrf_token": token, "status": "completed"}
    )
    assert refused.status_code == 400
    assert "cannot go from referred to completed" in unescape(refused.get_data(as_text=True))
    moved = client.post(
        f"/referrals/{referral_id}/status",
        data={"csrf_token": token, "status": "accepted"},
        follow_redirects=True,
    )
    assert "is now: accepted by the service" in moved.get_data(as_text=True)
    listing = client.get("/referrals/").get_data(as_text=True)
    assert code in listing and "No outcome recorded yet" in listing

    saved = client.post(
        "/referrals/wellbeing",
        data={
            "csrf_token": token,
            "case_reference": code,
            "stage": "baseline",
            "recorded_on": utcnow().date().isoformat(),
            "life_satisfaction": "4",
            "happiness": "3",
        },
        follow_redirects=True,
    )
    assert f"Saved wellbeing scores for {code}" in saved.get_data(as_text=True)
