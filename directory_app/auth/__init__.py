"""Accounts, login pages, API tokens and the ``flask users`` commands."""

from __future__ import annotations

import time

from flask import Blueprint, Flask, current_app, g, request, session
from flask_login import LoginManager, UserMixin

from ..access import Unauthorised
from ..db import get_session
from ..models import User
from . import cli
from .users import user_for_token

bp = Blueprint("auth", __name__)
login_manager = LoginManager()


class CurrentUser(UserMixin):
    """What the request knows about the signed-in person; detached from the database session."""

    def __init__(self, user: User, via_token: bool = False):
        self.id = user.id
        self.username = user.username
        self.role = user.role
        self.via_token = via_token

    def get_id(self) -> str:
        return str(self.id)


SESSION_VERSION_KEY = "_sv"
LAST_SEEN_KEY = "_seen"


def start_session(user: User) -> None:
    """Remember, beside the user id, which session version this login belongs to."""
    session[SESSION_VERSION_KEY] = user.session_version or 0
    session[LAST_SEEN_KEY] = int(time.time())


def _forget_session() -> None:
    for key in ("_user_id", "_fresh", "_id", SESSION_VERSION_KEY, LAST_SEEN_KEY):
        session.pop(key, None)


@login_manager.user_loader
def _load_user(user_id: str):
    # A signed cookie stays valid until it expires, so the server decides: the session must belong
    # to the user's current session version (raised at logout, password change and disabling),
    # and must not have been idle longer than SESSION_IDLE_MINUTES.
    user = get_session().get(User, int(user_id)) if user_id.isdigit() else None
    now = int(time.time())
    idle_limit = int(current_app.config.get("SESSION_IDLE_MINUTES", 480)) * 60
    seen = session.get(LAST_SEEN_KEY)
    if (
        user is None
        or not user.active
        or session.get(SESSION_VERSION_KEY) != (user.session_version or 0)
        or not isinstance(seen, int)
        or now - seen > idle_limit
    ):
        _forget_session()
        return None
    if now - seen >= 60:  # refresh at most once a minute, so most responses set no cookie
        session[LAST_SEEN_KEY] = now
    return CurrentUser(user)


def bearer_user():
    """The user behind this request's bearer token, checked once per request; None without one.
    Here, beside the login session, so security (which refuses a bad token early) and the login
    manager read tokens the same way.

    An unknown, revoked or disabled token is refused with 401 here, before rate limits run, so
    made-up tokens neither cost the server anything nor open fresh rate-limit buckets."""
    if "bearer_user" in g:
        return g.bearer_user
    header = request.headers.get("Authorization", "")
    user = None
    if header.startswith("Bearer "):
        token = header[len("Bearer ") :].strip()
        user = user_for_token(get_session(), token) if 0 < len(token) <= 200 else None
        if user is None:
            g.bearer_user = None  # the error page then renders for an anonymous visitor
            raise Unauthorised(
                "The API token is not valid: it is unknown, revoked or its account is disabled."
            )
    g.bearer_user = user
    return user


@login_manager.request_loader
def _load_from_token(req):
    user = bearer_user()
    return CurrentUser(user, via_token=True) if user is not None else None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    app.register_blueprint(bp)
    app.cli.add_command(cli.users)


def bearer_request() -> bool:
    return request.headers.get("Authorization", "").startswith("Bearer ")
