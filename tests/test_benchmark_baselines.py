"""Benchmarks' baselines measure what they say: the previous release keeps its caches in the
benchmark's own folder (never the user's), and a build "from GeoJSON" really builds."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import page_bench  # noqa: E402
import release  # noqa: E402
import routing_bench  # noqa: E402


def test_a_release_runs_with_its_own_cache_beside_this_checkouts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(tmp_path / "cache"))
    env = release.environment(tmp_path / "tree")
    assert env["PYTHONPATH"] == str(tmp_path / "tree" / "src")
    assert Path(env["MOVEMAP_CACHE_DIR"]) == tmp_path / "cache" / "previous-release"


def test_without_a_cache_folder_set_a_release_caches_in_the_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOVEMAP_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    cache = Path(release.environment(tmp_path / "tree")["MOVEMAP_CACHE_DIR"])
    assert cache.is_relative_to(tempfile.gettempdir())
    assert not cache.is_relative_to(Path.home())


def test_page_bench_renders_the_release_with_that_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOVEMAP_CACHE_DIR", str(tmp_path / "cache"))
    runs: list[dict[str, Any]] = []

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        runs.append(kwargs)
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(page_bench.subprocess, "run", run)
    page_bench._render_previous(tmp_path / "tree", tmp_path / "d.yaml", tmp_path / "o.html")
    assert [r["env"] for r in runs] == [release.environment(tmp_path / "tree")]


def test_the_build_baseline_builds_from_the_geojson_every_time(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    lines = tmp_path / "lines.geojson"
    lines.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "LineString", "coordinates": [[131.9, 43.1], [132.0, 43.2],
                                                            [132.2, 43.3]]}}]}),
                     encoding="utf-8")
    caplog.set_level(logging.INFO, logger="movemap")
    for _ in range(2):
        network = routing_bench.build_from_geojson(lines)
        assert network.nearest((131.9, 43.1))[1] < 0.01  # the line's own end is a node
    built = [r for r in caplog.records
             if r.getMessage() == "building the rail network from lines.geojson (once)"]
    assert len(built) == 2


def test_routing_afresh_empties_every_route_cache_and_keeps_the_networks(tmp_path: Path) -> None:
    # whole routes of datasets are kept too (legroutes-*): left, "routed afresh" read them
    for name in ("routes-1a2b", "legroutes-1a2b", "rail-3c4d"):
        (tmp_path / name).mkdir()
    routing_bench.forget_routes(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rail-3c4d"]


def test_airport_names_scores_movemap_beside_the_naive_reading(
        capsys: pytest.CaptureFixture[str]) -> None:
    import airport_names

    assert airport_names.main(["--towns", "30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("30 towns whose bare name means them")
    movemap = int(lines[1].split()[1])
    naive = int(lines[2].split()[1])
    # the naive reading sends some of the largest towns' airports abroad (London, Ontario's
    # for London); movemap's answers lie at the towns
    assert movemap < naive
