"""Paths found by routing, kept between runs: a second command on a dataset routes nothing.

Each path of one stretch (or the reason there is none) is kept under its key: the mode, the
two ends and the constraints it was routed under (an open tuple: a country to go through or
to avoid, as routers learn them), in a folder of :mod:`movemap.cache` named by the version of
the networks (the routing code, the network and land data, the overlay lines added) and by
:data:`FORMAT`, the layout of the files (this module's code is not part of the version: a
change to it that keeps the layout keeps every route kept). Each run that finds new paths
adds one shard file, written atomically under a name made of the checksum of its keys and
their paths' sizes (so that two processes saving the same paths write one file: with one
version of the networks a key has one path; the whole file's checksum would take a second
pass over it, 0.25 s of CPU for the 160 MB shard of 20,000 legs). A shard is checked as it
is read: each array is read whole through the zip's own CRC-32 of that member, so a changed
byte, a cut or an unreadable file is damage, removed with one line of notice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from movemap import cache
from movemap.routing.points import Points, as_array

__all__ = ["FORMAT", "Kept", "Key", "LegRouteStore", "RouteStore", "key_text"]

log = logging.getLogger(__name__)

Point = tuple[float, float]
Key = tuple[str, Point, Point, tuple[str, ...]]  # mode, from, to, constraints
Found = Sequence[Point] | str  # a path (Points when loaded or found), or why there is none
Kept = tuple[Sequence[Point], float, bool, tuple[str, ...]]  # points, km, approximate, warnings
FORMAT = 1
"""The layout of the shards (zip members, their names, types and meaning): part of the
networks' version, so a new number starts a new folder of routes."""
# shards; more are merged into one when read (a run on worker processes adds one a run of
# legs, some 8 a process: located._chunks)
_MERGE_ABOVE = 64


def key_text(key: Key) -> str:
    """A key as text (floats written exactly, with ``repr``)."""
    mode, a, b, constraints = key
    return json.dumps([mode, [repr(a[0]), repr(a[1])], [repr(b[0]), repr(b[1])],
                       list(constraints)])


def _key(text: str) -> Key:
    mode, a, b, constraints = json.loads(text)
    return (mode, (float(a[0]), float(a[1])), (float(b[0]), float(b[1])), tuple(constraints))


Arrays = dict[str, np.ndarray[Any, Any]]
"""A shard's arrays by name, as ``numpy.savez`` writes them."""


def _encode(paths: Mapping[Key, Found]) -> Arrays:
    keys = [key_text(k) for k in paths]
    reasons = [v if isinstance(v, str) else "" for v in paths.values()]
    lines = [as_array(v) for v in paths.values() if not isinstance(v, str)]
    sizes = np.array([0 if isinstance(v, str) else len(v) for v in paths.values()],
                     dtype="<i8")
    coords = np.concatenate(lines).astype("<f8") if lines else np.zeros((0, 2), dtype="<f8")
    return {"keys": np.array(keys, dtype=str), "reasons": np.array(reasons, dtype=str),
            "sizes": sizes, "coords": coords}


def _read_arrays(shard: Path) -> Arrays:
    """Every array of a shard, each member read to its end, so that zipfile checks its CRC-32
    (numpy reads only the bytes an array's header announces: a damaged header would otherwise
    load a shorter or reinterpreted array); a member with bytes left over is damage."""
    arrays: Arrays = {}
    with zipfile.ZipFile(shard) as z:
        for name in z.namelist():
            with z.open(name) as member:
                arrays[name.removesuffix(".npy")] = np.lib.format.read_array(
                    member, allow_pickle=False)
                if member.read(1):
                    raise ValueError(f"{name}: bytes beyond the array its header announces")
    return arrays


def _checked(arrays: Arrays, *names: str) -> Arrays:
    """The arrays, once their lengths agree: one row per key, and as many points as the
    sizes add up to."""
    rows = {len(arrays[n]) for n in names}
    if len(rows) != 1 or int(arrays["sizes"].sum()) != len(arrays["coords"]):
        raise ValueError("the arrays of a route shard do not agree in length")
    return arrays


def _decode(shard: Path) -> dict[Key, Found]:
    """The paths of a shard; each is a read-only view of the shard's one array of
    coordinates (about 16 bytes a point, where a list of tuples takes over a hundred)."""
    z = _checked(_read_arrays(shard), "keys", "reasons", "sizes")
    keys, reasons = z["keys"].tolist(), z["reasons"].tolist()
    sizes, coords = z["sizes"], z["coords"]
    coords = np.ascontiguousarray(coords, dtype=np.float64).reshape(-1, 2)
    coords.flags.writeable = False
    out: dict[Key, Found] = {}
    starts = np.concatenate([[0], np.cumsum(sizes)]).tolist()
    for i, (text, reason) in enumerate(zip(keys, reasons, strict=True)):
        out[_key(text)] = reason if reason else Points.view(coords[starts[i]:starts[i + 1]])
    return out


