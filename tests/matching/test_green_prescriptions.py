"""A green social prescribing directory: walks and tasks that ask for legs, lungs and a strong back,
outdoor sites without paths, courses that are full, and sessions booked by care homes (the
Liverpool City Region directory, session 59)."""

from __future__ import annotations

from matching import check
from matching.exclusions import person_exclusions
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record


def test_a_walk_that_asks_for_miles_is_not_for_someone_who_cannot_walk_far(reader, make_person, make_service):
    nordic = reader.understand(
        oruk_record(
            "Nordic walking with poles.\nActivity level: Active – moderate fitness needed, 5 miles at a brisk pace.",
            "Walking club",
            eligibility_description="Moderate fitness needed – you must be able to walk 5 miles. 16+.",
        )
    )
    gentle = reader.understand(
        oruk_record("Walking for Health: short, slow walks, 30 minutes, flat. Suitable for walking aids.")
    )
    assert [f.value for f in nordic.exclusions] == ["cannot_walk_far"]
    assert gentle.exclusions == []
    walk = make_service(name="Nordic Walking", exclusions=["cannot_walk_far"])
    for goals in (
        "Widow, 80, walking frame, lonely",
        "COPD, gets breathless going up the stairs",
        "bad hips, uses a stick",
    ):
        assert check(make_person(goals=goals), walk, 1.0).reasons == ["not for people who cannot walk far"]
    assert check(make_person(goals="67, still fit, walks the dog on Crosby beach"), walk, 1.0).allowed
    # someone else's wheelchair says nothing of her own legs
    assert "cannot_walk_far" not in person_exclusions("pushes her husband's wheelchair everywhere")


def test_heavy_work_is_not_for_a_bad_back_that_says_so(reader, make_person, make_service):
    task_group = reader.understand(
        oruk_record(
            "Conservation on the dunes.\nActivity level: Active – physical work, digging, carrying, uneven ground"
        )
    )
    assert "heavy_work" in [f.value for f in task_group.exclusions]
    tree_planting = make_service(name="Tree Planting", exclusions=["heavy_work"])
    assert not check(
        make_person(goals="55, gardening with others. Bad back so nothing too heavy."), tree_planting, 1.0
    ).allowed
    assert not check(make_person(goals="widow, 80, walking frame"), tree_planting, 1.0).allowed
    # "still fit, bit of a bad back" asks for nothing lighter
    assert check(
        make_person(goals="71, had an allotment 30 yrs. Still fit, bit of a bad back."), tree_planting, 1.0
    ).allowed


def test_an_outdoor_site_without_paths_is_not_step_free(reader):
    orchard = reader.understand(
        oruk_record(
            "Community orchard volunteer sessions.\nTerrain & access: grass slopes, no paths to the trees."
        )
    )
    assert orchard.value("wheelchair") == "no"


def test_a_full_course_takes_no_one_now(reader):
    course = reader.understand(
        oruk_record(
            "Forest school for grown-ups.\nCohort: course full – next intake April 2027 (taking names now)."
        )
    )
    assert course.value("capacity")["accepting"] is False


def test_sessions_booked_by_care_homes_are_for_their_residents(reader, person_from_words, make_service):
    boxes = reader.understand(
        oruk_record(
            "We bring nature into care homes: sensory boxes, bird feeders. Residents can't self-refer.",
            "Nature in a Box",
            eligibility_description="Care homes and day centres in Knowsley and St Helens.",
        )
    )
    assert [f.value for f in boxes.situations] == ["care_home_residents"]
    service = make_service(name="Nature in a Box", situations=["care_home_residents"])

    assert check(
        person_from_words("Me nan's in a care home in Kirkby, sits in her chair all day"), service, 1.0
    ).allowed
    assert not check(
        person_from_words("55, wants to do some gardening with other people"), service, 1.0
    ).allowed


def test_months_clean_is_in_recovery():
    said = {s.code for s in person_situations("27, young dad. 5 months clean off the ale and coke.")}
    assert "recovery_abstinent" in said
