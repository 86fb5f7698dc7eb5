"""Situations a service is restricted to, read from its words: "for people bereaved by suicide",
"Stroke Survivors Club", "referred by the cardiac rehab team", "must have completed a detox".

A situation counts only when the record is *for* it. Named in passing it restricts nobody: "we
help everyone, including people living with cancer", "advice on benefits, debt and domestic
abuse". So the words must sit in the eligibility statement, in the service's name as what the
group is, or behind a targeting phrase ("for people who", "support for those living with", "only
open to", "referral from"); and not behind a word that opens the door wider ("including",
"whether or not") or turns the situation away ("not suitable for people currently drinking" is
read by the pattern itself, which names the abstinence it asks for).
"""

from __future__ import annotations

import re

from ..situations import AGE_SITUATIONS, BY_CODE, MENTAL_HEALTH, SITUATIONS, most_specific
from .groups import ANYONE_WELCOME, LIST_ITEM_ENDS, WHO_FOR_ASKED, deep_in_a_list, turned_away
from .record import Record
from .result import Finding
from .rules import quote, sentence_spans

# The words just before the situation that make the service *for* it.
_TARGETING = re.compile(
    r"(?:\bonly\b|\bexclusively\b|\bspecifically\b|\bsolely\b|\bdedicated\s+to|\baimed\s+at|\btargeted\s+at|"
    r"\bdesigned\s+for|\bopen\s+to|\bfor\b|\bsupport(?:s|ing)?\b|\bhelp(?:s|ing)?\b|\bwork(?:s|ing)?\s+with|"
    r"\bwho\s+(?:have|has|are|is)|\bwith\b|\bliving\s+with|\baffected\s+by|\bbereaved\s+by|\brecovering\s+from|"
    r"\bdiagnosed\s+with|\bsurvivors?\b|\bexperiencing|\breferr(?:ed|al)s?\s+(?:by|from|via|through)|"
    r"\bmust\b|\beligib\w+|\bcriteria|\bby\s+and\s+for|\bmembers\s+(?:must|are)|\bpatients\b|\bvisit(?:s|ing)?)"
    r"[^.;:!?]{0,45}$",
    re.I,
)
# The words that open a service wider than the situation named.
_WIDER = re.compile(
    r"\b(?:including|includes|such\s+as|as\s+well\s+as|also|whether|regardless|not\s+just|not\s+only|"
    r"everyone|anyone\s+(?:is|are)\s+welcome|all\s+welcome|open\s+to\s+all|any\s+(?:cause|reason|kind)|"
    r"any\s+(?:long[- ]term\s+)?(?:health\s+|medical\s+)?conditions?|"
    r"all\s+(?:causes|kinds|types)|or\s+any|like|e\.g\.|and\s+other|advice\s+on|information\s+(?:on|about)|"
    r"raise\s+awareness|prevention|campaign\w*|fundrais\w*|"
    # "appointments prioritised for people with court dates or NFA": first in the queue, not the only ones
    r"priorit\w+|first\s+call\s+for|"
    # who comes most, not who may: "Adults who feel lonely. Mainly older adults."
    r"mainly|mostly|largely|predominantly|especially|particularly|in\s+particular|typically|usually|"
    # "anyone learning English - lots of Romanian, Polish and Kurdish ladies go"
    r"lots\s+of|a\s+lot\s+of|plenty\s+of|many\s+of\s+(?:our|the)|loads\s+of)\b[^.;:!?]{0,60}$",
    re.I,
)
# "a long term condition (e.g. T2 diabetes, COPD, BMI 30+)": examples of who may come, not the only
# ones. (Apart from _WIDER: the dots of "e.g." would end its sentence.)
_EXAMPLE_OF = re.compile(r"\b(?:e\.\s?g\b\.?|eg\b|for\s+(?:example|instance)\b)[^.;:!?()]{0,80}$", re.I)
# "people with cancer and other life-limiting illnesses": one example of a wider audience.
# "learning disabilities or mental health problems", "physical and/or learning disabilities", "lonely
# or housebound": one of several audiences, not all of them situations we know, so not a restriction
# to this one.
_OTHER_AUDIENCE = (
    r"(?:mental\s+health|physical|complex\s+needs|sensory|long[- ]term|life[- ]limiting|lonely|(?:socially\s+)?isolated|older|elderly|"
    # "refugee and asylum seeker women": refugees are let in too, so not only those seeking asylum
    r"refugees?|"
    r"(?:other|any|all|similar|related|many)\s+(?:\w+\s+)?(?:conditions?|illness\w*|disabilit\w+|needs|"
    r"health\s+problems|diagnos\w+|causes?))"
)
# (After a dash comes what the service helps with, not who else: "for anyone in farming - money,
# mental health, disputes".)
_WIDER_AFTER = re.compile(
    r"^(?!\s*[-–—]\s)[^.;:!?]{0,40}?(?:,|\band/or\b|\band\b|\bor\b|&)\s*(?:\w+\s+){0,2}?"
    + _OTHER_AUDIENCE
    + r"\b",
    re.I,
)
_WIDER_BEFORE = re.compile(
    r"\b" + _OTHER_AUDIENCE + r"\s+(?:\w+\s+){0,2}?(?:and/or|and|or|&|,)\s+(?:\w+\s+)?$",
    re.I,
)
# "people who are housebound or live in rural Northumberland": the situation is one way in of two.
_OR_ANOTHER_WAY_IN = re.compile(r"^\s*,?\s*or\s+(?:who\s+)?(?:live|lives|living|are|is|have|has)\b", re.I)
# "aimed at Bangladeshi women but all women welcome", "for Somali elders - everyone is welcome"
_ALL_WELCOME_AFTER = re.compile(
    r"^[^.;!?]{0,40}?(?:\b(?:all|everyone|everybody|anyone|anybody)\b(?:\s+\w+){0,2}?\s+(?:is\s+|are\s+)?"
    r"(?:very\s+|most\s+|more\s+than\s+)?welcome|"
    # "aimed at older people but nobody is turned away"
    r"\b(?:nobody|no\s+one|no-one)\s+(?:is|will\s+be|gets)\s+turned\s+away|"
    # "SUs open to CMHT very welcome but you don't have to be under services": welcome, not required
    r"^\s*(?:\w+\s+){0,2}?(?:are\s+|is\s+)?(?:very\s+|especially\s+|particularly\s+|also\s+)?welcome\b|"
    r"\b(?:you\s+)?(?:don'?t|do\s+not)\s+(?:have|need)\s+to\s+be\b)",
    re.I,
)
_NAME_GROUP = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,2}?(?:survivors?|club|group|support|society|association|network|cafe|café|circle|"
    r"friends|forum|service|project|choir|team|peer|buddies|ladies|men)\b",
    re.I,
)
# "Somali Women's Group", "Bangladeshi Mums", "African & Caribbean Carers", "Chinese Elders": a
# community's women, men, parents, carers or elders named as the group are who it is for, where
# "Irish Community Centre" or "Indian Senior Citizens Centre" may be open to all.
_COMMUNITY_GROUP_NAME = re.compile(
    r"\b(?:women|men|ladies|mums|mothers|dads|fathers|girls|boys|carers|elders|parents|families|newcomers)$",
    re.I,
)
# "Hongkongers and friends": whoever they bring
_AND_FRIENDS = re.compile(r"\s*(?:and|&|\+)\s+(?:their\s+)?friends\b", re.I)
_MOSTLY_FROM = re.compile(r"\b(?:mostly|mainly|largely|predominantly)\s+(?:from\s+)?(?:the\s+)?", re.I)
_BEFORE_A_SUBTITLE = re.compile(r"\s[-–:|]\s+(?:[\w'&]+\s+){0,3}$")
NAME_CONFIDENCE, ELIGIBILITY_CONFIDENCE, TARGETED_CONFIDENCE = 0.85, 0.9, 0.75
# A sentence that answers a form's question is an eligibility statement: "Who is this for? Older
# adults who've had a fall", "Who can use this service? Anyone over 50 ..."
_ASKED_WHO = re.compile(
    r"\bwho\s+(?:is\s+(?:this|it)\s+for|can\s+(?:use\s+(?:this|it|the\s+\w+)|come|attend|join|apply|go))\s*\?\s*$",
    re.I,
)
# a directory's own column, flattened into the sentence it heads: "Who for: older people living alone"
# "Who for:", "Who is it for (as told by the organiser):"
# "Who can use this: Spouses/partners of serving personnel (RN/RM), Dependants"
_WHO_FOR_LABEL = re.compile(
    # (a streets guide's "Who: rough sleepers only", a dementia directory's "Who comes? Carers only")
    r"^\W*(?:who(?:'s|\s+is)?\s+(?:it\s+)?for|who\s+can\s+(?:use|come|attend|join)(?:\s+(?:this|it))?|who(?:\s+comes)?)\s*"
    r"(?:\([^)]{0,40}\)\s*)?[:?]",
    re.I,
)


