"""Records a health team's spreadsheet became when a script exported it to ORUK: the council stamped
on every record as its service area, "Catchment:" lines, 0 and 120 for "no age limit", shorthand
("Y7+", "OAPs", "not wheelchair acc."), a service-level accessibility note, "Closed - funding ended"
while the status says active. Plain data: no app, no database."""

from __future__ import annotations

import pytest

from matching import match
from matching.service import in_area, read_area
from matching.understanding.ages import find_ages
from matching.understanding.areas import read_place

WIGAN, BOLTON = "E08000010", "E08000001"
WIGAN_AREA = {"name": "Wigan", "uri": f"http://statistics.data.gov.uk/id/statistical-geography/{WIGAN}"}


def exported(venue: dict | None = None, **fields) -> dict:
    """One record as the export writes it: the council as its service area, a venue in Hindley."""
    location = venue or {
        "id": "l1",
        "name": "St Peter's Church Hall",
        "addresses": [
            {"id": "a1", "address_1": "Atherton Road", "city": "Hindley", "postal_code": "WN2 3SH"}
        ],
        "latitude": 53.5243,
        "longitude": -2.5614,
    }
    return {
        "id": "s1",
        "name": "A group",
        "status": "active",
        "organization": {"id": "o1", "name": "A charity"},
        "service_areas": [dict(WIGAN_AREA, id="sa1")],
        "service_at_locations": [{"id": "sl1", "location": location}],
        **fields,
    }


def venue_at(
    name: str, street: str, town: str, postcode: str, point: tuple[float, float] | None = None
) -> dict:
    """A venue as a feed sends it, with coordinates or without."""
    venue = {
        "id": "l1",
        "name": name,
        "addresses": [{"id": "a1", "address_1": street, "city": town, "postal_code": postcode}],
    }
    if point is not None:
        venue.update(latitude=point[0], longitude=point[1])
    return venue


def test_a_council_stamped_on_a_venues_record_limits_who_comes_but_is_no_reach_beyond_it(reader):
    found = reader.understand(exported(description="Weekly walk round Pennington Flash, then a brew."))
    assert found.residency_codes() == [WIGAN]
    assert found.value("area_wide") is False
    # the same stamp on a line with no venue reaches the whole council
    line = exported(description="Phone befriending, a call every week.")
    line["service_at_locations"] = []
    assert reader.understand(line).value("area_wide") is True
    # and words that say so make a venue's service the borough's: its carers' centre
    said = reader.understand(
        exported(name="Wigan Carers Centre", eligibility_description="Carers only. Wigan residents.")
    )
    assert said.residency_codes() == [WIGAN]
    assert said.value("area_wide") is True


@pytest.mark.parametrize(
    "eligibility, codes",
    [
        ("Target group: young carers Y7 to Y13. Wigan borough.", {WIGAN}),
        ("Aged 8-17. Must be a young carer. Bolton schools/residents.", {BOLTON}),
        ("Parents/carers of a child with additional needs. Wigan borough.", {WIGAN}),
        # a sentence that names the borough among other things is not a catchment
        ("Wigan Athletic fans welcome, any age.", set()),
    ],
)
def test_a_catchment_line_that_is_only_a_borough_is_where_people_must_live(reader, eligibility, codes):
    record = exported(eligibility_description=eligibility)
    record["service_areas"] = []
    assert set(reader.understand(record).residency_codes()) == codes


def test_a_catchment_of_towns_is_those_towns_drawn_wider_for_one_we_cannot_draw(reader):
    found = reader.understand(
        exported(
            eligibility_description="Catchment: Atherton, Tyldesley & Astley only - other areas see Age UK."
        )
    )
    # the council's stamp stays beside them: the towns are the finer limit inside it
    places = [place for place in map(read_place, found.residency_codes()) if place]
    assert {p.name for p in places} == {"Atherton", "Tyldesley"}
    assert all(p.km >= 5 for p in places)  # Astley is beside them, so each is drawn wider
    area = read_area(found.residency_codes())
    astley = (53.5005, -2.4500)  # Astley village, 2-3 km from Tyldesley
    standish = (53.5860, -2.6630)  # the other side of the borough
    assert in_area(area, [WIGAN], astley) is True
    assert in_area(area, [WIGAN], standish) is False


