"""Imports run as background jobs: 202 and a job URL at once, progress, one job per publisher, a
curator's edit during an import succeeds, and a job interrupted by a crash resumes to completion
without any half-applied record."""

from __future__ import annotations

import csv
import io
import json
import signal
import time
from datetime import timedelta

import pytest
from sqlmodel import func, select

from directory_app import db
from directory_app.directory import jobs, understanding
from directory_app.directory.service_input import FIELD_NAMES
from directory_app.models import DuplicateFlag, ImportJob, Service
from directory_app.search import indexing
from directory_app.services import services
from tests.conftest import csrf_token, start_cli_import


@pytest.fixture(autouse=True)
def small_batches(app):
    """Batches of 5 records, so a feed of a hundred or so shows progress and can be interrupted.
    The feeds were once a few hundred records in batches of 20: as many batches (what progress,
    the one-job rule and killing half-way depend on) for a quarter of the records and the time."""
    app.config["IMPORT_BATCH_SIZE"] = 5


def _feed(rows: int, prefix: str = "k") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=FIELD_NAMES)
    writer.writeheader()
    for n in range(rows):
        writer.writerow(
            {
                "external_id": f"{prefix}{n}",
                "name": f"Group number {n}",
                "organization": f"Org {n % 50}",
                "description": "A weekly group for people who feel lonely",
                "latitude": "53.42",
                "longitude": f"{-2.32 - n / 100000:.5f}",
                "cost": "free",
            }
        )
    return out.getvalue().encode()


def _services(app, publisher: str) -> int:
    with db.session_scope(app) as session:
        return session.exec(
            select(func.count()).select_from(Service).where(Service.publisher == publisher)
        ).one()


def _post(client, token: str, content: bytes, publisher: str, name: str = "feed.csv"):
    return client.post(
        "/api/v1/imports",
        data={"file": (io.BytesIO(content), name), "publisher": publisher},
        headers={"Authorization": f"Bearer {token}"},
        content_type="multipart/form-data",
    )


