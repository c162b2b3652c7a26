"""What a route's checks measure on the segments of a network's lines, remembered by segment.

A dataset's rail and road routes run along the same trunk lines leg after leg, and each
route is measured segment by segment twice after it is found: its ground length
(``Network.ground_km``) and the countries it crosses (``countries.crossed_each``). A path
that :class:`~movemap.routing.network.Network` draws is a :class:`SegmentPoints`: beside its
points it knows, for each step, which segment of the network's drawn lines it is and which
way it is taken (its *slot*), or that it is none (a join, a lead to a split edge). A
:class:`SegmentMemo` keeps each slot's measures once taken, so that a segment is measured
once a process, not once a route.

A measure is taken from the path's own two points, exactly as for a path of plain points,
and kept by way of travel (a step's length and midpoint are not bit for bit the same taken
backwards): a remembered value is the very value the plain path would give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from movemap.routing.points import Point, Points

__all__ = ["CROSSING", "GROUND", "GROUND_WINDING", "NOT_ON_NETWORK", "SegmentMemo",
           "SegmentPoints", "every_slot", "slots_of"]

NOT_ON_NETWORK = -1  # the slot of a step that is no segment of the network's lines
# the measures kept: a step's ground km (Network.ground_km), without and with the winding of
# the relief, and its km and the country of its midpoint (countries.crossed_each)
GROUND, GROUND_WINDING, CROSSING = "ground km", "ground km, winding", "km and country"

Arrays = tuple[npt.NDArray[Any], ...]


class SegmentMemo:
    """Measures of a network's segments, each way, kept as they are first taken.

    A segment ``s`` runs from vertex ``s`` to vertex ``s + 1`` of the network's coordinates;
    slot ``2 * s`` is the segment taken forwards, ``2 * s + 1`` backwards. Each kind of
    measure (``name``) has its own tables, made on first use.
    """

    __slots__ = ("_tables", "size")

    def __init__(self, segments: int) -> None:
        self.size = 2 * max(segments, 0)  # slots: each segment both ways
        self._tables: dict[str, tuple[npt.NDArray[np.bool_], Arrays]] = {}

    def measure(self, name: str, slots: npt.NDArray[np.int64],
                compute: Callable[[npt.NDArray[np.int64]], Arrays]) -> Arrays:
        """The measures ``name`` of each step, those of slots seen before read back and the
        others taken by ``compute`` (given the positions of the steps it is to measure, it
        returns one array of each measure, a value a step) and kept."""
        missing = self.missing(name, slots)
        if not len(missing) and name in self._tables:
            return tuple(t[slots] for t in self._tables[name][1])
        return self.complete(name, slots, missing, compute(missing))

    def missing(self, name: str, slots: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The positions of the steps whose measures ``name`` are not kept."""
        kept = self._tables.get(name)
        if kept is None:
            return np.arange(len(slots))
        on = slots >= 0
        have = np.zeros(len(slots), dtype=bool)
        have[on] = kept[0][slots[on]]
        return np.flatnonzero(~have)

    def complete(self, name: str, slots: npt.NDArray[np.int64],
                 missing: npt.NDArray[np.int64], new: Arrays) -> Arrays:
        """The measures ``name`` of each step: ``new`` (one array a measure, a value for
        each position of ``missing``) at the steps :meth:`missing` gave, the kept ones at
        the others; the new ones of the network's segments kept."""
        fresh = slots[missing] >= 0
        self._keep(name, slots[missing[fresh]], tuple(v[fresh] for v in new))
        if len(missing) == len(slots):
            return new
        _, tables = self._tables[name]
        out = tuple(t[slots] for t in tables)  # the slots of the missing are set below
        for o, v in zip(out, new, strict=True):
            o[missing] = v
        return out

    def adopt(self, name: str, known: npt.NDArray[np.bool_], tables: Arrays) -> None:
        """Take as the measures ``name`` tables made beforehand: for each slot, whether it
        is measured, and one array a measure (a value a slot), kept as they are."""
        if any(len(t) != self.size for t in (known, *tables)):
            raise ValueError("a table has one value a slot")
        self._tables[name] = (known, tables)

    def _keep(self, name: str, slots: npt.NDArray[np.int64], values: Arrays) -> None:
        if name not in self._tables:
            self._tables[name] = (np.zeros(self.size, dtype=bool),
                                  tuple(np.zeros(self.size, dtype=v.dtype) for v in values))
        known, tables = self._tables[name]
        for t, v in zip(tables, values, strict=True):
            t[slots] = v
        known[slots] = True


class SegmentPoints(Points):
    """A network's path: its points, and the slot of each of its steps in ``memo``.

    Sliced by a plain slice it stays one (the steps between the points kept); it pickles,
    compares and hashes as plain :class:`Points`.
    """

    __slots__ = ("memo", "slots")

    def __init__(self, points: Sequence[Point] | Any, slots: npt.NDArray[np.int64],
                 memo: SegmentMemo) -> None:
        super().__init__(points)
        if len(slots) != max(len(self) - 1, 0):
            raise ValueError("a path has one slot a step")
        self.slots = slots
        self.memo = memo

    @classmethod
    def over(cls, array: npt.NDArray[np.float64], slots: npt.NDArray[np.int64],
             memo: SegmentMemo) -> SegmentPoints:
        """The path over a read-only (n, 2) array, not copied."""
        out = cls.__new__(cls)
        out.array, out.slots, out.memo = array, slots, memo
        return out

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice) and index.step in (None, 1):
            start, stop, _ = index.indices(len(self))
            stop = max(start, stop)
            return SegmentPoints.over(self.array[start:stop],
                                      self.slots[start:max(start, stop - 1)], self.memo)
        return super().__getitem__(index)


def slots_of(starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64],
             edge_of: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The slot of each step from vertex ``starts[i]`` to vertex ``ends[i]`` of a network's
    lines (-1 for a point that is none): a step between two vertices next to each other on
    one edge is that segment, forwards or backwards; any other step is ``NOT_ON_NETWORK``."""
    both = (starts >= 0) & (ends >= 0)
    same = np.zeros(len(starts), dtype=bool)
    same[both] = edge_of[starts[both]] == edge_of[ends[both]]
    forward = same & (ends == starts + 1)
    backward = same & (ends == starts - 1)
    out = np.full(len(starts), NOT_ON_NETWORK, dtype=np.int64)
    out[forward] = 2 * starts[forward]
    out[backward] = 2 * ends[backward] + 1
    return out


def every_slot(edge_of: npt.NDArray[np.int64]) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every slot of a network whose vertices are on edges ``edge_of``, with the vertices
    its step runs from and to: the segments forwards, then backwards."""
    s = np.flatnonzero(edge_of[:-1] == edge_of[1:]).astype(np.int64)
    return (np.concatenate([2 * s, 2 * s + 1]), np.concatenate([s, s + 1]),
            np.concatenate([s + 1, s]))
