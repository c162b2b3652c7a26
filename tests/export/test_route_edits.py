"""A route edited in a GIS tool (a vertex moved in the middle of a leg's line) comes back as
the leg's route, drawn by hand, and stays so: through GDAL's own writing of a GeoPackage and a
GeoJSON (pyogrio, as QGIS saves an edit), and a CSV's WKT."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from click.testing import CliRunner

from movemap.cli import cli
from movemap.export import export
from movemap.io import write_dataset
from movemap.io.yaml import dump_yaml, parse_yaml
from movemap.located import Located, locate
from movemap.model import Dataset
from movemap.render.page_data import LEG_TEXT, map_data
from movemap.validate import read_dataset

RAIL = "first-echelon-to-khabarovsk"
SEA = "first-echelon-by-sea"  # three ports of departure: a MultiLineString


@pytest.fixture(scope="module")
def files(located: Located, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("edits")
    return {kind: export(located, folder / f"dprk.{kind}") for kind in ("gpkg", "geojson", "csv")}


def _shifted(line: shapely.LineString, by: tuple[float, float]) -> tuple[
        shapely.LineString, tuple[float, float]]:
    """The line with its middle vertex moved by ``by`` degrees, and that vertex."""
    points = [tuple(p) for p in line.coords]
    middle = len(points) // 2
    moved = (round(points[middle][0] + by[0], 6), round(points[middle][1] + by[1], 6))
    points[middle] = moved
    return shapely.LineString(points), moved


def _check_drawn(back: Dataset, leg_id: str, moved: tuple[float, float], part: int = 0) -> None:
    leg = next(leg for leg in back.legs if leg.id == leg_id)
    assert leg.route, "the edited line came back as the leg's route"
    assert len(leg.route) == len(leg.origins)
    assert moved in leg.route[part]
    assert [other.id for other in back.legs if other.route] == [leg_id]  # only the edited one
    located = locate(back)
    route = located.route(leg_id)
    assert route.drawn and not route.approximate
    assert moved in (route.branches[part] if route.branches else route).points


def test_a_vertex_moved_in_a_geopackage_is_kept(files: dict[str, Path], located: Located,
                                                tmp_path: Path) -> None:
    edited = tmp_path / "edited.gpkg"
    shutil.copy(files["gpkg"], edited)
    legs = pyogrio.read_dataframe(edited, layer="legs")
    row = legs.index[legs["id"] == RAIL][0]
    (line,) = legs.geometry[row].geoms  # the layer holds MultiLineStrings
    assert len(line.coords) > 10
    new_line, moved = _shifted(line, (0.6, -0.4))  # about 60 km off the railway
    legs.loc[row, "geometry"] = shapely.MultiLineString([new_line])
    pyogrio.write_dataframe(legs, edited, layer="legs")
    back = read_dataset(edited)
    _check_drawn(back, RAIL, moved)
    original = located.route(RAIL)
    kept = locate(back).route(RAIL)
    assert kept.points[0] == pytest.approx(original.points[0], abs=1e-6)  # same ends
    assert kept.points[-1] == pytest.approx(original.points[-1], abs=1e-6)
    assert kept.length_km > original.length_km  # the detour is measured
    # every command takes it as drawn
    result = CliRunner().invoke(cli, ["timeline", str(edited), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_a_drawn_route_stays_drawn_through_further_trips(files: dict[str, Path],
                                                         tmp_path: Path) -> None:
    edited = tmp_path / "edited.gpkg"
    shutil.copy(files["gpkg"], edited)
    legs = pyogrio.read_dataframe(edited, layer="legs")
    row = legs.index[legs["id"] == RAIL][0]
    new_line, moved = _shifted(legs.geometry[row].geoms[0], (0.6, -0.4))
    legs.loc[row, "geometry"] = shapely.MultiLineString([new_line])
    pyogrio.write_dataframe(legs, edited, layer="legs")
    once = locate(read_dataset(edited))
    again = export(once, tmp_path / "again.geojson")  # written from the drawn route
    feature = next(f for f in json.loads(again.read_text(encoding="utf-8"))["features"]
                   if f["id"] == RAIL)
    assert feature["properties"]["route_drawn"] is True and "route" not in feature["properties"]
    assert list(moved) in feature["geometry"]["coordinates"]
    twice = read_dataset(again)
    assert twice.legs == once.dataset.legs  # unchanged line, still the drawn route
    yaml_back = parse_yaml(dump_yaml(twice))  # and in the YAML format, as `route:`
    assert yaml_back.problems == [] and yaml_back.dataset == twice
    assert "  route:\n  - - [" in dump_yaml(twice)
    plain = read_dataset(write_dataset(twice, tmp_path / "plain.csv"))  # a JSON cell in CSV
    assert next(leg for leg in plain.legs if leg.id == RAIL) == next(
        leg for leg in twice.legs if leg.id == RAIL)
    page = map_data(locate(twice), title="t")
    record = next(r for r in page["legs"] if page["strings"][r["id"]] == RAIL)
    length = page["strings"][record["t"][LEG_TEXT.index("length")]]
    assert length.endswith(" km (drawn by hand)")


def test_a_vertex_moved_in_one_branch_of_a_geojson_is_kept(files: dict[str, Path],
                                                           tmp_path: Path) -> None:
    frame = pyogrio.read_dataframe(files["geojson"])
    row = frame.index[frame["id"] == SEA][0]
    parts = list(frame.geometry[row].geoms)
    assert len(parts) == 3
    parts[1], moved = _shifted(parts[1], (0.05, 0.08))
    frame.loc[row, "geometry"] = shapely.MultiLineString(parts)
    for column in frame.columns.drop("geometry"):  # lists as JSON arrays, as QGIS saves them
        # (pyogrio would write a numpy array by its repr)
        frame[column] = frame[column].map(
            lambda v: json.dumps(v.tolist()) if isinstance(v, np.ndarray) else v)
    edited = tmp_path / "edited.geojson"
    pyogrio.write_dataframe(frame, edited, driver="GeoJSON")
    _check_drawn(read_dataset(edited), SEA, moved, part=1)


def test_a_vertex_moved_in_a_csv_wkt_is_kept(files: dict[str, Path], tmp_path: Path) -> None:
    import csv

    with files["csv"].open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    row = next(r for r in rows if r["id"] == RAIL)
    (line,) = shapely.from_wkt(row["wkt"]).geoms if row["wkt"].startswith("MULTI") else (
        shapely.from_wkt(row["wkt"]),)
    new_line, moved = _shifted(line, (-0.3, 0.3))
    row["wkt"] = new_line.wkt
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    _check_drawn(read_dataset(edited), RAIL, moved)


def test_an_unedited_line_and_a_moved_end_are_routed_again(files: dict[str, Path],
                                                          dataset: Dataset,
                                                          tmp_path: Path) -> None:
    assert not any(leg.route for leg in read_dataset(files["gpkg"]).legs)
    edited = tmp_path / "edited.gpkg"
    shutil.copy(files["gpkg"], edited)
    legs = pyogrio.read_dataframe(edited, layer="legs")
    row = legs.index[legs["id"] == RAIL][0]
    points = [tuple(p) for p in legs.geometry[row].geoms[0].coords]
    points[-1] = (round(points[-1][0] + 0.2, 6), round(points[-1][1] + 0.1, 6))
    legs.loc[row, "geometry"] = shapely.MultiLineString([points])
    pyogrio.write_dataframe(legs, edited, layer="legs")
    leg = next(leg for leg in read_dataset(edited).legs if leg.id == RAIL)
    assert not leg.route  # only an end moved: the place moves, routing draws the way
    original = next(leg for leg in dataset.legs if leg.id == RAIL)
    assert leg.destination.name == original.destination.name
    assert (leg.destination.lon, leg.destination.lat) == points[-1]


def test_a_route_with_the_wrong_number_of_lines_is_refused_with_its_line() -> None:
    text = ("movemap: 1\nname: x\nunits: [{id: u, name: U}]\nlegs:\n"
            "  - id: l\n    unit: u\n    from: [Chongjin, Musudan]\n    to: Vladivostok\n"
            "    start: 2024-10-08\n    route: [[131.9, 43.1], [132.5, 42.5]]\n")
    parsed = parse_yaml(text)
    assert [p.format(None) for p in parsed.problems] == [
        "10:12: leg 'l': route has 1 line for 2 places of departure (one line each)"]


def test_a_drawn_route_far_from_its_places_is_a_warning() -> None:
    from movemap.validate import validate

    text = ("movemap: 1\nname: x\nunits: [{id: u, name: U}]\nlegs:\n"
            "  - id: l\n    unit: u\n    from: Vladivostok\n    to: Ussuriysk\n"
            "    start: 2024-10-08\n    mode: rail\n"
            "    route: [[131.9, 43.1], [131.5, 43.5], [130.0, 44.0]]\n")
    parsed = parse_yaml(text)
    assert parsed.problems == []
    messages = [p.format(None) for p in validate(parsed) if "route" in p.message]
    assert messages == ["11:12: warning: leg 'l': its route drawn by hand ends 159 km from "
                        "Ussuriysk"]
