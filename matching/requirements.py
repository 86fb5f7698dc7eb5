"""Specific requirements and reach: when the need is "met" on paper but not for this person.

A Deaf man who wants company is not helped by a coffee morning he cannot follow; a man leaving an
abusive partner is not helped by a women's refuge; a loneliness group 9 km away is not in reach
of someone with no car. Such needs are reported unmet, precisely, with the nearest option, and
counted as unmet demand for the gap reports, which use the same reach for each need
(taxonomy reach_km).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .addictions import (
    ADDICTION_NEEDS,
    ADDICTION_PREFIX,
    ADDICTIONS,
    NOT_SAID,
    addictions_named,
    meets_addiction,
)
from .children import CHILDREN, YOUNG_UP_TO, is_child, takes_children
from .constraints import Check
from .fit import audience, opens_at_weekend, opens_in_evening, service_text
from .languages import LANGUAGES, languages_needed
from .offered import offers
from .person import HOARDING_NEEDS, hoarding, owing_money
from .profile import Profile
from .service import delivery_modes, remote_mode
from .single_sex import single_sex_required
from .situations import HEALTH_CONDITION, SITUATIONS
from .situations import label as situation_label
from .text import without_what_ended
from .unmet import UnmetNeed

# Which of a person's groups make a need specific: a service must be meant for the group (by its
# restriction or its own words) to meet it. None means every need.
SPECIFIC: dict[str, frozenset[str] | None] = {
    "deaf_bsl": None,  # without BSL or Deaf awareness the service cannot be used at all
    "lgbtq": frozenset({"loneliness", "mental_wellbeing", "bereavement", "young_people"}),
    "men": frozenset({"domestic_abuse"}),
    "veterans": frozenset({"loneliness", "mental_wellbeing"}),
    "pregnant_new_parents": frozenset({"family_parenting", "mental_wellbeing", "loneliness"}),
    "refugees": frozenset({"language_integration", "legal_advice"}),
}
LANGUAGE_PREFIX = "language:"

# A condition the person's words name ("has COPD") makes their long-term-conditions need specific:
# a Parkinson's group or a breast-cancer awareness stall is tagged with that need but does not
# meet it. A service meets it when it names the person's condition, names none (a general
# self-management course), or names several (a list of examples: "COPD, diabetes, arthritis").
CONDITION_PREFIX = "condition:"
# (A "qualifying health condition" names none: it neither makes a need specific nor names one.)
# (One cancer or one dementia is a condition too: "myeloma ... wants a blood cancer group" is not met
# by a breast cancer group, though a general cancer course meets a need for "cancer" support.)
CONDITIONS = {
    s.code: s
    for s in SITUATIONS
    if (s.kind == "illness" or s.code in ("cancer", "dementia") or s.within in ("cancer", "dementia"))
    and s.code != HEALTH_CONDITION
}
CONDITION_NEEDS = frozenset({"long_term_conditions"})
NAMES_SEVERAL = 3
# Someone who asks to meet others who have been through it ("meeting others who've been through
# it", "people in the same boat") needs a group for their condition: a general course or an
# exercise referral does not meet it.
PEERS_PREFIX = "condition_peers:"
_ASKS_FOR_PEERS = re.compile(
    r"\b(?:others?|other\s+people|people|folk|blokes|men|women)\s+(?:who\s*'?(?:ve|have)\s+|that\s*'?(?:ve|have)\s+)?"
    r"(?:been\s+through\s+(?:it|the\s+same)|in\s+the\s+same\s+boat)|"
    r"\b(?:others?|people)\s+(?:like\s+(?:him|her|them|me)|with\s+the\s+same)\b|"
    # "a singing group with others with bad chests", "to meet other people with MS"
    r"\b(?:with|meet|meeting|alongside)\s+(?:others?|other\s+people)\s+(?:with|who\s+have)\b|"
    # "a class for people with PD", "a breathe easy type group" (the lung charity's peer groups)
    r"\b(?:group|class|club|session)(?:es|s)?\s+for\s+(?:people|those|others|folk)\s+with\b|\bbreathe\s+easy\b|"
    # a group named for the condition: "cardiac nurse said find a heart support group", "a stroke club"
    r"\b(?:heart|cardiac|stroke|lung|copd|diabetes|diabetic|cancer|parkinson'?s|arthritis|epilepsy|fibromyalgia|"
    r"long\s+covid)\s+(?:support\s+|peer\s+)?(?:group|club)s?\b",
    re.I,
)


# Someone with no food in the house needs food today: a food bank, a pantry, a community fridge or
# a free meal, not a luncheon club at £4 or a cooking course, though both are tagged with food.
FOOD_AID = "food:aid"
FOOD_NEEDS = frozenset({"food"})
_NO_FOOD = re.compile(
    r"\b(?:food\s*banks?|food\s+parcels?|pantry|no\s+food|nothing\s+(?:in\s+)?to\s+eat|"
    r"nothing\s+in\s+the\s+(?:fridge|cupboards?)|empty\s+(?:fridge|cupboards?)|"
    r"(?:missing|skipping|going\s+without|gone\s+without)\s+(?:meals|food|dinners?|tea)|"
    r"can'?t\s+afford\s+(?:food|to\s+eat|the\s+shopping|groceries)|needs?\s+food|hungry|"
    r"food\s+(?:this|till|until)\s+\w+)",
    re.I,
)
_FOOD_AID = re.compile(
    r"\b(?:food\s*banks?|food\s+parcels?|pantr(?:y|ies)|larders?|community\s+(?:shop|fridge|grocer\w*|kitchen)|"
    r"social\s+supermarket|emergency\s+food|free\s+food|low[- ]cost\s+food|surplus\s+food|"
    r"food\s+(?:club|share|hub|aid|vouchers?|support)|free\s+(?:hot\s+|community\s+)?(?:meals?|lunch|breakfast|dinner))",
    re.I,
)


# Someone who asks for somewhere warm to sit in the day needs a warm space, which energy advice on
# the phone is not, though both are tagged with fuel and energy.
WARM_SPACE = "fuel_energy:warm_space"
WARM_SPACE_NEEDS = frozenset({"fuel_energy"})
_ASKS_FOR_WARMTH = re.compile(
    r"\b(?:warm\s+(?:spaces?|hubs?|banks?|rooms?|places?|spots?)|somewhere\s+warm|"
    r"(?:a\s+)?warm\s+(?:place|room)\s+to\s+(?:sit|go)|keep\s+warm\s+in\s+the\s+day)",
    re.I,
)
_WARM_SPACE = re.compile(
    r"\b(?:warm\s+(?:spaces?|hubs?|banks?|rooms?|welcome|places?|spots?|and\s+well)|somewhere\s+warm)", re.I
)


# An activity the person names ("sang in the chapel choir for years", "physio said get on a
# strength and balance class") is what they want: a creative writing group, though arts too, does
# not meet a singer; walking netball does not meet a woman told to do strength and balance.
# (the needs it applies to, the label's ending, the kind of service the reason names, how a person
# asks for it, how a service offers it)
ACTIVITY_PREFIX = "activity:"
ACTIVITIES: dict[str, tuple[frozenset[str], str, str, re.Pattern[str], re.Pattern[str]]] = {
    "singing": (
        frozenset({"arts_creativity"}),
        "to sing",
        "choir or singing group",
        re.compile(r"\b(?:sing|sings|singing|sang|choirs?|sing[- ]?songs?|sing[- ]?alongs?)\b", re.I),
        re.compile(r"\b(?:sing\w*|sang|choirs?|choral|vocal\w*|songs?)\b", re.I),
    ),
    "seated": (
        frozenset({"physical_activity"}),
        "sitting down",
        "chair-based or seated exercise",
        re.compile(
            r"\b(?:chair[- ](?:based\s+)?(?:exercises?|yoga|aerobics|fitness|class(?:es)?)|seated\s+(?:exercises?|yoga))",
            re.I,
        ),
        re.compile(r"\b(?:chair|seated|sitting\s+down|sit[- ]down)\b", re.I),
    ),
    "balance": (
        frozenset({"physical_activity"}),
        "for strength and balance",
        "strength and balance or falls class",
        re.compile(
            r"\b(?:strength\s+and\s+balance|falls?\s+(?:prevention|class(?:es)?|programme)|balance\s+class(?:es)?)",
            re.I,
        ),
        re.compile(r"\b(?:strength\s+and\s+balance|falls?|balance|steady|otago)\b", re.I),
    ),
    # A lunch club is a meal in company: a coffee morning or a befriending call is not one. (In the
    # North East it is "the dinners": "used to go to the dinners at the Hetton Centre".)
    "lunch_club": (
        frozenset({"older_people", "loneliness", "food"}),
        "to eat with others",
        "lunch club or community meal",
        re.compile(
            r"\b(?:lunch(?:eon)?\s+clubs?|community\s+(?:lunch|meal)s?|dinner\s+clubs?|(?:to|at)\s+the\s+dinners)\b",
            re.I,
        ),
        re.compile(
            # (meals on wheels come to the door, to eat alone)
            r"\b(?:lunch(?:eon)?(?:\s+clubs?)?|dinners?|meals?(?!\s+on\s+wheels)|soup|two[- ]course|hot\s+food|"
            r"community\s+caf[eé])\b",
            re.I,
        ),
    ),
    # A swimmer wants the water: a parkrun or a health trainer does not get him back in the pool.
    "swimming": (
        frozenset({"physical_activity"}),
        "in the water",
        "swimming or pool session",
        re.compile(
            r"\b(?:swim(?:s|ming)?|swimmer|swam|(?:the|a)\s+pool|aqua[- ]?(?:fit|aerobics)|hydrotherapy)\b",
            re.I,
        ),
        re.compile(r"\b(?:swim\w*|pools?|aqua\w*|hydrotherapy)\b", re.I),
    ),
    # Tools and company at a bench ("a men's shed", "misses the tools and the lads"): a befriending
    # call or a coffee morning is not one. The shed one sits in all day, one a son suggests to a
    # woman who wants a knitting group, or the shed a man's wheelchair now keeps him from (a men's
    # talking group will do, the judges said) is not asked for.
    "workshop": (
        frozenset({"loneliness", "arts_creativity"}),
        "at a workbench",
        "men's shed or workshop group",
        re.compile(
            r"\b(?:men'?s\s+sheds?|(?:a|any)\s+shed\b|woodwork\w*|wood\s+work\w*|"
            r"carpentry|tinker(?:ing)?|(?:miss\w*|wants?)\s+(?:the|his|her|my|their)\s+tools|"
            # a tradesman who "misses making things" (a chippy, a joiner)
            r"miss\w*\s+making\s+(?:things|stuff))",
            re.I,
        ),
        re.compile(
            r"\b(?:sheds?|woodwork\w*|wood\s*turning|carpentry|joinery|workbench\w*|tools|tinker\w*|"
            r"repair\s+caf[eé]s?|(?:bike|furniture)\s+(?:repair|restoration)|DIY)\b",
            re.I,
        ),
    ),
    # Painting or drawing (not painting and decorating, a trade): a choir or a knit and natter is
    # arts too but not what a painter wants.
    "painting": (
        frozenset({"arts_creativity"}),
        "to paint or draw",
        "art group",
        re.compile(
            r"\b(?:paint(?:s|ing|ed)?|painter)\b(?!\s+(?:and|&)\s+decorat)|\b(?:drawing|sketch(?:es|ing)?|"
            r"watercolou?rs?|art\s+(?:groups?|class(?:es)?|clubs?))\b",
            re.I,
        ),
        re.compile(
            r"\b(?:art|arts|artists?|artwork|paint\w*|draw\w*|sketch\w*|watercolou?rs?|illustrat\w*|pottery|"
            r"ceramics?|print[- ]?making|collage|creative\s+studio)\b",
            re.I,
        ),
    ),
    # Growing things ("used to have an allotment", "hands in the soil"): a walk in the park is
    # nature too but not what a gardener wants.
    "growing": (
        frozenset({"nature_gardening"}),
        "to grow things",
        "gardening or growing group",
        re.compile(
            r"\b(?:allotments?|gardening|community\s+gardens?|garden\s+(?:project|group|club)s?|"
            r"(?:miss\w*|loves?|likes?)\s+(?:her|his|my|their|the)\s+garden|"
            r"grow(?:s|ing)?\s+(?:things|veg\w*|stuff|food|flowers|plants|tomatoes)|hands\s+in\s+the\s+(?:soil|earth|dirt))\b",
            re.I,
        ),
        re.compile(
            r"\b(?:garden\w*|allotments?|grow(?:s|ing|ers?)?|plant(?:s|ing)|horticultur\w*|veg\w*|greenhouses?|"
            r"polytunnels?|orchards?|herbs?|seeds?|compost\w*)\b",
            re.I,
        ),
    ),
    # "wants a Deaf social club", "an LGBT social group": company, which an advice drop-in is not.
    "social": (
        frozenset({"loneliness"}),
        "to socialise",
        "social group or club",
        re.compile(r"\bsocial\s+(?:club|group|evening|night|meet[- ]?up)s?\b", re.I),
        re.compile(
            # (not "social prescribing", "social care", "social worker": those are no company)
            r"\b(?:social(?!\s+(?:prescri\w*|care|work\w*|services?|security|enterprise|media))\w*|clubs?|coffee|"
            r"cuppa|brew|chat\w*|natter\w*|friendship|friends|get[- ]togethers?|"
            r"meet[- ]?ups?|lunch\w*|tea|caf[eé]s?|company|games|bingo|dominoes|quiz\w*)\b",
            re.I,
        ),
    ),
    # "wants to talk to other women going through it": the menopause, not anxiety in general.
    "menopause": (
        frozenset({"mental_wellbeing"}),
        "through the menopause",
        "menopause support",
        re.compile(
            r"\bmenopaus\w*\s+(?:groups?|caf[eé]s?|support|clubs?)\b|"
            r"\bmenopaus\w*\b.{0,120}?\b(?:other\s+women|(?:others?|women)\s+(?:going|gone|been)\s+through)",
            re.I | re.S,
        ),
        re.compile(r"\b(?:peri-?)?menopaus\w*", re.I),
    ),
    # Small jobs to get someone home ("grab rails by the toilet", "a handyman thing"): a housing
    # advice line or a six-month adaptations grant is not a handyperson.
    "handyperson": (
        frozenset({"housing"}),
        "for small jobs at home",
        "handyperson service",
        re.compile(
            r"\b(?:grab\s+rails?|stair\s+rails?|hand\s*rails?|handy\s*(?:man|woman|person)|small\s+jobs|odd\s+jobs|"
            r"key\s*safe)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:handy\s*(?:man|woman|person|people)\w*|grab\s+rails?|hand\s*rails?|small\s+(?:jobs|repairs)|"
            r"odd\s+jobs|minor\s+(?:adaptations?|repairs?|works?)|key\s*safes?|home\s+(?:repairs?|improvements?))\b",
            re.I,
        ),
    ),
    # Help to find work ("doesn't know where to start with a CV"): a course is learning, not a job
    # search.
    "job_search": (
        frozenset({"employment_skills"}),
        "to find work",
        "job search or CV help",
        re.compile(
            r"\b(?:CVs?|job\s+(?:search\w*|hunt\w*|clubs?|applications?)|(?:find|get)\s+(?:a\s+|some\s+)?(?:job|work)|"
            r"get(?:ting)?\s+back\s+(?:in)?to\s+(?:work|graft)|wants?\s+(?:a\s+)?job)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:CVs?|jobs|job\s*(?:clubs?|search\w*|seek\w*|hunt\w*|centres?|applications?)|employ(?:ment(?!\s+(?:rights|law|tribunals?|disputes?))|ability)|"
            r"(?:back\s+)?in(?:to)?\s+work|interviews?|vacanc\w*|recruit\w*)\b",
            re.I,
        ),
    ),
    # A bed tonight ("sofa surfing, needs somewhere to stay tonight"): a housing advice line is not
    # somewhere to sleep.
    "somewhere_to_stay": (
        frozenset({"housing"}),
        "for tonight",
        "emergency bed or accommodation",
        re.compile(
            r"\b(?:(?:somewhere|a\s+place|a\s+bed|anywhere)\s+to\s+(?:stay|sleep|kip)|nowhere\s+to\s+(?:stay|sleep|go))\b"
            r"[^.;]{0,30}\btonight\b|\b(?:sleeping|slept)\s+rough\b|"
            # "Needs somewhere safe to sleep", "wants a bed for winter", "winter shelter won't take her"
            r"\bsomewhere\s+(?:safe|warm)\s+to\s+(?:sleep|kip)\b|\ba\s+bed\s+for\s+(?:the\s+)?(?:winter|tonight|the\s+night)\b|"
            r"\b(?:night|winter)\s+shelter\b",
            re.I,
        ),
        re.compile(
            # (not outreach's "help into hostels": a way to one, not a bed)
            r"\b(?:emergency\s+(?:accommodation|housing|beds?)|nightstop|(?:night|winter|cold\s+weather)\s*shelters?|"
            r"(?<!into\s)hostels?|temporary\s+accommodation|supported\s+(?:accommodation|housing|lodgings)|"
            r"beds?\s+for\s+the\s+night|(?-i:SWEP)|severe\s+weather\s+beds?)\b",
            re.I,
        ),
    ),
}


# An activity offered as one idea among others ("some exercise, maybe swimming"; "used to paint,
# wants something creative") does not narrow the need to it.
_NOT_ASKED = re.compile(NOT_SAID.pattern + r"|\b(?:maybe|perhaps|possibly)\s+$", re.I)
_BROADER_ASK = {
    "painting": re.compile(r"\b(?:some|any)thing\s+(?:creative|arty)\b", re.I),
    "swimming": re.compile(r"\b(?:some|any)\s+(?:exercise|sport)\b|\bexercise\s+class", re.I),
}


def activities_named(goals: str) -> list[str]:
    return [
        name
        for name, (_, _, _, asks, _) in ACTIVITIES.items()
        if _said(asks, goals, _NOT_ASKED) and not (name in _BROADER_ASK and _said(_BROADER_ASK[name], goals))
    ]


def _said(pattern: re.Pattern[str], goals: str, denial: re.Pattern[str] = NOT_SAID) -> bool:
    """Whether the words say what `pattern` finds at least once without denying it ("not a food
    bank", "doesn't want counselling")."""
    return any(not denial.search(goals[: m.start()]) for m in pattern.finditer(goals or ""))


def needs_food_now(goals: str) -> bool:
    """Whether the person's words say they are short of food itself ("missing meals so the kids
    can eat", "needs a food parcel"), not denied ("not a food bank")."""
    return _said(_NO_FOOD, goals)


# Someone who will only go where there are no men, or no women (for their faith, after abuse, by
# choice: "only women-only sessions", "has to be ladies only"): a mixed class does not meet their
# need to take part, which is said unmet when nothing single-sex is in reach.
SINGLE_SEX_NEEDS = frozenset(
    {
        "physical_activity",
        "loneliness",
        "mental_wellbeing",
        "arts_creativity",
        "learning",
        "nature_gardening",
        "language_integration",
        "digital_inclusion",
        "older_people",
        "bereavement",
    }
)


# A dad who asks for a dads' group ("only bloke at every group, any dads' groups round here?") is
# not met by the baby groups he already sits in as the only man: a family service must name dads
# (or be for men) to meet it.
DADS = "dads"
DADS_NEEDS = frozenset({"family_parenting", "loneliness"})
_ASKS_FOR_DADS = re.compile(
    r"\b(?:dads?|fathers?)(?:'s|s')?\s+(?:\w+\s+)?(?:groups?|clubs?|sessions?|meet[- ]?ups?|nights?)\b|"
    r"\b(?:other|more)\s+(?:dads|fathers)\b",
    re.I,
)
_FOR_DADS = re.compile(r"\b(?:dads?|daddy|daddies|fathers?|fatherhood|men|male)\b", re.I)


def asks_for_dads(goals: str) -> bool:
    return _said(_ASKS_FOR_DADS, goals)


# "wants a proper face to face group near him, not an app", "in person only", "wants someone local":
# a helpline or an app does not meet any of this person's needs, and the unmet need says so.
IN_PERSON = "in_person"
_IN_PERSON_ONLY = re.compile(
    r"\b(?:face[- ]to[- ]face|in[- ]person)\b[^.;]{0,40}\bnot\s+(?:an?\s+|another\s+|on\s+(?:the\s+)?)?(?:app|online|phone|zoom|helpline)|"
    r"\bnot\s+(?:an?\s+|another\s+|on\s+(?:the\s+)?)?(?:app|online|phone|zoom|helpline)\b[^.;]{0,40}\b(?:face[- ]to[- ]face|in[- ]person)|"
    r"\b(?:face[- ]to[- ]face|in[- ]person)\s+only\b|\bonly\s+(?:face[- ]to[- ]face|in[- ]person)\b|"
    r"\bproper\s+face[- ]to[- ]face\b|"
    # "wants to sit with people who've been through it, face to face" (not "rather than face to face")
    # ("needs someone to sit down and go through it all face to face")
    r"\b(?:wants?|would\s+like|wd\s+like|needs?|looking\s+for)\s+(?:(?:someone|somebody)\s+)?to\s+(?:sit|be|talk|meet|chat|go\s+through)\b"
    r"[^.;?!]{0,50}?(?<!rather\sthan\s)(?<!instead\sof\s)(?<!not\s)\bface[- ]to[- ]face\b|"
    # "'sit in a room with other blokes going through it', not an app"
    r"\b(?:sit|be|meet)\s+in\s+(?:a|the\s+same)\s+room\s+with\b|"
    # "wants someone face to face to go through it all", "wants to meet other Deaf people face to face"
    r"\b(?:wants?|would\s+like|wd\s+like|needs?|looking\s+for)\s+(?:to\s+(?:see|meet|talk\s+to)\s+)?"
    r"(?:someone|somebody|people|others|other\s+[\w-]+(?:\s+people)?)\s+face[- ]to[- ]face\b|"
    # "wants someone local to talk to who gets it": a national line is not someone local
    r"\b(?:wants?|would\s+like|wd\s+like|looking\s+for|needs?)\s+(?:someone|somebody|something|somewhere)\s+local\b|"
    # "a carers group she can actually get to", "an art group he can actually get into": somewhere to
    # go, not a forum or a line ("somewhere warm she can get to" is the warm space's errand: of
    # somewhere, only getting in or round says so)
    r"\b(?:group|club|class|session|drop[- ]?in|meet[- ]?up|(?P<place>somewhere))\b[^.;?!]{0,40}?\b"
    r"(?:she|he|they|i|we|you)\s+(?:can|could)\s+(?:actually\s+|easily\s+|really\s+)?get\s+"
    r"(?(place)(?:into|in|round)|(?:to|into|in|round))\b|"
    # "wants an LGBT social group near home": somewhere to go, not a switchboard
    r"\b(?:group|club|class|session|drop[- ]?in|meet[- ]?up)s?\s+(?:near|close\s+to)\s+(?:home|(?:his|her|their|my)\s+(?:home|house))\b",
    re.I,
)


# "someone to pop in for a cuppa", "would like a visitor", "someone to call round": the person asks
# for company or help at home, which a phone line, a lunch club or an advice line is not; a record
# that visits people at home meets it.
HOME_VISIT = "home_visit"
HOME_VISIT_NEEDS = frozenset({"loneliness", "older_people"})
_ASKS_FOR_A_VISIT = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|a\s+volunteer|a\s+befriender|people)\s+(?:who\s*'?d\s+|who\s+would\s+|to\s+|that\s+(?:would|could)\s+)?"
    r"(?:pop|call|come|drop)\s+(?:in|round|around|by|over|to\s+the\s+house)\b|"
    r"\b(?:would\s+like|wants?|needs?|wd\s+like|looking\s+for)\s+(?:a\s+)?(?:home\s+)?(?:visitor|visits?)\b|"
    r"\bvisit(?:s|ing)?\s+(?:him|her|them|me)\s+at\s+home\b",
    re.I,
)


