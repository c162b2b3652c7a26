"""Writing outputs: whatever stands at the output path (a device, a link, a read-only file, the
command's own input) and however the write fails (a full disk, a file too large), the result is
the new file or one message, never a replaced device, a half-written file or a lost input."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.errors import WriteError
from movemap.io.atomic import write_atomic

DATASET = """movemap: 1
name: small
sources:
  - {id: s1, publisher: P}
units:
  - {id: u1, name: Unit one}
legs:
  - {id: l1, unit: u1, from: {name: A, lat: 41.8, lon: 129.8},
     to: {name: B, lat: 43.1, lon: 131.9}, start: 2024-10-08, end: 2024-10-13, mode: air}
"""


def test_a_device_is_written_to_not_replaced() -> None:
    """Renaming a temporary file onto /dev/null would put a file where the device was (as
    root, for every program on the machine)."""
    assert write_atomic("/dev/null", "x" * 10_000) == Path("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(WriteError, match="cannot write: No space left on device") as info:
        write_atomic("/dev/full", b"x" * 10_000)
    assert info.value.path == "/dev/full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_link_is_followed(tmp_path: Path) -> None:
    target = tmp_path / "maps" / "real.kml"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.kml"
    link.symlink_to(target)
    assert write_atomic(link, "new") == link
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["real.kml"]


def _child(code: str, tmp_path: Path, *, read_only_bits: bool = False,
           file_size: int | None = None) -> subprocess.CompletedProcess[str]:
    """``code`` in a child process: without root's power to ignore a file's mode
    (``read_only_bits``), or with the largest file it may write bounded (``file_size``)."""
    def limits() -> None:
        if read_only_bits and os.getuid() == 0:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
                assert libc.prctl(24, capability, 0, 0, 0) == 0  # PR_CAPBSET_DROP
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails: EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          preexec_fn=limits, cwd=tmp_path, timeout=60, check=False)


def test_a_read_only_file_is_refused_not_replaced(tmp_path: Path) -> None:
    kept = tmp_path / "out.kml"
    kept.write_text("keep me", encoding="utf-8")
    kept.chmod(0o444)
    result = _child("from movemap.io.atomic import write_atomic\n"
                    "from movemap.errors import WriteError\n"
                    "try:\n    write_atomic('out.kml', 'new')\n"
                    "except WriteError as exc:\n    print(exc)\n", tmp_path, read_only_bits=True)
    assert result.stdout == "out.kml: cannot write: the file is read-only\n", result.stderr
    assert kept.read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["out.kml"]


def test_a_write_that_fails_midway_is_one_message_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "out.png").write_bytes(b"previous")
    result = _child("from movemap.io.atomic import write_atomic\n"
                    "from movemap.errors import WriteError\n"
                    "try:\n    write_atomic('out.png', b'x' * 100_000)\n"
                    "except WriteError as exc:\n    print(exc)\n", tmp_path, file_size=10_000)
    assert result.stdout == "out.png: cannot write: File too large\n", result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]  # no temporary file left
    assert (tmp_path / "out.png").read_bytes() == b"previous"


@pytest.mark.parametrize("args", [
    ["render", "{data}", "-o", "{data}"],
    ["export", "{data}", "--format", "geojson", "--force", "-o", "{folder}/../{name}/data.yaml"],
    ["extract", "{report}", "-o", "{report}"],
])
def test_an_output_that_is_the_input_is_refused(tmp_path: Path, args: list[str]) -> None:
    data, report = tmp_path / "data.yaml", tmp_path / "report.txt"
    data.write_text(DATASET, encoding="utf-8")
    report.write_text("Troops moved from Chongjin to Vladivostok on 8 October 2024.\n",
                      encoding="utf-8")
    argv = [a.format(data=data, report=report, folder=tmp_path, name=tmp_path.name)
            for a in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"movemap: error: --output: {argv[-1]} is the input file"
        f"{'' if argv[-1] == argv[1] else ' ' + argv[1]}; writing it would replace the "
        "input: choose another output file"]
    assert data.read_text(encoding="utf-8") == DATASET
    assert report.read_text(encoding="utf-8").startswith("Troops moved")


@pytest.mark.parametrize("args", [
    ["status", "{data}", "--on", "2024-10-10"],
    ["export", "{data}", "--format", "geojson", "-o", "-"],
    ["export", "{data}", "--format", "kml", "-o", "/dev/full"],
])
def test_a_full_disk_is_one_message(tmp_path: Path, args: list[str]) -> None:
    """Standard output or ``-o`` on a full disk (``/dev/full``): one line and exit 2."""
    data = tmp_path / "data.yaml"
    data.write_text(DATASET, encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "movemap",
                                 *[a.format(data=data) for a in args]], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120, check=False,
                                env={**os.environ, "MOVEMAP_PROCESSES": "1"})
    where = "/dev/full" if "/dev/full" in args else "standard output"
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"movemap: error: {where}: cannot write: No space left on device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize(("name", "reason"), [
    ("x" * 300 + ".kml", "File name too long"),
    ("data.yaml/out.kml", "{folder}/data.yaml is a file, not a folder"),
])
def test_a_path_the_system_refuses_is_one_message(tmp_path: Path, name: str,
                                                  reason: str) -> None:
    data = tmp_path / "data.yaml"
    data.write_text(DATASET, encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(data), "-o", str(tmp_path / name)])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"movemap: error: {tmp_path / name}: cannot write: {reason.format(folder=tmp_path)}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]


def test_a_link_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "latest.kml"
    link.symlink_to(tmp_path / "gone" / "real.kml")
    with pytest.raises(WriteError, match=r"latest.kml: cannot write: it is a link to .*gone/"
                                         r"real.kml, in a folder that does not exist"):
        write_atomic(link, "new")
    assert not (tmp_path / "gone").exists() and link.is_symlink()


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    """A map made private (or shared with a group) stays so when a command writes it again."""
    path = tmp_path / "map.kml"
    path.write_text("old", encoding="utf-8")
    path.chmod(mode)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_new_file_takes_the_usual_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.kml", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.kml").stat().st_mode) == 0o644


def test_a_replaced_geopackage_keeps_its_mode(tmp_path: Path) -> None:
    """The GeoPackage is staged by GDAL, not by write_atomic: it keeps the mode too."""
    data = tmp_path / "small.yaml"
    data.write_text(DATASET, encoding="utf-8")
    out = tmp_path / "small.gpkg"
    out.write_bytes(b"old")
    out.chmod(0o600)
    result = CliRunner().invoke(cli, ["export", str(data), "--format", "gpkg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_no_set_id_or_sticky_bit_carries_over_to_the_new_file(tmp_path: Path) -> None:
    """Only the read and write bits of the replaced file are kept (and output_mode says the
    same): a data file written again never becomes set-id."""
    from movemap.io.atomic import output_mode

    path = tmp_path / "map.kml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o2640)
    assert output_mode(path) == 0o640
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
