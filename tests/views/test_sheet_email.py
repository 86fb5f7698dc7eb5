"""Email this sheet: the shortlist's signposting sheet sent to the person through a real local SMTP
server (aiosmtpd), the address used once and kept nowhere."""

from __future__ import annotations

import logging
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import inspect, text

from directory_app import db, meili_server
from directory_app.search import indexing
from tests.conftest import csrf_token, once_in_postgresql_half

# Pages read the same on either database: make test runs these in its PostgreSQL half, which has
# time to spare (run alone, they run on SQLite).
pytestmark = once_in_postgresql_half

ADDRESS = "Person.Helped@example.org"


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted"


@pytest.fixture
def smtp(app):
    """A real SMTP server on a free local port, with the app pointed at it."""
    inbox = Inbox()
    # aiosmtpd logs each line it receives; that is the receiving server's log, not the app's.
    server_log = logging.getLogger("mail.log")
    level = server_log.level
    server_log.setLevel(logging.WARNING)
    controller = Controller(inbox, hostname="127.0.0.1", port=meili_server.free_port())
    controller.start()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, MAIL_FROM="sheets@directory.test")
    yield inbox
    controller.stop()
    server_log.setLevel(level)


@pytest.fixture
def shortlisted(app, client, make_service, login_as):
    """A navigator with two services on the shortlist; returns their ids."""
    lunch = make_service(phone="0161 123 4567", url="https://example.org/lunch", address_1="1 School Road")
    chat = make_service(
        name="Phone Chat",
        description="A weekly call. " * 80,
        schedule=None,
        cost=None,
        cost_amount=None,
        cost_description=None,
        postcode=None,
        delivery="phone",
    )
    indexing.wait_until_idle(app)
    login_as("navigator")
    for service_id in (lunch, chat):
        token = csrf_token(client, f"/services/{service_id}")
        client.post("/shortlist/add", data={"csrf_token": token, "service_id": service_id})
    return lunch, chat


def send(client, email: str, page: str = "list", large: str = ""):
    token = csrf_token(client, "/shortlist")
    return client.post(
        "/shortlist/email", data={"csrf_token": token, "email": email, "page": page, "large": large}
    )


def stored_text(app) -> str:
    """Every text the database holds, table by table (the audit trail included)."""
    engine = db.get_engine(app)
    chunks = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                chunks.append(" ".join(str(value) for value in row))
    return "\n".join(chunks)


def test_sheet_is_emailed_with_the_services_and_the_address_is_kept_nowhere(
    app, client, smtp, shortlisted, tmp_path, caplog
):
    app.config["SHEET_CONTACT"] = "Sale Medical Centre | Link worker: 0161 000 1111"
    page = client.get("/shortlist").get_data(as_text=True)
    assert "Email this sheet" in page and "It is not stored or logged" in page
    assert 'autocomplete="off"' in page[page.index('id="email"') - 200 : page.index('id="email"') + 200]

    caplog.set_level(logging.DEBUG)
    response = send(client, ADDRESS)
    assert response.status_code == 302 and response.headers["Location"] == "/shortlist"
    assert "The sheet has been sent" in client.get("/shortlist").get_data(as_text=True)

    assert len(smtp.messages) == 1
    recipients, message = smtp.messages[0]
    assert recipients == [ADDRESS] and message["Subject"] == "Services that may help you"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (plain, html):
        assert "Sale Lunch Club" in part and "Phone Chat" in part
        assert "0161 123 4567" in part and "1 School Road" in part and "https://example.org/lunch" in part
        assert "Sale Medical Centre" in part and "Link worker: 0161 000 1111" in part
        assert "not recorded" not in part.lower()
        # The long description ends at a sentence, as on the printed sheet.
        assert "A weekly call." in part and "A weekly call. " * 79 not in " ".join(part.split())
    assert "<script" not in html and 'class="app-sheet"' in html
    sheet = client.get("/shortlist/print").get_data(as_text=True)
    assert (
        "You can just turn up" in sheet and "You can just turn up" in plain and "You can just turn up" in html
    )

    # Used once: not in any table (audit trail included), the database files, the session or the logs.
    stored = stored_text(app).lower()
    assert "person.helped" not in stored and "example.org/lunch" in stored  # the scan does see text
    for file in Path(tmp_path).rglob("*"):
        if file.is_file():
            assert b"person.helped" not in file.read_bytes().lower(), file
    assert "person.helped" not in caplog.text.lower()
    with client.session_transaction() as session:
        assert "person.helped" not in str(dict(session)).lower()


def test_large_print_sheet_is_emailed_from_the_print_page(client, smtp, shortlisted):
    page = client.get("/shortlist/print?large=1").get_data(as_text=True)
    assert 'name="large" value="1"' in page
    response = send(client, ADDRESS, page="print", large="1")
    assert response.status_code == 302 and response.headers["Location"] == "/shortlist/print?large=1"
    html = smtp.messages[0][1].get_body(("html",)).get_content()
    assert "font-size: 24px" in html and "Sale Lunch Club" in html


@pytest.mark.parametrize(
    "bad", ["", "not-an-address", "a@b", "someone@@example.org", "x" * 400 + "@example.org"]
)
def test_a_bad_address_is_shown_on_the_page_and_nothing_is_sent(client, smtp, shortlisted, bad):
    response = send(client, bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "nhsuk-error-message" in page and 'id="email-error"' in page and "Email this sheet" in page
    assert smtp.messages == []


def test_without_smtp_the_form_is_not_offered(app, client, shortlisted):
    app.config["SMTP_HOST"] = None
    page = client.get("/shortlist").get_data(as_text=True)
    assert "Email is not set up on this service" in page and 'name="email"' not in page
    response = send(client, ADDRESS)
    assert response.status_code == 503 and "Email is not set up" in response.get_data(as_text=True)


def test_an_unreachable_mail_server_is_said_plainly(app, client, shortlisted):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=meili_server.free_port())  # nothing listens there
    response = send(client, ADDRESS)
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and "could not be sent" in page and "nothing was stored" in page


def test_an_empty_shortlist_sends_nothing(client, smtp, login_as):
    login_as("navigator")
    response = send(client, ADDRESS)
    assert response.status_code == 400 and smtp.messages == []


def test_only_navigators_can_email_a_sheet(client, smtp, make_service, login_as):
    service_id = make_service()
    token = csrf_token(client, "/login")
    response = client.post("/shortlist/email", data={"csrf_token": token, "email": ADDRESS})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    login_as("commissioner")
    token = csrf_token(client, f"/services/{service_id}")
    assert client.post("/shortlist/email", data={"csrf_token": token, "email": ADDRESS}).status_code == 403
    assert smtp.messages == []
