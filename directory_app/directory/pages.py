"""Curator pages: forms and queues over directory.curation, the same functions the JSON API calls.

Pages work without JavaScript; every form posts back here and a domain error the handlers do not
catch is rendered by the app's error handler.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlmodel import select
from werkzeug.routing import BuildError

from ..access import access
from ..audit import history
from ..db import get_session
from ..directory import curation, duplicates
from ..directory import jobs as import_jobs
from ..directory.importer import ImportFileError
from ..directory.records import input_from_service
from ..directory.service_input import DAYS, DELIVERY, ELIGIBILITY, FIELD_NAMES, ROUTES, STATUSES, parse_schedule
from ..directory.understanding import curator_rows
from ..errors import ValidationError
from ..models import Service
from ..needs import taxonomy
from ..search.indexing import parked
from ..templating import DAY_NAMES
from ..web.display import next_session_text, when_words

bp = Blueprint("curation", __name__, url_prefix="/curate")

CHECKBOX_FIELDS = ("needs", "delivery", "referral_route", "eligibility")
STATUS_LABELS = {"active": "Active", "temporarily_closed": "Temporarily closed",
                 "inactive": "Inactive", "defunct": "Defunct (no longer exists)"}
COST_LABELS = {"free": "Free", "low_cost": "Small charge (about £5 or less a session)", "paid": "Paid"}
DELIVERY_LABELS = {"in_person": "In person", "online": "Online", "phone": "By phone", "home_visits": "Home visits",
                   "outreach": "Outreach"}
ROUTE_LABELS = {"self": "Self-referral", "professional": "Professional referral", "drop_in": "Drop-in"}
ELIGIBILITY_LABELS = {"carers": "Carers", "veterans": "Veterans", "women": "Women", "men": "Men",
                      "lgbtq": "LGBTQ+ people", "refugees": "Refugees and asylum seekers",
                      "people_with_disabilities": "People with disabilities",
                      "people_with_dementia": "People with dementia", "families": "Families",
                      "deaf_bsl": "Deaf people and BSL users", "pregnant_new_parents": "Pregnant women and new parents"}
RESOLUTIONS = {"fixed": "Fixed", "dismissed": "Dismissed"}
ACTION_LABELS = {"service.create": "Created", "service.update": "Edited", "service.status": "Status changed",
                 "service.verify": "Confirmed accurate", "problem.report": "Problem reported",
                 "problem.resolve": "Problem resolved", "duplicate.merge": "Merged another record in",
                 "duplicate.merged_into": "Merged into another record",
                 "duplicate.dismiss": "Marked not a duplicate"}
FIELD_LABELS = {
    "name": "Service name", "organization": "Organisation running it", "description": "Description",
    "external_id": "Publisher's own id", "url": "Web page", "email": "Email address", "phone": "Phone number",
    "status": "Status", "needs": "Needs met", "taxonomy_terms": "Taxonomy terms",
    "minimum_age": "Minimum age", "maximum_age": "Maximum age", "eligibility": "Only for these groups",
    "cost": "Cost", "cost_amount": "Amount in pounds", "cost_description": "What the charge is for",
    "schedule": "Regular times", "schedule_description": "Other opening times",
    "location_name": "Venue name", "address_1": "Street address", "city": "Town or city",
    "postcode": "Postcode", "latitude": "Latitude", "longitude": "Longitude",
    "area_wide": "Covers a whole area", "service_area": "Area covered", "delivery": "How it is delivered",
    "wheelchair": "Step-free wheelchair access", "accessibility": "Other access information",
    "referral_route": "How people get in", "accepting_referrals": "Accepting referrals",
    "wait_weeks": "Typical wait in weeks", "languages": "Languages", "last_verified_at": "Last checked accurate",
    "times_day": "Day", "times_week": "Which weeks", "times_opens": "From", "times_closes": "To",
}
# The no-guess alternative to typing times: a day, which weeks of the month, from and to.
PICKER_FIELDS = ("times_day", "times_week", "times_opens", "times_closes")
PICKER_WEEKS = (("", "Every week"), ("1", "First in the month"), ("2", "Second in the month"),
                ("3", "Third in the month"), ("4", "Fourth in the month"), ("-1", "Last in the month"))

# The order the form shows the fields in, which the error summary follows.
FORM_ORDER = ("name", "organization", "description", "status", "needs", "taxonomy_terms", "minimum_age",
              "maximum_age", "eligibility", "cost", "cost_amount", "cost_description", "schedule",
              *PICKER_FIELDS, "schedule_description", "delivery", "location_name", "address_1", "city", "postcode",
              "area_wide", "service_area", "latitude", "longitude", "wheelchair", "accessibility",
              "languages", "referral_route", "url", "email", "phone", "accepting_referrals", "wait_weeks",
              "external_id", "last_verified_at")


def _choices() -> dict:
    tax = taxonomy()
    return {
        "status": [(s, STATUS_LABELS[s]) for s in STATUSES],
        "cost": [(c, label) for c, label in COST_LABELS.items()],
        "needs": [(code, tax.label(code)) for code in tax.codes()],
        "delivery": [(d, DELIVERY_LABELS[d]) for d in DELIVERY],
        "referral_route": [(r, ROUTE_LABELS[r]) for r in ROUTES],
        "eligibility": [(e, ELIGIBILITY_LABELS[e]) for e in ELIGIBILITY],
        "times_day": [("", "Choose a day")] + [(d, DAY_NAMES[d]) for d in DAYS],
        "times_week": list(PICKER_WEEKS),
    }


def detail_url(service_id: str) -> str:
    # The public detail page belongs to the search pages; until that endpoint is registered we
    # still send people to its documented path.
    try:
        return url_for("search.service_detail", service_id=service_id)
    except BuildError:
        return f"/services/{service_id}"


@bp.context_processor
def _helpers():
    return {"detail_url": detail_url, "status_labels": STATUS_LABELS, "action_labels": ACTION_LABELS,
            "readable_schedule": readable_schedule, "understood_rows": curator_rows}


def readable_schedule(text: str | None) -> str:
    """'TU,TH 11:30-13:30' → 'Tue, Thu 11:30–13:30' for people comparing two records."""
    if not text:
        return ""
    parts = []
    for entry in text.split(";"):
        days, _, hours = entry.strip().partition(" ")
        names = ", ".join(DAY_NAMES.get(day, day)[:3] for day in days.split(","))
        parts.append(f"{names} {hours.replace('-', '–')}".strip())
    return "; ".join(parts)


def _actor() -> str:
    return current_user.username


def _back(default: str) -> str:
    # Only our own pages: an open redirect is a phishing aid.
    target = request.form.get("next") or ""
    if target.startswith("/curate") and not urlsplit(target).netloc:
        return target
    return default


# --- the service form ------------------------------------------------------------------------

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


def _posted() -> tuple[dict, dict]:
    """The form as input for the service, with the picker's rule added to the typed times."""
    data = form_data(request.form)
    rule, problems = picked_times(request.form)
    if rule:
        data["schedule"] = "; ".join(part for part in (data["schedule"].strip(), rule) if part)
    return data, problems


