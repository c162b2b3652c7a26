"""Legs as CSV, one row a leg, for analysts who work in spreadsheets.

Columns (a header row first; only ``unit``, ``from``, ``to`` and ``start`` are needed):

=========== ===================================================================================
id          leg identifier (default: ``leg-<row number>``)
unit        unit id; every unit named here becomes a unit of the dataset
from        place, or several separated by ``|``
to          place
via         places separated by ``|``
start, end  dates in any form of ``movemap.dates`` (``2024-10-08``, ``2024-11``, ``by ...``)
mode        sea, rail, air, road, foot or unknown
strength    people
equipment   ``name=count`` pairs separated by ``;``: ``landing ships=4; escort ships=3``
status      reported, confirmed, claimed, expected or forecast
confidence  low, moderate or high
sources     source ids separated by ``|``; every one becomes a source of the dataset
notes       free text
=========== ===================================================================================

A place is a name; ``name [CC]`` adds a country hint (ISO alpha-2) and ``name @ lat, lon``
gives an exact point (``Blagoveshchensk [RU]``, ``Pier 3 @ 43.11, 131.89``). The dataset is
named after the file.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from movemap.io.atomic import write_atomic
from movemap.io.nodes import Node
from movemap.io.records import Parsed, Problem, dataset_to_dict, parse_records
from movemap.model import SCHEMA_VERSION, Dataset

__all__ = ["COLUMNS", "parse_csv", "write_csv"]

COLUMNS = ("id", "unit", "from", "to", "via", "start", "end", "mode", "strength", "equipment",
           "status", "confidence", "sources", "notes")
_PLACE = re.compile(
    r"^(?P<name>.*?)\s*(?:\[(?P<country>[A-Za-z]{2})\])?"
    r"\s*(?:@\s*(?P<lat>-?\d+(?:\.\d+)?)\s*,\s*(?P<lon>-?\d+(?:\.\d+)?))?\s*$"
)


def _place(text: str, line: int, column: int) -> Node:
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


def _cell(name: str, text: str, line: int, column: int) -> Node | None:
    text = text.strip()
    if not text:
        return None
    if name in ("from", "via"):
        parts = [p for p in text.split("|") if p.strip()]
        return Node([_place(p, line, column) for p in parts], line, column)
    if name == "to":
        return _place(text, line, column)
    if name == "sources":
        return Node([Node(p.strip(), line, column) for p in text.split("|") if p.strip()],
                    line, column)
    if name == "equipment":
        counts: dict[str, Node] = {}
        for pair in text.split(";"):
            key, _, value = pair.partition("=")
            if key.strip():
                counts[key.strip()] = Node(value.strip(), line, column)
        return Node(counts, line, column, dict.fromkeys(counts, (line, column)))
    return Node(text, line, column)


def parse_csv(text: str, name: str) -> Parsed:
    """Parse CSV legs into a dataset named ``name``, with every problem located."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return Parsed(None, [Problem("the file is empty; it needs a header row "
                                     f"({', '.join(COLUMNS)})", 1, 1)])
    header = [h.strip().lower() for h in rows[0]]
    problems = []
    for position, column in enumerate(header, start=1):
        if column not in COLUMNS:
            import difflib

            close = difflib.get_close_matches(column, COLUMNS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(Problem(f"unknown column {column!r}{hint}", 1, position))
    legs: list[Node] = []
    units: dict[str, Node] = {}
    sources: dict[str, Node] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(f"{len(row)} fields where the header has {len(header)}",
                                    number, 1))
            continue
        record: dict[str, Node] = {}
        keys: dict[str, tuple[int | None, int | None]] = {}
        for position, (column, cell) in enumerate(zip(header, row, strict=True), start=1):
            if column not in COLUMNS:
                continue
            node = _cell(column, cell, number, position)
            if node is not None:
                record[column] = node
                keys[column] = (number, position)
        record.setdefault("id", Node(f"leg-{number}", number, 1))
        unit = record.get("unit")
        if unit is not None:
            units.setdefault(str(unit.value), unit)
        for source in (record["sources"].value if "sources" in record else []):
            sources.setdefault(str(source.value), source)
        legs.append(Node(record, number, 1, keys))
    root = {
        "movemap": Node(SCHEMA_VERSION),
        "name": Node(name),
        "units": Node([Node({"id": n, "name": n}, n.line, n.column) for n in units.values()]),
        "sources": Node([Node({"id": n, "publisher": n}, n.line, n.column)
                         for n in sources.values()]),
        "legs": Node(legs),
    }
    parsed = parse_records(Node(root, 1, 1))
    parsed.problems[:0] = problems
    return parsed


def write_csv(dataset: Dataset, path: str | Path) -> Path:
    """Write the dataset's legs as CSV, atomically (units and sources go by id only)."""
    def place(value: Any) -> str:
        if isinstance(value, str):
            return value
        text = str(value.get("name", ""))
        if "country" in value:
            text += f" [{value['country']}]"
        if "lat" in value:
            text += f" @ {value['lat']}, {value['lon']}"
        return text.strip()

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
        }
        writer.writerow([cells.get(c, "") for c in COLUMNS])
    return write_atomic(path, out.getvalue())


