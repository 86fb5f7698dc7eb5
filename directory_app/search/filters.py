"""Search filters, written once for directory search and match retrieval, so that "free only" or
"within 5 km" means the same on every page and in every API, and in either search index.

A filter is a small value, not text: each renders itself as a Meilisearch filter expression
(``expression``) and says whether a document passes it (``holds``), which is how the in-memory
index applies it. The contract suite (tests/search/test_index_contract.py) checks that both agree.
User input never reaches a filter as text: values are numbers we parsed or codes from a fixed
vocabulary, checked before they are used.

The rule for what a listing has not recorded: a free-only or wheelchair filter keeps a service
that has not said what it costs or whether it is step-free. It may well fit; dropping it silently
would hide it, so it is kept and the page marks it ("has not recorded its cost": see
web.display.unknown_lines; the matcher warns "cost not recorded").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from matching.service import haversine_km


class Filter(Protocol):
    def expression(self) -> str: ...

    def holds(self, document: dict[str, Any]) -> bool: ...


def _quoted(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # Values come only from fixed vocabularies checked before this; quoting is belt and braces.
    return '"' + str(value).replace("\\", "").replace('"', "") + '"'


def _values(document: dict[str, Any], attribute: str) -> list[Any]:
    value = document.get(attribute)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


@dataclass(frozen=True)
class OneOf:
    """The attribute (or any of its values, for a list) is one of ``values``; ``negated`` for NOT
    IN, which also passes a document without the attribute."""

    attribute: str
    values: tuple[Any, ...]
    negated: bool = False

    def expression(self) -> str:
        listed = ", ".join(_quoted(v) for v in self.values)
        return f"{self.attribute} {'NOT IN' if self.negated else 'IN'} [{listed}]"

    def holds(self, document: dict[str, Any]) -> bool:
        wanted = {str(v).lower() if isinstance(v, str) else v for v in self.values}
        found = any(
            (v.lower() if isinstance(v, str) else v) in wanted for v in _values(document, self.attribute)
        )
        return found != self.negated


@dataclass(frozen=True)
class Is:
    """The attribute equals ``value`` (``negated``: does not, which a missing attribute also passes)."""

    attribute: str
    value: bool | str
    negated: bool = False

    def expression(self) -> str:
        return f"{self.attribute} {'!=' if self.negated else '='} {_quoted(self.value)}"

    def holds(self, document: dict[str, Any]) -> bool:
        return (self.value in _values(document, self.attribute)) != self.negated


@dataclass(frozen=True)
class Bound:
    """A number no more than (``at_most``) or no less than ``limit``; a missing number fails."""

    attribute: str
    limit: float
    at_most: bool

    def expression(self) -> str:
        return f"{self.attribute} {'<=' if self.at_most else '>='} {self.limit:g}"

    def holds(self, document: dict[str, Any]) -> bool:
        value = document.get(self.attribute)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return value <= self.limit if self.at_most else value >= self.limit


@dataclass(frozen=True)
class Empty:
    """The attribute is there and empty ([] or ""); a missing one is not empty (as in Meilisearch)."""

    attribute: str

    def expression(self) -> str:
        return f"{self.attribute} IS EMPTY"

    def holds(self, document: dict[str, Any]) -> bool:
        return self.attribute in document and document[self.attribute] in ([], "", {})


@dataclass(frozen=True)
class Near:
    """The document's point is within ``metres`` of ``centre`` (lat, lng)."""

    centre: tuple[float, float]
    metres: int

    def expression(self) -> str:
        lat, lng = self.centre
        return f"_geoRadius({lat:.6f}, {lng:.6f}, {self.metres})"

    def holds(self, document: dict[str, Any]) -> bool:
        point = _geo_point(document)
        return point is not None and metres_between(*self.centre, *point) <= self.metres


def _geo_point(document: dict[str, Any]) -> tuple[float, float] | None:
    """The document's (lat, lng), or None where it has no place (a phone line, an online group)."""
    point = document.get("_geo")
    if not isinstance(point, dict) or point.get("lat") is None or point.get("lng") is None:
        return None
    return float(point["lat"]), float(point["lng"])


@dataclass(frozen=True)
class AnyOf:
    """At least one of ``filters`` holds."""

    filters: tuple[Filter, ...]

    def expression(self) -> str:
        return "(" + " OR ".join(f.expression() for f in self.filters) + ")"

    def holds(self, document: dict[str, Any]) -> bool:
        return any(f.holds(document) for f in self.filters)


@dataclass(frozen=True)
class AllOf:
    """Every one of ``filters`` holds."""

    filters: tuple[Filter, ...]

    def expression(self) -> str:
        return "(" + " AND ".join(f.expression() for f in self.filters) + ")"

    def holds(self, document: dict[str, Any]) -> bool:
        return all(f.holds(document) for f in self.filters)


def metres_between(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (the haversine formula Meilisearch uses for _geoRadius and sorting)."""
    return float(haversine_km(lat1, lng1, lat2, lng2)) * 1000


def one_of(attribute: str, values: Sequence[Any]) -> OneOf:
    return OneOf(attribute, tuple(values))


REMOTE = one_of("delivery", ["online", "phone"])


def free_only() -> Filter:
    """Free, or cost not recorded. NOT IN also keeps a document with no cost_band at all."""
    return OneOf("cost_band", ("low_cost", "paid"), negated=True)


def wheelchair() -> Filter:
    """Step-free, or access not recorded."""
    return Is("wheelchair", False, negated=True)


def age(years: int) -> list[Filter]:
    return [
        Bound("age_min_filter", int(years), at_most=True),
        Bound("age_max_filter", int(years), at_most=False),
    ]


def any_age(years: Sequence[int]) -> Filter:
    """A service for any one of these ages: a parent's own, or a child's they ask for."""
    return AnyOf(tuple(AllOf(tuple(age(y))) for y in dict.fromkeys(years)))


def one_of_or_none(attribute: str, values: Sequence[Any]) -> Filter:
    """One of ``values``, or the attribute is recorded as empty (days not recorded, open to all)."""
    return AnyOf((one_of(attribute, values), Empty(attribute))) if values else Empty(attribute)


def within(lat: float, lng: float, km: float) -> Filter:
    """Within ``km`` of a point; services without a place of their own (phone, online, area-wide)
    are not "beyond" any distance."""
    return AnyOf((Near((lat, lng), int(km * 1000)), Is("area_wide", True), REMOTE))


def expressions(clauses: Sequence[Filter]) -> list[str]:
    return [clause.expression() for clause in clauses]


def all_hold(clauses: Sequence[Filter], document: dict[str, Any]) -> bool:
    return all(clause.holds(document) for clause in clauses)
