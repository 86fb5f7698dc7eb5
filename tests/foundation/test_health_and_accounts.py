from __future__ import annotations

import pytest
from sqlmodel import select

from directory_app import create_app, meili_server
from directory_app.config import ConfigError
from directory_app.db import session_scope
from directory_app.models import ApiToken, User
from tests.conftest import csrf_token, search_down


def test_healthz_reports_both_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["database"]["ok"] and body["search"]["ok"]


def test_healthz_names_search_when_it_is_down(app):
    search_down(app, f"http://127.0.0.1:{meili_server.free_port()}")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["search"]["ok"] is False and body["database"]["ok"] is True
    assert "search" in body["message"]


def test_login_with_wrong_password_then_right(client, make_user):
    username, password = make_user("curator")
    token = csrf_token(client, "/login")
    bad = client.post(
        "/login", data={"username": username, "password": "nope-nope-nope", "csrf_token": token}
    )
    assert bad.status_code == 400
    assert "not right" in bad.get_data(as_text=True)
    good = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert good.status_code == 302


def test_login_without_csrf_token_is_refused(client, make_user):
    username, password = make_user("curator")
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)


def test_repeated_failures_slow_down_that_address_only(app, client, make_user):
    """Defect: 5 wrong passwords locked any named account for 15 minutes, so anyone could lock
    anyone out. Now the guesser's address waits (429, Retry-After); the owner elsewhere logs in."""
    username, password = make_user("navigator")
    token = csrf_token(client, "/login")
    attacker = {"REMOTE_ADDR": "203.0.113.9"}
    for _ in range(5):
        client.post(
            "/login",
            data={"username": username, "password": "wrong-password!", "csrf_token": token},
            environ_base=attacker,
        )
    locked = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        environ_base=attacker,
    )
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) >= 1
    assert "Too many failed attempts" in locked.get_data(as_text=True)
    owner = app.test_client()
    response = owner.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_token(owner, "/login")},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    assert response.status_code == 302


def test_cli_creates_lists_disables_users_and_tokens(app, runner):
    result = runner.invoke(
        args=["users", "create", "alice", "--role", "curator", "--password", "long-enough-pass"]
    )
    assert result.exit_code == 0, result.output
    assert "alice\tcurator\tactive" in runner.invoke(args=["users", "list"]).output
    token = runner.invoke(args=["users", "token", "alice"]).output.strip()
    assert token.startswith("cd_")
    with session_scope(app) as session:
        stored = session.exec(select(ApiToken)).one()
        assert token not in stored.token_hash  # only a hash is kept
    assert runner.invoke(args=["users", "disable", "alice"]).exit_code == 0
    with session_scope(app) as session:
        assert session.exec(select(User).where(User.username == "alice")).one().active is False


def test_cli_rejects_bad_role_and_short_password(runner):
    bad_role = runner.invoke(
        args=["users", "create", "bob", "--role", "wizard", "--password", "long-enough-pass"]
    )
    assert bad_role.exit_code != 0 and "wizard" in bad_role.output
    short = runner.invoke(args=["users", "create", "bob", "--role", "curator", "--password", "short"])
    assert short.exit_code == 1 and "password" in short.output


def test_production_refuses_default_secrets(tmp_path):
    with pytest.raises(ConfigError) as error:
        create_app(
            {
                "APP_ENV": "production",
                "INSTANCE_PATH": str(tmp_path),
                "SECRET_KEY": None,
                "MEILI_URL": None,
                "MEILI_MASTER_KEY": None,
            }
        )
    message = str(error.value)
    assert "SECRET_KEY" in message and "MEILI_MASTER_KEY" in message


def test_passwords_are_hashed_with_scrypt_and_each_account_is_checked_by_its_own_method(app, client):
    from directory_app.auth.users import authenticate, create_user, password_hash

    # outside a throwaway app's setting, as in every app that is not a test's: scrypt
    assert password_hash("correct-horse-battery").startswith("scrypt:")
    with session_scope(app) as session:  # no app context: the default
        create_user(session, "kept_in_scrypt", "correct-horse-battery", "curator")
    with app.app_context(), session_scope(app) as session:
        create_user(session, "kept_cheaply", "correct-horse-battery", "curator")
        stored = {u.username: u.password_hash for u in session.exec(select(User))}
        assert stored["kept_in_scrypt"].startswith("scrypt:")
        assert stored["kept_cheaply"].startswith("pbkdf2:sha256:1000$")
        for username in ("kept_in_scrypt", "kept_cheaply"):
            assert authenticate(session, username, "correct-horse-battery", "127.0.0.1").user is not None
            assert authenticate(session, username, "wrong-horse-battery", "127.0.0.1").user is None
    with pytest.raises(ConfigError) as error:
        create_app(
            {
                "APP_ENV": "production",
                "INSTANCE_PATH": str(app.config["INSTANCE_PATH"]),
                "SECRET_KEY": "s" * 40,
                "MEILI_URL": "http://127.0.0.1:1",
                "MEILI_MASTER_KEY": "k" * 32,
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            }
        )
    assert "PASSWORD_HASH_METHOD" in str(error.value)


def test_sqlite_synchronous_is_the_operators_choice_and_a_wrong_one_is_refused(tmp_path):
    from directory_app import db
    from directory_app.config import from_environment

    env = {"INSTANCE_PATH": str(tmp_path), "SQLITE_SYNCHRONOUS": "normal", "SEARCH_INDEX": "memory"}
    app = create_app({**from_environment(env), "SEARCH_INDEX": "memory"})
    with db.get_engine(app).connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    db.get_engine(app).dispose()
    with pytest.raises(ConfigError) as error:
        create_app({**from_environment({**env, "SQLITE_SYNCHRONOUS": "sometimes"}), "SEARCH_INDEX": "memory"})
    assert "SQLITE_SYNCHRONOUS" in str(error.value) and "SOMETIMES" in str(error.value)


def test_wrong_binary_checksum_is_refused(tmp_path):
    fake = tmp_path / "meilisearch"
    fake.write_bytes(b"not really meilisearch")
    with pytest.raises(meili_server.MeiliSetupError) as error:
        meili_server.verify_binary(fake)
    assert "SHA-256" in str(error.value) and "Refusing" in str(error.value)


def test_security_headers_forbid_inline_script(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