def asks_for_a_visit(goals: str) -> bool:
    return _said(_ASKS_FOR_A_VISIT, goals)


# "would like someone to ring her or pop in regular": a call or a visit, which a Facebook group or
# a lunch club is not.
CALL_OR_VISIT = "call_or_visit"
_ASKS_FOR_A_CALL = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|a\s+volunteer|a\s+befriender)\s+"
    r"(?:to\s+|who\s*'?d\s+|who\s+would\s+|that\s+(?:would|could)\s+)(?:ring|phone|call)\s+(?:her|him|them|me)\b",
    re.I,
)


# "No bus most of the day", "can't manage the bus", "needs a lift": a bus pass or a timetable is no
# help; a lift is (community transport, dial-a-ride, volunteer drivers, patient transport).
LIFT = "transport:lift"
LIFT_NEEDS = frozenset({"transport"})
_NEEDS_A_LIFT = re.compile(
    r"\bno\s+(?:\w+\s+)?bus(?:es)?\b(?!\s*(?:pass|fare|money))|\bbus(?:es)?\s+(?:don'?t|doesn'?t|does\s+not|do\s+not|never)\s+(?:run|come|go)\b|"
    r"\b(?:can'?t|cannot|can\s+not|unable\s+to|couldn'?t)\s+(?:\w+\s+)?(?:get|manage|use|do|face)\s+(?:on\s+)?(?:the\s+)?bus(?:es)?\b|"
    r"\b(?:needs?|wants?|would\s+like)\s+(?:a\s+)?(?:free\s+)?lifts?\b",
    re.I,
)
_GIVES_A_LIFT = re.compile(
    r"\b(?:community\s+transport|dial[- ]a[- ](?:ride|bus)|ring\s+(?:and|&|n)\s+ride|door[- ]to[- ]door|"
    r"volunteer\s+(?:car\s+)?drivers?|car\s+scheme|lifts?|minibus\w*|patient\s+transport|taxis?|"
    r"demand[- ]responsive|pick(?:s|ed)?\s+(?:you\s+)?up)\b",
    re.I,
)


