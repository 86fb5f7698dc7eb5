"""Which needs a person's own words point to, how sure we are, and which words said so.

Two readers, combined:
- phrases: the taxonomy's labels and synonyms found in the words (exact, so precise: "bailiffs"
  is money and debt), as NeedsTaxonomy.infer_needs always did;
- meaning: each clause of the words, and the words as a whole, compared by sentence embedding
  (embeddings.py) with each need's label, description, synonyms and example statements
  (need_examples.py), so "a bit low", "cold flat" and "the days are long" count too.

A need is reported when a phrase names it, or when its closest example is similar enough
(EMBED_THRESHOLD) and not far behind the person's strongest need (EMBED_MARGIN). Thresholds were
chosen on the DEV part of seed_data/eval/people/statements.jsonl; docs/embeddings.md has the figures
and tests/matching/test_need_inference_eval.py measures the TEST part.

Plain library: the embedder is handed in; without one, only phrases are read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .need_examples import NEED_EXAMPLES
from .taxonomy import NeedsTaxonomy
from .text import ngrams, phrase_key, tokens

EMBED_THRESHOLD = 0.55
EMBED_MARGIN = 0.1
CLAUSE_THRESHOLD = 0.6
MAX_NEEDS = 5
# Where "she's low, and the heating's off" splits into things a person might say on their own.
_CLAUSE = re.compile(r"[.;:!?,()\n]+|\s+-\s+|\b(?:and|but|so|also|plus|since|because|as well as)\b", re.I)


@dataclass(frozen=True)
class InferredNeed:
    code: str
    confidence: float  # 0..1: how strongly the words point to this need
    evidence: tuple[str, ...]  # the words that gave it

    def to_dict(self) -> dict:
        return {"need": self.code, "confidence": round(self.confidence, 2), "evidence": list(self.evidence)}


def clauses(text: str) -> list[str]:
    parts = [p.strip(" '\"") for p in _CLAUSE.split(text or "")]
    return [p for p in parts if len(p) > 2]


class NeedInferrer:
    """Built once (the examples are embedded here) and then shared: it is never modified."""

    def __init__(self, taxonomy: NeedsTaxonomy, embedder=None, *, threshold: float = EMBED_THRESHOLD,
                 margin: float = EMBED_MARGIN, clause_threshold: float = CLAUSE_THRESHOLD, examples: dict[str, Sequence[str]] = NEED_EXAMPLES):
        self.taxonomy = taxonomy
        self.embedder = embedder
        self.threshold = threshold
        self.margin = margin
        self.clause_threshold = clause_threshold
        self.codes = taxonomy.codes()
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        for need in taxonomy.needs():
            for phrase in (need.label, *need.synonyms):
                key = phrase_key(phrase)
                if key and need.code not in self._phrases.setdefault(key, []):
                    self._phrases[key].append(need.code)
        self._longest = max((len(k) for k in self._phrases), default=1)
        self._owner = np.zeros(0, dtype=int)
        self._prototypes = np.zeros((0, 1), dtype=np.float32)
        if embedder is not None:
            texts, owner = [], []
            for j, need in enumerate(taxonomy.needs()):
                for text in dict.fromkeys([need.label, need.description, *need.synonyms,
                                           *examples.get(need.code, ())]):
                    if text:
                        texts.append(text)
                        owner.append(j)
            self._prototypes = embedder.encode(texts)
            self._owner = np.asarray(owner)

    # -- the two readers -----------------------------------------------------------------------
    def phrases(self, text: str) -> dict[str, tuple[float, list[str]]]:
        """{need: (strength, phrases found)}, read as NeedsTaxonomy.infer_needs reads them: whole
        words, a phrase's strength its length, one extra word allowed inside at a little less."""
        found: dict[str, tuple[float, list[str]]] = {}
        seen: set[tuple[str, ...]] = set()

        def add(gram: tuple[str, ...], strength: float, said: tuple[str, ...]) -> None:
            codes = self._phrases.get(gram)
            if codes and gram not in seen:
                seen.add(gram)
                for code in codes:
                    total, words = found.get(code, (0.0, []))
                    found[code] = (total + strength, words + [" ".join(said)])

        words = tokens(text)
        for gram in ngrams(words, self._longest):
            add(gram, float(len(gram)), gram)
        for window in ngrams(words, self._longest + 1):
            for k in range(1, len(window) - 1):
                add(window[:k] + window[k + 1:], len(window) - 1.5, window)
        return found

    def meaning(self, text: str) -> tuple[np.ndarray, list[str], set[int]]:
        """Per need: the best similarity of the words (or one clause of them) to its examples, and
        the clause that gave it; and the needs that are the clear first choice of some clause."""
        if self.embedder is None or not text.strip():
            return np.zeros(len(self.codes)), [""] * len(self.codes), set()
        parts = list(dict.fromkeys([text.strip(), *clauses(text)]))
        sims = self.embedder.encode(parts) @ self._prototypes.T  # parts x prototypes
        per_need = np.full((len(parts), len(self.codes)), -1.0)
        for j in range(len(self.codes)):
            cols = sims[:, self._owner == j]
            if cols.size:
                per_need[:, j] = cols.max(1)
        best = per_need.max(0)
        where = [parts[int(i)] for i in per_need.argmax(0)]
        # Each thing a person says may be about a different need ("low, and the heating's off"):
        # a clause's own favourite counts even when another clause scored higher overall.
        leaders = {int(row.argmax()) for row in per_need[1:] if row.max() >= self.clause_threshold}
        return best, where, leaders

    # -- the answer ----------------------------------------------------------------------------
    def infer(self, text: str | None, limit: int = MAX_NEEDS, age: int | None = None) -> list[InferredNeed]:
        """`age`, when known, rules out an age group's need it contradicts (a 10-year-old's
        "after school club" is not a need of later life)."""
        text = (text or "").strip()
        if not text:
            return []
        phrases = self.phrases(text)
        sims, where, leaders = self.meaning(text)
        top = float(sims.max()) if len(sims) else 0.0
        found = []
        for j, code in enumerate(self.codes):
            strength, said = phrases.get(code, (0.0, []))
            by_phrase = 1.0 - 0.5 ** strength if strength else 0.0
            sim = float(sims[j])
            by_meaning = 0.0
            if sim >= self.threshold and (sim >= top - self.margin or j in leaders):
                by_meaning = min(1.0, 0.5 + (sim - self.threshold) / (2 * (1.0 - self.threshold)))
            if not (by_phrase or by_meaning) or not _fits_age(code, age):
                continue
            evidence = list(dict.fromkeys(said))
            if by_meaning and where[j] and not any(e in where[j] for e in evidence):
                evidence.append(where[j])
            found.append(InferredNeed(code, round(max(by_phrase, by_meaning), 3), tuple(evidence)))
        found.sort(key=lambda n: (-n.confidence, self.codes.index(n.code)))
        return found[:limit]

    def infer_codes(self, text: str | None, limit: int = MAX_NEEDS, age: int | None = None) -> list[str]:
        return [n.code for n in self.infer(text, limit, age)]


# Needs that belong to an age group: (youngest, oldest) a person may be to have them.
AGE_GROUP_NEEDS = {"older_people": (50, None), "young_people": (None, 30)}


def _fits_age(code: str, age: int | None) -> bool:
    low, high = AGE_GROUP_NEEDS.get(code, (None, None))
    return age is None or ((low is None or age >= low) and (high is None or age <= high))

