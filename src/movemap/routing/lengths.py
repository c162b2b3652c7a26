"""Ground lengths of network lines: how much longer the ground's track is than the drawn line.

A line drawn through a few stations is shorter than the track it stands for. Natural Earth's
generalised lines are counted ``GENERALISED`` times their drawn length. movemap's additions
(``geo/rail_additions.geojson``, ``geo/road_additions.geojson``) are drawn through main
stations only, and fall shorter: ``geo/addition_lengths.csv`` gives the documented length of
an addition (network, name, length_km, source), and each of its edges counts
``length_km / drawn length`` times its drawn length instead (its *stretch*), in both the
network's costs and a route's length.

A row whose name is no addition's, a length that is not a number, or a stretch outside
``MIN_STRETCH`` to ``MAX_STRETCH`` (a length documented for another stretch of line, or a
drawing gone wrong) is a :class:`~movemap.errors.NetworkError` with the file and line.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from pathlib import Path

from movemap.errors import NetworkError
from movemap.textfile import read_text

__all__ = [
    "GENERALISED",
    "LENGTHS_FILE",
    "MAX_STRETCH",
    "MIN_STRETCH",
    "drawn_km",
    "read_lengths",
    "stretches",
]

# A Natural Earth line's ground length per drawn km: generalisation at 1:10m cuts bends (most
# in mountains, where a pass is one straight stretch). The figure is the median ratio of
# documented to drawn length over the realism set's development routes when it was chosen
# (1.029 over 97 rail and road routes: 1.024 rail, 1.04 road).
GENERALISED = 1.03
MIN_STRETCH = 0.8
MAX_STRETCH = 1.6
LENGTHS_FILE = "addition_lengths.csv"
NETWORKS = ("rail", "road")
_COLUMNS = ("network", "name", "length_km", "source")

Point = tuple[float, float]


def drawn_km(path: str | Path) -> dict[str, float]:
    """The drawn length (km, geodesic) of each named feature of a GeoJSON file of lines."""
    from movemap.routing.network import read_named_features

    out: dict[str, float] = {}
    for line, _, name in read_named_features(path):
        if name:
            out[name] = out.get(name, 0.0) + _km(line)
    return out


def read_lengths(path: str | Path, drawn: dict[str, dict[str, float]]) -> dict[
        str, dict[str, float]]:
    """The documented length (km) of additions, by network and name, from a CSV file
    (``#`` lines are comments); ``drawn`` is each network's drawn length by feature name
    (the rows of networks not in it are skipped)."""
    path = Path(path)
    text = read_text(path, NetworkError)
    out: dict[str, dict[str, float]] = {name: {} for name in drawn}
    rows = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        if not row or row[0].startswith("#"):
            continue
        if header is None:
            header = [c.strip() for c in row]
            missing = [c for c in _COLUMNS if c not in header]
            if missing:
                raise NetworkError(f"no column {', '.join(missing)}", path=str(path),
                                   line=number)
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        network, name = cells.get("network", ""), cells.get("name", "")
        if network not in NETWORKS:
            raise NetworkError(f"network {network!r} is not rail or road",
                               path=str(path), line=number, field="network")
        if network not in drawn:
            continue  # the other network's rows: its own build checks them
        if name not in drawn[network]:
            raise NetworkError(f"no {network} addition is named {name!r}", path=str(path),
                               line=number, field="name")
        try:
            km = float(cells.get("length_km", ""))
        except ValueError:
            km = math.nan
        if not math.isfinite(km) or km <= 0:
            raise NetworkError(f"length_km {cells.get('length_km')!r} is not a length in km",
                               path=str(path), line=number, field="length_km")
        if not cells.get("source"):
            raise NetworkError(f"the length of {name!r} has no source", path=str(path),
                               line=number, field="source")
        stretch = km / drawn[network][name]
        if not MIN_STRETCH <= stretch <= MAX_STRETCH:
            raise NetworkError(
                f"{name!r} is documented as {km:g} km but drawn {drawn[network][name]:.0f} km "
                f"(x{stretch:.2f}, outside {MIN_STRETCH:g} to {MAX_STRETCH:g})",
                path=str(path), line=number, field="length_km")
        if name in out[network]:
            raise NetworkError(f"{name!r} has two rows", path=str(path), line=number,
                               field="name")
        out[network][name] = km
    return out


def stretches(network: str, additions: Sequence[Path], table: Path) -> dict[str, float]:
    """Each documented addition of ``network`` (by name) with its stretch: documented length
    per drawn km."""
    drawn: dict[str, float] = {}
    for path in additions:
        drawn.update(drawn_km(path))
    documented = read_lengths(table, {network: drawn})
    return {name: km / drawn[name] for name, km in documented[network].items()}


def _km(line: Sequence[Point]) -> float:
    from movemap.routing.geodesic import GEOD

    xs, ys = [p[0] for p in line], [p[1] for p in line]
    return float(GEOD.line_length(xs, ys)) / 1000

