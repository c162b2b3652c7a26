"""Names that say their kind in other languages, and a kind asked of a whole region.

"Flughafen Tegel", "aéroport de Bordeaux", "İncirlik Hava Üssü", "부산항" and "순안국제비행장"
name an airport, an air base or a port as their countries write them (Korean, Chinese and
Japanese join the kind word to the name). A town whose own name begins or ends with such a
word (Puerto de la Cruz, 포항 Pohang) stays the town. "X bridge" for a region X names no
bridge: the region stands for it, flagged, not the bridge nearest its centre.
"""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer
from movemap.gazetteer.place import Kind
from movemap.sphere import haversine_km

FEATURES = [
    ("Flughafen Tegel", Kind.AIRPORT, (52.560, 13.288)),
    ("aeropuerto de Barajas", Kind.AIRPORT, (40.494, -3.567)),
    ("port de Marseille", Kind.PORT, (43.292, 5.355)),
    ("İncirlik Hava Üssü", Kind.AIRBASE, (37.002, 35.426)),
    ("청진항", Kind.PORT, (41.760, 129.810)),
    ("부산항", Kind.PORT, (35.098, 129.036)),
    ("순안국제비행장", Kind.AIRPORT, (39.224, 125.670)),
]


@pytest.mark.parametrize(("name", "kind", "truth"), FEATURES, ids=[f[0] for f in FEATURES])
def test_a_kind_word_of_another_language_names_the_feature(
    gazetteer: Gazetteer, name: str, kind: Kind, truth: tuple[float, float],
) -> None:
    place = gazetteer.resolve(name).place
    assert place.kind is kind, place
    assert haversine_km(place.lat, place.lon, *truth) < 15


@pytest.mark.parametrize(("name", "country"), [("Puerto de la Cruz", "ES"),
                                                ("Port de Pollença", "ES"), ("포항", "KR"),
                                                ("Port Said", "EG")])
def test_a_town_named_with_such_a_word_stays_the_town(gazetteer: Gazetteer, name: str,
                                                      country: str) -> None:
    place = gazetteer.resolve(name).place
    assert place.kind is Kind.CITY and place.country == country


@pytest.mark.parametrize("name", ["Normandy bridge", "Pont de Normandie", "Texas port"])
def test_a_kind_asked_of_a_region_is_the_region_flagged(gazetteer: Gazetteer,
                                                        name: str) -> None:
    found = gazetteer.resolve(name)
    assert found.place.kind is Kind.REGION
    assert not found.confident and found.best.doubt


def test_x_airport_with_none_so_named_is_the_nearby_one_that_bears_xs_name(
    gazetteer: Gazetteer,
) -> None:
    # no airport is called "Kursk airport": Kursk East (Vostok), not the Ryshkovo airfield
    # that lies nearer the town's centre
    found = gazetteer.resolve("Kursk airport")
    assert found.place.name == "Kursk East Airport" and found.place.kind is Kind.AIRPORT
