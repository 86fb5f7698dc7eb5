"""Likely duplicates, with the reasons a curator needs to decide quickly.

The judgement itself is in duplicate_scoring.py (plain facts in, verdict out). Here: reading those
facts from the database in bulk, and keeping the flags. An edit compares one record with the few
that share its postcode district, organisation or contact details; `flag_all` compares a whole
directory (or an imported batch against it) in a handful of queries, pairing records by blocking
rather than one query per record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from ..audit import record
from ..db import retry_when_busy
from ..errors import NotFound, ValidationError
from ..models import Contact, DuplicateFlag, Location, Organization, Phone, Service, ServiceAtLocation, utcnow
from ..search import indexing
from .documents import live_services
from .duplicate_scoring import Facts, compare, find_pairs, make_facts, meaningful

CHUNK = 500
STALE = "superseded"  # an open flag about a record that was merged away, or that no longer holds


def load_facts(session: Session, ids: Iterable[str] | None = None) -> list[Facts]:
    """Identity facts of live (not merged-away) services: all of them, or those in `ids`. A few
    queries per chunk of 500, whatever the number of records."""
    query = live_services(
        Service.id, Service.name, Service.url, Service.email, Service.needs, Organization.name
    )
    if ids is None:
        rows = list(session.exec(query.order_by(Service.id)))
    else:
        wanted = sorted(set(ids))
        rows = [
            row
            for start in range(0, len(wanted), CHUNK)
            for row in session.exec(query.where(col(Service.id).in_(wanted[start : start + CHUNK])))
        ]
    places = defaultdict(list)
    phones: defaultdict[str, list[str | None]] = defaultdict(list)  # phone_digits drops the None
    keys = [row[0] for row in rows]
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        for sid, postcode, lat, lng, approximate in session.exec(
            select(  # type: ignore[call-overload]  # SQLModel types select() for up to 4 columns
                ServiceAtLocation.service_id,
                Location.postcode,
                Location.latitude,
                Location.longitude,
                Location.geo_approximate,
            )
            .join(Location, Location.id == ServiceAtLocation.location_id)
            .where(col(ServiceAtLocation.service_id).in_(chunk))
        ):
            # A district centroid is not the venue: it would put every M33 record "at the same place".
            places[sid].append((postcode, None if approximate else (lat, lng)))
        for sid, number in session.exec(
            select(Phone.service_id, Phone.number).where(col(Phone.service_id).in_(chunk))
        ):
            phones[sid].append(number)
        # ORUK feeds often give the number on a contact ("Enquiries": 0161 …), kept in its extra.
        for sid, extra in session.exec(
            select(Contact.service_id, Contact.extra).where(col(Contact.service_id).in_(chunk))
        ):
            phones[sid] += [p.get("number") for p in (extra or {}).get("phones") or () if isinstance(p, dict)]
    return [
        make_facts(
            sid,
            name,
            organization,
            postcodes=[pc for pc, _ in places[sid] if pc],
            points=[pt for _, pt in places[sid] if pt is not None],
            phones=phones[sid],
            emails=[email],
            urls=[url],
            needs=needs,
        )
        for sid, name, url, email, needs, organization in rows
    ]


def _candidate_ids(session: Session, service: Service, facts: Facts) -> set[str]:
    """Records an edited service could duplicate: same postcode district, same organisation (by id
    or name), or, for a service without a venue, other services without one. Indexed lookups only."""
    found: set[str] = set()
    for district in facts.districts:
        # A range on the indexed postcode column: "M33 " ≤ postcode < "M33!" is every M33 unit.
        found |= set(
            session.exec(
                select(ServiceAtLocation.service_id)
                .join(Location, col(Location.id) == col(ServiceAtLocation.location_id))
                .where(col(Location.postcode) >= district + " ", col(Location.postcode) < district + "!")
                .limit(2000)
            )
        )
    if service.organization_id:
        found |= set(
            session.exec(
                select(Service.id).where(Service.organization_id == service.organization_id).limit(500)
            )
        )
    if facts.organization:
        found |= set(
            session.exec(
                select(Service.id)
                .join(Organization, col(Organization.id) == col(Service.organization_id))
                .where(func.lower(Organization.name) == facts.organization.lower())
                .limit(500)
            )
        )
    if not facts.has_venue:
        # Other services without a venue, kept only when a word of name or organisation is shared,
        # so that a phone line's import loads the facts of a few records, not of every helpline.
        placed = select(ServiceAtLocation.service_id)
        mine = set(meaningful(facts.name)) | set(meaningful(facts.organization))
        for sid, name, organization in session.exec(
            select(Service.id, Service.name, Organization.name)
            .outerjoin(Organization, col(Organization.id) == col(Service.organization_id))
            .where(col(Service.id).not_in(placed), col(Service.merged_into_id).is_(None))
            .limit(5000)
        ):
            if mine & (set(meaningful(name)) | set(meaningful(organization))):
                found.add(sid)
    found.discard(service.id)
    return found


def _save(session: Session, pairs) -> list[DuplicateFlag]:
    """Open a flag per new pair; refresh an open one; never reopen a decided one."""
    new = []
    pairs = list(pairs)
    known = _flags_between(session, {a.id for a, _, _ in pairs} | {b.id for _, b, _ in pairs})
    for a, b, verdict in pairs:
        first, second = sorted([a.id, b.id])
        existing = known.get((first, second))
        if existing is not None:
            if existing.status == "open":
                existing.score, existing.reasons = verdict.score, list(verdict.reasons)
                session.add(existing)
            continue
        flag = DuplicateFlag(
            service_id=first, other_id=second, score=verdict.score, reasons=list(verdict.reasons)
        )
        session.add(flag)
        known[(first, second)] = flag
        new.append(flag)
        # Each record's document names its twin (matching holds each to the other's limits).
        indexing.enqueue(session, first)
        indexing.enqueue(session, second)
    return new


def _flags_between(session: Session, ids: set[str]) -> dict[tuple[str, str], DuplicateFlag]:
    """Flags touching these services, by (service_id, other_id): a query per chunk, not per pair."""
    found: dict[tuple[str, str], DuplicateFlag] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        for flag in session.exec(
            select(DuplicateFlag).where(col(DuplicateFlag.service_id).in_(wanted[start : start + CHUNK]))
        ):
            found[(flag.service_id, flag.other_id)] = flag
    return found


def flag_duplicates(session: Session, service: Service) -> list[DuplicateFlag]:
    """Flag the likely duplicates of one new or edited service (the caller commits)."""
    session.flush()
    mine = load_facts(session, [service.id])
    if not mine:
        return []
    others = load_facts(session, _candidate_ids(session, service, mine[0]))
    pairs = [(mine[0], other, verdict) for other in others if (verdict := compare(mine[0], other)).duplicate]
    return _save(session, pairs)


def flag_all(session: Session, ids: Iterable[str] | None = None) -> dict:
    """Compare the whole directory by blocking (after an import: pass the imported ids to keep only
    pairs that touch them). Run over everything, it also closes open flags that no longer hold, so a
    queue filled by an older rule empties. The caller commits."""
    facts = load_facts(session)
    touched = set(ids) if ids is not None else None
    pairs = find_pairs(facts, only=touched)
    new = _save(session, pairs)
    closed = 0
    if touched is None:
        holding = {tuple(sorted((a.id, b.id))) for a, b, _ in pairs}
        for flag in session.exec(select(DuplicateFlag).where(DuplicateFlag.status == "open")):
            if (flag.service_id, flag.other_id) not in holding:
                flag.status, flag.decided_by, flag.decided_at = STALE, "duplicate check", utcnow()
                session.add(flag)
                closed += 1
    return {"compared": len(facts), "pairs": len(pairs), "new": len(new), "closed": closed}


def open_count(session: Session) -> int:
    """Open pairs whose two records are both still live: the number a curator has to decide."""
    merged = select(Service.id).where(col(Service.merged_into_id).is_not(None))
    return session.exec(
        select(func.count())
        .select_from(DuplicateFlag)
        .where(
            DuplicateFlag.status == "open",
            col(DuplicateFlag.service_id).not_in(merged),
            col(DuplicateFlag.other_id).not_in(merged),
        )
    ).one()


def open_flags(session: Session, limit: int = 200) -> list[tuple[DuplicateFlag, Service, Service]]:
    flags = list(
        session.exec(
            select(DuplicateFlag)
            .where(DuplicateFlag.status == "open")
            .order_by(col(DuplicateFlag.score).desc())
            .limit(limit)
        )
    )
    ids = {f.service_id for f in flags} | {f.other_id for f in flags}
    # A record already merged away is not a live candidate: offering it again could merge it twice.
    services = {
        s.id: s
        for s in session.exec(
            select(Service).where(col(Service.id).in_(ids), col(Service.merged_into_id).is_(None))
        )
    }
    return [
        (f, services[f.service_id], services[f.other_id])
        for f in flags
        if f.service_id in services and f.other_id in services
    ]


DECISIONS = ("merge", "dismiss")


@retry_when_busy
def decide(
    session: Session, flag_id: int, decision: str, actor: str, keep_id: str | None = None
) -> DuplicateFlag:
    """Merge (keeping ``keep_id`` and the provenance of both) or dismiss a flag."""
    flag = session.get(DuplicateFlag, flag_id)
    if flag is None:
        raise NotFound(f"No duplicate flag {flag_id}.")
    if flag.status != "open":
        raise ValidationError(f"This flag was already {flag.status}.", {"decision": "Already decided."})
    if decision == "dismiss":
        flag.status = "dismissed"
        record(
            session, actor, "duplicate.dismiss", "service", flag.service_id, {"other": [None, flag.other_id]}
        )
    elif decision == "merge":
        if keep_id not in (flag.service_id, flag.other_id):
            raise ValidationError("Choose which record to keep.", {"keep": "Pick one of the two records."})
        drop_id = flag.other_id if keep_id == flag.service_id else flag.service_id
        keep, drop = session.get(Service, keep_id), session.get(Service, drop_id)
        if keep is None or drop is None:
            raise NotFound("One of the two records no longer exists.")
        if keep.merged_into_id or drop.merged_into_id:
            raise ValidationError(
                "One of the two records was already merged into another.",
                {"decision": "Already merged; dismiss this flag instead."},
            )
        drop.merged_into_id = keep.id
        drop.last_modified = utcnow()
        provenance = list((keep.extra or {}).get("merged_from", []))
        provenance.append(
            {
                "id": drop.id,
                "name": drop.name,
                "publisher": drop.publisher,
                "external_id": drop.external_id,
                "source": drop.source,
            }
        )
        keep.extra = {**(keep.extra or {}), "merged_from": provenance}
        keep.last_modified = utcnow()
        session.add_all([keep, drop])
        flag.status = "merged"
        # Other open pairs about the record merged away can no longer be decided: close them so
        # the queue and its count shrink with this decision.
        for other in session.exec(
            select(DuplicateFlag).where(
                DuplicateFlag.status == "open",
                DuplicateFlag.id != flag.id,
                or_(col(DuplicateFlag.service_id) == drop.id, col(DuplicateFlag.other_id) == drop.id),
            )
        ):
            other.status, other.decided_by, other.decided_at = STALE, actor, utcnow()
            session.add(other)
            indexing.enqueue(session, other.service_id)
            indexing.enqueue(session, other.other_id)
        record(session, actor, "duplicate.merge", "service", keep.id, {"merged": [None, drop.id]})
        record(session, actor, "duplicate.merged_into", "service", drop.id, {"merged_into": [None, keep.id]})
    else:
        raise ValidationError("Unknown decision.", {"decision": "Use merge or dismiss."})
    flag.decided_by = actor
    flag.decided_at = utcnow()
    session.add(flag)
    indexing.enqueue(session, flag.service_id)
    indexing.enqueue(session, flag.other_id)
    session.commit()
    return flag
