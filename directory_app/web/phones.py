"""UK phone numbers as people write them, and as phones dial them (python-phonenumbers, region GB)."""

from __future__ import annotations

import phonenumbers

_NATIONAL = phonenumbers.PhoneNumberFormat.NATIONAL
_INTERNATIONAL = phonenumbers.PhoneNumberFormat.INTERNATIONAL
_E164 = phonenumbers.PhoneNumberFormat.E164


def _parsed(value: str | None):
    if not value or not isinstance(value, str):
        return None
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def format_phone(value: str | None) -> str | None:
    """ "+441619122000" → "0161 912 2000" (a number abroad keeps its country code); None when it is
    not a real number."""
    number = _parsed(value)
    if number is None:
        return None
    return phonenumbers.format_number(number, _NATIONAL if number.country_code == 44 else _INTERNATIONAL)


def display_phone(value: str | None) -> str:
    """What a listing shows: the tidy form, or a publisher's text as they wrote it ("ext. 2")."""
    return format_phone(value) or (value or "")


def tel_href(value: str | None) -> str | None:
    """A tel: link target in E.164 ("tel:+441619122000"), or None: text that is not a number
    (say "abc") must not become a link that dials something."""
    number = _parsed(value)
    return f"tel:{phonenumbers.format_number(number, _E164)}" if number is not None else None
