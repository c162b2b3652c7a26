"""Searoute's ports layer puts some ports far from the port they name (Reggio Calabria's in
Sicily, Gibraltar's in Andalusia, Çeşme's near İzmir); ``geo/places.csv`` moves them to the
harbour (rows ``port:<LOCODE>`` with no name of their own)."""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer, Kind
from movemap.routing.geodesic import geodesic_km


@pytest.mark.parametrize(("query", "harbour"), [
    ("port of Reggio Calabria", (15.650, 38.123)),  # on the mainland, not across the strait
    ("port of Gibraltar", (-5.360, 36.145)),         # on the Rock, not in Andalusia
    ("Çeşme port", (26.302, 38.324)),                # at Çeşme, not at İzmir, 70 km east
])
def test_a_corrected_port_is_at_its_harbour(gazetteer: Gazetteer, query: str,
                                            harbour: tuple[float, float]) -> None:
    found = gazetteer.resolve(query)
    assert found.place.kind is Kind.PORT, found.best.why()
    assert geodesic_km(found.place.lon, found.place.lat, *harbour) < 3, found.best.why()
