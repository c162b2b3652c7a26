from __future__ import annotations

from datetime import date

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
