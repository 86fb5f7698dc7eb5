"""Regenerate every derived seed file (all but needs_taxonomy.json, which is curated by hand).

Run from the repo root:  python3 seed_data/build_seed.py
Reads the offline reference data in ../shared/data/external (see seed_data/ATTRIBUTION.md).
Standard library only; the output is deterministic for the same inputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_steps import areas, charities, geo, local_areas, places, services, towns  # noqa: E402
from build_steps.common import EXTERNAL, SEED_DIR, PostcodeIndex, write_csv  # noqa: E402
from build_steps.rows import TEMPLATE_COLUMNS  # noqa: E402
from build_steps.schedule import is_valid_schedule  # noqa: E402
from build_steps.ukcat import UkcatTagger  # noqa: E402


def main() -> int:
    if not EXTERNAL.is_dir():
        print(f"reference data not found at {EXTERNAL}", file=sys.stderr)
        return 1

    onspd = geo.load_trafford_onspd()
    codepoint = geo.load_codepoint_gm()
    report = {
        "postcode_districts_gb.csv": geo.build_postcode_districts(),
        "trafford_postcodes.csv": geo.build_trafford_postcodes(onspd),
        "lsoa21_england.csv": geo.build_lsoa21(onspd),
        "trafford_wards.csv": geo.build_trafford_wards(onspd),
        "gm_postcodes.csv": geo.build_gm_postcodes(codepoint),
        "ne_postcodes.csv": geo.build_north_east_postcodes(geo.load_codepoint_north_east()),
        "local_authorities_england.csv": areas.build_local_authorities(),
        "place_centres.csv": places.build_place_centres(),
        "local_areas.csv": local_areas.build_local_areas(),
        # (None: the build extra, which holds GeoNames' places, is not installed; the file stays)
        "towns_england.csv": towns.build_towns(),
        "ward_towns_england.csv": towns.build_ward_towns(),
    }

    pcs = PostcodeIndex(onspd, codepoint)
    tagger = UkcatTagger()
    rows = []
    for label, build in [
        ("food banks", services.build_food_banks),
        ("mental health", services.build_mental_health),
        ("libraries", services.build_libraries),
        ("jobcentres", services.build_jobcentres),
    ]:
        part = build(pcs, tagger)
        report[label] = len(part)
        rows += part
    charity_rows, charity_report = charities.build_charities(pcs, tagger)
    report["charities"] = len(charity_rows)
    report["charity filter"] = charity_report
    rows += charity_rows

    ids = [r["external_id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate external_id in the directory")
    bad = [r["external_id"] for r in rows if r["schedule"] and not is_valid_schedule(r["schedule"])]
    if bad:
        raise SystemExit(f"schedules outside the template grammar: {bad}")
    report["trafford_services.csv"] = write_csv(
        SEED_DIR / "directory" / "trafford_services.csv", TEMPLATE_COLUMNS, rows
    )

    # Only now do we know which non-Trafford postcodes the directory uses.
    report["gm_postcodes_extra.csv"] = geo.build_gm_postcodes_extra(pcs.used_outside_trafford, codepoint)

    for key, value in report.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
