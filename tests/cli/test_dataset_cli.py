"""``movemap validate``, ``status``, ``timeline`` and ``schema`` through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner

from movemap.cli import cli

ROOT = Path(__file__).parent.parent.parent
REFERENCE = str(ROOT / "layers" / "dprk-russia-2024.yaml")
CORPUS = ROOT / "tests" / "data" / "malformed"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_reference_dataset() -> None:
    code, out, _ = run("validate", REFERENCE)
    assert code == 0
    assert out.strip() == f"{REFERENCE}: valid"


def test_validate_reports_every_file_and_exits_2() -> None:
    bad = str(CORPUS / "12-end-before-start.yaml")
    warn = str(CORPUS / "25-implausible-speed.yaml")
    code, out, err = run("validate", REFERENCE, bad, warn)
    assert code == 2
    assert f"{bad}:15:10: error: leg 'leg1': end 2024-10-03 is before start 2024-10-08" in err
    assert f"{warn}:15:10: warning: leg 'leg1':" in out
    assert f"{warn}: valid, 1 warning" in out


def test_validate_missing_file() -> None:
    code, _, err = run("validate", "nope.yaml")
    assert code == 2
    assert err.startswith("movemap: error: nope.yaml: no such file")


def test_status_json_shape() -> None:
    code, out, _ = run("status", REFERENCE, "--on", "2024-10-20", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    for row in rows:
        assert {"unit", "place", "lat", "lon", "strength", "status", "moving"} <= set(row)
    first = next(r for r in rows if r["unit"] == "first-echelon")
    assert first["strength"] == 1500 and first["moving"] is False


def test_status_table_has_totals() -> None:
    code, out, _ = run("status", REFERENCE, "--on", "2024-11-01")
    assert code == 0
    assert any(line.startswith("in Kursk Oblast (region-level)") and "expected 2,600" in line
               for line in out.splitlines())


def test_status_bad_day_is_one_line() -> None:
    code, _, err = run("status", REFERENCE, "--on", "someday")
    assert code == 2
    assert err.strip().startswith("movemap: error: --on: 'someday' is not a date")


def test_timeline_json() -> None:
    code, out, _ = run("timeline", REFERENCE, "--format", "json")
    assert code == 0
    events = json.loads(out)
    sea = next(e for e in events if e["id"] == "first-echelon-by-sea")
    assert sea["mode"] == "sea" and sea["duration_days"] == 5 and sea["speed_kmh"] > 0


def test_timeline_table_marks_distances_to_areas_with_a_tilde() -> None:
    code, out, _ = run("timeline", REFERENCE)
    assert code == 0

    def km_and_speed(line: str, mode: str) -> tuple[str, str]:
        km, _days, speed = line.split(f" {mode} ", 1)[1].split()[:3]
        return km, speed

    country = [km_and_speed(line, "unknown") for line in out.splitlines()
               if " North Korea  " in line]
    assert len(country) == 2  # the force and the munitions, North Korea -> Russia
    assert all(km.startswith("~") and speed.startswith("~") for km, speed in country)
    towns = [km_and_speed(line, "rail") for line in out.splitlines() if "Khabarovsk" in line]
    assert len(towns) == 1 and towns[0][0].replace(",", "").isdigit()  # two towns: plain km


def test_schema_checks_the_reference_dataset() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    with open(REFERENCE, encoding="utf-8") as f:
        data = yaml.load(f, Loader=yaml.BaseLoader)  # strings, as editors see YAML 1.2
    data["movemap"] = 1
    data["legs"][0]["strength"] = 1500
    for record in (*data["legs"], *data["stations"]):
        for key in ("strength",):
            if key in record:
                record[key] = int(record[key])
        for key, value in record.get("equipment", {}).items():
            record["equipment"][key] = int(value)
    for unit in data["units"]:
        if "context" in unit:
            unit["context"] = unit["context"] == "true"
    jsonschema.validate(data, schema)
    data["legs"][0]["strenght"] = 1
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any("strenght" in e.message for e in errors)


def test_malformed_files_never_give_a_traceback() -> None:
    paths = sorted(str(p) for p in CORPUS.glob("*.yaml"))
    result = subprocess.run([sys.executable, "-m", "movemap", "validate", *paths],
                            capture_output=True, text=True, check=False, timeout=300)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    for path in paths:  # every file gets its verdict line
        assert f"{path}: " in result.stdout + result.stderr
