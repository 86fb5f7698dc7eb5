"""Turn published opening-times text into the template's `BYDAY HH:MM-HH:MM` grammar.

Deliberately strict: the text must be *nothing but* day/time pairs. Anything
else ("by appointment", "term time only", "Please ring") makes the whole cell
fall back to free text, because a half-parsed schedule would state times we
cannot stand behind.
"""

from __future__ import annotations

import re

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_DAY_WORDS = {
    "MO": ["monday", "mondays", "mon"],
    "TU": ["tuesday", "tuesdays", "tues", "tue"],
    "WE": ["wednesday", "wednesdays", "wed", "weds"],
    "TH": ["thursday", "thursdays", "thurs", "thur", "thu"],
    "FR": ["friday", "fridays", "fri"],
    "SA": ["saturday", "saturdays", "sat"],
    "SU": ["sunday", "sundays", "sun"],
}
DAY_OF_WORD = {w: code for code, words in _DAY_WORDS.items() for w in words}

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<time>\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm|noon))?(?![\d:.]\d)|noon|midday)"
    r"|(?P<word>[a-z]+)"
    r"|(?P<sep>[,&/;.+-])"
    r")"
)
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|noon)?$")


def _tokenise(text: str) -> list[tuple[str, str]] | None:
    s = text.lower().replace("\xa0", " ")
    s = re.sub(r"[\u2013\u2014]", "-", s).strip()
    tokens, pos = [], 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m or m.end() == pos:
            if s[pos:].strip() == "":
                break
            return None
        kind = m.lastgroup
        tokens.append((kind, m.group(kind).strip()))
        pos = m.end()
    return tokens


def _clock(raw: str) -> tuple[int, int, str | None] | None:
    if raw in ("noon", "midday"):
        return 12, 0, "noon"
    m = _TIME.match(raw)
    if not m:
        return None
    h, mins, suffix = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if not (1 <= h <= 12) or mins >= 60:
        return None
    if suffix == "noon" and (h != 12 or mins):
        return None
    return h, mins, suffix


def _to_24h(h: int, m: int, suffix: str) -> int:
    if suffix == "noon":
        return 12 * 60
    h24 = h % 12 + (12 if suffix == "pm" else 0)
    return h24 * 60 + m


def _time_range(a: str, b: str) -> str | None:
    start, end = _clock(a), _clock(b)
    if not start or not end:
        return None
    (sh, sm, ss), (eh, em, es) = start, end
    if ss is None and es is None:
        # Only the unambiguous daytime reading: a morning start running to noon or the afternoon ("10 - 4").
        if 7 <= sh <= 11 and (eh == 12 or eh <= 7):
            ss, es = "am", ("noon" if eh == 12 and em == 0 else "pm")
        else:
            return None
    elif ss is None:
        # "1.30 - 3.30pm": the start shares the end's half of the day unless that would run backwards.
        end_suffix = "pm" if es == "noon" else es
        ss = end_suffix if (sh % 12) * 60 + sm < (eh % 12) * 60 + em else "am"
        if es == "noon":
            ss = "am"
    elif es is None:
        return None
    s_min, e_min = _to_24h(sh, sm, ss), _to_24h(eh, em, es)
    if e_min <= s_min:
        return None
    return f"{s_min // 60:02d}:{s_min % 60:02d}-{e_min // 60:02d}:{e_min % 60:02d}"


def parse_opening_times(text: str) -> str | None:
    """Return e.g. 'MO,WE 10:00-12:00; FR 13:30-15:00', or None if the text is not purely day/time pairs."""
    tokens = _tokenise(text or "")
    if not tokens:
        return None
    i, entries = 0, []

    def peek(k=0):
        return tokens[i + k] if i + k < len(tokens) else (None, None)

    while i < len(tokens):
        days: list[str] = []
        while True:
            kind, val = peek()
            if kind == "word" and val == "weekdays":
                days.extend(DAY_CODES[:5])
                i += 1
            elif kind == "word" and val in DAY_OF_WORD:
                first = DAY_OF_WORD[val]
                i += 1
                if peek()[0] == "sep" and peek()[1] == "-" and peek(1)[1] in DAY_OF_WORD:
                    last = DAY_OF_WORD[peek(1)[1]]
                    a, b = DAY_CODES.index(first), DAY_CODES.index(last)
                    if b <= a:
                        return None
                    days.extend(DAY_CODES[a : b + 1])
                    i += 2
                else:
                    days.append(first)
            else:
                break
            kind, val = peek()
            nxt = peek(1)
            joins_day = nxt[0] == "word" and (nxt[1] in DAY_OF_WORD or nxt[1] == "weekdays")
            if (kind == "sep" and val in ",&/") or (kind == "word" and val == "and"):
                if joins_day:
                    i += 1
                    continue
                if kind == "sep" and val == "," and nxt[0] == "time":
                    i += 1  # "Tues, Wed, Thursday, 11am - 2pm"
                break
            break
        if not days:
            return None
        (k1, t1), (k2, sep), (k3, t2) = peek(), peek(1), peek(2)
        if not (
            k1 == "time" and ((k2 == "sep" and sep == "-") or (k2 == "word" and sep == "to")) and k3 == "time"
        ):
            return None
        rng = _time_range(t1, t2)
        if not rng:
            return None
        i += 3
        ordered = [d for d in DAY_CODES if d in set(days)]
        entries.append(f"{','.join(ordered)} {rng}")
        kind, val = peek()
        if kind is None:
            break
        if (kind == "sep" and val in ",;.") or (kind == "word" and val == "and"):
            i += 1
            if peek()[0] is None and val == ".":
                break
        elif not (kind == "word" and (val in DAY_OF_WORD or val == "weekdays")):
            return None
    return "; ".join(entries) if entries else None


SCHEDULE_RE = re.compile(
    r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))* ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$"
)


def is_valid_schedule(value: str) -> bool:
    return all(SCHEDULE_RE.match(part.strip()) for part in value.split(";"))
