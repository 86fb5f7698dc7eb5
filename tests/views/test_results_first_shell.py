"""Search and match share one results-first shell (templates/_results_first.html): with results,
the focusable results heading and its column come before the refine form in the page; before a
search, the form comes first. tests/browser/test_results_first.py checks the same on screen."""

from __future__ import annotations

from directory_app.search.indexing import wait_until_idle
from tests.conftest import csrf_token

HEADING = '<h2 class="nhsuk-heading-m app-results-heading" id="results" tabindex="-1">'


def order(page: str, form_marker: str) -> tuple[int, int]:
    """(where the results column starts, where the refine form starts) in the page source."""
    return page.index('class="nhsuk-grid-column-two-thirds app-results-column"'), page.index(form_marker)


def test_both_pages_put_results_first_only_when_there_are_results(app, client, make_service, login_as):
    make_service(needs="loneliness;older_people")
    wait_until_idle(app)
    login_as("link_worker")
    pages = {
        "search": (
            lambda: client.get("/"),
            lambda: client.get("/?q=lunch&postcode=M33+7ZZ"),
            'class="app-search-form"',
        ),
        "match": (
            lambda: client.get("/match"),
            lambda: client.post(
                "/match",
                data={
                    "goals": "lonely since his wife died",
                    "postcode": "M33 7ZZ",
                    "csrf_token": csrf_token(client, "/match"),
                },
            ),
            'class="app-match-form"',
        ),
    }
    for name, (before, after, form_marker) in pages.items():
        page = before().get_data(as_text=True)
        results_at, form_at = order(page, form_marker)
        assert form_at < results_at, name
        assert HEADING not in page and 'href="#results">Skip to results' not in page, name

        page = after().get_data(as_text=True)
        results_at, form_at = order(page, form_marker)
        assert results_at < page.index(HEADING) < form_at, name
        assert page.count('class="nhsuk-grid-row app-results-first"') == 1, name
        assert 'href="#results">Skip to results' in page and f'#results" class="{form_marker[7:]}' in page, (
            name
        )
