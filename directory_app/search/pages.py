"""Search, service detail and the navigator's shortlist: server-rendered pages over ``search.service``
and ``directory.service``. Every page works without JavaScript.

The shortlist lives in the signed session cookie as service ids only: nothing about the person
being helped is ever stored.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlmodel import col, select
from werkzeug.datastructures import MultiDict

from matching import situations

from .. import audit
from ..access import access, role_allowed
from ..db import get_session
from ..directory import service as curation
from ..directory.documents import to_search_document
from ..errors import Unavailable, ValidationError
from ..models import Service
from ..needs import taxonomy
from ..search import service as query
from ..security import limiter
from ..services import services
from ..vocabulary import AUDIT_ACTION_LABELS, DAY_NAMES, DELIVERY_LABELS
from ..web import mail
from ..web import shortlist as plan
from ..web.display import _as_datetime, card, long_date, next_session_text, shorten, unknown_lines, web_link
from ..web.flags import is_set
from ..web.urls import safe_next

bp = Blueprint("search", __name__)

RADII = (1, 2, 5, 10, 25)
DEFAULT_RADIUS = "5"
FIELD_LABELS = {
    "q": "What are you looking for",
    "postcode": "Postcode",
    "radius_km": "Distance",
    "need": "Needs",
    "day": "Days",
    "delivery": "How it is delivered",
    "free_only": "Free only",
    "wheelchair": "Wheelchair accessible",
    "age": "Age",
    "page": "Page",
    "per_page": "Results per page",
    "lat": "Latitude",
    "lng": "Longitude",
    "kind": "What is the problem",
    "details": "Details",
    "sort": "Sort by",
}
SORT_LABELS = {"relevance": "Best match", "nearest": "Nearest first"}
ROUTES_FOR_PERSON = {
    "self": "You can contact them yourself",
    "drop_in": "You can just turn up",
    "professional": "Ask your link worker, GP or another professional to refer you",
}


def _can(rule: str) -> bool:
    return role_allowed(rule, current_user.role if current_user.is_authenticated else None)


@bp.context_processor
def _helpers():
    return {"shortlist_ids": set(plan.shortlisted_ids()), "field_labels": FIELD_LABELS}


# --- search -------------------------------------------------------------------------------------


def _form_args(args: MultiDict) -> MultiDict:
    """The form always sends a radius; it only means something next to a postcode (5 km if unset)."""
    args = MultiDict(args)
    has_place = (args.get("postcode") or "").strip() or args.get("lat") or args.get("lng")
    if not has_place:
        args.pop("radius_km", None)
    elif not (args.get("radius_km") or "").strip():
        args["radius_km"] = DEFAULT_RADIUS
    return args


def _page_url(args: MultiDict, page: int) -> str:
    values: dict[str, Any] = {key: args.getlist(key) for key in args if key != "page"}
    return url_for("search.index", **values, page=page)


@bp.route("/")
@access("public")
def index():
    args = _form_args(request.args)
    errors, results, need_counts, pages = {}, None, {}, {}
    asked = {}
    if request.args:
        try:
            params = query.parse_params(args)
        except ValidationError as error:
            errors = error.fields
        else:
            asked = {"free_only": params.free_only, "wheelchair": params.wheelchair}
            index = services().index
            results = query.search(index, params)
            results["cards"] = [card(hit) for hit in results["hits"]]
            need_counts = results["facets"].get("needs", {})
            if params.needs:
                # Ticked needs widen the search (any of them), so counts are taken without the
                # needs filter: "Food (12)" means 12 services meet Food under the other filters.
                wider = dataclasses.replace(params, needs=[], page=1, per_page=1)
                need_counts = query.search(index, wider)["facets"].get("needs", {})
            if results["page"] > 1:
                pages["previous"] = _page_url(args, results["page"] - 1)
            if results["page"] < results["total_pages"]:
                pages["next"] = _page_url(args, results["page"] + 1)
    tax = taxonomy()
    needs = [(code, tax.label(code)) for code in tax.codes()]
    page = render_template(
        "search/index.html",
        args=args,
        errors=errors,
        results=results,
        asked=asked,
        sort_labels=SORT_LABELS,
        unknown_lines=unknown_lines((results or {}).get("unknown") or {}),
        needs=needs,
        need_counts=need_counts,
        pages=pages,
        radii=RADII,
        delivery_labels={mode: DELIVERY_LABELS[mode] for mode in query.DELIVERY},
        days=list(DAY_NAMES.items()),
        default_radius=DEFAULT_RADIUS,
    )
    return page, 400 if errors else 200


# --- service detail and problem reports -----------------------------------------------------------


def _history_rows(service_id: str) -> list[dict]:
    rows = []
    for event in audit.history(get_session(), "service", service_id):
        changes = []
        for field, pair in (event.changes or {}).items():
            old, new = (list(pair) + [None, None])[:2] if isinstance(pair, (list, tuple)) else (None, pair)
            changes.append({"field": field.replace("_", " "), "old": _plain(old), "new": _plain(new)})
        at = _as_datetime(event.at)
        rows.append(
            {
                "at": f"{long_date(at)} {at:%H:%M}",
                "actor": event.actor or "unknown",
                "action": AUDIT_ACTION_LABELS.get(event.action, event.action),
                "changes": changes,
                "created": event.action == "service.create",
            }
        )
    return rows


def _plain(value) -> str:
    if value in (None, "", []):
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return shorten(str(value), 120)


def _back_to_results() -> str:
    """Return to the search the person came from, if they came from one on this site."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path == url_for("search.index"):
        return url_for("search.index") + ("?" + referrer.query if referrer.query else "")
    return url_for("search.index")


