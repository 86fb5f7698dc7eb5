"""One test per hard constraint: the service is excluded and the reason says why."""

import pytest

from matching import check, violations
from matching.understanding import normalise
from matching.understanding.practice import find_practice_limit


@pytest.fixture
def person(make_person):
    return make_person


def test_the_default_service_is_allowed(person, make_service):
    assert violations(person(max_distance_km=5), make_service(km=1), 1.0) == []


@pytest.mark.parametrize(
    "age, low, high, excluded",
    [
        (15, 18, None, True),
        (70, None, 65, True),
        (18, 18, 25, False),
        (40, None, None, False),
    ],
)
def test_age_range(person, make_service, age, low, high, excluded):
    service = make_service(minimum_age=low, maximum_age=high)
    assert violations(person(age=age), service, 1.0) == (["outside age range"] if excluded else [])


def test_a_person_without_an_age_passes_any_age_range(person, make_service):
    assert violations(person(), make_service(minimum_age=18, maximum_age=25), 1.0) == []


@pytest.mark.parametrize(
    "status, reason",
    [
        ("temporarily_closed", "temporarily closed"),
        ("inactive", "inactive"),
        ("defunct", "defunct"),
    ],
)
def test_only_active_services(person, make_service, status, reason):
    assert violations(person(), make_service(status=status), 1.0) == [reason]


def test_beyond_max_distance(person, make_service):
    assert violations(person(max_distance_km=5), make_service(km=6), 6.0) == ["further than 5 km"]
    assert violations(person(max_distance_km=5), make_service(km=4.9), 4.9) == []


def test_without_a_limit_a_venue_in_another_region_is_still_too_far(person, make_service):
    assert violations(person(), make_service(km=150), 150.0) == ["further than 30 km"]
    assert violations(person(), make_service(km=25), 25.0) == []
    # a phone line has no journey, and a person without a postcode has no distance
    assert violations(person(), make_service(km=150, delivery=["phone"]), 150.0) == []
    assert violations(person(located=False), make_service(km=150), None) == []


@pytest.mark.parametrize(
    "delivery, exemption", [(["online"], "online"), (["phone"], "phone"), (["in_person", "online"], "online")]
)
def test_remote_services_are_exempt_from_distance_and_labelled(person, make_service, delivery, exemption):
    result = check(person(max_distance_km=5), make_service(km=40, delivery=delivery), 40.0)
    assert result.allowed
    assert result.exemption == exemption


def test_remote_services_are_not_exempt_for_someone_who_wants_in_person(person, make_service):
    service = make_service(km=40, delivery=["in_person", "phone"])
    assert violations(person(max_distance_km=5, delivery="in_person"), service, 40.0) == ["further than 5 km"]


def test_area_wide_service_covering_the_persons_area_is_exempt(person, make_service):
    service = make_service(
        km=12, area_wide=True, delivery=["in_person", "outreach"], service_area=["E08000009"]
    )
    result = check(person(max_distance_km=5, areas=("E08000009", "M33")), service, 12.0)
    assert result.allowed and result.exemption == "area_wide"
    # Its service area is Trafford: someone living in Manchester is outside it (tests/matching/test_reach.py).
    elsewhere = check(person(max_distance_km=5, areas=("E08000003",)), service, 12.0)
    assert elsewhere.exemption is None
    assert elsewhere.reasons == ["only for people living in the area it serves", "further than 5 km"]


def test_a_group_for_a_whole_borough_met_only_at_its_venue_is_as_far_as_its_venue(person, make_service):
    group = make_service(km=12, area_wide=True, delivery=["in_person"], service_area=["E08000009"])
    near_by = person(max_distance_km=5, areas=("E08000009", "M33"))
    assert violations(near_by, group, 12.0) == ["further than 5 km"]
    # a venue whose point is not known is not "no travel needed" either
    unplaced = make_service(km=None, area_wide=True, delivery=["in_person"], service_area=["E08000009"])
    unplaced["locations"] = [{"name": "Ellesmere Port Library", "postcode": None}]
    assert violations(near_by, unplaced, None) == ["location not recorded"]


