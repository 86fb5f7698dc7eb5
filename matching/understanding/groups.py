"""Who a service is restricted to: "women only", "for carers", "Men's Shed", Open Eligibility terms.

A group counts only when the service is for that group, not when the group is merely mentioned:
"men and women" restricts nobody, "people with dementia and their carers" is not carers-only.
"""

from __future__ import annotations

import re

from .record import Record, Term
from .result import Finding
from .rules import HEDGED, SENTENCE, quote, sentence_spans

_W = r"(?:\w+[\s,]+){0,3}?"
GROUP_PATTERNS: dict[str, str] = {
    "women": r"wom[ae]n(?:'s)?|ladies|girls|mothers|mums|female",
    "men": r"men(?:'s)?|gents|lads|blokes|fellas|dads|fathers|male|(?:men\s+in\s+)?sheds?",
    "veterans": (
        # (not "forces families" or "veterans' families": the families are the situation forces_families)
        r"veterans?(?!'?\s+famil)|ex[- ]?service\s*(?:men|women|personnel|people)?|ex[- ]forces|"
        # "for ex-Royal Navy, RM and RFA only", "ex-army lads"
        r"ex[- ](?:royal\s+navy|navy|rn|raf|army|military|royal\s+marines|marines|rm|rfa)|"
        r"armed\s+forces(?:\s+community)?(?!\s+famil)|"
        # "Must have served in the RAF (or be the widow of someone who did)"
        r"served\s+in\s+(?:the\s+)?(?:raf|army|navy|royal\s+navy|(?:armed\s+)?forces|military|marines)"
    ),
    "carers": (
        r"(?:unpaid\s+|young\s+|adult\s+|family\s+)?carers?(?:'s|')?|"
        r"(?:you|who)\s+(?:look\s+after|care\s+for)\s+(?:a|an|someone|somebody|your|their)"
        # "help you look after your mental health": themselves, not someone else
        r"(?!\s+(?:own\s+)?(?:mental|physical|health|wellbeing|well-being|self|money|finances|home|garden|pets?)\b)"
    ),
    "lgbtq": r"lgbt\w*\+?|lgb\w*|gay|lesbians?|bisexual|trans(?:gender)?|queer|(?-i:G?B?MSM)",
    "refugees": r"refugees?|asylum[- ]seek\w*|people\s+seeking\s+(?:asylum|sanctuary)|asylum|sanctuary\s+seekers?",
    "people_with_disabilities": (
        r"disabled\s+(?:people|adults|children|young\s+people|persons?)|disabilit\w+|"
        r"learning\s+difficult\w+|additional\s+needs|special\s+(?:educational\s+)?needs|"
        r"autis\w+|blind|visually\s+impaired|sight\s+loss|partially\s+sighted|"
        r"spina\s+bifida|cerebral\s+palsy|down'?s\s+syndrome|wheelchair\s+users?"
    ),
    "people_with_dementia": r"dementia|alzheimer'?s?|memory\s+(?:loss|caf[eé]|problems)",
    "deaf_bsl": r"deaf\w*|bsl|british\s+sign\s+language|hard\s+of\s+hearing|hearing\s+(?:loss|impair\w*)",
    "families": (
        r"families(?:\s+with\s+(?:young\s+)?children)?|parent\s+carers?|parents?\s+(?:and|&)\s+(?:toddlers?|babies|"
        r"children|carers\s+of\s+young)|parents?\s+of\s+(?:young\s+)?children|toddlers?|stay\s+(?:and|&)\s+play|"
        r"(?:single|lone)\s+parents?|(?:parents?|mums|dads|carers)\s+with\s+(?:young\s+)?children"
    ),
    "pregnant_new_parents": (
        r"pregnan\w+|new\s+(?:mums|mothers|parents|dads|babies|baby)|ante[- ]?natal|"
        r"post[- ]?natal|expectant|breast[- ]?feed\w*|perinatal|bumps?|bab(?:y|ies)|infants?|"
        r"neonatal"
    ),
}
# The group appears but the service is open to others too.
_NOT_RESTRICTED = {
    "women": r"\b(?:men\s+(?:and|&)\s+women|women\s+(?:and|&)\s+men|male\s+(?:and|or)\s+female|female\s+(?:and|or)\s+male|boys\s+and\s+girls|girls\s+and\s+boys|mums\s+and\s+dads|mothers\s+and\s+fathers)\b",
    "men": r"\b(?:men\s+(?:and|&)\s+women|women\s+(?:and|&)\s+men|male\s+(?:and|or)\s+female|female\s+(?:and|or)\s+male|mums\s+and\s+dads|dads\s+and\s+mums|mothers\s+and\s+fathers)\b",
    "carers": r"\b(?:and|&|or|their|families,?)\s+(?:their\s+)?(?:families\s+and\s+|family\s+)?carers\b|\bparents?\s*(?:and|&|/|or|and/or)\s*carers?\b|\bmale\s+carers\b|\bcarers\s+(?:and|&)\s+(?:families|professionals|parents|staff|friends|volunteers)\b|\bcarers\s+are\s+welcome\b|\b(?:(?:grand)?parents?|guardians?),?\s+or\s+carers?\b|\bcarer\s+or\s+parent\b",
    # "out of work with a health condition or disability": either will do
    # "Illness & Disability line": either will do (not "difficulty using buses due to age, disability
    # or illness", which is who may come)
    "people_with_disabilities": r"\billness\s+(?:and|&)\s+disabilit|"
    r"\b(?:health|medical|long[- ]term)\s+(?:conditions?|problems?|issues?)\s+"
    r"(?:and/or|or|and)\s+(?:an?\s+)?disabilit|"
    # "older and disabled neighbours", "elderly or disabled people": either will do
    r"\b(?:older|elderly|frail)\s+(?:people\s+)?(?:and/or|or|and|&)\s+(?:people\s+with\s+)?disab|"
    r"\bdisabled\s+(?:and/or|or|and|&)\s+(?:older|elderly|frail)\b|"
    # "can't use ordinary buses - age, disability or no local service": one reason among others
    r"\b(?:age|illness|frailty|mobility)\s*(?:,|/|or)\s*disabilit\w*\s*(?:,|/|or)\s*\w+",
    # "must have lived in the UK for 3 years (some exceptions for refugees - ask)": a funding rule's
    # exception, not whom a course is for
    "refugees": r"\bexceptions?\s+(?:\w+\s+)?(?:for|to)\s+(?:\w+\s+)?refugees\b",
    # "we knit blankets for the neonatal unit": a hospital ward, not who may come
    "pregnant_new_parents": r"\b(?:neonatal|maternity|baby|special\s+care\s+baby)\s+(?:units?|wards?)\b",
    # "not just hospice families", "for farming families": open to all, or a household, not children
    "families": r"\bnot\s+(?:just|only)\s+(?:\w+\s+)?families\b|\b(?:farming|farm|fishing|fishermen'?s?|hospice|military|service|forces|gurkha|veterans'?|bereaved|roma|traveller|gypsy)\s+families\b|"
    r"\b(?:individuals|adults|people)\s+(?:and|&)\s+families\b|\bfamilies\s+(?:and|&)\s+(?:individuals|adults|carers)\b|(?:\b(?:and|&)|,)\s+their\s+famil(?:y|ies)\b|\ball\s+ages\b",
}
# Targeting words: "for women", "supporting refugees", "women only", "Women's Aid".
_BEFORE = re.compile(
    r"(?:\bfor|\bsupport(?:s|ing)?|\bhelp(?:s|ing)?|\bwith|\bexclusively|\bonly|\bserv(?:es|ing)|"
    # a directory's own line: "Who can use this: Veterans, Serving personnel, Dependants"
    r"\bwho\s+can\s+(?:use|come\s+to|attend|join)\s+(?:this|it)\s*:|"
    r"\baimed\s+at|\btargeted\s+at|\bopen\s+to|\bmust\s+be|\bmust\s+have|\benabl(?:es?|ing)|\bdedicated\s+to|\bled\s+by|\bby\s+and\s+for|"
    # a charity's objects name its beneficiaries: "the relief of", "to advance the education of"
    r"\b(?:relie(?:f|ve)|benefit|needs|welfare|education|training|interests)\s+of)"
    r"\s+(?:\w+[\s,]+){0,4}$",
    re.I,
)
_WHAT_IT_IS = re.compile(
    r"\+?\s+(?:[\w-]+\s+){0,3}?(?:group|circle|club|shed|network|forum|caf[eé]|walk|programme|class|session)s?\b",
    re.I,
)
_AFTER = re.compile(
    r"^\W{0,3}(?:only|group|groups|club|centre|center|aid|network|support|service|shed|"
    r"project|forum|trust|association|society|cafe|café|hub|institute|refuge|circle)\b",
    re.I,
)
# Open Eligibility / esd / free tags that name a group outright.
TERM_GROUPS = {
    "women": r"^(?:women|female|woman|ladies)$",
    "men": r"^(?:men|male|man)$",
    "veterans": r"^(?:veterans?|military|armed forces)$",
    "carers": r"^(?:carers?|caregivers?)$",
    "lgbtq": r"^(?:lgbt\w*\+?|lgbtq\w*)$",
    "refugees": r"^(?:refugees?|asylum seekers?|immigrants?)$",
    "people_with_disabilities": r"^(?:disabled|disabilit(?:y|ies)|people with disabilities|learning disabilit\w+)$",
    "people_with_dementia": r"^(?:dementia|people with dementia)$",
    "deaf_bsl": r"^(?:deaf|deaf or hard of hearing|bsl)$",
    "families": r"^(?:families|parents)$",
    "pregnant_new_parents": r"^(?:pregnan\w*|new parents)$",
}
_COMPILED = {g: re.compile(r"\b(?:" + p + r")\b", re.I) for g, p in GROUP_PATTERNS.items()}
_NEGATIVE = {g: re.compile(p, re.I) for g, p in _NOT_RESTRICTED.items()}
_TERMS = {g: re.compile(p, re.I) for g, p in TERM_GROUPS.items()}
# Groups a directory's topic headings name as often as its eligibility does (measured on the
# development feeds: "Families" terms agreed with the labels 11 times in 36, others nearly always).
_HEADING_GROUPS = frozenset({"families"})
_ELIGIBILITY_VOCABULARY = re.compile(r"eligib|audience|openeligibility|esd|whoisitfor|whofor", re.I)
# A vocabulary of what services help with ("Need (tick)", "Topics", "Help with"): a term there that
# names a group files the service under it ("Carers" ticked for a good neighbours scheme), as a
# heading does, and says nothing of who may come.
_TOPIC_VOCABULARY = re.compile(r"need|topic|categor|theme|subject|helpwith|interest", re.I)
# "Mostly older fellas but anyone welcome", "all adults welcome", "anyone who's finding things hard
# is welcome": a group read from the name or in passing ("Men's Shed", "Carers' Walk") is who comes,
# not who may. An eligibility statement or "only" still restricts.
ANYONE_WELCOME = re.compile(
    r"\b(?:anyone|anybody|everyone|everybody|all\s+adults|all\s+ages|all\s+genders)\b"
    # a clause of what they feel or like, not of who they are ("anyone who has served" restricts)
    r"(?:\s+(?:who|that)(?:'s|\s+is|\s+are)?\s+(?:finding|struggling|feeling|interested|lonely|fancies|wants|"
    r"would\s+like|likes|enjoys|loves)\b[^.;!?\n]{0,40}?)?\s+(?:is\s+|are\s+)?(?:very\s+|most\s+|always\s+)?welcome\b|"
    # "open to all." but not "open to all men over 18" nor "open to anyone who has served"
    r"\bopen\s+to\s+(?:all|everyone|anyone)\b(?!\s+(?:[a-z]\w*|\d))|"
    # "lots of ex-forces but anyone can come!"
    r"\b(?:anyone|anybody|everyone|everybody|all)\s+(?:can|may|is\s+free\s+to)\s+(?:come|join|attend)\b",
    re.I,
)
# "LGBTQ+ folk and people questioning. Allies welcome": their friends may come too.
ALLIES_WELCOME = re.compile(
    r"\ballies\s+(?:are\s+)?(?:also\s+|very\s+|always\s+|more\s+than\s+)?(?:welcome|too)\b", re.I
)
# "Men and women welcome actually despite the name", "open to both men and women": a men's or
# women's name (a shed, a walk) tells who it began for, not who may come.
_MEN = r"(?:men|males?|blokes|gents|gentlemen|lads)"
_WOMEN = r"(?:women|females?|ladies|lasses)"
_BOTH_SEXES = rf"(?:both\s+)?(?:{_MEN}\s+(?:and|&)\s+{_WOMEN}|{_WOMEN}\s+(?:and|&)\s+{_MEN})"
BOTH_SEXES_WELCOME = re.compile(
    rf"\b(?:{_BOTH_SEXES}\s+(?:are\s+)?(?:all\s+|both\s+)?(?:very\s+)?welcome|open\s+to\s+{_BOTH_SEXES})\b",
    re.I,
)
# "women are welcome at the quiz but this table is for the men": the wider thing welcomes both,
# the thing listed is one sex's
_BUT_THIS_IS_FOR = re.compile(
    rf"\bbut\s+(?:this|the|our)\s+(?:\w+\s+){{0,2}}(?:is|are)\s+(?:just\s+|only\s+|strictly\s+)?for\s+"
    rf"(?:the\s+)?(?:(?P<men>{_MEN})|(?P<women>{_WOMEN}))\b",
    re.I,
)
# Words that turn a group away or send it elsewhere ("we cannot accept men", "Men can be referred
# to the Men's Service", "not for paid carers"): the group named is who the service is NOT for.
_TURNED_AWAY_BEFORE = re.compile(
    r"\b(?:(?:cannot|can't|can\s+not|unable\s+to|do\s+not|don't|does\s+not|doesn't|not\s+able\s+to|won't|will\s+not)"
    r"\s+(?:\w+\s+)?(?:accept|take|admit|house|support|help|work\s+with|see|serve|offer)|"
    r"not\s+(?:open\s+to|available\s+to|eligible|suitable\s+for|for)|except|excluding|other\s+than|"
    # "adults without an existing diagnosis of heart disease, stroke, diabetes"
    r"without\s+(?:an?\s+)?(?:existing|known|prior|previous|current)?\s*diagnos\w+\s+of)\b[^.;!?]*$|"
    # another service the group is sent to: "men can call the Men's Advice Line"
    r"\b(?:call|contact|ring|try|referred\s+to|signposted\s+to)\s+(?:the\s+)?(?:\w+\s+){0,2}$|"
    # "Sorry, no women's sessions at present"
    r"\bno\s+$",
    re.I,
)
_TURNED_AWAY_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:(?:can|will|may|should|could)\s+(?:be\s+(?:referred|signposted)|contact|call|ring|try|"
    r"go\s+to|use)|(?:are|is)\s+not\s+(?:eligible|accepted|able)|cannot|can't)\b|"
    # a team's shorthand for sending a group elsewhere: "women see Little Lever Stitch & Natter"
    # (not across "only" or a bracket: "Mums only (dads: see Dads Matter)" is for mums)
    r"^\W*(?:(?!only\b)\w+[ \t,]+){0,2}?see\s+(?-i:[A-Z])|"
    # "Men – call the Men's Advice Line", "Under 18s: contact Childline"
    r"^\s*[-–—:]\s*(?:please\s+)?(?:call|ring|contact|try|phone|use)\b|"
    # "Mums - see our Tuesday sessions", "women: please see our other group"
    r"^\W*(?:please\s+)?see\s+(?:our|the)\s+(?:other\s+)?(?:\w+\s+){0,2}?(?:sessions?|groups?|clubs?|class(?:es)?|service)\b",
    re.I,
)
# "families of serving personnel", "carers of people with dementia": the group named is someone else.
_FAMILIES_OF = re.compile(r"^\s+of\s+(?!(?:young\s+)?children|babies|toddlers)", re.I)
# "Port workers, drivers, seafarers and families", "veterans & their families": the families of the
# people named before them, who come with them.
_THEIR_FAMILIES = re.compile(r"\b[a-z]\w+s\s*(?:,\s*[\w\s]+)?\s+(?:and|&)\s+(?:their\s+)?$", re.I)
# "carers can join in too", "Carers may also come on their own", "partners welcome too"
_WELCOME_TOO = re.compile(
    r"\s*(?:can|may|are)?\s*(?:also\s+)?(?:come|join|attend|be\s+welcome|welcome)\b[^.;)]{0,25}?\b(?:too|as\s+well)\b|"
    r"\s*(?:can|may|are)\s+also\b",
    re.I,
)
_SOMEONE_ELSES = re.compile(
    r"\b(?:(?:parents?|carers?|families|relatives|siblings|brothers\s+and\s+sisters)\s+(?:and\s+\w+\s+)?of|"
    r"(?:car(?:e|es|ing)|look(?:s|ing)?\s+after)\s+(?:for\s+)?(?:someone|somebody|a\s+(?:\w+\s+)?(?:person|relative|"
    r"loved\s+one|partner|parent|friend)))\s+(?:\w+\s+){0,8}?(?:with\s+|who\s+(?:has|have)\s+)?$",
    re.I,
)
_WHOSE_CARERS = re.compile(r"\s*(?:'s\s+)?carers?\b", re.I)
# Whom the people it is for may bring, or who is let in besides, is not whom it is for:
# "Grandparents welcome to bring a toddler along", "anyone who's had a stroke, plus carer/family",
# "person living with dementia + carer", "and their partner/carer", "Women (incl. trans women)";
# and for carers, "with a carer if wanted", "people with a diagnosis of dementia and a
# carer/companion" (not "mums with a baby").
_BROUGHT_ALONG = re.compile(
    r"(?:\bbring(?:s|ing)?\s+(?:along\s+)?|\bplus\s+|\s\+\s*|\balong\s+with\s+|\bas\s+well\s+as\s+|"
    r"\b(?:and|with)\s+their\s+|\bincl(?:\.|uding)?\s+)"
    r"(?:[\w'-]+(?:\s+|\s*/\s*)){0,2}$",
    re.I,
)
_WITH_A = re.compile(r"\b(?:with|and)\s+(?:a|an|your)\s+$", re.I)
# "Fortnightly peer support group, carers' evening monthly": one of its sessions is for the group,
# listed after the offer itself.
_THEIR_SESSION_AFTER = re.compile(
    r"^['’]?s?['’]?\s+(?:evenings?|nights?|sessions?|meet[- ]?ups?|afternoons?|mornings?|coffee\s+mornings?|"
    r"drop[- ]ins?|strand)\b",
    re.I,
)
# "People with Parkinson's and family/carers", "people living with dementia & carers": a condition's
# group with the people around them, whom a carer-only limit would turn the person away from.
_CONDITION_AND = re.compile(
    r"\b(?:with|living\s+with|affected\s+by|diagnosed\s+with)\s+(?:a\s+|an\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+"
    r"(?:and|&)\s+(?:(?:their\s+)?(?:family|families|relatives|friends|partners?)(?:\s*/\s*|\s*,\s*|\s+(?:and|or|&)\s+))?$",
    re.I,
)
_TODDLERS = re.compile(
    r"\b(?:toddlers?|(?<!baby\s)(?<!babies\s)under\s+(?:[2-9]|1[0-8])s?\b(?!\s*months)|(?:pre-?school|young)\s+children|"
    r"children\s+under|families\s+with\s+(?:young\s+|older\s+)?children|children'?s\s+(?:items|clothes|clothing))",
    re.I,
)
# The people a service is for, named as the object of its offer: "supports adults with a learning
# and/or physical disability", "services to young people with a disability".
_FOR_DISABLED = re.compile(
    r"\b(?:support(?:s|ing)?|services?\s+(?:to|for)|help(?:s|ing)?|for|enabl(?:es?|ing)|work(?:s|ing)?\s+with)"
    r"\s+(?:\w+\s+){0,2}?(?:people|adults|children|young\s+people|individuals|those)\s+"
    r"(?:who\s+have|with|living\s+with)\s+(?:an?\s+)?(?:(?:learning|physical|sensory)\s+(?:and/or|and|or)?\s*){0,2}"
    r"disabilit(?:y|ies)\b",
    re.I,
)
# Named as some of everyone the service welcomes ("everyone welcome, including people with
# dementia"), or as who pays less ("free for people seeking asylum; £1 otherwise"): not a limit.
_NOT_ONLY_BEFORE = re.compile(
    r"\b(?:including|includes|such\s+as|as\s+well\s+as|(?:everyone|anyone|all)\s+(?:is\s+|are\s+)?welcome|"
    r"open\s+to\s+(?:all|everyone|anyone)|"
    # (a "free helpline for women" is a line for women that costs nothing, not a discount)
    r"(?:free|discount\w*|reduced|cheaper|concessions?|half[- ]price)\s+"
    r"(?:(?!(?:help)?lines?\b|services?\b|support\b|advice\b|groups?\b|sessions?\b|classes\b|courses?\b|"
    r"counselling\b)\w+\s+)?(?:for|to))\W+(?:[\w-]+[\s,]+){0,4}$",
    re.I,
)
# A sentence or line that opens by naming whom the service is for: "For blind and partially sighted
# people: ...", "For people with physical disabilities, any age 12+."
_AUDIENCE_OPENING = re.compile(
    r"^\s*(?:(?:only\s+)?(?:for|open\s+to|aimed\s+at)\s+|(?:eligibility(?:\s+criteria)?|who\s+(?:is\s+it|it'?s)\s+for\??)"
    r"\s*:\s*|who(?:'s|\s+is)\s+it\s+for\s*\?\s*)(?:[\w-]+[\s,]+){0,5}$",
    re.I,
)
# A label that ends its own sentence with its question mark: "Who's it for? Trans, non-binary and
# questioning people aged 18+ only", "Who comes? Carers only."
WHO_FOR_ASKED = re.compile(r"\bwho(?:'s|\s+is)?\s+(?:it\s+)?for\s*\?\s*$|\bwho\s+comes\s*\?\s*$", re.I)


