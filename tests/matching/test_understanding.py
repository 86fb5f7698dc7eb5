"""The understanding step's explicit rules, one behaviour each, on the real taxonomy and the real
local authority table. Plain data in, plain data out: no app, no database."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from matching.service import in_area, read_area
from matching.understanding import AreaLookup, normalise
from matching.understanding.ages import find_ages
from matching.understanding.areas import authority_of, read_place
from matching.understanding.schedule import parse_byday

DATA = Path(__file__).resolve().parents[2] / "directory_app" / "data"  # shipped with the app


def csv_row(**fields) -> dict:
    return {"external_id": "x1", "name": "A service", "organization": "An organisation", **fields}


def oruk(**fields) -> dict:
    return {
        "id": "s1",
        "name": "A service",
        "status": "active",
        "organization": {"id": "o1", "name": "An organisation"},
        **fields,
    }


# --- ages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ages",
    [
        ("Youth club for young people aged 6-25.", (6, 25)),
        ("Drop-in (11-25 years) on Fridays.", (11, 25)),
        ("Lunch club for the over 50s.", (50, None)),
        ("Open to anyone 18+.", (18, None)),
        ("Support for people aged 16 and over.", (16, None)),
        ("Peer support group for men over 18.", (18, None)),
        ("Play sessions for children under 5s.", (None, 4)),
        ("Advice for young people aged 13 to 19 (up to 25 depending on circumstances).", (13, 25)),
        ("Early years care for children aged 2years - 5 years.", (2, 5)),
        ("Aged 50 or under when partner died", (None, 50)),  # "or under" includes 50
        ("For anyone who was 50 or under when their partner died.", (None, 50)),
        # a turned-away age is the youngest who may come
        ("Sorry, no under 18s in the workshop for insurance reasons.", (18, None)),
        ("Not suitable for under 16s.", (16, None)),
        ("Youth club for young people in school years 7 to 11.", (11, 16)),
        ("Youth club for year 7 and up.", (11, None)),
        ("16+ (under 18s with a consent form).", (16, None)),
        ("Peer support for people who lost a partner before their 51st birthday.", (None, 50)),
        # bare ranges beside the people they are for, and the ways notes and sheds put a minimum
        ("Youth club for young people 11-19. Pool, trips.", (11, 19)),
        ("Online group chat/Discord for LGBTQ+ 16-25.", (16, 25)),
        ("Help w tenancies, money, college. 16-25 care leavers.", (16, 25)),
        ("Open-access youth club. Age: 11-18. Mon eves.", (11, 18)),
        ("Our shed is open to any man over 18 who fancies woodturning.", (18, None)),
        ("Mostly retired fellas but all ages over 18 welcome.", (18, None)),
        ("Bereavement counselling for adults (over 18) living in Bury.", (18, None)),
        ("No auditions. All ages from 16 up - just come and sing!", (16, None)),
        # a stretch for some only is not the range ("up to 25 with SEND"); a plain one is
        ("Youth provision for young people aged 11-18 (up to 25 with SEND).", (11, 18)),
        ("Youth group for 13-19s (up to 25 with additional needs).", (13, 19)),
        ("Support for care leavers aged 16-21 (up to 25).", (16, 25)),
        # a range for one group and an older group besides: no upper age holds
        (
            "Our Tuesday group is for LGBTQ+ adults over 25 who want to make friends; our youth group is for "
            "LGBTQ+ young people 14-19.",
            (14, None),
        ),
        ("Young carers 8-17. Over 18s go to the adult carers group.", (8, 17)),
        ("Adults-only relaxed swim followed by coffee.", (18, None)),
        ("This group is for adults; we're sorry we can't support children or teenagers.", (18, None)),
        ("Free Swimming for Over 60s. Mon, Wed and Fri mornings.", (60, None)),
        ("Only if over 18 and registered with a Bury GP.", (18, None)),
        # an eligibility that opens by naming adults is who it is for
        ("Adults in Cambridgeshire and Peterborough", (18, None)),
        ("Adults with a learning disability", (18, None)),
        ("Adult carers caring for someone in Sunderland.", (18, None)),
        # an age before "open to all ages" still holds for what it was said of
        ("Our groups are for women over 18; the phone line is open to all ages.", (18, None)),
        # a juniors-only service keeps its ages
        ("Junior parkrun: a 2k run for juniors aged 4-14 every Sunday at 9am.", (4, 14)),
    ],
)
def test_stated_age_ranges_are_read(text, ages):
    low, high, words = find_ages(text)
    assert (low, high) == ages and words


@pytest.mark.parametrize(
    "text",
    [
        "We have been running for over 20 years.",
        "Call 0161 123 4567 for details.",
        "Courses cost £5-10 per session.",
        "Founded 1990-2000 by local residents.",
        "Sensory play for babies 0-12 months with their parents.",
        "English conversation classes. Creche for under 5s on Tuesday.",
        "Play session for dads, grandads and male carers and their under 5s.",
        "Kids club Tuesdays 3-5, youth club Thursday evenings 6-8.",
        "Quieter sessions for over-60s mornings.",
        # the children's ages in a group for their mothers and fathers
        "Arabic-speaking mothers with children 0-5.",
        "Dads and male carers with under 5s.",
        "For people aged 65+ or anyone who has had a fall in the last year.",
        "£3.50 a week gets you 10+ items including fresh fruit and veg.",
        # how many come, not how old
        "Seated yoga for older beginners. Small class of up to 10.",
        "Groups of up to 8 people meet at the library.",
        # what an area lacks is not who may come
        "Door to door minibus for the Roseland. There's still nothing for teenagers on the Roseland.",
        # a junior section's own day beside the main activity
        "Free weekly timed 5k run, jog or walk. Every Saturday 9am. Juniors (4-14) on Sundays.",
        # an age that is one way in, or earns a priority, a price or a way of referring
        "Door to door minibus for ppl who can't use bus. 60+ or disabled.",
        "Small repairs for homeowners and private tenants aged 60+ or disabled.",
        "For Swale residents - priority for over 60s, people with disabilities.",
        "Labour free for over 65s; you pay for materials.",
        "New hearing test needs GP referral (or self refer if over 55).",
        "Learn email and video calls. 50+ especially welcome.",
        "Hot Chinese lunch. Everyone welcome. 60+ preferred.",
        # children who come with an adult; people sent to another team; a walk's length; an hour
        "All welcome (under 16s with an adult).",
        "Young carers (aged 5-17) are referred on to the Young Carers team.",
        "Young carers (under 18) are supported by a separate team at the same address.",
        "Longer rambles (5-8 miles) in the Peak District.",
        "National bereavement helpline. Free. Mon-Fri 9.30-5 plus evenings some days.",
        "Peer group for young adult carers. Carers only.",
        # another way in, said after the other; a priority given; whom it suits, not whom it admits
        "Membership for residents with a mobility problem, or who are aged 75+.",
        "Handyperson jobs for householders aged 60+, or any age with a disability.",
        "Dial-a-bus for 65+ and disabled residents of the borough.",
        "Priority is given to over 70s and families with a baby.",
        "Open to anyone, but the class is aimed at people aged 60 and over.",
        # who the members are now, not who may join
        "A friendly choir with 40 members aged between 9 and 85.",
        "Our allotment society has members from 20 to 90.",
        # hours, not ages
        "On Tuesdays the money adviser is here from 10-12.",
        # a parent's worries about their teenagers; a carers' service of any age with a part for some
        "Parents' helpline: talk about tantrums, teenagers, exams or a family row.",
        "Support for carers of any age - a young carers' club (8-17), adult carers' coffee mornings.",
    ],
)
def test_numbers_that_are_not_ages_are_not_read_as_ages(text):
    assert find_ages(text)[:2] == (None, None)


@pytest.mark.parametrize(
    "text", ["Adults and children welcome", "Adults, carers and families", "Adults / young people"]
)
def test_adults_named_beside_others_are_no_age_limit(text):
    assert find_ages(text)[:2] == (None, None)


def test_a_week_of_activities_one_for_over_50s_sets_no_age_for_the_centre(reader):
    found = reader.understand(
        oruk(
            name="Eastfield Community Centre",
            description="Seated yoga for over 50s, Tuesday. Craft and chat, Thursday. Toast and tea Fridays, free.",
        )
    )
    assert (found.value("min_age"), found.value("max_age")) == (None, None)


def test_an_age_field_that_the_words_give_as_one_way_in_is_no_limit(reader):
    either = oruk(description="Small jobs for tenants aged 65+ or who have a disability.", minimum_age=65)
    both = oruk(description="Aged 16+, pregnant or with a baby under one.", minimum_age=16)
    assert reader.understand(either).value("min_age") is None
    assert reader.understand(both).value("min_age") == 16


def test_publisher_age_fields_win_over_the_text(reader):
    found = reader.understand(oruk(description="For people aged 6-25.", minimum_age=11, maximum_age=18))
    assert (found.value("min_age"), found.value("max_age")) == (11, 18)
    assert found.min_age.source == "minimum_age"


# --- groups --------------------------------------------------------------------------------------


def test_women_only_restricts_to_women(reader):
    found = reader.understand(csv_row(description="A women only support group. Tea and chat."))
    assert found.group_codes() == ["women"]
    assert "women only" in found.groups[0].evidence


@pytest.mark.parametrize(
    "description, group",
    [
        ("Tools, tea and banter. Blokes only - ladies ask about the Friday makers group.", "men"),
        ("LGBTQ+ youth group, 13-19. Safe, fun, free. Must be LGBTQ+ or questioning.", "lgbtq"),
        # the Solent's map pins (session 41)
        (
            "LGBTQ+ social for adults 18+ - quiz, chat. Safe space, LGBTQ+ people only (allies come to Pride!).",
            "lgbtq",
        ),
        ("Branch social and welfare for ex-Royal Navy, RM and RFA only. Monthly at the club.", "veterans"),
    ],
)
def test_a_group_said_as_people_say_it_restricts(reader, description, group):
    assert reader.understand(csv_row(description=description)).group_codes() == [group]


def test_men_and_women_restricts_nobody(reader):
    found = reader.understand(csv_row(description="Walking group for men and women of all abilities."))
    assert found.group_codes() == []


def test_carers_of_a_person_are_not_a_carers_only_service(reader):
    found = reader.understand(
        csv_row(name="Memory Cafe", description="Cafe for people living with dementia and their carers.")
    )
    assert "carers" not in found.group_codes() and "people_with_dementia" in found.group_codes()


@pytest.mark.parametrize(
    "name, description, need",
    [
        (
            "Sudanese Elders' Lunch",
            "Lunch for elders from Sudan and South Sudan, Arabic spoken.",
            "older_people",
        ),
        (
            "NRPF Advice Line",
            "Phone advice for families with no recourse to public funds: section 17 support, fee waivers.",
            "legal_advice",
        ),
    ],
)
def test_the_words_communities_use_name_the_need(reader, name, description, need):
    assert need in reader.understand(oruk(name=name, description=description)).need_codes()


def test_a_listening_helpline_is_for_mental_wellbeing(reader):
    found = reader.understand(
        csv_row(
            name="Samaritans", description="Free 24/7 listening helpline for anyone struggling. Call 116 123."
        )
    )
    assert "mental_wellbeing" in found.need_codes()
    # a list's entry that is the name and the hours alone is still the line it names
    terse = reader.understand(oruk(name="Samaritans", description="24/7 tel. any age. national. also email"))
    assert terse.need_codes() == ["mental_wellbeing"]


@pytest.mark.parametrize(
    "words, codes",
    [
        ("24 hour phone line for women in West Norfolk", ["E07000146"]),  # King's Lynn and West Norfolk
        ("adults living in Greater Norwich", ["E07000144", "E07000148", "E07000149"]),
        ("for B&NES residents", ["E06000022"]),
        ("South Glos only", ["E06000025"]),
        ("Staffs residents only", ["E10000028"]),
        # each authority of a list before "residents", not only the last
        ("Trafford and Salford residents", ["E08000006", "E08000009"]),
        ("Cambs & Pboro residents", ["E06000031", "E10000003"]),
        ("Who it's for: adults in Staffs and Stoke.", ["E06000021", "E10000028"]),
        # a county split into unitaries still names them
        ("Cumbria residents", ["E06000063", "E06000064"]),
        ("across Northants", ["E06000061", "E06000062"]),
    ],
)
def test_the_names_councils_go_by_are_theirs(reader, words, codes):
    assert sorted(reader.understand(oruk(eligibility_description=words)).residency_codes()) == codes


LONDON = [f"E090000{n:02d}" for n in range(1, 34)]


@pytest.mark.parametrize(
    "area, codes",
    [
        # London has no council of its own: "London" is its 33 authorities, not the Square Mile
        ("London-wide", LONDON),
        ("Greater London", LONDON),
        ("City of London", ["E09000001"]),
        ("South East London", ["E09000004", "E09000006", "E09000011", "E09000022", "E09000023", "E09000028"]),
        ("London Borough of Lambeth", ["E09000022"]),
        ("London Road Community Centre", []),  # a street
    ],
)
def test_london_and_its_parts(reader, area, codes):
    record = oruk(service_areas=[{"id": "a", "name": area}], delivery=["phone"])
    assert sorted(reader.understand(record).residency_codes()) == codes


def test_the_grown_up_who_brings_a_toddler_is_not_a_carer(reader):
    found = reader.understand(
        csv_row(
            name="Parent & Toddler",
            description="Toys, songs, snack and a cuppa for the grown ups. For 0-5s with a parent or carer.",
        )
    )
    assert "family_parenting" in found.need_codes() and "carers" not in found.need_codes()
    grandparents_too = reader.understand(
        csv_row(
            name="Stay & Play",
            description="Parent and toddler group for 0-5s with a parent, grandparent or carer.",
        )
    )
    assert "carers" not in grandparents_too.group_codes()
    assert "families" in grandparents_too.group_codes()


def test_one_offer_in_a_list_of_many_restricts_nobody(reader):
    found = reader.understand(
        csv_row(
            name="Age UK Trafford",
            description="Services for the over 50s in Trafford, information and advice, dementia day care, "
            "falls prevention, support to carers, social activities, volunteering.",
        )
    )
    assert found.group_codes() == []
    # ... but an audience named first still is one
    assert reader.understand(
        csv_row(
            name="Carers Centre", description="Support for carers, breaks, advice, training, a weekly cafe."
        )
    ).group_codes() == ["carers"]


def test_a_refuge_that_turns_men_away_is_for_women(reader):
    found = reader.understand(
        oruk(
            name="Refuge Helpline",
            description="24 hour helpline and refuge for women.",
            eligibility_description="Women and their children. We cannot accept men; "
            "men can be referred to the Men's Advice Line.",
        )
    )
    assert found.group_codes() == ["women"]


def test_a_mens_shed_with_a_ladies_session_restricts_nobody(reader):
    found = reader.understand(
        csv_row(
            name="Shaw Men's Shed",
            description="Woodwork and chat for men. Also a Tuesday ladies' craft session.",
        )
    )
    assert found.group_codes() == []


@pytest.mark.parametrize(
    "description, group",
    [
        ("Sensory play for babies 0-12 months.", "pregnant_new_parents"),
        ("Songs and rhymes for babies and toddlers with their grown ups.", "families"),
    ],
)
def test_babies_make_new_parents_and_toddlers_make_families(reader, description, group):
    found = reader.understand(oruk(name="Baby Group", description=description))
    assert found.group_codes() == [group]


def test_families_of_service_personnel_are_not_a_families_group(reader):
    found = reader.understand(
        oruk(
            name="Armed Forces Breakfast Club",
            description="A brew and a chat.",
            eligibility_description="Veterans and families of serving personnel only.",
        )
    )
    assert found.group_codes() == ["veterans"]


def test_an_open_eligibility_term_names_a_group(reader):
    record = oruk(
        description="Weekly breakfast club.",
        attributes=[
            {"id": "a1", "taxonomy_term": {"id": "t1", "name": "Veterans", "taxonomy": "openeligibility"}}
        ],
    )
    assert reader.understand(record).group_codes() == ["veterans"]


def test_a_group_ticked_in_a_list_of_needs_is_a_heading_not_who_may_come(reader):
    def ticked(vocabulary: str) -> dict:
        term = {"id": "t1", "name": "Carers", "taxonomy": vocabulary}
        return oruk(
            description="Volunteers visit lonely residents.", attributes=[{"id": "a1", "taxonomy_term": term}]
        )

    assert reader.understand(ticked("lw-need-tick")).group_codes() == []
    assert reader.understand(ticked("Who is this for?")).group_codes() == ["carers"]


def test_a_sex_ticked_in_a_suitable_for_column_that_the_words_never_echo_is_not_a_limit(reader):
    def suitable_for(name: str, description: str) -> list[str]:
        term = {"id": "t1", "name": "Men", "taxonomy": "SWB-Nav-SuitableFor"}
        record = oruk(name=name, description=description, attributes=[{"id": "a1", "taxonomy_term": term}])
        return reader.understand(record).group_codes()

    assert suitable_for("Gambling Harm Support Group", "Peer group for anyone affected by gambling.") == []
    assert (
        suitable_for("Growing Together Allotment", "Community allotment: grow veg, learn, eat together.")
        == []
    )
    assert suitable_for("Men's Shed Smethwick", "Woodwork and a brew, for men.") == ["men"]


def test_groups_ticked_beside_everyone_or_other_audiences_are_who_is_welcome_not_who_may_come(reader):
    """An app's "Suitable for" chips: "Everyone, Older people, Carers" on a cuppa and chat, or "Older
    people, Men, Women" on walking football, say who is welcome. A chip alone, or one the words
    echo, still limits; an eligibility vocabulary's ticks always do."""

    def ticked(
        names: list[str], description: str, vocabulary: str = "wellconnected-suitable-for"
    ) -> list[str]:
        attributes = [
            {"id": f"a{i}", "taxonomy_term": {"id": f"t{i}", "name": name, "taxonomy": vocabulary}}
            for i, name in enumerate(names)
        ]
        record = oruk(name="Listing", description=description, attributes=attributes)
        return reader.understand(record).group_codes()

    chat = "Brew, biscuits and a natter every Tuesday."
    assert ticked(["Everyone", "Older people", "Carers"], chat) == []
    assert ticked(["Older people", "Men", "Women"], "Walking football for over 55s.") == []
    assert ticked(["Carers"], chat) == ["carers"]
    assert ticked(["Carers", "Older people"], "A cuppa for unpaid carers, only carers please.") == ["carers"]
    assert ticked(["Everyone", "Carers"], chat, vocabulary="eligibility") == ["carers"]
    # a topic ticked beside a group is not a second audience
    assert ticked(["refugees", "ESOL"], "Coffee and English conversation.") == ["refugees"]


