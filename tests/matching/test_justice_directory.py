"""The Probation Service's resettlement and community directory (west Kent and Medway): justice
services for people on licence, on community orders or just released, with offence-type exclusions,
beside community partners for anyone; and "West Kent" that is four districts, not Kent."""

from __future__ import annotations

import pytest

from matching import check
from matching.exclusions import person_exclusions
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record

KENT, MEDWAY = "E10000016", "E06000035"
WEST_KENT = {"E07000110", "E07000111", "E07000115", "E07000116"}


@pytest.mark.parametrize(
    "words",
    [
        "Eligibility: women only. On licence, PSS or community order. Any tier.",
        "A women's centre for women in or at risk of the justice system.",
        "Men released from the three Sheppey prisons only.",
    ],
)
def test_a_service_for_people_on_probation_is_read_so(reader, words):
    found = reader.understand(oruk_record(words, "Probation Service"))
    assert "prison_leavers" in found.summary()["situations"]


def test_a_community_order_says_the_person_is_on_probation():
    words = "Sittingbourne, 29, on a community order with RAR days. Ex still turning up at the house."
    assert "prison_leavers" in {s.code for s in person_situations(words)}
    assert "prison_leavers" not in {
        s.code for s in person_situations("38, never been in trouble with police.")
    }


def test_a_justice_service_is_not_for_someone_the_words_do_not_put_in_it(make_person, make_service):
    crs = make_service(needs=["domestic_abuse"], situations=["prison_leavers"], eligibility=["women"])
    goals = "38, Rainham. Husband controlling, money, phone. Wants to talk to someone about options."
    woman = make_person(needs=("domestic_abuse",), goals=goals, circumstances=("women",))
    assert check(woman, crs, 1.0).reasons


def test_a_sexual_offence_turns_a_man_away_where_the_service_says_so(reader, make_person, make_service):
    shed = reader.understand(
        oruk_record(
            "Woodwork and a brew. Note for practitioners: no one on the sex offenders register, sorry."
        )
    )
    assert [f.value for f in shed.exclusions] == ["sexual_offences"]
    # "where no risk assessment is available" turns away only those without one
    move_on = reader.understand(
        oruk_record("Exclusions: arson, or sexual offences where no risk assessment is available.")
    )
    assert "sexual_offences" not in [f.value for f in move_on.exclusions]
    goals = "PoP, 44, released 2 months ago on licence, sexual offence, MAPPA level 1."
    assert "sexual_offences" in person_exclusions(goals)
    assert "sexual_offences" not in person_exclusions(
        "Victim of a sexual offence last year, wants counselling."
    )
    service = make_service(needs=["loneliness"], exclusions=["sexual_offences"])
    assert check(make_person(needs=("loneliness",), goals=goals), service, 1.0).reasons


def test_a_wider_areas_residents_with_its_districts_named_are_those_districts(reader):
    found = reader.understand(
        oruk_record(
            "Eligibility: West Kent residents (Maidstone, Tonbridge & Malling, Tunbridge Wells, Sevenoaks). 16+."
        )
    )
    assert set(found.summary()["residency"]) == WEST_KENT
    assert found.summary()["residency"] != [KENT]


def test_a_wider_area_named_twice_is_all_of_it(reader):
    found = reader.understand(
        oruk_record("Inclusion criteria:\n• Adults 18+\n• Fylde Coast residents\nLocality: Fylde Coast")
    )
    assert set(found.summary()["residency"]) == {"E06000009", "E07000119", "E07000128"}