@bp.route("/services/<service_id>")
@access("public")
def service_detail(service_id: str, report_errors: dict | None = None, status: int = 200):
    service = curation.get_service(get_session(), service_id)
    doc = to_search_document(service)
    tax = taxonomy()
    locations = []
    for link in service.service_at_locations:
        location = link.location
        lines = [location.name]
        for address in location.addresses:
            lines += [address.address_1, address.city]
        lines.append(location.postcode)
        access_notes = [a.description or a.accessibility for a in location.accessibility]
        locations.append(
            {"lines": [line for line in lines if line], "access": [note for note in access_notes if note]}
        )
    organization = service.organization
    details = {
        "card": card(doc),
        "service": service,
        "doc": doc,
        "eligibility": [tax.eligibility_label(code) for code in service.eligibility]
        + [situations.label(code) for code in doc.get("situations") or ()],
        "delivery": [DELIVERY_LABELS.get(mode, mode) for mode in service.delivery],
        "locations": locations,
        "phones": [p.number for p in service.phones if p.number],
        "email": service.email or (organization.email if organization else None),
        "website": web_link(service.url) or web_link(organization.website if organization else None),
        "verified_by": service.last_verified_by,
        "next_session": next_session_text(doc),
        "imported_at": long_date(service.imported_at) if service.imported_at else None,
        "merged_into": service.merged_into_id,
    }
    history = _history_rows(service.id) if _can("curator") else None
    page = render_template(
        "search/service.html",
        **details,
        history=history,
        report_errors=report_errors or {},
        form=request.form,
        problem_kinds=curation.PROBLEM_KINDS,
        back_url=_back_to_results(),
    )
    return page, status


@bp.post("/services/<service_id>/report")
@access("public")
@limiter.limit("30/hour")
def report_problem(service_id: str):
    try:
        curation.report_problem(
            get_session(), service_id, request.form.get("kind", ""), request.form.get("details")
        )
    except ValidationError as error:
        return service_detail(service_id, report_errors=error.fields, status=400)
    flash("Thank you for telling us. The directory team will check this listing.")
    return redirect(url_for("search.service_detail", service_id=service_id))


# --- shortlist ------------------------------------------------------------------------------------


def _shortlisted_services() -> list[dict]:
    ids = plan.shortlisted_ids()
    if not ids:
        return []
    statement = select(Service).where(col(Service.id).in_(ids)).options(*curation.load_options())
    found = {service.id: service for service in get_session().exec(statement)}
    if len(found) != len(ids):  # deleted since it was added: forget it quietly
        plan.keep_only([i for i in ids if i in found])
    entries = []
    for service_id in ids:
        if service_id in found:
            service = found[service_id]
            entries.append(
                {
                    "card": card(to_search_document(service)),
                    "service": service,
                    "phones": [p.number for p in service.phones if p.number],
                    "website": web_link(service.url),
                    "email": service.email,
                    "how": [
                        ROUTES_FOR_PERSON[r]
                        for r in ("drop_in", "self", "professional")
                        if r in service.referral_routes
                    ],
                    "address": _address(service),
                    "where": _where_for_sheet(service),
                }
            )
    return entries


