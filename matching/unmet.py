"""Unmet needs, said plainly: which needs no match meets, why, and what is nearest.

The explanation names the fewest constraints that, between them, blocked every service meeting
the need: each such service broke at least one of them, so "no free bereavement service open on
Tuesday" is true even when some were paid and others met on Mondays, and a service that was
also too far need not drag "within 5 km" into the sentence when cost and day already rule it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .addictions import ADDICTION_PREFIX, ADDICTIONS, addictions_named
from .children import CHILDREN, is_child
from .constraints import FURTHEST_VENUE_KM, WARN_WHEELCHAIR, Check, day_names, km_text
from .crisis import CRISIS_LINE, CRISIS_ONLY_NEEDS
from .explain import lower_label
from .offered import ADDICTION, ANOTHER_ADDICTION, GETTING_ONLINE, offers
from .profile import Profile
from .service import remote_mode
from .twins import offerable
from .understanding.season import season_words

MAX_ALTERNATIVES = 3
# When several equally short explanations exist, prefer the constraint a link worker can most
# easily talk through with the person (distance first, eligibility last).
KIND_PREFERENCE = (
    "distance",
    "days",
    "cost",
    "delivery",
    "wheelchair",
    "age",
    "eligibility",
    "situation",
    "residency",
)


@dataclass
class UnmetNeed:
    need: str
    label: str
    reason: str
    nearest_km: float | None = None
    nearest_service_id: str | None = None
    alternatives: list[str] = field(default_factory=list)
    # Set when the need itself is met but not the person's specific requirement of it
    # (a group code such as "deaf_bsl"): "no loneliness service for Deaf people and BSL users".
    requirement: str | None = None


def _label(taxonomy: Any, code: str) -> str:
    return lower_label(taxonomy.label(code) if taxonomy is not None else code)


def access_unknown(profile: Profile, service: dict[str, Any], check: Check) -> bool:
    """Whether a person who needs step-free access would have to go to a venue that has not said it
    has it (a service they can also phone or join online does not need them to go)."""
    return (
        bool(profile.constraints.wheelchair)
        and WARN_WHEELCHAIR in check.warnings
        and remote_mode(service) is None
    )


def fewest_kinds(blocked: Sequence[set[str]]) -> set[str]:
    """The smallest set of constraint kinds that every blocked service broke at least one of."""
    kinds = [k for k in KIND_PREFERENCE if any(k in b for b in blocked)]
    kinds += sorted(set().union(*blocked) - set(kinds))
    for size in range(1, len(kinds) + 1):
        for chosen in combinations(kinds, size):
            if all(b & set(chosen) for b in blocked):
                return set(chosen)
    return set(kinds)


def _phrase(profile: Profile, label: str, kinds: set[str]) -> str:
    c = profile.constraints
    before, after = [], []
    if "cost" in kinds:
        before.append("free")
    if "wheelchair" in kinds:
        before.append("wheelchair-accessible")
    if "delivery" in kinds:
        before.append("online or phone" if c.delivery == "online_only" else "in-person")
    if "days" in kinds:
        after.append(f"open on {day_names(c.days)}")
    if "age" in kinds and is_child(profile.age):
        after.append("for children and young people")
    elif "age" in kinds and profile.age is not None:
        after.append(f"for age {profile.age}")
    if "children" in kinds:
        after.append("for a child of your child's age")
    if "distance" in kinds:
        after.append(f"within {km_text(c.max_distance_km or FURTHEST_VENUE_KM)}")
    eligible = "eligibility" in kinds or "situation" in kinds
    if eligible and "residency" in kinds:
        after.append("that you are eligible for and that covers where you live")
    elif eligible:
        after.append("that you are eligible for")
    elif "residency" in kinds:
        after.append("for where you live")
    return " ".join(["no", *before, label, "service", *after])


def _km_or_far(km: float | None) -> float:
    """A distance to order by, with an unknown one last (a venue 0 km away is the nearest)."""
    return float("inf") if km is None else km


def _least_blocked_then_nearest(
    i: int, checks: Sequence[Check], distances: Sequence[float | None]
) -> tuple[int, float]:
    """The order in which to name a service that nearly fits: fewest kinds of block, then nearest."""
    return len(checks[i].kinds), _km_or_far(distances[i])


def _name_nearest(
    item: UnmetNeed,
    nearest: int,
    candidates: Sequence[dict[str, Any]],
    distances: Sequence[float | None],
    wanting: str,
    why_not: str,
) -> None:
    """Say the need unmet for want of a service `wanting` something, naming the nearest that lacks it."""
    item.reason = (
        f"no {lower_label(item.label)} service {wanting}: {candidates[nearest].get('name')} {why_not}"
    )
    item.nearest_km, item.nearest_service_id = distances[nearest], str(candidates[nearest].get("id") or "")


def unmet_needs(
    profile: Profile,
    needs: Sequence[str],
    candidates: Sequence[dict[str, Any]],
    distances: Sequence[float | None],
    checks: Sequence[Check],
    taxonomy: Any,
) -> list[UnmetNeed]:
    out = []
    for need in needs:
        label = _label(taxonomy, need)
        meeting = [i for i, s in enumerate(candidates) if offers(s, need) and offerable(s)]
        item = UnmetNeed(
            need=need,
            label=taxonomy.label(need) if taxonomy is not None else need,
            reason=f"no {label} service found",
        )
        out.append(item)
        if need in CRISIS_ONLY_NEEDS:
            item.alternatives = [
                f"in a crisis: {s.get('name')}"
                for i, s in enumerate(candidates)
                if s.get(CRISIS_LINE) and not checks[i].kinds
            ][:MAX_ALTERNATIVES]
        if need == GETTING_ONLINE:
            item.alternatives = [
                f"online only: {s.get('name')}"
                for i, s in enumerate(candidates)
                if need in (s.get("needs") or ()) and not offers(s, need) and not checks[i].kinds
            ][:MAX_ALTERNATIVES]
        if need == ADDICTION:
            _for_their_addiction(item, profile, label, candidates, checks)
        if not meeting:
            continue
        open_ = [i for i in meeting if "status" not in checks[i].kinds]
        if not open_:
            item.reason = f"no {label} service open at the moment ({len(meeting)} listed but closed)"
            continue
        later = [i for i in open_ if checks[i].out_of_season]
        if len(later) == len(open_):
            # "no warm space running at this time of year: St Luke's runs November to March only"
            first = min(later, key=lambda i: _least_blocked_then_nearest(i, checks, distances))
            months = season_words(checks[first].out_of_season or [])
            _name_nearest(
                item, first, candidates, distances, "running at this time of year", f"runs {months} only"
            )
            continue
        open_ = [i for i in open_ if i not in later]
        taking = [i for i in open_ if candidates[i].get("accepting_referrals") is not False]
        if not taking:
            # "no carers service taking new referrals: Young Carers – Preston & Chorley is not taking
            # new referrals at the moment": there on paper, but not for this person now
            first = min(open_, key=lambda i: _least_blocked_then_nearest(i, checks, distances))
            _name_nearest(
                item,
                first,
                candidates,
                distances,
                "taking new referrals",
                "is not taking new referrals at the moment",
            )
            continue
        open_ = taking
        usable = [i for i in open_ if not checks[i].kinds and not checks[i].probably_elsewhere]
        if usable and all(access_unknown(profile, candidates[i], checks[i]) for i in usable):
            # "no nature and gardening service known to be wheelchair accessible: Meadows Community
            # Garden has not recorded its access, so check": the person cannot be sent on a guess
            first = min(usable, key=lambda i: _km_or_far(distances[i]))
            _name_nearest(
                item,
                first,
                candidates,
                distances,
                "known to be wheelchair accessible",
                "has not recorded its access, so check",
            )
            continue
        if usable:
            # Allowed and relevant, so only the list's length kept it out.
            item.reason = f"suitable {label} services did not fit in this list; ask for more results"
            continue
        doubtful = [i for i in open_ if not checks[i].kinds]
        if doubtful:
            # "PL2" is mostly Plymouth: a Cornwall residents' line is named, not counted as met.
            first = doubtful[0]
            away = f" ({distances[first]:.1f} km away)" if distances[first] is not None else ""
            item.reason = (
                f"no {label} service surely for where the person lives; "
                f"{candidates[first].get('name')}{away} is for another area's residents: check where they live"
            )
            item.nearest_km, item.nearest_service_id = (
                distances[first],
                str(candidates[first].get("id") or ""),
            )
            continue
        # Suitable in every way but distance: these give "nearest is ... away".
        far = [i for i in open_ if checks[i].kinds == {"distance"}]
        kinds = fewest_kinds([checks[i].kinds for i in open_])
        item.reason = _phrase(profile, label, kinds)
        if "age" in kinds and is_child(profile.age):
            item.requirement = CHILDREN
        # "nearest is 180 km away" (another region's lunch club) helps nobody
        worth_saying = max(2 * (profile.constraints.max_distance_km or FURTHEST_VENUE_KM), FURTHEST_VENUE_KM)
        located = [i for i in far if distances[i] is not None and (distances[i] or 0.0) <= worth_saying]
        if located:
            nearest = min(located, key=lambda i: distances[i] or 0.0)
            item.nearest_km = round(distances[nearest] or 0.0, 1)
            item.nearest_service_id = candidates[nearest].get("id")
            item.reason += f"; nearest is {distances[nearest]:.1f} km away"
        elif any(distances[i] is None for i in far):
            item.reason += "; those found have no location recorded"
        # Remote services the person ruled out only by wanting in-person, or only by distance.
        for i in open_:
            mode = remote_mode(candidates[i])
            if (
                mode
                and checks[i].kinds <= {"delivery", "distance"}
                and len(item.alternatives) < MAX_ALTERNATIVES
            ):
                item.alternatives.append(f"{mode} service available: {candidates[i].get('name')}")
    return out


def _for_their_addiction(
    item: UnmetNeed,
    profile: Profile,
    label: str,
    candidates: Sequence[dict[str, Any]],
    checks: Sequence[Check],
) -> None:
    """Said for what the person is recovering from, when services for another addiction were
    found: "no addiction recovery service for gambling found", with the drink and drugs café named
    for the link worker to weigh."""
    others = [
        s.get("name") for i, s in enumerate(candidates) if s.get(ANOTHER_ADDICTION) and not checks[i].kinds
    ]
    kinds = addictions_named(profile.goals)
    if not others or not kinds:
        return
    words = " or ".join(ADDICTIONS[kind][2] for kind in kinds)
    item.label = f"{item.label} for {words}"
    item.requirement = ADDICTION_PREFIX + kinds[0]
    item.reason = f"no {label} service for {words} found"
    item.alternatives = [f"for another addiction: {name}" for name in others][:MAX_ALTERNATIVES]
