"""Situations a service is restricted to in prose ("bereaved by suicide", "stroke survivors",
"Thirteen Group tenants only"), read from the record, stated by the person, and kept apart."""

from __future__ import annotations

import pytest

from matching import match, violations
from matching.situations import wider_heritages, with_implied
from matching.stated_situations import person_situations
from matching.understanding.ages import find_ages
from matching.understanding.conditions import find_situations
from matching.understanding.reach import find_residency
from matching.understanding.record import normalise


def situations_of(**record) -> list[str]:
    return [f.value for f in find_situations(normalise({"name": "A group", **record}))]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"eligibility_description": "Anyone bereaved by suicide, at any time"}, ["bereaved_by_suicide"]),
        ({"name": "Redcar Stroke Survivors Café"}, ["stroke"]),
        (
            {"description": "Gentle exercise for people with heart failure, referred by the cardiac nurses."},
            ["heart"],
        ),
        (
            {"description": "Relapse prevention. For people in treatment with the Recovery Service only."},
            ["in_treatment"],
        ),
        ({"eligibility_description": "Thirteen Group tenants only."}, ["social_tenants"]),
        ({"description": "A social group for people who have lost a husband, wife or partner."}, ["widowed"]),
        ({"eligibility_description": "Adults (18+) with a learning disability"}, ["learning_disability"]),
        (
            {
                "name": "Home from Hospital - Northern General",
                "description": "Volunteers visit you at home for up to 6 weeks after you come out of hospital. "
                "For patients discharged from the Northern General or Royal Hallamshire who live in Sheffield.",
            },
            ["hospital_discharge"],
        ),
    ],
)
def test_a_restriction_in_prose_is_read(record, expected):
    assert situations_of(**record) == expected


@pytest.mark.parametrize(
    "record",
    [
        {"description": "Bereavement support for anyone, whatever the cause, including suicide."},
        {"description": "Home help for people with cancer and other life-limiting illnesses."},
        {"description": "Lunch club. Everyone welcome, including people living with cancer."},
        {"description": "Free advice on benefits, debt, housing and domestic abuse."},
        {"description": "Swimming lessons: front crawl and breast stroke for beginners."},
        {"description": "An allotment for adults with mental health problems or learning disabilities."},
        {"description": "Day care for children and adults who have physical and/or learning disabilities."},
        # the fifth of what an organisation offers, not whom it is for
        {
            "description": "Age UK provides advice, benefits checks, a day centre, befriending, footcare, help at "
            "home, Home from Hospital and a handyperson service to people aged 50 and over."
        },
    ],
)
def test_a_situation_named_in_passing_restricts_nobody(record):
    assert situations_of(**record) == []


def test_the_person_states_a_situation_in_their_own_words_and_denial_is_not_a_statement():
    assert [s.code for s in person_situations("her son took his own life last spring")] == [
        "bereaved_by_suicide"
    ]
    assert [s.code for s in person_situations("lost my husband in March, he had cancer")] == [
        "widowed",
        "cancer",
    ]
    assert person_situations("skint, three kids, has a house (not homeless)") == []
    # a housing need read from the words would imply it, but the words deny it
    assert person_situations("skint, has a house (not homeless)", needs=("housing",)) == []
    assert [s.code for s in person_situations("behind on rent", needs=("housing",))] == ["homeless"]


def codes_said(text: str) -> list[str]:
    return [s.code for s in person_situations(text)]


def test_a_situation_said_of_someone_else_is_not_the_persons_but_an_illness_they_care_for_is():
    assert codes_said("his brother was in prison") == []
    assert codes_said("husband recently made redundant, money worries") == []
    assert codes_said("our kid has been clean since summer, I'm the one falling apart") == []
    assert codes_said("I lost my job in March") == ["unemployed"]
    assert codes_said("caring for her mum who has cancer") == ["cancer"]
    assert codes_said("23, left Lancs care at 18, never had a proper job") == ["care_leavers"]
    assert "care_leavers" not in codes_said("was in intensive care after the stroke")
    # wanted, not yet theirs
    assert codes_said("on the waiting list for a council flat") == []


def test_a_group_for_parents_of_disabled_children_is_not_for_every_carer():
    assert situations_of(eligibility_description="Parent carers of children/young people with SEND") == [
        "parent_carers"
    ]
    assert situations_of(
        description="Coffee morning for parents and carers of children and young people (0-25) with "
        "special educational needs or disabilities."
    ) == ["parent_carers"]
    assert "parent_carers" in codes_said("mum of a 7 year old with autism, never gets a break")
    assert "parent_carers" in codes_said("her son is disabled and she cares for him full time")
    # a note that starts with the child: his mother is a parent carer, not autistic herself
    assert codes_said(
        "Son (9) autistic, EHCP battle with the council, she gave up work to care for him."
    ) == ["parent_carers"]
    assert codes_said("husband diagnosed with Alzheimer's last year, she is on her knees") == ["dementia"]


def test_a_course_for_carers_of_people_with_dementia_is_not_for_every_carer():
    course = situations_of(
        name="Caring for Someone with Dementia", eligibility_description="Carers of people with dementia."
    )
    assert course == ["dementia"]
    assert "dementia" in codes_said("looks after her mum, who has vascular dementia")
    assert "dementia" in codes_said("his memory's going and his wife is worn out")
    assert "dementia" in codes_said("Husband's memory going downhill, she does everything")
    assert "dementia" not in codes_said("a memory going back years, of the pits")
    assert "dementia" not in codes_said("14, looks after his mam who has MS")
    # welcoming people with dementia is not being only for them
    assert situations_of(name="Dementia-friendly swimming", description="Everyone welcome.") == []
    assert (
        situations_of(description="Lunch club for all, including people with dementia and their carers") == []
    )


def test_what_someone_died_of_is_not_the_bereaved_persons_condition():
    assert codes_said("ten year old, her dad died suddenly of a heart attack in the summer") == []
    assert codes_said("his mum passed away after years with COPD") == []
    # their own stroke, said beside a death, is still theirs; cancer services take the bereaved
    assert codes_said("my wife died last year, I had a stroke in May") == ["widowed", "stroke"]
    assert codes_said("lost my husband in March, he had cancer") == ["widowed", "cancer"]


def test_clinical_shorthand_states_a_situation():
    assert codes_said("58M, post-CVA, lives alone") == ["stroke", "lives_alone"]
    assert codes_said("Out of HMP 2/52, on licence") == ["prison_leavers"]
    assert codes_said("34, due out of Holme House next month") == ["prison_leavers"]
    # about to leave hospital, not prison: a home-from-hospital scheme takes referrals before discharge
    assert codes_said("due out of hospital next week") == ["hospital_discharge"]
    # a spell on a ward, over: just out of hospital (and not in it now)
    assert codes_said("had a fall, was on a ward at Royal Stoke, home since Tues") == ["hospital_discharge"]
    assert codes_said("bereaved (wife, Aug), not managing") == ["widowed"]
    assert codes_said("he checks my phone and decides what I wear") == ["domestic_abuse"]
    assert codes_said("HSA: home O2 at night, puffed out on the stairs") == ["lung"]