def test_a_village_we_cannot_draw_is_drawn_around_the_records_venue_in_it(reader):
    venue = venue_at("Key Centre", "Park Lane", "Middleham", "DL8 4RA", (54.2850, -1.8070))
    record = exported(venue, eligibility_description="Anyone over 50 who lives in Middleham.")
    record["service_areas"] = []
    [code] = reader.understand(record).residency_codes()
    place = read_place(code)
    assert place is not None and place.name == "Middleham"
    assert (place.lat, place.lng) == (54.2850, -1.8070)


def test_a_practices_patients_live_around_it_in_its_own_borough(reader):
    """A surgery's link worker, "Patients of Concord & Oxclose Family Practice", is not for Birtley
    across the Gateshead border, though it sees people by phone too."""
    venue = venue_at(
        "Concord & Oxclose Family Practice", "The Galleries", "Washington", "NE37 2NR", (54.9062, -1.5236)
    )
    record = exported(
        venue,
        name="Social prescriber - Washington",
        description="Link worker for Concord & Oxclose patients. Sees people at the surgery or by phone.",
        eligibility_description="Patients of Concord & Oxclose Family Practice",
        service_areas=[{"id": "sa1", "name": "Washington"}],
    )
    [code] = reader.understand(record).residency_codes()
    area = read_area([code])
    sunderland, gateshead = "E08000024", "E08000037"
    assert in_area(area, [sunderland], (54.8990, -1.5180)) is True  # Washington town centre
    assert in_area(area, [gateshead], (54.8920, -1.5790)) is False  # Birtley, 3.7 km away
    assert in_area(area, [sunderland], (54.9060, -1.3830)) is False  # Sunderland city, 9 km away
    # a practice named by its place is that place, as before
    by_place = exported(eligibility_description="Patients of Hindley GP practices only")
    assert [read_place(c).name for c in reader.understand(by_place).residency_codes() if read_place(c)] == [
        "Hindley"
    ]


def test_patients_of_a_towns_gps_live_in_the_town_its_venue_is_in_though_named_short(reader):
    """ "a Weston GP" at a venue in Weston-super-Mare, from a feed that gives no coordinates."""
    venue = venue_at("Weston Museum", "Burlington Street", "Weston-super-Mare", "BS23 1PR")
    record = exported(
        venue,
        description="Art for wellbeing. For patients registered with a Weston GP, referred by their social prescriber.",
        service_areas=[{"id": "sa1", "name": "Weston-super-Mare"}],
    )
    area = read_area(reader.understand(record).residency_codes())
    north_somerset = "E06000024"
    assert in_area(area, [north_somerset], (51.3580, -2.9250)) is True  # Worle, on the town's edge
    assert in_area(area, [north_somerset], (51.4390, -2.8540)) is False  # Clevedon


@pytest.mark.parametrize(
    "fields, ages",
    [
        (
            {"minimum_age": 0, "maximum_age": 120, "eligibility_description": "Over 50s. Wigan borough."},
            (50, None),
        ),
        ({"minimum_age": 0, "maximum_age": 99, "eligibility_description": "Y7+ to 18."}, (11, 18)),
        ({"minimum_age": 18, "maximum_age": 99}, (18, None)),
        ({"minimum_age": 0, "maximum_age": 4}, (None, 4)),
        ({"eligibility_description": "OAPs. Ashton residents."}, (66, None)),
    ],
)
def test_an_exports_no_limit_ages_are_no_limit_and_its_shorthand_is_read(reader, fields, ages):
    found = reader.understand(exported(**fields))
    assert (found.value("min_age"), found.value("max_age")) == ages


