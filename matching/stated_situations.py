"""The situations a person's words state (matching.situations holds the list): "her son took his
own life" is bereaved by suicide, "72M, CVA in March" a stroke survivor. Negation ("not homeless"),
someone else's situation in the same clause ("her son is in prison") and what is only wanted ("on
the waiting list for a council flat") do not count; a need read from the words, or a ticked
circumstance, may say a situation too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .situations import SITUATIONS, Situation, most_specific

# "has a house (not homeless)", "never been in prison": the words deny it.
_NEGATED = re.compile(r"\b(?:not|no|never|isn'?t|wasn'?t|aren'?t|without|nor)\s+(?:\w+\s+){0,2}$", re.I)
# "her son is in prison", "husband made redundant", "our kid's been clean since summer": said of
# someone else in the same breath. Only for situations a person is in themself; a loss or an
# illness in the family is the person's situation too (a carer of someone with cancer).
_SOMEONE_ELSE = re.compile(
    r"(?:\b(?:my|our|his|her|their|the)\s+|\b[A-Z]\w+'s\s+)(?:\w+\s+)?(?:son|daughter|brother|sister|husband|"
    r"wife|partner|boyfriend|girlfriend|mum|mam|mother|dad|father|kid|child|grandson|granddaughter|friend|"
    r"neighbour|ex)\b[^.;!?,\n]*$|\bour\s+kid\b[^.;!?,\n]*$|^(?:husband|wife|partner|son|daughter)\b[^.;!?,\n]*$",
    re.I,
)
_OWN_ONLY = frozenset(
    {
        "prison_leavers",
        "unemployed",
        "recovery_abstinent",
        "in_treatment",
        "students",
        "eating_disorder",
        "homeless",
        # "my husband has COPD": an exercise referral scheme is for the one who has it
        "health_condition",
        # "Son (9) autistic": an autistic adults' meet-up is for the autistic; his mum is a parent
        # carer (parent_carers)
        "autism",
        # "her son has schizophrenia": a hearing voices group is for the one who hears them
        "hearing_voices",
        # "his wife's depression": a peer group for people with mental health problems is hers
        "mental_health",
        "sex_work",
        # "husband made redundant": a programme for young people out of work is not for his wife
        "neet",
        # "my son is trans": a trans peer group is his; his mum wants a parents' group
        "trans",
    }
)
# "mum of trans 14yo", "parent of a trans teenager": the one named after "of" is the child (said of
# being trans only: a "homeless 17 year old" may be the person)
_OF_SOMEONE = re.compile(r"of\s+(?:a\s+|an\s+|my\s+|her\s+|his\s+|their\s+)?$", re.I)
_A_CHILD_AFTER = re.compile(
    r"\s+(?:son|daughter|child|kid|teen(?:ager)?|young\s+person|\d{1,2}\s*(?:yo|y/o|-?\s*year))", re.I
)
# "her dad died of a heart attack": the illness was the one who died, and a cardiac group is not
# for the bereaved (cancer's services take the bereaved too: it is not an "illness" kind).
_DIED_OF = re.compile(
    r"\b(?:died|dying|passed(?:\s+away)?|lost\s+(?:him|her|them)|death|killed)\b[^.;!?\n]{0,40}$|"
    r"^[^.;!?\n]{0,40}\b(?:killed|took)\s+(?:him|her|them)\b",
    re.I,
)
_CONDITIONS = frozenset(s.code for s in SITUATIONS if s.kind == "illness")
# A community named of someone else the person knows or goes to: "Nepali neighbour said they get
# help with forms", "the Polish shop", "Romanian carer comes in mornings".
_SOMEONE_ELSES_PEOPLE = re.compile(
    r"\s+(?:neighbou?rs?|friends?|mates?|carers?|lodgers?|landlord|landlady|doctors?|gp|nurses?|colleagues?|"
    r"workmates?|boss|cleaners?|shops?|deli|restaurants?|takeaways?|caf[eé]s?|churche?s?|priest)\b",
    re.I,
)
# "on the waiting list for a council flat": wanted, not yet theirs.
_NOT_YET = re.compile(
    r"\b(?:waiting\s+list\s+for|waiting\s+for|applied\s+for|applying\s+for|bidding\s+(?:on|for))\s+(?:a\s+|an\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class Stated:
    code: str
    words: str


def person_situations(
    text: str | None,
    needs: tuple[str, ...] | list[str] = (),
    ticked: tuple[str, ...] | list[str] = (),
    among: Iterable[Situation] = SITUATIONS,
) -> list[Stated]:
    """The situations a person's words state, with the words; a need read from them counts for a
    situation it implies ("domestic abuse" read from "he controls the money"), and so does a
    circumstance the link worker ticked ("Deaf people / BSL users"). `among`: only these (the
    communities, for a search sent before the rest is read)."""
    text = text or ""
    out = []
    for situation in among:
        found = next(
            (
                m
                for m in situation.person.finditer(text)
                if not _NEGATED.search(text[max(0, m.start() - 20) : m.start()])
                and not _NOT_YET.search(text[max(0, m.start() - 30) : m.start()])
                and not (
                    situation.code in _OWN_ONLY
                    and (
                        _SOMEONE_ELSE.search(_clause_before(text, m.start()))
                        or (situation.code == "trans" and _a_childs(text, m))
                    )
                )
                and not (situation.code in _CONDITIONS and _someone_died_of(text, m))
                and not (situation.kind == "community" and _SOMEONE_ELSES_PEOPLE.match(text, m.end()))
            ),
            None,
        )
        denied = any(
            _NEGATED.search(text[max(0, m.start() - 20) : m.start()]) for m in situation.person.finditer(text)
        )
        past_it = situation.not_if_said is not None and situation.not_if_said.search(text)
        if situation.ticked is not None and situation.ticked in ticked and not past_it:
            out.append(Stated(situation.code, "ticked: " + situation.ticked))
        elif found:
            out.append(Stated(situation.code, found.group(0)))
        elif (
            situation.needs & set(needs)
            and not denied  # "has a house (not homeless)"
            and not (situation.ruled_out_by and situation.ruled_out_by.search(text))  # "not claiming"
        ):
            out.append(Stated(situation.code, "need: " + ", ".join(sorted(situation.needs & set(needs)))))
    # (a person who names their cancer is one of "people affected by cancer" too: both are said)
    kept = most_specific([s.code for s in out], keep_conditions=True)
    return [s for s in out if s.code in kept]


def _a_childs(text: str, match: re.Match[str]) -> bool:
    """Whether the words name a child as it: "mum of trans 14yo", "parent of a trans teenager"."""
    return bool(
        _OF_SOMEONE.search(text[max(0, match.start() - 20) : match.start()])
        or _A_CHILD_AFTER.match(text, match.end())
    )


def _someone_died_of(text: str, match: re.Match[str]) -> bool:
    """Whether the condition is what someone died of: "died of a heart attack", "a stroke killed him"."""
    ends = [i for i in (text.find(stop, match.end()) for stop in ".;!?,\n") if i >= 0]
    after = text[match.end() : min(ends) if ends else len(text)]
    return bool(_DIED_OF.search(_clause_before(text, match.start())) or _DIED_OF.match(after))


def _clause_before(text: str, end: int) -> str:
    """The words of the same clause before `end` ("her son (20) is" before "in prison")."""
    start = max(text.rfind(stop, 0, end) for stop in ".;!?,\n")
    return text[start + 1 : end].lstrip()
