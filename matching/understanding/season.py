"""The months of the year a service runs, when it says it runs only part of the year: "April to
October only", "warm space Nov-March", "Summer break July and August", "Summer only (May-Aug)", or a
schedule's ``valid_from``/``valid_to``. A season is read as coming round every year; the matcher
decides from today's date whether the service is running now."""

from __future__ import annotations

import re
from datetime import date

from .record import Record
from .result import Finding

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_PART_OF = r"(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of)[\s-]+)?"
_TO = r"\s*(?:-|–|—|to|until|till|through|thru)\s*"
# "Nov-March", "late April to September", "(March-October)"; not "April 2025 - March 2026" (a
# funding period, said with its years) nor "Sept and Jan" (two enrolment dates).
_RANGE = re.compile(
    r"\b" + _PART_OF + r"(?P<first>" + MONTH + r")" + _TO + _PART_OF + r"(?P<last>" + MONTH + r")"
    r"(?!\w)(?!\s*,?\s*'?\d{2,4}\b)",
    re.I,
)
# "Summer break July and August", "closed in August", "(not Dec-Feb)", "paused from April to
# October": the months it does not run. One month alone needs its preposition: "closed March -
# funding ended" is a service that has stopped (rules.find_closed), not a month off.
_OFF = re.compile(
    r"\b(?:break|closed|shut|paused|no\s+sessions?|not\s+running|(?:does\s+not|doesn't)\s+run|not(?=\s+"
    + MONTH
    + r"))\s+(?:(?P<on>in|during|over|for|from|throughout)\s+)?(?:the\s+months?\s+of\s+)?"
    r"(?P<first>" + MONTH + r")(?:(?:(?P<and>\s*(?:and|&)\s*)|" + _TO + r")(?P<last>" + MONTH + r"))?(?!\w)"
    r"(?!\s*,?\s*'?\d{1,4}\b)",
    re.I,
)
# Months said for something else in the same sentence: when to apply or enrol, a part of the
# service ("volunteers also give fuel vouchers in winter (Oct-Mar)"), where it moves with the
# weather ("indoor in winter, outdoor pitches April-Sept"), what happened once ("ran from May"), or
# a stop.
_NOT_ITS_SEASON = re.compile(
    r"\b(?:enrol\w*|apply|applications?|book(?:ing)?|registration|register|deadline|intakes?|also|"
    r"indoors?|outdoors?|ran|was|were|last\s+year|pilot(?:ed)?|funded|funding|financial\s+year|"
    # "walk suspended Dec-Jan (flooding on path)": months it stops, said of one part of it
    r"suspended|cancelled|except|excluding)\b",
    re.I,
)
_VERB = r"(?:open|opens|runs?|running|meets?|meeting|held|operates?|operating|only|available)"
_SUMMER = re.compile(
    r"\bsummer\s+(?:season\s+|months\s+)?only\b|\bonly\s+(?:in|during|over)\s+(?:the\s+)?summer\b|"
    r"\b"
    + _VERB
    + r"\s+(?:[\w'-]+\s+){0,3}?(?:in|during|over|through(?:out)?)\s+(?:the\s+)?summer(?:\s+months)?\b"
    r"(?!\s+(?:holidays?|half[- ]term))",
    re.I,
)
_WINTER = re.compile(
    r"\bwinter\s+(?:season\s+|months\s+)?only\b|\bonly\s+(?:in|during|over)\s+(?:the\s+)?winter\b|"
    r"\b"
    + _VERB
    + r"\s+(?:[\w'-]+\s+){0,3}?(?:in|during|over|through(?:out)?)\s+(?:the\s+)?winter(?:\s+months)?\b",
    re.I,
)
_SUMMER_HOLIDAYS = re.compile(
    r"\b" + _VERB + r"\s+(?:[\w'-]+\s+){0,4}?(?:in|during|over|through(?:out)?)\s+(?:the\s+)?(?:school\s+)?"
    r"summer\s+holidays?\b",
    re.I,
)
# "Each March a number of local solicitors write simple wills": one month a year
_EACH_MONTH = re.compile(r"\b(?:each|every)\s+(?P<first>" + MONTH + r")(?!\w)", re.I)
_OTHER_HOLIDAYS = re.compile(
    r"\b(?:easter|half[- ]terms?|christmas|october|all\s+(?:the\s+)?(?:school\s+)?holidays)\b", re.I
)
_SENTENCE = re.compile(r"[^.!?\n]+")
SUMMER = (5, 6, 7, 8, 9)
WINTER = (11, 12, 1, 2, 3)


