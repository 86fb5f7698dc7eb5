"""Records as family hubs write them: a family session's ages are the children's who come with their
parents, a group for kinship carers is not for every carer, and families named beside another group
are that group's."""

from __future__ import annotations

from functools import partial

from matching import violations
from matching.constraints import eligible
from matching.household import child_at_home
from matching.person import with_words_read
from matching.situations import SITUATIONS
from tests.matching.conftest import oruk_record

oruk = partial(oruk_record, organisation="Rochdale Family Hubs")


def ages(reader, record: dict) -> tuple:
    found = reader.understand(record).summary()
    return found.get("min_age"), found.get("max_age")


def test_a_family_sessions_ages_from_birth_are_the_childrens(reader):
    speech = oruk(
        "Worried about your child's talking? Pop in to see a speech and language therapy assistant.",
        name="Speech Bubbles drop-in",
        eligibility_description="Children under 5 not already open to SALT.",
        maximum_age=5,
    )
    dads = oruk(
        "Saturday club for dads and their children: soft play, crafts and breakfast butties.",
        name="Dads' Club",
        eligibility_description="Dads, grandads and male carers with children aged 0-11.",
        minimum_age=0,
        maximum_age=11,
    )
    assert ages(reader, speech) == (None, None)
    assert ages(reader, dads) == (None, None)
    # children who come on their own keep their ages, whatever the parents are told
    youth = oruk(
        "Junior youth club with games and a tuck shop. Parents collect at 7.",
        name="Junior Youth Club",
        minimum_age=8,
        maximum_age=11,
    )
    assert ages(reader, youth) == (8, 11)


def _kinship():
    return next(s for s in SITUATIONS if s.code == "kinship_carers")


def test_a_kinship_carers_group_is_for_those_raising_a_relatives_child(reader):
    group = oruk(
        "Monthly support group for kinship carers: grandparents raising grandchildren, aunts, uncles "
        "and special guardians.",
        name="Kinship Carers Support Group",
    )
    assert "kinship_carers" in reader.understand(group).summary()["situations"]
    kinship = _kinship()
    for words in ("nan raising grandson since his mam went", "SGO for our granddaughter went through in May"):
        assert kinship.person.search(words), words
    for words in (
        "Nan, 61, had her grandson (6) since her daughter went off the rails",
        "We have had our grandkids for two years now",
    ):
        assert kinship.person.search(words), words
    for words in (
        "caring for my husband, he has dementia",
        "my grandson visits on Sundays",
        "she had her grandson over at the weekend",
        "grandad looking after his grandson while mum works",
    ):
        assert not kinship.person.search(words), words


def groups(reader, record: dict) -> list[str]:
    return reader.understand(record).summary()["groups"]


def test_a_service_for_families_or_expectant_parents_is_open_to_any_family(reader):
    money = oruk(
        "Benefit checks, Universal Credit help, debt advice and grants for families.",
        name="Family Money Advice",
        eligibility_description="Families with children or expecting a baby, Rochdale borough residents.",
    )
    # a dad of two school-age children is who it is for; an expectant mother is a family too
    assert groups(reader, money) == ["families"]
    feeding = oruk(
        "Peer support group for mums feeling low after having a baby. Creche for older siblings.",
        name="Mums Matter",
        eligibility_description="Mums with a baby under 2.",
    )
    assert "pregnant_new_parents" in groups(reader, feeding)
    assert "families" not in groups(reader, feeding)


def test_whom_its_people_may_bring_along_is_not_whom_it_is_for(reader):
    lunch = oruk(
        "Hot two-course lunch for older relatives and neighbours, with a quiz and a natter.",
        name="Methodist Luncheon Club",
        eligibility_description="Older people. Grandparents welcome to bring a toddler along in the holidays!",
    )
    assert "families" not in groups(reader, lunch)


def test_families_beside_another_group_are_that_groups(make_person, make_service):
    assert not eligible({"families", "veterans"}, {"families"})
    assert not eligible({"families", "veterans"}, {"veterans"})
    assert eligible({"families", "veterans"}, {"veterans", "families"})
    assert eligible({"families", "carers"}, {"carers"})  # "families and carers": either
    deaf_children = make_service(
        eligibility=["deaf_bsl", "families"],
        name="Deaf children's family group",
        description="Play and signing for deaf children aged 0-11 and their families.",
    )
    deaf_man = make_person(
        age=47, circumstances=("deaf_bsl", "men"), goals="Nobody to sign with, lives alone"
    )
    assert violations(deaf_man, deaf_children, 1.0) == ["only for deaf bsl, families"]
    deaf_sons_mum = make_person(age=33, circumstances=("deaf_bsl",), goals="Her son (6) is deaf")
    assert violations(deaf_sons_mum, deaf_children, 1.0) == []
    assert eligible({"families"}, {"families"})
    forces = make_service(eligibility=["families", "veterans"], name="Forces Families Play & Chat")
    new_mum = make_person(circumstances=("pregnant_new_parents",))
    assert violations(new_mum, forces, 1.0) == ["only for families, veterans"]


def test_words_about_a_persons_children_describe_a_family():
    from matching import Profile

    for goals in ("Dad, works Mon-Fri. kids 3 & 8.", "little girl is 3, lonely", "Our Jayden's 2 and a half"):
        profile, _ = with_words_read(Profile(goals=goals), None)
        assert "families" in profile.described, goals
    profile, _ = with_words_read(Profile(goals="Her son is 24 and she's at the end of her tether"), None)
    assert "families" not in profile.described


def test_a_child_at_home_in_the_words_opens_a_service_for_families(make_person, make_service):
    hub = make_service(eligibility=["families"], name="Littleborough Baby Bank")
    for goals, age in [
        ("UC sanctioned, nowt in t'cupboards. dad of 2 (6 & 9), both on free school meals.", 41),
        ("Nan, 61, had her grandson (6) since her daughter went off the rails.", 61),
        ("wheelchair user (MS), Mossley, little girl is 3. lonely", 38),
        ("Bloke, 39. partner hit him last wk. 2 kids at home", 39),
        # the family moved together; the children did not move away
        ("Slovak Roma mum, 3 kids, moved to Cliftonville in the summer.", 34),
    ]:
        assert child_at_home(goals, age), goals
        assert violations(make_person(goals=goals, age=age), hub, 1.0) == [], goals
    for goals, age in [
        ("74, her kids live down south, lonely since her husband died", 74),
        ("67, mum of 3, all grown up, volunteering would fill the days", 67),
        ("lost her baby at 20 weeks in March, can't face the clinic", 30),
        ("13 yo lad, looks after his mum (MS) and little sister before & after school", 13),
        ("Her son is 24 and she's at the end of her tether", 52),
        ("mum of two, her kids moved to Leeds for work", 48),
    ]:
        assert not child_at_home(goals, age), goals
        assert violations(make_person(goals=goals, age=age), hub, 1.0) == ["only for families"], goals
