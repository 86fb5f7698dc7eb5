from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..db import session_scope
from ..errors import DomainError
from . import export as exporting
from . import geo
from .importer import import_file


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), transient=False)


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--publisher", required=True, help="Who publishes this feed (records are matched on publisher + id).")
@with_appcontext
def import_command(path: Path, publisher: str):
    """Import services from an ORUK 3.0 / ORUK v1 JSON file or a CSV in our template."""
    with _progress() as progress:
        task = progress.add_task(f"Importing {path.name}", total=None)
        try:
            report = import_file(current_app._get_current_object(), path.read_bytes(), path.name,
                                 publisher, actor="cli",
                                 progress=lambda done, total: progress.update(task, completed=done, total=total))
        except DomainError as error:
            click.echo(f"error: {error.message}", err=True)
            sys.exit(2)
    click.echo(f"{report.total} records: {report.created} created, {report.updated} updated, "
               f"{report.unchanged} unchanged, {len(report.errors)} failed.")
    for item in report.errors:
        click.echo(f"  error   {item['record']}  {item['field']}: {item['reason']}")
    for item in report.warnings:
        click.echo(f"  warning {item['record']}  {item['field']}: {item['reason']}")
    sys.exit(1 if report.errors else 0)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["oruk", "csv"]), default="oruk")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def export_command(fmt: str, out: Path):
    """Export the whole directory as ORUK 3.0 JSON or as the CSV template."""
    with session_scope() as session:
        text = exporting.export_oruk(session) if fmt == "oruk" else exporting.export_csv(session)
    out.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out}.")


@click.group("geo")
def geo_group():
    """Offline geography (postcodes)."""


@geo_group.command("import-postcodes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_postcodes(path: Path):
    """Load unit postcodes from an ONSPD CSV or any CSV with postcode, latitude, longitude."""
    with session_scope() as session, _progress() as progress:
        task = progress.add_task(f"Loading {path.name}", total=None)
        try:
            count = geo.import_postcodes(session, path, progress=lambda d, t: progress.update(task, completed=d, total=t))
        except DomainError as error:
            click.echo(f"error: {error.message}", err=True)
            sys.exit(2)
    click.echo(f"Loaded {count} postcodes.")


def init_app(app) -> None:
    app.cli.add_command(import_command)
    app.cli.add_command(export_command)
    app.cli.add_command(geo_group)
