"""Curation: the one domain layer that forms, the JSON API and the CLI all call.

Order in each action: validate → change → audit → commit (the search outbox rides on the commit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, or_
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, func, select

from ..audit import record
from ..db import retry_when_busy
from ..errors import NotFound, ValidationError
from ..models import DuplicateFlag, Location, ProblemReport, Service, ServiceAtLocation, rel, utcnow
from ..referrals.identifiers import personal_detail_in_text
from ..vocabulary import STATUSES
from ..web.input_checks import character_problem
from . import records
from .duplicates import flag_duplicates, open_count
from .service_input import validate_service_input

RESOLUTIONS = ("fixed", "dismissed")
PROBLEM_KINDS = {
    "details_wrong": "Details are wrong",
    "closed": "Service has closed",
    "other": "Something else",
}


def review_interval() -> timedelta:
    try:
        days = current_app.config.get("REVIEW_INTERVAL_DAYS", 182)
    except RuntimeError:  # outside an app (scripts): the documented default
        days = 182
    return timedelta(days=days)


def next_review(verified: date | None) -> date:
    return (verified or utcnow().date()) + review_interval()


def load_options():
    return (
        selectinload(rel(Service.organization)),
        selectinload(rel(Service.schedules)),
        selectinload(rel(Service.cost_options)),
        selectinload(rel(Service.phones)),
        selectinload(rel(Service.contacts)),
        selectinload(rel(Service.languages)),
        selectinload(rel(Service.service_areas)),
        selectinload(rel(Service.attributes)),
        selectinload(rel(Service.service_at_locations))
        .selectinload(rel(ServiceAtLocation.location))
        .selectinload(rel(Location.addresses)),
        selectinload(rel(Service.service_at_locations))
        .selectinload(rel(ServiceAtLocation.location))
        .selectinload(rel(Location.accessibility)),
    )


def get_service(session: Session, service_id: str) -> Service:
    service = session.exec(select(Service).where(Service.id == service_id).options(*load_options())).first()
    if service is None:
        raise NotFound(f"No service with id {service_id}.")
    return service


def _diff(old: dict, new: dict) -> dict:
    changes = {}
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if _unordered(before) != _unordered(after):
            changes[key] = [_plain(before), _plain(after)]
    return changes


def _unordered(value):
    # Needs read again come back in another order: the same needs are not a change to record.
    value = records._norm(value)
    return sorted(map(str, value)) if isinstance(value, list) else value


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


@retry_when_busy
def create_service(session: Session, data: dict, actor: str, publisher: str | None = None) -> Service:
    validated = validate_service_input(data, curation=True)
    service = Service(name=validated.name, publisher=publisher or "local", external_id=validated.external_id)
    records.apply_input(session, service, validated, publisher=publisher)
    verified = service.last_verified_at.date() if service.last_verified_at else None
    service.review_due = next_review(verified) if verified else utcnow().date()
    session.add(service)
    session.flush()
    record(
        session,
        actor,
        "service.create",
        "service",
        service.id,
        {
            k: [None, _plain(v)]
            for k, v in records.input_from_service(service).items()
            if v not in (None, [], False, "")
        },
    )
    flag_duplicates(session, service)
    session.commit()
    return service


@retry_when_busy
def update_service(session: Session, service_id: str, data: dict, actor: str) -> Service:
    service = get_service(session, service_id)
    before = records.input_from_service(service)
    merged = _carry_over(service, before, {**before, **data})
    # Contact details are checked strictly only when this change touches them, so a listing
    # imported with an odd phone number can still have its opening times corrected.
    validated = validate_service_input(
        _as_input(merged),
        curation=isinstance(data, dict) and "phone" in data,
        residency_before=before["residency"],
    )
    records.apply_input(session, service, validated, publisher=service.publisher, previous=before)
    changes = _diff(before, records.input_from_service(service))
    if changes:
        record(session, actor, "service.update", "service", service.id, changes)
        flag_duplicates(session, service)
    session.commit()
    return service


def _carry_over(service: Service, before: dict, merged: dict) -> dict:
    """Values the flat view shows but nobody chose must not be frozen by sending them back."""
    # Needs tagged from the text stay automatic, so that a new description re-tags them.
    if not service.needs_overridden and records._norm(merged.get("needs")) == records._norm(
        before.get("needs")
    ):
        merged["needs"] = []
    # Coordinates unchanged beside a new postcode belong to the old place: look the new one up.
    if (
        _postcode_key(merged.get("postcode")) != _postcode_key(before.get("postcode"))
        and _number_key(merged.get("latitude")) == _number_key(before.get("latitude"))
        and _number_key(merged.get("longitude")) == _number_key(before.get("longitude"))
    ):
        merged["latitude"] = merged["longitude"] = None
    return merged


def _postcode_key(value) -> str:
    return "".join(str(value or "").split()).upper()


def _number_key(value):
    # A form sends "53.4236" where the record holds 53.4236.
    try:
        return None if value in (None, "") else round(float(value), 6)
    except (TypeError, ValueError):
        return value


def _as_input(flat: dict) -> dict:
    """The flat view carries dates and None; the validator takes the same shapes back."""
    return {k: v for k, v in flat.items() if v is not None}


@retry_when_busy
def set_status(session: Session, service_id: str, status: str, actor: str) -> Service:
    if status not in STATUSES:
        raise ValidationError(
            "Unknown status.", {"status": f"Use {', '.join(STATUSES[:-1])} or {STATUSES[-1]}."}
        )
    service = get_service(session, service_id)
    old = records.status_from_oruk(service.status)
    if old != status:
        service.status = records.status_to_oruk(status)
        service.last_modified = utcnow()
        session.add(service)
        record(session, actor, "service.status", "service", service.id, {"status": [old, status]})
        session.commit()
    return service


@retry_when_busy
def delete_service(session: Session, service_id: str, actor: str) -> str:
    """Deletes the service, its problem reports and duplicate flags, and any venue only it used;
    returns the name it had."""
    service = get_service(session, service_id)
    name = service.name
    record(session, actor, "service.delete", "service", service.id, {"name": [service.name, None]})
    locations = [link.location for link in service.service_at_locations]
    session.exec(delete(ProblemReport).where(col(ProblemReport.service_id) == service.id))
    session.exec(
        delete(DuplicateFlag).where(
            or_(col(DuplicateFlag.service_id) == service.id, col(DuplicateFlag.other_id) == service.id)
        )
    )
    session.delete(service)
    session.flush()
    for location in locations:  # a venue no other service uses goes with it
        if not session.exec(
            select(ServiceAtLocation.id).where(ServiceAtLocation.location_id == location.id)
        ).first():
            session.delete(location)
    session.commit()
    return name


@retry_when_busy
def verify_service(session: Session, service_id: str, actor: str) -> Service:
    """'Still accurate': resets the review clock."""
    service = get_service(session, service_id)
    now = utcnow()
    previous = service.last_verified_at
    service.last_verified_at = now
    service.last_verified_by = actor
    service.review_due = next_review(now.date())
    service.last_modified = now
    session.add(service)
    record(
        session,
        actor,
        "service.verify",
        "service",
        service.id,
        {"last_verified_at": [previous.isoformat() if previous else None, now.isoformat()]},
    )
    session.commit()
    return service


@dataclass(frozen=True)
class ReviewQueue:
    """The listings past their review date, oldest first (at most the limit asked for), and how
    many there are in all."""

    services: list[Service]
    total: int


def _due_for_review(today: date | None) -> tuple[Any, ...]:
    return (
        col(Service.review_due) <= (today or utcnow().date()),
        col(Service.merged_into_id).is_(None),
        col(Service.status) != "defunct",
    )


def _count_due(session: Session, due: tuple[Any, ...]) -> int:
    return session.exec(select(func.count()).select_from(Service).where(*due)).one()


def review_queue(session: Session, today: date | None = None, limit: int = 200) -> ReviewQueue:
    due = _due_for_review(today)
    statement = (
        select(Service)
        .where(*due)
        .order_by(col(Service.review_due), col(Service.name))
        .limit(limit)
        .options(selectinload(rel(Service.organization)))
    )
    return ReviewQueue(list(session.exec(statement)), _count_due(session, due))


@dataclass(frozen=True)
class QueueSizes:
    """What waits for a curator: the dashboard's three numbers."""

    due_for_review: int
    open_problems: int
    possible_duplicates: int


