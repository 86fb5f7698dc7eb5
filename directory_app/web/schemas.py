"""Response models of /api/v1 and the request models of curation's JSON bodies, from which the
OpenAPI document is generated.

Each request model checks what it describes (web/validation.py): the ones of a job whose pages
send the same request sit with that job (search.service.SearchQuery, matchmaking.schemas,
referrals.schemas, directory.service_input.ServiceInput). ``extra="allow"`` marks objects that
carry more fields than are listed (search documents, ORUK records), so the document stays true as
they grow.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..directory.duplicates import DECISIONS
from ..directory.service import PROBLEM_KINDS, RESOLUTIONS
from ..directory.service_input import ServiceInput  # noqa: F401  (re-exported for the spec)
from ..vocabulary import STATUSES


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    code: str
    message: str
    fields: dict[str, str] | None = None


class Error(BaseModel):
    error: ErrorBody


class SearchHit(Open):
    id: str
    name: str
    distance_km: float | None = None
    needs: list[str]
    status: str


class SearchResponse(BaseModel):
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    total_pages: int
    facets: dict[str, dict[str, int]]
    location: dict | None = None


class ServicePatch(Open):
    """Any subset of the service fields; unknown fields are rejected by the domain with 400."""


class ServiceRecord(BaseModel):
    id: str
    fields: dict
    summary: dict
    review_due: str | None = None
    last_verified_by: str | None = None
    provenance: dict
    merged_into: str | None = None
    oruk: dict


class HistoryEvent(BaseModel):
    at: str
    actor: str | None = None
    action: str
    changes: dict


class History(BaseModel):
    events: list[HistoryEvent]


class StatusChange(BaseModel):
    status: Literal[STATUSES]  # type: ignore[valid-type]


class ProblemReportIn(BaseModel):
    kind: Literal[tuple(PROBLEM_KINDS)]  # type: ignore[valid-type]
    details: str | None = Field(None, max_length=2000, description="No personal details, please.")


class ProblemReportOut(BaseModel):
    id: int
    message: str


class ReviewItem(BaseModel):
    id: str
    name: str
    review_due: str | None = None
    last_verified_at: str | None = None


class ReviewQueue(BaseModel):
    total: int
    services: list[ReviewItem]


class Problem(BaseModel):
    id: int
    service_id: str
    service: str
    kind: str
    details: str | None = None
    created_at: str

    @classmethod
    def of(cls, report: Any, service: Any) -> Problem:
        return cls(
            id=report.id,
            service_id=service.id,
            service=service.name,
            kind=report.kind,
            details=report.details,
            created_at=report.created_at.isoformat(),
        )


class Problems(BaseModel):
    problems: list[Problem]


class Resolution(BaseModel):
    resolution: Literal[RESOLUTIONS]  # type: ignore[valid-type]


class Resolved(BaseModel):
    id: int
    resolved: bool


class DuplicateListing(BaseModel):
    id: str
    name: str
    publisher: str | None = None


class DuplicatePair(BaseModel):
    id: int
    score: float
    reasons: list[str]
    services: list[DuplicateListing]

    @classmethod
    def of(cls, flag: Any, *listings: Any) -> DuplicatePair:
        return cls(
            id=flag.id,
            score=flag.score,
            reasons=flag.reasons,
            services=[DuplicateListing(id=s.id, name=s.name, publisher=s.publisher) for s in listings],
        )


class Duplicates(BaseModel):
    duplicates: list[DuplicatePair]


class Decision(BaseModel):
    decision: Literal[DECISIONS]  # type: ignore[valid-type]
    keep: str | None = Field(None, description="With merge: the id of the record to keep.")


class Decided(BaseModel):
    id: int
    status: str


class ImportReport(BaseModel):
    publisher: str
    format: str
    total: int
    created: int
    updated: int
    unchanged: int
    failed: int
    errors: list[dict]
    warnings: list[dict]
    withdrawn: list[dict] = Field(
        default_factory=list, description="Services made inactive because a whole feed left them out."
    )


class ImportJob(BaseModel):
    id: str
    url: str = Field(description="Poll this for progress and, once status is done or failed, the report.")
    status: str = Field(description="queued, running, done or failed")
    publisher: str
    filename: str
    format: str
    whole_feed: bool
    total: int
    done: int = Field(description="Records processed so far.")
    error: str | None = None
    created_at: str
    finished_at: str | None = None
    report: ImportReport


class MatchReason(Open):
    kind: Literal[
        "exemption",
        "distance",
        "needs",
        "cost",
        "times",
        "route",
        "for_group",
        "for_situation",
        "suits",
        "related",
    ] = Field(
        description="What the reason is about; its values sit beside it (km, codes, band, amount, "
        "sessions, note, code; and with km, authority: the GSS code of the local authority the venue "
        "is in, when that is not the person's). 'related': listed after every service that meets a "
        "need, because its words are close to the person's."
    )
    text: str = Field(description="The reason in words, as the match page shows it.")


class MatchItem(Open):
    service_id: str
    name: str
    score: float
    distance_km: float | None = None
    needs_met: list[str]
    reasons: list[MatchReason]
    warnings: list[str]


class UnmetNeed(Open):
    need: str
    reason: str
    nearest_km: float | None = None
    nearest_service_id: str | None = None
    requirement: str | None = Field(
        None,
        description=(
            "What this person needed the need met with, when services meet it for others: a group "
            "(deaf_bsl), a language (language:urdu), a kind of service (food:aid, "
            "fuel_energy:warm_space, carers:break, activity:singing) or a way or time of taking part (in_person, evenings, out_of_hours)."
        ),
    )


class MatchResponse(Open):
    matches: list[MatchItem]
    unmet_needs: list[UnmetNeed]
    needs: list[str]
    location: dict | None = None
    understood: dict | None = Field(
        None,
        description=(
            "Circumstances, preferences, age and step-free access (step_free: venues without a step-free "
            "way in are left out, as with constraints.wheelchair) read from the goals, each with the words it "
            "came from."
        ),
    )
