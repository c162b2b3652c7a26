"""The documented lengths of network additions (``geo/addition_lengths.csv``,
``routing.lengths``): an addition counts its documented length, not its shorter drawing."""

from __future__ import annotations

import csv
import json
from itertools import pairwise
from pathlib import Path

import pytest

from movemap.errors import NetworkError
from movemap.geodata import geo_path
from movemap.model import Mode
from movemap.routing import GENERALISED, route
from movemap.routing.geodesic import geodesic_km
from movemap.routing.lengths import LENGTHS_FILE, drawn_km, read_lengths
from movemap.routing.network import Network

Point = tuple[float, float]
# an invented network: a straight line east along the equator and a bowed one beside it
WEST, EAST = (10.0, 0.0), (11.0, 0.0)
STRAIGHT = [WEST, (10.5, 0.0), EAST]
BOWED = [WEST, (10.5, 0.4), EAST]


def _km(line: list[Point]) -> float:
    return sum(geodesic_km(a[0], a[1], b[0], b[1]) for a, b in pairwise(line))


def test_a_stretched_line_counts_its_ground_length_in_cost_and_length() -> None:
    """A line whose documented length is 1.5 times its drawing costs and measures 1.5 times
    its drawn km; the bowed line beside it (1.3 times as long drawn, ``GENERALISED``) is then
    the cheaper way, and measures its drawn km times ``GENERALISED``."""
    plain = Network.from_lines([STRAIGHT], snap_km=5.0)
    path = plain.path(WEST, EAST)
    assert not isinstance(path, str)
    assert plain.ground_km(path) == pytest.approx(_km(STRAIGHT) * GENERALISED, rel=1e-6)

    stretched = Network.from_lines([STRAIGHT], snap_km=5.0, stretch=[1.5])
    path = stretched.path(WEST, EAST)
    assert not isinstance(path, str)
    assert stretched.ground_km(path) == pytest.approx(_km(STRAIGHT) * 1.5, rel=1e-6)

    both = Network.from_lines([STRAIGHT, BOWED], snap_km=5.0, stretch=[1.5, GENERALISED])
    path = both.path(WEST, EAST)
    assert not isinstance(path, str)
    assert max(y for _, y in path) > 0.3  # the bowed line
    assert both.ground_km(path) == pytest.approx(_km(BOWED) * GENERALISED, rel=1e-6)


def test_a_route_along_a_documented_addition_counts_its_documented_length() -> None:
    """A rail route from one end of a documented addition to the other (Iran's line north
    from Bafq by Tabas, drawn through its main stations only) is as long as the table says, not its
    drawing times ``GENERALISED``."""
    features = json.loads(geo_path("rail_additions.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in features["features"]
                   if f["properties"]["name"].startswith("Bafq - Tabas"))
    with geo_path(LENGTHS_FILE).open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        km = next(float(r["length_km"]) for r in rows
                  if r["name"] == feature["properties"]["name"])
    coords = feature["geometry"]["coordinates"]
    r = route([tuple(coords[0]), tuple(coords[-1])], Mode.RAIL)
    assert not r.warnings
    assert r.length_km == pytest.approx(km, rel=0.01)
    assert r.line_km * GENERALISED < 0.9 * km  # the drawing alone fell short


def test_a_road_addition_counts_its_documented_length_over_the_winding_of_the_relief() -> None:
    """Manali - Leh by the Atal tunnel is about 380 km (428 by the Rohtang pass, less 46):
    the highway's drawing, a point every 15-20 km over four passes, made it 313; with its
    documented length it is the road's length (a documented addition takes no winding)."""
    manali, leh = (77.1887, 32.2396), (77.584, 34.165)
    r = route([manali, leh], Mode.ROAD)
    assert not r.warnings
    assert 360 < r.length_km < 410


def test_every_row_of_the_table_names_an_addition_and_gives_its_source() -> None:
    drawn = {net: drawn_km(geo_path(f"{net}_additions.geojson")) for net in ("rail", "road")}
    documented = read_lengths(geo_path(LENGTHS_FILE), drawn)
    assert len(documented["rail"]) >= 20 and len(documented["road"]) >= 10


DRAWN = {"rail": {"Somewhere - Elsewhere line": 100.0}, "road": {}}
HEADER = "network,name,length_km,source\n"


@pytest.mark.parametrize(("row", "field"), [
    ("rail,Nowhere - Elsewhere line,120,a timetable", "name"),
    ("rail,Somewhere - Elsewhere line,about 120,a timetable", "length_km"),
    ("rail,Somewhere - Elsewhere line,-5,a timetable", "length_km"),
    ("rail,Somewhere - Elsewhere line,175,a timetable", "length_km"),   # x1.75: too long
    ("rail,Somewhere - Elsewhere line,70,a timetable", "length_km"),    # x0.7: too short
    ("rail,Somewhere - Elsewhere line,120,", "source"),
    ("tram,Somewhere - Elsewhere line,120,a timetable", "network"),
])
def test_a_bad_row_is_an_error_with_file_and_line(tmp_path: Path, row: str, field: str) -> None:
    table = tmp_path / "lengths.csv"
    table.write_text(f"# a comment\n{HEADER}{row}\n", encoding="utf-8")
    with pytest.raises(NetworkError) as caught:
        read_lengths(table, DRAWN)
    assert caught.value.path == str(table)
    assert caught.value.line == 3
    assert caught.value.field == field


def test_a_good_row_gives_the_length_and_the_other_networks_rows_are_left(
        tmp_path: Path) -> None:
    table = tmp_path / "lengths.csv"
    table.write_text(f"{HEADER}rail,Somewhere - Elsewhere line,120,a timetable\n"
                     "road,Any road,50,a road atlas\n", encoding="utf-8")
    assert read_lengths(table, {"rail": DRAWN["rail"]}) == {
        "rail": {"Somewhere - Elsewhere line": 120.0}}
