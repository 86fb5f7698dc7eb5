from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from sqlmodel import select

from directory_app import db
from directory_app.directory.jobs import import_file
from directory_app.models import Service
from directory_app.search.indexing import wait_until_idle

ORUK = Path(__file__).resolve().parents[2] / "seed_data" / "oruk"  # the official files, vendored


def schema(name: str) -> dict:
    return json.loads((ORUK / "schema" / "compiled" / f"{name}.json").read_text())


def validate_page(body: dict, item_schema: str) -> None:
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"):
        assert key in body
    for item in body["contents"]:
        jsonschema.validate(item, schema(item_schema))


@pytest.fixture
def directory(app, make_service):
    ids = {
        "lunch": make_service(),
        "walk": make_service(
            name="Stretford Walking Group",
            postcode="M32 0SQ",
            cost="free",
            minimum_age=None,
            schedule="WE 10:00-11:00",
            description="Gentle walks",
        ),
        "far": make_service(
            name="Altrincham Debt Advice",
            postcode="WA14 1PF",
            minimum_age=18,
            maximum_age=None,
            schedule="FR 09:00-17:00",
            description="Free debt and money advice",
            cost="free",
        ),
    }
    source = ORUK / "examples" / "service_full.json"
    import_file(app, source.read_bytes(), source.name, "example", "test")
    wait_until_idle(app)
    with db.session_scope(app) as session:
        ids["imported"] = session.exec(select(Service.id).where(Service.publisher == "example")).one()
    return ids


def test_root_and_cors(client):
    response = client.get("/openreferral/")
    assert response.status_code == 200 and response.get_json()["version"] == "3.0"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_services_list_validates_and_paginates(client, directory):
    body = client.get("/openreferral/services?per_page=2").get_json()
    validate_page(body, "service_list")
    assert body["total_items"] == 4 and body["size"] == 2 and body["total_pages"] == 2
    second = client.get("/openreferral/services?per_page=2&page=2").get_json()
    assert {s["id"] for s in body["contents"]}.isdisjoint({s["id"] for s in second["contents"]})


def test_service_detail_validates_against_the_official_schema(client, directory):
    for service_id in directory.values():
        response = client.get(f"/openreferral/services/{service_id}")
        assert response.status_code == 200
        jsonschema.validate(response.get_json(), schema("service"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("day=WE", {"Stretford Walking Group"}),
        ("day=FR&start_time=10:00&end_time=11:00", {"Altrincham Debt Advice", "Community Counselling"}),
        ("day=FR&start_time=17:30&end_time=17:45", {"Community Counselling"}),
        (
            "minimum_age=20&maximum_age=30",
            {"Altrincham Debt Advice", "Stretford Walking Group", "Community Counselling"},
        ),
        ("search=walking", {"Stretford Walking Group"}),
    ],
)
def test_service_filters(client, directory, query, expected):
    body = client.get(f"/openreferral/services?{query}").get_json()
    assert {s["name"] for s in body["contents"]} == expected


def test_needs_taxonomy_is_published_and_filters(client, directory):
    terms = client.get("/openreferral/taxonomy_terms?per_page=100").get_json()
    term_schema = json.loads((ORUK / "schema" / "taxonomy_term.json").read_text())
    for term in terms["contents"]:
        jsonschema.validate(term, term_schema)
    debt = next(t for t in terms["contents"] if t.get("term") == "money_debt")
    body = client.get(f"/openreferral/services?taxonomy_term_id={debt['id']}").get_json()
    assert [s["name"] for s in body["contents"]] == ["Altrincham Debt Advice"]
    assert client.get("/openreferral/taxonomies").get_json()["total_items"] >= 1


def test_service_at_locations_nearest_first_with_distances(client, directory):
    body = client.get("/openreferral/service_at_locations?postcode=m33 7zz&proximity=10000").get_json()
    validate_page(body, "service_at_location_list")
    names = [item["service"]["name"] for item in body["contents"]]
    assert names == ["Sale Lunch Club", "Stretford Walking Group", "Altrincham Debt Advice"]
    distances = [item["distance"] for item in body["contents"]]
    assert distances == sorted(distances) and distances[0] < 100
    # M33 7ZZ to M32 0SQ is about 2.9 km as the crow flies
    assert 2700 < distances[1] < 3100


@pytest.mark.parametrize(
    "query, field",
    [
        ("page=0", "page"),
        ("per_page=1000", "per_page"),
        ("day=XX", "day"),
        ("modified_after=yesterday", "modified_after"),
        ("start_time=25:00", "start_time"),
    ],
)
def test_bad_parameters_name_the_parameter(client, query, field):
    response = client.get(f"/openreferral/services?{query}")
    assert response.status_code == 400
    assert field in response.get_json()["error"]["fields"]


def test_unknown_postcode_is_a_400_saying_so(client):
    response = client.get("/openreferral/service_at_locations?postcode=ZZ1 1ZZ")
    assert response.status_code == 400
    assert "ZZ1 1ZZ" in response.get_json()["error"]["fields"]["postcode"]
