"""Crisis lines: offered, but they meet a need for support only for someone in crisis.

A mental health crisis line is one a link worker gives to anyone low, in case it escalates; it is not
the counselling or peer support the person asked for. Two relevance judges who met one said so
("nothing for under-16s in St Helens except the crisis line"; "only a crisis line and a general youth
club remain"): the need is unmet, and the line is named as what there is in a crisis.
"""

from __future__ import annotations

import re
from typing import Any

# The needs a crisis line is read as meeting that it meets only in a crisis.
CRISIS_ONLY_NEEDS = frozenset({"mental_wellbeing"})
# The mark on a crisis line offered to someone not in crisis (offered.as_offered).
CRISIS_LINE = "crisis_line"
_CRISIS_SERVICE = re.compile(
    r"\bcrisis\s+(?:line|helpline|phone\s*line|team|service|support\s+line|caf[eé]|sanctuary|house)\b|"
    r"\bfor\s+(?:people|anyone|adults)\s+in\s+(?:a\s+)?(?:mental\s+health\s+)?crisis\b|"
    # a line that listens at any hour to anyone struggling, as Samaritans does, is there in case
    r"\bsamaritans\b|\blistening\s+(?:service|line|support)\b[^.]{0,40}?"
    r"\b(?:24[- ]?(?:hours?|/7)|any\s?time|day\s+or\s+night|round\s+the\s+clock)",
    re.I,
)
# The person's words: "suicidal", "self-harming", "in crisis", "wants to end it all".
_IN_CRISIS = re.compile(
    r"\b(?:suicidal|thoughts\s+of\s+suicide|crisis|self[- ]?harm\w*|overdos\w*|end\s+it\s+all|"
    r"end\s+(?:my|his|her|their)\s+(?:own\s+)?life|want(?:s|ed)?\s+to\s+die|"
    r"kill\s+(?:my|him|her|them)sel(?:f|ves))",
    re.I,
)
# "denies suicidal thoughts", "no self-harm", "not in crisis"
_DENIED = re.compile(r"\b(?:no|not|never|denies|denied|nil|without)\b[^.;,]{0,20}$", re.I)


def is_crisis_line(service: dict[str, Any]) -> bool:
    first_sentence = re.split(r"(?<=[.!?])\s", str(service.get("description") or ""), maxsplit=1)[0]
    return bool(_CRISIS_SERVICE.search(f"{service.get('name') or ''}. {first_sentence}"))


def in_crisis(goals: str | None) -> bool:
    text = goals or ""
    return any(
        not _DENIED.search(text[max(0, m.start() - 25) : m.start()]) for m in _IN_CRISIS.finditer(text)
    )
