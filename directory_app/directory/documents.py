"""The one place where a service becomes a search document (see docs/service-document.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from statistics import median
from typing import Any, cast

from sqlalchemy import func, or_
from sqlalchemy.orm import object_session, selectinload
from sqlmodel import Session, col, select

from matching.fit import COMMUNITIES_NAMED, service_text
from matching.forces_branch import FORCES_BRANCHES, service_branches
from matching.situations import communities_named

from ..models import Attribute, DuplicateFlag, Organization, Referral, Service, ServiceAtLocation, rel, utcnow
from ..needs import taxonomy
from ..vocabulary import DAYS
from .understanding import (
    capacity_said,
    exclusion_codes,
    practice_limit,
    residency_said,
    runs_until,
    says_closed,
    season_months,
    situation_codes,
    time_windows,
    understood_days,
    understood_hours,
    works_in_codes,
)

CAPACITY_STALE_AFTER = timedelta(days=30)
# How a service answers our referrals is shown, and used in ranking, only once at least this many
# have been answered (or accepted, for the time taken): fewer say little and could point to a person.
MIN_REFERRALS = 5
FIGURES_CHUNK = 500  # ids per query, well under SQLite's bound-parameter limit
NO_REFERRAL_FIGURES: dict[str, Any] = {
    "referrals_answered": None,
    "referrals_accepted": None,
    "accept_days_median": None,
}


def live_services(*columns: Any) -> Any:
    """A select of ``columns`` over every live (not merged-away) service, joined to its
    organisation where it has one."""
    return (
        select(*columns)  # type: ignore[call-overload]  # SQLModel types select() for up to 4 columns
        .outerjoin(Organization, col(Organization.id) == Service.organization_id)
        .where(col(Service.merged_into_id).is_(None))
    )


def load_services(session: Session, ids: list[str]) -> list[Service]:
    statement = (
        select(Service)
        .where(col(Service.id).in_(ids))
        .options(
            selectinload(rel(Service.organization)),
            selectinload(rel(Service.schedules)),
            selectinload(rel(Service.cost_options)),
            selectinload(rel(Service.service_areas)),
            # Each attribute's term too: read one attribute at a time, they were a tenth of a rebuild.
            selectinload(rel(Service.attributes)).selectinload(rel(Attribute.taxonomy_term)),
            selectinload(rel(Service.service_at_locations)).selectinload(rel(ServiceAtLocation.location)),
        )
    )
    return list(session.exec(statement))


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def valid_point(lat, lng) -> bool:
    return lat is not None and lng is not None and -90 <= lat <= 90 and -180 <= lng <= 180


def schedule_days(byday: str | None) -> list[str]:
    days = []
    for part in (byday or "").upper().replace(" ", "").split(","):
        code = part[-2:] if len(part) >= 2 else ""
        if code in DAYS and code not in days:
            days.append(code)
    return days


def cost_text(service: Service) -> str | None:
    if service.cost_band == "free":
        return "Free"  # a curator's "free" wins over an old amount left in the cost options
    amounts = [c for c in service.cost_options if c.amount]
    if amounts:
        option = amounts[0]
        text = f"£{option.amount:.2f}"
        if option.amount_description:
            text += f" {option.amount_description}"
        return text
    return {"free": "Free", "low_cost": "Small charge", "paid": "Charge"}.get(service.cost_band)


def capacity(service: Service, now: datetime | None = None) -> tuple[bool | None, float | None]:
    """Capacity given as such, or else as the record's words say it ("Red – closed to new referrals
    until April 2027"), which are as fresh as the feed that brings them. Capacity given older than
    30 days is treated as unknown: providers' lists change week to week."""
    now = now or utcnow()
    if service.capacity_updated_at is None:
        return capacity_said(service)
    if now - service.capacity_updated_at > CAPACITY_STALE_AFTER:
        return None, None
    return service.accepting_referrals, service.wait_weeks


def directory_version(session: Session) -> tuple:
    """How many live services there are and when one last changed: what a per-process cache built
    from the whole directory (the gap report's documents, the text model) is checked against."""
    return tuple(
        session.exec(
            select(func.count(), func.max(Service.last_modified)).where(col(Service.merged_into_id).is_(None))
        ).one()
    )


def referral_figures(session: Session | None, service_id: str) -> dict:
    """How the service has answered the referrals sent to it, from our own records: how many it
    answered (accepted, declined or had no room), how many it accepted, and the median days from
    sent to accepted. Figures from fewer than MIN_REFERRALS referrals, or whose accepted or
    turned-away part is below it, are None, so they never reach the index, the cards or the ranking."""
    if session is None:
        return dict(NO_REFERRAL_FIGURES)
    rows = session.exec(
        select(Referral.status, Referral.referred_at, Referral.accepted_at).where(
            Referral.service_id == service_id, col(Referral.referred_at).is_not(None)
        )
    ).all()
    return _figures(rows)


