"""Who a service turns away: an NHS service's "Exclusion criteria: active psychosis; primary drug or
alcohol dependency (refer to Achieve first)". Not a restriction to a group (everyone else may come)
but a "no" for the person whose words say they are in it, with the reason.

The record side is read in matching.understanding.exclusions; the person side here, from the words
and the needs read from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .crisis import in_crisis
from .languages import has_little_english, speaks_no_english
from .situations import BY_CODE


@dataclass(frozen=True)
class Exclusion:
    code: str
    label: str  # "people dependent on alcohol or drugs": follows "not for"
    service: re.Pattern[str]  # how an exclusion statement names it


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + pattern + r")", re.I)


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion(
        "alcohol_drugs",
        "people dependent on alcohol or drugs",
        _re(
            r"(?:primary\s+|active\s+|current\s+)?(?:drug|alcohol|substance)(?:\s*(?:or|and|/)\s*(?:drug|alcohol))?\s+"
            r"(?:dependen\w+|misuse|addiction|problems?)|(?:currently|actively)\s+(?:drinking|using)"
        ),
    ),
    Exclusion(
        "psychosis",
        "people with psychosis or a serious mental illness",
        _re(r"(?:active\s+|acute\s+)?psychos[ie]s|psychotic|severe\s+and\s+enduring\s+mental\s+illness"),
    ),
    Exclusion(
        "crisis",
        "people in a mental health crisis",
        _re(
            # (not "current risk to others": violence, not a crisis of one's own)
            r"(?:current|high|significant|active)\s+(?:suicide\s+)?risk(?!\s+(?:to|of\s+harm\s+to)\s+others)|"
            r"(?:in|at)\s+crisis|actively\s+suicidal|"
            r"crisis\s+team\s+input|needing\s+crisis\s+(?:support|care)"
        ),
    ),
)
# "Council tenants should contact their landlord instead": a handyperson or adaptations service
# that sends a council's own tenants to the council, which does the job for them.
EXCLUSIONS += (
    Exclusion(
        "council_tenants",
        "council tenants, whose landlord does this",
        _re(r"(?:\w+\s+){0,2}?council\s+tenants?|local\s+authority\s+tenants?"),
    ),
)
_COUNCIL_TENANT = re.compile(
    r"\b(?:council\s+(?:house|flat|home|bungalow|maisonette|property|tenan\w+)|rents?\s+(?:it\s+)?from\s+the\s+council)\b",
    re.I,
)
# A street outreach or homelessness service "not for people with a settled tenancy": someone in their
# own council or housing association home, or who owns one, is not who it is for.
EXCLUSIONS += (
    Exclusion(
        "settled_home",
        "people with a settled home",
        _re(r"(?:settled|secure|permanent|stable)\s+(?:tenanc(?:y|ies)|accommodation|housing|homes?)"),
    ),
)
_SETTLED_HOME = re.compile(
    _COUNCIL_TENANT.pattern + r"|\bhousing\s+association\s+(?:house|flat|home|bungalow|tenan\w+)\b|"
    r"\bhome\s*owner\b|\bowns?\s+(?:his|her|their|my|the)\s+(?:own\s+)?(?:home|house|flat|bungalow)\b|\bmortgage\b",
    re.I,
)
# A men's shed on a Scout group's site, "no one on the sex offenders register", or a mentoring
# scheme's "Exclusions: sexual offences": not for a man whose words say he has one.
EXCLUSIONS += (
    Exclusion(
        "sexual_offences",
        "people with a sexual offence",
        _re(r"sex(?:ual)?\s+offen[cs]\w*|sex\s+offenders?\s+register|(?-i:SOR|RSOs?)\b"),
    ),
)
_SEXUAL_OFFENCE = re.compile(
    r"\b(?:sex(?:ual)?\s+offen[cs]e\w*|on\s+the\s+(?:sex\s+offenders?\s+)?register|registered\s+sex\s+offender|"
    r"(?-i:SOR|SHPO|RSO))\b",
    re.I,
)
# "victim of a sexual offence", "survivor of": done to the person, not by them
_SUFFERED = re.compile(
    r"\b(?:victims?|survivors?|experienced|subjected\s+to|suffered|reported)\s+(?:\w+\s+){0,2}$", re.I
)
# Good neighbours and befriending "for older or disabled people living alone": someone who lives
# with a husband, a wife or family is not who it is for (the record side also reads "for ... living
# alone", matching.understanding.exclusions).
EXCLUSIONS += (
    Exclusion(
        "lives_with_others",
        "people who live with others",
        _re(
            r"(?:live|living|lives)\s+with\s+(?:others|family|a\s+partner|(?:their|a)\s+(?:family|spouse|partner))"
        ),
    ),
)
# A memory café "for people with a dementia diagnosis": not yet for someone whose memory is failing
# but who is still waiting for the memory clinic (the record side reads "diagnosis of dementia").
EXCLUSIONS += (
    Exclusion(
        "no_dementia_diagnosis",
        "people not yet diagnosed with dementia",
        _re(r"(?:no|without\s+a)\s+(?:dementia\s+)?diagnosis"),
    ),
)
_NOT_YET_DIAGNOSED = re.compile(
    r"\b(?:no\s+(?:formal\s+)?diagnosis(?:\s+yet)?|not\s+(?:yet\s+|been\s+)?diagnosed|undiagnosed|"
    r"(?:awaiting|waiting\s+for|on\s+the\s+waiting\s+list\s+for)\s+(?:a\s+|an\s+|the\s+)?(?:diagnosis|assessment|"
    r"memory\s+(?:clinic|assessment))|memory\s+clinic\s+referral|referred\s+to\s+(?:the\s+)?memory\s+clinic|"
    # a note's shorthand: "No dx", "not seen MCS", "not referred to MCS yet"
    r"no\s+dx|not\s+(?:yet\s+)?(?:seen|been\s+seen\s+by|been\s+to|referred\s+to)\s+(?:the\s+)?(?:(?-i:MCS)|memory\s+"
    r"(?:clinic|service|assessment)))\b",
    re.I,
)
_MEMORY = re.compile(r"\bmemory\b", re.I)
_LIVES_WITH_SOMEONE = re.compile(
    r"\b(?:(?:lives?|living|stays?|staying)\s+with\s+(?:(?:his|her|my|their|the|our|me)\s+)?(?:wife|husband|"
    r"partner|missus|hubby|fella|boyfriend|girlfriend|family|daughter|son|mum|mam|dad|parents|kids|children|"
    r"sister|brother)|(?:looks?|looking)\s+after\s+(?:the|his|my)\s+(?:wife|missus)|"
    r"(?:carer|caring|cares?)\s+for\s+(?:(?:her|his|my|the)\s+)?(?:husband|hubby|wife|missus)|"
    r"(?:my|his|her)\s+(?:wife|husband)\s+and\s+(?:I|me|him|her)|(?:wife|husband)\s+and\s+I)\b",
    re.I,
)
# A job programme that "must have the right to work in the UK" is no place for someone still waiting
# on an asylum claim, who may not work (the record side: matching.understanding.exclusions).
EXCLUSIONS += (
    Exclusion(
        "no_right_to_work",
        "people without the right to work in the UK",
        _re(
            r"(?:must\s+have|need\s+(?:to\s+have\s+)?|requires?|with)\s+(?:the\s+|a\s+)?(?:legal\s+)?right\s+to\s+work|"
            r"right\s+to\s+work\s+(?:in\s+the\s+UK\s+)?(?:is\s+)?(?:required|needed|essential|checks?)|"
            r"(?:eligible|permitted|allowed)\s+to\s+work\s+in\s+the\s+UK|"
            r"not\s+for\s+(?:people\s+)?(?:still\s+)?(?:seeking\s+asylum|asylum\s+seekers)\s+without\s+permission\s+to\s+work"
        ),
    ),
)
# "claim still waiting, no permission to work", "in the asylum hotel": not (yet) allowed to work;
# not once "she got her status" or "has leave to remain"
_MAY_NOT_WORK = re.compile(
    r"\b(?:no\s+(?:permission|right)\s+to\s+work|not\s+(?:allowed|permitted)\s+to\s+work|"
    r"(?:asylum\s+)?claim\s+(?:is\s+)?(?:still\s+)?(?:waiting|pending|outstanding|in\s+progress|undecided)|"
    r"(?:waiting|awaiting)\s+(?:for\s+|on\s+)?(?:a\s+|the\s+|his\s+|her\s+|my\s+)?(?:asylum\s+)?"
    r"(?:decision|interview|home\s+office\s+decision)|asylum\s+(?:hotel|seekers?|accommodation|support)|"
    r"seeking\s+asylum|claimed\s+asylum)\b",
    re.I,
)
_MAY_WORK = re.compile(
    r"\b(?:got|has|have|granted|given)\s+(?:(?:his|her|their|my|refugee|settled|pre-settled)\s+)*status|"
    r"leave\s+to\s+remain|\bBRP\b|refugee\s+status",
    re.I,
)
# An English conversation club or class "for all levels except total beginners" is no place yet for
# someone with no English (the record side is read only where the service is about English).
EXCLUSIONS += (
    Exclusion(
        "no_english",
        "people with no English yet",
        _re(
            r"(?:except|not\s+(?:suitable\s+)?for|excluding|no)\s+(?:total|complete|absolute|true)?\s*beginners\b"
        ),
    ),
)
# An English course that starts at a level ("Entry: initial assessment at Entry 3 or above", "Entry
# 2+") is no place yet for someone with little English (read, again, only of a course about English).
EXCLUSIONS += (
    Exclusion(
        "little_english",
        "people with little English yet",
        _re(
            r"(?:entry\s*(?:level\s*)?[23]|level\s*[12]|E[23])\s*(?:\+|(?:or|and)\s+(?:above|higher|over|up)\b)|"
            r"must\s+(?:already\s+)?(?:speak|have|understand)\s+(?:some|good|basic|everyday)\s+english"
        ),
    ),
)
# A strength and balance class: "Exclusion criteria: unable to stand for 5 minutes with or without a
# frame" turns away a man who "can't stand" since his stroke (not one who "can't stand crowds").
EXCLUSIONS += (
    Exclusion(
        "cannot_stand",
        "people who cannot stand",
        _re(
            r"(?:unable|not\s+able)\s+to\s+(?:stand|weight[- ]?bear)|can(?:no|['’])?t\s+stand\b|non[- ]weight[- ]bearing"
        ),
    ),
)
# A walk or a task that asks for legs and lungs: "you must be able to walk 5 miles", "Anyone who can
# walk 3-4 miles at a steady pace", "moderate fitness needed", "physical work, digging, carrying",
# "not suitable for wheelchairs or mobility scooters". Read wherever the record says it
# (understanding.exclusions), as a rule of who can take part.
EXCLUSIONS += (
    Exclusion(
        "cannot_walk_far",
        "people who cannot walk far",
        _re(
            r"(?:must|need\s+to|should|you'?ll\s+need\s+to)\s+be\s+able\s+to\s+walk\s+(?:for\s+)?"
            r"(?:\d+(?:\.\d+)?|two|three|four|five|six|several)\s*(?:(?:-|–|to)\s*\d+\s*)?(?:miles?|km|kilomet\w+|hours?)|"
            # "Every other Sunday we walk 5-9 miles on the Downs"
            r"we\s+(?:usually\s+|normally\s+)?walk\s+(?:about\s+|around\s+)?[4-9]\d?(?:\s*(?:-|–|to)\s*\d+)?\s*(?:miles|km)|"
            r"(?:anyone|people|those|adults)\s+who\s+(?:can|are\s+able\s+to)\s+walk\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\s*"
            r"(?:miles?|km|hours?)|(?:moderate|good|reasonable)\s+(?:level\s+of\s+)?fitness\s+(?:is\s+)?(?:needed|required|"
            r"essential)|not\s+suitable\s+for\s+(?:people\s+(?:with|using)\s+)?"
            r"(?:walking\s+aids|limited\s+mobility|mobility\s+(?:problems|issues|difficulties)|(?:wheelchairs?\s+or\s+)?"
            r"mobility\s+scooters)"
        ),
    ),
)
# Work that asks for a strong back: "Active – physical work, digging, carrying, uneven ground".
EXCLUSIONS += (
    Exclusion(
        "heavy_work",
        "people who cannot do heavy physical work",
        _re(
            # (not "we do the heavy lifting for you": a handyperson's offer, for those who cannot)
            r"physical\s+work\b|physically\s+demanding|digging,?\s+(?:and\s+)?carrying"
        ),
    ),
)
# "Bad back so nothing too heavy", "can't lift", "no heavy lifting" (not "still fit, bit of a bad back"):
# and anyone who cannot walk far.
_NO_HEAVY_WORK = re.compile(
    r"\b(?:nothing\s+(?:too\s+)?heavy|can(?:no|['’])?t\s+(?:lift|carry|dig|bend)|no\s+(?:heavy\s+)?lifting)\b",
    re.I,
)
# The person's words: "walking frame", "uses a stick", "can't walk far", "breathless going up the
# stairs", "in a wheelchair" (not her husband's wheelchair: someone else's, _said)
_CANNOT_WALK_FAR = re.compile(
    r"\b(?:walking\s+frame|zimmer|rollator|mobility\s+scooter|wheelchair(?:\s+user)?|housebound|"
    r"(?:uses?|using|with|on)\s+(?:a\s+|two\s+)?(?:walking\s+)?(?:stick|sticks|crutches|frame|walker)\b|"
    r"can(?:no|['’])?t\s+walk\s+(?:far|very\s+far|more\s+than|much|long|any\s+distance|distances)|"
    r"can\s+(?:only|barely|hardly)\s+(?:walk|manage)\b|no\s+long\s+walks|"
    r"(?:breathless|out\s+of\s+breath|puffed\s+out)\s+(?:on|going\s+up|walking|climbing|after|doing)\b|"
    r"can(?:no|['’])?t\s+get\s+(?:past|beyond)\s+the\s+end\s+of\s+the\s+(?:road|street))",
    re.I,
)
_CANNOT_STAND = re.compile(
    r"\b(?:can(?:no|['’])?t|unable\s+to|not\s+able\s+to)\s+(?:stand|weight[- ]?bear)"
    r"(?=\s*(?:[.,;)]|$|\s+(?:up|unaided|at\s+all|for\s+long|on\s+(?:his|her|their|my)\s+own|without)))",
    re.I,
)
# Where someone is on the cancer journey: a fatigue course "after treatment has finished – not for
# people in active treatment" is not for a woman "on chemo at the L&D", and a wig service "for
# patients having chemotherapy" is not for one who "finished rads last month". Read wherever the
# record says it (understanding.exclusions).
_TREATMENT = r"(?:chemo\w*|radiotherapy|(?-i:RT|SACT)|immunotherapy|(?:active\s+|cancer\s+)?treatment)"
EXCLUSIONS += (
    Exclusion(
        "in_treatment",
        "people still in cancer treatment",
        _re(
            r"not\s+(?:suitable\s+)?(?:for|if)\s+(?:people|those|anyone|you(?:'re|\s+are)?)\s+(?:who\s+are\s+)?"
            rf"(?:currently\s+|still\s+)?(?:in|having|on|receiving|undergoing)\s+(?:active\s+)?{_TREATMENT}|"
            # (not "after surgery / after treatment has finished", nor "during or after treatment")
            r"(?<!/\s)(?<!\bor\s)(?:once|after)\s+(?:your\s+|their\s+)?(?:active\s+|cancer\s+)?treatment\s+"
            r"(?:has\s+)?(?:finished|ended|is\s+over|is\s+complete)\b(?!\s*(?:/|,?\s*or\b))"
        ),
    ),
    Exclusion(
        "finished_treatment",
        "people who have finished their cancer treatment",
        _re(
            # only chemotherapy or radiotherapy named: "support for people having treatment for
            # cancer" is a general offer
            r"(?<!not\sfor\s)(?:patients|people|those|adults|women|men)\s+(?:who\s+are\s+)?(?:currently\s+)?(?:having|"
            r"receiving|undergoing|on)\s+(?:chemo\w*|radiotherapy|(?:active\s+|cancer\s+)treatment)\b"
            r"(?!\s*,?\s*(?:or|and)\b)|"
            r"during\s+(?:active\s+)?(?:treatment|chemo\w*)\s+only|only\s+(?:while|during)\s+(?:active\s+)?"
            r"(?:treatment|chemo\w*)|"
            # a cancer centre's heading: "Where you are in your treatment: during active treatment."
            r"(?<=treatment:\s)during\s+(?:active\s+)?(?:treatment|chemo\w*)\b(?!\s*(?:,|/|or\b|and\b))"
        ),
    ),
)
_IN_TREATMENT = re.compile(
    r"\b(?:(?:on|having|receiving|undergoing|started|starting|mid[- ]?way\s+through|halfway\s+through|in\s+the\s+"
    r"middle\s+of|still\s+on|still\s+having)\s+(?:(?:his|her|my|their|the)\s+)?(?:\w+\s+)?"
    r"(?:chemo\w*|radiotherapy|rads|immunotherapy|active\s+treatment|cancer\s+treatment)|(?-i:on\s+SACT)|"
    r"cycle\s+\d+\s+of\s+(?:\d+|chemo))\b",
    re.I,
)
_FINISHED_TREATMENT = re.compile(
    r"\b(?:(?:finished|completed|done|ended|end\s+of)\s+(?:(?:his|her|my|their|all|the)\s+)?(?:\w+\s+)?"
    r"(?:chemo\w*|radiotherapy|rads|treatment|SACT)|(?:chemo\w*|radiotherapy|rads|treatment)\s+(?:has\s+|is\s+)?"
    r"(?:finished|ended|over|done|completed?)|all[- ]clear|in\s+remission)\b",
    re.I,
)
# A dementia service's stage: "Stage: mild to moderate", "early stage only", "not suitable for later
# stage" is not for someone whose dementia is at its later stage; a support worker's "not for people
# in care homes" is not for a mum who "moved into a care home in August". Both are said of the
# person with dementia, whoever speaks for them, so someone else's counts.
EXCLUSIONS += (
    Exclusion(
        "later_stage_dementia",
        "people in the later stages of dementia",
        _re(
            r"not\s+(?:suitable\s+)?for\s+(?:people\s+(?:in|with|at)\s+(?:the\s+)?)?(?:later|late|advanced)[- ]stages?|"
            r"(?:early|mild)(?:\s*(?:to|-|–)\s*(?:mild|moderate))?\s+(?:stages?\s+)?only|"
            r"(?<=stage:\s)(?:early|mild)(?:\s+stage)?(?:\s*(?:to|-|–)\s*(?:mild|moderate))?(?:\s+stages?)?\b"
            r"(?!\s*(?:to|-|–|or|and|/)\s*(?:later|late|advanced|severe|all))"
        ),
    ),
    Exclusion(
        "in_care_home",
        "people living in care homes",
        _re(
            r"not\s+(?:suitable\s+)?for\s+(?:people|those|anyone|residents)\s+(?:living\s+|who\s+live\s+)?in\s+(?:a\s+)?"
            r"(?:care|nursing|residential)\s+homes?|(?:people|those)\s+(?:still\s+)?living\s+(?:at\s+home|in\s+their\s+own\s+"
            r"homes?)\s+only"
        ),
    ),
)
_LATER_STAGE_DEMENTIA = re.compile(
    r"\b(?:(?:later|late|advanced|severe|end)[- ]stage\s+(?:dementia|alzheimer'?s|(?-i:AD)|vascular)|"
    # (not "dementia, late 70s")
    r"(?:advanced|severe)\s+(?:dementia|alzheimer'?s)|(?:dementia|alzheimer'?s|(?-i:AD))\W+(?:(?:later|late|advanced|severe)"
    r"[- ]stage|advanced|severe)\b)",
    re.I,
)
_IN_CARE_HOME = re.compile(
    r"\b(?:in|into|lives\s+in|living\s+in|moved\s+(?:in)?to|went\s+into|gone\s+into)\s+(?:a\s+|the\s+)?"
    r"(?:care|nursing|residential)\s+home\b",
    re.I,
)
# A hub "for people new to the streets ... Not for people already in hostels or TA": not for a man
# whose words put him in a hostel.
EXCLUSIONS += (
    Exclusion(
        "in_hostel",
        "people already in a hostel or temporary accommodation",
        _re(
            r"not\s+(?:suitable\s+)?for\s+(?:people|those|anyone)\s+(?:already\s+|currently\s+)?(?:living\s+|staying\s+)?in\s+"
            r"(?:a\s+)?(?:hostels?|(?-i:TA)\b|temporary\s+accommodation|supported\s+(?:housing|accommodation))"
        ),
    ),
)
_IN_HOSTEL = re.compile(
    r"\b(?:(?:in|at|staying\s+in|living\s+in|lives\s+in|moved\s+into)\s+(?:a\s+|the\s+)?(?:\w+\s+)?hostel|hostel\s+in\b|"
    r"(?:in|placed\s+in)\s+(?-i:TA)\b|(?:in|placed\s+in)\s+temp(?:orary|\.)?\s+accommodation)",
    re.I,
)
# A day centre's "No dogs, except assistance dogs" is no place for a man who "won't go anywhere
# without" his staffie.
EXCLUSIONS += (
    Exclusion(
        "has_a_dog",
        "people with a dog",
        # (not "No dogs inside (tie-up outside)")
        _re(
            r"no\s+dogs(?!\s+inside)|dogs\s+(?:are\s+)?not\s+(?:allowed|permitted|accepted)|(?:sorry,?\s+)?no\s+pets\b"
        ),
    ),
)
_DOG_GONE = re.compile(r"\b(?:lost|losing|died|put\s+down|rehomed|gave\s+away|miss(?:es)?)\s+$", re.I)
_HAS_A_DOG = re.compile(
    r"\b(?:(?:has|have|got|with|and)\s+(?:a|his|her|my|their)\s+(?:dog|staff(?:ie|y)|puppy|pup|lurcher|jack\s+russell|"
    r"collie|greyhound)|(?:his|her|my|their)\s+(?:dog|staff(?:ie|y))|dog'?s\s+got|has\s+a\s+dog)\b",
    re.I,
)
# A hub "for people new to the streets" ("new rough sleepers", "first night out") is not for a man
# sleeping rough these eight months, nor a woman "sleeping rough since the summer".
EXCLUSIONS += (
    Exclusion(
        "long_on_the_streets",
        "people who have slept rough for a while",
        _re(
            r"(?:new|first[- ]time)\s+rough\s+sleepers?|(?:people\s+)?new\s+to\s+(?:the\s+)?streets?|first\s+night\s+out"
        ),
    ),
)
_LONG_ON_THE_STREETS = re.compile(
    r"\b(?:(?-i:RS)|rough|sleeping\s+rough|on\s+the\s+streets?)\b[^.;]{0,40}?(?:\b(?:\d+|several|many|few)\s+"
    r"(?:months?|mths?|yrs?|years?)\b|since\s+(?:the\s+)?(?:summer|spring|autumn|last\s+year|(?:19|20)\d\d)\b|for\s+"
    r"(?:months|years)\b)|\blong[- ]term\s+(?:rough\s+sleep\w*|(?-i:RS))|\bentrenched\b",
    re.I,
)
# An autistic adults' meet-up "without a learning disability (we can signpost you to LD groups)" is not
# for a young man "autistic with mild LD".
EXCLUSIONS += (
    Exclusion(
        "learning_disability",
        "people with a learning disability",
        _re(
            # (not "for adults with and without learning disabilities")
            r"(?<!and\s)(?<!or\s)without\s+(?:a\s+|an\s+)?(?:learning\s+disabilit\w+|(?-i:LD)\b)|not\s+for\s+(?:people|adults|those)\s+with\s+"
            r"(?:a\s+)?learning\s+disabilit\w+"
        ),
    ),
)
# A health check or a prevention course for people without a condition ("without an existing
# diagnosis of heart disease, stroke, diabetes", "not for people already diagnosed with diabetes")
# turns away those whose words say they have it.
EXCLUDED_CONDITIONS = ("diabetes", "heart", "stroke", "lung", "cancer")
EXCLUSIONS += tuple(
    Exclusion(f"has_{code}", BY_CODE[code].label, BY_CODE[code].service) for code in EXCLUDED_CONDITIONS
)
BY_EXCLUSION = {e.code: e for e in EXCLUSIONS}

# The person's words: "a bottle most nights", "too fond of the wine", "on heroin", "alcoholic".
_DRINKING_OR_USING = re.compile(
    r"\b(?:drink(?:ing|s)?\s+(?:too\s+much|heavily|a\s+lot|every\s+(?:day|night)|most\s+(?:days|nights)|more)|"
    r"bottles?(?:\s+of\s+\w+)?\s+(?:a|most|every)\s+(?:nights?|days?|evenings?)|"
    r"too\s+fond\s+of\s+the\s+(?:wine|drink|booze|beer|bottle)|alcoholi\w+|alcohol\s+(?:dependen\w+|problem)|"
    r"(?:drink|drinking|alcohol|drug)\s+(?:problem|habit|issue)s?|(?:on|using|smoking)\s+(?:heroin|crack|spice|"
    r"cocaine|coke)|hiding\s+(?:the\s+)?(?:empties|bottles))",
    re.I,
)
_DENIED = re.compile(r"\b(?:no|not|never|denies|nil|without|stopped|quit|gave\s+up)\b[^.;,]{0,20}$", re.I)


# "her husband drinks too much": someone else's
_SOMEONE_ELSES = re.compile(
    r"\b(?:husband|wife|partner|son|daughter|dad|father|mum|mam|mother|brother|sister|boyfriend|girlfriend|"
    r"ex)(?:'s)?\s+(?:(?!she\b|he\b|i\b|they\b)\w+\s+){0,2}$",
    re.I,
)


def _said(pattern: re.Pattern[str], text: str, unless: re.Pattern[str] | None = None) -> bool:
    """Whether the words say it of the person: not denied, not someone else's, and not `unless`
    just before it."""
    return any(
        not _DENIED.search(text[max(0, m.start() - 25) : m.start()])
        and not _SOMEONE_ELSES.search(text[max(0, m.start() - 30) : m.start()])
        and not (unless and unless.search(text[max(0, m.start() - 30) : m.start()]))
        for m in pattern.finditer(text)
    )


def _said_of_anyone(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the words say it, of the person or of someone they speak for, and do not deny it."""
    return any(not _DENIED.search(text[max(0, m.start() - 25) : m.start()]) for m in pattern.finditer(text))


