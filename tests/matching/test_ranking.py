import math
from datetime import timedelta

import pytest

from matching import DEFAULT_WEIGHTS, FEATURE_NAMES, features, match
from matching.rank import capacity, freshness, need_coverage, proximity, weighted_scorer


def test_weights_cover_every_feature():
    assert set(DEFAULT_WEIGHTS) == set(FEATURE_NAMES)
    assert all(w > 0 for w in DEFAULT_WEIGHTS.values())


def test_proximity():
    assert proximity(0.0, None, True) == 1.0
    assert proximity(8.0, None, True) == pytest.approx(math.exp(-1))
    assert proximity(4.0, None, True) > proximity(20.0, None, True) + 0.4  # a town apart is far apart
    assert proximity(None, "online", True) == 0.5
    assert proximity(None, "area_wide", True) == 0.6
    assert proximity(0.5, "online", True) == pytest.approx(math.exp(-0.5 / 8))  # hybrid: nearer venue wins
    assert proximity(None, None, True) == 0.2
    assert proximity(None, None, False) == 0.5


@pytest.mark.parametrize(
    "days_ago, expected", [(10, 1.0), (182, 1.0), (638.5, 0.5), (1200, 0.0), (None, 0.2)]
)
def test_freshness(make_service, now, days_ago, expected):
    when = None if days_ago is None else (now - timedelta(days=days_ago)).isoformat()
    assert freshness(make_service(last_verified_at=when), now) == pytest.approx(expected, abs=0.01)


def test_freshness_prefers_the_epoch_seconds(make_service, now):
    ts = int((now - timedelta(days=2000)).timestamp())
    assert freshness(make_service(last_verified_at=None, last_verified_ts=ts), now) == 0.0


@pytest.mark.parametrize(
    "accepting, wait, expected",
    [
        (True, None, 1.0),
        (True, 4, 1.0),
        (True, 5, 0.575),
        (True, 16, 0.3),
        (True, 40, 0.3),
        (None, None, 0.5),
        (None, 10, 0.45),
        (False, None, 0.1),
        (False, 2, 0.1),
    ],
)
def test_capacity(make_service, accepting, wait, expected):
    service = make_service(accepting_referrals=accepting, wait_weeks=wait)
    assert capacity(service) == pytest.approx(expected)


def test_features_for_a_need_meeting_service(make_service, make_person, now):
    profile = make_person(days=("TU",))
    f = features(
        profile, make_service(needs=["loneliness"]), 1.5, 0.4, now, needs=["loneliness", "bereavement"]
    )
    assert f == pytest.approx(
        {
            "need_coverage": 0.5,
            "text_relevance": 0.4,
            "proximity": math.exp(-1.5 / 8),
            "timetable_fit": 1.0,
            "freshness": 1.0,
            "capacity": 1.0,
            "circumstance_fit": 0.5,
            "preference_fit": 0.5,
            "semantic": 0.0,
            "responsiveness": 0.5,
        }
    )  # no referral figures: neutral
    assert all(0 <= v <= 1 for v in f.values())


def test_weighted_blend():
    score = weighted_scorer({"a": 3, "b": 1})
    assert score([{"a": 1.0, "b": 0.0}, {"a": 0.0, "b": 1.0}]) == [0.75, 0.25]
    with pytest.raises(ValueError):
        weighted_scorer({"a": 0})


def test_near_fresh_need_meeting_service_ranks_above_far_stale_one(make_service, make_person, taxonomy, now):
    stale = (now - timedelta(days=900)).isoformat()
    far_stale = make_service(
        km=4.5, name="Far stale", needs=["loneliness"], last_verified_at=stale, accepting_referrals=None
    )
    near_fresh = make_service(km=0.8, name="Near fresh", needs=["loneliness"])
    unrelated = make_service(km=0.2, name="Unrelated", needs=["money_debt"])
    result = match(
        make_person(needs=("loneliness",), max_distance_km=5),
        [far_stale, unrelated, near_fresh],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in result.matches] == ["Near fresh", "Far stale"]
    assert result.matches[0].score > result.matches[1].score


def test_a_custom_scorer_replaces_the_weights(make_service, make_person, taxonomy, now):
    near = make_service(km=0.5, name="Near")
    far = make_service(km=4, name="Far")
    seen = []

    def farthest_first(rows):
        seen.extend(rows)
        return [1 - r["proximity"] for r in rows]

    result = match(
        make_person(needs=("loneliness",)), [near, far], taxonomy=taxonomy, now=now, scorer=farthest_first
    )
    assert [m.name for m in result.matches] == ["Far", "Near"]
    assert len(seen) == 2 and set(seen[0]) == set(FEATURE_NAMES)


def test_features_work_out_the_exemption(make_service, make_person, now):
    online = make_service(km=None, delivery=["online"])
    assert features(make_person(), online, None, 0.0, now)["proximity"] == 0.5


