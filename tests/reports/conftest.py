"""Report fixtures.

``app`` is overridden here with a package-scoped app holding the real seed directory (Trafford,
443 services), loaded once for this folder because loading takes several seconds. Tests here
must not change services; the demand they add goes through ``demand_rows``.

Side-effect: ``demand_rows`` (MatchDemand rows with small and not-so-small counts).
Value: ``live_server`` (tests/browser's, serving this folder's app). Factory: ``in_browser``.
"""

from __future__ import annotations

from datetime import date

import pytest

from directory_app import db
from directory_app.reports import service
from directory_app.services import services
from tests.conftest import fresh_app

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
    # Gap reports read the directory from the database, not the index: the in-memory one will do.
    with fresh_app(
        tmp, meili, postgres_url or f"sqlite:///{tmp / 'test.db'}", seeded=True, search_index="memory"
    ) as app:
        # The seed lists Manchester venues nearly as often as Trafford ones (175 and 185 of 443),
        # so left to itself the report would cover both; these tests are about Trafford's areas.
        app.config["REPORT_AREA_CODES"] = "E08000009"
        yield app


def add_demand(session, demand: dict) -> None:
    """Recorded match requests: {(district, need): (requests, of which unmatched)}."""
    from directory_app.models import MatchDemand

    for (district, need), (requests, unmatched) in demand.items():
        for i in range(requests):
            session.add(
                MatchDemand(
                    requested_on=date(2025, 3, 1),
                    district=district,
                    need=need,
                    adequate=0 if i < unmatched else 2,
                )
            )


@pytest.fixture(scope="package")
def demand_rows(app):
    with db.session_scope(app) as session:
        add_demand(session, DEMAND)
        session.commit()
    return DEMAND


# The gap report as a page asks for it: on a session of its own, with the app's services and its
# REPORT_AREA_CODES at the time of asking.
def gap_reports(app, session) -> service.GapReports:
    return service.GapReports(session, services(app).report_documents, app.config.get("REPORT_AREA_CODES"))


def gap_rows(app, *args, **kwargs) -> list[dict]:
    with db.session_scope(app) as session:
        return gap_reports(app, session).rows(*args, **kwargs)


def area_detail(app, *args) -> dict:
    with db.session_scope(app) as session:
        return gap_reports(app, session).area(*args)


def report_region(app):
    with db.session_scope(app) as session:
        return gap_reports(app, session).region()
