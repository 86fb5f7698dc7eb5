"""A veterans' association of one service (the Royal Naval Association, RAFA, "ex-army personnel
only") is not for a veteran of another: an ex-Gurkha is Army, not Navy. Read from the service's
name and description when it is indexed, and from the person's words at match time; where the
words name no service, or a record only observes who comes ("lots of ex-navy and RAF"), nothing is
held back.
"""

from __future__ import annotations

import re
from typing import Any

_ONLY = r"[^.;()]{0,30}\bonly\b"
# "serving and former members of the Royal Navy, Royal Marines ... and their dependants"
_MEMBERS_OF = (
    r"\b(?:serving|former|ex-serving)\s+(?:and\s+(?:former|ex-serving)\s+)?(?:members\s+of\s+the\s+)?"
)
_SERVICE_BRANCH = {
    "navy": re.compile(
        r"\bRoyal\s+Naval\s+Association\b|\bRoyal\s+Marines\s+Association\b|\bex-?\s*RN\s+Association\b|"
        r"\bex-?\s*(?:Royal\s+)?Navy\b" + _ONLY + r"|\b(?<!merchant\s)navy\s+(?:veterans\s+)?only\b|"
        # "Ex-RN/RM only", "RN/RM serving, veterans and their families only"
        r"\b(?:ex-?\s*)?RN\s*/\s*RM\b[^.;()]{0,45}\bonly\b|"
        + _MEMBERS_OF
        + r"(?:RN\s*/\s*RM|Royal\s+Navy)\b",
        re.I,
    ),
    "army": re.compile(
        r"\bex-?\s*army\b" + _ONLY + r"|\barmy\s+(?:veterans\s+|personnel\s+)?only\b|"
        # "Spouses/partners of serving personnel (Army)", "helpline for Army families"
        r"\bserving\s+personnel\s+\(army\)|\b(?:helpline|support|voice)\s+for\s+army\s+families\b|"
        + _MEMBERS_OF
        + r"(?:the\s+)?(?:British\s+)?army\b",
        re.I,
    ),
    "raf": re.compile(
        r"\bRAFA\b|\bRoyal\s+Air\s+Forces?\s+Association\b|\bex-?\s*RAF\b"
        + _ONLY
        + r"|\bRAF\s+(?:veterans\s+)?only\b",
        re.I,
    ),
}
_PERSON_BRANCH = {
    "navy": re.compile(
        r"\b(?:ex-?\s*)?(?<!merchant\s)(?:royal\s+)?navy\b|\bex-?\s*RN\b|\bnaval\b|\broyal\s+marines?\b|\bmatelot|"
        r"\bsubmariner|\bsailor\b",
        re.I,
    ),
    "army": re.compile(
        r"\b(?:ex-?\s*)?(?<!salvation\s)army\b|\bgurkhas?\b|\bsoldier|\bparas?\b|\bparatroop\w*|\binfantry|\bsquaddie|"
        r"\bregiment|\broyal\s+(?:engineers|signals|artillery|anglians?|logistic\s+corps|green\s+jackets)\b|"
        r"\b(?-i:REME)\b|\brifles(?:man)?\b|\bfusiliers?\b|\b(?:coldstream|grenadier|scots|irish|welsh)\s+guards\b|"
        r"\bhussars\b|\blancers\b|\bdragoons?\b|\bsappers?\b",
        re.I,
    ),
    "raf": re.compile(r"\b(?:ex-?\s*)?(?-i:RAF)\b|\broyal\s+air\s+force\b", re.I),
}
LABELS = {"navy": "the Royal Navy and Royal Marines", "army": "the Army", "raf": "the RAF"}


# The search document's field for the branches a service says it is only for, read when it is indexed.
FORCES_BRANCHES = "forces_branches"


def service_branches(service: dict[str, Any]) -> frozenset[str]:
    """The branches of the forces a service says it is only for: as its search document keeps them,
    or read from its name and description."""
    kept = service.get(FORCES_BRANCHES)
    if kept is not None:
        return frozenset(kept)
    words = " ".join(
        " ".join(value) if isinstance(value, list) else str(value or "")
        for value in (
            service.get(k) for k in ("name", "description", "eligibility_description", "eligibility")
        )
    )
    return frozenset(branch for branch, pattern in _SERVICE_BRANCH.items() if pattern.search(words))


def person_branches(goals: str | None) -> frozenset[str]:
    """The branches of the forces the person's words name (Profile.forces_branches keeps them for
    the match)."""
    words = goals or ""
    return frozenset(branch for branch, pattern in _PERSON_BRANCH.items() if pattern.search(words))


def another_branch(service: dict[str, Any], said: frozenset[str]) -> str | None:
    """Whom the service is for, when that is one branch of the forces and the person's words name
    another (`said`: person_branches of them)."""
    theirs = service_branches(service) if said else frozenset()
    if theirs and not theirs & said:
        return "veterans of " + " or ".join(LABELS[b] for b in sorted(theirs))
    return None
