"""Static maps for reports and slides (PNG, SVG, PDF) and animations (GIF), with matplotlib.

Drawn offline on the Natural Earth basemap, in a projection fitted to the extent (Lambert
conformal conic for a theatre, Mercator astride the equator, Equal Earth for the world), with
the map's styles (``movemap.style``) and symbols: routes by mode and status with arrowheads
(all of a dash pattern in one collection, simplified to half a pixel), stations sized by
strength, place names placed by ``movemap.export.labels`` (the busiest places first, moved
along leader lines until they do not overlap; on a crowded map those that find no room are
left out and counted in the subtitle), title, a legend of what is drawn (modes, statuses,
each unit's symbol, areas), scale bar, north arrow, attribution, an optional banner at
top and bottom (a classification or handling caption) and an inset locator map.

``--on DAY`` draws the situation that day: the legs begun by then (faint once over), and
where each unit is (``queries.status``), in an extent fitted to that day's activity (where
the units are and the legs under way; ``extent`` overrides it). The same dataset gives the
same SVG bytes.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from pyproj import CRS, Transformer

from movemap.errors import InvalidValueError
from movemap.io.atomic import write_atomic
from movemap.model import Dataset, Mode, Status
from movemap.queries import leg_window, status
from movemap.routing.points import as_array
from movemap.style import MODE_COLOURS, STATUS_COLOURS, STATUS_DASHES, leg_style, station_radius

if TYPE_CHECKING:
    from movemap.located import Located

__all__ = ["SIZES", "StaticOptions", "map_extent", "parse_size", "write_animation",
           "write_static"]

SIZES = {"16:9": (16.0, 9.0), "a4": (11.69, 8.27), "a4-portrait": (8.27, 11.69)}
DEFAULT_DPI = 120  # 16:9 at 120 dpi is 1920 x 1080
MAX_SIDE = 16_000
"""Longest side of a static map in pixels (A4 at 600 dpi is 7,016)."""
MAX_PIXELS = 60_000_000
"""Most pixels in a static map (A4 at 600 dpi is 35 million): its image is allocated at
four bytes a pixel, so this bounds a map's memory to about 240 MB."""
MAX_ANIMATION_PIXELS = 250_000_000
"""Most pixels in all of an animation's frames together (120 frames of 1920 x 1080): the
frames are held in memory, at three bytes a pixel, until the GIF is written."""
PLAIN_TEXT: dict[Any, Any] = {"svg.hashsalt": "movemap", "svg.fonttype": "none",
                              "text.parse_math": False}
"""matplotlib settings of every map and chart: deterministic SVG, and text drawn as written
(a title, unit or place name with two ``$`` is not mathtext, which would drop the signs or
fail to parse, ``$\\frac$``)."""
ATTRIBUTION = ("Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). Sea lanes: searoute. "
               "Symbols: milsymbol. Made with movemap.")


@dataclass(frozen=True)
class StaticOptions:
    """What a static map shows and how big it is."""

    on: date | None = None
    extent: tuple[float, float, float, float] | None = None  # west, south, east, north
    size: tuple[float, float] = SIZES["16:9"]
    dpi: int = DEFAULT_DPI
    title: str | None = None
    banner: str | None = None
    inset: bool = True

    def __post_init__(self) -> None:
        width, height = self.pixels
        if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE
                and width * height <= MAX_PIXELS):
            raise InvalidValueError(
                f"a map of {width:,} x {height:,} pixels is too large: at most {MAX_SIDE:,} "
                f"pixels a side and {MAX_PIXELS // 10**6} million in all", field="size")

    @property
    def pixels(self) -> tuple[int, int]:
        """Width and height in pixels."""
        return round(self.size[0] * self.dpi), round(self.size[1] * self.dpi)


def parse_size(text: str, dpi: int = DEFAULT_DPI) -> tuple[float, float]:
    """Inches from ``16:9``, ``a4``, ``a4-portrait`` or ``WIDTHxHEIGHT`` in pixels."""
    if text in SIZES:
        return SIZES[text]
    width, sep, height = text.lower().partition("x")
    if (sep and width.isdigit() and height.isdigit() and len(width) < 9 and len(height) < 9
            and int(width) > 0 and int(height) > 0):
        size = int(width) / dpi, int(height) / dpi
        StaticOptions(size=size, dpi=dpi)  # refuses a size too large, before anything is drawn
        return size
    raise InvalidValueError(f"size {text!r} is not one of {', '.join(SIZES)} or WIDTHxHEIGHT "
                       "in pixels", field="size")


