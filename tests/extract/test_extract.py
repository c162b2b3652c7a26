"""Drafting datasets from report text: the reference case, dates, guards, formats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.dates import Precision
from movemap.extract import ReportError, extract, read_report, to_dataset
from movemap.extract.when import find_dates
from movemap.io.records import Parsed
from movemap.model import Mode, Status
from movemap.validate import validate

ROOT = Path(__file__).parent.parent.parent
REPORT = ROOT / "benchmarks" / "corpus" / "dprk-russia-2024.txt"


@pytest.fixture(scope="module")
def draft():  # type: ignore[no-untyped-def]
    text, published = read_report(REPORT)
    assert published == date(2024, 10, 18)
    return extract(text, published)


def test_reference_places(draft) -> None:  # type: ignore[no-untyped-def]
    names = {p.place.name for p in draft.places}
    # "to the Kursk region": the region, an area end (not the town of Kursk)
    assert {"Chongjin", "Hamhŭng", "Musudan-ri", "Vladivostok", "Ussuriysk", "Khabarovsk",
            "Blagoveshchensk", "Kursk Oblast"} <= names
    blag = next(p.place for p in draft.places if p.place.name == "Blagoveshchensk")
    assert abs(blag.lat - 50.28) < 0.05 and abs(blag.lon - 127.53) < 0.05  # on the Amur
    assert not any(p.place.country == "RS" for p in draft.places)  # the NIS is not Niš


def test_reference_sea_leg(draft) -> None:  # type: ignore[no-untyped-def]
    sea = draft.legs[0]
    assert [o.place.name for o in sea.origins] == ["Chongjin", "Hamhŭng", "Musudan-ri"]
    assert sea.destination.place.name == "Vladivostok"
    assert (str(sea.start), str(sea.end)) == ("2024-10-08", "2024-10-13")
    assert (sea.mode, sea.strength, sea.status, sea.source) == (
        Mode.SEA, 1500, Status.REPORTED, "NIS")
    assert "between 8 and 13 October" in sea.evidence.sentence
    assert draft.text[sea.evidence.start: sea.evidence.end].strip() == sea.evidence.sentence


def test_relative_dates_follow_publication(draft) -> None:  # type: ignore[no-untyped-def]
    kursk = next(leg for leg in draft.legs if leg.destination.place.name == "Kursk Oblast")
    assert kursk.destination.place.areal
    assert str(kursk.start) == "2024-11" and kursk.start.precision is Precision.MONTH
    assert str(kursk.end) == "by 2024-11-01"
    assert (kursk.strength, kursk.status, kursk.source) == (2600, Status.EXPECTED, "Budanov")
    second = next(leg for leg in draft.legs if leg.unit == "second-group")
    assert str(second.start) == "after 2024-10-18"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on the 18th", date(2024, 10, 20), "2024-10-18"),
        ("from the 8th to the 13th", date(2024, 10, 20), "2024-10-08/2024-10-13"),
        ("next month", date(2024, 10, 18), "2024-11"),
        ("by November 1", date(2024, 10, 18), "by 2024-11-01"),
        ("since August last year", date(2024, 10, 18), "since 2023-08"),
        ("in early August", date(2024, 10, 18), "early 2024-08"),
        ("in the middle of August", date(1812, 10, 1), "mid 1812-08"),
        ("in the fourth quarter", date(2024, 10, 18), "2024-Q4"),
        ("on 8 August 1990", date(1990, 9, 1), "1990-08-08"),
        ("in the second week of September", date(1950, 9, 30), "1950-09-08/1950-09-14"),
    ],
)
def test_dates(text: str, published: date, expected: str) -> None:
    (found,) = find_dates(text, published)
    assert str(found.date) == expected


def test_no_places_from_ordinary_words() -> None:
    text = ("Most of the report was written in May. Reading it, one sees that Nice work was "
            "done; Victory and Progress were slogans. March on, said Mary, on Monday.")
    assert extract(text, date(2024, 10, 18)).places == ()


def test_draft_is_a_valid_dataset(draft) -> None:  # type: ignore[no-untyped-def]
    dataset = to_dataset(draft)
    problems = validate(Parsed(dataset, []))
    assert [p for p in problems if p.severity == "error"] == []
    assert len(dataset.legs) == len(draft.legs) and dataset.sources


def test_empty_and_binary_reports(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(ReportError, match="the report is empty"):
        read_report(empty)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(ReportError, match="binary file"):
        read_report(binary)
    result = CliRunner().invoke(cli, ["extract", str(binary)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"movemap: error: {binary}: this is a binary file, not a "
                                     "text report")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_report_with_page_breaks_and_escapes_drafts_a_valid_dataset(
        tmp_path: Path, encoding: str) -> None:
    """pdftotext puts a form feed between pages; a pasted terminal log, escape codes: the
    draft keeps the sentences as evidence, so they are read as spaces, or `validate` would
    refuse the draft's notes (and UTF-16 with its mark is a text report, not a binary)."""
    report = tmp_path / "report.txt"
    report.write_bytes(("North Korean troops moved from Chongjin\x0c to Vladivostok by sea on "
                        "8 October 2024.\n\x0c\nThey then travelled\x1b[0m by rail to "
                        "Khabarovsk on 12 October 2024.\n").encode(encoding))
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["extract", str(report), "--published", "2024-10-18",
                                      "-o", str(draft)])
    assert result.exit_code == 0, result.output
    text = draft.read_text(encoding="utf-8")
    assert "\x0c" not in text and "\x1b" not in text and "Chongjin" in text
    result = CliRunner().invoke(cli, ["validate", "--no-places", str(draft)])
    assert result.exit_code == 0, result.output


def test_cli_json_shape() -> None:
    result = CliRunner().invoke(cli, ["extract", str(REPORT), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"mention", "name", "lat", "lon", "country", "start", "end"} <= set(data["places"][0])
    assert {"unit", "from", "to", "start", "end", "mode", "strength", "status",
            "evidence"} <= set(data["legs"][0])
    assert data["legs"][0]["evidence"]["sentence"].startswith("According to the NIS")


def test_cli_yaml_validates_and_many_reports(tmp_path: Path) -> None:
    draft_path = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["extract", str(REPORT), "-o", str(draft_path)])
    assert result.exit_code == 0, result.stderr
    assert CliRunner().invoke(cli, ["validate", str(draft_path)]).exit_code == 0
    corpus = sorted((ROOT / "benchmarks" / "corpus").glob("*.txt"))
    result = CliRunner().invoke(cli, ["extract", *map(str, corpus), "-o", str(tmp_path / "d")])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == sorted(
        f"{p.stem}.yaml" for p in corpus)


def test_html_highlights_and_escapes(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Published: 2024-10-18\n\n<script>alert(1)</script> Troops were sent "
                      "from Chongjin to Vladivostok by sea on 8 October.", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["extract", str(report), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page.split("<iframe")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<mark title="Chongjin">Chongjin</mark>' in page
    assert "<iframe" in page
