"""Days and times: RFC 5545 BYDAY with ordinals ("1TU" first Tuesday, "-1TH" last Thursday),
``HH:MM:SS`` times, ORUK v1 weekday names, and plain "Monday - Friday 9am-5pm" text."""
from __future__ import annotations

import re

from .record import Record
from .result import Finding

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_NAMES = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_DAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DAY_RANGE = re.compile(_DAY + r"\s*(?:-|–|to|until)\s*" + _DAY, re.I)
_DAY_ONE = re.compile(r"\b" + _DAY + r"(?:s)?\b", re.I)
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?"
_TIME_RANGE = re.compile(r"\b" + _TIME + r"\s*(?:-|–|to|until|=)\s*" + _TIME, re.I)


def _time(value: str) -> str | None:
    match = re.match(r"^(\d{1,2}):(\d{2})(?::\d{2})?", value or "")
    if not match or int(match.group(1)) > 23:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _clock(hour: str, minute: str | None, half: str | None, other_half: str | None = None) -> str | None:
    h = int(hour)
    half = (half or other_half or "").lower().replace(".", "")
    if half == "pm" and h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    elif not half and 1 <= h <= 7:
        h += 12  # "2-4" in opening times means the afternoon
    if h > 23:
        return None
    return f"{h:02d}:{minute or '00'}"


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}.get(n, f"{n}th")


def parse_byday(value: str) -> list[dict]:
    """'1TU,-1TH,WE' → [{"day": "TU", "ordinal": 1}, {"day": "TH", "ordinal": -1}, {"day": "WE", "ordinal": None}]."""
    out = []
    for part in re.split(r"[,\s]+", (value or "").strip().upper()):
        match = _BYDAY.match(part)
        if match:
            out.append({"day": match.group(2), "ordinal": int(match.group(1)) if match.group(1) else None})
    return out


def find_schedule(record: Record) -> list[Finding]:
    out = []
    for s in record.schedules:
        days = parse_byday(s.get("byday") or "")
        weekday = _NAMES.get((s.get("weekday") or "")[:3].lower())
        if not days and weekday:
            days = [{"day": weekday, "ordinal": None}]
        if not days:
            continue
        value = {"days": days, "opens_at": _time(s.get("opens_at") or ""), "closes_at": _time(s.get("closes_at") or ""),
                 "freq": (s.get("freq") or "WEEKLY").upper()}
        words = ", ".join((f"{_ordinal(d['ordinal'])} " if d["ordinal"] else "") + d["day"] for d in days)
        out.append(Finding(value, 0.95, "schedules", f"{words} {value['opens_at'] or ''}-{value['closes_at'] or ''}".strip()))
    if out:
        return out
    text = record.texts.get("schedule_description", "")
    if not text:
        return []
    for segment in re.split(r"[;\n]|,\s*(?=[A-Z])", text):
        days = []
        for match in _DAY_RANGE.finditer(segment):
            a, b = DAYS.index(_NAMES[match.group(1)[:3].lower()]), DAYS.index(_NAMES[match.group(2)[:3].lower()])
            days += list(DAYS[a:b + 1]) if a <= b else []
        rest = _DAY_RANGE.sub(" ", segment)
        days += [_NAMES[m.group(1)[:3].lower()] for m in _DAY_ONE.finditer(rest)]
        if not days:
            continue
        times = _TIME_RANGE.search(segment)
        opens = closes = None
        if times:
            opens = _clock(times.group(1), times.group(2), times.group(3), times.group(6))
            closes = _clock(times.group(4), times.group(5), times.group(6))
        value = {"days": [{"day": d, "ordinal": None} for d in dict.fromkeys(days)], "opens_at": opens,
                 "closes_at": closes, "freq": "WEEKLY"}
        out.append(Finding(value, 0.7, "schedule_description", " ".join(segment.split())[:80]))
    return out
