"""A publisher's ids are data, never ours: they cannot steer Meilisearch, break the index or clash.

Each test replays a defect an attacker found (GitHub-style issue #13) against the real stack.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import meilisearch
import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import text
from sqlmodel import select
from sqlmodel.sql.sqltypes import UTCDateTime

from directory_app import db
from directory_app.directory.export import export_oruk
from directory_app.directory.jobs import import_file
from directory_app.models import SearchOutbox, Service
from directory_app.search import delivery, indexing
from directory_app.services import services

SAFE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def oruk_service(
    service_id: str,
    name: str = "Sale Lunch Club",
    postcode: str = "M33 7ZZ",
    child: str = "1",
    location_name: str = "Waterside",
) -> dict:
    return {
        "id": service_id,
        "name": name,
        "status": "active",
        "description": "Lunch for older people",
        "organization": {"id": f"org-{child}", "name": "Age UK Trafford", "description": "A charity"},
        "schedules": [
            {
                "id": f"sch-{child}",
                "byday": "TU",
                "opens_at": "11:30:00",
                "closes_at": "13:30:00",
                "service_at_location_id": f"sal-{child}",
            }
        ],
        "contacts": [{"id": f"con-{child}", "name": "Reception"}],
        "phones": [{"id": f"ph-{child}", "number": "0161 912 3456", "contact_id": f"con-{child}"}],
        "cost_options": [{"id": f"cost-{child}", "amount": 3.5, "amount_description": "per lunch"}],
        "service_at_locations": [
            {
                "id": f"sal-{child}",
                "location": {
                    "id": f"loc-{child}",
                    "location_type": "physical",
                    "name": location_name,
                    "addresses": [
                        {
                            "id": f"addr-{child}",
                            "address_1": "1 Waterside",
                            "city": "Sale",
                            "state_province": "",
                            "postal_code": postcode,
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
    }


def feed(*services: dict) -> bytes:
    return json.dumps({"services": list(services)}).encode()


def ids_by_external(app, publisher: str) -> dict[str, str]:
    with db.session_scope(app) as session:
        return {
            ext: sid
            for ext, sid in session.exec(
                select(Service.external_id, Service.id).where(Service.publisher == publisher)
            )
        }


def index_names(app) -> set[str]:
    return {i.uid for i in services(app).index.admin.get_indexes({"limit": 1000})["results"]}


@pytest.fixture
def victim(app):
    """Another index on the same Meilisearch (another tenant's, say), with a document in it."""
    admin = services(app).index.admin
    uid = f"{app.config['MEILI_INDEX_PREFIX']}victim"  # outside our <prefix>_* pattern
    admin.wait_for_task(admin.create_index(uid, {"primaryKey": "id"}).task_uid, timeout_in_ms=60_000)
    admin.wait_for_task(admin.index(uid).add_documents([{"id": "precious"}]).task_uid, timeout_in_ms=60_000)
    return uid


def test_a_publisher_id_shaped_like_a_path_cannot_delete_another_index(app, places, token_for, victim):
    hostile = f"../../{victim}"
    report = import_file(
        app, feed(oruk_service(hostile), oruk_service("honest", child="2")), "f.json", "Mallory", "test"
    )
    assert report.created == 2 and not report.errors, report.as_dict()
    ids = ids_by_external(app, "Mallory")
    assert SAFE.match(ids[hostile]) and ids[hostile] != hostile

    client = app.test_client()
    headers = {"Authorization": f"Bearer {token_for('curator')}"}
    flags = client.get("/api/v1/duplicates", headers=headers).get_json()["duplicates"]
    assert len(flags) == 1  # same name, same postcode
    decided = client.post(
        f"/api/v1/duplicates/{flags[0]['id']}",
        headers=headers,
        json={"decision": "merge", "keep": ids["honest"]},
    )
    assert decided.status_code == 200, decided.get_json()
    indexing.drain(app)
    admin = services(app).index.admin
    newest = admin.get_tasks({"limit": 1}).results[0]  # whatever was sent, to any index, is done
    admin.wait_for_task(newest.uid, timeout_in_ms=60_000)

    assert victim in index_names(app)
    assert services(app).index.admin.index(victim).get_document("precious").id == "precious"
    report = indexing.check(app)
    assert report["ok"] and report["index"] == 1, report


def test_the_app_key_cannot_touch_other_indexes_or_keys(app, victim):
    client = services(app).index.client
    assert client.config.api_key != app.config["MEILI_MASTER_KEY"]
    with pytest.raises(meilisearch.errors.MeilisearchApiError):
        client.delete_index(victim)
    with pytest.raises(meilisearch.errors.MeilisearchApiError):
        client.index(victim).add_documents([{"id": "planted"}])
    with pytest.raises(meilisearch.errors.MeilisearchApiError):
        client.get_keys()
    with pytest.raises(meilisearch.errors.MeilisearchApiError):
        client.delete_index(services(app).index.name)  # not even our own: that is the master key's job
    assert client.index(services(app).index.name).search("")["hits"] == []


def test_ids_meilisearch_would_refuse_import_index_and_can_be_deleted(app, runner, places, token_for):
    odd = ["a.b", "x/y", "../../z", "white space", "é"]
    too_long = "x" * 600
    services = [
        oruk_service(i, name=f"Group {n}", postcode="M32 0SQ", child=str(n)) for n, i in enumerate(odd)
    ]
    report = import_file(app, feed(*services, oruk_service(too_long, child="long")), "f.json", "Odd", "test")
    assert report.created == len(odd), report.as_dict()
    assert [(e["record"], e["field"]) for e in report.errors] == [(too_long, "id")]
    ids = ids_by_external(app, "Odd")
    assert all(SAFE.match(ids[i]) for i in odd)

    check = runner.invoke(args=["search", "check"])
    assert check.exit_code == 0, check.output
    reindex = runner.invoke(args=["search", "reindex"])
    assert reindex.exit_code == 0 and f"Indexed {len(odd)} services" in reindex.output, reindex.output
    client = app.test_client()
    found = client.get("/api/v1/services", query_string={"q": "Group"}).get_json()
    assert {hit["id"] for hit in found["hits"]} == set(ids.values())

    headers = {"Authorization": f"Bearer {token_for('curator')}"}
    deleted = client.delete(f"/api/v1/services/{ids['x/y']}", headers=headers)
    assert deleted.status_code in (200, 204), deleted.get_data(as_text=True)
    assert client.get(f"/openreferral/services/{ids['x/y']}").status_code == 404
    assert runner.invoke(args=["search", "check"]).exit_code == 0

    with db.session_scope(app) as session:
        exported = {s["id"] for s in json.loads(export_oruk(session))["services"]}
    assert exported == set(odd) - {"x/y"}  # the export still speaks the publisher's ids


def test_two_publishers_reusing_child_ids_both_import_and_stay_apart(app, places):
    a = oruk_service("svc-1", name="Sale Lunch Club", location_name="Waterside")
    b = oruk_service("svc-1", name="Altrincham Men's Shed", postcode="WA14 1PF", location_name="The Shed")
    first = import_file(app, feed(a), "a.json", "Trafford Council", "test")
    second = import_file(app, feed(b), "b.json", "Altrincham Forum", "test")
    assert first.created == 1 and second.created == 1, second.as_dict()

    with db.session_scope(app) as session:
        exported = {s["name"]: s for s in json.loads(export_oruk(session))["services"]}
    assert exported == {a["name"]: a, b["name"]: b}  # each exactly as its publisher sent it

    a_id = ids_by_external(app, "Trafford Council")["svc-1"]
    changed = {**a, "description": "Now on Thursdays too"}
    again = import_file(app, feed(changed), "a.json", "Trafford Council", "test")
    assert (again.created, again.updated) == (0, 1)
    assert ids_by_external(app, "Trafford Council")["svc-1"] == a_id
    client = app.test_client()
    shed = client.get(
        f"/openreferral/services/{ids_by_external(app, 'Altrincham Forum')['svc-1']}"
    ).get_json()
    assert shed["service_at_locations"][0]["location"]["name"] == "The Shed"
    assert shed["description"] == "Lunch for older people"


def test_a_refused_change_is_retried_parked_and_shown(app, client, runner, places, login_as):
    # A row saved by an older version, before ids were ours: Meilisearch refuses its id.
    with db.session_scope(app) as session:
        session.add(Service(id="legacy.id", name="Legacy club", publisher="old", external_id="legacy.id"))
        session.add(Service(name="Good club", publisher="old", external_id="good"))
        session.commit()
    indexing.drain(app)
    with db.session_scope(app) as session:
        parked = session.exec(select(SearchOutbox).where(SearchOutbox.parked_at.is_not(None))).all()
        assert [(p.service_id, p.attempts) for p in parked] == [("legacy.id", delivery.MAX_ATTEMPTS)]
        assert "invalid_document_id" in parked[0].last_error
    assert indexing.pending_count(app) == 0
    found = client.get("/api/v1/services", query_string={"q": "club"}).get_json()
    assert [hit["name"] for hit in found["hits"]] == ["Good club"]  # the bad one did not block it

    check = runner.invoke(args=["search", "check"])
    assert check.exit_code == 1 and "parked: 1" in check.output and "invalid_document_id" in check.output
    assert client.get("/healthz").get_json()["search"]["parked"] == 1
    reindex = runner.invoke(args=["search", "reindex"])
    assert reindex.exit_code == 0 and "1 service(s) left out" in reindex.output, reindex.output
    assert indexing.ensure_index(app, say=lambda _message: None) == 1  # `make run` starts regardless

    login_as("curator")
    page = client.get("/curate").get_data(as_text=True)
    assert "Search is missing changes" in page and "legacy.id" in page


def test_migration_gives_unsafe_service_ids_app_ids_and_keeps_safe_ones(tmp_path, postgres_url):
    url = postgres_url or f"sqlite:///{tmp_path / 'old.db'}"
    engine = db.make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    config = db.alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    # Rows as revision 0004 knew them (plain SQL: today's models may have columns 0004 lacks).
    now = datetime.now(UTC)
    service = sa.table(
        "service",
        *(
            sa.column(n)
            for n in ("id", "name", "description", "status", "cost_band", "publisher", "external_id")
        ),
        *(
            sa.column(n, sa.JSON)
            for n in ("needs", "taxonomy_codes", "delivery", "referral_routes", "eligibility", "extra")
        ),
        *(sa.column(n, sa.Boolean) for n in ("needs_overridden", "area_wide", "under_review")),
        *(sa.column(n, UTCDateTime) for n in ("last_modified", "created_at")),
    )
    with engine.begin() as connection:
        for service_id in ("../../x", "kept-id"):
            connection.execute(
                sa.insert(service).values(
                    id=service_id,
                    name=f"Club {service_id}",
                    description="",
                    status="active",
                    cost_band="unknown",
                    publisher="p",
                    external_id=service_id,
                    needs=[],
                    taxonomy_codes=[],
                    delivery=[],
                    referral_routes=[],
                    eligibility=[],
                    extra={},
                    needs_overridden=False,
                    area_wide=False,
                    under_review=False,
                    last_modified=now,
                    created_at=now,
                )
            )
        connection.execute(
            sa.insert(
                sa.table(
                    "schedule",
                    sa.column("id"),
                    sa.column("service_id"),
                    sa.column("position"),
                    sa.column("extra", sa.JSON),
                )
            ).values(id="sch", service_id="../../x", position=0, extra={})
        )
        connection.execute(
            sa.insert(
                sa.table(
                    "problem_report",
                    sa.column("service_id"),
                    sa.column("kind"),
                    sa.column("created_at", UTCDateTime),
                )
            ).values(service_id="../../x", kind="other", created_at=now)
        )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with engine.connect() as connection:
        rows = dict(connection.execute(text("SELECT external_id, id FROM service")).all())
        assert SAFE.match(rows["../../x"]) and rows["kept-id"] == "kept-id"
        moved = rows["../../x"]
        for table in ("schedule", "problem_report", "search_outbox"):
            assert connection.execute(text(f"SELECT service_id FROM {table}")).scalars().all() == [moved]
    engine.dispose()
