"""A mapping group's OpenStreetMap extract: a place's facts in its tags ("wheelchair=no", "fee=no",
"disused:amenity=social_facility", "opening_hours=We[2,4] 12:00-14:00") read as another
publisher's fields, and a person's practice named by its town."""

from __future__ import annotations

from matching.practices import persons_practice
from matching.understanding import normalise
from matching.understanding.schedule import find_schedule
from tests.matching.conftest import oruk_record


def tagged(*tags: str, description: str = "") -> dict:
    attributes = [{"taxonomy_term": {"taxonomy": "osm", "code": tag, "name": tag}} for tag in tags]
    return oruk_record(
        description, "Pewsey Vale Old Age Friendship", name="pewsey lunch club", attributes=attributes
    )


def test_a_disused_place_is_not_running(reader):
    assert reader.understand(tagged("disused:amenity=social_facility", "social_facility:for=senior")).closed
    assert not reader.understand(tagged("amenity=social_facility", "social_facility:for=senior")).closed


def test_a_fee_and_a_wheelchair_tag_are_the_cost_and_the_way_in(reader):
    free = reader.understand(tagged("fee=no", "wheelchair=no")).summary()
    assert free["cost"] == "free" and free["wheelchair"] == "no"
    assert reader.understand(tagged("fee=yes", "wheelchair=limited")).summary()["wheelchair"] == "unknown"
    # the provider's own words, where there are any, say more than a tag
    priced = tagged("fee=yes", description="Lunch and a raffle, £9 per session.")
    assert reader.understand(priced).summary()["cost"] == "paid"


def test_opening_hours_say_the_days():
    days = [
        d
        for f in find_schedule(_record(tagged("opening_hours=We[2,4] 12:00-14:00")))
        for d in f.value["days"]
    ]
    assert days == [{"day": "WE", "ordinal": 2}, {"day": "WE", "ordinal": 4}]
    weekdays = find_schedule(_record(tagged("opening_hours=Tu,Th 10:00-12:00; PH off")))
    assert [d["day"] for f in weekdays for d in f.value["days"]] == ["TU", "TH"]


def test_a_persons_practice_named_by_its_town():
    assert persons_practice("Moved to Devizes in Sept but still with her old GP in Melksham.") == {"melksham"}
    assert persons_practice("saw her GP in March about her mood") == set()


def _record(raw: dict):
    return normalise(raw)
