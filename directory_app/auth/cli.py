from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask.cli import AppGroup
from sqlmodel import Session

from ..db import session_scope
from ..errors import DomainError
from ..models import ROLES
from . import users as domain


@contextmanager
def _session() -> Iterator[Session]:
    """One command's session; a refusal from the domain ends the command with its message and
    exit code 1, nothing written."""
    try:
        with session_scope() as session:
            yield session
    except DomainError as error:
        details = "".join(f"\n  {field}: {message}" for field, message in error.fields.items())
        click.echo(f"error: {error.message}{details}", err=True)
        sys.exit(1)


@click.group(cls=AppGroup)
def users():
    """Manage staff accounts and API tokens."""


@users.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def create(username: str, role: str, password: str):
    """Create an account."""
    with _session() as session:
        domain.create_user(session, username, password, role, actor="cli")
    click.echo(f"Created {username} ({role}).")


@users.command("disable")
@click.argument("username")
def disable(username: str):
    """Disable an account: it can no longer log in or use its tokens."""
    with _session() as session:
        domain.set_active(session, username, False, actor="cli")
    click.echo(f"Disabled {username}.")


@users.command("list")
def list_():
    """List accounts."""
    with _session() as session:
        for user in domain.list_users(session):
            state = "active" if user.active else "disabled"
            click.echo(f"{user.username}\t{user.role}\t{state}")


@users.command("token")
@click.argument("username")
def token(username: str):
    """Print a new API token for USERNAME (shown once; only its hash is stored)."""
    with _session() as session:
        value = domain.create_token(session, username, actor="cli")
    click.echo(value)


@users.command("unlock")
@click.argument("username")
def unlock(username: str):
    """Lift the login delays on USERNAME after repeated wrong passwords (from every address)."""
    with _session() as session:
        lifted = domain.unlock(session, username, actor="cli")
    click.echo(f"Unlocked {username} ({lifted} address{'es' if lifted != 1 else ''} cleared).")


@users.command("password")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def password(username: str, password: str):
    """Set a new password for USERNAME; every session it had is ended."""
    with _session() as session:
        domain.change_password(session, username, password, actor="cli")
    click.echo(f"Changed the password of {username}; its sessions have ended.")
