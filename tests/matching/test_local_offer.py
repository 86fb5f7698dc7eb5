"""A family information and SEND Local Offer directory: its age ranges are the children's, and the
person a link worker or family hub navigator sees is often a parent asking for their child (the
Worcestershire and Herefordshire directory, session 58)."""

from __future__ import annotations

from matching import violations
from matching.children import children_months
from matching.understanding import normalise
from matching.understanding.rules import find_capacity
from tests.matching.conftest import oruk_record


def test_the_ages_of_the_children_a_parent_speaks_of_are_read():
    assert children_months("Single mum up Warndon, 2 kids (7 and 10), both FSM") == (84, 120)
    assert children_months("Dad, 34. Two kids 3 and 6, eldest kicking off") == (36, 72)
    assert children_months("Mum, 25. Little girl is 2, not walking yet") == (24,)
    assert children_months("Mum of 7yo lad, non verbal") == (84,)
    assert children_months("Lonely since my wife died two years ago") == ()
    # a kinship carer's grandchildren are the children she brings
    assert children_months("Gran, 61, has had her two grandchildren (4 and 8) since") == (48, 96)
    assert children_months("my grandson is 6") == (72,)


def test_a_grandmothers_grandchildren_are_too_old_for_an_under_4s_baby_bank(make_person, make_service):
    baby_bank = make_service(
        name="Healthy Start & Baby Bank",
        description="Pregnant women and families with children under 4 on a low income. Age range: under 4s",
    )
    gran = make_person(
        age=61, goals="Gran, 61, has had her two grandchildren (4 and 8) since her daughter went into rehab"
    )
    assert violations(gran, baby_bank, 1.0)
    assert (
        violations(make_person(age=61, goals="Gran looking after my grandson, he is 2"), baby_bank, 1.0) == []
    )


def test_a_childrens_service_is_for_a_parent_whose_child_is_of_its_ages(make_person, make_service):
    holiday_club = make_service(
        name="Family Holiday Club",
        description="Holiday activities and food for families: parents stay and join in.",
        minimum_age=4,
        maximum_age=16,
    )
    mum = make_person(age=32, goals="Single mum, 2 kids (7 and 10), dreading the Christmas hols")
    assert violations(mum, holiday_club, 1.0) == []
    # no child in range, or none spoken of: her own age decides, as before
    toddler_mum = make_person(age=32, goals="Mum, little girl is 2, wants something to do with her")
    assert violations(toddler_mum, holiday_club, 1.0) == ["outside age range"]
    assert violations(make_person(age=32, goals="lonely, wants to meet people"), holiday_club, 1.0) == [
        "outside age range"
    ]
    # a service for children with special needs is for a parent whose child has them
    sendiass = make_service(
        name="SENDIASS",
        description="Who is this service for? Children and young people 0-25 with SEND, and their parents/carers.",
        maximum_age=25,
    )
    assert (
        violations(make_person(age=36, goals="Mum of 7yo lad, non verbal, no EHCP yet"), sendiass, 1.0) == []
    )
    assert violations(mum, sendiass, 1.0) == ["outside age range"]
    down_syndrome = make_service(
        name="Upsiders",
        description="Family support group for children and young people with Down syndrome and their parents.",
        maximum_age=25,
    )
    assert violations(
        make_person(age=36, goals="Mum of 7yo lad, non verbal, on the pathway for ASC"), down_syndrome, 1.0
    ) == ["outside age range"]
    assert (
        violations(make_person(age=30, goals="Mum, my little girl is 3 and has Down's"), down_syndrome, 1.0)
        == []
    )
    # a helpline or chat a young person uses alone is not for their parent
    youth_chat = make_service(
        name="Under 25s Wellbeing Chat", description="Online chat for young people.", maximum_age=24
    )
    assert violations(mum, youth_chat, 1.0) == ["outside age range"]
    # a young parent's own ages are not a child's
    teen_parents = make_service(name="Family Hub – Teen Parents", minimum_age=13, maximum_age=19)
    assert violations(mum, teen_parents, 1.0) == ["outside age range"]
    # an adults' age limit is not for a child, whoever asks
    over_65s = make_service(name="Lunch Club", minimum_age=65)
    assert violations(mum, over_65s, 1.0) == ["outside age range"]


def test_a_home_visiting_service_for_pre_school_children_is_not_for_a_school_age_childs_parent(
    make_person, make_service
):
    portage = make_service(
        name="Portage Home Visiting",
        description="Home-visiting educational service for pre-school children with significant "
        "developmental delay. Age range: under 5s (0-4).",
    )
    assert violations(make_person(age=36, goals="Mum of 7yo lad, non verbal"), portage, 1.0) == [
        "for under 5s"
    ]
    assert (
        violations(make_person(age=25, goals="Mum, 25. Little girl is 2, global delay"), portage, 1.0) == []
    )


def test_mums_only_is_for_women_though_it_sends_dads_to_another_group(reader):
    found = reader.understand(
        oruk_record(
            "A friendly group for mums with children under 5. Mums only (dads: see Dads Matter in "
            "Worcester). Walk round Vines Park if it's dry, then tea and toys in the hub.",
            "Mums Together – Droitwich",
        )
    )
    assert "women" in found.summary()["groups"]


def test_a_group_for_the_brothers_and_sisters_of_disabled_children_is_not_for_disabled_people(reader):
    found = reader.understand(
        oruk_record(
            "A monthly group for brothers and sisters of disabled children, aged 7-15: games, trips "
            "and a chance to talk with others who understand.",
            "SIBS Group",
        )
    )
    assert "people_with_disabilities" not in found.summary()["groups"]


def test_a_scheme_closed_to_new_applications_is_not_taking_anyone_new():
    def accepting(text: str) -> bool | None:
        found = find_capacity(normalise({"id": "x", "name": "Short breaks activities", "description": text}))
        return None if found is None else found.value["accepting"]

    notice = "NOTICE: the short breaks card scheme is closed to new applications until April 2027."
    assert accepting("Fun clubs for disabled children. " + notice) is False
    assert accepting("Fun clubs for disabled children. Existing card holders only at present.") is False
    assert accepting("Fun clubs for disabled children. New members welcome.") is True
