"""The vector store: a service's sentence vector is encoded once per installation and read back by
later processes (a restart, a worker, a nightly re-import of an unchanged feed); a person's words
are never written to it."""

from __future__ import annotations

import numpy as np

from directory_app import db
from directory_app.directory.documents import embedding_text, load_services, to_search_document
from directory_app.matchmaking.embeddings import service as embedding_service
from directory_app.matchmaking.vector_store import StoredEmbedder, VectorStore, open_store
from directory_app.search.indexing import wait_until_idle
from tests.conftest import match_on

TEXTS = ["Lunch club for older people in Sale", "Debt advice by phone across Trafford"]


def test_vectors_recorded_once_are_read_back_from_the_file_by_a_new_store(app, tmp_path):
    model = embedding_service(app).model()
    assert model is not None
    raw = model.model if isinstance(model, StoredEmbedder) else model
    path = tmp_path / "vectors.sqlite3"

    first = StoredEmbedder(raw, VectorStore(path, raw.dim))
    with first.recording():
        encoded = first.encode(TEXTS)
    assert len(first.store) == 2

    # Another process's store on the same file: the vectors come from disk, identical.
    later = VectorStore(path, raw.dim)
    stored = later.get([VectorStore.key(raw.name, t) for t in TEXTS])
    assert len(stored) == 2
    reader = StoredEmbedder(raw, later)
    with reader.recording():
        assert np.array_equal(reader.encode(TEXTS), encoded)
    assert np.allclose(encoded, raw.encode(TEXTS), atol=1e-6)


def test_nothing_is_written_outside_recording(app, tmp_path):
    model = embedding_service(app).model()
    raw = model.model if isinstance(model, StoredEmbedder) else model
    store = VectorStore(tmp_path / "vectors.sqlite3", raw.dim)
    StoredEmbedder(raw, store).encode(TEXTS)
    assert len(store) == 0


def test_indexing_records_service_vectors_and_a_match_never_records_the_persons_words(app, make_service):
    shed = make_service(name="Sale Men's Shed", description="Woodwork and a brew for men who want company.")
    wait_until_idle(app)
    embedder = embedding_service(app)
    model = embedder.model()
    assert isinstance(model, StoredEmbedder)
    store = open_store(embedder.store_path, model.dim)

    goals = "lost his job at the depot in March and hasn't spoken to anyone since, wants company"
    match_on(app, {"goals": goals, "postcode": "M33 7ZZ", "age": 58}, record=False)

    assert store.get([VectorStore.key(model.name, goals)]) == {}
    with db.session_scope(app) as session:
        (service,) = load_services(session, [shed])
        text = embedding_text(to_search_document(service))
    assert text and set(store.get([VectorStore.key(model.name, text)])) == {VectorStore.key(model.name, text)}
