"""Where place names go on a static map: each tried at spots around its point, kept where it
covers no other name and stays on the map.

Pure geometry in display pixels, so it needs no drawing: the caller measures each name once
and draws only the labels placed. Names are placed in the order given (the caller puts the
busiest places first); a grid of cells finds the labels already placed near a candidate
box, so placing n names costs about n times the spots tried, not n squared.

A name with no free spot is still placed at its least covered spot while the map has few
names (``keep_all``: a hand-made map loses no name). On a crowded map a name is tried only
beside its point (no leader lines across the map) and left out, counted, where it finds no
room, as GIS tools leave out the labels they cannot fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

__all__ = ["KEEP_ALL", "OFFSETS", "Label", "Placement", "place_labels"]

OFFSETS: tuple[tuple[float, float], ...] = tuple(
    (dx * r, dy * r) for r in (5, 16, 30, 46)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)))
"""Spots around a point (points right and up), nearest first: beside it, above and below,
at the corners, then further out along a leader line."""
KEEP_ALL = 200
"""Up to this many names on a map, every name is drawn, overlapping if it must."""
_CELL = 64.0  # pixels a side of the grid's cells
_BESIDE = 8  # the first spots, right beside the point


@dataclass(frozen=True)
class Label:
    """A name to place: its point and its text's size, in display pixels (``None``: to be
    measured, by :func:`place_labels`'s ``measure``, only if it may find room)."""

    name: str
    x: float
    y: float
    width: float | None = None
    height: float | None = None

    def sized(self, measure: Callable[[str], tuple[float, float]] | None) -> Label:
        if self.width is not None and self.height is not None:
            return self
        if measure is None:
            raise ValueError(f"label {self.name!r} has no size and nothing measures it")
        width, height = measure(self.name)
        return Label(self.name, self.x, self.y, width, height)


@dataclass(frozen=True)
class Placement:
    """A placed name: its label and its offset from the point, in points."""

    label: Label
    dx: float
    dy: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


def _box(label: Label, dx: float, dy: float, scale: float,
         pad: float) -> tuple[float, float, float, float]:
    """The label's box at an offset: left of the spot when the spot is left of the point,
    centred when straight above or below, and likewise in height."""
    width, height = label.width or 0.0, label.height or 0.0
    x = label.x + dx * scale
    y = label.y + dy * scale
    x0 = x if dx > 0 else x - width if dx < 0 else x - width / 2
    y0 = y if dy > 0 else y - height if dy < 0 else y - height / 2
    return x0 - pad, y0 - pad, x0 + width + pad, y0 + height + pad


def _shared(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


class _Grid:
    """Placed boxes by the grid cells they touch."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.boxes: list[tuple[float, float, float, float]] = []

    def _cells(self, box: tuple[float, float, float, float]) -> Iterable[tuple[int, int]]:
        for i in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1):
            for j in range(int(box[1] // _CELL), int(box[3] // _CELL) + 1):
                yield i, j

    def add(self, box: tuple[float, float, float, float]) -> None:
        self.boxes.append(box)
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(len(self.boxes) - 1)

    def cover(self, box: tuple[float, float, float, float]) -> float:
        near = {n for cell in self._cells(box) for n in self.cells.get(cell, ())}
        return sum(_shared(box, self.boxes[n]) for n in near)

    def overlaps(self, box: tuple[float, float, float, float]) -> bool:
        """Whether ``box`` shares any area with a placed box (``cover(box) > 0``, sooner)."""
        x0, y0, x1, y1 = box
        boxes, cells = self.boxes, self.cells
        for cell in self._cells(box):
            for n in cells.get(cell, ()):
                b = boxes[n]
                if min(x1, b[2]) > max(x0, b[0]) and min(y1, b[3]) > max(y0, b[1]):
                    return True
        return False


def place_labels(labels: Sequence[Label], frame: tuple[float, float, float, float],
                 scale: float, pad: float = 0.0, keep_all: int = KEEP_ALL,
                 measure: Callable[[str], tuple[float, float]] | None = None,
                 least: Callable[[str], tuple[float, float]] | None = None,
                 ) -> tuple[list[Placement], int]:
    """The names placed, in order, and how many were left out.

    ``frame`` is the map's box in pixels, ``scale`` pixels a point, ``pad`` pixels of
    margin around each text; ``measure`` gives the size of a label without one. A name
    whose point is off the map is neither placed nor counted. On a crowded map a name is
    measured only if a box of ``least(name)`` pixels (a width and height its text is surely
    not under; none: a box of no size) finds room at one of its spots: the text's box
    holds that box at the same spot, so a covered one rules the name out, as measuring
    would. Measuring text is the costly part, and most names of a crowded map find no room.

    >>> spots, left = place_labels([Label("A", 50, 50, 20, 10), Label("B", 52, 50, 20, 10)],
    ...                            (0, 0, 200, 100), 1.0)
    >>> [(p.label.name, p.dx, p.dy) for p in spots], left
    ([('A', 5, 0), ('B', -5, 0)], 0)
    """
    inside = [label for label in labels
              if frame[0] <= label.x <= frame[2] and frame[1] <= label.y <= frame[3]]
    keep = len(inside) <= keep_all
    offsets = OFFSETS if keep else OFFSETS[:_BESIDE]
    grid = _Grid()
    placed: list[Placement] = []
    left_out = 0
    for label in inside:
        probe = label if least is None or label.width is not None else Label(
            label.name, label.x, label.y, *least(label.name))
        if not keep and all(grid.overlaps(_box(probe, dx, dy, scale, pad))
                            for dx, dy in offsets):
            left_out += 1
            continue
        label = label.sized(measure)
        if not keep:  # on a crowded map a name takes its first free spot or none
            spot = _free_spot(label, offsets, grid, frame, scale, pad)
            if spot is None:
                left_out += 1
                continue
            grid.add(spot[2])
            placed.append(Placement(label, *spot))
            continue
        best: tuple[float, float, float, tuple[float, float, float, float]] | None = None
        for dx, dy in offsets:
            box = _box(label, dx, dy, scale, pad)
            outside = (box[2] - box[0]) * (box[3] - box[1]) - _shared(box, frame)
            cover = grid.cover(box) + outside
            if best is None or cover < best[0]:
                best = (cover, dx, dy, box)
            if cover == 0:
                break
        assert best is not None
        grid.add(best[3])
        placed.append(Placement(label, best[1], best[2], best[3]))
    return placed, left_out


def _free_spot(label: Label, offsets: Sequence[tuple[float, float]], grid: _Grid,
               frame: tuple[float, float, float, float], scale: float, pad: float,
               ) -> tuple[float, float, tuple[float, float, float, float]] | None:
    """The first spot where the label covers no placed name and stays on the map."""
    for dx, dy in offsets:
        box = _box(label, dx, dy, scale, pad)
        outside = (box[2] - box[0]) * (box[3] - box[1]) - _shared(box, frame)
        if outside == 0 and not grid.overlaps(box):
            return dx, dy, box
    return None
