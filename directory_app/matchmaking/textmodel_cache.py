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

from flask import Flask
from sqlmodel import col, select

from matching import TextModel

from .. import db
from ..directory.documents import directory_version
from ..models import Organization, Service
from ..needs import taxonomy

CHECK_EVERY_SECONDS = 30
# Refit rather than update when more than this share of the directory changed since the fit, so
# IDF follows the directory after a large import.
REFIT_SHARE = 0.2
_lock = threading.Lock()


def _version(app: Flask) -> tuple:
    with db.session_scope(app) as session:
        return directory_version(session)


def _corpus(app: Flask, since=None) -> list[dict]:
    """Live services (all, or those modified after ``since``) as the model reads them."""
    with db.session_scope(app) as session:
        statement = (
            select(  # type: ignore[call-overload]  # SQLModel types select() for up to 4 columns
                Service.id,
                Service.name,
                Service.description,
                Service.needs,
                Organization.name,
            )
            .join(Organization, Organization.id == Service.organization_id, isouter=True)
            .where(col(Service.merged_into_id).is_(None))
        )
        if since is not None:
            statement = statement.where(Service.last_modified > since)
        rows = session.exec(statement)
        return [
            {
                "id": sid,
                "name": name,
                "description": description or "",
                "needs": needs or [],
                "organization": organization,
            }
            for sid, name, description, needs, organization in rows
        ]


def _merged_since(app: Flask, since) -> list[str]:
    with db.session_scope(app) as session:
        return list(
            session.exec(
                select(Service.id).where(
                    col(Service.merged_into_id).is_not(None), Service.last_modified > since
                )
            )
        )


def _try_update(app: Flask, model: TextModel, old: tuple, new: tuple) -> bool:
    """Fold services changed since the model's version into it; False when a refit is due."""
    old_count, since = old
    if since is None:
        return False
    changed = _corpus(app, since)
    merged = _merged_since(app, since)
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
    worker's footprint is the model, not the model plus the fitting scratch space."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:  # not glibc: nothing to trim
        pass


def text_model(app: Flask) -> TextModel | None:
    state = app.extensions.setdefault("text_model", {"model": None, "version": None, "checked": 0.0})
    now = time.monotonic()
    if state["model"] is not None and now - state["checked"] < CHECK_EVERY_SECONDS:
        return state["model"]
    with _lock:
        if state["model"] is not None and time.monotonic() - state["checked"] < CHECK_EVERY_SECONDS:
            return state["model"]
        version = _version(app)
        if (
            state["model"] is not None
            and version != state["version"]
            and _try_update(app, state["model"], state["version"], version)
        ):
            state["version"] = version
        elif version != state["version"] or state["model"] is None:
            corpus = _corpus(app)
            state["model"] = TextModel.fit(corpus, taxonomy()) if corpus else None
            state["version"] = version
            del corpus
            _give_back_memory()
        state["checked"] = time.monotonic()
    return state["model"]
