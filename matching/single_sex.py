"""Men's and women's groups: the person who will only go where there are no men (or no women),
and the service whose name says whose it is.

A group named for men ("Anfield Men's Shed") is theirs even where its words welcome anyone ("few
women come Thursdays"): open to a woman, so not a restriction, but not what she would be handed
first, and never to a woman who asked for something just for women.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .profile import Profile


# How a person says they will only go to a group of their own sex ("women-only", "something just
# for women"), or asks for one ("is there owt like that for blokes?", "wants to be with other men
# who've been through it").
def _only_for(only: str, group_for: str, with_others: str) -> re.Pattern[str]:
    """ "<only>-only", "a group ... for <group_for>", "with other <with_others>"."""
    return re.compile(
        rf"\b(?:{only})(?:'s)?[- ]only\b|"
        rf"\b(?:group|club|something|anything|owt|summat)\s+(?:\w+\s+){{0,3}}?for\s+(?:{group_for})\b|"
        rf"\bwith\s+other\s+(?:{with_others})\b",
        re.I,
    )


_SINGLE_SEX = {
    "women": _only_for("women|woman|ladies|lady|female", "women|ladies|lasses", "women|ladies|lasses"),
    "men": _only_for(
        "men|male|blokes?|lads", "men|blokes|fellas|fellers|lads|gents", "men|blokes|fellas|fellers|lads"
    ),
}
# softened or denied right before it, within the clause: "would prefer women-only", "not bothered
# whether it's women only" (but "no mixed groups, women-only please" insists)
_ONLY_IF_POSSIBLE = re.compile(
    r"(?:\b(?:prefer\w*|ideally|rather|whether|not)\b|\b(?:doesn'?t|does\s+not)\s+(?:need|have)\s+to\s+be\b)"
    r"[^.;,]{0,25}$",
    re.I,
)
OTHER_SEX = {"women": "men", "men": "women"}


def single_sex_required(profile: Profile) -> list[str]:
    """ "women" or "men" when the person's words say they will only go to a single-sex session
    (and do not say they are of the other sex); not a preference said softly ("ideally")."""
    return [group for group in _said_only(profile.goals or "") if OTHER_SEX[group] not in profile.groups]


# Asked of every candidate a match checks (constraints.check): the words are read once a match.
@lru_cache(maxsize=256)
def _said_only(goals: str) -> tuple[str, ...]:
    return tuple(
        group
        for group, said in _SINGLE_SEX.items()
        if any(
            not _ONLY_IF_POSSIBLE.search(goals[max(0, m.start() - 40) : m.start()])
            for m in said.finditer(goals)
        )
    )


_NAMED_FOR = {
    "men": re.compile(
        r"\b(?:men'?s|men\s+only|for\s+men|dads?'?|fathers?'?|blokes|gents|lads|fellas)\b", re.I
    ),
    "women": re.compile(r"\b(?:women'?s|women\s+only|for\s+women|ladies|mums?'?|mothers?'?|mams?)\b", re.I),
}


def named_for_the_other_sex(service: dict[str, Any], sex: str) -> bool:
    """Whether the service's name says it is the other sex's ("Men's Shed" for a woman) and not
    hers too ("Mums and Dads' Club")."""
    name = str(service.get("name") or "")
    return bool(_NAMED_FOR[OTHER_SEX[sex]].search(name)) and not _NAMED_FOR[sex].search(name)
