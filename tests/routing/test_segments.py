"""A network's measures kept by segment (``routing.segments``) are the very numbers a path of
plain points gives: ground km and countries crossed of real rail and road routes, with the
measures taken when the network was cached, taken by earlier routes, or not taken at all."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from movemap.routing import Networks
from movemap.routing.countries import codes, crossed_each, steps_countries
from movemap.routing.network import Network, _dedupe
from movemap.routing.points import Points
from movemap.routing.segments import (
    CROSSING,
    GROUND,
    GROUND_WINDING,
    NOT_ON_NETWORK,
    SegmentMemo,
    SegmentPoints,
    every_slot,
    slots_of,
)

Point = tuple[float, float]
# ends of real legs: within one country, across borders, along coasts and over mountains
LEGS: list[tuple[Point, Point]] = [
    ((37.6176, 55.7558), (30.3141, 59.9386)),   # Moscow - St Petersburg
    ((131.8735, 43.1056), (127.4997, 50.2906)),  # Vladivostok - Blagoveshchensk
    ((2.3522, 48.8566), (13.4050, 52.5200)),     # Paris - Berlin, through Belgium or Germany
    ((11.5820, 48.1351), (12.4964, 41.9028)),    # Munich - Rome, over the Alps
    ((28.1903, 59.3772), (24.7536, 59.4370)),    # Narva - Tallinn, from a border town
    ((125.7625, 39.0392), (129.7758, 41.7956)),  # Pyongyang - Chongjin
]


@pytest.fixture(scope="module")
def networks(tmp_path_factory: pytest.TempPathFactory, network_cache: Path) -> Networks:
    from movemap.cache import link_entries

    folder = tmp_path_factory.mktemp("segments")
    link_entries(network_cache, folder, ("rail", "road"))
    return Networks(cache_dir=folder)


def _paths(network: Network) -> list[SegmentPoints]:
    out = []
    for a, b in LEGS:
        found = network.path(a, b)
        assert isinstance(found, SegmentPoints), found
        out.append(found)
    return out


def _plain(path: Points) -> Points:
    return Points(path.array.copy())


@pytest.mark.parametrize("kind", ["rail", "road"])
def test_steps_on_the_network_are_its_segments(networks: Networks, kind: str) -> None:
    network: Network = getattr(networks, kind)
    coords = network._a.coords
    for path in _paths(network):
        slots = path.slots
        assert len(slots) == len(path) - 1
        on = np.flatnonzero(slots >= 0)
        assert len(on) > 0.9 * len(slots)  # only the joins to the ends are off the lines
        segment, backwards = slots[on] // 2, slots[on] % 2 == 1
        start = np.where(backwards, segment + 1, segment)
        end = np.where(backwards, segment, segment + 1)
        # bit for bit the segment's own points, the way the path takes it
        np.testing.assert_array_equal(path.array[on], coords[start])
        np.testing.assert_array_equal(path.array[on + 1], coords[end])


@pytest.mark.parametrize(("kind", "winds"), [("rail", False), ("road", True)])
def test_kept_measures_are_a_plain_path_s(networks: Networks, kind: str, winds: bool) -> None:
    network: Network = getattr(networks, kind)
    # the same arrays, nothing measured: each step measured as the routes go
    lazy = Network(network._a, network.name, network.snap_km)
    for path in _paths(network):
        plain = _plain(path)
        expected = network.ground_km(plain, winds=winds)
        assert network.ground_km(path, winds=winds) == expected  # measured when cached
        again = lazy.path(path[0], path[-1])
        assert isinstance(again, SegmentPoints) and again == path
        assert lazy.ground_km(again, winds=winds) == expected  # measured now, then kept
        assert lazy.ground_km(again, winds=winds) == expected
        # step by step too, not only the sums: the tables taken when the network was cached
        xy, on = path.array, path.slots >= 0
        slots = path.slots[on]
        known, (ground,) = network._memo._tables[GROUND_WINDING if winds else GROUND]
        assert known[slots].all()
        np.testing.assert_array_equal(
            ground[slots], network._steps_ground_km(xy[:-1], xy[1:], winds)[on])
        known, (km, country) = network._memo._tables[CROSSING]
        assert known[slots].all()
        plain_km, plain_country = steps_countries(xy[:-1], xy[1:])
        np.testing.assert_array_equal(km[slots], plain_km[on])
        np.testing.assert_array_equal(country[slots], plain_country[on])
        # the countries crossed, with the path's joins measured apart as routes do
        lines = [path[1:-1], [path[0], path[1]], [path[-2], path[-1]]]
        assert crossed_each(lines) == crossed_each([plain[1:-1], *lines[1:]])
        assert crossed_each([again[1:-1]]) == crossed_each([plain[1:-1]])


def test_countries_of_routes_across_borders(networks: Networks) -> None:
    rail = _paths(networks.rail)
    crossed = crossed_each(rail)
    assert {"RU"} <= crossed[0] and not crossed[0] - {"RU"}
    assert {"FR", "DE"} <= crossed[2]
    assert {"DE", "IT"} <= crossed[3] and "AT" in crossed[3]  # the Brenner line


def _reference_crossed(xy: np.ndarray, noise_km: float) -> set[str]:
    """The countries a line crosses, every step looked up (no line left out as short)."""
    km, index = steps_countries(xy[:-1], xy[1:])
    inside = index >= 0
    total = np.bincount(index[inside], weights=km[inside], minlength=len(codes()))
    return {codes()[i] for i in np.flatnonzero(total >= noise_km).tolist()}


@pytest.mark.parametrize("noise_km", [0.0, 2.0, 5.0])
def test_short_lines_across_borders(noise_km: float) -> None:
    # straight joins of 0.3 to 14 km, 1 km steps, across real borders: Narva (EE-RU), Slubice
    # (PL-DE), El Paso (US-MX), Gorizia (IT-SI), the Tumen (KP-RU), and at sea off Dover
    rng = np.random.default_rng(3)
    centres = [(28.19, 59.38), (14.55, 52.35), (-106.45, 31.76), (13.62, 45.94),
               (130.64, 42.42), (1.4, 51.0)]
    lines: list[Any] = []
    for x, y in centres:
        for _ in range(40):
            km = rng.uniform(0.3, 14.0)
            angle = rng.uniform(0, 2 * np.pi)
            dx, dy = km / 111.0 * np.cos(angle) / np.cos(np.radians(y)), km / 111.0 * np.sin(angle)
            n = max(1, int(km))
            lines.append(np.column_stack([x + dx * np.arange(n + 1) / n - dx / 2,
                                          y + dy * np.arange(n + 1) / n - dy / 2]))
    found = crossed_each(lines, noise_km)
    assert found == [_reference_crossed(xy, noise_km) for xy in lines]
    assert any(len(f) >= 2 for f in found)  # some cross a border for long enough
    assert crossed_each([], noise_km) == []
    assert crossed_each([[(28.19, 59.38)]], noise_km) == [set()]


def test_memo_measures_each_slot_once() -> None:
    memo = SegmentMemo(10)
    asked: list[list[int]] = []

    def compute(slots: np.ndarray) -> Callable[[np.ndarray], tuple[np.ndarray, ...]]:
        def measure(at: np.ndarray) -> tuple[np.ndarray, ...]:
            asked.append(at.tolist())
            return (slots[at] * 10.0, slots[at] + 1)
        return measure

    first = np.array([NOT_ON_NETWORK, 4, 5, 18], dtype=np.int64)
    km, n = memo.measure("m", first, compute(first))
    assert km.tolist() == [-10.0, 40.0, 50.0, 180.0] and n.tolist() == [0, 5, 6, 19]
    second = np.array([5, 6, NOT_ON_NETWORK, 18, 4], dtype=np.int64)
    km, n = memo.measure("m", second, compute(second))
    assert asked == [[0, 1, 2, 3], [1, 2]]  # the slots kept are not measured again
    assert km.tolist() == [50.0, 60.0, -10.0, 180.0, 40.0]
    assert n.dtype == np.int64 and n.tolist() == [6, 7, 0, 19, 5]
    kept = np.array([4, 5, 6, 18], dtype=np.int64)
    assert memo.measure("m", kept, compute(kept))[0].tolist() == [40.0, 50.0, 60.0, 180.0]
    assert len(asked) == 2
    # another measure has tables of its own
    assert memo.measure("other", kept, lambda at: (np.zeros(len(at)),))[0].tolist() == [0.0] * 4
    assert memo.missing("m", np.zeros(0, dtype=np.int64)).tolist() == []


def test_slots_of_steps() -> None:
    edge_of = np.array([0, 0, 0, 1, 1, 2, 2, 2])
    starts = np.array([0, 2, 2, 3, 4, 5, -1, 1, 6])
    ends = np.array([1, 1, 3, 4, 3, 7, 5, -1, 5])
    assert slots_of(starts, ends, edge_of).tolist() == [0, 3, -1, 6, 7, -1, -1, -1, 11]
    slots, start, end = every_slot(edge_of)
    assert sorted(slots.tolist()) == [0, 1, 2, 3, 6, 7, 10, 11, 12, 13]
    assert (slots_of(start, end, edge_of) == slots).all()


def test_path_points_slice_and_pickle(networks: Networks) -> None:
    path = networks.rail.path(*LEGS[0])
    assert isinstance(path, SegmentPoints)
    inner = path[1:-1]
    assert isinstance(inner, SegmentPoints) and len(inner.slots) == len(inner) - 1
    assert inner.slots.tolist() == path.slots[1:-1].tolist()
    assert path[3:3].slots.tolist() == [] and len(path[5:2]) == 0
    assert not isinstance(path[::2], SegmentPoints) and path[::2] == path.to_list()[::2]
    back = pickle.loads(pickle.dumps(path))
    assert type(back) is Points and back == path and hash(back) == hash(path)
    with pytest.raises(ValueError, match="one slot a step"):
        SegmentPoints([(0.0, 0.0), (1.0, 1.0)], np.zeros(2, dtype=np.int64), SegmentMemo(1))


def test_a_near_repeat_is_measured_from_its_own_points() -> None:
    coords = np.array([[10.0, 50.0], [10.1, 50.0], [10.2, 50.1],     # edge 0
                       [10.2, 50.1], [10.3, 50.2]])                   # edge 1
    edge_of = np.array([0, 0, 0, 1, 1])
    memo = SegmentMemo(len(coords) - 1)
    # the path runs edge 0 then edge 1; where they meet the points are one vertex
    xy = np.concatenate([[[9.9, 49.9]], coords, [[10.4, 50.2]]])
    source = np.array([-1, 0, 1, 2, 3, 4, -1])
    path = _dedupe(xy, (source, coords, edge_of, memo))
    assert isinstance(path, SegmentPoints)
    assert path.slots.tolist() == [-1, 0, 2, 6, -1]  # the step from the shared vertex: edge 1's
    # the second edge's first vertex a hair off the first's: not that segment's points
    shifted = xy.copy()
    shifted[4, 0] += 5e-8
    path = _dedupe(shifted, (source, coords + np.where(np.arange(5) == 3, 5e-8, 0)[:, None]
                             * np.array([1, 0]), edge_of, memo))
    assert isinstance(path, SegmentPoints)
    assert path.slots.tolist() == [-1, 0, 2, NOT_ON_NETWORK, -1]
