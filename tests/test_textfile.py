"""Every reader of user files fails the same way: the error type asked for, naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.errors import OverlayError
from movemap.textfile import read_text


def test_text_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_bytes("\ufeffname,lat,lon\n".encode())
    assert read_text(path, OverlayError) == "name,lat,lon\n"


def test_bad_bytes_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_bytes(b"name,lat,lon\nKursk,51.7,36.2\n\xff\n")
    with pytest.raises(OverlayError, match="not UTF-8 text") as info:
        read_text(path, OverlayError)
    assert (info.value.path, info.value.line) == (str(path), 3)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OverlayError, match="no such file"):
        read_text(tmp_path / "nope.csv", OverlayError)


@pytest.mark.parametrize(("args", "content", "expected"), [
    (["resolve", "--file", "{path}"], b"Kursk\n\xff\n", "names.txt:2: error: not UTF-8 text"),
    (["route", "Vladivostok", "Kursk", "--mode", "rail", "--rail-lines", "{path}"],
     b'{"type": bad', "names.txt:1:10: error: not GeoJSON"),
])
def test_cli_readers_report_file_and_line(tmp_path: Path, args: list[str], content: bytes,
                                          expected: str) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, [a.format(path=path) for a in args])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
