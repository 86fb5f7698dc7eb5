"""Reading every stored service again when the reader itself changes.

What the understanding step believes about a service (needs, who it is for, ages, area, situations)
is stored with it when it is imported or edited. An upgrade that reads records better would
otherwise help only the services imported after it: `make run` compares a fingerprint of the
reader (its code, training data and tables) with the one the database was last read with, and
`flask understand` does it on demand. Curators' choices stand, as on any re-reading; the search
index follows through the outbox.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from flask import Flask
from sqlmodel import Session, col, select

import matching

from .. import db
from ..data import DATA_DIR
from ..models import Service
from .understanding import understand_services

BATCH = 200
_MATCHING = Path(matching.__file__).resolve().parent
READER_FILES = [
    *sorted((_MATCHING / "understanding").glob("*.py")),
    # what the reader is given of a stored service (a venue's point from its postcode, ...)
    Path(__file__).resolve().parent / "understanding.py",
    _MATCHING / "situations.py",
    # read into each service's search document (documents.py)
    _MATCHING / "forces_branch.py",
    _MATCHING / "taxonomy.py",
    DATA_DIR / "training" / "services.jsonl",
    DATA_DIR / "needs_taxonomy.json",
    DATA_DIR / "geo" / "local_authorities_england.csv",
    DATA_DIR / "geo" / "places_england.csv",
    DATA_DIR / "geo" / "place_centres.csv",
    DATA_DIR / "geo" / "local_areas.csv",
]


def reader_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in READER_FILES:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def understand_again(session: Session, progress=None) -> int:
    """Read every service again, a batch at a time (each batch committed); returns how many."""
    ids = list(session.exec(select(Service.id).order_by(col(Service.id))))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        services = list(session.exec(select(Service).where(col(Service.id).in_(chunk))))
        understand_services(services)
        session.commit()
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def _marker(app: Flask) -> Path:
    return Path(app.instance_path) / "understanding.json"


def remember_reader(app: Flask) -> None:
    """Note that the database was read by the reader as it is now (after a fresh load)."""
    _marker(app).write_text(
        json.dumps({"fingerprint": reader_fingerprint(), "database": app.config["DATABASE_URL"]})
    )


def refresh_if_changed(app: Flask) -> int | None:
    """Read every service again if the reader changed since this database was last read; the
    number read, or None when nothing had changed."""
    marker = _marker(app)
    if marker.exists():
        previous = json.loads(marker.read_text())
        if previous == {"fingerprint": reader_fingerprint(), "database": app.config["DATABASE_URL"]}:
            return None
    with db.session_scope(app) as session:
        count = understand_again(session)
    remember_reader(app)
    return count
