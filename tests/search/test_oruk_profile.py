"""The Open Referral UK profile's own OpenAPI document, walked.

Every path and every query parameter the vendored `directory_app/data/oruk/openapi.json` defines is
called on a seeded app (the Trafford seed directory plus the profile's example service), with and
without the parameter, and every answer is validated against the schema the document names for it
(`schema/compiled/...`, resolved to the vendored copies). Items may carry only fields those schemas
know, or the extensions we list on /openreferral/. A filter must change the answer for at least one
sensible value (and, where the answer shows it, visibly hold), so one we stop applying fails here;
so does a path that stops being served or a bad value that is not a 400 naming its parameter.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012
from sqlmodel import select

from directory_app import db
from directory_app.directory.jobs import import_file
from directory_app.directory.service import set_status
from directory_app.models import Location, Service, ServiceAtLocation, Taxonomy
from directory_app.search.indexing import wait_until_idle
from tests.conftest import fresh_app

ROOT = Path(__file__).resolve().parents[2]
ORUK = ROOT / "seed_data" / "oruk"  # the profile's files, vendored unchanged
# The profile document itself ships with the app, which serves it (directory_app/data/oruk/).
PROFILE = json.loads((ROOT / "directory_app" / "data" / "oruk" / "openapi.json").read_text())
# Where the profile's $refs point; the same relative paths are vendored under seed_data/oruk/.
PUBLISHED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/"
PROFILE_URI = PUBLISHED + "schema/openapi.json"
PREFIX = "/openreferral"
POSTCODE = "M33 7ZZ"  # Sale, in the seed directory's postcodes


@functools.cache
def _retrieve(uri: str):
    if not uri.startswith(PUBLISHED + "schema/"):
        raise NoSuchResource(ref=uri)
    return DRAFT202012.create_resource(json.loads((ORUK / uri[len(PUBLISHED) :]).read_text()))


REGISTRY = Registry(retrieve=_retrieve).with_resource(PROFILE_URI, DRAFT202012.create_resource(PROFILE))


def _deref(node: dict) -> dict:
    """Follow the document's own ``#/components/...`` references."""
    while "$ref" in node:
        node = REGISTRY.resolver(PROFILE_URI).lookup(node["$ref"]).contents
    return node


OPERATIONS = [
    (path, method) for path, item in PROFILE["paths"].items() for method in item if method != "parameters"
]


def parameters(path: str, method: str) -> list[dict]:
    item = PROFILE["paths"][path]
    return [_deref(p) for p in item.get("parameters", []) + item[method].get("parameters", [])]


QUERY_PARAMETERS = [
    (path, method, p["name"])
    for path, method in OPERATIONS
    for p in parameters(path, method)
    if p["in"] == "query"
]


def schema_uri(path: str, method: str) -> str:
    parts = ("paths", path, method, "responses", "200", "content", "application/json", "schema")
    return PROFILE_URI + "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def kind(path: str, method: str) -> str:
    """The object a response carries, named after its schema file: service, service_at_location…"""
    schema = REGISTRY.resolver(PROFILE_URI).lookup(schema_uri(path, method)).contents
    ref = schema.get("$ref") or schema.get("properties", {}).get("contents", {}).get("items", {}).get("$ref")
    return Path(ref).stem.removesuffix("_list") if ref else "api"


def _shape(schema: dict, resolver) -> tuple[dict, tuple | None]:
    """Properties (each with the resolver for its references) and array items a schema allows."""
    properties, items, pending = {}, None, [(schema, resolver)]
    while pending:
        node, here = pending.pop()
        if "$ref" in node:
            resolved = here.lookup(node["$ref"])
            pending.append((resolved.contents, resolved.resolver))
        pending += [(sub, here) for sub in node.get("allOf", [])]
        for name, sub in node.get("properties", {}).items():
            properties.setdefault(name, (sub, here))
        if "items" in node:
            items = (node["items"], here)
    return properties, items