_WITH_AGE = re.compile(
    r"^\s*(?:aged\s+)?(?:\d{1,2}\s*\+|\d{1,2}\s+(?:and|or)\s+over\b|over\s+\d{1,2}\b)", re.I
)
THRESHOLD = 0.7
# Disability is named in many services that are open to all ("including disabled people"):
# only a name, an eligibility statement or "only" restricts.
STRICTER = {"people_with_disabilities": 0.85, "families": 0.85}


def _score(field: str, text: str, match: re.Match[str]) -> float:
    before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 20]
    if field == "eligibility":
        return 0.9
    # "Men only", "women 18+ only", "LGBTQ+ people only"
    if re.match(
        r"^\W{0,3}(?:(?:people|adults|folk|members|users)\s+)?(?:\d{1,2}\s*\+\s*)?only\b", after, re.I
    ) or re.search(r"\bonly\s+(?:for\s+)?(?:\w+\s+){0,2}$", before, re.I):
        return 0.95
    if field == "name":
        return 0.85
    # the group with the age it must be: "Men 18+.", "open to women aged 16 and over"
    if _WITH_AGE.match(after):
        return 0.9
    # a description that opens with what the service is: "Men's peer support circle", "Women's
    # wellbeing group"
    if not before.strip(" \t") or before.endswith("\n"):
        if match.group(0).lower().endswith("'s") and _WHAT_IT_IS.match(text, match.end()):
            return 0.85
    if _BEFORE.search(before):
        return 0.75
    # "Women's Aid" names an audience; a "men's group" inside a list of groups does not.
    return 0.5 if _AFTER.match(after) else 0.4


