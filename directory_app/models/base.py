from datetime import UTC, datetime

from sqlalchemy import Table
from sqlmodel import SQLModel


def utcnow() -> datetime:
    """Aware UTC: every timestamp is stored and compared in UTC."""
    return datetime.now(UTC)


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a table=True model, for bulk statements that bypass the ORM."""
    # SQLModel's metaclass sets __table__ on table models but does not declare it.
    return model.__table__  # type: ignore[attr-defined]
