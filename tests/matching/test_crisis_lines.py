"""A crisis line is offered to anyone low, but meets the need for support only for someone in crisis:
otherwise the need is said to be unmet, and the line named as what there is in a crisis."""

from __future__ import annotations

from matching import match


def _directory(make_service):
    crisis = make_service(
        km=None,
        name="Mental Health Crisis Line",
        description="24/7 freephone line for people in a mental health crisis.",
        needs=["mental_wellbeing"],
        delivery=["phone"],
        area_wide=True,
    )
    youth_club = make_service(km=2, name="Youth Club", needs=["young_people"])
    return [crisis, youth_club]


def test_a_crisis_line_alone_leaves_a_need_for_support_unmet_and_is_named(
    make_service, make_person, taxonomy, now
):
    result = match(
        make_person(
            goals="anxious, stopped going to school, wants someone to talk to", needs=["mental_wellbeing"]
        ),
        _directory(make_service),
        taxonomy=taxonomy,
        now=now,
    )
    assert "Mental Health Crisis Line" in [m.name for m in result.matches]
    unmet = {u.need: u for u in result.unmet_needs}
    assert "mental_wellbeing" in unmet
    assert unmet["mental_wellbeing"].alternatives == ["in a crisis: Mental Health Crisis Line"]


def test_for_someone_in_crisis_the_crisis_line_meets_the_need(make_service, make_person, taxonomy, now):
    for goals in ("suicidal thoughts since the weekend", "self-harming again, in crisis"):
        result = match(
            make_person(goals=goals, needs=["mental_wellbeing"]),
            _directory(make_service),
            taxonomy=taxonomy,
            now=now,
        )
        assert "mental_wellbeing" not in {u.need for u in result.unmet_needs}
        assert result.matches[0].name == "Mental Health Crisis Line"
    denied = match(
        make_person(goals="low mood, denies suicidal thoughts", needs=["mental_wellbeing"]),
        _directory(make_service),
        taxonomy=taxonomy,
        now=now,
    )
    assert "mental_wellbeing" in {u.need for u in denied.unmet_needs}


def test_a_line_that_listens_at_any_hour_is_what_there_is_in_a_crisis(
    make_service, make_person, taxonomy, now
):
    listening = make_service(
        km=None,
        name="Samaritans",
        description="Listening service, any time, day or night. National helpline, free to call.",
        needs=["mental_wellbeing"],
        delivery=["phone"],
        area_wide=True,
    )
    anxious = make_person(
        goals="17, anxiety, won't go out, might talk to someone 1:1", needs=["mental_wellbeing"]
    )
    (unmet,) = match(anxious, [listening], taxonomy=taxonomy, now=now).unmet_needs
    assert unmet.need == "mental_wellbeing" and unmet.alternatives == ["in a crisis: Samaritans"]
    peer = make_service(km=2, name="Wellbeing Peer Group", needs=["mental_wellbeing"])
    assert match(anxious, [listening, peer], taxonomy=taxonomy, now=now).unmet_needs == []