def unknown_fields(instance, schema: dict, resolver, where: tuple = ()) -> set[str]:
    properties, items = _shape(schema, resolver)
    found = set()
    if isinstance(instance, dict) and properties:
        for name, value in instance.items():
            if name not in properties:
                found.add(".".join(where + (name,)))
            else:
                found |= unknown_fields(value, *properties[name], where + (name,))
    elif isinstance(instance, list) and items:
        for value in instance:
            found |= unknown_fields(value, *items, where)
    return found


def check_answer(oruk, path: str, method: str, url: str) -> dict:
    """GET ``url``: 200, valid against the profile's schema for ``path``, no undocumented fields."""
    response = oruk.client.open(url, method=method.upper())
    assert response.status_code == 200, (url, response.get_json())
    body = response.get_json()
    schema = {"$ref": schema_uri(path, method)}
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in Draft202012Validator(schema, registry=REGISTRY).iter_errors(body)
    ]
    assert not errors, (url, errors[:5])
    name = kind(path, method)
    undocumented = set()
    for field in unknown_fields(body, schema, REGISTRY.resolver(PROFILE_URI)):
        if field.startswith("contents."):
            field = field.removeprefix("contents.")
        elif "contents" in body:
            field = f"page.{field}"
        # The root is where the extensions are listed.
        if f"{name}.{field}" not in oruk.extensions and (name, field) != ("api", "extensions"):
            undocumented.add(f"{name}.{field}")
    assert not undocumented, (url, undocumented)
    return body


def fill(path: str, ident: str) -> str:
    return PREFIX + path.replace("{id}", ident)


@pytest.fixture(scope="module")
def oruk(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("oruk_profile")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'oruk.db'}", seeded=True) as app:
        source = ORUK / "examples" / "service_full.json"
        import_file(app, source.read_bytes(), source.name, "example", "test")
        with db.session_scope(app) as session:
            example = session.exec(select(Service).where(Service.publisher == "example")).one()
            closing, postcode = session.exec(
                select(Service, Location.postcode)
                .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
                .join(Location, Location.id == ServiceAtLocation.location_id)
                .where(
                    Service.status == "active", Location.postcode.is_not(None), Service.name.contains("Club")
                )
                .order_by(Service.name)
            ).first()
            set_status(session, closing.id, "defunct", "test")
            # Nothing in the seed fills the taxonomy table (our needs taxonomy is served beside it),
            # and paging is only visible with two taxonomies.
            session.add(
                Taxonomy(
                    name="UK Charity Activity Tags",
                    description="Tags for what charities do.",
                    uri="https://charityclassification.org.uk/",
                )
            )
            session.commit()
            defunct = SimpleNamespace(
                id=closing.id, name=closing.name, organization_id=closing.organization_id, postcode=postcode
            )
            example_id = example.id
        wait_until_idle(app)
        client = app.test_client()
        root = client.get(PREFIX + "/").get_json()
        detail = client.get(f"{PREFIX}/services/{example_id}").get_json()
        yield SimpleNamespace(
            app=app,
            client=client,
            extensions=set(root["extensions"]["fields"]),
            root=root,
            defunct=defunct,
            # Besides the first and last listed, the profile's example: every kind of nested object.
            extra_ids={
                "/services/{id}": [example_id],
                "/service_at_locations/{id}": [link["id"] for link in detail["service_at_locations"]],
            },
        )


def listed_ids(oruk, collection: str) -> list[str]:
    ids, page = [], 1
    while True:
        body = oruk.client.get(f"{PREFIX}{collection}?per_page=100&page={page}").get_json()
        ids += [item["id"] for item in body["contents"]]
        if body["last_page"]:
            return ids
        page += 1


