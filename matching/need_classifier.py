"""A small supervised reader of needs: one logistic regression per need over the words (TF-IDF of
words and word pairs) and their meaning (the sentence vector), trained on labelled statements.

need_inference.NeedInferrer trains it at start from the needs' own words and example statements
(need_examples.py) plus, when the app hands them in, the DEVELOPMENT part of the blind people set
(every seed_data/eval/people/statements*.jsonl; `development_statements` never returns the test
part).
Settings were chosen by 5-fold cross-validation on that development part only.

Plain library: no Flask, database or network; the vectors are computed by the caller's embedder.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .understanding.evaluate import is_test

# Sentence vectors are unit length while a TF-IDF row spreads over many words: doubling the vector
# lets meaning weigh about as much as wording (cross-validated on the development part).
VECTOR_WEIGHT = 2.0
REGULARISATION = 30.0  # sklearn's C; 10 and 4 read fewer needs at the same precision


def in_test_part(item_id: str) -> bool:
    """The fixed split of seed_data/eval/README.md (one rule for every labelled set)."""
    return is_test(item_id)


# People sets that are scored (their test parts) but not learnt from. Their annotators mark a need
# only where the person asks for help with it, and learning from them made the matcher read fewer
# needs: on the 41 development relevance suites nDCG@10 0.7540 -> 0.7520 with one more must-not
# service, on the nine held out 0.7571 -> 0.7509 (session 41), with the person reader no better on
# the unseen people set.
SCORED_ONLY = frozenset({"statements_round4.jsonl", "statements_round7.jsonl"})


def learnt_from(file: Path) -> bool:
    return file.name not in SCORED_ONLY


def statement_files(path: Path | str) -> list[Path]:
    """The people sets at `path`: the file itself, or every `statements*.jsonl` in a folder (the
    first round, round 2, ...), in name order; none when nothing is there (a fresh clone)."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(path.glob("statements*.jsonl")) if path.is_dir() else []


def development_statements(path: Path | str) -> list[tuple[str, tuple[str, ...]]]:
    """(words, needs) for each DEVELOPMENT statement of the people set(s) at `path` (a file, or a
    folder of `statements*.jsonl`, less those SCORED_ONLY); never one of the test part, and none if
    nothing is there. A secondary need counts as a need: it is real, only less pressing."""
    out = []
    for file in filter(learnt_from, statement_files(path)):
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if in_test_part(str(item["id"])):
                continue
            needs = tuple(dict.fromkeys([*item.get("needs", ()), *(item.get("secondary_needs") or ())]))
            out.append((item["text"], needs))
    return out


class NeedClassifier:
    """Fitted once, then only read: safe to share between threads."""

    def __init__(
        self,
        codes: Sequence[str],
        texts: Sequence[str],
        vectors: np.ndarray,
        labels: Sequence[Collection[str]],
    ):
        if len(texts) != len(labels) or len(texts) != len(vectors):
            raise ValueError("texts, vectors and labels must be the same length")
        self.codes = list(codes)
        self._words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        features = self._features(self._words.fit_transform(texts), vectors)
        # The fitted models kept as one matrix: a person's words are scored for every need in one
        # product instead of 26 calls into sklearn.
        self._weights = np.zeros((features.shape[1], len(self.codes)))
        self._bias = np.full(len(self.codes), -np.inf)  # a need with no example is never guessed
        for j, code in enumerate(self.codes):
            target = np.array([code in said for said in labels], dtype=int)
            if target.min() == target.max():
                continue
            model = LogisticRegression(C=REGULARISATION, solver="liblinear", class_weight="balanced")
            model.fit(features, target)
            self._weights[:, j] = model.coef_[0]
            self._bias[j] = model.intercept_[0]

    @staticmethod
    def _features(words: sp.spmatrix, vectors: np.ndarray) -> sp.csr_matrix:
        return sp.hstack(
            [words, sp.csr_matrix(VECTOR_WEIGHT * np.asarray(vectors, dtype=np.float64))]
        ).tocsr()

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """texts x needs, each the probability that the words express that need."""
        features = self._features(self._words.transform(texts), vectors)
        return np.asarray(expit(features @ self._weights + self._bias))