def schedule_reading(text: str | None) -> dict | None:
    """What the opening times were read as, in the same words the public page will use."""
    if not (text or "").strip():
        return None
    try:
        entries = parse_schedule(text)
    except ValueError:
        return None
    doc = {"schedules": [{"rule_byday": e.byday, "opens_at": e.as_rule()["opens_at"],
                          "closes_at": e.as_rule()["closes_at"]} for e in entries]}
    return {"words": when_words(doc), "next": next_session_text(doc)}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):  # lists typed as text; the validator splits on ";" again
        return "; ".join(str(v) for v in value)
    return str(value)


def form_values(flat: dict) -> dict:
    """A record's flat view as the strings and lists the form shows."""
    values = {name: list(flat.get(name) or []) if name in CHECKBOX_FIELDS else _text(flat.get(name))
              for name in FIELD_NAMES}
    amount = flat.get("cost_amount")
    if isinstance(amount, float) and not amount.is_integer():
        values["cost_amount"] = f"{amount:.2f}"
    return values


def _render_form(template_values: dict, errors: dict, status: int, service=None, reading=None):
    # Errors on something that is not a form field (rare) are listed first and point at the form.
    ordered = sorted(errors.items(), key=lambda item: FORM_ORDER.index(item[0]) if item[0] in FORM_ORDER else -1)
    if errors or reading is not None:  # keep the picker as it was posted, so nothing typed is lost
        template_values = {**template_values, **{name: request.form.get(name, "") for name in PICKER_FIELDS}}
    if reading is None and "schedule" not in errors:
        reading = schedule_reading(template_values.get("schedule"))
    return render_template("curation/service_form.html", values=template_values, errors=dict(ordered),
                           choices=_choices(), labels=FIELD_LABELS, service=service, reading=reading,
                           events=history(get_session(), "service", service.id, limit=10) if service else []), status


