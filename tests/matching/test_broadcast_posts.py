"""A social prescribing team's WhatsApp broadcasts and bulletin items (Hertfordshire): the NHS's
names for halves of a county, a network's patients told apart by its venue, a hospital called by
its one name, and the person's words a link worker types for them ("mostly Italian", "needs
someone to sit down and go through it all face to face")."""

from __future__ import annotations

import pytest

from matching import match
from matching.languages import languages_needed
from matching.requirements import in_person_only
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record

STEVENAGE, NORTH_HERTS, EAST_HERTS, BROXBOURNE, WELWYN_HATFIELD = (
    "E07000243",
    "E07000099",
    "E07000242",
    "E07000095",
    "E07000241",
)
DACORUM, HERTSMERE, ST_ALBANS, THREE_RIVERS, WATFORD = (
    "E07000096",
    "E07000098",
    "E07000240",
    "E07000102",
    "E07000103",
)


def test_the_nhs_halves_of_hertfordshire_are_their_councils(reader):
    def residency(area: str) -> list[str]:
        record = oruk_record("Volunteers visit at home after a stay in hospital.", "Home from Hospital")
        record["service_areas"] = [{"name": area}]
        return sorted(reader.understand(record).summary()["residency"])

    east_and_north = sorted([STEVENAGE, NORTH_HERTS, EAST_HERTS, BROXBOURNE, WELWYN_HATFIELD])
    assert residency("East & North Herts") == east_and_north
    assert residency("East and North Hertfordshire") == east_and_north
    assert residency("South & West Herts") == sorted([DACORUM, HERTSMERE, ST_ALBANS, THREE_RIVERS, WATFORD])
    assert residency("North Herts") == [NORTH_HERTS]


def test_a_networks_patients_are_of_the_town_by_its_venue_not_a_namesake(reader):
    """Doncaster has a Hatfield too; the walk meets in Welwyn Garden City."""
    record = oruk_record(
        "Our PCN health walk, every Tues 10.30 from the hospital main entrance. For patients of our PCN.",
        "Hatfield PCN health walk",
        eligibility_description="Patients registered with Hatfield PCN practices",
    )
    record["service_at_locations"] = [
        {
            "location": {
                "name": "QEII Hospital",
                "latitude": 51.796887,
                "longitude": -0.187002,
                "addresses": [
                    {"address_1": "Howlands", "city": "Welwyn Garden City", "postal_code": "AL7 4HQ"}
                ],
            }
        }
    ]
    residency = reader.understand(record).summary()["residency"]
    assert residency and all(entry.startswith(f"place:{WELWYN_HATFIELD}:Hatfield") for entry in residency)


@pytest.mark.parametrize(
    "words",
    [
        "Mum 86, home from the Lister 8 days ago after a fall (broken wrist). Lives alone.",
        "Dad's home from the Lister after a fall, not coping.",
        "home from the Princess two weeks ago",
    ],
)
def test_a_hospital_called_by_its_one_name_is_a_stay_in_hospital(words):
    assert "hospital_discharge" in {s.code for s in person_situations(words)}


@pytest.mark.parametrize(
    "words",
    ["Came home from the Crown after a pint and fell asleep.", "Got home from the Parish meeting late."],
)
def test_coming_home_from_somewhere_else_is_not(words):
    assert "hospital_discharge" not in {s.code for s in person_situations(words)}


@pytest.mark.parametrize(
    "goals, needed",
    [
        ("Nonna, 85, widowed, mostly Italian, very little English. Misses the Italian club.", ["italian"]),
        ("Dari only, a few words of English. Stuck in the flat.", ["dari"]),
        ("Nepali, speaks little English, husband ex-Gurkha", ["nepali"]),
        # a service in English will do
        ("Greek Cypriot, speaks good English, lonely since her husband died", []),
        ("Speaks Gujarati and English, wants a walking group", []),
        ("Loves Italian cooking, lonely since retiring", []),
    ],
)
def test_the_language_a_person_needs_and_when_english_will_do(goals, needed):
    assert languages_needed(goals) == needed


def test_a_group_in_english_is_not_company_for_someone_with_little_but_italian(
    make_service, make_person, taxonomy, now
):
    basement = make_service(
        km=1.0,
        name="Circolo Italian coffee morning",
        description="Conversation in Italian, cards. Club is in the basement - steps down, no lift.",
        wheelchair=False,
    )
    english = make_service(km=0.8, name="Lunch club", description="A friendly lunch club for older people.")
    person = make_person(
        needs=("loneliness",),
        goals="Nonna, 85, widowed, mostly Italian, very little English. In a wheelchair since her hip op.",
        wheelchair=True,
    )
    (unmet,) = match(person, [basement, english], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "loneliness" and unmet.requirement == "language:italian"


def test_someone_to_sit_down_with_face_to_face_is_asked_for_in_person():
    assert in_person_only("Needs someone to sit down and go through it all face to face - evenings ideally.")
    assert in_person_only("Wants somebody to talk to face to face about the debts.")
    assert not in_person_only("Needs someone to talk to on the phone, not face to face.")


@pytest.mark.parametrize(
    "words",
    [
        "Women's walk every Friday from the community centre. msg Nasreen on 07700 900 481 to join the WhatsApp.",
        "Deaf coffee morning at the Oval. Contact by text/WhatsApp only: 07700 900 772",
        "Outreach to sites and camps, no office to drop into, call or WhatsApp Mary on 07700 900 655.",
    ],
)
def test_a_whatsapp_to_get_in_touch_by_is_no_online_service(reader, words):
    assert "online" not in reader.understand(oruk_record(words, "A group")).summary()["delivery"]


def test_a_whatsapp_group_that_is_the_service_is_online(reader):
    words = "For new parents who feel isolated. It's a WhatsApp group, people arrange walks themselves."
    assert "online" in reader.understand(oruk_record(words, "Bump & Baby")).summary()["delivery"]


@pytest.mark.parametrize(
    "words, fields, band",
    [
        ("Singing for lung health, Weds 2pm. £20 for the 6 wks.", {}, "low_cost"),
        (
            "Singing for lung health, Weds 2pm.",
            {"cost_options": [{"option": "6 week course", "amount": 20}]},
            "low_cost",
        ),
        ("Men's shed, Tues and Thurs. Subs £10/month, first 2 visits free.", {}, "low_cost"),
        (
            "Community transport to appointments.",
            {"cost_options": [{"option": "annual membership", "amount": 12}]},
            "low_cost",
        ),
        # a session's own price is what it is
        ("Pilates, Mondays 7pm. £12 a session.", {}, "paid"),
        ("Art course, £60 for the 6 weeks, bursaries available.", {}, "paid"),
    ],
)
def test_a_price_for_a_course_a_month_or_a_year_is_banded_by_a_sessions_share(reader, words, fields, band):
    assert reader.understand(oruk_record(words, "A group", **fields)).summary()["cost"] == band
