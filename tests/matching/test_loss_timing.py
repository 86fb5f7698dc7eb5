"""How long after a death a bereavement service takes people, against how long ago the person's
loss was: a hospice that asks people to wait six weeks is not offered three weeks after a suicide."""

from __future__ import annotations

import pytest

from matching import match
from matching.loss_timing import weeks_since_loss
from matching.understanding.loss import find_loss_window
from matching.understanding.record import normalise


@pytest.mark.parametrize(
    ("description", "eligibility", "window"),
    [
        (
            "1:1 bereavement support and counselling.",
            "Adults 18+. Exclusions: bereaved within last 6 weeks - please wait (phone us for advice).",
            {"min_weeks": 6.0, "max_weeks": None},
        ),
        (
            "Grief group. Wait 3 months after loss before joining pls",
            "",
            {"min_weeks": 13.0, "max_weeks": None},
        ),
        (
            "Peer group.",
            "Adults 18+ bereaved within the last two years",
            {"min_weeks": None, "max_weeks": 104.0},
        ),
        ("Exclusion criteria: under 6 weeks post-bereavement.", "", {"min_weeks": 6.0, "max_weeks": None}),
        ("Online grief café, any bereavement, any time since the death.", "", None),
        ("Support at home for up to six weeks after coming out of hospital.", "", None),
    ],
)
def test_when_after_a_death_a_service_takes_people_is_read(description, eligibility, window):
    found = find_loss_window(
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
        ("wife died in March, weekends are the worst", None),  # no duration said
        ("Widowed 3 yrs, lives on her own in Worksop", 156.0),
        ("two years since her husband passed, still can't face the shops", 104.0),
        ("Widowed, 3 kids still at home", None),
    ],
)
def test_how_long_ago_the_persons_loss_was(goals, weeks):
    assert weeks_since_loss(goals) == weeks


def test_a_service_that_waits_after_a_death_is_not_offered_too_soon(make_service, make_person, taxonomy, now):
    hospice = make_service(
        km=1,
        name="Hospice Bereavement Support",
        needs=["bereavement"],
        loss_window={"min_weeks": 6.0, "max_weeks": None},
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
