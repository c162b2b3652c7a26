"""Warnings at scale: many of one kind are counted after the first few, ``--all`` (or
``-v`` for the log) prints every line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from movemap.cli import cli
from movemap.cli.problems import SHOWN, kind_of, summarise


def _dataset(path: Path, legs: int, mode: str = "road", sources: str = "") -> Path:
    rows = "".join(
        f"  - {{id: l{i}, unit: u1, from: {{name: A{i}, lat: 41.8, lon: 129.78}}, "
        f"to: {{name: B{i}, lat: 51.73, lon: 36.19}}, start: 2024-10-{1 + i % 9:02d}, "
        f"mode: {mode}{sources}}}\n" for i in range(legs))
    path.write_text("movemap: 1\nname: many\nsources: [{id: s1, publisher: P}]\n"
                    f"units: [{{id: u1, name: U}}]\nlegs:\n{rows}", encoding="utf-8")
    return path


def test_kind_leaves_out_what_varies() -> None:
    a = kind_of("leg 'l1': rail from Chongjin to Kursk: no rail line within 30 km of the "
                "start (nearest 229 km); drawn as a great circle (approximate)")
    b = kind_of("leg 'other-7': rail from Bergen to Oslo: no rail line within 30 km of the "
                "start (nearest 31 km); drawn as a great circle (approximate)")
    assert a == b == ("no rail line within N km of the start (nearest N km); drawn as a "
                      "great circle (approximate)")
    assert kind_of("leg 'l1': cites no source") != kind_of("station 's1': 'X' is not a known "
                                                           "name; read as X (a close spelling)")


def test_summary_counts_beyond_the_first_few() -> None:
    lines = [("a", f"a{i}") for i in range(10)] + [("b", "b0"), ("b", "b1")]
    assert summarise(lines) == ["a0", "a1", "a2",
                                "  ... and 7 more like these (10 in all): a", "b0", "b1"]
    assert summarise(lines, every=True) == [line for _, line in lines]
    assert summarise([("a", f"a{i}") for i in range(SHOWN + 1)]) == [
        f"a{i}" for i in range(SHOWN + 1)]


def test_validate_summarises_warnings_and_all_prints_every_one(tmp_path: Path) -> None:
    path = _dataset(tmp_path / "many.yaml", 40)
    result = CliRunner().invoke(cli, ["validate", "--no-places", str(path)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines == [
        *(f"{path}:{6 + i}:5: warning: leg 'l{i}': cites no source" for i in range(3)),
        "  ... and 37 more like these (40 in all): cites no source",
        f"{path}: valid, 40 warnings"]
    every = CliRunner().invoke(cli, ["validate", "--no-places", "--all", str(path)])
    assert len(every.stdout.splitlines()) == 41


def test_errors_are_never_summarised(tmp_path: Path) -> None:
    path = _dataset(tmp_path / "bad.yaml", 12, mode="boat")
    result = CliRunner().invoke(cli, ["validate", "--no-places", str(path)])
    assert result.exit_code == 2
    assert sum("mode 'boat' is not one of" in line for line in result.stderr.splitlines()) == 12


def test_log_warnings_of_a_command_are_summarised(tmp_path: Path) -> None:
    # rail legs from a point far from any line: each gives the same kind of route warning
    path = _dataset(tmp_path / "rail.yaml", 8, mode="rail", sources=", sources: [s1]")
    path.write_text(path.read_text(encoding="utf-8").replace("lat: 41.8, lon: 129.78",
                                                             "lat: 70.0, lon: 150.0"),
                    encoding="utf-8")
    command = [sys.executable, "-m", "movemap", "status", str(path), "--on", "2024-10-05"]
    quiet = subprocess.run(command, capture_output=True, text=True, check=False)
    assert quiet.returncode == 0, quiet.stderr
    warned = [line for line in quiet.stderr.splitlines()
              if line.startswith("movemap: warning: leg")]
    assert len(warned) == SHOWN
    assert "  ... and 5 more like these (8 in all): no rail line within N km" in quiet.stderr
    loud = subprocess.run([*command[:3], "-v", *command[3:]], capture_output=True, text=True,
                          check=False)
    assert sum("no rail line" in line for line in loud.stderr.splitlines()) == 8
