"""Learning to rank from referral outcomes, adopted only when it beats the hand-set weights.

Each referral keeps the ranking features (matching.rank.FEATURE_NAMES) its service had for the
person's needs when it was made. Once its outcome is known, it becomes a training row: 1 if the
person attended (or completed), 0 if they declined, did not attend or the service had no room.

``train`` fits a logistic regression on those features and compares it with DEFAULT_WEIGHTS by
ROC AUC on referrals it did not see (stratified quarters held back in turn, fixed seed: see
fit_and_compare). The model is adopted only when it is better on them *and* that lead survives
resampling: it must win in at least 95% of bootstrap resamples of the held-back referrals. Without
the second test a model fitted to noise would be adopted about half the time, whenever chance
favoured it.
Every run is stored (coefficients, date, sample size, both metrics); matching uses the latest
adopted model and the hand-set weights when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from scipy.stats import rankdata
from sqlmodel import Session, col, select

from matching.rank import DEFAULT_WEIGHTS, FEATURE_NAMES, weighted_scorer

from .. import audit
from ..db import retry_when_busy
from ..matchmaking.scorer import (  # noqa: F401  (the model it trains, as matching reads it)
    LearnedScorer,
    active_model,
    active_scorer,
    missing_features,
    scorer_for,
)
from ..models import RankingModel, Referral, utcnow
from . import workflow

POSITIVE = workflow.SUCCESS
NEGATIVE = ("declined", "no_capacity", "did_not_attend")
MIN_ROWS = 40
NEUTRAL_FEATURE = 0.5
MIN_PER_CLASS = 8
TEST_SHARE = 0.25
SEED = 20240601
BOOTSTRAP_SAMPLES = 400
WIN_SHARE = 0.95
METRIC = "roc_auc"


# --- training rows ------------------------------------------------------------------------------


def export_training_rows(session: Session) -> list[dict]:
    """One row per referral whose outcome is known: the person's side (month, needs), the
    service's ranking features, and the outcome. No case reference, service, owner or date finer
    than a month, and sorted by content so that row order cannot be matched back to referrals."""
    statement = select(
        col(Referral.referred_on), col(Referral.needs), col(Referral.features), col(Referral.status)
    ).where(col(Referral.status).in_(POSITIVE + NEGATIVE))
    rows = []
    for referred_on, needs, features, status in session.exec(statement):
        if not features:
            continue
        row = {
            "month": referred_on.strftime("%Y-%m"),
            "needs": sorted(needs or []),
            "needs_count": len(needs or []),
        }
        row.update({name: feature_value(features, name) for name in FEATURE_NAMES})
        row["outcome"] = 1 if status in POSITIVE else 0
        rows.append(row)
    rows.sort(key=lambda r: (r["month"], r["needs"], [r[name] for name in FEATURE_NAMES], r["outcome"]))
    return rows


def feature_value(features: dict, name: str) -> float:
    """A referral recorded before a feature existed has no value for it: it counts as neutral
    (0.5, what every feature gives when it knows nothing), so old referrals still teach."""
    value = features.get(name)
    return NEUTRAL_FEATURE if value is None else float(value)


# --- training -----------------------------------------------------------------------------------


@dataclass
class TrainingReport:
    trained: bool
    adopted: bool
    message: str
    sample_size: int
    model: RankingModel | None = None


def auc(y: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC as the Mann-Whitney statistic (ties count half); fast enough to bootstrap."""
    positives = int(y.sum())
    negatives = len(y) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = rankdata(scores)
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def win_rate(
    y: np.ndarray,
    model_scores: np.ndarray,
    baseline_scores: np.ndarray,
    seed: int,
    samples: int = BOOTSTRAP_SAMPLES,
) -> float:
    """Share of bootstrap resamples of the held-back set in which the model's AUC is higher."""
    rng = np.random.default_rng(seed)
    wins = counted = 0
    for _ in range(samples):
        pick = rng.integers(0, len(y), len(y))
        ys = y[pick]
        if ys.min() == ys.max():
            continue
        counted += 1
        wins += auc(ys, model_scores[pick]) > auc(ys, baseline_scores[pick])
    return wins / counted if counted else 0.0


@dataclass
class Evaluation:
    """The model fitted on every row, and both scorers' AUC on held-back rows."""

    intercept: float
    weights: dict[str, float]
    model_auc: float
    baseline_auc: float
    win_rate: float
    sample_size: int

    @property
    def better(self) -> bool:
        return self.model_auc > self.baseline_auc and self.win_rate >= WIN_SHARE


