"""Backups of the database, the only source of truth. Meilisearch is never backed up: after a
restore, ``flask search reindex`` rebuilds it from the database.

SQLite: the online backup API (consistent while the app keeps serving). PostgreSQL: pg_dump's
custom format, restored with pg_restore --clean.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy.engine import make_url

from . import db
from .search import indexing


class BackupError(RuntimeError):
    pass


def _sqlite_path(url: str) -> Path:
    return Path(_database(url))


def _database(url: str) -> str:
    database = make_url(url).database
    if not database:  # an in-memory SQLite or a URL without a name: nothing to dump or restore
        raise BackupError(f"the database URL names no database: {make_url(url)!r}")
    return database


def _pg_args(url: str) -> tuple[list[str], dict]:
    parsed = make_url(url)
    args = [
        "-h",
        parsed.host or "localhost",
        "-p",
        str(parsed.port or 5432),
        "-U",
        parsed.username or "postgres",
        "-d",
        _database(url),
    ]
    env = {"PGPASSWORD": parsed.password} if parsed.password else {}
    return args, env


def _tool(name: str) -> str:
    import glob

    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise BackupError(f"{name} was not found; install the PostgreSQL client tools.")
    return found


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy even while the source is being written."""
    reader = sqlite3.connect(source)
    writer = sqlite3.connect(target)
    try:
        with writer:
            reader.backup(writer)
    finally:
        reader.close()
        writer.close()


def create_backup(app: Flask, out: Path) -> Path:
    url = app.config["DATABASE_URL"]
    out.parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        _sqlite_copy(_sqlite_path(url), out)
        return out
    if url.startswith("postgresql"):
        args, env = _pg_args(url)
        subprocess.run(
            [_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(out), *args],
            check=True,
            env={**os.environ, **env},
            capture_output=True,
        )
        return out
    raise BackupError(f"No backup method for {make_url(url).drivername}.")


def restore_backup(app: Flask, source: Path) -> None:
    """Replace the database's contents with the backup's. Stop the app's writers first."""
    if not source.exists():
        raise BackupError(f"{source} does not exist.")
    url = app.config["DATABASE_URL"]
    db.get_engine(app).dispose()
    if url.startswith("sqlite"):
        _sqlite_copy(source, _sqlite_path(url))
        return
    if url.startswith("postgresql"):
        args, env = _pg_args(url)
        subprocess.run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(source),
            ],
            check=True,
            env={**os.environ, **env},
            capture_output=True,
        )
        return
    raise BackupError(f"No restore method for {make_url(url).drivername}.")


@click.group("backup", cls=AppGroup)
def backup_group():
    """Back up and restore the database (then `flask search reindex`)."""


@backup_group.command("create")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def create_command(out: Path):
    """Write a consistent backup of the database to OUT."""
    try:
        create_backup(db.real_app(), out)
    except (BackupError, subprocess.CalledProcessError) as error:
        click.echo(f"error: {getattr(error, 'stderr', b'') or error}", err=True)
        sys.exit(1)
    click.echo(f"Backed up to {out}.")


@backup_group.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reindex/--no-reindex", default=True, help="Rebuild the search index afterwards (default).")
def restore_command(source: Path, reindex: bool):
    """Restore the database from SOURCE, then rebuild the search index from it."""
    app = db.real_app()
    try:
        restore_backup(app, source)
    except (BackupError, subprocess.CalledProcessError) as error:
        click.echo(f"error: {getattr(error, 'stderr', b'') or error}", err=True)
        sys.exit(1)
    click.echo(f"Restored from {source}.")
    if reindex:
        click.echo(f"Reindexed {indexing.reindex(app)} services.")
