"""A TF-IDF model of the directory, fitted once per process and refitted when the directory changes.

It is derived from the database, never the source of anything, so each worker may hold its own.
"""
from __future__ import annotations

import ctypes
import gc
import threading
import time

from flask import Flask
from sqlalchemy import func
from sqlmodel import select

from matching import TextModel

from .. import db
from ..models import Organization, Service
from ..needs import taxonomy

CHECK_EVERY_SECONDS = 30
_lock = threading.Lock()


def _version(app: Flask) -> tuple:
    with db.session_scope(app) as session:
        return tuple(session.exec(select(func.count(), func.max(Service.last_modified))
                                  .where(Service.merged_into_id.is_(None))).one())


def _corpus(app: Flask) -> list[dict]:
    with db.session_scope(app) as session:
        rows = session.exec(select(Service.id, Service.name, Service.description, Service.needs, Organization.name)
                            .join(Organization, Organization.id == Service.organization_id, isouter=True)
                            .where(Service.merged_into_id.is_(None)))
        return [{"id": sid, "name": name, "description": description or "", "needs": needs or [],
                 "organization": organization} for sid, name, description, needs, organization in rows]


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
        if version != state["version"] or state["model"] is None:
            corpus = _corpus(app)
            state["model"] = TextModel.fit(corpus, taxonomy()) if corpus else None
            state["version"] = version
            del corpus
            _give_back_memory()
        state["checked"] = time.monotonic()
    return state["model"]
