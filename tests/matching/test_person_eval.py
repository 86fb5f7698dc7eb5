"""How well the person's words are read, on the TEST part of the blind people set.

The statements and labels (seed_data/eval/people/) were written by an annotator who never saw
this code or its output; the rules in matching/person.py were written against the development
part only. Run with `-s` to see the figures. Floors sit a little under what was measured, so a
change that reads people worse fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from matching.person import read_age, read_person
from matching.situations import COMMUNITIES
from matching.stated_situations import person_situations
from matching.understanding.evaluate import is_test

PEOPLE = Path(__file__).resolve().parents[2] / "seed_data" / "eval" / "people"
# The annotator's circumstance words, as the taxonomy's group codes. Gender is scored apart: the
# annotator named it only from nouns ("mum", "widow"), where the reader also uses pronouns.
GROUPS = {
    "carer": "carers",
    "veteran": "veterans",
    "lgbtq": "lgbtq",
    "refugee": "refugees",
    "disability": "people_with_disabilities",
    "deaf_bsl": "deaf_bsl",
    "pregnant_new_parent": "pregnant_new_parents",
}
# Round 5's annotator, given no circumstance codes, used the group codes themselves.
GROUPS |= {code: code for code in GROUPS.values()}
GENDER = {"woman": "women", "man": "men", "women": "women", "men": "men"}
# Round 5's preference words, as the codes the reader uses ("men": a men's group wanted).
PREFERENCE_SYNONYMS = {
    "one_to_one": "not_groups",
    "men": "men_only_setting",
    "women": "women_only_setting",
    "phone": "phone_ok",
}


@pytest.fixture(scope="module")
def test_part() -> list[dict]:
    """Every round's test part (statements*.jsonl), each written by its own annotator."""
    rows = [
        json.loads(line)
        for file in sorted(PEOPLE.glob("statements*.jsonl"))
        for line in file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not rows:
        pytest.skip("seed_data/eval/people/statements*.jsonl are not there")
    return [row for row in rows if is_test(row["id"])]


def prf(found: Counter) -> tuple[float, float]:
    tp, fp, fn = found["tp"], found["fp"], found["fn"]
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_the_test_part_is_big_enough(test_part):
    assert len(test_part) >= 100


def test_circumstances(test_part):
    groups, gender = Counter(), Counter()
    for row in test_part:
        read = set(read_person(row["text"]).circumstance_codes)
        gold = {GROUPS[c] for c in row["circumstances"] if c in GROUPS}
        got = read & set(GROUPS.values())
        groups.update(tp=len(got & gold), fp=len(got - gold), fn=len(gold - got))
        for said in (GENDER[c] for c in row["circumstances"] if c in GENDER):
            gender.update(tp=said in read, fn=said not in read, fp=bool(read & set(GENDER.values()) - {said}))
    precision, recall = prf(groups)
    gender_recall = prf(gender)[1]
    print(
        f"\ncircumstances (groups) P={precision:.2f} R={recall:.2f} {dict(groups)}; "
        f"gender where stated R={gender_recall:.2f} {dict(gender)}"
    )
    # Measured on the three rounds' test parts: P 0.89, R 0.75 (P 0.80, R 0.57 before words said of
    # someone else or taken back were dropped and more everyday cues were read; on the first two
    # rounds alone it was P 0.90, R 0.63); gender R 0.88 with 3 readings that contradict the
    # annotator (0.77 before "38F"/"80M" was read). P 0.85 once hearing loss also counts as
    # deaf_bsl (our code covers hard of hearing people, so that they can use a hard-of-hearing
    # group; the annotators marked hearing loss as a disability only).
    # With round 5's test part (1 December 2026, 96 more people): P 0.83, R 0.73; gender R 0.90,
    # 5 contradicting readings in 159 stated. Once pronouns counted only in notes about the person
    # (not after "I"/"my": the person's own words name others so), 3 contradicting in 154.
    assert precision >= 0.80 and recall >= 0.70
    assert gender["fp"] <= 0.04 * (gender["tp"] + gender["fn"]) and gender_recall >= 0.85


# Rounds 4, 5 and 7's annotators were given no list of preference codes and named only a few kinds
# ("men", "outdoors", "phone"...; round 4 says times, "no groups" and a language have no code, and
# round 7 took round 4's), so every other wish read from their items would count as a mistake.
WITHOUT_PREFERENCE_CODES = ("s4-", "s5-", "s7-")


def test_preferences(test_part):
    found = Counter()
    for row in test_part:
        if row["id"].startswith(WITHOUT_PREFERENCE_CODES):
            continue
        got = set(read_person(row["text"]).preference_codes)
        gold = {PREFERENCE_SYNONYMS.get(p, p) for p in row["preferences"]}
        found.update(tp=len(got & gold), fp=len(got - gold), fn=len(gold - got))
    precision, recall = prf(found)
    print(f"\npreferences P={precision:.2f} R={recall:.2f} {dict(found)}")
    # Measured on the three rounds' test parts: P 0.79, R 0.55 (P 0.72, R 0.43 before the everyday
    # phrasings and the phrases that take a cue back, matching/preferences.py).
    assert precision >= 0.76 and recall >= 0.52


def test_ages(test_part):
    stated = [row for row in test_part if row["age"] is not None]
    read = {row["id"]: read_age(row["text"]) for row in test_part}
    right = sum(1 for row in stated if read[row["id"]] and abs(read[row["id"]][0] - row["age"]) <= 5)
    invented = sum(1 for row in test_part if row["age"] is None and read[row["id"]])
    print(
        f"\nages: {right} of {len(stated)} stated ages read within 5 years; {invented} read where none was stated"
    )
    # Measured on the three rounds' test parts: 45 of 58 (26 before "19F", "Pt 80M" and
    # "Jean (83)" were read), 1 invented.
    # With round 5's test part: 66 of 72 (ages said in words, "I'm ninety-seven", now read), 2
    # invented ("rough sleeper, 50s", which its annotator left without an age; a son's "He's 12"
    # is no longer read as the person's).
    assert right / len(stated) >= 0.74 and invented <= 3


# Added after round 3 was written, so its annotator (and round 5's, who worked from its notes) had
# no code for them.
UNLABELLED_SITUATIONS = {
    "learning_disability",
    "bsl_users",
    "dementia",
    "housebound",
    "sight_loss",
    "parent_carers",
    "seeking_asylum",
    # the communities (session 14), which no people set's annotator had a code for
    *(situation.code for situation in COMMUNITIES),
    # nor for these (session 15): a health condition with no name, and being older
    "health_condition",
    "older_people",
    # nor for these (session 16): autism apart from a learning disability, the menopause
    "autism",
    "menopause",
    # nor for this (session 34): out of education, employment or training
    "neet",
    # nor for this (session 40): living alone, which a befriending scheme may ask
    "lives_alone",
    # nor for this (session 48): a hospital's cardiac or pulmonary rehab finished
    "rehab_finished",
    # nor for this (session 51): mental health problems, which a peer group for them asks
    "mental_health",
    # nor for these (session 60): one kind of dementia, incurable cancer, sleeping rough rather than
    # homeless, working in care
    "young_onset_dementia",
    "rarer_dementia",
    "advanced_cancer",
    "rough_sleeping",
    "care_staff",
    "trans",
}


def test_situations(test_part):
    """Situations ("widowed", "homeless", "stroke") from the words alone, where the annotator
    labelled them (round 3 onwards)."""
    labelled = [row for row in test_part if "situations" in row]
    if not labelled:
        pytest.skip("no people set labels situations")
    found = Counter()
    for row in labelled:
        got = {s.code for s in person_situations(row["text"])} - UNLABELLED_SITUATIONS
        gold = set(row["situations"])
        found.update(tp=len(got & gold), fp=len(got - gold), fn=len(gold - got))
    precision, recall = prf(found)
    print(f"\nsituations P={precision:.2f} R={recall:.2f} {dict(found)}")
    # Measured on round 3's test part (96 people): P 0.93, R 0.75 (before the round-3 cues:
    # P 0.90, R 0.69).
    # With round 5's test part (1 December 2026): P 0.88, R 0.73; its extra readings are mostly
    # arguable ("PIP form turned down" as on benefits, "NTQ served" as homeless) but a wife's
    # cancer in remission read as the person's is a real mistake.
    # With rounds 4 and 7's test parts (5 December 2026): P 0.80, R 0.69. Round 7's annotator marks
    # benefits only where the person is on them already (not for a claim being made) and takes a
    # partner's illness as the partner's.
    assert precision >= 0.78 and recall >= 0.67
