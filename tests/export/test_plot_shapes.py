"""The static map's basemap drawn without geopandas looks exactly as geopandas drew it."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
import shapely


def _png(draw: Any) -> bytes:
    """The SVG and PNG bytes of a figure ``draw`` draws on, as the static map's are made
    (its settings; axis labels blanked after the shapes, as geopandas sets them)."""
    import matplotlib
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from movemap.export.static import PLAIN_TEXT

    with matplotlib.rc_context(PLAIN_TEXT):
        fig = Figure(figsize=(4, 3), dpi=80)
        FigureCanvasBase(fig)
        ax = fig.add_axes((0.05, 0.05, 0.9, 0.9))
        ax.set_xlim(-1, 11)
        ax.set_ylim(-1, 8)
        draw(ax)
        ax.set_xlabel("", fontsize="small")
        ax.set_ylabel("", fontsize="small")
        FigureCanvasAgg(fig)
        out = io.BytesIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
        svg = out.getvalue()
        out = io.BytesIO()
        fig.savefig(out, format="png", metadata={"Software": None})
        return svg + out.getvalue()


SHAPES = [
    # a hole, written in the winding geopandas' normalising turns round
    shapely.Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (1, 2), (2, 2), (2, 1)]]),
    shapely.MultiPolygon([shapely.box(5, 0, 6, 1), shapely.box(7, 0, 9, 2)]),
    shapely.LineString([(10, 0), (0, 6)]),  # normalising reverses it
    shapely.MultiLineString([[(0, 7), (3, 7)], [(4, 7), (6, 5)]]),
    shapely.GeometryCollection([shapely.box(8, 4, 9, 5), shapely.LineString([(8, 6), (9, 7)])]),
    shapely.Polygon(),  # empty: dropped
    None,
]


@pytest.mark.parametrize("style", [
    {"facecolor": "#f4f1ea", "edgecolor": "#9a9a9a", "linewidth": 0.6, "zorder": 1},
    {"color": "#bdbdbd", "linewidth": 0.4, "linestyle": (0, (4, 3)), "zorder": 1},
    {"facecolor": "#e6b0aa", "edgecolor": "#b03a2e", "alpha": 0.3, "linewidth": 0.8,
     "zorder": 2},
])
def test_shapes_draw_the_bytes_geopandas_draws(style: dict[str, Any]) -> None:
    import geopandas

    from movemap.export.static import _plot_shapes

    shapes = np.array(SHAPES, dtype=object)
    with_geopandas = _png(lambda ax: geopandas.GeoSeries(list(shapes)).plot(ax=ax, **style))
    plain = _png(lambda ax: _plot_shapes(ax, shapes, **style))
    assert plain == with_geopandas
    assert plain != _png(lambda ax: None)  # something was drawn


def test_nothing_but_empty_shapes_draws_nothing() -> None:
    from movemap.export.static import _plot_shapes

    empty = np.array([shapely.Polygon(), None], dtype=object)
    assert _png(lambda ax: _plot_shapes(ax, empty, facecolor="red")) == _png(lambda ax: None)
