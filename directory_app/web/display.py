"""How a service reads to a person: one plain "card" per service (distance, times, cost, access,
how to get in, freshness), shared by search results, detail, shortlist, print and match pages."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any, overload
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from matching.understanding.schedule import describe_opening_times, next_session, spoken_time
from matching.understanding.season import season_words

from ..vocabulary import DAY_SHORT, PROFESSIONAL_ONLY, PUBLIC_STATUS_LABELS, ROUTE_LABELS

# Freshness in tiers: a warning on every card stops meaning anything, so only a listing that is
# really old (or has an open problem report) gets the yellow box; a year-old one gets a quiet note.
QUIET_AFTER_MONTHS = 12
WARN_AFTER_MONTHS = 24
SHEET_SUMMARY_LIMIT = 600
ENGLAND = ZoneInfo("Europe/London")  # opening times are local times


def _short_day(code: str) -> str:
    return DAY_SHORT.get(code, code[:3])


def when_text(doc: dict) -> str:
    return _when(doc) or "Times not recorded"


def _when(doc: dict) -> str | None:
    parts = []
    for entry in doc.get("schedules") or []:
        if entry.get("interval") or any(code[:1] in "+-123456789" for code in entry.get("rule_byday") or []):
            # "Tue" alone would read as every Tuesday: a monthly or fortnightly session is said in words.
            parts.append(
                describe_opening_times(
                    entry["rule_byday"], entry.get("opens_at"), entry.get("closes_at"), entry.get("interval")
                )
            )
            continue
        days = ", ".join(_short_day(d) for d in entry.get("byday") or [])
        hours = "–".join(filter(None, [entry.get("opens_at"), entry.get("closes_at")]))
        text = " ".join(filter(None, [days, hours])) or (entry.get("description") or "")
        if text:
            parts.append(text)
    if parts:
        return "; ".join(parts)
    return doc.get("schedule_text") or None


def when_words(doc: dict) -> str | None:
    """The opening times in plain words ("Every Thursday, 10am to 12pm; First Tuesday of the month,
    2pm to 4pm"): the one wording the service page, the printed sheet and the curator's check share."""
    parts = []
    for entry in doc.get("schedules") or []:
        byday = entry.get("rule_byday") or entry.get("byday")
        if byday:
            parts.append(
                describe_opening_times(
                    byday, entry.get("opens_at"), entry.get("closes_at"), entry.get("interval")
                )
            )
        elif entry.get("description"):
            parts.append(entry["description"])
    return "; ".join(parts) or doc.get("schedule_text") or None


def next_session_text(doc: dict, now: datetime | None = None) -> str | None:
    """ "Thursday 3 December, 10am": when the next session starts, by the clock in England."""
    rules = [
        {
            "byday": e.get("rule_byday") or e.get("byday") or [],
            "opens_at": e.get("opens_at"),
            "interval": e.get("interval"),
            "dtstart": e.get("dtstart"),
        }
        for e in doc.get("schedules") or []
    ]
    season = doc.get("season_months") or None
    start = next_session(rules, now or datetime.now(ENGLAND).replace(tzinfo=None), season)
    if start is None:
        return None
    return (
        f"{start.strftime('%A')} {start.day} {start.strftime('%B')}, {spoken_time(start.strftime('%H:%M'))}"
    )


def _place(location: dict) -> str:
    return ", ".join(filter(None, [location.get("name"), location.get("postcode")]))


def where_text(doc: dict) -> str:
    distance = doc.get("distance_km")
    if distance is not None:
        reach = "Less than 0.1 km away" if distance < 0.1 else f"{distance:.1f} km away"
    else:
        modes = []
        if doc.get("area_wide"):
            modes.append("Covers the whole area")
        if "phone" in (doc.get("delivery") or []):
            modes.append("Phone service")
        if "online" in (doc.get("delivery") or []):
            modes.append("Online")
        reach = ", ".join(modes)
    place = _place((doc.get("locations") or [{}])[0])
    return " – ".join(filter(None, [reach, place])) or "Location not recorded"


def wheelchair_text(value) -> str:
    return {True: "Step-free access", False: "Not wheelchair accessible"}.get(value, "Access not recorded")


def referral_text(routes) -> str:
    routes = set(routes or ())
    if routes == {"professional"}:
        return PROFESSIONAL_ONLY
    labels = [ROUTE_LABELS[r] for r in ("self", "drop_in", "professional") if r in routes]
    return ", ".join(labels) or "How to get in not recorded"


def capacity_text(accepting, wait_weeks) -> str | None:
    parts = []
    if accepting is True:
        parts.append("Accepting referrals")
    elif accepting is False:
        parts.append("Not accepting referrals at the moment")
    if wait_weeks:
        weeks = f"{wait_weeks:g}"
        parts.append(f"waiting list about {weeks} week{'s' if weeks != '1' else ''}")
    return "; ".join(parts).capitalize() if parts else None


@overload
def _as_datetime(value: datetime) -> datetime: ...
@overload
def _as_datetime(value: Any) -> datetime | None: ...
def _as_datetime(value: Any) -> datetime | None:
    if not value:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    # SQLite hands back naive datetimes; every stored time is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def month_year(value) -> str:
    value = _as_datetime(value)
    return value.strftime("%B %Y") if value else ""


def long_date(value: date | datetime) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def _months_between(earlier: datetime, later: datetime) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return max(0, months - (1 if later.day < earlier.day else 0))


def _ago(months: int) -> str:
    if months == 0:
        return "this month"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''} ago"
    return f"{months // 12} years ago"


