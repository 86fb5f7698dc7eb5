"""Case references: pseudonyms chosen by the link worker, checked so that they cannot be identifiers.

A link worker under time pressure may type the person's NHS number, postcode, email, phone number
or date of birth into the one box that asks for "a reference". We refuse anything shaped like one
of those, wherever it sits in the value ("REF 943 476 5919" is as identifying as the number
alone), and say which shape we saw, so the fix is obvious. False alarms are the lesser harm: a
link worker can always choose another reference; a stored NHS number cannot be un-stored.
"""
from __future__ import annotations

import re
from datetime import date

from ..errors import ValidationError

MIN_LENGTH, MAX_LENGTH = 2, 40
ALLOWED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./_-]*$")
ADVICE = "Use a reference that means nothing outside your team, such as SP-0142."

# UK phone numbers: 0 or +44 then 9-10 more digits, with spaces, dashes or brackets anywhere.
PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+\s*44\s*(?:\(\s*0\s*\)\s*)?|\(?0)(?:[\s()-]*\d){9,10}(?![0-9])")
# NHS numbers: 10 digits, often written 3-3-4 with spaces or dashes.
NHS_NUMBER = re.compile(r"(?<![0-9])(?:\d[\s-]?){9}\d(?![0-9])")
POSTCODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}(?![A-Za-z0-9])")
EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# 01/02/1950, 1-2-50, 01.02.1950, 01 02 1950 (spaces only with a four-digit year)
DAY_FIRST = re.compile(r"(?<![0-9])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![0-9])"
                       r"|(?<![0-9])(\d{1,2})( )(\d{1,2}) (\d{4})(?![0-9])")
YEAR_FIRST = re.compile(r"(?<![0-9])(\d{4})([/.\s-])(\d{1,2})\2(\d{1,2})(?![0-9])")
NAMED_MONTH = re.compile(rf"(?<![0-9])\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{2,4}}(?![0-9])"
                         rf"|\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}(?![0-9])", re.IGNORECASE)
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


def identifier_shape(value: str) -> str | None:
    """What kind of personal identifier ``value`` contains, or None. Checked in an order that
    names the likeliest reading: "0161 496 0000" is a phone number before it is ten digits."""
    if EMAIL.search(value) or "@" in value:
        return "an email address"
    if PHONE.search(value):
        return "a phone number"
    if NHS_NUMBER.search(value):
        return "an NHS number"
    if _looks_like_date(value):
        return "a date (such as a date of birth)"
    if POSTCODE.search(value):
        return "a postcode"
    return None


def clean_case_reference(raw, field: str = "case_reference") -> str:
    """Normalise (trim, single spaces, upper case) and check a case reference; raise ValidationError."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValidationError("Enter a case reference.", {field: "Enter a case reference. " + ADVICE})
    value = " ".join(raw.split())
    shape = identifier_shape(value)
    if shape:
        message = f"The case reference looks like {shape}. Never record personal details. {ADVICE}"
        raise ValidationError(message, {field: message})
    if not MIN_LENGTH <= len(value) <= MAX_LENGTH:
        message = f"Use {MIN_LENGTH} to {MAX_LENGTH} characters."
        raise ValidationError(message, {field: message})
    if not ALLOWED.match(value):
        message = "Use only letters, numbers, spaces and . / _ -, starting with a letter or number."
        raise ValidationError(message, {field: message})
    return value.upper()
