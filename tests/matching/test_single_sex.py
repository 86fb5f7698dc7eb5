"""A group named for one sex: never for someone who asked for a group just for the other, and
below the others for anyone of the other sex, though its words welcome them."""

from __future__ import annotations

from matching import match

OPEN_SHED = "Woodwork and a brew. Mostly older fellas but anyone welcome, few women come Thurs."


def test_a_woman_who_asked_for_something_just_for_women_is_not_sent_to_a_mens_shed(
    make_service, make_person, taxonomy, now
):
    shed = make_service(km=0.5, name="Anfield Men's Shed", description=OPEN_SHED)
    circle = make_service(km=2.0, name="Dingle Women's Circle", description="A chat and a cuppa.")
    woman = make_person(
        needs=("loneliness",), circumstances=("women",), goals="proper lonely, wants something just for women"
    )
    result = match(woman, [shed, circle], taxonomy=taxonomy, now=now)
    assert [m.service_id for m in result.matches] == [circle["id"]]
    assert any("asked for women only" in reason for reason in result.excluded)


def test_a_mens_shed_open_to_women_comes_after_a_group_for_everyone(make_service, make_person, taxonomy, now):
    shed = make_service(km=0.5, name="Anfield Men's Shed", description=OPEN_SHED)
    club = make_service(km=0.8, name="Anfield Friendship Club", description="A chat and a brew for anyone.")
    woman = make_person(needs=("loneliness",), circumstances=("women",), goals="lonely since the kids left")
    assert [m.service_id for m in match(woman, [shed, club], taxonomy=taxonomy, now=now).matches] == [
        club["id"],
        shed["id"],
    ]
    # for a man, the nearer shed comes first
    man = make_person(needs=("loneliness",), circumstances=("men",), goals="lonely since the kids left")
    assert match(man, [shed, club], taxonomy=taxonomy, now=now).matches[0].service_id == shed["id"]
