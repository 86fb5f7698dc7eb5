"""Reading the person's own words: circumstances, preferences and age, and what they change."""

from __future__ import annotations

import pytest

from matching import Profile, match
from matching.person import needs_step_free, read_age, read_person, with_words_read
from matching.preferences import read_preferences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ex-army, lost his wife last year, wants to meet people", {"veterans", "men"}),
        ("71-year-old caring for her husband with dementia", {"carers", "women"}),
        ("Older gay man, partner died in spring", {"lgbtq", "men"}),
        ("Deaf, uses BSL, wants to meet people", {"deaf_bsl"}),
        ("Asylum seeker in a hotel, wants English classes", {"refugees"}),
        ("Not been right since the baby. Cries a lot", {"pregnant_new_parents"}),
        # Parenting is not caring, and a son's "he" does not make his mother a man.
        ("caring for young children, wants to get fitter", set()),
        ("Her son is 24 and she's at the end of her tether; he smokes all day", {"women"}),
    ],
)
def test_circumstances_come_from_explicit_words(text, expected):
    assert set(read_person(text).circumstance_codes) == expected


def test_someone_else_in_the_sentence_does_not_set_the_persons_gender():
    # "his wife" is about the wife; the person is the man.
    assert "women" not in read_person("He looks after his wife, she has MS").circumstance_codes
    assert read_person("Says she is fine. Husband has a temper, he shouts").circumstance_codes == ("women",)
    # whoever reports it is not the person: "She says he needs to get out"; "the missus" is his wife
    laid_off = "Laid off, bills piling up, snappy with the missus. She says he needs to get out."
    assert read_person(laid_off).circumstance_codes == ("men",)
    assert read_person("Her daughter says she needs company").circumstance_codes == ("women",)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "not one for coffee mornings and doesn't want to talk much",
            {"not_coffee_mornings", "not_talking_much"},
        ),
        ("evenings only as he works days", {"evenings"}),
        ("somewhere quiet, can't cope with crowds", {"quiet"}),
        ("no car, bad knee", {"no_transport"}),
        ("would rather be with other dads", {"men_only_setting"}),
        ("skint and can't afford the gas", set()),  # a money need, not a wish about cost
    ],
)
def test_preferences(text, expected):
    assert set(read_person(text).preference_codes) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He's never really been one for them coffee mornings", {"not_coffee_mornings"}),
        ("Can't face a room full of people, would prefer one-on-one", {"not_groups"}),
        ("Groups aren't her thing. Happy on the phone though", {"not_groups", "phone_ok"}),
        ("Hates crowds and noisy places, wants somewhere calm", {"quiet"}),
        ("Not a big talker, likes being outside in the fresh air", {"not_talking_much", "outdoors"}),
        ("Doesn't want to say much, would rather do something practical", {"not_talking_much"}),
        ("Only free after his shift", {"evenings"}),
        ("Wants to get out at the weekend", {"weekends"}),
        ("Must be in the daytime, doesn't go out after dark", {"daytime"}),
        ("Would like an online course in bookkeeping", {"online_ok"}),
        ("She'll only go if it's free", {"free_only"}),
        ("Can't get to town, two buses from the estate", {"no_transport"}),
        ("Nothing churchy please", {"not_faith_based"}),
        ("Says she'd love to learn to paint", {"creative"}),
        # The same words meaning something else: who she talks to, a drink, last weekend, how
        # the note was taken, a job at weekends.
        ("Doesn't want to talk to her sister about it", set()),
        ("Has a pint after work most days", set()),
        ("Fell over last weekend", set()),
        ("Phone call with Mr Ahmed, lonely since retiring", set()),
        ("Works weekends in a care home", set()),
    ],
)
def test_preferences_in_everyday_words(text, expected):
    assert set(read_person(text).preference_codes) == expected


