"""Long lists of words in patterns tried faster: alternatives that begin alike share a start.

Python's regular expression engine tries the alternatives of ``(?:will|would|shall|...)``
one after the other wherever the group is reached. It rejects each on its first character
quickly, but a list of sixty words tried at every word of a text adds up.
``grouped(pattern)`` rewrites each list so that the alternatives that begin with the same
character share it (``w(?:ill|ould)|shall``), level after level, and the engine reads that
character once for all of them.

Two alternatives that begin with different characters never match at the same place, so
putting one before the other changes no match: the rewritten pattern finds the same matches,
span for span and group for group. Only alternatives that begin with a plain character
(an ASCII letter, digit, space or one of ``,;:'&/-``, not followed by a quantifier) are
moved, and never past one that begins otherwise (a class, a group, an escape), which may
match where they do; an alternative that holds a capturing group stays where it is (its
number would change). Look-behinds are left as written, and a pattern the rewriting does not
read (back-references, conditions, comments, global inline flags, verbose mode) comes back
unchanged.
"""

from __future__ import annotations

import re

__all__ = ["grouped"]

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;:'&/-")
_QUANTIFIER_STARTS = frozenset("?*+{")
_FLAG_LETTERS = frozenset("aiLmsux-")
# the most first characters for which checking \b after them pays (measured: with 4 to 8,
# searches over clauses took 0.6 to 0.9 the time; with 10 or more, longer)
_FEW_FIRSTS = 8


class _Unread(ValueError):
    """A construct the rewriting does not read: the pattern is left as it is."""


class _Group:
    """A group of a pattern (``opening`` as written, "" for the whole pattern): its
    alternatives, each a list of tokens (a character, an escape, a class) and groups."""

    __slots__ = ("alternatives", "caseless", "opening")

    def __init__(self, opening: str, alternatives: list[list[str | _Group]],
                 caseless: bool) -> None:
        self.opening = opening
        self.alternatives = alternatives
        self.caseless = caseless

    def text(self) -> str:
        """The group written out again."""
        body = "|".join("".join(t if isinstance(t, str) else t.text() for t in alternative)
                        for alternative in self.alternatives)
        return f"{self.opening}{body})" if self.opening else body


