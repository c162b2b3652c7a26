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
    # the json module's recursion guard and Python's limit on an integer's digits
    (["route", "Vladivostok", "Kursk", "--mode", "rail", "--rail-lines", "{path}"],
     b"[" * 5000 + b"]" * 5000,
     "names.txt: not GeoJSON lines: arrays and objects nested too deeply"),
    (["route", "Vladivostok", "Kursk", "--mode", "road", "--road-lines", "{path}"],
     b"[1" + b"0" * 5000 + b"]", "names.txt: not GeoJSON lines: a number of more than 4,300"),
])
def test_cli_readers_report_file_and_line(tmp_path: Path, args: list[str], content: bytes,
                                          expected: str) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, [a.format(path=path) for a in args])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_their_byte_order_mark_are_read(tmp_path: Path,
                                                             encoding: str) -> None:
    """Windows' "Unicode" text: UTF-16 (or UTF-32) with its mark, read as the text it is
    (UTF-32 LE's mark starts with UTF-16 LE's: it must not be read as UTF-16)."""
    path = tmp_path / "places.csv"
    text = "name,lat,lon\nЧхонджин,41.8,129.8\n"
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding.endswith("be")
                     else text.encode(encoding))
    assert read_text(path, OverlayError) == text


@pytest.mark.parametrize(("content", "line"), [
    ("name,lat,lon\nKursk,51.7,36.2\n".encode("utf-16-le"), 1),  # UTF-16 without its mark
    (b"name,lat,lon\nKursk,51.7,36.2\nKu\x00rsk,1,2\n", 3),
])
def test_a_nul_byte_is_no_text(tmp_path: Path, content: bytes, line: int) -> None:
    path = tmp_path / "places.csv"
    path.write_bytes(content)
    with pytest.raises(OverlayError, match=r"a NUL byte: not a text file .*save it as UTF-8"
                       ) as info:
        read_text(path, OverlayError)
    assert (info.value.path, info.value.line) == (str(path), line)


def test_a_name_list_saved_as_utf16_without_its_mark_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("Chongjin\nKursk\n".encode("utf-16-le"))
    result = CliRunner().invoke(cli, ["resolve", "--file", str(path)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"{path}:1: error: a NUL byte: not a text file (UTF-16 saved without its byte-order "
        "mark, or binary); save it as UTF-8"]