@pytest.mark.parametrize(
    "name, description, groups",
    [
        (
            "Anfield Men's Shed",
            "Woodwork and a brew. Mostly older fellas but anyone welcome, few women come Thurs.",
            [],
        ),
        (
            "Carers' Walk & Brew",
            "Lots of our members are carers but anyone who's finding things hard is welcome to join.",
            [],
        ),
        ("Todmorden Men's Shed", "Woodwork. Open to all men over 18 - skills not required.", ["men"]),
        # who they are, not what they feel: "anyone who has served" is the limit
        (
            "Armed Forces Outreach",
            "Open to anyone who has served in the UK Armed Forces (even one day).",
            ["veterans"],
        ),
    ],
)
def test_anyone_welcome_opens_a_group_read_from_the_name(reader, name, description, groups):
    assert reader.understand(oruk(name=name, description=description)).group_codes() == groups


def test_disabled_people_named_as_whom_a_charity_supports_restrict_it(reader):
    found = reader.understand(
        csv_row(
            description="We support adults with a learning and/or physical disability to live independently."
        )
    )
    assert found.group_codes() == ["people_with_disabilities"]


def test_a_side_project_for_disabled_people_does_not_restrict_the_whole_service(reader):
    found = reader.understand(
        csv_row(
            description="Advocacy and counselling for adults and children. We also run a self advocacy "
            "group for people with learning disabilities."
        )
    )
    assert "people_with_disabilities" not in found.group_codes()


def test_a_playgroup_or_childrens_centre_name_is_a_place_not_a_group(reader):
    found = reader.understand(
        csv_row(
            name="Oakfield Children's Centre", description="Food bank. Referral needed.", postcode="M33 7ZZ"
        )
    )
    assert found.group_codes() == []


@pytest.mark.parametrize(
    "description, eligibility, groups",
    [
        (
            "Come and try wheelchair basketball. For people with physical disabilities, 12+.",
            "",
            ["people_with_disabilities"],
        ),
        (
            "For blind and partially sighted people: a weekly talking newspaper.",
            "",
            ["people_with_disabilities"],
        ),
        ("A lunch club. Everyone welcome, including people with dementia and their carers.", "", []),
        ("A monthly support group for anyone who is a carer.", "", ["carers"]),
        ("English conversation. Free for people seeking asylum; £1 for others.", "", []),
        ("A six-week course for people caring for someone with dementia.", "", []),
        ("Baby massage and a cuppa.", "Parents/carers of babies under 12 months", ["pregnant_new_parents"]),
        ("Days out and activities.", "Single parents with children", ["families"]),
        ("To advance the education and training of those granted refugee status.", "", ["refugees"]),
        # the group with the age it must be, even beside a group for the other sex nearby
        (
            "A workshop to make and mend.\n\nMen 18+. There is a ladies' craft group on Wednesdays in "
            "the same building (different organisers).",
            "",
            ["men"],
        ),
        ("Open to men aged 18+. Sorry, no women's sessions at present.", "", ["men"]),
        ("Slower pace football. Open to all, esp. men 50+ who used to play. Mixed teams.", "", []),
        # either will do, so not only for disabled people
        (
            "Employment support, CV and confidence.",
            "Adults 18+ out of work with a health condition or disability.",
            [],
        ),
        # looking after their own health is not caring for someone
        ("Free courses to help you look after your mental health: Sleep Well, Mindfulness.", "", []),
        (
            "Online courses on anxiety and sleep.",
            "Residents 18+, anyone with MH difficulties, carers and staff.",
            [],
        ),
        # a household, or a word for who else may come, not families with children
        ("Telephone bereavement support. Open to the community, not just hospice families.", "", []),
        ("For farming families: support with farm business worries and isolation.", "", []),
        # a line that says whom it is for, under a heading
        (
            "Monthly social evening.\n\nEligibility criteria: LGBTQ+ adults (18+) living in Norwich.",
            "",
            ["lgbtq"],
        ),
        # the quiz welcomes both; the table listed is the men's
        (
            "Thursday pub quiz. Who is it for: men on their own - women are welcome at the quiz but this "
            "table is for the men.",
            "",
            ["men"],
        ),
    ],
)
def test_who_a_service_is_for_and_who_is_only_welcome(reader, description, eligibility, groups):
    found = reader.understand(oruk(description=description, eligibility_description=eligibility))
    assert found.group_codes() == groups


