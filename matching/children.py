"""Whether a service takes children. A link worker who sees a child (a 14-year-old young carer, a
bereaved 10-year-old) needs services that say they take children: an adult carers' centre, a
hearing-voices group or a crisis line for adults is no help, and offering one is the mistake a
safeguarding lead would notice first. Most adult services never say "adults only", so a child is
offered only what says it takes children (an age range reaching down to them, or words naming
them), and told plainly when nothing does (matching.requirements).
"""

from __future__ import annotations

import re
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


def takes_children(service: dict[str, Any], age: int | None) -> bool:
    """A service says it is for children or young people: an age range that reaches down to them,
    or words naming them."""
    low, high = service.get("minimum_age"), service.get("maximum_age")
    if high is not None and high <= YOUNG_UP_TO:
        return age is None or ((low is None or low <= age) and age <= high)
    if low is not None and age is not None and low > age:
        return False
    return bool(_TAKES_CHILDREN.search(service_text(service)))
