"""The GeoPackage is written in batches of rows and the CSV in chunks of text (bounded
memory at any size): the GeoPackage read back by GDAL holds exactly the table's rows,
columns and lines, and the CSV the same bytes, whatever the batch or chunk size."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pyogrio
import pytest
import shapely
from shapely.geometry import MultiLineString, shape

from movemap.io import gpkg
from movemap.io.table import COLUMNS, table_rows
from movemap.located import Located, locate


def read_back(path: Path, layer: str) -> tuple[dict[str, Any], Any, Any, list[Any]]:
    """GDAL's reading of a layer: metadata, feature ids, WKB geometries, field arrays."""
    meta, fids, geometry, fields = pyogrio.raw.read(path, layer=layer, return_fids=True)
    return meta, fids, geometry, fields


def cell(value: Any) -> Any:
    """A read-back cell as the table's value (GDAL's nulls as None, Date fields as days)."""
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else value.astype(object)
    if isinstance(value, float) and np.isnan(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def test_every_row_reads_back_as_the_table_has_it(located: Located, tmp_path: Path) -> None:
    path = gpkg.write_gpkg(located, tmp_path / "one-by-one.gpkg", batch=1)
    rows = table_rows(located)  # nested lists of floats: the plain GeoJSON-like geometry
    for record, layer in gpkg.LAYERS.items():
        expected = [row for row in rows if row["record"] == record]
        meta, fids, geometry, fields = read_back(path, layer)
        assert len(expected) > 1 and list(fids) == list(range(1, len(expected) + 1))
        names = list(meta["fields"])
        assert names == [c for c in COLUMNS if c != "record"
                         and not (record == "station" and c in gpkg._LEG_ONLY)]
        for i, row in enumerate(expected):
            got = {name: cell(fields[j][i]) for j, name in enumerate(names)}
            want = {name: row[name] for name in names}
            if record == "leg":  # GDAL's integer flags and nulls of a leg without strength
                got["approximate"], got["route_drawn"] = (bool(got["approximate"]),
                                                          bool(got["route_drawn"]))
            assert got == want, row["id"]
            line = shape(row["geometry"])
            if record == "leg" and line.geom_type == "LineString":
                line = MultiLineString([line])
            assert shapely.equals_exact(shapely.from_wkb(geometry[i]), line, tolerance=0)


def test_batch_size_does_not_change_the_file(located: Located, tmp_path: Path) -> None:
    whole = gpkg.write_gpkg(located, tmp_path / "whole.gpkg")
    info = pyogrio.read_info(whole, layer="legs")
    assert info["features"] == len(located.dataset.legs)
    for batch in (1, 3, len(located.dataset.legs) - 1):
        batched = gpkg.write_gpkg(located, tmp_path / f"batch-{batch}.gpkg", batch=batch)
        assert pyogrio.read_info(batched, layer="legs")["dataset_metadata"] == \
            info["dataset_metadata"]
        for layer in gpkg.LAYERS.values():
            a, b = read_back(whole, layer), read_back(batched, layer)
            assert a[0]["fields"].tolist() == b[0]["fields"].tolist()
            assert pyogrio.read_info(whole, layer=layer)["dtypes"].tolist() == \
                pyogrio.read_info(batched, layer=layer)["dtypes"].tolist()
            assert a[1].tolist() == b[1].tolist() and a[2].tolist() == b[2].tolist()
            for x, y in zip(a[3], b[3], strict=True):
                assert [cell(v) for v in x] == [cell(v) for v in y]


def test_rows_go_to_gdal_a_batch_at_a_time(located: Located, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import pyogrio.raw

    sizes: list[tuple[str, int]] = []
    real = pyogrio.raw.write

    def counting(path: str, geometry: Any, **options: Any) -> None:
        sizes.append((options["layer"], len(geometry)))
        real(path, geometry, **options)

    monkeypatch.setattr(pyogrio.raw, "write", counting)
    gpkg.write_gpkg(located, tmp_path / "batches.gpkg", batch=4)
    legs, stations = len(located.dataset.legs), len(located.dataset.stations)
    assert [n for layer, n in sizes if layer == "legs"] == \
        [4] * (legs // 4) + ([legs % 4] if legs % 4 else [])
    assert sum(n for layer, n in sizes if layer == "stations") == stations
    assert max(n for _, n in sizes) == 4


@pytest.mark.parametrize("kept", ["legs", "stations"])
def test_a_layer_without_rows_is_still_written(located: Located, tmp_path: Path,
                                               kept: str) -> None:
    dataset = located.dataset
    only = dataclasses.replace(dataset, legs=dataset.legs if kept == "legs" else (),
                               stations=dataset.stations if kept == "stations" else ())
    path = gpkg.write_gpkg(locate(only), tmp_path / f"{kept}.gpkg", batch=2)
    assert [name for name, _ in pyogrio.list_layers(path)] == ["legs", "stations"]
    for layer in ("legs", "stations"):
        count = pyogrio.read_info(path, layer=layer)["features"]
        assert (count > 0) == (layer == kept)
    dates = pyogrio.read_info(path, layer="legs")["dtypes"].tolist()
    assert dates.count("datetime64[ms]") + dates.count("datetime64[D]") == 4


def test_csv_written_in_chunks_is_the_same_file(located: Located, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV goes out a chunk of text at a time: any chunk size gives the same bytes,
    accented text included."""
    from movemap.export import gis

    dataset = located.dataset
    accented = dataclasses.replace(dataset.legs[0], notes="Ţarīf Kalbā, puis Hà Nội")
    located = dataclasses.replace(located, dataset=dataclasses.replace(
        dataset, legs=(accented, *dataset.legs[1:])))
    whole = gis.write_csv_routes(located, tmp_path / "whole.csv").read_bytes()
    monkeypatch.setattr(gis, "_CHUNK_CHARS", 10)
    small = gis.write_csv_routes(located, tmp_path / "small.csv").read_bytes()
    assert small == whole
    text = whole.decode("utf-8")
    assert len(text.splitlines()) > len(dataset.legs) and "LINESTRING" in text
    assert "Ţarīf Kalbā, puis Hà Nội" in text
