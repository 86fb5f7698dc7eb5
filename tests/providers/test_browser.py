"""In Chromium: a curator creates a provider link; the provider, with no account, confirms the
listing and opens the changes form; the pages pass axe."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import expect

from directory_app import db
from directory_app.directory import service as curation
from directory_app.models import utcnow
from tests.browser.conftest import axe_check, login


def test_a_provider_confirms_their_listing_from_the_link_alone(
    app, live_server, page, browser, make_user, make_service
):
    service_id = make_service(last_verified_at=(utcnow() - timedelta(days=800)).date().isoformat())
    username, password = make_user("curator")
    login(page, live_server, username, password)
    page.goto(f"{live_server}/curate/services/{service_id}/edit")
    page.click("text=Send the provider a link")
    axe_check(page)
    page.click("button:has-text('Create a link to copy')")
    link = page.input_value("#provider-link")
    assert "/provider?token=" in link

    provider = browser.new_context()  # a stranger's browser: no cookies, only the link
    try:
        mine = provider.new_page()
        mine.set_default_timeout(10_000)
        mine.goto(link)
        assert mine.locator("h1").inner_text() == "Sale Lunch Club"
        expect(mine.locator("main")).to_contain_text("Last checked 2 years ago")
        mine.click("text=No, suggest changes")
        assert mine.locator("#description").input_value().startswith("A friendly luncheon club")
        mine.go_back()
        mine.click("button:has-text('Yes, it is still accurate')")
        expect(mine.locator(".app-flash")).to_contain_text("is confirmed as accurate today")
        expect(mine.locator("main")).to_contain_text("Checked this month")
    finally:
        provider.close()

    with db.session_scope(app) as session:
        assert curation.get_service(session, service_id).last_verified_at.date() == utcnow().date()


def test_provider_pages_pass_axe(live_server, page, make_user, make_service, in_browser):
    service_id = make_service()
    username, password = make_user("curator")
    login(page, live_server, username, password)
    page.goto(f"{live_server}/curate/services/{service_id}/provider-link")
    page.click("button:has-text('Create a link to copy')")
    link = page.input_value("#provider-link")

    def steps(provider_page):
        provider_page.goto(link)
        axe_check(provider_page)
        provider_page.goto(link.replace("/provider?", "/provider/changes?"))
        provider_page.fill("#email", "not an address")
        provider_page.click("button:has-text('Send changes for checking')")
        expect(provider_page.locator(".nhsuk-error-summary")).to_contain_text("There is a problem")
        axe_check(provider_page)
        provider_page.fill("#email", "hello@salelunchclub.org.uk")
        provider_page.click("button:has-text('Send changes for checking')")
        expect(provider_page.locator("body")).to_contain_text("sent to the directory team")
        provider_page.goto(link + "tampered")
        expect(provider_page.locator("body")).to_contain_text("This link is not valid")
        axe_check(provider_page)

    in_browser(steps)
    page.goto(f"{live_server}/curate/proposals")
    assert page.locator("ins").inner_text() == "hello@salelunchclub.org.uk"
    axe_check(page)
