"""Referral pages under /referrals: the link worker's list, record, update and follow-up; the
commissioner's dashboard and CSV; the admin's view of the learned ranking model.

Every page works without JavaScript. Forms post back to themselves and re-render with the
errors and the values kept; success redirects (post/redirect/get) with a message.
"""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlmodel import col, select

from matching.rank import DEFAULT_WEIGHTS, FEATURE_NAMES

from ..access import access
from ..db import get_session
from ..errors import ValidationError
from ..models import Service, utcnow
from ..needs import taxonomy
from ..web import shortlist as plan
from . import bp, ranking, schemas, stats, workflow
from . import service as records

LABELS = {
    "case_reference": "Case reference",
    "service_id": "Service",
    "needs": "Needs this referral addresses",
    "referred_on": "Date",
    "status": "Status",
    "area": "Postcode district (optional)",
    "days": "Days",
    "stage": "When",
    "recorded_on": "Date scores were given",
    "body": "Form",
    **{name: question for name, question in records.ONS4_QUESTIONS.items()},
}
FEATURE_LABELS = {
    "need_coverage": "Needs met",
    "text_relevance": "Fits the words",
    "proximity": "Nearness",
    "timetable_fit": "Timetable fit",
    "freshness": "Listing freshness",
    "capacity": "Capacity",
    "responsiveness": "Accepts our referrals",
    "semantic": "Fits the meaning of the words",
    "circumstance_fit": "Fits the person's circumstances",
    "preference_fit": "Fits their preferences",
}


def _need_options() -> list[tuple[str, str]]:
    tax = taxonomy()
    return [(code, tax.label(code)) for code in tax.codes()]


@bp.app_template_filter("referral_status")
def _status_label(status: str) -> str:
    return workflow.label(status)


# --- link worker --------------------------------------------------------------------------------


@bp.get("/referrals/")
@access("link_worker")
def index():
    db = get_session()
    return render_template(
        "referrals/index.html",
        follow_ups=records.follow_ups(
            db, current_user.username, after_days=current_app.config["FOLLOW_UP_DAYS"]
        ),
        referrals=records.list_referrals(db, current_user.username),
        open_statuses=workflow.OPEN,
    )


def _shortlisted() -> list[tuple[str, str]]:
    ids = plan.shortlisted_ids()
    wanted = list(
        dict.fromkeys(ids + ([request.args["service_id"]] if request.args.get("service_id") else []))
    )
    if not wanted:
        return []
    found = dict(
        get_session().exec(select(Service.id, Service.name).where(col(Service.id).in_(wanted))).all()
    )
    return [(sid, found[sid]) for sid in wanted if sid in found]


def _form(template: str, values: dict, errors: dict, status: int, **choices):
    return render_template(template, values=values, errors=errors, labels=LABELS, **choices), status


def _new_form(values: dict, errors: dict, status: int = 200):
    initial = [(s, workflow.label(s)) for s in workflow.INITIAL]
    return _form(
        "referrals/new.html",
        values,
        errors,
        status,
        services=_shortlisted(),
        needs=_need_options(),
        initial=initial,
    )


@bp.get("/referrals/new")
@access("link_worker")
def new():
    # "Refer" on a match result arrives with the service and the needs it meets ticked.
    known = set(taxonomy().codes())
    values = {
        "referred_on": utcnow().date().isoformat(),
        "status": "referred",
        "service_id": request.args.get("service_id", ""),
        "needs": [n for n in dict.fromkeys(request.args.getlist("need")) if n in known][:5],
    }
    return _new_form(values, {})


@bp.post("/referrals/new")
@access("link_worker")
def create():
    form = request.form
    data: dict[str, str | list[str]] = {
        name: form.get(name, "") for name in ("case_reference", "service_id", "referred_on", "status", "area")
    }
    data["needs"] = form.getlist("needs")
    try:
        referral = records.create_referral(get_session(), data, actor=current_user.username)
    except ValidationError as error:
        return _new_form(data, error.fields, 400)
    flash(
        f"Recorded the referral to {referral.service_name}. The case reference is {referral.case_reference}: "
        "note it in your own records to find this person's referrals and record their wellbeing."
    )
    return redirect(url_for("referrals.detail", referral_id=referral.id))


