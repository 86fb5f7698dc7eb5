"""Geography seed files: postcodes, postcode districts, LSOA 2021 and Trafford wards."""

from __future__ import annotations

from collections import Counter, defaultdict

from .common import EXTERNAL, SEED_DIR, TRAFFORD, fmt_coord, normalise_postcode, read_csv, write_csv

GEO_DIR = SEED_DIR / "geo"
# What the running app reads too (the gap report's areas) is written into the package.
PACKAGE_GEO_DIR = SEED_DIR.parent / "directory_app" / "data" / "geo"

# E01006185 (Trafford 001E) is the only Trafford LSOA that changed in 2021: it
# was split into these two. We know its 2015 population but not the children's,
# so the ward totals share it out by live postcode count (see ATTRIBUTION.md).
TRAFFORD_SPLIT_PARENT = "E01006185"
TRAFFORD_SPLIT_CHILDREN = ("E01034000", "E01034001")


def build_postcode_districts() -> int:
    rows = []
    for r in read_csv(EXTERNAL / "postcode_districts_gb" / "postcode_districts_gb.csv"):
        if not (r["latitude"] and r["longitude"]):
            continue  # the non-geographic districts (BN91, EN77)
        rows.append(
            {
                "outcode": r["outcode"].strip().upper(),
                "latitude": fmt_coord(float(r["latitude"])),
                "longitude": fmt_coord(float(r["longitude"])),
            }
        )
    rows.sort(key=lambda r: r["outcode"])
    return write_csv(
        PACKAGE_GEO_DIR / "postcode_districts_gb.csv", ["outcode", "latitude", "longitude"], rows
    )


def load_trafford_onspd() -> list[dict]:
    """ONSPD Trafford extract with normalised postcodes (used by several steps)."""
    out = []
    for r in read_csv(EXTERNAL / "onspd_2025_trafford" / "trafford_postcodes.csv"):
        pc = normalise_postcode(r["postcode"])
        if not pc or not r["lat"] or not r["lon"]:
            continue
        out.append(
            {
                "postcode": pc,
                "latitude": f"{float(r['lat']):.6f}",
                "longitude": f"{float(r['lon']):.6f}",
                "lsoa21cd": r["lsoa_code"],
                "lsoa_name": r["lsoa_name"],
                "ward_code": r["ward_code"],
                "ward_name": r["ward_name"],
                "la_code": r["la_code"],
                "la_name": r["la_name"],
            }
        )
    out.sort(key=lambda r: r["postcode"])
    return out


def build_trafford_postcodes(onspd: list[dict]) -> int:
    header = ["postcode", "latitude", "longitude", "lsoa21cd", "ward_code", "ward_name", "la_code"]
    return write_csv(PACKAGE_GEO_DIR / "trafford_postcodes.csv", header, onspd)


def load_codepoint_gm() -> list[dict]:
    return read_csv(
        EXTERNAL / "codepoint_open_2014_regions" / "codepoint_open_2014_greater_manchester_areas.csv"
    )


def load_codepoint_north_east() -> list[dict]:
    return read_csv(EXTERNAL / "codepoint_open_2014_regions" / "codepoint_open_2014_north_east.csv")


def build_gm_postcodes_extra(postcodes: set[str], codepoint_rows: list[dict]) -> int:
    wanted = {r["postcode"]: r for r in codepoint_rows if r["postcode"] in postcodes and r["latitude"]}
    rows = [
        {
            "postcode": pc,
            "latitude": f"{float(r['latitude']):.6f}",
            "longitude": f"{float(r['longitude']):.6f}",
        }
        for pc, r in sorted(wanted.items())
    ]
    return write_csv(GEO_DIR / "gm_postcodes_extra.csv", ["postcode", "latitude", "longitude"], rows)


# The ten Greater Manchester boroughs. Trafford comes from ONSPD 2025 (current, with LSOAs), so the
# 2014 Code-Point rows are only for the other nine.
GM_BOROUGHS = tuple(f"E080000{n:02d}" for n in range(1, 11))


def build_gm_postcodes(codepoint_rows: list[dict]) -> int:
    """Every Code-Point unit postcode in the other nine GM boroughs with its LA and (2014) ward code,
    so a person anywhere in Greater Manchester resolves to an area."""
    return _write_postcodes(
        "gm_postcodes.csv",
        [
            r
            for r in codepoint_rows
            if r["admin_district_code"] in GM_BOROUGHS and r["admin_district_code"] != TRAFFORD
        ],
    )


