"""Providers keep their own listing current, from a signed link and without an account.

The link is an itsdangerous signed token rather than a random one stored hashed: it carries its
own issue time (so expiry needs no lookup), it cannot be forged without SECRET_KEY, and a per-service
nonce stored beside the listing lets a curator revoke every older link by issuing a new one.
What a provider does goes through the curators' own functions (directory.service), so
validation, audit and the search outbox behave exactly as for a curator; proposed changes are
only stored until a curator approves them.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import overload

from flask import current_app
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from sqlmodel import Session, col, func, select

from matching.understanding.schedule import describe_opening_times

from ..audit import record
from ..db import retry_when_busy
from ..directory import service as curation
from ..directory.records import input_from_service
from ..directory.service_form import form_text
from ..directory.service_input import parse_schedule, validate_service_input
from ..errors import DomainError, NotFound, ValidationError
from ..models import ProviderLink, ProviderProposal, Service, utcnow

SALT = "provider-link"
PROVIDER = "provider"  # the actor name in the audit trail for anything done from a link
MAX_TOKEN_LENGTH = 400
# What a provider may change: the facts they know best. Needs, eligibility and the like stay
# with curators, who tag services consistently across the directory.
EDITABLE = {
    "name": "Service name",
    "organization": "Organisation running it",
    "description": "Description",
    "schedule": "Regular times",
    "schedule_description": "Other opening times",
    "cost": "Cost",
    "cost_amount": "Amount in pounds",
    "cost_description": "What the charge is for",
    "location_name": "Venue name",
    "address_1": "Street address",
    "city": "Town or city",
    "postcode": "Postcode",
    "wheelchair": "Step-free wheelchair access",
    "accessibility": "Other access information",
    "url": "Web page",
    "email": "Email address",
    "phone": "Phone number",
    "accepting_referrals": "Accepting referrals",
    "wait_weeks": "Typical wait in weeks",
}
PROVIDER_STATUSES = ("active", "temporarily_closed")
DECISION_ACTIONS = {"approved": "provider.approve", "rejected": "provider.reject"}


class LinkProblem(DomainError, status=400, code="link_invalid"):
    """A provider link that cannot be used; the page says what to do instead."""


class LinkExpired(LinkProblem, status=410, code="link_expired"):
    pass


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def link_days() -> int:
    return int(current_app.config.get("PROVIDER_LINK_DAYS") or 30)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
@overload
def as_utc(value: datetime | None) -> datetime | None: ...
def as_utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every stored time is UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def contact_email(service: Service) -> str | None:
    return service.email or (service.organization.email if service.organization else None)


@retry_when_busy
def issue_link(session: Session, service_id: str, actor: str) -> str:
    """A new link for the listing's provider; every link issued before it stops working."""
    service = curation.get_service(session, service_id)
    token = new_token(session, service, actor)
    record(session, actor, "provider.link", "service", service.id, {})
    session.commit()
    return token


def new_token(session: Session, service: Service, actor: str) -> str:
    link = session.get(ProviderLink, service.id) or ProviderLink(service_id=service.id, nonce="")
    link.nonce = secrets.token_urlsafe(12)
    link.issued_at = utcnow()
    link.issued_by = actor
    session.add(link)
    return _serializer().dumps({"s": service.id, "n": link.nonce})


def read_link(session: Session, token: str) -> Service:
    """The listing a link is for, or a LinkProblem saying why the link cannot be used."""
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
        raise LinkProblem("This link is not complete. Check you copied all of it from the email.")
    try:
        data = _serializer().loads(token, max_age=link_days() * 86400)
    except SignatureExpired:
        raise LinkExpired(_expired_message()) from None
    except BadData:
        raise LinkProblem("This link is not valid. Check you copied all of it from the email.") from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), str) or not isinstance(data.get("n"), str):
        raise LinkProblem("This link is not valid. Check you copied all of it from the email.")
    link = session.get(ProviderLink, data["s"])
    if link is None or not secrets.compare_digest(link.nonce, data["n"]):
        raise LinkExpired(
            "This link has been replaced by a newer one. Use the link in the most recent "
            "email from the directory team, or ask them for a new one."
        )
    # The database's issue time is checked too, so shortening PROVIDER_LINK_DAYS takes effect at once.
    if as_utc(link.issued_at) + timedelta(days=link_days()) < utcnow():
        raise LinkExpired(_expired_message())
    try:
        return curation.get_service(session, data["s"])
    except NotFound:
        raise LinkExpired("This listing is no longer in the directory.") from None


def _expired_message() -> str:
    return f"This link has expired: links work for {link_days()} days. Ask the directory team for a new one."


@retry_when_busy
def confirm(session: Session, service: Service) -> Service:
    """'Still accurate', from the provider: the same as a curator's check (audited as the provider)."""
    return curation.verify_service(session, service.id, actor=PROVIDER)


