"""What the person's own words say besides their needs: who they are and how they like to take part.

A link worker types "ex-army, lost his wife, not one for coffee mornings"; the ticked boxes say
nothing, yet a veterans' breakfast club should rise, a women-only group must not appear, and a
chatty coffee morning should sink. This module reads those cues. It never stores anything: the
words are read for this one match and forgotten with it.

Circumstances are codes of the taxonomy's eligibility groups (carers, veterans, women, men, lgbtq,
refugees, people_with_disabilities, people_with_dementia, families, deaf_bsl,
pregnant_new_parents). Preferences are the codes in matching.preferences.PREFERENCES. Each cue comes back with
the words that gave it, so the page can show why.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .preferences import PREFERENCES, is_taken_back, read_preferences, sentence_of
from .text import UNITS

__all__ = [
    "PREFERENCES",
    "Cue",
    "PersonReading",
    "read_age",
    "caring_now",
    "without_a_home",
    "read_person",
    "said_of_the_person",
    "with_words_read",
]

if TYPE_CHECKING:  # profile.py imports this module
    from .profile import Profile

# Explicit words only: a cue here must be something a link worker would recognise as the person
# saying it about themselves. Ambiguous words ("dementia" could be the person or the person they
# care for) are resolved by the surrounding pattern, not guessed.
_CIRCUMSTANCE_CUES: dict[str, tuple[str, ...]] = {
    "veterans": (
        r"\bveterans?\b",
        r"\bex[- ]?(army|forces|military|navy|raf|serviceman|servicewoman|soldier|marine|para|squaddie)\b",
        r"\b(served|was|were|spent \w+ years|did \w+ years) in the (army|navy|raf|forces|military|marines|paras)\b",
        r"\b(did|done) (his|her|their|my) national service\b",
        r"\b(royal british|the) legion\b",
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
        # "came out of hospital", "since I came out (of the army)": not coming out as gay.
        r"\b(came|coming|come) out (as|to (his|her|their|my) (family|parents|mum|mam|dad|friends))\b",
        r"\b(she|he|they)('s| has| had)? (came|come) out\b(?!\s+(of|from|the|in|on|at|with|and|for|to (the|a))\b)",
        r"\bcoming out\b(?!\s+(of|from)\b)",
        r"\bsame[- ]sex\b",
        r"\btwo (mums|dads)\b",
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
        r"\baspen card\b",
        r"\bgot (his|her|their|my) (status|papers)\b",
        r"\bnew to (the uk|this country|england|britain)\b",
        r"\b(came|arrived|fled|escaped|new to [\w ]{1,20}) (here |over )?(from|on a|in a) (small )?(boat|ukraine|syria|"
        r"afghanistan|sudan|eritrea|yemen|iran|iraq|somalia|gaza)\b",
    ),
    "deaf_bsl": (
        r"\bdeaf\b",
        r"\bbsl\b",
        r"\bsign language\b",
        r"\b(i|he|she|they) signs?\b(?! (on|up|off|for|the|a|it|her|his))",
        # Hearing loss is a disability too, but a hard-of-hearing group (the group's code covers
        # deaf and hard of hearing people; BSL-only clubs are the bsl_users situation) is for them.
        r"\bhard of hearing\b",
        r"\b(hearing loss|hearing aids?|losing (his|her|their|my) hearing)\b",
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
        r"\b(she'?s|she is|i'?m|i am) due (in|next|any day)\b",
        r"\b\d+ weeks gone\b",
        r"\b(mum|mam|dad|parents?)[- ]to[- ]be\b",
        r"\bbaby (is )?due\b",
        r"\b(baby|bairn|little one)('s| is)? (only |just )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve) (weeks?|months?|month)\b",
        r"\b(the|our|my|a new) (baby|bairn)\b",
    ),
    # "caring for young children" is parenting, not being a carer: the cared-for person must be named.
    "carers": (
        r"\b(full[- ]time |unpaid |young )?carer\b",
        r"\b(caring for|cares? for|looks? after|looking after) (his |her |my |their |the )?(elderly |disabled |poorly |"
        r"sick )?(wife|husband|partner|mum|mam|mother|dad|father|son|daughter|brother|sister|nan|grandad|"
        r"parents?)\b(?! who (is|are) (young|little|a baby))",
        r"\brespite\b",
        r"\b(do|does|doing) (everything|more and more|it all) for (him|her|them)\b",
        r"\b(gave up|given up|giving up|left|stopped|quit) (work|(my |her |his )?job) to (care for|look after) "
        r"(him|her|them)\b",
        r"\b(break|respite|rest|time off|time out|a breather) from (caring|looking after)\b",
        r"\bcaring (role|responsibilit\w+|duties)\b",
        r"\b(taken on|bringing up|raising) (the|his|her|their|my) grand(son|daughter|child|children|kids)\b",
        r"\b(special guardian\w*|kinship care)\b",
        r"\b(does|doing) all (his|her|their) (personal )?care\b",
        # tied to the house by someone's care: "can't leave mum", "no sitter"
        r"\b(can'?t|cannot|can not|daren'?t) leave (him|her|them|mum|mam|mom|dad|(my |his |her )(husband|wife|partner|"
        r"mum|mam|dad|son|daughter))\b(?! (alone )?(for|with) (a|the|his|her) (job|work|house|home))",
        r"\bno (sitter|one to sit with (him|her|them))\b",
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
        # "can't drive since his eyes went (macular)": sight loss named by its cause
        r"\b(macular|glaucoma|retinitis pigmentosa)\b",
        r"\b(his|her|my|their) eyes (went|have gone|are going|going|are bad|have got bad)\b",
        r"\bautis(m|tic)\b",
        r"\bwheelchair\b",
        r"\b(partially sighted|sight impair\w*|blind)\b",
        r"\blearning disabilit\w*",
        r"\bblue badge\b",
        r"\bhard of hearing\b",
        r"\bbrain injury\b",
        r"(?-i:\bABI\b)",
        # The Equality Act's words: whoever asks for them is disabled in law.
        r"\breasonable adjustments?\b",
        r"\b(has|with|got) (a )?(physical |hidden )?disabilit",
        r"\bdisabled\b",
        r"\b(paralys|amput)\w*",
        r"\bspinal (cord )?injur\w*",
        r"\b(left|right|one|l|r)[- ]sided (weakness|paralysis)\b",
    ),
    "families": (
        r"\b(his|her|their|my|our|me) (kids|children|little ones?|toddler|bairns|lad|lass)\b",
        r"\bsingle (mum|mam|dad|parent)\b",
        r"\b(mum|mam|dad) of \w+\b",
        # "kids 3 & 8", "2 kids", "little girl is 3", "our Jayden's 2 and a half"
        r"\b(kids|children)\W{0,3}\d{1,2}\b",
        r"\b(\d|two|three|four|five) (kids|children|little ones)\b",
        r"\blittle (girl|boy|one) (is|'s) \d",
        r"\b(son|daughter|toddler|lad|lass)('s| is) ([1-9]|1[0-7]|two|three|four|five|six|seven|eight|nine|ten)\b",
        r"\b(our|my) \w+'s ([1-9]|1[0-7])( and a half)?\b",
    ),
}
# Longer phrases holding a cue's words that say the opposite: wanting to learn BSL is not using it,
# visiting paid carers do not make the person one, a lost baby is not a new baby.
_TAKEN_BACK: dict[str, tuple[re.Pattern[str], ...]] = {
    code: tuple(re.compile(p, re.I) for p in patterns)
    for code, patterns in {
        "deaf_bsl": (
            r"\b(learn|learning|learnt|take up|taking up|start) (some |a bit of )?(bsl|sign language)\b",
        ),
        "carers": (
            # "he hits me and I can't leave him": trapped, not tied by someone's care
            r"\b(hits?|hit me|beats?|violent|abusive|scared of (him|her)|afraid of (him|her)|controlling)\b"
            r"[^.;!?]*\b(can'?t|cannot) leave (him|her|them)\b",
            r"\b(can'?t|cannot) leave (him|her|them)\b[^.;!?]*\b(hits?|hit me|beats?|violent|abusive|controlling)\b",
            # "carer 3 times a day" is paid care; "his carer 24/7" is the person.
            r"\bcarers? (\d(?!\d?/7)|x ?\d|comes?|come in|visits?|go(es)? in|call|twice|three times|four times|daily)",
            r"\b(paid|agency|professional|home) carers?\b",
            # caring as a job: "Filipina, live-in carer in Parkstone", "works as a carer", "carer at a
            # care home", "carer for an agency"
            r"\blive[- ]in carers?\b(?! (for|to) (his|her|my|their) )",
            r"\b(works?|working|worked|job|employed) (as )?(an? )?([\w-]+ )?carers?\b",
            r"\bcarers? (at|in|for) (an?|the) (care|nursing|residential) home\b",
            r"\bcarers? (for|with) an? (agency|care company)\b",
        ),
        "pregnant_new_parents": (
            r"\b(lost|losing|loss of|miscarried|stillborn)\b[\w ]{0,15}\b(baby|bairn)\b",
            r"\b(baby|bairn) (loss|died|who died)\b",
        ),
    }.items()
}
_RELATIVE = (
    r"(wife|husband|partner|son|daughter|mum|mam|mother|dad|father|brother|sister|child|kid|grandson|"
    r"granddaughter|nan|grandad|grandma|friend|boyfriend|girlfriend|neighbour)s?"
)
# "her husband was in the forces", "son is autistic", "mum now carer": the words are about someone
# else, said just before the cue. Only for what a person is themself (a carer is named by the
# relative they care for, so "'s" there is "her mum's carer", which is the person).
_SAID_OF_OTHER = re.compile(
    # ("wife 75 main carer", "wife is his main carer": a note's age, and a word more)
    rf"\b{_RELATIVE}( \(?\d{{2}}\)?,?)?('s| is| was| has| had| now| became| has become| acts as| as| who| who'?s| with| got)*"
    r"( been)?( an?| the)?( (?!(?:i|he|she|we|they|you)\b)[\w-]+){0,2}\s*$",
    re.I,
)
_SAID_OF_OTHER_CARER = re.compile(_SAID_OF_OTHER.pattern.replace("('s| is", "( is"), re.I)
_DENIED = re.compile(r"\b(not|isn'?t|wasn'?t|never|no longer|nor)( been| really)?( an?)?( \w+)?\s*$", re.I)
# "has a carer", "her carers", "only sees carer + daughter": the person is cared for.
_HAS_A = re.compile(
    r"\b(has|have|got|with|needs?|his|her|their|my|sees?|seeing|visited by|gets|get|getting|"
    # a care worker to be paid for: "can't afford paying a carer"
    r"pay|paying|paid for|afford|hire|hiring)( for)?( an?| the)?"
    r"( (paid|main|new|live[- ]in|agency|full[- ]time|private))?\s*$",
    re.I,
)
# ... unless the person is that carer: "she's his carer".
_IS_THE_CARER = re.compile(
    r"('s|'m|\bim|\bis|\bam|\bwas|\bas|\bbecame|\bbecome|\bbeing)\s+(his|her|their|my)\b[\w -]*$", re.I
)
# "disabled son", "autistic brother": someone else. Not "deaf mum" or "disabled dad": that is how a
# parent describes themself.
_OF_OTHER_AFTER = re.compile(
    r"\s*(wife|husband|partner|son|daughter|brother|sister|child|kid|grandson|granddaughter|friend)s?\b", re.I
)
_OWN = frozenset({"veterans", "refugees", "deaf_bsl", "people_with_disabilities", "carers"})
_CIRCUMSTANCE_RE = {
    code: tuple(re.compile(p, re.I) for p in patterns) for code, patterns in _CIRCUMSTANCE_CUES.items()
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
    # how a man speaks of his wife: "snappy with the missus", "the wife says"
    r"\bthe (missus|missis|wife)\b(?!\s+of\b)",
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


@dataclass(frozen=True)
class Cue:
    code: str
    words: str  # the words in the person's text that gave it


@dataclass
class PersonReading:
    circumstances: list[Cue] = field(default_factory=list)
    preferences: list[Cue] = field(default_factory=list)
    age: Cue | None = None
    step_free: Cue | None = None  # the words that say the person needs step-free access

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
            "step_free": {"words": self.step_free.words} if self.step_free else None,
        }


# "Cares for husband (MS, wheelchair) full time": brackets opened just after a relative describe them.
_RELATIVES_BRACKETS = re.compile(rf"\b{_RELATIVE}(?:'s)?\s*\([^()]*$", re.I)


def _about_the_person(code: str, text: str, found: re.Match[str]) -> bool:
    """Whether the cue's words describe the person, not someone else or a denial."""
    if code in _TAKEN_BACK and is_taken_back(found, text, _TAKEN_BACK[code]):
        return False
    sentence, begin = sentence_of(text, found.start(), found.end())
    if code not in _OWN:
        return True
    if _RELATIVES_BRACKETS.search(sentence[: found.start() - begin]):
        return False
    before = re.split(r"[,(]| - ", sentence[: found.start() - begin])[-1]
    other = _SAID_OF_OTHER_CARER if code == "carers" else _SAID_OF_OTHER
    if other.search(before) or _DENIED.search(before) or _OF_OTHER_AFTER.match(text, found.end()):
        return False
    if code != "carers" and _a_childs(sentence[: found.start() - begin], text):
        return False
    cared_for = _HAS_A.search(before) and not _IS_THE_CARER.search(before)
    return not ("carer" in found.group(0).lower() and cared_for)