def test_a_line_for_illness_or_disability_is_not_only_for_disabled_people(reader):
    line = oruk(
        name="Welfare Rights - Illness & Disability line",
        description="Phone advice for people whose income has dropped because of illness: SSP, ESA, PIP.",
    )
    assert reader.understand(line).group_codes() == []


# --- residency and reach ------------------------------------------------------------------------


def test_a_branchs_listing_of_a_national_line_is_not_limited_to_the_branchs_borough(reader):
    line = oruk(
        name="Cruse National Helpline",
        description="Trained volunteers listen and give emotional support to anyone grieving. Calls are free.",
        service_areas=[{"id": "a", "name": "Bury"}],
    )
    assert reader.understand(line).residency_codes() == []
    branch = oruk(
        name="Cruse Bury", description="Bereavement support.", service_areas=[{"id": "a", "name": "Bury"}]
    )
    assert reader.understand(branch).residency_codes() == ["E08000002"]


def test_an_estates_residents_are_the_streets_around_its_venue(reader):
    def kitchen(**location) -> dict:
        place = {"id": "loc", "location_type": "physical", **location}
        return oruk(
            description="Hot meal for residents, cooking lessons.",
            eligibility_description="Aylesbury estate residents (and former Heygate tenants).",
            service_at_locations=[{"id": "l", "location": place}],
        )

    with_point = kitchen(
        latitude=51.4876, longitude=-0.0882, addresses=[{"id": "a", "postal_code": "SE17 2UZ"}]
    )
    [entry] = [f.value for f in reader.understand(with_point).residency]
    assert in_area(read_area([entry]), ["E09000028"], (51.4880, -0.0870)) is True  # on the estate
    assert in_area(read_area([entry]), ["E09000008"], (51.3960, -0.1050)) is False  # Thornton Heath
    # a postcode and no point: the venue's district
    without = kitchen(addresses=[{"id": "a", "postal_code": "se17 2 uz"}])
    assert [f.value for f in reader.understand(without).residency] == ["SE17"]


def test_households_on_an_estate_are_its_streets(reader):
    pantry = oruk(
        description="Members pay £4.50 a week. Membership is open to households living on the Clifton estate.",
        service_at_locations=[
            {"id": "l", "location": {"id": "loc", "addresses": [{"id": "a", "postal_code": "NG11 8EW"}]}}
        ],
    )
    assert [f.value for f in reader.understand(pantry).residency] == ["NG11"]


def test_residents_of_a_borough_become_its_gss_code(reader):
    found = reader.understand(
        csv_row(
            name="Trafford Money Advice",
            description="Free advice for residents of Trafford.",
            postcode="M33 7ZZ",
        )
    )
    assert found.residency_codes() == ["E08000009"]
    assert found.value("area_wide") is True  # the borough's own service, named for it


def test_authorities_named_in_one_field_narrow_a_wider_area_named_in_another(reader):
    line = oruk(
        description="24/7 mental health line for people in Bolton, Salford, Trafford and Manchester.",
        eligibility_description="Greater Manchester residents",
    )
    assert set(reader.understand(line).residency_codes()) == {
        "E08000001",
        "E08000006",
        "E08000009",
        "E08000003",
    }
    # a sentence naming both is a wider reach, not a narrower one
    both = oruk(
        description="Free energy advice line for households in Bolton and Greater Manchester.",
        service_areas=[{"id": "a", "name": "Greater Manchester"}],
    )
    assert len(reader.understand(both).residency_codes()) == 10


@pytest.mark.parametrize(
    "fields, code",
    [
        ({"description": "Pantry for Little Hulton residents."}, "E08000006"),  # a Salford ward
        ({"eligibility_description": "Only for people who live in Saddleworth."}, "E08000004"),  # Oldham
        ({"eligibility_description": "For women aged 16+ in Salford."}, "E08000006"),
        ({"description": "Carers centre for Stockport. Advice, breaks, groups."}, "E08000007"),
        ({"description": "Talking therapies for people registered with a GP in Trafford."}, "E08000009"),
    ],
)
def test_residency_stated_in_prose_or_by_a_place_inside_a_borough(reader, fields, code):
    # a place inside the borough is a limit within it (matching.service reads where it is)
    assert [authority_of(c) for c in reader.understand(oruk(**fields)).residency_codes()] == [code]


@pytest.mark.parametrize(
    "text, codes",
    [
        # the places turned away or sent elsewhere are not where its users live
        ("BwD residents only - we cannot help carers living in Bolton or Lancashire.", set()),
        ("Rossendale residents. Hyndburn residents please use our Accrington office.", {"E07000125"}),
        (
            "Derbyshire residents only. Carers in Derby City, please contact Derby Carers Centre.",
            {"E10000007"},
        ),
        ("For people aged 65 and over living alone in the Staffordshire Moorlands.", {"E07000198"}),
        ("Volunteers help with small jobs and regular visits for a chat. WA6 only.", {"WA6"}),
        # a call to book is not being sent elsewhere
        ("For people living in Salford, please call to book a place.", {"E08000006"}),
        ("For people living in Salford - please ring the office first.", {"E08000006"}),
        (
            "For LGBT+ people living in Cheshire West, Cheshire East, Warrington or Halton.",
            {"E06000050", "E06000049", "E06000007", "E06000006"},
        ),
        (
            "Low cost food club. Open to anyone in St Helens struggling with the cost of living.",
            {"E08000013"},
        ),
        (
            "Weekly online Zoom group for carers across Warrington, Halton, St Helens and Knowsley.",
            {"E06000007", "E06000006", "E08000013", "E08000011"},
        ),
    ],
)
def test_who_may_use_it_by_where_they_live_as_feeds_say_it(reader, text, codes):
    assert set(reader.understand(oruk(description=text)).residency_codes()) == codes


def test_mostly_for_a_boroughs_residents_is_not_a_residency_limit(reader):
    found = reader.understand(oruk(description="Music lessons, mainly for residents of Trafford."))
    assert found.residency_codes() == []


def test_carers_in_the_region_are_not_limited_to_its_ten_boroughs(reader):
    found = reader.understand(oruk(description="Breaks and advice for carers in Greater Manchester."))
    assert found.residency_codes() == []


def test_a_common_word_that_is_also_a_ward_is_not_a_place_to_live(reader):
    found = reader.understand(oruk(eligibility_description="For people living in the Village and nearby."))
    assert found.residency_codes() == []


def test_a_charity_that_operates_across_an_area_is_area_wide(reader):
    venue = [
        {"id": "l", "location": {"id": "l1", "name": "Office", "addresses": [{"postal_code": "SK1 1AA"}]}}
    ]
    found = reader.understand(
        oruk(
            description="Advice on welfare rights. We operate in the Stockport area.",
            service_at_locations=venue,
        )
    )
    assert found.value("area_wide") is True and found.residency_codes() == []


def test_where_a_charity_works_is_not_who_may_use_it(reader):
    found = reader.understand(
        oruk(description="A Manchester based charity working across Greater Manchester.")
    )
    assert found.residency_codes() == [] and found.value("area_wide") is True


def test_where_an_organisation_works_is_its_reach_not_a_limit(reader):
    found = reader.understand(
        oruk(
            description="Advice for families affected by autism. We operate in the Greater Manchester and Cheshire areas."
        )
    )
    assert found.residency_codes() == []
    reach = {f.value for f in found.works_in}
    assert len(reach) == 14 and {"E08000009", "E06000049"} <= reach  # ten boroughs and Cheshire's four


def test_a_drop_in_for_one_boroughs_residents_is_not_area_wide(reader):
    venue = [{"id": "l", "location": {"id": "l1", "name": "Hall", "addresses": [{"postal_code": "BL1 1AA"}]}}]
    drop_in = reader.understand(
        oruk(
            name="Money Advice - Drop In",
            description="Debt advice.",
            eligibility_description="Bolton residents.",
            service_at_locations=venue,
        )
    )
    centre = reader.understand(
        oruk(
            name="Bolton Carers Support",
            description="Advice and breaks for carers.",
            eligibility_description="Bolton residents.",
            service_at_locations=venue,
        )
    )
    assert drop_in.residency_codes() == centre.residency_codes() == ["E08000001"]
    assert drop_in.value("area_wide") is False and centre.value("area_wide") is True
    # one whose venue is not published ("for residents of the contingency hotel") has no distance
    # to tell: it reaches its borough
    withheld = reader.understand(
        oruk(
            name="Hotel residents drop-in (asylum)",
            description="Weekly drop-in for asylum seekers living in the contingency hotel (location not published).",
            eligibility_description="Bolton residents.",
        )
    )
    assert withheld.value("area_wide") is True


def test_a_gss_uri_in_service_areas_is_read(reader):
    found = reader.understand(
        oruk(
            description="Befriending.",
            service_areas=[
                {
                    "id": "a",
                    "name": "Salford",
                    "uri": "http://statistics.data.gov.uk/id/statistical-geography/E08000006",
                }
            ],
        )
    )
    assert found.residency_codes() == ["E08000006"]


def test_greater_manchester_is_its_ten_boroughs_not_the_city(reader):
    found = reader.understand(
        oruk(eligibility_description="Men living in Greater Manchester.", description="x")
    )
    assert len(found.residency_codes()) == 10 and "E08000009" in found.residency_codes()


def test_towns_the_words_limit_a_regions_service_area_to_leave_its_other_boroughs_out(reader):
    # a listing form's "Coverage: Greater Manchester" dropdown beside what the provider wrote
    found = reader.understand(
        oruk(
            description="Volunteers visit or phone older people. Referral criteria: aged 60+ and living "
            "in Farnworth and Kearsley.",
            service_areas=[{"id": "a", "name": "Greater Manchester"}],
        )
    )
    assert [p.name for p in map(read_place, found.residency_codes()) if p] == ["Farnworth", "Kearsley"]
    assert {authority_of(c) for c in found.residency_codes()} == {"E08000001"}  # Bolton's towns only
    # two boroughs listed one by one are each where it works: a town of one does not drop the other
    listed = reader.understand(
        oruk(
            description="Welfare visits at home for former mineworkers in Leigh, Atherton and Tyldesley.",
            service_areas=[{"id": "a", "name": "Wigan"}, {"id": "b", "name": "Bolton"}],
        )
    )
    assert "E08000001" in listed.residency_codes()


TEES_VALLEY = {"E06000001", "E06000002", "E06000003", "E06000004", "E06000005"}


def test_a_place_whose_name_holds_an_authoritys_is_that_place(reader):
    # Stockton Heath is in Warrington, not Stockton-on-Tees; "High" is not a place of High Peak
    heath = reader.understand(
        oruk(description="Chair yoga.", service_areas=[{"id": "a", "name": "Stockton Heath"}])
    )
    assert {authority_of(c) for c in heath.residency_codes()} == {"E06000007"}
    peak = reader.understand(oruk(description="Debt advice at home for High Peak residents."))
    assert peak.residency_codes() == ["E07000037"]