def test_a_club_for_bsl_users_opens_to_a_deaf_signer_or_a_ticked_box_not_to_hearing_loss():
    assert situations_of(eligibility_description="Deaf BSL users and their families") == ["bsl_users"]
    assert situations_of(description="A natter for people with hearing loss who do not use BSL.") == []
    assert person_situations("hard of hearing, new hearing aids, lonely") == []
    assert [s.code for s in person_situations("Deaf, uses BSL, lonely")] == ["bsl_users"]
    assert [s.code for s in person_situations("lonely", ticked=("deaf_bsl",))] == ["bsl_users"]
    # the form's box for "Refugees and people seeking asylum" opens a group for people seeking asylum
    assert [s.code for s in person_situations("no money, no English yet", ticked=("refugees",))] == [
        "seeking_asylum"
    ]
    # but not for someone whose words say they have their status
    for words in ("got her status last year", "Afghan family came on resettlement scheme"):
        assert "seeking_asylum" not in [s.code for s in person_situations(words, ticked=("refugees",))]


def test_postcode_districts_in_prose_limit_residents():
    record = normalise({"name": "Larder", "eligibility_description": "TS6 postcodes only"})
    assert [f.value for f in find_residency(record, None)] == ["TS6"]
    # a full postcode in an address is not a district limit
    address = normalise(
        {"name": "Hub", "description": "Come and see us at 12 High Street, TS6 7AB. Residents welcome."}
    )
    assert find_residency(address, None) == []


def test_an_age_limit_above_thirty_said_of_people_is_read():
    assert find_ages("Widowed under 60")[:2] == (None, 59)
    assert find_ages("We have been running for under 40 years")[:2] == (None, None)


def test_a_situation_only_service_is_held_back_from_someone_whose_words_do_not_state_it(
    make_service, make_person, taxonomy, now
):
    suicide = make_service(
        km=1, name="Bereaved by Suicide Group", needs=["bereavement"], situations=["bereaved_by_suicide"]
    )
    general = make_service(km=2, name="Cruse Bereavement Support", needs=["bereavement"])
    widow = match(
        make_person(goals="grieving, lost her husband to cancer"),
        [suicide, general],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in widow.matches] == ["Cruse Bereavement Support"]
    assert widow.excluded == {"only for people bereaved by suicide": 1}
    assert widow.understood["situations"][0]["code"] == "widowed"

    mother = match(
        make_person(goals="grieving, her son took his own life"),
        [suicide, general],
        taxonomy=taxonomy,
        now=now,
    )
    first = mother.matches[0]
    assert first.name == "Bereaved by Suicide Group"
    assert {"kind": "for_situation", "code": "bereaved_by_suicide"} in first.reasons


@pytest.mark.parametrize(
    ("words", "irish"),
    [
        ("Dad 79 (from Mayo originally), not himself since mam died", True),
        ("a Cork man, 80, lives alone", True),
        ("born in Co. Donegal, came over in the sixties", True),
        ("got a text from Kerry, her support worker", False),
        ("lives on Cork Street, lonely", False),
    ],
)
def test_where_in_ireland_someone_is_from_says_they_are_irish(words, irish):
    assert ("irish" in {s.code for s in person_situations(words, [], [])}) is irish


@pytest.mark.parametrize(
    ("words", "traveller"),
    [
        ("Irish Traveller, on the site nr Cottenham. 4 kids", True),
        ("From the travelling community, moved onto a council site last year", True),
        ("Romany Gypsy family, kids not in school", True),
        ("Keen traveller before his stroke, misses getting away", False),
    ],
)
def test_a_traveller_says_so_in_the_words_a_link_worker_types(words, traveller):
    assert ("roma" in {s.code for s in person_situations(words, [], [])}) is traveller


@pytest.mark.parametrize(
    "words", ["Pan z Polski, works at the factory, letters from DWP", "mówi tylko po polsku, lonely"]
)
def test_a_note_that_quotes_polish_says_the_person_is_polish(words):
    assert "polish" in {s.code for s in person_situations(words, [], [])}


def test_a_group_for_one_nationality_is_not_for_another_of_the_same_wider_heritage(
    make_service, make_person, taxonomy, now
):
    assert situations_of(eligibility_description="Bangladeshi women") == ["bangladeshi"]
    bangladeshi = make_service(
        km=1, name="Bangladeshi Women's Group", needs=["loneliness"], situations=["bangladeshi"]
    )
    asian = make_service(km=2, name="Asian Women's Circle", needs=["loneliness"], situations=["south_asian"])
    pakistani = match(
        make_person(goals="31, Pakistani heritage, lonely since moving here"),
        [bangladeshi, asian],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in pakistani.matches] == ["Asian Women's Circle"]
    sylheti = match(
        make_person(goals="Sylheti only, lonely"), [bangladeshi, asian], taxonomy=taxonomy, now=now
    )
    assert {m.name for m in sylheti.matches} == {"Bangladeshi Women's Group", "Asian Women's Circle"}


def test_someone_who_gives_only_the_wider_heritage_may_be_in_a_narrower_one_so_it_is_a_check(
    make_service, make_person, taxonomy, now
):
    elders = make_service(km=1, name="Pakistani Elders", needs=["loneliness"], situations=["pakistani"])
    somali = make_service(km=1, name="Somali Elders", needs=["loneliness"], situations=["somali"])
    asian = match(make_person(goals="Asian gent, 72, lonely"), [elders, somali], taxonomy=taxonomy, now=now)
    assert [m.name for m in asian.matches] == ["Pakistani Elders"]
    assert any("check" in w for w in asian.matches[0].warnings)
    # Urdu is Pakistan's language: its speaker is not sent to a group for another nation's people
    indian = make_service(km=1, name="Gujarati Sangat", needs=["loneliness"], situations=["indian"])
    urdu = match(
        make_person(goals="72, Urdu speaker, sat in the house"), [elders, indian], taxonomy=taxonomy, now=now
    )
    assert [m.name for m in urdu.matches] == ["Pakistani Elders"] and not urdu.matches[0].warnings


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"eligibility_description": "Adults with a learning disability assessed under the Care Act."},
            ["learning_disability"],
        ),
        (
            {"eligibility_description": "For adults with learning disabilities and/or autism."},
            ["learning_disability", "autism"],
        ),
        (
            {
                "name": "Menopause Café",
                "description": "For women going through the perimenopause or menopause.",
            },
            ["menopause"],
        ),
        # a general condition with examples after it is any condition, not the examples
        (
            {
                "description": "Free course for adults living with any long-term health condition - pain, diabetes, arthritis."
            },
            ["health_condition"],
        ),
    ],
)
def test_who_a_service_is_for_is_read_no_wider_and_no_narrower_than_it_says(record, expected):
    assert sorted(situations_of(**record)) == sorted(expected)


