"""What the understanding step says about one service: each field with a confidence and evidence.

Evidence is what a curator needs to agree or correct: the words that were read (a short quote) or
the record field a value came from. Confidence is 0..1; rules on explicit wording score high,
a charity classification code alone scores low.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DELIVERY_MODES = ("in_person", "phone", "online", "home_visits", "outreach")
COST_BANDS = ("free", "low_cost", "paid", "unknown")
WHEELCHAIR = ("yes", "no", "unknown")
GROUPS = (
    "carers",
    "veterans",
    "women",
    "men",
    "lgbtq",
    "refugees",
    "people_with_disabilities",
    "people_with_dementia",
    "families",
    "deaf_bsl",
    "pregnant_new_parents",
)


@dataclass
class Finding:
    """One understood value. ``source`` names the record field; ``evidence`` quotes it."""

    value: Any
    confidence: float
    source: str
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": round(self.confidence, 2),
            "source": self.source,
            "evidence": self.evidence,
        }


@dataclass
class Understanding:
    needs: list[Finding] = field(default_factory=list)
    min_age: Finding | None = None
    max_age: Finding | None = None
    groups: list[Finding] = field(default_factory=list)
    # matching.situations codes ("stroke", "bereaved_by_suicide"): who else it is only for
    situations: list[Finding] = field(default_factory=list)
    residency: list[Finding] = field(default_factory=list)  # GSS codes
    # where the organisation says it works ("across Greater Manchester and Cheshire"): whom its
    # phone line or outreach reaches, not a limit on who may come (GSS codes)
    works_in: list[Finding] = field(default_factory=list)
    delivery: list[Finding] = field(default_factory=list)
    area_wide: Finding | None = None
    cost: Finding | None = None
    wheelchair: Finding | None = None
    schedule: list[Finding] = field(default_factory=list)  # {"byday", "opens_at", "closes_at", ...}
    capacity: Finding | None = None  # {"accepting": bool|None, "wait_weeks": float|None}
    # words that say the service has stopped ("Closed - funding ended"), though its status is active
    closed: Finding | None = None
    # the months it runs, when only part of the year ("April to October only"): {"months": [4, ..., 10]}
    season: Finding | None = None
    # the last day of a course or programme that runs once between dated days ("30 Sept - 4 Nov
    # 2026"): an ISO date
    runs_until: Finding | None = None
    # how long after a death a bereavement service takes people: {"min_weeks", "max_weeks"}
    time_windows: Finding | None = None
    # whom its exclusion criteria turn away (matching.exclusions codes)
    exclusions: list[Finding] = field(default_factory=list)
    # the one GP practice whose patients alone may come: {"name": "Carlisle Healthcare", "words": [...]}
    practice: Finding | None = None

    # -- plain values, for storing on the service -------------------------------------------
    def need_codes(self) -> list[str]:
        return [f.value for f in self.needs]

    def group_codes(self) -> list[str]:
        return [f.value for f in self.groups]

    def delivery_modes(self) -> list[str]:
        return [f.value for f in self.delivery]

    def residency_codes(self) -> list[str]:
        return [f.value for f in self.residency]

    def value(self, name: str, default: Any = None) -> Any:
        found = getattr(self, name)
        return found.value if found is not None else default

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            found = getattr(self, name)
            if isinstance(found, list):
                out[name] = [f.to_dict() for f in found]
            else:
                out[name] = found.to_dict() if found is not None else None
        return out

    def summary(self) -> dict[str, Any]:
        """Just the values, in the shape the evaluation labels use."""
        return {
            "needs": self.need_codes(),
            "min_age": self.value("min_age"),
            "max_age": self.value("max_age"),
            "groups": self.group_codes(),
            "situations": [f.value for f in self.situations],
            "residency": self.residency_codes(),
            # what the words say of who may come, without a council stamped as the service area
            "residency_said": [f.value for f in self.residency if f.source != "service_areas"],
            "delivery": self.delivery_modes(),
            "area_wide": bool(self.value("area_wide", False)),
            "wheelchair": self.value("wheelchair", "unknown"),
            "cost": self.value("cost", "unknown"),
        }


def from_dict(data: dict[str, Any]) -> Understanding:
    """Rebuild an Understanding stored with to_dict (the app keeps it as JSON)."""

    def one(item: Any) -> Finding | None:
        return (
            Finding(**{k: item.get(k) for k in ("value", "confidence", "source", "evidence")})
            if item
            else None
        )

    out = Understanding()
    for name in out.__dataclass_fields__:
        raw = data.get(name)
        if isinstance(getattr(out, name), list):
            setattr(out, name, [one(item) for item in raw or [] if item])
        else:
            setattr(out, name, one(raw))
    return out


__all__ = ["Finding", "Understanding", "from_dict", "asdict"]
