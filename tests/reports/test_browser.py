"""A commissioner's round in a real browser: table → sort → area → map → charts, each checked with axe."""

from __future__ import annotations

import re

from tests.browser.conftest import axe_check, login
from tests.conftest import once
from tests.reports.conftest import gap_rows

pytestmark = once

SHOTS = "/tmp/reports-{}.png"


def test_commissioner_reads_the_gap_report(app, live_server, in_browser, make_user, demand_rows):
    username, password = make_user("commissioner")
    top = gap_rows(app, "lsoa", "loneliness")[0]
    in_browser(lambda page: commissioner_round(page, live_server, username, password, top))


def commissioner_round(page, live_server, username, password, top):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, username, password)

    page.goto(f"{live_server}/reports/?need=loneliness")
    first = page.locator("tbody tr").first
    assert top["area_name"] in first.inner_text() and top["place"] in first.inner_text()
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("Priority")
    assert "counted by postcode district" in page.content()
    page.screenshot(path=SHOTS.format("overview"))
    box = page.locator(".app-report-table").bounding_box()
    page.screenshot(
        path=SHOTS.format("overview-table"),
        full_page=True,
        clip={"x": 0, "y": box["y"] - 80, "width": 1280, "height": 900},
    )
    axe_check(page)

    page.get_by_role("link", name=re.compile(r"^IMD decile")).click()
    page.wait_for_url(re.compile(r"sort=imd"))
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("IMD decile")
    deciles = page.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert deciles[0].strip() == "1" and deciles == sorted(deciles, key=lambda d: int(d.strip("* ")))
    axe_check(page)

    page.locator("tbody tr").first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/reports/areas/lsoa/E0\d+"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Trafford ")
    assert page.locator("#need-loneliness").count() == 1
    page.screenshot(path=SHOTS.format("area"), full_page=True)
    axe_check(page)

    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_url(re.compile(r"/reports/map"))
    page.wait_for_selector("path.app-map-area")
    assert page.locator("path.app-map-area").count() == 139  # every LSOA, drawn with no tiles
    assert page.locator(".leaflet-tile").count() == 0
    assert page.locator("path.app-band-fill--5").count() > 0
    page.locator("path.app-band-fill--5").first.click(force=True)
    assert page.locator(".leaflet-popup-content a").count() == 1
    page.screenshot(path=SHOTS.format("map"))
    page.locator(".app-map-wrapper").screenshot(path=SHOTS.format("map-only"))
    axe_check(page)

    page.get_by_role("link", name="Charts", exact=True).click()
    page.wait_for_url(re.compile(r"/reports/charts"))
    assert page.locator("svg rect.app-chart__bar").count() >= 9
    assert page.locator("svg circle.app-chart__point").count() == 137  # LSOAs with a population
    page.screenshot(path=SHOTS.format("charts"))
    page.locator("figure").nth(1).screenshot(path=SHOTS.format("charts-none"))
    page.locator("figure").nth(2).screenshot(path=SHOTS.format("charts-scatter"))
    axe_check(page)
    assert not errors, errors


def test_map_draws_under_the_real_content_security_policy(live_server, in_browser, make_user):
    username, password = make_user("commissioner")

    def steps(page):
        refused = []
        # Only what this page brings (script, style, images): the NHS.UK stylesheet's web fonts are
        # refused by font-src on every page, which is the base layout's business.
        page.on(
            "console",
            lambda message: (
                refused.append(message.text)
                if "Content Security Policy" in message.text and "font-src" not in message.text
                else None
            ),
        )
        page.on("pageerror", lambda error: refused.append(str(error)))
        login(page, live_server, username, password)
        page.goto(f"{live_server}/reports/map?area_type=ward&need=food")
        page.wait_for_selector("path.app-map-area")
        assert page.locator("path.app-map-area").count() == 21
        assert page.locator(".app-map-label").first.is_visible()
        assert not refused, refused

    in_browser(steps, bypass_csp=False)
