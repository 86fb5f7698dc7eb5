"""The curator's service form: field labels and order, the posted form as service input, the
day-and-time picker, and how typed opening times were read."""

from __future__ import annotations

import re
from datetime import date

from ..needs import taxonomy
from ..vocabulary import (
    DAY_NAMES,
    DAYS,
    DELIVERY,
    DELIVERY_LABELS,
    ROUTE_LABELS,
    ROUTES,
    STATUS_LABELS,
    STATUSES,
    cost_choice_label,
    group_label,
    situation_choices,
)
from ..web.display import next_session_text, when_words
from .service_input import ELIGIBILITY, FIELD_NAMES, parse_schedule

CHECKBOX_FIELDS = ("needs", "delivery", "referral_route", "eligibility", "situations")
FIELD_LABELS = {
    "name": "Service name",
    "organization": "Organisation running it",
    "description": "Description",
    "external_id": "Publisher's own id",
    "url": "Web page",
    "email": "Email address",
    "phone": "Phone number",
    "status": "Status",
    "needs": "Needs met",
    "taxonomy_terms": "Taxonomy terms",
    "minimum_age": "Minimum age",
    "maximum_age": "Maximum age",
    "eligibility": "Only for these groups",
    "situations": "Only for people in these situations",
    "cost": "Cost",
    "cost_amount": "Amount in pounds",
    "cost_description": "What the charge is for",
    "schedule": "Regular times",
    "schedule_description": "Other opening times",
    "location_name": "Venue name",
    "address_1": "Street address",
    "city": "Town or city",
    "postcode": "Postcode",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "area_wide": "Covers a whole area",
    "service_area": "Area covered",
    "residency": "Only for people living in",
    "season": "Runs only in these months",
    "delivery": "How it is delivered",
    "wheelchair": "Step-free wheelchair access",
    "accessibility": "Other access information",
    "referral_route": "How people get in",
    "accepting_referrals": "Accepting referrals",
    "wait_weeks": "Typical wait in weeks",
    "languages": "Languages",
    "last_verified_at": "Last checked accurate",
    "times_day": "Day",
    "times_week": "Which weeks",
    "times_opens": "From",
    "times_closes": "To",
}
# The no-guess alternative to typing times: a day, which weeks of the month, from and to.
PICKER_FIELDS = ("times_day", "times_week", "times_opens", "times_closes")
PICKER_WEEKS = (
    ("", "Every week"),
    ("1", "First in the month"),
    ("2", "Second in the month"),
    ("3", "Third in the month"),
    ("4", "Fourth in the month"),
    ("-1", "Last in the month"),
)

# The order the form shows the fields in, which the error summary follows.
FORM_ORDER = (
    "name",
    "organization",
    "description",
    "status",
    "needs",
    "taxonomy_terms",
    "minimum_age",
    "maximum_age",
    "eligibility",
    "situations",
    "cost",
    "cost_amount",
    "cost_description",
    "schedule",
    *PICKER_FIELDS,
    "schedule_description",
    "season",
    "delivery",
    "location_name",
    "address_1",
    "city",
    "postcode",
    "area_wide",
    "service_area",
    "residency",
    "latitude",
    "longitude",
    "wheelchair",
    "accessibility",
    "languages",
    "referral_route",
    "url",
    "email",
    "phone",
    "accepting_referrals",
    "wait_weeks",
    "external_id",
    "last_verified_at",
)


def choices() -> dict:
    tax = taxonomy()
    return {
        "status": [(s, STATUS_LABELS[s]) for s in STATUSES],
        "cost": [(c, cost_choice_label(c)) for c in ("free", "low_cost", "paid")],
        "needs": [(code, tax.label(code)) for code in tax.codes()],
        "delivery": [(d, DELIVERY_LABELS[d]) for d in DELIVERY],
        "referral_route": [(r, ROUTE_LABELS[r]) for r in ROUTES],
        "eligibility": [(e, group_label(e)) for e in ELIGIBILITY],
        "situations": [choice for _, group in situation_choices() for choice in group],
        "times_day": [("", "Choose a day")] + [(d, DAY_NAMES[d]) for d in DAYS],
        "times_week": list(PICKER_WEEKS),
    }


def form_data(form) -> dict:
    """The posted form as the dict ServiceInput expects: every field present, lists from checkboxes."""
    data = {}
    for name in FIELD_NAMES:
        if name in CHECKBOX_FIELDS:
            data[name] = [value for value in form.getlist(name) if value]
        else:
            data[name] = form.get(name, "")
    return data


def picked_times(form) -> tuple[str | None, dict]:
    """The picker's choice as one rule in the stored form ("1TU 14:00-16:00"), or what is missing."""
    day, week, opens, closes = (form.get(name, "").strip() for name in PICKER_FIELDS)
    if not (day or opens or closes):
        return None, {}
    problems = {}
    if day not in DAYS:
        problems["times_day"] = "Choose the day, or clear the times."
    if week not in dict(PICKER_WEEKS):
        problems["times_week"] = "Choose every week or one week of the month."
    for name, value in (("times_opens", opens), ("times_closes", closes)):
        if not re.fullmatch(r"\d{1,2}:\d{2}", value):
            problems[name] = "Enter a time such as 10:00."
    if problems:
        return None, problems
    return f"{week}{day} {opens}-{closes}", {}


def schedule_reading(text: str | None) -> dict | None:
    """What the opening times were read as, in the same words the public page will use."""
    if not (text or "").strip():
        return None
    try:
        entries = parse_schedule(text)
    except ValueError:
        return None
    doc = {
        "schedules": [
            {
                "rule_byday": e.byday,
                "opens_at": e.as_rule()["opens_at"],
                "closes_at": e.as_rule()["closes_at"],
                "interval": e.interval if e.interval > 1 else None,
                "dtstart": e.dtstart.isoformat() if e.dtstart else None,
            }
            for e in entries
        ]
    }
    return {"words": when_words(doc), "next": next_session_text(doc)}


def form_text(value, list_separator: str = "; ") -> str:
    """A stored value as the text a form field (or a cell of the CSV template) shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):  # lists typed as text; the validator splits on ";" again
        return list_separator.join(str(v) for v in value)
    return str(value)


def form_values(flat: dict) -> dict:
    """A record's flat view as the strings and lists the form shows."""
    values = {
        name: list(flat.get(name) or []) if name in CHECKBOX_FIELDS else form_text(flat.get(name))
        for name in FIELD_NAMES
    }
    amount = flat.get("cost_amount")
    if isinstance(amount, float) and not amount.is_integer():
        values["cost_amount"] = f"{amount:.2f}"
    return values