# "Carers of adults with mental health needs", "a family member with an illness, disability, mental
# health problem": the mental health is the cared-for's, not the way in.
_SOMEONE_ELSES = re.compile(
    r"\b(?:(?:carers?|families|relatives|parents|partners|loved\s+ones?)\s+of|(?:a|their|your)\s+"
    r"(?:family\s+member|relative|parent|partner|loved\s+one|child|son|daughter)\s+(?:with|who))\b[^.;]*$",
    re.I,
)
# "learning disabilities or mental health needs", "domestic abuse, mental health difficulties or
# isolation": mental health is one way in among others, most of which no situation here names.
_ANOTHER_WAY_IN = re.compile(
    r"\b(?:learning\s+disabilit\w+|autis\w+|addictions?|drugs?|alcohol|substance|isolation|disabilit\w+|"
    r"domestic\s+abuse|illness(?:es)?|dementia|long[- ]term\s+conditions?)\b",
    re.I,
)


_NOT_ONLY_CLAIMANTS = re.compile(
    r"\bnon[- ]?claimants?\s+(?:are\s+)?(?:also\s+)?(?:welcome|too|fine|accepted)|"
    r"\b(?:you\s+)?(?:don'?t|do\s+not)\s+(?:need|have)\s+to\s+be\s+(?:on|claiming)\s+(?:any\s+)?"
    r"(?:benefits?|UC|universal\s+credit)|\bwhether\s+or\s+not\s+you(?:'re|\s+are)?\s+(?:claim\w*|on\s+benefits)",
    re.I,
)


