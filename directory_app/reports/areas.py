"""The areas a gap report is drawn over, built once from seed_data/geo (see seed_data/ATTRIBUTION.md).

Three area types, each a list of plain dicts in the shape ``matching.gap_report`` reads (code, name,
type, lat, lng, population, imd_decile, imd_rank, la_code, within) plus what the pages show
(place, demand_district, notes):

- ``lsoa``: Trafford's 139 LSOAs (2021), the rows of lsoa21_england.csv with la_code E08000009.
  Centroid, mid-2015 population and IoD 2025 decile/rank as published. Two LSOAs new in 2021 have
  no published population: it is left unknown (the report then uses a typical LSOA size).
  ``place`` is the ward holding most of the LSOA's postcodes, so "Trafford 020C" reads as a place.
- ``ward``: the 21 wards in trafford_wards.csv, with their population, centroid, decile and median
  rank as that file derives them.
- ``district``: the postcode districts (outcodes) that contain at least one Trafford postcode.
  Centroid: the district's own centroid from postcode_districts_gb.csv (the whole district, which
  may reach beyond Trafford); the mean of its Trafford postcodes if the file lacks it.
  Population: each LSOA's population is shared among the districts its postcodes fall in, in
  proportion to its postcodes (an LSOA with 60 postcodes in M33 and 40 in M32 gives 60% of its
  people to M33). So a district's figure counts its Trafford residents only. An LSOA with no
  published population counts at the median Trafford LSOA population for this purpose.
  IMD: the population-weighted mean of those LSOAs' IoD 2025 scores (same shares as weights),
  ranked among all 33,755 English LSOA scores (rank = 1 + LSOAs with a higher score), and given
  the decile that the published file gives to that national rank. This is our estimate, not an
  official district statistic, and the pages say so.

Demand (MatchDemand) is recorded by postcode district only, to keep requests unidentifiable.
Each area therefore names one ``demand_district``: the district holding most of its postcodes
(ties go to the alphabetically first). LSOA and ward reports show that district's counts, so the
same requests appear on every area of the district; the page and exports say so.
"""

from __future__ import annotations

import bisect
import csv
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GEO_DIR = Path(__file__).resolve().parents[2] / "seed_data" / "geo"
LA_CODE = "E08000009"
LA_NAME = "Trafford"
AREA_TYPES = ("lsoa", "ward", "district")
AREA_TYPE_LABELS = {"lsoa": "Neighbourhood (LSOA)", "ward": "Ward", "district": "Postcode district"}
AREA_TYPE_NOUNS = {"lsoa": "neighbourhood (LSOA)", "ward": "ward", "district": "postcode district"}
AREA_TYPE_PLURALS = {"lsoa": "neighbourhoods (LSOAs)", "ward": "wards", "district": "postcode districts"}
DEMAND_NOTE = (
    "Requests are counted by postcode district: we never record where in a district a "
    "person lives. Each {kind} shows the requests of the postcode district that holds "
    "most of its postcodes, so areas in the same district show the same requests; do not "
    "add them up."
)


@dataclass(frozen=True)
class Geography:
    areas: dict[str, tuple[dict, ...]]
    index: dict[str, dict[str, dict]]


def demand_note(area_type: str) -> str:
    """What the page and exports say about how demand is attributed to this area type."""
    if area_type == "district":
        return "Requests are counted by postcode district, the finest place we record."
    return DEMAND_NOTE.format(kind={"lsoa": "neighbourhood", "ward": "ward"}[area_type])


