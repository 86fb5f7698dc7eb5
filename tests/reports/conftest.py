"""Report fixtures.

``app`` is overridden here with a package-scoped app holding the real seed directory (Trafford,
443 services), loaded once for this folder because loading takes several seconds. Tests here
must not change services; the demand they add goes through ``demand_rows``.

Side-effect: ``demand_rows`` (MatchDemand rows with small and not-so-small counts).
Value: ``live_server`` (tests/browser's, serving this folder's app). Factory: ``in_browser``.
"""
from __future__ import annotations

import shutil
import threading
from datetime import date

import pytest

from directory_app import db
from tests.conftest import fresh_app
from tests.browser.conftest import CHROMIUM_FLAGS, live_server  # noqa: F401  (live_server is a fixture)

# (district, need): (requests, of which unmatched). Each pair is separate; loneliness is left alone
# so the loneliness ranking in test_seed_report is the directory's, not the demand's.
DEMAND = {
    ("M33", "food"): (1, 1),
    ("M32", "money_debt"): (2, 0),
    ("M41", "housing"): (3, 3),
    ("WA14", "mental_wellbeing"): (4, 2),
    ("M16", "welfare_benefits"): (7, 4),
    ("M31", "food"): (7, 7),
}


@pytest.fixture(scope="package")
def app(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("reports")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'test.db'}", seeded=True) as app:
        yield app


@pytest.fixture(scope="package")
def demand_rows(app):
    from directory_app.models import MatchDemand

    with db.session_scope(app) as session:
        for (district, need), (requests, unmatched) in DEMAND.items():
            for i in range(requests):
                session.add(MatchDemand(requested_on=date(2025, 3, 1), district=district, need=need,
                                        adequate=0 if i < unmatched else 2))
        session.commit()
    return DEMAND


@pytest.fixture
def in_browser():
    """Factory: run ``steps(page)`` in a fresh headless Chromium, on its own thread.

    tests/browser keeps one Playwright running for the whole session, and Playwright's sync API
    refuses to start a second one on a thread that already runs one; a thread of our own has none,
    so these tests work whether or not tests/browser ran first.
    """
    def run(steps, bypass_csp: bool = True) -> None:
        from playwright.sync_api import sync_playwright

        failure: list[BaseException] = []

        def target():
            try:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(
                        executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                        headless=True, args=CHROMIUM_FLAGS)
                    try:
                        # axe-core is injected as inline script, so audited pages bypass the CSP.
                        context = browser.new_context(bypass_csp=bypass_csp)
                        page = context.new_page()
                        page.set_default_timeout(10_000)
                        steps(page)
                    finally:
                        browser.close()
            except BaseException as error:  # re-raised on the test's own thread below
                failure.append(error)

        thread = threading.Thread(target=target, name="reports-browser")
        thread.start()
        thread.join(120)
        assert not thread.is_alive(), "the browser steps did not finish within 120 s"
        if failure:
            raise failure[0]

    return run
