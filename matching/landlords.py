"""Whose tenants a landlord's own services are for.

A housing association's tenancy support, hardship fund or sheltered scheme activities are for its
own tenants ("Teesmouth Homes customers only", "(tenants only)" on a Teesmouth Homes record). A
social tenant of another landlord who says so ("rents from a housing association, not
Teesmouth"; "a Beyond Housing tenant"), a private renter or an owner is not one of them; a tenant
who does not name their landlord is given the benefit of the doubt.
"""

from __future__ import annotations

import re

# An organisation that is a landlord says so in its name: "Teesmouth Homes", "Bolton at Home",
# "Riverside Housing", "Thirteen Group" is not enough on its own.
_LANDLORD_NAME = re.compile(r"\b(?:homes?|housing|living)\b", re.I)
_NOT_THE_NAME = frozenset(
    "the at home homes housing living group association trust ltd limited and of for community".split()
)
# How a person names their own landlord: "a Beyond Housing tenant" (a landlord's kind of name before
# "tenant": "a Thornaby tenant" names a town), "rents from Thirteen", "tenant of Home Group".
_NAMED_BEFORE = re.compile(r"((?:[A-Z][\w&']*\s+){1,3})(?:tenant|customer)s?\b")
_NAMED_AFTER = (
    re.compile(
        r"\b(?i:rents?|renting|rented)\s+(?:a\s+\w+\s+)?(?i:from|with|off)\s+((?:[A-Z][\w&']*\s*){1,3})"
    ),
    re.compile(r"\b(?i:tenant|tenancy)\s+(?i:of|with)\s+((?:[A-Z][\w&']*\s*){1,3})"),
)


# How a person says they own their home ("owns her flat"); need_context reads it too, as where the
# person lives rather than a housing need.
OWNS_THEIR_HOME = r"owns?\s+(?:his|her|their|my)\s+(?:own\s+)?(?:home|house|flat|bungalow)"
# A private tenant or an owner is no housing association's tenant: "private rent", "private landlord",
# "owns her flat".
_NO_SOCIAL_LANDLORD = re.compile(
    rf"\b(?:private(?:ly)?\s+(?:rent\w*|landlord|tenan\w*|let)|{OWNS_THEIR_HOME}|owner[- ]occupier|mortgage)\b",
    re.I,
)


def landlord_key(organisation: str | None) -> str | None:
    """The word that names a landlord organisation ("teesmouth" for "Teesmouth Homes"), or its whole
    name when every word is a common one ("home group"); None when the organisation is not a
    landlord by its name."""
    if not organisation or not _LANDLORD_NAME.search(organisation):
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w']*", organisation)]
    distinctive = [w for w in words if w not in _NOT_THE_NAME]
    return distinctive[0] if distinctive else " ".join(words)


def another_landlords_tenant(words: str | None, organisation: str | None) -> bool:
    """Whether the person's words say their landlord is not ``organisation``."""
    key = landlord_key(organisation)
    if key is None or not words:
        return False
    if re.search(rf"\bnot\s+(?:with\s+|from\s+|a\s+)?(?:the\s+)?{re.escape(key)}\b", words, re.I):
        return True
    if _NO_SOCIAL_LANDLORD.search(words):
        return True
    landlords = [name for name in _NAMED_BEFORE.findall(words) if _LANDLORD_NAME.search(name)]
    landlords += [name for pattern in _NAMED_AFTER for name in pattern.findall(words)]
    return bool(landlords) and not any(key in name.lower() for name in landlords)


def names_the_landlord(words: str | None, organisation: str | None) -> bool:
    """Whether the person's words name ``organisation`` as their landlord without saying "tenant":
    "Lives King's Lynn (Freebridge house)", "a Teesmouth flat". A landlord named for its town
    ("Bolton at Home") is not named by "lives in Bolton": the name must stand beside a home."""
    key = landlord_key(organisation)
    if not key or not words:
        return False
    home = r"(?:homes?|housing|house|flat|bungalow|maisonette|property|estate)"
    # or by its initials, as tenants and notes do: "PHG flat" for Potteries Housing Group
    names = rf"(?i:{re.escape(key)})" + (rf"|{initials}" if (initials := _initials(organisation)) else "")
    said = re.search(
        rf"\b(?:{names})\s+(?i:(?:(?:at\s+)?homes?\s+)?{home})\b|\b(?i:{home}\s+(?:from|with|of|off))\s+(?:{names})\b",
        words,
    )
    return bool(said) and not another_landlords_tenant(words, organisation)


def _initials(organisation: str | None) -> str | None:
    """A landlord's initials, capitals only ("PHG" for "Potteries Housing Group"); None for a name
    of fewer than three words, whose two letters would stand for too much."""
    words = re.findall(r"[A-Za-z][\w']*", organisation or "")
    capitals = [w[0] for w in words if w[0].isupper()]
    return "".join(capitals) if len(capitals) >= 3 else None
