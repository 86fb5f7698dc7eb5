"""The OpenAPI 3.1 document for /api/v1, generated from the routes and their pydantic models.

Each API view declares its contract with ``@spec(...)``; the generator walks the URL map, so a new
/api/v1 route without a contract is reported (and a test fails).
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable

from flask import Flask, jsonify, render_template, request
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode
from werkzeug.routing import IntegerConverter

from ..access import access, rule_for_endpoint
from . import schemas
from .api import bp, json_body
from .validation import from_query, validate

ERRORS = {
    400: "Invalid input: `error.fields` names each bad field.",
    401: "Log in or send a bearer token.",
    403: "Your role cannot do this.",
    404: "Not found.",
    409: "Conflicts with existing data.",
    413: "Upload too large.",
    429: "Too many requests: see Retry-After.",
    503: "A dependency is down: see Retry-After.",
}
SKIP = {"api.openapi_document", "api.openapi_docs"}


def spec(
    summary: str,
    *,
    query: type[BaseModel] | None = None,
    body: type[BaseModel] | None = None,
    form: type[BaseModel] | None = None,
    ok: type[BaseModel] | None = None,
    status: int = 200,
) -> Callable:
    """Declare a view's contract. A view that takes a ``query`` or ``body`` argument gets the
    request checked against that model before it runs, so what the document promises is what is
    refused. A view that does not take it passes the request on to a domain function that
    validates with the same model (the pages call that function too, with their forms)."""

    def decorate(view: Callable) -> Callable:
        takes = inspect.signature(view).parameters
        check_query = query if "query" in takes else None
        check_body = body if "body" in takes else None
        checked = view
        if check_query is not None or check_body is not None:

            @functools.wraps(view)
            def checked(*args, **kwargs):
                if check_query is not None:
                    kwargs["query"] = validate(check_query, from_query(check_query, request.args))
                if check_body is not None:
                    kwargs["body"] = validate(check_body, json_body())
                return view(*args, **kwargs)

        checked.openapi = {  # type: ignore[attr-defined]  # a function attribute, read by build()
            "summary": summary,
            "query": query,
            "body": body,
            "form": form,
            "ok": ok,
            "status": status,
            "doc": (view.__doc__ or "").strip(),
        }
        return checked

    return decorate


class _Components:
    def __init__(self) -> None:
        self.schemas: dict[str, dict] = {}

    def ref(self, model: type[BaseModel], mode: JsonSchemaMode = "validation") -> dict:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}", mode=mode)
        for name, definition in schema.pop("$defs", {}).items():
            self.schemas.setdefault(name, definition)
        self.schemas.setdefault(model.__name__, schema)
        return {"$ref": f"#/components/schemas/{model.__name__}"}


def _query_parameters(model: type[BaseModel]) -> list[dict]:
    schema = model.model_json_schema()
    parameters = []
    for name, prop in schema["properties"].items():
        options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
        item = dict(options[0]) if options else {}
        for key in ("description", "title", "default"):
            item.pop(key, None)
        parameter = {"name": name, "in": "query", "required": False, "schema": item}
        if prop.get("description"):
            parameter["description"] = prop["description"]
        if item.get("type") == "array":
            parameter.update(style="form", explode=True)
        parameters.append(parameter)
    return parameters


def build(app: Flask) -> tuple[dict, list[str]]:
    components = _Components()
    components.ref(schemas.Error, "serialization")
    paths: dict[str, dict] = {}
    undocumented = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith("/api/v1/") or rule.endpoint in SKIP:
            continue
        view = app.view_functions[rule.endpoint]
        meta = getattr(view, "openapi", None)
        if meta is None:
            undocumented.append(rule.rule)
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        public = rule_for_endpoint(app, rule.endpoint) == "public"
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operation: dict = {
                "summary": meta["summary"],
                "operationId": f"{rule.endpoint.split('.')[-1]}_{method.lower()}",
                "parameters": [],
                "responses": {},
            }
            if meta["doc"]:
                operation["description"] = meta["doc"]
            for argument in rule.arguments:
                converter = rule._converters[argument]
                operation["parameters"].append(
                    {
                        "name": argument,
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": converter.max}
                        if isinstance(converter, IntegerConverter)
                        else {"type": "string"},
                    }
                )
            if meta["query"] is not None:
                operation["parameters"] += _query_parameters(meta["query"])
            if meta["body"] is not None:
                operation["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": components.ref(meta["body"])}},
                }
            if meta["form"] is not None:
                form_schema = meta["form"].model_json_schema()
                form_schema["properties"]["file"] = {"type": "string", "format": "binary"}
                operation["requestBody"] = {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": form_schema}},
                }
            if meta["status"] == 204:
                operation["responses"]["204"] = {"description": "Done."}
            else:
                content = {
                    "application/json": {
                        "schema": components.ref(meta["ok"], "serialization")
                        if meta["ok"]
                        else {"type": "object"}
                    }
                }
                operation["responses"][str(meta["status"])] = {"description": "Success.", "content": content}
            for code, text in ERRORS.items():
                if public and code in (401, 403):
                    continue
                operation["responses"][str(code)] = {
                    "description": text,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
            if not public:
                operation["security"] = [{"bearer": []}, {"session": []}]
            paths.setdefault(path, {})[method.lower()] = operation
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Community directory and matching API",
            "version": "1",
            "description": "Search, matching and curation of a social prescribing directory. "
            "The Open Referral UK 3.0 API is under /openreferral.",
        },
        "paths": paths,
        "components": {
            "schemas": components.schemas,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "`flask users token NAME` prints one.",
                },
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "session",
                    "description": "A logged-in browser; POSTs also need the X-CSRFToken header.",
                },
            },
        },
    }
    return document, undocumented


@bp.get("/openapi.json")
@access("public")
def openapi_document():
    from flask import current_app

    document, _ = build(current_app)
    return jsonify(document)


@bp.get("/docs")
@access("public")
def openapi_docs():
    from flask import current_app

    document, _ = build(current_app)
    return render_template("api_docs.html", document=document)
