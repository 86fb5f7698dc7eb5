"""Background import jobs: the uploaded feed, how far the import has got, and its report."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, Column, Index, LargeBinary, false, text
from sqlmodel import Field, SQLModel

from .base import utcnow

ACTIVE_STATUSES = ("queued", "running")


class ImportJob(SQLModel, table=True):
    """One feed import. Each batch of records commits together with ``done`` and ``report``, so a
    job stopped at any point (crash, restart, deploy) resumes from the first record not yet applied
    and no record is ever half-applied."""

    __tablename__ = "import_job"
    # At most one active job per publisher, enforced by the database so that two workers racing to
    # start an import of the same feed cannot both succeed.
    __table_args__ = (
        Index(
            "ux_import_job_active_publisher",
            "publisher",
            unique=True,
            sqlite_where=text("status IN ('queued', 'running')"),
            postgresql_where=text("status IN ('queued', 'running')"),
        ),
    )
    id: str = Field(primary_key=True, max_length=32)
    publisher: str = Field(max_length=200, index=True)
    filename: str = Field(max_length=255)
    format: str = Field(default="", max_length=12)
    actor: str | None = Field(default=None, max_length=120)
    status: str = Field(default="queued", max_length=12)  # queued / running / done / failed
    total: int = 0
    done: int = 0
    report: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    # The uploaded file, kept until the job ends so that a restarted app can resume it.
    content: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    # The file is the publisher's whole feed: their services it does not list are withdrawn.
    whole_feed: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))
    error: str | None = Field(default=None, max_length=500)
    owner: str | None = Field(default=None, max_length=80)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    heartbeat_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
