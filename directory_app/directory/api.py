"""Curation through the API: the same domain functions the web forms call."""

from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from matching import situations

from ..access import access, role_allowed
from ..audit import history
from ..db import get_session, real_app
from ..directory import duplicates
from ..directory import jobs as import_jobs
from ..directory import service as curation
from ..directory.documents import to_search_document
from ..directory.oruk import service_to_oruk
from ..directory.records import input_from_service
from ..directory.upload import ImportUpload, read_upload
from ..needs import taxonomy_data
from ..web import schemas
from ..web.api import bp, json_body
from ..web.openapi import spec


def service_json(service) -> dict:
    """Our full view of a service: the flat fields, ORUK record, freshness and provenance."""
    document = to_search_document(service)
    return {
        "id": service.id,
        "fields": {
            k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in input_from_service(service).items()
        },
        "summary": document,
        "review_due": service.review_due.isoformat() if service.review_due else None,
        # Who checked it is a curator's username: shown to curators, not to the public.
        "last_verified_by": service.last_verified_by if _is_curator() else None,
        "provenance": {
            "publisher": service.publisher,
            "source": service.source,
            "external_id": service.external_id,
            "imported_at": service.imported_at.isoformat() if service.imported_at else None,
            "merged_from": (service.extra or {}).get("merged_from", []),
        },
        "merged_into": service.merged_into_id,
        "oruk": service_to_oruk(service),
    }


def _service_reply(service_id: str):
    """The service as it now stands, read back after any change so the reply shows what was stored."""
    return jsonify(service_json(curation.get_service(get_session(), service_id)))


def _is_curator() -> bool:
    return role_allowed("curator", current_user.role if current_user.is_authenticated else None)


@bp.get("/needs")
@access("public")
@spec("The needs taxonomy: codes, labels, synonyms and UKCAT mappings; groups and situations")
def needs():
    """The needs taxonomy: codes, labels, synonyms and UKCAT mappings; the eligibility groups and
    the situations a service may be restricted to (codes for a match's `situations`)."""
    return jsonify(
        {
            **taxonomy_data(),
            "situations": [
                {"code": s.code, "label": s.label, "check_only": not s.hard} for s in situations.SITUATIONS
            ],
        }
    )


@bp.get("/services/<service_id>")
@access("public")
@spec(
    "One service: flat fields, search summary, freshness, provenance and its ORUK record",
    ok=schemas.ServiceRecord,
)
def service_detail(service_id: str):
    return _service_reply(service_id)


@bp.get("/services/<service_id>/history")
@access("curator")
@spec("Audit history of a service: who changed what, when", ok=schemas.History)
def service_history(service_id: str):
    curation.get_service(get_session(), service_id)
    return jsonify(
        {
            "events": [
                {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "changes": e.changes}
                for e in history(get_session(), "service", service_id)
            ]
        }
    )


@bp.post("/services")
@access("curator")
@spec("Create a service", body=schemas.ServiceInput, ok=schemas.ServiceRecord, status=201)
def service_create():
    service = curation.create_service(get_session(), json_body(), actor=current_user.username)
    return _service_reply(service.id), 201


@bp.patch("/services/<service_id>")
@access("curator")
@spec("Change some fields of a service", body=schemas.ServicePatch, ok=schemas.ServiceRecord)
def service_update(service_id: str):
    curation.update_service(get_session(), service_id, json_body(), actor=current_user.username)
    return _service_reply(service_id)


@bp.delete("/services/<service_id>")
@access("curator")
@spec("Delete a service", status=204)
def service_delete(service_id: str):
    curation.delete_service(get_session(), service_id, actor=current_user.username)
    return "", 204


@bp.post("/services/<service_id>/status")
@access("curator")
@spec("Close, reopen or retire a service", body=schemas.StatusChange, ok=schemas.ServiceRecord)
def service_status(service_id: str, body: schemas.StatusChange):
    curation.set_status(get_session(), service_id, body.status, actor=current_user.username)
    return _service_reply(service_id)


@bp.post("/services/<service_id>/verify")
@access("curator")
@spec("Confirm a listing is still accurate (resets its review date)", ok=schemas.ServiceRecord)
def service_verify(service_id: str):
    curation.verify_service(get_session(), service_id, actor=current_user.username)
    return _service_reply(service_id)


@bp.post("/services/<service_id>/problems")
@access("public")
@spec("Report a problem in a listing", body=schemas.ProblemReportIn, ok=schemas.ProblemReportOut, status=201)
def problem_report(service_id: str, body: schemas.ProblemReportIn):
    """Anyone may report; details holding a phone number, email, NHS number or postcode are refused."""
    report = curation.report_problem(get_session(), service_id, body.kind, body.details)
    return jsonify({"id": report.id, "message": "Thank you. A curator will check this listing."}), 201


@bp.get("/review-queue")
@access("curator")
@spec("Listings past their review date", ok=schemas.ReviewQueue)
def review_queue():
    queue = curation.review_queue(get_session())
    return jsonify(
        {
            "total": queue.total,
            "services": [
                {
                    "id": s.id,
                    "name": s.name,
                    "review_due": s.review_due.isoformat() if s.review_due else None,
                    "last_verified_at": s.last_verified_at.isoformat() if s.last_verified_at else None,
                }
                for s in queue.services
            ],
        }
    )


@bp.get("/problems")
@access("curator")
@spec("Open problem reports", ok=schemas.Problems)
def problems():
    reports = [
        schemas.Problem.of(report, service) for report, service in curation.open_problems(get_session())
    ]
    return jsonify(schemas.Problems(problems=reports).model_dump(mode="json"))


@bp.post("/problems/<int:report_id>/resolve")
@access("curator")
@spec("Resolve a problem report", body=schemas.Resolution, ok=schemas.Resolved)
def problem_resolve(report_id: int, body: schemas.Resolution):
    curation.resolve_problem(get_session(), report_id, body.resolution, actor=current_user.username)
    return jsonify({"id": report_id, "resolved": True})


@bp.get("/duplicates")
@access("curator")
@spec("Likely duplicates with their reasons", ok=schemas.Duplicates)
def duplicate_list():
    pairs = [schemas.DuplicatePair.of(flag, *pair) for flag, *pair in duplicates.open_flags(get_session())]
    return jsonify(schemas.Duplicates(duplicates=pairs).model_dump(mode="json"))


@bp.post("/duplicates/<int:flag_id>")
@access("curator")
@spec("Merge or dismiss a likely duplicate", body=schemas.Decision, ok=schemas.Decided)
def duplicate_decide(flag_id: int, body: schemas.Decision):
    flag = duplicates.decide(get_session(), flag_id, body.decision, current_user.username, body.keep)
    return jsonify({"id": flag.id, "status": flag.status})


@bp.post("/imports")
@access("curator")
@spec(
    "Start importing a feed (ORUK 3.0, ORUK v1 or CSV template) as a background job",
    form=ImportUpload,
    ok=schemas.ImportJob,
    status=202,
)
def import_upload():
    """The file is checked at once (400 if it cannot be read; 409 if this publisher already has an
    import running); the records are then imported in the background. Follow the job URL."""
    upload = read_upload(request.form, request.files)
    job = import_jobs.start(real_app(), upload, actor=current_user.username)
    return jsonify(import_jobs.as_dict(job)), 202, {"Location": f"/api/v1/imports/{job.id}"}


@bp.get("/imports/<job_id>")
@access("curator")
@spec("An import job: progress, then the per-record report", ok=schemas.ImportJob)
def import_job(job_id: str):
    return jsonify(import_jobs.as_dict(import_jobs.get(get_session(), job_id)))
