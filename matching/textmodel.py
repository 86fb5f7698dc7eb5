"""How well a service's words fit the person's own words: TF-IDF cosine similarity.

The model is fitted once on the whole directory, so IDF says what is distinctive *here*
("shed" is rare and telling, "support" is everywhere). Each service's document includes the
labels and synonyms of the needs it is tagged with, and each query is expanded with the labels
and synonyms of the needs inferred from it; that is what carries "hardly leaves the house since
his wife died" to a befriending or bereavement service that never uses those words.

TF-IDF here is scikit-learn's TfidfVectorizer taken apart into its two documented halves,
CountVectorizer then TfidfTransformer (word 1-2-grams, English stop words, sublinear tf, L2
norm), so that each need's label-and-synonym text is counted once, not once per service: a
service's counts are its own words' counts plus its needs' counts. Need synonyms are most of a
service's words, so this makes fitting 100,000 services about four times faster. The only
difference from vectorising the concatenated text is that no bigram spans the join between a
description and a synonym list, which is noise we are glad to lose.

Each service's counts are computed once at fit time and looked up by id; scoring 300
candidates assembles their rows and takes one sparse dot product (about 2 ms on 100,000
services). A service not seen at fit time is vectorised on first use and kept. After a service
is edited, call `update([service])`; refit now and then (e.g. nightly) so IDF follows the
directory.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from .taxonomy import NeedsTaxonomy

EXPANSION_WEIGHT = 0.5
LARGE_DIRECTORY = 2_000
MAX_EXPANSIONS = 512  # needs' expansions kept vectorised (a few KB each)


def _normalise(text: str) -> str:
    # Module-level (not a lambda) so a fitted model pickles; folds curly apostrophes.
    return text.lower().replace("\u2019", "'")


def own_text(service: dict[str, Any], taxonomy: NeedsTaxonomy | None = None) -> str:
    """Name, organisation and description; without a taxonomy also the document's own
    need_labels and need_terms (with one, those come from the taxonomy, counted per need)."""
    parts = [service.get("name") or "", service.get("organization") or "", service.get("description") or ""]
    if taxonomy is None:
        parts.extend(service.get("need_labels") or ())
        parts.extend(service.get("need_terms") or ())
    return " ".join(p for p in parts if p)


def service_text(service: dict[str, Any], taxonomy: NeedsTaxonomy | None = None) -> str:
    """All the words a service is known by, as one string (for display and debugging)."""
    text = own_text(service, taxonomy)
    if taxonomy is not None:
        text = " ".join(p for p in (text, taxonomy.expansion(service.get("needs") or ())) if p)
    return text


class TextModel:
    """Fitted TF-IDF over a directory. Picklable. Safe to share between threads: scoring only
    ever adds whole entries to a dict."""

    def __init__(
        self,
        counter: CountVectorizer,
        tfidf: TfidfTransformer,
        need_counts: sp.csr_matrix,
        taxonomy: NeedsTaxonomy | None,
    ):
        self.counter = counter
        self.tfidf = tfidf
        self.taxonomy = taxonomy
        self._need_counts = need_counts  # one row per taxonomy need: counts of its label + synonyms
        self._need_col = {code: i for i, code in enumerate(taxonomy.codes())} if taxonomy else {}
        # We keep each service's own word counts and which needs it has, not its final TF-IDF
        # row: need synonyms are three quarters of every row, so final rows for 100,000 services
        # took 170 MB; this takes a quarter of that, and assembling 300 rows costs about 1 ms.
        # (The IDF still comes from the full rows: fit() assembles them once, then drops them.)
        self._own = sp.csr_matrix((0, len(counter.vocabulary_)), dtype=np.float32)
        self._needs = self._incidence([])
        self._row: dict[str, Any] = {}
        self._extra: dict[str, Any] = {}  # id -> final 1-row csr for services added or edited since fitting
        self._expansions: dict[str, sp.csr_matrix] = {}  # a needs' expansion -> its TF-IDF row

    @classmethod
    def fit(
        cls,
        services: Iterable[dict[str, Any]],
        taxonomy: NeedsTaxonomy | None = None,
        *,
        min_df: int | None = None,
    ) -> TextModel:
        """Fit on the directory. `min_df` defaults to 1 for small directories and 2 from
        LARGE_DIRECTORY services: in a large directory most distinct bigrams occur in a single
        service, where they can only ever match that one service, yet they are most of the
        vocabulary (1.9 of 2.3 million terms on 100,000 synthetic services) and of the memory
        and scoring time."""
        services = list(services)
        if min_df is None:
            min_df = 2 if len(services) >= LARGE_DIRECTORY else 1
        counter = CountVectorizer(
            ngram_range=(1, 2), stop_words="english", preprocessor=_normalise, min_df=min_df, dtype=np.float32
        )
        texts = [own_text(s, taxonomy) for s in services]
        need_texts = [taxonomy.expansion([code]) for code in taxonomy.codes()] if taxonomy else []
        corpus = texts + need_texts
        if not any(t.strip() for t in corpus):
            corpus = corpus + ["placeholder"]  # an empty directory still gives a usable model
        counts = counter.fit_transform(corpus).tocsr()
        model = cls(counter, TfidfTransformer(sublinear_tf=True), counts[len(texts) : len(corpus)], taxonomy)
        model._own = counts[: len(texts)]
        model._needs = model._incidence(services)
        model._row = {str(s.get("id")): i for i, s in enumerate(services)}
        model.tfidf.fit(model._counts(model._own, model._needs) if services else counts)
        return model

    def _incidence(self, services: list[dict[str, Any]]) -> sp.csr_matrix:
        """Services x needs, 1 where the service has the need."""
        rows, cols = [], []
        for i, service in enumerate(services):
            for code in dict.fromkeys(service.get("needs") or ()):
                if code in self._need_col:
                    rows.append(i)
                    cols.append(self._need_col[code])
        return sp.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)),
            shape=(len(services), max(len(self._need_col), 1)),
        )

    def _counts(self, own: sp.csr_matrix, needs: sp.csr_matrix) -> sp.csr_matrix:
        if not self._need_col:
            return own
        return (own + needs @ self._need_counts).tocsr()

    def __len__(self) -> int:
        return len(self._row.keys() | self._extra.keys())

    def __contains__(self, service_id: Any) -> bool:
        return service_id in self._row or service_id in self._extra

    def _transform(self, texts: list[str]) -> sp.csr_matrix:
        return self.tfidf.transform(self.counter.transform(texts)).tocsr()

    def _vectorise(self, services: list[dict[str, Any]]) -> sp.csr_matrix:
        own = self.counter.transform([own_text(s, self.taxonomy) for s in services]).tocsr()
        return self.tfidf.transform(self._counts(own, self._incidence(services))).tocsr()

    def update(self, services: Iterable[dict[str, Any]]) -> None:
        """Re-vectorise added or edited services with the fitted vocabulary and IDF."""
        services = list(services)
        if not services:
            return
        rows = self._vectorise(services)
        for i, service in enumerate(services):
            self._extra[str(service.get("id"))] = rows[i]

    def forget(self, service_ids: Iterable[Any]) -> None:
        for service_id in service_ids:
            self._extra.pop(service_id, None)
            self._row.pop(service_id, None)

    def query_vector(self, query_text: str, needs: Iterable[str] = ()) -> sp.csr_matrix:
        """The query, expanded with the needs inferred from it and any needs given.

        The person's own words and the expansion are vectorised separately and the expansion
        is added at EXPANSION_WEIGHT: a need's synonym list is long and shared by every service
        with that need, so at full weight it would drown the one word ("woodwork") that tells
        two loneliness services apart.
        """
        text = query_text or ""
        codes = list(needs)
        if self.taxonomy is not None:
            codes += [c for c in self.taxonomy.infer_needs(text) if c not in codes]
        expansion = self.taxonomy.expansion(codes) if self.taxonomy is not None else ""
        if not expansion:
            return self._transform([text])
        query = self._transform([text]) + EXPANSION_WEIGHT * self._expansion_row(expansion)
        norm = np.sqrt(query.multiply(query).sum())
        return query / norm if norm > 0 else query

    def _expansion_row(self, expansion: str) -> sp.csr_matrix:
        """The TF-IDF row of a needs' expansion, kept: it depends only on the needs, and their
        synonym lists are most of what a query vectorises (each row is vectorised on its own, so
        this is the row vectorising it beside the person's words gave)."""
        row = self._expansions.get(expansion)
        if row is None:
            if len(self._expansions) >= MAX_EXPANSIONS:
                self._expansions.clear()
            row = self._expansions[expansion] = self._transform([expansion])
        return row

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_expansions": {}}

    def score(self, query_text: str, services: list[dict[str, Any]], needs: Iterable[str] = ()) -> np.ndarray:
        """Cosine similarity in [0, 1] between the (expanded) query and each service."""
        out = np.zeros(len(services), dtype=np.float64)
        query = self.query_vector(query_text, needs)
        if not services or query.nnz == 0:
            return out
        q = sp.csr_matrix(query)
        q.sum_duplicates()  # sorted, unique indices for the lookup in _dot
        known_pos, known_rows, extra_pos, extra_rows, missing = [], [], [], [], []
        for pos, service in enumerate(services):
            service_id = service.get("id")
            if service_id in self._extra:
                extra_pos.append(pos)
                extra_rows.append(self._extra[service_id])
            elif service_id in self._row:
                known_pos.append(pos)
                known_rows.append(self._row[service_id])
            else:
                missing.append(pos)
        if known_rows:
            rows = self.tfidf.transform(self._counts(self._own[known_rows], self._needs[known_rows]))
            out[known_pos] = _dot(rows, q)
        if extra_rows:
            out[extra_pos] = _dot(sp.vstack(extra_rows).tocsr(), q)
        if missing:
            # Not seen at fit time: vectorise now and keep it, so the next query is fast.
            fresh = [services[p] for p in missing]
            rows = self._vectorise(fresh)
            out[missing] = _dot(rows, q)
            for i, service in enumerate(fresh):
                if service.get("id") is not None:
                    self._extra[service["id"]] = rows[i]
        return np.clip(out, 0.0, 1.0)


def _dot(rows: sp.csr_matrix, q: sp.csr_matrix) -> np.ndarray:
    """rows @ q.T for a one-row query, in time proportional to the rows' non-zeros.

    scipy's own product first transposes the query into a vocabulary-sized index (2 million
    entries for a large directory's bigrams), which cost more than the whole product.
    """
    if rows.nnz == 0 or q.nnz == 0:
        return np.zeros(rows.shape[0])
    pos = np.searchsorted(q.indices, rows.indices)
    pos[pos == len(q.indices)] = 0
    hit = q.indices[pos] == rows.indices
    products = np.where(hit, rows.data * q.data[pos], 0.0)
    sums = np.add.reduceat(np.append(products, 0.0), rows.indptr[:-1])
    return np.where(np.diff(rows.indptr) > 0, sums, 0.0)
