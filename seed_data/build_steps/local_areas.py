"""Districts abolished long ago and dales that publishers still name as where their users must
live ("Wansbeck residents only", "for people in the Derwentside area", "Weardale", "Purbeck only"),
as the postcode districts that make them up, so that a person's postcode says whether they live there.

Two sources:
- seed_data/local_areas.csv, written by the team from the 2009 reorganisation of County Durham,
  Northumberland, Cheshire and Cornwall, and for dales and other local names (each as the postcode
  districts of its towns and villages; an outcode that straddles a boundary goes with the district
  holding most of it);
- every English district abolished since 2017 (Dorset's, Suffolk's, Somerset's, Buckinghamshire's,
  Northamptonshire's, Cumbria's and North Yorkshire's), derived from the ONS: each 2011 LSOA's
  population-weighted centroid goes to the nearest postcode district's centre, and a postcode
  district belongs to the abolished district that holds most of its LSOAs (the same majority rule).
  A name the team wrote by hand is kept as written.
Each area also gets a circle around its postcode districts' centres, for a person known by a point
alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .common import EXTERNAL, SEED_DIR, haversine_km, read_csv, write_csv

SOURCE = SEED_DIR / "local_areas.csv"
OUT = SEED_DIR.parent / "directory_app" / "data" / "geo" / "local_areas.csv"
# The postcode districts' centres as the app reads them, and the country each is in.
CENTRES = SEED_DIR.parent / "directory_app" / "data" / "geo" / "postcode_districts_gb.csv"
COUNTRIES = EXTERNAL / "postcode_districts_gb" / "postcode_districts_gb.csv"
AUTHORITIES = EXTERNAL / "geo_lookups_uk" / "la_all_codes.csv"
LSOA_DISTRICTS = EXTERNAL / "lsoa11_lookup_ew" / "lsoa11_msoa11_lad17_rgn11_lookup_ew.csv"
LSOA_CENTRES = EXTERNAL / "lsoa_centroids" / "lsoa11_population_weighted_centroids_ew.csv"
ENGLAND = "E92000001"
# A rural postcode district reaches several km from its centre; the circle is only a fallback.
OUTCODE_REACH_KM = 6.0
# Cells of a fifth of a degree: a postcode district's centre is never more than a cell or two
# from the homes in it.
_CELLS_PER_DEGREE = 5


def _cell(lat: float, lng: float) -> tuple[int, int]:
    return int(lat * _CELLS_PER_DEGREE), int(lng * _CELLS_PER_DEGREE)


def _nearest_outcode(grid: dict, lat: float, lng: float) -> str | None:
    row, column = _cell(lat, lng)
    best: tuple[float, str] | None = None
    for cell in ((row + i, column + j) for i in (-1, 0, 1) for j in (-1, 0, 1)):
        for code, o_lat, o_lng in grid.get(cell, ()):
            distance = haversine_km(lat, lng, o_lat, o_lng)
            if best is None or distance < best[0]:
                best = (distance, code)
    return best[1] if best else None


def abolished_districts(centres: dict[str, tuple[float, float]]) -> list[dict]:
    """(name, successor, postcode districts) of every English district abolished since 2017."""
    abolished = {
        r["LADCD"]: (r["LADNM"], r["LADCD_ACTIVE"])
        for r in read_csv(AUTHORITIES)
        if r["Current"] == "FALSE" and r["LADCD"].startswith("E") and r["LADNM"] != r["LADNM_ACTIVE"]
    }
    grid: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
    for code, (lat, lng) in centres.items():
        grid[_cell(lat, lng)].append((code, lat, lng))
    points = {r["lsoa11cd"]: (float(r["latitude"]), float(r["longitude"])) for r in read_csv(LSOA_CENTRES)}
    held: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_csv(LSOA_DISTRICTS):
        point = points.get(row["LSOA11CD"])
        if row["CTRY11CD"] != ENGLAND or point is None:
            continue
        outcode = _nearest_outcode(grid, *point)
        if outcode:
            held[outcode][row["LAD17CD"]] += 1
    members: dict[str, list[str]] = defaultdict(list)
    for outcode, counts in held.items():
        district, count = counts.most_common(1)[0]
        if district in abolished and count * 2 > sum(counts.values()):
            members[district].append(outcode)
    return [
        {
            "name": abolished[code][0],
            "la_code": abolished[code][1],
            "postcode_districts": ";".join(sorted(outcodes, key=_outcode_order)),
        }
        for code, outcodes in sorted(members.items())
    ]


def build_local_areas() -> int:
    centres = {r["outcode"]: (float(r["latitude"]), float(r["longitude"])) for r in read_csv(CENTRES)}
    english = {r["outcode"] for r in read_csv(COUNTRIES) if r["country_code"] == ENGLAND}
    written = read_csv(SOURCE)
    by_hand = {area["name"] for area in written}
    in_england = {code: point for code, point in centres.items() if code in english}
    derived = [area for area in abolished_districts(in_england) if area["name"] not in by_hand]
    rows = []
    for area in [*written, *derived]:
        outcodes = area["postcode_districts"].split(";")
        points = [centres[code] for code in outcodes]
        lat = sum(p[0] for p in points) / len(points)
        lng = sum(p[1] for p in points) / len(points)
        km = max(haversine_km(lat, lng, *p) for p in points) + OUTCODE_REACH_KM
        rows.append(
            {
                "name": area["name"],
                "la_code": area["la_code"],
                "lat": round(lat, 5),
                "lng": round(lng, 5),
                "km": round(km, 1),
                "postcode_districts": ";".join(outcodes),
            }
        )
    return write_csv(OUT, ["name", "la_code", "lat", "lng", "km", "postcode_districts"], rows)


def _outcode_order(code: str) -> tuple[str, int]:
    """DT1, DT2 ... DT10: by the area's letters, then the district's number."""
    match = re.match(r"([A-Z]+)(\d+)", code)
    return (match.group(1), int(match.group(2))) if match else (code, 0)


if __name__ == "__main__":
    print(build_local_areas())