@pytest.mark.parametrize(
    "text, group, is_theirs",
    [
        ("Looks after her dad who has Parkinson's", "carers", True),
        ("Needs a break from caring, even an hour a week", "carers", True),
        ("I care for my wife, she can't be left", "carers", True),
        ("Husband is a veteran and she's his carer", "carers", True),
        ("Husband is a veteran and she's his carer", "veterans", False),
        # The carer is someone else, the carers are paid, or the words deny it.
        ("His wife is a carer for her own mother", "carers", False),
        ("Daughter now carer since his fall", "carers", False),
        ("Has carers twice a day since the fall", "carers", False),
        ("Not a carer as such, just visits her aunt", "carers", False),
        # Caring that has ended: a former carer.
        ("Wants work after years caring for her mum, now in a care home", "carers", False),
        ("Used to look after my dad until he passed", "carers", False),
        ("Since mum was diagnosed I do everything for her", "carers", True),
        ("Did his national service, lost his wife in May", "veterans", True),
        ("Her husband was in the navy for twenty years", "veterans", False),
        ("Son is autistic and she's at the end of her rope", "people_with_disabilities", False),
        ("Has a disabled daughter, wants time for herself", "people_with_disabilities", False),
        ("Deaf mum of two, wants to meet other parents", "deaf_bsl", True),
        ("Needs reasonable adjustments at work", "people_with_disabilities", True),
        ("Deaf, signs, wants a group where others sign", "deaf_bsl", True),
        # hard of hearing people can use a hard-of-hearing group (not a BSL club: a situation)
        ("Hard of hearing, would like to learn sign language", "deaf_bsl", True),
        ("Hard of hearing, would like to learn sign language", "people_with_disabilities", True),
        ("Since she came out her parents won't speak to her", "lgbtq", True),
        ("He came out of hospital last week", "lgbtq", False),
        ("Got her status last month, living in a hostel", "refugees", True),
        ("Bairn's only seven weeks and I'm shattered", "pregnant_new_parents", True),
        ("Lost the baby in the spring, can't stop crying", "pregnant_new_parents", False),
        (
            "Son (9) autistic, EHCP battle, she gave up work to care for him",
            "people_with_disabilities",
            False,
        ),
        ("Son (9) autistic, EHCP battle, she gave up work to care for him", "carers", True),
    ],
)
def test_circumstances_of_the_person_not_of_someone_else(text, group, is_theirs):
    assert (group in read_person(text).circumstance_codes) is is_theirs


@pytest.mark.parametrize(
    "text, age",
    [
        ("Widower, 78, hasn't left the house", 78),
        ("71-year-old caring", 71),
        ("aged 16 and bored", 16),
        ("in her 70s", 75),
        ("Man, 40s, partner violent", 45),
        ("lonely. 88. ex-miner.", 88),
        ("She is 8 months pregnant", None),
        ("owes 45 pounds on the meter", None),
        ("I'm ninety-seven and my mind's all there", 97),
        ("66 wants to lern how to use ipad", 66),
        ("my husband has dementia, he is 80, I am 76", 76),
        # the pronoun belongs to the son just named: his age, not the person's
        ("Asking about a holiday club for her son. He's 12 with ADHD", None),
        ("twenty years ago I was fit", None),
        # years served or sober are not years of age
        ("Ex-Army, 22 yrs in. Crowds set him off", None),
        ("I'm 30 years clean and want to give back", None),
        ("Widower, 78 years of age, no car", 78),
        # a relative's age is not the person's; a young mum's or a nan's is
        ("Mum (80) moved in with us after her fall", None),
        ("Dad, 84, lives with us now", None),
        ("Husband (72) has dementia", None),
        ("Mum, 34, two under five", 34),
        ("Nan, 70, has the grandson full time", 70),
    ],
)
def test_age_stated_in_the_words(text, age):
    found = read_age(text)
    assert (found[0] if found else None) == age


def test_a_veteran_gets_the_veterans_group_first(make_service, make_person, taxonomy, now):
    general = make_service(km=0.5, name="Friendship café", description="Coffee and chat for anyone.")
    veterans = make_service(km=1.5, name="Breakfast club", description="A breakfast club for veterans.")
    plain = match(
        make_person(needs=("loneliness",), goals="lonely since he retired"),
        [general, veterans],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.service_id for m in plain.matches] == [general["id"], veterans["id"]]
    ex_forces = match(
        make_person(needs=("loneliness",), goals="Ex-army, lonely since he retired"),
        [general, veterans],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.service_id for m in ex_forces.matches] == [veterans["id"], general["id"]]
    assert {"kind": "for_group", "code": "veterans"} in ex_forces.matches[0].reasons
    assert ex_forces.understood["circumstances"][0] == {"code": "veterans", "words": "Ex-army"}


