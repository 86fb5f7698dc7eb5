"""Providers keeping their own listing current: the link each listing's contact holds, and the
changes they propose (stored for a curator to approve, never applied on their word alone)."""

from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, String
from sqlmodel import Field, SQLModel

from .base import utcnow


class ProviderLink(SQLModel, table=True):
    """One row per service. The signed link carries ``nonce``; issuing a new link changes it, so
    every older link stops working (that is how a link is revoked)."""

    __tablename__ = "provider_link"
    service_id: str = Field(
        sa_column=Column(String(64), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    )
    nonce: str = Field(max_length=32)
    issued_at: datetime = Field(default_factory=utcnow)
    issued_by: str | None = Field(default=None, max_length=120)
    # When the reminder command last sent a link, and when it last escalated the listing to
    # curators: compared with the listing's last verification so that each happens once per cycle.
    reminded_at: datetime | None = None
    escalated_at: datetime | None = None


class ProviderProposal(SQLModel, table=True):
    __tablename__ = "provider_proposal"
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(
        sa_column=Column(String(64), ForeignKey("service.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    # {field: proposed value} and {field: value when proposed}, as the curator form's strings.
    changes: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    before: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    status: str = Field(default="pending", max_length=12, index=True)  # pending / approved / rejected
    created_at: datetime = Field(default_factory=utcnow)
    decided_by: str | None = Field(default=None, max_length=120)
    decided_at: datetime | None = None
