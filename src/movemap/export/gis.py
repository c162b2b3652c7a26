"""Data exports: GeoPackage, CSV and OGC Moving Features JSON (GeoJSON is ``io.geojson``).

- GeoPackage: layers ``legs`` (lines along their routes) and ``stations`` (points), with
  every field of the GeoDataFrame of ``io.geojson.to_geodataframe``;
- CSV: one row a leg, its route as WKT;
- MF-JSON (OGC 19-045r3, "MovingFeatureCollection"): one moving feature per leg, its route
  as ``MovingPoint`` coordinates timed from departure to arrival, for trajectory tools.

Every write is atomic; text outputs are byte-identical for the same dataset.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from movemap.io.atomic import write_atomic
from movemap.io.geojson import to_geodataframe
from movemap.queries import leg_window
from movemap.routing.geodesic import geodesic_km

if TYPE_CHECKING:
    from movemap.located import Located

__all__ = ["write_csv_routes", "write_gpkg", "write_mfjson"]


def write_gpkg(located: Located, path: Path) -> Path:
    """A GeoPackage with layers ``legs`` and ``stations`` (EPSG:4326)."""
    frame = to_geodataframe(located)
    frame = frame.drop(columns=["start_earliest", "end_latest"]).assign(
        start_earliest=frame["start_earliest"].dt.strftime("%Y-%m-%d"),
        end_latest=frame["end_latest"].dt.strftime("%Y-%m-%d"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        staging = Path(tmp) / path.name
        for record, layer in (("leg", "legs"), ("station", "stations")):
            part = frame[frame["record"] == record]
            if len(part):
                part.to_file(staging, layer=layer, driver="GPKG", engine="pyogrio")
        staging.replace(path)
    return path


def write_csv_routes(located: Located, path: Path) -> Path:
    """One row a leg: its fields, its length, and its route as WKT (EPSG:4326)."""
    frame = to_geodataframe(located)
    legs = frame[frame["record"] == "leg"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ["id", "unit", "unit_name", "from", "to", "start", "end", "mode", "strength",
               "status", "confidence", "sources", "notes", "length_km"]
    writer.writerow([*columns, "wkt"])
    for _, row in legs.iterrows():
        values = ["" if pd.isna(row[c]) else row[c] for c in columns]
        writer.writerow([*values, row.geometry.wkt])
    return write_atomic(path, out.getvalue())


def _iso(day_time: datetime) -> str:
    return day_time.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_mfjson(located: Located, path: Path) -> Path:
    """OGC Moving Features JSON: each leg a moving point from departure to arrival."""
    features: list[dict[str, Any]] = []
    for leg in located.dataset.legs:
        route = located.routes_of(leg)[0]
        departure, arrival, estimated = leg_window(leg, route.length_km)
        start = datetime.combine(departure, time(12))
        span = max((arrival - departure).total_seconds(), 1.0)
        done = 0.0
        stamps: list[str] = []
        coordinates: list[list[float]] = []
        previous = route.points[0]
        for point in route.points:
            done += geodesic_km(previous[0], previous[1], point[0], point[1])
            previous = point
            at = start + timedelta(seconds=round(span * (done / route.length_km
                                                         if route.length_km else 1.0)))
            if stamps and stamps[-1] == _iso(at):
                continue
            stamps.append(_iso(at))
            coordinates.append([round(point[0], 6), round(point[1], 6)])
        features.append({
            "type": "Feature",
            "id": leg.id,
            "temporalGeometry": {"type": "MovingPoint", "datetimes": stamps,
                                 "coordinates": coordinates, "interpolation": "Linear"},
            "properties": {"unit": leg.unit, "mode": leg.mode.value,
                           "status": leg.status.value, "start": str(leg.start),
                           "end": str(leg.end) if leg.end else None,
                           "strength": leg.strength, "arrival_estimated": estimated},
        })
    collection = {"type": "MovingFeatureCollection", "features": features,
                  "crs": {"type": "Name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                  "trs": {"type": "Link", "properties": {
                      "type": "OGCDEF", "href": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"}}}
    return write_atomic(path, json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
