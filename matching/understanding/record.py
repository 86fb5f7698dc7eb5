"""Flatten a service record from any shape we import into one plain form.

Shapes: an ORUK 3.0 service object, an ORUK v1 service (``eligibilitys``, ``service_taxonomys``,
``regular_schedules``, ``physical_addresses``), and a row of our CSV template. Everything a reader
needs ends up either in named text fields (so evidence can say which field it came from) or in
small structured lists. Venue names and addresses are kept apart from the text that describes
the service, because "Park Road Playgroup" says where, not what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..markup import plain_text
from ..shorthand import in_words
from ..text import tokens
from .prices import per_session

_SPLIT = re.compile(r"\s*[;|]\s*")
_PATH = re.compile(r"\s*(?:>|/|::)\s*")


@dataclass(frozen=True)
class Term:
    """A taxonomy term or attribute: ``vocabulary`` may be "ukcat", "openeligibility", "esd", ""."""

    vocabulary: str
    code: str
    name: str

    @property
    def classifies_the_charity(self) -> bool:
        """A charity register's classification (UKCAT, the Charity Commission's "who" and "what"):
        what the charity was set up for, weak evidence of what the service offers or whom it is
        limited to ("People with disabilities" among a neighbours' scheme's beneficiaries)."""
        return self.vocabulary == "ukcat" or "charity" in self.vocabulary


@dataclass
class Record:
    id: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # field name -> text about the service
    venue: list[str] = field(default_factory=list)  # location names, addresses: never a need
    terms: list[Term] = field(default_factory=list)
    service_areas: list[dict[str, Any]] = field(default_factory=list)  # {"text", "uri"}
    cost_amounts: list[tuple[float, str]] = field(default_factory=list)  # (amount, where)
    schedules: list[dict[str, Any]] = field(
        default_factory=list
    )  # {"byday", "opens_at", "closes_at", "freq", ...}
    locations: list[dict[str, Any]] = field(
        default_factory=list
    )  # {"type", "postcode", "wheelchair", "name"}
    phones: list[str] = field(default_factory=list)
    url: str = ""
    email: str = ""
    min_age: int | None = None
    max_age: int | None = None
    declared: dict[str, Any] = field(default_factory=dict)  # publisher-stated structured fields
    # the authorities its venues' points lie in, worked out on first asking (reach.py)
    venue_authorities: frozenset[str] | None = None

    def text(self, *fields: str) -> str:
        names = fields or tuple(self.texts)
        return "\n".join(self.texts[f] for f in names if self.texts.get(f))


def _s(value: Any) -> str:
    if value is None:
        return ""
    return plain_text(str(value).strip()).strip()


def _int(value: Any) -> int | None:
    try:
        number = int(float(str(value).strip()))
    except (TypeError, ValueError):
        return None
    # up to 999: an export's "no upper limit" (125, 999) is kept for the reader to recognise
    return number if 0 <= number <= 999 else None


def _float(value: Any) -> float | None:
    try:
        return float(str(value).replace("£", "").strip())
    except (TypeError, ValueError):
        return None


def _list(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [v for v in _SPLIT.split(value) if v]
    return [value]


def _vocabulary(name: str) -> str:
    lowered = name.lower().replace(" ", "").replace("_", "").replace("-", "")
    for key in ("ukcat", "openeligibility", "esd", "oruk"):
        if key in lowered:
            return key
    return lowered


_UKCAT_CODE = re.compile(r"^[A-Z]{2}(\d{3})?$")


def _term(vocabulary: str, code: str, name: str) -> list[Term]:
    """A term, plus each step of an "A > B > C" path as its own name."""
    code, name = _s(code), _s(name)
    if not vocabulary and _UKCAT_CODE.match(code.upper()):
        vocabulary = "ukcat"
    parts = [p for p in _PATH.split(name) if p] if name and (">" in name or "::" in name) else [name]
    return [Term(vocabulary, code, part) for part in parts if part or code]


def _add(texts: dict[str, str], key: str, *values: Any) -> None:
    words = [in_words(_s(v)) for v in values if _s(v)]
    if words:
        joined = "\n".join(words)
        texts[key] = f"{texts[key]}\n{joined}" if texts.get(key) else joined


def normalise(record: dict[str, Any]) -> Record:
    """One plain Record from an ORUK 3.0 / ORUK v1 service or a CSV template row (a dict)."""
    if not isinstance(record, dict):
        raise TypeError("a service record must be a dict")
    if "external_id" in record or isinstance(record.get("organization"), str):
        out = _from_csv(record)
    else:
        out = _from_oruk(record)
    _add_access_headings(out.texts)
    _set_activities_apart(out.texts)
    return out


# A building's week, one activity a sentence led by its day ("Mon: Yoga 7pm (£5). Tue: Toddlers
# 9.30-11.30 (0-4s with an adult). Thu: Men's Shed (men only)."): what each activity asks (an
# age, a sex, a postcode) is its own, not the building's, so those sentences are kept apart from
# the description that the readers of who may come read; the readers of needs read them too.
# The rest of a day's name after its first three letters, or of its short forms ("Tues", "Weds",
# "Thurs"), so that a word that only starts like one is not a day ("monthly", "friendly", "wedding").
DAY_ENDING = r"(?:day|sday|nesday|rsday|urday|rs|r)?s?"
_ACTIVITY = re.compile(
    r"^\s*(?:(?:1st|2nd|3rd|4th|last|every|each)\b[^:.]{0,12})?"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)" + DAY_ENDING + r"\b[^:.\n]{0,25}:",
    re.I,
)
# Or the day after the activity: "Chair exercise for over 50s, Monday. Knit and natter, Wednesday."
_ACTIVITY_THEN_DAY = re.compile(
    r"^[^.!?:]{3,60}?[,\s]\s*(?:on\s+|every\s+)?(?:mon|tue|wed|thu|fri|sat|sun)"
    + DAY_ENDING
    + r"\b[^.!?:]{0,15}[.!?]?\s*$",
    re.I,
)
# Three or more: a week's programme, not one service's sessions said in a sentence or two.
MIN_ACTIVITIES = 3


def _set_activities_apart(texts: dict[str, str]) -> None:
    description = texts.get("description", "")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n", description) if s.strip()]
    activities = [s for s in sentences if _ACTIVITY.match(s) or _ACTIVITY_THEN_DAY.match(s)]
    if len(activities) < MIN_ACTIVITIES:
        return
    named = {word for line in activities for word in _activity_words(line)}
    activities += [s for s in sentences if s not in activities and _about_one_activity(s, named)]
    texts["description"] = " ".join(s for s in sentences if s not in activities)
    texts["activities"] = "\n".join(activities)


# After the week, a note whose subject is one of its activities ("Lunch club is for Reeth parish
# residents only", "Shed: men only") is that activity's rule, not the building's.
_NOTE_SUBJECT = re.compile(
    r"^\s*(?:the\s+)?(?P<subject>[a-z'’]+(?:\s+[a-z'’]+){0,2}?)\s*(?:\bis\b|\bare\b|:|\s-\s)", re.I
)
_NOT_A_NAME = {"hall", "room", "rooms", "building", "venue", "all", "everything", "everyone", "club", "group"}


_NAME_ENDS = re.compile(
    r"[(,£]|\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|-|–)|\b\d{1,2}[.:]\d\d|\b(?:in|at|from)\b", re.I
)


def _activity_words(line: str) -> set[str]:
    """The words of an activity's name: what follows its day, up to its time, price or details."""
    name = _NAME_ENDS.split(line.split(":", 1)[-1], maxsplit=1)[0]
    return {w for w in tokens(name) if len(w) > 2 and w not in _NOT_A_NAME}


