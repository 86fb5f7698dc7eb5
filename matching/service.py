"""Reading facts out of a service document (docs/service-document.md), tolerant of gaps.

Documents come from several publishers' feeds, so any field may be missing or null; every
helper here says what a missing value means, once, so the rest of the library agrees.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

import numpy as np
from geopy.distance import EARTH_RADIUS  # mean Earth radius in km, the figure geopy itself uses

from .profile import DAYS
from .understanding.areas import Place, read_place

REMOTE_MODES = ("online", "phone")


def delivery_modes(service: dict[str, Any]) -> frozenset[str]:
    """How the service is delivered. Unrecorded delivery means in person: most community
    groups meet somewhere, and assuming "online" would wrongly exempt them from distance."""
    modes = frozenset(service.get("delivery") or ())
    return modes or frozenset({"in_person"})


def remote_mode(service: dict[str, Any]) -> str | None:
    """ "online" or "phone" when the service can be used without travelling, else None."""
    modes = delivery_modes(service)
    if "online" in modes:
        return "online"
    if "phone" in modes:
        return "phone"
    return None


def norm_area(code: str) -> str:
    return str(code).upper().replace(" ", "")


def covers_any(service: dict[str, Any], areas: Any) -> bool:
    """Whether an area-wide service covers one of `areas`. An empty service_area means it
    covers everywhere (national services are published without one). Used by the gap reports;
    matching uses `reaches`, which reads an empty area more carefully."""
    covered = service.get("service_area") or ()
    if not covered:
        return True
    wanted = {norm_area(a) for a in areas}
    return any(norm_area(a) in wanted for a in covered)


# --- where a service is for (residency) and whom it reaches --------------------------------------

# Only codes at levels a person's postcode gives (LA, county, ward, LSOA) can be compared. Any other
# GSS code (a region E12, a combined authority E47, an ICB) is ignored rather than read as "nowhere".
_GSS = re.compile(r"(?<![A-Z0-9])((?:E0[156789]|E10|W0[156]|S1[23]|N0[89])\d{6})(?![0-9])")
# A council (unitary, district, metropolitan, London borough, county) of the four nations.
_AUTHORITY = re.compile(r"(?:E0[6789]|E10|W06|S12|N09)\d{6}")
_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
# Country and union codes: the service is offered nationally. Value: the first letters of the LA
# codes in that country ("" = every country).
NATIONAL_CODES = {
    "E92000001": "E",
    "W92000004": "W",
    "S92000003": "S",
    "N92000002": "N",
    "K04000001": "EW",
    "K03000001": "EWS",
    "K02000001": "",
}
NATIONAL_WORDS = {
    "national",
    "nationwide",
    "england",
    "uk",
    "united kingdom",
    "great britain",
    "gb",
    "england and wales",
    "wales",
    "scotland",
    "northern ireland",
    "anywhere",
}
_WORD_COUNTRY = {
    "england": "E",
    "wales": "W",
    "scotland": "S",
    "northern ireland": "N",
    "england and wales": "EW",
}


@dataclass(frozen=True)
class Area:
    """A service's stated area, as far as it can be read: local codes and/or national reach, and
    places inside an authority (understanding.areas.Place: "living in Harpurhey or Moston").
    ``countries`` is None when no national reach is stated; "" means the whole UK."""

    codes: frozenset[str] = frozenset()
    countries: str | None = None
    places: tuple[Place, ...] = ()

    @property
    def stated(self) -> bool:
        return bool(self.codes) or self.countries is not None or bool(self.places)


_NO_AREA = Area()


def read_area(values: Any) -> Area:
    """Read area entries as publishers write them: GSS codes, statistics.data.gov.uk URIs,
    postcode districts, "national", "England". Entries we cannot read are left out."""
    # A match reads every candidate's areas several times (its residency, its reach, for the
    # distance rule too), ~800 reads a match, and a directory states few distinct areas.
    if not values:
        return _NO_AREA
    return _read_area(tuple(map(str, values)))  # each entry is read as text anyway


@lru_cache(maxsize=8192)
def _read_area(values: tuple[str, ...]) -> Area:
    codes: set[str] = set()
    countries: str | None = None
    places: list[Place] = []
    for value in values:
        text = value.strip()
        place = read_place(text)
        if place is not None:
            places.append(place)
            continue
        compact = norm_area(text)
        national = NATIONAL_CODES.get(compact)
        for found in _GSS.findall(compact):
            codes.add(found)
        for code, reach in NATIONAL_CODES.items():
            if code in compact:
                national = reach if national is None else national
        if national is None and text.lower().rstrip(".") in NATIONAL_WORDS:
            national = _WORD_COUNTRY.get(text.lower().rstrip("."), "")
        if national is not None:
            countries = (
                ""
                if countries == "" or national == ""
                else "".join(sorted(set((countries or "") + national)))
            )
        elif _DISTRICT.match(compact):
            codes.add(compact)
    return Area(frozenset(codes), countries, tuple(places))


# Among a person's areas, a neighbourhood they do not live in though it is near
# ("outside:E06000023:Horfield"): their words named the one next to it as home.
OUTSIDE = "outside:"


def in_area(
    area: Area, person_areas: Any, point: tuple[Any, Any] | None = None, possible: Any = ()
) -> bool | None:
    """True if the person lives in `area`, False if they do not, None when we cannot tell (no
    postcode, or a postcode whose local authority is unknown). `point` is where they live (lat,
    lng): a place inside an authority is the finer limit within it, as a postcode district is.
    `possible`: where the person may live but we cannot tell (the authorities a district spans,
    the former districts of their authority); an area among them cannot be told either.
    A neighbourhood's circle does not hold a person whose areas put them OUTSIDE it."""
    if not area.stated:
        return True
    mine = {norm_area(a) for a in person_areas or ()}
    # Postcode districts are the finest limit ("Middlesbrough: TS1 and TS5 only"), then places.
    districts = {code for code in area.codes if _DISTRICT.match(code)}
    my_districts = {code for code in mine if _DISTRICT.match(code)}
    if districts and my_districts:
        return bool(districts & my_districts)
    if area.places:
        my_authorities = {code for code in mine if _AUTHORITY.fullmatch(code)}
        # a place known by its postcode districts ("Wansbeck") holds exactly those postcodes, on its
        # own authority's side of a border (NE42 is Prudhoe, in Tynedale, and a corner of Gateshead)
        if any(
            set(p.districts) & my_districts and (not p.la or not my_authorities or p.la in my_authorities)
            for p in area.places
        ):
            return True
        circles = tuple(p for p in area.places if not (p.districts and my_districts))
        settled = frozenset(p.la for p in area.places if p not in circles)
        limited = frozenset(p.la for p in circles)
        if circles and point is not None and valid_point(*point):
            # A town's circle holds only its own authority's side of a border: "Middleton only"
            # is not for a street in Oldham a kilometre from Middleton's centre.
            if any(
                float(haversine_km(point[0], point[1], p.lat, p.lng)) <= p.km
                and (not p.la or not my_authorities or p.la in my_authorities)
                and norm_area(f"{OUTSIDE}{p.la}:{p.name}") not in mine
                for p in circles
            ):
                return True
            area = Area(area.codes - limited - settled, area.countries)
        elif circles:  # without a point, the authority is as near as we can tell
            area = Area((area.codes - settled) | (limited - {""}), area.countries)
        else:
            area = Area(area.codes - settled, area.countries)
        if not area.stated:
            return False
    if not mine:
        return None
    if area.codes & mine:
        return True
    if area.countries is not None:
        country = next((code[0] for code in sorted(mine) if _GSS.fullmatch(code)), None)
        if area.countries == "" or country is None or country in area.countries:
            return True
    maybe = {norm_area(a) for a in possible}
    if area.codes & maybe:
        return None
    if (
        area.codes
        and not any(_GSS.fullmatch(code) for code in mine)
        and all(_GSS.fullmatch(c) for c in area.codes)
    ):
        return None if not maybe else False  # the area is in GSS codes; the postcode gave none
    return False


