"""Domain exceptions, mapped to HTTP once: JSON for the API, a page for people."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


class DomainError(Exception):
    """A request the domain refuses, with the HTTP status and error code it is answered with
    (each subclass names its own: ``class NotFound(DomainError, status=404, code="not_found")``)."""

    status = 400
    code = "bad_request"

    def __init_subclass__(cls, status: int | None = None, code: str | None = None, **rest: Any):
        super().__init_subclass__(**rest)
        cls.status = status or cls.status
        cls.code = code or cls.code

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class ValidationError(DomainError, status=400, code="validation_error"):
    """What was sent is wrong; ``fields`` says which field and why."""


class NotFound(DomainError, status=404, code="not_found"):
    pass


class Forbidden(DomainError, status=403, code="forbidden"):
    pass


class Conflict(DomainError, status=409, code="conflict"):
    """The request clashes with the state of the record (already decided, already running)."""


class Unavailable(DomainError, status=503, code="unavailable"):
    """A dependency (search server, busy database) is down: try again shortly."""

    def __init__(self, message: str, retry_after: int = 10):
        super().__init__(message)
        self.retry_after = retry_after


def wants_json() -> bool:
    return (
        request.path.startswith("/api/")
        or request.path.startswith("/openreferral")
        or request.path == "/healthz"
        or request.accept_mimetypes.best == "application/json"
    )


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    body: dict[str, object] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def _respond(status: int, code: str, message: str, fields: dict | None = None, headers=None):
    if wants_json():
        response = jsonify(error_body(code, message, fields))
    else:
        page = render_template("error.html", status=status, message=message, fields=fields or {})
        response = Flask.response_class(page, mimetype="text/html")
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def is_busy(error: Exception) -> bool:
    """A locked or busy database (SQLite), or a deadlock or serialisation failure (PostgreSQL):
    worth a retry, and a 503 rather than a 500 when retries run out. Here, below db, so that
    db's retries and the error handler read the driver's error the same way."""
    original = getattr(error, "orig", None)
    name = type(original).__name__
    text = str(original or error).lower()
    return (
        "database is locked" in text
        or "database is busy" in text
        or name in ("SerializationFailure", "DeadlockDetected", "LockNotAvailable")
    )


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def _domain(error: DomainError):
        headers = {}
        if isinstance(error, Unavailable):
            headers["Retry-After"] = str(error.retry_after)
        return _respond(error.status, error.code, error.message, error.fields, headers)

    from sqlalchemy.exc import DBAPIError

    @app.errorhandler(DBAPIError)
    def _database(error: DBAPIError):
        # A locked or busy database is a moment's wait, not a crash: 503 with Retry-After, from
        # any route (login included), after the request's transaction is rolled back.
        if not is_busy(error):
            raise error
        from flask import g

        session = g.get("db_session")
        if session is not None:
            session.rollback()
        return _respond(
            503,
            "unavailable",
            "The database is busy. Please try again in a moment.",
            None,
            {"Retry-After": "5"},
        )

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        code = (error.name or "error").lower().replace(" ", "_")
        headers = {k: v for k, v in error.get_headers() if k.lower() == "retry-after"}
        message = error.description or error.name
        if error.code == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH") or 0
            message = f"The upload is too large: the limit is {limit // (1024 * 1024)} MB."
        return _respond(error.code or 500, code, message, None, headers)
