"""The curator's service form as a curator uses it: opening times in plain words, read back and
confirmed; the day-and-time picker; phone numbers checked and tidied; the public page after saving."""

from __future__ import annotations

import re
from datetime import date, datetime

from directory_app import db
from directory_app.directory import service as curation
from directory_app.directory.records import input_from_service
from tests.conftest import csrf_token

FORM = {
    "name": "Stretford Craft Club",
    "organization": "Stretford Makers",
    "status": "active",
    "description": "Knitting, sewing and a cup of tea.",
    "postcode": "M32 0SQ",
    "cost": "free",
    "referral_route": ["self"],
    "area_wide": "no",
    "wheelchair": "",
}


def _post(client, path, data, token):
    return client.post(path, data={**data, "csrf_token": token})


def _stored(client, service_id):
    with db.session_scope(client.application) as session:
        service = curation.get_service(session, service_id)
        return (
            [
                (s.byday, s.freq, s.opens_at.strftime("%H:%M"), s.closes_at.strftime("%H:%M"))
                for s in service.schedules
            ],
            input_from_service(service),
        )


def test_times_in_plain_words_are_saved_as_rules_and_said_back_with_the_next_session(
    client, places, login_as
):
    login_as("curator")
    token = csrf_token(client, "/curate/services/new")
    typed = "Thursdays 10am–12pm; first Tuesday of the month 2–4pm"
    response = _post(client, "/curate/services/new", {**FORM, "schedule": typed}, token)
    assert response.status_code == 302, response.get_data(as_text=True)
    service_id = response.headers["Location"].rsplit("/", 1)[1]
    schedules, flat = _stored(client, service_id)
    assert schedules == [("TH", "WEEKLY", "10:00", "12:00"), ("1TU", "MONTHLY", "14:00", "16:00")]
    assert flat["schedule"] == "TH 10:00-12:00; 1TU 14:00-16:00"

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        "Opening times: Every Thursday, 10am to 12pm; First Tuesday of the month, 2pm to 4pm." in page
    )  # flash
    when = page.split(">When</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Every Thursday, 10am to 12pm; First Tuesday of the month, 2pm to 4pm" in when
    next_session = re.search(r"Next session: (\w+) (\d+) (\w+), (\w+)", when)
    assert next_session and next_session.group(1) in ("Tuesday", "Thursday")
    assert next_session.group(4) == ("10am" if next_session.group(1) == "Thursday" else "2pm")
    # A weekly Thursday session means the next one is at most a week away, on the day it names.
    today = date.today()
    month = datetime.strptime(next_session.group(3), "%B").month
    day = date(today.year + (month < today.month), month, int(next_session.group(2)))
    assert day.strftime("%A") == next_session.group(1) and 0 <= (day - today).days <= 7

    # The edit form shows what is stored, and how it was read.
    edit = client.get(f"/curate/services/{service_id}/edit").get_data(as_text=True)
    assert 'value="TH 10:00-12:00; 1TU 14:00-16:00"' in edit
    reading = edit.split('id="schedule-reading"', 1)[1].split("</div>", 1)[0]
    assert "Every Thursday, 10am to 12pm; First Tuesday of the month, 2pm to 4pm" in reading
    assert "Next session:" in reading


def test_check_opening_times_reads_them_back_without_saving(client, places, login_as):
    login_as("curator")
    token = csrf_token(client, "/curate/services/new")
    response = _post(
        client,
        "/curate/services/new",
        {**FORM, "schedule": "weekdays 9 to 5", "action": "check_times"},
        token,
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "We read the regular times as: <strong>Every weekday, 9am to 5pm</strong>." in page
    assert 'value="weekdays 9 to 5"' in page and 'value="Stretford Craft Club"' in page
    with db.session_scope(client.application) as session:
        assert curation.review_queue(session).total == 0  # nothing was saved

    response = _post(
        client,
        "/curate/services/new",
        {**FORM, "schedule": "every other Friday 1-3pm from 4 December 2026", "action": "check_times"},
        token,
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<strong>Every other Friday, 1pm to 3pm</strong>" in page

    response = _post(
        client,
        "/curate/services/new",
        {**FORM, "schedule": "every other Friday 1-3pm from 3 December 2026", "action": "check_times"},
        token,
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Thursday 3 December 2026 is not one of its days" in page and 'id="schedule-error"' in page
    assert 'id="schedule-reading"' not in page


def test_the_day_and_time_picker_adds_the_same_rule_as_typing(client, places, login_as):
    login_as("curator")
    token = csrf_token(client, "/curate/services/new")
    page = client.get("/curate/services/new").get_data(as_text=True)
    assert '<select class="nhsuk-select" id="times_week" name="times_week"' in page
    assert '<option value="1">First in the month</option>' in page

    # An incomplete pick is reported beside every other problem, and kept to be finished.
    response = _post(
        client,
        "/curate/services/new",
        {**FORM, "name": "", "times_day": "TU", "times_week": "1", "times_opens": "14:00"},
        token,
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#name"' in page and 'href="#times_closes"' in page and "Enter a time such as 10:00." in page
    assert '<option value="TU" selected>Tuesday</option>' in page

    response = _post(
        client,
        "/curate/services/new",
        {
            **FORM,
            "schedule": "Thursdays 10-12",
            "times_day": "TU",
            "times_week": "1",
            "times_opens": "14:00",
            "times_closes": "16:00",
        },
        token,
    )
    assert response.status_code == 302
    schedules, _ = _stored(client, response.headers["Location"].rsplit("/", 1)[1])
    assert schedules == [("TH", "WEEKLY", "10:00", "12:00"), ("1TU", "MONTHLY", "14:00", "16:00")]


def test_phone_numbers_are_checked_tidied_and_dialled_in_e164(client, places, login_as):
    login_as("curator")
    token = csrf_token(client, "/curate/services/new")
    response = _post(client, "/curate/services/new", {**FORM, "phone": "abc"}, token)
    assert response.status_code == 400
    assert "“abc” is not a phone number. Enter one such as 0161 496 0000" in response.get_data(as_text=True)

    for typed in ("0161 912 2000", "+441619122000", "01619122000"):
        response = _post(client, "/curate/services/new", {**FORM, "phone": typed}, token)
        assert response.status_code == 302
        _, flat = _stored(client, response.headers["Location"].rsplit("/", 1)[1])
        assert flat["phone"] == "0161 912 2000"
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert '<a href="tel:+441619122000">0161 912 2000</a>' in page


def test_the_public_page_shows_problem_labels_and_no_curator_username(client, places, login_as, make_service):
    curator = login_as("curator")
    service_id = make_service(phone="0161 912 2000")
    token = csrf_token(client, f"/curate/services/{service_id}/edit")
    assert client.post(f"/curate/services/{service_id}/verify", data={"csrf_token": token}).status_code == 302
    assert f"by {curator}" in client.get(f"/services/{service_id}").get_data(as_text=True)  # curators see who
    client.post("/logout", data={"csrf_token": csrf_token(client, f"/services/{service_id}")})

    page = client.get(f"/services/{service_id}").get_data(as_text=True)
    assert curator not in page and "Checked this month" in page
    assert client.get(f"/api/v1/services/{service_id}").get_json()["last_verified_by"] is None

    token = csrf_token(client, f"/services/{service_id}")
    response = client.post(f"/services/{service_id}/report", data={"csrf_token": token, "kind": "nonsense"})
    assert response.status_code == 400
    message = response.get_data(as_text=True).split('id="kind-error"', 1)[1].split("</span>", 2)[1]
    assert (
        message.strip()
        == "Choose what the problem is: details are wrong, service has closed or something else."
    )
