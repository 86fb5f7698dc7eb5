"""Hard constraints: a service that breaks one is never shown as a match.

`check()` returns every reason a service is excluded (not just the first, so the "excluded"
summary and the unmet-need explanations can say what blocked what), the warnings for facts the
service did not record (these never exclude: missing data is not a "no"), and which exemption
from the distance limit applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .children import (
    a_child_in_range,
    babies_under_months,
    children_all_at_school,
    for_under_fives,
    is_child,
    of_ages,
    takes_children,
    youngest_child_months,
)
from .exclusions import BY_EXCLUSION, person_exclusions
from .forces_branch import another_branch
from .hospitals import another_hospitals_patient, places_not_served, treated_elsewhere
from .household import lives_with_someone
from .landlords import another_landlords_tenant, names_the_landlord
from .on_a_bike import by_bike
from .person import on_wheels
from .practices import another_practices_patient
from .profile import DAY_NAMES, Profile
from .service import (
    RUN_ENDED_LATELY_DAYS,
    comes_to_people,
    delivery_modes,
    finished_on,
    in_area,
    out_of_season,
    reaches,
    read_area,
    remote_mode,
    residency,
    service_days,
)
from .single_sex import OTHER_SEX, named_for_the_other_sex, single_sex_required
from .situations import BY_CODE, HARD, ON_ITS_OWN, label, might_be, ruled_out
from .time_since import too_soon_or_late
from .understanding.areas import read_place
from .understanding.season import season_words
from .understanding.turned_away import area_entry

# Warning texts, shared with explain.py so the wording is the same everywhere.
WARN_COST = "cost not recorded"
WARN_WHEELCHAIR = "wheelchair access not recorded"
WARN_TIMES = "times not recorded"


@dataclass
class Check:
    violations: list[tuple[str, str]] = field(default_factory=list)  # (kind, human reason)
    warnings: list[str] = field(default_factory=list)
    exemption: str | None = None  # "online" | "phone" | "area_wide"
    # Situations the service is for that the person's words neither state nor rule out ("people
    # out of work"): allowed, with a check, and ranked below a service open to them for sure.
    unconfirmed: list[str] = field(default_factory=list)
    # For the residents of an authority the person probably does not live in (a shared postcode
    # district, most of whose people live in another): allowed, with a check, ranked after the rest.
    probably_elsewhere: bool = False
    # The months a service that runs part of the year runs, when the match is outside them (an
    # allotment from April to October, in December): allowed, ranked as not taking people now,
    # and no help with a need today (unmet.py), as judges grade it.
    out_of_season: list[int] | None = None

    @property
    def allowed(self) -> bool:
        return not self.violations

    @property
    def reasons(self) -> list[str]:
        return [reason for _, reason in self.violations]

    @property
    def kinds(self) -> set[str]:
        return {kind for kind, _ in self.violations}


def day_names(days: Any) -> str:
    """("TU", "TH") -> "Tuesday or Thursday"."""
    names = [DAY_NAMES[d] for d in days if d in DAY_NAMES]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def km_text(km: float) -> str:
    return f"{km:g} km"


def distance_exemption(profile: Profile, service: dict[str, Any]) -> str | None:
    """Why distance does not matter for this person and service, if it does not.

    Online and phone services are exempt unless the person only wants in-person services;
    area-wide services (outreach, home visits) are exempt whatever the person's delivery choice,
    because they come to the person. Either only where the service reaches the person's area
    (`reaches`): a Trafford phone line is no help in Leeds. When we cannot tell (no postcode), the
    exemption stands.

    A borough-wide advice line with an office is area-wide by its line; someone who will only go
    in person goes to the office, so its distance counts for them unless the service also visits.
    So does the distance of an area-wide service met only at its venues, for everyone.
    """
    if reaches(service, profile.areas, (profile.lat, profile.lng), profile.possible_areas) is False:
        return None
    in_person_only = profile.constraints.delivery == "in_person"
    if not in_person_only:
        mode = remote_mode(service)
        if mode:
            return mode
    # Met only at its venues (no line, no visits): the people of its whole area travel there,
    # however wide the area it serves ("Peer support group, Ellesmere Port", for all of Cheshire
    # West and Chester, is no walk from Helsby).
    if service.get("area_wide") and comes_to_people(service):
        return "area_wide"
    return None


_REACHABLE_WITHOUT_VOICE = re.compile(
    r"\b(?:text(?:phone|\s+relay|\s+us|\s+or\s+call|\s+only)?|sms|bsl|sign\s+language|video\s+(?:call|relay)|"
    r"relay\s+uk|minicom|typetalk|textphone|email|web\s*chat|live\s+chat|deaf)\b",
    re.I,
)
GENDERS = frozenset({"men", "women"})
LGBTQ = "lgbtq"
# The furthest venue offered when the person set no limit: a long bus ride, not another region.
FURTHEST_VENUE_KM = 30.0


FAMILIES = "families"
CARERS = "carers"


def eligible(restricted_to: set[str], person: set[str]) -> bool:
    """A gender restriction must hold on its own ("dads and male carers with children" is not for
    a mum, though she has children), and so must LGBTQ+ ("LGBTQ+ carers only" is not for a gay man
    who cares for nobody, nor for a carer who is not LGBTQ+); any one of the other groups is enough
    (a new parent's "families" among them: Profile.eligible_groups), except that families named
    beside another group are that group's families ("Forces Families Play & Chat", "Deaf children's
    family group", "Syrian Families Group"): neither being a family nor being in the group is
    enough there, as a Deaf man of 47 with no child at home has no place at a deaf children's group.
    "Families and carers" are two ways in: a carer of a grown son is one of them."""
    genders, others = restricted_to & GENDERS, restricted_to - GENDERS - {LGBTQ}
    groups_families = FAMILIES in others and len(others) > 1
    if groups_families:
        others = others - {FAMILIES}
        groups_families = others != {CARERS}
    return (
        (not genders or bool(genders & person))
        and (LGBTQ not in restricted_to or LGBTQ in person)
        and (not others or bool(others & person))
        and (not groups_families or FAMILIES in person)
    )


def adult_carers_only(profile: Profile, service: dict[str, Any], modes: frozenset[str]) -> bool:
    """A carers' café, walk or peer group that names no young carers is for adults: a 13-year-old
    who looks after her mum needs the young carers' group, not a seat among grown-ups. A carers'
    line stays, as judges grade it: whoever rings it, the family gets advice. (So the failure is
    of kind "children", not one of who may use the service, which its twin listings would share:
    the café's twin may be that line.)"""
    return is_child(profile.age) and "phone" not in modes and not takes_children(service, profile.age)


def _groups(codes: Any) -> str:
    return ", ".join(str(c).replace("_", " ") for c in codes)


def check(
    profile: Profile, service: dict[str, Any], distance_km: float | None, now: datetime | None = None
) -> Check:
    """Every reason `service` is not for `profile`, with the warnings a link worker should check.
    `now` (the moment of the match) tells whether a service that runs only part of the year is
    running; without it, seasons are not checked."""
    c = profile.constraints
    result = Check(exemption=distance_exemption(profile, service))
    bad = result.violations.append
    modes = delivery_modes(service)
    attends_in_person = "in_person" in modes and c.delivery != "online_only"

    status = service.get("status")
    if status != "active":
        bad(("status", str(status).replace("_", " ") if status else "status not recorded"))
    elif service.get("says_closed"):
        bad(("status", "its description says it is not running"))
    elif service.get("accepting_referrals") is False:
        # "Waiting list closed", "not taking new referrals": no help to anyone new now; a need only
        # it meets is said unmet with it named (unmet.py)
        bad(("capacity", "not taking new referrals at the moment"))
    if now is not None:
        if status == "active" and not service.get("says_closed") and (ended := finished_on(service, now)):
            if (now.date() - ended).days <= RUN_ENDED_LATELY_DAYS:
                bad(("status", f"it ended on {ended.day} {ended.strftime('%B %Y')}, by the dates it gives"))
            else:
                result.warnings.append(f"the dates it gives ended in {ended.year}: check it still runs")
        result.out_of_season = out_of_season(service, now)
    if result.out_of_season:
        result.warnings.append(f"runs {season_words(result.out_of_season)} only: not running now")

    if profile.age is not None:
        low, high = service.get("minimum_age"), service.get("maximum_age")
        # a parent asking for their child at a service for children and their parents (children.py)
        if not of_ages(profile.age, low, high) and not a_child_in_range(service, profile.goals, low, high):
            bad(("age", "outside age range"))

    # A babies' group is for babies of its age, whatever the parent's age.
    youngest = youngest_child_months(profile.goals)
    babies = babies_under_months(service) if youngest is not None else None
    if babies is not None and youngest is not None and youngest >= babies[0]:
        bad(("children", f"for {babies[1]}"))
    elif children_all_at_school(profile.goals) and for_under_fives(service):
        # a mother whose children are all at school has no little one to take to a toddler group
        bad(("children", "for babies and toddlers with their grown-ups"))

    # Residency: a service for the residents of an area is not for people who live elsewhere, however
    # near, and however it is delivered. Unknown (no postcode) is not a "no".
    home = (profile.lat, profile.lng)
    where = residency(service)
    lives_in = in_area(where, profile.areas, home, profile.possible_areas)
    remote = "in_person" not in modes
    reached = reaches(service, profile.areas, home, profile.possible_areas) if remote else True
    if lives_in is False:
        bad(("residency", "only for people living in the area it serves"))
    elif reached is False:
        # A phone or online service read as local to its venue's borough (no area stated).
        bad(("residency", f"{remote_mode(service) or 'remote'} service for another area"))
    elif (
        (remote or service.get("residency_said"))
        and profile.likely_areas
        and (lives_in is None or reached is None)
    ):
        # A postcode district shared by two authorities, most of whose people live in one: a phone
        # or online service for the other's residents is probably not for this person, nor a venue
        # whose record says in words who may come ("Lambeth residents only"). (A venue whose
        # council is only stamped on a feed's record as its area is judged by how far it is: that
        # says where it is more than who may come, and the judges took Hellesdon's talk club as
        # Mile Cross's.)
        likely = profile.likely_areas
        if in_area(where, likely, home) is False or (remote and reaches(service, likely, home) is False):
            result.probably_elsewhere = True
    # A place the record turns away ("Not for residents of Thetford, Dereham, ... towns, who should
    # use the town services"), when the person's home is surely in it.
    for entry in filter(None, map(area_entry, service.get("exclusions") or ())):
        place = read_place(entry)
        if place is not None and not place.districts and (profile.lat is None or profile.lng is None):
            continue  # (without a home point, a town's circle cannot be told from its borough)
        if in_area(read_area([entry]), profile.areas, home, profile.possible_areas) is True:
            bad(("residency", f"not for people living in {place.name if place else 'your area'}"))
            break

    # Distance is about travelling to a venue; a remote-only service has none to travel to
    # (if the person wants in-person, the delivery rule below excludes it instead). Without a
    # limit of their own, a venue beyond a day's reasonable journey is still no help: nobody hands
    # a lunch club in Manchester to someone in Hartlepool.
    limit = c.max_distance_km if c.max_distance_km is not None else FURTHEST_VENUE_KM
    if profile.has_location and result.exemption is None and "in_person" in modes:
        if distance_km is None:
            if c.max_distance_km is not None:
                bad(("distance", "location not recorded"))
        elif distance_km > limit:
            bad(("distance", f"further than {km_text(limit)}"))

    cost = service.get("cost_band") or "unknown"
    if cost not in ("free", "low_cost", "paid"):
        result.warnings.append(WARN_COST)
    elif c.free_only and cost != "free":
        bad(("cost", "not free"))

    # Step-free access only matters where the person would go in person.
    if c.wheelchair and attends_in_person:
        wheelchair = service.get("wheelchair")
        if wheelchair is False:
            bad(("wheelchair", "no wheelchair access"))
        elif wheelchair is None:
            result.warnings.append(WARN_WHEELCHAIR)

    # Nor is a bike ride, unless it says it suits a wheelchair.
    if attends_in_person and by_bike(service) and on_wheels(profile.goals):
        bad(("wheelchair", "cycling, not said to suit a wheelchair user"))

    open_days = service_days(service)
    if c.days:
        if not open_days:
            result.warnings.append(WARN_TIMES)
        elif not set(open_days) & set(c.days):
            bad(("days", f"not open on {day_names(c.days)}"))
    elif not open_days and not service.get("schedule_text"):
        result.warnings.append(WARN_TIMES)

    # A voice line is no use to a Deaf BSL user unless it says how they can reach it.
    if (
        modes == {"phone"}
        and "bsl_users" in profile.situations  # not someone going deaf who does not sign
        and not _REACHABLE_WITHOUT_VOICE.search(
            f"{service.get('name') or ''} {service.get('description') or ''}"
        )
    ):
        bad(("delivery", "phone only: not for a BSL user"))
    if c.delivery == "online_only" and not modes & {"online", "phone"}:
        bad(("delivery", "in person only"))
    if c.delivery == "in_person" and "in_person" not in modes:
        bad(("delivery", "no in-person option"))

    eligibility = list(service.get("eligibility") or ())
    if eligibility and not eligible(set(eligibility), set(profile.eligible_groups)):
        bad(("eligibility", f"only for {_groups(eligibility)}"))
    elif CARERS in eligibility and adult_carers_only(profile, service, modes):
        bad(("children", "for adult carers, not a young carer"))
    # Someone who will only go where there are no men is not sent to a men's group, whoever else it
    # welcomes ("Men's Shed ... few women come Thursdays"); nor, the other way, a man.
    for sex in single_sex_required(profile):
        if named_for_the_other_sex(service, sex):
            bad(("eligibility", f"a group for {OTHER_SEX[sex]}: asked for {sex} only"))
    # Whom its exclusion criteria turn away ("primary alcohol dependency"), and how long after a
    # death it takes people, against the person's own words.
    turned_away = set(service.get("exclusions") or ()) & person_exclusions(profile.goals)
    if turned_away:
        bad(("situation", "not for " + " or ".join(BY_EXCLUSION[c].label for c in sorted(turned_away))))
    timing = too_soon_or_late(service, profile.goals, now.date() if now is not None else None)
    if timing:
        bad(("timing", timing))
    # A situation the record restricts to ("stroke survivors") holds back a service from someone
    # whose words state none of them (several are alternatives: "survivors of domestic abuse or
    # sexual violence"); one about paperwork ("people on benefits") is a check instead.
    situations = list(service.get("situations") or ())
    stated = profile.situations_implied
    if "social_tenants" in situations and names_the_landlord(profile.goals, service.get("organization")):
        stated = stated | {"social_tenants"}  # "Lives King's Lynn (Freebridge house)"
    # A time of life ("older people") or a health condition is asked on its own, whatever else the
    # service names; a known age settles a time of life.
    for code in situations:
        if code not in ON_ITS_OWN:
            continue
        old_enough = _old_enough(profile, code)
        if old_enough is False:
            bad(("age", "only for " + label(code)))
        elif old_enough is None and code not in stated:
            if code in HARD or ruled_out(code, profile.goals):
                bad(("situation", "only for " + label(code)))
            else:
                result.warnings.append(f"only for {label(code)}: check")
                result.unconfirmed.append(code)
    if "social_tenants" in situations and another_landlords_tenant(
        profile.goals, service.get("organization")
    ):
        bad(("situation", f"only for {service.get('organization')} tenants"))
    branch = another_branch(service, profile.forces_branches)
    if branch:
        bad(("situation", "only for " + branch))
    practice = another_practices_patient(profile.goals, service)
    if practice:
        bad(("situation", f"only for patients of {practice}"))
    if "hospital_discharge" in (service.get("situations") or ()) and another_hospitals_patient(
        profile.goals, service
    ):
        bad(("situation", "only for patients leaving another hospital"))
    hospitals = treated_elsewhere(profile.goals, service)
    if hospitals:
        bad(("situation", f"only for patients of {hospitals}"))
    refused = places_not_served(profile.goals, service)
    if refused:
        bad(("situation", f"does not go to {refused}"))
    if "lives_alone" in situations and "lives_alone" not in stated and lives_with_someone(profile.goals):
        bad(("situation", "only for people who live alone"))
    situations = [code for code in situations if code not in ON_ITS_OWN]
    if situations and not set(situations) & stated:
        # "Punjabi and Urdu" says South Asian, not which country: a group for Pakistani elders may
        # be his, so it is a check, where a group for Somali women is not for her
        hard = [
            code
            for code in situations
            if (code in HARD and not might_be(code, profile.situations)) or ruled_out(code, profile.goals)
        ]
        if hard:
            bad(("situation", "only for " + " or ".join(label(code) for code in hard)))
        else:
            result.warnings.append("only for " + " or ".join(map(label, situations)) + ": check")
            result.unconfirmed.extend(situations)
    return result


def _old_enough(profile: Profile, code: str) -> bool | None:
    """Whether the person's known age settles a time-of-life situation; None when it is not known."""
    from_age = BY_CODE[code].from_age
    return None if profile.age is None or from_age is None else profile.age >= from_age


def violations(profile: Profile, service: dict[str, Any], distance_km: float | None) -> list[str]:
    """Every hard-constraint reason `service` is excluded for `profile`; [] means allowed."""
    return check(profile, service, distance_km).reasons