def referral_figures_many(session: Session, service_ids: list[str]) -> dict[str, dict]:
    """``referral_figures`` of many services in one query (documents built in bulk: a drain, a
    reindex), rather than one query per document."""
    rows: dict[str, list] = {service_id: [] for service_id in service_ids}
    for start in range(0, len(service_ids), FIGURES_CHUNK):
        for service_id, status, referred_at, accepted_at in session.exec(
            select(Referral.service_id, Referral.status, Referral.referred_at, Referral.accepted_at).where(
                col(Referral.service_id).in_(service_ids[start : start + FIGURES_CHUNK]),
                col(Referral.referred_at).is_not(None),
            )
        ):
            rows[service_id].append((status, referred_at, accepted_at))
    return {service_id: _figures(found) for service_id, found in rows.items()}


def twins_many(session: Session, service_ids: list[str]) -> dict[str, list[str]]:
    """The other record of each open duplicate pair whose two records are both live: the same
    service listed by two publishers, which matching holds to the stricter of what the two say
    about who may use it (matching/twins.py)."""
    twins: dict[str, set[str]] = {service_id: set() for service_id in service_ids}
    merged = select(Service.id).where(col(Service.merged_into_id).is_not(None))
    for start in range(0, len(service_ids), FIGURES_CHUNK):
        chunk = service_ids[start : start + FIGURES_CHUNK]
        for first, second in session.exec(
            select(DuplicateFlag.service_id, DuplicateFlag.other_id).where(
                DuplicateFlag.status == "open",
                or_(col(DuplicateFlag.service_id).in_(chunk), col(DuplicateFlag.other_id).in_(chunk)),
                col(DuplicateFlag.service_id).not_in(merged),
                col(DuplicateFlag.other_id).not_in(merged),
            )
        ):
            if first in twins:
                twins[first].add(second)
            if second in twins:
                twins[second].add(first)
    return {service_id: sorted(found) for service_id, found in twins.items()}


def related_many(session: Session, service_ids: list[str]) -> dict[str, dict]:
    """What a batch of documents carries from other tables (referral figures, twins), read in a
    few queries for the batch rather than a few per document."""
    figures, twins = referral_figures_many(session, service_ids), twins_many(session, service_ids)
    return {service_id: {**figures[service_id], "twins": twins[service_id]} for service_id in service_ids}


def _figures(rows) -> dict:
    answered = [
        (referred_at, accepted_at) for status, referred_at, accepted_at in rows if status != "referred"
    ]
    accepted = [(sent, taken) for sent, taken in answered if taken is not None and sent is not None]
    figures = dict(NO_REFERRAL_FIGURES)
    turned_away = len(answered) - len(accepted)
    # "8 of 10 accepted" would say 2 were turned away: as on the commissioners' dashboard, a part
    # of 1 to 4 suppresses the pair.
    small_part = any(0 < part < MIN_REFERRALS for part in (len(accepted), turned_away))
    if len(answered) >= MIN_REFERRALS and not small_part:
        figures.update(referrals_answered=len(answered), referrals_accepted=len(accepted))
    if len(accepted) >= MIN_REFERRALS:
        days = [max(0.0, (taken - sent).total_seconds() / 86400) for sent, taken in accepted]
        figures["accept_days_median"] = round(median(days), 2)
    return figures


