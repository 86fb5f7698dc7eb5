"""A community foundation's grants list turned into a directory (Gloucestershire): each record is
a grant summary written for trustees with a volunteer's note for referrers. Whether the project
still runs is in that note: "Project completed", "café stopped summer 2025", "not running this
year, funding not renewed" — or "funding ended … group now meets every other month"."""

from __future__ import annotations

import pytest

from tests.matching.conftest import oruk_record


@pytest.mark.parametrize(
    "words",
    [
        "Grant of £4,200 (Sept 2024) for tools to set up a men's shed. PROJECT COMPLETED – end of grant "
        "report received Jan 2025.",
        "£1,100 (Oct 2024) for a monthly bereavement café. Project completed – church reports café stopped "
        "summer 2025 when the lead volunteer moved away.",
        "£4,500 toward a minibus. Volunteer note: project completed; scheme closed to new members.",
        "Warm room, hot soup. *** Winter 2026/27 – not running this year, funding not renewed. ***",
        "Monthly dementia café. The café stopped in March 2026 when the hall was sold.",
    ],
)
def test_a_project_its_note_says_has_ended_is_not_running(reader, words):
    assert reader.understand(oruk_record(words, "A charity")).closed is not None


@pytest.mark.parametrize(
    "words",
    [
        # the grant ended, the group did not
        "£6,000 for a memory café. Funding ended March 2026 – group now meets every other month, contact "
        "to check.",
        "£9,850 over 12 months towards a coordinator. Project completed; the club carries on, Thursdays.",
        "Grant ended Aug 2025. Update 2026: still running on members' subs, £2.",
        # something else ended, said to explain this one
        "Listening line, evenings. No face-to-face group – the old Wednesday group closed in 2024.",
        # one of its places stopped, the service goes on
        "Crisis café, 6pm-11pm every night. NB: Fleetwood satellite (Tues/Thurs) PAUSED from Sept 2026 – "
        "staffing.",
    ],
)
def test_a_grant_or_a_part_that_ended_leaves_the_service_running(reader, words):
    assert reader.understand(oruk_record(words, "A charity")).closed is None


def test_a_funders_one_sex_tick_beside_words_for_both_is_no_limit(reader):
    record = oruk_record(
        "£6,450 for an outreach worker supporting anyone affected by domestic abuse – women and men – in "
        "rural Forest villages.",
        "A charity",
        attributes=[{"taxonomy_term": {"taxonomy": "Beneficiary group", "code": "BEN-WOM", "name": "Women"}}],
    )
    assert reader.understand(record).summary()["groups"] == []


def test_a_walk_for_men_at_risk_of_diabetes_is_not_only_for_diabetics(reader):
    walk = reader.understand(
        oruk_record(
            "£850 for a weekly walk for South Asian men with or at risk of type 2 diabetes.", "A masjid"
        )
    )
    assert "diabetes" not in walk.summary()["situations"]
    group = reader.understand(oruk_record("A support group for people with diabetes.", "A charity"))
    assert "diabetes" in group.summary()["situations"]
