"""Provider pages (public, gated by the signed link) and the curator's side: issue a link, decide
proposed changes.

The token travels in the query string (GET) or the form body (POST), never in the path: the access
log records paths but not query strings, so links do not end up in logs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlmodel import Session

from ..access import access
from ..db import get_session
from ..directory import service as curation
from ..directory.records import status_from_oruk
from ..errors import Unavailable, ValidationError
from ..models import Service
from ..security import limiter
from ..vocabulary import COST_BANDS, cost_choice_label
from ..web import mail
from ..web.display import freshness
from . import reminders
from . import service as providers

bp = Blueprint("providers", __name__)

STATUS_TEXT = {"active": "Running", "temporarily_closed": "Temporarily closed"}
CHOICES = {
    "cost": [("", "Not known")]
    + [(band, cost_choice_label(band)) for band in COST_BANDS if band != "unknown"],
    "wheelchair": [("", "Not known"), ("yes", "Yes"), ("no", "No")],
    "accepting_referrals": [("", "Not known"), ("yes", "Yes"), ("no", "No")],
}
HINTS = {
    "schedule": "In words, for example: Tuesdays and Thursdays 10am to 12pm; first Monday of the month 2pm to 4pm",
    "postcode": "For example: M33 7ZZ",
}


def _limit() -> str:
    return current_app.config.get("PROVIDER_RATE_LIMIT") or "30/minute"


# One bucket for every link page, so guesses spread over the routes still count together.
link_limit = limiter.shared_limit(_limit, scope="provider-link")


@bp.errorhandler(providers.LinkProblem)
def _link_problem(error: providers.LinkProblem):
    return render_template(
        "providers/link_problem.html", message=error.message, expired=error.status == 410
    ), error.status


def _token() -> str:
    return (request.form.get("token") if request.method == "POST" else request.args.get("token")) or ""


def _opened_by_the_link(view: Callable) -> Callable:
    """A provider's page: open to anyone holding a link, every such page counted in one rate-limit
    bucket, and the view given the request's session, the token and the service it opens
    (LinkProblem, answered by ``_link_problem``, when it opens none)."""

    @functools.wraps(view)
    def opened():
        session = get_session()
        token = _token()
        return view(session, token, providers.read_link(session, token))

    return access("public")(link_limit(opened))


def _back_to_listing(token: str):
    return redirect(url_for("providers.listing", token=token), 303)


@bp.get("/provider")
@_opened_by_the_link
def listing(session: Session, token: str, service: Service):
    checked, _tier = freshness(service.last_verified_at)
    return render_template(
        "providers/listing.html",
        service=service,
        token=token,
        checked=checked,
        values=providers.current_values(service),
        labels=providers.EDITABLE,
        status=status_from_oruk(service.status),
        status_text=STATUS_TEXT,
        choices=CHOICES,
    )


@bp.post("/provider/confirm")
@_opened_by_the_link
def confirm(session: Session, token: str, service: Service):
    service = providers.confirm(session, service)
    flash(f"Thank you. “{service.name}” is confirmed as accurate today.")
    return _back_to_listing(token)


@bp.post("/provider/status")
@_opened_by_the_link
def status(session: Session, token: str, service: Service):
    service = providers.set_status(session, service, request.form.get("status", ""))
    state = status_from_oruk(service.status)
    flash(f"Thank you. “{service.name}” is now shown as {STATUS_TEXT[state].lower()}.")
    return _back_to_listing(token)


@bp.route("/provider/changes", methods=["GET", "POST"])
@_opened_by_the_link
def changes(session: Session, token: str, service: Service):
    if request.method == "GET":
        return _changes_form(service, token, providers.current_values(service), {}, 200)
    values = {name: request.form.get(name, "") for name in providers.EDITABLE}
    try:
        providers.propose(session, service, values)
    except ValidationError as error:
        session.rollback()
        return _changes_form(service, token, values, error.fields or {"form": error.message}, 400)
    flash(
        "Thank you. Your changes have been sent to the directory team, who will check them before "
        "they appear in the listing."
    )
    return _back_to_listing(token)


def _changes_form(service, token: str, values: dict, errors: dict, status_code: int):
    ordered = {name: errors[name] for name in (*providers.EDITABLE, "form") if name in errors}
    ordered.update({k: v for k, v in errors.items() if k not in ordered})
    return render_template(
        "providers/changes.html",
        service=service,
        token=token,
        values=values,
        errors=ordered,
        labels={**providers.EDITABLE, "form": ""},
        choices=CHOICES,
        hints=HINTS,
    ), status_code


# --- curators --------------------------------------------------------------------------------


@bp.route("/curate/services/<service_id>/provider-link", methods=["GET", "POST"])
@access("curator")
def send_link(service_id: str):
    session = get_session()
    service = curation.get_service(session, service_id)
    can_mail = mail.configured(current_app.config)
    address = (
        request.form.get("email", "").strip()
        if request.method == "POST"
        else (providers.contact_email(service) or "")
    )
    if request.method == "GET":
        return _link_page(service, address, can_mail, None, {}, 200)
    errors = {}
    if can_mail and address:
        try:
            address = mail.checked_address(address)
        except ValidationError as error:
            errors = error.fields
    if errors:
        return _link_page(service, address, can_mail, None, errors, 400)
    token = providers.issue_link(session, service_id, actor=current_user.username)
    url = url_for("providers.listing", token=token, _external=True)
    if can_mail and address:
        subject, text = reminders.message(service, url, providers.link_days())
        try:
            mail.send(current_app.config, address, subject, text)
        except Unavailable as error:
            return _link_page(service, address, can_mail, url, {"email": error.message}, 503)
        flash(f"Sent the provider a link at {address}. Any older link for this listing no longer works.")
        return redirect(url_for("curation.edit_service", service_id=service_id), 303)
    return _link_page(service, address, can_mail, url, {}, 200)


def _link_page(service, address: str, can_mail: bool, url: str | None, errors: dict, status_code: int):
    return render_template(
        "providers/send_link.html",
        service=service,
        can_mail=can_mail,
        url=url,
        errors=errors,
        days=providers.link_days(),
        values={"email": address},
        labels={"email": "Provider's email address"},
    ), status_code


@bp.get("/curate/proposals")
@access("curator")
def proposals(errors: dict | None = None, status_code: int = 200):
    return render_template(
        "providers/proposals.html", rows=providers.pending(get_session()), errors=errors or {}
    ), status_code


@bp.post("/curate/proposals/<int:proposal_id>")
@access("curator")
def decide(proposal_id: int):
    session = get_session()
    decision = request.form.get("decision", "")
    if decision == "approve":
        try:
            service = providers.approve(session, proposal_id, current_user.username)
        except ValidationError as error:
            detail = "; ".join(f"{providers.EDITABLE.get(k, k)}: {v}" for k, v in error.fields.items())
            return proposals({proposal_id: f"{error.message} {detail}".strip()}, 400)
        flash(f"Applied the provider's changes to “{service.name}”.")
    elif decision == "reject":
        providers.reject(session, proposal_id, current_user.username)
        flash("Rejected the provider's changes. The listing is unchanged.")
    else:
        return proposals({proposal_id: "Choose approve or reject."}, 400)
    return redirect(url_for("providers.proposals"), 303)


@bp.app_context_processor
def _pending_proposals():
    # A callable, so the count is queried only by a template that shows it.
    return {"provider_proposals_pending": lambda: providers.pending_count(get_session())}
