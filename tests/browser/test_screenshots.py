"""The main pages at a phone's width (390 px) and a desktop's (1280 px): none scrolls sideways and
each passes axe. With SCREENSHOTS=1 the test also writes what each page shows first to
docs/screenshots/<page>-<width>.png (the README links them); otherwise it writes nothing."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from directory_app import db
from directory_app.providers.service import issue_link
from directory_app.search.indexing import wait_until_idle
from tests.browser.conftest import ROOT, axe_check, login

OUT = ROOT / "docs" / "screenshots"
WIDTHS = (390, 1280)


def directory(app, make_service) -> None:
    make_service(
        needs="loneliness;older_people", phone="0161 123 4567", wait_weeks=6, last_verified_at="2026-08-20"
    )
    make_service(
        name="Sale Bereavement Support",
        organization="Trafford Bereavement Network",
        minimum_age=18,
        cost="free",
        cost_amount=None,
        cost_description=None,
        schedule="WE 13:00-15:00",
        needs="bereavement",
        phone="0161 765 4321",
        last_verified_at="2025-09-01",
        description="A support group for people who have lost a husband, wife or partner. "
        "Meet others who understand, over tea, every Wednesday afternoon.",
    )
    make_service(
        name="Trafford Carers Centre",
        organization="Trafford Carers Centre",
        postcode="M32 0SQ",
        needs="carers",
        cost="free",
        cost_amount=None,
        cost_description=None,
        minimum_age=18,
        schedule="MO,TU,WE,TH,FR 09:00-17:00",
        last_verified_at="2023-03-01",
        description="Support, breaks and advice for unpaid carers.",
    )
    make_service(
        name="Lunch and Chat at St Mary's",
        organization="St Mary's Church",
        postcode="M32 0SQ",
        wheelchair=None,
        schedule="WE 12:00-14:00",
        cost=None,
        cost_amount=None,
        cost_description=None,
        needs="loneliness;food",
        description="Soup, sandwiches and a chat after the Wednesday service.",
    )
    wait_until_idle(app)


def shoot(page, name: str, width: int, full_page: bool = False) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        f"{name} scrolls sideways"
    )
    axe_check(page)
    if os.environ.get("SCREENSHOTS") == "1":
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=full_page)


def test_main_pages_fit_a_phone_and_a_desktop(app, live_server, browser, make_service, make_user):
    directory(app, make_service)
    app.config["SHEET_CONTACT"] = "Sale Medical Centre | Your link worker: 0161 000 1111 (Monday to Friday)"
    link_worker = make_user("link_worker")
    commissioner = make_user("commissioner")
    for width in WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 400 else 844}, bypass_csp=True
        )
        page = context.new_page()
        page.set_default_timeout(90_000)  # the first match in a process loads the text models
        try:
            login(page, live_server, *link_worker)
            page.goto(live_server + "/")
            page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
            page.get_by_label("Free only").check()
            page.get_by_role("button", name="Search", exact=True).click()
            expect(page.get_by_role("heading", name=re.compile("3 services found"))).to_be_focused()
            expect(page.locator(".app-unknown-note")).to_contain_text(
                "1 of these services has not recorded its cost"
            )
            shoot(page, "search", width)

            page.goto(live_server + "/match")
            page.get_by_label("What matters to them").fill("lonely since his wife died, would like company")
            page.get_by_label("Postcode", exact=True).fill("M33 7ZZ")
            page.get_by_label("Age", exact=True).fill("78")
            page.get_by_role("button", name="Find services").first.click()
            expect(page.get_by_role("heading", name=re.compile("may fit"))).to_be_focused(timeout=60_000)
            shoot(page, "match", width)
            for name in ("Sale Lunch Club", "Sale Bereavement Support"):
                page.locator(".app-match", has_text=name).get_by_role(
                    "button", name=re.compile("^Add to plan")
                ).click()

            page.goto(live_server + "/shortlist/print")
            expect(page.locator(".app-sheet")).to_contain_text("Your link worker: 0161 000 1111")
            expect(page.locator(".app-sheet")).not_to_contain_text("not recorded")
            shoot(page, "sheet", width, full_page=True)  # the whole sheet, contact block included
            page.get_by_role("button", name=re.compile("^Log out")).click()

            login(page, live_server, *commissioner)
            page.goto(live_server + "/reports/?area_type=ward")
            expect(page.get_by_role("link", name="Gap reports")).to_have_count(1)
            shoot(page, "reports", width)
            page.goto(live_server + "/reports/charts?area_type=ward&need=loneliness")
            page.locator("#chart-supply-title").locator("xpath=ancestor::figure").scroll_into_view_if_needed()
            shoot(page, "charts", width)
        finally:
            context.close()
    if os.environ.get("SCREENSHOTS") == "1":
        assert {p.name for p in Path(OUT).glob("*.png")} >= {
            f"{n}-{w}.png" for n in ("search", "match", "sheet", "reports", "charts") for w in WIDTHS
        }


def test_the_other_pages_fit_a_phone_and_a_desktop(app, live_server, browser, make_service, make_user):
    """The service page, the curator's form and queue, the provider's own page and the referrals
    pages, each at both widths."""
    service_id = make_service(phone="0161 123 4567", schedule="1TU 14:00-16:00")
    wait_until_idle(app)
    with app.app_context(), db.session_scope(app) as session:
        token = issue_link(session, service_id, "curator")
    users = {role: make_user(role) for role in ("curator", "link_worker")}
    pages = {
        "curator": [
            ("service", f"/services/{service_id}"),
            ("curator-form", "/curate/services/new"),
            ("review", "/curate/review"),
        ],
        "link_worker": [
            ("referrals", "/referrals/"),
            ("referral-new", f"/referrals/new?service_id={service_id}"),
        ],
    }
    for width in WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 400 else 844}, bypass_csp=True
        )
        page = context.new_page()
        try:
            page.goto(f"{live_server}/provider?token={token}")  # no account: the link alone
            expect(page.locator("h1")).to_have_text("Sale Lunch Club")
            shoot(page, "provider", width)
            for role, paths in pages.items():
                login(page, live_server, *users[role])
                for name, path in paths:
                    page.goto(live_server + path)
                    expect(page.locator("h1")).to_be_visible()
                    shoot(page, name, width)
                page.get_by_role("button", name=re.compile("^Log out")).click()
        finally:
            context.close()
