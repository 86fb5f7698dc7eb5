"""Reach: residency limits and how far phone, online and area-wide services go (matching.service).

Areas are GSS codes as a postcode gives them: LA (and county), ward, LSOA, then postcode district.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from matching import check, match
from matching.service import reaches, read_area

TRAFFORD, MANCHESTER, SALFORD, LEEDS = "E08000009", "E08000003", "E08000006", "E08000035"
IN_TRAFFORD = (TRAFFORD, "E05015254", "E01006160", "M33")
IN_MANCHESTER = (MANCHESTER, "E05000697", "M1")
IN_LEEDS = (LEEDS, "LS1")
IN_WALES = ("W06000015", "CF10")
RESIDENCY = "only for people living in the area it serves"


@pytest.fixture
def person(make_person):
    return make_person


# --- residency ----------------------------------------------------------------------------------


def test_a_residency_limit_excludes_people_living_elsewhere_however_near(person, make_service):
    service = make_service(km=1, residency=[SALFORD])
    assert check(person(areas=IN_TRAFFORD), service, 1.0).reasons == [RESIDENCY]
    assert check(person(areas=(SALFORD, "M6")), service, 1.0).allowed


def test_service_area_is_where_a_service_is_available(person, make_service):
    # Published as an ORUK URI, as feeds write it.
    service = make_service(
        km=1, service_area=["http://statistics.data.gov.uk/id/statistical-geography/E08000006"]
    )
    assert check(person(areas=IN_TRAFFORD), service, 1.0).kinds == {"residency"}
    assert check(person(areas=(SALFORD,)), service, 1.0).allowed


def test_residency_wins_over_a_wider_service_area(person, make_service):
    service = make_service(km=1, residency=[TRAFFORD], service_area=[TRAFFORD, MANCHESTER])
    assert check(person(areas=IN_MANCHESTER), service, 1.0).kinds == {"residency"}


@pytest.mark.parametrize(
    "code, areas, allowed",
    [
        ("E05015254", IN_TRAFFORD, True),  # a ward
        ("E05015240", IN_TRAFFORD, False),  # another ward of the same borough
        ("E01006160", IN_TRAFFORD, True),  # an LSOA
        ("E10000017", ("E07000117", "E10000017", "BB11"), True),  # a county above the person's district
        ("M33", IN_TRAFFORD, True),  # a postcode district
        ("M1", IN_TRAFFORD, False),
    ],
)
def test_residency_at_any_level_a_postcode_gives(person, make_service, code, areas, allowed):
    assert check(person(areas=areas), make_service(km=1, residency=[code]), 1.0).allowed is allowed


def test_without_the_persons_area_a_residency_limit_does_not_exclude(person, make_service):
    service = make_service(km=1, residency=[SALFORD])
    assert check(person(), service, 1.0).allowed  # no postcode given: cannot tell, so not a "no"
    # A postcode whose local authority is unknown gives only its district.
    assert check(person(areas=("BB11",)), service, 1.0).allowed


def test_a_postcode_of_unknown_authority_is_outside_every_authority_its_district_does_not_span(
    person, make_service
):
    # Radstock's BA3 is shared by Bath and North East Somerset and Somerset: a service for either
    # may be the person's, one for North Somerset's residents cannot be, nor a North Somerset line.
    radstock = person(areas=("BA3",), possible_areas=("E06000022", "E06000066"))
    assert check(radstock, make_service(km=1, residency=["E06000022"]), 1.0).allowed
    assert check(radstock, make_service(km=1, residency=["E06000024"]), 1.0).reasons == [RESIDENCY]
    line = make_service(km=30, delivery=["phone"], service_area=["E06000024"])
    assert check(radstock, line, 1.0).kinds == {"residency"}


def test_a_line_for_the_authority_few_at_a_shared_postcode_live_in_is_named_only_if_nothing_else_is(
    person, make_service, taxonomy, now
):
    """PL2 is 91% Plymouth, the rest across the Tamar in Cornwall: a Cornwall residents' money line
    may still be his, but probably is not, so it is not listed beside a Plymouth one that surely may
    be; alone, the need is said unmet with it named, for the link worker to check."""
    plymouth, cornwall = "E06000026", "E06000052"
    north_prospect = person(
        areas=("PL2",), possible_areas=(plymouth, cornwall), likely_areas=(plymouth,), needs=("money_debt",)
    )
    line = make_service(
        km=None, delivery=["phone"], residency=[cornwall], needs=["money_debt"], name="Cornwall money line"
    )
    for_plymouth = make_service(km=3, residency=[plymouth], needs=["money_debt"], name="Plymouth money help")
    line_check = check(north_prospect, line, None)
    assert line_check.allowed and line_check.probably_elsewhere
    assert not check(north_prospect, for_plymouth, 3.0).probably_elsewhere
    ranked = match(north_prospect, [line, for_plymouth], taxonomy=taxonomy, now=now)
    assert [m.name for m in ranked.matches] == ["Plymouth money help"]
    assert not ranked.unmet_needs
    # where the district is not mostly one authority's, the line may be his as much as not
    unsure = replace(north_prospect, likely_areas=())
    assert {m.name for m in match(unsure, [line, for_plymouth], taxonomy=taxonomy, now=now).matches} == {
        "Cornwall money line",
        "Plymouth money help",
    }
    alone = match(north_prospect, [line], taxonomy=taxonomy, now=now)
    assert alone.matches == []
    [unmet] = alone.unmet_needs
    assert (
        unmet.need == "money_debt" and "Cornwall money line is for another area's residents" in unmet.reason
    )
    # a venue over the border whose council is only stamped on the record is judged by how far it
    # is; one whose record says in words who may come ("Cornwall residents only") is a check too
    assert not check(north_prospect, make_service(km=1, residency=[cornwall]), 1.0).probably_elsewhere
    said = make_service(km=1, residency=[cornwall], residency_said=True)
    assert check(north_prospect, said, 1.0).allowed and check(north_prospect, said, 1.0).probably_elsewhere
    for_plymouth_said = make_service(km=3, residency=[plymouth], residency_said=True)
    assert not check(north_prospect, for_plymouth_said, 3.0).probably_elsewhere
    # without a likely authority (a district split more evenly), a line stays open, unflagged
    even = person(areas=("DH3",), possible_areas=(plymouth, cornwall))
    assert not check(even, line, None).probably_elsewhere


@pytest.mark.parametrize("values", [["Trafford"], ["E12000002"], ["E47000001"], []])
def test_areas_we_cannot_compare_restrict_nobody(person, make_service, values):
    # A name, a region or a combined authority is not a level a postcode gives us here.
    assert not read_area(values).stated
    assert check(person(areas=IN_LEEDS), make_service(km=1, service_area=values), 1.0).allowed


# --- phone, online and area-wide reach ------------------------------------------------------------


def test_a_trafford_phone_line_is_not_offered_in_leeds(person, make_service):
    line = make_service(km=None, delivery=["phone"], area_wide=True, service_area=[TRAFFORD])
    here = check(person(max_distance_km=5, areas=IN_TRAFFORD), line, None)
    assert here.allowed and here.exemption == "phone"
    leeds = check(person(max_distance_km=5, areas=IN_LEEDS), line, None)
    assert leeds.kinds == {"residency"} and leeds.exemption is None


def test_a_phone_line_whose_area_covers_manchester_is_offered_there(person, make_service):
    line = make_service(km=None, delivery=["phone"], service_area=[TRAFFORD, MANCHESTER])
    assert check(person(max_distance_km=5, areas=IN_MANCHESTER), line, None).exemption == "phone"


@pytest.mark.parametrize("area", [["E92000001"], ["K02000001"], ["K03000001"], ["national"], ["England"]])
def test_a_national_helpline_is_offered_everywhere_in_england(person, make_service, area):
    line = make_service(km=200, delivery=["phone"], service_area=area)
    for areas in (IN_LEEDS, IN_TRAFFORD):
        result = check(person(max_distance_km=5, areas=areas), line, 200.0)
        assert result.allowed and result.exemption == "phone"


def test_an_england_only_service_is_not_offered_in_wales(person, make_service):
    line = make_service(km=200, delivery=["online"], service_area=["E92000001"])
    assert check(person(areas=IN_WALES), line, 200.0).kinds == {"residency"}
    assert check(
        person(areas=IN_WALES), make_service(delivery=["online"], service_area=["K02000001"]), 1.0
    ).allowed


def test_an_empty_area_with_a_venue_means_local_to_the_venues_borough(person, make_service):
    line = make_service(km=40, delivery=["phone"])
    line["locations"][0]["la_code"] = TRAFFORD  # looked up by the app from the venue's postcode
    assert reaches(line, IN_TRAFFORD) is True
    assert check(person(max_distance_km=5, areas=IN_TRAFFORD), line, 40.0).exemption == "phone"
    leeds = check(person(max_distance_km=5, areas=IN_LEEDS), line, 40.0)
    assert leeds.reasons == ["phone service for another area"]


def test_where_the_organisation_works_is_what_its_line_reaches_not_only_its_venues_borough(
    person, make_service
):
    # "We operate in the Greater Manchester and Cheshire areas", from an office in Wilmslow
    line = make_service(km=25, delivery=["phone"], works_in=[TRAFFORD, MANCHESTER, "E06000049"])
    line["locations"][0]["la_code"] = "E06000049"
    assert reaches(line, IN_TRAFFORD) is True
    assert check(person(max_distance_km=5, areas=IN_MANCHESTER), line, 25.0).exemption == "phone"
    assert reaches(line, IN_LEEDS) is False


def test_a_centre_people_go_to_keeps_its_boroughs_reach_though_its_organisation_works_wider(make_service):
    # a Trafford drop-in that also does outreach, run by an organisation working across Greater
    # Manchester, does not come out to someone in Manchester
    centre = make_service(km=20, delivery=["in_person", "outreach"], works_in=[TRAFFORD, MANCHESTER])
    centre["locations"][0]["la_code"] = TRAFFORD
    assert reaches(centre, IN_TRAFFORD) is True
    assert reaches(centre, IN_MANCHESTER) is False


def test_an_empty_area_without_a_venue_means_national(person, make_service):
    line = make_service(km=None, delivery=["online"])
    result = check(person(max_distance_km=5, areas=IN_LEEDS), line, None)
    assert result.allowed and result.exemption == "online"


def test_a_venue_whose_borough_is_unknown_leaves_the_service_open(person, make_service):
    line = make_service(km=40, delivery=["phone"])  # venue postcode, but no LA looked up
    assert check(person(max_distance_km=5, areas=IN_LEEDS), line, 40.0).exemption == "phone"


def test_a_service_you_can_also_visit_is_only_held_to_distance(person, make_service):
    # In person and by phone at a Trafford venue: someone in Manchester can still go there, but the
    # phone line does not lift the distance limit for them.
    service = make_service(km=12, delivery=["in_person", "phone"])
    service["locations"][0]["la_code"] = TRAFFORD
    assert check(person(max_distance_km=5, areas=IN_MANCHESTER), service, 12.0).reasons == [
        "further than 5 km"
    ]
    assert check(person(max_distance_km=20, areas=IN_MANCHESTER), service, 12.0).allowed


def test_area_wide_outreach_is_exempt_only_inside_its_area(person, make_service):
    outreach = make_service(
        km=12, area_wide=True, delivery=["in_person", "outreach"], service_area=[TRAFFORD]
    )
    assert check(person(max_distance_km=5, areas=IN_TRAFFORD), outreach, 12.0).exemption == "area_wide"
    assert check(person(max_distance_km=5, areas=IN_MANCHESTER), outreach, 12.0).exemption is None


def test_a_venue_in_the_former_district_it_serves_is_where_its_people_go(person, make_service):
    """A warm space at Shap for Eden's residents: its venue's authority is Westmorland and Furness
    now, but the venue lies in Eden, so it is met there, not an office, and Alston is 26 km away."""
    eden, westmorland = "E07000030", "E06000064"
    hub = make_service(km=26, area_wide=True, residency=[eden])
    hub["locations"][0].update(la_code=westmorland, areas=[westmorland, eden])
    alston = person(max_distance_km=10, areas=(westmorland, eden, "CA9"))
    assert check(alston, hub, 26.0).reasons == ["further than 10 km"]


def test_a_former_district_cannot_be_told_from_the_authority_that_replaced_it(person, make_service):
    # A postcode known only as North Yorkshire (a district's authority, ONSPD today) may or may not
    # be in Hambleton: a service for Hambleton's residents is left open, one for Somerset's is not.
    northallerton = person(areas=("E06000065", "DL7"), possible_areas=("E07000164", "E07000166"))
    assert check(northallerton, make_service(km=1, residency=["E07000164"]), 1.0).allowed
    assert check(northallerton, make_service(km=1, residency=["E06000066"]), 1.0).reasons == [RESIDENCY]


def test_a_place_the_record_turns_away_is_not_offered_to_people_living_there(person, make_service):
    # "Not for residents of Sale, who should use the town's own service": a circle around Sale,
    # which HOME (Sale Moor) is in
    sale = "place:E08000009:Sale@53.42460,-2.32220,2.5"
    service = make_service(km=1, residency=[TRAFFORD], exclusions=[f"area:{sale}"])
    assert check(person(areas=IN_TRAFFORD), service, 1.0).reasons == ["not for people living in Sale"]
    elsewhere = person(areas=IN_TRAFFORD, lat=53.3875, lng=-2.3497)  # Altrincham, 4 km south
    assert check(elsewhere, service, 1.0).allowed
    # with no home point and only the borough known, nobody is turned away on a guess
    assert check(person(areas=(TRAFFORD,), lat=None, lng=None), service, 1.0).allowed
