"""A team's shorthand ("MH peer support", "DA helpline", "M only", "not w/c", "tel + f2f") is read
as the words it stands for, in services and in a link worker's notes; ordinary words and postcodes
that share the letters are left alone."""

from __future__ import annotations

from matching.shorthand import in_words
from matching.stated_situations import person_situations


def test_the_letters_are_said_in_words_beside_them():
    assert in_words("MH PEER SUPPORT - 18+") == "MH (mental health) PEER SUPPORT - 18+"
    assert in_words("Walking football for o50s. M only. Steps - not w/c.") == (
        "Walking football for over 50s. men only. Steps - not wheelchair."
    )
    assert in_words("tel + f2f, s/r ok") == "telephone + face to face, self-referral ok"
    assert in_words("mens peer grp. 18+ men") == "mens peer group. 18+ men"
    assert in_words("open to CMHT (dep + anx)") == "open to CMHT (depression and anxiety)"
    assert in_words("anx/dep, off work") == "depression and anxiety, off work"


def test_a_fire_officers_and_a_smokers_own_words_are_said_plainly():
    assert in_words("home O2 at night, still has a tab at the back door. Puffed out on the stairs") == (
        "home oxygen at night, still has a cigarette at the back door. breathless on the stairs"
    )
    assert in_words("wants to pack in the tabs") == "wants to pack in the cigarettes"


def test_words_and_postcodes_that_share_the_letters_are_left_alone():
    for text in (
        "on his tabs for his blood pressure",
        "came off his tabs last month",
        "O2 phone contract ran out",
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


def test_another_clubs_closing_said_to_explain_this_one_does_not_close_it(reader):
    def closed(description: str) -> bool:
        found = reader.understand(
            {"id": "s1", "name": "Deaf Advice", "status": "active", "description": description}
        )
        return found.closed is not None

    assert not closed(
        "Advice in BSL for Deaf people - letters, benefits. NB no Deaf social club any more since the club closed 2023."
    )
    assert closed("Young carers support. No service we know of in Middlesbrough since funding ended.")
    assert closed("Weekly social. The club has now closed.")


def test_a_directory_teams_note_of_what_is_missing_names_no_need(reader):
    found = reader.understand(
        {
            "id": "s1",
            "name": "Roma Community Support",
            "status": "active",
            "description": "Help with school admissions, GP registration and benefits for Roma families. "
            "NB no Deaf social club or befriending any more - nothing we know of.",
        }
    ).summary()
    assert "loneliness" not in found["needs"]


def test_a_clinicians_ca_beside_an_organ_is_cancer_and_citizens_advice_is_not():
    assert "prostate cancer" in in_words("66yo M, prostate ca on hormone tx")
    assert "cancer of the breast" in in_words("Ca breast, finished chemo")
    assert in_words("CA appointment for UC on Tuesday") == "CA appointment for UC on Tuesday"
    stated = person_situations("66yo M, prostate ca on hormone tx. Wife says he bottles it all up.")
    assert "cancer" in [s.code for s in stated]


def test_on_the_machines_is_gambling_and_a_gyms_machines_are_not():
    assert "gambling" in in_words("on the machines n the apps, lost the rent money twice")
    assert "gambling" in in_words("plays the fruit machines at the pub every night")
    assert "gambling" not in in_words("Free induction on the machines in the gym.")
    assert "gambling" not in in_words("Gym: on the machines at the leisure centre")