def freshness(last_verified_at, now: datetime | None = None, problem: bool = False) -> tuple[str, str]:
    """(text, tier): tier "recent" (plain), "quiet" (older than a year: a note) or "warn" (older
    than two years, or someone has reported a problem: check before referring)."""
    checked = _as_datetime(last_verified_at)
    now = now or datetime.now(UTC)
    if checked is None:
        text, months = "Not checked since added", None
    else:
        months = _months_between(checked, now)
        text = f"Checked {_ago(months)}"
    if problem:
        return (
            f"{text}. Someone has reported a problem with this listing: check the details before referring",
            "warn",
        )
    if months is None:
        return text, "quiet"
    if months >= WARN_AFTER_MONTHS:
        return (
            f"Last checked {_ago(months)} ({month_year(checked)}): check the details before referring",
            "warn",
        )
    if months >= QUIET_AFTER_MONTHS:
        return f"Last checked {_ago(months)} ({month_year(checked)}): details may have changed", "quiet"
    return text, "recent"


def shorten(text: str | None, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def sentence_summary(text: str | None, limit: int = SHEET_SUMMARY_LIMIT) -> str:
    """The whole text if short enough, else the sentences that fit: never cut mid-sentence."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z0-9\"'(])", text) if m.end() <= limit]
    return text[: ends[-1]] if ends else text


def _plain_name(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (name or "").lower().replace("&", "and"))


def distinct_organization(organization: str | None, name: str | None) -> str | None:
    """The organisation, unless it only repeats the service's name (case and punctuation aside)."""
    if not organization or _plain_name(organization) == _plain_name(name):
        return None
    return organization


def web_link(url: str | None) -> str | None:
    """Only http(s) addresses become links: a publisher's 'javascript:' URL must stay inert."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def season_text(months: Any) -> str | None:
    """ "Runs April to October only" for a service that says it runs part of the year."""
    if not isinstance(months, list) or not months:
        return None
    return f"Runs {season_words(months)} only"


def responsiveness_text(doc: dict) -> str | None:
    """ "8 of 10 referrals accepted; usually accepts within 5 days", from our own referrals. The
    document carries figures only from 5 referrals up, so nothing shows below that."""
    answered, accepted = doc.get("referrals_answered"), doc.get("referrals_accepted")
    parts = []
    if answered and accepted is not None:
        parts.append(f"{accepted} of {answered} referrals accepted")
    if doc.get("accept_days_median") is not None:
        days = max(1, math.ceil(doc["accept_days_median"]))  # a median of 1.2 days reads "2 days"
        parts.append("usually accepts within a day" if days == 1 else f"usually accepts within {days} days")
    return "; ".join(parts).capitalize() if parts else None


def card(doc: dict) -> dict:
    checked, tier = freshness(doc.get("last_verified_at"), problem=bool(doc.get("under_review")))
    known_when = _when(doc)
    return {
        "id": doc["id"],
        "name": doc["name"],
        "organization": distinct_organization(doc.get("organization"), doc.get("name")),
        "description": doc.get("description") or "",
        "summary": shorten(doc.get("description")),
        "sheet_summary": sentence_summary(doc.get("description")),
        "where": where_text(doc),
        "when": known_when or "Times not recorded",
        "when_known": bool(known_when),
        "when_words": when_words(doc) or "Times not recorded",
        "cost": doc.get("cost_text") or "Cost not recorded",
        "cost_known": bool(doc.get("cost_text")),
        "wheelchair": wheelchair_text(doc.get("wheelchair")),
        "wheelchair_known": doc.get("wheelchair") is not None,
        "referral": referral_text(doc.get("referral_routes")),
        "capacity": capacity_text(doc.get("accepting_referrals"), doc.get("wait_weeks")),
        "season": season_text(doc.get("season_months")),
        "responsiveness": responsiveness_text(doc),
        "checked": checked,
        "freshness": tier,
        "stale": tier == "warn",
        "status": PUBLIC_STATUS_LABELS.get(doc.get("status") or ""),
        "under_review": bool(doc.get("under_review")),
        "needs": doc.get("need_labels") or [],
    }


def unknown_lines(unknown: dict) -> list[str]:
    """Say how many results are in only because they have not recorded their cost or access
    (search and match both keep them, marked, rather than drop them silently)."""
    lines = []
    for key, what in (("cost", "cost"), ("wheelchair", "wheelchair access")):
        n = unknown.get(key) or 0
        if n == 1:
            lines.append(
                f"1 of these services has not recorded its {what}. It may fit, so it is "
                "included and marked: check before referring."
            )
        elif n:
            lines.append(
                f"{n} of these services have not recorded their {what}. They may fit, so they "
                "are included and marked: check before referring."
            )
    return lines
