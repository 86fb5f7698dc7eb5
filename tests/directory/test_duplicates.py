"""Duplicate rules, one at a time (directory_app/directory/duplicate_scoring.py), and the queue count."""

from __future__ import annotations

import pytest

from directory_app import db
from directory_app.directory import duplicates
from directory_app.directory.duplicate_scoring import blocks, compare, find_pairs, make_facts


def facts(
    id,
    name,
    organization="Age UK Trafford",
    postcode="M33 7ZZ",
    point=(53.4236, -2.3221),
    phone=None,
    url=None,
    email=None,
    needs=(),
):
    return make_facts(
        id,
        name,
        organization,
        [postcode] if postcode else [],
        [point] if point else [],
        [phone] if phone else [],
        [email] if email else [],
        [url] if url else [],
        needs,
    )


@pytest.mark.parametrize("postcode", ["m33 7zz", "M337ZZ", " M33 7ZZ "])
def test_the_same_service_from_another_publisher_is_a_duplicate(postcode):
    full = facts("a", "Sale Lunch Club", phone="0161 912 1234", url="https://ageuk.org.uk/trafford/lunch")
    thin = facts(
        "b",
        "Lunch Club (Sale)",
        organization="Age UK Trafford Ltd",
        postcode=postcode,
        point=None,
        phone="+44 161 912 1234",
    )
    verdict = compare(full, thin)
    assert verdict.duplicate
    assert "same postcode (M33 7ZZ)" in verdict.reasons and "same phone number" in verdict.reasons
    assert "same organisation" in verdict.reasons


def test_the_same_organisation_at_another_venue_is_not_a_duplicate():
    stretford = facts(
        "a",
        "Trussell Trust",
        "Trussell Trust",
        "M32 9AF",
        phone="0161 000 0000",
        email="info@stretford.foodbank.org.uk",
    )
    partington = facts(
        "b",
        "Trussell Trust",
        "Trussell Trust",
        "M31 4BU",
        point=(53.42, -2.43),
        phone="0161 000 0000",
        email="info@stretford.foodbank.org.uk",
    )
    assert not compare(stretford, partington).duplicate


def test_two_venues_a_street_apart_are_still_two_venues():
    a = facts("a", "Trussell Trust", "Trussell Trust", "M14 6EQ", point=(53.4450, -2.2200))
    b = facts("b", "Trussell Trust", "Trussell Trust", "M14 6JZ", point=(53.4455, -2.2205))
    assert not compare(a, b).duplicate


def test_a_service_added_twice_is_a_duplicate_with_every_reason():
    one = facts(
        "a", "Sale Lunch Club", phone="0161 912 1234", url="https://example.org/lunch", email="x@example.org"
    )
    verdict = compare(
        one,
        facts(
            "b",
            "Sale Lunch Club",
            phone="0161 912 1234",
            url="https://example.org/lunch",
            email="x@example.org",
        ),
    )
    assert verdict.duplicate and verdict.score == 1.0
    assert verdict.reasons[0] == "similar name (100%)"


def test_siblings_of_one_family_at_a_shared_address_are_not_duplicates():
    oldham = facts(
        "a", "Citizens Advice Oldham", "Citizens Advice Oldham", "M4 5AD", email="advice@example.org"
    )
    rochdale = facts(
        "b", "Citizens Advice Rochdale", "Citizens Advice Rochdale", "M4 5AD", email="advice@example.org"
    )
    assert not compare(oldham, rochdale).duplicate


def test_different_services_of_one_organisation_at_one_venue_are_not_duplicates():
    assert not compare(
        facts("a", "Age UK Trafford Lunch Club"), facts("b", "Age UK Trafford Computer Class")
    ).duplicate
    # Same name, same address, but nothing a person would come for in common.
    assert not compare(
        facts("a", "George House Trust", needs=["food"]),
        facts("b", "George House Trust", needs=["long_term_conditions"]),
    ).duplicate


def test_one_service_named_as_its_own_organisation_is_not_the_whole_organisation():
    # A publisher named the organisation after its dementia service: the two share an address and
    # "Age UK Trafford", and had been taken for one service, so the dementia service's limits
    # (people with dementia and their carers) shut everyone else out of Age UK Trafford.
    whole = facts("a", "Age UK Trafford", phone="0161 746 9754")
    dementia = facts(
        "b", "Age UK Trafford (Dementia Service)", "Age UK Trafford (Dementia Service)", phone="0161 746 3944"
    )
    assert not compare(whole, dementia).duplicate
    # What a name adds may be a place: the same service, listed by another publisher.
    assert compare(
        facts("c", "The Counselling and Family Centre", "The Counselling and Family Centre"),
        facts(
            "d",
            "The Counselling and Family Centre, Altrincham",
            "The Counselling and Family Centre, Altrincham",
            phone="0161 980 8352",
        ),
    ).duplicate


