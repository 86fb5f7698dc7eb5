"""Browser test helpers. The fixtures (``live_server``, ``browser``, ``page``, ``in_browser``) are in
tests/conftest.py so that every folder shares one Chromium.

``axe_check(page)``: runs axe-core (from node_modules) and fails on serious or critical violations.
``login(page, base_url, username, password)``: logs in through the real form.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def axe_check(page) -> None:
    """Fail on serious or critical accessibility violations on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in bad
    )


def login(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    # Waiting for the navigation itself: the old page's load state is already "load".
    with page.expect_navigation():
        page.click("button[type=submit]")
