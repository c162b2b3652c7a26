"""A dataset as a flat table: one row a leg or a station, the columns GIS tools read.

The GeoPackage's layers, the CSV export and ``Dataset.to_geodataframe`` share these columns
(the GeoJSON export adds the date and position columns to its records). Reading goes the
other way for any of them, including a table edited in QGIS or pandas:

- dates: ``start`` and ``end`` keep the source's text (``early 2024-10``); ``*_earliest``
  and ``*_latest`` are real dates (the bounds it can mean) and ``*_precision`` says how much
  the source gave. When a bound no longer agrees with the text, the bounds were edited and
  win: equal bounds make a day, two an interval (``A/B``), one an open bound;
- places: ``from``, ``via`` and ``to`` use the CSV notation (``Chongjin [KP]``,
  ``Pier 3 @ 43.11, 131.89``, several joined by ``|``); a station's place is in ``to``;
  ``from_lon``/``from_lat`` and ``to_lon``/``to_lat`` say where movemap put the first
  origin and the destination. When the geometry's end no longer lies there (a vertex moved
  by more than about 100 m), the place keeps its name and takes the new point;
- routes: ``route_key`` is a digest of the inner vertices of the line movemap wrote (what
  routing gave). When they no longer match it (a vertex moved, added or deleted in the
  middle), the line comes back as the leg's ``route``, drawn by hand and kept as it is
  instead of routed again; ``route_drawn`` says a leg's line is such a route, so that it
  stays one through further round trips;
- ``unit_name``, ``length_km``, ``approximate`` and ``grades`` are for reading only, except
  that ``unit_name`` names a unit the table brings in.

Units and sources beyond their ids come from a header (the dataset's own fields as
``dataset_to_dict`` writes them) when the format carries one.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from movemap.dates import DateError, FuzzyDate, parse_date
from movemap.io.nodes import Node, from_plain
from movemap.io.records import Parsed, Problem, dataset_to_dict, parse_records
from movemap.model import SCHEMA_VERSION, Leg, Station

if TYPE_CHECKING:
    from movemap.io.geojson import Geography

__all__ = ["COLUMNS", "DATE_COLUMNS", "Row", "iter_table_rows", "leg_geometry", "leg_parts",
           "parse_table", "parts_geometry", "place_text", "station_geometry", "table_rows"]

COLUMNS = ("record", "id", "unit", "unit_name", "from", "via", "through", "to", "start",
           "start_earliest", "start_latest", "start_precision", "end", "end_earliest",
           "end_latest", "end_precision", "mode", "strength", "equipment", "status",
           "confidence", "sources", "grades", "notes", "length_km", "approximate",
           "from_lon", "from_lat", "to_lon", "to_lat", "route_drawn", "route_key")
DATE_COLUMNS = ("start_earliest", "start_latest", "end_earliest", "end_latest")
_READ_ONLY = {"record", "unit_name", "grades", "length_km", "approximate", "from_lon",
              "from_lat", "to_lon", "to_lat", "route_drawn", "route_key", "wkt", "geometry",
              "fid",
              "start_precision", "end_precision", *DATE_COLUMNS}
_STRUCTURED = ("from", "via", "through", "to", "equipment", "sources", "route")
_DIGITS = 6  # about 0.1 m: enough, and stable text for diffs
_MOVED_DEGREES = 0.001  # about 100 m: a vertex moved on purpose, not rounding

Row = tuple[int | None, Mapping[str, Any], Mapping[str, Any] | None]
"""A row to read: its line (or feature number), its cells, its GeoJSON-like geometry."""


def place_text(value: Any) -> str:
    """A place of the YAML layout (a name, or name/country/lat/lon) in the CSV notation."""
    if isinstance(value, str):
        return value
    text = str(value.get("name", ""))
    if value.get("country"):
        text += f" [{value['country']}]"
    if value.get("lat") is not None:
        text += f" @ {value['lat']}, {value['lon']}"
    return text.strip()


def _places_text(value: Any) -> str | None:
    if value in (None, "", []):
        return None
    return "|".join(place_text(p) for p in (value if isinstance(value, list) else [value]))


def leg_parts(leg: Leg, located: Geography) -> tuple[list[np.ndarray], float, bool]:
    """A leg's lines as arrays of (lon, lat) rounded to about 0.1 m, one per origin (cut at
    the antimeridian); the longest route's length; whether any stretch is a great circle
    where no network joins the places."""
    routes = located.routes_of(leg)
    # rounded as arrays (a route's points are one array): millions of points at scale
    parts = [np.round(np.asarray(part, dtype=float).reshape(-1, 2), _DIGITS)
             for r in routes for part in r.lines()]
    return (parts, round(max(r.length_km for r in routes), 1),
            any(r.approximate for r in routes))


def parts_geometry(parts: Sequence[Any]) -> dict[str, Any]:
    """Lines as a GeoJSON-like LineString (one) or MultiLineString (several)."""
    return ({"type": "LineString", "coordinates": parts[0]} if len(parts) == 1
            else {"type": "MultiLineString", "coordinates": list(parts)})


def leg_geometry(leg: Leg, located: Geography) -> tuple[dict[str, Any], float, bool]:
    """:func:`leg_parts` with the lines as GeoJSON-like geometry (coordinates as lists)."""
    parts, length, approximate = leg_parts(leg, located)
    return parts_geometry([part.tolist() for part in parts]), length, approximate


def route_key(geometry: Mapping[str, Any]) -> str | None:
    """A digest of a leg's line's inner vertices (each part's, without its two ends) to 1e-5
    degrees (about a metre): what a read-back line is compared with to notice an edit.

    >>> route_key({"type": "LineString", "coordinates": [[0, 0], [1.5, 2], [3, 3]]})
    'ed07c51e9d63'
    """
    import hashlib

    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind not in ("LineString", "MultiLineString") or coordinates is None \
            or len(coordinates) == 0:
        return None
    parts: list[Any] = [coordinates] if kind == "LineString" else list(coordinates)
    text = ";".join(_inner_text(part) for part in parts)
    return hashlib.blake2b(text.encode("ascii"), digest_size=6).hexdigest()


def _inner_text(part: Sequence[Any]) -> str:
    """A part's inner vertices as ``x y`` pairs to 5 decimals, formatted in one call."""
    inner = part[1:-1]
    try:
        xy = np.asarray(inner, dtype=float)
        if xy.ndim != 2 or xy.shape[1] < 2:
            raise ValueError(xy.shape)
    except (TypeError, ValueError):
        return ",".join(f"{float(x):.5f} {float(y):.5f}" for x, y, *_ in inner)
    return ",".join(["%.5f %.5f"] * len(xy)) % tuple(xy[:, :2].ravel().tolist())


def station_geometry(station: Station, located: Geography) -> dict[str, Any]:
    place = located.place(station.place)
    return {"type": "Point",
            "coordinates": [round(place.lon, _DIGITS), round(place.lat, _DIGITS)]}


def date_columns(prefix: str, value: FuzzyDate | None) -> dict[str, Any]:
    """``start_earliest``, ``start_latest`` and ``start_precision`` (or ``end_*``)."""
    return {f"{prefix}_earliest": value.earliest if value else None,
            f"{prefix}_latest": value.latest if value else None,
            f"{prefix}_precision": value.precision.value if value else None}


def position_columns(item: Leg | Station, located: Geography) -> dict[str, float | None]:
    """Where movemap put the first origin and the destination (a station's place)."""
    if isinstance(item, Leg):
        origin = located.place(item.origins[0])
        end = located.place(item.destination)
        start_at, end_at = (origin.lon, origin.lat), (end.lon, end.lat)
        if origin.areal or end.areal:
            # A country or region is met at its entry point, where the route starts or ends.
            lines = located.routes_of(item)[0].lines()
            start_at = start_at if not origin.areal else tuple(lines[0][0])
            end_at = end_at if not end.areal else tuple(lines[-1][-1])
        first: tuple[float | None, float | None] = (round(start_at[0], _DIGITS),
                                                    round(start_at[1], _DIGITS))
        last = (round(end_at[0], _DIGITS), round(end_at[1], _DIGITS))
    else:
        end = located.place(item.place)
        first = (None, None)
        last = (round(end.lon, _DIGITS), round(end.lat, _DIGITS))
    return {"from_lon": first[0], "from_lat": first[1], "to_lon": last[0], "to_lat": last[1]}


def route_columns(item: Leg | Station, geometry: Mapping[str, Any]) -> dict[str, Any]:
    """``route_drawn`` and ``route_key`` of a leg (None for a station)."""
    if not isinstance(item, Leg):
        return {"route_drawn": None, "route_key": None}
    return {"route_drawn": bool(item.route), "route_key": route_key(geometry)}


def table_rows(located: Geography) -> list[dict[str, Any]]:
    """Every leg, then every station, as a row of :data:`COLUMNS` plus ``geometry``
    (GeoJSON-like); dates are ``datetime.date`` or None."""
    return list(iter_table_rows(located))


def iter_table_rows(located: Geography, *, arrays: bool = False) -> Iterator[dict[str, Any]]:
    """:func:`table_rows` one row at a time, so that a writer holds one batch, not the whole
    table. With ``arrays``, a leg's line coordinates are numpy arrays of (lon, lat) (one
    per line; ``coordinates`` of a LineString is its array, of a MultiLineString a list of
    them) instead of nested lists: the same values without a Python float for each."""
    dataset = located.dataset
    records = dataset_to_dict(dataset)
    names = {u.id: u.name for u in dataset.units}
    grades = {s.id: str(s.grade) for s in dataset.sources if s.grade}
    items: list[tuple[Leg | Station, dict[str, Any]]] = [
        *zip(dataset.legs, records.get("legs", []), strict=True),
        *zip(dataset.stations, records.get("stations", []), strict=True)]
    for item, record in items:
        is_leg = isinstance(item, Leg)
        geometry: dict[str, Any]
        if isinstance(item, Leg):
            parts, length, approximate = leg_parts(item, located)
            geometry = parts_geometry(parts if arrays else [p.tolist() for p in parts])
        else:
            geometry, length, approximate = station_geometry(item, located), None, None
        yield {
            "record": "leg" if is_leg else "station",
            "id": item.id,
            "unit": item.unit,
            "unit_name": names.get(item.unit),
            "from": _places_text(record.get("from")),
            "via": _places_text(record.get("via")),
            "through": "|".join(record.get("through", [])) or None,
            "to": place_text(record["to"] if is_leg else record["at"]),
            "start": str(item.start),
            **date_columns("start", item.start),
            "end": str(item.end) if item.end else None,
            **date_columns("end", item.end),
            "mode": item.mode.value if isinstance(item, Leg) else None,
            "strength": item.strength,
            "equipment": ("; ".join(f"{k}={v}" for k, v in item.equipment.items())
                          if isinstance(item, Leg) and item.equipment else None),
            "status": item.status.value,
            "confidence": item.confidence.value if item.confidence else None,
            "sources": "|".join(item.sources) or None,
            "grades": "|".join(grades[s] for s in item.sources if s in grades) or None,
            "notes": item.notes,
            "length_km": length,
            "approximate": approximate,
            **position_columns(item, located),
            **route_columns(item, geometry),
            "geometry": geometry,
        }


def _missing(value: Any) -> bool:
    """None, NaN, NaT, pandas' NA or an empty string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pandas' NA refuses to be a bool
        return True


def _day(value: Any) -> date | None:
    if _missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _date_text(text: Any, earliest: Any, latest: Any) -> Any:
    """The date's text, or one made from its bounds when they were edited."""
    low, high = _day(earliest), _day(latest)
    if low is None and high is None:
        return None if _missing(text) else text
    if not _missing(text):
        try:
            parsed = parse_date(str(text).strip())
        except DateError:
            parsed = None
        if parsed is not None and low == parsed.earliest and high == parsed.latest:
            return text
    if low is not None and high is not None:
        return low.isoformat() if low == high else f"{low.isoformat()}/{high.isoformat()}"
    if low is not None:
        return f"after {low.isoformat()}"
    assert high is not None
    return f"by {high.isoformat()}"


def _ends(geometry: Mapping[str, Any] | None) -> tuple[list[float], list[float]] | None:
    """The first and last vertex of a line, a multi-line or a point."""
    if not geometry or not geometry.get("coordinates"):
        return None
    kind, coordinates = geometry.get("type"), geometry["coordinates"]
    if kind == "Point":
        return coordinates, coordinates
    if kind == "LineString":
        return coordinates[0], coordinates[-1]
    if kind == "MultiLineString":
        return coordinates[0][0], coordinates[-1][-1]
    return None


def _moved(vertex: Sequence[float], lon: Any, lat: Any) -> bool:
    if _missing(lon) or _missing(lat):
        return False
    return (abs(float(vertex[0]) - float(lon)) > _MOVED_DEGREES
            or abs(float(vertex[1]) - float(lat)) > _MOVED_DEGREES)


def _repoint(place: Node, vertex: Sequence[float], line: int | None) -> Node:
    """The place, keeping its name as a label, at the point the vertex was moved to."""
    name = place.value if isinstance(place.value, str) else (
        place.value["name"].value if isinstance(place.value, dict) and "name" in place.value
        else None)
    fields = {"lat": Node(round(float(vertex[1]), _DIGITS), line),
              "lon": Node(round(float(vertex[0]), _DIGITS), line)}
    if name:
        fields = {"name": Node(name, line), **fields}
    return Node(fields, line, None, dict.fromkeys(fields, (line, None)))


def _flag(value: Any) -> bool:
    """A boolean cell as GDAL, pandas or a CSV gives it."""
    if _missing(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _drawn(geometry: Mapping[str, Any], drawn: Any, key: Any) -> bool:
    """Whether a leg's line read back is a route drawn by hand: it was one, or its inner
    vertices are no longer those movemap wrote (``route_key``)."""
    if geometry.get("type") not in ("LineString", "MultiLineString"):
        return False
    if _flag(drawn):
        return True
    return not _missing(key) and str(key).strip() != route_key(geometry)


def _route_lines(geometry: Mapping[str, Any], origins: int) -> list[list[list[float]]] | None:
    """A drawn line's parts as one line per place of departure (parts cut at the
    antimeridian joined again), or None when they cannot be."""
    kind, coordinates = geometry["type"], geometry["coordinates"]
    parts = [coordinates] if kind == "LineString" else list(coordinates)
    lines = [[[float(x), float(y)] for x, y, *_ in part] for part in parts if part]
    if len(lines) != origins:  # join the parts that meet at 180 degrees
        joined = [lines[0]] if lines else []
        for part in lines[1:]:
            end, start = joined[-1][-1], part[0]
            if abs(abs(end[0]) - 180) < 1e-6 and abs(end[0] + start[0]) < 1e-6 \
                    and abs(end[1] - start[1]) < 1e-6:
                joined[-1] = joined[-1] + part
            else:
                joined.append(part)
        lines = joined
    return lines if len(lines) == origins else None


def _cell(column: str, value: Any, line: int | None, position: int | None) -> Node | None:
    from movemap.io.csv import read_cell

    if hasattr(value, "tolist") and not isinstance(value, list | dict | str):
        value = value.tolist()  # numpy's scalars and arrays (GDAL's string lists)
    if _missing(value):
        return None
    if isinstance(value, str) and column in _STRUCTURED and value.lstrip()[:1] in ("[", "{"):
        with contextlib.suppress(json.JSONDecodeError):
            # GDAL gives a GeoJSON property's objects and lists as JSON text
            value = json.loads(value)
    if isinstance(value, str):
        return read_cell(column, value, line, position)
    if isinstance(value, float) and value.is_integer() and column == "strength":
        value = int(value)
    node = from_plain(value)
    return Node(node.value, line, position, node.keys)


def parse_table(rows: Iterable[Row], name: str,
                header: Mapping[str, Any] | None = None) -> Parsed:
    """A dataset from table rows (and the dataset's own fields, when the format kept them).

    Only the rows' legs and stations make the dataset: a row deleted in a GIS tool is a
    record removed. A unit or source the header lacks is made from its id (and
    ``unit_name``).
    """
    legs: list[Node] = []
    stations: list[Node] = []
    problems: list[Problem] = []
    unit_names: dict[str, tuple[Any, int | None]] = {}
    source_ids: dict[str, int | None] = {}
    for line, cells, geometry in rows:
        kind = cells.get("record")
        kind = "leg" if _missing(kind) else str(kind).strip().lower()
        if kind not in ("leg", "station"):
            problems.append(Problem(f"record: {kind!r} is neither leg nor station", line))
            continue
        values = {k: v for k, v in cells.items() if k not in _READ_ONLY}
        for prefix in ("start", "end"):
            values[prefix] = _date_text(values.get(prefix), cells.get(f"{prefix}_earliest"),
                                        cells.get(f"{prefix}_latest"))
        if kind == "station":
            values["at"] = values.pop("at", None) or values.pop("to", None)
            values.pop("from", None)
            values.pop("via", None)
            values.pop("through", None)
            values.pop("mode", None)
        positions = {k: i for i, k in enumerate(cells, start=1)}
        record: dict[str, Node] = {}
        for column, value in values.items():
            position = positions.get("to" if column == "at" else column)
            node = _cell("to" if column == "at" else column, value, line, position)
            if node is not None:
                record[column] = node
        record.setdefault("id", Node(f"{kind}-{line}", line, 1))
        ends = _ends(geometry)
        if ends is not None:
            target = "to" if kind == "leg" else "at"
            if target in record and _moved(ends[1], cells.get("to_lon"), cells.get("to_lat")):
                record[target] = _repoint(record[target], ends[1], line)
            origins = record.get("from")
            if (kind == "leg" and origins is not None and isinstance(origins.value, list)
                    and len(origins.value) == 1
                    and _moved(ends[0], cells.get("from_lon"), cells.get("from_lat"))):
                record["from"] = Node([_repoint(origins.value[0], ends[0], line)], line)
        if kind == "leg" and geometry is not None and "route" not in record and _drawn(
                geometry, cells.get("route_drawn"), cells.get("route_key")):
            origins = record.get("from")
            count = len(origins.value) if origins is not None and origins.is_list else 1
            drawn = _route_lines(geometry, count)
            if drawn is None:
                problems.append(Problem(
                    f"leg {record['id'].value!r}: its line was edited, but its parts do not "
                    f"make one line for each of its {count} places of departure; it is "
                    "routed again", line, severity="warning"))
            else:
                record["route"] = from_plain(drawn)
        if "unit" in record:
            unit = str(record["unit"].value)
            unit_names.setdefault(unit, (cells.get("unit_name"), line))
        if "sources" in record and isinstance(record["sources"].value, list):
            for source in record["sources"].value:
                source_ids.setdefault(str(source.value), line)
        node = Node(record, line, 1, {k: (line, None) for k in record})
        (legs if kind == "leg" else stations).append(node)
    head = dict(header or {})
    units = [from_plain(u) for u in head.get("units", [])]
    known_units = {u.get("id") for u in head.get("units", []) if isinstance(u, dict)}
    for unit, (unit_name, line) in unit_names.items():
        if unit not in known_units:
            label = unit if _missing(unit_name) else str(unit_name)
            units.append(Node({"id": Node(unit, line), "name": Node(label, line)}, line))
    sources = [from_plain(s) for s in head.get("sources", [])]
    known_sources = {s.get("id") for s in head.get("sources", []) if isinstance(s, dict)}
    for source, line in source_ids.items():
        if source not in known_sources:
            sources.append(Node({"id": Node(source, line), "publisher": Node(source, line)},
                                line))
    root: dict[str, Node] = {
        key: from_plain(value) for key, value in head.items()
        if key not in ("units", "sources", "legs", "stations")}
    root.setdefault("movemap", Node(SCHEMA_VERSION))
    root.setdefault("name", Node(name))
    root.update(units=Node(units), sources=Node(sources), legs=Node(legs),
                stations=Node(stations))
    parsed = parse_records(Node(root, 1, 1))
    parsed.problems[:0] = problems
    return parsed


def geometry_of(value: Any) -> dict[str, Any] | None:
    """A shapely geometry (or None) as a GeoJSON-like mapping."""
    if value is None or _missing_geometry(value):
        return None
    import shapely

    mapping: dict[str, Any] = shapely.geometry.mapping(value)
    return mapping


def _missing_geometry(value: Any) -> bool:
    try:
        return bool(value.is_empty)
    except AttributeError:
        return True

