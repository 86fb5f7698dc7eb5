"""A team's shorthand ("MH peer support", "DA helpline", "M only", "not w/c", "tel + f2f") is read
as the words it stands for, in services and in a link worker's notes; ordinary words and postcodes
that share the letters are left alone."""

from __future__ import annotations

from matching.shorthand import in_words


def test_the_letters_are_said_in_words_beside_them():
    assert in_words("MH PEER SUPPORT - 18+") == "MH (mental health) PEER SUPPORT - 18+"
    assert in_words("Walking football for o50s. M only. Steps - not w/c.") == (
        "Walking football for over 50s. men only. Steps - not wheelchair."
    )
    assert in_words("tel + f2f, s/r ok") == "telephone + face to face, self-referral ok"


def test_words_and_postcodes_that_share_the_letters_are_left_alone():
    for text in (
        "Dartford DA1 2AB",
        "da capo",
        "Tel: 0191 555 0000",
        "the SU visits weekly",
        "LD (learning disability)",
    ):
        assert in_words(text) == text


def test_a_shorthand_record_is_understood(reader):
    found = reader.understand(
        {
            "id": "s1",
            "name": "MEN'S DA SUPPORT (SL)",
            "status": "active",
            "description": "M only. tel + f2f. Upstairs - not w/c.",
        }
    ).summary()
    assert "domestic_abuse" in found["needs"] and found["groups"] == ["men"]
    assert {"phone", "in_person"} <= set(found["delivery"]) and found["wheelchair"] == "no"


def test_a_service_that_is_not_running_at_the_moment_is_closed(reader):
    found = reader.understand(
        {
            "id": "s1",
            "name": "Lunch Club",
            "status": "active",
            "description": "55+. NOT RUNNING AT MO - hall repairs.",
        }
    )
    assert found.closed is not None and found.closed.value is True
