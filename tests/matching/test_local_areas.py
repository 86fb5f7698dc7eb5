"""Limits to districts abolished long ago and to dales ("Wansbeck residents", "the Derwentside
area", "Weardale") are read as their postcode districts, so a person's postcode says exactly
whether they are inside; a village's wide rural ward is a wide circle, not the whole county."""

from __future__ import annotations

import pytest

from matching.service import in_area, read_area
from matching.understanding.areas import read_place
from matching.understanding.places import residency_entries, residency_words
from tests.matching.conftest import oruk_record

NORTHUMBERLAND, COUNTY_DURHAM, GATESHEAD = "E06000057", "E06000047", "E08000037"


def oruk(description: str, **fields) -> dict:
    return oruk_record(description, "An organisation", **fields)


def residency(reader, record: dict) -> list[str]:
    return reader.understand(record).summary()["residency"]


def lives_in(entries: list[str], authority: str, district: str, point=None) -> bool | None:
    return in_area(read_area(entries), [authority, district], point)


def test_a_former_district_holds_exactly_its_postcode_districts(reader):
    entries = residency(
        reader, oruk("Peer support. Must be a Wansbeck resident (Ashington, Bedlington, Newbiggin).")
    )
    (wansbeck,) = [read_place(entry) for entry in entries]
    assert wansbeck.name == "Wansbeck" and wansbeck.la == NORTHUMBERLAND and "NE63" in wansbeck.districts
    assert lives_in(entries, NORTHUMBERLAND, "NE63") is True  # Ashington
    assert lives_in(entries, NORTHUMBERLAND, "NE24") is False  # Blyth, next door
    # a person known only by a point falls back on the area's circle
    assert in_area(read_area(entries), [NORTHUMBERLAND], (55.18, -1.57)) is True


def test_a_service_area_named_for_a_dale_or_a_part_of_a_county_is_that_part(reader):
    tynedale = residency(
        reader, oruk("Links isolated people with things near them.", service_areas=[{"name": "Tynedale"}])
    )
    assert lives_in(tynedale, NORTHUMBERLAND, "NE46") is True  # Hexham
    # NE42 is Prudhoe's, and a corner of Gateshead across the border: Crawcrook is not in Tynedale
    assert lives_in(tynedale, NORTHUMBERLAND, "NE42") is True
    assert lives_in(tynedale, GATESHEAD, "NE42") is False
    assert (
        lives_in(tynedale, COUNTY_DURHAM, "DL13") is False
    )  # Weardale, whose point is near Tynedale's middle
    # "East Durham" is a part of County Durham, not all of it
    peterlee = residency(reader, oruk("Women aged 18 and over living in East Durham (Easington area)."))
    assert lives_in(peterlee, COUNTY_DURHAM, "SR8") is True
    assert lives_in(peterlee, COUNTY_DURHAM, "DH1") is False  # Durham City


def test_areas_covered_in_the_words_are_the_finer_limit_inside_a_wide_service_area(reader):
    record = oruk(
        "Sitting service so carers can have a few hours off. Areas covered: Alnwick, Amble, Rothbury "
        "and surrounding villages. Not currently able to cover Berwick-upon-Tweed or Wooler.",
        service_areas=[{"name": "North Northumberland"}],
    )
    entries = residency(reader, record)
    assert {read_place(entry).name for entry in entries} == {"Alnwick", "Amble", "Rothbury"}
    wooler = (55.5466, -2.0117)
    assert in_area(read_area(entries), [NORTHUMBERLAND, "NE71"], wooler) is False


def test_villages_with_wide_rural_wards_limit_to_a_wide_circle_not_the_county(reader):
    entries = residency(
        reader,
        oruk(
            "Guided weekly walks. Only for patients registered with a Haltwhistle or Bellingham GP practice."
        ),
    )
    assert {read_place(entry).name for entry in entries} == {"Haltwhistle", "Bellingham"}
    allendale, haltwhistle = (54.898, -2.254), (54.970, -2.459)
    assert in_area(read_area(entries), [NORTHUMBERLAND, "NE47"], allendale) is False
    assert in_area(read_area(entries), [NORTHUMBERLAND, "NE49"], haltwhistle) is True


