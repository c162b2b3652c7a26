"""The map inline in a notebook: the page of ``movemap render``, light enough to show often.

A folium map shows in Jupyter as an ``<iframe srcdoc=...>`` carrying the whole page
(Leaflet, movemap's script and style, the basemap and the data, HTML-escaped), again in every
output cell. :func:`explore` returns an :class:`InlineMap` whose display instead is a plain
``<div>`` with the map, and:

- the shared parts (Leaflet's and movemap's script and style, inlined from the same pinned
  assets as the page) go into the first display of the kernel session only; later displays
  find them in the notebook page (``window.L``, ``window.movemap``, the style moved into the
  page's ``<head>`` so that clearing that first output keeps it);
- the basemap goes once per distinct basemap (keyed by its hash) in the same way, so maps of
  the same dataset on other days or for other units send only their data;
- each display waits until what it needs is loaded, so a saved notebook reopened shows every
  map whatever order its cells were run in, provided the cell that sent the parts is kept.

Nothing is requested from the network (with the default offline basemap). Front-ends that
put each output in its own frame (Google Colab) need ``standalone=True``: every display then
carries everything, as the page does. The heading, time controls, legend and positions table
are placed inside the display's wrapper (``.mm-inline``: positioned, not fixed to the
window), and the map's keys work only when the focus is in the map, not in the notebook.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movemap.errors import InvalidValueError
from movemap.render import _assets, map_parts
from movemap.render.basemap import basemap_script
from movemap.render.page_data import day_number, script_json

if TYPE_CHECKING:
    from movemap.located import Located
    from movemap.model import Dataset

__all__ = ["INLINE_DETAIL", "INLINE_LABELS", "InlineMap", "explore", "forget_sent"]

# What this kernel session has sent to the notebook page already: "assets", basemap hashes.
_SENT: set[str] = set()
_COUNTER = itertools.count(1)
# The basemap's detail inline: the extent over the tolerance; a display some 900 pixels wide
# shows little more, and the basemap then weighs about a seventh of the page's.
INLINE_DETAIL = 200.0
# Town names inline: the biggest 500 (those the opening zoom of a wide map shows)
INLINE_LABELS = 500


def forget_sent() -> None:
    """Send the shared parts again with the next display (a new notebook on the same kernel)."""
    _SENT.clear()


def _shared_assets() -> str:
    assets = _assets()
    version = json.loads(assets["manifest.json"])["leaflet"]["version"]
    licence = assets["LEAFLET-LICENSE"].replace("--", "- -")
    return "\n".join([
        f"<!-- Leaflet {version}, from the npm package pinned by movemap's package-lock.json."
        f" Its licence:\n{licence}-->",
        # the style goes into the notebook's <head>: it stays when this output is cleared
        "<script>(function () {\n"
        "  if (document.getElementById('movemap-inline-style')) return;\n"
        "  var style = document.createElement('style');\n"
        "  style.id = 'movemap-inline-style';\n"
        f"  style.textContent = {script_json(assets['leaflet.css'] + assets['movemap.css'])};\n"
        "  document.head.appendChild(style);\n"
        "})();</script>",
        f"<script>{assets['leaflet.js']}</script>",
        f"<script>{assets['movemap.js']}</script>",
    ])


@dataclass(frozen=True)
class InlineMap:
    """A map for a notebook output (what :func:`explore` returns).

    Jupyter calls :meth:`_repr_html_`; :meth:`html` gives the display's HTML with or without
    the shared parts, :meth:`save` a standalone page (as ``movemap render`` writes).
    """

    title: str
    data_json: str
    base_js: str | None
    base_key: str | None
    bounds: tuple[float, float, float, float]
    tiles: tuple[str, str, str] | None
    height: int
    standalone: bool
    options: dict[str, Any]

    def __repr__(self) -> str:
        return (f"<movemap.InlineMap {self.title[:60]!r}: {len(self.data_json):,} bytes of data,"
                f" {len(self.base_js or ''):,} of basemap>")

    def html(self, *, assets: bool = True, basemap: bool = True) -> str:
        """The display's HTML; ``assets`` and ``basemap``: include those shared parts."""
        number = next(_COUNTER)
        ident = hashlib.sha256(self.data_json.encode("utf-8")).hexdigest()[:10]
        map_id = f"mm-map-{ident}-{number}"
        west, south, east, north = self.bounds
        parts = []
        if assets:
            parts.append(_shared_assets())
        key = json.dumps(self.base_key)
        if basemap and self.base_js is not None:
            parts.append(f"<script>(window.movemapBase = window.movemapBase || {{}})[{key}] = "
                         f"{self.base_js};</script>")
        tiles = ""
        if self.tiles is not None:
            url, attribution, _ = self.tiles
            tiles = (f"L.tileLayer({json.dumps(url)}, "
                     f"{{attribution: {json.dumps(attribution)}}}).addTo(map);")
        need_base = (f" && window.movemapBase && window.movemapBase[{key}]"
                     if self.base_key else "")
        base = f"window.movemapBase[{key}]" if self.base_key else "null"
        parts.append(
            f'<div class="mm-inline" style="height:{self.height}px;width:100%">'
            f'<main class="mm-main"><div id="{map_id}" style="position:absolute;inset:0">'
            "</div></main></div>\n"
            "<script>(function () {\n"
            "  var tries = 0;\n"
            "  function show() {\n"
            f"    if (!(window.L && window.movemap{need_base})) {{\n"
            "      if (tries++ < 400) setTimeout(show, 50);\n"
            "      return;\n"
            "    }\n"
            f"    var box = document.getElementById({json.dumps(map_id)});\n"
            "    if (!box || box._leaflet_id) return;\n"
            "    var map = L.map(box, {crs: L.CRS.EPSG3857, zoom: 4, "
            f"center: [{(south + north) / 2}, {(west + east) / 2}], zoomControl: true}});\n"
            f"    {tiles}\n"
            f"    movemap.init(map, {self.data_json}, {base});\n"
            f"    map.fitBounds([[{south}, {west}], [{north}, {east}]], "
            "{paddingTopLeft: [20, 80], paddingBottomRight: [250, 90]});\n"
            "  }\n"
            "  show();\n"
            "})();</script>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        """The display for Jupyter: shared parts only if this kernel has not sent them yet."""
        assets = self.standalone or "assets" not in _SENT
        basemap = self.standalone or (self.base_key is not None and self.base_key not in _SENT)
        out = self.html(assets=assets, basemap=basemap)
        if not self.standalone:
            _SENT.add("assets")
            if self.base_key is not None:
                _SENT.add(self.base_key)
        return out

    def save(self, path: str | Path) -> Path:
        """The same map as a standalone page (``movemap render``'s, with its policy)."""
        from movemap.render import write_map

        return write_map(self.options["data"], path, **{
            k: v for k, v in self.options.items() if k not in ("data", "on")})


def _coarser_regions(regions: list[Any], tolerance: float) -> list[Any]:
    """Region outlines simplified to ``tolerance`` (degrees): the page keeps about 1 km of a
    region's border, which a notebook display of the whole data does not show."""
    import shapely

    out = []
    for region in regions:
        outline = shapely.from_geojson(json.dumps(region["g"]))
        west, south, east, north = outline.bounds
        own = max(east - west, north - south) / 1000  # a country: a thousandth of its size
        coarse = shapely.set_precision(shapely.simplify(outline, max(tolerance, own)), 1e-3)
        out.append({**region, "g": json.loads(shapely.to_geojson(coarse))}
                   if not coarse.is_empty else region)
    return out


def explore(data: Dataset | Located, *, on: date | str | None = None,
            units: list[str] | None = None, start: date | None = None,
            end: date | None = None, title: str | None = None, tiles: str | None = None,
            height: int = 560, standalone: bool = False) -> InlineMap:
    """The map of ``movemap render``, inline in a notebook and offline.

    Parameters
    ----------
    data
        A located dataset, or a dataset (located once after the selection).
    on
        The day the map opens on (default: all dates, as the page does).
    units, start, end, title, tiles
        As for :func:`movemap.make_map`.
    height
        The display's height in pixels (it is as wide as the output).
    standalone
        Send Leaflet, movemap's script and the basemap with this display even if this
        kernel has sent them before (front-ends that give each output its own frame).
    """
    from movemap.dates import parse_date

    if height < 200:
        raise InvalidValueError(f"an inline map needs a height of at least 200 px, not {height}",
                                field="height")
    parts = map_parts(data, title=title, tiles=tiles, start=start, end=end, units=units,
                      detail=INLINE_DETAIL, labels=INLINE_LABELS)
    page = parts.page
    if on is not None:
        parsed = None if isinstance(on, date) else parse_date(on)
        day = on if isinstance(on, date) else parsed.earliest if parsed else None
        if day is None or (parsed is not None and parsed.earliest != parsed.latest):
            raise InvalidValueError(f"explore opens on one day (YYYY-MM-DD), not {on!r}",
                                    field="on")
        first, last = page["range"]
        page["day"] = min(max(day_number(day), first), last)
        page["onDay"] = True
    west, south, east, north = parts.bounds
    page["regions"] = _coarser_regions(page["regions"], max(east - west, north - south) / 3000)
    base_js = basemap_script(parts.base) if parts.base is not None else None
    base_key = (hashlib.sha256(base_js.encode("utf-8")).hexdigest()[:16]
                if base_js is not None else None)
    options: dict[str, Any] = {"data": data, "units": units, "start": start, "end": end,
                               "title": title, "tiles": tiles}
    return InlineMap(parts.title, script_json(page), base_js, base_key,
                     parts.bounds, parts.tiles, height, standalone, options)
