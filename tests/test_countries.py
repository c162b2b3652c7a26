"""Country codes read from Natural Earth: Namibia's "NA" is null in its GeoJSON (read as "not
available" on the way), and every use of the code must still find Namibia."""

from __future__ import annotations

import pytest

from movemap.countries import natural_earth_code
from movemap.gazetteer import Gazetteer
from movemap.model import Mode
from movemap.routing import route
from movemap.routing.countries import codes, country_of_end


@pytest.mark.parametrize(("props", "code"), [
    ({"iso_a2_eh": "RU", "iso_a2": "RU", "iso_a3_eh": "RUS"}, "RU"),
    ({"iso_a2_eh": None, "iso_a2": "-99", "iso_a3_eh": "FRA"}, "FR"),  # NE's France: -99
    ({"iso_a2_eh": None, "iso_a3_eh": "NAM", "adm0_a3": "NAM"}, "NA"),  # a country
    ({"iso_a2": None, "iso_3166_2": "NA-KH", "adm1_code": "NAM-1"}, "NA"),  # a region
    ({"iso_a2_eh": None, "iso_a3_eh": None, "adm0_a3": "SOL"}, None),  # Somaliland: no code
])
def test_the_code_of_a_natural_earth_feature(props: dict[str, str | None],
                                             code: str | None) -> None:
    assert natural_earth_code(props) == code


def test_routing_knows_namibia_by_its_code() -> None:
    assert "NA" in codes() and "NAM" not in codes()
    windhoek, cape_town, lubango = (17.08, -22.56), (18.42, -33.92), (13.49, -14.92)
    assert country_of_end(windhoek) == "NA"
    # Cape Town to southern Angola by road crosses Namibia: named as transit, it is no stray
    r = route([cape_town, lubango], Mode.ROAD, labels=["Cape Town", "Lubango"], through=["NA"])
    assert not r.approximate and r.warnings == ()


def test_namibias_regions_are_in_namibia(gazetteer: Gazetteer) -> None:
    for name in ("Khomas", "Erongo"):
        found = gazetteer.resolve(name).place
        assert (found.kind.value, found.country) == ("region", "NA"), name
