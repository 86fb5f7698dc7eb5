"""The sentence-embedding model as an app service: loaded once per process, on first use or
before gunicorn forks its workers (``preload``), and shared by every app in the process.

Search documents carry the model's vector of each service (search/indexing.py), matching embeds
the person's words with it (retrieval.py) and reads their needs with it (matching/need_inference.py).
If the model cannot be loaded the app still works: search and match fall back to words alone,
and the reason is logged once.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from flask import Flask

from matching.embeddings import Embedder, load_embedder, one_blas_thread
from matching.need_classifier import development_statements
from matching.need_inference import NeedInferrer

from .. import fitted_models
from ..data import DATA_DIR
from ..needs import taxonomy
from .vector_store import StoredEmbedder, open_store

log = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict[str, object] = {}  # "model" -> Embedder, or "error" -> why it could not load
# Training the need classifier takes seconds: one per taxonomy per process, shared by every app
# (and by gunicorn's workers when preloaded), keyed by whether the model is in use.
_inferrers: dict[tuple[int, bool], NeedInferrer] = {}
# The need classifier learns from the DEVELOPMENT parts of the blind sets of people's words, which
# seed_data/eval/labelled.py copies into the package (development_statements would drop a test
# item all the same); without the file it learns from the phrases and examples alone.
PEOPLE_STATEMENTS = DATA_DIR / "training" / "statements.jsonl"


class EmbeddingService:
    """What create_app puts in ``app.extensions["embedder"]``."""

    def __init__(self, enabled: bool = True, store_path: Path | None = None):
        self.enabled = enabled
        self.store_path = store_path

    def model(self) -> Embedder | None:
        """The model, behind the installation's vector store when there is one."""
        model = self._model()
        if model is None or self.store_path is None:
            return model
        return StoredEmbedder(model, open_store(self.store_path, model.dim))

    @contextmanager
    def recording(self, model: Embedder | None) -> Iterator[None]:
        """Keep what `model` encodes in here on disk: for services' and training texts only, never
        a person's words."""
        with model.recording() if isinstance(model, StoredEmbedder) else nullcontext():
            yield

    def _model(self) -> Embedder | None:
        if not self.enabled:
            return None
        if "model" in _loaded or "error" in _loaded:
            return _loaded.get("model")  # type: ignore[return-value]
        with _lock:
            if "model" not in _loaded and "error" not in _loaded:
                try:
                    _loaded["model"] = load_embedder()
                except Exception as error:  # missing package or files: run on words alone
                    _loaded["error"] = f"{type(error).__name__}: {error}"
                    log.warning(
                        "sentence embeddings unavailable, matching on words alone (%s)", _loaded["error"]
                    )
        return _loaded.get("model")  # type: ignore[return-value]

    def need_inferrer(self) -> NeedInferrer:
        """Reads needs from a person's words: by meaning and phrases, or phrases alone without a model."""
        tax = taxonomy()
        model = self.model()
        key = (id(tax), model is not None)
        inferrer = _inferrers.get(key)
        if inferrer is None:
            statements = development_statements(PEOPLE_STATEMENTS) if model is not None else []
            with self.recording(model):
                inferrer = NeedInferrer(tax, model, statements=statements, fitter=fitted_models.fitted)
            with _lock:
                inferrer = _inferrers.setdefault(key, inferrer)
        return inferrer

    def encode(self, texts: list[str]):
        """A person's words: straight to the model, never near the store."""
        model = self._model()
        return None if model is None else model.encode(texts)


def service(app: Flask) -> EmbeddingService:
    existing = app.extensions.get("embedder")
    if existing is None:
        # EMBEDDINGS=off (or EMBEDDINGS_ENABLED=False in the config) runs on words alone.
        enabled = app.config.get("EMBEDDINGS_ENABLED", os.environ.get("EMBEDDINGS", "on").lower() != "off")
        instance = app.config.get("INSTANCE_PATH") or app.instance_path
        store = app.config.get("VECTOR_STORE") or os.path.join(instance, "sentence-vectors.sqlite3")
        existing = app.extensions["embedder"] = EmbeddingService(
            bool(enabled), Path(store) if store and store != "off" else None
        )
    return existing


def init_app(app: Flask) -> None:
    one_blas_thread()
    service(app)


def preload(app: Flask) -> None:
    """Load the model now (e.g. in gunicorn's master before forking), so workers share its pages."""
    service(app).need_inferrer()
