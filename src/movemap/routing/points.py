"""The points of a route: one read-only numpy array, read as a sequence of (lon, lat) tuples.

A dataset of 20,000 legs has millions of route points; as Python tuples they take about a
hundred bytes each, as rows of one float array sixteen. :class:`Points` keeps the array and
gives the tuple view callers expect (indexing, iteration, ``len``, ``==`` with any sequence
of pairs), while code that works on whole routes takes the array (``np.asarray(points)``,
no copy).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np

__all__ = ["Points", "as_array"]

Point = tuple[float, float]


def as_array(points: Sequence[Point] | Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """``points`` as an (n, 2) float array (the array itself for :class:`Points`)."""
    if isinstance(points, Points):
        return points.array
    array = np.asarray(points, dtype=np.float64)
    return array.reshape(-1, 2)


class Points(Sequence[Point]):
    """(lon, lat) points held in one read-only (n, 2) float64 array.

    >>> p = Points([(131.9, 43.1), (132.5, 42.5)])
    >>> p[0], len(p), p == [(131.9, 43.1), (132.5, 42.5)]
    ((131.9, 43.1), 2, True)
    """

    __slots__ = ("array",)

    def __init__(self, points: Sequence[Point] | Any) -> None:
        if isinstance(points, Points):
            self.array: np.ndarray[Any, np.dtype[np.float64]] = points.array
            return
        array = np.array(points, dtype=np.float64).reshape(-1, 2)  # a copy, owned
        array.flags.writeable = False
        self.array = array

    @classmethod
    def view(cls, array: np.ndarray[Any, np.dtype[np.float64]]) -> Points:
        """Points over a read-only (n, 2) array, not copied (a slice of a larger block)."""
        out = cls.__new__(cls)
        out.array = array
        return out

    def __len__(self) -> int:
        return int(self.array.shape[0])

    @overload
    def __getitem__(self, index: int) -> Point: ...

    @overload
    def __getitem__(self, index: slice) -> Points: ...

    def __getitem__(self, index: int | slice) -> Point | Points:
        if isinstance(index, slice):
            return Points.view(self.array[index])
        x, y = self.array[index]
        return float(x), float(y)

    def __iter__(self) -> Iterator[Point]:
        return zip(self.array[:, 0].tolist(), self.array[:, 1].tolist(), strict=True)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray[Any, Any]:
        return self.array if dtype is None else self.array.astype(dtype)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Points):
            return np.array_equal(self.array, other.array)
        if isinstance(other, Sequence) and not isinstance(other, str):
            if len(other) != len(self):
                return False
            try:
                return bool(np.array_equal(self.array, as_array(other)))
            except (TypeError, ValueError):
                return False
        return NotImplemented

    def __hash__(self) -> int:
        # equal to a tuple of the same (lon, lat) tuples, so it hashes as that tuple does
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Points({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Points, (self.array.copy(),))

    def to_list(self) -> list[Point]:
        """The points as a list of tuples."""
        return list(self)
