"""Heavy work on Dask gives the serial result: routing a dataset, and the CLI's --engine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap import located as located_module
from movemap.cli import cli
from movemap.engine import DaskEngine, SerialEngine, batches, make_engine
from movemap.errors import MovemapError
from movemap.gazetteer import Gazetteer
from movemap.located import locate
from movemap.model import Dataset
from movemap.routing import Networks

REFERENCE = Path(__file__).parent.parent / "layers" / "dprk-russia-2024.yaml"


def test_routing_a_dataset_on_dask_gives_the_serial_routes(
        dataset: Dataset, gazetteer: Gazetteer, tmp_path: Path, fresh_cache: Callable[[str], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    serial = locate(dataset, gazetteer, Networks(cache_dir=fresh_cache("serial")))
    monkeypatch.setattr(located_module, "_ROUTE_BATCH", 2)  # spread the legs over workers
    on_dask = locate(dataset, gazetteer, Networks(cache_dir=fresh_cache("dask")),
                     engine=DaskEngine(workers=2))
    assert list(on_dask.routes) == list(serial.routes)
    for leg_id, routes in serial.routes.items():
        assert on_dask.routes[leg_id] == routes, leg_id
    assert on_dask.warnings == serial.warnings
    # the workers kept what they found: a new process would route nothing
    assert any(fresh_cache("dask").glob("routes-*/shard-*")), "the workers kept no route"


def test_render_with_the_dask_engine_writes_the_same_page(tmp_path: Path) -> None:
    runner = CliRunner()
    serial = runner.invoke(cli, ["render", str(REFERENCE), "-o", str(tmp_path / "a.html")])
    dask = runner.invoke(cli, ["render", str(REFERENCE), "-o", str(tmp_path / "b.html"),
                               "--engine", "dask", "--workers", "2"])
    assert serial.exit_code == 0 and dask.exit_code == 0, dask.output
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_engine_options_are_checked() -> None:
    result = CliRunner().invoke(cli, ["render", str(REFERENCE), "--workers", "2"])
    assert result.exit_code == 2
    assert "--scheduler and --workers go with --engine dask" in result.output
    with pytest.raises(MovemapError, match="unknown engine 'spark'; use one of serial, dask"):
        make_engine("spark")
    assert isinstance(make_engine(), SerialEngine)


def test_batches_are_lazy_and_complete() -> None:
    def endless() -> object:
        number = 0
        while True:
            yield number
            number += 1

    chunks = batches(endless(), 3)  # type: ignore[arg-type]
    assert next(chunks) == [0, 1, 2] and next(chunks) == [3, 4, 5]
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
