"""Natural Earth's label marks are no outlines: land regions drawn as the small triangle where
their label goes are kept as points (areas whose outline is unknown), and the marks beside a
real outline are dropped (``tools/stage_natural_features.py``)."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

import shapely
from shapely.geometry import Polygon

from movemap import Gazetteer, Kind
from movemap.gazetteer.place import Precision
from movemap.geodata import geo_path
from movemap.sphere import haversine_km

TOOL = Path(__file__).resolve().parents[2] / "tools" / "stage_natural_features.py"


@cache
def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stage_natural_features", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_land_region_of_the_shipped_file_is_outlined_by_a_label_mark() -> None:
    tool = _tool()
    with geo_path("natural_features.geojson").open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    regions = [f for f in features if f["properties"]["id"].startswith("ne-area:")]
    points = 0
    for feat in regions:
        geom = shapely.geometry.shape(feat["geometry"])
        ident = feat["properties"]["id"]
        if geom.geom_type == "Point":
            points += 1
            continue
        assert shapely.area(geom) >= tool.LEAST_REGION_AREA, ident
        for part in getattr(geom, "geoms", [geom]):
            corners = len(part.exterior.coords) - 1
            assert (corners > tool.LABEL_MARK_VERTICES
                    or shapely.area(part) >= tool.LABEL_MARK_AREA), (ident, corners)
    # most regions keep an outline; those drawn only as marks are points
    assert 20 <= points < len(regions) // 5


def test_a_mark_alone_is_a_point_and_a_mark_beside_an_outline_is_dropped() -> None:
    tool = _tool()
    # a coastline-like region of many corners, 2 x 2 degrees, and a label triangle far off
    ring = [(30 + 2 * x / 20, 10.0) for x in range(21)] + [(32.0, 12.0), (30.0, 12.0)]
    region = Polygon(ring)
    mark = Polygon([(40.0, 20.0), (40.1, 20.0), (40.05, 20.08)])
    assert tool.without_label_marks(shapely.union(region, mark)).equals(region)
    spot = tool.without_label_marks(mark)
    assert spot.geom_type == "Point"
    assert abs(spot.x - 40.05) < 0.01 and abs(spot.y - 20.027) < 0.01
    # a small region drawn with many corners keeps its outline; a large coarse one too
    small = Polygon([(10 + 0.1 * (i % 2), 50 + 0.01 * i) for i in range(0, 20, 2)]
                    + [(10.3, 50.2), (10.3, 50.0)])
    assert small.is_valid and tool.without_label_marks(small).equals(small)
    coarse = Polygon([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)])
    assert tool.without_label_marks(coarse).equals(coarse)


def test_a_region_natural_earth_draws_as_a_mark_resolves_to_an_area_point(
    gazetteer: Gazetteer,
) -> None:
    # Natural Earth draws the Nile Delta and the Yucatan Peninsula as label marks of a few
    # corners; they resolve, alone and among their towns, as areas without an outline.
    cases = [("Nile Delta", (30.9, 31.1), ["Tanta", "Damietta", "Mansoura"]),
             ("Yucatán Peninsula", (19.5, -89.0), ["Mérida", "Campeche", "Chetumal"])]
    for name, middle, towns in cases:
        for found in (gazetteer.resolve(name), gazetteer.resolve_all([name, *towns])[0]):
            place = found.place
            assert place.kind is Kind.MACRO_REGION, found.best.why()
            assert place.polygon is None and place.precision is Precision.AREA, place.id
            assert haversine_km(place.lat, place.lon, *middle) < 300, (place.lat, place.lon)
