"""A write-locked database: health says so (503), and requests, login included, answer 503 with
Retry-After instead of 500 (issue #13 items 7 and 10)."""

from __future__ import annotations


def test_healthz_reports_the_database_down_while_it_is_write_locked(app, impatient_app, write_locked):
    """Defect: /healthz said the database was ok while nothing could be written to it."""
    client = impatient_app().test_client()
    assert client.get("/healthz").get_json()["database"]["ok"] is True
    with write_locked(app):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["database"]["ok"] is False and "database" in body["message"]
    assert client.get("/healthz").get_json()["database"]["ok"] is True  # and recovers


def test_login_while_the_database_is_locked_is_a_503_with_retry_after(
    app, make_user, impatient_app, write_locked
):
    username, password = make_user("navigator")
    busy = impatient_app()
    busy.config["WTF_CSRF_ENABLED"] = False
    client = busy.test_client()
    with write_locked(app):
        response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert "busy" in response.get_data(as_text=True)
    assert client.post("/login", data={"username": username, "password": password}).status_code == 302
