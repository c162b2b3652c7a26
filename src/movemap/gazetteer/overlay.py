"""Gazetteer overlay files: places to add to the gazetteer, or changes to places it has.

An overlay is a UTF-8 CSV file with a header row. Columns (only ``name``, ``lat`` and
``lon`` are needed for a new place; order does not matter):

=========== =============================================================================
id          Identifier. Empty: ``user:<name>``. An id the gazetteer already has
            (``geonames:2044757``, ``ne-admin0:KP``, ``site:musudan-ri``) changes that place:
            the row's non-empty fields replace the place's, and its alternate names are added.
name        Canonical name.
alt_names   Other names, separated by ``|``, in any script.
lat, lon    WGS84 decimal degrees.
country     ISO 3166-1 alpha-2 code.
admin1      First-level region name.
kind        city, site, port, naval-base, airport, airbase, bridge, pass, crossing, island,
            beach, district, region, country, macro-region or continent (default: site).
population  Whole number of inhabitants.
note        Free text, kept for the reader of the file.
=========== =============================================================================

``parse_overlay(text, source=...)`` does the parsing; ``read_overlay(path)`` opens the file.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from movemap.errors import OverlayError
from movemap.gazetteer.place import Kind
from movemap.textfile import read_text

__all__ = ["COLUMNS", "OverlayRow", "parse_overlay", "read_overlay"]

COLUMNS = (
    "id", "name", "alt_names", "lat", "lon", "country", "admin1", "kind", "population", "note",
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


@dataclass(frozen=True, slots=True)
class OverlayRow:
    """One row of an overlay; None means the row leaves that field as it is."""

    id: str
    name: str | None
    alt_names: tuple[str, ...]
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    kind: Kind | None
    population: int | None
    note: str
    line: int


def _nothing_known(_id: str) -> bool:
    return False


def _slug(name: str) -> str:
    from movemap.gazetteer.normalize import name_key

    return "user:" + name_key(name).replace(" ", "-")


class _RowReader:
    def __init__(self, values: dict[str, str], source: str, line: int) -> None:
        self.values = values
        self.source = source
        self.line = line

    def error(self, field: str, message: str) -> OverlayError:
        return OverlayError(f"{field}: {message}", path=self.source, line=self.line, field=field)

    def text(self, field: str) -> str | None:
        value = self.values.get(field, "").strip()
        return value or None

    def number(self, field: str, low: float, high: float) -> float | None:
        raw = self.text(field)
        if raw is None:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise self.error(field, f"{raw!r} is not a number") from None
        if not low <= value <= high:
            raise self.error(field, f"{raw} is outside {low:g} to {high:g}")
        return value

    def count(self, field: str) -> int | None:
        raw = self.text(field)
        if raw is None:
            return None
        cleaned = raw.replace(",", "").replace("_", "")
        if not cleaned.isdigit():
            raise self.error(field, f"{raw!r} is not a whole number of 0 or more")
        return int(cleaned)


def _row(reader: _RowReader, is_known: Callable[[str], bool]) -> OverlayRow:
    name = reader.text("name")
    row_id = reader.text("id")
    if row_id is not None and not _ID.match(row_id):
        raise reader.error("id", f"{row_id!r} has characters other than letters, digits, _.:-")
    lat = reader.number("lat", -90, 90)
    lon = reader.number("lon", -180, 180)
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        raise reader.error(missing, "lat and lon go together; this row has only one of them")
    changes_existing = row_id is not None and is_known(row_id)
    if not changes_existing:
        if name is None:
            raise reader.error("name", "a new place needs a name")
        if lat is None:
            raise reader.error("lat", f"new place {name!r} needs lat and lon")
    country = reader.text("country")
    if country is not None:
        if not (len(country) == 2 and country.isalpha() and country.isascii()):
            raise reader.error("country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
        country = country.upper()
    kind_text = reader.text("kind")
    kind: Kind | None = None
    if kind_text is not None:
        try:
            kind = Kind(kind_text.lower())
        except ValueError:
            valid = ", ".join(k.value for k in Kind)
            raise reader.error("kind", f"{kind_text!r} is not one of {valid}") from None
    elif not changes_existing:
        kind = Kind.SITE
    alt = tuple(a.strip() for a in (reader.text("alt_names") or "").split("|") if a.strip())
    return OverlayRow(
        id=row_id or _slug(name or ""),
        name=name,
        alt_names=alt,
        lat=lat,
        lon=lon,
        country=country,
        admin1=reader.text("admin1"),
        kind=kind,
        population=reader.count("population"),
        note=reader.text("note") or "",
        line=reader.line,
    )


def parse_overlay(
    text: str, *, source: str = "<overlay>", is_known: Callable[[str], bool] = _nothing_known
) -> list[OverlayRow]:
    """Parse overlay CSV text into rows, checking every field.

    Parameters
    ----------
    text
        The CSV text, header first.
    source
        Name of the file, for error messages.
    is_known
        Tells whether the gazetteer already has an id: a row with such an id may leave out
        name and coordinates, since it changes that place.

    Raises
    ------
    OverlayError
        At the first problem, naming the file, the line and the field.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise OverlayError(
            "the file is empty; it needs a header row with at least name, lat, lon",
            path=source, line=1,
        ) from None
    except csv.Error as exc:
        raise OverlayError(f"not valid CSV: {exc}", path=source, line=1) from None
    columns = [h.strip().lower() for h in header]
    for position, column in enumerate(columns, start=1):
        if column not in COLUMNS:
            close = difflib.get_close_matches(column, COLUMNS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(COLUMNS)}"
            raise OverlayError(
                f"unknown column {column!r}{hint}", path=source, line=1, column=position,
                field=column,
            )
    if len(set(columns)) != len(columns):
        dup = next(c for c in columns if columns.count(c) > 1)
        raise OverlayError(f"column {dup!r} appears twice", path=source, line=1, field=dup)
    for needed in ("name", "lat", "lon"):
        if needed not in columns and "id" not in columns:
            raise OverlayError(
                f"missing column {needed!r}; a new place needs name, lat and lon",
                path=source, line=1, field=needed,
            )
    rows: list[OverlayRow] = []
    seen: dict[str, int] = {}
    line = reader.line_num + 1
    try:
        for values in reader:
            start, line = line, reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(columns):
                raise OverlayError(
                    f"{len(values)} fields where the header has {len(columns)}",
                    path=source, line=start,
                )
            row = _row(_RowReader(dict(zip(columns, values, strict=True)), source, start),
                       is_known)
            if row.id in seen:
                raise OverlayError(
                    f"id {row.id!r} is already used on line {seen[row.id]}",
                    path=source, line=start, field="id",
                )
            seen[row.id] = start
            rows.append(row)
    except csv.Error as exc:
        raise OverlayError(f"not valid CSV: {exc}", path=source, line=line) from None
    return rows


def read_overlay(
    path: str | Path, *, is_known: Callable[[str], bool] = _nothing_known
) -> list[OverlayRow]:
    """Read and parse an overlay CSV file (see :func:`parse_overlay`)."""
    path = Path(path)
    text = read_text(path, OverlayError)
    return parse_overlay(text, source=str(path), is_known=is_known)
