"""Reading and writing datasets: YAML (by hand), CSV (spreadsheets), GeoJSON and GeoPackage
(GIS tools; ``movemap export`` writes them, and edits made in QGIS read back).

Formats only: ``parse_dataset(path)`` picks the format by the file's extension (``-``:
standard input, the format told by its first bytes) and returns the dataset with every
format problem found (``movemap.read_dataset`` adds the checks of references and dates and
raises them); ``write_dataset`` writes one. Nothing here resolves, routes or validates; the
model never opens files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from movemap.errors import DatasetError, InvalidValueError
from movemap.io.records import Parsed, Problem
from movemap.model import Dataset
from movemap.textfile import decode, read_bytes

if TYPE_CHECKING:
    from movemap.io.geojson import Geography

__all__ = ["FORMATS", "MAX_DATASET_BYTES", "STDIN", "DatasetError", "Parsed", "Problem",
           "parse_dataset", "sniff_format", "write_dataset"]

MAX_DATASET_BYTES = 64 * 2**20
"""Largest dataset file read (about 250,000 legs of YAML): a bound on time and memory."""

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".geojson": "geojson",
           ".json": "geojson", ".gpkg": "gpkg"}
STDIN = "-"
"""The path that stands for standard input (its format is told by its first bytes)."""


def _format(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise InvalidValueError(f"unknown dataset format {path.suffix or '(no extension)'!r}; "
                           f"use one of {known}", path=str(path)) from None


def sniff_format(data: bytes) -> str:
    """The format of a dataset given without a file name: GeoPackage (SQLite), GeoJSON (a
    JSON object), CSV (a first line of comma-separated words) or else YAML."""
    if data.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return "geojson"
    first = text.split(b"\n", 1)[0]
    if b"," in first and b":" not in first and not first.startswith(b"#"):
        return "csv"
    return "yaml"


def parse_dataset(path: str | Path) -> Parsed:
    """Parse a dataset file, collecting every format problem (no exception for them).

    ``-`` reads standard input, in the format its first bytes show. A big file read before
    and unchanged since is not parsed again: its parse is kept in the cache
    (:mod:`movemap.io.kept`).
    """
    path = Path(path)
    if str(path) == STDIN:
        data = read_bytes(path, max_bytes=MAX_DATASET_BYTES)
        kind, name, source = sniff_format(data), "stdin", "<stdin>"
    else:
        kind, name, source = _format(path), path.stem, str(path)
        data = read_bytes(path, max_bytes=MAX_DATASET_BYTES)
    if kind == "gpkg":
        from movemap.io.gpkg import parse_gpkg

        return parse_gpkg(data, name)
    from movemap.io.kept import parse_kept

    # a big file read before (unchanged) is not parsed again: movemap.io.kept
    return parse_kept(data, f"{kind} {name} {source}", lambda: _parse_text(
        decode(data, path), kind, name, source))


def _parse_text(text: str, kind: str, name: str, source: str) -> Parsed:
    if kind == "yaml":
        from movemap.io.yaml import parse_yaml

        return parse_yaml(text, source)
    if kind == "csv":
        from movemap.io.csv import parse_csv

        return parse_csv(text, name)
    from movemap.io.geojson import parse_geojson

    return parse_geojson(text, source)


def write_dataset(data: Dataset | Geography, path: str | Path) -> Path:
    """Write a dataset in the format of the file's extension, atomically.

    GeoJSON and GeoPackage carry each leg's route: give them a located dataset
    (``movemap.locate``).
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
    if isinstance(data, Dataset):
        raise InvalidValueError(f"{kind} carries each leg's route: write the located dataset "
                                "(movemap.locate(dataset)), not the dataset", path=str(path))
    if kind == "gpkg":
        from movemap.io.gpkg import write_gpkg

        return write_gpkg(data, path)
    from movemap.io.geojson import write_geojson

    return write_geojson(data, path)
