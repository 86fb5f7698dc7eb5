"""The commissioner's pages as a commissioner reads them: one navigation entry, the method in plain
words (the formula on request), and chart labels that cannot be misread."""

from __future__ import annotations

import re


def test_reports_have_one_current_nav_entry_and_a_plain_method(client, login_as):
    login_as("commissioner")
    for path in ("/reports/", "/reports/map", "/reports/charts"):
        page = client.get(path).get_data(as_text=True)
        nav = page[page.index('aria-label="Menu"') : page.index("</nav>", page.index('aria-label="Menu"'))]
        assert nav.count(">Gap reports<") == 1, path
        assert nav.count('aria-current="page"') == 1, path
        method = page[page.index("How these figures are worked out") :]
        method = method[
            : method.index("</details>\n</details>") if "</details>\n</details>" in method else None
        ]
        plain = method[: method.index("The formula")]
        for code_name in ("local_count", "reach_km", "priority_score", "remote_count", "priority_band"):
            assert code_name not in plain, (path, code_name)
        assert "Local services within reach" in plain and "Priority puts three things together" in plain
        # The formula is still there for those who want it, behind its own disclosure.
        assert re.search(r'<details class="nhsuk-details app-report-formula">\s*<summary', method)
        assert "priority = 0.5 × (1 − provision)" in method


def test_chart_deciles_without_areas_say_no_data_not_none(client, login_as):
    login_as("commissioner")
    page = client.get("/reports/charts?area_type=ward&need=loneliness").get_data(as_text=True)
    empty = re.findall(r'<text class="app-chart__empty"[^>]*>(.*?)</text>', page)
    assert empty, "Trafford's 21 wards do not fill all ten deciles"
    assert all(re.sub(r"<[^>]+>", " ", label).split() == ["no", "ward", "data"] for label in empty)
    assert ">none<" not in page
    assert "No wards in this decile" in page
