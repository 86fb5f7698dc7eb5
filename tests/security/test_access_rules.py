"""Every route declares who may use it, and the rule is enforced."""

from __future__ import annotations

from directory_app.access import RULES, rule_for_endpoint


def test_every_route_has_a_declared_access_rule(app):
    missing = sorted(
        rule.rule for rule in app.url_map.iter_rules() if rule_for_endpoint(app, rule.endpoint) not in RULES
    )
    assert not missing, f"routes without an access rule: {missing}"


def test_api_write_routes_are_never_public_except_problem_reports(app):
    public_writes = sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.methods & {"POST", "PUT", "PATCH", "DELETE"}
        and rule_for_endpoint(app, rule.endpoint) == "public"
    )
    allowed = {"/login", "/logout", "/api/v1/services/<service_id>/problems", "/services/<service_id>/report"}
    allowed |= {"/provider/confirm", "/provider/status", "/provider/changes"}  # gated by the signed link
    assert set(public_writes) <= allowed, public_writes


def test_oversized_upload_gets_413(app, client, token_for):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    token = token_for("curator")
    # A raw multipart body: the test client's own multipart encoder spools to a temporary file
    # that it never closes when the app refuses the request unread.
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
        + b"x" * (2 * 1024 * 1024)
        + b"\r\n--b--\r\n"
    )
    response = client.post(
        "/api/v1/imports",
        data=body,
        content_type="multipart/form-data; boundary=b",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413
    assert "too large" in response.get_json()["error"]["message"]


def test_cookie_session_api_post_without_csrf_is_refused(client, login_as):
    login_as("curator")
    response = client.post("/api/v1/services", json={"name": "x", "organization": "y"})
    assert response.status_code == 400
    assert "CSRF" in response.get_json()["error"]["message"]
