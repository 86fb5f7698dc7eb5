"""A curator's round in a real browser: add a service (an error first), confirm it, import a feed.

Every page visited is checked with axe-core.
"""
from __future__ import annotations

import re

from tests.browser.conftest import axe_check, login

FEED = (b"external_id,name,organization,postcode,cost,schedule\n"
        b"TC-1,Urmston Men's Shed,Urmston Shed CIC,M41 0WS,free,TH 10:00-15:00\n"
        b"TC-2,Altrincham Knit and Natter,Knitters Together,WA14 1PF,free,Thursdays\n")


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
    page.fill("#schedule", "Tuesdays 10 till 12")
    page.get_by_role("button", name="Add service").click()

    summary = page.locator(".nhsuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('nhsuk-error-summary')")
    summary.get_by_role("link", name=re.compile("Regular times")).click()
    assert page.evaluate("document.activeElement.id") == "schedule"
    assert page.input_value("#name") == "Sale Tuesday Chatter Group"
    axe_check(page)

    page.fill("#schedule", "TU 10:00-12:00")
    page.get_by_role("button", name="Add service").click()
    page.wait_for_url(re.compile(r"/services/[^/]+$"))
    assert "Added “Sale Tuesday Chatter Group”" in page.content()
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
    assert cells[:2] == ["TC-2", "schedule"] and "MO,WE 10:00-12:00" in cells[2]
    assert page.locator(".app-counts").inner_text().split() == [
        "Records", "in", "the", "file", "2", "Created", "1", "Updated", "0", "Unchanged", "0", "Failed", "1"]
    axe_check(page)