def residency(service: dict[str, Any]) -> Area:
    """Who a service is for, by where they live: its ``residency`` codes when the record states a
    restriction ("Salford residents only"), otherwise its ``service_area`` (ORUK: where the service
    is available). Not stated, or unreadable: open to everyone."""
    stated = read_area(service.get("residency"))
    return stated if stated.stated else read_area(service.get("service_area"))


def venue_areas(service: dict[str, Any]) -> frozenset[str]:
    """Local authority codes of the service's venues, when the app looked them up."""
    return frozenset(
        norm_area(loc["la_code"])
        for loc in service.get("locations") or ()
        if isinstance(loc, dict) and loc.get("la_code")
    )


def reaches(
    service: dict[str, Any], person_areas: Any, point: tuple[Any, Any] | None = None, possible: Any = ()
) -> bool | None:
    """Whether a phone, online or area-wide service reaches the person (None: cannot tell).

    With no stated area we read the record as where the organisation says it works when it is a
    line or outreach, as local to its venue's local authority when people go to it, and as
    national when it has no venue and says nothing. Why: publishers list their own local lines without
    an area (a council's helpline, a borough befriending scheme), and offering those everywhere
    puts another borough's phone number in front of someone it cannot help; a service without any
    venue is most often a national helpline or website, and hiding those would be the worse error.
    A venue whose authority we could not look up leaves it open (missing data is not a "no").
    """
    area = residency(service)
    if area.stated:
        return in_area(area, person_areas, point, possible)
    has_venue = any(
        isinstance(loc, dict) and (loc.get("postcode") or valid_point(loc.get("lat"), loc.get("lng")))
        for loc in service.get("locations") or ()
    )
    local = venue_areas(service)
    # Where the organisation says it works ("we operate in the Greater Manchester and Cheshire
    # areas", "Hambleton Community Transport") is the reach of a line or outreach with no venue
    # people go to, rather than everywhere or only the borough its office is in. A service people
    # also visit keeps its venue's borough: working across a region is not outreach across it.
    works_in = read_area(service.get("works_in"))
    if works_in.stated and not ("in_person" in delivery_modes(service) and has_venue and local):
        return in_area(works_in, person_areas, possible=possible)
    if has_venue and local:
        return in_area(Area(local), person_areas, possible=possible)
    return True