def test_a_borough_wide_service_whose_only_address_is_an_office_in_another_borough_covers_its_borough(
    person, make_service
):
    # "Advice to all residents within the Borough of Trafford", at a Manchester city-centre
    # postcode (a charity register's registered address): its people are not met there.
    advice = make_service(km=8, area_wide=True, delivery=["in_person"], residency=["E08000009"])
    advice["locations"][0]["la_code"] = "E08000003"
    near_by = person(max_distance_km=5, areas=("E08000009", "M33"))
    assert check(near_by, advice, 8.0).exemption == "area_wide"
    # the same office inside the borough it serves is where its people go
    advice["locations"][0]["la_code"] = "E08000009"
    assert violations(near_by, advice, 8.0) == ["further than 5 km"]
    # and an office whose authority was not looked up says nothing about where people go
    del advice["locations"][0]["la_code"]
    assert violations(near_by, advice, 8.0) == ["further than 5 km"]


def test_an_office_that_is_borough_wide_by_its_phone_line_is_too_far_for_someone_going_in_person(
    person, make_service
):
    advice = make_service(km=5.1, area_wide=True, delivery=["in_person", "phone"], service_area=["E06000004"])
    going = person(max_distance_km=5, delivery="in_person", areas=("E06000004", "TS23"))
    assert violations(going, advice, 5.1) == ["further than 5 km"]
    # a service that visits comes to them wherever its office is; a caller needs no office
    visiting = make_service(
        km=12, area_wide=True, delivery=["in_person", "home_visits"], service_area=["E06000004"]
    )
    assert check(going, visiting, 12.0).exemption == "area_wide"
    calling = person(max_distance_km=5, areas=("E06000004", "TS23"))
    assert check(calling, advice, 5.1).exemption == "phone"


def test_in_person_service_without_coordinates_is_excluded_when_distance_matters(person, make_service):
    service = make_service(km=None)
    assert violations(person(max_distance_km=5), service, None) == ["location not recorded"]
    assert violations(person(), service, None) == []


def test_free_only(person, make_service):
    assert violations(person(free_only=True), make_service(cost_band="paid"), 1.0) == ["not free"]
    assert violations(person(free_only=True), make_service(cost_band="low_cost"), 1.0) == ["not free"]
    assert violations(person(), make_service(cost_band="paid"), 1.0) == []


def test_unknown_cost_is_allowed_with_a_warning(person, make_service):
    result = check(person(free_only=True), make_service(cost_band="unknown", cost_text=None), 1.0)
    assert result.allowed and "cost not recorded" in result.warnings


def test_wheelchair(person, make_service):
    assert violations(person(wheelchair=True), make_service(wheelchair=False), 1.0) == [
        "no wheelchair access"
    ]
    unknown = check(person(wheelchair=True), make_service(wheelchair=None), 1.0)
    assert unknown.allowed and unknown.warnings == ["wheelchair access not recorded"]
    # step-free access does not matter for a phone service
    assert violations(person(wheelchair=True), make_service(wheelchair=False, delivery=["phone"]), 1.0) == []


def test_days(person, make_service):
    thursdays = make_service(
        days=["TH"], schedules=[{"byday": ["TH"], "opens_at": "10:00", "closes_at": "12:00"}]
    )
    assert violations(person(days=("TU",)), thursdays, 1.0) == ["not open on Tuesday"]
    assert violations(person(days=("TU", "TH")), thursdays, 1.0) == []


def test_no_timetable_is_allowed_with_a_warning(person, make_service):
    result = check(person(days=("TU",)), make_service(days=[], schedules=[]), 1.0)
    assert result.allowed and result.warnings == ["times not recorded"]


