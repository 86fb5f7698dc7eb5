"""Referrals and wellbeing scores: the domain functions both the pages and the API call.

Order in each write: validate -> save -> audit -> commit. A link worker sees and changes only
their own referrals; anyone else's are "not found", so ids reveal nothing.

Nothing about the person is accepted beyond the case reference, the needs and the date: a request
carrying any other field (a "notes" box, a name) is refused rather than silently dropped, so an
integration that tries to send personal details finds out at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from matching import Profile
from matching.rank import features as rank_features
from matching.service import nearest_distances

from .. import audit
from ..db import retry_when_busy
from ..directory import geo
from ..directory import service as curation
from ..directory.documents import to_search_document
from ..errors import NotFound, ValidationError
from ..models import Referral, WellbeingScore, utcnow
from ..needs import taxonomy
from ..search import indexing
from ..services import services
from ..web.validation import validate
from . import workflow
from .identifiers import new_case_reference
from .schemas import ONS4, ReferralIn, WellbeingIn

# The fields a wellbeing form has, in the request model's order.
WELLBEING_FIELDS = tuple(WellbeingIn.model_fields)

ONS4_QUESTIONS = {
    "life_satisfaction": "Overall, how satisfied are you with your life nowadays?",
    "worthwhile": "Overall, to what extent do you feel the things you do in your life are worthwhile?",
    "happiness": "Overall, how happy did you feel yesterday?",
    "anxiety": "Overall, how anxious did you feel yesterday?",
}
FOLLOW_UP_AFTER = timedelta(days=14)


def _place(session: Session, raw: str | None, errors: dict) -> geo.Place | None:
    """The person's postcode district, used only to measure distance and never stored. A full
    postcode is cut to its district first, so the exact address never reaches the lookup."""
    if raw is None:
        return None
    normalised = geo.normalise_postcode(raw)
    if normalised is None:
        errors["area"] = "Enter a postcode district such as M33, or leave this blank."
        return None
    try:
        return geo.lookup(session, geo.outcode(normalised), field="area")
    except ValidationError as error:
        errors.update(error.fields)
        return None


# --- referrals ----------------------------------------------------------------------------------


def _service(session: Session, service_id: str | None, errors: dict):
    if not service_id or not service_id.strip():
        errors["service_id"] = "Choose the service you are referring to."
        return None
    try:
        service = curation.get_service(session, service_id.strip())
    except NotFound:
        errors["service_id"] = "There is no service with this id."
        return None
    if service.merged_into_id:
        errors["service_id"] = f"This listing was merged into {service.merged_into_id}: refer to that one."
    elif service.status != "active":
        errors["service_id"] = f"{service.name} is not taking part at the moment (status: {service.status})."
    return service


def features_for(
    session: Session, service, needs: list[str], place: geo.Place | None, days: list[str], now: datetime
) -> dict[str, float]:
    """The ranking features of ``service`` for this person's needs, place and days, as matching
    would compute them. Text relevance uses the needs' own words (the person's words are not
    kept), so it stays comparable between referrals."""
    document = to_search_document(service)
    profile_input: dict = {"needs": needs, "days": days}
    if place is not None:
        profile_input.update(
            lat=place.lat, lng=place.lng, areas=[code for code in (place.la_code, place.district) if code]
        )
    profile = Profile.from_dict(profile_input, taxonomy())
    distance = nearest_distances(profile.lat, profile.lng, [document])[0]
    text = 0.0
    app = session.info.get("app")
    if app is not None:
        model = services(app).text_models.get(session)
        if model is not None:
            text = float(model.score("", [document], needs=needs)[0])
    values = rank_features(profile, document, distance, text, now, needs=needs)
    return {name: round(float(value), 6) for name, value in values.items()}


@retry_when_busy
def create_referral(session: Session, data: dict, actor: str, now: datetime | None = None) -> Referral:
    now = now or utcnow()
    asked = validate(ReferralIn, data, context={"today": now.date()})
    errors: dict[str, str] = {}
    case_reference = asked.case_reference
    if case_reference and not _has_case(session, actor, case_reference):
        errors["case_reference"] = (
            "You have no referrals with this case reference. Leave it empty for a new "
            "person: the service will issue a code."
        )
    service = _service(session, asked.service_id, errors)
    place = _place(session, asked.area, errors)
    if errors:
        raise ValidationError("Some details are not valid.", errors)
    needs, days, status = asked.needs, asked.days, asked.status
    referred_on = asked.referred_on or now.date()
    case_reference = case_reference or _issue_case_reference(session)
    referral = Referral(
        owner=actor,
        case_reference=case_reference,
        service_id=service.id,
        service_name=service.name,
        needs=needs,
        referred_on=referred_on,
        status=status,
        status_changed_at=now,
        created_at=now,
        referred_at=now if status == "referred" else None,
        features=features_for(session, service, needs, place, days, now),
    )
    session.add(referral)
    session.flush()
    audit.record(
        session,
        actor,
        "referral.create",
        "referral",
        str(referral.id),
        {"status": [None, status], "service_id": [None, service.id], "needs": [None, needs]},
    )
    session.commit()
    return referral


def _has_case(session: Session, owner: str, case_reference: str) -> bool:
    return (
        session.exec(
            select(Referral.id).where(Referral.owner == owner, Referral.case_reference == case_reference)
        ).first()
        is not None
    )


def _issue_case_reference(session: Session) -> str:
    """A code no referral uses yet (anyone's: a code then names one person in the whole service)."""
    while True:
        code = new_case_reference()
        if session.exec(select(Referral.id).where(Referral.case_reference == code)).first() is None:
            return code


def get_referral(session: Session, referral_id: int, owner: str) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None or referral.owner != owner:
        raise NotFound(f"You have no referral {referral_id}.")
    return referral


def list_referrals(session: Session, owner: str, status: str | None = None) -> list[Referral]:
    statement = select(Referral).where(Referral.owner == owner)
    if status:
        statement = statement.where(Referral.status == workflow.check_status(status))
    return list(
        session.exec(statement.order_by(col(Referral.status_changed_at).desc(), col(Referral.id).desc()))
    )


@retry_when_busy
def change_status(
    session: Session, referral_id: int, new_status, actor: str, now: datetime | None = None
) -> Referral:
    referral = get_referral(session, referral_id, actor)
    old = referral.status
    workflow.check_transition(old, new_status)
    now = now or utcnow()
    referral.status = new_status
    referral.status_changed_at = now
    if new_status == "referred":
        referral.referred_at = now
    elif new_status == "accepted":
        referral.accepted_at = now
    session.add(referral)
    if old == "referred":
        # The service has answered: its "8 of 10 accepted" figures (and ranking) change.
        indexing.enqueue(session, referral.service_id)
    # A no_capacity answer changes nothing else: whether the listing's capacity needs updating
    # is a curator's call, and commissioners see these answers on the dashboard.
    audit.record(
        session, actor, "referral.status", "referral", str(referral.id), {"status": [old, new_status]}
    )
    session.commit()
    return referral


def history(session: Session, referral: Referral) -> list[dict]:
    events = audit.history(session, "referral", str(referral.id))
    rows = []
    for event in reversed(events):
        old, new = (list(event.changes.get("status") or [None, None]) + [None, None])[:2]
        rows.append({"at": event.at, "actor": event.actor, "from": old, "to": new})
    return rows


def referral_json(referral: Referral) -> dict:
    return {
        "id": referral.id,
        "case_reference": referral.case_reference,
        "service_id": referral.service_id,
        "service_name": referral.service_name,
        "needs": list(referral.needs),
        "referred_on": referral.referred_on.isoformat(),
        "status": referral.status,
        "status_changed_at": referral.status_changed_at.isoformat(),
        "next_statuses": list(workflow.TRANSITIONS[referral.status]),
    }


# --- wellbeing ----------------------------------------------------------------------------------


@retry_when_busy
def record_wellbeing(session: Session, data: dict, actor: str, now: datetime | None = None) -> WellbeingScore:
    """Save (or replace) one stage's ONS4 scores for one of the link worker's cases."""
    now = now or utcnow()
    asked = validate(WellbeingIn, data, context={"today": now.date()})
    case_reference, stage = asked.case_reference, asked.stage
    if not _has_case(session, actor, case_reference):
        message = "You have no referrals with this case reference. Record the referral first."
        raise ValidationError(message, {"case_reference": message})
    recorded_on = asked.recorded_on or now.date()
    scores = {name: getattr(asked, name) for name in ONS4}
    row = session.exec(
        select(WellbeingScore).where(
            WellbeingScore.owner == actor,
            WellbeingScore.case_reference == case_reference,
            WellbeingScore.stage == stage,
        )
    ).first()
    action = "wellbeing.update" if row else "wellbeing.record"
    if row is None:
        row = WellbeingScore(
            owner=actor, case_reference=case_reference, stage=stage, recorded_on=recorded_on, created_at=now
        )
    row.recorded_on = recorded_on
    row.updated_at = now
    for name, value in scores.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    # The scores themselves stay out of the audit trail: it says that, not what, was recorded.
    audit.record(session, actor, action, "wellbeing", str(row.id), {"stage": [None, stage]})
    session.commit()
    return row


def wellbeing_for_case(session: Session, owner: str, case_reference: str) -> dict[str, WellbeingScore]:
    rows = session.exec(
        select(WellbeingScore).where(
            WellbeingScore.owner == owner, WellbeingScore.case_reference == case_reference
        )
    )
    return {row.stage: row for row in rows}


def wellbeing_json(row: WellbeingScore) -> dict:
    return {
        "case_reference": row.case_reference,
        "stage": row.stage,
        "recorded_on": row.recorded_on.isoformat(),
        **{name: getattr(row, name) for name in ONS4},
    }


# --- the link worker's follow-up list -----------------------------------------------------------


@dataclass
class FollowUp:
    referral: Referral
    reasons: list[str] = field(default_factory=list)
    days_since_change: int = 0


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def follow_ups(
    session: Session, owner: str, now: datetime | None = None, after_days: int = FOLLOW_UP_AFTER.days
) -> list[FollowUp]:
    """Open referrals to chase once ``after_days`` have passed: no change since, or referred/accepted
    that long ago with no follow-up wellbeing scores for the case yet. Longest-waiting first."""
    now = now or utcnow()
    due = timedelta(days=after_days)
    referrals = session.exec(
        select(Referral).where(Referral.owner == owner, col(Referral.status).in_(workflow.OPEN))
    )
    followed = set(
        session.exec(
            select(WellbeingScore.case_reference).where(
                WellbeingScore.owner == owner, WellbeingScore.stage == "follow_up"
            )
        )
    )
    out = []
    for referral in referrals:
        age = now - _aware(referral.status_changed_at)
        item = FollowUp(referral, days_since_change=age.days)
        if age >= due:
            item.reasons.append(f"No change for {age.days} days")
        # Not on the day it is made: an outcome is due only once the follow-up period has passed.
        if (
            referral.status in ("referred", "accepted")
            and referral.case_reference not in followed
            and (now.date() - referral.referred_on).days >= after_days
        ):
            item.reasons.append("No outcome recorded yet")
        if item.reasons:
            out.append(item)
    out.sort(key=lambda item: (-item.days_since_change, item.referral.id))
    return out
