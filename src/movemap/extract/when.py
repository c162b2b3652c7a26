"""Dates in report text, absolute or relative to the publication date, with their precision.

Found: ``18 October 2024``, ``October 18, 2024``, ``2024-10-18``, ``October 2024``, ``on the
18th``, ``between 8 and 13 October``, ``from the 8th to the 13th``, ``by November 1``,
``since August last year``, ``in early August``, ``mid-October``, ``next month``, ``last
week``, ``in the fourth quarter``, ``on Tuesday`` (in news, the last Tuesday up to
publication). Each becomes a :class:`movemap.dates.FuzzyDate` (an interval for a span or
a month, a bound for ``by`` and ``since``); no day is invented.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from movemap.dates import FuzzyDate, parse_date
from movemap.extract.alternation import grouped
from movemap.extract.lookahead import matches_from, quick

__all__ = ["MONTH_NUMBERS", "DateMention", "find_dates", "headline_era", "month_before",
           "year_before"]

MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTH_NUMBERS["sept"] = 9
"""A month's name or abbreviation, lower case (``sept`` too), to its number."""
# one branch per first letters, not 25 alternatives tried at every word: far faster
_M = (r"(?P<month>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
      r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\b\.?")
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: what it means and where it is."""

    date: FuzzyDate
    start: int
    end: int
    role: str = ""  # "start", "end" (by ...), or "" (a span or a point)
    kind: str = ""  # the pattern that found it (``later``, ``following``: narrative steps)
    year_given: bool = True  # False: the year was inferred (a past event may need the one before)


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


# the letters outside ASCII that a case-blind month name matches (the long s of "ſept", the
# dotless i of "aprıl"; the Kelvin sign and the dotted I change in lower case)
_ODD_LETTERS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u212a": "k", "\u0130": "i"})


def _month_key(name: str | None) -> str:
    """A month's name as :data:`MONTH_NUMBERS` keys it (``Sept.``: ``sept``)."""
    return (name or "").translate(_ODD_LETTERS).lower().rstrip(".")


def _day(year: int, month: int, day: int) -> FuzzyDate | None:
    try:
        return parse_date(date(year, month, day))
    except ValueError:
        return None


_M2 = _M.replace("(?P<month>", "(?P<month2>")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "several": 3}
_N = r"(?P<n>\d{1,2}|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
# a count of years in words (a hundred, two hundred and fifty, seventy-five) or digits
_YEAR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
               "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
               "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
               "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_YEAR_WORD = r"(?:" + "|".join(sorted(_YEAR_WORDS, key=len, reverse=True)) + r"|hundred)"
_YEARS_AGO = re.compile(
    r"\b(?P<n>\d{1,4}|(?:an?\s+hundred|" + _YEAR_WORD + r")(?:(?:\s+and\s+|[\s-]+)"
    + _YEAR_WORD + r"){0,3})\s+years\s+ago(?P<today>\s+(?:today|this\s+week|this\s+month))?\b",
    re.I)

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
             "twelfth": 12, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
             "hundredth": 100}
_ORDINAL = r"(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")"
# the eightieth anniversary (of the landing); Sixty years on: a retrospective's distance
_ANNIVERSARY = re.compile(
    r"\b(?:the\s+)?(?P<n>\d{1,3}(?:st|nd|rd|th)|(?:(?:an?|" + _YEAR_WORD + r")(?:\s+and\s+|"
    r"[\s-]+))*" + _ORDINAL + r")\s+anniversary\b", re.I)
_YEARS_ON = re.compile(
    r"\b(?P<n>\d{1,4}|(?:an?\s+hundred|" + _YEAR_WORD + r")(?:(?:\s+and\s+|[\s-]+)"
    + _YEAR_WORD + r"){0,3})\s+years\s+on\b", re.I)


def _year_count(words: str) -> int | None:
    """The number ``words`` say (``two hundred and fifty``: 250; ``75``: 75), if any."""
    words = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", words.lower())
    if words.isdigit():
        return int(words)
    total = 0
    for word in re.split(r"[\s-]+", words):
        if word in ("hundred", "hundredth"):
            total = max(total, 1) * 100
        elif word in _YEAR_WORDS:
            total += _YEAR_WORDS[word]
        elif word in _ORDINALS:
            total += _ORDINALS[word]
        elif word not in ("a", "an", "and"):
            return None
    return total or None


