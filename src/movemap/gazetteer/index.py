"""The compact on-disk gazetteer index: how it is written and how it is read.

The index is a folder of flat files that are memory-mapped, never parsed, so a new process can
answer its first lookup in milliseconds instead of the seconds that reading the GeoNames JSON
takes. Each lookup table maps the 64-bit hash of a key (see ``normalize.key_hash``) to a run of
values, in compressed sparse row form: ``keys`` (sorted unique hashes), ``starts`` (where each
key's run begins in ``values``) and ``values``.

Tables:

``exact``
    folded name -> place number * 8 + how the name belongs to it (``NAME_TYPES``: canonical,
    alternate, former, demonym, abbreviation, code, kind, base form), best first: in the
    order ``ranking.rank`` gives without hints. Base forms are region names without their
    generic word (``Kurskaya Oblast`` is also under ``kursk`` and ``kurskaya``) and city
    names without a suffix meaning city (``청진시`` is also under ``청진``). Airport and port
    codes are under ``\x02`` and the code; places of a kind class under ``feature_key``
    (``\x01air engels`` for Engels Airbase).
``phonetic``
    consonant skeleton -> number of a Latin key in ``vocab``
``deletes``
    a Latin key, and each of its one-character deletions -> number of the key in ``vocab``
``ids``
    place id -> place number

Strings (canonical names, ids, ``suggest`` names for "did you mean") are UTF-8 blobs with an
offsets array; the Latin ``vocab`` is one key a line in ``vocab.txt``. Outlines of regions and
countries are WKB in ``geoms``.
"""

from __future__ import annotations

import bisect
import json
import math
import mmap
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from movemap.gazetteer import ranking
from movemap.gazetteer.normalize import (
    deletes,
    feature_key,
    key_hash,
    kind_phrase,
    name_key,
    region_bases,
    settlement_base,
    skeleton,
    town_head,
    without_article,
)
from movemap.gazetteer.place import AREAL, Kind, Method, Place
from movemap.gazetteer.ranking import Hit
from movemap.gazetteer.sources import Entry

__all__ = ["FORMAT_VERSION", "KIND_CLASSES", "NAME_TYPES", "Index", "code_key", "write_index"]

FORMAT_VERSION = 2
NAME_TYPES = (Method.NAME, Method.ALTERNATE, Method.FORMER, Method.DEMONYM,
              Method.ABBREVIATION, Method.CODE, Method.KIND, Method.REGION)
"""How a name belongs to a place, by the three low bits of an ``exact`` value."""
_TYPE = {method: number for number, method in enumerate(NAME_TYPES)}
KIND_CLASSES: dict[str, frozenset[Kind]] = {
    "air": frozenset({Kind.AIRPORT, Kind.AIRBASE}),
    "port": frozenset({Kind.PORT, Kind.NAVAL_BASE}),
    "bridge": frozenset({Kind.BRIDGE}),
    "pass": frozenset({Kind.PASS}),
    "crossing": frozenset({Kind.CROSSING}),
    "beach": frozenset({Kind.BEACH}),
    "island": frozenset({Kind.ISLAND}),
    "district": frozenset({Kind.DISTRICT}),
    "site": frozenset({Kind.SITE}),
    "power": frozenset({Kind.SITE}),
}
"""Kinds a word such as ``air base`` or ``raion`` asks for (see ``normalize.kind_phrase``)."""
_CLASS_OF: dict[Kind, str] = {}
for _cls, _kinds in KIND_CLASSES.items():
    for _kind in _kinds:
        _CLASS_OF.setdefault(_kind, _cls)  # a site is a "site" unless its name says power


def code_key(code: str) -> str:
    """The ``exact`` key of a code (kept apart from names: code ``KANO`` is not Kano)."""
    return "\x02" + code.lower()


def _is_abbreviation(name: str) -> bool:
    """``UK``, ``U.S.``, ``DPRK``: two to five capitals, dots allowed."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _feature_base(key: str) -> str:
    """A feature's name without its kind words: ``rota naval station airport`` -> ``rota``."""
    base = key
    while (phrase := kind_phrase(base)) is not None:
        base = phrase[1]
    return base


def _name_class(cls: str, key: str) -> str:
    """The kind class a feature is found under by one of its names: a site named as a power
    plant or a dam (``Kursk NPP``, ``Mosul Dam``) under ``power``, other sites under ``site``."""
    if cls == "site" and (phrase := kind_phrase(key)) is not None and phrase[0] == "power":
        return "power"
    return cls