@pytest.mark.parametrize(
    "eligibility, districts",
    [
        (
            "Northumberland residents in NE65-NE71 and TD15.",
            {"NE65", "NE66", "NE67", "NE68", "NE69", "NE70", "NE71", "TD15"},
        ),
        ("Residents of Hartlepool (TS24 to TS27) only.", {"TS24", "TS25", "TS26", "TS27"}),
        ("NE61-65 postcodes only.", {"NE61", "NE62", "NE63", "NE64", "NE65"}),
    ],
)
def test_a_span_of_postcode_districts_holds_those_between(reader, eligibility, districts):
    found = reader.understand(oruk(description="Support at home.", eligibility_description=eligibility))
    assert {c for c in found.residency_codes() if not c.startswith("E0")} == districts


def test_school_years_are_not_postcode_districts(reader):
    found = reader.understand(oruk(description="Young carers in Y7-Y11 living in Bolton."))
    assert found.residency_codes() == ["E08000001"]


def test_people_sent_to_their_own_boroughs_service_are_not_its_residents(reader):
    found = reader.understand(
        oruk(
            description="Strength and balance class. Please note: Halton residents only - if you live in "
            "St Helens or Warrington please ask us about your own borough's class.",
            service_areas=[{"id": "a", "name": "Halton"}],
        )
    )
    assert found.residency_codes() == ["E06000006"]


def test_a_namesake_far_from_where_the_service_works_is_not_read(reader):
    # St Helens has a Sutton; so does London
    found = reader.understand(
        oruk(
            description="A hot two-course lunch.",
            eligibility_description="Who can use it: Older people living in Sutton, Sutton Leach and Bold.",
            service_areas=[{"id": "a", "name": "St Helens"}],
        )
    )
    assert [(p.la, p.name) for p in map(read_place, found.residency_codes()) if p] == [
        ("E08000013", "Sutton")
    ]
    # a neighbour across a regional boundary is still read: High Peak beside Stockport
    near = reader.understand(
        oruk(
            description="Befriending for people living in High Peak.",
            service_areas=[{"id": "a", "name": "Stockport"}],
        )
    )
    assert "E07000037" in near.residency_codes()


def test_a_service_area_named_like_a_far_council_is_the_venues_own_place_of_that_name(reader):
    # Newham's Stratford, not Stratford-on-Avon 140 km away; Ramsey's Bury, not the Greater
    # Manchester borough
    def at(lat: float, lng: float, area: str) -> list[tuple[str, str]]:
        venue = [{"id": "l", "location": {"id": "l1", "name": "Hall", "latitude": lat, "longitude": lng}}]
        found = reader.understand(
            oruk(
                description="ESOL for beginners.",
                service_at_locations=venue,
                service_areas=[{"id": "a", "name": area}],
            )
        )
        return [(p.la, p.name) for p in map(read_place, found.residency_codes()) if p] + [
            (code, "") for code in found.residency_codes() if not read_place(code)
        ]

    assert at(51.5412, 0.0009, "Stratford") == [("E09000025", "Stratford")]
    assert at(52.4490, -0.1050, "Bury") == [("E07000011", "Bury")]
    # a council near the venue is still the council
    assert at(51.5412, 0.0009, "Newham") == [("E09000025", "")]


def test_the_boroughs_a_carers_service_names_narrow_its_wider_area(reader):
    found = reader.understand(
        oruk(
            description="A care worker sits with the person you care for.",
            eligibility_description="Carers in Warrington and Halton. Free hours need a Carer's Assessment.",
            service_areas=[{"id": "a", "name": "Cheshire and Merseyside"}],
        )
    )
    assert set(found.residency_codes()) == {"E06000007", "E06000006"}


def test_authorities_the_words_limit_a_regions_service_area_to_leave_the_others_out(reader):
    found = reader.understand(
        oruk(
            description="Free 6-week course for adults living with any long-term health condition. For "
            "people registered with a GP in South Tees (Middlesbrough or Redcar & Cleveland).",
            service_areas=[{"id": "a", "name": "Tees Valley"}],
        )
    )
    assert set(found.residency_codes()) == {"E06000002", "E06000003"}  # not Darlington's people
    # every authority of the region listed, "Redcar & Cleveland" among them: the whole region
    listed = reader.understand(
        oruk(
            description="Talking therapies, self-referral.",
            eligibility_description="16+ registered with a GP in Stockton, Middlesbrough, Hartlepool, "
            "Redcar & Cleveland or Darlington",
            service_areas=[{"id": "a", "name": "Tees Valley"}],
        )
    )
    assert set(listed.residency_codes()) == TEES_VALLEY
    # an authority merely mentioned beside the region's service area does not narrow it
    mentioned = reader.understand(
        oruk(
            description="Phone befriending across the Tees Valley, run from our Middlesbrough office.",
            service_areas=[{"id": "a", "name": "Tees Valley"}],
        )
    )
    assert set(mentioned.residency_codes()) == TEES_VALLEY


TYNE_AND_WEAR = {"E08000021", "E08000037", "E08000022", "E08000023", "E08000024"}


@pytest.mark.parametrize(
    "area, codes",
    [
        ("Tyne and Wear", TYNE_AND_WEAR),  # a metropolitan county: no council, still an area
        ("Cheshire", {"E06000049", "E06000050", "E06000006", "E06000007"}),
        ("Cheshire East", {"E06000049"}),  # an authority whose name starts with a wider area's
        ("North East Lincolnshire", {"E06000012"}),  # not the North East
        # the NHS's names either side of the Tyne
        ("South of Tyne", {"E08000037", "E08000023", "E08000024"}),
        ("North of Tyne", {"E08000021", "E08000022", "E06000057"}),
        # the former county on Teesside, not a street in Ealing
        ("Cleveland", {"E06000001", "E06000002", "E06000003", "E06000004"}),
        ("Redcar & Cleveland", {"E06000003"}),
    ],
)
def test_a_service_area_named_as_a_wider_area_is_its_authorities(reader, area, codes):
    found = reader.understand(
        oruk(description="A virtual coffee morning for carers.", service_areas=[{"id": "a", "name": area}])
    )
    assert set(found.residency_codes()) == codes


def test_households_in_named_villages_narrow_a_regions_stamp(reader):
    found = reader.understand(
        oruk(
            description="Home energy visits. For households in Loftus, Brotton and Skelton.",
            service_areas=[{"id": "a", "name": "North East"}],
        )
    )
    codes = found.residency_codes()
    assert codes and all(code.startswith("place:E06000003:") for code in codes)  # East Cleveland's


def test_a_service_area_named_as_a_region_reaches_its_authorities_only(reader):
    found = reader.understand(
        oruk(description="Phone support.", service_areas=[{"id": "a", "name": "North East England"}])
    )
    codes = set(found.residency_codes())
    assert TYNE_AND_WEAR < codes and "E06000001" in codes  # Hartlepool is in the region too
    # "North East" alone is the region as people say it, not the seven-council combined authority
    bare = reader.understand(
        oruk(description="Phone support.", service_areas=[{"id": "a", "name": "North East"}])
    )
    assert set(bare.residency_codes()) == codes
    assert "E06000007" not in codes  # Warrington is not


@pytest.mark.parametrize(
    "text, code",
    [
        # Blackley is a ward's name only as "Higher Blackley"
        ("A lunch club for residents of Harpurhey, Moston or Blackley.", "E08000003"),
        # Hulme and Moss Side are also wards elsewhere: Rusholme says which
        ("Only for people living in Moss Side, Hulme and Rusholme.", "E08000003"),
        ("We cannot accept referrals for people outside County Durham.", "E06000047"),
    ],
)
def test_neighbourhoods_and_outside_limits_name_the_authority(reader, text, code):
    assert {authority_of(c) for c in reader.understand(oruk(description=text)).residency_codes()} == {code}


def test_every_neighbourhood_listed_before_residents_is_in_the_limit(reader):
    """ "Hardwick and Roseworth residents" is both estates, not Roseworth alone, whose circle a
    Hardwick family may then be told is not theirs."""
    found = reader.understand(
        oruk(
            description="Weekly shop for £4. Must be a member. Hardwick and Roseworth residents.",
            service_areas=[{"id": "a", "name": "Stockton-on-Tees"}],
        )
    )
    assert [p.name for p in map(read_place, found.residency_codes()) if p] == ["Hardwick", "Roseworth"]


def test_a_limit_to_neighbourhoods_is_those_neighbourhoods_where_we_know_where_they_are(reader):
    found = reader.understand(
        oruk(
            eligibility_description="For people aged 60+ living in Harpurhey, Moston, Blackley or Crumpsall."
        )
    )
    places = [read_place(code) for code in found.residency_codes()]
    assert [p.name for p in places if p] == ["Harpurhey", "Moston", "Blackley", "Crumpsall"]
    area = read_area(found.residency_codes())
    assert in_area(area, ["E08000003"], (53.509, -2.209)) is True  # Harpurhey
    assert in_area(area, ["E08000003"], (53.456, -2.192)) is False  # Longsight, same city
    assert in_area(area, ["E08000003"]) is True  # no point: the city is as near as we can tell
    # a name we cannot place is most likely a neighbour of those we can, so theirs are drawn wider
    unknown = reader.understand(
        oruk(eligibility_description="For people living in Grove Hill, Moston or Harpurhey.")
    )
    drawn = [read_place(code) for code in unknown.residency_codes()]
    assert [p.name for p in drawn if p] == ["Moston", "Harpurhey"] and all(p and p.km >= 5 for p in drawn)
    # a place inside a longer name is not that place: the Upper Calder Valley is not the ward Calder
    valley = reader.understand(
        oruk(
            description="For refugees living in the Upper Calder Valley.",
            service_areas=[{"id": "a", "name": "Calderdale"}],
        )
    )
    assert all(read_place(code) is None for code in valley.residency_codes())
    # and the authority named as a whole is not narrowed by places named with it
    whole = reader.understand(oruk(eligibility_description="Residents of Salford, Eccles and Swinton."))
    assert whole.residency_codes() == ["E08000006"]


def test_every_authority_listed_after_a_residency_cue_counts(reader):
    found = reader.understand(
        oruk(eligibility_description="Aged 16+ and registered with a GP in Newcastle or Gateshead")
    )
    assert set(found.residency_codes()) == {"E08000021", "E08000037"}  # "Newcastle" is upon Tyne


def test_a_county_is_not_a_place_called_county(reader):
    # Liverpool has a ward called County; "living in County Durham" is Durham alone
    found = reader.understand(oruk(eligibility_description="Unpaid carers living in County Durham"))
    assert found.residency_codes() == ["E06000047"]


# --- delivery ---------------------------------------------------------------------------------------


def test_a_helpline_is_a_phone_service_and_reaches_the_whole_area(reader):
    found = reader.understand(csv_row(description="24 hour listening support by phone. Free to call."))
    assert "phone" in found.delivery_modes() and "in_person" not in found.delivery_modes()
    assert found.value("area_wide") is True


def test_an_online_group_is_online(reader):
    found = reader.understand(csv_row(description="A wellbeing group that meets over Zoom every week."))
    assert "online" in found.delivery_modes()


def test_what_a_caller_asked_for_is_not_how_the_service_is_delivered(reader):
    zoom = reader.understand(
        oruk(
            name="Grief Circle (Zoom)",
            description="Monthly Zoom group for anyone bereaved. Counter note: Biddulph cust asked for "
            "face to face - nothing in Biddulph now the cafe's gone.",
        )
    )
    assert zoom.delivery_modes() == ["online"]