def years_before(published: date, n: int) -> date:
    """The day ``n`` years before ``published`` (28 February for a 29 February)."""
    try:
        return published.replace(year=published.year - n)
    except ValueError:
        return published.replace(year=published.year - n, day=28)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a retrospective's "two hundred years ago (today)": the narrative's time, counted back
    # from publication; first, so that "today" after it is not the publication day
    ("ago", _YEARS_AGO),
    ("anniversary", _ANNIVERSARY),
    ("years_on", _YEARS_ON),
    ("span_dmdm", re.compile(rf"\b(?:between|from)\s+(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
                             rf"\s+(?:of\s+)?{_M}\s*(?:and|to|until|till|-|–|—)\s*(?:the\s+)?"
                             rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M2}"
                             rf"(?:,?\s+{_Y})?", re.I)),
    ("span_mdmd", re.compile(rf"\b(?:between|from)\s+{_M}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
                             rf"\s*(?:and|to|until|till|-|–|—)\s*{_M2}\s+"
                             rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_Y})?", re.I)),
    ("span_mm", re.compile(rf"\b(?:between|from)\s+(?:(?P<p1>early|mid|late)[- ])?{_M}\s*"
                           rf"(?:and|to|until|till|-|–|—)\s*(?:(?P<p2>early|mid|late)[- ])?{_M2}"
                           rf"(?:,?\s+{_Y})?", re.I)),
    ("later", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?|months?)\s+(?:later|afterwards?)\b",
                         re.I)),
    # "After ten days the column marched": the same step, said first
    ("after_n", re.compile(rf"\bafter\s+(?:another\s+)?{_N}\s+(?P<unit>days?|weeks?|months?)\b",
                           re.I)),
    # marched in today, three days after they crossed: what follows was three days earlier
    ("after", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?|months?)\s+after\b", re.I)),
    # landed on 9 April from ships that had sailed three days earlier (or two days before.):
    # so many units before the narrative's day, which stays where it was
    ("earlier", re.compile(rf"\b{_N}\s+(?P<unit>days?|weeks?|months?)\s+"
                           r"(?:earlier|before(?=\s*[.,;:)]))", re.I)),
    ("following", re.compile(r"\b(?:(?:on\s+)?the\s+(?:next|following)|following)\s+"
                             r"(?P<unit>day|morning|night|evening|week|month)\b", re.I)),
    ("same", re.compile(r"\b(?:the\s+same\s+(?P<unit>day|night|week|month)|later\s+that\s+"
                        r"(?P<unit2>day|night|week|month)|that\s+(?P<unit3>night|evening|"
                        r"morning))\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("span_dm", re.compile(rf"\b(?:between|from)\s+(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"\s+(?:and|to|-)\s+(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"(?:\s+(?:of\s+)?{_M})?(?:,?\s+{_Y})?", re.I)),
    # a timeline's or a table's days joined by a dash, without "between" or "from":
    # "24-29 April", "27 August-1 September": the span, not its last day
    ("span_dash_dmdm", re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}"
                                  rf"\s*[-–—]\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                                  rf"(?:of\s+)?{_M2}(?:,?\s+{_Y})?", re.I)),
    ("span_dash_dm", re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*[-–—]\s*"
                           rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?",
                           re.I)),
    # the night a move began: the night of 3/4 May, of 3 to 4 May (its first day)
    ("night", re.compile(rf"\bnight\s+of\s+(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*"
                         rf"(?:/|-|–|to|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                         rf"{_M}(?:,?\s+{_Y})?", re.I)),
    ("dmy", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?", re.I)),
    ("mdy", re.compile(rf"\b{_M}\s+{_D}(?:,\s*{_Y})?\b", re.I)),
    ("part", re.compile(rf"\b(?P<part>early|mid|late)[- ]{_M}(?:\s+{_Y})?", re.I)),
    ("part_of", re.compile(rf"\b(?:the\s+)?(?P<part>beginning|start|middle|end)\s+of\s+{_M}"
                           rf"(?:\s+{_Y})?", re.I)),
    ("week_of", re.compile(rf"\b(?:the\s+)?(?P<week>first|second|third|fourth|last)\s+week\s+"
                           rf"of\s+{_M}(?:\s+{_Y})?", re.I)),
    ("since_last", re.compile(rf"\bsince\s+{_M}\s+last\s+year\b", re.I)),
    ("my", re.compile(rf"\b{_M}\s+{_Y}\b", re.I)),
    # a season or a part of a year (the spring of 1941, late 1941, mid-1944); a year alone
    # (in 1941) is left unread, as a report's background as often as its moves' time
    ("season", re.compile(r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+"
                          r"(?:of\s+)?(?P<year>1[5-9]\d\d|20\d\d)\b", re.I)),
    ("part_year", re.compile(r"\b(?P<part>early|mid|late)[- ](?:in\s+)?"
                             r"(?P<year>1[5-9]\d\d|20\d\d)\b(?![-–/]\d)", re.I)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter"
                           r"(?:\s+of\s+(?P<year>\d{4}))?", re.I)),
    # a feast day of fixed date (Christmas Day, New Year's Eve, the last day of the year; not
    # "the first day of the year's campaign")
    ("feast", re.compile(r"\b(?P<feast>christmas\s+(?:day|eve)|new\s+year['’]s\s+(?:day|eve)|"
                         r"boxing\s+day|all\s+saints['’]?\s+day|midsummer(?:['’]s)?\s+day|"
                         r"twelfth\s+night|the\s+(?:last|first)\s+day\s+of\s+the\s+year"
                         r"(?!['’]s?\b))"
                         r"(?:,?\s+(?:of\s+)?(?P<year>1[5-9]\d\d|20\d\d)\b)?", re.I)),
    # the 8th; the 27th of last month, the 27th ult. (of the month before the narrative's),
    # the 3rd inst. (of its month), the 2nd prox. (of the month after)
    ("the_nth", re.compile(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
                         r"(?:\s+(?:of\s+)?(?P<mrel>last|this|next)\s+month\b|"
                         r"\s+(?P<old>ult(?:imo)?|inst(?:ant)?|prox(?:imo)?)\b\.?|"
                         r"(?!\s+(?:[A-Z]|(?:and|or|to|&)\s+(?:the\s+)?\d|\d)|,\s*\d))")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|on|early\s+on|late\s+on)\s+)?"
                           r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                           rf"(?!['’]s\b|,?\s+(?:the\s+)?\d|,?\s+{_M})", re.I)),
    ("relative", re.compile(r"\b(?<!the )(?P<rel>next month|this month|last month|next week|"
                            r"last week|yesterday|today|soon)\b(?!['’]s)", re.I)),
    ("month", re.compile(rf"\b(?:in|since|by|until|during|through|throughout)\s+{_M}",
                         re.I)),
    # a timeline's item headed by a month alone ("March: Libya flies troops to ...")
    ("month_head", re.compile(rf"(?m:^)[^\S\n]*(?:[-*•–—][^\S\n]+)?{_M}"
                              r"(?=[^\S\n]*[:–—-][^\S\n])")),
]
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _step(anchor: date, unit: str, n: int) -> FuzzyDate:
    """The date ``n`` units after the narrative's ``anchor`` day (a day, a week, a month)."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "morning", "night", "evening"):
        return parse_date(anchor + timedelta(days=n))
    if unit == "week":
        if n == 1:  # the following week: Monday to Sunday after the anchor's week
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7)
            return parse_date(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}")
        return parse_date(anchor + timedelta(days=7 * n))
    year, month = divmod(anchor.year * 12 + anchor.month - 1 + n, 12)
    return parse_date(f"{year:04d}-{month + 1:02d}")


def _span_mm(g: dict[str, str | None], year: int) -> FuzzyDate | None:
    first = MONTH_NUMBERS[_month_key(g["month"])]
    last = MONTH_NUMBERS[_month_key(g["month2"])]
    last_year = year + 1 if last < first else year
    days = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), None: (1, 31)}
    a = date(year, first, days[g["p1"] and g["p1"].lower()][0])
    b_day = min(days[g["p2"] and g["p2"].lower()][1], _month_end(last_year, last))
    return parse_date(f"{a.isoformat()}/{date(last_year, last, b_day).isoformat()}")


_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_FUTURE = quick(re.compile(r"\b(?:will|would|shall|expected|due|scheduled|set\s+to|plans?\s+to)\b",
                           re.I))
_NEWS_DAYS = 10  # a narrative day this close to publication: the report is news of the week


def _weekday(g: dict[str, str | None], m: re.Match[str], published: date,
             anchor: date) -> FuzzyDate:
    """A weekday named alone (``on Tuesday``, ``last Friday``, ``will sail on Monday``).

    News counts weekdays from publication: the last such day on or before it (``last``:
    before it; ``next`` or a future verb just before: the first after it). A narrative far
    from publication (a retrospective) counts from its own day: the nearest such day.
    """
    wanted = _WEEKDAYS[(g["wd"] or "").lower()]
    rel = " ".join((g["rel"] or "").lower().split())
    ahead = rel == "next" or _FUTURE.search(
        m.string, max(0, m.start() - 40), m.start()) is not None
    if abs((anchor - published).days) > _NEWS_DAYS and rel not in ("last", "next"):
        shift = (wanted - anchor.weekday() + 3) % 7 - 3
        return parse_date(anchor + timedelta(days=shift))
    if ahead:
        return parse_date(published + timedelta(days=(wanted - published.weekday() - 1) % 7 + 1))
    back = (published.weekday() - wanted) % 7
    if rel == "last" and back == 0:
        back = 7
    return parse_date(published - timedelta(days=back))


# the months of a part of a year (early, mid and late 1941)
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# the months of a season, in the northern hemisphere where most of the record was written
# (winter: December of the year named to February after it)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
                  "winter": (12, 2)}


def _season(season: str, year: int) -> FuzzyDate:
    """The span of ``season`` of ``year`` (winter runs into the next year)."""
    first, last = _SEASON_MONTHS[season]
    year2 = year + 1 if last < first else year
    return parse_date(f"{year:04d}-{first:02d}-01/{year2:04d}-{last:02d}-"
                      f"{_month_end(year2, last):02d}")


def _meaning(kind: str, m: re.Match[str], published: date, anchor: date) -> FuzzyDate | None:
    """What a match means: ``anchor`` is the narrative's day (years and steps count from it)."""
    g = m.groupdict()
    month = MONTH_NUMBERS.get(_month_key(g.get("month")))
    year = int(g["year"]) if g.get("year") else None
    if kind in ("anniversary", "years_on"):
        years = _year_count(g["n"])
        if years is None or years >= published.year:
            return None
        return parse_date(f"{years_before(published, years).year:04d}")
    if kind == "ago":
        years = _year_count(g["n"])
        if years is None or years >= published.year:
            return None
        day = years_before(published, years)
        today = (g.get("today") or "").split()
        return parse_date(day if today == ["today"] else
                          f"{day.year:04d}-{day.month:02d}" if today else f"{day.year:04d}")
    if kind in ("later", "after_n"):
        n = g["n"].lower()
        return _step(anchor, g["unit"], int(n) if n.isdigit() else _NUMBERS.get(n, 1))
    if kind in ("after", "earlier"):
        n = g["n"].lower()
        return _step(anchor, g["unit"], -(int(n) if n.isdigit() else _NUMBERS.get(n, 1)))
    if kind == "following":
        return _step(anchor, g["unit"], 1)
    if kind == "same":
        unit = (g["unit"] or g["unit2"] or g["unit3"]).lower()
        if unit in ("week", "month"):
            return _step(anchor, unit, 0) if unit == "month" else parse_date(
                f"{(anchor - timedelta(days=anchor.weekday())).isoformat()}/"
                f"{(anchor + timedelta(days=6 - anchor.weekday())).isoformat()}")
        return parse_date(anchor)
    if kind in ("span_dmdm", "span_mdmd", "span_dash_dmdm"):
        assert month is not None
        month2 = MONTH_NUMBERS[_month_key(g["month2"])]
        if year is not None and month2 < month:
            year -= 1  # 27 December - 3 January 1942: the year written is the last day's
        year = year or _year_for(month, anchor)
        year2 = year + 1 if month2 < month else year
        first, last = _day(year, month, int(g["d1"])), _day(year2, month2, int(g["d2"]))
        if first and last and first.earliest and last.earliest and first.earliest <= last.earliest:
            return parse_date(f"{first}/{last}")
        return None
    if kind == "span_mm":
        assert month is not None
        return _span_mm(g, year or _year_for(month, anchor))
    if kind == "iso":
        return _day(int(g["year"]), int(g["m"]), int(g["d"]))
    if kind in ("span_dm", "span_dash_dm"):
        month = month or published.month
        year = year or _year_for(month, anchor)
        first, last = _day(year, month, int(g["d1"])), _day(year, month, int(g["d2"]))
        if first and last and first.earliest and last.earliest and first.earliest <= last.earliest:
            return parse_date(f"{first}/{last}")
        return None
    if kind == "night":
        assert month is not None
        return _day(year or _year_for(month, anchor), month, int(g["d1"]))
    if kind == "season":
        return _season(g["season"].lower(), int(g["year"]))
    if kind == "part_year":
        opens, closes = _PART_MONTHS[g["part"].lower()]
        y = int(g["year"])
        return parse_date(f"{y:04d}-{opens:02d}-01/{y:04d}-{closes:02d}-"
                          f"{_month_end(y, closes):02d}")
    if kind in ("dmy", "mdy"):
        assert month is not None
        return _day(year or _year_for(month, anchor), month, int(g["day"]))
    if kind == "part":
        assert month is not None
        return parse_date(f"{g['part'].lower()} {year or _year_for(month, anchor):04d}-"
                          f"{month:02d}")
    if kind == "part_of":
        assert month is not None
        part = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}[
            g["part"].lower()]
        return parse_date(f"{part} {year or _year_for(month, anchor):04d}-{month:02d}")
    if kind == "week_of":
        assert month is not None
        year = year or _year_for(month, anchor)
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
    if kind == "feast":
        month, nth = _FEASTS[" ".join(g["feast"].lower().replace("’", "'").split()).replace(
            "st. ", "st ")]
        return _day(year or _year_for(month, anchor), month, nth)
    if kind == "the_nth":
        step = _MONTH_STEPS.get((g.get("mrel") or g.get("old") or "").lower(), 0)
        year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        return _day(year, month0 + 1, int(g["d"]))
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
    if kind == "weekday":
        return _weekday(g, m, published, anchor)
    if kind in ("month", "month_head"):
        assert month is not None
        word = m.group(0).split()[0].lower()
        return parse_date(f"{_year_for(month, anchor, True if word == 'since' else None):04d}"
                          f"-{month:02d}")
    return None


