"""A residency limit to a neighbourhood, town or village ("living in Harpurhey or Moston",
"Catchment: Atherton, Tyldesley & Astley", "lives in Middleham"): a circle from its wards' centres
where we know them, around the record's venue where its address names the place, else the former
district or whole authority it lies in. Boundaries are not shipped, so every edge is an estimate.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .areas import AreaLookup, Place, read_place, written
from .record import Record

# Where an item of a list after a cue starts: "Harpurhey, Moston or Blackley".
_ITEM_START = r"(?:^|,|\bor\b|\band\b|/|&)\s*"
# The capitalised items of such a list: that one has three.
NAMED_ITEMS = re.compile(_ITEM_START + r"(?:the\s+)?[A-Z]")


# Words many places' names share, which do not make two places one: "Park End" is not "Park".
_COMMON_PLACE_WORDS = frozenset(
    """north south east west upper lower over nether great greater little new old top bottom high
    low hill hills park green end common town village estate road street lane bridge moor wood farm
    heath cross st saint the and of on in under upon""".split()
)


def named_as_part(name: str, places: list[str]) -> bool:
    """Whether `name`, a place we do not know, is named as part of one we do: "Greater Leys" beside
    Blackbird Leys is the estate's other half, not a neighbour to draw the circle wider for."""
    own = {w for w in re.findall(r"[a-z']+", name.lower()) if w not in _COMMON_PLACE_WORDS}
    return any(own & set(re.findall(r"[a-z']+", place.lower())) for place in places)


def named_alone(text: str, place: str) -> bool:
    """Whether `place` is named as itself, not inside a longer name ("Upper Calder Valley" is not
    the ward "Calder")."""
    for found in re.finditer(r"\b" + written(place) + r"\b", text):
        before = re.search(r"([A-Za-z][\w'’-]*)\s+$", text[: found.start()])
        # "a Bellingham GP practice": an acronym after the name is not part of it
        after = re.match(r"\s+(?![A-Z]{2,4}\b)([A-Za-z][\w'’-]*)", text[found.end() :])
        if not (before and before.group(1)[0].isupper()) and not (after and after.group(1)[0].isupper()):
            return True
    return False


def drawable(areas: AreaLookup, code: str, place: str, text: str, record: Record) -> bool:
    return named_alone(text, place) and (
        areas.place(code, place) is not None or _venue_in(record, place) is not None
    )


# A place named beside one we cannot locate is drawn at least this wide (km): twice its size, or
# this much wider for a wide rural one.
NEIGHBOURS_KM = 5.0


def _venue_in(record: Record, place: str) -> tuple[float, float] | None:
    """Where a venue whose address names `place` is ("Key Centre, Middleham"), if known."""
    for location in record.locations:
        point = location.get("point")
        if point and re.search(r"\b" + re.escape(place) + r"\b", location.get("address") or "", re.I):
            return float(point[0]), float(point[1])
    return None


# A place we know but cannot draw, around the venue the record puts in it: a village and its farms.
AROUND_VENUE_KM = 3.0
_PRACTICE_AFTER = re.compile(
    r"\s+(?:GPs?|PCN)(?:\s+[Pp]ractices?)?$|\s+(?:[Pp]ractices?|[Ss]urger(?:y|ies))$"
)
NAME_IN_LIST = re.compile(_ITEM_START + r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


def around_the_venue(record: Record, window: str, context: set[str], areas: AreaLookup) -> list[str]:
    """Residency entries for names after a cue that we do not know as places, when the record's
    venue address names one of them: a circle around that venue, wider when others are named; or
    the place the venue or service area names in full ("Weston" for Weston-super-Mare)."""
    names = [m.group(1) for m in NAME_IN_LIST.finditer(window.strip())]
    for name in names:
        # "registered with a Weston GP": the patients of the town's practices, who live around it
        town = _PRACTICE_AFTER.sub("", name)
        in_full = _written_in_full(areas, record, town, context)
        if in_full is not None:
            return [in_full.entry()]
        venue = _venue_in(record, town)
        if venue is not None:
            la = next(iter(context)) if len(context) == 1 else ""
            km = NEIGHBOURS_KM if len(names) > 1 or town != name else AROUND_VENUE_KM
            return [Place(la, town, venue[0], venue[1], km).entry()]
    return []


def _written_in_full(areas: AreaLookup, record: Record, short: str, context: set[str]) -> Place | None:
    """The place a record's venue address or service area names whose name `short` begins, as
    people say "Weston" for Weston-super-Mare or "Ashton" for Ashton-under-Lyne."""
    texts = [str(loc.get("address") or "") for loc in record.locations]
    texts += [str(area.get("text") or "") for area in record.service_areas]
    for text in texts:
        for code, name in areas.places(text, context):
            if name != short and re.match(re.escape(short) + r"[- ]", name):
                return areas.place(code, name)
    return None


# "Patients of Concord & Oxclose Family Practice": a practice named by itself, not by a place
_PRACTICE = re.compile(
    r"^\s*(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:&|and|[A-Z][\w'’.-]*))*?\s+"
    r"(?:(?:Family|Medical|Group)\s+)?(?:Practice|Surgery|Medical\s+Cent(?:re|er)|Health\s+Cent(?:re|er)))\b"
)
# A practice's patients live around it: urban lists reach a few kilometres, and the authority the
# practice is in keeps the neighbouring borough's streets out.
AROUND_PRACTICE_KM = NEIGHBOURS_KM


def around_the_practice(record: Record, window: str, areas: AreaLookup) -> list[str]:
    """The residency entry for a practice's patients, when the words after the cue name a practice
    and the record's venue is that practice (or its one venue): a circle around it, in its authority."""
    named = _PRACTICE.match(window)
    if named is None:
        return []
    practice = named.group("name")
    venues = [loc for loc in record.locations if loc.get("type") == "physical" and loc.get("point")]
    own = [loc for loc in venues if _same_words(str(loc.get("name") or ""), practice)]
    venue = (own or (venues if len(venues) == 1 else []))[:1]
    if not venue:
        return []
    lat, lng = (float(v) for v in venue[0]["point"])
    return [Place(areas.authority_at(lat, lng) or "", practice, lat, lng, AROUND_PRACTICE_KM).entry()]


def _same_words(one: str, other: str) -> bool:
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]+", text.lower().replace("&", " and "))) - {"the", "and"}

    return bool(words(one)) and words(one) == words(other)


