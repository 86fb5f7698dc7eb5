"""Providers propose changes; curators see a diff and approve (applied as their edit) or reject."""

from __future__ import annotations

import re

from sqlmodel import select

from directory_app import db
from directory_app.directory import service as curation
from directory_app.models import AuditEvent, ProviderProposal
from directory_app.search import indexing
from tests.conftest import csrf_token
from tests.providers.test_links import _issue, _path


def _propose(provider, link: str, **changes):
    form = provider.get(link.replace("/provider?", "/provider/changes?")).get_data(as_text=True)
    values = dict(
        re.findall(
            r'<input class="nhsuk-input[^"]*"\s+id="([a-z_0-9]+)" name="[^"]+" type="[a-z]+" value="([^"]*)"',
            form,
        )
    )
    values.update(re.findall(r'<textarea[^>]*name="([a-z_]+)"[^>]*>([^<]*)</textarea>', form))
    for name in ("cost", "wheelchair", "accepting_referrals"):
        checked = re.search(rf'name="{name}" type="radio" value="([^"]*)" checked', form)
        values[name] = checked.group(1) if checked else ""
    values = {k: v.replace("&amp;", "&") for k, v in values.items()}
    values.update(changes)
    token = link.split("token=", 1)[1]
    return provider.post(
        "/provider/changes", data={**values, "token": token, "csrf_token": csrf_token(provider, link)}
    )


def test_proposal_is_stored_not_applied_then_approved_with_a_diff_and_search_shows_it(
    app, client, login_as, make_service
):
    service_id = make_service()
    login_as("curator")
    link = _path(_issue(client, service_id))
    provider = app.test_client()

    response = _propose(
        provider,
        link,
        description="A warm lunch and a chat for older people in Sale, with quizzes after pudding.",
        postcode="M32 0SQ",
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    with db.session_scope(app) as session:
        service = curation.get_service(session, service_id)
        assert "quizzes" not in service.description  # stored, not applied
        proposal = session.exec(select(ProviderProposal)).one()
        assert set(proposal.changes) == {"description", "postcode"} and proposal.status == "pending"

    review = client.get("/curate/review").get_data(as_text=True)
    assert "1 change proposed by providers" in review
    page = client.get("/curate/proposals").get_data(as_text=True)
    rows = re.findall(
        r'<th class="nhsuk-table__cell" scope="row">([^<]+).*?<del>([^<]*)</del>.*?<ins>([^<]*)</ins>',
        page,
        re.S,
    )
    assert [(field, old, new) for field, old, new in rows] == [
        (
            "Description",
            "A friendly luncheon club for older people who feel lonely.",
            "A warm lunch and a chat for older people in Sale, with quizzes after pudding.",
        ),
        ("Postcode", "M33 7ZZ", "M32 0SQ"),
    ]

    response = client.post(
        f"/curate/proposals/{proposal.id}",
        data={"decision": "approve", "csrf_token": csrf_token(client, "/curate/proposals")},
    )
    assert response.status_code == 303
    assert "No changes are waiting" in client.get("/curate/proposals").get_data(as_text=True)
    with db.session_scope(app) as session:
        service = curation.get_service(session, service_id)
        assert "quizzes" in service.description
        assert service.service_at_locations[0].location.postcode == "M32 0SQ"
        assert session.get(ProviderProposal, proposal.id).status == "approved"
        actions = [
            e.action for e in session.exec(select(AuditEvent).where(AuditEvent.entity_id == service_id))
        ]
        assert {"provider.propose", "service.update", "provider.approve"} <= set(actions)
    indexing.wait_until_idle(app)
    hits = client.get("/api/v1/services", query_string={"q": "quizzes pudding"}).get_json()["hits"]
    assert [hit["id"] for hit in hits] == [service_id]


def test_a_bad_proposal_is_refused_with_every_error_and_a_rejected_one_changes_nothing(
    app, client, login_as, make_service
):
    service_id = make_service()
    login_as("curator")
    link = _path(_issue(client, service_id))
    provider = app.test_client()

    response = _propose(provider, link, email="not an address", name="")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and 'id="email-error"' in page and 'id="name-error"' in page
    assert 'value="not an address"' in page  # what they typed is kept
    assert _propose(provider, link).status_code == 400  # nothing changed: nothing to send

    assert _propose(provider, link, name="Sale Lunch Club for Everyone").status_code == 303
    with db.session_scope(app) as session:
        proposal = session.exec(select(ProviderProposal)).one()
    token = csrf_token(client, "/curate/proposals")
    assert (
        client.post(
            f"/curate/proposals/{proposal.id}", data={"decision": "maybe", "csrf_token": token}
        ).status_code
        == 400
    )
    assert (
        client.post(
            f"/curate/proposals/{proposal.id}", data={"decision": "reject", "csrf_token": token}
        ).status_code
        == 303
    )
    # Deciding twice is a clear refusal, not a second change.
    again = client.post(f"/curate/proposals/{proposal.id}", data={"decision": "approve", "csrf_token": token})
    assert again.status_code == 400
    with db.session_scope(app) as session:
        assert curation.get_service(session, service_id).name == "Sale Lunch Club"
        assert session.get(ProviderProposal, proposal.id).status == "rejected"


def test_proposals_are_for_curators_only(client, login_as):
    assert client.get("/curate/proposals").status_code == 302
    login_as("link_worker")
    assert client.get("/curate/proposals").status_code == 403


def test_deleting_a_listing_takes_its_link_and_proposals_with_it(app, client, login_as, make_service):
    service_id = make_service()
    login_as("curator")
    link = _path(_issue(client, service_id))
    provider = app.test_client()
    assert _propose(provider, link, name="Sale Lunch Club for Everyone").status_code == 303
    with db.session_scope(app) as session:
        curation.delete_service(session, service_id, actor="test")
    with db.session_scope(app) as session:
        assert session.exec(select(ProviderProposal)).all() == []
    assert "No changes are waiting" in client.get("/curate/proposals").get_data(as_text=True)
    assert provider.get(link).status_code == 410


def test_a_provider_reads_and_changes_opening_times_in_words(app, client, login_as, make_service):
    service_id = make_service(schedule="1TU 14:00-16:00")
    login_as("curator")
    link = _path(_issue(client, service_id))
    provider = app.test_client()
    listing = provider.get(link).get_data(as_text=True)
    # The page's text without its tags: a signed link's random token may hold the letters "1TU".
    words = re.sub(r"<[^>]*>", " ", listing)
    assert "First Tuesday of the month, 2pm to 4pm" in words and "1TU" not in words

    # Untouched times in words are not a change; new times in words are read by the one reader.
    response = _propose(provider, link, schedule="Every Thursday, 10am to 12pm")
    assert response.status_code == 303, response.get_data(as_text=True)
    with db.session_scope(app) as session:
        proposal = session.exec(select(ProviderProposal)).one()
        assert proposal.changes == {"schedule": "Every Thursday, 10am to 12pm"}
    client.post(
        f"/curate/proposals/{proposal.id}",
        data={"decision": "approve", "csrf_token": csrf_token(client, "/curate/proposals")},
    )
    with db.session_scope(app) as session:
        schedules = curation.get_service(session, service_id).schedules
        assert [(s.byday, s.opens_at.strftime("%H:%M")) for s in schedules] == [("TH", "10:00")]
