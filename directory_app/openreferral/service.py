"""The service filters of the Open Referral UK API, shared by /services and /service_at_locations.

Every bad value is collected and reported at once, each under the parameter's own name.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from flask import request
from sqlalchemy import String, cast, false, or_
from sqlmodel import col, select

from ..directory.records import status_to_oruk
from ..errors import Unavailable, ValidationError
from ..models import Attribute, Schedule, Service, TaxonomyTerm
from ..needs import taxonomy
from ..search.index import Query, SearchIndex
from ..services import services
from ..vocabulary import DAY_NAMES, DAYS, VISIBLE_STATUSES

NEEDS_NAMESPACE = uuid.UUID("6f1c8a52-2f0e-4f7b-9a57-3b1f8e0c9d11")
NEEDS_TAXONOMY_ID = str(uuid.uuid5(NEEDS_NAMESPACE, "needs"))
# ORUK writes days as words ("MONDAY") or iCalendar codes ("MO"); both are accepted.
DAY_CODES = {name.upper(): code for code, name in DAY_NAMES.items()}
# Parameters someone uses to find a service for a person; a plain listing is a feed to harvest.
FINDING = (
    "search",
    "text",
    "taxonomy_term_id",
    "taxonomy_id",
    "minimum_age",
    "maximum_age",
    "start_time",
    "end_time",
    "day",
    "postcode",
    "proximity",
)
# A person can still use these; harvesters need the others too, to withdraw what has closed.
# (as stored: ORUK's own words, "temporarily closed")
FINDABLE_STATUSES = tuple(status_to_oruk(status) for status in VISIBLE_STATUSES)
STATUS_RULE = (
    "Listings without search or filter parameters (a feed to harvest, also with "
    "organization_id or modified_after) include services of every status, so consumers "
    "see closures; any of search, taxonomy_term_id, taxonomy_id, minimum_age, maximum_age, "
    "start_time, end_time, day, postcode or proximity returns only services that are "
    "'active' or 'temporarily closed'. Every service carries its status."
)


def need_term_id(code: str) -> str:
    return str(uuid.uuid5(NEEDS_NAMESPACE, f"need:{code}"))


@dataclass
class ServiceQuery:
    conditions: list = field(default_factory=list)  # WHERE clauses on Service
    ranked: list[str] | None = None  # service ids in text-search order, when searching


def finding() -> bool:
    return any((request.args.get(name) or "").strip() for name in FINDING)


def service_query() -> ServiceQuery:
    """The request's service filters as WHERE clauses; ValidationError names every bad one."""
    errors: dict[str, str] = {}
    query = ServiceQuery([col(Service.merged_into_id).is_(None)])
    where = query.conditions.append
    if finding():
        where(col(Service.status).in_(FINDABLE_STATUSES))
    text = (request.args.get("search") or request.args.get("text") or "").strip()
    if text:
        query.ranked = _text_search_ids(services().index, text[:200])
        where(col(Service.id).in_(query.ranked))
    term_id = (request.args.get("taxonomy_term_id") or "").strip()
    if term_id:
        where(
            or_(
                col(Service.id).in_(
                    select(Attribute.service_id).where(Attribute.taxonomy_term_id == term_id)
                ),
                _need_match(term_id),
            )
        )
    taxonomy_id = (request.args.get("taxonomy_id") or "").strip()
    if taxonomy_id:
        tagged_with_needs = (
            cast(Service.needs, String) != "[]" if taxonomy_id == NEEDS_TAXONOMY_ID else false()
        )
        where(
            or_(
                col(Service.id).in_(
                    select(Attribute.service_id)
                    .join(TaxonomyTerm, col(TaxonomyTerm.id) == col(Attribute.taxonomy_term_id))
                    .where(TaxonomyTerm.taxonomy_id == taxonomy_id)
                ),
                tagged_with_needs,
            )
        )
    if request.args.get("organization_id"):
        where(Service.organization_id == request.args["organization_id"])
    if request.args.get("modified_after"):
        try:
            after = datetime.fromisoformat(request.args["modified_after"].replace("Z", "+00:00"))
            where(Service.last_modified >= (after if after.tzinfo else after.replace(tzinfo=UTC)))
        except ValueError:
            errors["modified_after"] = "Use an ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z."
    # Ages describe the person: a service fits when its age range includes them.
    minimum_age, maximum_age = _age("minimum_age", errors), _age("maximum_age", errors)
    if minimum_age is not None:
        where(or_(col(Service.maximum_age).is_(None), col(Service.maximum_age) >= minimum_age))
    if maximum_age is not None:
        where(or_(col(Service.minimum_age).is_(None), col(Service.minimum_age) <= maximum_age))
    day = _day(errors)
    start, end = _time("start_time", errors), _time("end_time", errors)
    if start and end and start >= end:
        errors["end_time"] = "Use a time after start_time."
    if (day or start or end) and not errors:
        # Open at some point within the window asked for, on that day.
        schedule = select(Schedule.service_id)
        if day:
            schedule = schedule.where(col(Schedule.byday).contains(day))
        if start:
            schedule = schedule.where(col(Schedule.closes_at) > start)
        if end:
            schedule = schedule.where(col(Schedule.opens_at) < end)
        where(col(Service.id).in_(schedule))
    if errors:
        raise ValidationError("Some parameters are not valid.", errors)
    return query


def _need_match(term_id: str):
    codes = [code for code in taxonomy().codes() if need_term_id(code) == term_id]
    # needs is a JSON list; as text it holds each code in double quotes on SQLite and PostgreSQL alike.
    return cast(Service.needs, String).contains(f'"{codes[0]}"') if codes else false()


def _text_search_ids(index: SearchIndex, text: str) -> list[str]:
    try:
        result = index.search(Query(q=text, limit=1000, fields=["id"]))
    except Exception as error:  # search down: say so rather than return an unfiltered list
        raise Unavailable("Text search is unavailable at the moment; try again shortly.") from error
    return [hit["id"] for hit in result.hits]


def _time(name: str, errors: dict) -> time | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return time.fromisoformat(raw)
    except ValueError:
        errors[name] = "Use a time of day as HH:MM, e.g. 09:30."
        return None


def _age(name: str, errors: dict) -> float | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
        if not 0 <= value <= 150:  # also false for NaN
            raise ValueError
        return value
    except ValueError:
        errors[name] = "Use an age in years from 0 to 150."
        return None


def _day(errors: dict) -> str | None:
    raw = (request.args.get("day") or "").strip().upper()
    if not raw:
        return None
    day = DAY_CODES.get(raw, raw)
    if day not in DAYS:
        errors["day"] = "Use MO, TU, WE, TH, FR, SA or SU (or the day's name, e.g. Monday)."
        return None
    return day
