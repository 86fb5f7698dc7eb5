"""Directories written blind on 5 December 2026 by helpers who never saw the app: an ORUK v1
council API export (Nottingham and Nottinghamshire) and a mutual aid spreadsheet converted to ORUK
3.0 (east Kent), in session 36, and a Citizens Advice office's referral partners list converted to
ORUK 3.0 (Sussex coast, session 38: its venues have no location_type). Every record lands, and
the v1 feed's words about who may come reach the service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.directory.jobs import import_file
from directory_app.models import Service
from tests.conftest import once_in_postgresql_half

SERVICES = Path(__file__).resolve().parents[2] / "seed_data" / "eval" / "services"


# In make test, on PostgreSQL only, which holds a record to its column lengths as SQLite does not:
# on SQLite the relevance suites import these feeds whole (tests/relevance/regional.py).
@once_in_postgresql_half
@pytest.mark.parametrize("feed", ["em_oruk.json", "ks_oruk.json", "sx_oruk.json"])
def test_a_blind_feed_imports_every_record(app, feed):
    items = json.loads((SERVICES / feed).read_text(encoding="utf-8"))
    report = import_file(app, json.dumps(items).encode(), feed, items[0]["publisher"], "test")
    assert report.failed == 0 and report.created == len(items), report.as_dict()["errors"][:3]
    if feed == "em_oruk.json":
        said = {i["id"] for i in items if any(e.get("eligibility") for e in i.get("eligibilitys") or [])}
        with db.session_scope(app) as session:
            kept = [
                s for s in session.exec(select(Service)) if (s.extra or {}).get("eligibility_description")
            ]
        assert len(kept) == len(said)
