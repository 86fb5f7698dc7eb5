"""Settling the outbox by what the search index answered: a delivered change's row goes, a refused
one is tried again and, after MAX_ATTEMPTS, parked with the index's reason for a curator to see.
"""

from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy import delete
from sqlmodel import Session, col, select

from .. import db
from ..models import SearchOutbox, utcnow

log = logging.getLogger(__name__)
TASK_TIMEOUT_MS = 120_000
MAX_ATTEMPTS = 3


def settle(session: Session, rows: list[SearchOutbox], ids: list[str], refused: dict[str, str]) -> None:
    now = utcnow()
    for row in rows:
        if row.service_id not in ids:
            continue  # another drainer holds this service; its row stays for it
        if row.service_id in refused:
            row.attempts += 1
            row.last_error = refused[row.service_id]
            if row.attempts >= MAX_ATTEMPTS:
                row.parked_at = now
                log.warning(
                    "search: parked service %s after %d attempts: %s",
                    row.service_id,
                    row.attempts,
                    row.last_error,
                )
            session.add(row)
        else:
            session.delete(row)
    delivered = [i for i in ids if i not in refused]
    if delivered:  # a parked older change is settled by the newer document that just went in
        session.exec(
            delete(SearchOutbox).where(
                col(SearchOutbox.service_id).in_(delivered), col(SearchOutbox.parked_at).is_not(None)
            )
        )


def park(app: Flask, refused: dict[str, str]) -> None:
    if not refused:
        return
    with db.session_scope(app) as session:
        session.info["outbox_disabled"] = True
        now = utcnow()
        for service_id, reason in refused.items():
            row = session.exec(
                select(SearchOutbox).where(
                    SearchOutbox.service_id == service_id, col(SearchOutbox.parked_at).is_not(None)
                )
            ).first()
            row = row or SearchOutbox(service_id=service_id)
            row.attempts, row.last_error, row.parked_at = MAX_ATTEMPTS, reason, now
            session.add(row)
            log.warning("search: left service %s out of the rebuilt index: %s", service_id, reason)
        session.commit()
