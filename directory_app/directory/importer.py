"""Import a directory feed: our CSV template, Open Referral UK 3.0 JSON, or ORUK v1 JSON.

The whole file is read and parsed before anything is written, so a malformed or truncated file
changes nothing. Records are then applied in batches (jobs.py), one short transaction per batch,
written in one flush (a savepoint per record only for a batch where a record failed part-way, see
apply_batch): a valid record lands, an invalid one is reported (record id, field, reason) and never
lands half-way, and a process killed half-way leaves whole records only and a job that resumes
where it stopped. Records are matched on (publisher, external id), so re-importing a
feed updates rather than duplicates, and an unchanged record is untouched.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Session, col, select

from ..errors import ValidationError
from ..models import Organization, Service, utcnow
from ..web.csv_output import unescape_cell
from . import oruk, oruk_v1, records, understanding
from .oruk import OrukError, apply_oruk, find_shared, scoped_id
from .service import next_review
from .service_input import FIELD_NAMES, validate_service_input

MAX_EXTERNAL_ID = 200  # the external_id column's size


class ImportFileError(ValidationError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class ImportReport:
    publisher: str
    format: str
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Records left out, not error lines: one record can have several problems, and
    # created + updated + unchanged + failed must add up to the records in the file.
    failed: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    # Services of this publisher made inactive because the whole feed no longer lists them.
    withdrawn: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


# --- reading ---------------------------------------------------------------------------------


def parse(content: bytes, filename: str) -> tuple[str, list[dict]]:
    """Return (format, records) or raise ImportFileError saying what is wrong with the file."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{filename} is not UTF-8 text (byte {error.start}).") from None
    if not text.strip():
        raise ImportFileError(f"{filename} is empty.")
    if filename.lower().endswith(".csv") or not text.lstrip().startswith(("{", "[")):
        return "csv", _parse_csv(text, filename)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{filename} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). It may be truncated. Nothing was imported."
        ) from None
    except RecursionError:
        # No feed nests this deep; a file that does is hostile or broken, never a crash.
        raise ImportFileError(
            f"{filename} is nested too deeply to be a feed. Nothing was imported."
        ) from None
    return _json_records(data, filename)


