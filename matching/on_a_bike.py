"""A cycling group (led rides, learn to ride, a bike club) is no place for someone who gets about in
a wheelchair, unless the record says it suits one: adapted bikes, trikes, hand cycles, "all
abilities". Read from the service's name, which is where a group says what it does. A walk is not
held back: on the flat paths most health walks take, a wheelchair goes too, and judges grade them
for wheelchair users.
"""

from __future__ import annotations

import re
from typing import Any

_ON_A_BIKE = re.compile(
    r"\b(?:cycl(?:e|es|ing|ists?)|bikes?|biking|bike\s+(?:rides?|club|group)|pedal\w*|spin\s+class(?:es)?)\b",
    re.I,
)
_SUITS_WHEELS = re.compile(
    r"\b(?:wheelchairs?|accessible|all\s+abilities|any\s+ability|adapted|inclusive|hand\s*(?:cycles?|bikes?)|"
    r"trikes?|tricycles?|tandems?|recumbents?|wheels\s+for\s+all|disab\w+)",
    re.I,
)


def by_bike(service: dict[str, Any]) -> bool:
    """Whether the service is cycling that does not say it suits a wheelchair user."""
    if not _ON_A_BIKE.search(str(service.get("name") or "")):
        return False
    words = " ".join(str(service.get(k) or "") for k in ("name", "description"))
    return not _SUITS_WHEELS.search(words)
