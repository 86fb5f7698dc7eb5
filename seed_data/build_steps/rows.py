"""The CSV import template (directory_app/data/csv-template.md) and helpers for filling a row."""

from __future__ import annotations

import re

TEMPLATE_COLUMNS = [
    "external_id",
    "name",
    "organization",
    "description",
    "url",
    "email",
    "phone",
    "status",
    "needs",
    "taxonomy_terms",
    "minimum_age",
    "maximum_age",
    "cost",
    "cost_amount",
    "cost_description",
    "schedule",
    "schedule_description",
    "location_name",
    "address_1",
    "city",
    "postcode",
    "latitude",
    "longitude",
    "wheelchair",
    "accessibility",
    "delivery",
    "referral_route",
    "eligibility",
    "area_wide",
    "service_area",
    "languages",
    "accepting_referrals",
    "wait_weeks",
    "last_verified_at",
]

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# UK numbers as people write them: 0161 123 4567, 01617654321, 0800 111 222, +44 ...
_PHONE_RE = re.compile(r"(?:\+44\s?|0)(?:\d[\s-]?){9,10}")

# A leading address part ending like this is a street, not a venue name.
_STREET_RE = re.compile(
    r"\b(road|rd|street|st|lane|drive|avenue|close|way|crescent|grove|place|square|terrace|walk|parade|"
    r"hill|gardens|row|fold|precinct|green|mount|vale|brow|approach)\.?$",
    re.I,
)

# Counties and duplicated city words that sit at the end of addresses but are not the town.
_NOT_A_TOWN = {"lancs", "lancashire", "cheshire", "greater manchester", "gtr manchester", "uk", "england"}


def empty_row() -> dict:
    return {c: "" for c in TEMPLATE_COLUMNS}


def slug(*parts: str) -> str:
    s = "-".join(p for p in parts if p)
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s


def find_email(text: str) -> str:
    m = _EMAIL_RE.search(text or "")
    return m.group(0).rstrip(".").lower() if m else ""


def find_phone(text: str) -> str:
    m = _PHONE_RE.search(text or "")
    return re.sub(r"\s+", " ", m.group(0)).strip(" -") if m else ""


def normalise_url(url: str) -> str:
    url = re.sub(r"\s+", "", url or "")  # a few source URLs are wrapped over two lines
    if not url or "." not in url:
        return ""
    if not re.match(r"^https?://", url, re.I):
        url = "http://" + url.lstrip(
            "/"
        )  # the register stores bare domains; http:// is what they were given as
    return url


def split_address(address: str, postcode: str = "") -> tuple[str, str, str]:
    """'Hall Name, 1 High St, Sale' -> ('Hall Name', '1 High St', 'Sale').

    A leading part without a house number is treated as a venue name only when
    at least a street and a town follow it, so short addresses are not mangled.
    """
    parts = [p.strip() for p in (address or "").replace("\n", ",").split(",")]
    parts = [p for p in parts if p and p.upper() != (postcode or "").upper()]
    while len(parts) > 1 and parts[-1].lower() in _NOT_A_TOWN:
        parts.pop()
    if len(parts) > 1 and parts[-1].lower() == parts[-2].lower():
        parts.pop()
    if not parts:
        return "", "", ""
    city = parts.pop() if len(parts) > 1 else ""
    venue = ""
    if len(parts) >= 2 and not re.match(r"^\d", parts[0]) and not _STREET_RE.search(parts[0]):
        venue = parts.pop(0)
    return venue, ", ".join(parts), city