# "Mum, 47. Lad of 12 - autism and ADHD": the condition is the child's, whose age is not the person's.
_CHILD_AGED = re.compile(
    r"\b(?:lad|lass|boy|girl|son|daughter|kid|child|bairn|little\s+one)\s*(?:of\s+|aged\s+|,\s*|\(\s*)?(\d{1,2})\b[^.;!?]*$",
    re.I,
)
_AN_AGE = re.compile(
    r"\b(\d{2})\b(?!\s*(?:%|km|miles?|weeks?|days?|months?|hours?|mins?|minutes|years?\s+ago|pm|am))"
)


def _a_childs(before: str, text: str) -> bool:
    """Whether the words before a condition name a child by age, in notes that give an adult's
    age too: the child has the condition, the adult is their parent."""
    child = _CHILD_AGED.search(before)
    if child is None or int(child.group(1)) >= 18:
        return False
    # a son or daughter the person cares for ("Son (9) autistic ... she gave up work to care for
    # him") has the condition; a lad, or a daughter who is herself the one referred, may not
    if child.group(0).lower().startswith(("son", "daughter")) and caring_now(text):
        return True
    return any(18 <= int(age) <= 110 for age in _AN_AGE.findall(text))


def said_of_the_person(code: str, text: str) -> str | None:
    """The words that put the person in group `code` ("doing everything for her": carers), or None."""
    for pattern in _CIRCUMSTANCE_RE.get(code, ()):
        for found in pattern.finditer(text):
            if _about_the_person(code, text, found):
                return found.group(0)
    return None


