"""`flask providers remind`: links to providers of listings unchecked for 6 months, escalation to
curators past 12 months."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..db import real_app, session_scope
from . import reminders


@click.group("providers", cls=AppGroup)
def providers_group():
    """Providers keeping their own listing current."""


@providers_group.command("remind")
def remind():
    """Send each listing unchecked for 6 months its provider link (or list them without SMTP);
    put listings unchecked for 12 months in the curators' review queue."""
    app = real_app()
    with session_scope(app) as session:
        post = reminders.Post(app.config, lambda token: reminders.link_url(app, token))
        outcome = reminders.remind(session, post)
        for service, address in outcome.sent:
            click.echo(f"sent        {service.id}  {service.name}  → {address}")
        for service, address in outcome.to_send:
            click.echo(f"to send     {service.id}  {service.name}  → {address}")
        for service in outcome.no_address:
            click.echo(f"no address  {service.id}  {service.name}")
        for service, reason in outcome.failed:
            click.echo(f"not sent    {service.id}  {service.name}: {reason}", err=True)
        for service in outcome.escalated:
            click.echo(f"escalated   {service.id}  {service.name}")
        click.echo(
            f"Reminders: {len(outcome.sent)} sent, {len(outcome.to_send)} to send by hand "
            f"(email is not set up), {len(outcome.no_address)} without an email address, "
            f"{len(outcome.failed)} failed; {len(outcome.escalated)} escalated to the review queue."
        )
    if outcome.failed:
        raise SystemExit(1)
