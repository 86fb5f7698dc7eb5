"""Open Referral UK 3.0 read API under /openreferral: open, read-only, paginated, CORS *.

Every path and parameter of the profile's OpenAPI is served; responses follow its compiled schemas
(tests/search/test_oruk_profile.py walks the document). What we add is listed in ``EXTENSIONS`` and
on /openreferral/. Our needs taxonomy is published as one more taxonomy, so other systems can filter
by it. The service filters live in openreferral/service.py.
"""

from __future__ import annotations

import math

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for
from sqlalchemy import func
from sqlmodel import col, select

from ..access import access
from ..data import DATA_DIR
from ..db import get_session
from ..directory import geo
from ..directory.oruk import location_to_oruk, service_to_oruk, taxonomy_term_to_oruk
from ..directory.service import get_service, load_options
from ..errors import NotFound, ValidationError
from ..models import Location, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from ..needs import taxonomy
from .service import NEEDS_TAXONOMY_ID, STATUS_RULE, need_term_id, service_query

bp = Blueprint("openreferral", __name__, url_prefix="/openreferral")
NEEDS_TAXONOMY = {
    "id": NEEDS_TAXONOMY_ID,
    "name": "Social prescribing needs",
    "description": "The needs link workers work with (loneliness, money and debt, …), "
    "mapped to UK Charity Activity Tags.",
}
MAX_PER_PAGE = 100
# What we serve beyond the profile: listed on /openreferral/ (the ORUK profile test reads it).
EXTENSIONS = {
    "fields": {
        "service.phones": "Phone numbers of the service (HSDS 3.0 phone objects).",
        "service_at_location.distance": "Metres from the postcode asked for (with postcode only).",
    },
    "parameters": {
        "text": "The same as search.",
        "organization_id": "Services of one organisation (/services, /service_at_locations).",
        "modified_after": "Services changed on or after an ISO 8601 date-time (/services, /service_at_locations).",
    },
    "behaviour": {
        "status": STATUS_RULE,
        "minimum_age, maximum_age": "The age range of the person: a service matches when its own age "
        "range (open-ended when not stated) includes some age in it.",
        "start_time, end_time, day": "Services open at some time between start_time and end_time "
        "(HH:MM), on day (MO…SU) when given.",
        "postcode, proximity": "Nearest first from the postcode's centre; proximity is a radius in "
        "metres (default 200 km); each item carries distance.",
        "service_at_locations/{id}": "As the profile's OpenAPI says, a fully nested service, whose "
        "service_at_locations holds only the one asked for.",
    },
}


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


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
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": items,
    }


def _public(value):
    """Drop our internal bookkeeping (keys starting with "_", e.g. an import fingerprint) and
    nulls: the profile's schemas allow none, and an absent property says "not known" as well."""
    if isinstance(value, dict):
        return {k: _public(v) for k, v in value.items() if not k.startswith("_") and v is not None}
    if isinstance(value, list):
        return [_public(v) for v in value]
    return value


def _full(service: Service) -> dict:
    return _public(service_to_oruk(service))


def _flat(record: dict) -> dict:
    return {k: v for k, v in record.items() if not isinstance(v, list)}


def _one_to_one(service: Service) -> dict:
    """What the profile's lists carry: one-to-one fields, the organisation's included."""
    return {k: _flat(v) if isinstance(v, dict) else v for k, v in _flat(_full(service)).items()}


def _taxonomy(record: Taxonomy) -> dict:
    columns = {
        "id": record.id,
        "name": record.name,
        "description": record.description,
        "uri": record.uri,
        "version": record.version,
    }
    return _public({**(record.extra or {}), **columns})


@bp.get("/")
@access("public")
def root():
    return jsonify(
        {
            "version": "3.0",
            "profile": "https://openreferraluk.org/",
            "openapi_url": url_for("openreferral.openapi", _external=True),
            "extensions": EXTENSIONS,
        }
    )