def place_value(
    areas: AreaLookup,
    code: str,
    place: str,
    unplaced: set[str],
    text: str,
    wider: bool = False,
    record: Record | None = None,
) -> str:
    """A limit to a neighbourhood or town is that place where we know where it is (a circle from
    its wards' centres, or around the record's venue in it), else the former district it lies in,
    else its whole authority (noted in `unplaced`)."""
    found = None if code in unplaced or not named_alone(text, place) else areas.place(code, place)
    venue = _venue_in(record, place) if found is None and record is not None else None
    if venue is not None:
        # the venue's own authority, where the name's namesake we know is in another ("Fullers
        # Slade" of Milton Keynes, not the Slade we know in North Northamptonshire)
        here = areas.authority_at(*venue) or code
        found = Place(here, place, venue[0], venue[1], AROUND_VENUE_KM)
    if found is None:
        district = areas.district_of_place(code, place)
        if district and areas.knows(district):
            return district  # narrower than the new authority, and a person's postcode names it
        unplaced.add(code)
        return code
    if wider:
        found = replace(found, km=max(NEIGHBOURS_KM, min(2 * found.km, found.km + NEIGHBOURS_KM)))
    return found.entry()


# --- a curator's words for a residency limit, and back -------------------------------------------

_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")
_IN_AUTHORITY = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<authority>[^()]+)\)$")
_AROUND = re.compile(
    r"^(?P<name>[^()]+?)\s*\(within\s+(?P<km>\d+(?:\.\d+)?)\s*km of\s+"
    r"(?P<lat>-?\d{1,2}(?:\.\d+)?)\s*,\s*(?P<lng>-?\d{1,3}(?:\.\d+)?)\)$",
    re.IGNORECASE,
)


def residency_words(areas: AreaLookup, entry: str) -> str:
    """A residency entry as a curator reads and types it: "Oldham", "Saddleworth (Oldham)", "OL3",
    or, for a place known only from the venue, "Hyde (within 5 km of 53.45515,-2.09224)"."""
    place = read_place(entry)
    if place is not None and not place.la:
        return f"{place.name} (within {place.km:g} km of {place.lat:.5f},{place.lng:.5f})"
    return areas.name(entry)


def residency_entries(areas: AreaLookup, words: str) -> list[str]:
    """The residency entries one item of a curator's list stands for (a wider area is all of its
    authorities); empty when we cannot place the words, so the caller can name them."""
    text = " ".join(words.split())
    if read_place(text) is not None:
        return [text]
    if _DISTRICT.match(text.upper()):
        return [text.upper()]
    code = areas.code(text)
    if code:
        return [code]
    around = _AROUND.match(text)
    if around:
        lat, lng, km = (float(around.group(k)) for k in ("lat", "lng", "km"))
        return [Place("", around.group("name").strip(), lat, lng, km).entry()]
    named = _IN_AUTHORITY.match(text)
    if named:
        authority = areas.code(named.group("authority"))
        place = areas.place(authority, named.group("name").strip()) if authority else None
        return [place.entry()] if place else []
    wider = areas.find(text)
    if wider and all(found == text.lower() and areas.is_wider_area(found) for _, found in wider):
        return [code for code, _ in wider]
    alone = areas.places(text)
    if len(alone) == 1 and alone[0][1].lower() == text.lower():
        place = areas.place(*alone[0])
        return [place.entry()] if place else []
    return []
