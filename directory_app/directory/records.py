"""Between the flat service input (forms, JSON, CSV) and the ORUK tables.

``input_from_service`` reads a record as the flat shape; ``apply_input`` writes the flat shape back,
replacing only the parts whose flat values changed, so that editing one field of an imported record
does not flatten the rest of the publisher's detail.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from sqlmodel import Session, select

from ..models import directory as tables
from ..models import utcnow
from . import geo, understanding
from .oruk import KEYS, SCALARS
from .service_input import ScheduleEntry, ServiceInput, format_schedule, parse_schedule

GROUPS = {
    "schedule": ("schedule",),
    "cost": ("cost_amount", "cost_description"),
    "phone": ("phone",),
    "location": (
        "location_name",
        "address_1",
        "city",
        "postcode",
        "latitude",
        "longitude",
        "wheelchair",
        "accessibility",
    ),
    "service_area": ("service_area",),
    "languages": ("languages",),
}


def status_to_oruk(status: str) -> str:
    return status.replace("_", " ")


def status_from_oruk(status: str) -> str:
    return status.replace(" ", "_")


def _primary_location(service: tables.Service) -> tables.Location | None:
    return service.service_at_locations[0].location if service.service_at_locations else None


def input_from_service(service: tables.Service) -> dict:
    """The flat view of a record, as the edit form and the CSV export show it."""
    location = _primary_location(service)
    address = location.addresses[0] if location and location.addresses else None
    cost = next((c for c in service.cost_options if c.amount is not None or c.amount_description), None)
    return {
        "external_id": service.external_id,
        "name": service.name,
        "organization": service.organization.name if service.organization else "",
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "phone": service.phones[0].number if service.phones else None,
        "status": status_from_oruk(service.status),
        "needs": list(service.needs),
        "taxonomy_terms": list(service.taxonomy_codes),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "cost": service.cost_band if service.cost_band != "unknown" else None,
        "cost_amount": cost.amount if cost else None,
        "cost_description": (cost.amount_description or cost.option) if cost else None,
        "schedule": format_schedule(_entries(service.schedules)) or None,
        "schedule_description": service.schedule_text,
        "location_name": location.name if location else None,
        "address_1": address.address_1 if address else None,
        "city": address.city if address else None,
        "postcode": location.postcode if location else None,
        "latitude": location.latitude if location else None,
        "longitude": location.longitude if location else None,
        "wheelchair": location.wheelchair if location else None,
        "accessibility": "; ".join(a.description or a.accessibility or "" for a in location.accessibility)
        or None
        if location
        else None,
        "delivery": list(service.delivery),
        "referral_route": list(service.referral_routes),
        "eligibility": list(service.eligibility),
        "situations": understanding.situation_codes(service),
        "residency": understanding.residency_as_words(service),
        "season": understanding.season_as_words(service),
        "area_wide": service.area_wide,
        "service_area": [a.service_area or a.name for a in service.service_areas if a.service_area or a.name],
        "languages": [
            (lang.extra or {}).get("code") for lang in service.languages if (lang.extra or {}).get("code")
        ],
        "accepting_referrals": service.accepting_referrals,
        "wait_weeks": service.wait_weeks,
        "last_verified_at": service.last_verified_at.date() if service.last_verified_at else None,
    }


def _entries(schedules: list[tables.Schedule]) -> list[ScheduleEntry]:
    # Only rules with days and times make an entry; a publisher's "1TU" (first Tuesday) implies a
    # monthly rule whatever FREQ they sent.
    return [
        ScheduleEntry(
            byday=[d.strip() for d in s.byday.split(",") if d.strip()],
            opens_at=s.opens_at,
            closes_at=s.closes_at,
            freq="MONTHLY" if any(c.isdigit() for c in s.byday) else "WEEKLY",
            interval=s.interval if s.interval and 1 < s.interval <= 8 else 1,
            dtstart=s.dtstart if s.interval and s.interval > 1 else None,
        )
        for s in schedules
        if s.byday and s.opens_at and s.closes_at
    ]


# session.info key: an import batch's organisations by (publisher, name), filled by the importer in
# one query, so that records sharing an organisation neither query for it nor create it twice.
ORGANIZATIONS = "organizations"


def _organization(session: Session, name: str, publisher: str | None) -> tables.Organization:
    cache = session.info.get(ORGANIZATIONS)
    if cache is not None and (publisher, name) in cache:
        organization = cache[(publisher, name)]  # None: looked up for the batch, not there yet
    else:
        statement = select(tables.Organization).where(tables.Organization.name == name)
        statement = statement.where(tables.Organization.publisher == publisher) if publisher else statement
        organization = session.exec(statement).first()
    if organization is None:
        organization = tables.Organization(name=name, description=name, publisher=publisher)
        session.add(organization)
    if cache is not None:
        cache[(publisher, name)] = organization
    return organization


def _remember_new_keys(obj) -> None:
    """An imported record echoes its publisher's properties; add any we have since filled in."""
    keys = (obj.extra or {}).get(KEYS)
    if keys is None:
        return
    for column in SCALARS[type(obj)]:
        if column not in keys and getattr(obj, column) not in (None, ""):
            keys.append(column)
    obj.extra = {**obj.extra, KEYS: keys}


