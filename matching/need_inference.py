"""Which needs a person's own words point to, how sure we are, and which words said so.

Three readers, combined:
- phrases: the taxonomy's labels and synonyms found in the words (exact, so precise: "bailiffs"
  is money and debt), as NeedsTaxonomy.infer_needs always did;
- meaning: each clause of the words, and the words as a whole, compared by sentence embedding
  (embeddings.py) with each need's label, description, synonyms and example statements
  (need_examples.py), so "a bit low", "cold flat" and "the days are long" count too;
- a classifier (need_classifier.py) trained on those same examples and on labelled statements
  (the app hands in the DEVELOPMENT parts of seed_data/eval/people/statements*.jsonl), read for
  the words as a whole and for each clause, so a need said in passing at the end still counts.

A clause that is only context (need_context.py: about someone else, over, denied: "partner back
at work", "the debts are sorted now", "no drink problem") gives none of the needs its kind rules
out, by any reader; nor do the words as a whole, though the person's other clauses still may.

A need is reported when a phrase names it, or when the classifier's probability and the closest
example's similarity, blended, reach SCORE_THRESHOLD. The blend and thresholds were chosen by
cross-validation on the development parts of the three people sets, holding out one annotator's set
at a time as well as 5-fold;
tests/matching/test_need_inference_eval.py measures the TEST parts.

Plain library: the embedder is handed in; without one, only phrases are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .fitting import Fitter, fit_now
from .need_classifier import NeedClassifier
from .need_context import DISMISSES_WHAT_CAME_BEFORE, context_codes, death_to_come
from .need_examples import NEED_EXAMPLES
from .person import (
    HOARDING_NEEDS,
    asks_about_benefits,
    caring_now,
    controlled_by_someone,
    hoarding,
    home_needs_work,
    owing_money,
    read_age,
    someone_close_died,
    without_a_home,
)
from .shorthand import in_words, is_gloss
from .taxonomy import NeedsTaxonomy
from .text import phrase_key, tokens

# A similarity to a need's closest example mapped to 0..1: 0.35 is what unrelated words reach,
# 0.8 a near paraphrase.
SIMILARITY_FLOOR, SIMILARITY_SPAN = 0.35, 0.45
# Round 4 cross-validated holding out each annotator's set in turn (and 5-fold on all three
# development parts): every blend tried was within about 0.01 F1 of every other, so the settings
# chosen in round 3 stay (a change within the noise is not a change; docs/embeddings.md).
CLASSIFIER_SHARE = 0.8  # of the blended score; the rest is the similarity
SCORE_THRESHOLD = 0.65
# With nothing over the threshold, the strongest need still counts from here: "a bit low" is short
# and plain, "the weather was nice" is not about a need at all. (0.45 read a need into the weather
# too, for +0.003 F1 in cross-validation: not kept.)
FALLBACK_THRESHOLD = 0.6
MAX_NEEDS = 5
# A need a denied clause reads at this probability or more is not read from the words as a whole.
DENIED_READING = 0.5
# A clause's probability counts at this share: a need said in one clause ("oh and the gas is off")
# is real, but one clause read alone is also more easily misread than the whole.
CLAUSE_SHARE = 0.8
# Where "she's low, and the heating's off" splits into things a person might say on their own.
_CLAUSE = re.compile(
    # ("ring and ride" is one thing: a dial-a-ride bus)
    r"[.;:!?,()\n]+|\s+-\s+|\b(?:and(?!\s+ride\b)|but|so|also|plus|since|because|as well as|though|although|while|"
    r"except|apart from|(?:said|says|mentioned|admitted) (?:in passing|at the end|that)?|"
    r"in passing|at the (?:very )?end)\b",
    re.I,
)


@dataclass(frozen=True)
class InferredNeed:
    code: str
    confidence: float  # 0..1: how strongly the words point to this need
    evidence: tuple[str, ...]  # the words that gave it

    def to_dict(self) -> dict[str, Any]:
        return {"need": self.code, "confidence": round(self.confidence, 2), "evidence": list(self.evidence)}


# "Mum (80) moved in with us", "Dad, 84, lives with us": an age belongs to the word before it, in
# one clause (alone, "Dad" reads as a need of its own)
_AGE_AFTER_A_WORD = re.compile(
    r"\b([A-Za-z]+)\s*\((\d{1,3})\)"
    r"|\b(mum|mam|mom|mother|dad|father|husband|wife|partner|nan|gran|grandad|grandma),\s*(\d{2,3})(?=\s*[,.;]|$)",
    re.I,
)


def clauses(text: str) -> list[str]:
    joined = _AGE_AFTER_A_WORD.sub(lambda m: " ".join(g for g in m.groups() if g), text or "")
    parts = [p.strip(" '\"") for p in _CLAUSE.split(joined)]
    return [p for p in parts if len(p) > 2]


class NeedInferrer:
    """Built once (the examples are embedded here) and then shared: it is never modified."""

    def __init__(
        self,
        taxonomy: NeedsTaxonomy,
        embedder: Any = None,
        *,
        threshold: float = SCORE_THRESHOLD,
        examples: Mapping[str, Sequence[str]] = NEED_EXAMPLES,
        statements: Sequence[tuple[str, Sequence[str]]] = (),
        fitter: Fitter = fit_now,
    ) -> None:
        """`statements`: labelled (words, needs) pairs the classifier also learns from; only ever
        the development part of an evaluation set. `fitter` may hand back an earlier fit."""
        self.taxonomy = taxonomy
        self.embedder = embedder
        self.threshold = threshold
        self.classifier: NeedClassifier | None = None
        self.codes = taxonomy.codes()
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        for need in taxonomy.needs():
            for phrase in (need.label, *need.synonyms):
                key = phrase_key(phrase)
                if key and need.code not in self._phrases.setdefault(key, []):
                    self._phrases[key].append(need.code)
        self._longest = max((len(k) for k in self._phrases), default=1)
        self._owner = self._owned = self._starts = np.zeros(0, dtype=int)
        self._prototypes = np.zeros((1, 0), dtype=np.float32)  # dim x prototypes
        if embedder is not None:
            texts, owner = [], []
            for j, need in enumerate(taxonomy.needs()):
                for text in dict.fromkeys(
                    [need.label, need.description, *need.synonyms, *examples.get(need.code, ())]
                ):
                    if text:
                        texts.append(text)
                        owner.append(j)
            # Kept transposed and contiguous: (parts x dim) @ this is a plain product that BLAS does
            # in microseconds; against a transposed view OpenBLAS took ~30 ms on a busy 2-core host.
            self._prototypes = np.ascontiguousarray(embedder.encode(texts).T)
            self._owner = np.asarray(owner)
            # Each need's prototypes sit side by side (they are listed need by need), so the best
            # per need is one reduceat over column runs, not a mask per need (~9 ms a statement).
            self._owned, self._starts = np.unique(self._owner, return_index=True)
            self.classifier = self._train(texts, owner, statements, fitter)

    def _train(
        self,
        texts: list[str],
        owner: list[int],
        statements: Sequence[tuple[str, Sequence[str]]],
        fitter: Fitter,
    ) -> NeedClassifier:
        said: dict[str, set[str]] = {}
        for text, j in zip(texts, owner, strict=True):
            said.setdefault(text, set()).add(self.codes[j])
        known = set(self.codes)
        for text, needs in statements:
            if text:
                said.setdefault(text, set()).update(n for n in needs if n in known)
        train = list(said)

        def fit() -> NeedClassifier:
            vectors = dict(zip(texts, self._prototypes.T, strict=True))
            fresh = [text for text in train if text not in vectors]
            if fresh:
                vectors.update(zip(fresh, self.embedder.encode(fresh), strict=True))
            return NeedClassifier(
                self.codes, train, np.stack([vectors[t] for t in train]), [said[t] for t in train]
            )

        # The vectors are the model's: its name stands for them (the code that runs it is the
        # fitter's business, as is every other line of this library).
        inputs = {
            "said": [[text, sorted(said[text])] for text in train],
            "codes": self.codes,
            "model": getattr(self.embedder, "name", type(self.embedder).__name__),
        }
        return fitter("person-needs", inputs, fit)

    # -- the readers ---------------------------------------------------------------------------
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

        # the word allowed inside a phrase stays inside one clause: "lost his purpose, wife says
        # he's under her feet" has not lost his wife
        parts = [tokens(part) for part in _CLAUSE_BREAK.split(text or "")]
        words = [word for part in parts for word in part]
        clause = [i for i, part in enumerate(parts) for _ in part]
        for start in range(len(words)):
            if _negated(words, start):
                continue
            for n in range(1, self._longest + 1):
                gram = tuple(words[start : start + n])
                if len(gram) == n:
                    add(gram, float(n), gram)
            for n in range(3, self._longest + 2):
                window = tuple(words[start : start + n])
                if len(window) == n and clause[start] == clause[start + n - 1]:
                    for k in range(1, n - 1):
                        add(window[:k] + window[k + 1 :], n - 1.5, window)
        return found

    def meaning(
        self, text: str, masked: np.ndarray | None = None
    ) -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray]:
        """Per need: the best similarity of the words (or one clause of them) to its examples, the
        clause that gave it, the classifier's probability for the words as a whole, and its best
        probability for one clause of them."""
        if self.embedder is None or self.classifier is None or not text.strip():
            zeros = np.zeros(len(self.codes))
            return zeros, [""] * len(self.codes), zeros, zeros
        parts = list(dict.fromkeys([text.strip(), *clauses(text)]))
        vectors = self.embedder.encode(parts)
        sims = vectors @ self._prototypes  # parts x prototypes
        per_need = np.full((len(parts), len(self.codes)), -1.0)
        per_need[:, self._owned] = np.maximum.reduceat(sims, self._starts, axis=1)
        probabilities = self.classifier.probabilities(parts, vectors)
        masked = (self.context(parts) if masked is None else masked).copy()
        denied = masked[1:].all(1)
        if denied.any():
            # "no drink problem, just lonely": the words as a whole still say lonely, only not
            # what the denied clause itself reads as.
            masked[0] |= (probabilities[1:][denied] >= DENIED_READING).any(0)
        per_need[masked] = -1.0
        probabilities[masked] = 0.0
        # Each thing a person says may be about a different need ("low, and the heating's off"):
        # a clause is compared on its own, and the best clause counts for its need.
        best = per_need.max(0)
        where = [parts[int(i)] for i in per_need.argmax(0)]
        return best, where, probabilities[0], probabilities.max(0)

    def context(self, parts: Sequence[str], put_aside: set[str] | None = None) -> np.ndarray:
        """parts x needs, True where that part may not give that need: a clause that denies it,
        says it is over or is about someone else (need_context.py), or that the person puts aside
        (`put_aside`: `_put_aside` of the first part unless given). The words as a whole (the first
        part) may not give a need any clause says of someone else or of the past; its other clauses
        still may. A denied clause rules out every need in itself (see `meaning` for the whole)."""
        known = frozenset(self.codes)
        masked = np.zeros((len(parts), len(self.codes)), dtype=bool)
        if put_aside is None:
            put_aside = _put_aside(parts[0]) if parts else set()
        for i, part in enumerate(parts):
            if part in put_aside:
                masked[i] = True
                continue
            if i > 1 and is_gloss(parts[i - 1], part):
                masked[i] = masked[i - 1]  # "Not DA (domestic abuse)": the gloss is as denied
                continue
            for code in context_codes(part, known):
                masked[i, self.codes.index(code)] = True
        if len(parts) > 1:
            masked[0] = masked[1:][~masked[1:].all(1)].any(0)
        if parts and death_to_come(parts[0]) and "bereavement" in self.codes:
            masked[:, self.codes.index("bereavement")] = True  # grief to come is no bereavement yet
        return masked

    # -- the answer ----------------------------------------------------------------------------
    def infer(
        self,
        text: str | None,
        limit: int = MAX_NEEDS,
        age: int | None = None,
        ticked: Sequence[str] = (),
    ) -> list[InferredNeed]:
        """`age` (else one the words state) rules out an age group's need it contradicts (a
        10-year-old's "after school club" is not a need of later life), and in AGE_STATED_NEEDS'
        ranges is itself a need: a service for older people suits a 78-year-old. `ticked`: the
        circumstances the link worker ticked; a carer ticked has the carers' need whatever the
        words dwell on ("mum keeps forgetting, left the gas on; daughter working, shattered")."""
        text = in_words((text or "").strip())
        if not text:
            return []
        age_words = ""
        if age is None:
            stated = read_age(text)
            if stated is not None:
                age, age_words = stated
        parts = list(dict.fromkeys([text, *clauses(text)]))
        put_aside = _put_aside(text)
        masked = self.context(parts, put_aside)
        phrases = self._own_phrases(text, parts[1:], masked[1:])
        # The words that say the person is caring today ("I'm round there every day doing
        # everything for her") name the carers' need as surely as a phrase: on the development
        # parts, 22 of 23 people they found had it. Caring that has ended ("after years caring for
        # her mum, now in a care home") leaves the need to the meaning of the words.
        # (not from what the person put aside: "the flat's damp, but that's in hand")
        own_words = " . ".join(p for p in clauses(text) if p not in put_aside) if put_aside else text
        carer_words = caring_now(own_words) if "carers" in self.codes else None
        if carer_words and "carers" not in phrases:
            phrases["carers"] = (CARER_WORDS_STRENGTH, [carer_words])
        for read, codes, strength in _WORDS_THAT_NAME_A_NEED:
            wanted = [code for code in codes if code in self.codes and code not in phrases]
            words = read(own_words) if wanted else None
            if words:
                for code in wanted:
                    phrases[code] = (strength, [words])
        sims, where, whole, by_clause = self.meaning(text, masked)
        probabilities = np.maximum(whole, CLAUSE_SHARE * by_clause)
        similarity = np.clip((sims - SIMILARITY_FLOOR) / SIMILARITY_SPAN, 0.0, 1.0)
        scores = CLASSIFIER_SHARE * probabilities + (1.0 - CLASSIFIER_SHARE) * similarity
        someone_else = any(code in phrases for code in CARER_CODES) or any(
            scores[self.codes.index(code)] >= self.threshold or code in phrases
            for code in OTHERS_CONDITION_CODES
            if code in self.codes
        )
        if someone_else:
            # "her husband has dementia", "lost him to cancer": the condition is the cared-for or
            # lost person's, so its name alone does not make it this person's need; the meaning
            # still may. A group for the condition they go to together is asked for by name ("the
            # memory café at Wath but it's shut"): the carer wants one again, for both of them.
            phrases = {
                code: found
                for code, found in phrases.items()
                if code not in CARED_FOR_CODES or any(_A_GROUP.search(words) for words in found[1])
            }
        if carer_words and "domestic_abuse" in self.codes and "domestic_abuse" not in phrases:
            # "she can't leave him" beside his Parkinson's is caring, not being trapped: for a carer,
            # abuse must be said in its own words ("he hits me", "controlling"), not only sound like it
            scores[self.codes.index("domestic_abuse")] = 0.0
        fallback = -1
        if (
            not phrases
            and len(scores)
            and scores.max() < self.threshold
            and scores.max() >= FALLBACK_THRESHOLD
        ):
            fallback = int(scores.argmax())
        # "wants to meet people her own age", with her age given: young or older people's groups
        own_age = _OWN_AGE.search(text)
        found = []
        for j, code in enumerate(self.codes):
            strength, said = phrases.get(code, (0.0, []))
            by_phrase = 1.0 - 0.5**strength if strength else 0.0
            by_meaning = float(scores[j]) if scores[j] >= self.threshold or j == fallback else 0.0
            by_age = (
                AGE_STATED_CONFIDENCE
                if _in_range(AGE_STATED_NEEDS.get(code), age)
                or (own_age is not None and _in_range(AGE_GROUP_NEEDS.get(code), age))
                else 0.0
            )
            if not (by_phrase or by_meaning or by_age) or not _fits_age(code, age):
                continue
            evidence = list(dict.fromkeys(said))
            if by_age and age_words and age_words not in evidence:
                evidence.append(age_words)
            if by_meaning and where[j] and not any(e in where[j] for e in evidence):
                evidence.append(where[j])
            found.append(InferredNeed(code, round(max(by_phrase, by_meaning, by_age), 3), tuple(evidence)))
        found.sort(key=lambda n: (-n.confidence, self.codes.index(n.code)))
        found = found[:limit]
        # each ticked need takes the place of the least sure need read, never of another ticked one
        from_ticks = [
            InferredNeed(code, TICKED_CONFIDENCE, (f"ticked: {circumstance}",))
            for circumstance, code in TICKED_NEEDS.items()
            if circumstance in ticked and code in self.codes and all(n.code != code for n in found)
        ]
        if from_ticks:
            found = [*found[: max(0, limit - len(from_ticks))], *from_ticks][:limit]
        return found

    def _own_phrases(
        self, text: str, parts: Sequence[str], masked: np.ndarray
    ) -> dict[str, tuple[float, list[str]]]:
        """The phrases, less those of a need said only in clauses that rule it out ("her husband's
        diabetes", "the debts are sorted now"); `masked`: clauses x needs, as `context` gives them."""
        found = self.phrases(text)
        if not found or not masked.any():
            return found
        kept = {}
        for code, said in found.items():
            column = self.codes.index(code)
            if not masked[:, column].any():
                kept[code] = said
                continue
            own = [p for p, ruled_out in zip(parts, masked[:, column], strict=True) if not ruled_out]
            again = self.phrases(" . ".join(own)).get(code) if own else None
            if again:
                kept[code] = again
        return kept

    def infer_codes(self, text: str | None, limit: int = MAX_NEEDS, age: int | None = None) -> list[str]:
        return [n.code for n in self.infer(text, limit, age)]


# Needs that belong to an age group: (youngest, oldest) a person may be to have them.
AGE_GROUP_NEEDS = {"older_people": (50, None), "young_people": (None, 30)}


# Ages at which the age group's need is read from the age alone (on the development part, 9 of
# 10 people 65 or over had the older people's need, and all 8 aged 13 to 22 the young people's).
AGE_STATED_NEEDS = {"older_people": (65, None), "young_people": (13, 22)}
AGE_STATED_CONFIDENCE = 0.6
_OWN_AGE = re.compile(
    r"\b(?:people|others|folk|friends|mates|someone|women|men|lads|girls)\s+(?:of\s+)?(?:my|her|his|their)\s+(?:own\s+)?age\b|"
    r"\b(?:my|her|his|their)\s+own\s+age\b",
    re.I,
)
CARER_CODES = ("carers",)
# as a two-word phrase; words saying someone has no home or owes money count the same
CARER_WORDS_STRENGTH = 2.0
# Words that say someone controls or attacks the person weigh as a three-word phrase: a person's
# safety is not to fall below the fifth of their needs ("partner 'goes for him'" among debt, drink,
# rent and sleep).
CONTROL_WORDS_STRENGTH = 3.0
# A circumstance ticked that is itself a need: a carer's (the box says they care, so support for
# carers suits them) and a new or expecting parent's (a baby group suits them), sure enough
# (engine.UNMET_SURETY) that a carer with none in reach is told so.
TICKED_NEEDS = {"carers": "carers", "pregnant_new_parents": "family_parenting"}
TICKED_CONFIDENCE = 0.75


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _put_aside(text: str) -> set[str]:
    """The clauses of `text` that a later one puts aside (need_context.DISMISSES_WHAT_CAME_BEFORE):
    those before it in its sentence, or the whole sentence before when it stands alone."""
    out: set[str] = set()
    before: list[str] = []
    for sentence in _SENTENCE.split(text):
        parts = clauses(sentence)
        for j, part in enumerate(parts):
            if DISMISSES_WHAT_CAME_BEFORE.search(part):
                out.update(parts[:j] if j else before)
                out.add(part)
        before = parts
    return out


def _without_a_home_or_fit_to_live_in(text: str) -> str | None:
    return without_a_home(text) or home_needs_work(text)


# Words that name a need as surely as a phrase (reader, the needs it names, its strength):
# - having nowhere to live is a housing need however it is put ("kipping on his brother's settee"
#   among other troubles), where the meaning of a long text can drown it; so is a home that needs
#   rails or a handyperson before the person can manage in it;
# - a sum owed is a debt however calmly it is put ("about £18k on cards & a loan");
# - hoarding is a mental health and a housing need, as its services are filed;
# - someone who controls or attacks the person (CONTROL_WORDS_STRENGTH).
_WORDS_THAT_NAME_A_NEED: tuple[tuple[Callable[[str], str | None], tuple[str, ...], float], ...] = (
    (_without_a_home_or_fit_to_live_in, ("housing",), CARER_WORDS_STRENGTH),
    (owing_money, ("money_debt",), CARER_WORDS_STRENGTH),
    (asks_about_benefits, ("welfare_benefits",), CARER_WORDS_STRENGTH),
    (hoarding, tuple(sorted(HOARDING_NEEDS)), CARER_WORDS_STRENGTH),
    (controlled_by_someone, ("domestic_abuse",), CONTROL_WORDS_STRENGTH),
    (someone_close_died, ("bereavement",), CARER_WORDS_STRENGTH),
)
OTHERS_CONDITION_CODES = ("carers", "bereavement")
CARED_FOR_CODES = ("long_term_conditions", "disability")
_A_GROUP = re.compile(r"\b(?:caf\w*|club|group|society)\b", re.I)
# "not lonely", "never a coffee morning person": a phrase right after these is not said of the person.
# "doesn't want counselling" still counts (the need is in play, only the offer is refused).
_NEGATORS = frozenset({"not", "isnt", "never", "nor", "wasnt", "arent", "aint", "nae", "niver"})
_FILLERS = frozenset({"a", "an", "really", "very", "too", "that", "at", "all", "definitely", "exactly"})
# Everyday phrases whose words name a need but mean something else ("our kid" is a brother or
# sister in the North; "as a kid" is the person's own childhood).
_NOT_A_NEED = (
    ("our", "kid"),
    ("as", "a", "kid"),
    ("when", "a", "kid"),
    ("energy", "company"),
    # places named for what they hold, not green space: "lives on a caravan park"
    ("car", "park"),
    ("caravan", "park"),
    ("holiday", "park"),
    ("retail", "park"),
    ("industrial", "park"),
    ("business", "park"),
    ("trailer", "park"),
    # "a few small jobs round the house" is a handyperson's work, not employment
    ("small", "job"),
    ("odd", "job"),
    # put out of a school, not out of a home: "got kicked out of sixth form"
    ("kicked", "out", "of", "school"),
    ("kicked", "out", "of", "sixth"),
    ("kicked", "out", "of", "college"),
    ("kicked", "out", "of", "class"),
    ("kicked", "out", "of", "uni"),
)


_CLAUSE_BREAK = re.compile(r"[.,;:!?()\"]+|\s[-–—]\s")


def _negated(words: list[str], start: int) -> bool:
    for pair in _NOT_A_NEED:
        for k in range(len(pair)):
            if tuple(words[start - k : start - k + len(pair)]) == pair and start - k >= 0:
                return True
    before = [w for w in words[max(0, start - 3) : start]]
    while before and before[-1] in _FILLERS:
        before.pop()
    return (
        bool(before) and before[-1] in _NEGATORS and len(words[max(0, start - 3) : start]) - len(before) <= 2
    )


def _in_range(bounds: tuple[int | None, int | None] | None, age: int | None) -> bool:
    if bounds is None or age is None:
        return False
    low, high = bounds
    return (low is None or age >= low) and (high is None or age <= high)


def _fits_age(code: str, age: int | None) -> bool:
    return age is None or _in_range(AGE_GROUP_NEEDS.get(code, (None, None)), age)
