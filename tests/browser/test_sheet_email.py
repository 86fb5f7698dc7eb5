"""A navigator emails the signposting sheet from the printed-sheet page, in a real browser, to a real
local SMTP server: a mistyped address is shown next to the field, the corrected one is sent."""

from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from directory_app import meili_server
from directory_app.search.indexing import wait_until_idle
from tests.browser.conftest import axe_check, login
from tests.views.test_sheet_email import Inbox


@pytest.fixture
def inbox(app):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=meili_server.free_port())
    controller.start()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port)
    yield handler
    controller.stop()


def test_navigator_emails_the_large_print_sheet(app, live_server, page, make_user, make_service, inbox):
    make_service()
    wait_until_idle(app)
    username, password = make_user("navigator")
    login(page, live_server, username, password)
    page.goto(f"{live_server}/?q=lunch")
    page.get_by_role("button", name="Add to shortlist for Sale Lunch Club").click()
    page.goto(f"{live_server}/shortlist/print?large=1")

    field = page.get_by_label("The person's email address")
    expect(page.get_by_text("It is not stored or logged")).to_be_visible()
    field.fill("someone@@example")
    page.get_by_role("button", name="Send the sheet").click()
    expect(page.locator("#email-error")).to_be_visible()
    assert inbox.messages == []
    axe_check(page)

    page.get_by_label("The person's email address").fill("someone@example.org")
    page.get_by_role("button", name="Send the sheet").click()
    expect(page.get_by_text("The sheet has been sent. The email address has not been kept.")).to_be_visible()
    expect(page.get_by_label("The person's email address")).to_have_value("")
    assert (
        len(inbox.messages) == 1
        and "Sale Lunch Club" in inbox.messages[0][1].get_body(("html",)).get_content()
    )
    axe_check(page)
