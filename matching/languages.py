"""The languages a person needs a service in, read from a link worker's words, and whether the
person has any English at all. Plain library: no Flask, database or network."""

from __future__ import annotations

import re

# Languages a person may need a service in, with the words a service would use for them.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "cantonese": ("cantonese", "chinese"),
    "mandarin": ("mandarin", "chinese"),
    "chinese": ("chinese", "cantonese", "mandarin"),
    "urdu": ("urdu",),
    "punjabi": ("punjabi",),
    "bengali": ("bengali", "bangla", "sylheti"),
    "sylheti": ("sylheti", "bengali"),
    "gujarati": ("gujarati",),
    "hindi": ("hindi",),
    "polish": ("polish",),
    "arabic": ("arabic",),
    "somali": ("somali",),
    "kurdish": ("kurdish",),
    "farsi": ("farsi", "persian"),
    "pashto": ("pashto",),
    "tigrinya": ("tigrinya",),
    "amharic": ("amharic",),
    "romanian": ("romanian",),
    "ukrainian": ("ukrainian",),
    "russian": ("russian",),
    "portuguese": ("portuguese",),
    "spanish": ("spanish",),
    "turkish": ("turkish",),
    "vietnamese": ("vietnamese",),
    "tamil": ("tamil",),
    "czech": ("czech",),
    "slovak": ("slovak",),
    "lithuanian": ("lithuanian",),
    "latvian": ("latvian",),
    "bulgarian": ("bulgarian",),
    "hungarian": ("hungarian",),
    "albanian": ("albanian",),
    "italian": ("italian",),
    "greek": ("greek",),
    "french": ("french",),
    "nepali": ("nepali", "nepalese"),
    "dari": ("dari", "farsi", "persian"),
    "tagalog": ("tagalog", "filipino"),
    "malayalam": ("malayalam",),
    "yiddish": ("yiddish",),
}
_NEEDS_LANGUAGE = re.compile(
    r"\b(speaks?|speaking|in (his|her|their|my) own language|little english|no english|"
    r"not much english|doesn'?t speak english|first language|[a-z]+-speaking|interpret\w*|translat\w*)\b",
    re.I,
)

# How a link worker notes that one language is all the person has: "Cantonese only", "mainly
# Urdu", "only speaks Polish". Not "Arabic, some English": a service in English will do.
_SAID_ONLY = r"\b{lang}\s+only\b"
_ONLY_LANGUAGE = _SAID_ONLY + r"|\b(?:mainly|mostly|only|just)\s+(?:speaks\s+)?{lang}\b"


# "speaks good English", "speaks Greek and English": a service in English will do
_HAS_ENGLISH = re.compile(
    r"\b(?:good|fluent|great|decent|perfect|excellent)\s+english\b|"
    r"\bspeaks?\s+(?:[a-z]+\s+(?:and|&)\s+)?english\b",
    re.I,
)


def languages_needed(goals: str) -> list[str]:
    """Languages the words say the person needs ("speaks Cantonese and very little English",
    "Cantonese only (daughter interpreting)", "mainly Urdu")."""
    goals = goals or ""
    if _HAS_ENGLISH.search(goals):
        return []
    cued = bool(_NEEDS_LANGUAGE.search(goals))
    return [
        lang
        for lang in LANGUAGES
        if re.search(rf"\b{lang}\b", goals, re.I)
        and (cued or re.search(_ONLY_LANGUAGE.format(lang=lang), goals, re.I))
    ]


# Someone with no English at all: "no English", "doesn't speak English", "Portuguese only", a total
# beginner at English. Not "little English" or "some English": a conversation class takes them.
_NO_ENGLISH = re.compile(
    r"\b(?:no|zero|not\s+a\s+word\s+of)\s+english\b|"
    r"\b(?:doesn'?t|does\s+not|don'?t|do\s+not|can'?t|cannot)\s+speak\s+(?:any\s+)?english\b|"
    r"\b(?:total|complete|absolute)\s+beginners?\b[^.;]{0,30}\benglish\b|\benglish\b[^.;]{0,30}\b(?:total|"
    r"complete|absolute)\s+beginners?\b",
    re.I,
)


# "Portuguese only": the one way of noting it that says there is no English beside it
_ANY_LANGUAGE_ONLY = re.compile(_SAID_ONLY.format(lang="(?:" + "|".join(LANGUAGES) + ")"), re.I)


# "very little English", "a few words of English", "not much English", "limited English": below the
# level an English course that starts at Entry 2 or 3 asks for (and so, of course, is none at all).
_LITTLE_ENGLISH = re.compile(
    r"\b(?:(?:very\s+)?little|a\s+(?:few|couple\s+of)\s+words\s+of|not\s+(?:much|a\s+lot\s+of)|limited|"
    r"hardly\s+any|barely\s+any|only\s+basic|very\s+basic)\s+english\b",
    re.I,
)


def has_little_english(goals: str | None) -> bool:
    """Whether the words say the person has little or no English yet."""
    return bool(_LITTLE_ENGLISH.search(goals or "")) or speaks_no_english(goals)


def speaks_no_english(goals: str | None) -> bool:
    """Whether the words say the person has no English yet."""
    text = goals or ""
    return bool(_NO_ENGLISH.search(text) or _ANY_LANGUAGE_ONLY.search(text))
