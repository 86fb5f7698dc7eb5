"""A helpline's resource records in the North American style ("Eligibility:", "Fees:", "Coverage
area:", "Hours:" folded into the description), and Dorset's areas: who a service is for, what it
costs, when it runs and where it reaches are read from those fields as a call taker would."""

from __future__ import annotations

from matching.person import caring_now
from matching.service import in_area, read_area
from matching.stated_situations import person_situations
from matching.understanding import normalise
from matching.understanding.schedule import find_schedule
from tests.matching.conftest import oruk_record

DORSET, BCP = "E06000059", "E06000058"
PURBECK, NORTH_DORSET, WEYMOUTH_AND_PORTLAND, WEST_DORSET = "E07000051", "E07000050", "E07000053", "E07000052"


def resource(description: str, **fields) -> dict:
    return oruk_record(description, "An agency", **fields)


def summary(reader, record: dict) -> dict:
    return reader.understand(record).summary()


def days(record: dict) -> list[str]:
    return [d["day"] for finding in find_schedule(normalise(record)) for d in finding.value["days"]]


def test_a_fees_field_with_nothing_to_pay_is_free(reader):
    for fees in ("Fees: None", "Fees: N/A", "Fees: Donation", "Charges: nil"):
        record = resource(f"Program description: A weekly group.\n{fees}\nCoverage area: BCP")
        assert summary(reader, record)["cost"] == "free", fees
    dearer = resource("Program description: Lunch club.\nFees: None\nDonations welcome, £4.50 for lunch.")
    assert summary(reader, dearer)["cost"] == "low_cost"  # a price named still counts


def test_an_hours_field_says_which_days_and_a_month_is_not_a_monday():
    assert days(resource("Program description: Advice.\nHours: Mon-Fri 9:30-4 (no evening appts)")) == [
        "MO",
        "TU",
        "WE",
        "TH",
        "FR",
    ]
    assert days(resource("Hours: Calls arranged to suit, Mon-Fri daytime")) == ["MO", "TU", "WE", "TH", "FR"]
    assert days(resource("Hours: Last Sunday of month, 2pm-6pm")) == ["SU"]
    assert days(resource("Hours: Fri 6:30pm-9pm monthly (1st Fri)")) == ["FR"]
    assert days(resource("Hours: Thurs & Sat 10-12")) == ["TH", "SA"]
    assert days(resource("Hours: Closed Mondays")) == []


def test_who_the_eligibility_field_names_is_who_the_service_is_for(reader):
    polish = summary(
        reader, resource("Program description: Help with forms, in Polish.\nEligibility: Polish speakers")
    )
    assert "polish" in polish["situations"]
    ukrainian = summary(
        reader, resource("Program description: Weekly hub.\nEligibility: Ukrainians and their hosts")
    )
    assert "ukrainian" in ukrainian["situations"]
    filipino = summary(reader, resource("Program description: Karaoke.\nEligibility: Filipino community"))
    assert "filipino" in filipino["situations"]
    # who comes most is not who may
    calls = summary(
        reader,
        resource(
            "Program description: Phone calls.\nEligibility: Adults who feel lonely. Mainly older adults."
        ),
    )
    assert "older_people" not in calls["situations"]


def test_a_paid_carer_is_not_an_unpaid_one():
    assert caring_now("Filipina, live-in carer in Parkstone, only gets Sundays off. Homesick.") is None
    assert caring_now("Works as a carer on zero hours, behind on rent") is None
    assert caring_now("carer at a care home, knackered after nights") is None
    assert caring_now("I'm a live-in carer for my mum since her stroke") is not None
    assert caring_now("She works as a carer but also looks after her dad at home") is not None


def lives_in(entries: list[str], *areas: str) -> bool | None:
    return in_area(read_area(entries), list(areas), None)


def test_pan_dorset_and_nhs_dorset_are_both_councils(reader):
    for name in ("Pan-Dorset", "NHS Dorset"):
        line = summary(reader, resource("Program description: Helpline.", service_areas=[{"name": name}]))
        assert lives_in(line["residency"], BCP, "BH15") is True, name  # Poole
        assert lives_in(line["residency"], DORSET, "DT1") is True, name  # Dorchester
        assert lives_in(line["residency"], "E07000091", "BH24") is False, name  # Ringwood, New Forest


def test_a_former_district_is_its_own_and_narrows_the_council_that_pays_for_it(reader):
    cafe = summary(
        reader,
        resource(
            "Agency description: Carers Support Dorset is the commissioned carers service for Dorset Council.\n"
            "Program description: Café morning for unpaid carers.\nCoverage area: Purbeck only",
            service_areas=[{"name": "Purbeck"}],
        ),
    )
    assert cafe["residency"] == [PURBECK]
    assert lives_in(cafe["residency"], DORSET, NORTH_DORSET, "SP7") is False  # Shaftesbury
    assert lives_in(cafe["residency"], DORSET, PURBECK, "BH20") is True  # Wareham
    foodbank = summary(
        reader,
        resource("Program description: Food parcels.", service_areas=[{"name": "Weymouth & Portland"}]),
    )
    assert lives_in(foodbank["residency"], DORSET, WEST_DORSET, "DT6") is False  # Bridport
    assert lives_in(foodbank["residency"], DORSET, WEYMOUTH_AND_PORTLAND, "DT4") is True


