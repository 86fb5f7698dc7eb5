"""England's current local authorities (GSS code and name), so that "residents of Trafford" in a
record's text becomes E08000009, the code ORUK service_area URIs and our geography use."""

from __future__ import annotations

from .common import EXTERNAL, SEED_DIR, read_csv, write_csv

SOURCE = EXTERNAL / "geo_lookups_uk" / "la_all_codes.csv"
ENGLAND = "E92000001"


def build_local_authorities() -> int:
    rows = {}
    for r in read_csv(SOURCE):
        # Current lower-tier authorities only: an abolished district's name would send a
        # "residents of" rule to a code no postcode maps to any more.
        if r["CTRYCD"] != ENGLAND or r["Current"] != "TRUE" or r["LADCD"] != r["LADCD_ACTIVE"]:
            continue
        rows[r["LADCD"]] = {
            "code": r["LADCD"],
            "name": r["LADNM"],
            "tier": "lower",
            "county_code": r["UTLACD"] if r["UTLACD"] != r["LADCD"] else "",
            "combined_authority": r["CAUTHNM"],
        }
        # Counties (upper tier) are named in records too ("residents of Lancashire").
        if r["UTLACD"] != r["LADCD"]:
            rows.setdefault(
                r["UTLACD"],
                {
                    "code": r["UTLACD"],
                    "name": r["UTLANM"],
                    "tier": "county",
                    "county_code": "",
                    "combined_authority": "",
                },
            )
    out = sorted(rows.values(), key=lambda row: row["code"])
    return write_csv(
        SEED_DIR.parent / "directory_app" / "data" / "geo" / "local_authorities_england.csv",
        ["code", "name", "tier", "county_code", "combined_authority"],
        out,
    )


if __name__ == "__main__":
    print(build_local_authorities())
