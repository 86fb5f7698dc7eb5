"""Referrals in a real browser: a link worker records and follows up a referral; a commissioner
reads the outcomes; an admin checks the ranking model. axe-core checks every page."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_check, login
from tests.conftest import once

pytestmark = once


def test_link_worker_refers_and_follows_up_then_commissioner_and_admin_read(
    live_server, in_browser, make_user, make_referral, advance, lunch_club
):
    in_browser(lambda page: journey(page, live_server, make_user, make_referral, advance, lunch_club))


def journey(page, live_server, make_user, make_referral, advance, lunch_club):
    username, password = make_user("link_worker")
    login(page, live_server, username, password)
    page.goto(f"{live_server}/services/{lunch_club}")
    page.get_by_role("button", name=re.compile("^Add to shortlist")).click()

    page.get_by_role("link", name="Referrals", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your referrals")
    axe_check(page)
    page.get_by_role("link", name="Record a referral").click()
    page.get_by_label("Sale Lunch Club").check()
    page.get_by_label("Case reference").fill("943 476 5919")
    page.get_by_label("Loneliness and isolation").check()
    page.get_by_role("button", name="Record referral").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile("looks like an NHS number")).click()
    expect(page.get_by_label("Case reference")).to_be_focused()
    page.get_by_label("Case reference").fill("")  # a new person: the service issues the code
    page.get_by_role("button", name="Record referral").click()

    expect(
        page.get_by_text(re.compile(r"Recorded the referral to Sale Lunch Club\. The case reference is CR-"))
    ).to_be_visible()
    axe_check(page)
    page.get_by_label("Accepted by the service").check()
    page.get_by_role("button", name="Update status").click()
    expect(page.get_by_text("is now: accepted by the service")).to_be_visible()
    page.get_by_role("link", name="Record scores at referral").click()
    axe_check(page)
    page.get_by_label(re.compile("how happy did you feel yesterday")).select_option("6")
    page.get_by_role("button", name="Save scores").click()
    # Made today, so not yet due: follow-ups fall due after FOLLOW_UP_DAYS (14 by default).
    expect(page.get_by_text("Nothing needs following up.")).to_be_visible()

    for _ in range(3):  # a small group, to be suppressed on the dashboard
        referral = make_referral(actor="other_lw", service_id=lunch_club, status="referred")
        advance(referral.id, "other_lw", "no_capacity")
    page.get_by_role("button", name=re.compile("^Log out")).click()
    admin, admin_password = make_user("admin")
    login(page, live_server, admin, admin_password)
    page.get_by_role("link", name="Referral outcomes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral outcomes")
    expect(page.locator("#no-capacity + p + div")).to_contain_text("<5")
    axe_check(page)
    page.get_by_role("link", name="Learned ranking model").click()
    expect(page.get_by_text("No learned model is in use")).to_be_visible()
    axe_check(page)
