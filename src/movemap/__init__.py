"""movemap: reports of troop movements to accurate, dated, interactive maps, offline.

The public API (each name loaded on first use, so that ``import movemap`` stays quick)::

    >>> import movemap
    >>> movemap.resolve("Чхонджин").name
    'Chongjin'
    >>> dataset = movemap.read_dataset("layers/dprk-russia-2024.yaml")
    >>> located = movemap.locate(dataset)        # every place resolved, every leg routed, once
    >>> frame = movemap.status(located, "2024-10-20")     # a GeoDataFrame, one row a unit
    >>> frame[["unit", "place"]].iloc[2].tolist()
    ['second-echelon', 'Vladivostok']
    >>> [(p.unit, p.place) for p in movemap.positions(located, "2024-10-20")][2]
    ('second-echelon', 'Vladivostok')

``status``, ``timeline``, ``positions``, ``events``, ``explore``, ``make_map``, ``write_map``,
``export_file`` and ``write_dataset`` (GeoJSON) take the located dataset, or a dataset they
locate once with the defaults. ``status`` and ``timeline`` answer with GeoDataFrames,
``positions`` and ``events`` with the same answers as records (``Position``, ``Event``);
``explore`` shows the map inline in a notebook.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from movemap.errors import (
    DataMissingError,
    DatasetError,
    DateError,
    InvalidValueError,
    MissingDependencyError,
    MovemapError,
    NetworkError,
    OverlayError,
    PlaceNotFoundError,
    ReportError,
    UnknownSourceError,
    UnknownUnitError,
    WriteError,
    YamlSyntaxError,
)

if TYPE_CHECKING:
    from movemap.export import export as export_file
    from movemap.frames import events, positions, status, timeline
    from movemap.gazetteer import (
        Candidate,
        Gazetteer,
        Kind,
        Method,
        Place,
        Resolution,
        resolve,
    )
    from movemap.io import write_dataset
    from movemap.located import Located, locate
    from movemap.model import Dataset, Leg, Mode, PlaceRef, Source, Station, Status, Unit
    from movemap.queries import Event, Position, select
    from movemap.render import make_map, write_map
    from movemap.render.inline import InlineMap, explore
    from movemap.routing import Networks, Route, route
    from movemap.validate import read_dataset

_LAZY = {
    **dict.fromkeys(
        ["Candidate", "Gazetteer", "Kind", "Method", "Place", "Resolution", "resolve"],
        "movemap.gazetteer"),
    **dict.fromkeys(["write_dataset"], "movemap.io"),
    **dict.fromkeys(["read_dataset"], "movemap.validate"),
    **dict.fromkeys(["Located", "locate"], "movemap.located"),
    **dict.fromkeys(["Event", "Position", "select"], "movemap.queries"),
    **dict.fromkeys(["events", "positions", "status", "timeline"], "movemap.frames"),
    **dict.fromkeys(["make_map", "write_map"], "movemap.render"),
    **dict.fromkeys(["InlineMap", "explore"], "movemap.render.inline"),
    **dict.fromkeys(["Dataset", "Leg", "Mode", "PlaceRef", "Source", "Station", "Status",
                     "Unit"], "movemap.model"),
    **dict.fromkeys(["Networks", "Route", "route"], "movemap.routing"),
}
# public name -> (module, name there), where the two differ
_RENAMED = {"export_file": ("movemap.export", "export")}

__all__ = [
    "Candidate",
    "DataMissingError",
    "Dataset",
    "DatasetError",
    "DateError",
    "Event",
    "Gazetteer",
    "InlineMap",
    "InvalidValueError",
    "Kind",
    "Leg",
    "Located",
    "Method",
    "MissingDependencyError",
    "Mode",
    "MovemapError",
    "NetworkError",
    "Networks",
    "OverlayError",
    "Place",
    "PlaceNotFoundError",
    "PlaceRef",
    "Position",
    "ReportError",
    "Resolution",
    "Route",
    "Source",
    "Station",
    "Status",
    "Unit",
    "UnknownSourceError",
    "UnknownUnitError",
    "WriteError",
    "YamlSyntaxError",
    "__version__",
    "events",
    "explore",
    "export_file",
    "locate",
    "make_map",
    "positions",
    "read_dataset",
    "resolve",
    "route",
    "select",
    "status",
    "timeline",
    "write_dataset",
    "write_map",
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
    if name in _LAZY or name in _RENAMED:
        module, attribute = _RENAMED.get(name, (_LAZY.get(name, ""), name))
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'movemap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
