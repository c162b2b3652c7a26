"""The offline vector basemap: Natural Earth layers cut to the map's extent and simplified.

Land and country borders (1:50m countries), first-level borders of the countries the data
touches, rivers and lakes (1:50m), and the main railways, faint. Each layer is clipped to
the map's bounds (with a margin) and simplified to about a thousandth of the extent, so a
map of half of Eurasia stays a few megabytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

import shapely

from movemap.geodata import geo_path

__all__ = ["basemap"]

Bounds = tuple[float, float, float, float]  # west, south, east, north
_DIGITS = 3


@cache
def _layer(name: str) -> tuple[tuple[Any, ...], tuple[dict[str, Any], ...]]:
    with geo_path(f"{name}.geojson").open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    geoms = tuple(shapely.geometry.shape(feat["geometry"]) for feat in features)
    return geoms, tuple(feat["properties"] for feat in features)


def _cut(geoms: Iterable[Any], bounds: Bounds, tolerance: float) -> list[Any]:
    out = []
    box = shapely.box(*bounds)
    for geom in geoms:
        if geom is None or not geom.intersects(box):
            continue
        part = shapely.simplify(shapely.clip_by_rect(geom, *bounds), tolerance,
                                preserve_topology=True)
        part = shapely.set_precision(part, 10**-_DIGITS)
        if not part.is_empty:
            out.append(part)
    return out


def _merged(lines: list[Any]) -> list[Any]:
    """Lines joined where they meet, so a railway is a few long lines, not many pieces."""
    if not lines:
        return []
    merged = shapely.line_merge(shapely.union_all(lines))
    return list(getattr(merged, "geoms", [merged]))


def _collection(geoms: Iterable[Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": json.loads(shapely.to_geojson(g))}
        for g in geoms]}


def basemap(bounds: Bounds, countries: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """The basemap layers for ``bounds``, with admin-1 borders of ``countries`` (ISO alpha-2).

    Returns GeoJSON FeatureCollections by layer name: ``land``, ``admin1``, ``lakes``,
    ``rivers``, ``railways``.
    """
    west, south, east, north = bounds
    span = max(east - west, north - south)
    margin = max(5.0, span * 0.6)  # the window is wider than the data: leave no bare edge
    box = (max(-180.0, west - margin), max(-85.0, south - margin),
           min(180.0, east + margin), min(85.0, north + margin))
    tolerance = max(0.005, span / 1500)

    land, _ = _layer("countries")
    wanted = set(countries)
    admin_geoms, admin_props = _layer("admin1")
    admin = [g.boundary for g, p in zip(admin_geoms, admin_props, strict=True)
             if p.get("iso_a2") in wanted]
    admin_lines = [shapely.union_all(admin)] if admin else []
    rivers, river_props = _layer("rivers")
    lakes, _ = _layer("lakes")
    rail, rail_props = _layer("railroads")
    main_rail = [g for g, p in zip(rail, rail_props, strict=True)
                 if (p.get("scalerank_max") or 7) <= 6]
    big_rivers = [g for g, p in zip(rivers, river_props, strict=True)
                  if (p.get("scalerank") or 10) <= 6]
    return {
        "land": _collection(_cut(land, box, tolerance)),
        "admin1": _collection(_cut(admin_lines, box, tolerance)),
        "lakes": _collection(_cut(lakes, box, tolerance)),
        "rivers": _collection(_cut(big_rivers, box, tolerance)),
        "railways": _collection(_merged(_cut(main_rail, box, tolerance))),
    }
