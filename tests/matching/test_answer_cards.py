"""A council chatbot's answer cards ("Who can go?", "Do I need a referral?") and the people a link
worker describes leaving hospital: a county by its short name, a practice's area is not a practice,
a neighbourhood we do not know is the venue's, and a body's rehab is not a habit's."""

from __future__ import annotations

from matching.constraints import check
from matching.practices import another_practices_patient
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record

BUCKS, MILTON_KEYNES = "E06000060", "E06000042"


def summary(reader, description: str, **fields) -> dict:
    return reader.understand(oruk_record(description, "The council", **fields)).summary()


def test_a_county_by_its_short_name_is_its_council(reader):
    assert summary(reader, "Who can go? It's only for Bucks residents I'm afraid.")["residency"] == [BUCKS]


def test_the_practices_of_a_county_are_where_its_patients_live_not_one_practice(reader):
    found = reader.understand(
        oruk_record("Who can go? Adults 18+ with a BMI of 30 or more, registered with a Bucks GP.", "BC")
    )
    assert found.practice is None  # (the residency reading holds it: Buckinghamshire)
    one = reader.understand(oruk_record("Who can go? Patients registered at Oakwood Surgery only.", "BC"))
    document = {"practice_limit": one.practice.value}
    assert another_practices_patient("registered at Chess Medical Centre in Chesham", document)


def test_an_age_first_in_a_list_of_ways_in_is_no_limit(reader):
    card = "Who can use it? Milton Keynes residents. Home visits are for people 65+, disabled or with young children."
    assert summary(reader, card)["min_age"] is None
    assert summary(reader, "Who can go? People 65+ living in Milton Keynes.")["min_age"] == 65


def test_an_estate_we_do_not_know_is_the_venues_not_a_namesakes(reader):
    """We know a Slade in North Northamptonshire; the fridge's Fullers Slade is in Milton Keynes."""
    fridge = summary(
        reader,
        "What is it? A community fridge. Who can use it? Households on the Fullers Slade and Netherfield estates.",
        eligibility_description="Fullers Slade and Netherfield residents only",
        service_areas=[{"name": "Fullers Slade"}, {"name": "Netherfield"}],
        service_at_locations=[
            {
                "location": {
                    "name": "Community hall",
                    "latitude": 52.0525,
                    "longitude": -0.8414,
                    "addresses": [
                        {"address_1": "Fullers Slade", "city": "Milton Keynes", "postal_code": "MK6 4AB"}
                    ],
                }
            }
        ],
    )
    assert fridge["residency"] and not any(":E06000061:" in entry for entry in fridge["residency"])


def test_a_patient_on_the_ward_going_home_soon_is_leaving_hospital():
    for words in (
        "Heart attack, on the cardiac ward at Wycombe Hospital, going home next week.",
        "Mum, 84, fell and broke her wrist, on the ward at MKUH, home Friday.",
    ):
        assert "hospital_discharge" in {s.code for s in person_situations(words)}, words
    assert "hospital_discharge" not in {s.code for s in person_situations("Going home to Poland next week.")}


def test_a_bodys_rehab_and_a_prescription_collected_are_no_addiction(app_need_inferrer):
    words = (
        "77, widower. Heart attack, going home next week. Gave up the car. Worried about shopping, "
        "prescriptions and getting to cardiac rehab."
    )
    assert "addiction_recovery" not in app_need_inferrer.infer_codes(words)
    assert "addiction_recovery" in app_need_inferrer.infer_codes(
        "Hooked on my prescription painkillers since the op"
    )


def test_a_discharge_scheme_for_one_hospital_is_not_for_a_patient_of_another(make_service, make_person):
    scheme = make_service(
        name="Home from Hospital - GWH",
        description="Short-term practical support for patients discharged from the Great Western Hospital.",
        situations=["hospital_discharge"],
    )

    def allowed(words: str) -> bool:  # (the situation as the engine reads it from the words)
        return check(make_person(goals=words, situations=("hospital_discharge",)), scheme, 1.0).allowed

    assert not allowed("Mrs T, 79, home from Salisbury District after a fall, lives alone")
    assert allowed("Mrs T, 79, home from the Great Western after a fall, lives alone")
    assert allowed("Mrs T, 79, home from GWH last week after a fall")
    assert allowed("Mrs T, 79, home from hospital after a fall, lives alone")  # no hospital named
    hull = make_service(
        description="Patients discharged from Hull Royal Infirmary or Castle Hill only.",
        situations=["hospital_discharge"],
    )
    home_from_hri = make_person(
        goals="72, east Hull, home from HRI after a stroke", situations=("hospital_discharge",)
    )
    assert check(home_from_hri, hull, 1.0).allowed
