"""The offline vector basemap: Natural Earth layers cut to the map's extent and simplified.

Land and country borders (1:50m countries), first-level borders of the countries the data
touches, rivers and lakes (1:50m), and the main railways (``basemap_railways``: joined and
simplified by ``tools/stage_geo.py``), faint. Each layer is clipped to
the map's bounds (with a margin) and simplified to about a thousandth of the extent, so a
map of half of Eurasia stays a few megabytes. Towns and cities of 50,000 or more (GeoNames,
``populated_places.csv``) are named, the bigger from further out.

Cutting the layers for a map of the whole world takes seconds (the borders of some 4,000
regions are joined and simplified), so the cut layers are kept in the cache folder
(:mod:`movemap.cache`, kind ``basemap``, under a digest of this code and the layers' files),
one file per extent, countries and detail: a second map of the same data cuts nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import uuid
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from movemap import cache as kept
from movemap import countries as countries_module
from movemap.countries import natural_earth_code
from movemap.geodata import geo_path

__all__ = ["DETAIL", "LABELS", "basemap", "basemap_layers", "basemap_script", "place_labels",
           "world_land"]

log = logging.getLogger(__name__)

Bounds = tuple[float, float, float, float]  # west, south, east, north
_LAYERS = ("land", "admin1", "lakes", "rivers", "railways")
_FILES = ("countries", "admin1", "rivers", "lakes", "basemap_railways")
_DIGITS = 3
DETAIL = 1500.0  # the page's basemap: simplified to 1/1500 of the data's extent
LABELS = 8000  # the page's town names at most


@cache
def _layer(name: str) -> tuple[tuple[Any, ...], tuple[dict[str, Any], ...]]:
    import pyogrio

    frame = pyogrio.read_dataframe(geo_path(f"{name}.geojson"))
    properties = frame.drop(columns="geometry").to_dict("records")
    return tuple(frame.geometry.values), tuple(properties)


def _cut(geoms: Iterable[Any], bounds: Bounds, tolerance: float) -> list[Any]:
    """The geometries inside ``bounds``, clipped, simplified and rounded (vectorised)."""
    array = np.array([g for g in geoms if g is not None], dtype=object)
    if not len(array):
        return []
    array = array[shapely.intersects(array, shapely.box(*bounds))]
    parts = shapely.set_precision(
        shapely.simplify(shapely.clip_by_rect(array, *bounds), tolerance,
                         preserve_topology=False), 10**-_DIGITS)
    return [g for g in parts if not g.is_empty]


def _cut_lines(geoms: Iterable[Any], bounds: Bounds, tolerance: float) -> list[Any]:
    """Lines inside ``bounds`` as one MultiLineString, joined where they meet before they are
    simplified (a line cut at every junction keeps two points a piece however coarse the
    tolerance: joined, borders and railways shrink some tenfold)."""
    array = np.array([g for g in geoms if g is not None], dtype=object)
    if not len(array):
        return []
    array = array[shapely.intersects(array, shapely.box(*bounds))]
    parts = shapely.get_parts(shapely.clip_by_rect(array, *bounds))
    parts = parts[shapely.get_type_id(parts) == 1]  # LineStrings (no touching points)
    if not len(parts):
        return []
    merged = shapely.line_merge(shapely.multilinestrings(parts))
    line = shapely.set_precision(shapely.simplify(merged, tolerance, preserve_topology=False),
                                 10**-_DIGITS)
    return [] if line.is_empty else [line]


def _collection(geoms: list[Any]) -> str:
    """A FeatureCollection as JSON text, written directly from the geometries."""
    features = ",".join(
        f'{{"type":"Feature","properties":{{}},"geometry":{g}}}'
        for g in (shapely.to_geojson(np.array(geoms, dtype=object)) if geoms else []))
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


def basemap_script(layers: dict[str, str]) -> str:
    """The layers as one JavaScript object literal (numbers and fixed keys only)."""
    return "{" + ",".join(f'"{name}":{text}' for name, text in layers.items()) + "}"


def basemap(bounds: Bounds, countries: Iterable[str] = (),
            detail: float = DETAIL, labels: int = LABELS) -> dict[str, str]:
    """The basemap layers for ``bounds``, with admin-1 borders of ``countries`` (ISO alpha-2).

    ``detail``: the extent over the simplification tolerance (an inline notebook map, a few
    hundred pixels high, takes a coarser basemap than the page); ``labels``: how many town
    names at most, biggest first.

    Returns GeoJSON FeatureCollections as JSON text, by layer name: ``land``, ``admin1``,
    ``lakes``, ``rivers``, ``railways`` (geometry only, written into the page as they are),
    and ``places``, the names of towns to label (:func:`place_labels`), as JSON safe inside
    a script element.
    """
    layers = {name: _collection(geoms)
              for name, geoms in basemap_layers(bounds, countries, detail).items()}
    from movemap.render.page_data import script_json

    layers["places"] = script_json(place_labels(_window(bounds), labels))
    return layers


@cache
def _populated_places() -> tuple[tuple[str, float, float, int], ...]:
    import csv

    with geo_path("populated_places.csv").open(encoding="utf-8", newline="") as f:
        return tuple((row["name"], float(row["lon"]), float(row["lat"]), int(row["min_zoom"]))
                     for row in csv.DictReader(f))


def place_labels(bounds: Bounds, limit: int = 8000) -> list[list[Any]]:
    """Towns and cities to name on the basemap inside ``bounds``: ``[lon, lat, name,
    min_zoom]``, biggest first (GeoNames' places of 50,000 or more, ``populated_places.csv``);
    the page shows a name from its zoom level on."""
    west, south, east, north = bounds
    return [[lon, lat, name, zoom] for name, lon, lat, zoom in _populated_places()
            if west <= lon <= east and south <= lat <= north][:limit]


def _window(bounds: Bounds) -> Bounds:
    """The data's box with a margin: the window is wider than the data, leave no bare edge."""
    west, south, east, north = bounds
    span = max(east - west, north - south)
    margin = max(5.0, span * 0.6)
    return (max(-180.0, west - margin), max(-85.0, south - margin),
            min(180.0, east + margin), min(85.0, north + margin))


def basemap_layers(bounds: Bounds, countries: Iterable[str] = (),
                   detail: float = DETAIL) -> dict[str, list[Any]]:
    """The basemap's shapely geometries by layer (see :func:`basemap`), cut once for each
    extent, set of countries and detail and then read from the cache folder."""
    wanted = sorted({c for c in countries if c})
    key = json.dumps([[repr(float(b)) for b in bounds], wanted, repr(float(detail))])
    name = f"layers-{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}.npz"
    folder = _folder()
    if folder is not None and (folder / name).is_file():
        try:
            return _read_layers(folder / name)
        except kept.DAMAGE as exc:
            log.warning("a cached basemap file is damaged (%s: %s); cutting it again", name,
                        exc)
            (folder / name).unlink(missing_ok=True)
    layers = _cut_layers(bounds, wanted, detail)
    if folder is not None:
        _write_layers(folder, name, layers)
    return layers


def _folder() -> Path | None:
    return _folder_in(kept.cache_root())


@cache
def _folder_in(root: Path) -> Path | None:
    try:
        # movemap.countries reads the codes that select a country's admin-1 lines
        return kept.folder("basemap", kept.digest(
            sys.modules[__name__], countries_module,
            *(geo_path(f"{name}.geojson") for name in _FILES)), root=root)
    except kept.CacheUnwritable:
        return None


def world_land() -> list[Any]:
    """Every country's outline (``countries.geojson``, for a locator map of the world),
    read once and then from the cache folder: reading the file takes pyogrio, which
    imports pandas and geopandas (about 0.25 s of CPU a command here) and reads the whole
    file each time."""
    name = "world-land.npz"
    folder = _folder()
    if folder is not None and (folder / name).is_file():
        try:
            return _read_layers(folder / name, ("land",))["land"]
        except kept.DAMAGE as exc:
            log.warning("a cached basemap file is damaged (%s: %s); reading it again", name,
                        exc)
            (folder / name).unlink(missing_ok=True)
    land = list(_layer("countries")[0])
    if folder is not None:
        _write_layers(folder, name, {"land": land}, ("land",))
    return land


def _write_layers(folder: Path, name: str, layers: dict[str, list[Any]],
                  names: Iterable[str] = _LAYERS) -> None:
    import io

    arrays: dict[str, np.ndarray[Any, Any]] = {}
    for layer in names:
        blobs = [shapely.to_wkb(g) for g in layers[layer]]
        arrays[f"{layer}_sizes"] = np.array([len(b) for b in blobs], dtype="<i8")
        arrays[f"{layer}_wkb"] = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # type: ignore[arg-type]
    tmp = folder / f".{name}.{uuid.uuid4().hex}"
    try:
        tmp.write_bytes(buffer.getvalue())
        os.replace(tmp, folder / name)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        log.info("cannot keep the basemap in %s (%s)", folder, exc.strerror or exc)


def _read_layers(path: Path, names: Iterable[str] = _LAYERS) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    with np.load(path, allow_pickle=False) as z:
        for layer in names:
            data, sizes = z[f"{layer}_wkb"].tobytes(), z[f"{layer}_sizes"].tolist()
            if sum(sizes) != len(data):
                raise ValueError(f"layer {layer} holds {len(data)} bytes, not {sum(sizes)}")
            blobs, at = [], 0
            for size in sizes:
                blobs.append(data[at:at + size])
                at += size
            out[layer] = list(shapely.from_wkb(np.array(blobs, dtype=object))) if blobs \
                else []
    return out


def _cut_layers(bounds: Bounds, countries: Iterable[str], detail: float,
                ) -> dict[str, list[Any]]:
    west, south, east, north = bounds
    span = max(east - west, north - south)
    box = _window(bounds)
    tolerance = max(0.005, span / detail)

    land, _ = _layer("countries")
    wanted = set(countries)
    admin = []
    if wanted:
        admin_geoms, admin_props = _layer("admin1")
        admin = [g.boundary for g, p in zip(admin_geoms, admin_props, strict=True)
                 if natural_earth_code(p) in wanted]
    admin_lines = [shapely.union_all(admin)] if admin else []
    rivers, river_props = _layer("rivers")
    lakes, _ = _layer("lakes")
    rail, _ = _layer("basemap_railways")
    big_rivers = [g for g, p in zip(rivers, river_props, strict=True)
                  if (p.get("scalerank") or 10) <= 6]
    return {
        "land": _cut(land, box, tolerance),
        "admin1": _cut_lines(admin_lines, box, tolerance),
        "lakes": _cut(lakes, box, tolerance),
        "rivers": _cut_lines(big_rivers, box, tolerance),
        "railways": _cut_lines(rail, box, tolerance),
    }