@pytest.mark.parametrize(
    "description, online",
    [
        ("Facebook group for Dover town - post if you need anything and someone usually helps.", True),
        ("A private Facebook group for mums in and around Bristol. Request to join.", True),
        ("Free one-to-one bereavement support, face to face in Richmond, by phone or video.", True),
        ("Sessions at our base, in school or by text chat.", True),
        # help to make video calls, and booking an adviser by video relay, are not online services
        ("Bring your tablet and our volunteers help with email, NHS App and video calls.", False),
        ("Advice in BSL for Deaf people. Book by text or video relay.", False),
        # signing up online is how to get in, not how the service is delivered
        ("Free weekly timed 5k run, jog or walk. Register once online and bring your barcode.", False),
        ("Beginners' swimming, Tuesdays. Sign up online or at reception.", False),
    ],
)
def test_a_facebook_group_or_a_video_session_is_online(reader, description, online):
    assert ("online" in reader.understand(csv_row(description=description)).delivery_modes()) is online


@pytest.mark.parametrize(
    "description, phone",
    [
        ("Housing advice. Phone first, face to face by appt at the office.", True),
        ("Weekly phone group & talking newspaper for people who are blind.", True),
        # a door bell is no phone line
        ("Woodwork and tea. Blue door round the back - ring the bell if the shutter's down.", False),
    ],
)
def test_a_phone_said_in_passing_is_a_phone_service_and_a_door_bell_is_not(reader, description, phone):
    assert ("phone" in reader.understand(csv_row(description=description)).delivery_modes()) is phone


@pytest.mark.parametrize(
    "fields, modes",
    [
        ({"description": "Debt and energy advice. Delivery: Telephone. Daytime appointments."}, ["phone"]),
        (
            {"description": "Free treatment for gambling harm. Delivery: Telephone / Video."},
            ["phone", "online"],
        ),
        (
            {"description": "Peer support. Delivery: Face to face / Telephone.", "postcode": "BL1 1RU"},
            ["in_person", "phone"],
        ),
    ],
)
def test_a_listing_forms_delivery_field_says_how_it_is_delivered(reader, fields, modes):
    assert reader.understand(csv_row(**fields)).delivery_modes() == modes


@pytest.mark.parametrize(
    "description, mode",
    [
        (
            "Advice van - benefits, debt, energy. Just come to the van. Rota: Aspatria 1st Mon 10-1.",
            "outreach",
        ),
        (
            "Wellbeing Bus: blood pressure checks and a warm drink, aimed at fell villages with no GP.",
            "outreach",
        ),
        ("Confidential farm visits for farmers and their families under pressure.", "home_visits"),
    ],
)
def test_a_van_or_bus_that_tours_villages_comes_to_people_and_a_farm_visit_is_a_home_visit(
    reader, description, mode
):
    assert (
        mode
        in reader.understand(
            normalise({"id": "v", "name": "Service", "description": description})
        ).delivery_modes()
    )


def test_a_directorys_own_tag_naming_a_way_of_taking_part_is_read_but_a_charitys_classification_is_not(
    reader,
):
    tagged = {
        "id": "t",
        "name": "Traveller liaison",
        "description": "Support for Gypsy and Traveller families with health and school places.",
        "attributes": [{"taxonomy_term": {"taxonomy": "Connectors tags", "name": "outreach"}}],
    }
    assert reader.understand(normalise(tagged)).delivery_modes() == ["outreach"]
    classified = dict(
        tagged, attributes=[{"taxonomy_term": {"taxonomy": "UKCAT", "code": "SW", "name": "outreach"}}]
    )
    assert "outreach" not in reader.understand(normalise(classified)).delivery_modes()


def test_a_class_that_teaches_getting_online_is_not_delivered_online(reader):
    found = reader.understand(
        csv_row(
            name="Get Online - Digital Skills Drop-in",
            postcode="M2 6DQ",
            description="Help using the internet, email, online forms and video calls.",
        )
    )
    assert found.delivery_modes() == ["in_person"]


def test_a_way_of_reaching_people_the_words_deny_or_give_to_another_organisation_is_not_read(reader):
    found = reader.understand(
        csv_row(
            name="Lymm Over 60s Club",
            postcode="WA13 0HR",
            description="Speakers, whist and outings. Please note: the club does not offer home visits, "
            "and we know of no free visiting befriending service here - Age UK Mid Mersey's telephone "
            "befriending does.",
        )
    )
    assert found.delivery_modes() == ["in_person"]
    assert found.value("area_wide") is False


def test_a_sentence_that_begins_by_denying_a_way_of_meeting_does_not_give_it(reader):
    helpline = reader.understand(
        csv_row(
            name="National Gambling Helpline",
            description="Phone and live chat for anyone affected by gambling, 24 hours. No local face to "
            "face group for gambling found in my patch.",
        )
    )
    assert "in_person" not in helpline.delivery_modes()
    zoom = reader.understand(
        csv_row(
            name="Bereavement Support - online",
            description="Zoom bereavement group. No in-person group in Furness since the hospice one stopped.",
        )
    )
    assert zoom.delivery_modes() == ["online"]


def test_home_visits_are_recognised(reader):
    found = reader.understand(
        csv_row(description="Volunteers visit older people in their own homes.", postcode="M33 7ZZ")
    )
    assert "home_visits" in found.delivery_modes()


@pytest.mark.parametrize(
    "description, mode",
    [
        ("Our energy advisers visit your home to check the heating.", "home_visits"),
        ("A handyperson service for small repairs and grab rails.", "home_visits"),
        ("Volunteers pop round for a cuppa once a week.", "home_visits"),
        ("Debt help for our tenants: phone, or we come to you.", "home_visits"),
        ("Door-to-door minibus for people who cannot use buses.", "outreach"),
        ("Volunteer drivers take you to hospital appointments.", "outreach"),
        ("Practical help in the comfort of your own home.", "home_visits"),
        ("Hot meals delivered to your door every weekday.", "home_visits"),
        ("Weekly befriending visits for older people.", "home_visits"),
        ("Coaches can meet you at a community venue near you, or by phone.", "outreach"),
        ("Pop-up advice sessions in libraries and supermarkets.", "outreach"),
        ("Drop-ins at various locations across the borough.", "outreach"),
    ],
)
def test_visits_and_transport_that_fetch_people_are_read(reader, description, mode):
    assert mode in reader.understand(oruk(description=description)).delivery_modes()


@pytest.mark.parametrize(
    "description, modes",
    [
        ("24/7 listening. Call 116 123 free. Branch also does face-to-face by arrangement.", {"phone"}),
        ("Self-referral welcome. Phone, video or face to face.", {"phone", "online"}),
    ],
)
def test_a_line_or_a_video_call_said_in_a_few_words_is_remote(reader, description, modes):
    assert modes <= set(reader.understand(oruk(description=description)).delivery_modes())


def test_advisers_visiting_a_warm_space_is_not_a_home_visit(reader):
    found = reader.understand(
        oruk(description="Warm space with soup. Money advisers visit on alternate weeks.")
    )
    assert "home_visits" not in found.delivery_modes()


def test_a_service_in_peoples_own_homes_is_not_in_person_at_its_office(reader):
    found = reader.understand(
        csv_row(
            description="Our workers visit vulnerable adults to help with shopping and letters.",
            postcode="M33 7ZZ",
        )
    )
    assert found.delivery_modes() == ["home_visits"] and found.value("area_wide") is True


def test_street_outreach_is_outreach(reader):
    found = reader.understand(
        csv_row(
            description="Mobile support for people living on the streets: food and sleeping bags.",
            postcode="M1 1AA",
        )
    )
    assert "outreach" in found.delivery_modes()


def test_a_venue_with_a_postcode_is_in_person(reader):
    found = reader.understand(
        csv_row(description="Weekly craft group at the community centre.", postcode="M33 7ZZ")
    )
    assert found.delivery_modes() == ["in_person"] and found.value("area_wide") is False


# --- needs: what the words say, never the venue ---------------------------------------------------


def test_a_venue_name_never_makes_a_need(reader):
    found = reader.understand(
        csv_row(
            name="Walton Park Sports Centre",
            description="Five-a-side football.",
            location_name="Sale Water Park Garden Room",
            postcode="M33 2LX",
        )
    )
    assert "nature_gardening" not in found.need_codes()
    assert "physical_activity" in found.need_codes()


@pytest.mark.parametrize(
    "description",
    [
        "Lunch club every Tuesday: a hot two-course lunch and a chat.",
        "Friendly 3 course Christmas dinner for anyone on their own.",
    ],
)
def test_a_meals_courses_are_not_a_course_to_learn_on(reader, description):
    assert "learning" not in reader.understand(oruk(description=description)).need_codes()


def test_a_cookery_course_is_still_learning(reader):
    found = reader.understand(
        oruk(description="Cookery course: learn to cook a three course meal on a budget.")
    )
    assert "learning" in found.need_codes()


def test_a_ukcat_code_alone_makes_no_need(reader):
    found = reader.understand(
        csv_row(description="To advance the objects of the charity.", taxonomy_terms="SW301")
    )
    assert "food" not in found.need_codes()


def test_each_need_carries_the_words_it_came_from(reader):
    found = reader.understand(csv_row(description="Emergency food parcels from our food bank."))
    food = next(f for f in found.needs if f.value == "food")
    assert "food" in food.evidence.lower() and 0 < food.confidence <= 1


# --- cost, wheelchair, schedule, capacity ----------------------------------------------------------


@pytest.mark.parametrize(
    "fields, band",
    [
        ({"cost_options": [{"id": "c", "amount": 0}]}, "free"),
        ({"cost_options": [{"id": "c", "amount": 3.5}]}, "low_cost"),
        ({"cost_options": [{"id": "c", "amount": 45}]}, "paid"),
        ({"fees": "£2 a session"}, "low_cost"),
        ({"description": "Free of charge, no need to book."}, "free"),
        ({"description": "A weekly choir."}, "unknown"),
        ({"description": "Lunch club. £3 donation for lunch."}, "low_cost"),
        # a meal's price said beside the meal
        ({"description": "Lunch club every Tuesday, two-course meal £4."}, "low_cost"),
        ({"description": "Drop in for a natter and a hot lunch for £4.50."}, "low_cost"),
        ({"description": "Free to attend, donations gratefully received."}, "free"),
        # a price with concessions is a price
        ({"description": "Quiet swim sessions at Splashpoint, concessions with Leisure card."}, "low_cost"),
        ({"description": "Women-only swim. Normal swim prices apply."}, "low_cost"),
        # a map's cost dropdown exported as an attribute (the Solent, session 41)
        ({"attributes": [{"taxonomy_term": {"taxonomy": "Cost", "name": "Free"}}]}, "free"),
        ({"attributes": [{"taxonomy_term": {"taxonomy": "Cost", "name": "Donation"}}]}, "free"),
        ({"attributes": [{"taxonomy_term": {"taxonomy": "Cost", "name": "£"}}]}, "low_cost"),
        ({"attributes": [{"taxonomy_term": {"taxonomy": "Price", "name": "££"}}]}, "paid"),
        # a theme named "Free" is no price
        ({"attributes": [{"taxonomy_term": {"taxonomy": "Pin colour", "name": "Free"}}]}, "unknown"),
    ],
)
def test_cost_band(reader, fields, band):
    assert reader.understand(oruk(**fields)).value("cost") == band


