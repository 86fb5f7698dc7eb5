"""A link worker's journey in a real browser: what matters, explained matches, the plan, printed."""

from __future__ import annotations

import os
import re

from playwright.sync_api import expect

from directory_app.search.indexing import wait_until_idle
from tests.browser.conftest import axe_check, login

SHOTS = os.environ.get("SCREENSHOT_DIR", "/tmp")


def test_link_worker_matches_explains_plans_and_prints(app, live_server, page, make_user, make_service):
    make_service(needs="loneliness;older_people", wait_weeks=6, phone="0161 123 4567")
    make_service(
        name="Sale Bereavement Support",
        minimum_age=18,
        cost="free",
        cost_amount=None,
        cost_description=None,
        schedule="WE 13:00-15:00",
        needs="bereavement",
        description="Support group for people who have lost a husband, wife or partner.",
    )
    make_service(
        name="Altrincham Debt Advice",
        postcode="WA14 1PF",
        minimum_age=18,
        cost="free",
        cost_amount=None,
        cost_description=None,
        schedule="FR 09:00-17:00",
        needs="money_debt",
        description="Free advice on debts, bailiffs and budgeting.",
    )
    wait_until_idle(app)
    username, password = make_user("link_worker")
    login(page, live_server, username, password)

    page.get_by_role("link", name="Match", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What matters to the person?")
    axe_check(page)

    # A mistake first: the errors are listed, linked and the values kept.
    page.get_by_label("What matters to them").fill("hardly leaves the house since his wife died")
    page.get_by_label("Postcode", exact=True).fill("NOPE")
    page.get_by_role("button", name="Find services").first.click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("What matters to them")).to_have_value(
        "hardly leaves the house since his wife died"
    )
    page.get_by_role("link", name=re.compile("^Enter a full UK postcode")).click()
    expect(page.get_by_label("Postcode", exact=True)).to_be_focused()
    axe_check(page)

    page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
    page.get_by_label("Age", exact=True).fill("78")
    # The first match in a process loads the text models: allow for it on a busy machine.
    page.get_by_role("button", name="Find services").first.click(timeout=90_000)
    results = page.locator(".app-results-column")
    expect(results.get_by_role("heading", name=re.compile("services? that may fit"))).to_be_visible()
    expect(results).to_contain_text("We think these needs fit what you wrote")
    expect(results).to_contain_text("Bereavement")
    lunch = page.locator(".app-match", has_text="Sale Lunch Club")
    expect(lunch).to_contain_text("Tue, Thu 11:30–13:30")
    expect(lunch).to_contain_text("Meets: loneliness and isolation")
    expect(lunch).to_contain_text("Waiting list about 6 weeks")
    expect(results).not_to_contain_text("Altrincham Debt Advice")
    page.screenshot(path=f"{SHOTS}/match.png", full_page=True)
    axe_check(page)

    lunch.get_by_role("button", name=re.compile("^Add to plan")).click()
    expect(page.get_by_text("Added Sale Lunch Club to the plan.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/match#match-"))  # the person's words never go in a URL
    expect(page.locator(".app-match", has_text="Sale Lunch Club")).to_contain_text("In the plan")
    expect(page.get_by_label("What matters to them")).to_have_value(
        "hardly leaves the house since his wife died"
    )

    page.get_by_role("link", name="Print the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Services that may help you")
    expect(page.get_by_role("heading", name="Sale Lunch Club")).to_be_visible()
    expect(page.locator("body")).to_contain_text("0161 123 4567")
    expect(page.locator("body")).not_to_contain_text("wife")
    axe_check(page)
