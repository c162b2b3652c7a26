"""The joins of many route ends to a rail or road network, found in one vectorised pass.

A route's end joins its network at the nearest nodes and at the nearest points of the
nearest edges (``Network._end_joins``; the network module's docstring says how). Found one
end at a time, most of the cost is numpy's per-call overhead on arrays of a few dozen
nodes. :func:`know_joins` finds them for many ends at once (every end of a run of pending
routes, in the process that routes them): the ball queries of the k-d tree and the river
checks are one call each, and the selections are segmented array operations over every
end together.

The joins are those found one at a time, bit for bit, by construction:

- element-wise arithmetic gives the same bits in any batch; the reductions that are not
  element-wise (the dot products with an end's vector, the sums of an edge's segments) are
  computed end by end with the same numpy calls on the same values;
- where one at a time sorts with ``np.argsort`` (an order that is not stable among equal
  values), an end whose values tie is handed to the one-at-a-time code, which gives the
  answer it always gives (``ties`` counts those ends);
- the nearest segment of each edge is chosen by a stable sort in both.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from movemap.sphere import EARTH_RADIUS_KM, chord_to_km, unit_vectors

if TYPE_CHECKING:
    from movemap.routing.network import Network, _Split

__all__ = ["JoinCount", "know_joins"]

Point = tuple[float, float]
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass
class JoinCount:
    """What :func:`know_joins` did: ends found in the batch, and ends whose values tied
    (found one at a time)."""

    batched: int = 0
    ties: int = 0


def know_joins(network: Network, ends: Iterable[tuple[Point, int]]) -> JoinCount:
    """Find now, for each ``(point, country index)`` not yet known, what
    ``network._end_joins(point, country)`` gives (its nearest joins within the network's
    snap distance), and remember it there as that method does."""
    from movemap.routing.network import _JOINS_KEPT, CANDIDATES, merge_joins

    count = JoinCount()
    todo = [(p, c) for p, c in dict.fromkeys(ends)
            if (p, c, None, CANDIDATES) not in network._end_joins_found]
    if not todo or not len(network._a.nodes):
        return count
    if len(network._end_joins_found) + len(todo) >= _JOINS_KEPT:
        network._end_joins_found.clear()
    if len(network._joins_found) + len(todo) >= _JOINS_KEPT:
        network._joins_found.clear()
    found, tied = _batch(network, [p for p, _ in todo], [c for _, c in todo], CANDIDATES)
    for k, (p, c) in enumerate(todo):
        key = (p, c, None, CANDIDATES)
        if k in tied:
            network._end_joins(p, c)  # one at a time (and remembered there)
            count.ties += 1
            continue
        nodes, km, splits = found[k]
        network._joins_found[key] = (nodes, km)
        network._end_joins_found[key] = merge_joins(nodes, km, splits, CANDIDATES)
        count.batched += 1
    return count


def _segments(owner: Ints) -> tuple[Ints, Ints]:
    """For items grouped by owner (ascending): the start of each item's group, and each
    item's rank inside it."""
    if not len(owner):
        return owner, owner
    head = np.ones(len(owner), dtype=bool)
    head[1:] = owner[1:] != owner[:-1]
    starts = np.flatnonzero(head)
    first = np.repeat(starts, np.diff(np.append(starts, len(owner))))
    return first, np.arange(len(owner)) - first


def _ties(owner: Ints, values: Floats, tied: set[int]) -> None:
    """Add to ``tied`` every owner with two equal values (items sorted by owner, then
    value)."""
    if len(owner) > 1:
        same = (owner[1:] == owner[:-1]) & (values[1:] == values[:-1])
        tied.update(owner[1:][same].tolist())


def _expand(lists: Sequence[Sequence[int]]) -> tuple[Ints, Ints]:
    """Lists of node numbers as one array, with the number of the list of each."""
    sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64,
                       count=int(sizes.sum()))
    return flat, np.repeat(np.arange(len(lists)), sizes)


