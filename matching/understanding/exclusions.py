"""Who a service turns away, read from its exclusion statements: "Exclusion criteria: active psychosis;
primary drug or alcohol dependency", "Not suitable for people in crisis". Only inside such a
statement: a drug and alcohol service naming "alcohol dependency" as what it helps with excludes
nobody. The vocabulary and the person's side are in matching.exclusions."""

from __future__ import annotations

import re

from ..exclusions import BY_EXCLUSION, EXCLUSIONS
from .record import Record
from .result import Finding
from .rules import quote

_STATEMENT = re.compile(
    r"\b(?:exclusions?(?:\s+criteria)?\s*[:\-]|excluded\s*:|not\s+(?:suitable|appropriate)\s+(?:for|if)|"
    # a referrer's own heading: "Do not refer if: caller is currently drinking heavily"
    r"(?:do\s+not|don't)\s+refer\s+(?:if|when)\s*:|"
    r"(?:cannot|can't|unable\s+to|do\s+not|don't)\s+(?:see|support|accept|work\s+with|take)\s+(?:people|anyone|"
    r"those|referrals\s+for)|"
    # "no one on the sex offenders register, sorry"
    r"\bno\s+(?:one|body|anyone)\s+(?:on|with|who)\b|"
    # "without an existing diagnosis of heart disease, stroke, diabetes", "not for people already
    # diagnosed with diabetes"
    r"\bwithout\s+(?:an?\s+)?(?:existing|known|prior|previous|current)?\s*diagnos\w+\s+of|"
    r"\bnot\s+for\s+(?:people|anyone|those)\s+(?:who\s+(?:are|have\s+been)\s+)?(?:already\s+)?diagnosed\b|"
    # "Council tenants should contact their landlord instead"
    r"\b(?:\w+\s+){0,2}?(?:council|local\s+authority)\s+tenants?\s+(?:should|please|must|need\s+to|can)\s+"
    r"(?:contact|go\s+to|ask|call|apply\s+to)\s+(?:their|your|the)\s+(?:landlord|housing|council)[^.\n]*)[^\n]*"
    # a heading's list below it: "Exclusion criteria:\n• Current psychosis\n• Primary alcohol dependence"
    r"(?:\n[ \t]*[•*·\-–][^\n]*)*",
    re.I,
)


# "for older or disabled people living alone", "for people who live on their own": said as who it
# is for, with no exclusion statement, it still turns away someone who lives with others.
_LIVING_ALONE = (
    r"(?:people|adults|residents|pensioners|those|anyone|men|women|over\s*\d\d'?s)(?:\s+(?:aged\s+)?\d\d\s*\+?)?\s+"
    r"(?:who\s+(?:are\s+)?|that\s+)?(?:living|live)\s+(?:alone|on\s+their\s+own|by\s+themselves)\b"
    # "who live alone or are housebound": either will do
    r"(?!\s*,?\s*or\b)"
)
_FOR_LIVING_ALONE = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,5}?" + _LIVING_ALONE, re.I)
# an eligibility field says whom it is for without "for": "People aged 60+ living alone in Wigan"
_ELIGIBLE_LIVING_ALONE = re.compile(r"^\W*(?:[\w+-]+\s+){0,3}?" + _LIVING_ALONE, re.I)


# "For people with a dementia diagnosis", "Diagnosis of dementia + the person who supports them"
_DIAGNOSIS_REQUIRED = re.compile(
    r"\b(?:(?:with|have|has|had)\s+(?:a\s+|an\s+)?(?:confirmed\s+|formal\s+)?(?:dementia|alzheimer'?s)\s+diagnosis|"
    r"(?:^|for\s+(?:people|those|anyone)\s+with\s+(?:a\s+)?)(?:confirmed\s+|formal\s+)?diagnosis\s+of\s+"
    r"(?:dementia|alzheimer'?s)|(?:must|should)\s+(?:have|be)\s+(?:a\s+)?(?:dementia\s+)?diagnos\w+|"
    # a course for the newly diagnosed, read only where the record is about dementia (below)
    r"within\s+(?:\d+|six|twelve)\s+(?:months?|years?)\s+of\s+(?:a\s+|their\s+|your\s+)?diagnosis|"
    r"(?:people|those)\s+(?:recently|newly)\s+diagnosed|"
    # "Who comes? People with a diagnosis and their carers" (in a record about dementia)
    r"(?:people|those|anyone)\s+with\s+a\s+diagnosis\b(?!\s+of\s+(?!dementia|alzheimer))"
    r")"
    # "a dementia diagnosis or memory problems", "(or memory concerns)": either will do
    r"(?!\s*[(,]?\s*or\b)",
    re.I | re.M,
)