def _projection(west: float, south: float, east: float, north: float) -> CRS:
    """The map's projection, centred on the extent: a Lambert conformal conic (standard
    parallels at 1/6 and 5/6 of its height) for a theatre; Mercator for one astride the
    equator, where a cone's parallels would fall on both sides of it; Equal Earth for a
    map wider than 150 degrees, which no cone fits."""
    span = north - south
    middle = (west + east) / 2
    if east - west > 150:
        return CRS.from_proj4(f"+proj=eqearth +lon_0={middle:.3f} +datum=WGS84 +units=m")
    first, second = south + span / 6, north - span / 6
    if first < 0 < second:
        return CRS.from_proj4(f"+proj=merc +lon_0={middle:.3f} +datum=WGS84 +units=m")
    return CRS.from_proj4(
        f"+proj=lcc +lat_1={first:.3f} +lat_2={second:.3f} "
        f"+lat_0={(south + north) / 2:.3f} +lon_0={middle:.3f} +datum=WGS84 +units=m")


def _dashes(dash: str | None) -> Any:
    """matplotlib's line style for an SVG dash array (in pixels at a 2.5-pixel line)."""
    return (0, tuple(float(v) / 2.5 for v in dash.split())) if dash else "-"


def _nice(length: float) -> float:
    """A round number of the order of ``length``: 1, 2 or 5 times a power of ten."""
    power = 10 ** math.floor(math.log10(length))
    return float(max(m * power for m in (1, 2, 5) if m * power <= length))


@dataclass(frozen=True)
class _Spot:
    lon: float
    lat: float
    name: str


def map_extent(located: Located, options: StaticOptions) -> tuple[float, float, float, float]:
    """West, south, east, north of the map: ``options.extent``; else, for a map of one day,
    the box of that day's activity (where every unit is, and the legs under way or arriving
    that day); else every place of the dataset."""
    if options.extent:
        return options.extent
    dataset = located.dataset
    lons: list[float] = []
    lats: list[float] = []
    minimum = 0.0
    if options.on is not None:
        day = options.on
        for position in status(located, day):
            lons.append(position.lon)
            lats.append(position.lat)
        for leg in dataset.legs:
            routes = located.routes_of(leg)
            departure, arrival, _ = leg_window(leg, max(r.length_km for r in routes))
            if departure <= day <= arrival:
                for route in routes:
                    lons.extend(route.points.array[:, 0].tolist())
                    lats.extend(route.points.array[:, 1].tolist())
        minimum = 4.0
    if not lons:
        points = [located.place(r) for r in dataset.place_refs()]
        lons = [p.lon for p in points]
        lats = [p.lat for p in points]
        minimum = 0.0
    return _padded(min(lons), min(lats), max(lons), max(lats), minimum)


def _padded(west: float, south: float, east: float, north: float,
            minimum: float = 0.0) -> tuple[float, float, float, float]:
    """A box around the data with a margin (8 % a side, at least 1 degree), at least
    ``minimum`` degrees wide and high so that one place still shows its surroundings."""
    grow_x = max(0.0, minimum - (east - west)) / 2
    grow_y = max(0.0, minimum - (north - south)) / 2
    west, east, south, north = west - grow_x, east + grow_x, south - grow_y, north + grow_y
    pad = max(1.0, (east - west) * 0.08, (north - south) * 0.08)
    return (max(-180.0, west - pad), max(-85.0, south - pad), min(180.0, east + pad),
            min(85.0, north + pad))


def least_size(font: Any, dpi: float) -> Callable[[str], tuple[float, float]]:
    """A width and height in pixels that a name's text in ``font`` (a ``FontProperties``)
    is surely not under, from its glyphs alone (no text laid out, which costs a few
    milliseconds a name); only ASCII letters and digits count, other characters nothing.

    Width: the advances from its first to its last letter or digit (the last one's own
    width not counted) with the font's kerning of each pair of characters between them, less
    a pixel a glyph for hinting and four for the bearings. Height: 9/10 of its tallest
    letter's or digit's, less a pixel (the text's box holds each glyph's; hinting moves an
    edge by under a pixel)."""
    from matplotlib.font_manager import findfont, get_font
    from matplotlib.ft2font import Kerning, LoadFlags

    face = get_font(findfont(font))
    face.set_size(font.get_size_in_points(), dpi)
    glyphs: dict[str, tuple[float, float]] = {}

    def glyph(char: str) -> tuple[float, float]:
        """The character's advance and height (0, 0 for a character that does not count)."""
        if char not in glyphs:
            glyphs[char] = (0.0, 0.0)
            if char.isascii() and char.isalnum() and face.get_char_index(ord(char)) != 0:
                loaded = face.load_char(ord(char), flags=LoadFlags.NO_HINTING)
                glyphs[char] = (loaded.linearHoriAdvance / 65536, loaded.height / 64)
        return glyphs[char]

    kerning: dict[str, float] = {}

    def kern(pair: str) -> float:
        """The pair's kerning in pixels, at most 0 (grid-fitted, as text is laid out)."""
        if pair not in kerning:
            left, right = (face.get_char_index(ord(char)) for char in pair)
            kerning[pair] = min(0.0, face.get_kerning(left, right, Kerning.DEFAULT) / 64)
        return kerning[pair]

    def least(name: str) -> tuple[float, float]:
        inked = [i for i, char in enumerate(name) if glyph(char)[0] > 0]
        if not inked:
            return 0.0, 0.0
        height = max(0.0, 0.9 * max(glyph(name[i])[1] for i in inked) - 1.0)
        first, last = inked[0], inked[-1]
        span = sum(glyph(char)[0] for char in name[first:last])
        span += sum(kern(name[i:i + 2]) for i in range(first, last))
        return max(0.0, span - (last - first) - 4.0), height

    return least


