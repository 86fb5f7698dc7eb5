"""A service as offered to this person: one for a time of life the person is far from, or first for
an addiction the person does not have or a loss they have not had, meets none of their needs, so a need only it would meet is
said to be unmet."""

from __future__ import annotations

from matching import match


def test_a_young_peoples_bereavement_line_meets_no_need_of_a_widow_of_62_and_her_need_is_unmet(
    make_service, make_person, taxonomy, now
):
    young = make_service(
        km=None,
        delivery=["phone"],
        name="Grieving Children's Helpline",
        needs=["young_people", "bereavement"],
    )
    adults = make_service(km=2, name="Adult Alcohol Service", needs=["addiction_recovery", "young_people"])
    widow = make_person(goals="62, husband died suddenly three weeks ago", age=62, needs=("bereavement",))
    result = match(widow, [young, adults], taxonomy=taxonomy, now=now)
    by_name = {m.name: m for m in result.matches}
    assert by_name["Grieving Children's Helpline"].needs_met == []
    assert "bereavement" in [u.need for u in result.unmet_needs]
    # a service read as young people's only second still meets an adult's need
    drinker = match(
        make_person(
            goals="48, drinking most nights, wants to cut down", age=48, needs=("addiction_recovery",)
        ),
        [adults],
        taxonomy=taxonomy,
        now=now,
    )
    assert drinker.matches[0].needs_met == ["addiction_recovery"]


def test_help_getting_online_only_online_leaves_the_need_unmet_and_names_it(
    make_service, make_person, taxonomy, now
):
    course = make_service(km=None, name="Learn Online", delivery=["online"], needs=["digital_inclusion"])
    person = make_person(
        goals="can't work the NHS app, granddaughter moved away", needs=("digital_inclusion",)
    )
    result = match(person, [course], taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Learn Online"]  # still offered, for those who can
    [unmet] = result.unmet_needs
    assert unmet.need == "digital_inclusion" and unmet.alternatives == ["online only: Learn Online"]
    drop_in = make_service(km=1, name="Library Digital Drop-in", needs=["digital_inclusion"])
    assert not match(person, [course, drop_in], taxonomy=taxonomy, now=now).unmet_needs


def test_a_gambling_line_meets_no_need_of_someone_with_no_addiction(make_service, make_person, taxonomy, now):
    line = make_service(
        km=None,
        delivery=["phone"],
        area_wide=True,
        name="Gambling Harm Line",
        needs=["addiction_recovery", "mental_wellbeing"],
    )
    anxious = make_person(
        goals="35, anxiety through the roof, wants to talk to someone", needs=("mental_wellbeing",)
    )
    result = match(anxious, [line], taxonomy=taxonomy, now=now)
    assert [u.need for u in result.unmet_needs] == ["mental_wellbeing"]
    gambler = make_person(
        goals="lost his wages on the bookies app again, low", needs=("addiction_recovery", "mental_wellbeing")
    )
    assert match(gambler, [line], taxonomy=taxonomy, now=now).matches[0].needs_met == [
        "addiction_recovery",
        "mental_wellbeing",
    ]


def test_a_bereavement_group_meets_no_need_of_someone_who_has_lost_no_one(
    make_service, make_person, taxonomy, now
):
    group = make_service(
        km=None,
        delivery=["online"],
        area_wide=True,
        name="Online Bereavement Group",
        needs=["bereavement", "mental_wellbeing"],
    )
    mum = make_person(
        goals="35F, anxious and low since baby no.2, wants a women's group", needs=("mental_wellbeing",)
    )
    assert [u.need for u in match(mum, [group], taxonomy=taxonomy, now=now).unmet_needs] == [
        "mental_wellbeing"
    ]
    widow = make_person(
        goals="lost my husband in the spring, can't stop crying", needs=("bereavement", "mental_wellbeing")
    )
    assert match(widow, [group], taxonomy=taxonomy, now=now).matches[0].needs_met == [
        "bereavement",
        "mental_wellbeing",
    ]
    # a widow ticked as one, whose words speak only of loneliness, may still go to a widows' group
    widows = make_service(km=1, name="Widows and Widowers Group", needs=["bereavement", "loneliness"])
    lonely = make_person(goals="feels very low and lonely", needs=("loneliness",), situations=("widowed",))
    assert match(lonely, [widows], taxonomy=taxonomy, now=now).matches[0].needs_met == ["loneliness"]


def test_a_service_for_another_addiction_does_not_meet_a_gamblers_need(
    make_service, make_person, taxonomy, now
):
    cafe = make_service(
        km=2,
        name="Recovery Cafe",
        description="Saturday night cafe for people in recovery from drink or drugs.",
        needs=["addiction_recovery", "loneliness"],
    )
    debt = make_service(km=1, name="Debt Help", needs=["money_debt"])
    gambler = make_person(
        goals="Online betting, owes on 3 credit cards, wants to stop",
        needs=("addiction_recovery", "money_debt"),
    )
    result = match(gambler, [cafe, debt], taxonomy=taxonomy, now=now)
    # near in words ("recovery", "stop") is not near in need: not listed, but named with the gap
    assert [m.name for m in result.matches] == ["Debt Help"]
    [unmet] = result.unmet_needs
    assert unmet.need == "addiction_recovery" and "for gambling" in unmet.reason
    assert unmet.alternatives == ["for another addiction: Recovery Cafe"]
    # to a drinker it is what he asked for
    drinker = make_person(goals="drinking every day since he lost his job", needs=("addiction_recovery",))
    assert match(drinker, [cafe, debt], taxonomy=taxonomy, now=now).matches[0].needs_met == [
        "addiction_recovery"
    ]
