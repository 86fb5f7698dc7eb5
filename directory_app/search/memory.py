"""A search index held in this process's memory, honouring the contract of ``index.SearchIndex``.

For tests that are not about search, and for trying the app without a Meilisearch server: it
has the same filters (search.filters applies them itself), the same order of words (documents
holding every word first, then those holding all but the last, and so on; the last word may be
the start of a longer one), the same synonyms, geographic order and vector similarity. It has no
typo tolerance and no proximity ranking: what is searched with real users is Meilisearch, and the
tests of search quality run on it. Indexes are shared by name within a process, as on a server.
"""

from __future__ import annotations

import copy
import math
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from .filters import all_hold, metres_between
from .index import EMBEDDER, Chunk, Query, Reload, Result, SearchIndex

_WORD = re.compile(r"\w+")
_ID = re.compile(r"[A-Za-z0-9_-]{1,511}")
_INDEXES: dict[str, dict[str, Any]] = {}
_REGISTRY_LOCK = threading.Lock()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _flatten(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _flatten(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _flatten(inner)
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def _field(document: dict[str, Any], path: str) -> Any:
    """``locations.name`` reads the name of every location, as Meilisearch's dotted attributes do."""
    values: list[Any] = [document]
    for part in path.split("."):
        found: list[Any] = []
        for value in values:
            items = value if isinstance(value, list) else [value]
            found.extend(item.get(part) for item in items if isinstance(item, dict))
        values = found
    return values


def refusal(document: dict[str, Any], dimensions: int | None) -> str | None:
    """Why Meilisearch would refuse this document, in its own error codes; None when it would not."""
    document_id = document.get("id")
    if (
        isinstance(document_id, bool)
        or not isinstance(document_id, str | int)
        or not _ID.fullmatch(str(document_id))
    ):
        return f"invalid_document_id: Document identifier `{str(document_id)[:100]}` is invalid."
    point = document.get("_geo")
    if point is not None:
        # Meilisearch checks that both are finite numbers (or text holding one), not their range.
        try:
            finite = math.isfinite(float(point["lat"])) and math.isfinite(float(point["lng"]))
        except (TypeError, KeyError, ValueError):
            finite = False
        if not finite:
            return "invalid_document_geo_field: The `_geo` field must hold finite numbers `lat` and `lng`."
    if dimensions is not None:
        vector = (document.get("_vectors") or {}).get(EMBEDDER, "absent")
        if vector == "absent":
            return f"vector_embedding_error: Missing `_vectors.{EMBEDDER}` in document."
        if vector is not None and (not isinstance(vector, list) or len(vector) != dimensions):
            return f"invalid_vectors: The `_vectors.{EMBEDDER}` field must hold {dimensions} numbers."
    return None


class InMemoryIndex(SearchIndex):
    def __init__(self, prefix: str):
        self.name = f"{prefix}_services"

    def _state(self, create: bool = False) -> dict[str, Any] | None:
        with _REGISTRY_LOCK:
            if create and self.name not in _INDEXES:
                _INDEXES[self.name] = {"documents": {}, "settings": {}}
            return _INDEXES.get(self.name)

    def _snapshot(self) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
        """The documents and settings as they stand, copied under the lock: a write from another
        thread must not change a dict while a search walks it."""
        with _REGISTRY_LOCK:
            state = _INDEXES.get(self.name)
            return (dict(state["documents"]), state["settings"]) if state else ({}, {})

    # --- reading -------------------------------------------------------------------------

    def healthy(self) -> tuple[bool, str]:
        return True, "ok (in memory)"

    def exists(self) -> bool:
        return self._state() is not None

    def get(self, document_id: str) -> dict[str, Any] | None:
        document = self._snapshot()[0].get(str(document_id))
        return self._shown(document, None) if document else None

    def versions(self) -> dict[str, str | None]:
        return {i: d.get("last_modified") for i, d in self._snapshot()[0].items()}

    def wait_until_idle(self, timeout_ms: int) -> None:
        return None  # every write is applied before it returns

    def search(self, query: Query) -> Result:
        documents, settings = self._snapshot()
        found = [d for d in documents.values() if all_hold(query.filter, d)]
        if query.vector is not None:
            ranked = self._by_similarity(found, query.vector)
        else:
            ranked = self._by_words(found, query.q, settings)
        distances = self._distances(ranked, query.nearest_to) if query.nearest_to is not None else {}
        if distances:
            # stable: words break ties, as in Meilisearch; a document without a point comes last
            ranked = sorted(ranked, key=lambda d: distances.get(id(d), math.inf))
        facets = {name: self._facet(ranked, name) for name in query.facets}
        page = ranked[query.offset : query.offset + query.limit]
        hits = [self._shown(document, query.fields) for document in page]
        for hit, document in zip(hits, page, strict=True):
            if id(document) in distances:
                hit["_distance_m"] = round(distances[id(document)])
            if query.vector is not None:
                hit["_similarity"] = document["_similarity"]
            if query.with_vectors:
                hit["_vector"] = copy.deepcopy((document.get("_vectors") or {}).get(EMBEDDER))
        return Result(hits=hits, total=len(ranked), facets=facets)

    @staticmethod
    def _shown(document: dict[str, Any], fields: Sequence[str] | None) -> dict[str, Any]:
        shown = {k: v for k, v in document.items() if k != "_vectors" and (fields is None or k in fields)}
        return copy.deepcopy(shown)

    def _by_words(
        self, documents: list[dict[str, Any]], q: str, settings: dict[str, Any]
    ) -> list[dict[str, Any]]:
        ordered = self._custom_order(documents, settings)
        asked = words(q)
        if not asked:
            return ordered
        attributes = settings.get("searchableAttributes") or ["*"]
        alternatives = self._alternatives(asked, settings)
        scored = []
        for position, document in enumerate(ordered):
            texts = [self._text(document, attribute) for attribute in attributes]
            held = [
                self._held_in(texts, options, last=i == len(asked) - 1)
                for i, options in enumerate(alternatives)
            ]
            # Meilisearch's "last" strategy: all the words, then all but the last, and so on.
            leading = next((i for i, attribute in enumerate(held) if attribute is None), len(asked))
            if leading == 0:
                continue
            best_attribute = min(a for a in held[:leading] if a is not None)
            scored.append((-leading, -sum(a is not None for a in held), best_attribute, position, document))
        scored.sort(key=lambda item: item[:4])
        return [item[-1] for item in scored]

    @staticmethod
    def _alternatives(asked: list[str], settings: dict[str, Any]) -> list[list[str]]:
        """Each word of the query and what may stand for it: its synonyms, and those of any phrase
        of the query it is part of ("food bank" → "food parcels")."""
        synonyms = {
            " ".join(words(k)): [" ".join(words(v)) for v in vs]
            for k, vs in (settings.get("synonyms") or {}).items()
        }
        options = [[word] for word in asked]
        for phrase, others in synonyms.items():
            length = len(phrase.split())
            for start in range(len(asked) - length + 1):
                if " ".join(asked[start : start + length]) == phrase:
                    for i in range(start, start + length):
                        options[i].extend(others)
        return options

    @staticmethod
    def _custom_order(documents: list[dict[str, Any]], settings: dict[str, Any]) -> list[dict[str, Any]]:
        ordered = list(documents)
        for rule in reversed(settings.get("rankingRules") or []):
            if ":" in rule:
                attribute, direction = rule.split(":", 1)
                present = [d for d in ordered if isinstance(d.get(attribute), int | float | str)]
                absent = [d for d in ordered if not isinstance(d.get(attribute), int | float | str)]
                present.sort(key=lambda d: d[attribute], reverse=direction == "desc")
                ordered = present + absent
        return ordered

    @staticmethod
    def _text(document: dict[str, Any], attribute: str) -> str:
        value = document if attribute == "*" else _field(document, attribute)
        return " " + " ".join(words(" ".join(_flatten(value)))) + " "

    @staticmethod
    def _held_in(texts: list[str], options: list[str], last: bool) -> int | None:
        """The first attribute holding the word or something standing for it, or None."""
        word = options[0]
        for number, text in enumerate(texts):
            if any(f" {o} " in text for o in options) or (last and f" {word}" in text):
                return number
        return None

    @staticmethod
    def _distances(documents: list[dict[str, Any]], point: tuple[float, float]) -> dict[int, float]:
        """Metres from ``point`` to each document with a point of its own, by the document's id()."""
        return {
            id(d): metres_between(point[0], point[1], float(d["_geo"]["lat"]), float(d["_geo"]["lng"]))
            for d in documents
            if d.get("_geo")
        }

    @staticmethod
    def _by_similarity(documents: list[dict[str, Any]], vector: Sequence[float]) -> list[dict[str, Any]]:
        """Most similar first; a document without a vector comes last, as least similar (-1)."""
        norm = math.sqrt(sum(x * x for x in vector)) or 1.0
        scored = []
        for document in documents:
            theirs = (document.get("_vectors") or {}).get(EMBEDDER)
            cosine = -1.0
            if theirs:
                their_norm = math.sqrt(sum(x * x for x in theirs)) or 1.0
                cosine = sum(a * b for a, b in zip(vector, theirs, strict=False)) / (norm * their_norm)
            scored.append({**document, "_similarity": cosine})
        return sorted(scored, key=lambda d: -d["_similarity"])

    @staticmethod
    def _facet(documents: list[dict[str, Any]], attribute: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for document in documents:
            value = document.get(attribute)
            for item in value if isinstance(value, list) else [value]:
                if item is None:
                    continue
                key = ("true" if item else "false") if isinstance(item, bool) else str(item)
                counts[key] = counts.get(key, 0) + 1
        return counts

    # --- writing -------------------------------------------------------------------------

    def configure(self, settings: dict[str, Any]) -> None:
        state = self._state(create=True)
        assert state is not None
        state["settings"] = copy.deepcopy(settings)

    @staticmethod
    def _dimensions(settings: dict[str, Any]) -> int | None:
        embedder = (settings.get("embedders") or {}).get(EMBEDDER)
        return int(embedder["dimensions"]) if embedder else None

    def put(
        self, documents: dict[str, dict[str, Any]], gone: Sequence[str], timeout_ms: int
    ) -> dict[str, str]:
        state = self._state(create=True)
        assert state is not None
        return self._write(state, documents.values(), gone)

    def _write(
        self, state: dict[str, Any], documents: Iterable[dict[str, Any]], gone: Sequence[str] = ()
    ) -> dict[str, str]:
        refused: dict[str, str] = {}
        dimensions = self._dimensions(state["settings"])
        with _REGISTRY_LOCK:
            for document in documents:
                reason = refusal(document, dimensions)
                if reason:
                    refused[str(document.get("id"))] = reason
                else:
                    state["documents"][str(document["id"])] = copy.deepcopy(document)
            for document_id in gone:
                state["documents"].pop(str(document_id), None)
        return refused

    def rebuild(self, settings: dict[str, Any], chunks: Iterable[Chunk], reload: Reload) -> dict[str, str]:
        building: dict[str, Any] = {"documents": {}, "settings": copy.deepcopy(settings)}
        refused: dict[str, str] = {}
        for _ids, documents in chunks:
            refused.update(self._write(building, documents))
        with _REGISTRY_LOCK:
            _INDEXES[self.name] = building
        return refused

    def drop(self) -> None:
        with _REGISTRY_LOCK:
            _INDEXES.pop(self.name, None)
