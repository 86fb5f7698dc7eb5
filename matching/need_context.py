"""Which clauses of a person's words are context rather than a need of theirs now.

Link workers' notes mix what the person wants help with and what only explains it: "partner back at
work" (someone else's job), "husband has dementia" (his illness, her caring), "no drink problem"
(denied), "the debts are sorted now" (over). need_inference.py reads each clause; a clause found
here does not give the needs its kind rules out, while the rest of the words still may.

The patterns are general English and UK usage (relations, "used to", "no longer", "sorted"), not
any evaluation item's wording. Plain library: no Flask, database or network.
"""

from __future__ import annotations

import re

from .landlords import OWNS_THEIR_HOME

# Someone close to the person, as notes and people name them (Northern and Scots forms included).
_RELATION = (
    r"(?:husband|wife|partner|ex(?:-partner)?|boyfriend|girlfriend|fella|missus|hubby|"
    r"mum|mam|mom|mother|dad|father|parents|son|daughter|stepson|stepdaughter|brother|sister|"
    r"nan|nana|gran|granny|grandma|grandad|grandson|granddaughter|grandkids|kids|children|child|"
    r"bairn|bairns|baby|friend|mate|neighbour|our kid|(?:son|daughter|brother|sister)-in-law)"
)
# Only after "my", "his"...: notes call the person themself "lad" or "lass" ("lad's 19").
_OWNED_RELATION = rf"(?:{_RELATION}|lad|lass|man|fella|other half)"
# What makes a bare relation ("husband has...", "mum's ...") the subject of its clause; "mum of 3"
# and "dad, 45" are the person.
_SUBJECT_VERB = (
    r"(?:'s|s'|has|had|have|is|was|were|are|works?|worked|got|gets|does|did|died|passed|drinks?|uses?|"
    r"takes?|lives?|left|went|goes|can't|cannot|won't|doesn't|didn't|isn't|wasn't|needs?|wants?|"
    r"keeps?|now|back|recently|just|also|still|who|with|off|at|in)"
)
# "mum says...", "wife worries when he goes out": the relation reports, the words are the person's.
_REPORTS = (
    r"(?:says?|said|thinks?|worrie[sd]|worry|is worried|feels? (?:he|she)|reckons?|noticed|reports?|told|"
    # "mum wants him to get a job": what the relative wants is for the person
    r"(?:(?:wants?|would like|'d like|hopes?|is pushing|keeps telling|asked|begged)\s+)?(?:him|her|them) to)"
)
_OTHER = re.compile(
    rf"^(?:(?:and|but|while|whereas|now|plus)\s+)?(?:(?:(?:my|his|her|their|our|me|the|t')\s+"
    rf"(?:late\s+|elderly\s+|little\s+|older\s+|younger\s+|eldest\s+|youngest\s+)?{_OWNED_RELATION}\b)"
    rf"|(?:{_RELATION}(?:'s|s'|\s+{_SUBJECT_VERB})\b))(?!\s+{_REPORTS}\b)"
    # a condition or job given to a named relation inside the clause: "looks after mum who has MS"
    rf"|\b{_RELATION}\s+(?:who|that)\s+(?:has|had|is|was|'s)\b",
    re.I,
)
# "(me and) the wife are both in our eighties": the person is in it too.
_WITH_THE_PERSON = re.compile(r"\b(?:we|we're|we've|us|both|together)\b", re.I)
# Said to be over: the problem is in the past, not in play now.
_PAST = re.compile(
    # (not "used to go to the memory café but it's shut": a place they went, which they may want back)
    r"\b(?:used to(?!\s+(?:go|goes|going|attend|come|take\s+(?:him|her|them|me|us))\b)|no longer|not any ?more|"
    r"(?:don'?t|do not|doesn'?t|does not)\s+(?:drink|smoke|gamble|use)\s+any\s?more|years ago|in the past|(?:all |now )?sorted(?: now| out)?|"
    r"paid (?:off|back)|cleared (?:now|off)|(?:is|are|'s|was|were) (?:over now|all over|behind (?:me|him|her|us|them))|"
    r"back in the day|when (?:i|he|she|they) (?:was|were) (?:young|younger|little|a kid|a child|at school)|"
    r"as a (?:kid|child|lad|girl|boy|youngster)|(?:did|left|hated|loved) (?:it |\w+ )?at school|"
    # (not "all clear" after cancer: a survivor may still want others who have been through it)
    r"before the (?:kids|children|baby)|long gone)\b",
    re.I,
)
# Denied outright: "no drink problem", "doesn't have a gambling issue", "not a carer as such",
# "money's fine".
_DENIED = re.compile(
    r"\b(?:no|not an?|isn't an?|doesn't have an?|does not have an?|hasn't got an?|never had an?)\s+"
    r"(?:\w+\s+)?(?:problems?|issues?|worries|concerns?)\b"
    r"|\bnot (?:an? )?\w+ as such\b"
    # "Not autistic that they know of", "never been in trouble as far as we know"
    r"|\b(?:not|never\s+been)\s+(?:an?\s+)?\w+(?:\s+\w+)?\s+(?:that\s+(?:they|we|i|anyone)\s+know\s+of|as\s+far\s+as\s+(?:they|we|i)\s+know)\b"
    r"|\b(?:is|are|'s|'re) (?:fine|ok|okay|alright|all right|not a problem|no problem)\b(?! but)"
    # help said not to be wanted: "we don't need any money", "I don't need the food bank now",
    # "it's not a job I want"
    r"|\b(?:don'?t|do not|doesn'?t|does not)\s+need\s+(?:the|any|a|an|another|more)\b"
    r"|\bnot\s+(?:a|an|the|any)\s+(?:\w+\s+){0,2}(?:i|we|he|she)\s+(?:want|need|'m after|am after)\b"
    # "we don't need food now", "doesn't need help any more"
    r"|\b(?:don'?t|do not|doesn'?t|does not)\s+need\s+\w+\s+(?:now|any\s?more)\b"
    # a role that has ended: "I'm not her carer anymore"
    r"|\bnot\s+(?:a|an|her|his|their|my|the)\s+\w+\s+any\s?more\b",
    re.I,
)
# The person is the one cared for: "has carers twice a day", "mum is now her carer".
_CARED_FOR = re.compile(
    rf"\b(?:has|have|got|gets|with) (?:a |an )?(?:paid |home )?carers?\b|\bcarers? (?:\d+ ?x|come|comes|visits?|call)"
    # a care worker paid for or sent in: "can't afford paying a carer", "the carer who comes in"
    rf"|\b(?:pay|paying|paid|afford|hire|hiring|get|getting) (?:for )?(?:a |an )?(?:private |paid |home )?carers?\b"
    rf"|\bthe carers? (?:who|that) (?:comes?|visits?|calls?)\b"
    # ("wife 75 main carer": a note gives her age)
    rf"|\b{_RELATION}(?: \(?\d{{2}}\)?,?)? (?:is |'s |now |is now |has become |became |acts as )*(?:his |her |their |my |me )?(?:main )?carer\b"
    # "wife does everything for him now", "daughter looks after her": someone else does the caring
    rf"|\b{_RELATION} (?:does|did|has to do|is doing) (?:\w+ )?everything for (?:him|her|them|me)\b"
    # ("husband looking after her": a note's shorthand drops the "is")
    rf"|\b{_RELATION} (?:is |'s |has been )?(?:looks after|cares for|looking after|caring for) (?:him|her|them|me)\b",
    re.I,
)
# A condition said to be managed: "well controlled", "stable at the moment".
_MANAGED = re.compile(
    r"\b(?:well|fully) (?:controlled|managed)\b|\bstable(?: at the moment| now| for \w+)?\s*$"
    r"|\b(?:is|'s|are|kept|keeps it|keeping it) under control\b",
    re.I,
)
# Small talk a case note records: "talked about her holiday", "told me about his allotment"; not a
# group someone told the person of, which is one they might go to ("a friend told me about a
# knitting group at the library").
_CHAT = re.compile(
    r"\b(?:talked|talks|chatted|chats|told me|tells me|spoke|was chatting)(?: \w+)? about\b"
    r"(?!\s+(?:a|an|this|that|some)\s+(?:[\w'-]+\s+){0,3}?(?:groups?|clubs?|class(?:es)?|caf[eé]s?|walks?|"
    r"sheds?|choirs?|sessions?|schemes?|courses?|meet-?ups?)\b)",
    re.I,
)
# A sign of forgetfulness, not of the cost of heating: "has left the gas on twice".
_LEFT_ON = re.compile(
    r"\b(?:left|leaves|leaving|leave|forgot to turn off|forgets to turn off)\s+(?:the\s+)?"
    r"(?:gas|cooker|oven|hob|taps?|fire|heater)(?:\s+on)?\b",
    re.I,
)
# Not right after a negation: "can't get the bus on her own" is a need.
_UNNEGATED = r"(?<!n't )(?<!\bcant )(?<!not )(?<!cannot )(?<!never )"
# A working life, not a way of getting about: "forty years on the buses"
_ON_THE_BUSES = re.compile(r"\b(?:years|worked|working|driver|driving)\s+on\s+the\s+buses\b", re.I)
# Getting about said as something the person can do: "gets the bus ok", "still drives short trips".
_GETS_ABOUT = re.compile(
    _UNNEGATED
    + r"\b(?:gets?|getting|can get|catches?|can catch|uses?|can use)\s+(?:the\s+|a\s+)?(?:bus|buses|train|tram|taxi)\s+"
    r"(?:ok|okay|fine|alright|all right|no problem|on (?:his|her|their|my) own)\b"
    # "Fine on her feet, gets the bus": the clause ends on the bus she takes (not "can't get the bus")
    r"|" + _UNNEGATED + r"(?<!\bto )\b(?:can\s+)?(?:gets?|catches?|uses?)\s+(?:the\s+)?"
    r"(?:bus|buses|train|tram)(?:\s+(?:to|into|in\s+to|up\s+to|down\s+to)\s+[\w' ]{2,30}?)?\s*[.!]?\s*$"
    # "has bus pass", "got her bus pass": a way of getting there, not help asked for with one
    r"|(?<!n't )(?<!not )\b(?:has|have|got)\s+(?:a\s+|his\s+|her\s+|their\s+|my\s+)?(?:free\s+)?bus\s+pass\b"
    r"(?!\s+(?:yet|sorted))"
    # "ring and ride ok if local", "taxis are fine"
    r"|\b(?:ring\s+and\s+ride|dial\s+a\s+ride|taxis?|buses|the\s+bus)\s+(?:is\s+|are\s+)?(?:ok|okay|fine|alright|no problem)\b"
    # a job: "retired bus driver", "worked as a taxi driver"
    r"|\b(?:bus|taxi|cab|lorry|coach|train|tram|delivery|van)\s+driver\b"
    r"|\b(?:still|can|he|she|they|i)\s+(?:still\s+)?drives?\b"
    r"|\bmobility (?:is )?(?:fine|ok|good)\b",
    re.I,
)
# "Walks fine", "fine on her feet", "gets about ok": no mobility need (nor a disability one) said
_WALKS_FINE = re.compile(
    r"\b(?:walks?|walking|gets?\s+about|gets?\s+around|mobile|mobility)\s+(?:is\s+)?(?:fine|ok|okay|alright)\b(?!\s+for)"
    r"|\b(?:fine|ok|okay|steady|good)\s+on\s+(?:his|her|their|my)\s+feet\b",
    re.I,
)

