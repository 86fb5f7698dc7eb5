"""The app's code lists and their words, one wording each: days, delivery, referral routes,
statuses, cost bands, groups and situations. Pages, the API, exports and match explanations read them here.

Day codes come from the matching library, so what a profile accepts and what a page offers are the
same list. Group (eligibility) labels live in the needs taxonomy beside the need labels.
"""

from __future__ import annotations

from matching import situations
from matching.profile import DAY_NAMES, DAYS

from .needs import taxonomy

__all__ = ["DAY_NAMES", "DAYS"]

DAY_SHORT = {code: name[:3] for code, name in DAY_NAMES.items()}

# Each list of codes is its labels' keys, in the order pages offer them.
DELIVERY_LABELS = {
    "in_person": "In person",
    "online": "Online",
    "phone": "By phone",
    "home_visits": "Home visits",
    "outreach": "Outreach",
}
DELIVERY = tuple(DELIVERY_LABELS)

ROUTE_LABELS = {"self": "Self-referral", "professional": "Professional referral", "drop_in": "Drop-in"}
ROUTES = tuple(ROUTE_LABELS)
# When a referral is the only way in, that is what a person must know first.
PROFESSIONAL_ONLY = "Needs a professional referral"

STATUS_LABELS = {
    "active": "Active",
    "temporarily_closed": "Temporarily closed",
    "inactive": "Inactive",
    "defunct": "Defunct (no longer exists)",
}
STATUSES = tuple(STATUS_LABELS)
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

COST_LABELS = {"free": "Free", "low_cost": "Small charge", "paid": "Paid", "unknown": "Cost not recorded"}
COST_BANDS = tuple(COST_LABELS)
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


# The situations a service may be restricted to (matching.situations), under the headings a person
# tells them by, so a list of forty reads as five short ones.
SITUATION_HEADINGS = (
    ("Bereavement", ("loss",)),
    ("Health or disability", ("illness", "health")),
    ("Life circumstances", ("life",)),
    ("Money and work", ("money",)),
    ("Community, faith or language", ("community",)),
)


def situation_label(code: str) -> str:
    """ "Widowed people": the vocabulary's words, as a choice on a form."""
    words = situations.label(code)
    return words[:1].upper() + words[1:]


def situation_choices(skip: frozenset[str] = frozenset()) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(code, label)]) for each heading, leaving out the codes in ``skip``; a situation of
    a kind no heading names is still offered, under "Other"."""
    headed = {kind for _, kinds in SITUATION_HEADINGS for kind in kinds}
    groups = [*SITUATION_HEADINGS, ("Other", tuple({s.kind for s in situations.SITUATIONS} - headed))]
    out = []
    for heading, kinds in groups:
        items = [
            (s.code, situation_label(s.code))
            for s in situations.SITUATIONS
            if s.kind in kinds and s.code not in skip
        ]
        if items:
            out.append((heading, items))
    return out


# What each line of a service's history says, on the public page and the curator's alike.
AUDIT_ACTION_LABELS = {
    "service.create": "Added",
    "service.update": "Edited",
    "service.status": "Status changed",
    "service.withdraw": "Withdrawn: no longer in the publisher's feed",
    "service.verify": "Confirmed accurate",
    "service.delete": "Deleted",
    "problem.report": "Problem reported",
    "problem.resolve": "Problem resolved",
    "duplicate.merge": "Merged another record in",
    "duplicate.merged_into": "Merged into another record",
    "duplicate.dismiss": "Marked not a duplicate",
    "provider.link": "Link sent to the provider",
    "provider.remind": "Reminder sent to the provider",
    "provider.escalate": "Not checked for a year: back to curators",
    "provider.propose": "Provider proposed changes",
    "provider.approve": "Provider's changes approved",
    "provider.reject": "Provider's changes rejected",
}
