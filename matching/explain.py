"""Why a service fits (reasons) and what to check before referring (warnings).

Reasons are structured: a kind and its values ({"kind": "distance", "km": 1.24},
{"kind": "needs", "codes": ["loneliness"]}), so the app puts them into words and a page can place
each kind where it belongs without reading English back. Warnings are still short phrases
("waiting list about 6 weeks", "last checked 14 months ago", "times not recorded").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .constraints import WARN_TIMES, Check
from .profile import DAYS
from .service import delivery_modes, verified_age_days
from .situations import BY_CODE as SITUATION_CODES

_MONEY = re.compile(r"£\s?\d")
DAYS_PER_MONTH = 365.25 / 12
WARN_FREE_TEXT_TIMES = "check the days: times are free text"
PRICED_BANDS = ("free", "low_cost", "paid")


def lower_label(label: str) -> str:
    # "Loneliness and isolation" -> "loneliness and isolation"; leave "LGBTQ+ people" alone.
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def cost_reason(service: dict[str, Any]) -> dict[str, Any] | None:
    """The band, and the amount when the listing states one ("£3.50 per session"): the amount is
    what people ask about."""
    band = service.get("cost_band")
    text = (service.get("cost_text") or "").strip()
    if text and _MONEY.search(text):
        return {"kind": "cost", "band": band or "unknown", "amount": text}
    return {"kind": "cost", "band": band} if band in PRICED_BANDS else None


def times_reason(service: dict[str, Any]) -> dict[str, Any] | None:
    """Opening times as sessions (days in week order, opening and closing time), grouped by hours;
    else the service's days; else its schedule in its own words."""
    groups: dict[tuple[Any, ...], list[str]] = {}
    for schedule in service.get("schedules") or ():
        key = (schedule.get("opens_at"), schedule.get("closes_at"))
        days = groups.setdefault(key, [])
        days.extend(d for d in schedule.get("byday") or () if d not in days)
    sessions = []
    for (opens, closes), days in groups.items():
        known = [d for d in DAYS if d in days]
        if known or opens:
            sessions.append({"days": known, "opens": opens, "closes": closes})
    if not sessions:
        days = [d for d in DAYS if d in (service.get("days") or ())]
        if days:
            sessions.append({"days": days, "opens": None, "closes": None})
    if sessions:
        return {"kind": "times", "sessions": sessions}
    if service.get("schedule_text"):
        return {"kind": "times", "note": str(service["schedule_text"]).strip()}
    return None


def route_reasons(service: dict[str, Any]) -> list[dict[str, Any]]:
    """How to get in: "self", "drop_in", or "professional_only" when a referral is the only way."""
    routes = set(service.get("referral_routes") or ())
    out = [{"kind": "route", "code": code} for code in ("self", "drop_in") if code in routes]
    if "professional" in routes and not routes & {"self", "drop_in"}:
        out.append({"kind": "route", "code": "professional_only"})
    return out


def reasons(
    service: dict[str, Any],
    distance_km: float | None,
    exemption: str | None,
    needs_met: Sequence[str],
    across_border: str | None = None,
) -> list[dict[str, Any]]:
    """In the order a link worker reads them: where (exemption, distance, and the authority its
    venue is in when that is not the person's: `service.over_the_border`), the needs it meets,
    cost, times, how to get in."""
    out: list[dict[str, Any]] = []
    if exemption:
        out.append({"kind": "exemption", "code": exemption})
    if distance_km is not None and "in_person" in delivery_modes(service):
        where: dict[str, Any] = {"kind": "distance", "km": distance_km}
        if across_border:
            where["authority"] = across_border
        out.append(where)
    if needs_met:
        out.append({"kind": "needs", "codes": list(needs_met)})
    for reason in (cost_reason(service), times_reason(service)):
        if reason:
            out.append(reason)
    out.extend(route_reasons(service))
    return out


def months_ago(days: float) -> int:
    return int(days // DAYS_PER_MONTH)


def warnings(service: dict[str, Any], check: Check, now: datetime, days_requested: bool = False) -> list[str]:
    out = []
    if service.get("accepting_referrals") is False:
        out.append("not accepting referrals at the moment")
    else:
        wait = service.get("wait_weeks")
        if isinstance(wait, (int, float)) and not isinstance(wait, bool) and wait >= 1:
            weeks = int(round(wait))
            out.append(f"waiting list about {weeks} week{'s' if weeks != 1 else ''}")
    age = verified_age_days(service, now)
    if age is None:
        out.append("never checked")
    elif months_ago(age) > 12:
        out.append(f"last checked {months_ago(age)} months ago")
    for warning in check.warnings:
        if warning == WARN_TIMES and service.get("schedule_text"):
            # Times exist as free text (shown as a reason) that we cannot check against days.
            if days_requested:
                out.append(WARN_FREE_TEXT_TIMES)
            continue
        if warning not in out:
            out.append(warning)
    return out


GOES_AGAINST = {
    "not_coffee_mornings": "coffee-morning style",
    "not_talking_much": "mostly talking",
    "not_groups": "a group",
    "quiet": "may be busy or loud",
    "evenings": "daytime only",
    "daytime": "evenings only",
    "weekends": "weekdays only",
    "not_online": "online only",
    "not_by_phone": "by phone only",
    "free_only": "has a charge",
    "not_faith_based": "faith-based",
}


def fit_reasons(circumstance: Any, preference: Any) -> list[dict[str, Any]]:
    """What makes a service suit this person in particular: a group it is for
    ({"kind": "for_group", "code": "veterans"}) or a liking it suits ({"kind": "suits", "code": "evenings"})."""
    out = [
        {"kind": "for_situation" if code in SITUATION_CODES else "for_group", "code": code}
        for kind, code in circumstance.reasons
        if kind == "for_group"
    ]
    out.extend({"kind": "suits", "code": code} for kind, code in preference.reasons if kind == "suits")
    return out


def fit_warnings(preference: Any) -> list[str]:
    """What goes against what the person said they like ("coffee-morning style")."""
    return [
        GOES_AGAINST[code] for kind, code in preference.reasons if kind == "against" and code in GOES_AGAINST
    ]
