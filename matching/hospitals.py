"""The hospital a discharge service is for, and the one the person is coming home from.

"Short-term support for patients discharged from the Great Western Hospital" is not for a woman
"home from Salisbury District after a fall": a home-from-hospital scheme is commissioned by one
hospital's discharge team. Read as the practices are (matching.practices): only where both the
record and the person name a hospital, and none of the words that tell one hospital from another
(or its initials, "GWH") is shared, is the person not a patient of it.
"""

from __future__ import annotations

import re
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
_NAME_WORD = re.compile(r"\b(?:[A-Z][a-z'’]+|[A-Z]{2,5})\b")
_NAME_RUN = re.compile(r"\b[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)+")
# Words that do not tell one hospital from another
_COMMON = frozenset(
    {"hospital", "hospitals", "district", "general", "royal", "university", "infirmary", "trust", "nhs",
     "the", "foundation", "community", "county", "city", "and", "or", "a", "an", "ward", "after", "since",
     "last", "on", "in", "at", "for", "with", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mon", "tues", "weds", "thurs", "fri", "sat", "sun", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
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


def another_hospitals_patient(goals: str | None, service: dict[str, Any]) -> bool:
    """Whether the person's words name another hospital than the one(s) the service is for."""
    theirs = service_hospitals(service)
    if not theirs:
        return False
    mine = persons_hospital(goals)
    return bool(mine) and not mine & theirs
