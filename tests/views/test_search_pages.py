"""The search, detail and shortlist pages through the Flask test client."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from directory_app.search import indexing
from tests.conftest import csrf_token, once_in_postgresql_half

# Pages read the same on either database: make test runs these in its PostgreSQL half, which has
# time to spare (run alone, they run on SQLite).
pytestmark = once_in_postgresql_half


@pytest.fixture
def indexed(app):
    """Call after creating services: search sees only what Meilisearch has finished indexing."""
    return lambda: indexing.wait_until_idle(app)


def text_of(response) -> str:
    return response.get_data(as_text=True)


def add(client, service_id: str, next_url: str | None = None):
    token = csrf_token(client, f"/services/{service_id}")
    data = {"csrf_token": token, "service_id": service_id}
    if next_url is not None:
        data["next"] = next_url
    return client.post("/shortlist/add", data=data)


def test_search_form_without_parameters_shows_no_results(client):
    page = text_of(client.get("/"))
    assert "What are you looking for?" in page
    assert "services found" not in page
    assert 'name="need" type="checkbox" value="food"' in page


def test_results_say_how_far_when_and_what_it_costs(client, make_service, indexed):
    make_service()
    make_service(
        name="Trafford Befriending Line",
        postcode=None,
        delivery="phone",
        schedule=None,
        cost="free",
        cost_amount=None,
        cost_description=None,
        wheelchair=None,
        referral_route="professional",
        description="Weekly phone calls for people who feel alone.",
        last_verified_at=(date.today() - timedelta(days=800)).isoformat(),
    )
    indexed()
    response = client.get("/", query_string={"q": "", "postcode": "M32 0SQ"})
    page = text_of(response)
    assert response.status_code == 200
    assert "2 services found" in page and "within 5 km of M32 0SQ" in page
    lunch = page[page.index("Sale Lunch Club") : page.index("Trafford Befriending Line")]
    assert re.search(r"2\.\d km away", lunch)
    assert "Tue, Thu 11:30–13:30" in lunch
    assert "£3.50 per lunch" in lunch
    assert "Step-free access" in lunch and "Self-referral, Drop-in" in lunch
    assert "Not checked since added" in lunch
    phone = page[page.index("Trafford Befriending Line") :]
    assert "Phone service" in phone and "Times not recorded" in phone and "Free" in phone
    assert "Needs a professional referral" in phone and "Access not recorded" in phone
    assert "app-warning" in phone and "Last checked 2 years ago" in phone  # past 24 months: warned
    assert "Add to shortlist" not in page  # only navigators can shortlist


def test_need_checkboxes_show_counts_and_filter(client, make_service, indexed):
    make_service(needs="food")
    make_service(name="Walking for Health", needs="physical_activity", description="Short walks.")
    indexed()
    page = text_of(client.get("/?q=&need=food"))
    assert "1 service found" in page and "Sale Lunch Club" in page and "Walking for Health" not in page
    # Counts ignore the ticked needs themselves: they say what ticking another would add.
    assert "Food (1)" in page and "Physical activity (1)" in page and "Housing and homelessness (0)" in page
    assert re.search(r'value="food" checked', page)


def test_pagination_keeps_the_query(client, make_service, indexed):
    make_service()
    make_service(name="Sale Lunch Club Two")
    indexed()
    page = text_of(client.get("/?q=lunch&per_page=1&day=TU"))
    assert "2 services found" in page and "Page 1 of 2" in page
    next_link = re.search(r'href="([^"]+)" rel="next"', page).group(1).replace("&amp;", "&")
    assert "q=lunch" in next_link and "day=TU" in next_link and "page=2" in next_link
    second = text_of(client.get(next_link))
    assert "Page 2 of 2" in second and 'rel="prev"' in second


def test_a_bad_parameter_is_named_on_the_page_with_400(client, places):
    response = client.get("/?q=lunch&age=old")
    page = text_of(response)
    assert response.status_code == 400
    assert "There is a problem" in page
    assert '<a href="#age">Age: Enter a whole number.</a>' in page
    assert "nhsuk-input--error" in page and 'aria-describedby="age-hint age-error"' in page
    assert 'value="lunch"' in page  # what was typed is kept

    response = client.get("/?postcode=ZZ99 9ZZ&radius_km=5")
    assert response.status_code == 400
    assert '<a href="#postcode">Postcode:' in text_of(response)


def test_the_form_radius_means_nothing_without_a_postcode(client):
    assert client.get("/?q=lunch&radius_km=5").status_code == 200


def test_awkward_queries_are_just_words(client, make_service, indexed):
    make_service()
    indexed()
    for q in [
        '"lunch',
        'lunch" OR status = "defunct',
        "a AND b OR c",
        "_geoRadius(0, 0, 1)",
        "x) OR (y",
        "'; DROP TABLE service; --",
        "lunch\\",
    ]:
        response = client.get("/", query_string={"q": q})
        assert response.status_code == 200, q
    assert "Sale Lunch Club" in text_of(client.get("/", query_string={"q": '"lunch"'}))


def test_a_service_that_runs_part_of_the_year_says_so_and_meets_next_in_its_season(
    client, make_service, indexed
):
    service_id = make_service(
        name="Moss Lane allotment",
        description="Shared allotment plots and tool sharing. April to October only.",
        schedule="Saturdays 10am-1pm",
    )
    indexed()
    page = text_of(client.get(f"/services/{service_id}"))
    assert "Runs April to October only" in page
    (month,) = re.findall(r"Next session: Saturday \d+ (\w+), 10am", page)
    assert month in ("April", "May", "June", "July", "August", "September", "October")
    assert "Runs April to October only" in text_of(client.get("/", query_string={"q": "allotment"}))


def test_search_outage_is_a_clear_503(app, client, monkeypatch):
    from directory_app.services import services

    def down(_query):
        raise ConnectionError("meilisearch is down")

    monkeypatch.setattr(services(app).index, "search", down)
    response = client.get("/?q=lunch")
    assert response.status_code == 503
    assert "Search is unavailable" in text_of(response)


def test_a_group_every_other_week_says_so_and_its_next_session_is_the_right_week(client, make_service, app):
    first = date.today() + timedelta(days=3)
    service_id = make_service(schedule=f"every other {first.strftime('%A')} 1-3pm from {first.isoformat()}")
    page = text_of(client.get(f"/services/{service_id}"))
    assert f"Every other {first.strftime('%A')}, 1pm to 3pm" in page
    assert f"Next session: {first.strftime('%A')} {first.day} {first.strftime('%B')}, 1pm" in page
    # The exports carry the rule as RFC 5545 says it, so another directory reads the same weeks.
    (schedule,) = client.get(f"/openreferral/services/{service_id}").get_json()["schedules"]
    assert (schedule["freq"], schedule["interval"], schedule["byday"]) == (
        "WEEKLY",
        2,
        first.strftime("%a")[:2].upper(),
    )
    assert schedule["dtstart"].startswith(first.isoformat())


def test_detail_page_shows_the_full_record(client, make_service):
    service_id = make_service(
        phone="0161 123 4567",
        url="https://example.org/lunch",
        eligibility="carers",
        accepting_referrals="yes",
        wait_weeks=2,
        address_1="1 School Road",
        city="Sale",
        last_verified_at=date.today().isoformat(),
    )
    page = text_of(client.get(f"/services/{service_id}"))
    for expected in (
        "A friendly luncheon club",
        "Age UK Trafford",
        "Ages 60 and over",
        "Only for: Carers",
        "£3.50 per lunch",
        "Every Tuesday and Thursday, 11:30am to 1:30pm",
        "Next session: ",
        "1 School Road",
        "M33 7ZZ",
        'href="tel:+441611234567"',
        'href="https://example.org/lunch"',
        "Accepting referrals; waiting list about 2 weeks",
        "Checked this month",
        "Report a problem with this listing",
        "Do not include anyone's personal details",
    ):
        assert expected in page, expected
    assert "Changes to this listing" not in page  # the audit history is for curators


def test_a_group_restricted_to_a_situation_says_who_it_is_for(client, make_service):
    service_id = make_service(name="Tuesday Stroke Club", description="A friendly club for stroke survivors.")
    assert "Only for: stroke survivors" in text_of(client.get(f"/services/{service_id}"))


def test_only_web_addresses_become_links():
    # Imported feeds are not validated like forms: a publisher's "javascript:" URL must stay text.
    from directory_app.web.display import web_link

    assert web_link(" https://example.org/x ") == "https://example.org/x"
    assert web_link("javascript:alert(1)") is None and web_link("JaVaScRiPt:x") is None
    assert web_link("data:text/html,x") is None and web_link(None) is None


def test_unknown_service_is_404(client):
    assert client.get("/services/no-such-service").status_code == 404


def test_problem_report_marks_the_listing_under_review(client, make_service, indexed):
    service_id = make_service()
    token = csrf_token(client, f"/services/{service_id}")
    bad = client.post(f"/services/{service_id}/report", data={"csrf_token": token, "details": "?"})
    assert bad.status_code == 400 and "What is the problem" in text_of(bad)
    response = client.post(
        f"/services/{service_id}/report",
        data={"csrf_token": token, "kind": "closed", "details": "Stopped in May"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/services/{service_id}")
    page = text_of(client.get(f"/services/{service_id}"))
    assert "Thank you" in page and "Under review" in page
    indexed()
    assert "Under review" in text_of(client.get("/?q=lunch"))


def test_curators_see_history_and_edit_link(app, client, make_service, login_as):
    service_id = make_service()
    login_as("curator")
    page = text_of(client.get(f"/services/{service_id}"))
    assert "Changes to this listing" in page and "Added" in page and "name: Sale Lunch Club" in page
    assert f'href="/curate/services/{service_id}/edit"' in page


def test_shortlist_needs_a_navigator(client, make_service, login_as):
    service_id = make_service()
    response = add(client, service_id)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert "/login" in client.get("/shortlist/print").headers["Location"]
    login_as("commissioner")
    assert add(client, service_id).status_code == 403
    for path in ("/shortlist", "/shortlist/print", "/shortlist/print?large=1"):
        assert client.get(path).status_code == 403, path


def test_navigator_shortlists_and_prints(app, client, make_service, login_as, indexed):
    app.config["SHEET_CONTACT"] = "Sale Medical Centre | Link worker: 0161 000 1111"
    lunch = make_service(phone="0161 123 4567", url="https://example.org/lunch", address_1="1 School Road")
    walk = make_service(
        name="Walking for Health",
        description="Short walks. " * 60,
        cost="free",
        cost_amount=None,
        cost_description=None,
    )
    chat = make_service(
        name="Phone Chat",
        description="A weekly call.",
        schedule=None,
        cost=None,
        cost_amount=None,
        cost_description=None,
        postcode=None,
        delivery="phone",
    )
    indexed()
    login_as("navigator")
    results = text_of(client.get("/?q=lunch"))
    assert "Add to shortlist" in results

    response = add(client, lunch, next_url="/?q=lunch")
    assert response.headers["Location"] == "/?q=lunch"
    assert "On your shortlist" in text_of(client.get("/?q=lunch"))
    assert add(client, walk).headers["Location"] == "/shortlist"
    add(client, chat)
    shortlist = text_of(client.get("/shortlist"))
    assert "Sale Lunch Club" in shortlist and "Walking for Health" in shortlist
    assert "Shortlist (3)" in shortlist

    sheet = text_of(client.get("/shortlist/print"))
    assert "Services that may help you" in sheet and "app-large-print" not in sheet
    assert "0161 123 4567" in sheet and "https://example.org/lunch" in sheet and "1 School Road" in sheet
    assert "You can just turn up" in sheet and "£3.50 per lunch" in sheet and "Free" in sheet
    # A long description is cut at the end of a sentence (never mid-word with "…").
    assert re.search(r"(Short walks\. ){30,}Short walks\.</p>", sheet) and "Short walks. " * 59 not in sheet
    # Nothing "not recorded" is printed for the person: the rows are left out instead.
    assert "not recorded" not in sheet.lower()
    chat_part = sheet[sheet.index("Phone Chat") :]
    assert "A weekly call." in chat_part and "By phone" in chat_part
    contact = sheet[sheet.index("If you need help") :]
    assert "Sale Medical Centre</p>" in contact and "Link worker: 0161 000 1111</p>" in contact
    app.config["SHEET_CONTACT"] = ""
    assert "If you need help" not in text_of(client.get("/shortlist/print"))
    assert 'class="app-sheet-page app-large-print"' in text_of(client.get("/shortlist/print?large=1"))

    token = csrf_token(client, "/shortlist")
    client.post("/shortlist/remove", data={"csrf_token": token, "service_id": lunch})
    shortlist = text_of(client.get("/shortlist"))
    assert "Sale Lunch Club" not in shortlist and "Walking for Health" in shortlist
    client.post("/shortlist/clear", data={"csrf_token": token})
    assert "Your shortlist is empty" in text_of(client.get("/shortlist"))


def test_shortlist_never_redirects_off_site(client, make_service, login_as):
    service_id = make_service()
    login_as("navigator")
    for target in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:x",
        "/x\r\nSet-Cookie: a=b",
    ]:
        assert add(client, service_id, next_url=target).headers["Location"] == "/shortlist", target


def test_shortlist_holds_at_most_30_services(client, make_service, login_as):
    service_id = make_service()
    login_as("navigator")
    with client.session_transaction() as session:
        session["shortlist"] = [f"gone-{i}" for i in range(30)]
    add(client, service_id)
    page = text_of(client.get("/shortlist"))
    assert "Your shortlist is full" in page
    # Ids of services that no longer exist are dropped when the list is shown.
    with client.session_transaction() as session:
        assert session["shortlist"] == []


def test_words_rank_by_relevance_with_a_visible_choice_of_nearest(client, make_service, indexed):
    # The carers' centre is the furthest, but it is what "carers" is about.
    make_service(
        name="Trafford Carers Centre",
        organization="Trafford Carers Centre",
        postcode="WA14 1PF",
        description="Support, breaks and advice for unpaid carers.",
    )
    make_service(name="Sale Lunch Club", description="A lunch club; carers welcome too.")
    indexed()
    page = text_of(client.get("/", query_string={"q": "carers", "postcode": "M33 7ZZ", "radius_km": "10"}))
    assert page.index("Trafford Carers Centre") < page.index("Sale Lunch Club")
    assert "Best match first" in page and re.search(r'<option value="relevance" selected>Best match', page)
    assert re.search(r"[4-6]\.\d km away", page)  # distances are still given when ranked by relevance
    # The organisation is left out when it only repeats the service's name.
    assert (
        'app-result__org">Trafford Carers Centre' not in page and 'app-result__org">Age UK Trafford' in page
    )

    nearest = text_of(
        client.get(
            "/", query_string={"q": "carers", "postcode": "M33 7ZZ", "radius_km": "10", "sort": "nearest"}
        )
    )
    assert nearest.index("Sale Lunch Club") < nearest.index("Trafford Carers Centre")
    assert "Nearest first" in nearest
    # Only a place: nearest first, no choice to make.
    place_only = text_of(client.get("/", query_string={"postcode": "M33 7ZZ", "radius_km": "10"}))
    assert "Nearest first" in place_only and 'id="sort"' not in place_only
    assert client.get("/?q=carers&sort=cheapest").status_code == 400


def test_free_only_and_wheelchair_keep_unrecorded_services_marked_and_say_so(client, make_service, indexed):
    make_service(name="Free Walk", cost="free", cost_amount=None, cost_description=None, wheelchair="yes")
    make_service(name="Paid Pottery", cost="paid", cost_amount=10, wheelchair="no")
    make_service(name="Mystery Choir", cost=None, cost_amount=None, cost_description=None, wheelchair=None)
    indexed()
    free = text_of(client.get("/?q=&free_only=true"))
    assert "2 services found" in free and "Paid Pottery" not in free
    assert "1 of these services has not recorded its cost. It may fit, so it is included and marked" in free
    choir = free[free.index("Mystery Choir") :]
    assert "Cost not recorded: may not be free" in choir
    assert (
        "may not be free" not in free[free.index("Free Walk") : free.index("</li>", free.index("Free Walk"))]
    )

    access = text_of(client.get("/?q=&wheelchair=true"))
    assert "2 services found" in access and "Paid Pottery" not in access
    assert "1 of these services has not recorded its wheelchair access" in access
    assert "Wheelchair access not recorded" in access[access.index("Mystery Choir") :]
    assert "not recorded its" not in text_of(client.get("/?q="))  # nothing asked, nothing to say


def test_freshness_is_plain_when_recent_quiet_after_a_year_and_a_warning_after_two(
    client, make_service, indexed
):
    today = date.today()
    for name, days in (("Recent Club", 95), ("Older Club", 420), ("Old Club", 800)):
        make_service(name=name, last_verified_at=(today - timedelta(days=days)).isoformat())
    reported = make_service(name="Reported Club", last_verified_at=today.isoformat())
    client.post(
        f"/services/{reported}/report",
        data={
            "csrf_token": csrf_token(client, f"/services/{reported}"),
            "kind": "closed",
            "details": "Shut last month.",
        },
    )
    indexed()
    page = text_of(client.get("/?q=club&per_page=10"))

    def block(name):
        start = page.index(name)
        return page[start : page.index("</li>", start)]

    assert re.search(r'app-freshness--recent">Checked 3 months ago<', block("Recent Club"))
    older = block("Older Club")
    assert (
        "app-freshness--quiet" in older and "details may have changed" in older and "app-warning" not in older
    )
    assert "app-warning" in block("Old Club") and "check the details before referring" in block("Old Club")
    assert "app-warning" in block("Reported Club") and "reported a problem" in block("Reported Club")
