"""How well a service suits this particular person, beyond meeting the need: who it is meant for,
and how it runs against what the person said they like.

Both features are 0.5 when there is nothing to go on, so a person who says nothing about
themselves gets the same order as before; they only move services when the words give a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .service import comes_to_people, delivery_modes
from .situations import communities_named

NEUTRAL = 0.5

# Words in a service's own name or description saying whom it is meant for, even where the
# record states no restriction ("a breakfast club for veterans", "dads' group").
_AUDIENCE_CUES: dict[str, str] = {
    "veterans": r"\b(veterans?|ex[- ]service|armed forces|forces families|ex[- ]forces)\b",
    "lgbtq": r"\b(lgbt\w*\+?|gay|lesbian|bisexual|trans(gender)?|queer)\b",
    "refugees": r"\b(refugees?|asylum|sanctuary seekers?|newly arrived)\b",
    "deaf_bsl": r"\b(deaf|bsl|british sign language|sign language)\b",
    "pregnant_new_parents": r"\b(pregnan\w*|antenatal|postnatal|perinatal|new (mums|parents|dads|mams)|"
    r"baby and (me|you)|mums? and bab(y|ies)|bump)\b",
    "carers": r"\b(carers?|caring for (a|someone|somebody|a loved one))\b",
    # ("women and men", "male victims": a domestic abuse service that says it takes men)
    "men": r"\b(men'?s|men only|for men|dads?'?|fathers?'?|blokes|gentlemen|lads|(women|ladies) (and|&) men|"
    r"men (and|&) women|male (victims|survivors)|(including|also) men|men (are )?(also )?welcome)\b",
    "women": r"\b(women'?s|women only|for women|ladies|mums?'?|mothers?'?|mams?)\b",
    "people_with_disabilities": r"\b(disabled people|people with (a )?disabilit\w*|learning disabilit\w*|"
    r"wheelchair users)\b",
    "people_with_dementia": r"\b(dementia|alzheimer'?s|memory (cafe|café|loss))\b",
    "families": r"\b(families|family (fun|day|group)|parents and (children|kids|toddlers)|stay and play)\b",
}

# Preferences that pull towards (+) or away from (-) services whose text has these words.
_TOWARDS: dict[str, str] = {
    "outdoors": r"\b(outdoor\w*|walk\w*|garden\w*|allotment|park|nature|green space|countryside|ramble\w*)\b",
    "not_groups": r"\b(one[- ]to[- ]one|1[:-]1|befriend\w*|individual|telephone friendship|home visits?)\b",
    "not_talking_much": r"\b(walk\w*|garden\w*|craft\w*|shed|woodwork|allotment|art|painting|knit\w*|"
    r"reading|cycling|swim\w*|volunteer\w*|activity|activities)\b",
    "quiet": r"\b(quiet|calm|peaceful|relaxed|small group|library|reading)\b",
    "creative": r"\b(art|arts|craft\w*|paint\w*|draw\w*|music|sing\w*|choir|writ\w*|poetry|pottery|"
    r"knit\w*|sew\w*|photograph\w*|drama|theatre)\b",
    "active": r"\b(exercise|fitness|sport\w*|walk\w*|football|swim\w*|gym|danc\w*|cycl\w*|run\w*|yoga|"
    r"tai chi|active)\b",
    "faith_based": r"\b(church|chapel|mosque|gurdwara|synagogue|temple|christian|muslim|sikh|hindu|jewish|faith)\b",
    "online_ok": r"\b(online|zoom|video call|virtual)\b",
}
_AWAY: dict[str, str] = {
    "not_coffee_mornings": r"\b(coffee mornings?|lunch club|luncheon club|tea and (a )?chat|social club|"
    r"drop[- ]in cafe)\b",
    "not_talking_much": r"\b(coffee mornings?|chat\w*|talking|discussion|conversation|social club|"
    r"share (your|their) (experiences|stories)|peer support group)\b",
    "not_groups": r"\b(group|club|class|circle|session for)\b",
    "quiet": r"\b(lively|party|disco|busy|noisy|loud)\b",
    "not_faith_based": r"\b(church|chapel|mosque|gurdwara|synagogue|temple|christian|faith|prayer|bible)\b",
}


@dataclass
class Fit:
    score: float = NEUTRAL
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) for explain.py


# What to search a directory's words for to find services meant for a group, whatever needs
# they are tagged with (an LGBT+ centre tagged for mental health, for a gay teenager who is
# lonely). Whole words: a search engine reads the last word of a query as a prefix ("trans"
# would find transport). Gender and families are too broad to find anything by.
# Each word is a search of its own (a search engine reads several as "all of them"), so only the
# words such services are most often named by.
GROUP_SEARCH_WORDS: dict[str, tuple[str, ...]] = {
    "veterans": ("veterans", "armed forces"),
    "lgbtq": ("LGBT", "gay"),
    "refugees": ("refugees", "asylum"),
    "deaf_bsl": ("Deaf", "BSL"),
    "pregnant_new_parents": ("pregnancy", "postnatal"),
    "carers": ("carers",),
    "people_with_disabilities": ("disabled", "learning disabilities"),
    "people_with_dementia": ("dementia",),
}


def service_text(service: dict[str, Any]) -> str:
    return " ".join(str(service.get(k) or "") for k in ("name", "description", "schedule_text"))


# The search document's field for the communities a service's words name, read when it is indexed.
COMMUNITIES_NAMED = "communities_named"


def named_communities(service: dict[str, Any]) -> frozenset[str]:
    """The communities a service's words name: as its search document keeps them, or read from its
    words when it has none (a document indexed before the field existed, a plain record)."""
    kept = service.get(COMMUNITIES_NAMED)
    return frozenset(kept) if kept is not None else communities_named(service_text(service))


_AUDIENCE_RE = {code: re.compile(pattern, re.I) for code, pattern in _AUDIENCE_CUES.items()}
# What a record says is missing is not whom it is for: "There's no men's group on the Lizard at all"
_DENIED_BEFORE = re.compile(r"\b(?:no|not|nothing\s+for|isn'?t\s+an?|never\s+an?)\s+(?:\w+\s+)?$", re.I)
_TOWARDS_RE = {code: re.compile(pattern, re.I) for code, pattern in _TOWARDS.items()}
_AWAY_RE = {code: re.compile(pattern, re.I) for code, pattern in _AWAY.items()}


def audience(service: dict[str, Any], among: Iterable[str] | None = None) -> set[str]:
    """The groups a service is meant for: its recorded restrictions (groups and situations), and
    who its words name. With ``among``, the words are read only for those groups: a match asks
    about the person's own few, for each of hundreds of candidates."""
    groups = set(service.get("eligibility") or ()) | set(service.get("situations") or ())
    codes = _AUDIENCE_RE.keys() if among is None else [c for c in among if c in _AUDIENCE_RE]
    text = None
    for code in codes:
        if code not in groups:
            text = service_text(service) if text is None else text
            if any(
                not _DENIED_BEFORE.search(text, max(0, m.start() - 30), m.start())
                for m in _AUDIENCE_RE[code].finditer(text)
            ):
                groups.add(code)
    return groups