def _bilingual(name: str) -> tuple[str, ...]:
    """The two names of a town that GeoNames names in two languages (``Gasteiz / Vitoria``,
    ``Donostia / San Sebastián``): each is its own name, not another name of it. Names of
    three parts or with brackets join quarters of a city (``Zürich (Kreis 9) / Altstetten``)
    and are left whole.

    >>> _bilingual("Gasteiz / Vitoria"), _bilingual("Kursk")
    (('Gasteiz', 'Vitoria'), ())
    """
    parts = tuple(p.strip() for p in name.split(" / "))
    if len(parts) != 2 or "(" in name or not all(len(p) >= 3 for p in parts):
        return ()
    return parts


def _names(e: Entry) -> list[tuple[str, Method]]:
    """Every name of an entry with how it belongs to it."""
    own = _bilingual(e.name) if e.kind is Kind.CITY else ()
    out = [(name, Method.NAME if position == 0 or name in own else
            Method.ABBREVIATION if e.kind in AREAL and _is_abbreviation(name) else
            Method.ALTERNATE) for position, name in enumerate(e.names())]
    out += [(name, Method.NAME) for name in own if name not in e.alt_names]
    out += [(name, Method.FORMER) for name in e.former]
    out += [(name, Method.DEMONYM) for name in e.demonyms]
    return out
_KINDS = list(Kind)
_PLACE_DTYPE = np.dtype([
    ("lat", "<f8"), ("lon", "<f8"), ("population", "<i8"), ("kind", "u1"), ("country", "S2"),
    ("admin1", "<i4"), ("source", "<i2"), ("geom", "<i4"),
])
# Alternate names in Latin script of places this big, and every name of a place that is not a
# city, are typo-tolerant; for smaller places only the canonical name is.
FUZZY_MIN_POPULATION = 15_000
SUGGEST_MIN_POPULATION = 100_000
_BULK_SOURCES = frozenset({"airportsdata", "ourairports", "searoute", "zipcodes", "gppd"})
_FUZZY_LENGTHS = range(4, 31)


# -- writing ----------------------------------------------------------------------------------

def _write_strings(folder: Path, name: str, strings: Sequence[str]) -> None:
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype="<u8")
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    (folder / f"{name}.bin").write_bytes(b"".join(encoded))
    np.save(folder / f"{name}.off.npy", offsets)


def _write_table(
    folder: Path,
    name: str,
    hashes: Sequence[int],
    values: Sequence[int],
    rank: npt.NDArray[np.int64] | None = None,
) -> None:
    """Write a table; ``rank[value]`` (if given) orders each key's values, lowest first."""
    h = np.array(hashes, dtype="<u8")
    v = np.array(values, dtype="<i8")
    order = np.lexsort((v, h) if rank is None else (v, rank[v], h))
    h, v = h[order], v[order]
    if h.size:
        keep = np.ones(h.size, dtype=bool)
        keep[1:] = (h[1:] != h[:-1]) | (v[1:] != v[:-1])
        h, v = h[keep], v[keep]
    keys, starts = np.unique(h, return_index=True)
    # A directory on the top bits of the hash: the keys starting with bucket b are
    # keys[directory[b]:directory[b + 1]], about one each, so a lookup reads a few entries
    # instead of the twenty that a binary search touches.
    bits = max(1, int(np.ceil(np.log2(max(keys.size, 2)))))
    buckets = np.arange(2**bits + 1, dtype=np.uint64) << np.uint64(64 - bits)
    directory = np.searchsorted(keys, buckets[:-1]).astype("<i8")
    np.save(folder / f"{name}.dir.npy", np.append(directory, keys.size))
    np.save(folder / f"{name}.keys.npy", keys)
    np.save(folder / f"{name}.starts.npy", np.append(starts, h.size).astype("<i4"))
    np.save(folder / f"{name}.values.npy", v.astype("<i4"))