def queue_sizes(session: Session, today: date | None = None) -> QueueSizes:
    return QueueSizes(
        due_for_review=_count_due(session, _due_for_review(today)),
        open_problems=session.exec(
            select(func.count())
            .select_from(ProblemReport)
            .join(Service, col(Service.id) == col(ProblemReport.service_id))
            .where(col(ProblemReport.resolved_at).is_(None))
        ).one(),
        possible_duplicates=open_count(session),
    )


def _problem_text_problems(details: str) -> dict[str, str]:
    """Reports are anonymous and read by curators: they must carry no one's contact details."""
    problem = character_problem(details)
    if problem:
        return {"details": problem}
    kind = personal_detail_in_text(details)
    if kind:
        return {
            "details": f"This looks like it contains {kind}. Please describe what is wrong without "
            "any phone numbers, email addresses, NHS numbers or postcodes."
        }
    return {}


@retry_when_busy
def report_problem(session: Session, service_id: str, kind: str, details: str | None) -> ProblemReport:
    """Anyone can report a problem; no personal data is asked for."""
    fields = {}
    if not isinstance(kind, str) or kind not in PROBLEM_KINDS:
        labels = [label.lower() for label in PROBLEM_KINDS.values()]
        fields["kind"] = f"Choose what the problem is: {', '.join(labels[:-1])} or {labels[-1]}."
    if details is not None and not isinstance(details, str):
        fields["details"] = "Send the details as text."
        details = None
    details = (details or "").strip() or None
    if details and len(details) > 2000:
        fields["details"] = "Use at most 2000 characters."
    elif details:
        fields.update(_problem_text_problems(details))
    if fields:
        raise ValidationError("The report is not valid.", fields)
    service = get_service(session, service_id)
    report = ProblemReport(service_id=service.id, kind=kind, details=details)
    service.under_review = True
    service.last_modified = utcnow()
    session.add(report)
    session.add(service)
    session.flush()
    record(session, "public", "problem.report", "service", service.id, {"kind": [None, kind]})
    session.commit()
    return report