_FOLDED = {kind: re.compile(p.pattern, p.flags & ~re.I) for kind, p in _PATTERNS
           if p.flags & re.I and "[A-Z]" not in p.pattern}
# On lower-case ASCII text the months need no case-blind group either: without it the engine
# skips to where a month's first letter is (a text with other letters keeps the group: some
# of them match an ASCII letter under ``re.I``, such as the long s)
_ASCII_FOLDED = {kind: grouped(re.compile(p.pattern.replace("(?i:", "(?:"), p.flags))
                 for kind, p in _FOLDED.items()}
# (each grouped as it is searched: alternatives grouped case-blind are not those of the text
# in lower case)
_FOLDED = {kind: grouped(p) for kind, p in _FOLDED.items()}
# the month "the Nth" of "last month", "ult." (ultimo), "inst." (instant), "prox."
# (proximo) is in, counted from the narrative's
_MONTH_STEPS = {"last": -1, "ult": -1, "ultimo": -1, "this": 0, "inst": 0, "instant": 0,
                "next": 1, "prox": 1, "proximo": 1}
# the feasts of fixed date "feast" reads, by their words in lower case
_FEASTS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
           "new year's eve": (12, 31), "boxing day": (12, 26), "all saints' day": (11, 1),
           "all saints day": (11, 1), "midsummer day": (6, 24), "midsummer's day": (6, 24),
           "twelfth night": (1, 5),
           "the last day of the year": (12, 31), "the first day of the year": (1, 1)}
