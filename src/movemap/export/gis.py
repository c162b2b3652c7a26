"""Data exports: GeoPackage, CSV and OGC Moving Features JSON (GeoJSON is ``io.geojson``).

- GeoPackage: layers ``legs`` (lines along their routes) and ``stations`` (points), the
  columns of ``movemap.io.table`` with Date fields (``io.gpkg``);
- CSV: one row a leg or station, the columns of ``movemap.io.table``, the route as WKT;
  text cells that a spreadsheet would run as a formula are neutralised
  (``io.csv.neutralise``);
- MF-JSON (OGC 19-045r3, a FeatureCollection of moving features): one moving feature per
  route of a leg (every origin), timed from departure to arrival, and stations as points that
  stay put, for trajectory tools (movingpandas' ``read_mf_json`` reads it).

Every write is atomic; text outputs are byte-identical for the same dataset.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movemap.io.atomic import write_atomic
from movemap.io.csv import neutralise
from movemap.io.table import COLUMNS, DATE_COLUMNS, iter_table_rows
from movemap.queries import leg_window
from movemap.routing.geodesic import geodesic_km

if TYPE_CHECKING:
    from movemap.located import Located

__all__ = ["write_csv_routes", "write_gpkg", "write_mfjson"]

_CHUNK_CHARS = 1 << 20


def write_gpkg(located: Located, path: Path) -> Path:
    """A GeoPackage with layers ``legs`` and ``stations`` (EPSG:4326, dates as Date fields)."""
    from movemap.io.gpkg import write_gpkg as write

    return write(located, path)


def write_csv_routes(located: Located, path: Path) -> Path:
    """One row a leg or station: the table's columns (``movemap.io.table``; dates' bounds
    as ISO days) and its route or point as WKT (EPSG:4326). ``movemap`` reads it back."""
    import shapely

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, "wkt"])
    # a row at a time, lines as arrays: no table of nested lists of floats at any size; the
    # text goes out as UTF-8 a megabyte at a time (a str of millions of points with one
    # accented name takes two or four bytes a character)
    chunks: list[bytes] = []
    for row in iter_table_rows(located, arrays=True):
        cells = ["" if row[c] is None else row[c].isoformat() if c in DATE_COLUMNS
                 else str(row[c]).lower() if isinstance(row[c], bool) else row[c]
                 for c in COLUMNS]
        writer.writerow([*(neutralise(c) for c in cells),
                         shapely.geometry.shape(row["geometry"]).wkt])
        if out.tell() > _CHUNK_CHARS:
            chunks.append(out.getvalue().encode("utf-8"))
            out.seek(0)
            out.truncate()
    chunks.append(out.getvalue().encode("utf-8"))
    return write_atomic(path, b"".join(chunks))


def _iso(day_time: datetime) -> str:
    return day_time.strftime("%Y-%m-%dT%H:%M:%SZ")


def _moving_point(route_points: Any, line_km: float, departure: date,
                  arrival: date) -> dict[str, Any]:
    """A route travelled at even speed from noon on departure to noon on arrival."""
    start = datetime.combine(departure, time(12))
    span = max((arrival - departure).total_seconds(), 1.0)
    done = 0.0
    stamps: list[str] = []
    coordinates: list[list[float]] = []
    previous = route_points[0]
    for point in route_points:
        done += geodesic_km(previous[0], previous[1], point[0], point[1])
        previous = point
        at = start + timedelta(seconds=round(span * (done / line_km if line_km else 1.0)))
        if stamps and stamps[-1] == _iso(at):
            continue
        stamps.append(_iso(at))
        coordinates.append([round(point[0], 6), round(point[1], 6)])
    if len(stamps) == 1:  # a route shorter than a second still needs two instants
        stamps.append(_iso(start + timedelta(seconds=span)))
        coordinates.append(coordinates[0])
    return {"type": "MovingPoint", "datetimes": stamps, "coordinates": coordinates,
            "interpolation": "Linear"}


def write_mfjson(located: Located, path: Path) -> Path:
    """OGC Moving Features JSON (a FeatureCollection of moving features, as movingpandas'
    ``read_mf_json(path, "id")`` reads it): one moving point per route of a leg (a leg from
    several places has one per origin, ids ``LEG/1``, ``LEG/2``...), and each station as a
    point that stays put from its first day to its last (an open station to the last day of
    the dataset, with ``end_open``)."""
    dataset = located.dataset
    names = {u.id: u.name for u in dataset.units}
    features: list[dict[str, Any]] = []
    last_day = date.min
    for leg in dataset.legs:
        routes = located.routes_of(leg)
        several = len(routes) > 1
        for number, (origin, route) in enumerate(zip(leg.origins, routes, strict=True),
                                                 start=1):
            departure, arrival, estimated = leg_window(leg, route.length_km)
            last_day = max(last_day, arrival)
            ident = f"{leg.id}/{number}" if several else leg.id
            features.append({
                "type": "Feature",
                "id": ident,
                "temporalGeometry": _moving_point(route.points, route.line_km, departure,
                                                  arrival),
                "properties": {
                    "id": ident, "record": "leg", "leg": leg.id, "unit": leg.unit,
                    "unit_name": names.get(leg.unit), "origin": origin.label,
                    "destination": leg.destination.label, "mode": leg.mode.value,
                    "status": leg.status.value, "start": str(leg.start),
                    "end": str(leg.end) if leg.end else None,
                    "strength": leg.strength, "origins": len(leg.origins),
                    "arrival_estimated": estimated,
                    "confidence": leg.confidence.value if leg.confidence else None,
                    "sources": list(leg.sources), "length_km": round(route.length_km, 1)},
            })
    for station in dataset.stations:
        last_day = max(last_day, station.start.last_day,
                       station.end.last_day if station.end else date.min)
    for station in dataset.stations:
        place = located.place(station.place)
        first = station.start.first_day
        final = station.end.last_day if station.end else max(last_day, first)
        point = [round(place.lon, 6), round(place.lat, 6)]
        features.append({
            "type": "Feature",
            "id": station.id,
            "temporalGeometry": {
                "type": "MovingPoint", "coordinates": [point, point],
                "datetimes": [_iso(datetime.combine(first, time(12))),
                              _iso(datetime.combine(max(final, first + timedelta(days=1)),
                                                    time(12)))],
                "interpolation": "Linear"},
            "properties": {
                "id": station.id, "record": "station", "unit": station.unit,
                "unit_name": names.get(station.unit), "place": station.place.label,
                "status": station.status.value, "start": str(station.start),
                "end": str(station.end) if station.end else None,
                "end_open": station.end is None, "strength": station.strength,
                "confidence": station.confidence.value if station.confidence else None,
                "sources": list(station.sources)},
        })
    collection = {"type": "FeatureCollection", "features": features,
                  "crs": {"type": "Name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                  "trs": {"type": "Link", "properties": {
                      "type": "OGCDEF", "href": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"}}}
    return write_atomic(path, json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
