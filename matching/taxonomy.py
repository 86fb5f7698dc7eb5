"""The needs taxonomy: codes, labels, synonyms, UKCAT links, reach, and eligibility groups.

Inference and tagging match whole words and phrases, never substrings ("art" must not fire
inside "heart"), after the light normalisation in `matching.text`. A phrase's strength is its length in words, so "lost his wife"
outweighs a stray "company"; a need's strength is the sum over the distinct phrases found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .text import ngrams, phrase_key, tokens

# Strength of one UKCAT match when tagging: a curator chose that code, so it is worth about as
# much as a two-word phrase in the description.
UKCAT_STRENGTH = 2.0


@dataclass(frozen=True)
class Need:
    code: str
    label: str
    description: str = ""
    synonyms: tuple[str, ...] = ()
    ukcat: tuple[str, ...] = ()
    reach_km: float = 5.0


class NeedsTaxonomy:
    """Immutable after construction; safe to share between threads and requests."""

    def __init__(self, needs: Iterable[Need], eligibility_groups: Iterable[tuple[str, str]] = ()):
        self._needs: dict[str, Need] = {}
        for need in needs:
            if need.code in self._needs:
                raise ValueError(f"duplicate need code {need.code!r}")
            self._needs[need.code] = need
        self._groups: dict[str, str] = dict(eligibility_groups)
        self._order = {code: i for i, code in enumerate(self._needs)}
        # phrase (tuple of normalised words) -> need codes it signals
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        for need in self._needs.values():
            for phrase in (need.label, *need.synonyms):
                key = phrase_key(phrase)
                if key and need.code not in self._phrases.setdefault(key, []):
                    self._phrases[key].append(need.code)
        self._max_len = max((len(k) for k in self._phrases), default=1)
        # One UKCAT code may serve several needs (CA101 advice: benefits and legal rights).
        self._ukcat: dict[str, list[str]] = {}
        for need in self._needs.values():
            for code in need.ukcat:
                self._ukcat.setdefault(code.upper(), []).append(need.code)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NeedsTaxonomy:
        needs = []
        for i, item in enumerate(data.get("needs") or []):
            code, label = item.get("code"), item.get("label")
            if not code or not label:
                raise ValueError(f"need #{i} has no code or label")
            reach = item.get("reach_km")
            needs.append(
                Need(
                    code=str(code),
                    label=str(label),
                    description=str(item.get("description") or ""),
                    synonyms=tuple(str(s) for s in item.get("synonyms") or ()),
                    ukcat=tuple(str(u) for u in item.get("ukcat") or ()),
                    reach_km=float(reach) if reach is not None else 5.0,
                )
            )
        groups = []
        for item in data.get("eligibility_groups") or []:
            if not item.get("code"):
                raise ValueError("eligibility group without a code")
            groups.append((str(item["code"]), str(item.get("label") or item["code"])))
        return cls(needs, groups)

    # -- lookups ---------------------------------------------------------------------------
    def codes(self) -> list[str]:
        return list(self._needs)

    def __contains__(self, code: object) -> bool:
        return code in self._needs

    def need(self, code: str) -> Need:
        return self._needs[code]

    def needs(self) -> list[Need]:
        return list(self._needs.values())

    def label(self, code: str) -> str:
        """The need's label; an unknown code is returned unchanged rather than failing a page."""
        need = self._needs.get(code)
        return need.label if need else code

    def synonyms(self, code: str) -> list[str]:
        need = self._needs.get(code)
        return list(need.synonyms) if need else []

    def reach_km(self, code: str, default: float = 5.0) -> float:
        need = self._needs.get(code)
        return need.reach_km if need else default

    def reach_map(self) -> dict[str, float]:
        return {code: need.reach_km for code, need in self._needs.items()}

    def eligibility_codes(self) -> list[str]:
        return list(self._groups)

    def eligibility_label(self, code: str) -> str:
        return self._groups.get(code, code.replace("_", " "))

    # -- text ------------------------------------------------------------------------------
    def _strengths(self, text: str | None, gaps: bool = False) -> dict[str, float]:
        strengths: dict[str, float] = {}
        seen: set[tuple[str, ...]] = set()
        words = tokens(text)

        def found(gram: tuple[str, ...], strength: float) -> None:
            codes = self._phrases.get(gram)
            if codes and gram not in seen:
                seen.add(gram)
                for code in codes:
                    strengths[code] = strengths.get(code, 0.0) + strength

        for gram in ngrams(words, self._max_len):
            found(gram, len(gram))
        if gaps:
            # People say "lose some weight" and "lost touch with friends"; let one extra word sit
            # inside a phrase, at a little less strength than the exact phrase.
            for window in ngrams(words, self._max_len + 1):
                for k in range(1, len(window) - 1):
                    found(window[:k] + window[k + 1 :], len(window) - 1.5)
        return strengths

    def _ordered(self, strengths: dict[str, float]) -> list[str]:
        return sorted(strengths, key=lambda c: (-strengths[c], self._order[c]))

    def infer_needs(self, text: str | None) -> list[str]:
        """Need codes whose label or synonyms occur in `text`, strongest first.

        Written for a person's own words, so a phrase may have one extra word inside it
        ("lose some weight" finds "lose weight"); tagging a service's text stays exact.
        """
        return self._ordered(self._strengths(text, gaps=True))

    def tag_text(self, text: str | None, taxonomy_terms: Iterable[str] = ()) -> list[str]:
        """Needs a service meets, judged from its own words and its UKCAT codes.

        A UKCAT code also matches its descendants: a need listing "SW1" tags a service coded
        "SW106", because UKCAT codes extend their parent's code.
        """
        strengths = self._strengths(text)
        for term in taxonomy_terms:
            term = str(term).strip().upper()
            for length in range(len(term), 1, -1):
                codes = self._ukcat.get(term[:length])
                if codes:
                    for code in codes:
                        strengths[code] = strengths.get(code, 0.0) + UKCAT_STRENGTH
                    break
        return self._ordered(strengths)

    def expansion(self, codes: Iterable[str]) -> str:
        """Labels and synonyms of `codes` as one string, for query expansion."""
        parts = []
        for code in codes:
            need = self._needs.get(code)
            if need:
                parts.append(need.label)
                parts.extend(need.synonyms)
        return " ".join(parts)

    def synonym_groups(self) -> dict[str, list[str]]:
        """Synonyms in Meilisearch's shape: {term: [terms it should also match]}.

        Each synonym points at its need's label, and the label points at every synonym. We do not
        make all synonyms of a need mutual: a search for "company" should reach services labelled
        "loneliness and isolation", but not every service that merely says "lunch club" or
        "befriending". Documents carry their need labels, so synonym -> label reaches them.
        """
        groups: dict[str, list[str]] = {}

        def add(term: str, other: str) -> None:
            term, other = term.strip().lower(), other.strip().lower()
            if term and other and term != other:
                values = groups.setdefault(term, [])
                if other not in values:
                    values.append(other)

        for need in self._needs.values():
            for synonym in need.synonyms:
                add(synonym, need.label)
                add(need.label, synonym)
        return groups