def test_phone_lines_without_a_venue_need_a_shared_contact():
    a = facts("a", "Samaritans", "Samaritans", postcode=None, point=None, phone="116 123")
    assert compare(
        a, facts("b", "Samaritans Helpline", "Samaritans", postcode=None, point=None, phone="116123")
    ).duplicate
    assert not compare(
        a, facts("c", "Samaritans Helpline", "Samaritans", postcode=None, point=None)
    ).duplicate


def test_one_organisations_womens_and_mens_lines_are_two_services():
    """Both without a venue, one council's hub number on both: still two services, and the women's
    one must not take on the men's "men only" as its twin would."""
    line = dict(
        organization="County Durham Domestic Abuse Hub", postcode=None, point=None, phone="03000 267979"
    )
    women = facts("a", "Women's Domestic Abuse Outreach - Easington", **line)
    men = facts("b", "Men's Domestic Abuse Service", **line)
    assert not compare(women, men).duplicate
    again = facts("c", "Womens Domestic Abuse Outreach", **line)
    assert compare(women, again).duplicate


def test_blocking_pairs_records_by_district_and_name_word_not_everything():
    records = [
        facts(str(n), f"Club {word}", organization="", postcode=f"M{n} 1AA", point=None)
        for n, word in enumerate(["Rowing", "Chess", "Knitting", "Rowing"], start=1)
    ]
    records.append(facts("same", "Rowing Club", organization="", postcode="M1 1AA", point=None))
    assert blocks(records) == {(0, 4)}  # the only two in one district sharing a word
    assert [(a.id, b.id) for a, b, _ in find_pairs(records)] == [("1", "same")]


def test_merging_closes_the_pairs_of_the_record_merged_away_and_the_count_follows(app, make_service):
    first = make_service(name="Sale Lunch Club")
    second = make_service(name="Sale Lunch Club", cost_description="per meal")
    make_service(name="Sale Lunch Club", schedule="WE 11:30-13:30")
    with db.session_scope(app) as session:
        assert duplicates.open_count(session) == 3
        flag = next(f for f, a, b in duplicates.open_flags(session) if {a.id, b.id} == {first, second})
        duplicates.decide(session, flag.id, "merge", "curator", keep_id=first)
        # The pair (second, third) can no longer be decided; (first, third) is still open.
        assert duplicates.open_count(session) == 1


def test_a_scan_closes_pairs_an_older_rule_flagged_and_keeps_real_ones(app, runner, make_service):
    from directory_app.models import DuplicateFlag

    lunch = make_service(name="Sale Lunch Club")
    again = make_service(name="Sale Lunch Club")
    far = make_service(name="Altrincham Lunch Club", postcode="WA14 1PF")
    with db.session_scope(app) as session:
        # What the old name-only rule left in queues: the same kind of club at another venue.
        first, second = sorted([lunch, far])
        session.add(
            DuplicateFlag(service_id=first, other_id=second, score=1.0, reasons=["similar name (100%)"])
        )
        session.commit()
        assert duplicates.open_count(session) == 2
    result = runner.invoke(args=["duplicates", "scan"])
    assert result.exit_code == 0, result.output
    assert "1 likely duplicate pairs (0 new), 1 old pairs closed; 1 open." in result.output
    with db.session_scope(app) as session:
        ((flag, a, b),) = duplicates.open_flags(session)
        assert {a.id, b.id} == {lunch, again}


def test_one_organisations_lines_for_two_places_behind_one_number_are_not_duplicates():
    # Neither has a venue; the organisation's one referral number is on both. Taken for one
    # service, the Hartlepool listing's residency had shut east Durham's women out of their own.
    hartlepool = facts(
        "a", "Harbour - Hartlepool Outreach", "Harbour Support Services", None, None, phone="03000 202 525"
    )
    east_durham = facts(
        "b",
        "East Durham Domestic Abuse Outreach (Women)",
        "Harbour Support Services",
        None,
        None,
        phone="03000 202 525",
    )
    assert not compare(hartlepool, east_durham).duplicate
