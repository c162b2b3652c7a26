"""Exception types: one root, specific children that also inherit the matching builtin.

Every error that a user's input can cause is a :class:`MovemapError`. It carries the
file, line and column (1-based) where known, and the field it is about, so the CLI can print
one line a person can act on: ``places.csv:4:lat: 'north' is not a number``. Each child is
also the builtin a caller would catch without knowing movemap: ``LookupError`` for an unknown
place, unit or source, ``ValueError`` for a bad value or file, ``ImportError`` for a missing
optional dependency, ``OSError`` for a file that cannot be written or data that is missing.
Messages name the value and what would be valid; they never name command-line options (the
CLI adds those from ``field``).

>>> try:
...     raise UnknownUnitError("no unit 'x'", field="unit")
... except LookupError as exc:
...     print(exc)
no unit 'x'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

__all__ = [
    "AmbiguousPlaceError",
    "CountryCodeError",
    "DataMissingError",
    "DatasetError",
    "DateError",
    "InvalidRecordError",
    "InvalidValueError",
    "MissingDependencyError",
    "MovemapError",
    "NetworkError",
    "OverlayError",
    "PlaceNotFoundError",
    "ReportError",
    "RouteError",
    "UnknownSourceError",
    "UnknownUnitError",
    "WriteError",
    "YamlSyntaxError",
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


class AmbiguousPlaceError(MovemapError, LookupError):
    """A place name has several candidates nearly as good and far apart, and no hint decides."""


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


class UnknownUnitError(MovemapError, LookupError):
    """A unit id that the dataset does not have."""


class UnknownSourceError(MovemapError, LookupError):
    """A source id that the dataset does not have."""


class InvalidValueError(MovemapError, ValueError):
    """A value outside what is accepted (a size, a day, a format name, a country code)."""


class CountryCodeError(InvalidValueError):
    """A country given by something other than its ISO 3166-1 alpha-2 code (``BLR``,
    ``Belarus``, ``UK``); ``suggestion`` holds the code meant when it can be told."""

    def __init__(
        self,
        code: str,
        suggestion: str | None = None,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.code = code
        self.suggestion = suggestion
        message = f"{code!r} is not an ISO 3166-1 alpha-2 country code"
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        super().__init__(message, path=path, line=line, column=column, field=field)


class DateError(MovemapError, ValueError):
    """A date that does not follow any of the accepted forms."""


class YamlSyntaxError(MovemapError, ValueError):
    """The file is not valid YAML."""


class OverlayError(MovemapError, ValueError):
    """A gazetteer overlay file is malformed (bad column, value or row)."""


class NetworkError(MovemapError, ValueError):
    """A network overlay file is not GeoJSON lines."""


class ReportError(MovemapError, ValueError):
    """A report that cannot be read as text."""


class MissingDependencyError(MovemapError, ImportError):
    """An optional dependency that a feature needs is not installed; names the extra."""


class DataMissingError(MovemapError, FileNotFoundError):
    """Data that movemap ships (geodata, the map's assets) is missing from the install."""


class WriteError(MovemapError, OSError):
    """An output file cannot be written (permissions, a full disk, a missing folder)."""


class _Problem(Protocol):
    @property
    def message(self) -> str: ...

    @property
    def line(self) -> int | None: ...

    @property
    def column(self) -> int | None: ...

    @property
    def severity(self) -> str: ...

    def format(self, path: str | None) -> str: ...


class DatasetError(MovemapError, ValueError):
    """A dataset has errors; ``problems`` lists every one (warnings too), in file order.

    Its message is one ``file:line:column: what is wrong`` line per error; ``path`` is the
    dataset's file.
    """

    def __init__(self, problems: Sequence[_Problem], path: str | None = None) -> None:
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__("\n".join(p.format(path) for p in errors), path=path)

    def __str__(self) -> str:
        return self.message  # each line already names the file


class RouteError(MovemapError, ValueError):
    """A route that cannot be drawn as asked (a sea leg to an inland place)."""


class InvalidRecordError(InvalidValueError):
    """A model value refused at construction (a negative strength, an end before its start).

    ``problems`` holds every ``(field, message)`` found, so that a reader can place each
    message on its field's line; the message joins them.
    """

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{message}" for _, message in self.problems),
                         field=self.problems[0][0] if self.problems else None)
