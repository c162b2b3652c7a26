"""``movemap resolve`` through click's runner, and through a real process for exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from movemap.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_shape() -> None:
    code, out, err = run("resolve", "Chongjin", "Kursk Oblast", "청진", "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert [r["query"] for r in records] == ["Chongjin", "Kursk Oblast", "청진"]
    for record in records:
        assert {"query", "name", "lat", "lon", "country", "kind", "score", "source"} <= set(record)
    assert records[0]["name"] == records[2]["name"] == "Chongjin"
    assert records[1]["kind"] == "region" and records[1]["country"] == "RU"
    assert isinstance(records[0]["lat"], float) and isinstance(records[0]["score"], float)


def test_top_gives_candidates() -> None:
    code, out, _ = run("resolve", "Blagoveshchensk", "--top", "2", "--format", "json")
    assert code == 0
    (record,) = json.loads(out)
    assert [c["admin1"] for c in record["candidates"]] == ["Amur Oblast", "Bashkortostan"]


def test_near_accepts_place_or_coordinates() -> None:
    for near in ("Ufa", "54.7,56.0", "54.7, 56.0"):
        code, out, _ = run("resolve", "Blagoveshchensk", "--near", near, "--format", "json")
        assert code == 0
        assert json.loads(out)[0]["admin1"] == "Bashkortostan"


def test_unknown_name_others_still_printed() -> None:
    code, out, err = run("resolve", "Vladivostok", "Xyzzyville", "--format", "json")
    assert code == 1
    records = json.loads(out)
    assert records[0]["name"] == "Vladivostok"
    assert records[1]["name"] is None and records[1]["query"] == "Xyzzyville"
    assert "no place named 'Xyzzyville'; did you mean:" in err


def test_table_output() -> None:
    code, out, _ = run("resolve", "Musudan", "--explain")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["query", "#", "name"]
    assert "Musudan-ri" in lines[2] and "site" in lines[2]
    assert lines[3].strip().startswith("why: alternate match on 'musudan'")


def test_csv_and_geojson_read_back() -> None:
    code, out, _ = run("resolve", "Khabarovsk", "Ussuriysk", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == ["Khabarovsk", "Ussuriysk"]
    assert abs(float(rows[0]["lat"]) - 48.48) < 0.05
    code, out, _ = run("resolve", "Khabarovsk", "Ussuriysk", "--format", "geojson")
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    lon, lat = collection["features"][1]["geometry"]["coordinates"]
    assert abs(lat - 43.80) < 0.01 and abs(lon - 131.96) < 0.01


def test_file_of_names(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# comment\nChongjin\n\nHamhung\n", encoding="utf-8")
    code, out, _ = run("resolve", "--file", str(names), "--format", "json")
    assert code == 0
    assert [r["name"] for r in json.loads(out)] == ["Chongjin", "Hamhŭng"]


def test_gazetteer_overlay_option(data_dir: Path) -> None:
    code, out, _ = run("resolve", "Sergeevka training ground", "--gazetteer",
                       str(data_dir / "overlay_ok.csv"), "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["source"].endswith("overlay_ok.csv")


def test_malformed_overlay_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nA,north,2\n", encoding="utf-8")
    code, _, err = run("resolve", "Kursk", "--gazetteer", str(bad))
    assert code == 2
    assert err.strip() == f"{bad}:2: error: lat: 'north' is not a number"


def test_no_names_is_a_usage_error() -> None:
    code, _, err = run("resolve")
    assert code == 2
    assert "give names" in err


def _subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "movemap", *args], capture_output=True, text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"}, check=False, timeout=120,
    )


def test_real_process_exit_codes(tmp_path: Path) -> None:
    ok = _subprocess("resolve", "Kursk", "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)[0]["name"] == "Kursk"
    missing = _subprocess("resolve", "Kursk", "Xyzzyville")
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat\nA,1\n", encoding="utf-8")
    broken = _subprocess("resolve", "Kursk", "--gazetteer", str(bad))
    assert broken.returncode == 2
    assert broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr
    version = _subprocess("--version")
    assert version.returncode == 0 and "movemap" in version.stdout


def test_large_batch_with_progress_and_country(tmp_path: Path) -> None:
    names = tmp_path / "many.txt"
    names.write_text("\n".join(["Kursk", "Hamhung", "Saint Petersburg"] * 100), encoding="utf-8")
    code, out, _ = run("resolve", "--file", str(names), "--country", "US", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 300
    assert {r["country"] for r in rows if r["query"] == "Saint Petersburg"} == {"US"}
    assert {r["country"] for r in rows if r["query"] == "Hamhung"} == {"KP"}


def test_a_doubt_of_the_name_as_written_reaches_the_command() -> None:
    # 'the' before a name the data knows only as a town: listed, not confident, with the reason
    code, out, err = run("resolve", "the Andes", "--format", "json")
    assert code == 0, err
    (record,) = json.loads(out)
    assert record["confident"] is False
    assert "'the' before the name of a town" in record["reading"]


def test_a_country_named_among_the_names_places_its_namesake_town() -> None:
    # Colombian towns, and Venezuela named: Mérida is the Venezuelan city, not Mexico's
    code, out, err = run("resolve", "Mérida", "Venezuela", "Cali", "Pasto", "Popayán",
                         "--format", "json")
    assert code == 0, err
    first = json.loads(out)[0]
    assert first["country"] == "VE" and first["confident"] is True


def test_a_short_form_of_an_area_named_in_full_is_that_area() -> None:
    code, out, err = run("resolve", "Gran Chaco", "Chaco", "--format", "json")
    assert code == 0, err
    full, short = json.loads(out)
    assert short["id"] == full["id"] and short["kind"] == "macro-region"
    assert "short form" in short["why"]


def test_a_kind_word_or_garrison_with_no_such_place_is_flagged_by_the_command() -> None:
    code, out, err = run("resolve", "Lviv bridge", "Fort Kabul", "--format", "json")
    assert code == 0, err
    bridge, fort = json.loads(out)
    assert bridge["name"] == "Lviv" and bridge["confident"] is False
    assert "no bridge known at or near Lviv" in bridge["reading"]
    assert fort["name"] == "Kabul" and fort["confident"] is False
    assert "no fort known at or near Kabul" in fort["reading"]


def test_a_name_with_control_characters_is_refused_before_it_reaches_the_terminal(
        tmp_path: Path) -> None:
    """The table shows each query as given: an escape sequence in a name would act on the
    user's terminal, so the name is refused, shown escaped."""
    result = CliRunner().invoke(cli, ["resolve", "Chongjin", "Vlad\x1b]0;pwned\x07ivostok"])
    assert result.exit_code == 2
    assert result.output == ("movemap: error: name 'Vlad\\x1b]0;pwned\\x07ivostok' holds the "
                             "control character U+001B; remove it\n")
    names = tmp_path / "names.txt"
    names.write_text("Chongjin\nKursk \u202eastO\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", "--file", str(names)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{names}:2: error: name 'Kursk \\u202eastO' holds the "
                                    "control character U+202E")
