"""Services for one GP practice's patients.

Social prescribing schemes are often paid for by one practice: "For patients of Carlisle
Healthcare only", "registered with a GP practice in the Sprowston and Old Catton area". Such a
service is not for a person registered at another practice (matching.practices reads which one a
person's words name). A primary care network's patients ("Chadderton PCN") may be at any of its
practices, and "registered with a GP practice" is anyone registered anywhere: neither is a limit
to one practice.
"""

from __future__ import annotations

import re

from .areas import AreaLookup
from .record import Record
from .result import Finding
from .rules import quote

_NAME = r"(?:[A-Z][\w&'’.-]*\s+){1,4}?"
_PLACES = r"[A-Z][\w'’-]*(?:\s+(?:and|or|&|[A-Z][\w'’-]*))*"
_PRACTICE_WORD = r"(?:Healthcare|(?:Medical\s+)?Practice|Surgery|Medical\s+(?:Centre|Group)|Health\s+Centre)"
# What a record says of the practice its patients must be at; `limit` is how it names it.
_SERVICE_PRACTICE = (
    # "For patients of Carlisle Healthcare only", "patients registered at Oakwood Surgery"
    re.compile(
        rf"\b(?i:patients)\s+(?:registered\s+)?(?:of|at|with)\s+(?:the\s+)?(?P<limit>(?P<name>{_NAME}){_PRACTICE_WORD})\b"
    ),
    # "registered with a GP practice in the Sprowston and Old Catton area"
    re.compile(
        rf"\b(?i:registered)\s+(?:with|at)\s+(?P<limit>an?\s+(?:GP\s+)?practice\s+in\s+(?:the\s+)?(?P<name>{_PLACES})\s+area)\b"
    ),
    # "registered with a Sprowston or Old Catton practice", "registered with a Leamington GP"
    re.compile(
        rf"\b(?i:registered)\s+(?:with|at)\s+(?P<limit>an?\s+(?P<name>{_PLACES})\s+(?:GP\s+)?(?:practice|surgery|GP))\b"
    ),
)
_LISTED = re.compile(r"\s*\(([^)]{1,80})\)")
# "a Northwich PCN practice": a primary care network's patients may be at any of its practices
_NETWORK = re.compile(r"\b(?:PCN|primary\s+care\s+network)\b", re.I)
# Words in a practice's name that do not tell one practice from another.
_COMMON = frozenset(
    {
        "a", "an", "the", "her", "his", "my", "their", "own", "local", "new", "and", "or", "gp", "pcn",
        "in", "area", "practice", "surgery", "healthcare", "medical", "health", "centre", "group",
    }
)  # fmt: skip


def practice_words(name: str) -> set[str]:
    """The words of a practice's name (or of the place its practices are in) that tell it apart."""
    return {w for w in re.findall(r"[a-z][\w'’-]*", name.lower()) if w not in _COMMON}


def find_practice_limit(record: Record, areas: AreaLookup | None = None) -> Finding | None:
    """The practice, or the place of the practices, whose patients alone may use the service, as
    the record names it ("Carlisle Healthcare"), with the words that tell it. The practices of a
    whole council ("registered with a Trafford GP", "a Tameside or Glossop GP") are not one
    practice: that limit is where its patients live, which the residency reading holds."""
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        found = sorted(
            (
                m
                for pattern in _SERVICE_PRACTICE
                for m in pattern.finditer(text)
                if not _NETWORK.search(m["limit"])
                # ("Carlisle Healthcare" is a practice; "a Carlisle GP" any of the city's)
                and not (m["limit"][:2].lower() in ("a ", "an") and _a_council(m["name"], areas))
            ),
            key=lambda m: m.start(),
        )
        # and the practices it lists after it: "a Penrith GP (Birbeck / Lakes / Court Thorn)"
        listed = [_LISTED.match(text, m.end()) for m in found]
        words = sorted(
            {word for m in found for word in practice_words(m["name"])}
            | {word for m in listed if m for word in practice_words(m.group(1))}
        )
        if words:
            name = " ".join(found[0]["limit"].split())
            return Finding({"name": name, "words": words}, 0.85, field, quote(text, found[0]))
    return None


def _a_council(name: str, areas: AreaLookup | None) -> bool:
    # "a Barnsley GP practice", "a Tameside or Glossop GP": a council's patients, held by where
    # they live rather than by the practice a person names
    return areas is not None and bool(areas.find(name))