def find_situations(record: Record) -> list[Finding]:
    """Each situation the service is for, with how sure and the words that said it."""
    best: dict[str, Finding] = {}
    for field in ("eligibility", "name", "description"):
        text = record.texts.get(field, "")
        if not text:
            continue
        sentences = sentence_spans(text)
        for situation in SITUATIONS:
            # a name that cannot say this situation alone may still name a community's group
            only_as_a_group = field == "name" and not situation.named
            if only_as_a_group and situation.kind != "community":
                continue
            for match in situation.service.finditer(text):
                if only_as_a_group and not _COMMUNITY_GROUP_NAME.search(match.group(0)):
                    continue
                confidence = _restricts(field, text, match, sentences, situation.code)
                if confidence and (
                    situation.code not in best or confidence > best[situation.code].confidence
                ):
                    best[situation.code] = Finding(situation.code, confidence, field, quote(text, match))
    said = record.text("name", "eligibility", "description")
    # "Everyone welcome, mainly Eritrean and Ethiopian community": a community named in passing
    # elsewhere in the record is who comes, not who may
    if ANYONE_WELCOME.search(said):
        best = {
            code: f
            for code, f in best.items()
            if BY_CODE[code].kind != "community" or f.confidence > ELIGIBILITY_CONFIDENCE
        }
    # "for refugee and asylum seeking women, mostly from the Kurdish and Syrian communities": the
    # communities most who come are from, whatever the name says, are not a rule
    for code in [
        c for c, f in best.items() if BY_CODE[c].kind == "community" and f.confidence <= NAME_CONFIDENCE
    ]:
        if any(
            BY_CODE[code].service.search(said[m.end() : m.end() + 40]) for m in _MOSTLY_FROM.finditer(said)
        ):
            del best[code]
    # "Nigerian heritage mostly but all African mums welcome": the wider heritage is who may come
    for code, finding in list(best.items()):
        wider = BY_CODE[code].within if BY_CODE[code].kind == "community" else None
        if wider and any(BY_CODE[wider].service.search(m.group(1)) for m in _THEY_ALL_WELCOME.finditer(said)):
            del best[code]
            best.setdefault(wider, Finding(wider, finding.confidence, finding.source, finding.evidence))
    # "Customer group: all customers – UC, ESA, PIP claimants, and non-claimants welcome"
    if "benefits" in best and _NOT_ONLY_CLAIMANTS.search(said):
        del best["benefits"]
    # "Bangladeshi women" is for Bangladeshi women, not for every South Asian woman
    kept = set(most_specific(list(best)))
    return sorted((f for code, f in best.items() if code in kept), key=lambda f: -f.confidence)


