"""The gap report outside Trafford: a Middlesbrough directory gets Middlesbrough's areas, and
REPORT_AREA_CODES moves the report anywhere in England (here Newcastle upon Tyne)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from directory_app import db
from directory_app.directory import england as tables
from directory_app.errors import ValidationError
from directory_app.reports import areas as geo
from tests.conftest import fresh_app
from tests.reports.conftest import gap_rows, report_region

from .conftest import add_demand

MIDDLESBROUGH, NEWCASTLE, REDCAR = "E06000002", "E08000021", "E06000003"
# Ten venues in Middlesbrough (food in the centre and Linthorpe, lunch clubs), one in Redcar:
# 1 of 11 services is under the 10% that puts an authority in the report.
VENUES = [
    ("Central Food Bank", "food", 54.5762, -1.2347),
    ("Linthorpe Pantry", "food", 54.5609, -1.2501),
    ("North Ormesby Food Share", "food", 54.5700, -1.2130),
    *[(f"Acklam Lunch Club {n}", "loneliness", 54.5480 + n * 0.002, -1.2620) for n in range(7)],
    ("Redcar Coast Food Bank", "food", 54.6160, -1.0700),
]
# (district, need): (requests, of which unmatched); 2 must read "<5", 6 stays 6.
DEMAND = {("TS1", "food"): (2, 2), ("TS3", "housing"): (6, 6)}


@pytest.fixture(scope="module")
def app(tmp_path_factory, meili, postgres_url):
    from directory_app.directory.service import create_service

    tmp = tmp_path_factory.mktemp("middlesbrough")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'test.db'}", search_index="memory") as app:
        with db.session_scope(app) as session:
            for name, need, lat, lng in VENUES:
                data = {
                    "name": name,
                    "organization": f"{name} Trust",
                    "description": "Free meals and a friendly welcome.",
                    "needs": [need],
                    "latitude": lat,
                    "longitude": lng,
                    "city": "Middlesbrough",
                }
                create_service(session, data, actor="test")
            add_demand(session, DEMAND)
            session.commit()
        yield app


@pytest.fixture
def commissioner(client, login_as):
    login_as("commissioner")
    return client


@pytest.fixture
def newcastle(app, monkeypatch):
    monkeypatch.setitem(app.config, "REPORT_AREA_CODES", f" {NEWCASTLE.lower()} ")
    return app


def lsoa_codes(la_code: str) -> set[str]:
    return {row["lsoa21cd"] for row in tables.national().by_la[la_code]}


def test_the_report_covers_the_authority_holding_the_services(app):
    region = report_region(app)
    assert region.codes == (MIDDLESBROUGH,) and region.name == "Middlesbrough"
    rows = gap_rows(app, "lsoa", "food")
    assert {r["area_code"] for r in rows} == lsoa_codes(MIDDLESBROUGH)
    assert len(rows) >= 86  # Middlesbrough's LSOAs, none of Redcar's
    assert all(r["imd_decile"] in range(1, 11) for r in rows)
    assert min(r["imd_decile"] for r in rows) == 1 and max(r["imd_decile"] for r in rows) >= 8
    assert all(r["demand_counted_by"].startswith("postcode district TS") for r in rows)
    assert any(r["local_count"] >= 2 for r in rows)


def test_a_need_nobody_offers_is_a_gap_everywhere(app):
    rows = gap_rows(app, "lsoa", "housing")
    assert rows and all(r["local_count"] == 0 and r["nearest_km"] is None for r in rows)
    food = {r["area_code"]: r for r in gap_rows(app, "lsoa", "food")}
    for row in rows[:5]:  # the most urgent housing gaps are served for food
        assert row["priority_score"] > food[row["area_code"]]["priority_score"]


def test_districts_are_middlesbroughs_with_estimated_deprivation(app):
    rows = gap_rows(app, "district", "food")
    codes = {r["area_code"] for r in rows}
    assert {"TS1", "TS3", "TS5"} <= codes and all(re.fullmatch(r"TS\d+", c) for c in codes)
    lsoas = geo.areas("lsoa", [MIDDLESBROUGH])
    known = [a["population"] for a in lsoas if a["population"]]
    total = sum(r["population"] for r in rows)
    assert sum(known) <= total <= sum(known) * 1.1  # new 2021 LSOAs count at a typical size
    assert all(r["imd_estimated"] and r["imd_decile"] for r in rows)
    centre = next(r for r in rows if r["area_code"] == "TS1")
    assert centre["imd_decile"] == 1 and centre["local_count"] >= 1


def test_wards_are_refused_outside_trafford_saying_why(app, commissioner, runner, tmp_path):
    with pytest.raises(ValidationError, match="Trafford only"):
        gap_rows(app, "ward", None)
    response = commissioner.get("/reports/?area_type=ward")
    assert response.status_code == 400
    assert "Ward reports are available for Trafford only" in response.get_data(as_text=True)
    assert commissioner.get("/reports/areas/ward/E05015253").status_code == 400
    page = commissioner.get("/reports/").get_data(as_text=True)
    assert "Ward (Trafford only)" in page and "Areas: Middlesbrough (E06000002)." in page
    result = runner.invoke(args=["report", "gaps", "--area-type", "ward", "--out", str(tmp_path / "w.csv")])
    assert result.exit_code == 2 and "Trafford only" in result.output
    assert not (tmp_path / "w.csv").exists()


def test_small_counts_stay_suppressed_on_pages_exports_and_cli(app, commissioner, runner, tmp_path):
    page = commissioner.get("/reports/?area_type=district&sort=requests").get_data(as_text=True)
    cells = re.findall(r'data-column="requests"[^>]*>(.*?)</td>', page, flags=re.S)
    values = {re.sub(r"<[^>]+>", "", c).strip() for c in cells}
    assert {"&lt;5", "6"} <= values and not {"1", "2", "3", "4"} & values
    assert "whose centre is nearest to its own centre" in commissioner.get("/reports/").get_data(as_text=True)

    text = commissioner.get("/reports/export.csv?area_type=district&need=food").get_data(as_text=True)
    rows = {r["area_code"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["TS1"]["demand_requests"] == "<5" and rows["TS1"]["demand_unmet"] == "<5"
    payload = commissioner.get("/reports/export.json?area_type=lsoa&need=housing").get_json()
    assert payload["region"] == {"codes": [MIDDLESBROUGH], "name": "Middlesbrough"}
    assert {r["demand_requests"] for r in payload["rows"]} >= {6, 0}
    assert {r["area_code"] for r in payload["rows"]} == lsoa_codes(MIDDLESBROUGH)

    out = tmp_path / "gaps.json"
    result = runner.invoke(args=["report", "gaps", "--area-type", "district", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Areas: Middlesbrough (E06000002)" in result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    food = {r["area_code"]: r for r in written["rows"] if r["need"] == "food"}
    assert food["TS1"]["demand_requests"] == "<5"
    assert not {1, 2, 3, 4} & {r[c] for r in written["rows"] for c in ("demand_requests", "demand_unmet")}


def test_the_setting_moves_the_report_to_another_authority(newcastle, commissioner, runner, tmp_path):
    rows = gap_rows(newcastle, "lsoa", "food")
    assert {r["area_code"] for r in rows} == lsoa_codes(NEWCASTLE)
    # Middlesbrough's food banks are 50 km away: every Newcastle neighbourhood is a gap.
    assert all(r["local_count"] == 0 and r["nearest_km"] > 40 for r in rows)
    assert {r["imd_decile"] for r in rows} >= {1, 10}
    districts = {r["area_code"] for r in gap_rows(newcastle, "district", "food")}
    assert {"NE1", "NE4", "NE6"} <= districts and not {"NE98", "NE99"} & districts  # no PO boxes

    page = commissioner.get("/reports/?area_type=lsoa&need=food").get_data(as_text=True)
    assert "Newcastle upon Tyne" in page and "Middlesbrough 0" not in page
    text = commissioner.get("/reports/export.csv?area_type=lsoa&need=food").get_data(as_text=True)
    assert {r["area_code"] for r in csv.DictReader(io.StringIO(text))} == lsoa_codes(NEWCASTLE)
    out = tmp_path / "gaps.csv"
    result = runner.invoke(args=["report", "gaps", "--need", "food", "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = {r["area_code"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    assert written == lsoa_codes(NEWCASTLE)


def test_an_unknown_code_in_the_setting_is_refused_plainly(app, monkeypatch, commissioner, runner, tmp_path):
    monkeypatch.setitem(app.config, "REPORT_AREA_CODES", "E06000002,X99")
    response = commissioner.get("/reports/")
    assert response.status_code == 400 and "X99 is not a code" in response.get_data(as_text=True)
    result = runner.invoke(args=["report", "gaps", "--out", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "X99" in result.output
