"""Situations in a real browser: a link worker ticks one on the match page; a curator corrects
one read wrongly from a record. Every page visited is checked with axe-core."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from directory_app.search.indexing import wait_until_idle
from tests.browser.conftest import axe_check, login


def test_link_worker_ticks_a_situation_the_words_do_not_say(app, live_server, page, make_user, make_service):
    make_service(
        name="Sale Widows and Widowers Group",
        minimum_age=18,
        cost="free",
        cost_amount=None,
        cost_description=None,
        needs="bereavement;loneliness",
        description="A friendly support group for people who have lost a husband, wife or partner.",
    )
    wait_until_idle(app)
    username, password = make_user("link_worker")
    login(page, live_server, username, password)
    page.goto(f"{live_server}/match")

    page.get_by_label("What matters to them").fill("feels very low and lonely, hardly goes out any more")
    page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
    situations = page.locator("details#situations")
    expect(situations.get_by_label("Widowed people")).to_be_hidden()  # folded away until asked for
    situations.get_by_text("Their situation (optional)").click()
    expect(situations.get_by_role("group", name="Bereavement")).to_be_visible()
    situations.get_by_label("Widowed people").check()
    axe_check(page)
    # The first match in a process loads the text models: allow for it on a busy machine.
    page.get_by_role("button", name="Find services").first.click(timeout=90_000)

    results = page.locator(".app-results-column")
    expect(results.locator(".app-match", has_text="Sale Widows and Widowers Group")).to_be_visible()
    expect(results).to_contain_text("As ticked, services only for widowed people are included.")
    expect(page.locator("details#situations")).to_have_attribute("open", "")
    expect(page.get_by_label("Widowed people")).to_be_checked()
    axe_check(page)

    page.get_by_label("Widowed people").uncheck()
    page.get_by_role("button", name="Find services").first.click()
    expect(page.locator(".app-results-column")).not_to_contain_text("Sale Widows and Widowers Group")


def test_curator_removes_a_situation_read_wrongly(app, live_server, page, make_user, make_service):
    service_id = make_service(
        name="Sale Riverside Walks",
        needs="physical_activity",
        description="Gentle weekly walks along the river, only for stroke survivors.",
    )
    wait_until_idle(app)
    username, password = make_user("curator")
    login(page, live_server, username, password)
    page.goto(f"{live_server}/curate/services/{service_id}/edit")
    understood = page.locator("table.app-understood tr", has_text="Only for people in this situation")
    expect(understood).to_contain_text("stroke survivors")

    stroke = page.get_by_role("group", name="Only for people in these situations").get_by_label(
        "Stroke survivors"
    )
    expect(stroke).to_be_checked()
    axe_check(page)
    stroke.uncheck()
    page.get_by_role("button", name="Save changes").last.click()
    expect(page.get_by_text("Saved your changes to “Sale Riverside Walks”.")).to_be_visible()
    expect(page.locator("body")).to_contain_text("only for stroke survivors")  # the record's words
    expect(page.locator("body")).not_to_contain_text("Only for: stroke survivors")  # no longer a limit

    page.goto(f"{live_server}/curate/services/{service_id}/edit")
    understood = page.locator("table.app-understood tr", has_text="Only for people in this situation")
    expect(understood).to_contain_text(re.compile(r"none: open to people in any situation\s*\(in use\)"))
    expect(page.get_by_label("Stroke survivors")).not_to_be_checked()
    axe_check(page)
