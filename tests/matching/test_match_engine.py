from matching import TextModel, adequate_counts, match


def thursdays(**fields):
    return dict(
        days=["TH"], schedules=[{"byday": ["TH"], "opens_at": "14:00", "closes_at": "16:00"}], **fields
    )


def test_result_shape(make_service, make_person, taxonomy, now):
    service = make_service(km=1.26, name="Sale Befriending", needs=["loneliness", "bereavement"])
    result = match(
        make_person(goals="hardly leaves the house since his wife died"),
        [service],
        taxonomy=taxonomy,
        now=now,
    ).to_dict()
    # "since his wife died" and "wife died" (6 words) outweigh "hardly leaves the house" (4)
    assert result["needs"] == ["bereavement", "loneliness"]
    assert result["inferred_needs"] is True
    (m,) = result["matches"]
    assert set(m) == {
        "service_id",
        "name",
        "score",
        "distance_km",
        "needs_met",
        "reasons",
        "warnings",
        "exempt_from_distance",
    }
    assert m["distance_km"] == 1.3 and m["score"] == round(m["score"], 3)
    assert m["needs_met"] == result["needs"]
    distance, needs = m["reasons"][:2]
    assert distance["kind"] == "distance" and round(distance["km"], 1) == 1.3
    assert needs == {"kind": "needs", "codes": ["bereavement", "loneliness"]}
    assert result["unmet_needs"] == [] and result["excluded"] == {}


def test_given_needs_are_not_inferred(make_service, make_person, taxonomy, now):
    result = match(
        make_person(goals="lonely", needs=("money_debt",)), [make_service()], taxonomy=taxonomy, now=now
    )
    assert result.needs == ["money_debt"] and result.inferred_needs is False


def test_online_service_beyond_max_distance_is_kept_and_labelled(make_service, make_person, taxonomy, now):
    online = make_service(km=200, name="Online Grief Group", needs=["bereavement"], delivery=["online"])
    hall = make_service(km=12, name="Far Hall", needs=["bereavement"])
    result = match(
        make_person(needs=("bereavement",), max_distance_km=5), [online, hall], taxonomy=taxonomy, now=now
    )
    (m,) = result.matches
    assert m.name == "Online Grief Group" and m.exempt_from_distance == "online"
    assert m.reasons[0] == {"kind": "exemption", "code": "online"}
    assert not any(r["kind"] == "distance" for r in m.reasons)
    assert result.excluded == {"further than 5 km": 1}