_ABOUT_DEMENTIA = re.compile(r"\b(?:dementia|alzheimer|memory)", re.I)
# learning English, not "English spoken"
_ABOUT_ENGLISH = re.compile(
    r"\b(?:esol|english\s+(?:class(?:es)?|conversation|lessons?|language|practice|club|courses?)|functional\s+skills\s+english|"
    r"(?:learn|learning|practi[sc]e|practi[sc]ing|improve|speaking|speak)\s+(?:your\s+|their\s+)?english)\b",
    re.I,
)
_NO_ENGLISH = BY_EXCLUSION["no_english"].service
_LITTLE_ENGLISH = BY_EXCLUSION["little_english"].service
# ("not suitable for beginners" in a running club turns away beginners at running, not at English)
# (and not what is read wherever it is said, below: a statement would only find it again)
# What a service asks of whoever comes, read wherever the record says it: "you must be able to walk 5
# miles" (a walk's or a task's demand), where on the cancer journey or with dementia it is for ("not
# for people in active treatment", "Stage: mild to moderate"), and whether it takes people in care
# homes or hostels, or dogs.
_DEMANDS = tuple(
    (code, BY_EXCLUSION[code].service)
    for code in (
        "cannot_walk_far",
        "heavy_work",
        "in_treatment",
        "finished_treatment",
        "later_stage_dementia",
        "in_care_home",
        "in_hostel",
        "has_a_dog",
        "long_on_the_streets",
        "learning_disability",
    )
)
_READ_ANYWHERE = ("no_english", "little_english", "no_right_to_work", *(code for code, _ in _DEMANDS))
_IN_STATEMENTS = tuple(e for e in EXCLUSIONS if e.code not in _READ_ANYWHERE)
# "Must have right to work in the UK" is a rule wherever it is said, without an exclusions heading
_RIGHT_TO_WORK = BY_EXCLUSION["no_right_to_work"].service
# "Asylum seekers very welcome – no right to work needed"
_NONE_NEEDED = re.compile(r"\b(?:no|not|without|(?:don'?t|do\s+not)\s+need)\s+(?:\w+\s+)?$", re.I)


# "Uncontrolled angina/BP – GP clearance required": the condition only when it is not in hand, which a
# person's "has angina" does not tell
_ONLY_WHEN = re.compile(r"\b(?:uncontrolled|unstable|unmanaged|severe|acute)\s+$", re.I)
# "sexual offences where no risk assessment is available": turned away only without something else
_ONLY_IF_AFTER = re.compile(r"\s*(?:where|unless|if\s+(?:no|not)|without)\b", re.I)


def find_exclusions(record: Record) -> list[Finding]:
    found: dict[str, Finding] = {}
    about_english = any(_ABOUT_ENGLISH.search(record.texts.get(f, "")) for f in ("name", "description"))
    about_dementia = any(
        _ABOUT_DEMENTIA.search(record.texts.get(f, "")) for f in ("name", "description", "eligibility")
    )
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        beginners = _NO_ENGLISH.search(text) if about_english else None
        if beginners and "no_english" not in found:
            found["no_english"] = Finding("no_english", 0.8, field, quote(text, beginners))
        level = _LITTLE_ENGLISH.search(text) if about_english else None
        if level and "little_english" not in found:
            found["little_english"] = Finding("little_english", 0.8, field, quote(text, level))
        diagnosed = _DIAGNOSIS_REQUIRED.search(text) if about_dementia else None
        if diagnosed and "no_dementia_diagnosis" not in found:
            found["no_dementia_diagnosis"] = Finding(
                "no_dementia_diagnosis", 0.8, field, quote(text, diagnosed)
            )
        right_to_work = next(
            (m for m in _RIGHT_TO_WORK.finditer(text) if not _NONE_NEEDED.search(text, 0, m.start())), None
        )
        if right_to_work and "no_right_to_work" not in found:
            found["no_right_to_work"] = Finding("no_right_to_work", 0.8, field, quote(text, right_to_work))
        for code, demand in _DEMANDS:
            asked = demand.search(text)
            if asked and code not in found:
                found[code] = Finding(code, 0.8, field, quote(text, asked))
        alone = _FOR_LIVING_ALONE.search(text) or (
            _ELIGIBLE_LIVING_ALONE.search(text) if field == "eligibility" else None
        )
        if alone and "lives_with_others" not in found:
            found["lives_with_others"] = Finding("lives_with_others", 0.8, field, quote(text, alone))
        for statement in _STATEMENT.finditer(text):
            for exclusion in _IN_STATEMENTS:
                match = exclusion.service.search(text, statement.start(), statement.end())
                if match and (
                    _ONLY_WHEN.search(text, max(statement.start(), match.start() - 16), match.start())
                    or _ONLY_IF_AFTER.match(text, match.end())
                ):
                    continue
                if match and exclusion.code not in found:
                    found[exclusion.code] = Finding(exclusion.code, 0.85, field, quote(text, match))
    return list(found.values())
