"""Dates as reports give them: a day, a month, a quarter, part of a month, an interval, a bound.

A :class:`FuzzyDate` keeps what the source said and never invents a day: ``2024-11`` is the
whole of November (``earliest`` 1 November, ``latest`` 30 November, precision ``month``), and
``by 2024-11-01`` has no earliest day at all.

Forms (keywords are case-insensitive)::

    2024-10-08                 day
    2024-10-08 23:30           day   (a time of day, ISO 8601 with T or a space, seconds and
                                      a zone optional, is read as the day written, in its own
                                      zone: dates are days here; the text is kept as written)
    2024-10                    month
    2024-Q4                    quarter
    2024                       year
    early 2024-10              1-10 October   (also mid: 11-20, late: 21-end)
    2024-10-08/2024-10-13      interval between any two of the forms above
    by 2024-11-01              on or before   (also: before, which excludes the day)
    after 2024-10-18           after          (also: since, from, which include the day)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from movemap.errors import DateError
from movemap.unpickle import restore_fields

__all__ = ["DateError", "FuzzyDate", "Precision", "parse_date"]


class Precision(StrEnum):
    """How much of a date the source gave."""

    DAY = "day"
    PART = "part"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    INTERVAL = "interval"
    BEFORE = "before"
    AFTER = "after"


_FORMS = ("YYYY-MM-DD, YYYY-MM-DD HH:MM (read as its day), YYYY-MM, YYYY-Qn, YYYY, "
          "early|mid|late YYYY-MM, A/B, by|before|after|since DATE")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# ISO 8601's date and time (T or one space between), seconds, fraction and zone optional
_DAY_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                       r" ?(?:Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[qQ]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_PART = re.compile(r"^(early|mid|late)\s+(\d{4})-(\d{2})$", re.IGNORECASE)
_BOUND = re.compile(r"^(by|before|after|since|from)\s+(.+)$", re.IGNORECASE)
_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date with its uncertainty: the earliest and latest days it can mean.

    ``earliest`` or ``latest`` is None where the source leaves that end open (a bound).
    ``text`` is the canonical form, which :func:`parse_date` reads back to the same value.
    """

    __setstate__ = restore_fields

    earliest: date | None
    latest: date | None
    precision: Precision
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def first_day(self) -> date:
        """The earliest day, or for an open start the latest: when it has surely begun."""
        day = self.earliest or self.latest
        assert day is not None  # parse_date never makes a date open at both ends
        return day

    @property
    def last_day(self) -> date:
        """The latest day, or for an open end the earliest."""
        day = self.latest or self.earliest
        assert day is not None
        return day

    @property
    def middle(self) -> date:
        """The central estimate: the middle of the known window, or its one known end."""
        if self.earliest and self.latest:
            return self.earliest + (self.latest - self.earliest) / 2
        return self.first_day

    @property
    def days(self) -> int | None:
        """How many days the date spans, or None when an end is open."""
        if self.earliest and self.latest:
            return (self.latest - self.earliest).days + 1
        return None

    def covers(self, day: date) -> bool:
        """Whether ``day`` can be meant by this date."""
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )

    def surely_before(self, other: FuzzyDate) -> bool:
        """Whether every day this date can mean comes before every day ``other`` can mean."""
        return self.latest is not None and other.earliest is not None and (
            self.latest < other.earliest
        )


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _simple(text: str) -> FuzzyDate | None:
    """A day, part of a month, month, quarter or year; None if ``text`` is none of those."""
    if m := _DAY.match(text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return FuzzyDate(day, day, Precision.DAY, day.isoformat())
    if m := _DAY_TIME.match(text):
        # the day as written, in the writer's zone (as a YAML timestamp is read): checked as
        # a whole date and time, so that 2024-10-08 25:30 is no day
        datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return FuzzyDate(day, day, Precision.DAY, text)  # the text as written
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        return FuzzyDate(date(year, month, 1), _month_end(year, month), Precision.MONTH,
                         f"{year:04d}-{month:02d}")
    if m := _QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        return FuzzyDate(date(year, first, 1), _month_end(year, first + 2), Precision.QUARTER,
                         f"{year:04d}-Q{quarter}")
    if m := _YEAR.match(text):
        year = int(m[1])
        return FuzzyDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, f"{year:04d}")
    if m := _PART.match(text):
        part, year, month = m[1].lower(), int(m[2]), int(m[3])
        low, high = _PART_DAYS[part]
        end = min(high, _month_end(year, month).day)
        return FuzzyDate(date(year, month, low), date(year, month, end), Precision.PART,
                         f"{part} {year:04d}-{month:02d}")
    return None


def parse_date(value: str | date) -> FuzzyDate:
    """Read a date in any of the module's forms.

    Raises
    ------
    DateError
        If the text is none of the forms, names a day that does not exist, or is an
        interval that ends before it starts.

    Examples
    --------
    >>> d = parse_date("2024-11")
    >>> d.earliest, d.latest, d.precision.value
    (datetime.date(2024, 11, 1), datetime.date(2024, 11, 30), 'month')
    >>> parse_date("by 2024-11-01").earliest is None
    True
    >>> str(parse_date("2024-10-08 / 2024-10-13"))
    '2024-10-08/2024-10-13'
    >>> parse_date("2024-10-08 23:30").latest
    datetime.date(2024, 10, 8)
    """
    if isinstance(value, datetime):  # a YAML timestamp: its day, in its zone; text as written
        return FuzzyDate(value.date(), value.date(), Precision.DAY, value.isoformat())
    if isinstance(value, date):
        return FuzzyDate(value, value, Precision.DAY, value.isoformat())
    text = " ".join(str(value).split())
    try:
        if "/" in text:
            first, _, second = (part.strip() for part in text.partition("/"))
            start, end = _simple(first), _simple(second)
            if start is None or end is None:
                raise DateError(f"{text!r} is not an interval of two dates ({_FORMS})")
            assert start.earliest and end.latest
            if end.latest < start.earliest:
                raise DateError(f"interval {text!r} ends before it starts")
            return FuzzyDate(start.earliest, end.latest, Precision.INTERVAL,
                             f"{start.text}/{end.text}")
        if m := _BOUND.match(text):
            word, inner = m[1].lower(), _simple(m[2].strip())
            if inner is None:
                raise DateError(f"{text!r}: {m[2]!r} is not a date ({_FORMS})")
            assert inner.earliest and inner.latest
            if word == "by":
                return FuzzyDate(None, inner.latest, Precision.BEFORE, f"by {inner.text}")
            if word == "before":
                return FuzzyDate(None, inner.earliest - timedelta(days=1), Precision.BEFORE,
                                 f"before {inner.text}")
            if word == "after":
                return FuzzyDate(inner.latest + timedelta(days=1), None, Precision.AFTER,
                                 f"after {inner.text}")
            return FuzzyDate(inner.earliest, None, Precision.AFTER, f"{word} {inner.text}")
        simple = _simple(text)
    except ValueError as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError(f"{text!r} is not a real date: {exc}") from None
    if simple is None:
        raise DateError(f"{text!r} is not a date; use one of: {_FORMS}")
    return simple
