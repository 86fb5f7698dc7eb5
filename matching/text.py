"""Light text normalisation shared by need inference and auto-tagging.

People write "hardly leaves the house", "Men’s Shed", "can't pay the bills"; the taxonomy lists
"hardly leave the house", "men's shed", "cant pay the bills". We compare token sequences after
folding case, curly apostrophes, possessives and plurals, so both sides meet in the middle
without a stemmer that would turn "housing" into "house".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# Numbers as people write them in words ("three weeks ago", "forty-five").
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
# Words ending in "s" that are not plurals; stripping their "s" would merge them with other words.
_NOT_PLURAL = frozenset(
    {
        "hers",
        "ours",
        "yours",
        "theirs",
        "this",
        "thus",
        "plus",
        "less",
        "unless",
        "across",
        "always",
        "perhaps",
        "news",
        "series",
        "species",
        "means",
        "physics",
        "politics",
        "lens",
    }
)


@lru_cache(maxsize=65536)
def _word(token: str) -> str:
    if "'" in token:
        # "men's" -> "men", "can't" -> "cant", "o'clock" -> "oclock"
        if token.endswith("'s"):
            token = token[:-2]
        token = token.replace("'", "")
    if len(token) <= 3 or not token.endswith("s") or token in _NOT_PLURAL:
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("aches"):  # "headaches" -> "headache", not "headach"
        return token[:-1]
    if token.endswith(("sses", "shes", "ches", "xes")):
        return token[:-2]
    if token.endswith(("ss", "us", "is")):
        return token
    return token[:-1]


def tokens(text: str | None) -> list[str]:
    """Normalised word tokens of `text`, in order."""
    if not text:
        return []
    lowered = text.translate(_APOSTROPHES).lower()
    return [_word(t) for t in _TOKEN.findall(lowered)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(tokens(phrase))


def ngrams(words: list[str], max_n: int) -> Iterator[tuple[str, ...]]:
    """Every contiguous run of 1..max_n words, as tuples."""
    count = len(words)
    for n in range(1, max_n + 1):
        for start in range(count - n + 1):
            yield tuple(words[start : start + n])


# "Our chair-based exercise class finished in 2023 and has not been replaced": a sentence telling
# what the organisation no longer runs is not what it offers.
_WHAT_ENDED = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:our|the|a|an)\s+(?:[\w'-]+\s+){0,5}?"
    r"(?:class|classes|group|groups|club|clubs|session|sessions|course|courses|scheme)\s+"
    r"(?:has\s+|have\s+|was\s+|were\s+)?(?:finished|ended|stopped|closed|folded|ceased)\b[^.!?\n]*[.!?]?",
    re.I,
)


# (a break is not an end: "has finished for the summer and restarts in September")
_BACK_AGAIN = re.compile(
    r"\b(?:restart\w*|resum\w*|returns?|back\s+(?:in|on|from|after)|until|till|for\s+the\s+(?:summer|winter|holidays?))\b",
    re.I,
)


def without_what_ended(text: str) -> str:
    """`text` less the sentences that say a class or group of the organisation's has ended."""
    return _WHAT_ENDED.sub(lambda m: m.group(0) if _BACK_AGAIN.search(m.group(0)) else " ", text)