@pytest.mark.parametrize(
    "venue, wheelchair",
    [
        ("Walton Methodist (old church hall - access poor, 3 steps)", "no"),
        ("The Bridge (function room, stairs only)", "no"),
        ("Accessible Arts Centre", "unknown"),  # a name, not the way in
        ("Steps Community Centre", "unknown"),
    ],
)
def test_a_venue_named_with_its_access_note(reader, venue, wheelchair):
    location = {
        "id": "loc",
        "location_type": "physical",
        "name": venue,
        "addresses": [{"id": "ad", "address_1": "Rice Ln", "city": "Liverpool", "postal_code": "L9 1AE"}],
    }
    record = oruk(
        description="Social and exercise club.", service_at_locations=[{"id": "l", "location": location}]
    )
    assert reader.understand(record).value("wheelchair") == wheelchair


def test_a_venue_that_says_it_has_no_lift_is_not_wheelchair_accessible(reader):
    record = oruk(
        description="Social club.",
        service_at_locations=[
            {
                "id": "l",
                "location": {
                    "id": "loc",
                    "location_type": "physical",
                    "accessibility": [{"id": "a", "description": "Upstairs, no lift"}],
                    "addresses": [
                        {"id": "ad", "address_1": "1 High St", "city": "Bolton", "postal_code": "BL1 1AA"}
                    ],
                },
            }
        ],
    )
    found = reader.understand(record)
    assert found.value("wheelchair") == "no" and "no lift" in found.wheelchair.evidence


@pytest.mark.parametrize(
    "description, wheelchair",
    [
        ("Coffee morning in the church hall. No disabled access, sorry.", "no"),
        ("Support group. The building is not accessible for wheelchair users.", "no"),
        ("Drop-in at the library. Access: upstairs, ask staff for help.", "no"),
        ("Peer group in the first-floor room, reached by a narrow staircase.", "no"),
        ("Craft club. The lift is out of order until March.", "no"),
        ("Chair exercise. Room on 1st floor and the lift has been broken since the summer.", "no"),
        ("Singing. Town Hall, upstairs - there IS a stair lift but it won't take a wheelchair.", "no"),
        ("Walk round Carn Brea. Stiles and mud - not for wheelchairs or buggies.", "no"),
        ("Fry-up in the back room, down three steps - not really one for a wheelchair user.", "no"),
        ("Allotment. Paths are gravel and grass so can be hard going with a wheelchair or walker.", "no"),
        ("Veg beds on the canal side, rough paths & gravel, no good for wheelchairs or scooters.", "no"),
        ("Peer group. The entrance has steps, so it isn't suitable for wheelchair users, sorry.", "no"),
        ("Art club. The chapel hall has steps at the front and we can't accommodate wheelchairs.", "no"),
        ("Knit and natter. Sorry, we are unable to cater for wheelchair users at the moment.", "no"),
        ("Drop-in at the library. Access: step-free from the car park.", "yes"),
        # not about the venue
        ("Chair exercise class, accessible to all abilities.", "unknown"),
        ("Advice on finding accessible housing.", "unknown"),
        ("Lunch club. Access: ground floor, stairs to the toilets.", "unknown"),
    ],
)
def test_a_venue_said_in_prose_to_have_no_wheelchair_access(reader, description, wheelchair):
    assert reader.understand(oruk(description=description)).value("wheelchair") == wheelchair


def at_a_venue(access: str) -> dict:
    return oruk(
        description="Community group.",
        service_at_locations=[
            {
                "id": "l",
                "location": {
                    "id": "loc",
                    "location_type": "physical",
                    "accessibilities": [{"id": "a", "description": access}],
                    "addresses": [{"id": "ad", "address_1": "Didsbury Road", "postal_code": "SK4 2AP"}],
                },
            }
        ],
    )


@pytest.mark.parametrize(
    "access, wheelchair",
    [
        ("Grass paths, no accessible toilet", "no"),
        ("Workshop has a step and gravel yard", "no"),
        ("Workshop has a step at the entrance; portable ramp available on request.", "yes"),
        ("No accessible toilet", "unknown"),
    ],
)
def test_an_outdoor_sites_ground_or_a_step_with_no_way_round_is_no_wheelchair_access(
    reader, access, wheelchair
):
    assert reader.understand(at_a_venue(access)).value("wheelchair") == wheelchair


def test_a_charitys_area_of_benefit_is_whom_it_may_help(reader):
    found = reader.understand(
        oruk(
            description="Volunteers helping neighbours stay independent: visiting, shopping, lifts. Our area of "
            "benefit is the ancient parish of Glossop (Glossop, Hadfield, Padfield). We cannot go over the border "
            "into Tameside, sorry."
        )
    )
    places = [read_place(code) for code in found.residency_codes()]
    assert places and {place.la for place in places if place} == {"E07000037"}  # High Peak, not Tameside


def test_residents_a_service_says_it_cannot_support_are_not_its_residents(reader):
    found = reader.understand(
        oruk(
            description="Food parcels for households in Levenshulme and Longsight (City of Manchester). We cannot "
            "support Stockport residents from Heaton Chapel or Reddish - please use Stockport Foodbank.",
            service_areas=[
                {
                    "id": "a",
                    "name": "Manchester",
                    "uri": "http://statistics.data.gov.uk/id/statistical-geography/E08000003",
                }
            ],
        )
    )
    assert "E08000007" not in {authority_of(code) for code in found.residency_codes()}


def test_outreach_with_no_venue_reaches_the_one_place_its_service_area_names(reader):
    found = reader.understand(
        oruk(
            name="Door Knock (fuel outreach)",
            description="Our energy champions go door to door on the estate to help with meters and fuel vouchers.",
            service_areas=[{"id": "a", "name": "Brinnington"}],
        )
    )
    places = [read_place(code) for code in found.residency_codes()]
    assert [place.name for place in places if place] == ["Brinnington"]
    several = reader.understand(
        oruk(
            name="Dial-a-Ride",
            description="Door-to-door minibus for people who can't use the bus.",
            service_areas=[{"id": "a", "name": "Upper Wensleydale and Swaledale"}],
        )
    )
    assert not several.residency_codes()  # Swaledale we cannot draw: not cut down to Wensleydale


def test_a_service_area_of_one_town_only_beside_its_venue_is_that_towns(reader):
    at_ne38 = {"id": "l1", "postcode": "NE38 7JD", "latitude": 54.904279, "longitude": -1.526889}
    venue = [{"location": at_ne38}]
    found = reader.understand(
        oruk(
            name="Carers' Pamper Afternoons (Washington)",
            description="Monthly afternoon for carers - hand massage, crafts, someone to talk to.",
            service_at_locations=venue,
            service_areas=[{"id": "a", "name": "Washington only", "extent_type": "text"}],
        )
    )
    places = [read_place(code) for code in found.residency_codes()]
    assert [place.name for place in places if place] == ["Washington"]
    # a town beside a venue, without "only", is where it is, not a limit
    open_to_all = reader.understand(
        oruk(
            description="Monthly afternoon for carers.",
            service_at_locations=venue,
            service_areas=[{"id": "a", "name": "Washington", "extent_type": "text"}],
        )
    )
    assert open_to_all.residency_codes() == []


def test_authorities_named_alone_in_a_description_narrow_the_region_its_service_area_names(reader):
    def reach(description: str) -> set[str]:
        found = reader.understand(
            oruk(
                name="Energy advice - Warm Homes",
                description=description,
                service_areas=[{"id": "a", "name": "South of Tyne", "extent_type": "text"}],
            )
        )
        return set(found.residency_codes())

    said = "Help with energy bills, heating grants and fuel debt. Phone line; home visits."
    assert reach(f"{said} Sunderland and South Tyneside.") == {"E08000024", "E08000023"}
    assert reach(said) == {"E08000024", "E08000023", "E08000037"}  # Gateshead too
    # an authority outside the region is not a part of it
    assert "E08000021" not in reach(f"{said} Newcastle.")


def test_a_charity_registers_classification_restricts_nobody(reader):
    found = reader.understand(
        oruk(
            description="A friendly band of volunteers helping older and disabled neighbours stay independent.",
            attributes=[
                {
                    "id": "t",
                    "taxonomy_term": {
                        "id": "c",
                        "taxonomy": "charity-commission",
                        "name": "People with disabilities",
                    },
                }
            ],
        )
    )
    assert "people_with_disabilities" not in found.group_codes()


def test_knitting_for_a_neonatal_unit_is_not_a_group_for_new_parents(reader):
    found = reader.understand(
        oruk(
            description="Knit and natter. We knit blankets for the neonatal unit at Stepping Hill. Everyone welcome."
        )
    )
    assert "pregnant_new_parents" not in found.group_codes()


def test_rfc5545_ordinal_days_are_read():
    assert parse_byday("1TU,-1TH,WE") == [
        {"day": "TU", "ordinal": 1},
        {"day": "TH", "ordinal": -1},
        {"day": "WE", "ordinal": None},
    ]


def test_schedules_with_seconds_and_ordinals(reader):
    found = reader.understand(
        oruk(
            description="Cafe",
            schedules=[
                {
                    "id": "s",
                    "freq": "MONTHLY",
                    "byday": "-1TH",
                    "opens_at": "14:00:00",
                    "closes_at": "16:00:00",
                }
            ],
        )
    )
    value = found.schedule[0].value
    assert value["days"] == [{"day": "TH", "ordinal": -1}] and (value["opens_at"], value["closes_at"]) == (
        "14:00",
        "16:00",
    )


def test_opening_days_said_in_the_description_are_read_when_nothing_else_says_them(reader):
    line = reader.understand(
        oruk(
            description="Information on mental health. Lines are open 9am to 6pm, Monday to Friday (except bank holidays)."
        )
    )
    value = line.schedule[0].value
    assert [d["day"] for d in value["days"]] == ["MO", "TU", "WE", "TH", "FR"]
    assert (value["opens_at"], value["closes_at"]) == ("09:00", "18:00")
    # a day named in passing is not when it is open
    assert reader.understand(oruk(description="Closed Monday to Wednesday over Easter.")).schedule == []


def test_a_sentence_of_days_and_times_alone_says_when_a_service_is_open(reader):
    """A helpline listed as "Mon-Tue 10-4." is not open in the evening: a carer who can only ring
    after work is told so rather than offered it as if its hours were unknown."""
    line = reader.understand(oruk(description="Advice for carers on Carer's Allowance. Mon-Tue 10-4."))
    value = line.schedule[0].value
    assert [d["day"] for d in value["days"]] == ["MO", "TU"]
    assert (value["opens_at"], value["closes_at"]) == ("10:00", "16:00")
    line = reader.understand(oruk(description="Advice on benefits and care. 8am-7pm 365 days."))
    assert len(line.schedule[0].value["days"]) == 7 and line.schedule[0].value["closes_at"] == "19:00"
    # words that are not days and times are not read as them
    for description in (
        "Open to all. Fortnightly Tuesday evenings, call first.",
        "Bring a friend on Mondays.",
    ):
        assert reader.understand(oruk(description=description)).schedule == []


