"""Models are loaded once (before gunicorn forks) and then follow the directory in place, so a
worker never refits its own copy after an ordinary edit."""

from __future__ import annotations

import csv
import io

from sqlmodel import select

from directory_app import db
from directory_app.directory.jobs import import_file
from directory_app.directory.service import update_service
from directory_app.directory.service_input import FIELD_NAMES
from directory_app.matchmaking import textmodel_cache
from directory_app.matchmaking.preload import preload
from directory_app.models import Service
from directory_app.services import services


def _feed(rows: int) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=FIELD_NAMES)
    writer.writeheader()
    for n in range(rows):
        writer.writerow(
            {
                "external_id": f"s{n}",
                "name": f"Walking group {n}",
                "organization": "Ramblers",
                "description": "Gentle walks in the park",
                "latitude": "53.42",
                "longitude": "-2.32",
            }
        )
    return out.getvalue().encode()


def _text_model(app):
    with db.session_scope(app) as session:
        return services(app).text_models.get(session)


def test_preloaded_text_model_is_updated_in_place_after_an_edit(app, monkeypatch):
    import_file(app, _feed(30), "feed.csv", "ramblers", "test")
    timings = preload(app, before_fork=False)
    assert "text" in timings
    model = _text_model(app)
    assert len(model) == 30
    with db.session_scope(app) as session:
        service_id = session.exec(select(Service.id).where(Service.external_id == "s3")).one()
        update_service(session, service_id, {"description": "Knitting and natter for beginners"}, "test")

    monkeypatch.setattr(textmodel_cache, "CHECK_EVERY_SECONDS", 0)
    again = _text_model(app)
    assert again is model, "an edit must not refit the shared model"
    with db.session_scope(app) as session:
        other_id = session.exec(select(Service.id).where(Service.external_id == "s4")).one()
    # The edited service no longer mentions gentle walks in the park: the model knows.
    edited, untouched = again.score("gentle walks in the park", [{"id": service_id}, {"id": other_id}])
    assert untouched > 0 and edited < untouched
