"""A council's learning disability and autism directory (Kirklees and Calderdale, session 60): a meet-up
for autistic adults "without a learning disability" is not for a young man with one."""

from __future__ import annotations

from matching import check
from tests.matching.conftest import oruk_record


def test_autistic_adults_without_a_learning_disability(reader, person_from_words, make_service):
    social = reader.understand(
        oruk_record(
            "Relaxed social for autistic adults.",
            name="Spectrum Social",
            eligibility_description="Autistic adults 18+ without a learning disability (we can signpost you to LD groups).",
        )
    )
    drama = reader.understand(
        oruk_record("Inclusive drama for adults with and without learning disabilities.")
    )
    assert "learning_disability" in [f.value for f in social.exclusions]
    assert "learning_disability" not in [f.value for f in drama.exclusions]
    service = make_service(exclusions=[f.value for f in social.exclusions])
    with_ld = person_from_words("19, autistic with mild LD, still has EHCP, at home since school")
    without = person_from_words("ASC dx at 29, no LD, can't do busy groups")
    assert check(with_ld, service, 1.0).reasons == ["not for people with a learning disability"]
    assert check(without, service, 1.0).allowed
