"""Great-circle paths on the WGS84 ellipsoid (pyproj ``Geod``), densified for drawing.

``GEOD`` (the WGS84 ``pyproj.Geod``) is made when first asked for: importing pyproj costs
more than loading a rail network from the cache, which needs no geodesy.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from pyproj import Geod

__all__ = ["GEOD", "geodesic_km", "geodesic_path"]


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
