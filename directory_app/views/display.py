"""How a service reads to a person: one plain "card" per service (distance, times, cost, access,
how to get in, freshness), shared by search results, detail, shortlist, print and match pages."""
from __future__ import annotations

from datetime import date, datetime, timezone
from urllib.parse import urlsplit

from ..templating import DAY_NAMES

ROUTE_LABELS = {"self": "Self-referral", "drop_in": "Drop in", "professional": "Needs a professional referral"}
STATUS_LABELS = {"temporarily_closed": "Temporarily closed", "inactive": "No longer running",
                 "defunct": "No longer running"}
STALE_AFTER_DAYS = 365
# The printed sheet is read by the person being helped, so it speaks to them.


def _short_day(code: str) -> str:
    return DAY_NAMES.get(code, code)[:3]


def when_text(doc: dict) -> str:
    parts = []
    for entry in doc.get("schedules") or []:
        days = ", ".join(_short_day(d) for d in entry.get("byday") or [])
        hours = "–".join(filter(None, [entry.get("opens_at"), entry.get("closes_at")]))
        text = " ".join(filter(None, [days, hours])) or (entry.get("description") or "")
        if text:
            parts.append(text)
    if parts:
        return "; ".join(parts)
    return doc.get("schedule_text") or "Times not recorded"


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
    labels = [ROUTE_LABELS[r] for r in ("self", "drop_in", "professional") if r in (routes or [])]
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


def _as_datetime(value) -> datetime | None:
    if not value:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    # SQLite hands back naive datetimes; every stored time is UTC.
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def month_year(value) -> str:
    value = _as_datetime(value)
    return value.strftime("%B %Y") if value else ""


def long_date(value: date | datetime) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def freshness(last_verified_at, now: datetime | None = None) -> tuple[str, bool]:
    """('Last checked May 2026', stale?) — stale once older than 12 months, so people check first."""
    checked = _as_datetime(last_verified_at)
    if checked is None:
        return "Not checked since added", False
    now = now or datetime.now(timezone.utc)
    text = f"Last checked {month_year(checked)}"
    if (now - checked).days > STALE_AFTER_DAYS:
        months = (now.year - checked.year) * 12 + now.month - checked.month
        return f"{text} ({months} months ago: check the details before referring)", True
    return text, False


def shorten(text: str | None, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def web_link(url: str | None) -> str | None:
    """Only http(s) addresses become links: a publisher's 'javascript:' URL must stay inert."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def card(doc: dict) -> dict:
    checked, stale = freshness(doc.get("last_verified_at"))
    return {
        "id": doc["id"], "name": doc["name"], "organization": doc.get("organization"),
        "description": doc.get("description") or "", "summary": shorten(doc.get("description")),
        "where": where_text(doc), "when": when_text(doc),
        "cost": doc.get("cost_text") or "Cost not recorded",
        "wheelchair": wheelchair_text(doc.get("wheelchair")),
        "referral": referral_text(doc.get("referral_routes")),
        "capacity": capacity_text(doc.get("accepting_referrals"), doc.get("wait_weeks")),
        "checked": checked, "stale": stale,
        "status": STATUS_LABELS.get(doc.get("status")), "under_review": bool(doc.get("under_review")),
        "needs": doc.get("need_labels") or [],
    }
