"""Datasets in YAML, the format analysts write by hand (see ``records.FIELDS``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from movemap.io.atomic import write_atomic
from movemap.io.nodes import YamlSyntaxError, load_nodes
from movemap.io.records import Parsed, Problem, dataset_to_dict, parse_records
from movemap.model import Dataset

__all__ = ["dump_yaml", "parse_yaml", "write_yaml"]


def parse_yaml(text: str, source: str = "<string>") -> Parsed:
    """Parse YAML text into a dataset and every format problem, with positions."""
    try:
        root = load_nodes(text, source)
    except YamlSyntaxError as exc:
        return Parsed(None, [Problem(exc.message, exc.line, exc.column)])
    return parse_records(root)


class _Point(list[float]):
    """A ``[lon, lat]`` pair, written on one line."""


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing a drawn route's points one a line."""


_Dumper.add_representer(_Point, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))


def dump_yaml(dataset: Dataset) -> str:
    """The dataset as YAML text, fields in the format's order."""
    data = dataset_to_dict(dataset)
    for leg in data.get("legs", []):
        if "route" in leg:
            leg["route"] = [[_Point(point) for point in line] for line in leg["route"]]
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def write_yaml(dataset: Dataset, path: str | Path) -> Path:
    """Write the dataset as YAML, atomically."""
    return write_atomic(path, dump_yaml(dataset))