def test_a_curator_reads_and_types_a_former_district_like_any_place(reader):
    (entry,) = residency_entries(reader.areas, "Derwentside (County Durham)")
    assert residency_words(reader.areas, entry) == "Derwentside (County Durham)"
    assert residency_entries(reader.areas, "Derwentside") == [entry]
    assert lives_in([entry], COUNTY_DURHAM, "DH8") is True and lives_in([entry], GATESHEAD, "NE16") is False


def test_a_sentence_of_places_and_only_is_a_limit_to_them(reader):
    entries = residency(
        reader, oruk("Accompanied shopping. £20 per hour. Alnwick, Amble, Warkworth, Longhoughton only.")
    )
    assert {"Alnwick", "Amble"} <= {read_place(entry).name for entry in entries}
    assert residency(reader, oruk("A friendly group. Women only. Over 50s only.")) == []


def test_a_long_run_of_capitals_is_read_once(reader):
    """An ALL-CAPS record (a team's spreadsheet) once sent the "places and only" reading through
    every way of splitting its words: eight words took 46 seconds."""
    shouting = " ".join(["FOOD BANK SUPPORT FOR FAMILIES IN HENDON AND SOUTHWICK"] * 20) + " TUES AM."
    assert residency(reader, oruk(shouting)) == []
    assert residency(reader, oruk(shouting + " Alnwick, Amble only.")) != []


def test_a_place_drawn_by_its_postcode_districts_in_brackets_is_those_districts(reader):
    entries = residency(
        reader,
        oruk(
            "Peer support group for carers.", eligibility_description="Carers in Wythenshawe (M22, M23, M90)"
        ),
    )
    assert sorted(entries) == ["M22", "M23", "M90"]
    # a venue's full postcode in brackets is where it is, not who may come
    venue = residency(reader, oruk("We meet in St Mary's Hall (M20 2RN) on Tuesdays."))
    assert venue == []


def test_a_service_area_naming_the_nation_limits_nobody_to_a_village(reader):
    record = oruk("BSL therapy by video for Deaf people.", service_areas=[{"name": "England"}])
    assert residency(reader, record) == []
    assert reader.understand(record).value("area_wide", False) is True


CHESHIRE_WEST = "E06000050"


def test_a_former_borough_written_with_an_ampersand_is_its_postcode_districts(reader):
    entries = residency(
        reader,
        oruk(
            "A support worker sits with the person you care for at home.\nCatchment: Ellesmere Port & Neston",
            service_areas=[{"name": "West Cheshire"}],
        ),
    )
    assert lives_in(entries, CHESHIRE_WEST, "CH65") is True  # Ellesmere Port
    assert lives_in(entries, CHESHIRE_WEST, "WA6") is False  # Frodsham, in the same borough


def test_a_town_known_only_by_its_wards_limits_a_groups_patients_to_it(reader):
    """Northwich has wards "Northwich Leftwich", "Northwich Witton", … and none of its own name."""
    entries = residency(
        reader,
        oruk(
            "Peer support for people caring for someone with dementia. 3rd Thursday.",
            eligibility_description="Registered with a Northwich PCN practice (ask your surgery)",
            service_areas=[{"name": "West Cheshire"}],
        ),
    )
    northwich = (53.2569, -2.5229)
    frodsham = (53.2950, -2.7240)
    assert in_area(read_area(entries), [CHESHIRE_WEST], northwich) is True
    assert in_area(read_area(entries), [CHESHIRE_WEST], frodsham) is False


