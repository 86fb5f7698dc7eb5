"""The words for a match's reasons. ``matching`` says why a service fits as structured items
({"kind": "distance", "km": 1.24}); this module is the one place they become English, for the
match page and the match API alike ("1.2 km away", "meets: loneliness and isolation")."""

from __future__ import annotations

from collections.abc import Sequence

from matching import situations
from matching.explain import lower_label
from matching.taxonomy import NeedsTaxonomy

from ..directory import understanding
from ..vocabulary import COST_LABELS, DAY_SHORT, DAYS

EXEMPTIONS = {"online": "online", "phone": "phone service", "area_wide": "covers your area"}
ROUTES = {"self": "self-referral", "drop_in": "drop-in", "professional_only": "needs a professional referral"}
SUITS = {
    "evenings": "evening sessions",
    "weekends": "weekend sessions",
    "outdoors": "outdoors",
    "not_groups": "one-to-one",
    "not_talking_much": "an activity, not just talking",
    "quiet": "a quiet setting",
    "creative": "creative",
    "active": "active",
    "phone_ok": "by phone",
    "no_transport": "no travel needed",
    "women_only_setting": "women only",
    "men_only_setting": "men only",
}
# Where a service is, rather than why it fits: the match page leads each result with it.
WHERE_KINDS = ("exemption", "distance")


def distance_text(km: float) -> str:
    """ "350 m away" under 1 km (to the nearest 10 m), else "1.2 km away"."""
    if km < 0.995:
        return f"{max(10, int(round(km * 100)) * 10)} m away"
    return f"{km:.1f} km away"


def days_text(days: Sequence[str]) -> str:
    """Day codes as "Mon, Wed" or, for three or more consecutive days, "Mon–Fri"."""
    idx = sorted({DAYS.index(d) for d in days if d in DAYS})
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = []
    for run in runs:
        names = [DAY_SHORT[DAYS[i]] for i in run]
        parts.append(f"{names[0]}–{names[-1]}" if len(run) >= 3 else ", ".join(names))
    return ", ".join(parts)


def _session_text(session: dict) -> str:
    opens, closes = session.get("opens"), session.get("closes")
    hours = f"{opens}–{closes}" if opens and closes else (f"from {opens}" if opens else "")
    return " ".join(p for p in (days_text(session.get("days") or ()), hours) if p)


def _times_text(reason: dict) -> str | None:
    if reason.get("sessions"):
        return "; ".join(t for t in map(_session_text, reason["sessions"]) if t) or None
    return reason.get("note") or None


def _cost_text(reason: dict) -> str | None:
    if reason.get("amount"):
        return reason["amount"]  # "£3.50 per session": the amount is what people ask about
    band = reason.get("band")
    return COST_LABELS[band].lower() if band in COST_LABELS and band != "unknown" else None


def _needs_text(reason: dict, taxonomy: NeedsTaxonomy | None) -> str | None:
    codes = reason.get("codes") or ()
    if not codes:
        return None
    labels = [lower_label(taxonomy.label(c)) if taxonomy is not None else c for c in codes]
    return "meets: " + ", ".join(labels)


def _group_text(code: str, taxonomy: NeedsTaxonomy | None) -> str:
    label = taxonomy.eligibility_label(code) if taxonomy is not None else code.replace("_", " ")
    return f"for {lower_label(label)}"


def reason_text(reason: dict, taxonomy: NeedsTaxonomy | None = None) -> str | None:
    """One reason in words, or None for a kind or code we have no words for (it is not shown)."""
    kind = reason.get("kind")
    if kind == "exemption":
        return EXEMPTIONS.get(reason.get("code") or "")
    if kind == "distance":
        # "12.9 km away, in Liverpool": over the person's border, where it is explains its place
        code = reason.get("authority")
        elsewhere = understanding.areas().name(code) if code else None
        return distance_text(float(reason["km"])) + (
            f", in {elsewhere}" if elsewhere and elsewhere != code else ""
        )
    if kind == "needs":
        return _needs_text(reason, taxonomy)
    if kind == "cost":
        return _cost_text(reason)
    if kind == "times":
        return _times_text(reason)
    if kind == "route":
        return ROUTES.get(reason.get("code") or "")
    if kind == "for_group":
        return _group_text(reason["code"], taxonomy)
    if kind == "for_situation":
        return f"for {situations.label(reason['code'])}"
    if kind == "suits":
        return SUITS.get(reason.get("code") or "")
    if kind == "related":
        return "close to what was said, though it meets no need named"
    return None


def worded(reasons: Sequence[dict], taxonomy: NeedsTaxonomy | None = None) -> list[dict]:
    """Each reason with its ``text`` beside its kind and values; reasons without words are left out."""
    out = []
    for reason in reasons:
        text = reason_text(reason, taxonomy)
        if text:
            out.append({**reason, "text": text})
    return out


def add_words(result: dict, taxonomy: NeedsTaxonomy | None = None) -> dict:
    """A match result (MatchResult.to_dict()) with every match's reasons worded, in place."""
    for match in result.get("matches") or ():
        match["reasons"] = worded(match.get("reasons") or (), taxonomy)
    return result
