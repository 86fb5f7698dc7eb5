"""Two listings of one service (an open duplicate flag) reach the index as twins, so a limit one
listing states holds for the other in a match, until a curator says they are different services."""

from __future__ import annotations

from directory_app import db
from directory_app.directory import duplicates
from directory_app.search import indexing
from directory_app.services import services
from tests.conftest import match_on

PERSON = {"goals": "lonely, would like a lunch club", "postcode": "M33 7ZZ", "age": 70}


def _document(app, service_id: str) -> dict:
    return services(app).index.get(service_id)


def _shown(app) -> list[str]:
    return [m["service_id"] for m in match_on(app, PERSON, record=False)["matches"]]


def test_a_limit_one_listing_states_holds_for_its_twin_until_a_curator_dismisses_the_pair(app, make_service):
    carers_only = make_service(name="Sale Lunch Club", eligibility="carers")
    thin_copy = make_service(name="Sale Luncheon Club", description="A luncheon club.")
    indexing.wait_until_idle(app)
    assert _document(app, carers_only)["twins"] == [thin_copy]
    assert _document(app, thin_copy)["twins"] == [carers_only]
    assert not {carers_only, thin_copy} & set(_shown(app))

    with db.session_scope(app) as session:
        ((flag, _, _),) = duplicates.open_flags(session)
        duplicates.decide(session, flag.id, "dismiss", "curator")
    indexing.wait_until_idle(app)
    assert _document(app, thin_copy)["twins"] == []
    shown = _shown(app)
    assert thin_copy in shown and carers_only not in shown
