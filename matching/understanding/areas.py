"""Local authority names and GSS codes: "residents of Trafford" → E08000009, and places inside
them: "residents of Little Hulton" → Salford.

The tables are plain data handed in by the caller (the app reads seed_data/geo/
local_authorities_england.csv and places_england.csv), so this module stays free of files and paths.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

GSS = re.compile(r"\b(E0[6789]\d{6}|E10\d{6})\b")
# Names people write that differ from the register's: "Trafford borough", "City of Manchester".
# Place names are proper nouns: a capitalised run of words ("Little Hulton", "Saddleworth").
_PROPER = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:upon|on|in|under|le|de|the)?\s*[A-Z][\w'’.-]*)*")

# A full stop that ends a sentence, not an abbreviation's ("St. Helens", "Dr. Gray")
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<![A-Z])\.\s+")

# A capitalised word: where a place's name may start
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_NOISE = re.compile(r"\b(?:the|city of|borough of|metropolitan|borough|council|district|county|area)\b", re.I)

# Ward names that are also everyday words ("the Village", "City Centre", "Church", "Station"): a
# capitalised one at the start of a sentence or in a venue's name is not a place to live.
_COMMON_WORDS = frozenset(
    "village city centre center church green bank moor marsh bridge market hill valley university "
    "station park hall town central north south east west common heath cross chapel castle abbey "
    "grange priory mill mills farm wood woods lane gate fields garden gardens square court manor "
    "hospital college school harbour docks quay beach forest lake lakes meadow meadows st marys "
    # what is left of "North Road" or "High Street" wards without their first word
    "road street avenue way coast parks river estate "
    "christchurch trinity riverside hope moss top bottom end side brook vale cliff county borough district "
    # the nations: a service area "England" is the whole country, not the hamlet of that name in
    # Wiltshire (nor "Wales" the village near Sheffield)
    "england wales scotland britain ireland".split()
)


# First words of wards that are part of a longer name ("Bishop Auckland", "Greater Manchester",
# "Kings Langley"), never a town on their own.
_NOT_A_TOWN = frozenset(
    "greater middle golden kings queens bishop bishops saint royal market castle chapel church "
    "haywards chandlers burgess hedge barnard bayston broadley canford coombe lacey perry selly wheaton "
    "lytchett hemingford".split()
)

# The part of a place a ward is named for: "Higher Blackley", "Little Hulton", "West Didsbury".
_PART_OF = re.compile(
    r"^(?:higher|lower|upper|little|great|old|new|north|south|east|west|central|nether|mid)\s+", re.I
)


def written(name: str) -> str:
    """A pattern for a place's name as feeds write it, "&" for "and" ("Ellesmere Port & Neston")."""
    return re.escape(name).replace(r"\ and\ ", r"\s*(?:and|&)\s*")


# A place's circle reaches at most this share of the way to a neighbour's centre, and at least this far.
NEIGHBOUR_SHARE, SMALLEST_CIRCLE_KM = 0.6, 1.5
TOWN_KM = 4.0  # the widest a town's or a village's circle is drawn
_CELL_DEGREES = 0.05  # ~5.5 km of latitude, 3.2 km of longitude: two cells round a place hold its neighbours


# texts whose authorities find() keeps (a few records' worth of fields each)
_REMEMBERED = 20_000


def _cell(lat: float, lng: float) -> tuple[int, int]:
    return int(math.floor(lat / _CELL_DEGREES)), int(math.floor(lng / _CELL_DEGREES))


def _km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Distance across a town (equirectangular: exact enough over a few kilometres)."""
    x = math.radians(lng2 - lng1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _spoken(name: str) -> str:
    """The register's "Bristol, City of" and "Herefordshire, County of" as people say them."""
    return re.sub(r",\s*(?:city|county)\s+of\s*$", "", name, flags=re.I)


# An authority whose name without "City of" is a wider area's: "London" is all of London's boroughs,
# and only "City of London" is the Square Mile.
_KEEPS_CITY_OF = frozenset({"city of london"})


def _key(name: str) -> str:
    plain = _plain(_spoken(name))
    if plain in _KEEPS_CITY_OF:
        return plain
    return " ".join(_NOISE.sub(" ", plain).split())


