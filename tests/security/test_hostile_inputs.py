"""Hostile input against every JSON endpoint and the main forms: never a 5xx, and a refused
request changes nothing (issue #13 items 7 and 9).

The JSON endpoints come from the app's own OpenAPI document, and a test checks that every route of
the URL map that takes a body is in it, so a new endpoint cannot escape the corpus. Each endpoint
gets a valid body first; then the whole body, and each field in turn, is replaced by payloads
from the corpus: deep nesting, non-finite and huge numbers, control and bidi characters, lone
surrogates, formulas, oversize text and wrong types.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

from directory_app import db
from directory_app.directory.service import report_problem
from tests.conftest import csrf_token, service_data

MARK = "__HOSTILE__"
# Raw JSON text, spliced into a body in place of one value.
NUMBERS = ["1e308", "1e400", "NaN", "-Infinity", "-0", "99999999999999999999999999999"]
TEXTS = [
    '"\\u0000"',
    '"a\\u001bb"',
    '"\\u202egnp.exe"',
    '"\\ud800"',
    '"\\u2066x"',
    '"=HYPERLINK(\\"https://evil.example\\")"',
    json.dumps("x" * 20_000),
]
WRONG_TYPES = ["null", "true", "[]", '{"a": 1}', "[" * 30 + "]" * 30]
FIELD_VALUES = NUMBERS + TEXTS + WRONG_TYPES
REFUSED_CHARACTERS = {'"\\u0000"', '"a\\u001bb"', '"\\u202egnp.exe"', '"\\ud800"', '"\\u2066x"'}
NON_FINITE = {"1e400", "NaN", "Infinity", "-Infinity"}
# Whole bodies: not JSON objects, broken, nested 50,000 deep, or too large.
BODIES = [
    b"[" * 50_000,
    b'{"a":' * 50_000,
    b"[" * 50_000 + b"]" * 50_000,
    b"null",
    b"[]",
    b'"text"',
    b"1e400",
    b"NaN",
    b"{",
    b"\xff\xfe{}",
    b'{"a": 1, "a": 2}',
    b"{}",
    b'{"' + b"k" * 5000 + b'": 1}',
]
OVERSIZE = b'{"goals": "' + b"x" * (2 * 1024 * 1024) + b'"}'
IDS = [
    "0",
    "-1",
    "99999999999999999999",
    "%00",
    "%1b",
    "%E2%80%AE",
    "'%20OR%201=1%20--",
    "a" * 300,
    "..%2F..%2Fetc",
    "1e308",
    "NaN",
]
# Tables a refused request may still touch: counters of limits and login failures by design.
VOLATILE = {"rate_limit_counter", "login_throttle", "alembic_version"}


def snapshot(app) -> dict[str, str]:
    """A fingerprint of every table's contents."""
    out = {}
    with db.get_engine(app).connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in VOLATILE:
                continue
            rows = sorted(repr(tuple(row)) for row in connection.execute(select(table)))
            out[table.name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out


@pytest.fixture
def world(app, client, token_for, make_service):
    """A service, a referral with its issued case reference and a problem report, all reachable
    by an admin token (admin passes every access rule, so requests reach the parsing)."""
    service_id = make_service(needs="loneliness;older_people")
    token = token_for("admin")
    auth = {"Authorization": f"Bearer {token}"}
    referral = client.post(
        "/api/v1/referrals", headers=auth, json={"service_id": service_id, "needs": ["loneliness"]}
    ).get_json()
    with db.session_scope(app) as session:
        problem = report_problem(session, service_id, "other", "The hall has moved.")
    return {
        "service_id": service_id,
        "auth": auth,
        "referral_id": referral["id"],
        "case_reference": referral["case_reference"],
        "problem_id": problem.id,
    }


def valid_bodies(world) -> dict[tuple[str, str], dict]:
    """(method, OpenAPI path) → a body the endpoint accepts."""
    return {
        ("post", "/api/v1/services"): service_data(name="Hostile Test Club"),
        ("patch", "/api/v1/services/{service_id}"): {"description": "A friendly lunch club."},
        ("post", "/api/v1/services/{service_id}/status"): {"status": "active"},
        ("post", "/api/v1/services/{service_id}/problems"): {
            "kind": "other",
            "details": "The hall has moved.",
        },
        ("post", "/api/v1/problems/{report_id}/resolve"): {"resolution": "dismissed"},
        ("post", "/api/v1/duplicates/{flag_id}"): {"decision": "dismiss"},
        ("post", "/api/v1/match"): {
            "goals": "feeling lonely",
            "postcode": "M33 7ZZ",
            "constraints": {"max_distance_km": 5},
        },
        ("post", "/api/v1/referrals"): {"service_id": world["service_id"], "needs": ["loneliness"]},
        ("post", "/api/v1/referrals/wellbeing"): {
            "case_reference": world["case_reference"],
            "stage": "baseline",
            "happiness": 5,
        },
        ("post", "/api/v1/referrals/{referral_id}/status"): {"status": "referred"},
    }


def concrete(path: str, world) -> str:
    return (
        path.replace("{service_id}", world["service_id"])
        .replace("{report_id}", str(world["problem_id"]))
        .replace("{referral_id}", str(world["referral_id"]))
        .replace("{flag_id}", "1")
        .replace("{job_id}", "1")
    )


def json_endpoints(app) -> list[tuple[str, str]]:
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    return sorted(
        (method, path)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if "application/json" in (op.get("requestBody") or {}).get("content", {})
    )


def send(client, method: str, url: str, raw: bytes, auth: dict):
    return client.open(url, method=method.upper(), data=raw, content_type="application/json", headers=auth)


def assert_refused_cleanly(
    app, before: dict, response, what: str, may_change: frozenset = frozenset()
) -> None:
    assert response.status_code < 500, (
        f"{what}: {response.status_code} {response.get_data(as_text=True)[:300]}"
    )
    if response.status_code >= 400:
        if response.is_json:
            assert set(response.get_json()["error"]) >= {"code", "message"}, what
        after = snapshot(app)
        changed = {name for name in after if after[name] != before.get(name)}
        assert changed <= may_change, f"{what}: refused ({response.status_code}) but {changed} changed"


def test_every_route_that_takes_a_body_is_in_the_corpus(app):
    """Walk the URL map: each /api/ route taking POST/PATCH/PUT has a body in the OpenAPI document
    (and so here), or takes none (verify) or a file (imports, tested below)."""
    documented = {path for _, path in json_endpoints(app)}
    no_json_body = {"/api/v1/services/<service_id>/verify", "/api/v1/imports"}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or not rule.methods & {"POST", "PATCH", "PUT"}:
            continue
        openapi_path = rule.rule.replace("<int:", "{").replace("<", "{").replace(">", "}")
        assert openapi_path in documented or rule.rule in no_json_body, rule.rule


def test_whole_body_payloads_never_cause_a_server_error(app, client, world):
    bodies = valid_bodies(world)
    for method, path in json_endpoints(app):
        url = concrete(path, world)
        for raw in BODIES:
            before = snapshot(app)
            response = send(client, method, url, raw, world["auth"])
            assert_refused_cleanly(app, before, response, f"{method} {path} {raw[:20]!r}")
            if raw.startswith((b"[" * 100, b'{"a":{"a":')):
                assert (
                    response.status_code == 400
                    and "nested too deeply" in response.get_json()["error"]["message"]
                )
        before = snapshot(app)
        response = send(client, method, url, OVERSIZE, world["auth"])
        assert response.status_code == 413, (method, path)
        assert snapshot(app) == before
        assert (method, path) in bodies, f"add a valid body for {method} {path}"


def _fields(spec: dict, body: dict) -> list[str]:
    """Every top-level field of the body, plus the nested fields of match constraints."""
    return list(body) + [
        f"constraints.{name}" for name in ("max_distance_km", "days", "free_only") if "constraints" in body
    ]


def _with_value(body: dict, field: str, raw_value: str) -> bytes:
    body = json.loads(json.dumps(body))
    if "." in field:
        outer, inner = field.split(".")
        body[outer][inner] = MARK
    else:
        body[field] = MARK
    return json.dumps(body).replace(json.dumps(MARK), raw_value).encode()


def test_each_field_refuses_hostile_values_without_a_server_error(app, client, world):
    """Defects: max_distance_km 1e308 on match, details {"a": 1} on a problem report, NUL and ESC
    stored in names. Control characters and non-finite numbers are refused (400) naming the field."""
    for (method, path), body in valid_bodies(world).items():
        url = concrete(path, world)
        for field in _fields({}, body):
            for raw_value in FIELD_VALUES:
                before = snapshot(app)
                response = send(client, method, url, _with_value(body, field, raw_value), world["auth"])
                what = f"{method} {path} {field}={raw_value[:30]}"
                assert_refused_cleanly(app, before, response, what)
                if raw_value in NON_FINITE or raw_value in REFUSED_CHARACTERS:
                    assert response.status_code == 400, what
                if raw_value in REFUSED_CHARACTERS:
                    assert field in response.get_json()["error"].get("fields", {}), what
                if response.status_code == 201 and path == "/api/v1/services":
                    # Keep the directory small: each accepted listing is compared with every other.
                    client.delete(f"/api/v1/services/{response.get_json()['id']}", headers=world["auth"])
    response = send(
        client,
        "post",
        "/api/v1/match",
        _with_value(valid_bodies(world)[("post", "/api/v1/match")], "constraints.max_distance_km", "1e308"),
        world["auth"],
    )
    assert response.status_code == 400 and "max_distance_km" in json.dumps(
        response.get_json()["error"]["fields"]
    )


def test_ids_in_urls_never_cause_a_server_error(app, client, world):
    for method, path in json_endpoints(app) + [
        ("get", "/api/v1/services/{service_id}"),
        ("get", "/api/v1/referrals/{referral_id}"),
        ("delete", "/api/v1/services/{service_id}"),
    ]:
        for hostile in IDS:
            url = path
            for name in ("{service_id}", "{report_id}", "{referral_id}", "{flag_id}"):
                url = url.replace(name, hostile)
            if url == path:
                continue
            before = snapshot(app)
            raw = json.dumps(valid_bodies(world).get((method, path), {})).encode()
            response = send(client, method, url, raw, world["auth"])
            assert_refused_cleanly(app, before, response, f"{method} {url}")
    for query in (
        "lat=1e308&lng=NaN",
        "radius_km=Infinity&postcode=M33%207ZZ",
        "page=99999999999999999999",
        "q=%00",
        "q=%1b%5b31m",
        "need=%E2%80%AE",
        "age=-0",
        "per_page=1e308",
        "q=" + "x" * 5000,
    ):
        response = client.get(f"/api/v1/services?{query}")
        assert response.status_code < 500, query


def test_imports_of_hostile_files_never_cause_a_server_error(app, client, world):
    for name, content in (
        ("deep.json", b"[" * 50_000),
        ("deep2.json", b'{"services": ' + b"[" * 50_000),
        ("nan.json", b'{"services": [{"id": "a", "name": NaN}]}'),
        ("ctl.csv", b"external_id,name,organization\nx1,Club\x1b[31m,Org\x00\n"),
        ("binary.json", b"\xff\xfe\x00\x00"),
    ):
        before = snapshot(app)
        response = client.post(
            "/api/v1/imports",
            headers=world["auth"],
            content_type="multipart/form-data",
            data={"file": (__import__("io").BytesIO(content), name), "publisher": "Hostile"},
        )
        # A refused file still leaves its import job, marked failed and audited, for the curator to see.
        assert_refused_cleanly(
            app, before, response, name, may_change=frozenset({"import_job", "audit_event"})
        )
        if response.status_code < 400:
            with db.session_scope(app) as session:
                from directory_app.models import Service

                names = [s.name for s in session.exec(select(Service)).scalars()]
            assert not any("\x1b" in n or "\x00" in n for n in names), name


FORM_TEXTS = ["a\x00b", "a\x1bb", "\u202egnp.exe", "x" * 20_000, '=HYPERLINK("x")']


def test_main_forms_refuse_control_characters_and_never_fail(app, client, login_as, world):
    service_id = world["service_id"]
    anonymous = app.test_client()
    for text in FORM_TEXTS:
        token = csrf_token(anonymous, "/login")
        before = snapshot(app)
        response = anonymous.post("/login", data={"username": text, "password": text, "csrf_token": token})
        assert response.status_code in (400, 429), text
        token = csrf_token(anonymous, f"/services/{service_id}")
        before = snapshot(app)
        response = anonymous.post(
            f"/services/{service_id}/report", data={"kind": "other", "details": text, "csrf_token": token}
        )
        assert_refused_cleanly(app, before, response, f"report {text[:10]!r}")
    login_as("admin")
    token = csrf_token(client, "/referrals/")
    forms = [
        ("/curate/services/new", service_data(name="Form Club")),
        (f"/curate/services/{service_id}/edit", service_data(name="Form Club")),
        (
            "/referrals/new",
            {"service_id": service_id, "needs": "loneliness", "status": "referred", "case_reference": ""},
        ),
        (
            "/referrals/wellbeing",
            {"case_reference": world["case_reference"], "stage": "baseline", "happiness": "5"},
        ),
        ("/match", {"goals": "lonely", "postcode": "M33 7ZZ"}),
    ]
    for url, base in forms:
        for field in list(base)[:6]:
            for text in FORM_TEXTS[:3]:
                before = snapshot(app)
                response = client.post(url, data={**base, field: text, "csrf_token": token})
                what = f"{url} {field}={text!r}"
                assert response.status_code == 400, what
                assert_refused_cleanly(app, before, response, what)
