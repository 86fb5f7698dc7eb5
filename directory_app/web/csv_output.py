"""The one CSV writer for every CSV the service produces (exports, reports, referral tables).

A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return before one) as
a formula, so a service name such as ``=HYPERLINK(...)`` would run on a commissioner's machine.
Text cells starting with any of those are prefixed with an apostrophe, as OWASP advises; the
spreadsheet then shows the text. Numbers stay numbers, and a phone number such as
``+44 161 496 0000`` or a signed number such as ``-3.5`` stays as written: neither can be a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HARMLESS = re.compile(r"^(?:\+[0-9 ()-]{6,20}|-?[0-9]+(?:\.[0-9]+)?)$")


def safe_cell(value):
    """``value`` as it may go into a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _HARMLESS.match(value):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every cell passed through ``safe_cell``."""

    def __init__(self, stream: TextIO):
        self._writer = csv.writer(stream, lineterminator="\n")

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: TextIO) -> SafeWriter:
    return SafeWriter(stream)


def to_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    """A whole CSV document as text: the header, then the rows."""
    out = io.StringIO()
    safe = SafeWriter(out)
    safe.writerow(header)
    safe.writerows(rows)
    return out.getvalue()


def unescape_cell(value):
    """Undo ``safe_cell`` when our own CSV is read back (the import template), so an export and
    re-import round-trips; the apostrophe is only dropped where ``safe_cell`` would have added it."""
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value[1:].startswith(FORMULA_START)
        and not _HARMLESS.match(value[1:])
    ):
        return value[1:]
    return value
