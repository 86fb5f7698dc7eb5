"""The search index as the rest of the app sees it: one object, built once in ``create_app``
(``app.extensions["search_index"]``) and handed to the functions that search or write documents.

Two implementations honour this contract: ``meili.MeiliIndex`` (the product's, on a real
Meilisearch) and ``memory.InMemoryIndex`` (for tests that are not about search, and a single
process). tests/search/test_index_contract.py runs the same checks against both.

The contract, for the documents the directory writes (directory/documents.py):
- ``search(query)``: documents passing every filter. With words (``q``), documents holding at
  least one of them in a searchable attribute, those holding more words first; without words,
  every document passing the filters. ``nearest_to`` orders by distance (documents without a point
  last) and each hit with a point carries ``_distance_m``. A ``vector`` query orders by cosine
  similarity with each document's vector and each hit carries ``_similarity`` (the cosine).
  ``with_vectors``: each hit carries ``_vector``, the document's own vector (None without one).
  ``facets`` counts each value of those attributes over every document found, not one page.
- ``put(documents, gone)``: adds or replaces documents by id and deletes ``gone``; answers which
  documents were refused and why (an id Meilisearch cannot hold, a point off the globe, a vector
  of the wrong length), having kept every other one.
- ``rebuild``: a whole new set of documents replaces the old at once; a search during the rebuild
  sees the old set.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .filters import Filter

# A rebuild's documents arrive in chunks: (ids, documents). A chunk refused as a whole is read
# again by id (``reload``) to find which documents the index would not take, rather than holding
# every document of the directory in memory for the whole rebuild.
Chunk = tuple[list[str], list[dict[str, Any]]]
# The most documents a search counts or pages through (Meilisearch's pagination.maxTotalHits).
MAX_TOTAL_HITS = 5000
# The embedder's name in the index settings and in each document's ``_vectors``.
EMBEDDER = "default"
Reload = Callable[[list[str]], dict[str, dict[str, Any]]]


@dataclass(frozen=True)
class Query:
    q: str = ""
    filter: Sequence[Filter] = ()
    nearest_to: tuple[float, float] | None = None
    vector: Sequence[float] | None = None
    limit: int = 20
    offset: int = 0
    # Every document's count, and the page numbers, for a paged list (directory search).
    count_all: bool = False
    facets: Sequence[str] = ()
    fields: Sequence[str] | None = None
    with_vectors: bool = False


@dataclass
class Result:
    hits: list[dict[str, Any]]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchIndex(ABC):
    """One index of service documents."""

    name: str

    @abstractmethod
    def search(self, query: Query) -> Result: ...

    def search_many(self, queries: Sequence[Query]) -> list[Result]:
        """Several searches at once (one round trip where the index allows)."""
        return [self.search(query) for query in queries]

    @abstractmethod
    def get(self, document_id: str) -> dict[str, Any] | None:
        """One document as stored (without its vector), or None."""

    @abstractmethod
    def put(
        self, documents: dict[str, dict[str, Any]], gone: Sequence[str], timeout_ms: int
    ) -> dict[str, str]:
        """Add or replace ``documents`` and delete ``gone``; return {id: why refused}."""

    @abstractmethod
    def rebuild(self, settings: dict[str, Any], chunks: Iterable[Chunk], reload: Reload) -> dict[str, str]:
        """Replace every document at once with those of ``chunks``; return {id: why refused}."""

    @abstractmethod
    def configure(self, settings: dict[str, Any]) -> None:
        """Create the index when missing and apply ``settings`` (searchable attributes, synonyms,
        the embedder's dimensions)."""

    @abstractmethod
    def exists(self) -> bool: ...

    @abstractmethod
    def versions(self) -> dict[str, str | None]:
        """{id: last_modified} of every document, once every write sent has been applied."""

    @abstractmethod
    def wait_until_idle(self, timeout_ms: int) -> None:
        """Return once every write sent so far has been applied."""

    @abstractmethod
    def healthy(self) -> tuple[bool, str]: ...

    @abstractmethod
    def drop(self) -> None:
        """Delete the index and its documents (tests, and an installation being removed)."""
