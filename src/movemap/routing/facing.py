"""Joins for line ends that stop short of a line they head for: the gaps Natural Earth leaves
at bridges and border posts.

A line end that no other line shares and that stops more than ``network.GAP_DEGREES`` (about
2 km) from every other line is a dead end of the network. Many are real ends (a road to a
village); some are breaks in the data: the two roads either side of a bridge drawn 2-4 km
apart (Ghana's N1 over the Volta at Sogakope), a road stopping a few km short of the road it
meets at a border post (Seme - Krake). An end is joined to another line by a straight
connector when all of these hold:

- the other line passes within ``FACING_KM`` of it (the nearest point of each line within
  reach is a candidate; the nearest candidate that passes the checks below wins);
- the end *heads* for it: the connector lies within ``FACING_DEGREES`` of the line's own
  course over its last ``HEADING_DEGREES`` (a road that passes by another and stops is not
  joined sideways);
- the connector stays on Natural Earth's 1:10m land (``routing.land``, the land sea routes
  keep off; sampled every ``SAMPLE_KM``), but for water of at most ``BRIDGE_KM`` between two
  ends that head for each other (a bridge the data left out over an estuary or a harbour's
  neck); never across a bay or a sound;
- it stays in one country, or it crosses a border within ``borders.MATCH_KM`` of an open
  documented crossing of this network (``geo/border_crossings.csv``);
- it crosses a big river (``geo/rivers.geojson``) only between two ends that head for each
  other, a bridge the data left out, as an end's join may cross one for a town's bridge
  (``network.WET_JOIN_KM``); an end joined to the side of a line stays on its bank. The river
  lines have no width, and a connector is as long as the gap, not the river; so a river
  connector longer than ``BRIDGE_KM`` (over a river that may be wider than any bridge: the
  Amazon at Manaus, the Congo at Kisangani, crossed by ferries) takes the ferry class and
  cost, and a shorter one is a bridge.

The far tip of a dual carriageway drawn as a thin out-and-back ring from a junction
(``ring_tips``: Natural Earth draws some city expressways so, Manila's SLEX among them) stops
as a dead end does, heading from the junction to the tip, and is joined the same way.

Two ends that head for each other are joined end to end, once. The connector takes the
costlier class of the two lines (or the ferry class, above). Ferry lines are left alone
(their ends are ports).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from movemap.routing.borders import MATCH_KM, Crossing

__all__ = ["BRIDGE_KM", "FACING_DEGREES", "FACING_KM", "dead_ends", "facing_joins",
           "ring_tips", "with_vertices"]

Point = tuple[float, float]
FACING_KM = 5.0          # an end is joined to a line at most this far
FACING_DEGREES = 45.0    # if the join is within this angle of the end's own course
HEADING_DEGREES = 0.01   # the course of an end is taken over its last km or so
SAMPLE_KM = 0.25         # a join is checked for land and countries at this step
SAME_END_KM = 0.1        # a join this close to the other line's dead end is end to end
BRIDGE_KM = 1.5          # a bridge the data left out is rarely longer
RING_VERTICES = 8        # an out-and-back ring (a dual carriageway's stub) has at most these
THIN = 0.1               # and an area under this times its reach squared
_KM_PER_DEGREE = 111.32


def dead_ends(lines: Sequence[Sequence[Point]]) -> list[tuple[int, int]]:
    """(line, 0 or -1) of every line end that no other vertex shares (to 1e-4 degrees).

    >>> dead_ends([[(30.0, 50.0), (30.5, 50.0)], [(30.5, 50.0), (30.5, 50.4)]])
    [(0, 0), (1, -1)]
    """
    if not lines:
        return []
    xy = np.concatenate([np.asarray(line, dtype=float) for line in lines])
    keys = _keys(xy)
    unique, counts = np.unique(keys, return_counts=True)
    sizes = np.array([len(line) for line in lines])
    last = np.cumsum(sizes) - 1
    first = last - sizes + 1
    end_keys = np.column_stack([keys[first], keys[last]])
    alone = counts[np.searchsorted(unique, end_keys)] == 1
    return [(int(n), 0 if k == 0 else -1) for n, k in zip(*np.nonzero(alone), strict=True)]


def ring_tips(lines: Sequence[Sequence[Point]]) -> list[tuple[int, int]]:
    """(line, vertex) of the far tip of every thin closed line of a few vertices that no
    other line shares: a dual carriageway Natural Earth draws as an out-and-back ring from a
    junction, which stops at its tip as a dead end does (its course: from the junction to
    the tip).

    >>> ring_tips([[(30.0, 50.0), (30.02, 50.0), (30.04, 50.001), (30.02, 50.001),
    ...             (30.0, 50.0)]])
    [(0, 2)]
    """
    if not lines:
        return []
    xy = np.concatenate([np.asarray(line, dtype=float) for line in lines])
    unique, counts = np.unique(_keys(xy), return_counts=True)
    out = []
    for n, line in enumerate(lines):
        if not 3 <= len(line) <= RING_VERTICES:
            continue
        a = np.asarray(line, dtype=float)
        if _keys(a[:1])[0] != _keys(a[-1:])[0]:
            continue
        reach = np.hypot(*(a - a[0]).T)
        tip = int(reach.argmax())
        x, y = a[:, 0] - a[0, 0], a[:, 1] - a[0, 1]
        area = abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))) / 2
        if area > THIN * reach[tip] ** 2:
            continue
        if counts[np.searchsorted(unique, _keys(a[tip: tip + 1])[0])] == 1:
            out.append((n, tip))
    return out


def _keys(xy: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    cells = np.round(xy * 1e4).astype(np.int64)
    out: npt.NDArray[np.int64] = cells[:, 0] * 4_000_000 + cells[:, 1]
    return out


def _heading(line: Sequence[Point], k: int) -> npt.NDArray[np.float64]:
    """The unit direction (east, north; locally flat) a line runs in at its end ``k``."""
    end = np.asarray(line[k], dtype=float)
    order = range(1, len(line)) if k == 0 else range(len(line) - 2, -1, -1)
    back = end
    for i in order:
        back = np.asarray(line[i], dtype=float)
        if math.hypot(*(back - end)) > HEADING_DEGREES:
            break
    return _flat_unit(end - back, float(end[1]))


def _flat_unit(d: npt.NDArray[np.float64], lat: float) -> npt.NDArray[np.float64]:
    v = np.array([d[0] * math.cos(math.radians(lat)), d[1]])
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def facing_joins(lines: Sequence[Sequence[Point]], classes: Sequence[str], network: str,
                 crossings: Sequence[Crossing], cost: dict[str, float]) -> tuple[
                     list[list[Point]], list[str], list[list[Point]]]:
    """The lines with a connector from each dead end to the line it heads for (the point
    joined becomes a vertex of that line), their classes, and the connectors made."""
    import shapely

    from movemap.routing.geodesic import GEOD

    ends = [(n, k) for n, k in [*dead_ends(lines), *ring_tips(lines)]
            if classes[n] != "ferry"]
    if not ends:
        return [list(line) for line in lines], list(classes), []
    geoms = _geometries(lines)
    tree = shapely.STRtree(geoms)
    xy = np.array([lines[n][k] for n, k in ends], dtype=float)
    reach = FACING_KM / _KM_PER_DEGREE / np.maximum(np.cos(np.radians(xy[:, 1])), 0.2)
    points = shapely.points(xy)
    which, target = tree.query(points, predicate="dwithin", distance=reach)
    owner = np.array([n for n, _ in ends])
    mine = owner[which] != target
    which, target = which[mine], target[mine]
    if not len(which):
        return [list(line) for line in lines], list(classes), []
    shortest = shapely.get_coordinates(
        shapely.shortest_line(points[which], geoms[target])).reshape(-1, 2, 2)
    km = np.asarray(GEOD.inv(shortest[:, 0, 0], shortest[:, 0, 1], shortest[:, 1, 0],
                             shortest[:, 1, 1])[2]) / 1000
    headings = np.array([_heading(lines[n], k) if k in (0, -1) else _flat_unit(
        np.asarray(lines[n][k], dtype=float) - np.asarray(lines[n][0], dtype=float),
        float(lines[n][k][1])) for n, k in ends])
    towards = np.array([_flat_unit(q - p, float(p[1])) for p, q in shortest])
    facing = (headings[which] * towards).sum(axis=1) >= math.cos(math.radians(FACING_DEGREES))
    keep = (km <= FACING_KM) & (km > 0) & facing
    order = np.lexsort((km[keep], which[keep]))
    candidates = np.flatnonzero(keep)[order]
    ends_of: dict[int, list[int]] = {}
    for i, n in enumerate(owner.tolist()):
        ends_of.setdefault(n, []).append(i)
    checks = _Checks(network, crossings)
    joined: set[int] = set()
    inserts: dict[int, list[float]] = {}
    connectors: list[list[Point]] = []
    connector_class: list[str] = []
    for c in candidates.tolist():
        i = int(which[c])
        if i in joined:
            continue
        p, q = shortest[c, 0], shortest[c, 1]
        t = int(target[c])
        other = _other_end(xy, ends_of.get(t, ()), q)
        if other in joined:
            continue
        if other is not None:
            q = xy[other]
            both = float((headings[other] * -towards[c]).sum()) >= math.cos(
                math.radians(FACING_DEGREES))
        else:
            both = False
        verdict = checks.verdict(p, q, both)
        if verdict is None:
            continue
        joined.add(i)
        if other is not None:
            joined.add(other)
        else:
            inserts.setdefault(t, []).append(float(shapely.line_locate_point(
                geoms[t], shapely.points(q))))
        q_point = (round(float(q[0]), 6), round(float(q[1]), 6))
        connectors.append([(float(p[0]), float(p[1])), q_point])
        connector_class.append(verdict or max(classes[int(owner[i])], classes[t],
                                              key=cost.__getitem__))
    out = with_vertices(lines, geoms, inserts)
    return [*out, *connectors], [*classes, *connector_class], connectors


def _geometries(lines: Sequence[Sequence[Point]]) -> Any:
    """The lines as shapely LineStrings, made in one call."""
    import shapely

    sizes = [len(line) for line in lines]
    xy = np.concatenate([np.asarray(line, dtype=float) for line in lines])
    return shapely.linestrings(xy, indices=np.repeat(np.arange(len(lines)), sizes))


def _other_end(xy: npt.NDArray[np.float64], candidates: Sequence[int],
               q: npt.NDArray[np.float64]) -> int | None:
    """The dead end among ``candidates`` (indices into ``xy``) within ``SAME_END_KM`` of the
    point ``q``, if any."""
    for j in candidates:
        d = math.hypot((xy[j, 0] - q[0]) * math.cos(math.radians(q[1])), xy[j, 1] - q[1])
        if d * _KM_PER_DEGREE <= SAME_END_KM:
            return j
    return None


class _Checks:
    """Whether a connector may be drawn: on land (or over a short bridge's water end to end),
    in one country or at a documented crossing, and over a big river only end to end."""

    def __init__(self, network: str, crossings: Sequence[Crossing]) -> None:
        from movemap.routing.countries import codes
        from movemap.routing.land import land

        self.table = codes()
        self.open = [c for c in crossings if c.network == network and c.open]
        self.land = land(rivers=False)

    def verdict(self, p: npt.NDArray[np.float64], q: npt.NDArray[np.float64],
                end_to_end: bool) -> str | None:
        """None if the connector from ``p`` to ``q`` may not be drawn; else the class it
        takes instead of its lines' ("ferry" over a big river wider than a bridge may be),
        or "" for its lines'."""
        import shapely

        from movemap.routing.countries import countries_at
        from movemap.routing.geodesic import GEOD
        from movemap.routing.network import _rivers

        km = float(GEOD.inv(p[0], p[1], q[0], q[1])[2]) / 1000
        steps = max(2, math.ceil(km / SAMPLE_KM))
        t = np.linspace(0.0, 1.0, steps + 1)[:, None]
        samples = p[None, :] * (1 - t) + q[None, :] * t
        wet = ~shapely.contains_xy(self.land, samples[:, 0], samples[:, 1])
        if wet.any() and (not end_to_end or wet.mean() * km > BRIDGE_KM):
            return None
        # the country outlines (1:50m but along borders) only tell the border crossed: a
        # sample on the 1:10m land that they leave out is in no country
        found = {int(c) for c in countries_at(samples[~wet])} - {-1}
        if len(found) > 1 and not self._at_crossing(found, (p + q) / 2):
            return None
        if len(_rivers().query(shapely.linestrings([p, q]), predicate="intersects")):
            if not end_to_end:
                return None
            if km > BRIDGE_KM:
                return "ferry"
        return ""

    def _at_crossing(self, found: set[int], mid: npt.NDArray[np.float64]) -> bool:
        from movemap.routing.geodesic import GEOD

        if len(found) != 2:
            return False
        pair = frozenset(self.table[c] for c in found)
        for crossing in self.open:
            if crossing.countries == pair and float(GEOD.inv(
                    mid[0], mid[1], crossing.point[0], crossing.point[1])[2]) / 1000 <= MATCH_KM:
                return True
        return False


def with_vertices(lines: Sequence[Sequence[Point]], geoms: Any,
                  inserts: dict[int, list[float]]) -> list[list[Point]]:
    """The lines, each of ``inserts`` with new vertices at these positions along it (in
    the units of ``shapely.line_locate_point`` on its geometry in ``geoms``), rounded to
    1e-6 degrees as connectors' ends are."""
    import shapely

    out = [list(line) for line in lines]
    for target, positions in inserts.items():
        line = geoms[target]
        # along the line, vertex by vertex: locating a vertex would put a closed line's
        # last at 0, its first
        a = np.asarray(lines[target], dtype=float)
        vertex_at = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(a, axis=0).T))])
        new = [(float(a), pt) for a, pt in zip(vertex_at.tolist(), lines[target], strict=True)]
        for at in positions:
            q = shapely.get_coordinates(shapely.line_interpolate_point(line, at))[0]
            new.append((at, (round(float(q[0]), 6), round(float(q[1]), 6))))
        new.sort(key=lambda item: item[0])
        out[target] = [pt for _, pt in new]
    return out
