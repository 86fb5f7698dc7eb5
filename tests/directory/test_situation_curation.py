"""A curator corrects the situations read from a record: removing a wrong one opens the service to
everyone, adding a missed one holds it back from people not in it. The curator's list wins over the
reading, survives reading the records again, reaches the search index and the audit trail, and a
code that is not a situation is refused by name."""

from __future__ import annotations

import re
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
from directory_app.services import services

WALK = "a gentle walk to get out of the house and meet people"


@pytest.fixture
def walks(app, make_service):
    ids = {
        # Read as only for stroke survivors: a curator knows it is open to all.
        "stroke": make_service(
            name="Sale Riverside Walks",
            needs="physical_activity",
            minimum_age=18,
            description="Gentle weekly walks along the river, only for stroke survivors.",
        ),
        # Nothing in its words says it, but it is only for widowed people.
        "open": make_service(
            name="Ashton Tuesday Strollers",
            needs="physical_activity",
            minimum_age=18,
            description="A gentle walking group that meets every Tuesday for a stroll and a chat.",
        ),
    }
    indexing.wait_until_idle(app)
    return ids


def _match(client, token, goals=WALK, **extra) -> dict:
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={"goals": goals, "postcode": "M33 7ZZ", "age": 70, "needs": ["physical_activity"], **extra},
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _matched(body: dict) -> set[str]:
    return {m["service_id"] for m in body["matches"]}


def _document(app, service_id: str) -> dict:
    indexing.drain(app)
    indexing.wait_until_idle(app)
    return services(app).index.get(service_id)


def _edit_form(client, service_id: str) -> tuple[str, dict]:
    """The curator's form as the browser would send it back: every field as shown."""
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    form: dict = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or name.group(1) == "action":
            continue
        kind = re.search(r'type="([^"]+)"', tag)
        if kind and kind.group(1) in ("checkbox", "radio") and " checked" not in tag:
            continue
        form.setdefault(name.group(1), []).append(unescape(value.group(1)) if value else "")
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        form[name] = [unescape(body)]
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        form[name] = [chosen.group(1) if chosen else ""]
    return page, form


def test_a_curator_removing_a_wrongly_read_situation_opens_the_service(
    app, client, login_as, token_for, walks
):
    worker = token_for("link_worker")
    assert _document(app, walks["stroke"])["situations"] == ["stroke"]
    before = _match(client, worker)
    assert walks["stroke"] not in _matched(before)
    assert before["excluded"].get("only for stroke survivors") == 1

    login_as("curator")
    page, form = _edit_form(client, walks["stroke"])
    assert form["situations"] == ["stroke"]  # what was read is ticked
    form["situations"] = []
    response = client.post(f"/curate/services/{walks['stroke']}/edit", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)

    assert _document(app, walks["stroke"])["situations"] == []
    after = _match(client, worker)
    assert walks["stroke"] in _matched(after)
    assert "only for stroke survivors" not in after["excluded"]

    with db.session_scope(app) as session:
        service = session.get(Service, walks["stroke"])
        assert service.curated["situations"] == []
        changes = [
            e.changes for e in history(session, "service", walks["stroke"]) if e.action == "service.update"
        ]
        assert changes == [{"situations": [["stroke"], []]}]
    page = unescape(client.get(f"/curate/services/{walks['stroke']}/edit").get_data(as_text=True))
    row = page.split("Only for people in this situation</th>", 1)[1].split("</tr>", 1)[0]
    assert "stroke survivors" in row  # what was read, and from what words
    assert 'none: open to people in any situation</strong> <span class="app-meta">(in use)' in row


def test_a_curator_adding_a_situation_holds_the_service_back_and_it_survives_rereading(
    app, client, token_for, walks
):
    worker, curator = token_for("link_worker"), token_for("curator")
    assert walks["open"] in _matched(_match(client, worker))

    response = client.patch(
        f"/api/v1/services/{walks['open']}",
        headers={"Authorization": f"Bearer {curator}"},
        json={"situations": ["widowed"]},
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["fields"]["situations"] == ["widowed"]
    assert _document(app, walks["open"])["situations"] == ["widowed"]

    lonely = _match(client, worker)
    assert walks["open"] not in _matched(lonely)
    assert lonely["excluded"].get("only for widowed people") == 1
    assert walks["open"] in _matched(_match(client, worker, goals=WALK + " since his wife died"))
    assert walks["open"] in _matched(_match(client, worker, situations=["widowed"]))

    # Read again (an upgraded reader, `flask understand`): the curator's list stands.
    with db.session_scope(app) as session:
        assert rereading.understand_again(session) == 2
        assert session.get(Service, walks["open"]).curated["situations"] == ["widowed"]
    assert _document(app, walks["open"])["situations"] == ["widowed"]
    assert _document(app, walks["stroke"])["situations"] == ["stroke"]
    assert walks["open"] not in _matched(_match(client, worker))

    # Another edit that leaves the situations as they are keeps them the curator's.
    response = client.patch(
        f"/api/v1/services/{walks['open']}",
        headers={"Authorization": f"Bearer {curator}"},
        json={"description": "A gentle walking group that meets every Tuesday. Tea afterwards."},
    )
    assert response.status_code == 200
    assert _document(app, walks["open"])["situations"] == ["widowed"]
    with db.session_scope(app) as session:
        events = [
            e.changes for e in history(session, "service", walks["open"]) if e.action == "service.update"
        ]
        assert {"situations": [[], ["widowed"]]} in events


def test_a_code_that_is_not_a_situation_is_refused_by_name(app, client, login_as, token_for, walks):
    curator = token_for("curator")
    response = client.patch(
        f"/api/v1/services/{walks['open']}",
        headers={"Authorization": f"Bearer {curator}"},
        json={"situations": ["widowed", "martians"]},
    )
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert "martians" in error["fields"]["situations"] and "widowed" not in error["fields"]["situations"]
    with db.session_scope(app) as session:
        assert "situations" not in session.get(Service, walks["open"]).curated

    login_as("curator")
    _, form = _edit_form(client, walks["open"])
    form["situations"] = ["martians"]
    response = client.post(f"/curate/services/{walks['open']}/edit", data=form)
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert 'href="#situations"' in page and 'id="situations-error"' in page
    assert "Unknown situation code: martians." in page


def test_situations_in_a_csv_column_count_with_those_read(app, places):
    rows = (
        "external_id,name,organization,description,postcode,situations\n"
        'w1,Monday Walkers,Sale Walkers,"Gentle walks for anyone.",M33 7ZZ,widowed\n'
        'w2,Tuesday Walkers,Sale Walkers,"Walks only for stroke survivors.",M33 7ZZ,care_leavers\n'
    )
    report = import_file(app, rows.encode(), "walkers.csv", "Sale Walkers", actor="test")
    assert report.created == 2 and not report.errors
    with db.session_scope(app) as session:
        found = {s.external_id: input_from_service(s)["situations"] for s in session.exec(select(Service))}
    assert found == {"w1": ["widowed"], "w2": ["stroke", "care_leavers"]}
    bad = "external_id,name,organization,description,postcode,situations\nw3,A,Sale Walkers,Walks.,M33 7ZZ,martians\n"
    report = import_file(app, bad.encode(), "bad.csv", "Sale Walkers", actor="test")
    assert report.created == 0 and "martians" in str(report.errors)
