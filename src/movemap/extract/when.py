"""Dates in report text, absolute or relative to the publication date, with their precision.

Found: ``18 October 2024``, ``October 18, 2024``, ``2024-10-18``, ``October 2024``, ``on the
18th``, ``between 8 and 13 October``, ``from the 8th to the 13th``, ``by November 1``,
``since August last year``, ``in early August``, ``mid-October``, ``next month``, ``last
week``, ``in the fourth quarter``. Each becomes a :class:`movemap.dates.FuzzyDate` (an
interval for a span or a month, a bound for ``by`` and ``since``); no day is invented.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from movemap.dates import FuzzyDate, parse_date

__all__ = ["DateMention", "find_dates"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_M = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: what it means and where it is."""

    date: FuzzyDate
    start: int
    end: int
    role: str = ""  # "start", "end" (by ...), or "" (a span or a point)


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _year_for(month: int, published: date, past: bool | None = None) -> int:
    """The year of a month named without one.

    ``past``: the latest not after publication; ``False``: the first not before it; None:
    the nearest to publication (within six months either way).
    """
    if past:
        return published.year if month <= published.month else published.year - 1
    if past is False:
        return published.year if month >= published.month else published.year + 1
    shift = month - published.month
    return published.year - 1 if shift > 6 else published.year + 1 if shift < -6 else (
        published.year)


def _day(year: int, month: int, day: int) -> FuzzyDate | None:
    try:
        return parse_date(date(year, month, day))
    except ValueError:
        return None


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("span_dm", re.compile(rf"\b(?:between|from)\s+(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"\s+(?:and|to|-)\s+(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"(?:\s+(?:of\s+)?{_M})?(?:,?\s+{_Y})?", re.I)),
    ("dmy", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?", re.I)),
    ("mdy", re.compile(rf"\b{_M}\s+{_D}(?:,\s*{_Y})?\b", re.I)),
    ("part", re.compile(rf"\b(?P<part>early|mid|late)[- ]{_M}(?:\s+{_Y})?", re.I)),
    ("part_of", re.compile(rf"\b(?:the\s+)?(?P<part>beginning|start|middle|end)\s+of\s+{_M}"
                           rf"(?:\s+{_Y})?", re.I)),
    ("week_of", re.compile(rf"\b(?:the\s+)?(?P<week>first|second|third|fourth|last)\s+week\s+"
                           rf"of\s+{_M}(?:\s+{_Y})?", re.I)),
    ("since_last", re.compile(rf"\bsince\s+{_M}\s+last\s+year\b", re.I)),
    ("my", re.compile(rf"\b{_M}\s+{_Y}\b", re.I)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter"
                           r"(?:\s+of\s+(?P<year>\d{4}))?", re.I)),
    ("the_nth", re.compile(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+[A-Z])")),
    ("relative", re.compile(r"\b(?P<rel>next month|this month|last month|next week|last week|"
                            r"yesterday|today|soon)\b", re.I)),
    ("month", re.compile(rf"\b(?:in|since|by|until|during|through|throughout)\s+{_M}",
                         re.I)),
]
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _meaning(kind: str, m: re.Match[str], published: date) -> FuzzyDate | None:
    g = m.groupdict()
    month = _MONTHS.get((g.get("month") or "").lower().rstrip("."))
    year = int(g["year"]) if g.get("year") else None
    if kind == "iso":
        return _day(int(g["year"]), int(g["m"]), int(g["d"]))
    if kind == "span_dm":
        month = month or published.month
        year = year or _year_for(month, published)
        first, last = _day(year, month, int(g["d1"])), _day(year, month, int(g["d2"]))
        if first and last and first.earliest and last.earliest and first.earliest <= last.earliest:
            return parse_date(f"{first}/{last}")
        return None
    if kind in ("dmy", "mdy"):
        assert month is not None
        return _day(year or _year_for(month, published), month, int(g["day"]))
    if kind == "part":
        assert month is not None
        return parse_date(f"{g['part'].lower()} {year or _year_for(month, published):04d}-"
                          f"{month:02d}")
    if kind == "part_of":
        assert month is not None
        part = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}[
            g["part"].lower()]
        return parse_date(f"{part} {year or _year_for(month, published):04d}-{month:02d}")
    if kind == "week_of":
        assert month is not None
        year = year or _year_for(month, published)
        month_last = _month_end(year, month)
        opening = {"first": 1, "second": 8, "third": 15, "fourth": 22,
                   "last": month_last - 6}[g["week"].lower()]
        return parse_date(f"{date(year, month, opening).isoformat()}/"
                          f"{date(year, month, min(opening + 6, month_last)).isoformat()}")
    if kind == "since_last":
        assert month is not None
        return parse_date(f"since {published.year - 1:04d}-{month:02d}")
    if kind == "my":
        assert month is not None and year is not None
        return parse_date(f"{year:04d}-{month:02d}")
    if kind == "quarter":
        return parse_date(f"{year or published.year:04d}-Q{_QUARTERS[g['q'].lower()]}")
    if kind == "the_nth":
        return _day(published.year, published.month, int(g["d"]))
    if kind == "relative":
        rel = g["rel"].lower()
        if rel in ("today", "yesterday"):
            return parse_date(published - timedelta(days=rel == "yesterday"))
        if rel == "soon":
            return parse_date(f"after {published.isoformat()}")
        if rel.endswith("week"):
            monday = published - timedelta(days=published.weekday())
            monday += timedelta(days=7 if rel.startswith("next") else -7 if
                                rel.startswith("last") else 0)
            return parse_date(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}")
        shift = {"next": 1, "last": -1, "this": 0}[rel.split()[0]]
        year, month = divmod(published.year * 12 + published.month - 1 + shift, 12)
        return parse_date(f"{year:04d}-{month + 1:02d}")
    if kind == "month":
        assert month is not None
        word = m.group(0).split()[0].lower()
        return parse_date(f"{_year_for(month, published, True if word == 'since' else None):04d}"
                          f"-{month:02d}")
    return None


def find_dates(text: str, published: date) -> list[DateMention]:
    """Every date mention in ``text``, resolved against ``published``, in text order."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            meaning = _meaning(kind, m, published)
            if meaning is None:
                continue
            before = text[max(0, m.start() - 8): m.start()].lower()
            role = ""
            if re.search(r"\b(by|before|until)\s+$", before) and kind != "span_dm":
                meaning = parse_date(f"by {meaning.latest or meaning.first_day}")
                role = "end"
            elif re.search(r"\b(since|after)\s+$", before) and kind not in ("span_dm",
                                                                          "since_last"):
                meaning = parse_date(f"since {meaning.earliest or meaning.first_day}")
                role = "start"
            taken.append((m.start(), m.end()))
            out.append(DateMention(meaning, m.start(), m.end(), role))
    return sorted(out, key=lambda d: d.start)
