"""Where a person's words say they live, as a link worker types it."""

from __future__ import annotations

import pytest

from matching.home_place import home_names, outside_neighbourhoods
from matching.service import OUTSIDE, in_area, read_area
from tests.matching.conftest import oruk_record


@pytest.mark.parametrize(
    "words, named",
    [
        ("Receptionist note: Mr B, 84, Histon, lives alone. Macular.", "Histon"),
        ("Would like to talk to other women going through it. Lives Ely.", "Ely"),
        ("FTM, baby 10wks, moved to St Neots from London in summer", "St Neots"),
        ("Irish Traveller, on the site nr Cottenham. 4 kids", "Cottenham"),
        ("Littlehampton lady, 50s, wants to get walking", "Littlehampton"),
    ],
)
def test_the_place_a_person_lives_is_read_from_shorthand(words, named):
    assert named in home_names(words)


@pytest.mark.parametrize(
    "words, elsewhere",
    [
        ("Daughter rang from Leeds re her mum, 79, Manea.", "Leeds"),
        ("Latvian man, forklift driver at a warehouse, works in March.", "March"),
        ("moved to St Neots from London in summer", "London"),
    ],
)
def test_a_place_named_as_somewhere_else_is_not_where_they_live(words, elsewhere):
    assert elsewhere not in home_names(words)


BRISTOL = "E06000023"


def test_a_named_neighbourhood_puts_the_person_outside_the_ones_beside_it(reader):
    """The Southmead man is not one of "men in Lockleaze and Horfield", though Horfield's centre is
    1.3 km from Southmead's and its circle reaches him; a part of his own ward's name is still his."""
    areas = reader.areas
    southmead = areas.place(BRISTOL, "Southmead")
    outside = outside_neighbourhoods([southmead], areas.neighbourhoods(BRISTOL))
    names = {place.name for place in outside}
    assert "Horfield" in names and "Southmead" not in names
    shed = reader.understand(
        oruk_record("Men's shed for men in Lockleaze and Horfield. We do woodwork and fix bikes.")
    ).summary()["residency"]
    at_home = (southmead.lat, southmead.lng)
    assert in_area(read_area(shed), [BRISTOL, "BS10"], at_home) is True  # the circle alone
    told = [BRISTOL, "BS10", *(f"{OUTSIDE}{p.la}:{p.name}" for p in outside)]
    assert in_area(read_area(shed), told, at_home) is False


def test_a_town_is_not_a_neighbourhood_its_people_are_put_outside_of(reader):
    areas = reader.areas
    arun = "E07000224"
    assert not areas.is_neighbourhood(arun, "Littlehampton")  # a town of several wards
    assert not areas.is_neighbourhood(BRISTOL, "Bristol")
    rustington = areas.place(arun, "Rustington")
    outside = outside_neighbourhoods([rustington], areas.neighbourhoods(arun))
    assert "Littlehampton" not in {place.name for place in outside}
