"""The search index's contract (directory_app/search/index.py), checked the same way against the
real Meilisearch and the in-memory index that tests not about search run on: what one finds, in
what order, what it refuses, the other must too."""

from __future__ import annotations

import math
import uuid

import pytest

from directory_app.search import filters
from directory_app.search.index import Query
from directory_app.search.indexing import SETTINGS
from directory_app.search.meili import MeiliIndex
from directory_app.search.memory import InMemoryIndex

SALE = (53.4236, -2.3221)
STRETFORD = (53.4480, -2.3060)  # about 3 km from Sale
BOLTON = (53.5769, -2.4282)  # about 19 km away


def _document(document_id: str, name: str, **fields) -> dict:
    document = {
        "id": document_id,
        "name": name,
        "description": "",
        "needs": [],
        "status": "active",
        "days": [],
        "eligibility": [],
        "delivery": ["in_person"],
        "area_wide": False,
        "last_modified": "2026-01-01T00:00:00",
        "last_verified_ts": 0,
        "_vectors": {"default": None},
    }
    document.update(fields)
    return document


def _point(lat_lng: tuple[float, float]) -> dict:
    return {"lat": lat_lng[0], "lng": lat_lng[1]}


DOCUMENTS = [
    _document(
        "lunch",
        "Sale Lunch Club",
        description="A friendly lunch for older people who feel lonely.",
        needs=["loneliness", "food"],
        days=["TU", "TH"],
        cost_band="low_cost",
        wheelchair=True,
        age_min_filter=60,
        age_max_filter=120,
        _geo=_point(SALE),
        last_verified_ts=300,
        _vectors={"default": [1.0, 0.0, 0.0]},
    ),
    _document(
        "pantry",
        "Stretford Community Pantry",
        description="Low-cost food club; lunch on Fridays.",
        needs=["food"],
        days=["FR"],
        cost_band="free",
        wheelchair=False,
        age_min_filter=0,
        age_max_filter=120,
        _geo=_point(STRETFORD),
        last_verified_ts=200,
        _vectors={"default": [0.6, 0.8, 0.0]},
    ),
    _document(
        "helpline",
        "Silver Line",
        description="A phone line for older people, day and night.",
        needs=["loneliness"],
        delivery=["phone"],
        area_wide=True,
        age_min_filter=55,
        age_max_filter=120,
        eligibility=["carers"],
        last_verified_ts=100,
        _vectors={"default": [0.0, 0.0, 1.0]},
    ),
    _document(
        "walks",
        "Bolton Health Walks",
        description="Gentle walks for people who feel isolated.",
        needs=["physical_activity"],
        days=["MO"],
        cost_band="paid",
        age_min_filter=18,
        age_max_filter=120,
        _geo=_point(BOLTON),
        status="temporarily_closed",
        last_verified_ts=400,
    ),
]


@pytest.fixture(params=["meilisearch", "memory"])
def index(request):
    prefix = f"c{uuid.uuid4().hex[:10]}"
    if request.param == "memory":
        made = InMemoryIndex(prefix)
    else:
        meili = request.getfixturevalue("meili")
        made = MeiliIndex(meili["url"], meili["key"], prefix, 15)
    settings = {
        **SETTINGS,
        "synonyms": {"isolated": ["lonely"], "lonely": ["isolated"]},
        "embedders": {"default": {"source": "userProvided", "dimensions": 3}},
    }
    made.configure(settings)
    assert made.put({d["id"]: d for d in DOCUMENTS}, [], 60_000) == {}
    made.settings = settings
    yield made
    made.drop()


def found(index, *clauses, **query) -> list[str]:
    return [hit["id"] for hit in index.search(Query(filter=list(clauses), **query)).hits]


FILTERS = {
    "one of, on a list": ([filters.one_of("needs", ["food"])], {"lunch", "pantry"}),
    "one of, on a value": ([filters.one_of("status", ["temporarily_closed"])], {"walks"}),
    "free or not recorded": ([filters.free_only()], {"pantry", "helpline"}),
    "step-free or not recorded": ([filters.wheelchair()], {"lunch", "helpline", "walks"}),
    "age": (filters.age(58), {"pantry", "helpline", "walks"}),
    # a parent's age or their child's: the 17-year-old's pantry, the 56-year-old's helpline and walks
    "any of several ages": ([filters.any_age([17, 56])], {"pantry", "helpline", "walks"}),
    "days or none recorded": ([filters.one_of_or_none("days", ["TU"])], {"lunch", "helpline"}),
    "no group limit": ([filters.one_of_or_none("eligibility", [])], {"lunch", "pantry", "walks"}),
    "within, or remote, or area-wide": ([filters.within(*SALE, 5)], {"lunch", "pantry", "helpline"}),
    "several at once": (
        [filters.one_of("needs", ["loneliness", "food"]), filters.wheelchair(), *filters.age(70)],
        {"lunch", "helpline"},
    ),
}


@pytest.mark.parametrize("case", list(FILTERS))
def test_each_filter_finds_the_same_documents(index, case):
    clauses, expected = FILTERS[case]
    assert set(found(index, *clauses, limit=20)) == expected


