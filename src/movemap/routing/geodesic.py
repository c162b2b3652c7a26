"""Great-circle paths on the WGS84 ellipsoid (pyproj ``Geod``), densified for drawing.

``GEOD`` (the WGS84 ``pyproj.Geod``) is made when first asked for: importing pyproj costs
more than loading a rail network from the cache, which needs no geodesy.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from pyproj import Geod

__all__ = ["GEOD", "densified", "densify", "geodesic_km", "geodesic_path", "geodesic_steps_km",
           "pair_km", "steps_km"]


@cache
def _geod() -> Geod:
    from pyproj import Geod

    return Geod(ellps="WGS84")


class _LazyGeod:
    """Stands for pyproj's WGS84 ``Geod``, made at its first use."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_geod(), name)


GEOD = cast("Geod", _LazyGeod())
STEP_KM = 50.0
MAX_POINTS = 40  # a smooth curve on any map; a 9,000 km great circle gets 220 km steps


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance on WGS84, in km."""
    return float(_geod().inv(lon1, lat1, lon2, lat2)[2]) / 1000


def geodesic_path(
    lon1: float, lat1: float, lon2: float, lat2: float, step_km: float = STEP_KM
) -> list[tuple[float, float]]:
    """(lon, lat) points along the geodesic every ``step_km`` (MAX_POINTS at most), ends too."""
    n = min(int(geodesic_km(lon1, lat1, lon2, lat2) // step_km), MAX_POINTS)
    inner = _geod().npts(lon1, lat1, lon2, lat2, n) if n > 0 else []
    return [(lon1, lat1), *inner, (lon2, lat2)]


def geodesic_steps_km(xy: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """The geodesic km of each step of a path of (lon, lat) points, in one call."""
    points = np.asarray(xy, dtype=float).reshape(-1, 2)
    if len(points) < 2:
        return np.zeros(0)
    out: npt.NDArray[np.float64] = np.asarray(_geod().inv(
        points[:-1, 0], points[:-1, 1], points[1:, 0], points[1:, 1])[2]) / 1000
    return out


def densify(points: Sequence[tuple[float, float]], step_km: float) -> list[tuple[float, float]]:
    """The path's points with a point every ``step_km`` between each and the next, along the
    geodesic (the steps' lengths in one call, the points between only where a step is long)."""
    out = [(float(points[0][0]), float(points[0][1]))]
    counts = (geodesic_steps_km(points) // step_km).astype(int).tolist()
    for (p, q), n in zip(itertools.pairwise(points), counts, strict=True):
        if n:
            out.extend((float(x), float(y)) for x, y in _geod().npts(p[0], p[1], q[0], q[1], n))
        out.append((float(q[0]), float(q[1])))
    return out


def densified(points: Sequence[tuple[float, float]] | npt.ArrayLike, step_km: float
              ) -> npt.NDArray[np.float64]:
    """:func:`densify` as an array of (lon, lat) rows, in two calls for the whole path:
    the same number of points, each within a nanometre or so of :func:`densify`'s (placed
    by distance along each step's geodesic rather than by ``npts``). For sampling a path
    (what lies under it), not for drawing it."""
    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(xy) < 2:
        return xy.copy()
    azimuth, _, metres = _geod().inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])
    azimuth, metres = np.atleast_1d(azimuth), np.atleast_1d(metres)
    n = (metres / 1000 // step_km).astype(np.int64)
    each = n + 1  # a step's start and the points between it and the next
    step = np.repeat(np.arange(len(n)), each)
    k = np.arange(int(each.sum())) - np.repeat(np.cumsum(each) - each, each)
    out = np.concatenate([xy[step], xy[-1:]])
    between = np.flatnonzero(k > 0)
    if len(between):
        s = step[between]
        lon, lat, _ = _geod().fwd(xy[s, 0], xy[s, 1], azimuth[s],
                                  metres[s] * k[between] / (n[s] + 1))
        out[between, 0], out[between, 1] = lon, lat
    return out


# WGS84, for the length of short steps (``steps_km``)
_A_M, _E2 = 6_378_137.0, 0.0066943799901413165
SHORT_STEP_DEG = 0.1  # a step this short or shorter in latitude and in longitude (times the
# cosine of its latitude), about 11 km, is measured on the ellipsoid's local radii


def steps_km(xy: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """The geodesic km of each step of a path of (lon, lat) points, on WGS84.

    A path along a network has hundreds of steps of a few hundred metres: each such short
    step is measured on the ellipsoid's radii of curvature at its middle (north-south and
    east-west), which is within a millimetre per km of the geodesic (the error grows with
    the square of the step: 3 cm on an 11 km step), in one numpy pass and some twenty times
    quicker than the geodesic; longer steps (a straight join, a great circle's) take
    pyproj's geodesic.
    """
    points = np.asarray(xy, dtype=float).reshape(-1, 2)
    if len(points) < 2:
        return np.zeros(0)
    return pair_km(points[:-1], points[1:])


def pair_km(p: npt.NDArray[np.float64], q: npt.NDArray[np.float64]) -> npt.NDArray[
        np.float64]:
    """:func:`steps_km` of the steps from each point of ``p`` to the same row of ``q``
    ((n, 2) arrays of lon, lat): each value that of the same step in a path."""
    lon0, lat0 = np.radians(p[:, 0]), np.radians(p[:, 1])
    lon1, lat1 = np.radians(q[:, 0]), np.radians(q[:, 1])
    d_lon = lon1 - lon0
    d_lon = (d_lon + np.pi) % (2 * np.pi) - np.pi
    d_lat = lat1 - lat0
    mid = (lat0 + lat1) / 2
    w = 1.0 - _E2 * np.sin(mid) ** 2
    north = _A_M * (1.0 - _E2) / w ** 1.5 * d_lat        # meridian radius times the angle
    east = _A_M / np.sqrt(w) * np.cos(mid) * d_lon       # prime vertical radius, the parallel's
    out: npt.NDArray[np.float64] = np.hypot(north, east) / 1000
    long = (np.abs(d_lat) > np.radians(SHORT_STEP_DEG)) | (
        np.abs(d_lon) * np.cos(mid) > np.radians(SHORT_STEP_DEG))
    if long.any():
        i = np.flatnonzero(long)
        out[i] = np.asarray(_geod().inv(p[i, 0], p[i, 1], q[i, 0], q[i, 1])[2]) / 1000
    return out
