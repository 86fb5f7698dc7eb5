"""What `make run`'s installation knows of where people live: every unit postcode of Greater
Manchester and of the North East, so a person there is placed at their street, with its authority
and ward, even in a district that two authorities share."""

from __future__ import annotations

import pytest

from directory_app import db
from directory_app.directory import geo
from tests.conftest import fresh_app


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("seed-geography")
    with fresh_app(
        tmp, meili, postgres_url or f"sqlite:///{tmp / 'test.db'}", seeded=True, search_index="memory"
    ) as app:
        yield app


@pytest.mark.parametrize(
    ("postcode", "authority"),
    [
        # NE42 is Prudhoe's, in Northumberland, and a corner of Gateshead by Crawcrook
        ("NE42 6AA", "E06000057"),
        ("NE42 5NL", "E08000037"),
        ("SR1 1AE", "E08000024"),  # Sunderland
        ("TS24 0AB", "E06000001"),  # Hartlepool
        ("OL16 1AA", "E08000005"),  # Rochdale
    ],
)
def test_a_person_in_the_north_east_or_greater_manchester_is_placed_at_their_street(
    seeded, postcode, authority
):
    with db.session_scope(seeded) as session:
        place = geo.lookup(session, postcode)
    assert not place.approximate
    assert place.la_code == authority
    assert place.ward_code is not None
    assert place.possible_la_codes == ()


def test_elsewhere_a_person_is_placed_at_their_district(seeded):
    with db.session_scope(seeded) as session:
        place = geo.lookup(session, "L8 2TL")
    assert place.approximate
    assert place.la_code == "E08000012"  # Liverpool, from the district's LSOAs