# How the person wants to be reached, not a need to get online: "phone or online only", "over the
# phone", "online/app ok", "face to face not zoom", "someone face to face, not an app".
_REACHED_BY = re.compile(
    r"\b(?:phone|telephone|online|zoom|video(?: calls?)?)\s+(?:or\s+(?:phone|telephone|online|zoom|video)\s+)?only\b"
    r"|\b(?:not|no|rather\s+than|instead\s+of)\s+(?:on\s+)?(?:an?\s+)?(?:zoom|teams|video(?:\s+calls?)?|online|apps?|website|chatbot)\b"
    r"|\b(?:over|on) the (?:phone|telephone)\b|\bby (?:phone|telephone|video)\b"
    r"|\b(?:phone|telephone|online|app|apps|zoom|video|text)(?:\s*(?:/|or|and|&)\s*(?:phone|telephone|online|app|apps|zoom|video|text))*"
    r"\s+(?:is\s+|are\s+|would\s+be\s+)?(?:ok|okay|fine|good)\b",
    re.I,
)
# Tablets a doctor gives: "doesn't want tablets", "on tablets for his nerves".
_MEDICATION = re.compile(
    r"\b(?<!use\s)(?<!using\s)(?:wants?|take|takes|taking|on|off|no|any|more|(?:sleeping|anti-?depressant|pain)"
    r")\s+(?:(?:the|his|her|my|their)\s+)?tablets\b|\btablets\s+(?:from|for)\s+(?:the\s+|his\s+|her\s+|my\s+)?"
    r"(?:gp|doctor|depression|anxiety|pain|sleep|nerves|mood|blood\s+pressure)\b",
    re.I,
)
# In work already: "works full time in Manc" explains when they are free, not a need for a job.
_IN_WORK = re.compile(
    r"\b(?:works?|working|in)\s+(?:full[- ]time|full[- ]time\s+work|long\s+hours)\b|\bfull[- ]time\s+job\b"
    r"|\bhold(?:s|ing)?\s+down\s+(?:my|his|her|a)\s+job\b",
    re.I,
)
# "Not on any benefits", "not claiming anything – husband's wage": how the household lives, not a
# question about benefits ("not getting any benefits" may be one, and is left to the meaning)
_NOT_CLAIMING = re.compile(
    r"\b(?:not|isn'?t|aren'?t|never\s+been)\s+on\s+(?:any\s+)?benefits\b|"
    r"\bnot\s+claiming(?:\s+anything)?\s*(?:$|[-–—,.;(]|\s(?:as|because|since|with)\b)",
    re.I,
)
# Losing a thing, not a person: "lost his job", "lost her wages on the bookies app".
_LOST_A_THING = re.compile(
    r"\b(?:lost|losing|lose|loses)\s+(?:(?:his|her|my|their|the|a|all|our)\s+)?(?:\w+\s+)?"
    r"(?:job|jobs|work|wages|money|benefits|licence|license|flat|house|home|tenancy|keys|purse|wallet|phone|"
    r"bag|way|weight|confidence|savings|business|place)\b",
    re.I,
)
_DEATH = re.compile(
    r"\b(?:died|dying|death|passed|funeral|widow\w*|bereave\w*|"
    r"lost\s+(?:him|her|them)(?=\s*(?:$|[.,;!?]|to\b|in\b|last\b)))",
    re.I,
)
# Someone close is dying, and no one has died yet: "husband's in the hospice (Ouse Valley), end stage
# bowel ca". Not yet a bereavement: a group "at least 3 months after the death" is not for her.
_DEATH_TO_COME = re.compile(
    r"\b(?:(?:in|into|at|to)\s+(?:the\s+)?hospice|end[- ]stage|end\s+of\s+life|palliative|terminal(?:ly)?\s+ill|"
    # (not "dying to get out", "dying for a brew")
    r"not\s+long\s+(?:left|to\s+live)|(?:days|weeks|months)\s+to\s+live|dying(?!\s+(?:to|for|of)\b))\b",
    re.I,
)
_DIED = re.compile(
    r"\b(?:died|death|passed|funeral|widow\w*|bereave\w*|late\s+(?:husband|wife|partner|mum|dad|son|daughter)|"
    r"lost\s+(?:him|her|them|(?:my|his|her|their|our)\s+(?:\w+\s+)?(?:husband|wife|partner|son|daughter|child|baby|"
    r"mum|mam|mother|dad|father|brother|sister|nan|gran|friend)))\b",
    re.I,
)


