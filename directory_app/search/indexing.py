"""Keeping Meilisearch in step with the database.

The database is the source of truth. Every committed change to a service leaves a row in the
``search_outbox`` table, written in the same transaction (so a rolled-back change leaves none).
After commit we try to push those rows to Meilisearch; if it is down, the rows wait and are
replayed by the next drain (next save, ``flask search drain``, or start-up). Nothing is lost.
"""
from __future__ import annotations

import logging
import time
from datetime import datetime

from flask import Flask
from sqlalchemy import event, text
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from .. import db
from ..models import (Location, SearchOutbox, Service, ServiceAtLocation, utcnow)
from ..needs import taxonomy
from .client import get_client, services_index_name
from .documents import to_search_document

log = logging.getLogger(__name__)
CHUNK = 500
TASK_TIMEOUT_MS = 120_000

SETTINGS = {
    "searchableAttributes": ["name", "need_labels", "need_terms", "description", "organization",
                             "taxonomy_terms", "locations.name", "locations.postcode"],
    "filterableAttributes": ["id", "needs", "taxonomy_terms", "taxonomy_term_ids", "organization_id",
                             "cost_band", "age_min_filter", "age_max_filter", "days", "delivery",
                             "referral_routes", "wheelchair", "status", "service_area", "area_wide",
                             "eligibility", "_geo", "last_verified_ts", "publisher"],
    "sortableAttributes": ["_geo", "last_verified_ts", "name"],
    # An explicit sort (nearest first when a place is given) wins over text relevance: a navigator
    # asking for "food bank near M33" expects the nearest food bank first.
    "rankingRules": ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    "pagination": {"maxTotalHits": 5000},
    "faceting": {"maxValuesPerFacet": 100},
}


def index_settings() -> dict:
    settings = dict(SETTINGS)
    settings["synonyms"] = taxonomy().synonym_groups()
    return settings


def _wait(client, task, timeout_ms: int = TASK_TIMEOUT_MS):
    result = client.wait_for_task(task.task_uid, timeout_in_ms=timeout_ms, interval_in_ms=20)
    if result.status != "succeeded":
        raise RuntimeError(f"Meilisearch task {task.task_uid} {result.status}: {result.error}")
    return result


def apply_settings(app: Flask, uid: str | None = None) -> None:
    client = get_client(app)
    uid = uid or services_index_name(app)
    _wait(client, client.create_index(uid, {"primaryKey": "id"})) if not _exists(client, uid) else None
    _wait(client, client.index(uid).update_settings(index_settings()))


def _exists(client, uid: str) -> bool:
    try:
        client.get_index(uid)
        return True
    except Exception as error:
        if getattr(error, "code", None) == "index_not_found":
            return False
        raise


def load_services(session: Session, ids: list[str]) -> list[Service]:
    statement = (select(Service).where(Service.id.in_(ids)).options(
        selectinload(Service.organization), selectinload(Service.schedules),
        selectinload(Service.cost_options), selectinload(Service.service_areas),
        selectinload(Service.attributes),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location),
    ))
    return list(session.exec(statement))


# --- the outbox: written inside the caller's transaction -------------------------------------

def _affected_service_ids(session: Session) -> set[str]:
    ids: set[str] = set()
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Service):
            ids.add(obj.id)
        elif isinstance(obj, Location):
            ids.update(session.exec(select(ServiceAtLocation.service_id)
                                    .where(ServiceAtLocation.location_id == obj.id)).all())
        elif hasattr(obj, "service_id") and not isinstance(obj, SearchOutbox) and getattr(obj, "service_id", None):
            if type(obj).__module__.endswith("models.directory"):
                ids.add(obj.service_id)
    return ids


def _before_flush(session: Session, _context, _instances) -> None:
    if session.info.get("outbox_disabled"):
        return
    ids = _affected_service_ids(session) - session.info.setdefault("outboxed", set())
    for service_id in ids:
        session.add(SearchOutbox(service_id=service_id))
    session.info["outboxed"].update(ids)


def _after_commit(session: Session) -> None:
    had_changes = bool(session.info.pop("outboxed", None))
    if had_changes and session.info.get("drain_after_commit", True):
        app = session.info.get("app")
        if app is not None:
            drain_quietly(app)


def _after_rollback(session: Session) -> None:
    session.info.pop("outboxed", None)


def install_hooks() -> None:
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", lambda s, _t: _after_rollback(s))


# --- draining --------------------------------------------------------------------------------

def drain(app: Flask, batch: int = 500, max_batches: int | None = None) -> int:
    """Push pending changes to Meilisearch; return how many services were sent.

    Concurrent drainers are safe: on PostgreSQL each takes rows with FOR UPDATE SKIP LOCKED and a
    per-service advisory lock, so a service is never pushed by two drainers at once (which could
    let an older document overtake a newer one); on SQLite the first statement takes the single
    write lock, so drainers run one after another.
    """
    client = get_client(app)
    index = client.index(services_index_name(app))
    sent = 0
    batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        with db.session_scope(app) as session:
            session.info["outbox_disabled"] = True
            rows = _claim(session, batch)
            if not rows:
                session.commit()
                break
            ids = sorted({row.service_id for row in rows})
            ids = _lock_services(session, ids)
            services = {s.id: s for s in load_services(session, ids)}
            documents = [to_search_document(services[i]) for i in ids
                         if i in services and services[i].merged_into_id is None]
            gone = [i for i in ids if i not in services or services[i].merged_into_id is not None]
            if documents:
                index.add_documents(documents, primary_key="id")
            for service_id in gone:  # deletions are rare: one small task each
                index.delete_document(service_id)
            # Meilisearch keeps enqueued tasks durably and applies them in order, so once both
            # calls are accepted the change is safe and the outbox rows can go.
            for row in rows:
                if row.service_id in ids:
                    session.delete(row)
            session.commit()
            sent += len(ids)
    return sent