def circumstance_fit(circumstances: Any, service: dict[str, Any]) -> Fit:
    """1 when the service is meant for one of the person's groups, else neutral.

    Gender alone is weak: most services are for everyone, so "men" or "women" raise a service
    only when the person gave no more specific circumstance it meets.
    """
    mine = set(circumstances or ())
    if not mine:
        return Fit()
    shared = mine & audience(service, mine)
    specific = shared - {"men", "women"}
    if specific:
        return Fit(1.0, [("for_group", code) for code in sorted(specific)])
    if shared:
        return Fit(0.75, [("for_group", code) for code in sorted(shared)])
    return Fit()


# A service whose needs say it is for another time of life: befriending "for older people" offered
# to a 17-year-old or a 38-year-old (under 40: on the development suites, 35 ranked a lunch club for
# older people first for a bereaved man of 38), a youth project to a 60-year-old. Without stated
# ages it stays, but lower.
YOUNG_UNTIL, OLDER_FROM = 25, 50
OTHER_AGE_FIT = 0.2


def age_fit(age: int | None, service: dict[str, Any]) -> float | None:
    """OTHER_AGE_FIT when the service's needs name only an age group the person is far from;
    None when ages say nothing either way."""
    if age is None:
        return None
    needs = set(service.get("needs") or ())
    if "older_people" in needs and "young_people" not in needs and age < OLDER_FROM - 10:
        return OTHER_AGE_FIT
    if "young_people" in needs and "older_people" not in needs and age > YOUNG_UNTIL + 10:
        return OTHER_AGE_FIT
    return None


