"""Referrals over JSON, at /api/v1/referrals: the same domain functions the pages call."""

from __future__ import annotations

from flask import current_app, jsonify
from flask_login import current_user

from ..access import access
from ..db import get_session
from ..web.api import json_body
from ..web.openapi import spec
from . import bp, schemas, stats
from . import service as records

PREFIX = "/api/v1/referrals"


@bp.post(PREFIX)
@access("link_worker")
@spec("Record a referral", body=schemas.ReferralIn, ok=schemas.ReferralOut, status=201)
def api_create():
    """Record a referral: case_reference, service_id, needs, referred_on, status (suggested or
    referred), and optionally area (postcode district) and days, used only to work out the
    ranking features."""
    referral = records.create_referral(get_session(), json_body(), actor=current_user.username)
    return jsonify(records.referral_json(referral)), 201


@bp.get(PREFIX)
@access("link_worker")
@spec("Your referrals", query=schemas.ReferralQuery, ok=schemas.ReferralList)
def api_list(query: schemas.ReferralQuery):
    """Your own referrals, most recently changed first; ?status= to filter."""
    referrals = records.list_referrals(get_session(), current_user.username, query.status)
    return jsonify({"referrals": [records.referral_json(r) for r in referrals]})


@bp.get(f"{PREFIX}/<int:referral_id>")
@access("link_worker")
@spec(
    "One of your referrals, with its status history and the case's wellbeing scores",
    ok=schemas.ReferralDetail,
)
def api_detail(referral_id: int):
    session = get_session()
    referral = records.get_referral(session, referral_id, current_user.username)
    wellbeing = records.wellbeing_for_case(session, current_user.username, referral.case_reference)
    return jsonify(
        {
            **records.referral_json(referral),
            "history": [
                {**event, "at": event["at"].isoformat()} for event in records.history(session, referral)
            ],
            "wellbeing": {stage: records.wellbeing_json(row) for stage, row in wellbeing.items()},
        }
    )


@bp.post(f"{PREFIX}/<int:referral_id>/status")
@access("link_worker")
@spec("Move a referral to its next status", body=schemas.StatusIn, ok=schemas.ReferralOut)
def api_status(referral_id: int, body: schemas.StatusIn):
    referral = records.change_status(get_session(), referral_id, body.status, actor=current_user.username)
    return jsonify(records.referral_json(referral))


@bp.post(f"{PREFIX}/wellbeing")
@access("link_worker")
@spec("Record a case's ONS4 wellbeing scores", body=schemas.WellbeingIn, ok=schemas.WellbeingOut, status=201)
def api_wellbeing():
    """ONS4 scores (0-10 each) for one of your case references, at referral or at follow-up."""
    row = records.record_wellbeing(get_session(), json_body(), actor=current_user.username)
    return jsonify(records.wellbeing_json(row)), 201


@bp.get(f"{PREFIX}/follow-up")
@access("link_worker")
@spec("Your open referrals that need following up", ok=schemas.FollowUps)
def api_follow_up():
    return jsonify(
        {
            "follow_up": [
                {
                    **records.referral_json(item.referral),
                    "reasons": item.reasons,
                    "days_since_change": item.days_since_change,
                }
                for item in records.follow_ups(
                    get_session(), current_user.username, after_days=current_app.config["FOLLOW_UP_DAYS"]
                )
            ]
        }
    )


@bp.get(f"{PREFIX}/summary")
@access("commissioner")
@spec("Referral outcomes by need and service, small numbers suppressed", ok=schemas.Summary)
def api_summary():
    """Counts, rates and wellbeing change by need and by service; small numbers suppressed."""
    return jsonify(stats.summary(get_session()))
