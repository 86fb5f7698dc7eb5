"""Faults lose nothing: a killed import leaves only whole records and resumes, a locked database answers 503."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import time
from datetime import timedelta

import pytest
from sqlmodel import func, select

from directory_app import db
from directory_app.directory import jobs
from directory_app.directory.service_input import FIELD_NAMES
from directory_app.models import ImportJob, Service
from directory_app.search import indexing
from tests.conftest import start_cli_import

sqlite_only = pytest.mark.skipif(
    os.environ.get("TEST_DB") == "postgresql" or os.environ.get("TEST_DATABASE_URL"),
    reason="drives SQLite's file lock directly",
)


def _count(app) -> int:
    with db.session_scope(app) as session:
        return session.exec(select(func.count()).select_from(Service)).one()


def _big_csv(path, rows: int) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELD_NAMES)
        writer.writeheader()
        for n in range(rows):
            writer.writerow(
                {
                    "external_id": f"k{n}",
                    "name": f"Group number {n}",
                    "organization": f"Org {n % 50}",
                    "description": "A weekly group for people who feel lonely",
                    "latitude": "53.42",
                    "longitude": f"{-2.32 - n / 100000:.5f}",
                    "cost": "free",
                }
            )


def test_an_import_killed_half_way_leaves_whole_records_and_the_next_start_is_consistent(app, tmp_path):
    """Batches commit with the job's progress, so a kill leaves whole records, exactly as many as the
    job says are done; the next start resumes the job and the index ends in step."""
    feed = tmp_path / "feed.csv"
    # 100 records in batches of 5: killed after two batches, eighteen are left to resume (200
    # records took twice the time to prove the same).
    _big_csv(feed, 100)
    process = start_cli_import(app, feed, "killed", batch_size=5, output=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(app) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, process.stdout.read().decode()[-2000:]
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()

    with db.session_scope(app) as session:
        job = session.exec(select(ImportJob).where(ImportJob.publisher == "killed")).one()
    assert 0 < _count(app) == job.done < 100 and job.status == "running"
    if app.config["DATABASE_URL"].startswith("sqlite"):
        path = app.config["DATABASE_URL"].removeprefix("sqlite:///")
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    small = tmp_path / "small.csv"
    _big_csv(small, 20)
    after = start_cli_import(app, small, "after-crash", batch_size=5, output=subprocess.PIPE)
    output, _ = after.communicate()
    assert after.returncode == 0, output.decode()

    assert jobs.recover(app, stale_after=timedelta(0), background=False) == [job.id]
    assert _count(app) == 120
    assert indexing.pending_count(app) == 0
    indexing.wait_until_idle(app)
    assert indexing.check(app)["ok"]


@sqlite_only
def test_a_database_locked_by_another_process_gives_503_and_writes_nothing(
    app, client, token_for, make_service
):
    service_id = make_service()
    token = token_for("curator")
    app.config["SQLITE_BUSY_TIMEOUT_MS"] = 50
    db.get_engine(app).dispose()
    app.extensions["db_engine"] = db.make_engine(app.config["DATABASE_URL"], 50)
    path = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        response = client.patch(
            f"/api/v1/services/{service_id}",
            json={"name": "Renamed while locked"},
            headers={"Authorization": f"Bearer {token}"},
        )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert response.status_code == 503, response.get_json()
    assert response.headers["Retry-After"]
    assert "busy" in response.get_json()["error"]["message"]
    with db.session_scope(app) as session:
        assert session.get(Service, service_id).name == "Sale Lunch Club"