def _static_rank(entries: Sequence[Entry], values: Sequence[int]) -> npt.NDArray[np.int64]:
    """The rank of every ``exact`` value (place * 8 + name type) among all of them.

    It is the order ``ranking.score`` gives when a name is looked up without hints, so the
    first values of a key are its best places and a lookup need not score the others.
    """
    used = np.unique(np.asarray(values, dtype=np.int64))
    order_keys = []
    for value in used.tolist():
        e = entries[value >> 3]
        place = Place(id=e.id, name=e.name, lat=e.lat, lon=e.lon, country=e.country,
                      admin1=e.admin1, kind=e.kind, population=e.population, source=e.source)
        candidate = ranking.score(Hit(place, NAME_TYPES[value & 7], "", 1.0, False))
        order_keys.append((ranking.order(candidate), value))
    order_keys.sort()
    rank = np.zeros(len(entries) * 8, dtype=np.int64)
    rank[[value for _, value in order_keys]] = np.arange(len(order_keys))
    return rank


_QUALIFIER = re.compile(r"^(?P<bare>[^()]+?)\s*\([^()]+\)\s*$")


def _unqualified(name: str) -> str | None:
    """The key of a name without the qualifier in brackets that tells it from a namesake
    (``Buna (Papua)``, ``Serre (Somme)``), or None for a name without one. Reports write the
    bare name; the bracket only keeps the bare name from standing alone for it. Only the
    overlay's own names: an other name in brackets (``Blue Beach (Dieppe)``) qualifies a
    generic phrase, and GeoNames' brackets hold another name (``Las Guásimas (Las Borregas)``)."""
    m = _QUALIFIER.match(name)
    if m is None:
        return None
    return name_key(m["bare"]) or None


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
        # Airports and ports of the big tables are found by name, code or kind, not by typo.
        bulk = e.source in _BULK_SOURCES
        important = (e.kind is not Kind.CITY and not bulk) or (
            (e.population or 0) >= FUZZY_MIN_POPULATION)
        big = (e.population or 0) >= SUGGEST_MIN_POPULATION
        areal = e.kind in AREAL
        cls = _CLASS_OF.get(e.kind)
        # Bare names of features: curated ones, air bases, and airports of airportsdata with an
        # IATA code (OurAirports' others are small strips: "Hunt" is a town, not its strip).
        named_bare = cls is not None and (
            not bulk or e.kind is Kind.AIRBASE or (e.source == "airportsdata" and len(e.codes) > 1))
        for name, method in _names(e):
            key = name_key(name)
            if not key:
                continue
            exact_h.append(key_hash(key))
            exact_v.append(number * 8 + _TYPE[method])
            if method is Method.DEMONYM:
                continue
            shorter = region_bases(key) if areal else {settlement_base(key) or key}
            if (e.kind is Kind.CITY and method is Method.NAME and important
                    and (head := town_head(key)) is not None):
                # "Talavera" for Talavera de la Reina: a town people name for short, by its
                # own name and if notable (not Carrizal de Bravo, nor a Königsberg in der
                # Neumark by an old name of its)
                shorter = {*shorter, head}
            if (method is Method.NAME and e.source == ranking.CURATED_SOURCE
                    and (bare := _unqualified(name)) is not None):
                shorter = {*shorter, bare}  # "Humaita" for Humaitá (Paraguay)
            for other in shorter - {key}:
                exact_h.append(key_hash(other))
                exact_v.append(number * 8 + _TYPE[Method.REGION])
            if cls is not None:
                base = _feature_base(key)
                exact_h.append(key_hash(feature_key(_name_class(cls, key), base)))
                exact_v.append(number * 8 + _TYPE[Method.KIND])
                if (bare := without_article(base)) is not None:
                    exact_h.append(key_hash(feature_key(_name_class(cls, key), bare)))
                    exact_v.append(number * 8 + _TYPE[Method.KIND])
                if base != key and named_bare and cls not in ("district", "site"):
                    # "Sigonella", "Al Udeid", "Bagram": a base by its bare name
                    exact_h.append(key_hash(base))
                    exact_v.append(number * 8 + _TYPE[Method.KIND])
                    if base.isascii():
                        vocab_fuzzy[base] = vocab_fuzzy.get(base, False)
            if key.isascii() and not bulk:
                first = method is Method.NAME
                vocab_fuzzy[key] = vocab_fuzzy.get(key, False) or important or first
            if important and (method is Method.NAME or e.kind is not Kind.CITY or big):
                suggest.setdefault(key, e.name)
        for code in e.codes:
            exact_h.append(key_hash(code_key(code)))
            exact_v.append(number * 8 + _TYPE[Method.CODE])
    _write_table(folder, "exact", exact_h, exact_v, _static_rank(entries, exact_v))
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
    (folder / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    by_length = sorted(suggest.items(), key=lambda kv: (len(kv[0]), kv[0]))
    _write_strings(folder, "suggest", [f"{k}\x1f{v}" for k, v in by_length])
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
        start, stop = self._offsets[number : number + 2].tolist()
        return self._blob[start:stop]

    def __getitem__(self, number: int) -> str:
        return self.raw(number).decode("utf-8")


class _Table:
    """A memory-mapped hash -> values table (compressed sparse rows, with a directory)."""

    def __init__(self, folder: Path, name: str) -> None:
        self._keys = _load(folder / f"{name}.keys.npy")
        self._starts = _load(folder / f"{name}.starts.npy")
        self._values = _load(folder / f"{name}.values.npy")
        self._directory = _load(folder / f"{name}.dir.npy")
        self._shift = 64 - int(self._directory.shape[0] - 1).bit_length() + 1

    def _position(self, h: int) -> int:
        """Where hash ``h`` is in ``keys``, or -1."""
        b = h >> self._shift
        lo, hi = self._directory[b : b + 2].tolist()
        for i, key in enumerate(self._keys[lo:hi].tolist(), start=lo):
            if key == h:
                return i
        return -1

    def get(self, key: str, limit: int | None = None) -> list[int]:
        i = self._position(key_hash(key))
        if i < 0:
            return []
        start, stop = self._starts[i : i + 2].tolist()
        if limit is not None:
            stop = min(stop, start + limit)
        return self._values[start:stop].tolist()  # type: ignore[no-any-return]

    def first(self, key: str) -> int | None:
        """The first value of ``key``, or None if the table does not have it."""
        i = self._position(key_hash(key))
        return None if i < 0 else int(self._values[self._starts[i]])

    def get_many(self, keys: Iterable[str]) -> set[int]:
        """Every value of any of ``keys`` (vectorised: for the dozen variants of a typo)."""
        hashes = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)
        buckets = (hashes >> np.uint64(self._shift)).astype(np.int64)
        lo, hi = self._directory[buckets], self._directory[buckets + 1]
        out: set[int] = set()
        for offset in range(int((hi - lo).max(initial=0))):
            inside = lo + offset < hi
            positions = (lo + offset)[inside]
            for i in positions[self._keys[positions] == hashes[inside]].tolist():
                start, stop = self._starts[i : i + 2].tolist()
                out.update(self._values[start:stop].tolist())
        return out


