"""Candidates for re-ranking, from the search index: enough to find the best, never a full scan.

Six kinds of search: services meeting the needs, nearest first; phone, online or area-wide
services that meet each need (these in one request); services whose text fits the person's own words,
within reach; services whose meaning is closest to those words (a vector search with the
sentence-embedding model, so a long goal does not depend on the first words Meilisearch reads);
for a person in a group (LGBT+, veterans, Deaf, ...), services within reach whose words name it,
whatever needs they are tagged with; and for a person whose words place them in a community (from
Hong Kong, Polish, Somali), services within reach that name it (``communities_named``, read when
each was indexed).
Each is sent as soon as it can be (``Searches``), so Meilisearch works while the request encodes
the words and reads needs from them.
Every candidate carries ``_semantic``, its cosine similarity to the person's words (see
``_semantic_scores``), for the matcher's semantic feature. Filters express the hard constraints Meilisearch can check; the matching library
checks every constraint again, so a filter may be looser than the rule but never stricter.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from matching import Profile
from matching.children import children_months
from matching.fit import COMMUNITIES_NAMED, GROUP_SEARCH_WORDS
from matching.situations import BY_CODE, COMMUNITIES, named_communities_of
from matching.stated_situations import person_situations
from matching.twins import TWIN_ONLY

from ..errors import Unavailable
from ..search import filters
from ..search.index import Query, Result, SearchIndex
from ..vocabulary import REFERABLE_STATUSES
from .embeddings import EmbeddingService

NEEDS_LIMIT = 100
TEXT_LIMIT = 40
SEMANTIC_LIMIT = 60
REMOTE_LIMIT = 25
GROUP_LIMIT = 10
TEXT_RADIUS_KM = 25
# Searches sent ahead while the request's own thread encodes the person's words (two or three per
# match in flight; more requests than threads just wait their turn).
SEARCH_THREADS = 16
# What the matching library reads. Not the synonyms of every need a service meets, which make up
# most of a document's bytes and most of the time spent decoding a response.
RETRIEVE = [
    "id",
    "name",
    "organization",
    "description",
    "needs",
    "status",
    "says_closed",
    "season_months",
    "runs_until",
    "minimum_age",
    "maximum_age",
    "cost_band",
    "cost_text",
    "delivery",
    "referral_routes",
    "wheelchair",
    "eligibility",
    "situations",
    "time_windows",
    "exclusions",
    "practice_limit",
    "residency",
    "residency_said",
    "area_wide",
    "service_area",
    # where the organisation says it works: the reach of its line or outreach (matching.service.reaches)
    "works_in",
    "locations",
    "_geo",
    "days",
    "schedules",
    "hours_read",
    "schedule_text",
    "accepting_referrals",
    "wait_weeks",
    "last_verified_at",
    "last_verified_ts",
    "referrals_answered",
    "referrals_accepted",
    "accept_days_median",
    "twins",
    COMMUNITIES_NAMED,
    "forces_branches",
]

COMMUNITY_CODES = frozenset(s.code for s in COMMUNITIES)


def base_filters(profile: Profile, delivery: bool = True) -> list[filters.Filter]:
    """``delivery=False`` for the search that finds remote alternatives to mention when nothing
    in person is within reach, even for someone who asked for in-person help."""
    clauses: list[filters.Filter] = [filters.one_of("status", REFERABLE_STATUSES)]
    if profile.age is not None:
        # and the ages of the children the words give: a family hub for 0-19s is for a mum of a 7-year-old
        children = [months // 12 for months in children_months(profile.goals)]
        clauses += [filters.any_age([profile.age, *children])] if children else filters.age(profile.age)
    constraints = profile.constraints
    if constraints.free_only:
        clauses.append(filters.free_only())
    if delivery and constraints.delivery == "online_only":
        clauses.append(filters.REMOTE)
    elif delivery and constraints.delivery == "in_person":
        clauses.append(filters.one_of("delivery", ["in_person"]))
    if constraints.days:
        # Times not recorded: kept, and the matcher warns "times not recorded".
        clauses.append(filters.one_of_or_none("days", constraints.days))
    clauses.append(filters.one_of_or_none("eligibility", list(profile.eligible_groups)))
    return clauses


def candidates(
    index: SearchIndex, embeddings: EmbeddingService, profile: Profile, needs: list[str]
) -> list[dict]:
    searches = Searches(index, embeddings, profile, needs)
    searches.send_semantic([profile.goals])
    return searches.collect(needs)


class Searches:
    """One match's searches, each sent the moment what it depends on is known, so that
    the search index (another process) works while this thread encodes the person's words and
    reads needs from them, instead of after:

    - the words search depends on nothing: sent on construction;
    - the needs searches (needs met nearby, and remote or area-wide) go with the needs: on
      construction when the person stated them, else once they are read from the words;
    - the vector search goes as soon as the words are encoded (``send_semantic``).

    ``collect`` sends what has not been sent, waits for the rest, and pools the candidates in a
    fixed order (needs, remote, words, vector), whatever order the answers came back in.
    """

    def __init__(
        self,
        index: SearchIndex,
        embeddings: EmbeddingService,
        profile: Profile,
        needs: list[str] | None = None,
    ):
        self.index = index
        self.embeddings = embeddings
        self.profile = profile
        self.base = base_filters(profile)
        self.text_filter = list(self.base)
        if profile.lat is not None and profile.lng is not None:
            self.text_filter.append(
                filters.within(
                    profile.lat, profile.lng, profile.constraints.max_distance_km or TEXT_RADIUS_KM
                )
            )
        self._needs: Future | None = None
        self._vector: Future | None = None
        self._words: Future | None = None
        self._words_vector: list[float] | None = None
        # The person's words, the words that name their groups and the services that name their
        # community: one request.
        keywords = (
            ([self._words_query()] if profile.goals else [])
            + self._group_queries()
            + self._community_queries()
        )
        if keywords:
            self._words = self._send(keywords)
        if needs:
            self._needs = self._send(self._needs_queries(needs))

    def send_semantic(self, texts: list[str]) -> None:
        """Encode ``texts`` in one call, the person's words first (need inference then finds every
        clause's vector in the encoder's cache instead of encoding again), and send the vector
        search for the words."""
        if not self.profile.goals or self._vector is not None:
            return
        vectors = self.embeddings.encode(texts)
        if vectors is not None:
            self._words_vector = [float(x) for x in vectors[0]]
            self._vector = self._send([self._vector_query(self._words_vector)])

    def collect(self, needs: list[str]) -> list[dict]:
        if self._needs is None and needs:
            # Sent from this thread: there is nothing else left for it to do while it waits.
            needs_results = _search(self.index, self._needs_queries(needs))
        else:
            needs_results = self._needs.result() if self._needs else []
        keyword_results = self._words.result() if self._words else []
        vector_results = self._vector.result() if self._vector else []
        pooled = _pool(needs_results + keyword_results, vector_results)
        if vector_results and self._words_vector is not None:
            # Found by its group, not by its tags or its words, a service is only relevant if its
            # meaning is: its own closeness, not the least of what the vector search returned.
            _exact_semantic_scores(pooled, _cosines(self._words_vector, keyword_results, vector_results[0]))
        for doc in pooled:
            doc.pop("_vector", None)
        return pooled + self._twins_left_out(pooled)

    def _twins_left_out(self, pooled: list[dict]) -> list[dict]:
        """The other listing of a candidate listed twice, when the filters left it out (say for
        a group the person is not in): matching holds the candidate to its limits too
        (matching/twins.py) and never offers it. One more search, only when there are any."""
        have = {hit["id"] for hit in pooled}
        missing = sorted({twin for hit in pooled for twin in hit.get("twins") or () if twin not in have})
        if not missing:
            return []
        query = Query(filter=[filters.one_of("id", missing)], limit=len(missing), fields=RETRIEVE)
        hits = _search(self.index, [query])[0].hits
        return [{**hit, TWIN_ONLY: True} for hit in hits]

    def _send(self, queries: list[Query]) -> Future:
        return _executor().submit(_search, self.index, queries)

    def _needs_queries(self, needs: list[str]) -> list[Query]:
        lat, lng = self.profile.lat, self.profile.lng
        nearest = Query(
            filter=self.base + [filters.one_of("needs", needs)],
            nearest_to=(lat, lng) if lat is not None and lng is not None else None,
            limit=NEEDS_LIMIT,
            fields=RETRIEVE,
        )
        # One search per need: a region's many lines for loneliness once filled every place, and
        # its one talking therapies line for the same person's low mood was never considered.
        remote = [
            Query(
                filter=base_filters(self.profile, delivery=False)
                + [
                    filters.one_of("needs", [need]),
                    filters.AnyOf((filters.Is("area_wide", True), filters.REMOTE)),
                ],
                limit=REMOTE_LIMIT,
                fields=RETRIEVE,
            )
            for need in needs
        ]
        return [nearest, *remote]

    def _group_queries(self) -> list[Query]:
        words = [word for group in self.profile.groups for word in GROUP_SEARCH_WORDS.get(group, ())]
        lat, lng = self.profile.lat, self.profile.lng
        # nearest first: a borough lists forty carers' services, and a cut at ten would
        # otherwise fall among them by name
        nearest = (lat, lng) if lat is not None and lng is not None else None
        return [
            Query(
                q=word,
                filter=self.text_filter,
                nearest_to=nearest,
                limit=GROUP_LIMIT,
                fields=RETRIEVE,
                with_vectors=True,
            )
            for word in words
        ]

    def _community_queries(self) -> list[Query]:
        """Services within reach that name the person's own community (a Hongkongers' WhatsApp
        group for a family from Hong Kong) or are only for a situation the person's words state
        (a drop-in for people on probation, for a man out of prison on licence), whatever they are
        tagged with: few name one, and a need search or the first ten words of a long story rarely
        finds them. Not a wide heritage's ("Black", "South Asian"): every group near a Somali elder
        that names Black people; nor an age's: a time of life is found by its needs."""
        said = [
            *self.profile.situations,
            *(s.code for s in person_situations(self.profile.goals, (), self.profile.circumstances)),
        ]
        own = named_communities_of([code for code in said if code in COMMUNITY_CODES])
        only_for = sorted(
            {
                code
                for code in said
                if code in BY_CODE and code not in COMMUNITY_CODES and BY_CODE[code].from_age is None
            }
        )
        wanted = [
            *([filters.one_of(COMMUNITIES_NAMED, own)] if own else []),
            *([filters.one_of("situations", only_for)] if only_for else []),
        ]
        if not wanted:
            return []
        lat, lng = self.profile.lat, self.profile.lng
        return [
            Query(
                filter=self.text_filter + [wanted[0] if len(wanted) == 1 else filters.AnyOf(tuple(wanted))],
                nearest_to=(lat, lng) if lat is not None and lng is not None else None,
                limit=GROUP_LIMIT,
                fields=RETRIEVE,
                with_vectors=True,
            )
        ]

    def _words_query(self) -> Query:
        return Query(q=self.profile.goals[:300], filter=self.text_filter, limit=TEXT_LIMIT, fields=RETRIEVE)

    def _vector_query(self, vector) -> Query:
        return Query(
            vector=[float(x) for x in vector], filter=self.text_filter, limit=SEMANTIC_LIMIT, fields=RETRIEVE
        )


