"""The understanding step against the blind labels (seed_data/eval/README.md), on the TEST part,
and on a directory from a region nothing was written or tuned on (the North East: all of it).

The need classifier is trained on the development part only; this test scores the test part
once and prints precision/recall/F1 per need and per field (run with -s to see them). Floors sit
a little below what was measured when they were set (docs/understanding.md has the figures and
the gap to the targets), so a fall below one is a regression to look into.
"""

from __future__ import annotations

import pytest

from directory_app.directory.england import main_authorities
from directory_app.directory.understanding import areas, understander
from directory_app.needs import taxonomy
from matching.understanding import KeywordNeeds, Understander, normalise
from matching.understanding.evaluate import is_test, score, set_scores
from seed_data.eval.labelled import DEVELOPMENT_REGIONS, UNSEEN, labelled_sets

# Measured on the test part (docs/understanding.md). Since 3 December (session 23) it holds a third
# Trafford sample's test part too (254 services, was 194: Trafford, other GM boroughs, a second
# Trafford sample), labelled by a third annotator (who, for one, reads a playgroup as for families);
# the figures fell with it, the code unchanged. In brackets: the figure on the 194.
FLOORS = {
    "needs_precision": 0.77,  # measured 0.797 (0.799 before session 27; 0.811 on the 194; target 0.90)
    "needs_recall": 0.77,  # measured 0.808 (0.799 before session 27; 0.790; target 0.85)
    "ages_found": 0.80,  # measured 0.875 (28 of 32; 0.844 before session 26; target 0.90)
    "ages_wrong": 0.035,  # measured 0.016 (0.021; target at most 0.02)
    "groups_recall": 0.72,  # measured 0.746 (0.796; target 0.90)
    "groups_precision": 0.84,  # measured 0.870 (0.867; target 0.95)
    "residency_recall": 0.72,  # measured 0.756 (0.861; target 0.90)
    # measured 0.470 (0.564); 0.492 once a limit to postcode districts or to a place known only by
    # its circle is scored as the authority its label names (session 37)
    "residency_precision": 0.44,
    "area_wide_recall": 0.64,  # measured 0.672 (0.755; target 0.90)
    "phone_recall": 0.88,  # measured 0.909 (target 0.90)
    "online_recall": 0.80,  # measured 0.818 (target 0.90)
    "wheelchair_no_recall": 0.90,  # measured 1.000 (3 venues; target 0.90)
    "home_visits_recall": 0.45,  # measured 0.500 (5 of 10; 0.556)
    "outreach_recall": 0.50,  # measured 0.545 (6 of 11; 0.375)
}
# measured on the North East (130 services, whole set) once while it was the unseen region, after
# every choice above was fixed; since 30 November a development region (its failures were read)
# and, since issue #15, trained on, so its needs figures are no longer a held-out measurement
NORTH_EAST_FLOORS = {
    "needs_precision": 0.80,  # measured 0.833
    "needs_recall": 0.75,  # measured 0.787
    "groups_recall": 0.96,  # measured 1.000 on 1 December (0.927 before)
    "groups_precision": 0.90,  # measured 0.932 on 1 December (0.884 before)
    "residency_recall": 0.77,  # measured 0.804
    # measured 0.854; 0.762 once a service area named as a region ("North East England") limits the
    # service to that region's twelve authorities, which the annotator labelled as no limit (kept:
    # the relevance judges treat such a region as a limit; docs/understanding.md, 1 December)
    "residency_precision": 0.72,
    "area_wide_recall": 0.94,  # measured 0.977
    "phone_recall": 0.86,  # measured 0.905
    "online_recall": 0.95,  # measured 1.000
    "ages_found": 0.88,  # measured 0.923 (36 of 39)
}


@pytest.fixture(scope="module")
def reader() -> Understander:
    """The app's own reader, trained on the development labels (and shared with the process)."""
    return understander()


