"""Command-line conventions: ``-`` for standard input and output, -q/-v anywhere, and -v
saying what each step did and how long it took."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.io import sniff_format

ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "movemap", *args], input=stdin,
                          capture_output=True, timeout=600, cwd=ROOT)


@pytest.mark.parametrize(("start", "kind"), [
    (b"SQLite format 3\x00...", "gpkg"), (b'\n {"type": "FeatureCollection"}', "geojson"),
    (b"id,unit,from,to,start\n", "csv"), (b"movemap: 1\nname: x\n", "yaml"),
    (b"# a comment, with a comma\nmovemap: 1\n", "yaml")])
def test_standard_input_format_is_told_by_its_first_bytes(start: bytes, kind: str) -> None:
    assert sniff_format(start) == kind


def test_dataset_from_standard_input() -> None:
    result = run("validate", "--no-places", "-", stdin=REFERENCE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert b"<stdin>: valid" in result.stdout or b"-: valid" in result.stdout
    status = CliRunner().invoke(cli, ["status", "-", "--on", "2024-10-20", "--format", "json"],
                                input=REFERENCE.read_bytes())
    assert status.exit_code == 0, status.output
    assert json.loads(status.stdout)


def test_geojson_export_to_standard_output_and_back_in(tmp_path: Path) -> None:
    result = run("export", str(REFERENCE), "--format", "geojson", "-o", "-")
    assert result.returncode == 0, result.stderr
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    assert not (ROOT / "-").exists()
    again = run("timeline", "-", stdin=result.stdout)
    assert again.returncode == 0, again.stderr
    assert b"Kursk Oblast" in again.stdout and b"Vladivostok" in again.stdout


def test_standard_output_needs_a_format() -> None:
    result = CliRunner().invoke(cli, ["export", str(REFERENCE), "-o", "-"])
    assert result.exit_code == 2
    assert "movemap: error: " in result.output and "needs --format" in result.output


def test_map_to_standard_output() -> None:
    result = CliRunner().invoke(cli, ["render", str(REFERENCE), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.lstrip().startswith(b"<!DOCTYPE html>")


def test_names_from_standard_input() -> None:
    result = CliRunner().invoke(cli, ["resolve", "--file", "-"], input="Chongjin\n# skip\n")
    assert result.exit_code == 0, result.output
    assert "Chongjin" in result.output


def test_verbose_after_the_command_logs_each_step_with_its_time() -> None:
    result = run("timeline", str(REFERENCE), "-v")
    assert result.returncode == 0, result.stderr
    log = result.stderr.decode()
    assert re.search(r"read .*dprk-russia-2024\.yaml: \d+ legs, \d+ stations, \d+ units "
                     r"\(\d+\.\d\d s\)", log), log
    quiet = run("timeline", str(REFERENCE), "-q")
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_verbose_export_logs_places_routes_and_the_file(tmp_path: Path) -> None:
    result = run("export", str(REFERENCE), "-o", str(tmp_path / "x.geojson"), "--verbose")
    assert result.returncode == 0, result.stderr
    log = result.stderr.decode()
    for pattern in (r"resolved places: \d+ references \(", r"routed leg 'first-echelon-by-sea' "
                    r"\(sea\): [\d,]+ km, [\d,]+ km, [\d,]+ km \(", r"wrote geojson .*x\.geojson: "
                    r"[\d,]+ kB \("):
        assert re.search(pattern, log), f"{pattern}\n{log}"


def test_shell_completion_as_documented() -> None:
    import os

    env = {**os.environ, "COMP_WORDS": "movemap exp", "COMP_CWORD": "1",
           "_MOVEMAP_COMPLETE": "bash_complete"}
    result = subprocess.run([sys.executable, "-m", "movemap"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert "export" in result.stdout.split(",")[-1].split()
    guide = (ROOT / "docs" / "analyst-guide.md").read_text(encoding="utf-8")
    assert "_MOVEMAP_COMPLETE=bash_source movemap" in guide
