"""Curator pages through the test client: forms, errors, CSRF and who may use them."""

from __future__ import annotations

import io
import re
import time
from datetime import date, timedelta

from directory_app import db
from directory_app.directory import duplicates
from directory_app.directory import service as curation
from directory_app.directory.pages import FORM_ORDER, PICKER_FIELDS
from directory_app.directory.service_input import FIELD_NAMES
from tests.conftest import csrf_token

GOOD_FORM = {
    "name": "Stretford Walking Group",
    "organization": "Trafford Ramblers",
    "status": "active",
    "description": "Gentle walks for people getting back into exercise.",
    "postcode": "M32 0SQ",
    "cost": "free",
    "schedule": "WE 10:00-11:30",
    "referral_route": ["self", "drop_in"],
    "wheelchair": "",
    "area_wide": "no",
    "accepting_referrals": "yes",
}


def _post(client, path, data, token):
    return client.post(path, data={**data, "csrf_token": token})


def _error_summary_links(page: str) -> list[str]:
    summary = page.split('class="nhsuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="#([^"]+)"', summary)


def test_form_errors_are_listed_and_shown_by_each_field_with_the_values_kept(client, places, login_as):
    login_as("curator")
    token = csrf_token(client, "/curate/services/new")
    bad = {
        **GOOD_FORM,
        "name": "",
        "email": "not-an-email",
        "schedule": "Wednesday mornings 10-11",
        "needs": ["physical_activity"],
        "url": "example",
        "phone": "abc",
        "minimum_age": "65",
        "maximum_age": "18",
    }
    response = _post(client, "/curate/services/new", bad, token)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    # Every problem in one answer, cross-field ones included, in the order of the form.
    assert _error_summary_links(page) == ["name", "maximum_age", "schedule", "url", "email", "phone"]
    for field in ("name", "email", "schedule", "url", "phone", "maximum_age"):
        assert f'id="{field}-error"' in page
        assert re.search(rf'<input class="[^"]*nhsuk-input--error"\s+id="{field}"', page)
    assert "Enter an email address like name@example.org." in page
    assert "Could not read “mornings”" in page and "“abc” is not a phone number" in page
    assert "The maximum age is below the minimum age." in page
    assert 'value="not-an-email"' in page and 'value="Wednesday mornings 10-11"' in page
    assert re.search(r'id="needs-physical_activity"[^>]*value="physical_activity" checked', page)
    assert re.search(r'id="referral_route-drop_in"[^>]*value="drop_in" checked', page)
    assert "<title>Error: Add a service" in page

    response = _post(client, "/curate/services/new", GOOD_FORM, token)
    assert response.status_code == 302
    service_id = response.headers["Location"].rsplit("/", 1)[1]
    assert response.headers["Location"] == f"/services/{service_id}"

    # Editing: the form comes back filled in, and a cross-field rule points at its field.
    edit = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert 'value="Stretford Walking Group"' in edit and 'value="WE 10:00-11:30"' in edit
    assert re.search(r'id="accepting_referrals"[^>]*value="yes" checked', edit)
    response = _post(
        client,
        f"/curate/services/{service_id}/edit",
        {**GOOD_FORM, "minimum_age": "65", "maximum_age": "18"},
        token,
    )
    assert response.status_code == 400
    assert _error_summary_links(response.get_data(as_text=True)) == ["maximum_age"]
    response = _post(client, f"/curate/services/{service_id}/edit", {**GOOD_FORM, "cost": "paid"}, token)
    assert response.status_code == 302 and response.headers["Location"] == f"/services/{service_id}"
    with db.session_scope(client.application) as session:
        service = curation.get_service(session, service_id)
        assert service.cost_band == "paid" and service.referral_routes == ["self", "drop_in"]


def test_the_form_has_every_service_field_once(client, login_as):
    assert sorted(name for name in FORM_ORDER if name not in PICKER_FIELDS) == sorted(FIELD_NAMES)
    login_as("curator")
    page = client.get("/curate/services/new").get_data(as_text=True)
    for name in FIELD_NAMES:
        assert re.search(rf'<(input|textarea)[^>]*\bid="{name}"', page), name
        assert f'for="{name}"' in page, name


def test_a_form_post_without_the_csrf_token_is_refused(client, places, login_as):
    login_as("curator")
    response = client.post("/curate/services/new", data=GOOD_FORM)
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert "Stretford Walking Group" not in client.get("/curate/review").get_data(as_text=True)