def _batch(network: Network, points: list[Point], countries: list[int],
           count: int) -> tuple[dict[int, tuple[Ints, Floats, list[_Split]]], set[int]]:
    """The node joins (``_find_joins``) and split edges (``_splits``) of each end, by its
    position; and the ends left to the one-at-a-time code (ties)."""
    from movemap.routing.network import WET_JOIN_KM

    tree = network.node_tree()
    n = len(points)
    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    cc = np.asarray(countries, dtype=np.int64)
    targets = unit_vectors(xy[:, 0], xy[:, 1])  # element-wise: as one end at a time
    tied: set[int] = set()

    # -- the nodes within snap_km (Network._find_joins) --
    radius = 2 * np.sin(network.snap_km / EARTH_RADIUS_KM / 2)
    near, owner = _expand(tree.query_ball_point(targets, radius))
    order = np.lexsort((near, owner))
    near, owner = near[order], owner[order]
    chord = np.empty(len(near))
    starts = np.searchsorted(owner, np.arange(n + 1))
    unit = network._unit
    for k in range(n):  # the dot products end by end, as one at a time
        lo, hi = starts[k], starts[k + 1]
        if hi > lo:
            chord[lo:hi] = np.sqrt(np.maximum(2.0 - 2.0 * (unit[near[lo:hi]] @ targets[k].copy()),
                                              0.0))
    keep = chord <= radius
    node_cc = network._a.node_cc[near]
    own = cc[owner]
    keep &= (own < 0) | (node_cc == own) | (node_cc < 0)
    near, owner, chord = near[keep], owner[keep], chord[keep]
    km = np.asarray(chord_to_km(chord), dtype=float)
    order = np.lexsort((km, owner))
    near, owner, km = near[order], owner[order], km[order]
    _ties(owner, km, tied)
    _, rank = _segments(owner)
    keep = rank < count * 2
    near, owner, km = near[keep], owner[keep], km[keep]
    dry = _same_bank_many(xy[owner], network._a.nodes[near])
    any_dry = np.zeros(n, dtype=bool)
    any_dry[owner[dry]] = True
    first_km = np.full(n, np.inf)
    first, _ = _segments(owner)
    first_km[owner[first == np.arange(len(owner))]] = km[first == np.arange(len(owner))]
    wet_only = ~any_dry & (first_km > WET_JOIN_KM)  # reach_km is None: no join here
    keep = np.where(any_dry[owner], dry, ~wet_only[owner])
    near, owner, km = near[keep], owner[keep], km[keep]
    _, rank = _segments(owner)
    keep = rank < count
    near, owner, km = near[keep], owner[keep], km[keep]
    starts = np.searchsorted(owner, np.arange(n + 1))
    joins = {k: (near[starts[k]:starts[k + 1]], km[starts[k]:starts[k + 1]])
             for k in range(n)}

    # -- the split edges within the farthest node join (Network._splits) --
    has = np.flatnonzero(np.diff(starts) > 0)
    reach = np.zeros(n)
    reach[has] = np.maximum.reduceat(km, starts[has]) if len(has) else reach[has]
    splits = _splits(network, xy, cc, targets, reach, has, count, tied)
    out = {k: (joins[k][0], joins[k][1], splits.get(k, [])) for k in range(n)}
    return out, tied