def _about_one_activity(sentence: str, named: set[str]) -> bool:
    subject = _NOTE_SUBJECT.match(sentence)
    return subject is not None and bool(set(tokens(subject["subject"])) & named)


# A note on the way in kept under its own heading inside the description ("Barriers noticed: step
# at the door | ...", "Access: upstairs, no lift."): read as a venue's access note is, where one
# step is a barrier, not as loose prose, where "a step" may be a first step in recovery.
_ACCESS_HEADING = re.compile(
    r"(?:^|[|\n;]|\.\s)\s*(?:barriers?(?:\s+(?:noticed|to\s+access|to\s+getting\s+in))?|"
    r"(?:venue\s+)?access(?:ibility)?(?:\s+(?:notes?|info))?|getting\s+in)\s*[:–-]\s*(?P<note>[^|\n]+)",
    re.I,
)


# Who may come, kept under its own heading inside the description, as exports that fold a form's
# fields into one text write it ("Eligibility: Polish speakers", "Who it's for: carers aged 18+",
# "| ELIGIBILITY=LGBTQ+ adults 18+ |", a commissioner's "Inclusion criteria: men leaving HMP Onley"):
# read as the record's eligibility statement is, not as loose prose.
_ELIGIBILITY_HEADING = re.compile(
    # (a commissioner's criteria also after a sentence: "Offer: ... Inclusion criteria: ...")
    r"(?:(?:^|[|\n;]|\.\s)\s*inclusion\s+criteria|"
    r"(?:^|[|\n;])\s*(?:eligibility(?:\s+(?:criteria|check|requirements?))?|who\s+(?:it'?s|it\s+is|is\s+it)\s+for|"
    # a prospectus's or a web page's heading as a question: "Who is this course for?", "Who can use
    # this service?"
    r"who\s+is\s+this(?:\s+\w+)?\s+for(?=\s*\?)|who\s+can\s+use\s+this(?:\s+\w+)?(?=\s*\?)|"
    r"who\s+can\s+(?:use\s+it|come|attend|join|apply|refer)|target\s+(?:group|population|audience)))"
    # (up to the next heading on the same line: "Who it's for: ... Tell the customer: ...")
    r"\s*(?:[:=–-]|\?)\s*(?P<note>[^|\n]+?)(?=\s+(?-i:[A-Z][\w'’/]*(?:\s+[\w'’/]+){0,3})[:?]\s|\s*[|\n]|\s*$)",
    re.I,
)