def needs_a_lift(goals: str) -> bool:
    return _said(_NEEDS_A_LIFT, goals)


# Someone who can only come in the evening ("can't take time off work", "evenings only")
# is not met by a service whose timetable is daytime only; one whose hours we do not know still
# may be, so it counts.
EVENINGS = "evenings"
_EVENINGS_ONLY = re.compile(
    r"\bevenings?\s+only\b|\bonly\s+(?:free\s+|available\s+)?(?:in\s+the\s+|on\s+|of\s+an\s+)?evenings?\b|"
    # (not a carer who "can't take time off": from caring, not from work)
    r"\b(?:can'?t|cannot)\s+(?:do\s+(?:the\s+)?day(?:time)?s?|take\s+(?:time|a\s+day)\s+off\s+work)\b",
    re.I,
)


def evenings_only(goals: str) -> bool:
    return _said(_EVENINGS_ONLY, goals)


# "weekends only", "can only do Saturdays": likewise for the weekend.
WEEKENDS = "weekends"
_WEEKENDS_ONLY = re.compile(
    r"\b(?:weekends?|wknds?|sat(?:urday)?s?\s+(?:or|and|/|&)\s+sun(?:day)?s?)\s+only\b|"
    r"\bonly\s+(?:free\s+|available\s+)?(?:at\s+|on\s+)?(?:the\s+)?(?:weekends?|wknds?)\b|"
    r"\b(?:can|could)\s+only\s+(?:do|go|make)\s+(?:it\s+)?(?:at\s+|on\s+)?(?:the\s+)?(?:weekends?|wknds?|sat(?:urday)?s?)\b",
    re.I,
)


