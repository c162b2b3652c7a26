"""Countries found in bulk give the answers found point by point.

``countries_at`` answers most points from the cell of a grid they fall in (a cell wholly
inside one outline, or wholly at sea), ``crossed_each`` places the midpoints of several lines
in one call, and ``know_ends`` finds what the ends of many legs need at once. Each must give
exactly what the point-by-point outline tests give, on random points, on points lying on
the cells' edges and corners, and on the points of real routes.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from movemap.model import Mode
from movemap.routing import Networks, route
from movemap.routing import countries as cc
from movemap.routing.countries import (
    CELL_DEG,
    codes,
    countries_at,
    country_of_end,
    crossed,
    crossed_each,
    know_ends,
    land_country_of_end,
)
from movemap.sphere import EARTH_RADIUS_KM

Point = tuple[float, float]


def _one_by_one(points: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """countries_at without the grid: each point tested on the outlines."""
    return cc._outline_countries(np.asarray(points, dtype=float).reshape(-1, 2))


@pytest.fixture
def fresh_cells() -> None:
    cc.forget_cells()


def _route_points() -> list[npt.NDArray[np.float64]]:
    """The points of real rail and road routes across borders, coasts and rivers."""
    legs = [((37.62, 55.75), (30.52, 50.45), Mode.RAIL),     # Moscow - Kyiv
            ((13.40, 52.52), (21.01, 52.23), Mode.ROAD),     # Berlin - Warsaw
            ((-99.51, 27.51), (-98.49, 29.42), Mode.ROAD),   # Laredo - San Antonio
            ((2.35, 48.86), (-0.13, 51.51), Mode.RAIL),      # Paris - London
            ((131.89, 43.11), (125.75, 39.03), Mode.RAIL)]   # Vladivostok - Pyongyang
    networks = Networks()
    return [np.asarray(route([a, b], mode, networks, strict=False).points)
            for a, b, mode in legs]


@pytest.mark.usefixtures("fresh_cells")
def test_cells_give_the_outlines_answer_everywhere() -> None:
    rng = np.random.default_rng(15)
    world = np.column_stack([rng.uniform(-180, 180, 20_000), rng.uniform(-60, 80, 20_000)])
    # Europe and Asia densely, where borders and coasts are many
    dense = np.column_stack([rng.uniform(-10, 140, 30_000), rng.uniform(20, 65, 30_000)])
    corners = np.round(dense[:10_000] / CELL_DEG) * CELL_DEG
    edges = dense[10_000:20_000].copy()  # on a cell's west or south side
    edges[:5_000, 0] = corners[:5_000, 0]
    edges[5_000:, 1] = corners[5_000:, 1]
    # past 180 degrees (a midpoint across the antimeridian), and far past the grid's array
    beyond = np.array([[180.06, 65.0], [-180.06, 65.0], [191.9, -16.0], [250.0, 10.0],
                       [-400.0, 55.75], [37.62, 400.0]])
    points = np.concatenate([world, dense, corners, edges, beyond, *_route_points()])
    expected = _one_by_one(points)
    assert np.array_equal(countries_at(points), expected)  # cells found now
    assert np.array_equal(countries_at(points), expected)  # cells remembered
    assert (expected >= 0).any() and (expected < 0).any()
    # most cells have one answer for all their points: few are asked point by point
    answers = cc.known_cells()
    assert (answers != cc._MIXED).mean() > 0.8


@pytest.mark.usefixtures("fresh_cells")
def test_a_cell_has_an_answer_only_when_every_point_in_it_has_that_one() -> None:
    moscow, atlantic = (37.62, 55.75), (-30.0, 40.0)
    narva = (28.19, 59.38)  # on the border river of Estonia and Russia
    corner = np.floor(np.array([moscow, atlantic, narva]) / CELL_DEG) * CELL_DEG
    answers = cc._cell_countries(corner)
    assert codes()[answers[0]] == "RU"
    assert answers[1] == -1
    assert answers[2] == cc._MIXED


@pytest.mark.usefixtures("fresh_cells")
def test_points_off_the_grid_are_asked_one_by_one() -> None:
    points = np.array([[np.nan, 10.0], [37.62, np.inf], [1e7, 0.0], [37.62, 55.75]])
    out = countries_at(points)
    assert list(out[:3]) == [-1, -1, -1]
    assert codes()[out[3]] == "RU"


def _crossed_one_by_one(points: npt.ArrayLike, noise_km: float = 2.0) -> set[str]:
    """crossed as it was: its own line's midpoints, each tested on the outlines."""
    xy = np.asarray(points, dtype=float)
    if len(xy) < 2:
        return set()
    p, q = np.radians(xy[:-1]), np.radians(xy[1:])
    h = (np.sin((q[:, 1] - p[:, 1]) / 2) ** 2
         + np.cos(p[:, 1]) * np.cos(q[:, 1]) * np.sin((q[:, 0] - p[:, 0]) / 2) ** 2)
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
    dx = xy[1:, 0] - xy[:-1, 0]
    mid = np.column_stack([xy[:-1, 0] + (dx - 360 * np.round(dx / 360)) / 2,
                           (xy[:-1, 1] + xy[1:, 1]) / 2])
    index = _one_by_one(mid)
    inside = index >= 0
    total = np.bincount(index[inside], weights=km[inside], minlength=len(codes()))
    return {codes()[i] for i in np.flatnonzero(total >= noise_km).tolist()}