# Getting in through the door: the person's own wheelchair or mobility scooter, stairs or steps they
# cannot manage, or step-free access asked for. A venue the record says has no such way in is then
# left out, as when the wheelchair box is ticked; being out of breath on the stairs, or managing
# them slowly, is not this.
# (their own wheels: a bike ride is no more for them than a flight of stairs)
_ON_WHEELS = (
    re.compile(r"\bwheelchair\b(?![- ]?(?:accessible|acc\w*|access|friendly))", re.I),
    re.compile(r"\bmobility scooter\b", re.I),
)
_STEP_FREE = _ON_WHEELS + tuple(
    re.compile(p, re.I)
    for p in (
        # a walking frame goes up no stairs: "walks with a frame", "uses a zimmer", "rollator"
        r"\b(?:walks|walking|gets (?:about|around)|goes out)\s+with\s+(?:a|her|his|my)\s+(?:walking\s+|zimmer\s+)?frame\b|"
        r"\bwalks\s+with\s+frame\b|\bzimmer(?:\s+frame)?\b|\brollator\b|\bwalking\s+frame\b",
        r"\b(?:can'?t|cannot|can not|unable to|couldn'?t|won'?t|no longer) (?:manage|do|get up|climb|use|cope with|face)"
        r"(?: the| any| a flight of| a few| many)? (?:stairs|steps)\b",
        r"\bnot (?:going|able to go|getting) (?:to|up) (?:something|anything|anywhere|owt|stuff) upstairs\b",
        r"\b(?:step[- ]free|ground[- ]floor only|no (?:stairs|steps)|wheelchair[- ]?(?:accessible|acc\w*|friendly))\b",
    )
)


