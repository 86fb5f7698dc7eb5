"""The last day of a course or a programme that runs once, between dates a record gives with
their year: "Dates: Tuesdays 30 Sept - 4 Nov 2026", "12 Jan - 21 June 2027", "runs until 31 March
2027". After it the service is over, whatever its status says; the matcher decides from today's
date (matching.service.finished_on). A season that comes round every year ("Nov-March") is
`season.py`'s; a range of months with years ("April 2025 - March 2026") is a funding period, not a
run, and is not read; nor is a schedule's ``valid_to``, which feeds leave a year stale on services
that carry on."""

from __future__ import annotations

import re
from datetime import date

from .record import Record
from .result import Finding
from .season import MONTH, MONTH_NAMES

# a month's name as season.py reads it, captured by the name given
_MONTH = "(?P<{name}>" + MONTH + ")"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>20\d\d)\b"
_END = _DAY.format(name="day") + r"\s+" + _MONTH.format(name="month") + r",?\s+" + _YEAR
# "30 Sept - 4 Nov 2026", "Mondays 5 Jan to 2 Feb 2027": a start with its day, then the end
_RANGE = re.compile(
    r"\b"
    + _DAY.format(name="from_day")
    + r"\s+"
    + _MONTH.format(name="from_month")
    + r"(?:,?\s+20\d\d)?\s*(?:-|–|—|to|until|till)\s*"
    + _END,
    re.I,
)
# "runs until 31 March 2027", "last session 9 Dec 2026", "ends on 4 November 2026"
_UNTIL = re.compile(
    r"\b(?:runs?\s+(?:until|till|to)|until|till|ends?\s+(?:on\s+)?|ending\s+(?:on\s+)?|"
    r"last\s+(?:session|week|class|meeting)\s+(?:is\s+)?(?:on\s+)?)\s*(?:\w+day\s+)?" + _END,
    re.I,
)
# a one-off on one dated day, under a prospectus's "Date:" heading or said to be one: "Dates: Tuesday
# 24 Nov 2026, 10:00-12:00 (one-off)"
_ONE_DAY = re.compile(
    r"(?:\bdates?\s*:\s*|\bone[- ]off\s+(?:session\s+)?(?:on\s+)?)(?:\w+day,?\s+)?"
    + _END
    + r"(?!\s*(?:-|–|—|to|until|till|and|&)\s*\d)",
    re.I,
)
# a date said of something else: when to apply or enrol by, a deadline, a funding period, or the
# end of a break ("closed until 5 Jan 2027", "Christmas break till 6 January 2027": back after it)
_NOT_THE_RUN = re.compile(
    r"\b(?:enrol\w*|apply|applications?|book(?:ing)?\s+by|deadline|register\s+by|funding|funded|grant|contract|"
    r"closed|shut|paused|suspended|on\s+hold|break|holidays?)\b[^.;\n]{0,40}$",
    re.I,
)


# A commissioned programme's own end: "Contract end: 31/03/2026", "Contract end date: 30 June 2028".
# Unlike a grant's or a funding period's, it is the end of the service as listed (a Jobcentre's
# provision tool lists contracts, and a new contract is a new entry).
# So is the end of the funding "for this programme" when it says so of itself ("Funding for this
# programme ends 31 March 2026 – referrals taken until then"), not a group's grant running out.
_CONTRACT_END = re.compile(
    r"(?:\bcontract\s+end(?:s|ed|\s+date)?|\bfunding\s+for\s+this\s+(?:programme|project|service|scheme)\s+"
    r"(?:ends|ended|finishes|finished|stops|stopped))\s*(?::|on)?\s*(?:"
    r"(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>20\d\d)\b|" + _END + ")",
    re.I,
)


def find_run_end(record: Record) -> Finding | None:
    """The last date of the runs the record's words date with their year."""
    found: list[tuple[date, str, str]] = []
    for field in ("description", "eligibility", "alert"):
        text = record.texts.get(field, "")
        for m in _CONTRACT_END.finditer(text):
            end = (
                _numeric_date(m.group("d"), m.group("m"), m.group("y"))
                if m.group("d")
                else _date(m.group("day"), m.group("month"), m.group("year"))
            )
            if end is not None:
                found.append((end, field, m.group(0)))
        for pattern in (_RANGE, _UNTIL, _ONE_DAY):
            for m in pattern.finditer(text):
                if _NOT_THE_RUN.search(text[max(0, m.start() - 60) : m.start()]):
                    continue
                end = _date(m.group("day"), m.group("month"), m.group("year"))
                if end is not None:
                    found.append((end, field, m.group(0)))
    if not found:
        return None
    end, field, words = max(found)
    return Finding(end.isoformat(), 0.8, field, words)


def _numeric_date(day: str, month: str, year: str) -> date | None:
    try:  # day first, as in Britain
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _date(day: str, month: str, year: str) -> date | None:
    number = next(i for i, name in enumerate(MONTH_NAMES, 1) if name.lower().startswith(month[:3].lower()))
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None
