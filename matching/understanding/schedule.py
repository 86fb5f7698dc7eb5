"""Days and times: RFC 5545 BYDAY with ordinals ("1TU" first Tuesday, "-1TH" last Thursday),
``HH:MM:SS`` times, ORUK v1 weekday names, and plain "Monday - Friday 9am-5pm" text."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from dateutil import parser as date_parser
from dateutil.rrule import MONTHLY, WEEKLY, rrule
from dateutil.rrule import weekdays as rrule_weekdays

from ..profile import DAY_NAMES, DAYS
from .osm import opening_hours_words, osm_tags
from .record import DAY_ENDING, Record
from .result import Finding

_NAMES = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
# A day's name and its short forms ("Tues", "Weds", "Thurs"), not a word that starts like one
# ("monthly", "friendly", "wedding", "Sunny Bank").
_DAY = r"(mon|tue|wed|thu|fri|sat|sun)" + DAY_ENDING + r"\.?(?![a-z])"
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


def parse_byday(value: str) -> list[dict[str, Any]]:
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
        value = {
            "days": days,
            "opens_at": _time(s.get("opens_at") or ""),
            "closes_at": _time(s.get("closes_at") or ""),
            "freq": (s.get("freq") or "WEEKLY").upper(),
        }
        words = ", ".join((f"{_ordinal(d['ordinal'])} " if d["ordinal"] else "") + d["day"] for d in days)
        out.append(
            Finding(
                value,
                0.95,
                "schedules",
                f"{words} {value['opens_at'] or ''}-{value['closes_at'] or ''}".strip(),
            )
        )
    if out:
        return out
    text = record.texts.get("schedule_description", "")
    if not text and (hours := osm_tags(record).get("opening_hours")):
        text = opening_hours_words(hours)
    if not text:
        return _hours_in_description(record.texts.get("description", ""))
    for segment in re.split(r"[;\n]|,\s*(?=[A-Z])", text):
        try:  # prose that reads cleanly as opening times keeps its ordinals ("first Tuesday")
            entry = read_opening_times(segment)
        except ScheduleWordsError:
            entry = None
        if entry:
            out.append(Finding(_as_value(entry), 0.8, "schedule_description", " ".join(segment.split())[:80]))
            continue
        named = _days_named(segment)
        if named:
            value = _weekly(named, segment)
            out.append(Finding(value, 0.7, "schedule_description", " ".join(segment.split())[:80]))
    return out


def _days_named(text: str) -> list[str]:
    """The days `text` names, spans first ("Mon-Fri"), then single days, in the order said."""
    named = [day for match in _DAY_RANGE.finditer(text) for day in _span(match)]
    return named + [_NAMES[m.group(1)[:3].lower()] for m in _DAY_ONE.finditer(_DAY_RANGE.sub(" ", text))]


def _span(match: re.Match[str]) -> list[str]:
    """The days of "Monday to Friday" in order; none for a span that runs backwards."""
    first, last = (DAYS.index(_NAMES[match.group(i)[:3].lower()]) for i in (1, 2))
    return list(DAYS[first : last + 1]) if first <= last else []


def _weekly(days: list[str], words: str) -> dict[str, Any]:
    """Weekly on `days`, at the first span of times in `words` if there is one."""
    times = _TIME_RANGE.search(words)
    return {
        "days": [{"day": d, "ordinal": None} for d in dict.fromkeys(days)],
        "opens_at": _clock(times.group(1), times.group(2), times.group(3), times.group(6)) if times else None,
        "closes_at": _clock(times.group(4), times.group(5), times.group(6)) if times else None,
        "freq": "WEEKLY",
    }


# "Lines are open 9am to 6pm, Monday to Friday": a description's sentence saying when it is open,
# with a span of days (one day named in passing may be anything: "closed on Mondays", "Monday's talk").
_OPEN_WHEN = re.compile(r"\b(?:open|opening\s+(?:hours|times)|available|staffed|answered)\b", re.I)
_NOT_WHEN = re.compile(r"\b(?:closed|not\s+open|(?:except|apart\s+from)\s+(?:on\s+)?" + _DAY + r")", re.I)


# A record's own hours field folded into its description as a labelled line or box ("Hours: Mon-Fri
# 9:30-4 (no evening appts)", "Opening times: Calls arranged to suit, Mon-Fri daytime", "| WHEN=Thurs
# 10-12.30, 12 weeks |").
_HOURS_LINE = re.compile(
    r"(?:^|[|;])\s*(?:hours|opening\s+(?:hours|times)|open|times|days(?:\s+and\s+times)?|when)\s*[:=]\s*([^\s|][^|\n]*)",
    re.I | re.M,
)
_REMARK = re.compile(r"\([^)]*\)")


def _hours_line(text: str) -> list[Finding]:
    """The days a labelled hours line gives: read whole as opening times where it can be, else the
    days it names in order (weekly, at its first times), unless it speaks of closing."""
    for line in _HOURS_LINE.finditer(text):
        said = _REMARK.sub(" ", line.group(1)).strip().rstrip(".")
        if not said or _NOT_WHEN.search(said):
            continue
        whole = _only_times(said)
        if whole:
            return [Finding(whole, 0.65, "description", " ".join(line.group(0).split())[:80])]
        named = _days_named(said)
        if named:
            return [Finding(_weekly(named, said), 0.6, "description", " ".join(line.group(0).split())[:80])]
    return []


def _hours_in_description(text: str) -> list[Finding]:
    if labelled := _hours_line(text):
        return labelled
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        # "Mon-Tue 10-4.": a sentence that is nothing but days and times says when it is open
        whole = _only_times(sentence)
        if whole:
            return [Finding(whole, 0.6, "description", " ".join(sentence.split())[:80])]
        if not _OPEN_WHEN.search(sentence) or _NOT_WHEN.search(sentence):
            continue
        spans = list(_DAY_RANGE.finditer(sentence))
        days = _span(spans[0]) if len(spans) == 1 else []
        if days:
            return [Finding(_weekly(days, sentence), 0.6, "description", " ".join(sentence.split())[:80])]
    return []


def _only_times(sentence: str) -> dict[str, Any] | None:
    """The opening times a sentence gives when every word of it is a day or a time; else None."""
    if not (_DAY_RANGE.search(sentence) or _DAY_ONE.search(sentence) or _GROUP_DAYS.search(sentence)):
        return None
    try:
        entry = read_opening_times(sentence.strip().rstrip("."))
    except ScheduleWordsError:
        return None
    if not entry or not (entry["opens_at"] or entry["closes_at"]):
        return None
    return _as_value(entry)


def _as_value(entry: dict[str, Any]) -> dict[str, Any]:
    """What read_opening_times gives, in the shape of a schedule finding."""
    return {
        "days": parse_byday(",".join(entry["byday"])),
        "opens_at": entry["opens_at"],
        "closes_at": entry["closes_at"],
        "freq": entry["freq"],
    }


# --- opening times as a curator types them ----------------------------------------------------------
# One reader for "Thursdays 10am–12pm", "first Tuesday of the month 2–4pm", "weekdays 9 to 5",
# "Mon, Wed 10:00-12:00" and the compact "MO,WE 10:00-12:00" / "1TU 14:00-16:00". It refuses rather
# than guesses: every word must be read, or the curator is told which ones were not.

_WEEKDAY_WORDS = {
    "weekdays": DAYS[:5],
    "weekday": DAYS[:5],
    "weekends": DAYS[5:],
    "weekend": DAYS[5:],
    "daily": DAYS,
    "every day": DAYS,
    "each day": DAYS,
    "7 days a week": DAYS,
    "seven days a week": DAYS,
    "365 days a year": DAYS,
    "365 days": DAYS,
}
_ORDINAL_WORDS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}
_FULL_DAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)
_A_DAY = r"\b(" + _FULL_DAY + r")s?\b\.?"
_ORD = r"(?:first|1st|second|2nd|third|3rd|fourth|4th|last)"
_ORDINAL_DAYS = re.compile(
    r"\b("
    + _ORD
    + r"(?:\s*(?:,|and|&)\s*"
    + _ORD
    + r")*)\s+"
    + _A_DAY
    + r"(?:\s+(?:of|in)\s+(?:the|each|every|a)\s+month)?",
    re.I,
)
_DAY_SPAN = re.compile(_A_DAY + r"\s*(?:-|to|until|till|through|thru)\s*" + _A_DAY, re.I)
_SINGLE_DAY = re.compile(_A_DAY, re.I)
_GROUP_DAYS = re.compile(r"\b(" + "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True)) + r")\b", re.I)
_FORTNIGHTLY = re.compile(
    r"\b(every\s+other|alternate|fortnightly|every\s+(?:two|2)\s+weeks|bi-?weekly)\b", re.I
)
_DATE = (
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?"
)
# The week a fortnightly session falls in: "from 4 December", "next one 4/12/2026", "starting 2026-12-04".
_ANCHOR = re.compile(
    r"\b(?:from|starting(?:\s+on)?|starts(?:\s+on)?|next(?:\s+(?:one|session|meeting))?(?:\s+(?:is|on))*)\s+("
    + _DATE
    + r")",
    re.I,
)
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?"
_HOURS = re.compile(r"\b" + _CLOCK + r"\s*(?:-|to|until|till)\s*" + _CLOCK + r"\b", re.I)
_CODE = r"[+-]?\d{0,2}(?:MO|TU|WE|TH|FR|SA|SU)"
_COMPACT = re.compile(
    r"^(" + _CODE + r"(?:\s*,\s*" + _CODE + r")*)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})"
    r"(?:\s+every\s+(\d)\s+weeks)?(?:\s+from\s+(\d{4}-\d{2}-\d{2}))?$",
    re.I,
)
_FILLERS = {
    "every",
    "each",
    "on",
    "and",
    "from",
    "at",
    "between",
    "weekly",
    "open",
    "opens",
    "the",
    "a",
    "only",
    "also",
    "week",
    "a week",
}
_EXAMPLE = "such as “Thursdays 10am–12pm” or “first Tuesday of the month 2–4pm”"
_FORTNIGHTLY_EXAMPLE = "such as “every other Friday 10am–12pm from 4 December 2026”"


class ScheduleWordsError(ValueError):
    """Opening times that could not be read. ``unread`` lists the words, as typed, that were not."""

    def __init__(self, message: str, unread: list[str] | None = None):
        super().__init__(message)
        self.unread = unread or []


def _code(name: str) -> str:
    return _NAMES[name[:3].lower()]


def _hhmm(hour: str, minute: str | None, half: str | None, other_half: str | None) -> str | None:
    if minute is not None and int(minute) > 59:
        return None
    return _clock(hour, minute, half, other_half)


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _read_compact(segment: str) -> dict[str, Any] | None:
    match = _COMPACT.match(segment.strip())
    if not match:
        return None
    byday = [part.strip().upper().lstrip("+") for part in match.group(1).split(",")]
    if any(not (1 <= abs(d["ordinal"] or 1) <= 5) for d in parse_byday(",".join(byday))):
        raise ScheduleWordsError(f"“{segment.strip()}”: a week of the month is 1 to 5, or -1 for the last.")
    opens, closes = _time(match.group(2).zfill(5)), _time(match.group(3).zfill(5))
    if opens is None or closes is None or int(opens[3:]) > 59 or int(closes[3:]) > 59:
        raise ScheduleWordsError(f"“{segment.strip()}” has a time that does not exist.")
    interval = int(match.group(4)) if match.group(4) else 1
    start = _anchor_date(segment, match.group(5)) if match.group(5) else None
    return _entry(segment, byday, opens, closes, interval, start)


def _anchor_date(said: str, words: str) -> date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words.strip()):
            return date.fromisoformat(words.strip())
        # British order (4/12 is the 4th of December); a date without a year is this year's: any
        # past week of a fortnightly rule still fixes its weeks.
        parsed: datetime = date_parser.parse(words, dayfirst=True, default=datetime(date.today().year, 1, 1))
        return parsed.date()
    except (ValueError, OverflowError):
        raise ScheduleWordsError(f"“{said.strip()}”: “{words}” is not a date.") from None


def _entry(
    segment: str, byday: list[str], opens: str, closes: str, interval: int = 1, start: date | None = None
) -> dict[str, Any]:
    if closes <= opens:
        raise ScheduleWordsError(f"“{segment.strip()}” closes before it opens.")
    monthly = any(parse_byday(code)[0]["ordinal"] for code in byday)
    entry: dict[str, Any] = {
        "byday": byday,
        "opens_at": opens,
        "closes_at": closes,
        "freq": "MONTHLY" if monthly else "WEEKLY",
    }
    if interval > 1:
        if monthly:
            raise ScheduleWordsError(
                f"“{segment.strip()}”: say a week of the month or every other week, not both."
            )
        entry["interval"] = interval
        if start is not None:
            if DAYS[start.weekday()] not in byday:
                raise ScheduleWordsError(
                    f"“{segment.strip()}”: {start.strftime('%A')} {start.day} {start.strftime('%B %Y')} "
                    f"is not one of its days."
                )
            entry["dtstart"] = start.isoformat()
    return entry


def read_opening_times(segment: str) -> dict[str, Any]:
    """One entry of opening times → {"byday": ["1TU"], "opens_at": "14:00", "closes_at": "16:00",
    "freq": "MONTHLY"}; raise ScheduleWordsError naming the words that could not be read."""
    compact = _read_compact(segment)
    if compact:
        return compact
    said = segment.strip()
    text = re.sub(r"[–—‐]", "-", said.lower())
    # Every substitution keeps the length, so a position in ``text`` is the same one in ``said``.
    text = re.sub(r"\bnoon\b", "12pm", text).replace("midday", "12pm  ")
    text = text.replace("a.m.", "am  ").replace("p.m.", "pm  ")
    # The date first: its digits would otherwise read as times.
    interval, start = 1, None
    anchor = _ANCHOR.search(text)
    if anchor:
        start = _anchor_date(said, said[anchor.start(1) : anchor.end(1)])
        text = _blank(text, anchor)
    fortnightly = _FORTNIGHTLY.search(text)
    if fortnightly:
        interval = 2
        text = _blank(text, fortnightly)
    elif anchor:
        raise ScheduleWordsError(
            f"“{said}”: a start date is only needed for every other week, {_FORTNIGHTLY_EXAMPLE}."
        )
    hours = list(_HOURS.finditer(text))
    if not hours:
        raise ScheduleWordsError(f"“{said}” has no times: add them, {_EXAMPLE}.")
    if len(hours) > 1:
        raise ScheduleWordsError(
            f"“{said}” has more than one set of times: give each its own entry, separated by “;”."
        )
    h = hours[0]
    opens, closes = (
        _hhmm(h.group(1), h.group(2), h.group(3), h.group(6)),
        _hhmm(h.group(4), h.group(5), h.group(6), None),
    )
    if opens is None or closes is None:
        raise ScheduleWordsError(f"“{said}” has a time that does not exist.")
    text = _blank(text, h)
    weekly: list[str] = []
    ordinals: list[str] = []
    for pattern in (_ORDINAL_DAYS, _DAY_SPAN, _GROUP_DAYS, _SINGLE_DAY):
        for match in list(pattern.finditer(text)):
            if pattern is _ORDINAL_DAYS:
                numbers = [_ORDINAL_WORDS[w] for w in re.findall(_ORD, match.group(1), re.I)]
                ordinals += [f"{n}{_code(match.group(2))}" for n in numbers]
            elif pattern is _DAY_SPAN:
                a, b = DAYS.index(_code(match.group(1))), DAYS.index(_code(match.group(2)))
                weekly += list(DAYS[a : b + 1]) if a <= b else list(DAYS[a:]) + list(DAYS[: b + 1])
            elif pattern is _GROUP_DAYS:
                weekly += list(_WEEKDAY_WORDS[" ".join(match.group(1).lower().split())])
            else:
                weekly.append(_code(match.group(1)))
            text = _blank(text, match)
    unread = [
        said[m.start() : m.end()] for m in re.finditer(r"[^\s,&/+.;:()]+", text) if m.group() not in _FILLERS
    ]
    if unread:
        words = ", ".join(f"“{w}”" for w in dict.fromkeys(unread))
        raise ScheduleWordsError(
            f"Could not read {words} in “{said}”. Write days and times {_EXAMPLE}.", unread
        )
    if not weekly and not ordinals:
        raise ScheduleWordsError(f"“{said}” does not say which days: add them, {_EXAMPLE}.")
    days = sorted(dict.fromkeys(weekly), key=DAYS.index)
    ordinal_days = sorted(dict.fromkeys(ordinals), key=lambda c: (DAYS.index(c[-2:]), int(c[:-2]) % 10))
    return _entry(said, days + ordinal_days, opens, closes, interval, start)


def read_opening_times_list(text: str | None) -> list[dict[str, Any]]:
    """Entries separated by ";" or new lines; every unreadable entry is reported in one error."""
    entries, problems, unread = [], [], []
    for segment in re.split(r"[;\n]", text or ""):
        if not segment.strip():
            continue
        try:
            entries.append(read_opening_times(segment))
        except ScheduleWordsError as error:
            problems.append(str(error))
            unread += error.unread
    if problems:
        raise ScheduleWordsError(" ".join(problems), unread)
    return entries


def spoken_time(value: str) -> str:
    hour, minute = int(value[:2]), value[3:5]
    half = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{'' if minute == '00' else ':' + minute}{half}"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe_opening_times(
    byday: Any,
    opens_at: str | None = None,
    closes_at: str | None = None,
    interval: int | None = None,
    start: str | None = None,
) -> str:
    """RFC 5545 BYDAY codes and times in plain words: "Every Thursday, 10am to 12pm",
    "First and third Tuesday of the month, 2pm to 4pm", "Every weekday, 9am to 5pm", "Every other
    Friday, 1pm to 3pm" (INTERVAL=2), with ", from 4 December 2026" when ``start`` is given: words
    that read_opening_times reads back to the same rule."""
    every = "every" if not interval or interval < 2 else "every other" if interval == 2 else None
    parsed = parse_byday(",".join(byday) if isinstance(byday, (list, tuple)) else byday)
    weekly = [d["day"] for d in parsed if not d["ordinal"]]
    monthly: dict[str, list[int]] = {}
    for d in parsed:
        if d["ordinal"]:
            monthly.setdefault(d["day"], []).append(d["ordinal"])
    parts = []
    if weekly:
        days = sorted(dict.fromkeys(weekly), key=DAYS.index)
        if every is None:
            parts.append(f"every {interval} weeks on " + _and([DAY_NAMES[d] for d in days]))
        elif days == list(DAYS):
            parts.append(f"{every} day")
        elif days == list(DAYS[:5]):
            parts.append(f"{every} weekday")
        else:
            parts.append(f"{every} " + _and([DAY_NAMES[d] for d in days]))
    if monthly:
        groups = [
            f"{_and([_ordinal(n) for n in sorted(ns, key=lambda n: n % 10)])} {DAY_NAMES[day]}"
            for day, ns in sorted(monthly.items(), key=lambda item: DAYS.index(item[0]))
        ]
        months = (
            "the month" if every == "every" else "every other month" if every else f"every {interval} months"
        )
        parts.append(_and(groups) + " of " + months)
    words = " and ".join(parts)
    words = words[:1].upper() + words[1:]
    opens, closes = _time(opens_at or ""), _time(closes_at or "")
    if opens and closes:
        words = f"{words}, {spoken_time(opens)} to {spoken_time(closes)}"
    elif opens:
        words = f"{words}, from {spoken_time(opens)}"
    if start and interval and interval > 1:
        first = date.fromisoformat(str(start)[:10])
        words += f", from {first.day} {first.strftime('%B %Y')}"
    return words


def next_session(
    entries: list[dict[str, Any]], after: datetime, months: list[int] | None = None
) -> datetime | None:
    """When the next session starts after ``after`` (python-dateutil's rrule over the same rules),
    in one of ``months`` when the service runs only part of the year (season.find_season).
    A rule every other week (or rarer) needs its start date to know which weeks: without one it
    gives no next session rather than a wrong one."""
    starts = []
    for entry in entries:
        days = parse_byday(",".join(entry.get("byday") or []))
        opens = _time(entry.get("opens_at") or "")
        interval = int(entry.get("interval") or 1)
        first = entry.get("dtstart")
        if not days or not opens or (interval > 1 and not first):
            continue
        if interval > 1:
            anchor = datetime.combine(date.fromisoformat(str(first)[:10]), datetime.min.time())
        else:
            anchor = after.replace(second=0, microsecond=0)
        monthly = any(d["ordinal"] for d in days)
        byweekday = [
            rrule_weekdays[DAYS.index(d["day"])](d["ordinal"])
            if d["ordinal"]
            else rrule_weekdays[DAYS.index(d["day"])]
            for d in days
        ]
        rule = rrule(
            MONTHLY if monthly else WEEKLY,
            interval=max(interval, 1),
            byweekday=byweekday,
            byhour=int(opens[:2]),
            byminute=int(opens[3:]),
            bysecond=0,
            bymonth=months or None,
            dtstart=anchor,
        )
        start = rule.after(after)
        if start is not None:
            starts.append(start)
    return min(starts) if starts else None
