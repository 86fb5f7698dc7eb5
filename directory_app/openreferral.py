"""Open Referral UK 3.0 read API under /openreferral: open, read-only, paginated, CORS *.

Responses follow the official compiled schemas (tested with jsonschema). Our needs taxonomy is
published as one more taxonomy, so other systems can filter by it.
"""
from __future__ import annotations

import math
import uuid
from datetime import datetime, time, timezone

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for
from sqlalchemy import String, cast, false, func, or_
from sqlmodel import select

from .access import access
from .db import get_session
from .directory import geo
from .directory.curation import get_service, load_options
from .directory.oruk import location_to_oruk, service_to_oruk, taxonomy_term_to_oruk, _dump
from .errors import ValidationError
from .models import (Attribute, Location, Schedule, Service, ServiceAtLocation, Taxonomy,
                     TaxonomyTerm)
from .needs import taxonomy
from .search.client import get_client, services_index_name

bp = Blueprint("openreferral", __name__, url_prefix="/openreferral")
NEEDS_NAMESPACE = uuid.UUID("6f1c8a52-2f0e-4f7b-9a57-3b1f8e0c9d11")
NEEDS_TAXONOMY_ID = str(uuid.uuid5(NEEDS_NAMESPACE, "needs"))
MAX_PER_PAGE = 100
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def need_term_id(code: str) -> str:
    return str(uuid.uuid5(NEEDS_NAMESPACE, f"need:{code}"))


def _paging() -> tuple[int, int]:
    errors = {}
    values = {}
    for name, default, high in (("page", 1, 100000), ("per_page", 20, MAX_PER_PAGE)):
        raw = request.args.get(name)
        try:
            values[name] = int(raw) if raw not in (None, "") else default
            if not 1 <= values[name] <= high:
                raise ValueError
        except ValueError:
            errors[name] = f"Use a whole number from 1 to {high}."
    if errors:
        raise ValidationError("Invalid paging parameters.", errors)
    return values["page"], values["per_page"]


def _page(items: list, total: int, page: int, per_page: int) -> dict:
    pages = max(1, math.ceil(total / per_page)) if total else 0
    return {"total_items": total, "total_pages": pages, "page_number": page, "size": len(items),
            "first_page": page == 1, "last_page": page >= pages, "empty": total == 0, "contents": items}


def _one_to_one(service: Service) -> dict:
    full = service_to_oruk(service)
    return {k: v for k, v in full.items() if not isinstance(v, list)}


@bp.get("/")
@access("public")
def root():
    return jsonify({"version": "3.0", "profile": "https://openreferraluk.org/",
                    "openapi_url": url_for("openreferral.openapi", _external=True)})


@bp.get("/openapi.json")
@access("public")
def openapi():
    from pathlib import Path

    path = Path(current_app.root_path).parent / "seed_data" / "oruk" / "schema" / "openapi.json"
    return current_app.response_class(path.read_text(), mimetype="application/json")


def _time(name: str, errors: dict) -> time | None:
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        return time.fromisoformat(raw)
    except ValueError:
        errors[name] = "Use HH:MM."
        return None


def _int(name: str, errors: dict) -> int | None:
    raw = request.args.get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
        if not 0 <= value <= 150:
            raise ValueError
        return value
    except ValueError:
        errors[name] = "Use a whole number from 0 to 150."
        return None


def _text_search_ids(text: str) -> list[str]:
    from .errors import Unavailable

    try:
        result = get_client().index(services_index_name()).search(
            text, {"limit": 1000, "attributesToRetrieve": ["id"]})
    except Exception as error:  # search down: say so rather than return an unfiltered list
        raise Unavailable("Text search is unavailable at the moment; try again shortly.") from error
    return [hit["id"] for hit in result["hits"]]


