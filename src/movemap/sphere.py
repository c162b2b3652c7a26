"""Distances on the mean Earth sphere, for ranking and network snapping.

Route lengths use the ellipsoid (:mod:`movemap.routing.geodesic`); these are for
comparisons, where a sphere is exact enough and far cheaper.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["EARTH_RADIUS_KM", "chord_to_km", "destination", "haversine_km", "unit_rows",
           "unit_vectors"]

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km.

    >>> round(haversine_km(0, 0, 0, 1), 1)
    111.2
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along the great circle leaving it at ``bearing``
    (degrees clockwise from north), as (lat, lon), its longitude within [-180, 180).

    >>> [round(v, 3) for v in destination(0, 0, haversine_km(0, 0, 0, 1), 90)]
    [0.0, 1.0]
    """
    theta = math.radians(bearing)
    angle = km / EARTH_RADIUS_KM
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(angle)
                   + math.cos(p1) * math.sin(angle) * math.cos(theta))
    l2 = l1 + math.atan2(math.sin(theta) * math.sin(angle) * math.cos(p1),
                         math.cos(angle) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def unit_vectors(lon: Any, lat: Any) -> npt.NDArray[np.float64]:
    """Points (degrees) as unit vectors, one row each: nearest by dot product, no wrap-around."""
    lon, lat = np.radians(np.asarray(lon, dtype=float)), np.radians(np.asarray(lat, dtype=float))
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


_ROWS: dict[tuple[float, float], tuple[float, float, float]] = {}
_ROWS_KEPT = 200_000


def unit_rows(points: Iterable[tuple[float, float]]) -> npt.NDArray[np.float64]:
    """``unit_vectors`` of the points ``(lon, lat)``, one row each, with each point's row
    remembered (a bounded number of them).

    Ranking asks for the vectors of the same places again and again, a handful at a time,
    where numpy's cost per call outweighs the arithmetic. ``unit_vectors`` works element by
    element, so a remembered row is the row it would give in any batch.
    """
    rows = []
    for point in points:
        row = _ROWS.get(point)
        if row is None:
            if len(_ROWS) >= _ROWS_KEPT:
                _ROWS.clear()
            vector = unit_vectors([point[0]], [point[1]])[0]
            row = _ROWS[point] = (float(vector[0]), float(vector[1]), float(vector[2]))
        rows.append(row)
    return np.array(rows, dtype=float).reshape(-1, 3)


def chord_to_km(chord: npt.NDArray[np.float64] | float) -> Any:
    """The great-circle distance for a straight-line distance between unit vectors."""
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(np.asarray(chord) / 2, 1.0))
