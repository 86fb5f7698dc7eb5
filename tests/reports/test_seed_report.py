"""The gap report over the real seed directory: Trafford's LSOAs, wards and postcode districts."""

from __future__ import annotations

import pytest

from directory_app.directory import england as tables
from directory_app.errors import NotFound, ValidationError
from directory_app.reports import areas as geo
from directory_app.reports import service
from tests.reports.conftest import area_detail, gap_rows, report_region


def test_area_sets_cover_trafford():
    assert len(geo.areas("lsoa")) == 139
    assert len(geo.areas("ward")) == 21
    districts = {a["code"]: a for a in geo.areas("district")}
    assert {"M33", "M32", "M41", "WA14", "WA15", "M31", "M16"} <= set(districts)
    # Districts share out the LSOAs' people, so together they hold about Trafford's population.
    lsoa_total = sum(a["population"] or 0 for a in geo.areas("lsoa"))
    district_total = sum(a["population"] for a in districts.values())
    assert lsoa_total < district_total < lsoa_total * 1.02
    assert districts["M31"]["imd_decile"] < districts["WA15"]["imd_decile"]  # Partington vs Hale
    assert geo.area("lsoa", "E01006087")["place"] == "Bowdon"


def test_loneliness_report_names_real_places_most_urgent_first(app):
    rows = gap_rows(app, "lsoa", "loneliness")
    assert len(rows) == 139
    # Which neighbourhoods lack a loneliness group within 3 km depends on what each service is
    # understood to offer (after the third round of understanding, none in Trafford does); any
    # that do lead the report, and every row is named by a real place.
    without = [r for r in rows if r["local_count"] == 0]
    assert rows[: len(without)] == without
    assert all(r["nearest_km"] > r["reach_km"] == 3.0 for r in without)
    assert all(r["place"] for r in rows)
    # Next come the most deprived neighbourhoods (decile 1, such as Partington's).
    assert rows[len(without)]["imd_decile"] == 1
    top_ten = rows[:10]
    assert sum(r["imd_decile"] for r in top_ten) / 10 < 3
    assert sum(r["imd_decile"] for r in rows) / len(rows) > 6
    assert {r["priority_band"] for r in rows[:27]} == {5}


def test_ward_report_for_food_puts_partington_ward_first(app, demand_rows):
    rows = gap_rows(app, "ward", "food")
    assert rows[0]["area_name"] == "Bucklow-St Martins"
    assert rows[0]["demand_counted_by"] == "postcode district M31"
    assert (rows[0]["demand_requests"], rows[0]["demand_unmet"]) == (7, 7)


def test_drill_down_lists_the_services_behind_the_counts(app):
    detail = area_detail(app, "lsoa", "E01006105")  # Trafford 017B, Bucklow-St Martins
    assert detail["display_name"] == "Trafford 017B (Bucklow-St Martins)"
    assert len(detail["needs"]) == len(service.taxonomy().codes())
    for row in detail["needs"]:
        assert len(row["local_services"]) == row["local_count"], row["need"]
        assert len(row["remote_services"]) == row["remote_count"], row["need"]
        assert all(s["km"] <= row["reach_km"] for s in row["local_services"])
        if row["local_services"]:
            assert row["local_services"][0]["km"] == row["nearest_km"]
    mental = next(r for r in detail["needs"] if r["need"] == "mental_wellbeing")
    assert mental["remote_services"], "Trafford-wide helplines are remote options"


def test_filters_are_checked(app):
    with pytest.raises(ValidationError):
        gap_rows(app, "county", None)
    with pytest.raises(ValidationError):
        gap_rows(app, "lsoa", "astrology")
    with pytest.raises(NotFound):
        area_detail(app, "lsoa", "E01000001")  # City of London: not in this report


def test_sorting_is_stable_and_puts_unknowns_last(app):
    rows = gap_rows(app, "lsoa", "loneliness")
    by_population, sort, direction = service.sort_rows(rows, "population", None)
    assert (sort, direction) == ("population", "desc")
    known = [r["population"] for r in by_population if r["population"] is not None]
    assert known == sorted(known, reverse=True)
    assert by_population[-1]["population"] is None  # the two LSOAs new in 2021
    by_area, _, direction = service.sort_rows(rows, "area", "asc")
    assert direction == "asc" and by_area[0]["area_name"] == "Trafford 001A"
    fallback, sort, _ = service.sort_rows(rows, "'; drop table", None)
    assert sort == "priority" and fallback[0] is rows[0]


def test_report_follows_changes_to_the_directory(app):
    from directory_app import db
    from directory_app.directory.service import set_status

    detail = area_detail(app, "lsoa", "E01006105", "loneliness")
    before = detail["needs"][0]
    closing = before["local_services"][0]
    with db.session_scope(app) as session:
        set_status(session, closing["id"], "temporarily_closed", actor="test")
    try:
        after = area_detail(app, "lsoa", "E01006105", "loneliness")["needs"][0]
        assert after["local_count"] == before["local_count"] - 1
        assert closing["id"] not in {s["id"] for s in after["local_services"]}
    finally:
        with db.session_scope(app) as session:
            set_status(session, closing["id"], "active", actor="test")
    assert (
        area_detail(app, "lsoa", "E01006105", "loneliness")["needs"][0]["local_count"]
        == before["local_count"]
    )


def test_without_the_setting_the_seed_reports_on_trafford_and_manchester(app, monkeypatch):
    # The seed's charities and food banks reach into Manchester: 40% of its venues are there.
    monkeypatch.setitem(app.config, "REPORT_AREA_CODES", "")
    region = report_region(app)
    assert region.codes == ("E08000003", "E08000009") and not region.has_wards
    rows = gap_rows(app, "lsoa", "food")
    assert len(rows) == 139 + len(tables.national().by_la["E08000003"])
    with pytest.raises(ValidationError, match="Trafford only"):
        gap_rows(app, "ward", "food")
