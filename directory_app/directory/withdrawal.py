"""Withdraw what a publisher's feed no longer lists.

A nightly re-import of a whole feed must also take closed services out of search, or link workers
keep sending people to groups that stopped meeting. Only when the person importing says the file
is the publisher's whole feed: a file of a few updated records must not close everything else.
A withdrawn service is made inactive, never deleted (its referrals and history stay), and comes
back the next time the feed lists it.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..audit import record
from ..models import Service, utcnow
from .records import status_from_oruk

# ORUK statuses a person can still use; withdrawal makes them inactive.
OPEN_STATUSES = ("active", "temporarily closed")
# A file missing more than this share of a publisher's open services is more likely a part of the
# feed, or a broken export, than a mass closure: nothing is withdrawn and the report says why.
MOST_THAT_MAY_GO = 0.5
NOT_IN_FEED = "not in the publisher's feed any more"


def withdraw_missing(
    session: Session, publisher: str, listed: set[str], actor: str | None, filename: str
) -> tuple[list[dict], str | None]:
    """Make inactive the publisher's open services whose ids are not in `listed`, in the caller's
    transaction. Returns the services withdrawn (id, external id, name) and, when the file looked
    too small to be the whole feed, the reason nothing was withdrawn."""
    open_services = list(
        session.exec(
            select(Service).where(
                Service.publisher == publisher,
                col(Service.external_id).is_not(None),
                col(Service.status).in_(OPEN_STATUSES),
            )
        )
    )
    missing = [service for service in open_services if service.external_id not in listed]
    if not missing:
        return [], None
    if len(missing) > MOST_THAT_MAY_GO * len(open_services):
        return [], (
            f"{len(missing)} of this publisher's {len(open_services)} open services are not in "
            f"{filename}: more than half, so none was withdrawn. If the file is the whole feed, "
            "change their status on each service's page."
        )
    withdrawn = []
    for service in missing:
        old = status_from_oruk(service.status)
        service.status = "inactive"
        service.last_modified = utcnow()
        # Forget the record's fingerprint, so that when the feed lists it again it is applied
        # (and made active again) rather than skipped as unchanged.
        service.extra = {k: v for k, v in (service.extra or {}).items() if k != "_import_fingerprint"}
        session.add(service)
        record(
            session,
            actor,
            "service.withdraw",
            "service",
            service.id,
            {"status": [old, "inactive"], "reason": [None, f"{NOT_IN_FEED} ({filename})"]},
        )
        withdrawn.append({"id": service.id, "external_id": service.external_id, "name": service.name})
    return withdrawn, None
