"""Distances on the mean Earth sphere, for ranking and network snapping.

Route lengths use the ellipsoid (:mod:`movemap.routing.geodesic`); these are for
comparisons, where a sphere is exact enough and far cheaper.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["EARTH_RADIUS_KM", "chord_to_km", "haversine_km", "unit_vectors"]

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


def unit_vectors(lon: Any, lat: Any) -> npt.NDArray[np.float64]:
    """Points (degrees) as unit vectors, one row each: nearest by dot product, no wrap-around."""
    lon, lat = np.radians(np.asarray(lon, dtype=float)), np.radians(np.asarray(lat, dtype=float))
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def chord_to_km(chord: npt.NDArray[np.float64] | float) -> Any:
    """The great-circle distance for a straight-line distance between unit vectors."""
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(np.asarray(chord) / 2, 1.0))
