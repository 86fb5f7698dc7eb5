"""Feed imports as jobs: started by a request, run by a thread in the app (or in the foreground by
the CLI), resumable after a restart.

The job row holds the uploaded file, how many records are done and the report so far. Records are
applied in batches; each batch commits together with the job's progress, so a job stopped at any
point resumes from the first record not yet applied, and no record is ever half-applied. Each
batch is a short write transaction, so curators' edits never wait long for the write lock.

Ownership: the process running a job stamps it with an owner token and a heartbeat at every batch.
A job whose heartbeat is older than STALE_AFTER (its process died) is claimed by the next app that
looks (``recover``), and a batch commits only while its runner still owns the job, so two processes
never apply the same job.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any, cast

from flask import Flask
from sqlalchemy import CursorResult, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from .. import db
from ..audit import record
from ..db import retry_when_busy
from ..errors import Conflict, NotFound, ValidationError
from ..models import ImportJob, Service, utcnow
from ..models.jobs import ACTIVE_STATUSES
from ..search import indexing
from . import duplicates, importer, understanding, withdrawal
from .upload import Upload

log = logging.getLogger(__name__)

# Records per transaction: big enough to amortise the commit, small enough that a batch holds the
# write lock for well under a second (IMPORT_BATCH_SIZE).
BATCH_SIZE = 200
MIN_BATCH = 10
FIRST_BATCH = 25
LOCK_BUDGET_SECONDS = 1.0
# At most one drain started this often while an import runs (each drains what is pending): search
# lags an import by about this much, and Meilisearch gets fewer, larger tasks (5,000 services: 10
# tasks instead of 18 at 2 s).
FOLLOW_EVERY_SECONDS = 10.0
# Services per Meilisearch task while an import drains: it indexes 3,000 documents about 1.5x faster
# in one task than in six of 500 each waited for.
DRAIN_BATCH = 2000
# Longer than any step between heartbeats (a batch, a drain with vectors, the duplicate pass).
STALE_AFTER = timedelta(seconds=180)
RECOVER_EVERY_SECONDS = 30
# A pause between batches so that a writer queued behind the import (a curator's edit, polling
# SQLite's busy handler) gets the lock before the next batch takes it again.
YIELD_SECONDS = 0.02

_threads: dict[str, threading.Thread] = {}

Progress = Callable[[int, int], None]


class ImportInProgress(Conflict):
    """This publisher already has an import queued or running."""


def _owner() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _report(job: ImportJob | dict) -> importer.ImportReport:
    data = job.report if isinstance(job, ImportJob) else job
    fields = dict(data)
    # Fresh lists: a batch that is retried must not leave its first attempt's lines behind.
    for name in ("errors", "warnings", "withdrawn"):
        fields[name] = list(fields.get(name, []))
    return importer.ImportReport(**fields)


# --- starting --------------------------------------------------------------------------------


def create(
    app: Flask, content: bytes, filename: str, publisher: str, actor: str, whole_feed: bool = False
) -> tuple[ImportJob, str]:
    """Check the file and the publisher, then record a job; 409 if the publisher has one active.
    ``whole_feed``: the file is everything the publisher lists, so their services it leaves out
    are withdrawn once its records are in (withdrawal.py).

    Whole-file problems (not UTF-8, truncated, wrong columns) are found here, before anything is
    queued, so the person uploading hears about them at once."""
    publisher = (publisher or "").strip()
    if not publisher:
        raise ValidationError("Say who publishes this feed.", {"publisher": "This is required."})
    kind, items = importer.parse(content, filename)
    owner = _owner()
    job = ImportJob(
        id=uuid.uuid4().hex,
        publisher=publisher,
        filename=filename[:255],
        format=kind,
        actor=actor,
        status="running",
        total=len(items),
        done=0,
        content=content,
        whole_feed=whole_feed,
        owner=owner,
        report=importer.ImportReport(publisher=publisher, format=kind, total=len(items)).as_dict(),
    )
    with db.session_scope(app) as session:
        _insert(session, job)
    return job, owner


@retry_when_busy
def _insert(session: Session, job: ImportJob) -> None:
    session.add(job)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        active = session.exec(
            select(ImportJob).where(
                ImportJob.publisher == job.publisher, col(ImportJob.status).in_(ACTIVE_STATUSES)
            )
        ).first()
        progress = f" ({active.done} of {active.total} records done)" if active else ""
        raise ImportInProgress(
            f"An import for {job.publisher} is already running{progress}. Wait for it to finish, "
            "then import again.",
            {"publisher": "An import for this publisher is already running."},
        ) from None


def start(app: Flask, upload: Upload, actor: str) -> ImportJob:
    """Queue an import and run it on a thread of this process; returns at once."""
    fields = upload.fields
    job, owner = create(app, upload.content, upload.filename, fields.publisher, actor, fields.whole_feed)
    launch(app, job.id, owner)
    return job


def launch(app: Flask, job_id: str, owner: str) -> threading.Thread:
    thread = threading.Thread(
        target=_run_logged, args=(app, job_id, owner), name=f"import-{job_id[:8]}", daemon=True
    )
    _threads[job_id] = thread
    thread.start()
    return thread


def _run_logged(app: Flask, job_id: str, owner: str) -> None:
    try:
        run(app, job_id, owner)
    except Exception:  # a thread has no caller to raise to: the job is marked failed in run()
        log.exception("import job %s stopped", job_id)
    finally:
        _threads.pop(job_id, None)


def wait(job_id: str, timeout: float = 120) -> None:
    """Block until this process's thread for the job ends (tests, the load benchmark)."""
    thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)


