"""Status and timeline on the reference dataset."""

from __future__ import annotations

import pytest

from movemap.located import Located
from movemap.model import Dataset, Status
from movemap.queries import leg_window, status, timeline, totals


def test_on_20_october_1500_reported_in_the_far_east(
    dataset: Dataset, located: Located
) -> None:
    positions = status(located, "2024-10-20")
    first = next(p for p in positions if p.unit == "first-echelon")
    assert (first.place, first.strength, first.status, first.moving) == (
        "in Russian Far East (region-level)", 1500, Status.REPORTED, False)
    far_east = next(t for t in totals(positions)
                    if t.place == "in Russian Far East (region-level)")
    assert far_east.strength == {"claimed": 11_000, "reported": 1_500}
    assert not any(p.unit == "advance-group" for p in positions)


def test_from_1_november_2600_expected_at_kursk(dataset: Dataset, located: Located) -> None:
    for day in ("2024-11-01", "2024-11-15", "2024-12-01"):
        positions = status(located, day)
        kursk = next(p for p in positions if p.unit == "advance-group")
        assert (kursk.place, kursk.strength, kursk.status) == (
            "in Kursk Oblast (region-level)", 2600, Status.EXPECTED)
        assert abs(kursk.lat - 51.7) < 0.5 and abs(kursk.lon - 36.2) < 0.5


def test_under_way_at_sea_on_10_october(dataset: Dataset, located: Located) -> None:
    positions = status(located, "2024-10-10")
    first = next(p for p in positions if p.unit == "first-echelon")
    assert first.moving and first.record == "first-echelon-by-sea"
    assert first.place == "en route from Chongjin to Vladivostok"
    # two days of five from Chongjin (41.8 N) to Vladivostok (43.1 N)
    assert 41.8 < first.lat < 43.1 and 129.8 < first.lon < 131.9
    assert first.to_dict()["moving"] is True


def test_before_anything_nobody_is_anywhere(dataset: Dataset, located: Located) -> None:
    positions = status(located, "2023-01-01")
    assert positions == []


def test_leg_without_end_arrives_by_usual_speed(dataset: Dataset,
                                                 located: Located) -> None:
    leg = next(leg for leg in dataset.legs if leg.id == "advance-group-to-kursk")
    length = located.routes_of(leg)[0].length_km
    assert 6500 < length < 7000  # Vladivostok to Kursk Oblast, great circle
    departure, arrival, estimated = leg_window(leg, length)
    # mode not stated: 400 km a day, so some 6,700 km take 17 days
    assert estimated and str(departure) == "2024-11-01" and (arrival - departure).days == 17


def test_timeline_is_in_date_order_with_speeds(dataset: Dataset,
                                                located: Located) -> None:
    events = timeline(located)
    assert len(events) == len(dataset.legs) + len(dataset.stations)
    starts = [e.start.first_day for e in events]
    assert starts == sorted(starts)
    sea = next(e for e in events if e.id == "first-echelon-by-sea")
    assert sea.duration_days == 5 and not sea.arrival_estimated
    # the longest of the three origins, Hungnam (520 km great circle), along the coast; it was
    # 706 km when Musudan-ri's route doubled back by the lanes (issue 14), now about 330
    assert 500 < sea.distance_km < 620
    assert sea.speed_kmh == pytest.approx(sea.distance_km / (5 * 24), abs=0.1)


def test_a_distance_to_a_country_or_region_is_marked_approximate(located: Located) -> None:
    # North Korea -> Russia and Vladivostok -> Kursk Oblast run between points that stand for
    # whole areas; Vladivostok -> Khabarovsk runs between two towns on the railway
    events = {e.id: e for e in timeline(located)}
    for leg_id in ("force-to-russia", "munitions-to-russia", "advance-group-to-kursk"):
        assert events[leg_id].distance_approximate, leg_id
        assert events[leg_id].to_dict()["distance_approximate"] is True
    for leg_id in ("first-echelon-by-sea", "first-echelon-to-khabarovsk"):
        assert not events[leg_id].distance_approximate, leg_id
    assert not any(e.distance_approximate for e in events.values() if e.record == "station")


def test_status_needs_a_day(dataset: Dataset, located: Located) -> None:
    from movemap.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="a status is on one day"):
        status(located, "2024-10")


def test_dataset_methods_delegate(dataset: Dataset) -> None:
    # the methods answer with GeoDataFrames (movemap.frames), rows as the records
    assert dataset.status("2024-10-20")["unit"].tolist() == [
        p.unit for p in status(dataset, "2024-10-20")]
    assert len(dataset.timeline()) == len(dataset.legs) + len(dataset.stations)


def test_trajectories_for_movingpandas(dataset: Dataset) -> None:
    collection = dataset.to_trajectories()
    assert {t.id for t in collection.trajectories} == {leg.id for leg in dataset.legs}
    sea = collection.get_trajectory("first-echelon-by-sea")
    assert sea.obj_id == "first-echelon"
    assert str(sea.get_start_time().date()) == "2024-10-08"
    assert str(sea.get_end_time().date()) == "2024-10-13"
    assert abs(sea.get_start_location().y - 41.8) < 0.1  # leaves from Chongjin
    assert abs(sea.get_end_location().y - 43.1) < 0.1  # arrives at Vladivostok


def test_rail_trajectory_is_timed_along_its_drawn_line(located: Located) -> None:
    # a rail route counts more km than its drawn line (GENERALISED); its moving point is
    # placed by distance along the drawn line: at the far end exactly at the arrival
    from datetime import datetime, time

    from movemap.export.trajectories import to_trajectories
    from movemap.routing.geodesic import geodesic_km

    leg = next(leg for leg in located.dataset.legs if leg.id == "first-echelon-to-khabarovsk")
    route = located.routes_of(leg)[0]
    assert route.length_km > route.line_km
    departure, arrival, _ = leg_window(leg, route.length_km)
    start, end = datetime.combine(departure, time(12)), datetime.combine(arrival, time(12))
    frame = to_trajectories(located).get_trajectory(leg.id).df
    assert (frame.index[0], frame.index[-1]) == (start, end)
    assert len(frame) == len(route.points)
    done = 0.0
    steps = zip(route.points, route.points[1:], strict=False)
    for (a, b), (t, row) in zip(steps, frame.iloc[1:].iterrows(), strict=True):
        done += geodesic_km(*a, *b)
        assert row.geometry.x == pytest.approx(b[0])
        assert (t - start) / (end - start) == pytest.approx(done / route.line_km, abs=1e-5)
