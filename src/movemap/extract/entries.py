"""A live blog's entries in the order things happened.

News sites write live coverage newest first: each entry opens with its time (``15:40 ET.``,
``09:45``), the latest at the top. Read in that order, a report puts an arrival before the
departure it ends ("The plane has landed at Port-au-Prince" above "The flight left Nairobi
on Monday night"), and the discourse (where a force last was, the narrative's time) runs
backwards. :func:`chronological` finds such a text and gives it with its entries turned
round, with a map of its offsets back to the text as written, so that extraction reads
the story forwards and its evidence still points at the report the analyst has.

A text is a live blog written newest first when at least ``MIN_ENTRIES`` paragraphs open
with a clock time and those times fall from one entry to the next (a paragraph without a
time belongs to the entry above it). Anything before the first entry (the headline, a
summary) stays where it is. Times that rise (a blog written oldest first) or go both ways
leave the text as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

__all__ = ["MIN_ENTRIES", "chronological"]

MIN_ENTRIES = 3
"""The fewest timed entries that make a text a live blog."""

# a paragraph opening with a clock time (09:45, 9.45, 15:40 ET, 9:45 a.m., 0945 GMT): its
# hour and minute
# hour and minute (four digits alone only before a zone: "0945 GMT", not a year)
_ZONE = r"(?:[ap]\.?m\.?|ET|EST|EDT|GMT|UTC|BST|CET|CEST|MSK|hrs|local\s+time)"
_ENTRY = re.compile(r"(?:\A|\n[^\S\n]*\n)[^\S\n]*(?:(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)"
                    r"(?:[^\S\n]*" + _ZONE + r"(?![^\W\d_]))?"
                    r"|(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)[^\S\n]*" + _ZONE + r"(?![^\W\d_]))"
                    r"[^\S\n]*(?:[.:,—–-]|\s)", re.I)


def chronological(text: str) -> tuple[str, Callable[[int], int]] | None:
    """The text with a newest-first live blog's entries oldest first, and a function that
    takes an offset in it to the same character's offset in ``text``; None for any other
    text. The reordered text has the same characters (each entry's trailing blank lines go
    with it), so its length is the text's."""
    entries = []  # (start of the entry's first character, minutes past midnight)
    for m in _ENTRY.finditer(text):
        hour = "h" if m.group("h") is not None else "h2"
        minutes = int(m.group(hour)) * 60 + int(m.group("m" if hour == "h" else "m2"))
        if _pm(m.group(0)) and minutes < 12 * 60:
            minutes += 12 * 60
        start = m.start(hour)
        entries.append((start, minutes))
    if len(entries) < MIN_ENTRIES:
        return None
    times = [t for _, t in entries]
    if any(later >= earlier for earlier, later in pairwise(times)):
        return None
    # each entry runs to the next one's first character (blank lines between go with it)
    bounds = [start for start, _ in entries] + [len(text)]
    blocks = [(bounds[i], bounds[i + 1]) for i in range(len(entries))]
    head_end = bounds[0]
    ordered = list(reversed(blocks))
    pieces = [text[:head_end]]
    # (offset in the new text where each moved block starts, its start in the old text)
    moved: list[tuple[int, int]] = []
    at = head_end
    for i, (a, b) in enumerate(ordered):
        body = text[a:b]
        if i < len(ordered) - 1 and not body.endswith("\n\n"):
            # the last entry as written (now moved up) ends without its blank line: give it
            # the blank line the first entry as written ends with, which now ends the text
            body = body.rstrip("\n") + "\n\n"
        moved.append((at, a))
        pieces.append(body)
        at += len(body)
    new = "".join(pieces)
    if len(new) != len(text):
        # the blank lines moved with the entries: pad or cut the end to the text's length,
        # whitespace only, so offsets stay within the text
        new = new.rstrip() + " " * (len(text) - len(new.rstrip()))
    starts = [n for n, _ in moved]

    def back(offset: int) -> int:
        """``offset`` in the reordered text, as an offset in the text as written."""
        if offset < head_end:
            return offset
        i = bisect_right(starts, offset) - 1
        new_start, old_start = moved[i]
        return min(len(text), old_start + (offset - new_start))

    return new, back


def _pm(stamp: str) -> bool:
    """Whether a time is written as afternoon (``3:40 p.m.``)."""
    return re.search(r"\bp\.?m\b", stamp, re.I) is not None