@cache
def _polygon_collection() -> Any:
    """A matplotlib ``PatchCollection`` class named as geopandas names its own: an SVG names
    each group by its artist's class, and a map's SVG keeps the bytes it had when geopandas
    drew its basemap."""
    from matplotlib.collections import PatchCollection

    return type("_GeoPandasPolyCollection", (PatchCollection,), {})


def _plot_shapes(ax: Any, shapes: np.ndarray[Any, Any], **style: Any) -> None:
    """Polygons and lines drawn on ``ax`` as ``GeoSeries.plot`` draws them (same
    collections, paths and styles in the same order, so the same image), without
    geopandas (importing it with pandas, about 0.25 s of CPU a map here, and a series a
    layer, each projected and plotted through pandas). Shapes are normalised (rings in
    one winding, which matplotlib reads to tell holes), collections split into their
    parts, empty ones dropped; polygons make one collection of patches, then lines one of
    lines (points, which no layer of a map holds, are not drawn). ``style``'s ``color``
    is the lines' colour and the polygons' fill; the order of the keywords is kept (a
    collection applies them in turn)."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MPath

    parts: list[Any] = []
    for shape in shapely.normalize(shapes):
        if shape is None or shape.is_empty:
            continue
        if shape.geom_type == "GeometryCollection":
            parts.extend(part for part in shape.geoms)
        else:
            parts.append(shape)
    if not parts:
        return
    kinds = [part.geom_type for part in parts]
    ax.set_aspect("equal")
    style = dict(style)
    color = style.pop("color", None)
    polygons = [p for p, kind in zip(parts, kinds, strict=True)
                if kind in ("Polygon", "MultiPolygon")]
    if polygons:
        facecolor = style.pop("facecolor", None)
        if color is not None:
            facecolor = color
        patches = []
        for polygon in polygons:
            rings = []
            for part in (polygon.geoms if polygon.geom_type == "MultiPolygon" else [polygon]):
                rings.append(MPath(np.asarray(part.exterior.coords)[:, :2], closed=True))
                rings.extend(MPath(np.asarray(ring.coords)[:, :2], closed=True)
                             for ring in part.interiors)
            patches.append(PathPatch(MPath.make_compound_path(*rings)))
        ax.add_collection(_polygon_collection()(patches, facecolor=facecolor, **style),
                          autolim=True)
        ax.autoscale_view()
    lines = [p for p, kind in zip(parts, kinds, strict=True)
             if kind in ("LineString", "MultiLineString", "LinearRing")]
    if lines:
        if color is not None:
            style["color"] = color
        segments = [np.array(line.coords)[:, :2] for line in shapely.get_parts(lines)]
        ax.add_collection(LineCollection(segments, **style), autolim=True)
        ax.autoscale_view()


_NEAR = 8  # points: a label this close to its point needs no leader line
_LABEL_SIZE = 9  # points
_ARROW = (6.4, 3.2)  # an arrowhead's length and half width, in points (matplotlib's -|> at 16)


@dataclass
class _Drawn:
    """What one drawing of the map shows, for its legend."""

    modes: set[Mode] = field(default_factory=set)
    line_statuses: set[Status] = field(default_factory=set)
    symbols: dict[str, list[str]] = field(default_factory=dict)  # SIDC -> units' names
    circles: set[Status] = field(default_factory=set)
    moving: bool = False


class _SymbolHandler:
    """Draws a unit's symbol in its legend entry."""

    def __init__(self, shapes: Any) -> None:
        self.shapes = shapes

    def legend_artist(self, legend: Any, orig_handle: Any, fontsize: float,
                      handlebox: Any) -> Any:
        import matplotlib.transforms as mtransforms
        from matplotlib.patches import PathPatch

        x0, y0, vw, vh = self.shapes.view
        width, height = handlebox.width, handlebox.height
        scale = min(width / vw, 1.8 * height / vh)
        place = mtransforms.Affine2D().translate(-x0 - vw / 2, -y0 - vh / 2) \
            .scale(scale, -scale).translate(width / 2 - handlebox.xdescent,
                                            height / 2 - handlebox.ydescent)
        first = None
        for path, face, edge, line in self.shapes.paths:
            patch = PathPatch(place.transform_path(path), facecolor=face, edgecolor=edge,
                              linewidth=line * scale * 0.75,
                              transform=handlebox.get_transform())
            handlebox.add_artist(patch)
            first = first or patch
        return first


