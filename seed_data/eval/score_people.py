"""Score the person reader on one blind people set, whole: the unseen set of a session.

    .venv/bin/python seed_data/eval/score_people.py seed_data/eval/people/unseen/statements_round6.jsonl

Sets in `people/unseen/` are kept out of training and tuning (`statement_files` reads only the
`statements*.jsonl` directly in `people/`); a set is scored whole, once the methods are fixed, and
against the code before the session's changes (a git worktree on the path) for the comparison.
The need reader is trained as the app trains it: examples plus the development parts of the
trained sets. Scoring follows tests/matching/test_need_inference_eval.py: main-need recall, and
precision over main plus secondary needs.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from matching import NeedsTaxonomy  # noqa: E402
from matching.embeddings import load_embedder  # noqa: E402
from matching.need_classifier import development_statements  # noqa: E402
from matching.need_inference import NeedInferrer  # noqa: E402

PEOPLE = ROOT / "seed_data" / "eval" / "people"


def need_scores(items: list[dict], infer) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for item in items:
        main = set(item["needs"])
        acceptable = main | set(item.get("secondary_needs") or ())
        predicted = set(infer(item["text"]))
        counts["found"] += len(main & predicted)
        counts["missed"] += len(main - predicted)
        counts["right"] += len(predicted & acceptable)
        counts["wrong"] += len(predicted - acceptable)
        counts["none"] += not predicted
    recall = counts["found"] / max(1, counts["found"] + counts["missed"])
    precision = counts["right"] / max(1, counts["right"] + counts["wrong"])
    return {
        "people": len(items),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "no_need_inferred": counts["none"],
    }


def main(path: str) -> None:
    items = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]
    taxonomy = NeedsTaxonomy.from_dict(
        json.loads((ROOT / "directory_app" / "data" / "needs_taxonomy.json").read_text("utf-8"))
    )
    inferrer = NeedInferrer(taxonomy, load_embedder(), statements=development_statements(PEOPLE))
    print(json.dumps({"code": str(ROOT), "set": path, **need_scores(items, inferrer.infer_codes)}))


if __name__ == "__main__":
    main(sys.argv[1])