def import_file(
    app: Flask,
    content: bytes,
    filename: str,
    publisher: str,
    actor: str,
    progress: Progress | None = None,
    whole_feed: bool = False,
) -> importer.ImportReport:
    """Parse then import in the foreground (CLI, seed, benchmarks) as a job, so it is resumable and
    one per publisher, and return its report; the search index follows each batch (or catches up
    later, if it is down)."""
    job, owner = create(app, content, filename, publisher, actor, whole_feed)
    return run(app, job.id, owner, progress)


# --- running ---------------------------------------------------------------------------------


def run(app: Flask, job_id: str, owner: str, progress: Progress | None = None) -> importer.ImportReport:
    with db.session_scope(app) as session:
        job = session.get(ImportJob, job_id)
        if job is None:
            raise NotFound(f"No import job {job_id}.")
        content, filename, publisher, done = job.content, job.filename, job.publisher, job.done
        created_at, whole_feed, actor = job.created_at, job.whole_feed, job.actor
        report = _report(job)
    follower = _IndexFollower(app, job_id)
    try:
        kind, items = importer.parse(content or b"", filename)
        # Ids seen in batches already applied: a repeat later in the file is still reported.
        seen = {importer.record_key(kind, item, n) for n, item in enumerate(items[:done], start=1)}
        if progress:
            progress(done, len(items))
        # Train the understanding step's classifiers (once per process) and find the terms the feed
        # ticks loosely before the first batch takes the write lock, not while holding it.
        with understanding.whole_feed(importer.as_read(kind, items)):
            follower.start()
            largest = max(1, int(app.config.get("IMPORT_BATCH_SIZE") or BATCH_SIZE))
            size = min(largest, FIRST_BATCH)  # grow from small: records can be slow (understanding)
            while done < len(items):
                batch = items[done : done + size]
                began = time.monotonic()
                with _job_session(app) as session:
                    outcome = _apply_batch(
                        session,
                        job_id,
                        owner,
                        importer.Batch(kind, batch, done, publisher, filename),
                        report.as_dict(),
                        seen,
                    )
                if outcome is None:
                    log.warning("import job %s was taken over by another process", job_id)
                    follower.stop(wait=False)
                    return report
                report, seen = outcome
                done += len(batch)
                # Keep each batch's hold on the write lock near LOCK_BUDGET_SECONDS, whatever the records cost.
                took = time.monotonic() - began
                if took > LOCK_BUDGET_SECONDS:
                    size = max(min(MIN_BATCH, largest), size // 2)
                elif took < LOCK_BUDGET_SECONDS / 3:
                    size = min(largest, size * 2)
                follower.nudge()
                if progress:
                    progress(done, len(items))
                time.sleep(YIELD_SECONDS)
        if whole_feed:
            with _job_session(app) as session:
                outcome = _withdraw(session, job_id, owner, kind, items, publisher, actor, filename, report)
            if outcome is None:
                follower.stop(wait=False)
                return report
            report = outcome
        _flag_duplicates(app, publisher, created_at)
        follower.stop()
        # Before the job says "done", so that a finished import is also searchable.
        _drain(app, report)
        with db.session_scope(app) as session:
            _finish(session, job_id, owner, report.as_dict())
    except Exception as error:
        follower.stop(wait=False)
        _fail(app, job_id, owner, report, error)
        raise
    return report


class _IndexFollower:
    """Search follows a long import as it goes: the outbox is drained on a thread of its own while
    the next batches are written, so Meilisearch indexes one part of the import (in its own process)
    while the import writes the next, instead of the import stopping to wait for it. A drain that
    fails changes nothing (the outbox keeps every change for the final drain)."""

    def __init__(self, app: Flask, job_id: str):
        self._app = app
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"import-index-{job_id[:8]}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def nudge(self) -> None:
        """A batch has committed: there is something to send."""
        self._wake.set()

    def stop(self, wait: bool = True) -> None:
        self._stopping.set()
        self._wake.set()
        if wait and self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        while True:
            self._wake.wait()
            if self._stopping.is_set():
                return
            self._wake.clear()
            began = time.monotonic()
            try:
                indexing.drain(self._app, batch=DRAIN_BATCH)
            except Exception as error:  # the outbox keeps every change for the final drain
                log.info("search index will catch up after the import: %s", error)
            # Let a few batches gather: Meilisearch indexes a few large tasks faster than many small.
            self._stopping.wait(max(0.0, FOLLOW_EVERY_SECONDS - (time.monotonic() - began)))


@contextmanager
def _job_session(app: Flask) -> Iterator[Session]:
    """A session for the job's writes. Their search documents are sent by the job's index follower
    and its last drain, not after each commit: a commit that drained would wait for the follower's
    lock (up to drain_quietly's 2 s) and then give up."""
    with db.session_scope(app) as session:
        session.info["drain_after_commit"] = False
        yield session


@retry_when_busy
def _apply_batch(
    session: Session, job_id: str, owner: str, batch: importer.Batch, report_data: dict, seen: set[str]
):
    # Work on copies: if the database is busy this whole unit runs again from the start.
    report, seen = _report(report_data), set(seen)
    importer.apply_batch(session, batch, report, seen)
    done = batch.offset + len(batch.items)
    if not _save_progress(session, job_id, owner, done=done, report=report.as_dict()):
        return None
    return report, seen


def _save_progress(session: Session, job_id: str, owner: str, **values: Any) -> bool:
    """Commit the caller's work with the job's progress, if this process still owns the job;
    otherwise roll it back (another process took the job over) and say so."""
    # An UPDATE always gives a CursorResult (which has rowcount); Session.execute is typed for any statement.
    claimed = cast(
        CursorResult[Any],
        session.execute(
            update(ImportJob)
            .where(
                col(ImportJob.id) == job_id, col(ImportJob.owner) == owner, col(ImportJob.status) == "running"
            )
            .values(**values, heartbeat_at=utcnow())
        ),
    )
    if claimed.rowcount != 1:
        session.rollback()
        return False
    session.commit()
    return True


@retry_when_busy
def _withdraw(
    session: Session,
    job_id: str,
    owner: str,
    kind: str,
    items: list[dict],
    publisher: str,
    actor: str | None,
    filename: str,
    so_far: importer.ImportReport,
) -> importer.ImportReport | None:
    """Withdraw what the feed left out, committed with the job's report so that a job resumed
    after this step neither repeats it nor loses its list (a second pass finds nothing to do)."""
    report = _report(so_far.as_dict())  # a copy: a busy database runs this again from the start
    listed = importer.listed_ids(kind, items)
    gone, refused = withdrawal.withdraw_missing(session, publisher, listed, actor, filename)
    report.withdrawn += gone
    refusal = {"record": "*", "field": "withdrawal", "reason": refused}
    if refused and refusal not in report.warnings:  # said once, also when a resumed job gets here again
        report.warnings.append(refusal)
    return report if _save_progress(session, job_id, owner, report=report.as_dict()) else None


def _flag_duplicates(app: Flask, publisher: str, since) -> None:
    """One duplicate pass once the records have landed: compare what this job touched with the
    whole directory by blocking, instead of a few queries per record. It reads without the write
    lock and then saves the pairs in one short transaction; run again on resume, it changes nothing."""
    with db.session_scope(app) as session:
        touched = set(
            session.exec(
                select(Service.id).where(Service.publisher == publisher, Service.imported_at >= since)
            )
        )
        if not touched:
            return
        facts = duplicates.load_facts(session)
        pairs = duplicates.find_pairs(facts, only=touched)
        session.rollback()
    if pairs:
        with _job_session(app) as session:
            _save_pairs(session, pairs)


@retry_when_busy
def _save_pairs(session: Session, pairs: list) -> None:
    duplicates._save(session, pairs)
    session.commit()


@retry_when_busy
def _finish(session: Session, job_id: str, owner: str, report_data: dict) -> None:
    job = session.get(ImportJob, job_id)
    if job is None or job.owner != owner or job.status != "running":
        session.rollback()
        return
    # (the job's id, not the publisher's name: a name may be longer than an audit id holds, and
    # PostgreSQL refused a 66-character one; the summary carries the publisher)
    record(
        session,
        job.actor,
        "import",
        "import",
        job.id,
        {"summary": [None, {k: v for k, v in report_data.items() if k not in ("errors", "warnings")}]},
    )
    job.status, job.report, job.content, job.finished_at = "done", report_data, None, utcnow()
    session.add(job)
    session.commit()


def _fail(app: Flask, job_id: str, owner: str, report: importer.ImportReport, error: Exception) -> None:
    message = (
        error.message
        if isinstance(error, ValidationError)
        else f"The import stopped: {type(error).__name__}."
    )
    try:
        with db.session_scope(app) as session:
            session.execute(
                update(ImportJob)
                .where(col(ImportJob.id) == job_id, col(ImportJob.owner) == owner)
                .values(
                    status="failed",
                    error=message[:500],
                    report=report.as_dict(),
                    content=None,
                    finished_at=utcnow(),
                )
            )
            session.commit()
    except Exception:  # the database itself is gone: recovery marks the job later
        log.exception("could not mark import job %s failed", job_id)


def _drain(app: Flask, report: importer.ImportReport) -> None:
    try:
        indexing.drain(app, batch=DRAIN_BATCH)
    except Exception as error:  # the outbox keeps every change for the next drain
        report.warnings.append(
            {
                "record": "*",
                "field": "search",
                "reason": f"search index will catch up later ({type(error).__name__})",
            }
        )


# --- after a restart -------------------------------------------------------------------------


def recover(app: Flask, stale_after: timedelta = STALE_AFTER, background: bool = True) -> list[str]:
    """Claim jobs whose runner stopped (no heartbeat for ``stale_after``) and resume them."""
    cutoff = utcnow() - stale_after
    resumed = []
    with db.session_scope(app) as session:
        stale = list(
            session.exec(
                select(ImportJob.id).where(
                    col(ImportJob.status).in_(ACTIVE_STATUSES), ImportJob.heartbeat_at <= cutoff
                )
            )
        )
    for job_id in stale:
        owner = _owner()
        with db.session_scope(app) as session:
            if not _claim(session, job_id, owner, cutoff):
                continue
        resumed.append(job_id)
        if background:
            launch(app, job_id, owner)
        else:
            try:
                run(app, job_id, owner)
            except Exception:  # marked failed by run(); carry on with the next job
                log.exception("resumed import job %s failed", job_id)
    return resumed


@retry_when_busy
def _claim(session: Session, job_id: str, owner: str, cutoff) -> bool:
    claimed = cast(
        CursorResult[Any],
        session.execute(
            update(ImportJob)
            .where(
                col(ImportJob.id) == job_id,
                col(ImportJob.status).in_(ACTIVE_STATUSES),
                col(ImportJob.heartbeat_at) <= cutoff,
            )
            .values(owner=owner, status="running", heartbeat_at=utcnow())
        ),
    )
    session.commit()
    return claimed.rowcount == 1


def init_app(app: Flask) -> None:
    state = {"checked": 0.0}

    @app.before_request
    def _recover_stale_jobs():
        now = time.monotonic()
        if now - state["checked"] < RECOVER_EVERY_SECONDS:
            return
        state["checked"] = now
        try:
            recover(app)
        except Exception as error:  # never fail a user's request over housekeeping
            log.warning("could not check for interrupted imports: %s", error)


# --- reading ---------------------------------------------------------------------------------


def get(session: Session, job_id: str) -> ImportJob:
    job = session.get(ImportJob, job_id) if len(job_id) <= 32 else None
    if job is None:
        raise NotFound(f"No import job {job_id}.")
    return job


def as_dict(job: ImportJob) -> dict:
    return {
        "id": job.id,
        "url": f"/api/v1/imports/{job.id}",
        "status": job.status,
        "publisher": job.publisher,
        "filename": job.filename,
        "format": job.format,
        "whole_feed": job.whole_feed,
        "total": job.total,
        "done": job.done,
        "error": job.error,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "report": job.report,
    }