def test_autism_is_not_a_learning_disability_and_a_new_mum_is_not_menopausal():
    assert {s.code for s in person_situations("Dx autism last year (24), gaming all hours", [], [])} == {
        "autism"
    }
    assert "menopause" not in {
        s.code for s in person_situations("Baby 4 months, first one, cries a lot", [], [])
    }
    assert "menopause" in {s.code for s in person_situations("52, hot flushes, not sleeping", [], [])}


def test_a_voice_only_line_is_not_offered_to_a_deaf_bsl_user(make_service, make_person, taxonomy, now):
    voice = make_service(
        km=None,
        name="Crisis Line",
        delivery=["phone"],
        needs=["mental_wellbeing"],
        description="Call us 24/7.",
    )
    text = make_service(
        km=None,
        name="Text Line",
        delivery=["phone"],
        needs=["mental_wellbeing"],
        description="Text or call us 24/7.",
    )
    result = match(
        make_person(goals="low, anxious", circumstances=("deaf_bsl",)),
        [voice, text],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in result.matches] == ["Text Line"]
    assert result.excluded == {"phone only: not for a BSL user": 1}
    going_deaf = match(
        make_person(goals="81, low and anxious, going deaf, hearing aids don't help, doesn't sign"),
        [voice],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in going_deaf.matches] == ["Crisis Line"]


def test_a_service_open_to_someone_for_sure_ranks_above_one_they_would_have_to_check(
    make_service, make_person, taxonomy, now
):
    scheme = make_service(
        km=1, name="Back to Work Scheme", needs=["mental_wellbeing"], situations=["unemployed"]
    )
    group = make_service(km=1, name="Peer Support Group", needs=["mental_wellbeing"])
    result = match(
        make_person(goals="low, short fuse, might talk to other blokes"),
        [scheme, group],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in result.matches] == ["Peer Support Group", "Back to Work Scheme"]
    out_of_work = match(
        make_person(goals="low since he lost his job, might talk to other blokes"),
        [group, scheme],
        taxonomy=taxonomy,
        now=now,
    )
    assert (
        out_of_work.matches[0].features["circumstance_fit"] > result.matches[1].features["circumstance_fit"]
    )


def test_either_of_a_services_situations_is_enough_and_paperwork_is_a_check(
    make_service, make_person, taxonomy, now
):
    counselling = make_service(
        km=1,
        name="Women's Centre Counselling",
        needs=["mental_wellbeing"],
        situations=["domestic_abuse", "sexual_violence"],
    )
    job_club = make_service(km=1, name="Job Club", needs=["mental_wellbeing"], situations=["benefits"])
    result = match(
        make_person(goals="low since the assault, she was sexually assaulted last year"),
        [counselling, job_club],
        taxonomy=taxonomy,
        now=now,
    )
    by_name = {m.name: m for m in result.matches}
    assert set(by_name) == {"Women's Centre Counselling", "Job Club"}
    assert "only for people on benefits: check" in by_name["Job Club"].warnings


def test_a_need_only_situation_services_meet_is_unmet_and_says_why(make_service, make_person, taxonomy, now):
    suicide = make_service(
        km=1, name="Bereaved by Suicide Group", needs=["bereavement"], situations=["bereaved_by_suicide"]
    )
    result = match(
        make_person(goals="grieving since her mum died", needs=("bereavement",)),
        [suicide],
        taxonomy=taxonomy,
        now=now,
    )
    assert result.matches == []
    (unmet,) = result.unmet_needs
    assert unmet.reason.startswith("no bereavement service that you are eligible for")


def test_a_service_for_housebound_people_is_for_those_who_cannot_get_out_not_for_the_lonely(
    make_service, make_person, taxonomy, now
):
    assert situations_of(eligibility_description="Newcastle residents who are housebound") == ["housebound"]
    # one way in of two is not a restriction to it
    assert (
        situations_of(description="An online social for people who are housebound or live in rural areas.")
        == []
    )
    # meals "for older and housebound people" are for either
    assert situations_of(eligibility_description="Older and housebound people in Earlestown.") == []
    assert codes_said("92F, housebound, would like a visitor") == ["housebound"]
    assert codes_said("been stuck in since me knee went") == ["housebound"]
    assert codes_said("lives alone, can't get out, food via neighbour") == ["housebound", "lives_alone"]
    home_library = make_service(
        name="Home Library Service",
        needs=["loneliness"],
        situations=["housebound"],
        description="A volunteer brings books to your door every three weeks.",
    )

    def offered(words: str) -> bool:
        result = match(
            make_person(needs=("loneliness",), goals=words), [home_library], taxonomy=taxonomy, now=now
        )
        return bool(result.matches)

    assert not offered("lives on his own, family moved away, doesn't see a soul bar the postie")
    assert not offered("hardly leaves the house since his wife died")
    assert offered("hasn't been out since the fall, days are long")


def test_a_carer_of_someone_with_dementia_goes_with_them_to_a_dementia_cafe(
    make_service, make_person, taxonomy, now
):
    cafe = make_service(
        name="Dementia Café", needs=["carers", "loneliness"], eligibility=["people_with_dementia"]
    )
    words = "Looks after his wife (Alzheimer's), she's up in the night and he's running on empty"
    offered = match(make_person(needs=("carers",), goals=words), [cafe], taxonomy=taxonomy, now=now)
    assert [m.service_id for m in offered.matches] == [cafe["id"]]
    # someone whose words say nothing of dementia is not offered it
    other = match(
        make_person(needs=("carers",), goals="looks after her son, never gets a break"),
        [cafe],
        taxonomy=taxonomy,
        now=now,
    )
    assert other.matches == []


def test_one_offer_in_an_organisations_long_list_is_not_a_situation_it_is_restricted_to():
    assert (
        situations_of(
            name="Citizens Advice",
            description="Free advice on benefits, debt and housing, energy bills, a Macmillan benefits service "
            "for people affected by cancer, a Warm Homes scheme and outreach sessions.",
        )
        == []
    )
    assert situations_of(description="A support group for people affected by cancer, meeting monthly.") == [
        "cancer"
    ]
    # the last but one item of what it runs, before "and"
    assert (
        situations_of(
            name="Citizens Advice",
            description="Free advice on debt, benefits and housing, with a specialist debt team, a Help to "
            "Claim service, a Macmillan benefits project and outreach at GP surgeries.",
        )
        == []
    )