@lru_cache(maxsize=256)
def person_exclusions(goals: str | None) -> frozenset[str]:
    """The exclusions the person's words put them in."""
    text = goals or ""
    out: set[str] = set()
    if _said(_DRINKING_OR_USING, text):
        out.add("alcohol_drugs")
    if _said(BY_CODE["serious_mental_illness"].person, text):
        out.add("psychosis")
    if in_crisis(text):
        out.add("crisis")
    out |= {f"has_{code}" for code in EXCLUDED_CONDITIONS if _said(BY_CODE[code].person, text)}
    if _said(_COUNCIL_TENANT, text):
        out.add("council_tenants")
    if _said(_SEXUAL_OFFENCE, text, unless=_SUFFERED):
        out.add("sexual_offences")
    if _said(_SETTLED_HOME, text) and not BY_CODE["homeless"].person.search(text):
        out.add("settled_home")
    if _said(_MAY_NOT_WORK, text) and not _MAY_WORK.search(text):
        out.add("no_right_to_work")
    if _said(_CANNOT_STAND, text):
        out.add("cannot_stand")
    if _said(_CANNOT_WALK_FAR, text):
        out |= {"cannot_walk_far", "heavy_work"}
    if _said(_NO_HEAVY_WORK, text):
        out.add("heavy_work")
    if _said(_IN_TREATMENT, text):
        out.add("in_treatment")
    elif _said(_FINISHED_TREATMENT, text):
        out.add("finished_treatment")
    if _LATER_STAGE_DEMENTIA.search(text):
        out.add("later_stage_dementia")
    if _said_of_anyone(_IN_CARE_HOME, text):
        out.add("in_care_home")
    if _said(_IN_HOSTEL, text):
        out.add("in_hostel")
    if _said(_HAS_A_DOG, text, unless=_DOG_GONE):
        out.add("has_a_dog")
    if _said(_LONG_ON_THE_STREETS, text):
        out.add("long_on_the_streets")
    if _said(BY_CODE["learning_disability"].person, text):
        out.add("learning_disability")
    if speaks_no_english(text):
        out.add("no_english")
    if has_little_english(text):
        out.add("little_english")
    if _NOT_YET_DIAGNOSED.search(text) and (BY_CODE["dementia"].person.search(text) or _MEMORY.search(text)):
        out.add("no_dementia_diagnosis")
    if _said_of_anyone(_LIVES_WITH_SOMEONE, text):
        out.add("lives_with_others")
    return frozenset(out)
