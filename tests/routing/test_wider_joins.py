"""Wider joins when an end's own lines lead nowhere (``Network._wider_joins``), away from
any river: an end whose nearest line is a stub that reaches nothing the other end does
joins its country's nodes a town's bridge away (``WET_JOIN_KM``), and no farther."""

from __future__ import annotations

import pytest

from movemap.routing.network import WET_JOIN_KM, Network

Point = tuple[float, float]
# invented lines on the dry Kazakh steppe, far from big rivers: a
# stub of ten nodes beside the end, and a main line to the east some km south of it
END, OTHER = (70.0, 48.5), (70.7, 48.40)
STUB = [(69.99 + 0.002 * i, 48.505) for i in range(11)]
KM_PER_DEGREE_LAT = 111.2


def _main_line(km_south: float) -> list[Point]:
    lat = END[1] - km_south / KM_PER_DEGREE_LAT
    return [(69.8, lat), (70.2, lat), (70.5, lat), (70.7, OTHER[1]), (70.9, OTHER[1])]


def test_an_end_on_a_stub_joins_the_main_line_a_few_km_away() -> None:
    network = Network.from_lines([STUB, _main_line(6.0)], snap_km=5.0)
    path = network.path(END, OTHER)
    assert not isinstance(path, str), path
    assert path[0] == END
    # the first point off the end is on the main line, not the stub
    assert path[1][1] == pytest.approx(END[1] - 6.0 / KM_PER_DEGREE_LAT, abs=1e-3)


def test_a_main_line_farther_than_a_towns_bridge_is_not_joined() -> None:
    network = Network.from_lines([STUB, _main_line(WET_JOIN_KM + 3.0)], snap_km=5.0)
    found = network.path(END, OTHER)
    assert isinstance(found, str)
    assert "does not connect" in found
