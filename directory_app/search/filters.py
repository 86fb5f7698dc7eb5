"""Meilisearch filter expressions, written once for directory search and match retrieval, so that
"free only" or "within 5 km" means the same on every page and in every API.

The rule for what a listing has not recorded: a free-only or wheelchair filter keeps a service
that has not said what it costs or whether it is step-free. It may well fit; dropping it silently
would hide it, so it is kept and the page marks it ("has not recorded its cost": see
web.display.unknown_lines; the matcher warns "cost not recorded").
"""

from __future__ import annotations

from collections.abc import Sequence

REMOTE = 'delivery IN ["online", "phone"]'


def one_of(attribute: str, values: Sequence[str]) -> str:
    # Values come only from fixed vocabularies checked before this; quoting is belt and braces.
    quoted = ", ".join('"' + str(v).replace("\\", "").replace('"', "") + '"' for v in values)
    return f"{attribute} IN [{quoted}]"


def free_only() -> str:
    """Free, or cost not recorded. NOT IN also keeps a document with no cost_band at all."""
    return 'cost_band NOT IN ["low_cost", "paid"]'


def wheelchair() -> str:
    """Step-free, or access not recorded."""
    return "wheelchair != false"


def age(years: int) -> list[str]:
    return [f"age_min_filter <= {int(years)}", f"age_max_filter >= {int(years)}"]


def within(lat: float, lng: float, km: float) -> str:
    """Within ``km`` of a point; services without a place of their own (phone, online, area-wide)
    are not "beyond" any distance."""
    return f"(_geoRadius({lat:.6f}, {lng:.6f}, {int(km * 1000)}) OR area_wide = true OR {REMOTE})"
