"""Searching the directory: parameters in, ranked documents out.

User input never reaches a Meilisearch filter as text: every filter value is either a number we
parsed or a code from a fixed vocabulary (needs, days, delivery), checked before it is used. The
free-text query goes to ``q``, where quotes, AND/OR or ``_geoRadius(...)`` are just words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator
from werkzeug.datastructures import MultiDict

from ..db import get_session
from ..directory import geo
from ..errors import Unavailable, ValidationError
from ..needs import taxonomy
from ..vocabulary import VISIBLE_STATUSES
from ..web.validation import Day, FieldErrors, from_query, one_place, validate
from . import filters
from .index import MAX_TOTAL_HITS, Query, SearchIndex

# The ways of taking part a search can ask for (home visits and outreach come to the person).
DELIVERY = ("in_person", "online", "phone")
MAX_PER_PAGE = 50
MAX_QUERY_LENGTH = 200
FACETS = ["needs", "cost_band", "days"]
SORTS = ("relevance", "nearest")


@dataclass
class SearchParams:
    q: str = ""
    needs: list[str] = field(default_factory=list)
    lat: float | None = None
    lng: float | None = None
    place: dict | None = None
    radius_km: float | None = None
    age: int | None = None
    free_only: bool = False
    days: list[str] = field(default_factory=list)
    delivery: str | None = None
    wheelchair: bool = False
    page: int = 1
    per_page: int = 20
    # "relevance" when words are given, else "nearest" (the default when None).
    sort: str | None = None

    @property
    def effective_sort(self) -> str:
        if self.sort:
            return self.sort
        return "relevance" if self.q else "nearest"


class SearchQuery(BaseModel):
    """The query string of a search, from the search page's form or GET /api/v1/services."""

    q: str | None = Field(
        None, max_length=MAX_QUERY_LENGTH, description="Words to search for; typos are tolerated."
    )
    need: list[str] | None = Field(None, description="Need codes (repeatable); see /api/v1/needs.")
    postcode: str | None = Field(None, description="UK postcode or district; not with lat/lng.")
    lat: float | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    lng: float | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    radius_km: float | None = Field(
        None, ge=0.1, le=200, allow_inf_nan=False, description="Only with a postcode or lat and lng."
    )
    age: int | None = Field(None, ge=0, le=120)
    free_only: bool = False
    day: list[Day] | None = None
    delivery: Literal[DELIVERY] | None = None  # type: ignore[valid-type]
    wheelchair: bool = False
    page: int = Field(1, ge=1, le=1000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)
    sort: Literal[SORTS] | None = Field(  # type: ignore[valid-type]
        None, description="relevance (the default when q is given) or nearest (the default otherwise)."
    )

    @field_validator("sort", mode="before")
    @classmethod
    def _lower(cls, sort):
        return sort.strip().lower() if isinstance(sort, str) else sort

    @field_validator("need")
    @classmethod
    def _known_needs(cls, needs):
        known = set(taxonomy().codes())
        unknown = [need for need in needs or () if need not in known]
        if unknown:
            raise ValueError(f"Unknown need: {', '.join(unknown)[:100]}. See /api/v1/needs.")
        return needs

    @model_validator(mode="after")
    def _one_place(self):
        one_place(self.postcode, self.lat, self.lng)
        if self.radius_km is not None and not self.postcode and self.lat is None:
            raise FieldErrors({"radius_km": "A radius needs a postcode or lat and lng."})
        return self


def resolve_postcode(text: str) -> geo.Place:
    """A postcode typed into a search, placed with the request's database session (pages and API)."""
    return geo.lookup(get_session(), text, field="postcode")


def parse_params(args: MultiDict, resolve_postcode=resolve_postcode) -> SearchParams:
    """Validate query-string parameters with SearchQuery; raise ValidationError naming each bad one.

    ``resolve_postcode(text)`` returns a Place or raises ValidationError (unknown postcode)."""
    asked = validate(SearchQuery, from_query(SearchQuery, args))
    params = SearchParams(
        q=(asked.q or "").strip(),
        needs=list(asked.need or ()),
        radius_km=asked.radius_km,
        age=asked.age,
        free_only=asked.free_only,
        days=list(asked.day or ()),
        delivery=asked.delivery,
        wheelchair=asked.wheelchair,
        page=asked.page,
        per_page=asked.per_page,
        sort=asked.sort,
        lat=asked.lat,
        lng=asked.lng,
    )
    if asked.postcode:
        try:
            place = resolve_postcode(asked.postcode)
        except ValidationError as error:
            message = error.fields.get("postcode", error.message)
            raise ValidationError("Some search parameters are not valid.", {"postcode": message}) from None
        params.lat, params.lng, params.place = place.lat, place.lng, place.as_dict()
    return params


def build_filters(params: SearchParams) -> list[filters.Filter]:
    clauses: list[filters.Filter] = [filters.one_of("status", VISIBLE_STATUSES)]
    if params.needs:
        clauses.append(filters.one_of("needs", params.needs))
    if params.days:
        clauses.append(filters.one_of("days", params.days))
    if params.delivery:
        clauses.append(filters.one_of("delivery", [params.delivery]))
    if params.free_only:
        clauses.append(filters.free_only())
    if params.wheelchair:
        clauses.append(filters.wheelchair())
    if params.age is not None:
        clauses += filters.age(params.age)
    if params.radius_km is not None and params.lat is not None and params.lng is not None:
        clauses.append(filters.within(params.lat, params.lng, params.radius_km))
    return clauses


INTERNAL = ("need_terms", "age_min_filter", "age_max_filter", "last_verified_ts")


def search(index: SearchIndex, params: SearchParams) -> dict:
    point = (params.lat, params.lng) if params.lat is not None and params.lng is not None else None
    query = Query(
        q=params.q,
        filter=build_filters(params),
        # An explicit order comes before text relevance in the index, so relevance means no order.
        nearest_to=point if params.effective_sort == "nearest" else None,
        facets=FACETS + (["wheelchair"] if params.wheelchair else []),
        limit=params.per_page,
        offset=(params.page - 1) * params.per_page,
        count_all=True,
    )
    try:
        result = index.search(query)
    except Exception as error:  # any transport or server failure: say so, do not pretend "no results"
        raise Unavailable(
            "Search is unavailable at the moment. Please try again shortly.", retry_after=10
        ) from error
    hits = []
    for hit in result.hits:
        distance = hit.pop("_distance_m", None)
        if distance is None and point is not None and hit.get("_geo"):
            distance = filters.metres_between(*point, hit["_geo"]["lat"], hit["_geo"]["lng"])
        hit["distance_km"] = round(distance / 1000, 2) if distance is not None else None
        for internal in INTERNAL:
            hit.pop(internal, None)
        hits.append(hit)
    facets = dict(result.facets)
    total = result.total
    unknown = {}
    # Free-only and wheelchair keep services that have not recorded their cost or access
    # (search.filters); say how many, so pages and API clients can mark them.
    if params.free_only:
        unknown["cost"] = total - facets.get("cost_band", {}).get("free", 0)
    if params.wheelchair:
        unknown["wheelchair"] = total - facets.pop("wheelchair", {}).get("true", 0)
    return {
        "hits": hits,
        "total": total,
        "page": params.page,
        "per_page": params.per_page,
        "total_pages": math.ceil(min(total, MAX_TOTAL_HITS) / params.per_page),
        "facets": facets,
        "sort": params.effective_sort,
        "unknown": unknown,
        "location": params.place
        or ({"lat": params.lat, "lng": params.lng} if params.lat is not None else None),
    }
