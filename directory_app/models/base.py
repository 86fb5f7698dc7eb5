from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import QueryableAttribute
from sqlmodel import SQLModel


def utcnow() -> datetime:
    """Aware UTC: every timestamp is stored and compared in UTC."""
    return datetime.now(UTC)


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a table=True model, for bulk statements that bypass the ORM."""
    # SQLModel's metaclass sets __table__ on table models but does not declare it.
    return model.__table__  # type: ignore[attr-defined]


def rel(attribute: Any) -> QueryableAttribute[Any]:
    """A relationship as the attribute it is at class level, for loader options: col() for relationships."""
    # SQLModel types Service.organization as the Organization it holds on an instance.
    if not isinstance(attribute, QueryableAttribute):
        raise TypeError(f"not a mapped relationship: {attribute!r}")
    return attribute
