"""Border crossings as explicit points of the rail and road networks.

``geo/border_crossings.csv`` lists documented crossings, each with its network, the two
countries, a point, a status (``open`` or ``closed``) and ``whole_border``. Where a network
and a pair of countries have a row marked ``whole_border``, those rows are every crossing of
that border: a line that crosses it farther than ``MATCH_KM`` from an open crossing of the
list (Natural Earth's lines over the Amur at Blagoveshchensk, where there is no rail bridge)
or at a closed one (Kars - Gyumri) is cut there, so no route can cross. Borders the table
does not cover keep the crossings Natural Earth draws.

A crossing is where a line passes from one country to another and stays there for at least
``NOISE_KM`` (a line along a border that strays across for less is not crossing it); water
between the two (a bridge over a border river) belongs to neither.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from movemap.errors import NetworkError

__all__ = ["MATCH_KM", "Crossing", "cut_at_borders", "read_crossings"]

Point = tuple[float, float]
MATCH_KM = 6.0         # a line's crossing this close to a listed one is that crossing
NOISE_KM = 2.0         # a stretch in another country shorter than this is not a crossing
STEP_DEGREES = 0.01    # lines are looked at with a vertex every km or so
GAP_DEGREES = 0.006    # a cut leaves at least this gap, wider than the network's snapping


@dataclass(frozen=True, slots=True)
class Crossing:
    """A documented border crossing of one network."""

    network: str
    name: str
    countries: frozenset[str]
    point: Point
    open: bool
    whole_border: bool


def read_crossings(path: Path) -> list[Crossing]:
    """The crossings of a table like ``geo/border_crossings.csv`` (``#`` lines are notes)."""
    out: list[Crossing] = []
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for number, row in enumerate(rows, start=2):
            try:
                countries = frozenset(row["countries"].split())
                status = row["status"].strip()
                if len(countries) != 2 or status not in ("open", "closed"):
                    raise ValueError
                out.append(Crossing(row["network"].strip(), row["name"].strip(), countries,
                                    (float(row["lon"]), float(row["lat"])), status == "open",
                                    row.get("whole_border", "").strip() == "yes"))
            except (KeyError, ValueError, AttributeError, TypeError):
                raise NetworkError("a border crossing needs network, name, two countries, lon, "
                                   "lat and a status of open or closed", path=str(path),
                                   line=number) from None
    return out


def _dense(line: Sequence[Point]) -> npt.NDArray[np.float64]:
    xy = np.asarray(line, dtype=float)
    steps = np.ceil(np.abs(np.diff(xy, axis=0)).max(axis=1) / STEP_DEGREES).astype(int)
    parts = [xy[:1]]
    for (p, q), n in zip(itertools.pairwise(xy), steps.tolist(), strict=True):
        t = np.arange(1, max(n, 1) + 1)[:, None] / max(n, 1)
        parts.append(p + t * (q - p))
    return np.concatenate(parts)


def _crossings_of(xy: npt.NDArray[np.float64], cc: npt.NDArray[np.int64],
                  km: npt.NDArray[np.float64]) -> list[tuple[int, int, int, int]]:
    """(last vertex in A, first vertex in B, A, B) for each crossing of one line.

    Vertices at sea or on a lake take no country; runs shorter than NOISE_KM between two
    runs of one country are that country's.
    """
    land = np.flatnonzero(cc >= 0)
    if len(land) < 2:
        return []
    # runs of one country over the vertices on land: [first, last, country, km]
    runs: list[list[int | float]] = []
    for k in land.tolist():
        if runs and runs[-1][2] == cc[k]:
            runs[-1][3] = float(runs[-1][3]) + float(km[k] - km[int(runs[-1][1])])
            runs[-1][1] = k
        else:
            runs.append([k, k, int(cc[k]), 0.0])
    merged: list[list[int | float]] = []
    for index, run in enumerate(runs):
        short = float(run[3]) < NOISE_KM
        between = (0 < index < len(runs) - 1 and merged
                   and merged[-1][2] == runs[index + 1][2])
        if merged and (merged[-1][2] == run[2] or (short and between)):
            merged[-1][1] = run[1]
            merged[-1][3] = float(merged[-1][3]) + float(run[3])
        else:
            merged.append(list(run))
    return [(int(a[1]), int(b[0]), int(a[2]), int(b[2]))
            for a, b in itertools.pairwise(merged)]


def _near_borders(lines: Sequence[Sequence[Point]],
                  pairs: set[frozenset[str]]) -> npt.NDArray[np.bool_]:
    """Which lines come within about 10 km of a border of these pairs of countries."""
    import shapely

    from movemap.routing.countries import _table

    tree, table, _ = _table()
    zones = []
    for pair in pairs:
        a, b = (tree.geometries[table.index(code)] for code in sorted(pair))
        zones.append(shapely.intersection(shapely.buffer(a, 0.1), shapely.buffer(b, 0.1)))
    geoms = np.array([shapely.LineString(line) for line in lines], dtype=object)
    hit = shapely.STRtree(geoms).query(zones, predicate="intersects")[1]
    out = np.zeros(len(lines), dtype=bool)
    out[hit] = True
    return out


def cut_at_borders(lines: Sequence[Sequence[Point]], classes: Sequence[str], network: str,
                   crossings: Sequence[Crossing]) -> tuple[list[list[Point]], list[str],
                                                           list[tuple[str, Point]]]:
    """The lines cut wherever they cross a border the table covers whole, other than at one
    of its open crossings; with the cuts made (``"KP RU"``, point)."""
    from movemap.routing.countries import codes, countries_at
    from movemap.routing.geodesic import GEOD

    mine = [c for c in crossings if c.network == network]
    whole = {c.countries for c in mine if c.whole_border}
    if not whole:
        return [list(line) for line in lines], list(classes), []
    table = codes()
    open_points = {pair: np.array([c.point for c in mine if c.open and c.countries == pair])
                   for pair in whole}
    near = _near_borders(lines, whole)
    out_lines: list[list[Point]] = []
    out_classes: list[str] = []
    cuts: list[tuple[str, Point]] = []
    for number, (line, cls) in enumerate(zip(lines, classes, strict=True)):
        if not near[number]:
            out_lines.append(list(line))
            out_classes.append(cls)
            continue
        xy = _dense(line)
        cc = countries_at(xy)
        steps = np.asarray(GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])[2]) / 1000
        km = np.concatenate([[0.0], np.cumsum(steps)])
        cut_at: list[tuple[int, int]] = []
        for last_a, first_b, a, b in _crossings_of(xy, cc, km):
            pair = frozenset((table[a], table[b]))
            if pair not in whole:
                continue
            mid = (xy[last_a] + xy[first_b]) / 2
            known = open_points[pair]
            if len(known):
                far = np.asarray(GEOD.inv(np.full(len(known), mid[0]),
                                          np.full(len(known), mid[1]),
                                          known[:, 0], known[:, 1])[2]) / 1000
                if float(far.min()) <= MATCH_KM:
                    continue
            lo, hi = last_a, first_b
            while float(np.hypot(*(xy[hi] - xy[lo]))) < GAP_DEGREES and (lo > 0 or
                                                                        hi < len(xy) - 1):
                lo, hi = max(lo - 1, 0), min(hi + 1, len(xy) - 1)
            cut_at.append((lo, hi))
            cuts.append((" ".join(sorted(pair)), (round(float(mid[0]), 3),
                                                  round(float(mid[1]), 3))))
        if not cut_at:
            out_lines.append(list(line))
            out_classes.append(cls)
            continue
        start = 0
        for lo, hi in cut_at:
            if lo > start:
                out_lines.append([(float(x), float(y)) for x, y in xy[start: lo + 1]])
                out_classes.append(cls)
            start = max(start, hi)
        if start < len(xy) - 1:
            out_lines.append([(float(x), float(y)) for x, y in xy[start:]])
            out_classes.append(cls)
    return out_lines, out_classes, cuts