class _Drawer:
    """One figure: the fixed part drawn once, the situation of a day drawn over it."""

    def __init__(self, located: Located, options: StaticOptions) -> None:
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib.backend_bases import FigureCanvasBase
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.dataset = located.dataset
        self.located = located
        self.options = options
        west, south, east, north = map_extent(located, options)
        self.crs = _projection(west, south, east, north)
        self.to_map = Transformer.from_crs("EPSG:4326", self.crs, always_xy=True)
        # A figure of its own (not pyplot's), on a canvas that draws nothing while the fixed
        # part is laid down: geopandas asks the canvas to draw the whole figure after each
        # layer it plots, six times over for nothing (a third of a second each on a big
        # map); Agg draws it once, when it is saved.
        self.fig = Figure(figsize=options.size, dpi=options.dpi)
        FigureCanvasBase(self.fig)
        banner = 0.035 if options.banner else 0.0
        self.ax = self.fig.add_axes((0.01, 0.06 + banner, 0.98, 0.83 - 2 * banner))
        self.ax.set_facecolor("#dbe9f4")
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        self.bounds = (west, south, east, north)
        self.dynamic: list[Any] = []
        self._fit(west, south, east, north)
        self._basemap()
        self._furniture()
        FigureCanvasAgg(self.fig)

    # -- fixed parts ----------------------------------------------------------------------

    def _project(self, geometry: Any) -> Any:
        return shapely.transform(geometry, lambda xy: np.column_stack(
            self.to_map.transform(xy[:, 0], xy[:, 1])))

    def _fit(self, west: float, south: float, east: float, north: float) -> None:
        edge = shapely.segmentize(shapely.box(west, south, east, north), 0.5)
        x0, y0, x1, y1 = self._project(edge).bounds
        width, height = x1 - x0, y1 - y0
        box = self.ax.get_position()
        aspect = (box.width * self.options.size[0]) / (box.height * self.options.size[1])
        if width / height < aspect:
            grow = (height * aspect - width) / 2
            x0, x1 = x0 - grow, x1 + grow
        else:
            grow = (width / aspect - height) / 2
            y0, y1 = y0 - grow, y1 + grow
        self.ax.set_xlim(x0, x1)
        self.ax.set_ylim(y0, y1)
        self.view = (x0, y0, x1, y1)

    def _basemap(self) -> None:
        from movemap.render.basemap import basemap_layers

        countries = {self.located.place(r).country for r in self.dataset.place_refs()}
        layers = basemap_layers(self.bounds, sorted(c for c in countries if c))
        styles = {
            "land": {"facecolor": "#f4f1ea", "edgecolor": "#9a9a9a", "linewidth": 0.6},
            "lakes": {"facecolor": "#d6e8f5", "edgecolor": "#9ecae1", "linewidth": 0.4},
            "admin1": {"color": "#bdbdbd", "linewidth": 0.4, "linestyle": (0, (4, 3))},
            "rivers": {"color": "#9ecae1", "linewidth": 0.6},
            "railways": {"color": "#8c8c8c", "linewidth": 0.5, "linestyle": (0, (2, 2))},
        }
        for name in ("land", "lakes", "admin1", "rivers", "railways"):
            if layers[name]:
                _plot_shapes(self.ax, self._project(np.array(layers[name], dtype=object)),
                             zorder=1, **styles[name])
        self.areas: list[str] = []
        for place in {self.located.place(r).id: self.located.place(r)
                      for r in self.dataset.place_refs()}.values():
            if place.kind.value == "region" and place.polygon is not None:
                self.areas.append(place.name)
                _plot_shapes(self.ax, self._project(np.array([place.polygon], dtype=object)),
                             facecolor="#e6b0aa", edgecolor="#b03a2e", alpha=0.3,
                             linewidth=0.8, zorder=2)
        self.ax.set_xlim(self.view[0], self.view[2])
        self.ax.set_ylim(self.view[1], self.view[3])
        self.ax.set_xlabel("", fontsize="small")
        self.ax.set_ylabel("", fontsize="small")

    def _furniture(self) -> None:
        from matplotlib.patches import Rectangle

        opts = self.options
        title = opts.title or self.dataset.title or self.dataset.name
        top = 0.97 - (0.035 if opts.banner else 0.0)
        self.fig.text(0.012, top, title, fontsize=17, fontweight="bold", va="top")
        self.subtitle = self.fig.text(0.012, top - 0.04, "", fontsize=11, color="#444",
                                      va="top")
        self.fig.text(0.012, 0.025 + (0.035 if opts.banner else 0.0), ATTRIBUTION, fontsize=8,
                      color="#555")
        if opts.banner:
            for y in (0.0, 1 - 0.035):
                self.fig.patches.append(Rectangle(
                    (0, y), 1, 0.035, transform=self.fig.transFigure, color="#2e7d32",
                    zorder=0))
                self.fig.text(0.5, y + 0.0175, opts.banner, ha="center", va="center",
                              fontsize=12, fontweight="bold", color="white")
        self._scale_bar()
        self._north_arrow()
        if opts.inset:
            self._inset()

    def _scale_bar(self) -> None:
        x0, y0, x1, y1 = self.view
        length = _nice((x1 - x0) / 5)
        x, y = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.05
        self.ax.plot([x, x + length], [y, y], color="#222", lw=3, solid_capstyle="butt",
                     zorder=15)
        self.ax.text(x + length / 2, y + (y1 - y0) * 0.012, f"{length / 1000:,.0f} km",
                     ha="center", va="bottom", fontsize=9, zorder=15)

    def _north_arrow(self) -> None:
        west, south, east, north = self.bounds
        lon, lat = (west + east) / 2, (south + north) / 2
        (xa, xb), (ya, yb) = self.to_map.transform([lon, lon], [lat, lat + 1])
        angle = math.atan2(xb - xa, yb - ya)
        x0, y0, x1, y1 = self.view
        cx, cy = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.2  # above the scale bar
        size = (y1 - y0) * 0.07
        dx, dy = size * math.sin(angle), size * math.cos(angle)
        self.ax.annotate("", xy=(cx + dx / 2, cy + dy / 2), xytext=(cx - dx / 2, cy - dy / 2),
                         zorder=15, arrowprops={"arrowstyle": "-|>", "color": "#222", "lw": 1.5})
        self.ax.text(cx + dx * 0.8, cy + dy * 0.8, "N", ha="center", va="center", fontsize=12,
                     fontweight="bold", zorder=15)

    def _inset(self) -> None:
        from matplotlib.patches import Rectangle

        from movemap.render.basemap import world_land

        inset = self.fig.add_axes((0.815, 0.70 - (0.035 if self.options.banner else 0), 0.17,
                                   0.2))
        inset.set_facecolor("#dbe9f4")
        inset.set_xticks([])
        inset.set_yticks([])
        _plot_shapes(inset, np.array(world_land(), dtype=object), facecolor="#f4f1ea",
                     edgecolor="#aaa", linewidth=0.2)
        west, south, east, north = self.bounds
        inset.add_patch(Rectangle((west, south), east - west, north - south,
                                           fill=False, edgecolor="#c0392b", lw=1.5))
        inset.set_xlim(-180, 180)
        inset.set_ylim(-60, 85)
        inset.set_xlabel("", fontsize="small")
        inset.set_ylabel("", fontsize="small")
        inset.set_zorder(25)

    # -- the day's situation ----------------------------------------------------------------

    def clear(self) -> None:
        for artist in self.dynamic:
            artist.remove()
        self.dynamic = []

    def _lines(self, lines: list[tuple[Sequence[tuple[float, float]], Any, bool]]) -> None:
        """Every route as one collection of lines a dash pattern and one of arrowheads:
        projected in one call and simplified to half a pixel, so that the cost of a map
        grows with its points, not with matplotlib artists."""
        import matplotlib.colors as mcolors
        from matplotlib.collections import LineCollection, PolyCollection
        from matplotlib.transforms import Affine2D

        lines = [line for line in lines if len(line[0]) >= 2]
        if not lines:
            return
        counts = np.array([len(points) for points, _, _ in lines])
        # one copy of the points (millions at 20,000 legs), projected in place
        arrays = [as_array(points) for points, _, _ in lines]
        x = np.concatenate([a[:, 0] for a in arrays])
        y = np.concatenate([a[:, 1] for a in arrays])
        del arrays
        self.to_map.transform(x, y, inplace=True)
        # the lines straight from their points and where each starts (shapely's ragged
        # arrays): a third of the time of grouping the points by an index of their line
        starts = np.concatenate(([0], np.cumsum(counts)))
        shapes = shapely.from_ragged_array(shapely.GeometryType.LINESTRING,
                                           np.column_stack((x, y)), (starts,))
        del x, y
        x0, _, x1, _ = self.view
        pixel = (x1 - x0) / self.options.pixels[0]
        simple = shapely.simplify(shapes, pixel / 2, preserve_topology=False)
        collapsed = shapely.get_num_coordinates(simple) < 2
        simple[collapsed] = shapes[collapsed]
        del shapes
        _, coords, (ends,) = shapely.to_ragged_array(simple)
        paths = np.split(coords, ends[1:-1])
        rgba: dict[tuple[str, float, bool], tuple[float, float, float, float]] = {}
        colours = []
        for _, style, faint in lines:
            key = (style.colour, style.opacity, faint)
            if key not in rgba:
                rgba[key] = mcolors.to_rgba(style.colour, style.opacity * (0.3 if faint else 1.0))
            colours.append(rgba[key])
        by_dash: dict[str | None, list[int]] = {}
        for n, (_, style, _) in enumerate(lines):
            by_dash.setdefault(style.dash, []).append(n)
        for dash, members in by_dash.items():
            collection = LineCollection(
                [paths[n] for n in members], colors=[colours[n] for n in members],
                linewidths=[lines[n][1].weight * 0.8 for n in members],
                linestyles=_dashes(dash), capstyle="round", zorder=5)
            self.ax.add_collection(collection, autolim=False)
            self.dynamic.append(collection)
        tips = np.array([path[-1] for path in paths])
        backs = np.array([path[-2] if len(path) >= 2 else path[-1] for path in paths])
        shown = self.ax.transData.transform(tips) - self.ax.transData.transform(backs)
        angle = np.arctan2(shown[:, 1], shown[:, 0])
        cos, sin = np.cos(angle)[:, None], np.sin(angle)[:, None]
        length, half = _ARROW
        head = np.array([[0.0, 0.0], [-length, half], [-length, -half]])
        heads = np.stack([cos * head[:, 0] - sin * head[:, 1],
                          sin * head[:, 0] + cos * head[:, 1]], axis=-1)
        # the (n, 3, 2) array itself, not a list of its triangles: matplotlib then makes the
        # same closed paths from one template instead of one at a time
        arrows = PolyCollection(
            heads,  # type: ignore[arg-type]  # typed as a sequence; an array is documented
            offsets=tips, offset_transform=self.ax.transData,
            transform=Affine2D().scale(1 / 72) + self.fig.dpi_scale_trans,
            facecolors=colours, edgecolors="none", linewidths=0, zorder=6)
        self.ax.add_collection(arrows, autolim=False)
        self.dynamic.append(arrows)

    def draw(self, day: date | None) -> None:
        """Draw the legs and where units are: every record, or the situation on ``day``."""
        self.clear()
        units = {u.id: u for u in self.dataset.units}
        drawn = _Drawn()
        labels: dict[str, tuple[float, float]] = {}
        weight: dict[str, int] = {}
        lines: list[tuple[Sequence[tuple[float, float]], Any, bool]] = []
        context = {u.id: u.context for u in self.dataset.units}
        styles: dict[tuple[Mode, Status, bool], Any] = {}  # one style object a kind of leg
        places = self.located.places
        for leg in self.dataset.legs:
            if day is not None and leg.start.first_day > day:
                continue
            routes = self.located.routes_of(leg)
            faint = False
            if day is not None:  # a leg over by then is drawn faint
                _, arrival, _ = leg_window(leg, max(r.length_km for r in routes))
                faint = arrival <= day
            kind = (leg.mode, leg.status, context.get(leg.unit, False))
            style = styles.get(kind)
            if style is None:
                style = styles[kind] = leg_style(*kind)
            lines.extend((route.points, style, faint) for route in routes)
            for ref in (*leg.origins, leg.destination):
                place = places[ref]
                labels.setdefault(place.name, (place.lon, place.lat))
                weight[place.name] = weight.get(place.name, 0) + 1
        drawn.modes.update(mode for mode, _, _ in styles)
        drawn.line_statuses.update(status for _, status, _ in styles)
        self._lines(lines)
        spots: list[tuple[str, Any, int | None, Status, bool]] = []
        if day is None:
            spots = [(s.unit, self.located.place(s.place), s.strength, s.status, False)
                     for s in self.dataset.stations]
        else:
            for p in status(self.located, day):
                spots.append((p.unit, _Spot(p.lon, p.lat, p.place), p.strength, p.status,
                              p.moving))
        self._spots(spots, units, drawn)
        for _, place, _, _, moving in spots:
            if not moving:
                labels.setdefault(place.name, (place.lon, place.lat))
                weight[place.name] = weight.get(place.name, 0) + 1
        self._legend(drawn)
        # the busiest places are named first, and so keep their names on a crowded map
        order = sorted(labels, key=lambda name: -weight.get(name, 0))
        left_out = self._labels({name: labels[name] for name in order})
        when = f"Situation on {day.isoformat()}" if day else "All movements"
        as_of = self.dataset.as_of
        note = (f"  |  {left_out:,} place names left out for room" if left_out else "")
        self.subtitle.set_text(when + (f"  |  data as of {as_of.isoformat()}" if as_of else "")
                               + note)

    def _spots(self, spots: list[tuple[str, Any, int | None, Status, bool]],
               units: dict[str, Any], drawn: _Drawn) -> None:
        """Stations and units: a unit's symbol where it has one (one collection a symbol),
        else a circle sized by strength (one collection for all)."""
        from matplotlib.collections import PathCollection
        from matplotlib.path import Path as MPath
        from matplotlib.transforms import Affine2D

        from movemap.export.icons import symbol_shapes

        if not spots:
            return
        xs, ys = self.to_map.transform([s[1].lon for s in spots], [s[1].lat for s in spots])
        points = Affine2D().scale(1 / 72) + self.fig.dpi_scale_trans
        symbols: dict[str, list[tuple[float, float, float]]] = {}
        circles: list[tuple[float, float, float, str]] = []
        for (unit_id, _, strength, state, moving), x, y in zip(spots, xs, ys, strict=True):
            unit = units.get(unit_id)
            shapes = symbol_shapes(unit.sidc) if unit is not None and unit.sidc else None
            if shapes is not None and not moving:
                assert unit is not None and unit.sidc is not None
                symbols.setdefault(unit.sidc, []).append(
                    (x, y, 0.45 + station_radius(strength) / 50))
                names = drawn.symbols.setdefault(unit.sidc, [])
                if unit.name not in names:
                    names.append(unit.name)
            else:
                circles.append((x, y, station_radius(strength) * 1.2,
                                "#0072b2" if moving else STATUS_COLOURS[state]))
                if moving:
                    drawn.moving = True
                else:
                    drawn.circles.add(state)
        for sidc, members in symbols.items():
            shapes = symbol_shapes(sidc)
            assert shapes is not None
            x0, y0, vw, vh = shapes.view
            ax_, ay_ = shapes.anchor
            paths, offsets, faces, edges, widths = [], [], [], [], []
            for x, y, scale in members:  # each symbol whole before the next, as milsymbol
                width, height = shapes.width * scale, shapes.height * scale
                to_points = Affine2D().translate(-x0, -y0).scale(width / vw, -height / vh) \
                    .translate(-ax_ * scale, ay_ * scale)
                for path, face, edge, line in shapes.paths:
                    paths.append(MPath(to_points.transform(path.vertices), path.codes))
                    offsets.append((x, y))
                    faces.append(face)
                    edges.append(edge)
                    widths.append(line * width / vw * 0.75)
            collection = PathCollection(
                paths, offsets=offsets, offset_transform=self.ax.transData, transform=points,
                facecolors=faces, edgecolors=edges, linewidths=widths, zorder=9)
            self.ax.add_collection(collection, autolim=False)
            self.dynamic.append(collection)
        if circles:
            collection = self.ax.scatter(
                [c[0] for c in circles], [c[1] for c in circles],
                s=[c[2] ** 2 for c in circles], c=[c[3] for c in circles],
                edgecolors="#111", alpha=0.85, zorder=9, marker="o")
            self.dynamic.append(collection)

    def _legend(self, drawn: _Drawn) -> None:
        """A legend of what this map draws: modes and statuses of its lines, each unit's
        symbol, station circles by status, units under way, and the areas."""
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        from movemap.export.icons import symbol_shapes

        handles: list[Any] = [Line2D([], [], color=MODE_COLOURS[m], lw=3, label=m.value)
                              for m in Mode if m in drawn.modes]
        handles += [Line2D([], [], color="#333", lw=2.5, label=state.value,
                           linestyle=_dashes(STATUS_DASHES[state]))
                    for state in Status if state in drawn.line_statuses]
        handler_map: dict[Any, Any] = {}
        for sidc, names in drawn.symbols.items():
            shapes = symbol_shapes(sidc)
            if shapes is not None:  # one entry a symbol, naming the units it stands for
                label = "; ".join(names)
                proxy = Patch(label=label if len(label) <= 48 else label[:47] + "…")
                handler_map[proxy] = _SymbolHandler(shapes)
                handles.append(proxy)
        handles += [Line2D([], [], marker="o", color="none", markerfacecolor=STATUS_COLOURS[s],
                           markeredgecolor="#222", markersize=9, label=f"station, {s.value}")
                    for s in Status if s in drawn.circles]
        if drawn.moving:
            handles.append(Line2D([], [], marker="o", color="none", markerfacecolor="#0072b2",
                                  markeredgecolor="#111", markersize=8, label="unit under way"))
        handles += [Patch(facecolor="#e6b0aa", edgecolor="#b03a2e", alpha=0.5, label=area)
                    for area in self.areas]
        if not handles:
            return
        legend = self.ax.legend(handles=handles, handler_map=handler_map, loc="lower right",
                                fontsize=9, framealpha=0.92, title="Legend", title_fontsize=10)
        legend.set_zorder(20)
        self.dynamic.append(legend)
        self.legend_labels = [h.get_label() for h in handles]

    def _labels(self, labels: dict[str, tuple[float, float]]) -> int:
        """Place names, in the order given, each moved around its point (and out along a
        leader line) until it covers no other name and stays on the map
        (``movemap.export.labels``); returns how many were left out for room."""
        from matplotlib.font_manager import FontProperties

        from movemap.export.labels import Label, place_labels

        renderer = self.fig.canvas.get_renderer()  # type: ignore[attr-defined]
        font = FontProperties(size=_LABEL_SIZE)
        frame = self.ax.get_window_extent(renderer)
        scale = self.fig.dpi / 72
        names = list(labels)
        lon = np.array([labels[n][0] for n in names], dtype=float)
        lat = np.array([labels[n][1] for n in names], dtype=float)
        mapped = np.column_stack(self.to_map.transform(lon, lat)) if names \
            else np.zeros((0, 2))
        where = dict(zip(names, mapped, strict=True))
        items = [Label(name, float(x), float(y))
                 for name, (x, y) in zip(names, self.ax.transData.transform(mapped),
                                         strict=True)]

        # matplotlib's own cache of text sizes, where it has one (a private helper: the
        # names placed are then not laid out again when their labels are drawn); a
        # matplotlib whose helper is gone or takes other arguments gets the public call
        cached = [_text_metrics_helper()]
        dpi = self.fig.dpi

        def measure(name: str) -> tuple[float, float]:
            if cached[0] is not None:
                try:
                    width, height, _ = cached[0](renderer, name, font, False, dpi)
                    return width, height
                except (TypeError, ValueError):
                    cached[0] = None
            width, height, _ = renderer.get_text_width_height_descent(name, font, ismath=False)
            return width, height

        placed, left_out = place_labels(items, (frame.x0, frame.y0, frame.x1, frame.y1),
                                        scale, pad=0.15 * _LABEL_SIZE * scale, measure=measure,
                                        least=least_size(font, self.fig.dpi))
        for spot in placed:
            text = self.ax.annotate(
                spot.label.name, xy=tuple(where[spot.label.name]), xytext=(spot.dx, spot.dy),
                textcoords="offset points", fontsize=_LABEL_SIZE,
                ha="left" if spot.dx > 0 else "right" if spot.dx < 0 else "center",
                va="bottom" if spot.dy > 0 else "top" if spot.dy < 0 else "center", zorder=12,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
                arrowprops=({"arrowstyle": "-", "color": "#555", "lw": 0.6, "shrinkA": 0,
                             "shrinkB": 2}
                            if abs(spot.dx) + abs(spot.dy) > _NEAR else None))
            self.dynamic.append(text)
        self.placed_labels = [spot.box for spot in placed]
        return left_out

    def save(self, path: Path, fmt: str) -> bytes:
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"png": {"Software": None}, "svg": {"Date": None},
                                    "pdf": {"CreationDate": None, "ModDate": None}}.get(fmt, {})
        self.fig.savefig(buffer, format=fmt, dpi=self.options.dpi, metadata=metadata)
        return buffer.getvalue()

    def frame(self) -> Any:
        from PIL import Image

        self.fig.canvas.draw()
        return Image.frombuffer("RGBA", self.fig.canvas.get_width_height(),
                                self.fig.canvas.buffer_rgba()  # type: ignore[attr-defined]
                                ).convert("RGB")

    def close(self) -> None:
        self.fig.clear()