def grouped(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with the alternatives of each of its groups that begin with the same
    plain character sharing it (see the module docstring); unchanged when the rewriting does
    not read it."""
    if pattern.flags & re.X or not isinstance(pattern.pattern, str):
        return pattern
    try:
        whole, at = _parse(pattern.pattern, 0, "", bool(pattern.flags & re.I))
    except _Unread:
        return pattern
    if at != len(pattern.pattern):
        return pattern  # an unbalanced ")": the engine's own reading is the one to keep
    _share_starts(whole)
    _bound_after_first(whole)
    return re.compile(whole.text(), pattern.flags)


def _bound_after_first(whole: _Group) -> None:
    """A pattern that is ``\\b`` and a group of alternatives that each begin with a plain
    character, rewritten in place to check the boundary after that character
    (``w(?<=\\bw)ould``, the same test of the same place): a pattern that opens with its
    characters is searched by skipping ahead to them, one that opens with ``\\b`` is tried
    at every character. Case-blind, the engine skips to no characters: left as it is."""
    if len(whole.alternatives) != 1 or whole.caseless:
        return
    tokens = whole.alternatives[0]
    if len(tokens) < 2 or tokens[0] != "\\b" or not isinstance(tokens[1], _Group):
        return
    group = tokens[1]
    if (group.caseless or not (group.opening in ("(", "(?:") or group.opening.startswith("(?P<"))
            or (len(tokens) > 2 and isinstance(tokens[2], str)
                and tokens[2][0] in _QUANTIFIER_STARTS)):
        return  # case-blind, a look-around, or a group that may be skipped
    if not all(alternative and isinstance(alternative[0], str) and alternative[0] in _PLAIN
               and not (len(alternative) > 1 and isinstance(alternative[1], str)
                        and alternative[1][0] in _QUANTIFIER_STARTS)
               for alternative in group.alternatives):
        return
    if len({alternative[0] for alternative in group.alternatives}) > _FEW_FIRSTS:
        return  # so many first characters that most of a text's are tried: \b is cheaper
    for alternative in group.alternatives:
        first = alternative[0]
        assert isinstance(first, str)
        alternative.insert(1, f"(?<=\\b{re.escape(first)})")
    del tokens[0]


def _parse(text: str, at: int, opening: str, caseless: bool) -> tuple[_Group, int]:
    """The group whose body begins at ``at`` (after ``opening``), and where it ends."""
    alternatives: list[list[str | _Group]] = [[]]
    while at < len(text):
        ch = text[at]
        if ch == ")":
            if not opening:
                break  # unbalanced: left to the caller
            return _Group(opening, alternatives, caseless), at + 1
        if ch == "|":
            alternatives.append([])
            at += 1
            continue
        if ch == "(":
            inner = _opening(text, at)
            group, at = _parse(text, at + len(inner), inner, _caseless_in(inner, caseless))
            alternatives[-1].append(group)
            continue
        if ch == "\\":
            token = text[at: at + 2]
            if len(token) == 2 and token[1] in "123456789":
                raise _Unread("a back-reference")
        elif ch == "[":
            token = text[at: _class_end(text, at)]
        else:
            token = ch
        alternatives[-1].append(token)
        at += len(token)
    if opening:
        raise _Unread("a group left open")
    return _Group(opening, alternatives, caseless), at


def _opening(text: str, at: int) -> str:
    """The opening of the group at ``at``: ``(``, ``(?:``, ``(?P<name>``, a look-around's
    or an inline flag group's."""
    if not text.startswith("(?", at):
        return "("
    kind = text[at + 2: at + 3]
    if kind in (":", "=", "!", ">"):
        return text[at: at + 3]
    if text.startswith(("(?<=", "(?<!"), at):
        return text[at: at + 4]
    if text.startswith("(?P<", at):
        return text[at: text.index(">", at) + 1]
    end = at + 2
    while end < len(text) and text[end] in _FLAG_LETTERS:
        end += 1
    if end > at + 2 and text[end: end + 1] == ":":
        return text[at: end + 1]
    raise _Unread("a comment, a condition, a named back-reference or global flags")


def _caseless_in(opening: str, caseless: bool) -> bool:
    """Whether a group with this opening matches case-blind, in a context that does or not."""
    if not opening.startswith("(?") or not opening.endswith(":") or opening == "(?:":
        return caseless
    on, _, off = opening[2:-1].partition("-")
    if "i" in off:
        return False
    return True if "i" in on else caseless


def _class_end(text: str, at: int) -> int:
    """Where the character class that opens at ``at`` ends (after its ``]``)."""
    end = at + 1
    if text[end: end + 1] == "^":
        end += 1
    if text[end: end + 1] == "]":
        end += 1  # a "]" first is one of the class's characters
    while end < len(text) and text[end] != "]":
        end += 2 if text[end] == "\\" else 1
    return end + 1


def _share_starts(group: _Group) -> None:
    """Rewrite ``group`` and the groups in it (not look-behinds) in place."""
    if group.opening.startswith(("(?<=", "(?<!")):
        return
    for alternative in group.alternatives:
        for token in alternative:
            if isinstance(token, _Group):
                _share_starts(token)
    group.alternatives = _merged(group.alternatives, group.caseless)


def _merged(alternatives: list[list[str | _Group]], caseless: bool
            ) -> list[list[str | _Group]]:
    """The alternatives, those that begin with the same plain character (and lie between the
    same two that do not) sharing it, each group of them where the first of them stood."""
    out: list[list[str | _Group]] = []
    run: dict[str, list[list[str | _Group]]] = {}

    def close_run() -> None:
        for same in run.values():
            if len(same) == 1:
                out.append(same[0])
                continue
            rests = _merged([alternative[1:] for alternative in same], caseless)
            if len(rests) == 1:  # one way on (abc|abd: ab, then c or d)
                out.append([same[0][0], *rests[0]])
            else:
                out.append([same[0][0], _Group("(?:", rests, caseless)])
        run.clear()

    for alternative in alternatives:
        start = _plain_start(alternative, caseless)
        if start is None:
            close_run()
            out.append(alternative)
        else:
            run.setdefault(start, []).append(alternative)
    close_run()
    return out


def _plain_start(alternative: list[str | _Group], caseless: bool) -> str | None:
    """The plain character an alternative begins with (in lower case when matched
    case-blind), or None when it may not be moved."""
    if not alternative:
        return None
    first = alternative[0]
    if not isinstance(first, str) or first not in _PLAIN:
        return None
    if len(alternative) > 1 and isinstance(alternative[1], str) and (
            alternative[1][0] in _QUANTIFIER_STARTS):
        return None
    if _captures(alternative):
        return None
    return first.lower() if caseless else first


def _captures(tokens: list[str | _Group]) -> bool:
    """Whether the tokens hold a capturing group."""
    return any(isinstance(t, _Group) and (t.opening == "(" or t.opening.startswith("(?P<")
                                          or any(_captures(a) for a in t.alternatives))
               for t in tokens)
