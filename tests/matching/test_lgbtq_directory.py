"""An LGBTQ+ community centre's directory (Brighton and Hove, session 60): a trans and non-binary group
is not for every LGBTQ+ person, a council turned away in brackets, "HIV neg", "GBMSM", a group
whose last night has been, a walk of 5-9 miles, and a service out of season."""

from __future__ import annotations

from matching import check
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record


def test_a_trans_and_non_binary_group_is_for_trans_people_not_their_parents(
    reader, person_from_words, make_service
):
    tea = reader.understand(
        oruk_record(
            "Relaxed peer space.\nWho's it for? Trans, non-binary and questioning people aged 18+ only.",
            name="Trans Tea",
        )
    )
    youth = reader.understand(
        oruk_record(
            "Youth group for lesbian, gay, bi, trans and questioning young people aged 13-19.", name="Prism"
        )
    )
    assert "trans" in [f.value for f in tea.situations]
    assert "trans" not in [f.value for f in youth.situations]
    service = make_service(situations=[f.value for f in tea.situations])
    assert check(
        person_from_words("trans woman, on the GIC waiting list 3 yrs, isolated"), service, 1.0
    ).allowed
    assert check(person_from_words("NB, they/them, student, lonely"), service, 1.0).allowed
    assert not check(person_from_words("gay man 72, partner died in April"), service, 1.0).allowed
    assert not check(person_from_words("mum of trans 14yo, struggling to understand"), service, 1.0).allowed
    assert [s.code for s in person_situations("needs transport to the hospital")] == []


def test_a_council_turned_away_in_brackets(reader):
    rural = reader.understand(
        oruk_record(
            "Who's it for? LGBTQ+ people in rural East and West Sussex (not Brighton & Hove – there's loads "
            "on for you already!).",
            name="Rural Rainbows",
        )
    )
    venue = reader.understand(
        oruk_record("Walking netball. Cheadle (not Cheadle Hulme) leisure centre.", name="Walking Netball")
    )
    assert "area:E06000043" in [f.value for f in rural.exclusions]
    assert not [f.value for f in venue.exclusions if str(f.value).startswith("area:")]


def test_hiv_negative_and_men_who_have_sex_with_men(reader):
    assert "hiv" not in [s.code for s in person_situations("gay man 38, on PrEP, HIV neg. works Mon-Fri")]
    assert "hiv" in [s.code for s in person_situations("newly dx HIV+, on meds, scared to tell anyone")]
    chems = reader.understand(
        oruk_record(
            "Chemsex support.\nWho's it for? Gay, bi and other men who have sex with men (GBMSM), 18+."
        )
    )
    assert {"men", "lgbtq"} <= set(chems.group_codes())


def test_a_group_whose_last_night_has_been(reader):
    ended = reader.understand(
        oruk_record(
            "Friendly monthly drinks. UPDATE: our last night was in October – the pub has changed hands."
        )
    )
    assert ended.closed is not None
    on = reader.understand(oruk_record("Friendly monthly drinks. Our last night of the year is in December."))
    assert on.closed is None


def test_a_long_hike_is_not_for_someone_who_can_do_no_long_walks(reader, person_from_words, make_service):
    hike = reader.understand(oruk_record("Every other Sunday we walk 5-9 miles on the Downs around Lewes."))
    assert "cannot_walk_far" in [f.value for f in hike.exclusions]
    service = make_service(exclusions=[f.value for f in hike.exclusions])
    assert not check(person_from_words("lesbian 66, Seaford, bad hips, no long walks"), service, 1.0).allowed
    assert check(person_from_words("lesbian 66, Seaford, loves the Downs"), service, 1.0).allowed