def test_online_only_excludes_in_person_services(person, make_service):
    assert violations(person(delivery="online_only"), make_service(), 1.0) == ["in person only"]
    assert violations(person(delivery="online_only"), make_service(delivery=["phone"]), 1.0) == []


def test_in_person_only_excludes_remote_services(person, make_service):
    assert violations(person(delivery="in_person"), make_service(delivery=["online"]), 1.0) == [
        "no in-person option"
    ]


def test_eligibility_groups(person, make_service):
    carers_only = make_service(eligibility=["carers"])
    assert violations(person(), carers_only, 1.0) == ["only for carers"]
    assert violations(person(circumstances=("veterans",)), carers_only, 1.0) == ["only for carers"]
    assert violations(person(circumstances=("carers",)), carers_only, 1.0) == []


def test_a_young_carer_is_not_sent_to_a_group_for_adult_carers(person, make_service):
    walk = make_service(
        name="Carers Walk & Talk",
        eligibility=["carers"],
        description="Gentle walk then coffee, for carers who need a breather.",
    )
    young_carer = person(circumstances=("carers",), age=11)
    assert violations(young_carer, walk, 1.0) == ["for adult carers, not a young carer"]
    assert check(person(circumstances=("carers",), age=45), walk, 1.0).allowed
    assert check(person(circumstances=("carers",), age=16), walk, 1.0).allowed
    young = make_service(name="Young Carers Club", eligibility=["carers"], description="For young carers.")
    assert check(young_carer, young, 1.0).allowed
    # a carers' line gives the family advice whoever rings it
    line = make_service(name="Carers Line", eligibility=["carers"], delivery=["phone"])
    assert check(young_carer, line, 1.0).allowed


def test_lgbtq_carers_only_is_for_people_who_are_both(person, make_service):
    group = make_service(eligibility=["carers", "lgbtq"])
    assert not check(person(circumstances=("lgbtq",)), group, 1.0).allowed
    assert not check(person(circumstances=("carers",)), group, 1.0).allowed
    assert check(person(circumstances=("carers", "lgbtq")), group, 1.0).allowed
    # a memory café for people with dementia and their carers is for either
    cafe = make_service(eligibility=["people_with_dementia", "carers"])
    assert check(person(circumstances=("carers",)), cafe, 1.0).allowed


def test_every_reason_is_listed(person, make_service):
    service = make_service(km=9, status="inactive", cost_band="paid", wheelchair=False)
    reasons = violations(person(max_distance_km=5, free_only=True, wheelchair=True), service, 9.0)
    assert reasons == ["inactive", "further than 5 km", "not free", "no wheelchair access"]


def test_a_limit_to_a_neighbourhood_turns_away_the_rest_of_its_city(person, make_service):
    harpurhey = "place:E08000003:Harpurhey@53.50848,-2.20988,2.5"
    befriending = make_service(residency=["E08000003", harpurhey], km=1)
    near = person(lat=53.51, lng=-2.205, areas=("E08000003",))
    across_the_city = person(lat=53.456, lng=-2.192, areas=("E08000003",))
    assert violations(near, befriending, 1.0) == []
    assert violations(across_the_city, befriending, 1.0) == ["only for people living in the area it serves"]


