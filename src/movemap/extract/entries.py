"""A live blog's entries in the order things happened.

News sites write live coverage newest first: each entry opens with its time (``15:40 ET.``,
``09:45``), the latest at the top. Read in that order, a report puts an arrival before the
departure it ends ("The plane has landed at Port-au-Prince" above "The flight left Nairobi
on Monday night"), and the discourse (where a force last was, the narrative's time) runs
backwards. :func:`chronological` finds such a text and gives it with its entries turned
round, with a map of its offsets back to the text as written, so that extraction reads
the story forwards and its evidence still points at the report the analyst has.

A text is a live blog written newest first when at least ``MIN_ENTRIES`` paragraphs open
with a clock time (not a date, ``18.02.2022`` or ``18.02``, nor a figure, ``9.45 per cent``)
and those times fall from one entry to the next (a paragraph without a time belongs to the
entry above it). Anything before the first entry (the headline, a summary) stays where it
is. Times that rise (a blog written oldest first) or go both ways leave the text as it is,
and so does a diary over several days, whose times may fall from one day to the next while
its story runs forwards: entries whose stamps name two days or more (``23:15 Monday``,
``14:30 Tuesday``), or short headings between them (``Monday 24 June``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

__all__ = ["MIN_ENTRIES", "chronological"]

MIN_ENTRIES = 3
"""The fewest timed entries that make a text a live blog."""


def _zone(half: str) -> str:
    """A time's zone or half of the day (a.m., p.m.: in the group named ``half``)."""
    return (rf"(?:(?P<{half}>[ap])\.?m\.?|ET|EST|EDT|GMT|UTC|BST|CET|CEST|MSK|hrs|"
            r"local\s+time)")


# a paragraph opening with a clock time: hour and minute (09:45, 9.45, 15h40; four digits
# alone only before a zone, "0945 GMT", not a year), a zone or a.m./p.m., then the entry's
# words
_ENTRY = re.compile(
    r"(?:\A|\n[^\S\n]*\n)[^\S\n]*"
    # 16:10 (a colon's time may stand alone on its line, or before any word)
    r"(?:(?P<hc>[01]?\d|2[0-3]):(?P<mc>[0-5]\d)(?:[^\S\n]*" + _zone("halfc")
    + r"(?![^\W\d_]))?(?:[^\S\n]*[.:,|\u2014\u2013-]?[^\S\n]*(?=\S)|[^\S\n]*(?=\n))"
    # 9.45, 15h40: before a stop or a dash and a space, or a capital (not "9.45 per cent")
    r"|(?P<h>[01]?\d|2[0-3])[.h](?P<m>[0-5]\d)(?:[^\S\n]*" + _zone("half")
    + r"(?![^\W\d_]))?"
    r"(?:[^\S\n]*[.:,\u2014\u2013-](?=\s)|[^\S\n]+(?=(?-i:[A-Z])|[\u2014\u2013]))"
    # 0945 GMT
    r"|(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)[^\S\n]*" + _zone("half2") + r"(?![^\W\d_])"
    r"(?:[^\S\n]*[.:,\u2014\u2013-](?=\s)|[^\S\n]+))", re.I)
_GROUPS = (("hc", "mc", "halfc"), ("h", "m", "half"), ("h2", "m2", "half2"))
# a paragraph of a few words not ended as a sentence is (Monday 24 June): a heading
_HEADING = re.compile(r"\s*[^.!?\n]{1,40}?[^.!?\s\"”’)]\s*")
_PARAGRAPHS = re.compile(r"(?:\A|\n[^\S\n]*\n)\s*(?=\S)")


def _untimed(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph between the first entry and the last that opens with
    no time (``starts``: where the entries' times are)."""
    timed = set(starts)
    bounds = [m.end() for m in _PARAGRAPHS.finditer(text)]
    out = []
    for a, b in pairwise([*bounds, len(text)]):
        if starts[0] < a < starts[-1] and a not in timed:
            out.append((a, a + len(text[a:b].rstrip())))
    return out


# a day named right after the entry's time: the entries are a diary's, over several days
_DAY = re.compile(r"[^\S\n]*[.:,\u2014\u2013-]?[^\S\n]*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                  r"|[^\S\n]*[.:,\u2014\u2013-]?[^\S\n]*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|"
                  r"aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def chronological(text: str) -> tuple[str, Callable[[int], int]] | None:
    """The text with a newest-first live blog's entries oldest first, and a function that
    takes an offset in it to the same character's offset in ``text``; None for any other
    text. Each entry moves without the blank lines after it, which stay where they were, so
    the turned text is exactly as long as the text."""
    starts: list[int] = []
    minutes: list[int] = []
    days: set[str] = set()
    dotted: list[int] = []  # the "minutes" of times written with a stop (9.45)
    for m in _ENTRY.finditer(text):
        if (day := _DAY.match(text, m.end())) is not None:
            days.add(" ".join(day.group(0).lower().strip(" .:,-\u2013\u2014").split()))
        hour, minute, half = next((h, mm, hh) for h, mm, hh in _GROUPS
                                  if m.group(h) is not None)
        hours = int(m.group(hour))
        if m.group(half) is not None:  # 12:15 a.m. is a quarter past midnight, 1:10 p.m. 13:10
            hours = hours % 12 + (12 if m.group(half).lower() == "p" else 0)
        if hour == "h" and text[m.end(hour)] == ".":
            dotted.append(int(m.group(minute)))
        starts.append(m.start(hour))
        minutes.append(hours * 60 + int(m.group(minute)))
    if len(starts) < MIN_ENTRIES or any(later >= earlier
                                        for earlier, later in pairwise(minutes)):
        return None
    if len(days) > 1:
        return None  # a diary over several days: its times may fall while its story goes on
    if len(dotted) == len(starts) and all(n <= 12 for n in dotted):
        return None  # days and months (18.02, 12.03, 05.04), not times
    if any(_HEADING.fullmatch(text, a, b) for a, b in _untimed(text, starts)):
        return None  # headings between the entries (Monday 24 June): a diary's days
    # each entry's words, from its time to the blank lines before the next one (or the end)
    bounds = [*starts, len(text)]
    bodies = [(a, a + len(text[a:b].rstrip())) for a, b in pairwise(bounds)]
    # the gaps after each entry stay where they are; the entries take each other's places
    gaps = [(end, nxt) for (_, end), nxt in zip(bodies, bounds[1:], strict=True)]
    pieces = [text[:starts[0]]]
    # (start in the turned text, start and end in the text) of each entry, as turned
    moved: list[tuple[int, int, int]] = []
    at = starts[0]
    for (a, b), (g, h) in zip(reversed(bodies), gaps, strict=True):
        moved.append((at, a, b))
        pieces += [text[a:b], text[g:h]]
        at += (b - a) + (h - g)
    turned = "".join(pieces)
    head, firsts = starts[0], [n for n, _, _ in moved]

    def back(offset: int) -> int:
        """``offset`` in the turned text, as an offset in the text as written (a gap's
        characters map to the entry's end before it)."""
        if offset < head:
            return offset
        new_start, old_start, old_end = moved[bisect_right(firsts, offset) - 1]
        return min(old_end, old_start + (offset - new_start))

    return turned, back