_NEEDS = {
    "span_dmdm": ("between", "from"), "span_mdmd": ("between", "from"),
    "span_mm": ("between", "from"), "span_dm": ("between", "from"), "later": ("later", "afterward"),
    "after": ("after",), "after_n": ("after",), "earlier": ("earlier", "before"),
    "following": ("next", "following"), "same": ("same", "that"), "week_of": ("week",),
    "quarter": ("quarter",), "since_last": ("last year",),
    "part_of": ("beginning", "start", "middle", "end"), "iso": ("-",),
    "relative": ("next", "this", "last", "yesterday", "today", "soon"),
    "the_nth": ("the",), "part": ("early", "mid", "late"), "weekday": ("day",),
    "ago": ("ago",), "anniversary": ("anniversary",), "years_on": ("years on",),
    "feast": ("christmas", "new year", "boxing", "saints", "midsummer", "twelfth",
              "day of the year"),
}
_ANCHORS = ("iso", "dmy", "mdy", "my", "span_dm", "span_dmdm", "span_mdmd", "span_mm",
            "span_dash_dm", "span_dash_dmdm", "night",
            "part", "part_of", "week_of", "month", "month_head", "the_nth", "later", "after_n",
            "following", "same", "weekday", "feast")


def month_before(day: FuzzyDate) -> FuzzyDate:
    """The same day a month earlier (a day written alone, "the 5th", that publication's
    month put ahead: in a report of 1 June, the 5th of May); a year earlier when that month
    has no such day."""
    first = day.first_day
    year, month = (first.year, first.month - 1) if first.month > 1 else (first.year - 1, 12)
    try:
        return parse_date(date(year, month, first.day))
    except ValueError:
        return year_before(day)


