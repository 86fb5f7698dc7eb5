"""A contact centre's knowledge articles, as call handlers read them ("Eligibility check:", "Do not
refer if:", handler notes), and the areas the NHS and councils in Essex name: who a service turns
away, where it reaches, and how it is delivered are read from them as a handler would."""

from __future__ import annotations

from matching.service import in_area, read_area
from matching.understanding.areas import read_place
from tests.matching.conftest import oruk_record

THURROCK, SOUTHEND, TENDRING, HARLOW = "E06000034", "E06000033", "E07000076", "E07000073"
HARTLEPOOL = "E06000001"


def article(description: str, **fields) -> dict:
    office = [{"location": {"id": "l1", "name": "Office", "addresses": [{"postal_code": "SS14 1AB"}]}}]
    return oruk_record(description, "A partner organisation", service_at_locations=office, **fields)


def summary(reader, record: dict) -> dict:
    return reader.understand(record).summary()


def lives_in(entries: list[str], authority: str, district: str, point=None) -> bool | None:
    return in_area(read_area(entries), [authority, district], point)


def test_the_nhs_and_councils_names_for_parts_of_essex_are_their_councils(reader):
    online = summary(
        reader,
        article(
            "6 week online bereavement group. Online only.",
            service_areas=[{"name": "Mid and South Essex ICB"}],
        ),
    )["residency"]
    assert lives_in(online, THURROCK, "RM17") is True
    assert lives_in(online, TENDRING, "CO15") is False  # Clacton: Suffolk and North East Essex's
    # "North East Essex" is two Essex councils, not the North East of England
    zoom = summary(
        reader,
        article("Fortnightly Zoom meet-up.", service_areas=[{"name": "Suffolk and North East Essex ICB"}]),
    )["residency"]
    assert lives_in(zoom, TENDRING, "CO15") is True
    assert lives_in(zoom, HARTLEPOOL, "TS24") is False
    assert lives_in(zoom, SOUTHEND, "SS1") is False
    gp = summary(reader, article("Eligibility check: Adults 18+ registered with a GP in West Essex."))
    assert lives_in(gp["residency"], HARLOW, "CM20") is True
    assert lives_in(gp["residency"], TENDRING, "CO15") is False


def test_whom_a_handler_must_not_refer_is_turned_away_not_taken_in(reader):
    found = reader.understand(
        article(
            "Summary: Community supermarket.\nEligibility check: Members must be on a means-tested "
            "benefit, and live in RM18 or RM16.\nDo not refer if: Lives in Grays town centre (RM17) - "
            "they're told to use Grays Pantry."
        )
    )
    entries = found.summary()["residency"]
    assert lives_in(entries, THURROCK, "RM18") is True
    assert lives_in(entries, THURROCK, "RM17") is False


def test_a_provider_that_only_takes_some_places_is_limited_to_them(reader):
    entries = summary(
        reader,
        article(
            "Volunteer befrienders ring or pop round once a week.\nHandler notes: Partner confirmed only "
            "takes Jaywick and West Clacton now.",
            service_areas=[{"name": "Tendring"}],
        ),
    )["residency"]
    assert [read_place(entry).name for entry in entries] == ["West Clacton"]
    assert lives_in(entries, TENDRING, "CO15", (51.787, 1.135)) is True  # Clacton
    assert lives_in(entries, TENDRING, "CO12", (51.934, 1.273)) is False  # Dovercourt
    # taking referrals from GPs names no place
    gp_only = summary(reader, article("Only takes referrals from GPs.", service_areas=[{"name": "Tendring"}]))
    assert lives_in(gp_only["residency"], TENDRING, "CO12") is True


def test_a_record_that_says_it_is_only_online_is_not_at_its_office(reader):
    online = summary(
        reader,
        article(
            "6 week online (Zoom) bereavement support group.\nHandler notes: Online only - they stopped "
            "the face to face group in Basildon in 2024."
        ),
    )
    assert online["delivery"] == ["online"]
    hub = summary(reader, article("Drop-in hub, brew and breakfast. Also a Zoom group on Thursdays."))
    assert hub["delivery"] == ["in_person", "online"]


def test_a_handlers_do_not_refer_if_is_an_exclusion_statement(reader):
    group = reader.understand(
        article(
            "Summary: Peer support meeting for people in recovery from alcohol.\nDo not refer if: Caller is "
            "currently drinking heavily and wants to stop - refer to the treatment service first."
        )
    )
    assert "alcohol_drugs" in [f.value for f in group.exclusions]
    # a recovery group that names drinking as what it helps with turns no one away
    helps = reader.understand(
        article("Summary: Peer support for anyone currently drinking who wants to stop.")
    )
    assert "alcohol_drugs" not in [f.value for f in helps.exclusions]
