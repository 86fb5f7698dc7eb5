"""Open Referral UK 3.0 ⇄ our tables.

Import keeps, for every object, which properties the publisher sent (``extra["_oruk_keys"]``) and any
property we do not model (the rest of ``extra``). Export writes back exactly those properties, so a
record imported then exported equals the input field for field. Records created here have no key
list and export every property that has a value.

Ids are ours. A publisher's ids are text we do not control (``../../x``, dots, 600 bytes) and are
only unique within their feed, so every object gets an id derived from who published it
(``scoped_id``); the publisher's ids and references are kept as given (``extra["_oruk_ids"]``)
and written back by ``published_ids=True`` (file export, round trips). The ORUK API serves our ids,
which resolve and are unique across publishers.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar, get_args

from sqlmodel import Session, SQLModel, col, select

from matching.markup import plain_text

from ..models import directory as tables
from ..models import table_of

Row = TypeVar("Row", bound=tables.OrukRecord)

KEYS = "_oruk_keys"
PUBLISHED = "_oruk_ids"
# Properties holding an id: never stored as the publisher wrote them, always mapped to ours.
REFERENCES = {
    "id",
    "service_id",
    "location_id",
    "organization_id",
    "service_at_location_id",
    "contact_id",
    "phone_id",
    "link_id",
    "taxonomy_term_id",
    "parent_id",
    "taxonomy_id",
    "parent_organization_id",
}
ID_NAMESPACE = uuid.UUID("3d0c7c9e-8a51-4b4e-9f0e-5b2a6f1d7c44")
# Properties people read: a scraped page's markup ("<p>", "&pound;") is kept out of them, so pages
# show the words and the understanding step reads them (matching/markup.py).
PROSE = frozenset(
    {
        "name",
        "alternate_name",
        "description",
        "eligibility_description",
        "alert",
        "fees",
        "fees_description",
        "accreditations",
        "application_process",
        "wait_time",
        "details",
        "accessibility",
        "notes",
        "option",
        "amount_description",
    }
)

# The ORUK scalar properties each table stores as columns.
SCALARS: dict[type, tuple[str, ...]] = {
    tables.Service: (
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "fees",
        "accreditations",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "alert",
        "last_modified",
    ),
    tables.Organization: (
        "id",
        "name",
        "description",
        "email",
        "website",
        "logo",
        "uri",
        "parent_organization_id",
    ),
    tables.Location: (
        "id",
        "location_type",
        "name",
        "description",
        "latitude",
        "longitude",
        "external_identifier",
        "external_identifier_type",
    ),
    tables.ServiceAtLocation: ("id", "service_id", "location_id"),
    tables.Address: (
        "id",
        "location_id",
        "attention",
        "address_1",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ),
    tables.Accessibility: ("id", "location_id", "description", "details", "url", "accessibility"),
    tables.Schedule: (
        "id",
        "service_id",
        "service_at_location_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "freq",
        "interval",
        "byday",
        "bymonthday",
        "description",
        "opens_at",
        "closes_at",
        "schedule_link",
        "attending_type",
        "notes",
    ),
    tables.CostOption: (
        "id",
        "service_id",
        "valid_from",
        "valid_to",
        "option",
        "amount",
        "amount_description",
    ),
    tables.Contact: ("id", "service_id", "name", "title"),
    tables.Phone: ("id", "service_id", "contact_id", "number", "description"),
    tables.ServiceArea: ("id", "service_id", "name", "extent", "extent_type", "uri", "service_area"),
    tables.Language: ("id", "service_id", "phone_id"),
    tables.Attribute: ("id", "link_id", "taxonomy_term_id", "link_type"),
    tables.TaxonomyTerm: (
        "id",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "taxonomy_id",
        "term_uri",
        "term",
    ),
}
# Properties the standard requires: exported even when empty (e.g. a UK address has no "state").
REQUIRED: dict[type, set[str]] = {
    tables.Address: {"address_1", "city", "state_province", "postal_code", "country", "address_type"},
    tables.Organization: {"description"},
    tables.TaxonomyTerm: {"description"},
}
# Nested lists under a service, in the order ORUK lists them.
SERVICE_CHILDREN = (
    ("schedules", tables.Schedule),
    ("service_areas", tables.ServiceArea),
    ("languages", tables.Language),
    ("cost_options", tables.CostOption),
    ("contacts", tables.Contact),
    ("phones", tables.Phone),
    ("attributes", tables.Attribute),
)
# Properties that hold objects we store in tables of their own; anything else unmodelled is kept
# verbatim in ``extra`` (e.g. organization_identifiers, funding, a location's attributes).
NESTED: dict[type, set[str]] = {
    tables.Service: {"organization", "service_at_locations"} | {name for name, _ in SERVICE_CHILDREN},
    tables.ServiceAtLocation: {"location"},
    tables.Location: {"addresses", "accessibility"},
    tables.Attribute: {"taxonomy_term"},
}


class OrukError(ValueError):
    """A record does not fit the standard; ``field`` names where."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# --- values ----------------------------------------------------------------------------------


