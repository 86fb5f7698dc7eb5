"""A TF-IDF model of the directory, fitted once per host and kept up to date in place.

It is derived from the database, never the source of anything. Under gunicorn it is fitted in the
master before the workers fork (matchmaking/preload.py, deploy/gunicorn.conf.py), so the workers
share its pages instead of each fitting its own (the fit is the memory peak). When the directory
changes, a worker folds the changed services into its model (`update`), which touches only their
rows; it refits only when much of the directory changed or services were deleted.
"""

from __future__ import annotations

import ctypes
import gc
import threading
import time

from sqlmodel import Session, col, select

from matching import TextModel

from ..directory.documents import directory_version, live_services
from ..models import Organization, Service
from ..needs import taxonomy

CHECK_EVERY_SECONDS = 30
# Refit rather than update when more than this share of the directory changed since the fit, so
# IDF follows the directory after a large import.
REFIT_SHARE = 0.2


def _corpus(session: Session, since=None) -> list[dict]:
    """Live services (all, or those modified after ``since``) as the model reads them."""
    statement = live_services(Service.id, Service.name, Service.description, Service.needs, Organization.name)
    if since is not None:
        statement = statement.where(Service.last_modified > since)
    return [
        {
            "id": sid,
            "name": name,
            "description": description or "",
            "needs": needs or [],
            "organization": organization,
        }
        for sid, name, description, needs, organization in session.exec(statement)
    ]


def _merged_since(session: Session, since) -> list[str]:
    return list(
        session.exec(
            select(Service.id).where(col(Service.merged_into_id).is_not(None), Service.last_modified > since)
        )
    )


def _try_update(session: Session, model: TextModel, old: tuple | None, new: tuple) -> bool:
    """Fold services changed since the model's version into it; False when a refit is due."""
    if old is None or old[1] is None:
        return False
    old_count, since = old
    changed = _corpus(session, since)
    merged = _merged_since(session, since)
    known = sum(1 for s in changed if s["id"] in model)
    # Live count now = before + newly added - merged away; anything else means deletions.
    if new[0] != old_count + (len(changed) - known) - sum(1 for m in merged if m in model):
        return False
    if len(changed) + len(merged) > REFIT_SHARE * max(len(model), 1):
        return False
    if changed:
        model.update(changed)
    if merged:
        model.forget(merged)
    return True


def _give_back_memory() -> None:
    """Fitting builds large temporary structures; hand their pages back to the system so that a
    worker's footprint is the model, not the model plus the fitting scratch space. The scratch is
    freed as the fit returns (no cycles hold it: a full collection then found 20 small objects);
    only the young generations are swept, since a full sweep of a large process's heap took
    0.15-0.2 s of every fit, and malloc_trim is what hands the pages back."""
    gc.collect(1)
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:  # not glibc: nothing to trim
        pass


class TextModelCache:
    """The app's one model (``services().text_models``), checked against the directory at most
    every CHECK_EVERY_SECONDS."""

    def __init__(self) -> None:
        self.model: TextModel | None = None
        self.version: tuple | None = None
        self.checked = 0.0
        self._lock = threading.Lock()

    def get(self, session: Session) -> TextModel | None:
        if self.model is not None and time.monotonic() - self.checked < CHECK_EVERY_SECONDS:
            return self.model
        with self._lock:
            if self.model is not None and time.monotonic() - self.checked < CHECK_EVERY_SECONDS:
                return self.model
            version = directory_version(session)
            if (
                self.model is not None
                and version != self.version
                and _try_update(session, self.model, self.version, version)
            ):
                self.version = version
            elif version != self.version or self.model is None:
                corpus = _corpus(session)
                self.model = TextModel.fit(corpus, taxonomy()) if corpus else None
                self.version = version
                del corpus
                _give_back_memory()
            self.checked = time.monotonic()
        return self.model
