"""Reach through the whole app: postcodes loaded from a Code-Point Open file know their borough,
and the match API offers a borough's phone line only to the people it serves."""

from __future__ import annotations

import pytest

from directory_app import db
from directory_app.directory import geo
from directory_app.matchmaking import retrieval
from directory_app.search.indexing import wait_until_idle
from tests.conftest import PHONE_LINE

# Code-Point Open 2014 rows (codepoint_open_2014_regions), plus one Leeds postcode written the same way.
CODEPOINT = """postcode,outcode,positional_quality,easting,northing,latitude,longitude,country_code,admin_county_code,admin_district_code,admin_ward_code
M1 1AD,M1,10,383825,398598,53.483848,-2.245216,E92000001,,E08000003,E05000697
M33 7ZZ,M33,10,378595,392003,53.424382,-2.323576,E92000001,,E08000009,E05000833
LS1 4AP,LS1,10,429836,433456,53.797000,-1.547000,E92000001,,E08000035,E05001420
"""
MIND_LINE = dict(
    PHONE_LINE,
    name="Trafford Mind Listening Line",
    organization="Trafford Mind",
    needs="mental_wellbeing",
    description="A listening phone line for people feeling low.",
)


@pytest.fixture
def codepoint_postcodes(app, runner, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(CODEPOINT, encoding="utf-8")
    result = runner.invoke(args=["geo", "import-postcodes", str(path)])
    assert result.exit_code == 0, result.output
    assert "OS Code-Point Open" in result.output and "3 know their local authority" in result.output


def _names(client, token, postcode):
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={"needs": ["mental_wellbeing"], "postcode": postcode, "age": 40, "limit": 20},
    )
    assert response.status_code == 200, response.get_json()
    return [m["name"] for m in response.get_json()["matches"]]


def test_a_trafford_phone_line_is_offered_in_trafford_not_in_manchester(
    app, client, token_for, make_service, codepoint_postcodes
):
    make_service(**MIND_LINE, service_area="E08000009")
    make_service(
        **{**MIND_LINE, "name": "Samaritans", "organization": "Samaritans"}, service_area="E92000001"
    )
    # No area stated, a venue in Sale: read as Trafford's own line.
    make_service(**{**MIND_LINE, "name": "Sale Listening Line", "area_wide": "no", "postcode": "M33 7ZZ"})
    wait_until_idle(app)
    token = token_for("link_worker")

    manchester = _names(client, token, "M1 1AD")
    assert "Samaritans" in manchester
    assert "Trafford Mind Listening Line" not in manchester
    assert "Sale Listening Line" not in manchester
    assert set(_names(client, token, "M33 7ZZ")) >= {
        "Samaritans",
        "Trafford Mind Listening Line",
        "Sale Listening Line",
    }
    assert _names(client, token, "LS1 4AP") == ["Samaritans"]


def test_a_phone_line_whose_area_covers_manchester_is_offered_there(
    app, client, token_for, make_service, codepoint_postcodes
):
    make_service(**MIND_LINE, service_area="E08000009;E08000003")
    wait_until_idle(app)
    token = token_for("link_worker")
    assert "Trafford Mind Listening Line" in _names(client, token, "M1 1AD")
    assert "Trafford Mind Listening Line" not in _names(client, token, "LS1 4AP")


def test_a_line_from_a_venue_whose_postcode_we_do_not_hold_is_local_to_where_the_venue_is(
    app, client, token_for, make_service, codepoint_postcodes
):
    # Another region's feed: a Newcastle listening line with no area, its venue given by a point
    # and a postcode this installation does not hold. It is Newcastle's, not a national line.
    make_service(
        **{**MIND_LINE, "name": "Tyneside Listening Line", "area_wide": "no", "postcode": "NE1 4ST"},
        latitude=54.9738,
        longitude=-1.6131,
    )
    make_service(**{**MIND_LINE, "name": "Sale Listening Line", "area_wide": "no", "postcode": "M33 7ZZ"})
    wait_until_idle(app)
    token = token_for("link_worker")
    assert _names(client, token, "M33 7ZZ") == ["Sale Listening Line"]


