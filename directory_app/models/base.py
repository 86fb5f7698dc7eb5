from datetime import datetime, timezone


def utcnow() -> datetime:
    """Aware UTC: every timestamp is stored and compared in UTC."""
    return datetime.now(timezone.utc)
