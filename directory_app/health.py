from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from .access import access
from .db import get_engine
from .search.client import is_healthy

bp = Blueprint("health", __name__)


def database_status() -> tuple[bool, str]:
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        return True, "ok"
    except Exception as error:  # any driver failure means "down" to a health check
        return False, f"{type(error).__name__}: {str(error)[:200]}"


@bp.route("/healthz")
@access("public")
def healthz():
    db_ok, db_detail = database_status()
    search_ok, search_detail = is_healthy()
    body = {
        "status": "ok" if db_ok and search_ok else "unavailable",
        "database": {"ok": db_ok, "detail": db_detail},
        "search": {"ok": search_ok, "detail": search_detail},
    }
    if not (db_ok and search_ok):
        down = [name for name, ok in (("database", db_ok), ("search", search_ok)) if not ok]
        body["message"] = f"Down: {', '.join(down)}."
    return jsonify(body), 200 if db_ok and search_ok else 503
