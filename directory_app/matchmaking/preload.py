"""The models every worker reads, loaded once per host.

Under gunicorn with ``preload_app`` (deploy/gunicorn.conf.py) the master builds the app, calls
``preload`` and then forks: each worker starts with the models already in memory and shares their
pages with the master and the other workers instead of building its own copy. Without a preloading
server each process loads them on first use, as before.

A model is a name and a loader that takes the app and keeps what it built in the app (or the
process); add one with ``register``. The TF-IDF text model and the sentence-embedding model are
registered here, and so are the import understanding step's classifiers and England's LSOA table.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from flask import Flask

from .. import db
from ..directory import england, understanding
from ..services import services
from . import embeddings

log = logging.getLogger(__name__)

Loader = Callable[[Flask], object]
_loaders: dict[str, Loader] = {}


def register(name: str, loader: Loader) -> None:
    _loaders[name] = loader


def _defaults() -> None:
    if _loaders:
        return
    register("text", _text_model)
    register("embeddings", embeddings.preload)
    register("understanding", lambda _app: understanding.understander())
    # England's LSOAs: where a venue or a person with no known postcode lies (matchmaking.service, geo)
    register("england", lambda _app: (england.national(), england.district_authorities()))


def _text_model(app: Flask) -> object:
    with db.session_scope(app) as session:
        return services(app).text_models.get(session)


def preload(app: Flask, before_fork: bool = True) -> dict[str, float]:
    """Load every registered model; returns seconds per model. A model that cannot load (no
    database yet, no model files) is logged and left to load on first use. ``before_fork`` also
    readies the process to be forked (no open connections, objects frozen)."""
    _defaults()
    timings = {}
    for name, loader in _loaders.items():
        started = time.perf_counter()
        try:
            loader(app)
        except Exception as error:  # the app still serves: this model loads lazily in each worker
            log.warning("could not preload the %s model: %s", name, error)
            continue
        timings[name] = round(time.perf_counter() - started, 2)
    if not before_fork:
        return timings
    # Connections opened while loading must not be inherited by forked workers.
    db.get_engine(app).dispose()
    # Keep the collector from writing to (and so un-sharing) the pages of every object built so far.
    gc.collect()
    gc.freeze()
    log.info("models loaded before forking: %s", timings)
    return timings