def death_to_come(words: str | None) -> bool:
    """Whether the words say someone is dying and nobody has died."""
    return bool(words and _DEATH_TO_COME.search(words) and not _DIED.search(words))


# A relationship that ended is a loss, but not a death: "marriage gone", "split with partner".
_SPLIT = re.compile(
    r"\b(?:marriage|relationship)\s+(?:(?:has|is|'s)\s+)?(?:gone|over|ended|broke(?:n)?\s+down|finished)\b|"
    r"\bdivorc\w+|\b(?:split|splitting|broke|broken)\s+up\b|\bsplit\s+(?:from|with)\b|\bseparated\b",
    re.I,
)
# A relationship ending is not abuse on its own: "partner threatening to leave", "wife walked out".
_LEAVING = re.compile(
    rf"\b{_RELATION}(?:\s+is\s+|'s\s+|\s+has\s+|\s+)(?:threatening to (?:leave|go|walk out|end it)|"
    r"(?:left|walked out|moved out)(?: (?:him|her|me|them))?|"
    # "Partner's given him an ultimatum"
    r"(?:given|giving|gave|issued)\s+(?:him|her|me|them)\s+an\s+ultimatum)\b",
    re.I,
)
# Pushing someone's wheelchair: "uses a wheelchair when out - wife pushes him", "wheelchair, wife pushes".
_PUSHES_THE_CHAIR = re.compile(
    rf"\b{_RELATION}\s+pushes(?:\s+(?:him|her|them|me))?\s*$|\bpush(?:es|ing)?\s+(?:him|her|them|me|his|her|their|my)\s+"
    r"(?:(?:round|about|around|out)\s+)?(?:in\s+)?(?:the\s+|his\s+|her\s+|a\s+)?(?:wheel)?chair\b",
    re.I,
)
_ABUSE = re.compile(
    r"\b(?:abus\w*|hit|hits|violent|violence|controll\w*|scared of|afraid of|threaten\w* (?:him|her|me))\b",
    re.I,
)