def _add_access_headings(texts: dict[str, str]) -> None:
    for key in ("description", "location_description"):
        for m in _ACCESS_HEADING.finditer(texts.get(key, "")):
            _add(texts, "accessibility", m["note"].strip())
    for m in _ELIGIBILITY_HEADING.finditer(texts.get("description", "")):
        _add(texts, "eligibility", m["note"].strip())


def _from_csv(row: dict[str, Any]) -> Record:
    out = Record(id=_s(row.get("external_id") or row.get("id")))
    texts = out.texts
    _add(texts, "name", row.get("name"))
    _add(texts, "organization", row.get("organization"))
    _add(texts, "description", row.get("description"))
    _add(texts, "eligibility", row.get("eligibility_description"))
    _add(texts, "accessibility", row.get("accessibility"))
    _add(texts, "fees", row.get("cost_description"))
    _add(texts, "schedule_description", row.get("schedule_description"))
    _add(texts, "alert", row.get("alert"))
    _add(texts, "wait_time", row.get("wait_time"))
    out.venue = [v for v in (_s(row.get(k)) for k in ("location_name", "address_1", "city")) if v]
    for code in _list(row.get("taxonomy_terms")):
        out.terms += _term("", _s(code) if _UKCAT_CODE.match(_s(code).upper()) else "", _s(code))
    for area in _list(row.get("service_area")):
        out.service_areas.append({"text": _s(area), "uri": ""})
    amount = _float(row.get("cost_amount")) if _s(row.get("cost_amount")) else None
    if amount is not None:
        out.cost_amounts.append((amount, "cost_amount"))
    if _s(row.get("schedule")):
        for entry in _SPLIT.split(_s(row["schedule"])):
            m = re.match(r"([A-Z0-9,\-]+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})", entry.strip())
            if m:
                out.schedules.append(
                    {"byday": m.group(1), "opens_at": m.group(2), "closes_at": m.group(3), "freq": "WEEKLY"}
                )
    if _s(row.get("postcode")) or _s(row.get("latitude")):
        wheel = _s(row.get("wheelchair")).lower()
        out.locations.append(
            {
                "type": "physical",
                "postcode": _s(row.get("postcode")),
                "name": _s(row.get("location_name")),
                "wheelchair": {"yes": True, "true": True, "no": False, "false": False}.get(wheel),
            }
        )
    out.phones = [p for p in [_s(row.get("phone"))] if re.search(r"\d{5}", p.replace(" ", ""))]
    out.url, out.email = _s(row.get("url")), _s(row.get("email"))
    out.min_age, out.max_age = _int(row.get("minimum_age")), _int(row.get("maximum_age"))
    for key in ("needs", "delivery", "eligibility"):
        if _list(row.get(key)):
            out.declared[key] = [_s(v) for v in _list(row[key])]
    for key in ("area_wide", "cost", "wheelchair", "accepting_referrals"):
        if _s(row.get(key)):
            out.declared[key] = _s(row[key]).lower()
    if _s(row.get("wait_weeks")):
        out.declared["wait_weeks"] = _float(row["wait_weeks"])
    return out


