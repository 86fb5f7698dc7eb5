from __future__ import annotations

import secrets

from flask import Blueprint, jsonify
from sqlalchemy import insert
from sqlmodel import Session

from .access import access
from .db import get_engine
from .models import RateLimitCounter, table_of
from .search.indexing import parked
from .services import services

bp = Blueprint("health", __name__)


WRITE_CHECK_TIMEOUT_MS = 2000


def database_status() -> tuple[bool, str]:
    """Can the database take a write? A locked or read-only database still answers SELECT 1, so
    the check writes one row inside a transaction it then rolls back, waiting at most two seconds."""
    try:
        with get_engine().connect() as connection:
            _write_probe(connection)
        return True, "ok"
    except Exception as error:  # any driver failure means "down" to a health check
        return False, f"{type(error).__name__}: {str(error)[:200]}"


def _write_probe(connection) -> None:
    table = table_of(RateLimitCounter)
    probe = insert(table).values(key=f"healthz:{secrets.token_hex(8)}", count=0, expires_at=0.0)
    # Statements autobegin a transaction; the rollback at the end undoes the probe row.
    if connection.dialect.name == "sqlite":
        previous = int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar())
        connection.exec_driver_sql(f"PRAGMA busy_timeout={WRITE_CHECK_TIMEOUT_MS}")
        try:
            connection.execute(probe)
        finally:
            connection.rollback()
            connection.exec_driver_sql(f"PRAGMA busy_timeout={previous}")
            connection.rollback()
        return
    try:
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {WRITE_CHECK_TIMEOUT_MS}")
        connection.exec_driver_sql(f"SET LOCAL statement_timeout = {WRITE_CHECK_TIMEOUT_MS * 2}")
        connection.execute(probe)
    finally:
        connection.rollback()


def parked_changes() -> int | None:
    """How many services have index changes Meilisearch kept refusing (parked in the outbox)."""
    try:
        with Session(get_engine()) as session:
            return parked(session, limit=0)[0]
    except Exception:  # a health check reports, it does not fail
        return None


@bp.route("/healthz")
@access("public")
def healthz():
    db_ok, db_detail = database_status()
    search_ok, search_detail = services().index.healthy()
    body = {
        "status": "ok" if db_ok and search_ok else "unavailable",
        "database": {"ok": db_ok, "detail": db_detail},
        "search": {"ok": search_ok, "detail": search_detail, "parked": parked_changes() if db_ok else None},
    }
    if not (db_ok and search_ok):
        down = [name for name, ok in (("database", db_ok), ("search", search_ok)) if not ok]
        body["message"] = f"Down: {', '.join(down)}."
    return jsonify(body), 200 if db_ok and search_ok else 503
