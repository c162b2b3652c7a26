"""Dead ends joined to the line they head for (``routing.facing``): the gaps Natural Earth
leaves at bridges and border posts, closed by a rule with its checks (heading, sea, border,
big river), on invented lines at real places no evaluation set names."""

from __future__ import annotations

import pytest

from movemap.routing.borders import Crossing
from movemap.routing.facing import BRIDGE_KM, FACING_KM, dead_ends, facing_joins, ring_tips
from movemap.routing.geodesic import geodesic_km
from movemap.routing.network import CLASS_COST, Network

Point = tuple[float, float]
Line = list[Point]

# the Kazakh steppe north of the Aral Sea: one country, no big river near
STEPPE_WEST: Line = [(67.80, 48.00), (67.95, 48.00), (67.9800, 48.0)]
STEPPE_EAST: Line = [(68.0200, 48.0), (68.05, 48.00), (68.20, 48.00)]  # 3 km on, heading back
STEPPE_CROSS: Line = [(68.02, 47.90), (68.02, 48.10)]  # a north-south road 3 km on
# the Irtysh runs east-west at 73.9655 E, 57.174 N: a road either side, 3.8 km apart
IRTYSH_SOUTH: Line = [(73.9655, 57.00), (73.9655, 57.155)]
IRTYSH_NORTH: Line = [(73.9655, 57.19), (73.9655, 57.35)]
IRTYSH_ALONG: Line = [(73.80, 57.19), (74.10, 57.19)]  # an east-west road north of the river
# a fjord in southern Norway, 4.5 km of sea across at 59.70 N
WEST_SHORE: Line = [(10.45, 59.70), (10.53, 59.70)]
EAST_SHORE: Line = [(10.70, 59.70), (10.61, 59.70)]
# the 49th parallel at 100.3 W (United States - Canada), no documented road crossing here
SOUTH_OF_49: Line = [(-100.30, 48.80), (-100.30, 48.985)]
NORTH_OF_49: Line = [(-100.30, 49.20), (-100.30, 49.015)]


def _joins(lines: list[Line], classes: list[str] | None = None,
           crossings: list[Crossing] | None = None) -> list[list[Point]]:
    classes = classes or ["primary"] * len(lines)
    return facing_joins(lines, classes, "road", crossings or [], CLASS_COST)[2]


def test_dead_ends_are_the_ends_no_other_line_shares() -> None:
    shared = [(68.20, 48.00), (68.30, 48.10)]
    assert dead_ends([STEPPE_EAST, shared]) == [(0, 0), (1, -1)]


def test_two_ends_heading_for_each_other_are_joined_end_to_end_once() -> None:
    joins = _joins([STEPPE_WEST, STEPPE_EAST])
    assert joins == [[STEPPE_WEST[-1], STEPPE_EAST[0]]]
    lines, classes, _ = facing_joins([STEPPE_WEST, STEPPE_EAST], ["primary", "track"], "road",
                                     [], CLASS_COST)
    assert classes[-1] == "track"  # the connector takes the costlier class
    path = Network.from_lines(lines, "road", 30.0, classes).plain_path((67.80, 48.0),
                                                                      (68.20, 48.0))
    assert not isinstance(path, str)


def test_an_end_heading_for_a_line_joins_it_at_a_new_vertex() -> None:
    lines, _, joins = facing_joins([STEPPE_WEST, STEPPE_CROSS], ["primary"] * 2, "road", [],
                                   CLASS_COST)
    assert len(joins) == 1
    start, foot = joins[0]
    assert start == STEPPE_WEST[-1]
    assert foot == pytest.approx((68.02, 48.0), abs=1e-6)
    assert foot in lines[1]  # the line crossed is cut there: the join is a junction
    assert geodesic_km(*start, *foot) == pytest.approx(2.98, abs=0.05)


@pytest.mark.parametrize("lines", [
    # a road that stops beside another, running alongside it: not heading for it
    [[(67.80, 48.00), (67.98, 48.00)], [(67.80, 48.03), (67.98, 48.03)]],
    # a road bent back on itself, both ends heading away from the road behind them
    [[(68.10, 48.02), (68.05, 48.02), (68.05, 48.00), (68.08, 48.00)], STEPPE_CROSS],
    # farther than FACING_KM
    [STEPPE_WEST, [(67.9800 + (FACING_KM + 1) / 74.5, 48.0), (68.3, 48.0)]],
], ids=["alongside", "heading-away", "too-far"])
def test_ends_not_heading_for_a_line_within_reach_stay_as_they_are(lines: list[Line]) -> None:
    assert _joins(lines) == []


def test_no_join_across_the_sea() -> None:
    assert geodesic_km(*WEST_SHORE[-1], *EAST_SHORE[-1]) < FACING_KM
    assert _joins([WEST_SHORE, EAST_SHORE]) == []
    # the same two roads on dry land are joined
    assert len(_joins([[(x + 30, y) for x, y in line] for line in (WEST_SHORE, EAST_SHORE)])) == 1


def test_a_border_is_crossed_only_at_a_documented_crossing() -> None:
    assert _joins([SOUTH_OF_49, NORTH_OF_49]) == []
    post = Crossing("road", "an invented post", frozenset({"US", "CA"}), (-100.30, 49.0),
                    True, False)
    assert len(_joins([SOUTH_OF_49, NORTH_OF_49], crossings=[post])) == 1
    closed = Crossing("road", "a closed post", frozenset({"US", "CA"}), (-100.30, 49.0),
                      False, False)
    assert _joins([SOUTH_OF_49, NORTH_OF_49], crossings=[closed]) == []