# "her husband who uses a wheelchair", "Dad can't manage the stairs now": a relative a few words
# before, in the same clause, is the one who cannot.
_A_RELATIVES = re.compile(rf"\b{_RELATIVE}\b(?:'s)?(?:\s+[\w']+){{0,3}}\s*$", re.I)


def needs_step_free(text: str | None) -> str | None:
    """The words that say the person cannot get into a venue up steps or stairs, or None."""
    return _the_persons_own(_STEP_FREE, text)


def on_wheels(text: str | None) -> str | None:
    """The words that say the person gets about in their own wheelchair or mobility scooter, or None."""
    return _the_persons_own(_ON_WHEELS, text)


def _the_persons_own(patterns: tuple[re.Pattern[str], ...], text: str | None) -> str | None:
    text = text or ""
    for pattern in patterns:
        for found in pattern.finditer(text):
            sentence, begin = sentence_of(text, found.start(), found.end())
            clause = re.split(r"[,;(]| - ", sentence[: found.start() - begin])[-1]
            if _about_the_person("people_with_disabilities", text, found) and not _A_RELATIVES.search(clause):
                return found.group(0)
    return None


def caring_now(text: str) -> str | None:
    """The words that say the person is caring for someone today, or None. Unlike
    `said_of_the_person("carers", ...)`, caring that has ended does not count."""
    for pattern in _CIRCUMSTANCE_RE["carers"]:
        for found in pattern.finditer(text):
            if _about_the_person("carers", text, found) and not _caring_over(text, found):
                return found.group(0)
    return None


# Having nowhere of one's own, in the words people use for it: "kipping on his brother's settee",
# "sleeping in her car", "NFA". Not "rough" alone ("a rough few weeks") nor "hostel" (a place
# someone may work or visit).
_WITHOUT_A_HOME = re.compile(
    r"\b(sofa[- ]?surf\w*|(?:kipping|sleeping|dossing|crashing|staying|living)\s+on\s+"
    r"(?:(?:my|his|her|their|a|an)\s+)?(?:mate|friend|pal|sister|brother|cousin|mum|mam|dad|nan|auntie|aunt|"
    r"uncle|son|daughter|ex|girlfriend|boyfriend|neighbour)'?s\s+(?:sofa|settee|couch|floor)|"
    r"sleeping\s+(?:rough|on\s+the\s+streets?)|(?:sleeping|kipping|dossing|living)\s+in\s+(?:a|the|my|his|her|their)\s+"
    r"(?:car|van|tent)|no\s+fixed\s+abode|"
    r"nowhere\s+(?:to|of\s+(?:my|his|her|their)\s+own\s+to)\s+(?:live|stay|sleep))\b",
    re.I,
)


# Coercive control in the words of the person it happened to: "years of him controlling the money
# and checking her phone", "goes through my messages", "won't let her see her friends". It is the
# domestic abuse need however the word "abuse" is avoided (the meaning of a long note can drown it).
_CONTROLLED = re.compile(
    r"\b((?:him|her|he|she|partner|husband|wife|boyfriend|girlfriend|ex)\s+(?:\w+\s+){0,2}?"
    r"(?:controll(?:ing|ed)|controls)\s+(?:all\s+)?(?:the|my|her|his|our)\s+(?:money|finances|bank|cards?|wages)|"
    # someone else going through the person's phone (not "checks his phone for the bus times")
    r"(?:him|he|husband|boyfriend|partner|ex)\s+(?:\w+\s+){0,4}?(?:checking|checks|checked|going\s+through|goes\s+"
    r"through|went\s+through|tracking|tracks|tracked)\s+(?:her|my)\s+(?:phone|messages|texts|emails)|"
    r"(?:her|she|wife|girlfriend|partner|ex)\s+(?:\w+\s+){0,4}?(?:checking|checks|checked|going\s+through|goes\s+"
    r"through|went\s+through|tracking|tracks|tracked)\s+(?:his|my)\s+(?:phone|messages|texts|emails)|"
    # "Partner 'goes for him', took his bank card": attacks, and money taken
    r"(?:partner|husband|wife|boyfriend|girlfriend|ex)\W{0,3}\s*(?:\w+\s+)?['‘]?(?:goes|went|going|keeps\s+going)\s+"
    r"for\s+(?:him|her|me)\b|"
    r"(?:partner|husband|wife|boyfriend|girlfriend|ex)\s+(?:\w+\s+){0,2}?(?:took|takes|has\s+taken|keeps|kept|had)\s+"
    r"(?:his|her|my|all\s+(?:his|her|my))\s+(?:bank\s+)?(?:cards?|wages|money|benefits|pension|passport)|"
    r"(?:won'?t|wouldn'?t|doesn'?t|didn'?t)\s+let\s+(?:her|me|him|them)\s+(?:see|go\s+out|have\s+(?:any\s+)?money|"
    r"work|leave\s+the\s+house)|isolat\w+\s+(?:her|me|him)\s+from\s+(?:her|my|his)\s+(?:friends|family))",
    re.I,
)