# The needs a clause about someone else cannot give the person: another's illness, job, schooling
# or age is theirs (caring for them, losing them or living with them still counts: those needs are
# not here).
OTHER_PERSON_CODES = frozenset(
    {"long_term_conditions", "disability", "employment_skills", "learning", "young_people", "older_people"}
)
# The needs a problem said to be over no longer makes (a hobby the person used to enjoy still
# counts: they may want it back).
PAST_CODES = frozenset(
    {
        "money_debt",
        "housing",
        "addiction_recovery",
        "domestic_abuse",
        "employment_skills",
        "learning",
        "young_people",
        "family_parenting",
        "long_term_conditions",
    }
)

MANAGED_CODES = frozenset({"long_term_conditions", "disability"})
# The interests small talk names without asking for them.
CHAT_CODES = frozenset(
    {
        "arts_creativity",
        "nature_gardening",
        "physical_activity",
        "food",
        "family_parenting",
        "learning",
        "older_people",
        "young_people",
        "digital_inclusion",
        "employment_skills",
        "volunteering",
        "transport",
    }
)


# Words that explain the person's days rather than name a need of theirs, and the needs each rules
# out: the gas left on (forgetting, not the cost of heating), getting about fine, how they want to be
# reached, the GP's tablets, a full-time job, pushing someone's wheelchair.
# Money someone else keeps from the person ("controls the money", "has to ask him for bus fare")
# is how they are controlled, not a debt, a benefit claim or a bus to catch.
_CONTROLLED_MONEY = re.compile(
    r"\b(?:controls?|controlling|takes?|keeps?|has)\s+(?:all\s+)?(?:of\s+)?(?:the|her|my|his|their|our)\s+"
    r"(?:money|bank\s+cards?|cards?|benefits|wages|purse)\b|\bcontrols?\s+money\b|"
    r"\bask\w*\s+(?:him|her|them)\s+for\s+(?:money|cash|bus\s+fare|the\s+bus\s+fare)\b",
    re.I,
)

