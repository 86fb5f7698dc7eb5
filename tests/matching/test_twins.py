"""A service two publishers list (an open duplicate flag) is held to what either listing says about
who may use it."""

from __future__ import annotations

from matching import match

SALFORD, BOLTON = "E08000006", "E08000001"
IN_BOLTON = (BOLTON, "BL3")


def test_a_thin_copy_does_not_slip_past_the_limit_its_fuller_twin_states(
    make_service, make_person, taxonomy, now
):
    full = make_service(
        km=5.5,
        needs=["food"],
        name="Little Hulton Community Pantry",
        description="Must live in Little Hulton or Walkden.",
        residency=[SALFORD],
        residency_said=True,
    )
    thin = make_service(km=5.5, needs=["food"], name="LH Community Pantry", description="Local residents.")
    elsewhere = make_service(km=0.7, needs=["food"], name="Bolton Food Bank")
    person = make_person(needs=("food",), areas=IN_BOLTON)

    apart = match(person, [full, thin, elsewhere], taxonomy=taxonomy, now=now)
    assert [m.name for m in apart.matches] == ["Bolton Food Bank", "LH Community Pantry"]

    full["twins"], thin["twins"] = [thin["id"]], [full["id"]]
    joined = match(person, [full, thin, elsewhere], taxonomy=taxonomy, now=now)
    assert [m.name for m in joined.matches] == ["Bolton Food Bank"]
    assert any("as its other listing says" in reason for reason in joined.excluded)


def test_one_service_listed_once_per_locality_reaches_each_locality(make_service, make_person, taxonomy, now):
    """A trust's list gives one phone service twice, stamped with two localities: each listing's
    area is where it serves, as its venue would be, not a limit on the other."""
    south = make_service(
        km=None, needs=["bereavement"], delivery=["phone"], residency=[BOLTON], name="Amparo"
    )
    north = make_service(
        km=None, needs=["bereavement"], delivery=["phone"], residency=[SALFORD], name="Amparo (North)"
    )
    south["twins"], north["twins"] = [north["id"]], [south["id"]]
    result = match(
        make_person(needs=("bereavement",), areas=IN_BOLTON), [south, north], taxonomy=taxonomy, now=now
    )
    assert [m.name for m in result.matches] == ["Amparo"]


def test_a_twin_fetched_only_for_its_limits_is_never_offered(make_service, make_person, taxonomy, now):
    thin = make_service(km=1.0, name="Carers' Lunch", description="Lunch.")
    carers_only = make_service(km=1.0, name="Carers' Lunch Club", eligibility=["carers"], _twin_only=True)
    general = make_service(km=2.0, name="Lunch club for all", _twin_only=True)
    thin["twins"], carers_only["twins"] = [carers_only["id"]], [thin["id"]]
    result = match(
        make_person(needs=("loneliness",)), [thin, carers_only, general], taxonomy=taxonomy, now=now
    )
    assert result.matches == []
    assert result.excluded == {"only for carers (as its other listing says)": 1}
