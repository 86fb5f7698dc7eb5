"""Curator pages: forms and queues over directory.service (curation), the same functions the JSON API calls.

Pages work without JavaScript; every form posts back here and a domain error the handlers do not
catch is rendered by the app's error handler.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markdown_it import MarkdownIt
from markupsafe import Markup
from sqlmodel import col, select
from werkzeug.routing import BuildError

from ..access import access
from ..audit import history
from ..db import get_session, real_app
from ..directory import duplicates
from ..directory import jobs as import_jobs
from ..directory import service as curation
from ..directory.importer import ImportFileError
from ..directory.records import input_from_service
from ..directory.service_form import (
    FIELD_LABELS,
    FORM_ORDER,
    PICKER_FIELDS,
    STATUS_LABELS,
    choices,
    form_data,
    form_values,
    picked_times,
    schedule_reading,
)
from ..directory.service_input import parse_schedule, validate_service_input
from ..directory.understanding import curator_rows
from ..directory.upload import read_upload
from ..errors import ValidationError
from ..models import Service
from ..search.indexing import parked
from ..vocabulary import AUDIT_ACTION_LABELS, DAY_SHORT
from ..web.flags import is_set

bp = Blueprint("curation", __name__, url_prefix="/curate")

RESOLUTIONS = {"fixed": "Fixed", "dismissed": "Dismissed"}
# The guide is Markdown inside the installed package: the page and the repository never disagree,
# and an installed app has it without the source tree.
CSV_GUIDE = Path(__file__).resolve().parents[1] / "data" / "csv-template.md"
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def detail_url(service_id: str) -> str:
    # The public detail page belongs to the search pages; until that endpoint is registered we
    # still send people to its documented path.
    try:
        return url_for("search.service_detail", service_id=service_id)
    except BuildError:
        return f"/services/{service_id}"


@bp.context_processor
def _helpers():
    return {
        "detail_url": detail_url,
        "status_labels": STATUS_LABELS,
        "action_labels": AUDIT_ACTION_LABELS,
        "readable_schedule": readable_schedule,
        "understood_rows": curator_rows,
    }


def readable_schedule(text: str | None) -> str:
    """'TU,TH 11:30-13:30' → 'Tue, Thu 11:30–13:30' for people comparing two records."""
    if not text:
        return ""
    parts = []
    for entry in text.split(";"):
        days, _, hours = entry.strip().partition(" ")
        names = ", ".join(DAY_SHORT.get(day, day[:3]) for day in days.split(","))
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


def _posted() -> tuple[dict, dict]:
    """The form as input for the service, with the picker's rule added to the typed times."""
    data = form_data(request.form)
    rule, problems = picked_times(request.form)
    if rule:
        data["schedule"] = "; ".join(part for part in (data["schedule"].strip(), rule) if part)
    return data, problems


def _render_form(template_values: dict, errors: dict, status: int, service=None, reading=None):
    # Errors on something that is not a form field (rare) are listed first and point at the form.
    ordered = sorted(
        errors.items(), key=lambda item: FORM_ORDER.index(item[0]) if item[0] in FORM_ORDER else -1
    )
    if any(name in errors for name in PICKER_FIELDS):  # an incomplete pick stays, to be finished
        template_values = {**template_values, **{name: request.form.get(name, "") for name in PICKER_FIELDS}}
    if reading is None and "schedule" not in errors:
        reading = schedule_reading(template_values.get("schedule"))
    return render_template(
        "curation/service_form.html",
        values=template_values,
        errors=dict(ordered),
        choices=choices(),
        labels=FIELD_LABELS,
        service=service,
        reading=reading,
        events=history(get_session(), "service", service.id, limit=10) if service else [],
    ), status


@bp.route("/services/new", methods=["GET", "POST"])
@access("curator")
def new_service():
    if request.method == "GET":
        return _render_form(form_values({"status": "active", "area_wide": False}), {}, 200)
    data, problems = _posted()
    if request.form.get("action") == "check_times":
        return _check_times(data, problems)
    if problems:
        return _render_form(data, _every_error(data, problems), 400)
    try:
        service = curation.create_service(get_session(), data, actor=_actor())
    except ValidationError as error:
        return _render_form(data, error.fields or {"form": error.message}, 400)
    flash(f"Added “{service.name}”.{_times_note(data)}")
    return redirect(detail_url(service.id))


@bp.route("/services/<service_id>/edit", methods=["GET", "POST"])
@access("curator")
def edit_service(service_id: str):
    session = get_session()
    service = curation.get_service(session, service_id)
    if request.method == "GET":
        return _render_form(form_values(input_from_service(service)), {}, 200, service)
    data, problems = _posted()
    if request.form.get("action") == "check_times":
        return _check_times(data, problems, service)
    if problems:
        return _render_form(data, _every_error(data, problems), 400, service)
    try:
        curation.update_service(session, service_id, data, actor=_actor())
    except ValidationError as error:
        session.rollback()
        service = curation.get_service(session, service_id)
        return _render_form(data, error.fields or {"form": error.message}, 400, service)
    flash(f"Saved your changes to “{service.name}”.{_times_note(data)}")
    return redirect(detail_url(service_id))


