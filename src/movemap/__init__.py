"""movemap: reports of troop movements to accurate, dated, interactive maps, offline.

The public API::

    >>> import movemap
    >>> movemap.resolve("Чхонджин").name
    'Chongjin'
"""

from importlib.metadata import PackageNotFoundError, version

from movemap.errors import MovemapError, OverlayError, PlaceNotFoundError
from movemap.gazetteer import Candidate, Gazetteer, Kind, Method, Place, Resolution, resolve

try:
    __version__ = version("movemap")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "Candidate",
    "Gazetteer",
    "Kind",
    "Method",
    "MovemapError",
    "OverlayError",
    "Place",
    "PlaceNotFoundError",
    "Resolution",
    "__version__",
    "resolve",
]
