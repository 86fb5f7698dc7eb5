"""Districts abolished long ago and dales that publishers still name as where their users must
live ("Wansbeck residents only", "for people in the Derwentside area", "Weardale"), as the postcode
districts that make them up, so that a person's postcode says whether they live there.

The source, seed_data/local_areas.csv, was written by the team from the 2009 reorganisation of
County Durham, Northumberland, Cheshire and Cornwall (each former district as the postcode districts
of its towns and villages; an outcode that straddles a boundary goes with the district holding most
of it). Each area also gets a circle around its postcode districts' centres, for a person known by
a point alone.
"""

from __future__ import annotations

from .common import SEED_DIR, haversine_km, read_csv, write_csv

SOURCE = SEED_DIR / "local_areas.csv"
OUTCODES = SEED_DIR.parent / "directory_app" / "data" / "geo" / "postcode_districts_gb.csv"
OUT = SEED_DIR.parent / "directory_app" / "data" / "geo" / "local_areas.csv"
# A rural postcode district reaches several km from its centre; the circle is only a fallback.
OUTCODE_REACH_KM = 6.0


def build_local_areas() -> int:
    centres = {r["outcode"]: (float(r["latitude"]), float(r["longitude"])) for r in read_csv(OUTCODES)}
    rows = []
    for area in read_csv(SOURCE):
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


if __name__ == "__main__":
    print(build_local_areas())
