"""Matching by meaning: services carry sentence vectors in the index, a vector search finds what
the person's words mean even when no keyword is shared, and each candidate says how close it is."""

from __future__ import annotations

import pytest

from directory_app.matchmaking import embeddings, retrieval
from directory_app.search.indexing import wait_until_idle
from directory_app.services import services
from matching import Profile


@pytest.fixture
def directory(app, make_service):
    ids = {
        "warm": make_service(
            name="Trafford Warm Homes",
            organization="Energy Project",
            minimum_age=18,
            cost="free",
            description="Grants for boiler repairs and insulation, and advice on energy tariffs.",
        ),
        "football": make_service(
            name="Junior Football Centre",
            organization="Sale Sports",
            minimum_age=5,
            description="Weekly coaching sessions for children aged five to eleven.",
        ),
        "playgroup": make_service(
            name="Toddler Playgroup",
            organization="Sale Family Hub",
            minimum_age=0,
            description="Songs, stories and messy play for under-fives and their parents.",
        ),
    }
    wait_until_idle(app)
    return ids


def test_every_indexed_service_carries_its_sentence_vector(app, directory):
    uid = services(app).index.name
    embedders = services(app).index.admin.http.get(f"indexes/{uid}/settings/embedders")
    assert embedders["default"]["source"] == "userProvided" and embedders["default"]["dimensions"] == 384
    documents = services(app).index.client.http.get(f"indexes/{uid}/documents?retrieveVectors=true&limit=10")[
        "results"
    ]
    vectors = {d["id"]: d["_vectors"]["default"]["embeddings"][0] for d in documents}
    assert set(vectors) == set(directory.values())
    assert all(len(v) == 384 for v in vectors.values())


def test_a_long_goal_finds_the_service_that_means_the_same_without_sharing_its_words(app, directory):
    # Twelve words before the point: keyword search reads only the first ten.
    goals = (
        "Came in about his knee really, had a long chat, then said he is "
        "struggling to pay the gas and electric and the flat is cold"
    )
    profile = Profile.from_dict({"goals": goals, "age": 70}, None)
    found = services(app)
    pool = {c["id"]: c for c in retrieval.candidates(found.index, found.embeddings, profile, needs=[])}
    assert directory["warm"] in pool
    assert pool[directory["warm"]]["_semantic"] > max(
        pool[i]["_semantic"] for i in pool if i != directory["warm"]
    )


def test_the_match_says_which_words_gave_each_inferred_need(client, token_for, directory):
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"goals": "struggling to pay the gas and electric, cold flat", "postcode": "M33 7ZZ", "age": 70},
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["needs"][0] == "fuel_energy"
    read = {n["need"]: n for n in body["understood"]["needs"]}
    assert 0 < read["fuel_energy"]["confidence"] <= 1 and read["fuel_energy"]["evidence"]
    assert body["matches"][0]["name"] == "Trafford Warm Homes"


def test_a_match_encodes_the_persons_words_and_their_clauses_in_one_pass(
    app, client, token_for, directory, monkeypatch
):
    # Retrieval's vector search and need inference read the same vectors: encoding the words
    # twice was the slowest part of a match.
    embeddings.service(app).need_inferrer()  # built once per process, encoding its examples
    model = embeddings.service(app)._model()
    forward, passes = model._forward, []
    monkeypatch.setattr(
        model, "_forward", lambda sequences: passes.append(len(sequences)) or forward(sequences)
    )
    model._cache.clear()
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"goals": "lonely since my wife died, and the flat is cold", "postcode": "M33 7ZZ"},
    )
    assert response.status_code == 200, response.get_json()
    assert len(passes) == 1 and passes[0] >= 3  # the whole words and each clause, together


def test_services_for_the_persons_own_group_are_retrieved_whatever_needs_they_are_tagged_with(
    app, make_service, monkeypatch
):
    centre = make_service(
        name="Rainbow Centre",
        organization="Trafford Pride",
        needs="mental_wellbeing",
        minimum_age=None,
        description="Support, drop-ins and social groups for lesbian, gay, bisexual and trans people.",
    )
    closest = make_service(
        name="Sale Friendship Group",
        needs="loneliness",
        minimum_age=None,
        description="For people who have not been out much and have no friends nearby.",
    )
    wait_until_idle(app)
    # A region's vector search returns its nearest few dozen services; here, the nearest one.
    monkeypatch.setattr(retrieval, "SEMANTIC_LIMIT", 1)
    found = services(app)
    # Keyword search reads the first ten words, which do not say it.
    goals = "Has not been out much and has no friends his age since he came out as gay last year"

    def pool(**person) -> dict[str, dict]:
        profile = Profile.from_dict({"goals": goals, **person}, None)
        return {
            c["id"]: c
            for c in retrieval.candidates(found.index, found.embeddings, profile, needs=["loneliness"])
        }

    assert centre not in pool() and closest in pool()
    theirs = pool(circumstances=["lgbtq"])
    assert centre in theirs
    # how close it is in meaning, not the least of what the vector search returned
    assert theirs[centre]["_semantic"] != theirs[closest]["_semantic"]


def test_the_group_search_keeps_the_services_for_the_group_nearest_the_person(app, make_service, monkeypatch):
    def drop_in(town: str, postcode: str) -> str:
        return make_service(
            name=f"{town} Carers Drop-in",
            postcode=postcode,
            needs="carers",
            minimum_age=None,
            description="A drop-in for carers.",
        )

    far, near = drop_in("Altrincham", "WA14 1PF"), drop_in("Stretford", "M32 0SQ")
    wait_until_idle(app)
    # a borough names carers in forty listings; the group search keeps a few of them
    monkeypatch.setattr(retrieval, "GROUP_LIMIT", 1)
    found = services(app)
    goals = "Looks after her mum, who has Parkinson's, and never gets a minute"
    profile = Profile.from_dict(
        {"goals": goals, "lat": 53.4480, "lng": -2.3060, "circumstances": ["carers"]}, None
    )
    searches = retrieval.Searches(found.index, found.embeddings, profile, [])
    group_hits = [hit["id"] for query in searches._group_queries() for hit in found.index.search(query).hits]
    assert near in group_hits and far not in group_hits
