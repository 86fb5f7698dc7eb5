"""What a match reads from each candidate's words (the communities it names, the branch of the
forces it is only for) is read once, when the service is indexed, and a match through the app holds
services back on it as the matching library does on a plain record."""

from __future__ import annotations

from directory_app.search import indexing
from directory_app.services import services
from tests.conftest import match_on

CLUB = "A social afternoon for older people who feel lonely, with tea and a raffle."


def _shown(app, goals: str, circumstances: list[str]) -> list[str]:
    person = {
        "goals": goals,
        "postcode": "M33 7ZZ",
        "age": 70,
        "needs": ["loneliness"],
        "circumstances": circumstances,
    }
    return [m["service_id"] for m in match_on(app, person, record=False)["matches"]]


def test_a_communitys_own_club_and_another_branchs_association_are_read_when_indexed(app, make_service):
    polish = make_service(
        name="Saturday Club", needs="loneliness", description=CLUB + " Run by and for the Polish community."
    )
    anyone = make_service(name="Sunday Club", needs="loneliness", description=CLUB)
    naval = make_service(
        name="Royal Naval Association social",
        needs="loneliness",
        description="Branch social for ex-Royal Navy, RM and RFA only, for older members who feel lonely.",
    )
    indexing.wait_until_idle(app)
    assert services(app).index.get(polish)["communities_named"] == ["eastern_european", "polish"]
    assert services(app).index.get(naval)["forces_branches"] == ["navy"]

    assert naval not in _shown(app, "Grandad ex-Gurkha, pension forms confusing, sits at home", ["veterans"])
    # a community's own club is still offered to someone not known to be of it, but not first
    widower = _shown(app, "widower, hardly goes out since his wife died", [])
    assert widower.index(anyone) < widower.index(polish)
    pole = _shown(app, "widower from Krakow, hardly goes out since his wife died", [])
    assert pole.index(polish) < pole.index(anyone)
    assert naval in _shown(app, "ex-navy, 71, gone quiet since his mate died, lonely", ["veterans"])
