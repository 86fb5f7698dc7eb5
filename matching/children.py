"""Whether a service takes children. A link worker who sees a child (a 14-year-old young carer, a
bereaved 10-year-old) needs services that say they take children: an adult carers' centre, a
hearing-voices group or a crisis line for adults is no help, and offering one is the mistake a
safeguarding lead would notice first. Most adult services never say "adults only", so a child is
offered only what says it takes children (an age range reaching down to them, or words naming
them), and told plainly when nothing does (matching.requirements).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .fit import service_text

YOUNG_UP_TO = 25
CHILD_UNDER = 16
CHILDREN = "children"
_TAKES_CHILDREN = re.compile(
    r"\b(?:young\s+(?:people|person|carers?|adults?)|child(?:ren)?|youth|teen\w*|kids|pupils|schools?|"
    r"under[- ]1[6-9]s?|(?:11|12|13|14|15)\s*(?:-|–|to)\s*\d{2}|families|family|all\s+ages|any\s+age)\b",
    re.I,
)


def is_child(age: int | None) -> bool:
    return age is not None and age < CHILD_UNDER


def of_ages(age: int, low: int | None, high: int | None) -> bool:
    """`age` lies in the range (an end that is None is open)."""
    return (low is None or low <= age) and (high is None or age <= high)


def takes_children(service: dict[str, Any], age: int | None) -> bool:
    """A service says it is for children or young people: an age range that reaches down to them,
    or words naming them."""
    low, high = service.get("minimum_age"), service.get("maximum_age")
    if high is not None and high <= YOUNG_UP_TO:
        return age is None or of_ages(age, low, high)
    if low is not None and age is not None and low > age:
        return False
    return bool(_TAKES_CHILDREN.search(service_text(service)))


# A parents' group for babies of an age ("Bumps & Babies: pregnant or baby under 1", "0-12 months",
# "under 2s") is no place for a parent whose youngest is older. Read only where the service is for
# parents and little ones, and never from a crèche or a price ("under 5s go free").
_BABY_SERVICE = re.compile(
    r"\b(?:bumps?|bab(?:y|ies)|toddlers?|little\s+ones|stay\s+and\s+play|parent\s+and\s+(?:baby|toddler)|mums?\s+and\s+tots|"
    # a home-visiting or early years service for children not yet at school ("pre-school children")
    r"pre-?school\s+children)\b",
    re.I,
)
_BABY_LIMIT = re.compile(
    r"\b(?:bab(?:y|ies)|infants?|little\s+ones|toddlers?|children|child|kids)\s+(?:aged\s+)?"
    r"(?P<bound>under|up\s+to|below|less\s+than)\s+(?P<number>\d{1,2})\s*(?P<unit>months?|mths?|years?|yrs?)?\b|"
    r"\b0\s*(?:-|–|to)\s*(?P<top>\d{1,2})\s*(?P<top_unit>months?|mths?|years?|yrs?)\b|\bunder[- ](?P<under>\d)s\b",
    re.I,
)
_NOT_A_LIMIT = re.compile(r"(?:cr[eè]che|childcare|child\s+care|free|price|cost|£)\W+(?:\w+\W+){0,4}$", re.I)
_CHILD_MONTHS = re.compile(r"\b(\d{1,2})\s*-?\s*(?:months?|mths?|mo)\b(?!\s+pregnant)(?!\s+gone)", re.I)
_CHILD_YEARS = re.compile(
    r"\b(\d{1,2})\s*-?\s*(?:yo|y/o|yrs?\s+old|years?\s+old|year[- ]old|yr[- ]old)\s+"
    r"(?:(?:grand)?(?:son|daughter|kid|child)|boy|girl|baby|toddler|lad|twins)|"
    r"\b(?:(?:grand)?(?:son|daughter)|toddler|little\s+one|(?:little\s+)?(?:girl|boy|lad))\s+(?:is\s+|aged\s+|of\s+)?(\d{1,2})\b"
    r"(?!\s*(?:months?|mths?))",
    re.I,
)
# "2 kids (7 and 10)", "children aged 3 and 6", "Two kids 3 and 6", "two grandchildren (4 and 8)"
_CHILDREN_AGED = re.compile(
    r"\b(?:(?:grand)?(?:kids|children|sons|daughters)|boys|girls)\s*\(?\s*(?:aged\s+|ages\s+)?(\d{1,2})\s*(?:,|and|&)\s*(\d{1,2})\b"
    r"(?!\s*(?:months?|mths?|years?\s+ago))",
    re.I,
)
_AGO = re.compile(r"^\s*(?:ago|back|later|since)\b", re.I)
_OLD = re.compile(r"^\s*-?\s*old\b", re.I)
_CHILD_WORD = re.compile(
    r"\b(?:bab(?:y|ies)|son|daughter|lo|little\s+one|toddler|boy|girl|twins|child|kid)\W+(?:\w+\W+){0,2}$",
    re.I,
)


def _months(number: str, unit: str | None) -> int:
    return int(number) if unit and unit.lower().startswith("m") else int(number) * 12


def babies_under_months(service: dict[str, Any]) -> tuple[int, str] | None:
    """The age in months a child must be under, for a parents' and babies' service that says so,
    with its words: "under 4s" and "babies under 1" stop at the birthday, "0-12 months" and "up to
    2 years" take the last month or year they name."""
    text = service_text(service)
    if not _BABY_SERVICE.search(text):
        return None
    for found in _BABY_LIMIT.finditer(text):
        if _NOT_A_LIMIT.search(text[max(0, found.start() - 40) : found.start()]):
            continue
        words = " ".join(found[0].split())
        if found["under"]:
            return _months(found["under"], "years"), words
        if found["top"]:
            top = _months(found["top"], found["top_unit"]) + _months("1", found["top_unit"])
            return top, f"children aged {words}"
        limit = _months(found["number"], found["unit"])
        if found["bound"].lower().startswith("up"):
            limit += _months("1", found["unit"])
        return limit, words
    return None