def test_stated_preferences_move_services(make_service, make_person, taxonomy, now):
    coffee = make_service(km=0.5, name="Coffee morning", description="A coffee morning with a chat.")
    walk = make_service(km=1.0, name="Walking group", description="A gentle walk in the park.")
    person = make_person(needs=("loneliness",), goals="lonely, not one for coffee mornings")
    result = match(person, [coffee, walk], taxonomy=taxonomy, now=now)
    assert [m.service_id for m in result.matches] == [walk["id"], coffee["id"]]
    assert "coffee-morning style" in result.matches[1].warnings


def test_someone_who_cannot_travel_is_suited_by_a_visit_not_by_a_borough_wide_group_at_its_hall(
    make_service, make_person, taxonomy, now
):
    hall = make_service(km=1.0, name="Friendship group", area_wide=True, service_area=["E08000009"])
    visits = make_service(km=1.0, name="Befriending", delivery=["in_person", "home_visits"])
    person = make_person(needs=("loneliness",), goals="lonely, no car and a bad knee")
    result = match(person, [hall, visits], taxonomy=taxonomy, now=now)
    assert [m.service_id for m in result.matches] == [visits["id"], hall["id"]]
    suited = {m.service_id: {"kind": "suits", "code": "no_transport"} in m.reasons for m in result.matches}
    assert suited == {visits["id"]: True, hall["id"]: False}


def test_a_person_who_cannot_face_groups_gets_one_to_one_first(make_service, make_person, taxonomy, now):
    group = make_service(km=0.5, name="Friendship group", description="A weekly group to meet people.")
    befriending = make_service(km=1.0, name="Befriending", description="A volunteer befriender visits you.")
    person = make_person(needs=("loneliness",), goals="lonely but can't face a room full of strangers")
    result = match(person, [group, befriending], taxonomy=taxonomy, now=now)
    assert [m.service_id for m in result.matches] == [befriending["id"], group["id"]]


def test_caring_today_opens_a_carers_service_and_caring_that_ended_does_not(
    make_service, make_person, taxonomy, now
):
    carers_only = make_service(eligibility=["carers"], name="Carers' centre")

    def offered(words: str, **person) -> bool:
        result = match(
            make_person(needs=("loneliness",), goals=words, **person),
            [carers_only],
            taxonomy=taxonomy,
            now=now,
        )
        return [m.service_id for m in result.matches] == [carers_only["id"]]

    # A carer is a carer whether or not the box was ticked ...
    assert offered("Mum keeps forgetting things. I'm round there every day doing everything for her")
    assert offered("looks after her husband, never gets a break")
    # ... but caring that has ended makes a former carer, and a carers' centre is for carers today.
    assert not offered("after years caring for her mum, who is now in a care home, she is lonely")
    assert not offered("was his carer until he died in March")
    assert offered("was his carer until he died in March", circumstances=("carers",))


def test_an_identity_the_words_state_opens_a_restricted_service_only_when_ticked(
    make_service, make_person, taxonomy, now
):
    veterans_only = make_service(eligibility=["veterans"], name="Veterans' breakfast club")
    words = "ex-army, twenty years in the forces, hardly sees anyone"
    described = match(
        make_person(needs=("loneliness",), goals=words), [veterans_only], taxonomy=taxonomy, now=now
    )
    assert described.matches == [] and described.excluded == {"only for veterans": 1}
    # The reading is shown, so the link worker can tick the box if it is true.
    assert described.understood["circumstances"][0]["code"] == "veterans"
    ticked = match(
        make_person(needs=("loneliness",), goals=words, circumstances=("veterans",)),
        [veterans_only],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.service_id for m in ticked.matches] == [veterans_only["id"]]


def test_age_in_the_words_applies_the_age_limits(make_service, make_person, taxonomy, now):
    youth = make_service(maximum_age=25, name="Youth club")
    result = match(
        make_person(needs=("loneliness",), goals="Widower, 78, hardly goes out"),
        [youth],
        taxonomy=taxonomy,
        now=now,
    )
    assert result.matches == [] and result.excluded == {"outside age range": 1}


