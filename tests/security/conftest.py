"""Security fixtures.

Factory: ``write_locked(app)``: a context manager in which another connection holds the
database's write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an EXCLUSIVE lock on the tables a
login and the health check write), as a long import or a stuck worker would.
Factory: ``another_app(**settings)``: a second app on the same database, disposed afterwards.
Factory: ``impatient_app()``: a second app on the same database whose SQLite busy timeout is
0.2 s, so a locked database shows up quickly.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from directory_app import create_app, db


@pytest.fixture
def write_locked():
    @contextmanager
    def hold(app):
        engine = db.get_engine(app)
        if engine.dialect.name == "sqlite":
            import sqlite3

            connection = sqlite3.connect(engine.url.database, isolation_level=None)
            connection.execute("BEGIN IMMEDIATE")
        else:
            connection = engine.raw_connection()
            cursor = connection.cursor()
            cursor.execute("BEGIN")
            cursor.execute("LOCK TABLE app_user, login_throttle, rate_limit_counter IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            connection.rollback()
            connection.close()

    return hold


@pytest.fixture
def another_app(app):
    """Factory: a second app on the same database with some settings changed (as a second worker
    would be); its connections are closed afterwards."""
    made = []

    def factory(**overrides):
        settings = dict(app.config)
        settings.update(overrides)
        made.append(create_app(settings))
        return made[-1]

    yield factory
    for other in made:
        db.get_engine(other).dispose()


@pytest.fixture
def impatient_app(another_app):
    def factory():
        return another_app(SQLITE_BUSY_TIMEOUT_MS=200)

    return factory
