"""Every `$ movemap ...` line of the README and the guides runs, and does what the docs say.

The commands run in a scratch folder laid out like a checkout, with the few files the docs
take as the reader's own (a report, an overlay, a railway line, a dataset with mistakes).
"""

from __future__ import annotations

import glob
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli

ROOT = Path(__file__).parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CORPUS = ROOT / "benchmarks" / "corpus"

# A dataset with the four mistakes the analyst's guide shows, and what each must say.
MISTAKES = """\
movemap: 1
name: my-operation
units:
  - {id: first-echelon, name: First echelon}
legs:
  - id: first-echelon-by-sea
    unit: first-echelon
    from: Chongjin
    to: Vladivostok
    start: 2024-10-08
    end: 2024-10-03
    mode: sea
  - id: leg1
    unit: first-echelon
    from: Springfield
    to: Kursk
    start: 2024-10-01
    end: 2024-10-03
    mode: rail
    strenght: 100
  - id: leg2
    unit: first-echelon
    from: Vladivostok
    to: Kursk
    start: 2024-10-01
    end: 2024-10-02
    mode: rail
"""
MISTAKE_MESSAGES = ["is before start", "did you mean 'strength'", "is ambiguous",
                    "implausible by rail"]


def _commands() -> list[str]:
    seen: dict[str, None] = {}
    for document in DOCUMENTS:
        for line in document.read_text(encoding="utf-8").splitlines():
            if line.startswith("$ movemap "):
                command = re.sub(r"\[[^\]]*\]", "", line[2:])  # optional parts: [--format json]
                seen[shlex.join(shlex.split(command, comments=True))] = None
    return list(seen)


COMMANDS = _commands()


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("checkout")
    layers = folder / "layers"
    layers.mkdir()
    for path in (ROOT / "layers").iterdir():
        (layers / path.name).symlink_to(path)
    (layers / "my-operation.yaml").write_text(MISTAKES, encoding="utf-8")
    shutil.copy(CORPUS / "dprk-russia-2024.txt", folder / "report.txt")
    (folder / "reports").mkdir()
    for name in ("dprk-russia-2024.txt", "incheon-1950.txt"):
        shutil.copy(CORPUS / name, folder / "reports" / name)
    (folder / "my-places.csv").write_text(
        "name,lat,lon,country,kind\nSergeevka training area,43.95,131.85,RU,site\n"
        "Sergeevka,43.95,131.85,RU,site\n", encoding="utf-8")
    line = {"type": "Feature", "properties": {"name": "Tumangang-Khasan"},
            "geometry": {"type": "LineString",
                         "coordinates": [[130.615, 42.415], [130.64, 42.42], [130.653, 42.432]]}}
    (folder / "tumangang-khasan.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [line]}), encoding="utf-8")
    return folder


def test_the_docs_show_commands() -> None:
    assert len(COMMANDS) >= 25
    for verb in ("resolve", "validate", "status", "timeline", "route", "render", "export",
                 "extract", "schema"):
        assert any(c.split()[1] == verb for c in COMMANDS), verb


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_command_runs(command: str, checkout: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(checkout)
    words = shlex.split(command)[1:]
    redirect = None
    if ">" in words:
        redirect = words[words.index(">") + 1]
        words = words[: words.index(">")]
    words = [w for word in words for w in (sorted(glob.glob(word)) if "*" in word else [word])]
    result = CliRunner().invoke(cli, words)
    message = f"{command}\n{result.output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), message

    if "my-operation" in command:  # the guide's example of validation messages
        assert result.exit_code == 2, message
        for text in MISTAKE_MESSAGES:
            assert text in result.output, f"{text!r} missing:\n{message}"
        assert re.search(r"^layers/my-operation\.yaml:\d+:\d+: ", result.output, re.M), message
        return

    assert result.exit_code == 0, message
    if redirect:
        assert json.loads(result.stdout)["$schema"], message
    if "-o" in words:
        target = checkout / words[words.index("-o") + 1]
        assert target.exists(), message
        if target.is_file():
            assert target.stat().st_size > 0, message
        else:
            assert any(target.iterdir()), message
