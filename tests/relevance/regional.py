"""What the suites over other regions' directories share: importing a publisher's ORUK feed the
way a region would, running the blind scenarios through the matcher and keyword search, our own
check of what each answer broke, and the printed summary (run with -s)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from directory_app.directory.jobs import import_file
from directory_app.search import indexing
from directory_app.services import services
from tests.conftest import match_on

from .measures import K, best_precision_at, gap_flagged, ndcg_at_k, precision_at, violations

EVAL = Path(__file__).resolve().parents[2] / "seed_data" / "eval"

# The annotators wrote circumstances as words about one person; the API takes the taxonomy's codes.
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


def load_scenarios(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def api_profile(profile: dict) -> dict:
    out = dict(profile)
    if "circumstances" in out:
        out["circumstances"] = [CIRCUMSTANCES.get(c, c) for c in out["circumstances"]]
    return out


def import_feed(app, feed: Path, default_publisher: str) -> None:
    """The real import job (understanding, geography, duplicates, index), one call per publisher."""
    by_publisher: dict[str, list[dict]] = defaultdict(list)
    for item in json.loads(feed.read_text(encoding="utf-8")):
        by_publisher[item.get("publisher") or default_publisher].append(item)
    for publisher, items in by_publisher.items():
        report = import_file(app, json.dumps(items).encode(), feed.name, publisher, actor="eval").as_dict()
        assert report["failed"] == 0, report
    indexing.wait_until_idle(app)


def scenario_runs(app, scenarios: list[dict], directory: dict[str, dict]) -> list[dict]:
    index = services(app).index.client.index(services(app).index.name)
    rows = []
    for scenario in scenarios:
        result = match_on(app, dict(api_profile(scenario["profile"]), limit=K), record=False)
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


def broken(row: dict, directory: dict) -> list[str]:
    """Every returned service that breaks a hard constraint by our own check or the must-not list.

    The profile's ticked circumstances are what the annotator sent, not all the person is: a
    daughter "round there every day doing everything for" her mother is a carer though only
    "woman" was ticked. A group restriction the blind judges, reading the words, graded as
    suitable for this person is therefore not counted as broken; nor is an age range they graded
    suitable (the profile's age is a parent's, and a children's service 0-25 is for her child)."""
    scenario = row["scenario"]
    out = []
    for service_id in row["matched_ids"]:
        doc = directory[service_id]
        judged_suitable = scenario["judgments"].get(doc["external_id"], 0) > 0
        for reason in violations(api_profile(scenario["profile"]), row["result"]["location"], doc):
            if judged_suitable and reason.startswith(("only for [", "age ")):
                continue
            out.append(f"{scenario['id']}: {doc['name']}: {reason}")
        if doc["external_id"] in scenario.get("must_not", ()):
            out.append(f"{scenario['id']}: {doc['name']} is on the must-not list")
    return out


def check_well_formed(scenarios: list[dict], directory: dict[str, dict], at_least: int) -> None:
    known = {doc["external_id"] for doc in directory.values()}
    assert len(scenarios) >= at_least
    assert len({s["id"] for s in scenarios}) == len(scenarios)
    for scenario in scenarios:
        assert set(scenario["judgments"]) <= known, scenario["id"]
        assert set(scenario["judgments"].values()) <= {1, 2, 3}, scenario["id"]
        assert set(scenario.get("must_not", ())) <= known, scenario["id"]


def summarise(runs: list[dict], directory: dict, title: str) -> dict:
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
        "violations": sum(len(broken(r, directory)) for r in runs),
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
    print(f"\n\n{title}: {data['scenarios']} scenarios")
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
