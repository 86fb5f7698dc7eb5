"""A curator's round in a real browser: add a service (an error first), confirm it, import a feed.

Every page visited is checked with axe-core.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_check, login

FEED = (
    b"external_id,name,organization,postcode,cost,schedule\n"
    b"TC-1,Urmston Men's Shed,Urmston Shed CIC,M41 0WS,free,TH 10:00-15:00\n"
    b"TC-2,Altrincham Knit and Natter,Knitters Together,WA14 1PF,free,Thursdays\n"
)


def test_curator_adds_confirms_and_imports(live_server, page, make_user, places):
    username, password = make_user("curator")
    login(page, live_server, username, password)
    axe_check(page)

    page.goto(f"{live_server}/curate")
    axe_check(page)
    page.get_by_role("link", name="Add a service").click()
    axe_check(page)

    page.fill("#name", "Sale Tuesday Chatter Group")
    page.fill("#organization", "Sale Community Centre")
    page.fill("#description", "A friendly morning of tea and conversation for anyone who feels alone.")
    page.fill("#postcode", "M33 7ZZ")
    page.check("#needs")  # the first need: loneliness
    page.fill("#schedule", "Tuesday mornings 10 till 12")
    page.fill("#phone", "abc")
    page.get_by_role("button", name="Add service").click()

    summary = page.locator(".nhsuk-error-summary")
    # The browser applies autofocus after the page loads: wait for it rather than race it.
    expect(summary).to_be_focused()
    assert summary.get_by_role("link").count() == 2  # the times and the phone, in one answer
    summary.get_by_role("link", name=re.compile("Regular times")).click()
    expect(page.locator("#schedule")).to_be_focused()
    assert page.input_value("#name") == "Sale Tuesday Chatter Group"
    assert "Could not read “mornings”" in page.locator("#schedule-error").inner_text()
    axe_check(page)

    page.fill("#schedule", "Tuesdays 10 till 12")
    page.fill("#phone", "+441619122000")
    page.get_by_role("button", name="Check opening times").click()
    reading = page.locator("#schedule-reading")
    assert "We read the regular times as: Every Tuesday, 10am to 12pm." in reading.inner_text()
    assert "Next session: Tuesday" in reading.inner_text()
    axe_check(page)
    # The picker adds a monthly session without any typing of times in words.
    page.get_by_text("Or choose a day and times").click()
    page.select_option("#times_day", "FR")
    page.select_option("#times_week", "-1")
    page.fill("#times_opens", "14:00")
    page.fill("#times_closes", "16:00")
    axe_check(page)
    # Enter in a field saves, as the Add button does (not the "Check opening times" button above it).
    # Saving waits for the search index; on a busy machine that can outlast the default timeout.
    page.press("#name", "Enter", timeout=60_000)
    page.wait_for_url(re.compile(r"/services/[^/]+$"), timeout=60_000)
    assert "Added “Sale Tuesday Chatter Group”" in page.content()
    when = page.locator(".nhsuk-summary-list__row").filter(has_text="When").inner_text()
    assert "Every Tuesday, 10am to 12pm; Last Friday of the month, 2pm to 4pm" in when
    phone = page.get_by_role("link", name="0161 912 2000")
    assert phone.get_attribute("href") == "tel:+441619122000"
    axe_check(page)

    page.goto(f"{live_server}/curate/review")
    axe_check(page)
    row = page.get_by_role("row").filter(has_text="Sale Tuesday Chatter Group")
    row.get_by_role("button", name=re.compile("Confirm still accurate")).click()
    page.wait_for_url(re.compile(r"/curate/review$"))
    assert "still accurate. Next review due" in page.content()
    assert page.get_by_role("row").filter(has_text="Sale Tuesday Chatter Group").count() == 0
    axe_check(page)

    page.goto(f"{live_server}/curate/import")
    axe_check(page)
    page.fill("#publisher", "Trafford Council")
    page.set_input_files("#file", files=[{"name": "feed.csv", "mimeType": "text/csv", "buffer": FEED}])
    page.get_by_role("button", name="Import").click()
    page.wait_for_selector("#report")
    failed = page.get_by_role("table", name=re.compile("Records not imported"))
    cells = failed.get_by_role("row").nth(1).get_by_role("cell").all_inner_texts()
    assert cells[:2] == ["TC-2", "schedule"] and "has no times" in cells[2]
    assert page.locator(".app-counts").inner_text().split() == [
        "Records",
        "in",
        "the",
        "file",
        "2",
        "Created",
        "1",
        "Updated",
        "0",
        "Unchanged",
        "0",
        "Failed",
        "(not",
        "imported)",
        "1",
        "Warnings",
        "0",
    ]
    axe_check(page)
