"""A service as it is offered to this person: still ranked by what it is about, but some of the
needs it meets are not met for them, so a need only such services would meet is said to be unmet.

- A crisis line, for someone not in crisis, meets no need for support (matching/crisis.py).
- Help getting online that is itself only online (a web course) meets no one's need to get online.
  It is still offered, for those who can use it; a relevance judge flagged exactly that gap
  ("in-person help getting online in East Cleveland": only a website was left).
- A service whose first need is a time of life the person is far from (`fit.age_fit`: a helpline
  for bereaved children and young people, offered to a widow of 62) meets none of the person's
  needs but its age group's own. The judge left it ungraded; counted as met, it hid that the only
  bereavement service in reach would not see her yet. First: the need the record is read surest
  of, so an adults' alcohol service also read as young people's still meets a drinker's need. A
  parent's need (family_parenting), or the age group's own need ("my grandson"), keeps them.
- A service first for addiction (a gambling harm line, read as for mental wellbeing too) meets
  none of the needs of someone with no addiction need: counted as met, it hid the gap of an
  anxious woman with no free counselling in reach, and of a man with no men's talking group.
- So does a service first for bereavement (an online bereavement group a counsellor runs, read as
  for mental wellbeing too) for someone who has lost no one: counted as met, it hid that an anxious
  young mother had no women's wellbeing group she could go to.
- A service for another addiction than the person's (a drink and drugs recovery café, for a man
  betting online) does not meet their need to stop: listed for it, it hid that no gambling group
  met face to face near him.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .addictions import meets_addiction
from .crisis import CRISIS_LINE, CRISIS_ONLY_NEEDS, is_crisis_line
from .fit import age_fit
from .service import delivery_modes

OTHER_TIME_OF_LIFE = "other_time_of_life"
ANOTHER_PROBLEM = "another_problem"
ANOTHER_ADDICTION = "another_addiction"
ADDICTION = "addiction_recovery"
GETTING_ONLINE = "digital_inclusion"
BEREAVEMENT = "bereavement"
# Needs whose services are for the people who have them, whatever else they are read to help with.
ONLY_FOR_THOSE_WITH_IT = frozenset({ADDICTION, BEREAVEMENT})
AGE_GROUP_NEEDS = frozenset({"young_people", "older_people"})
# A person asking for these may want a service for another time of life: for their child, or for
# the young or old person they name.
_FOR_SOMEONE_ELSE = frozenset({"family_parenting"}) | AGE_GROUP_NEEDS


def as_offered(
    service: dict[str, Any],
    crisis: bool,
    age: int | None,
    needs: Sequence[str],
    addictions: Sequence[str] = (),
    lost_someone: bool = False,
) -> dict[str, Any]:
    """The service marked for this person: a crisis line offered to someone not in crisis, a service
    for another time of life or another addiction (`addictions`: the kinds the person's words name
    as theirs, addictions.addictions_named). `lost_someone`: the person is known to be bereaved
    (a loss situation said or ticked: "widowed"), whether or not grief is among their needs."""
    marks: dict[str, Any] = {}
    if not crisis and CRISIS_ONLY_NEEDS & set(service.get("needs") or ()) and is_crisis_line(service):
        marks[CRISIS_LINE] = True
    first_need = next(iter(service.get("needs") or ()), None)
    if (
        first_need in AGE_GROUP_NEEDS
        and age_fit(age, service) is not None
        and not _FOR_SOMEONE_ELSE & set(needs)
    ):
        marks[OTHER_TIME_OF_LIFE] = True
    # (a person whose words gave no need at all may be one of them: nothing is known either way)
    theirs = {*needs, *([BEREAVEMENT] if lost_someone else [])}
    if first_need in ONLY_FOR_THOSE_WITH_IT and needs and first_need not in theirs:
        marks[ANOTHER_PROBLEM] = True
    if addictions and ADDICTION in (service.get("needs") or ()):
        if not any(meets_addiction(service, kind) for kind in addictions):
            marks[ANOTHER_ADDICTION] = True
    return {**service, **marks} if marks else service


def offers(service: dict[str, Any], need: str) -> bool:
    """Whether the service meets `need` for the person it is offered to (see as_offered)."""
    if service.get(CRISIS_LINE) and need in CRISIS_ONLY_NEEDS:
        return False
    if need == GETTING_ONLINE and delivery_modes(service) == {"online"}:
        return False
    return ranked_as_meeting(service, need)


def ranked_as_meeting(service: dict[str, Any], need: str) -> bool:
    """Whether the need counts towards the service's rank: as `offers`, except that a crisis line
    and an online course are still ranked by what they are about."""
    if service.get(OTHER_TIME_OF_LIFE) and need not in AGE_GROUP_NEEDS:
        return False
    if service.get(ANOTHER_PROBLEM):
        return False
    if service.get(ANOTHER_ADDICTION) and need == ADDICTION:
        return False
    return need in (service.get("needs") or ())
