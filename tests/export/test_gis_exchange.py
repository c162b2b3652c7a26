"""Exports opened by GDAL as QGIS opens them, and read back by movemap after edits made as a
GIS user makes them (a date changed, a point moved, a row deleted)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import geopandas
import pyogrio
import pytest
import shapely
from click.testing import CliRunner
from lxml import etree

from movemap.cli import cli
from movemap.export import export
from movemap.io import parse_dataset
from movemap.located import Located
from movemap.model import Dataset, Status
from movemap.validate import read_dataset

KML = {"k": "http://www.opengis.net/kml/2.2"}
SEA = "first-echelon-by-sea"


def ogrinfo(*args: str) -> str:
    """GDAL's own reading of a file (Debian's gdal-bin, installed by `make gdal`)."""
    if shutil.which("ogrinfo") is None:
        pytest.fail("ogrinfo is missing: `make gdal` installs Debian's gdal-bin")
    result = subprocess.run(["ogrinfo", "-ro", *args], capture_output=True, text=True,
                            check=True, timeout=120)
    return result.stdout


def field_types(text: str) -> dict[str, str]:
    """``name: Type (w.p)`` lines of ``ogrinfo -so`` as a dict."""
    out = {}
    for line in text.splitlines():
        name, sep, rest = line.partition(": ")
        if sep and rest.endswith(")") and " (" in rest and not name.startswith(" "):
            out[name] = rest.split(" (")[0]
    return out


@pytest.fixture(scope="module")
def files(dataset: Dataset, located: Located,
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("gis")
    return {kind: export(located, folder / f"dprk.{kind}")
            for kind in ("gpkg", "geojson", "csv", "kml")}


def test_geopackage_has_date_fields_gdal_reads(files: dict[str, Path]) -> None:
    for layer in ("legs", "stations"):
        types = field_types(ogrinfo("-so", str(files["gpkg"]), layer))
        assert {types[c] for c in ("start_earliest", "start_latest", "end_earliest",
                                   "end_latest")} == {"Date"}
        assert types["start"] == "String" and types["strength"] == "Integer64"
    sea = ogrinfo(str(files["gpkg"]), "legs", "-where", f"id = '{SEA}'")
    assert "start_earliest (Date) = 2024/10/08" in sea
    assert "end_latest (Date) = 2024/10/13" in sea
    assert "start_precision (String) = day" in sea


def test_geojson_dates_read_as_dates_by_gdal(files: dict[str, Path]) -> None:
    types = field_types(ogrinfo("-so", "-al", str(files["geojson"])))
    assert types["start_earliest"] == "Date" and types["end_latest"] == "Date"
    assert types["start"] == "String"  # the fuzzy text stays text ("after 2024-10-18")


def test_csv_dates_and_wkt_read_by_gdal(files: dict[str, Path]) -> None:
    text = ogrinfo("-so", "-oo", "AUTODETECT_TYPE=YES", str(files["csv"]), "dprk")
    types = field_types(text)
    assert types["start_earliest"] == "Date" and types["strength"] == "Integer"
    assert "Geometry: Unknown (any)" in text or "Multi Line String" in text
    assert "Feature Count: 12" in text


def test_kml_extended_data_read_by_gdal(files: dict[str, Path], dataset: Dataset) -> None:
    text = ogrinfo("-al", "-q", str(files["kml"]))
    assert "status (String) = claimed" in text and "grades (String) = B2" in text
    assert f"id (String) = {SEA}" in text and "strength (String) = 1500" in text
    counted = text.count("record (String) = ")
    assert counted == len(dataset.legs) + len(dataset.stations)


def test_kml_styles_differ_by_status(files: dict[str, Path]) -> None:
    root = etree.parse(str(files["kml"]))
    looks = {}
    for status in Status:
        style = root.find(f".//k:Style[@id='leg-sea-{status.value}']", KML)
        assert style is not None
        looks[status] = (style.findtext("k:LineStyle/k:color", namespaces=KML),
                         style.findtext("k:LineStyle/k:width", namespaces=KML))
    assert len(set(looks.values())) == len(Status)


@pytest.mark.parametrize("kind", ["gpkg", "geojson", "csv"])
def test_movemap_reads_what_it_exports(kind: str, files: dict[str, Path],
                                       dataset: Dataset) -> None:
    back = read_dataset(files[kind])
    assert back.legs == dataset.legs and back.stations == dataset.stations
    if kind != "csv":  # a CSV has no room for units' and sources' details
        assert back == dataset
    for command in (["validate", "--no-places"], ["status", "--on", "2024-10-20"],
                    ["timeline"]):
        result = CliRunner().invoke(cli, [command[0], str(files[kind]), *command[1:]])
        assert result.exit_code == 0, result.output
    assert "Kursk" in CliRunner().invoke(cli, ["status", str(files[kind]), "--on",
                                               "2024-11-20"]).output


def test_plain_frames_read_back_give_the_dataset(files: dict[str, Path],
                                                 dataset: Dataset) -> None:
    legs = geopandas.read_file(files["gpkg"], layer="legs")
    assert legs["start_earliest"].dtype.kind == "M"
    assert Dataset.from_geodataframe(legs).legs == dataset.legs
    frame = geopandas.read_file(files["geojson"])
    assert Dataset.from_geodataframe(frame).legs == dataset.legs
    assert Dataset.from_geodataframe(frame).stations == dataset.stations


def test_edits_made_in_a_gis_survive(files: dict[str, Path], dataset: Dataset,
                                     tmp_path: Path) -> None:
    """As in QGIS: a date changed in the attribute table, a station dragged, a leg deleted."""
    edited = tmp_path / "edited.gpkg"
    shutil.copy(files["gpkg"], edited)
    # the attribute table's edits, through GDAL as QGIS makes them (its SQLite functions run
    # the GeoPackage's spatial index triggers)
    for statement in (f"UPDATE legs SET end_earliest = '2024-10-14', end_latest = '2024-10-14' "
                      f"WHERE id = '{SEA}'",
                      "DELETE FROM legs WHERE id = 'second-echelon-by-sea'"):
        subprocess.run(["ogrinfo", str(edited), "-sql", statement], check=True,
                       capture_output=True, timeout=120)
    with sqlite3.connect(edited) as db:  # what GDAL wrote is what QGIS shows
        (end,) = db.execute("SELECT end_latest FROM legs WHERE id = ?", (SEA,)).fetchone()
    assert end == "2024-10-14"
    stations = pyogrio.read_dataframe(edited, layer="stations")
    moved_id = stations["id"].iloc[0]
    old = stations.geometry.iloc[0]
    stations.loc[0, "geometry"] = shapely.Point(old.x + 0.5, old.y - 0.25)
    pyogrio.write_dataframe(stations, edited, layer="stations")  # the layer only
    back = read_dataset(edited)
    sea = next(leg for leg in back.legs if leg.id == SEA)
    assert sea.end is not None and sea.end.earliest == sea.end.latest == date(2024, 10, 14)
    assert sea.start == next(leg for leg in dataset.legs if leg.id == SEA).start
    assert "second-echelon-by-sea" not in {leg.id for leg in back.legs}
    station = next(s for s in back.stations if s.id == moved_id)
    original = next(s for s in dataset.stations if s.id == moved_id)
    assert station.place.name == original.place.name  # the label stays, the point moves
    assert (station.place.lon, station.place.lat) == (round(old.x + 0.5, 6),
                                                      round(old.y - 0.25, 6))
    assert back.units == dataset.units and back.sources == dataset.sources


def test_a_date_edited_in_geojson_and_csv_survives(files: dict[str, Path],
                                                   tmp_path: Path) -> None:
    data = json.loads(files["geojson"].read_text(encoding="utf-8"))
    for feature in data["features"]:
        if feature["id"] == SEA:
            feature["properties"]["start_earliest"] = "2024-10-06"
    edited = tmp_path / "edited.geojson"
    edited.write_text(json.dumps(data), encoding="utf-8")
    sea = next(leg for leg in read_dataset(edited).legs if leg.id == SEA)
    assert str(sea.start) == "2024-10-06/2024-10-08"

    rows = files["csv"].read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace(",2024-10-13,2024-10-13,2024-10-13,day,",
                              ",2024-10-13,2024-10-12,2024-10-13,day,", 1)
    edited_csv = tmp_path / "edited.csv"
    edited_csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sea = next(leg for leg in read_dataset(edited_csv).legs if leg.id == SEA)
    assert str(sea.end) == "2024-10-12/2024-10-13"


def test_a_gis_file_without_movemap_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "x"},
         "geometry": {"type": "Point", "coordinates": [1, 2]}}]}), encoding="utf-8")
    parsed = parse_dataset(path)
    assert parsed.dataset is None
    assert "not a movemap dataset" in parsed.problems[0].message


def test_times_with_zones_are_their_own_days_in_date_fields(tmp_path: Path) -> None:
    """A start written with a time and a zone is on the day written (numpy would warn that it
    drops the zone, on the user's terminal); the text of the date is kept as written."""
    import warnings

    from movemap.located import locate

    path = tmp_path / "zones.yaml"
    path.write_text("movemap: 1\nname: zones\nunits: [{id: u1, name: U}]\nlegs:\n"
                    "  - {id: l1, unit: u1, from: {name: A, lat: 41.8, lon: 129.8},\n"
                    "     to: {name: B, lat: 43.1, lon: 131.9}, mode: air,\n"
                    "     start: 2024-10-08T23:30:00-05:00, end: 2024-10-13T01:00:00+09:00}\n",
                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = export(locate(read_dataset(path)), tmp_path / "zones.gpkg")
    legs = pyogrio.read_dataframe(written, layer="legs")
    assert [str(legs["start_earliest"][0])[:10], str(legs["end_latest"][0])[:10]] == [
        "2024-10-08", "2024-10-13"]
    assert legs["start"][0] == "2024-10-08T23:30:00-05:00"
