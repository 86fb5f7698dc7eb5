"""Likely duplicates, with the reasons a curator needs to decide quickly.

Candidates come from cheap indexed lookups (same postcode, phone, website, organisation, or a
nearby point), then names are compared; so an edit or an import row costs a few small queries,
not a scan of the directory.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from sqlalchemy import or_
from sqlmodel import Session, select

from ..audit import record
from ..db import retry_when_busy
from ..errors import NotFound, ValidationError
from ..models import DuplicateFlag, Location, Service, ServiceAtLocation, utcnow

NOISE = {"the", "ltd", "limited", "cic", "charity", "trust", "and", "of", "uk", "group", "&"}
NEARBY_DEGREES = 0.003  # about 300 m
NAME_ALONE = 0.88
NAME_WITH_EVIDENCE = 0.6


def _tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9]+", name.lower()) if t not in NOISE]


def name_similarity(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    jaccard = len(set(ta) & set(tb)) / len(set(ta) | set(tb))
    sequence = SequenceMatcher(None, " ".join(sorted(ta)), " ".join(sorted(tb))).ratio()
    similarity = max(jaccard, sequence)
    # "Group 1" and "Group 2", or "Ward 3 surgery" and "Ward 4 surgery", are siblings, not twins.
    if {t for t in ta if t.isdigit()} != {t for t in tb if t.isdigit()}:
        similarity *= 0.5
    return similarity


def _digits(phone: str | None) -> str | None:
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).netloc.lower()
    return host.removeprefix("www.") or None


def _facts(service: Service) -> dict:
    locations = [link.location for link in service.service_at_locations]
    return {
        "postcodes": {loc.postcode for loc in locations if loc.postcode},
        "points": [(loc.latitude, loc.longitude) for loc in locations
                   if loc.latitude is not None and -90 <= loc.latitude <= 90],
        "phones": {_digits(p.number) for p in service.phones if _digits(p.number)},
        "host": _host(service.url),
    }


def _candidates(session: Session, service: Service, facts: dict) -> list[Service]:
    """Services sharing a postcode, a nearby point or the organisation, whose names are close enough
    to matter. Only indexed lookups, and only (id, name) until a name passes: an import of 100k rows
    must not turn into 100k scans."""
    conditions = []
    if facts["postcodes"]:
        conditions.append(Location.postcode.in_(facts["postcodes"]))
    for lat, lng in facts["points"]:
        conditions.append(Location.latitude.between(lat - NEARBY_DEGREES, lat + NEARBY_DEGREES)
                          & Location.longitude.between(lng - NEARBY_DEGREES * 1.7, lng + NEARBY_DEGREES * 1.7))
    pairs: set[tuple[str, str]] = set()
    if conditions:
        pairs |= set(session.exec(select(Service.id, Service.name)
                                  .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
                                  .join(Location, Location.id == ServiceAtLocation.location_id)
                                  .where(or_(*conditions), Service.merged_into_id.is_(None)).limit(500)))
    if service.organization_id:
        pairs |= set(session.exec(select(Service.id, Service.name)
                                  .where(Service.organization_id == service.organization_id,
                                         Service.merged_into_id.is_(None)).limit(500)))
    ids = [sid for sid, name in pairs
           if sid != service.id and name_similarity(service.name, name) >= NAME_WITH_EVIDENCE]
    if not ids:
        return []
    return list(session.exec(select(Service).where(Service.id.in_(ids))))


def reasons_for(service: Service, other: Service, facts: dict | None = None) -> tuple[float, list[str]]:
    facts = facts or _facts(service)
    theirs = _facts(other)
    similarity = name_similarity(service.name, other.name)
    evidence = []
    if facts["postcodes"] & theirs["postcodes"]:
        evidence.append(f"same postcode ({', '.join(sorted(facts['postcodes'] & theirs['postcodes']))})")
    if facts["phones"] & theirs["phones"]:
        evidence.append("same phone number")
    if facts["host"] and facts["host"] == theirs["host"]:
        evidence.append(f"same website ({facts['host']})")
    if not evidence and any(abs(a[0] - b[0]) <= NEARBY_DEGREES and abs(a[1] - b[1]) <= NEARBY_DEGREES * 1.7
                            for a in facts["points"] for b in theirs["points"]):
        evidence.append("locations within about 300 m")
    reasons = []
    if similarity >= NAME_WITH_EVIDENCE:
        reasons.append(f"similar name ({similarity:.0%})")
    flagged = similarity >= NAME_ALONE or (similarity >= NAME_WITH_EVIDENCE and evidence)
    if not flagged:
        return 0.0, []
    score = min(1.0, similarity + 0.1 * len(evidence))
    return round(score, 3), reasons + evidence


def flag_duplicates(session: Session, service: Service) -> list[DuplicateFlag]:
    session.flush()
    facts = _facts(service)
    flags = []
    for other in _candidates(session, service, facts):
        score, reasons = reasons_for(service, other, facts)
        if not reasons:
            continue
        first, second = sorted([service.id, other.id])
        existing = session.exec(select(DuplicateFlag).where(DuplicateFlag.service_id == first,
                                                            DuplicateFlag.other_id == second)).first()
        if existing is not None:
            if existing.status == "open":
                existing.score, existing.reasons = score, reasons
                session.add(existing)
            continue
        flag = DuplicateFlag(service_id=first, other_id=second, score=score, reasons=reasons)
        session.add(flag)
        flags.append(flag)
    return flags


def open_flags(session: Session, limit: int = 200) -> list[tuple[DuplicateFlag, Service, Service]]:
    flags = list(session.exec(select(DuplicateFlag).where(DuplicateFlag.status == "open")
                              .order_by(DuplicateFlag.score.desc()).limit(limit)))
    ids = {f.service_id for f in flags} | {f.other_id for f in flags}
    # A record already merged away is not a live candidate: offering it again could merge it twice.
    services = {s.id: s for s in session.exec(select(Service).where(Service.id.in_(ids),
                                                                    Service.merged_into_id.is_(None)))}
    return [(f, services[f.service_id], services[f.other_id]) for f in flags
            if f.service_id in services and f.other_id in services]


@retry_when_busy
def decide(session: Session, flag_id: int, decision: str, actor: str, keep_id: str | None = None) -> DuplicateFlag:
    """Merge (keeping ``keep_id`` and the provenance of both) or dismiss a flag."""
    flag = session.get(DuplicateFlag, flag_id)
    if flag is None:
        raise NotFound(f"No duplicate flag {flag_id}.")
    if flag.status != "open":
        raise ValidationError(f"This flag was already {flag.status}.", {"decision": "Already decided."})
    if decision == "dismiss":
        flag.status = "dismissed"
        record(session, actor, "duplicate.dismiss", "service", flag.service_id, {"other": [None, flag.other_id]})
    elif decision == "merge":
        if keep_id not in (flag.service_id, flag.other_id):
            raise ValidationError("Choose which record to keep.", {"keep": "Pick one of the two records."})
        drop_id = flag.other_id if keep_id == flag.service_id else flag.service_id
        keep, drop = session.get(Service, keep_id), session.get(Service, drop_id)
        if keep is None or drop is None:
            raise NotFound("One of the two records no longer exists.")
        if keep.merged_into_id or drop.merged_into_id:
            raise ValidationError("One of the two records was already merged into another.",
                                  {"decision": "Already merged; dismiss this flag instead."})
        drop.merged_into_id = keep.id
        drop.last_modified = utcnow()
        provenance = list((keep.extra or {}).get("merged_from", []))
        provenance.append({"id": drop.id, "name": drop.name, "publisher": drop.publisher,
                           "external_id": drop.external_id, "source": drop.source})
        keep.extra = {**(keep.extra or {}), "merged_from": provenance}
        keep.last_modified = utcnow()
        session.add_all([keep, drop])
        flag.status = "merged"
        record(session, actor, "duplicate.merge", "service", keep.id, {"merged": [None, drop.id]})
        record(session, actor, "duplicate.merged_into", "service", drop.id, {"merged_into": [None, keep.id]})
    else:
        raise ValidationError("Unknown decision.", {"decision": "Use merge or dismiss."})
    flag.decided_by = actor
    flag.decided_at = utcnow()
    session.add(flag)
    session.commit()
    return flag