def test_a_babies_group_is_not_for_a_parent_whose_youngest_is_older(person, make_service):
    bumps = make_service(
        name="Bumps & Babies", description="For parents who are pregnant or with a baby under 1."
    )
    toddlers = make_service(
        name="Toddler Time", description="Stay and play for under 5s and their grown-ups."
    )
    dad = person(goals="dad 31, 18 month old, lost his job in Sept, partner has PND")
    assert violations(dad, bumps, 1.0) == ["for baby under 1"]
    # "under 1" stops at the first birthday; "0-12 months" takes the twelfth month
    one_year_old = person(goals="mum, baby 12 months, no one to talk to")
    assert violations(one_year_old, bumps, 1.0) == ["for baby under 1"]
    massage = make_service(name="Baby Massage", description="For babies 0-12 months and their parents.")
    assert violations(one_year_old, massage, 1.0) == []
    assert violations(person(goals="mum, baby 13 months"), massage, 1.0) == ["for children aged 0-12 months"]
    assert violations(dad, toddlers, 1.0) == []
    # a baby young enough, a pregnancy, or no child's age said: nothing to hold it back
    for goals in (
        "baby 4 months, feels flat all the time",
        "6 months pregnant, first baby",
        "new mum, lonely",
    ):
        assert violations(person(goals=goals), bumps, 1.0) == []
    # a crèche's age, or a price, is not who the group is for
    creche = make_service(name="Baby & Me Yoga", description="Mums' yoga; creche for under 2s.")
    assert violations(person(goals="my daughter is 3, wants yoga"), creche, 1.0) == []


def test_a_toddler_group_is_not_for_a_mother_whose_children_are_all_at_school(person, make_service):
    stay_and_play = make_service(name="Little Stars Stay & Play", description="Play, songs and a cuppa.")
    tots = make_service(name="Manor Tots", description="Weekly group at the community centre.")
    womens_group = make_service(name="Bangladeshi Women's Group", description="Chat, crafts and a cuppa.")
    baby_loss = make_service(name="Baby Loss Support", description="For parents after a miscarriage.")
    mum = person(goals="Mrs B, 41, crying a lot, husband on nights, kids at school, wants to meet women")
    for group in (stay_and_play, tots):
        assert violations(mum, group, 1.0) == ["for babies and toddlers with their grown-ups"]
    assert violations(mum, womens_group, 1.0) == [] and violations(mum, baby_loss, 1.0) == []
    # a younger one at home, a baby clinic, or no word of school: nothing to hold it back
    for goals in (
        "kids at school and a toddler at home, lonely",
        "seen at baby clinic, not allowed out except school run",
        "3 kids under 8, head all over",
        "grandkids at school, I mind them after",
    ):
        assert violations(person(goals=goals), stay_and_play, 1.0) == [], goals


def test_a_new_parents_family_opens_a_service_for_families_in_the_search_filters_too(make_person):
    # the groups the search filters on (retrieval), not only the matcher's own check
    assert (
        "families"
        in make_person(goals="baby 4 months, low", circumstances=("pregnant_new_parents",)).eligible_groups
    )
    assert "families" not in make_person(goals="low").eligible_groups


def _for_patients_of(make_service, description):
    """A service as the search document has it after the understanding step read its words."""
    found = find_practice_limit(normalise({"name": "A service", "description": description}))
    return make_service(description=description, practice_limit=found.value if found else None)


def test_a_service_for_one_practices_patients_is_not_for_someone_registered_at_another(
    make_person, make_service
):
    """ "For patients of Carlisle Healthcare only": the Brampton woman registered at Brampton surgery
    is not one; someone who names no practice, or that one, may be."""
    art = _for_patients_of(
        make_service,
        "10-week art course for low mood. For patients of Carlisle Healthcare only - referral from the GP.",
    )
    brampton = make_person(goals="45F, Brampton, registered at Brampton surgery. Anxiety since redundancy.")
    assert "only for patients of Carlisle Healthcare" in violations(brampton, art, 1.0)
    assert violations(make_person(goals="45F, anxiety since redundancy, loves art."), art, 1.0) == []
    theirs = make_person(goals="Registered with Carlisle Healthcare, anxious since redundancy.")
    assert violations(theirs, art, 1.0) == []
    walks = _for_patients_of(
        make_service,
        "Led walks. For patients registered with a GP practice in the Sprowston and Old Catton area.",
    )
    warwick = make_person(goals="76, Warwick town, registered at a Warwick practice. Had a fall.")
    leamington = _for_patients_of(
        make_service, "Strength and balance. Patients registered with a Leamington GP."
    )
    assert violations(warwick, leamington, 1.0) == ["only for patients of a Leamington GP"]
    hellesdon = make_person(goals="Dx Parkinson's 6 months ago, pt 66 retired. Hellesdon GP not Sprowston.")
    assert violations(hellesdon, walks, 1.0) == [
        "only for patients of a GP practice in the Sprowston and Old Catton area"
    ]
    # a network's patients may be at any of its practices
    network = _for_patients_of(make_service, "Patients of Chadderton PCN practices only.")
    assert violations(make_person(goals="registered at Werneth surgery"), network, 1.0) == []
    # "registered with a GP practice" is anyone registered anywhere
    anyone = _for_patients_of(
        make_service, "Talking therapies. Self-refer if you are registered with a GP practice."
    )
    assert violations(brampton, anyone, 1.0) == []


