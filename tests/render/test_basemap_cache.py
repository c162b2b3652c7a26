"""The basemap's cut layers are kept in the cache folder: a second map of the same extent
cuts nothing, and a damaged file is cut again with one line of notice."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import shapely

module = importlib.import_module("movemap.render.basemap")  # the module, not its function

BOUNDS = (127.0, 38.0, 134.0, 44.0)  # the Korean peninsula and Primorye


def test_second_call_reads_the_kept_layers(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(tmp_path))
    first = module.basemap_layers(BOUNDS, ["KP", "RU"])
    files = list(tmp_path.glob("basemap-*/layers-*.npz"))
    assert len(files) == 1
    cuts: list[int] = []
    real = module._cut_layers
    monkeypatch.setattr(module, "_cut_layers", lambda *a: (cuts.append(1), real(*a))[1])
    again = module.basemap_layers(BOUNDS, ["RU", "KP", "KP"])  # the same set of countries
    assert not cuts
    assert set(again) == {"land", "admin1", "lakes", "rivers", "railways"}
    for name, geoms in first.items():
        assert len(geoms) == len(again[name])
        assert all(shapely.equals_exact(a, b, 0) for a, b in zip(geoms, again[name],
                                                                  strict=True))
    assert first["land"] and first["admin1"]  # the peninsula has land and regions
    module.basemap_layers(BOUNDS, ["KP"])  # other countries: another cut, another file
    assert len(cuts) == 1 and len(list(tmp_path.glob("basemap-*/layers-*.npz"))) == 2


def test_damaged_file_is_cut_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(tmp_path))
    first = module.basemap_layers(BOUNDS, ["KP"])
    [kept] = tmp_path.glob("basemap-*/layers-*.npz")
    kept.write_bytes(kept.read_bytes()[:100])
    again = module.basemap_layers(BOUNDS, ["KP"])
    assert "damaged" in caplog.text
    assert [len(v) for v in again.values()] == [len(v) for v in first.values()]
    assert kept.stat().st_size > 100  # written again


def test_read_only_cache_still_draws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(blocker / "cache"))
    assert module.basemap_layers(BOUNDS, ["KP"])["land"]


def test_world_land_is_read_once_then_kept(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
    """The locator map's countries: read from the shipped file once, then from the cache
    folder (no file read, so no pyogrio), the same shapes; a damaged copy is read again."""
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(tmp_path))
    first = module.world_land()
    assert len(first) > 200
    reads: list[str] = []
    real = module._layer
    monkeypatch.setattr(module, "_layer", lambda name: (reads.append(name), real(name))[1])
    again = module.world_land()
    assert not reads
    assert all(shapely.equals_exact(a, b, 0) for a, b in zip(first, again, strict=True))
    [kept] = tmp_path.glob("basemap-*/world-land.npz")
    kept.write_bytes(kept.read_bytes()[:100])
    assert len(module.world_land()) == len(first)
    assert reads == ["countries"] and "damaged" in caplog.text
