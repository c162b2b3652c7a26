"""Places derived from others by a rule: the part of an area a direction names ("eastern
Ukraine"), a district known only by its seat town ("Izium raion"), and a point at a distance
and bearing from a place ("20 km east of Pokrovsk").

A derived place keeps the id of the place it comes from with a suffix after ``#``
(``ne-admin0:UA#east``, ``geonames:707292#district``), so that ``Gazetteer.get`` can make it
again from that id alone.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from movemap.gazetteer.place import Kind, Place

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["BEARINGS", "DIRECTIONS", "DISTRICT_SUFFIX", "offset_from", "offset_of", "part_of",
           "seat_district", "split_derived_id"]

DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "central")
DISTRICT_SUFFIX = "district"
_ADJECTIVES = {"north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
               "northeast": "North-eastern", "northwest": "North-western",
               "southeast": "South-eastern", "southwest": "South-western",
               "central": "Central"}
# The share of the area's main outline a direction keeps, as fractions of its bounding box
# (west, south, east, north): a half for north, south, east and west, a quarter for the
# corners, the middle half each way for "central".
_BOXES = {
    "north": (0.0, 0.5, 1.0, 1.0), "south": (0.0, 0.0, 1.0, 0.5),
    "east": (0.5, 0.0, 1.0, 1.0), "west": (0.0, 0.0, 0.5, 1.0),
    "northeast": (0.5, 0.5, 1.0, 1.0), "northwest": (0.0, 0.5, 0.5, 1.0),
    "southeast": (0.5, 0.0, 1.0, 0.5), "southwest": (0.0, 0.0, 0.5, 0.5),
    "central": (0.25, 0.25, 0.75, 0.75),
}


BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
            "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0}
"""The bearing (degrees clockwise from north) of each direction an offset may take."""
_OFFSET_SUFFIX = re.compile(r"^(?P<km>\d+(?:\.\d+)?)km-(?P<direction>[a-z]+)$")


def split_derived_id(place_id: str) -> tuple[str, str] | None:
    """``(base id, suffix)`` of a derived place's id, or None for a plain id."""
    base, sep, suffix = place_id.rpartition("#")
    if not sep or not base:
        return None
    offset = _OFFSET_SUFFIX.match(suffix)
    if not (suffix in _BOXES or suffix == DISTRICT_SUFFIX
            or (offset is not None and offset["direction"] in BEARINGS)):
        return None
    return base, suffix


def offset_of(suffix: str) -> tuple[float, str] | None:
    """``(km, direction)`` of a derived id's suffix that names an offset (``20km-east``)."""
    match = _OFFSET_SUFFIX.match(suffix)
    if match is None or match["direction"] not in BEARINGS:
        return None
    return float(match["km"]), match["direction"]


def offset_from(place: Place, km: float, direction: str) -> Place:
    """The point ``km`` from a place in a direction, as a site of its own ("20 km east of
    Pokrovsk"): how reports place the front line, a strike or a camp by the nearest town.

    The point is found on the sphere (``sphere.destination``: within metres of the
    ellipsoid over the tens of km reports give). It keeps the place's country, first-level
    region and population, so that it ranks as the place it is measured from does (its
    namesakes are told apart the same way), and its id is the place's with the offset
    (``geonames:1#20km-east``), so that ``Gazetteer.get`` makes it again.

    >>> town = Place("geonames:1", "Izium", 49.2, 37.3, "UA", "Kharkiv", Kind.CITY, 45000, "g")
    >>> point = offset_from(town, 20, "east")
    >>> point.name, point.id, point.kind.value, round(point.lat, 3), round(point.lon, 3)
    ('20 km east of Izium', 'geonames:1#20km-east', 'site', 49.2, 37.575)
    """
    from movemap.sphere import destination

    lat, lon = destination(place.lat, place.lon, km, BEARINGS[direction])
    return dataclasses.replace(
        place, id=f"{place.id}#{km:g}km-{direction}",
        name=f"{km:g} km {direction} of {place.name}", lat=lat, lon=lon, kind=Kind.SITE,
        polygon=None)


def _main_part(polygon: BaseGeometry) -> BaseGeometry:
    """The largest polygon of a multipolygon (mainland Russia, the contiguous US)."""
    geoms = getattr(polygon, "geoms", None)
    if not geoms:
        return polygon
    return max(geoms, key=lambda g: g.area)


def part_of(area: Place, direction: str) -> Place | None:
    """The part of an area on the side a direction names, as an area of its own.

    The part is the area's outline cut by a box over its main polygon's bounding box (the
    northern half, the north-eastern quarter, the middle half for "central"): a rule that
    holds for any area, close to what "eastern Ukraine" or "northern Gaza" means in news.
    None when the area has no outline or the cut is empty.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> square = Place("x", "Square", 0.5, 0.5, "XX", None, Kind.COUNTRY, 10, "t", box(0, 0, 1, 1))
    >>> part = part_of(square, "east")
    >>> part.name, part.id, part.kind.value, part.polygon.bounds, part.population
    ('Eastern Square', 'x#east', 'region', (0.5, 0.0, 1.0, 1.0), 5)
    """
    import shapely
    from shapely.geometry import box

    if area.polygon is None or direction not in _BOXES:
        return None
    west, south, east, north = _main_part(area.polygon).bounds
    fw, fs, fe, fn = _BOXES[direction]
    width, height = east - west, north - south
    cut = box(west + fw * width, south + fs * height, west + fe * width, south + fn * height)
    part = shapely.intersection(area.polygon, cut)
    if part.is_empty or part.area <= 0:
        return None
    point = part.representative_point()
    # The part's share of the area's people, by its share of the outline (a rough estimate).
    population = None if area.population is None else round(
        area.population * part.area / area.polygon.area)
    kind = Kind.MACRO_REGION if area.kind in (Kind.MACRO_REGION, Kind.CONTINENT) else Kind.REGION
    return Place(
        id=f"{area.id}#{direction}", name=f"{_ADJECTIVES[direction]} {area.name}",
        lat=float(point.y), lon=float(point.x), country=area.country,
        admin1=area.admin1 if area.kind is not Kind.COUNTRY else None, kind=kind,
        population=population, source=area.source, polygon=part,
    )


def seat_district(town: Place) -> Place:
    """A district known only by the town it is named after: the town's point, as an area.

    Named "<town> district" whatever the word the text used (raion, county), so that the
    same district has one name and one id.

    >>> town = Place("geonames:1", "Izium", 49.2, 37.3, "UA", "Kharkiv", Kind.CITY, 45000, "g")
    >>> seat = seat_district(town)
    >>> seat.name, seat.id, seat.precision.value
    ('Izium district', 'geonames:1#district', 'area')
    """
    return dataclasses.replace(town, id=f"{town.id}#{DISTRICT_SUFFIX}",
                               name=f"{town.name} {DISTRICT_SUFFIX}", kind=Kind.DISTRICT,
                               polygon=None)