def open_problems(session: Session) -> list[tuple[ProblemReport, Service]]:
    statement = (
        select(ProblemReport, Service)
        .join(Service, col(Service.id) == col(ProblemReport.service_id))
        .where(col(ProblemReport.resolved_at).is_(None))
        .order_by(col(ProblemReport.created_at))
    )
    return list(session.exec(statement))


@retry_when_busy
def resolve_problem(session: Session, report_id: int, resolution: str, actor: str) -> ProblemReport:
    if resolution not in RESOLUTIONS:
        raise ValidationError("Unknown resolution.", {"resolution": "Use fixed or dismissed."})
    report = session.get(ProblemReport, report_id)
    if report is None:
        raise NotFound(f"No problem report {report_id}.")
    if report.resolved_at is not None:
        raise ValidationError(
            f"This report was already {report.resolution} by {report.resolved_by}.",
            {"resolution": "Already resolved."},
        )
    report.resolved_at = utcnow()
    report.resolved_by = actor
    report.resolution = resolution
    session.add(report)
    session.flush()
    still_open = session.exec(
        select(func.count())
        .select_from(ProblemReport)
        .where(ProblemReport.service_id == report.service_id, col(ProblemReport.resolved_at).is_(None))
    ).one()
    if not still_open:
        service = session.get(Service, report.service_id)
        if service is not None:
            service.under_review = False
            service.last_modified = utcnow()
            session.add(service)
    record(
        session, actor, "problem.resolve", "service", report.service_id, {"resolution": [None, resolution]}
    )
    session.commit()
    return report
