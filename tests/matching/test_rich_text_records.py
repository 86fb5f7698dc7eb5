"""A county council's community directory API (Oxfordshire), its text the HTML that providers'
rich-text editor saved: a programme that says it has ended, an estate's own people, a food bank
that refers people on for money advice, and the person who wants their debts gone through face
to face."""

from __future__ import annotations

import pytest

from matching.requirements import in_person_only
from matching.understanding.areas import read_place
from matching.understanding.places import named_as_part
from tests.matching.conftest import oruk_record

OXFORD = "E07000178"
OXFORDSHIRE, READING = "E10000025", "E06000038"


def test_a_programme_that_says_it_ended_is_closed(reader):
    words = (
        "<p><strong>This programme ended in September 2026 when its funding finished. We are not "
        "taking new referrals.</strong></p><p>One-to-one mentoring and CV help for 16&ndash;25s.</p>"
    )
    assert reader.understand(oruk_record(words, "Next Steps")).closed is not None
    running = "<p>This programme runs every Tuesday for young people aged 16&ndash;25.</p>"
    assert reader.understand(oruk_record(running, "Next Steps")).closed is None


def test_a_group_for_men_on_an_estate_is_for_the_estates_men(reader):
    record = oruk_record(
        "Walk and talk group for men on Blackbird Leys and Greater Leys. We meet outside the leisure "
        "centre and walk for about 45 mins, then coffee.",
        "Leys Men's Walk & Talk",
    )
    record["service_areas"] = [{"name": "Blackbird Leys"}]
    record["service_at_locations"] = [
        {
            "location": {
                "name": "Leys Pools & Leisure Centre",
                "latitude": 51.7223,
                "longitude": -1.1953,
                "addresses": [{"address_1": "Pegasus Road", "city": "Oxford", "postal_code": "OX4 6JL"}],
            }
        }
    ]
    (entry,) = reader.understand(record).summary()["residency"]
    place = read_place(entry)
    # Greater Leys is the estate's other half, not a neighbour to draw the circle wider for
    assert place is not None and place.la == OXFORD and place.name == "Blackbird Leys" and place.km < 3


def test_a_place_is_part_of_another_by_its_own_word_not_a_common_one():
    assert named_as_part("Greater Leys", ["Blackbird Leys"])
    assert not named_as_part("Park End", ["Berwick Hills", "Grove Hill"])
    assert not named_as_part("North Ormesby", ["North Shields"])


def test_a_service_that_refers_people_on_for_money_advice_does_not_give_it(reader):
    food_bank = reader.understand(
        oruk_record(
            "<p>Emergency food parcels for people in crisis. You will need a <strong>food bank "
            "voucher</strong> from a referral agency.</p><p>We can also refer you on for money advice.</p>",
            "Banbury Food Bank",
        )
    ).summary()
    assert "food" in food_bank["needs"] and "money_debt" not in food_bank["needs"]


def test_someone_to_go_through_the_debts_with_face_to_face_is_in_person():
    assert in_person_only("Wants someone to go through the debts with him face to face.")


def test_a_citys_or_a_districts_residents_are_its_councils(reader):
    def said(words: str) -> list[str]:
        return reader.understand(oruk_record(words, "Advice")).summary()["residency_said"]

    assert said("<h3>Who can use this service?</h3><p><strong>Oxford City residents only.</strong></p>") == [
        OXFORD
    ]
    assert said("Cherwell District residents only.") == ["E07000177"]
    assert said("Funded by Oxford City Council.") == []


def test_two_districts_sharing_their_offices_are_both(reader):
    record = oruk_record("Benefits and grants line for residents.", "South and Vale benefits line")
    record["service_areas"] = [{"name": "South & Vale"}]
    assert sorted(reader.understand(record).summary()["residency"]) == ["E07000179", "E07000180"]


@pytest.mark.parametrize(
    "words",
    [
        "Emergency food parcels with a voucher from a referral agency. Ring us if you are not sure how to get one.",
        "Young carers' group. Register with our Young Carers service - ring us or ask your school to refer.",
        "Volunteers visit older people at home. Referrals from GPs and family, or ring us yourself.",
    ],
)
def test_ringing_to_ask_or_be_referred_is_no_service_by_phone(reader, words):
    assert "phone" not in reader.understand(oruk_record(words, "A charity")).summary()["delivery"]


def test_a_line_to_call_when_it_is_the_help_is_by_phone(reader):
    words = "If you are homeless tonight or at risk of losing your home, call us. Out of hours number too."
    assert "phone" in reader.understand(oruk_record(words, "Housing Options")).summary()["delivery"]


def test_a_county_of_unitaries_listed_with_other_counties_is_part_of_the_reach(reader):
    """ "Berkshire" is six unitaries, a wider area; listed with Oxfordshire and Buckinghamshire it is
    where the line's people live as much as they are, while "carers in Greater Manchester" alone
    names where a service works."""
    line = reader.understand(
        oruk_record(
            "Telephone advice for veterans and their families in Oxfordshire, Buckinghamshire and Berkshire.",
            "X",
        )
    ).summary()["residency_said"]
    assert {OXFORDSHIRE, "E06000060", READING} <= set(line)
    alone = reader.understand(oruk_record("Support for carers in Greater Manchester.", "X")).summary()
    assert alone["residency_said"] == []
