"""What ``python -m build`` makes installs anywhere: the sdist rebuilds itself, the wheel
carries the geodata, the map's JavaScript and CSS with their licences, and a fresh virtual
environment outside the checkout renders the reference dataset into a map that opens
offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
ASSETS = ("leaflet.js", "leaflet.css", "LEAFLET-LICENSE", "manifest.json")


def _build(source: Path, out: Path, *which: str) -> None:
    """``python -m build`` without isolation: hatchling comes from the dev extra, offline."""
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", *which, "--outdir",
                    str(out), str(source)], check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, and the wheel ``python -m build`` makes from it (not from the checkout)."""
    out = tmp_path_factory.mktemp("dist")
    _build(ROOT, out)
    (sdist,) = out.glob("movemap-*.tar.gz")
    (wheel,) = out.glob("movemap-*.whl")
    return {"sdist": sdist, "wheel": wheel}


def test_wheel_contains_geodata_assets_and_licences(dists: dict[str, Path]) -> None:
    archive = zipfile.ZipFile(dists["wheel"])
    names = set(archive.namelist())
    assert {"movemap/geo/admin1.geojson", "movemap/geo/countries.geojson",
            "movemap/geo/places.csv", "movemap/py.typed", "movemap/cli/__init__.py",
            "movemap/render/static/movemap.js"} <= names
    assert {f"movemap/render/assets/{name}" for name in ASSETS} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "movemap = movemap.cli:main" in archive.read(entry_points).decode()
    manifest = json.loads(archive.read("movemap/render/assets/manifest.json"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert manifest["leaflet"]["version"] == lock["packages"]["node_modules/leaflet"]["version"]
    assert "BSD 2-Clause" in archive.read("movemap/render/assets/LEAFLET-LICENSE").decode()


def test_sdist_carries_what_rebuilds_it_and_no_tests(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"package.json", "package-lock.json", "tools/build_assets.py", "hatch_build.py",
            "LICENSE", "pyproject.toml", "geo/places.csv"} <= names
    assert {f"src/movemap/render/assets/{name}" for name in ASSETS} <= names
    assert not any(name.startswith(("tests/", "layers/")) for name in names)


def test_sdist_rebuilds_its_assets_from_the_lockfile(dists: dict[str, Path],
                                                    tmp_path: Path) -> None:
    """Assets deleted from an unpacked sdist come back from the pinned npm packages.

    ``node_modules`` is copied from the checkout (as ``npm ci`` made it) so that the test
    stays offline; the build hook then runs ``tools/build_assets.py`` itself.
    """
    with tarfile.open(dists["sdist"]) as archive:
        archive.extractall(tmp_path, filter="data")
    (source,) = tmp_path.glob("movemap-*")
    shutil.rmtree(source / "src" / "movemap" / "render" / "assets")
    shutil.copytree(ROOT / "node_modules", source / "node_modules")
    _build(source, tmp_path / "out", "--wheel")
    (wheel,) = (tmp_path / "out").glob("movemap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"movemap/render/assets/{name}" for name in ASSETS} <= names


@pytest.fixture(scope="module")
def installed(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment, outside the checkout, with the wheel installed.

    The wheel goes in with ``pip --no-index --no-deps``; its dependencies are those this test
    run has (a path file adds their folder, after the environment's own), so nothing is
    downloaded. The editable movemap of the checkout is not visible there: path files in
    that folder are not read.
    """
    home = tmp_path_factory.mktemp("fresh")
    env_dir = home / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True).stdout.strip())
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-index", "--no-deps", str(dists["wheel"])],
                   check=True, capture_output=True, timeout=300)
    return env_dir


def _run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return subprocess.run([str(env_dir / "bin" / "movemap"), *args], cwd=cwd,
                          capture_output=True, text=True, env=environ, timeout=600)


def test_fresh_install_is_the_wheel_with_its_requirements(installed: Path) -> None:
    probe = ("import importlib.metadata as m, movemap.render as r, re\n"
             "print(r.__file__)\n"
             "for req in m.requires('movemap'):\n"
             "    if 'extra ==' not in req:\n"
             "        print(m.version(re.split('[<>=!~ ;\\\\[]', req)[0]))\n")
    environ = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    out = subprocess.run([str(installed / "bin" / "python"), "-c", probe], cwd=installed,
                         capture_output=True, text=True, check=True,
                         env=environ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(installed)
    assert len(out) > 10  # every declared requirement has an installed version


@pytest.fixture(scope="module")
def fresh_map(installed: Path) -> Path:
    """The reference dataset rendered by the fresh install's ``movemap`` command."""
    work = installed.parent / "work"
    work.mkdir()
    shutil.copy(REFERENCE, work / REFERENCE.name)
    result = _run(installed, "render", REFERENCE.name, "-o", "map.html", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "map.html"


def test_fresh_install_renders_the_reference_dataset(fresh_map: Path) -> None:
    page = fresh_map.read_text(encoding="utf-8")
    assert "Leaflet" in page and "movemapReady" in page
    assert "node_modules" not in page and "run `make assets`" not in page


@pytest.mark.browser
def test_fresh_install_map_opens_offline(browser: Any, fresh_map: Path) -> None:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(fresh_map.resolve().as_uri())
    page.wait_for_function("window.movemapReady === true", timeout=15_000)
    paths = page.evaluate("document.querySelectorAll('path.leaflet-interactive').length")
    page.close()
    assert errors == []
    assert requests == [fresh_map.resolve().as_uri()]
    assert paths > 10
