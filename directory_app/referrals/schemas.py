"""Request and response models of /api/v1/referrals, for the OpenAPI document (api/openapi.py).

The domain (records.py) does its own validation, so that it refuses unknown fields (a "notes" box)
and explains identifier-shaped case references; these models describe that contract.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from .workflow import STATUSES

Day = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Count = int | Literal["<5"]
CASE_REFERENCE = (
    "A code the service issued (like CR-7KQ4MX) when the person's first referral was recorded. "
    "Free text is refused: it collects names and identifiers."
)


class ReferralIn(BaseModel):
    case_reference: str | None = Field(
        None,
        description="Leave out for a new person: the response carries a newly issued code. " + CASE_REFERENCE,
        max_length=40,
    )
    service_id: str = Field(description="The service referred to.")
    needs: list[str] = Field(
        min_length=1, max_length=5, description="Need codes this referral addresses; see /api/v1/needs."
    )
    referred_on: date | None = Field(None, description="Defaults to today; never in the future.")
    status: Literal["suggested", "referred"] | None = Field(None, description="Defaults to suggested.")
    area: str | None = Field(
        None,
        description="The person's postcode district (e.g. M33), used only to work out "
        "distance for learning to rank; not stored.",
    )
    days: list[Day] | None = Field(
        None, description="Days the person can attend; used the same way, not stored."
    )


class ReferralOut(BaseModel):
    id: int
    case_reference: str
    service_id: str
    service_name: str
    needs: list[str]
    referred_on: str
    status: Status
    status_changed_at: str
    next_statuses: list[Status]


class ReferralList(BaseModel):
    referrals: list[ReferralOut]


class ReferralQuery(BaseModel):
    status: Status | None = Field(None, description="Only referrals with this status.")


class StatusIn(BaseModel):
    status: Status


class StatusEvent(BaseModel):
    at: str
    actor: str | None = None
    from_: Status | None = Field(None, alias="from")
    to: Status | None = None


class WellbeingIn(BaseModel):
    case_reference: str = Field(description=CASE_REFERENCE, min_length=2, max_length=40)
    stage: Literal["baseline", "follow_up"]
    recorded_on: date | None = Field(None, description="Defaults to today.")
    life_satisfaction: int | None = Field(None, ge=0, le=10)
    worthwhile: int | None = Field(None, ge=0, le=10)
    happiness: int | None = Field(None, ge=0, le=10)
    anxiety: int | None = Field(None, ge=0, le=10)


class WellbeingOut(BaseModel):
    case_reference: str
    stage: Literal["baseline", "follow_up"]
    recorded_on: str
    life_satisfaction: int | None = None
    worthwhile: int | None = None
    happiness: int | None = None
    anxiety: int | None = None


class ReferralDetail(ReferralOut):
    history: list[StatusEvent]
    wellbeing: dict[str, WellbeingOut]


class FollowUp(ReferralOut):
    reasons: list[str]
    days_since_change: int


class FollowUps(BaseModel):
    follow_up: list[FollowUp]


class WellbeingChange(BaseModel):
    people: Count
    life_satisfaction: float | None = None
    worthwhile: float | None = None
    happiness: float | None = None
    anxiety: float | None = None


class GroupRow(BaseModel):
    code: str
    name: str
    recorded: Count
    referred: Count
    accepted: Count
    completed: Count
    declined: Count
    no_capacity: Count
    did_not_attend: Count
    acceptance_rate: float | None = Field(None, description="Percent; null when it could reveal 1-4 people.")
    completion_rate: float | None = Field(None, description="Percent; null when it could reveal 1-4 people.")
    wellbeing: WellbeingChange


class NoCapacityRow(BaseModel):
    code: str
    name: str
    no_capacity: Count
    latest_month: str
    listed: bool
    accepting_referrals: bool | None = None
    wait_weeks: float | None = None


class Summary(BaseModel):
    by_need: list[GroupRow]
    by_service: list[GroupRow]
    no_capacity: list[NoCapacityRow]
    notes: list[str]