def test_the_practice_a_service_is_for_is_read_with_its_words_for_the_curator():
    found = find_practice_limit(
        normalise(
            {
                "name": "Arts on prescription",
                "eligibility_description": "Patients registered at Oakwood Surgery only.",
            }
        )
    )
    assert found is not None
    assert found.value == {"name": "Oakwood Surgery", "words": ["oakwood"]}
    assert found.source == "eligibility" and "Oakwood Surgery" in found.evidence
    # a network, or any practice at all, is not one practice
    for words in (
        "Patients of Chadderton PCN practices only.",
        "Open to anyone registered with a GP practice.",
    ):
        assert find_practice_limit(normalise({"name": "x", "description": words})) is None


def test_a_towns_practices_are_read_with_those_it_lists_and_a_councils_are_where_people_live(reader):
    def practice(words: str):
        found = reader.understand({"id": "s1", "name": "Walks", "eligibility_description": words}).practice
        return found.value if found else None

    assert practice("65+, registered with a Leamington GP, by referral") == {
        "name": "a Leamington GP",
        "words": ["leamington"],
    }
    assert practice("Registered with a Penrith GP (Birbeck / Lakes).")["words"] == [
        "birbeck",
        "lakes",
        "penrith",
    ]
    # a council's practices: the residency reading holds where their patients live
    assert practice("Adults 18+ registered with a Bolton GP.") is None
    assert practice("Registered with a Tameside or Glossop GP.") is None


def test_a_class_for_after_cardiac_rehab_is_not_for_someone_who_has_not_started_it(
    person, make_service, reader
):
    record = {
        "name": "Heart to Heart Cardiac Support",
        "description": "Exercise classes and a cuppa. Patients must have completed phase 3 rehab at the hospital.",
    }
    understood = {f.value for f in reader.understand(normalise(record)).situations}
    assert "rehab_finished" in understood
    club = make_service(**record, situations=sorted(understood))
    waiting = person(
        goals="M 58, MI 2 wks ago, home from hospital, not started cardiac rehab yet. Gone quiet.",
        situations=("heart",),
    )
    unfinished = "only for people who have finished cardiac or pulmonary rehab"
    assert violations(waiting, club, 1.0) == [unfinished]
    # ("wants to continue after rehab" is past it, not before it)
    carrying_on = person(goals="MI last year, wants to continue after rehab", situations=("heart",))
    assert check(carrying_on, club, 1.0).violations == []
    for goals in ("Wants to get to pulm rehab but no transport", "Pulm rehab offered and declined"):
        assert violations(person(goals=goals, situations=("heart",)), club, 1.0) == [unfinished], goals
    # words that say nothing of rehab leave a check; the rehab done opens it
    unsaid = check(
        person(goals="heart attack last year, wants to get fitter", situations=("heart",)), club, 1.0
    )
    assert unsaid.violations == [] and "rehab_finished" in unsaid.unconfirmed
    done = person(
        goals="Heart attack in June, finished cardiac rehab in Oct", situations=("heart", "rehab_finished")
    )
    assert check(done, club, 1.0).violations == [] and check(done, club, 1.0).unconfirmed == []
    # "a good next step after rehab" recommends; it does not require
    advice = normalise({"name": "Heart club", "description": "A good next step after cardiac rehab."})
    assert "rehab_finished" not in {f.value for f in reader.understand(advice).situations}


