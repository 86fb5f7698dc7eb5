"""The hospital a discharge service is for, and the one the person is coming home from; the hospital a
treatment service's patients must be under, and the one treating the person.

"Short-term support for patients discharged from the Great Western Hospital" is not for a woman
"home from Salisbury District after a fall": a home-from-hospital scheme is commissioned by one
hospital's discharge team. Read as the practices are (matching.practices): only where both the
record and the person name a hospital, and none of the words that tell one hospital from another
(or its initials, "GWH") is shared, is the person not a patient of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .fit import service_text

_SERVICE_HOSPITAL = re.compile(
    r"\bdischarged\s+(?:home\s+)?(?:from|by)\s+(?:the\s+)?(?P<names>[^.;:|\n]{2,80})", re.I
)
_PERSON_HOSPITAL = re.compile(
    r"\b(?:(?:home|discharged|back|out|d/c)\s+(?:home\s+)?from|(?:on|in)\s+(?:a|the)\s+(?:\w+\s+)?ward\s+(?:at|in))\s+"
    r"(?:the\s+)?(?P<names>[^.;:|\n]{2,40})",
    re.I,
)
# ("L&D": the Luton and Dunstable)
_NAME_WORD = re.compile(r"\b(?:[A-Z][a-z'’]+|[A-Z]{2,5}|[A-Z]&[A-Z])\b")
_NAME_RUN = re.compile(r"\b[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)+")
# Words that do not tell one hospital from another
_COMMON = frozenset(
    {"hospital", "hospitals", "district", "general", "royal", "university", "infirmary", "trust", "nhs",
     "the", "foundation", "community", "county", "city", "and", "or", "a", "an", "ward", "after", "since",
     "last", "on", "in", "at", "for", "with", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mon", "tues", "weds", "thurs", "fri", "sat", "sun", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "gp", "home", "practice", "clinic", "centre", "unit", "only", "patients"}
)  # fmt: skip


def _words(names: str) -> set[str]:
    """The words of the hospital names in `names` that tell them apart, and the initials of each
    name of two or more words ("Hull Royal Infirmary" is HRI too)."""
    words = {w.lower() for w in _NAME_WORD.findall(names)}
    initials = {
        "".join(w[0] for w in run.split()).lower() for run in (m.group(0) for m in _NAME_RUN.finditer(names))
    }
    return (words - _COMMON) | {i for i in initials if len(i) >= 2}


def service_hospitals(service: dict[str, Any]) -> set[str]:
    return {w for m in _SERVICE_HOSPITAL.finditer(service_text(service)) for w in _words(m["names"])}


def persons_hospital(goals: str | None) -> set[str]:
    return {w for m in _PERSON_HOSPITAL.finditer(goals or "") for w in _words(m["names"])}


# "Hospital: patients of Bedford Hospital or the L&D only", "only for appointments at Bedford Hospital
# or the L&D – we can't do Addenbrooke's": a cancer centre's wig service or volunteer drivers, for
# its own trust's patients. Not someone "having chemo at Addenbrooke's".
_SERVICE_TREATING = re.compile(
    r"\bpatients\s+of\s+(?:the\s+)?(?P<names>[^.;:|\n–]{2,60}?)\s+only\b|"
    r"\bonly\s+for\s+(?:appointments|treatment|patients)\s+(?:at|of)\s+(?:the\s+)?(?P<only>[^.;:|\n–(]{2,60})",
    re.I,
)
_PERSON_TREATED = re.compile(
    r"\b(?:chemo\w*|radiotherapy|rads|treatment|treated|(?-i:SACT|RT)|oncology|appointments?|operation|op|surgery)\s+"
    r"(?:\w+\s+){0,2}?(?:at|in)\s+(?:the\s+)?(?P<names>[^.;:,|\n]{2,40})",
    re.I,
)


def treating_hospitals(service: dict[str, Any]) -> str | None:
    """The hospitals a service is only for the patients of, as the record names them."""
    found = _SERVICE_TREATING.search(service_text(service))
    return None if found is None else (found["names"] or found["only"]).strip()


@lru_cache(maxsize=256)
def _treated_at(goals: str | None) -> frozenset[str]:
    """The words of the hospitals the person's words say treat them (read once a match)."""
    return frozenset(w for m in _PERSON_TREATED.finditer(goals or "") for w in _words(m["names"]))


def treated_elsewhere(goals: str | None, service: dict[str, Any]) -> str | None:
    """The hospitals the service is only for, when the person's words say they are treated at
    another; None otherwise. (Checked for every candidate: the person's side first, which most
    words leave empty, before any service's text is read.)"""
    mine = _treated_at(goals)
    if not mine:
        return None
    names = treating_hospitals(service)
    theirs = _words(names) if names else set()
    return names if theirs and not mine & theirs else None


# A lift or a minibus that says where it does not go: "we can't do Addenbrooke's, Mount Vernon or
# London", "We only travel within Bedfordshire (not Cambridge, not Addenbrooke's)". Not for someone
# whose words name one of them ("having chemo at Addenbrooke's ... bus to Cambridge is hopeless").
_NOT_TO = re.compile(
    r"(?:\b(?:can(?:no|['’])?t\s+(?:do|go\s+to|take\s+(?:you|people|patients)\s+to)|cannot\s+(?:do|go\s+to)|"
    r"(?:don'?t|do\s+not)\s+(?:go|travel|drive)\s+to|no\s+(?:trips|journeys|lifts)\s+to)|\(\s*not|,\s*not)\s+"
    r"(?P<names>(?-i:[A-Z][\w'’&]+)(?:(?:\s+|,\s*(?:not\s+)?|\s+or\s+|\s+and\s+)(?-i:[A-Z][\w'’&]+))*)",
    re.I,
)


def places_not_served(goals: str | None, service: dict[str, Any]) -> str | None:
    """A place a transport service says it does not go to that the person's words name, or None.
    (One scan of the service's text for a refusal, which few have, before anything else.)"""
    if not goals:
        return None
    refused = {w for m in _NOT_TO.finditer(service_text(service)) for w in _words(m["names"])} - {"not"}
    if not refused or ("transport" not in (service.get("needs") or ()) and not treating_hospitals(service)):
        return None
    return next((w for w in _NAME_WORD.findall(goals) if w.lower() in refused), None)


def another_hospitals_patient(goals: str | None, service: dict[str, Any]) -> bool:
    """Whether the person's words name another hospital than the one(s) the service is for."""
    theirs = service_hospitals(service)
    if not theirs:
        return False
    mine = persons_hospital(goals)
    return bool(mine) and not mine & theirs