# "he bottles it all up": keeps his feelings in, not a drink problem.
_BOTTLES_UP = re.compile(
    r"\bbottl\w*\s+(?:it|things|everything|stuff|(?:his|her|their|my)\s+(?:feelings|emotions))\s+(?:all\s+)?up\b",
    re.I,
)

# "Doesn't drink", "never smoked", "teetotal": the person is not a drinker, said in passing. (Not
# "doesn't drink any more" or "hasn't touched it since": a recovery, which its services are for.)
_NOT_A_DRINKER = re.compile(
    r"\b(?:doesn'?t|does\s+not|don'?t|do\s+not|never|won'?t)\s+(?:\w+\s+)?(?:drink|drinks|smoke|smoked|smokes|gamble|bet)\b"
    r"(?!\s+(?:any\s*more|now|these\s+days|nowadays|since|enough|water|much\s+water|as\s+much))"
    r"|\btee[- ]?total\b",
    re.I,
)

# Who lives with the person, and no more: "Kids 3 and 6", "Two kids (9 and 12)", "dad of 2 (6 & 9)",
# "2 kids at home". Having children is not asking for help with parenting them.
_HOUSEHOLD = re.compile(
    r"^(?:single\s+(?:mum|mam|dad|parent)$|"
    # "Lives Thornhill w/ 2 kids", "lives with partner and 2 kids"
    r"(?:lives?\s+(?:in\s+)?(?:\w+\s+){0,2}?(?=with\b|w/)|lives?\s+with\s+(?:(?:her|his|my|a)\s+)?(?:partner|husband|wife|"
    r"boyfriend|girlfriend)\s+(?=and\b))?"
    r"(?:(?:and|with|w/|has|have|got|single\s+(?:mum|mam|dad|parent)(?:\s+(?:of|with))?|(?:mum|mam|dad)\s+of)\s+)?"
    r"(?:(?:her|his|my|their)\s+)?(?:\d|one|two|three|four|five|six)?\s*(?:kids|children|bairns|little\s+ones)?\s*"
    r"(?:\(?\s*(?:aged\s+)?\d{1,2}(?:\s*(?:,|&|and)\s*\d{1,2})*\s*\)?)?"
    r"(?:\s+at\s+(?:home|primary|school|nursery|secondary))?$)",
    re.I,
)
# Feeding the children is the food need, not help with parenting: "so kids can eat", "nothing to
# feed the kids", "kids need feeding".
_NAMES_THE_HOUSEHOLD = re.compile(r"kids|children|bairns|little ones|\b(?:mum|mam|dad) of\b|\bsingle\b", re.I)
_FEEDING_THE_KIDS = re.compile(
    r"\b(?:kids|children|bairns|little\s+ones)\s+(?:can|could|to|need\s+to|have\s+to)?\s*(?:eat|feed\w*)\b|"
    r"\bfeed(?:ing)?\s+(?:the|my|her|his|our|their)\s+(?:kids|children|bairns|little\s+ones)\b|"
    r"\b(?:kids|children|bairns)\s+(?:need|needs)\s+feeding\b",
    re.I,
)
# Jobs about the house are a handyperson's, not work: "needs rails fitting - small jobs", "odd jobs
# round the house".
_HOUSE_JOBS = re.compile(
    r"\b(?:small|odd|bits?\s+of)\s+jobs\b|\bjobs\s+(?:a)?round\s+the\s+(?:house|home|garden)\b",
    re.I,
)
# Someone who came along, or brought the person, is alive and with them: "wife came with him".
_CAME_ALONG = re.compile(
    rf"\b{_RELATION}\s+(?:came|comes|come|brought|brings|drove|drives|attended|sat)\s+(?:in\s+)?(?:with|along|him|her|them|me)\b",
    re.I,
)
# Who got in touch: "mum rang", "daughter phoned on his behalf". The relative is the caller, and
# the words after are about the person, not a family's need for parenting help.
_WHO_RANG = re.compile(
    rf"^(?:(?:his|her|their|the)\s+)?{_RELATION}\s+(?:rang|phoned|called|rung|emailed|rang\s+up|phoned\s+up|got\s+in\s+touch)\b",
    re.I,
)
# "Mum (80) moved in with us", "Dad, 84, lives with us now": the person's own parent, by an age of
# 60 or more (person.OWN_PARENT_AGE); not a parent's need for help with children, nor a death unless
# the clause tells of one. ("Mum, 34, two under five" is the person, a mother.)
_AGED_PARENT = re.compile(
    r"^(?:(?:my|his|her|their|our)\s+)?(?:mum|mam|mom|mother|dad|father)"
    r"\s*(?:\(\s*|,\s*|\s+is\s+|\s+aged\s+|\s)(?:[6-9]\d|1[01]\d)\b",
    re.I,
)
# Everyday words that sound like a need: "feeling flat" (a mood, not a home), "sleeping bad" (not
# sleeping rough), "getting grief off other kids" (hassle, not a death), "since moving" or "moved down
# from Croydon" (a move made, not exercise).
_FEELING_FLAT = re.compile(
    r"\b(?:feel\w*|felt)\s+(?:a\s+bit\s+|really\s+|so\s+|very\s+|pretty\s+)?flat\b", re.I
)
_SLEEPING_BADLY = re.compile(
    r"\bsleep(?:ing|s)?\s+(?:really\s+|so\s+)?(?:bad(?:ly)?|poorly|terribl[ey]|awful|rubbish|badly)\b|"
    r"\b(?:can'?t|cannot|not|hardly)\s+sleep\w*\b|"
    # "came in about her sleep", "his sleep's all over the place": sleep itself, not where
    r"\b(?:her|his|my|their|your)\s+sleep(?:ing)?\b(?!\s+(?:rough|out|on|in))",
    re.I,
)
# "private rent", "lives alone in a housing association flat", "now in a council flat, which he is
# proud of": where the person lives, with no trouble with it said in the clause
_TENURE = re.compile(
    r"^(?!.*\b(?:arrears|behind|evict\w*|notice|section\s*21|damp|mou?ld|repairs?|fix\w*|leak\w*|cold|list|"
    r"kicked|homeless|overcrowd\w*|too\s+small|no\s+beds|empty|afford|bid\w*|mov(?:e|ed|ing)|unsafe|landlord|"
    # a home wanted is a housing need: "needs a council house", "wants a council flat"
    r"needs?|wants?|wanting|looking|apply\w*|applied|get|getting|waiting|hoping|transfer)\b).*"
    r"\b(?:private(?:ly)?\s+rent\w*|(?:council|housing\s+association|social)\s+(?:house|flat|home|bungalow|tenant|tenancy)|"
    + OWNS_THEIR_HOME
    + r")\b",
    re.I,
)
# "misses a natter and a brew": a brew is a cup of tea
_A_BREW = re.compile(r"\b(?:a|the|for\s+a|over\s+a)\s+(?:brew|cuppa)\b", re.I)
# "worried about shopping, prescriptions": collecting them, not misusing them ("hooked on my
# prescription painkillers" is)
_PRESCRIPTIONS = re.compile(
    r"^(?!.*\b(?:hooked|addict\w*|dependen\w*|misus\w*|abus\w*|overdos\w*|too\s+many|stockpil\w*)).*\bprescriptions?\b",
    re.I,
)
# "getting to cardiac rehab", "pulmonary rehab after the COPD flare": a body's recovery, not a habit's
_BODYS_REHAB = re.compile(
    r"\b(?:cardiac|heart|pulmonary|lung|stroke|physio\w*|neuro|falls?|ortho\w*|knee|hip|musculoskeletal|msk)\s+"
    r"rehab(?:ilitation)?\b",
    re.I,
)
# "wife says get him out from under her feet": a retired man at home all day, not a threat
_UNDER_FEET = re.compile(r"\b(?:under|from\s+under)\s+(?:her|his|my|their|your|our)\s+feet\b", re.I)
_GRIEF_FROM = re.compile(
    r"\b(?:getting|get|gets|got|giving|gives|give|taking|takes|took)\s+(?:\w+\s+)?grief\s+(?:off|from|for|about|at)\b",
    re.I,
)
# ("not eating proper since mam passed", "stopped eating lunch": grief or low mood, on the
# development scenarios, more often than an empty cupboard)
_NOT_EATING = re.compile(
    r"\b(?:not|isn'?t|hardly|barely|stopped)\s+eating\b(?![^.;]*\b(?:afford|money|skint|broke|cupboards?|"
    r"nothing\s+in)\b)",
    re.I,
)
_MOVED_HOME = re.compile(
    # ("since" opens a clause of its own: "Not registered w/ GP since moving" leaves "moving")
    r"\b(?:since|after|before)\s+moving\b(?!\s+(?:in\s+)?(?:with|out))|^\s*moving(?:\s+(?:here|down|up|over))?\s*$|"
    r"\bmoved\s+(?:down|up|over|here|back)?\s*(?:to|from)\s+(?-i:[A-Z])|\bmoved\s+(?:down|up|over)\s+here\b",
    re.I,
)
# "Mate said there's a Zoom group for gamblers": how a group meets, not a wish to get online (unless
# the clause asks for help with it: "needs help getting on the Zoom group")
_MEETS_ONLINE = re.compile(
    r"^(?!.*\b(?:help|learn|how\s+to|can'?t|cannot|get\s+on|set\s+up|show)\b).*\b(?:a|an|the)\s+"
    r"(?:zoom|online|whatsapp|facebook|video)\s+(?:group|meeting|session|class|club)s?\b",
    re.I,
)
# "Online betting on phone", "bets on his phone all day": where the harm happens, not a wish to
# get online ("can't work the online shopping" still asks)
_GAMBLES_ONLINE = re.compile(
    r"\b(?:online|internet|phone|app)\s+(?:betting|gambling|bingo|casino|slots|poker)\b|"
    r"\b(?:bets?|betting|gambl\w*|bingo|slots|poker)\s+(?:\w+\s+)?(?:online|on\s+(?:\w+\s+)?(?:phone|apps?|laptop))\b",
    re.I,
)
# "Don't do computers": a way of being reached refused, not help asked for ("can't use a computer"
# still asks)
_NO_COMPUTERS = re.compile(
    r"\b(?:don'?t|doesn'?t|won'?t|never)\s+(?:do|use|touch|bother\s+with|go\s+on)\s+(?:computers?|the\s+internet|"
    r"online|emails?|tablets?|smart\s?phones?|tech)\b",
    re.I,
)
# A state denied is not the person's need, though the rest of the clause may be: "he's not lonely,
# just wants to breathe better", "not depressed, just grey", "never been in debt". Not a worry still
# to come ("not homeless yet") or a hedge ("not lonely as such, but...").
_STATE_DENIED = r"\b(?:not|isn't|aren't|wasn't|never(?:\s+been)?)\s+(?:really\s+|that\s+|at\s+all\s+)?(?:{})\b(?!\s+(?:yet|as\s+such))"


