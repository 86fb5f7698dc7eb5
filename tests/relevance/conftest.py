"""Shared by the relevance suites."""

from __future__ import annotations

from sqlmodel import select

from directory_app import db
from directory_app.directory.documents import load_services, related_many, to_search_document
from directory_app.models import Service


def documents_by_id(app) -> dict[str, dict]:
    """Every service's search document (built from the database), by service id, with the
    publisher's external_id added: judgments name services by the id their publisher gave."""
    with db.session_scope(app) as session:
        ids = list(session.exec(select(Service.id)))
        docs, related = {}, related_many(session, ids)
        for service in load_services(session, ids):
            doc = to_search_document(service, related)
            doc["external_id"] = service.external_id
            docs[service.id] = doc
    return docs
