"""Human-readable reasons and warnings for a match, in the words a link worker would use.

Reasons say why a service fits ("1.2 km away", "free", "Tue 10:00–12:00", "meets: ...");
warnings say what to check before referring ("waiting list about 6 weeks", "last checked
14 months ago", "times not recorded").
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Sequence

from .constraints import EXEMPTION_LABELS, WARN_TIMES, Check
from .service import DAY_ORDER, delivery_modes, verified_age_days

DAY_SHORT = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat",
             "SU": "Sun"}
_MONEY = re.compile(r"£\s?\d")
DAYS_PER_MONTH = 365.25 / 12
WARN_FREE_TEXT_TIMES = "check the days: times are free text"


def distance_text(km: float) -> str:
    """"350 m away" under 1 km (to the nearest 10 m), else "1.2 km away"."""
    if km < 0.995:
        return f"{max(10, int(round(km * 100)) * 10)} m away"
    return f"{km:.1f} km away"


def cost_text(service: dict) -> str | None:
    text = (service.get("cost_text") or "").strip()
    if text and _MONEY.search(text):
        return text  # "£3.50 per session": the amount is what people ask about
    return {"free": "free", "low_cost": "small charge", "paid": "paid"}.get(service.get("cost_band"))


def days_text(days: Sequence[str]) -> str:
    """Day codes as "Mon, Wed" or, for three or more consecutive days, "Mon–Fri"."""
    idx = sorted({DAY_ORDER.index(d) for d in days if d in DAY_ORDER})
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = []
    for run in runs:
        names = [DAY_SHORT[DAY_ORDER[i]] for i in run]
        parts.append(f"{names[0]}–{names[-1]}" if len(run) >= 3 else ", ".join(names))
    return ", ".join(parts)


def times_text(service: dict) -> str | None:
    """Opening times grouped by hours: "Tue, Thu 10:00–12:00; Sat 09:00–11:00"."""
    groups: dict[tuple, list[str]] = {}
    for schedule in service.get("schedules") or ():
        key = (schedule.get("opens_at"), schedule.get("closes_at"))
        days = groups.setdefault(key, [])
        days.extend(d for d in schedule.get("byday") or () if d not in days)
    parts = []
    for (opens, closes), days in groups.items():
        hours = f"{opens}–{closes}" if opens and closes else (f"from {opens}" if opens else "")
        label = " ".join(p for p in (days_text(days), hours) if p)
        if label:
            parts.append(label)
    if not parts and service.get("days"):
        parts.append(days_text(service["days"]))
    if not parts and service.get("schedule_text"):
        parts.append(str(service["schedule_text"]).strip())
    return "; ".join(parts) or None


def lower_label(label: str) -> str:
    # "Loneliness and isolation" -> "loneliness and isolation"; leave "LGBTQ+ people" alone.
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def needs_text(codes: Sequence[str], taxonomy) -> str | None:
    if not codes:
        return None
    labels = [lower_label(taxonomy.label(c)) if taxonomy is not None else c for c in codes]
    return "meets: " + ", ".join(labels)


def access_text(service: dict) -> list[str]:
    routes = set(service.get("referral_routes") or ())
    out = []
    if "self" in routes:
        out.append("self-referral")
    if "drop_in" in routes:
        out.append("drop-in")
    if "professional" in routes and not routes & {"self", "drop_in"}:
        out.append("needs a professional referral")
    return out


def reasons(service: dict, distance_km: float | None, exemption: str | None,
            needs_met: Sequence[str], taxonomy=None) -> list[str]:
    out = []
    if exemption:
        out.append(EXEMPTION_LABELS[exemption])
    if distance_km is not None and "in_person" in delivery_modes(service):
        out.append(distance_text(distance_km))
    for text in (needs_text(needs_met, taxonomy), cost_text(service), times_text(service)):
        if text:
            out.append(text)
    out.extend(access_text(service))
    return out


def months_ago(days: float) -> int:
    return int(days // DAYS_PER_MONTH)


def warnings(service: dict, check: Check, now: datetime, days_requested: bool = False) -> list[str]:
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


SUITS = {"evenings": "evening sessions", "weekends": "weekend sessions", "outdoors": "outdoors",
         "not_groups": "one-to-one", "not_talking_much": "an activity, not just talking",
         "quiet": "a quiet setting", "creative": "creative", "active": "active", "phone_ok": "by phone",
         "no_transport": "no travel needed", "women_only_setting": "women only",
         "men_only_setting": "men only"}
GOES_AGAINST = {"not_coffee_mornings": "coffee-morning style", "not_talking_much": "mostly talking",
                "not_groups": "a group", "quiet": "may be busy or loud", "evenings": "daytime only",
                "daytime": "evenings only", "weekends": "weekdays only", "not_online": "online only",
                "free_only": "has a charge", "not_faith_based": "faith-based"}


def fit_reasons(circumstance, preference, taxonomy=None) -> list[str]:
    """"for veterans", "evening sessions": what makes a service suit this person in particular."""
    out = []
    for kind, code in circumstance.reasons:
        if kind == "for_group":
            label = taxonomy.eligibility_label(code) if taxonomy is not None else code.replace("_", " ")
            out.append(f"for {lower_label(label)}")
    out.extend(SUITS[code] for kind, code in preference.reasons if kind == "suits" and code in SUITS)
    return out


def fit_warnings(preference) -> list[str]:
    """What goes against what the person said they like ("coffee-morning style")."""
    return [GOES_AGAINST[code] for kind, code in preference.reasons
            if kind == "against" and code in GOES_AGAINST]
