"""Case references are pseudonyms: anything shaped like a personal identifier is refused."""
from __future__ import annotations

import pytest

from directory_app.errors import ValidationError
from directory_app.referrals.identifiers import clean_case_reference, identifier_shape


@pytest.mark.parametrize("value, shape", [
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
])
def test_identifier_shapes_are_rejected_with_the_shape_named(value, shape):
    with pytest.raises(ValidationError) as caught:
        clean_case_reference(value)
    assert shape in caught.value.fields["case_reference"]
    assert shape in identifier_shape(value)


@pytest.mark.parametrize("value, cleaned", [
    ("SP-0142", "SP-0142"),
    ("  lw   17 ", "LW 17"),
    ("AB/2024/07", "AB/2024/07"),
    ("case 12", "CASE 12"),
    ("X9", "X9"),
    ("TRAF_PCN.0003", "TRAF_PCN.0003"),
])
def test_pseudonyms_are_accepted_and_normalised(value, cleaned):
    assert clean_case_reference(value) == cleaned


@pytest.mark.parametrize("value", ["", "   ", None, 42, "x", "A" * 41, "#tag", "-lead"])
def test_empty_short_long_or_odd_references_are_rejected(value):
    with pytest.raises(ValidationError) as caught:
        clean_case_reference(value)
    assert caught.value.fields["case_reference"]
