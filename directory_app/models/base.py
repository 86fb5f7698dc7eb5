from datetime import UTC, datetime


def utcnow() -> datetime:
    """Aware UTC: every timestamp is stored and compared in UTC."""
    return datetime.now(UTC)
