"""Delivering outbox changes to Meilisearch and settling the outbox by what it answered.

Meilisearch accepts a request before it has looked at the documents, so "accepted" is not
"indexed": every task is waited for, and a refusal is recorded with Meilisearch's reason.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from flask import Flask
from sqlalchemy import delete
from sqlmodel import Session, col, select

from .. import db
from ..models import SearchOutbox, utcnow

log = logging.getLogger(__name__)
TASK_TIMEOUT_MS = 120_000
MAX_ATTEMPTS = 3


def push(client, index, documents: dict[str, dict], gone: list[str], timeout_ms: int) -> dict[str, str]:
    """Send additions and deletions and wait for them; return {service id: why Meilisearch refused}."""
    refused = add(client, index, documents, timeout_ms) if documents else {}
    if gone:
        # Ids travel in the request body, never in the URL path.
        task = index.http.post(f"indexes/{quote(index.uid, safe='')}/documents/delete-batch", gone)
        reason = outcome(client, task["taskUid"], timeout_ms)
        if reason is not None:
            refused.update({service_id: reason for service_id in gone})
    return refused


def add(client, index, documents: dict[str, dict], timeout_ms: int = TASK_TIMEOUT_MS) -> dict[str, str]:
    """Add documents; one bad document fails its whole task, so a failed batch is halved until the
    refused documents are found (a few extra tasks, not one per document)."""
    reason = outcome(client, index.add_documents(list(documents.values()), primary_key="id"), timeout_ms)
    if reason is None:
        return {}
    if len(documents) == 1:
        return {next(iter(documents)): reason}
    items = list(documents.items())
    middle = len(items) // 2
    return {
        **add(client, index, dict(items[:middle]), timeout_ms),
        **add(client, index, dict(items[middle:]), timeout_ms),
    }


def outcome(client, task, timeout_ms: int) -> str | None:
    """None when the task succeeded, else Meilisearch's reason."""
    uid = task if isinstance(task, int) else task.task_uid
    result = client.wait_for_task(uid, timeout_in_ms=timeout_ms, interval_in_ms=20)
    if result.status == "succeeded":
        return None
    error = result.error or {}
    return f"{error.get('code', result.status)}: {error.get('message', '')}"[:1000]


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