def write_static(located: Located, path: Path, fmt: str, options: StaticOptions) -> Path:
    """A static map (png, svg or pdf), atomically; deterministic for SVG."""
    import matplotlib

    with matplotlib.rc_context(PLAIN_TEXT):
        drawer = _Drawer(located, options)
        try:
            drawer.draw(options.on)
            data = drawer.save(path, fmt)
        finally:
            drawer.close()
    return write_atomic(path, data)


def write_animation(located: Located, path: Path, options: StaticOptions, step_days: int = 1,
                    start: date | None = None, end: date | None = None) -> Path:
    """A GIF of the situation day by day (every ``step_days``), from start to end."""
    dataset = located.dataset
    days = [leg.start.first_day for leg in dataset.legs if not _context(dataset, leg.unit)]
    days += [s.start.first_day for s in dataset.stations if not _context(dataset, s.unit)]
    ends = [leg_window(leg, located.length_km(leg))[1]
            for leg in dataset.legs if not _context(dataset, leg.unit)]
    first = start or min(days)
    last = end or max([*days, *ends])
    if last < first:
        raise InvalidValueError("the animation ends before it starts", field="until")
    frames_days = [first + timedelta(days=d) for d in range(0, (last - first).days + 1,
                                                            max(1, step_days))]
    if len(frames_days) > 400:
        raise InvalidValueError(f"{len(frames_days)} frames: use a longer step between frames "
                                "or a shorter span of days (400 frames at most)", field="step")
    width, height = options.pixels
    if len(frames_days) * width * height > MAX_ANIMATION_PIXELS:
        raise InvalidValueError(
            f"{len(frames_days)} frames of {width:,} x {height:,} pixels are more than "
            f"{MAX_ANIMATION_PIXELS // 10**6} million pixels in all: use a smaller size, a "
            "longer step between frames or a shorter span of days", field="size")
    import matplotlib

    with matplotlib.rc_context(PLAIN_TEXT):
        drawer = _Drawer(located, options)
        try:
            frames = []
            for day in frames_days:
                drawer.draw(day)
                frames.append(drawer.frame())
        finally:
            drawer.close()
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:],
                   duration=500, loop=0, optimize=True)
    return write_atomic(path, buffer.getvalue())


def _context(dataset: Dataset, unit_id: str) -> bool:
    return any(u.id == unit_id and u.context for u in dataset.units)


def _text_metrics_helper() -> Callable[..., tuple[float, float, float]] | None:
    """matplotlib's private cached text measure, if this matplotlib has one."""
    import matplotlib.text

    helper = getattr(matplotlib.text, "_get_text_metrics_with_cache", None)
    return helper if callable(helper) else None
