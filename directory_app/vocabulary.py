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


# The situations a service may be restricted to (matching.situations), in the four kinds a person
# tells them in, so a list of thirty reads as four short ones. Every code is in exactly one.
SITUATION_GROUPS = (
    ("Bereavement", ("bereaved_by_suicide", "child_loss", "baby_loss", "widowed")),
    (
        "Health or disability",
        (
            "cancer",
            "stroke",
            "heart",
            "lung",
            "parkinsons",
            "multiple_sclerosis",
            "diabetes",
            "brain_injury",
            "chronic_pain",
            "long_covid",
            "eating_disorder",
            "hiv",
            "serious_mental_illness",
            "learning_disability",
            "bsl_users",
        ),
    ),
    (
        "Life circumstances",
        (
            "care_leavers",
            "prison_leavers",
            "sexual_violence",
            "domestic_abuse",
            "homeless",
            "recovery_abstinent",
            "in_treatment",
            "social_tenants",
            "single_parents",
            "parent_carers",
            "students",
        ),
    ),
    ("Money and work", ("benefits", "unemployed")),
)


def situation_label(code: str) -> str:
    """ "Widowed people": the vocabulary's words, as a choice on a form."""
    words = situations.label(code)
    return words[:1].upper() + words[1:]


def situation_choices(skip: frozenset[str] = frozenset()) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(code, label)]) for each group, leaving out the codes in ``skip``."""
    grouped = {code for _, codes in SITUATION_GROUPS for code in codes}
    # a situation added to the vocabulary but not yet to a group is still offered
    others = tuple(s.code for s in situations.SITUATIONS if s.code not in grouped)
    return [
        (heading, [(code, situation_label(code)) for code in codes if code not in skip])
        for heading, codes in (*SITUATION_GROUPS, ("Other", others))
        if codes
    ]
