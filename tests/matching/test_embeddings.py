"""The sentence-embedding model: loads and encodes from installed files alone, and says what it means."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from matching.embeddings import EmbeddingModelError, load_embedder


@pytest.fixture(scope="module")
def embedder():
    return load_embedder()


def test_loading_and_encoding_need_no_network(monkeypatch, tmp_path):
    def refuse(*_args, **_kwargs):
        raise OSError("network use is not allowed here")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = load_embedder(cache_size=0)  # a fresh load, not the module's shared one
    vectors = model.encode(["cold flat, can't afford the heating"])
    assert vectors.shape == (1, model.dim)


def test_vectors_are_unit_length_float32_and_empty_text_is_zero(embedder):
    vectors = embedder.encode(["a bit low", "", "Widower, 78, hasn't left the house much"])
    assert vectors.dtype == np.float32 and vectors.shape == (3, 384) and embedder.dim == 384
    assert np.linalg.norm(vectors[[0, 2]], axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    assert not vectors[1].any()


def test_same_similarities_as_the_reference_model(embedder):
    """all-MiniLM-L6-v2's model card publishes these cosine similarities for its reference
    (PyTorch) implementation; our numpy forward pass must give the same."""
    a, *others = embedder.encode(
        [
            "That is a happy person",
            "That is a happy dog",
            "That is a very happy person",
            "Today is a sunny day",
        ]
    )
    assert [float(a @ b) for b in others] == pytest.approx([0.695, 0.943, 0.257], abs=0.002)


def test_meaning_not_just_words(embedder):
    """What the lexical matcher missed: no shared words, yet the right service is closest."""
    person, *services = embedder.encode(
        [
            "struggling to pay the gas and electric, cold flat",
            "Warm homes advice: help with energy bills, heating grants and fuel debt",
            "Junior football coaching for children aged 5 to 11",
            "Toddler playgroup with songs and stories",
        ]
    )
    scores = [float(person @ s) for s in services]
    assert scores[0] == max(scores) and scores[0] > scores[1] + 0.2


def test_padding_in_a_batch_does_not_change_a_vector():
    model = load_embedder(cache_size=0)  # nothing cached: every call really encodes
    texts = ["get fitter", "stop drinking", "Men's shed in Sale: woodwork, tea and company on Tuesdays"]
    batch = model.encode(texts)
    singles = np.vstack([model.encode([t]) for t in texts])
    assert np.allclose(batch, singles, atol=1e-5)


def test_a_directory_without_the_model_files_is_a_clear_error(tmp_path):
    with pytest.raises(EmbeddingModelError, match="model.safetensors"):
        load_embedder(tmp_path)


def test_a_bulk_encode_on_several_threads_gives_the_same_vectors_as_one():
    # An import encodes its batches side by side; each text's vector must not depend on that.
    texts = [
        f"Group {n}: a weekly walk and a cuppa for people who feel alone, week {n % 7}" for n in range(80)
    ]
    alone = load_embedder(threads=1).encode(texts)
    together = load_embedder(threads=3).encode(texts)
    assert np.array_equal(alone, together) and alone.shape == (80, 384)
