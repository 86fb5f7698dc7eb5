"""Compare ways of reading a service's needs, and score every understood field.

    .venv/bin/python seed_data/eval/compare_understanding.py            # development, 5-fold CV
    .venv/bin/python seed_data/eval/compare_understanding.py --test     # the test part, once
    .venv/bin/python seed_data/eval/compare_understanding.py --unseen   # the unseen region, once
    .venv/bin/python seed_data/eval/compare_understanding.py --region em  # a new region's labels, unread
    ... --labelled-only   # train only on the LABELLED sets' parts (the training before issue #15)
    ... --north-east-only # train on the North East alone of the development regions (shipped until session 33)
    ... --embeddings   # also score the sentence-embedding similarity reader (slow: encodes every record)

Development is the development parts of the LABELLED sets and the development regions whole, scored
by 5-fold cross-validation with each set spread over the five folds, so no record is scored by a
model that saw its label; each fold trains on the other folds of what the app learns from
(labelled.trained_pairs: the LABELLED sets' parts and TRAINED_REGIONS). --test trains on all of that
and scores the test part of each LABELLED set (the regions have none); --unseen does the same on a
directory from a region that no rule, phrase or setting was written on (its whole set and its test
part). Do not tune after either.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from directory_app.directory.england import main_authorities  # noqa: E402
from directory_app.directory.understanding import areas  # noqa: E402
from directory_app.needs import taxonomy  # noqa: E402
from matching.understanding import ClassifierNeeds, KeywordNeeds, Understander, normalise  # noqa: E402
from matching.understanding.evaluate import is_test, score, set_scores  # noqa: E402
from seed_data.eval.labelled import (  # noqa: E402
    DEVELOPMENT_REGIONS,
    LABELLED,
    TRAINED_REGIONS,
    UNSEEN,
    labelled_sets,
    trained_pairs,
)

HEADLINE = (
    ("needs", ("precision", "recall", "f1")),
    ("groups", ("precision", "recall")),
    ("residency", ("precision", "recall")),
    ("residency_said", ("precision", "recall")),
    ("area_wide", ("precision", "recall")),
    ("delivery_phone", ("precision", "recall")),
    ("delivery_online", ("precision", "recall")),
    ("delivery_home_visits", ("precision", "recall")),
    ("delivery_outreach", ("precision", "recall")),
)


def embedding_reader():
    """The offline sentence-embedding model, when matching/embeddings.py provides one."""
    try:
        from matching import embeddings
    except ImportError:
        return None
    try:
        return embeddings.load_embedder().encode
    except Exception:  # the model package is not installed here
        return None


def folds(items: list, k: int = 5):
    """Folds of (set name, pair) items that spread every set over all k folds."""
    seen: dict[str, int] = {}
    fold = []
    for name, _ in items:
        fold.append(seen.get(name, 0) % k)
        seen[name] = seen.get(name, 0) + 1
    for i in range(k):
        yield (
            [x for x, f in zip(items, fold, strict=True) if f != i],
            [x for x, f in zip(items, fold, strict=True) if f == i],
        )


def headline(figures: dict) -> dict:
    """The figures the docs quote, rounded, for one part of one set."""
    out = {"n": figures["n"]}
    for name, keys in HEADLINE:
        out[name] = "/".join(f"{figures[name][k]:.2f}" for k in keys)
    out["ages found/wrong"] = f"{figures['ages']['found_rate']:.2f}/{figures['ages']['wrong_rate']:.3f}"
    out["cost accuracy"] = figures["cost_accuracy"]
    return out


def run(
    mode: str,
    with_embeddings: bool = False,
    regions: list[tuple[str, str]] = TRAINED_REGIONS,
    scored: list[tuple[str, str]] = UNSEEN,
) -> dict:
    tax, lookup = taxonomy(), areas()
    districts = main_authorities()
    dev = [(name, (record, label)) for name, record, label in trained_pairs(regions)]
    if mode == "dev":
        # Every development region is scored; a fold learns only from the regions in `regions`.
        everything = [(name, (record, label)) for name, record, label in trained_pairs(DEVELOPMENT_REGIONS)]
        learnt = {name.split(".")[0] for name, _ in LABELLED + regions}
        rounds = [([x for x in train if x[0] in learnt], held) for train, held in folds(everything)]
    elif mode == "test":
        named = [(name, p) for name, pairs in labelled_sets().items() for p in pairs]
        rounds = [(dev, [(n, p) for n, p in named if is_test(str(p[1]["id"]))])]
    else:
        unseen = [(name, p) for name, pairs in labelled_sets(sets=scored).items() for p in pairs]
        rounds = [(dev, unseen)]
    methods: dict[str, list] = {"keyword": [], "classifier": [], "hybrid": [], "embedding": []}
    gold, summaries, names = [], [], []
    embed = embedding_reader() if with_embeddings else None
    for train, held in rounds:
        records = [normalise(r) for _, (r, _) in held]
        gold += [label for _, (_, label) in held]
        names += [n for n, _ in held]
        methods["keyword"] += [list(p) for p in KeywordNeeds(tax).predict(records)]
        clf = ClassifierNeeds(tax).fit(
            [normalise(r) for _, (r, _) in train], [label["needs"] for _, (_, label) in train]
        )
        methods["classifier"] += [list(p) for p in clf.predict(records)]
        understood = Understander(tax, lookup, clf).understand_many(records)
        methods["hybrid"] += [u.need_codes() for u in understood]
        summaries += [u.summary() for u in understood]
        if embed is not None:
            from matching.understanding import EmbeddingNeeds

            methods["embedding"] += [list(p) for p in EmbeddingNeeds(tax, embed).predict(records)]
    part = {"dev": "development (5-fold CV)", "test": "test", "unseen": "unseen region"}[mode]
    if mode == "unseen" and scored != UNSEEN:
        part = f"{scored[0][0].split('.')[0]}, whole, unread"
    out: dict = {"part": part, "n": len(gold)}
    for name, predicted in methods.items():
        if predicted:
            out[f"needs_{name}"] = set_scores(predicted, [g["needs"] for g in gold])[0]
    out["fields"] = score(summaries, gold, lookup, districts)
    # Per set, and for the unseen region its test part too (the same split rule as everywhere).
    groups: dict[str, list[int]] = {}
    for i, (name, label) in enumerate(zip(names, gold, strict=True)):
        groups.setdefault(name, []).append(i)
        if mode == "unseen" and is_test(str(label["id"])):
            groups.setdefault(f"{name} (test part)", []).append(i)
    out["by_set"] = {
        name: headline(score([summaries[i] for i in idx], [gold[i] for i in idx], lookup, districts))
        for name, idx in groups.items()
    }
    out["all"] = headline(out["fields"])
    return out


if __name__ == "__main__":
    chosen = "test" if "--test" in sys.argv else "unseen" if "--unseen" in sys.argv else "dev"
    regions = TRAINED_REGIONS
    if "--labelled-only" in sys.argv:
        regions = []
    elif "--north-east-only" in sys.argv:
        regions = DEVELOPMENT_REGIONS[:1]
    scored = UNSEEN
    if "--region" in sys.argv:
        # a directory written since, scored whole before anything in it is read, as the unseen region is
        code = sys.argv[sys.argv.index("--region") + 1]
        chosen, scored = "unseen", [(f"{code}_oruk.json", f"labels_{code}.jsonl")]
    print(json.dumps(run(chosen, "--embeddings" in sys.argv, regions, scored), indent=1))