def controlled_by_someone(text: str) -> str | None:
    """The words that say someone close controls the person (coercive control), or None."""
    return _said_not_denied(_CONTROLLED, text)


def without_a_home(text: str) -> str | None:
    """The words that say the person has nowhere of their own to live, or None."""
    return _said_not_denied(_WITHOUT_A_HOME, text)


# Money owed, said as a sum or as what is owed on: "about £18k on cards & a loan", "£3,000 in arrears",
# "maxed out his credit cards", "payday loans". A sum saved or earned is not this.
_OWING = re.compile(
    r"£\s?\d[\d,.]*\s*k?\s+(?:owed\s+)?(?:on|in|of)\s+(?:(?:credit|store)\s+)?(?:cards?|loans?|overdrafts?|arrears|debts?|"
    r"catalogues?|klarna)\b|\b(?:maxed|maxing)\s+out\b|\bowes?\s+(?:about\s+|over\s+|nearly\s+)?£|"
    r"\b(?:payday|doorstep)\s+loans?\b|\bloan\s+sharks?\b",
    re.I,
)


def owing_money(text: str) -> str | None:
    """The words that say the person owes money, or None."""
    return _said_not_denied(_OWING, text)


# Someone close who has died, in the person's words: "since mum passed in the summer", "dad died in
# March", "her son took his own life". The relation is the one who died, not whose relative it was
# ("husband's mum died" is his mother's death, a death in the family all the same); not a pet.
_CLOSE_ONE_DIED = re.compile(
    r"\b(?:mum|mam|mom|mother|dad|father|husband|hubby|wife|missus|partner|son|daughter|child|baby|brother|"
    r"sister|twin|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|fianc[eé]e?|best\s+(?:mate|friend))"
    r"(?!'s)\s+(?:\w+\s+){0,2}?(?:died|passed(?:\s+away|\s+on)?|was\s+killed|took\s+(?:his|her|their)\s+own\s+life)\b|"
    r"\bdeath\s+of\s+(?:my|his|her|their|our)\s+(?:\w+\s+)?(?:mum|mam|mother|dad|father|husband|wife|partner|son|"
    r"daughter|child|baby|brother|sister)\b",
    re.I,
)


def someone_close_died(text: str) -> str | None:
    """The words that say someone close to the person has died, or None."""
    return _said_not_denied(_CLOSE_ONE_DIED, text)


# Benefits asked about or lost, in the person's words rather than a form's name: "doesn't know what
# benefits he can get", "can I claim anything", "his benefits were stopped". "The benefits of a
# walk" is not this.
_BENEFITS = re.compile(
    r"\b(?:what|which|any)\s+benefits?\s+(?:\w+\s+){0,2}?(?:can|could|might|may|is|are|am|to)\s+"
    r"(?:\w+\s+)?(?:get|claim|entitled|apply|have)\b|"
    r"\b(?:claim(?:ing)?|apply(?:ing)?\s+for|sign(?:ing|ed)?\s+on\s+for|entitled\s+to)\s+(?:any\s+)?benefits?\b|"
    r"\b(?:my|his|her|their|our)\s+benefits?\s+(?:\w+\s+){0,2}?(?:stopped|cut|reduced|sanctioned|suspended)\b",
    re.I,
)


def asks_about_benefits(text: str) -> str | None:
    """The words that ask which benefits the person can claim, or say theirs were stopped, or None."""
    return _said_not_denied(_BENEFITS, text)


# What hoarding is, as its services are filed: a mental health matter and a home unsafe to live in.
HOARDING_NEEDS = frozenset({"mental_wellbeing", "housing"})
# Hoarding, as a fire service, a housing officer or a family puts it: "hoarding getting worse",
# "clutter everywhere", "CIR ~6 front room" (the clutter image rating), "papers to ceiling".
_HOARDING = re.compile(
    r"\b(?:hoard(?:ing|er|s)?|clutter(?:ed)?|(?-i:CIR)\s*[~=:]?\s*[4-9]|papers?\s+(?:piled\s+)?(?:up\s+)?to\s+(?:the\s+)?ceiling)\b",
    re.I,
)
# ("no hoarding, just lonely"; but "no grab rails" says they are needed)
_DENIED_OR_NO = re.compile(_DENIED.pattern + r"|\bno\s+$", re.I)


