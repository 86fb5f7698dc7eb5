"""Keeping Meilisearch in step with the database.

The database is the source of truth. Every committed change to a service leaves a row in the
``search_outbox`` table, written in the same transaction (so a rolled-back change leaves none).
After commit we try to push those rows to Meilisearch; if it is down, the rows wait and are
replayed by the next drain (next save, ``flask search drain``, or start-up). Nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from flask import Flask
from sqlalchemy import delete, event, func, text
from sqlmodel import Session, col, select

from .. import db
from ..directory.documents import _iso, load_services, related_many, to_search_document
from ..models import Location, SearchOutbox, Service, ServiceAtLocation, utcnow
from ..needs import taxonomy
from ..services import services
from .delivery import TASK_TIMEOUT_MS, park, settle
from .index import MAX_TOTAL_HITS, Chunk
from .vectors import settings as vector_settings
from .vectors import with_vectors

log = logging.getLogger(__name__)
CHUNK = 500
QUIET_TIMEOUT_MS = 10_000  # a user's save waits at most this long for the index

SETTINGS = {
    "searchableAttributes": [
        "name",
        "need_labels",
        "need_terms",
        "description",
        "organization",
        "taxonomy_terms",
        "locations.name",
        "locations.postcode",
    ],
    "filterableAttributes": [
        "id",
        "needs",
        "taxonomy_terms",
        "taxonomy_term_ids",
        "organization_id",
        "cost_band",
        "age_min_filter",
        "age_max_filter",
        "days",
        "delivery",
        "referral_routes",
        "wheelchair",
        "status",
        "service_area",
        "area_wide",
        "eligibility",
        # a match finds the services that name the person's community or are only for a situation
        # of theirs (matchmaking/retrieval.py)
        "communities_named",
        "situations",
        "_geo",
        "last_verified_ts",
        "publisher",
    ],
    "sortableAttributes": ["_geo", "last_verified_ts", "name"],
    # An explicit sort (nearest first when a place is given) wins over text relevance: a navigator
    # asking for "food bank near M33" expects the nearest food bank first.
    # Then freshness breaks ties: among equally good matches a recently checked listing comes first,
    # so stale ones fall in the ranking rather than vanish. Last, the name and the id: without
    # them Meilisearch breaks the remaining ties by the order documents happened to be added, so
    # two imports of the same feed cut a search's limit at different services and a match's list
    # differed (ids are ours, new at each import: the name is what stays).
    "rankingRules": [
        "sort",
        "words",
        "typo",
        "proximity",
        "attribute",
        "exactness",
        "last_verified_ts:desc",
        "name:asc",
        "id:asc",
    ],
    "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
    "faceting": {"maxValuesPerFacet": 100},
}


def index_settings(app: Flask) -> dict:
    settings = dict(SETTINGS)
    settings["synonyms"] = taxonomy().synonym_groups()
    return {**settings, **vector_settings(services(app).embeddings)}


def apply_settings(app: Flask) -> None:
    services(app).index.configure(index_settings(app))


# --- the outbox: written inside the caller's transaction -------------------------------------


def _affected_service_ids(session: Session) -> set[str]:
    ids: set[str] = set()
    new = list(session.new)
    pending = {id(obj) for obj in new}
    # A location not yet written has no stored links: its services are in the session already.
    # The others' links are read in one query, not one per location (an import changes hundreds).
    located: list[str] = []
    for obj in new + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Service):
            ids.add(obj.id)
        elif isinstance(obj, Location):
            if id(obj) not in pending:
                located.append(obj.id)
        elif (
            hasattr(obj, "service_id")
            and not isinstance(obj, SearchOutbox)
            and getattr(obj, "service_id", None)
        ):
            if type(obj).__module__.endswith("models.directory"):
                ids.add(obj.service_id)
    for start in range(0, len(located), CHUNK):
        ids.update(
            session.exec(
                select(ServiceAtLocation.service_id).where(
                    col(ServiceAtLocation.location_id).in_(located[start : start + CHUNK])
                )
            ).all()
        )
    return ids


def _before_flush(session: Session, _context, _instances) -> None:
    if session.info.get("outbox_disabled"):
        return
    ids = _affected_service_ids(session) - session.info.setdefault("outboxed", set())
    for service_id in ids:
        session.add(SearchOutbox(service_id=service_id))
    session.info["outboxed"].update(ids)


def enqueue(session: Session, service_id: str) -> None:
    """Queue a service for re-indexing when something outside its own record changes its document
    (a referral's answer changes its acceptance figures); pushed after commit like any other change."""
    outboxed = session.info.setdefault("outboxed", set())
    if service_id not in outboxed:
        session.add(SearchOutbox(service_id=service_id))
        outboxed.add(service_id)


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


def drain(
    app: Flask,
    batch: int = 500,
    max_batches: int | None = None,
    timeout_ms: int = TASK_TIMEOUT_MS,
    lock_wait_s: float | None = None,
) -> int:
    """Push pending changes to Meilisearch; return how many services it accepted.

    Each batch waits for Meilisearch's verdict: a row goes only once its task succeeded. A document
    Meilisearch refuses keeps its row with the reason and is tried again; after MAX_ATTEMPTS it is
    parked (``parked_at``), so one bad record neither blocks the queue nor disappears unseen.
    Meilisearch being down or slow raises and leaves the rows as they were.

    Concurrent drainers are safe: on PostgreSQL each takes rows with FOR UPDATE SKIP LOCKED and a
    per-service advisory lock, so a service is never pushed by two drainers at once (which could
    let an older document overtake a newer one); on SQLite drainers take a file lock beside the
    database (``db.host_lock``), so they run one after another without holding the write lock
    while vectors are computed and Meilisearch answers.
    """
    index, embeddings = services(app).index, services(app).embeddings
    sent = 0
    batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        with db.host_lock(app, "search-drain", lock_wait_s), db.session_scope(app) as session:
            session.info["outbox_disabled"] = True
            rows = _claim(session, batch)
            if not rows:
                session.commit()
                break
            ids = _lock_services(session, sorted({row.service_id for row in rows}))
            loaded = {s.id: s for s in load_services(session, ids)}
            related = related_many(session, list(loaded))
            documents = with_vectors(
                embeddings,
                {
                    i: to_search_document(loaded[i], related)
                    for i in ids
                    if i in loaded and loaded[i].merged_into_id is None
                },
            )
            gone = [i for i in ids if i not in documents]
            refused = index.put(documents, gone, timeout_ms)
            # Vectors and Meilisearch's verdict took their time without the write lock (SQLite:
            # drainers queue on host_lock instead); settling is one short write.
            db.begin_write(session)
            settle(session, rows, ids, refused)
            session.commit()
            sent += len(ids) - len(refused)
    return sent


def _claim(session: Session, batch: int) -> list[SearchOutbox]:
    statement = (
        select(SearchOutbox)
        .where(col(SearchOutbox.parked_at).is_(None))
        .order_by(col(SearchOutbox.id))
        .limit(batch)
    )
    if session.get_bind().dialect.name == "postgresql":
        return list(session.exec(statement.with_for_update(skip_locked=True)))
    return list(session.exec(statement))  # SQLite: the caller holds host_lock("search-drain")


def _lock_services(session: Session, ids: list[str]) -> list[str]:
    if session.get_bind().dialect.name != "postgresql":
        return ids
    locked = []
    for service_id in ids:
        got = session.exec(  # type: ignore[call-overload]  # SQLModel's exec() is typed for select() only
            text("SELECT pg_try_advisory_xact_lock(hashtext(:id))").bindparams(id=service_id)
        ).one()[0]
        if got:
            locked.append(service_id)
    return locked


QUIET_LOCK_WAIT_S = 2.0


def drain_quietly(app: Flask) -> int:
    """Drain after a user's save: an outage must not fail the save, so we log and move on."""
    try:
        # Another drainer (an import) may be busy for a while; it loops until the outbox is empty,
        # so it sends this change too, and a request must not wait for it.
        return drain(app, max_batches=4, timeout_ms=QUIET_TIMEOUT_MS, lock_wait_s=QUIET_LOCK_WAIT_S)
    except Exception as error:  # any search failure: the outbox keeps the change for later
        log.warning("search index update deferred: %s", error)
        return 0


def pending_count(app: Flask) -> int:
    with db.session_scope(app) as session:
        return session.exec(
            select(func.count()).select_from(SearchOutbox).where(col(SearchOutbox.parked_at).is_(None))
        ).one()


def parked(session: Session, limit: int = 50) -> tuple[int, list[SearchOutbox]]:
    """Changes Meilisearch kept refusing: how many, and the latest few with their reasons."""
    count = session.exec(
        select(func.count(func.distinct(SearchOutbox.service_id))).where(
            col(SearchOutbox.parked_at).is_not(None)
        )
    ).one()
    rows = list(
        session.exec(
            select(SearchOutbox)
            .where(col(SearchOutbox.parked_at).is_not(None))
            .order_by(col(SearchOutbox.parked_at).desc())
            .limit(limit)
        )
    )
    return count, rows


# --- rebuild and check -----------------------------------------------------------------------


def reindex(app: Flask, progress=None) -> int:
    """Build a fresh index and swap it in atomically; search never sees a half-built index.

    A document the index refuses is left out and parked (see ``drain``) rather than failing the
    rebuild: one bad record must not keep every other service out of search."""
    index, embeddings = services(app).index, services(app).embeddings
    started: datetime = utcnow()
    with db.session_scope(app) as session:

        def documents_of(ids: list[str]) -> dict[str, dict]:
            chunk = load_services(session, ids)
            related = related_many(session, [s.id for s in chunk])
            built = with_vectors(embeddings, {s.id: to_search_document(s, related) for s in chunk})
            session.expunge_all()  # keep memory flat on a large directory
            return built

        all_ids = list(
            session.exec(select(Service.id).where(col(Service.merged_into_id).is_(None)).order_by(Service.id))
        )

        def chunks() -> Iterator[Chunk]:
            if progress:
                progress(0, len(all_ids))
            for start in range(0, len(all_ids), CHUNK):
                ids = all_ids[start : start + CHUNK]
                yield ids, list(documents_of(ids).values())
                if progress:
                    progress(min(start + CHUNK, len(all_ids)), len(all_ids))

        refused = index.rebuild(index_settings(app), chunks(), documents_of)
    with db.session_scope(app) as session:  # what went into the new index is no longer parked
        session.exec(
            delete(SearchOutbox).where(
                col(SearchOutbox.parked_at).is_not(None),
                col(SearchOutbox.parked_at) < started,
                col(SearchOutbox.service_id).not_in(list(refused)),
            )
        )
        session.commit()
    park(app, refused)
    # Changes committed while we were building may have gone to the old index: resend them.
    with db.session_scope(app) as session:
        for service_id in session.exec(select(Service.id).where(Service.last_modified >= started)):
            session.add(SearchOutbox(service_id=service_id))
        session.info["outbox_disabled"] = True
        session.commit()
    drain(app)
    return len(all_ids) - len(refused)


def wait_until_idle(app: Flask, timeout_ms: int = TASK_TIMEOUT_MS) -> None:
    """Wait for this index's queued writes, so that a comparison sees what was sent."""
    services(app).index.wait_until_idle(timeout_ms)


def check(app: Flask) -> dict:
    """Compare database and index: missing, extra and stale documents, and parked changes."""
    with db.session_scope(app) as session:
        expected = {
            sid: _iso(modified)
            for sid, modified in session.exec(
                select(Service.id, Service.last_modified).where(col(Service.merged_into_id).is_(None))
            )
        }
        parked_count, parked_rows = parked(session)
        parked_list = [
            {
                "service_id": r.service_id,
                "attempts": r.attempts,
                "reason": r.last_error,
                "parked_at": _iso(r.parked_at),
            }
            for r in parked_rows
        ]
    actual = services(app).index.versions()
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    stale = sorted(i for i in set(expected) & set(actual) if expected[i] != actual[i])
    return {
        "database": len(expected),
        "index": len(actual),
        "missing": missing,
        "extra": extra,
        "stale": stale,
        "pending": pending_count(app),
        "parked": parked_count,
        "parked_changes": parked_list,
        "ok": not (missing or extra or stale or parked_count),
    }


def describe(report: dict) -> str:
    parts = [f"{kind} {len(report[kind])}" for kind in ("missing", "extra", "stale") if report[kind]]
    if report["parked"]:
        parts.append(f"parked {report['parked']}")
    return ", ".join(parts) or "in step"


def ensure_index(app: Flask, say=log.warning) -> int:
    """At start-up: make sure the index exists with current settings and is in step.

    Never refuses to start: drift is reported and repaired by a rebuild; what Meilisearch still
    refuses stays parked for a curator to see, and a failure here leaves the app serving (search
    answers 503 until the index is back) rather than not starting at all."""
    try:
        if not services(app).index.exists():
            return reindex(app)
        apply_settings(app)
        drain(app)
        report = check(app)
        if report["ok"]:
            return report["index"]
        if report["missing"] or report["extra"] or report["stale"]:
            say(f"Search index out of step with the database ({describe(report)}): rebuilding it.")
            reindex(app)
            report = check(app)
        if not report["ok"]:
            say(f"Search index: {describe(report)}. See `flask search check` or the curator home page.")
        return report["index"]
    except Exception as error:  # start anyway: the database is the source of truth
        say(
            f"Search index could not be checked or rebuilt ({type(error).__name__}: {str(error)[:300]}). "
            "Starting anyway; run `flask search check` once Meilisearch is reachable."
        )
        return 0


def init_app(app: Flask) -> None:
    install_hooks()
