"""Sessions end when they should, tokens are checked before they are counted, logins are throttled
per (account, address) (issue #13 items 4 and 5)."""

from __future__ import annotations

import time

from sqlmodel import select

from directory_app import db
from directory_app.auth import LAST_SEEN_KEY
from directory_app.auth.users import change_password, set_active
from directory_app.models import AuditEvent, RateLimitCounter
from tests.conftest import csrf_token


def _cookie(client) -> str:
    return client.get_cookie("session").value


def _reuse(app, cookie: str):
    """A new client carrying a copy of a saved session cookie, as an attacker would."""
    other = app.test_client()
    other.set_cookie("session", cookie)
    return other


def test_a_cookie_saved_before_logout_no_longer_works(app, client, login_as):
    login_as("link_worker")
    saved = _cookie(client)
    assert _reuse(app, saved).get("/api/v1/referrals").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert _reuse(app, saved).get("/api/v1/referrals").status_code == 401


def test_changing_the_password_or_disabling_the_account_ends_its_sessions(app, client, login_as):
    username = login_as("link_worker")
    saved = _cookie(client)
    with db.session_scope(app) as session:
        change_password(session, username, "a-brand-new-password")
    assert _reuse(app, saved).get("/api/v1/referrals").status_code == 401

    second = app.test_client()
    second.post(
        "/login",
        data={
            "username": username,
            "password": "a-brand-new-password",
            "csrf_token": csrf_token(second, "/login"),
        },
    )
    assert second.get("/api/v1/referrals").status_code == 200
    with db.session_scope(app) as session:
        set_active(session, username, False)
    assert second.get("/api/v1/referrals").status_code == 401


def test_an_idle_session_expires(app, client, login_as):
    app.config["SESSION_IDLE_MINUTES"] = 30
    login_as("link_worker")
    with client.session_transaction() as session:
        session[LAST_SEEN_KEY] = int(time.time()) - 29 * 60
    assert client.get("/api/v1/referrals").status_code == 200  # active use keeps it alive
    with client.session_transaction() as session:
        session[LAST_SEEN_KEY] = int(time.time()) - 31 * 60
    assert client.get("/api/v1/referrals").status_code == 401


def _limited(another_app, **limits):
    return another_app(RATELIMIT_ENABLED=True, WTF_CSRF_ENABLED=False, **limits).test_client()


def _counters(app) -> int:
    with db.session_scope(app) as session:
        return len(session.exec(select(RateLimitCounter)).all())


def test_made_up_bearer_tokens_are_refused_before_they_cost_anything(app, another_app):
    """Defect: each made-up 'Authorization: Bearer …' was a fresh rate-limit key, dodging the limits."""
    client = _limited(another_app, SEARCH_RATE_LIMIT="2/minute", LOGIN_RATE_LIMIT="2/minute")
    for n in range(5):
        fake = {"Authorization": f"Bearer made-up-{n}"}
        response = client.get("/api/v1/services?q=a", headers=fake)
        assert response.status_code == 401
        assert response.get_json()["error"]["code"] == "unauthorised"
        assert client.post("/login", data={"username": "x", "password": "y"}, headers=fake).status_code == 401
    assert _counters(app) == 0  # nothing was counted, so nothing was stored
    assert client.get("/api/v1/services?q=a").status_code == 200
    assert client.get("/api/v1/services?q=a").status_code == 200
    assert (
        client.get("/api/v1/services?q=a", headers={"Authorization": "Bearer another-one"}).status_code == 401
    )
    assert client.get("/api/v1/services?q=a").status_code == 429


def test_a_real_token_is_limited_per_account(app, another_app, token_for):
    client = _limited(another_app, SEARCH_RATE_LIMIT="2/minute")
    token = {"Authorization": f"Bearer {token_for('navigator')}"}
    assert [client.get("/api/v1/services?q=a", headers=token).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.get("/api/v1/services?q=a").status_code == 200  # the address has its own bucket


def test_an_admin_unlocks_a_throttled_account_and_the_lockout_is_audited(app, client, runner, make_user):
    username, password = make_user("curator")
    token = csrf_token(client, "/login")
    for _ in range(4):
        client.post("/login", data={"username": username, "password": "wrong-password!", "csrf_token": token})
    waiting = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert waiting.status_code == 429
    with db.session_scope(app) as session:
        actions = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.entity_id == username))]
    # The third failure starts the wait; the fourth attempt was refused without checking a password.
    assert actions.count("login.failed") == 3 and "login.throttled" in actions
    result = runner.invoke(args=["users", "unlock", username])
    assert result.exit_code == 0 and "Unlocked" in result.output
    assert (
        client.post(
            "/login", data={"username": username, "password": password, "csrf_token": token}
        ).status_code
        == 302
    )
    assert runner.invoke(args=["users", "unlock", "nobody-here"]).exit_code == 1


def test_delays_grow_with_each_failure():
    from directory_app.auth.users import MAX_DELAY, throttle_delay

    delays = [throttle_delay(n).total_seconds() for n in range(1, 15)]
    assert delays[:2] == [0, 0]
    assert all(later >= earlier for earlier, later in zip(delays, delays[1:], strict=False))
    assert delays[3] == 2 * delays[2] and delays[-1] == MAX_DELAY.total_seconds()
