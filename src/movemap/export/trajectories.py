"""A dataset's legs as a movingpandas ``TrajectoryCollection``: one trajectory per leg.

A trajectory holds the vertices of the leg's route (from its first origin), timed by
distance between its departure and its arrival (see ``queries.leg_window``); its object id
is the unit, so a unit's legs can be gathered. (Per leg, because a unit that splits sends
legs to several places at once.) movingpandas is an optional dependency:
``pip install movemap[trajectories]``.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from movemap.errors import MissingDependencyError
from movemap.queries import leg_window
from movemap.routing.geodesic import geodesic_km

if TYPE_CHECKING:
    from movemap.located import Located
    from movemap.model import Dataset

__all__ = ["to_trajectories"]


def to_trajectories(data: Dataset | Located) -> Any:
    """One movingpandas trajectory per leg, ``obj_id`` the unit (times at noon, naive UTC).

    ``data``: a located dataset, or a dataset to locate with the defaults.
    """
    try:
        import movingpandas
    except ImportError:
        raise MissingDependencyError("exporting trajectories needs movingpandas: "
                                     "pip install 'movemap[trajectories]'") from None
    import geopandas
    import shapely

    from movemap.located import as_located

    located = as_located(data)
    rows = []
    for leg in sorted(located.dataset.legs, key=lambda leg: leg.start.first_day):
        route = located.routes_of(leg)[0]
        departure, arrival, _ = leg_window(leg, route.length_km)
        start = datetime.combine(departure, time(12))
        span = (arrival - departure) / timedelta(seconds=1)
        line = route.line_km  # O(points): measured once per route, not per point
        done = 0.0
        previous = route.points[0]
        for point in route.points:
            done += geodesic_km(previous[0], previous[1], point[0], point[1])
            previous = point
            fraction = done / line if line else 1.0
            rows.append({"unit": leg.unit, "leg": leg.id,
                         "t": start + timedelta(seconds=span * fraction),
                         "geometry": shapely.Point(point)})
    frame = geopandas.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    frame = frame.drop_duplicates(subset=["leg", "t"]).set_index("t")
    return movingpandas.TrajectoryCollection(frame, traj_id_col="leg", obj_id_col="unit",
                                             min_length=0)