_SEX_WORDS = {
    "men": re.compile(
        r"\b(?:men|man|male|blokes?|lads?|fellas?|gents?|dads?|fathers?|sons?|brothers?|boys?)\b", re.I
    ),
    "women": re.compile(
        r"\b(?:women|woman|female|ladies|lady|lasses?|mums?|mothers?|moms?|sisters?|daughters?|girls?|wom[ey]n)\b",
        re.I,
    ),
}


def _term_confidence(record: Record, group: str, term: Term) -> float:
    """A group ticked in an eligibility vocabulary says who may come. Ticked in a list's "Suitable
    for" column, it is as often who comes most ("Men" beside "for anyone affected by gambling"):
    "anyone welcome" in the words outweighs it, and a tick for one sex that the words never echo
    (a community allotment, a recovery café "for people in recovery and their families") is
    not a limit."""
    if _ELIGIBILITY_VOCABULARY.search(term.vocabulary):
        return 0.9
    words = _SEX_WORDS.get(group)
    said = record.text("name", "eligibility", "description")
    if words and (not words.search(said) or _BOTH_SEXES_SAID.search(said)):
        return 0.6
    return 0.85


# "anyone affected by domestic abuse – women and men –": a funder's "Women" tick beside it is who
# the form asked about, not who may come
_BOTH_SEXES_SAID = re.compile(r"\b" + _BOTH_SEXES + r"\b", re.I)


