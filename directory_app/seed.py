"""Load seed_data/: geography first (imports look postcodes up), then the Trafford directory."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from flask import Flask

from . import db
from .data import DATA_DIR
from .directory import geo
from .directory.jobs import import_file
from .directory.understanding import apply_curated_values
from .models import Service

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"
SEED_PUBLISHER = "Trafford Data Lab (seed)"


def load_geography(app: Flask) -> dict:
    with db.session_scope(app) as session:
        session.info["outbox_disabled"] = True
        districts = geo.import_gb_districts(session)
        postcodes = 0
        # Later files replace earlier rows: Code-Point 2014 for the rest of Greater Manchester and
        # for the North East (with LA and ward codes) over the bare extra points, then ONSPD 2025
        # for Trafford over all.
        for path in (
            SEED_DIR / "geo" / "gm_postcodes_extra.csv",
            SEED_DIR / "geo" / "gm_postcodes.csv",
            SEED_DIR / "geo" / "ne_postcodes.csv",
            DATA_DIR / "geo" / "trafford_postcodes.csv",  # shipped: the gap report reads it too
        ):
            postcodes += geo.import_postcodes(session, path).count
    return {"districts": districts, "postcodes": postcodes}


# Columns the seed build derived by rule (needs from the dataset's kind, MH_FACTS, UKCAT): the
# understanding step reads them from the records' own words instead, as it does for any feed.
DERIVED_COLUMNS = (
    "needs",
    "minimum_age",
    "maximum_age",
    "eligibility",
    "delivery",
    "area_wide",
    "service_area",
)


def raw_directory_csv(path: Path) -> bytes:
    """The seed CSV with its derived columns emptied."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, rows = list(reader.fieldnames or []), list(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if k in DERIVED_COLUMNS else v) for k, v in row.items()})
    return out.getvalue().encode("utf-8")


def apply_curated(app: Flask, path: Path) -> int:
    """Curator-set values for seed services (what their source text does not say)."""
    from sqlmodel import select

    data = json.loads(path.read_text(encoding="utf-8"))
    facts = {k: v for k, v in data.items() if not k.startswith("_")}
    by_kind = data.get("_by_kind") or {}
    count = 0
    with db.session_scope(app) as session:
        for service in session.exec(select(Service).where(Service.publisher == SEED_PUBLISHER)).all():
            values = {}
            for prefix, kind_values in by_kind.items():
                if (service.external_id or "").startswith(prefix):
                    values.update(kind_values)
            values.update(facts.get(service.external_id, {}))
            if values:
                apply_curated_values(service, values)
                session.add(service)
                count += 1
        session.commit()
    return count


def load_directory(app: Flask) -> dict:
    path = SEED_DIR / "directory" / "trafford_services.csv"
    report = import_file(app, raw_directory_csv(path), path.name, SEED_PUBLISHER, actor="seed")
    curated = apply_curated(app, SEED_DIR / "directory" / "trafford_curated.json")
    return {k: v for k, v in report.as_dict().items() if k not in ("errors", "warnings")} | {
        "errors": report.errors[:5],
        "curated": curated,
    }


def load_all(app: Flask) -> dict:
    return {"geography": load_geography(app), "directory": load_directory(app)}