def _read(name: str) -> list[dict]:
    with open(GEO_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _number(value: str, kind=float):
    return kind(value) if value not in (None, "") else None


def _main(counter: Counter) -> str | None:
    """The key with most postcodes; ties go to the alphabetically first, so builds are stable."""
    return min(counter, key=lambda k: (-counter[k], k)) if counter else None


class _National:
    """All English LSOA IMD scores, to place a derived score on the national scale."""

    def __init__(self, rows: list[dict]):
        ranked = sorted(rows, key=lambda r: int(r["imd_rank"]))
        self.deciles = [int(r["imd_decile"]) for r in ranked]
        self.ascending_scores = sorted(float(r["imd_score"]) for r in rows)

    def rank_and_decile(self, score: float) -> tuple[int, int]:
        higher = len(self.ascending_scores) - bisect.bisect_right(self.ascending_scores, score)
        rank = min(higher + 1, len(self.deciles))
        return rank, self.deciles[rank - 1]


def _build() -> Geography:
    national_rows = _read("lsoa21_england.csv")
    national = _National(national_rows)
    lsoa_rows = {r["lsoa21cd"]: r for r in national_rows if r["la_code"] == LA_CODE}
    wards = {r["ward_code"]: r for r in _read("trafford_wards.csv")}
    district_points = {
        r["outcode"]: (float(r["latitude"]), float(r["longitude"]))
        for r in _read("postcode_districts_gb.csv")
    }

    lsoa_districts: dict[str, Counter] = defaultdict(Counter)
    lsoa_wards: dict[str, Counter] = defaultdict(Counter)
    ward_districts: dict[str, Counter] = defaultdict(Counter)
    district_lsoas: dict[str, Counter] = defaultdict(Counter)
    district_wards: dict[str, Counter] = defaultdict(Counter)
    district_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for row in _read("trafford_postcodes.csv"):
        if row.get("la_code") != LA_CODE:
            continue
        district = row["postcode"].split(" ")[0]
        lsoa, ward = row.get("lsoa21cd") or "", row.get("ward_code") or ""
        sums = district_sums[district]
        sums[0] += float(row["latitude"])
        sums[1] += float(row["longitude"])
        sums[2] += 1
        if lsoa in lsoa_rows:
            lsoa_districts[lsoa][district] += 1
            district_lsoas[district][lsoa] += 1
            if ward:
                lsoa_wards[lsoa][ward] += 1
        if ward in wards:
            ward_districts[ward][district] += 1
            district_wards[district][ward] += 1

    lsoas = []
    for code in sorted(lsoa_rows):
        row = lsoa_rows[code]
        ward = _main(lsoa_wards[code])
        districts = sorted(lsoa_districts[code])
        lsoas.append(
            {
                "code": code,
                "name": row["name"],
                "type": "lsoa",
                "lat": float(row["latitude"]),
                "lng": float(row["longitude"]),
                "population": _number(row["population"], int),
                "imd_decile": _number(row["imd_decile"], int),
                "imd_rank": _number(row["imd_rank"], int),
                "imd_score": _number(row["imd_score"]),
                "la_code": LA_CODE,
                "within": [c for c in (ward, *districts) if c],
                "place": wards[ward]["ward_name"] if ward in wards else None,
                "ward_code": ward,
                "demand_district": _main(lsoa_districts[code]),
                "imd_estimated": False,
            }
        )

    ward_areas = []
    for code in sorted(wards):
        row = wards[code]
        ward_areas.append(
            {
                "code": code,
                "name": row["ward_name"],
                "type": "ward",
                "lat": float(row["latitude"]),
                "lng": float(row["longitude"]),
                "population": _number(row["population"], int),
                "imd_decile": _number(row["imd_decile"], int),
                "imd_rank": _number(row["imd_rank_median"], int),
                "la_code": LA_CODE,
                "within": sorted(ward_districts[code]),
                "place": LA_NAME,
                "demand_district": _main(ward_districts[code]),
                "imd_estimated": True,
            }
        )

    known = [a["population"] for a in lsoas if a["population"]]
    stand_in = statistics.median(known) if known else 0
    by_code = {a["code"]: a for a in lsoas}
    district_areas = []
    for district in sorted(district_sums):
        population = weighted_score = 0.0
        for lsoa, postcodes in district_lsoas[district].items():
            area = by_code[lsoa]
            share = postcodes / sum(lsoa_districts[lsoa].values())
            people = share * (area["population"] or stand_in)
            population += people
            weighted_score += people * area["imd_score"]
        rank = decile = None
        if population > 0:
            rank, decile = national.rank_and_decile(weighted_score / population)
        lat_sum, lng_sum, n = district_sums[district]
        lat, lng = district_points.get(district, (lat_sum / n, lng_sum / n))
        main_wards = sorted(district_wards[district], key=lambda w: (-district_wards[district][w], w))
        district_areas.append(
            {
                "code": district,
                "name": district,
                "type": "district",
                "lat": lat,
                "lng": lng,
                "population": round(population) if population else None,
                "imd_decile": decile,
                "imd_rank": rank,
                "la_code": LA_CODE,
                "within": [],
                "place": ", ".join(wards[w]["ward_name"] for w in main_wards[:3]) or None,
                "demand_district": district,
                "imd_estimated": True,
                "trafford_postcodes": n,
            }
        )

    areas = {"lsoa": tuple(lsoas), "ward": tuple(ward_areas), "district": tuple(district_areas)}
    return Geography(areas=areas, index={kind: {a["code"]: a for a in rows} for kind, rows in areas.items()})


@lru_cache(maxsize=1)
def geography() -> Geography:
    """Read once per process: the files are static seed data, and reading them takes ~0.2 s."""
    return _build()


def areas(area_type: str) -> tuple[dict, ...]:
    """Every area of a type. The dicts are shared: read them, never change them."""
    return geography().areas[area_type]


def area(area_type: str, code: str) -> dict | None:
    return geography().index.get(area_type, {}).get(code)


def display_name(area: dict) -> str:
    """ "Trafford 020C (Bucklow-St Martins)", "M33 (Sale Central, …)", "Old Trafford"."""
    if area["type"] == "ward" or not area.get("place"):
        return area["name"]
    return f"{area['name']} ({area['place']})"
