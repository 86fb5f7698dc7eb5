"""Which needs a service meets, read from its own words.

Three readers with one interface (``predict(records) -> [{code: (score, evidence)}]``), so that
docs/understanding.md can compare them on the same labels:

- ``KeywordNeeds``: today's approach, the taxonomy's phrase match plus UKCAT codes
  (``NeedsTaxonomy.tag_text``), kept as the baseline;
- ``ClassifierNeeds``: TF-IDF + one-vs-rest logistic regression, trained on labelled services
  and on the taxonomy's own descriptions and synonyms (so a need with few labelled examples is
  still learnable);
- ``EmbeddingNeeds``: cosine similarity between a sentence embedding of the service and of each
  need's description, when an embedding model is available.

Venue names and addresses never reach a reader, and street and park names are cut out of the
service's name ("Walton Park Sports Centre" is about sport, not parks). Charity classification
codes (UKCAT) are a weak hint that the text has to confirm.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from scipy.special import expit

from ..taxonomy import NeedsTaxonomy
from ..text import tokens, without_what_ended
from .record import Record, Term
from .vocabulary import SERVICE_PHRASES

_PLACE_IN_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+\s+){1,2}(?:Park\s+)?(?:Road|Street|Lane|Avenue|Drive|Close|Way|Crescent|Grove|Terrace)\b"
    r"|\b[A-Z][a-z]+\s+Park\b(?=\s+[A-Z])"
)


# A sentence that sends a group elsewhere ("Under 18s: see the Young People's Substance Misuse
# Service", "Carers please contact Carers Trust") says what the service is NOT for.
_SENT_ELSEWHERE = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:under|over)\s+\d{1,2}s?\b[^.!?\n]{0,40}?(?:please\s+)?"
    r"(?:see|contact|use|call|go\s+to|(?:are|is|will\s+be)\s+(?:referred|signposted)\s+to)\s+"
    r"(?:the\s+|our\s+)?(?-i:[A-Z])[^.!?\n]*[.!?]?",
    re.I,
)


# What a service sends people on for is another's help, not its own: "We can also refer you on for
# money advice" (a food bank), "we will refer them on to specialist debt advice".
_REFERRED_ON = re.compile(
    r"\b(?:can|will|may|could|might)\s+(?:also\s+)?refer\s+(?:you|people|them|clients|families)\s+on\b"
    r"[^.!?\n]*[.!?]?",
    re.I,
)


# A directory team's note of what is missing ("NB no Deaf social club any more", "no Roma support
# in Stockton that we know of") names a need the service does not meet.
# A children's session's grown-up, not someone caring for a sick or disabled relative: "for 0-5s
# with a parent or carer", "must be accompanied by a parent/carer".
_GROWN_UP_WITH_A_CHILD = re.compile(
    r"\b((?:with|by)\s+(?:a|an|their|your)?\s*(?:parents?|adults?|grown[- ]ups?))\s*(?:or|/|&)\s*carers?\b",
    re.I,
)
# A meal's courses are not a course to learn on: "a hot two-course lunch", "three course dinner".
_MEAL_COURSES = re.compile(
    r"\b(?:two|three|four|five|[2-5])[\s-]+courses?(?=\s+(?:(?:hot|sit[- ]down|home[- ]cooked|christmas|roast)\s+)?"
    r"(?:meals?|lunch(?:es)?|dinners?|menu|roast))",
    re.I,
)
# An exercise class is exercise, not a class to learn in: "exercise classes", "chair-based fitness class".
_ACTIVITY_CLASSES = re.compile(
    r"\b((?:exercise|fitness|keep[- ]fit|yoga|pilates|tai[- ]chi|zumba|aerobics|aqua\w*|swim\w*|dance|dancing|"
    r"boxing|gym|circuits?|spin|movement|strength\s+and\s+balance|falls?\s+prevention|chair[- ]based)"
    r"(?:\s+\([^)]{0,40}\))?)\s+class(?:es)?\b",
    re.I,
)
# Whom a service turns away is not what it offers: "Exclusion criteria:\n• Primary alcohol/substance
# dependence – refer to CGL" is no drink and drugs service.
_EXCLUSION_LIST = re.compile(
    r"\bexclu(?:sions?|ded)(?:\s+criteria)?\s*:[^\n]*(?:\n[ \t]*[•*·\-–][^\n]*)*", re.I
)
_NONE_THAT_WE_KNOW = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:NB:?\s+)?(?:no|nothing)\s+[^.!?\n]{0,80}?"
    r"\b(?:(?:that\s+)?we\s+know\s+of|any\s?more)\b[^.!?\n]*[.!?]?",
    re.I,
)


def _strip_venue(text: str, venue: Iterable[str]) -> str:
    for place in sorted((v for v in venue if len(v) > 3), key=len, reverse=True):
        text = _written_anyhow(place).sub(" ", text)
    return text


@functools.lru_cache(maxsize=4096)
def _written_anyhow(words: str) -> re.Pattern[str]:
    # need_text reads each record three times; its venue's words are compiled once
    return re.compile(re.escape(words), re.I)


def _says_something(term: Term) -> bool:
    """A term's name is words unless it only repeats an opaque code ("SW1", "AS105"); a publisher's
    own tags often have the word as both code and name ("transport", "befriending")."""
    return term.name != term.code or not re.search(r"\d", term.name)


def need_text(record: Record) -> str:
    """The words that may say what a service is for: name (less place names), description,
    eligibility and taxonomy names other than a charity register's classifications; never the venue or
    address."""
    name = _PLACE_IN_NAME.sub(" ", record.texts.get("name", ""))
    terms = [t.name for t in record.terms if not t.classifies_the_charity and t.name and _says_something(t)]
    parts = [
        name,
        record.texts.get("description", ""),
        record.texts.get("activities", ""),
        record.texts.get("eligibility", ""),
        "; ".join(terms),
        record.texts.get("terms", ""),
    ]
    text = _strip_venue("\n".join(p for p in parts if p), record.venue)
    text = _MEAL_COURSES.sub(" ", _GROWN_UP_WITH_A_CHILD.sub(r"\1", _EXCLUSION_LIST.sub(" ", text)))
    text = _ACTIVITY_CLASSES.sub(r"\1 sessions", text)
    text = _REFERRED_ON.sub(" ", _SENT_ELSEWHERE.sub(" ", text))
    return without_what_ended(_NONE_THAT_WE_KNOW.sub(" ", text))


def ukcat_codes(record: Record) -> list[str]:
    return [t.code.upper() for t in record.terms if t.vocabulary == "ukcat" and t.code]


Prediction = dict[str, tuple[float, str]]


class KeywordNeeds:
    """Baseline: exactly what auto-tagging did before (name + description + UKCAT codes)."""

    def __init__(self, taxonomy: NeedsTaxonomy):
        self.taxonomy = taxonomy

    def predict(self, records: Sequence[Record]) -> list[Prediction]:
        out = []
        for record in records:
            text = " ".join(filter(None, [record.texts.get("name"), record.texts.get("description")]))
            codes = self.taxonomy.tag_text(
                text, ukcat_codes(record) + [t.name for t in record.terms if t.vocabulary != "ukcat"]
            )
            out.append({code: (1.0, "keyword") for code in codes})
        return out


_PHRASES: dict[int, list[tuple[str, str, tuple[str, ...]]]] = {}


def _phrases(taxonomy: NeedsTaxonomy) -> list[tuple[str, str, tuple[str, ...]]]:
    # Tokenised once per taxonomy (it is immutable): this runs on every save.
    if id(taxonomy) not in _PHRASES:
        _PHRASES[id(taxonomy)] = [
            (need.code, phrase, tuple(tokens(phrase)))
            for need in taxonomy.needs()
            for phrase in (need.label, *need.synonyms, *SERVICE_PHRASES.get(need.code, ()))
        ]
    return _PHRASES[id(taxonomy)]


def phrase_hits(taxonomy: NeedsTaxonomy, text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Taxonomy and service phrases found in `text`, by need: the words a curator can check; and,
    apart, those the text only ever denies ("Not a social club - for health and advice only")."""
    words = tokens(text)
    hits: dict[str, list[str]] = {}
    denied: dict[str, list[str]] = {}
    grams = {tuple(words[i : i + n]) for n in range(1, 6) for i in range(len(words) - n + 1)}
    for code, phrase, key in _phrases(taxonomy):
        if key and key in grams:
            found = denied if _only_denied(text, key) else hits
            if phrase not in found.get(code, []):
                found.setdefault(code, []).append(phrase)
    return hits, denied


