"""Great-circle paths on the WGS84 ellipsoid (pyproj ``Geod``), densified for drawing."""

from __future__ import annotations

from pyproj import Geod

__all__ = ["GEOD", "geodesic_km", "geodesic_path"]

GEOD = Geod(ellps="WGS84")
STEP_KM = 25.0


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance on WGS84, in km."""
    return float(GEOD.inv(lon1, lat1, lon2, lat2)[2]) / 1000


def geodesic_path(
    lon1: float, lat1: float, lon2: float, lat2: float, step_km: float = STEP_KM
) -> list[tuple[float, float]]:
    """(lon, lat) points along the geodesic, every ``step_km`` or closer, ends included."""
    n = int(geodesic_km(lon1, lat1, lon2, lat2) // step_km)
    inner = GEOD.npts(lon1, lat1, lon2, lat2, n) if n > 0 else []
    return [(lon1, lat1), *((float(x), float(y)) for x, y in inner), (lon2, lat2)]
