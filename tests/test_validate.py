"""Validation on a corpus of malformed datasets, each with its exact expected messages."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from movemap.errors import DatasetError, MovemapError
from movemap.io import parse_dataset
from movemap.validate import read_dataset, validate

CORPUS = Path(__file__).parent / "data" / "malformed"
ROOT = Path(__file__).parent.parent


def _expected() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for line in (CORPUS / "expected.txt").read_text(encoding="utf-8").splitlines():
        name, _, problem = line.partition(": ")
        out[name].append(problem)
    return out


EXPECTED = _expected()


def test_corpus_is_large_enough() -> None:
    assert len(list(CORPUS.glob("*.yaml"))) >= 20
    assert set(EXPECTED) == {p.name for p in CORPUS.glob("*.yaml")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_gives_exact_messages(name: str) -> None:
    path = CORPUS / name
    try:
        problems = [p.format(None) for p in validate(parse_dataset(path))]
    except MovemapError as exc:
        problems = [str(exc).removeprefix(f"{path}:")]
    assert problems == EXPECTED[name]


def test_reference_dataset_is_valid_without_warnings() -> None:
    problems = validate(parse_dataset(ROOT / "layers" / "dprk-russia-2024.yaml"))
    assert problems == []


def test_read_dataset_checks_references_too() -> None:
    path = CORPUS / "22-parent-loop.yaml"
    with pytest.raises(DatasetError) as info:
        read_dataset(path)
    assert str(info.value).splitlines() == [
        f"{path}:9:13: unit 'u1': parent chain loops back to 'u1'",
        f"{path}:12:13: unit 'u2': parent chain loops back to 'u2'",
    ]


def test_read_dataset_lists_all_format_errors(tmp_path: Path) -> None:
    text = (CORPUS / "09-strength-not-a-number.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "two.yaml"
    bad.write_text(text.replace("mode: sea", "mode: boat"), encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        read_dataset(bad)
    assert str(info.value).splitlines() == [
        f"{bad}:16:11: leg 'leg1': mode 'boat' is not one of sea, rail, air, road, foot, "
        "unknown",
        f"{bad}:17:15: leg 'leg1': strength 'many' is not a whole number",
    ]
    assert len(info.value.problems) == 2
