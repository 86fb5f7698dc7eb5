from __future__ import annotations

import sys

import click
from flask.cli import AppGroup
from rich.progress import Progress

from .. import db
from . import indexing


@click.group("search", cls=AppGroup)
def search_group():
    """The Meilisearch index."""


@search_group.command("reindex")
def reindex():
    """Build a fresh index from the database and swap it in atomically."""
    with Progress() as progress:
        task = progress.add_task("Indexing services", total=None)
        count = indexing.reindex(
            db.real_app(),
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    click.echo(f"Indexed {count} services.")

    with db.session_scope(db.real_app()) as session:
        parked, _rows = indexing.parked(session, limit=0)
    if parked:
        click.echo(f"{parked} service(s) left out: Meilisearch refused them; see `flask search check`.")


@search_group.command("check")
def check():
    """Compare database and index; exit 1 on drift."""
    report = indexing.check(db.real_app())
    click.echo(f"database {report['database']}, index {report['index']}, pending {report['pending']}")
    for kind in ("missing", "extra", "stale"):
        if report[kind]:
            click.echo(
                f"{kind}: {len(report[kind])} ({', '.join(report[kind][:10])}{' …' if len(report[kind]) > 10 else ''})"
            )
    if report["parked"]:
        click.echo(
            f"parked: {report['parked']} change(s) Meilisearch refused; fix the record and save it again"
        )
        for change in report["parked_changes"][:10]:
            click.echo(
                f"  {change['service_id']} (tried {change['attempts']}×, {change['parked_at']}): {change['reason']}"
            )
    if not report["ok"]:
        click.echo("Drift found: run `flask search drain` or `flask search reindex`.", err=True)
        sys.exit(1)
    click.echo("In step.")


@search_group.command("drain")
def drain():
    """Push pending changes (kept while Meilisearch was down) to the index."""
    sent = indexing.drain(db.real_app())
    click.echo(f"Sent {sent} services.")
