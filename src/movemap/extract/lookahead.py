"""Case-blind patterns searched faster: a look-ahead for the characters a match can start with.

Python's regular expression engine skips quickly to where a match may start only when it
knows the pattern's first characters. Under ``re.I`` it does not work them out, and a
pattern that opens with ``\\b`` and a long list of words is then tried at every character
of the text. ``quick(pattern)`` prepends ``(?=[...])`` with those characters (a condition
every match meets already, so the matches are the same, span for span and group for group),
with which the engine skips ahead again. A pattern whose first characters cannot be told
(one that may match an empty string, or starts with a class such as ``\\w``) comes back
unchanged, and so does one that is not case-blind (the engine already skips there).
Measured per pattern before use: one that opens with a single word (``\\bfollow``) is found
as fast without it, and a few times slower with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["CASE_ODD", "first_characters", "matches_from", "quick"]

CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
"""The letters outside ASCII that case-blind matching pairs with ASCII ones (İ, ı, ſ and the
Kelvin sign; none else, as a scan of every character shows): a text without any of them
matches a case-blind pattern's ASCII letters where its lower case has them, at the same
offsets (only İ changes length in lower case)."""

try:  # the parser of the standard library's engine (Python 3.11 and later)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: patterns stay as they are
    _c = _p = None

_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_MOST = 64  # more possible first characters than this: no help
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _first_of_sequence(items: Any) -> set[str] | None:
    """The characters a sequence of parsed items can start with, or None if unknown."""
    for op, av in items:
        if str(op) in _ZERO_WIDTH:
            continue  # \b, (?=...), (?<!...): they consume nothing
        return _first_of_item(str(op), av)
    return None  # the sequence may match the empty string


def _first_of_item(op: str, av: Any) -> set[str] | None:
    if op == "LITERAL":
        return {chr(av)}
    if op == "IN":
        out: set[str] = set()
        for kind, value in av:
            if str(kind) == "LITERAL":
                out.add(chr(value))
            elif str(kind) == "RANGE" and value[1] - value[0] < _MOST:
                out.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None  # a category (\w, \d), a negation: any of many characters
        return out
    if op == "SUBPATTERN":
        return _first_of_sequence(av[-1])
    if op == "ATOMIC_GROUP":
        return _first_of_sequence(av)
    if op == "BRANCH":
        out = set()
        for branch in av[1]:
            first = _first_of_sequence(branch)
            if first is None:
                return None
            out |= first
        return out
    if op in _REPEATS:
        low, _, item = av
        return _first_of_sequence(item) if low >= 1 else None
    return None


def first_characters(pattern: re.Pattern[str]) -> set[str] | None:
    """The characters every match of ``pattern`` starts with, as the pattern writes them (a
    case-blind look-ahead for them matches what the pattern's own letters match), or None
    when they cannot be told or are too many to help."""
    if _p is None:
        return None
    try:
        first = _first_of_sequence(_p.parse(pattern.pattern, pattern.flags))
    except (re.error, AttributeError, IndexError, TypeError, ValueError):
        return None  # a pattern or a parse tree this reading does not know: no look-ahead
    if not first or len(first) > _MOST:
        return None
    return first


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead for its first characters, when it is case-blind and
    they can be told (see the module docstring); else ``pattern`` itself."""
    if not pattern.flags & re.I or _GLOBAL_FLAGS.match(pattern.pattern):
        return pattern  # not case-blind, or global flags that must stay first
    first = first_characters(pattern)
    if first is None:
        return pattern
    chars = "".join(re.escape(ch) for ch in sorted(first))
    return re.compile(f"(?=[{chars}])" + pattern.pattern, pattern.flags)


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]
                 ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (ascending;
    more are harmless): the leftmost match from where the last one ended, tried only there,
    for a pattern that matches no empty string. ``pattern.match`` at a position sees the
    characters before it (``\\b``, look-behinds) as ``finditer`` does."""
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            end = m.end()
            yield m