def _plain(text: str) -> str:
    """Lower case, "&" as "and", no hyphens or full stops ("St. Helens" is written "St Helens")."""
    return text.lower().replace("&", " and ").replace("-", " ").replace(".", "")


# Words that follow an authority's name in a ward's ("Wigan Central"), where prose means the authority.
_WARD_SUFFIXES = frozenset({"central", "centre", "town", "north", "south", "east", "west", "and"})
# Regions whose bare name is also a direction ("north west of the borough"): only "North West
# England" names the region.
_COMPASS = frozenset({"north east", "north west", "south east", "south west"})
_GREATER = re.compile(r"\bgreater (?:manchester|london|norwich)\b")


_PLACE_ENTRY = re.compile(
    r"^place:([EWSN]\d{8})?:([^@]+)@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:\|([A-Z0-9 ]+))?$"
)


@dataclass(frozen=True)
class Place:
    """A neighbourhood or town a residency limit names ("living in Harpurhey or Moston"): its
    authority, and a circle standing for it (from its wards' centres; boundaries are not shipped).
    A district abolished long ago or a dale ("Wansbeck residents", "Weardale") is known by its
    postcode districts instead, which a person's postcode places exactly; the circle is then only
    for a person known by a point alone."""

    la: str  # "" when only the venue the record puts in it says where it is
    name: str
    lat: float
    lng: float
    km: float
    districts: tuple[str, ...] = ()

    def entry(self) -> str:
        """As a residency entry beside GSS codes: "place:E08000003:Harpurhey@53.50848,-2.20988,2.5",
        "place:E06000057:Wansbeck@55.15,-1.56,11|NE22 NE62 NE63 NE64"."""
        circle = f"place:{self.la}:{self.name}@{self.lat:.5f},{self.lng:.5f},{self.km:g}"
        return f"{circle}|{' '.join(self.districts)}" if self.districts else circle


def read_place(entry: str) -> Place | None:
    found = _PLACE_ENTRY.match(entry.strip())
    if not found:
        return None
    la, name, lat, lng, km, districts = found.groups()
    return Place(la or "", name, float(lat), float(lng), float(km), tuple((districts or "").split()))


def authority_of(code: str) -> str:
    """The authority a residency entry lies in: a place's authority, else the code itself."""
    place = read_place(code)
    return place.la if place else code


_QUARTERS = _WARD_SUFFIXES - {"town", "and"}  # a town's own parts: "Ely North", "Ely West"
_COMPASS_BEFORE = re.compile(r"\b(?:east|west|north|south)\s+$")
_STREET_AFTER = re.compile(r"\s+(?:road|rd|street|st|lane|avenue|way|terrace|crescent|drive|place|square)\b")


