"""The answers of :mod:`movemap.queries` as GeoDataFrames, for notebooks and analysis.

:func:`status` and :func:`timeline` return GeoDataFrames in EPSG:4326 that sort, filter,
group and plot as pandas users expect:

- every reported date becomes three columns, ``<name>_earliest`` and ``<name>_latest``
  (``datetime64``: the first and last day it can mean) and ``<name>_precision`` (``day``,
  ``month``, ``before`` ...), so that ``before 2024-10-20`` is not mistaken for a day;
- ``status``, ``mode`` and ``record`` are categoricals (every value of the vocabulary, in its
  order), strengths nullable integers;
- a position is a point; a leg is its route (a MultiLineString when the leg has several
  origins or crosses 180 degrees), a station its point.

The dataclass records (:class:`~movemap.queries.Position`, :class:`~movemap.queries.Event`)
stay available as :func:`positions` and :func:`events` (``movemap.positions``,
``movemap.events``), which is what the command line prints.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from movemap.dates import FuzzyDate, Precision, parse_date
from movemap.model import Dataset, Mode, Status
from movemap.queries import Event, Position
from movemap.queries import status as positions
from movemap.queries import timeline as events

if TYPE_CHECKING:
    import geopandas
    import pandas

    from movemap.located import Located

__all__ = ["STATUS_COLUMNS", "TIMELINE_COLUMNS", "events", "positions", "status", "timeline"]

STATUS_COLUMNS = (
    "unit", "unit_name", "place", "strength", "status", "moving", "record",
    "since_earliest", "since_latest", "since_precision",
    "until_earliest", "until_latest", "until_precision", "estimated", "geometry")
TIMELINE_COLUMNS = (
    "record", "id", "unit", "unit_name",
    "start_earliest", "start_latest", "start_precision",
    "end_earliest", "end_latest", "end_precision",
    "origin", "destination", "mode", "distance_km", "duration_days", "speed_kmh",
    "strength", "status", "arrival_estimated", "distance_approximate", "geometry")


def _dates(name: str, values: list[FuzzyDate | None]) -> dict[str, Any]:
    """Three columns for one date field: earliest and latest day (datetime64), precision."""
    import numpy as np
    import pandas as pd

    def days(pick: str) -> Any:
        out = [getattr(v, pick) if v is not None else None for v in values]
        return np.array([np.datetime64(d, "ns") if d is not None else np.datetime64("NaT", "ns")
                         for d in out], dtype="datetime64[ns]")

    return {
        f"{name}_earliest": days("earliest"),
        f"{name}_latest": days("latest"),
        f"{name}_precision": pd.Categorical(
            [v.precision.value if v else None for v in values],
            categories=[p.value for p in Precision]),
    }


def _frame(columns: dict[str, Any], geometry: list[Any],
           order: tuple[str, ...]) -> geopandas.GeoDataFrame:
    import geopandas as gpd

    frame = gpd.GeoDataFrame(columns, geometry=geometry, crs="EPSG:4326")
    return frame[list(order)]


def _categories(values: list[Any], vocabulary: type[Status] | type[Mode]) -> pandas.Categorical:
    import pandas as pd

    return pd.Categorical([v.value if v is not None else None for v in values],
                          categories=[v.value for v in vocabulary])


def _strengths(values: list[int | None]) -> Any:
    import pandas as pd

    return pd.array(values, dtype="Int64")


def positions_frame(records: list[Position]) -> geopandas.GeoDataFrame:
    """Positions as a GeoDataFrame of points (columns :data:`STATUS_COLUMNS`)."""
    import pandas as pd
    import shapely

    since = [parse_date(p.since) for p in records]
    until = [parse_date(p.until) if p.until else None for p in records]
    columns: dict[str, Any] = {
        "unit": [p.unit for p in records],
        "unit_name": [p.unit_name for p in records],
        "place": [p.place for p in records],
        "strength": _strengths([p.strength for p in records]),
        "status": _categories([p.status for p in records], Status),
        "moving": pd.array([p.moving for p in records], dtype=bool),
        "record": [p.record for p in records],
        **_dates("since", list(since)),
        **_dates("until", until),
        "estimated": pd.array([p.estimated for p in records], dtype=bool),
    }
    points = shapely.points([p.lon for p in records], [p.lat for p in records]) if records \
        else []
    return _frame(columns, list(points), STATUS_COLUMNS)


def _leg_shape(located: Located, leg_id: str) -> Any:
    return located.route(leg_id).geometry


def events_frame(records: list[Event], located: Located) -> geopandas.GeoDataFrame:
    """Timeline events as a GeoDataFrame (columns :data:`TIMELINE_COLUMNS`): legs along their
    routes, stations at their places."""
    import pandas as pd
    import shapely

    stations = {s.id: s for s in located.dataset.stations}
    geometry = []
    for e in records:
        if e.record == "leg":
            geometry.append(_leg_shape(located, e.id))
        else:
            place = located.place(stations[e.id].place)
            geometry.append(shapely.Point(place.lon, place.lat))
    columns: dict[str, Any] = {
        "record": pd.Categorical([e.record for e in records], categories=["leg", "station"]),
        "id": [e.id for e in records],
        "unit": [e.unit for e in records],
        "unit_name": [e.unit_name for e in records],
        **_dates("start", [e.start for e in records]),
        **_dates("end", [e.end for e in records]),
        "origin": [e.origin for e in records],
        "destination": [e.destination for e in records],
        "mode": _categories([e.mode for e in records], Mode),
        "distance_km": pd.array([e.distance_km for e in records], dtype="Float64"),
        "duration_days": pd.array([e.duration_days for e in records], dtype="Float64"),
        "speed_kmh": pd.array([e.speed_kmh for e in records], dtype="Float64"),
        "strength": _strengths([e.strength for e in records]),
        "status": _categories([e.status for e in records], Status),
        "arrival_estimated": pd.array([e.arrival_estimated for e in records], dtype=bool),
        "distance_approximate": pd.array([e.distance_approximate for e in records], dtype=bool),
    }
    return _frame(columns, geometry, TIMELINE_COLUMNS)


def status(data: Dataset | Located, on: date | str) -> geopandas.GeoDataFrame:
    """Where each unit is on a day, with what strength, one row a position (a GeoDataFrame).

    ``data``: a located dataset, or a dataset to locate with the defaults. The rules are
    those of :func:`movemap.queries.status`; :func:`positions` gives the same answer as
    :class:`~movemap.queries.Position` records.

    >>> import movemap
    >>> located = movemap.locate(movemap.read_dataset("layers/dprk-russia-2024.yaml"))
    >>> frame = movemap.status(located, "2024-10-20")
    >>> frame.loc[frame["unit"] == "second-echelon", ["place", "status"]].iloc[0].tolist()
    ['Vladivostok', 'expected']
    """
    from movemap.located import as_located

    located = as_located(data)
    return positions_frame(positions(located, on))


def timeline(data: Dataset | Located) -> geopandas.GeoDataFrame:
    """Every leg and station in date order, one row each (a GeoDataFrame).

    Legs carry distance (km), duration (days) and implied speed (km/h) and their route as
    geometry; :func:`events` gives the same answer as :class:`~movemap.queries.Event` records.
    """
    from movemap.located import as_located

    located = as_located(data)
    return events_frame(events(located), located)
