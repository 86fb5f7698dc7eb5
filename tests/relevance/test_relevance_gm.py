"""Relevance on a second directory the matcher was never tuned on: other Greater Manchester boroughs.

The directory (seed_data/eval/services/gm_boroughs_oruk.json) is an ORUK 3.0 feed from two
publishers, written messy on purpose by one helper; the scenarios and their graded judgments
(seed_data/eval/scenarios_gm.json) were written by another helper who read only the records,
never this code or its output (briefs in seed_data/eval/briefs/). The feed goes through the real
import (understanding, geography, index) into an app that also holds the Trafford seed, as a
region would, so Trafford's phone lines and borough-wide services are there to be wrongly offered.

Reported (run with -s): nDCG@10, P@5 against the best possible, hard-constraint violations, gap
recall and the keyword baseline, overall and by scenario type.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from directory_app.directory.jobs import import_file
from directory_app.matchmaking.service import run_match
from directory_app.search import indexing
from directory_app.search.client import get_client, services_index_name
from tests.conftest import fresh_app

from .conftest import documents_by_id
from .measures import K, best_precision_at, gap_flagged, ndcg_at_k, precision_at, violations

EVAL = Path(__file__).resolve().parents[2] / "seed_data" / "eval"
FEED = EVAL / "services" / "gm_boroughs_oruk.json"
SCENARIOS_FILE = EVAL / "scenarios_gm.json"
# The annotator wrote circumstances as words about one person; the API takes the taxonomy's codes.
CIRCUMSTANCES = {
    "woman": "women",
    "man": "men",
    "carer": "carers",
    "veteran": "veterans",
    "lgbtq": "lgbtq",
    "refugee": "refugees",
    "disability": "people_with_disabilities",
    "deaf_bsl": "deaf_bsl",
    "pregnant_new_parent": "pregnant_new_parents",
}

# Floors a little below what was measured (2026-11-30: nDCG@10 0.48-0.52 between runs, keyword
# 0.10, gap recall 4 of 7, 9-10 violations: Meilisearch breaks score ties differently from run to
# run); falling below one, or above the violations, is a regression to look into. The
# targets are higher (nDCG@10 0.75, every gap, no violation) and NOT met: the violations left are
# restrictions the understanding step does not read yet (residency said only as "in Salford",
# "Women's Refuge" with men mentioned in the eligibility text). See the README's Measured section.
MATCHER_FLOOR = 0.45
MARGIN_OVER_KEYWORD = 0.30
GAP_RECALL_FLOOR = 0.55
KNOWN_VIOLATIONS = 11

pytestmark = pytest.mark.skipif(not SCENARIOS_FILE.exists(), reason="blind scenarios not written yet")


def load_scenarios() -> list[dict]:
    return json.loads(SCENARIOS_FILE.read_text(encoding="utf-8"))


def api_profile(profile: dict) -> dict:
    out = dict(profile)
    if "circumstances" in out:
        out["circumstances"] = [CIRCUMSTANCES.get(c, c) for c in out["circumstances"]]
    return out


@pytest.fixture(scope="module")
def gm_app(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("relevance_gm")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'gm.db'}", seeded=True) as app:
        feed = json.loads(FEED.read_text(encoding="utf-8"))
        by_publisher: dict[str, list[dict]] = defaultdict(list)
        for item in feed:
            by_publisher[item.get("publisher") or "Greater Manchester Community Directory"].append(item)
        for publisher, items in by_publisher.items():
            report = import_file(
                app, json.dumps(items).encode(), "gm.json", publisher, actor="eval"
            ).as_dict()
            assert report["failed"] == 0, report
        indexing.wait_until_idle(app)
        yield app


@pytest.fixture(scope="module")
def directory(gm_app) -> dict[str, dict]:
    return documents_by_id(gm_app)


@pytest.fixture(scope="module")
def runs(gm_app, directory) -> list[dict]:
    index = get_client(gm_app).index(services_index_name(gm_app))
    rows = []
    for scenario in load_scenarios():
        result = run_match(gm_app, dict(api_profile(scenario["profile"]), limit=K), record=False)
        matched = [m["service_id"] for m in result["matches"]]
        keyword_hits = index.search(scenario["profile"]["goals"], {"limit": K})["hits"]
        ranked = [directory[i]["external_id"] for i in matched]
        keyword = [directory[h["id"]]["external_id"] for h in keyword_hits]
        judgments = scenario["judgments"]
        rows.append(
            {
                "scenario": scenario,
                "result": result,
                "matched_ids": matched,
                "matched": ranked,
                "ndcg": ndcg_at_k(ranked, judgments),
                "keyword_ndcg": ndcg_at_k(keyword, judgments),
                "p5": precision_at(ranked, judgments),
                "best_p5": best_precision_at(judgments),
                "gap_flagged": gap_flagged(result, scenario["gap"]) if scenario.get("gap") else None,
            }
        )
    return rows


def _broken(row: dict, directory: dict) -> list[str]:
    scenario = row["scenario"]
    out = []
    for service_id in row["matched_ids"]:
        doc = directory[service_id]
        for reason in violations(api_profile(scenario["profile"]), row["result"]["location"], doc):
            out.append(f"{scenario['id']}: {doc['name']}: {reason}")
        if doc["external_id"] in scenario.get("must_not", ()):
            out.append(f"{scenario['id']}: {doc['name']} is on the must-not list")
    return out


@pytest.fixture(scope="module")
def summary(runs, directory) -> dict:
    def mean(rows, key):
        values = [r[key] for r in rows]
        return sum(values) / len(values) if values else 0.0

    by_type: dict[str, list[dict]] = defaultdict(list)
    for row in runs:
        by_type[row["scenario"].get("type", "other")].append(row)
    gaps = [r for r in runs if r["gap_flagged"] is not None]
    data = {
        "scenarios": len(runs),
        "ndcg": mean(runs, "ndcg"),
        "keyword_ndcg": mean(runs, "keyword_ndcg"),
        "p5": mean(runs, "p5"),
        "best_p5": mean(runs, "best_p5"),
        "violations": sum(len(_broken(r, directory)) for r in runs),
        "gap_recall": sum(r["gap_flagged"] for r in gaps) / len(gaps) if gaps else 1.0,
        "by_type": {
            t: {
                "n": len(rs),
                "ndcg": round(mean(rs, "ndcg"), 3),
                "keyword_ndcg": round(mean(rs, "keyword_ndcg"), 3),
            }
            for t, rs in sorted(by_type.items())
        },
    }
    print(f"\n\nSecond directory: {data['scenarios']} scenarios")
    print(f"{'scenario':<40} {'type':<13} {'nDCG':>6} {'kw':>6} {'P@5':>5}  gap")
    for r in sorted(runs, key=lambda r: r["ndcg"]):
        gap = {None: "", True: "flagged", False: "MISSED"}[r["gap_flagged"]]
        print(
            f"{r['scenario']['id']:<40} {r['scenario'].get('type', ''):<13} {r['ndcg']:>6.3f} "
            f"{r['keyword_ndcg']:>6.3f} {r['p5']:>5.2f}  {gap}"
        )
    print(
        f"MEAN nDCG@10 {data['ndcg']:.3f} (keyword {data['keyword_ndcg']:.3f}); P@5 {data['p5']:.2f} "
        f"(best {data['best_p5']:.2f}); violations {data['violations']}; gap recall {data['gap_recall']:.2f}"
    )
    for r in runs:
        if r["gap_flagged"] is False:
            result = r["result"]
            print(
                f"  gap missed in {r['scenario']['id']}: wanted {r['scenario']['gap']['need']}; needs read "
                f"{result['needs']}; unmet {[u['need'] for u in result['unmet_needs']]}"
            )
    for kind, figures in data["by_type"].items():
        print(
            f"  {kind:<13} n={figures['n']:<3} nDCG {figures['ndcg']:.3f}  keyword {figures['keyword_ndcg']:.3f}"
        )
    return data


def test_scenarios_are_well_formed(directory):
    scenarios = load_scenarios()
    known = {doc["external_id"] for doc in directory.values()}
    assert len(scenarios) >= 30
    assert len({s["id"] for s in scenarios}) == len(scenarios)
    for scenario in scenarios:
        assert set(scenario["judgments"]) <= known, scenario["id"]
        assert set(scenario["judgments"].values()) <= {1, 2, 3}, scenario["id"]
        assert set(scenario.get("must_not", ())) <= known, scenario["id"]


def test_hard_constraints_are_broken_no_more_than_known(runs, directory):
    broken = [reason for row in runs for reason in _broken(row, directory)]
    print("\n".join(["", "violations:", *broken]))
    assert len(broken) <= KNOWN_VIOLATIONS, "\n".join(broken)


def test_matcher_ndcg_is_above_the_floor(summary):
    assert summary["ndcg"] >= MATCHER_FLOOR, summary


def test_matcher_is_clearly_better_than_keyword_search(summary):
    assert summary["ndcg"] >= summary["keyword_ndcg"] + MARGIN_OVER_KEYWORD, summary


def test_unmet_needs_are_flagged(summary):
    assert summary["gap_recall"] >= GAP_RECALL_FLOOR, summary
