"""Need inference measured on the TEST part of the blind people statements (seed_data/eval/people/
statements*.jsonl: five rounds, each by its own annotator).

The split is fixed by seed_data/eval/README.md (sha1 of the id, mod 5 in {0, 1} is TEST); the
method's thresholds and example statements were chosen on the DEV part only, and its classifier
learns from the DEV part only. Run with -s to see the figures. Main-need recall: of the needs the
annotator marked as the person's main needs, the share we infer. Precision: of the needs we infer,
the share the annotator marked as main or secondary (a secondary need is a real need, not a mistake).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from matching import NeedsTaxonomy
from matching.need_classifier import SCORED_ONLY, development_statements, statement_files
from matching.need_inference import NeedInferrer
from tests.conftest import once

# No database at all: run once, on SQLite. (Until session 53 make test ran it in its PostgreSQL
# half, then the last of its three processes to end; the SQLite process that runs it now ended a
# minute before the others.)
pytestmark = once

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ROOT / "seed_data" / "eval" / "people"
# Floors a little below what was measured on the three sets' TEST parts together (292 people):
# main-need recall 0.824 and precision 0.786 (F1 0.805; before clauses of context were read, R 0.835
# / P 0.776; round 3 alone, whose annotator wrote after the method was built, P 0.781 / R 0.763).
# With round 5's test part (1 December 2026, 96 people by a fifth annotator, who labels fewer
# needs per person): round 5 alone P 0.672 / R 0.835, all four 388 people P 0.753 / R 0.835.
# With rounds 4 and 7's test parts (5 December 2026: round 4 the unseen set until then, round 7 by a
# seventh annotator; both scored, not learnt from: need_classifier.SCORED_ONLY): round 4 alone
# P 0.614 / R 0.843, round 7 P 0.617 / R 0.835, all six 511 people P 0.720 / R 0.840.
# The goals are recall 0.90 at precision 0.85; these floors record what is honestly reached.
RECALL_FLOOR = 0.80
PRECISION_FLOOR = 0.70


def in_test_part(item_id: str) -> bool:
    return int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 5 in (0, 1)


def scores(items: list[dict], predict) -> dict[str, float]:
    found = missed = right = wrong = 0
    for item in items:
        main = set(item["needs"])
        acceptable = main | set(item.get("secondary_needs") or ())
        predicted = set(predict(item["text"]))
        found += len(main & predicted)
        missed += len(main - predicted)
        right += len(predicted & acceptable)
        wrong += len(predicted - acceptable)
    recall = found / max(found + missed, 1)
    precision = right / max(right + wrong, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": precision, "recall": recall, "f1": f1, "people": len(items)}


@pytest.fixture(scope="module")
def real_taxonomy() -> NeedsTaxonomy:
    return NeedsTaxonomy.from_dict(
        json.loads((ROOT / "directory_app" / "data" / "needs_taxonomy.json").read_text("utf-8"))
    )


def read_sets() -> dict[str, list[dict]]:
    return {
        file.stem: [json.loads(line) for line in file.read_text("utf-8").splitlines() if line.strip()]
        for file in statement_files(PEOPLE)
    }


@pytest.fixture(scope="module")
def test_parts() -> dict[str, list[dict]]:
    sets = read_sets()
    if not sets:
        pytest.skip("seed_data/eval/people/statements*.jsonl are not there")
    return {name: [item for item in items if in_test_part(item["id"])] for name, items in sets.items()}


def test_training_reads_every_learnt_set_but_never_a_test_item(tmp_path):
    sets = read_sets()
    if len(sets) < 2:
        pytest.skip("needs both people sets")
    learned = {text for text, _ in development_statements(PEOPLE)}
    for name, items in sets.items():
        development = {i["text"] for i in items if not in_test_part(i["id"])}
        if f"{name}.jsonl" in SCORED_ONLY:
            assert not development & learned
        else:
            assert development <= learned
        assert not {i["text"] for i in items if in_test_part(i["id"])} & learned
    # A fresh clone without the evaluation data: nothing to learn from, and no error.
    assert development_statements(tmp_path / "missing") == []
    assert development_statements(tmp_path) == []


def test_need_inference_on_the_test_part(test_parts, real_taxonomy, app_need_inferrer):
    # Trained as the app trains it: on the examples and every set's DEVELOPMENT statements only.
    inferrer = app_need_inferrer
    lines = []
    everyone = [item for part in test_parts.values() for item in part]
    inferred = {item["text"]: inferrer.infer_codes(item["text"]) for item in everyone}
    for name, items in [*test_parts.items(), ("combined", everyone)]:
        ours = scores(items, inferred.__getitem__)
        phrases_only = scores(items, real_taxonomy.infer_needs)
        lines.append(
            f"\n  {name:18} {ours['people']:3} people  P {ours['precision']:.3f}  R {ours['recall']:.3f}"
            f"  F1 {ours['f1']:.3f}   (phrases alone P {phrases_only['precision']:.3f}"
            f"  R {phrases_only['recall']:.3f}  F1 {phrases_only['f1']:.3f})"
        )
    print("\nneed inference on the TEST parts:" + "".join(lines))
    assert ours["recall"] >= RECALL_FLOOR
    assert ours["precision"] >= PRECISION_FLOOR
    assert ours["f1"] > phrases_only["f1"]


def test_a_denied_feeling_names_no_need_but_a_refused_offer_still_does(real_taxonomy):
    words_only = NeedInferrer(real_taxonomy)
    assert "loneliness" not in words_only.infer_codes("not lonely, just bored")
    assert "loneliness" in words_only.infer_codes("lonely, just bored")
    assert "mental_wellbeing" in words_only.infer_codes("doesn't want counselling")
    assert "family_parenting" not in words_only.infer_codes("our kid lives in Spain now")


def test_an_old_parent_living_with_the_person_is_no_parenting_need(app_need_inferrer):
    for words in ("Mum (80) moved in with us after her fall.", "Dad, 84, lives with us now, forgetful"):
        read = app_need_inferrer.infer_codes(words)
        assert "family_parenting" not in read and "bereavement" not in read, words
    assert "bereavement" in app_need_inferrer.infer_codes("Dad, 84, died in March, she can't stop crying")