class RouteStore:
    """The kept paths of one version of the networks (in memory if the cache is read-only)."""

    kind = "routes"

    def __init__(self, version: str, root: Path | None = None) -> None:
        self.version = version
        self._root = root
        self._folder: Path | None = None
        self._writable = True

    def _open(self) -> Path | None:
        if self._folder is None and self._writable:
            try:
                self._folder = cache.folder(self.kind, self.version, root=self._root)
            except cache.CacheUnwritable:
                self._writable = False
        return self._folder

    def load(self) -> dict[Key, Found]:
        """Every kept path."""
        return self._load(_decode)

    def save(self, paths: Mapping[Key, Found]) -> None:
        """Keep these paths (new ones: earlier shards stay)."""
        if paths and self._open() is not None:
            self._write(_encode(paths))

    def _load(self, decode: Callable[[Path], dict[Any, Any]]) -> dict[Any, Any]:
        folder = self._open()
        if folder is None:
            return {}
        paths: dict[Any, Any] = {}
        shards = sorted(folder.glob("shard-*.npz"))
        for shard in shards:
            try:  # decoding reads every member whole: zipfile checks its CRC-32
                paths.update(decode(shard))
            except FileNotFoundError:  # merged away by another process meanwhile
                continue
            except cache.DAMAGE as exc:
                log.warning("a cached route file is damaged (%s: %s); removing it",
                            shard.name, exc)
                shard.unlink(missing_ok=True)
        if len(shards) > _MERGE_ABOVE:
            self._write(self._encode_all(paths), replace=shards)
        return paths

    def _encode_all(self, paths: Mapping[Any, Any]) -> Arrays:
        return _encode(paths)

    def _write(self, arrays: Arrays, replace: Iterable[Path] = ()) -> None:
        """A shard written straight to its file (no copy of it in memory), then named by the
        checksum of its keys and sizes."""
        assert self._folder is not None
        tmp = self._folder / f".shard-{uuid.uuid4().hex}.tmp"
        try:
            with tmp.open("wb") as out:
                np.savez(out, **arrays)  # type: ignore[arg-type]  # numpy types **kwds as its flag
            name = f"shard-{_shard_digest(arrays)}.npz"
            os.replace(tmp, self._folder / name)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            log.warning("cannot keep routes in %s (%s); they are kept for this run only",
                        self._folder, exc.strerror or exc)
            self._writable = False
            return
        for old in replace:
            if old.name != name:
                old.unlink(missing_ok=True)


def _shard_digest(arrays: Arrays) -> str:
    """What a shard is named by: the checksum of its keys and of its paths' sizes."""
    digest = hashlib.blake2b(digest_size=16)
    for name in ("keys", "sizes"):
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"{name} {array.dtype.str} {array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


class LegRouteStore(RouteStore):
    """Whole routes of legs, kept under their stops, names, mode and countries: the path
    with its length and the warnings of the checks made on it (countries left, inland sea
    ends), so that a second command on a dataset neither routes nor checks again."""

    kind = "legroutes"

    def load(self) -> dict[str, Kept]:  # type: ignore[override]
        """Every kept route, by its key text."""
        return self._load(_decode_kept)

    def save(self, routes: Mapping[str, Kept]) -> None:  # type: ignore[override]
        """Keep these routes (new ones: earlier shards stay)."""
        if routes and self._open() is not None:
            self._write(_encode_kept(routes))

    def _encode_all(self, paths: Mapping[Any, Any]) -> Arrays:
        return _encode_kept(paths)


def _encode_kept(routes: Mapping[str, Kept]) -> Arrays:
    values = list(routes.values())
    sizes = np.array([len(v[0]) for v in values], dtype="<i8")
    arrays = [as_array(v[0]) for v in values]
    coords = np.concatenate(arrays) if arrays else np.zeros((0, 2))
    return {"keys": np.array(list(routes), dtype=str),
            "km": np.array([v[1] for v in values], dtype="<f8"),
            "approximate": np.array([v[2] for v in values], dtype=bool),
            "warnings": np.array([json.dumps(list(v[3])) for v in values], dtype=str),
            "sizes": sizes, "coords": coords.astype("<f8", copy=False)}


def _decode_kept(shard: Path) -> dict[str, Kept]:
    """The routes of a shard; their points are read-only views of the shard's one array of
    coordinates (no point becomes a Python object until a caller asks for it)."""
    z = _checked(_read_arrays(shard), "keys", "warnings", "km", "approximate", "sizes")
    keys, warnings = z["keys"].tolist(), z["warnings"].tolist()
    km, approximate = z["km"].tolist(), z["approximate"].tolist()
    sizes, coords = z["sizes"], z["coords"]
    coords = np.ascontiguousarray(coords, dtype=np.float64).reshape(-1, 2)
    coords.flags.writeable = False
    starts = np.concatenate([[0], np.cumsum(sizes)]).tolist()
    none: tuple[str, ...] = ()
    return {key: (Points.view(coords[starts[i]:starts[i + 1]]), float(km[i]),
                  bool(approximate[i]),
                  tuple(json.loads(warnings[i])) if warnings[i] != "[]" else none)
            for i, key in enumerate(keys)}
