"""Operational tables: audit history, the search outbox, problem reports, duplicates."""

from datetime import date, datetime

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from .base import utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_id"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str | None = Field(default=None, max_length=120)
    action: str = Field(max_length=40)
    entity_type: str = Field(max_length=40)
    entity_id: str | None = Field(default=None, max_length=64)
    # {"field": [old, new]} for edits; small summaries for other actions. Never personal data.
    changes: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class SearchOutbox(SQLModel, table=True):
    """Services whose index document must be refreshed, written in the same transaction as the change.

    A row exists only if the change committed, so a rolled-back edit is never indexed, and a
    Meilisearch outage leaves the rows here to be replayed.
    """

    __tablename__ = "search_outbox"
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    attempts: int = 0
    last_error: str | None = None
    # Set when Meilisearch kept refusing the document: no longer retried, shown to curators.
    parked_at: datetime | None = Field(default=None, index=True)


class ProblemReport(SQLModel, table=True):
    __tablename__ = "problem_report"
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=20)  # details_wrong / closed / other
    details: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
    resolved_by: str | None = Field(default=None, max_length=120)
    resolution: str | None = Field(default=None, max_length=20)  # fixed / dismissed


class DuplicateFlag(SQLModel, table=True):
    __tablename__ = "duplicate_flag"
    __table_args__ = (Index("ix_duplicate_pair", "service_id", "other_id", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(max_length=64, index=True)
    other_id: str = Field(max_length=64, index=True)
    score: float = 0.0
    reasons: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    status: str = Field(default="open", max_length=12)  # open / merged / dismissed
    created_at: datetime = Field(default_factory=utcnow)
    decided_by: str | None = Field(default=None, max_length=120)
    decided_at: datetime | None = None


class MatchDemand(SQLModel, table=True):
    """One row per need per match request: what was asked for, where (district only), and how many
    adequate matches were found. Nothing else about the request or the person is kept."""

    __tablename__ = "match_demand"
    __table_args__ = (Index("ix_match_demand_area_need", "district", "need"),)
    id: int | None = Field(default=None, primary_key=True)
    requested_on: date = Field(index=True)
    district: str | None = Field(default=None, max_length=4)
    need: str = Field(max_length=40)
    adequate: int = 0


class RateLimitCounter(SQLModel, table=True):
    """Flask-Limiter's counters, shared by every worker (see ratelimit_store.py)."""

    __tablename__ = "rate_limit_counter"
    key: str = Field(primary_key=True, max_length=255)
    count: int = 0
    expires_at: float = Field(index=True)
