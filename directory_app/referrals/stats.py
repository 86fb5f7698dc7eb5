"""What commissioners see of referrals: counts, rates and wellbeing change per need and per service.

Every count is of people (one referral is one person's), so every count from 1 to 4 is shown as
"<5" (``matching.suppress``). A rate is hidden when it would let a reader work out a group of 1-4
people: fewer than 5 in its denominator, or 1-4 on either side of it (3 of 20 declined is as
revealing as "3"). An average wellbeing change is shown only for 5 or more people.

Definitions (also printed on the dashboard and in the CSV):
- referred: sent to the service (reached "referred"); suggested-only referrals are not counted.
- acceptance rate: accepted / referred, leaving out referrals still awaiting the service's reply.
- completion rate: completed / accepted, leaving out people who are still attending or waiting to.
- wellbeing change: follow-up minus at-referral ONS4 score, for people with both, credited to each
  service they attended (attended or completed) and each need those referrals addressed.
"""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from matching import suppress

from ..directory.documents import capacity as current_capacity
from ..models import Referral, Service, WellbeingScore, utcnow
from ..needs import taxonomy
from ..web import csv_output
from . import workflow
from .schemas import ONS4

MIN_GROUP = 5
COUNT_KEYS = ("recorded", "referred", "accepted", "completed", "declined", "no_capacity", "did_not_attend")
NOTES = [
    'Counts are numbers of people; counts from 1 to 4 are shown as "<5".',
    "A rate is shown only when it counts at least 5 people and cannot reveal a group of 1 to 4.",
    "Acceptance rate: accepted ÷ referred, leaving out referrals still awaiting a reply.",
    "Completion rate: completed ÷ accepted, leaving out people still attending or waiting to start.",
    "Wellbeing change: follow-up minus at-referral ONS4 score (0–10) for people with both, credited to "
    "the services they attended and the needs those referrals addressed; averages need 5 or more people. "
    "For anxiety a fall is an improvement.",
]
CSV_COLUMNS = (
    ["group", "code", "name"]
    + list(COUNT_KEYS)
    + ["acceptance_rate_pct", "completion_rate_pct", "wellbeing_people"]
    + [f"{name}_change" for name in ONS4]
)


def safe_rate(numerator: int, denominator: int) -> float | None:
    """A percentage, or None when showing it could reveal a group of 1-4 people."""
    if denominator < MIN_GROUP:
        return None
    if 0 < numerator < MIN_GROUP or 0 < denominator - numerator < MIN_GROUP:
        return None
    return round(100.0 * numerator / denominator, 1)


class _Tally:
    def __init__(self):
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.answered = 0  # referred and no longer awaiting a reply
        self.finished_after_acceptance = 0

    def add(self, referral) -> None:
        status = referral.status
        self.counts["recorded"] += 1
        if referral.referred_at is not None:
            self.counts["referred"] += 1
            if status != "referred":
                self.answered += 1
        if referral.accepted_at is not None:
            self.counts["accepted"] += 1
            if status in workflow.FINAL:
                self.finished_after_acceptance += 1
        if status in ("completed", "declined", "no_capacity", "did_not_attend"):
            self.counts[status] += 1

    def as_dict(self) -> dict:
        out: dict[str, object] = {key: suppress(value) for key, value in self.counts.items()}
        out["acceptance_rate"] = safe_rate(self.counts["accepted"], self.answered)
        out["completion_rate"] = safe_rate(self.counts["completed"], self.finished_after_acceptance)
        return out


def _wellbeing_changes(session: Session) -> dict[tuple[str, str], dict[str, int]]:
    """(owner, case reference) -> {ONS4 item: follow-up minus baseline}, for cases with both."""
    stages: dict[tuple[str, str], dict[str, WellbeingScore]] = defaultdict(dict)
    for row in session.exec(select(WellbeingScore)):
        stages[(row.owner, row.case_reference)][row.stage] = row
    changes = {}
    for case, by_stage in stages.items():
        before, after = by_stage.get("baseline"), by_stage.get("follow_up")
        if before is None or after is None:
            continue
        diff = {
            name: getattr(after, name) - getattr(before, name)
            for name in ONS4
            if getattr(after, name) is not None and getattr(before, name) is not None
        }
        if diff:
            changes[case] = diff
    return changes