def _scored(reader: Understander, pairs: list, title: str) -> dict:
    understood = reader.understand_many([record for record, _ in pairs])
    gold = [label for _, label in pairs]
    figures = score([u.summary() for u in understood], gold, areas(), main_authorities())
    keyword = KeywordNeeds(taxonomy()).predict([normalise(record) for record, _ in pairs])
    figures["needs_keyword"] = set_scores([list(k) for k in keyword], [g["needs"] for g in gold])[0]
    _print(figures, title)
    return figures


@pytest.fixture(scope="module")
def scored(reader):
    sets = labelled_sets()
    if not sets:
        pytest.fail("no labelled services in seed_data/eval/services")
    test = [
        (record, label) for pairs in sets.values() for record, label in pairs if is_test(str(label["id"]))
    ]
    return _scored(reader, test, "TEST part")


# measured once on the unseen region of the time (Warrington, Halton, St Helens, Cheshire East,
# High Peak: 118 services, whole set) on 30 November 2026, after every choice was fixed; read since
# session 14 (1 December), a development region
MERSEY_AND_PEAK_FLOORS = {
    "needs_precision": 0.84,  # measured 0.88
    "needs_recall": 0.68,  # measured 0.72
    "groups_recall": 0.84,  # measured 0.88
    "groups_precision": 0.82,  # measured 0.86
    "residency_recall": 0.74,  # measured 0.76; 0.778 on 1 December (35 of 45)
    "residency_precision": 0.60,  # measured 0.64; 0.625 on 1 December (35 right, 21 wrong)
    "area_wide_recall": 0.93,  # measured 0.97
    "phone_recall": 0.65,  # measured 0.69
    "online_recall": 0.95,  # measured 1.00
    "ages_found": 0.84,  # measured 0.88
}
# measured once on the unseen region (Newcastle upon Tyne and North Tyneside: a library service's
# community information catalogue, 97 services, whole set) at the end of session 14, after every
# choice was fixed; never read or tuned on. Floors a little below what was measured.
UNSEEN_FLOORS = {
    "needs_precision": 0.84,  # measured 0.871
    "needs_recall": 0.73,  # measured 0.766
    "groups_recall": 0.92,  # measured 0.946
    "groups_precision": 0.87,  # measured 0.897
    "residency_recall": 0.90,  # measured 0.938
    # measured 0.303: service areas read as limits its writer did not label; 0.242 once "North East"
    # is the region's twelve authorities, not the combined authority's seven
    "residency_precision": 0.22,
    "area_wide_recall": 0.96,  # measured 1.000
    "phone_recall": 0.90,  # measured 0.929
    "online_recall": 0.65,  # measured 0.700
    "ages_found": 0.93,  # measured 0.969 (31 of 32)
}
# measured once on the two regions written in session 29 (4 December 2026: Rochdale and Bury's
# community asset map, Hartlepool, Stockton and east Durham's fire service partner directory; 180
# services, whole sets, labelled by their writers) before any of it was read
SESSION_29_FLOORS = {
    "needs_precision": 0.88,  # measured 0.908 (keyword 0.66)
    "needs_recall": 0.68,  # measured 0.714 (keyword 0.55): food 11 of 20, housing 3 of 10
    "groups_recall": 0.90,  # measured 0.935
    "groups_precision": 0.87,  # measured 0.900
    "residency_recall": 0.94,  # measured 0.969
    # measured 0.505: station areas and patches read as limits; 0.468 once a service area of "North
    # East" is the region's twelve authorities, not the combined authority's seven (its writer
    # labelled neither as a limit; the relevance judges treat the region as one)
    "residency_precision": 0.44,
    "area_wide_recall": 0.96,  # measured 1.000
    "phone_recall": 0.72,  # measured 0.750
    "online_recall": 0.88,  # measured 0.923
    "ages_found": 0.95,  # measured 0.985 (65 of 66; 7 wrong, 0.039)
}
# measured once on the two regions written in session 30 (4 December 2026: Bristol, South
# Gloucestershire, North Somerset and Bath's self-submitted wellbeing listings; Norfolk's early help
# hub, merged from five district lists; 180 services, whole sets, labelled by their writers) before
# any of it was read
SESSION_30_FLOORS = {
    "needs_precision": 0.80,  # measured 0.828 (keyword 0.67)
    "needs_recall": 0.75,  # measured 0.779 (keyword 0.63): legal advice 1 of 6, learning 0 of 4
    "groups_recall": 0.89,  # measured 0.924
    "groups_precision": 0.79,  # measured 0.824
    "residency_recall": 0.80,  # measured 0.833
    # measured 0.360: service areas ("Norfolk", a locality, "West of England") read as limits that
    # their writers did not label as such
    "residency_precision": 0.33,
    "area_wide_recall": 0.95,  # measured 0.979
    "phone_recall": 0.92,  # measured 0.958
    "online_recall": 0.90,  # measured 0.941
    "ages_found": 0.87,  # measured 0.906 (48 of 53; none wrong)
}
# measured once on the two regions written in session 31 (4 December 2026: the Liverpool City
# Region as a PCN's link workers' own resource list; south London as a community navigator network
# run by migrant- and Black-led organisations; 180 services, whole sets, labelled by their writers)
# before any of it was read (commit f31c06d)
SESSION_31_FLOORS = {
    "needs_precision": 0.81,  # measured 0.824 (keyword 0.60); 0.84 since ("elders", NRPF, EUSS)
    "needs_recall": 0.67,  # measured 0.676 (keyword 0.57): mental wellbeing 14 of 27 in Liverpool
    "groups_recall": 0.90,  # measured 0.931
    "groups_precision": 0.80,  # measured 0.827; 0.89 since ("anyone welcome", need-tick columns)
    "residency_recall": 0.88,  # measured 0.912
    # measured 0.255: every service area (a borough, "Merseyside") read as a limit that its writer
    # labelled only where the words say so; 0.13 since "London-wide", "South London" and "SE London"
    # are London's 33, 12 and 6 authorities (not the City of London alone), each counted
    "residency_precision": 0.11,
    "area_wide_recall": 0.95,  # measured 1.000
    "phone_recall": 0.72,  # measured 0.773
    "online_recall": 0.85,  # measured 0.882
    "ages_found": 0.92,  # measured 0.947 (54 of 57; 2 wrong, 0.011)
}
# measured once on the three regions written in session 32 (4 December 2026: Birmingham and the
# Black Country as a patient navigator spreadsheet converted to ORUK; West Yorkshire as an open-data
# portal merging three feeds; Cornwall, Plymouth and Devon as rural village agents' directory; 266
# services, whole sets, labelled by their writers) before any of it was read (commit ab6db09)
SESSION_32_FLOORS = {
    "needs_precision": 0.84,  # measured 0.861 (keyword 0.62)
    "needs_recall": 0.71,  # measured 0.731 (keyword 0.62): mental wellbeing 31 of 63
    "groups_recall": 0.96,  # measured 0.991
    "groups_precision": 0.78,  # measured 0.799; 0.816 since (a "Suitable for" tick the words never echo)
    "residency_recall": 0.88,  # measured 0.902; 0.922 since
    "residency_precision": 0.31,  # measured 0.350: service areas read as limits, as everywhere
    "area_wide_recall": 0.94,  # measured 0.969
    "phone_recall": 0.78,  # measured 0.816
    "online_recall": 0.88,  # measured 0.917
    "ages_found": 0.92,  # measured 0.910 (81 of 89, 7 wrong); 0.944 since (84, 4 wrong)
}
REGIONS = {
    "session_32": (
        [
            ("wm_oruk.json", "labels_wm.jsonl"),
            ("wy_oruk.json", "labels_wy.jsonl"),
            ("sw_oruk.json", "labels_sw.jsonl"),
        ],
        SESSION_32_FLOORS,
    ),
    "session_31": (
        [("lv_oruk.json", "labels_lv.jsonl"), ("ld_oruk.json", "labels_ld.jsonl")],
        SESSION_31_FLOORS,
    ),
    "session_30": (
        [("bs_oruk.json", "labels_bs.jsonl"), ("nf_oruk.json", "labels_nf.jsonl")],
        SESSION_30_FLOORS,
    ),
    "session_29": (
        [("lc_oruk.json", "labels_lc.jsonl"), ("fr_oruk.json", "labels_fr.jsonl")],
        SESSION_29_FLOORS,
    ),
    "north_east": (DEVELOPMENT_REGIONS[:1], NORTH_EAST_FLOORS),
    "mersey_and_peak": ([("mp_oruk.json", "labels_mp.jsonl")], MERSEY_AND_PEAK_FLOORS),
    "unseen_tyneside": (UNSEEN, UNSEEN_FLOORS),
}