def _pool(results: list[Result], vector_results: list[Result]) -> list[dict]:
    """Each candidate once, first found first; with its semantic score when there was a vector search."""
    seen: dict[str, dict] = {}
    for result in results + vector_results:
        for hit in result.hits:
            seen.setdefault(hit["id"], hit)
    if vector_results:
        _semantic_scores(list(seen.values()), vector_results[0].hits)
    return list(seen.values())


def _cosines(words: list[float], results: list[Result], vector_result: Result) -> dict[str, float]:
    """Each hit's cosine with the person's words, from its own vector, for those the vector search
    did not return."""
    have = {hit["id"] for hit in vector_result.hits}
    hits = {hit["id"]: hit for result in results for hit in result.hits if hit["id"] not in have}
    with_vector = [(i, hit["_vector"]) for i, hit in hits.items() if hit.get("_vector")]
    if not with_vector:
        return {}
    matrix = np.asarray([vector for _, vector in with_vector], dtype=np.float32)
    query = np.asarray(words, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1) * float(np.linalg.norm(query))
    cosines = matrix @ query / np.where(norms > 0, norms, 1.0)
    return {i: float(c) for (i, _), c in zip(with_vector, cosines, strict=True)}


def _exact_semantic_scores(pool: list[dict], similarities: dict[str, float]) -> None:
    for doc in pool:
        if doc["id"] in similarities:
            doc["_semantic"] = similarities[doc["id"]]


def _search(index: SearchIndex, queries: list[Query]) -> list[Result]:
    try:
        return index.search_many(queries)
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
    """Each candidate's cosine similarity to the person's words. A candidate the vector search
    did not return is at most as similar as the least similar one it did return, so it gets that
    bound: it cannot outrank anything the vector search preferred."""
    cosines = {h["id"]: float(h.get("_similarity", 0.0)) for h in hits}
    floor = min(cosines.values(), default=0.0)
    for doc in pool:
        doc.pop("_similarity", None)
        doc["_semantic"] = cosines.get(doc["id"], floor)