def test_who_comes_most_is_not_an_age_limit():
    assert find_ages("Open to all, esp. men 50+ who used to play.")[:2] == (None, None)


def test_an_accessibility_note_on_the_service_is_read(reader):
    found = reader.understand(exported(accessibility_note="Function room 1st floor no lift"))
    assert found.value("wheelchair") == "no"
    described = reader.understand(exported(description="Meets in the upstairs bar (not wheelchair acc.)."))
    assert described.value("wheelchair") == "no"


@pytest.mark.parametrize(
    "fields, groups",
    [
        (
            {
                "description": "Men only shed.",
                "eligibility_description": "Men 18+ - women see Stitch & Natter.",
            },
            ["men"],
        ),
        ({"description": "Men's peer support circle - grief, work stress. Evening. Lads 18+ only."}, ["men"]),
        ({"description": "Community workshop, mainly blokes but ladies welcome too!"}, []),
        (
            {
                "name": "Littleport Men's Shed",
                "description": "Woodwork, repairs. Men and women welcome actually despite the name.",
            },
            [],
        ),
        ({"name": "Hunts Women's Walk", "description": "Open to both women and men, dogs too."}, []),
    ],
)
def test_a_mens_group_said_in_shorthand_and_the_other_sex_sent_elsewhere(reader, fields, groups):
    assert reader.understand(exported(**fields)).group_codes() == groups


@pytest.mark.parametrize(
    "description, closed",
    [
        ("Therapeutic horticulture. Closed - funding ended (Sept 2026). We hope to reopen.", True),
        ("This group has now closed.", True),
        ("No longer running.", True),
        ("Closed on bank holidays.", False),
        ("A closed Facebook group for parents.", False),
        ("The cafe has closed for the summer break.", False),
        ("We have closed to new referrals until March.", False),
        ("PAUSED UNTIL THE NEW YEAR while the kitchen is being refitted - sorry everyone!!", True),
        ("Sessions are on hold until further notice.", True),
        ("The lunch club is closed until March while we find a new cook.", True),
        ("Temporarily closed - see our Facebook page.", True),
        ("Temporarily closed to new referrals.", False),
        ("Our helpline: you may be on hold for a few minutes at busy times.", False),
        ("Closed until 2pm on Mondays for staff training.", False),
        ("Woodwork and bike repair. Paused for winter 2026/27 while the roof is fixed.", True),
        ("Sessions paused over the summer holidays.", False),
        # a part of the service stopped, the rest runs
        ("Phone line only at the moment - the Middlesbrough drop in is paused.", False),
        ("Short breaks for carers. Carers' breaks grant: this fund is now closed until April.", False),
        # a season, not a stop: its timetable says when it runs
        (
            "A warm space with free hot drinks. Runs November to March. Please note: paused from April to October.",
            False,
        ),
        ("Our drop in is paused until the new year.", True),
    ],
)
def test_words_that_say_the_service_has_stopped(reader, description, closed):
    assert reader.understand(exported(description=description)).value("closed", False) is closed