def month_number(word: str) -> int:
    return [m[:3].lower() for m in MONTH_NAMES].index(word[:3].lower()) + 1


def months_from(first: int, last: int) -> list[int]:
    """The months from `first` to `last`, round the new year if need be (11, 3 → Nov..Mar)."""
    return [(first - 1 + step) % 12 + 1 for step in range((last - first) % 12 + 1)]


def season_words(months: list[int]) -> str:
    """[4, ..., 10] → "April to October"; a single month → "August"."""
    if not months:
        return ""
    if len(months) == 1:
        return MONTH_NAMES[months[0] - 1]
    return f"{MONTH_NAMES[months[0] - 1]} to {MONTH_NAMES[months[-1] - 1]}"


def _part_of_year(months: list[int]) -> list[int] | None:
    return months if 0 < len(months) < 12 else None


def _from_schedules(record: Record) -> Finding | None:
    seasons = []
    for schedule in record.schedules:
        try:
            start = date.fromisoformat(str(schedule.get("valid_from") or "")[:10])
            end = date.fromisoformat(str(schedule.get("valid_to") or "")[:10])
        except ValueError:
            return None  # a schedule that runs all year makes the service run all year
        if not 0 < (end - start).days < 335:
            return None
        seasons.append((start, end))
    if not seasons:
        return None
    months = sorted({m for start, end in seasons for m in months_from(start.month, end.month)})
    months = _in_running_order(months)
    if not _part_of_year(months):
        return None
    first, last = seasons[0]
    return Finding({"months": months}, 0.9, "schedules", f"valid from {first} to {last}")


def _in_running_order(months: list[int]) -> list[int]:
    """Sorted months that wrap the new year (1, 2, 3, 11, 12) start after the gap (11, 12, 1, 2, 3)."""
    if not months or len(months) == 12:
        return months
    for i, month in enumerate(months):
        before = months[i - 1]
        if (month - before) % 12 != 1:
            return months[i:] + months[:i]
    return months


def _from_words(text: str) -> tuple[list[int], str] | None:
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group(0)
        off = _OFF.search(words)
        if off and (off.group("last") or off.group("on")):
            first = month_number(off.group("first"))
            last = month_number(off.group("last")) if off.group("last") else first
            closed = [first, last] if off.group("and") else months_from(first, last)
            running = _part_of_year([m for m in months_from(first, first - 1 or 12) if m not in closed])
            if running:
                return running, off.group(0)
        if _NOT_ITS_SEASON.search(words):
            continue
        found = _RANGE.search(words)
        if found:
            months = _part_of_year(
                months_from(month_number(found.group("first")), month_number(found.group("last")))
            )
            if months:
                return months, found.group(0)
            continue
        once = _EACH_MONTH.search(words)
        if once:
            return [month_number(once.group("first"))], once.group(0)
        for pattern, months_of in ((_SUMMER_HOLIDAYS, (7, 8)), (_SUMMER, SUMMER), (_WINTER, WINTER)):
            said = pattern.search(words)
            if said and not (pattern is _SUMMER_HOLIDAYS and _OTHER_HOLIDAYS.search(words)):
                return list(months_of), said.group(0)
    return None


_ALL_YEAR = re.compile(
    r"^\s*(?:all\s+(?:the\s+)?year(?:\s+round)?|(?:all\s+)?year[- ]round|every\s+month)\s*\.?\s*$", re.I
)
_ONE_MONTH = re.compile(r"^\s*(?:(?:in|only\s+in)\s+)?(?P<first>" + MONTH + r")(?:\s+only)?\s*\.?\s*$", re.I)


def read_season(words: str) -> list[int] | None:
    """The months a curator or a publisher's column gives ("April to October", "Nov-Mar", "August",
    "all year" → []); None when the words are not months."""
    if _ALL_YEAR.match(words or ""):
        return []
    one = _ONE_MONTH.match(words or "")
    if one:
        return [month_number(one.group("first"))]
    found = _from_words(words or "")
    return found[0] if found else None


def find_season(record: Record) -> Finding | None:
    """The months the service runs, when it says it runs only part of the year; None otherwise."""
    declared = record.declared.get("season")
    if isinstance(declared, str) and (months := read_season(declared)) is not None:
        return Finding({"months": months}, 0.95, "season", declared) if months else None
    from_schedules = _from_schedules(record)
    if from_schedules:
        return from_schedules
    for field in ("schedule_description", "alert", "description"):
        found = _from_words(record.texts.get(field, ""))
        if found:
            months, words = found
            return Finding({"months": months}, 0.8, field, " ".join(words.split())[:80])
    return None
