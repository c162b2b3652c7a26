"""Briefing charts: the timeline of units and strength by place, read back as SVG and PNG."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image

from movemap.cli import cli
from movemap.errors import InvalidValueError
from movemap.export.chart import write_chart
from movemap.located import Located
from movemap.model import Dataset

SVG = {"s": "http://www.w3.org/2000/svg"}
REFERENCE = Path(__file__).parent.parent.parent / "layers" / "dprk-russia-2024.yaml"


def _texts(path: Path) -> list[str]:
    return [t.strip() for t in etree.parse(str(path)).getroot().itertext() if t.strip()]


def test_timeline_has_a_row_per_unit_and_a_bar_per_record(located: Located, dataset: Dataset,
                                                         tmp_path: Path) -> None:
    path = write_chart(located, tmp_path / "t.svg", "timeline")
    again = write_chart(located, tmp_path / "again.svg", "timeline")
    assert path.read_bytes() == again.read_bytes()
    texts = _texts(path)
    with_records = {r.unit for r in (*dataset.legs, *dataset.stations)}
    assert {u.name for u in dataset.units if u.id in with_records} <= set(texts)
    assert all(u.name not in texts for u in dataset.units if u.id not in with_records)
    assert {"leg by sea", "leg by rail", "station, reported", "station, claimed"} <= set(texts)
    root = etree.parse(str(path)).getroot()
    bars = root.findall(".//s:g[@id='axes_1']/s:g", SVG)
    patches = [g for g in bars if (g.get("id") or "").startswith("patch_")]
    # the axes' background, then one bar a leg and a station
    assert len(patches) - 1 >= len(dataset.legs) + len(dataset.stations)


def test_strength_keeps_claims_apart(located: Located, tmp_path: Path) -> None:
    path = write_chart(located, tmp_path / "s.svg", "strength", start=date(2024, 10, 1),
                       end=date(2024, 12, 1))
    texts = _texts(path)
    assert "Strength by place over time" in texts
    # the first echelon's reported 1,500, at an area (labelled so), and 11,000 claimed, apart
    assert "in Russian Far East (region-level)" in texts
    assert "in Russian Far East (region-level) (claimed or expected)" in texts
    assert "2024-10-01" in " ".join(texts)


def test_chart_from_the_command_line_as_png(tmp_path: Path) -> None:
    out = tmp_path / "timeline.png"
    result = CliRunner().invoke(cli, ["export", str(REFERENCE), "-o", str(out), "--chart",
                                      "timeline", "--from", "2024-10-01", "--until",
                                      "2024-12-01"])
    assert result.exit_code == 0, result.output
    image = Image.open(out)
    assert image.size[0] > 1000 and image.getcolors(maxcolors=100_000) is not None


def test_chart_formats_and_kinds_are_checked(located: Located, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="png, svg or pdf"):
        write_chart(located, tmp_path / "t.kml", "timeline")
    with pytest.raises(InvalidValueError, match="unknown chart 'gantt'"):
        write_chart(located, tmp_path / "t.svg", "gantt")
