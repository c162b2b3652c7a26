"""repr and _repr_html_ of datasets: short, informative, and escaped."""

from __future__ import annotations

import dataclasses
import re
from html import escape
from html.parser import HTMLParser

from movemap.located import Located
from movemap.model import Dataset, Source, Unit

EVIL = '<script>alert("x")</script>&'


def test_repr_is_one_short_line(dataset: Dataset, located: Located) -> None:
    text = repr(dataset)
    assert "\n" not in text and len(text) < 200
    assert text.startswith("<movemap.Dataset 'dprk-russia-2024'")
    for part in (f"{len(dataset.units)} units", f"{len(dataset.legs)} legs",
                 f"{len(dataset.stations)} stations", "2023-08-01 to 2024-12-31"):
        assert part in text
    assert repr(located).startswith("<movemap.Located 'dprk-russia-2024'")


def test_repr_stays_short_for_a_big_dataset(dataset: Dataset) -> None:
    legs = tuple(dataclasses.replace(dataset.legs[0], id=f"leg-{n}") for n in range(5000))
    big = dataclasses.replace(dataset, name="x" * 500, legs=legs)
    assert len(repr(big)) < 200 and "5000 legs" in repr(big)
    assert len(big._repr_html_()) < 10_000


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_summary_lists_what_a_reader_wants(located: Located) -> None:
    page = located._repr_html_()
    for part in ("Units", "Legs", "Stations", "Sources", "Dates", "Extent"):
        assert f">{part}<" in page
    graded = [s for s in located.dataset.sources if s.grade]
    assert graded and str(graded[0].grade) in page
    assert escape(located.dataset.units[0].name) in page


def test_html_summary_escapes_every_dataset_string(dataset: Dataset) -> None:
    evil = dataclasses.replace(
        dataset, name=EVIL, title=EVIL,
        units=(*dataset.units, Unit(id="evil", name=EVIL)),
        sources=(*dataset.sources, Source(id="evil", publisher=EVIL, title=EVIL)))
    page = evil._repr_html_()
    assert "<script" not in page
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert EVIL in "".join(parser.text)  # shown as text, whole
    assert re.search(r"&lt;script&gt;", page)
