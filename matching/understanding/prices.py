"""What a price comes to a session, when it is said for a course, a month or a year: "£20 for the
6 wks" is £3.33 a week, low cost, not the £20 of a paid class; "Subs £10/month" is £2.50 a week."""

from __future__ import annotations

import re

# How many sessions a price is for, as said right after it ("for the 6 wks", "/8 sessions") or as
# the name of what it buys ("6 week course"); and how many a month, a term or a year of weekly
# sessions hold.
_SESSIONS = re.compile(
    r"(?:\bfor\s+(?:the\s+|a\s+|all\s+)?|\bper\s+|/\s*)(\d{1,2})[\s-]*(?:wks?|weeks?|sessions?|classes)\b|"
    r"\b(\d{1,2})[\s-]*(?:wks?|weeks?|sessions?)\s+(?:course|programme|block)\b",
    re.I,
)
_PERIODS = (
    (re.compile(r"(?:\b(?:a|per|each)\s+|/\s*)(?:month|mth)\b|\bmonthly\b", re.I), 4.0),
    (re.compile(r"(?:\b(?:a|per|each)\s+|/\s*)term\b|\btermly\b", re.I), 12.0),
    (
        re.compile(r"(?:\b(?:a|per|each)\s+|/\s*)(?:year|yr|annum)\b(?!\s+ago)|\b(?:annual|yearly)\b", re.I),
        52.0,
    ),
)
# what follows a price in prose and still speaks of it
_JUST_AFTER = 24


def per_session(amount: float, said: str, *, of_an_option: bool = False) -> float:
    """`amount` as one session's share. `said` is the text right after the price in prose, or,
    with `of_an_option`, the cost option's own words ("6 week course", "annual membership")."""
    said = said if of_an_option else said[:_JUST_AFTER]
    found = _SESSIONS.search(said)
    if found:
        sessions = int(found.group(1) or found.group(2))
        return amount / sessions if sessions > 1 else amount
    for pattern, sessions_in in _PERIODS:
        if pattern.search(said):
            return amount / sessions_in
    return amount
