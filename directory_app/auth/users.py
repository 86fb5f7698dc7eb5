"""Accounts: creation, login with per-address throttling, session versions, API tokens. Plain functions; the CLI and
views are thin wrappers."""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app, has_app_context
from sqlalchemy import text
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..audit import record
from ..errors import Conflict, NotFound, ValidationError
from ..models import ROLES, ApiToken, LoginThrottle, User, utcnow

# The first few mistakes are free; then each failure doubles the wait, up to a quarter of an hour.
FREE_FAILURES = 3
FIRST_DELAY = timedelta(seconds=2)
MAX_DELAY = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
LOGIN_LOCK_TIMEOUT_MS = 3000
# Werkzeug's own default, memory-hard. PASSWORD_HASH_METHOD may name another method werkzeug knows
# for a throwaway app (tests: a hash costs ~0.1 s of CPU, and the suite makes thousands of users);
# production refuses any other (config.finalise). A stored hash names its method, so logins check
# each account by the method it was made with.
DEFAULT_PASSWORD_HASH = "scrypt"


def create_user(session: Session, username: str, password: str, role: str, actor: str = "system") -> User:
    fields = {}
    username = (username or "").strip()
    if (
        not username
        or len(username) > 80
        or not username.replace("_", "").replace(".", "").replace("-", "").isalnum()
    ):
        fields["username"] = "Use 1–80 letters, digits, '.', '-' or '_'."
    if role not in ROLES:
        fields["role"] = f"Choose one of: {', '.join(ROLES)}."
    if len(password or "") < MIN_PASSWORD_LENGTH:
        fields["password"] = f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if fields:
        raise ValidationError("The account details are not valid.", fields)
    if session.exec(select(User).where(User.username == username)).first():
        raise Conflict(f"There is already a user called {username}.", {"username": "Already taken."})
    user = User(username=username, password_hash=password_hash(password), role=role)
    session.add(user)
    record(session, actor, "user.create", "user", username, {"role": role})
    session.commit()
    return user


def password_hash(password: str) -> str:
    return generate_password_hash(password, method=_hash_method())


def _hash_method() -> str:
    configured = current_app.config.get("PASSWORD_HASH_METHOD") if has_app_context() else None
    return configured or DEFAULT_PASSWORD_HASH


@functools.cache
def _no_account_hash(method: str) -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


def get_user(session: Session, username: str) -> User:
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"No user called {username}.")
    return user


def set_active(session: Session, username: str, active: bool, actor: str = "system") -> User:
    user = get_user(session, username)
    user.active = active
    if not active:
        end_sessions(session, user)
    session.add(user)
    record(session, actor, "user.enable" if active else "user.disable", "user", username, {})
    session.commit()
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)))


@dataclass
class LoginResult:
    user: User | None
    message: str | None = None
    retry_after: int | None = None  # seconds, when this account is throttled from this address


def _seconds_left(until, now) -> int:
    until = until if until.tzinfo else until.replace(tzinfo=now.tzinfo)
    return max(1, int((until - now).total_seconds() + 0.999))


def throttle_delay(failures: int) -> timedelta:
    """How long an (account, address) pair waits after its n-th failure in a row."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_DELAY * 2 ** (failures - FREE_FAILURES), MAX_DELAY)


def authenticate(session: Session, username: str, password: str, address: str = "unknown") -> LoginResult:
    """Check a password. Failures slow down only this account from this address, with delays that
    double each time, so a stranger who guesses a colleague's username cannot lock them out."""
    username = (username or "").strip()[:80]
    address = (address or "unknown")[:64]
    now = utcnow()
    if session.get_bind().dialect.name == "postgresql":
        # A login waiting on a locked row should soon answer "busy, try again" (503), not hang.
        session.execute(text(f"SET LOCAL lock_timeout = {LOGIN_LOCK_TIMEOUT_MS}"))
    throttle = session.exec(
        select(LoginThrottle).where(LoginThrottle.username == username, LoginThrottle.address == address)
    ).first()
    if throttle is not None and throttle.blocked_until is not None:
        blocked_until = throttle.blocked_until
        if (blocked_until if blocked_until.tzinfo else blocked_until.replace(tzinfo=now.tzinfo)) > now:
            wait = _seconds_left(blocked_until, now)
            return LoginResult(
                None, f"Too many failed attempts from here: try again in {wait} seconds.", wait
            )
    user = session.exec(select(User).where(User.username == username)).first()
    generic = "The username or password is not right."
    if user is None:
        # Check against a hash anyway, so that response time does not reveal which usernames exist
        # (one check, as for a real account: not a fresh hash and a check).
        check_password_hash(_no_account_hash(_hash_method()), password or "")
        ok = False
    else:
        ok = check_password_hash(user.password_hash, password or "")
    if user is not None and ok and not user.active:
        return LoginResult(None, "This account is disabled. Ask an administrator.")
    if user is None or not ok:
        if throttle is None:
            throttle = LoginThrottle(username=username, address=address)
        throttle.failures += 1
        throttle.updated_at = now
        delay = throttle_delay(throttle.failures)
        throttle.blocked_until = now + delay if delay else None
        session.add(throttle)
        if user is not None:
            record(
                session, user.username, "login.failed", "user", user.username, {"address": [None, address]}
            )
            if delay:
                record(
                    session,
                    "system",
                    "login.throttled",
                    "user",
                    user.username,
                    {
                        "address": [None, address],
                        "failures": [None, throttle.failures],
                        "seconds": [None, int(delay.total_seconds())],
                    },
                )
        session.commit()
        return LoginResult(None, generic)
    if throttle is not None:
        session.delete(throttle)
    user.last_login_at = now
    session.add(user)
    record(session, user.username, "login", "user", user.username, {})
    session.commit()
    return LoginResult(user)


def end_sessions(session: Session, user: User) -> None:
    """Make every session cookie issued to ``user`` so far stop working (caller commits)."""
    user.session_version = (user.session_version or 0) + 1
    session.add(user)


def logout(session: Session, user_id: int) -> None:
    user = session.get(User, user_id)
    if user is not None:
        end_sessions(session, user)
        record(session, user.username, "logout", "user", user.username, {})
        session.commit()


def change_password(session: Session, username: str, password: str, actor: str = "system") -> User:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "The password is too short.", {"password": f"Use at least {MIN_PASSWORD_LENGTH} characters."}
        )
    user = get_user(session, username)
    user.password_hash = password_hash(password)
    end_sessions(session, user)
    record(session, actor, "user.password", "user", username, {})
    session.commit()
    return user


def unlock(session: Session, username: str, actor: str = "system") -> int:
    """Lift every login delay on ``username`` (from any address); returns how many were lifted."""
    user = get_user(session, username)
    rows = list(session.exec(select(LoginThrottle).where(LoginThrottle.username == user.username)))
    for row in rows:
        session.delete(row)
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)
    record(session, actor, "user.unlock", "user", username, {"addresses": [None, len(rows)]})
    session.commit()
    return len(rows)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, username: str, actor: str = "system") -> str:
    user = get_user(session, username)
    token = "cd_" + secrets.token_urlsafe(32)
    # A stored user always has an id; SQLModel types it Optional for users not yet added.
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), prefix=token[:8]))  # type: ignore[arg-type]
    record(session, actor, "token.create", "user", username, {"prefix": token[:8]})
    session.commit()
    return token


def user_for_token(session: Session, token: str) -> User | None:
    row = session.exec(
        select(ApiToken).where(ApiToken.token_hash == hash_token(token), ApiToken.revoked == False)  # noqa: E712
    ).first()
    if row is None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    return user