@pytest.fixture(scope="module", params=sorted(REGIONS))
def region(request, reader):
    """A whole directory from another region, scored against its writer's labels, with its floors."""
    sets, floors = REGIONS[request.param]
    found = labelled_sets(sets=sets)
    if not found:
        pytest.fail(f"no labels for {request.param} in seed_data/eval/services")
    return _scored(reader, [pair for pairs in found.values() for pair in pairs], request.param), floors


def _print(figures: dict, title: str) -> None:
    print(f"\nunderstanding, {title}: {figures['n']} services")
    print(f"{'need':24} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn")
    for code, m in figures["needs_per_code"].items():
        print(
            f"{code:24} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f}  {m['tp']:2} {m['fp']:2} {m['fn']:2}"
        )
    for name in (
        "needs",
        "needs_keyword",
        "groups",
        "residency",
        "delivery_in_person",
        "delivery_phone",
        "delivery_online",
        "delivery_home_visits",
        "delivery_outreach",
        "area_wide",
        "wheelchair_no",
        "wheelchair_yes",
        "cost_free",
        "cost_low_cost",
        "cost_paid",
    ):
        m = figures[name]
        print(
            f"{name:24} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f}  {m['tp']:2} {m['fp']:2} {m['fn']:2}"
        )
    print("ages", figures["ages"], "cost accuracy", figures["cost_accuracy"])


