"""Datasets as GeoPackages, both ways: layers ``legs`` and ``stations`` of movemap's table.

Each layer has the columns of ``movemap.io.table`` (a station's layer leaves out those only
legs have), in EPSG:4326, with real Date fields for the dates' bounds, so that QGIS's
temporal controller can use ``start_earliest`` and ``end_latest``. The dataset's own fields
(title, units, sources) ride in the GeoPackage's metadata as JSON (``movemap``), so that a
package edited in QGIS reads back whole: rows as edited, units and sources as written.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movemap.io.atomic import output_mode
from movemap.io.records import Parsed, Problem, dataset_to_dict
from movemap.io.table import COLUMNS, DATE_COLUMNS, iter_table_rows, parse_table

if TYPE_CHECKING:
    from movemap.io.geojson import Geography

__all__ = ["LAYERS", "parse_gpkg", "write_gpkg"]

LAYERS = {"leg": "legs", "station": "stations"}
_LEG_ONLY = ("from", "via", "through", "mode", "equipment", "length_km", "approximate",
             "from_lon", "from_lat", "route_drawn", "route_key")
_FLAGS = ("approximate", "route_drawn")
_NUMBERS = ("length_km", "from_lon", "from_lat", "to_lon", "to_lat")
BATCH = 2000
"""Rows written at a time: at 20,000 legs a leg has some 350 points, so a batch holds about
700,000 (11 MB as coordinates, as much again as WKB)."""


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _fields(rows: list[dict[str, Any]], columns: list[str]) -> tuple[list[Any], list[Any]]:
    """Column arrays for GDAL, and their null masks: days as datetime64[D] (Date fields),
    counts as integers, flags as booleans, the rest as text."""
    import numpy as np

    data: list[Any] = []
    masks: list[Any] = []
    for column in columns:
        values = [row[column] for row in rows]
        mask = np.array([v is None for v in values])
        if column in DATE_COLUMNS:
            # a time with a zone ("2024-10-08T23:30-05:00") is on its own day, as written;
            # numpy would warn that it drops the zone
            data.append(np.array([_day(v).isoformat() if v else "NaT" for v in values],
                                 dtype="datetime64[D]"))
            masks.append(None)
        elif column == "strength":
            data.append(np.array([v or 0 for v in values], dtype="int64"))
            masks.append(mask)
        elif column in _FLAGS:
            data.append(np.array([bool(v) for v in values]))
            masks.append(mask)
        elif column in _NUMBERS:
            data.append(np.array([np.nan if v is None else v for v in values], dtype="float64"))
            masks.append(None)
        else:
            data.append(np.array(values, dtype=object))
            masks.append(None)
    return data, masks


def _line_parts(geometry: dict[str, Any]) -> list[Any]:
    """A leg's lines (GeoJSON-like, coordinates as arrays or lists), one entry per line."""
    return [geometry["coordinates"]] if geometry["type"] == "LineString" \
        else list(geometry["coordinates"])


def _shapes(record: str, rows: list[dict[str, Any]]) -> Any:
    """The rows' geometries as WKB, built as arrays: a leg's lines as one MultiLineString,
    a station as a Point."""
    import numpy as np
    import shapely

    if not rows:
        return []
    if record == "station":
        return shapely.to_wkb(shapely.points(np.array(
            [row["geometry"]["coordinates"] for row in rows], dtype=float).reshape(-1, 2)))
    per_row = [[np.asarray(p, dtype=float).reshape(-1, 2) for p in _line_parts(row["geometry"])]
               for row in rows]
    parts = [p for lines in per_row for p in lines]
    lines = shapely.linestrings(np.concatenate(parts),
                                indices=np.repeat(np.arange(len(parts)), [len(p) for p in parts]))
    shapes = shapely.multilinestrings(
        lines, indices=np.repeat(np.arange(len(rows)), [len(lines) for lines in per_row]))
    return shapely.to_wkb(shapes)


def _batches(rows: Iterable[dict[str, Any]],
             size: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Consecutive rows of one record kind, at most ``size`` at a time."""
    batch: list[dict[str, Any]] = []
    for row in rows:
        if batch and (row["record"] != batch[0]["record"] or len(batch) == size):
            yield batch[0]["record"], batch
            batch = []
        batch.append(row)
    if batch:
        yield batch[0]["record"], batch


def write_gpkg(located: Geography, path: str | Path, *, batch: int = BATCH) -> Path:
    """Write the GeoPackage, atomically (built beside the target, then renamed). Rows go in
    ``batch`` at a time (each appended to its layer), so that memory stays that of one
    batch at any size of dataset; the file is the same for any ``batch``."""
    from pyogrio.raw import write

    path = Path(path)
    header = {k: v for k, v in dataset_to_dict(located.dataset).items()
              if k not in ("legs", "stations")}
    metadata = {"movemap": json.dumps(header, ensure_ascii=False, sort_keys=True)}
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        staging = Path(tmp) / path.name
        written: list[str] = []

        def put(record: str, part: list[dict[str, Any]]) -> None:
            # every layer exists, in the order of LAYERS, even without rows
            for earlier in LAYERS:
                if earlier == record:
                    break
                if earlier not in written:
                    put(earlier, [])
            columns = [c for c in COLUMNS if c != "record"
                       and not (record == "station" and c in _LEG_ONLY)]
            data, masks = _fields(part, columns)
            write(str(staging), _shapes(record, part), field_data=data, fields=columns,
                  field_mask=masks, layer=LAYERS[record], driver="GPKG",
                  geometry_type="MultiLineString" if record == "leg" else "Point",
                  crs="EPSG:4326", append=bool(written),
                  dataset_metadata=None if written else metadata)
            if record not in written:
                written.append(record)

        for record, part in _batches(iter_table_rows(located, arrays=True), batch):
            put(record, part)
        for record in LAYERS:
            if record not in written:
                put(record, [])
        os.chmod(staging, output_mode(path))  # a file replaced keeps its mode
        staging.replace(path)
    return path


def parse_gpkg(data: bytes, name: str) -> Parsed:
    """Read a dataset from a GeoPackage's bytes, with movemap's layers (as edited in a GIS
    tool or written by ``movemap export``); ``name`` names it when its metadata does not."""
    import io
    import warnings

    import pyogrio

    from movemap.io.geojson import frame_rows

    # GDAL reads the bytes from a memory file without the .gpkg extension, and says so
    warnings.filterwarnings("ignore", "File /vsimem/.* non conformant file extension",
                            RuntimeWarning)
    try:
        layers = {layer for layer, _ in pyogrio.list_layers(io.BytesIO(data))}
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        return Parsed(None, [Problem(f"not a readable GeoPackage: {exc}", 1, 1)])
    wanted = [layer for layer in LAYERS.values() if layer in layers]
    if not wanted:
        return Parsed(None, [Problem(f"a GeoPackage without movemap's layers (legs, stations); "
                                     f"it has {', '.join(sorted(layers)) or 'none'}", 1, 1)])
    info = pyogrio.read_info(io.BytesIO(data), layer=wanted[0])
    header = None
    text = (info.get("dataset_metadata") or {}).get("movemap")
    if text:
        try:
            header = json.loads(text)
        except json.JSONDecodeError:
            header = None
    rows = []
    for layer in wanted:
        frame = pyogrio.read_dataframe(io.BytesIO(data), layer=layer)
        record = "leg" if layer == "legs" else "station"
        for number, cells, geometry in frame_rows(frame):
            rows.append((number, {"record": record, **cells}, geometry))
    return parse_table(rows, name, header)
