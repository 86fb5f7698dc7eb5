from __future__ import annotations

import random
import threading

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.directory.service import create_service, update_service
from directory_app.models import Service
from directory_app.search import indexing
from directory_app.services import services
from tests.conftest import service_data


def _search_names(client, query: str) -> list[tuple]:
    hits = client.get(f"/api/v1/services?{query}").get_json()["hits"]
    # Equally ranked hits come back in the index's internal order, which a rebuild may change, so
    # compare the same hits at the same distances rather than the order of ties.
    return sorted((hit.get("distance_km") or 0, hit["name"]) for hit in hits)


def test_backup_wipe_restore_reindex_gives_the_same_search_results(
    app, client, runner, make_service, tmp_path
):
    make_service()
    make_service(
        name="Stretford Walking Group",
        postcode="M32 0SQ",
        cost="free",
        minimum_age=None,
        description="Gentle walks for people who want to get out more",
    )
    make_service(
        name="Altrincham Debt Advice", postcode="WA14 1PF", description="Free debt advice", cost="free"
    )
    indexing.wait_until_idle(app)
    queries = ["q=walk", "postcode=M33 7ZZ&radius_km=10", "q=debt", "free_only=true"]
    before = {q: _search_names(client, q) for q in queries}
    assert all(before.values())

    backup = tmp_path / "directory.backup"
    result = runner.invoke(args=["backup", "create", "--out", str(backup)])
    assert result.exit_code == 0, result.output

    with db.session_scope(app) as session:  # the disaster
        for service in session.exec(select(Service)):
            session.delete(service)
        session.commit()
    indexing.wait_until_idle(app)
    assert _search_names(client, "q=walk") == []

    result = runner.invoke(args=["backup", "restore", str(backup)])
    assert result.exit_code == 0, result.output
    assert "Reindexed 3 services" in result.output
    assert {q: _search_names(client, q) for q in queries} == before
    assert indexing.check(app)["ok"]


def test_drainers_on_sqlite_take_turns(app, places):
    """On SQLite, drainers are serialised by a file lock beside the database rather than by row
    locks: while one holds it, another waits and then gives up, pushing nothing."""
    if db.get_engine(app).dialect.name != "sqlite":
        pytest.skip("PostgreSQL drainers use row locks (test below)")
    with db.session_scope(app) as session:
        service_id = create_service(session, service_data(name="Waiting Group"), "test").id
    indexing.drain(app)
    with db.session_scope(app) as session:
        session.info["drain_after_commit"] = False
        update_service(session, service_id, {"name": "Renamed Group"}, "test")
    assert indexing.pending_count(app) == 1
    with db.host_lock(app, "search-drain"):  # another drainer, mid-batch
        with pytest.raises(TimeoutError):
            indexing.drain(app, lock_wait_s=0.3)
        assert indexing.pending_count(app) == 1
    assert indexing.drain(app) == 1
    index = services(app).index.client.index(services(app).index.name)
    assert index.get_document(service_id).name == "Renamed Group"


def test_concurrent_drainers_lose_nothing_and_keep_the_latest(app, places):
    # On SQLite the drainers run one after another (test above), so only PostgreSQL, where they
    # really overlap on SKIP LOCKED and advisory locks, can show a lost or overtaken update.
    if db.get_engine(app).dialect.name != "postgresql":
        pytest.skip("drainers only overlap on PostgreSQL")
    with db.session_scope(app) as session:
        ids = [create_service(session, service_data(name=f"Group {n}"), "test").id for n in range(12)]
    latest: dict[str, str] = {}
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for step in range(8):
                service_id = rng.choice(ids)
                with lock:
                    name = f"Group {service_id[:6]} v{seed}.{step}"
                    with db.session_scope(app) as session:
                        # Commit while holding the lock so "latest" is the last committed name; the
                        # after-commit drain and the explicit drain below run without it.
                        session.info["drain_after_commit"] = False
                        update_service(session, service_id, {"name": name}, f"worker{seed}")
                    latest[service_id] = name
                indexing.drain(app)
        except BaseException as error:  # surfaced in the main thread
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    indexing.drain(app)
    assert indexing.pending_count(app) == 0
    report = indexing.check(app)
    assert report["ok"], report
    index = services(app).index.client.index(services(app).index.name)
    for service_id, name in latest.items():
        assert index.get_document(service_id).name == name
