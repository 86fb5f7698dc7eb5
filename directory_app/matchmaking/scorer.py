"""The scorer a match ranks with: the adopted learned model (referrals.ranking trains and adopts
it), or None for matching's hand-set weights. It sits here, below both, because matching reads it
on every request and referrals only writes it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlmodel import Session, col, select

from matching.rank import FEATURE_NAMES

from ..models import RankingModel


@dataclass(frozen=True)
class LearnedScorer:
    """The adopted model as a matching scorer: probability of attending, from the six features."""

    intercept: float
    weights: dict

    def __call__(self, rows: list[dict[str, float]]) -> list[float]:
        out = []
        for row in rows:
            z = self.intercept + sum(w * row.get(name, 0.0) for name, w in self.weights.items())
            out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
        return out


def scorer_for(model: RankingModel) -> LearnedScorer:
    coefficients = model.coefficients or {}
    return LearnedScorer(
        float(coefficients.get("intercept", 0.0)),
        {name: float(w) for name, w in (coefficients.get("weights") or {}).items()},
    )


def active_model(session: Session) -> RankingModel | None:
    return session.exec(
        select(RankingModel)
        .where(RankingModel.adopted == True)  # noqa: E712
        .order_by(col(RankingModel.adopted_at).desc(), col(RankingModel.id).desc())
    ).first()


def missing_features(model: RankingModel) -> list[str]:
    """Ranking features the model was trained without (it predates them): it would give each of
    them no weight at all, so it is not used until retrained."""
    weights = (model.coefficients or {}).get("weights") or {}
    return [name for name in FEATURE_NAMES if name not in weights]


def active_scorer(session: Session) -> LearnedScorer | None:
    """The scorer for run_match: the adopted model's, or None for the hand-set weights (also when
    the adopted model predates a feature matching now ranks by)."""
    model = active_model(session)
    if model is None or missing_features(model):
        return None
    return scorer_for(model)
