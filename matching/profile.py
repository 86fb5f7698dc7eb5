"""What we know about the person being matched: goals, needs, place, age and hard constraints.

Nothing here identifies anyone: no name, date of birth or address, only an age in years, a
point (usually a postcode centroid) and the codes of the areas that point lies in.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .forces_branch import person_branches
from .household import child_at_home
from .person import PREFERENCES
from .situations import AGE_SITUATIONS, MENTAL_HEALTH, wider_heritages, with_implied
from .situations import BY_CODE as SITUATIONS_BY_CODE

if TYPE_CHECKING:
    from .taxonomy import NeedsTaxonomy

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
# Groups defined by a health condition rather than by who the person is.
CONDITION_GROUPS = frozenset({"people_with_disabilities", "deaf_bsl", "people_with_dementia"})
# Groups the person's own words put them in that open a service restricted to the group: a
# condition they state, and caring for someone today (person.caring_now: "I'm round there every day
# doing everything for her" is a carer whether or not the box was ticked).
OPENED_BY_WORDS = CONDITION_GROUPS | {"carers"}
DELIVERY_CHOICES = ("in_person", "online_ok", "online_only")
_TRUE = {"1", "true", "yes", "on", "y"}
_FALSE = {"0", "false", "no", "off", "n", ""}


class ProfileError(ValueError):
    """Invalid profile input; `fields` maps each bad field name to a message for that field."""

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.fields.items()))


@dataclass(frozen=True)
class Constraints:
    free_only: bool = False
    wheelchair: bool = False
    days: tuple[str, ...] = ()
    delivery: str = "online_ok"
    max_distance_km: float | None = None


@dataclass(frozen=True)
class Profile:
    goals: str = ""
    needs: tuple[str, ...] = ()
    lat: float | None = None
    lng: float | None = None
    age: int | None = None
    constraints: Constraints = field(default_factory=Constraints)
    circumstances: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    # Where the person may live but the postcode cannot tell: the authorities its district spans when
    # it gave none (a service for the residents of none of them is not for this person), and the
    # former districts of the authority it gave.
    possible_areas: tuple[str, ...] = ()
    # Without an authority, the areas of the one most of the postcode's neighbours live in: a
    # service for another authority's residents is then a check, ranked below (constraints.check).
    likely_areas: tuple[str, ...] = ()
    # How the person likes to take part (matching.person.PREFERENCES): ranking only, never a filter.
    preferences: tuple[str, ...] = ()
    # Groups the person's words describe them in ("ex-army"). They raise services meant for the
    # group; only a condition or caring today (OPENED_BY_WORDS) also opens a restricted one: an
    # identity ("ex-army", a pronoun) is the link worker's to tick.
    described: tuple[str, ...] = ()
    # Situations the words state (matching.situations: "stroke", "widowed"): they open a service
    # restricted to one, and raise it.
    situations: tuple[str, ...] = ()

    # What follows is asked of each of a match's hundreds of candidates, and a frozen profile's
    # answers never change: each is worked out once (dataclasses.replace makes a new profile).
    @cached_property
    def groups(self) -> tuple[str, ...]:
        """Every group the person is known or described to be in."""
        return tuple(dict.fromkeys([*self.circumstances, *self.described]))

    @cached_property
    def audiences(self) -> tuple[str, ...]:
        """Every group and situation a service may be meant for that this person is in. Not a time
        of life ("older people"): the needs already weigh it, and counted again it lifted every
        lunch club over the bereavement group a widower of 74 asked for. Nor mental health
        problems, which the mental wellbeing need weighs: counted again, it lifted every peer group
        over the LGBT+ youth group an anxious trans lad of 17 asked for."""
        situations = [code for code in self.situations if code not in AGE_SITUATIONS | {MENTAL_HEALTH}]
        # a Pakistani woman is one a group for South Asian women is meant for
        return tuple(dict.fromkeys([*self.groups, *situations, *wider_heritages(situations)]))

    @cached_property
    def eligible_groups(self) -> tuple[str, ...]:
        """The groups that open a restricted service: what was ticked, a condition the words
        state ("registered blind" opens a service for blind people: the condition is why they
        came), caring today, and a child at home. Identity groups (veterans, women…) open one
        only when ticked."""
        groups = [*self.circumstances, *(g for g in self.described if g in OPENED_BY_WORDS)]
        # a new parent's family has a child in it, and so has a dad whose words give his kids'
        # ages: the search filters and the matcher's own check (constraints.eligible) both let a
        # service for families in
        if "pregnant_new_parents" in groups or child_at_home(self.goals, self.age):
            groups.append("families")
        return tuple(dict.fromkeys(groups))

    @cached_property
    def situations_implied(self) -> frozenset[str]:
        """The situations the words state and those they imply (a disability ticked is one too)."""
        return frozenset(with_implied(self.situations, "people_with_disabilities" in self.eligible_groups))

    @cached_property
    def forces_branches(self) -> frozenset[str]:
        """The branches of the forces the words name (a veteran of the Army is not the Navy's)."""
        return person_branches(self.goals)

    @property
    def has_location(self) -> bool:
        return self.lat is not None and self.lng is not None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["constraints"]["days"] = list(self.constraints.days)
        for key in (
            "needs",
            "circumstances",
            "areas",
            "possible_areas",
            "likely_areas",
            "preferences",
            "described",
            "situations",
        ):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], taxonomy: NeedsTaxonomy | None = None) -> Profile:
        """Build a profile from form or JSON input, or raise ProfileError naming every bad field.

        Constraint fields may sit under "constraints" or at the top level (HTML forms are flat);
        error keys are the flat field names. Lists may be given as comma-separated strings.
        Unknown keys are ignored, so a form's CSRF token does no harm.
        """
        data = dict(data or {})
        nested = data.get("constraints") or {}
        if not isinstance(nested, dict):
            raise ProfileError({"constraints": "must be an object"})
        merged = {**{k: v for k, v in data.items() if k != "constraints"}, **nested}
        errors: dict[str, str] = {}

        def run(name: str, parser: Any, *args: Any) -> Any:
            try:
                return parser(merged.get(name), *args)
            except ValueError as exc:
                errors[name] = str(exc)
                return None

        goals = merged.get("goals") or ""
        if not isinstance(goals, str):
            errors["goals"] = "must be text"
            goals = ""
        known_needs = taxonomy.codes() if taxonomy is not None else None
        known_groups = (taxonomy.eligibility_codes() or None) if taxonomy is not None else None
        needs = run("needs", _codes, known_needs, "need")
        circumstances = run("circumstances", _codes, known_groups, "group")
        preferences = run("preferences", _codes, list(PREFERENCES), "preference")
        situations = run("situations", _codes, list(SITUATIONS_BY_CODE), "situation")
        areas = run("areas", _areas)
        possible_areas = run("possible_areas", _areas)
        likely_areas = run("likely_areas", _areas)
        age = run("age", _age)
        lat = run("lat", _number, -90.0, 90.0)
        lng = run("lng", _number, -180.0, 180.0)
        free_only = run("free_only", _flag)
        wheelchair = run("wheelchair", _flag)
        days = run("days", _days)
        delivery = run("delivery", _delivery)
        max_km = run("max_distance_km", _distance)
        if (lat is None) != (lng is None) and "lat" not in errors and "lng" not in errors:
            errors["lat" if lat is None else "lng"] = "give both latitude and longitude"
        if max_km is not None and (lat is None or lng is None) and "max_distance_km" not in errors:
            errors["max_distance_km"] = "needs a location (postcode) to measure distance from"
        if errors:
            raise ProfileError(errors)
        return cls(
            goals=goals.strip(),
            needs=tuple(needs or ()),
            lat=lat,
            lng=lng,
            age=age,
            constraints=Constraints(
                free_only=bool(free_only),
                wheelchair=bool(wheelchair),
                days=tuple(days or ()),
                delivery=delivery or "online_ok",
                max_distance_km=max_km,
            ),
            circumstances=tuple(circumstances or ()),
            areas=tuple(areas or ()),
            possible_areas=tuple(possible_areas or ()),
            likely_areas=tuple(likely_areas or ()),
            preferences=tuple(preferences or ()),
            situations=tuple(situations or ()),
        )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _list(value: Any) -> list[str]:
    if _blank(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple, set, frozenset)):
        if not all(isinstance(v, str) for v in value):
            raise ValueError("must be a list of codes")
        return [v.strip() for v in value if v.strip()]
    raise ValueError("must be a list of codes")


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _codes(value: Any, known: list[str] | None, what: str) -> list[str]:
    codes = _unique(_list(value))
    if known is not None:
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValueError(f"unknown {what} code{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")
    return codes