@bp.get("/referrals/<int:referral_id>")
@access("link_worker")
def detail(referral_id: int, errors: dict | None = None, status: int = 200):
    db = get_session()
    referral = records.get_referral(db, referral_id, current_user.username)
    wellbeing = records.wellbeing_for_case(db, current_user.username, referral.case_reference)
    tax = taxonomy()
    page = render_template(
        "referrals/detail.html",
        referral=referral,
        history=records.history(db, referral),
        next_statuses=[(s, workflow.label(s)) for s in workflow.TRANSITIONS[referral.status]],
        need_labels=[tax.label(n) if n in tax else n for n in referral.needs],
        wellbeing=wellbeing,
        stages=schemas.STAGES,
        ons4=records.ONS4_QUESTIONS,
        errors=errors or {},
        values={},
        labels=LABELS,
    )
    return page, status


@bp.post("/referrals/<int:referral_id>/status")
@access("link_worker")
def change_status(referral_id: int):
    try:
        referral = records.change_status(
            get_session(), referral_id, request.form.get("status"), actor=current_user.username
        )
    except ValidationError as error:
        fields = error.fields or {"status": error.message}
        return detail(referral_id, fields, 400)
    flash(f"Referral {referral.case_reference} is now: {workflow.label(referral.status).lower()}.")
    return redirect(url_for("referrals.detail", referral_id=referral.id))


def _wellbeing_form(values: dict, errors: dict, status: int = 200):
    scores = [(str(n), str(n)) for n in range(11)]
    stages = list(schemas.STAGES.items())
    return _form(
        "referrals/wellbeing.html",
        values,
        errors,
        status,
        stages=stages,
        ons4=records.ONS4_QUESTIONS,
        scores=scores,
    )


@bp.get("/referrals/wellbeing")
@access("link_worker")
def wellbeing():
    values = {
        "case_reference": request.args.get("case", ""),
        "stage": request.args.get("stage") if request.args.get("stage") in schemas.STAGES else "",
        "recorded_on": utcnow().date().isoformat(),
    }
    return _wellbeing_form(values, {})


@bp.post("/referrals/wellbeing")
@access("link_worker")
def record_wellbeing():
    data = {name: request.form.get(name, "") for name in records.WELLBEING_FIELDS}
    try:
        row = records.record_wellbeing(get_session(), data, actor=current_user.username)
    except ValidationError as error:
        return _wellbeing_form(data, error.fields, 400)
    flash(f"Saved wellbeing scores for {row.case_reference} ({schemas.STAGES[row.stage].lower()}).")
    return redirect(url_for("referrals.index"))


# --- commissioner -------------------------------------------------------------------------------


@bp.get("/referrals/dashboard")
@access("commissioner")
def dashboard():
    return render_template(
        "referrals/dashboard.html",
        data=stats.summary(get_session()),
        ons4=schemas.ONS4,
        ons4_short={
            "life_satisfaction": "Life satisfaction",
            "worthwhile": "Worthwhile",
            "happiness": "Happiness",
            "anxiety": "Anxiety",
        },
    )


@bp.get("/referrals/dashboard.csv")
@access("commissioner")
def dashboard_csv():
    body = stats.to_csv(stats.summary(get_session()))
    stamp = utcnow().strftime("%Y-%m-%d")
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="referrals-{stamp}.csv"'},
    )


# --- admin: the learned ranking model ------------------------------------------------------------


@bp.get("/referrals/model")
@access("admin")
def model():
    db = get_session()
    active = ranking.active_model(db)
    return render_template(
        "referrals/model.html",
        active=active,
        missing=[FEATURE_LABELS.get(n, n) for n in ranking.missing_features(active)] if active else [],
        runs=ranking.history(db),
        feature_names=FEATURE_NAMES,
        feature_labels=FEATURE_LABELS,
        default_weights=DEFAULT_WEIGHTS,
        min_rows=ranking.MIN_ROWS,
        training_rows=len(ranking.export_training_rows(db)),
        win_share=ranking.WIN_SHARE,
    )


@bp.post("/referrals/model/retire")
@access("admin")
def retire_model():
    count = ranking.retire(get_session(), actor=current_user.username)
    flash("Matching now uses the hand-set weights." if count else "No learned model was in use.")
    return redirect(url_for("referrals.model"))
