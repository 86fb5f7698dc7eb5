"""The app's code lists and their words, one wording each: days, delivery, referral routes,
statuses, cost bands and groups. Pages, the API, exports and match explanations read them here.

Day codes come from the matching library, so what a profile accepts and what a page offers are the
same list. Group (eligibility) labels live in the needs taxonomy beside the need labels.
"""

from __future__ import annotations

from matching.profile import DAY_NAMES, DAYS

from .needs import taxonomy

__all__ = ["DAY_NAMES", "DAYS"]

DAY_SHORT = {code: name[:3] for code, name in DAY_NAMES.items()}

DELIVERY = ("in_person", "online", "phone", "home_visits", "outreach")
DELIVERY_LABELS = {
    "in_person": "In person",
    "online": "Online",
    "phone": "By phone",
    "home_visits": "Home visits",
    "outreach": "Outreach",
}

ROUTES = ("self", "professional", "drop_in")
ROUTE_LABELS = {"self": "Self-referral", "professional": "Professional referral", "drop_in": "Drop-in"}
# When a referral is the only way in, that is what a person must know first.
PROFESSIONAL_ONLY = "Needs a professional referral"

STATUSES = ("active", "temporarily_closed", "inactive", "defunct")
STATUS_LABELS = {
    "active": "Active",
    "temporarily_closed": "Temporarily closed",
    "inactive": "Inactive",
    "defunct": "Defunct (no longer exists)",
}
# Listings people can find: a temporarily closed service still shows, marked, so nobody thinks it gone.
VISIBLE_STATUSES = ("active", "temporarily_closed")
# Listings a link worker can refer to now: matching leaves a temporarily closed one out.
REFERABLE_STATUSES = ("active",)
# What a person is told about a listing that is not simply running.
PUBLIC_STATUS_LABELS = {
    "temporarily_closed": "Temporarily closed",
    "inactive": "No longer running",
    "defunct": "No longer running",
}

COST_BANDS = ("free", "low_cost", "paid", "unknown")
COST_LABELS = {"free": "Free", "low_cost": "Small charge", "paid": "Paid", "unknown": "Cost not recorded"}
COST_HINTS = {"low_cost": "about £5 or less a session"}


def cost_choice_label(band: str) -> str:
    """ "Small charge (about £5 or less a session)": the label with what it means, for forms."""
    hint = COST_HINTS.get(band)
    return f"{COST_LABELS[band]} ({hint})" if hint else COST_LABELS[band]


def group_label(code: str) -> str:
    return taxonomy().eligibility_label(code)


def group_choices() -> list[tuple[str, str]]:
    tax = taxonomy()
    return [(code, tax.eligibility_label(code)) for code in tax.eligibility_codes()]
