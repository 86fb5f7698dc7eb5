"""Sentence vectors of services and of training texts, kept on disk by text.

Encoding is the slowest part of an import (about 18 services a second per core), yet most of it
repeats work: a nightly re-import of an unchanged feed, a restart, a second worker, a reindex. The
store keeps each vector under a hash of the model's name and the text, in one SQLite file that
several processes may share, so a text is encoded once per installation.

Only code inside ``recording()`` (indexing services, training the classifiers on labelled
examples) reads or adds vectors here. Outside it (a person's words, at every match) the store is
not touched at all: the model encodes in memory and the vector is forgotten with the request.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from matching.embeddings import Embedder

# SQLite's limit on bound parameters was 999 before 3.32; stay below it.
_CHUNK = 900


class VectorStore:
    """One SQLite file of float32 vectors keyed by sha1(model name, text)."""

    def __init__(self, path: Path, dim: int):
        self.path = Path(path)
        self.dim = dim
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._pid = -1
        self._connection: sqlite3.Connection | None = None

    @property
    def _db(self) -> sqlite3.Connection:
        # One connection per process, shared by its threads under the lock; a worker forked after
        # the store was opened (gunicorn --preload) opens its own, as SQLite requires. Other
        # processes wait for the write lock (busy timeout) instead of failing.
        if self._connection is None or self._pid != os.getpid():
            self._connection = sqlite3.connect(
                self.path, timeout=60, check_same_thread=False, isolation_level=None
            )
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"
            )
            self._pid = os.getpid()
        return self._connection

    @staticmethod
    def key(model: str, text: str) -> bytes:
        return hashlib.sha1(f"{model}\0{text}".encode()).digest()

    def get(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), _CHUNK):
                chunk = list(keys[start : start + _CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk)
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (self.dim,):  # a file from another model's size is ignored
                        found[key] = vector
        return found

    def put(self, items: dict[bytes, np.ndarray]) -> None:
        if not items:
            return
        rows = [(key, np.asarray(vector, dtype=np.float32).tobytes()) for key, vector in items.items()]
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM vectors").fetchone()[0])


class StoredEmbedder:
    """An Embedder that, while ``recording()`` is active in the calling thread, asks the store
    before the model and keeps what the model encoded; otherwise it is the model alone."""

    def __init__(self, model: Embedder, store: VectorStore):
        self.model = model
        self.store = store
        self.name = model.name
        self.dim = model.dim
        self._recording = threading.local()

    @contextmanager
    def recording(self) -> Iterator[None]:
        previous = getattr(self._recording, "on", False)
        self._recording.on = True
        try:
            yield
        finally:
            self._recording.on = previous

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not getattr(self._recording, "on", False):
            return self.model.encode(texts)
        cleaned = [str(t or "").strip() for t in texts]
        keys = [VectorStore.key(self.name, t) for t in cleaned]
        stored = self.store.get([k for k, t in zip(keys, cleaned, strict=True) if t])
        out = np.zeros((len(cleaned), self.dim), dtype=np.float32)
        missing: dict[str, bytes] = {}
        for i, (key, text) in enumerate(zip(keys, cleaned, strict=True)):
            if key in stored:
                out[i] = stored[key]
            elif text:
                missing[text] = key
        if missing:
            fresh = self.model.encode(list(missing))
            by_text = dict(zip(missing, fresh, strict=True))
            for i, text in enumerate(cleaned):
                if text in by_text:
                    out[i] = by_text[text]
            self.store.put({missing[text]: vector for text, vector in by_text.items()})
        return out


_stores: dict[tuple[str, int], VectorStore] = {}
_stores_lock = threading.Lock()


def open_store(path: Path, dim: int) -> VectorStore:
    """One store per file per process, shared by every app in it."""
    key = (str(Path(path).resolve()), dim)
    with _stores_lock:
        if key not in _stores:
            _stores[key] = VectorStore(path, dim)
        return _stores[key]
