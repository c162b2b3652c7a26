"""The gazetteer index is built once into the cache folder and rebuilt when inputs change."""

from __future__ import annotations

from pathlib import Path

import pytest

from movemap import cache as cache_folder
from movemap.gazetteer import cache
from movemap.gazetteer.place import Kind
from movemap.gazetteer.sources import Entry


def _small() -> list[Entry]:
    return [
        Entry(id="t:1", name="Alphaville", lat=1.0, lon=2.0, country="XX", admin1=None,
              kind=Kind.CITY, population=10, source="test", alt_names=["Альфавиль"]),
        Entry(id="t:2", name="Betatown", lat=3.0, lon=4.0, country="XX", admin1=None,
              kind=Kind.CITY, population=20, source="test"),
    ]


@pytest.fixture
def small_build(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def fake_entries() -> list[Entry]:
        calls.append("built")
        return _small()

    monkeypatch.setattr(cache, "reference_entries", fake_entries)
    return calls


def test_built_once_then_reused(tmp_path: Path, small_build: list[str]) -> None:
    first = cache.open_index(tmp_path)
    second = cache.open_index(tmp_path)
    assert small_build == ["built"]
    assert first.folder == second.folder
    assert [first.place(n).name for n, _ in first.exact("альфавиль")] == ["Alphaville"]
    assert [p.name for p in tmp_path.iterdir() if p.name != ".locks"] == [first.folder.name]


def test_rebuilt_when_inputs_change(
    tmp_path: Path, small_build: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = cache.open_index(tmp_path).folder
    monkeypatch.setattr(cache, "fingerprint", lambda: "0123456789abcdef")
    cache_folder.release()  # this process no longer uses the old index
    new = cache.open_index(tmp_path).folder
    assert small_build == ["built", "built"]
    assert new.name == "gazetteer-0123456789abcdef"
    assert not old.exists()  # the stale index is removed


def test_failed_build_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list[Entry]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cache, "reference_entries", broken)
    with pytest.raises(RuntimeError):
        cache.open_index(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [".locks"]


def test_fingerprint_depends_on_shipped_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache.fingerprint()
    fake_geo = tmp_path / "geo"
    fake_geo.mkdir()
    for name in cache._GEO_FILES:
        (fake_geo / name).write_text("changed", encoding="utf-8")
    monkeypatch.setattr(cache, "geo_path", lambda name: fake_geo / name)
    assert cache.fingerprint() != before


def test_damaged_index_rebuilt(
    tmp_path: Path, small_build: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A file of the index cut to nothing (a 0-byte ``exact.keys.npy``) means one rebuild."""
    folder = cache.open_index(tmp_path).folder
    (folder / "exact.keys.npy").write_bytes(b"")
    index = cache.open_index(tmp_path)
    assert small_build == ["built", "built"]
    assert [index.place(n).name for n, _ in index.exact("betatown")] == ["Betatown"]
    assert any("damaged" in r.getMessage() for r in caplog.records)