def test_a_service_whose_words_say_it_has_closed_is_not_offered(make_service, make_person, taxonomy, now):
    closed = make_service(km=1, name="Grow Well", needs=["nature_gardening"], says_closed=True)
    open_ = make_service(km=3, name="Allotment Club", needs=["nature_gardening"])
    result = match(make_person(goals="loves gardening"), [closed, open_], taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Allotment Club"]
    assert result.excluded == {"its description says it is not running": 1}


def council(**fields) -> dict:
    """A record from a council's merged "Live Well" directory: no service area, eligibility terms."""
    record = exported(**fields)
    record["service_areas"] = []
    return record


def test_an_eligibility_term_naming_a_boroughs_residents_is_a_limit(reader):
    term = {"id": "t1", "name": "Tameside residents", "vocabulary": "LiveWell-Eligibility"}
    found = reader.understand(council(attributes=[{"id": "a1", "taxonomy_term": term}]))
    assert found.residency_codes() == ["E08000008"]


def test_a_practices_patients_live_around_it_and_the_others_sent_elsewhere_are_no_limit(reader):
    venue = venue_at(
        "Chadderton Health Centre", "Middleton Road", "Chadderton", "OL9 0LH", (53.5460, -2.1400)
    )
    record = council(
        eligibility_description="Patients of Chadderton PCN practices only. GP/SPLW referral only."
    )
    record["service_at_locations"] = [{"id": "sl1", "location": venue}]
    [code] = reader.understand(record).residency_codes()
    assert (place := read_place(code)) is not None and place.name == "Chadderton"
    carers = council(
        eligibility_description="Carers only. Oldham residents only - Rochdale residents see Rochdale Carers Hub."
    )
    assert reader.understand(carers).residency_codes() == ["E08000004"]


def test_towns_named_beside_a_venue_are_a_circle_around_the_venues_own(reader):
    """Hyde is a name more than one council has: the venue's tells which."""
    venue = {
        "id": "l1",
        "name": "Hyde Community Action",
        "addresses": [
            {"id": "a1", "address_1": "Clarendon Place", "city": "Hyde", "postal_code": "SK14 2DB"}
        ],
        "latitude": 53.4515,
        "longitude": -2.0792,
    }
    record = council(eligibility_description="For people living in Hyde, Hattersley and Mottram.")
    record["service_at_locations"] = [{"id": "sl1", "location": venue}]
    [code] = reader.understand(record).residency_codes()
    place = read_place(code)
    assert place is not None and place.name == "Hyde" and place.la == "E08000008" and 5 <= place.km <= 6
    area = read_area([code])
    assert in_area(area, ["E08000008"], (53.4600, -2.0500)) is True  # Hattersley, 2-3 km away
    assert in_area(area, ["E08000005"], (53.6100, -2.1000)) is False  # Milnrow, Rochdale


def test_words_that_name_the_abstinence_a_service_asks_for_are_its_rule(reader):
    found = reader.understand(
        council(
            description="Peer support café for people in recovery. Not suitable for people who are "
            "currently drinking or using - please contact the Recovery Service first."
        )
    )
    assert [f.value for f in found.situations] == ["recovery_abstinent"]


def test_a_venue_description_of_steps_and_a_group_suspended_until_further_notice(reader):
    venue = {
        "id": "l1",
        "name": "Masonic Hall",
        "description": "There are three steps up to the door and no ramp.",
    }
    record = council(description="Support group for people with COPD.")
    record["service_at_locations"] = [{"id": "sl1", "location": venue}]
    assert reader.understand(record).value("wheelchair") == "no"
    suspended = council(
        description="Community garden. Suspended until further notice while the works are done."
    )
    assert reader.understand(suspended).value("closed", False) is True


def test_a_free_line_for_women_is_for_women_and_an_age_when_widowed_is_an_upper_age(reader):
    line = reader.understand(
        exported(description="24-hour free helpline for women experiencing domestic abuse.")
    )
    assert line.group_codes() == ["women"]
    discount = reader.understand(exported(description="Swimming £3, free for carers."))
    assert discount.group_codes() == []
    young_widowed = reader.understand(
        exported(description="Peer support for people widowed at 50 or under. Meet-ups around Cheshire.")
    )
    assert (young_widowed.value("min_age"), young_widowed.value("max_age")) == (None, 50)


@pytest.mark.parametrize(
    "description",
    [
        "Drop-in for women. Access: stairs only to the first-floor room.",
        "Bereavement cafe. Upstairs room, stairs only.",
        "Carers' coffee at the allotment hut. Two steps up into the hut, we're sorry.",
    ],
)
def test_stairs_only_or_steps_into_the_room_is_no_wheelchair_access(reader, description):
    assert reader.understand(exported(description=description)).value("wheelchair") == "no"
