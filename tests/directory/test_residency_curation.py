"""A curator corrects where a service's users must live: the limit read from its words can be
emptied (anyone may come), changed or added, in councils, towns with their council or postcode
districts. The curator's list wins over the reading and over re-imports of the same feed, reaches
matching and the audit trail, and words that name no place we know are refused by name."""

from __future__ import annotations

from html import unescape

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.audit import history
from directory_app.directory import rereading
from directory_app.directory.jobs import import_file
from directory_app.directory.records import input_from_service
from directory_app.models import Service
from directory_app.search import indexing

from .test_situation_curation import _document, _edit_form

SALFORD = "E08000006"
TRAFFORD = "E08000009"
FEED = (
    "external_id,name,organization,description,postcode\n"
    'c1,Sale Carers Coffee,Carers Link,"A coffee morning for unpaid carers. {words}",M33 7ZZ\n'
)


@pytest.fixture
def cafe(app, places):
    """A Sale carers' coffee morning, imported from a publisher's feed whose words limit it to
    Salford residents (a copy-and-paste slip from the organisation's Salford group)."""
    feed = FEED.format(words="Open to Salford residents only.")
    report = import_file(app, feed.encode(), "carers.csv", "Carers Link", actor="test")
    assert report.created == 1 and not report.errors
    indexing.wait_until_idle(app)
    with db.session_scope(app) as session:
        return session.exec(select(Service)).one().id


def _offered(client, token, service_id: str) -> bool:
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "goals": "a carers coffee morning",
            "postcode": "M33 7ZZ",
            "needs": ["carers"],
            "circumstances": ["carers"],
        },
    )
    assert response.status_code == 200, response.get_json()
    return service_id in {m["service_id"] for m in response.get_json()["matches"]}


def test_a_curator_emptying_a_wrongly_read_residency_opens_it_and_it_outlives_a_reimport(
    app, client, login_as, token_for, cafe
):
    worker = token_for("link_worker")
    assert _document(app, cafe)["residency"] == [SALFORD]
    assert not _offered(client, worker, cafe)  # a Sale carer does not live in Salford

    login_as("curator")
    page, form = _edit_form(client, cafe)
    assert form["residency"] == ["Salford"]  # what was read, in words a curator can change
    form["residency"] = [""]
    response = client.post(f"/curate/services/{cafe}/edit", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)

    assert _document(app, cafe)["residency"] == []
    assert _offered(client, worker, cafe)
    page = unescape(client.get(f"/curate/services/{cafe}/edit").get_data(as_text=True))
    row = page.split("Only for residents of</th>", 1)[1].split("</tr>", 1)[0]
    assert "Salford" in row  # what was read, and from what words
    assert "none: open to people living anywhere</strong>" in row

    # The publisher sends the feed again with new words: their limit is read, the curator's wins.
    feed = FEED.format(words="Open to Salford residents only. Now with cake.")
    report = import_file(app, feed.encode(), "carers.csv", "Carers Link", actor="test")
    assert report.updated == 1 and not report.errors
    with db.session_scope(app) as session:
        service = session.get(Service, cafe)
        assert service.curated["residency"] == []
        assert [i["value"] for i in service.understanding["residency"]] == [SALFORD]
        assert service.residency == []
        changes = [e.changes for e in history(session, "service", cafe) if e.action == "service.update"]
        assert {"residency": [["Salford"], []]} in changes
    assert _document(app, cafe)["residency"] == []
    assert _offered(client, worker, cafe)


def test_a_curator_sets_a_town_and_a_postcode_district_through_the_api(app, client, token_for, cafe):
    worker, curator = token_for("link_worker"), token_for("curator")

    def curate(residency):
        response = client.patch(
            f"/api/v1/services/{cafe}",
            headers={"Authorization": f"Bearer {curator}"},
            json={"residency": residency},
        )
        assert response.status_code == 200, response.get_json()
        return response.get_json()["fields"]["residency"]

    assert curate(["Altrincham (Trafford)"]) == ["Altrincham (Trafford)"]
    (town,) = _document(app, cafe)["residency"]
    assert town.startswith(f"place:{TRAFFORD}:Altrincham@")
    assert not _offered(client, worker, cafe)  # M33 7ZZ is in Sale, not Altrincham
    assert curate("Altrincham (Trafford); m33") == ["Altrincham (Trafford)", "M33"]
    assert _document(app, cafe)["residency"] == [town, "M33"]
    assert _offered(client, worker, cafe)

    # Read again (an upgraded reader): the curator's list stands, and an unrelated edit keeps it.
    with db.session_scope(app) as session:
        assert rereading.understand_again(session) == 1
    response = client.patch(
        f"/api/v1/services/{cafe}",
        headers={"Authorization": f"Bearer {curator}"},
        json={"description": "A coffee morning for unpaid carers in Sale."},
    )
    assert response.status_code == 200
    assert _document(app, cafe)["residency"] == [town, "M33"]


def test_a_place_we_cannot_find_is_refused_by_name_and_nothing_changes(
    app, client, login_as, token_for, cafe
):
    curator = token_for("curator")
    response = client.patch(
        f"/api/v1/services/{cafe}",
        headers={"Authorization": f"Bearer {curator}"},
        json={"residency": "Trafford; Narnia"},
    )
    assert response.status_code == 400
    message = response.get_json()["error"]["fields"]["residency"]
    assert "“Narnia”" in message and "Trafford" not in message
    with db.session_scope(app) as session:
        service = session.get(Service, cafe)
        assert "residency" not in service.curated and service.residency == [SALFORD]

    login_as("curator")
    _, form = _edit_form(client, cafe)
    form["residency"] = ["Cheadle"]  # in Stockport and in Staffordshire: which one?
    response = client.post(f"/curate/services/{cafe}/edit", data=form)
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert 'href="#residency"' in page and "Could not place “Cheadle”" in page


def test_a_residency_column_in_a_csv_feed_counts_with_what_is_read(app, places):
    rows = (
        "external_id,name,organization,description,postcode,residency\n"
        'r1,Monday Walkers,Sale Walkers,"Gentle walks for anyone.",M33 7ZZ,Trafford\n'
        'r2,Tuesday Walkers,Sale Walkers,"Walks for Salford residents only.",M33 7ZZ,M41\n'
    )
    report = import_file(app, rows.encode(), "walkers.csv", "Sale Walkers", actor="test")
    assert report.created == 2 and not report.errors
    with db.session_scope(app) as session:
        found = {s.external_id: input_from_service(s)["residency"] for s in session.exec(select(Service))}
    assert found == {"r1": ["Trafford"], "r2": ["Salford", "M41"]}
