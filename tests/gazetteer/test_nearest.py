"""The places of a kind nearest a point: only those in the band of latitudes the radius
reaches are measured, and the answer is that of measuring every place of the kind."""

from __future__ import annotations

import numpy as np
import pytest

from movemap import Gazetteer, Kind
from movemap.gazetteer.index import _KINDS
from movemap.sphere import EARTH_RADIUS_KM


def _every_place(index: object, kinds: frozenset[Kind], lat: float, lon: float,
                 radius_km: float, limit: int) -> list[tuple[int, float]]:
    """The same question answered by measuring every place of the kinds (the plain way)."""
    places = index._places  # type: ignore[attr-defined]
    numbers = np.flatnonzero(np.isin(places["kind"], [_KINDS.index(k) for k in kinds]))
    la, lo = np.radians(places["lat"][numbers]), np.radians(places["lon"][numbers])
    la0, lo0 = np.radians(lat), np.radians(lon)
    h = (np.sin((la - la0) / 2) ** 2
         + np.cos(la) * np.cos(la0) * np.sin((lo - lo0) / 2) ** 2)
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    inside = np.flatnonzero(km <= radius_km)
    best = inside[np.argsort(km[inside], kind="stable")[:limit]]
    return [(int(numbers[i]), float(km[i])) for i in best]


@pytest.mark.parametrize(("kinds", "lat", "lon", "radius_km", "limit"), [
    (frozenset({Kind.CITY}), 50.45, 30.52, 15.0, 3),  # a city with districts around it
    (frozenset({Kind.CITY}), 64.13, -21.9, 300.0, 50),  # far north, a wide radius
    (frozenset({Kind.CITY}), -54.8, -68.3, 40.0, 5),  # far south
    (frozenset({Kind.CITY}), 65.6, -168.1, 400.0, 20),  # by the date line
    (frozenset({Kind.PORT, Kind.NAVAL_BASE}), 36.1, -5.35, 5000.0, 50),  # half a continent
    (frozenset({Kind.CITY}), 89.9, 0.0, 100.0, 3),  # the pole: nothing, or only the band
])
def test_the_nearest_places_of_a_kind_are_those_of_measuring_every_one(
        gazetteer: Gazetteer, kinds: frozenset[Kind], lat: float, lon: float,
        radius_km: float, limit: int) -> None:
    index = gazetteer._index
    found = index.nearest_of_kinds(kinds, lat, lon, radius_km, limit)
    assert found == _every_place(index, kinds, lat, lon, radius_km, limit)
    if lat < 80:
        assert found  # a test that finds nothing proves nothing
