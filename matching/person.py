"""What the person's own words say besides their needs: who they are and how they like to take part.

A link worker types "ex-army, lost his wife, not one for coffee mornings"; the ticked boxes say
nothing, yet a veterans' breakfast club should rise, a women-only group must not appear, and a
chatty coffee morning should sink. This module reads those cues. It never stores anything: the
words are read for this one match and forgotten with it.

Circumstances are codes of the taxonomy's eligibility groups (carers, veterans, women, men, lgbtq,
refugees, people_with_disabilities, people_with_dementia, families, deaf_bsl,
pregnant_new_parents). Preferences are the codes in PREFERENCES below. Each cue comes back with
the words that gave it, so the page can show why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # profile.py imports this module
    from .profile import Profile

# Explicit words only: a cue here must be something a link worker would recognise as the person
# saying it about themselves. Ambiguous words ("dementia" could be the person or the person they
# care for) are resolved by the surrounding pattern, not guessed.
_CIRCUMSTANCE_CUES: dict[str, tuple[str, ...]] = {
    "veterans": (
        r"\bveterans?\b",
        r"\bex[- ]?(army|forces|military|navy|raf|serviceman|soldier|marine)\b",
        r"\bserved in the (army|navy|raf|forces|military)\b",
        r"\b(armed forces|forces) (veteran|background)\b",
        r"\bused to be in the (army|navy|raf|forces)\b",
        r"\b(left|leaving|out of) the (army|forces|navy|raf)\b",
        r"\bservice leaver\b",
    ),
    "lgbtq": (
        r"\blgbt\w*\+?",
        r"\bgay\b",
        r"\blesbian\b",
        r"\bbisexual\b",
        r"\btrans(gender)?\b",
        r"\bqueer\b",
        r"\bnon[- ]binary\b",
        r"\bcame out\b",
        r"\bcoming out\b",
        r"\bhis (late )?(husband|boyfriend)\b",
        r"\bher (late )?(wife|girlfriend)\b",
    ),
    "refugees": (
        r"\brefugees?\b",
        r"\basylum\b",
        r"\bhome office\b",
        r"\bleave to remain\b",
        r"\bfled\b",
        r"\bnewly arrived\b",
        r"\bresettle(ment|d)\b",
        r"\bhomes for ukraine\b",
        r"\bhost (family|arrangement|sponsor)\b",
    ),
    "deaf_bsl": (
        r"\bdeaf\b",
        r"\bbsl\b",
        r"\bsign language\b",
        r"\bhard of hearing\b",
        r"\blosing (his|her|their|my) hearing\b",
        r"\bhearing loss\b",
    ),
    "pregnant_new_parents": (
        r"\bpregnan\w*",
        r"\bexpecting (a|her|their) (baby|first)\b",
        r"\bnew (mum|mam|mom|dad|parent|baby|born)s?\b",
        r"\bnewborn\b",
        r"\b\d+[- ]?(week|month)s?[- ]old (baby|babies|twins|son|daughter)\b",
        r"\bbab(y|ies),? (is |are )?\d+ (weeks?|months?)\b",
        r"\bpostnatal\b",
        r"\bmaternity\b",
        r"\bsince (the|having the|having her) baby\b",
    ),
    # "caring for young children" is parenting, not being a carer: the cared-for person must be named.
    "carers": (
        r"\b(full[- ]time |unpaid |young )?carer\b",
        r"\b(caring for|cares for|looks? after|looking after) (his |her |my |their )?(elderly |disabled |poorly |"
        r"sick )?(wife|husband|partner|mum|mam|mother|dad|father|son|daughter|brother|sister|nan|grandad|"
        r"parents?)\b(?! who (is|are) (young|little|a baby))",
        r"\brespite\b",
        r"\b(does|doing) (everything|more and more) for (him|her|them)\b",
        r"\b(does|doing) all (his|her|their) (personal )?care\b",
        r"\b(husband|wife|partner|mum|mam|mom|dad)'?s? (has|with|got|bad with|poorly with) (dementia|alzheimer'?s|"
        r"parkinson'?s|ms|motor neurone|a stroke)\b",
    ),
    "people_with_disabilities": (
        r"\bwheelchair user\b",
        r"\b(uses a|in a) wheelchair\b",
        r"\bcerebral palsy\b",
        r"\b(hearing|sight) loss\b",
        r"\bhearing aids?\b",
        r"\bwheelchair accessible\b",
        r"\baphasia\b",
        r"\bamputee\b",
        r"\buses a (walking )?frame\b",
        r"\b(has|with|got) (a )?learning disabilit",
        r"\b(is|being|registered) (disabled|blind|partially sighted)\b",
        r"\b(losing (his|her|their|my) (sight|hearing)|sight loss|going blind)\b",
        r"\bvisually impaired\b",
        r"\bautis(m|tic)\b",
    ),
    "families": (
        r"\b(his|her|their|my) (kids|children|little ones|toddler)\b",
        r"\bsingle (mum|mam|dad|parent)\b",
        r"\b(mum|mam|dad) of \w+\b",
    ),
}
# A bare "mum" or "husband" is usually someone else in the note ("mum does her shopping"); only
# forms that describe the person count ("single mum", "dad of three", "new dad").
_SELF_PARENT = r"(single|new|stay[- ]at[- ]home|young|first[- ]time|working) "
_MALE = (
    # "33M", "Pt 80M": a referral note's age and sex (the case is forced: "20 m" is a distance)
    r"(?-i:(?<![\w/£.])\d{2,3} ?M\b(?![\w']))",
    r"\bwidower\b",
    r"\bman\b",
    r"\bhe\b",
    r"\bhim\b",
    r"\bhis\b",
    r"\bgentleman\b",
    r"\bgent\b",
    r"\bbloke\b",
    r"\bmale\b",
    r"\blad\b",
    _SELF_PARENT + r"(dad|father)\b",
    r"\b(dad|father) (of|to)\b",
    r"^\s*(dad|father|grandad)\b",
)
_FEMALE = (
    r"(?-i:(?<![\w/£.])\d{2,3} ?F\b(?![\w']))",
    r"\bwidow\b",
    r"\bwoman\b",
    r"\bshe\b",
    r"\bher\b",
    r"\blady\b",
    r"\bfemale\b",
    r"\bpregnant\b",
    _SELF_PARENT + r"(mum|mam|mother)\b",
    r"\b(mum|mam|mother) (of|to)\b",
    r"^\s*(mum|mam|mother|nan)\b",
)
# "his wife": the word pair is about the wife, but "his" still says the person is a man, so only
# the relation word goes; what follows is read as usual.
_RELATION = re.compile(
    r"\b(his|her|my|their)\s+(late\s+)?(wife|husband|partner|son|daughter|mum|mam|mother|"
    r"dad|father|brother|sister|nan|grandad|friend|boyfriend|girlfriend)\b",
    re.I,
)

PREFERENCES: dict[str, tuple[str, ...]] = {
    "not_coffee_mornings": (
        r"\bnot (one|really one|a fan|keen) (for|of|on) coffee mornings?\b",
        r"\b(no|hates?|can'?t stand|not into|doesn'?t (like|want)) coffee mornings?\b",
        r"\b(won'?t|wouldn'?t|will not|definitely not|not) (do |go to |a )?(a )?coffee mornings?\b",
    ),
    "not_talking_much": (
        r"\b(doesn'?t|does not|don'?t|won'?t) (want to|like to|wanna) (talk|chat)\w*( much| a lot)?\b",
        r"\bsit (in a circle|around|round) talking\b",
        r"\bnot (a|much of a|one for) (talker|chat\w*)\b",
        r"\bnot (much|big) on (talking|chat\w*)\b",
        r"\bwithout (having to )?(talk|chat)\w*\b",
        r"\b(very )?shy\b",
        r"\bprivate person\b",
    ),
    "quiet": (
        r"\bsomewhere quiet\b",
        r"\bquiet (place|group|space|setting)\b",
        r"\b(hates?|doesn'?t like|"
        r"can'?t cope with|struggles with) (noise|crowds|busy places?)\b",
        r"\bnothing (too )?(loud|big|busy)\b",
        r"\bsmall group\b",
    ),
    "not_groups": (
        r"\b(not|no|doesn'?t want|don'?t want|hates?|can'?t face|not keen on|not into) (a )?groups?\b",
        r"\bnot a group person\b",
        r"\bnot interested in (a )?groups?\b",
        r"\bone[- ]to[- ]one\b",
        r"\b1[:-]1\b",
        r"\bon (his|her|their) own\b"
        r" rather than",
    ),
    "evenings": (
        r"\bevenings? only\b",
        r"\bonly (free |available )?(in the |on )?evenings\b",
        r"\bevenings? (would be|are|is) (best|better|easier)\b",
        r"\bfree in the evenings?\b",
        r"\bafter work\b",
        r"\bworks (days|full[- ]time|9[- ]?(to|-)[- ]?5)\b",
        r"\b(something|anything|groups?|sessions?|classes|courses?) (in|on) the evenings?\b",
    ),
    "daytime": (
        r"\bdaytime\b",
        r"\bnot (out )?(after dark|at night|in the evenings?)\b",
        r"\b(doesn'?t|won'?t|will not|does not) (go out|like going out) (after dark|at night)\b",
        r"\bmornings? (only|best)\b",
        r"\b(during|in) the day\b",
    ),
    "weekends": (
        r"\bweekends? only\b",
        r"\b(only|free|available) (at |on )?weekends\b",
        r"\bweekends? (would be|are|is) (best|better|easier)\b",
        r"\bweekends,? as (he|she|they) works?\b",
    ),
    "outdoors": (
        r"\boutdoors?\b",
        r"\bfresh air\b",
        r"\b(enjoys?|likes?|loves?|used to) (walking|rambling|hiking)\b",
        r"\bgardening\b",
        r"\ballotment\b",
        r"\bnature\b",
        r"\bcountryside\b",
    ),
    "not_online": (
        r"\b(no|hasn'?t got a|doesn'?t have a|without a) (computer|laptop|smartphone|internet|wifi)\b",
        r"\b(doesn'?t|does not|can'?t) (do|use|manage) (online|computers?|the internet|zoom|video)\b",
        r"\bnot online\b",
        r"\bnot (good|great) with (technology|computers|phones)\b",
    ),
    "phone_ok": (
        r"\b(on|over) the phone\b",
        r"\bphone (support|calls?|line|contact|is (best|fine|ok)|ok|fine)\b",
        r"\bhelpline\b",
    ),
    "online_ok": (
        r"\b(only if it'?s|prefers?|happy with|would do|happy to do) online\b",
        r"\bonline (only|is fine|is ok|would be (best|fine))\b",
        r"\b(learn|join) [\w ]{1,25} online\b",
    ),
    "no_transport": (
        r"\bno car\b",
        r"\bno bus(es)?\b",
        r"\b(can'?t|doesn'?t|does not|cannot) drive\b",
        r"\bno transport\b",
        r"\bbad (knee|knees|hip|back|legs?)\b",
        r"\b(walking stick|zimmer|mobility scooter)\b",
        r"\bcan'?t walk far\b",
        r"\bhousebound\b",
        r"\bdoesn'?t get out much\b",
    ),
    "women_only_setting": (
        r"\b(women|woman|ladies)[- ]only\b",
        r"\bwomen'?s (\w+ )?(session|group|class)\b",
        r"\b(with|meet) other (\w+ )?(women|ladies)\b",
        r"\bprefers? (women|ladies|female)\b",
    ),
    "men_only_setting": (
        r"\bmen[- ]only\b",
        r"\b(with|meet|around) other (\w+ )?(men|blokes|lads|dads)\b",
        r"\bprefers? (men|male)\b",
        r"\b(dads|men)'?s? (group|shed|club)\b",
    ),
    # "can't afford" or "skint" is a money need, not a wish about cost; these say the wish.
    "free_only": (
        r"\bno money (for|to spend on)\b",
        r"\bhas to be free\b",
        r"\bfree (things|stuff|activities)\b",
        r"\bnothing that costs\b",
    ),
    # Kinds of activity a person asks for by name; ranking reads them with matching/fit.py.
    "creative": (
        r"\bsomething creative\b",
        r"\b(keep|get) (her|his|their|my) hands busy\b",
        r"\bsomething to do with (her|his|their|my) hands\b",
        r"\b(likes?|loves?|enjoys?|into) (painting|drawing|pottery|knitting|sewing|crafts?|woodwork|poetry)\b",
        r"\b(write|writing) poetry\b",
        r"\b(sewing|knitting|craft|art|painting) (group|class|club)\b",
    ),
    "active": (
        r"\b(be|get|getting) more active\b",
        r"\b(get|getting) into (sport|running|football)\b",
        r"\b(5|five)[- ]a[- ]side\b",
        r"\brather be walking\b",
    ),
    "near_home": (
        r"\b(near|close to) (home|where (she|he|they) lives?)\b",
        r"\bclose by\b",
        r"\bdown the road\b",
        r"\bon (her|his|their|my) doorstep\b",
    ),
    "in_person": (r"\bin[- ]person\b", r"\bface[- ]to[- ]face\b", r"\bpop (in|round) for a\b"),
    "weekdays": (r"\bweekdays?\b",),
    "faith_based": (
        r"\b(at|through|from) (the|a|her|his|their) (church|mosque|gurdwara|temple|synagogue)\b",
        r"\b(church|mosque|gurdwara|faith) group\b",
    ),
    "not_faith_based": (r"\bnot religious\b", r"\bnothing (religious|church)\b", r"\bnon[- ]religious\b"),
}


@dataclass(frozen=True)
class Cue:
    code: str
    words: str  # the words in the person's text that gave it


@dataclass
class PersonReading:
    circumstances: list[Cue] = field(default_factory=list)
    preferences: list[Cue] = field(default_factory=list)
    age: Cue | None = None

    @property
    def circumstance_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.circumstances)

    @property
    def preference_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.preferences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "circumstances": [{"code": c.code, "words": c.words} for c in self.circumstances],
            "preferences": [{"code": c.code, "words": c.words} for c in self.preferences],
            "age": {"years": int(self.age.code), "words": self.age.words} if self.age else None,
        }


def _first(patterns: Any, text: str) -> str | None:
    for pattern in patterns:
        found = re.search(pattern, text, re.I)
        if found:
            return found.group(0)
    return None


def _gender(text: str) -> Cue | None:
    """ "men" or "women" from the first word in the note that says it.

    Link workers write about the person in the third person, and the person comes first: in
    "Her son is 24, he smokes all day" the note is about her. Relation words are blanked (keeping
    the possessive) so "his wife ... she" reads as a man.
    """
    own = _RELATION.sub(lambda m: m.group(1) + " " + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    first: tuple[int, str, str] | None = None
    for code, patterns in (("men", _MALE), ("women", _FEMALE)):
        for pattern in patterns:
            found = re.search(pattern, own, re.I)
            if found and (first is None or found.start() < first[0]):
                first = (found.start(), code, text[found.start() : found.end()])
    return Cue(first[1], first[2]) if first else None


def read_person(text: str | None, known_groups: Any = None) -> PersonReading:
    """Circumstances and preferences stated in `text`. `known_groups`, when given, limits the
    circumstance codes to those the directory's taxonomy knows."""
    text = (text or "").strip()
    reading = PersonReading()
    if not text:
        return reading
    allowed = set(known_groups) if known_groups is not None else None
    for code, patterns in _CIRCUMSTANCE_CUES.items():
        words = _first(patterns, text)
        if words and (allowed is None or code in allowed):
            reading.circumstances.append(Cue(code, words))
    gender = _gender(text)
    if gender and (allowed is None or gender.code in allowed):
        reading.circumstances.append(gender)
    for code, patterns in PREFERENCES.items():
        words = _first(patterns, text)
        if words:
            reading.preferences.append(Cue(code, words))
    return reading