def year_before(day: FuzzyDate) -> FuzzyDate:
    """The same date a year earlier (for a past event whose inferred year put it ahead)."""
    return parse_date(re.sub(r"\b(\d{4})(?=-\d\d)", lambda m: f"{int(m.group(1)) - 1:04d}",
                             day.text))


# Where each pattern's matches can start, in words (runs of ``\w``) of the lower-case text:
# every match holds a word of its anchors (a set of whole words; DIGIT: a word opening with a
# decimal digit) and starts at most ``back`` words before it ("early on Monday": two before
# the weekday), or (LINE) at the start of that word's line. Each pattern is then tried only
# there, instead of at every character of the text (Python's engine tries a pattern opening
# with ``\b`` and a list of words at each one). Checked pattern by pattern against
# ``finditer`` by the tests; a word here must be a whole word of every match (followed by
# ``\s`` or ``\b`` in the pattern), not a word's beginning.
_DIGIT = "<digit>"
_LINE = -1
_MONTH_WORDS = frozenset(MONTH_NUMBERS)
_WEEKDAY_NAMES = tuple(name.lower() for name in calendar.day_name)
_STARTS: dict[str, tuple[frozenset[str], int]] = {
    "ago": (frozenset({"ago"}), 7),  # two hundred and fifty years ago
    "anniversary": (frozenset({"anniversary"}), 6),  # the seventy-fifth anniversary
    "years_on": (frozenset({"years"}), 6),  # sixty years on
    "span_dmdm": (frozenset({"between", "from"}), 0),
    "span_mdmd": (frozenset({"between", "from"}), 0),
    "span_mm": (frozenset({"between", "from"}), 0),
    "later": (frozenset({"later", "afterward", "afterwards"}), 3),  # a few days later
    "after": (frozenset({"after"}), 3),
    "earlier": (frozenset({"earlier", "before"}), 3),  # three days earlier
    "after_n": (frozenset({"after"}), 0),  # after ten days
    "following": (frozenset({"next", "following"}), 2),  # on the next day
    "same": (frozenset({"same", "that"}), 1),  # the same day, later that night
    "iso": (frozenset({_DIGIT}), 0),
    "span_dm": (frozenset({"between", "from"}), 0),
    "span_dash_dmdm": (frozenset({_DIGIT}), 0),
    "span_dash_dm": (frozenset({_DIGIT}), 0),
    "night": (frozenset({"night"}), 0),
    "season": (frozenset({"spring", "summer", "autumn", "fall", "winter"}), 1),
    "part_year": (frozenset({"early", "mid", "late"}), 0),
    "dmy": (frozenset({_DIGIT}), 0),
    "mdy": (_MONTH_WORDS, 0),
    "part": (_MONTH_WORDS, 1),  # mid-October
    "part_of": (frozenset({"beginning", "start", "middle", "end"}), 1),  # the end of May
    "week_of": (frozenset({"week"}), 2),  # the first week of May
    "since_last": (frozenset({"since"}), 0),
    "my": (_MONTH_WORDS, 0),
    "quarter": (frozenset({"first", "second", "third", "fourth"}), 1),  # the third quarter
    "the_nth": (frozenset({_DIGIT}), 1),  # the 8th
    "feast": (frozenset({"christmas", "new", "boxing", "all", "midsummer", "twelfth", "the"}),
              0),
    # a weekday's name may begin a longer word (the pattern has no \b after it): found by
    # its beginning (_PREFIX_ANCHORS, in _candidates)
    "weekday": (frozenset(_WEEKDAY_NAMES), 2),  # early on Monday
    "relative": (frozenset({"next", "this", "last", "yesterday", "today", "soon"}), 0),
    "month": (_MONTH_WORDS, 1),  # in May
    "month_head": (_MONTH_WORDS, _LINE),
}
_PREFIX_ANCHORS = frozenset({"weekday"})
# letters that the case-blind month names match and lower case keeps (the dotless i, the long
# s): a text with one is searched plainly
_CASELESS_ODD = ("\u0131", "\u017f")


