"""What a curator (form, JSON API) or a CSV row says about a service, validated in one place.

Messages are written for the person filling the form, keyed by field name.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic import ValidationError as PydanticError

from matching.situations import BY_CODE as SITUATIONS
from matching.understanding.result import GROUPS
from matching.understanding.schedule import ScheduleWordsError, read_opening_times_list
from matching.understanding.season import read_season

from ..errors import ValidationError
from ..needs import taxonomy
from ..vocabulary import DELIVERY, ROUTES, STATUSES
from ..web.input_checks import check_text_fields
from ..web.phones import format_phone
from ..web.validation import (
    FieldErrors,
    Prose,
    Text,
    TextList,
    YesNo,
    blank_to_none,
    field_messages,
    summary,
)
from .geo import normalise_postcode
from .understanding import same_residency_words, unplaced_residency

# The group codes a record may be restricted to: the matching library's list, so a curator sets
# exactly what the understanding step reads.
ELIGIBILITY = GROUPS
CODE_LISTS = {"delivery": DELIVERY, "referral_route": ROUTES, "eligibility": ELIGIBILITY}


class ScheduleEntry(BaseModel):
    """One RFC 5545 rule: BYDAY codes ("TH", or "1TU" for the first Tuesday, which makes it
    MONTHLY), and for a rule every other week its INTERVAL and the date of one session (DTSTART)."""

    byday: list[str]
    opens_at: time
    closes_at: time
    freq: Literal["WEEKLY", "MONTHLY"] = "WEEKLY"
    interval: int = Field(default=1, ge=1, le=8)
    dtstart: date | None = None

    def as_rule(self) -> dict:
        rule: dict[str, object] = {
            "byday": self.byday,
            "opens_at": self.opens_at.strftime("%H:%M"),
            "closes_at": self.closes_at.strftime("%H:%M"),
            "freq": self.freq,
        }
        if self.interval > 1:
            rule["interval"] = self.interval
            if self.dtstart:
                rule["dtstart"] = self.dtstart.isoformat()
        return rule


def parse_schedule(text: str | None) -> list[ScheduleEntry]:
    """'Thursdays 10am–12pm; first Tuesday of the month 2–4pm' or 'MO,WE 10:00-12:00' → entries.
    The words are read by the one opening-times reader the understanding step also uses; a
    ValueError names the words it could not read."""
    try:
        rules = read_opening_times_list(text)
    except ScheduleWordsError as error:
        raise ValueError(str(error)) from None
    return [
        ScheduleEntry(
            byday=r["byday"],
            opens_at=time.fromisoformat(r["opens_at"]),
            closes_at=time.fromisoformat(r["closes_at"]),
            freq=r["freq"],
            interval=r.get("interval", 1),
            dtstart=date.fromisoformat(r["dtstart"]) if r.get("dtstart") else None,
        )
        for r in rules
    ]


def format_schedule(entries) -> str:
    """The compact form stored and exported ("MO,WE 10:00-12:00; 1TU 14:00-16:00; FR 10:00-12:00
    every 2 weeks from 2026-12-04"), read back by parse_schedule."""
    return "; ".join(_compact(e) for e in entries)


def _compact(entry: ScheduleEntry) -> str:
    text = f"{','.join(entry.byday)} {entry.opens_at.strftime('%H:%M')}-{entry.closes_at.strftime('%H:%M')}"
    if entry.interval > 1:
        text += f" every {entry.interval} weeks"
        if entry.dtstart:
            text += f" from {entry.dtstart.isoformat()}"
    return text


class ServiceInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    external_id: Text = Field(default=None, max_length=200)
    name: str = Field(min_length=2, max_length=300)
    organization: str = Field(min_length=2, max_length=300)
    description: Prose = Field(default=None, max_length=10000)
    url: Text = Field(default=None, max_length=1000)
    email: Text = Field(default=None, max_length=300)
    phone: Text = Field(default=None, max_length=60)
    status: Literal[STATUSES] = "active"  # type: ignore[valid-type]
    needs: TextList = []
    taxonomy_terms: TextList = []
    minimum_age: int | None = Field(default=None, ge=0, le=120)
    maximum_age: int | None = Field(default=None, ge=0, le=120)
    cost: Literal["free", "low_cost", "paid"] | None = None
    cost_amount: float | None = Field(default=None, ge=0, le=100000)
    cost_description: Prose = Field(default=None, max_length=500)
    schedule: Text = None
    schedule_description: Prose = Field(default=None, max_length=1000)
    location_name: Prose = Field(default=None, max_length=300)
    address_1: Text = Field(default=None, max_length=300)
    city: Text = Field(default=None, max_length=120)
    postcode: Text = None
    latitude: float | None = Field(default=None, ge=49, le=61)
    longitude: float | None = Field(default=None, ge=-9, le=2.5)
    wheelchair: YesNo = None
    accessibility: Prose = Field(default=None, max_length=2000)
    delivery: TextList = []
    referral_route: TextList = []
    eligibility: TextList = []
    situations: TextList = []
    residency: TextList = []
    # the months it runs when only part of the year ("April to October"); empty: all year
    season: Text = Field(default=None, max_length=100)
    area_wide: YesNo = False
    service_area: TextList = []
    languages: TextList = []
    accepting_referrals: YesNo = None
    wait_weeks: float | None = Field(default=None, ge=0, le=260)
    last_verified_at: date | None = None

    @field_validator("cost", mode="before")
    @classmethod
    def _cost(cls, value):
        return blank_to_none(value)

    @field_validator(
        "minimum_age",
        "maximum_age",
        "cost_amount",
        "latitude",
        "longitude",
        "wait_weeks",
        "last_verified_at",
        mode="before",
    )
    @classmethod
    def _empty_number(cls, value):
        return blank_to_none(value)

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value):
        value = blank_to_none(value)
        return "active" if value is None else str(value).strip().lower().replace(" ", "_")

    @field_validator("email")
    @classmethod
    def _email(cls, value):
        # Syntax only: a DNS lookup would leak what curators type and fail offline.
        if value is not None:
            try:
                return validate_email(value, check_deliverability=False).normalized
            except EmailNotValidError:
                raise ValueError("Enter an email address like name@example.org.") from None
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value, info: ValidationInfo):
        # Curators typing a number get it checked; imported feeds keep what their publisher wrote
        # (many list switchboards with extensions), so their records are not refused wholesale.
        if value is None or not (info.context or {}).get("curation"):
            return value
        formatted = format_phone(value)
        if formatted is None:
            raise ValueError(
                f"“{value}” is not a phone number. Enter one such as 0161 496 0000 or +44 161 496 0000."
            )
        return formatted

    @field_validator("url")
    @classmethod
    def _url(cls, value):
        if value is not None and not re.match(r"^https?://[^\s]+\.[^\s]+$", value):
            raise ValueError("Enter a web address starting with http:// or https://.")
        return value

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value):
        if value is None:
            return None
        normalised = normalise_postcode(value)
        if normalised is None or " " not in normalised:
            raise ValueError(f"'{value}' is not a full UK postcode such as M33 7ZZ.")
        return normalised

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value):
        return format_schedule(parse_schedule(value)) if value is not None else None

    @field_validator("needs")
    @classmethod
    def _needs(cls, value):
        known = set(taxonomy().codes())
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValueError(f"Unknown need codes: {', '.join(unknown)}. See /api/v1/needs.")
        return value

    @field_validator("delivery", "referral_route", "eligibility")
    @classmethod
    def _coded(cls, value, info: ValidationInfo):
        return _choices(value, CODE_LISTS[info.field_name or ""])

    @field_validator("situations")
    @classmethod
    def _situations(cls, value):
        cleaned = [v.lower().replace("-", "_").replace(" ", "_") for v in value]
        unknown = [code for code in cleaned if code not in SITUATIONS]
        if unknown:
            plural = "s" if len(unknown) > 1 else ""
            raise ValueError(f"Unknown situation code{plural}: {', '.join(unknown)}. See /api/v1/needs.")
        return list(dict.fromkeys(cleaned))

    @field_validator("season")
    @classmethod
    def _season(cls, value):
        if value and read_season(value) is None:
            raise ValueError(
                "Write the months it runs, such as “April to October” or “Nov-Mar”, or “all year”."
            )
        return value

    @field_validator("residency")
    @classmethod
    def _residency(cls, value, info: ValidationInfo):
        # A list shown back as it was is kept as it was, even a place we could not name again.
        before = (info.context or {}).get("residency_before")
        if before is not None and same_residency_words(value, before):
            return value
        unplaced = unplaced_residency(value)
        if unplaced:
            words = ", ".join(f"“{w}”" for w in unplaced)
            raise ValueError(
                f"Could not place {words}. Write councils (Salford), towns with their council "
                "(Eccles (Salford)) or postcode districts (M30), separated by “;”."
            )
        return value

    @model_validator(mode="after")
    def _coherent(self):
        # Every rule is checked and all that fail are reported together, so a person fixes them in one go.
        problems = {}
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            problems["maximum_age"] = "The maximum age is below the minimum age."
        if (self.latitude is None) != (self.longitude is None):
            problems["latitude"] = "Give both latitude and longitude, or neither."
        if not self.delivery:
            self.delivery = ["in_person"] if (self.postcode or self.latitude is not None) else []
        if (
            "in_person" in self.delivery
            and not self.area_wide
            and not self.postcode
            and self.latitude is None
        ):
            problems["postcode"] = "An in-person service needs a postcode (or mark it area-wide)."
        if not self.delivery:
            problems["delivery"] = "Say how the service is delivered: in_person, online or phone."
        if problems:
            raise FieldErrors(problems)
        return self

    def schedule_entries(self) -> list[ScheduleEntry]:
        return parse_schedule(self.schedule)