def _restricts(
    field: str, text: str, match: re.Match[str], sentences: list[tuple[int, int]], situation_code: str = ""
) -> float:
    start, end = next(((a, b) for a, b in sentences if a <= match.start() < b), (0, len(text)))
    before = text[start : match.start()]
    if situation_code == MENTAL_HEALTH and (
        _SOMEONE_ELSES.search(before)
        or _ANOTHER_WAY_IN.search(before)
        or _ANOTHER_WAY_IN.search(text, match.end(), end)
    ):
        return 0.0
    if (
        # "non-diabetic hyperglycaemia", "pre-diabetes": not the condition itself
        re.search(r"\b(?:non|pre)[- ]?$", before, re.I)
        or _WIDER.search(before)
        or _EXAMPLE_OF.search(text, max(0, match.start() - 90), match.start())
        or _WIDER_BEFORE.search(before)
        or _WIDER_AFTER.match(text[match.end() :])
        or _AND_FRIENDS.match(text, match.end())
        or _OR_ANOTHER_WAY_IN.match(text[match.end() :])
        or _ALL_WELCOME_AFTER.match(text[match.end() : end])
        or turned_away(text, match, sentences)
    ):
        return 0.0
    if (
        field == "eligibility"
        or _ASKED_WHO.search(text, max(0, start - 40), start)
        or _WHO_FOR_LABEL.match(before)
        or WHO_FOR_ASKED.search(text, max(0, start - 20), start)
        # a Jobcentre's column: "Customer group: UC – Intensive Work Search"
        or re.match(r"customer\s+group\b", match.group(0), re.I)
    ):
        return ELIGIBILITY_CONFIDENCE
    # the words are themselves the rule: "must be sober", "not suitable for people currently drinking",
    # "Orbit tenants only"
    if re.match(r"(?:not\s+(?:suitable|for)|must)\b", match.group(0), re.I) or re.search(
        r"\bonly$", match.group(0), re.I
    ):
        return TARGETED_CONFIDENCE
    if field == "name":
        # "Money Team (tenants only)": the name says it is only for them
        named_only = re.search(r"\bonly\b", match.group(0), re.I)
        # ("Carers' Circle - Southwark African & Caribbean Carers": the group named after a dash)
        subtitled = not text[match.end() :].strip() and _BEFORE_A_SUBTITLE.search(before)
        return (
            NAME_CONFIDENCE
            if _NAME_GROUP.match(text[match.end() :]) or not before.strip() or named_only or subtitled
            else 0.0
        )
    # The service's first sentence says what it is; a later one more often lists what else it does.
    # "... a Warm Homes scheme, a Macmillan service for people affected by cancer, outreach ...": one
    # offer in a long list of what an organisation does
    # ("The Foundation runs walking rugby, chair-based exercise for older people, school sport, ...":
    # a time of life named in the second item of a list is one offer's too)
    if (
        deep_in_a_list(text, start, match)
        or (_AN_OFFER_IN_A_LIST.match(text, match.end()) and text.count(",", start, match.start()) >= 2)
        # the fifth or later of what an organisation offers ("..., footcare, help at home, Home
        # from Hospital and a handyperson service to people aged 50 and over")
        or text.count(",", start, match.start()) >= LONG_LIST_ITEMS
        or (
            situation_code in AGE_SITUATIONS
            and text.count(",", start, match.start()) >= 1
            and LIST_ITEM_ENDS.match(text, match.end())
        )
    ):
        return 0.0
    # "Polish speakers only for the advice session", "Carers only.": the words are themselves the rule
    if _ONLY_AFTER.match(text, match.end()):
        return TARGETED_CONFIDENCE
    first = start == (sentences[0][0] if sentences else 0) or bool(_OPENS_A_SECTION.match(text, start, end))
    stated_as_a_rule = re.search(r"\bonly\b|\bmust\b|\beligib", before, re.I) or re.search(
        r"\bonly\b", text[match.end() : end], re.I
    )
    if _TARGETING.search(before) and (first or stated_as_a_rule or _SAYS_WHO_FOR.match(before)):
        return TARGETED_CONFIDENCE
    return 0.0


# A form flattened into one text: the sentence that opens its "Details:" box says what the service
# is, as a first sentence does ("Teaser: Moving in, settling down. Details: A group for ...").
_OPENS_A_SECTION = re.compile(
    r"\s*(?:details|description|about(?:\s+us|\s+the\s+\w+)?|what\s+(?:we\s+do|it\s+is)|summary|overview)\s*:",
    re.I,
)


# "all African mums welcome", "any Asian women are also welcome"
_THEY_ALL_WELCOME = re.compile(
    r"\b(?:all|any|other)\s+((?:[\w-]+\s+){1,3}?)(?:are\s+|is\s+)?(?:also\s+|very\s+|most\s+)?welcome",
    re.I,
)


# (not when "only" is of a time or a place: "a group for people with dementia only on Fridays")
_ONLY_AFTER = re.compile(
    r"\s*(?:[-–(]\s*)?only\b(?!\s+(?:on|at|in|during|between|from|until|till|by|when|if|once|every|each|open)\b)",
    re.I,
)


# "..., a Help to Claim service, a Macmillan benefits project and outreach at GP surgeries": the last
# but one of a list of what an organisation runs
LONG_LIST_ITEMS = 4
_AN_OFFER_IN_A_LIST = re.compile(
    r"(?:\s+[\w'-]+){0,2}?\s+(?:project|service|scheme|programme|team|clinic|worker|advisers?)\s+(?:and|or)\s",
    re.I,
)


# A sentence that only says whom the service is for, wherever it stands: "For the Polish-speaking
# community.", "Open to people living with dementia and their carers."
_SAYS_WHO_FOR = re.compile(
    r"^\W*(?:(?:specifically\s+|exclusively\s+)?for|open\s+to|aimed\s+at|designed\s+for)\s+"
    r"(?:the\s+|all\s+|any\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