# A list's own word for "open to all" among its ticks ("Suitable for: Everyone, Older people, Carers")
_EVERYONE_TERM = re.compile(
    r"^(?:everyone|everybody|anyone|all|all welcome|open to all|general public)$", re.I
)
# Ticks that name an audience by age or need rather than one of our groups
_AUDIENCE_TERM = re.compile(
    r"^(?:(?:older|young(?:er)?|disabled|elderly)\s+(?:people|adults|persons)|adults|children|seniors|teenagers)$",
    re.I,
)


def _ticked_generously(record: Record) -> set[str]:
    """Local vocabularies whose ticks on this record say who is welcome rather than who may come:
    "Everyone" ticked beside "Carers", or several audiences ticked at once ("Older people, Disabled
    people, Carers" on a stroke club). A group ticked there holds only where the words say it too.
    An eligibility vocabulary's ticks are limits by design, whatever else is ticked; a topic ticked
    beside a group ("refugees", "ESOL") is not a second audience."""
    audiences: dict[str, int] = {}
    everyone: set[str] = set()
    for term in record.terms:
        if _ELIGIBILITY_VOCABULARY.search(term.vocabulary) or term.classifies_the_charity:
            continue
        name = term.name.strip()
        if _EVERYONE_TERM.match(name):
            everyone.add(term.vocabulary)
        elif _AUDIENCE_TERM.match(name) or any(pattern.match(name) for pattern in _TERMS.values()):
            audiences[term.vocabulary] = audiences.get(term.vocabulary, 0) + 1
    return everyone | {vocabulary for vocabulary, n in audiences.items() if n >= 2}


