"""Where the reference geodata shipped with movemap lives (the ``geo/`` folder).

In an installed package the folder is ``movemap/geo``; in a source checkout it is ``geo/`` at
the repository root. Nothing here reads the files: callers open what they need.
"""

from __future__ import annotations

from pathlib import Path

from movemap.errors import DataMissingError

__all__ = ["geo_dir", "geo_path"]


def geo_dir() -> Path:
    """The folder of shipped geodata."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "geo", here.parent.parent / "geo"):
        if (candidate / "places.csv").is_file():
            return candidate
    raise DataMissingError(f"movemap's geodata folder is missing (looked in {here / 'geo'}); "
                       "reinstall movemap")


def geo_path(name: str) -> Path:
    """The path of one shipped geodata file, by file name."""
    path = geo_dir() / name
    if not path.is_file():
        raise DataMissingError(f"movemap's geodata file {name!r} is missing; reinstall movemap",
                           path=str(path))
    return path
