"""Accounts: creation, login with throttling and lockout, API tokens. Plain functions; the CLI and
views are thin wrappers."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import Conflict, NotFound, ValidationError
from ..models import ROLES, ApiToken, User, utcnow
from ..audit import record

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10


def create_user(session: Session, username: str, password: str, role: str, actor: str = "system") -> User:
    fields = {}
    username = (username or "").strip()
    if not username or len(username) > 80 or not username.replace("_", "").replace(".", "").replace("-", "").isalnum():
        fields["username"] = "Use 1–80 letters, digits, '.', '-' or '_'."
    if role not in ROLES:
        fields["role"] = f"Choose one of: {', '.join(ROLES)}."
    if len(password or "") < MIN_PASSWORD_LENGTH:
        fields["password"] = f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if fields:
        raise ValidationError("The account details are not valid.", fields)
    if session.exec(select(User).where(User.username == username)).first():
        raise Conflict(f"There is already a user called {username}.", {"username": "Already taken."})
    user = User(username=username, password_hash=generate_password_hash(password), role=role)
    session.add(user)
    record(session, actor, "user.create", "user", username, {"role": role})
    session.commit()
    return user


def get_user(session: Session, username: str) -> User:
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"No user called {username}.")
    return user


def set_active(session: Session, username: str, active: bool, actor: str = "system") -> User:
    user = get_user(session, username)
    user.active = active
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


def authenticate(session: Session, username: str, password: str) -> LoginResult:
    """Check a password; lock the account for a while after repeated failures."""
    user = session.exec(select(User).where(User.username == (username or "").strip())).first()
    generic = "The username or password is not right."
    if user is None:
        # Hash anyway so that response time does not reveal which usernames exist.
        check_password_hash(generate_password_hash("x"), password or "")
        return LoginResult(None, generic)
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        return LoginResult(None, f"Too many failed attempts: try again in {minutes} minutes.")
    if not user.active:
        return LoginResult(None, "This account is disabled. Ask an administrator.")
    if not check_password_hash(user.password_hash, password or ""):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        session.add(user)
        record(session, user.username, "login.failed", "user", user.username, {})
        session.commit()
        return LoginResult(None, generic)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    session.add(user)
    record(session, user.username, "login", "user", user.username, {})
    session.commit()
    return LoginResult(user)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, username: str, actor: str = "system") -> str:
    user = get_user(session, username)
    token = "cd_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), prefix=token[:8]))
    record(session, actor, "token.create", "user", username, {"prefix": token[:8]})
    session.commit()
    return token


def user_for_token(session: Session, token: str) -> User | None:
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_token(token),
                                              ApiToken.revoked == False)).first()  # noqa: E712
    if row is None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    return user
