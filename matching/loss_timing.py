"""How long ago the person's loss was, from their words, against when a bereavement service takes
people (matching.understanding.loss reads the service's side).

"son took his own life 3 wks ago" is 3 weeks; a service that asks people to wait 6 weeks after a
death is not for them yet, and says so. Only a duration said beside a death counts; "lost my job
two years ago" says nothing about grief.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .understanding.loss import NUMBER, UNIT, weeks

_DEATH = re.compile(
    r"\b(?:died|dying|passed(?:\s+away|\s+on)?|death|lost\s+(?:him|her|them)\b|"
    r"lost\s+(?:my|his|her|their|our|the)\s+(?:\w+\s+)?(?:husband|wife|partner|son|daughter|child|baby|mum|mam|"
    r"mother|dad|father|brother|sister|nan|gran|grandad|grandma|friend|boy|girl|missus)\b|"
    r"bereaved|bereavement|widow\w*|funeral|took\s+(?:his|her|their)\s+(?:own\s+)?life|suicide|killed)",
    re.I,
)
_AGO = re.compile(
    rf"\b{NUMBER}\s*{UNIT}\s+ago\b|\b(last\s+week|a\s+fortnight\s+ago|last\s+month|yesterday)\b", re.I
)
# "Widowed 3 yrs", "bereaved for six months", "two years since he passed": how long, without "ago".
_FOR = re.compile(
    rf"\b(?:widowed|bereaved)\s+(?:for\s+)?(?:about\s+|nearly\s+|almost\s+|over\s+)?{NUMBER}\s*{UNIT}\b|"
    rf"\b{NUMBER}\s*{UNIT}\s+since\s+(?:\w+\s+){{0,3}}(?:died|passed|death|funeral)\b",
    re.I,
)
_NAMED = {"last week": 1.0, "a fortnight ago": 2.0, "last month": 4.35, "yesterday": 0.1}


@lru_cache(maxsize=256)
def weeks_since_loss(goals: str | None) -> float | None:
    """Weeks since the death the person's words speak of, when they say how long ago in the same
    sentence; None otherwise."""
    for sentence in re.split(r"(?<=[.;!?\n])", goals or ""):
        if not _DEATH.search(sentence):
            continue
        found = _AGO.search(sentence)
        if found:
            if found.group(3):
                return _NAMED[re.sub(r"\s+", " ", found.group(3).lower())]
            return weeks(found.group(1), found.group(2))
        found = _FOR.search(sentence)
        if found:
            number, unit = (
                (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
            )
            return weeks(number, unit)
    return None


def too_soon_or_late(service: dict[str, Any], goals: str | None) -> str | None:
    """Why the service's time after a death does not fit this person's loss; None when it does or
    either side is not known."""
    window = service.get("loss_window") or {}
    since = weeks_since_loss(goals) if window else None
    if since is None:
        return None
    fewest, most = window.get("min_weeks"), window.get("max_weeks")
    if fewest is not None and since < fewest:
        return f"takes people from {_duration(fewest)} after a death"
    if most is not None and since > most:
        return f"for people bereaved in the last {_duration(most)}"
    return None


def _duration(weeks_: float) -> str:
    if weeks_ >= 52 and weeks_ % 52 < 1:
        years = round(weeks_ / 52)
        return f"{years} year{'s' if years > 1 else ''}"
    if weeks_ >= 13:
        return f"{round(weeks_ / 4.35)} months"
    return f"{weeks_:g} weeks"
