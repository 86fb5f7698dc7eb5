"""A venue a feed gives neither a postcode nor a point is placed at the middle of the town its
address names, so that distance limits hold for it; the import report says so."""

from __future__ import annotations

import json

from directory_app.directory.jobs import import_file
from directory_app.search.indexing import wait_until_idle
from tests.conftest import match_on
from tests.security.test_index_ids import oruk_service


def _venue_in(town: str, street: str = "Kingsway") -> dict:
    record = oruk_service("stretford-lunch", name="Stretford Lunch Club", location_name="The Library")
    address = record["service_at_locations"][0]["location"]["addresses"][0]
    address.update(address_1=street, city=town, postal_code=None)
    return record


def _offered(app, postcode: str) -> list[str]:
    asked = {"goals": "a lunch club to meet people", "postcode": postcode, "age": 75}
    result = match_on(app, {**asked, "constraints": {"max_distance_km": 3}}, record=False)
    return [m["name"] for m in result["matches"]]


def test_a_venue_with_only_its_town_is_measured_from_that_town(app, places):
    report = import_file(app, json.dumps([_venue_in("Stretford")]).encode(), "feed.json", "Feed", "test")
    wait_until_idle(app)

    assert "Stretford Lunch Club" in _offered(app, "M32 0SQ")  # in Stretford
    assert "Stretford Lunch Club" not in _offered(app, "WA14 1PF")  # Altrincham, 7 km away
    warnings = [w["reason"] for w in report.as_dict()["warnings"]]
    assert any("no postcode or coordinates; placed at the middle of Stretford" in w for w in warnings)


def test_a_street_named_after_another_town_does_not_place_the_venue(app, places):
    report = import_file(
        app, json.dumps([_venue_in("", street="Stretford Road")]).encode(), "feed.json", "Feed", "test"
    )
    assert not any("placed at the middle" in w["reason"] for w in report.as_dict()["warnings"])


def test_a_limit_to_the_venues_own_village_is_drawn_around_its_postcode_when_the_feed_gives_no_point(
    app, places
):
    """The feed sends a postcode we hold exactly but no coordinates; "people living in Ashfold" (a
    name we know only from the venue's address) is the streets around that venue."""
    record = oruk_service("ashfold-lunch", name="Ashfold Lunch Club")
    record["description"] = "A hot lunch and a natter, only for people living in Ashfold."
    record["service_at_locations"][0]["location"]["addresses"][0].update(
        address_1="The Green", city="Ashfold"
    )
    report = import_file(app, json.dumps([record]).encode(), "feed.json", "Feed", "test")
    assert report.created == 1 and not report.errors
    wait_until_idle(app)

    asked = {"goals": "a lunch club to meet people", "age": 75}
    nearby = match_on(app, {**asked, "postcode": "M33 7ZZ"}, record=False)  # the venue's postcode
    assert "Ashfold Lunch Club" in [m["name"] for m in nearby["matches"]]
    farther = match_on(app, {**asked, "postcode": "M41 0WS"}, record=False)  # Urmston, 3.9 km away
    assert "Ashfold Lunch Club" not in [m["name"] for m in farther["matches"]]