_AGE_PATTERNS = (
    re.compile(r"\b(\d{1,3})[- ]?(?:years?|yrs?)[- ]?old\b", re.I),
    re.compile(r"\b(\d{1,3}) ?(?:yo|y/o)\b", re.I),
    re.compile(r"\baged? (\d{1,3})\b", re.I),
    # Clinical shorthand: "19F", "Pt 80M", "38 M," (age and sex, as referral notes write them).
    re.compile(r"(?<![\w/£.])(\d{2,3}) ?[MF]\b(?![\w'])"),
    # A name with the age after it, as case notes write it: "Met Nicola (44)", "Jean (83) and".
    re.compile(r"\b[A-Z][a-z]+ \((\d{1,3})\)"),
    # "Widower, 78," or "78, lives alone": a bare number beside a word about the person.
    re.compile(
        r"^\s*[a-z][a-z' -]{1,20}, (\d{2})\b(?! ?(?:%|p\b|pounds|quid|weeks|months|days|mins|minutes|hours))",
        re.I,
    ),
    re.compile(
        r"^\s*(\d{2}),? (?:widow|widower|man|woman|male|female|lady|gent|bloke|lad|mum|dad|retired)", re.I
    ),
    re.compile(
        r"\b(?:he|she|they)(?:'s| is| are) (\d{1,3})\b(?! ?(?:%|weeks?|months?|days?|stone|kg|mins?|minutes|"
        r"hours?|times|quid|pounds|p\b|grand|k\b))",
        re.I,
    ),
    # A bare two-digit number set off as its own item in a note: "lonely. 88. ex-miner", ", 58,".
    re.compile(r"(?:^|[,.;]\s+)(\d{2})\s*(?:[,.;]|$)"),
)
_DECADE = re.compile(
    r"(?:\b(?:in|into) (?:his|her|their) |(?:^|[,.;]\s*))(early |mid |mid-|late )?(\d)0s\b", re.I
)