@bp.route("/services/new", methods=["GET", "POST"])
@access("curator")
def new_service():
    if request.method == "GET":
        return _render_form(form_values({"status": "active", "area_wide": False}), {}, 200)
    data = form_data(request.form)
    try:
        service = curation.create_service(get_session(), data, actor=_actor())
    except ValidationError as error:
        return _render_form(data, error.fields or {"form": error.message}, 400)
    flash(f"Added “{service.name}”.")
    return redirect(detail_url(service.id))


@bp.route("/services/<service_id>/edit", methods=["GET", "POST"])
@access("curator")
def edit_service(service_id: str):
    session = get_session()
    service = curation.get_service(session, service_id)
    if request.method == "GET":
        return _render_form(form_values(input_from_service(service)), {}, 200, service)
    data = form_data(request.form)
    try:
        curation.update_service(session, service_id, data, actor=_actor())
    except ValidationError as error:
        session.rollback()
        service = curation.get_service(session, service_id)
        return _render_form(data, error.fields or {"form": error.message}, 400, service)
    flash(f"Saved your changes to “{service.name}”.")
    return redirect(detail_url(service_id))


# --- status, verification, deletion ----------------------------------------------------------

@bp.post("/services/<service_id>/status")
@access("curator")
def service_status(service_id: str):
    status = request.form.get("status", "")
    service = curation.set_status(get_session(), service_id, status, actor=_actor())
    flash(f"“{service.name}” is now {STATUS_LABELS[status].lower()}.")
    return redirect(_back(url_for("curation.edit_service", service_id=service_id)))


@bp.post("/services/<service_id>/verify")
@access("curator")
def verify_service(service_id: str):
    service = curation.verify_service(get_session(), service_id, actor=_actor())
    flash(f"Confirmed “{service.name}” is still accurate. Next review due "
          f"{service.review_due.strftime('%-d %B %Y')}.")
    return redirect(_back(url_for("curation.review_queue")))


@bp.route("/services/<service_id>/delete", methods=["GET", "POST"])
@access("curator")
def delete_service(service_id: str):
    session = get_session()
    service = curation.get_service(session, service_id)
    if request.method == "GET":
        return render_template("curation/delete.html", service=service)
    name = service.name
    curation.delete_service(session, service_id, actor=_actor())
    flash(f"Deleted “{name}”.")
    return redirect(url_for("curation.dashboard"))


# --- queues ----------------------------------------------------------------------------------

def search_parked(session) -> tuple[int, list]:
    from ..search.indexing import parked

    return parked(session, limit=5)


@bp.get("")
@access("curator")
def dashboard():
    session = get_session()
    return render_template("curation/dashboard.html",
                           review_count=curation.review_queue_size(session),
                           problem_count=len(curation.open_problems(session)),
                           duplicate_count=duplicates.open_count(session),
                           parked=search_parked(session))


