"""Reminders: listings unchecked for 6 months get their provider a link; past 12 months they go
to the curators' review queue.

A listing whose provider has been sent a link leaves the review queue until the 12-month mark,
so that curators see only what is really theirs to do; without email (no SMTP, or no address)
it stays there, since nobody else will check it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import Flask, url_for
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from ..audit import record
from ..errors import Unavailable
from ..models import ProviderLink, Service, rel, utcnow
from ..web import mail
from . import service as providers

REMIND_AFTER = timedelta(days=182)
ESCALATE_AFTER = timedelta(days=365)
LIVE_STATUSES = ("active", "temporarily_closed")


@dataclass
class Outcome:
    sent: list[tuple[Service, str]] = field(default_factory=list)  # (listing, address)
    to_send: list[tuple[Service, str]] = field(default_factory=list)  # no SMTP: listed instead
    no_address: list[Service] = field(default_factory=list)
    failed: list[tuple[Service, str]] = field(default_factory=list)
    escalated: list[Service] = field(default_factory=list)


@dataclass(frozen=True)
class Post:
    """What sending a reminder needs from the app: its mail settings, and the address of a
    provider's link (``link_url`` for the app)."""

    mail_config: Mapping[str, Any]
    link_for: Callable[[str], str]


def _checked_at(service: Service) -> datetime:
    return providers.as_utc(service.last_verified_at or service.created_at)


def _since(stamp: datetime | None, checked: datetime) -> bool:
    """Whether ``stamp`` happened after the listing's last check (so not again this cycle)."""
    return stamp is not None and providers.as_utc(stamp) >= checked


def link_url(app: Flask, token: str) -> str:
    # The command runs outside any request, so the public address comes from PUBLIC_URL.
    with app.test_request_context(base_url=app.config.get("PUBLIC_URL") or "http://127.0.0.1:5000"):
        return url_for("providers.listing", token=token, _external=True)


def message(service: Service, url: str, days: int) -> tuple[str, str]:
    subject = f"Is your listing for {service.name} still right?"
    text = (
        f"Hello,\n\nSocial prescribing link workers use our community directory to send people to "
        f"{service.name}. Please take a minute to check the listing is still right:\n\n{url}\n\n"
        "From that page you can confirm it is still accurate, say the service is temporarily closed, "
        "or suggest changes (our curators check them before they go live). You do not need an "
        f"account. The link works for {days} days.\n\nThank you.\n"
    )
    return subject, text


def remind(session: Session, post: Post, now: datetime | None = None) -> Outcome:
    now = now or utcnow()
    outcome = Outcome()
    statement = (
        select(Service)
        .where(col(Service.merged_into_id).is_(None), col(Service.status).in_(LIVE_STATUSES))
        .options(selectinload(rel(Service.organization)))
        .order_by(Service.name)
    )
    candidates = [s for s in session.exec(statement) if now - _checked_at(s) >= REMIND_AFTER]
    links = {
        link.service_id: link
        for link in session.exec(
            select(ProviderLink).where(col(ProviderLink.service_id).in_([s.id for s in candidates]))
        )
    }
    for service in candidates:
        checked = _checked_at(service)
        link = links.get(service.id)
        if now - checked >= ESCALATE_AFTER:
            if not _since(link.escalated_at if link else None, checked):
                _escalate(session, service, link, now)
                outcome.escalated.append(service)
            continue
        if link is not None and _since(link.reminded_at, checked):
            continue
        _remind_one(session, post, service, checked, outcome)
    return outcome


def _escalate(session: Session, service: Service, link: ProviderLink | None, now: datetime) -> None:
    if link is None:
        # A placeholder nonce: no link was ever issued, so none can match it.
        link = ProviderLink(service_id=service.id, nonce="", issued_at=now, issued_by="reminders")
    link.escalated_at = now
    if service.review_due is None or service.review_due > now.date():
        service.review_due = now.date()
        session.add(service)
    session.add(link)
    record(
        session,
        "reminders",
        "provider.escalate",
        "service",
        service.id,
        {"review_due": [None, service.review_due.isoformat()]},
    )
    session.commit()


def _remind_one(session: Session, post: Post, service: Service, checked: datetime, outcome: Outcome) -> None:
    address = providers.contact_email(service)
    if not address:
        outcome.no_address.append(service)
        return
    if not mail.configured(post.mail_config):
        outcome.to_send.append((service, address))
        return
    token = providers.new_token(session, service, "reminders")
    subject, text = message(service, post.link_for(token), providers.link_days())
    try:
        mail.send(post.mail_config, address, subject, text)
    except Unavailable as problem:
        session.rollback()
        outcome.failed.append((service, problem.message))
        return
    link = session.get(ProviderLink, service.id)
    assert link is not None  # new_token above wrote it
    link.reminded_at = utcnow()
    # The provider now has until the 12-month mark; only then is it the curators' job.
    service.review_due = (checked + ESCALATE_AFTER).date()
    session.add_all([link, service])
    record(session, "reminders", "provider.remind", "service", service.id, {})
    session.commit()
    outcome.sent.append((service, address))