def _candidates(kind: str, words: dict[str, list[int]], starts: list[int],
                lowered: str) -> list[int]:
    """Where a match of ``kind`` may start (sorted): see :data:`_STARTS`."""
    anchors, back = _STARTS[kind]
    at: list[int] = []
    if kind in _PREFIX_ANCHORS:
        for name in anchors:  # a word that begins with the name
            found = lowered.find(name)
            while found >= 0:
                number = bisect_left(starts, found)
                if number < len(starts) and starts[number] == found:
                    at.append(number)
                found = lowered.find(name, found + 1)
    else:
        for word in anchors:
            at += words.get(word, ())
    if not at:
        return []
    if back == _LINE:
        return sorted({lowered.rfind("\n", 0, starts[i]) + 1 for i in at})
    if back == 0:
        return sorted(starts[i] for i in at)
    return sorted({starts[j] for i in at for j in range(max(0, i - back), i + 1)})


_ANCHOR_WORDS = frozenset().union(*(words for words, _ in _STARTS.values()))


class _Gaps(dict[int, str]):
    """``str.translate``'s table for splitting a text into its words (the runs of ``\\w``):
    a word's character as itself, any other as NUL, one for one; filled as characters are
    met (``\\w`` is ``str.isalnum`` or the underscore)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = ch if ch.isalnum() or ch == "_" else "\0"
        return self[code]


_GAPS = _Gaps()


def _word_index(lowered: str) -> tuple[dict[str, list[int]], list[int]] | None:
    """The numbers (in the text's order of words) of the words of ``lowered`` that anchor a
    pattern (:data:`_STARTS`; a word opening with a digit as :data:`_DIGIT`), and where each
    word starts (and where the text ends); None for a text with a decimal digit outside ASCII
    (``\\d`` matches it)."""
    if not lowered.isascii() and any(ch.isdecimal() for ch in set(lowered) if not ch.isascii()):
        return None  # a digit of another script (str.isdecimal is \\d's class, Nd)
    # the words and the empty strings between two gaps (a piece and the next are one
    # character of gap apart), split in C: a pattern's split makes a string of each gap too
    starts: list[int] = []
    words: dict[str, list[int]] = {}
    at = 0
    for piece in lowered.translate(_GAPS).split("\0"):
        if piece:
            if piece in _ANCHOR_WORDS:
                words.setdefault(piece, []).append(len(starts))
            elif "0" <= piece < ":":  # opens with an ASCII digit
                words.setdefault(_DIGIT, []).append(len(starts))
            starts.append(at)
        at += len(piece) + 1
    starts.append(len(lowered))  # where the text ends, after the last word
    return words, starts


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$")
# a year in a headline (1500-2099), not part of a longer number; not one that dates a
# comparison ("the worst since 2014", "years after 1999"); not a count before what it
# counts ("2000 troops deployed": a year before a noun only after "the", "of", "in")
_YEAR_IN_HEADLINE = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,])")
_COMPARED = re.compile(r"\b(?:since|after|before|until|till|from|than)\s+$")
_YEAR_BEFORE_NOUN = re.compile(r"(?:\bthe|\bof|\bin|['’]s)\s+$", re.I)
_COUNTED = re.compile(r"\s+[a-z]+s\b")
_HEADLINE_CHARS = 160  # a first line longer than this is a paragraph, not a headline


def headline_era(text: str, published: date) -> date | None:
    r"""The narrative's day a retrospective's headline sets: 1 July of the first year it
    names that is at least two before publication ("Army of the West (1846)" published in
    2012), unless the year dates a comparison ("the worst since 2014") or is a count ("2000
    troops"; "the 1944 landings" is a year). A day or month written without its year,
    before any date that names one, is then read in that year, not in the year before
    publication.

    The headline is the first line of a report that has more than one, and short; a year
    in the body does not count (a news story names past years for background, "the worst
    since 2014", while its own days are the publication's). Mid-year, so that every month
    named without a year falls in that year.

    >>> headline_era("Army of the West (1846)\n\nThe columns left...", date(2012, 3, 5))
    datetime.date(1846, 7, 1)
    >>> headline_era("Troops move north\n\nOn 8 October...", date(2024, 10, 20)) is None
    True
    """
    first, newline, rest = text.lstrip().partition("\n")
    if not newline or not rest.strip() or len(first) > _HEADLINE_CHARS:
        return None
    for m in _YEAR_IN_HEADLINE.finditer(first):
        year = int(m.group(1))
        before = first[max(0, m.start() - 12): m.start()].lower()
        if _COMPARED.search(before) or (_COUNTED.match(first, m.end()) and not (
                _YEAR_BEFORE_NOUN.search(before))):
            continue  # "the worst since 2014"; "2000 troops" (but "the 1944 landings")
        if year <= published.year - 2:
            return date(year, 7, 1)
    return None


# a clause in the pluperfect up to a date ("who had landed at Madras in December"), within
# its sentence
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:already|just|first|earlier|been)\s+)*"
                         r"(?!(?:seven|eleven|ten|children|men|women|oxen|garden)\b)[a-z]+"
                         r"(?:ed|en|wn|ft|nt|lt|ught|ound)\b[^.;!?,]*$", re.I)
_PLUPERFECT_REACH = 80
_PLUPERFECT_AHEAD = 90  # days: a pluperfect date inferred further ahead is a year too late
# the kinds of date that name a month whose year, when unwritten, is inferred from the
# narrative's day (a pluperfect one may go a year back), and every kind whose year may be
# inferred (a night, a week, the 8th, a feast too)
_YEARLESS = frozenset({"dmy", "mdy", "month", "part", "part_of", "span_dm", "span_dmdm",
                       "span_mdmd", "span_mm", "span_dash_dm", "span_dash_dmdm"})
_INFERRED_YEAR = _YEARLESS | {"night", "week_of", "month_head", "the_nth", "feast"}


def find_dates(text: str, published: date) -> list[DateMention]:
    """Every date mention in ``text``, resolved against ``published``, in text order."""
    taken = bytearray(len(text))
    chosen: list[tuple[int, str, re.Match[str]]] = []
    lowered = text.lower()
    plain = lowered.isascii()
    # the words index the text's offsets when lower case keeps them
    index = _word_index(lowered) if len(lowered) == len(text) and (plain or not any(
        ch in lowered for ch in _CASELESS_ODD)) else None
    anchored = index is not None
    words, starts = index or ({}, [])
    for kind, pattern in _PATTERNS:
        needs = _NEEDS.get(kind)
        if not anchored and needs and not any(word in lowered for word in needs):
            continue  # a cheap test first: the pattern cannot match without these words
        # case-blind patterns run faster on lower case, unflagged
        folded = (_ASCII_FOLDED if plain else _FOLDED).get(kind)
        subject, used = (lowered, folded) if folded else (text, pattern)
        found = matches_from(used, subject, _candidates(kind, words, starts, lowered)) if (
            anchored) else used.finditer(subject)
        for m in found:
            if taken.find(1, m.start(), m.end()) >= 0:
                continue
            if kind == "span_dash_dm" and int(m.group("d1")) >= int(m.group("d2")):
                continue  # "a 5-4 June ruling": a score, then the day for "dmy" to read
            taken[m.start(): m.end()] = b"\x01" * (m.end() - m.start())
            chosen.append((m.start(), kind, m))
    chosen.sort(key=lambda item: item[0])
    out: list[DateMention] = []
    # the narrative's day: years and steps count from it (a retrospective's headline year)
    era = headline_era(text, published)
    anchor = era or published
    guessed = False  # whether the anchor's year was inferred (a step from it is as unsure)
    for _, kind, m in chosen:
        meaning = _meaning(kind, m, published, anchor)
        if meaning is None:
            continue
        # whether the year was inferred, not written (nor a letter's "ult."/"inst.")
        inferred = kind in _INFERRED_YEAR and not m.groupdict().get("year") and not (
            m.groupdict().get("mrel") or m.groupdict().get("old"))
        if inferred and kind in _YEARLESS and (
                (meaning.first_day - anchor).days > _PLUPERFECT_AHEAD) and _PLUPERFECT.search(
                text, max(0, m.start() - _PLUPERFECT_REACH), m.start()) is not None:
            # "Cornwallis, who had landed at Madras in December" in a narrative of 1791: what
            # had happened by then is before the narrative's day, not the December after it
            # (a few weeks after it, as often a narrative's step: "had been reinforced on 5
            # April" after "reached Kohima on 4 April")
            meaning = year_before(meaning)
        before = text[max(0, m.start() - 8): m.start()].lower()
        moved = True  # whether this mention moves the narrative's day
        if kind in ("ago", "anniversary", "years_on"):
            # the narrative's day is publication's, so many years back (a year alone is read
            # at its publication's season: 5 March after "two hundred years ago" in March)
            anchor = years_before(published, _year_count(m.group("n")) or 0)
        elif kind in ("later", "after_n", "following", "same"):
            anchor = meaning.first_day
        elif kind in _ANCHORS and not (
                (_SINCE.search(before) or m.group(0).lower().startswith("since "))
                and not m.groupdict().get("year")) and not (
                m.groupdict().get("mrel") or m.groupdict().get("old")):
            # (nor does "the 27th ult.": a letter's days count from its own date, and its
            # next "the 8th" is of the letter's month)
            # (a state "since November" lasts to the narrative's day: it does not take the
            # narrative back there, and the next "since February" is the February after it)
            anchor = meaning.last_day
        else:
            moved = False
        role = ""
        if re.search(r"\b(by|before|until)\s+$", before) and not kind.startswith("span"):
            meaning = parse_date(f"by {meaning.latest or meaning.first_day}")
            role = "end"
        elif re.search(r"\b(since|after)\s+$", before) and not kind.startswith("span") and (
                kind != "since_last"):
            meaning = parse_date(f"since {meaning.earliest or meaning.first_day}")
            role = "start"
        stepped = kind in ("later", "after_n", "following", "same", "after", "earlier")
        inferred = inferred or (stepped and guessed)
        if moved:
            guessed = inferred
        out.append(DateMention(meaning, m.start(), m.end(), role, kind, not inferred))
    return out
