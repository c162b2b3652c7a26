"""The land's point test cell by cell (``routing.land._contains``) answers as the whole land
does, and a path's samples placed in one call (``geodesic.densified``) are ``densify``'s.

Real coastlines: points along and across coasts, straits and river fairways, on the cells'
edges, and off the world; both kinds of land (with and without the river fairways)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from movemap.routing import land as land_module
from movemap.routing.geodesic import densified, densify
from movemap.routing.land import CELL_DEGREES, land

# Coasts where land and water alternate within a few km: the Bosporus, the Danish straits,
# the Shatt al-Arab (a river fairway), Hong Kong, the Strait of Magellan, Kamchatka by the
# antimeridian, and the Kerch Strait.
COASTS = [(29.0, 41.1), (12.6, 55.7), (48.3, 30.2), (114.2, 22.3), (-70.9, -53.3),
          (179.0, 65.0), (36.5, 45.3)]


def _points() -> np.ndarray:
    rng = np.random.default_rng(7)
    near = np.concatenate([np.asarray(c) + rng.uniform(-0.6, 0.6, (3000, 2)) for c in COASTS])
    # on the edges and corners of cells, where a cell's cut has its own new edges
    edges = np.array([[CELL_DEGREES * i, y] for i in range(-2, 3)
                      for y in np.linspace(40, 60, 41)]
                     + [[x, CELL_DEGREES * j] for j in range(8, 13)
                        for x in np.linspace(0, 30, 61)])
    odd = np.array([[np.nan, 1.0], [1.0, np.inf], [180.0, 65.0], [-180.0, -80.0],
                    [181.5, 10.0], [0.0, 90.0], [0.0, -90.0], [1e9, 0.0]])
    return np.concatenate([near, edges, odd])


@pytest.mark.parametrize("rivers", [True, False])
def test_cell_by_cell_answers_as_the_whole_land(rivers: bool,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    xy = _points()
    whole = shapely.contains_xy(land(rivers), xy[:, 0], xy[:, 1])
    assert 0.2 < whole.mean() < 0.8  # the points are by coasts, both sides
    monkeypatch.setattr(land_module, "_asked", {})
    first = land_module._contains(rivers, xy)  # cells asked for the first time: whole land
    monkeypatch.setattr(land_module, "CELL_AFTER", 0)
    cut = land_module._contains(rivers, xy)  # every cell cut
    np.testing.assert_array_equal(first, whole)
    np.testing.assert_array_equal(cut, whole)
    # a few points at once take the whole land, and answer the same
    np.testing.assert_array_equal(land_module._contains(rivers, xy[:5]), whole[:5])


@pytest.mark.parametrize("step_km", [0.25, 1.0, 3.0])
def test_samples_in_one_call_are_densify_s(step_km: float) -> None:
    paths = [
        [(29.0, 41.0), (29.1, 41.2), (28.0, 40.8)],  # the Bosporus, short steps
        [(10.0, 54.0), (12.6, 55.7), (20.0, 57.0), (20.0, 57.0)],  # a repeated point
        [(170.0, 60.0), (179.9, 62.0), (-179.9, 62.5)],  # across the antimeridian
        [(5.0, 5.0)],
    ]
    for path in paths:
        expected = np.asarray(densify(path, step_km)).reshape(-1, 2)
        got = densified(path, step_km)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)
