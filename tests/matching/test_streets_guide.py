"""A homelessness outreach partnership's Streets Guide (North London, session 60): "Who: rough sleepers
across NCL", "Not for people already in hostels or TA", read against where the person sleeps."""

from __future__ import annotations

from matching import check
from tests.matching.conftest import oruk_record


def test_street_outreach_is_for_people_sleeping_rough_not_for_people_housed_or_in_a_hostel(
    reader, person_from_words, make_service
):
    outreach = reader.understand(
        oruk_record(
            "Psychiatric nurses who come out with outreach to see people on the street.\nWho: rough sleepers "
            "across NCL (Camden, Islington, Haringey, Barnet, Enfield).",
            name="Street Health Outreach",
        )
    )
    day_centre = reader.understand(
        oruk_record(
            "Breakfast, showers, clothes.\nWho: homeless people and rough sleepers, 18+.", name="Day Centre"
        )
    )
    assert [f.value for f in outreach.situations] == ["rough_sleeping"]
    assert {"homeless", "rough_sleeping"} <= {f.value for f in day_centre.situations}

    def service(understood):
        return make_service(situations=[f.value for f in understood.situations])

    on_chain = person_from_words("RS in Camden 3 wks, verified on CHAIN, needs a wash and some food")
    hostel = person_from_words("Ex-forces, hostel in Mill Hill (Barnet). 60, wants his own flat eventually.")
    sofa = person_from_words("NFA, sofa surfing at mates since the summer")
    assert check(on_chain, service(outreach), 1.0).allowed
    assert not check(hostel, service(outreach), 1.0).allowed
    assert not check(sofa, service(outreach), 1.0).allowed
    for person in (on_chain, hostel, sofa):  # homeless, each of them
        assert check(person, service(day_centre), 1.0).allowed


def test_a_hub_not_for_people_already_in_hostels(reader, person_from_words, make_service):
    hub = reader.understand(
        oruk_record(
            "Assessment hub for people new to the streets.\nWho: new rough sleepers, pan-London. Not for "
            "people already in hostels or TA.",
            name="No Second Night Out",
        )
    )
    assert "in_hostel" in [f.value for f in hub.exclusions]
    service = make_service(exclusions=[f.value for f in hub.exclusions])
    hostel = person_from_words("Ex-forces, hostel in Mill Hill (Barnet). 60, drinking heavy.")
    assert check(hostel, service, 1.0).reasons == [
        "not for people already in a hostel or temporary accommodation"
    ]
    assert check(
        person_from_words("slept rough last night behind the station, first time"), service, 1.0
    ).allowed
    assert check(person_from_words("not in a hostel, sleeping in his car"), service, 1.0).allowed


def test_no_dogs_turns_away_a_man_who_will_not_go_without_his(reader, person_from_words, make_service):
    day_centre = reader.understand(
        oruk_record("Breakfast and showers. No dogs, except assistance dogs.", name="Day Centre")
    )
    supper = reader.understand(oruk_record("Hot meal. No dogs inside (tie-up outside).", name="Evening Meal"))
    assert "has_a_dog" in [f.value for f in day_centre.exclusions]
    assert "has_a_dog" not in [f.value for f in supper.exclusions]
    service = make_service(exclusions=[f.value for f in day_centre.exclusions])
    staffie = person_from_words("RS in Camden Town 3 wks. Has a staffie, won't go anywhere without him.")
    assert check(staffie, service, 1.0).reasons == ["not for people with a dog"]
    assert check(person_from_words("RS in Camden, lost his dog last year"), service, 1.0).allowed


def test_a_hub_for_people_new_to_the_streets(reader, person_from_words, make_service):
    hub = reader.understand(oruk_record("Who: new rough sleepers, pan-London.", name="Assessment hub"))
    assert "long_on_the_streets" in [f.value for f in hub.exclusions]
    service = make_service(exclusions=[f.value for f in hub.exclusions])
    months = person_from_words("RS round Mill Hill Broadway / Edgware 8 months, known to outreach.")
    assert check(months, service, 1.0).reasons == ["not for people who have slept rough for a while"]
    assert check(person_from_words("slept rough for the first time last night"), service, 1.0).allowed


def test_not_da_is_no_abuse(app_need_inferrer):
    words = "Woman, 41, sleeping rough Tottenham since the summer, on CHAIN. Not DA. Needs somewhere safe to sleep."
    assert "domestic_abuse" not in app_need_inferrer.infer_codes(words)
    assert "domestic_abuse" in app_need_inferrer.infer_codes("fled DA, sofa surfing at her sister's")
