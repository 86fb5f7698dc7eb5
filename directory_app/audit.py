"""The audit trail: who did what, when, and what changed. Never personal data about patients."""

from __future__ import annotations

from sqlmodel import Session, col, select

from .models import AuditEvent


def record(
    session: Session,
    actor: str | None,
    action: str,
    entity_type: str,
    entity_id: str | None,
    changes: dict | None = None,
) -> AuditEvent:
    """Add an audit event to the caller's transaction: it commits or rolls back with the change."""
    event = AuditEvent(
        actor=actor, action=action, entity_type=entity_type, entity_id=entity_id, changes=changes or {}
    )
    session.add(event)
    return event


def history(session: Session, entity_type: str, entity_id: str, limit: int = 200) -> list[AuditEvent]:
    statement = (
        select(AuditEvent)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement))
