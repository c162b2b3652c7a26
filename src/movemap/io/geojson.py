"""Datasets as GeoJSON (RFC 7946) and as GeoDataFrames, both ways, without loss.

Legs are LineStrings along their routes (MultiLineStrings when they set out from several
places or cross the antimeridian) and stations Points, in EPSG:4326 lon/lat; each feature's
properties hold its record in the YAML layout plus ``record`` (``leg`` or ``station``),
``length_km``, ``approximate`` (part of the route is a great circle where the network
could not join the places), the dates' bounds as ISO days with their precision
(``start_earliest``...: GDAL and QGIS read them as Date fields) and where the places were put
(``from_lon``...), and ``route_drawn``/``route_key`` (a route drawn by hand, and the digest
that tells an edited line). The dataset's own fields, units and sources ride in the
collection's foreign member ``movemap``. Reading takes the records, and the geometries only
where a vertex was moved, so YAML -> GeoJSON -> YAML gives back the same dataset.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from movemap.io.atomic import write_atomic
from movemap.io.nodes import MAX_NUMBER_DIGITS
from movemap.io.records import Parsed, Problem, dataset_to_dict
from movemap.io.table import (
    COLUMNS,
    DATE_COLUMNS,
    Row,
    date_columns,
    geometry_of,
    leg_geometry,
    parse_table,
    position_columns,
    route_columns,
    station_geometry,
    table_rows,
)
from movemap.model import Dataset, Leg, PlaceRef, Station

if TYPE_CHECKING:
    import geopandas

__all__ = ["Geography", "from_geodataframe", "parse_geojson", "to_geodataframe", "to_geojson",
           "write_geojson"]


class Geography(Protocol):
    """What the writers need of a located dataset (:class:`movemap.located.Located`)."""

    @property
    def dataset(self) -> Dataset: ...

    def place(self, ref: PlaceRef) -> Any: ...

    def routes_of(self, leg: Leg) -> tuple[Any, ...]: ...

def _extra(item: Leg | Station, located: Geography) -> dict[str, Any]:
    """Dates' bounds as ISO days (GDAL, and so QGIS, reads them as Date fields), their
    precision, and where the places were put (to notice a moved vertex on reading)."""
    out: dict[str, Any] = {}
    for prefix in ("start", "end"):
        for key, value in date_columns(prefix, getattr(item, prefix)).items():
            out[key] = value.isoformat() if isinstance(value, date) else value
    return {**out, **position_columns(item, located)}


def to_geojson(located: Geography) -> dict[str, Any]:
    """A located dataset as a GeoJSON FeatureCollection (a dict ready for ``json.dumps``)."""
    dataset = located.dataset
    records = dataset_to_dict(dataset)
    features = []
    for leg, record in zip(dataset.legs, records.get("legs", []), strict=True):
        geometry, length, approximate = leg_geometry(leg, located)
        fields = {k: v for k, v in record.items() if k != "route"}  # the geometry is the route
        features.append({"type": "Feature", "id": leg.id, "geometry": geometry,
                         "properties": {"record": "leg", **fields, **_extra(leg, located),
                                        "length_km": length, "approximate": approximate,
                                        **route_columns(leg, geometry)}})
    for station, record in zip(dataset.stations, records.get("stations", []), strict=True):
        features.append({"type": "Feature", "id": station.id,
                         "geometry": station_geometry(station, located),
                         "properties": {"record": "station", **record,
                                        **_extra(station, located)}})
    header = {k: v for k, v in records.items() if k not in ("legs", "stations")}
    return {"type": "FeatureCollection", "movemap": header, "features": features}


def write_geojson(located: Geography, path: str | Path) -> Path:
    """Write a located dataset as GeoJSON, atomically; the same dataset gives the same bytes."""
    text = json.dumps(to_geojson(located), ensure_ascii=False, indent=1)
    return write_atomic(path, text + "\n")


class _LongNumberError(Exception):
    def __init__(self, digits: str) -> None:
        self.digits = digits


def _bounded_int(digits: str) -> int:
    """An int from JSON, refusing the absurdly long (Python's own limit is a ValueError)."""
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _LongNumberError(digits)
    return int(digits)


def parse_geojson(text: str, source: str = "<string>") -> Parsed:
    """Read a dataset back from movemap's GeoJSON, or from a GeoJSON of movemap's columns
    (as a GIS tool saves it: edited dates and moved vertices are read, see ``io.table``)."""
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        return Parsed(None, [Problem(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno)])
    except _LongNumberError as exc:
        line = text.count("\n", 0, max(text.find(exc.digits), 0)) + 1
        return Parsed(None, [Problem(f"number {exc.digits[:12]}... has {len(exc.digits)} "
                                     f"characters; the limit is {MAX_NUMBER_DIGITS} digits",
                                     line)])
    except RecursionError:
        # the json module's own guard against deep nesting: its message has no position
        return Parsed(None, [Problem("arrays and objects nested too deeply to be a dataset",
                                     1, 1)])
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return Parsed(None, [Problem("not a GeoJSON FeatureCollection", 1, 1)])
    header = data.get("movemap")
    features = [f for f in data.get("features") or [] if isinstance(f, dict)]
    if not isinstance(header, dict) and not any(
            isinstance(f.get("properties"), dict) and {"unit", "start"} <= set(f["properties"])
            for f in features):
        return Parsed(None, [Problem("a GeoJSON FeatureCollection with neither movemap's "
                                     "'movemap' member nor features with its columns (unit, "
                                     "start, ...): not a movemap dataset", 1, 1)])
    rows = [(number, f.get("properties") or {}, f.get("geometry"))
            for number, f in enumerate(features, start=1)]
    return parse_table(rows, Path(source).stem, header if isinstance(header, dict) else None)


def to_geodataframe(located: Geography) -> geopandas.GeoDataFrame:
    """A located dataset's legs and stations as one GeoDataFrame (EPSG:4326), one row each.

    The columns are ``movemap.io.table.COLUMNS`` (documented in docs/columns.md): ``record``
    (leg or station), ``id``, ``unit``, ``unit_name``, ``from``, ``via``, ``to`` (a station's
    place), ``start`` and ``end`` as written with their ``*_earliest`` and ``*_latest`` days
    (datetimes, for filtering) and ``*_precision``, ``mode``, ``strength``, ``equipment``,
    ``status``, ``confidence``, ``sources``, ``grades``, ``notes``, ``length_km``,
    ``approximate``, where the places were put, and ``geometry``.
    ``frame.attrs["movemap"]`` keeps the dataset's own fields (units, sources) for
    :func:`from_geodataframe`, as JSON text: pandas deep-copies ``attrs`` into the result
    of every operation on the frame, and a string costs nothing to copy where a dataset's
    thousands of units and sources would be copied each time.
    """
    import geopandas
    import pandas as pd
    from shapely.geometry import shape

    dataset = located.dataset
    rows = table_rows(located)
    for row in rows:
        row["geometry"] = shape(row["geometry"])
    frame = geopandas.GeoDataFrame(rows, columns=[*COLUMNS, "geometry"], geometry="geometry",
                                   crs="EPSG:4326")
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    frame["strength"] = frame["strength"].astype("Int64")
    header = dataset_to_dict(dataset)
    frame.attrs["movemap"] = json.dumps(
        {k: v for k, v in header.items() if k not in ("legs", "stations")}, ensure_ascii=False)
    return frame


def frame_rows(frame: Any) -> list[Row]:
    """A data frame's rows as table rows (geometry as a GeoJSON-like mapping)."""
    geometry_name = getattr(frame, "_geometry_column_name", None)
    rows: list[Row] = []
    for number, record in enumerate(frame.to_dict("records"), start=1):
        shape = record.pop(geometry_name, None) if geometry_name else None
        rows.append((number, record, geometry_of(shape)))
    return rows


def from_geodataframe(frame: geopandas.GeoDataFrame | Any) -> Dataset:
    """A dataset from a frame of movemap's columns: one made by :func:`to_geodataframe`, or
    read back from the GeoPackage, GeoJSON or CSV that ``movemap export`` writes.

    The frame's rows are the dataset's legs and stations, with their edits (dates, places,
    moved ends of lines, see ``movemap.io.table``); units and sources come from
    ``frame.attrs["movemap"]`` when it is there, else from the ids the rows name.
    """
    from movemap.errors import DatasetError

    missing = {"unit", "start"} - set(frame.columns)
    if missing:
        raise DatasetError([Problem(f"this frame lacks movemap's columns {sorted(missing)}; "
                                    "make it with Dataset.to_geodataframe or read it from "
                                    "movemap's exports")])
    header = frame.attrs.get("movemap")
    if isinstance(header, str):
        try:
            header = json.loads(header)
        except ValueError:
            header = None
    parsed = parse_table(frame_rows(frame), "dataset",
                         header if isinstance(header, dict) else None)
    if parsed.errors or parsed.dataset is None:
        raise DatasetError(parsed.problems)
    return parsed.dataset