@lru_cache(maxsize=256)
def children_months(goals: str | None) -> tuple[int, ...]:
    """The ages in months of the children the words give ("dad 31, 18 month old", "baby 4 months",
    "3 year old son", "2 kids (7 and 10)")."""
    text = goals or ""
    ages = [
        int(m.group(1))
        for m in _CHILD_MONTHS.finditer(text)
        if not _AGO.match(text[m.end() :])
        and (_OLD.match(text[m.end() :]) or _CHILD_WORD.search(text[max(0, m.start() - 20) : m.start()]))
    ]
    ages += [int(m.group(1) or m.group(2)) * 12 for m in _CHILD_YEARS.finditer(text)]
    ages += [int(age) * 12 for m in _CHILDREN_AGED.finditer(text) for age in m.groups()]
    return tuple(sorted(ages))


def youngest_child_months(goals: str | None) -> int | None:
    """The age in months of the youngest child the words give; None when none is given."""
    ages = children_months(goals)
    return ages[0] if ages else None


# Whose ages are the parents' own: "Teen Parents 13-19", "young mums under 25", "young carers 8-18".
_AGES_ARE_THE_PARENTS = re.compile(
    r"\b(?:teen(?:age)?|young|younger)\s+(?:parents?|mums?|mothers?|dads?|fathers?|carers?)\b", re.I
)


# A service for children that takes their parents too ("children and young people 0-25 with SEND,
# and their parents/carers", "families with children 0-19"); not a youth helpline or a teens' chat,
# which the young person uses alone.
_PARENTS_TOO = re.compile(r"\b(?:parents?|families|family|mums|dads|grown-?ups)\b", re.I)


# A children's service for those with special needs or a disability ("children and young people 0-25
# with SEND", "pre-school children with developmental delay"), and the words of a parent whose child
# has one ("non verbal, on the pathway for ASC", "global developmental delay", "EHCP").
_FOR_CHILDREN_WITH_NEEDS = re.compile(
    r"\b(?:children|child|young\s+people|pupils|babies|toddlers)\b[^.;]{0,40}?\bwith\s+(?:(?:a|an)\s+)?(?:SEND|SEN\b|"
    r"special\s+educational\s+needs|additional\s+needs|(?:a\s+)?disabilit\w*|(?:significant\s+)?developmental\s+delay|"
    r"down\s+syndrome|autism|learning\s+disabilit\w*|complex\s+needs)|\bdisabled\s+(?:children|child|young\s+people)\b|"
    # a service about special needs ("advice about special educational needs and disabilities", SENDIASS)
    r"\babout\s+special\s+educational\s+needs\b|\bSENDIASS\b",
    re.I,
)
# (not "deaf" or "wheelchair" alone: as often the parent's own as the child's)
_CHILD_WITH_NEEDS = re.compile(
    r"\b(?:SEND|SEN|EHCP|EHC\s+plan|autis\w*|ASC|ASD|ADHD|PDA|special\s+needs|additional\s+needs|disabled\s+"
    r"(?:son|daughter|child|boy|girl|lad)|(?:developmental\s+)?delay|non[- ]?verbal|down'?s(?:\s+syndrome)?|down\s+syndrome|"
    r"cerebral\s+palsy|epilep\w*|diagnos\w*|pathway|sensory|complex\s+needs|learning\s+(?:difficult|disabilit)\w*)\b",
    re.I,
)
# A service for children with one condition is for a parent whose child has that one.
_ONE_CONDITION = (
    (re.compile(r"\bwith\s+down'?s?\s+syndrome\b", re.I), re.compile(r"\bdown'?s?\b", re.I)),
    (re.compile(r"\bwith\s+autism\b", re.I), re.compile(r"\b(?:autis\w*|ASC|ASD|pathway)\b", re.I)),
)


