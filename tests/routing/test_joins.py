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
    ((71.446, 51.1801), (73.1094, 49.8019), 4.3),    # Astana, to Karaganda
    ((39.7077, 47.22), (40.1, 47.42), 3.8),          # Rostov-on-Don, north-east
    ((113.4917, 52.0431), (114.5, 51.5), 4.0),       # Chita, east along the Trans-Siberian
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


def test_a_split_join_stays_in_the_ends_country() -> None:
    """Blagoveshchensk faces Heihe over the Amur: its route joins a Russian line."""
    blagoveshchensk, belogorsk = (127.5272, 50.2727), (128.4714, 50.9211)
    r = route([blagoveshchensk, belogorsk], Mode.RAIL)
    assert country_of_end(r.points[1]) == "RU"
    assert not r.warnings
