"""Errors are movemap's and the builtin a caller would catch, with the file they are about."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from movemap import errors
from movemap.errors import (
    DatasetError,
    InvalidValueError,
    MissingDependencyError,
    MovemapError,
    UnknownSourceError,
    UnknownUnitError,
)
from movemap.model import Dataset
from movemap.validate import read_dataset


def test_every_error_is_movemaps_and_a_builtin() -> None:
    for name in errors.__all__:
        kind = getattr(errors, name)
        assert issubclass(kind, MovemapError)
        if kind is not MovemapError:
            assert any(issubclass(kind, b) for b in (LookupError, ValueError, ImportError,
                                                     OSError)), name


def test_unknown_unit_and_source_are_lookup_errors(dataset: Dataset) -> None:
    with pytest.raises(LookupError, match="no unit 'nobody'"):
        dataset.unit("nobody")
    with pytest.raises(UnknownSourceError):
        dataset.source("nowhere")
    with pytest.raises(UnknownUnitError):
        dataset.unit("nobody")


def test_dataset_error_names_its_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("movemap: 1\nname: x\nlegs:\n  - unit: ghost\n    from: Chongjin\n"
                   "    to: Vladivostok\n    start: 2024-10-08\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        read_dataset(bad)
    assert caught.value.path == str(bad)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{bad}:4:")  # each line names the file once


def test_missing_optional_dependency_is_an_import_error(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movemap.export.trajectories import to_trajectories

    monkeypatch.setitem(sys.modules, "movingpandas", None)
    with pytest.raises(ImportError, match=r"movemap\[trajectories\]") as caught:
        to_trajectories(dataset)
    assert isinstance(caught.value, MissingDependencyError)


def test_bad_values_are_value_errors_without_option_names(dataset: Dataset,
                                                          tmp_path: Path) -> None:
    from movemap.export import export
    from movemap.queries import status

    with pytest.raises(InvalidValueError, match="unknown export format 'doc'") as caught:
        export(dataset, tmp_path / "x.doc")
    assert isinstance(caught.value, ValueError) and "--" not in str(caught.value)
    with pytest.raises(ValueError, match="one day") as day:
        status(dataset, "2024-10")
    assert "--" not in str(day.value)