def test_a_service_for_another_time_of_life_ranks_below_one_for_anyone(
    make_service, make_person, taxonomy, now
):
    befriending = make_service(
        km=0.5, name="Befriending for older people", needs=["loneliness", "older_people"]
    )
    club = make_service(km=1.0, name="Friendship club", needs=["loneliness"])
    for age in (17, 38):  # a young man, and a man in his late thirties at an older people's lunch club
        person = make_person(needs=("loneliness",), age=age, goals="feeling isolated, wants to meet people")
        assert [m.name for m in match(person, [befriending, club], taxonomy=taxonomy, now=now).matches] == [
            "Friendship club",
            "Befriending for older people",
        ]
    older = make_person(needs=("loneliness",), age=78, goals="feeling isolated, wants to meet people")
    assert match(older, [befriending, club], taxonomy=taxonomy, now=now).matches[0].name == (
        "Befriending for older people"
    )


def test_a_communitys_own_service_ranks_below_one_for_anyone_nearby_unless_it_is_theirs(
    make_service, make_person, taxonomy, now
):
    community = make_service(
        km=1.0,
        name="African Caribbean Care Group",
        description="Day care and lunch for African Caribbean elders.",
        needs=["loneliness", "older_people"],
    )
    club = make_service(km=1.3, name="Friendship club", needs=["loneliness", "older_people"])
    person = make_person(
        needs=("loneliness",), age=72, goals="on her own since her husband died, wants company"
    )
    assert [m.name for m in match(person, [community, club], taxonomy=taxonomy, now=now).matches] == [
        "Friendship club",
        "African Caribbean Care Group",  # still offered: nobody asked her heritage
    ]
    theirs = make_person(
        needs=("loneliness",),
        age=72,
        goals="Jamaican lady, on her own since her husband died, wants company",
    )
    assert match(theirs, [community, club], taxonomy=taxonomy, now=now).matches[0].name == (
        "African Caribbean Care Group"
    )


def test_a_service_reached_only_by_phone_ranks_below_a_venue_for_someone_who_cannot_use_one(
    make_service, make_person, taxonomy, now
):
    phone_line = make_service(km=None, name="Phone befriending", delivery=["phone"], area_wide=True)
    club = make_service(km=6.0, name="Friendship club")
    for goals, first in (
        ("Lonely since his wife passed.", "Phone befriending"),
        ("Lonely, deaf as a post on the phone, just says 'pardon' and puts it down.", "Friendship club"),
        (
            "Profoundly Deaf, BSL user, can't use phone lines. Lonely since his wife passed.",
            "Friendship club",
        ),
    ):
        person = make_person(needs=("loneliness",), goals=goals)
        assert match(person, [phone_line, club], taxonomy=taxonomy, now=now).matches[0].name == first, goals


def test_a_need_read_surely_counts_for_more_than_one_read_from_an_age(make_service):
    falls_class = make_service(needs=["physical_activity", "older_people"])
    tech_help = make_service(needs=["older_people"])
    needs = ["physical_activity", "older_people", "money_debt"]
    sure = {"physical_activity": 0.99, "older_people": 0.6, "money_debt": 0.7}
    assert need_coverage(needs, falls_class) == pytest.approx(2 / 3)  # given outright: each counts 1
    assert need_coverage(needs, falls_class, sure) == pytest.approx(1.59 / 2.29)
    assert need_coverage(needs, tech_help, sure) == pytest.approx(0.6 / 2.29)


def test_a_venue_over_the_borough_border_ranks_as_further_than_it_is(
    make_service, make_person, taxonomy, now
):
    trafford, manchester = "E08000009", "E08000003"

    def club(km, authority, name):
        service = make_service(km=km, name=name, needs=["loneliness"])
        service["locations"][0].update(la_code=authority, areas=[authority])
        return service

    over = club(4.0, manchester, "Lunch club over the border")
    home = club(5.5, trafford, "Lunch club in the borough")
    person = make_person(needs=("loneliness",), areas=(trafford, "M33"))
    assert [m.name for m in match(person, [over, home], taxonomy=taxonomy, now=now).matches] == [
        "Lunch club in the borough",
        "Lunch club over the border",  # still offered: a border is no wall
    ]
    # Where we cannot tell the person's authority (a postcode district alone), distance decides,
    # and so it does in London, whose boroughs people cross every day.
    unplaced = make_person(needs=("loneliness",), areas=("M33",))
    hackney, tower_hamlets = "E09000012", "E09000030"
    over["locations"][0].update(la_code=hackney, areas=[hackney])
    home["locations"][0].update(la_code=tower_hamlets, areas=[tower_hamlets])
    londoner = make_person(needs=("loneliness",), areas=(tower_hamlets, "E1"))
    for person in (unplaced, londoner):
        assert match(person, [over, home], taxonomy=taxonomy, now=now).matches[0].name == (
            "Lunch club over the border"
        )
