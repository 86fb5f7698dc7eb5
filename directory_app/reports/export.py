"""Gap report rows as CSV or JSON: the same shape from the web export and the CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ..needs import taxonomy
from ..web import csv_output
from . import areas as geo

COLUMNS = [
    "area_code",
    "area_name",
    "place",
    "area_type",
    "need",
    "need_label",
    "reach_km",
    "population",
    "imd_decile",
    "imd_rank",
    "local_count",
    "nearest_km",
    "remote_count",
    "provision_score",
    "demand_requests",
    "demand_unmet",
    "demand_counted_by",
    "priority_score",
    "priority_band",
    "priority_rank",
    "areas_ranked",
]


def region_note(region: geo.Geography) -> str:
    """Which authorities the areas come from, and why there are no wards outside Trafford."""
    codes = ", ".join(region.codes)
    text = f"Areas: {region.name} ({codes})."
    if not region.has_wards:
        text += " Ward reports are available for Trafford only."
    return text


def district_population_note(region: geo.Geography, lsoa_word: str = "LSOA") -> str:
    if region.demand_by == "postcodes":
        return (
            f"District population counts {region.name} residents only: each {lsoa_word}'s people are "
            "shared among the districts of its postcodes."
        )
    return (
        f"District population counts {region.name} residents only: each {lsoa_word} counts whole in "
        "the district whose centre is nearest to its own (the same district its requests are "
        "counted by)."
    )


def notes(area_type: str, region: geo.Geography | None = None) -> list[str]:
    region = region or geo.geography()
    notes = [
        region_note(region),
        geo.demand_note(area_type, region),
        'Counts of people\'s requests from 1 to 4 are shown as "<5".',
        "local_count: services meeting the need, in person, with a venue within reach_km of the area's "
        "centroid. remote_count: online, phone or area-wide services covering the area (never added "
        "to local_count).",
        "priority_score = 0.5 x (1 - provision) + 0.3 x deprivation + 0.2 x unmet-request signal; "
        "priority_band 5 is the highest-priority fifth of areas for that need.",
        "Population: mid-2015 (IoD 2019 File 6). Deprivation: English Indices of Deprivation 2025, "
        "national decile 1 = most deprived 10%.",
    ]
    if area_type != "lsoa":
        notes.append(
            "Deprivation deciles of wards and postcode districts are estimated from their "
            "LSOAs' scores (population-weighted), not official statistics."
        )
    if area_type == "district":
        notes.append(district_population_note(region))
    return notes


def to_csv(rows: list[dict]) -> str:
    return csv_output.to_text(COLUMNS, ([row.get(column) for column in COLUMNS] for row in rows))


def to_json(rows: list[dict], area_type: str, need: str | None, region: geo.Geography | None = None) -> str:
    region = region or geo.geography()
    payload = {
        "region": {"codes": list(region.codes), "name": region.name},
        "area_type": area_type,
        "need": need,
        "need_label": taxonomy().label(need) if need else None,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "notes": notes(area_type, region),
        "rows": [{column: row.get(column) for column in COLUMNS} for row in rows],
    }
    return json.dumps(payload, indent=1, ensure_ascii=False) + "\n"


def filename(area_type: str, need: str | None, extension: str) -> str:
    return f"gap-report-{area_type}-{need or 'all-needs'}.{extension}"
