"""A publisher's whole feed, imported again, withdraws the services it no longer lists: they leave
search (inactive, never deleted, with a line in their history) and come back when the feed lists
them again. A file of a few records, or one that would withdraw most of a publisher, withdraws
nothing."""

from __future__ import annotations

import csv
import io

from sqlmodel import select

from directory_app import db
from directory_app.audit import history
from directory_app.directory import jobs
from directory_app.directory.service_input import FIELD_NAMES
from directory_app.models import Service
from directory_app.search import indexing
from tests.conftest import csrf_token

GROUPS = [f"Walk and talk group {letter}" for letter in "ABCDEFGH"]


def _feed(names: list[str]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=FIELD_NAMES)
    writer.writeheader()
    for name in names:
        writer.writerow(
            {
                "external_id": name.rsplit(" ", 1)[1].lower(),
                "name": name,
                "organization": "Ramblers",
                "description": "A gentle weekly walk for people who want to get out more",
                "latitude": "53.42",
                "longitude": "-2.32",
                "cost": "free",
            }
        )
    return out.getvalue().encode()


def _import(app, names: list[str], whole_feed: bool):
    report = jobs.import_file(
        app, _feed(names), "walks.csv", "ramblers", actor="curator", whole_feed=whole_feed
    )
    indexing.wait_until_idle(app)
    return report


def _searchable(client) -> set[str]:
    body = client.get("/api/v1/services?q=walk&per_page=50").get_json()
    return {hit["name"] for hit in body["hits"]}


def _status(app, external_id: str) -> str:
    with db.session_scope(app) as session:
        return session.exec(select(Service.status).where(Service.external_id == external_id)).one()


def test_a_whole_feed_withdraws_what_it_no_longer_lists_and_brings_it_back(app, client):
    _import(app, GROUPS, whole_feed=False)
    assert _searchable(client) == set(GROUPS)

    report = _import(app, GROUPS[:7], whole_feed=True)
    assert [row["name"] for row in report.withdrawn] == ["Walk and talk group H"]
    assert report.unchanged == 7 and not report.errors
    assert _status(app, "h") == "inactive"
    assert _searchable(client) == set(GROUPS[:7])
    with db.session_scope(app) as session:
        (event,) = [
            e
            for e in history(session, "service", report.withdrawn[0]["id"])
            if e.action == "service.withdraw"
        ]
        assert event.changes["status"] == ["active", "inactive"] and "walks.csv" in event.changes["reason"][1]

    # Imported again without the flag, a file leaves what it does not list alone.
    again = _import(app, GROUPS[:6], whole_feed=False)
    assert again.withdrawn == [] and _status(app, "g") == "active"

    back = _import(app, GROUPS, whole_feed=True)
    assert back.withdrawn == [] and back.updated == 1
    assert _status(app, "h") == "active"
    assert _searchable(client) == set(GROUPS)


def test_a_file_missing_most_of_a_publisher_withdraws_nothing_and_says_why(app, client):
    _import(app, GROUPS, whole_feed=False)
    report = _import(app, GROUPS[:3], whole_feed=True)
    assert report.withdrawn == []
    (warning,) = [w for w in report.warnings if w["field"] == "withdrawal"]
    assert "5 of this publisher's 8 open services are not in walks.csv" in warning["reason"]
    assert _searchable(client) == set(GROUPS)


def test_the_api_and_the_import_page_take_a_whole_feed(app, client, token_for, login_as):
    _import(app, GROUPS, whole_feed=False)
    headers = {"Authorization": f"Bearer {token_for('curator')}"}

    def post(whole_feed: str):
        return client.post(
            "/api/v1/imports",
            data={
                "file": (io.BytesIO(_feed(GROUPS[:7])), "walks.csv"),
                "publisher": "ramblers",
                "whole_feed": whole_feed,
            },
            headers=headers,
            content_type="multipart/form-data",
        )

    refused = post("perhaps")
    assert refused.status_code == 400 and "whole_feed" in refused.get_json()["error"]["fields"]
    started = post("true")
    assert started.status_code == 202 and started.get_json()["whole_feed"] is True
    jobs.wait(started.get_json()["id"], timeout=120)
    job = client.get(started.get_json()["url"], headers=headers).get_json()
    assert [row["name"] for row in job["report"]["withdrawn"]] == ["Walk and talk group H"]

    login_as("curator")
    token = csrf_token(client, "/curate/import")
    form = client.get("/curate/import").get_data(as_text=True)
    assert "This file is the publisher’s whole feed" in form
    response = client.post(
        "/curate/import",
        data={
            "csrf_token": token,
            "publisher": "ramblers",
            "whole_feed": "yes",
            "file": (io.BytesIO(_feed(GROUPS[:6])), "walks.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    jobs.wait(response.headers["Location"].rsplit("/", 1)[1], timeout=120)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Withdrawn: no longer in the feed (1)" in page and "Walk and talk group G" in page
