"""Top-level CLI groups; each concern keeps its commands beside its code."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from . import db
from .backup import backup_group
from .directory import cli as directory_cli
from .providers.cli import providers_group
from .referrals.cli import match_group
from .reports.cli import report_group
from .search import cli as search_cli


@click.group("db", cls=AppGroup)
def db_group():
    """Database schema."""


@db_group.command("upgrade")
def upgrade():
    """Apply Alembic migrations up to the latest."""
    from flask import current_app

    db.upgrade(current_app)
    click.echo("Database is up to date.")


def init_app(app: Flask) -> None:
    app.cli.add_command(db_group)
    app.cli.add_command(search_cli.search_group)
    app.cli.add_command(backup_group)
    directory_cli.init_app(app)
    app.cli.add_command(report_group)
    app.cli.add_command(match_group)
    app.cli.add_command(providers_group)