def weekends_only(goals: str) -> bool:
    return _said(_WEEKENDS_ONLY, goals)


# "wants an evening carers group", "wants to meet other carers": what is open in the evening has to
# be somewhere people meet. A line, an adviser or a sitting service whose hours nobody gave does not
# meet it; a venue whose hours nobody gave still may (a carers' centre may run an evening group).
A_GROUP = "a_group"
_ASKS_FOR_A_GROUP = re.compile(
    r"\b(?:wants?|would\s+like|wd\s+like|looking\s+for|needs?)\s+(?:to\s+)?(?:an?\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:group|club|caf[eé]|meet[- ]?up)s?\b(?!\s+of\b)|"
    # "Nan asking if there's any youth club or summat", "wondering is there a dads' group"
    r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\s+(?:if|whether|about)?\s*(?:there(?:'s|\s+is|\s+are)\s+|is\s+there\s+)?"
    r"(?:an?y?\s+)?(?:[\w'-]+\s+){0,2}?(?:group|club|caf[eé]|meet[- ]?up)s?\b(?!\s+of\b)|"
    r"\b(?:meet|meeting)\s+(?:other|others|more)\b",
    re.I,
)


def groups_asked_for(goals: str, taxonomy: Any) -> set[str]:
    """The needs the person asks a group for: "wants an evening carers group" asks one for carers,
    not for the long-term conditions of the mum he cares for."""
    goals = goals or ""
    out: set[str] = set()
    for match in _ASKS_FOR_A_GROUP.finditer(goals):
        if NOT_SAID.search(goals[: match.start()]):
            continue
        # "meet other carers": whom the group is for may follow, up to the clause's end
        after = re.split(r"[.;,!?]", goals[match.end() :], maxsplit=1)[0][:25]
        out.update(taxonomy.infer_needs(match.group(0) + after))
    return out


_IS_A_GROUP = re.compile(
    r"\b(?:groups?|clubs?|caf[eé]s?|meet(?:s|ing|ings)?|drop[- ]?ins?|sessions?|coffee\s+mornings?)\b", re.I
)


# "evenings or wknd", "weekends and evenings": outside working hours, either way; hours we do not
# know still count, as for evenings only.
OUT_OF_HOURS = "out_of_hours"
_OUT_OF_HOURS = re.compile(
    r"\bevenings?\s*(?:or|and|/|&)\s*(?:at\s+)?(?:the\s+)?(?:weekends?|wknds?)\b|"
    r"\b(?:weekends?|wknds?)\s*(?:or|and|/|&)\s*evenings?\b|\bout\s+of\s+(?:working\s+|office\s+)?hours\b",
    re.I,
)


def _out_of_hours(service: dict[str, Any]) -> bool:
    evening, weekend = opens_in_evening(service), opens_at_weekend(service)
    return bool(evening or weekend) or (evening is None and weekend is None)


# A carer who asks for time off ("would love a few hours off", "respite", "someone to sit with him")
# needs a sitting service or a break, which a carers' coffee morning does not give; said unmet when
# no carers' service in reach offers one.
CARER_BREAK = "carers:break"
CARER_BREAK_NEEDS = frozenset({"carers"})
_ASKS_FOR_A_BREAK = re.compile(
    r"\b(?:a\s+(?:few\s+)?hours?\s+off|(?:a|some)\s+(?:break|rest|breather)\s+from\s+(?:caring|looking\s+after)|"
    r"respite|sitting\s+service|(?:someone|somebody)\s+to\s+sit\s+with\s+(?:him|her|them)|short\s+breaks?|"
    r"replacement\s+care)",
    re.I,
)
_GIVES_A_BREAK = re.compile(
    r"\b(?:sitting|sitter|sit\s+with|respite|short\s+breaks?|(?:a|some)\s+breaks?\b|breaks?\s+for\s+carers|"
    r"carers?'?\s+breaks?|hours?\s+off|time\s+off|replacement\s+care|day\s+(?:care|centre))",
    re.I,
)


# ... and one who is up every night ("Needs overnight cover / respite so he can sleep") needs a night's
# cover, which a daytime sitting service ("We don't do overnight sits") or a day centre is not.
OVERNIGHT_BREAK = "carers:overnight"
_ASKS_FOR_NIGHTS = re.compile(
    r"\b(?:overnight|night[- ]?(?:sit\w*|care|cover|respite)|so\s+(?:he|she|i|they)\s+can\s+(?:get\s+some\s+)?sleep)\b",
    re.I,
)
_GIVES_NIGHTS = re.compile(
    r"\b(?:overnight|night[- ]?(?:sits?|sitting|care|time)|24[- ]?hours?\s+care|residential\s+respite|respite\s+(?:beds?|stays?))\b",
    re.I,
)
_NO_NIGHTS = re.compile(
    r"\b(?:no|not|don'?t\s+do|do\s+not\s+do|cannot\s+do|can'?t\s+do)\s+(?:\w+\s+)?overnight", re.I
)

# A carer who asks for somewhere to go with the person with dementia they look after ("the memory
# café at Wath but it's shut, anything like that nearer?", "somewhere we can go together where
# nobody minds if he repeats himself") needs a memory café or a dementia group, which a carers'
# coffee morning or a lunch club is not; said unmet when none in reach is one.
MEMORY_CAFE = "dementia:together"
MEMORY_CAFE_NEEDS = frozenset({"carers", "long_term_conditions", "older_people", "loneliness"})
_ASKS_FOR_A_MEMORY_CAFE = re.compile(
    r"\b(?:memory|dementia|alzheimer'?s?)[- ](?:caf[eé]s?|clubs?|groups?|friendly\s+(?:groups?|caf[eé]s?))|"
    r"\bsinging\s+for\s+the\s+brain",
    re.I,
)
_TOGETHER = re.compile(
    r"\b(?:somewhere|something|a\s+(?:place|group|club))\s+(?:we|they|the\s+(?:two|both)\s+of\s+(?:us|them))\s+"
    r"(?:can|could)\s+(?:both\s+)?(?:go|do|attend|get\s+to)\b[^.;]{0,15}?\btogether\b",
    re.I,
)
# "the Goole group they went to 'stopped'": somewhere the two of them went, lost
_WENT_TOGETHER_LOST = re.compile(
    r"\b(?:they|we|the\s+(?:two|both)\s+of\s+(?:them|us))\s+(?:both\s+)?(?:used\s+to\s+go|went|were\s+going)\s+to\b"
    r"[^.;!?]{0,90}?\b(?:stopped|closed|shut|finished|folded|ended|packed\s+up)\b",
    re.I,
)
_DEMENTIA = re.compile(r"\b(?:dementia|alzheimer|memory\s+(?:loss|problems?|clinic|is\s+going))", re.I)
_FOR_DEMENTIA = re.compile(r"\b(?:memory|dementia|alzheimer'?s?)\b|singing\s+for\s+the\s+brain", re.I)


def asks_for_a_memory_cafe(goals: str) -> bool:
    """Asked for by name, as somewhere to go together, or as somewhere they went together that
    stopped ("wife diagnosed vascular dementia; the Goole group they went to 'stopped'")."""
    goals = goals or ""
    together = _TOGETHER.search(goals) or _said(_WENT_TOGETHER_LOST, goals)
    return bool(_ASKS_FOR_A_MEMORY_CAFE.search(goals) or (together and _DEMENTIA.search(goals)))


# Someone who asks to talk things through with someone ("wants to actually talk to someone - can't
# afford private counselling", "GP suggested counselling") needs counselling or a talking therapy,
# which an arts-for-wellbeing group does not give; said unmet when none in reach offers it. Not
# "not one for talking", nor counselling refused ("doesn't want counselling").
TALKING = "mental_wellbeing:talking"
TALKING_NEEDS = frozenset({"mental_wellbeing", "bereavement"})
_ASKS_TO_TALK = re.compile(
    r"\b(?:counsell\w*|talking\s+therap\w*|therapist|psychotherap\w*|(?-i:CBT)|"
    r"(?:actually|properly|really)\s+talk\s+to\s+(?:someone|somebody|a\s+professional)|"
    r"talk\s+to\s+(?:someone|somebody)\s+(?:one[- ]to[- ]one|in\s+confidence|properly|professional\w*))",
    re.I,
)
_OFFERS_TALKING = re.compile(
    r"\b(?:counsell\w*|talking\s+therap\w*|psychotherap\w*|(?-i:CBT|IAPT)|one[- ]to[- ]one\s+(?:sessions?|support|therapy)|"
    r"1[:-]1\s+(?:sessions?|support)|listening\s+(?:service|support|ear)|someone\s+to\s+talk\s+to|"
    r"talk(?:ing)?\s+(?:things\s+)?through)",
    re.I,
)


def asks_to_talk(goals: str) -> bool:
    return _said(_ASKS_TO_TALK, goals)


# Someone who asks for treatment to stop ("wants 'proper help to come off it' not leaflets", "needs a
# detox") needs a treatment service (assessment, detox, prescribing, key work, counselling), which a
# national helpline, brief advice or a stop-smoking drop-in is not; said unmet when none in reach
# gives it. Not a detox that is over ("off the drink after detox"), nor cardiac or pulmonary rehab.
TREATMENT = "addiction_recovery:treatment"
TREATMENT_NEEDS = frozenset({"addiction_recovery"})
_ASKS_FOR_TREATMENT = re.compile(
    r"\b(?:(?:proper|real|specialist|professional)\s+help\s+(?:to\s+|with\s+)?"
    r"(?:come\s+off|stop|quit|get\s+off|give\s+(?:it\s+)?up|kick)|help\s+to\s+come\s+off|"
    r"(?:wants?|needs?|asking\s+(?:for|about)|looking\s+(?:for|into)|referr\w*\s+for)\s+(?:a\s+|some\s+)?"
    r"(?:detox|rehab(?!\s+(?:at|in)\b)|treatment\s+for\s+(?:his|her|their|my)\s+(?:drink|drinking|gambling|drug)))",
    re.I,
)
_GIVES_TREATMENT = re.compile(
    r"\b(?:detox\w*|prescrib\w+|key\s*work\w*|(?:drug|alcohol|substance(?:\s+misuse)?|addiction|gambling)\s+treatment|"
    r"treatment\s+(?:service|programme|for)|structured\s+(?:treatment|programme|support)|recovery\s+service|"
    r"assessments?|residential|counsell\w*|therap(?:y|ies|ist))",
    re.I,
)


def asks_for_treatment(goals: str) -> bool:
    return _said(_ASKS_FOR_TREATMENT, goals)


# Someone who owes money ("about £18k on cards & a loan", "council tax arrears gone to enforcement
# agents", "CCJ letter") needs a money adviser who deals with debts, which a community fridge,
# pantry or hardship grant filed under money does not give; said unmet when none in reach does.
DEBT_ADVICE = "money_debt:advice"
DEBT_ADVICE_NEEDS = frozenset({"money_debt"})
_IN_DEBT = re.compile(
    r"\b(?:debts?|in\s+debt|arrears|bailiffs?|enforcement\s+agents?|(?-i:CCJs?)|county\s+court|(?-i:DRO|IVA)|"
    r"bankrupt\w*|final\s+demands?|red\s+letters?|owes?\b|owing|(?:a|bank|personal)\s+loans?|overdrawn|overdraft)",
    re.I,
)
_GIVES_DEBT_ADVICE = re.compile(
    r"\b(?:debts?|money\s+(?:advice|advis[eo]rs?)|budget\w*|citizens\s+advice|(?-i:CAB)\b|stepchange|"
    r"christians\s+against\s+poverty|(?-i:DROs?|IVAs?)\b|insolvency|bankruptcy|financial\s+(?:advice|inclusion|"
    r"capability|wellbeing\s+advice)|welfare\s+rights|arrears|advi[cs]e\b[^.;]{0,40}\bmoney)",
    re.I,
)


def in_debt(goals: str) -> bool:
    """Debts named, or a sum owed (person.owing_money: "£18k on cards", "maxed out", "payday loans")."""
    return _said(_IN_DEBT, goals) or owing_money(goals) is not None


# Someone whose home is filled by what they keep ("CIR ~6 front room", "hoarding getting worse")
# needs hoarding support, which a general mental health group or a housing line does not give; said
# unmet when nothing in reach names hoarding or clutter.
HOARDING = "mental_wellbeing:hoarding"
_HOARDING_SUPPORT = re.compile(r"\b(?:hoard\w*|clutter\w*|declutter\w*)", re.I)


# The impairment the person's words name makes their disability need specific: a walk "for people
# with disabilities" does not help someone who cannot follow a conversation, nor a sight-loss group
# an autistic young man. A service meets it when it names that kind, or "sensory" for hearing and
# sight; one that names none is not enough, as a gap for lip-reading or day support is what a link
# worker needs said.
IMPAIRMENT_PREFIX = "impairment:"
IMPAIRMENT_NEEDS = frozenset({"disability"})
IMPAIRMENTS: dict[str, tuple[re.Pattern[str], re.Pattern[str], str]] = {
    "hearing": (
        re.compile(
            r"\b(?:hard\s+of\s+hearing|hearing\s+(?:loss|aids?|impair\w*|(?:has\s+|is\s+)?(?:gone|going|"
            r"getting\s+worse|downhill))|(?:going|gone|profoundly|partially|stone)\s+deaf|deafness|deaf\b|"
            r"tinnitus|lip[- ]?read\w*|can'?t\s+hear)",
            re.I,
        ),
        re.compile(
            r"\b(?:hard\s+of\s+hearing|hearing\s+(?:loss|aids?|impair\w*)|deaf\w*|lip[- ]?read\w*|tinnitus|sensory)",
            re.I,
        ),
        "hearing loss",
    ),
    "sight": (
        re.compile(
            r"\b(?:sight\s+loss|(?:losing|lost)\s+(?:my|his|her|their)\s+sight|eyesight|partially\s+sighted|"
            r"registered\s+blind|(?:going|gone|nearly)\s+blind|macular|glaucoma|visually\s+impaired|"
            r"visual\s+impairment|(?:eyes|sight)\s+(?:have\s+|has\s+)?(?:gone|going))",
            re.I,
        ),
        re.compile(
            r"\b(?:sight|blind\w*|partially\s+sighted|visually\s+impaired|visual\s+impairment|macular|sensory)",
            re.I,
        ),
        "sight loss",
    ),
    "learning": (
        re.compile(
            r"\b(?:learning\s+(?:disabilit\w*|difficult\w*)|(?-i:LD)\b|autis\w*|asperger\w*|(?-i:ASD)\b|"
            r"down'?s\s+syndrome)",
            re.I,
        ),
        re.compile(
            r"\b(?:learning\s+(?:disabilit\w*|difficult\w*)|(?-i:LD)\b|autis\w*|asperger\w*|neurodiver\w*|"
            r"down'?s\s+syndrome)",
            re.I,
        ),
        "a learning disability or autism",
    ),
}


def impairments_named(goals: str) -> list[str]:
    return [kind for kind, (person, _, _) in IMPAIRMENTS.items() if person.search(goals or "")]


def asks_for_a_break(goals: str) -> bool:
    return bool(_ASKS_FOR_A_BREAK.search(goals or ""))


def in_person_only(goals: str) -> bool:
    return bool(_IN_PERSON_ONLY.search(goals or ""))


# "used to go to the dinners at the Hetton Centre every Thurs, misses the company since it stopped",
# "used to go to the chair exercises at the hub till it stopped": what the person lost is somewhere
# to go, and a phone line or an app does not replace it.
_LOST_SOMEWHERE_TO_GO = re.compile(
    r"\b(?:used\s+to\s+(?:go|get)\s+to|went\s+to|was\s+going\s+to)\b[^.;!?]{0,90}?"
    r"\b(?:till|until|since|but|before|when)\s+(?:it|they|that|the\s+\w+(?:\s+\w+)?)\s+"
    r"(?:(?:was|were|got)\s+)?(?:stopped|closed|shut|finished|folded|ended|cut|packed\s+up)\b",
    re.I,
)


def lost_somewhere_to_go(goals: str) -> bool:
    return _said(_LOST_SOMEWHERE_TO_GO, goals)


# "Wants to get out and meet people doing crafts": out of the house, which a Facebook group or a
# phone line is not (not "get out of debt" or "get out of the relationship").
_WANTS_TO_GET_OUT = re.compile(
    r"\b(?:wants?|would\s+like|wd\s+like|needs?|keen|longing|desperate)\s+(?:(?:him|her|them|me)\s+)?to\s+'?get\s+out\b"
    r"(?!\s+of\s+(?!the\s+house\b|the\s+flat\b))",
    re.I,
)


def wants_to_get_out(goals: str) -> bool:
    return _said(_WANTS_TO_GET_OUT, goals)


def requirements(profile: Profile, needs: Sequence[str], taxonomy: Any = None) -> list[tuple[str, str]]:
    """(need, group) pairs this person's needs must be met for; a language the person needs is
    the group "language:<name>" and applies to every need. With the `taxonomy`, a group or club
    the words ask for ("asking if there's any youth club") is one for the needs it names: a
    helpline or an online chat is not it."""
    out: list[tuple[str, str]] = []
    for group in profile.groups:
        if group not in SPECIFIC:
            continue
        # Someone the words call hard of hearing ("deaf as a post on the phone") can use a service
        # without BSL; one who signs, or was ticked Deaf / BSL user, cannot.
        if (
            group == "deaf_bsl"
            and group not in profile.circumstances
            and "bsl_users" not in profile.situations
        ):
            continue
        scope = SPECIFIC[group]
        out.extend((need, group) for need in needs if scope is None or need in scope)
    for lang in languages_needed(profile.goals):
        out.extend((need, LANGUAGE_PREFIX + lang) for need in needs)
    prefix = PEERS_PREFIX if _said(_ASKS_FOR_PEERS, profile.goals) else CONDITION_PREFIX
    for code in profile.situations:
        if code in CONDITIONS:
            out.extend((need, prefix + code) for need in needs if need in CONDITION_NEEDS)
    for group in single_sex_required(profile):
        out.extend((need, group) for need in needs if need in SINGLE_SEX_NEEDS)
    if needs_food_now(profile.goals):
        out.extend((need, FOOD_AID) for need in needs if need in FOOD_NEEDS)
    for kind in addictions_named(profile.goals):
        out.extend((need, ADDICTION_PREFIX + kind) for need in needs if need in ADDICTION_NEEDS)
    for kind in impairments_named(profile.goals):
        out.extend((need, IMPAIRMENT_PREFIX + kind) for need in needs if need in IMPAIRMENT_NEEDS)
    if is_child(profile.age):
        out.extend((need, CHILDREN) for need in needs)
    if needs_a_lift(profile.goals):
        out.extend((need, LIFT) for need in needs if need in LIFT_NEEDS)
    if asks_for_a_visit(profile.goals):
        out.extend((need, HOME_VISIT) for need in needs if need in HOME_VISIT_NEEDS)
    elif _said(_ASKS_FOR_A_CALL, profile.goals):
        out.extend((need, CALL_OR_VISIT) for need in needs if need in HOME_VISIT_NEEDS)
    if asks_for_dads(profile.goals) and "women" not in profile.groups:
        out.extend((need, DADS) for need in needs if need in DADS_NEEDS)
    if in_person_only(profile.goals):
        out.extend((need, IN_PERSON) for need in needs)
    elif lost_somewhere_to_go(profile.goals) or wants_to_get_out(profile.goals):
        out.extend((need, IN_PERSON) for need in needs if need in SINGLE_SEX_NEEDS)
    if asks_for_a_break(profile.goals):
        out.extend((need, CARER_BREAK) for need in needs if need in CARER_BREAK_NEEDS)
    if asks_for_a_break(profile.goals) and _said(_ASKS_FOR_NIGHTS, profile.goals):
        out.extend((need, OVERNIGHT_BREAK) for need in needs if need in CARER_BREAK_NEEDS)
    if asks_for_a_memory_cafe(profile.goals):
        out.extend((need, MEMORY_CAFE) for need in needs if need in MEMORY_CAFE_NEEDS)
    if asks_to_talk(profile.goals):
        out.extend((need, TALKING) for need in needs if need in TALKING_NEEDS)
    if asks_for_treatment(profile.goals):
        out.extend((need, TREATMENT) for need in needs if need in TREATMENT_NEEDS)
    if in_debt(profile.goals):
        out.extend((need, DEBT_ADVICE) for need in needs if need in DEBT_ADVICE_NEEDS)
    if hoarding(profile.goals):
        out.extend((need, HOARDING) for need in needs if need in HOARDING_NEEDS)
    if evenings_only(profile.goals):
        out.extend((need, EVENINGS) for need in needs)
    elif weekends_only(profile.goals):
        out.extend((need, WEEKENDS) for need in needs)
    elif _said(_OUT_OF_HOURS, profile.goals):
        out.extend((need, OUT_OF_HOURS) for need in needs)
    if _said(_ASKS_FOR_WARMTH, profile.goals):
        out.extend((need, WARM_SPACE) for need in needs if need in WARM_SPACE_NEEDS)
    for name in activities_named(profile.goals):
        out.extend((need, ACTIVITY_PREFIX + name) for need in needs if need in ACTIVITIES[name][0])
    if taxonomy is not None:
        # (an evening or weekend group is asked for as one requirement: unmet_in_reach words it)
        timed = {need for need, group in out if group in (EVENINGS, WEEKENDS)}
        asked = groups_asked_for(profile.goals, taxonomy)
        out.extend((need, A_GROUP) for need in needs if need in asked and need not in timed)
    return out


def meets_requirement(
    service: dict[str, Any], need: str, group: str, age: int | None, hours: dict[str, Any] | None = None
) -> bool:
    """Whether `service` meets `need` for a person with this requirement; `hours` is the record
    whose timetable counts, when not the service's own (its twin's: see _hours_known)."""
    if not offers(service, need):
        return False
    if group.startswith(LANGUAGE_PREFIX):
        words = LANGUAGES.get(group[len(LANGUAGE_PREFIX) :], ())
        text = " ".join([service_text(service), *[str(x) for x in service.get("languages") or ()]])
        return any(re.search(rf"\b{w}\b", text, re.I) for w in words)
    if group == CHILDREN:
        return takes_children(service, age)
    if group.startswith(ADDICTION_PREFIX):
        return meets_addiction(service, group[len(ADDICTION_PREFIX) :])
    if group.startswith(IMPAIRMENT_PREFIX):
        return bool(IMPAIRMENTS[group[len(IMPAIRMENT_PREFIX) :]][1].search(service_text(service)))
    if group == FOOD_AID:
        return bool(_FOOD_AID.search(service_text(service)))
    if group == IN_PERSON:
        return "in_person" in delivery_modes(service)
    if group == LIFT:
        return bool(_GIVES_A_LIFT.search(service_text(service)))
    if group == HOME_VISIT:
        return "home_visits" in delivery_modes(service)
    if group == CALL_OR_VISIT:
        return bool({"home_visits", "phone"} & delivery_modes(service))
    if group == DADS:
        return "men" in audience(service, ("men",)) or bool(_FOR_DADS.search(service_text(service)))
    if group == CARER_BREAK:
        return bool(_GIVES_A_BREAK.search(service_text(service)))
    if group == OVERNIGHT_BREAK:
        text = service_text(service)
        return bool(_GIVES_NIGHTS.search(text)) and not _NO_NIGHTS.search(text)
    if group == MEMORY_CAFE:
        return "dementia" in (service.get("situations") or ()) or bool(
            _FOR_DEMENTIA.search(service_text(service))
        )
    if group == TALKING:
        return bool(_OFFERS_TALKING.search(service_text(service)))
    if group == TREATMENT:
        return _said(_GIVES_TREATMENT, service_text(service))
    if group == DEBT_ADVICE:
        return bool(_GIVES_DEBT_ADVICE.search(service_text(service)))
    if group == HOARDING:
        return bool(_HOARDING_SUPPORT.search(service_text(service)))
    if group == EVENINGS:
        return opens_in_evening(hours or service) is not False
    if group == WEEKENDS:
        return opens_at_weekend(hours or service) is not False
    if group == A_GROUP:
        # "wants a baby group to meet other mams": people meet in person; a group met only online or
        # by phone is the alternative the answer names, not the group asked for
        modes = delivery_modes(service)
        return "in_person" in modes or (not modes and bool(_IS_A_GROUP.search(service_text(service))))
    if group == OUT_OF_HOURS:
        return _out_of_hours(hours or service)
    if group == WARM_SPACE:
        return "in_person" in delivery_modes(service) and bool(_WARM_SPACE.search(service_text(service)))
    if group.startswith(ACTIVITY_PREFIX):
        # ("this is advice, not a social club - we don't run a social group at the moment")
        return _said(ACTIVITIES[group[len(ACTIVITY_PREFIX) :]][4], without_what_ended(service_text(service)))
    if group.startswith((CONDITION_PREFIX, PEERS_PREFIX)):
        text = service_text(service)
        named = {code for code, condition in CONDITIONS.items() if condition.service.search(text)}
        named |= set(service.get("situations") or ()) & CONDITIONS.keys()
        condition = group.split(":", 1)[1]
        if group.startswith(PEERS_PREFIX):
            return condition in named
        wider = CONDITIONS[condition].within
        return not named or condition in named or wider in named or len(named) >= NAMES_SEVERAL
    if group not in audience(service, (group,)):
        return False
    if group == "lgbtq" and age is not None and age <= YOUNG_UP_TO:
        # An LGBTQ+ adults' group does not meet a 16-year-old's need for a youth group.
        high = service.get("maximum_age")
        return high is not None and high <= 30
    return True


def reach_km(profile: Profile, need: str, taxonomy: Any) -> float | None:
    """How far this need may be met from: the person's own limit, else the need's reach."""
    if profile.constraints.max_distance_km is not None:
        return profile.constraints.max_distance_km
    return taxonomy.reach_km(need) if taxonomy is not None else None


# A line or a website is no way in for someone whose words rule it out ("doesn't do computers or
# zoom", "deaf as a post on the phone"): it does not stop a need being said unmet.
_RULED_OUT_BY = {"online": "not_online", "phone": "not_by_phone"}


def in_reach(profile: Profile, need: str, distance: float | None, check: Check, taxonomy: Any) -> bool:
    if check.exemption in _RULED_OUT_BY and _RULED_OUT_BY[check.exemption] in profile.preferences:
        return False
    if check.exemption or not profile.has_location:
        return True
    limit = reach_km(profile, need, taxonomy)
    return distance is not None and (limit is None or distance <= limit)


def _label(taxonomy: Any, code: str) -> str:
    return taxonomy.label(code) if taxonomy is not None else code


def _group_label(taxonomy: Any, code: str) -> str:
    if code == CHILDREN:
        return "children and young people"
    if code.startswith(LANGUAGE_PREFIX):
        return code[len(LANGUAGE_PREFIX) :].capitalize() + " speakers"
    if code.startswith((CONDITION_PREFIX, PEERS_PREFIX)):
        return situation_label(code.split(":", 1)[1])
    if code.startswith(ADDICTION_PREFIX):
        return ADDICTIONS[code[len(ADDICTION_PREFIX) :]][2]
    if code.startswith(IMPAIRMENT_PREFIX):
        return IMPAIRMENTS[code[len(IMPAIRMENT_PREFIX) :]][2]
    if code == FOOD_AID:
        return "food today"
    if code == IN_PERSON:
        return "people who will only go in person"
    if code == DADS:
        return "dads"
    if code == CARER_BREAK:
        return "a break from caring"
    label = taxonomy.eligibility_label(code) if taxonomy is not None else code.replace("_", " ")
    return label[0].lower() + label[1:] if label[:1].isupper() and label[1:2].islower() else label


def _nearest(indices: Any, candidates: Any, distances: Any, item: UnmetNeed) -> None:
    """Name the nearest allowed option (or a remote one) in `item`."""
    located = [i for i in indices if distances[i] is not None]
    if located:
        nearest = min(located, key=lambda i: distances[i])
        item.nearest_km = round(distances[nearest], 1)
        item.nearest_service_id = candidates[nearest].get("id")
        item.reason += f"; nearest is {candidates[nearest].get('name')}, {distances[nearest]:.1f} km away"
    for i in indices:
        mode = remote_mode(candidates[i])
        if mode and len(item.alternatives) < 3:
            item.alternatives.append(f"{mode} service available: {candidates[i].get('name')}")


def _hours_known(candidates: Sequence[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For a listing that gives no hours, its twin's record when that one does: the thin copy of a
    carers' centre ("ring for a chat") is not open in the evening when its full listing says its
    groups are "daytime only". None where the listing's own hours are to be read."""
    by_id = {str(c.get("id")): c for c in candidates}

    def known(service: dict[str, Any]) -> bool:
        return opens_in_evening(service) is not None

    out: list[dict[str, Any] | None] = []
    for service in candidates:
        twins = [by_id[str(t)] for t in service.get("twins") or () if str(t) in by_id]
        out.append(None if known(service) else next((t for t in twins if known(t)), None))
    return out


def unmet_in_reach(
    profile: Profile,
    needs: Sequence[str],
    chosen: Sequence[int],
    allowed: Sequence[int],
    candidates: Sequence[dict[str, Any]],
    distances: Any,
    checks: Sequence[Check],
    taxonomy: Any,
    required: Sequence[tuple[str, str]],
) -> list[UnmetNeed]:
    """Needs whose matches are all out of reach, and specific requirements nothing meets;
    `required`: what `requirements` read for the person (of any of their needs)."""
    out: list[UnmetNeed] = []
    for need in needs:
        meeting = [i for i in chosen if offers(candidates[i], need)]
        if not meeting or any(in_reach(profile, need, distances[i], checks[i], taxonomy) for i in meeting):
            continue
        limit = reach_km(profile, need, taxonomy)
        label = _label(taxonomy, need)
        item = UnmetNeed(
            need=need, label=label, reason=f"no {label[0].lower() + label[1:]} service within {limit:g} km"
        )
        _nearest([i for i in allowed if offers(candidates[i], need)], candidates, distances, item)
        out.append(item)
    reported = {u.need for u in out}
    required = [(need, group) for need, group in required if need in needs]
    hours = _hours_known(candidates)
    grouped_needs = (
        groups_asked_for(profile.goals, taxonomy)
        if any(g in (EVENINGS, WEEKENDS) for _, g in required)
        else set()
    )
    for need, group in required:
        if need in reported:
            continue
        # face to face, and whatever else this need asks for ("a gambling group, not an app")
        also = [g for n, g in required if n == need and g != group] if group == IN_PERSON else []
        if group in (EVENINGS, WEEKENDS) and need in grouped_needs:
            also.append(A_GROUP)
        fitting = [
            i
            for i in allowed
            if all(meets_requirement(candidates[i], need, g, profile.age, hours[i]) for g in (group, *also))
        ]
        if any(in_reach(profile, need, distances[i], checks[i], taxonomy) for i in fitting):
            continue
        limit = reach_km(profile, need, taxonomy)
        where = f" within {limit:g} km" if profile.has_location and limit is not None else ""
        label = _label(taxonomy, need)
        phrase, reason, instead = _requirement_wording(profile, label, group, also, taxonomy)
        item = UnmetNeed(need=need, label=f"{label} {phrase}", requirement=group, reason=reason + where)
        if fitting:
            _nearest(fitting, candidates, distances, item)
        elif any(offers(candidates[i], need) for i in allowed):
            item.reason += instead
        out.append(item)
        reported.add(need)
    return out


# Requirements that are a kind of service rather than a group of people: (label, reason, what the
# services listed for the need are instead).
_KIND_WORDING = {
    FOOD_AID: (
        "today",
        "no food bank, pantry or free meal",
        "; the food services listed are meals or courses",
    ),
    MEMORY_CAFE: (
        "at a memory café or dementia group",
        "no memory café or dementia group",
        "; the services listed are not for people with dementia",
    ),
    CARER_BREAK: (
        "with a break",
        "no sitting service, respite or short break for carers",
        "; the carers' services listed are support and company, not a break",
    ),
    OVERNIGHT_BREAK: (
        "with a night's cover",
        "no overnight sitting or respite for carers",
        "; the carers' services listed are daytime breaks or support",
    ),
    EVENINGS: (
        "in the evening",
        "no service open in the evening",
        "; the services listed are open in the daytime only",
    ),
    LIFT: (
        "with a lift",
        "no community transport or lift scheme",
        "; the transport services listed are passes or advice, not a lift",
    ),
    HOME_VISIT: (
        "at home",
        "no one who visits at home",
        "; the services listed are lines, groups or advice, not visits",
    ),
    CALL_OR_VISIT: (
        "by a call or a visit",
        "no one who rings or visits",
        "; the services listed are groups or online, not calls or visits",
    ),
    WEEKENDS: (
        "at the weekend",
        "no service open at the weekend",
        "; the services listed are open on weekdays only",
    ),
    OUT_OF_HOURS: (
        "in the evening or at the weekend",
        "no service open in the evening or at the weekend",
        "; the services listed are open on weekdays in the daytime only",
    ),
    WARM_SPACE: (
        "somewhere warm to go",
        "no warm space",
        "; the fuel and energy services listed are advice, not somewhere warm to sit",
    ),
    TALKING: (
        "to talk to someone",
        "no counselling or talking therapy",
        "; the services listed are groups and activities, not counselling",
    ),
    HOARDING: (
        "with hoarding",
        "no hoarding support",
        "; the services listed are other mental health or housing help, not hoarding support",
    ),
    DEBT_ADVICE: (
        "with debt advice",
        "no debt advice",
        "; the money services listed are food, grants or other help, not advice on debts",
    ),
    TREATMENT: (
        "with treatment to stop",
        "no treatment service (assessment, detox, prescribing or counselling)",
        "; the services listed are helplines, brief advice or groups, not treatment",
    ),
}


def _requirement_wording(
    profile: Profile, label: str, group: str, also: Sequence[str], taxonomy: Any
) -> tuple[str, str, str]:
    """How an unmet requirement reads: the label's ending, the reason before any distance, and
    what to add when the need's services exist but none meets the requirement."""
    if group == EVENINGS and A_GROUP in also:
        return (
            "in an evening group",
            "no group open in the evening",
            "; the services listed are open in the daytime only, or are lines and visits",
        )
    if group == WEEKENDS and A_GROUP in also:
        return (
            "in a weekend group",
            "no group open at the weekend",
            "; the services listed are open on weekdays only, or are lines and visits",
        )
    if group == A_GROUP:
        return (
            "in a group or club",
            f"no {label[0].lower() + label[1:]} group or club",
            "; the services listed are lines, online groups or one-to-one help",
        )
    if group in _KIND_WORDING:
        return _KIND_WORDING[group]
    if group.startswith(ACTIVITY_PREFIX):
        _, phrase, kind, _, _ = ACTIVITIES[group[len(ACTIVITY_PREFIX) :]]
        return phrase, f"no {kind}", "; the services listed are other activities"
    activity = next((g for g in also if g.startswith(ACTIVITY_PREFIX)), None)
    if group == IN_PERSON and activity:
        # whom it is for, too: "no social group or club for LGBTQ+ people to go to in person"
        whom = [f"for {_group_label(taxonomy, g)}" for g in also if g in SPECIFIC or g in ("women", "men")]
        kind = " ".join([ACTIVITIES[activity[len(ACTIVITY_PREFIX) :]][2], *whom])
        return (
            f"to go to in person: {kind}",
            f"no {kind} to go to in person",
            "; the services listed are other activities, or by phone or online",
        )
    if group == IN_PERSON:
        phrase = " ".join(
            [
                "to go to in person",
                *(
                    _KIND_WORDING[g][0] if g in _KIND_WORDING else f"for {_group_label(taxonomy, g)}"
                    for g in also
                ),
            ]
        )
        if not also:
            return (
                phrase,
                f"no {label[0].lower() + label[1:]} service {phrase}",
                "; the services listed are by phone, online or at home",
            )
    elif group.startswith(LANGUAGE_PREFIX):
        phrase = f"in {group[len(LANGUAGE_PREFIX) :].capitalize()}"
    elif group == "lgbtq" and profile.age is not None and profile.age <= YOUNG_UP_TO:
        phrase = "for young LGBTQ+ people"
    else:
        phrase = f"for {_group_label(taxonomy, group)}"
    return (
        phrase,
        f"no {label[0].lower() + label[1:]} service {phrase}",
        "; the services listed are for everyone",
    )