def test_a_condition_of_a_child_named_with_their_age_is_the_childs_not_the_parents():
    parent = read_person("Mum, 47, Dukinfield. Lad of 12 - autism and ADHD, sent home from school.")
    assert "people_with_disabilities" not in [c.code for c in parent.circumstances]
    # a note about the young person themself still says it
    young = read_person("Lad of 17 - autism, wants to meet people like him")
    assert "people_with_disabilities" in [c.code for c in young.circumstances]


@pytest.mark.parametrize(
    ("goals", "caring"),
    [
        ("lives alone, only sees carer + daughter on Sundays", False),
        ("has a carer three times a day since the fall", False),
        ("she is his carer since the stroke", True),
        ("full time carer for her husband", True),
        # a care worker to pay for, wanted for the person
        ("Dad's 88, on his own. We can't afford paying a carer.", False),
    ],
)
def test_someone_who_is_cared_for_is_not_a_carer(goals, caring):
    from matching.person import caring_now

    assert bool(caring_now(goals)) is caring


def test_a_phone_line_refused_is_no_liking_for_the_phone():
    said = read_preferences("Wants to meet other carers face to face - 'not another phone line'.")
    assert ("in_person", "face to face") in said and "phone_ok" not in {code for code, _ in said}
    assert "phone_ok" in {code for code, _ in read_preferences("happy to talk on the phone")}


def test_a_day_the_person_cannot_do_is_no_wish_for_daytime_sessions():
    said = dict(
        read_preferences("Works full time days so can't do daytime anything. Asked for a carers group")
    )
    assert "evenings" in said and "daytime" not in said
    assert "daytime" in dict(read_preferences("Daytime groups suit her best"))


@pytest.mark.parametrize(
    "goals, step_free",
    [
        ("In a wheelchair since the amputation. Used to go to the lunch club", True),
        ("84, cant do stairs well. lonely since her husband died", True),
        ("misses a natter. 'I'm not going to something upstairs I can't get into.'", True),
        ("Step-free venues only please, she sings", True),
        ("uses a mobility scooter to get to the shops", True),
        ("82, sheltered flat. 'I go days without a word to anybody.' Walks with frame.", True),
        ("gets about with a zimmer now, misses chapel", True),
        # out of breath, slow, someone else's wheelchair, or a wheelchair-accessible wish list item
        ("COPD, breathless on the stairs, wants a singing group", False),
        ("Walks with a stick, manages stairs slowly", False),
        ("Husband uses a wheelchair; she is worn out and wants other carers to talk to", False),
        ("her husband walks with a frame now and she does everything", False),
        ("pushed him down the stairs last week, wants someone to talk to", False),
        ("Cares for husband (MS, wheelchair) full time, gave up her job", False),
        ("In a wheelchair (MS) since 2019, lonely", True),
    ],
)
def test_step_free_access_is_read_from_the_persons_words(goals, step_free):
    assert (needs_step_free(goals) is not None) == step_free


def test_a_wheelchair_in_the_words_leaves_out_a_venue_with_no_step_free_way_in(
    make_service, make_person, taxonomy, now
):
    upstairs = make_service(name="Upstairs lunch club", wheelchair=False)
    unknown = make_service(name="Lunch club, access not said", wheelchair=None)
    result = match(
        make_person(needs=("loneliness",), goals="81, in a wheelchair since her hip op, lonely"),
        [upstairs, unknown],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in result.matches] == ["Lunch club, access not said"]
    assert result.excluded == {"no wheelchair access": 1}
    assert "wheelchair access not recorded" in result.matches[0].warnings
    assert result.understood["step_free"] == {"words": "wheelchair"}
    walking = match(
        make_person(needs=("loneliness",), goals="81, walks fine, lonely"),
        [upstairs],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in walking.matches] == ["Upstairs lunch club"]


def test_coming_out_of_the_forces_is_not_coming_out_as_gay():
    veteran = read_person("Ex REME, 22 yrs in. Struggling since he came out, wife says he bottles it all up.")
    assert "lgbtq" not in veteran.circumstance_codes
    assert "lgbtq" in read_person("since she came out her mum won't speak to her").circumstance_codes
    assert "lgbtq" in read_person("Ex-army, came out as gay last year").circumstance_codes