def test_a_widow_or_widower_in_the_words_a_link_worker_writes():
    for words in (
        "lost the wife last back end, sat in house all day now",
        "84, husband was a miner at Astley Green, died last yr. lonely",
        "wife died 2 yrs ago",
    ):
        assert "widowed" in codes_said(words), words
    for words in (
        "my husband's mum died in May, he is struggling",
        "my husband looks after me since my mum died",
        "my wife is poorly. Her dad died last year",
    ):
        assert "widowed" not in codes_said(words), words


def test_a_club_for_blind_people_is_not_for_a_wheelchair_user_who_ticked_disabled(
    make_service, make_person, taxonomy, now
):
    assert situations_of(eligibility_description="For people with sight loss.") == ["sight_loss"]
    assert situations_of(description="Lunch club. Visually impaired people welcome too.") == []
    club = make_service(
        km=1,
        name="VI Social Club",
        needs=["loneliness"],
        eligibility=["people_with_disabilities"],
        situations=["sight_loss"],
    )
    wheelchair = match(
        make_person(
            goals="81, in a wheelchair since her hip op, lonely", circumstances=["people_with_disabilities"]
        ),
        [club],
        taxonomy=taxonomy,
        now=now,
    )
    assert wheelchair.matches == []
    blind = match(
        make_person(
            goals="registered blind, lonely since moving", circumstances=["people_with_disabilities"]
        ),
        [club],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in blind.matches] == ["VI Social Club"]


def test_a_scheme_for_people_seeking_asylum_is_not_for_a_refugee_resettled_with_status():
    assert situations_of(name="Asylum Seeker Befriending Scheme") == ["seeking_asylum"]
    assert situations_of(description="Only for people in the asylum system.") == ["seeking_asylum"]
    # both named: the service is for either
    assert situations_of(eligibility_description="Only for asylum seekers and refugees.") == []
    assert situations_of(eligibility_description="People seeking asylum, refugees and families.") == []
    resettled = [s.code for s in person_situations("Afghan family came on resettlement scheme 6 month ago")]
    assert resettled == ["afghan"]  # their community, not the asylum system
    assert [s.code for s in person_situations("still waiting on the Home Office decision")] == [
        "seeking_asylum"
    ]
    # a hotel's resident is seeking asylum too (the narrower situation implies the wider)
    in_hotel = [s.code for s in person_situations("in a hotel, still waiting on the Home Office decision")]
    assert in_hotel == ["asylum_hotel"] and "seeking_asylum" in with_implied(in_hotel)


def test_a_line_for_anyone_in_farming_is_for_farmers_not_for_a_farm_cottage():
    assert situations_of(
        description="National confidential helpline for anyone in farming - money, mental health, "
        "disputes, animal disease."
    ) == ["farming"]
    assert situations_of(description="Local produce at the monthly farmers' market in the square.") == []
    assert "farming" in codes_said("56, sheep farmer near Bellingham, RPA paperwork behind")
    assert "farming" not in codes_said("looks after husband with dementia in a farm cottage near Longnor")
    assert "farming" in codes_said("68M, fed up since handing the farm to his son, lost his purpose")


def test_a_drop_in_only_for_packhouse_workers_is_not_for_a_warehouse_driver():
    assert situations_of(
        description="Drop-in advice for seasonal farm & packhouse workers. Only for agricultural/packhouse "
        "workers and their families, not general public."
    ) == ["farming"]
    assert "farming" in codes_said("Lithuanian lady, works at the packhouse in Wisbech, nights")
    assert "farming" in codes_said("Polish couple, both fruit picking this summer, no GP")
    assert "farming" not in codes_said("Latvian man 41, forklift driver at a distribution warehouse in March")


def test_who_is_seen_first_is_not_who_may_come():
    assert (
        situations_of(
            eligibility_description="Wigan borough residents only. Appts prioritised for SUs with court dates / NFA."
        )
        == []
    )
    assert situations_of(eligibility_description="For people who are homeless or NFA.") == ["homeless"]


@pytest.mark.parametrize(
    "record, expected",
    [
        (
            {"description": "A safe space ONLY for women of South Asian heritage - Pakistani, Bangladeshi."},
            ["south_asian"],
        ),
        (
            {"eligibility_description": "Asian and Black women and their children"},
            ["south_asian", "african_caribbean"],
        ),
        ({"description": "A friendly group for Arabic-speaking mums and their babies."}, ["arabic"]),
        ({"description": "Lunch club for Somali elders on Saturdays."}, ["somali"]),
        # a community's women named as the group are who it is for; a centre may be open to all
        (
            {"name": "Somali Women's Group Bolton", "description": "Weekly meet up, help with forms."},
            ["somali"],
        ),
        ({"name": "Indian Senior Citizens Centre", "description": "Lunch, bingo and trips."}, []),
        # and its carers or elders, and the group named after a dash (session 48)
        (
            {"name": "Carers' Circle - Southwark African & Caribbean Carers", "description": "Peer support."},
            ["african_caribbean"],
        ),
        ({"name": "Tamil Carers Peer Group", "description": "Monthly, with tea."}, ["south_asian"]),
        # either community ("Kurdish & Syrian women": a Syrian woman is one)
        (
            {"name": "Stitch & Share - Kurdish & Syrian women", "description": "Sewing and chat."},
            ["arabic", "turkish_kurdish"],
        ),
        # a word that is itself the people, and a community's newcomers; "and their friends" opens it
        ({"name": "HK Newcomers WhatsApp", "description": "A group for Hongkongers in LLR."}, ["chinese"]),
        ({"eligibility_description": "Older Irish people and their friends"}, []),
        # but not when the words say who comes mostly
        (
            {
                "name": "Stitch & Share - Kurdish & Syrian women",
                "description": "Sewing for refugee women, mostly from the Kurdish and Syrian communities.",
            },
            [],
        ),
        ({"description": "Aimed at Bangladeshi women but all women welcome!"}, []),
        (
            {
                "name": "Irish Community Centre - Tuesday Social",
                "description": "Open to all, though our members are mostly from the Irish community.",
            },
            [],
        ),
        ({"name": "African Drumming Group", "description": "Learn to drum. Everyone welcome."}, []),
        ({"description": "Chinese New Year celebration with food and dance."}, []),
        ({"description": "Support for Black and minority ethnic people with their mental health."}, []),
        # south London's communities: a language said as who the service is for
        (
            {"eligibility_description": "For Spanish speakers living in Southwark & Lambeth."},
            ["latin_american"],
        ),
        ({"eligibility_description": "For Eritrean and Tigrinya-speaking women."}, ["horn_of_africa"]),
        ({"eligibility_description": "Vietnamese-speaking parents"}, ["vietnamese"]),
        ({"eligibility_description": "Roma families living in Croydon or Lewisham"}, ["roma"]),
        (
            {"description": "For Polish and Bulgarian seasonal workers on the flower and veg farms."},
            ["polish"],
        ),
        (
            {"description": "WhatsApp group and monthly Zoom for Nigerian mums across London."},
            ["west_african"],
        ),
        (
            {"eligibility_description": "Adults living with sickle cell disease or thalassaemia."},
            ["sickle_cell"],
        ),
        # the language the people speak, said after them (east London, session 41)
        ({"eligibility_description": "Hackney residents who speak Turkish or Kurdish"}, ["turkish_kurdish"]),
        ({"description": "Advice in Turkish and Kurdish on benefits and debts. Everyone welcome."}, []),
        # either illness: "HIV, or being treated for TB"
        (
            {"eligibility_description": "Adults living with HIV, or being treated for tuberculosis (TB)."},
            ["hiv", "tuberculosis"],
        ),
        (
            {
                "eligibility_description": "Only for residents of Home Office contingency hotels in the borough."
            },
            ["asylum_hotel"],
        ),
        # named elsewhere in the record, but everyone is welcome
        (
            {
                "description": "Buna every month for Eritrean and Ethiopian families, a place to meet.",
                "eligibility_description": "Everyone welcome, mainly Eritrean and Ethiopian community.",
            },
            [],
        ),
    ],
)
def test_a_community_a_service_is_for_is_read_only_when_said_of_the_people_it_serves(record, expected):
    assert sorted(situations_of(**record)) == sorted(expected)