def test_a_hospital_named_for_a_town_is_not_where_people_must_live(reader):
    discharge = summary(
        reader,
        resource(
            "Summary: Support after leaving hospital.\n"
            "Eligibility check: Adults discharged from Southend Hospital or Basildon Hospital in the last 2 weeks.",
            service_areas=[{"name": "Mid and South Essex"}],
        ),
    )
    assert lives_in(discharge["residency"], "E07000066", "SS14") is True  # Basildon
    assert lives_in(discharge["residency"], "E06000034", "RM17") is True  # Grays, Thurrock


def test_whoever_comes_along_is_not_whom_it_is_for(reader):
    for eligibility in (
        "Who it's for: anyone who's had a stroke, plus carer/family. Tell the customer: trips.",
        "Eligibility: Stroke survivors, and their partner/carer if they want to come.",
        "Eligibility: People living with dementia must attend, with a carer if wanted.",
    ):
        assert "carers" not in summary(reader, resource(eligibility))["groups"], eligibility
    assert "lgbtq" not in summary(reader, resource("Eligibility: Women (incl. trans women). 18+."))["groups"]
    assert "carers" in summary(reader, resource("Eligibility: Unpaid carers aged 18+."))["groups"]
    assert set(summary(reader, resource("Eligibility: LGBTQ+ carers only."))["groups"]) == {"lgbtq", "carers"}


def test_someone_elses_community_is_not_the_persons():
    said = person_situations(
        "Nepali neighbour said they get help with forms at the hall but he's not Nepali."
    )
    assert "nepali" not in [s.code for s in said]
    assert "polish" in [s.code for s in person_situations("Polish lady 34, on her own, wants to meet people")]


def test_a_portals_boxes_are_read_as_its_fields(reader):
    """A social care portal's export: drop-downs and boxes as "KEY=value" pairs between pipes."""
    record = resource(
        "SERVICE_TYPE=Social Group | CLIENT_GROUP=ALL | ELIGIBILITY=LGBTQ+ adults 18+ | WHEN=3rd Fri of month "
        "7-9.30pm | COST_TYPE=Free\nPROVIDER_DESC=Board games, quiz nights, coffee."
    )
    found = summary(reader, record)
    assert found["groups"] == ["lgbtq"] and found["cost"] == "free"
    assert days(resource("SERVICE_TYPE=Domestic Abuse | WHEN=Thurs 10-12.30, 12 weeks | COST_TYPE=Free")) == [
        "TH"
    ]


def test_the_families_of_the_people_named_and_those_welcome_too_are_not_whom_it_is_for(reader):
    port = summary(
        reader, resource("ELIGIBILITY=Port workers, drivers, seafarers and families | WHEN=Tues 6-9pm")
    )
    assert "families" not in port["groups"]
    movers = summary(
        reader, resource("ELIGIBILITY=Parkinson's diagnosis (carers can join in too) | WHEN=Fri 11-12")
    )
    assert "carers" not in movers["groups"] and "parkinsons" in movers["situations"]
    cafe = summary(
        reader,
        resource("Eligibility: Person living with dementia + carer. Carers may also come on their own."),
    )
    assert "carers" not in cafe["groups"]


def test_what_one_activity_of_a_halls_week_asks_is_not_asked_of_the_hall(reader):
    hall = summary(
        reader,
        resource(
            "Mon: Wensleydale Walkers health walk 10am, free. Tue: Lunch & Lift (over 70s) £6.50. "
            "Thu eve: Community choir 7.30 £3. Sat: Polish Saturday school 10-1 (Polish families). Hall hire £13/hr.",
            cost_options=[{"option": "Hall hire per hour", "amount": 13}],
        ),
    )
    assert hall["min_age"] is None and hall["groups"] == [] and hall["situations"] == []
    assert "physical_activity" in hall["needs"] and hall["cost"] != "paid"  # not the hire charge
    # one service's two sessions keep what they ask
    two = summary(reader, resource("Mon: drop-in 10-12. Wed: walk 2pm. Over 70s only."))
    assert two["min_age"] == 70


def test_a_fishermans_family_is_a_fishing_family():
    said = [s.code for s in person_situations("Whitby, 41. Husband's boat lost in Oct storm, 3 bairns.")]
    assert "fishing" in said
    assert "fishing" not in [s.code for s in person_situations("We went on a boat trip last summer")]


def test_an_age_sent_to_another_group_is_not_this_ones(reader):
    cafe = summary(
        reader,
        resource(
            "LGBTQ+ drop-in, 2nd Saturday 1-4pm. Under 25s have their own group (Rainbow Youth) - this is adults."
        ),
    )
    assert cafe["min_age"] == 18 and cafe["max_age"] is None


def test_a_note_after_a_halls_week_about_one_activity_is_that_activitys_rule(reader):
    week = "Mon: Yoga 7pm (£5). Tue: Toddlers 9.30-11.30. Wed: Over 60s lunch, 12 noon, £6. Thu: Men's Shed 10-2. "
    hall = summary(
        reader, resource(week + "Hall hire £12/hr. Lunch club is for over 70s only. Shed: men only.")
    )
    assert hall["min_age"] is None and hall["groups"] == []
    # a note about the building is still the building's
    assert summary(reader, resource(week + "The hall is for women only."))["groups"] == ["women"]
