"""Import a directory feed: our CSV template, Open Referral UK 3.0 JSON, or ORUK v1 JSON.

The whole file is read and parsed before anything is written, so a malformed or truncated file
changes nothing. Records are then applied in one transaction, each in its own savepoint: a valid
record lands, an invalid one is reported (record id, field, reason) and never lands half-way, and
a process killed half-way leaves no partial import. Records are matched on (publisher, external
id), so re-importing a feed updates rather than duplicates, and an unchanged record is untouched.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from typing import Any, Callable

from flask import Flask
from sqlmodel import Session, select

from .. import db
from ..db import retry_when_busy
from ..audit import record
from ..errors import ValidationError
from ..models import Service, utcnow
from . import oruk_v1, records
from .curation import next_review
from .duplicates import flag_duplicates
from .oruk import OrukError, apply_oruk
from .service_input import FIELD_NAMES, validate_service_input


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
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"publisher": self.publisher, "format": self.format, "total": self.total,
                "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "failed": len(self.errors), "errors": self.errors, "warnings": self.warnings}


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
        raise ImportFileError(f"{filename} is not valid JSON (line {error.lineno}, column {error.colno}: "
                              f"{error.msg}). It may be truncated. Nothing was imported.") from None
    return _json_records(data, filename)


def _parse_csv(text: str, filename: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = reader.fieldnames or []
    missing = [name for name in ("external_id", "name", "organization") if name not in header]
    if missing:
        raise ImportFileError(f"{filename} is missing the column(s) {', '.join(missing)}; "
                              "see docs/csv-template.md.")
    rows = []
    try:
        for row in reader:
            if None in row:
                raise ImportFileError(f"{filename} line {reader.line_num} has more cells than the header. "
                                      "Nothing was imported.")
            rows.append(row)
    except csv.Error as error:
        raise ImportFileError(f"{filename} line {reader.line_num}: {error}. Nothing was imported.") from None
    if text and not text.endswith(("\n", "\r")) and rows and any(v is None for v in rows[-1].values()):
        raise ImportFileError(f"{filename} ends part-way through a row: it looks truncated. Nothing was imported.")
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
        raise ImportFileError(f"{filename} is JSON but not a service, a page of services (contents) "
                              "or {\"services\": [...]}.")
    if not all(isinstance(item, dict) for item in items):
        raise ImportFileError(f"{filename}: every service must be a JSON object.")
    kind = "oruk_v1" if any(oruk_v1.looks_like_v1(item) for item in items) else "oruk3"
    return kind, items


# --- applying --------------------------------------------------------------------------------

def _fingerprint(item: dict) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()


def _external_id(kind: str, item: dict) -> str | None:
    value = item.get("external_id") if kind == "csv" else item.get("id")
    return str(value).strip() if value not in (None, "") else None


def _existing(session: Session, publisher: str, external_id: str) -> Service | None:
    return session.exec(select(Service).where(Service.publisher == publisher,
                                              Service.external_id == external_id)).first()


def _new_service(session: Session, external_id: str, kind: str) -> Service:
    # Keep the publisher's id as ours when it is free, so /openreferral/services/{id} matches the feed.
    wanted = external_id if kind != "csv" and session.get(Service, external_id) is None else None
    return Service(**({"id": wanted} if wanted else {}), name="")


def _apply_one(session: Session, kind: str, item: dict, publisher: str, source: str,
               report: ImportReport) -> None:
    external_id = _external_id(kind, item)
    if external_id is None:
        raise ValidationError("The record has no id.", {"external_id" if kind == "csv" else "id": "This is required."})
    fingerprint = _fingerprint(item)
    service = _existing(session, publisher, external_id)
    if service is not None and (service.extra or {}).get("_import_fingerprint") == fingerprint:
        report.unchanged += 1
        return
    is_new = service is None
    with session.begin_nested():
        if kind == "csv":
            unknown = [k for k in item if k not in FIELD_NAMES]
            validated = validate_service_input({k: v for k, v in item.items() if k in FIELD_NAMES})
            if is_new:
                service = _new_service(session, external_id, kind)
            previous = None if is_new else records.input_from_service(service)
            records.apply_input(session, service, validated, publisher=publisher, previous=previous)
            if unknown:
                report.warnings.append({"record": external_id, "field": ", ".join(unknown),
                                        "reason": "column not in the template; ignored"})
        else:
            data = item
            if kind == "oruk_v1":
                data, unmapped = oruk_v1.to_oruk3(item)
                if unmapped:
                    report.warnings.append({"record": external_id, "field": ", ".join(unmapped),
                                            "reason": "ORUK v1 property with no ORUK 3 equivalent; not imported"})
            if is_new:
                service = _new_service(session, external_id, kind)
            apply_oruk(session, service, data)
            oruk_v1.derive_extras(session, service)
        service.publisher = publisher
        service.external_id = external_id
        service.source = source
        service.imported_at = utcnow()
        service.extra = {**(service.extra or {}), "_import_fingerprint": fingerprint}
        if service.review_due is None:
            verified = service.last_verified_at.date() if service.last_verified_at else None
            service.review_due = next_review(verified) if verified else utcnow().date()
        session.add(service)
        session.flush()
        flag_duplicates(session, service)
    if is_new:
        report.created += 1
    else:
        report.updated += 1


@retry_when_busy
def import_records(session: Session, kind: str, items: list[dict], publisher: str, source: str,
                   actor: str, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    if not publisher or not publisher.strip():
        raise ValidationError("Say who publishes this feed.", {"publisher": "This is required."})
    publisher = publisher.strip()
    report = ImportReport(publisher=publisher, format=kind, total=len(items))
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        external_id = _external_id(kind, item) or f"record {number}"
        if external_id in seen:
            report.errors.append({"record": external_id, "field": "id",
                                  "reason": "appears more than once in this file; the first was used"})
            continue
        seen.add(external_id)
        try:
            _apply_one(session, kind, item, publisher, source, report)
        except ValidationError as error:
            for name, reason in (error.fields or {"record": error.message}).items():
                report.errors.append({"record": external_id, "field": name, "reason": reason})
        except OrukError as error:
            report.errors.append({"record": external_id, "field": error.field, "reason": str(error)})
        if progress:
            progress(number, len(items))
    record(session, actor, "import", "import", publisher,
           {"summary": [None, {k: v for k, v in report.as_dict().items() if k not in ("errors", "warnings")}]})
    session.commit()
    return report


def import_file(app: Flask, content: bytes, filename: str, publisher: str, actor: str,
                progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Parse then import; the search index follows after commit (or later, if it is down)."""
    kind, items = parse(content, filename)
    with db.session_scope(app) as session:
        # One drain at the end instead of one per commit hook.
        session.info["drain_after_commit"] = False
        report = import_records(session, kind, items, publisher, filename, actor, progress)
    from ..search import indexing

    try:
        indexing.drain(app)
    except Exception as error:  # the outbox keeps every change for the next drain
        report.warnings.append({"record": "*", "field": "search",
                                "reason": f"search index will catch up later ({type(error).__name__})"})
    return report

