"""Candidates for re-ranking, from Meilisearch: enough to find the best, never a full scan.

Four searches: services meeting the needs, nearest first; phone, online or area-wide services
that meet the needs; services whose text fits the person's own words, within reach (these three in
one multi-search, sent while the words are encoded); and services whose meaning is closest to
those words (a vector search with the sentence-embedding model, so a long goal does not depend on
the first words Meilisearch reads).
Every candidate carries ``_semantic``, its cosine similarity to the person's words (see
``_semantic_scores``), for the matcher's semantic feature. Filters express the hard constraints Meilisearch can check; the matching library
checks every constraint again, so a filter may be looser than the rule but never stricter.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from flask import Flask

from matching import Profile

from ..errors import Unavailable
from ..search import filters
from ..search.client import get_client, services_index_name
from ..search.vectors import EMBEDDER
from ..vocabulary import REFERABLE_STATUSES
from .embeddings import service as embedding_service

NEEDS_LIMIT = 100
TEXT_LIMIT = 40
SEMANTIC_LIMIT = 60
REMOTE_LIMIT = 25
TEXT_RADIUS_KM = 25
# Searches sent ahead while the request's own thread encodes the person's words (one per match
# in flight; more requests than threads just wait their turn).
SEARCH_THREADS = 8
# What the matching library reads. Not the synonyms of every need a service meets, which make up
# most of a document's bytes and most of the time spent decoding a response.
RETRIEVE = [
    "id",
    "name",
    "organization",
    "description",
    "needs",
    "status",
    "minimum_age",
    "maximum_age",
    "cost_band",
    "cost_text",
    "delivery",
    "referral_routes",
    "wheelchair",
    "eligibility",
    "situations",
    "residency",
    "area_wide",
    "service_area",
    "locations",
    "_geo",
    "days",
    "schedules",
    "schedule_text",
    "accepting_referrals",
    "wait_weeks",
    "last_verified_at",
    "last_verified_ts",
    "referrals_answered",
    "referrals_accepted",
    "accept_days_median",
]


def base_filters(profile: Profile, delivery: bool = True) -> list[str]:
    """``delivery=False`` for the search that finds remote alternatives to mention when nothing
    in person is within reach, even for someone who asked for in-person help."""
    clauses = [filters.one_of("status", REFERABLE_STATUSES)]
    if profile.age is not None:
        clauses += filters.age(profile.age)
    constraints = profile.constraints
    if constraints.free_only:
        clauses.append(filters.free_only())
    if delivery and constraints.delivery == "online_only":
        clauses.append(filters.REMOTE)
    elif delivery and constraints.delivery == "in_person":
        clauses.append(filters.one_of("delivery", ["in_person"]))
    if constraints.days:
        # Times not recorded: kept, and the matcher warns "times not recorded".
        clauses.append(f"({filters.one_of('days', constraints.days)} OR days IS EMPTY)")
    groups = list(profile.eligible_groups)
    clauses.append(
        f"(eligibility IS EMPTY OR {filters.one_of('eligibility', groups)})"
        if groups
        else "eligibility IS EMPTY"
    )
    return clauses


def candidates(app: Flask, profile: Profile, needs: list[str]) -> list[dict]:
    index = services_index_name(app)
    base = base_filters(profile)
    located = profile.lat is not None
    sort = [f"_geoPoint({profile.lat:.6f}, {profile.lng:.6f}):asc"] if located else []
    queries = []
    if needs:
        queries.append(
            {
                "indexUid": index,
                "q": "",
                "filter": base + [filters.one_of("needs", needs)],
                "sort": sort,
                "limit": NEEDS_LIMIT,
                "attributesToRetrieve": RETRIEVE,
            }
        )
        queries.append(
            {
                "indexUid": index,
                "q": "",
                "limit": REMOTE_LIMIT,
                "attributesToRetrieve": RETRIEVE,
                "filter": base_filters(profile, delivery=False)
                + [filters.one_of("needs", needs), f"(area_wide = true OR {filters.REMOTE})"],
            }
        )
    if profile.goals:
        text_filter = list(base)
        if profile.lat is not None and profile.lng is not None:
            text_filter.append(
                filters.within(
                    profile.lat, profile.lng, profile.constraints.max_distance_km or TEXT_RADIUS_KM
                )
            )
        queries.append(
            {
                "indexUid": index,
                "q": profile.goals[:300],
                "filter": text_filter,
                "limit": TEXT_LIMIT,
                "attributesToRetrieve": RETRIEVE,
                "matchingStrategy": "last",
            }
        )
    if not queries:
        return []
    client = _guarded(get_client, app)
    if not profile.goals:
        return _pool(_search(client, queries)["results"], [])
    # The searches that do not need the person's sentence vector go to Meilisearch while this
    # thread computes it, and the vector search follows as a second request: the encoder (here)
    # and Meilisearch (another process) work at the same time instead of one after the other.
    pending = _executor().submit(_search, client, queries)
    semantic = []
    vector = embedding_service(app).encode([profile.goals])
    if vector is not None:
        semantic.append(
            {
                "indexUid": index,
                "vector": [float(x) for x in vector[0]],
                "filter": text_filter,
                "hybrid": {"embedder": EMBEDDER, "semanticRatio": 1.0},
                "showRankingScore": True,
                "limit": SEMANTIC_LIMIT,
                "attributesToRetrieve": RETRIEVE,
            }
        )
    vector_results = _search(client, semantic)["results"] if semantic else []
    return _pool(pending.result()["results"], vector_results)


def _pool(results: list[dict], vector_results: list[dict]) -> list[dict]:
    """Each candidate once, first found first; with its semantic score when there was a vector search."""
    seen: dict[str, dict] = {}
    for result in results + vector_results:
        for hit in result["hits"]:
            seen.setdefault(hit["id"], hit)
    if vector_results:
        _semantic_scores(list(seen.values()), vector_results[0]["hits"])
    return list(seen.values())


def _search(client, queries: list[dict]) -> dict:
    return _guarded(client.multi_search, queries)


def _guarded(call, *args):
    try:
        return call(*args)
    except Exception as error:  # any transport or server failure: an honest 503, not an empty list
        raise Unavailable(
            "Matching needs the search service, which is unavailable at the moment. "
            "Please try again shortly.",
            retry_after=10,
        ) from error


_executors: dict[int, ThreadPoolExecutor] = {}


def _executor() -> ThreadPoolExecutor:
    """This process's threads for searches sent ahead; per process id, because gunicorn forks
    workers from a master that may have imported this module, and threads do not survive a fork."""
    pid = os.getpid()
    executor = _executors.get(pid)
    if executor is None:
        executor = _executors.setdefault(pid, ThreadPoolExecutor(SEARCH_THREADS, "match-search"))
    return executor


def _semantic_scores(pool: list[dict], hits: list[dict]) -> None:
    """Meilisearch ranks a vector search by (1 + cosine) / 2; turn that back into the cosine. A
    candidate the vector search did not return is at most as similar as the least similar one it
    did return, so it gets that bound: it cannot outrank anything the vector search preferred."""
    cosines = {h["id"]: 2.0 * float(h.get("_rankingScore", 0.5)) - 1.0 for h in hits}
    floor = min(cosines.values(), default=0.0)
    for doc in pool:
        doc.pop("_rankingScore", None)
        doc["_semantic"] = cosines.get(doc["id"], floor)
