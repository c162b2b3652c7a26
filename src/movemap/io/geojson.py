"""Datasets as GeoJSON (RFC 7946) and as GeoDataFrames, both ways, without loss.

Legs are LineStrings along their routes (MultiLineStrings when they set out from several
places or cross the antimeridian) and stations Points, in EPSG:4326 lon/lat; each feature's
properties hold its record in the YAML layout plus ``record`` (``leg`` or ``station``),
``length_km`` and ``approximate`` (part of the route is a great circle where the network
could not join the places). The dataset's own fields, units
and sources ride in the collection's foreign member ``movemap``. Reading takes the records,
not the geometries, so YAML -> GeoJSON -> YAML gives back the same dataset.

Writing needs the places and routes of a located dataset (``movemap.locate``): this module
takes them as they are (:class:`Geography`) and never resolves or routes anything itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from movemap.io.atomic import write_atomic
from movemap.io.nodes import from_plain
from movemap.io.records import Parsed, Problem, dataset_to_dict, parse_records
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

_DIGITS = 6  # about 0.1 m: enough, and stable text for diffs


def _leg_geometry(leg: Leg, located: Geography) -> tuple[dict[str, Any], float, bool]:
    """One line per origin (cut at the antimeridian); the longest route's length."""
    routes = located.routes_of(leg)
    parts = [[[round(x, _DIGITS), round(y, _DIGITS)] for x, y in part]
             for r in routes for part in r.lines()]
    geometry = ({"type": "LineString", "coordinates": parts[0]} if len(parts) == 1
                else {"type": "MultiLineString", "coordinates": parts})
    return (geometry, round(max(r.length_km for r in routes), 1),
            any(r.approximate for r in routes))


def _station_geometry(station: Station, located: Geography) -> dict[str, Any]:
    place = located.place(station.place)
    return {"type": "Point", "coordinates": [round(place.lon, _DIGITS), round(place.lat, _DIGITS)]}


def to_geojson(located: Geography) -> dict[str, Any]:
    """A located dataset as a GeoJSON FeatureCollection (a dict ready for ``json.dumps``)."""
    dataset = located.dataset
    records = dataset_to_dict(dataset)
    features = []
    for leg, record in zip(dataset.legs, records.get("legs", []), strict=True):
        geometry, length, approximate = _leg_geometry(leg, located)
        features.append({"type": "Feature", "id": leg.id, "geometry": geometry,
                         "properties": {"record": "leg", **record, "length_km": length,
                                        "approximate": approximate}})
    for station, record in zip(dataset.stations, records.get("stations", []), strict=True):
        features.append({"type": "Feature", "id": station.id,
                         "geometry": _station_geometry(station, located),
                         "properties": {"record": "station", **record}})
    header = {k: v for k, v in records.items() if k not in ("legs", "stations")}
    return {"type": "FeatureCollection", "movemap": header, "features": features}


def write_geojson(located: Geography, path: str | Path) -> Path:
    """Write a located dataset as GeoJSON, atomically; the same dataset gives the same bytes."""
    text = json.dumps(to_geojson(located), ensure_ascii=False, indent=1)
    return write_atomic(path, text + "\n")


def parse_geojson(text: str, source: str = "<string>") -> Parsed:
    """Read a dataset back from movemap's GeoJSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return Parsed(None, [Problem(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno)])
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return Parsed(None, [Problem("not a GeoJSON FeatureCollection", 1, 1)])
    header = data.get("movemap")
    if not isinstance(header, dict):
        return Parsed(None, [Problem("a GeoJSON FeatureCollection without movemap's "
                                     "'movemap' member: not a movemap dataset", 1, 1)])
    legs: list[dict[str, Any]] = []
    stations: list[dict[str, Any]] = []
    for feature in data.get("features") or []:
        properties = dict((feature or {}).get("properties") or {})
        kind = properties.pop("record", None)
        properties.pop("length_km", None)
        properties.pop("approximate", None)
        (legs if kind == "leg" else stations if kind == "station" else []).append(properties)
    return parse_records(from_plain({**header, "legs": legs, "stations": stations}))


def to_geodataframe(located: Geography) -> geopandas.GeoDataFrame:
    """A located dataset's legs and stations as one GeoDataFrame (EPSG:4326), one row each.

    Columns: ``record`` (leg or station), ``id``, ``unit``, ``unit_name``, ``from``, ``to``
    (place names; a station's place is in ``to``), ``start``, ``end`` (as written),
    ``start_earliest``, ``end_latest`` (days, for filtering), ``mode``, ``strength``,
    ``status``, ``confidence``, ``sources``, ``notes``, ``length_km`` and ``geometry``.
    ``frame.attrs["movemap"]`` keeps the whole dataset for :func:`from_geodataframe`.
    """
    import geopandas
    import pandas as pd
    from shapely.geometry import shape

    dataset = located.dataset
    collection = to_geojson(located)
    names = {u.id: u.name for u in dataset.units}

    def row(item: Leg | Station, feature: dict[str, Any]) -> dict[str, Any]:
        is_leg = isinstance(item, Leg)
        return {
            "record": "leg" if is_leg else "station",
            "id": item.id,
            "unit": item.unit,
            "unit_name": names.get(item.unit),
            "from": " | ".join(r.label for r in item.origins) if isinstance(item, Leg) else None,
            "to": item.destination.label if isinstance(item, Leg) else item.place.label,
            "start": str(item.start),
            "end": str(item.end) if item.end else None,
            "start_earliest": pd.Timestamp(item.start.earliest) if item.start.earliest else pd.NaT,
            "end_latest": (pd.Timestamp(item.end.latest)
                           if item.end and item.end.latest else pd.NaT),
            "mode": item.mode.value if isinstance(item, Leg) else None,
            "strength": item.strength,
            "status": item.status.value,
            "confidence": item.confidence.value if item.confidence else None,
            "sources": ", ".join(item.sources),
            "notes": item.notes,
            "length_km": feature["properties"].get("length_km"),
            "geometry": shape(feature["geometry"]),
        }

    items: list[Leg | Station] = [*dataset.legs, *dataset.stations]
    rows = [row(item, feature) for item, feature in zip(items, collection["features"],
                                                          strict=True)]
    frame = geopandas.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    frame["strength"] = frame["strength"].astype("Int64")
    frame.attrs["movemap"] = dataset_to_dict(dataset)
    return frame


def from_geodataframe(frame: geopandas.GeoDataFrame) -> Dataset:
    """The dataset kept by :func:`to_geodataframe` in ``frame.attrs["movemap"]``.

    Rows removed from the frame are left out of the dataset (matched by ``record`` and
    ``id``), so filtering a frame and converting back works.
    """
    from movemap.io.records import DatasetError

    data = frame.attrs.get("movemap")
    if not isinstance(data, dict):
        raise DatasetError([Problem("this GeoDataFrame carries no movemap dataset in "
                                    "attrs['movemap']; make it with Dataset.to_geodataframe")])
    kept = set(zip(frame["record"], frame["id"], strict=True))
    data = {**data,
            "legs": [r for r in data.get("legs", []) if ("leg", r["id"]) in kept],
            "stations": [r for r in data.get("stations", []) if ("station", r["id"]) in kept]}
    parsed = parse_records(from_plain(data))
    if parsed.errors or parsed.dataset is None:
        raise DatasetError(parsed.problems)
    return parsed.dataset
