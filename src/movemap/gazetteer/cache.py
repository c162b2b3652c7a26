"""Where the gazetteer index is kept, and building it on first use.

The index lives in the user's cache folder (``platformdirs``; ``MOVEMAP_CACHE_DIR``
overrides it) under a name made from a fingerprint of everything it is built from: the
GeoNames data file, the shipped geodata and the code that turns them into keys. When any of
them changes, the next lookup builds a new index (once, in about half a minute) and removes
the stale ones. The build writes to a temporary folder and renames it into place, so an
interrupted build leaves nothing half-written and two processes never read a partial index.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from movemap.errors import MovemapError
from movemap.gazetteer import index as index_module
from movemap.gazetteer import normalize, overlay, place, ranking, sources
from movemap.gazetteer.index import FORMAT_VERSION, Index, write_index
from movemap.gazetteer.place import Kind
from movemap.gazetteer.sources import Entry
from movemap.geodata import geo_path

__all__ = ["cache_root", "fingerprint", "open_index", "reference_entries"]

log = logging.getLogger(__name__)

_GEO_FILES = ("admin1.geojson", "countries.geojson", "macro_regions.geojson", "places.csv")
_PREFIX = "gazetteer-"


def cache_root() -> Path:
    """The folder that holds movemap's caches."""
    override = os.environ.get("MOVEMAP_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("movemap", appauthor=False))


def fingerprint() -> str:
    """A digest of every input of the index; a new one means the index must be rebuilt."""
    digest = hashlib.sha256(f"format {FORMAT_VERSION}\n".encode())
    inputs = [sources.geonames_cities_path(), *(geo_path(name) for name in _GEO_FILES)]
    for path in inputs:
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    for module in (normalize, sources, overlay, place, ranking, index_module):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:16]


def reference_entries() -> list[Entry]:
    """Every place of the shipped reference data, assembled (takes seconds)."""
    regions = sources.region_entries(geo_path("admin1.geojson"))
    countries = sources.country_entries(
        geo_path("countries.geojson"), sources.geonames_country_populations()
    )
    macro = sources.macro_region_entries(geo_path("macro_regions.geojson"))
    entries = {e.id: e for e in (*sources.geonames_entries(), *regions, *macro, *countries)}
    rows = overlay.read_overlay(geo_path("places.csv"), is_known=entries.__contains__)
    sources.apply_overlay(entries, rows, source="movemap")
    points = [e for e in entries.values() if e.kind not in (Kind.REGION, Kind.COUNTRY)]
    sources.assign_admin1(points, regions)
    return list(entries.values())


def _build(root: Path, final: Path, stamp: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    log.warning("building the gazetteer index in %s (once; this takes about a minute)", final)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=root))
    try:
        write_index(reference_entries(), tmp, stamp)
        try:
            tmp.rename(final)
        except OSError:
            if not (final / "manifest.json").is_file():
                raise
            # Another process finished the same build first; its index is as good as ours.
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("gazetteer index built in %.1f s", time.perf_counter() - started)
    for stale in root.glob(_PREFIX + "*"):
        if stale != final:
            shutil.rmtree(stale, ignore_errors=True)


def open_index(root: Path | None = None, *, rebuild: bool = False) -> Index:
    """Open the current index, building it first if it is missing or out of date."""
    root = root or cache_root()
    stamp = fingerprint()
    final = root / f"{_PREFIX}{stamp}"
    if rebuild and final.exists():
        shutil.rmtree(final)
    if not (final / "manifest.json").is_file():
        try:
            _build(root, final, stamp)
        except PermissionError as exc:
            raise MovemapError(
                f"cannot write the gazetteer index to {root}: {exc.strerror}; "
                "set MOVEMAP_CACHE_DIR to a writable folder"
            ) from None
    return Index(final)
