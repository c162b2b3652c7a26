"""Hostile and broken input: each file of ``tests/data/hostile`` gives its one expected
message and exit status 2, within a bound on CPU time and memory that the operating system
enforces on the child process (``setrlimit``), never a traceback."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from movemap.errors import MovemapError
from movemap.io import MAX_DATASET_BYTES, parse_dataset
from movemap.io import nodes as located_module
from movemap.io.yaml import parse_yaml

CORPUS = Path(__file__).parent / "data" / "hostile"
MEMORY_BYTES = 1536 * 2**20  # address space: the interpreter and its libraries take ~700 MB
CPU_SECONDS = 20


def _expected() -> dict[str, str]:
    out = {}
    for line in (CORPUS / "expected.txt").read_text(encoding="utf-8").splitlines():
        name, _, message = line.partition(": ")
        out[name] = message
    return out


EXPECTED = _expected()


def cli_line(path: Path, expected: str) -> str:
    """The line the command line prints for an expected ``LINE:COLUMN: message`` (or a
    message about the whole file)."""
    where, _, message = expected.partition(": ")
    if not where[:1].isdigit():
        return f"movemap: error: {path}: {expected.strip()}"
    return f"{path}:{where}: error: {message}"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_bounded(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process that the kernel stops past the CPU and memory bounds."""
    return subprocess.run([sys.executable, "-m", "movemap", *args], capture_output=True,
                          text=True, preexec_fn=_limits, timeout=120, check=False)


def test_corpus_covers_every_file() -> None:
    assert set(EXPECTED) == {p.name for p in CORPUS.iterdir() if p.name not in (
        "expected.txt", "README.md")}
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_gives_its_message_within_bounds(name: str) -> None:
    path = CORPUS / name
    result = run_bounded("validate", "--no-places", str(path))
    # a negative code is a signal: SIGXCPU past the CPU bound, SIGKILL/SIGSEGV past memory
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == cli_line(path, EXPECTED[name])


@pytest.mark.parametrize("command", [("status", "--on", "2024-10-10"), ("timeline",),
                                     ("render", "-o", "{tmp}/x.html"),
                                     ("export", "-o", "{tmp}/x.gpkg")])
@pytest.mark.parametrize("name", ["01-alias-bomb.yaml", "03-deep-flow-nesting.yaml",
                                  "05-400-digit-strength.yaml"])
def test_every_command_refuses_hostile_files(tmp_path: Path, name: str,
                                             command: tuple[str, ...]) -> None:
    args = [a.format(tmp=tmp_path) for a in command]
    result = run_bounded(args[0], str(CORPUS / name), *args[1:])
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.startswith(cli_line(CORPUS / name, EXPECTED[name]))
    assert list(tmp_path.iterdir()) == []


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as file:  # sparse: no disk used, and only the limit is read
        file.truncate(MAX_DATASET_BYTES + 1)
    result = run_bounded("validate", "--no-places", str(big))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"movemap: error: {big}: the file is larger than 64 MB, the limit for this input; "
        "split it into smaller files")


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".yaml")))
def test_pure_python_parser_gives_the_same_messages(
        monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Without libyaml, PyYAML's own parser gives the same message under the same limits."""
    messages = []
    for loader in (located_module._FastLoader, located_module._Loader):
        monkeypatch.setattr(located_module, "_FastLoader", loader)
        try:
            messages.append([p.format(None) for p in parse_dataset(CORPUS / name).problems])
        except MovemapError as exc:  # bytes that are no text stop before any parser
            messages.append([str(exc)])
    assert messages[0] == messages[1]
    assert messages[0]


def test_limits_leave_legitimate_aliases_alone() -> None:
    """An alias per leg (the same sources cited 5,000 times) is normal use, not a bomb."""
    legs = "".join(f"  - {{id: l{i}, unit: u1, from: Chongjin, to: Vladivostok, "
                   f"start: 2024-10-08, sources: *all}}\n" for i in range(5000))
    text = ("movemap: 1\nname: ok\nsources:\n  - {id: a, publisher: P}\n"
            "  - {id: b, publisher: Q}\nunits: [{id: u1, name: U}]\n"
            "description: ok\nlegs:\n" + legs).replace(
        "l0, unit: u1, from: Chongjin, to: Vladivostok, start: 2024-10-08, sources: *all",
        "l0, unit: u1, from: Chongjin, to: Vladivostok, start: 2024-10-08, sources: &all [a, b]")
    parsed = parse_yaml(text)
    assert parsed.problems == []
    assert parsed.dataset is not None
    assert {leg.sources for leg in parsed.dataset.legs} == {("a", "b")}
    assert len(parsed.dataset.legs) == 5000


def test_every_control_character_is_named_with_its_line() -> None:
    """Escapes put control characters past YAML's own check: each text field, a place name
    and an equipment name say which, where; the message shows the character escaped."""
    path = CORPUS / "23-escaped-controls.yaml"
    result = run_bounded("validate", "--no-places", str(path))
    assert result.returncode == 2
    errors = [x for x in result.stderr.splitlines() if ": error: " in x]
    assert [e.split(": error: ")[0].removeprefix(f"{path}:") for e in errors] == [
        "5:16", "8:11", "12:11", "17:30"]
    shown = [e.split("character ")[1][:6] for e in errors]
    assert shown == ["U+0000", "U+001B", "U+0007", "U+009B"]
    assert not any(c in result.stderr for c in "\x00\x1b\x07\x9b")  # none reach the terminal
