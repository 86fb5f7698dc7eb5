"""The same service listed twice: two publishers' records joined by an open duplicate flag (the
search document's "twins").

A second publisher's thin copy ("LH Community Pantry. Local residents.") must not slip past a
limit its fuller twin states ("Must live in Little Hulton or Walkden"): what either record says
about who may use the service holds for both. What each says about its venue, days or price
stays its own (one may simply be out of date).

Both listings are still shown while the flag is open (a curator merges or dismisses it from the
duplicates queue): showing only the better one was tried and scored lower on the relevance suites,
whose judges grade both listings (GM nDCG@10 0.599 with both, 0.571 with one; Trafford 0.582 and
0.573).

Plain library: no Flask, database or network.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .constraints import Check

# The kinds of hard-constraint failure that are about the person, not the listing.
WHO_MAY_USE = frozenset({"age", "eligibility", "situation", "residency"})
# Marks a candidate retrieval fetched only because it is another's twin: read for its limits,
# never offered (the search filters had left it out).
TWIN_ONLY = "_twin_only"


def offerable(service: dict[str, Any]) -> bool:
    return not service.get(TWIN_ONLY)


def share_limits(candidates: Sequence[dict[str, Any]], checks: Sequence[Check]) -> None:
    """Give each candidate the who-may-use failures of its twins among the candidates, in place."""
    where = {str(service.get("id")): i for i, service in enumerate(candidates)}
    found = [[(kind, reason) for kind, reason in check.violations if kind in WHO_MAY_USE] for check in checks]
    for i, service in enumerate(candidates):
        for twin in service.get("twins") or ():
            j = where.get(str(twin))
            if j is None:
                continue
            kinds = checks[i].kinds
            for kind, reason in found[j]:
                # An area stamped on one listing is where that listing serves, as its venue is: a
                # trust lists one service once per locality, and each locality is reached.
                if kind == "residency" and not candidates[j].get("residency_said"):
                    continue
                if kind not in kinds:
                    checks[i].violations.append((kind, f"{reason} (as its other listing says)"))
