"""What a match reads from each candidate's words (the communities it names, the branch of the
forces it is only for) is read once, when the service is indexed, and a match through the app holds
services back on it as the matching library does on a plain record, and searches for the groups that
name the person's community by it."""

from __future__ import annotations

from directory_app.matchmaking import retrieval
from directory_app.search import indexing
from directory_app.services import services
from matching import Profile
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


def test_a_group_naming_the_persons_community_is_found_whatever_it_is_tagged_with(app, make_service):
    whatsapp = make_service(
        name="Newcomers WhatsApp",
        needs="language_integration",
        description="WhatsApp group for Hongkongers in the borough, meetups online now and then.",
        delivery="online",
        postcode="",
        minimum_age="",
    )
    make_service(name="Polish Saturday Club", description="Tea and cards for the Polish community.")
    make_service(name="Friendship Group", needs="loneliness", description="For anyone who feels lonely.")
    indexing.wait_until_idle(app)
    words = "came over last year, dad withdrawn since, they don't know anyone outside church"
    hongkongers = "HK family on a BN(O) visa, " + words

    def community_search(goals: str) -> list[str]:
        found = services(app)
        searches = retrieval.Searches(
            found.index, found.embeddings, Profile(goals=goals, lat=53.42, lng=-2.32)
        )
        return [hit["id"] for r in found.index.search_many(searches._community_queries()) for hit in r.hits]

    assert community_search(hongkongers) == [whatsapp]
    assert community_search("family " + words) == []
    person = {"goals": hongkongers, "postcode": "M33 7ZZ", "age": 44, "needs": ["loneliness"]}
    assert whatsapp in [m["service_id"] for m in match_on(app, person, record=False)["matches"]]
    person["goals"] = "family " + words
    assert whatsapp not in [m["service_id"] for m in match_on(app, person, record=False)["matches"]]


def test_a_service_only_for_the_persons_situation_is_searched_for_whatever_it_is_tagged_with(
    app, make_service
):
    hub = make_service(
        name="Tuesday Hub",
        needs="mental_wellbeing",
        description="Drop-in with a health coach and peer mentors, help with ID and bank accounts. "
        "You must be on probation to attend.",
        minimum_age="",
    )
    make_service(name="Lunch Club", needs="loneliness", description="Lunch for anyone who feels lonely.")
    indexing.wait_until_idle(app)

    def situation_search(goals: str) -> list[str]:
        found = services(app)
        searches = retrieval.Searches(
            found.index, found.embeddings, Profile(goals=goals, lat=53.42, lng=-2.32)
        )
        return [hit["id"] for r in found.index.search_many(searches._community_queries()) for hit in r.hits]

    assert situation_search("Out of prison last week, on licence, sleeping on his cousin's sofa.") == [hub]
    assert situation_search("Sleeping on his cousin's sofa since the landlord sold up.") == []
