"""Provider responsiveness from our own referrals: "4 of 5 referrals accepted" and "usually accepts
within 3 days" on the card and the service page once a service has answered 5 referrals (nothing
below that), kept fresh in the index as answers arrive, and a small ranking signal."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import func, select

from directory_app import db
from directory_app.directory.documents import referral_figures
from directory_app.models import Referral, SearchOutbox, utcnow
from directory_app.referrals import service as records
from directory_app.search import indexing
from directory_app.web.display import responsiveness_text
from matching import Profile
from matching.rank import DEFAULT_WEIGHTS, FEATURE_NAMES, default_scorer, features, responsiveness
from tests.conftest import csrf_token


def answer(make_referral, advance, service_id: str, outcome: str, days: float, start) -> int:
    """One referral sent to the service, answered ``days`` after ``start`` (just before the send)."""
    referral = make_referral(service_id=service_id, status="referred")
    advance(referral.id, "lw_one", outcome, now=start + timedelta(days=days))
    return referral.id


def card_text(client, path: str) -> str:
    return client.get(path).get_data(as_text=True)


def test_figures_show_from_five_answered_referrals_and_stay_fresh(
    app, client, login_as, make_referral, advance, lunch_club
):
    login_as("link_worker")
    start = utcnow()
    for outcome, days in (("accepted", 1), ("accepted", 2), ("accepted", 3), ("no_capacity", 1)):
        answer(make_referral, advance, lunch_club, outcome, days, start)
    make_referral(service_id=lunch_club, status="referred")  # still awaiting a reply: not counted
    indexing.wait_until_idle(app)
    for path in ("/?q=lunch", f"/services/{lunch_club}"):
        page = card_text(client, path)
        assert (
            "Sale Lunch Club" in page and "referrals accepted" not in page and "usually accepts" not in page
        )

    answer(make_referral, advance, lunch_club, "declined", 4, start)  # the fifth answer
    answer(make_referral, advance, lunch_club, "accepted", 3, start)
    answer(make_referral, advance, lunch_club, "accepted", 8, start)
    indexing.wait_until_idle(app)
    # 5 of 7 accepted would say that 2 were turned away: a count below five, so nothing is shown.
    assert "referrals accepted" not in card_text(client, "/?q=lunch")

    for days in (1, 2, 5):
        answer(make_referral, advance, lunch_club, "declined", days, start)
    indexing.wait_until_idle(app)
    # 5 accepted after 1, 2, 3, 3 and 8 days (the median is 3 days), 5 turned away.
    expected = "5 of 10 referrals accepted; usually accepts within 3 days"
    assert expected in card_text(client, "/?q=lunch")  # from the index: re-indexed as answers came
    assert expected in card_text(client, f"/services/{lunch_club}")
    # And on the match results, where the link worker decides whom to refer to.
    fields = {"goals": "lonely, would like a lunch club", "postcode": "M33 7ZZ"}
    matched = client.post("/match", data={**fields, "csrf_token": csrf_token(client, "/match")})
    assert "Sale Lunch Club" in matched.get_data(as_text=True)
    assert expected in matched.get_data(as_text=True)

    # Our referral records are for the people referring, not the public.
    anonymous = app.test_client()
    for path in ("/?q=lunch", f"/services/{lunch_club}"):
        assert "referrals accepted" not in card_text(anonymous, path)


def test_figures_below_five_never_reach_the_document(app, make_referral, advance, lunch_club):
    start = utcnow()
    for days in (1, 2, 3, 4):
        answer(make_referral, advance, lunch_club, "accepted", days, start)
    with db.session_scope(app) as session:
        assert referral_figures(session, lunch_club) == {
            "referrals_answered": None,
            "referrals_accepted": None,
            "accept_days_median": None,
        }
    answer(make_referral, advance, lunch_club, "declined", 1, start)
    with db.session_scope(app) as session:
        figures = referral_figures(session, lunch_club)
    # Five answered, but four accepted and one turned away: both parts are below five.
    assert figures == {"referrals_answered": None, "referrals_accepted": None, "accept_days_median": None}
    answer(make_referral, advance, lunch_club, "accepted", 2, start)
    with db.session_scope(app) as session:
        figures = referral_figures(session, lunch_club)
    assert figures == {"referrals_answered": None, "referrals_accepted": None, "accept_days_median": 2.0}


def test_a_service_that_turns_referrals_away_ranks_below_an_equal_one_that_accepts(
    app, make_referral, advance, lunch_club
):
    assert DEFAULT_WEIGHTS["responsiveness"] > 0 and "responsiveness" in FEATURE_NAMES
    assert responsiveness({}) == 0.5  # fewer than five answers: neutral
    assert responsiveness({"referrals_answered": 10, "referrals_accepted": 8}) == 0.8
    profile = Profile.from_dict({"needs": ["loneliness"]})
    base = {"id": "x", "needs": ["loneliness"], "delivery": ["in_person"]}
    now = utcnow()
    rows = [
        features(profile, {**base, **figures}, 1.0, 0.3, now)
        for figures in (
            {"referrals_answered": 10, "referrals_accepted": 10},
            {},
            {"referrals_answered": 10, "referrals_accepted": 0},
        )
    ]
    scores = default_scorer(rows)
    assert scores[0] > scores[1] > scores[2]

    # A referral keeps the figure its service had when it was made, so learning to rank sees it.
    start = utcnow()
    for days in (1, 1, 2, 2, 3, 3, 4, 4):
        answer(make_referral, advance, lunch_club, "accepted", days, start)
    for _ in range(5):
        answer(make_referral, advance, lunch_club, "no_capacity", 1, start)
    latest = make_referral(service_id=lunch_club, status="referred")
    with db.session_scope(app) as session:
        stored = session.get(Referral, latest.id).features
    assert stored["responsiveness"] == pytest.approx(8 / 13)


def test_only_an_answer_queues_the_service_for_reindexing(app, make_referral, lunch_club):
    referral = make_referral(service_id=lunch_club, status="referred")
    indexing.wait_until_idle(app)

    def queued_after(status: str) -> int:
        with db.session_scope(app) as session:
            session.info["drain_after_commit"] = False  # leave the queue as the change left it
            records.change_status(session, referral.id, status, actor="lw_one")
            count = session.exec(
                select(func.count()).select_from(SearchOutbox).where(SearchOutbox.service_id == lunch_club)
            ).one()
            session.exec(SearchOutbox.__table__.delete())
            session.commit()
            return count

    assert queued_after("accepted") == 1  # the service answered: its figures change
    assert queued_after("attended") == 0  # the person went: no figure changes


def test_the_text_says_days_in_whole_days():
    assert (
        responsiveness_text({"referrals_answered": 10, "referrals_accepted": 8, "accept_days_median": 0.4})
        == "8 of 10 referrals accepted; usually accepts within a day"
    )
    assert re.search(
        r"within 5 days$",
        responsiveness_text({"referrals_answered": 10, "referrals_accepted": 8, "accept_days_median": 4.2}),
    )
    assert responsiveness_text({}) is None
