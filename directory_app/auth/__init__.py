"""Accounts, login pages, API tokens and the ``flask users`` commands."""
from __future__ import annotations

from flask import Blueprint, Flask, request
from flask_login import LoginManager, UserMixin

from ..db import get_session
from ..models import User

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


@login_manager.user_loader
def _load_user(user_id: str):
    user = get_session().get(User, int(user_id)) if user_id.isdigit() else None
    return CurrentUser(user) if user is not None and user.active else None


@login_manager.request_loader
def _load_from_token(req):
    from .users import user_for_token

    header = req.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    user = user_for_token(get_session(), header[len("Bearer "):].strip())
    return CurrentUser(user, via_token=True) if user is not None else None


def init_app(app: Flask) -> None:
    from . import cli, views  # noqa: F401  (registers routes and commands)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    app.register_blueprint(bp)
    app.cli.add_command(cli.users)


def bearer_request() -> bool:
    return request.headers.get("Authorization", "").startswith("Bearer ")