def _wellbeing_summary(cases: set, changes: dict) -> dict:
    people = [changes[case] for case in cases if case in changes]
    out = {"people": suppress(len(people))}
    for name in ONS4:
        values = [diff[name] for diff in people if name in diff]
        out[name] = round(sum(values) / len(values), 2) if len(values) >= MIN_GROUP else None
    return out


def summary(session: Session, now: datetime | None = None) -> dict:
    """By need and by service: suppressed counts, rates and wellbeing change; plus the services
    that answered "no capacity", with what the directory currently says about their capacity."""
    now = now or utcnow()
    tax = taxonomy()
    by_need: dict[str, _Tally] = defaultdict(_Tally)
    by_service: dict[str, _Tally] = defaultdict(_Tally)
    names: dict[str, str] = {}
    need_cases: dict[str, set] = defaultdict(set)
    service_cases: dict[str, set] = defaultdict(set)
    latest_no_capacity: dict[str, datetime] = {}
    for referral in session.exec(select(Referral)):
        names[referral.service_id] = referral.service_name
        by_service[referral.service_id].add(referral)
        for need in referral.needs:
            by_need[need].add(referral)
        if referral.status in workflow.SUCCESS:
            case = (referral.owner, referral.case_reference)
            service_cases[referral.service_id].add(case)
            for need in referral.needs:
                need_cases[need].add(case)
        if referral.status == "no_capacity":
            at = referral.status_changed_at
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            if referral.service_id not in latest_no_capacity or at > latest_no_capacity[referral.service_id]:
                latest_no_capacity[referral.service_id] = at
    changes = _wellbeing_changes(session)

    def order(item):
        return (-item[1].counts["recorded"], item[0])

    needs = [
        {
            "code": code,
            "name": tax.label(code) if code in tax else code,
            **tally.as_dict(),
            "wellbeing": _wellbeing_summary(need_cases[code], changes),
        }
        for code, tally in sorted(by_need.items(), key=order)
    ]
    services = [
        {
            "code": sid,
            "name": names[sid],
            **tally.as_dict(),
            "wellbeing": _wellbeing_summary(service_cases[sid], changes),
        }
        for sid, tally in sorted(by_service.items(), key=order)
    ]
    return {
        "by_need": needs,
        "by_service": services,
        "no_capacity": _no_capacity(session, by_service, names, latest_no_capacity, now),
        "notes": NOTES,
    }


def _no_capacity(session, by_service, names, latest, now) -> list[dict]:
    ids = [sid for sid in latest]
    current = {s.id: s for s in session.exec(select(Service).where(col(Service.id).in_(ids)))} if ids else {}
    rows = []
    for sid in sorted(ids, key=lambda s: latest[s], reverse=True):
        service = current.get(sid)
        accepting, wait = current_capacity(service, now) if service is not None else (None, None)
        rows.append(
            {
                "code": sid,
                "name": names[sid],
                "no_capacity": suppress(by_service[sid].counts["no_capacity"]),
                "latest_month": latest[sid].strftime("%Y-%m"),
                "listed": service is not None,
                "accepting_referrals": accepting,
                "wait_weeks": wait,
            }
        )
    return rows


def to_csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv_output.writer(out)
    writer.writerow(CSV_COLUMNS)
    for group, rows in (("need", data["by_need"]), ("service", data["by_service"])):
        for row in rows:
            wellbeing = row["wellbeing"]
            values = (
                [group, row["code"], row["name"]]
                + [row[key] for key in COUNT_KEYS]
                + [row["acceptance_rate"], row["completion_rate"], wellbeing["people"]]
                + [wellbeing[name] for name in ONS4]
            )
            writer.writerow(values)
    return out.getvalue()
