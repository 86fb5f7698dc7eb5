"""Open Referral UK 3.0 ⇄ our tables.

Import keeps, for every object, which properties the publisher sent (``extra["_oruk_keys"]``) and any
property we do not model (the rest of ``extra``). Export writes back exactly those properties, so a
record imported then exported equals the input field for field. Records created here have no key
list and export every property that has a value.
"""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any, get_args

from sqlmodel import Session, SQLModel

from ..models import (Accessibility, Address, Attribute, Contact, CostOption, Language, Location,
                      Organization, Phone, Schedule, Service, ServiceArea, ServiceAtLocation,
                      TaxonomyTerm)

KEYS = "_oruk_keys"

# The ORUK scalar properties each table stores as columns.
SCALARS: dict[type, tuple[str, ...]] = {
    Service: ("id", "organization_id", "name", "description", "url", "email", "status", "fees",
              "accreditations", "minimum_age", "maximum_age", "assured_date", "assurer_email",
              "alert", "last_modified"),
    Organization: ("id", "name", "description", "email", "website", "logo", "uri",
                   "parent_organization_id"),
    Location: ("id", "location_type", "name", "description", "latitude", "longitude",
               "external_identifier", "external_identifier_type"),
    ServiceAtLocation: ("id", "service_id", "location_id"),
    Address: ("id", "location_id", "attention", "address_1", "city", "region", "state_province",
              "postal_code", "country", "address_type"),
    Accessibility: ("id", "location_id", "description", "details", "url", "accessibility"),
    Schedule: ("id", "service_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
               "freq", "interval", "byday", "bymonthday", "description", "opens_at", "closes_at",
               "schedule_link", "attending_type", "notes"),
    CostOption: ("id", "service_id", "valid_from", "valid_to", "option", "amount", "amount_description"),
    Contact: ("id", "service_id", "name", "title"),
    Phone: ("id", "service_id", "contact_id", "number", "description"),
    ServiceArea: ("id", "service_id", "name", "extent", "extent_type", "uri", "service_area"),
    Language: ("id", "service_id", "phone_id"),
    Attribute: ("id", "link_id", "taxonomy_term_id", "link_type"),
    TaxonomyTerm: ("id", "name", "description", "parent_id", "taxonomy", "taxonomy_id", "term_uri", "term"),
}
# Properties the standard requires: exported even when empty (e.g. a UK address has no "state").
REQUIRED: dict[type, set[str]] = {
    Address: {"address_1", "city", "state_province", "postal_code", "country", "address_type"},
    Organization: {"description"},
    TaxonomyTerm: {"description"},
}
# Nested lists under a service, in the order ORUK lists them.
SERVICE_CHILDREN = (
    ("schedules", Schedule), ("service_areas", ServiceArea), ("languages", Language),
    ("cost_options", CostOption), ("contacts", Contact), ("phones", Phone), ("attributes", Attribute),
)
# Properties that hold objects we store in tables of their own; anything else unmodelled is kept
# verbatim in ``extra`` (e.g. organization_identifiers, funding, a location's attributes).
NESTED: dict[type, set[str]] = {
    Service: {"organization", "service_at_locations"} | {name for name, _ in SERVICE_CHILDREN},
    ServiceAtLocation: {"location"},
    Location: {"addresses", "accessibility"},
    Attribute: {"taxonomy_term"},
}