def test_a_town_known_by_its_wards_is_read_though_another_council_has_a_ward_of_its_name(reader):
    """Breckland's Attleborough has wards "Attleborough Burgh" and "Attleborough Queens"; Nuneaton
    and Bedworth has a ward called Attleborough. The record names Breckland, so the town is its."""
    found = reader.understand(
        oruk(
            "Who: people aged 60+ living in the rural villages of Breckland. Not for residents of "
            "Thetford, Dereham, Swaffham, Attleborough or Watton towns, who should use the town services.",
            service_areas=[{"name": "Breckland"}],
        )
    )
    turned_away = {read_place(entry.removeprefix("area:")) for entry in (f.value for f in found.exclusions)}
    attleborough = next(p for p in turned_away if p is not None and p.name == "Attleborough")
    assert attleborough.la == "E07000143"
    town, village_10_km_out = (52.5170, 1.0190), (52.5750, 1.1300)
    assert in_area(read_area([attleborough.entry()]), ["E07000143"], town) is True
    assert in_area(read_area([attleborough.entry()]), ["E07000143"], village_10_km_out) is False


def test_a_place_said_alone_as_the_area_is_where_visits_reach(reader):
    entries = residency(reader, oruk("Befriending visits at home. Chester area."))
    assert lives_in(entries, CHESHIRE_WEST, "CH2") is True  # Hoole, Chester
    assert lives_in(entries, CHESHIRE_WEST, "WA6") is False  # Frodsham
    # a place named in a sentence that says something else is not an area
    assert residency(reader, oruk("Visits at home. Our volunteers come from all over Chester.")) == []


def test_a_town_in_a_lower_case_phrase_is_not_a_limit(reader):
    """ "Lip reading practice" does not limit a Billingham club to the residents of Reading."""
    assert residency(reader, oruk("Lip reading practice and a natter for people with hearing loss.")) == []


def test_a_towns_circle_holds_only_its_own_councils_side_of_a_border(reader):
    middleton = residency(
        reader, oruk("Parenting course.", eligibility_description="Heywood and Middleton only.")
    )
    rochdale, oldham = "E08000005", "E08000004"
    near_middleton = (53.548, -2.175)  # M24, a kilometre from Middleton's centre
    assert lives_in(middleton, rochdale, "M24", near_middleton) is True
    assert lives_in(middleton, oldham, "M24", near_middleton) is False


def test_a_villages_circle_stops_short_of_the_next_town(reader):
    """Rustington's women's walk is not for Littlehampton, whose centre is 2.5 km away; a street
    in Peterlee 1.6 km from its centre, past a ward of another name, is still in Peterlee."""
    arun = "E07000224"
    walk = residency(
        reader, oruk("Sunday stroll and a cuppa.", eligibility_description="Women, Rustington residents.")
    )
    littlehampton, rustington = (50.8142, -0.5394), (50.8144, -0.4959)
    assert lives_in(walk, arun, "BN17", littlehampton) is False
    assert lives_in(walk, arun, "BN16", rustington) is True
    outreach = residency(
        reader,
        oruk(
            "Outreach for women.",
            eligibility_description="Women in east Durham (Peterlee, Easington, Seaham)",
        ),
    )
    assert lives_in(outreach, "E06000047", "SR8", (54.749269, -1.348032)) is True


CORNWALL, BIRMINGHAM, SANDWELL, PLYMOUTH = "E06000052", "E08000025", "E08000028", "E06000026"
MID_DEVON = "E07000042"


def test_cornwalls_former_districts_and_their_corners_are_their_postcode_districts(reader):
    # a chat line for the far west's villages is no help to someone in Bodmin
    west_penwith = residency(
        reader,
        oruk(
            "Volunteers ring people in the far west villages for a natter.",
            service_areas=[{"name": "West Penwith"}],
        ),
    )
    assert lives_in(west_penwith, CORNWALL, "TR19") is True  # St Buryan
    assert lives_in(west_penwith, CORNWALL, "PL31") is False  # Bodmin
    caradon = residency(reader, oruk("Carers' group. Caradon carers only (Liskeard, Looe, Saltash)."))
    assert lives_in(caradon, CORNWALL, "PL14") is True
    assert lives_in(caradon, CORNWALL, "TR1") is False  # Truro
    # a good neighbours scheme with no venue whose area is "Rame peninsula", small p and all
    rame = residency(
        reader, oruk("Volunteers visit people living alone.", service_areas=[{"name": "Rame peninsula"}])
    )
    assert lives_in(rame, CORNWALL, "PL10") is True
    assert lives_in(rame, MID_DEVON, "EX16") is False  # Tiverton


