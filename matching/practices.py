"""The GP practice a person says they are registered at, and the services that are not for them.

A service for one practice's patients (read by the understanding step, `practice_limit` in the
search document) is not for a person whose words name another practice ("registered at Brampton
surgery", "Hellesdon GP not Sprowston"). A person who names no practice is given the benefit of
the doubt.
"""

from __future__ import annotations

import re
from typing import Any

from .understanding.practice import practice_words

# What a person's words say of their own practice: "registered at Brampton surgery", "patient at
# the Riverside practice", "Hellesdon GP not Sprowston".
_PERSON_PRACTICE = (
    re.compile(
        r"\b(?i:registered|patient)\s+(?i:at|with)\s+(?i:(?:the|an?)\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,3}?)"
        r"(?i:surgery|practice|GP|medical\s+centre|health\s+centre|healthcare)\b"
    ),
    # "still with her old GP in Melksham", "registered with a practice in Calne"
    re.compile(
        r"\b(?i:registered|still|patient)\s+(?i:at|with)\s+(?i:(?:the|an?|his|her|my|their)\s+)?(?i:old\s+|own\s+)?"
        r"(?i:GP|surgery|practice|doctors?)\s+(?i:in|at)\s+(?!(?:January|February|March|April|May|June|July|August|"
        r"September|October|November|December)\b)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    ),
    re.compile(
        r"(?:^|[.,;(]\s*)(?!(?:Saw|Seen|Sees?|Seeing|Told|Asked|Rang|Called|Phoned|Referred|Via|Through|Her|His|"
        r"My|Their|Our|Own|Local|New|Old|Usual|Ask|Contact|Speak|Spoke|Visited|Booked|No|Not|Any)\b)"
        r"(?P<name>(?:[A-Z][\w'’-]*\s+){1,2}?)GP\b(?!\s+(?:practice|surgery))"
    ),
)


def persons_practice(goals: str | None) -> set[str]:
    """The words naming the practice the person's words say they are registered at."""
    return {
        word
        for pattern in _PERSON_PRACTICE
        for m in pattern.finditer(goals or "")
        for word in practice_words(m["name"])
    }


def another_practices_patient(goals: str | None, service: dict[str, Any]) -> str | None:
    """The practice a person who names another one is not a patient of, as the record names it
    ("Carlisle Healthcare"); None when the person is not ruled out."""
    limit = service.get("practice_limit")
    if not isinstance(limit, dict) or not limit.get("words"):
        return None
    mine = persons_practice(goals)
    if not mine or mine & set(limit["words"]):
        return None
    return str(limit.get("name") or "")
