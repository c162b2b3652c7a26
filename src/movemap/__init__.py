"""movemap: reports of troop movements to accurate, dated, interactive maps, offline.

The public API (loaded on first use, so that ``import movemap.routing`` does not pay for the
gazetteer)::

    >>> import movemap
    >>> movemap.resolve("Чхонджин").name
    'Chongjin'
    >>> movemap.read_dataset("layers/dprk-russia-2024.yaml").name
    'dprk-russia-2024'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from movemap.errors import MovemapError, OverlayError, PlaceNotFoundError

if TYPE_CHECKING:
    from movemap.gazetteer import (
        Candidate,
        Gazetteer,
        Kind,
        Method,
        Place,
        Resolution,
        resolve,
    )
    from movemap.io import DatasetError, read_dataset, write_dataset
    from movemap.model import Dataset, Leg, Mode, PlaceRef, Source, Station, Status, Unit
    from movemap.routing import Route, route

_LAZY = {
    **dict.fromkeys(
        ["Candidate", "Gazetteer", "Kind", "Method", "Place", "Resolution", "resolve"],
        "movemap.gazetteer"),
    **dict.fromkeys(["DatasetError", "read_dataset", "write_dataset"], "movemap.io"),
    **dict.fromkeys(["Dataset", "Leg", "Mode", "PlaceRef", "Source", "Station", "Status",
                     "Unit"], "movemap.model"),
    **dict.fromkeys(["Route", "route"], "movemap.routing"),
}

__all__ = [
    "Candidate",
    "Dataset",
    "DatasetError",
    "Gazetteer",
    "Kind",
    "Leg",
    "Method",
    "Mode",
    "MovemapError",
    "OverlayError",
    "Place",
    "PlaceNotFoundError",
    "PlaceRef",
    "Resolution",
    "Route",
    "Source",
    "Station",
    "Status",
    "Unit",
    "__version__",
    "read_dataset",
    "resolve",
    "route",
    "write_dataset",
]


def _version() -> str:
    # importlib.metadata costs some 45 ms to import: paid only when the version is asked for
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("movemap")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'movemap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
