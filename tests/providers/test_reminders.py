"""`flask providers remind`: links at 6 months (through a real SMTP server), curators at 12."""

from __future__ import annotations

from datetime import timedelta

from directory_app import db, meili_server
from directory_app.directory import service as curation
from directory_app.models import utcnow
from tests.providers.conftest import link_in
from tests.providers.test_links import _path, _post_from


def _ago(days: int) -> str:
    return (utcnow() - timedelta(days=days)).date().isoformat()


def _listings(make_service) -> dict:
    return {
        "recent": make_service(name="Recent Club", email="recent@example.org", last_verified_at=_ago(30)),
        "due": make_service(name="Due Club", email="due@example.org", last_verified_at=_ago(200)),
        "no_email": make_service(name="Quiet Club", last_verified_at=_ago(200)),
        "old": make_service(name="Old Club", email="old@example.org", last_verified_at=_ago(400)),
    }


def test_reminders_send_links_at_six_months_and_escalate_at_twelve(app, runner, make_service, smtp):
    ids = _listings(make_service)
    with db.session_scope(app) as session:
        assert {s.id for s in curation.review_queue(session).services} == {
            ids["due"],
            ids["no_email"],
            ids["old"],
        }

    result = runner.invoke(args=["providers", "remind"])
    assert result.exit_code == 0, result.output
    assert (
        "1 sent, 0 to send by hand (email is not set up), 1 without an email address, 0 failed; "
        "1 escalated to the review queue." in result.output
    )
    assert [m["to"] for m in smtp.messages] == [["due@example.org"]]

    with db.session_scope(app) as session:
        queue = {s.id for s in curation.review_queue(session).services}
        due = curation.get_service(session, ids["due"])
    # The provider who was sent a link has until the 12-month mark; the others are the curators' now.
    assert queue == {ids["no_email"], ids["old"]}
    assert due.review_due == (utcnow() - timedelta(days=200) + timedelta(days=365)).date()

    # Running again the same day sends nothing twice and escalates nothing twice.
    again = runner.invoke(args=["providers", "remind"])
    assert "0 sent" in again.output and "0 escalated" in again.output
    assert len(smtp.messages) == 1

    # The emailed link works on its own; confirming starts a new cycle.
    provider = app.test_client()
    link = _path(link_in(smtp.messages[0]["text"]))
    assert provider.get(link).status_code == 200
    assert _post_from(provider, link, "confirm", {}).status_code == 303
    with db.session_scope(app) as session:
        assert curation.get_service(session, ids["due"]).last_verified_at.date() == utcnow().date()


def test_without_email_the_command_lists_what_to_send(app, runner, make_service):
    ids = _listings(make_service)
    result = runner.invoke(args=["providers", "remind"])
    assert result.exit_code == 0, result.output
    assert f"to send     {ids['due']}  Due Club  → due@example.org" in result.output
    assert f"no address  {ids['no_email']}  Quiet Club" in result.output
    assert f"escalated   {ids['old']}  Old Club" in result.output
    assert "Recent Club" not in result.output
    with db.session_scope(app) as session:  # nobody was reminded, so it stays the curators' job
        assert ids["due"] in {s.id for s in curation.review_queue(session).services}


def test_an_unreachable_mail_server_is_reported_and_the_command_fails(app, runner, make_service):
    make_service(name="Due Club", email="due@example.org", last_verified_at=_ago(200))
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=meili_server.free_port())  # nothing listens there
    result = runner.invoke(args=["providers", "remind"])
    assert result.exit_code == 1
    assert "not sent" in result.output and "could not be sent" in result.output
