"""Rate-limit counters in the app's own database, so several workers share them with no extra
server. Fixed windows: one row per key with its count and when the window ends.

Select it with RATELIMIT_STORAGE_URI=database:// (the default).
"""

from __future__ import annotations

import time

from limits.storage import Storage
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from .models import RateLimitCounter, table_of

_engine: Engine | None = None


def bind(engine: Engine) -> None:
    global _engine
    _engine = engine


class DatabaseStorage(Storage):
    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return Exception

    def _engine(self) -> Engine:
        if _engine is None:
            raise RuntimeError("rate-limit storage used before the app bound its database")
        return _engine

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        table = table_of(RateLimitCounter)
        for _ in range(3):
            with self._engine().begin() as connection:
                updated = connection.execute(
                    update(table)
                    .where(table.c.key == key, table.c.expires_at > now)
                    .values(count=table.c.count + amount)
                )
                if updated.rowcount:
                    return connection.execute(select(table.c.count).where(table.c.key == key)).scalar_one()
                connection.execute(delete(table).where(table.c.key == key))
                try:
                    connection.execute(insert(table).values(key=key, count=amount, expires_at=now + expiry))
                    return amount
                except IntegrityError:  # another worker opened the window first: count in it
                    pass
        return amount

    def get(self, key: str) -> int:
        table = table_of(RateLimitCounter)
        with self._engine().connect() as connection:
            row = connection.execute(
                select(table.c.count, table.c.expires_at).where(table.c.key == key)
            ).first()
        return int(row[0]) if row and row[1] > time.time() else 0

    def get_expiry(self, key: str) -> float:
        table = table_of(RateLimitCounter)
        with self._engine().connect() as connection:
            expires = connection.execute(select(table.c.expires_at).where(table.c.key == key)).scalar()
        return float(expires) if expires else time.time()

    def check(self) -> bool:
        try:
            with self._engine().connect() as connection:
                connection.execute(select(1))
            return True
        except Exception:  # the health probe of the storage: any failure means "not usable"
            return False

    def reset(self) -> int | None:
        with self._engine().begin() as connection:
            return connection.execute(delete(table_of(RateLimitCounter))).rowcount

    def clear(self, key: str) -> None:
        with self._engine().begin() as connection:
            connection.execute(
                delete(table_of(RateLimitCounter)).where(table_of(RateLimitCounter).c.key == key)
            )