def _every_error(data: dict, problems: dict) -> dict:
    """The picker's problems together with everything else wrong with the form, in one answer."""
    try:
        validate_service_input(data, curation=True)
    except ValidationError as error:
        return {**error.fields, **problems}
    return problems


def _check_times(data: dict, problems: dict, service=None):
    """'Check opening times': say how the times were read, and when the next session is, without saving."""
    errors = dict(problems)
    try:
        parse_schedule(data["schedule"])
    except ValueError as error:
        errors["schedule"] = str(error)
    reading = schedule_reading(data["schedule"]) or {"words": "No regular times given.", "next": None}
    return _render_form(data, errors, 400 if errors else 200, service, reading=None if errors else reading)


def _times_note(data: dict) -> str:
    reading = schedule_reading(data.get("schedule"))
    return f" Opening times: {reading['words']}." if reading else ""


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
    flash(
        f"Confirmed “{service.name}” is still accurate. Next review due "
        f"{service.review_due.strftime('%-d %B %Y')}."
    )
    return redirect(_back(url_for("curation.review_queue")))


@bp.route("/services/<service_id>/delete", methods=["GET", "POST"])
@access("curator")
def delete_service(service_id: str):
    session = get_session()
    if request.method == "GET":
        return render_template("curation/delete.html", service=curation.get_service(session, service_id))
    name = curation.delete_service(session, service_id, actor=_actor())
    flash(f"Deleted “{name}”.")
    return redirect(url_for("curation.dashboard"))


# --- queues ----------------------------------------------------------------------------------


@bp.get("")
@access("curator")
def dashboard():
    session = get_session()
    return render_template(
        "curation/dashboard.html", sizes=curation.queue_sizes(session), parked=parked(session, limit=5)
    )


@bp.get("/review")
@access("curator")
def review_queue():
    return render_template(
        "curation/review.html", queue=curation.review_queue(get_session()), today=date.today()
    )


@bp.get("/problems")
@access("curator")
def problems():
    return render_template(
        "curation/problems.html", problems=curation.open_problems(get_session()), kinds=curation.PROBLEM_KINDS
    )


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
    loaded = {
        s.id: s
        for s in session.exec(
            select(Service).where(col(Service.id).in_(ids)).options(*curation.load_options())
        )
    }
    pairs = [
        (flag, loaded[a.id], loaded[b.id], input_from_service(loaded[a.id]), input_from_service(loaded[b.id]))
        for flag, a, b in flags
    ]
    return render_template("curation/duplicates.html", pairs=pairs, errors=errors or {}), status


@bp.post("/duplicates/<int:flag_id>")
@access("curator")
def decide_duplicate(flag_id: int):
    choice = request.form.get("decision", "")
    if choice == "dismiss":
        duplicates.decide(get_session(), flag_id, "dismiss", _actor())
        flash("Marked as not duplicates. They will not be flagged again.")
    elif choice.startswith("keep:"):
        duplicates.decide(get_session(), flag_id, "merge", _actor(), keep_id=choice[len("keep:") :])
        flash(
            "Merged. The record you kept lists the other in its provenance; the other is hidden from search."
        )
    else:
        return duplicates_page({flag_id: "Choose which record to keep, or say they are not duplicates."}, 400)
    return redirect(url_for("curation.duplicates"))


# --- import ----------------------------------------------------------------------------------


@bp.route("/import", methods=["GET", "POST"])
@access("curator")
def import_feed():
    if request.method == "GET":
        return _import_form("", {}, whole_feed=False)
    publisher = request.form.get("publisher", "").strip()
    whole_feed = is_set(request.form.get("whole_feed"))
    try:
        upload = read_upload(request.form, request.files)
        job = import_jobs.start(real_app(), upload, actor=_actor())
    except import_jobs.ImportInProgress as error:
        return _import_form(publisher, {"publisher": error.message}, whole_feed), 409
    except ValidationError as error:
        # A whole-file problem (ImportFileError): nothing was imported.
        errors = {name if name == "publisher" else "file": text for name, text in error.fields.items()}
        if not errors or isinstance(error, ImportFileError):
            errors = {"file": error.message}
        return _import_form(publisher, errors, whole_feed), 400
    # A small feed is done in a moment: wait that long so the next page shows its report at once.
    import_jobs.wait(job.id, timeout=IMPORT_WAIT_SECONDS)
    return redirect(url_for("curation.import_job", job_id=job.id), 303)


def _import_form(publisher: str, errors: dict, whole_feed: bool) -> str:
    return render_template(
        "curation/import.html", publisher=publisher, errors=errors, report=None, whole_feed=whole_feed
    )


IMPORT_WAIT_SECONDS = 2


@bp.get("/csv-template")
@access("curator")
def csv_template():
    guide = _MARKDOWN.render(CSV_GUIDE.read_text(encoding="utf-8"))
    # NHS.UK frontend styles tables by class; the Markdown renderer writes bare tags.
    guide = guide.replace(
        "<table>", '<div class="nhsuk-table-container"><table class="nhsuk-table">'
    ).replace("</table>", "</table></div>")
    return render_template("curation/csv_template.html", guide=Markup(guide))


@bp.get("/imports/<job_id>")
@access("curator")
def import_job(job_id: str):
    job = import_jobs.get(get_session(), job_id)
    return render_template("curation/import_job.html", job=job, refresh_seconds=3)