def build_north_east_postcodes(codepoint_rows: list[dict]) -> int:
    """Every Code-Point unit postcode of the NE, DH, SR, TS and DL areas (the North East, and the
    corner of North Yorkshire that DL reaches), as for Greater Manchester: an installation there
    then places a person at their street rather than their district's middle, with its authority
    and ward, and a district split between authorities (NE42, DL7) no longer leaves it unknown."""
    return _write_postcodes("ne_postcodes.csv", [r for r in codepoint_rows if r["admin_district_code"]])


def _write_postcodes(name: str, codepoint_rows: list[dict]) -> int:
    """Postcode, point, ward and LA of each row that has a point; coordinates at 5 dp (about 1 m)
    keep the file small."""
    rows = [
        {
            "postcode": r["postcode"],
            "latitude": fmt_coord(float(r["latitude"])),
            "longitude": fmt_coord(float(r["longitude"])),
            "ward_code": r["admin_ward_code"],
            "la_code": r["admin_district_code"],
        }
        for r in codepoint_rows
        if r["latitude"]
    ]
    rows.sort(key=lambda r: r["postcode"])
    return write_csv(GEO_DIR / name, ["postcode", "latitude", "longitude", "ward_code", "la_code"], rows)


def _la_active() -> dict[str, tuple[str, str]]:
    return {
        r["LADCD"]: (r["LADCD_ACTIVE"], r["LADNM_ACTIVE"])
        for r in read_csv(EXTERNAL / "geo_lookups_uk" / "la_all_codes.csv")
    }


def load_imd2019_population() -> dict[str, int]:
    col = "Total population: mid 2015 (excluding prisoners)"
    return {
        r["LSOA code (2011)"]: int(r[col])
        for r in read_csv(EXTERNAL / "imd2019_england" / "File_6_-_IoD2019_Population_Denominators.csv")
    }


def load_iod2025() -> dict[str, dict]:
    return {
        r["lsoa21_code"]: r for r in read_csv(EXTERNAL / "iod2025_england" / "imd2025_england_lsoa21.csv")
    }


