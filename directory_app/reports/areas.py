"""The areas a gap report is drawn over, for any set of English local authorities (the report's
region), built once per region from the package's data/geo/ files (sources in
seed_data/ATTRIBUTION.md).

Three area types, each a list of plain dicts in the shape ``matching.gap_report`` reads (code, name,
type, lat, lng, population, imd_decile, imd_rank, la_code, within) plus what the pages show
(place, demand_district, notes):

- ``lsoa``: the region's LSOAs (2021), the rows of lsoa21_england.csv with its LA codes. Centroid,
  mid-2015 population and IoD 2025 decile/rank as published. LSOAs new in 2021 have no published
  population: it is left unknown (the report then uses a typical LSOA size). Outside Greater
  Manchester the table gives new 2021 LSOAs no name or LA: such an LSOA takes the LA of the
  nearest LSOA that has one (``la_estimated``), and its code stands in for the name.
- ``district``: postcode districts (outcodes). Each LSOA belongs to the district whose centroid
  (postcode_districts_gb.csv, all of Great Britain) is nearest to its own; the region's districts
  are those holding at least one of its LSOAs. Population: the sum of its LSOAs' (an LSOA with no
  published population counts at the region's median), so it counts the region's residents only.
  IMD: the population-weighted mean of those LSOAs' IoD 2025 scores, ranked among all 33,755
  English LSOA scores (rank = 1 + LSOAs with a higher score), and given the decile the published
  file gives to that national rank: our estimate, not an official statistic, and the pages say so.
- ``ward``: Trafford's 21 wards from trafford_wards.csv, when the region is Trafford alone. No
  open ward table for the rest of England ships with the app, so other regions have no ward report
  (service.check_area_type refuses it, saying so).

Trafford alone keeps the finer build from its ONS postcode file (trafford_postcodes.csv): an LSOA's
``place`` is the ward holding most of its postcodes, and each LSOA's people are shared among the
districts its postcodes fall in (60 postcodes in M33 and 40 in M32 give 60% of its people to M33)
instead of going whole to the nearest district.

Demand (MatchDemand) is recorded by postcode district only, to keep requests unidentifiable.
Each area therefore names one ``demand_district``: in Trafford the district holding most of its
postcodes (ties go to the alphabetically first), elsewhere the nearest district centroid. LSOA and
ward reports show that district's counts, so the same requests appear on every area of the
district; the page and exports say so.

Which region: ``main_authorities`` reads it from where the directory's venues are; the setting
REPORT_AREA_CODES overrides it (service.GapReports.region).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..directory import england as tables
from ..errors import ValidationError

LA_CODE = "E08000009"
LA_NAME = "Trafford"
TRAFFORD = (LA_CODE,)
AREA_TYPES = ("lsoa", "ward", "district")
AREA_TYPE_LABELS = {"lsoa": "Neighbourhood (LSOA)", "ward": "Ward", "district": "Postcode district"}
AREA_TYPE_NOUNS = {"lsoa": "neighbourhood (LSOA)", "ward": "ward", "district": "postcode district"}
AREA_TYPE_PLURALS = {"lsoa": "neighbourhoods (LSOAs)", "ward": "wards", "district": "postcode districts"}
# Default region: every authority holding at least this share of the located services, at most
# MAX_AUTHORITIES of them, so a few stray venues over the border do not widen the report.
MIN_SHARE = 0.10
MAX_AUTHORITIES = 12
LA_CODE_PATTERN = re.compile(r"^E0[6789]\d{6}$")
DEMAND_NOTE = (
    "Requests are counted by postcode district: we never record where in a district a "
    "person lives. Each {kind} shows the requests of the postcode district {which}, so areas "
    "in the same district show the same requests; do not add them up."
)
WHICH_DISTRICT = {
    "postcodes": "that holds most of its postcodes",
    "nearest": "whose centre is nearest to its own centre",
}


@dataclass(frozen=True)
class Geography:
    codes: tuple[str, ...]
    name: str
    areas: dict[str, tuple[dict, ...]]
    index: dict[str, dict[str, dict]]
    demand_by: str  # a key of WHICH_DISTRICT

    @property
    def has_wards(self) -> bool:
        return bool(self.areas["ward"])


def demand_note(area_type: str, region: Geography | None = None) -> str:
    """What the page and exports say about how demand is attributed to this area type."""
    if area_type == "district":
        return "Requests are counted by postcode district, the finest place we record."
    which = WHICH_DISTRICT[(region or geography()).demand_by]
    return DEMAND_NOTE.format(kind={"lsoa": "neighbourhood", "ward": "ward"}[area_type], which=which)


def _number(value: str, kind=float):
    return kind(value) if value not in (None, "") else None


def _from_table(row: dict, code: str, name: str, kind: str, rank_column: str, **rest) -> dict:
    """An area as the report reads it, from a row of a table with its centroid, population and
    deprivation."""
    return {
        "code": code,
        "name": name,
        "type": kind,
        "lat": float(row["latitude"]),
        "lng": float(row["longitude"]),
        "population": _number(row["population"], int),
        "imd_decile": _number(row["imd_decile"], int),
        "imd_rank": _number(row[rank_column], int),
        **rest,
    }


def _lsoa(row: dict, la_code: str, within: list[str], demand_district: str | None, **rest) -> dict:
    """An LSOA as the report reads it, from a row of the England table."""
    code = row["lsoa21cd"]
    return _from_table(
        row,
        code,
        row["name"] or code,
        "lsoa",
        "imd_rank",
        imd_score=_number(row["imd_score"]),
        la_code=la_code,
        within=within,
        demand_district=demand_district,
        imd_estimated=False,
        **rest,
    )


def _district(
    code: str, point: tuple[float, float], people: list[tuple[dict, float]], la_code: str, **rest
) -> dict:
    """A postcode district, with the population and deprivation its LSOAs give it (estimated):
    ``people`` is each LSOA with the number of its residents counted in this district."""
    population = sum(n for _, n in people)
    rank = decile = None
    if population > 0:
        rank, decile = tables.national().rank_and_decile(
            sum(n * a["imd_score"] for a, n in people) / population
        )
    return {
        "code": code,
        "name": code,
        "type": "district",
        "lat": point[0],
        "lng": point[1],
        "population": round(population) if population else None,
        "imd_decile": decile,
        "imd_rank": rank,
        "la_code": la_code,
        "within": [],
        "demand_district": code,
        "imd_estimated": True,
        **rest,
    }


def _main(counter: Counter) -> str | None:
    """The key with most postcodes; ties go to the alphabetically first, so builds are stable."""
    return min(counter, key=lambda k: (-counter[k], k)) if counter else None


def main_authorities(venues: Iterable[list[tuple[float, float]]]) -> tuple[str, ...]:
    """The region a directory serves: from each located service's venues (one list of (lat, lng)
    per service), the authorities holding at least MIN_SHARE of those services (a service with
    venues in two counts in both), most first, at most MAX_AUTHORITIES. If none reaches that
    share, the one holding most; with no located service at all, Trafford (the demo seed's)."""
    owners: list[int] = []
    lats: list[float] = []
    lngs: list[float] = []
    for owner, points in enumerate(venues):
        for lat, lng in points:
            owners.append(owner)
            lats.append(lat)
            lngs.append(lng)
    per_service: dict[int, set[str]] = defaultdict(set)
    for owner, la in zip(owners, tables.national().authorities(lats, lngs), strict=True):
        if la:
            per_service[owner].add(la)
    counts = Counter(la for las in per_service.values() for la in las)
    if not counts:
        return TRAFFORD
    ordered = sorted(counts, key=lambda la: (-counts[la], la))
    chosen = [la for la in ordered if counts[la] >= MIN_SHARE * len(per_service)][:MAX_AUTHORITIES]
    return tuple(sorted(chosen or ordered[:1]))


def parse_codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """REPORT_AREA_CODES as a sorted tuple of GSS codes ("E06000002, E08000021"); () when unset."""
    items = value.split(",") if isinstance(value, str) else (value or ())
    return tuple(sorted({item.strip().upper() for item in items if item and item.strip()}))


def _build_trafford() -> Geography:
    nat = tables.national()
    lsoa_rows = {r["lsoa21cd"]: r for r in nat.by_la[LA_CODE]}
    wards = {r["ward_code"]: r for r in tables.read("trafford_wards.csv")}
    district_points = {
        r["outcode"]: (float(r["latitude"]), float(r["longitude"])) for r in tables.districts()[0]
    }

    lsoa_districts: dict[str, Counter] = defaultdict(Counter)
    lsoa_wards: dict[str, Counter] = defaultdict(Counter)
    ward_districts: dict[str, Counter] = defaultdict(Counter)
    district_lsoas: dict[str, Counter] = defaultdict(Counter)
    district_wards: dict[str, Counter] = defaultdict(Counter)
    district_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for row in tables.read("trafford_postcodes.csv"):
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
            _lsoa(
                row,
                LA_CODE,
                [c for c in (ward, *districts) if c],
                _main(lsoa_districts[code]),
                place=wards[ward]["ward_name"] if ward in wards else None,
                ward_code=ward,
            )
        )

    ward_areas = []
    for code in sorted(wards):
        row = wards[code]
        ward_areas.append(
            _from_table(
                row,
                code,
                row["ward_name"],
                "ward",
                "imd_rank_median",
                la_code=LA_CODE,
                within=sorted(ward_districts[code]),
                place=LA_NAME,
                demand_district=_main(ward_districts[code]),
                imd_estimated=True,
            )
        )

    known = [a["population"] for a in lsoas if a["population"]]
    stand_in = statistics.median(known) if known else 0
    by_code = {a["code"]: a for a in lsoas}
    district_areas = []
    for district in sorted(district_sums):
        # An LSOA split between districts counts towards each by its share of the postcodes.
        people = [
            (
                by_code[lsoa],
                postcodes / sum(lsoa_districts[lsoa].values()) * (by_code[lsoa]["population"] or stand_in),
            )
            for lsoa, postcodes in district_lsoas[district].items()
        ]
        lat_sum, lng_sum, n = district_sums[district]
        main_wards = sorted(district_wards[district], key=lambda w: (-district_wards[district][w], w))
        district_areas.append(
            _district(
                district,
                district_points.get(district, (lat_sum / n, lng_sum / n)),
                people,
                LA_CODE,
                place=", ".join(wards[w]["ward_name"] for w in main_wards[:3]) or None,
                trafford_postcodes=n,
            )
        )

    areas = {"lsoa": tuple(lsoas), "ward": tuple(ward_areas), "district": tuple(district_areas)}
    return _geography_of(TRAFFORD, areas, "postcodes")


