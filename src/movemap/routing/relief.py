"""Winding of roads in rugged country: how much longer a mountain road is than its line.

Natural Earth's 1:10m roads leave out the hairpins and valley bends of a mountain road, so a
road over the Andes or up the Indus counts 15-30 % short, while a road across a plain is
drawn nearly as long as it is. The ground's ruggedness, not its height, is what makes a road
wind: ``geo/relief.npy`` gives, for each cell of 1/12 degree, the highest altitude minus
the lowest over the 3 x 3 cells around it, about 25 km across (``tools/stage_relief.py``).
A road stretch counts its ``GENERALISED`` length times ``winding`` of the relief where it
lies: 1 up to ``FLAT_M`` of relief, then its class's slope more per km of relief above it.
An ordinary road (``WINDING_PER_KM``: 1.2 at 1,300 m) winds round the ground it crosses; a
freeway (``ENGINEERED_CLASSES``) is cut, bridged and tunnelled through it, and Natural Earth
draws it close to its course (``ENGINEERED_PER_KM``: no winding). A major highway winds
like any road: the national highways of the Himalaya and the Andes are major highways in
Natural Earth. On the development cases of ``benchmarks/realism_bench.py`` the split fits a
little better than one slope for every road (the mean error of the road routes' lengths
5.7 % against 5.9 %): the Cuernavaca autopista does not wind as the Kathmandu road does.

A railway winds less: it climbs at a few per mille, by long loops and horseshoe curves up
an escarpment rather than hairpins (the Usambara line to Nairobi's plateau, the Parahyangan
line to Bandung), and a main line (``ENGINEERED_CLASSES``) is cut and tunnelled through.
Every other railway takes ``RAILWAY_WINDING_PER_KM`` (1.1 at 1,300 m): on the development
cases of ``benchmarks/realism_bench.py`` (235 rail routes) it gives the least mean error of
the rail routes' lengths (3.94 % against 4.09 % with none, 4.05 % with the roads' slope).
Documented additions count their documented length and take no winding.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from movemap.errors import DataMissingError

__all__ = ["ENGINEERED_CLASSES", "ENGINEERED_PER_KM", "FLAT_M", "RAILWAY_WINDING_PER_KM",
           "RELIEF_FILE", "WINDING_PER_KM", "class_slope", "ordinary_slope", "relief_m",
           "winding"]

RELIEF_FILE = "relief.npy"
FLAT_M = 300.0  # relief (m) up to which a road is drawn as long as it winds
WINDING_PER_KM = 0.2  # an ordinary road's extra ground length per drawn km, per km of
                      # relief above FLAT_M
ENGINEERED_PER_KM = 0.0  # the same for a freeway
RAILWAY_WINDING_PER_KM = 0.1  # the same for a railway that is not a main line
# the line classes (``network.CLASS_COST``) of roads built through the relief, not round it
# (the main railway lines too)
ENGINEERED_CLASSES = frozenset({"freeway", "main"})
STEP_M = 28.0  # the grid's unit
CELLS_PER_DEGREE = 12


@cache
def _grid() -> npt.NDArray[np.uint8]:
    from movemap.geodata import geo_path

    path = geo_path(RELIEF_FILE)
    try:
        # mapped, not read: a route samples a few cells of the 9 MB grid
        grid = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, EOFError, ValueError) as exc:
        raise DataMissingError(f"movemap's relief grid cannot be read ({exc}); reinstall "
                               "movemap", path=str(path)) from exc
    if (grid.shape != (180 * CELLS_PER_DEGREE, 360 * CELLS_PER_DEGREE)
            or grid.dtype != np.uint8):
        raise DataMissingError(f"movemap's relief grid is a {grid.shape} array of "
                               f"{grid.dtype}; reinstall movemap", path=str(path))
    # a plain array over the mapped file: indexing the np.memmap subclass costs more
    out: npt.NDArray[np.uint8] = np.asarray(grid)
    return out


def _cells(lon: npt.ArrayLike, lat: npt.ArrayLike) -> npt.NDArray[np.uint8]:
    """The grid's values (in ``STEP_M``) at these points: one look-up for all of them."""
    grid = _grid()
    lon_a = np.asarray(lon, dtype=float)
    lat_a = np.asarray(lat, dtype=float)
    rows = np.clip(((90.0 - lat_a) * CELLS_PER_DEGREE).astype(np.int64), 0, grid.shape[0] - 1)
    cols = (np.floor((lon_a + 180.0) * CELLS_PER_DEGREE).astype(np.int64)) % grid.shape[1]
    out: npt.NDArray[np.uint8] = grid.ravel().take(rows * grid.shape[1] + cols)
    return out


@cache
def _above_km() -> npt.NDArray[np.float64]:
    """The relief above ``FLAT_M`` (km) of each of the grid's 256 values."""
    out: npt.NDArray[np.float64] = np.maximum(np.arange(256) * STEP_M - FLAT_M, 0.0) / 1000.0
    return out


def class_slope(line_class: str | None, railway: bool = False) -> float:
    """The winding slope of a line class: ``ENGINEERED_PER_KM`` for the engineered classes,
    ``ordinary_slope`` for any other (or none)."""
    return ENGINEERED_PER_KM if line_class in ENGINEERED_CLASSES else ordinary_slope(railway)


def ordinary_slope(railway: bool = False) -> float:
    """The winding slope of an ordinary line: ``RAILWAY_WINDING_PER_KM`` of a railway,
    ``WINDING_PER_KM`` of a road."""
    return RAILWAY_WINDING_PER_KM if railway else WINDING_PER_KM


def relief_m(lon: npt.ArrayLike, lat: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """The local relief (m) of the cells holding these points.

    Examples
    --------
    >>> relief_m([-30.0], [40.0]).tolist()  # the open Atlantic
    [0.0]
    """
    out: npt.NDArray[np.float64] = _cells(lon, lat).astype(float) * STEP_M
    return out


def winding(lon: npt.ArrayLike, lat: npt.ArrayLike,
            slope: npt.ArrayLike = WINDING_PER_KM) -> npt.NDArray[np.float64]:
    """A road's ground length per generalised km where it passes these points, for roads
    of this winding slope (one, or one per point: ``class_slope``).

    Examples
    --------
    >>> [round(float(w), 2) for w in winding([20.3, 11.3], [47.2, 47.0])]  # plain, Alps
    [1.0, 1.12]
    >>> [round(float(w), 2) for w in winding([11.3], [47.0], ENGINEERED_PER_KM)]
    [1.0]
    """
    # read from a table of the grid's 256 values: a road's path has hundreds of segments
    out: npt.NDArray[np.float64] = 1.0 + np.asarray(slope, dtype=float) * _above_km().take(
        _cells(lon, lat))
    return out