def test_constraint_violators_never_appear_and_are_counted(make_service, make_person, taxonomy, now):
    services = [
        make_service(name="Closed", status="defunct"),
        make_service(name="Paid", cost_band="paid"),
        make_service(name="Paid and shut", cost_band="paid", status="inactive"),
        make_service(name="Fine"),
    ]
    result = match(make_person(needs=("loneliness",), free_only=True), services, taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Fine"]
    assert result.excluded == {"not free": 2, "defunct": 1, "inactive": 1}


def test_unmet_need_names_the_distance_and_the_nearest(make_service, make_person, taxonomy, now):
    services = [
        make_service(km=1, needs=["loneliness"]),
        make_service(km=9.1, id="cab-far", needs=["money_debt"]),
        make_service(km=14, needs=["money_debt"]),
    ]
    result = match(
        make_person(needs=("loneliness", "money_debt"), max_distance_km=5),
        services,
        taxonomy=taxonomy,
        now=now,
    )
    (unmet,) = result.to_dict()["unmet_needs"]
    assert unmet == {
        "need": "money_debt",
        "label": "Money and debt",
        "reason": "no money and debt service within 5 km; nearest is 9.1 km away",
        "nearest_km": 9.1,
        "nearest_service_id": "cab-far",
        "alternatives": [],
        "requirement": None,
    }
    assert adequate_counts(result) == {"loneliness": 1, "money_debt": 0}
    assert adequate_counts(result.to_dict()) == {"loneliness": 1, "money_debt": 0}


def test_a_nearest_service_in_another_region_is_not_offered_as_the_nearest(
    make_service, make_person, taxonomy, now
):
    (unmet,) = match(
        make_person(needs=("money_debt",)),
        [make_service(km=180, needs=["money_debt"])],
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs
    assert unmet.reason == "no money and debt service within 30 km" and unmet.nearest_km is None


def test_nearest_is_among_services_only_too_far(make_service, make_person, taxonomy, now):
    services = [
        make_service(km=6, needs=["money_debt"], cost_band="paid"),
        make_service(km=9.1, needs=["money_debt"]),
    ]
    (unmet,) = match(
        make_person(needs=("money_debt",), max_distance_km=5, free_only=True),
        services,
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs
    # both are beyond 5 km, so distance alone explains it; the nearest is the free one
    assert unmet.reason == "no money and debt service within 5 km; nearest is 9.1 km away"
    assert unmet.nearest_km == 9.1


def test_unmet_need_names_the_blocking_constraints(make_service, make_person, taxonomy, now):
    services = [
        make_service(needs=["bereavement"], cost_band="paid"),
        make_service(needs=["bereavement"], **thursdays()),
    ]
    (unmet,) = match(
        make_person(needs=("bereavement",), free_only=True, days=("TU",)),
        services,
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs
    assert unmet.reason == "no free bereavement service open on Tuesday"
    assert unmet.nearest_km is None


def test_phone_alternative_is_offered_to_someone_who_chose_in_person(
    make_service, make_person, taxonomy, now
):
    services = [
        make_service(km=None, name="National Debtline", needs=["money_debt"], delivery=["phone"]),
        make_service(km=9.1, needs=["money_debt"]),
    ]
    (unmet,) = match(
        make_person(needs=("money_debt",), max_distance_km=5, delivery="in_person"),
        services,
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs
    assert unmet.reason == "no in-person money and debt service within 5 km; nearest is 9.1 km away"
    assert unmet.alternatives == ["phone service available: National Debtline"]


def test_a_need_with_nothing_listed(make_service, make_person, taxonomy, now):
    (unmet,) = match(
        make_person(needs=("arts_creativity",)), [make_service()], taxonomy=taxonomy, now=now
    ).unmet_needs
    assert unmet.reason == "no arts and creativity service found"


def test_every_need_gets_a_place_in_a_short_list(make_service, make_person, taxonomy, now):
    lonely = [make_service(km=0.1 * i, name=f"Lonely {i}", needs=["loneliness"]) for i in range(1, 6)]
    grief = make_service(km=4, name="Grief group", needs=["bereavement"])
    result = match(
        make_person(needs=("loneliness", "bereavement")),
        [*lonely, grief],
        taxonomy=taxonomy,
        now=now,
        limit=3,
    )
    assert [m.name for m in result.matches] == ["Lonely 1", "Lonely 2", "Grief group"]
    assert result.unmet_needs == []


def test_ties_break_on_distance_then_name(make_service, make_person, taxonomy, now):
    same = dict(needs=["loneliness"])
    services = [
        make_service(km=None, name="b online", delivery=["online"], **same),
        make_service(km=None, name="A online", delivery=["online"], **same),
    ]
    result = match(make_person(needs=("loneliness",)), services, taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["A online", "b online"]


def test_services_meeting_no_need_are_left_out(make_service, make_person, taxonomy, now):
    services = [
        make_service(name="Debt", needs=["money_debt"]),
        make_service(name="Club", needs=["loneliness"]),
    ]
    result = match(make_person(needs=("loneliness",)), services, taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Club"]
    # with nothing asked for, everything allowed is listed
    assert len(match(make_person(), services, taxonomy=taxonomy, now=now).matches) == 2


def test_text_model_lifts_the_service_that_fits_the_words(make_service, make_person, taxonomy, now):
    services = [
        make_service(
            km=1, name="Lunch club", needs=["loneliness"], description="Hot lunch and bingo on Tuesdays."
        ),
        make_service(
            km=1.2,
            name="Sale Men's Shed",
            needs=["loneliness"],
            description="Woodwork, repairs and a cuppa for men.",
        ),
    ]
    model = TextModel.fit(services, taxonomy)
    result = match(
        make_person(goals="he used to love woodwork, lonely now"),
        services,
        taxonomy=taxonomy,
        text_model=model,
        now=now,
    )
    assert [m.name for m in result.matches] == ["Sale Men's Shed", "Lunch club"]


def test_profile_may_be_a_plain_dict(make_service, taxonomy, now):
    result = match(
        {"needs": ["loneliness"], "lat": 53.4246, "lng": -2.3222, "max_distance_km": 2},
        [make_service(km=1), make_service(km=3)],
        taxonomy=taxonomy,
        now=now,
    )
    assert len(result.matches) == 1 and result.excluded == {"further than 2 km": 1}


def test_unmet_reason_uses_the_fewest_constraints(make_service, make_person, taxonomy, now):
    # Every grief service is too far; two are also shut on Tuesdays. Distance alone explains it.
    services = [
        make_service(km=8, needs=["bereavement"]),
        make_service(km=6, needs=["bereavement"], **thursdays()),
        make_service(km=7, needs=["bereavement"], **thursdays(cost_band="paid")),
    ]
    (unmet,) = match(
        make_person(needs=("bereavement",), max_distance_km=5, days=("TU",), free_only=True),
        services,
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs
    assert unmet.reason == "no bereavement service within 5 km; nearest is 8.0 km away"


def test_closed_services_do_not_count_as_provision(make_service, make_person, taxonomy, now):
    (unmet,) = match(
        make_person(needs=("bereavement",)),
        [make_service(needs=["bereavement"], status="inactive")],
        taxonomy=taxonomy,
        now=now,
    ).unmet_needs
    assert unmet.reason == "no bereavement service open at the moment (1 listed but closed)"


def test_a_short_list_is_filled_after_the_relevant_services_by_those_nearest_in_meaning(
    make_service, make_person, taxonomy, now
):
    bereavement = make_service(name="Bereavement group", needs=["bereavement"], _semantic=0.2)
    outreach = make_service(
        name="Wellbeing outreach",
        needs=["loneliness"],
        description="We visit people at home.",
        _semantic=0.35,
    )
    pride = make_service(
        name="Pride social", needs=["loneliness"], description="A social for LGBT+ people.", _semantic=0.38
    )
    far_in_meaning = make_service(name="Bike repair", needs=["transport"], _semantic=0.1)
    widower = make_person(
        needs=("bereavement",), goals="Mam died in the spring, he's stopped going to the club"
    )
    result = match(widower, [far_in_meaning, pride, outreach, bereavement], taxonomy=taxonomy, now=now)
    # what meets a need first; then what is near in meaning and made for anyone, saying so
    assert [m.name for m in result.matches] == ["Bereavement group", "Wellbeing outreach"]
    assert {"kind": "related"} in result.matches[1].reasons
    assert {"kind": "related"} not in result.matches[0].reasons
    # a full page has no room for them
    assert [
        m.name for m in match(widower, [outreach, bereavement], taxonomy=taxonomy, now=now, limit=1).matches
    ] == ["Bereavement group"]


def test_a_recovery_cafe_does_not_fill_a_short_list_for_someone_with_no_addiction(
    make_service, make_person, taxonomy, now
):
    cafe = make_service(
        name="Recovery Cafe",
        needs=["addiction_recovery", "loneliness"],
        description="Evening cafe for people in recovery from drugs or alcohol. Hot meal, peer support.",
        _semantic=0.4,
    )
    advice = make_service(name="Advice drop-in", needs=["welfare_benefits"], _semantic=0.3)
    mum = make_person(needs=("welfare_benefits",), goals="UC journal keeps saying she's missed something")
    assert [m.name for m in match(mum, [cafe, advice], taxonomy=taxonomy, now=now).matches] == [
        "Advice drop-in"
    ]
    drinker = make_person(needs=("addiction_recovery",), goals="drinking every night since he lost his job")
    assert "Recovery Cafe" in [
        m.name for m in match(drinker, [cafe, advice], taxonomy=taxonomy, now=now).matches
    ]


def test_a_communitys_own_club_does_not_fill_a_short_list_for_someone_outside_it(
    make_service, make_person, taxonomy, now
):
    club = make_service(
        name="Saturday Club",
        needs=["loneliness"],
        description="A social afternoon with advice about work and benefits. Polish speakers only.",
        _semantic=0.35,
    )
    words = "new in Stockport, asylum claim in, knows nobody"
    asylum_seeker = make_person(needs=("legal_advice",), goals=words + ", from Eritrea")
    assert match(asylum_seeker, [club], taxonomy=taxonomy, now=now).matches == []
    pole = make_person(needs=("legal_advice",), goals=words + ", from Poland")
    assert [m.name for m in match(pole, [club], taxonomy=taxonomy, now=now).matches] == ["Saturday Club"]


def test_a_group_that_names_the_persons_own_community_is_offered_whatever_its_tags(
    make_service, make_person, taxonomy, now
):
    whatsapp = make_service(
        name="Hong Kong Newcomers WhatsApp",
        needs=["language_integration"],
        description="WhatsApp group for Hongkongers in the county, meetups online.",
        delivery=["online"],
        _semantic=0.22,
    )
    shed = make_service(name="Men's Shed", needs=["loneliness"], _semantic=0.5)
    words = "family came over on BN(O) last year, dad withdrawn, they don't know anyone outside church"
    hongkonger = make_person(goals="HK " + words, needs=("loneliness",))
    assert {m.name for m in match(hongkonger, [whatsapp, shed], taxonomy=taxonomy, now=now).matches} == {
        "Hong Kong Newcomers WhatsApp",
        "Men's Shed",
    }
    # near in nothing but the community, it is not for someone the words do not place in it
    neighbour = make_person(goals="new to the area, " + words.split(", ", 1)[1], needs=("loneliness",))
    assert [m.name for m in match(neighbour, [whatsapp, shed], taxonomy=taxonomy, now=now).matches] == [
        "Men's Shed"
    ]


def test_a_need_met_only_where_step_free_access_is_unknown_is_said_for_a_wheelchair_user(
    make_service, make_person, taxonomy, now
):
    garden = make_service(name="Meadows garden", needs=["physical_activity"], wheelchair=None)
    person = make_person(needs=("physical_activity",), wheelchair=True)
    result = match(person, [garden], taxonomy=taxonomy, now=now)
    assert [m.name for m in result.matches] == ["Meadows garden"]
    (unmet,) = result.unmet_needs
    assert unmet.reason == (
        "no physical activity service known to be wheelchair accessible: "
        "Meadows garden has not recorded its access, so check"
    )
    by_phone_too = make_service(
        name="Advice drop-in", needs=["physical_activity"], wheelchair=None, delivery=["in_person", "phone"]
    )
    assert match(person, [by_phone_too], taxonomy=taxonomy, now=now).unmet_needs == []
    step_free = make_service(name="Park walks", needs=["physical_activity"], wheelchair=True, km=3.0)
    assert match(person, [garden, step_free], taxonomy=taxonomy, now=now).unmet_needs == []
    assert (
        match(make_person(needs=("physical_activity",)), [garden], taxonomy=taxonomy, now=now).unmet_needs
        == []
    )
