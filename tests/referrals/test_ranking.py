"""Learning to rank from outcomes: what it learns from, what it learns, and when it is trusted."""

from __future__ import annotations

import math
import random
from datetime import date

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.models import RankingModel, Referral
from directory_app.referrals import ranking
from matching.rank import FEATURE_NAMES
from tests.conftest import match_on, scorer_of


def synthetic_rows(seed: int, n: int, nearer_helps: bool) -> list[dict]:
    """Referrals with varied features. With ``nearer_helps``, the chance of attending rises with
    proximity alone; otherwise it is 40% whatever the features (noise)."""
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        row = {
            "month": "2026-01",
            "needs": ["loneliness"],
            "needs_count": 1,
            "need_coverage": rnd.choice([0.5, 1.0, 1.0]),
            "text_relevance": rnd.uniform(0, 0.6),
            "proximity": rnd.uniform(0, 1),
            "timetable_fit": rnd.choice([0.5, 1.0]),
            "freshness": rnd.uniform(0.2, 1),
            "capacity": rnd.choice([0.1, 0.5, 0.6, 1.0]),
        }
        chance = 1 / (1 + math.exp(2.5 - 5 * row["proximity"])) if nearer_helps else 0.4
        row["outcome"] = int(rnd.random() < chance)
        rows.append(row)
    return rows


def test_a_model_learns_that_nearer_services_succeed_and_beats_the_hand_set_weights():
    result = ranking.fit_and_compare(synthetic_rows(7, 240, nearer_helps=True))
    assert result.weights["proximity"] > 1.0
    assert max(result.weights, key=lambda name: abs(result.weights[name])) == "proximity"
    assert result.model_auc > result.baseline_auc + 0.05
    assert result.win_rate >= ranking.WIN_SHARE and result.better
    scorer = ranking.LearnedScorer(result.intercept, result.weights)
    near, far = ({**dict.fromkeys(FEATURE_NAMES, 0.5), "proximity": p} for p in (0.9, 0.1))
    assert scorer([near])[0] > scorer([far])[0]


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_a_model_fitted_to_noise_is_not_adopted(seed):
    result = ranking.fit_and_compare(synthetic_rows(seed, 240, nearer_helps=False))
    assert not result.better


def test_too_few_or_one_sided_outcomes_are_not_learned_from():
    assert "Not enough" in ranking.not_enough_data(synthetic_rows(1, 30, True))
    one_sided = [{**row, "outcome": 1} for row in synthetic_rows(1, 100, True)]
    assert "8 of each outcome" in ranking.not_enough_data(one_sided)
    assert ranking.not_enough_data(synthetic_rows(1, 100, True)) is None


def test_training_rows_hold_no_identifiers_and_only_finished_referrals(
    app, make_referral, advance, lunch_club
):
    finished = {"attended": 1, "completed": 1, "declined": 0, "no_capacity": 0, "did_not_attend": 0}
    paths = {
        "attended": ["accepted", "attended"],
        "completed": ["accepted", "attended", "completed"],
        "declined": ["declined"],
        "no_capacity": ["no_capacity"],
        "did_not_attend": ["accepted", "did_not_attend"],
        "accepted": ["accepted"],
        "referred": [],
    }
    codes = []
    for path in paths.values():
        referral = make_referral(
            actor="lw_private", service_id=lunch_club, status="referred", referred_on="2026-03-14"
        )
        codes.append(referral.case_reference)
        advance(referral.id, "lw_private", *path)
    with db.session_scope(app) as session:
        rows = ranking.export_training_rows(session)
    assert sorted(row["outcome"] for row in rows) == sorted(finished.values())
    for row in rows:
        assert set(row) == {"month", "needs", "needs_count", "outcome", *FEATURE_NAMES}
        assert row["month"] == "2026-03"
        text = repr(row)
        assert (
            not any(code in text for code in codes)
            and lunch_club not in text
            and "lw_private" not in text
            and "14" not in row["month"]
        )