def _until_done(client, token: str, url: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(url, headers={"Authorization": f"Bearer {token}"}).get_json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job at {url} did not finish: {job}")


def test_api_import_returns_202_at_once_and_the_job_reports_progress_then_the_report(app, client, token_for):
    token = token_for("curator")
    refused = _post(client, token, b"name,organization\nLunch club,Age UK\n", "council")
    assert refused.status_code == 400 and "external_id" in refused.get_json()["error"]["message"]
    assert client.get("/api/v1/services").get_json()["total"] == 0

    started = time.monotonic()
    response = _post(client, token, _feed(80), "council")
    assert response.status_code == 202, response.get_json()
    assert time.monotonic() - started < 5
    body = response.get_json()
    assert body["url"] == f"/api/v1/imports/{body['id']}" and response.headers["Location"] == body["url"]
    assert body["total"] == 80 and body["status"] in ("queued", "running")

    seen_progress = set()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        job = client.get(body["url"], headers={"Authorization": f"Bearer {token}"}).get_json()
        seen_progress.add(job["done"])
        if job["status"] == "done":
            break
        time.sleep(0.1)
    assert job["status"] == "done", job
    assert any(0 < done < 80 for done in seen_progress), seen_progress
    assert job["report"]["created"] == 80 and job["report"]["failed"] == 0
    assert _services(app, "council") == 80
    indexing.wait_until_idle(app)
    assert indexing.check(app)["ok"]

    assert client.get("/api/v1/imports/nope", headers={"Authorization": f"Bearer {token}"}).status_code == 404
    navigator = token_for("navigator")
    assert client.get(body["url"], headers={"Authorization": f"Bearer {navigator}"}).status_code == 403


def test_an_upload_without_a_publisher_or_a_file_is_refused_naming_each_and_starts_nothing(
    app, client, token_for
):
    token = token_for("curator")
    headers = {"Authorization": f"Bearer {token}"}
    refused = client.post(
        "/api/v1/imports",
        data={"publisher": "  ", "whole_feed": "perhaps"},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert refused.status_code == 400
    assert set(refused.get_json()["error"]["fields"]) == {"publisher", "file", "whole_feed"}
    too_long = _post(client, token, _feed(3), "x" * 201)
    assert too_long.status_code == 400 and "publisher" in too_long.get_json()["error"]["fields"]
    with db.session_scope(app) as session:
        assert session.exec(select(ImportJob)).first() is None


def test_a_second_import_for_the_same_publisher_is_refused_with_409_until_the_first_ends(
    app, client, token_for
):
    token = token_for("curator")
    first = _post(client, token, _feed(100), "council")
    assert first.status_code == 202
    second = _post(client, token, _feed(10, prefix="x"), "council")
    assert second.status_code == 409, second.get_json()
    error = second.get_json()["error"]
    assert "already running" in error["message"] and error["fields"]["publisher"]
    other = _post(client, token, _feed(10, prefix="x"), "another publisher")
    assert other.status_code == 202
    _until_done(client, token, other.get_json()["url"])
    assert _until_done(client, token, first.get_json()["url"])["status"] == "done"
    again = _post(client, token, _feed(10, prefix="x"), "council")
    assert again.status_code == 202
    _until_done(client, token, again.get_json()["url"])
    assert _services(app, "council") == 110


def test_a_curator_edit_during_an_import_succeeds(app, client, token_for, make_service):
    service_id = make_service()
    token = token_for("curator")
    job_url = _post(client, token, _feed(160), "council").get_json()["url"]
    deadline = time.monotonic() + 60
    while client.get(job_url, headers={"Authorization": f"Bearer {token}"}).get_json()["done"] == 0:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    edits, during = [], []
    for n in range(5):
        during.append(client.get(job_url, headers={"Authorization": f"Bearer {token}"}).get_json()["status"])
        response = client.patch(
            f"/api/v1/services/{service_id}",
            json={"wait_weeks": n + 1},
            headers={"Authorization": f"Bearer {token}"},
        )
        edits.append(response.status_code)
    assert edits == [200] * 5
    # At least the first edit was made while the import was writing (later ones may come after).
    assert during[0] == "running", "the import ended before the edits: make the feed bigger"
    assert _until_done(client, token, job_url)["report"]["created"] == 160
    assert client.get(f"/api/v1/services/{service_id}").get_json()["fields"]["wait_weeks"] == 5


def test_import_page_redirects_to_a_job_page_that_refreshes_until_the_report(app, client, login_as):
    # The second upload must arrive while the first still runs, a few requests later: a quicker
    # feed (120 records in batches of 5) sometimes finished first.
    app.config["IMPORT_BATCH_SIZE"] = 20
    login_as("curator")
    token = csrf_token(client, "/curate/import")
    response = client.post(
        "/curate/import",
        data={"csrf_token": token, "publisher": "council", "file": (io.BytesIO(_feed(400)), "feed.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    job_page = response.headers["Location"]
    running = client.get(job_page).get_data(as_text=True)
    assert 'http-equiv="refresh"' in running and "records processed" in running

    busy = client.post(
        "/curate/import",
        data={"csrf_token": token, "publisher": "council", "file": (io.BytesIO(_feed(5, "x")), "other.csv")},
        content_type="multipart/form-data",
    )
    assert busy.status_code == 409 and "already running" in busy.get_data(as_text=True)

    jobs.wait(job_page.rsplit("/", 1)[1], timeout=240)
    finished = client.get(job_page).get_data(as_text=True)
    assert "Import finished" in finished and 'http-equiv="refresh"' not in finished
    assert 'id="report"' in finished and "Every record was imported." in finished


def test_a_job_killed_half_way_resumes_after_restart_with_every_record_whole(app, tmp_path):
    feed = tmp_path / "feed.csv"
    # 100 records in batches of 5: eighteen batches left to resume once two have landed
    feed.write_bytes(_feed(100))
    process = start_cli_import(app, feed, "killed", batch_size=5)
    deadline = time.monotonic() + 120
    job = None
    while time.monotonic() < deadline:
        with db.session_scope(app) as session:
            job = session.exec(select(ImportJob).where(ImportJob.publisher == "killed")).first()
        if job is not None and job.done >= 10:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert job is not None and 0 < job.done < 100, "the import must be killed part-way"

    with db.session_scope(app) as session:
        job = session.get(ImportJob, job.id)
        landed = _services(app, "killed")
        # Whole batches only: what landed is exactly what the job recorded as done.
        assert job.status == "running" and landed == job.done == job.report["created"]
    # A restarted app finds the job without a heartbeat and resumes it.
    assert jobs.recover(app, stale_after=timedelta(0), background=False) == [job.id]
    with db.session_scope(app) as session:
        job = session.get(ImportJob, job.id)
    assert job.status == "done" and job.content is None
    assert job.report["created"] == 100 and job.report["failed"] == 0
    assert _services(app, "killed") == 100
    assert indexing.pending_count(app) == 0
    indexing.wait_until_idle(app)
    assert indexing.check(app)["ok"]


def test_search_follows_a_long_import_while_it_runs(app):
    """Services from the first batches are searchable while later batches are still being written:
    Meilisearch indexes one part of the import while the next is written, rather than the import
    stopping to wait for it."""
    seen: dict[str, int] = {}

    def progress(done: int, total: int) -> None:
        if done < 10 or seen:
            return
        # The import's own thread waits here, so only indexing on the side can make these searchable.
        with db.session_scope(app) as session:
            landed = set(session.exec(select(Service.id).where(Service.publisher == "following")))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not landed <= set(services(app).index.versions()):
            time.sleep(0.1)
        seen["searchable"] = len(landed & set(services(app).index.versions()))
        seen["landed"], seen["done"] = len(landed), done

    report = jobs.import_file(app, _feed(40, "f"), "feed.csv", "following", actor="test", progress=progress)
    assert report.created == 40
    assert seen["done"] < 40 and seen["searchable"] == seen["landed"] >= 10


def test_an_import_leaves_sending_to_search_to_its_own_follower(app, monkeypatch):
    """The job's commits (batches, the duplicate flags) never drain after commit: on SQLite that
    drain queued behind the job's own index follower for up to 2 s and then logged "search index
    update deferred" for an import that was fine. Every record is still searchable at the end."""
    drained_after_commit = []
    real = indexing.drain_quietly
    monkeypatch.setattr(indexing, "drain_quietly", lambda a: drained_after_commit.append(1) or real(a))
    # Every row twice at one place under two ids: the duplicate pass has pairs to save.
    feed = _feed(12, "d") + b"\n".join(_feed(12, "e").splitlines()[1:]) + b"\n"
    report = jobs.import_file(app, feed, "feed.csv", "twice", actor="test")
    assert report.created == 24 and report.warnings == []
    with db.session_scope(app) as session:
        flagged = session.exec(select(func.count()).select_from(DuplicateFlag)).one()
        landed = set(session.exec(select(Service.id).where(Service.publisher == "twice")))
    assert flagged >= 12
    assert drained_after_commit == []
    assert landed <= set(services(app).index.versions())


def _tagged_feed(prefix: str) -> bytes:
    """Twelve services whose publisher ticks its own "Older people" tag on all of them, though
    only the lunch club's words are about older people: a tag to leave unread."""
    items = [
        {
            "id": f"{prefix}{n}",
            "name": name,
            "status": "active",
            "description": words,
            "organization": {"id": f"{prefix}o", "name": "Champions"},
            "attributes": [
                {
                    "id": f"{prefix}t{n}",
                    "taxonomy_term": {
                        "id": "older",
                        "taxonomy": "llr-tags",
                        "code": "older",
                        "name": "Older people",
                    },
                }
            ],
        }
        for n, (name, words) in enumerate(
            [("Lunch club", "A hot lunch and company for older people and pensioners.")]
            + [(f"Group {n}", "A weekly knit and natter.") for n in range(5)]
            + [(f"Cafe {n}", "Debt and benefits advice drop-in.") for n in range(6)]
        )
    ]
    return json.dumps(items).encode()


def test_how_a_feed_is_read_does_not_depend_on_where_its_batches_fall(app):
    """Which of a publisher's own tags are ticked too loosely to read is the whole feed's fact: in
    batches of 5 the tag is left unread on every record, as in one batch of 200."""
    readings = {}
    for size, prefix in ((5, "a"), (200, "b")):
        app.config["IMPORT_BATCH_SIZE"] = size
        publisher = f"champions-{size}"
        report = jobs.import_file(app, _tagged_feed(prefix), "feed.json", publisher, actor="test")
        assert report.created == 12, report.errors
        with db.session_scope(app) as session:
            readings[size] = {
                s.name: sorted(s.needs or [])
                for s in session.exec(select(Service).where(Service.publisher == publisher))
            }
    assert readings[5] == readings[200]
    assert "older_people" not in readings[5]["Cafe 0"]
    # read again alone (a curator's edit), a record still leaves its feed's loose tag unread
    with db.session_scope(app) as session:
        cafe = session.exec(
            select(Service).where(Service.publisher == "champions-5", Service.name == "Cafe 0")
        ).one()
        understanding.understand_services([cafe])
        assert sorted(cafe.needs) == readings[5]["Cafe 0"]
