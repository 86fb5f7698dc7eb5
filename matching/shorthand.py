"""The shorthand of care, health and housing teams, said in words.

Teams' own lists and referral notes write "MH peer support", "DA helpline", "LD", "w/c access",
"o50s". ("SU" is left alone: a service user in one team's notes, substance use in another's; so
are benefits' letters, "UC", "PIP", which say who may come more often than what for.) The readers (need phrases, the sentence model, groups, delivery) know the
words, not the letters, so the words are added beside the letters: "MH (mental health) peer
support". Capitals only, whole tokens: "da" or "Su" in ordinary prose are left alone, and a
postcode district ("DA1", "LD3") is one token with its number.
"""

from __future__ import annotations

import re

_ACRONYMS = {
    "MH": "mental health",
    "SMI": "severe mental illness",
    "DA": "domestic abuse",
    "DV": "domestic violence",
    "LD": "learning disability",
    "NFA": "no fixed abode",
    "ASD": "autism",
    "CYP": "children and young people",
    "SPLW": "social prescribing link worker",
}
# Where a cancer is, as clinicians' notes name it before or after "ca" (cancer).
ORGAN = (
    r"(?:prostate|breast|bowel|lung|skin|ovarian|cervical|pancreatic|bladder|kidney|renal|throat|oesophageal|"
    r"stomach|gastric|colon|colorectal|rectal|liver|brain|head\s+and\s+neck)"
)
_ACRONYM = re.compile(r"(?<![\w/])(" + "|".join(_ACRONYMS) + r")(?![\w/])(?!\s*\()")
_MACHINES_OF_ANOTHER_KIND = re.compile(
    r"\b(?:gym|fitness|weights|cardio|induction|exercise|laundr\w*|washing)\b", re.I
)


def _gambling_machines(match: re.Match[str]) -> str:
    text = match.string
    start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    end = min(
        (i for i in (text.find(".", match.end()), text.find("\n", match.end())) if i >= 0), default=len(text)
    )
    if _MACHINES_OF_ANOTHER_KIND.search(text, start, end):
        return match.group(0)
    return f"{match.group(1)} the gambling {match.group(2) or ''}machines"


_WORDS = (
    (re.compile(r"(?<!\w)w/c(?!\w)", re.I), "wheelchair"),
    (re.compile(r"(?<!\w)f2f(?!\w)", re.I), "face to face"),
    # "dep + anx", "anx/dep": a clinician's note of depression and anxiety
    (
        re.compile(r"(?<![\w/])(?:dep\s*(?:\+|&|/|and)\s*anx|anx\s*(?:\+|&|/|and)\s*dep)(?![\w/])", re.I),
        "depression and anxiety",
    ),
    # "tel + f2f", "tel only", "tel/online": a way the service is given; not "Tel: 0191 …"
    (
        re.compile(
            r"(?<!\w)tel\.?(?=\s*(?:\+|/|&|,|\bonly\b|\band\b|\bsupport\b|\bcasework\b|$))", re.I | re.M
        ),
        "telephone",
    ),
    (re.compile(r"(?<!\w)s/r(?!\w)", re.I), "self-referral"),
    # "mens peer grp", "HVN grp": a team's list says group in three letters
    (re.compile(r"(?<![\w/])grp(s?)(?![\w/])", re.I), r"group\1"),
    # "prostate ca", "Ca breast": cancer, in a clinician's note (never "CA" alone: Citizens Advice)
    (re.compile(rf"\b({ORGAN})\s+ca\b(?!\w)", re.I), r"\1 cancer"),
    (re.compile(rf"\bca\.?\s+({ORGAN})\b", re.I), r"cancer of the \1"),
    (re.compile(r"\bprof(?:essional)?\.?\s+ref(?:erral)?\b\.?", re.I), "professional referral"),
    (re.compile(r"\bo(\d{2})s\b"), r"over \1s"),
    # "home O2", "on O2 at night": oxygen at home, as a respiratory nurse or fire officer notes it
    (re.compile(r"\b(home|on|night(?:time)?)\s+O2\b"), r"\1 oxygen"),
    # "puffed out on the stairs", "gets puffed": breathless, as people say it
    (re.compile(r"\bpuffed(?:\s+out)?\b", re.I), "breathless"),
    # a tab is a cigarette in the North ("still has a tab at the back door", "wants to pack in the
    # tabs"); "tabs" alone may be tablets, so only the words of smoking one or giving them up
    (
        re.compile(
            r"\b((?:has|have|having|had|for|sneaks?|sneaking|nip(?:s|ping)?\s+out\s+for)\s+a)\s+tab\b(?!\w)"
            r"|\b((?:pack(?:s|ing)?\s+in|give\s+up|giving\s+up|stop|quit)\s+(?:the\s+|his\s+|her\s+|me\s+|my\s+)?)tabs\b",
            re.I,
        ),
        lambda m: f"{m.group(1)} cigarette" if m.group(1) else f"{m.group(2)}cigarettes",
    ),
    # "on the machines", "the fruit machines": gambling on fixed-odds or fruit machines, as people say
    # it; not a gym's or a laundry's ("an induction on the machines", "on the machines at the gym")
    (
        re.compile(r"\b(on|at|plays?|playing)\s+the\s+(fruit\s+)?machines\b", re.I),
        _gambling_machines,
    ),
    # "M only", "F only": a team's column for who may come
    (re.compile(r"(?<![\w/])M\s+only\b"), "men only"),
    (re.compile(r"(?<![\w/])F\s+only\b"), "women only"),
)


def in_words(text: str) -> str:
    """`text` with the teams' shorthand said in words as well."""
    if not text:
        return text
    text = _ACRONYM.sub(lambda m: f"{m.group(1)} ({_ACRONYMS[m.group(1)]})", text)
    for pattern, words in _WORDS:
        text = pattern.sub(words, text)
    return text


def is_gloss(before: str, clause: str) -> bool:
    """Whether `clause` is only what in_words added to explain the shorthand that ends `before`:
    "Not DA" then "domestic abuse" (from "Not DA (domestic abuse)") are one thing said."""
    last = before.split()[-1] if before.split() else ""
    return _ACRONYMS.get(last, "").lower() == clause.strip().lower() != ""
