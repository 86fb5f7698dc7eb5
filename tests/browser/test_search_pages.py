"""A care navigator's journey in a real browser: search, filter, read, shortlist, print."""

from __future__ import annotations

import os
import re

from playwright.sync_api import expect

from directory_app.search.indexing import wait_until_idle
from tests.browser.conftest import axe_check, login

SHOTS = os.environ.get("SCREENSHOT_DIR", "/tmp")


def font_px(locator) -> float:
    return locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")


def test_navigator_searches_filters_shortlists_and_prints(app, live_server, page, make_user, make_service):
    make_service(
        phone="0161 123 4567", url="https://example.org/lunch", address_1="1 School Road", city="Sale"
    )
    make_service(
        name="Lunch and Chat at St Mary's",
        organization="St Mary's Church",
        postcode="M32 0SQ",
        wheelchair="no",
        schedule="WE 12:00-14:00",
        cost="free",
        cost_amount=None,
        cost_description=None,
    )
    make_service(name="Altrincham Lunch Club", postcode="SW1A 1AA", minimum_age=None)  # London
    wait_until_idle(app)
    username, password = make_user("navigator")
    login(page, live_server, username, password)

    page.goto(live_server + "/")
    expect(page.get_by_role("heading", name="Find local services")).to_be_visible()
    axe_check(page)

    page.get_by_label("What are you looking for?").fill("lunch")
    page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(
        page.get_by_role("heading", name=re.compile("2 services found within 5 km of M33 7ZZ"))
    ).to_be_visible()
    results = page.locator(".app-results-column")
    expect(results).to_contain_text("Sale Lunch Club")
    expect(results).to_contain_text("Tue, Thu 11:30–13:30")
    expect(results).to_contain_text("£3.50 per lunch")
    expect(results).not_to_contain_text("Altrincham")
    page.screenshot(path=f"{SHOTS}/search-results.png", full_page=True)
    axe_check(page)

    page.get_by_label("Wheelchair accessible").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name=re.compile("1 service found"))).to_be_visible()
    expect(results).not_to_contain_text("St Mary's")
    expect(page.get_by_label("Wheelchair accessible")).to_be_checked()

    results.get_by_role("link", name="Sale Lunch Club").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sale Lunch Club")
    expect(page.get_by_text("Self-referral, Drop-in")).to_be_visible()
    expect(page.get_by_role("link", name="0161 123 4567")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Back to search").click()
    expect(page.get_by_label("Wheelchair accessible")).to_be_checked()  # the search was kept
    page.go_back()

    page.get_by_role("button", name=re.compile("^Add to shortlist")).click()
    expect(page.get_by_text("Added Sale Lunch Club to your shortlist.")).to_be_visible()
    page.get_by_role("link", name="Shortlist (1)").click()
    expect(page.get_by_role("heading", name="Your shortlist")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Sale Lunch Club")
    axe_check(page)

    page.get_by_role("link", name="Print a signposting sheet").click()
    expect(page.get_by_role("heading", name="Services that may help you")).to_be_visible()
    sheet = page.locator(".app-sheet")
    for text in (
        "Sale Lunch Club",
        "A friendly luncheon club",
        "Every Tuesday and Thursday, 11:30am to 1:30pm",
        "1 School Road",
        "£3.50 per lunch",
        "0161 123 4567",
        "https://example.org/lunch",
        "You can just turn up",
    ):
        expect(sheet).to_contain_text(text)
    axe_check(page)
    page.emulate_media(media="print")
    expect(page.locator("header")).to_be_hidden()
    expect(page.locator(".app-sheet-tools")).to_be_hidden()
    expect(page.locator("footer")).to_be_hidden()
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Large print version").click()
    expect(page.get_by_role("heading", name="Services that may help you")).to_be_visible()
    axe_check(page)
    body_text = page.locator(".app-sheet dd").first
    assert font_px(body_text) >= 24  # 18pt, on screen as well as on paper
    page.screenshot(path=f"{SHOTS}/large-print.png", full_page=True)
    page.emulate_media(media="print")
    assert font_px(body_text) >= 24
    assert font_px(page.locator(".app-sheet p").first) >= 24
    expect(page.locator("header")).to_be_hidden()


def test_search_errors_are_summarised_and_linked(live_server, page, places):
    page.goto(live_server + "/?q=lunch&age=old")
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Age: Enter a whole number.")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Age of the person")).to_be_focused()
    expect(page.get_by_label("What are you looking for?")).to_have_value("lunch")
    axe_check(page)
