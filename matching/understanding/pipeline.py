"""The understanding step: a service record (plain dict) in, an Understanding out."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..fitting import Fitter, fit_now
from ..taxonomy import NeedsTaxonomy
from .ages import (
    CHILD_UNDER_SCHOOL_AGE,
    FAMILY_SESSION_UP_TO,
    find_ages,
    for_parents_and_little_ones,
    one_way_in,
)
from .areas import AreaLookup
from .conditions import find_situations
from .dated_run import find_run_end
from .exclusions import find_exclusions
from .groups import find_groups
from .needs import ClassifierNeeds, need_text, phrase_hits, taxonomy_examples, ukcat_codes
from .practice import find_practice_limit
from .reach import find_area_wide, find_residency, find_works_in
from .record import Record, normalise
from .result import Finding, Understanding
from .rules import find_capacity, find_closed, find_cost, find_delivery, find_wheelchair
from .schedule import find_schedule
from .season import find_season
from .time_windows import find_time_windows
from .turned_away import area_entry, find_areas_turned_away

# Chosen on the development labels by 5-fold cross-validation (docs/understanding.md): a need is
# kept when the classifier is confident, or fairly confident and the text also uses one of the
# need's own phrases, or leans that way (a UKCAT code is weak evidence, never enough alone). Since
# the reader learns from all 27 development regions, 0.7 rather than 0.6: on the nine regions it
# never saw, precision 0.857 -> 0.866 for recall 0.870 -> 0.849 (session 33).
SURE = 0.7
WITH_PHRASE = 0.3
WITH_UKCAT = 0.1
# The least the classifier may rate the one need a record's words name when it would otherwise
# be read as meeting none (chosen on the development regions, docs/understanding.md).
NAMED_ALONE = 0.15
# A record no words or sure reading place under any need ("Samaritans: someone to listen, any time,
# day or night") is missing from every match: its most likely need stands if it is this likely.
LIKELIEST_ALONE = 0.35
MAX_NEEDS = 4
# A publisher's own categories ticked generously ("Older People" on a dementia café, a stroke club
# and a boat trip alike) say little of any one record. Across a batch, a local term whose need the
# records' own words bear out for fewer than half of those that carry it is left out of the need
# reading; a standard vocabulary (Open Eligibility, esd) is always read.
LOOSE_TERM_RECORDS = 8
LOOSE_TERM_SHARE = 0.5
_STANDARD_VOCABULARIES = frozenset({"openeligibility", "esd", "ukcat", "oruk"})
DENIED_SURE = 0.9
# An export's maximum_age of 99 or more (99, 100, 120) means no upper limit; nobody sets a real one
# that high.
NO_UPPER_AGE = 99
OLDEST_AGE = 120


# Words that offer help with benefits themselves, beside a service for people on them.
_HELP_WITH_BENEFITS = re.compile(
    r"\b(?:advice|advis\w+|appl(?:y|ying|ication)|claim\w*|entitle\w*|appeals?|tribunal|forms?|benefits?\s+checks?|"
    r"better[- ]off|calculat\w+|welfare\s+rights|income\s+maximi[sz]\w+|grants?|awards?)\b",
    re.I,
)


class Understander:
    """Built once (taxonomy, area table, trained need reader) and shared; holds no per-record state."""

    def __init__(
        self,
        taxonomy: NeedsTaxonomy,
        areas: AreaLookup | None = None,
        classifier: ClassifierNeeds | None = None,
        sure: float = SURE,
        with_phrase: float = WITH_PHRASE,
        with_ukcat: float = WITH_UKCAT,
    ):
        self.taxonomy = taxonomy
        self.areas = areas
        self.classifier = classifier
        self.sure, self.with_phrase, self.with_ukcat = sure, with_phrase, with_ukcat
        self._ukcat: dict[str, list[str]] = {}
        for need in taxonomy.needs():
            for code in need.ukcat:
                self._ukcat.setdefault(code.upper(), []).append(need.code)

    @classmethod
    def trained(
        cls,
        taxonomy: NeedsTaxonomy,
        examples: Iterable[tuple[dict[str, Any], Sequence[str]]],
        areas: AreaLookup | None = None,
        fitter: Fitter = fit_now,
        **kwargs: Any,
    ) -> Understander:
        """Fit the need classifier on (record, need codes) pairs plus the taxonomy's own words;
        ``fitter`` may hand back an earlier fit of the same pairs and words instead."""
        pairs = [(record, list(codes)) for record, codes in examples]

        def fit() -> ClassifierNeeds:
            return ClassifierNeeds(taxonomy).fit([normalise(r) for r, _ in pairs], [c for _, c in pairs])

        inputs = {"examples": pairs, "taxonomy": taxonomy_examples(taxonomy), "codes": taxonomy.codes()}
        classifier = fitter("service-needs", inputs, fit)
        return cls(taxonomy, areas, classifier, **kwargs)

    def understand(self, record: dict[str, Any] | Record) -> Understanding:
        return self.understand_many([record])[0]

    def understand_many(
        self, records: Sequence[dict[str, Any] | Record], loose: frozenset[tuple[str, str]] | None = None
    ) -> list[Understanding]:
        """One call per import batch: the classifier scores the whole batch at once. `loose`: the
        feed's loosely ticked terms (`loose_terms` over the whole feed); without it they are found
        in `records` alone, which then must be the whole feed for every record to read the same."""
        flat = [r if isinstance(r, Record) else normalise(r) for r in records]
        needs = self._needs(flat, self.loose_terms(flat) if loose is None else loose)
        return [self._one(record, found) for record, found in zip(flat, needs, strict=True)]

    # -- needs ---------------------------------------------------------------------------
    def _ukcat_needs(self, record: Record) -> dict[str, str]:
        out: dict[str, str] = {}
        for term in ukcat_codes(record):
            for length in range(len(term), 1, -1):
                if term[:length] in self._ukcat:
                    for code in self._ukcat[term[:length]]:
                        out.setdefault(code, term)
                    break
        return out

    def loose_terms(self, feed: Sequence[dict[str, Any] | Record]) -> frozenset[tuple[str, str]]:
        """The feed's local terms that name a need its records' own words seldom bear out."""
        records = [r if isinstance(r, Record) else normalise(r) for r in feed]
        carriers: dict[tuple[str, str], list[int]] = defaultdict(list)
        named: dict[tuple[str, str], set[str]] = {}
        for i, record in enumerate(records):
            for term in record.terms:
                if term.vocabulary in _STANDARD_VOCABULARIES or term.classifies_the_charity or not term.name:
                    continue
                key = (term.vocabulary, term.name.lower())
                if key not in named:
                    named[key] = set(phrase_hits(self.taxonomy, term.name)[0])
                if named[key] and (not carriers[key] or carriers[key][-1] != i):
                    carriers[key].append(i)
        frequent = {key: rows for key, rows in carriers.items() if len(rows) >= LOOSE_TERM_RECORDS}
        if not frequent:
            return frozenset()
        rows = sorted({i for found in frequent.values() for i in found})
        bare = [replace(records[i], terms=[]) for i in rows]
        codes = self.taxonomy.codes()
        said = {
            row: set(phrase_hits(self.taxonomy, need_text(record))[0])
            for row, record in zip(rows, bare, strict=True)
        }
        if self.classifier is not None:
            for row, p in zip(rows, self.classifier.probabilities(bare), strict=True):
                said[row] |= {code for j, code in enumerate(codes) if p[j] >= self.sure}
        return frozenset(
            key
            for key, found in frequent.items()
            if sum(1 for i in found if said[i] & named[key]) < LOOSE_TERM_SHARE * len(found)
        )

    def _needs(self, records: list[Record], loose: frozenset[tuple[str, str]]) -> list[list[Finding]]:
        if loose:
            records = [
                replace(r, terms=[t for t in r.terms if (t.vocabulary, t.name.lower()) not in loose])
                for r in records
            ]
        probs = self.classifier.probabilities(records) if self.classifier and records else None
        out = []
        for i, record in enumerate(records):
            text = need_text(record)
            hits, denied = phrase_hits(self.taxonomy, text)
            ukcat = self._ukcat_needs(record)
            found = []
            for j, code in enumerate(self.taxonomy.codes()):
                if probs is not None:
                    p = float(probs[i, j])
                    keep = (
                        p >= self.sure
                        or (p >= self.with_phrase and code in hits)
                        or (p >= self.with_ukcat and code in ukcat)
                    )
                else:  # no trained reader: the taxonomy's phrases, which the text must contain
                    p = min(0.9, 0.5 + 0.1 * len(hits.get(code, [])))
                    keep = code in hits
                # "Not a social club": what the words deny needs the classifier very sure
                if not keep or (code in denied and code not in hits and p < DENIED_SURE):
                    continue
                words = hits.get(code) or (self.classifier.top_words(record, code) if self.classifier else [])
                evidence = ", ".join(f'"{w}"' for w in words[:4])
                if code in ukcat:
                    evidence += f"{'; ' if evidence else ''}UKCAT {ukcat[code]} (weak)"
                found.append(Finding(code, p, "text", evidence))
            if not found and probs is not None:
                found = self._best_guess(record, hits, probs[i])
            found.sort(key=lambda f: -f.confidence)
            out.append(found[:MAX_NEEDS])
        return out

    def _best_guess(self, record: Record, hits: dict[str, list[str]], probs: Any) -> list[Finding]:
        """A record read as meeting no need is missing from every match: the need its words name
        that the classifier rates highest still stands ("Women-only swim session": exercise), or
        failing that the classifier's likeliest need, if likely enough."""
        codes = self.taxonomy.codes()
        named = [(float(probs[codes.index(code)]), code) for code in hits if code in codes]
        if named and max(named)[0] >= NAMED_ALONE:
            p, code = max(named)
            return [Finding(code, p, "text", ", ".join(f'"{w}"' for w in hits[code][:4]))]
        best = max(range(len(codes)), key=lambda j: float(probs[j]))
        if float(probs[best]) < LIKELIEST_ALONE or self.classifier is None:
            return []
        code = codes[best]
        words = self.classifier.top_words(record, code)
        return [Finding(code, float(probs[best]), "text", ", ".join(f'"{w}"' for w in words[:4]))]

    # -- everything else -------------------------------------------------------------------
    def _one(self, record: Record, needs: list[Finding]) -> Understanding:
        out = Understanding(needs=needs)
        # The publisher's own age fields are taken as given (ORUK round trips keep them), except
        # the 0 and 99/120 an export writes for "no limit", and a directory platform's stamp: 18
        # to an age nobody reaches (125, 999) on a lunch club, a pantry and Citizens Advice alike.
        # Then the words say whether there is an age. (18 to 99 is a person writing "adults".)
        placeholder_max = record.max_age is not None and record.max_age >= NO_UPPER_AGE
        stamped = record.max_age is not None and record.max_age > OLDEST_AGE
        min_age = record.min_age
        if not min_age or min_age >= NO_UPPER_AGE or (stamped and min_age <= 18):
            min_age = None
        max_age = None if record.max_age is None or placeholder_max else record.max_age
        # A parents' group's age fields are its babies' ("Bumps & Babies", 0 to 1), and a family
        # session's from birth its children's ("Dads' Club, children 0-11"): the parent who brings
        # them is not held to them, and no other age is stated.
        under_school = max_age is not None and max_age <= CHILD_UNDER_SCHOOL_AGE
        from_birth = max_age is not None and max_age <= FAMILY_SESSION_UP_TO and (min_age or 0) <= 1
        words = " ".join(record.texts.get(field, "") for field in ("name", "eligibility", "description"))
        if (under_school or from_birth) and for_parents_and_little_ones(words):
            min_age = max_age = None
        if min_age is not None and one_way_in(words, min_age):
            min_age = None
        if min_age is not None or max_age is not None:
            if min_age is not None:
                out.min_age = Finding(min_age, 0.95, "minimum_age", str(min_age))
            if max_age is not None:
                out.max_age = Finding(max_age, 0.95, "maximum_age", str(max_age))
        else:
            for field in ("eligibility", "name", "description"):
                low, high, words = find_ages(record.texts.get(field, ""))
                if low is not None or high is not None:
                    out.min_age = Finding(low, 0.85, field, words) if low is not None else None
                    out.max_age = Finding(high, 0.85, field, words) if high is not None else None
                    break
        out.groups = find_groups(record)
        out.situations = find_situations(record)
        if any(f.value == "benefits" for f in out.situations) and not _HELP_WITH_BENEFITS.search(
            " ".join(record.texts.get(field, "") for field in ("name", "eligibility", "description"))
        ):
            # "£1 a session for residents on benefits": benefits say who may come, not what it helps with
            out.needs = [f for f in out.needs if f.value != "welfare_benefits"]
        # a place the record turns away is not one its users must live in ("Trafford residents
        # only. Not for Salford residents", "open to all except residents of Stretford")
        turned_away = find_areas_turned_away(record, self.areas)
        refused = {area_entry(f.value) for f in turned_away}
        out.residency = [f for f in find_residency(record, self.areas) if f.value not in refused]
        out.works_in = find_works_in(record, self.areas)
        out.delivery = find_delivery(record)
        out.area_wide = find_area_wide(record, out.delivery, out.residency, out.works_in, self.areas)
        out.cost = find_cost(record)
        out.wheelchair = find_wheelchair(record)
        out.schedule = find_schedule(record)
        out.capacity = find_capacity(record)
        out.closed = find_closed(record)
        out.time_windows = find_time_windows(record)
        out.season = find_season(record)
        out.runs_until = find_run_end(record)
        out.exclusions = find_exclusions(record) + turned_away
        out.practice = find_practice_limit(record, self.areas)
        return out