@bp.get("/review")
@access("curator")
def review_queue():
    session = get_session()
    return render_template("curation/review.html", services=curation.review_queue(session),
                           total=curation.review_queue_size(session), today=date.today())


@bp.get("/problems")
@access("curator")
def problems():
    return render_template("curation/problems.html", problems=curation.open_problems(get_session()),
                           kinds=curation.PROBLEM_KINDS)


@bp.post("/problems/<int:report_id>/resolve")
@access("curator")
def resolve_problem(report_id: int):
    resolution = request.form.get("resolution", "")
    curation.resolve_problem(get_session(), report_id, resolution, actor=_actor())
    flash(f"Problem report marked as {RESOLUTIONS[resolution].lower()}.")
    return redirect(url_for("curation.problems"))


@bp.get("/duplicates", endpoint="duplicates")
@access("curator")
def duplicates_page(errors: dict | None = None, status: int = 200):
    session = get_session()
    flags = duplicates.open_flags(session)
    ids = {s.id for _, a, b in flags for s in (a, b)}
    # One eager load for every record on the page rather than a few lazy loads per record.
    loaded = {s.id: s for s in session.exec(select(Service).where(Service.id.in_(ids))
                                            .options(*curation.load_options()))}
    pairs = [(flag, loaded[a.id], loaded[b.id], input_from_service(loaded[a.id]),
              input_from_service(loaded[b.id])) for flag, a, b in flags]
    return render_template("curation/duplicates.html", pairs=pairs, errors=errors or {}), status


@bp.post("/duplicates/<int:flag_id>")
@access("curator")
def decide_duplicate(flag_id: int):
    choice = request.form.get("decision", "")
    if choice == "dismiss":
        duplicates.decide(get_session(), flag_id, "dismiss", _actor())
        flash("Marked as not duplicates. They will not be flagged again.")
    elif choice.startswith("keep:"):
        duplicates.decide(get_session(), flag_id, "merge", _actor(), keep_id=choice[len("keep:"):])
        flash("Merged. The record you kept lists the other in its provenance; the other is hidden from search.")
    else:
        return duplicates_page({flag_id: "Choose which record to keep, or say they are not duplicates."}, 400)
    return redirect(url_for("curation.duplicates"))


# --- import ----------------------------------------------------------------------------------

@bp.route("/import", methods=["GET", "POST"])
@access("curator")
def import_feed():
    if request.method == "GET":
        return render_template("curation/import.html", publisher="", errors={}, report=None)
    publisher = request.form.get("publisher", "").strip()
    upload = request.files.get("file")
    errors = {}
    if upload is None or not upload.filename:
        errors["file"] = "Choose a CSV or JSON file to import."
    if not publisher:
        errors["publisher"] = "Enter who publishes this feed."
    if errors:
        return render_template("curation/import.html", publisher=publisher, errors=errors, report=None), 400
    try:
        job = import_jobs.start(current_app._get_current_object(), upload.read(), upload.filename,
                                publisher, actor=_actor())
    except import_jobs.ImportInProgress as error:
        return render_template("curation/import.html", publisher=publisher, errors={"publisher": error.message},
                               report=None), 409
    except ValidationError as error:
        # A whole-file problem (ImportFileError): nothing was imported.
        errors = {name if name == "publisher" else "file": text for name, text in error.fields.items()}
        if not errors or isinstance(error, ImportFileError):
            errors = {"file": error.message}
        return render_template("curation/import.html", publisher=publisher, errors=errors, report=None), 400
    # A small feed is done in a moment: wait that long so the next page shows its report at once.
    import_jobs.wait(job.id, timeout=IMPORT_WAIT_SECONDS)
    return redirect(url_for("curation.import_job", job_id=job.id), 303)


IMPORT_WAIT_SECONDS = 2


@bp.get("/imports/<job_id>")
@access("curator")
def import_job(job_id: str):
    job = import_jobs.get(get_session(), job_id)
    return render_template("curation/import_job.html", job=job, refresh_seconds=3)