def _from_oruk(item: dict[str, Any]) -> Record:
    out = Record(id=_s(item.get("id")))
    texts = out.texts
    _add(texts, "name", item.get("name"))
    organization = item.get("organization")
    if isinstance(organization, dict):
        _add(texts, "organization", organization.get("name"))
    _add(texts, "description", item.get("description"))
    _add(texts, "eligibility", item.get("eligibility_description"))
    for eligibility in item.get("eligibilitys") or []:  # ORUK v1
        if isinstance(eligibility, dict):
            _add(texts, "eligibility", eligibility.get("eligibility"))
            out.min_age = out.min_age if out.min_age is not None else _int(eligibility.get("minimum_age"))
            out.max_age = out.max_age if out.max_age is not None else _int(eligibility.get("maximum_age"))
    if out.min_age is None:
        out.min_age = _int(item.get("minimum_age"))
    if out.max_age is None:
        out.max_age = _int(item.get("maximum_age"))
    _add(texts, "fees", item.get("fees"), item.get("fees_description"))
    _add(texts, "alert", item.get("alert"))
    _add(texts, "wait_time", item.get("wait_time"))
    # Not where ORUK puts it (on the location), but where some publishers do, as a list or a note.
    for access in item.get("accessibility") or [] if isinstance(item.get("accessibility"), list) else []:
        if isinstance(access, dict):
            _add(texts, "accessibility", access.get("description") or access.get("accessibility"))
    for key in ("accessibility", "accessibility_note", "accessibility_description"):
        if isinstance(item.get(key), str):
            _add(texts, "accessibility", item[key])
    _add(texts, "application_process", item.get("application_process"))
    _add(texts, "schedule_description", item.get("schedule_description"))
    # ORUK v1's way of taking part ("Phone", "Venue", "Home visit") is a form's field, read as such;
    # how to get in ("referral", "drop-in") is how to apply.
    _add(texts, "attending", item.get("attending_type"))
    _add(texts, "application_process", item.get("attending_access"))
    for cost in item.get("cost_options") or []:
        if isinstance(cost, dict):
            _add(texts, "fees", cost.get("option"), cost.get("amount_description"))
            amount = _float(cost.get("amount")) if cost.get("amount") not in (None, "") else None
            # ("Hall hire per hour": what hiring the building costs, not what it costs to come)
            if amount is not None and not re.search(r"\bhire\b", _s(cost.get("option")), re.I):
                # a course's or a year's price as a session's share; not when the description names
                # prices of its own ("£3 a session or £15 for six")
                said = " ".join(_s(cost.get(k)) for k in ("option", "amount_description"))
                share = amount if "£" in said else per_session(amount, said, of_an_option=True)
                out.cost_amounts.append((share, "cost_options.amount"))
    for schedule in (item.get("schedules") or []) + (item.get("regular_schedules") or []):
        if isinstance(schedule, dict):
            out.schedules.append(
                {
                    k: _s(schedule.get(k))
                    for k in (
                        "byday",
                        "opens_at",
                        "closes_at",
                        "freq",
                        "bymonthday",
                        "weekday",
                        "interval",
                        "valid_from",
                        "valid_to",
                    )
                }
            )
            _add(texts, "schedule_description", schedule.get("description"), schedule.get("notes"))
            _add(texts, "attending", schedule.get("attending_type"))
    for area in item.get("service_areas") or []:
        if isinstance(area, dict):
            out.service_areas.append(
                {"text": _s(area.get("service_area") or area.get("name")), "uri": _s(area.get("uri"))}
            )
    for attribute in item.get("attributes") or []:
        term = (attribute or {}).get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict):
            vocabulary = _vocabulary(_s(term.get("taxonomy") or term.get("vocabulary")))
            out.terms += _term(vocabulary, _s(term.get("code") or term.get("term")), _s(term.get("name")))
            _add(
                texts, "terms", term.get("description") if term.get("description") != term.get("name") else ""
            )
    for link in item.get("service_taxonomys") or []:  # ORUK v1
        term = (link or {}).get("taxonomy") if isinstance(link, dict) else None
        if isinstance(term, dict):
            out.terms += _term(
                _vocabulary(_s(term.get("vocabulary"))), _s(term.get("id")), _s(term.get("name"))
            )
    for code in _list(item.get("taxonomy_terms")):  # our own extra beside ORUK
        out.terms += _term("", _s(code), _s(code))
    for link in item.get("service_at_locations") or []:
        location = (link or {}).get("location") if isinstance(link, dict) else None
        if isinstance(location, dict):
            _location(out, location)
    for location in item.get("locations") or []:
        if isinstance(location, dict):
            _location(out, location)
    for phone in item.get("phones") or []:
        if isinstance(phone, dict) and _s(phone.get("number")):
            out.phones.append(_s(phone["number"]))
    for contact in item.get("contacts") or []:
        for phone in (contact or {}).get("phones") or [] if isinstance(contact, dict) else []:
            if isinstance(phone, dict) and _s(phone.get("number")):
                out.phones.append(_s(phone["number"]))
    out.url, out.email = _s(item.get("url")), _s(item.get("email"))
    for key in ("needs", "delivery", "eligibility"):
        if _list(item.get(key)):
            out.declared[key] = [_s(v) for v in _list(item[key])]
    # What the publisher (or the curator creating the record) stated in our own fields.
    declared: dict[str, Any] = item["declared"] if isinstance(item.get("declared"), dict) else {}
    for key in ("delivery", "eligibility", "residency"):
        if _list(declared.get(key)):
            out.declared[key] = [_s(v) for v in _list(declared[key])]
    for key in ("area_wide", "cost", "wheelchair", "accepting_referrals"):
        if _s(declared.get(key)):
            out.declared[key] = _s(declared[key]).lower()
    return out