def _denied(states: str) -> re.Pattern[str]:
    return re.compile(_STATE_DENIED.format(states), re.I)


_EXPLAINS = (
    (_denied(r"lonely|isolated"), frozenset({"loneliness"})),
    (_denied(r"depressed|suicidal"), frozenset({"mental_wellbeing"})),
    (_denied(r"homeless|on\s+the\s+streets|sleeping\s+rough"), frozenset({"housing"})),
    (_denied(r"in\s+debt"), frozenset({"money_debt"})),
    # an outreach note's "Not DA": no abuse at home behind it
    (_denied(r"(?-i:DA|DV)|domestic\s+(?:abuse|violence)"), frozenset({"domestic_abuse"})),
    # "I'm not caring now" (he went into a home last month)
    (_denied(r"caring|(?:a\s+|his\s+|her\s+)?carer"), frozenset({"carers"})),
    (_MEETS_ONLINE, frozenset({"digital_inclusion"})),
    (_NO_COMPUTERS, frozenset({"digital_inclusion"})),
    (_GAMBLES_ONLINE, frozenset({"digital_inclusion"})),
    (_FEELING_FLAT, frozenset({"housing"})),
    (_SLEEPING_BADLY, frozenset({"housing"})),
    (_UNDER_FEET, frozenset({"domestic_abuse", "bereavement"})),
    (_TENURE, frozenset({"housing", "money_debt"})),
    (_A_BREW, frozenset({"addiction_recovery"})),
    (_BODYS_REHAB, frozenset({"addiction_recovery"})),
    (_PRESCRIPTIONS, frozenset({"addiction_recovery"})),
    (_GRIEF_FROM, frozenset({"bereavement"})),
    (_NOT_EATING, frozenset({"food"})),
    (_MOVED_HOME, frozenset({"physical_activity", "housing"})),
    (_WHO_RANG, frozenset({"family_parenting"})),
    (_HOUSE_JOBS, frozenset({"employment_skills"})),
    (_CAME_ALONG, frozenset({"bereavement"})),
    (_FEEDING_THE_KIDS, frozenset({"family_parenting"})),
    (_BOTTLES_UP, frozenset({"addiction_recovery"})),
    (_NOT_A_DRINKER, frozenset({"addiction_recovery"})),
    (_LEFT_ON, frozenset({"fuel_energy"})),
    (_GETS_ABOUT, frozenset({"transport"})),
    (_ON_THE_BUSES, frozenset({"transport"})),
    (_WALKS_FINE, frozenset({"transport", "disability", "physical_activity"})),
    (_REACHED_BY, frozenset({"digital_inclusion"})),
    (_MEDICATION, frozenset({"digital_inclusion"})),
    (_IN_WORK, frozenset({"employment_skills"})),
    (_NOT_CLAIMING, frozenset({"welfare_benefits"})),
    (_PUSHES_THE_CHAIR, frozenset({"domestic_abuse"})),
    (_CONTROLLED_MONEY, frozenset({"money_debt", "welfare_benefits", "transport"})),
)


