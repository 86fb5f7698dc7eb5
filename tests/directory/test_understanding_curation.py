"""The understanding step inside the app: an imported record is read on import, a curator's
correction wins and survives re-import of the same feed, and the curator sees what was read and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.audit import history
from directory_app.directory import rereading
from directory_app.directory import service as curation
from directory_app.directory.jobs import import_file
from directory_app.directory.records import input_from_service
from directory_app.errors import ValidationError
from directory_app.models import Service
from directory_app.search import indexing
from directory_app.services import services

HEADER = "external_id,name,organization,description,postcode\n"


def _feed(description: str) -> bytes:
    return (HEADER + f'w1,Wednesday Walkers,Sale Walkers,"{description}",M33 7ZZ\n').encode()


def _import(app, description: str):
    return import_file(app, _feed(description), "walkers.csv", "Sale Walkers", actor="test")


def _service(session) -> Service:
    return session.exec(select(Service).where(Service.external_id == "w1")).one()


def test_import_understands_the_record_and_a_curator_correction_survives_reimport(
    app, places, login_as, client
):
    report = _import(app, "A women only walking group for the over 50s. Free of charge.")
    assert report.created == 1 and not report.errors
    with db.session_scope(app) as session:
        service = _service(session)
        assert service.eligibility == ["women"] and service.minimum_age == 50 and service.cost_band == "free"
        assert "physical_activity" in service.needs
        assert "over 50s" in service.understanding["min_age"]["evidence"]
        curation.update_service(session, service.id, {"minimum_age": 55}, actor="curator1")
        service_id = service.id

    # The feed changes its wording; the curator's age stays, the new reading is kept beside it.
    report = _import(app, "A women only walking group for the over 60s. Free of charge.")
    assert report.updated == 1
    with db.session_scope(app) as session:
        service = _service(session)
        assert service.minimum_age == 55 and service.curated == {"minimum_age": 55}
        assert service.understanding["min_age"]["value"] == 60
        changes = [
            event.changes
            for event in history(session, "service", service_id)
            if event.action == "service.update"
        ]
        assert changes and changes[0]["minimum_age"] == [50, 55]

    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert "What we understood from this record" in page
    assert "over 60s" in page and "(in use)" in page


def test_an_upgraded_reader_reads_the_stored_services_again_once(app, places):
    _import(app, "A walking group for people bereaved by suicide only. Free of charge.")
    with db.session_scope(app) as session:
        service = _service(session)
        assert [s["value"] for s in service.understanding["situations"]] == ["bereaved_by_suicide"]
        # as an older reader, which knew nothing of situations, left it
        service.understanding = {k: v for k, v in service.understanding.items() if k != "situations"}
        session.commit()
        service_id = service.id
    (Path(app.instance_path) / "understanding.json").write_text('{"fingerprint": "older reader"}')

    assert rereading.refresh_if_changed(app) >= 1
    with db.session_scope(app) as session:
        assert [s["value"] for s in session.get(Service, service_id).understanding["situations"]] == [
            "bereaved_by_suicide"
        ]
    indexing.drain(app)
    indexing.wait_until_idle(app)
    document = services(app).index.get(service_id)
    assert dict(document)["situations"] == ["bereaved_by_suicide"]
    # nothing changed since: nothing is read again
    assert rereading.refresh_if_changed(app) is None


def test_a_curator_sees_the_words_that_say_a_listed_service_has_closed(app, places, login_as, client):
    _import(app, "Gentle walks round the park. No longer running - funding ended in September.")
    with db.session_scope(app) as session:
        service = _service(session)
        assert service.status == "active"  # the publisher's status is theirs to change
        assert service.understanding["closed"]["value"] is True
        service_id = service.id
    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert "Says it is not running" in page and "No longer running" in page


def test_a_record_that_says_it_is_closed_to_referrals_is_indexed_as_not_accepting(app, places):
    _import(
        app, "Gentle walks round the park. Capacity (RAG): Red - closed to new referrals until April 2027."
    )
    with db.session_scope(app) as session:
        service_id = _service(session).id
    indexing.drain(app)
    indexing.wait_until_idle(app)
    assert dict(services(app).index.get(service_id))["accepting_referrals"] is False


def test_towns_a_record_turns_away_reach_the_index_and_the_curators_page(app, places, login_as, client):
    _import(
        app,
        "Walks in the villages of Trafford. Not for residents of Urmston or Stretford, who have their own.",
    )
    with db.session_scope(app) as session:
        service_id = _service(session).id
    indexing.drain(app)
    indexing.wait_until_idle(app)
    turned_away = dict(services(app).index.get(service_id))["exclusions"]
    assert [entry.split(":")[3].split("@")[0] for entry in turned_away] == ["Urmston", "Stretford"]
    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert "people living in Urmston (Trafford)" in page


def test_a_curator_corrects_a_season_and_it_survives_reimport(app, places, login_as, client):
    _import(app, "A walking group on the canal towpath. April to October only.")
    with db.session_scope(app) as session:
        service = _service(session)
        service_id = service.id
        assert service.understanding["season"]["value"] == {"months": [4, 5, 6, 7, 8, 9, 10]}
        assert input_from_service(service)["season"] == "April to October"
        # The group now walks all year: the curator empties the months.
        curation.update_service(session, service_id, {"season": ""}, actor="curator1")

    _import(app, "A walking group on the canal towpath. April to October only.")
    indexing.wait_until_idle(app)
    document = services(app).index.get(service_id)
    assert document["season_months"] is None
    with db.session_scope(app) as session:
        assert _service(session).curated == {"season": []}

    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert "Runs only part of the year" in page and "none: runs all year" in page

    with db.session_scope(app) as session:
        with pytest.raises(ValidationError) as refused:
            curation.update_service(session, service_id, {"season": "Tuesdays"}, actor="curator1")
        assert "April to October" in refused.value.fields["season"]
        curation.update_service(session, service_id, {"season": "Nov-Mar"}, actor="curator1")
    indexing.wait_until_idle(app)
    assert services(app).index.get(service_id)["season_months"] == [11, 12, 1, 2, 3]


def test_a_practices_patients_are_read_on_import_indexed_and_shown_to_the_curator(
    app, places, login_as, client
):
    _import(app, "Arts on prescription for low mood. For patients of Carlisle Healthcare only.")
    with db.session_scope(app) as session:
        service_id = _service(session).id
    indexing.drain(app)
    indexing.wait_until_idle(app)
    document = dict(services(app).index.get(service_id))
    assert document["practice_limit"] == {"name": "Carlisle Healthcare", "words": ["carlisle"]}
    login_as("curator")
    page = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert "Only for patients of" in page and "Carlisle Healthcare" in page