def test_a_service_area_that_leaves_places_out_does_not_take_them_in(reader):
    devon = residency(
        reader,
        oruk(
            "Carers' cafe for unpaid carers.",
            service_areas=[{"name": "Devon-wide (not Plymouth or Torbay)"}],
            service_at_locations=[],
        ),
    )
    assert lives_in(devon, PLYMOUTH, "PL2") is False


def test_a_navigators_note_of_who_and_where(reader):
    lunch = residency(
        reader,
        oruk("Two course dinner and bingo. NAV NOTE: over 65s living alone, Kingstanding/Perry Common."),
    )
    assert lives_in(lunch, BIRMINGHAM, "B44", (52.545, -1.874)) is True  # Kingstanding
    assert lives_in(lunch, BIRMINGHAM, "B11", (52.460, -1.875)) is False  # Sparkbrook
    play = residency(
        reader, oruk("Messy play for 0-5s with a parent. NAV NOTE: Sparkbrook families, no booking.")
    )
    assert lives_in(play, BIRMINGHAM, "B11", (52.460, -1.875)) is True
    assert lives_in(play, BIRMINGHAM, "B23", (52.528, -1.834)) is False  # Erdington
    # "Women's walk and talk, Castle Eden Dene." names where it walks, not who may come
    assert residency(reader, oruk("Women's walk and talk, Castle Eden Dene. Women only.")) == []


def test_brum_is_birmingham(reader):
    brum = residency(
        reader, oruk("Lunch club.", service_areas=[{"name": "north Brum"}], service_at_locations=[])
    )
    assert lives_in(brum, BIRMINGHAM, "B44") is True
    assert lives_in(brum, SANDWELL, "B66") is False


GEDLING, NOTTINGHAM = "E07000173", "E06000018"


def test_an_authoritys_towns_listed_in_brackets_say_what_it_takes_in_and_let_no_one_else_in(reader):
    """Gedling's Mapperley is not a ward of its own; Nottingham has a Mapperley ward. The record
    names Gedling and lists its towns, so a St Ann's pensioner is not one of its residents."""
    entries = residency(
        reader,
        oruk(
            "Volunteers visit older people at home. For residents of Gedling Borough (Arnold, Carlton, "
            "Mapperley, Netherfield, Burton Joyce, Calverton and villages) who are lonely or housebound."
        ),
    )
    assert entries == [GEDLING]
    assert lives_in(entries, NOTTINGHAM, "NG3") is False


@pytest.mark.parametrize(
    "words",
    [
        "Free energy advice for households in the county. Nottingham City households should contact "
        "Nottingham Energy Partnership instead.",
        "Outreach for women in Nottinghamshire. Please note: residents of Nottingham City should contact "
        "the city service.",
        "Energy advice for the county's households (Nottingham City residents ring the Nottingham City line).",
        "Benefits advice line. Who is it for: Nottinghamshire residents - Nottingham City residents are not covered.",
    ],
)
def test_people_sent_to_another_service_are_turned_away(reader, words):
    found = reader.understand(oruk(words))
    assert "area:" + NOTTINGHAM in {f.value for f in found.exclusions}


def test_people_of_the_records_own_area_sent_to_an_office_are_not_turned_away(reader):
    found = reader.understand(
        oruk(
            "Benefits advice. Bolton residents please call the Bolton office.",
            service_areas=[{"name": "Bolton"}],
        )
    )
    assert not [f.value for f in found.exclusions if f.value.startswith("area:")]


def test_the_place_after_outside_is_who_may_come_not_who_is_turned_away(reader):
    found = reader.understand(
        oruk(
            "Food bank for Medway residents. Not for people living in Kent outside Medway.",
            service_areas=[{"name": "Medway"}],
        )
    )
    turned_away = {f.value for f in found.exclusions if f.value.startswith("area:")}
    assert turned_away == {"area:E10000016"}  # Kent County Council's districts, not Medway
    assert found.residency_codes() == ["E06000035"]