def test_one_needs_many_lines_do_not_crowd_out_anothers_one_line(
    app, client, token_for, make_service, monkeypatch
):
    # a region's scale in miniature: fewer places per search than the one need has lines
    monkeypatch.setattr(retrieval, "NEEDS_LIMIT", 5)
    monkeypatch.setattr(retrieval, "REMOTE_LIMIT", 5)
    for n in range(12):
        make_service(
            **{
                **MIND_LINE,
                "name": f"Befriending Line {n}",
                "needs": "loneliness",
                "description": "A friendly phone call every week for people on their own.",
            },
            service_area="E92000001",
        )
    make_service(**{**MIND_LINE, "name": "Talking Therapies Line"}, service_area="E92000001")
    wait_until_idle(app)
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"needs": ["loneliness", "mental_wellbeing"], "postcode": "M33 7ZZ", "age": 40, "limit": 50},
    )
    assert response.status_code == 200, response.get_json()
    assert "Talking Therapies Line" in [m["name"] for m in response.get_json()["matches"]]


def _named_for(client, token, postcode, goals):
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={"needs": ["mental_wellbeing"], "goals": goals, "postcode": postcode, "age": 40, "limit": 20},
    )
    assert response.status_code == 200, response.get_json()
    return [m["name"] for m in response.get_json()["matches"]]


def test_a_new_installation_without_unit_postcodes_still_keeps_each_line_to_its_area(
    app, client, token_for, make_service
):
    # Bristol's lines in an installation that holds only Great Britain's postcode districts.
    with db.session_scope(app) as session:
        geo.import_gb_districts(session)
    make_service(**{**MIND_LINE, "name": "Bristol Listening Line"}, service_area="E06000023")
    make_service(**{**MIND_LINE, "name": "North Somerset Listening Line"}, service_area="E06000024")
    make_service(**{**MIND_LINE, "name": "South Glos Listening Line"}, service_area="E06000025")
    wait_until_idle(app)
    token = token_for("link_worker")
    # BS5 (Easton) is Bristol's alone.
    assert _named_for(client, token, "BS5 6AW", "feeling low") == ["Bristol Listening Line"]
    # BS15 is shared by Bristol and South Gloucestershire: either may be the person's, never North
    # Somerset's; where the words say Kingswood, South Gloucestershire's.
    shared = _named_for(client, token, "BS15 4AR", "feeling low")
    assert set(shared) == {"Bristol Listening Line", "South Glos Listening Line"}
    assert _named_for(client, token, "BS15 4AR", "feeling low, lives Kingswood") == [
        "South Glos Listening Line"
    ]


def test_a_village_the_words_name_places_a_person_known_only_by_their_postcode_district(
    app, client, token_for, make_service
):
    """PE15's centre is in March, 7 km from Manea: "79, Manea" puts the person in Manea, so Manea's
    own phone friends are hers; words naming somewhere else (a daughter ringing from Leeds) do not
    move her, and without the village she is not placed in it."""
    with db.session_scope(app) as session:
        geo.import_gb_districts(session)
    make_service(**{**MIND_LINE, "name": "Manea Phone Friends"}, residency=["Manea (Fenland)"])
    wait_until_idle(app)
    token = token_for("link_worker")
    assert _named_for(client, token, "PE15 0JH", "Daughter rang from Leeds re her mum, 79, Manea. Low.") == [
        "Manea Phone Friends"
    ]
    assert _named_for(client, token, "PE15 0JH", "Daughter rang from Leeds re her mum, 79. Low.") == []


def test_the_neighbourhood_a_person_names_keeps_them_out_of_the_one_next_door(
    app, client, token_for, make_service
):
    """Horfield's centre is 1.3 km from Southmead's, inside the circle drawn for Horfield: a man who
    says he lives in Southmead is offered Southmead's group, not Horfield's, and the other way round."""
    with db.session_scope(app) as session:
        geo.import_gb_districts(session)
    for place in ("Southmead", "Horfield"):
        make_service(**{**MIND_LINE, "name": f"{place} Listening Group"}, residency=[f"{place} (Bristol)"])
    wait_until_idle(app)
    token = token_for("link_worker")
    assert _named_for(client, token, "BS10 5PY", "64, widower, Southmead. Low.") == [
        "Southmead Listening Group"
    ]
    assert _named_for(client, token, "BS10 5PY", "64, widower, lives in Horfield. Low.") == [
        "Horfield Listening Group"
    ]


