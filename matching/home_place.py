"""Where a person's words say they live: "Mr B, 84, Histon, lives alone", "Lives Ely", "moved to
St Neots from London", "Littlehampton lady". A new installation may know a postcode only by its
district's centre, which in the Fens or the Dales can be 10 km from the village the person lives
in; the village named is the finer point. Pure: the caller looks the names up and judges whether
they lie in the postcode's district.

A neighbourhood the words name also says where the person does not live: someone who says
"Southmead" is not a resident of Horfield next door, though the two wards' centres are 1.3 km apart
and Horfield's circle holds Southmead's (`outside_neighbourhoods`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .service import haversine_km
from .understanding.areas import Place

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


# Two centres closer than this are one neighbourhood's: the parts of one ward's name ("Bishopston"
# and "Ashley Down"), drawn from ward vintages whose centres moved a little.
SAME_CENTRE_KM = 0.5


def _km(one: Place, other: Place) -> float:
    return float(haversine_km(one.lat, one.lng, other.lat, other.lng))


def _same_place(one: Place, other: Place) -> bool:
    # "Chorlton" and "Chorlton Park", "Sale" and "Sale Moor" are the same place to their people
    return one.name.split()[0] == other.name.split()[0] or _km(one, other) <= SAME_CENTRE_KM


def outside_neighbourhoods(homes: Sequence[Place], neighbourhoods: Sequence[Place]) -> list[Place]:
    """The neighbourhoods a person who says they live in `homes` does not live in: each one next to
    a home and of about its size, whose circle holds the home's centre as the home's holds its own
    (Horfield beside Southmead). A town around the home is not among `neighbourhoods` (the caller
    gives wards' places only), and words naming two ("Broadheath, Altrincham") give two homes."""
    return [
        other
        for other in neighbourhoods
        if not any(_same_place(home, other) for home in homes if home.la == other.la)
        and any(home.la == other.la and _km(home, other) <= min(home.km, other.km) for home in homes)
    ]
