import json
from pathlib import Path

import pytest

from matching import NeedsTaxonomy

REAL_TAXONOMY = Path(__file__).resolve().parents[2] / "directory_app" / "data" / "needs_taxonomy.json"


def test_words_of_a_person_reach_loneliness_and_bereavement(taxonomy):
    needs = taxonomy.infer_needs("Hardly leaves the house since his wife died")
    assert set(needs) >= {"loneliness", "bereavement"}
    assert "money_debt" not in needs


def test_strongest_need_comes_first(taxonomy):
    # Three bereavement phrases against one weak loneliness word.
    needs = taxonomy.infer_needs("Grieving since his wife died, she passed away in May; misses the company")
    assert needs[0] == "bereavement"
    assert needs[1] == "loneliness"


def test_whole_words_only(taxonomy):
    assert taxonomy.infer_needs("heart condition, wants insulation for the house") == []
    assert taxonomy.infer_needs("a stressful week") == []  # "stress" is not "stressful"
    assert taxonomy.infer_needs("art classes") == ["arts_creativity"]


def test_curly_apostrophes_case_and_plurals(taxonomy):
    assert "loneliness" in taxonomy.infer_needs("Goes to the MEN’S SHEDS on Fridays")
    assert "money_debt" in taxonomy.infer_needs("Debts piling up, can’t pay the bills")
    assert "loneliness" in taxonomy.infer_needs("He doesnt go out")
    assert "mental_wellbeing" in taxonomy.infer_needs("gets panic attack")


def test_one_extra_word_inside_a_phrase_is_tolerated_in_a_persons_words(taxonomy):
    assert "loneliness" in taxonomy.infer_needs("hardly ever leaves the house")
    assert taxonomy.infer_needs("hardly ever really leaves the house") == []
    # tagging a service stays exact
    assert taxonomy.tag_text("hardly ever leaves the house") == []


def test_label_matches_as_a_phrase(taxonomy):
    assert taxonomy.infer_needs("referred for physical activity") == ["physical_activity"]


def test_tag_text_uses_words_and_ukcat_codes(taxonomy):
    # "coffee morning" (two words) outweighs "choir" (one)
    assert taxonomy.tag_text("Weekly choir and coffee morning") == ["loneliness", "arts_creativity"]
    assert taxonomy.tag_text("Drop-in advice", ["SW105"]) == ["money_debt"]
    # a child code of a listed parent code
    assert taxonomy.tag_text("", ["SP105"]) == ["physical_activity"]
    assert taxonomy.tag_text("", ["XX999"]) == []


def test_lookups(taxonomy):
    assert taxonomy.label("money_debt") == "Money and debt"
    assert taxonomy.label("not_a_code") == "not_a_code"
    assert taxonomy.codes()[:2] == ["loneliness", "bereavement"]
    assert taxonomy.reach_km("bereavement") == 10.0
    assert taxonomy.eligibility_codes() == ["carers", "veterans", "women", "men"]


def test_synonym_groups_point_synonyms_at_labels(taxonomy):
    groups = taxonomy.synonym_groups()
    assert groups["befriending"] == ["loneliness and isolation"]
    assert "befriending" in groups["loneliness and isolation"]
    assert all(isinstance(v, list) and v for v in groups.values())


def test_bad_taxonomy_is_refused(taxonomy_data):
    taxonomy_data["needs"].append(dict(taxonomy_data["needs"][0]))
    with pytest.raises(ValueError, match="duplicate"):
        NeedsTaxonomy.from_dict(taxonomy_data)
    with pytest.raises(ValueError):
        NeedsTaxonomy.from_dict({"needs": [{"code": "x"}]})


@pytest.fixture(scope="module")
def real_taxonomy():
    # The taxonomy ships with the product: a missing file is a failure, not a reason to skip.
    return NeedsTaxonomy.from_dict(json.loads(REAL_TAXONOMY.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "phrase, need",
    [
        ("hardly leaves the house since his wife died", "loneliness"),
        ("hardly leaves the house since his wife died", "bereavement"),
        ("he lost his wife last year and is on his own all day", "bereavement"),
        ("bailiffs at the door and behind on rent", "money_debt"),
        ("looks after her mum full time and is exhausted", "carers"),
        ("would like to get fitter and lose some weight", "physical_activity"),
        ("feeling low and anxious since losing her job", "mental_wellbeing"),
    ],
)
def test_real_taxonomy_inference(real_taxonomy, phrase, need):
    assert need in real_taxonomy.infer_needs(phrase)


def test_a_ukcat_code_shared_by_two_needs_tags_both():
    from matching import NeedsTaxonomy

    taxonomy = NeedsTaxonomy.from_dict(
        {
            "needs": [
                {
                    "code": "welfare_benefits",
                    "label": "Welfare benefits",
                    "synonyms": ["benefits"],
                    "ukcat": ["CA101"],
                },
                {
                    "code": "legal_advice",
                    "label": "Legal advice",
                    "synonyms": ["solicitor"],
                    "ukcat": ["CA101"],
                },
            ]
        }
    )
    assert set(taxonomy.tag_text("", ["CA101"])) == {"welfare_benefits", "legal_advice"}
