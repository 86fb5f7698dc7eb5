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
GENDER = {"woman": "women", "man": "men"}
PREFERENCE_SYNONYMS = {"one_to_one": "not_groups"}


@pytest.fixture(scope="module")
def test_part() -> list[dict]:
    """Both rounds' test parts (statements*.jsonl), each written by its own annotator."""
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
    # Measured on both rounds' test parts: P 0.90, R 0.63 (before the round-2 cues: 0.89, 0.61);
    # gender R 0.86 with one reading that contradicts the annotator (round 2 also tagged gender
    # from pronouns, where the first round tagged it from nouns only).
    assert precision >= 0.85 and recall >= 0.60
    assert gender["fp"] <= 1 and gender_recall >= 0.70


def test_preferences(test_part):
    found = Counter()
    for row in test_part:
        got = set(read_person(row["text"]).preference_codes)
        gold = {PREFERENCE_SYNONYMS.get(p, p) for p in row["preferences"]}
        found.update(tp=len(got & gold), fp=len(got - gold), fn=len(gold - got))
    precision, recall = prf(found)
    print(f"\npreferences P={precision:.2f} R={recall:.2f} {dict(found)}")
    # Measured on both rounds' test parts: P 0.73, R 0.43 (before the new cues: P 0.74, R 0.40).
    assert precision >= 0.70 and recall >= 0.40


def test_ages(test_part):
    stated = [row for row in test_part if row["age"] is not None]
    read = {row["id"]: read_age(row["text"]) for row in test_part}
    right = sum(1 for row in stated if read[row["id"]] and abs(read[row["id"]][0] - row["age"]) <= 5)
    invented = sum(1 for row in test_part if row["age"] is None and read[row["id"]])
    print(
        f"\nages: {right} of {len(stated)} stated ages read within 5 years; {invented} read where none was stated"
    )
    assert right / len(stated) >= 0.70 and invented <= 2
