"""Yes/no values as people and programs write them: a ticked checkbox ("on"), a query string
("true", "1"), a form ("yes"), JSON (true), an environment variable. One reading for all of them.
(The matching library reads a profile's flags with the same words: matching.profile.)"""

from __future__ import annotations

TRUE = ("1", "true", "yes", "on", "y")
FALSE = ("0", "false", "no", "off", "n")


def parse_flag(value, default: bool | None = False) -> bool | None:
    """True or False; ``default`` when the value is missing or blank; None when it is neither a
    yes nor a no (the caller says what to write instead)."""
    if isinstance(value, bool):
        return value
    if value is None or str(value).strip() == "":
        return default
    lowered = str(value).strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    return None


def is_set(value) -> bool:
    """A flag that is only ever switched on (a checkbox, ?large=1): anything but a clear yes is no."""
    return parse_flag(value) is True