def _store(app, rows: list[dict]) -> None:
    """Finished referrals with given features. Written directly: the features must be exactly the
    synthetic ones, which no real service and person would produce on demand."""
    with db.session_scope(app) as session:
        for n, row in enumerate(rows):
            status = "completed" if row["outcome"] else "declined"
            session.add(
                Referral(
                    owner="lw",
                    case_reference=f"CR-T{n:05d}",
                    service_id="svc",
                    service_name="Club",
                    needs=row["needs"],
                    referred_on=date(2026, 1, 5),
                    status=status,
                    # Only the six original features: like referrals recorded
                    # before later features existed, which must still teach.
                    features={name: row[name] for name in FEATURE_NAMES if name in row},
                )
            )
        session.commit()


def test_train_command_adopts_a_better_model_and_matching_uses_it(app, client, runner, login_as, monkeypatch):
    assert "Not enough finished referrals" in runner.invoke(args=["match", "train"]).output
    assert scorer_of(app) is None

    _store(app, synthetic_rows(7, 240, nearer_helps=True))
    output = runner.invoke(args=["match", "train"]).output
    assert "Adopted" in output, output
    with db.session_scope(app) as session:
        stored = ranking.active_model(session)
        assert stored.sample_size == 240 and stored.model_metric > stored.baseline_metric
        assert stored.coefficients["weights"]["proximity"] > 1.0
    scorer = scorer_of(app)
    assert isinstance(scorer, ranking.LearnedScorer) and scorer.weights == stored.coefficients["weights"]

    # run_match hands the adopted scorer to the matching library.
    from directory_app.matchmaking import service as matchmaking

    seen = []

    def spy(*args, **kwargs):
        seen.append(kwargs.get("scorer"))
        return real_match(*args, **kwargs)

    real_match = matchmaking.match
    monkeypatch.setattr(matchmaking, "match", spy)
    match_on(app, {"goals": "lonely", "needs": ["loneliness"]})
    assert seen[-1] == scorer

    login_as("admin")
    page = client.get("/referrals/model").get_data(as_text=True)
    assert (
        "240 referrals" in page
        and f"{stored.model_metric:.3f}" in page
        and f"{stored.baseline_metric:.3f}" in page
    )
    assert "In use" in page
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/referrals/model/retire", data={"csrf_token": token})
    assert scorer_of(app) is None
    match_on(app, {"goals": "lonely", "needs": ["loneliness"]})
    assert seen[-1] is None  # back to the hand-set weights


def test_a_model_trained_on_noise_is_stored_but_not_adopted(app, runner, client, login_as):
    _store(app, synthetic_rows(11, 240, nearer_helps=False))
    output = runner.invoke(args=["match", "train"]).output
    assert "Not adopted" in output and "hand-set weights" in output
    with db.session_scope(app) as session:
        runs = session.exec(select(RankingModel)).all()
        assert len(runs) == 1 and not runs[0].adopted and runs[0].sample_size == 240
    assert scorer_of(app) is None
    login_as("commissioner")
    assert client.get("/referrals/model").status_code == 403


def test_a_model_trained_before_a_feature_existed_is_not_used_until_retrained(app, client, login_as):
    # Adopted when matching did not yet rank by meaning or by how services answer referrals.
    older = [name for name in FEATURE_NAMES if name not in ("semantic", "responsiveness")]
    with db.session_scope(app) as session:
        session.add(
            RankingModel(
                sample_size=300,
                model_metric=0.7,
                baseline_metric=0.6,
                coefficients={"intercept": -0.5, "weights": {name: 1.0 for name in older}},
                adopted=True,
                adopted_at=ranking.utcnow(),
            )
        )
        session.commit()
    assert scorer_of(app) is None  # the hand-set weights, which do weigh them

    login_as("admin")
    page = client.get("/referrals/model").get_data(as_text=True)
    assert "Not used until retrained" in page and "flask --app directory_app match train" in page
    assert "ranked by Fits the meaning of the words, Accepts our referrals" in page
