"""Referral fixtures.

Factory: ``make_referral`` (through ``records.create_referral``, as the API and pages do; without a
``case_reference`` the service issues a new one, as for a new person) and
``advance`` (status changes through ``records.change_status``).
Value: ``lunch_club`` (an active service's id, with a location in M33).
Side-effect (browser): ``live_server`` comes from tests/browser/conftest.py.
Factory (browser): ``in_browser(journey)`` runs ``journey(page)`` with a fresh Playwright page.
"""

from __future__ import annotations

import pytest

from directory_app import db
from directory_app.referrals import service as records


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def lunch_club(make_service):
    return make_service(needs="loneliness;older_people")


@pytest.fixture
def make_referral(app):
    def factory(actor: str = "lw_one", **data):
        data.setdefault("needs", ["loneliness"])
        with db.session_scope(app) as session:
            return records.create_referral(session, data, actor=actor, now=data.pop("now", None))

    return factory


@pytest.fixture
def advance(app):
    def factory(referral_id: int, actor: str, *statuses: str, now=None):
        referral = None
        with db.session_scope(app) as session:
            for status in statuses:
                referral = records.change_status(session, referral_id, status, actor=actor, now=now)
        return referral

    return factory


@pytest.fixture
def search_index_kind() -> str:
    """Referrals and outcomes are not about search: their apps run on the in-memory index."""
    return "memory"