# Said after something to put it aside: "Loud neighbours, yes, but that's not why I'm here", "the
# council are coming in May so that's in hand", "my husband drinks, but that's his business". What
# came before it in the sentence (or the sentence before, when it stands alone) is no need of theirs.
DISMISSES_WHAT_CAME_BEFORE = re.compile(
    r"^(?:(?:and|but|so|though)\s+)?(?:that'?s|that\s+is|that\s+was|it'?s|which\s+is)\s+(?:all\s+)?"
    r"(?:not\s+(?:why|what)\s+(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:here|in\s+for|after)|in\s+hand|"
    r"(?:his|her|their)\s+(?:business|problem|lookout)|not\s+(?:the|my|our)\s+(?:problem|issue|worry)|"
    r"being\s+(?:dealt\s+with|sorted)|under\s+control|long\s+gone|behind\s+(?:me|us)|in\s+order)\b"
    r"|^(?:(?:and|but|so)\s+)?(?:we'?ve|i'?ve|we\s+have|i\s+have)\s+got\s+(?:all\s+)?the\s+(?:support|help)\s+"
    r"(?:we|i|he|she|they)\s+need"
    # "Mum died in 2015 and I've made my peace with it", "on UC, no problems there", "the landlord's
    # selling up, fair enough": accepted, not a trouble now
    r"|^(?:(?:and|but|so)\s+)?(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+made\s+(?:my|our)\s+peace\s+with\b"
    r"|^(?:(?:and|but|so)\s+)?no\s+(?:problems?|issues?|worries)\s+(?:there|with\s+(?:that|it))\s*$"
    r"|^fair\s+enough\s*$"
    # a state someone else sees and the person denies: "the GP thinks I'm depressed but honestly I'm not"
    r"|^(?:(?:and|but|so)\s+)?(?:honestly\s+|really\s+|actually\s+|to\s+be\s+honest\s+)?(?:i'?m|i\s+am)\s+not(?:\s+really)?\s*$",
    re.I,
)


