"""An integrated care board's partner directory, written as commissioners write ("Target cohort:",
"Inclusion criteria:", "Exclusion criteria:", "Catchment: NNC"), and Northamptonshire's councils
as its people shorten them: who a service is for is read from the criteria, not from whom its
funder hoped to reach."""

from __future__ import annotations

import json

from matching import NeedsTaxonomy
from matching.exclusions import person_exclusions
from matching.need_inference import NeedInferrer
from matching.stated_situations import person_situations
from tests.matching.conftest import SHIPPED, oruk_record

NORTH, WEST, EAST_NORTHANTS = "E06000061", "E06000062", "E07000152"


def summary(reader, description: str, **fields) -> dict:
    return reader.understand(oruk_record(description, "A partner", **fields)).summary()


def test_inclusion_criteria_are_the_eligibility_statement(reader):
    gate = summary(
        reader,
        "Met at the gate on release day and taken to probation. Inclusion criteria: men leaving HMP "
        "Onley and returning to the county. Exclusion: release to an AP outside county.",
    )
    assert gate["groups"] == ["men"] and gate["situations"] == ["prison_leavers"]


def test_a_councils_shortened_names_are_its_own(reader):
    assert summary(reader, "Visits at home. North Northants residents only.")["residency"] == [NORTH]
    assert summary(reader, "Advice in Polish. Catchment: WNC.")["residency"] == [WEST]
    assert summary(reader, "A walking group. East Northants residents only.")["residency"] == [EAST_NORTHANTS]
    # a county that is now two unitaries is both, not the one whose name ends with it
    assert summary(reader, "Helpline for anyone in Northamptonshire.")["residency"] in ([], [NORTH, WEST])


def test_whom_a_funder_hoped_to_reach_is_no_rule_when_all_are_welcome(reader):
    cohort = "Target cohort: Core20 residents of Corby, but open to all - no one asked why they have come."
    assert summary(reader, "Warm space with soup. " + cohort)["residency"] == []
    assert summary(reader, "Warm space with soup. For Corby residents only.")["residency"] != []


def test_conditions_given_as_examples_are_not_the_only_ones(reader):
    ers = summary(
        reader,
        "Offer: 12 wk gym programme. Inclusion criteria: 16+, a long term condition (e.g. T2 diabetes, "
        "hypertension, COPD, BMI 30+). Referral route: GP.",
    )
    assert ers["situations"] == []
    assert summary(reader, "Inclusion criteria: adults with type 2 diabetes.")["situations"] == ["diabetes"]


def test_who_comes_most_is_not_who_may(reader):
    cafe = summary(
        reader,
        "Practise your English over a cuppa. Who it's for: anyone learning English - lots of Romanian, "
        "Polish, Kurdish and Syrian ladies and gents go.",
    )
    assert cafe["situations"] == [] and cafe["groups"] == []


def test_steps_and_a_venue_that_cannot_welcome_wheelchairs_are_a_no(reader):
    cafe = summary(
        reader,
        "For people with dementia and their carers. The hall is reached by a flight of six steps with a "
        "handrail - we are not able to welcome wheelchair users at present.",
    )
    assert cafe["wheelchair"] == "no"


def test_selling_or_exchanging_sex_is_the_situation_it_is_for(reader):
    van = summary(reader, "Night outreach van. Only for women who sell or exchange sex (incl. trans women).")
    assert van["situations"] == ["sex_work"]


def test_a_traveller_by_the_peoples_own_name_is_not_a_backpacker():
    assert "roma" in {s.code for s in person_situations("Traveller woman, pulled up roadside, expecting.")}
    assert "roma" in {s.code for s in person_situations("She's a Traveller, on the site since May.")}
    assert "roma" not in {s.code for s in person_situations("a traveller from Leeds, backpacking")}


def test_a_class_for_those_who_can_stand_turns_away_one_who_cannot(reader):
    steps = reader.understand(
        oruk_record(
            "Strength and balance class. Exclusion criteria: unable to stand for 5 minutes with or "
            "without a frame (home exercise leaflet offered instead).",
            "A partner",
        )
    )
    assert [f.value for f in steps.exclusions] == ["cannot_stand"]
    assert "cannot_stand" in person_exclusions("Dad 80, in a wheelchair since his stroke, can't stand.")
    assert "cannot_stand" not in person_exclusions("He can't stand crowds or noise.")


def test_pay_an_agency_withholds_and_settled_status_letters_ask_for_legal_advice():
    words = NeedInferrer(NeedsTaxonomy.from_dict(json.loads((SHIPPED / "needs_taxonomy.json").read_text())))
    assert "legal_advice" in words.infer_codes(
        "Agency not paying his holiday pay, works nights on Brackmills"
    )
    assert "legal_advice" in words.infer_codes("his pre-settled status runs out in May, English is basic")
