"""Need inference measured on the TEST part of the blind people statements (seed_data/eval/).

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
from matching.embeddings import load_embedder
from matching.need_classifier import development_statements
from matching.need_inference import NeedInferrer

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = ROOT / "seed_data" / "eval" / "people" / "statements.jsonl"
# Floors a little below what was measured when they were written: TEST main-need recall 0.782 and
# precision 0.804 with the classifier (before it, 0.688 and 0.703; phrases alone 0.465 and 0.802).
# The goals are recall 0.90 at precision 0.85; these floors record what is honestly reached.
RECALL_FLOOR = 0.76
PRECISION_FLOOR = 0.78


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


@pytest.fixture(scope="module")
def test_part() -> list[dict]:
    if not STATEMENTS.exists():
        pytest.skip("seed_data/eval/people/statements.jsonl is not there")
    items = [json.loads(line) for line in STATEMENTS.read_text().splitlines() if line.strip()]
    return [item for item in items if in_test_part(item["id"])]


def test_need_inference_on_the_test_part(test_part, real_taxonomy):
    # Trained as the app trains it: on the examples and the DEVELOPMENT statements only.
    inferrer = NeedInferrer(real_taxonomy, load_embedder(), statements=development_statements(STATEMENTS))
    ours = scores(test_part, inferrer.infer_codes)
    phrases_only = scores(test_part, real_taxonomy.infer_needs)
    print(
        f"\nneed inference on {ours['people']} TEST statements:"
        f"\n  embeddings + phrases  P {ours['precision']:.3f}  R {ours['recall']:.3f}  F1 {ours['f1']:.3f}"
        f"\n  phrases alone (old)   P {phrases_only['precision']:.3f}  R {phrases_only['recall']:.3f}"
        f"  F1 {phrases_only['f1']:.3f}"
    )
    assert ours["recall"] >= RECALL_FLOOR
    assert ours["precision"] >= PRECISION_FLOOR
    assert ours["f1"] > phrases_only["f1"]