class OrukError(ValueError):
    """A record does not fit the standard; ``field`` names where."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# --- values ----------------------------------------------------------------------------------

def _column_type(cls: type, column: str) -> type:
    annotation = cls.model_fields[column].annotation
    return next((a for a in get_args(annotation) if a is not type(None)), annotation)


def _to_column(cls: type, column: str, value: Any, where: str) -> Any:
    if value is None:
        return None
    kind = _column_type(cls, column)
    try:
        if kind is datetime:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        if kind is date:
            return date.fromisoformat(str(value)[:10])
        if kind is time:
            return time.fromisoformat(str(value))
        if kind is int:
            if isinstance(value, bool) or float(value) != int(float(value)):
                raise ValueError
            return int(float(value))
        if kind is float:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if kind is bool:
            return bool(value)
    except (TypeError, ValueError):
        raise OrukError(where, f"'{value}' is not a valid {column}.") from None
    if not isinstance(value, str):
        raise OrukError(where, f"{column} should be text, not {type(value).__name__}.")
    return value


def _from_column(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fill(obj: SQLModel, data: dict, where: str) -> SQLModel:
    if not isinstance(data, dict):
        raise OrukError(where, "should be an object.")
    columns = SCALARS[type(obj)]
    extra = {}
    for key, value in data.items():
        if key in columns:
            setattr(obj, key, _to_column(type(obj), key, value, f"{where}.{key}"))
        elif key not in NESTED.get(type(obj), ()):
            extra[key] = value
    extra[KEYS] = list(data.keys())
    obj.extra = extra
    return obj


def _dump(obj: SQLModel, nested: dict[str, Any]) -> dict:
    extra = dict(obj.extra or {})
    keys = extra.pop(KEYS, None)
    out: dict[str, Any] = {}
    if keys is None:
        for column in SCALARS[type(obj)]:
            value = getattr(obj, column)
            if value is not None and (value != "" or column in REQUIRED.get(type(obj), ())):
                out[column] = _from_column(value)
        out.update({k: v for k, v in nested.items() if v not in (None, [])})
        out.update(extra)
        return out
    for key in keys:
        if key in nested:
            out[key] = nested[key]
        elif key in SCALARS[type(obj)]:
            out[key] = _from_column(getattr(obj, key))
        elif key in extra:
            out[key] = extra[key]
    return out


# --- import ----------------------------------------------------------------------------------

def _require(data: dict, keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        if data.get(key) in (None, ""):
            raise OrukError(f"{where}.{key}", f"{key} is required.")


def apply_oruk(session: Session, service: Service, data: dict) -> Service:
    """Set ``service`` (new or existing) and its children from one ORUK service object."""
    _require(data, ("id", "name", "status"), "service")
    status = data.get("status")
    if status not in ("active", "inactive", "defunct", "temporarily closed"):
        raise OrukError("service.status", f"'{status}' is not an ORUK status.")
    # The service's own id is chosen by the importer (the publisher's, unless another publisher
    # already uses it), so it is not taken from the data here.
    data = {key: value for key, value in data.items() if key != "id"}
    _fill(service, data, "service")
    service.extra[KEYS] = ["id"] + service.extra[KEYS]

    organization = data.get("organization")
    if organization is not None:
        _require(organization, ("id", "name"), "service.organization")
        org = session.get(Organization, organization["id"]) or Organization(id=organization["id"], name="")
        _fill(org, organization, "service.organization")
        session.add(org)
        service.organization = org
        service.organization_id = org.id
    elif data.get("organization_id"):
        service.organization_id = data["organization_id"]

    for name, cls in SERVICE_CHILDREN:
        rows = []
        for position, item in enumerate(data.get(name) or []):
            where = f"service.{name}[{position}]"
            _require(item, ("id",), where)
            row = _fill(cls(id=item["id"], service_id=service.id, position=position,
                            **({"number": ""} if cls is Phone else {})), item, where)
            if cls is Phone:
                _require(item, ("number",), where)
            if cls is Attribute:
                row.taxonomy_term = _taxonomy_term(session, item.get("taxonomy_term"), where)
                if row.taxonomy_term is not None:
                    row.taxonomy_term_id = row.taxonomy_term.id
            rows.append(row)
        setattr(service, name, rows)

    links = []
    for position, item in enumerate(data.get("service_at_locations") or []):
        where = f"service.service_at_locations[{position}]"
        _require(item, ("id",), where)
        link = _fill(ServiceAtLocation(id=item["id"], service_id=service.id, location_id="", position=position),
                     item, where)
        location_data = item.get("location")
        if location_data is None:
            raise OrukError(f"{where}.location", "location is required.")
        link.location = _location(session, location_data, f"{where}.location")
        link.location_id = link.location.id
        links.append(link)
    service.service_at_locations = links
    return service


def _location(session: Session, data: dict, where: str) -> Location:
    _require(data, ("id", "location_type"), where)
    location = session.get(Location, data["id"]) or Location(id=data["id"])
    _fill(location, data, where)
    addresses = []
    for position, item in enumerate(data.get("addresses") or []):
        _require(item, ("id",), f"{where}.addresses[{position}]")
        addresses.append(_fill(Address(id=item["id"], location_id=location.id, position=position),
                               item, f"{where}.addresses[{position}]"))
    location.addresses = addresses
    access = []
    for position, item in enumerate(data.get("accessibility") or []):
        _require(item, ("id",), f"{where}.accessibility[{position}]")
        access.append(_fill(Accessibility(id=item["id"], location_id=location.id, position=position),
                            item, f"{where}.accessibility[{position}]"))
    location.accessibility = access
    session.add(location)
    return location


def _taxonomy_term(session: Session, data: dict | None, where: str) -> TaxonomyTerm | None:
    if data is None:
        return None
    _require(data, ("id", "name"), f"{where}.taxonomy_term")
    term = session.get(TaxonomyTerm, data["id"]) or TaxonomyTerm(id=data["id"], name="")
    _fill(term, data, f"{where}.taxonomy_term")
    session.add(term)
    return term


# --- export ----------------------------------------------------------------------------------

def service_to_oruk(service: Service) -> dict:
    nested: dict[str, Any] = {}
    if service.organization is not None:
        nested["organization"] = organization_to_oruk(service.organization)
    for name, _cls in SERVICE_CHILDREN:
        items = []
        for row in getattr(service, name):
            inner = {}
            if isinstance(row, Attribute) and row.taxonomy_term is not None:
                inner["taxonomy_term"] = _dump(row.taxonomy_term, {})
            items.append(_dump(row, inner))
        nested[name] = items
    nested["service_at_locations"] = [
        _dump(link, {"location": location_to_oruk(link.location)}) for link in service.service_at_locations
    ]
    return _dump(service, nested)


def organization_to_oruk(organization: Organization) -> dict:
    return _dump(organization, {})


def location_to_oruk(location: Location) -> dict:
    return _dump(location, {
        "addresses": [_dump(a, {}) for a in location.addresses],
        "accessibility": [_dump(a, {}) for a in location.accessibility],
    })


def taxonomy_term_to_oruk(term: TaxonomyTerm) -> dict:
    return _dump(term, {})
