"""Ticking a person's situation on the match page: it opens services restricted to it, as the
API's ``situations`` do, is kept in the form, said back beside what the words opened, and stored
nowhere."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from directory_app import db
from directory_app.models import MatchDemand
from directory_app.search.indexing import wait_until_idle
from matching import situations
from tests.conftest import csrf_token

# Nothing in these words says the person is widowed.
LONELY = "feels very low and lonely, hardly goes out any more"


@pytest.fixture
def widowed_group(app, make_service):
    service_id = make_service(
        name="Sale Widows and Widowers Group",
        minimum_age=18,
        cost="free",
        cost_amount=None,
        cost_description=None,
        schedule="WE 13:00-15:00",
        needs="bereavement;loneliness",
        description="A friendly support group for people who have lost a husband, wife or partner.",
    )
    wait_until_idle(app)
    return service_id


def submit(client, fields: dict):
    return client.post("/match", data={**fields, "csrf_token": csrf_token(client, "/match")})


def page_text(response) -> str:
    return unescape(response.get_data(as_text=True))


def shown(page: str, service_id: str) -> bool:
    return f'id="match-{service_id}"' in page


def test_the_situations_are_offered_folded_away_in_groups(client, login_as):
    login_as("link_worker")
    page = page_text(client.get("/match"))
    details = re.search(r'<details[^>]*id="situations"[^>]*>', page)
    assert details and " open" not in details.group(0)
    assert "Their situation (optional)" in page
    for heading in (
        "Bereavement",
        "Health or disability",
        "Life circumstances",
        "Money and work",
        "Community, faith or language",
    ):
        assert f'nhsuk-fieldset__legend--s">{heading}</legend>' in page
    assert re.search(r'value="widowed"[^>]*>\s*<label[^>]*>Widowed people</label>', page)
    assert re.search(r'value="stroke"[^>]*>\s*<label[^>]*>Stroke survivors</label>', page)
    # Deaf BSL users, and people seeking asylum, are ticked under circumstances already: not offered twice.
    assert 'value="bsl_users"' not in page and 'value="deaf_bsl"' in page
    assert 'value="seeking_asylum"' not in page and 'value="refugees"' in page
    # every other situation a service can be restricted to can be ticked, once
    for situation in situations.SITUATIONS:
        if situation.ticked is None:
            assert len(re.findall(rf'name="situations" [^>]*value="{situation.code}"', page)) == 1, (
                situation.code
            )


def test_a_ticked_situation_opens_a_service_only_for_it(client, login_as, widowed_group):
    login_as("link_worker")
    form = {"goals": LONELY, "postcode": "M33 7ZZ", "age": "70", "needs": "bereavement"}

    unticked = page_text(submit(client, form))
    assert not shown(unticked, widowed_group)
    assert "Only for widowed people: 1" in unticked

    response = submit(client, {**form, "situations": "widowed"})
    ticked = page_text(response)
    assert response.status_code == 200
    assert shown(ticked, widowed_group)
    assert "As ticked, services only for widowed people are included." in ticked
    assert "From the words" not in ticked
    # Kept in the form, its group open, and carried by "Add to plan".
    assert 'id="situations-widowed" name="situations" type="checkbox" value="widowed" checked' in ticked
    assert re.search(r'<details[^>]*id="situations" open>', ticked)
    assert "Their situation (optional): 1 chosen" in ticked
    assert '<input type="hidden" name="situations" value="widowed">' in ticked


def test_ticked_and_worded_situations_are_said_apart(client, login_as, widowed_group):
    login_as("link_worker")
    page = page_text(
        submit(
            client,
            {
                "goals": "hardly leaves the house since his wife died",
                "postcode": "M33 7ZZ",
                "situations": "stroke",
            },
        )
    )
    assert shown(page, widowed_group)
    assert "As ticked, services only for stroke survivors are included." in page
    assert "From the words, services only for widowed people (“wife died”) are included." in page
    # Ticked as well as worded: said once, as ticked.
    both = page_text(
        submit(
            client,
            {
                "goals": "hardly leaves the house since his wife died",
                "postcode": "M33 7ZZ",
                "situations": "widowed",
            },
        )
    )
    assert "As ticked, services only for widowed people are included." in both
    assert "From the words" not in both


def test_an_unknown_situation_posted_by_hand_is_a_clear_error(client, login_as, places):
    login_as("link_worker")
    response = submit(client, {"goals": LONELY, "situations": ["widowed", "martians"]})
    page = page_text(response)
    assert response.status_code == 400
    assert "There is a problem" in page
    link = re.search(r'<a href="#situations-[a-z_]+">([^<]*)</a>', page)
    assert link and "martians" in link.group(1) and "situation" in link.group(1).lower()
    assert 'id="situations-error"' in page
    assert re.search(r'<details[^>]*id="situations" open>', page)
    anchor = link.group(0).split('"')[1][1:]
    assert f'id="{anchor}"' in page
    assert 'value="widowed" checked' in page


def test_ticked_situations_are_not_stored(app, client, login_as, widowed_group):
    login_as("link_worker")
    response = submit(
        client,
        {
            "goals": LONELY,
            "postcode": "M33 7ZZ",
            "needs": "bereavement",
            "situations": ["widowed", "care_leavers"],
        },
    )
    assert response.status_code == 200
    with db.session_scope(app) as session:
        demand = session.exec(select(MatchDemand)).all()
        assert [row.need for row in demand] == ["bereavement"]
        assert "widowed" not in " ".join(str(row.model_dump()) for row in demand)
        found = []
        for table in inspect(session.get_bind()).get_table_names():
            rows = session.execute(text(f'SELECT * FROM "{table}"')).all()
            dump = " ".join(str(value) for row in rows for value in row).lower()
            found += [(table, word) for word in ("care_leavers", "care leavers") if word in dump]
        assert not found, found


def test_a_group_the_words_state_is_said_with_the_box_that_opens_its_services(client, login_as, places):
    """A veterans' club is only for veterans: the words "served in the army" do not open it
    (a tick does), but the page says what the words said and which box to tick, not nothing.
    Caring today opens carers' services by itself, so it is not pressed on the link worker."""
    login_as("link_worker")
    form = {
        "goals": "served in the army for twenty years, struggles with crowds, hardly goes out",
        "postcode": "M33 7ZZ",
    }
    page = page_text(submit(client, form))
    assert "services only for veterans are included once you" in page
    assert '<a href="#circumstances-veterans">tick Veterans</a>' in page
    assert 'id="circumstances-veterans"' in page
    ticked = page_text(submit(client, {**form, "circumstances": "veterans"}))
    assert "services only for veterans are included once you" not in ticked
    # Gender read from a pronoun is not pressed on the link worker, nor is caring today.
    assert "services only for women" not in page
    carer = page_text(
        submit(client, {**form, "goals": "looks after her husband who has dementia, exhausted"})
    )
    assert "services only for carers are included once you" not in carer


