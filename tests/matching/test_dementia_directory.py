"""A Dementia Action Alliance's directory (Surrey, session 60): who comes ("people with a diagnosis of
young onset dementia", "rarer dementias only", "care home staff only"), the stage a group suits, a
service that does not go into care homes, and a course for the newly diagnosed, against what the
person's or their carer's words say."""

from __future__ import annotations

from matching import check
from matching.need_context import context_codes
from matching.person import caring_now
from tests.matching.conftest import oruk_record


def test_a_group_for_one_kind_of_dementia_is_not_for_someone_with_another(
    reader, person_from_words, make_service
):
    young_onset = reader.understand(
        oruk_record(
            "A group for people diagnosed with young onset dementia (YOD) and their families. Under 65 when "
            "diagnosed.\nWho comes? People with a diagnosis of young onset dementia and their families.",
            name="YOD Together",
        )
    )
    rarer = reader.understand(
        oruk_record(
            "For people affected by frontotemporal dementia (FTD), dementia with Lewy bodies (DLB) and other "
            "less common forms.\nWho comes? Rarer dementias only – for Alzheimer's please see our memory cafés.",
            name="Rarer dementias support group",
        )
    )
    cafe = reader.understand(
        oruk_record("A memory café for anyone living with dementia.", name="Memory Café")
    )
    assert "young_onset_dementia" in [f.value for f in young_onset.situations]
    assert "rarer_dementia" in [f.value for f in rarer.situations]

    def service(understood):
        return make_service(situations=[f.value for f in understood.situations])

    late_alzheimers = person_from_words("80yo lady, dx Alzheimer's in Oct via MCS. Has stopped going out.")
    young = person_from_words("YOD, dx at 58 (Alzheimer's) earlier this year, had to give up his job")
    ftd_wife = person_from_words(
        "Wife (64) came in re husband, bvFTD dx last yr. She's at the end of her tether"
    )
    assert not check(late_alzheimers, service(young_onset), 1.0).allowed
    assert check(young, service(young_onset), 1.0).allowed
    assert not check(late_alzheimers, service(rarer), 1.0).allowed
    assert check(ftd_wife, service(rarer), 1.0).allowed  # a carer of someone with one
    for person in (late_alzheimers, young, ftd_wife):
        assert check(person, service(cafe), 1.0).allowed
    # "diagnosed autistic at 51" names no dementia
    assert not check(
        person_from_words("Diagnosed autistic at 51, wants to meet others"), service(young_onset), 1.0
    ).allowed


def test_training_for_care_home_staff_is_not_for_the_people_they_care_for(
    reader, person_from_words, make_service
):
    workshop = reader.understand(
        oruk_record(
            "A one-day workshop: understanding distress, meaningful activity.\nWho comes? Care home staff only "
            "(care workers, activity coordinators, nurses). Not for family carers.",
            name="Dementia Champions workshop",
        )
    )
    referral_only = reader.understand(
        oruk_record("Support at home after discharge. Referral from ward staff ONLY via the hub.", name="D2A")
    )
    assert "care_staff" in [f.value for f in workshop.situations]
    assert "care_staff" not in [f.value for f in referral_only.situations]
    service = make_service(situations=[f.value for f in workshop.situations])
    assert not check(
        person_from_words("Daughter 52, looks after mum (mixed dementia) at weekends"), service, 1.0
    ).allowed
    assert check(
        person_from_words("I work in a care home and want to learn more about dementia"), service, 1.0
    ).allowed


def test_the_stage_a_group_suits_and_whether_it_reaches_care_homes(reader, person_from_words, make_service):
    mild = reader.understand(
        oruk_record("Stories and a proper tea.\nStage: mild to moderate.", name="Tea and Tales")
    )
    any_stage = reader.understand(oruk_record("Singing.\nStage: all stages.", name="Singing for the Brain"))
    visiting = reader.understand(
        oruk_record(
            "A named dementia support worker who keeps in touch after diagnosis.",
            name="Dementia Support Worker service",
            eligibility_description="Surrey residents; not for people in care homes.",
        )
    )
    assert [f.value for f in mild.exclusions] == ["later_stage_dementia"]
    assert not any_stage.exclusions
    assert "in_care_home" in [f.value for f in visiting.exclusions]

    def service(understood):
        return make_service(exclusions=[f.value for f in understood.exclusions])

    later = person_from_words("Husband 84 caring for wife, later-stage AD, up every night wandering")
    care_home = person_from_words(
        "Daughter re mum 88, moved into a care home in Walton in Aug. Mum just sits all day."
    )
    early = person_from_words("dx mixed dementia (vascular + AD) in Sept, 72. Wants to understand it all")
    assert check(later, service(mild), 1.0).reasons == ["not for people in the later stages of dementia"]
    assert check(early, service(mild), 1.0).allowed
    assert check(later, service(any_stage), 1.0).allowed
    assert check(person_from_words("caring for his wife with dementia, late 70s"), service(mild), 1.0).allowed
    assert check(care_home, service(visiting), 1.0).reasons == ["not for people living in care homes"]
    assert check(early, service(visiting), 1.0).allowed


def test_a_course_for_the_newly_diagnosed_is_not_for_someone_still_waiting(
    reader, person_from_words, make_service
):
    course = reader.understand(
        oruk_record(
            "Six weekly sessions on living well with dementia.",
            name="Living Well course",
            eligibility_description="Within 12 months of diagnosis, referral from the memory clinic.",
        )
    )
    diabetes = reader.understand(
        oruk_record("A course for people newly diagnosed with type 2 diabetes.", name="DESMOND")
    )
    assert "no_dementia_diagnosis" in [f.value for f in course.exclusions]
    assert "no_dementia_diagnosis" not in [f.value for f in diabetes.exclusions]
    service = make_service(exclusions=[f.value for f in course.exclusions])
    waiting = person_from_words(
        "71yo lady, worried re memory, GP done bloods, not referred to MCS yet. No dx."
    )
    forgetful = person_from_words("Ex-Gurkha, 82, getting very forgetful, not seen MCS. Family speak Nepali.")
    diagnosed = person_from_words("dx mixed dementia in Sept, 72. LPA not done.")
    assert not check(waiting, service, 1.0).allowed
    assert not check(forgetful, service, 1.0).allowed
    assert check(diagnosed, service, 1.0).allowed


def test_a_widow_whose_carers_allowance_stopped_is_no_longer_caring():
    assert (
        caring_now(
            "Husband had Alzheimer's, died in May. She cared for him 5 yrs. Carer's Allowance stopped – worried "
            "about money."
        )
        is None
    )
    assert caring_now("69, caring for her husband, gets Carer's Allowance") is not None


def test_a_man_whose_wife_is_his_main_carer_is_not_the_carer():
    assert context_codes("PLWD 78, wife 75 main carer", {"carers"}) == {"carers"}
    assert context_codes("wife is his main carer", {"carers"}) == {"carers"}
    assert not context_codes("I am her main carer", {"carers"})
    assert caring_now("PLWD 78, wife 75 main carer. Used to go to Caterham memory café") is None
    assert caring_now("Since mum was diagnosed I do everything for her") is not None


def test_a_group_for_dementia_carers_is_for_the_carers(reader):
    zoom = reader.understand(
        oruk_record("An online group to share tips and let off steam.", name="Dementia carers' Zoom group")
    )
    cafe = reader.understand(oruk_record("Tea, music and a chat.", name="Dementia Café"))
    assert zoom.group_codes() == ["carers"]
    assert cafe.group_codes() == ["people_with_dementia"]
