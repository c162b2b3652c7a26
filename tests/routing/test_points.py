"""A route's points: one read-only array, read as the (lon, lat) tuples it holds."""

from __future__ import annotations

import numpy as np
import pytest

from movemap.model import Mode
from movemap.routing import Points, Route

LINE = [(131.9, 43.1), (132.5, 42.5), (132.9, 42.8)]


def test_points_read_as_tuples_and_hold_one_array() -> None:
    points = Points(LINE)
    assert list(points) == LINE and points[1] == (132.5, 42.5) and points[-1] == LINE[-1]
    assert points[1:].to_list() == LINE[1:]
    assert np.asarray(points) is points.array and points.array.shape == (3, 2)
    with pytest.raises(ValueError):
        points.array[0, 0] = 0.0  # read-only: a kept route cannot be changed in place


def test_equal_points_hash_alike_whatever_their_form() -> None:
    points = Points(LINE)
    assert points == tuple(LINE) == Points(np.array(LINE))
    assert hash(points) == hash(tuple(LINE)) == hash(Points(np.array(LINE)))
    assert points != LINE[:2] and points != [(131.9, 43.1), (132.5, 42.5), (0.0, 0.0)]
    assert len({points, Points(list(LINE)), tuple(LINE)}) == 1


def test_route_keeps_any_sequence_as_points() -> None:
    route = Route(LINE, 130.0, Mode.SEA)
    assert isinstance(route.points, Points)
    assert route == Route(tuple(LINE), 130.0, Mode.SEA)
    assert hash(route) == hash(Route(np.array(LINE), 130.0, Mode.SEA))
    assert route.geometry.coords[:] == LINE


def test_short_steps_are_measured_as_the_geodesic_measures_them() -> None:
    """``steps_km`` measures short steps on the ellipsoid's local radii and long ones on the
    geodesic: every step within a millimetre a km of pyproj's geodesic, at every latitude,
    across the antimeridian, and for steps long enough to leave the short measure."""
    import numpy as np

    from movemap.routing.geodesic import GEOD, SHORT_STEP_DEG, steps_km

    rng = np.random.default_rng(7)
    for lat in (-85.0, -45.0, 0.0, 30.0, 70.0, 85.0):
        lon = 179.5 + np.cumsum(rng.uniform(-0.04, 0.06, 400))  # crosses 180 degrees
        lon = (lon + 180) % 360 - 180
        lat_path = lat + np.cumsum(rng.uniform(-0.02, 0.02, 400))
        xy = np.column_stack([lon, lat_path])
        xy[200] = xy[199] + (3 * SHORT_STEP_DEG, 2 * SHORT_STEP_DEG)  # a long step or two
        found = steps_km(xy)
        exact = np.asarray(GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])[2]) / 1000
        assert found.shape == exact.shape
        assert np.all(np.abs(found - exact) <= 1e-6 * np.maximum(exact, 1.0))
    assert steps_km([(10.0, 50.0)]).shape == (0,)
