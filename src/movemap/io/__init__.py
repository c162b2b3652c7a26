"""Reading and writing datasets: YAML (by hand), CSV (spreadsheets), GeoJSON (GIS tools).

Formats only: ``parse_dataset(path)`` picks the format by the file's extension and returns
the dataset with every format problem found (``movemap.read_dataset`` adds the checks of
references and dates and raises them); ``write_dataset`` writes one. Nothing here resolves,
routes or validates; the model never opens files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from movemap.errors import DatasetError, InvalidValueError
from movemap.io.records import Parsed, Problem
from movemap.model import Dataset
from movemap.textfile import read_text

if TYPE_CHECKING:
    from movemap.io.geojson import Geography

__all__ = ["FORMATS", "DatasetError", "Parsed", "Problem", "parse_dataset", "write_dataset"]

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


def write_dataset(data: Dataset | Geography, path: str | Path) -> Path:
    """Write a dataset in the format of the file's extension, atomically.

    GeoJSON carries each leg's route: give it a located dataset (``movemap.locate``).
    """
    path = Path(path)
    kind = _format(path)
    dataset = data if isinstance(data, Dataset) else data.dataset
    if kind == "yaml":
        from movemap.io.yaml import write_yaml

        return write_yaml(dataset, path)
    if kind == "csv":
        from movemap.io.csv import write_csv

        return write_csv(dataset, path)
    from movemap.io.geojson import write_geojson

    if isinstance(data, Dataset):
        raise InvalidValueError("GeoJSON carries each leg's route: write the located dataset "
                                "(movemap.locate(dataset)), not the dataset", path=str(path))
    return write_geojson(data, path)
