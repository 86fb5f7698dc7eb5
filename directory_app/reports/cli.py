"""`flask report gaps`: the commissioner's gap report as a CSV or JSON file."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from .. import db
from ..console import progress_bar
from ..db import real_app
from ..errors import DomainError
from ..services import services
from . import areas as geo
from . import export as exporting
from . import service


@click.group("report", cls=AppGroup)
def report_group():
    """Gap reports for commissioners."""


@report_group.command("gaps")
@click.option(
    "--area-type",
    default="lsoa",
    show_default=True,
    help="lsoa (neighbourhoods), ward or district (postcode districts).",
)
@click.option(
    "--need", default=None, help="A need code from the taxonomy, e.g. loneliness; all needs if left out."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write: CSV if the name ends .csv, otherwise JSON.",
)
def gaps_command(area_type: str, need: str | None, out: Path):
    """Write the gap report (areas x needs, most urgent first) for the region REPORT_AREA_CODES names,
    or else where the directory's services are. Counts of 1-4 requests read "<5"."""
    app = real_app()
    with db.session_scope(app) as session:
        _write_gaps(
            service.GapReports(session, services(app).report_documents, app.config.get("REPORT_AREA_CODES")),
            area_type,
            need,
            out,
        )


def _write_gaps(reports: service.GapReports, area_type: str, need: str | None, out: Path) -> None:
    try:
        service.check_filters(area_type, need)
        region = reports.region()
        service.check_area_type(region, area_type)
    except DomainError as error:
        click.echo(f"error: {error.message}", err=True)
        sys.exit(2)
    with progress_bar() as progress:
        task = progress.add_task("Reading services", total=None)
        rows = reports.rows(
            area_type,
            need,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    text = (
        exporting.to_csv(rows)
        if out.suffix.lower() == ".csv"
        else exporting.to_json(rows, area_type, need, region)
    )
    out.write_text(text, encoding="utf-8")
    click.echo(exporting.region_note(region))
    click.echo(
        f"Wrote {len(rows)} rows ({geo.AREA_TYPE_PLURALS[area_type]} x "
        f"{'1 need' if need else 'all needs'}) to {out}."
    )
    if area_type != "district":
        click.echo(geo.demand_note(area_type, region))
