"""Searching the directory: parameters in, ranked documents out.

User input never reaches a Meilisearch filter as text: every filter value is either a number we
parsed or a code from a fixed vocabulary (needs, days, delivery), checked before it is used. The
free-text query goes to ``q``, where quotes, AND/OR or ``_geoRadius(...)`` are just words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from ..db import get_session
from ..directory import geo
from ..errors import Unavailable, ValidationError
from ..needs import taxonomy
from ..vocabulary import DAYS, VISIBLE_STATUSES
from ..web.flags import parse_flag
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


def _bool(args: MultiDict, name: str, errors: dict) -> bool:
    value = parse_flag(args.get(name))
    if value is None:
        errors[name] = "Use true or false."
        return False
    return value


def _number(args: MultiDict, name: str, errors: dict, low: float, high: float, integer: bool = False):
    value = args.get(name)
    if value in (None, ""):
        return None
    try:
        number = int(value) if integer else float(value)
    except ValueError:
        errors[name] = f"Enter a {'whole ' if integer else ''}number."
        return None
    if not math.isfinite(number) or not low <= number <= high:
        errors[name] = f"Enter a number from {low:g} to {high:g}."
        return None
    return number


def resolve_postcode(text: str) -> geo.Place:
    """A postcode typed into a search, placed with the request's database session (pages and API)."""
    return geo.lookup(get_session(), text, field="postcode")


def parse_params(args: MultiDict, resolve_postcode=resolve_postcode) -> SearchParams:
    """Validate query-string parameters; raise ValidationError naming each bad one.

    ``resolve_postcode(text)`` returns a Place or raises ValidationError (unknown postcode)."""
    errors: dict[str, str] = {}
    params = SearchParams()
    params.q = (args.get("q") or "").strip()
    if len(params.q) > MAX_QUERY_LENGTH:
        errors["q"] = f"Use at most {MAX_QUERY_LENGTH} characters."
    known = set(taxonomy().codes())
    params.needs = [n.strip() for n in args.getlist("need") if n.strip()]
    unknown = [n for n in params.needs if n not in known]
    if unknown:
        errors["need"] = f"Unknown need: {', '.join(unknown)[:100]}. See /api/v1/needs."
    params.days = [d.strip().upper() for d in args.getlist("day") if d.strip()]
    if any(d not in DAYS for d in params.days):
        errors["day"] = "Use two-letter days: MO, TU, WE, TH, FR, SA, SU."
    delivery = (args.get("delivery") or "").strip()
    if delivery and delivery not in DELIVERY:
        errors["delivery"] = "Use in_person, online or phone."
    params.delivery = delivery or None
    params.radius_km = _number(args, "radius_km", errors, 0.1, 200)
    params.age = _number(args, "age", errors, 0, 120, integer=True)
    params.free_only = _bool(args, "free_only", errors)
    params.wheelchair = _bool(args, "wheelchair", errors)
    params.page = _number(args, "page", errors, 1, 1000, integer=True) or 1
    params.per_page = _number(args, "per_page", errors, 1, MAX_PER_PAGE, integer=True) or 20
    sort = (args.get("sort") or "").strip().lower()
    if sort and sort not in SORTS:
        errors["sort"] = "Use relevance or nearest."
    params.sort = sort or None
    lat = _number(args, "lat", errors, -90, 90)
    lng = _number(args, "lng", errors, -180, 180)
    postcode = (args.get("postcode") or "").strip()
    if postcode and (lat is not None or lng is not None):
        errors["postcode"] = "Give a postcode or lat and lng, not both."
    elif (lat is None) != (lng is None) and "lat" not in errors and "lng" not in errors:
        errors["lat" if lat is None else "lng"] = "Give both lat and lng."
    elif postcode:
        try:
            place = resolve_postcode(postcode)
            params.lat, params.lng, params.place = place.lat, place.lng, place.as_dict()
        except ValidationError as error:
            errors["postcode"] = error.fields.get("postcode", error.message)
    elif lat is not None:
        params.lat, params.lng = lat, lng
    if (
        params.radius_km is not None
        and params.lat is None
        and "radius_km" not in errors
        and "postcode" not in errors
    ):
        errors["radius_km"] = "A radius needs a postcode or lat and lng."
    if errors:
        raise ValidationError("Some search parameters are not valid.", errors)
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
