"""Where a person's words say they live, as a link worker types it."""

from __future__ import annotations

import pytest

from matching.home_place import home_names


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
