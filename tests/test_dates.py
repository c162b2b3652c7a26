from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from movemap.dates import DateError, Precision, parse_date


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2024-10-08", date(2024, 10, 8), date(2024, 10, 8), Precision.DAY),
        ("2024-11", date(2024, 11, 1), date(2024, 11, 30), Precision.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31), Precision.QUARTER),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR),
        ("early 2024-10", date(2024, 10, 1), date(2024, 10, 10), Precision.PART),
        ("mid 2024-10", date(2024, 10, 11), date(2024, 10, 20), Precision.PART),
        ("late 2024-02", date(2024, 2, 21), date(2024, 2, 29), Precision.PART),
        ("2024-10-08/2024-10-13", date(2024, 10, 8), date(2024, 10, 13), Precision.INTERVAL),
        ("2024-10/2024-12", date(2024, 10, 1), date(2024, 12, 31), Precision.INTERVAL),
        ("by 2024-11-01", None, date(2024, 11, 1), Precision.BEFORE),
        ("before 2024-11-01", None, date(2024, 10, 31), Precision.BEFORE),
        ("after 2024-10-18", date(2024, 10, 19), None, Precision.AFTER),
        ("since 2023-08", date(2023, 8, 1), None, Precision.AFTER),
        ("By 2024-11", None, date(2024, 11, 30), Precision.BEFORE),
    ],
)
def test_forms(text: str, earliest: date | None, latest: date | None,
               precision: Precision) -> None:
    parsed = parse_date(text)
    assert (parsed.earliest, parsed.latest, parsed.precision) == (earliest, latest, precision)


@pytest.mark.parametrize(
    "text", ["2024-10-08", "2024-11", "2024-Q4", "2024", "mid 2024-10",
             "2024-10-08/2024-10-13", "by 2024-11-01", "after 2024-10-18", "since 2023-08"])
def test_canonical_text_reads_back_the_same(text: str) -> None:
    parsed = parse_date(text)
    assert str(parsed) == text
    assert parse_date(str(parsed)) == parsed


def test_yaml_date_objects_are_days() -> None:
    assert parse_date(date(2024, 10, 8)) == parse_date("2024-10-08")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-13-01", r"'2024-13-01' is not a real date"),
        ("2024-02-30", r"is not a real date"),
        ("October 2024", r"'October 2024' is not a date; use one of"),
        ("2024-10-13/2024-10-08", r"interval '2024-10-13/2024-10-08' ends before it starts"),
        ("by soon", r"'by soon': 'soon' is not a date"),
        ("2024-10/next", r"is not an interval of two dates"),
    ],
)
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_precision_is_kept_not_invented() -> None:
    november = parse_date("2024-11")
    assert november.days == 30
    assert november.middle == date(2024, 11, 15)
    assert parse_date("by 2024-11-01").days is None
    assert parse_date("by 2024-11-01").first_day == date(2024, 11, 1)


def test_surely_before() -> None:
    assert parse_date("2024-10-03").surely_before(parse_date("2024-10-08"))
    assert not parse_date("2024-10").surely_before(parse_date("2024-10-08"))
    assert not parse_date("by 2024-10-10").surely_before(parse_date("after 2024-10-01"))


@pytest.mark.parametrize("text", [
    "2024-10-08 23:30", "2024-10-08T23:30", "2024-10-08t06:05:59", "2024-10-08 23:30:00.25",
    "2024-10-08T23:30:00-05:00", "2024-10-08 23:30Z", "2024-10-08 00:00 +0200",
    "2024-10-08T23:30+05",
])
def test_a_date_and_time_is_its_day(text: str) -> None:
    """A time of day (ISO 8601, T or a space, seconds and zone optional) is read as the day
    written, in its own zone (dates are days); its text is kept as written."""
    day = parse_date(text)
    assert (day.earliest, day.latest, day.precision, str(day)) == (
        date(2024, 10, 8), date(2024, 10, 8), Precision.DAY, text)


def test_a_time_works_inside_intervals_and_bounds() -> None:
    between = parse_date("2024-10-08 23:30/2024-10-09 01:00")
    assert (between.earliest, between.latest) == (date(2024, 10, 8), date(2024, 10, 9))
    by = parse_date("by 2024-10-08 23:30")
    assert (by.earliest, by.latest, str(by)) == (None, date(2024, 10, 8), "by 2024-10-08 23:30")


@pytest.mark.parametrize(("text", "message"), [
    ("2024-10-08 25:30", "hour must be in 0..23"),
    ("2024-10-08 23:61", "minute must be in 0..59"),
    ("2024-02-30 10:00", "is not a real date"),
    ("2024-10-08 23", r"use one of: YYYY-MM-DD, YYYY-MM-DD HH:MM \(read as its day\)"),
])
def test_a_bad_time_is_refused_naming_the_forms(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_a_timestamp_value_is_a_plain_day() -> None:
    """A YAML timestamp arrives as a datetime: its day in its own zone, a ``date`` (a
    datetime kept would fail the first comparison with a day: ``status --on``)."""
    stamp = datetime(2024, 10, 8, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    day = parse_date(stamp)
    assert type(day.earliest) is date and type(day.latest) is date
    assert day.earliest == date(2024, 10, 8) and str(day) == "2024-10-08T23:30:00-05:00"


def test_a_dataset_with_times_shows_its_status(tmp_path: Path) -> None:
    """A leg starting at a YAML timestamp and one at a time written with a space: both are
    days, and ``status`` on a day compares them (it raised TypeError on the timestamp)."""
    from click.testing import CliRunner

    from movemap.cli import cli

    data = tmp_path / "times.yaml"
    data.write_text("""movemap: 1
name: times
sources: [{id: s1, publisher: P}]
units: [{id: u1, name: Unit one}, {id: u2, name: Unit two}]
legs:
  - {id: l1, unit: u1, from: {name: A, lat: 41.8, lon: 129.8}, to: {name: B, lat: 43.1,
     lon: 131.9}, start: 2024-10-08T23:30:00-05:00, end: 2024-10-10, mode: air, sources: [s1]}
  - {id: l2, unit: u2, from: {name: A, lat: 41.8, lon: 129.8}, to: {name: B, lat: 43.1,
     lon: 131.9}, start: "2024-10-08 23:30", end: 2024-10-10, mode: air, sources: [s1]}
""", encoding="utf-8")
    result = CliRunner().invoke(cli, ["status", str(data), "--on", "2024-10-09"])
    assert result.exit_code == 0, result.output
    assert "Unit one" in result.output and "Unit two" in result.output
