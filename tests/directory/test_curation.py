"""Curation domain functions, and the JSON API over them (same functions, same rules)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from directory_app import db
from directory_app.audit import history
from directory_app.directory import duplicates
from directory_app.directory import service as curation
from directory_app.errors import ValidationError
from directory_app.models import Service
from directory_app.search.indexing import wait_until_idle
from tests.conftest import service_data


def _bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


# Each bad input with the field it must be reported on.
BAD_INPUT = [
    ({"email": "not-an-email"}, "email", "email address"),
    ({"schedule": "Monday mornings 10-12"}, "schedule", "Could not read “mornings”"),
    ({"minimum_age": 65, "maximum_age": 18}, "maximum_age", "below the minimum"),
    ({"needs": "loneliness;unicorns"}, "needs", "unicorns"),
    ({"postcode": "", "delivery": "in_person"}, "postcode", "needs a postcode"),
]


@pytest.mark.parametrize("bad, field, words", BAD_INPUT, ids=[case[1] for case in BAD_INPUT])
def test_invalid_service_is_refused_per_field_by_the_domain(app, places, bad, field, words):
    with db.session_scope(app) as session:
        with pytest.raises(ValidationError) as raised:
            curation.create_service(session, service_data(**bad), actor="test")
        assert words in raised.value.fields[field]
        assert session.exec(select(func.count()).select_from(Service)).one() == 0


def test_json_api_reports_every_invalid_field_at_once_and_creates_nothing(client, places, token_for):
    headers = _bearer(token_for("curator"))
    # Field checks and cross-field rules (ages, postcode) all come back in the one answer.
    body = service_data(
        name="",
        email="not-an-email",
        schedule="Monday mornings 10-12",
        needs=["loneliness", "unicorns"],
        url="example",
        phone="abc",
        minimum_age=65,
        maximum_age=18,
        postcode="",
        delivery="in_person",
    )
    response = client.post("/api/v1/services", json=body, headers=headers)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "validation_error" and error["message"] == "8 details are not valid."
    fields = error["fields"]
    assert set(fields) == {"name", "email", "schedule", "needs", "url", "phone", "maximum_age", "postcode"}
    assert "unicorns" in fields["needs"]
    for _, field, words in BAD_INPUT:
        assert words in fields[field], field
    # A change to an existing record is checked the same way.
    created = client.post("/api/v1/services", json=service_data(), headers=headers).get_json()["id"]
    response = client.patch(
        f"/api/v1/services/{created}",
        headers=headers,
        json={"url": "example", "minimum_age": 65, "maximum_age": 18, "phone": "abc"},
    )
    assert response.status_code == 400
    assert set(response.get_json()["error"]["fields"]) == {"url", "maximum_age", "phone"}
    assert client.get("/api/v1/review-queue", headers=headers).get_json()["total"] == 1


def test_every_change_is_in_the_history_with_who_when_old_and_new(client, places, token_for):
    headers = _bearer(token_for("curator"))
    created = client.post("/api/v1/services", json=service_data(), headers=headers)
    assert created.status_code == 201
    service_id = created.get_json()["id"]
    changed = client.patch(
        f"/api/v1/services/{service_id}",
        headers=headers,
        json={"name": "Sale Friday Lunch Club", "cost": "free"},
    )
    assert changed.status_code == 200
    client.post(
        f"/api/v1/services/{service_id}/status", json={"status": "temporarily_closed"}, headers=headers
    )
    client.post(f"/api/v1/services/{service_id}/verify", headers=headers)

    events = client.get(f"/api/v1/services/{service_id}/history", headers=headers).get_json()["events"]
    assert [e["action"] for e in events] == [
        "service.verify",
        "service.status",
        "service.update",
        "service.create",
    ]
    update = events[2]
    assert update["actor"].startswith("curator_") and date.fromisoformat(update["at"][:10]) == date.today()
    assert update["changes"]["name"] == ["Sale Lunch Club", "Sale Friday Lunch Club"]
    assert update["changes"]["cost"] == ["low_cost", "free"]
    assert "postcode" not in update["changes"]  # only what changed
    assert events[1]["changes"] == {"status": ["active", "temporarily_closed"]}
    assert events[3]["changes"]["name"] == [None, "Sale Lunch Club"]

    assert client.delete(f"/api/v1/services/{service_id}", headers=headers).status_code == 204
    assert client.get(f"/api/v1/services/{service_id}").status_code == 404


def test_close_reopen_and_delete(app, make_service):
    service_id = make_service()
    with db.session_scope(app) as session:
        assert (
            curation.set_status(session, service_id, "temporarily_closed", "cur").status
            == "temporarily closed"
        )
        assert curation.set_status(session, service_id, "active", "cur").status == "active"
        with pytest.raises(ValidationError):
            curation.set_status(session, service_id, "paused", "cur")
        curation.delete_service(session, service_id, "cur")
        assert session.get(Service, service_id) is None
        assert [e.action for e in history(session, "service", service_id)][:3] == [
            "service.delete",
            "service.status",
            "service.status",
        ]


def test_review_queue_oldest_first_and_verify_moves_the_date_on(app, make_service):
    new = make_service(name="New Walking Group", postcode="M32 0SQ")  # never verified: due now
    old = make_service(name="Old Knit Club", postcode="M16 0LN", last_verified_at="2024-01-10")
    fresh = make_service(name="Fresh Choir", postcode="M41 0WS", last_verified_at=date.today().isoformat())
    with db.session_scope(app) as session:
        queue = [s.id for s in curation.review_queue(session).services]
        assert queue == [old, new] and fresh not in queue
        assert curation.review_queue(session).total == 2
        verified = curation.verify_service(session, old, actor="cur")
        assert verified.last_verified_by == "cur"
        assert verified.review_due == date.today() + timedelta(days=182)
        assert [s.id for s in curation.review_queue(session).services] == [new]


def test_review_interval_comes_from_config(app, make_service):
    app.config["REVIEW_INTERVAL_DAYS"] = 30
    service_id = make_service()
    with app.app_context(), db.session_scope(app) as session:
        assert curation.verify_service(session, service_id, "cur").review_due == date.today() + timedelta(
            days=30
        )


def test_anyone_can_report_a_problem_and_resolving_the_last_clears_under_review(
    client, make_service, token_for
):
    service_id = make_service()
    for kind in ("closed", "details_wrong"):
        response = client.post(f"/api/v1/services/{service_id}/problems", json={"kind": kind, "details": "x"})
        assert response.status_code == 201
    bad = client.post(f"/api/v1/services/{service_id}/problems", json={"kind": "rude"})
    assert bad.status_code == 400 and "kind" in bad.get_json()["error"]["fields"]
    headers = _bearer(token_for("curator"))
    assert client.get(f"/api/v1/services/{service_id}").get_json()["summary"]["under_review"] is True
    problems = client.get("/api/v1/problems", headers=headers).get_json()["problems"]
    assert [p["kind"] for p in problems] == ["closed", "details_wrong"]

    first, second = (p["id"] for p in problems)
    client.post(f"/api/v1/problems/{first}/resolve", json={"resolution": "fixed"}, headers=headers)
    assert client.get(f"/api/v1/services/{service_id}").get_json()["summary"]["under_review"] is True
    client.post(f"/api/v1/problems/{second}/resolve", json={"resolution": "dismissed"}, headers=headers)
    assert client.get(f"/api/v1/services/{service_id}").get_json()["summary"]["under_review"] is False
    assert client.get("/api/v1/problems", headers=headers).get_json()["problems"] == []


# search/indexing.py removes documents with delete_documents(ids), which meilisearch-python 0.43
# deprecates; with warnings as errors the removal would be deferred for ever. Reported, not ours.
def test_duplicate_flagged_with_reasons_and_merge_keeps_both_provenances(
    app, client, make_service, token_for
):
    keep = make_service(name="Sale Lunch Club", external_id="AGE-1")
    drop = make_service(name="Sale Luncheon Club", organization="Sale Methodists")
    headers = _bearer(token_for("curator"))
    flags = client.get("/api/v1/duplicates", headers=headers).get_json()["duplicates"]
    assert len(flags) == 1
    reasons = flags[0]["reasons"]
    assert reasons[0].startswith("similar name (") and "same postcode (M33 7ZZ)" in reasons

    decided = client.post(
        f"/api/v1/duplicates/{flags[0]['id']}", headers=headers, json={"decision": "merge", "keep": keep}
    )
    assert decided.get_json()["status"] == "merged"
    kept = client.get(f"/api/v1/services/{keep}").get_json()
    assert kept["provenance"]["external_id"] == "AGE-1"
    assert [(m["id"], m["name"], m["publisher"]) for m in kept["provenance"]["merged_from"]] == [
        (drop, "Sale Luncheon Club", "local")
    ]
    assert client.get(f"/api/v1/services/{drop}").get_json()["merged_into"] == keep
    wait_until_idle(app)
    hits = client.get("/api/v1/services?q=lunch").get_json()["hits"]
    assert [h["id"] for h in hits] == [keep]
    assert client.get("/api/v1/duplicates", headers=headers).get_json()["duplicates"] == []


def test_dismissed_duplicates_stay_dismissed_after_an_edit(app, make_service):
    first = make_service(name="Sale Lunch Club")
    make_service(name="Sale Luncheon Club")
    with db.session_scope(app) as session:
        ((flag, _, _),) = duplicates.open_flags(session)
        duplicates.decide(session, flag.id, "dismiss", "cur")
        curation.update_service(session, first, {"description": "Hot lunches on Tuesdays"}, "cur")
        assert duplicates.open_flags(session) == []


def test_curation_endpoints_need_a_curator(client, make_service, token_for):
    service_id = make_service()
    navigator = _bearer(token_for("navigator"))
    calls = [
        ("post", "/api/v1/services", {"json": service_data()}),
        ("patch", f"/api/v1/services/{service_id}", {"json": {"name": "X club"}}),
        ("delete", f"/api/v1/services/{service_id}", {}),
        ("post", f"/api/v1/services/{service_id}/verify", {}),
        ("post", f"/api/v1/services/{service_id}/status", {"json": {"status": "defunct"}}),
        ("get", f"/api/v1/services/{service_id}/history", {}),
        ("get", "/api/v1/review-queue", {}),
        ("get", "/api/v1/problems", {}),
        ("get", "/api/v1/duplicates", {}),
    ]
    for method, path, kwargs in calls:
        assert getattr(client, method)(path, headers=navigator, **kwargs).status_code == 403, path
        assert getattr(client, method)(path, **kwargs).status_code == 401, path


def test_editing_other_fields_keeps_needs_automatic_and_a_new_postcode_moves_the_point(app, make_service):
    service_id = make_service(description="A friendly lunch club for older people who feel lonely.")
    with db.session_scope(app) as session:
        service = curation.get_service(session, service_id)
        assert not service.needs_overridden and "loneliness" in service.needs
        point = service.service_at_locations[0].location.latitude
        # The edit form sends every field back, needs and coordinates included.
        form = curation.records.input_from_service(service)
        form.update(
            name="Stretford Chair Exercise", description="Gentle chair exercise classes.", postcode="M32 0SQ"
        )
        curation.update_service(session, service_id, form, "cur")
        service = curation.get_service(session, service_id)
        assert not service.needs_overridden and "physical_activity" in service.needs
        assert "loneliness" not in service.needs
        location = service.service_at_locations[0].location
        assert location.postcode == "M32 0SQ" and location.latitude != point
        assert round(location.latitude, 4) == 53.4480
        # A curator's own choice of needs is kept.
        curation.update_service(session, service_id, {"needs": ["food"]}, "cur")
        curation.update_service(session, service_id, {"name": "Stretford Chair Exercise Class"}, "cur")
        assert curation.get_service(session, service_id).needs == ["food"]


def test_flags_of_a_merged_away_record_are_no_longer_offered(app, make_service):
    first = make_service(name="Sale Lunch Club")
    second = make_service(name="Sale Luncheon Club")
    third = make_service(name="Sale Lunch Club CIC")
    with db.session_scope(app) as session:
        flags = {frozenset((f.service_id, f.other_id)): f.id for f, _, _ in duplicates.open_flags(session)}
        assert len(flags) == 3
        duplicates.decide(session, flags[frozenset((first, second))], "merge", "cur", keep_id=first)
        left = duplicates.open_flags(session)
        assert [{a.id, b.id} for _, a, b in left] == [{first, third}]
        with pytest.raises(ValidationError):
            duplicates.decide(session, flags[frozenset((second, third))], "merge", "cur", keep_id=third)
        assert session.get(Service, second).merged_into_id == first


def test_deleting_a_service_removes_its_reports_flags_and_unshared_venue(app, make_service):
    from directory_app.models import DuplicateFlag, Location, ProblemReport

    first = make_service()
    make_service(name="Sale Lunch Club", organization="Another Org")  # flagged as a likely duplicate
    with db.session_scope(app) as session:
        curation.report_problem(session, first, "closed", None)
        assert session.exec(select(DuplicateFlag)).all()
        curation.delete_service(session, first, "test")
    with db.session_scope(app) as session:
        assert session.exec(select(ProblemReport)).all() == []
        assert session.exec(select(DuplicateFlag)).all() == []
        assert len(session.exec(select(Location)).all()) == 1


def test_a_problem_report_cannot_be_resolved_twice(app, make_service):
    service_id = make_service()
    with db.session_scope(app) as session:
        report = curation.report_problem(session, service_id, "details_wrong", None)
        curation.resolve_problem(session, report.id, "fixed", "alice")
        with pytest.raises(ValidationError) as error:
            curation.resolve_problem(session, report.id, "dismissed", "bob")
    assert "already fixed by alice" in error.value.message
