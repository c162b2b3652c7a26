"""The compact on-disk gazetteer index: how it is written and how it is read.

The index is a folder of flat files that are memory-mapped, never parsed, so a new process can
answer its first lookup in milliseconds instead of the seconds that reading the GeoNames JSON
takes. Each lookup table maps the 64-bit hash of a key (see ``normalize.key_hash``) to a run of
values, in compressed sparse row form: ``keys`` (sorted unique hashes), ``starts`` (where each
key's run begins in ``values``) and ``values``.

Tables:

``exact``
    folded name -> place number * 2 + (1 if an alternate name, 0 if the canonical one).
    Alternate names include the base forms of region names (``Kurskaya Oblast`` is also
    under ``kursk`` and ``kurskaya``) and city names without a suffix meaning city
    (``청진시`` is also under ``청진``).
``phonetic``
    consonant skeleton -> number of a Latin key in ``vocab``
``deletes``
    a Latin key, and each of its one-character deletions -> number of the key in ``vocab``
``ids``
    place id -> place number

Strings (canonical names, ids, the Latin ``vocab``, ``suggest`` names for "did you mean") are
UTF-8 blobs with an offsets array. Outlines of regions and countries are WKB in ``geoms``.
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from movemap.gazetteer.normalize import (
    deletes,
    key_hash,
    name_key,
    region_bases,
    settlement_base,
    skeleton,
)
from movemap.gazetteer.place import Kind, Place
from movemap.gazetteer.sources import Entry

__all__ = ["FORMAT_VERSION", "Index", "write_index"]

FORMAT_VERSION = 1
_KINDS = list(Kind)
_PLACE_DTYPE = np.dtype([
    ("lat", "<f8"), ("lon", "<f8"), ("population", "<i8"), ("kind", "u1"), ("country", "S2"),
    ("admin1", "<i4"), ("source", "<i2"), ("geom", "<i4"),
])
# Alternate names in Latin script of places this big, and every name of a place that is not a
# city, are typo-tolerant; for smaller places only the canonical name is.
FUZZY_MIN_POPULATION = 15_000
SUGGEST_MIN_POPULATION = 15_000
_FUZZY_LENGTHS = range(4, 31)


# -- writing ----------------------------------------------------------------------------------

def _write_strings(folder: Path, name: str, strings: Sequence[str]) -> None:
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype="<u8")
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    (folder / f"{name}.bin").write_bytes(b"".join(encoded))
    np.save(folder / f"{name}.off.npy", offsets)


def _write_table(folder: Path, name: str, hashes: Sequence[int], values: Sequence[int]) -> None:
    h = np.array(hashes, dtype="<u8")
    v = np.array(values, dtype="<i8")
    order = np.lexsort((v, h))
    h, v = h[order], v[order]
    if h.size:
        keep = np.ones(h.size, dtype=bool)
        keep[1:] = (h[1:] != h[:-1]) | (v[1:] != v[:-1])
        h, v = h[keep], v[keep]
    keys, starts = np.unique(h, return_index=True)
    np.save(folder / f"{name}.keys.npy", keys)
    np.save(folder / f"{name}.starts.npy", np.append(starts, h.size).astype("<i4"))
    np.save(folder / f"{name}.values.npy", v.astype("<i4"))


def write_index(entries: Sequence[Entry], folder: Path, fingerprint: str) -> None:
    """Write the index of ``entries`` into the (existing, empty) ``folder``."""
    sources = sorted({e.source for e in entries})
    admin1_names = sorted({e.admin1 for e in entries if e.admin1})
    admin1_number = {n: i for i, n in enumerate(admin1_names)}
    places = np.zeros(len(entries), dtype=_PLACE_DTYPE)
    geoms: list[bytes] = []
    exact_h: list[int] = []
    exact_v: list[int] = []
    vocab_fuzzy: dict[str, bool] = {}
    suggest: dict[str, str] = {}
    for number, e in enumerate(entries):
        geom = -1
        if e.wkb is not None:
            geom = len(geoms)
            geoms.append(e.wkb)
        places[number] = (
            e.lat, e.lon, -1 if e.population is None else e.population, _KINDS.index(e.kind),
            (e.country or "").encode("ascii"), admin1_number.get(e.admin1 or "", -1),
            sources.index(e.source), geom,
        )
        important = (e.kind is not Kind.CITY) or (e.population or 0) >= FUZZY_MIN_POPULATION
        areal = e.kind in (Kind.REGION, Kind.COUNTRY)
        for position, name in enumerate(e.names()):
            key = name_key(name)
            if not key:
                continue
            exact_h.append(key_hash(key))
            exact_v.append(number * 2 + (position > 0))
            shorter = region_bases(key) if areal else {settlement_base(key) or key}
            for other in shorter - {key}:
                exact_h.append(key_hash(other))
                exact_v.append(number * 2 + 1)
            if key.isascii():
                vocab_fuzzy[key] = vocab_fuzzy.get(key, False) or important or position == 0
            if important or (e.population or 0) >= SUGGEST_MIN_POPULATION:
                suggest.setdefault(key, e.name)
    _write_table(folder, "exact", exact_h, exact_v)
    _write_table(folder, "ids", [key_hash(e.id) for e in entries], range(len(entries)))

    vocab = sorted(vocab_fuzzy)
    skel_h: list[int] = []
    skel_v: list[int] = []
    del_h: list[int] = []
    del_v: list[int] = []
    for number, key in enumerate(vocab):
        skel = skeleton(key)
        if skel and len(skel) >= 2:
            skel_h.append(key_hash(skel))
            skel_v.append(number)
        if vocab_fuzzy[key] and len(key) in _FUZZY_LENGTHS:
            for variant in (key, *deletes(key)):
                del_h.append(key_hash(variant))
                del_v.append(number)
    _write_table(folder, "phonetic", skel_h, skel_v)
    _write_table(folder, "deletes", del_h, del_v)

    np.save(folder / "places.npy", places)
    _write_strings(folder, "names", [e.name for e in entries])
    _write_strings(folder, "ids", [e.id for e in entries])
    _write_strings(folder, "vocab", vocab)
    _write_strings(folder, "suggest", [f"{k}\x1f{v}" for k, v in sorted(suggest.items())])
    offsets = np.zeros(len(geoms) + 1, dtype="<u8")
    np.cumsum([len(g) for g in geoms], out=offsets[1:])
    (folder / "geoms.bin").write_bytes(b"".join(geoms))
    np.save(folder / "geoms.off.npy", offsets)
    manifest = {
        "format": FORMAT_VERSION,
        "fingerprint": fingerprint,
        "places": len(entries),
        "names": len(exact_h),
        "vocab": len(vocab),
        "deletes": len(del_h),
        "sources": sources,
        "admin1": admin1_names,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))


# -- reading ----------------------------------------------------------------------------------

def _map_bytes(path: Path) -> mmap.mmap | bytes:
    with path.open("rb") as f:
        if path.stat().st_size == 0:
            return b""
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _load(path: Path) -> npt.NDArray[Any]:
    return np.asarray(np.load(path, mmap_mode="r"))


class _Strings:
    """A memory-mapped list of strings."""

    def __init__(self, folder: Path, name: str) -> None:
        self._blob = _map_bytes(folder / f"{name}.bin")
        self._offsets = _load(folder / f"{name}.off.npy")

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def raw(self, number: int) -> bytes:
        return self._blob[int(self._offsets[number]) : int(self._offsets[number + 1])]

    def __getitem__(self, number: int) -> str:
        return self.raw(number).decode("utf-8")


class _Table:
    """A memory-mapped hash -> values table (compressed sparse rows)."""

    def __init__(self, folder: Path, name: str) -> None:
        self._keys = _load(folder / f"{name}.keys.npy")
        self._starts = _load(folder / f"{name}.starts.npy")
        self._values = _load(folder / f"{name}.values.npy")

    def get(self, key: str) -> list[int]:
        h = key_hash(key)
        keys = self._keys
        i = int(keys.searchsorted(h))
        if i == keys.shape[0] or int(keys[i]) != h:
            return []
        return self._values[int(self._starts[i]) : int(self._starts[i + 1])].tolist()  # type: ignore[no-any-return]

    def get_many(self, keys: Iterable[str]) -> set[int]:
        hashes = np.array([key_hash(k) for k in keys], dtype="<u8")
        positions = self._keys.searchsorted(hashes)
        inside = positions < self._keys.shape[0]
        positions, hashes = positions[inside], hashes[inside]
        out: set[int] = set()
        for i in positions[self._keys[positions] == hashes].tolist():
            out.update(self._values[int(self._starts[i]) : int(self._starts[i + 1])].tolist())
        return out


class Index:
    """A gazetteer index opened from its folder; see the module docstring for its tables."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text())
        self._places = _load(folder / "places.npy")
        self._names = _Strings(folder, "names")
        self._ids = _Strings(folder, "ids")
        self._vocab = _Strings(folder, "vocab")
        self._geoms = _Strings(folder, "geoms")
        self._exact = _Table(folder, "exact")
        self._phonetic = _Table(folder, "phonetic")
        self._deletes = _Table(folder, "deletes")
        self._id_table = _Table(folder, "ids")
        self._sources: list[str] = self.manifest["sources"]
        self._admin1: list[str] = self.manifest["admin1"]
        self._cache: dict[int, Place] = {}
        self._suggest: tuple[list[str], list[str]] | None = None

    def __len__(self) -> int:
        return int(self._places.shape[0])

    def place(self, number: int) -> Place:
        """The place with this number (cached: places are immutable)."""
        cached = self._cache.get(number)
        if cached is not None:
            return cached
        row = self._places[number]
        geom = int(row["geom"])
        polygon = None
        if geom >= 0:
            import shapely

            polygon = shapely.from_wkb(self._geoms.raw(geom))
        population = int(row["population"])
        admin1 = int(row["admin1"])
        place = Place(
            id=self._ids[number],
            name=self._names[number],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row["country"].decode("ascii") or None,
            admin1=self._admin1[admin1] if admin1 >= 0 else None,
            kind=_KINDS[int(row["kind"])],
            population=population if population >= 0 else None,
            source=self._sources[int(row["source"])],
            polygon=polygon,
        )
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[number] = place
        return place

    def exact(self, key: str) -> list[tuple[int, bool]]:
        """Places with a name whose key is ``key``: (place number, is an alternate name)."""
        return [(v >> 1, bool(v & 1)) for v in self._exact.get(key)]

    def phonetic(self, skel: str) -> list[str]:
        """Latin keys with this consonant skeleton."""
        return [self._vocab[i] for i in self._phonetic.get(skel)]

    def near_misses(self, key: str) -> list[str]:
        """Typo-tolerant keys that share a one-deletion variant with ``key``."""
        if len(key) not in _FUZZY_LENGTHS or not key.isascii():
            return []
        return [self._vocab[i] for i in self._deletes.get_many((key, *deletes(key)))]

    def find_id(self, place_id: str) -> int | None:
        """The number of the place with this id, if the index has it."""
        for number in self._id_table.get(place_id):
            if self._ids[number] == place_id:
                return number
        return None

    def suggest_names(self) -> tuple[list[str], list[str]]:
        """(keys, display names) of the places offered as "did you mean" suggestions."""
        if self._suggest is None:
            strings = _Strings(self.folder, "suggest")
            pairs = [strings[i].partition("\x1f") for i in range(len(strings))]
            self._suggest = ([k for k, _, _ in pairs], [n for _, _, n in pairs])
        return self._suggest