def a_child_in_range(service: dict[str, Any], goals: str | None, low: int | None, high: int | None) -> bool:
    """A child the words give is of the ages of a service for children and their parents
    ("SENDIASS: children and young people 0-25 with SEND, and their parents/carers" for a mum whose
    son is 7): the service is for her and her child, so her own age is no bar; unless the ages are
    a young parent's or young carer's own."""
    text = service_text(service)
    if (
        high is None
        or high > YOUNG_UP_TO
        or not _PARENTS_TOO.search(text)
        or _AGES_ARE_THE_PARENTS.search(text)
        # a service for children with special needs, for a parent who speaks of none
        or (_FOR_CHILDREN_WITH_NEEDS.search(text) and not _CHILD_WITH_NEEDS.search(goals or ""))
        or any(
            service_says.search(text) and not said.search(goals or "")
            for service_says, said in _ONE_CONDITION
        )
    ):
        return False
    return any(of_ages(months // 12, low, high) for months in children_months(goals))


# A group for babies or toddlers with their grown-ups says so in its name ("Little Stars Stay & Play",
# "Manor Tots", "Walney Parent & Toddler", "Bumps & Babies"); the description of a family hub that
# runs one among much else does not make the hub one.
_UNDER_FIVES_NAME = re.compile(
    r"\b(?:stay\s*(?:and|&|n'?)\s*play|toddlers?|tots|bumps?|under[- ]?(?:5|five)s|"
    # not a baby bank (which clothes older children too) nor support after a baby's death
    r"bab(?:y|ies)(?!\W+(?:loss|bereavement|death|bank|basics))|"
    r"pre-?school(?:ers)?|0\s*(?:-|–|to)\s*[1-5]s?)\b",
    re.I,
)
# "Kids at school", "2 kids at primary", "teenage son": every child the words give is at school.
_AT_SCHOOL = re.compile(
    r"\b(?:kids|children|child|son|daughter|sons|daughters|boys|girls|twins)\s+(?:are\s+|is\s+|both\s+|all\s+)?"
    r"(?:at|in|started|go\s+to|goes\s+to)\s+(?:school|primary|secondary|high\s+school|college|sixth\s+form)\b|"
    r"\b(?:teenage|school[- ]age[d]?|grown[- ]up)\s+(?:kids|children|sons?|daughters?|boys|girls)\b|\bteenagers\b",
    re.I,
)
# ... unless a younger one is there too ("kids at school and a toddler at home", "seen at baby clinic").
_LITTLE_ONE = re.compile(
    r"\b(?:bab(?:y|ies)|toddlers?|little\s+ones?|tots?|nursery|pre-?school|pregnant|expecting|newborn|"
    r"infants?|buggy|pram|under[- ]?(?:[1-4]|fives?|5)s?)\b",
    re.I,
)
SCHOOL_AGE_MONTHS = 48


def for_under_fives(service: dict[str, Any]) -> bool:
    return bool(_UNDER_FIVES_NAME.search(str(service.get("name") or "")))


@lru_cache(maxsize=256)
def children_all_at_school(goals: str | None) -> bool:
    """The person's words say their children are at school, and of none younger."""
    text = goals or ""
    if not _AT_SCHOOL.search(text) or _LITTLE_ONE.search(text):
        return False
    youngest = youngest_child_months(text)
    return youngest is None or youngest >= SCHOOL_AGE_MONTHS
