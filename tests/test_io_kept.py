"""A big dataset file's parse, kept between runs (``movemap.io.kept``)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from movemap.io import kept
from movemap.io.kept import parse_kept
from movemap.io.records import Parsed
from movemap.io.yaml import dump_yaml, parse_yaml
from movemap.model import Dataset


class Counted:
    """A parse of some YAML that counts its calls."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    def __call__(self) -> Parsed:
        self.calls += 1
        return parse_yaml(self.text, "x.yaml")


@pytest.fixture
def text(dataset: Dataset) -> str:
    return dump_yaml(dataset)


def test_the_same_bytes_are_parsed_once(text: str, tmp_path: Path) -> None:
    parse = Counted(text)
    first = parse_kept(text.encode(), "yaml x", parse, root=tmp_path, min_bytes=0)
    again = parse_kept(text.encode(), "yaml x", parse, root=tmp_path, min_bytes=0)
    assert parse.calls == 1
    assert again.dataset == first.dataset == parse_yaml(text, "x.yaml").dataset
    assert (again.problems, again.where, again.ids) == (first.problems, first.where,
                                                        first.ids)


@pytest.mark.parametrize("change", ["bytes", "key"])
def test_other_bytes_or_another_name_are_parsed_again(text: str, tmp_path: Path,
                                                      change: str) -> None:
    parse = Counted(text)
    parse_kept(text.encode(), "yaml x", parse, root=tmp_path, min_bytes=0)
    data = text.encode() + (b"\n# edited\n" if change == "bytes" else b"")
    parse_kept(data, "yaml x" if change == "bytes" else "yaml y", parse, root=tmp_path,
               min_bytes=0)
    assert parse.calls == 2


def test_small_files_are_not_kept(text: str, tmp_path: Path) -> None:
    parse = Counted(text)
    for _ in range(2):
        parse_kept(text.encode(), "yaml x", parse, root=tmp_path)  # under the default size
    assert parse.calls == 2
    assert not list(tmp_path.glob("parsed-*/*.pickle"))


def test_a_damaged_kept_parse_is_removed_and_parsed_again(
        text: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    parse = Counted(text)
    parse_kept(text.encode(), "yaml x", parse, root=tmp_path, min_bytes=0)
    (path,) = tmp_path.glob("parsed-*/*.pickle")
    path.write_bytes(path.read_bytes()[:-10])
    with caplog.at_level(logging.WARNING):
        again = parse_kept(text.encode(), "yaml x", parse, root=tmp_path, min_bytes=0)
    assert parse.calls == 2 and again.dataset == parse_yaml(text).dataset
    assert "damaged" in caplog.text
    assert len(list(tmp_path.glob("parsed-*/*.pickle"))) == 1  # the new one


def test_only_the_newest_parses_are_kept(text: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "KEEP_FILES", 2)
    parse = Counted(text)
    for n in range(4):
        parse_kept(text.encode() + b"#%d\n" % n, "yaml x", parse, root=tmp_path,
                   min_bytes=0)
    assert len(list(tmp_path.glob("parsed-*/*.pickle"))) == 2


def test_values_unpickle_equal_with_their_fields_looked_up_once_a_class(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses
    import pickle

    from movemap import unpickle
    from movemap.dates import parse_date
    from movemap.model import Leg, PlaceRef

    legs = [Leg(id=f"l{i}", unit="u", origins=(PlaceRef("Tarnopol", "UA"),),
                destination=PlaceRef(lat=49.0 + i, lon=24.0), start=parse_date("2023-05"),
                equipment={"trucks": i + 1}) for i in range(3)]
    looked_up: list[type] = []

    def counting(cls: type) -> tuple[dataclasses.Field[object], ...]:
        looked_up.append(cls)
        return dataclasses.fields(cls)

    monkeypatch.setattr(unpickle, "fields", counting)
    monkeypatch.setattr(unpickle, "_NAMES", {})
    again = pickle.loads(pickle.dumps(legs))
    assert again == legs and hash(again[0]) == hash(legs[0])
    assert sorted(c.__name__ for c in looked_up) == ["FuzzyDate", "Leg", "PlaceRef"]
    with pytest.raises(ValueError):  # a state of the wrong length is damage, not a value
        unpickle.restore_fields(object.__new__(PlaceRef), ["Tarnopol"])