def read_age(text: str | None) -> tuple[int, str] | None:
    """An age the words state ("78-year-old", "aged 16", "Widower, 78", "in her 70s" → 75), with
    the words that gave it; None when none is stated."""
    text = text or ""
    for pattern in _AGE_PATTERNS:
        found = pattern.search(text)
        if found and 0 < int(found.group(1)) <= 110:
            return int(found.group(1)), found.group(0).strip()
    decade = _DECADE.search(text)
    if decade:
        offset = {"early ": 2, "mid ": 5, "mid-": 5, "late ": 8}.get((decade.group(1) or "").lower(), 5)
        return int(decade.group(2)) * 10 + offset, decade.group(0)
    return None


def with_words_read(profile: Profile, known_groups: Any = None) -> tuple[Profile, PersonReading]:
    """`profile` with what its words state added to what was given (what was ticked or typed in a
    field always stands): groups they describe (`described`, which rank but never open a
    restricted service), preferences, and an age when none was given; and the reading itself."""
    reading = read_person(profile.goals, known_groups)
    changes: dict[str, Any] = {
        "described": tuple(c for c in reading.circumstance_codes if c not in profile.circumstances),
        "preferences": tuple(dict.fromkeys([*profile.preferences, *reading.preference_codes])),
    }
    age = read_age(profile.goals)
    if age is not None:
        reading.age = Cue(str(age[0]), age[1])
        if profile.age is None:
            changes["age"] = age[0]
    return replace(profile, **changes), reading
