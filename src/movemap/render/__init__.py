"""Interactive maps: a dataset as one self-contained HTML file that works offline.

``make_map(dataset)`` returns a folium ``Map`` (it shows inline in Jupyter);
``write_map(dataset, path)`` writes the HTML, atomically. The page carries everything it
needs: Leaflet (from the npm package pinned by ``package-lock.json``, inlined with its
licence), movemap's own script and style (``render/static``), the data, and an offline
vector basemap from Natural Earth; it makes no network request unless online tiles are
asked for (``tiles="osm"`` or any xyzservices provider).
"""

from __future__ import annotations

import html
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from movemap.errors import DataMissingError, InvalidValueError
from movemap.located import Located, locate
from movemap.model import Dataset
from movemap.queries import select
from movemap.render.basemap import DETAIL, LABELS, basemap, basemap_script
from movemap.render.finish import finish_page, stable_ids, tile_source
from movemap.render.page_data import PageData, map_data, script_json

if TYPE_CHECKING:
    import folium

__all__ = ["MapParts", "default_output", "make_map", "map_parts", "render_html",
           "write_map"]

_STATIC = Path(__file__).parent / "static"
_ASSETS = Path(__file__).parent / "assets"
_TILE_ALIASES = {"osm": "OpenStreetMap.Mapnik"}


@cache
def _assets() -> dict[str, str]:
    """Leaflet's script, style and licence, and movemap's own script and style."""
    needed = ("leaflet.js", "leaflet.css", "LEAFLET-LICENSE", "manifest.json")
    if not all((_ASSETS / name).is_file() for name in needed):
        raise DataMissingError(f"the map's JavaScript assets are missing from {_ASSETS}: a "
                               "wheel or sdist carries them, so reinstall movemap; in a source "
                               "checkout run `make assets` (npm ci, then tools/build_assets.py)")
    out = {name: (_ASSETS / name).read_text(encoding="utf-8") for name in needed}
    out["movemap.js"] = (_STATIC / "movemap.js").read_text(encoding="utf-8")
    out["movemap.css"] = (_STATIC / "movemap.css").read_text(encoding="utf-8")
    for name, text in out.items():
        if "</script" in text.lower() or "</style" in text.lower():
            raise DataMissingError(f"asset {name} cannot be inlined: it closes its own element")
    return out


@cache
def _element_class() -> type:
    """A branca element that writes the page's movemap parts as they are, uncompiled.

    folium's own ``MacroElement`` would hand its output to Jinja as a new template, which is
    slow for megabytes of data and would let a ``{{`` in a unit's name be evaluated.
    """
    from branca.element import Element, MacroElement

    class Raw(Element):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

        def render(self, **kwargs: Any) -> str:
            return self.text

    class Movemap(MacroElement):
        def __init__(self, header: str, script: str) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "Movemap"
            self.header_html = header
            self.script_js = script

        def render(self, **kwargs: Any) -> None:  # type: ignore[override]
            figure: Any = self.get_root()
            assert self._parent is not None
            figure.header.add_child(Raw(self.header_html), name="movemap_assets")
            figure.script.add_child(
                Raw(self.script_js.replace("MAP", self._parent.get_name(), 1)), name="movemap")

    return Movemap


def _header(title: str) -> str:
    assets = _assets()
    version = json.loads(assets["manifest.json"])["leaflet"]["version"]
    licence = assets["LEAFLET-LICENSE"].replace("--", "- -")
    return "\n".join([
        f"<title>{html.escape(title)}</title>",
        f"<!-- Leaflet {version}, inlined from the npm package pinned by movemap's",
        f"package-lock.json. Its licence:\n{licence}-->",
        f"<style>{assets['leaflet.css']}</style>",
        f"<script>{assets['leaflet.js']}</script>",
        f"<style>{assets['movemap.css']}</style>",
        f"<script>{assets['movemap.js']}</script>",
    ])


def _bounds(data: PageData) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for leg in data["legs"]:
        for line in leg["c"]:
            xs.extend(p[0] for p in line)
            ys.extend(p[1] for p in line)
    for station in data["stations"]:
        xs.append(station["p"][0])
        ys.append(station["p"][1])
    if not xs:
        raise InvalidValueError("nothing to map: the dataset (as selected) has no legs or "
                                "stations")
    return min(xs), min(ys), max(xs), max(ys)


class MapParts(NamedTuple):
    """What a map is made of, before it becomes a folium page or an inline display."""

    title: str
    page: PageData
    bounds: tuple[float, float, float, float]  # west, south, east, north
    base: dict[str, str] | None  # the offline basemap, or None with online tiles
    tiles: tuple[str, str, str] | None  # online tiles: (URL template, attribution, name)


