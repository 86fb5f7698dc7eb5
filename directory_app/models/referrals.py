"""Referrals, wellbeing scores and learned ranking models.

A referral is known only by the case reference its link worker chose: never a name, NHS number,
date of birth, address or notes. ``service_id`` has no foreign key on purpose: curators may delete
a service, and the referrals made to it (and their outcomes) must outlive it, so the service's
name is kept beside the id.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow


class Referral(SQLModel, table=True):
    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_owner_case", "owner", "case_reference"),)
    id: int | None = Field(default=None, primary_key=True)
    owner: str = Field(max_length=80, index=True)  # the link worker's username
    case_reference: str = Field(max_length=40)
    service_id: str = Field(max_length=64, index=True)
    service_name: str = Field(max_length=300)
    needs: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    referred_on: date
    status: str = Field(max_length=20, index=True)
    status_changed_at: datetime = Field(default_factory=utcnow)
    # Milestones, so that rates count a referral that was accepted and later declined as accepted.
    referred_at: datetime | None = None
    accepted_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # The ranking features (matching.rank.FEATURE_NAMES) of this service for this person's needs
    # at the time of referral: what learning to rank learns from. Numbers only.
    features: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))


class WellbeingScore(SQLModel, table=True):
    """ONS4 personal wellbeing, 0-10 each, once at referral ("baseline") and once at follow-up."""

    __tablename__ = "wellbeing_score"
    __table_args__ = (UniqueConstraint("owner", "case_reference", "stage", name="uq_wellbeing_case_stage"),)
    id: int | None = Field(default=None, primary_key=True)
    owner: str = Field(max_length=80, index=True)
    case_reference: str = Field(max_length=40)
    stage: str = Field(max_length=12)  # baseline / follow_up
    recorded_on: date
    life_satisfaction: int | None = None
    worthwhile: int | None = None
    happiness: int | None = None
    anxiety: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class RankingModel(SQLModel, table=True):
    """One training run of the learned ranking: its coefficients and how it compared with the
    hand-set weights on held-back referrals. Matching uses the latest adopted one."""

    __tablename__ = "ranking_model"
    id: int | None = Field(default=None, primary_key=True)
    trained_at: datetime = Field(default_factory=utcnow, index=True)
    trained_by: str | None = Field(default=None, max_length=120)
    sample_size: int = 0
    test_size: int = 0  # referrals scored while held back from training (cross-validation: all)
    metric: str = Field(default="roc_auc", max_length=20)
    model_metric: float = 0.0
    baseline_metric: float = 0.0
    # Share of bootstrap resamples of the held-back scores in which the model beat the weights.
    win_rate: float = 0.0
    # {"intercept": float, "weights": {feature name: coefficient}}
    coefficients: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    adopted: bool = Field(default=False, index=True)
    adopted_at: datetime | None = None
