"""A Recovery College prospectus with the county's adult learning courses (Derby and Derbyshire):
a course's dated run that is over, a course last run in a past term, its "Who is this course
for?", a level of English it starts at, a diagnosis it needs, and "Derbyshire" that is not Derby."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from matching import check, match
from matching.exclusions import person_exclusions
from matching.stated_situations import person_situations
from tests.matching.conftest import oruk_record

DERBY, DERBYSHIRE, CHESTERFIELD, NE_DERBYSHIRE = "E06000015", "E10000007", "E07000034", "E07000038"
DECEMBER = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def test_a_course_run_between_dated_days_ends_on_its_last(reader):
    autumn = reader.understand(
        oruk_record(
            "Course code: RC-114\nDates: Tuesdays 30 Sept – 4 Nov 2026, 10:00–12:30", "Recovery College"
        )
    )
    assert autumn.value("runs_until") == "2026-11-04"
    spring = reader.understand(oruk_record("Dates: Thursdays 14 Jan – 18 Feb 2027, 18:00–20:00", "RC"))
    assert spring.value("runs_until") == "2027-02-18"
    # a funding period is not a run; a season comes round every year
    for words in ("Funded from 1 April 2025 to 31 March 2026 by the Lottery.", "Warm space Nov-March."):
        assert reader.understand(oruk_record(words, "A charity")).value("runs_until") is None


def test_a_course_whose_run_is_over_is_not_offered(make_person, make_service, taxonomy):
    person = make_person(needs=("mental_wellbeing",), goals="anxious all the time")
    over = make_service(
        km=1, name="Understanding Anxiety", needs=["mental_wellbeing"], runs_until="2026-11-04"
    )
    coming = make_service(
        km=2, name="Understanding Anxiety (spring)", needs=["mental_wellbeing"], runs_until="2027-02-18"
    )
    assert check(person, over, 1.0, DECEMBER).reasons == [
        "it ended on 4 November 2026, by the dates it gives"
    ]
    assert check(person, coming, 2.0, DECEMBER).reasons == []
    offered = [m.service_id for m in match(person, [over, coming], taxonomy=taxonomy, now=DECEMBER).matches]
    assert offered == [coming["id"]]


def test_a_course_last_run_in_a_past_term_is_not_running(reader):
    found = reader.understand(
        oruk_record("Multiply: everyday maths. Last run in spring 2026.", "Adult Learning")
    )
    assert found.closed is not None


def test_a_prospectus_heading_asks_who_the_course_is_for(reader):
    course = reader.understand(
        oruk_record(
            "Course code: RC-114\nWho is this course for? Anyone aged 18+ living or working in Derby or "
            "Derbyshire.\nWhat will I learn? What anxiety is.",
            "Recovery College",
        )
    ).summary()
    assert sorted(course["residency_said"]) == [DERBY, DERBYSHIRE]


def test_a_boroughs_residents_not_the_next_districts(reader):
    """ "NE Derbyshire" is the district, not the county; "not for people in" it turns them away."""
    advice = reader.understand(
        oruk_record(
            "Who is this for? Residents of Chesterfield Borough (including Staveley). Not for people in "
            "NE Derbyshire – see Citizens Advice.",
            "Chesterfield Borough Money Advice",
        )
    ).summary()
    assert advice["residency_said"] == [CHESTERFIELD]
    record = oruk_record("Chair-based movement for older learners.", "Adult Learning")
    record["service_areas"] = [{"name": "NE Derbyshire"}]
    assert reader.understand(record).summary()["residency"] == [NE_DERBYSHIRE]


def test_an_english_course_that_starts_at_a_level_is_not_for_someone_with_little_english(reader):
    course = reader.understand(
        oruk_record(
            "Functional Skills English Level 1. Who is this course for? Derby City residents aged 19 and "
            "over. Entry: initial assessment at Entry 3 or above.",
            "Adult Learning",
        )
    )
    assert [f.value for f in course.exclusions] == ["little_english"]
    assert "little_english" in person_exclusions(
        "Mirpuri mum of 4, very little English, daughter translates."
    )
    assert "little_english" in person_exclusions("Eritrean lad, 19, a few words of English.")
    assert "little_english" not in person_exclusions("Polish, good English, wants work.")
    # a knitting group at Entry 3 of anything is not an English course
    knit = reader.understand(oruk_record("Knit and natter, level 2 or above knitters.", "Craft group"))
    assert knit.exclusions == []


@pytest.mark.parametrize(
    "words, has_it",
    [
        ("29F, EUPD dx, discharged from CMHT last month", True),
        ("diagnosed with borderline personality disorder, under the PD pathway", True),
        ("Lad, 35, under the CMHT. Bipolar, goes high then crashes.", False),
    ],
)
def test_a_personality_disorder_diagnosis_is_its_own(words, has_it):
    assert ("personality_disorder" in {s.code for s in person_situations(words)}) is has_it


def test_a_course_for_a_personality_disorder_diagnosis_is_that_diagnosis(reader):
    course = reader.understand(
        oruk_record(
            "Who is this course for? Suitable if you have a diagnosis of personality disorder (including "
            "EUPD/BPD). You must be under the care of a mental health team.",
            "Recovery College",
        )
    ).summary()
    assert "personality_disorder" in course["situations"]


def test_dates_years_old_say_the_listing_is_old_not_that_the_group_stopped(make_person, make_service):
    """A leaflet's "Spring 2023 programme: 13 Jan - 31 Mar 2023" for a weekly singing group."""
    person = make_person(needs=("loneliness",), goals="wife has dementia, wants somewhere to go together")
    leaflet = make_service(km=1, name="Singing for the Brain", runs_until="2023-03-31")
    found = check(person, leaflet, 1.0, DECEMBER)
    assert found.reasons == [] and "the dates it gives ended in 2023: check it still runs" in found.warnings