def test_an_english_club_not_for_total_beginners_is_not_for_someone_with_no_english(
    person, make_service, reader
):
    record = {
        "name": "English Conversation Club on Zoom",
        "description": "Practise speaking English with volunteers. All levels except total beginners.",
    }
    exclusions = sorted(f.value for f in reader.understand(normalise(record)).exclusions)
    assert exclusions == ["no_english"]
    club = make_service(**record, exclusions=exclusions)
    for goals in (
        "Angolan mum, wants English - total beginner. Portuguese only.",
        "Sylheti only, son interpreting",
        "doesn't speak any English yet",
    ):
        assert violations(person(goals=goals), club, 1.0) == ["not for people with no English yet"], goals
    assert violations(person(goals="Arabic, some English, wants to practise"), club, 1.0) == []
    # beginners turned away from a running club are beginners at running
    running = normalise(
        {"name": "Harriers", "description": "Club runs. Not suitable for beginners. English spoken."}
    )
    assert [f.value for f in reader.understand(running).exclusions] == []


def test_a_bike_ride_is_not_for_a_wheelchair_user_unless_it_says_it_suits_one(person, make_service):
    cycling = make_service(
        name="Bedminster Community Cycling", description="Led rides for adults.", wheelchair=True
    )
    adapted = make_service(
        name="Wheels for All cycling", description="Adapted bikes and trikes.", wheelchair=None
    )
    health_walk = make_service(
        name="Park Health Walk", description="A gentle hour on flat paths.", wheelchair=None
    )
    chair_user = person(
        goals="arthritis both knees, in a wheelchair outside the house. Wants gentle exercise."
    )
    # (a venue with step-free access does not make a bike ride one a wheelchair user can join)
    assert violations(chair_user, cycling, 1.0) == ["cycling, not said to suit a wheelchair user"]
    assert violations(chair_user, adapted, 1.0) == [] and violations(chair_user, health_walk, 1.0) == []
    # a husband's wheelchair is not hers
    assert violations(person(goals="carer, husband uses a wheelchair"), cycling, 1.0) == []


def test_a_veterans_association_of_one_service_is_not_for_a_veteran_of_another(person, make_service):
    rna = make_service(
        name="Royal Naval Association social", description="Branch social for ex-Royal Navy, RM and RFA only."
    )
    rafa = make_service(
        name="RAFA Shifnal Branch", description="Welfare and a brew for ex-RAF and their families."
    )
    army = make_service(
        name="Veterans drop in", description="For ex-army personnel only (RAF lads see Cosford)."
    )
    everyone = make_service(
        name="Armed Forces Breakfast Club", description="Lots of ex-navy and RAF come; all welcome."
    )
    gurkha = person(goals="Grandad ex-Gurkha, little English, pension forms confusing, sits at home.")
    assert violations(gurkha, rna, 1.0) == ["only for veterans of the Royal Navy and Royal Marines"]
    assert violations(gurkha, rafa, 1.0) == ["only for veterans of the RAF"]
    assert violations(gurkha, army, 1.0) == [] and violations(gurkha, everyone, 1.0) == []
    assert violations(person(goals="Ex-navy, 71, gone quiet since his mate died"), army, 1.0) == [
        "only for veterans of the Army"
    ]
    # words that name no service, or a merchant seaman's, hold nothing back
    for goals in ("veteran, lonely, likes a pint", "merchant navy 30 years, lonely"):
        assert violations(person(goals=goals), rna, 1.0) == [], goals
