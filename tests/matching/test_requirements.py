"""Unmet needs said precisely: out of reach, or met for everyone but not for this person."""

from __future__ import annotations

import json

import pytest

from matching import NeedsTaxonomy, adequate_counts, match
from matching.need_inference import InferredNeed
from matching.requirements import languages_needed
from tests.matching.conftest import SHIPPED


def test_a_need_met_only_beyond_its_reach_is_reported_with_the_nearest(
    make_service, make_person, taxonomy, now
):
    far = make_service(km=7.2, name="Lunch club")  # loneliness reach is 3 km in the test taxonomy
    result = match(make_person(needs=("loneliness",)), [far], taxonomy=taxonomy, now=now)
    assert [m.service_id for m in result.matches] == [far["id"]]  # still shown: it is the best there is
    (unmet,) = result.unmet_needs
    assert unmet.need == "loneliness" and unmet.nearest_service_id == far["id"]
    assert (
        unmet.reason == "no loneliness and isolation service within 3 km; nearest is Lunch club, 7.2 km away"
    )
    assert adequate_counts(result) == {"loneliness": 0}  # counted as unmet demand for the gap report


def test_the_persons_own_distance_limit_is_the_reach(make_service, make_person, taxonomy, now):
    service = make_service(km=7.2)
    result = match(
        make_person(needs=("loneliness",), max_distance_km=10), [service], taxonomy=taxonomy, now=now
    )
    assert result.unmet_needs == [] and adequate_counts(result) == {"loneliness": 1}


def test_a_phone_service_covering_the_person_meets_the_need_wherever_it_is(
    make_service, make_person, taxonomy, now
):
    line = make_service(km=40, delivery=["phone"], name="Silver Line")
    result = match(make_person(needs=("loneliness",)), [line], taxonomy=taxonomy, now=now)
    assert result.unmet_needs == []


def test_a_specific_requirement_nothing_meets_is_said_out_loud(
    make_service, make_person, taxonomy, taxonomy_data, now
):
    general = make_service(km=0.8, name="Coffee club", description="Coffee and a chat for anyone.")
    result = match(
        make_person(needs=("loneliness",), goals="ex-navy, lonely"), [general], taxonomy=taxonomy, now=now
    )
    assert [m.service_id for m in result.matches] == [general["id"]]
    (unmet,) = result.unmet_needs
    assert unmet.requirement == "veterans" and unmet.label == "Loneliness and isolation for veterans"
    assert unmet.reason.startswith("no loneliness and isolation service for veterans within 3 km")
    assert adequate_counts(result) == {"loneliness": 0}


def test_the_service_meeting_a_requirement_is_kept_in_a_short_list(make_service, make_person, taxonomy, now):
    crowd = [make_service(km=0.2 + i / 10, name=f"Group {i}") for i in range(5)]
    veterans = make_service(
        km=2.5,
        name="Veterans' breakfast",
        description="For armed forces veterans.",
        last_verified_at="2023-01-01T00:00:00Z",
    )
    result = match(
        make_person(needs=("loneliness",), goals="veteran, lonely"),
        [*crowd, veterans],
        taxonomy=taxonomy,
        now=now,
        limit=3,
    )
    assert veterans["id"] in [m.service_id for m in result.matches]
    assert result.unmet_needs == []


def test_requirement_beyond_reach_names_the_nearest_that_meets_it(make_service, make_person, taxonomy, now):
    general = make_service(km=0.5, name="Coffee club")
    veterans = make_service(km=12, name="Veterans' breakfast", description="For veterans.")
    result = match(
        make_person(needs=("loneliness",), goals="ex-RAF, lonely"),
        [general, veterans],
        taxonomy=taxonomy,
        now=now,
    )
    (unmet,) = result.unmet_needs
    assert unmet.nearest_service_id == veterans["id"] and unmet.nearest_km == 12.0


