"""The wheel carries the geodata and the type marker: ``pip install .`` needs no checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("movemap-*.whl")
    return built


def test_wheel_contains_geodata(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"movemap/geo/admin1.geojson", "movemap/geo/countries.geojson",
            "movemap/geo/places.csv", "movemap/py.typed", "movemap/cli/__init__.py"} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "movemap = movemap.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_unpacked_wheel_finds_its_own_geodata(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = "import movemap.geodata as g; print(g.geo_path('places.csv'))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                         text=True, env={"PYTHONPATH": str(site)}, check=True, timeout=60)
    assert Path(out.stdout.strip()) == site / "movemap" / "geo" / "places.csv"
