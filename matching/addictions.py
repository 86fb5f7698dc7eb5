"""What a person is recovering from, and whether a service is for it: a drug and alcohol service
does not meet a gambler's need, nor a gambling group a drinker's."""

from __future__ import annotations

import re
from typing import Any

from .fit import service_text

ADDICTION_PREFIX = "addiction:"
ADDICTION_NEEDS = frozenset({"addiction_recovery"})
# each kind: the person's words for it, a service's words for it, and how a gap names it
ADDICTIONS: dict[str, tuple[re.Pattern[str], re.Pattern[str], str]] = {
    "gambling": (
        re.compile(
            r"\b(?:gambl\w*|bookies|betting|bets?\b|slots|fruit\s+machines|scratch\s?cards|casino)", re.I
        ),
        re.compile(r"\b(?:gambl\w*|betting)", re.I),
        "gambling",
    ),
    "alcohol": (
        re.compile(
            r"\b(?:drink\w*|alcohol\w*|booze|the\s+ale|cans\b|pints?|wine|vodka|lager|cider|whisk(?:e)?y|sober|"
            r"dry\s+(?:for|since))",
            re.I,
        ),
        re.compile(r"\b(?:alcohol\w*|drink\w*|sober\w*)", re.I),
        "drinking",
    ),
    "drugs": (
        re.compile(
            r"\b(?:drugs?|cannabis|weed|cocaine|coke|heroin|crack|spice|methadone|using\s+again)\b", re.I
        ),
        re.compile(r"\b(?:drugs?|substance|cannabis|cocaine|heroin|opiate\w*|methadone)", re.I),
        "drug use",
    ),
    # A stop-smoking clinic is listed for addiction too, and is no help to a drinker or a gambler;
    # nor a drug and alcohol service to a smoker.
    "smoking": (
        re.compile(r"\b(?:smok\w*|cigs?|cigarettes?|tobacco|vap(?:e|es|ing))\b", re.I),
        re.compile(r"\b(?:smok\w*|tobacco|nicotine|cigarettes?)", re.I),
        "stopping smoking",
    ),
}
_ANY_ADDICTION = re.compile(
    r"\b(?:any\s+(?:addiction|addictive\s+behaviou?r|kind\s+of\s+addiction)|all\s+(?:addictions|kinds\s+of\s+addiction))",
    re.I,
)
# a denial just before the words: "no gambling problem", "doesn't drink"
NOT_SAID = re.compile(r"\b(?:no|not|isn'?t|doesn'?t|don'?t|do\s+not|never|nor)\b[^.,;]{0,20}$", re.I)


def addictions_named(goals: str) -> list[str]:
    """The kinds of addiction the person's words name as theirs ("lost his wages on the bookies
    app": gambling), not one denied ("no gambling problem")."""
    return [
        kind
        for kind, (person, _, _) in ADDICTIONS.items()
        if any(not NOT_SAID.search(goals[: m.start()]) for m in person.finditer(goals or ""))
    ]


def meets_addiction(service: dict[str, Any], kind: str) -> bool:
    """Whether a service is for this kind of addiction: it names that kind, names none ("peer
    support for any addiction" or just "recovery"), or says any kind."""
    text = service_text(service)
    named = {k for k, (_, in_service, _) in ADDICTIONS.items() if in_service.search(text)}
    return not named or kind in named or bool(_ANY_ADDICTION.search(text))
