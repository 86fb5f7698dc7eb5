"""Compare ways of reading a service's needs, and score every understood field.

    .venv/bin/python seed_data/eval/compare_understanding.py          # development part, 5-fold CV
    .venv/bin/python seed_data/eval/compare_understanding.py --test   # final figures on the test part

On the development part the classifier is scored by 5-fold cross-validation, so no record is
scored by a model that saw its label. --test trains on all development labels and scores the
test part once; do not tune after looking at it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from directory_app.directory.understanding import areas, labelled_sets  # noqa: E402
from directory_app.needs import taxonomy  # noqa: E402
from matching.understanding import ClassifierNeeds, KeywordNeeds, Understander, normalise  # noqa: E402
from matching.understanding.evaluate import is_test, score, set_scores  # noqa: E402


def embedding_reader():
    """The offline sentence-embedding model, when matching/embeddings.py provides one."""
    try:
        from matching import embeddings  # noqa: F401
    except ImportError:
        return None
    try:
        return embeddings.load_embedder().encode
    except Exception:  # the model package is not installed here
        pass
    for name in ("embed", "encode", "embed_texts"):
        if hasattr(embeddings, name):
            return getattr(embeddings, name)
    model_cls = getattr(embeddings, "EmbeddingModel", None)
    if model_cls is not None:
        model = model_cls.load() if hasattr(model_cls, "load") else model_cls()
        return getattr(model, "embed", None) or getattr(model, "encode", None)
    return None


def folds(items: list, k: int = 5):
    for i in range(k):
        yield [x for j, x in enumerate(items) if j % k != i], [x for j, x in enumerate(items) if j % k == i]


def run(final: bool) -> dict:
    sets = labelled_sets()
    tax, lookup = taxonomy(), areas()
    pairs = [p for v in sets.values() for p in v]
    dev = [p for p in pairs if not is_test(str(p[1]["id"]))]
    test = [p for p in pairs if is_test(str(p[1]["id"]))]
    # (train, evaluate) rounds: CV folds over dev, or dev → test once.
    rounds = [(dev, test)] if final else list(folds(dev))
    methods = {"keyword": [], "classifier": [], "hybrid": [], "embedding": []}
    gold, summaries = [], []
    embed = embedding_reader()
    for train, held in rounds:
        records = [normalise(r) for r, _ in held]
        gold += [label for _, label in held]
        methods["keyword"] += [list(p) for p in KeywordNeeds(tax).predict(records)]
        clf = ClassifierNeeds(tax).fit(
            [normalise(r) for r, _ in train], [label["needs"] for _, label in train]
        )
        methods["classifier"] += [list(p) for p in clf.predict(records)]
        understood = Understander(tax, lookup, clf).understand_many(records)
        methods["hybrid"] += [u.need_codes() for u in understood]
        summaries += [u.summary() for u in understood]
        if embed is not None:
            from matching.understanding import EmbeddingNeeds

            methods["embedding"] += [list(p) for p in EmbeddingNeeds(tax, embed).predict(records)]
    out = {
        "part": "test" if final else "development (5-fold CV)",
        "n": len(gold),
        "embeddings": "matching.embeddings" if embed else "not available",
    }
    for name, predicted in methods.items():
        if predicted:
            out[f"needs_{name}"] = set_scores(predicted, [g["needs"] for g in gold])[0]
    out["fields"] = score(summaries, gold, lookup)
    return out


if __name__ == "__main__":
    print(json.dumps(run("--test" in sys.argv), indent=1))
