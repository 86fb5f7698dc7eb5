"""Results first, on a phone (390 px) and a desktop (1280 px), without JavaScript: after a search or
a match the focus is on the results heading, the results come before the refine form, and "Refer"
on a match opens the referral form already filled in."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from directory_app.search.indexing import wait_until_idle
from tests.browser.conftest import axe_check, login

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def top(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().top")


def left(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().left")


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page scrolls sideways"


def directory(app, make_service) -> None:
    make_service(needs="loneliness;older_people")
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
    wait_until_idle(app)


def test_search_results_come_first_and_take_the_focus(app, live_server, browser, make_service):
    directory(app, make_service)
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, java_script_enabled=False, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            page.goto(live_server + "/")
            needs = page.locator("details.app-needs-details")
            expect(needs.locator("summary")).to_have_text("Needs")
            expect(page.get_by_label("Food", exact=True)).to_be_hidden()  # 26 needs folded away
            page.get_by_label("What are you looking for?").fill("lunch")
            page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
            page.get_by_role("button", name="Search", exact=True).click()
            heading = page.get_by_role("heading", name=re.compile("services? found within 5 km"))
            expect(heading).to_be_focused()
            expect(page).to_have_url(re.compile(r"#results$"))
            assert -1 <= top(heading) < viewport["height"] / 2  # on screen, near the top
            form = page.get_by_label("What are you looking for?")
            if viewport is PHONE:
                assert top(heading) < top(form)  # the results before the form that refines them
            else:
                assert left(form) < left(heading)  # the form stays on the left on a wide screen
            no_sideways_scroll(page)
            page.get_by_label("Wheelchair accessible").check()
            page.get_by_role("button", name="Apply filters").click()
            expect(page.get_by_role("heading", name=re.compile("services? found"))).to_be_focused()
        finally:
            context.close()
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(live_server + "/?q=lunch&postcode=M33+7ZZ#results")
        axe_check(page)
    finally:
        context.close()


def test_match_results_come_first_and_refer_fills_in_the_referral(
    app, live_server, browser, make_service, make_user
):
    directory(app, make_service)
    username, password = make_user("link_worker")
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(90_000)  # the first match in a process loads the text models
    try:
        login(page, live_server, username, password)
        page.goto(live_server + "/match")
        page.get_by_label("What matters to them").fill("hardly leaves the house since his wife died")
        page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
        page.get_by_role("button", name="Find services").first.click()
        heading = page.get_by_role("heading", name=re.compile("services? that may fit"))
        expect(heading).to_be_focused(timeout=60_000)
        assert -1 <= top(heading) < PHONE["height"] / 2
        assert top(heading) < top(page.get_by_label("What matters to them"))
        expect(page).to_have_url(re.compile(r"/match#results$"))  # the person's words are not in it
        no_sideways_scroll(page)
        axe_check(page)

        grief = page.locator(".app-match", has_text="Sale Bereavement Support")
        grief.get_by_role("link", name=re.compile("^Refer")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Record a referral")
        expect(page.get_by_label("Sale Bereavement Support")).to_be_checked()
        expect(page.get_by_label("Bereavement", exact=True)).to_be_checked()
        axe_check(page)
        page.get_by_role("button", name="Record referral").click()
        expect(
            page.get_by_text(re.compile(r"Recorded the referral to Sale Bereavement Support"))
        ).to_be_visible()
        page.get_by_role("link", name="Referrals", exact=True).click()
        expect(page.get_by_text("Nothing needs following up.")).to_be_visible()  # due after 14 days
    finally:
        context.close()
