"""``movemap route`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from click.testing import CliRunner

from movemap.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_geojson_feature() -> None:
    code, out, err = run("route", "Vladivostok", "Kursk", "--mode", "rail", "--format",
                         "geojson")
    assert code == 0, err
    feature = json.loads(out)
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "LineString"
    props = feature["properties"]
    assert props["mode"] == "rail" and props["approximate"] is False
    assert 8500 < props["length_km"] < 9800
    assert (props["from"], props["to"]) == ("Vladivostok", "Kursk")


def test_via_and_summary() -> None:
    code, out, _ = run("route", "Vladivostok", "Kursk", "--mode", "rail", "--via", "Irkutsk",
                       "--via", "Moscow")
    assert code == 0
    assert out.startswith("rail Vladivostok -> Irkutsk -> Moscow -> Kursk: ")


def test_wkt_and_output_file(tmp_path: Path) -> None:
    out_file = tmp_path / "route.wkt"
    code, out, _ = run("route", "Chongjin", "Vladivostok", "--mode", "sea", "--format", "wkt",
                       "-o", str(out_file))
    assert code == 0 and out.strip() == str(out_file)
    geometry = shapely.from_wkt(out_file.read_text())
    assert geometry.geom_type == "LineString" and len(geometry.coords) > 4


def test_fallback_warns_on_stderr() -> None:
    code, out, err = run("route", "Magadan", "Vladivostok", "--mode", "rail", "--format",
                         "geojson")
    assert code == 0
    assert json.loads(out)["properties"]["approximate"] is True
    assert err.startswith("movemap: warning: rail from Magadan to Vladivostok: no rail line")


def test_unknown_place_is_one_line() -> None:
    code, _, err = run("route", "Chongjin", "Xyzzyville")
    assert code == 2
    assert err.strip() == ("movemap: error: no place named 'Xyzzyville'; did you mean: "
                           "Bayville, Sayville, Brazzaville?")
