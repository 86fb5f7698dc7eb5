"""The person's plan: services a navigator or link worker has put on the shortlist, kept in the
signed session cookie (never in the database, so nothing about the person is stored)."""

from __future__ import annotations

from flask import session

SHORTLIST_KEY = "shortlist"
SHORTLIST_MAX = 30


def shortlisted_ids() -> list[str]:
    ids = session.get(SHORTLIST_KEY) or []
    return [i for i in ids if isinstance(i, str)][:SHORTLIST_MAX]


def keep_only(ids: list[str]) -> None:
    session[SHORTLIST_KEY] = ids[:SHORTLIST_MAX]


def add(service_id: str) -> str:
    """Add to the plan; say what happened: 'added', 'already' or 'full'."""
    ids = shortlisted_ids()
    if service_id in ids:
        return "already"
    if len(ids) >= SHORTLIST_MAX:
        return "full"
    session[SHORTLIST_KEY] = ids + [service_id]
    return "added"


def remove(service_id: str) -> bool:
    ids = shortlisted_ids()
    if service_id not in ids:
        return False
    session[SHORTLIST_KEY] = [i for i in ids if i != service_id]
    return True


def clear() -> None:
    session.pop(SHORTLIST_KEY, None)
