"""Who may use which route.

Every view declares a rule with ``@access(...)``; a request to a view without one is refused, and a
test walks the URL map so that a new route without a rule fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app, g, redirect, request, url_for
from flask_login import current_user

from .errors import Forbidden

# Which roles each rule admits. Admin can do everything; link workers can do what navigators can.
RULES: dict[str, frozenset[str] | None] = {
    "public": None,
    "login": frozenset({"navigator", "link_worker", "curator", "commissioner", "admin"}),
    "navigator": frozenset({"navigator", "link_worker", "curator", "admin"}),
    "link_worker": frozenset({"link_worker", "curator", "admin"}),
    "curator": frozenset({"curator", "admin"}),
    "commissioner": frozenset({"commissioner", "admin"}),
    "admin": frozenset({"admin"}),
}


class Unauthorised(Forbidden, status=401, code="unauthorised"):
    pass


def access(rule: str) -> Callable:
    if rule not in RULES:
        raise ValueError(f"unknown access rule {rule!r}")

    def decorate(view: Callable) -> Callable:
        view.access_rule = rule  # type: ignore[attr-defined]  # a function attribute, read by rule_for_endpoint
        return view

    return decorate


def rule_for_endpoint(app: Flask, endpoint: str | None) -> str | None:
    if endpoint is None:
        return "public"
    if endpoint == "static" or endpoint.endswith(".static"):
        return "public"
    view = app.view_functions.get(endpoint)
    return getattr(view, "access_rule", None)


def role_allowed(rule: str, role: str | None) -> bool:
    allowed = RULES[rule]
    return allowed is None or (role is not None and role in allowed)


def _enforce():
    rule = rule_for_endpoint(current_app, request.endpoint)
    if rule is None:
        raise Forbidden("This route has no access rule, so it is closed.")
    g.access_rule = rule
    if RULES[rule] is None:
        return None
    if not current_user.is_authenticated:
        if request.path.startswith("/api/"):
            raise Unauthorised("Log in or send 'Authorization: Bearer <token>'.")
        return redirect(url_for("auth.login", next=request.full_path))
    if not role_allowed(rule, current_user.role):
        raise Forbidden(f"Your role ({current_user.role}) cannot do this; it needs {rule}.")
    return None


def init_app(app: Flask) -> None:
    app.before_request(_enforce)