def _parse_csv(text: str, filename: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = reader.fieldnames or []
    missing = [name for name in ("external_id", "name", "organization") if name not in header]
    if missing:
        raise ImportFileError(
            f"{filename} is missing the column(s) {', '.join(missing)}; see the CSV guide at /curate/csv-template."
        )
    rows = []
    try:
        for row in reader:
            if None in row:
                raise ImportFileError(
                    f"{filename} line {reader.line_num} has more cells than the header. Nothing was imported."
                )
            rows.append({name: unescape_cell(value) for name, value in row.items()})
    except csv.Error as error:
        raise ImportFileError(f"{filename} line {reader.line_num}: {error}. Nothing was imported.") from None
    if text and not text.endswith(("\n", "\r")) and rows and any(v is None for v in rows[-1].values()):
        raise ImportFileError(
            f"{filename} ends part-way through a row: it looks truncated. Nothing was imported."
        )
    return rows


def _json_records(data: Any, filename: str) -> tuple[str, list[dict]]:
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = data["contents"]
    elif isinstance(data, dict) and isinstance(data.get("services"), list):
        items = data["services"]
    elif isinstance(data, list):
        items = data
    elif isinstance(data, dict) and "name" in data:
        items = [data]
    else:
        raise ImportFileError(
            f'{filename} is JSON but not a service, a page of services (contents) or {{"services": [...]}}.'
        )
    if not all(isinstance(item, dict) for item in items):
        raise ImportFileError(f"{filename}: every service must be a JSON object.")
    kind = "oruk_v1" if any(oruk_v1.looks_like_v1(item) for item in items) else "oruk3"
    return kind, items


def as_read(kind: str, items: list[dict]) -> list[dict]:
    """The feed's records in the shape the understanding step reads (a v1 record as ORUK 3); one
    that cannot be converted is left out, as its import will fail."""
    if kind != "oruk_v1":
        return items
    out = []
    for item in items:
        try:
            out.append(oruk_v1.to_oruk3(item)[0])
        except (OrukError, ValidationError):
            continue
    return out


# --- applying --------------------------------------------------------------------------------


def _fingerprint(item: dict) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()


def _external_id(kind: str, item: dict) -> str | None:
    value = item.get("external_id") if kind == "csv" else item.get("id")
    return str(value).strip() if value not in (None, "") else None


def listed_ids(kind: str, items: list[dict]) -> set[str]:
    """Every record id in the file, those that failed to import included: they are still listed."""
    return {i for i in (_external_id(kind, item) for item in items) if i}


def _existing(session: Session, publisher: str, external_id: str) -> Service | None:
    return session.exec(
        select(Service).where(Service.publisher == publisher, Service.external_id == external_id)
    ).first()


def _known(session: Session, kind: str, items: list[dict], publisher: str) -> dict[str, Service]:
    """The batch's records already in the directory, in one query rather than one per record."""
    ids = {i for i in listed_ids(kind, items) if len(i) <= MAX_EXTERNAL_ID}
    if not ids:
        return {}
    rows = session.exec(
        select(Service).where(Service.publisher == publisher, col(Service.external_id).in_(ids))
    )
    # The query matched on external_id, so none is None here.
    return {service.external_id: service for service in rows if service.external_id is not None}


def _new_service(session: Session, external_id: str, kind: str) -> Service:
    # Always an id of ours: the publisher's travels in URLs and search document ids otherwise
    # (``../../x``); it is kept as external_id, which re-imports match on.
    return Service(name="")


class _NeedsCare(Exception):
    """A record failed after it had begun to change the session (fast path only)."""


def _apply_one(
    session: Session,
    kind: str,
    item: dict,
    publisher: str,
    source: str,
    report: ImportReport,
    known: dict[str, Service] | None = None,
    careful: bool = True,
) -> None:
    """Apply one record. ``careful``: in its own savepoint, flushed, so a failure at any point is
    rolled back alone. Otherwise nothing is flushed here and a failure after the record began to
    change the session raises _NeedsCare (apply_batch then redoes the batch carefully)."""
    external_id = _external_id(kind, item)
    if external_id is None:
        raise ValidationError(
            "The record has no id.", {"external_id" if kind == "csv" else "id": "This is required."}
        )
    if len(external_id) > MAX_EXTERNAL_ID:
        raise ValidationError(
            "The record's id is too long.",
            {"external_id" if kind == "csv" else "id": f"Use at most {MAX_EXTERNAL_ID} characters."},
        )
    fingerprint = _fingerprint(item)
    service = known.get(external_id) if known is not None else _existing(session, publisher, external_id)
    if service is not None and (service.extra or {}).get("_import_fingerprint") == fingerprint:
        report.unchanged += 1
        return
    is_new = service is None
    # Validation reads and writes nothing: a row it refuses is reported without any rollback.
    validated = (
        validate_service_input({k: v for k, v in item.items() if k in FIELD_NAMES}) if kind == "csv" else None
    )
    if careful:
        with session.begin_nested():
            _write(
                session, kind, item, validated, service, external_id, fingerprint, publisher, source, report
            )
            session.flush()
    else:
        try:
            _write(
                session, kind, item, validated, service, external_id, fingerprint, publisher, source, report
            )
        except (ValidationError, OrukError) as error:
            raise _NeedsCare(external_id) from error
    if is_new:
        report.created += 1
    else:
        report.updated += 1


def _write(
    session: Session,
    kind: str,
    item: dict,
    validated,
    service: Service | None,
    external_id: str,
    fingerprint: str,
    publisher: str,
    source: str,
    report: ImportReport,
) -> None:
    is_new = service is None
    placed_in_town: dict[str, str] = {}
    if service is None:
        service = _new_service(session, external_id, kind)
    if kind == "csv":
        unknown = [k for k in item if k not in FIELD_NAMES]
        previous = None if is_new else records.input_from_service(service)
        records.apply_input(
            session, service, validated, publisher=publisher, previous=previous, by_curator=False
        )
        if unknown:
            report.warnings.append(
                {
                    "record": external_id,
                    "field": ", ".join(unknown),
                    "reason": "column not in the template; ignored",
                }
            )
    else:
        data = item
        if kind == "oruk_v1":
            data, unmapped, unread = oruk_v1.to_oruk3(item)
            if unmapped:
                report.warnings.append(
                    {
                        "record": external_id,
                        "field": ", ".join(unmapped),
                        "reason": "ORUK v1 property with no ORUK 3 equivalent; not imported",
                    }
                )
            if unread:
                report.warnings.append(
                    {
                        "record": external_id,
                        "field": ", ".join(unread),
                        "reason": "not a day or time we can read; left out, the rest of the service imported",
                    }
                )
        data = _organisation_named(session, data, publisher, external_id, report)
        data = _blank_entries_left_out(data, external_id, report)
        data = _location_types_read(data, external_id, report)
        apply_oruk(session, service, data, publisher)
        placed_in_town = oruk_v1.derive_extras(session, service)
    service.publisher = publisher
    service.external_id = external_id
    service.source = source
    service.imported_at = utcnow()
    service.extra = {**(service.extra or {}), "_import_fingerprint": fingerprint}
    _warn_approximate_places(service, external_id, report, placed_in_town)
    if service.review_due is None:
        verified = service.last_verified_at.date() if service.last_verified_at else None
        service.review_due = next_review(verified) if verified else utcnow().date()
    session.add(service)


def _organisation_named(
    session: Session, data: dict, publisher: str, external_id: str, report: ImportReport
) -> dict:
    """A feed that leaves its organisation's name out still lists the service: under the name the
    organisation already has here, else the service's own, until a curator sets it; the report
    says so. Refusing the record would hide a real service from everyone."""
    organization = data.get("organization")
    if not isinstance(organization, dict) or organization.get("name") not in (None, ""):
        return data
    known = None
    if organization.get("id") not in (None, ""):
        known = find_shared(session, Organization, scoped_id(publisher, "organization", organization["id"]))
    name = (known.name if known is not None and known.name else None) or data.get("name")
    if name in (None, ""):
        return data  # nothing to stand in: the record's own check says what is missing
    report.warnings.append(
        {
            "record": external_id,
            "field": "organization.name",
            "reason": f"the organisation has no name; listed as '{name}' until a curator sets it",
        }
    )
    return {**data, "organization": {**organization, "name": name}}


def _blank_number(phone: object) -> bool:
    return isinstance(phone, dict) and str(phone.get("number") or "").strip() == ""


def _blank_term(attribute: object) -> bool:
    term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
    return isinstance(term, dict) and str(term.get("name") or "").strip() == ""


# An export's empty cell: a phone entry with no number, a tag whose term has no name ("Last checked:"
# left blank). The rest of the record is good, so the entry is left out and the report says so.
BLANK_ENTRIES = (
    ("phones", _blank_number, "a phone entry with no number", "phone entries with no number"),
    ("attributes", _blank_term, "an attribute whose term has no name", "attributes whose terms have no name"),
)


def _blank_entries_left_out(data: dict, external_id: str, report: ImportReport) -> dict:
    for key, blank, one, several in BLANK_ENTRIES:
        entries = data.get(key)
        if not isinstance(entries, list):
            continue
        kept = [entry for entry in entries if not blank(entry)]
        if len(kept) == len(entries):
            continue
        left_out = len(entries) - len(kept)
        report.warnings.append(
            {
                "record": external_id,
                "field": key,
                "reason": f"{one}; left out" if left_out == 1 else f"{left_out} {several}; left out",
            }
        )
        data = {**data, key: kept}
    return data


def _location_types_read(data: dict, external_id: str, report: ImportReport) -> dict:
    """A venue whose feed leaves out ``location_type`` (required by ORUK 3.0) but gives an address
    or a point is a physical place; one with only a web address is virtual. Refusing the service
    for a missing word would hide it from everyone; the report says what was read."""
    links = data.get("service_at_locations")
    if not isinstance(links, list):
        return data
    read: list[str] = []
    fixed = []
    for link in links:
        location = link.get("location") if isinstance(link, dict) else None
        if not isinstance(location, dict) or location.get("location_type") not in (None, ""):
            fixed.append(link)
            continue
        placed = bool(location.get("addresses")) or location.get("latitude") not in (None, "")
        kind = "virtual" if not placed and location.get("url") else "physical"
        read.append(kind)
        fixed.append({**link, "location": {**location, "location_type": kind}})
    if not read:
        return data
    kinds = " and ".join(sorted(set(read)))
    report.warnings.append(
        {
            "record": external_id,
            "field": "service_at_locations.location.location_type",
            "reason": f"location type not given; read as {kinds} from its address",
        }
    )
    return {**data, "service_at_locations": fixed}


def _warn_approximate_places(
    service: Service, external_id: str, report: ImportReport, placed_in_town: dict[str, str]
) -> None:
    """A postcode missing from our postcode data is placed at its district's middle, and a venue
    with neither a postcode nor a point at the middle of the town its address names
    (``placed_in_town``: location id → town): say so, since distances to it (and its ward) may be
    wrong until someone checks it."""
    for link in service.service_at_locations:
        location = link.location
        if location is None:
            continue
        town = placed_in_town.get(location.id)
        if town:
            field, reason = "location", f"no postcode or coordinates; placed at the middle of {town}"
        elif location.geo_approximate and location.postcode and " " in location.postcode:
            district = location.postcode.split(" ", 1)[0]
            field = "postcode"
            reason = f"{location.postcode} is not in the postcode data; placed at the middle of {district}"
        else:
            continue
        report.warnings.append(
            {"record": external_id, "field": field, "reason": f"{reason} until it is checked"}
        )


def record_key(kind: str, item: dict, number: int) -> str:
    """How the report names a record: its id, or its position when it has none."""
    return _external_id(kind, item) or f"record {number}"


@dataclass(frozen=True)
class Batch:
    """A slice of one publisher's file: its records from ``offset + 1`` on, of one kind (csv / oruk)."""

    kind: str
    items: list[dict]
    offset: int
    publisher: str
    source: str


def apply_batch(session: Session, batch: Batch, report: ImportReport, seen: set[str]) -> None:
    """Apply records ``offset + 1 …`` in the caller's transaction, each whole or not at all; the
    caller commits (one transaction per batch, see jobs.py).

    First the fast way: every record's rows added to the session and written in one flush (bulk
    inserts), organisations looked up once for the batch. If a record fails half-way (an unknown
    postcode found while writing, a broken ORUK child) or the database refuses the flush, the
    batch is rolled back and done again record by record, each in its own savepoint, so only the
    bad record is left out. Rows refused by validation alone never need that."""
    counts = report.created, report.updated, report.unchanged, report.failed
    errors, warnings, seen_before = list(report.errors), list(report.warnings), set(seen)
    try:
        _apply_records(session, batch, report, seen, careful=False)
        return
    except (_NeedsCare, IntegrityError, DataError):
        session.rollback()
    report.created, report.updated, report.unchanged, report.failed = counts
    report.errors[:], report.warnings[:] = errors, warnings
    seen.clear()
    seen.update(seen_before)
    _apply_records(session, batch, report, seen, careful=True)


def _apply_records(
    session: Session, batch: Batch, report: ImportReport, seen: set[str], careful: bool
) -> None:
    kind, items, publisher = batch.kind, batch.items, batch.publisher
    known = _known(session, kind, items, publisher)
    session.info[records.ORGANIZATIONS] = _organizations(session, kind, items, publisher)
    # Careful mode rolls a failed record back alone, taking the objects it created with it: it
    # looks shared objects up in the session instead, so that none of those is handed out again.
    session.info[oruk.SHARED_ROWS] = (
        oruk.prefetch_shared(session, items, publisher) if kind != "csv" and not careful else None
    )
    landed = []
    # A record queries nothing while it is written (its organisation, venues and terms are found
    # before the batch), so the batch goes to the database in one flush.
    quiet = session.no_autoflush if not careful else nullcontext()
    try:
        with understanding.deferred() as asked, quiet:
            for number, item in enumerate(items, start=batch.offset + 1):
                external_id = record_key(kind, item, number)
                if external_id in seen:
                    report.failed += 1
                    report.errors.append(
                        {
                            "record": external_id,
                            "field": "id",
                            "reason": "appears more than once in this file; the first was used",
                        }
                    )
                    continue
                seen.add(external_id)
                before = len(asked)
                try:
                    _apply_one(session, kind, item, publisher, batch.source, report, known, careful)
                    landed.extend(asked[before:])
                except ValidationError as error:
                    report.failed += 1
                    for name, reason in (error.fields or {"record": error.message}).items():
                        report.errors.append({"record": external_id, "field": name, "reason": reason})
                except OrukError as error:
                    report.failed += 1
                    report.errors.append({"record": external_id, "field": error.field, "reason": str(error)})
                except (IntegrityError, DataError) as error:
                    if not careful:
                        raise
                    report.failed += 1
                    report.errors.append(
                        {
                            "record": external_id,
                            "field": "record",
                            "reason": f"the database refused it ({type(error.orig).__name__})",
                        }
                    )
        # The understanding step scores the batch's records together (its classifiers are much
        # faster on many rows at once); it only sets fields on records that landed.
        understanding.understand_services(list({id(s): s for s in landed}.values()))
        session.flush()
    finally:
        session.info.pop(records.ORGANIZATIONS, None)
        session.info.pop(oruk.SHARED_ROWS, None)


def _organizations(session: Session, kind: str, items: list[dict], publisher: str) -> dict:
    """The batch's organisations already in the directory, in one query (CSV; ORUK feeds give
    organisations ids, looked up by primary key)."""
    names = {str(item.get("organization") or "").strip() for item in items} if kind == "csv" else set()
    names.discard("")
    if not names:
        return {}
    found = {
        org.name: org
        for org in session.exec(
            select(Organization).where(Organization.publisher == publisher, col(Organization.name).in_(names))
        )
    }
    # A name not found is marked so (None): its first record creates it without asking again.
    return {(publisher, name): found.get(name) for name in names}