LONDON_BOROUGH = "E09"


@lru_cache(maxsize=256)
def own_authorities(person_areas: tuple[str, ...]) -> frozenset[str]:
    """The authority codes among a person's areas (`Profile.areas`, which also hold their ward,
    LSOA and postcode district), for `over_the_border`; none for a Londoner, for whom another
    borough is a few stops on the Tube. (Once a match, not once a candidate.)"""
    mine = frozenset(code for code in person_areas if _AUTHORITY.fullmatch(code))
    return frozenset() if any(code.startswith(LONDON_BOROUGH) for code in mine) else mine


def over_the_border(service: dict[str, Any], authorities: frozenset[str]) -> str | None:
    """Where the service's venues are when every one we could place lies outside the person's own
    `authorities` (`own_authorities`: their authority and the county above it): their authority's
    code, or "" when they lie in several. None when any is inside, or either side is unknown."""
    if not authorities:
        return None
    placed = [loc for loc in service.get("locations") or () if isinstance(loc, dict) and loc.get("la_code")]
    if not placed or any(authorities.intersection(loc.get("areas") or (loc["la_code"],)) for loc in placed):
        return None
    venues = {str(loc["la_code"]) for loc in placed}
    return venues.pop() if len(venues) == 1 else ""


def venues_are_offices(service: dict[str, Any]) -> bool:
    """Whether every venue of a service lies outside the area it serves ("all residents within the
    Borough of Trafford", at a Manchester city-centre postcode): such an address is the
    organisation's office or a charity register's registered address, not where its people are
    met. Needs the venues' authorities (looked up per match), with the areas each lies in as a
    service may name them (`areas`: its county, the former district it is in); unknown ones say
    nothing."""
    area = residency(service)
    if not area.stated:
        return False
    placed = [loc for loc in service.get("locations") or () if isinstance(loc, dict) and loc.get("la_code")]
    return bool(placed) and all(
        in_area(area, loc.get("areas") or [loc["la_code"]], (loc.get("lat"), loc.get("lng"))) is False
        for loc in placed
    )


