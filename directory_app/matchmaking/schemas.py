"""What a link worker asks a match for, from the match page's form or POST /api/v1/match.

The pydantic model checks the request's shape (types, ranges, choices, one place); the matching
library then checks the codes against the taxonomy as it builds the person's profile. Nothing
here is stored: the words are read and forgotten.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, model_validator

from matching.profile import DELIVERY_CHOICES, MAX_DISTANCE_KM

from ..web.validation import Day, listed, one_place

MAX_LIMIT = 50
MAX_GOALS_LENGTH = 2000
Codes = Annotated[list[str], BeforeValidator(listed)]


class MatchConstraints(BaseModel):
    free_only: bool | None = None
    wheelchair: bool | None = None
    days: Annotated[list[Day], BeforeValidator(listed)] | None = None
    delivery: Literal[DELIVERY_CHOICES] | None = None  # type: ignore[valid-type]
    max_distance_km: float | None = Field(None, gt=0, le=MAX_DISTANCE_KM, allow_inf_nan=False)


class MatchRequest(BaseModel):
    goals: str | None = Field(
        None,
        max_length=MAX_GOALS_LENGTH,
        description="What matters to the person, in their words. Never stored.",
    )
    needs: Codes | None = Field(None, description="Need codes; see /api/v1/needs.")
    postcode: str | None = Field(None, description="UK postcode or district; not with lat/lng.")
    lat: float | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    lng: float | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    age: int | None = Field(None, ge=0, le=120)
    constraints: MatchConstraints | None = None
    circumstances: Codes | None = Field(
        None,
        description="Group codes (GET /api/v1/needs lists them); the goals' own words add to these. Never stored.",
    )
    preferences: Codes | None = Field(
        None,
        description="How the person likes to take part (e.g. evenings, not_groups, outdoors); the goals' own words add to these. Never stored.",
    )
    situations: Codes | None = Field(
        None,
        description="Situations that open a service restricted to them (e.g. widowed, stroke, care_leavers, "
        "bereaved_by_suicide); the goals' own words add to these. Never stored.",
    )
    limit: int = Field(10, ge=1, le=MAX_LIMIT)

    @model_validator(mode="before")
    @classmethod
    def _flat_form(cls, data: Any) -> Any:
        """A form is flat and sends empty boxes: its constraint fields go under "constraints"."""
        if not isinstance(data, dict):
            return data
        data = {k: v for k, v in data.items() if v != "" and v != []}
        flat = {name: data.pop(name) for name in MatchConstraints.model_fields if name in data}
        if flat:
            nested = data.get("constraints")
            data["constraints"] = {**flat, **nested} if isinstance(nested, dict) else nested or flat
        return data

    @model_validator(mode="after")
    def _one_place(self) -> MatchRequest:
        one_place(self.postcode, self.lat, self.lng)
        return self
