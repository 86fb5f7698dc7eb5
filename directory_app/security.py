"""CSRF, bearer-token checks, input checks, security headers and rate limits, for every request."""

from __future__ import annotations

from flask import Flask, current_app, g, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

from . import ratelimit_store
from .auth import bearer_user
from .web import input_checks

csrf = CSRFProtect()


def _refuse_unknown_bearer():
    bearer_user()


def _rate_key() -> str:
    # A verified token holder is limited per account, everyone else per address. The token was
    # checked before any limit ran (bearer_user), so a made-up header cannot pick its own bucket.
    user = g.get("bearer_user")
    if user is not None:
        return f"user:{user.id}"
    return "ip:" + (get_remote_address() or "unknown")


limiter = Limiter(key_func=_rate_key, default_limits=[], headers_enabled=True)


def configured_limit(name: str):
    """A limit read from config at request time (SEARCH_RATE_LIMIT, MATCH_RATE_LIMIT, …)."""
    return lambda: current_app.config[name]


CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def _headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
    return response


def _csrf_unless_token():
    # CSRF is a forged request riding on someone's cookie. Every HTML form post needs the token;
    # an API call needs it only when a logged-in browser session makes it (a bearer token or an
    # anonymous call has no ambient authority to abuse).
    if request.method in ("GET", "HEAD", "OPTIONS") or not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    if request.headers.get("Authorization", "").startswith("Bearer "):
        return
    if request.path.startswith("/api/") and "_user_id" not in session:
        return
    csrf.protect()


def init_app(app: Flask) -> None:
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    csrf.init_app(app)
    ratelimit_store.bind(app.extensions["db_engine"])
    # Registered before the limiter's own hook, so that a bad token is refused before it is counted.
    app.before_request(input_checks.refuse_control_characters_in_url)
    app.before_request(_refuse_unknown_bearer)
    limiter.init_app(app)
    app.before_request(input_checks.refuse_control_characters_in_forms)
    app.before_request(_csrf_unless_token)
    app.after_request(_headers)