def hoarding(text: str) -> str | None:
    """The words that say the person's home is filled by what they keep, or None."""
    return _said_not_denied(_HOARDING, text, _DENIED_OR_NO)


def _said_not_denied(pattern: re.Pattern[str], text: str, denied: re.Pattern[str] = _DENIED) -> str | None:
    """The first words `pattern` finds that their sentence does not deny before them, or None."""
    for found in pattern.finditer(text):
        sentence, begin = sentence_of(text, found.start(), found.end())
        if not denied.search(sentence[: found.start() - begin]):
            return found.group(0)
    return None


# A home that needs work before the person can manage in it: "OT says needs grab rails by the
# toilet", "is there a handyman thing", "stair rail fitting". Said in such words, it is the housing
# need (a home that is unsuitable), as a handyperson or adaptations service meets it.
_HOME_NEEDS_WORK = re.compile(
    r"\b(grab[- ]?rails?|stair[- ]?rails?|banister|handy[- ]?(?:man|person|people)|home\s+adaptations?|"
    r"adaptations?\s+(?:to|at|in|for)\s+(?:the|his|her|their|my)\s+(?:home|house|flat|bathroom)|"
    r"(?:key\s*safe|level[- ]access\s+shower|stair[- ]?lift)\s+(?:fitted|fitting|put\s+in))\b",
    re.I,
)


def home_needs_work(text: str) -> str | None:
    """The words that say the person's home needs fitting out or small repairs to live in, or None."""
    return _said_not_denied(_HOME_NEEDS_WORK, text)


# Caring that has ended ("after years caring for her mum", "was his carer until he died", "dad is
# in a care home now") makes a former or bereaved carer: their need is still read from the words,
# but a carers-only service is for someone caring today.
_CARING_OVER_BEFORE = re.compile(
    r"\b(used to|was|were|had been|former(ly)?|ex-?|after (\w+ )?(years|months)( of)?|years of)"
    r"( (an?|the|his|her|their|my|main|sole|full[- ]time|unpaid))*\s*$",
    re.I,
)
_CARING_OVER = re.compile(
    r"\b(until|till|died|dying|passed (away|on)|since (he|she|they) (died|passed|went)|death|funeral|"
    r"(care|nursing) home|(in|into) a home\b|no longer|gave up caring|stopped caring|before (he|she|they) (died|passed)|"
    # "Carer's Allowance stopped": the caring it was paid for has ended
    r"allowance (has )?(stopped|ended))\b",
    re.I,
)


def _caring_over(text: str, found: re.Match[str]) -> bool:
    sentence, begin = sentence_of(text, found.start(), found.end())
    return bool(
        _CARING_OVER_BEFORE.search(sentence[: found.start() - begin]) or _CARING_OVER.search(sentence)
    )


# Pronouns say the person's sex only in notes written about them: once the person speaks ("I've been
# at my mate's, he wants me out"), "he" and "she" are the people they talk about.
_PRONOUN_CUES = frozenset({r"\bhe\b", r"\bhim\b", r"\bhis\b", r"\bshe\b", r"\bher\b"})
_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'd|my|me|myself)\b", re.I)
# ... though a person who speaks of their husband or wife says something about themself.
_MY_SPOUSE = re.compile(r"\bmy (?:late |ex[- ]?)?(husband|hubby|wife|missus)\b", re.I)


# "She says he needs to get out": she is whoever reported it, he is the person.
_REPORTED = re.compile(
    r"\b(she|he)\s+(?:says|said|thinks|reckons|feels|worries|is\s+worried|wants|would\s+like)\s+(?:that\s+)?(he|she)\b",
    re.I,
)


