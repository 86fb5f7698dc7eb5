"""Load seed_data/: geography first (imports look postcodes up), then the Trafford directory."""
from __future__ import annotations

import csv
from pathlib import Path

from flask import Flask

from . import db
from .directory import geo
from .directory.importer import import_file

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"
SEED_PUBLISHER = "Trafford Data Lab (seed)"


def load_geography(app: Flask) -> dict:
    with db.session_scope(app) as session:
        session.info["outbox_disabled"] = True
        with open(SEED_DIR / "geo" / "postcode_districts_gb.csv", newline="") as handle:
            districts = geo.import_districts(session, (
                (row["outcode"], float(row["latitude"]), float(row["longitude"]))
                for row in csv.DictReader(handle)))
        postcodes = 0
        for name in ("trafford_postcodes.csv", "gm_postcodes_extra.csv"):
            postcodes += geo.import_postcodes(session, SEED_DIR / "geo" / name)
    return {"districts": districts, "postcodes": postcodes}


def load_directory(app: Flask) -> dict:
    path = SEED_DIR / "directory" / "trafford_services.csv"
    report = import_file(app, path.read_bytes(), path.name, SEED_PUBLISHER, actor="seed")
    return {k: v for k, v in report.as_dict().items() if k not in ("errors", "warnings")} | {
        "errors": report.errors[:5]}


def load_all(app: Flask) -> dict:
    return {"geography": load_geography(app), "directory": load_directory(app)}