class AreaLookup:
    def __init__(
        self,
        rows: Iterable[dict[str, Any]],
        places: Iterable[dict[str, Any]] = (),
        centres: Iterable[dict[str, Any]] = (),
        local_areas: Iterable[dict[str, Any]] = (),
        towns: Iterable[dict[str, Any]] = (),
        ward_towns: Iterable[dict[str, Any]] = (),
    ):
        """`towns`: settlements no ward is named for (name, la_code, lat, lng, km), each both a
        place and its centre, and the neighbours a place's circle stops short of. `ward_towns`:
        settlements a ward is named for (name, la_code), which are towns, not neighbourhoods."""
        towns = list(towns)
        places = [*places, *towns]
        centres = [*centres, *towns]
        self._by_name: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._county: dict[str, str] = {}  # a two-tier district -> its county
        self._successor: dict[str, str] = {}  # an abolished district -> the authority it is in now
        self._groups: dict[str, list[str]] = {}  # "greater manchester" -> its ten authorities
        # "tyne and wear", "cheshire", "north west england" -> the authorities in them
        self._wider: dict[str, list[str]] = {}
        for row in rows:
            code, name = str(row["code"]).strip(), str(row["name"]).strip()
            self._names[code] = _spoken(name)
            if str(row.get("county_code") or "").strip():
                self._county[code] = str(row["county_code"]).strip()
            self._by_name.setdefault(_key(name), code)
            for also in str(row.get("also_called") or "").split(";"):
                if also.strip():
                    self._by_name.setdefault(_key(also.strip()), code)
            # A district abolished into this authority (Hambleton, E07000164, in North Yorkshire
            # since 2023) is still where its people live: "Hambleton residents" is Hambleton, and a
            # person's older postcode data names it (their newer areas name the successor too).
            for entry in str(row.get("former_names") or "").split(";"):
                former, _, former_name = entry.partition("=")
                if former.strip() and former_name.strip():
                    # (the official name first, then what else it is called)
                    self._names.setdefault(former.strip(), former_name.strip())
                    self._by_name.setdefault(_key(former_name), former.strip())
                    self._successor[former.strip()] = code
            group = str(row.get("combined_authority") or "").strip().lower()
            if group:
                self._groups.setdefault(group, []).append(code)
            for wider in str(row.get("wider_areas") or "").split(";"):
                if wider.strip():
                    self._wider.setdefault(_plain(wider.strip()), []).append(code)
        for name in [n for n in self._wider if n.endswith(" england")]:
            bare = name.removesuffix(" england")
            if bare not in _COMPASS and bare not in self._groups:
                self._wider.setdefault(bare, self._wider[name])
        # What people call an authority with a long name: "Stockton" for Stockton-on-Tees, "Redcar"
        # for Redcar and Cleveland; only where no other authority's name starts the same way.
        starts: dict[str, set[str]] = {}
        for key, code in self._by_name.items():
            for word in (" on ", " upon ", " and "):
                if word in key:
                    starts.setdefault(key.split(word)[0], set()).add(code)
        for alias, codes in starts.items():
            rivals = {c for k, c in self._by_name.items() if k.split()[0] == alias.split()[0]}
            if len(codes) == 1 and rivals <= codes and alias not in self._by_name:
                self._by_name[alias] = next(iter(codes))
        # Where each place is, when its wards' centres are known (place_centres.csv).
        self._centres: dict[tuple[str, str], tuple[float, float, float]] = {}
        # a place in a district abolished into a new authority: that district (Middleham: Richmondshire)
        self._place_district: dict[tuple[str, str], str] = {}
        for row in centres:
            where = (str(row["name"]).strip(), str(row["la_code"]).strip())
            if str(row.get("lat") or "").strip():
                self._centres[where] = (float(row["lat"]), float(row["lng"]), float(row["km"]))
            if str(row.get("district") or "").strip():
                self._place_district[where] = str(row["district"]).strip()
        # Each authority's centre: the mean of its places' (apart_km).
        sums: dict[str, list[float]] = {}
        for (_, la), (lat, lng, _across) in self._centres.items():
            total = sums.setdefault(la, [0.0, 0.0, 0.0])
            total[0], total[1], total[2] = total[0] + lat, total[1] + lng, total[2] + 1
        self._authority_centres = {la: (t[0] / t[2], t[1] / t[2]) for la, t in sums.items()}
        # Former districts and dales, known by their postcode districts (local_areas.csv); a town
        # of the same name that can be drawn ("Macclesfield") is what its name means.
        self._districts: dict[tuple[str, str], tuple[str, ...]] = {}
        for row in local_areas:
            where = (str(row["name"]).strip(), str(row["la_code"]).strip())
            if where in self._centres:
                continue
            self._centres[where] = (float(row["lat"]), float(row["lng"]), float(row["km"]))
            self._districts[where] = tuple(str(row["postcode_districts"]).split(";"))
        # Places (ward and neighbourhood names) → the authorities that have a place of that name.
        self._places: dict[str, set[str]] = {}
        part_of: dict[str, set[str]] = {}
        for row in places:
            name, code = str(row["name"]).strip(), str(row["la_code"]).strip()
            if name and code in self._names and name.lower() not in _COMMON_WORDS:
                self._places.setdefault(name, set()).add(code)
                plain = _PART_OF.sub("", name)
                if plain != name and len(plain) > 3 and plain.lower() not in _COMMON_WORDS:
                    part_of.setdefault(plain, set()).add(code)
        # Wards named for a part of a place ("Higher Blackley") also stand for the place people
        # name ("residents of Blackley"), unless the table has a place of that name itself.
        for place, codes in part_of.items():
            self._places.setdefault(place, codes)
        for name, code in self._districts:
            self._places.setdefault(name, set()).add(code)
        # Towns (settlements no ward is named for, and towns of several wards): not neighbourhoods.
        self._towns = {
            (str(row["name"]).strip(), str(row["la_code"]).strip()) for row in [*towns, *ward_towns]
        }
        # (A town a ward names is not a neighbour its wards' circles stop short of: tried in session
        # 44 with GeoNames' points, it cut Peterlee's own pantry off from Peterlee's people.)
        self._add_towns_of_wards()
        self._neighbourhoods: dict[str, list[Place]] = {}
        self._found: dict[str, tuple[tuple[str, str], ...]] = {}
        # Towns as neighbours, by cell: a ward of another name inside the same town (Passfield in
        # Peterlee) is part of it, not a neighbour, so only settlements count.
        self._grid: dict[tuple[int, int], list[tuple[str, float, float, float]]] = {}
        for row in towns:
            point = (str(row["name"]).strip(), float(row["lat"]), float(row["lng"]), float(row["km"]))
            self._grid.setdefault(_cell(point[1], point[2]), []).append(point)
        # Places whose names join two with "and" ("Ellesmere Port and Neston", a former borough),
        # which feeds also write with "&": found whole before the text is split into names.
        # Keyed by their first word, so a text is only tried against the names it could hold.
        self._joined: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for name in sorted((n for n in self._places if " and " in n), key=len, reverse=True):
            pattern = re.compile(r"\b" + written(name) + r"\b")
            self._joined.setdefault(name.split()[0], []).append((name, pattern))
        # Every name of an area wider than one authority (combined authorities, metropolitan
        # counties, regions), longest first so "north east england" is read before "north east";
        # built once: find() runs for every window of every record an import reads.
        self._wider_patterns = [
            (name, codes, re.compile(r"\b" + re.escape(name) + r"\b"))
            for name, codes in sorted({**self._wider, **self._groups}.items(), key=lambda i: -len(i[0]))
        ]
        # Longest names first, so "North East Lincolnshire" wins over "Lincolnshire".
        names = sorted((n for n in self._by_name if n), key=len, reverse=True)
        self._pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b") if names else None
        # Places whose names hold an authority's ("Stockton Heath" in Warrington, "Bromley Cross" in
        # Bolton): named whole, they are that place, not the authority (Stockton-on-Tees, Bromley).
        # (kept by the authority name each holds, so that find() looks only where an authority's
        # name is: one pattern of every such place cost more than the rest of find() together)
        self._holding: dict[str, list[tuple[str, int]]] = {}
        for name in self._places:
            plain = " ".join(_plain(name).split())
            if " and " in plain or plain in self._by_name or self._pattern is None:
                continue
            named = self._pattern.search(plain)
            # "Wigan Central", "Bolton North": wards that prose rarely means by those words
            if named and not set((plain[: named.start()] + plain[named.end() :]).split()) <= _WARD_SUFFIXES:
                self._holding.setdefault(named.group(1), []).append((plain, named.start()))

    def _held(self, lowered: str, match: re.Match[str]) -> bool:
        """Whether the authority's name at `match` is part of a place's ("stockton" of "stockton heath")."""
        for place, offset in self._holding.get(match.group(1), ()):
            start = match.start() - offset
            end = start + len(place)
            if (
                start >= 0
                and lowered[start:end] == place
                and (start == 0 or not lowered[start - 1].isalnum())
                and (end == len(lowered) or not lowered[end].isalnum())
            ):
                return True
        return False

    def __len__(self) -> int:
        return len(self._names)

    def name(self, code: str) -> str:
        place = read_place(code)
        if place is not None:
            return f"{place.name} ({self._names.get(place.la, place.la)})" if place.la else place.name
        return self._names.get(code, code)

    def knows(self, code: str) -> bool:
        """Whether `code` is an authority we know, former districts included."""
        return code in self._names

    def district_of_place(self, code: str, name: str) -> str | None:
        """The former district a place of a new authority lies in (Middleham → Richmondshire)."""
        return self._place_district.get((name, code))

    def _add_towns_of_wards(self) -> None:
        """A town whose wards are named for it ("Northwich Leftwich", "Northwich Witton", "Winsford
        Over") and has no ward of its own name: the town, drawn round its wards' centres."""
        wards: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        seconds: dict[tuple[str, str], set[str]] = {}
        for (name, code), centre in self._centres.items():
            first, _, rest = name.partition(" ")
            if (
                rest[:1].isupper()
                # a short first word is a town only when its wards are its quarters ("Ely North",
                # "Ely West"): "Old Trafford" and "New Mills" are not Old's or New's
                and (len(first) > 4 or rest.split()[0].lower() in _QUARTERS)
                and first.isalpha()
                and first.lower() not in _COMMON_WORDS | _NOT_A_TOWN
                and not _PART_OF.match(name)
            ):
                wards.setdefault((first, code), []).append(centre)
                seconds.setdefault((first, code), set()).add(rest.split()[0])
        for (town, code), centres in wards.items():
            # "Bethnal Green North" and "Bethnal Green South" are Bethnal Green's, not Bethnal's;
            # a town of the same name elsewhere (Attleborough in Nuneaton, and Breckland's, whose
            # wards are "Attleborough Burgh" and "Attleborough Queens") is another place.
            if len(seconds[(town, code)]) < 2 or code in self._places.get(town, ()):
                continue
            lat = sum(c[0] for c in centres) / len(centres)
            lng = sum(c[1] for c in centres) / len(centres)
            km = max(_km(lat, lng, c[0], c[1]) + c[2] for c in centres)
            self._centres[(town, code)] = (round(lat, 5), round(lng, 5), round(km, 1))
            self._places.setdefault(town, set()).add(code)
            self._towns.add((town, code))

    def place(self, code: str, name: str) -> Place | None:
        """The place `name` in authority `code`, when where it is is known."""
        centre = self._centres.get((name, code))
        if centre is None:
            return None
        districts = self._districts.get((name, code), ())
        lat, lng, km = centre
        if not districts and km <= TOWN_KM:  # (a wide rural ward's circle is drawn round its villages)
            km = self._short_of_neighbours(name, lat, lng, km)
        return Place(code, name, lat, lng, km, districts)

    def is_neighbourhood(self, code: str, name: str) -> bool:
        """Whether `name` is a neighbourhood of authority `code`: a ward's place ("Southmead",
        "Horfield"), not a town, a former district or the authority itself."""
        return (
            (name, code) in self._centres
            and (name, code) not in self._towns
            and (name, code) not in self._districts
            and _key(name) not in self._by_name
        )

    def neighbourhoods(self, code: str) -> list[Place]:
        """Every neighbourhood of authority `code` (is_neighbourhood), drawn as `place` draws it."""
        if code not in self._neighbourhoods:
            names = [name for name, la in self._centres if la == code and self.is_neighbourhood(code, name)]
            self._neighbourhoods[code] = [p for p in (self.place(code, n) for n in sorted(names)) if p]
        return self._neighbourhoods[code]

    def _short_of_neighbours(self, name: str, lat: float, lng: float, km: float) -> float:
        """A place's reach, stopped short of the centre of a neighbouring town at least its size:
        people 2.4 km from Rustington's centre but 0.3 km from Littlehampton's live in Littlehampton."""
        first = name.split()[0]
        row, column = _cell(lat, lng)
        nearest = min(
            (
                _km(lat, lng, o_lat, o_lng)
                for r in range(row - 2, row + 3)
                for c in range(column - 2, column + 3)
                for other, o_lat, o_lng, o_km in self._grid.get((r, c), ())
                if o_km >= km and other.split()[0] != first
            ),
            default=math.inf,
        )
        return round(min(km, max(SMALLEST_CIRCLE_KM, NEIGHBOUR_SHARE * nearest)), 1)

    def authority_at(self, lat: float, lng: float) -> str | None:
        """The authority of the place whose centre is nearest the point, when one is within its
        own reach: which Washington a venue at NE38 is in (Sunderland's, not West Sussex's)."""
        order, codes, lats, lngs, reach = self._centres_by_latitude
        # Only the band of latitude near the point, and within it numpy's rough distance, narrow
        # England's places to the few that might reach it (all of them in Python took 13 ms a
        # record); those few are weighed exactly, the first of equals in the table winning.
        band = slice(np.searchsorted(lats, lat - 0.2, "left"), np.searchsorted(lats, lat + 0.2, "right"))
        band_lats, band_lngs = lats[band], lngs[band]
        rough = 6371.0 * np.hypot(
            np.radians(band_lngs - lng) * np.cos(np.radians((band_lats + lat) / 2)),
            np.radians(band_lats - lat),
        )
        maybe = np.flatnonzero((np.abs(band_lngs - lng) <= 0.3) & (rough <= reach[band] + 1.01)) + band.start
        best: tuple[float, int, str] | None = None
        for i in maybe:
            apart = _km(lat, lng, float(lats[i]), float(lngs[i]))
            if apart <= float(reach[i]) + 1.0 and (best is None or (apart, order[i]) < best[:2]):
                best = (apart, int(order[i]), codes[i])
        return best[2] if best else None

    @functools.cached_property
    def _centres_by_latitude(self) -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray, np.ndarray]:
        rows = sorted(enumerate(self._centres.items()), key=lambda row: row[1][1][0])
        return (
            np.array([order for order, _ in rows]),
            [code for _, ((_, code), _) in rows],
            np.array([centre[0] for _, (_, centre) in rows]),
            np.array([centre[1] for _, (_, centre) in rows]),
            np.array([centre[2] for _, (_, centre) in rows]),
        )

    def apart_km(self, code: str, others: Iterable[str]) -> float | None:
        """How far authority `code` is from the nearest of `others`, centre to centre (the mean
        of their places' centres); None when a centre is not known."""
        centres = self._authority_centres
        here = centres.get(self._successor.get(code, code)) or centres.get(code)
        there = [
            c
            for other in others
            if (c := centres.get(self._successor.get(other, other)) or centres.get(other))
        ]
        if here is None or not there:
            return None
        return min(_km(*here, *other) for other in there)

    def is_local_area(self, code: str, name: str) -> bool:
        """Whether `name` is a former district or dale of `code`, known by its postcode districts."""
        return (name, code) in self._districts

    def successor_of(self, code: str) -> str | None:
        """The authority an abolished district is part of now (Hambleton → North Yorkshire)."""
        return self._successor.get(code)

    def county_of(self, code: str) -> str | None:
        """The county council above a two-tier district, or None."""
        return self._county.get(code)

    def group(self, code: str) -> list[str]:
        """The authorities in `code`'s combined authority (itself alone when it has none)."""
        return next((codes for codes in self._groups.values() if code in codes), [code])

    def is_wider_area(self, words: str) -> bool:
        """Whether `words` (as ``find`` returns them) name an area of several authorities."""
        return words in self._groups or words in self._wider

    def places(self, text: str, context: Iterable[str] = ()) -> list[tuple[str, str]]:
        """(authority code, place name) for places named in `text`. A name that several authorities
        share counts only when one of them is in `context` (authorities the record names elsewhere)
        or in the same combined authority as one of those."""
        if not text or not self._places:
            return []
        hits = []
        if "&" in text or " and " in text:
            for word in dict.fromkeys(_CAPITALISED.findall(text)):
                for name, pattern in self._joined.get(word, ()):
                    if pattern.search(text):
                        hits.append((name, self._places[name]))
                        text = pattern.sub(" ", text)
        # a run of capitalised words ends where a sentence does: "Southmead. Good with his hands"
        runs = (part for run in _PROPER.finditer(text) for part in _SENTENCE_END.split(run.group(0)))
        for run in runs:
            words = run.rstrip(".").split()  # "… and Rusholme."
            # the longest known name inside the run: "Little Hulton" before "Hulton"
            for size in range(len(words), 0, -1):
                hit = next(
                    (
                        " ".join(words[i : i + size])
                        for i in range(len(words) - size + 1)
                        if " ".join(words[i : i + size]) in self._places
                    ),
                    None,
                )
                if hit:
                    if (
                        _key(hit) in self._by_name
                        # a county's name is its authorities', not a place in one of them
                        # ("Northamptonshire" is both its unitaries)
                        or len(self.find(hit)) > 1
                        or any(_key(hit) in key.split(" and ") for key in self._named(text))
                        # the first word of the authority the run names: "High" of "High Peak"
                        or any(
                            _key(" ".join(words[:n])) in self._by_name
                            for n in range(len(hit.split()) + 1, len(words) + 1)
                            if words[0] == hit.split()[0]
                        )
                    ):
                        break  # an authority's own name, or part of one ("Redcar and Cleveland")
                    hits.append((hit, self._places[hit]))
                    break
        # a place only one authority has also tells which of a shared name's places the text
        # means: "Moss Side, Hulme and Rusholme" are all Manchester's
        near = set(context) | {next(iter(codes)) for _, codes in hits if len(codes) == 1}
        # a county the record names holds its districts: "Warwickshire" tells Warwick's Leamington
        # from Ashfield's
        near |= {district for district, county in self._county.items() if county in near}
        region = {c for code in near for c in self.group(code)}
        out = []
        for hit, codes in hits:
            chosen = codes if len(codes) == 1 else (codes & near or codes & region)
            if len(chosen) == 1:
                out.append((next(iter(chosen)), hit))
        return out

    def _named(self, text: str) -> list[str]:
        """The authority names (as keys) that `text` contains."""
        if self._pattern is None:
            return []
        return [m.group(1) for m in self._pattern.finditer(_key(text))]

    def code(self, name: str) -> str | None:
        """The GSS code for a local authority name or code, or None."""
        match = GSS.search(name or "")
        if match and match.group(1) in self._names:
            return match.group(1)
        return self._by_name.get(_key(name or ""))

    def find(self, text: str) -> list[tuple[str, str]]:
        """(code, matched words) for every local authority named in `text`."""
        if not text or self._pattern is None:
            return []
        # The reading of one record asks after the same field a dozen times, and each asking
        # runs every authority's name over it: remembered, a record reads in a third less time.
        if (found := self._found.get(text)) is None:
            if len(self._found) > _REMEMBERED:
                self._found.clear()
            found = self._found[text] = tuple(self._find(text, self._pattern))
        return list(found)

    def _find(self, text: str, authority_names: re.Pattern[str]) -> list[tuple[str, str]]:
        lowered = " ".join(_plain(text).split())
        out, seen = [], set()
        # "Greater Manchester" is ten authorities, not the City of Manchester; but "the Trafford
        # area of Greater Manchester" is Trafford.
        authorities = list(authority_names.finditer(_GREATER.sub(lambda m: " " * len(m.group(0)), lowered)))
        for group, codes, pattern in self._wider_patterns:
            if group not in lowered:
                continue
            hits = list(pattern.finditer(lowered))
            # an authority named beside the area is the part of it meant; one inside the area's
            # own name ("Humber and North Yorkshire", "Fylde Coast"), at any mention of it, is not
            beside = {
                self._by_name[a.group(1)]
                for a in authorities
                if not any(h.start() <= a.start() and a.end() <= h.end() for h in hits)
            }
            for hit in hits:
                # "North East" inside "North East Lincolnshire" is that authority, not the region
                inside = any(a.start() <= hit.start() and hit.end() < a.end() for a in authorities)
                # "East Cleveland" is a corner of one authority, not the former county
                corner = _COMPASS_BEFORE.search(lowered, 0, hit.start())
                # "London Road Community Centre": a street named for where it leads
                street = _STREET_AFTER.match(lowered, hit.end())
                if inside or corner or street:
                    continue
                if beside & set(codes):
                    # ... and where the area's name holds a county's ("West Kent residents
                    # (Maidstone, Sevenoaks)"), it stands for those districts, not for all of Kent
                    if any(hit.start() <= a.start() and a.end() <= hit.end() for a in authorities):
                        for code in [c for c in codes if c in beside and c not in seen]:
                            seen.add(code)
                            out.append((code, group))
                        lowered = lowered[: hit.start()] + " " * len(group) + lowered[hit.end() :]
                    continue
                for code in codes:
                    if code not in seen:
                        seen.add(code)
                        out.append((code, group))
                lowered = lowered[: hit.start()] + " " * len(group) + lowered[hit.end() :]
        lowered = _GREATER.sub(" ", lowered)
        for match in GSS.finditer(text):
            if match.group(1) in self._names and match.group(1) not in seen:
                seen.add(match.group(1))
                out.append((match.group(1), match.group(1)))
        for match in authority_names.finditer(lowered):
            if self._held(lowered, match):
                continue
            code = self._by_name[match.group(1)]
            if code not in seen:
                seen.add(code)
                out.append((code, match.group(0)))
        return out
