"""Services for one GP practice's patients, and the practice a person says they are registered at.

Social prescribing schemes are often paid for by one practice: "For patients of Carlisle
Healthcare only", "registered with a GP practice in the Sprowston and Old Catton area". A person
whose words name another practice ("registered at Brampton surgery", "Hellesdon GP not Sprowston")
is not one of its patients. A person who names no practice is given the benefit of the doubt, and
a primary care network's patients ("Chadderton PCN") may be at any of its practices, so only a
practice, or the place its practices are in, rules a person out.
"""

from __future__ import annotations

import re
from typing import Any

_NAME = r"(?:[A-Z][\w&'’.-]*\s+){1,4}?"
_PLACES = r"[A-Z][\w'’-]*(?:\s+(?:and|or|&|[A-Z][\w'’-]*))*"
_PRACTICE_WORD = r"(?:Healthcare|(?:Medical\s+)?Practice|Surgery|Medical\s+(?:Centre|Group)|Health\s+Centre)"
# What a record says of the practice its patients must be at; `limit` is how it names it.
_SERVICE_PRACTICE = (
    # "For patients of Carlisle Healthcare only", "patients registered at Oakwood Surgery"
    re.compile(
        rf"\bpatients\s+(?:registered\s+)?(?:of|at|with)\s+(?:the\s+)?(?P<limit>(?P<name>{_NAME}){_PRACTICE_WORD})\b"
    ),
    # "registered with a GP practice in the Sprowston and Old Catton area"
    re.compile(
        rf"\bregistered\s+(?:with|at)\s+(?P<limit>an?\s+(?:GP\s+)?practice\s+in\s+(?:the\s+)?(?P<name>{_PLACES})\s+area)\b"
    ),
    # "registered with a Sprowston or Old Catton practice"
    re.compile(rf"\bregistered\s+(?:with|at)\s+(?P<limit>an?\s+(?P<name>{_PLACES})\s+(?:GP\s+)?practice)\b"),
)
# What a person's words say of their own practice: "registered at Brampton surgery", "patient at
# the Riverside practice", "Hellesdon GP not Sprowston".
_PERSON_PRACTICE = (
    re.compile(
        r"\b(?i:registered|patient)\s+(?i:at|with)\s+(?i:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,3}?)"
        r"(?i:surgery|practice|GP|medical\s+centre|health\s+centre|healthcare)\b"
    ),
    re.compile(
        r"(?:^|[.,;(]\s*)(?!(?:Saw|Seen|Sees?|Seeing|Told|Asked|Rang|Called|Phoned|Referred|Via|Through|Her|His|"
        r"My|Their|Our|Own|Local|New|Old|Usual|Ask|Contact|Speak|Spoke|Visited|Booked|No|Not|Any)\b)"
        r"(?P<name>(?:[A-Z][\w'’-]*\s+){1,2}?)GP\b(?!\s+(?:practice|surgery))"
    ),
)
# Words in a practice's name that do not tell one practice from another.
_COMMON = frozenset(
    {"a", "an", "the", "her", "his", "my", "their", "own", "local", "new", "and", "or", "gp", "pcn"}
)


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][\w'’-]*", name.lower()) if w not in _COMMON}


def practice_limit(service: dict[str, Any]) -> tuple[str, set[str]] | None:
    """The practice, or the place of the practices, whose patients alone may use the service, as
    the record names it ("Carlisle Healthcare"), with the words that tell it; None for no limit."""
    text = str(service.get("description") or "")
    found = sorted(
        (m for pattern in _SERVICE_PRACTICE for m in pattern.finditer(text)), key=lambda m: m.start()
    )
    words = {word for m in found for word in _words(m["name"])}
    if not words:  # "registered with a GP practice": anyone registered anywhere
        return None
    return " ".join(found[0]["limit"].split()), words


def persons_practice(goals: str | None) -> set[str]:
    """The words naming the practice the person's words say they are registered at."""
    return {
        word
        for pattern in _PERSON_PRACTICE
        for m in pattern.finditer(goals or "")
        for word in _words(m["name"])
    }


def another_practices_patient(goals: str | None, service: dict[str, Any]) -> str | None:
    """The practice a person who names another one is not a patient of, as the record names it
    ("Carlisle Healthcare"); None when the person is not ruled out."""
    limit = practice_limit(service)
    mine = persons_practice(goals) if limit else set()
    if limit is None or not mine or limit[1] & mine:
        return None
    return limit[0]