_DENIAL = re.compile(r"\b(?:not|isn'?t|is\s+not|no)\s+(?:an?\s+|just\s+an?\s+)?$", re.I)


def _only_denied(text: str, key: tuple[str, ...]) -> bool:
    """Whether every use of the phrase follows "not a", "isn't a" or "no"."""
    uses = list(_phrase_pattern(key).finditer(text))
    return bool(uses) and all(_DENIAL.search(text[max(0, m.start() - 20) : m.start()]) for m in uses)


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(key: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\W+".join(map(re.escape, key)) + r"\b", re.I)


def taxonomy_examples(taxonomy: NeedsTaxonomy) -> tuple[list[str], list[list[str]]]:
    """One short example per need description and per synonym, labelled with that need."""
    texts, labels = [], []
    for need in taxonomy.needs():
        texts.append(f"{need.label}. {need.description}")
        labels.append([need.code])
        for synonym in (*need.synonyms, *SERVICE_PHRASES.get(need.code, ())):
            texts.append(synonym)
            labels.append([need.code])
    return texts, labels


class ClassifierNeeds:
    """TF-IDF + one-vs-rest logistic regression over need_text."""

    def __init__(
        self, taxonomy: NeedsTaxonomy, threshold: float = 0.5, c: float = 10.0, example_weight: float = 0.3
    ):
        self.taxonomy = taxonomy
        self.threshold = threshold
        self.c = c
        self.example_weight = example_weight
        self.codes = taxonomy.codes()

    def fit(self, records: Sequence[Record], labels: Sequence[Sequence[str]]) -> ClassifierNeeds:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        extra_texts, extra_labels = taxonomy_examples(self.taxonomy)
        texts = [need_text(r) for r in records] + extra_texts
        all_labels = [set(codes) for codes in labels] + [set(codes) for codes in extra_labels]
        # The taxonomy's one-line examples teach vocabulary; real records teach what a whole
        # description of such a service looks like, so they count for more.
        weights = np.array([1.0] * len(records) + [self.example_weight] * len(extra_texts))
        self._vectorizer = TfidfVectorizer(analyzer=_features, sublinear_tf=True)
        x = self._vectorizer.fit_transform(texts)
        # Built once: sklearn rebuilds this array from the vocabulary on every call (~5 ms).
        self._names = self._vectorizer.get_feature_names_out()
        # One model per need (one-vs-rest), written out so that each can take sample weights.
        models = []
        for code in self.codes:
            y = np.array([code in codes for codes in all_labels], dtype=int)
            # liblinear: the same figures as lbfgs on development (5-fold), about 7x faster to fit.
            model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=2000, solver="liblinear")
            model.fit(x, y, sample_weight=weights)
            models.append(model)
        # Each model's predict_proba is the logistic of its decision: only the weights are kept, one
        # product weighs every need at once instead of sklearn's checks once per need (2.5 ms a
        # record), and a kept fit is half the size.
        self._weights = np.vstack([m.coef_[0] for m in models])
        self._intercepts = np.array([m.intercept_[0] for m in models])
        return self

    def probabilities(self, records: Sequence[Record]) -> np.ndarray:
        if getattr(self, "_weights", None) is None:
            raise RuntimeError("ClassifierNeeds.fit was not called")
        x = self._vectorizer.transform([need_text(r) for r in records])
        return np.asarray(expit(x @ self._weights.T + self._intercepts))

    def predict(self, records: Sequence[Record]) -> list[Prediction]:
        probs = self.probabilities(records)
        return [
            {code: (float(p), "") for code, p in zip(self.codes, row, strict=True) if p >= self.threshold}
            for row in probs
        ]

    def top_words(self, record: Record, code: str, k: int = 4) -> list[str]:
        """The record's words that pushed most towards `code`: the classifier's evidence."""
        coef = self._weights[self.codes.index(code)]
        vector = self._vectorizer.transform([need_text(record)]).tocsr()
        names = self._names
        ranked = sorted(
            zip(vector.indices, vector.data * coef[vector.indices], strict=True), key=lambda kv: -kv[1]
        )
        return [str(names[i]).replace("_", " ") for i, v in ranked[:k] if v > 0]


