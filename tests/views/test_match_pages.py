"""The link worker's match page through the Flask test client."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from directory_app import db
from directory_app.models import MatchDemand
from directory_app.search.indexing import wait_until_idle
from tests.conftest import PHONE_LINE, csrf_token, search_down

GOALS = "hardly leaves the house since his wife died"


@pytest.fixture
def directory(app, make_service):
    ids = {
        "lunch": make_service(needs="loneliness;older_people", wait_weeks=6),
        "bereavement": make_service(
            name="Sale Bereavement Support",
            minimum_age=18,
            cost="free",
            cost_amount=None,
            cost_description=None,
            schedule="WE 13:00-15:00",
            needs="bereavement",
            description="Support group for people who have lost a husband, wife or partner.",
            last_verified_at=(date.today() - timedelta(days=430)).isoformat(),
        ),
        "far_debt": make_service(
            name="Altrincham Debt Advice",
            postcode="WA14 1PF",
            minimum_age=18,
            cost="free",
            schedule="FR 09:00-17:00",
            needs="money_debt",
            description="Free advice on debts, bailiffs and budgeting.",
        ),
        "phone_debt": make_service(
            name="National Debtline",
            **PHONE_LINE,
            needs="money_debt",
            description="Free confidential debt advice by phone.",
        ),
    }
    wait_until_idle(app)
    return ids


def submit(client, fields: dict):
    """Post the match form as a browser would (with its CSRF token)."""
    return client.post("/match", data={**fields, "csrf_token": csrf_token(client, "/match")})


def page_text(response) -> str:
    return unescape(response.get_data(as_text=True))


def card_of(page: str, service_id: str) -> str:
    start = page.index(f'id="match-{service_id}"')
    end = page.find('class="app-result app-match"', start)
    return page[start : end if end != -1 else None]


def test_form_asks_what_matters_without_results(client, login_as):
    login_as("link_worker")
    response = client.get("/match")
    page = page_text(response)
    assert response.status_code == 200
    assert "What matters to the person?" in page
    assert "Do not include names or other personal details." in page
    assert 'name="needs" type="checkbox" value="loneliness"' in page
    assert 'name="circumstances" type="checkbox" value="carers"' in page
    assert 'name="delivery" type="radio" value="online_only"' in page
    assert 'method="post"' in page and "services that may fit" not in page
    assert 'href="/match"' in page  # the nav link


def test_results_explain_themselves_with_reasons_and_warnings(client, login_as, directory):
    login_as("link_worker")
    response = submit(
        client,
        {"goals": GOALS, "postcode": "M33 7ZZ", "age": "78", "delivery": "online_ok", "max_distance_km": "5"},
    )
    page = page_text(response)
    assert response.status_code == 200, page
    assert "services that may fit" in page
    assert "We think these needs fit what you wrote:" in page and "Bereavement" in page
    assert "Distances are from M33 7ZZ." in page
    lunch = card_of(page, directory["lunch"])
    assert f'href="/services/{directory["lunch"]}"' in lunch
    assert re.search(r"\d+ m away|\d\.\d km away", lunch)
    assert "Tue, Thu 11:30–13:30" in lunch and "Meets: loneliness" in lunch
    assert "Waiting list about 6 weeks" in lunch and "Check before referring" in lunch
    grief = card_of(page, directory["bereavement"])
    assert "Last checked 14 months ago" in grief and "Free" in grief
    # The group is for widowed people (its record says so); the words say he is one, and why.
    assert "For widowed people" in grief
    assert "services only for widowed people (“wife died”) are included" in page
    # "Add to plan" re-posts this very form (never a URL holding the person's words).
    assert f'action="/match#match-{directory["lunch"]}"' in lunch and "Add to plan" in lunch
    assert f'name="add" value="{directory["lunch"]}"' in lunch
    assert f'name="goals" value="{GOALS}"' in lunch
    assert "goals=" not in page


def test_add_to_plan_returns_to_the_results_and_offers_the_print_view(client, login_as, directory):
    login_as("link_worker")
    query = {"goals": GOALS, "postcode": "M33 7ZZ", "age": "78"}
    page = page_text(submit(client, query))
    with db.session_scope(client.application) as session:
        counted = len(session.exec(select(MatchDemand)).all())
    page = page_text(submit(client, {**query, "add": directory["lunch"]}))
    assert "In the plan" in card_of(page, directory["lunch"])
    with db.session_scope(client.application) as session:
        assert len(session.exec(select(MatchDemand)).all()) == counted  # adding is not a new request
    assert 'href="/shortlist/print">Print the plan' in page
    assert "Sale Lunch Club" in page_text(client.get("/shortlist/print"))


def test_unmet_need_is_said_plainly_with_the_nearest_distance(client, login_as, directory):
    login_as("link_worker")
    response = submit(
        client,
        {
            "goals": "can't pay the bailiffs",
            "needs": "money_debt",
            "postcode": "M33 7ZZ",
            "age": "40",
            "delivery": "in_person",
            "max_distance_km": "2",
        },
    )
    page = page_text(response)
    assert response.status_code == 200, page
    assert "No services fit" in page
    assert "Needs used: <strong>Money and debt</strong>." in page
    sentence = re.search(
        r"No in-person money and debt service within 2 km; nearest is (\d+\.\d) km away\.", page
    )
    assert sentence, page[page.find("nhsuk-warning-callout") :][:800]
    assert 3.5 <= float(sentence.group(1)) <= 5.5
    assert f'href="/services/{directory["far_debt"]}">See the nearest: Altrincham Debt Advice' in page


def test_unmet_need_names_nearest_and_remote_alternatives(client, login_as, directory):
    login_as("link_worker")
    page = page_text(
        submit(
            client,
            {
                "needs": "money_debt",
                "postcode": "M33 7ZZ",
                "age": "40",
                "max_distance_km": "2",
                "delivery": "in_person",
            },
        )
    )
    assert (
        "No in-person money and debt service within 2 km; nearest is 4.5 km away. "
        "Phone service available: National Debtline."
    ) in page
    assert "See the nearest: Altrincham Debt Advice (4.5 km)" in page


@pytest.mark.parametrize(
    "query, field, anchor",
    [
        ({"goals": "lonely", "postcode": "NOT A POSTCODE"}, "postcode", "#postcode"),
        ({"goals": "lonely", "postcode": "ZZ9 9ZZ"}, "postcode", "#postcode"),
        ({"goals": "lonely", "age": "two hundred"}, "age", "#age"),
        ({"postcode": "M33 7ZZ"}, "goals", "#goals"),
    ],
)
def test_invalid_input_gives_400_naming_the_field_and_keeps_values(
    client, login_as, places, query, field, anchor
):
    login_as("link_worker")
    response = submit(client, {**query, "free_only": "true", "days": "TU"})
    page = page_text(response)
    assert response.status_code == 400
    assert "There is a problem" in page and "<title>Error:" in page
    assert f'<a href="{anchor}">' in page
    assert f'id="{field}-error"' in page and "nhsuk-form-group--error" in page
    if "goals" in query:
        assert ">lonely</textarea>" in page
    assert 'id="free_only" name="free_only" type="checkbox" value="true" checked' in page
    assert 'value="TU" checked' in page


def test_bad_postcode_message_is_a_sentence_with_the_field(client, login_as, places):
    login_as("link_worker")
    page = page_text(submit(client, {"goals": "lonely", "postcode": "banana"}))
    assert '<a href="#postcode">Enter a full UK postcode such as M33 7ZZ' in page
    page = page_text(submit(client, {"goals": "lonely", "age": "-3"}))
    assert '<a href="#age">Age: Enter a number from 0 to 120.</a>' in page


def test_only_link_workers_can_match(client, login_as):
    response = client.get("/match")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    login_as("navigator")
    assert client.get("/match").status_code == 403
    assert 'href="/match"' not in page_text(client.get("/"))


def test_nothing_about_the_person_is_stored_except_demand_counts(app, client, login_as, directory):
    login_as("link_worker")
    goals = "Mr Zebedee Quill hardly leaves the house since his wife died"
    response = submit(client, {"goals": goals, "postcode": "M33 7ZZ", "age": "78"})
    assert response.status_code == 200
    with db.session_scope(app) as session:
        demand = session.exec(select(MatchDemand)).all()
        assert demand and {row.district for row in demand} == {"M33"}
        assert {"loneliness", "bereavement"} <= {row.need for row in demand}
        engine = session.get_bind()
        found = []
        for table in inspect(engine).get_table_names():
            rows = session.execute(text(f'SELECT * FROM "{table}"')).all()
            dump = " ".join(str(value) for row in rows for value in row).lower()
            found += [
                (table, secret) for secret in ("zebedee", "hardly leaves", "wife died") if secret in dump
            ]
        assert not found, found
        assert "7ZZ" not in " ".join(str(row.model_dump()) for row in demand)


def test_search_down_gives_the_503_page(app, client, login_as, places):
    login_as("link_worker")
    search_down(app)
    response = submit(client, {"goals": "lonely", "postcode": "M33 7ZZ"})
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "Temporarily unavailable" in page_text(response)


def test_refer_opens_the_referral_form_with_the_service_and_needs_ticked(client, login_as, directory):
    login_as("link_worker")
    page = page_text(submit(client, {"goals": GOALS, "postcode": "M33 7ZZ", "age": "78"}))
    grief = card_of(page, directory["bereavement"])
    link = re.search(r'<a href="(/referrals/new\?[^"]+)">Refer<', grief)
    assert link, grief
    assert GOALS.split()[0] not in link.group(1)  # the person's words never go in the link
    form = page_text(client.get(link.group(1)))
    assert re.search(rf'value="{directory["bereavement"]}" checked', form)
    assert re.search(r'value="bereavement" checked', form)
    assert len(re.findall(r'type="checkbox"[^>]*checked', form)) == 1
    # Unknown need codes in the link are ignored, not errors.
    assert client.get(f"/referrals/new?service_id={directory['lunch']}&need=nonsense").status_code == 200


def card_named(page: str, name: str) -> str:
    start = page.rindex('class="app-result app-match"', 0, page.index(f">{name}</a>"))
    end = page.find('class="app-result app-match"', start + 1)
    return page[start : end if end != -1 else None]


def test_freshness_and_unrecorded_details_only_warn_when_they_matter(
    client, login_as, directory, make_service
):
    make_service(
        name="Sale Old Friends",
        needs="loneliness",
        cost=None,
        cost_amount=None,
        cost_description=None,
        last_verified_at=(date.today() - timedelta(days=900)).isoformat(),
    )
    wait_until_idle(client.application)
    login_as("link_worker")
    page = page_text(submit(client, {"goals": GOALS, "postcode": "M33 7ZZ", "age": "78"}))
    grief = card_of(page, directory["bereavement"])
    # 14 months: a quiet note, not the yellow "check before referring" box.
    assert "app-freshness--quiet" in grief and "Check before referring" not in grief
    old = card_named(page, "Sale Old Friends")
    # Over two years: the yellow box, which now holds only what needs checking.
    box = old[old.index("Check before referring") :]
    assert "Last checked 2 years ago" in box and "check the details before referring" in box
    assert "Cost not recorded" in old and "Cost not recorded" not in box  # cost was not asked about
    assert "not recorded its cost" not in page

    free = page_text(
        submit(client, {"goals": GOALS, "postcode": "M33 7ZZ", "age": "78", "free_only": "true"})
    )
    assert "1 of these services has not recorded its cost. It may fit, so it is included and marked" in free
    old = card_named(free, "Sale Old Friends")
    assert "Cost not recorded" in old[old.index("Check before referring") :]  # asked about: checked first