def test_a_language_the_person_needs_is_a_requirement(make_service, make_person, taxonomy, now):
    english_only = make_service(km=0.6, name="Lunch club", description="A friendly lunch club.")
    person = make_person(needs=("loneliness",), goals="Speaks Cantonese and very little English, lonely")
    (unmet,) = match(person, [english_only], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "language:cantonese"
    assert unmet.reason.startswith("no loneliness and isolation service in Cantonese")
    chinese = make_service(
        km=2.0, name="Wai Yin elders", description="Chinese elders' lunch club in Cantonese."
    )
    result = match(person, [english_only, chinese], taxonomy=taxonomy, now=now)
    assert result.unmet_needs == [] and chinese["id"] in [m.service_id for m in result.matches]


@pytest.mark.parametrize(
    "goals, needed",
    [
        ("71, Cantonese only (daughter interpreting). Very lonely.", ["cantonese"]),
        ("Pakistani lady, mainly Urdu (daughter translated), lonely", ["urdu"]),
        ("Only speaks Polish, lonely since his wife went home", ["polish"]),
        ("From Sudan, Arabic, some English. Lonely.", []),
        ("Polish man, English so-so, lonely", []),
    ],
)
def test_one_language_noted_as_all_the_person_has_is_a_requirement(goals, needed):
    assert languages_needed(goals) == needed


def test_a_childs_need_is_met_only_by_a_service_that_takes_children(make_service, make_person, taxonomy, now):
    adults = make_service(
        km=0.7, name="Carers' Centre", needs=["carers"], description="Breaks, advice and a chat for carers."
    )
    person = make_person(needs=("carers",), goals="14, looks after his mum", age=14)
    (unmet,) = match(person, [adults], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "children" and unmet.reason.startswith(
        "no carers service for children and young people"
    )
    young = make_service(
        km=3, name="Young Carers Club", needs=["carers"], description="For young carers aged 8-17."
    )
    result = match(person, [adults, young], taxonomy=taxonomy, now=now)
    assert result.unmet_needs == [] and young["id"] in [m.service_id for m in result.matches]
    # an adult's need is met by the carers' centre as before
    assert (
        match(make_person(needs=("carers",), age=40), [adults], taxonomy=taxonomy, now=now).unmet_needs == []
    )


def test_a_child_is_offered_services_that_take_children_first(make_service, make_person, taxonomy, now):
    adults = make_service(
        km=0.5, name="Hearing Voices Peer Support", needs=["mental_wellbeing"], description="A peer group."
    )
    children = make_service(
        km=4,
        name="Sunny Days",
        needs=["mental_wellbeing"],
        description="Wellbeing sessions for children 8-12.",
    )
    child = make_person(needs=("mental_wellbeing",), goals="ten year old, gone into herself", age=10)
    offered = [m.service_id for m in match(child, [adults, children], taxonomy=taxonomy, now=now).matches]
    assert offered == [children["id"], adults["id"]]
    adult = make_person(needs=("mental_wellbeing",), goals="low", age=35)
    offered = [m.service_id for m in match(adult, [adults, children], taxonomy=taxonomy, now=now).matches]
    assert offered[0] == adults["id"]


def test_a_named_condition_is_met_by_a_group_for_it_or_for_any_condition_not_for_another(
    make_service, make_person, taxonomy, now
):
    person = make_person(needs=("long_term_conditions",), goals="Has COPD and gets breathless on the stairs")
    parkinsons = make_service(
        km=0.5,
        needs=["long_term_conditions"],
        name="Parkinson's exercise",
        description="For people with Parkinson's.",
    )
    result = match(person, [parkinsons], taxonomy=taxonomy, now=now)
    (unmet,) = result.unmet_needs
    assert unmet.requirement == "condition:lung"
    assert "service for people with a lung condition within" in unmet.reason

    breathe = make_service(
        km=1.5, needs=["long_term_conditions"], name="Breathe Easy", description="Singing for lung health."
    )
    general = make_service(
        km=1.0,
        needs=["long_term_conditions"],
        name="Living Well",
        description="A course for any long-term condition.",
    )
    for meets in (breathe, general):
        assert match(person, [parkinsons, meets], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_wants_to_meet_others_whove_been_through_it_needs_a_group_for_their_condition(
    make_service, make_person, taxonomy, now
):
    wants_peers = make_person(
        needs=("long_term_conditions",),
        goals="had a stroke in the spring, wants to meet others whove been through it",
    )
    general = make_service(
        km=1.0,
        needs=["long_term_conditions"],
        name="Exercise Referral",
        description="Gym sessions for any condition.",
    )
    (unmet,) = match(wants_peers, [general], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "condition_peers:stroke"
    club = make_service(
        km=2.0, needs=["long_term_conditions"], name="Stroke Club", description="For stroke survivors."
    )
    assert match(wants_peers, [general, club], taxonomy=taxonomy, now=now).unmet_needs == []
    # "a class for people with PD", "a breathe easy type group" ask the same
    for goals, condition in [
        ("69, Parkinson's 5 yrs. Physio said keep moving - wants a class for people with PD.", "parkinsons"),
        ("COPD, on oxygen. Consultant told him to find a breathe easy type group.", "lung"),
        # a group named for the condition
        ("61F, MI in Oct, scared to do anything. Cardiac nurse said find a heart support group.", "heart"),
    ]:
        (unmet,) = match(
            make_person(needs=("long_term_conditions",), goals=goals), [general], taxonomy=taxonomy, now=now
        ).unmet_needs
        assert unmet.requirement == f"condition_peers:{condition}"
    # without asking for peers, the general service meets a stroke survivor's need
    plain = make_person(
        needs=("long_term_conditions",), goals="had a stroke in the spring, wants to get stronger"
    )
    assert match(plain, [general], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_condition_named_once_is_said_unmet_when_the_person_asks_for_others_with_it(
    make_service, make_person, taxonomy, now
):
    """ "COPD" alone reads the need too weakly to call it unmet; asking for "a group with others with
    bad chests" makes it what the person came for, so nothing for lungs in reach is said."""
    general = make_service(
        km=1.0, needs=["long_term_conditions"], name="Exercise Referral", description="Gym sessions."
    )
    weakly = [InferredNeed("long_term_conditions", 0.5, ("copd",))]
    asks = make_person(
        goals="COPD flare, now in a wheelchair. He'd like a singing group with others with bad chests."
    )
    (unmet,) = match(asks, [general], taxonomy=taxonomy, now=now, inferred_needs=weakly).unmet_needs
    assert unmet.need == "long_term_conditions" and unmet.requirement == "condition_peers:lung"
    mentions = make_person(goals="COPD flare last month. Wife says he needs to get out more.")
    assert match(mentions, [general], taxonomy=taxonomy, now=now, inferred_needs=weakly).unmet_needs == []


def test_what_the_person_is_recovering_from_is_met_by_a_service_for_it_or_for_any_addiction(
    make_service, make_person, taxonomy, now
):
    gambler = make_person(needs=("addiction_recovery",), goals="lost his wages on the bookies app again")
    drugs_and_alcohol = make_service(
        km=1,
        needs=["addiction_recovery"],
        name="Drug & Alcohol Service",
        description="Structured treatment for drug and alcohol use: detox, key working.",
    )
    result = match(gambler, [drugs_and_alcohol], taxonomy=taxonomy, now=now)
    (unmet,) = result.unmet_needs
    assert unmet.requirement == "addiction:gambling"
    assert "for gambling" in unmet.reason
    # the drink and drugs service is named for the link worker, not said to meet his need
    assert unmet.alternatives == ["for another addiction: Drug & Alcohol Service"]
    assert all("addiction_recovery" not in m.needs_met for m in result.matches)
    group = make_service(
        km=3, needs=["addiction_recovery"], name="Gambling Support Group", description="Peer support."
    )
    smart = make_service(
        km=4,
        needs=["addiction_recovery"],
        name="SMART Recovery",
        description="Tools for any addictive behaviour.",
    )
    for meets in (group, smart):
        assert match(gambler, [drugs_and_alcohol, meets], taxonomy=taxonomy, now=now).unmet_needs == []
    # a drinker who says gambling is not his problem is met by the drug and alcohol service
    drinker = make_person(needs=("addiction_recovery",), goals="no gambling problem, drinking most days")
    assert match(drinker, [drugs_and_alcohol], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_only_goes_to_women_only_sessions_is_told_when_none_is_in_reach(
    make_service, make_person, taxonomy, now
):
    swimmer = make_person(
        needs=("physical_activity",), goals="wants to swim but only women-only sessions, female staff (faith)"
    )
    mixed = make_service(km=1, needs=["physical_activity"], name="Public swim", description="Lane swimming.")
    (unmet,) = match(swimmer, [mixed], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "women"
    assert unmet.reason.startswith("no physical activity service for women within")
    ladies = make_service(
        km=2, needs=["physical_activity"], name="Ladies Swim", description="Women only, female lifeguards."
    )
    result = match(swimmer, [mixed, ladies], taxonomy=taxonomy, now=now)
    assert result.unmet_needs == [] and ladies["id"] in [m.service_id for m in result.matches]
    insists = make_person(needs=("physical_activity",), goals="no mixed groups, women-only please")
    assert match(insists, [mixed], taxonomy=taxonomy, now=now).unmet_needs[0].requirement == "women"
    # said as a wish that can give way, a mixed session still meets it
    relaxed = make_person(
        needs=("physical_activity",), goals="would prefer women-only but will try a mixed swim"
    )
    assert match(relaxed, [mixed], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_record_saying_there_is_no_mens_group_is_not_one(make_service, make_person, taxonomy, now):
    fisherman = make_person(
        needs=("loneliness",),
        goals="Wants something with other blokes, a shed or summat",
        circumstances=("men",),
    )
    warm_space = make_service(
        km=1,
        needs=["loneliness"],
        name="Warm Space",
        description="Soup, papers and the woodburner. There's no men's group on the Lizard at all, people ask.",
    )
    (unmet,) = match(fisherman, [warm_space], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "men"


def test_a_family_with_no_food_is_not_met_by_a_luncheon_club(make_service, make_person, taxonomy, now):
    skint = make_person(needs=("food",), goals="skint till payday, missing meals so the kids can eat")
    lunch = make_service(km=1, needs=["food"], name="Luncheon Club", description="Two-course lunch, £4.")
    (unmet,) = match(skint, [lunch], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "food:aid"
    assert unmet.reason.startswith("no food bank, pantry or free meal within")
    pantry = make_service(
        km=2, needs=["food"], name="Community Pantry", description="£3.50 for a bag of food."
    )
    assert match(skint, [lunch, pantry], taxonomy=taxonomy, now=now).unmet_needs == []
    # someone who wants to eat with others is met by the luncheon club
    company = make_person(needs=("food",), goals="would like a hot dinner with others now and then")
    assert match(company, [lunch], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_asks_for_somewhere_warm_to_sit_is_not_met_by_energy_advice(
    make_service, make_person, taxonomy, now
):
    cold = make_person(
        needs=("fuel_energy",),
        goals="can't afford the heating in the day, wants somewhere warm to sit she can get to on the bus",
    )
    advice = make_service(
        km=None,
        needs=["fuel_energy"],
        name="Money Advice",
        description="Debt, benefits and energy bills advice by phone.",
        delivery=["phone"],
        area_wide=True,
    )
    (unmet,) = match(cold, [advice], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "fuel_energy:warm_space"
    assert unmet.reason.startswith("no warm space within")
    hub = make_service(
        km=2, needs=["fuel_energy"], name="Warm Hub", description="A warm space with hot drinks."
    )
    assert match(cold, [advice, hub], taxonomy=taxonomy, now=now).unmet_needs == []
    # someone whose bills are the worry is met by the advice
    bills = make_person(needs=("fuel_energy",), goals="gas bill gone up, can't pay it")
    assert match(bills, [advice], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_misses_singing_is_not_met_by_a_writing_group(make_service, make_person, taxonomy, now):
    singer = make_person(
        needs=("arts_creativity",),
        goals="66F, MS, uses a wheelchair. Sang in the chapel choir for years and misses it.",
    )
    writing = make_service(
        km=None,
        needs=["arts_creativity"],
        name="Write Your Way",
        description="An online creative writing group.",
        delivery=["online"],
        area_wide=True,
    )
    (unmet,) = match(singer, [writing], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "activity:singing"
    assert unmet.reason.startswith("no choir or singing group")
    choir = make_service(km=2, needs=["arts_creativity"], name="Community Choir", description="No auditions.")
    assert match(singer, [writing, choir], taxonomy=taxonomy, now=now).unmet_needs == []
    # nor is a painter (the judges: "only online craft remains" is a gap for a man who paints), but
    # a painter and decorator wants no art group, and any art class meets a painter
    painter = make_person(needs=("arts_creativity",), goals="used to paint, wants to take it up again")
    (unmet,) = match(painter, [writing, choir], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.reason.startswith("no art group")
    art = make_service(
        km=3, needs=["arts_creativity"], name="Tuesday Art Club", description="Watercolour and drawing."
    )
    assert match(painter, [writing, art], taxonomy=taxonomy, now=now).unmet_needs == []
    decorator = make_person(
        needs=("arts_creativity",), goals="retired painter and decorator, wants something creative"
    )
    assert match(decorator, [writing], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_misses_the_lunch_club_is_not_met_by_a_coffee_morning(
    make_service, make_person, taxonomy, now
):
    diner = make_person(
        needs=("older_people",),
        goals="81, used to go to the dinners at the Hetton Centre every Thursday, misses the company",
    )
    coffee = make_service(
        km=1, needs=["older_people", "loneliness"], name="Coffee Morning", description="Tea, cake and a chat."
    )
    wheels = make_service(
        km=1, needs=["older_people", "food"], name="Meals on Wheels", description="Meals on wheels, daily."
    )
    (unmet,) = match(diner, [coffee, wheels], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "activity:lunch_club"
    assert unmet.reason.startswith("no lunch club or community meal")
    lunch = make_service(
        km=2,
        needs=["older_people", "food"],
        name="Pennywell Lunch Club",
        description="A hot two-course meal.",
    )
    assert match(diner, [coffee, lunch], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_told_to_do_strength_and_balance_is_not_met_by_walking_netball(
    make_service, make_person, taxonomy, now
):
    faller = make_person(
        needs=("physical_activity",),
        goals="76, two falls this year, physio said get on a strength and balance class",
    )
    netball = make_service(
        km=2, needs=["physical_activity"], name="Walking Netball", description="Gentle netball."
    )
    (unmet,) = match(faller, [netball], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "activity:balance"
    assert unmet.reason.startswith("no strength and balance or falls class")
    steady = make_service(
        km=1, needs=["physical_activity"], name="Steady Steps", description="A falls prevention class."
    )
    assert match(faller, [netball, steady], taxonomy=taxonomy, now=now).unmet_needs == []
    chair = make_person(needs=("physical_activity",), goals="80, misses the chair exercises at the hub")
    (unmet,) = match(chair, [netball], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "activity:seated"


def test_someone_who_will_only_go_face_to_face_is_not_met_by_a_helpline(
    make_service, make_person, taxonomy, now
):
    gambler = make_person(
        needs=("addiction_recovery",),
        goals="lost his wages on the bookies app again. wants a proper face to face group near him, not an app",
    )
    line = make_service(
        km=None,
        delivery=["phone"],
        needs=["addiction_recovery"],
        name="Gambling Helpline",
        description="Gambling support by phone.",
    )
    drugs = make_service(
        km=1,
        needs=["addiction_recovery"],
        name="Drug & Alcohol Service",
        description="Drug and alcohol treatment.",
    )
    (unmet,) = match(gambler, [line, drugs], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "in_person"
    assert "to go to in person for gambling" in unmet.reason
    group = make_service(
        km=2, needs=["addiction_recovery"], name="Gambling Support Group", description="Weekly peer group."
    )
    assert match(gambler, [line, drugs, group], taxonomy=taxonomy, now=now).unmet_needs == []
    # without the words, the helpline meets the gambler's need
    phoned = make_person(needs=("addiction_recovery",), goals="lost his wages on the bookies app again")
    assert match(phoned, [line, drugs], taxonomy=taxonomy, now=now).unmet_needs == []
    # nor a debt line someone who wants a person across a table
    debts = make_person(
        needs=("money_debt",), goals="3 cards maxed, behind on the mortgage. Wants someone face to face."
    )
    debt_line = make_service(
        km=None, delivery=["phone"], needs=["money_debt"], name="Debt Line", area_wide=True
    )
    (unmet,) = match(debts, [debt_line], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "in_person"
    rather = make_person(
        needs=("money_debt",), goals="would rather see people face to face but would try online"
    )
    assert match(rather, [debt_line], taxonomy=taxonomy, now=now).unmet_needs == []
    # as people put it otherwise: a room with others, people sat with face to face
    for words in (
        "Online betting on phone, lost a month's wages. Wants to 'sit in a room with other blokes going "
        "through it', not an app. Also 2 credit cards maxed.",
        "Husband died 5 months ago. No computer. Wants to sit with people who've been through it, face to face.",
    ):
        person = make_person(needs=("money_debt",), goals=words)
        (unmet,) = match(person, [debt_line], taxonomy=taxonomy, now=now).unmet_needs
        assert unmet.requirement == "in_person", words


def test_someone_who_wants_someone_local_is_not_met_by_a_national_line(
    make_service, make_person, taxonomy, now
):
    low = make_person(
        needs=("mental_wellbeing",), goals="low since the divorce, wants someone local to talk to who gets it"
    )
    national = make_service(
        km=None,
        delivery=["phone"],
        needs=["mental_wellbeing"],
        name="National Listening Line",
        description="Free 24-hour listening line for anyone struggling.",
        area_wide=True,
    )
    (unmet,) = match(low, [national], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "mental_wellbeing" and unmet.requirement == "in_person"
    # someone who only said how they feel is met by the line
    said = make_person(needs=("mental_wellbeing",), goals="low since the divorce")
    assert match(said, [national], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_can_only_come_in_the_evening_is_told_when_nothing_in_reach_opens_then(
    make_service, make_person, taxonomy, now
):
    worker = make_person(
        needs=("money_debt",),
        goals="works days, can't take time off work. council tax arrears",
    )
    daytime = make_service(
        km=2,
        needs=["money_debt"],
        name="Debt Advice",
        schedules=[{"byday": ["TU"], "opens_at": "09:30", "closes_at": "12:30", "description": None}],
    )
    (unmet,) = match(worker, [daytime], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "evenings" and unmet.reason.startswith("no service open in the evening")
    unknown = make_service(km=3, needs=["money_debt"], name="Money Drop-in", schedules=[])
    assert match(worker, [daytime, unknown], taxonomy=taxonomy, now=now).unmet_needs == []
    anytime = make_person(needs=("money_debt",), goals="council tax arrears letter")
    assert match(anytime, [daytime], taxonomy=taxonomy, now=now).unmet_needs == []
    # a carer who cannot take time off from caring is not asking for the evening
    carer = make_person(needs=("money_debt",), goals="council tax arrears, can't take time off, he needs her")
    assert match(carer, [daytime], taxonomy=taxonomy, now=now).unmet_needs == []
    assert match(
        make_person(needs=("money_debt",), goals="arrears. evenings only"),
        [daytime],
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs


def test_someone_who_asks_for_evenings_or_weekends_is_met_by_either(make_service, make_person, taxonomy, now):
    carer = make_person(
        needs=("carers",),
        circumstances=("carers",),
        goals="looks after her husband since his stroke, full time job. wants a carers group - evenings or wknd",
    )
    morning = make_service(
        km=1,
        needs=["carers"],
        name="Carers' Drop-in",
        schedules=[{"byday": ["WE"], "opens_at": "10:00", "closes_at": "12:00", "description": None}],
    )
    (unmet,) = match(carer, [morning], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "out_of_hours"
    assert unmet.reason.startswith("no service open in the evening or at the weekend")
    saturday = make_service(
        km=2,
        needs=["carers"],
        name="Carers' Saturday Cafe",
        schedules=[{"byday": ["SA"], "opens_at": "10:00", "closes_at": "12:00", "description": None}],
    )
    assert match(carer, [morning, saturday], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_carer_who_asks_for_a_few_hours_off_is_not_met_by_a_coffee_morning(
    make_service, make_person, taxonomy, now
):
    carer = make_person(
        needs=("carers",),
        circumstances=("carers",),
        goals="71. Husband has Parkinson's, she can't leave him. Would love a few hours off to get to the shops.",
    )
    coffee = make_service(
        km=1, needs=["carers"], name="Carers' Coffee Morning", description="A cuppa and a chat."
    )
    (unmet,) = match(carer, [coffee], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "carers:break"
    assert unmet.reason.startswith("no sitting service, respite or short break for carers within")
    assert "not a break" in unmet.reason
    sitting = make_service(
        km=3, needs=["carers"], name="Carers' Sitting Service", description="A volunteer sits with him."
    )
    assert match(carer, [coffee, sitting], taxonomy=taxonomy, now=now).unmet_needs == []
    # a carer who asks for company is met by the coffee morning
    chat = make_person(
        needs=("carers",), circumstances=("carers",), goals="caring for mum, would like to meet other carers"
    )
    assert match(chat, [coffee], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_named_impairment_is_met_only_by_a_service_for_it(make_service, make_person, taxonomy, now):
    walk = make_service(
        km=1.0,
        name="Wellbeing Walk",
        needs=["disability"],
        description="Gentle walk for people with disabilities.",
    )
    person = make_person(
        needs=("disability",), goals="79, hearing gone downhill, can't follow a conversation. Doesn't sign."
    )
    (unmet,) = match(person, [walk], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "impairment:hearing"
    assert "hearing loss" in unmet.reason
    lipreading = make_service(
        km=3.0,
        name="Lip-reading class",
        needs=["disability"],
        description="Lip-reading for people with hearing loss.",
    )
    result = match(person, [walk, lipreading], taxonomy=taxonomy, now=now)
    assert result.unmet_needs == []
    # someone whose words name no impairment is served by the walk
    assert (
        match(
            make_person(needs=("disability",), goals="uses a wheelchair"), [walk], taxonomy=taxonomy, now=now
        ).unmet_needs
        == []
    )


def test_someone_who_asks_to_talk_to_someone_is_told_when_no_counselling_is_in_reach(
    make_service, make_person, taxonomy, now
):
    arts = make_service(
        km=1,
        name="Arts and Wellbeing",
        needs=["arts_creativity", "mental_wellbeing"],
        description="Creative sessions for adults who are anxious or low.",
    )
    person = make_person(
        goals="panic attacks, wants to actually talk to someone - can't afford private counselling",
        needs=("mental_wellbeing",),
    )
    [unmet] = match(person, [arts], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "mental_wellbeing" and "no counselling or talking therapy" in unmet.reason
    counselling = make_service(
        km=3, name="Free Counselling", needs=["mental_wellbeing"], description="Free one-to-one counselling."
    )
    assert not match(person, [arts, counselling], taxonomy=taxonomy, now=now).unmet_needs
    # not for someone who is "not one for talking"
    quiet = make_person(
        goals="low, not one for talking, doesn't want counselling", needs=("mental_wellbeing",)
    )
    assert not match(quiet, [arts], taxonomy=taxonomy, now=now).unmet_needs


def test_a_dependent_drinker_who_asks_for_proper_help_to_stop_is_told_when_no_treatment_is_in_reach(
    make_service, make_person, taxonomy, now
):
    line = make_service(
        km=None,
        delivery=["phone"],
        area_wide=True,
        name="Drinkline",
        needs=["addiction_recovery"],
        description="Free, confidential national alcohol helpline for anyone worried about their drinking.",
    )
    brief = make_service(
        km=2,
        name="Drink Less - alcohol brief advice",
        needs=["addiction_recovery"],
        description="Take the AUDIT-C quiz and get brief advice on cutting down. Not a treatment service.",
    )
    drinker = make_person(
        goals="2 bottles of wine a night plus cans, shakes of a morning. wants 'proper help to come off it' not leaflets",
        needs=("addiction_recovery",),
    )
    unmet = [u for u in match(drinker, [line, brief], taxonomy=taxonomy, now=now).unmet_needs]
    assert [u.need for u in unmet] == ["addiction_recovery"]
    assert "no treatment service" in unmet[0].reason
    service = make_service(
        km=3,
        name="Recovery Service",
        needs=["addiction_recovery"],
        description="Drug and alcohol recovery service: assessments, prescribing, detox, key work.",
    )
    assert not match(drinker, [line, brief, service], taxonomy=taxonomy, now=now).unmet_needs
    # a detox that is over asks for nothing: "off the drink after detox", sober company wanted
    sober = make_person(
        goals="3 months off the drink after detox, wants sober company", needs=("addiction_recovery",)
    )
    assert not match(sober, [line], taxonomy=taxonomy, now=now).unmet_needs


def test_someone_who_owes_money_is_told_when_no_debt_advice_is_in_reach(
    make_service, make_person, taxonomy, now
):
    fridge = make_service(
        km=2,
        name="Abbey Community Fridge",
        needs=["money_debt", "food"],
        description="Community fridge - surplus supermarket food, take what you need, no referral.",
    )
    commuter = make_person(
        goals="Commutes to London, about £18k on cards & a loan, not sleeping over it.", needs=("money_debt",)
    )
    (unmet,) = match(commuter, [fridge], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "money_debt" and "no debt advice" in unmet.reason
    advice = make_service(
        km=4, name="Citizens Advice", needs=["money_debt"], description="Debt and benefits advice, DROs."
    )
    assert not match(commuter, [fridge, advice], taxonomy=taxonomy, now=now).unmet_needs
    # money short without a debt asks for no adviser
    skint = make_person(goals="skint till payday, cupboards bare", needs=("money_debt",))
    assert not match(skint, [fridge], taxonomy=taxonomy, now=now).unmet_needs


def test_a_widower_who_asks_for_a_group_for_blokes_is_told_none_is_in_reach(
    make_service, make_person, taxonomy, now
):
    widower = make_person(
        needs=("bereavement",),
        goals="Lost the wife in August. Is there owt like that for blokes? Wants to be with other men who've been through it.",
    )
    mixed = make_service(
        km=2, needs=["bereavement"], name="Bereavement Café", description="For anyone grieving."
    )
    (unmet,) = match(widower, [mixed], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "men"
    mens = make_service(
        km=4,
        needs=["bereavement"],
        name="Men's Bereavement Group",
        description="For men who have lost a partner.",
    )
    assert match(widower, [mixed, mens], taxonomy=taxonomy, now=now).unmet_needs == []
    # wanting to meet others is not asking for one's own sex
    anyone = make_person(
        needs=("bereavement",), goals="Lost the wife in August, wants to meet others who understand"
    )
    assert match(anyone, [mixed], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_service_whose_words_say_it_runs_no_evening_group_does_not_meet_evenings_only(
    make_service, make_person, taxonomy, now
):
    carer = make_person(
        needs=("carers",), goals="works full time days, cannot do daytime. wants an evening carers group"
    )
    centre = make_service(
        km=3,
        needs=["carers"],
        name="Carers Centre",
        description="Daytime groups and advice. We don't run evening groups.",
        schedules=[],
    )
    (unmet,) = match(carer, [centre], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "evenings"
    unknown = make_service(
        km=3, needs=["carers"], name="Carers Cafe", description="Tea and a chat.", schedules=[]
    )
    assert match(carer, [unknown], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_club_asked_for_is_not_met_by_one_to_one_help_online(make_service, make_person, taxonomy, now):
    """A daughter asks if there is any singing club for her mum: one-to-one lessons by video call
    are offered, but the answer says plainly that no singing group or club is in reach."""
    mum = make_person(
        needs=("arts_creativity",),
        goals="Lonely since he went into the home. Daughter asking if there's any singing club or summat.",
    )
    lessons = make_service(
        km=None,
        needs=["arts_creativity"],
        name="Sing at Home",
        description="Singing lessons by video call, one to one.",
        delivery=["online"],
    )
    result = match(mum, [lessons], taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Sing at Home"]
    (unmet,) = [u for u in result.unmet_needs if u.need == "arts_creativity"]
    assert unmet.requirement == "a_group"
    assert unmet.reason.startswith("no arts")
    assert "group or club" in unmet.reason
    choir = make_service(
        km=2, needs=["arts_creativity"], name="Community Choir", description="A weekly singing group."
    )
    both = match(mum, [lessons, choir], taxonomy=taxonomy, now=now)
    assert not [u for u in both.unmet_needs if u.need == "arts_creativity"]


def test_a_group_asked_for_is_one_people_meet_at_not_one_met_only_online(
    make_service, make_person, taxonomy, now
):
    """A new mum stuck in asks for a baby group to meet other mams: an online mums' group is listed,
    and the answer says no group or club meets near her."""
    mum = make_person(
        needs=("physical_activity",),
        goals="First baby, stuck in. Wants an exercise group to meet other mams.",
    )
    online = make_service(
        km=None,
        needs=["physical_activity"],
        name="Mums Move Online",
        description="A friendly online group for new mums, on Zoom.",
        delivery=["online"],
    )
    result = match(mum, [online], taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Mums Move Online"]
    (unmet,) = [u for u in result.unmet_needs if u.need == "physical_activity"]
    assert unmet.requirement == "a_group" and "group or club" in unmet.reason
    class_ = make_service(
        km=2, needs=["physical_activity"], name="Buggy fit", description="A group walk with prams."
    )
    assert not match(mum, [online, class_], taxonomy=taxonomy, now=now).unmet_needs


def test_an_evening_group_is_not_met_by_a_line_or_a_visit_whose_hours_nobody_gave(
    make_service, make_person, taxonomy, now
):
    """A widow who works days asks for an evening bereavement group: the bereavement line and the
    home visits give no hours, but neither is a group, so the answer says none opens then; her
    debts are not asked a group for, and the line may still help with them."""
    goals = "widowed in May, works days, cannot do daytime. Debts too. Wants an evening bereavement group."
    widow = make_person(needs=("bereavement", "money_debt"), goals=goals)
    line = make_service(
        km=None,
        needs=["bereavement", "money_debt"],
        name="Bereavement line",
        description="Listening and advice by phone after a death, and on money worries.",
        delivery=["phone"],
        schedules=[],
    )
    visits = make_service(
        km=2,
        needs=["bereavement"],
        name="Bereavement visitors",
        description="A trained volunteer visits you at home after a death.",
        delivery=["home_visits"],
        schedules=[],
    )
    (unmet,) = match(widow, [line, visits], taxonomy=taxonomy, now=now).unmet_needs
    assert (unmet.need, unmet.requirement) == ("bereavement", "evenings")
    assert unmet.reason.startswith("no group open in the evening")
    # A venue whose hours nobody gave may run one; and one who asks for no group is met by the line.
    centre = make_service(
        km=3, needs=["bereavement"], name="Bereavement Centre", description="Ring us.", schedules=[]
    )
    assert match(widow, [line, visits, centre], taxonomy=taxonomy, now=now).unmet_needs == []
    caller = make_person(needs=("bereavement",), goals="widowed, works days, cannot do daytime")
    assert match(caller, [line, visits], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_listing_without_hours_is_read_with_its_twins_daytime_hours(
    make_service, make_person, taxonomy, now
):
    """A second publisher's thin copy of a carers' centre ("ring for a chat", no timetable) does not
    meet an evening carers' group when its fuller listing says when its groups run: daytime only."""
    carer = make_person(needs=("carers",), goals="cannot do daytime. wants an evening carers group")
    full = make_service(km=3.8, needs=["carers"], name="Sunderland Carers' Centre")  # Tuesdays 10-12
    thin = make_service(
        km=3.8, needs=["carers"], name="Carers Centre", description="Ring for a chat.", schedules=[]
    )
    full["twins"], thin["twins"] = [thin["id"]], [full["id"]]
    (unmet,) = match(carer, [full, thin], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "evenings"
    # Without its twin nothing says the thin listing is closed in the evening: it may be open then.
    thin["twins"] = []
    assert match(carer, [full, thin], taxonomy=taxonomy, now=now).unmet_needs == []


@pytest.mark.parametrize(
    ("goals", "in_person"),
    [
        ("carer, works days. is there a carers group of an evening or weekend she could get to", True),
        ("wants a carers group she can actually get to - evenings or wknd", True),
        ("carer, evenings or wknd. can't get to groups, happy with online", False),
        ("carer, evenings or wknd. would like to get to know other carers", False),
        ("carer, evenings or wknd. wants to meet other carers face to face - 'not another phone line'", True),
        ("carer, uses a wheelchair. wants a carers group she can actually get into", True),
        ("carer, uses a wheelchair. wants somewhere she can actually get in the door", True),
        ("carer, widowed. wants a carers group near home, doesn't go into town", True),
    ],
)
def test_a_group_the_person_can_get_to_is_one_to_go_to(
    make_service, make_person, taxonomy, now, goals, in_person
):
    """An online carers' forum open any time does not meet "a group she could get to"."""
    forum = make_service(
        km=None, needs=["carers"], name="Carers online forum", delivery=["online"], schedules=[]
    )
    (unmet,) = match(
        make_person(needs=("carers",), goals=goals), [forum], taxonomy=taxonomy, now=now
    ).unmet_needs or (None,)
    assert (unmet is not None and unmet.requirement == "in_person") is in_person


def test_a_stop_smoking_clinic_does_not_meet_a_drinkers_or_a_gamblers_need(
    make_service, make_person, taxonomy, now
):
    clinic = make_service(
        km=1,
        needs=["addiction_recovery"],
        name="Stop Smoking Service",
        description="12 weeks of support and free nicotine replacement.",
        delivery=["phone"],
    )
    for goals in (
        "betting apps, lost about 8k, can't stop",
        "2 bottles of wine a night, shakes of a morning",
    ):
        (unmet,) = match(
            make_person(needs=("addiction_recovery",), goals=goals), [clinic], taxonomy=taxonomy, now=now
        ).unmet_needs
        assert unmet.requirement in ("addiction:gambling", "addiction:alcohol")
    smoker = make_person(needs=("addiction_recovery",), goals="wants to pack in the cigs before his op")
    assert match(smoker, [clinic], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_can_only_come_at_the_weekend_is_told_when_nothing_in_reach_opens_then(
    make_service, make_person, taxonomy, now
):
    worker = make_person(
        needs=("mental_wellbeing",),
        goals="back at work Mon-Fri. wants an anxiety group - weekends only",
    )
    wednesday = make_service(
        km=2,
        needs=["mental_wellbeing"],
        name="Peer Support Group",
        schedules=[{"byday": ["WE"], "opens_at": "10:00", "closes_at": "12:00", "description": None}],
    )
    (unmet,) = match(worker, [wednesday], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "weekends"
    assert unmet.reason.startswith("no group open at the weekend")  # she asked for a group
    saturday = make_service(
        km=3,
        needs=["mental_wellbeing"],
        name="Saturday Peer Group",
        schedules=[{"byday": ["SA"], "opens_at": "10:00", "closes_at": "12:00", "description": None}],
    )
    assert match(worker, [wednesday, saturday], taxonomy=taxonomy, now=now).unmet_needs == []
    anytime = make_person(needs=("mental_wellbeing",), goals="wants an anxiety group")
    assert match(anytime, [wednesday], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_dad_who_asks_for_a_dads_group_is_not_met_by_a_parents_group(
    make_service, make_person, taxonomy, now
):
    dad = make_person(
        needs=("family_parenting",),
        goals="does the childcare, kids 2 & 5. only bloke at every group. any dads' groups round here?",
    )
    parents = make_service(
        km=1,
        needs=["family_parenting"],
        name="Stay and Play",
        description="Play sessions for parents and under 5s.",
    )
    (unmet,) = match(dad, [parents], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "dads" and unmet.label.endswith(" for dads")
    dads = make_service(
        km=4,
        needs=["family_parenting"],
        name="Dads' Club",
        description="Saturday mornings for dads and their kids.",
    )
    assert match(dad, [parents, dads], taxonomy=taxonomy, now=now).unmet_needs == []
    # a dad who does not ask for one is met by the parents' group
    plain = make_person(needs=("family_parenting",), goals="dad of two, struggling with bedtimes")
    assert match(plain, [parents], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_asks_for_a_visitor_is_not_met_by_a_phone_line_or_a_club(
    make_service, make_person, taxonomy, now
):
    dad = make_person(
        needs=("loneliness",),
        goals="Dad's 88, on his own, doesn't go out now. Is there anyone who'd pop in for a cuppa once a week?",
    )
    line = make_service(km=None, needs=["loneliness"], name="Telephone Befriending", delivery=["phone"])
    club = make_service(km=0.7, needs=["loneliness"], name="Over 60s Club")
    (unmet,) = match(dad, [line, club], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "home_visit" and unmet.reason.startswith("no one who visits at home")
    visits = make_service(km=1.5, needs=["loneliness"], name="Befriending Visits", delivery=["home_visits"])
    assert match(dad, [line, club, visits], taxonomy=taxonomy, now=now).unmet_needs == []
    # a home visit someone already has is not one asked for
    nurse = make_person(needs=("loneliness",), goals="lonely, the home visit from the nurse is all she gets")
    assert match(nurse, [club], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_class_the_record_says_has_ended_does_not_meet_someone_asking_for_it(
    make_service, make_person, taxonomy, now
):
    lady = make_person(
        needs=("physical_activity",),
        goals="80, used to go to the chair exercises at the hub till it stopped. wants summat like that nearby",
    )
    hub = make_service(
        km=0.9,
        needs=["physical_activity", "loneliness"],
        name="Community Hub - Coffee Morning",
        description="Friday coffee morning and table tennis. Our chair-based exercise class finished in 2023 "
        "and has not been replaced.",
    )
    (unmet,) = match(lady, [hub], taxonomy=taxonomy, now=now).unmet_needs
    # she lost somewhere to go, and what she asks of it is a seated class
    assert unmet.requirement == "in_person"
    assert unmet.reason.startswith("no chair-based or seated exercise to go to in person within")
    # a class on a break still runs
    hub["description"] = (
        "Coffee morning. Our chair-based exercise class has finished for the summer and restarts in September."
    )
    assert match(lady, [hub], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_with_no_bus_to_catch_is_not_met_by_a_bus_pass(make_service, make_person, taxonomy, now):
    dale = make_person(
        needs=("transport",),
        goals="70, husband stopped driving, needs to get to hospital appointments. No bus most of the day.",
    )
    bus_pass = make_service(
        km=None,
        needs=["transport"],
        name="Concessionary Bus Pass",
        description="Free off-peak bus travel if you are of state pension age.",
        delivery=["online"],
    )
    (unmet,) = match(dale, [bus_pass], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "transport:lift"
    assert unmet.reason.startswith("no community transport or lift scheme")
    ride = make_service(
        km=4,
        needs=["transport"],
        name="Dial-a-Ride",
        description="Door-to-door minibus for people who cannot use buses.",
    )
    assert match(dale, [bus_pass, ride], taxonomy=taxonomy, now=now).unmet_needs == []
    # someone who only lacks the pass is met by it
    pensioner = make_person(
        needs=("transport",), goals="turned 66, has no bus pass yet, gets the bus into town"
    )
    assert match(pensioner, [bus_pass], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_need_read_only_weakly_is_not_said_unmet_nor_counted_as_demand(
    make_service, make_person, taxonomy, now
):
    person = make_person(goals="cares for her husband, shattered, snapping at the kids")
    carers = make_service(km=1, needs=["carers"], name="Carers Centre")
    read = [InferredNeed("carers", 0.95, ("cares for",)), InferredNeed("family_parenting", 0.62, ("kids",))]
    result = match(person, [carers], taxonomy=taxonomy, now=now, inferred_needs=read)
    assert result.needs == ["carers", "family_parenting"]  # still read and ranked for
    assert result.unmet_needs == []
    assert adequate_counts(result) == {"carers": 1}
    surely = [read[0], InferredNeed("family_parenting", 0.85, ("kids",))]
    result = match(person, [carers], taxonomy=taxonomy, now=now, inferred_needs=surely)
    assert [u.need for u in result.unmet_needs] == ["family_parenting"]
    assert adequate_counts(result) == {"carers": 1, "family_parenting": 0}


def test_someone_who_lost_their_group_is_not_met_by_a_phone_line(make_service, make_person, taxonomy, now):
    gran = make_person(
        needs=("loneliness",),
        goals="used to go to the dinners at the centre every Thurs, misses the company since it stopped. no car",
    )
    line = make_service(km=None, needs=["loneliness"], name="Silver Line", delivery=["phone"])
    (unmet,) = match(gran, [line], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "in_person"
    club = make_service(km=1.2, needs=["loneliness"], name="Lunch Club")
    assert match(gran, [line, club], taxonomy=taxonomy, now=now).unmet_needs == []
    # going somewhere is not what a line fails to replace when nothing was lost
    lonely = make_person(needs=("loneliness",), goals="misses the company since her husband died")
    assert match(lonely, [line], taxonomy=taxonomy, now=now).unmet_needs == []


@pytest.mark.parametrize(
    ("goals", "need", "other", "theirs", "reason"),
    [
        (
            "Full-time wheelchair user, was a big swimmer, wants back in the pool.",
            "physical_activity",
            ("Parkrun", "A free timed 5k in the park every Saturday."),
            ("Inclusive Swim", "Pool session with a hoist."),
            "no swimming or pool session",
        ),
        (
            "Ex-joiner, lost his leg. Misses the tools and the lads, sat in front of the telly all day.",
            "loneliness",
            ("Befriending Calls", "A friendly weekly phone call."),
            ("Men's Shed", "Woodwork and a brew."),
            "no men's shed or workshop group",
        ),
        (
            "Used to have an allotment, wants to grow things again.",
            "nature_gardening",
            ("Walk & Talk", "A gentle walk in the park with a chat."),
            ("Community Garden", "Growing veg in raised beds."),
            "no gardening or growing group",
        ),
        (
            "51. Menopause hit hard, not sleeping, anxious. Would like to talk to other women going through it.",
            "mental_wellbeing",
            ("Talking Space", "A peer group for anxiety and low mood."),
            ("Menopause Café", "Monthly meet-up for women in perimenopause and menopause."),
            "no menopause support",
        ),
        (
            "81, OT says needs grab rails by the toilet before he can go home. Is there a handyman thing?",
            "housing",
            ("Housing Advice Line", "Advice on tenancies, repairs and homelessness."),
            ("Care & Repair", "Handyperson service: small jobs, grab rails and key safes."),
            "no handyperson service",
        ),
        (
            "20, nothing since college. Wants a job, doesn't know where to start with a CV.",
            "employment_skills",
            ("Community Learning", "Adult courses in maths, English and computing."),
            ("Job Club", "Help with CVs, applications and interviews."),
            "no job search or CV help",
        ),
        (
            "Been out of work since her youngest started school. Wants to get back to work, no CV.",
            "employment_skills",
            ("Employment Rights Advice", "Free employment rights advice on dismissal and pay."),
            ("Back to Work Club", "CV help and job search for parents returning to work."),
            "no job search or CV help",
        ),
        (
            "17, sofa surfing since mum kicked him out. Needs somewhere to stay tonight.",
            "housing",
            ("Shelter Helpline", "Free housing advice by phone."),
            ("Nightstop", "Emergency accommodation for young people in a volunteer's spare room."),
            "no emergency bed or accommodation",
        ),
    ],
)
def test_an_activity_the_person_names_is_not_met_by_another_kind_of_service(
    make_service, make_person, taxonomy, now, goals, need, other, theirs, reason
):
    person = make_person(needs=(need,), goals=goals)
    not_it = make_service(km=1, needs=[need], name=other[0], description=other[1])
    (unmet,) = match(person, [not_it], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.reason.startswith(reason)
    it = make_service(km=2, needs=[need], name=theirs[0], description=theirs[1])
    assert match(person, [not_it, it], taxonomy=taxonomy, now=now).unmet_needs == []


@pytest.mark.parametrize(
    "goals",
    [
        "wife says he's drinking more since he got laid off, sits in the shed all day",
        "Son says 'gan to the shed at the back of the Co-op' but she wants a knit n natter",
        "had a fall in the garden in Jan, nervy on her feet now",
        "Menopause, put weight on, knees sore, anxious",
        "anxiety through the roof since going back to work",
        "Wants to get stronger and do some exercise, maybe swimming.",
        "MS, uses a wheelchair now. Used to paint, would love something creative again.",
    ],
)
def test_an_activity_said_in_passing_or_as_one_idea_is_not_asked_for(
    make_service, make_person, taxonomy, now, goals
):
    needs = [
        "loneliness",
        "nature_gardening",
        "mental_wellbeing",
        "employment_skills",
        "physical_activity",
        "arts_creativity",
    ]
    person = make_person(needs=tuple(needs), goals=goals)
    green_gym = make_service(km=1, needs=needs, name="Green Gym", description="Outdoors.")
    assert match(person, [green_gym], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_who_asks_to_be_rung_or_visited_is_not_met_by_an_online_group(
    make_service, make_person, taxonomy, now
):
    lady = make_person(
        needs=("loneliness",),
        goals="84, lives alone out past Tiverton, not seen anyone for a week. Would like someone to ring her or pop in.",
    )
    online = make_service(
        km=None, needs=["loneliness"], name="Farmers' Wives Facebook", delivery=["online"], area_wide=True
    )
    (unmet,) = match(lady, [online], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.reason.startswith("no one who rings or visits")
    calls = make_service(
        km=None, needs=["loneliness"], name="Telephone Friends", delivery=["phone"], area_wide=True
    )
    assert match(lady, [online, calls], taxonomy=taxonomy, now=now).unmet_needs == []


def test_a_deaf_man_who_wants_a_social_club_is_not_met_by_an_advice_drop_in_that_says_it_is_not_one(
    make_service, make_person, taxonomy, now
):
    signer = make_person(
        needs=("loneliness",),
        goals="Deaf, BSL first language. Wife died last year, 'no one to sign with'. Wants a Deaf social club.",
        circumstances=("deaf_bsl",),
    )
    advice = make_service(
        km=2,
        needs=["loneliness"],
        name="Deaf Advice Drop-in",
        description="Advice with letters and benefits, all in BSL. This is advice, not a social club - "
        "we don't run a social group at the moment.",
    )
    (unmet,) = match(signer, [advice], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "loneliness"
    link_worker = make_service(
        km=1,
        needs=["loneliness"],
        name="Social Prescribing Link Worker",
        description="Social prescribing in BSL.",
    )
    assert [u.need for u in match(signer, [advice, link_worker], taxonomy=taxonomy, now=now).unmet_needs] == [
        "loneliness"
    ]
    club = make_service(
        km=1, needs=["loneliness"], name="Deaf Social Club", description="Monthly social evening in BSL."
    )
    assert match(signer, [advice, club], taxonomy=taxonomy, now=now).unmet_needs == []


def test_an_unmet_social_group_near_home_says_whom_it_would_be_for(make_service, make_person, taxonomy, now):
    widower = make_person(
        needs=("loneliness",),
        goals="partner of 30 yrs died in Feb. gay man, wants an LGBT social group near home.",
        circumstances=("lgbtq", "man"),
    )
    switchboard = make_service(
        km=None,
        needs=["loneliness"],
        name="LGBT+ Switchboard",
        description="Phone and webchat for LGBT+ people.",
        delivery=["phone"],
        area_wide=True,
        eligibility=["lgbtq"],
    )
    (unmet,) = match(widower, [switchboard], taxonomy=taxonomy, now=now).unmet_needs
    # (the test taxonomy has no labels for groups: the app's says "LGBTQ+ people")
    assert unmet.reason.startswith("no social group or club for lgbtq to go to in person")


def test_a_man_deaf_as_a_post_on_the_phone_can_use_an_advice_line_without_bsl(make_service, make_person, now):
    # the shipped taxonomy, whose groups the words are read for ("deaf" puts him in deaf_bsl)
    taxonomy = NeedsTaxonomy.from_dict(json.loads((SHIPPED / "needs_taxonomy.json").read_text()))
    dad = make_person(
        needs=("money_debt",),
        goals="Dad's 88, on his own in Lymm. Deaf as a post on the phone - just says 'pardon' and puts it "
        "down. We can't afford paying a carer.",
    )
    advice = make_service(km=2, needs=["money_debt"], name="Money Advice Drop-in", description="Debt advice.")
    assert match(dad, [advice], taxonomy=taxonomy, now=now).unmet_needs == []
    # one who signs still needs it in BSL
    signer = make_person(needs=("money_debt",), goals="Deaf, BSL first language, letters from DWP.")
    assert [u.need for u in match(signer, [advice], taxonomy=taxonomy, now=now).unmet_needs] == ["money_debt"]


def test_hoarding_asks_for_hoarding_support_not_any_mental_health_group(
    make_service, make_person, taxonomy, now
):
    group = make_service(
        km=2,
        name="Peer Support Group",
        needs=["mental_wellbeing"],
        description="Weekly peer support for low mood.",
    )
    person = make_person(
        goals="HSA: CIR ~6 front room, papers to ceiling, one route out. He agrees to help.",
        needs=("mental_wellbeing",),
    )
    (unmet,) = match(person, [group], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "mental_wellbeing" and "no hoarding support" in unmet.reason
    clear = make_service(
        km=3,
        name="Clutter & Hoarding Support",
        needs=["mental_wellbeing", "housing"],
        description="1:1 help.",
    )
    assert not match(person, [group, clear], taxonomy=taxonomy, now=now).unmet_needs


def test_an_online_group_does_not_meet_a_need_for_someone_who_does_not_do_computers(
    make_service, make_person, taxonomy, now
):
    online = make_service(
        km=None,
        delivery=["online"],
        area_wide=True,
        name="Hoarding UK online peer group",
        needs=["mental_wellbeing"],
        description="Peer support on Zoom for people who hoard.",
    )
    words = "CIR ~6 front room, papers to ceiling. He agrees to help"
    offline = make_person(goals=words + " but 'doesnt do computers or zoom'.", needs=("mental_wellbeing",))
    (unmet,) = match(offline, [online], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "mental_wellbeing" and unmet.alternatives == [
        "online service available: Hoarding UK online peer group"
    ]
    assert not match(
        make_person(goals=words + ".", needs=("mental_wellbeing",)), [online], taxonomy=taxonomy, now=now
    ).unmet_needs


def test_wanting_to_get_out_is_not_met_by_an_online_group(make_service, make_person, taxonomy, now):
    """ "Wants to get out and meet people doing crafts": a Facebook crafts group is offered, but the
    answer says no craft group is in reach to go to; "get out of debt" asks nothing of the kind."""
    online = make_service(
        km=None,
        needs=["arts_creativity"],
        name="Crafts and Chat (Facebook group)",
        description="Online group sharing crafts; live video once a week.",
        delivery=["online"],
    )
    lady = make_person(
        needs=("arts_creativity",),
        goals="Uses a wheelchair since her hip op. Wants to get out and meet people doing crafts.",
    )
    (unmet,) = [
        u
        for u in match(lady, [online], taxonomy=taxonomy, now=now).unmet_needs
        if u.need == "arts_creativity"
    ]
    assert unmet.requirement == "in_person"
    debts = make_person(
        needs=("arts_creativity",), goals="Wants to get out of debt, and to make things again."
    )
    assert not [
        u
        for u in match(debts, [online], taxonomy=taxonomy, now=now).unmet_needs
        if u.need == "arts_creativity"
    ]


def test_a_carer_who_asks_for_a_memory_cafe_is_not_met_by_a_carers_coffee_morning(
    make_service, make_person, taxonomy, now
):
    """ "They used to go to the memory café at Wath but it's shut": somewhere for the couple, which a
    carers' coffee morning is not; said unmet, by name, until a memory café is in reach."""
    carer = make_person(
        needs=("carers",),
        circumstances=("carers",),
        goals="Dad 80 dementia, mum 78 looks after him. They used to go to the memory café but it's shut. "
        "Anything like that nearer?",
    )
    coffee = make_service(
        km=1, needs=["carers"], name="Carers' Coffee Morning", description="A cuppa and a chat."
    )
    (unmet,) = match(carer, [coffee], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "dementia:together"
    assert unmet.reason.startswith("no memory café or dementia group")
    cafe = make_service(
        km=3,
        needs=["carers"],
        name="Memory Café",
        description="For people living with dementia and their carers.",
    )
    assert match(carer, [coffee, cafe], taxonomy=taxonomy, now=now).unmet_needs == []
    # a carer who asks for company alone is met by the coffee morning
    chat = make_person(
        needs=("carers",), circumstances=("carers",), goals="mum has dementia, I'd like to meet other carers"
    )
    assert match(chat, [coffee], taxonomy=taxonomy, now=now).unmet_needs == []
    # the group the two of them went to, lost, is asked for as surely as one named
    lost = make_person(
        needs=("older_people",),
        goals="80, Goole, wife diagnosed vascular dementia in spring. The Goole group they went to 'stopped'.",
    )
    lunch = make_service(km=1, needs=["older_people"], name="Over 60s Lunch Club", description="Lunch.")
    (unmet,) = match(lost, [lunch], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "older_people" and unmet.requirement == "dementia:together"
    # his own club, lost, is not a dementia group asked for
    own = make_person(
        needs=("older_people",),
        goals="wife has dementia. He used to go to the bowls club until it closed.",
    )
    assert all(
        u.requirement != "dementia:together"
        for u in match(own, [coffee], taxonomy=taxonomy, now=now).unmet_needs
    )


def test_a_young_lgbtq_persons_youth_group_out_of_reach_is_said_unmet(
    make_service, make_person, taxonomy, now
):
    """A 15-year-old's age reads the young people's need too weakly to call it unmet on its own; a
    trans 15-year-old who wants "other kids like him" needs a youth group for them, and the only one
    is 27 km away."""
    youth = make_service(
        km=27.5,
        needs=["young_people", "loneliness"],
        eligibility=["lgbtq"],
        minimum_age=11,
        maximum_age=18,
        name="Out There Youth",
        description="A safe space for LGBTQ+ young people aged 11-18.",
    )
    by_age = [
        InferredNeed("loneliness", 0.86, ("meet other kids",)),
        InferredNeed("young_people", 0.6, ("15",)),
    ]
    words = "15, came out as trans to his mum, getting grief at school, wants to meet other kids like him"
    teen = make_person(goals=words, age=15, circumstances=("lgbtq",))
    unmet = match(teen, [youth], taxonomy=taxonomy, now=now, inferred_needs=by_age).unmet_needs
    assert "young_people" in [u.need for u in unmet]
    lad = make_person(goals="15, getting grief at school, wants to meet other kids", age=15)
    assert "young_people" not in [
        u.need for u in match(lad, [youth], taxonomy=taxonomy, now=now, inferred_needs=by_age).unmet_needs
    ]


def test_a_carer_up_every_night_needs_a_nights_cover_not_a_daytime_sit(
    make_service, make_person, taxonomy, now
):
    carer = make_person(
        needs=("carers",),
        circumstances=("carers",),
        goals="Husband 84 caring for wife, up every night wandering. Needs overnight cover / respite so he can sleep.",
    )
    daytime = make_service(
        km=1,
        needs=["carers"],
        name="Sitting service",
        description="A support worker sits with the person you look after. Daytime only. We don't do overnight sits.",
    )
    (unmet,) = match(carer, [daytime], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "carers:overnight"
    assert unmet.reason.startswith("no overnight sitting or respite for carers")
    nights = make_service(
        km=4, needs=["carers"], name="Night sitting", description="Overnight sits so carers can sleep."
    )
    assert match(carer, [daytime, nights], taxonomy=taxonomy, now=now).unmet_needs == []


def test_someone_sleeping_rough_who_asks_for_a_bed_is_not_met_by_a_day_centre(
    make_service, make_person, taxonomy, now
):
    person = make_person(
        needs=("housing",),
        goals="Woman, 41, sleeping rough Tottenham since the summer. Needs somewhere safe to sleep.",
    )
    day_centre = make_service(
        km=1,
        needs=["housing"],
        name="Day Centre",
        description="Breakfast, showers, clothes, housing advice. Outreach can help into hostels.",
    )
    (unmet,) = match(person, [day_centre], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.requirement == "activity:somewhere_to_stay"
    assert "no emergency bed or accommodation" in unmet.reason
    shelter = make_service(
        km=3, needs=["housing"], name="Winter Night Shelter", description="A winter night shelter."
    )
    assert match(person, [day_centre, shelter], taxonomy=taxonomy, now=now).unmet_needs == []