def _choices(values: list[str], allowed: tuple[str, ...]) -> list[str]:
    cleaned = [v.lower().replace("-", "_").replace(" ", "_") for v in values]
    bad = [v for v in cleaned if v not in allowed]
    if bad:
        raise ValueError(f"{', '.join(bad)} not allowed; use {', '.join(allowed)}.")
    return list(dict.fromkeys(cleaned))


FIELD_NAMES = tuple(ServiceInput.model_fields)


def validate_service_input(
    data: dict, curation: bool = False, residency_before: list[str] | None = None
) -> ServiceInput:
    """Validate, turning every problem into one ValidationError with a message per field.
    ``curation``: a person is typing this, so contact details are checked more strictly.
    ``residency_before``: the residency list as the form showed it, which is kept without re-reading.

    Every problem comes back in one answer: the character check, each field's own check, and the
    rules comparing fields (run over the fields that were valid), so nobody fixes a form three times."""
    fields: dict[str, str] = {}
    if isinstance(data, dict):
        try:
            check_text_fields(data)
        except ValidationError as error:
            fields.update(error.fields)
    context = {"curation": curation, "residency_before": residency_before}
    try:
        validated = ServiceInput.model_validate(data, context=context)
    except PydanticError as error:
        for field, message in field_messages(ServiceInput, error).items():
            fields.setdefault(field, message)
        if isinstance(data, dict):
            for field, message in _cross_field_problems(data, set(fields), context).items():
                fields.setdefault(field, message)
        raise ValidationError(summary(fields), fields) from None
    if fields:
        raise ValidationError(summary(fields), fields)
    return validated


# Valid stand-ins for fields that failed their own check, so that the cross-field rules run on the
# rest without blaming another field for it (a mistyped postcode is not also "say how it is delivered").
_STAND_INS = {
    "name": "stand-in",
    "organization": "stand-in",
    "postcode": "M1 1AA",
    "latitude": 53.0,
    "longitude": -2.0,
}


def _cross_field_problems(data: dict, failed: set[str], context: dict) -> dict[str, str]:
    """The cross-field rules over what was valid, failed fields replaced by a stand-in or their
    default (pydantic runs model rules only once every field passes)."""
    valid = {k: v for k, v in data.items() if k not in failed and k in ServiceInput.model_fields}
    valid.update({k: v for k, v in _STAND_INS.items() if k in failed})
    try:
        ServiceInput.model_validate(valid, context=context)
    except PydanticError as error:
        rules = [(item.get("ctx") or {}).get("error") for item in error.errors()]
        return {k: v for found in rules if isinstance(found, FieldErrors) for k, v in found.fields.items()}
    return {}
