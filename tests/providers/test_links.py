"""A provider keeps their listing current from the link alone; bad links get a clear page."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from sqlmodel import select

from directory_app import create_app, db
from directory_app.directory import service as curation
from directory_app.models import AuditEvent, ProviderLink, utcnow
from tests.conftest import csrf_token
from tests.providers.conftest import link_in

OLD = (utcnow() - timedelta(days=400)).date().isoformat()


def _issue(client, service_id: str) -> str:
    """A curator creates a link on the service's page (no email set up: the link is shown to copy)."""
    token = csrf_token(client, f"/curate/services/{service_id}/provider-link")
    response = client.post(f"/curate/services/{service_id}/provider-link", data={"csrf_token": token})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Email is not set up" in page
    return link_in(page)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def _post_from(provider, link_path: str, action: str, data: dict):
    token = link_path.split("token=", 1)[1]
    return provider.post(
        f"/provider/{action}", data={"csrf_token": csrf_token(provider, link_path), "token": token, **data}
    )


def test_a_provider_confirms_their_listing_from_the_link_alone(app, client, login_as, make_service):
    service_id = make_service(last_verified_at=OLD)
    login_as("curator")
    link = _path(_issue(client, service_id))

    provider = app.test_client()  # no account, no session: only the link
    page = provider.get(link)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert (
        "Sale Lunch Club" in text
        and "Yes, it is still accurate" in text
        and "Last checked 13 months ago" in text
    )
    assert "Small charge" in text  # choices read as words, not codes

    response = _post_from(provider, link, "confirm", {})
    assert response.status_code == 303
    assert "confirmed as accurate today" in provider.get(response.headers["Location"]).get_data(as_text=True)
    with db.session_scope(app) as session:
        service = curation.get_service(session, service_id)
        assert service.last_verified_at.date() == utcnow().date()
        assert service.last_verified_by == "provider"
        assert service.review_due > utcnow().date()
        actions = [
            (e.actor, e.action)
            for e in session.exec(select(AuditEvent).where(AuditEvent.entity_id == service_id))
        ]
    assert ("provider", "service.verify") in actions
    public = client.get(f"/services/{service_id}").get_data(as_text=True)
    assert "Checked this month" in public


def test_a_provider_can_mark_the_service_temporarily_closed_and_reopen_it(
    app, client, login_as, make_service
):
    service_id = make_service()
    login_as("curator")
    link = _path(_issue(client, service_id))
    provider = app.test_client()
    assert _post_from(provider, link, "status", {"status": "temporarily_closed"}).status_code == 303
    with db.session_scope(app) as session:
        assert curation.get_service(session, service_id).status == "temporarily closed"
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "service.status")).one()
        assert event.actor == "provider" and event.changes == {"status": ["active", "temporarily_closed"]}
    assert "It is running again" in provider.get(link).get_data(as_text=True)
    # Only running / temporarily closed: a provider cannot delete or retire a listing from a link.
    response = _post_from(provider, link, "status", {"status": "defunct"})
    assert response.status_code == 400
    assert _post_from(provider, link, "status", {"status": "active"}).status_code == 303


def test_tampered_expired_and_replaced_links_get_a_clear_page_never_a_500(
    app, client, login_as, make_service
):
    service_id = make_service()
    login_as("curator")
    link = _path(_issue(client, service_id))
    provider = app.test_client()
    token = link.split("token=", 1)[1]

    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for bad in (tampered, "", "x" * 5000, "not.a.token", token.replace(".", "", 1)):
        response = provider.get("/provider", query_string={"token": bad})
        assert response.status_code == 400, bad
        assert "This link is not valid" in response.get_data(
            as_text=True
        ) or "not complete" in response.get_data(as_text=True)
    forged = provider.post(
        "/provider/confirm", data={"csrf_token": csrf_token(provider, link), "token": tampered}
    )
    assert forged.status_code == 400

    with db.session_scope(app) as session:  # the link was issued 31 days ago
        row = session.get(ProviderLink, service_id)
        row.issued_at = utcnow() - timedelta(days=31)
        session.add(row)
        session.commit()
    response = provider.get(link)
    assert response.status_code == 410
    assert "expired" in response.get_data(as_text=True) and "30 days" in response.get_data(as_text=True)

    # Issuing a new link revokes the old one.
    fresh = _path(_issue(client, service_id))
    assert provider.get(fresh).status_code == 200
    response = provider.get(link)
    assert response.status_code == 410 and "replaced by a newer one" in response.get_data(as_text=True)
    # The replaced link cannot confirm anything either.
    before = app.test_client()
    assert _post_from(before, fresh, "confirm", {}).status_code == 303
    stale = before.post("/provider/confirm", data={"csrf_token": csrf_token(before, fresh), "token": token})
    assert stale.status_code == 410


def test_only_curators_issue_links(app, client, login_as, make_service):
    service_id = make_service()
    response = client.get(f"/curate/services/{service_id}/provider-link")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    login_as("navigator")
    assert client.get(f"/curate/services/{service_id}/provider-link").status_code == 403


def test_with_email_set_up_the_curator_sends_the_link_and_it_works(app, client, login_as, make_service, smtp):
    service_id = make_service(email="hello@salelunchclub.org.uk")
    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/provider-link").get_data(as_text=True)
    assert 'value="hello@salelunchclub.org.uk"' in page
    response = client.post(
        f"/curate/services/{service_id}/provider-link",
        data={
            "csrf_token": csrf_token(client, f"/curate/services/{service_id}/provider-link"),
            "email": "hello@salelunchclub.org.uk",
        },
    )
    assert response.status_code == 303
    assert len(smtp.messages) == 1
    sent = smtp.messages[0]
    assert sent["to"] == ["hello@salelunchclub.org.uk"] and "Sale Lunch Club" in sent["subject"]
    link = _path(link_in(sent["text"]))
    provider = app.test_client()
    assert provider.get(link).status_code == 200
    assert _post_from(provider, link, "confirm", {}).status_code == 303

    bad = client.post(
        f"/curate/services/{service_id}/provider-link",
        data={
            "csrf_token": csrf_token(client, f"/curate/services/{service_id}/provider-link"),
            "email": "not an address",
        },
    )
    assert bad.status_code == 400 and "There is a problem" in bad.get_data(as_text=True)
    assert len(smtp.messages) == 1


def test_the_curator_service_page_links_to_sending_the_provider_a_link(client, login_as, make_service):
    service_id = make_service()
    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert f'href="/curate/services/{service_id}/provider-link"' in page


def test_link_pages_are_rate_limited(app):
    """Guessing at links costs the guesser: over the limit, 429 with Retry-After, never a lookup."""
    settings = dict(app.config)
    settings.update(RATELIMIT_ENABLED=True, PROVIDER_RATE_LIMIT="3/minute")
    stranger = create_app(settings).test_client()
    for _ in range(3):
        assert stranger.get("/provider", query_string={"token": "guess"}).status_code == 400
    refused = stranger.get("/provider", query_string={"token": "guess"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    # The pages share one bucket: moving to another route does not start a fresh count.
    posted = stranger.post(
        "/provider/confirm", data={"token": "guess", "csrf_token": csrf_token(stranger, "/login")}
    )
    assert posted.status_code == 429