def comes_to_people(service: dict[str, Any]) -> bool:
    """Whether people use the service in person without going to a venue of its: it visits or
    reaches out, or it covers an area and has no venue there. An area-wide service met only at
    its venues is not one: the people of its whole area travel there."""
    if delivery_modes(service) & {"home_visits", "outreach"}:
        return True
    if not service.get("area_wide"):
        return False
    return not (points(service) or service.get("locations")) or venues_are_offices(service)


def valid_point(lat: Any, lng: Any) -> bool:
    try:
        lat, lng = float(lat), float(lng)
    except (TypeError, ValueError):
        return False
    if not (math.isfinite(lat) and math.isfinite(lng)):
        return False
    # (0, 0) is what a failed geocode looks like, not a community centre in the Gulf of Guinea.
    return -90 <= lat <= 90 and -180 <= lng <= 180 and not (lat == 0 and lng == 0)


def points(service: dict[str, Any]) -> list[tuple[float, float]]:
    """All usable (lat, lng) of the service's locations, falling back to `_geo`."""
    found = [
        (float(loc["lat"]), float(loc["lng"]))
        for loc in service.get("locations") or ()
        if valid_point(loc.get("lat"), loc.get("lng"))
    ]
    if not found:
        geo = service.get("_geo") or {}
        if valid_point(geo.get("lat"), geo.get("lng")):
            found.append((float(geo["lat"]), float(geo["lng"])))
    return found


def haversine_km(lat1: Any, lng1: Any, lat2: Any, lng2: Any) -> np.ndarray:
    """Great-circle distance in km; every argument may be a scalar or an array (broadcast)."""
    lat1, lng1, lat2, lng2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lng1, lat2, lng2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def nearest_distances(
    lat: float | None, lng: float | None, services: list[dict[str, Any]]
) -> list[float | None]:
    """Distance from the person to each service's nearest location; None when either end
    has no usable coordinates. One vectorised haversine over all locations of all services."""
    if lat is None or lng is None or not services:
        return [None] * len(services)
    owners, lats, lngs = [], [], []
    for i, service in enumerate(services):
        for plat, plng in points(service):
            owners.append(i)
            lats.append(plat)
            lngs.append(plng)
    best = np.full(len(services), np.inf)
    if owners:
        dist = haversine_km(lat, lng, np.array(lats), np.array(lngs))
        np.minimum.at(best, np.array(owners), dist)
    return [float(d) if math.isfinite(d) else None for d in best]


def service_days(service: dict[str, Any]) -> list[str]:
    """Structured opening days; [] when the service has no timetable."""
    days = set(service.get("days") or ())
    for schedule in service.get("schedules") or ():
        days.update(schedule.get("byday") or ())
    return [d for d in DAYS if d in days]


# A run that ended longer ago than this says more about the listing than the service: a leaflet's
# "Spring 2023 programme" for a weekly group that carries on term after term.
RUN_ENDED_LATELY_DAYS = 365


def finished_on(service: dict[str, Any], now: datetime) -> date | None:
    """The last day of a course or programme that runs once, when `now` is after it; None while it
    runs or is still to start, or when it runs on."""
    until = service.get("runs_until")
    if not isinstance(until, str):
        return None
    try:
        last = date.fromisoformat(until[:10])
    except ValueError:
        return None
    return last if now.date() > last else None


def out_of_season(service: dict[str, Any], now: datetime) -> list[int] | None:
    """The months a service runs when it runs only part of the year and `now` is not one of them
    (a warm space from November to March, in July); None when it is running now or all year."""
    months = service.get("season_months")
    if not isinstance(months, list) or not months or now.month in months:
        return None
    return [m for m in months if isinstance(m, int)]


def parse_time(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def aware(now: datetime) -> datetime:
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def verified_age_days(service: dict[str, Any], now: datetime) -> float | None:
    """Days since the listing was last verified; None when it never was."""
    ts = service.get("last_verified_ts")
    if isinstance(ts, (int, float)) and not isinstance(ts, bool) and ts > 0:
        return max(0.0, (aware(now).timestamp() - ts) / 86400.0)
    moment = parse_time(service.get("last_verified_at"))
    if moment is None:
        return None
    return max(0.0, (aware(now) - moment).total_seconds() / 86400.0)
