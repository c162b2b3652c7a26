"""A report's publication date from its head (``movemap.extract.dateline``): datelines and
date lines of the shapes news uses, and what is not one (a date in the narrative, a
day-month order that differs between countries, a day that does not exist). The texts are
our own and in no evaluation corpus."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.extract import read_report
from movemap.extract.corpus import iter_corpus, load_report
from movemap.extract.dateline import publication_date

TODAY = date(2026, 12, 3)

HEADS = [
    # datelines opening the first paragraph, agency or not, day-month or month-day
    ("Brigade pulled back\nKYIV, 14 March 2025 (Reuters) - The brigade left.", date(2025, 3, 14)),
    ("Brigade pulled back\nKyiv, Ukraine, March 14, 2025 — The brigade left.", date(2025, 3, 14)),
    ("HARGEISA, Somaliland, Feb. 3, 2019 - Troops arrived.", date(2019, 2, 3)),
    ("ODESA, 2 Sept 2023: the convoy sailed.", date(2023, 9, 2)),
    ("Port Moresby, Tuesday, 7 July 1942 - The battalion landed.", date(1942, 7, 7)),
    # a line of its own under the headline, with a label, a weekday or a time
    ("Convoy reaches Goma\n2024-01-22\nThe convoy reached Goma.", date(2024, 1, 22)),
    ("Convoy reaches Goma\nFriday, January 19, 2024\nThe convoy...", date(2024, 1, 19)),
    ("Convoy reaches Goma\nPublished 19 January 2024 10:32 GMT\nThe convoy...",
     date(2024, 1, 19)),
    ("Convoy reaches Goma\nUpdated: Jan 19, 2024, 4:15 p.m. EST\nThe convoy...",
     date(2024, 1, 19)),
    ("Convoy reaches Goma\nBy a staff reporter\n\n19th January 2024\n\nThe convoy...",
     date(2024, 1, 19)),
]


@pytest.mark.parametrize(("text", "day"), HEADS, ids=[h[0][:30] for h in HEADS])
def test_a_head_gives_its_date(text: str, day: date) -> None:
    found = publication_date(text, today=TODAY)
    assert found is not None and found[0] == day


NOT_A_PUBLICATION_DATE = [
    # narrative time: the date is in a sentence, not a dateline
    "Brigade moves\nThe brigade left Sumy on 14 March 2025 and reached Pokrovsk.",
    "On 6 June 1944 the division landed in Normandy - the largest landing of the war.",
    # further down than the head
    "Title\nBy a reporter\nFirst paragraph.\nSecond paragraph.\n14 March 2025\nMore.",
    # a numeric day and month: 03/04/2025 is March or April depending on the writer
    "Troops move\n03/04/2025\nThe troops moved.",
    # a day that does not exist, and a date after today (a typo, or something to come)
    "Troops move\n30 February 2025\nThe troops moved.",
    "Troops move\nKYIV, 14 March 2031 - The troops will move.",
    # no year: a dateline of the week, not a date to count from
    "KYIV, March 14 (Reuters) - The brigade left.",
]


@pytest.mark.parametrize("text", NOT_A_PUBLICATION_DATE,
                         ids=[t[:30] for t in NOT_A_PUBLICATION_DATE])
def test_what_is_not_a_publication_date(text: str) -> None:
    assert publication_date(text, today=TODAY) is None


def test_the_line_of_the_date_is_given() -> None:
    assert publication_date("Headline\n\nKYIV, 14 March 2025 - Text.", today=TODAY) == (
        date(2025, 3, 14), 3)


def test_a_published_line_wins_over_a_dateline(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Published: 2025-03-20\n\nBrigade moves\nKYIV, 14 March 2025 - Text.\n",
                      encoding="utf-8")
    assert read_report(report)[1] == date(2025, 3, 20)
    report.write_text("Brigade moves\nKYIV, 14 March 2025 - The brigade left Sumy.\n",
                      encoding="utf-8")
    assert read_report(report)[1] == date(2025, 3, 14)


def test_a_corpus_line_without_published_takes_its_dateline(tmp_path: Path) -> None:
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text(json.dumps({"text": "GOMA, 19 January 2024 - The convoy arrived."}) + "\n"
                      + json.dumps({"text": "The convoy arrived."}) + "\n", encoding="utf-8")
    first, second = list(iter_corpus((str(corpus),)))
    assert load_report(first)[1] == date(2024, 1, 19)
    assert load_report(second)[1] is None


def test_relative_dates_count_from_the_dateline(tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    report = tmp_path / "wire.txt"
    report.write_text("Troops reach Kursk\nSEOUL, March 14, 2025 (wire) - About 3,000 soldiers "
                      "arrived in Kursk from Vladivostok by train last week, officials said.\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(report), "--format", "json"])
    assert result.exit_code == 0, result.output
    draft = json.loads(result.stdout)
    assert draft["published"] == "2025-03-14"
    (leg,) = draft["legs"]
    assert (leg["start"], leg["end"]) == ("2025-03-03", "2025-03-09")
    assert "no publication date" not in caplog.text


def test_no_date_at_all_is_said(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    report = tmp_path / "undated.txt"
    report.write_text("Troops reach Kursk\nAbout 3,000 soldiers arrived in Kursk from "
                      "Vladivostok by train last week, officials said.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(report), "--format", "json"])
    assert result.exit_code == 0, result.output
    said = caplog.text  # the command's log: one "movemap: warning:" line on the terminal
    assert "no publication date" in said and "--published" in said and str(report) in said