@bp.get("/openapi.json")
@access("public")
def openapi():
    path = DATA_DIR / "oruk" / "openapi.json"
    return current_app.response_class(path.read_text(), mimetype="application/json")


@bp.get("/services")
@access("public")
def services():
    page, per_page = _paging()
    query = service_query()
    session = get_session()
    statement = select(Service).where(*query.conditions)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    if query.ranked is not None:
        order = {sid: i for i, sid in enumerate(query.ranked)}
        matching_ids = session.exec(select(Service.id).where(*query.conditions))
        ids = sorted(matching_ids, key=lambda sid: order[sid])
        ids = ids[(page - 1) * per_page : page * per_page]
        rows = {
            s.id: s
            for s in session.exec(select(Service).where(col(Service.id).in_(ids)).options(*load_options()))
        }
        items = [rows[i] for i in ids]
    else:
        items = list(
            session.exec(
                statement.order_by(Service.name, Service.id)
                .offset((page - 1) * per_page)
                .limit(per_page)
                .options(*load_options())
            )
        )
    return jsonify(_page([_one_to_one(s) for s in items], total, page, per_page))


@bp.get("/services/<service_id>")
@access("public")
def service(service_id: str):
    record = get_service(get_session(), service_id)
    if record.merged_into_id:
        return redirect(url_for("openreferral.service", service_id=record.merged_into_id), 301)
    return jsonify(_full(record))


def _needs_terms() -> list[dict]:
    tax = taxonomy()
    return [
        {
            "id": need_term_id(code),
            "name": tax.label(code),
            "description": tax.need(code).description or tax.label(code),
            "taxonomy": "Social prescribing needs",
            "taxonomy_id": NEEDS_TAXONOMY_ID,
            "term": code,
        }
        for code in tax.codes()
    ]


@bp.get("/taxonomies")
@access("public")
def taxonomies():
    page, per_page = _paging()
    items = [NEEDS_TAXONOMY]
    items += [_taxonomy(t) for t in get_session().exec(select(Taxonomy).order_by(Taxonomy.name))]
    return jsonify(_page(items[(page - 1) * per_page : page * per_page], len(items), page, per_page))


@bp.get("/taxonomies/<taxonomy_id>")
@access("public")
def taxonomy_detail(taxonomy_id: str):
    if taxonomy_id == NEEDS_TAXONOMY_ID:
        return jsonify({**NEEDS_TAXONOMY, "taxonomy_terms": _needs_terms()})
    session = get_session()
    record = session.get(Taxonomy, taxonomy_id)
    if record is None:
        raise NotFound(f"No taxonomy {taxonomy_id}.")
    terms = session.exec(
        select(TaxonomyTerm).where(TaxonomyTerm.taxonomy_id == taxonomy_id).order_by(TaxonomyTerm.name)
    )
    return jsonify(
        {**_taxonomy(record), "taxonomy_terms": [_public(taxonomy_term_to_oruk(t)) for t in terms]}
    )


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
        items += [_public(taxonomy_term_to_oruk(t)) for t in get_session().exec(statement)]
    return jsonify(_page(items[(page - 1) * per_page : page * per_page], len(items), page, per_page))


@bp.get("/taxonomy_terms/<term_id>")
@access("public")
def taxonomy_term(term_id: str):
    for term in _needs_terms():
        if term["id"] == term_id:
            return jsonify(term)
    record = get_session().get(TaxonomyTerm, term_id)
    if record is None:
        raise NotFound(f"No taxonomy term {term_id}.")
    return jsonify(_public(taxonomy_term_to_oruk(record)))


def _place(session):
    """The postcode's point and the radius in km, or (None, None); errors name the parameter."""
    postcode = (request.args.get("postcode") or "").strip()
    proximity_raw = (request.args.get("proximity") or "").strip()
    errors = {}
    proximity = None
    if proximity_raw:
        try:
            proximity = float(proximity_raw)
            if not 1 <= proximity <= 200_000:  # also false for NaN
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
    return place, (proximity or 200_000) / 1000, errors


