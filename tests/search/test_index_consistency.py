"""The database is the source of truth; the index follows it across outages and rollbacks."""

from __future__ import annotations

import uuid

import pytest

from directory_app import create_app, db, meili_server
from directory_app.directory.service import create_service, set_status, update_service
from directory_app.models import Service
from directory_app.search import indexing
from directory_app.services import services
from tests.conftest import TEST_DISTRICTS, TEST_POSTCODES, fresh_app, load_places, service_data


@pytest.fixture
def outage_app(tmp_path, database_url):
    """An app with a Meilisearch of its own, so the test can stop and restart it."""
    key = uuid.uuid4().hex
    data = tmp_path / "meili"
    port = meili_server.free_port()
    server = meili_server.start(data, key, port=port)
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "DATABASE_URL": database_url,
            "MEILI_URL": server.url,
            "MEILI_MASTER_KEY": key,
            "SECRET_KEY": "x" * 40,
        }
    )
    from tests.conftest import _reset_database

    _reset_database(app)
    db.upgrade(app)
    indexing.apply_settings(app)
    from directory_app.directory import geo
    from directory_app.models import Postcode

    with db.session_scope(app) as session:
        for postcode, lat, lng in TEST_POSTCODES:
            session.add(Postcode(postcode=postcode, latitude=lat, longitude=lng))
        session.commit()
        geo.import_districts(session, TEST_DISTRICTS)
    state = {"server": server}

    def restart():
        state["server"] = meili_server.start(data, key, port=port)

    app.extensions["test_restart_meili"] = restart
    app.extensions["test_meili_state"] = state
    yield app
    state["server"].stop()
    db.get_engine(app).dispose()


def test_edits_during_an_outage_are_kept_and_replayed(outage_app):
    app = outage_app
    with db.session_scope(app) as session:
        first = create_service(session, service_data(), actor="test").id
    assert indexing.check(app)["ok"]

    app.extensions["test_meili_state"]["server"].stop()
    with db.session_scope(app) as session:
        second = create_service(
            session, service_data(name="Partington Food Club", postcode="M41 0WS"), "test"
        ).id
        update_service(session, first, {"name": "Sale Lunch Club (Tuesdays)"}, "test")
        set_status(session, first, "temporarily_closed", "test")
    with db.session_scope(app) as session:
        assert session.get(Service, second) is not None  # saves succeeded while search was down
    assert indexing.pending_count(app) >= 2

    app.extensions["test_restart_meili"]()
    indexing.drain(app)
    report = indexing.check(app)
    assert report["ok"], report
    assert report["database"] == report["index"] == 2
    document = services(app).index.get(first)
    assert document["name"] == "Sale Lunch Club (Tuesdays)" and document["status"] == "temporarily_closed"


def test_a_rolled_back_change_never_reaches_the_index(app, places):
    with db.session_scope(app) as session:
        service_id = create_service(session, service_data(), actor="test").id
    with db.session_scope(app) as session:
        service = session.get(Service, service_id)
        service.name = "Should never be seen"
        session.flush()
        session.rollback()
    indexing.wait_until_idle(app)
    document = services(app).index.get(service_id)
    assert document["name"] == "Sale Lunch Club"
    assert indexing.pending_count(app) == 0


def test_check_reports_drift_and_reindex_repairs_it(app, runner, places):
    with db.session_scope(app) as session:
        ids = [
            create_service(session, service_data(name=f"Group {n}", postcode="M33 7ZZ"), "test").id
            for n in range(3)
        ]
    index = services(app).index.client.index(services(app).index.name)
    index.delete_document(ids[0])
    # The index has an embedder: every document must say its vector, if only that it has none.
    index.add_documents([{"id": "ghost", "name": "Not in the database", "_vectors": {"default": None}}])
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert "missing: 1" in result.output and "extra: 1" in result.output

    assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    uids = [i.uid for i in services(app).index.admin.get_indexes({"limit": 1000})["results"]]
    assert not any("_build_" in uid for uid in uids)  # the temporary index was swapped and removed


@pytest.fixture(scope="module")
def open_and_closed(tmp_path_factory, meili, postgres_url):
    """A client on one open and one closed service, shared by the hostile parameters below: each
    only reads, and an app of its own for each of the 56 took a minute on PostgreSQL."""
    tmp = tmp_path_factory.mktemp("hostile_parameters")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'hostile.db'}") as app:
        load_places(app)
        with db.session_scope(app) as session:
            create_service(session, service_data(), actor="test")
            create_service(session, service_data(name="Closed group", status="defunct"), actor="test")
        indexing.wait_until_idle(app)
        yield app.test_client()


@pytest.mark.parametrize(
    "value",
    [
        '"',
        'a" OR status = defunct',
        "x) OR (1 = 1",
        "_geoRadius(0, 0, 1)",
        "AND",
        "food OR housing",
        "(",
        "\\",
    ],
)
@pytest.mark.parametrize("param", ["q", "need", "day", "delivery", "postcode", "age", "radius_km"])
def test_hostile_parameters_are_literal_or_rejected(open_and_closed, param, value):
    response = open_and_closed.get("/api/v1/services", query_string={param: value})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.get_json()["error"]["fields"]
    else:
        names = [hit["name"] for hit in response.get_json()["hits"]]
        assert "Closed group" not in names  # never a wider result set than the filters allow
