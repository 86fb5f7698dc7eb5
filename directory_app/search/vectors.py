"""Sentence vectors in the search index: Meilisearch stores the vectors we compute ("userProvided")
and searches by them; the model is the app's (matchmaking/embeddings.py).

Each document carries ``_vectors: {"default": [...]}``, encoded in batches wherever documents are
built (drain, reindex). Without a model, documents go with a null vector and the index has no
embedder: search and match then work on words alone.
"""

from __future__ import annotations

from ..directory.documents import embedding_text
from ..matchmaking.embeddings import EmbeddingService
from .index import EMBEDDER


def settings(embeddings: EmbeddingService) -> dict:
    model = embeddings.model()
    if model is None:
        return {}
    return {"embedders": {EMBEDDER: {"source": "userProvided", "dimensions": model.dim}}}


def with_vectors(embeddings: EmbeddingService, documents):
    """Add each document's vector, all encoded in one batch; `documents` is a list or a dict of
    documents, returned as given."""
    docs = list(documents.values()) if isinstance(documents, dict) else list(documents)
    model = embeddings.model() if docs else None
    texts = [embedding_text(d) for d in docs]
    with embeddings.recording(model):
        vectors = model.encode(texts) if model is not None else [None] * len(docs)
    for document, text, vector in zip(docs, texts, vectors, strict=True):
        # null opts a document out explicitly: Meilisearch refuses a document without it once the
        # index has an embedder, and would score an all-zero vector (no text) as a perfect match.
        document["_vectors"] = {
            EMBEDDER: [round(float(x), 6) for x in vector] if text and vector is not None else None
        }
    return documents
