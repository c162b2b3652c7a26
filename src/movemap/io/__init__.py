"""Reading and writing datasets: YAML (by hand), CSV (spreadsheets), GeoJSON (GIS tools).

``read_dataset(path)`` picks the format by the file's extension, parses it and raises
:class:`DatasetError` listing every format error; ``parse_dataset(path)`` returns the parse
result with its problems for ``movemap validate``. I/O stays here: the model never opens
files.
"""

from __future__ import annotations

from pathlib import Path

from movemap.errors import InvalidValueError
from movemap.io.records import DatasetError, Parsed, Problem
from movemap.model import Dataset
from movemap.textfile import read_text

__all__ = ["FORMATS", "DatasetError", "Parsed", "Problem", "parse_dataset", "read_dataset",
           "write_dataset"]

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".geojson": "geojson",
           ".json": "geojson"}


def _format(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise InvalidValueError(f"unknown dataset format {path.suffix or '(no extension)'!r}; "
                           f"use one of {known}", path=str(path)) from None


def parse_dataset(path: str | Path) -> Parsed:
    """Parse a dataset file, collecting every format problem (no exception for them)."""
    path = Path(path)
    kind = _format(path)
    text = read_text(path)
    if kind == "yaml":
        from movemap.io.yaml import parse_yaml

        return parse_yaml(text, str(path))
    if kind == "csv":
        from movemap.io.csv import parse_csv

        return parse_csv(text, path.stem)
    from movemap.io.geojson import parse_geojson

    return parse_geojson(text, str(path))


def read_dataset(path: str | Path) -> Dataset:
    """Read a dataset (YAML, CSV or GeoJSON by extension) and check it.

    Every check but the places' is made here (format, references, dates in order); place
    names are resolved when the dataset's geometry is first needed.

    Raises
    ------
    DatasetError
        Listing every error as ``file:line:column: what is wrong``.
    """
    from movemap.validate import validate

    parsed = parse_dataset(path)
    problems = validate(parsed, places=False)
    if parsed.dataset is None or any(p.severity == "error" for p in problems):
        raise DatasetError(problems, str(path))
    return parsed.dataset


def write_dataset(dataset: Dataset, path: str | Path) -> Path:
    """Write a dataset in the format of the file's extension, atomically."""
    path = Path(path)
    kind = _format(path)
    if kind == "yaml":
        from movemap.io.yaml import write_yaml

        return write_yaml(dataset, path)
    if kind == "csv":
        from movemap.io.csv import write_csv

        return write_csv(dataset, path)
    from movemap.io.geojson import write_geojson

    return write_geojson(dataset, path)
