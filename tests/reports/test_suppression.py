"""No count of people between 1 and 4 leaves the report: pages, CSV, JSON and the CLI say "<5"."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from tests.reports.conftest import report_region

SMALL = {"1", "2", "3", "4", 1, 2, 3, 4}
DEMAND_COLUMNS = ("demand_requests", "demand_unmet")


@pytest.fixture
def commissioner(client, login_as, demand_rows):
    login_as("commissioner")
    return client


def html_demand_cells(page: str) -> list[str]:
    cells = re.findall(r'data-column="(?:requests|unmet)"[^>]*>(.*?)</td>', page, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]


def check_values(values) -> None:
    values = list(values)
    assert "<5" in values, "the small counts should be shown, as <5"
    assert not SMALL & set(values), sorted({str(v) for v in values})
    assert 7 in values or "7" in values, "counts of 5 and over are shown as they are"


@pytest.mark.parametrize("area_type", ["district", "ward", "lsoa"])
def test_pages_show_small_counts_as_under_five(commissioner, area_type):
    html = commissioner.get(f"/reports/?area_type={area_type}&sort=requests").get_data(as_text=True)
    check_values(html_demand_cells(html))
    assert "counted by postcode district" in html
    assert "&lt;5" in html


def test_map_and_detail_pages_show_small_counts_as_under_five(commissioner):
    html = commissioner.get("/reports/map?area_type=district&need=food").get_data(as_text=True)
    cells = html_demand_cells(html)
    assert "<5" in cells and "7" in cells and not SMALL & set(cells)
    data = json.loads(re.search(r'id="report-map-data">(.*?)</script>', html, re.S).group(1))
    values = [a[k] for a in data["areas"] for k in ("requests", "unmet")]
    assert "<5" in values and 7 in values and not SMALL & set(values)

    html = commissioner.get("/reports/areas/district/M33").get_data(as_text=True)  # food: 1 request
    cells = html_demand_cells(html)
    assert "<5" in cells and not SMALL & set(cells)
    html = commissioner.get("/reports/areas/ward/E05015244").get_data(as_text=True)  # via M31: 7
    assert "7" in html_demand_cells(html)


@pytest.mark.parametrize("area_type", ["district", "lsoa"])
def test_exports_show_small_counts_as_under_five(commissioner, area_type):
    response = commissioner.get(f"/reports/export.csv?area_type={area_type}")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    check_values(row[c] for row in rows for c in DEMAND_COLUMNS)
    assert all(row["demand_counted_by"].startswith("postcode district ") for row in rows)

    payload = commissioner.get(f"/reports/export.json?area_type={area_type}").get_json()
    check_values(row[c] for row in payload["rows"] for c in DEMAND_COLUMNS)
    assert any("counted by postcode district" in note for note in payload["notes"])


def test_cli_writes_csv_and_json_with_small_counts_suppressed(app, runner, demand_rows, tmp_path):
    out = tmp_path / "gaps.csv"
    result = runner.invoke(args=["report", "gaps", "--area-type", "ward", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "counted by postcode district" in result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 21 * 26
    check_values(row[c] for row in rows for c in DEMAND_COLUMNS)

    out = tmp_path / "gaps.json"
    result = runner.invoke(
        args=["report", "gaps", "--area-type", "district", "--need", "food", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["need"] == "food" and {r["need"] for r in payload["rows"]} == {"food"}
    check_values(row[c] for row in payload["rows"] for c in DEMAND_COLUMNS)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--area-type", "county"], "Unknown area type 'county'"),
        (["--need", "astrology"], "Unknown need 'astrology'"),
    ],
)
def test_cli_refuses_bad_filters(runner, tmp_path, args, message):
    out = tmp_path / "x.json"
    result = runner.invoke(args=["report", "gaps", *args, "--out", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_priority_does_not_reveal_the_exact_small_count(app):
    # Priority is published to 3 dp with the provision score and decile it is built from, so
    # gap_report is given the same stand-in for every count from 1 to 4.
    from directory_app import db
    from directory_app.reports import service

    with db.session_scope(app) as session:
        docs = service.live_documents(session)
    results = []
    for unmatched in (1, 4):
        demand = {("M33", "food"): {"requests": 4, "unmatched": unmatched}}
        rows = service._report(report_region(app), "district", "food", docs, demand)
        results.append(next(r for r in rows if r["area_code"] == "M33")["priority_score"])
    assert results[0] == results[1]