def test_a_wheelchair_in_the_words_leaves_out_a_venue_with_steps_and_says_so(
    client, login_as, make_service, app
):
    """The link worker did not tick "Needs wheelchair access", but the person's words say she uses a
    wheelchair: the lunch club up a flight of stairs is left out, and the page says why, so a wrong
    reading can be seen and the box ticked or the words changed."""
    upstairs = make_service(
        name="Upstairs Lunch Club",
        wheelchair="no",
        needs="loneliness",
        description="A hot lunch and company on the first floor; there is no lift.",
    )
    step_free = make_service(name="Ground Floor Lunch Club", wheelchair="yes", needs="loneliness")
    wait_until_idle(app)
    login_as("link_worker")
    form = {
        "goals": "81, in a wheelchair since her hip op, lonely, wants a dinner out",
        "postcode": "M33 7ZZ",
    }
    page = page_text(submit(client, form))
    assert shown(page, step_free) and not shown(page, upstairs)
    assert (
        "The words say “wheelchair”: venues whose record says they have no step-free way in are left out"
        in page
    )
    walking = page_text(submit(client, {**form, "goals": "81, walks fine, lonely, wants a dinner out"}))
    assert shown(walking, upstairs) and "no step-free way in" not in walking
    ticked = page_text(submit(client, {**form, "wheelchair": "true"}))
    assert not shown(ticked, upstairs) and "no step-free way in" not in ticked
