"""The older Open Referral UK v1 service JSON that many council feeds still publish.

We map what has an ORUK 3 equivalent and report every property we could not map, so a curator
sees what the feed said that we dropped. Also: deriving our own fields (delivery, cost band,
postcode, needs) from any ORUK record, since feeds do not carry them.
"""

from __future__ import annotations

import re
import uuid

from sqlmodel import Session

from matching.understanding import areas

from ..models import Location, Service
from . import geo, understanding
from .oruk import clock_time

V1_MARKERS = (
    "regular_schedules",
    "service_taxonomys",
    "eligibilitys",
    "physical_addresses",
    "accessibility_for_disabilities",
    "deliverable_type",
    "attending_type",
)
ISO_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_DAY_WORD = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*", re.I)
_DAY_SPAN = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*(?:-|–|to|until)\s*(mon|tue|wed|thu|fri|sat|sun)", re.I
)
_EVERY_DAY = re.compile(r"\b(?:daily|every\s*day|7\s*days)\b", re.I)
_WEEKDAYS = re.compile(r"\bweekdays?\b", re.I)


def looks_like_v1(item: dict) -> bool:
    if any(key in item for key in V1_MARKERS):
        return True
    for link in item.get("service_at_locations") or []:
        if isinstance(link, dict) and "physical_addresses" in (link.get("location") or {}):
            return True
    return False


def _id(value) -> str:
    return str(value) if value not in (None, "") else str(uuid.uuid4())


def _copy(source: dict, keys: tuple[str, ...]) -> dict:
    return {key: source[key] for key in keys if source.get(key) not in (None, "")}


# The v1 service properties read as they are, and those read into ORUK 3.0's shapes below; any
# other property with a value is reported as not mapped.
COPIED = ("name", "description", "url", "email", "fees", "accreditations", "assured_date")
# How a person takes part ("Phone", "Home visit"), how to get in ("referral") and what the service
# is ("Advice"): ORUK 3.0 has no service property for them, so they are kept as the feed sent them
# and exported back; the understanding step reads the first two.
KEPT = ("attending_type", "attending_access", "deliverable_type")
CONVERTED = (
    "id",
    "status",
    "organization",
    "contacts",
    "cost_options",
    "eligibilitys",
    "languages",
    "regular_schedules",
    "service_areas",
    "service_at_locations",
    "service_taxonomys",
    "fundings",
)