def _splits(network: Network, xy: Floats, cc: Ints, targets: Floats, reach: Floats,
            ends: Ints, count: int, tied: set[int]) -> dict[int, list[_Split]]:
    """The split edges of each of ``ends`` (positions), as ``Network._splits`` with
    ``reach[end]`` finds them."""
    from movemap.routing.network import MAX_EDGE_KM, _Split, project

    if not len(ends):
        return {}
    a = network._a
    radius = 2 * np.sin((reach[ends] + MAX_EDGE_KM * 1.5) / EARTH_RADIUS_KM / 2)
    near, which = _expand(network.node_tree().query_ball_point(targets[ends], radius))
    owner = ends[which]
    lo = np.searchsorted(network._u, near, side="left")
    hi = np.searchsorted(network._u, near, side="right")
    size = hi - lo
    entries = np.arange(int(size.sum())) + np.repeat(lo - np.cumsum(size) + size, size)
    entry_owner = np.repeat(owner, size)
    # each end's distinct edges, ascending (np.unique one at a time)
    pair = np.unique(entry_owner * len(a.edge_km) + network._e[entries])
    owner, edges = pair // len(a.edge_km), pair % len(a.edge_km)
    own = cc[owner]
    ecc = a.edge_cc[edges]
    keep = (own < 0) | ((ecc == own[:, None]) | (ecc < 0)).all(axis=1)
    owner, edges = owner[keep], edges[keep]
    if not len(edges):
        return {}
    offsets, coords = a.offsets, a.coords
    sizes = offsets[edges + 1] - offsets[edges]
    seg_row = np.repeat(np.arange(len(edges)), sizes - 1)  # the edge row of each segment
    seg_owner = owner[seg_row]
    row_first = np.concatenate([[0], np.cumsum(sizes - 1)[:-1]])  # each row's 1st segment
    start = offsets[edges][seg_row] + (np.arange(len(seg_row)) - row_first[seg_row])
    p = xy[seg_owner]
    scale_x = np.cos(np.radians(xy[:, 1]))  # element-wise, as np.array([cos, 1.0]) does
    factor = np.pi * EARTH_RADIUS_KM / 180
    scale = np.column_stack([scale_x, np.ones(len(xy))]) * factor
    q0 = coords[start] - p
    q1 = coords[start + 1] - p
    q0[:, 0] = (q0[:, 0] + 180.0) % 360.0 - 180.0
    q1[:, 0] = (q1[:, 0] + 180.0) % 360.0 - 180.0
    q0 *= scale[seg_owner]
    q1 *= scale[seg_owner]
    t, foot, dist, seg_km = project(q0, q1)
    # the nearest segment of each edge (stable: the first of equals, as one at a time)
    order = np.lexsort((dist, seg_row))
    head = np.ones(len(order), dtype=bool)
    head[1:] = seg_row[order][1:] != seg_row[order][:-1]
    nearest = order[head]
    nearest = nearest[dist[nearest] <= reach[seg_owner[nearest]]]
    order = np.lexsort((dist[nearest], seg_owner[nearest]))
    nearest = nearest[order]
    n_owner = seg_owner[nearest]
    _, rank = _segments(n_owner)
    cut = rank == count * 2  # an equal distance on both sides of the cut: which are in?
    before_cut = np.flatnonzero(cut) - 1
    tied.update(n_owner[before_cut][dist[nearest[before_cut]]
                                    == dist[nearest[cut]]].tolist())
    nearest, n_owner = nearest[rank < count * 2], n_owner[rank < count * 2]
    feet = foot[nearest] / scale[n_owner] + xy[n_owner]
    dry = _same_bank_many(xy[n_owner], feet)
    # where along the edge each split lies, roughly (a running sum): a split at a node
    # (0 or 1) is no split, and is told without the exact sums below
    run_km = np.cumsum(seg_km)
    row_km = np.concatenate([[0.0], run_km])[row_first]
    rows = seg_row[nearest]
    rough = ((run_km[nearest] - seg_km[nearest] - row_km[rows] + t[nearest] * seg_km[nearest])
             / np.maximum(run_km[row_first[rows] + sizes[rows] - 2] - row_km[rows], 1e-9))
    row_total = run_km[row_first[rows] + sizes[rows] - 2] - row_km[rows]
    maybe = dry & (((rough > 0.5e-6) & (rough < 1 - 0.5e-6)) | (row_total < 1.0))
    made: list[_Split | None] = []  # each candidate's split, None where it makes none
    for k, seg in enumerate(nearest.tolist()):
        if not maybe[k]:
            made.append(None)
            continue
        row = int(seg_row[seg])
        e = int(edges[row])
        run = int(row_first[row])
        before = seg_km[run: seg].sum()
        total = seg_km[run: run + int(sizes[row]) - 1].sum()
        along = (before + t[seg] * seg_km[seg]) / max(total, 1e-9)
        if not dry[k] or not 1e-6 < along < 1 - 1e-6:
            made.append(None)  # across a big river; or nearest at a node: a node join
            continue
        made.append(_Split(
            edge=e, node_a=int(a.edge_a[e]), node_b=int(a.edge_b[e]),
            off_km=float(dist[seg]), along=float(along),
            edge_cost=float(a.edge_km[e] * a.edge_cost[e]),
            point=(float(feet[k, 0]), float(feet[k, 1])), index=int(start[seg] - offsets[e]),
            coords=coords[offsets[e]: offsets[e + 1]]))
    # of equal distances, one at a time takes them in an order of its sort's own: that
    # matters only where two or more of them make splits
    makes = np.array([m is not None for m in made], dtype=bool)
    value = dist[nearest]
    if len(value) > 1:
        group = np.concatenate([[0], np.cumsum((n_owner[1:] != n_owner[:-1])
                                               | (value[1:] != value[:-1]))])
        splits_in = np.bincount(group, weights=makes)
        tied.update(n_owner[splits_in[group] >= 2].tolist())
    out: dict[int, list[_Split]] = {}
    for end, split in zip(n_owner.tolist(), made, strict=True):
        found = out.setdefault(end, [])
        if split is not None and len(found) < count:
            found.append(split)
    return out


def _same_bank_many(ends: Floats, nodes: Floats) -> npt.NDArray[np.bool_]:
    """Whether the straight join from each end to its node stays clear of the big rivers
    (``network._same_bank`` for many ends at once: one query)."""
    import shapely

    from movemap.routing.network import _rivers

    if not len(nodes):
        return np.zeros(0, dtype=bool)
    pairs = np.empty((len(nodes), 2, 2))
    pairs[:, 0] = ends
    pairs[:, 1] = nodes
    crossing = _rivers().query(shapely.linestrings(pairs), predicate="intersects")[0]
    clear = np.ones(len(nodes), dtype=bool)
    clear[crossing] = False
    return clear
