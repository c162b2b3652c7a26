"""Where a route's ends join a rail or road network: at the nearest point of a line (the edge
split there), not at the nearest node, and never in another country."""

from __future__ import annotations

import itertools

import pytest

from movemap.model import Mode
from movemap.routing import default_networks, route
from movemap.routing.countries import country_of_end
from movemap.routing.geodesic import geodesic_km
from movemap.routing.network import Network

Point = tuple[float, float]


def test_an_end_beside_a_line_joins_at_the_foot_of_the_perpendicular() -> None:
    # a line along the parallel 48 N; an end 2.2 km north of it, between two of its nodes
    network = Network.from_lines([[(34.0, 48.0), (34.6, 48.0)]], "rail", 30.0)
    points = network.path((34.215, 48.02), (34.4, 48.0))
    assert not isinstance(points, str)
    foot = points[1]
    assert foot[1] == pytest.approx(48.0, abs=1e-6)
    assert foot[0] == pytest.approx(34.215, abs=1e-3)
    assert geodesic_km(34.215, 48.02, *foot) == pytest.approx(2.22, abs=0.05)


def test_two_ends_beside_one_edge_go_along_it_and_not_round_a_node() -> None:
    network = Network.from_lines([[(34.0, 48.0), (34.6, 48.0)]], "rail", 30.0)
    a, b = (34.21, 48.01), (34.24, 47.99)
    points = network.path(a, b)
    assert not isinstance(points, str)
    along = geodesic_km(34.21, 48.0, 34.24, 48.0)
    length = sum(geodesic_km(*p, *q) for p, q in itertools.pairwise(points))
    # off to the line (1.1 km each side), along it, off again: no trip to a node and back
    assert length == pytest.approx(along + 2 * 1.11, abs=0.1)


@pytest.mark.parametrize(("town", "to", "node_km"), [
    ((45.9901, 51.5405), (43.7833, 52.2667), 4.9),   # Saratov, to Rtishchevo
    ((56.2502, 58.0105), (56.9333, 57.4333), 3.2),   # Perm, to Kungur
    ((35.9006, 56.8584), (34.0500, 57.8800), 3.8),   # Tver, to Bologoye
])
def test_real_towns_join_their_railway_where_it_passes_nearest(
        town: Point, to: Point, node_km: float) -> None:
    rail = default_networks().rail
    _, nearest_node_km = rail.nearest(town)
    assert nearest_node_km == pytest.approx(node_km, abs=0.3)
    r = route([town, to], Mode.RAIL)
    join_km = geodesic_km(*town, *r.points[1])
    assert join_km < 1.5
    assert join_km < nearest_node_km - 2
    assert not r.approximate


@pytest.mark.parametrize(("town", "to", "country"), [
    ((28.1900, 59.3770), (26.3556, 59.3464), "EE"),  # Narva, to Rakvere
    ((28.2000, 59.3667), (28.6000, 59.3700), "RU"),  # Ivangorod, over the river, to Kingisepp
])
def test_a_join_stays_in_the_ends_country(town: Point, to: Point, country: str) -> None:
    """Narva and Ivangorod face each other over the Narva: each joins its own country's
    line, whichever is nearer."""
    r = route([town, to], Mode.RAIL)
    assert country_of_end(r.points[1]) == country
    assert not r.warnings


def _km(points: list[Point]) -> float:
    return sum(geodesic_km(a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(points))


def test_a_line_ending_on_its_own_course_further_along_joins_it_there() -> None:
    """A loop drawn as one line (as Natural Earth draws some ring roads) whose start stops
    half a km short of the line's own later passage: the start joins that passage, so the
    way from the start to a point just along the passage is short, not round the loop."""
    from movemap.routing.network import _close_gaps

    start = (30.0, 60.005)
    loop = [start, (30.0, 60.5), (31.0, 60.5), (31.0, 59.8), (29.8, 59.8), (29.8, 60.0),
            (30.3, 60.0)]
    lines, classes = _close_gaps([loop], ["main"])
    assert len(lines) == 2  # the loop and one connector from its start
    network = Network.from_lines(lines, "rail", 30.0, classes)
    path = network.plain_path(start, (30.2, 60.0))
    assert not isinstance(path, str)
    assert _km(path) < 15  # about 11 km; round the loop it is over 250


def test_a_line_bending_back_near_its_own_end_is_left_as_it_is() -> None:
    """A hook at a line's end (its last bend, within ``SELF_SKIP_DEGREES`` along it) is no
    loop: no connector is added."""
    from movemap.routing.network import _close_gaps

    hook = [(30.0, 60.0), (30.03, 60.0), (30.03, 60.01), (29.99, 60.01), (29.99, 60.3)]
    lines, _ = _close_gaps([hook], ["main"])
    assert lines == [hook]