def build_lsoa21(onspd: list[dict]) -> dict:
    centroids = read_csv(EXTERNAL / "lsoa_centroids" / "lsoa21_centroids_derived_england.csv")
    iod = load_iod2025()
    pop2015 = load_imd2019_population()
    la_active = _la_active()

    # Names and LAs, best source first: ONSPD 2025 (Trafford, 2021 names), the GM
    # 2021 best-fit lookup, then the IoD2019 file for codes unchanged since 2011.
    # 2011 names are only a fallback because MSOA renumbering changed some names.
    name: dict[str, str] = {}
    lad: dict[str, str] = {}
    for r in onspd:
        name.setdefault(r["lsoa21cd"], r["lsoa_name"])
        lad.setdefault(r["lsoa21cd"], r["la_code"])
    for r in read_csv(EXTERNAL / "gm_lsoa21_ward22_lookup" / "gm_lsoa21_to_ward22_best_fit_lookup.csv"):
        name.setdefault(r["lsoa21cd"], r["lsoa21nm"])
        lad.setdefault(r["lsoa21cd"], r["lad22cd"])
    for r in read_csv(EXTERNAL / "imd2019_england" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"):
        name.setdefault(r["LSOA code (2011)"], r["LSOA name (2011)"])
        lad.setdefault(r["LSOA code (2011)"], r["Local Authority District code (2019)"])
    for r in read_csv(EXTERNAL / "lsoa11_lookup_ew" / "lsoa11_msoa11_lad17_rgn11_lookup_ew.csv"):
        name.setdefault(r["LSOA11CD"], r["LSOA11NM"])
        lad.setdefault(r["LSOA11CD"], r["LAD17CD"])

    rows, stats = [], Counter()
    for c in centroids:
        code = c["lsoa21cd"]
        d = iod[code]  # every LSOA21 is in IoD2025; a KeyError here means the inputs changed
        la_code, la_name = la_active.get(lad.get(code, ""), ("", ""))
        if code in pop2015:
            population = pop2015[code]
        else:
            population = ""  # new 2021 code: no official population on this geography here
            stats["new_code_no_population"] += 1
        if not la_code:
            stats["no_la"] += 1
        if code not in name:
            stats["no_name"] += 1
        rows.append(
            {
                "lsoa21cd": code,
                "name": name.get(code, ""),
                "latitude": fmt_coord(float(c["latitude"])),
                "longitude": fmt_coord(float(c["longitude"])),
                "la_code": la_code,
                "la_name": la_name,
                "population": population,
                "imd_decile": d["IMD_decile"],
                "imd_rank": d["IMD_rank"],
                "imd_score": d["IMD_score"],
            }
        )
    rows.sort(key=lambda r: r["lsoa21cd"])
    header = [
        "lsoa21cd",
        "name",
        "latitude",
        "longitude",
        "la_code",
        "la_name",
        "population",
        "imd_decile",
        "imd_rank",
        "imd_score",
    ]
    stats["rows"] = write_csv(PACKAGE_GEO_DIR / "lsoa21_england.csv", header, rows)
    return dict(stats)


def build_trafford_wards(onspd: list[dict]) -> int:
    iod = load_iod2025()
    pop2015 = load_imd2019_population()
    centroid = {
        r["lsoa21cd"]: (float(r["latitude"]), float(r["longitude"]))
        for r in read_csv(EXTERNAL / "lsoa_centroids" / "lsoa21_centroids_derived_england.csv")
    }

    # LSOAs do not nest in wards; assign each to the ward holding most of its
    # live postcodes (ties -> lowest ward code, for determinism).
    votes: dict[str, Counter] = defaultdict(Counter)
    ward_names: dict[str, str] = {}
    pc_count: Counter = Counter()
    for r in onspd:
        votes[r["lsoa21cd"]][r["ward_code"]] += 1
        ward_names[r["ward_code"]] = r["ward_name"]
        pc_count[r["lsoa21cd"]] += 1
    lsoa_ward = {lsoa: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for lsoa, v in votes.items()}

    population = {lsoa: pop2015[lsoa] for lsoa in lsoa_ward if lsoa in pop2015}
    children = [c for c in TRAFFORD_SPLIT_CHILDREN if c in lsoa_ward]
    if children and TRAFFORD_SPLIT_PARENT in pop2015:
        total_pc = sum(pc_count[c] for c in children)
        for c in children:
            population[c] = round(pop2015[TRAFFORD_SPLIT_PARENT] * pc_count[c] / total_pc)
    missing = [lsoa for lsoa in lsoa_ward if lsoa not in population]
    if missing:
        raise SystemExit(f"Trafford LSOAs without a population: {missing}")

    # National rank -> decile as published, so a ward's pseudo-rank maps to a decile on the same cut-offs.
    n_lsoa = len(iod)
    decile_of_rank = {int(r["IMD_rank"]): int(r["IMD_decile"]) for r in iod.values()}
    scores = sorted((float(r["IMD_score"]) for r in iod.values()), reverse=True)

    by_ward: dict[str, list[str]] = defaultdict(list)
    for lsoa, w in lsoa_ward.items():
        by_ward[w].append(lsoa)

    rows = []
    for w, lsoas in by_ward.items():
        pops = [population[lsoa] for lsoa in lsoas]
        total = sum(pops)
        lat = sum(centroid[lsoa][0] * p for lsoa, p in zip(lsoas, pops, strict=True)) / total
        lon = sum(centroid[lsoa][1] * p for lsoa, p in zip(lsoas, pops, strict=True)) / total
        mean_score = (
            sum(float(iod[lsoa]["IMD_score"]) * p for lsoa, p in zip(lsoas, pops, strict=True)) / total
        )
        # Pseudo-rank: where the ward's mean score would sit among all LSOAs (1 = most deprived).
        pseudo_rank = 1 + sum(1 for s in scores if s > mean_score)
        pseudo_rank = min(pseudo_rank, n_lsoa)
        ranked = sorted((int(iod[lsoa]["IMD_rank"]), population[lsoa]) for lsoa in lsoas)
        acc, median_rank = 0, ranked[-1][0]
        for rank, p in ranked:
            acc += p
            if acc * 2 >= total:
                median_rank = rank
                break
        rows.append(
            {
                "ward_code": w,
                "ward_name": ward_names[w],
                "latitude": fmt_coord(lat),
                "longitude": fmt_coord(lon),
                "population": total,
                "imd_decile": decile_of_rank[pseudo_rank],
                "imd_rank_median": median_rank,
            }
        )
    rows.sort(key=lambda r: r["ward_code"])
    header = [
        "ward_code",
        "ward_name",
        "latitude",
        "longitude",
        "population",
        "imd_decile",
        "imd_rank_median",
    ]
    return write_csv(PACKAGE_GEO_DIR / "trafford_wards.csv", header, rows)
