import pytest

from matching import Constraints, Profile, ProfileError


def test_form_input_becomes_a_profile(taxonomy):
    profile = Profile.from_dict(
        {
            "goals": "  wants company ",
            "needs": "loneliness, bereavement",
            "lat": "53.42",
            "lng": "-2.32",
            "age": "72",
            "free_only": "on",
            "wheelchair": "0",
            "days": "tu,TH",
            "delivery": "in_person",
            "max_distance_km": "5",
            "circumstances": ["carers"],
            "areas": "E08000009, m33",
            "csrf_token": "ignored",
        },
        taxonomy,
    )
    assert profile.goals == "wants company"
    assert profile.needs == ("loneliness", "bereavement")
    assert (profile.lat, profile.lng, profile.age) == (53.42, -2.32, 72)
    assert profile.constraints == Constraints(
        free_only=True, wheelchair=False, days=("TU", "TH"), delivery="in_person", max_distance_km=5.0
    )
    assert profile.areas == ("E08000009", "M33")
    assert profile.circumstances == ("carers",)


def test_nested_constraints_and_defaults():
    profile = Profile.from_dict({"constraints": {"days": ["SU", "MO"], "free_only": True}})
    assert profile.constraints.days == ("MO", "SU")
    assert profile.constraints.free_only is True
    assert profile.constraints.delivery == "online_ok"
    assert profile.constraints.max_distance_km is None
    assert Profile().constraints == Constraints()


def test_every_bad_field_gets_its_own_message(taxonomy):
    with pytest.raises(ProfileError) as caught:
        Profile.from_dict(
            {
                "needs": ["loneliness", "astrology"],
                "age": "130",
                "days": "TU,XX",
                "delivery": "bus",
                "max_distance_km": "0",
                "lat": "95",
                "lng": "-2.3",
                "free_only": "maybe",
                "circumstances": ["pirates"],
            },
            taxonomy,
        )
    fields = caught.value.fields
    assert set(fields) == {
        "needs",
        "age",
        "days",
        "delivery",
        "max_distance_km",
        "lat",
        "free_only",
        "circumstances",
    }
    assert "astrology" in fields["needs"]
    assert "0 and 120" in fields["age"]
    assert "XX" in fields["days"]
    assert "more than 0" in fields["max_distance_km"]
    assert "-90" in fields["lat"]


@pytest.mark.parametrize(
    "data, field",
    [
        ({"age": "-1"}, "age"),
        ({"age": "7.5"}, "age"),
        ({"age": True}, "age"),
        ({"lat": "53.4"}, "lng"),
        ({"lat": "53.4", "lng": "200"}, "lng"),
        ({"lat": "nan", "lng": "1"}, "lat"),
        ({"max_distance_km": "-3", "lat": 53, "lng": -2}, "max_distance_km"),
        ({"max_distance_km": "5"}, "max_distance_km"),  # no location to measure from
        ({"days": ["MONDAY"]}, "days"),
        ({"needs": 5}, "needs"),
    ],
)
def test_single_bad_fields(data, field):
    with pytest.raises(ProfileError) as caught:
        Profile.from_dict(data)
    assert list(caught.value.fields) == [field]


def test_unknown_need_codes_pass_without_a_taxonomy():
    assert Profile.from_dict({"needs": ["astrology"]}).needs == ("astrology",)


def test_round_trip_through_dict(taxonomy):
    profile = Profile.from_dict(
        {"needs": ["loneliness"], "lat": 53.4, "lng": -2.3, "days": "MO", "max_distance_km": 3}, taxonomy
    )
    assert Profile.from_dict(profile.to_dict(), taxonomy) == profile