def test_a_service_for_the_persons_own_group_is_relevant_when_its_meaning_is_near_enough(
    make_service, make_person, taxonomy, now
):
    # An LGBT+ centre tagged for mental health, for a gay teenager who is lonely: not a need they
    # share, but close in meaning to the words (the cosine retrieval gives it) and made for them.
    centre = make_service(
        name="Rainbow Centre",
        needs=["mental_wellbeing"],
        description="Drop-ins for lesbian, gay, bisexual and trans people.",
        _semantic=0.35,
    )
    words = "recently came out, feeling isolated"

    def offered(**person) -> bool:
        result = match(
            make_person(needs=("loneliness",), goals=words, **person), [centre], taxonomy=taxonomy, now=now
        )
        return [m.service_id for m in result.matches] == [centre["id"]]

    assert offered(circumstances=("lgbtq",))
    assert not offered()
    # made for others whose limit they happen to meet (older people, for a veteran of 70): not theirs
    lunch = make_service(
        name="Pensioners' lunch", needs=["food"], situations=["older_people"], _semantic=0.35
    )
    veteran = make_person(needs=("loneliness",), goals=words, age=70, circumstances=("veterans",))
    assert match(veteran, [lunch], taxonomy=taxonomy, now=now).matches == []
    # a centre for the group whose words are far from the person's is not
    centre["_semantic"] = 0.2
    assert not offered(circumstances=("lgbtq",))


def test_a_service_only_for_the_persons_own_group_is_relevant_whatever_it_is_tagged_with(
    make_service, make_person, taxonomy, now
):
    hub = make_service(
        name="Veterans' Hub",
        needs=["welfare_benefits", "housing"],
        eligibility=["veterans"],
        description="Drop-in for ex-forces: benefits, housing and a brew.",
        _semantic=0.1,
    )
    shed = make_service(name="Men's Shed", needs=["arts_creativity"], eligibility=["men"], _semantic=0.1)
    widower = make_person(
        needs=("bereavement",), goals="lost his wife in May, can't settle", circumstances=("veterans", "men")
    )
    offered = [m.service_id for m in match(widower, [hub, shed], taxonomy=taxonomy, now=now).matches]
    # his own group's service, though it meets no need he named; not every men's group for every man
    assert offered == [hub["id"]]


def test_dementia_services_open_to_the_person_diagnosed_and_whoever_cares_for_them():
    for goals in (
        "Daughter asking for dad: vascular dementia dx, in a wheelchair since his stroke.",
        "79, Eston. Daughter says mam keeps getting lost coming back from the Co-op (diagnosed Alzheimer's).",
        "Looks after his wife, she's got Alzheimer's, he's doing everything now.",
        # a carer whose words give the failing memory before any diagnosis
        "Mum keeps forgetting things, left the gas on twice. I'm round there every day doing everything for her.",
        "looking after the wife, her memorys going, never get a minute to myself",
    ):
        profile, _ = with_words_read(Profile(goals=goals), None)
        assert "people_with_dementia" in profile.eligible_groups, goals
    for goals in (
        "Lost her husband Ron (he had dementia) 18 months ago. Lives on her own now.",
        "Wife Jean went in a care home (dementia) in July; he visits every day then back to an empty house.",
        # forgetting, said of no one they care for
        "I keep forgetting things since the menopause and my mood is low",
    ):
        profile, _ = with_words_read(Profile(goals=goals), None)
        assert "people_with_dementia" not in profile.eligible_groups, goals


@pytest.mark.parametrize(
    "text",
    [
        "Deaf as a post on the phone - just says 'pardon' and puts it down",
        "Deaf, BSL user, can't use phone lines",
        "Text only, no phone.",
        "Mum says he won't answer the phone",
    ],
)
def test_someone_who_cannot_use_a_phone_is_no_one_happy_on_it(text):
    said = {code for code, _ in read_preferences(text)}
    assert "not_by_phone" in said and "phone_ok" not in said


def test_someone_whose_cared_for_parent_is_in_a_home_now_is_a_former_carer(taxonomy):
    words = "46, on UC. Out of work 6 yrs caring for her mum, who's in a home now. Wants to get back to work."
    profile, _ = with_words_read(
        Profile.from_dict({"goals": words}, taxonomy), taxonomy.eligibility_codes() or None
    )
    assert "carers" not in profile.eligible_groups