# "We don't run evening groups", "no evening sessions", "daytime only": said in words where no
# timetable says it.
_NO_EVENINGS = re.compile(
    r"\b(?:no|not\s+in\s+the|(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+(?:run|have|hold|offer)(?:\s+any)?)\s+"
    r"evening(?:s|\s+(?:groups?|sessions?|meetings?|opening|support))?\b|\bdaytime\s+only\b|\bdays\s+only\b",
    re.I,
)


def opens_in_evening(service: dict[str, Any]) -> bool | None:
    """Whether the timetable has evening hours; None when no hours are known."""
    times = [s for s in service.get("schedules") or () if s.get("opens_at") or s.get("closes_at")]
    times = times or list(service.get("hours_read") or ())
    if not times:
        return False if _NO_EVENINGS.search(service_text(service)) else None
    return any((s.get("closes_at") or "") >= "18:00" or (s.get("opens_at") or "") >= "17:00" for s in times)


def opens_at_weekend(service: dict[str, Any]) -> bool | None:
    """Whether the timetable has a Saturday or Sunday; None when no days are known."""
    days = set(service.get("days") or ())
    for schedule in service.get("schedules") or ():
        days.update(schedule.get("byday") or ())
    return bool(days & {"SA", "SU"}) if days else None


def preference_fit(preferences: Any, service: dict[str, Any]) -> Fit:
    """Moves a service up or down for each stated preference its record speaks to, clipped to
    [0, 1]. Going against what the person said weighs more than suiting it: "not one for coffee
    mornings" rules a coffee morning nearly out, while many services merely happen to suit."""
    prefs = set(preferences or ())
    if not prefs:
        return Fit()
    text = service_text(service)
    up: list[str] = []
    down: list[str] = []
    for pref in sorted(prefs):
        if pref in _AWAY_RE and _AWAY_RE[pref].search(text):
            down.append(pref)
        elif pref in _TOWARDS_RE and _TOWARDS_RE[pref].search(text):
            up.append(pref)
    modes = delivery_modes(service)
    # A timetable we do not know neither suits nor rules out a time of day.
    evening = opens_in_evening(service)
    if "evenings" in prefs and evening is not None:
        (up if evening else down).append("evenings")
    if (
        "daytime" in prefs
        and evening
        and not any((s.get("opens_at") or "99") < "17:00" for s in service.get("schedules") or ())
    ):
        down.append("daytime")
    weekend = opens_at_weekend(service)
    if "weekends" in prefs and weekend is not None:
        (up if weekend else down).append("weekends")
    if "not_online" in prefs and modes <= {"online"}:
        down.append("not_online")
    if "not_by_phone" in prefs and modes and modes <= {"phone"}:
        down.append("not_by_phone")
    if "phone_ok" in prefs and "phone" in modes:
        up.append("phone_ok")
    if "no_transport" in prefs and ("phone" in modes or comes_to_people(service)):
        up.append("no_transport")
    if "free_only" in prefs and service.get("cost_band") in ("low_cost", "paid"):
        down.append("free_only")
    if "women_only_setting" in prefs and "women" in audience(service, ("women",)):
        up.append("women_only_setting")
    if "men_only_setting" in prefs and "men" in audience(service, ("men",)):
        up.append("men_only_setting")
    score = NEUTRAL + 0.25 * len(up) - 0.35 * len(down)
    return Fit(min(1.0, max(0.0, score)), [("suits", p) for p in up] + [("against", p) for p in down])