def _point(lat: Any, lng: Any) -> tuple[float, float] | None:
    try:
        point = (float(lat), float(lng))
    except (TypeError, ValueError):
        return None
    return point if -90 <= point[0] <= 90 and -180 <= point[1] <= 180 and point != (0.0, 0.0) else None


def _location(out: Record, location: dict[str, Any]) -> None:
    addresses = [
        a
        for a in (location.get("addresses") or location.get("physical_addresses") or [])
        if isinstance(a, dict)
    ]
    postcode = next(
        (_s(a.get("postal_code")) for a in addresses if _s(a.get("postal_code"))),
        _s(location.get("postcode")),
    )
    out.venue += [
        v
        for v in [_s(location.get("name"))]
        + [_s(a.get("address_1")) for a in addresses]
        + [_s(a.get("city")) for a in addresses]
        if v
    ]
    access = [
        a
        # "accessibilities" is not ORUK's name, but feeds write it
        for a in (
            location.get("accessibility")
            or location.get("accessibilities")
            or location.get("accessibility_for_disabilities")
            or []
        )
        if isinstance(a, dict)
    ]
    for a in access:
        _add(out.texts, "accessibility", a.get("description") or a.get("accessibility"), a.get("details"))
    _add(out.texts, "location_description", location.get("description"))
    kind = _s(location.get("location_type")) or "physical"
    has_place = postcode or location.get("latitude") not in (None, "") or addresses
    if kind != "physical" or has_place:
        out.locations.append(
            {
                "type": kind,
                "postcode": postcode,
                "name": _s(location.get("name")),
                # where it is, when the feed (or our own geocoding) says: a limit to the village
                # the venue is in is drawn around it
                "point": _point(location.get("latitude"), location.get("longitude")),
                "address": " ".join(
                    v for a in addresses for v in (_s(a.get("address_1")), _s(a.get("city"))) if v
                ),
                "wheelchair": location.get("wheelchair")
                if isinstance(location.get("wheelchair"), bool)
                else None,
            }
        )
