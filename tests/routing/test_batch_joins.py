"""The joins of many ends found in one pass (``routing.joins``) are those found one end at a
time, bit for bit: on the reference rail and road networks, on ties, and in whole routes."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from movemap.geodata import geo_path
from movemap.model import Mode
from movemap.routing import Networks, route
from movemap.routing.countries import know_ends, land_country_of_end
from movemap.routing.joins import know_joins
from movemap.routing.network import CANDIDATES, Network

Point = tuple[float, float]


def _towns(step: int) -> list[Point]:
    """Every ``step``-th populated place of the shipped table, and a point 0.07 degrees off
    each (beside its lines rather than on a node)."""
    with geo_path("populated_places.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    out: list[Point] = []
    for row in rows[::step]:
        lon, lat = float(row["lon"]), float(row["lat"])
        out += [(lon, lat), (lon + 0.07, lat - 0.05)]
    return out


def _fresh(network: Network) -> Network:
    """The same network with nothing remembered."""
    return Network(network._a, network.name, network.snap_km,
                   (network._u, network._v, network._w, network._e))


def _same(one: tuple, other: tuple) -> bool:
    (n1, k1, s1), (n2, k2, s2) = one, other
    if not (np.array_equal(n1, n2) and np.array_equal(k1, k2) and n1.dtype == n2.dtype
            and k1.dtype == k2.dtype and len(s1) == len(s2)):
        return False
    fields = ("edge", "node_a", "node_b", "off_km", "along", "edge_cost", "point", "index")
    return all(getattr(a, f) == getattr(b, f) and type(getattr(a, f)) is type(getattr(b, f))
               for a, b in zip(s1, s2, strict=True) for f in fields) and all(
        np.array_equal(a.coords, b.coords) for a, b in zip(s1, s2, strict=True))


@pytest.mark.parametrize("mode", ["rail", "road"])
def test_the_joins_of_many_ends_are_those_found_one_at_a_time(mode: str) -> None:
    ends = _towns(7)
    know_ends(ends)
    keyed = [(p, land_country_of_end(p)) for p in ends]
    network = getattr(Networks(), mode)
    batched, alone = _fresh(network), _fresh(network)
    done = know_joins(batched, keyed)
    assert done.batched + done.ties == len(set(keyed))
    assert done.batched > 0.9 * len(set(keyed))
    joined = splits = 0
    for p, c in keyed:
        key = (p, c, None, CANDIDATES)
        found = alone._end_joins(p, c)
        assert _same(batched._end_joins_found[key], found), p
        assert np.array_equal(batched._joins_found[key][0], alone._joins_found[key][0])
        joined += bool(len(found[0]))
        splits += len(found[2])
    # the sample is not trivial: most ends join, many at split edges
    assert joined > 0.5 * len(keyed)
    assert splits > 0.5 * len(keyed)
    assert not know_joins(batched, keyed).batched  # all known: nothing found again


def test_an_end_as_near_two_lines_is_joined_one_at_a_time() -> None:
    # two parallel lines, an end exactly half way between them (binary fractions: the two
    # distances are equal to the last bit), and one end nearer the first line
    network = Network.from_lines([[(34.0, 48.0), (34.5, 48.0)],
                                  [(34.0, 48.0625), (34.5, 48.0625)]], "rail", 30.0)
    tie, near = (34.2, 48.03125), (34.2, 48.0078125)
    done = know_joins(network, [(tie, -1), (near, -1)])
    assert (done.batched, done.ties) == (1, 1)
    alone = _fresh(network)
    for p in (tie, near):
        assert _same(network._end_joins_found[(p, -1, None, CANDIDATES)],
                     alone._end_joins(p, -1))
    assert len(alone._end_joins(tie, -1)[2]) == 2  # a split on each line


def test_routes_with_ends_known_first_are_the_routes_found_alone(
        fresh_cache: Callable[[str], Path]) -> None:
    towns = _towns(97)[::2]
    pairs = [(a, b, mode) for a, b, mode in zip(towns, towns[3:] + towns[:3],
                                                [Mode.RAIL, Mode.ROAD] * len(towns),
                                                strict=False)][:24]
    first = Networks(cache_dir=fresh_cache("first"))
    first.know_joins([(mode, p) for a, b, mode in pairs for p in (a, b)])
    second = Networks(cache_dir=fresh_cache("second"))
    routed = 0
    for a, b, mode in pairs:
        one, other = route([a, b], mode, first), route([a, b], mode, second)
        assert np.array_equal(np.asarray(one.points), np.asarray(other.points))
        assert (one.length_km, one.approximate, one.warnings) == (
            other.length_km, other.approximate, other.warnings)
        routed += len(one.points) > 2
    assert routed > 6
