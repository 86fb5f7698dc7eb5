"""Whether the person's words say a child lives with them: a parent or a kinship carer of a child.

A family hub's services are for families with children. A dad who says "dad of 2 (6 & 9), both on
free school meals" or a nan who has "had her grandson (6) since her daughter went off the rails"
is one of those families, ticked or not. "Her kids" or "two children" on their own are not enough
for someone whose age says the children have grown up and gone ("74, her kids live down south"),
and a lost baby is not a baby at home.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six)"
_UNDER_18 = r"(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
_CHILD = r"(?:kids?|children|child|sons?|daughters?|grandsons?|granddaughters?|grandkids|girls?|boys?|lads?|lasses?|twins|bairns?)"


def _compiled(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.I) for pattern in patterns)


# Words that can only be about a child at home today.
_SURELY = _compiled(
    # an age beside the child: "kids 3 & 8", "grandson (6)", "son is 6", "little girl is 3",
    # "6 year old son"
    rf"\b{_CHILD}\W{{0,3}}(?:is\s+|aged\s+|of\s+|'s\s+)?\(?\s*{_UNDER_18}(?!\s*(?:stone|st|kg|km|miles?|hours?|weeks?|days?|times?|%|am|pm))",
    rf"\b{_UNDER_18}\s*-?\s*(?:yo|y/o|yrs?\s+old|years?\s+old|year[- ]old|yr[- ]old)\s+{_CHILD}",
    r"\blittle\s+(?:girl|boy|one|lad|lass)s?\b",
    r"\b(?:toddler|pre-?schooler|newborn|new\s+baby|(?:\d{1,2}\s*-?\s*(?:weeks?|months?|mths?)[- ]old))\b",
    r"\b(?:free\s+school\s+meals|school\s+run|(?:at|to|from|starts?|starting)\s+nursery|reception\s+class|primary\s+school|child\s+benefit)\b",
    r"\b(?:single|lone)\s+(?:mum|mam|mom|dad|parent)\b",
    # kinship care: "raising her grandson", "special guardianship", "SGO"
    r"\b(?:raising|bringing\s+up|looking\s+after|got|had)\s+(?:my|her|his|their|our)\s+grand(?:son|daughter|kids|children)\b",
    r"\bspecial\s+guardian|(?-i:\bSGO\b)|\bkinship\s+carer",
)
# Words that say children without saying they are young.
_MAYBE = _compiled(
    rf"\b(?:mum|mam|mom|dad|mother|father)\s+of\s+{_NUMBER}\b",
    rf"\b{_NUMBER}\s+(?:kids|children|little\s+ones)\b",
    r"\b(?:his|her|their|my|our|me)\s+(?:kids|children|bairns)\b",
)
# (the children's move, not the person's: "3 kids, moved to Cliftonville in the summer" is a family
# that moved together)
_GONE = re.compile(
    rf"\b(?:grown[- ]?up|adult|moved\s+(?:away|out)|live[sd]?\s+(?:away|abroad|down\s+south)|"
    rf"{_CHILD}\s+(?:\w+\s+){{0,2}}?(?:moved\s+to|live[sd]?\s+in\s+(?-i:[A-Z]))|"
    r"don'?t\s+visit|never\s+visit|lost\s+(?:the|her|his|my|a)?\s*baby|miscarri|stillb)",
    re.I,
)
_PARENT_FROM = 16
# Beyond this, "mum of two" more often has grown-up children than children at home.
_YOUNG_PARENT_UP_TO = 50


@lru_cache(maxsize=512)
def child_at_home(words: str | None, age: int | None = None) -> str | None:
    """The words that say a child lives with the person, or None."""
    text = words or ""
    if not text or (age is not None and age < _PARENT_FROM):
        return None  # "13 yo lad ... looks after his little sister": the child is the person
    for pattern in _SURELY:
        found = pattern.search(text)
        if found and not _GONE.search(text[max(0, found.start() - 40) : found.end() + 40]):
            return found.group(0)
    if age is not None and age > _YOUNG_PARENT_UP_TO:
        return None
    for pattern in _MAYBE:
        found = pattern.search(text)
        if found and not _GONE.search(text):
            return found.group(0)
    return None


# Someone at home with the person: "lives with her daughter", "husband's memory going downhill, she
# does everything". A spouse who has died, left or gone into care is not at home.
# (Not "living with MS": what someone lives with may be an illness.)
_LIVES_WITH = re.compile(
    r"\b(?:lives?|living|stays?|staying)\s+with\s+(?:(?:her|his|my|their|the|an?)\s+)?(?:\w+\s+)?"
    r"(?:husband|wife|partner|son|daughter|family|parents?|mum|mam|mother|dad|father|brother|sister|kids|children|"
    r"grand\w+|boyfriend|girlfriend|friend|lodger|nephew|niece|auntie|aunt|uncle)s?\b|"
    r"\b(?:(?:she|he)\s+and\s+(?:her|his)\s+partner|husband|wife|hubby)\b",
    re.I,
)
_NEAR = 50
_SPOUSE_GONE = re.compile(
    r"\b(?:died|passed|late|lost|widow\w*|bereave\w*|split|separated|divorced|left\s+(?:her|him)|"
    # "her ex", "ex-husband"; not an ex-miner's "ex-Grimethorpe pit"
    r"ex(?:[- ](?:husband|wife|partner|hubby))?(?![-\w])|"
    r"care\s+home|nursing\s+home|in\s+hospital|moved\s+out)",
    re.I,
)


def lives_with_someone(words: str | None) -> str | None:
    """The words that say someone lives with the person, or None."""
    text = words or ""
    for said in _LIVES_WITH.finditer(text):
        # near the words that name them: "since his pit mates passed" later on is not his wife
        if not _SPOUSE_GONE.search(text[max(0, said.start() - _NEAR) : said.end() + _NEAR]):
            return said.group(0)
    return None
