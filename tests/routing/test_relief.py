"""Winding of roads in rugged country (``routing.relief``, ``geo/relief.npy``): a road's
generalised line counts longer where the ground is rugged, a railway's does not."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from movemap.errors import DataMissingError
from movemap.model import Mode
from movemap.routing import GENERALISED, Networks, relief
from movemap.routing.geodesic import geodesic_km
from movemap.routing.network import Network

Point = tuple[float, float]
# invented lines, 40 km east-west: one in the Tyrolean Alps, one on the Great Hungarian Plain
RUGGED = [(11.05, 47.0), (11.3, 47.0), (11.55, 47.0)]
FLAT = [(20.05, 47.2), (20.3, 47.2), (20.55, 47.2)]


def _km(line: list[Point]) -> float:
    return sum(geodesic_km(a[0], a[1], b[0], b[1]) for a, b in pairwise(line))


@pytest.mark.parametrize(("line", "low", "high"), [(RUGGED, 1.05, 1.3), (FLAT, 1.0, 1.0)])
def test_a_road_winds_with_the_relief_it_crosses(line: list[Point], low: float,
                                                 high: float) -> None:
    """The same drawn length counts ``GENERALISED`` times on a plain, and up to a third
    more where the ground rises and falls a kilometre within a few cells."""
    network = Network.from_lines([line], snap_km=5.0)
    plain = network.ground_km(line)
    winding = network.ground_km(line, winds=True)
    assert plain == pytest.approx(_km(line) * GENERALISED, rel=1e-6)
    assert low - 1e-9 <= winding / plain <= high + 1e-9


@pytest.mark.parametrize(("line_class", "winds"), [
    ("freeway", False), ("primary", True), ("secondary", True), ("road", True)])
def test_a_freeway_is_built_through_the_relief_other_roads_wind_round_it(
        line_class: str, winds: bool) -> None:
    """A freeway's line counts ``GENERALISED`` times even in the Alps; a major highway, a
    secondary road or a lesser one winds (the Himalaya's national highways are major
    highways in Natural Earth). A path the network drew and its plain points, and the
    network with more lines, count the same."""
    network = Network.from_lines([RUGGED], snap_km=5.0, classes=[line_class])
    path = network.path(RUGGED[0], RUGGED[-1])
    assert not isinstance(path, str)
    plain = _km(RUGGED) * GENERALISED
    drawn = network.ground_km(path, winds=True)
    assert (drawn > plain * 1.05) is winds
    assert network.ground_km(list(path), winds=True) == pytest.approx(drawn, rel=1e-12)
    wider = network.with_lines([FLAT])
    assert wider.ground_km(list(path), winds=True) == pytest.approx(drawn, rel=1e-12)
    if not winds:
        assert drawn == pytest.approx(plain, rel=1e-6)


def test_the_winding_slope_of_each_class() -> None:
    assert relief.class_slope("freeway") == relief.ENGINEERED_PER_KM == 0.0
    assert relief.class_slope("primary") == relief.class_slope(None) == relief.WINDING_PER_KM
    # the same Alpine valley: an ordinary road winds, a freeway does not
    road, freeway = (float(relief.winding([11.3], [47.0], relief.class_slope(c))[0])
                     for c in ("road", "freeway"))
    assert road > 1.05 and freeway == 1.0


def test_a_documented_addition_takes_no_winding() -> None:
    """An edge with its documented length (stretch) already counts its ground length."""
    network = Network.from_lines([RUGGED], snap_km=5.0, stretch=[1.4])
    path = network.path(RUGGED[0], RUGGED[-1])
    assert not isinstance(path, str)
    assert network.ground_km(path, winds=True) == pytest.approx(_km(RUGGED) * 1.4, rel=1e-6)


def test_roads_wind_more_than_railways() -> None:
    """``Networks.ground_km`` winds every path: a railway's by the railways' slope, a road's
    (and foot's) by the roads'."""
    networks = Networks()
    plain = _km(RUGGED) * GENERALISED
    rail = networks.ground_km(Mode.RAIL, RUGGED)
    assert rail > plain * 1.02
    assert networks.ground_km(Mode.ROAD, RUGGED) > rail * 1.02
    assert networks.ground_km(Mode.FOOT, RUGGED) > rail * 1.02


@pytest.mark.parametrize(("line_class", "winds"), [("main", False), ("rail-6", True),
                                                   ("branch", True)])
def test_a_main_railway_is_built_through_the_relief_other_railways_loop_round_it(
        line_class: str, winds: bool) -> None:
    network = Network.from_lines([RUGGED], name="rail", snap_km=5.0, classes=[line_class])
    path = network.path(RUGGED[0], RUGGED[-1])
    assert path is not None
    drawn = network.ground_km(path, winds=True)
    plain = _km(RUGGED) * GENERALISED
    road = Network.from_lines([RUGGED], name="road", snap_km=5.0, classes=["road"])
    if winds:
        assert plain * 1.02 < drawn < road.ground_km(path, winds=True)
    else:
        assert drawn == pytest.approx(plain, rel=1e-6)


def test_relief_is_zero_at_sea_and_wraps_the_antimeridian() -> None:
    got = relief.relief_m([-30.0, 180.0, -180.0], [40.0, -17.0, -17.0])
    assert got[0] == 0.0
    assert got[1] == got[2]
    assert np.all(relief.winding([-30.0], [40.0]) == 1.0)


@pytest.fixture
def broken_grid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / relief.RELIEF_FILE
    monkeypatch.setattr("movemap.geodata.geo_path", lambda name: path)
    relief._grid.cache_clear()
    yield path
    relief._grid.cache_clear()


@pytest.mark.parametrize("content", [b"not an array", b""])
def test_an_unreadable_grid_is_a_data_error_naming_the_file(broken_grid: Path,
                                                            content: bytes) -> None:
    broken_grid.write_bytes(content)
    with pytest.raises(DataMissingError) as caught:
        relief.relief_m([11.0], [47.0])
    assert caught.value.path == str(broken_grid)


def test_a_grid_of_the_wrong_shape_is_a_data_error(broken_grid: Path) -> None:
    np.save(broken_grid, np.zeros((10, 20), dtype=np.uint8))
    with pytest.raises(DataMissingError, match="array of"):
        relief.relief_m([11.0], [47.0])


def test_a_grid_changed_in_one_cell_is_another_version_of_the_networks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The grid keeps its size when a value changes, and the routes kept for the old one
    must not be taken for the new: every byte of it counts in ``Networks.version``."""
    from movemap import geodata

    real = geodata.geo_path
    grid = np.load(real(relief.RELIEF_FILE))
    copy = tmp_path / relief.RELIEF_FILE
    monkeypatch.setattr(geodata, "geo_path",
                        lambda name: copy if name == relief.RELIEF_FILE else real(name))
    np.save(copy, grid)
    same = Networks().version
    grid[grid.shape[0] // 3, grid.shape[1] // 3] ^= 1  # one cell, far from the file's ends
    np.save(copy, grid)
    assert Networks().version != same
    np.save(copy, np.load(real(relief.RELIEF_FILE)))
    assert Networks().version == same
