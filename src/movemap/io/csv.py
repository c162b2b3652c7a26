"""Legs as CSV, one row a leg, for analysts who work in spreadsheets.

Columns (a header row first; only ``unit``, ``from``, ``to`` and ``start`` are needed):

=========== ===================================================================================
id          leg identifier (default: ``leg-<row number>``)
unit        unit id; every unit named here becomes a unit of the dataset
from        place, or several separated by ``|``
to          place
via         places separated by ``|``
through     transit countries a rail or road leg may cross, ISO codes separated by ``|``
start, end  dates in any form of ``movemap.dates`` (``2024-10-08``, ``2024-11``, ``by ...``)
mode        sea, rail, air, road, foot or unknown
strength    people
equipment   ``name=count`` pairs separated by ``;``: ``landing ships=4; escort ships=3``
status      reported, confirmed, claimed, expected or forecast
confidence  low, moderate or high
sources     source ids separated by ``|``; every one becomes a source of the dataset
notes       free text
route       a route drawn by hand, as JSON: ``[[[131.9, 43.1], [132.5, 42.5], ...]]``, one line
            of ``[lon, lat]`` points per place in ``from``; drawn as it is, not routed
=========== ===================================================================================

A place is a name; ``name [CC]`` adds a country hint (ISO alpha-2) and ``name @ lat, lon``
gives an exact point (``Blagoveshchensk [RU]``, ``Pier 3 @ 43.11, 131.89``). The dataset is
named after the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from movemap.io.atomic import write_atomic
from movemap.io.nodes import Node, YamlLimitError, from_plain
from movemap.io.records import Parsed, Problem, dataset_to_dict
from movemap.model import Dataset

__all__ = ["COLUMNS", "FORMULA_START", "neutralise", "parse_csv", "read_cell", "write_csv"]

COLUMNS = ("id", "unit", "from", "to", "via", "through", "start", "end", "mode", "strength",
           "equipment", "status", "confidence", "sources", "notes", "route")
_PLACE = re.compile(
    r"^(?P<name>.*?)\s*(?:\[(?P<country>[A-Za-z]{2})\])?"
    r"\s*(?:@\s*(?P<lat>-?\d+(?:\.\d+)?)\s*,\s*(?P<lon>-?\d+(?:\.\d+)?))?\s*$"
)


def _place(text: str, line: int | None, column: int | None) -> Node:
    m = _PLACE.match(text)
    if not m or (m["country"] is None and m["lat"] is None):
        return Node(text.strip(), line, column)
    fields = {}
    if m["name"]:
        fields["name"] = Node(m["name"], line, column)
    if m["country"]:
        fields["country"] = Node(m["country"], line, column)
    if m["lat"] is not None:
        fields["lat"] = Node(float(m["lat"]), line, column)
        fields["lon"] = Node(float(m["lon"]), line, column)
    return Node(fields, line, column, dict.fromkeys(fields, (line, column)))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection")."""


def neutralise(cell: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made plain text.

    As OWASP recommends, a single quote goes before a cell that starts with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return; numbers are left as they are. movemap's CSV
    reader takes the quote off again, so a dataset survives the round trip.

    >>> neutralise("=1+2"), neutralise("Kursk"), neutralise(-5)
    ("'=1+2", 'Kursk', -5)
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def read_cell(name: str, text: str, line: int | None, column: int | None) -> Node | None:
    """One cell's text as the node its field takes (places, lists, equipment, text)."""
    text = text.strip()
    if text[:1] == "'" and text[1:2] in FORMULA_START and text[1:2]:
        text = text[1:].strip()
    if not text:
        return None
    if name in ("from", "via"):
        parts = [p for p in text.split("|") if p.strip()]
        return Node([_place(p, line, column) for p in parts], line, column)
    if name == "to":
        return _place(text, line, column)
    if name in ("sources", "through"):
        parts = re.split(r"[|,;\s]+", text) if name == "through" else text.split("|")
        return Node([Node(p.strip(), line, column) for p in parts if p.strip()],
                    line, column)
    if name == "route" and text[:1] == "[":  # JSON: [[[lon, lat], ...], ...]
        try:
            lines = from_plain(json.loads(text))
        except (json.JSONDecodeError, RecursionError, YamlLimitError):
            return Node(text, line, column)  # the field's reader says what is wrong
        return Node(lines.value, line, column)
    if name == "equipment":
        counts: dict[str, Node] = {}
        for pair in text.split(";"):
            key, _, value = pair.partition("=")
            if key.strip():
                counts[key.strip()] = Node(value.strip(), line, column)
        return Node(counts, line, column, dict.fromkeys(counts, (line, column)))
    return Node(text, line, column)


def parse_csv(text: str, name: str) -> Parsed:
    """Parse CSV rows into a dataset named ``name``, with every problem located.

    Besides the columns above, the table columns of ``movemap export`` are read (see
    ``movemap.io.table``): ``record`` (``leg`` or ``station``, whose place is in ``to``),
    dates' bounds, and ``wkt``, the route or point, whose moved ends move the places.
    """
    from movemap.io.table import COLUMNS as TABLE_COLUMNS
    from movemap.io.table import parse_table

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:  # a field over the module's limit (128 KB), or a stray quote
        return Parsed(None, [Problem(f"not readable as CSV: {exc}", max(reader.line_num, 1),
                                     1)])
    if not rows:
        return Parsed(None, [Problem("the file is empty; it needs a header row "
                                     f"({', '.join(COLUMNS)})", 1, 1)])
    header = [h.strip().lower() for h in rows[0]]
    known = (*COLUMNS, *(c for c in TABLE_COLUMNS if c not in COLUMNS), "wkt")
    problems = []
    for position, column in enumerate(header, start=1):
        if column not in known:
            import difflib

            close = difflib.get_close_matches(column, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(Problem(f"unknown column {column!r}{hint}", 1, position))
    table: list[tuple[int | None, dict[str, Any], dict[str, Any] | None]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(f"{len(row)} fields where the header has {len(header)}",
                                    number, 1))
            continue
        cells = {column: cell for column, cell in zip(header, row, strict=True)
                 if column in known}
        table.append((number, cells, _wkt_geometry(cells.get("wkt", ""))))
    parsed = parse_table(table, name)
    parsed.problems[:0] = problems
    return parsed


def _wkt_geometry(text: str) -> dict[str, Any] | None:
    """The route or point of a ``wkt`` cell, GeoJSON-like; None when empty or unreadable."""
    if not text.strip():
        return None
    import shapely

    try:
        geometry = shapely.from_wkt(text)
    except shapely.errors.GEOSException:
        return None
    mapping: dict[str, Any] = shapely.geometry.mapping(geometry)
    return mapping


def write_csv(dataset: Dataset, path: str | Path) -> Path:
    """Write the dataset's legs as CSV, atomically (units and sources go by id only)."""
    from movemap.io.table import place_text as place

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in dataset_to_dict(dataset).get("legs", []):
        origins = record["from"] if isinstance(record["from"], list) else [record["from"]]
        cells = {
            **record,
            "from": "|".join(place(p) for p in origins),
            "to": place(record["to"]),
            "via": "|".join(place(p) for p in record.get("via", [])),
            "equipment": "; ".join(f"{k}={v}" for k, v in record.get("equipment", {}).items()),
            "sources": "|".join(record.get("sources", [])),
            "through": "|".join(record.get("through", [])),
            "route": json.dumps(record["route"]) if record.get("route") else "",
        }
        writer.writerow([neutralise(cells.get(c, "")) for c in COLUMNS])
    return write_atomic(path, out.getvalue())


