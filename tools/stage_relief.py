"""Stage ``geo/relief.npy``: the local relief of the land, for the winding of mountain roads.

Run with ``python tools/stage_relief.py PATH/TO/Altitude.h5``. The input is the coarse
world altitude map pvlib ships (``pvlib/data/Altitude.h5``, pvlib 0.16.1: 2160 x 4320 cells
of 1/12 degree from 90 N and 180 W, altitude in 28 m steps from -450 m, 255 for no data),
itself Mapzen's terrain tiles (SRTM, ETOPO1, GMTED, EU-DEM and national models) aggregated.
Reading it needs ``h5py`` (not a dependency of movemap: ``pip install h5py`` to restage).

The output keeps one number per cell (a plain ``.npy`` array, uint8, which routing maps into
memory rather than decompressing: about 9 MB on disk, under 2 MB in git and the wheel), in
the same 28 m steps: the highest altitude minus
the lowest among the cell and its eight neighbours (a window of about 25 km), no data
counting as sea level. Roads wind with the ruggedness of the ground, not its height: the
Altiplano is high and flat, the Balkans low and rugged (``routing.relief``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

OUT = Path(__file__).resolve().parent.parent / "geo" / "relief.npy"
NO_DATA = 255
SEA_LEVEL_STEP = 16  # 16 x 28 m - 450 m = -2 m: where the map has no data
SHAPE = (2160, 4320)


def local_relief(altitude: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """Max minus min over each cell's 3 x 3 window (rows clipped at the poles, columns
    wrapped round the antimeridian), in the input's steps."""
    steps = np.where(altitude == NO_DATA, SEA_LEVEL_STEP, altitude).astype(np.int16)
    padded = np.pad(steps, ((1, 1), (0, 0)), mode="edge")
    padded = np.concatenate([padded[:, -1:], padded, padded[:, :1]], axis=1)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (3, 3))
    relief = windows.max(axis=(2, 3)) - windows.min(axis=(2, 3))
    return relief.astype(np.uint8)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("altitude", type=Path, help="pvlib's data/Altitude.h5")
    args = parser.parse_args(argv)
    import h5py

    with h5py.File(args.altitude, "r") as f:
        altitude = np.asarray(f["Altitude"][:], dtype=np.uint8)
    if altitude.shape != SHAPE:
        raise SystemExit(f"{args.altitude}: expected a {SHAPE} grid, found {altitude.shape}")
    np.save(OUT, local_relief(altitude))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
