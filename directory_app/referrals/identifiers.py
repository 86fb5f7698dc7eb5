"""Case references: short random codes the service issues, never text a person typed.

A free-text "reference" box collects names ("Mrs Doris Brown"), NHS numbers and dates of birth
however it is labelled, so the service makes the code itself when a referral for a new person is
recorded, shows it to the link worker to keep in their own records, and afterwards accepts only
codes of that shape. When something else is typed we still say which identifier it looks like
(an NHS number, postcode, email, phone number or date), so the mistake is obvious.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import date

from ..errors import ValidationError

CODE_PREFIX = "CR-"
# No vowels (no words), and none of 0/O, 1/I/L... that are misread when copied by hand.
CODE_ALPHABET = "CDFGHJKMNPQRTVWXY3479"
CODE_LENGTH = 6
ISSUED = re.compile(rf"^{CODE_PREFIX}[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
ADVICE = (
    "Case references are issued by the service and look like CR-7KQ4MX: leave the box empty for "
    "a new person, or enter the code you were given for this person."
)

# UK phone numbers: 0 or +44 then 9-10 more digits, with spaces, dashes or brackets anywhere.
PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+\s*44\s*(?:\(\s*0\s*\)\s*)?|\(?0)(?:[\s()-]*\d){9,10}(?![0-9])")
# NHS numbers: 10 digits, often written 3-3-4 with spaces or dashes.
NHS_NUMBER = re.compile(r"(?<![0-9])(?:\d[\s-]?){9}\d(?![0-9])")
POSTCODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}(?![A-Za-z0-9])")
EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# 01/02/1950, 1-2-50, 01.02.1950, 01 02 1950 (spaces only with a four-digit year)
DAY_FIRST = re.compile(
    r"(?<![0-9])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![0-9])"
    r"|(?<![0-9])(\d{1,2})( )(\d{1,2}) (\d{4})(?![0-9])"
)
YEAR_FIRST = re.compile(r"(?<![0-9])(\d{4})([/.\s-])(\d{1,2})\2(\d{1,2})(?![0-9])")
NAMED_MONTH = re.compile(
    rf"(?<![0-9])\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{2,4}}(?![0-9])"
    rf"|\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}(?![0-9])",
    re.IGNORECASE,
)
COMPACT_DATE = re.compile(r"(?<![0-9])(\d{8})(?![0-9])")


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _looks_like_date(value: str) -> bool:
    for match in DAY_FIRST.finditer(value):
        groups = [g for g in match.groups() if g is not None]
        first, second = int(groups[0]), int(groups[2])
        # Day first (UK) or month first (US): either way a date.
        if _valid_day_month(first, second) or _valid_day_month(second, first):
            return True
    for match in YEAR_FIRST.finditer(value):
        if _valid_day_month(int(match.group(4)), int(match.group(3))):
            return True
    if NAMED_MONTH.search(value):
        return True
    this_year = date.today().year
    for match in COMPACT_DATE.finditer(value):
        digits = match.group(1)
        day_first = (int(digits[4:]), int(digits[2:4]), int(digits[:2]))  # DDMMYYYY
        year_first = (int(digits[:4]), int(digits[4:6]), int(digits[6:]))  # YYYYMMDD
        for year, month, day in (day_first, year_first):
            if 1900 <= year <= this_year and _is_date(year, month, day):
                return True
    return False


A_DATE = "a date (such as a date of birth)"
# In the order that names the likeliest reading: "0161 496 0000" is a phone number before it is
# ten digits.
SHAPES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("an email address", lambda value: bool(EMAIL.search(value)) or "@" in value),
    ("a phone number", lambda value: bool(PHONE.search(value))),
    ("an NHS number", lambda value: bool(NHS_NUMBER.search(value))),
    (A_DATE, _looks_like_date),
    ("a postcode", lambda value: bool(POSTCODE.search(value))),
)


def identifier_shape(value: str) -> str | None:
    """What kind of personal identifier ``value`` contains, or None."""
    return next((kind for kind, found_in in SHAPES if found_in(value)), None)


def personal_detail_in_text(value: str) -> str | None:
    """For free text from the public (problem reports): which kind of contact detail or
    identifier it holds, or None. Dates are allowed here ("closed since 3 March" is the point of
    a report); phone numbers, emails, NHS numbers and postcodes are not, even a service's own,
    because nobody can tell them apart from a person's."""
    return next((kind for kind, found_in in SHAPES if kind != A_DATE and found_in(value)), None)


def new_case_reference() -> str:
    """A fresh code such as CR-7KQ4MX: random, so it says nothing about the person or when."""
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_case_reference(raw, field: str = "case_reference") -> str:
    """An issued case reference as typed back to us (any case, stray spaces), normalised; anything
    else is refused with a ValidationError that says why, naming the identifier shape it has."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValidationError(
            "Enter a case reference.", {field: "Enter the case reference you were given. " + ADVICE}
        )
    value = "".join(raw.split()).upper()
    if ISSUED.match(value):
        return value
    shape = identifier_shape(" ".join(raw.split()))
    if shape:
        message = f"The case reference looks like {shape}. Never record personal details. {ADVICE}"
    else:
        message = f"This is not a case reference the service issued. {ADVICE}"
    raise ValidationError(message, {field: message})
