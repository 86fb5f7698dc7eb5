"""Case references are codes the service issues; anything typed is refused, and anything shaped
like a personal identifier is refused with the shape named."""

from __future__ import annotations

import pytest

from directory_app.errors import ValidationError
from directory_app.referrals.identifiers import (
    ISSUED,
    clean_case_reference,
    identifier_shape,
    new_case_reference,
)


@pytest.mark.parametrize(
    "value, shape",
    [
        ("943 476 5919", "NHS number"),
        ("9434765919", "NHS number"),
        ("943-476-5919", "NHS number"),
        ("SP 943 476 5919", "NHS number"),
        ("M33 7ZZ", "postcode"),
        ("m337zz", "postcode"),
        ("ref WA14 1PF", "postcode"),
        ("jo.bloggs@example.com", "email"),
        ("jo@nhs.net", "email"),
        ("07700 900123", "phone"),
        ("07700900123", "phone"),
        ("+44 7700 900123", "phone"),
        ("0161 496 0000", "phone"),
        ("(0161) 496-0000", "phone"),
        ("01/02/1950", "date"),
        ("1950-02-01", "date"),
        ("1/2/50", "date"),
        ("01.02.1950", "date"),
        ("01-02-1950", "date"),
        ("1 Feb 1950", "date"),
        ("February 1, 1950", "date"),
        ("01021950", "date"),
        ("SP 1950/02/01", "date"),
    ],
)
def test_identifier_shapes_are_rejected_with_the_shape_named(value, shape):
    with pytest.raises(ValidationError) as caught:
        clean_case_reference(value)
    assert shape in caught.value.fields["case_reference"]
    assert shape in identifier_shape(value)


def test_issued_codes_are_random_well_formed_and_accepted_back_however_typed():
    codes = {new_case_reference() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert ISSUED.match(code)
        assert clean_case_reference(code) == code
        assert clean_case_reference(f"  {code.lower()} ") == code
        assert not any(vowel in code[3:] for vowel in "AEIOU")  # no words, so no names


@pytest.mark.parametrize("value", ["Mrs Doris Brown", "SP-0142", "CR-ABCDEF", "CR-7KQ4M", "X9", "case 12"])
def test_typed_references_are_refused_even_when_harmless_looking(value):
    with pytest.raises(ValidationError) as caught:
        clean_case_reference(value)
    assert "issued by the service" in caught.value.fields["case_reference"]


@pytest.mark.parametrize("value", ["", "   ", None, 42, "A" * 41, "#tag"])
def test_empty_or_odd_references_are_rejected(value):
    with pytest.raises(ValidationError) as caught:
        clean_case_reference(value)
    assert caught.value.fields["case_reference"]