def test_lines_crossed_together_cross_what_each_crosses_alone() -> None:
    lines: list[npt.NDArray[np.float64]] = [*_route_points(), np.zeros((0, 2)),
                                            np.array([[30.0, 50.0]])]
    for xy in _route_points():  # the pieces route() measures apart: along, and each join
        lines += [xy[1:-1], xy[:2], xy[-2:]]
    together = crossed_each(lines)
    assert together == [_crossed_one_by_one(line) for line in lines]
    assert together == [crossed(line) for line in lines]
    assert {"RU", "UA"} <= together[0] and together[len(_route_points())] == set()


def test_ends_known_at_once_are_the_ends_found_one_at_a_time() -> None:
    rng = np.random.default_rng(8)
    border_towns = [(-99.5075, 27.5064), (14.5607, 52.3509), (13.6217, 45.9409),
                    (13.6484, 45.956), (28.19, 59.38), (104.7622, 16.5703)]
    offshore = [(-30.0, 40.0), (29.0, 44.0), (132.3, 43.0)]   # far out, the Black Sea, a bay
    ends: list[Point] = [*border_towns, *offshore,
                         *map(tuple, np.round(np.column_stack(
                             [rng.uniform(-10, 140, 300), rng.uniform(20, 65, 300)]), 4).tolist())]

    def answers() -> list[tuple[str | None, int]]:
        return [(country_of_end(p), land_country_of_end(p)) for p in ends]

    def forget() -> None:
        cc._ends.clear()
        country_of_end.cache_clear()
        land_country_of_end.cache_clear()

    forget()
    alone = answers()
    forget()
    know_ends([*ends, *ends[:5]])  # repeated ends, as a dataset's origins are
    assert set(cc._ends) == set(ends)
    assert answers() == alone
    assert alone[0][0] == "US" and alone[6][0] is None
    forget()


def test_another_country_near_an_end_is_the_outlines_distance_test() -> None:
    """Whether another country's outline is within BORDER_KM of an end (asked only of an
    end in a country) is what the plain distance test of every outline says: on ends
    around land borders, enclaves and straits, and inland far from any border."""
    import shapely

    rng = np.random.default_rng(21)
    # Narva, Slubice, Gorizia, El Paso, Baarle (enclaves), Gibraltar, the Tumen, Geneva,
    # and Moscow, Chicago and Kazakhstan's steppe
    centres = [(28.19, 59.38), (14.56, 52.35), (13.62, 45.94), (-106.45, 31.76),
               (4.93, 51.44), (-5.35, 36.14), (130.64, 42.42), (6.14, 46.2),
               (37.62, 55.75), (-87.63, 41.88), (67.0, 48.0)]
    ends = [(float(x), float(y)) for cx, cy in centres
            for x, y in np.column_stack([cx + rng.uniform(-0.15, 0.15, 60),
                                         cy + rng.uniform(-0.15, 0.15, 60)]).tolist()]
    cc._ends.clear()
    know_ends(ends)
    tree = cc._table()[0]
    xy = np.asarray(ends)
    index = countries_at(xy)
    at, near = tree.query(shapely.points(xy), predicate="dwithin",
                          distance=cc.BORDER_KM / 111.0)
    expected = np.zeros(len(ends), dtype=bool)
    expected[at[near != index[at]]] = True
    expected[index < 0] = False
    found = np.array([cc._ends[p][1] for p in ends])
    np.testing.assert_array_equal(found, expected)
    assert 0.1 < expected.mean() < 0.7  # both kinds of end, many of each
    assert not found[-180:].any()  # far inland nothing is near
    cc._ends.clear()


@pytest.mark.usefixtures("fresh_cells")
def test_cells_known_from_a_network_give_the_answers_asked_afresh() -> None:
    """A network keeps the answers of the cells its lines run through (cells_along, at
    build time); taken as known (know_cells), they answer as the outlines do."""
    points = np.concatenate(_route_points())
    keys, answers = cc.cells_along(points)
    assert len(keys) and len(keys) == len(answers)
    cc.forget_cells()
    cc.know_cells(keys, answers)
    assert len(cc.known_cells()) == len(keys)
    mids = (points[1:] + points[:-1]) / 2
    for xy in (points, mids):
        assert np.array_equal(countries_at(xy), _one_by_one(xy))
    assert len(cc.known_cells()) == len(keys)  # nothing asked again: every cell was known


@pytest.mark.usefixtures("fresh_cells")
def test_points_asked_again_are_answered_from_memory_as_the_outlines_do() -> None:
    """Points in cells across borders and coasts are kept with their answers: asked again
    (the same route, another along the same lines), they answer as the outlines do."""
    points = np.concatenate(_route_points())
    mids = (points[1:] + points[:-1]) / 2
    first = countries_at(mids)
    kept = len(cc._points)
    assert kept > 0  # the routes cross borders and coasts: some points were asked one by one
    again = countries_at(np.concatenate([mids[::-1], mids]))
    assert len(cc._points) == kept  # nothing new to ask
    assert np.array_equal(again, np.concatenate([first[::-1], first]))
    assert np.array_equal(first, _one_by_one(mids))
    cc.forget_cells()
    assert not cc._points