def test_a_big_river_is_crossed_end_to_end_only() -> None:
    """Two roads that stop on either bank heading for each other: a bridge the data left out.
    A road that stops on the bank heading for the side of a road over the river: not joined
    (its join would be a bridge nobody documented)."""
    assert len(_joins([IRTYSH_SOUTH, IRTYSH_NORTH])) == 1
    assert _joins([IRTYSH_SOUTH, IRTYSH_ALONG]) == []


def _classes(lines: list[Line]) -> list[str]:
    return facing_joins(lines, ["primary"] * len(lines), "road", [], CLASS_COST)[1][len(lines):]


def _gap(km: float) -> list[Line]:
    """Two east-west roads of the steppe heading for each other, ``km`` apart about 68 E."""
    half = km / 2 / 74.5  # degrees of longitude at 48 N
    return [[(67.80, 48.0), (68.0 - half, 48.0)], [(68.0 + half, 48.0), (68.20, 48.0)]]


def test_a_river_wider_than_a_bridge_may_be_is_crossed_as_by_ferry(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An invented big river down 68 E through the steppe: a gap longer than ``BRIDGE_KM``
    across it may span a river wider than any bridge the data left out (the connector is as
    long as the gap, not the river), so it costs as a ferry; a shorter gap is a bridge."""
    import shapely

    from movemap.routing import network

    river = shapely.STRtree([shapely.LineString([(68.0, 47.5), (68.0, 48.5)])])
    monkeypatch.setattr(network, "_rivers", lambda: river)
    assert _classes(_gap(4.0)) == ["ferry"]
    assert _classes(_gap(BRIDGE_KM - 0.3)) == ["primary"]
    assert _classes([_gap(4.0)[0], STEPPE_CROSS[::-1]]) == []  # to a line's side: never
    monkeypatch.undo()
    assert _classes(_gap(4.0)) == ["primary"]  # no river: a gap in the road


def test_water_is_crossed_only_end_to_end_and_only_as_wide_as_a_bridge(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Invented land: the steppe cut by a north-south strait of open water about 68 E, 1 km
    or 3 km wide. Two ends heading for each other over 1 km of water are a bridge the data
    left out; over 3 km, a sound no bridge spans; an end heading for a line's side over the
    narrow water is not joined either."""
    import shapely

    from movemap.routing import land

    def cut_by(km: float) -> object:
        half = km / 2 / 74.5
        ground = shapely.difference(shapely.box(67.0, 47.0, 69.0, 49.0),
                                    shapely.box(68.0 - half, 47.0, 68.0 + half, 49.0))
        shapely.prepare(ground)
        return ground

    monkeypatch.setattr(land, "land", lambda rivers=True: cut_by(1.0))
    assert _classes(_gap(3.0)) == ["primary"]
    assert _classes([_gap(3.0)[0], [(68.02, 47.9), (68.02, 48.1)]]) == []
    monkeypatch.setattr(land, "land", lambda rivers=True: cut_by(3.0))
    assert _classes(_gap(4.0)) == []


def test_ferry_ends_are_left_alone() -> None:
    assert _joins([STEPPE_WEST, STEPPE_EAST], ["ferry", "ferry"]) == []


# dual carriageways drawn as out-and-back rings from a junction (Natural Earth's way with
# some city expressways): two about 68 E in the steppe, their tips 3 km apart
RING_WEST: Line = [(67.90, 48.0), (67.94, 48.0), (67.9800, 48.0005), (67.94, 48.001),
                   (67.90, 48.0)]
RING_EAST: Line = [(68.10, 48.0), (68.06, 48.0), (68.0200, 48.0005), (68.06, 48.001),
                   (68.10, 48.0)]


def test_out_and_back_rings_stop_at_their_tips_as_dead_ends() -> None:
    assert ring_tips([RING_WEST, RING_EAST]) == [(0, 2), (1, 2)]
    joins = _joins([RING_WEST, RING_EAST])
    assert joins == [[RING_WEST[2], RING_EAST[2]]]
    lines, classes, _ = facing_joins([RING_WEST, RING_EAST], ["primary"] * 2, "road", [],
                                     CLASS_COST)
    path = Network.from_lines(lines, "road", 30.0, classes).plain_path((67.90, 48.0),
                                                                      (68.10, 48.0))
    assert not isinstance(path, str)
    # a ring round a town (not thin) has no tip
    loop = [(67.90, 48.0), (67.95, 48.0), (67.95, 48.04), (67.90, 48.04), (67.90, 48.0)]
    assert ring_tips([loop]) == []


def test_a_closed_line_joined_at_its_side_keeps_both_its_legs() -> None:
    """A dead end heading for the side of a ring: the ring gains a vertex and keeps its way
    back to the junction (locating its last vertex would have put it first)."""
    lines, _, joins = facing_joins([RING_WEST, [(67.96, 47.97), (67.96, 47.99)]],
                                   ["primary"] * 2, "road", [], CLASS_COST)
    assert len(joins) == 1
    ring = lines[0]
    assert len(ring) == len(RING_WEST) + 1 and ring[0] == ring[-1] == RING_WEST[0]
    assert [pt for pt in ring if pt in RING_WEST] == RING_WEST