def test_a_federations_boilerplate_about_its_network_is_not_how_far_the_branch_reaches(reader):
    found = reader.understand(
        oruk(
            description="Our local Mind is an independent charity, part of the Mind network of more than 100 "
            "local Minds across England and Wales. A peer support group for women: craft and chat.",
            service_at_locations=[
                {"id": "sal", "location": {"id": "l", "name": "Coronation Hall", "postcode": "M38 0AA"}}
            ],
        )
    )
    assert found.value("area_wide") is False


def test_waiting_time_and_a_closed_list_are_read(reader):
    found = reader.understand(
        oruk(
            description="Counselling.",
            wait_time="Around 6 weeks",
            alert="Not currently accepting new referrals.",
        )
    )
    assert found.capacity.value == {"accepting": False, "wait_weeks": 6.0}


# --- the shapes we import ---------------------------------------------------------------------------


def test_oruk_v1_eligibility_and_taxonomy_are_read():
    record = normalise(
        {
            "id": "v1",
            "name": "Carers Cafe",
            "description": "Monthly cafe.",
            "eligibilitys": [{"id": "e", "eligibility": "Unpaid carers only", "minimum_age": 18}],
            "service_taxonomys": [
                {"id": "t", "taxonomy": {"id": "1", "name": "Caregivers", "vocabulary": "openEligibility"}}
            ],
        }
    )
    assert record.texts["eligibility"] == "Unpaid carers only" and record.min_age == 18
    assert record.terms[0].vocabulary == "openeligibility" and record.terms[0].name == "Caregivers"


@pytest.mark.parametrize(
    ("attending_type", "delivery"),
    [
        ("Phone", ["phone"]),
        ("Home visit", ["home_visits"]),
        ("Online (Zoom)", ["online"]),
        ("Venue", ["in_person"]),
    ],
)
def test_a_v1_feeds_attending_type_is_how_people_take_part(reader, attending_type, delivery):
    """ "Support group" (what it is) and "drop-in" (how to get in) say nothing of where it happens."""
    found = reader.understand(
        {
            "id": "v1",
            "name": "Tuesday Natter",
            "description": "A friendly chat with one of our volunteers.",
            "attending_type": attending_type,
            "attending_access": "drop-in",
            "deliverable_type": "Support group",
        }
    )
    assert found.summary()["delivery"] == delivery


def test_category_paths_are_split_into_their_steps():
    record = normalise(
        oruk(
            attributes=[
                {
                    "id": "a",
                    "taxonomy_term": {
                        "id": "t",
                        "name": "Health > Mental health > Counselling",
                        "taxonomy": "local",
                    },
                }
            ]
        )
    )
    assert [t.name for t in record.terms] == ["Health", "Mental health", "Counselling"]


def test_to_dict_is_plain_json(reader):
    found = reader.understand(
        csv_row(description="Women only walking group for the over 50s.", postcode="M33 7ZZ")
    )
    data = json.loads(json.dumps(found.to_dict()))
    assert data["groups"][0]["value"] == "women" and data["min_age"]["value"] == 50


def test_an_abolished_district_is_still_the_place_it_names():
    with (
        open(DATA / "geo" / "local_authorities_england.csv", newline="") as handle,
        open(DATA / "geo" / "places_england.csv", newline="") as places,
    ):
        areas = AreaLookup(csv.DictReader(handle), csv.DictReader(places))
    # "Hambleton residents" are not all of North Yorkshire, which it has been part of since 2023
    assert areas.code("Hambleton") == "E07000164"
    assert areas.successor_of("E07000164") == "E06000065"
    assert [code for code, _ in areas.find("Richmondshire residents only")] == ["E07000166"]
    assert [code for code, _ in areas.find("North Yorkshire residents")] == ["E06000065"]


def test_a_village_of_a_former_district_is_that_district_when_it_cannot_be_drawn(reader):
    found = reader.understand(oruk(description="Coffee and company. Anyone over 50 who lives in Middleham."))
    assert found.residency_codes() == ["E07000166"]  # Richmondshire, not all of North Yorkshire


def test_a_line_with_no_venue_named_for_an_authority_works_there(reader):
    found = reader.understand(
        oruk(name="Hambleton Community Transport", description="Volunteer drivers take you to appointments.")
    )
    assert [f.value for f in found.works_in] == ["E07000164"]


def test_a_volunteer_who_visits_weekly_with_no_venue_comes_to_the_person(reader):
    befriending = reader.understand(oruk(description="One-to-one befriending. A volunteer visits weekly."))
    assert befriending.delivery_modes() == ["home_visits"]
    # beside a venue, advisers who visit weekly come to the venue
    venue = oruk(
        description="Advice drop-in. Advisers visit weekly.",
        service_at_locations=[
            {"id": "sl", "location": {"id": "l", "location_type": "physical", "name": "Library"}}
        ],
    )
    assert "home_visits" not in reader.understand(venue).delivery_modes()


def test_a_part_of_a_borough_spelt_out_in_brackets_is_those_places(reader):
    found = reader.understand(
        oruk(
            description="Volunteers visit at home. Catchment: South Trafford neighbourhood only "
            "(Altrincham, Hale, Bowdon, Timperley)."
        )
    )
    places = [read_place(code) for code in found.residency_codes()]
    assert places and all(place is not None and place.la == "E08000009" for place in places)
    assert {place.name for place in places if place} == {"Altrincham", "Hale", "Bowdon", "Timperley"}


def test_postcode_districts_in_a_catchment_line_are_the_limit(reader):
    found = reader.understand(oruk(description="Debt advice. Catchment: Wythenshawe (M22/M23) tenants only."))
    assert {"M22", "M23"} <= set(found.residency_codes())


def test_a_need_the_record_denies_is_not_read_from_its_words(reader):
    found = reader.understand(
        oruk(
            name="BSL Health Drop-in",
            description="Monthly drop-in in British Sign Language: help with GP letters and booking "
            "interpreters. Not a social club - for health and advice only.",
        )
    )
    assert "loneliness" not in found.need_codes()


def test_where_home_visits_go_is_who_may_have_them(reader):
    found = reader.understand(
        oruk(
            description="Volunteer befrienders visit people over 65 at home in Congleton for an hour a week."
        )
    )
    assert [authority_of(code) for code in found.residency_codes()] == ["E06000049"]  # Cheshire East


def test_a_platforms_adults_stamp_is_no_age_but_its_age_range_line_is_read(reader):
    stamped = reader.understand(
        oruk(description="Hot lunch for older people.", minimum_age=18, maximum_age=999)
    )
    assert stamped.value("min_age") is None and stamped.value("max_age") is None
    said = reader.understand(
        oruk(
            description="Bereavement group.\nReferral required: No\nAge range: 18-125",
            minimum_age=18,
            maximum_age=125,
        )
    )
    assert said.value("min_age") == 18 and said.value("max_age") is None
    youth = reader.understand(oruk(description="Drop-in.\nAge range: 16-25"))
    assert (youth.value("min_age"), youth.value("max_age")) == (16, 25)
    # a curator's own "18 and over" with no upper age stays
    assert reader.understand(oruk(description="Peer group.", minimum_age=18)).value("min_age") == 18


@pytest.mark.parametrize(
    "note, wheelchair",
    [
        ("step at the door", "no"),
        ("small step, tight between tables for a walker", "no"),
        ("the pub has steps up to the lounge", "no"),
        ("upstairs", "no"),
        ("room on the first floor, there is a lift but it was broken when I visited", "no"),
        ("none really, lift to all floors", "yes"),
        ("step into the hall but there's a side door with ramp", "yes"),
        ("long wait, come early", "unknown"),
    ],
)
def test_an_access_note_under_its_own_heading_in_the_description_is_read_as_one(reader, note, wheelchair):
    """A survey kept as "question: answer | ..." in the description: "Barriers noticed: step at the
    door" is a venue's access note, where one step is a barrier."""
    description = f"What happens here: a weekly social | Barriers noticed: {note} | How to connect: walk in"
    assert reader.understand(oruk(description=description)).value("wheelchair") == wheelchair


def test_access_via_steps_said_in_a_description_is_no_wheelchair_access(reader):
    found = reader.understand(
        oruk(
            description="A shed for men. Note: workshop access is via three steps and the toilet is not adapted."
        )
    )
    assert found.value("wheelchair") == "no"


def test_a_group_sent_elsewhere_is_not_what_the_service_is_for(reader):
    found = reader.understand(
        oruk(
            name="Drug and Alcohol Service",
            description="Free, confidential support if you're worried about your drinking or drug use. "
            "For adults (18+). Under 18s: see the Young People's Substance Misuse Service.",
        )
    )
    assert "addiction_recovery" in found.need_codes() and "young_people" not in found.need_codes()


def test_family_visiting_and_a_walk_and_talk_are_read_for_what_they_offer(reader):
    visiting = reader.understand(
        oruk(
            name="Home-Start - Family Visiting",
            description="Trained volunteers helping families with young children through challenging times. "
            "Most families are referred by their health visitor.",
        )
    )
    assert "family_parenting" in visiting.need_codes()
    walk = reader.understand(
        oruk(name="Walk and Talk", description="Every Saturday our volunteers lead an hour around the park.")
    )
    assert "physical_activity" in walk.need_codes()


def test_durham_city_is_the_city_not_the_county(reader):
    found = reader.understand(
        oruk(description="Swimming for over 60s.", eligibility_description="Durham City residents only")
    )
    assert [(p.la, p.name) for p in map(read_place, found.residency_codes()) if p] == [
        ("E06000047", "Durham City")
    ]


def test_where_its_people_travel_from_is_within_its_reach(reader):
    found = reader.understand(
        oruk(
            description="Wellbeing group run in BSL. The only one in the area - people travel from Gateshead.",
            service_areas=[{"id": "a", "name": "North of Tyne"}],
        )
    )
    assert set(found.residency_codes()) == {"E08000021", "E08000022", "E06000057", "E08000037"}


def test_a_dads_group_that_sends_mums_to_its_other_sessions_is_for_men(reader):
    found = reader.understand(
        oruk(
            name="Dads & Little Ones - Saturday Stay and Play",
            description="Saturday stay and play for dads, grandads and male carers with children aged 0-5. "
            "Mums - see our Tuesday sessions.",
        )
    )
    assert {"men", "families"} <= set(found.group_codes())


@pytest.mark.parametrize(
    "words, closed",
    [
        ("Group has folded (Sept 26) - do not refer. Was: bingo and tea afternoon.", True),
        ("Gardening on the raised beds. Sadly the group folded in summer 2026 when we lost our lease.", True),
        ("The group closed in the summer holidays and is back in September.", False),
        ("Contract ended 31/03 - do not refer. Previously: small repairs.", True),
        ("Do NOT refer if client already open to community nursing. Falls class weekly.", False),
        ("Consent required - do not refer without client agreement.", False),
        (
            "Our singing group for people with dementia and their carers finished in July 2026 after seven "
            "happy years – thank you all!",
            True,
        ),
        ("The old Tuesday group for carers finished in July 2026; this one meets on Fridays.", False),
    ],
)
def test_a_referral_directorys_word_that_a_service_has_ended(reader, words, closed):
    assert bool(reader.understand(oruk(description=words)).value("closed")) is closed


def test_a_place_that_ends_a_sentence_is_still_a_place():
    with (
        open(DATA / "geo" / "local_authorities_england.csv", newline="") as handle,
        open(DATA / "geo" / "places_england.csv", newline="") as places,
    ):
        areas = AreaLookup(csv.DictReader(handle), csv.DictReader(places))
    # a link worker's note names where the person lives: "Southmead. Good with his hands."
    assert areas.places("64M, wife passed. Southmead. Good with his hands.") == [("E06000023", "Southmead")]
    assert [place for _, place in areas.places("Lockleaze. Horfield")] == ["Lockleaze", "Horfield"]