def test_a_community_only_group_is_offered_to_someone_whose_notes_say_they_belong_to_it(
    make_service, make_person, taxonomy, now
):
    circle = make_service(
        km=1, name="Wellbeing Circle", needs=["mental_wellbeing"], situations=["south_asian"]
    )
    open_group = make_service(km=3, name="Wellbeing Cafe", needs=["mental_wellbeing"])
    pakistani = match(
        make_person(goals="Pakistani lady, mainly Urdu, low mood and anxious"),
        [circle, open_group],
        taxonomy=taxonomy,
        now=now,
    )
    assert pakistani.matches[0].name == "Wellbeing Circle"
    cantonese = match(
        make_person(goals="71, Cantonese only, low mood and anxious"),
        [circle, open_group],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in cantonese.matches] == ["Wellbeing Cafe"]
    assert cantonese.excluded == {"only for people of South Asian heritage": 1}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {
                "eligibility_description": "Aged 16+, registered with a County Durham GP, with a qualifying medical condition."
            },
            ["health_condition"],
        ),
        (
            {
                "description": "12-week exercise programme for adults with a health condition such as diabetes."
            },
            ["health_condition"],
        ),
        # one way in of two: a low income will do
        (
            {
                "description": "Fuel vouchers for households on a low income or with a health condition made worse by the cold."
            },
            [],
        ),
        (
            {"description": "Who is this for? Older adults who've had a fall or are worried about falling."},
            ["older_people"],
        ),
        ({"description": "Aimed at older people but nobody is turned away."}, []),
        ({"description": "Information and advice for older people and their families."}, []),
        (
            {
                "description": "The Foundation runs walking rugby, chair-based exercise for older people, school sport, holiday camps and more."
            },
            [],
        ),
    ],
)
def test_a_health_condition_or_a_time_of_life_without_a_number_is_read(record, expected):
    assert situations_of(**record) == expected


def test_an_exercise_referral_scheme_is_for_people_with_a_health_condition(
    make_service, make_person, taxonomy, now
):
    scheme = make_service(
        km=1, name="Exercise Referral", needs=["physical_activity"], situations=["health_condition"]
    )
    walk = make_service(km=2, name="Health Walk", needs=["physical_activity"])
    healthy = match(
        make_person(goals="new to the area, fancies a bit of exercise, no health problems"),
        [scheme, walk],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in healthy.matches] == ["Health Walk"]
    assert healthy.excluded == {"only for people with a qualifying health condition": 1}
    diabetic = match(
        make_person(goals="just told I have type 2 diabetes, wants to get more active"),
        [scheme, walk],
        taxonomy=taxonomy,
        now=now,
    )
    assert "Exercise Referral" in [m.name for m in diabetic.matches]


def test_a_service_for_older_people_is_settled_by_a_known_age_and_checked_without_one(
    make_service, make_person, taxonomy, now
):
    falls = make_service(
        km=1, name="Strength and Balance", needs=["physical_activity"], situations=["older_people"]
    )
    kosher = make_service(
        km=1, name="Kosher Lunch Club", needs=["loneliness"], situations=["older_people", "jewish"]
    )
    young = match(make_person(goals="wants to get fitter", age=30), [falls], taxonomy=taxonomy, now=now)
    assert young.matches == [] and young.excluded == {"only for older people": 1}
    older = match(make_person(goals="wants to get fitter", age=74), [falls], taxonomy=taxonomy, now=now)
    assert [m.name for m in older.matches] == ["Strength and Balance"] and not older.matches[0].warnings
    unknown = match(make_person(goals="wants to get fitter"), [falls], taxonomy=taxonomy, now=now)
    assert "only for older people: check" in unknown.matches[0].warnings
    # both asked: older, and of the community
    widow = match(
        make_person(goals="lonely since her husband died", age=78), [kosher], taxonomy=taxonomy, now=now
    )
    assert widow.matches == []


def test_out_of_work_with_a_health_condition_or_disability_asks_both(
    make_service, make_person, taxonomy, now
):
    assert set(
        situations_of(eligibility_description="Adults 18+ out of work with a health condition or disability.")
    ) == {"health_condition", "unemployed"}
    pathways = make_service(
        km=1, name="Working Well", needs=["employment_skills"], situations=["health_condition", "unemployed"]
    )
    jobs = make_service(km=2, name="Jobs Club", needs=["employment_skills"])
    panic = match(
        make_person(
            goals="lost his job in spring, panic attacks on the bus, can't face interviews",
            needs=["employment_skills"],
        ),
        [pathways, jobs],
        taxonomy=taxonomy,
        now=now,
    )
    assert "Working Well" in [m.name for m in panic.matches]
    joiner = match(
        make_person(
            goals="self-employed joiner, work dried up, wants help with a CV", needs=["employment_skills"]
        ),
        [pathways, jobs],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in joiner.matches] == ["Jobs Club"]


def test_lonely_or_housebound_is_for_either_not_only_for_those_who_cannot_get_out():
    calls = "A weekly phone call from a volunteer for older people in Oldham who are lonely or housebound."
    assert "housebound" not in situations_of(description=calls)
    assert "housebound" in situations_of(description="A home library for housebound readers.")


