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

import pytest

from tests.conftest import fresh_app

from .conftest import documents_by_id
from .regional import EVAL, broken, check_well_formed, import_feed, load_scenarios, scenario_runs, summarise

FEED = EVAL / "services" / "gm_boroughs_oruk.json"
SCENARIOS_FILE = EVAL / "scenarios_gm.json"

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


@pytest.fixture(scope="module")
def gm_app(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("relevance_gm")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'gm.db'}", seeded=True) as app:
        import_feed(app, FEED, "Greater Manchester Community Directory")
        yield app


@pytest.fixture(scope="module")
def directory(gm_app) -> dict[str, dict]:
    return documents_by_id(gm_app)


@pytest.fixture(scope="module")
def runs(gm_app, directory) -> list[dict]:
    return scenario_runs(gm_app, load_scenarios(SCENARIOS_FILE), directory)


@pytest.fixture(scope="module")
def summary(runs, directory) -> dict:
    return summarise(runs, directory, "Second directory")


def test_scenarios_are_well_formed(directory):
    check_well_formed(load_scenarios(SCENARIOS_FILE), directory, at_least=30)


def test_hard_constraints_are_broken_no_more_than_known(runs, directory):
    found = [reason for row in runs for reason in broken(row, directory)]
    print("\n".join(["", "violations:", *found]))
    assert len(found) <= KNOWN_VIOLATIONS, "\n".join(found)


def test_matcher_ndcg_is_above_the_floor(summary):
    assert summary["ndcg"] >= MATCHER_FLOOR, summary


def test_matcher_is_clearly_better_than_keyword_search(summary):
    assert summary["ndcg"] >= summary["keyword_ndcg"] + MARGIN_OVER_KEYWORD, summary


def test_unmet_needs_are_flagged(summary):
    assert summary["gap_recall"] >= GAP_RECALL_FLOOR, summary