def test_a_van_reaches_the_places_it_stops_at_and_no_further(reader):
    """An advice van's round is where it reaches: a Sheffield or Doncaster household is not on the
    Dearne villages' round. Stops we cannot all place leave the authorities of those we can."""
    everywhere_placed = reader.understand(
        oruk("Wellbeing bus: a nurse and a benefits adviser. The bus calls at Wath and Swinton on Tuesdays.")
    )
    stops = [read_place(f.value) for f in everywhere_placed.works_in]
    assert {p.name for p in stops if p} == {"Wath", "Swinton"}
    some_placed = reader.understand(
        oruk(
            "Our advice van parks up in Thurnscoe, Goldthorpe, Bolton on Dearne, Wath and Swinton. "
            "Benefits checks, debt help, energy vouchers."
        )
    )
    reach = read_area([f.value for f in some_placed.works_in])
    assert in_area(reach, {"E08000018"}) and in_area(reach, {"E08000038"})  # Rotherham, Barnsley
    assert not in_area(reach, {"E08000039"}) and not in_area(reach, {"E08000017"})  # Sheffield, Doncaster


def test_a_county_the_record_names_tells_which_of_two_places_of_one_name_it_means(reader):
    """ "Leamington" is a ward in Ashfield and a town of five wards in Warwick district; a record for
    Warwickshire means the town."""
    entries = residency(
        reader,
        oruk(
            "Strength and balance course for people 65+ registered with a Leamington GP.",
            service_areas=[{"name": "Warwickshire"}],
        ),
    )
    places = [read_place(entry) for entry in entries]
    assert [(p.la, p.name) for p in places if p] == [("E07000222", "Leamington")]


BLACKPOOL, WYRE, CUMBERLAND = "E06000009", "E07000128", "E06000063"
YORK, BRIGHTON, TRAFFORD, BOLTON = "E06000014", "E06000043", "E08000009", "E08000001"


@pytest.mark.parametrize(
    ("service_area", "inside", "outside"),
    [
        # an integrated care board is all of its councils, unitaries too, and only the part of a
        # county its name gives
        (
            "Lancashire and South Cumbria ICB",
            [(BLACKPOOL, "FY1")],
            [(CUMBERLAND, "CA1")],
        ),
        ("Humber and North Yorkshire ICB", [(YORK, "YO1")], [(BOLTON, "BL1")]),
        ("Sussex Partnership", [(BRIGHTON, "BN1")], [(TRAFFORD, "M33")]),
        # an authority inside the area's own name is not the part meant
        ("Fylde Coast", [(BLACKPOOL, "FY1"), (WYRE, "FY6")], []),
        # one beside it is
        ("the Trafford area of Greater Manchester", [(TRAFFORD, "M33")], [(BOLTON, "BL1")]),
    ],
)
def test_the_nhs_names_for_parts_of_england_are_their_councils(reader, service_area, inside, outside):
    entries = residency(reader, oruk("Befriending by phone.", service_areas=[{"name": service_area}]))
    for authority, district in inside:
        assert lives_in(entries, authority, district) is True, (service_area, authority)
    for authority, district in outside:
        assert lives_in(entries, authority, district) is False, (service_area, authority)


def test_a_county_named_in_the_words_narrows_a_wider_service_area_around_it(reader):
    entries = residency(
        reader,
        oruk(
            "Specialist debt casework, priority debts, bailiffs.",
            eligibility_description="Adults living in Brighton & Hove or East Sussex.",
            service_areas=[{"name": "Sussex"}],
        ),
    )
    assert lives_in(entries, BRIGHTON, "BN1") is True
    # a person's areas hold their county as well (directory_app.matchmaking.service)
    assert in_area(read_area(entries), ["E07000064", "E10000011", "TN34"]) is True  # Hastings
    assert in_area(read_area(entries), ["E07000229", "E10000032", "BN11"]) is False  # Worthing, West Sussex
