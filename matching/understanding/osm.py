"""OpenStreetMap's tags, carried into a feed as taxonomy terms ("wheelchair=no", "fee=no",
"disused:amenity=social_facility", "opening_hours=Tu,Th 10:00-12:00"): a mapper's record of a place
says as much in its tags as another publisher says in prose. Read as fields where OSM's meaning is
plain. Not "social_facility:for=senior": that is a mapper's view of who mostly comes, which the
providers' own words often contradict."""

from __future__ import annotations

import re

from .record import Record

_TAG = re.compile(r"^\s*(?P<key>[a-z_]+(?::[a-z_]+)*)\s*=\s*(?P<value>\S.*?)\s*$")
# lifecycle prefixes: the place or facility is no longer what the rest of the tag says
_NO_LONGER = ("disused:", "abandoned:", "was:", "demolished:", "razed:", "removed:")


def osm_tags(record: Record) -> dict[str, str]:
    """{key: value} of the record's terms written as OSM tags (the first of each key)."""
    out: dict[str, str] = {}
    for term in record.terms:
        for said in (term.code, term.name):
            tag = _TAG.match(said or "")
            if tag:
                out.setdefault(tag["key"], tag["value"])
                break
    return out


def no_longer(tags: dict[str, str]) -> str | None:
    """The tag that says the facility has stopped ("disused:amenity=social_facility"), if any."""
    return next((f"{key}={value}" for key, value in tags.items() if key.startswith(_NO_LONGER)), None)


# OSM's opening_hours days ("Mo-Fr", "Tu,Th", "We[2,4]", "PH off") in the words the schedule
# readers know.
_OSM_DAYS = {"Mo": "Mon", "Tu": "Tue", "We": "Wed", "Th": "Thu", "Fr": "Fri", "Sa": "Sat", "Su": "Sun"}
_OSM_DAY = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b(?:\[(?P<nth>[-\d,]+)\])?")
_ORDINAL = {"1": "1st", "2": "2nd", "3": "3rd", "4": "4th", "5": "5th", "-1": "last"}


def opening_hours_words(value: str) -> str:
    """ "Tu,Th 10:00-12:00; PH off" as "Tue,Thu 10:00-12:00" (holidays and the months a place
    shuts are left to the words: "Jul-Aug off" names no day it opens)."""
    rules = [rule.strip() for rule in value.split(";") if rule.strip() and not rule.strip().endswith("off")]

    def day(m: re.Match[str]) -> str:
        name = _OSM_DAYS[m.group(1)]
        if not m["nth"]:
            return name
        return " & ".join(_ORDINAL.get(n.strip(), n.strip()) for n in m["nth"].split(",")) + " " + name

    return "; ".join(_OSM_DAY.sub(day, rule) for rule in rules)
