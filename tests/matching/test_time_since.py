"""How long after an event a service takes people, against how long ago it was for the person: a
hospice that asks people to wait six weeks is not offered three weeks after a suicide; resettlement
help "within 12 weeks of release" is not for a man out 14 months; a programme for people
"unemployed 9+ months" is not for a woman made redundant three weeks ago."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from matching import check, match
from matching.time_since import weeks_since
from matching.understanding.record import normalise
from matching.understanding.time_windows import find_time_windows


@pytest.mark.parametrize(
    ("description", "eligibility", "window"),
    [
        (
            "1:1 bereavement support and counselling.",
            "Adults 18+. Exclusions: bereaved within last 6 weeks - please wait (phone us for advice).",
            {"death": {"min_weeks": 6.0, "max_weeks": None}},
        ),
        (
            "Grief group. Wait 3 months after loss before joining pls",
            "",
            {"death": {"min_weeks": 13.0, "max_weeks": None}},
        ),
        (
            "Peer group.",
            "Adults 18+ bereaved within the last two years",
            {"death": {"min_weeks": None, "max_weeks": 104.0}},
        ),
        (
            "Exclusion criteria: under 6 weeks post-bereavement.",
            "",
            {"death": {"min_weeks": 6.0, "max_weeks": None}},
        ),
        (
            "Accommodation and ID help for people on licence.",
            "Eligibility: within 12 weeks of release. Referral by the PP only.",
            {"release": {"min_weeks": None, "max_weeks": 12.0}},
        ),
        (
            "Release-day meet-up: a mentor meets you at the gate and takes you to your appointments.",
            "",
            {"release": {"min_weeks": None, "max_weeks": 1.0}},
        ),
        # a mentor who meets people at the gate and stays; the weeks before release
        (
            "Mentors meet you at the gate on release day and help with housing and ID for up to a year.",
            "",
            None,
        ),
        ("Accommodation support for people on licence.", "Pre-release: within 12 weeks of release.", None),
        (
            "Up to 12 months of employment support with a named adviser.",
            "Eligibility: must be unemployed 9+ months and on UC or JSA.",
            {"out_of_work": {"min_weeks": 39.1, "max_weeks": None}},
        ),
        ("Online grief café, any bereavement, any time since the death.", "", None),
        ("Support at home for up to six weeks after coming out of hospital.", "", None),
    ],
)
def test_when_after_an_event_a_service_takes_people_is_read(description, eligibility, window):
    found = find_time_windows(
        normalise(
            {"id": "s", "name": "A", "description": description, "eligibility_description": eligibility}
        )
    )
    assert (found.value if found else None) == window


@pytest.mark.parametrize(
    ("goals", "weeks"),
    [
        ("son took his own life 3 wks ago. she's in bits", 3.0),
        ("husband died last week, can't stop crying", 1.0),
        ("lost the wife 5 months ago", 21.8),
        ("lost my job two years ago", None),  # no death
        ("wife died in March, weekends are the worst", None),  # no duration said (nor today's date)
        ("Widowed 3 yrs, lives on her own in Worksop", 156.0),
        ("two years since her husband passed, still can't face the shops", 104.0),
        ("Widowed, 3 kids still at home", None),
    ],
)
def test_how_long_ago_the_persons_loss_was(goals, weeks):
    assert weeks_since("death", goals) == weeks


@pytest.mark.parametrize(
    ("event", "goals", "weeks"),
    [
        ("release", "PoP, 34, released from HMP Elmley 14 months ago, on licence till next year", 60.9),
        ("release", "Came out of Swaleside last week, NFA, sofa surfing", 1.0),
        ("release", "Been out 3 months now, doing well, wants work", 13.0),
        ("release", "Discharged after the stroke, came out of hospital 2 weeks ago", None),
        ("out_of_work", "On UC IWS, out of work 11 months since the depot shut", 47.8),
        ("out_of_work", "Made redundant from a warehouse 3 wks ago, new UC claim", 3.0),
        ("out_of_work", "Lost her job at the contact centre 2 months ago. Not claiming.", 8.7),
        # the duration nearest the event: two years since the death, not since the job
        ("death", "Lost his job last month after his wife died 2 years ago", 104.0),
        ("out_of_work", "Wife died in March. Wants work.", None),
    ],
)
def test_how_long_ago_the_event_was(event, goals, weeks):
    assert weeks_since(event, goals) == weeks


@pytest.mark.parametrize(
    ("event", "goals", "weeks"),
    [
        ("death", "wife died in March, weekends are the worst", 38.1),
        ("death", "husband died back in March 2025, still can't face the shops", 90.3),
        ("out_of_work", "Ex Royal Signals, lost his security job in Sept, on UC IWS", 11.9),
        ("out_of_work", "Lost his job in December, rent due", 0.0),
        ("release", "Released from Elmley in August, NFA", 16.3),
    ],
)
def test_a_month_said_is_counted_back_from_today(event, goals, weeks):
    assert weeks_since(event, goals, date(2026, 12, 7)) == weeks


def test_a_programme_for_the_long_term_unemployed_is_not_for_someone_just_out_of_work(
    make_service, make_person
):
    restart = make_service(
        needs=["employment_skills"], time_windows={"out_of_work": {"min_weeks": 39.1, "max_weeks": None}}
    )
    recent = make_person(needs=("employment_skills",), goals="Made redundant 3 wks ago, new UC claim.")
    long = make_person(needs=("employment_skills",), goals="On UC IWS, out of work 11 months now.")
    assert check(recent, restart, 1.0).reasons == ["for people out of work 9 months or more"]
    assert not check(long, restart, 1.0).reasons
    september = make_person(needs=("employment_skills",), goals="Lost his security job in Sept, on UC IWS.")
    december = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    assert check(september, restart, 1.0, december).reasons == ["for people out of work 9 months or more"]
    assert not check(september, restart, 1.0).reasons  # without today's date, a month says nothing


def test_resettlement_help_after_release_is_not_for_someone_out_a_year(make_service, make_person):
    move_on = make_service(
        needs=["housing"], time_windows={"release": {"min_weeks": None, "max_weeks": 12.0}}
    )
    late = make_person(needs=("housing",), goals="Released from Elmley 14 months ago, lost his flat.")
    just = make_person(needs=("housing",), goals="Released from Elmley 3 weeks ago, NFA.")
    assert check(late, move_on, 1.0).reasons == ["for people released in the last 12 weeks"]
    assert not check(just, move_on, 1.0).reasons


def test_a_service_that_waits_after_a_death_is_not_offered_too_soon(make_service, make_person, taxonomy, now):
    hospice = make_service(
        km=1,
        name="Hospice Bereavement Support",
        needs=["bereavement"],
        time_windows={"death": {"min_weeks": 6.0, "max_weeks": None}},
    )
    helpline = make_service(km=2, name="Bereavement Helpline", needs=["bereavement"])
    soon = match(
        make_person(goals="son took his own life 3 wks ago, she's in bits"),
        [hospice, helpline],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in soon.matches] == ["Bereavement Helpline"]
    assert soon.excluded == {"takes people from 6 weeks after a death": 1}
    later = match(
        make_person(goals="husband died 4 months ago, can't stop crying"),
        [hospice, helpline],
        taxonomy=taxonomy,
        now=now,
    )
    assert "Hospice Bereavement Support" in [m.name for m in later.matches]


def test_a_group_that_waits_after_a_death_is_not_for_a_wife_whose_husband_is_dying(
    make_service, make_person, taxonomy, now
):
    after_loss = make_service(
        name="After Cancer Loss",
        needs=["bereavement"],
        time_windows={"death": {"min_weeks": 13.0, "max_weeks": None}},
    )
    carers = make_service(km=2, name="Carers Cuppa", needs=["bereavement", "carers"])
    result = match(
        make_person(goals="husband's in the hospice, end stage bowel ca. She's there every day."),
        [after_loss, carers],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in result.matches] == ["Carers Cuppa"]
    assert result.excluded == {"takes people after a death: nobody has died yet": 1}
    widow = make_person(goals="husband died in the hospice 5 months ago, end stage bowel ca")
    assert "After Cancer Loss" in [
        m.name for m in match(widow, [after_loss], taxonomy=taxonomy, now=now).matches
    ]