def _geography_of(codes: tuple[str, ...], areas: dict[str, tuple[dict, ...]], demand_by: str) -> Geography:
    index = {kind: {a["code"]: a for a in rows} for kind, rows in areas.items()}
    name = ", ".join(tables.national().names[code] for code in codes)
    return Geography(codes=codes, name=name, areas=areas, index=index, demand_by=demand_by)


def _build_region(codes: tuple[str, ...]) -> Geography:
    nat = tables.national()
    rows = sorted((r for code in codes for r in nat.by_la[code]), key=lambda r: r["lsoa21cd"])
    district_rows, tree = tables.districts()
    _, nearest = tree.query(tables.points(rows))
    lsoas = []
    for row, j in zip(rows, nearest, strict=True):
        district = district_rows[j]["outcode"]
        lsoas.append(
            _lsoa(
                row,
                row["la_code"],
                [district],
                district,
                # A nameless (new 2021) LSOA is placed by its authority, the one thing known of it.
                place=None if row["name"] else row["la_name"],
                la_estimated=bool(row.get("la_estimated")),
            )
        )

    known = [a["population"] for a in lsoas if a["population"]]
    stand_in = statistics.median(known) if known else 0
    members: dict[str, list[dict]] = defaultdict(list)
    for lsoa in lsoas:
        members[lsoa["demand_district"]].append(lsoa)
    points = {r["outcode"]: (float(r["latitude"]), float(r["longitude"])) for r in district_rows}
    district_areas = []
    for district in sorted(members):
        people = [(a, a["population"] or stand_in) for a in members[district]]
        authorities = Counter(a["la_code"] for a in members[district])
        main_las = sorted(authorities, key=lambda la: (-authorities[la], la))
        district_areas.append(
            _district(
                district,
                points[district],
                people,
                main_las[0],
                place=", ".join(nat.names[la] for la in main_las[:3]),
                lsoas=len(members[district]),
            )
        )
    areas = {"lsoa": tuple(lsoas), "ward": (), "district": tuple(district_areas)}
    return _geography_of(codes, areas, "nearest")


