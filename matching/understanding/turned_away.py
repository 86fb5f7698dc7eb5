"""Places a record turns away by where people live: "Not for residents of Thetford, Dereham,
Swaffham, Attleborough or Watton towns, who should use the town services", "we cannot help people
living in Bolton". Each becomes an exclusion "area:<residency entry>" (a GSS code, or a place's
circle as matching.service reads it), which matching holds against the person's home as it holds a
residency limit, the other way round."""

from __future__ import annotations

import re

from .areas import AreaLookup
from .reach import DO_NOT_REFER, ELSEWHERE, authorities_named, venue_authorities
from .record import Record
from .result import Finding
from .rules import quote

AREA_PREFIX = "area:"

# The refusal, then whose home it names: "Not for residents of", "not available to people living in",
# "we cannot help carers living in", "excluding residents of".
_TURNS_AWAY = re.compile(
    r"\b(?:not\s+(?:for|open\s+to|available\s+(?:to|for))|(?:cannot|can't|can\s+not|are\s+unable\s+to|do\s+not|don't)\s+"
    r"(?:help|support|accept|take|see|cover)|excluding|except(?:\s+for)?|" + DO_NOT_REFER + r")\s+"
    r"(?:(?:people|anyone|those|carers|families|adults|households|(?:the\s+)?(?:caller|client|person|customer|patient)|"
    r"they|he|she)\s+)?"
    # ("not for people in NE Derbyshire": after "not for", people in a place are those who live there)
    r"(?:(?:who\s+)?(?:live|living|lives)\s+in|residents?\s+(?:of|in)|(?<=people\s)in)\s+",
    re.I,
)
# "Not available to Tees residents": the place before its residents
_TURNS_AWAY_RESIDENTS = re.compile(
    r"\b(?i:not\s+(?:for|open\s+to|available\s+(?:to|for)))\s+(?=(?:the\s+)?[A-Z][\w&' -]{1,40}?\s+residents\b)"
)
# A council named in brackets after "not", beside the area served: "LGBTQ+ people in rural East and
# West Sussex (not Brighton & Hove – there's loads on for you already!)", "Derbyshire (not Derby
# City)". Councils only: "Cheadle (not Cheadle Hulme)" says which Cheadle the venue is in.
_NOT_IN_BRACKETS = re.compile(r"\(\s*(?i:not)\s+(?=[A-Z])")
# People sent to another service: "Nottingham City households should contact Nottingham Energy
# Partnership instead", "residents of Nottingham City should contact the city service", "but Wigan
# residents need to use a Wigan day centre", "Cumberland residents ring the Cumberland line". The
# people are the words before the verb, back to the clause's start.
_SENT_TO = re.compile(
    r"\b(?:(?:should|please|must|(?:will\s+)?need\s+to)\s+|(?<=residents\s)|(?<=households\s))"
    # ("W&F residents only (Cumberland residents ring the Cumberland line)")
    r"(?:contact|use|go\s+to|see|call|ring|try|apply\s+to)\s+" + ELSEWHERE,
    re.I,
)
# People said to be outside what a service covers: "Warwickshire residents - Coventry residents are
# not covered", "Kirklees households aren't eligible". The people are read as for _SENT_TO.
_NOT_COVERED = re.compile(
    r"\b(?:(?:are|is)\s+not|aren['’]t|isn['’]t)\s+(?:covered|eligible|included)\b",
    re.I,
)
_CLAUSE_START = re.compile(r"[.;:!?()\n]|\s[-–]\s|\b(?:but|only|if\s+you\s+live\s+in)\b", re.I)
_WHOSE_HOME = re.compile(
    r"\b(?:residents?|households?|people|famil(?:y|ies)|patients|pts|carers|tenants|live|living|lives)\b",
    re.I,
)
_BUT_FOR = re.compile(r"\b(?:outside(?:\s+of)?|except|apart\s+from|other\s+than|but\s+not)\b", re.I)
_CLAUSE_END = re.compile(r"[.;:!?\n(]|,\s*(?:who|which|they|please|but)\b|\s+-\s+|\bwho\s+should\b", re.I)


def area_entry(value: object) -> str | None:
    """The residency entry of an exclusion that turns a place away ("area:E08000006"), else None."""
    text = str(value)
    return text[len(AREA_PREFIX) :] if text.startswith(AREA_PREFIX) else None


