from __future__ import annotations

from directory_app import create_app


def test_search_is_rate_limited_with_retry_after_and_counters_are_shared_between_workers(app, tmp_path):
    """Two app instances on one database stand in for two gunicorn workers."""
    settings = dict(app.config)
    settings.update(RATELIMIT_ENABLED=True, SEARCH_RATE_LIMIT="3/minute")
    first, second = create_app(settings).test_client(), create_app(settings).test_client()
    assert first.get("/api/v1/services?q=a").status_code == 200
    assert second.get("/api/v1/services?q=a").status_code == 200
    assert first.get("/api/v1/services?q=a").status_code == 200
    refused = second.get("/api/v1/services?q=a")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0


def test_login_attempts_are_rate_limited(app):
    settings = dict(app.config)
    settings.update(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2/minute", WTF_CSRF_ENABLED=False)
    client = create_app(settings).test_client()
    for _ in range(2):
        assert client.post("/login", data={"username": "x", "password": "y"}).status_code == 400
    assert client.post("/login", data={"username": "x", "password": "y"}).status_code == 429
