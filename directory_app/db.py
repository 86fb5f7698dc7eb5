"""Database engine and sessions.

One engine per app; one session per request (closed at teardown) or per CLI command
(``session_scope``). The same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from . import models  # noqa: F401  (registers every table on the metadata)
from .errors import Unavailable, is_busy

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, busy_timeout_ms: int = 10000, sqlite_synchronous: str | None = None) -> Engine:
    """`sqlite_synchronous`: one of config.SQLITE_SYNCHRONOUS, or None for SQLite's own FULL."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            # WAL lets readers carry on while one writer commits; busy_timeout makes a locked
            # database wait rather than fail at once.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            if sqlite_synchronous is not None:
                cursor.execute(f"PRAGMA synchronous={sqlite_synchronous.upper()}")
            cursor.close()
            # Let SQLAlchemy, not the driver, decide when transactions begin, so that SAVEPOINTs
            # (one per imported record) behave as on PostgreSQL.
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection):
            # A write unit asks for IMMEDIATE (see retry_when_busy): it takes the write lock before
            # its first read, so it queues behind other writers (busy_timeout) instead of failing
            # because another writer committed after its read snapshot began.
            mode = connection.get_execution_options().get("sqlite_begin")
            connection.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def real_app() -> Flask:
    """The app behind ``current_app``, to hand to code that outlives the context (threads, sessions)."""
    # Flask types current_app as Flask, hiding the proxy's own method.
    return current_app._get_current_object()  # type: ignore[attr-defined]


def get_engine(app: Flask | None = None) -> Engine:
    return (app or current_app).extensions["db_engine"]


def get_session() -> Session:
    """The request's session, opened on first use."""
    if "db_session" not in g:
        g.db_session = new_session(real_app())
    return g.db_session


def new_session(app: Flask) -> Session:
    session = Session(get_engine(app), expire_on_commit=False)
    # The search outbox drains after commit and needs to know which app's index to update.
    session.info["app"] = app
    return session


@contextmanager
def session_scope(app: Flask | None = None) -> Iterator[Session]:
    session = new_session(app or real_app())
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(app: Flask) -> None:
    from alembic import command

    with get_engine(app).begin() as connection:
        config = alembic_config(app.config["DATABASE_URL"])
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def init_app(app: Flask) -> None:
    app.extensions["db_engine"] = make_engine(
        app.config["DATABASE_URL"],
        app.config.get("SQLITE_BUSY_TIMEOUT_MS", 10000),
        app.config.get("SQLITE_SYNCHRONOUS"),
    )
    app.teardown_appcontext(_close_session)


BUSY_ATTEMPTS = 6


def retry_when_busy(func):
    """Run a write unit again when the database is briefly busy; 503 if it stays busy.

    On SQLite a transaction that read before it writes can find another writer got there first;
    on PostgreSQL, a deadlock or serialisation failure. Either way the whole unit is rolled back
    and re-run from the start, so a record is never half-written.
    """
    import random
    import time
    from functools import wraps

    from sqlalchemy.exc import DBAPIError

    @wraps(func)
    def wrapper(session, *args, **kwargs):
        for attempt in range(BUSY_ATTEMPTS):
            try:
                _begin_for_write(session)
                return func(session, *args, **kwargs)
            except DBAPIError as error:
                if not is_busy(error):
                    raise
                session.rollback()
                if attempt == BUSY_ATTEMPTS - 1:
                    raise Unavailable(
                        "The database is busy. Please try again in a moment.", retry_after=2
                    ) from error
                time.sleep(0.02 * 2**attempt + random.random() * 0.02)
        raise AssertionError("unreachable")

    return wrapper


def _begin_for_write(session: Session) -> None:
    """On SQLite, start a write unit with BEGIN IMMEDIATE.

    A deferred transaction that has read (the request loaded its user, the record) and then writes
    gets SQLITE_BUSY at once if another worker committed meanwhile: the busy timeout cannot help,
    because its snapshot is stale. Taking the write lock first makes the unit wait its turn, and
    since no unit holds the lock for long (imports commit in small batches) the wait is short.
    """
    if not isinstance(session, Session) or session.get_bind().dialect.name != "sqlite":
        return
    if session.in_transaction():
        if session.new or session.dirty or session.deleted or session.info.get("flushed_writes"):
            return  # nested in a unit that is already writing: it holds the lock
        # Only reads so far: end that snapshot (objects stay loaded; expire_on_commit is off).
        session.commit()
    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


@event.listens_for(Session, "after_flush")
def _note_flush(session, _context) -> None:
    # A flush happens only when there was something to write.
    session.info["flushed_writes"] = True


@event.listens_for(Session, "after_commit")
def _forget_flush(session) -> None:
    session.info.pop("flushed_writes", None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_flush_on_rollback(session, _transaction) -> None:
    session.info.pop("flushed_writes", None)


begin_write = _begin_for_write


@contextmanager
def host_lock(app: Flask, name: str, wait_s: float | None = None) -> Iterator[None]:
    """On SQLite, serialise a job across every process using the same database file (a file lock
    beside it), so that the job can do its slow part without holding SQLite's single write lock.
    On PostgreSQL, row locks do this and the lock is not taken. With ``wait_s``, give up after
    that long with TimeoutError."""
    url = app.config["DATABASE_URL"]
    if not url.startswith("sqlite:///"):
        yield
        return
    import fcntl

    path = Path(url.removeprefix("sqlite:///")).with_name(
        Path(url.removeprefix("sqlite:///")).name + f".{name}.lock"
    )
    with open(path, "a") as handle:
        if wait_s is None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        else:
            import time

            deadline = time.monotonic() + wait_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise TimeoutError(f"{name} is busy in another process") from None
                    time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