def find_areas_turned_away(record: Record, areas: AreaLookup | None) -> list[Finding]:
    if areas is None:
        return []
    found: dict[str, Finding] = {}
    context: set[str] | None = None  # (read only for a record that turns a place away: few do)
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        bracketed = list(_NOT_IN_BRACKETS.finditer(text))
        for cue in [*_TURNS_AWAY.finditer(text), *_TURNS_AWAY_RESIDENTS.finditer(text), *bracketed]:
            context = _known_authorities(record, areas) if context is None else context
            window = text[cue.end() : cue.end() + 160]
            end = _CLAUSE_END.search(window)
            window = window[: end.start()] if end else window
            # "Not for people living in Kent outside Medway": what follows is who may come
            window = _BUT_FOR.split(window, maxsplit=1)[0]
            entries = [
                code
                for code, words in areas.find(window)
                # (a bracket's council near the record's own: "Stoke-on-Trent residents only (not
                # Newcastle ...)" is Newcastle-under-Lyme, not Newcastle upon Tyne)
                if not areas.is_wider_area(words) and (cue not in bracketed or _close_by(areas, code, record))
            ]
            for code, name in [] if cue in bracketed else areas.places(window, context):
                place = areas.place(code, name)
                if place is not None and _near(areas, code, context):
                    entries.append(place.entry())
            for entry in entries:
                value = AREA_PREFIX + entry
                found.setdefault(value, Finding(value, 0.8, field, quote(text, cue, 80)))
        for sent in [*_SENT_TO.finditer(text), *_NOT_COVERED.finditer(text)]:
            context = _known_authorities(record, areas) if context is None else context
            for entry in _sent_elsewhere(record, areas, text[: sent.start()], context):
                value = AREA_PREFIX + entry
                found.setdefault(value, Finding(value, 0.75, field, quote(text, sent, 80)))
    return list(found.values())


def _sent_elsewhere(record: Record, areas: AreaLookup, before: str, context: set[str]) -> list[str]:
    """The homes of the people the words just `before` a "should contact ..." send elsewhere. The
    record's own area stays open: "Bolton residents please call the Bolton office" in a Bolton
    service is how to reach it; "Stockport residents from Heaton Chapel or Reddish - please use
    Stockport Foodbank" turns away only the places."""
    before = before[-80:]
    starts = list(_CLAUSE_START.finditer(before))
    who = before[starts[-1].end() :] if starts else before
    if not _WHOSE_HOME.search(who):
        return []
    places = [
        place.entry()
        for code, name in areas.places(who, context)
        if (place := areas.place(code, name)) is not None and _near(areas, code, context)
    ]
    if places:
        return places
    serves = _service_area_authorities(record, areas)
    return [code for code, words in areas.find(who) if not areas.is_wider_area(words) and code not in serves]


def _service_area_authorities(record: Record, areas: AreaLookup) -> set[str]:
    return {code for area in record.service_areas for code, _ in areas.find(area["text"] or "")}


def _known_authorities(record: Record, areas: AreaLookup) -> set[str]:
    """The authorities the record names anywhere or serves: which of two places of one name it means."""
    return authorities_named(record, areas) | _service_area_authorities(record, areas)


# A council turned away in brackets lies beside the record's own, as Derby City lies in Derbyshire.
_CLOSE_BY_KM = 60


def _close_by(areas: AreaLookup, code: str, record: Record) -> bool:
    """Whether council `code` lies within _CLOSE_BY_KM of the record's venues or service areas, or,
    where their centres are not known, in the county or combined authority of a council it names."""
    own = _service_area_authorities(record, areas) | venue_authorities(record, areas)
    apart = areas.apart_km(code, own - {code})
    if apart is None:  # a county's area, whose centre is not kept: its councils, as named
        return _near(areas, code, _known_authorities(record, areas))
    return apart <= _CLOSE_BY_KM


def _near(areas: AreaLookup, code: str, context: set[str]) -> bool:
    """Whether a place's authority is one the record works in (or its county's, or its combined
    authority's): Breckland's "Attleborough" is not the Warwickshire one, the only Attleborough
    the place names know."""
    return not context or bool({code, areas.county_of(code), *areas.group(code)} & context)