def test_words_every_word_first_then_fewer_and_the_last_word_as_a_prefix(index):
    assert found(index, q="lunch club") == ["lunch", "pantry"]
    # The last words are dropped first: a document holding only the first word is still found,
    # one holding only the last is not.
    assert found(index, q="gentle zebra") == ["walks"]
    assert found(index, q="zebra gentle") == []
    assert found(index, q="pant") == ["pantry"]
    assert found(index, q="isolated") and set(found(index, q="isolated")) == {"lunch", "walks"}
    assert found(index, q="zebra") == []


def test_without_words_fresher_listings_come_first(index):
    assert found(index) == ["walks", "lunch", "pantry", "helpline"]


def test_equally_good_listings_come_in_name_order_whatever_order_they_were_added(index):
    # ids are new at each import; the order a limit cuts at must not depend on them or on the
    # order the documents reached the index
    names = ["Sale Line", "Ashton Cafe", "Middleton Walk", "Bury Hub"]
    ties = [
        _document(uuid.uuid4().hex, name, description="For carers.", needs=["carers"])
        for name in reversed(names)
    ]
    index.put({d["id"]: d for d in ties}, [], 60_000)
    hits = index.search(Query(q="carers", filter=[filters.one_of("needs", ["carers"])], limit=3)).hits
    assert [hit["name"] for hit in hits] == sorted(names)[:3]


def test_nearest_first_with_distances_and_no_place_last(index):
    hits = index.search(Query(nearest_to=SALE)).hits
    assert [h["id"] for h in hits] == ["lunch", "pantry", "walks", "helpline"]
    assert hits[0]["_distance_m"] < 50
    assert 2_500 < hits[1]["_distance_m"] < 3_500
    assert "_distance_m" not in hits[3]


def test_a_vector_search_orders_by_cosine_and_says_it(index):
    hits = index.search(Query(vector=[0.8, 0.6, 0.0], limit=10)).hits
    assert [h["id"] for h in hits] == ["pantry", "lunch", "helpline", "walks"]
    assert math.isclose(hits[0]["_similarity"], 0.96, abs_tol=0.01)
    assert math.isclose(hits[2]["_similarity"], 0.0, abs_tol=0.01)
    assert hits[3]["_similarity"] == pytest.approx(-1.0)  # no vector: the least similar of all


def test_facets_count_everything_found_not_one_page(index):
    result = index.search(Query(limit=1, count_all=True, facets=["needs", "wheelchair"]))
    assert result.total == 4 and len(result.hits) == 1
    assert result.facets["needs"] == {"loneliness": 2, "food": 2, "physical_activity": 1}
    assert result.facets["wheelchair"] == {"true": 1, "false": 1}


def test_pages_follow_on(index):
    first = found(index, limit=2, offset=0, count_all=True)
    second = found(index, limit=2, offset=2, count_all=True)
    assert first + second == ["walks", "lunch", "pantry", "helpline"]


def test_each_hit_carries_its_own_vector_when_asked(index):
    query = Query(
        filter=[filters.one_of("id", ["lunch", "pantry", "helpline"])], fields=["id"], with_vectors=True
    )
    vectors = {hit["id"]: hit["_vector"] for hit in index.search(query).hits}
    # Meilisearch keeps vectors as 32-bit floats
    expected = {"lunch": [1.0, 0.0, 0.0], "pantry": [0.6, 0.8, 0.0], "helpline": [0.0, 0.0, 1.0]}
    assert vectors.keys() == expected.keys()
    assert all(vectors[i] == pytest.approx(expected[i], abs=1e-6) for i in expected)


def test_only_the_fields_asked_for_and_never_the_vector(index):
    (hit,) = index.search(Query(filter=[filters.one_of("id", ["lunch"])], fields=["id", "name"])).hits
    assert hit == {"id": "lunch", "name": "Sale Lunch Club"}
    document = index.get("lunch")
    assert document["name"] == "Sale Lunch Club" and "_vectors" not in document
    assert index.get("nothing-here") is None


def test_a_refused_document_is_named_and_the_rest_are_kept(index):
    good = _document("cafe", "Memory Cafe", _geo=_point(SALE))
    off_globe = _document("offglobe", "Nowhere Club", _geo={"lat": "north", "lng": 0.0})
    short_vector = _document("short", "Short Vector", _vectors={"default": [1.0]})
    bad_id = _document("no spaces/or slashes", "Bad Id")
    documents = (good, off_globe, short_vector, bad_id)
    refused = index.put({d["id"]: d for d in documents}, ["walks"], 60_000)
    assert set(refused) == {"offglobe", "short", "no spaces/or slashes"}
    assert all(reason for reason in refused.values())
    versions = index.versions()
    assert "cafe" in versions and "offglobe" not in versions and "walks" not in versions


def test_a_rebuild_replaces_every_document_at_once(index):
    replacement = [_document("only", "The Only One", last_modified="2026-02-02T00:00:00")]

    def reload(ids):
        return {d["id"]: d for d in replacement if d["id"] in ids}

    refused = index.rebuild(index.settings, [(["only"], replacement)], reload)
    assert refused == {}
    assert index.versions() == {"only": "2026-02-02T00:00:00"}
    assert found(index, q="only") == ["only"]