def _areas(value: Any) -> list[str]:
    return _unique([code.upper().replace(" ", "") for code in _list(value)])


def _number(value: Any, low: float, high: float) -> float | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError("must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError("must be a number") from None
    if not math.isfinite(number):
        raise ValueError("must be a number")
    if not low <= number <= high:
        raise ValueError(f"must be between {low:g} and {high:g}")
    return number


def _age(value: Any) -> int | None:
    number = _number(value, -math.inf, math.inf)
    if number is None:
        return None
    if number != int(number):
        raise ValueError("must be a whole number of years")
    if not 0 <= number <= 120:
        raise ValueError("must be between 0 and 120")
    return int(number)


MAX_DISTANCE_KM = 500  # England end to end is under 1,000 km; beyond this a search area is meaningless


def _distance(value: Any) -> float | None:
    number = _number(value, -math.inf, math.inf)
    if number is not None and number > MAX_DISTANCE_KM:
        raise ValueError(f"must be at most {MAX_DISTANCE_KM} km")
    if number is not None and number <= 0:
        raise ValueError("must be more than 0 km")
    return number


def _flag(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError("must be yes or no")


def _days(value: Any) -> list[str]:
    days = _unique([d.upper() for d in _list(value)])
    bad = [d for d in days if d not in DAYS]
    if bad:
        raise ValueError(f"days must be MO, TU, WE, TH, FR, SA or SU (not {', '.join(bad)})")
    return sorted(days, key=DAYS.index)


def _delivery(value: Any) -> str:
    if _blank(value):
        return "online_ok"
    if value not in DELIVERY_CHOICES:
        raise ValueError("must be in_person, online_ok or online_only")
    return str(value)