def find_groups(record: Record) -> list[Finding]:
    best: dict[str, Finding] = {}
    generous = _ticked_generously(record)

    def keep(group: str, found: Finding) -> None:
        if group not in best or found.confidence > best[group].confidence:
            best[group] = found

    for term in record.terms:
        name = term.name.strip()
        for group, pattern in _TERMS.items():
            # "Families" as a directory's heading ("Help with: Families") files family services, youth
            # clubs and warm spaces alike; only an eligibility vocabulary's "Families" restricts
            if not _ELIGIBILITY_VOCABULARY.search(term.vocabulary) and (
                group in _HEADING_GROUPS or _TOPIC_VOCABULARY.search(term.vocabulary)
            ):
                continue
            if not term.classifies_the_charity and term.vocabulary not in generous and pattern.match(name):
                keep(
                    group,
                    Finding(
                        group,
                        _term_confidence(record, group, term),
                        f"taxonomy:{term.vocabulary or 'term'}",
                        name,
                    ),
                )
    for group in record.declared.get("eligibility", []):
        keep(group, Finding(group, 0.95, "eligibility", ", ".join(record.declared["eligibility"])))
    mentioned: dict[str, float] = {}  # every group named in a way that is not turned away
    for field in ("name", "eligibility", "description"):
        text = record.texts.get(field, "")
        if not text:
            continue
        sentences = sentence_spans(text)
        for group, pattern in _COMPILED.items():
            negative = _NEGATIVE.get(group)
            for match in pattern.finditer(text):
                window = text[max(0, match.start() - 30) : match.end() + 30]
                if negative and negative.search(window):
                    continue
                if turned_away(text, match, sentences):
                    continue
                start = next((a for a, b in sentences if a <= match.start() < b), 0)
                if _NOT_ONLY_BEFORE.search(text[start : match.start()]):
                    continue
                if (
                    HEDGED.search(text[max(0, match.start() - 30) : match.start()])
                    or _BROUGHT_ALONG.search(text[max(0, match.start() - 40) : match.start()])
                    or (
                        group == "carers"
                        and (
                            _WITH_A.search(text[max(0, match.start() - 12) : match.start()])
                            or _CONDITION_AND.search(text[max(0, match.start() - 60) : match.start()])
                        )
                    )
                ):
                    # named, so that a men's shed "mainly blokes but ladies welcome" is open to both
                    mentioned[group] = max(mentioned.get(group, 0.0), 0.4)
                    continue
                if group == "families" and (
                    _FAMILIES_OF.match(text[match.end() :])
                    or _THEIR_FAMILIES.search(text[max(0, match.start() - 60) : match.start()])
                ):
                    continue
                line_start = text.rfind("\n", 0, match.start()) + 1
                if (
                    _THEIR_SESSION_AFTER.match(text[match.end() :])
                    and "," in text[line_start : match.start()]
                ):
                    mentioned[group] = max(mentioned.get(group, 0.0), 0.4)
                    continue
                if _WELCOME_TOO.match(text, match.end()):
                    # "Parkinson's diagnosis (carers can join in too)": let in besides, not whom it is for
                    mentioned[group] = max(mentioned.get(group, 0.0), 0.4)
                    continue
                # "pregnant women", "new mums": the narrower group says it
                if group == "women" and re.search(
                    r"\b(?:pregnant|expectant|new)\s+$", text[: match.start()], re.I
                ):
                    continue
                if group in (
                    "people_with_disabilities",
                    "people_with_dementia",
                    "veterans",
                ) and (
                    _SOMEONE_ELSES.search(text[max(0, match.start() - 60) : match.start()])
                    # "Dementia carers' Zoom group": the carers are whom it is for
                    or _WHOSE_CARERS.match(text, match.end())
                ):
                    continue
                # "sheds" alone is a shed, not a men's group, unless it is a Men's Shed.
                if (
                    group == "men"
                    and re.match(r"sheds?$", match.group(0), re.I)
                    and not re.search(r"men'?s?\s+(?:in\s+)?sheds?", window, re.I)
                ):
                    continue
                score = _score(field, text, match)
                if _AUDIENCE_OPENING.match(text[start : match.start()]) or (
                    not text[start : match.start()].strip()
                    and WHO_FOR_ASKED.search(text, max(0, start - 20), start)
                ):
                    score = max(score, 0.85)
                elif field == "description" and score < 0.9 and deep_in_a_list(text, start, match):
                    continue
                mentioned[group] = max(mentioned.get(group, 0.0), score)
                keep(group, Finding(group, score, field, quote(text, match)))
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        # only in the first sentence: later ones list side projects ("... and a group for people with
        # learning disabilities")
        first = next(SENTENCE.finditer(text), None)
        offer = _FOR_DISABLED.search(text, 0, first.end()) if first else None
        either = _NEGATIVE["people_with_disabilities"]
        if (
            offer
            and not turned_away(text, offer, sentence_spans(text))
            and not either.search(text[max(0, offer.start() - 30) : offer.end() + 30])
        ):
            keep(
                "people_with_disabilities",
                Finding("people_with_disabilities", 0.85, field, quote(text, offer)),
            )
    kept = {g: f for g, f in best.items() if f.confidence >= STRICTER.get(g, THRESHOLD)}
    said = record.text("name", "eligibility", "description")
    if ANYONE_WELCOME.search(said):
        kept = {g: f for g, f in kept.items() if f.confidence >= 0.9}
    if ALLIES_WELCOME.search(said):
        kept = {g: f for g, f in kept.items() if g != "lgbtq" or f.confidence >= 0.9}
    if BOTH_SEXES_WELCOME.search(said):
        kept = {g: f for g, f in kept.items() if g not in ("men", "women") or f.confidence >= 0.9}
    if one_sex := _BUT_THIS_IS_FOR.search(said):
        group = "men" if one_sex.group("men") else "women"
        kept[group] = Finding(group, 0.9, "description", quote(said, one_sex))
        mentioned[group] = 0.9
    _settle_sexes(kept, mentioned)
    _settle_young_families(kept, record)
    return sorted(kept.values(), key=lambda f: -f.confidence)


