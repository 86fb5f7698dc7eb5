"""Request and response models of /api/v1/referrals: the pages' forms and the API are checked
with the request models here (service.py), and the OpenAPI document is generated from them.

A request carrying a field not listed (a "notes" box, a name) is refused rather than dropped, and
an identifier-shaped case reference is explained, not stored.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..errors import ValidationError
from ..needs import taxonomy
from ..web.validation import Day, FieldErrors, listed
from .identifiers import clean_case_reference
from .workflow import INITIAL, STATUSES

MAX_NEEDS = 5
EARLIEST = date(2000, 1, 1)
ONS4 = ("life_satisfaction", "worthwhile", "happiness", "anxiety")
STAGES = {"baseline": "At referral", "follow_up": "At follow-up"}
SCORE = "Enter a whole number from 0 to 10."
Status = Literal[STATUSES]  # type: ignore[valid-type]
Count = int | Literal["<5"]
CASE_REFERENCE = (
    "A code the service issued (like CR-7KQ4MX) when the person's first referral was recorded. "
    "Free text is refused: it collects names and identifiers."
)


class CaseRecord(BaseModel):
    """What a link worker records against a case: only the listed fields, ever."""

    model_config = ConfigDict(extra="forbid")
    UNKNOWN_FIELD: ClassVar[str] = (
        "This is not accepted: only the listed fields are stored, never notes or personal details."
    )

    @model_validator(mode="before")
    @classmethod
    def _form_blanks(cls, data: Any) -> Any:
        # A form sends its CSRF token and an empty string for every box left empty.
        if isinstance(data, dict):
            return {k: None if v == "" else v for k, v in data.items() if k != "csrf_token"}
        return data


def _not_future(value: date, info: ValidationInfo) -> date:
    today = (info.context or {}).get("today") or date.today()
    if value > today:
        raise ValueError("The date cannot be in the future.")
    if value < EARLIEST:
        raise ValueError("The date must be in 2000 or later.")
    return value


# A date the link worker gives for something that happened: today when left out (service.py).
PastDate = Annotated[date, AfterValidator(_not_future)]


def _issued_reference(value: Any) -> Any:
    try:
        return clean_case_reference(value)
    except ValidationError as error:
        raise ValueError(error.fields["case_reference"]) from None


IssuedReference = Annotated[str, BeforeValidator(_issued_reference)]


def _initial(status: Any) -> Any:
    if status is None or (isinstance(status, str) and status in INITIAL):
        return status or INITIAL[0]
    raise ValueError("A new referral starts as suggested or referred.")


def _stage(stage: Any) -> Any:
    if isinstance(stage, str) and stage in STAGES:
        return stage
    raise ValueError("Choose at referral or at follow-up.")


class ReferralIn(CaseRecord):
    case_reference: IssuedReference | None = Field(
        None,
        description="Leave out for a new person: the response carries a newly issued code. " + CASE_REFERENCE,
    )
    service_id: str | None = Field(None, description="The service referred to.")
    needs: Annotated[list[str], BeforeValidator(listed)] = Field(
        default_factory=list,
        validate_default=True,
        description=f"1 to {MAX_NEEDS} need codes this referral addresses; see /api/v1/needs.",
    )
    referred_on: PastDate | None = Field(None, description="Defaults to today; never in the future.")
    status: Annotated[Literal[INITIAL], BeforeValidator(_initial)] = Field(  # type: ignore[valid-type]
        None, validate_default=True, description="Defaults to suggested."
    )
    area: str | None = Field(
        None,
        description="The person's postcode district (e.g. M33), used only to work out "
        "distance for learning to rank; not stored.",
    )
    days: Annotated[list[Day], BeforeValidator(listed)] = Field(
        default_factory=list, description="Days the person can attend; used the same way, not stored."
    )

    @field_validator("needs")
    @classmethod
    def _known_needs(cls, needs: list[str]) -> list[str]:
        codes = list(dict.fromkeys(needs))
        known = set(taxonomy().codes())
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValueError(f"Unknown need: {', '.join(unknown)}. Use codes from /api/v1/needs.")
        if not codes:
            raise ValueError("Choose at least one need this referral addresses.")
        if len(codes) > MAX_NEEDS:
            raise ValueError(f"Choose at most {MAX_NEEDS} needs.")
        return codes


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


def _score(value: Any) -> Any:
    # JSON's true is not 1, and 7.5 is not a point on the scale.
    if isinstance(value, (bool, float)):
        raise ValueError(SCORE)
    return value


Score = Annotated[Annotated[int, Field(ge=0, le=10)] | None, BeforeValidator(_score)]


class WellbeingIn(CaseRecord):
    case_reference: IssuedReference = Field(None, validate_default=True, description=CASE_REFERENCE)
    stage: Annotated[Literal[tuple(STAGES)], BeforeValidator(_stage)] = Field(  # type: ignore[valid-type]
        None, validate_default=True, description="baseline (at referral) or follow_up."
    )
    recorded_on: PastDate | None = Field(None, description="Defaults to today; never in the future.")
    life_satisfaction: Score = None
    worthwhile: Score = None
    happiness: Score = None
    anxiety: Score = None

    @model_validator(mode="after")
    def _some_score(self) -> WellbeingIn:
        if all(getattr(self, name) is None for name in ONS4):
            raise FieldErrors({"life_satisfaction": "Enter at least one of the four scores."})
        return self


Value = TypeVar("Value", int, float)


class ONS4Answers(BaseModel, Generic[Value]):
    """The four ONS personal wellbeing answers: one person's scores, or a group's average change."""

    life_satisfaction: Value | None = None
    worthwhile: Value | None = None
    happiness: Value | None = None
    anxiety: Value | None = None


class WellbeingOut(ONS4Answers[int]):
    case_reference: str
    stage: Literal["baseline", "follow_up"]
    recorded_on: str


class ReferralDetail(ReferralOut):
    history: list[StatusEvent]
    wellbeing: dict[str, WellbeingOut]


class FollowUp(ReferralOut):
    reasons: list[str]
    days_since_change: int


class FollowUps(BaseModel):
    follow_up: list[FollowUp]


class WellbeingChange(ONS4Answers[float]):
    people: Count


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
    """A service that turned a referral away for lack of capacity, most recent first."""

    code: str = Field(description="The service's id.")
    name: str
    no_capacity: Count
    latest_month: str = Field(description="When it last turned one away: YYYY-MM.")
    listed: bool = Field(description="False when the service has since left the directory.")
    accepting_referrals: bool | None = Field(
        None, description="What its listing says now; null if not known."
    )
    wait_weeks: float | None = Field(None, description="The wait its listing states now, in weeks.")


class Summary(BaseModel):
    by_need: list[GroupRow]
    by_service: list[GroupRow]
    no_capacity: list[NoCapacityRow]
    notes: list[str]