def apply_input(
    session: Session,
    service: tables.Service,
    data: ServiceInput,
    *,
    publisher: str | None,
    previous: dict | None = None,
    by_curator: bool = True,
) -> None:
    """Write validated flat input onto ``service`` (new or existing), then understand it.

    A new record's own values (a CSV row, a curator's form) are evidence the understanding step
    weighs; a curator's later change to an understood field becomes theirs and wins from then on,
    also over re-imports of the same feed (``by_curator=False``)."""
    changed = _changed_groups(previous, data)
    service.name = data.name
    service.organization = _organization(session, data.organization, publisher)
    service.description = data.description or ""  # the column is NOT NULL: "none given" is empty
    service.url = data.url
    service.email = data.email
    service.status = status_to_oruk(data.status)
    service.minimum_age = data.minimum_age
    service.maximum_age = data.maximum_age
    service.taxonomy_codes = list(data.taxonomy_terms)
    service.cost_band = data.cost or "unknown"
    service.delivery = list(data.delivery)
    service.referral_routes = list(data.referral_route)
    service.eligibility = list(data.eligibility)
    service.area_wide = bool(data.area_wide)
    service.schedule_text = data.schedule_description
    capacity_before = (previous or {}).get("accepting_referrals"), (previous or {}).get("wait_weeks")
    if previous is None or capacity_before != (data.accepting_referrals, data.wait_weeks):
        service.accepting_referrals = data.accepting_referrals
        service.wait_weeks = data.wait_weeks
        has_capacity = data.accepting_referrals is not None or data.wait_weeks is not None
        service.capacity_updated_at = utcnow() if has_capacity else None
    if data.last_verified_at and (previous or {}).get("last_verified_at") != data.last_verified_at:
        service.last_verified_at = datetime.combine(data.last_verified_at, time(), tzinfo=UTC)
    if previous is None or not by_curator:
        understanding.declare_from_input(service, data)
        declared_needs = list(data.needs) if data.needs and not by_curator else []
        service.understanding = {
            **(service.understanding or {}),
            understanding.DECLARED_NEEDS: declared_needs,
        }
        if data.needs and by_curator:
            service.curated = {**(service.curated or {}), "needs": list(data.needs)}
        if data.residency and by_curator:
            service.curated = {
                **(service.curated or {}),
                "residency": understanding.residency_codes(data.residency),
            }
    if previous is not None and by_curator:
        understanding.note_curator_changes(service, data, previous)
    if "schedule" in changed:
        service.schedules = [
            tables.Schedule(
                service_id=service.id,
                position=i,
                freq=e.freq,
                interval=e.interval if e.interval > 1 else None,
                dtstart=e.dtstart,
                byday=",".join(e.byday),
                opens_at=e.opens_at,
                closes_at=e.closes_at,
            )
            for i, e in enumerate(parse_schedule(data.schedule))
        ]
    if "cost" in changed:
        service.cost_options = (
            []
            if data.cost_amount is None and not data.cost_description
            else [
                tables.CostOption(
                    service_id=service.id,
                    option=data.cost_description or "Charge",
                    amount=data.cost_amount,
                    amount_description=data.cost_description,
                )
            ]
        )
    if "phone" in changed:
        service.phones = [tables.Phone(service_id=service.id, number=data.phone)] if data.phone else []
    if "service_area" in changed:
        service.service_areas = [
            tables.ServiceArea(service_id=service.id, position=i, name=code, service_area=code)
            for i, code in enumerate(data.service_area)
        ]
    if "languages" in changed:
        service.languages = [
            tables.Language(service_id=service.id, position=i, extra={"code": code})
            for i, code in enumerate(data.languages)
        ]
    if "location" in changed:
        _apply_location(session, service, data)
    _remember_new_keys(service)
    understanding.understand_service(service)
    service.last_modified = utcnow()
    session.add(service)


def _changed_groups(previous: dict | None, data: ServiceInput) -> set[str]:
    if previous is None:
        return set(GROUPS)
    new = data.model_dump()
    changed = set()
    for group, fields in GROUPS.items():
        if any(_norm(previous.get(f)) != _norm(new.get(f)) for f in fields):
            changed.add(group)
    return changed


def _norm(value):
    if isinstance(value, float):
        return round(value, 6)
    if value == []:
        return None
    return value


def _apply_location(session: Session, service: tables.Service, data: ServiceInput) -> None:
    has_place = data.postcode or data.latitude is not None or data.location_name or data.address_1
    if not has_place:
        service.service_at_locations = []
        return
    lat, lng, approximate = data.latitude, data.longitude, False
    if lat is None and data.postcode:
        place = geo.lookup(session, data.postcode, field="postcode")
        lat, lng, approximate = place.lat, place.lng, place.approximate
    location = _primary_location(service) or tables.Location()
    location.name = data.location_name
    location.location_type = "physical"
    location.latitude, location.longitude = lat, lng
    location.postcode = data.postcode
    location.geo_approximate = approximate
    location.wheelchair = data.wheelchair
    location.addresses = [
        tables.Address(
            location_id=location.id,
            address_1=data.address_1 or "",
            city=data.city or "",
            state_province="",
            postal_code=data.postcode or "",
            country="GB",
            address_type="physical",
        )
    ]
    location.accessibility = [
        tables.Accessibility(location_id=location.id, position=i, description=text)
        for i, text in enumerate(t.strip() for t in (data.accessibility or "").split(";"))
        if text
    ]
    _remember_new_keys(location)
    session.add(location)
    if not service.service_at_locations:
        service.service_at_locations = [
            tables.ServiceAtLocation(service_id=service.id, location=location, location_id=location.id)
        ]
