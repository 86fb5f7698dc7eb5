"""How long after a death a bereavement service takes people, read from its words.

Many bereavement services wait a while after a death ("Exclusions: bereaved within last 6 weeks -
please wait", "Wait 3 months after loss before joining") and some are for a recent loss ("Adults
bereaved within the last two years"). Given as weeks since the death: (fewest, most), either None.
The person's side is `weeks_since_loss` in matching.loss_timing.
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
UNIT = r"(days?|weeks?|wks?|fortnights?|months?|years?|yrs?)"
_LOSS = r"(?:the\s+|a\s+|your\s+|their\s+)?(?:loss|death|bereavement|someone\s+(?:has\s+)?died|they\s+died)"

# "wait 3 months after loss", "at least six weeks after the death", "from 8 weeks after a bereavement",
# "6 weeks post-bereavement"
_AT_LEAST = re.compile(
    rf"\b(?:wait(?:ing)?|at\s+least|from|after|until|no\s+sooner\s+than|minimum\s+of)\s+{NUMBER}\s*{UNIT}\s+"
    rf"(?:after|since|from|following)\s+{_LOSS}|\b{NUMBER}\s*{UNIT}\s+post[- ]?bereavement",
    re.I,
)
# "bereaved within the last 6 weeks", "a death in the past two years"
_WITHIN = re.compile(
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


def weeks(number: str, unit: str) -> float:
    count = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
    name = unit.lower().rstrip("s")
    return round(count * WEEKS_IN[name], 1)


def find_loss_window(record: Record) -> Finding | None:
    fewest = most = None
    evidence = []
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        for match in _AT_LEAST.finditer(text):
            number, unit = (g for g in match.groups() if g is not None)
            fewest = max(fewest or 0.0, weeks(number, unit))
            evidence.append(quote(text, match))
        for match in _WITHIN.finditer(text):
            span = weeks(*match.groups())
            if _TURNED_AWAY_BEFORE.search(
                text[max(0, match.start() - 60) : match.start()]
            ) or _WAIT_AFTER.match(text[match.end() :]):
                fewest = max(fewest or 0.0, span)
            else:
                most = span if most is None else min(most, span)
            evidence.append(quote(text, match))
    if fewest is None and most is None:
        return None
    return Finding({"min_weeks": fewest, "max_weeks": most}, 0.8, "text", "; ".join(evidence))