def test_only_curators_can_use_the_pages(client, make_service, login_as):
    service_id = make_service()
    pages = [
        "/curate",
        "/curate/services/new",
        f"/curate/services/{service_id}/edit",
        f"/curate/services/{service_id}/delete",
        "/curate/review",
        "/curate/problems",
        "/curate/duplicates",
        "/curate/import",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
    login_as("navigator")
    for path in pages:
        assert client.get(path).status_code == 403, path
    token = csrf_token(client, "/")
    assert _post(client, f"/curate/services/{service_id}/verify", {}, token).status_code == 403


def test_status_verify_delete_problems_and_duplicates_from_the_pages(app, client, make_service, login_as):
    first = make_service(name="Sale Lunch Club")
    second = make_service(
        name="Sale Luncheon Club", last_verified_at=(date.today() - timedelta(days=400)).isoformat()
    )
    login_as("curator")
    token = csrf_token(client, "/curate")
    dashboard = client.get("/curate").get_data(as_text=True)
    assert re.search(r'<span class="app-count">2</span> services due for review', dashboard)
    assert re.search(r'<span class="app-count">1</span> possible duplicate<', dashboard)

    review = client.get("/curate/review").get_data(as_text=True)
    assert review.index("Sale Luncheon Club") < review.index("Sale Lunch Club<")  # oldest first
    response = _post(client, f"/curate/services/{second}/verify", {"next": "/curate/review"}, token)
    assert response.headers["Location"] == "/curate/review"
    review = client.get("/curate/review").get_data(as_text=True)
    assert "still accurate. Next review due" in review  # the flash
    assert f"/curate/services/{second}/edit" not in review and f"/curate/services/{first}/edit" in review

    _post(client, f"/curate/services/{first}/status", {"status": "temporarily_closed"}, token)
    assert "Temporarily closed" in client.get(f"/curate/services/{first}/edit").get_data(as_text=True)
    assert _post(client, f"/curate/services/{first}/status", {"status": "paused"}, token).status_code == 400

    duplicates_page = client.get("/curate/duplicates").get_data(as_text=True)
    assert "similar name (" in duplicates_page and "same postcode (M33 7ZZ)" in duplicates_page
    assert "matching treats each pair as one service for who may use it" in duplicates_page
    with db.session_scope(app) as session:
        ((flag, _, _),) = duplicates.open_flags(session)
        report = curation.report_problem(session, first, "closed", "Shut since March")
    assert _post(client, f"/curate/duplicates/{flag.id}", {}, token).status_code == 400
    assert _post(client, f"/curate/duplicates/{flag.id}", {"decision": "dismiss"}, token).status_code == 302
    assert "no possible duplicates" in client.get("/curate/duplicates").get_data(as_text=True)

    assert "Shut since March" in client.get("/curate/problems").get_data(as_text=True)
    _post(client, f"/curate/problems/{report.id}/resolve", {"resolution": "fixed"}, token)
    assert "no open problem reports" in client.get("/curate/problems").get_data(as_text=True)

    assert "cannot be undone" in client.get(f"/curate/services/{first}/delete").get_data(as_text=True)
    response = _post(client, f"/curate/services/{first}/delete", {}, token)
    assert response.headers["Location"] == "/curate"
    assert client.get(f"/curate/services/{first}/edit").status_code == 404


def test_import_shows_the_report_or_a_whole_file_error(client, places, login_as):
    login_as("curator")
    token = csrf_token(client, "/curate/import")
    response = client.post("/curate/import", data={"csrf_token": token, "publisher": "Trafford Council"})
    assert response.status_code == 400 and _error_summary_links(response.get_data(as_text=True)) == ["file"]

    truncated = b'{"services": [{"id": "x", "name": "Cut off'
    response = client.post(
        "/curate/import",
        content_type="multipart/form-data",
        data={
            "csrf_token": token,
            "publisher": "Trafford Council",
            "file": (io.BytesIO(truncated), "feed.json"),
        },
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "not valid JSON" in page and _error_summary_links(page) == ["file"]
    assert "Import report" not in page

    # TC-3 has three problems but is one record; TC-4's postcode is not in the postcode data.
    feed = (
        b"external_id,name,organization,postcode,minimum_age,email\n"
        b"TC-1,Urmston Men's Shed,Urmston Shed CIC,M41 0WS,18,\n"
        b"TC-2,Altrincham Knit and Natter,Knitters,WA14 1PF,ninety,\n"
        b"TC-3,,Knitters,WA14 1PF,old,nobody\n"
        b"TC-4,Stretford Chess Club,Chess CIC,M32 9ZZ,,\n"
    )
    response = client.post(
        "/curate/import",
        content_type="multipart/form-data",
        data={"csrf_token": token, "publisher": "Trafford Council", "file": (io.BytesIO(feed), "feed.csv")},
    )
    # A good file starts a background job; its page refreshes itself until the report is there.
    assert response.status_code == 303
    job_page, deadline = response.headers["Location"], time.monotonic() + 60
    while "Import report" not in (page := client.get(job_page).get_data(as_text=True)):
        assert time.monotonic() < deadline, "the import job did not finish"
        time.sleep(0.1)
    counts = dict(re.findall(r'__key">([^<]+)</dt>\s*<dd class="nhsuk-summary-list__value">(\d+)<', page))
    # The counts add up: created + updated + unchanged + failed records = records in the file.
    assert counts == {
        "Records in the file": "4",
        "Created": "2",
        "Updated": "0",
        "Unchanged": "0",
        "Failed (not imported)": "2",
        "Warnings": "1",
    }
    row = re.search(r"<td[^>]*>TC-2</td><td[^>]*>minimum_age</td><td[^>]*>([^<]+)</td>", page)
    assert row and "number" in row.group(1)
    assert len(re.findall(r"<td[^>]*>TC-3</td>", page)) == 3  # every problem of the record, listed
    warning = re.search(r"<td[^>]*>TC-4</td><td[^>]*>postcode</td><td[^>]*>([^<]+)</td>", page)
    assert warning and "M32 9ZZ is not in the postcode data" in warning.group(1) and "M32" in warning.group(1)
    guide = re.search(r'<a href="([^"]+)">CSV template guide</a>', page)
    assert guide and guide.group(1) == "/curate/csv-template"
    guide_page = client.get(guide.group(1))
    assert guide_page.status_code == 200
    assert "<h1>CSV import template</h1>" in guide_page.get_data(as_text=True)
    assert '<table class="nhsuk-table">' in guide_page.get_data(as_text=True)
