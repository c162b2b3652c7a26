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