def test_a_mental_health_teams_own_pathway_is_for_the_people_it_already_sees(
    make_service, make_person, taxonomy, now
):
    assert situations_of(
        eligibility_description="Open to CMHT or under EIP in Northumberland. Care coordinator to refer."
    ) == ["secondary_mental_health"]
    # welcome is not required (the group is for people who hear voices, under the team or not)
    assert situations_of(
        eligibility_description="People who hear voices. SUs open to CMHT or EIP very welcome but you "
        "don't have to be under services."
    ) == ["hearing_voices"]
    assert "secondary_mental_health" in codes_said("under the CMHT since May, has a care coordinator")
    # no longer, or never, under the team
    assert "secondary_mental_health" not in codes_said("discharged from EIP back to GP last year")
    assert "secondary_mental_health" not in codes_said("Not under MH services, GP says stress")
    employment = make_service(
        name="IPS Employment",
        needs=["employment_skills"],
        situations=["secondary_mental_health"],
        description="Employment specialists embedded in CMHTs help people find paid work.",
    )
    for words, offered in (
        ("out of work 2 yrs, low, not under MH services", False),
        ("out of work, under the CMHT", True),
    ):
        person = make_person(goals=words, needs=["employment_skills"])
        result = match(person, [employment], taxonomy=taxonomy, now=now)
        assert bool(result.matches) is offered, words


def test_a_war_widows_association_is_for_widows_of_service_personnel_only(
    make_service, make_person, taxonomy, now
):
    assert situations_of(
        description="Friendship for widows and widowers of service personnel.",
        eligibility_description="War widows and widowers.",
    ) == ["forces_bereaved"]
    association = make_service(
        name="War Widows' Association",
        needs=["bereavement"],
        situations=["forces_bereaved"],
        description="Friendship and help with war widows' pensions.",
    )
    widows_group = make_service(
        name="Widows' Friendship Group",
        needs=["bereavement"],
        situations=["widowed"],
        description="Coffee and company for widows.",
    )
    for words, offered in (
        ("69, husband died sudden in the summer (heart), crying all the time", ["Widows' Friendship Group"]),
        (
            "76, husband served in the Falklands, died last year, gets a war widow's pension",
            ["War Widows' Association", "Widows' Friendship Group"],
        ),
    ):
        result = match(
            make_person(goals=words, needs=["bereavement"]),
            [association, widows_group],
            taxonomy=taxonomy,
            now=now,
        )
        assert sorted(m.name for m in result.matches) == offered, words


def test_the_orthodox_communitys_own_words_say_jewish():
    assert "jewish" in codes_said(
        "frum lady 84 Broughton Park, mostly Yiddish, Shabbos on her own most weeks"
    )


def test_the_city_someone_came_from_says_their_community():
    assert "west_african" in codes_said("38F Westcliff, from Lagos 2 yrs, 3 kids, UC, meter on emergency")
    assert "arabic" in codes_said("came over from Aleppo with his wife in 2016, wants English classes")
    # a holiday, or a friend, in the city says nothing of the person
    assert "west_african" not in codes_said("back from a fortnight in Lagos on the Algarve, sunburnt")
    assert "arabic" not in codes_said("her friend in Damascus rings on Sundays")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the group named, then "only": the words are themselves the rule
        ("Saturday school and a social afternoon. Polish speakers only for the advice session.", ["polish"]),
        ("Drop in and outreach van for women who sell sex. Women only.", ["sex_work"]),
        # "only" of a time is not of the people
        ("A lunch club. Polish speakers are welcome, only on Tuesdays.", []),
    ],
)
def test_a_group_followed_by_only_is_a_restriction(words, expected):
    assert situations_of(description=words) == expected