LIST_ITEM_ENDS = re.compile(r"[^,.;:!?]{0,30},")


def deep_in_a_list(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    """Whether the words are an item, third or later, of a list of what the service does
    ("information and advice, dementia day care, falls prevention, support to carers, social
    activities"): one offer among many, not whom the service is for."""
    return text.count(",", sentence_start, match.start()) >= 2 and bool(
        LIST_ITEM_ENDS.match(text, match.end())
    )


def turned_away(text: str, match: re.Match[str], sentences: list[tuple[int, int]]) -> bool:
    start, end = next(((a, b) for a, b in sentences if a <= match.start() < b), (0, len(text)))
    return bool(
        _TURNED_AWAY_BEFORE.search(text[start : match.start()])
        or _TURNED_AWAY_AFTER.match(text[match.end() : end])
    )


def _settle_sexes(kept: dict[str, Finding], mentioned: dict[str, float]) -> None:
    """Both sexes named ("a men's group, a women's group"; "Men's Shed ... also a ladies' session"):
    sub-groups of a service open to everyone, unless one is plainly the service's audience (an
    eligibility statement or "only") and the other is named in passing."""
    men, women = mentioned.get("men", 0.0), mentioned.get("women", 0.0)
    if not (men and women) or not ("men" in kept or "women" in kept):
        return
    for group, mine, other in (("men", men, women), ("women", women, men)):
        if group in kept and mine >= 0.9 and other < 0.9:
            kept.pop("women" if group == "men" else "men", None)
            return
    kept.pop("men", None), kept.pop("women", None)


def _settle_young_families(kept: dict[str, Finding], record: Record) -> None:
    """Babies alone make new parents; toddlers or older children make families with children."""
    if "pregnant_new_parents" not in kept:
        return
    text = record.text("name", "eligibility", "description")
    if _TODDLERS.search(text):
        found = kept.pop("pregnant_new_parents")
        kept.setdefault("families", Finding("families", found.confidence, found.source, found.evidence))
    else:
        kept.pop("families", None)