def test_places_a_record_turns_away_are_read_as_exclusions_in_its_own_area(reader):
    outreach = oruk(
        description=(
            "Who: people aged 60+ living in the rural villages of Trafford. Not for residents of Urmston, "
            "Altrincham or Stretford towns, who should use the town services."
        ),
        service_areas=[{"id": "a", "name": "Trafford"}],
    )
    turned_away = [f.value for f in reader.understand(outreach).exclusions if f.value.startswith("area:")]
    assert [read_place(v[len("area:") :]).name for v in turned_away] == ["Urmston", "Altrincham", "Stretford"]
    assert {read_place(v[len("area:") :]).la for v in turned_away} == {"E08000009"}
    # a refusal of a wider area's people is read with the authority's code
    carers = oruk(
        eligibility_description="Trafford residents only - we cannot help carers living in Salford."
    )
    assert [f.value for f in reader.understand(carers).exclusions] == ["area:E08000006"]


@pytest.mark.parametrize(
    ("words", "residency", "refused"),
    [
        (
            "Trafford residents only. Not for Salford residents - please contact Salford Carers.",
            ["E08000009"],
            "E08000006",
        ),
        ("Open to all except residents of Stretford.", [], "place:E08000009:Stretford"),
    ],
)
def test_a_place_turned_away_is_not_where_its_users_must_live(reader, words, residency, refused):
    understood = reader.understand(oruk(eligibility_description=words))
    assert understood.residency_codes() == residency
    assert [f.value for f in understood.exclusions][0].startswith("area:" + refused)


def test_places_a_small_group_says_it_covers_limit_it_even_among_towns_we_cannot_place(reader):
    # Whitstable and Herne Bay are towns, not wards: the wards named with them are drawn wider
    found = reader.understand(
        oruk(
            description="Befrienders visit older people at home for a cuppa and chat once a week. "
            "We cover Whitstable, Tankerton, Herne Bay, Swalecliffe and Chestfield.",
            service_areas=[{"id": "a", "name": "Whitstable"}, {"id": "b", "name": "Herne Bay"}],
        )
    )
    area = read_area(found.residency_codes())
    assert {p.name for c in found.residency_codes() if (p := read_place(c))} >= {"Tankerton", "Chestfield"}
    assert in_area(area, ["E07000106"], (51.3644, 1.1292)) is True  # Herne Bay
    assert in_area(area, ["E07000112"], (50.9942, 0.9330)) is False  # Lydd, another district


def test_villages_named_round_a_town_and_a_marsh_s_towns_are_in_its_area(reader):
    sandwich = reader.understand(
        oruk(
            description="A volunteer rings you every week. For people aged 70 or over who live alone in "
            "Sandwich or the villages round it (Ash, Eastry, Worth, Woodnesborough). Phone only."
        )
    )
    assert [p.name for c in sandwich.residency_codes() if (p := read_place(c))] == ["Sandwich", "Eastry"]
    marsh = reader.understand(
        oruk(
            description="Phone line for older people living on the Marsh - New Romney, Littlestone, "
            "St Mary's Bay, Dymchurch, Lydd, Brookland and the villages with no bus.",
            service_areas=[{"id": "a", "name": "Romney Marsh"}],
        )
    )
    assert in_area(read_area(marsh.residency_codes()), ["E07000112"], (50.9942, 0.9330)) is True  # Lydd


@pytest.mark.parametrize(
    "description",
    [
        "Only for fishing families (working or retired) - not general public.",
        "Drop-in for Roma families living in Cliftonville - help with letters and school admissions.",
        "Nepali speaking group for Gurkha veterans' families - pension forms, festivals.",
    ],
)
def test_a_community_s_or_a_trade_s_families_are_not_families_with_children(reader, description):
    found = reader.understand(oruk(description=description))
    assert "families" not in found.group_codes()
    assert "veterans" not in found.group_codes()


def test_a_town_no_ward_is_named_for_is_still_a_place(reader):
    # Faversham's wards are Abbey, Priory, St Ann's and Watling: the town is known from GeoNames
    found = reader.understand(
        oruk(
            name="Faversham Good Neighbours",
            description="Neighbours helping neighbours: lifts to appointments, prescriptions collected, a chat. "
            "Ring the duty phone.",
            service_areas=[{"id": "a", "name": "Faversham"}],
        )
    )
    area = read_area(found.residency_codes())
    assert [p.name for c in found.residency_codes() if (p := read_place(c))] == ["Faversham"]
    assert in_area(area, ["E07000113"], (51.3160, 0.8920)) is True  # Faversham
    assert in_area(area, ["E07000114"], (51.3357, 1.4180)) is False  # Ramsgate
    assert in_area(area, ["E07000113"], (51.3400, 0.7330)) is False  # Sittingbourne, the same borough


def test_a_publishers_generously_ticked_category_is_read_only_where_the_words_bear_it_out(reader):
    """An events calendar ticks "Older People" on nearly everything: across the batch its words
    seldom bear it out, so a youth football session is not read as help for older people, while
    a lunch club for the over 60s still is, and a standard vocabulary's term is still read."""

    def listing(n: int, name: str, description: str, *terms: str) -> dict:
        attributes = [
            {"taxonomy_term": {"taxonomy": "Town What's On category", "code": t.lower(), "name": t}}
            for t in terms
        ]
        return oruk(id=f"s{n}", name=name, description=description, attributes=attributes)

    others = [
        ("Youth Football", "Football for 11-16s on the rec, all abilities."),
        ("Toddler Tunes", "Songs and rhymes for babies and toddlers with their grown-ups."),
        ("Debt Drop-in", "Free, confidential debt and budgeting advice from trained advisers."),
        ("Foodbank", "Emergency food parcels with a voucher from a referral agency."),
        ("Art Club", "Painting and drawing for adults, materials provided."),
        ("Job Club", "CVs, job searches and interview practice."),
        ("Allotment Starter Plots", "Small plots and tools to start growing your own veg."),
        ("Parkrun", "A free 5k run every Saturday morning in the park."),
        ("ESOL Café", "Practise your English over a cuppa."),
    ]
    batch = [listing(i, name, text, "Older People", "Community") for i, (name, text) in enumerate(others)]
    batch.append(listing(98, "Lunch Club", "A hot lunch and company for the over 60s.", "Older People"))
    batch.append(
        oruk(
            id="s99",
            name="Walking Football",
            description="Gentle football on Thursdays.",
            attributes=[
                {
                    "taxonomy_term": {
                        "taxonomy": "openeligibility",
                        "code": "older-adults",
                        "name": "Older Adults",
                    }
                }
            ],
        )
    )
    found = {
        record["id"]: u.need_codes() for record, u in zip(batch, reader.understand_many(batch), strict=True)
    }
    assert "older_people" not in found["s0"] and "older_people" not in found["s4"]
    assert "older_people" in found["s98"]
    # one record alone is no batch to judge a vocabulary by: its term is read as before
    alone = reader.understand(batch[0])
    assert "older_people" in alone.need_codes()


@pytest.mark.parametrize(
    "description, modes",
    [
        (
            "Free advice on debt and benefits. Drop-in Tues & Thurs 9.30-12.30, or phone.",
            {"in_person", "phone"},
        ),
        ("Befriending for older people. Phone or visits. Free.", {"phone", "home_visits"}),
        ("Volunteers visit ex-RAF members and widows at home across the county.", {"home_visits"}),
        # the phone is what the help is with, and booking is how to get it
        ("Help you use your tablet or phone, at the library on Tuesdays. Or phone to book.", {"in_person"}),
    ],
)
def test_a_leaflets_last_words_say_how_the_help_comes(reader, description, modes):
    assert set(reader.understand(oruk(description=description)).delivery_modes()) == modes


def test_a_rule_that_you_must_have_served_is_a_veterans_group(reader):
    welfare = reader.understand(
        oruk(
            description="Welfare visiting. Must have served in the RAF (or be the widow of someone who did)."
        )
    )
    assert "veterans" in welfare.group_codes()
    history = reader.understand(
        oruk(description="My grandad served in the army; the history group meets monthly.")
    )
    assert "veterans" not in history.group_codes()


@pytest.mark.parametrize(
    "description, band",
    [
        ("Walking football for over 50s. Monday 7pm. 3 a session.", "low_cost"),
        ("Social club. Bingo, quizzes. 2.50 inc tea (lost £).", "low_cost"),
        ("Community pantry. Pay 4.50 a week for a bag of shopping.", "low_cost"),
        # times, ages and counts are not prices
        ("Youth club for 16+ on Fridays 7-9pm, Sat 10.30. Up to 3 a week.", "unknown"),
    ],
)
def test_a_price_that_lost_its_pound_sign_is_read_by_what_it_pays_for(reader, description, band):
    assert reader.understand(oruk(description=description)).value("cost") == band


def test_a_group_that_says_anyone_can_come_or_allies_are_welcome_restricts_nobody(reader):
    walk = reader.understand(
        oruk(
            name="Veterans' Walking Group",
            description="Monthly hill walk. Lots of ex-forces but anyone can come!",
        )
    )
    assert "veterans" not in walk.group_codes()
    coffee = reader.understand(
        oruk(
            name="Rainbow Coffee",
            description="Coffee morning for LGBTQ+ folk and people questioning. Last Sat of month. Allies welcome.",
        )
    )
    assert "lgbtq" not in coffee.group_codes()
    social = reader.understand(oruk(name="Rainbow Social", description="A social group for LGBTQ+ people."))
    assert "lgbtq" in social.group_codes()


def test_a_welsh_councils_service_area_limits_who_may_come(reader):
    """Our place tables are England's; a Powys befriending service is still not for Shropshire."""
    powys = "http://statistics.data.gov.uk/id/statistical-geography/W06000023"
    found = reader.understand(
        oruk(
            description="Befriending for older people. Phone or visits. Must live in Powys.",
            service_areas=[{"id": "a", "name": "Powys", "uri": powys}],
        )
    )
    assert found.residency_codes() == ["W06000023"]


def test_a_care_farms_day_rate_is_a_charge(reader):
    farm = reader.understand(
        oruk(
            description="Care farm days for adults with learning disabilities. Day rate payable (Direct Payments accepted)."
        )
    )
    assert farm.value("cost") == "paid"


@pytest.mark.parametrize(
    "description, closed",
    [
        (
            "Support group for people with dementia. DoS note: service suspended pending recommissioning.",
            True,
        ),
        ("Service decommissioned March 2026.", True),
        ("We can help if your benefits are suspended pending review.", False),
    ],
)
def test_a_directory_leads_note_that_the_service_is_suspended_says_it_is_not_running(
    reader, description, closed
):
    assert (reader.understand(oruk(description=description)).value("closed") is True) == closed


def test_families_of_serving_or_ex_forces_personnel_are_not_a_veterans_group(reader):
    coffee = reader.understand(
        oruk(description="Coffee morning for partners and families of serving or ex-forces personnel.")
    )
    assert "veterans" not in coffee.group_codes()
    befriending = reader.understand(
        oruk(description="Telephone and home-visit befriending for older people.")
    )
    assert {"phone", "home_visits"} <= set(befriending.delivery_modes())
