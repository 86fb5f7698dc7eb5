"""Where the places named in residency limits are: "for people living in Harpurhey, Moston or
Blackley" is a limit to those neighbourhoods, not to all of Manchester.

Each place of ``places_england.csv`` (ward names and their parts, with their authority) gets a
centre and a radius from the centres of the wards that carry its name, so matching can tell
whether a person lives there. Ward boundaries are not shipped, so a ward's radius is estimated
from how far its nearest neighbouring ward's centre is (wards of one vintage tile the authority)."""

from __future__ import annotations

import re
from collections import defaultdict

from .common import EXTERNAL, SEED_DIR, haversine_km, read_csv, write_csv

WARDS = EXTERNAL / "geo_lookups_uk" / "ward_all_codes.csv"
CENTRES = EXTERNAL / "geo_lookups_uk" / "ward_latlong.csv"
PLACES = SEED_DIR.parent / "directory_app" / "data" / "geo" / "places_england.csv"
OUT = SEED_DIR.parent / "directory_app" / "data" / "geo" / "place_centres.csv"
LOCAL_AREAS = SEED_DIR / "local_areas.csv"

_SPLIT = re.compile(r"\s+and\s+|\s*&\s*|\s*,\s*|\s*/\s*")
_COMPASS = re.compile(
    r"^(?:north|south|east|west|central|higher|lower|upper|little|great|old|new|nether|mid)\s+|"
    r"\s+(?:north|south|east|west|central|town\s+centre|village|rural|urban)$",
    re.I,
)
# Half the distance to the nearest neighbouring centre is about a ward's reach from its own centre
# in a tiling of similar wards; never less than a city ward, never more than a wide rural one.
REACH_SHARE, MIN_REACH_KM, MAX_REACH_KM = 0.6, 0.8, 6.0
# A place's limit is a little wider than its wards' estimated reach: a person on the boundary
# should not be turned away because the centres are only estimates.
MARGIN_KM, MIN_KM, MAX_KM = 0.5, 2.5, 8.0
# How far a village's limit reaches when its ward is one of the wide rural ones.
RURAL_KM = 10.0


def _names(ward: str) -> set[str]:
    parts = {p.strip() for p in _SPLIT.split(ward) if p.strip()}
    return {ward, *parts, *(_COMPASS.sub("", p).strip() for p in parts)}


def build_place_centres() -> int:
    centres = {r["wdcd"]: (float(r["latitude"]), float(r["longitude"])) for r in read_csv(CENTRES)}
    every_ward = [r for r in read_csv(WARDS) if r["WDCD"].startswith("E05")]
    wards = [
        (r["WDCD"], r["WDNM"], r["LADCD_ACTIVE"], r["SOURCEFILE"]) for r in every_ward if r["WDCD"] in centres
    ]
    # A place in a district abolished into a new authority (Middleham: Richmondshire, in North
    # Yorkshire since 2023) that cannot be drawn is still in that district, far narrower than the
    # new authority.
    district_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in every_ward:
        if r["LADCD"] != r["LADCD_ACTIVE"]:
            for place in _names(r["WDNM"]):
                district_of[(place.lower(), r["LADCD_ACTIVE"])].add(r["LADCD"])
    by_vintage: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for code, _, la, vintage in wards:
        by_vintage[(la, vintage)].append(centres[code])
    reach: dict[str, float] = {}
    for code, _, la, vintage in wards:
        others = [haversine_km(*centres[code], *c) for c in by_vintage[(la, vintage)] if c != centres[code]]
        nearest = min(others) if others else MAX_REACH_KM / REACH_SHARE
        reach[code] = min(MAX_REACH_KM, max(MIN_REACH_KM, REACH_SHARE * nearest))
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, name, la, _ in wards:
        for place in _names(name):
            members[(place.lower(), la)].append(code)
    # The places the app reads (places_england.csv), and the part of a place a ward is named for,
    # which the app reads as the place itself ("Higher Blackley" also stands for "Blackley").
    named = {(p["name"], p["la_code"]) for p in read_csv(PLACES)}
    for _, name, la, _ in wards:
        for part in _names(name):
            if len(part) > 3 and part[:1].isupper():
                named.add((part, la))
    # Former districts and dales are known by their postcode districts (local_areas.py), not by a
    # ward that happens to carry the name ("Tynedale").
    local = {(r["name"], r["la_code"]) for r in read_csv(LOCAL_AREAS)}
    rows = []
    for name, la in sorted(named - local):
        found = members.get((name.lower(), la))
        districts = district_of.get((name.lower(), la), set())
        district = next(iter(districts)) if len(districts) == 1 else ""
        undrawn = {"name": name, "la_code": la, "lat": "", "lng": "", "km": "", "district": district}
        if not found:
            if district:
                rows.append(undrawn)
            continue
        points = [centres[c] for c in found]
        centre = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        radius = max(haversine_km(*centre, *centres[c]) + reach[c] for c in found) + MARGIN_KM
        if radius > MAX_KM:
            # a name several distant wards share, or a whole district: its size is not known well
            # enough to draw, so it is read as its authority (or former district)
            if district:
                rows.append(undrawn)
            continue
        if any(reach[c] >= MAX_REACH_KM for c in found):
            # a wide rural ward ("Bellingham", "Haltwhistle"): its edge is further than its
            # neighbours say. Its former district, where it has one, is the surer limit; else a
            # wide circle is still far nearer the truth than the whole county ("registered with a
            # Haltwhistle or Bellingham GP practice")
            if district:
                rows.append(undrawn)
                continue
            radius = max(radius, RURAL_KM)
        rows.append(
            {
                "name": name,
                "la_code": la,
                "lat": round(centre[0], 5),
                "lng": round(centre[1], 5),
                "km": round(max(MIN_KM, radius), 1),
                "district": district,
            }
        )
    return write_csv(OUT, ["name", "la_code", "lat", "lng", "km", "district"], rows)


if __name__ == "__main__":
    print(build_place_centres())
