"""Exception types: one root, specific children that also inherit the matching builtin.

Every error that a user's input can cause is a :class:`MovemapError`. It carries the
file, line and column (1-based) where known, and the field it is about, so the CLI can print
one line a person can act on: ``places.csv:4:lat: 'north' is not a number``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "MovemapError",
    "OverlayError",
    "PlaceNotFoundError",
]


class MovemapError(Exception):
    """Root of every error movemap raises for a user's input.

    Parameters
    ----------
    message
        What is wrong, in one sentence, naming the bad value.
    path
        The file the problem is in, if any.
    line, column
        1-based position in that file, if known.
    field
        The column, key or option the problem is about, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.field = field

    @property
    def location(self) -> str:
        """``file:line:column`` (or the parts of it that are known), or an empty string."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


class OverlayError(MovemapError, ValueError):
    """A gazetteer overlay file is malformed (bad column, value or row)."""


class PlaceNotFoundError(MovemapError, LookupError):
    """No place matches a name; ``suggestions`` holds the nearest names, best first."""

    def __init__(
        self,
        query: str,
        suggestions: Sequence[str] = (),
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"no place named {query!r}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions) + "?"
        super().__init__(message, path=path, line=line, column=column, field=field)
