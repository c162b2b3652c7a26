"""Sea legs: an end joins the lanes where they pass nearest, a coarse grid's path is mended,
and the open sea wins over lanes that run far round (examples not in the realism set)."""

from __future__ import annotations

import pytest
import shapely

from movemap.model import Mode
from movemap.routing import route
from movemap.routing.geodesic import geodesic_km
from movemap.routing.land import land, land_crossing_km
from movemap.routing.sea import _join_end, _km, _mend

Point = tuple[float, float]


def test_an_end_joins_the_lanes_where_they_pass_nearest() -> None:
    """Lanes east of Gotland that run north past the end to a junction and come back: the end
    is joined to them where they pass about 30 km off, not at the junction 60 km beyond."""
    start, passing, junction, end = (19.6, 56.2), (19.6, 57.9), (20.6, 58.25), (20.1, 57.9)
    lanes = [start, passing, junction, end]
    joined = _join_end(lanes)
    assert joined[0] == start and joined[-1] == end
    assert all(geodesic_km(*p, *junction) > 25 for p in joined)
    assert _km(joined) < _km(lanes) - 40
    assert land_crossing_km(joined) == 0.0


def test_an_end_the_lanes_reach_straight_keeps_them() -> None:
    lanes = [(19.6, 56.2), (19.7, 57.0), (19.8, 57.9)]
    assert _join_end(lanes) == lanes


def test_a_coarse_path_over_an_island_is_mended_round_it() -> None:
    """A coarse grid's cells can step over an island (its path is then a straight run over
    it, as here across Bornholm); mended like the lanes, it goes round."""
    west, east = (14.55, 55.15), (15.35, 55.15)
    assert shapely.intersects(land(), shapely.LineString([west, east]))
    mended = _mend(west, east, [west, east], "the test")
    assert not isinstance(mended, str)
    assert mended[0] == west and mended[-1] == east
    assert land_crossing_km(mended) == 0.0
    assert _km(mended) > geodesic_km(*west, *east) + 5


@pytest.mark.parametrize(("a", "b", "lanes_km"), [
    ((149.22, -21.14), (166.44, -22.27), 2246),  # Mackay - Noumea, by the Capricorn Channel
    ((-6.29, 36.53), (-15.41, 28.14), 1387),  # Cadiz - Las Palmas, along the African coast
    ((-9.13, 38.70), (-16.91, 32.64), 1054),  # Lisbon - Funchal (Madeira)
])
def test_the_open_sea_wins_over_lanes_that_run_far_round(a: Point, b: Point,
                                                         lanes_km: float) -> None:
    """Legs of 1,000-1,800 km across open sea: the lanes' path ran 8-26 % over the great
    circle (``lanes_km``: inside the reef to the Capricorn Channel, along the African coast);
    the water grid's path, mended at its ends and clear of land, is within 5 % of it."""
    r = route([a, b], Mode.SEA)
    assert not r.approximate
    assert r.length_km < min(1.05 * geodesic_km(*a, *b), lanes_km - 50)
    assert land_crossing_km(list(r.points), skip_km=5) <= 1.0
