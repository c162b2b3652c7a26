"""status() and timeline() as GeoDataFrames: columns, dtypes, and the same answers as the
records."""

from __future__ import annotations

from datetime import date

import pandas as pd
import shapely

import movemap
from movemap.frames import STATUS_COLUMNS, TIMELINE_COLUMNS
from movemap.located import Located
from movemap.model import Dataset, Mode, Status


def test_status_columns_and_dtypes(located: Located) -> None:
    frame = movemap.status(located, "2024-10-20")
    assert tuple(frame.columns) == STATUS_COLUMNS
    assert frame.crs.to_epsg() == 4326
    for column in ("since_earliest", "since_latest", "until_earliest", "until_latest"):
        assert frame[column].dtype == "datetime64[ns]", column
    for column, vocabulary in (("status", Status), ("since_precision", None)):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
        if vocabulary is not None:
            assert list(frame[column].cat.categories) == [v.value for v in vocabulary]
    assert str(frame["strength"].dtype) == "Int64"
    assert frame["moving"].dtype == bool
    assert set(frame.geom_type) == {"Point"}


def test_status_frame_agrees_with_the_records(located: Located) -> None:
    records = movemap.positions(located, "2024-10-10")
    frame = movemap.status(located, date(2024, 10, 10))
    assert frame["unit"].tolist() == [p.unit for p in records]
    assert frame["place"].tolist() == [p.place for p in records]
    assert [None if pd.isna(s) else int(s) for s in frame["strength"]] == [
        p.strength for p in records]
    assert frame.geometry.x.round(6).tolist() == [round(p.lon, 6) for p in records]
    moving = frame[frame["moving"]]
    assert len(moving) >= 1 and moving["place"].str.startswith("en route").all()
    # a date like "2024-10" is a month: its bounds span the month, its precision says so
    row = frame.iloc[0]
    assert row["since_earliest"] <= row["since_latest"]


def test_status_with_nobody_placed_keeps_its_columns(located: Located) -> None:
    frame = movemap.status(located, "2023-01-01")
    assert len(frame) == 0
    assert tuple(frame.columns) == STATUS_COLUMNS
    assert frame["since_earliest"].dtype == "datetime64[ns]"


def test_timeline_columns_dtypes_and_geometry(located: Located) -> None:
    frame = movemap.timeline(located)
    assert tuple(frame.columns) == TIMELINE_COLUMNS
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == len(located.dataset.legs) + len(located.dataset.stations)
    assert list(frame["mode"].cat.categories) == [m.value for m in Mode]
    assert list(frame["record"].cat.categories) == ["leg", "station"]
    assert frame["start_earliest"].dtype == "datetime64[ns]"
    days = frame[frame["start_precision"] == "day"]
    assert len(days) >= 1 and (days["start_earliest"] == days["start_latest"]).all()
    # an open bound ("after 2024-10-19") is missing, and the precision says which side
    open_start = frame[frame["start_earliest"].isna() | frame["start_latest"].isna()]
    assert len(open_start) >= 1
    assert set(open_start["start_precision"]) <= {"before", "after"}
    assert str(frame["distance_km"].dtype) == "Float64"
    legs = frame[frame["record"] == "leg"]
    stations = frame[frame["record"] == "station"]
    assert set(legs.geom_type) <= {"LineString", "MultiLineString"}
    assert set(stations.geom_type) == {"Point"}
    assert stations["distance_km"].isna().all()
    # the leg from several ports is drawn from each
    ports = len(located.dataset.legs[[leg.id for leg in located.dataset.legs].index(
        "first-echelon-by-sea")].origins)
    sea = legs[legs["id"] == "first-echelon-by-sea"].geometry.iloc[0]
    assert ports > 1
    assert sea.geom_type == "MultiLineString" and shapely.get_num_geometries(sea) == ports
    # vague dates keep both bounds and say how vague they are
    vague = frame[frame["start_precision"] != "day"]
    assert (vague["start_earliest"] < vague["start_latest"]).any()


def test_dataset_and_located_methods_answer_with_frames(dataset: Dataset,
                                                        located: Located) -> None:
    assert dataset.status("2024-10-20")["unit"].tolist() == located.status(
        "2024-10-20")["unit"].tolist()
    assert len(dataset.timeline()) == len(located.timeline())
    events = movemap.events(located)
    assert [e.id for e in events] == located.timeline()["id"].tolist()
