"""Relevance on a third directory from a region never used to build or tune anything: North East
England (Newcastle, Gateshead, Sunderland, the Tynesides, County Durham, Northumberland).

The directory (seed_data/eval/services/ne_oruk.json, 130 services in ORUK 3.0) was written messy on
purpose by one helper; the 30 scenarios and their graded judgments (seed_data/eval/scenarios_ne.json)
by another who read only the records, never this code or its output (briefs in
seed_data/eval/briefs/). As a North East curator would, the test loads that region's postcodes
(`flask geo import-postcodes` on an OS Code-Point Open extract) and imports the feed into an app
that also holds the Trafford seed, so Trafford's phone lines and borough-wide services are there
to be wrongly offered to someone in Sunderland.

Reported (run with -s): nDCG@10, P@5 against the best possible, hard-constraint violations, gap
recall and the keyword baseline, overall and by scenario type.
"""

from __future__ import annotations

import pytest

from directory_app import db
from directory_app.directory import geo
from tests.conftest import fresh_app

from .conftest import documents_by_id
from .regional import EVAL, broken, check_well_formed, import_feed, load_scenarios, scenario_runs, summarise

FEED = EVAL / "services" / "ne_oruk.json"
POSTCODES = EVAL / "services" / "ne_postcodes.csv"
SCENARIOS_FILE = EVAL / "scenarios_ne.json"

# Floors a little below the first measurement (2026-11-30: nDCG@10 0.57, keyword 0.13, P@5 0.35 of
# a best 0.69, gap recall 3 of 5, 12 must-not services shown and none breaking our own check);
# nothing was tuned on this region. The targets (nDCG@10 0.75, every gap, no violation) are higher
# and NOT met: the must-not services carry restrictions in prose the understanding step does not
# read (bereaved by suicide, widowed under a stated age, one postcode district, GP registration).
MATCHER_FLOOR = 0.50
MARGIN_OVER_KEYWORD = 0.30
GAP_RECALL_FLOOR = 0.55
KNOWN_VIOLATIONS = 14


@pytest.fixture(scope="module")
def ne_app(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("relevance_ne")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'ne.db'}", seeded=True) as app:
        with db.session_scope(app) as session:
            loaded = geo.import_postcodes(session, POSTCODES)
        assert loaded.with_la == loaded.count > 100
        import_feed(app, FEED, "North East Community Wellbeing Directory")
        yield app


@pytest.fixture(scope="module")
def directory(ne_app) -> dict[str, dict]:
    return documents_by_id(ne_app)


@pytest.fixture(scope="module")
def runs(ne_app, directory) -> list[dict]:
    return scenario_runs(ne_app, load_scenarios(SCENARIOS_FILE), directory)


@pytest.fixture(scope="module")
def summary(runs, directory) -> dict:
    return summarise(runs, directory, "North East directory (unseen region)")


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