def to_oruk3(item: dict) -> tuple[dict, list[str], list[str]]:
    """Return (ORUK 3 service, v1 properties that were not mapped, values left out because they
    could not be read: a day or time that is not one)."""
    mapped = {*COPIED, *KEPT, *CONVERTED}
    unmapped = sorted(k for k, v in item.items() if k not in mapped and v not in (None, "", [], {}))
    out = _copy(item, COPIED + KEPT)
    out["id"] = _id(item.get("id"))
    out["status"] = (
        item.get("status")
        if item.get("status") in ("active", "inactive", "defunct", "temporarily closed")
        else "active"
    )
    # Who may come, in words ("Women only", "Carers of someone in Ashfield"), is what a v1 feed
    # puts in its eligibilitys; ORUK 3.0 feeds call it eligibility_description.
    said = []
    for eligibility in item.get("eligibilitys") or []:
        if not isinstance(eligibility, dict):
            continue
        for key in ("minimum_age", "maximum_age"):
            if eligibility.get(key) not in (None, ""):
                out[key] = eligibility[key]
        text = str(eligibility.get("eligibility") or "").strip()
        if text:
            said.append(text if text[-1] in ".!?" else text + ".")
    if said:
        out["eligibility_description"] = " ".join(said)
    organization = item.get("organization")
    if isinstance(organization, dict) and organization.get("name"):
        out["organization"] = {
            "id": _id(organization.get("id")),
            "name": organization["name"],
            "description": organization.get("description") or organization["name"],
            **_copy(organization, ("email", "logo", "uri")),
            **({"website": organization["url"]} if organization.get("url") else {}),
        }
    unread: list[str] = []
    out["schedules"] = [
        _schedule(s, f"regular_schedules[{n}]", unread)
        for n, s in enumerate(item.get("regular_schedules") or [])
        if isinstance(s, dict)
    ]
    out["cost_options"] = [
        {
            "id": _id(c.get("id")),
            **_copy(c, ("option", "amount", "amount_description", "valid_from", "valid_to")),
        }
        for c in item.get("cost_options") or []
        if isinstance(c, dict)
    ]
    out["contacts"] = [
        {"id": _id(c.get("id")), **_copy(c, ("name", "title"))}
        for c in item.get("contacts") or []
        if isinstance(c, dict)
    ]
    phones = [
        {"id": _id(p.get("id")), "number": p["number"]}
        for c in item.get("contacts") or []
        if isinstance(c, dict)
        for p in c.get("phones") or []
        if isinstance(p, dict) and p.get("number")
    ]
    if phones:
        out["phones"] = phones
    out["service_areas"] = [
        {"id": _id(a.get("id")), **_copy(a, ("service_area", "extent", "uri"))}
        for a in item.get("service_areas") or []
        if isinstance(a, dict)
    ]
    out["languages"] = [
        {"id": _id(lang.get("id")), **({"name": lang["language"]} if lang.get("language") else {})}
        for lang in item.get("languages") or []
        if isinstance(lang, dict)
    ]
    out["funding"] = [
        {"id": _id(f.get("id")), **_copy(f, ("source",))}
        for f in item.get("fundings") or []
        if isinstance(f, dict)
    ]
    out["attributes"] = [
        _attribute(t)
        for t in item.get("service_taxonomys") or []
        if isinstance(t, dict) and isinstance(t.get("taxonomy"), dict)
    ]
    out["service_at_locations"] = [
        _link(link)
        for link in item.get("service_at_locations") or []
        if isinstance(link, dict) and isinstance(link.get("location"), dict)
    ]
    return {k: v for k, v in out.items() if v != []}, unmapped, unread


def weekday_codes(weekday: object) -> str | None:
    """A v1 ``weekday`` as RFC 5545 days: "Monday", "Mon", "TUESDAY", "Tues & Thurs", "Mon-Fri",
    "Daily", or 1-7 (ISO, Monday first)."""
    text = str(weekday if weekday is not None else "").strip()
    if text.isdigit():
        number = int(text)
        return ISO_DAYS[number - 1] if 1 <= number <= 7 else None
    if _EVERY_DAY.search(text):
        return ",".join(ISO_DAYS)
    if _WEEKDAYS.search(text):
        return ",".join(ISO_DAYS[:5])
    days: set[str] = set()
    for span in _DAY_SPAN.finditer(text):
        first, last = _DAY_NAMES.index(span.group(1).upper()), _DAY_NAMES.index(span.group(2).upper())
        days.update(ISO_DAYS[first : last + 1] if first <= last else ISO_DAYS[first:] + ISO_DAYS[: last + 1])
    days.update(ISO_DAYS[_DAY_NAMES.index(word.group(1).upper())] for word in _DAY_WORD.finditer(text))
    return ",".join(code for code in ISO_DAYS if code in days) or None


def _schedule(s: dict, where: str, unread: list[str]) -> dict:
    """A v1 regular schedule; a day or time we cannot read is left out (and named in `unread`),
    not the whole service."""
    day = weekday_codes(s.get("weekday"))
    if s.get("weekday") not in (None, "") and day is None:
        unread.append(f"{where}.weekday '{s['weekday']}'")
    out = {"id": _id(s.get("id")), "freq": (s.get("freq") or "WEEKLY").upper()}
    if s.get("byday") or day:
        out["byday"] = s.get("byday") or day
    for key in ("opens_at", "closes_at"):
        time = clock_time(s.get(key))
        if time:
            out[key] = time
        elif s.get(key) not in (None, ""):
            unread.append(f"{where}.{key} '{s[key]}'")
    out.update(_copy(s, ("valid_from", "valid_to", "dtstart", "interval", "bymonthday", "description")))
    if out["freq"] not in ("WEEKLY", "MONTHLY"):
        out["freq"] = "WEEKLY"
    return out


