"""Whom a service's exclusion criteria turn away: read only inside an exclusion statement, and a "no"
for the person whose own words put them there."""

from __future__ import annotations

import pytest

from matching import match
from matching.exclusions import person_exclusions
from matching.understanding.exclusions import find_exclusions
from matching.understanding.record import normalise


def _offered(person, service, taxonomy, now) -> list[str]:
    """The names of what `person` is offered when `service` is the whole directory."""
    return [m.name for m in match(person, [service], taxonomy=taxonomy, now=now).matches]


TALKING_THERAPIES = (
    "NHS talking therapies for low mood and anxiety.\n"
    "Exclusion criteria: active psychosis; current risk requiring crisis team input; primary drug or alcohol "
    "dependency (refer to Achieve first)."
)


def exclusions_of(description: str) -> list[str]:
    return [f.value for f in find_exclusions(normalise({"id": "s", "name": "A", "description": description}))]


def test_an_exclusion_statement_is_read_and_an_offer_is_not():
    assert exclusions_of(TALKING_THERAPIES) == ["alcohol_drugs", "psychosis", "crisis"]
    assert exclusions_of("Free support for alcohol dependency and drug misuse. Self-referral.") == []
    assert exclusions_of("Woodwork. Not suitable for anyone under the influence - power tools.") == []


@pytest.mark.parametrize(
    ("goals", "excluded"),
    [
        (
            "husband reckons she's too fond of the wine - bottle most nights, hiding the empties",
            {"alcohol_drugs"},
        ),
        ("husband says she drinks too much", {"alcohol_drugs"}),
        ("her husband drinks too much and she's worn out", set()),
        ("stopped drinking two years ago", set()),
        ("diagnosed with schizophrenia, hears voices", {"psychosis"}),
        ("low mood, no thoughts of suicide", set()),
    ],
)
def test_whose_words_put_them_in_an_exclusion(goals, excluded):
    assert person_exclusions(goals) == excluded


def test_a_service_is_not_offered_to_someone_its_exclusions_turn_away(
    make_service, make_person, taxonomy, now
):
    therapies = make_service(
        km=1, name="Talking Therapies", needs=["mental_wellbeing"], exclusions=["alcohol_drugs", "psychosis"]
    )
    recovery = make_service(km=2, name="Alcohol Service", needs=["mental_wellbeing"])
    drinking = match(
        make_person(goals="low, a bottle of wine most nights"),
        [therapies, recovery],
        taxonomy=taxonomy,
        now=now,
    )
    assert [m.name for m in drinking.matches] == ["Alcohol Service"]
    assert drinking.excluded == {"not for people dependent on alcohol or drugs": 1}
    low = match(make_person(goals="low since the divorce"), [therapies, recovery], taxonomy=taxonomy, now=now)
    assert low.matches[0].name == "Talking Therapies"


def test_a_health_check_for_people_without_diabetes_is_not_offered_to_a_diabetic(
    make_service, make_person, taxonomy, now
):
    check = make_service(
        km=1, name="NHS Health Check", needs=["long_term_conditions"], exclusions=["has_diabetes"]
    )
    diabetic = match(
        make_person(goals="52, type 2 diabetic, overweight, smokes"), [check], taxonomy=taxonomy, now=now
    )
    assert diabetic.matches == [] and diabetic.excluded == {"not for people with diabetes": 1}
    smoker = match(make_person(goals="52, overweight, smokes 20 a day"), [check], taxonomy=taxonomy, now=now)
    assert [m.name for m in smoker.matches] == ["NHS Health Check"]
    # someone else's diabetes is not theirs
    assert "has_diabetes" not in person_exclusions("her husband has diabetes, she is worn out")
    # at risk is not diabetic: a prevention programme is for them
    assert "has_diabetes" not in person_exclusions("practice nurse said bloods 'pre-diabetic' (HbA1c 44)")


def test_a_service_that_sends_council_tenants_to_their_landlord_is_not_offered_to_one(
    make_service, make_person, taxonomy, now
):
    words = (
        "Small jobs around the home: grab rails, key safes. Who can use it: homeowners and private tenants "
        "aged 60+. Council tenants should contact their landlord instead."
    )
    assert exclusions_of(words) == ["council_tenants"]
    assert exclusions_of("Grab rails and key safes for council tenants and homeowners.") == []
    handyperson = make_service(name="Handyperson Service", needs=["housing"], exclusions=["council_tenants"])
    tenant = make_person(
        needs=("housing",), goals="me mam, 79, frightened of the stairs. It's a council house."
    )
    owner = make_person(
        needs=("housing",), goals="me mam, 79, frightened of the stairs. She owns her bungalow."
    )
    assert _offered(tenant, handyperson, taxonomy, now) == []
    assert _offered(owner, handyperson, taxonomy, now) == ["Handyperson Service"]


def test_good_neighbours_for_people_living_alone_are_not_offered_to_a_man_caring_for_his_wife(
    make_service, make_person, taxonomy, now
):
    words = "Shopping and a weekly friendly visit for older or disabled people living alone in Billingham."
    assert exclusions_of(words) == ["lives_with_others"]
    assert exclusions_of("Many people who come are older and live alone, but everyone is welcome.") == []
    assert exclusions_of("Visits for over 65s who live alone or are housebound.") == []
    eligibility = normalise(
        {"id": "s", "name": "A", "eligibility_description": "People aged 60+ living alone in Wigan."}
    )
    assert [f.value for f in find_exclusions(eligibility)] == ["lives_with_others"]
    borough = normalise(
        {"id": "s", "name": "A", "eligibility_description": "Lewisham residents 65+ living alone."}
    )
    assert [f.value for f in find_exclusions(borough)] == ["lives_with_others"]
    assert "lives_with_others" in person_exclusions("full-time carer for husband Ken (Alzheimer's)")
    assert "lives_with_others" in person_exclusions("Mrs P 78 cares for husband, dementia getting worse")
    neighbours = make_service(name="Good Neighbours", needs=["loneliness"], exclusions=["lives_with_others"])
    husband = make_person(needs=("loneliness",), goals="Looks after the wife - Alzheimer's. He's shattered.")
    widow = make_person(needs=("loneliness",), goals="Widow, 81, lives alone since March, days are long.")
    refused = match(husband, [neighbours], taxonomy=taxonomy, now=now)
    assert refused.matches == [] and refused.excluded == {"not for people who live with others": 1}
    assert _offered(widow, neighbours, taxonomy, now) == ["Good Neighbours"]


def test_a_memory_cafe_for_people_with_a_diagnosis_waits_for_the_memory_clinic(
    make_service, make_person, taxonomy, now
):
    assert exclusions_of("For people with a dementia diagnosis and their partners.") == [
        "no_dementia_diagnosis"
    ]
    assert exclusions_of("For people with a dementia diagnosis or memory problems, and their carers.") == []
    cafe = make_service(name="Memory Lane Café", needs=["carers"], exclusions=["no_dementia_diagnosis"])
    waiting = make_person(
        needs=("carers",), goals="Mum's losing things, memory clinic referral but no diagnosis yet"
    )
    diagnosed = make_person(
        needs=("carers",), goals="Mum was diagnosed with Alzheimer's last year, I'm worn out"
    )
    assert _offered(waiting, cafe, taxonomy, now) == []
    assert _offered(diagnosed, cafe, taxonomy, now) == ["Memory Lane Café"]
    # a diagnosis not yet made of something else is not this
    assert "no_dementia_diagnosis" not in person_exclusions("son autistic, no diagnosis yet")
