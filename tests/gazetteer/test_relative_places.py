"""A place given by another: "20 km east of Pokrovsk", "near Kupiansk", "the outskirts of X".

Front-line reports place a strike, a camp or the line itself by the nearest town. The offset
is a point of its own (a site at that distance and bearing, measured on the sphere), ranked
as the town it is measured from; "near", "outside" and "the outskirts of" give the town.
"""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer
from movemap.gazetteer.parts import offset_from, split_derived_id
from movemap.gazetteer.place import Kind, Place
from movemap.sphere import haversine_km

OFFSETS = [
    # as written, the town it is measured from, km, bearing (degrees)
    ("20 km east of Pokrovsk", "Pokrovsk", 20.0, 90.0),
    ("15 km north of Bakhmut", "Bakhmut", 15.0, 0.0),
    ("about 2.5 km NE of Bakhmut", "Bakhmut", 2.5, 45.0),
    ("some 30 kilometres south-west of Kharkiv", "Kharkiv", 30.0, 225.0),
    ("10 miles west of Bastogne", "Bastogne", 16.1, 270.0),
    ("30 nautical miles north of Wonsan", "Wonsan", 55.6, 0.0),
    ("500 m southeast of Robotyne", "Robotyne", 0.5, 135.0),
]


def _bearing(a: Place, b: Place) -> float:
    import math

    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    y = math.sin(dl) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360.0


@pytest.mark.parametrize(("name", "town", "km", "bearing"), OFFSETS, ids=[o[0] for o in OFFSETS])
def test_an_offset_is_that_far_and_that_way_from_the_town(
    gazetteer: Gazetteer, name: str, town: str, km: float, bearing: float,
) -> None:
    found = gazetteer.resolve(name)
    point, anchor = found.place, gazetteer.resolve(town).place
    assert point.kind is Kind.SITE and point.country == anchor.country
    assert haversine_km(anchor.lat, anchor.lon, point.lat, point.lon) == pytest.approx(km, abs=0.1)
    assert abs((_bearing(anchor, point) - bearing + 180) % 360 - 180) < 1.0
    # the id makes it again
    assert gazetteer.get(point.id) == point


def test_an_offset_keeps_its_towns_namesakes_apart_by_context(gazetteer: Gazetteer) -> None:
    # Pokrovsk alone may be a Russian one; beside Kramatorsk and Donetsk it is the Ukrainian
    answers = gazetteer.resolve_all(["20 km east of Pokrovsk", "Kramatorsk", "Donetsk"])
    assert answers[0].place.country == "UA" and answers[0].place.admin1 == "Donetsk Oblast"
    # and a qualifier inside it still decides
    texas = gazetteer.resolve("5 km south-east of Paris, Texas").place
    assert texas.country == "US" and texas.admin1 == "Texas"


@pytest.mark.parametrize("name", ["near Kupiansk", "on the outskirts of Avdiivka",
                                  "outside Kharkiv", "in the vicinity of Izium",
                                  "close to Vuhledar"])
def test_near_a_town_is_the_town(gazetteer: Gazetteer, name: str) -> None:
    town = name.rsplit(" ", 1)[-1]
    assert gazetteer.resolve(name).place == gazetteer.resolve(town).place


def test_names_that_only_look_like_phrases_are_read_as_written(gazetteer: Gazetteer) -> None:
    # a name of its own wins over the phrase it resembles
    assert gazetteer.resolve("Near East").place.kind is not Kind.CITY
    # an offset from an area's centre is no point: not found, not a guess
    assert not gazetteer.resolve("10 km north of Crimea").found
    # an offset too far to be one
    assert not gazetteer.resolve("5000 km north of Kyiv").found


def test_offset_ids_round_trip() -> None:
    town = Place("geonames:1", "Izium", 49.2, 37.3, "UA", "Kharkiv", Kind.CITY, 45000, "g")
    point = offset_from(town, 12.5, "southwest")
    assert split_derived_id(point.id) == ("geonames:1", "12.5km-southwest")
    assert split_derived_id("geonames:1#12km-up") is None