def map_parts(data: Dataset | Located, *, title: str | None = None, tiles: str | None = None,
              start: date | None = None, end: date | None = None,
              units: list[str] | None = None, detail: float = DETAIL,
              labels: int = LABELS) -> MapParts:
    """The selection, page data, bounds and basemap or tiles of a map (see :func:`make_map`;
    ``detail``: the basemap's, see :func:`movemap.render.basemap.basemap`)."""
    if isinstance(data, Located):
        chosen = data.select(units, start, end)
    else:
        chosen = locate(select(data, units, start, end) if (units or start or end) else data)
    heading = title or chosen.dataset.title or chosen.dataset.name
    page = map_data(chosen, title=heading, start=start, end=end)
    bounds = _bounds(page)
    if tiles is None or tiles == "none":
        countries = {chosen.place(r).country for r in chosen.dataset.place_refs()}
        return MapParts(heading, page, bounds,
                        basemap(bounds, sorted(c for c in countries if c), detail, labels),
                        None)
    import xyzservices.providers as providers

    try:
        provider = providers.query_name(_TILE_ALIASES.get(tiles, tiles))
    except ValueError:
        raise InvalidValueError(f"unknown tile provider {tiles!r}; use none, osm or an "
                                "xyzservices name such as CartoDB.Positron",
                                field="tiles") from None
    return MapParts(heading, page, bounds, None,
                    (provider.build_url(), provider.html_attribution, provider.name))


def make_map(
    data: Dataset | Located,
    *,
    title: str | None = None,
    tiles: str | None = None,
    start: date | None = None,
    end: date | None = None,
    units: list[str] | None = None,
) -> folium.Map:
    """The dataset as an interactive folium map with one time slider for every layer.

    Parameters
    ----------
    data
        What to map: a located dataset, or a dataset (located once, after the selection
        below, with the reference gazetteer and networks).
    title
        Title shown on the map and in the page's title (default: the dataset's).
    tiles
        None for the offline Natural Earth basemap; a tile provider's name for online tiles
        (``"osm"``, or any ``xyzservices`` name such as ``"CartoDB.Positron"``).
    start, end
        Limit the map (and its slider) to these days.
    units
        Map only these units (and the units under them).
    """
    import folium

    parts = map_parts(data, title=title, tiles=tiles, start=start, end=end, units=units)
    west, south, east, north = parts.bounds
    heading, page, base = parts.title, parts.page, parts.base
    tile_layer = None
    if parts.tiles is not None:
        url, attribution, name = parts.tiles
        tile_layer = folium.TileLayer(tiles=url, attr=attribution, name=name)
    m = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=4,
                   tiles=None, control_scale=False)
    m.default_js = []
    m.default_css = []
    if tile_layer is not None:
        tile_layer.add_to(m)
    Movemap = _element_class()
    base_js = basemap_script(base) if base is not None else "null"
    m.add_child(Movemap(_header(heading), f"movemap.init(MAP, {script_json(page)}, {base_js});"))
    # room for the title (top left), the time slider (bottom left) and the legend (right)
    m.fit_bounds([[south, west], [north, east]], padding_top_left=(20, 80),
                 padding_bottom_right=(250, 90))
    stable_ids(m.get_root())
    return m


def render_html(data: Dataset | Located, **options: Any) -> str:
    """The map's page as HTML text (see :func:`make_map` for the options).

    The same dataset and options give the same bytes; the page carries a
    Content-Security-Policy that forbids every request but the chosen tile host's images
    (see ``movemap.render.finish``).
    """
    m = make_map(data, **options)
    tile_host = None
    for child in m._children.values():
        url = getattr(child, "tiles", None)
        if isinstance(url, str):
            tile_host = tile_source(url)
    return finish_page(m.get_root().render(), tile_host)


def default_output(dataset: Dataset) -> Path:
    """Where a map goes without ``-o``: ``out/<dataset name>.html``."""
    return Path("out") / f"{dataset.name}.html"


def write_map(data: Dataset | Located, path: str | Path | None = None,
              **options: Any) -> Path:
    """Write the map's page, atomically; returns its path."""
    import logging

    from movemap.io.atomic import write_atomic
    from movemap.timing import step

    dataset = data.dataset if isinstance(data, Located) else data
    target = path or default_output(dataset)
    with step(logging.getLogger(__name__), f"wrote map {target}") as done:
        written = write_atomic(target, render_html(data, **options))
        done.append(f"{written.stat().st_size / 1e6:.1f} MB")
    return written
