"""Freshness in tiers: plain when recent, a quiet note after a year, the warning only past two
years or with an open problem report; the review queue holds only what is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from directory_app import db
from directory_app.directory import service as curation
from directory_app.models import utcnow
from directory_app.search import indexing
from directory_app.web.display import freshness

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def test_tiers():
    assert freshness(datetime(2026, 8, 29, tzinfo=UTC), NOW) == ("Checked 3 months ago", "recent")
    text, tier = freshness(datetime(2025, 10, 1, tzinfo=UTC), NOW)
    assert (
        tier == "quiet"
        and text.startswith("Last checked 13 months ago")
        and "check" not in text.split(":")[1]
    )
    text, tier = freshness(datetime(2024, 10, 1, tzinfo=UTC), NOW)
    assert tier == "warn" and "check the details before referring" in text
    assert freshness(datetime(2026, 11, 1, tzinfo=UTC), NOW, problem=True)[1] == "warn"


def test_cards_warn_only_when_it_means_something(client, make_service):
    recent = make_service(
        name="Recent Club", last_verified_at=(utcnow() - timedelta(days=95)).date().isoformat()
    )
    year = make_service(
        name="Year Club", last_verified_at=(utcnow() - timedelta(days=400)).date().isoformat()
    )
    ancient = make_service(
        name="Ancient Club", last_verified_at=(utcnow() - timedelta(days=800)).date().isoformat()
    )
    pages = {
        key: client.get(f"/services/{sid}").get_data(as_text=True)
        for key, sid in (("recent", recent), ("year", year), ("ancient", ancient))
    }
    assert "Checked 3 months ago" in pages["recent"] and "Warning: " not in pages["recent"]
    assert "details may have changed" in pages["year"] and "Warning: " not in pages["year"]
    assert "Warning: </span>Last checked 2 years ago" in pages["ancient"]


def test_the_review_queue_holds_only_what_is_due(app, make_service):
    make_service(name="Fresh Club", last_verified_at=(utcnow() - timedelta(days=20)).date().isoformat())
    stale = make_service(
        name="Stale Club", last_verified_at=(utcnow() - timedelta(days=300)).date().isoformat()
    )
    with db.session_scope(app) as session:
        assert [s.id for s in curation.review_queue(session).services] == [stale]


def test_stale_listings_fall_in_search_rather_than_vanish(app, client, make_service):
    old = (utcnow() - timedelta(days=1200)).date().isoformat()
    stale = make_service(name="Altrincham Lunch Club", last_verified_at=old)  # indexed first
    fresh = make_service(
        name="Altrincham Lunch Club",
        email="altrincham@example.org",
        last_verified_at=(utcnow() - timedelta(days=10)).date().isoformat(),
    )
    indexing.wait_until_idle(app)
    hits = client.get("/api/v1/services", query_string={"q": "Altrincham lunch"}).get_json()["hits"]
    assert [hit["id"] for hit in hits] == [fresh, stale]
