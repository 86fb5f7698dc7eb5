"""Where a person's words say they live: "Mr B, 84, Histon, lives alone", "Lives Ely", "moved to
St Neots from London", "Littlehampton lady". A new installation may know a postcode only by its
district's centre, which in the Fens or the Dales can be 10 km from the village the person lives
in; the village named is the finer point. Pure: the caller looks the names up and judges whether
they lie in the postcode's district."""

from __future__ import annotations

import re

_CUE = r"(?i:lives?|living|based|moved|moving|relocated|resident|nr|near)\b"
_NAME = rf"(?!{_CUE})[A-Z][\w'’-]*(?:\s+(?:upon|on|in|under|le|de|the|St\.?)?\s*[A-Z][\w'’-]*){{0,3}}"
_WHERE = r"(?:(?:in|at|on|to|near|nr|round|around|out|over|up|down|back|just\s+outside)\s+)*(?:the\s+)?"
_SAYS_HOME = re.compile(
    # "lives Ely", "living in Histon", "moved to St Neots", "based in March"
    rf"\b(?i:lives?|living|based|moved|moving|relocated|resident)\s+(?i:{_WHERE})({_NAME})"
    # "on the site nr Cottenham", "a farm just outside Ramsey"
    rf"|\b(?i:nr|near|just\s+outside)\s+({_NAME})"
    # a clause that is only a place: "Mr B, 84, Histon, lives alone", "Chatteris.", "nr Cottenham)"
    rf"|(?:^|[,;:(]|\.\s|\s[-–]\s)\s*(?i:in\s+|nr\s+|near\s+)?({_NAME})\s*(?=[,;:)]|\.(?:\s|$)|\s[-–]\s|$)"
    # "Littlehampton lady", "Worthing resident"
    rf"|({_NAME})\s+(?i:residents?|lady|man|woman|lad|lass|mum|dad|family|couple)\b"
)
# Places the words name as somewhere else: "rang from Leeds", "works in March", "goes to Ely".
_ELSEWHERE_BEFORE = re.compile(
    r"\b(?:from|works?|working|job|goes|going|went|visits?|visiting|used\s+to\s+live|grew\s+up)\b[^,.;:]{0,20}$",
    re.I,
)


def home_names(words: str | None) -> list[str]:
    """Names the words give as where the person lives, in the order said; the caller keeps those
    that are places and lie where the postcode does."""
    names: list[str] = []
    for match in _SAYS_HOME.finditer(words or ""):
        index = next(i for i in (1, 2, 3, 4) if match.group(i))
        name = match.group(index).rstrip(".")
        if _ELSEWHERE_BEFORE.search(words or "", 0, match.start(index)):
            continue
        if name not in names:
            names.append(name)
    return names