def sample_ids(oruk, path: str) -> list[str]:
    listed = listed_ids(oruk, path.rsplit("/", 1)[0])
    assert listed, f"nothing listed to fetch through {path}"
    return list(dict.fromkeys(listed[:2] + listed[-2:] + oruk.extra_ids.get(path, [])))


@pytest.mark.parametrize("path, method", OPERATIONS, ids=[f"{m.upper()} {p}" for p, m in OPERATIONS])
def test_every_path_of_the_profile_is_served_as_the_profile_says(oruk, path, method):
    if "{id}" not in path:
        check_answer(oruk, path, method, PREFIX + path)
        return
    answers = {}
    for ident in sample_ids(oruk, path):
        answers[ident] = check_answer(oruk, path, method, fill(path, ident))
    # Each id answers with its own record, and an id we never issued is a 404 in our error shape.
    assert len({json.dumps(a, sort_keys=True) for a in answers.values()}) == len(answers)
    missing = oruk.client.open(fill(path, str(uuid.uuid4())), method=method.upper())
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


# --- parameters ----------------------------------------------------------------------------------

# Sensible valid values: by parameter name where the value depends on our data, else by type.
BY_TYPE = {"integer": ["1", "2", "5"], "number": ["70", "18", "10"], "time": ["06:00", "12:00", "20:00"]}
BY_NAME = {
    "search": ["walking group", "debt advice", "food bank"],
    "day": ["SU", "SA", "MO"],
    "postcode": [POSTCODE, "WA14 1PF"],
    "proximity": ["500", "3000"],
}
NEEDS = {"proximity": {"postcode": POSTCODE}}  # sent with the parameter and in the baseline
UNUSED_ID = str(uuid.uuid4())  # a taxonomy (term) nothing is filed under
BAD_BY_TYPE = {"integer": ["0", "many"], "number": ["old", "-1"], "time": ["25:00", "noon"]}
BAD_BY_NAME = {"day": ["XX"], "postcode": ["not a postcode", "ZZ1 1ZZ"], "proximity": ["far", "-5"]}


def _type(path: str, method: str, name: str) -> str | None:
    return next(p for p in parameters(path, method) if p["name"] == name).get("schema", {}).get("type")


def values_for(oruk, path: str, method: str, name: str) -> list[str]:
    if name in ("taxonomy_id", "taxonomy_term_id"):
        collection = "/taxonomies" if name == "taxonomy_id" else "/taxonomy_terms"
        # Real ids first; an id nobody uses must then give an empty list, not an unfiltered one.
        return listed_ids(oruk, collection)[:3] + [UNUSED_ID]
    values = BY_NAME.get(name) or BY_TYPE.get(_type(path, method, name))
    assert values, f"no sensible value known for parameter {name!r} of {path}: add one to this test"
    return values


def _numbers(items: list[dict], field: str) -> list:
    return [item.get(field) for item in items]


def _service(item: dict) -> dict:
    return item.get("service", item)


def holds(oruk, name: str, value: str, body: dict, baseline: dict) -> None:
    """Where the answer itself shows a filter, check it holds for every item."""
    items = body["contents"]
    if value == UNUSED_ID:
        assert body["total_items"] == 0
    elif name == "page":
        assert body["page_number"] == int(value)
        if int(value) > 1:
            assert {i["id"] for i in items}.isdisjoint(i["id"] for i in baseline["contents"])
    elif name == "per_page":
        assert body["size"] == min(int(value), body["total_items"]) == len(items)
    elif name == "minimum_age":
        assert all(a is None or a >= float(value) for a in _numbers(map(_service, items), "maximum_age"))
    elif name == "maximum_age":
        assert all(a is None or a <= float(value) for a in _numbers(map(_service, items), "minimum_age"))
    elif name == "postcode":
        distances = _numbers(items, "distance")
        assert None not in distances and distances == sorted(distances)
    elif name == "proximity":
        assert all(d <= float(value) for d in _numbers(items, "distance"))
    elif name == "day":
        for item in items[:5]:
            full = oruk.client.get(f"{PREFIX}/services/{_service(item)['id']}").get_json()
            assert any(value in (s.get("byday") or "") for s in full.get("schedules", [])), (
                value,
                full["name"],
            )


