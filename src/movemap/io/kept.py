"""Big dataset files read before: their parse kept between runs, keyed by the file's bytes.

Reading 20,000 legs of YAML with every value's position takes seconds of pure Python (the
parser's events, the located nodes, the records), more than anything else a warm command
does. A file of at least :data:`KEEP_ABOVE_BYTES` is therefore parsed once: what parsing gave
(:class:`~movemap.io.records.Parsed`: the dataset, its format problems, the positions of its
values) is kept in the cache folder (:mod:`movemap.cache`, kind ``parsed``, keyed by the
parsing code) under a digest of the file's bytes, its format and the name and source it was
read under, so that the next command on the same, unchanged file reads it back instead. An
edited file has other bytes: it is parsed again (and kept in turn). The newest
:data:`KEEP_FILES` files are kept.

Each kept file is named by the digest of its own bytes too, checked when read: a file that
does not match, or cannot be read, is removed with one line of notice and the dataset is
parsed again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from movemap import cache
from movemap.io.records import Parsed

__all__ = ["KEEP_ABOVE_BYTES", "KEEP_FILES", "parse_kept"]

log = logging.getLogger(__name__)

# what unpickling a damaged or stale file raises, beside the cache's own list
_DAMAGE: tuple[type[Exception], ...] = (*cache.DAMAGE, AttributeError, TypeError)

KEEP_ABOVE_BYTES = 1 << 20
"""Smallest file whose parse is kept (about 3,000 legs of YAML, a second to read): smaller
ones are read faster than a kept parse is checked and loaded."""
KEEP_FILES = 8
"""How many parsed files are kept (the oldest used are removed)."""


def _code_version() -> str:
    """A digest of the code a parse depends on: any change to it parses files again."""
    import yaml

    from movemap import countries, dates, errors, io, model, textfile, unpickle
    from movemap.io import csv, geojson, nodes, records, table
    from movemap.io import yaml as yaml_io

    return cache.digest(f"python {sys.version}", f"pyyaml {yaml.__version__} "
                        f"{getattr(yaml, '__with_libyaml__', False)}", io, csv, geojson, nodes,
                        records, table, yaml_io, model, dates, errors, countries, textfile,
                        unpickle)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def parse_kept(data: bytes, key: str, parse: Callable[[], Parsed], *,
               root: Path | None = None, min_bytes: int = KEEP_ABOVE_BYTES) -> Parsed:
    """``parse()``, or what it gave before for these bytes and ``key`` (the format, name and
    source the file is read under).

    Files under ``min_bytes`` are always parsed. A cache folder that cannot be written, or
    a kept parse that cannot be read, is never in the way: the file is parsed.
    """
    if len(data) < min_bytes:
        return parse()
    try:
        folder = cache.folder("parsed", _code_version(), root=root)
    except cache.CacheUnwritable:
        return parse()
    name = _digest(b"%s\0" % key.encode() + data)
    for path in folder.glob(f"{name}-*.pickle"):
        parsed = _read(path)
        if parsed is not None:
            return parsed
    parsed = parse()
    _write(folder, name, parsed)
    return parsed


def _read(path: Path) -> Parsed | None:
    try:
        blob = path.read_bytes()
        if _digest(blob) != path.stem.rpartition("-")[2]:
            raise ValueError("its bytes do not match its checksum")
        # millions of small objects, none of them garbage: the collector would walk them
        # again and again while they are made
        enabled = gc.isenabled()
        gc.disable()
        try:
            parsed = pickle.loads(blob)
        finally:
            if enabled:
                gc.enable()
        if not isinstance(parsed, Parsed):
            raise ValueError(f"it holds a {type(parsed).__name__}, not a parse")
    except FileNotFoundError:  # removed by another process meanwhile
        return None
    except _DAMAGE as exc:
        log.warning("a kept parse of a dataset is damaged (%s: %s); removing it",
                    path.name, exc)
        path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):  # a read-only cache still gives what it keeps
        os.utime(path)  # used: the newest are kept
    return parsed


def _write(folder: Path, name: str, parsed: Parsed) -> None:
    blob = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
    tmp = folder / f".{uuid.uuid4().hex}.tmp"
    try:
        tmp.write_bytes(blob)
        os.replace(tmp, folder / f"{name}-{_digest(blob)}.pickle")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        log.info("cannot keep the parse of a dataset in %s (%s)", folder, exc.strerror or exc)
        return
    kept = sorted(folder.glob("*.pickle"), key=_used, reverse=True)
    for old in kept[KEEP_FILES:]:
        old.unlink(missing_ok=True)


def _used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