@retry_when_busy
def set_status(session: Session, service: Service, status: str) -> Service:
    if status not in PROVIDER_STATUSES:
        raise ValidationError(
            "Choose whether the service is running or temporarily closed.",
            {"status": "Choose running or temporarily closed."},
        )
    return curation.set_status(session, service.id, status, actor=PROVIDER)


def _times_in_words(compact: str | None) -> str:
    # A provider reads "First Tuesday of the month, 2pm to 4pm", not "1TU 14:00-16:00"; the one
    # opening-times reader reads those words back when the change is checked or approved.
    return "; ".join(
        describe_opening_times(
            entry.byday,
            entry.opens_at.strftime("%H:%M"),
            entry.closes_at.strftime("%H:%M"),
            entry.interval,
            entry.dtstart.isoformat() if entry.dtstart else None,
        )
        for entry in parse_schedule(compact or "")
    )


def current_values(service: Service) -> dict[str, str]:
    """The listing as the form's strings, for the editable fields only (opening times in words)."""
    flat = input_from_service(service)
    values = {name: form_text(flat.get(name)) for name in EDITABLE}
    if values.get("schedule"):
        values["schedule"] = _times_in_words(values["schedule"])
    return values


@retry_when_busy
def propose(session: Session, service: Service, form: dict) -> ProviderProposal:
    """Store what the provider would change; checked now so they can correct it, applied later."""
    current = current_values(service)
    proposed = {
        name: " ".join(str(form.get(name) or "").split())
        if name != "description"
        else str(form.get(name) or "").strip()
        for name in EDITABLE
    }
    changes = {name: value for name, value in proposed.items() if value != current[name]}
    if not changes:
        raise ValidationError(
            "You have not changed anything. If the listing is right, confirm it is still accurate instead.",
            {},
        )
    whole = {name: form_text(value) for name, value in input_from_service(service).items()}
    whole.update(changes)
    # Contact details are checked strictly only when the provider changed them (as for curators).
    validate_service_input({k: v for k, v in whole.items() if v != ""}, curation="phone" in changes)
    proposal = ProviderProposal(
        service_id=service.id, changes=changes, before={name: current[name] for name in changes}
    )
    session.add(proposal)
    session.flush()
    record(
        session,
        PROVIDER,
        "provider.propose",
        "service",
        service.id,
        {"proposal": [None, proposal.id], "fields": [None, sorted(changes)]},
    )
    session.commit()
    return proposal


def pending(session: Session, limit: int = 200) -> list[tuple[ProviderProposal, Service, list[dict]]]:
    """Pending proposals, oldest first, each with its diff against the listing as it is now."""
    statement = (
        select(ProviderProposal)
        .where(ProviderProposal.status == "pending")
        .order_by(col(ProviderProposal.created_at), col(ProviderProposal.id))
        .limit(limit)
    )
    rows = []
    for proposal in session.exec(statement):
        service = curation.get_service(session, proposal.service_id)
        rows.append((proposal, service, diff(proposal, service)))
    return rows


def pending_count(session: Session) -> int:
    return session.exec(
        select(func.count()).select_from(ProviderProposal).where(ProviderProposal.status == "pending")
    ).one()


def diff(proposal: ProviderProposal, service: Service) -> list[dict]:
    now = current_values(service)
    return [
        {
            "field": name,
            "label": EDITABLE.get(name, name),
            "old": now.get(name, ""),
            "new": value,
            "moved": now.get(name, "") != proposal.before.get(name, ""),
        }
        for name, value in proposal.changes.items()
    ]


def _pending_proposal(session: Session, proposal_id: int) -> ProviderProposal:
    proposal = session.get(ProviderProposal, proposal_id)
    if proposal is None:
        raise NotFound(f"No proposed change {proposal_id}.")
    if proposal.status != "pending":
        raise ValidationError(
            f"This proposal was already {proposal.status} by {proposal.decided_by}.",
            {"decision": "Already decided."},
        )
    return proposal


def approve(session: Session, proposal_id: int, actor: str) -> Service:
    """Apply the proposal as the curator's own edit (validated, audited, indexed), then close it."""
    proposal = _pending_proposal(session, proposal_id)
    try:
        service = curation.update_service(session, proposal.service_id, dict(proposal.changes), actor=actor)
    except ValidationError:
        session.rollback()
        raise
    _decide(session, proposal_id, "approved", actor)
    return service


@retry_when_busy
def reject(session: Session, proposal_id: int, actor: str) -> ProviderProposal:
    return _decide(session, proposal_id, "rejected", actor)


@retry_when_busy
def _decide(session: Session, proposal_id: int, status: str, actor: str) -> ProviderProposal:
    proposal = _pending_proposal(session, proposal_id)
    proposal.status = status
    proposal.decided_by = actor
    proposal.decided_at = utcnow()
    session.add(proposal)
    record(
        session,
        actor,
        DECISION_ACTIONS[status],
        "service",
        proposal.service_id,
        {"proposal": [None, proposal.id]},
    )
    session.commit()
    return proposal
