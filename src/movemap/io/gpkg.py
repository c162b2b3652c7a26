"""Datasets as GeoPackages, both ways: layers ``legs`` and ``stations`` of movemap's table.

Each layer has the columns of ``movemap.io.table`` (a station's layer leaves out those only
legs have), in EPSG:4326, with real Date fields for the dates' bounds, so that QGIS's
temporal controller can use ``start_earliest`` and ``end_latest``. The dataset's own fields
(title, units, sources) ride in the GeoPackage's metadata as JSON (``movemap``), so that a
package edited in QGIS reads back whole: rows as edited, units and sources as written.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movemap.io.records import Parsed, Problem, dataset_to_dict
from movemap.io.table import COLUMNS, DATE_COLUMNS, parse_table, table_rows

if TYPE_CHECKING:
    from movemap.io.geojson import Geography

__all__ = ["LAYERS", "parse_gpkg", "write_gpkg"]

LAYERS = {"leg": "legs", "station": "stations"}
_LEG_ONLY = ("from", "via", "through", "mode", "equipment", "length_km", "approximate",
             "from_lon", "from_lat", "route_drawn", "route_key")
_FLAGS = ("approximate", "route_drawn")
_NUMBERS = ("length_km", "from_lon", "from_lat", "to_lon", "to_lat")


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
            data.append(np.array([v.isoformat() if v else "NaT" for v in values],
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


def _lines(geometry: dict[str, Any]) -> Any:
    """A leg's line (GeoJSON-like) as a MultiLineString, built from arrays."""
    import numpy as np
    import shapely

    parts = [geometry["coordinates"]] if geometry["type"] == "LineString" \
        else geometry["coordinates"]
    return shapely.multilinestrings([shapely.linestrings(np.asarray(p, dtype=float))
                                     for p in parts])


def write_gpkg(located: Geography, path: str | Path) -> Path:
    """Write the GeoPackage, atomically (built beside the target, then renamed)."""
    import shapely
    from pyogrio.raw import write

    path = Path(path)
    rows = table_rows(located)
    header = {k: v for k, v in dataset_to_dict(located.dataset).items()
              if k not in ("legs", "stations")}
    metadata = {"movemap": json.dumps(header, ensure_ascii=False, sort_keys=True)}
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        staging = Path(tmp) / path.name
        first = True
        for record, layer in LAYERS.items():
            part = [row for row in rows if row["record"] == record]
            columns = [c for c in COLUMNS if c != "record"
                       and not (record == "station" and c in _LEG_ONLY)]
            shapes = [_lines(row["geometry"]) if record == "leg"
                      else shapely.geometry.shape(row["geometry"]) for row in part]
            data, masks = _fields(part, columns)
            write(str(staging), shapely.to_wkb(shapes) if shapes else [], field_data=data,
                  fields=columns, field_mask=masks, layer=layer, driver="GPKG",
                  geometry_type="MultiLineString" if record == "leg" else "Point",
                  crs="EPSG:4326", append=not first,
                  dataset_metadata=metadata if first else None)
            first = False
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