def test_a_service_for_people_who_sell_sex_is_not_offered_to_a_woman_whose_words_do_not_say_so(
    make_service, make_person, taxonomy, now
):
    outreach = make_service(km=1, name="Street Health Van", needs=["domestic_abuse"], situations=["sex_work"])
    refuge = make_service(km=2, name="Women's Aid", needs=["domestic_abuse"])
    words = "Girlfriend controls the money and goes through her phone. Scared no one will believe her."
    result = match(make_person(goals=words), [outreach, refuge], taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Women's Aid"]
    assert "sex_work" not in [
        s.code for s in person_situations("16, on the game all night, won't leave his room")
    ]
    assert situations_of(eligibility_description="Women involved in sex work") == ["sex_work"]
    told = "She has been selling sex to pay the rent and her partner hits her."
    result = match(make_person(goals=told), [outreach, refuge], taxonomy=taxonomy, now=now)
    assert result.matches[0].name == "Street Health Van"


def test_the_place_whose_residents_may_come_is_read_wherever_it_is_named_again(reader):
    walk = reader.understand(
        {
            "name": "Health Walk",
            "description": "Walk the Torrs. Free. High Peak CVS project - open to High Peak residents.",
        }
    )
    assert [f.value for f in walk.residency] == ["E07000037"]
    # a place named only as who runs it limits nobody
    run_by = reader.understand(
        {"name": "Health Walk", "description": "Walk the Torrs. A High Peak CVS project."}
    )
    assert run_by.residency == []


def test_a_hearing_voices_group_is_for_people_who_hear_voices_not_for_anyone_anxious():
    record = {
        "name": "Huddersfield Mind - Hearing Voices Group",
        "description": "Peer-led, Network approach.",
    }
    assert situations_of(**record) == ["hearing_voices"]
    # one of a centre's several groups, or a course's topics, is not a limit on the centre
    listed = "Anxiety group (Mondays), hearing voices group (Wednesdays), bipolar group (monthly)."
    assert "hearing_voices" not in situations_of(description=listed)
    assert "hearing_voices" in [s.code for s in person_situations("hears voices at night, schizophrenia")]
    for words in (
        "anxious, needs a room to talk",
        "she is hearing her late husband's voice",
        "Her son has schizophrenia and lives with her; she's 71 and worn out",
    ):
        assert "hearing_voices" not in [s.code for s in person_situations(words)]


def test_a_windrush_elders_club_is_not_for_a_ghanaian_widow_but_an_african_caribbean_group_is(
    make_service, make_person, taxonomy, now
):
    assert situations_of(description="Dominoes and company for Windrush generation elders.") == ["caribbean"]
    assert situations_of(description="For African Caribbean elders.") == ["african_caribbean"]
    windrush = make_service(km=1, name="Windrush Elders Club", needs=["loneliness"], situations=["caribbean"])
    both = make_service(
        km=2, name="African Caribbean Care Group", needs=["loneliness"], situations=["african_caribbean"]
    )
    ghanaian = match(
        make_person(goals="Ghanaian widow, 74, lonely since her husband died"),
        [windrush, both],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in ghanaian.matches] == ["African Caribbean Care Group"]
    jamaican = match(
        make_person(goals="came over from Jamaica in 1962, lonely since her husband died"),
        [windrush, both],
        taxonomy=taxonomy,
        now=now,
    )
    assert {m.name for m in jamaican.matches} == {"Windrush Elders Club", "African Caribbean Care Group"}


def test_all_of_the_wider_heritage_welcome_opens_a_group_named_for_one_nationality():
    record = {
        "description": "WhatsApp group and monthly Zoom for Nigerian mums across London.",
        "eligibility_description": "Mums. Nigerian heritage mostly but all African mums welcome.",
    }
    assert situations_of(**record) == ["african_caribbean"]
    assert situations_of(description="A group for Nigerian mums.") == ["west_african"]


def test_a_programme_for_young_people_out_of_education_and_work_is_not_for_one_still_at_school(
    make_service, make_person, taxonomy, now
):
    assert situations_of(
        description="Helps young people aged 16-24 who are not in education, employment or training find a job."
    ) == ["neet"]
    programme = make_service(
        km=1, name="Youth Employment Initiative", needs=["young_people"], situations=["neet"]
    )
    youth_club = make_service(km=2, name="Youth Club", needs=["young_people"])

    def shown(goals: str, age: int) -> list[str]:
        person = make_person(goals=goals, age=age, needs=("young_people",))
        return [m.name for m in match(person, [programme, youth_club], taxonomy=taxonomy, now=now).matches]

    assert shown("16, came out as trans, rows at home every night. School says low mood.", 16) == [
        "Youth Club"
    ]
    assert "Youth Employment Initiative" in shown(
        "17, jacked college in, sits in his room on the xbox all day", 17
    )


def test_a_mission_for_fishing_families_is_for_those_who_fished_not_for_an_angler():
    assert situations_of(
        name="Fishermen's Mission - port support",
        description="Emergency grants and welfare visits. Only for fishing families (working or retired).",
    ) == ["fishing"]
    assert situations_of(description="Sea angling club: fishing trips from the harbour on Sundays.") == []
    assert "fishing" in codes_said("Fished out of Ramsgate 40 yrs till his knees went. Boiler packed up")
    assert "fishing" in codes_said("ex-trawlerman, 70, chest bad")
    assert "fishing" not in codes_said("loves fishing at the weekend with his grandson")
    assert "fishing" not in codes_said(
        "tea with the old boys though he never worked the boats, was on the railway"
    )


def test_a_group_for_forces_families_is_for_a_gurkha_widow_and_a_veteran_not_for_anyone():
    assert situations_of(
        name="Gurkha Families Support Group",
        description="Nepali speaking group for Gurkha veterans' families: pension forms, festivals.",
    ) == ["forces_families", "nepali"]
    # a family member is one of the forces' partners and families, and so of its families
    widow = codes_said("She's a Gurkha widow, came over 2010, not much English")
    wife = codes_said("army wife, husband deployed, on her own with the baby")
    assert "forces_partners" in widow and "forces_partners" in wife
    assert "forces_families" in with_implied(widow) & with_implied(wife)
    assert "forces_families" not in codes_said("widowed last year, very lonely, not much English")
    assert [s.code for s in person_situations("lonely", ticked=["veterans"])] == ["forces_families"]


def test_a_slovak_mum_is_eastern_european_but_not_ukrainian():
    said = codes_said("Slovak Roma mum, 3 kids, moved to Cliftonville in the summer.")
    assert {"slovak_czech", "roma"} <= set(said) and "ukrainian" not in said
    assert "eastern_european" in wider_heritages(said)


def test_deaf_as_a_post_is_hard_of_hearing_not_a_signer():
    assert "bsl_users" not in codes_said("Dad's 88. Deaf as a post on the phone - just says 'pardon'")
    assert "bsl_users" in codes_said("Deaf, BSL first language, letters from DWP")


def test_a_visiting_scheme_for_people_living_alone_is_not_for_a_wife_caring_at_home(
    make_service, make_person
):
    assert situations_of(eligibility_description="Older people living alone in the moor parishes") == [
        "older_people",
        "lives_alone",
    ]
    # a directory's own "Who for:" column, flattened into the description, says the same
    column = "A volunteer visits you at home once a week.\nWho for: older people living alone in South Lakes"
    assert set(situations_of(description=column)) == {"older_people", "lives_alone"}
    assert "lives_alone" in codes_said("Mr B, 84, Histon, lives alone. Macular.")
    scheme = make_service(situations=["older_people", "lives_alone"])
    wife = make_person(goals="Husband's memory going downhill, she does everything, don't drive", age=81)
    assert "only for people who live alone" in violations(wife, scheme, 1.0)
    widow = make_person(goals="Widowed in May, her husband had cancer; on her own now", age=81)
    assert violations(widow, scheme, 1.0) == []
    unsaid = make_person(goals="81, lonely, misses chapel", age=81)
    assert violations(unsaid, scheme, 1.0) == []


def test_a_carer_who_cannot_leave_him_for_long_is_kept_at_home_but_a_woman_trapped_by_him_is_not():
    assert "housebound" in codes_said("Cares for husband full time, can't leave him more than couple hrs.")
    assert "housebound" in codes_said("can't leave mum alone now, she wanders")
    assert "housebound" not in codes_said("He hits me and I can't leave him, the house is in his name")


def test_living_with_an_illness_is_not_living_with_someone(make_service, make_person):
    scheme = make_service(situations=["older_people", "lives_alone"])
    ill = make_person(goals="82, living with MS, lonely since the winter", age=82)
    assert violations(ill, scheme, 1.0) == []
    with_mum = make_person(goals="58, lives with his elderly mum, wants company", age=58)
    assert "only for people who live alone" in violations(with_mum, scheme, 1.0)
    # his wife is there; the friends who passed, and "ex-" of the pit he worked at, say nothing of her
    miner = make_person(
        goals="Wife rang about her husband, 74, ex-Grimethorpe pit. Since his pit mates passed he just sits.",
        age=74,
    )
    assert "only for people who live alone" in violations(miner, scheme, 1.0)


@pytest.mark.parametrize(
    "words, expected",
    [
        ("LGBT asylum seeker from Uganda, living in a hotel in Stratford", "asylum_hotel"),
        ("In a Home Office hotel with two kids, asylum claim pending", "asylum_hotel"),
        ("Asylum claim pending, on asylum support in a shared house", "seeking_asylum"),
        ("Works in a hotel kitchen in Stratford, wants to get fitter", None),
        ("Worked in a hotel for years till the redundancy", None),
        ("On TB treatment (6 month course), ashamed, lost her job", "tuberculosis"),
    ],
)
def test_a_hotel_the_person_lives_in_and_tb_treatment_are_situations_a_job_in_a_hotel_is_not(words, expected):
    found = {s.code for s in person_situations(words)}
    if expected is None:
        assert not found & {"asylum_hotel", "seeking_asylum"}
    else:
        assert expected in found
    if expected == "seeking_asylum":
        assert "asylum_hotel" not in found


def test_a_farmer_is_known_by_his_herd_and_the_mart_and_his_herds_tb_test_is_not_his_illness():
    found = {
        s.code
        for s in person_situations(
            "Farms on his own up on the Wolds since his dad passed. Herd failed TB test, money tight. "
            "He won't talk to a doctor but he's at the mart every Weds."
        )
    }
    assert "farming" in found and "tuberculosis" not in found
    assert "tuberculosis" in {s.code for s in person_situations("Has TB, on treatment till March")}


def test_a_coffee_morning_for_serving_families_is_not_for_a_veteran(make_service, make_person, taxonomy, now):
    assert "serving_forces_families" in situations_of(
        description="Coffee & play for armed forces families (serving). Partners of serving personnel only."
    )
    # an events calendar's flattened form: the "Details:" box opens with who the group is for
    assert situations_of(
        name="Forces Families Facebook Group",
        description="Teaser: Moving in, settling down, meeting people.\n\nDetails: A private Facebook group "
        "for spouses and partners of serving RAF personnel posted to Cranwell. Coffee meets, childcare swaps.",
    ) == ["serving_forces_families"]
    on_base = make_service(
        km=1, name="Coffee on base", needs=["loneliness"], situations=["serving_forces_families"]
    )
    veteran = make_person(goals="Ex-army, 22 years, on his own since the divorce", circumstances=["veterans"])
    partner = make_person(goals="Husband is away with the navy, two kids, lonely on the patch")
    posted = make_person(goals="Just moved to Sleaford, husband posted to Cranwell, doesn't know a soul")
    assert on_base["name"] in [m.name for m in match(posted, [on_base], taxonomy=taxonomy, now=now).matches]
    assert on_base["name"] not in [
        m.name for m in match(veteran, [on_base], taxonomy=taxonomy, now=now).matches
    ]
    assert on_base["name"] in [m.name for m in match(partner, [on_base], taxonomy=taxonomy, now=now).matches]


def test_a_group_for_the_partners_of_forces_personnel_is_not_for_the_veteran(
    make_service, make_person, taxonomy, now
):
    assert situations_of(
        description="Coffee morning for partners and families of serving or ex-forces personnel."
    ) == ["forces_partners"]
    # a group for the forces community as a whole takes the veteran too
    assert situations_of(description="Advice & friendship for Nepali and Gurkha families.") == [
        "forces_families",
        "nepali",
    ]
    coffee = make_service(
        km=1, name="Forces Families Coffee", needs=["loneliness"], situations=["forces_partners"]
    )
    veteran = make_person(goals="Ex-navy, 71, gone quiet since his mate died", circumstances=["veterans"])
    wife = make_person(goals="Husband was in the army 20 years, she's lonely since they moved here")
    assert match(veteran, [coffee], taxonomy=taxonomy, now=now).matches == []
    assert [m.name for m in match(wife, [coffee], taxonomy=taxonomy, now=now).matches] == [coffee["name"]]


def test_a_home_from_hospital_scheme_is_for_people_just_out_of_hospital(
    make_service, make_person, taxonomy, now
):
    scheme = make_service(
        km=1, name="Home from Hospital", needs=["loneliness"], situations=["hospital_discharge"]
    )
    lunch = make_service(km=2, name="Lunch Club", needs=["loneliness"])
    widow = match(
        make_person(goals="Widow, 79, lonely since her sister moved away."),
        [scheme, lunch],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in widow.matches] == ["Lunch Club"]
    assert widow.excluded == {"only for people just out of hospital": 1}
    for words in (
        "Came home from the Northern General last week after a fall, lives alone.",
        "Discharged from DRI Monday after a stroke, wife struggling.",
        "Lonely. Post-discharge, needs shopping and prescriptions picking up.",
    ):
        found = match(make_person(goals=words), [scheme, lunch], taxonomy=taxonomy, now=now)
        assert "Home from Hospital" in [m.name for m in found.matches], words


def test_a_sudanese_man_is_not_one_of_an_eritrean_community(make_service, make_person, taxonomy, now):
    ceremony = make_service(
        km=1, name="Eritrean Coffee Ceremony", needs=["loneliness"], situations=["horn_of_africa"]
    )
    football = make_service(km=2, name="Refugee Football", needs=["loneliness"])
    sudanese = make_person(
        goals="Sudanese man 31, asylum seeker in the hotel. Arabic, decent English. Bored, low."
    )
    found = match(sudanese, [ceremony, football], taxonomy=taxonomy, now=now)
    assert [m.name for m in found.matches] == ["Refugee Football"]
    eritrean = make_person(goals="Eritrean man 31, asylum seeker in the hotel, Tigrinya. Bored, low.")
    assert "Eritrean Coffee Ceremony" in [
        m.name for m in match(eritrean, [ceremony, football], taxonomy=taxonomy, now=now).matches
    ]


@pytest.mark.parametrize(
    ("words", "from_hong_kong"),
    [
        ("HK family came over on BN(O) 2024, dad 44, withdrawn", True),
        ("Hongkonger, 38, lonely since the move", True),
        ("paid in HKD, lonely", False),
    ],
)
def test_how_link_workers_write_hong_kong_says_who_someone_is(words, from_hong_kong):
    assert ("chinese" in {s.code for s in person_situations(words, [], [])}) is from_hong_kong


def test_a_peer_group_for_people_with_mental_health_problems_is_for_those_whose_words_say_so(
    make_service, make_person, taxonomy, now
):
    football = situations_of(
        description="Football sessions for adults (18+) living with mental health problems."
    )
    assert football == ["mental_health"]
    # one way in among others, or the cared-for's: no rule about the person's own mind
    assert (
        situations_of(eligibility_description="Adults with learning disabilities or mental health needs.")
        == []
    )
    assert situations_of(eligibility_description="Carers of adults with mental health needs.") == []
    # a group for a serious mental illness stays one, not any mental health problem's
    assert situations_of(
        description="Peer group for adults living with a serious mental illness such as schizophrenia."
    ) == ["serious_mental_illness"]
    kickabout = make_service(
        km=2,
        name="Headspace FC",
        needs=["physical_activity", "mental_wellbeing"],
        situations=["mental_health"],
    )
    weight = make_person(goals="GP says lose 2 stone, BP up. Wants a walking group or something gentle.")
    anxious = make_person(goals="Anxious since the redundancy, wants to get fitter and meet people.")
    assert match(weight, [kickabout], taxonomy=taxonomy, now=now).matches == []
    assert [m.name for m in match(anxious, [kickabout], taxonomy=taxonomy, now=now).matches] == [
        "Headspace FC"
    ]
    assert "mental_health" not in codes_said("His wife's depression has been bad since the winter.")