def test_needs_are_read_better_than_keywords(scored):
    assert scored["needs"]["precision"] >= FLOORS["needs_precision"]
    assert scored["needs"]["recall"] >= FLOORS["needs_recall"]
    assert scored["needs"]["f1"] > scored["needs_keyword"]["f1"]


def test_stated_ages_are_found_and_rarely_wrong(scored):
    assert scored["ages"]["found_rate"] >= FLOORS["ages_found"]
    assert scored["ages"]["wrong_rate"] <= FLOORS["ages_wrong"]


def test_group_restrictions(scored):
    assert scored["groups"]["recall"] >= FLOORS["groups_recall"]
    assert scored["groups"]["precision"] >= FLOORS["groups_precision"]


def test_residency_and_reach(scored):
    assert scored["residency"]["recall"] >= FLOORS["residency_recall"]
    assert scored["residency"]["precision"] >= FLOORS["residency_precision"]
    assert scored["area_wide"]["recall"] >= FLOORS["area_wide_recall"]


def test_phone_and_online_services(scored):
    assert scored["delivery_phone"]["recall"] >= FLOORS["phone_recall"]
    assert scored["delivery_online"]["recall"] >= FLOORS["online_recall"]


def test_home_visits_and_outreach(scored):
    assert scored["delivery_home_visits"]["recall"] >= FLOORS["home_visits_recall"]
    assert scored["delivery_outreach"]["recall"] >= FLOORS["outreach_recall"]


def test_venues_stated_not_wheelchair_accessible(scored):
    assert scored["wheelchair_no"]["recall"] >= FLOORS["wheelchair_no_recall"]