def _result(body: dict) -> tuple:
    return body["total_items"], tuple(item["id"] for item in body["contents"])


@pytest.mark.parametrize(
    "path, method, name", QUERY_PARAMETERS, ids=[f"{p} {n}" for p, _, n in QUERY_PARAMETERS]
)
def test_every_parameter_of_the_profile_is_applied(oruk, path, method, name):
    base = NEEDS.get(name, {})
    baseline = check_answer(oruk, path, method, f"{PREFIX}{path}?{urlencode(base)}")
    results = set()
    for value in values_for(oruk, path, method, name):
        body = check_answer(oruk, path, method, f"{PREFIX}{path}?{urlencode({**base, name: value})}")
        holds(oruk, name, value, body, baseline)
        results.add(_result(body))
    # Compared with each other, not only with the baseline: any search or filter also leaves out
    # closed services, which would make an ignored filter look applied.
    assert len(results) > 1, f"{path}?{name}= gave the same answer for every value tried"


BAD_PARAMETERS = [
    (path, method, name, bad)
    for path, method, name in QUERY_PARAMETERS
    for bad in BAD_BY_NAME.get(name) or BAD_BY_TYPE.get(_type(path, method, name)) or []
]


@pytest.mark.parametrize(
    "path, method, name, bad", BAD_PARAMETERS, ids=[f"{p} {n}={b}" for p, _, n, b in BAD_PARAMETERS]
)
def test_bad_values_are_a_400_naming_the_parameter(oruk, path, method, name, bad):
    response = oruk.client.open(
        f"{PREFIX}{path}?{urlencode({**NEEDS.get(name, {}), name: bad})}", method=method.upper()
    )
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "validation_error" and error["message"]
    assert name in error["fields"], error


def test_every_typed_parameter_has_a_bad_value_tried():
    typed = {name for path, method, name in QUERY_PARAMETERS if _type(path, method, name) in BAD_BY_TYPE}
    assert typed <= {name for _, _, name, _ in BAD_PARAMETERS}
    assert {"page", "per_page", "minimum_age", "start_time", "day", "postcode", "proximity"} <= typed | set(
        BAD_BY_NAME
    )


# --- what we document beyond the profile ---------------------------------------------------------


def test_status_rule_documented_and_kept(oruk):
    """Harvesting lists every status (so consumers see closures); finding a service does not."""
    assert "status" in oruk.root["extensions"]["behaviour"]
    closed = oruk.client.get(f"{PREFIX}/services/{oruk.defunct.id}").get_json()
    assert closed["status"] == "defunct"
    harvest = oruk.client.get(f"{PREFIX}/services?organization_id={oruk.defunct.organization_id}").get_json()
    assert oruk.defunct.id in [s["id"] for s in harvest["contents"]]
    for query in (urlencode({"search": oruk.defunct.name}), urlencode({"postcode": oruk.defunct.postcode})):
        for path in ("/services", "/service_at_locations"):
            body = oruk.client.get(f"{PREFIX}{path}?{query}").get_json()
            assert oruk.defunct.id not in [_service(item)["id"] for item in body["contents"]], (path, query)
            assert all(
                _service(item)["status"] in ("active", "temporarily closed") for item in body["contents"]
            )


def test_extensions_are_listed_in_the_readme(oruk):
    api = re.search(r"## API\n(.*?)\n## ", (ROOT / "README.md").read_text(), re.S).group(1)
    bullet = next(line for line in api.splitlines() if "Open Referral UK" in line)
    for path in PROFILE["paths"]:
        assert path.replace("{id}", "<id>") in bullet, path
    for field in oruk.extensions:
        assert field.split(".")[-1] in bullet, field
