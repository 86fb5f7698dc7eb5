"""How long ago something happened to the person, from their words, against when a service takes
people after it (matching.understanding.time_windows reads the service's side): a death, release
from prison, losing work.

"son took his own life 3 wks ago" is 3 weeks since a death; a service that asks people to wait 6
weeks after a death is not for them yet, and says so. "Released from Elmley 14 months ago" is past
a resettlement service's "within 12 weeks of release"; "made redundant 3 wks ago" is not yet the
"unemployed 9+ months" a Jobcentre programme asks. Only a duration said in the same sentence as
the event counts, the one said nearest it; "lost my job two years ago" says nothing about grief.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from .need_context import death_to_come
from .understanding.season import MONTH, month_number
from .understanding.time_windows import EVENTS, NUMBER, UNIT, weeks_said

_EVENT = {
    "death": re.compile(
        r"\b(?:died|dying|passed(?:\s+away|\s+on)?|death|lost\s+(?:him|her|them)\b|"
        r"lost\s+(?:my|his|her|their|our|the)\s+(?:\w+\s+)?(?:husband|wife|partner|son|daughter|child|baby|mum|mam|"
        r"mother|dad|father|brother|sister|nan|gran|grandad|grandma|friend|boy|girl|missus)\b|"
        r"bereaved|bereavement|widow\w*|funeral|took\s+(?:his|her|their)\s+(?:own\s+)?life|suicide|killed)",
        re.I,
    ),
    "release": re.compile(
        r"\b(?:released|release|out\s+of\s+(?:prison|jail|HMP|custody)|(?:came|got|come|been)\s+out|"
        r"left\s+(?:prison|HMP|jail))\b(?!\s+(?:from\s+|of\s+)?(?:the\s+)?(?:hospital|ward|bed|house))",
        re.I,
    ),
    "out_of_work": re.compile(
        r"\b(?:unemployed|out\s+of\s+work|redundan\w+|laid\s+off|lost\s+(?:\w+\s+){0,3}?job|(?:not|hasn'?t|haven'?t)\s+"
        r"worked|no\s+job|sacked|finished\s+(?:at|work)|job\s+(?:went|ended))",
        re.I,
    ),
}
_AGO = re.compile(
    rf"\b{NUMBER}\s*{UNIT}\s+ago\b|\b(last\s+week|a\s+fortnight\s+ago|last\s+month|yesterday|last\s+year)\b",
    re.I,
)
# "Widowed 3 yrs", "two years since he passed", "out of work 11 months", "out 14 months", "unemployed
# for 2 years": how long, without "ago"
_FOR = {
    "death": re.compile(
        rf"\b(?:widowed|bereaved)\s+(?:for\s+)?(?:about\s+|nearly\s+|almost\s+|over\s+)?{NUMBER}\s*{UNIT}\b|"
        rf"\b{NUMBER}\s*{UNIT}\s+since\s+(?:\w+\s+){{0,3}}(?:died|passed|death|funeral)\b",
        re.I,
    ),
    "release": re.compile(
        rf"\b(?:released|out)\s+(?:of\s+(?:prison|jail|HMP)\s+)?(?:for\s+)?(?:about\s+|nearly\s+|almost\s+|over\s+)?"
        rf"{NUMBER}\s*{UNIT}\b(?!\s+ago)",
        re.I,
    ),
    "out_of_work": re.compile(
        rf"\b(?:unemployed|out\s+of\s+work|not\s+worked|no\s+job|redundant)\s+(?:for\s+)?(?:about\s+|nearly\s+|"
        rf"almost\s+|over\s+)?{NUMBER}\s*{UNIT}\b(?!\s+ago)",
        re.I,
    ),
}
# "lost his security job in Sept", "husband died back in March 2025": the latest such month before
# today, from its middle (only when the words give no duration)
_IN_A_MONTH = re.compile(
    r"\b(?:in|since|from|back\s+in|(?:at\s+the\s+)?(?:end|start|beginning)\s+of)\s+(?P<month>" + MONTH + r")"
    r"(?:\s+(?P<year>20\d\d))?(?!\s*\d)",
    re.I,
)
_NAMED = {"last week": 1.0, "a fortnight ago": 2.0, "last month": 4.35, "yesterday": 0.1, "last year": 52.0}


def _weeks(found: re.Match[str]) -> float:
    said = " ".join(found.group(0).lower().split())
    return _NAMED[said] if said in _NAMED else weeks_said(found)


def _nearest(found: list[re.Match[str]], event: re.Match[str]) -> re.Match[str]:
    """The one nearest the event, after it sooner than before ("lost his job in May after his wife
    died 2 years ago" is two years since the death)."""
    return min(found, key=lambda m: (abs(m.start() - event.end()), m.start() < event.start()))


# "Did 2 yrs, out 14 months, licence finished": "out" is out of prison where the words speak of one
_PRISON = re.compile(
    r"\b(?:prison|jail|HMP|custody|licence|inside|sentence|PoP|did\s+\d+\s*(?:yrs?|years?|months?))\b", re.I
)
_OUT = re.compile(r"\bout\b(?=\s+(?:for\s+)?(?:about\s+|nearly\s+|almost\s+|over\s+)?\d)", re.I)


def _weeks_since_month(found: re.Match[str], today: date) -> float | None:
    month = month_number(found.group("month"))
    year = int(found.group("year")) if found.group("year") else today.year - (month > today.month)
    then = date(year, month, 15)
    if then > today and found.group("year"):
        return None  # "starts in March 2027": to come
    return round(max(0, (today - then).days) / 7, 1)


@lru_cache(maxsize=512)
def weeks_since(event: str, goals: str | None, today: date | None = None) -> float | None:
    """Weeks since `event` ("death", "release", "out_of_work") the person's words speak of, when
    they say how long, or in which month given `today`, in the same sentence; None otherwise."""
    in_prison_words = event == "release" and bool(_PRISON.search(goals or ""))
    for sentence in re.split(r"(?<=[.;!?\n])", goals or ""):
        said = _EVENT[event].search(sentence) or (_OUT.search(sentence) if in_prison_words else None)
        if not said:
            continue
        durations = [*_FOR[event].finditer(sentence), *_AGO.finditer(sentence)]
        if durations:
            return _weeks(_nearest(durations, said))
        months = list(_IN_A_MONTH.finditer(sentence)) if today is not None else []
        if months and today is not None:
            return _weeks_since_month(_nearest(months, said), today)
    return None


def too_soon_or_late(service: dict[str, Any], goals: str | None, today: date | None = None) -> str | None:
    """Why the service's time after an event does not fit this person; None when it does or either
    side is not known."""
    windows = service.get("time_windows") or {}
    for event in EVENTS:
        window = windows.get(event) if isinstance(windows, dict) else None
        if not isinstance(window, dict):
            continue
        if event == "death" and window.get("min_weeks") and death_to_come(goals):
            return "takes people after a death: nobody has died yet"
        since = weeks_since(event, goals, today)
        if since is None:
            continue
        fewest, most = window.get("min_weeks"), window.get("max_weeks")
        if fewest is not None and since < fewest:
            return _TOO_SOON[event].format(_duration(fewest))
        if most is not None and since > most:
            return _TOO_LATE[event].format(_duration(most))
    return None


_TOO_SOON = {
    "death": "takes people from {} after a death",
    "release": "takes people from {} after release",
    "out_of_work": "for people out of work {} or more",
}
_TOO_LATE = {
    "death": "for people bereaved in the last {}",
    "release": "for people released in the last {}",
    "out_of_work": "for people out of work less than {}",
}


def _duration(weeks_: float) -> str:
    if weeks_ >= 52 and weeks_ % 52 < 1:
        years = round(weeks_ / 52)
        return f"{years} year{'s' if years > 1 else ''}"
    if weeks_ >= 13:
        return f"{round(weeks_ / 4.35)} months"
    if weeks_ == 1:
        return "a week"
    return f"{weeks_:g} weeks"