@pytest.mark.parametrize(
    "words",
    [
        "Who is this course for? People who use Derbyshire Healthcare services, their families, friends and "
        "carers, and staff.\nWhat will I learn? Hope, control and opportunity.",
        "Who is this course for? Adults 19+ new to computers. Learners must have lived in the UK/EU for 3 "
        "years (some exceptions for refugees – ask).",
    ],
)
def test_whom_a_course_lets_in_besides_is_no_group_it_is_only_for(reader, words):
    assert reader.understand(oruk_record(words, "Recovery College")).summary()["groups"] == []


def test_a_one_off_on_a_dated_day_ends_that_day(reader):
    one_off = reader.understand(
        oruk_record("Dates: Tuesday 24 Nov 2026, 10:00–12:00 (one-off)\nOnline (Zoom)", "Adult Learning")
    )
    assert one_off.value("runs_until") == "2026-11-24"
    launched = reader.understand(oruk_record("Launched on 4 Nov 2025, meets every Friday.", "A club"))
    assert launched.value("runs_until") is None


@pytest.mark.parametrize(
    "words",
    [
        "Closed until 5 Jan 2027 for the Christmas break.",
        "We are on hold until 3 Feb 2027 while the hall is fixed.",
    ],
)
def test_the_end_of_a_break_is_no_end_of_the_run(reader, words):
    assert reader.understand(oruk_record(words, "A club")).value("runs_until") is None


@pytest.mark.parametrize(
    "words",
    [
        "Venue: Recovery College Chesterfield\nEnrolment: enrol as a student first (free) – ring the college office "
        "or fill in the form on our website – then book your place.",
        "Weekly craft group at the library. To book: call 01332 555 123.",
    ],
)
def test_how_to_get_a_place_by_phone_is_no_phone_service(reader, words):
    assert "phone" not in reader.understand(oruk_record(words, "Recovery College")).summary()["delivery"]


@pytest.mark.parametrize(
    "words",
    [
        "When: Mon–Thu 09:30–15:00, appointments and phone.",
        "A volunteer visits you at home once a week for an hour, or rings if you'd rather.",
    ],
)
def test_a_service_given_by_phone_as_well_is_read_so(reader, words):
    assert "phone" in reader.understand(oruk_record(words, "A charity")).summary()["delivery"]