def context_codes(clause: str, codes: frozenset[str] | set[str]) -> frozenset[str]:
    """The needs (of `codes`) this clause does not give the person, because it denies them, says
    they are over, is about someone else or only explains them; empty when the clause is the
    person's own."""
    text = clause.strip(" '\"").replace("’", "'")
    if _DENIED.search(text):
        return frozenset(codes)
    masked: set[str] = set()
    if _OTHER.search(text) and not _WITH_THE_PERSON.search(text):
        masked |= OTHER_PERSON_CODES
    if _PAST.search(text):
        masked |= PAST_CODES
    if _CARED_FOR.search(text):
        masked.add("carers")
    if _MANAGED.search(text):
        masked |= MANAGED_CODES
    if _CHAT.search(text):
        masked |= CHAT_CODES
    for pattern, ruled_out in _EXPLAINS:
        if pattern.search(text):
            masked |= ruled_out
    if _AGED_PARENT.search(text):
        masked.add("family_parenting")
        if not _DEATH.search(text):  # "Dad, 84, died in March" is a death
            masked.add("bereavement")
    bare = text.strip(" .,;")
    if _NAMES_THE_HOUSEHOLD.search(bare) and _HOUSEHOLD.match(bare):
        masked |= {"family_parenting", "young_people"}
    # a thing lost or a marriage ended is no death, unless the clause speaks of one
    if (_LOST_A_THING.search(text) or _SPLIT.search(text)) and not _DEATH.search(text):
        masked.add("bereavement")
    # a partner leaving is no abuse, unless the clause speaks of it
    if _LEAVING.search(text) and not _ABUSE.search(text):
        masked.add("domestic_abuse")
    return frozenset(masked & set(codes))