def test_another_regions_needs_and_restrictions(region):
    figures, floors = region
    assert figures["needs"]["precision"] >= floors["needs_precision"]
    assert figures["needs"]["recall"] >= floors["needs_recall"]
    assert figures["needs"]["f1"] > figures["needs_keyword"]["f1"]
    assert figures["groups"]["recall"] >= floors["groups_recall"]
    assert figures["groups"]["precision"] >= floors["groups_precision"]
    assert figures["ages"]["found_rate"] >= floors["ages_found"]


def test_another_regions_reach_and_delivery(region):
    figures, floors = region
    assert figures["residency"]["recall"] >= floors["residency_recall"]
    assert figures["residency"]["precision"] >= floors["residency_precision"]
    assert figures["area_wide"]["recall"] >= floors["area_wide_recall"]
    assert figures["delivery_phone"]["recall"] >= floors["phone_recall"]
    assert figures["delivery_online"]["recall"] >= floors["online_recall"]


def test_a_record_whose_words_name_a_need_is_never_read_as_meeting_none(reader):
    # the classifier rates each need below its bar; the words still say what the session is
    [swim] = [
        r
        for r, _ in labelled_sets([("ot_oruk.json", "labels_ot.jsonl")])["ot_oruk"]
        if r["name"] == "Hyde Ladies Swim"
    ]
    assert reader.understand(swim).need_codes() == ["physical_activity"]


def test_a_record_whose_words_name_no_need_still_meets_its_likeliest(reader):
    """A listening line read as meeting no need was in no one's results: it meets what its words
    most likely mean, if that is likely enough, and a record that says nothing meets nothing."""
    listening = {
        "id": "listening-line",
        "name": "Samaritans",
        "description": "Whatever you're going through, call us free any time, from any phone.",
    }
    assert reader.understand(listening).summary()["needs"] == ["mental_wellbeing"]
    dentist = {
        "id": "dentist",
        "name": "Finding an NHS dentist",
        "description": "How to find an NHS dentist taking new patients: ring NHS 111 or check the NHS website.",
    }
    assert reader.understand(dentist).summary()["needs"] == []


def test_a_label_naming_a_wider_area_is_scored_as_the_authorities_read_for_it():
    lookup, districts = areas(), main_authorities()
    boroughs = [code for code, _ in lookup.find("Greater Manchester")]
    gold = [{"id": "x", "needs": [], "groups": [], "residency": ["Greater Manchester"]}]

    def residency(read: list[str]) -> dict:
        summary = {
            "needs": [],
            "groups": [],
            "min_age": None,
            "max_age": None,
            "residency": read,
            "delivery": [],
            "area_wide": False,
            "wheelchair": "unknown",
            "cost": "unknown",
        }
        return score([summary], gold, lookup, districts)["residency"]

    assert len(boroughs) == 10
    assert (residency(boroughs)["tp"], residency(boroughs)["fp"]) == (1, 0)
    # one borough of ten is not the wider area
    assert (residency(boroughs[:1])["tp"], residency(boroughs[:1])["fp"]) == (0, 1)


def test_an_age_range_from_birth_is_scored_the_same_whether_its_lowest_age_is_0_or_none():
    def ages(read: tuple, label: tuple) -> dict:
        summary = {
            "needs": [],
            "groups": [],
            "min_age": read[0],
            "max_age": read[1],
            "residency": [],
            "delivery": [],
            "area_wide": False,
            "wheelchair": "unknown",
            "cost": "unknown",
        }
        gold = [{"id": "x", "needs": [], "groups": [], "min_age": label[0], "max_age": label[1]}]
        return score([summary], gold)["ages"]

    assert (ages((None, 18), (0, 18))["found"], ages((None, 18), (0, 18))["wrong"]) == (1, 0)
    assert (ages((None, 18), (5, 18))["found"], ages((None, 18), (5, 18))["wrong"]) == (0, 1)
