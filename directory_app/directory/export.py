"""Export the whole directory as ORUK 3.0 JSON or as the CSV template."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from sqlmodel import Session, col, select

from ..models import Service
from ..web import csv_output
from .oruk import service_to_oruk
from .records import input_from_service
from .service import load_options
from .service_form import form_text
from .service_input import FIELD_NAMES

CHUNK = 500


def iter_services(session: Session) -> Iterator[Service]:
    """Stream every live service in a stable order, a chunk at a time."""
    ids = list(
        session.exec(select(Service.id).where(col(Service.merged_into_id).is_(None)).order_by(Service.id))
    )
    for start in range(0, len(ids), CHUNK):
        chunk = session.exec(
            select(Service)
            .where(col(Service.id).in_(ids[start : start + CHUNK]))
            .order_by(Service.id)
            .options(*load_options())
        )
        yield from chunk
        session.expunge_all()


def export_oruk(session: Session) -> str:
    # The publisher's ids as given, so a feed exported again reads as the feed it came from.
    return json.dumps(
        {"services": [service_to_oruk(s, published_ids=True) for s in iter_services(session)]}, indent=1
    )


def export_csv(session: Session) -> str:
    buffer = io.StringIO()
    writer = csv_output.writer(buffer)
    writer.writerow(FIELD_NAMES)
    for service in iter_services(session):
        flat = input_from_service(service)
        flat["external_id"] = flat["external_id"] or service.id
        # The template's lists are ';'-separated, as an import reads them.
        writer.writerow([form_text(flat.get(name), list_separator=";") for name in FIELD_NAMES])
    return buffer.getvalue()