def _gender(text: str) -> Cue | None:
    """ "men" or "women" from the first word in the note that says it.

    Link workers write about the person in the third person, and the person comes first: in
    "Her son is 24, he smokes all day" the note is about her. Relation words are blanked (keeping
    the possessive) so "his wife ... she" reads as a man.
    """
    own = _RELATION.sub(lambda m: m.group(1) + " " + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    for said in _REPORTED.finditer(own):
        if said.group(1).lower() != said.group(2).lower():
            own = own[: said.start(1)] + " " * len(said.group(1)) + own[said.end(1) :]
    first: tuple[int, str, str] | None = None
    for code, patterns in (("men", _MALE), ("women", _FEMALE)):
        for pattern in patterns:
            for found in re.finditer(pattern, own, re.I):
                if pattern in _PRONOUN_CUES and _FIRST_PERSON.search(text, 0, found.start()):
                    continue
                if first is None or found.start() < first[0]:
                    first = (found.start(), code, text[found.start() : found.end()])
                break
    if first is None and (spouse := _MY_SPOUSE.search(text)):
        return Cue("women" if spouse.group(1).lower() in ("husband", "hubby") else "men", spouse.group(0))
    return Cue(first[1], first[2]) if first else None


# "Ex REME, 22 yrs in. Struggling since he came out": out of the forces (or prison, or hospital),
# not out as gay, when the words say where he had been and "came out" says nothing more.
_CAME_OUT = re.compile(r"(?:(?:she|he|they)(?:'s| has| had)? )?(?:came|come|coming) out", re.I)
_LEFT_SOMEWHERE = re.compile(
    r"\b(?:army|forces|navy|raf|marines|military|reme|regiment|served|service\s+leaver|prison|jail|inside|"
    r"sentence|hospital|rehab|(?:yrs|years)\s+in)\b",
    re.I,
)


def read_person(text: str | None, known_groups: Any = None) -> PersonReading:
    """Circumstances, preferences and a need for step-free access stated in `text`. `known_groups`,
    when given, limits the circumstance codes to those the directory's taxonomy knows."""
    groups = tuple(sorted(set(known_groups))) if known_groups is not None else None
    kept = _read_person((text or "").strip(), groups)
    # A copy: the caller may add to it (an age), and the kept reading serves the next call.
    return replace(kept, circumstances=list(kept.circumstances), preferences=list(kept.preferences))


# A match reads the same words twice (the app to widen its search, the matcher to rank), each
# reading a few milliseconds of patterns.
@functools.lru_cache(maxsize=256)
def _read_person(text: str, known_groups: tuple[str, ...] | None) -> PersonReading:
    reading = PersonReading()
    if not text:
        return reading
    allowed = set(known_groups) if known_groups is not None else None
    for code in _CIRCUMSTANCE_RE:
        words = caring_now(text) if code == "carers" else said_of_the_person(code, text)
        if code == "lgbtq" and words and _CAME_OUT.fullmatch(words) and _LEFT_SOMEWHERE.search(text):
            continue
        if words and (allowed is None or code in allowed):
            reading.circumstances.append(Cue(code, words))
    gender = _gender(text)
    if gender and (allowed is None or gender.code in allowed):
        reading.circumstances.append(gender)
    reading.preferences.extend(Cue(code, words) for code, words in read_preferences(text))
    step_free = needs_step_free(text)
    reading.step_free = Cue("step_free", step_free) if step_free else None
    return reading


# "Ex-Army, 22 yrs in", "I'm 30 years clean": years of something, not of age ("78 years old" and
# "78 years of age" are ages).
_SERVED = r"(?:years?|yrs?)\b(?! ?(?:old|of age))"
# Relatives whose age a note gives beside the person's: "Husband (72)", "Son, 9". A mother or father
# of 60 or more is the person's own ("Mum (80) moved in with us"); a younger one is most often the
# person ("Mum, 34, two under five"), and so is a nan or grandad ("Nan, 70, has the grandson").
_RELATIVE_BEFORE = re.compile(
    r"\b(?:(?P<other>husband|wife|partner|son|daughter|brother|sister)|(?P<parent>mum|mam|mom|mother|dad|father))"
    r"\s*[,(]?\s*$",
    re.I,
)
OWN_PARENT_AGE = 60


def _a_relatives_age(text: str, found: re.Match[str]) -> bool:
    before = _RELATIVE_BEFORE.search(text, 0, found.start(1))
    if before is None:
        return False
    return bool(before.group("other")) or int(found.group(1)) >= OWN_PARENT_AGE


_AGE_PATTERNS = (
    re.compile(r"\b(\d{1,3})[- ]?(?:years?|yrs?)[- ]?old\b", re.I),
    re.compile(r"\b(\d{1,3}) ?(?:yo|y/o)\b", re.I),
    re.compile(r"\baged? (\d{1,3})\b", re.I),
    # Clinical shorthand: "19F", "Pt 80M", "38 M," (age and sex, as referral notes write them).
    re.compile(r"(?<![\w/£.])(\d{2,3}) ?[MF]\b(?![\w'])"),
    # A name with the age after it, as case notes write it: "Met Nicola (44)", "Jean (83) and"; not a
    # relative's ("Mum (80) moved in with us").
    re.compile(r"\b[A-Z][a-z]+ \((\d{1,3})\)"),
    # "Widower, 78," or "78, lives alone": a bare number beside a word about the person.
    re.compile(
        rf"^\s*[a-z][a-z' -]{{1,20}}, (\d{{2}})\b(?! ?(?:%|p\b|pounds|quid|weeks|months|days|mins|minutes|hours|{_SERVED}))",
        re.I,
    ),
    re.compile(
        r"^\s*(\d{2}),? (?:widow|widower|man|woman|male|female|lady|gent|bloke|lad|mum|dad|retired)", re.I
    ),
    re.compile(
        r"\b(?:he|she|they)(?:'s| is| are) (\d{1,3})\b(?! ?(?:%|weeks?|months?|days?|stone|kg|mins?|minutes|"
        rf"hours?|times|quid|pounds|p\b|grand|k\b|{_SERVED}))",
        re.I,
    ),
    # A bare two-digit number set off as its own item in a note: "lonely. 88. ex-miner", ", 58,".
    re.compile(r"(?:^|[,.;]\s+)(\d{2})\s*(?:[,.;]|$)"),
    # The person's own words: "I'm 97 and my mind's all there", "I'm eighty-eight" (read as digits).
    re.compile(
        rf"\bI(?:'?m| am) (\d{{2,3}})\b(?! ?(?:%|weeks?|months?|days?|stone|kg|quid|pounds|p\b|grand|k\b|mins?|{_SERVED}))",
        re.I,
    ),
    # A note that starts with the age: "66 wants to learn the iPad".
    re.compile(r"^\s*(\d{2}) (?:wants|needs|would|is|has|lives|feels|says)\b", re.I),
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBER_WORDS = re.compile(
    rf"\b({'|'.join(_TENS)})(?:[- ]({'|'.join(UNITS)}))?\b(?![- ]?(?:years? ago|times|quid|pounds|percent))",
    re.I,
)


# "a holiday club for her son. He's 12": the pronoun is the son's, so the age is his.
_JUST_NAMED = {
    "he": re.compile(
        r"\b(?:son|grandson|boy|lad|husband|dad|father|brother|nephew|partner)\b[^.?!]{0,40}[.?!,;]?\s*$",
        re.I,
    ),
    "she": re.compile(
        r"\b(?:daughter|granddaughter|girl|wife|mum|mother|sister|niece|partner)\b[^.?!]{0,40}[.?!,;]?\s*$",
        re.I,
    ),
}


def _of_someone_just_named(text: str, found: re.Match[str]) -> bool:
    pronoun = found.group(0).split("'")[0].split()[0].lower()
    named = _JUST_NAMED.get(pronoun)
    return bool(named and named.search(text[max(0, found.start() - 60) : found.start()]))


def _in_digits(text: str) -> str:
    """Ages people say in words ("ninety-seven") written as numbers, for the patterns above."""
    return _NUMBER_WORDS.sub(
        lambda m: str(_TENS[m.group(1).lower()] + UNITS.get((m.group(2) or "").lower(), 0)), text
    )


_DECADE = re.compile(
    r"(?:\b(?:in|into) (?:his|her|their) |(?:^|[,.;]\s*))(early |mid |mid-|late )?(\d)0s\b", re.I
)


def read_age(text: str | None) -> tuple[int, str] | None:
    """An age the words state ("78-year-old", "aged 16", "Widower, 78", "in her 70s" → 75), with
    the words that gave it; None when none is stated."""
    text = _in_digits(text or "")
    for pattern in _AGE_PATTERNS:
        found = pattern.search(text)
        if (
            found
            and 0 < int(found.group(1)) <= 110
            and not _of_someone_just_named(text, found)
            and not _a_relatives_age(text, found)
        ):
            return int(found.group(1)), found.group(0).strip()
    decade = _DECADE.search(text)
    if decade:
        offset = {"early ": 2, "mid ": 5, "mid-": 5, "late ": 8}.get((decade.group(1) or "").lower(), 5)
        return int(decade.group(2)) * 10 + offset, decade.group(0)
    return None


_DEMENTIA = re.compile(
    r"\b(?:dementia|alzheimer'?s|memory\s+(?:loss|problems|clinic)|vascular\s+dementia)\b", re.I
)


# What a carer says of someone whose memory is failing before any diagnosis ("Mum keeps forgetting
# things and has left the gas on twice"): memory cafés and dementia lines take them.
_FORGETTING = re.compile(
    r"\b(?:keeps?\s+forgetting|forgetting\s+things|memory'?s?\s+(?:is\s+)?(?:going|getting\s+worse|bad)|"
    r"(?:left|leaving|leaves)\s+the\s+gas\s+on|(?:gets?|got|getting)\s+lost\s+(?:coming|going|on\s+the\s+way))",
    re.I,
)
_DEMENTIA_BEHIND_THEM = re.compile(
    r"\blost\s+(?:(?:her|his|my|their|our)\s+\w+|him|her|them)\b|\b(?:died|passed\s+away|death|widow\w*|(?:care|nursing|residential)\s+home|went\s+in(?:to)?\s+(?:a|the)\s+home)\b",
    re.I,
)


def with_words_read(profile: Profile, known_groups: Any = None) -> tuple[Profile, PersonReading]:
    """`profile` with what its words state added to what was given (what was ticked or typed in a
    field always stands): groups they describe (`described`, which rank, and open a restricted
    service only for a condition or caring today: Profile.eligible_groups), preferences, step-free
    access (the wheelchair constraint), and an age when none was given; and the reading itself."""
    reading = read_person(profile.goals, known_groups)
    described = [c for c in reading.circumstance_codes if c not in profile.circumstances]
    # Dementia services are for "people living with dementia and those who support them": the
    # person diagnosed ("Daughter asking for dad: vascular dementia dx") and whoever cares for them
    # today. Not a widow whose husband had it, nor a husband whose wife is now in a care home.
    caring = "carers" in profile.circumstances or "carers" in described
    goals = profile.goals or ""
    if (
        (_DEMENTIA.search(goals) or (caring and _FORGETTING.search(goals)))
        and (caring or not _DEMENTIA_BEHIND_THEM.search(goals))
        and "people_with_dementia" not in profile.circumstances
    ):
        described.append("people_with_dementia")
    changes: dict[str, Any] = {
        "described": tuple(dict.fromkeys(described)),
        "preferences": tuple(dict.fromkeys([*profile.preferences, *reading.preference_codes])),
    }
    if reading.step_free:
        changes["constraints"] = replace(profile.constraints, wheelchair=True)
    age = read_age(profile.goals)
    if age is not None:
        reading.age = Cue(str(age[0]), age[1])
        if profile.age is None:
            changes["age"] = age[0]
    return replace(profile, **changes), reading