def _claim(session: Session, batch: int) -> list[SearchOutbox]:
    statement = select(SearchOutbox).order_by(SearchOutbox.id).limit(batch)
    if session.get_bind().dialect.name == "postgresql":
        return list(session.exec(statement.with_for_update(skip_locked=True)))
    session.exec(text("UPDATE search_outbox SET attempts = attempts WHERE id = -1"))
    return list(session.exec(statement))


def _lock_services(session: Session, ids: list[str]) -> list[str]:
    if session.get_bind().dialect.name != "postgresql":
        return ids
    locked = []
    for service_id in ids:
        got = session.exec(text("SELECT pg_try_advisory_xact_lock(hashtext(:id))").bindparams(id=service_id)).one()[0]
        if got:
            locked.append(service_id)
    return locked


def drain_quietly(app: Flask) -> int:
    """Drain after a user's save: an outage must not fail the save, so we log and move on."""
    try:
        return drain(app, max_batches=4)
    except Exception as error:  # any search failure: the outbox keeps the change for later
        log.warning("search index update deferred: %s", error)
        return 0


def pending_count(app: Flask) -> int:
    with db.session_scope(app) as session:
        return len(session.exec(select(SearchOutbox.id)).all())


# --- rebuild and check -----------------------------------------------------------------------

def reindex(app: Flask, progress=None) -> int:
    """Build a fresh index and swap it in atomically; search never sees a half-built index."""
    client = get_client(app)
    live = services_index_name(app)
    building = f"{live}_build_{int(time.time() * 1000)}"
    started: datetime = utcnow()
    apply_settings(app, building)
    count = 0
    try:
        with db.session_scope(app) as session:
            all_ids = [row for row in session.exec(
                select(Service.id).where(Service.merged_into_id.is_(None)).order_by(Service.id))]
            if progress:
                progress(0, len(all_ids))
            tasks = []
            for start in range(0, len(all_ids), CHUNK):
                chunk = load_services(session, all_ids[start:start + CHUNK])
                tasks.append(client.index(building).add_documents(
                    [to_search_document(s) for s in chunk], primary_key="id"))
                session.expunge_all()
                count += len(chunk)
                if progress:
                    progress(count, len(all_ids))
            for task in tasks:
                _wait(client, task)
        if not _exists(client, live):
            _wait(client, client.create_index(live, {"primaryKey": "id"}))
        _wait(client, client.swap_indexes([{"indexes": [live, building]}]))
    except BaseException:
        try:
            client.delete_index(building)
        except Exception:  # the build failed already; cleaning up is best effort
            pass
        raise
    _wait(client, client.delete_index(building))
    # Changes committed while we were building may have gone to the old index: resend them.
    with db.session_scope(app) as session:
        for service_id in session.exec(select(Service.id).where(Service.last_modified >= started)):
            session.add(SearchOutbox(service_id=service_id))
        session.info["outbox_disabled"] = True
        session.commit()
    drain(app)
    return count


def wait_until_idle(app: Flask, timeout_ms: int = TASK_TIMEOUT_MS) -> None:
    """Wait for this index's queued tasks, so that a comparison sees what was sent."""
    client = get_client(app)
    queued = client.get_tasks({"indexUids": [services_index_name(app)],
                               "statuses": ["enqueued", "processing"], "limit": 1})
    if queued.results:
        client.wait_for_task(queued.results[0].uid, timeout_in_ms=timeout_ms, interval_in_ms=20)


def index_versions(app: Flask) -> dict[str, str | None]:
    wait_until_idle(app)
    index = get_client(app).index(services_index_name(app))
    versions: dict[str, str | None] = {}
    offset = 0
    while True:
        page = index.get_documents({"fields": ["id", "last_modified"], "limit": 1000, "offset": offset})
        for doc in page.results:
            data = dict(doc)
            versions[data["id"]] = data.get("last_modified")
        offset += len(page.results)
        if offset >= page.total or not page.results:
            return versions


def check(app: Flask) -> dict:
    """Compare database and index: missing, extra and stale documents."""
    from .documents import _iso

    with db.session_scope(app) as session:
        expected = {sid: _iso(modified) for sid, modified in session.exec(
            select(Service.id, Service.last_modified).where(Service.merged_into_id.is_(None)))}
    actual = index_versions(app)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    stale = sorted(i for i in set(expected) & set(actual) if expected[i] != actual[i])
    return {"database": len(expected), "index": len(actual), "missing": missing,
            "extra": extra, "stale": stale, "pending": pending_count(app),
            "ok": not (missing or extra or stale)}


def ensure_index(app: Flask) -> int:
    """At start-up: make sure the index exists with current settings and is in step."""
    client = get_client(app)
    if not _exists(client, services_index_name(app)):
        return reindex(app)
    apply_settings(app)
    drain(app)
    report = check(app)
    if not report["ok"]:
        return reindex(app)
    return report["index"]


def init_app(app: Flask) -> None:
    install_hooks()