def test_a_venue_in_the_former_district_it_serves_is_held_to_the_persons_distance(
    app, client, token_for, make_service
):
    """A warm space at Shap for Eden's people: Shap's postcode is not held, so the venue takes the
    authority of the nearest LSOA (Westmorland and Furness), and its postcode district says it is
    in Eden, so it is a venue people travel to, not an office: 26 km is too far for an Alston man
    who will go 10."""
    with db.session_scope(app) as session:
        geo.import_gb_districts(session)
    make_service(
        name="Eden Valley Warm Hub",
        description="Warm space: soup, newspapers, phone charging. For Eden residents.",
        needs="loneliness",
        postcode="CA10 3NQ",
        area_wide="yes",
        residency=["Eden"],
        minimum_age=None,
    )
    wait_until_idle(app)
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"needs": ["loneliness"], "postcode": "CA9 3RF", "max_distance_km": 10},
    )
    assert response.status_code == 200, response.get_json()
    assert [m["name"] for m in response.get_json()["matches"]] == []
    assert response.get_json()["excluded"] == {"further than 10 km": 1}


def test_a_venue_over_the_persons_border_says_where_it_is_and_ranks_as_further(
    app, client, token_for, make_service
):
    """A man in Wallasey, on the Wirral: a lunch club across the Mersey in Liverpool city centre is
    a little nearer than one in Oxton, but it is another borough's; it is still offered, below, with
    the borough it is in said beside its distance."""
    with db.session_scope(app) as session:
        geo.import_gb_districts(session)
    for name, postcode in (("City Centre Lunch Club", "L2 2DP"), ("Oxton Lunch Club", "CH43 5SE")):
        make_service(name=name, description="Lunch and company.", needs="loneliness", postcode=postcode)
    wait_until_idle(app)
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token_for('link_worker')}"},
        json={"needs": ["loneliness"], "postcode": "CH44 5TN"},
    )
    assert response.status_code == 200, response.get_json()
    matches = {m["name"]: m for m in response.get_json()["matches"]}
    assert list(matches) == ["Oxton Lunch Club", "City Centre Lunch Club"]
    over, home = (
        [r for r in matches[name]["reasons"] if r["kind"] == "distance"][0]
        for name in ("City Centre Lunch Club", "Oxton Lunch Club")
    )
    assert over["km"] < home["km"]
    assert over["authority"] == "E08000012" and over["text"] == f"{over['km']:.1f} km away, in Liverpool"
    assert "authority" not in home and home["text"] == f"{home['km']:.1f} km away"


def _money_match_in_pl2(client, token) -> dict:
    response = client.post(
        "/api/v1/match",
        headers={"Authorization": f"Bearer {token}"},
        json={"needs": ["money_debt"], "postcode": "PL2 7BJ", "age": 52},
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_a_line_for_a_neighbouring_authority_is_a_named_check_at_a_postcode_mostly_outside_it(
    app, client, token_for, make_service
):
    """A PL2 postcode the installation does not hold: the district is 91% Plymouth, the rest read as
    Cornwall's. A Cornwall residents' money line is not listed; the money need is said unmet with it
    named, for the link worker to check where the person lives."""
    with db.session_scope(app) as session:
        geo.import_districts(session, [("PL2", 50.388, -4.153)])
    make_service(
        **{
            **PHONE_LINE,
            "name": "Cornwall Money Advice Line",
            "organization": "Cornwall Money Advice",
            "needs": "money_debt",
            "description": "Free debt and money advice by phone for Cornwall residents only.",
        },
        service_area="E06000052",
    )
    wait_until_idle(app)
    result = _money_match_in_pl2(client, token_for("link_worker"))
    assert result["matches"] == []
    [unmet] = [u for u in result["unmet_needs"] if u["need"] == "money_debt"]
    assert "Cornwall Money Advice Line is for another area's residents" in unmet["reason"]


def test_a_venue_whose_record_says_who_may_come_is_a_check_at_a_postcode_mostly_outside_it(
    app, client, token_for, make_service
):
    """Across the Tamar from PL2 (91% Plymouth): a Torpoint money drop-in "for Cornwall residents
    only" is not listed; one whose record only has Cornwall stamped as its area is judged by its
    distance, as a council stamped on a feed's venue says where it is more than who may come."""
    with db.session_scope(app) as session:
        geo.import_districts(session, [("PL2", 50.388, -4.153), ("PL11", 50.376, -4.230)])
    for name, words in [
        ("Torpoint Money Drop-in", "Money and debt advice at the library. For Cornwall residents only."),
        ("Torpoint Debt Clinic", "Money and debt advice at the community hall."),
    ]:
        make_service(
            name=name,
            organization="Tamar Money Advice",
            needs="money_debt",
            description=words,
            postcode="PL11 2AA",
            minimum_age=None,
            service_area="E06000052",
        )
    wait_until_idle(app)
    assert [m["name"] for m in _money_match_in_pl2(client, token_for("link_worker"))["matches"]] == [
        "Torpoint Debt Clinic"
    ]