def _column_type(cls: type[SQLModel], column: str) -> Any:
    annotation = cls.model_fields[column].annotation
    return next((a for a in get_args(annotation) if a is not type(None)), annotation)


def _to_column(cls: type[SQLModel], column: str, value: Any, where: str) -> Any:
    if value is None:
        # A null where we always keep a value ("state_province": null in an address): the
        # column's own default ("", "GB"), as if the property had not been sent.
        field = cls.model_fields[column]
        optional = type(None) in get_args(field.annotation)
        return None if optional or field.is_required() else field.get_default(call_default_factory=True)
    kind = _column_type(cls, column)
    # Feeds leave typed fields blank ("latitude": ""): that is a missing value, as null is, and the
    # venue is then placed from its postcode.
    if kind is not str and isinstance(value, str) and not value.strip():
        return None
    try:
        if kind is datetime:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        if kind is date:
            return date.fromisoformat(str(value)[:10])
        if kind is time:
            return time.fromisoformat(clock_time(value) or str(value))
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


_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.I)
_NOON = re.compile(r"^(?:12\s*)?(?:noon|midday)$", re.I)


def clock_time(value: object) -> str | None:
    """Times as v1 feeds write them ("10am", "2.30pm", "16:00", "09:30:00", "12 noon") as
    HH:MM:SS; None for what is not a time."""
    text = str(value if value is not None else "").strip()
    if _NOON.match(text):
        return "12:00:00"
    found = _CLOCK.match(text)
    if not found:
        return None
    hour, minute, second = int(found.group(1)), int(found.group(2) or 0), int(found.group(3) or 0)
    half = (found.group(4) or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def _from_column(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def scoped_id(scope: str, kind: str, published: Any) -> str:
    """Our id for a publisher's object: the same for the same (scope, kind, id), so a re-import finds
    it again, different across scopes (publishers, services), and never the publisher's text."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{scope}\x1f{kind}\x1f{published}"))


def _fill(obj: Row, data: dict, where: str) -> Row:
    """Set columns and ``extra`` from ``data``; id properties are the caller's to set (ours)."""
    if not isinstance(data, dict):
        raise OrukError(where, "should be an object.")
    columns = SCALARS[type(obj)]
    extra = {}
    published = {}
    for key, value in data.items():
        if key in PROSE and isinstance(value, str):
            value = plain_text(value)
        if key in columns and key in REFERENCES:
            published[key] = value
        elif key in columns:
            setattr(obj, key, _to_column(type(obj), key, value, f"{where}.{key}"))
        elif key not in NESTED.get(type(obj), ()):
            extra[key] = value
    extra[KEYS] = list(data.keys())
    if published:
        extra[PUBLISHED] = published
    obj.extra = extra
    return obj


def _dump(obj: Row, nested: dict[str, Any], published_ids: bool = False) -> dict:
    extra = dict(obj.extra or {})
    keys = extra.pop(KEYS, None)
    given = extra.pop(PUBLISHED, None) or {}
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
        elif published_ids and key in given:
            out[key] = given[key]
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


def apply_oruk(session: Session, service: tables.Service, data: dict, publisher: str) -> tables.Service:
    """Set ``service`` (new or existing) and its children from one ORUK service object.

    The service's own id is the importer's (always ours); shared objects (organisations,
    locations, taxonomy terms) are scoped to the publisher, so one feed can never rewrite
    another's; the rest are scoped to the service."""
    _require(data, ("id", "name", "status"), "service")
    status = data.get("status")
    if status not in ("active", "inactive", "defunct", "temporarily closed"):
        raise OrukError("service.status", f"'{status}' is not an ORUK status.")
    published_id = data["id"]
    _fill(service, {key: value for key, value in data.items() if key != "id"}, "service")
    service.extra[KEYS] = ["id"] + service.extra[KEYS]
    service.extra[PUBLISHED] = {"id": published_id, **(service.extra.get(PUBLISHED) or {})}

    organization = data.get("organization")
    if organization is not None:
        _require(organization, ("id", "name"), "service.organization")
        org = _shared(session, tables.Organization, publisher, organization["id"], name="")
        _fill(org, organization, "service.organization")
        org.publisher = publisher
        if organization.get("parent_organization_id") not in (None, ""):
            org.parent_organization_id = scoped_id(
                publisher, "organization", organization["parent_organization_id"]
            )
        session.add(org)
        service.organization = org
        service.organization_id = org.id
    elif data.get("organization_id") not in (None, ""):
        org_id = scoped_id(publisher, "organization", data["organization_id"])
        service.organization_id = org_id if find_shared(session, tables.Organization, org_id) else None

    def ours(kind: str, value: Any) -> str | None:
        return scoped_id(service.id, kind, value) if value not in (None, "") else None

    for name, cls in SERVICE_CHILDREN:
        rows = []
        seen: set[str] = set()
        for position, item in enumerate(data.get(name) or []):
            where = f"service.{name}[{position}]"
            _require(item, ("id",), where)
            # _require has ruled out an empty id, which ours() would turn into None.
            row_id = _unique(scoped_id(service.id, cls.__tablename__, item["id"]), seen, where)
            required: dict[str, Any] = {"number": ""} if cls is tables.Phone else {}
            row = _fill(
                cls(id=row_id, service_id=service.id, position=position, **required),
                item,
                where,
            )
            if isinstance(row, tables.Phone):
                _require(item, ("number",), where)
                row.contact_id = ours("contact", item.get("contact_id"))
            elif isinstance(row, tables.Schedule):
                row.service_at_location_id = ours("service_at_location", item.get("service_at_location_id"))
            elif isinstance(row, tables.Language):
                row.phone_id = ours("phone", item.get("phone_id"))
            elif isinstance(row, tables.Attribute):
                # Attributes listed under a service describe that service.
                row.link_id = service.id if item.get("link_id") not in (None, "") else None
                row.taxonomy_term = _taxonomy_term(session, item.get("taxonomy_term"), where, publisher)
                if row.taxonomy_term is not None:
                    row.taxonomy_term_id = row.taxonomy_term.id
                elif item.get("taxonomy_term_id") not in (None, ""):
                    term_id = scoped_id(publisher, "taxonomy_term", item["taxonomy_term_id"])
                    row.taxonomy_term_id = (
                        term_id if find_shared(session, tables.TaxonomyTerm, term_id) else None
                    )
            rows.append(row)
        setattr(service, name, rows)

    links = []
    seen_links: set[str] = set()
    for position, item in enumerate(data.get("service_at_locations") or []):
        where = f"service.service_at_locations[{position}]"
        _require(item, ("id",), where)
        link = _fill(
            tables.ServiceAtLocation(
                id=_unique(scoped_id(service.id, "service_at_location", item["id"]), seen_links, where),
                service_id=service.id,
                location_id="",
                position=position,
            ),
            item,
            where,
        )
        location_data = item.get("location")
        if location_data is None:
            raise OrukError(f"{where}.location", "location is required.")
        link.location = _location(session, location_data, f"{where}.location", publisher)
        link.location_id = link.location.id
        links.append(link)
    service.service_at_locations = links
    return service


def _unique(row_id: str, seen: set[str], where: str) -> str:
    if row_id in seen:
        raise OrukError(f"{where}.id", "This id is used twice in the same list.")
    seen.add(row_id)
    return row_id


# session.info key: the shared objects a batch of records may name, found before the batch in
# one query per kind (``prefetch_shared``) and joined by those its records create. With it a
# record looks nothing up by id, so a batch needs no flush between its records: the flush a
# lookup would otherwise trigger reads the whole session each time, which made a batch's cost
# grow with the square of its size.
SHARED_ROWS = "oruk_shared_rows"
# (class, where its published id sits in a record)
SHARED_KINDS: tuple[tuple[type[SQLModel], tuple[str, ...]], ...] = (
    (tables.Organization, ("organization", "id")),
    (tables.Location, ("service_at_locations", "location", "id")),
    (tables.TaxonomyTerm, ("attributes", "taxonomy_term", "id")),
)


def _shared(session: Session, cls: type[Row], publisher: str, published: Any, **defaults) -> Row:
    """An object a publisher's records share (a venue, an organisation, a term): this publisher's own."""
    row_id = scoped_id(publisher, table_of(cls).name, published)
    known = session.info.get(SHARED_ROWS)
    if known is None:
        return session.get(cls, row_id) or cls(id=row_id, **defaults)
    if (cls, row_id) not in known:
        # Not found before the batch (an ORUK v1 record names it only once converted): look it
        # up once, and keep what this batch makes of it for the records after.
        known[(cls, row_id)] = session.get(cls, row_id)
    row = known[(cls, row_id)]
    if row is None:
        row = known[(cls, row_id)] = cls(id=row_id, **defaults)
    return row


def find_shared(session: Session, cls: type[Row], row_id: str) -> Row | None:
    """A shared object in the directory or made earlier in this batch, or None."""
    known = session.info.get(SHARED_ROWS) or {}
    return known.get((cls, row_id)) or session.get(cls, row_id)


def _published_ids(item: Any, path: tuple[str, ...]) -> list[Any]:
    """The ids at ``path`` in one record (lists walked), whatever else the record holds."""
    values = [item]
    for step in path:
        found: list[Any] = []
        for value in values:
            inner = value.get(step) if isinstance(value, dict) else None
            found.extend(inner if isinstance(inner, list) else [inner])
        values = found
    return [v for v in values if isinstance(v, str | int) and not isinstance(v, bool) and v != ""]


def prefetch_shared(session: Session, items: list[Any], publisher: str) -> dict:
    """The organisations, venues and taxonomy terms a batch names, as they stand in the directory
    (None for those it does not hold yet): see SHARED_ROWS."""
    known: dict = {}
    for cls, path in SHARED_KINDS:
        table = str(cls.__tablename__)
        ids = {scoped_id(publisher, table, v) for item in items for v in _published_ids(item, path)}
        listed = sorted(ids)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            found = {row.id: row for row in session.exec(select(cls).where(col(cls.id).in_(chunk)))}  # type: ignore[attr-defined]
            known.update({(cls, row_id): found.get(row_id) for row_id in chunk})
    return known


def _location(session: Session, data: dict, where: str, publisher: str) -> tables.Location:
    _require(data, ("id", "location_type"), where)
    location = _shared(session, tables.Location, publisher, data["id"])
    _fill(location, data, where)
    for name, cls in (("addresses", tables.Address), ("accessibility", tables.Accessibility)):
        rows = []
        seen: set[str] = set()
        # "accessibilities" is not ORUK's name for a venue's access notes, but feeds write it
        given = data.get(name) or (data.get("accessibilities") if name == "accessibility" else None) or []
        for position, item in enumerate(given):
            at = f"{where}.{name}[{position}]"
            _require(item, ("id",), at)
            row_id = _unique(scoped_id(location.id, cls.__tablename__, item["id"]), seen, at)
            rows.append(_fill(cls(id=row_id, location_id=location.id, position=position), item, at))
        setattr(location, name, rows)
    session.add(location)
    return location


def _taxonomy_term(
    session: Session, data: dict | None, where: str, publisher: str
) -> tables.TaxonomyTerm | None:
    if data is None:
        return None
    _require(data, ("id", "name"), f"{where}.taxonomy_term")
    term = _shared(session, tables.TaxonomyTerm, publisher, data["id"], name="")
    _fill(term, data, f"{where}.taxonomy_term")
    if data.get("parent_id") not in (None, ""):
        term.parent_id = scoped_id(publisher, "taxonomy_term", data["parent_id"])
    if data.get("taxonomy_id") not in (None, ""):
        term.taxonomy_id = scoped_id(publisher, "taxonomy", data["taxonomy_id"])
    session.add(term)
    return term


# --- export ----------------------------------------------------------------------------------


# Kept in Service.understanding: the ages a feed itself sent, before the understanding step read
# them (understanding.py); an export gives them back where it set them aside.
DECLARED = "declared"
DECLARED_AGES = ("minimum_age", "maximum_age")


def _ages_as_sent(service: tables.Service, out: dict) -> dict:
    """The understanding step reads a feed's 0 and 100/120 as "no limit": the service answers
    matching without them, but the ORUK object gives back what the publisher sent (a curator's
    choice stands)."""
    declared = (service.understanding or {}).get(DECLARED) or {}
    curated = service.curated or {}
    for key in DECLARED_AGES:
        if out.get(key) is None and declared.get(key) is not None and key not in curated:
            out[key] = declared[key]
    return out


def service_to_oruk(service: tables.Service, published_ids: bool = False) -> dict:
    """The ORUK service object: with our ids (the API), or with ``published_ids`` the ids exactly
    as the publisher gave them (a file export that round-trips to the publisher's feed)."""
    nested: dict[str, Any] = {}
    if service.organization is not None:
        nested["organization"] = organization_to_oruk(service.organization, published_ids)
    for name, _cls in SERVICE_CHILDREN:
        items = []
        for row in getattr(service, name):
            inner = {}
            if isinstance(row, tables.Attribute) and row.taxonomy_term is not None:
                inner["taxonomy_term"] = _dump(row.taxonomy_term, {}, published_ids)
            items.append(_dump(row, inner, published_ids))
        nested[name] = items
    nested["service_at_locations"] = [
        _dump(link, {"location": location_to_oruk(link.location, published_ids)}, published_ids)
        for link in service.service_at_locations
    ]
    return _ages_as_sent(service, _dump(service, nested, published_ids))


def organization_to_oruk(organization: tables.Organization, published_ids: bool = False) -> dict:
    return _dump(organization, {}, published_ids)


def location_to_oruk(location: tables.Location, published_ids: bool = False) -> dict:
    return _dump(
        location,
        {
            "addresses": [_dump(a, {}, published_ids) for a in location.addresses],
            "accessibility": [_dump(a, {}, published_ids) for a in location.accessibility],
        },
        published_ids,
    )


def taxonomy_term_to_oruk(term: tables.TaxonomyTerm, published_ids: bool = False) -> dict:
    return _dump(term, {}, published_ids)