def _attribute(t: dict) -> dict:
    taxonomy = t["taxonomy"]
    return {
        "id": _id(t.get("id")),
        "taxonomy_term": {
            "id": _id(taxonomy.get("id")),
            "name": taxonomy.get("name") or "unnamed",
            "description": taxonomy.get("name") or "",
            **({"taxonomy": taxonomy["vocabulary"]} if taxonomy.get("vocabulary") else {}),
            **({"parent_id": str(taxonomy["parent"])} if taxonomy.get("parent") else {}),
        },
    }


def _link(link: dict) -> dict:
    location = link["location"]
    out = {
        "id": _id(location.get("id")),
        "location_type": "physical",
        **_copy(location, ("name", "description", "latitude", "longitude")),
    }
    out["addresses"] = [
        {
            "id": _id(a.get("id")),
            "address_1": a.get("address_1") or "",
            "city": a.get("city") or "",
            "state_province": a.get("state_province") or "",
            "postal_code": a.get("postal_code") or "",
            "country": a.get("country") or "GB",
            "address_type": "physical",
        }
        for a in location.get("physical_addresses") or []
        if isinstance(a, dict)
    ]
    out["accessibility"] = [
        {"id": _id(a.get("id")), "accessibility": a.get("accessibility")}
        for a in location.get("accessibility_for_disabilities") or []
        if isinstance(a, dict) and a.get("accessibility")
    ]
    return {"id": _id(link.get("id")), "location": {k: v for k, v in out.items() if v != []}}


def _town_of(location: Location, service: Service) -> areas.Place | None:
    """The town or village a venue's address names ("Wharton, Winsford"), when a feed gave it
    neither a postcode nor a point: placed there, its distance is near the truth, where without a
    point a venue 15 km away was offered to someone who can only walk 5. Only the town line (or,
    without one, the venue's name): a street is often named after another town ("Chester Road")."""
    lookup = understanding.areas()
    around = [code for area in service.service_areas if (code := lookup.code(area.uri or area.name or ""))]
    towns = [a.city for a in location.addresses if a.city and a.city.strip()]
    for text in towns or [location.name or ""]:
        for code, name in lookup.places(text, around):
            place = lookup.place(code, name)
            if place is not None:
                return place
    return None


def derive_extras(session: Session, service: Service) -> dict[str, str]:
    """Fill our own fields from what an ORUK record says, without overriding a curator's choice.
    Returns the venues placed at the middle of a town (no postcode, no point): location id → town."""
    placed: dict[str, str] = {}
    for link in service.service_at_locations:
        location = link.location
        postcode = next(
            (
                geo.normalise_postcode(a.postal_code)
                for a in location.addresses
                if geo.normalise_postcode(a.postal_code)
            ),
            None,
        )
        location.postcode = postcode
        if (location.latitude is None or not -90 <= location.latitude <= 90) and postcode and " " in postcode:
            try:
                place = geo.lookup(session, postcode)
                if location.latitude is None:
                    location.latitude, location.longitude = place.lat, place.lng
                    location.geo_approximate = place.approximate
            except Exception:  # an unknown postcode leaves the location without a point
                pass
        if location.latitude is None and not postcode:
            town = _town_of(location, service)
            if town is not None:
                location.latitude, location.longitude = town.lat, town.lng
                location.geo_approximate = True
                placed[location.id] = town.name
    # Needs, ages, groups, delivery, reach, cost and access come from reading the whole record.
    understanding.declare_from_oruk(service)
    understanding.understand_service(service)
    return placed