class Index:
    """A gazetteer index opened from its folder; see the module docstring for its tables."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text())
        self._places = _load(folder / "places.npy")
        self._names = _Strings(folder, "names")
        self._ids = _Strings(folder, "ids")
        self._vocab_list: list[str] | None = None
        self._geoms = _Strings(folder, "geoms")
        self._exact = _Table(folder, "exact")
        self._phonetic = _Table(folder, "phonetic")
        self._deletes = _Table(folder, "deletes")
        self._id_table = _Table(folder, "ids")
        self._sources: list[str] = self.manifest["sources"]
        self._admin1: list[str] = self.manifest["admin1"]
        self._cache: dict[int, Place] = {}
        self._best: dict[str, int | None] = {}  # best_exact's answers (the extractor asks often)
        self._suggest: tuple[list[str], list[str], list[int]] | None = None
        # per set of kinds: its places, their order by latitude, their latitudes in that order
        self._by_kinds: dict[tuple[int, ...], tuple[npt.NDArray[np.intp], npt.NDArray[np.intp],
                                                    npt.NDArray[Any]]] = {}

    def __len__(self) -> int:
        return int(self._places.shape[0])

    def place(self, number: int) -> Place:
        """The place with this number (cached: places are immutable)."""
        cached = self._cache.get(number)
        if cached is not None:
            return cached
        lat, lon, population, kind, country, admin1, source, geom = self._places[number].item()
        polygon = None
        if geom >= 0:
            import shapely

            polygon = shapely.from_wkb(self._geoms.raw(geom))
        place = Place(
            id=self._ids[number],
            name=self._names[number],
            lat=lat,
            lon=lon,
            country=country.decode("ascii") or None,
            admin1=self._admin1[admin1] if admin1 >= 0 else None,
            kind=_KINDS[kind],
            population=population if population >= 0 else None,
            source=self._sources[source],
            polygon=polygon,
        )
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[number] = place
        return place

    def best_exact(self, key: str) -> int | None:
        """The number of the best place (ranked without hints) with a name keyed ``key``
        (remembered: the extractor asks it of each capitalised name in a slot of a move)."""
        if key in self._best:
            return self._best[key]
        value = self._exact.first(key)
        if len(self._best) > 100_000:
            self._best.clear()
        number = self._best[key] = None if value is None else value >> 3
        return number

    def exact(self, key: str, limit: int | None = None) -> list[tuple[int, Method]]:
        """Places with a name whose key is ``key``, best first: (number, how it matched)."""
        return [(v >> 3, NAME_TYPES[v & 7]) for v in self._exact.get(key, limit)]

    @property
    def _vocab(self) -> list[str]:
        # Decoded in one go on the first loose lookup (some 20 ms), then indexed directly.
        if self._vocab_list is None:
            self._vocab_list = (self.folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        return self._vocab_list

    def phonetic(self, skel: str) -> list[str]:
        """Latin keys with this consonant skeleton."""
        vocab = self._vocab
        return [vocab[i] for i in self._phonetic.get(skel)]

    def near_misses(self, key: str) -> list[str]:
        """Typo-tolerant keys that share a one-deletion variant with ``key``."""
        if len(key) not in _FUZZY_LENGTHS or not key.isascii():
            return []
        vocab = self._vocab
        return [vocab[i] for i in self._deletes.get_many((key, *deletes(key)))]

    def nearest_of_kinds(
        self, kinds: frozenset[Kind], lat: float, lon: float, radius_km: float, limit: int = 3
    ) -> list[tuple[int, float]]:
        """Places of these kinds within ``radius_km`` of a point, nearest first: (number, km)."""
        from movemap.sphere import EARTH_RADIUS_KM

        codes = tuple(sorted(_KINDS.index(k) for k in kinds))
        table = self._by_kinds.get(codes)
        if table is None:
            every = np.flatnonzero(np.isin(self._places["kind"], codes))
            by_lat = np.argsort(self._places["lat"][every], kind="stable")
            table = self._by_kinds[codes] = (every, by_lat, self._places["lat"][every][by_lat])
        every, by_lat, lats = table
        # Only the places in the band of latitudes the radius reaches (a degree of latitude
        # is the same length everywhere) are measured, in their order in the index: the
        # distances and the order of ties are those of measuring every place.
        reach = math.degrees(radius_km / EARTH_RADIUS_KM) + 0.01
        low = int(np.searchsorted(lats, lat - reach, side="left"))
        high = int(np.searchsorted(lats, lat + reach, side="right"))
        numbers = every[np.sort(by_lat[low:high])]
        if not numbers.size:
            return []
        la = np.radians(self._places["lat"][numbers])
        lo = np.radians(self._places["lon"][numbers])
        la0, lo0 = np.radians(lat), np.radians(lon)
        h = (np.sin((la - la0) / 2) ** 2
             + np.cos(la) * np.cos(la0) * np.sin((lo - lo0) / 2) ** 2)
        km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
        inside = np.flatnonzero(km <= radius_km)
        best = inside[np.argsort(km[inside], kind="stable")[:limit]]
        return [(int(numbers[i]), float(km[i])) for i in best]

    def find_id(self, place_id: str) -> int | None:
        """The number of the place with this id, if the index has it."""
        for number in self._id_table.get(place_id):
            if self._ids[number] == place_id:
                return number
        return None

    def _suggest_names(self) -> tuple[list[str], list[str], list[int]]:
        if self._suggest is None:
            strings = _Strings(self.folder, "suggest")
            pairs = [strings[i].partition("\x1f") for i in range(len(strings))]
            keys = [k for k, _, _ in pairs]
            self._suggest = (keys, [n for _, _, n in pairs], [len(k) for k in keys])
        return self._suggest

    def well_known(self, length: int, spread: int) -> tuple[list[str], list[str]]:
        """(keys, display names) of well-known places whose key length is within ``spread``.

        Well known: the canonical names of towns of 15,000 or more, every name of towns of
        100,000 or more and of regions, countries and sites. Used for "did you mean" and for
        the last, slowest search.
        """
        keys, names, lengths = self._suggest_names()
        lo = bisect.bisect_left(lengths, length - spread)
        hi = bisect.bisect_right(lengths, length + spread)
        return keys[lo:hi], names[lo:hi]
