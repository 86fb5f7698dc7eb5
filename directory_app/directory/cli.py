from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext

from ..console import progress_bar
from ..db import real_app, session_scope
from ..errors import DomainError
from . import duplicates, geo, jobs, rereading
from . import export as exporting
from .jobs import import_file


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--publisher", required=True, help="Who publishes this feed (records are matched on publisher + id)."
)
@click.option(
    "--whole-feed",
    is_flag=True,
    help="The file is everything the publisher lists: withdraw (make inactive) their services it leaves out.",
)
@with_appcontext
def import_command(path: Path, publisher: str, whole_feed: bool):
    """Import services from an ORUK 3.0 / ORUK v1 JSON file or a CSV in our template.

    Runs as an import job in the foreground: one import per publisher at a time, committed in
    batches; if it is interrupted, `flask imports resume` (or the running app) finishes it."""
    with progress_bar() as progress:
        task = progress.add_task(f"Importing {path.name}", total=None)
        try:
            report = import_file(
                real_app(),
                path.read_bytes(),
                path.name,
                publisher,
                actor="cli",
                progress=lambda done, total: progress.update(task, completed=done, total=total),
                whole_feed=whole_feed,
            )
        except DomainError as error:
            click.echo(f"error: {error.message}", err=True)
            sys.exit(2)
    click.echo(
        f"{report.total} records: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.failed} failed, {len(report.warnings)} warnings"
        + (f", {len(report.withdrawn)} withdrawn (not in the feed any more)." if whole_feed else ".")
    )
    for item in report.withdrawn:
        click.echo(f"  withdrawn {item['external_id']}  {item['name']}")
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


@click.group("geo", cls=AppGroup)
def geo_group():
    """Offline geography (postcodes)."""


@geo_group.command("import-postcodes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_postcodes(path: Path):
    """Load unit postcodes with their local authority and ward: an OS Code-Point Open CSV (with a
    header row), an ONSPD CSV, or any CSV with postcode, latitude, longitude. The format is
    recognised from the header."""
    with session_scope() as session, progress_bar() as progress:
        task = progress.add_task(f"Loading {path.name}", total=None)
        try:
            loaded = geo.import_postcodes(
                session, path, progress=lambda d, t: progress.update(task, completed=d, total=t)
            )
        except DomainError as error:
            click.echo(f"error: {error.message}", err=True)
            sys.exit(2)
    click.echo(str(loaded))
    if loaded.count and not loaded.with_la:
        click.echo(
            "warning: no local authority codes in this file, so residency limits cannot be "
            "checked for these postcodes.",
            err=True,
        )


@click.group("duplicates", cls=AppGroup)
def duplicates_group():
    """Likely duplicate services."""


@duplicates_group.command("scan")
def duplicates_scan():
    """Compare the whole directory and refresh the curators' queue: new pairs are flagged, open
    pairs that no longer look like duplicates (e.g. flagged by an older rule) are closed."""
    with session_scope() as session:
        summary = duplicates.flag_all(session)
        session.commit()
        still_open = duplicates.open_count(session)
    click.echo(
        f"Compared {summary['compared']} services: {summary['pairs']} likely duplicate pairs "
        f"({summary['new']} new), {summary['closed']} old pairs closed; {still_open} open."
    )


@click.group("imports", cls=AppGroup)
def imports_group():
    """Import jobs (started by `flask import`, the API or the curator page)."""


@imports_group.command("resume")
def imports_resume():
    """Resume imports whose process stopped (a crash or restart); the app also does this by itself
    on the next request once a job has had no heartbeat for three minutes."""
    resumed = jobs.recover(real_app(), background=False)
    click.echo(f"Resumed {len(resumed)} import(s)." if resumed else "No interrupted imports.")


@click.command("understand")
@with_appcontext
def understand_command():
    """Read every service's record again with the understanding step as it is now (after an
    upgrade): needs, who it is for, ages, area, delivery. Curators' choices stand."""
    with progress_bar() as progress, session_scope() as session:
        task = progress.add_task("Reading services again", total=None)
        count = rereading.understand_again(
            session, lambda done, total: progress.update(task, completed=done, total=total)
        )
    rereading.remember_reader(real_app())
    click.echo(f"Read {count} services again; the search index follows.")


def init_app(app) -> None:
    app.cli.add_command(understand_command)
    app.cli.add_command(import_command)
    app.cli.add_command(imports_group)
    app.cli.add_command(export_command)
    app.cli.add_command(geo_group)
    app.cli.add_command(duplicates_group)