@bp.get("/services")
@access("public")
def services():
    page, per_page = _paging()
    errors: dict[str, str] = {}
    statement = select(Service).where(Service.merged_into_id.is_(None))
    ranked: list[str] | None = None
    text = (request.args.get("search") or request.args.get("text") or "").strip()
    if text:
        ranked = _text_search_ids(text[:200])
        statement = statement.where(Service.id.in_(ranked))
    if request.args.get("taxonomy_term_id"):
        statement = statement.where(or_(Service.id.in_(select(Attribute.service_id).where(
            Attribute.taxonomy_term_id == request.args["taxonomy_term_id"])), _need_match(request.args["taxonomy_term_id"])))
    if request.args.get("taxonomy_id"):
        tagged_with_needs = cast(Service.needs, String) != "[]" if request.args["taxonomy_id"] == NEEDS_TAXONOMY_ID else false()
        statement = statement.where(or_(Service.id.in_(
            select(Attribute.service_id).join(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
            .where(TaxonomyTerm.taxonomy_id == request.args["taxonomy_id"])), tagged_with_needs))
    if request.args.get("organization_id"):
        statement = statement.where(Service.organization_id == request.args["organization_id"])
    if request.args.get("modified_after"):
        try:
            after = datetime.fromisoformat(request.args["modified_after"].replace("Z", "+00:00"))
            after = after if after.tzinfo else after.replace(tzinfo=timezone.utc)
            statement = statement.where(Service.last_modified >= after)
        except ValueError:
            errors["modified_after"] = "Use an ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z."
    minimum_age, maximum_age = _int("minimum_age", errors), _int("maximum_age", errors)
    if minimum_age is not None:
        statement = statement.where(or_(Service.maximum_age.is_(None), Service.maximum_age >= minimum_age))
    if maximum_age is not None:
        statement = statement.where(or_(Service.minimum_age.is_(None), Service.minimum_age <= maximum_age))
    day = (request.args.get("day") or "").strip().upper()
    start, end = _time("start_time", errors), _time("end_time", errors)
    if day and day not in DAYS:
        errors["day"] = "Use MO, TU, WE, TH, FR, SA or SU."
    if (day or start or end) and not errors:
        schedule = select(Schedule.service_id)
        if day:
            schedule = schedule.where(Schedule.byday.contains(day))
        if start:
            schedule = schedule.where(Schedule.closes_at > start)
        if end:
            schedule = schedule.where(Schedule.opens_at < end)
        statement = statement.where(Service.id.in_(schedule))
    if errors:
        raise ValidationError("Some parameters are not valid.", errors)
    session = get_session()
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    if ranked is not None:
        order = {sid: i for i, sid in enumerate(ranked)}
        ids = sorted(session.exec(statement.with_only_columns(Service.id)), key=order.get)
        ids = ids[(page - 1) * per_page: page * per_page]
        rows = {s.id: s for s in session.exec(select(Service).where(Service.id.in_(ids)).options(*load_options()))}
        items = [rows[i] for i in ids]
    else:
        items = list(session.exec(statement.order_by(Service.name, Service.id)
                                  .offset((page - 1) * per_page).limit(per_page).options(*load_options())))
    return jsonify(_page([_one_to_one(s) for s in items], total, page, per_page))


def _need_match(term_id: str):
    codes = [code for code in taxonomy().codes() if need_term_id(code) == term_id]
    # needs is a JSON list; as text it holds each code in double quotes on SQLite and PostgreSQL alike.
    return cast(Service.needs, String).contains(f'"{codes[0]}"') if codes else false()


@bp.get("/services/<service_id>")
@access("public")
def service(service_id: str):
    record = get_service(get_session(), service_id)
    if record.merged_into_id:
        return redirect(url_for("openreferral.service", service_id=record.merged_into_id), 301)
    return jsonify(service_to_oruk(record))


def _needs_terms() -> list[dict]:
    tax = taxonomy()
    return [{"id": need_term_id(code), "name": tax.label(code), "description": tax.need(code).description
             or tax.label(code), "taxonomy": "Social prescribing needs", "taxonomy_id": NEEDS_TAXONOMY_ID,
             "term": code} for code in tax.codes()]


@bp.get("/taxonomies")
@access("public")
def taxonomies():
    page, per_page = _paging()
    items = [{"id": NEEDS_TAXONOMY_ID, "name": "Social prescribing needs",
              "description": "The needs link workers work with (loneliness, money and debt, …), "
                             "mapped to UK Charity Activity Tags."}]
    items += [_dump(t, {}) for t in get_session().exec(select(Taxonomy).order_by(Taxonomy.name))]
    return jsonify(_page(items[(page - 1) * per_page: page * per_page], len(items), page, per_page))


@bp.get("/taxonomies/<taxonomy_id>")
@access("public")
def taxonomy_detail(taxonomy_id: str):
    from .errors import NotFound

    if taxonomy_id == NEEDS_TAXONOMY_ID:
        return jsonify({"id": NEEDS_TAXONOMY_ID, "name": "Social prescribing needs",
                        "description": "The needs link workers work with.", "taxonomy_terms": _needs_terms()})
    record = get_session().get(Taxonomy, taxonomy_id)
    if record is None:
        raise NotFound(f"No taxonomy {taxonomy_id}.")
    return jsonify(_dump(record, {}))


@bp.get("/taxonomy_terms")
@access("public")
def taxonomy_terms():
    page, per_page = _paging()
    wanted = request.args.get("taxonomy_id")
    items = _needs_terms() if wanted in (None, "", NEEDS_TAXONOMY_ID) else []
    statement = select(TaxonomyTerm).order_by(TaxonomyTerm.name)
    if wanted and wanted != NEEDS_TAXONOMY_ID:
        statement = statement.where(TaxonomyTerm.taxonomy_id == wanted)
    if wanted != NEEDS_TAXONOMY_ID:
        items += [taxonomy_term_to_oruk(t) for t in get_session().exec(statement)]
    return jsonify(_page(items[(page - 1) * per_page: page * per_page], len(items), page, per_page))


@bp.get("/taxonomy_terms/<term_id>")
@access("public")
def taxonomy_term(term_id: str):
    from .errors import NotFound

    for term in _needs_terms():
        if term["id"] == term_id:
            return jsonify(term)
    record = get_session().get(TaxonomyTerm, term_id)
    if record is None:
        raise NotFound(f"No taxonomy term {term_id}.")
    return jsonify(taxonomy_term_to_oruk(record))


@bp.get("/service_at_locations")
@access("public")
def service_at_locations():
    """Nearest first when a postcode is given; ``proximity`` is a radius in metres."""
    page, per_page = _paging()
    session = get_session()
    postcode = (request.args.get("postcode") or "").strip()
    proximity_raw = request.args.get("proximity")
    errors = {}
    proximity = None
    if proximity_raw not in (None, ""):
        try:
            proximity = float(proximity_raw)
            if not 1 <= proximity <= 200_000:
                raise ValueError
        except ValueError:
            errors["proximity"] = "Use a distance in metres from 1 to 200000."
    place = None
    if postcode:
        try:
            place = geo.lookup(session, postcode, field="postcode")
        except ValidationError as error:
            errors.update(error.fields)
    elif proximity is not None:
        errors["postcode"] = "proximity needs a postcode."
    if errors:
        raise ValidationError("Some parameters are not valid.", errors)
    statement = (select(ServiceAtLocation, Location).join(Location, Location.id == ServiceAtLocation.location_id)
                 .join(Service, Service.id == ServiceAtLocation.service_id)
                 .where(Service.merged_into_id.is_(None)))
    if place is None:
        total = session.exec(select(func.count()).select_from(statement.subquery())).one()
        rows = list(session.exec(statement.order_by(ServiceAtLocation.id).offset((page - 1) * per_page).limit(per_page)))
        pairs = [(link, location, None) for link, location in rows]
    else:
        radius_km = (proximity or 200_000) / 1000
        box = radius_km / 111.0
        statement = statement.where(Location.latitude.between(place.lat - box, place.lat + box),
                                    Location.longitude.between(place.lng - box * 1.8, place.lng + box * 1.8))
        measured = []
        for link, location in session.exec(statement):
            if not (-90 <= location.latitude <= 90 and -180 <= location.longitude <= 180):
                continue
            distance = geo.distance_km((place.lat, place.lng), (location.latitude, location.longitude))
            if distance <= radius_km:
                measured.append((link, location, distance))
        measured.sort(key=lambda item: (item[2], item[0].id))
        total = len(measured)
        pairs = measured[(page - 1) * per_page: page * per_page]
    services = {s.id: s for s in session.exec(select(Service).where(
        Service.id.in_([link.service_id for link, _, _ in pairs])).options(*load_options()))}
    items = []
    for link, location, distance in pairs:
        item = {"id": link.id, "service_id": link.service_id, "location_id": location.id,
                "location": location_to_oruk(location), "service": _one_to_one(services[link.service_id])}
        if distance is not None:
            item["distance"] = round(distance * 1000)
        items.append(item)
    return jsonify(_page(items, total, page, per_page))
