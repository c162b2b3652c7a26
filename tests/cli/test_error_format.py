"""Every command's user errors come out in one shape (``movemap.cli.messages``): each
subcommand is run with a bad input and its stderr is read with one pattern."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import _COMMANDS, cli
from movemap.cli.messages import LINE, LogFormatter

ROOT = Path(__file__).parent.parent.parent
REFERENCE = str(ROOT / "layers" / "dprk-russia-2024.yaml")
MALFORMED = ROOT / "tests" / "data" / "malformed"
END_BEFORE_START = str(MALFORMED / "12-end-before-start.yaml")

# VS Code's "$gcc" problem matcher, as VS Code ships it: editors find file and line with it
GCC_MATCHER = re.compile(r"^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$")


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str | None, int | None]]:
    """Per command: arguments with one mistake, the file the error names and its line."""
    overlay = tmp / "places.csv"
    overlay.write_text("name,lat,lon\nA,north,2\n", encoding="utf-8")
    binary = tmp / "report.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return {
        "resolve": (["resolve", "Kursk", "--gazetteer", str(overlay)], str(overlay), 2),
        "route": (["route", "Moscow", "Kursk", "--mode", "sea"], None, None),
        "validate": (["validate", "--no-places", END_BEFORE_START], END_BEFORE_START, 15),
        "status": (["status", REFERENCE, "--on", "2024-13-01"], None, None),
        "timeline": (["timeline", END_BEFORE_START], END_BEFORE_START, 15),
        "schema": (["schema", "--pretty"], None, None),
        "render": (["render", REFERENCE, "--units", "nope", "-o", str(tmp / "x.html")],
                   None, None),
        "export": (["export", REFERENCE, "-o", str(tmp / "x.shp")], None, None),
        "extract": (["extract", str(binary)], None, None),
        "merge": (["merge", END_BEFORE_START, "-o", str(tmp / "m.yaml")], END_BEFORE_START,
                  15),
    }


TALLY = re.compile(r"^.+: \d+ errors?, \d+ warnings?$")  # validate's count per file


def _error_lines(stderr: str) -> list[str]:
    return [text for text in stderr.splitlines()
            if re.search(r"\berror\b", text, re.I) and not TALLY.match(text)]


def test_every_command_has_a_bad_input_case(tmp_path: Path) -> None:
    assert set(_bad_inputs(tmp_path)) == set(_COMMANDS)


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_bad_input_is_one_located_line_in_one_shape(tmp_path: Path, command: str) -> None:
    args, path, row = _bad_inputs(tmp_path)[command]
    result = CliRunner().invoke(cli, args, prog_name="movemap")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr and "Usage:" not in result.stderr
    lines = _error_lines(result.stderr)
    assert lines, result.stderr
    matches = [LINE.match(text) for text in lines]
    assert all(matches), lines
    first = matches[0]
    assert first is not None and first["severity"] == "error"
    if path is None:
        assert first["file"] is None and first["message"]
        return
    assert (first["file"], int(first["line"])) == (path, row)
    gcc = GCC_MATCHER.match(lines[0])
    assert gcc is not None and (gcc[1], int(gcc[2]), gcc[4]) == (path, row, "error")


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_usage_errors_have_the_same_shape(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--no-such-option"], prog_name="movemap")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"movemap: error: no such option: --no-such-option "
                                     f"(see 'movemap {command} --help')")
    assert LINE.match(result.stderr.strip())


@pytest.mark.parametrize(("args", "expected"), [
    (["rendr"], "movemap: error: no such command 'rendr' (see 'movemap --help')"),
    (["--colour"], "movemap: error: no such option: --colour (see 'movemap --help')"),
    (["render"], "movemap: error: missing argument 'DATASET' (see 'movemap render --help')"),
    (["export", REFERENCE, "--format", "bmp"],
     "movemap: error: --format: 'bmp' is not one of 'png', 'svg', 'pdf', 'gif', 'kml', 'kmz', "
     "'geojson', 'gpkg', 'csv', 'mfjson' (see 'movemap export --help')"),
    (["export", REFERENCE, "--formt", "png"],
     "movemap: error: no such option: --formt; did you mean --force or --format or --from? "
     "(see 'movemap export --help')"),
    (["status", REFERENCE, "--on", "someday"],
     "movemap: error: --on: 'someday' is not a date; use one of: YYYY-MM-DD, YYYY-MM-DD "
     "HH:MM (read as its day), YYYY-MM, YYYY-Qn, YYYY, early|mid|late YYYY-MM, A/B, "
     "by|before|after|since DATE"),
])
def test_usage_and_option_errors_name_the_option(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(cli, args, prog_name="movemap")
    assert result.exit_code == 2
    assert result.stderr.strip() == expected


def test_every_problem_of_a_dataset_is_a_line_an_editor_reads(tmp_path: Path) -> None:
    bad = tmp_path / "two.yaml"
    bad.write_text("movemap: 1\nname: two\nunits:\n  - {id: u1, name: U}\nlegs:\n"
                   "  - {id: a, unit: u1, from: Chongjin, to: Vladivostok, start: 2024-13-01}\n"
                   "  - {id: b, unit: u2, from: Chongjin, to: Vladivostok, start: 2024-10-01}\n",
                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "movemap", "render", str(bad), "-o",
                             str(tmp_path / "x.html")], capture_output=True, text=True,
                            timeout=600, cwd=ROOT)
    assert result.returncode == 2
    located = [LINE.match(text) for text in result.stderr.splitlines()]
    assert [(m["file"], m["line"], m["severity"]) for m in located if m] == [
        (str(bad), "6", "error"), (str(bad), "7", "error")], result.stderr
    assert not (tmp_path / "x.html").exists()


def test_a_name_not_found_is_an_error_line_with_suggestions() -> None:
    result = CliRunner().invoke(cli, ["resolve", "Chongjin", "Xyzzyville"])
    assert result.exit_code == 1
    assert "Chongjin" in result.stdout
    match = LINE.match(result.stderr.strip())
    assert match is not None and match["file"] is None
    assert match["message"].startswith("no place named 'Xyzzyville'; did you mean: ")


@pytest.mark.parametrize(("level", "severity"), [
    (logging.WARNING, "warning"), (logging.ERROR, "error"), (logging.CRITICAL, "error")])
def test_a_log_line_says_its_severity(level: int, severity: str) -> None:
    record = logging.LogRecord("movemap.cache", level, __file__, 1,
                               "the cached %s is damaged (%s); rebuilding it",
                               ("gazetteer index", "a file is missing"), None)
    text = LogFormatter().format(record)
    assert text == (f"movemap: {severity}: the cached gazetteer index is damaged (a file is "
                    "missing); rebuilding it")
    match = LINE.match(text)
    assert match is not None and match["severity"] == severity


def test_progress_lines_are_not_problems() -> None:
    # -v's account of each step is neither an error nor a warning, so no pattern takes it
    record = logging.LogRecord("movemap.timing", logging.INFO, __file__, 1, "wrote map %s",
                               ("x.html",), None)
    text = LogFormatter().format(record)
    assert text == "movemap: wrote map x.html" and LINE.match(text) is None


def test_warnings_of_every_command_are_lines_an_editor_reads(tmp_path: Path) -> None:
    # a rail leg from a point far from any line warns from routing, through the log, in
    # `status`; `route` prints the same route's warnings itself: both in one shape
    data = tmp_path / "far.yaml"
    data.write_text("movemap: 1\nname: far\nsources: [{id: s1, publisher: P}]\n"
                    "units: [{id: u1, name: U}]\nlegs:\n"
                    "  - {id: l1, unit: u1, from: {name: A, lat: 70.0, lon: 150.0}, "
                    "to: {name: B, lat: 51.73, lon: 36.19}, start: 2024-10-01, mode: rail, "
                    "sources: [s1]}\n", encoding="utf-8")
    runs = {
        "status": [sys.executable, "-m", "movemap", "status", str(data), "--on", "2024-10-05"],
        "route": [sys.executable, "-m", "movemap", "route", "Tiksi", "Kursk", "--mode",
                  "rail"],
    }
    for command, args in runs.items():
        result = subprocess.run(args, capture_output=True, text=True, check=False, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        warned = [line for line in result.stderr.splitlines() if "no rail line" in line]
        assert warned, (command, result.stderr)
        for text in warned:
            match = LINE.match(text)
            assert match is not None and match["severity"] == "warning", (command, text)
