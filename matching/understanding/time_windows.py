"""How long after an event a service takes people, read from its words.

- After a death: many bereavement services wait a while ("Exclusions: bereaved within last 6 weeks -
  please wait", "Wait 3 months after loss before joining") and some are for a recent loss ("Adults
  bereaved within the last two years").
- After release from prison: resettlement help "within 12 weeks of release", a release-day
  service.
- Out of work: a Jobcentre programme for people "unemployed 9+ months".

Given per event as weeks since it, {"death": {"min_weeks": 6.0, "max_weeks": None}}, either bound
None. The person's side is matching.time_since.
"""

from __future__ import annotations

import re

from ..text import UNITS
from .record import Record
from .result import Finding
from .rules import quote

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **UNITS,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
}
WEEKS_IN = {"day": 1 / 7, "week": 1.0, "wk": 1.0, "fortnight": 2.0, "month": 4.35, "year": 52.0, "yr": 52.0}
NUMBER = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
UNIT = r"(days?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?)"
EVENTS = ("death", "release", "out_of_work")
_LOSS = r"(?:the\s+|a\s+|your\s+|their\s+)?(?:loss|death|bereavement|someone\s+(?:has\s+)?died|they\s+died)"

# "wait 3 months after loss", "at least six weeks after the death", "from 8 weeks after a bereavement",
# "6 weeks post-bereavement"
_AFTER_A_DEATH = re.compile(
    rf"\b(?:wait(?:ing)?|at\s+least|from|after|until|no\s+sooner\s+than|minimum\s+of)\s+{NUMBER}\s*{UNIT}\s+"
    rf"(?:after|since|from|following)\s+{_LOSS}|\b{NUMBER}\s*{UNIT}\s+post[- ]?bereavement",
    re.I,
)
# "bereaved within the last 6 weeks", "a death in the past two years"
_DEATH_WITHIN = re.compile(
    rf"\b(?:bereaved|loss|death|died|lost\s+someone)\s+(?:with)?in\s+(?:the\s+)?(?:last|past)\s+{NUMBER}\s*{UNIT}",
    re.I,
)
# the window named is who is turned away: "Exclusions: bereaved within last 6 weeks - please wait"
_TURNED_AWAY_BEFORE = re.compile(
    r"\b(?:exclusions?|excluded|exclusion\s+criteria|not\s+(?:suitable|for|open\s+to|able\s+to\s+(?:see|support))|"
    r"cannot\s+(?:see|support|take)|under)\b[^.;\n]{0,40}$",
    re.I,
)
_WAIT_AFTER = re.compile(r"^[^.;\n]{0,30}\bplease\s+wait\b|^[^.;\n]{0,30}\btoo\s+soon\b", re.I)

# "within 12 weeks of release", "released in the last 3 months", "up to 12 weeks post-release",
# "People leaving prison in the last 12 weeks", "No one more than 12 weeks after release"
_RELEASED_WITHIN = re.compile(
    rf"\b(?:with)?in\s+(?:the\s+)?(?:first\s+)?{NUMBER}\s*{UNIT}\s+(?:of|after|since|following|from)\s+"
    rf"(?:(?:their|your|his|her)\s+)?release|"
    rf"\b(?:released|leaving\s+prison|left\s+prison|out\s+of\s+prison)\s+(?:with)?in\s+(?:the\s+)?(?:last|past)\s+"
    rf"{NUMBER}\s*{UNIT}|"
    rf"\bup\s+to\s+{NUMBER}\s*{UNIT}\s+(?:after|post[- ]?)\s*release|"
    rf"\b(?:no\s+one|nobody|not\s+for\s+(?:anyone|people))\s+(?:more|longer)\s+than\s+{NUMBER}\s*{UNIT}\s+"
    rf"(?:after|since|from|post[- ]?)\s*(?:their\s+)?release",
    re.I,
)
# "Pre-release: within 12 weeks of release": the weeks before it, when the work starts inside
_BEFORE_RELEASE = re.compile(r"\bpre[- ]?release\b[^.;\n]{0,15}$", re.I)
_BEFORE_RELEASE_AFTER = re.compile(r"^\s*(?:before|prior)\b", re.I)
# a release-day service ("Release-day meet-at-the-gate from HMP Elmley"), not a mentor who meets
# people at the gate and stays with them for months
_RELEASE_DAY = re.compile(r"\brelease[- ]day\s+(?:service|meet\w*|support|pick[- ]?ups?|only)\b", re.I)
RELEASE_DAY_WEEKS = 1.0
# "must be unemployed 9+ months", "out of work for 6 months or more", "long-term unemployed (12+ months)"
_OUT_OF_WORK_AT_LEAST = re.compile(
    rf"\b(?:unemployed|out\s+of\s+work|not\s+(?:been\s+)?(?:in\s+)?work(?:ing|ed)?)\s+(?:for\s+)?"
    rf"(?:at\s+least\s+|over\s+|more\s+than\s+|\(\s*)?{NUMBER}\s*\+?\s*{UNIT}\b",
    re.I,
)


def weeks(number: str, unit: str) -> float:
    count = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
    name = unit.lower().rstrip("s")
    return round(count * WEEKS_IN["month" if name == "mth" else name], 1)


def weeks_said(match: re.Match[str]) -> float:
    """The weeks a match of a pattern whose one alternative that matched holds a number and a unit."""
    number, unit = (g for g in match.groups() if g is not None)
    return weeks(number, unit)


def find_time_windows(record: Record) -> Finding | None:
    windows: dict[str, dict[str, float | None]] = {}
    evidence: list[str] = []

    def bound(event: str, key: str, value: float, text: str, match: re.Match[str]) -> None:
        window = windows.setdefault(event, {"min_weeks": None, "max_weeks": None})
        old = window[key]
        # the latest start and the earliest end both hold
        window[key] = value if old is None else (max(old, value) if key == "min_weeks" else min(old, value))
        evidence.append(quote(text, match))

    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        for match in _AFTER_A_DEATH.finditer(text):
            bound("death", "min_weeks", weeks_said(match), text, match)
        for match in _DEATH_WITHIN.finditer(text):
            span = weeks_said(match)
            turned_away = _TURNED_AWAY_BEFORE.search(
                text[max(0, match.start() - 60) : match.start()]
            ) or _WAIT_AFTER.match(text[match.end() :])
            bound("death", "min_weeks" if turned_away else "max_weeks", span, text, match)
        for match in _RELEASED_WITHIN.finditer(text):
            if _BEFORE_RELEASE.search(text, 0, match.start()) or _BEFORE_RELEASE_AFTER.match(
                text, match.end()
            ):
                continue
            bound("release", "max_weeks", weeks_said(match), text, match)
        for match in _RELEASE_DAY.finditer(text):
            bound("release", "max_weeks", RELEASE_DAY_WEEKS, text, match)
        for match in _OUT_OF_WORK_AT_LEAST.finditer(text):
            bound("out_of_work", "min_weeks", weeks_said(match), text, match)
    if not windows:
        return None
    return Finding(windows, 0.8, "text", "; ".join(evidence))
