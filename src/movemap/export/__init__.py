"""Exports of a dataset for reports and other tools, one writer per format (``EXPORTERS``).

Static maps (png, svg, pdf) and animations (gif) with matplotlib; KML and KMZ for Google
Earth; GeoJSON, GeoPackage, CSV and OGC Moving Features JSON for GIS and trajectory tools;
trajectories for movingpandas (``to_trajectories``). Every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movemap.errors import InvalidValueError, WriteError
from movemap.export.trajectories import to_trajectories

if TYPE_CHECKING:
    from movemap.located import Located
    from movemap.model import Dataset

__all__ = ["EXPORTERS", "EXTENSIONS", "export", "to_trajectories"]

Exporter = Callable[..., Path]


def _static(fmt: str) -> Exporter:
    def write(located: Located, path: Path, **options: Any) -> Path:
        from movemap.export.static import StaticOptions, write_static

        return write_static(located, path, fmt, StaticOptions(**options))

    return write


def _gif(located: Located, path: Path, *, step_days: int = 1, start: Any = None,
         end: Any = None, **options: Any) -> Path:
    from movemap.export.static import StaticOptions, write_animation

    options.pop("on", None)
    return write_animation(located, path, StaticOptions(**options), step_days, start, end)


def _data(name: str) -> Exporter:
    def write(located: Located, path: Path, **_: Any) -> Path:
        from movemap.export import gis, kml
        from movemap.io.geojson import write_geojson

        writers: dict[str, Callable[..., Path]] = {
            "kml": kml.write_kml, "kmz": kml.write_kmz, "gpkg": gis.write_gpkg,
            "csv": gis.write_csv_routes, "mfjson": gis.write_mfjson,
        }
        if name == "geojson":
            return write_geojson(located, path)
        return writers[name](located, path)

    return write


EXTENSIONS: dict[str, tuple[str, ...]] = {
    "png": (".png",), "svg": (".svg",), "pdf": (".pdf",), "gif": (".gif",),
    "kml": (".kml",), "kmz": (".kmz",), "geojson": (".geojson", ".json"), "gpkg": (".gpkg",),
    "csv": (".csv",), "mfjson": (".json",),
}
"""The file extensions each format is written under."""

EXPORTERS: dict[str, Exporter] = {
    "png": _static("png"), "svg": _static("svg"), "pdf": _static("pdf"), "gif": _gif,
    **{name: _data(name) for name in ("kml", "kmz", "geojson", "gpkg", "csv", "mfjson")},
}
STATIC = frozenset({"png", "svg", "pdf", "gif"})


def export(data: Dataset | Located, path: str | Path, fmt: str | None = None,
           **options: Any) -> Path:
    """Write ``data`` to ``path`` in ``fmt`` (default: the file's extension).

    ``data``: a located dataset, or a dataset to locate (once) with the defaults.

    Options of the static formats: ``on``, ``extent``, ``size``, ``dpi``, ``title``,
    ``banner``, ``inset``; of gif also ``step_days``, ``start``, ``end``.
    """
    from movemap.located import as_located

    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "json":
        fmt = "mfjson" if path.name.endswith(".mf.json") else "geojson"
    if fmt not in EXPORTERS:
        raise InvalidValueError(f"unknown export format {fmt!r}; use one of "
                                f"{', '.join(sorted(EXPORTERS))}", field="format")
    if fmt not in STATIC and options:
        raise InvalidValueError(f"{', '.join(sorted(options))}: only for maps (png, svg, pdf, "
                                "gif)", field="format")
    import logging

    from movemap.timing import step

    located = as_located(data)
    try:
        with step(logging.getLogger(__name__), f"wrote {fmt} {path}") as done:
            written = EXPORTERS[fmt](located, path, **options)
            done.append(f"{written.stat().st_size / 1e3:,.0f} kB")
    except WriteError:
        raise
    except OSError as exc:  # a read-only folder, a full disk: one message, never a traceback
        raise WriteError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    return written