def _features(text: str) -> list[str]:
    words = tokens(text)
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


class EmbeddingNeeds:
    """Cosine similarity to each need's description; `embed` maps texts to row vectors."""

    def __init__(
        self,
        taxonomy: NeedsTaxonomy,
        embed: Callable[[list[str]], np.ndarray],
        threshold: float = 0.35,
        margin: float = 0.08,
    ):
        self.taxonomy = taxonomy
        self.embed = embed
        self.threshold = threshold
        self.margin = margin
        self.codes = taxonomy.codes()
        descriptions = [f"{n.label}: {n.description} " + ", ".join(n.synonyms[:12]) for n in taxonomy.needs()]
        self._needs = _unit(np.asarray(embed(descriptions), dtype=float))

    def similarities(self, records: Sequence[Record]) -> np.ndarray:
        vectors = _unit(np.asarray(self.embed([need_text(r) for r in records]), dtype=float))
        return np.asarray(vectors @ self._needs.T)

    def predict(self, records: Sequence[Record]) -> list[Prediction]:
        out = []
        for row in self.similarities(records):
            best = float(row.max()) if len(row) else 0.0
            out.append(
                {
                    code: (float(s), "")
                    for code, s in zip(self.codes, row, strict=True)
                    if s >= self.threshold and s >= best - self.margin
                }
            )
        return out


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(matrix / norms)