def _where_for_sheet(service: Service) -> str | None:
    """Where, in the person's terms, for a service without an address; None when not recorded."""
    modes = [DELIVERY_LABELS[m] for m in ("phone", "online") if m in (service.delivery or [])]
    return " or ".join(modes) or None


def _contact_lines() -> list[str]:
    """SHEET_CONTACT (e.g. "Sale Medical Centre | Link worker: 0161 000 0000"): one line per part."""
    text = current_app.config.get("SHEET_CONTACT") or ""
    return [
        line.strip() for line in text.replace("\\n", "\n").replace("|", "\n").splitlines() if line.strip()
    ]


def _address(service: Service) -> str | None:
    for link in service.service_at_locations:
        location = link.location
        parts = [location.name] + [part for a in location.addresses for part in (a.address_1, a.city)]
        parts.append(location.postcode)
        text = ", ".join(p for p in parts if p)
        if text:
            return text
    return None


def _back(default_endpoint: str = "search.shortlist"):
    return redirect(safe_next(request.form.get("next")) or url_for(default_endpoint))


@bp.post("/shortlist/add")
@access("navigator")
def shortlist_add():
    service = curation.get_service(get_session(), request.form.get("service_id", ""))
    outcome = plan.add(service.id)
    if outcome == "already":
        flash(f"{service.name} is already on your shortlist.")
    elif outcome == "full":
        flash(f"Your shortlist is full ({plan.SHORTLIST_MAX} services). Remove one before adding another.")
    else:
        flash(f"Added {service.name} to your shortlist.")
    return _back()


@bp.post("/shortlist/remove")
@access("navigator")
def shortlist_remove():
    service_id = request.form.get("service_id", "")
    if plan.remove(service_id):
        flash("Removed from your shortlist.")
    return _back()


@bp.post("/shortlist/clear")
@access("navigator")
def shortlist_clear():
    plan.clear()
    flash("Your shortlist is now empty.")
    return redirect(url_for("search.shortlist"))


def _sheet(large: bool) -> dict:
    """What the printed and the emailed sheet both show."""
    return {
        "entries": _shortlisted_services(),
        "large": large,
        "today": long_date(datetime.now(UTC)),
        "contact_lines": _contact_lines(),
    }


def _sheet_page(page: str, large: bool, email_errors: dict | None = None, email_value: str = ""):
    """The shortlist ("list") or printed sheet ("print") page, with the "email this sheet" form."""
    email = {
        "email_ready": mail.configured(current_app.config),
        "email_errors": email_errors or {},
        "email_value": email_value,
    }
    if page == "print":
        return render_template("search/print.html", **_sheet(large), **email)
    return render_template(
        "search/shortlist.html", entries=_shortlisted_services(), email_large=large, **email
    )


@bp.get("/shortlist")
@access("navigator")
def shortlist():
    return _sheet_page("list", large=False)


@bp.get("/shortlist/print")
@access("navigator")
def shortlist_print():
    return _sheet_page("print", large=is_set(request.args.get("large")))


@bp.post("/shortlist/email")
@access("navigator")
@limiter.limit("30/hour")
def shortlist_email():
    """Send the sheet to the person. The address lives only in this request: it is not put in the
    database, the session, a flash message, the audit trail or a log line."""
    page = "print" if request.form.get("page") == "print" else "list"
    large = is_set(request.form.get("large"))
    typed = (request.form.get("email") or "")[:320]
    if not mail.configured(current_app.config):
        return _sheet_page(page, large, {"email": "Email is not set up on this service."}), 503
    sheet = _sheet(large)
    if not sheet["entries"]:
        return _sheet_page(
            page, large, {"email": "Your shortlist is empty: add services before sending."}
        ), 400
    try:
        address = mail.checked_address(typed)
        mail.send(
            current_app.config,
            address,
            "Services that may help you",
            render_template("search/sheet_email.txt", **sheet),
            render_template("search/sheet_email.html", **sheet),
        )
    except ValidationError as error:
        return _sheet_page(page, large, error.fields, typed), 400
    except Unavailable as error:
        return _sheet_page(page, large, {"email": error.message}, typed), 503
    flash("The sheet has been sent. The email address has not been kept.")
    if page == "print":
        return redirect(url_for("search.shortlist_print", large=1 if large else None))
    return redirect(url_for("search.shortlist"))
