"""A report's publication date read from its head: a dateline or a line of its own.

News carries its date above the text or at the start of its first paragraph:

- a line of its own, under the headline: ``14 March 2025``, ``Friday, March 14, 2025``,
  ``2025-03-14``, ``Published 14 March 2025 10:32 GMT``, ``Updated: March 14, 2025``;
- a dateline opening the first paragraph: ``KYIV, 14 March 2025 (Reuters) -``,
  ``Kyiv, Ukraine, March 14, 2025 —``.

Only the head is read (the first :data:`HEAD_LINES` lines with text): a date further down is
narrative time, which a retrospective puts decades before its publication. A date must name
its year, and the day must exist; numeric day-month forms (``03/04/2025``) are left alone,
since their order differs between countries.

>>> publication_date("Brigade moves\\nKYIV, March 14, 2025 - The brigade left Sumy.")
(datetime.date(2025, 3, 14), 2)
>>> publication_date("Brigade moves\\nThe brigade left Sumy on 14 March 2025.") is None
True
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from movemap.extract.when import MONTH_NUMBERS

__all__ = ["HEAD_LINES", "publication_date"]

HEAD_LINES = 4
"""Lines with text read for a date: a headline, a byline, a date line, the dateline."""

_MONTH = r"(?P<{0}>(?i:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r"))\.?"
_WEEKDAY = (r"(?:(?i:" + "|".join((*calendar.day_name, *calendar.day_abbr))
            + r")\.?,?\s+)?")
_DATE = (
    _WEEKDAY + r"(?:"
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format("m1") + r",?\s+(?P<y1>\d{4})"
    r"|" + _MONTH.format("m2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r")\b"
)
_TIME = (r"(?:\s*(?:,|at|-|\|)?\s*\d{1,2}[:.]\d{2}"
         r"(?:\s*(?:(?i:[ap]\.?m\.?)|[A-Z]{2,5}(?:[+-]\d{1,2})?))*)?")
_LABEL = (r"(?:(?i:published|updated|posted|first\s+published|dated?|last\s+modified)"
          r"\s*:?\s*(?:(?i:on)\s+)?)?")
# a line that is its date (and time): nothing else on it
_DATE_LINE = re.compile(r"^\s*" + _LABEL + _DATE + _TIME + r"\s*$")
# CITY[, COUNTRY], DATE [(AGENCY)] - : the place in capitals or as a name, a dash after
_PLACE = r"[A-Z][\w'’.\-]*(?:[ \-][A-Z][\w'’.\-]*){0,3}"
_DATELINE = re.compile(
    r"^\s*" + _PLACE + r"(?:,\s*" + _PLACE + r")?,?\s+" + _DATE
    + r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—:]")


def _day(match: re.Match[str]) -> date | None:
    for year, month, day in (("y1", "m1", "d1"), ("y2", "m2", "d2"), ("y3", "m3", "d3")):
        if match.group(year):
            written = match.group(month)
            number = int(written) if written.isdigit() else MONTH_NUMBERS[written.lower()]
            try:
                return date(int(match.group(year)), number, int(match.group(day)))
            except ValueError:  # 31 February: not a date, so not the report's
                return None
    return None  # pragma: no cover - the pattern has no fourth form


def publication_date(text: str, today: date | None = None) -> tuple[date, int] | None:
    """The date a report gives itself in its head, with its line number (from 1).

    ``None`` when the head holds no such date, or only one after ``today`` (a typo or a
    date of something to come, never a publication date).
    """
    latest = today or date.today()
    seen = 0
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            return None
        match = _DATE_LINE.match(row) or _DATELINE.match(row)
        if match and (day := _day(match)) is not None and date(1500, 1, 1) <= day <= latest:
            return day, number
    return None
