"""`flask geo import-postcodes`: Code-Point Open and ONSPD recognised from the header, so every
postcode knows its local authority and ward, and a person's postcode gives their areas."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from directory_app import db
from directory_app.directory import england, geo

SEED_GM_POSTCODES = Path(__file__).resolve().parents[2] / "seed_data" / "geo" / "gm_postcodes.csv"

CODEPOINT = """postcode,outcode,positional_quality,easting,northing,latitude,longitude,country_code,admin_county_code,admin_district_code,admin_ward_code
NE1 1AD,NE1,10,424696,563745,54.967722,-1.615787,E92000001,,E08000021,E05001111
NE1 1BB,NE1,10,425213,564347,54.973105,-1.607659,E92000001,,E08000021,E05001111
BB11 1BS,BB11,10,384237,432449,53.788,-2.240,E92000001,E10000017,E07000117,E05005151
"""
ONSPD = """pcds,lat,long,oslaua,osward,lsoa21
M33 7ZZ,53.423600,-2.322100,E08000009,E05015254,E01006160
M33 7AB,53.424000,-2.321000,E08000009,E05015254,E01006159
"""


def _load(runner, tmp_path, text, name="postcodes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return runner.invoke(args=["geo", "import-postcodes", str(path)])


def test_codepoint_open_gives_la_and_ward_in_another_region(app, runner, tmp_path):
    result = _load(runner, tmp_path, CODEPOINT)
    assert result.exit_code == 0, result.output
    assert "Loaded 3 postcodes (OS Code-Point Open); 3 know their local authority." in result.output
    with db.session_scope(app) as session:
        place = geo.lookup(session, "ne11ad")
        assert (place.la_code, place.ward_code) == ("E08000021", "E05001111")
        # Burnley is a district of Lancashire: a county-wide service reaches it too.
        assert geo.lookup(session, "BB11 1BS").areas == ["E07000117", "E10000017", "E05005151", "BB11"]


def test_onspd_gives_la_ward_and_lsoa(app, runner, tmp_path):
    result = _load(runner, tmp_path, ONSPD)
    assert result.exit_code == 0 and "(ONS Postcode Directory)" in result.output
    with db.session_scope(app) as session:
        assert geo.lookup(session, " m33 7zz ").areas == ["E08000009", "E05015254", "E01006160", "M33"]


def test_an_unknown_postcode_takes_its_neighbours_borough_when_they_agree(app, runner, tmp_path):
    _load(runner, tmp_path, CODEPOINT)
    with db.session_scope(app) as session:
        geo.import_districts(session, [("NE1", 54.97, -1.61)])
        place = geo.lookup(session, "NE1 9ZZ")  # not in the file: the district's centre
        assert place.approximate and place.la_code == "E08000021"


def test_a_file_without_codes_loads_with_a_warning(app, runner, tmp_path):
    result = _load(runner, tmp_path, "postcode,latitude,longitude\nM1 1AD,53.48,-2.24\n")
    assert result.exit_code == 0
    assert "no local authority codes" in result.output


def test_the_headerless_os_download_is_refused_with_a_reason(app, runner, tmp_path):
    result = _load(
        runner,
        tmp_path,
        '"M1 1AD",10,383825,398598,"E92000001","E19000001","E18000002","","E08000003","E05000697"\n',
    )
    assert result.exit_code == 2
    assert "no header row" in result.output
    with db.session_scope(app) as session:
        assert geo.la_codes(session, ["M1 1AD"]) == {}


def test_a_bad_line_is_named_and_nothing_is_loaded(app, runner, tmp_path):
    result = _load(
        runner, tmp_path, CODEPOINT + "NOT A POSTCODE,X,10,1,1,53,-2,E92000001,,E08000021,E05001111\n"
    )
    assert result.exit_code == 2
    assert "line 5" in result.output
    with db.session_scope(app) as session:
        assert geo.la_codes(session, ["NE1 1AD"]) == {}


def test_a_postcode_in_an_abolished_district_also_lives_in_the_authority_that_replaced_it():
    from directory_app.directory.geo import Place

    hambleton = Place("DL7 8AA", 54.34, -1.43, False, "DL7", la_code="E07000164")
    assert "E07000164" in hambleton.areas and "E06000065" in hambleton.areas


def test_a_postcode_district_says_which_former_district_of_a_new_authority_a_person_lives_in():
    from directory_app.directory.geo import Place

    # Cumberland replaced Allerdale, Carlisle and Copeland in 2023; Whitehaven's CA28 is Copeland's,
    # Workington's CA14 Allerdale's, so "Copeland residents only" is for one and not the other.
    whitehaven = Place("CA28 7PA", 54.55, -3.58, True, "CA28", la_code="E06000063")
    workington = Place("CA14 2HG", 54.64, -3.55, True, "CA14", la_code="E06000063")
    assert "E07000029" in whitehaven.areas and "E07000029" not in workington.areas
    assert "E07000026" in workington.areas and workington.possible_areas == []
    # North Yorkshire's, Dorset's, Somerset's ... from the ONS's 2011 small areas: Northallerton's
    # DL7 was Hambleton's, Bridport's DT6 West Dorset's, not Weymouth and Portland's
    northallerton = Place("DL7 8AB", 54.34, -1.43, True, "DL7", la_code="E06000065")
    assert "E07000164" in northallerton.areas and "E07000166" not in northallerton.possible_areas
    bridport = Place("DT6 4EU", 50.73, -2.76, True, "DT6", la_code="E06000059")
    assert "E07000052" in bridport.areas and "E07000053" not in bridport.areas + bridport.possible_areas
    # where the former district of a postcode district is not known (CA95, a PO box district), each
    # stays possible
    unplaced = Place("CA95 1AA", 54.89, -2.93, True, "CA95", la_code="E06000063")
    assert {"E07000026", "E07000028", "E07000029"} <= set(unplaced.possible_areas)
    # NN17 is mostly North Northamptonshire's (a corner is Rutland's), and there it is Corby's: a
    # service for Corby's patients is likely for someone there, not probably for another area's
    corby = Place(
        "NN17 1UL",
        52.49,
        -0.70,
        True,
        "NN17",
        possible_la_codes=("E06000061", "E06000017"),
        likely_la_code="E06000061",
    )
    assert "E07000150" in corby.likely_areas and "E07000152" not in corby.likely_areas


def test_a_person_in_a_district_the_installation_does_not_hold_gets_its_authority(app):
    # A new installation in Norfolk has no unit postcodes: the district's authority still applies,
    # so "Breckland residents only" can be told apart from a Great Yarmouth service.
    with db.session_scope(app) as session:
        geo.import_districts(session, [("NR19", 52.681, 0.938), ("BS16", 51.486, -2.512)])
        dereham = geo.lookup(session, "NR19 1AB")
        assert dereham.approximate and dereham.la_code == "E07000143"
        assert "E10000020" in dereham.areas  # and Norfolk's county-wide services
        # Fishponds and Downend share BS16 between Bristol and South Gloucestershire: no guess, but
        # a service for North Somerset's residents is not for anyone there.
        fishponds = geo.lookup(session, "BS16 3AB")
        assert fishponds.la_code is None
        assert set(fishponds.possible_areas) == {"E06000023", "E06000025"}
        assert fishponds.likely_areas == []  # two in three in South Gloucestershire: no likelier one
        # PL2 is 91% Plymouth, the rest over the Tamar in Cornwall: most likely Plymouth, not settled
        geo.import_districts(session, [("PL2", 50.388, -4.153)])
        north_prospect = geo.lookup(session, "PL2 7BJ")
        assert north_prospect.la_code is None and "E06000052" in north_prospect.possible_areas
        assert north_prospect.likely_areas == ["E06000026"]
        # North Yorkshire took over Hambleton in 2023: DL7 is known to lie in it, so a service for
        # Richmondshire's residents is not for Northallerton
        geo.import_districts(session, [("DL7", 54.34, -1.43)])
        northallerton = geo.lookup(session, "DL7 8AB")
        assert northallerton.la_code == "E06000065" and "E07000164" in northallerton.areas
        assert "E07000166" not in northallerton.areas + northallerton.possible_areas


def test_district_authorities_agree_with_the_unit_postcodes_of_greater_manchester():
    by_district: dict[str, Counter[str]] = defaultdict(Counter)
    with open(SEED_GM_POSTCODES, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_district[geo.outcode(row["postcode"])][row["la_code"]] += 1
    known = england.district_authorities()
    assigned = {d: known[d] for d in by_district if d in known}
    people = sum(sum(by_district[d].values()) for d in assigned)
    elsewhere = sum(sum(by_district[d].values()) - by_district[d][la] for d, la in assigned.items())
    assert len(assigned) > 0.5 * len(by_district)
    assert elsewhere < 0.02 * people  # a wrong authority would shut people out of their services


def test_an_off_island_takes_its_islands_council_and_no_district_over_the_border_takes_englands():
    # Scilly's one LSOA lies nearest St Mary's (TR21): St Agnes, Bryher and Tresco are still Scilly,
    # so a "Cornwall residents" service is not theirs
    known = england.district_authorities()
    assert {known.get(d) for d in ("TR21", "TR22", "TR23", "TR24")} == {"E06000053"}
    # where England's LSOAs stop at the border, the nearest one is not the district's council
    assert not {"LL13", "NP26", "DG16"} & set(known)