@bp.get("/service_at_locations")
@access("public")
def service_at_locations():
    """Nearest first when a postcode is given, else in text-search order, else by id."""
    page, per_page = _paging()
    session = get_session()
    errors: dict[str, str] = {}
    try:
        query = service_query()
    except ValidationError as error:
        errors.update(error.fields)
    place, radius_km, place_errors = _place(session)
    errors.update(place_errors)
    if errors:
        raise ValidationError("Some parameters are not valid.", errors)
    statement = (
        select(ServiceAtLocation, Location)
        .join(Location, col(Location.id) == col(ServiceAtLocation.location_id))
        .join(Service, col(Service.id) == col(ServiceAtLocation.service_id))
        .where(*query.conditions)
    )
    pairs: list[tuple[ServiceAtLocation, Location, float | None]]
    if place is None and query.ranked is None:
        total = session.exec(select(func.count()).select_from(statement.subquery())).one()
        rows = list(
            session.exec(
                statement.order_by(ServiceAtLocation.id).offset((page - 1) * per_page).limit(per_page)
            )
        )
        pairs = [(link, location, None) for link, location in rows]
    elif place is None:
        assert query.ranked is not None  # narrowed by the branch above
        order = {sid: i for i, sid in enumerate(query.ranked)}
        ranked = sorted(session.exec(statement), key=lambda row: (order[row[0].service_id], row[0].id))
        total = len(ranked)
        pairs = [(link, location, None) for link, location in ranked[(page - 1) * per_page : page * per_page]]
    else:
        box = radius_km / 111.0
        statement = statement.where(
            col(Location.latitude).between(place.lat - box, place.lat + box),
            col(Location.longitude).between(place.lng - box * 1.8, place.lng + box * 1.8),
        )
        measured: list[tuple[ServiceAtLocation, Location, float | None]] = []
        for link, location in session.exec(statement):
            if location.latitude is None or location.longitude is None:
                continue
            if not (-90 <= location.latitude <= 90 and -180 <= location.longitude <= 180):
                continue
            km = geo.distance_km((place.lat, place.lng), (location.latitude, location.longitude))
            if km <= radius_km:
                measured.append((link, location, km))
        measured.sort(key=lambda item: (item[2] or 0.0, item[0].id))
        total = len(measured)
        pairs = measured[(page - 1) * per_page : page * per_page]
    services = {
        s.id: s
        for s in session.exec(
            select(Service)
            .where(col(Service.id).in_([link.service_id for link, _, _ in pairs]))
            .options(*load_options())
        )
    }
    items = []
    for link, location, distance in pairs:
        # The profile's list carries one-to-one fields only; addresses are in the nested service.
        one_to_one = _flat(_public(location_to_oruk(location)))
        item: dict[str, object] = {
            "id": link.id,
            "service_id": link.service_id,
            "location_id": location.id,
            "location": one_to_one,
            "service": _one_to_one(services[link.service_id]),
        }
        if distance is not None:
            item["distance"] = round(distance * 1000)
        items.append(item)
    return jsonify(_page(items, total, page, per_page))


@bp.get("/service_at_locations/<link_id>")
@access("public")
def service_at_location(link_id: str):
    session = get_session()
    link = session.get(ServiceAtLocation, link_id)
    if link is None:
        raise NotFound(f"No service_at_location {link_id}.")
    record = get_service(session, link.service_id)
    if record.merged_into_id:
        raise NotFound(
            f"Service_at_location {link_id} belonged to a service merged into {record.merged_into_id}."
        )
    full = _full(record)
    full["service_at_locations"] = [
        item for item in full.get("service_at_locations", []) if item["id"] == link_id
    ]
    return jsonify(full)
