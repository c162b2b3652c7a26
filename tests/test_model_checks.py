"""Values check themselves: the model refuses what no reader should let through."""

from __future__ import annotations

import pytest

from movemap.dates import parse_date
from movemap.errors import InvalidRecordError
from movemap.model import MAX_COUNT, Counts, Leg, PlaceRef, Source, Station


def leg(**changes: object) -> Leg:
    fields: dict[str, object] = {
        "id": "l1", "unit": "u1", "origins": (PlaceRef("Chongjin"),),
        "destination": PlaceRef("Vladivostok"), "start": parse_date("2024-10-08"),
        "end": parse_date("2024-10-13")}
    return Leg(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"strength": -5}, "strength", "strength -5 is negative"),
    ({"strength": MAX_COUNT + 1}, "strength", "strength 10,000,001 is more than 10,000,000"),
    ({"strength": 10**400}, "strength", "a 401-digit number is more than"),
    ({"strength": 2.5}, "strength", "strength 2.5 is not a whole number"),
    ({"equipment": {"tanks": -1}}, "equipment.tanks", "equipment 'tanks' -1 is negative"),
    ({"end": parse_date("2024-10-01")}, "end", "end 2024-10-01 is before start 2024-10-08"),
    ({"origins": ()}, "from", "from is an empty list"),
    ({"id": " "}, "id", "id is empty"),
])
def test_leg_refuses_bad_values(changes: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(InvalidRecordError, match=message) as info:
        leg(**changes)
    assert info.value.problems[0][0] == field
    assert isinstance(info.value, ValueError)


def test_every_problem_is_named_at_once() -> None:
    with pytest.raises(InvalidRecordError) as info:
        leg(strength=-1, end=parse_date("2024-10-01"))
    assert [f for f, _ in info.value.problems] == ["strength", "end"]


def test_station_refuses_end_before_start() -> None:
    with pytest.raises(InvalidRecordError, match="end 2024-09 is before start 2024-10-08"):
        Station("s1", "u1", PlaceRef("Kursk"), parse_date("2024-10-08"), parse_date("2024-09"))


def test_overlapping_fuzzy_dates_are_not_refused() -> None:
    assert leg(end=parse_date("2024-10")).end == parse_date("2024-10")


def test_leg_is_hashable_and_its_equipment_immutable() -> None:
    a = leg(equipment={"landing ships": 4})
    b = leg(equipment={"landing ships": 4})
    assert isinstance(a.equipment, Counts)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a.equipment == {"landing ships": 4}
    with pytest.raises(TypeError):
        a.equipment["landing ships"] = 5  # type: ignore[index]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "x", "lat": 10.0}, "lat and lon go together"),
    ({"lat": 91.0, "lon": 0.0}, "91.0, 0.0 is not a latitude, longitude"),
    ({"lat": float("nan"), "lon": 0.0}, "is not a latitude, longitude"),
    ({}, "needs a name, or lat and lon"),
])
def test_place_ref_refuses_bad_points(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidRecordError, match=message):
        PlaceRef(**kwargs)  # type: ignore[arg-type]


def test_source_reads_a_grade_given_as_text() -> None:
    assert str(Source("s", "P", grade="b2").grade) == "B2"  # type: ignore[arg-type]