@lru_cache(maxsize=16)
def _region(codes: tuple[str, ...]) -> Geography:
    """Built once per region and process: reading the national table takes ~0.3 s."""
    return _build_trafford() if codes == TRAFFORD else _build_region(codes)


def geography(codes: str | Iterable[str] | None = None) -> Geography:
    """The areas of the authorities named (GSS codes); Trafford when none are."""
    key = parse_codes(codes) or TRAFFORD
    unknown = [code for code in key if not LA_CODE_PATTERN.match(code) or code not in tables.national().by_la]
    if unknown:
        raise ValidationError(
            f"{', '.join(unknown)} {'is not a code' if len(unknown) == 1 else 'are not codes'} of an "
            "English local authority (E06, E07, E08 or E09 followed by six digits) that has "
            "neighbourhoods in our table.",
            {"REPORT_AREA_CODES": "Use local authority GSS codes, comma-separated, e.g. E06000002."},
        )
    return _region(key)


def areas(area_type: str, codes: str | Iterable[str] | None = None) -> tuple[dict, ...]:
    """Every area of a type. The dicts are shared: read them, never change them."""
    return geography(codes).areas[area_type]


def area(area_type: str, code: str, codes: str | Iterable[str] | None = None) -> dict | None:
    return geography(codes).index.get(area_type, {}).get(code)


def display_name(area: dict) -> str:
    """ "Trafford 020C (Bucklow-St Martins)", "M33 (Sale Central, …)", "Old Trafford"."""
    if area["type"] == "ward" or not area.get("place"):
        return area["name"]
    return f"{area['name']} ({area['place']})"
