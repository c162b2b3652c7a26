"""An end whose nearest road node lies in a small piece of the network (a fault of the data
beside a big city) still joins the main network: real data, the class round 12 named."""

from __future__ import annotations

import numpy as np
import pytest

from movemap.model import Mode
from movemap.routing import default_networks, route

Point = tuple[float, float]


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    # Puyang (Zhejiang, by Zhuji): its nearest road node is one of a 2-node piece, 10 km out
    ((119.8887, 29.4568), (120.1614, 30.2937), 95.0, 150.0),  # to Hangzhou
    # Shantou (Guangdong): a 2-node piece 2.8 km from the main network
    ((116.6822, 23.3541), (113.2644, 23.1291), 380.0, 500.0),  # to Guangzhou
])
def test_an_end_by_a_small_piece_joins_the_main_network(a: Point, b: Point, low: float,
                                                         high: float) -> None:
    networks = default_networks()
    road = networks.road
    road._connected(np.array([0]), np.array([0]))  # the pieces, found once
    assert road._component is not None
    node, _ = road.nearest(a)
    assert node is not None
    assert int(np.bincount(road._component)[road._component[node]]) < 10  # the small piece
    leg = route([a, b], Mode.ROAD, networks)
    assert not leg.approximate, leg.warnings
    assert low <= leg.length_km <= high
