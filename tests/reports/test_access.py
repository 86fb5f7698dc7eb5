"""Gap reports are for commissioners (and admins): every route, every role."""

from __future__ import annotations

import pytest

ROUTES = [
    "/reports/",
    "/reports/map",
    "/reports/charts",
    "/reports/areas/ward/E05015253",
    "/reports/export.csv",
    "/reports/export.json",
]


def test_routes_listed_here_are_all_the_report_routes(app):
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/reports")}
    assert rules == set(ROUTES[:3]) | {
        "/reports/areas/<area_type>/<code>",
        "/reports/export.csv",
        "/reports/export.json",
    }
    assert all(
        app.view_functions[rule.endpoint].access_rule == "commissioner"
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/reports")
    )


@pytest.mark.parametrize("path", ROUTES)
def test_anonymous_is_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["navigator", "link_worker", "curator"])
def test_other_roles_are_refused(client, login_as, role):
    login_as(role)
    for path in ROUTES:
        assert client.get(path).status_code == 403, path


@pytest.mark.parametrize("role", ["commissioner", "admin"])
def test_commissioners_and_admins_get_every_page(client, login_as, role):
    login_as(role)
    for path in ROUTES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_bad_filters_are_a_clear_400(client, login_as):
    login_as("commissioner")
    response = client.get("/reports/?area_type=county")
    assert response.status_code == 400
    assert "Unknown area type" in response.get_data(as_text=True)
    response = client.get("/reports/export.json?need=astrology", headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["error"]["fields"] == {"need": "Choose a need from the list."}
    assert client.get("/reports/areas/lsoa/E01000001").status_code == 404


def test_pages_have_no_inline_script_or_style(client, login_as):
    login_as("commissioner")
    for path in ROUTES[:4]:
        page = client.get(path).get_data(as_text=True)
        assert " style=" not in page and "<style" not in page, path
        for tag in __import__("re").findall(r"<script[^>]*>", page):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)


def test_tile_server_is_allowed_only_on_the_map_page(app, client, login_as):
    login_as("commissioner")
    app.config["REPORTS_TILE_URL"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    try:
        csp = client.get("/reports/map").headers["Content-Security-Policy"]
        assert "img-src 'self' data: https://*.tiles.example.org" in csp
        assert "tiles.example.org" not in client.get("/reports/").headers["Content-Security-Policy"]
    finally:
        app.config.pop("REPORTS_TILE_URL")