def to_search_document(service: Service, related: dict[str, dict] | None = None) -> dict:
    """``related``: ``related_many`` of a batch that includes this service, when the caller builds
    many documents; otherwise they are read here."""
    tax = taxonomy()
    locations = []
    wheelchair_values = []
    for link in service.service_at_locations:
        location = link.location
        wheelchair_values.append(location.wheelchair)
        entry: dict[str, Any] = {"name": location.name, "postcode": location.postcode}
        if valid_point(location.latitude, location.longitude):
            entry["lat"] = location.latitude
            entry["lng"] = location.longitude
        locations.append(entry)
    schedules = []
    days: list[str] = []
    for schedule in service.schedules:
        byday = schedule_days(schedule.byday)
        schedules.append(
            {
                "byday": byday,
                # With ordinals ("1TU": first Tuesday), for saying the times in plain words.
                "rule_byday": [p.strip() for p in (schedule.byday or "").upper().split(",") if p.strip()],
                "opens_at": schedule.opens_at.strftime("%H:%M") if schedule.opens_at else None,
                "closes_at": schedule.closes_at.strftime("%H:%M") if schedule.closes_at else None,
                "description": schedule.description,
                # Every other week (or rarer), and one session's date to know which weeks.
                "interval": schedule.interval if schedule.interval and schedule.interval > 1 else None,
                "dtstart": schedule.dtstart.isoformat() if schedule.dtstart else None,
            }
        )
        days.extend(d for d in byday if d not in days)
    if not days:
        days = understood_days(service)
    days.sort(key=DAYS.index)
    if any(value is True for value in wheelchair_values):
        wheelchair = True
    elif wheelchair_values and all(value is False for value in wheelchair_values):
        wheelchair = False
    else:
        wheelchair = None
    accepting, wait = capacity(service)
    service_area = [
        area.service_area or area.name for area in service.service_areas if (area.service_area or area.name)
    ]
    document = {
        "id": service.id,
        "name": service.name,
        "organization": service.organization.name if service.organization else None,
        "organization_id": service.organization_id,
        "description": service.description or "",
        "needs": list(service.needs),
        "need_labels": [tax.label(code) for code in service.needs if code in tax.codes()],
        "need_terms": [term for code in service.needs if code in tax.codes() for term in tax.synonyms(code)],
        "taxonomy_terms": sorted(
            {term.taxonomy_term.name for term in service.attributes if term.taxonomy_term is not None}
            | set(service.taxonomy_codes)
        ),
        "taxonomy_term_ids": sorted({a.taxonomy_term_id for a in service.attributes if a.taxonomy_term_id}),
        "status": service.status.replace(" ", "_"),
        "says_closed": says_closed(service),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "age_min_filter": service.minimum_age if service.minimum_age is not None else 0,
        "age_max_filter": service.maximum_age if service.maximum_age is not None else 200,
        "cost_band": service.cost_band,
        "cost_text": cost_text(service),
        "delivery": list(service.delivery),
        "referral_routes": list(service.referral_routes),
        "wheelchair": wheelchair,
        "eligibility": list(service.eligibility),
        # Situations the record restricts it to (matching.situations), as the understanding read them.
        "situations": situation_codes(service),
        "time_windows": time_windows(service),
        "season_months": season_months(service),
        "runs_until": runs_until(service),
        "exclusions": exclusion_codes(service),
        # the one GP practice whose patients alone may come ({"name", "words"}), as last understood
        "practice_limit": practice_limit(service),
        "area_wide": service.area_wide,
        "service_area": service_area,
        # GSS codes of the areas whose residents only may use it (understood from the record).
        "residency": list(service.residency or []),
        "residency_said": residency_said(service),
        # ... and of where the organisation says it works, which its remote services reach.
        "works_in": works_in_codes(service),
        "locations": locations,
        "days": days,
        "schedules": schedules,
        # read from the words only where no schedule gives a time
        "hours_read": []
        if any(s["opens_at"] or s["closes_at"] for s in schedules)
        else understood_hours(service),
        "schedule_text": service.schedule_text,
        "accepting_referrals": accepting,
        "wait_weeks": wait,
        "capacity_updated_at": _iso(service.capacity_updated_at),
        "last_verified_at": _iso(service.last_verified_at),
        "last_verified_ts": int(service.last_verified_at.timestamp()) if service.last_verified_at else 0,
        "last_modified": _iso(service.last_modified),
        "under_review": service.under_review,
        "publisher": service.publisher,
        # Refreshed when a service answers a referral (referrals.service queues it for indexing)
        # and when a duplicate flag is opened or decided (duplicates.py queues both records).
        **(related[service.id] if related is not None and service.id in related else _related(service)),
    }
    # Read from its words here, once, not from each candidate's words in every match.
    document[COMMUNITIES_NAMED] = sorted(communities_named(service_text(document)))
    document[FORCES_BRANCHES] = sorted(service_branches(document))
    point = next((loc for loc in locations if "lat" in loc), None)
    if point is not None:
        document["_geo"] = {"lat": point["lat"], "lng": point["lng"]}
    return document


def _related(service: Service) -> dict:
    # Every session of ours is SQLModel's; SQLAlchemy types object_session as its own base class.
    session = cast(Session | None, object_session(service))
    if session is None:
        return {**NO_REFERRAL_FIGURES, "twins": []}
    return related_many(session, [service.id])[service.id]


EMBEDDING_CHARS = 2000  # the model reads about 256 word pieces; more text is cut anyway


def embedding_text(document: dict) -> str:
    """What a service's sentence vector is computed from: its own words, not our tags, so that
    meaning adds to what the need codes already say."""
    return f"{document.get('name') or ''}. {document.get('description') or ''}".strip(" .")[:EMBEDDING_CHARS]
