"""Round trips: YAML -> model -> YAML / GeoJSON / GeoDataFrame / CSV -> model, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas
import pytest

from movemap.dates import Precision
from movemap.errors import InvalidValueError
from movemap.io import write_dataset
from movemap.io.csv import COLUMNS
from movemap.io.geojson import to_geojson
from movemap.io.records import FIELDS
from movemap.io.yaml import dump_yaml, parse_yaml
from movemap.located import Located
from movemap.model import Dataset
from movemap.validate import read_dataset


def test_yaml_round_trip(dataset: Dataset, tmp_path: Path) -> None:
    out = write_dataset(dataset, tmp_path / "again.yaml")
    assert read_dataset(out) == dataset
    assert parse_yaml(dump_yaml(dataset)).dataset == dataset


def test_geojson_round_trip(dataset: Dataset, located: Located, tmp_path: Path) -> None:
    out = write_dataset(located, tmp_path / "again.geojson")
    again = read_dataset(out)
    assert again == dataset
    collection = json.loads(out.read_text(encoding="utf-8"))
    kinds = [f["properties"]["record"] for f in collection["features"]]
    assert kinds.count("leg") == len(dataset.legs) and kinds.count("station") == len(
        dataset.stations)
    sea = next(f for f in collection["features"] if f["id"] == "first-echelon-by-sea")
    assert sea["geometry"]["type"] == "MultiLineString"  # three ports of departure
    assert len(sea["geometry"]["coordinates"]) == 3
    lon, lat = sea["geometry"]["coordinates"][0][-1]
    assert abs(lon - 131.87) < 0.1 and abs(lat - 43.11) < 0.1  # ends at Vladivostok
    assert sea["properties"]["equipment"] == {"landing ships": 4, "escort ships": 3}


def test_geojson_is_deterministic(dataset: Dataset, located: Located, tmp_path: Path) -> None:
    a = write_dataset(located, tmp_path / "a.geojson").read_bytes()
    b = write_dataset(located, tmp_path / "b.geojson").read_bytes()
    assert a == b


def test_geojson_needs_the_located_dataset(dataset: Dataset, tmp_path: Path) -> None:
    """io writes formats only: it never routes, so GeoJSON asks for the routes."""
    with pytest.raises(InvalidValueError, match=r"movemap.locate\(dataset\)"):
        write_dataset(dataset, tmp_path / "x.geojson")
    assert not (tmp_path / "x.geojson").exists()


def test_geojson_reads_with_geopandas(dataset: Dataset, located: Located,
                                     tmp_path: Path) -> None:
    frame = geopandas.read_file(write_dataset(located, tmp_path / "x.geojson"))
    assert len(frame) == len(dataset.legs) + len(dataset.stations)
    assert set(frame.geometry.geom_type) == {"LineString", "MultiLineString", "Point"}


def test_geodataframe_round_trip(dataset: Dataset) -> None:
    frame = dataset.to_geodataframe()
    assert frame.crs.to_epsg() == 4326
    assert list(frame["record"]).count("station") == len(dataset.stations)
    row = frame.set_index("id").loc["advance-group-at-kursk"]
    assert row["strength"] == 2600 and row["status"] == "expected" and row["start"] == "2024-11"
    assert Dataset.from_geodataframe(frame) == dataset
    legs_only = frame[frame["record"] == "leg"]
    assert Dataset.from_geodataframe(legs_only).stations == ()
    assert Dataset.from_geodataframe(legs_only).units == dataset.units  # attrs carried over


def test_geodataframe_attrs_cost_nothing_to_copy(dataset: Dataset) -> None:
    """pandas deep-copies ``attrs`` into every result: the dataset's own fields ride as
    one string, which a deep copy returns as is, however many units and sources."""
    import copy

    frame = dataset.to_geodataframe()
    header = frame.attrs["movemap"]
    assert isinstance(header, str)
    assert copy.deepcopy(frame.attrs)["movemap"] is header
    sorted_rows = frame.sort_values("start")
    assert sorted_rows.attrs["movemap"] == header
    assert Dataset.from_geodataframe(sorted_rows).sources == dataset.sources


def test_csv_round_trip_of_legs(dataset: Dataset, tmp_path: Path) -> None:
    again = read_dataset(write_dataset(dataset, tmp_path / "legs.csv"))
    assert again.legs == dataset.legs
    assert {u.id for u in again.units} == {leg.unit for leg in dataset.legs}


def test_csv_with_points_and_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "unit,from,to,start,end,mode,strength\n"
        "u1,Chongjin,Port X @ 43.1, 131.9,2024-10-08,2024-10-13,sea,1500\n"
        "u1,Vladivostok,Ussuriysk,2024-10-14,,rail,lots\n", encoding="utf-8")
    from movemap.io import parse_dataset

    parsed = parse_dataset(path)
    assert [p.format(None) for p in parsed.problems] == [
        "2:1: 8 fields where the header has 7",
        "3:7: leg 'leg-3': strength 'lots' is not a whole number",
    ]
    path.write_text('unit,from,to,start\nu1,Chongjin,"Port X @ 43.1, 131.9",2024-10\n',
                    encoding="utf-8")
    leg = read_dataset(path).legs[0]
    assert (leg.destination.name, leg.destination.lat, leg.destination.lon) == (
        "Port X", 43.1, 131.9)
    assert leg.start.precision is Precision.MONTH


def test_date_precision_survives_every_format(dataset: Dataset, located: Located,
                                               tmp_path: Path) -> None:
    wanted = {leg.id: (leg.start, leg.end) for leg in dataset.legs}
    for suffix in (".yaml", ".geojson", ".csv"):
        again = read_dataset(write_dataset(located, tmp_path / f"d{suffix}"))
        assert {leg.id: (leg.start, leg.end) for leg in again.legs} == wanted
    precisions = {str(leg.start): leg.start.precision for leg in dataset.legs}
    assert precisions["2024-11"] is Precision.MONTH
    assert precisions["2024-Q4"] is Precision.QUARTER
    assert precisions["mid 2024-10"] is Precision.PART
    assert precisions["after 2024-10-18"] is Precision.AFTER


def test_csv_columns_are_the_leg_fields() -> None:
    assert set(COLUMNS) == set(FIELDS["leg"])


def test_to_geojson_properties_are_json(located: Located) -> None:
    collection = to_geojson(located)
    json.dumps(collection)  # raises if anything is not plain JSON
    assert collection["movemap"]["name"] == "dprk-russia-2024"
    assert {u["id"] for u in collection["movemap"]["units"]} >= {"first-echelon", "munitions"}