def not_enough_data(rows: list[dict]) -> str | None:
    """Why these rows are too few to learn from, or None."""
    positives = sum(row["outcome"] for row in rows)
    if len(rows) < MIN_ROWS or min(positives, len(rows) - positives) < MIN_PER_CLASS:
        return (
            f"Not enough finished referrals to learn from: {len(rows)} with known outcomes "
            f"({positives} attended). Need at least {MIN_ROWS}, with {MIN_PER_CLASS} of each outcome."
        )
    return None


def _fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(max_iter=1000).fit(x, y)


def fit_and_compare(rows: list[dict], seed: int = SEED) -> Evaluation:
    """Compare a logistic regression on FEATURE_NAMES with DEFAULT_WEIGHTS on held-back rows.

    Stratified 4-fold cross-validation with a fixed seed: each quarter of the referrals is held
    back once while a model is fitted on the other three, so every referral is scored by a model
    that never saw it, and the comparison uses all of them rather than one quarter (on a quarter,
    chance alone let a model fitted to noise beat the weights about one time in twenty; on all of
    them, about one in fifty). The model kept is then fitted on every row.
    """
    from sklearn.model_selection import StratifiedKFold

    y = np.array([row["outcome"] for row in rows], dtype=int)
    x = np.array([[feature_value(row, name) for name in FEATURE_NAMES] for row in rows], dtype=float)
    held_back = np.zeros(len(rows))
    folds = StratifiedKFold(n_splits=round(1 / TEST_SHARE), shuffle=True, random_state=seed)
    for train_idx, test_idx in folds.split(x, y):
        held_back[test_idx] = _fit(x[train_idx], y[train_idx]).decision_function(x[test_idx])
    baseline = np.array(
        weighted_scorer(DEFAULT_WEIGHTS)(
            [{name: feature_value(row, name) for name in FEATURE_NAMES} for row in rows]
        )
    )
    fitted = _fit(x, y)
    return Evaluation(
        intercept=float(fitted.intercept_[0]),
        weights={name: float(w) for name, w in zip(FEATURE_NAMES, fitted.coef_[0], strict=True)},
        model_auc=auc(y, held_back),
        baseline_auc=auc(y, baseline),
        win_rate=win_rate(y, held_back, baseline, seed),
        sample_size=len(rows),
    )


@retry_when_busy
def train(
    session: Session, actor: str | None = None, now: datetime | None = None, seed: int = SEED
) -> TrainingReport:
    """Learn from finished referrals; store the run; adopt the model only if it is better."""
    now = now or utcnow()
    rows = export_training_rows(session)
    reason = not_enough_data(rows)
    if reason:
        return TrainingReport(False, False, reason, len(rows))
    result = fit_and_compare(rows, seed)
    adopted = result.better
    record = RankingModel(
        trained_at=now,
        trained_by=actor,
        sample_size=len(rows),
        test_size=len(rows),
        metric=METRIC,
        model_metric=round(result.model_auc, 4),
        baseline_metric=round(result.baseline_auc, 4),
        win_rate=round(result.win_rate, 3),
        coefficients={"intercept": result.intercept, "weights": result.weights},
        adopted=adopted,
        adopted_at=now if adopted else None,
    )
    session.add(record)
    session.flush()
    audit.record(
        session,
        actor,
        "ranking.train",
        "ranking_model",
        str(record.id),
        {
            "adopted": [None, adopted],
            "model_auc": [None, record.model_metric],
            "baseline_auc": [None, record.baseline_metric],
            "sample_size": [None, len(rows)],
        },
    )
    session.commit()
    verdict = (
        "Adopted: matching now uses it."
        if adopted
        else "Not adopted: it did not reliably beat the hand-set weights, so matching keeps using "
        + ("the current model." if active_model(session) else "the hand-set weights.")
    )
    message = (
        f"Learned from {len(rows)} finished referrals, each held back once: AUC "
        f"{result.model_auc:.3f} against {result.baseline_auc:.3f} for the hand-set weights "
        f"(better in {result.win_rate:.0%} of resamples). {verdict}"
    )
    return TrainingReport(True, adopted, message, len(rows), record)


@retry_when_busy
def retire(session: Session, actor: str) -> int:
    """Stop using learned models: matching goes back to the hand-set weights."""
    models = list(session.exec(select(RankingModel).where(RankingModel.adopted == True)))  # noqa: E712
    for model in models:
        model.adopted = False
        session.add(model)
        audit.record(
            session, actor, "ranking.retire", "ranking_model", str(model.id), {"adopted": [True, False]}
        )
    session.commit()
    return len(models)


def history(session: Session, limit: int = 20) -> list[RankingModel]:
    return list(
        session.exec(
            select(RankingModel)
            .order_by(col(RankingModel.trained_at).desc(), col(RankingModel.id).desc())
            .limit(limit)
        )
    )
