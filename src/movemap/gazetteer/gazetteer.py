"""The gazetteer: resolve place names to places, alone or together, offline.

Lookups run in tiers, strict to loose, and stop at the first tier that finds anything:

0. a name that says its kind (``Engels air base``, ``port of Vostochny``, ``Kursky raion``,
   ``Kursk NPP``): a place of that kind so named, else the nearest one to each place X may
   be (the other names of a batch choose), else X itself flagged as a fallback, never a town
   elsewhere;
1. the folded name, canonical, alternate, former, abbreviation or demonym, in any script
   (``name_key``), and for a name in capitals of three to five characters, airport codes
   (ICAO, IATA) and port codes (UN/LOCODE);
2. for a name with generic words (``Kursk Oblast``), the base name among regions; a bare
   name no place bears, an airport or port named for it (``Kiska``: Kiska Army Airfield);
3. other romanisations (consonant skeleton) and typos (one deletion on either side);
4. a similarity scan of the better-known names, for typos in other scripts.

The candidates of the winning tier are ranked (see ``ranking``); names resolved together
(``resolve_all``) pull each other's candidates closer and toward the countries the others
agree on, which is how ``Blagoveshchensk`` beside ``Khabarovsk`` is the city on the Amur and
beside ``Ufa`` the town in Bashkortostan. A loose match (typo, romanisation) is refused, with
suggestions, when it scores below ``FUZZY_ACCEPT`` or lands in a country none of the other
names is in; when a loose match is accepted, its candidate says it is not confident. A
winner that does not fit its batch (far from the others and in none of their countries) is
marked in doubt (``Candidate.doubt``), and so is, alone or in a batch, a quarter of a city
found by a second name unlike its own (``_unlike_district``).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from movemap.countries import country_name
from movemap.errors import InvalidValueError, PlaceNotFoundError
from movemap.gazetteer.cache import open_index
from movemap.gazetteer.index import KIND_CLASSES, Index, code_key
from movemap.gazetteer.lists import (
    CHINESE_COUNTRIES,
    KIND_CONTEXT_LIFT,
    KIND_READINGS,
    NAMED_METHODS,
    NO_PULL_METHODS,
    doubt_namesakes_beside,
    read_base_list,
    read_joined_text,
    read_old_style_text,
)
from movemap.gazetteer.normalize import (
    COMPASS_WORDS,
    DEMONYM_ENDINGS,
    QUALIFIER_WORDS,
    airfield_base,
    demonym_bases,
    direction_phrase,
    feature_key,
    garrison_base,
    kind_phrase,
    name_key,
    region_bases,
    seat_keys,
    settlement_base,
    skeleton,
    split_generic,
)
from movemap.gazetteer.overlay import OverlayRow, read_overlay
from movemap.gazetteer.parts import (
    BEARINGS,
    offset_from,
    offset_of,
    part_of,
    seat_district,
    split_derived_id,
)
from movemap.gazetteer.place import (
    AREAL,
    LOOSE_METHODS,
    RIVER_ID_PREFIX,
    Candidate,
    Kind,
    Method,
    Place,
    Resolution,
    outline_holds,
)
from movemap.gazetteer.ranking import (
    AREA_NAME_SHARE,
    CANONICAL_PART,
    CLOSE_CONTEXT,
    CONTEXT_SCALE_KM,
    CONTEXT_WEIGHT,
    NO_CONTEXT,
    NO_HINTS,
    NOTABLE_POPULATION,
    REGION_ABROAD_TOWN,
    SAME_PLACE_KM,
    SCAN_BELOW,
    WEAK_LEAD,
    Context,
    Hints,
    Hit,
    Ranker,
    rank,
)
from movemap.gazetteer.romanization import JOINED_COUNTRIES, joined_readings, pinyin_readings
from movemap.sphere import EARTH_RADIUS_KM, haversine_km, unit_rows

if TYPE_CHECKING:
    import geopandas

__all__ = ["DESCRIBED_KM", "FUZZY_ACCEPT", "OUTLIER_KM", "Gazetteer", "Near", "Query",
           "default_gazetteer", "resolve"]

log = logging.getLogger(__name__)

Near = tuple[float, float] | str | Place
"""Where to look: ``(lat, lon)``, a place name, or a :class:`Place`."""


class Query(NamedTuple):
    """A name to resolve, with its own country hint (ISO alpha-2 or a country name)."""

    name: str
    country: str | None = None

_AREAL = AREAL
_LOOSE = LOOSE_METHODS
FUZZY_ACCEPT = 0.85
"""A typo match less similar than this is refused (reported unresolved, with suggestions)."""
_CODE = re.compile(r"^[A-Z0-9]{3,5}$")  # IATA, ICAO, UN/LOCODE (written in capitals)
# How near a place named like a kind phrase must lie to a place of that kind to be it (the
# town of Dutch Harbor at its port), in km.
_SAME_SITE_KM = 25.0
_FACILITY_CLASSES = ("site", "power")
"""Kind classes of facilities (see ``KIND_CLASSES``), found only by a name of their own."""
# How far from X a place of the kind may be for "X air base" and the like, in km.
_KIND_RADIUS_KM = {"air": 60.0, "port": 40.0, "bridge": 30.0, "pass": 60.0, "crossing": 40.0,
                   "beach": 30.0, "island": 60.0, "district": 40.0}
# "X airport" (``Gazetteer._served_first``): the kind class and the words that name a town's
# airport (an air base's own name, "Langley Air Force Base", is the base's, whatever else is
# called Langley); how much larger than the largest town of the name near an airport named
# for X the town X means must be, and how many towns near it are looked at; how far behind
# an airport named for no town there comes
_SERVED_CLASSES = frozenset({"air"})
_SERVED_WORDS = (" airport", " airports")
_SERVED_SHARE, _TOWNS_LOOKED = 10, 40
_UNSERVED_LAG = 0.3
_TOWN_KINDS = frozenset({Kind.CITY})
# How many features near X are looked at for "X airport" and the like (the nearest in X's
# country kept), and a pad for helicopters, which is no town's airport.
_NEAR_LOOKED, _NEAR_KEPT = 40, 5
_HELIPAD = re.compile(r"(?i)heli(?:port|pad|stop|deck)")
_KIND_LABEL = {"air": "airport or air base", "port": "port or naval base", "bridge": "bridge",
               "pass": "pass", "crossing": "border crossing", "beach": "beach",
               "island": "island", "district": "district"}
_PLAIN_LIMIT = 16
_FEATURE_MARK = feature_key("", "")[0]  # what the keys of features named for X begin with
# Kind classes whose features stand for the bare name they are named for when no place bears
# it (see ``Gazetteer._bare_feature_hits``): those of the bulk sources (airports, sea ports),
# whose bare names the index leaves out; curated features and air bases are found by theirs.
_BARE_CLASSES = ("air", "port", "power")
COMPOUND_KM = 60.0
"""How far from the town it names an airfield or port named as ``Town-Feature`` may lie
(Malpensa is 40 km from Milan)."""
OLD_STYLE_MIN_POPULATION = 20_000
_COMPOUND_KINDS = frozenset({Kind.AIRPORT, Kind.AIRBASE, Kind.PORT, Kind.NAVAL_BASE})
_COMPOUND_TOWNS, _COMPOUND_FEATURES = 5, 60
# Words that qualify a feature without naming it ("Town International"): as the rest of a
# ``Town-Feature`` name they pick a feature near the town only when its name bears the town's.
_QUALIFIERS = QUALIFIER_WORDS
DESCRIBED_KM = 300.0
"""An answer that stands for a feature by a name alone (a town named like one, the nearest of
its kind to X) this far from every other place of a batch is in doubt (see
``_doubt_described_towns``): twice the reach of "among the other places"."""
# What "Camp X" or "Fort X" may be when the data has a place named X (not the full name).
_GARRISON_KINDS = frozenset({Kind.SITE, Kind.AIRBASE, Kind.NAVAL_BASE})
# "X airport": the places X may be, up to this many within this score of the first.
_KIND_BASES, _KIND_BASE_MARGIN = 5, 0.3
# A town this large speaks for itself in any text, however far from its scene
_WORLD_CITY = 500_000
OUTLIER_KM = 1000.0
"""A winner this far from every other place of a batch, in none of their countries, is in
doubt (unless a large town or the only feature of its name): see ``_doubt_outliers``."""
FEATURE_OUTLIER_KM = 500.0
"""... and a small feature of a kind the data lists only in part (an island, a beach, a site
not in the power plant database) this far, by a name that says its kind: a text about a
region names its own islands and beaches, which the data may lack (Hart Island of Nova
Scotia, not the one of New York, 960 km from Halifax)."""
_PARTLY_LISTED = frozenset({Kind.ISLAND, Kind.BEACH, Kind.SITE})
_OUTLIER_COSINE = np.cos(OUTLIER_KM / EARTH_RADIUS_KM)  # of unit vectors that far apart
_OUTLIER_MIN_OTHERS = 2
_STRAY_MIN_CORE, _STRAY_RATIO = 4, 3.0
_SELF_COSINE = np.cos(0.5 / EARTH_RADIUS_KM)  # points half a km apart are one place
_NOTABLE_POPULATION = NOTABLE_POPULATION
# The letters a name closed up into one word must have to be looked up so (``Vera Cruz``).
_CLOSED_UP_MIN = 6
# the areas a spaced or hyphenated name finds written as one word (Trans-Jordan: Transjordan,
# the former name of Jordan)
_CLOSED_UP_AREAS = frozenset({Kind.COUNTRY})
# a one-word name at least this long finds towns of at least this many people whose name is
# it written in two words (Montecristi: San Fernando de Monte Cristi)
_SPLIT_UP_MIN, _SPLIT_UP_POPULATION = 8, 10_000
# ... not where names are written syllable by syllable (Qing Zhou, a Chinese reading of
# Cheongju's name, is no reading of Qingzhou)
_SYLLABLE_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "JP", "VN"})
# Kinds of feature whose sources list them all, the world over (airportsdata, OurAirports):
# the only one of a name among them is the one a text means, however far it is.
_FULLY_LISTED = frozenset({Kind.AIRPORT, Kind.AIRBASE})
_CORE_CANDIDATES = 500
# A name whose winner leads by this much without context is an anchor for the others.
_ANCHOR_MARGIN = 0.08
_ANCHOR_RATIO = 50  # ... or is this many times larger than the next (Kabul, not Kābūl)
_SAME_KM = SAME_PLACE_KM
_CONTEXT_AREAS = frozenset({Kind.REGION, Kind.DISTRICT})
# Another romanisation must be this similar, or nearly as similar with the same first letter:
# Busan/Pusan (0.80) and Zaporozhye/Zaporizhzhia (0.64) pass, Xyzzyville/Kaysville (0.63) not.
_PHONETIC_SURE, _PHONETIC_MIN = 0.75, 0.6
_APPROXIMATE_LIMIT = 10
# 1.5 * 0.2: the most population and kind can make up for (ranking's match part is steep).
_APPROXIMATE_MARGIN = 0.2
# Places kept of each name found by a loose search: a typo is about the name, not about the
# twentieth village of that name.
_PER_NEAR_NAME = 3
_CLOSE_ENOUGH = 0.9
# Words for a second-level unit that cannot mean a first-level one (unlike "district").
_STRICT_DISTRICT_WORDS = frozenset({"raion", "rayon", "район", "муниципальный район"})
# Where district names are adjectives of their seat town (Sudzhansky, Bakhmutskyi).
_ADJECTIVAL_DISTRICTS = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "MD"})
# Initials news writes for a direction: "S. Korea", "N. Ireland".
_INITIALS = {"n": "north", "s": "south", "e": "east", "w": "west"}
# Words of a place name that reports abbreviate ("St Vincent", "Mt Kenya", "Ft Worth",
# "Sault Ste Marie"), as the data spell them out; "pt" is a point or a port.
ABBREVIATED_WORDS: dict[str, tuple[str, ...]] = {
    "st": ("saint",), "ste": ("sainte",), "mt": ("mount",), "ft": ("fort",),
    "pt": ("point", "port"),
}
# A namesake this many times larger than the winner makes a win by context alone doubtful.
_DOUBT_RATIO = 100
# ... or this many times larger, unless the other places lie close around the winner.
_CONTEXT_WIN_RATIO = 10
_CLOSE_CONTEXT = CLOSE_CONTEXT
# The share of the other places that makes their country "where the text is".
_DOUBT_SHARE = 0.6
# A small town whose country less than this share of the others are in, ahead by less than
# _WEAK_LEAD of a namesake at least a _WEAK_RATIO-th of its size elsewhere, is in doubt.
_WEAK_SHARE, _WEAK_LEAD, _WEAK_RATIO = 0.5, WEAK_LEAD, 10
# A place this close to at least two and half of the other places lies among them.
_AMONG_KM = 150.0
_HOME_POINTS = 3
_REGION_TOWN_MIN = REGION_ABROAD_TOWN
# Candidates of each other name looked at for a namesake among them.
_AMONG_CANDIDATES = 20
# The context part of a place whose mean distance to the other places is about 1,500 km.
_FAR_CONTEXT = 0.02
# A town within this of a town this many times its size is a part of that city (a
# district, a suburb); two Latin names less alike than UNLIKE_RATIO (rapidfuzz ratio,
# 0-100) are two names, not two spellings of one. See ``_unlike_district``.
_DISTRICT_KM, _DISTRICT_RATIO, UNLIKE_RATIO = 20.0, 10, 50.0
# how many exact hits of a direction-and-kind name are looked at for a town of that name
_COMPASS_NAMES = 20
_DISTRICT_TOWNS = 1000  # the towns within _DISTRICT_KM looked at (a city lists many parts)
# Nouns after a demonym that make the phrase an attribution: "Russian forces".
_DEMONYM_PHRASE_MAX_WORDS = 3
# what a people's adjective may name as a place of its own (Italian Libya, Dutch Borneo, the
# Swiss Alps); any other area only in the adjective's own country (Swedish Lapland), and never
# a common word that some area somewhere is called (the Libyan coast, the Iraqi capital)
_NAMED_AFTER_RULER = frozenset({Kind.COUNTRY, Kind.MACRO_REGION, Kind.ISLAND})
_COMMON_AFTER_PEOPLE = frozenset((
    "north", "south", "east", "west", "centre", "center", "capital", "coast", "delta",
    "plateau", "islands", "island", "border", "frontier", "interior", "highlands", "lowlands",
    "mountains", "desert", "steppe", "plain", "plains", "lakes", "sea", "waters", "far east",
    "middle east", "near east", "riviera", "alps"))
# Words that end the name of a feature of its own after a people's word (``Indian Key``,
# ``Russian River``, ``French Creek``): that feature, not the people's country
# (natural features only: "Russian territory", "a Syrian town", "the Russian fort" are the
# people's country, read as attribution)
_FEATURE_AFTER_PEOPLE = frozenset((
    "key", "keys", "river", "creek", "brook", "lake", "bay", "cove", "harbor", "harbour",
    "point", "head", "hill", "hills", "mound", "springs", "spring", "wells", "gulch", "fork",
    "ridge", "rock", "rocks", "bluff", "knob", "landing", "ford", "gap", "peak", "canyon",
    "falls", "rapids", "valley", "mountain", "mountains", "island", "islands", "lakes", "beach",
    "flat", "flats", "mesa", "butte", "lagoon", "narrows", "bayou", "glacier", "reef", "shoal",
    "shoals", "meadow", "meadows", "prairie", "grove"))
# A power plant's words that say its fuel: "Spencer Dam" is no thermal plant of Spencer
_PLANT_WORD_FUELS = (
    (re.compile(r"\b(?:dam|hpp|hes|hydro\w*|гэс|плотина|дамба|гребля)\b"), "hydro"),
    (re.compile(r"\b(?:npp|nuclear|atomic|аэс)\b"), "nuclear"),
    (re.compile(r"\b(?:tpp|thermal|chp|тэц)\b"), "thermal"),
)


_PLANT_ID = "gppd:"  # the ids of the Global Power Plant Database's plants (gppd:UA-hydro-...)


def _plant_fuel(place: Place) -> str | None:
    """The fuel of a power plant of the database, which its id says; None for any other
    place."""
    if not place.id.startswith(_PLANT_ID):
        return None
    return place.id[len(_PLANT_ID):].split("-", 2)[1]


def _plant_fits(place: Place, key: str) -> bool:
    """Whether a power plant of the database is of the fuel the words of ``key`` name, if
    they name one; any other place fits."""
    fuel = _plant_fuel(place)
    return fuel is None or all(fuel == wanted for words, wanted in _PLANT_WORD_FUELS
                               if words.search(key))


_SCAN_CUTOFF = 85.0
# The compass words of a name: a close spelling or another romanisation that names another
# part of the world (West Timor is not East Timor, South Ossetia not South East England) is
# no match. See ``_same_compass``.
_COMPASS = re.compile(r"\b(?:north|south|east|west)(?:ern)?\b")
_SUGGEST_CUTOFF = 50.0
_MEMO_SIZE = 100_000


def _word(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _distinct_parts(key: str, other: str) -> tuple[str, str] | None:
    """Two folded names without the words they share at their start and at their end (a
    plural read as its singular: ``batu islands`` and ``attu island`` share their last),
    or None when they share none or nothing else is left of one of them."""
    mine, theirs = key.split(), other.split()
    shared = False
    while len(mine) > 1 and len(theirs) > 1 and _word(mine[0]) == _word(theirs[0]):
        mine, theirs, shared = mine[1:], theirs[1:], True
    while len(mine) > 1 and len(theirs) > 1 and _word(mine[-1]) == _word(theirs[-1]):
        mine, theirs, shared = mine[:-1], theirs[:-1], True
    return (" ".join(mine), " ".join(theirs)) if shared else None


# English spellings of long vowels in names written down by ear (British India's Moodkee
# and Mooltan for Mudki and Multan, Poona for Pune): read as the one vowel they stand for
_LONG_VOWELS = (("oo", "u"), ("ee", "i"))
_BY_EAR_SHARE = 0.85


def _names_a_served_kind(cls: str, key: str) -> bool:
    """Whether ``key`` names a town's airport by the word for it (``_SERVED_WORDS``)."""
    return cls in _SERVED_CLASSES and key.endswith(_SERVED_WORDS)


def _by_ear(key: str) -> str:
    """``key`` with its long vowels spelled by ear read as the one vowel (``_LONG_VOWELS``):
    ``moodkee`` is ``mudki``."""
    for spelled, vowel in _LONG_VOWELS:
        key = key.replace(spelled, vowel)
    return key


def _likeness(key: str, other: str, *, score_cutoff: float | None = None,
              **_rapidfuzz_options: object) -> float:
    """``fuzz.ratio`` of two folded names, or, when either spells a long vowel by ear, that
    of the two read by ear (``_by_ear``) at ``_BY_EAR_SHARE`` of its value, whichever is
    higher: Moodkee is Mudki, not Modakeke; a reading by ear never counts as much as the
    spelling itself, so a one-letter typo still wins (Geelon is Geelong, not Gilon). Called
    by ``rapidfuzz.process`` as a scorer (its other options are not used)."""
    plain = fuzz.ratio(key, other)
    if "oo" in key or "ee" in key or "oo" in other or "ee" in other:
        plain = max(plain, _BY_EAR_SHARE * fuzz.ratio(_by_ear(key), _by_ear(other)))
    return plain if score_cutoff is None or plain >= score_cutoff else 0.0


def _rest_alike(key: str, other: str, method: Method) -> bool:
    """Whether a loose match of two folded names that share a word at their start or end
    (``lake khasan`` and ``lake zaysan``, ``bubiyan island`` and ``boyne island``) holds on
    what is left of them: a shared word (a kind, ``lake``, ``port``, ``new``) makes any two
    such names look alike as wholes. A typo may change ``_max_edits`` letters of the rest
    (``avon cetner``), another romanisation keep ``_PHONETIC_MIN`` of its likeness
    (``sheikh zuweid``); names that share no word are judged whole, as before."""
    parts = _distinct_parts(key, other)
    if parts is None:
        return True
    if method is Method.PHONETIC:
        return _likeness(*parts) >= 100 * _PHONETIC_MIN
    return OSA.distance(*parts) <= _max_edits(parts[0])


def _same_compass(key: str, other: str) -> bool:
    """Whether two folded names do not differ in their compass words (``north``,
    ``western``...): a loose match may change a letter of a name, not the quarter it names.
    A name without a whole compass word (``Northen Ireland``) may still match one with."""
    if ("th" not in key and "st" not in key) or ("th" not in other and "st" not in other):
        return True
    mine = sorted(w.removesuffix("ern") for w in _COMPASS.findall(key))
    theirs = sorted(w.removesuffix("ern") for w in _COMPASS.findall(other))
    return mine == theirs or not mine or not theirs


def _max_edits(key: str) -> int:
    return 1 if len(key) <= 5 else 2


def _near_key(near: Near | None) -> Near | None:
    """``near`` as a dictionary key: a point given as a list becomes a tuple."""
    if near is None or isinstance(near, (str, Place)):
        return near
    return float(near[0]), float(near[1])


class _Overlays:
    """Users' overlay files, held in memory on top of the reference index."""

    def __init__(self, paths: Sequence[str | Path], index: Index) -> None:
        self.places: dict[str, Place] = {}
        self.names: dict[str, list[tuple[str, bool]]] = {}
        self.paths = [str(p) for p in paths]
        for path in self.paths:
            def is_known(place_id: str) -> bool:
                return place_id in self.places or index.find_id(place_id) is not None

            for row in read_overlay(path, is_known=is_known):
                self._add(row, path, index)

    def _add(self, row: OverlayRow, path: str, index: Index) -> None:
        old = self.places.get(row.id)
        if old is None and (number := index.find_id(row.id)) is not None:
            old = index.place(number)
        if old is None:
            assert row.name is not None and row.lat is not None and row.lon is not None
            place = Place(id=row.id, name=row.name, lat=row.lat, lon=row.lon,
                          country=row.country, admin1=row.admin1, kind=row.kind or Kind.SITE,
                          population=row.population, source=path)
        else:
            place = dataclasses.replace(
                old,
                name=row.name or old.name,
                lat=old.lat if row.lat is None else row.lat,
                lon=old.lon if row.lon is None else row.lon,
                country=row.country or old.country,
                admin1=row.admin1 or old.admin1,
                kind=row.kind or old.kind,
                population=old.population if row.population is None else row.population,
                source=path,
            )
        self.places[row.id] = place
        for position, name in enumerate((place.name, *row.alt_names)):
            key = name_key(name)
            if key:
                self.names.setdefault(key, []).append((row.id, position > 0))

    def exact(self, key: str) -> Iterator[tuple[Place, bool]]:
        for place_id, alternate in self.names.get(key, ()):
            yield self.places[place_id], alternate

    def regions(self, bases: Iterable[str]) -> Iterator[Place]:
        wanted = set(bases)
        for key, refs in self.names.items():
            if region_bases(key) & wanted:
                for place_id, _ in refs:
                    if self.places[place_id].kind in _AREAL:
                        yield self.places[place_id]

    def similar(self, key: str) -> Iterator[tuple[str, float]]:
        for other, similarity, _ in process.extract(
            key, list(self.names), scorer=fuzz.ratio, score_cutoff=_SCAN_CUTOFF, limit=5
        ):
            yield other, similarity / 100


class Gazetteer:
    """Resolves place names to places, offline, from GeoNames, Natural Earth and overlays.

    Parameters
    ----------
    overlays
        Paths of the user's overlay CSV files (see ``movemap.gazetteer.overlay``); later
        files win over earlier ones, and all of them over the reference data.
    cache_dir
        Where the index is kept; default: the user's cache folder or ``MOVEMAP_CACHE_DIR``.

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> gaz.resolve("Ch'ŏngjin").place.name
    'Chongjin'
    >>> [round(r.place.lat, 1) for r in gaz.resolve_all(["Blagoveshchensk", "Khabarovsk"])]
    [50.3, 48.5]
    """

    def __init__(
        self, overlays: Sequence[str | Path] = (), *, cache_dir: Path | None = None
    ) -> None:
        self._index = open_index(cache_dir)
        self._overlays = _Overlays(overlays, self._index)
        self.overlay_paths: tuple[str, ...] = tuple(str(path) for path in overlays)
        """The overlay files this gazetteer was opened with (to open it again elsewhere)."""
        # Resolutions are immutable and depend only on the arguments, so names that take the
        # slow paths (typos, hints) are answered from memory when they come again.
        self._memo: dict[tuple[str, str | None, Near | None, int | None], Resolution] = {}
        # A name's hits, and its candidates ranked with hints alone, depend on nothing else:
        # resolve_all() takes them from memory when a name comes again (a report names the
        # same places as the reports before it), and ranks only the context afresh.
        self._hits_memo: dict[str, tuple[tuple[Hit, ...], bool]] = {}
        self._rankers: dict[tuple[str, Hints], Ranker] = {}

    def __len__(self) -> int:
        return len(self._index) + sum(
            1 for place_id in self._overlays.places if self._index.find_id(place_id) is None
        )

    # -- one name ---------------------------------------------------------------------------

    def _exact(
        self,
        key: str,
        method: Method | None = None,
        similarity: float = 1.0,
        limit: int | None = None,
    ) -> list[Hit]:
        """Places with a name whose key is ``key``; ``method`` overrides name/alternate.

        ``limit`` keeps the best few of the reference data (the index holds them in order).
        """
        patches = self._overlays.places
        hits = []
        for number, found in self._index.exact(key, limit):
            place = self._index.place(number)
            how = method or found
            patched = patches.get(place.id) if patches else None
            if patched is None:
                hits.append(Hit(place, how, key, similarity, False))
            else:
                hits.append(Hit(patched, how, key, similarity, True))
        for place, alternate in self._overlays.exact(key):
            how = method or (Method.ALTERNATE if alternate else Method.NAME)
            hits.append(Hit(place, how, key, similarity, True))
        return hits

    def _regions(self, key: str) -> list[Hit]:
        bases = region_bases(key)
        hits = [
            hit for base in bases
            for hit in self._exact(base, Method.REGION) if hit.place.kind in _AREAL
        ]
        hits.extend(Hit(p, Method.REGION, key, 1.0, True) for p in self._overlays.regions(bases))
        return hits

    def _approximate(self, key: str) -> list[Hit]:
        found: dict[str, tuple[Method, float]] = {}
        skel = skeleton(key)
        if skel and len(skel) >= 2:
            bucket = self._index.phonetic(skel)
            for other, similarity, _ in process.extract(
                key, bucket, scorer=_likeness, score_cutoff=100 * _PHONETIC_MIN,
                limit=_APPROXIMATE_LIMIT * 3,
            ):
                if similarity >= 100 * _PHONETIC_SURE or other[0] == key[0]:
                    found[other] = (Method.PHONETIC, similarity / 100)
        if found and max(similarity for _, similarity in found.values()) >= _CLOSE_ENOUGH:
            near_misses = []  # a romanisation this close leaves typos nothing to add
        else:
            near_misses = self._index.near_misses(key)
        for other in near_misses:
            if OSA.distance(key, other) <= _max_edits(key):
                similarity = fuzz.ratio(key, other) / 100
                if other not in found or found[other][1] < similarity:
                    found[other] = (Method.FUZZY, similarity)
        found = {other: how for other, how in found.items()
                 if _rest_alike(key, other, how[0])}
        best = sorted(((other, how) for other, how in found.items()
                       if _same_compass(key, other)),
                      key=lambda kv: -kv[1][1])[:_APPROXIMATE_LIMIT]
        # A name much less similar than the best one cannot win (see ranking): skip it.
        floor = best[0][1][1] - _APPROXIMATE_MARGIN if best else 1.0
        hits = [
            hit
            for other, (method, similarity) in best if similarity >= floor
            for hit in self._exact(other, method, similarity, _PER_NEAR_NAME)
        ]
        for other, similarity in self._overlays.similar(key):
            hits.extend(self._exact(other, Method.FUZZY, similarity))
        return hits

    def _scan(self, key: str) -> list[Hit]:
        keys, _ = self._index.well_known(len(key), max(2, len(key) // 4))
        match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=_SCAN_CUTOFF)
        if match is None or not _same_compass(key, match[0]):
            return []
        return self._exact(match[0], Method.FUZZY, match[1] / 100)

    def hits(self, name: str) -> tuple[list[Hit], bool]:
        """Every place that matches ``name`` in the first tier that finds any, unranked.

        Returns the hits and whether the name had generic administrative words.
        """
        known = self._hits_memo.get(name)
        if known is None:
            found, generic = self._find_hits(name)
            if len(self._hits_memo) >= _MEMO_SIZE:
                self._hits_memo.clear()
            known = self._hits_memo[name] = (tuple(found), generic)
        return list(known[0]), known[1]

    def _ranker(self, name: str, hints: Hints) -> Ranker:
        """The ranking of the hits of ``name`` with ``hints``, prepared for any context
        (``Ranker``), from memory when the name came before with the same hints."""
        memo = (name, hints)
        ranker = self._rankers.get(memo)
        if ranker is None:
            if len(self._rankers) >= _MEMO_SIZE:
                self._rankers.clear()
            hits, generic = self.hits(name)
            ranker = self._rankers[memo] = Ranker(hits, generic, hints)
        return ranker

    def _find_hits(self, name: str) -> tuple[list[Hit], bool]:
        key = name_key(name)
        if not key:
            return [], False
        found, generic = self._find_key_hits(name, key)
        if not found or any(h.method in _LOOSE for h in found):
            relative = self._relative_hits(name)
            if relative is not None:
                return relative
        qualified = self._qualified_hits(name)
        if found and all(h.method not in _LOOSE for h in found):
            if qualified:  # "Springfield, Illinois": the heliport by that name, and the town
                seen = {h.place.id for h in found}
                found += [h for h in qualified[0] if h.place.id not in seen]
            return found, generic
        if qualified is not None:
            return qualified
        # an abbreviated word spelled out ("St Vincent": Saint Vincent), when the name as
        # written matched only loosely or not at all
        for spelled in spelled_out(key):
            hits, spelled_generic = self._find_key_hits(name, spelled)
            if hits and all(h.method not in _LOOSE for h in hits):
                return hits, spelled_generic
        return found, generic

    def _relative_hits(self, name: str) -> tuple[list[Hit], bool] | None:
        """The hits of a place given by another: ``20 km east of Pokrovsk`` (a point at that
        distance and bearing from each place of the name, ``parts.offset_from``), ``near
        Kupiansk`` or ``the outskirts of Avdiivka`` (the place itself). None when the name
        is not of that shape: it is read as written."""
        offset = _OFFSET_PHRASE.match(name)
        if offset is not None:
            km = float(offset["n"].replace(",", ".")) * _UNIT_KM[_unit(offset["unit"])]
            written = offset["dir"].lower().replace("-", "").replace(" ", "")
            direction = _OFFSET_DIRECTIONS.get(written)
            if direction is None or not 0 < km <= _OFFSET_MAX_KM:
                return [], False  # an offset, but none to draw: not found, not a guess
            hits, generic = self.hits(offset["rest"])
            # from a town or a site: an area's centre is no point to measure from
            return [h._replace(place=offset_from(h.place, round(km, 1), direction))
                    for h in hits if h.place.kind not in _AREAL], generic
        vicinity = _VICINITY_PHRASE.match(name)
        if vicinity is not None:
            return self.hits(vicinity["rest"])
        return None

    def _qualified_hits(self, name: str) -> tuple[list[Hit], bool] | None:
        """The hits of a name qualified by the area it lies in, the way addresses and
        indexes write it: ``Paris, Texas``, ``Verdun, France``, ``Springfield, IL``,
        ``Perth (Scotland)``. Only the places of the first name that lie in the area (a
        country, a region, a district) are hits, so that the qualifier decides rather than
        weighs; none when no such place lies there (the name is then not found, and no
        namesake elsewhere is given in its stead). None when the name is not of that shape
        or its qualifier names no area: the name is read as written."""
        parts = _qualified_parts(name)
        if parts is None:
            return None
        head, tail = parts
        areas = [c.place for c in rank(self.hits(tail)[0], query=tail)
                 if c.method not in _LOOSE and c.place.kind in _QUALIFIER_KINDS]
        if not areas:
            return None
        hits, generic = self.hits(head)
        hits = [h for h in hits if h.method not in _LOOSE] or hits
        for area in areas:  # the reading of the qualifier that holds a place of the name
            inside = [h for h in hits if h.place.kind is not area.kind
                      and _qualifies(h.place, area)]
            if inside:
                return inside, generic
        return [], generic

    def _find_key_hits(self, name: str, key: str) -> tuple[list[Hit], bool]:
        if key.startswith("the ") and not self._index.exact(key, 1):
            key = key[4:]
        phrase = kind_phrase(key)
        if phrase is not None and phrase[1] in COMPASS_WORDS and any(
                h.method is Method.NAME for h in self._exact(key, limit=_COMPASS_NAMES)):
            phrase = None  # North Port, a Florida city: no port of a place called North
        if phrase is not None:
            found = self._kind_hits(key, *phrase)
            if found:
                return found, False
        garrison = garrison_base(key) if phrase is None else None
        if garrison is not None and not self._exact(key, limit=1):
            # "Camp Taji", "Fort Kabul" not in the data: a site at the town it names, or the
            # town itself with a warning, never a town found by spelling elsewhere
            found = self._garrison_hits(key, garrison)
            return found or self._not_towns(self._approximate(key)), False
        base, generic = split_generic(key)
        hits = self._exact(key)
        if phrase is None and not any(h.method is Method.NAME for h in hits):
            hits += self._with_article_hits(key, hits)
        if phrase is None and (field := airfield_base(key)) is not None:
            hits += self._field_hits(field, hits)
        old_style = self._romanised_hits(key, hits) if phrase is None else []
        joined = self._joined_hits(key, hits) if phrase is None else []
        if hits:
            hits += old_style + joined + self._closed_up_hits(key, hits, countries=False)
            hits += self._split_up_hits(key, hits)
        if _CODE.match(name.strip()):
            hits += self._exact(code_key(name.strip()))
        if not hits and (plain := settlement_base(key)) is not None:
            hits = [h for h in self._exact(plain) if h.place.kind not in _AREAL]
        if not any(h.method is Method.DEMONYM or h.place.kind in _AREAL for h in hits):
            hits += self._derived_demonym_hits(key)
        head, _, rest = key.partition(" ")
        if not hits and rest and head in _INITIALS:
            hits = self._exact(f"{_INITIALS[head]} {rest}")
        district = phrase[1] if phrase is not None and phrase[0] == "district" else None
        if not hits and district and key[len(district) + 1:] in _STRICT_DISTRICT_WORDS:
            hits = self._seat_hits(key, district)  # a raion is never the oblast
        if generic and not hits:
            hits = self._regions(key)
        elif generic:
            areal = [h for h in hits if h.place.kind in _AREAL]
            hits = areal or self._regions(key) or hits
        if not hits and district:
            hits = self._seat_hits(key, district)
        if not hits and generic:
            # A unit the data does not have (a governorate, a prefecture): its namesake town
            # stands for it, flagged as a fallback.
            word = key[len(base):].strip() or key[: key.index(base)].strip()
            hits = [Hit(h.place, Method.FALLBACK, word, 1.0, h.from_overlay)
                    for h in self._exact(base) if h.place.kind is Kind.CITY]
        if not hits and (part := direction_phrase(key)) is not None:
            hits = self._part_hits(*part)
        if not hits:
            hits = self._demonym_phrase_hits(key)
        if not hits and phrase is None:
            hits = self._bare_feature_hits(key)
        if not hits and phrase is None:
            hits = self._compound_feature_hits(key)
        if not hits:
            hits = old_style
        if not hits:
            hits = joined
        if not hits:
            hits = self._closed_up_hits(key, [], countries=True)  # Trans-Jordan
        if not hits:
            hits = self._approximate(key)
            if generic and not hits:
                base, _ = split_generic(key)
                hits = [h for h in self._approximate(base) if h.place.kind in _AREAL]
        if not hits:
            hits = self._scan(key)
        return hits, generic

    def _romanised_hits(self, key: str, found: list[Hit]) -> list[Hit]:
        """Chinese places that a name in an older romanisation stands for (``Hsuchow`` for
        Xuzhou, ``Pengpu`` for Bengbu; see ``romanization``), as other names of theirs,
        beside what the name finds as it is spelled (``found``): a town of that very
        spelling is one reading among them, and the text chooses (``read_old_style_text``).
        A town read so has ``OLD_STYLE_MIN_POPULATION`` people: China has countless villages
        whose pinyin names an old spelling happens to give."""
        readings = pinyin_readings(key)
        if not readings:
            return []
        seen = {h.place.id for h in found}
        hits = []
        for reading in sorted(readings):
            for hit in self._exact(reading, Method.ALTERNATE):
                place = hit.place
                if place.country in CHINESE_COUNTRIES and place.id not in seen and (
                        place.kind is not Kind.CITY
                        or (place.population or 0) >= OLD_STYLE_MIN_POPULATION):
                    seen.add(hit.place.id)
                    hits.append(hit)
        return hits

    def _joined_hits(self, key: str, found: list[Hit]) -> list[Hit]:
        """Places in Vietnam that a name written as one word names syllable by syllable
        (``Caobang`` for Cao Bằng, ``Thatkhe`` for Thất Khê; see ``joined_readings``), as
        other names of theirs, beside what the name finds as it is spelled (``found``: Hadong
        in Korea for Hà Đông): the text chooses. A town read so
        has ``OLD_STYLE_MIN_POPULATION`` people, as for the Chinese readings."""
        hits: list[Hit] = []
        seen = {h.place.id for h in found}
        for reading in sorted(joined_readings(key)):
            for hit in self._exact(reading, Method.ALTERNATE):
                place = hit.place
                if place.country in JOINED_COUNTRIES and place.id not in seen and (
                        place.kind is not Kind.CITY
                        or (place.population or 0) >= OLD_STYLE_MIN_POPULATION):
                    seen.add(place.id)
                    hits.append(hit)
        return hits

    def _closed_up_hits(self, key: str, found: list[Hit], countries: bool) -> list[Hit]:
        """Notable towns (``NOTABLE_POPULATION``) whose name is ``key`` written as one word,
        as other names of theirs, beside what the name finds as it is spelled (``found``):
        ``Vera Cruz``, the old English spelling of Veracruz, is also a Brazilian town of
        42,000; the text chooses. With ``countries``, for a name that matches nothing:
        countries so named instead (a former name stays one: Trans-Jordan is Transjordan,
        Jordan's; Monte Negro, a Brazilian town, is not Montenegro), a town so written being
        left to its sound, flagged."""
        if " " not in key and "-" not in key:
            return []
        closed = key.replace(" ", "").replace("-", "")
        if len(closed) < _CLOSED_UP_MIN:
            return []
        seen = {h.place.id for h in found}
        return [Hit(h.place, h.method if h.method is Method.FORMER else Method.ALTERNATE, key,
                    h.similarity, h.from_overlay)
                for h in self._exact(closed)
                if h.place.id not in seen and (
                    h.place.kind in _CLOSED_UP_AREAS if countries else
                    h.place.kind is Kind.CITY and (h.place.population or 0) >= _NOTABLE_POPULATION)]

    def _split_up_hits(self, key: str, found: list[Hit]) -> list[Hit]:
        """Towns of ``_SPLIT_UP_POPULATION`` or more (and features, not areas, nor in the
        countries that write names by syllables) whose name, or another name of theirs, is
        ``key`` written in two words or more, beside what the one word finds as it is
        spelled (``found``): ``Montecristi`` is a town of Ecuador by that spelling and San
        Fernando de Monte Cristi, the Dominican port, by another; the text chooses. (The
        way round, a spaced name written as one word, is ``_closed_up_hits``; a one-word
        name that finds nothing finds the spaced one by its sound.)"""
        if " " in key or "-" in key or len(key) < _SPLIT_UP_MIN or (
                (skel := skeleton(key)) is None):
            return []
        seen = {h.place.id for h in found}
        hits: list[Hit] = []
        for spaced in self._index.phonetic(skel):
            parts = spaced.replace("-", " ").split()
            if len(parts) < 2 or "".join(parts) != key:
                continue
            for h in self._exact(spaced, Method.ALTERNATE):
                if h.place.id not in seen and h.place.kind not in _AREAL and (
                        h.place.country not in _SYLLABLE_COUNTRIES) and (
                        h.place.kind is not Kind.CITY
                        or (h.place.population or 0) >= _SPLIT_UP_POPULATION):
                    seen.add(h.place.id)
                    hits.append(h)
        return hits

    def _field_hits(self, base: str, found: list[Hit]) -> list[Hit]:
        """Air bases named for ``base``, for a name written "X Field" (see
        ``normalize.airfield_base``): the old name of most American military airfields
        (Maxwell Field is Maxwell AFB, Pope Field Pope Army Air Field), beside what the name
        finds as it is spelled (``found``: a civilian "Maxwell Field" elsewhere, a town); the
        other names of the text choose, and alone the name is in doubt between them."""
        seen = {h.place.id for h in found}
        return [Hit(h.place, Method.KIND, h.matched, h.similarity, h.from_overlay)
                for h in self._exact(feature_key("air", base))
                if h.place.kind is Kind.AIRBASE and h.place.id not in seen]

    def _garrison_hits(self, key: str, base: str) -> list[Hit]:
        """Places for a camp or fort the data does not name in full (``Camp Taji``): a base
        or site that bears the name after the garrison word (the army airfield at Taji), else
        what ``X base`` finds (a site at X, or the town X itself as a flagged fallback)."""
        around, _ = self.hits(base)
        held = [Hit(h.place, Method.KIND, key, h.similarity, h.from_overlay) for h in around
                if h.place.kind in _GARRISON_KINDS and h.method in (Method.NAME, Method.ALTERNATE)]
        return held + self._kind_hits(key, "site", base)

    @staticmethod
    def _not_towns(hits: list[Hit]) -> list[Hit]:
        """The hits that are not towns (a camp's name read by spelling as a town is no camp)."""
        return [h for h in hits if h.place.kind is not Kind.CITY]

    def _with_article_hits(self, key: str, hits: list[Hit]) -> list[Hit]:
        """Places whose name is ``key`` with the Arabic article before it (``Anbar`` for
        Al Anbar, ``Qaim`` for Al Qa'im, ``Raqqah`` for Ar Raqqah), or with another form of
        it (``Al Rai`` for Ar Rāʿī), as other names of theirs, for a name no place bears as
        its own: reports drop the article or write it unassimilated, the data keeps it.
        The ranking then weighs them with what the name gave (Anbar is also another name of
        a village in Turkey)."""
        known = {h.place.id for h in hits}
        out: list[Hit] = []
        for article_key in _with_article(key):
            for hit in self._exact(article_key, Method.ALTERNATE):
                if hit.place.id not in known:
                    known.add(hit.place.id)
                    out.append(hit)
        return out

    def _kind_hits(self, key: str, cls: str, base: str) -> list[Hit]:
        """Places of kind class ``cls`` for a name such as ``Engels air base`` (see tier 0).

        Empty when the name is a plain name (a town called ``Pearl Harbor``) or, for districts,
        when none is known (the generic-word path then looks for the region).
        """
        kinds = KIND_CLASSES[cls]
        full = self._exact(key)
        river = key.endswith(" river") or key.startswith("river ")
        if river:
            # the river itself (``gazetteer.rivers``) before an area named after it (the
            # Sudanese state River Nile for "Nile River")
            streams = [h for h in full if h.place.id.startswith(RIVER_ID_PREFIX)]
            if streams:
                return streams
        hits = [h for h in full if h.place.kind in kinds]
        if hits and _names_a_served_kind(cls, key):
            return self._served_first(key, cls, base, hits)
        if hits or (full and cls in _FACILITY_CLASSES):
            return hits  # its full name, or a plain name (a town called "Green Bay")
        named = [h for h in self._exact(feature_key(cls, base)) if h.place.kind in kinds
                 and _plant_fits(h.place, key)]
        if cls == "district":
            return named
        if named and not full and _names_a_served_kind(cls, key):
            # (Sydney / J.A. Douglas McCurdy Airport, in Nova Scotia, is named for a Sydney)
            named = self._served_first(key, cls, base, named)
        if full:
            # the phrase is also a name of its own (El Puerto de Santa María, "Puerto de
            # Santa María" without its article, beside a port of Santa Maria far away): both,
            # for the ranking to choose; a place of the name where one of the kind lies
            # (Dutch Harbor, the town at its port) is that one; none of the kind, the name's
            # own places alone
            return [*named, *(h for h in full if all(
                haversine_km(h.place.lat, h.place.lon, n.place.lat, n.place.lon)
                > _SAME_SITE_KM for n in named))] if named else []
        if river:
            # a river is no town on it, no bridge over it, no region or people named like
            # it (the Limpopo river is not Limpopo province): only a place that bears the
            # river's own name
            return named
        around, _ = self.hits(base)
        if not around:
            return named
        bases = rank(around)
        best = bases[0]
        if best.place.kind in kinds:  # the base itself names one ("Kimpo" for Gimpo airport)
            return named + [h for h in around if h.place.kind in kinds]
        if best.method in (Method.FUZZY, Method.PHONETIC):
            return named  # X itself is a guess: no kind near a guess
        # Every place X may be, not only the first: the other names of a report choose
        # (Darwin airport among Goose Green and Stanley is not Darwin's in Australia).
        radius = _KIND_RADIUS_KM.get(cls, 0.0)
        out: list[Hit] = list(named)
        seen: set[str] = set()
        for candidate in bases:
            near = candidate.place
            if (len(seen) >= _KIND_BASES or near.id in seen
                    or best.score - candidate.score > _KIND_BASE_MARGIN):
                break
            if candidate.method in (Method.FUZZY, Method.PHONETIC):
                continue
            seen.add(near.id)
            if any(haversine_km(near.lat, near.lon, h.place.lat, h.place.lon) <= radius
                   for h in named):
                continue  # one named for it is there ("Perth airport" at Perth)
            hit = self._near_kind(key, cls, base, candidate, best)
            if hit is not None:
                out.append(hit)
        return out

    def _served_first(self, key: str, cls: str, base: str, hits: list[Hit]) -> list[Hit]:
        """``hits``, the airports whose whole name is ``key`` ("London Airport") or that are
        named for its base, with the town the bare name means first when it dwarfs the towns
        they serve (the first town of the name; Hamburg the city, not the city-state): an
        airport near that town keeps its reading, and one whose largest town of the name
        within reach is under a tenth of its size (``_SERVED_SHARE``; or that has none) reads
        as that smaller town's, as far behind as a namesake of the name there is (none:
        ``_UNSERVED_LAG`` behind); when none is near it, the airport nearest it comes first
        ("London airport": not London Airport in Ontario; "Melbourne airport": not Melbourne
        Airport, Ontario). An airport of a town of a size to compare keeps its reading
        ("Newcastle airport" may be Newcastle upon Tyne's or Newcastle's in New South Wales;
        "Hyderabad airport" Sindh's or Telangana's): the other names of a report choose."""
        around, _ = self.hits(base)
        if not around:
            return hits
        bases = rank(around)
        best = next((c for c in bases if c.place.kind is Kind.CITY), None)
        if (best is None or best.method not in (Method.NAME, Method.ALTERNATE)
                or (best.place.population or 0) < _NOTABLE_POPULATION):
            return hits
        town, radius = best.place, _KIND_RADIUS_KM[cls]
        size = town.population or 0
        near = [h for h in hits
                if haversine_km(town.lat, town.lon, h.place.lat, h.place.lon) <= radius]
        smaller = [h for h in hits if h not in near
                   and self._largest_town_near(h.place, radius, base) * _SERVED_SHARE < size]
        if not smaller:
            return hits
        first = near
        if not first:
            own = self._near_kind(key, cls, base, best, best)
            if own is None or own.method is not Method.NEARBY:
                return hits
            first = [own]
        served = list(first)
        for h in hits:
            if h in near:
                continue
            if h not in smaller:
                served.append(h)
                continue
            namesake = next((c for c in bases if c.place.kind is Kind.CITY and haversine_km(
                c.place.lat, c.place.lon, h.place.lat, h.place.lon) <= radius), None)
            standing = (1.0 - (best.score - namesake.score) if namesake is not None
                        else 1.0 - _UNSERVED_LAG)
            served.append(Hit(h.place, Method.NEARBY, base, min(1.0, standing),
                              h.from_overlay))
        return served

    def _largest_town_near(self, place: Place, radius: float, base: str) -> int:
        """The population of the largest town within ``radius`` km of ``place`` whose name
        holds the words of ``base`` (Newcastle upon Tyne for "newcastle"; 0: none, the
        airport is named for no town there)."""
        towns = (self._index.place(number) for number, _ in self._index.nearest_of_kinds(
            _TOWN_KINDS, place.lat, place.lon, radius, limit=_TOWNS_LOOKED))
        return max((t.population or 0 for t in towns
                    if f" {base} " in f" {name_key(t.name)} "), default=0)

    def _near_kind(
        self, key: str, cls: str, base: str, candidate: Candidate, best: Candidate
    ) -> Hit | None:
        """The nearest place of kind class ``cls`` to a place ``base`` may be, or that place
        itself as a fallback (a town or an area only), as far behind as it was behind
        ``best``, the first place of that name: in its whole score for a place of the kind
        (which has none of the town's population), in its match alone for the town itself."""
        near = candidate.place
        fallback_standing = 1.0 - (best.parts["match"] - candidate.parts["match"])
        can_fall_back = near.kind is Kind.CITY or near.kind in _AREAL
        if cls == "island":
            # "X Island" with no island of that name: the island is the one X lies on, and an
            # island of another name near X is another island (Ie Shima is not Okinawa
            # Island). X itself stands for it, flagged: a town, an area, or a feature named
            # for the island (Masirah Air Base for Masirah Island, Kiska's airfield).
            return Hit(near, Method.FALLBACK, _KIND_LABEL[cls], fallback_standing)
        if cls in _FACILITY_CLASSES:
            # Sites are of too many sorts for the nearest to be the one meant.
            word = key[len(base):].strip() if key.startswith(base) else key[:-len(base)].strip()
            return Hit(near, Method.FALLBACK, word, fallback_standing) if can_fall_back else None
        if near.kind in _AREAL and near.kind is not Kind.DISTRICT:
            # the nearest to a region's or a country's point is any of its features, not the
            # one named ("Normandy bridge" is no more Horsa Bridge than any other): the area
            # stands for it, flagged
            return Hit(near, Method.FALLBACK, _KIND_LABEL[cls], fallback_standing)
        found = [self._index.place(number) for number, _ in self._index.nearest_of_kinds(
            KIND_CLASSES[cls], near.lat, near.lon, _KIND_RADIUS_KM[cls], limit=_NEAR_LOOKED)]
        # Across a border is not "at X": Sumy airport is not Sudzha's (nor are Hong Kong's
        # heliports, the nearest to Shenzhen's point, Shenzhen's: the nearest in its country)
        found = [p for p in found
                 if (near.country is None or p.country in (near.country, None))
                 and not _HELIPAD.search(p.name)][:_NEAR_KEPT]
        if cls == "air":
            # a town's airport is its international one, when one is near (Santiago's is
            # Arturo Merino Benitez, not the old Los Cerrillos field nearer the centre)
            found.sort(key=lambda p: "international" not in name_key(p.name))
        if found:
            # one that bears X's name before the nearest (Kursk East Airport, not the Ryshkovo
            # airfield 6 km nearer the centre)
            bearing = [p for p in found if f" {base} " in f" {name_key(p.name)} "]
            return Hit((bearing or found)[0], Method.NEARBY, base,
                       1.0 - (best.score - candidate.score))
        if not can_fall_back:
            return None
        return Hit(near, Method.FALLBACK, _KIND_LABEL[cls], fallback_standing)

    def _bare_feature_hits(self, key: str) -> list[Hit]:
        """Airports and ports named for a name no place bears (``Kiska`` for Kiska Army
        Airfield, ``Corregidor`` for the island's airstrip): the feature stands for the place
        it is named for, before any town spelled like the name elsewhere. A stand-in
        (``_stands_in``) pulls no other name of a batch, and away from them it is in
        doubt."""
        hits = []
        for cls in _BARE_CLASSES:
            named = feature_key(cls, key)
            hits += [Hit(h.place, Method.KIND, named, h.similarity, h.from_overlay)
                     for h in self._exact(named) if h.place.kind in KIND_CLASSES[cls]]
        return hits

    def _compound_feature_hits(self, key: str) -> list[Hit]:
        """An airfield or port named as town and feature (``Bergen-Flesland``,
        ``Moscow-Sheremetyevo``, ``Luleå-Kallax``): a feature within ``COMPOUND_KM`` of a
        town bearing the first word(s) that is known by the rest of the name, or has it as a
        word of its own name; a word that only qualifies (``International``) counts when
        the feature's name bears the town's too. Never a town: the feature's own name says
        what it is."""
        words = key.split()
        hits: list[Hit] = []
        for cut in range(1, len(words)):
            town, rest = " ".join(words[:cut]), " ".join(words[cut:])
            towns = [h.place for h in self._exact(town, limit=_COMPOUND_TOWNS)
                     if h.place.kind is Kind.CITY]
            if not towns:
                continue
            named = {h.place.id: h.place for h in (*self._exact(rest),
                                                    *self._bare_feature_hits(rest))
                     if h.place.kind in _COMPOUND_KINDS}
            for place in towns:
                for number, _ in self._index.nearest_of_kinds(
                        _COMPOUND_KINDS, place.lat, place.lon, COMPOUND_KM,
                        limit=_COMPOUND_FEATURES):
                    feature = self._index.place(number)
                    own = name_key(feature.name)
                    # many features are "known" by a qualifier: it does not name one
                    if ((rest in own.split() and f" {town} " in f" {own} ")
                            if rest in _QUALIFIERS
                            else feature.id in named or rest in own.split()):
                        hits.append(Hit(feature, Method.KIND, key, 1.0, False))
            if hits:
                break
        return list({h.place.id: h for h in hits}.values())

    def _seat_hits(self, key: str, base: str) -> list[Hit]:
        """Districts known only by their seat town: ``Izium raion``, ``Oboyansky District``.

        The town is the base itself, or for an adjective (Russian and Ukrainian districts are
        named ``Sudzhansky``, ``Bakhmutskyi``) a town of those countries whose name the
        adjective is made from (``seat_keys``). Each is offered as a district at the town's
        point; ranking and context choose among namesakes.
        """
        keys = seat_keys(base)
        hits = []
        for seat in keys:
            adjectival = seat != base
            for hit in self._exact(seat):
                town = hit.place
                if town.kind is not Kind.CITY:
                    continue
                if adjectival and town.country not in _ADJECTIVAL_DISTRICTS:
                    continue
                hits.append(Hit(seat_district(town), Method.SEAT, key, 1.0, hit.from_overlay))
        return hits

    def _derived_demonym_hits(self, key: str) -> list[Hit]:
        """Areas whose people a word names by English's rules (``Kashmiri``, ``Tibetan``,
        ``Crimeans``; see ``demonym_bases``): only areas, only by their own names."""
        return [Hit(h.place, Method.DEMONYM, key, 1.0, h.from_overlay)
                for base in demonym_bases(key) for h in self._exact(base)
                if h.place.kind in _AREAL and (h.method is Method.NAME or (
                    h.method is Method.ALTERNATE and _demonym_base(base, key, h.place)))]

    def _demonym_phrase_hits(self, key: str) -> list[Hit]:
        """A demonym with the words after it (``Russian forces``, ``North Korean troops``):
        the demonym's country, read as attribution; but a country, macro-region or island
        named after it (``Italian Libya``, ``Dutch Borneo``), or an area of its own country,
        is that place (see ``_NAMED_AFTER_RULER``). Only a demonym qualifies, so that ``Kursk
        forces`` is not Kursk."""
        words = key.split()
        for cut in range(len(words) - 1, max(0, len(words) - 1 - _DEMONYM_PHRASE_MAX_WORDS), -1):
            found = [h for h in self._exact(" ".join(words[:cut])) if h.method is Method.DEMONYM]
            if found and words[-1] in _FEATURE_AFTER_PEOPLE:
                return []  # Indian Key, Russian River, French Creek: a feature's own name
            if found:
                # a place after a ruler's adjective is that place (Italian Libya, Dutch
                # Borneo, the Swiss Alps), not the ruler
                rest = " ".join(words[cut:])
                people = {h.place.country for h in found}
                named = [h for h in self._exact(rest)
                         if h.method in (Method.NAME, Method.ALTERNATE)
                         and (h.place.kind in _NAMED_AFTER_RULER
                              or (h.place.kind is not Kind.CITY
                                  and h.place.country in people))]
                return named if named and rest not in _COMMON_AFTER_PEOPLE else found
        return []

    def _part_hits(self, direction: str, rest: str) -> list[Hit]:
        """The parts of the areas named ``rest`` on the side ``direction`` names."""
        areas = [h for h in self._exact(rest) if h.place.kind in _AREAL]
        if not areas and rest.startswith("the "):
            areas = [h for h in self._exact(rest[4:]) if h.place.kind in _AREAL]
        hits = []
        for hit in areas:
            part = part_of(hit.place, direction)
            if part is not None:
                hits.append(Hit(part, Method.PART, rest, 1.0, hit.from_overlay))
        return hits

    def suggestions(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Names of well-known places that look like ``name``, for "did you mean"; for a
        name qualified by an area where it has no place (``Verdun, Germany``), its places
        elsewhere, qualified by their countries as it may be written (``Verdun (France)``)."""
        qualified = _qualified_parts(name)
        if qualified is not None:
            head = qualified[0]
            elsewhere = [c.place.country for c in rank(self.hits(head)[0], query=head)
                         if c.method not in _LOOSE and c.place.country]
            if elsewhere:
                return tuple(dict.fromkeys(
                    f"{head} ({country_name(code)})" for code in elsewhere))[:limit]
        key = name_key(name)
        keys, names = self._index.well_known(len(key), max(3, len(key) // 3))
        out: list[str] = []
        for _, _, position in process.extract(
            key, keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=_SUGGEST_CUTOFF
        ):
            if names[position] not in out:
                out.append(names[position])
        return tuple(out[:limit])

    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        near: Near | None = None,
        top: int | None = None,
    ) -> Resolution:
        """Resolve one name; the result holds every candidate, best first.

        Parameters
        ----------
        name
            A place name in any script or romanisation; generic words such as ``Oblast``,
            ``Krai`` or ``область`` ask for the region.
        country
            ISO 3166-1 alpha-2 code (or a country name) to prefer.
        near
            ``(lat, lon)``, a place name or a place to prefer candidates close to.
        top
            Keep only this many candidates.

        Examples
        --------
        >>> r = Gazetteer().resolve("Kursk Oblast")
        >>> r.place.kind.value, r.place.id
        ('region', 'ne-admin1:RU-KRS')
        """
        memo = (name, country, _near_key(near), top)
        cached = self._memo.get(memo)
        if cached is not None:
            return cached
        if country is None and near is None and not self._overlays.places:
            plain = self._resolve_plain(name, top)
            if plain is not None:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                self._memo[memo] = plain
                return plain
        hits, generic = self.hits(name)
        candidates = rank(hits, generic=generic, hints=self._hints(country, near), query=name)
        resolution = self._resolution(name, candidates, top)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[memo] = resolution
        return resolution

    def _resolve_plain(self, name: str, top: int | None) -> Resolution | None:
        """The fast path for a name that matches exactly, without hints or overlays.

        The index keeps each name's places in ranking order, so the first is the best and the
        others are scored only if someone asks for them. None: take the general path.
        """
        key = name_key(name)
        if (not key or split_generic(key)[1] or kind_phrase(key) is not None
                or key.startswith("the ")):
            return None
        code = code_key(name.strip()) if _CODE.match(name.strip()) else None
        first = self._exact(key, limit=_PLAIN_LIMIT)
        if code is not None:
            first += self._exact(code, limit=_PLAIN_LIMIT)
        if not first:
            return None
        if not any(h.method is Method.NAME for h in first) and any(
                self._index.exact(k, 1) for k in _with_article(key)):
            return None  # a name reports write without its article: the general path
        if (key.endswith(DEMONYM_ENDINGS) or key.endswith(("ans", "is"))) and not any(
                h.method is Method.DEMONYM or h.place.kind in _AREAL for h in first
        ) and self._derived_demonym_hits(key):
            return None  # a people's word (Catalan, Kazakh): the general path weighs it
        winner = first[0].place if len(first) == 1 else rank(first)[0].place

        def candidates() -> tuple[Candidate, ...]:
            ranked = self._doubt_unlike(
                rank(self._exact(key) + (self._exact(code) if code else []), query=name))
            return ranked[:top] if top else ranked

        return Resolution.deferred(name, winner, candidates)

    def _resolution(
        self,
        name: str,
        candidates: tuple[Candidate, ...],
        top: int | None = None,
        context: Context = NO_CONTEXT,
    ) -> Resolution:
        """The resolution of ranked candidates, refusing a loose match that is not safe."""
        candidates = self._doubt_unlike(candidates)
        if candidates and not _acceptable(candidates[0], context):
            others = [c.place.name for c in candidates[:3]]
            suggestions = tuple(dict.fromkeys([*others, *self.suggestions(name)]))[:5]
            return Resolution(query=name, candidates=(), suggestions=suggestions)
        suggestions = () if candidates else self.suggestions(name)
        return Resolution(query=name, candidates=candidates[:top] if top else candidates,
                          suggestions=suggestions)

    def _doubt_unlike(self, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """The candidates, the winner marked in doubt when it is a part of a city found by
        another of its names, one unlike its own (see ``_unlike_district``)."""
        if not candidates or candidates[0].doubt is not None:
            return candidates
        doubt = _unlike_district(candidates[0], self._index) or _river_of_a_town_s_name(
            candidates)
        return (candidates[0]._replace(doubt=doubt), *candidates[1:]) if doubt else candidates

    # -- several names ----------------------------------------------------------------------

    def _hints(self, country: str | None, near: Near | None) -> Hints:
        if country is None and near is None:
            return NO_HINTS
        code = None
        if country is not None:
            text = country.strip()
            if len(text) == 2 and text.isalpha():
                code = text.upper()
            else:
                found = [c for c in self.resolve(text).candidates if c.place.kind is Kind.COUNTRY]
                if not found or not found[0].place.country:
                    raise InvalidValueError(f"unknown country {country!r}; give an ISO 3166-1 "
                                       "alpha-2 code such as RU or KP", field="country")
                code = found[0].place.country
        point = None
        if isinstance(near, Place):
            point = (near.lat, near.lon)
        elif isinstance(near, str):
            place = self.resolve(near).place
            point = (place.lat, place.lon)
        elif near is not None:
            lat, lon = near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise InvalidValueError(f"near point {lat}, {lon} is not a latitude, longitude",
                                   field="near")
            point = (float(lat), float(lon))
        return Hints(country=code, near=point)

    def resolve_all(
        self,
        names: Iterable[str | Query],
        *,
        country: str | None = None,
        near: Near | None = None,
        top: int | None = None,
        progress: Callable[[list[Query]], Iterable[Query]] | None = None,
    ) -> list[Resolution]:
        """Resolve names together: each one's candidates are ranked by closeness to the others.

        A name may come as a :class:`Query` with its own country hint, which wins over
        ``country``. Returns one :class:`Resolution` per name, in order; an unknown name gives
        an empty one with suggestions, so a batch is never lost to one bad name. ``progress``
        wraps the loop over the distinct names (``tqdm`` fits).
        """
        queries = [q if isinstance(q, Query) else Query(q) for q in names]
        unique = list(dict.fromkeys(queries))
        hints = {q: self._hints(q.country or country, near) for q in unique}
        rankers = {}
        for q in progress(unique) if progress else unique:
            rankers[q] = self._ranker(q.name, hints[q])
        ranked = {q: ranker.alone(q.name) for q, ranker in rankers.items()}
        contexts: dict[Query, Context] = {}
        leaned: dict[Query, dict[Query, Place]] = {}  # the places each name took context from
        loose = {q for q in unique
                 if ranked[q] and ranked[q][0].method in (Method.FUZZY, Method.PHONETIC)}
        ambiguous = [q for q in unique if len(ranked[q]) > 1 or q in loose]
        # A town known only by another of its names is checked against the others (_doubt).
        ambiguous += [q for q in unique if len(ranked[q]) == 1
                      and ranked[q][0].method is Method.ALTERNATE
                      and ranked[q][0].place.kind not in _AREAL]
        if len(unique) > 1 and ambiguous:
            # Context comes from the names that are clear on their own (anchors), so that
            # small namesakes cannot pull each other away from the big places (Perth Amboy,
            # Moscow in Idaho and Berlin in New Hampshire in a list of world cities).
            # When no other name is clear, the others' first choices are all there is.
            # A fallback (X itself for "X bridge") is a guess: it must not pull the others.
            every = {q: c[0].place for q, c in ranked.items()
                     if c and c[0].method not in NO_PULL_METHODS and not _stands_in(q, c[0])}
            clear = {q: p for q, p in every.items() if _decisive(ranked[q])}
            firsts = _without_strays(every)
            # every name clear on its own: the anchors are the first choices
            anchors = firsts if len(clear) == len(every) else _without_strays(clear)
            # A name that is not among them sees all of them: one context serves every such
            # name (a context is read, never changed).
            shared: dict[tuple[bool, Query | None], Context] = {}
            for q in ambiguous:
                among = anchors if set(anchors) - {q} else firsts
                leaned[q] = among
                seen = (among is anchors, q if q in among else None)
                context = shared.get(seen)
                if context is None:
                    context = shared[seen] = _context(q, among)
                contexts[q] = context
                ranked[q] = rankers[q].rank(context, q.name)
        if near is None and len(unique) > 1:
            for q in self._near_named_features(unique, ranked, hints):
                # (its hints changed: a near point now)
                rankers[q] = self._ranker(q.name, hints[q])
                ranked[q] = rankers[q].rank(contexts.get(q, NO_CONTEXT), q.name)
        for group, picks, sure in _cohered(ranked, leaned):
            # the names of a crossed group read again beside the readings chosen together
            names = ", ".join(sorted(repr(q.name) for q in group))
            for q in group:
                context = contexts[q] = _context(
                    q, {**leaned.get(q, {}), **{m: c.place for m, c in picks.items()}})
                ranked[q] = rankers[q].rank(context, q.name)
                if not sure and ranked[q] and ranked[q][0].doubt is None:
                    doubt = f"{names} read together; the text hardly tells where"
                    ranked[q] = (ranked[q][0]._replace(doubt=doubt), *ranked[q][1:])
        if 1 < len(unique) <= SHORT_LIST:
            _read_short_list(ranked)
        read_joined_text(ranked)
        if len(unique) > 1:
            read_old_style_text(ranked)
            _kind_context(ranked)
            read_base_list(ranked)
            _holding_namesakes(ranked)
            _doubt_held_elsewhere(ranked)
        if len(unique) > _OUTLIER_MIN_OTHERS:
            _refuse_far_fallbacks(ranked)
            _doubt_outliers(ranked)
            _doubt_described_towns(ranked)
        for q, context in contexts.items():
            if ranked[q] and ranked[q][0].doubt is None and (
                    doubt := _doubt(ranked[q], context)):
                ranked[q] = (ranked[q][0]._replace(doubt=doubt), *ranked[q][1:])
        if len(unique) > 1:
            _doubt_unplaced_regions(ranked)
        if len(unique) > _OUTLIER_MIN_OTHERS:
            _doubt_areas_away(ranked)
            _doubt_namesakes_among(ranked)
        if len(unique) > 2:
            doubt_namesakes_beside(ranked)
        _doubt_moved_context(ranked, leaned)
        if len(unique) > 1:
            _short_forms(unique, ranked)
            _rivers_at_their_places(ranked)
        return [self._resolution(q.name, ranked[q], top, contexts.get(q, NO_CONTEXT))
                for q in queries]

    def _near_named_features(
        self,
        unique: list[Query],
        ranked: dict[Query, tuple[Candidate, ...]],
        hints: dict[Query, Hints],
    ) -> list[Query]:
        """"Stanley" beside "Stanley airport": the town is the one at the airport.

        A name that is the base of another name of the batch that says its kind
        (``X airport``, ``port of X``) gets that feature's point as its ``near`` hint.
        Returns the names whose hints changed.
        """
        by_base: dict[str, Place] = {}
        for q in unique:
            phrase = _key_phrase(q.name)[1]
            if phrase is not None and ranked[q] and ranked[q][0].confident:
                by_base.setdefault(phrase[1], ranked[q][0].place)
        changed = []
        for q in unique:
            feature = by_base.get(_key_phrase(q.name)[0])
            if feature is not None and hints[q].near is None:
                hints[q] = Hints(country=hints[q].country, near=(feature.lat, feature.lon))
                changed.append(q)
        return changed

    def resolve_many(
        self,
        names: Iterable[str],
        *,
        country: str | None = None,
        near: Near | None = None,
        errors: Literal["raise", "ignore"] = "raise",
    ) -> geopandas.GeoDataFrame:
        """Resolve names together into a GeoDataFrame (EPSG:4326), one row per name.

        Columns: ``query``, ``name``, ``lat``, ``lon``, ``country``, ``admin1``, ``kind``,
        ``population``, ``id``, ``source``, ``score``, ``method``, ``geometry`` (the point).
        With ``errors="ignore"`` an unknown name gives a row with an empty geometry; with
        ``"raise"`` (default) it raises :class:`PlaceNotFoundError`.
        """
        import geopandas
        import shapely

        rows: list[dict[str, Any]] = []
        for resolution in self.resolve_all(names, country=country, near=near):
            if not resolution.found:
                if errors == "raise":
                    raise PlaceNotFoundError(resolution.query, resolution.suggestions)
                rows.append({"query": resolution.query, "geometry": None})
                continue
            best = resolution.best
            rows.append({
                "query": resolution.query, **best.place.to_dict(), "score": best.score,
                "method": best.method.value,
                "geometry": shapely.Point(best.place.lon, best.place.lat),
            })
        columns = ["query", "name", "lat", "lon", "country", "admin1", "kind", "population",
                   "id", "source", "score", "method", "geometry"]
        return geopandas.GeoDataFrame(rows, columns=columns, geometry="geometry",
                                      crs="EPSG:4326")

    def nearest_port(self, area: Place, toward: tuple[float, float]) -> Place | None:
        """The port or naval base of an area's country nearest to ``toward`` (lon, lat)."""
        if area.country is None:
            return None
        kinds = KIND_CLASSES["port"]
        for number, _ in self._index.nearest_of_kinds(kinds, toward[1], toward[0], 5000.0, 50):
            place = self._index.place(number)
            if place.country == area.country:
                return place
        return None

    def get(self, place_id: str) -> Place:
        """The place with this id (``geonames:2044757``, ``ne-admin1:RU-KRS``, ...)."""
        if place_id in self._overlays.places:
            return self._overlays.places[place_id]
        derived = split_derived_id(place_id)
        if derived is not None:
            base = self.get(derived[0])
            offset = offset_of(derived[1])
            made = (seat_district(base) if derived[1] == "district"
                    else offset_from(base, *offset) if offset is not None
                    else part_of(base, derived[1]))
            if made is None:
                raise PlaceNotFoundError(place_id)
            return made
        number = self._index.find_id(place_id)
        if number is None:
            raise PlaceNotFoundError(place_id)
        return self._index.place(number)


def _decisive(ranked: tuple[Candidate, ...]) -> bool:
    """Whether a name's winner is clear without context: alone, well ahead of the next, or
    its canonical name and fifty times as large."""
    best = ranked[0]
    if best.method in (Method.FUZZY, Method.PHONETIC, Method.FALLBACK):
        return False
    for other in ranked[1:]:
        same = other.place.country == best.place.country and haversine_km(
            best.place.lat, best.place.lon, other.place.lat, other.place.lon) < _SAME_KM
        if not same:  # the territory and the country of the Falklands are one answer
            much_larger = (best.place.population or 0) >= _ANCHOR_RATIO * max(
                other.place.population or 0, 1) and best.method is Method.NAME
            return best.score - other.score >= _ANCHOR_MARGIN or much_larger
    return True


def _refuse_far_fallbacks(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Drop the fallbacks that are towns elsewhere (in place).

    A fallback stands for a place of a kind the data does not have (``X pass``, ``X beach``,
    ``X barracks``) by X itself, which is only sound when X is where the report is. The
    report is where more than half of the other places lie together (see ``_core``), or
    where all of them do when they are too few for that (two, each within ``OUTLIER_KM`` of
    the other). A fallback candidate over ``OUTLIER_KM`` from all of those places and in
    none of their countries is dropped; a name left with no candidate is reported
    unresolved, with suggestions, rather than drawn at a namesake of X on another continent.
    """
    winners = {q: c[0] for q, c in ranked.items() if c}
    if all(c.method is not Method.FALLBACK for c in winners.values()):
        return
    points = {q: c.place for q, c in winners.items()
              if c.place.kind not in _AREAL and c.confident and c.method is not Method.FALLBACK}
    core = _core(points)
    if core is None:
        if len(points) != _OUTLIER_MIN_OTHERS:
            return
        one, other = points.values()
        if haversine_km(one.lat, one.lon, other.lat, other.lon) > OUTLIER_KM:
            return
        core = set(points)
    core_xyz = _xyz([points[q] for q in core])
    countries = {points[q].country for q in core}
    for q, candidates in ranked.items():
        if not candidates or candidates[0].method is not Method.FALLBACK:
            continue
        kept = tuple(c for c in candidates if c.method is not Method.FALLBACK
                     or c.place.country in countries
                     or _nearest_km(c.place, core_xyz) <= OUTLIER_KM)
        if len(kept) < len(candidates):
            ranked[q] = kept


def spelled_out(key: str) -> list[str]:
    """The key with its abbreviated words spelled out (``ABBREVIATED_WORDS``), one key for
    each reading, the first expansion of each word first; empty when it has none."""
    words = key.split(" ")
    if not any(w in ABBREVIATED_WORDS for w in words):
        return []
    readings = [""]
    for word in words:
        options = ABBREVIATED_WORDS.get(word, (word,))
        readings = [f"{r} {o}".strip() for r in readings for o in options]
    return readings


# What the text (and the caller's hints) gave a candidate: ranking's parts beyond its name,
# kind and size (see ``_doubt_unplaced_regions``).
_SUPPORT_PARTS = ("context", "coherence", "named", "within", "near", "country", "overlay",
                  "short form", "kind context")


def _doubt_unplaced_regions(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Mark in doubt a region won by its bare name that nothing in the text places, over a
    town of that name in another country (in place).

    A bare exact name of a first-level region asks for the region (ranking's ``kind``
    part), a prior, not evidence. When the other names of the batch give the region no
    support at all (its context, coherence and the like add up to less than
    ``_FAR_CONTEXT``: the text is elsewhere, or a mix of two texts) and a town of at least
    ``_REGION_TOWN_MIN`` people bears the name as its own in another country, the kind is
    all that chose: ``Colón`` in a list of Panamanian and Korean names is the Honduran
    department as likely as the port of Colón, and ``La Unión`` the Philippine province as
    likely as the Salvadoran port.
    """
    for q, candidates in ranked.items():
        if not candidates:
            continue
        best = candidates[0]
        place = best.place
        if (place.kind is not Kind.REGION or best.method is not Method.NAME
                or best.doubt is not None
                or sum(best.parts.get(p, 0.0) for p in _SUPPORT_PARTS) >= _FAR_CONTEXT):
            continue
        town = next((c.place for c in candidates[1:] if c.place.kind is Kind.CITY
                     and c.method is Method.NAME and c.place.country != place.country
                     and (c.place.population or 0) >= _REGION_TOWN_MIN), None)
        if town is not None:
            doubt = (f"nothing in the text places it; {town.name} ({town.country}) bears the "
                     "name too")
            ranked[q] = (best._replace(doubt=doubt), *candidates[1:])


_POINT_KINDS = tuple(k for k in Kind if k not in AREAL)
"""Kinds of place that are points (towns, sites, features, islands), not areas."""


def _doubt_areas_away(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Mark in doubt a region won by its bare name that is not where the text is, when a
    town of that name is (in place).

    A bare name of a first-level region asks for the region (ranking's ``kind`` part), and a
    region of the country the others are in gains from their country as much as the town.
    When more than half of the other places lie together (``_core``), the region holds none
    of them and its point lies over ``DESCRIBED_KM`` from all of them, while a town found by
    that name (its own or another of its names) lies within ``_AMONG_KM`` of one of them,
    the text speaks for the town as much as the name for the region: ``Guerrero`` in an
    account of Chihuahua, where Ciudad Guerrero lies, is not clearly the state of Guerrero
    1,400 km south. Run after the other doubts, so that only answers that stand make the
    place of the text.
    """
    winners = {q: c[0] for q, c in ranked.items() if c}
    points = {q: c.place for q, c in winners.items()
              if c.place.kind not in _AREAL and c.confident}
    core = _core(points)
    if core is None:
        return
    around = [points[q] for q in core]
    around_xyz = _xyz(around)
    for q, best in winners.items():
        place = best.place
        if (place.kind not in _CONTEXT_AREAS or best.doubt is not None
                or best.method not in (Method.NAME, Method.ALTERNATE)):
            continue
        nearest = _nearest_km(place, around_xyz)
        if nearest <= DESCRIBED_KM or any(_inside(p, place) for p in around):
            continue
        # A region far beyond all of them and in none of their countries is weighed against
        # a place of that name anywhere within reach of them (``Espiritu Santo`` beside
        # Guadalcanal and Noumea: the island of Vanuatu, 900 km off, not the Brazilian state)
        far = nearest > OUTLIER_KM and place.country not in {p.country for p in around}
        reach, kinds = (OUTLIER_KM, _POINT_KINDS) if far else (_AMONG_KM, (Kind.CITY,))
        town = next((c.place for c in ranked[q][1:] if c.place.kind in kinds
                     and c.method in (Method.NAME, Method.ALTERNATE)
                     and any(haversine_km(c.place.lat, c.place.lon, p.lat, p.lon) <= reach
                             for p in around)), None)
        if town is not None:
            what = "town" if town.kind is Kind.CITY else town.kind.value.replace("-", " ")
            article = "an" if what[0] in "aeiou" else "a"
            doubt = (f"{town.name}, {article} {what} of that name among the other places, may "
                     "be meant")
            ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])


def _doubt_outliers(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Mark in doubt a winner that does not fit with a report's other places (in place).

    A name matched exactly can still be the wrong place when the place meant is not known by
    that name: ``Burma`` among Rangoon and Mandalay found only a village in Jordan. When more
    than half of the places lie together (see ``_core``), a winner is in doubt if it is far
    (over ``OUTLIER_KM``) from all of them and in none of their countries, or if it is a
    small town found only by an alternate name (``Hunt`` as a name of McFarland, ``Banjska``
    for Bansko) far from them or in none of their countries, or, when the group is close
    (its spread, ``_spread_km``, at most ``_AMONG_KM``), a small town over three spreads and
    ``DESCRIBED_KM`` from the rest of it with no other answer within ``_AMONG_KM``, even in
    their country (``Jambelí`` among Machala and Pasaje: a hamlet 400 km north, not the
    islands off the coast; two such towns together are a second scene). Large towns
    (``Pyongyang`` in a report on Kursk), features whose name is theirs alone (``Ramstein Air
    Base``) and sites in a region named with them keep their confidence. Beyond those, a
    town under ``_WORLD_CITY`` or a region named like another place, over ``OUTLIER_KM`` from
    the group and in a country the text names nowhere else (La Serena in Chile among the
    villages of Extremadura), is in doubt, and so is a county found by its bare name over
    ``DESCRIBED_KM`` from the group (Niobrara County, Wyoming, for "Niobrara" in Nebraska).
    Two strays cannot vouch for each other: only the places that lie together count. A small
    feature whose name says its kind, of a kind the data lists only in part (an island, a
    beach, a site other than a power plant of the database), is in doubt
    over ``FEATURE_OUTLIER_KM`` from the others of the group and in none of their countries,
    even as a member of the group (Hart Island, New York, in a report on Nova Scotia).
    """
    winners = {q: c[0] for q, c in ranked.items() if c}
    points = {q: c.place for q, c in winners.items()
              if c.place.kind not in _AREAL and c.confident}
    core = _core(points)
    if core is None:
        _doubt_lone_towns(ranked, winners)
        return
    core_xyz = _xyz([points[q] for q in core])
    radius = _spread_km(core_xyz)
    close = radius <= _AMONG_KM  # the report's scene, not a list of a country's towns
    every_xyz = _xyz(list(points.values())) if close else None
    countries = Counter(points[q].country for q in core)
    # a large town or a region of a country the text names, or has another answer in, is
    # what the text means however far from its scene (Pyongyang beside "North Korean
    # troops" in a report on Kursk); of another country, nothing vouches for it but a
    # world city's size (La Serena in Chile, Orellana in Ecuador, among the villages of
    # Extremadura)
    for q, best in winners.items():
        place = best.place
        if (not best.confident or best.parts.get("within")  # a region named with it
                or place.kind in (Kind.COUNTRY, Kind.MACRO_REGION, Kind.CONTINENT)):
            continue
        if (place.kind is Kind.DISTRICT and _nearest_km(place, core_xyz) > DESCRIBED_KM
                and (best.method is Method.REGION or (
                    best.method is Method.SEAT and _seat_in_doubt(best, ranked[q][1:],
                                                                  countries)))):
            # a county by its bare name (Niobrara County for "Niobrara"), or one its seat
            # town stands for when another town's district or another country could be
            # meant (Minhe, Guizhou, for "Minhe county" in a report on Qinghai), far from the
            # text's places: the place of that name the data lacks may be meant
            doubt = "a district named like the place, far from the other places"
            ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])
            continue
        if place.kind is Kind.CITY and (place.population or 0) >= _WORLD_CITY:
            continue  # Washington in a report on Taiwan, Moscow in one on the Caucasus
        areal = place.kind in _AREAL
        notable = not areal and _notable(place, ranked[q])
        if notable and place.kind is not Kind.CITY:
            continue  # a feature whose name is its own (Ramstein Air Base) is the one meant
        if areal or notable:
            # vouched for by another answer in its country (the country itself among them),
            # by lying near the group, or, for a region, by no other place bearing its name
            # (California, Bavaria); not a side of one, whose name is made, not borne ("East
            # Flores" in a report on Indonesia's islands is no part of Uruguay's Flores)
            if not (any(m != q and c.place.country == place.country
                        for m, c in winners.items())
                    or _nearest_km(place, core_xyz) <= OUTLIER_KM
                    or (areal and best.method is not Method.PART
                        and not any(haversine_km(place.lat, place.lon, c.place.lat,
                                                 c.place.lon) > _SAME_KM
                                    for c in ranked[q][1:]))):
                doubt = "far from the other places, in a country the text names nowhere else"
                ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])
            continue
        own = 1 if q in core else 0
        if len(core) - own < _OUTLIER_MIN_OTHERS:
            continue
        # A member of the core is within reach of another member (its centre, or for the
        # centre itself, any other).
        if place.kind in _PARTLY_LISTED and _says_its_kind(best) and (
                _plant_fuel(place) is None):  # (the plants are all listed)
            # (a member of the group too: the group's reach is wide)
            far = _nearest_other_km(place, core_xyz) > FEATURE_OUTLIER_KM
        else:
            far = not own and _nearest_km(place, core_xyz) > OUTLIER_KM
        foreign = countries[place.country] - own <= 0
        weak = place.kind is Kind.CITY and best.method is Method.ALTERNATE
        stray = (close and place.kind is Kind.CITY and len(core) - own >= _STRAY_MIN_CORE
                 and _nearest_other_km(place, core_xyz) > max(DESCRIBED_KM,
                                                              _STRAY_RATIO * radius)
                 and every_xyz is not None and _nearest_other_km(place, every_xyz) > _AMONG_KM)
        if (far and foreign) or (weak and (far or foreign)) or stray:
            doubt = ("far from the other places" if far or stray
                     else "in none of the others' countries")
            ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])


def _seat_in_doubt(best: Candidate, others: Sequence[Candidate], countries: Counter[str | None]
                   ) -> bool:
    """Whether a district its seat town stands for (``best``) is one guess among others: the
    name reads, almost as well (within ``_SEAT_RIVAL_LEAD``), as another district far from it,
    or it lies in none of the countries of the text's places (El Fasher district among
    Sudan's towns, the only one of its name, is what the text means however far; Sinjar's
    Syrian namesake scores far behind Iraq's)."""
    return best.place.country not in countries or any(
        c.place.kind is Kind.DISTRICT and best.score - c.score < _SEAT_RIVAL_LEAD
        and haversine_km(c.place.lat, c.place.lon, best.place.lat, best.place.lon) > _SAME_KM
        for c in others)


_SEAT_RIVAL_LEAD = 0.3


def _crossings(ranked: dict[Query, tuple[Candidate, ...]],
               leaned: dict[Query, dict[Query, Place]],
               ) -> Iterator[tuple[Query, Query, Place, Place]]:
    """The crossings of a batch, as ``(name, other, seen, now)``: ``name``'s winner (found by
    a name) lies in the country of ``seen``, the reading of ``other`` it was ranked beside,
    while ``other``'s answer is ``now``, in another country. In the batch's order."""
    for q, among in leaned.items():
        if not ranked[q] or ranked[q][0].method not in NAMED_METHODS:
            continue
        country = ranked[q][0].place.country
        for other, seen in among.items():
            now = ranked[other][0].place if other != q and ranked[other] else None
            if (now is not None and seen.country == country and now.country != country
                    and now.country is not None):
                yield q, other, seen, now


def _crossed(ranked: dict[Query, tuple[Candidate, ...]],
             leaned: dict[Query, dict[Query, Place]]) -> list[list[Query]]:
    """The groups of names whose answers are crossed (see ``_crossings``; the other's new
    answer found by a name too), each in the batch's order."""
    links: dict[Query, set[Query]] = {}
    for q, other, _, _ in _crossings(ranked, leaned):
        if ranked[other][0].method in NAMED_METHODS:
            links.setdefault(q, set()).add(other)
            links.setdefault(other, set()).add(q)
    groups: list[set[Query]] = []
    for q in links:
        if any(q in g for g in groups):
            continue
        group, todo = {q}, [q]
        while todo:
            for nxt in links[todo.pop()] - group:
                group.add(nxt)
                todo.append(nxt)
        groups.append(group)
    return [[q for q in ranked if q in group] for group in groups]


def _own(candidate: Candidate) -> float:
    """A candidate's score without what the other places gave it."""
    return candidate.score - sum(candidate.parts.get(k, 0.0) for k in _CONTEXT_PARTS)


def _togetherness(picks: list[Candidate]) -> float:
    """What lying together adds to a set of readings: for each, the ``context`` part it
    would have beside the others (the mean of exp(-km / scale) times its weight)."""
    if len(picks) < 2:
        return 0.0
    total = 0.0
    for i, a in enumerate(picks):
        total += CONTEXT_WEIGHT * sum(
            _closeness(a, b) for j, b in enumerate(picks) if j != i) / (len(picks) - 1)
    return total


def _closeness(a: Candidate, b: Candidate) -> float:
    """How close two readings lie, from 1 (one point) down: exp(-km / scale)."""
    return math.exp(-haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
                    / CONTEXT_SCALE_KM)


def _cohered(ranked: dict[Query, tuple[Candidate, ...]],
             leaned: dict[Query, dict[Query, Place]],
             ) -> list[tuple[list[Query], dict[Query, Candidate], bool]]:
    """For each crossed group of names (see ``_crossed``): the readings of one country to
    give them, and whether that country is a clear choice.

    Each name of ``Hamilton, Stirling`` ranked beside the other's first reading ends in a
    different country (Hamilton in Scotland, Stirling in Canada): neither answer is what the
    text means, as a text names places that go together. Only countries where every name of
    the group has a reading of its own name compete; a country's readings score their own
    evidence (name, kind, population: without context) plus how close they lie to each
    other (``_togetherness``), so a weak cluster cannot override a clear name, and towns
    within an hour of each other outweigh one namesake's size. The choice is clear when it
    is the only country possible or leads the next by ``WEAK_LEAD``.
    """
    out = []
    for group in _crossed(ranked, leaned):
        totals: dict[str, tuple[float, dict[Query, Candidate]]] = {}
        countries = {ranked[q][0].place.country for q in group} - {None}
        for country in sorted(str(c) for c in countries):  # ties go the same way every run
            picks: dict[Query, Candidate] = {}
            for q in group:
                mine = [c for c in ranked[q] if c.method in NAMED_METHODS
                        and c.place.country == country]
                if not mine:
                    break
                picks[q] = max(mine, key=_own)
            else:
                totals[str(country)] = (sum(_own(c) for c in picks.values())
                                        + _togetherness(list(picks.values())), picks)
        if not totals:
            continue
        order = sorted(totals.values(), key=lambda kv: -kv[0])
        clear = len(order) == 1 or order[0][0] - order[1][0] >= WEAK_LEAD
        out.append((group, order[0][1], clear))
    return out


SHORT_LIST = 6
"""The most names a batch may have to be read as a whole (``_read_short_list``)."""
_SHORT_LIST_READINGS = 4
SHORT_LIST_LIFT = 0.01
"""What a reading chosen with the whole of a short list gains over the answer it displaces."""


def _read_short_list(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Read a short list of names as a whole: the readings that lie together win (in place).

    Each name is ranked beside the others' first readings, and each first reading was chosen
    beside the others' first readings too: in a list where every name is ambiguous, two
    names may settle on each other's wrong namesakes and never be read again (``Perth,
    Dundee, Stirling``: Perth and Stirling in Western Australia beside each other, Dundee in
    Scotland; ``Alexandria, Arlington, Richmond``: Richmond in Texas, read beside the
    Arlington of Texas). For a batch of at most ``SHORT_LIST`` names, every choice among the
    first ``_SHORT_LIST_READINGS`` readings of each name found by a name (towns and areas:
    ``Santander`` first read as the Colombian department beside ``Reinosa``) is scored as a
    whole: each reading's own evidence (name, kind, population: without context)
    plus how close they lie to each other (``_togetherness``), as ``_cohered`` scores one
    country's readings. When the best choice leads the batch's answers by ``WEAK_LEAD``,
    its readings become the answers, provided one name at least keeps its answer, is read
    no worse on its own evidence or by its own name where the answer had another (Reinosa,
    Cantabria, over Reynosa, Mexico): a list of famous names each read down to a lesser namesake
    (``Athens, Rome``: both towns of Georgia lie together) is not re-read. A reading that
    displaces a better one on its own evidence (Perth, Scotland, over Perth, Western
    Australia) stands in doubt.
    """
    import itertools

    names = [q for q, c in ranked.items() if c and c[0].method in NAMED_METHODS]
    if len(names) < 2:
        return
    pools = [[c for c in ranked[q][:_SHORT_LIST_READINGS * 2] if c.method in NAMED_METHODS
              ][:_SHORT_LIST_READINGS] for q in names]
    if all(len(p) == 1 for p in pools):
        return

    now = tuple(ranked[q][0] for q in names)
    # every choice at once (at most 4 ** 6 of them): each reading's own score, plus for each
    # pair of names the closeness of their two readings, counted for both (``_togetherness``)
    choices = np.array(list(itertools.product(*(range(len(p)) for p in pools))))
    totals = np.zeros(len(choices))
    for i, pool in enumerate(pools):
        totals += np.array([_own(c) for c in pool])[choices[:, i]]
    share = 2 * CONTEXT_WEIGHT / (len(names) - 1)
    for i, j in itertools.combinations(range(len(names)), 2):
        close = np.array([[_closeness(a, b) for b in pools[j]] for a in pools[i]])
        totals += share * close[choices[:, i], choices[:, j]]
    # each answer is the first reading of its pool: the answers are the first choice
    top = int(np.argmax(totals))
    if top == 0 or totals[top] - totals[0] < WEAK_LEAD:
        return
    best = tuple(pool[k] for pool, k in zip(pools, choices[top], strict=True))
    if not any(pick is old or _own(pick) >= _own(old)
               or pick.parts.get("match", 0.0) > old.parts.get("match", 0.0)
               for pick, old in zip(best, now, strict=True)):
        return  # every name read down to a lesser namesake: the list speaks for none of them
    for q, pick, old in zip(names, best, now, strict=True):
        if pick is old:
            continue
        lift = old.score - pick.score + SHORT_LIST_LIFT
        doubt = None
        if _own(old) > _own(pick):
            doubt = f"read with the rest of the list over {old.place.name} ({old.place.country})"
        new = pick._replace(score=pick.score + lift, parts={**pick.parts, "read together": lift},
                            doubt=doubt)
        ranked[q] = (new, *(c for c in ranked[q] if c is not pick))


def _doubt_moved_context(ranked: dict[Query, tuple[Candidate, ...]],
                         leaned: dict[Query, dict[Query, Place]]) -> None:
    """Mark in doubt a winner chosen beside a reading of another name that the batch
    dropped (in place).

    Each name is ranked beside the others' readings of the moment (the anchors, or the first
    choices); when one of those names ends in another country than the reading this one
    leaned on, and this winner is in the old reading's country, not in the new one's, while a
    namesake of it lies elsewhere, the two answers do not hold together: ``Stirling`` read as
    the Australian town beside ``Perth`` taken for Perth, Western Australia, when ``Perth``
    itself ends up the Scottish city.
    """
    for q, other, seen, now in _crossings(ranked, leaned):
        best = ranked[q][0]
        if best.doubt is not None:  # the first crossing of a name tells
            continue
        country = best.place.country
        if not any(c.method in NAMED_METHODS and c.place.country != country for c in ranked[q][1:]):
            continue
        doubt = (f"chosen beside {other.name!r} read as {seen.name} ({seen.country}), "
                 f"which the text reads as {now.name} ({now.country})")
        ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])


_KIND_FAMILIES = (frozenset({Kind.AIRBASE, Kind.AIRPORT}),
                  frozenset({Kind.PORT, Kind.NAVAL_BASE}), frozenset({Kind.CROSSING}))


def _kind_context(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A bare name in a list of features of one family (air bases and airports, ports and
    naval bases, crossings) is the feature of that family it names, not a town (in place).

    When the other answers that are points are all of one family, or at least two of them
    and more than half, a name whose winner is a town found by its name and that has a
    reading of that family (by its name, or a feature named for it) in a country of theirs,
    and within ``OUTLIER_KM`` of one of them, takes that reading, of the kind most of them
    are first (``Kestrel`` among air bases is ``Kestrel Air Base``, not the village of
    Kestrel)."""
    winners = {q: c[0] for q, c in ranked.items() if c}
    for q, best in winners.items():
        if best.place.kind is not Kind.CITY or best.method not in NAMED_METHODS:
            continue
        others = [c.place for o, c in winners.items() if o != q
                  and c.place.kind not in _AREAL and c.method not in NO_PULL_METHODS]
        for family in _KIND_FAMILIES:
            members = [p for p in others if p.kind in family]
            if not members or (len(members) < len(others)
                               and (len(members) < 2 or 2 * len(members) <= len(others))):
                continue
            kinds = Counter(p.kind for p in members)
            countries = {p.country for p in members}
            readings = [c for c in ranked[q][1:] if c.place.kind in family
                        and c.method in KIND_READINGS and c.place.country in countries
                        and any(haversine_km(c.place.lat, c.place.lon, p.lat, p.lon)
                                <= OUTLIER_KM for p in members)]
            if not readings:
                continue
            # the kind most of them are, then a feature that bears the name in its own
            pick = max(readings, key=lambda c: (kinds[c.place.kind],
                                                c.method is not Method.ALTERNATE, c.score))
            lift = best.score - pick.score + KIND_CONTEXT_LIFT
            new = pick._replace(score=pick.score + lift,
                                parts={**pick.parts, "kind context": lift})
            ranked[q] = (new, *(c for c in ranked[q] if c is not pick))
            break


_ARABIC_ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "adh", "ath")
"""The Arabic article as romanised names write it, assimilated or not (see
``Gazetteer._with_article_hits``)."""


def _with_article(key: str) -> list[str]:
    """``key`` with each form of the Arabic article before it; for a key that has one, the
    key with each other form instead: reports write ``al-`` where the data assimilates it to
    the next letter (``Al-Rai`` for Ar Rāʿī, ``Al-Safira`` for As Safīrah) and the reverse."""
    head, _, rest = key.partition(" ")
    if head not in _ARABIC_ARTICLES:
        return [f"{article} {key}" for article in _ARABIC_ARTICLES]
    if not rest:
        return []
    return [f"{article} {rest}" for article in _ARABIC_ARTICLES if article != head]


def _river_of_a_town_s_name(candidates: tuple[Candidate, ...]) -> str | None:
    """Why a river read by its bare name is in doubt, or None: a town bears that name as
    its own (the Belaya of Bashkortostan, and the villages called Belaya), and only the
    other names of a report tell which is meant; "X River" says it. (A town that wins over
    a river of its name is not put in doubt: a report that names it among towns means it.)"""
    best = candidates[0]
    if not best.place.id.startswith(RIVER_ID_PREFIX) or best.method not in (
            Method.NAME, Method.ALTERNATE) or kind_phrase(best.matched or "") is not None:
        return None
    town = next((c.place for c in candidates[1:]
                 if c.place.kind is Kind.CITY and c.method is Method.NAME), None)
    if town is None:
        return None
    return f"also the town {town.name} ({town.country or '?'}), which bears the name"


def _rivers_at_their_places(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A river named among places stands at the stretch of it they are at (in place).

    A river is long (``gazetteer.rivers``): "Kherson" and "the Dnieper" mean the Dnieper at
    Kherson, not its middle 300 km upstream. Of the other names' points (confident readings
    by a name, not areas), the one nearest the river's outline gives the river's point there:
    the point itself when it lies on the river (a town on its bank), else the nearest point
    of the outline. The outline and the id stay the river's.
    """
    import shapely

    winners = {q: c[0] for q, c in ranked.items() if c}
    rivers = [(q, best) for q, best in winners.items()
              if best.place.id.startswith(RIVER_ID_PREFIX) and best.place.polygon is not None]
    points = [c.place for c in winners.values()
              if c.place.kind not in _AREAL and c.confident and c.method in NAMED_METHODS]
    if not rivers or not points:
        return  # (most batches name no river: no shapes to make)
    others = shapely.points([(p.lon, p.lat) for p in points])
    for q, best in rivers:
        place = best.place
        band = place.polygon
        nearest = others[int(shapely.distance(band, others).argmin())]
        at = shapely.shortest_line(nearest, band).coords[-1]
        moved = dataclasses.replace(place, lat=round(float(at[1]), 4),
                                    lon=round(float(at[0]), 4))
        ranked[q] = (best._replace(place=moved), *ranked[q][1:])


HOLDS_LIFT = 0.05
_HELD_KINDS = frozenset({Kind.REGION, Kind.DISTRICT})


# How alike (rapidfuzz ratio, 0-100) an area's other name must be to its own name to make
# words for its people (Sicilia for Sicily, Baluchistan for Balochistan).
_DEMONYM_SPELLING_RATIO = 75.0


def _demonym_base(base: str, word: str, area: Place) -> bool:
    """Whether ``base``, another name of ``area``, makes ``word`` a word for its people.

    English makes the word from the land's own name: its short form within an official name
    (Crimean from Crimea, the Autonomous Republic of Crimea; Dagestani), the word itself in
    the name (Chechen, the Chechen Republic), or a spelling of the name that keeps its length
    and its first letters (Sicilian from Sicilia, Sicily). A truncation or an old foreign
    spelling is no such base: ``Dacian`` is not a word for the people of Dhaka by its old
    spelling ``Daca``, nor a word ending in -is for Tigray's by its truncation ``Tigr``.
    """
    name = name_key(area.name)
    words = name.split()
    if base in words or word in words:
        return True
    return (abs(len(base) - len(name)) <= 1 and base[:3] == name[:3]
            and fuzz.ratio(base, name) >= _DEMONYM_SPELLING_RATIO)


def _holding_namesakes(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A region's name shared by regions of two countries is the one the text is in (in
    place).

    ``Punjab`` is a province of Pakistan and a state of India; ``Limburg`` a province of the
    Netherlands and of Belgium. The other answers of the batch say which: a town of the text
    inside one of them, or its country named in the text. When a namesake region in another
    country has more of that evidence than the winner, it takes the place (part ``holds the
    others``), in doubt if the winner had some too; when both have as much, and some, the
    winner is in doubt.

    A country is weighed the same way against a region of its name abroad at least as
    populous as the country (``Georgia`` beside ``Kings Bay``: the American state, not the
    Caucasian country); a smaller namesake region (the Belgian province of Luxembourg) never
    takes a country's name from it, however many of the text's towns it holds."""
    winners = {q: c[0] for q, c in ranked.items() if c}
    for q, best in winners.items():
        place = best.place
        if ((place.kind not in _HELD_KINDS and place.kind is not Kind.COUNTRY)
                or best.method not in (Method.NAME, Method.ALTERNATE)
                or place.polygon is None or not place.country):
            continue
        others = [c.place for o, c in winners.items() if o != q and c.method not in NO_PULL_METHODS]
        least = (place.population or 0) if place.kind is Kind.COUNTRY else 0
        rivals = [c for c in ranked[q][1:] if c.place.kind in _HELD_KINDS
                  and c.method in (Method.NAME, Method.ALTERNATE) and c.place.polygon is not None
                  and c.place.country and c.place.country != place.country
                  and (c.place.population or 0) >= least]
        if not rivals or not others:
            continue
        own = _held_evidence(place, others)
        rival = max(rivals, key=lambda c: (_held_evidence(c.place, others), c.score))
        theirs = _held_evidence(rival.place, others)
        if theirs > own:
            lift = best.score - rival.score + HOLDS_LIFT
            doubt = (f"as likely {place.name} ({place.country}), which the text names too"
                     if own else None)
            new = rival._replace(score=rival.score + lift, doubt=doubt,
                                 parts={**rival.parts, "holds the others": lift})
            ranked[q] = (new, *(c for c in ranked[q] if c is not rival))
        elif own and theirs == own and best.doubt is None:
            doubt = (f"as likely {rival.place.name} ({rival.place.country}), which the text "
                     "names too")
            ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])


def _doubt_held_elsewhere(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Mark in doubt an area and a town of one batch that other readings of the same two
    names would put one inside the other (in place).

    ``Athens`` beside ``Georgia`` reads as the Greek capital and the Caucasian country, two
    answers that say nothing of each other; yet a town named Athens lies in the American
    state of Georgia, and a report that names the two together may well mean that pair.
    When the winner of an area's name does not hold the winner of a town's name, while
    a region of the area's name in another country holds another town of the town's name
    (both read by their own names), neither answer is a clear choice."""
    winners = {q: c[0] for q, c in ranked.items() if c}
    for q, best in winners.items():
        area = best.place
        if area.kind not in _AREAL or best.method not in (Method.NAME, Method.ALTERNATE):
            continue
        regions = [c.place for c in ranked[q][1:] if c.place.kind in _HELD_KINDS
                   and c.method is Method.NAME and c.place.polygon is not None
                   and c.place.country != area.country]
        if not regions:
            continue
        for other, town in winners.items():
            if (other == q or town.place.kind is not Kind.CITY
                    or town.method is not Method.NAME or _inside(town.place, area)):
                continue
            pair = next(((r, c.place) for r in regions for c in ranked[other][1:]
                         if c.place.kind is Kind.CITY and c.method is Method.NAME
                         and _inside(c.place, r)), None)
            if pair is None:
                continue
            region, namesake = pair
            doubt = (f"{namesake.name} in {region.name} ({region.country}) is as likely a "
                     "reading of the two")
            for name in (q, other):
                if ranked[name][0].doubt is None:
                    ranked[name] = (ranked[name][0]._replace(doubt=doubt), *ranked[name][1:])


def _held_evidence(area: Place, others: list[Place]) -> int:
    """How many of ``others`` speak for ``area``: towns and features inside it, and its
    country named as such."""
    return sum(1 for p in others if (p.kind is Kind.COUNTRY and p.country == area.country)
               or (p.kind not in _AREAL and p.country == area.country and _inside(p, area)))


def _doubt_described_towns(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Mark in doubt an answer that stands for a feature by way of a name alone, when it lies
    away from the other places of the text (in place):

    - a small town whose name says a kind of feature (``Bird Island``, ``Sunset Beach``,
      ``Signal Hill``): such a name is first a description, and the text may mean a beach,
      island or hill of that name that the data does not know;
    - a feature named for a bare name no place bears, standing in for that place
      (``Gazetteer._bare_feature_hits``: ``Pittsburg Landing`` on the Tennessee read as an
      airstrip in Oregon);
    - the nearest feature of its kind to a place X, for ``X airport`` or ``X pass`` when none
      is known by that name (``Method.NEARBY``), or one of several features named for X
      (``Richmond airfield``: there are Richmond airports on three continents): which X was
      meant is a guess.

    Away is over ``DESCRIBED_KM`` from every other place of the text (for a feature
    standing in for a bare name, farther than the places lie from each other, at least
    ``_SAME_KM``: among them, not merely in their region) and in no area it names, wherever
    its country; at least ``_OUTLIER_MIN_OTHERS`` other places, an area the text names
    among them (``Iraq, Mosul, Kiska``: Kiska Army Airfield, Alaska, is in
    doubt). Large towns (``Long Beach``, ``Green Bay``) keep their confidence, as does any
    answer among the other places.
    """
    winners = {q: c[0] for q, c in ranked.items() if c}
    points = [c.place for c in winners.values()
              if c.place.kind not in _AREAL and c.confident and c.method is not Method.FALLBACK]
    areas = [c.place for c in winners.values()
             if c.place.kind in _AREAL and c.place.polygon is not None]
    xyz: Any = None
    for q, best in winners.items():
        place = best.place
        if not best.confident or place.kind in _AREAL:
            continue
        label = place.kind.value.replace("-", " ")
        if _stands_in(q, best):
            doubt = (f"{_a(label)} named for {q.name!r}, away from the other places: a place "
                     "of that name the data does not know may be meant")
        elif best.method is Method.NEARBY:
            doubt = (f"the nearest {label} to a place named {best.matched!r}, away from the "
                     "other places")
        elif best.method is Method.KIND and place.kind is not Kind.CITY and any(
                haversine_km(place.lat, place.lon, c.place.lat, c.place.lon) > _SAME_KM
                for c in ranked[q][1:] if c.place.kind is place.kind):
            said = kind_phrase(name_key(q.name))
            named = said[1] if said is not None else q.name
            doubt = (f"one of several {_plural(label)} named for {named!r}, away from the "
                     "other places")
        else:
            phrase = kind_phrase(name_key(best.matched)) if best.matched else None
            if (place.kind is not Kind.CITY or phrase is None or phrase[0] == "district"
                    or (place.population or 0) >= _NOTABLE_POPULATION
                    or best.method not in (Method.NAME, Method.ALTERNATE)):
                continue
            label = _KIND_LABEL.get(phrase[0], "site")
            doubt = (f"a town named like {_a(label)}, away from the other places: "
                     f"{_a(label)} of that name may be meant")
        others = [i for i, p in enumerate(points) if p.id != place.id]
        # an area the text names, which the answer lies outside, counts as one more place
        if (not others or len(others) + len(areas) < _OUTLIER_MIN_OTHERS
                or any(_inside(place, a) for a in areas)):
            continue
        if xyz is None:
            xyz = _xyz(points)  # once per batch: a list of thousands stays cheap
        # a feature standing in for a bare name must lie among the other places, not merely
        # in their region: as near one of them as they lie to each other (Las Guasimas
        # Airport, 115 km from Cienfuegos, is not the battlefield beside Santiago and
        # Siboney; Kiska is 250 km from Shemya, which is 650 km from Adak)
        away = DESCRIBED_KM
        if _stands_in(q, best):
            away = min(DESCRIBED_KM, max(_SAME_KM, _spacing_km(xyz[others])))
        if _nearest_km(place, xyz[others]) > away:
            ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])


@lru_cache(maxsize=_MEMO_SIZE)
def _key_phrase(name: str) -> tuple[str, tuple[str, str] | None]:
    """A name's ``name_key`` and the ``kind_phrase`` of that key (None for an empty key),
    remembered: every batch asks them of each of its names, and the same names recur."""
    key = name_key(name)
    return key, kind_phrase(key) if key else None


def _stands_in(q: Query, candidate: Candidate) -> bool:
    """Whether a candidate is a feature named for a bare name that no place bears, standing
    in for the place (``Kiska`` for Kiska Army Airfield; see
    ``Gazetteer._bare_feature_hits``)."""
    if candidate.method is not Method.KIND or not candidate.matched.startswith(_FEATURE_MARK):
        return False  # (most candidates: the name's key is not needed)
    key = name_key(q.name)
    return kind_phrase(key) is None and airfield_base(key) is None


def _a(noun: str) -> str:
    """The noun with its indefinite article."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _plural(noun: str) -> str:
    """The plural of a kind's name: passes, beaches, air bases, countries."""
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _context(q: Query, anchors: dict[Query, Place]) -> Context:
    """What the other names' places say about ``q``: their points (and those of areas
    without an outline, such as counties), the outlines of regions and districts among
    them, and the share of them in each country."""
    points: list[tuple[float, float]] = []
    areas: list[Any] = []
    counts: dict[str, int] = {}  # a Counter's counts in its order, without its overhead
    named: set[str] = set()
    others = 0
    for m, p in anchors.items():  # (one pass: a context is made for each ambiguous name)
        if m == q:
            continue
        others += 1
        outline = p.polygon
        if outline is None or p.kind not in _AREAL:
            points.append((p.lat, p.lon))
        elif p.kind in _CONTEXT_AREAS:
            areas.append(outline)
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
            if p.kind is Kind.COUNTRY:
                named.add(p.country)
    shares = {cc: n / others for cc, n in counts.items()}
    return Context(points, shares, areas, frozenset(named))


def _doubt_lone_towns(ranked: dict[Query, tuple[Candidate, ...]],
                      winners: dict[Query, Candidate]) -> None:
    """In a batch without a main group, mark in doubt a small town (under 100,000), a
    feature its name does not vouch for (see ``_notable``), or a side of an area (method
    ``part``), over ``OUTLIER_KM`` from every other place and in none of their countries (in
    place).

    Nothing in the text speaks for it, and its size does not either: ``Orange Beach`` among
    the islands of Palau is not the town in Alabama that bears the name, nor ``Leith
    Harbour`` in South Georgia the port of Edinburgh.
    """
    for q, best in winners.items():
        place = best.place
        if best.method is Method.PART:
            pass  # a side of an area abroad ("East Flores" read as Uruguay's eastern Flores)
        elif (place.kind in _AREAL or not best.confident or _notable(place, ranked[q])
                or best.method not in (Method.NAME, Method.ALTERNATE)):
            continue
        others = [c.place for m, c in winners.items() if m != q]
        if len(others) < _OUTLIER_MIN_OTHERS or any(
                p.country == place.country for p in others):
            continue
        if any((p.polygon is not None and _inside(place, p))
               or (p.polygon is None and haversine_km(place.lat, place.lon, p.lat, p.lon)
                   <= OUTLIER_KM) for p in others):
            continue
        doubt = "far from every other place of the text, in none of their countries"
        ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])


def _doubt_namesakes_among(ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """Mark in doubt a winner far from all the other answers while a namesake of it lies
    where most of the other names may be (in place).

    The other names may be ambiguous too, and their first answers wrong together: ``Lisbon``
    beside ``Portland``, ``Lewiston`` and ``Auburn`` is the capital of Portugal by size, yet
    all four names are towns of Maine. A namesake within ``_AMONG_KM`` of a place that may
    well be what another name means (its answer not fifty times larger: Paris, Missouri is
    no rival to Paris, France) of at least two of the other names, and of half of them, says
    the text may be about there.
    Trees of points keep a batch of thousands of names cheap.
    """
    winners = {q: c[0] for q, c in ranked.items() if c}
    point_names = [q for q, c in winners.items() if c.place.kind not in _AREAL]
    if len(winners) < _OUTLIER_MIN_OTHERS + 1 or len(point_names) < 2:
        return
    winner_tree: _Ball | None = None  # built for the first name the cheap tests leave
    candidates: tuple[_Ball, list[Query]] | None = None
    for q, best in winners.items():
        place = best.place
        if (not best.confident or len(ranked[q]) < 2 or best.method not in NAMED_METHODS
                or (place.kind is Kind.CITY
                    and (place.population or 0) >= _NOTABLE_POPULATION * 10)):
            continue
        if winner_tree is None:
            position = {m: i for i, m in enumerate(point_names)}
            winner_tree = _Ball(_xyz([winners[m].place for m in point_names]))
            far_chord = 2 * np.sin(OUTLIER_KM / EARTH_RADIUS_KM / 2)
            among_chord = 2 * np.sin(_AMONG_KM / EARTH_RADIUS_KM / 2)
        v = _xyz([place])[0]
        near = winner_tree.near(v, far_chord)
        if any(i != position.get(q) for i in near):
            continue  # another answer within reach
        if place.polygon is not None and any(
                _inside(winners[m].place, place) for m in point_names if m != q):
            continue
        if candidates is None:
            # every name's places that nearly match its answer, each with its name
            close = [(m, c.place) for m in winners for c in ranked[m][:_AMONG_CANDIDATES]
                     if (winners[m].place.population or 0)
                     < _ANCHOR_RATIO * max(c.place.population or 0, 1)]
            candidates = (_Ball(_xyz([p for _, p in close])), [m for m, _ in close])
        tree, owners = candidates
        others = len(winners) - 1
        rivals = [other for other in ranked[q][1:]
                  if other.method in NAMED_METHODS and other.place.kind not in _AREAL]
        if not rivals:
            continue
        # one query for all of them: a point's neighbours are those of a query of its own
        reached = [tree.near(v, among_chord) for v in _xyz([other.place for other in rivals])]
        for other, close_by in zip(rivals, reached, strict=True):
            found = {owners[i] for i in close_by} - {q}
            if len(found) >= 2 and 2 * len(found) >= others:
                doubt = (f"a namesake in {other.place.country} lies where most of the other "
                         "names may be")
                ranked[q] = (best._replace(doubt=doubt), *ranked[q][1:])
                break


class _Ball:
    """The points (unit vectors, one row each) within a chord of a point: a tree of them for
    a batch of many names, a plain scan of the rows for a report's handful (a tree costs
    more to build than such a scan)."""

    def __init__(self, xyz: Any) -> None:
        self._rows: list[tuple[float, float, float]] | None = None
        self._tree: Any = None
        if len(xyz) >= SCAN_BELOW:
            from scipy.spatial import cKDTree

            self._tree = cKDTree(xyz)
        else:
            self._rows = [(float(x), float(y), float(z)) for x, y, z in xyz.tolist()]

    def near(self, v: Any, chord: float) -> list[int]:
        """The numbers of the rows within ``chord`` of ``v`` (a unit vector)."""
        if self._rows is None:
            return list(self._tree.query_ball_point(v, chord))
        x, y, z = float(v[0]), float(v[1]), float(v[2])
        limit = chord * chord
        return [i for i, (a, b, c) in enumerate(self._rows)
                if (a - x) ** 2 + (b - y) ** 2 + (c - z) ** 2 <= limit]


SHORT_FORM_PART = "short form"
_SHORT_FORM_LEAD = 0.1  # ahead by more than the commands call ambiguous


def _short_forms(unique: list[Query], ranked: dict[Query, tuple[Candidate, ...]]) -> None:
    """A name that is the short form of another name of the text for a larger area around
    its answer means that area (in place): ``Chaco`` beside ``Gran Chaco`` is the Gran
    Chaco, not the Argentine province inside it that bears the short name.

    Texts name an area in full once and shortly after ("the Gran Chaco ... into the Chaco").
    The short name's answer must be an area inside the full one's outline and smaller (by
    population), so that ``Darfur`` beside ``North Darfur`` stays Darfur, and ``Ireland``
    beside ``Northern Ireland`` the country. The full name's answer must be confident.
    """
    full: list[tuple[str, Candidate]] = []
    for q in unique:
        best = ranked[q][0] if ranked[q] else None
        if (best is not None and best.confident and best.place.kind in _SHORT_FORM_WHOLES
                and best.place.polygon is not None):
            full.append((_key_phrase(q.name)[0], best))
    if not full:
        return
    for q in unique:
        if not ranked[q]:
            continue
        best = ranked[q][0]
        key = _key_phrase(q.name)[0]
        if not key or best.place.kind not in _AREAL:
            continue
        for whole_key, whole in full:
            area = whole.place
            if (whole_key == key or area.id == best.place.id
                    or not (whole_key.endswith(f" {key}") or whole_key.startswith(f"{key} "))
                    or (area.population or 0) <= (best.place.population or 0)
                    or not _inside(best.place, area)):
                continue
            lift = best.score - whole.score + _SHORT_FORM_LEAD
            chosen = whole._replace(score=whole.score + lift, method=Method.ALTERNATE,
                                    matched=key, parts={**whole.parts, SHORT_FORM_PART: lift})
            ranked[q] = (chosen, *(c for c in ranked[q] if c.place.id != area.id))
            break


_SHORT_FORM_WHOLES = frozenset({Kind.MACRO_REGION, Kind.REGION, Kind.CONTINENT})


def _without_strays(anchors: dict[Query, Place]) -> dict[Query, Place]:
    """The anchors without the small places far from those that lie together: a stray
    (``New Sarum`` read as Salisbury in England in a report on Rhodesia) must not pull the
    other names toward it."""
    points = {q: p for q, p in anchors.items() if p.kind not in _AREAL}
    core = _core(points)
    if core is None:
        return anchors
    core_xyz = _xyz([points[q] for q in core])
    return {q: p for q, p in anchors.items()
            if q in core or p.kind in _AREAL
            or (p.kind is Kind.CITY and (p.population or 0) >= _NOTABLE_POPULATION)
            or _nearest_km(p, core_xyz) <= OUTLIER_KM}


def _notable(place: Place, candidates: tuple[Candidate, ...]) -> bool:
    """A large town, or a feature (not a town) that is the only place with its name (the
    others of that name lie at it): an airport or air base (``_FULLY_LISTED``), or another
    feature found by a name of its own, not a description.

    A name that says its kind (``Blue Beach``, ``Long Island``, ``Leith Harbour``) is a
    description many places share, and beaches, bridges, passes, islands, sites and ports are
    known only in part (a curated list, Natural Earth's larger islands, the ports of sea
    routes): the only one of such a name in the data does not vouch for itself far from the
    text (every landing has its ``Blue Beach``)."""
    if place.kind is Kind.CITY:
        return (place.population or 0) >= _NOTABLE_POPULATION
    if candidates[0].method not in (Method.NAME, Method.ALTERNATE, Method.CODE) or any(
            haversine_km(place.lat, place.lon, c.place.lat, c.place.lon) > _SAME_KM
            for c in candidates[1:]):  # an island and its airfield are one answer
        return False
    return place.kind in _FULLY_LISTED or not _says_its_kind(candidates[0])


def _xyz(places: Sequence[Place]) -> Any:
    return unit_rows([(p.lon, p.lat) for p in places])


def _nearest_km(place: Place, xyz: Any) -> float:
    """The distance from a place to the nearest of the points ``xyz`` (unit vectors)."""
    dot = float((xyz @ _xyz([place])[0]).max())
    # math on the one figure: numpy's clip and arccos of a scalar cost more than the product
    return EARTH_RADIUS_KM * math.acos(min(1.0, max(-1.0, dot)))


_SPACED = 64  # the points at most whose spacing is measured (evenly taken)


def _spacing_km(xyz: Any) -> float:
    """How far apart the points ``xyz`` (unit vectors) lie: the median of each one's distance
    to its nearest other (of at most ``_SPACED`` of them); 0 for fewer than two."""
    rows = xyz[:: max(1, -(-len(xyz) // _SPACED))]
    if len(rows) < 2:
        return 0.0
    dots = rows @ rows.T
    np.fill_diagonal(dots, -1.0)
    nearest = np.arccos(np.clip(dots.max(axis=1), -1.0, 1.0)) * EARTH_RADIUS_KM
    return float(np.median(nearest))


def _spread_km(xyz: Any) -> float:
    """How far the points ``xyz`` (unit vectors) lie around their middle: the least, over
    the points as middles, of the median distance from one to the others (the median and a
    middle among them, so that one stray does not widen a close group). At most
    ``_CORE_CANDIDATES`` middles are tried."""
    step = max(1, len(xyz) // _CORE_CANDIDATES)
    dot = float(np.median(xyz[::step] @ xyz.T, axis=1).max())
    return EARTH_RADIUS_KM * math.acos(min(1.0, max(-1.0, dot)))


def _nearest_other_km(place: Place, xyz: Any) -> float:
    """The distance from a place to the nearest of the points ``xyz`` other than itself."""
    dots = xyz @ _xyz([place])[0]
    dots = dots[dots < _SELF_COSINE]
    if not dots.size:
        return 0.0
    return EARTH_RADIUS_KM * math.acos(min(1.0, max(-1.0, float(dots.max()))))


def _core(points: dict[Query, Place]) -> set[Query] | None:
    """The names whose places lie within ``OUTLIER_KM`` of one of them, chosen to hold the
    most, if they are more than half of them and at least three; else None (a world list).

    The centre is sought among at most ``_CORE_CANDIDATES`` of the places (evenly spread
    through the list), so that a batch of many thousand names costs a few matrix products.
    """
    if len(points) < _OUTLIER_MIN_OTHERS + 1:
        return None
    names = list(points)
    xyz = _xyz([points[q] for q in names])
    step = max(1, len(names) // _CORE_CANDIDATES)
    # (the reduction itself: ndarray.sum reaches it through a Python-level wrapper)
    counts = np.add.reduce(xyz[::step] @ xyz.T >= _OUTLIER_COSINE, axis=1)
    centre = xyz[::step][int(counts.argmax())]
    members = {names[i] for i in np.flatnonzero(xyz @ centre >= _OUTLIER_COSINE)}
    return members if len(members) > len(names) / 2 else None


_CONTEXT_PARTS = ("context", "coherence")


def _says_its_kind(candidate: Candidate) -> bool:
    """Whether the name matched says what the place is (``Kursk NPP`` for a power plant,
    ``Gatow airfield``): such a name is no loose other name of a town (``Bansko``), and
    a report names a plant across the border by it."""
    phrase = kind_phrase(candidate.matched) if candidate.matched else None
    return phrase is not None and candidate.place.kind in KIND_CLASSES[phrase[0]]


def _doubt(ranked: tuple[Candidate, ...], context: Context) -> str:
    """Why the winner among namesakes in different countries is not a clear choice, or "".

    The other places of a text are evidence, not proof. The winner is in doubt when
    - it is a region that a town inside it is also named (``Sagaing``, ``Idlib``): the bare
      name may mean either;
    - it is a town found by another of its names, in none of the others' countries
      (``Banjska`` in Kosovo news read as ``Bansko``, Bulgaria);
    - it is a town found by another of its names, the others do not lie close around it,
      and a town in another country at least half as large bears the name as its own
      (``Rota`` beside Ramstein read as Roth in Bavaria, over Rota in Spain);
    - it is a region in none of the others' countries, and a town of its exact name lies in
      one of them, of ``_REGION_TOWN_MIN`` people and a twentieth of the region at least
      (``Santander`` beside Spanish towns in a list that also names France);
    - most of the others are in one country, it is not, and a namesake there was found
      (``Paris`` among Texan towns, ``Georgia`` the country in American news);
    - context alone made it beat a namesake a hundred times larger in another country
      (``El Paso``, Mexico, in Mexican news, over El Paso, Texas), or ten times larger when
      the other places do not lie close around it (their mean closeness part under
      ``_CLOSE_CONTEXT``, about 130 km from each): a country's share alone is thin evidence
      (a town in Poland for ``Minsk`` beside two Polish places far from it); but not when
      every other place lies in its country, at least ``_HOME_POINTS`` points, one of them
      within ``_AMONG_KM`` (``Mérida`` beside Badajoz in an account of Spain).
    """
    best = ranked[0]
    if best.method not in NAMED_METHODS or not context or CANONICAL_PART in best.parts:
        return ""
    place = best.place
    if place.kind in (Kind.REGION, Kind.DISTRICT) and best.method in (Method.NAME,
                                                                       Method.ALTERNATE):
        town = next((c.place for c in ranked[1:] if c.place.kind is Kind.CITY
                     and c.method in (Method.NAME, Method.ALTERNATE)
                     and c.place.country == place.country and _inside(c.place, place)
                     and _DOUBT_RATIO * (c.place.population or 0) >= (place.population or 0)),
                    None)
        if town is not None:
            return f"also the name of {town.name}, a town in it"
    countries = context.countries
    if best.method is Method.ALTERNATE and place.kind not in _AREAL and not _says_its_kind(
            best) and ((countries and (place.country or "") not in countries)
            or (context.points and best.parts.get("context", 1.0) < _FAR_CONTEXT)
    ) and not _unrivalled(ranked, context):
        return f"another name of {place.name}, far from the other places"
    if (best.method is Method.ALTERNATE and place.kind is Kind.CITY and not _says_its_kind(best)
            and best.parts.get("context", 0.0) < _CLOSE_CONTEXT
            and not _unrivalled(ranked, context)):
        # a town abroad at least half as large bears the name as its own (Rota, Spain, and
        # Roth in Bavaria, whose Latin name it is), and the others do not lie close around
        # the winner: their country is thin evidence for another name
        bearer = next((c.place for c in ranked[1:] if c.method is Method.NAME
                       and c.place.kind is Kind.CITY and c.place.country != place.country
                       and 2 * (c.place.population or 0) >= (place.population or 0)), None)
        if bearer is not None:
            return (f"another name of {place.name}; {bearer.name} ({bearer.country}) bears "
                    "it as its own")
    areal = place.kind in _AREAL
    elsewhere = [c for c in ranked[1:] if c.method in NAMED_METHODS and c.place.country
                 and c.place.country != place.country and (c.place.kind in _AREAL) == areal]
    home = context.home
    if (home[0] and home[1] >= _DOUBT_SHARE and place.country != home[0]
            and context.share(place.lat, place.lon, place.country) < home[1]):
        # (a winner beside one of the other places is where the text is: see Context.share)
        # a namesake of the same sort (area or town), or of some size: Victoria the city in
        # Canadian news, not a village called Moldova in Ukrainian news
        there = next((c for c in ranked[1:] if c.method in NAMED_METHODS and _contends(c, best)
                      and c.place.country == home[0]
                      and ((c.place.kind in _AREAL) == areal or _DOUBT_RATIO
                           * (c.place.population or 0) >= (place.population or 0))), None)
        if there is not None:
            return f"a namesake in {home[0]}, where the other places are"
    if place.kind in _HELD_KINDS and countries and (place.country or "") not in countries:
        # a region abroad, in none of the others' countries, named like a town in one of them
        # (Santander, the Colombian department, beside Spanish towns in a mixed list)
        # (a village of the name, or one under a twentieth of the region, does not count:
        # Texas, Mexico, beside Ciudad Juárez)
        size = max(AREA_NAME_SHARE * (place.population or 0), _REGION_TOWN_MIN)
        town = next((c.place for c in ranked[1:] if c.place.kind is Kind.CITY
                     and c.method is Method.NAME and c.place.country in countries
                     and (c.place.population or 0) >= size), None)
        if town is not None:
            return f"also the name of {town.name} ({town.country}), where other places are"
    among = _among(place, context)
    if not among:
        there = next((c for c in ranked[1:] if c.method in NAMED_METHODS and _contends(c, best)
                      and c.place.kind not in _AREAL and _among(c.place, context)), None)
        if there is not None:
            return f"a namesake in {there.place.country} lies among the other places"
    if place.kind is Kind.CITY and (place.population or 0) < _NOTABLE_POPULATION:
        doubt = _weak_town(ranked, context)
        if doubt:
            return doubt
    own = best.score - sum(best.parts.get(k, 0.0) for k in _CONTEXT_PARTS)
    if (countries.get(place.country or "", 0.0) >= 1.0 and context.points >= _HOME_POINTS
            and context.nearest_km(place.lat, place.lon) <= _AMONG_KM):
        # every other place in its country, at least three, and one of them a neighbour:
        # the namesake abroad, however large, is not what the text means (Mérida beside
        # Badajoz in an account of Spain, Ipswich beside Toowoomba in Queensland news)
        elsewhere = []
    for other in elsewhere:
        ratio = _DOUBT_RATIO if best.parts.get("context", 0.0) >= _CLOSE_CONTEXT else (
            _CONTEXT_WIN_RATIO)
        larger = (other.place.population or 0) >= ratio * max(place.population or 0, 1)
        if larger and other.score - sum(other.parts.get(k, 0.0) for k in _CONTEXT_PARTS) > own:
            return (f"chosen by context over {other.place.name} ({other.place.country}), "
                    "far larger")
    return _doubt_home_namesake(ranked) or _doubt_held(ranked)


def _doubt_held(ranked: tuple[Candidate, ...]) -> str:
    """Why a town that a region named in the text holds (part ``within``) is not a clear
    choice, or "": a namesake of its country at least half as large, over ``SAME_PLACE_KM``
    away and in no named region, lies nearer the other places (a higher ``context`` part).
    The region is evidence and so is the others' nearness; when they disagree the answer
    stands in doubt (Florence beside Kentucky, where the river war began, and beside
    Huntsville, Decatur and Corinth: the Kentucky town won, the Alabama one was meant)."""
    best = ranked[0]
    place = best.place
    if place.kind is not Kind.CITY or "within" not in best.parts:
        return ""
    for other in ranked[1:6]:
        town = other.place
        if (town.kind is Kind.CITY and other.method in (Method.NAME, Method.ALTERNATE)
                and town.country == place.country and "within" not in other.parts
                and other.parts.get("context", 0.0) > best.parts.get("context", 0.0)
                and 2 * (town.population or 0) >= (place.population or 0)
                and haversine_km(place.lat, place.lon, town.lat, town.lon) > SAME_PLACE_KM):
            return (f"a region the text names holds it, but {town.name} "
                    f"({town.admin1 or town.country}), as large, lies nearer the other places")
    return ""


# What the text gives a town beside its name and size: the others' closeness and country,
# and a region named with it that holds it.
_WON_PARTS = ("context", "coherence", "within")


def _doubt_home_namesake(ranked: tuple[Candidate, ...]) -> str:
    """Why a small town won by the text over a far larger namesake in its own country is not
    a clear choice, or "".

    Country coherence cannot tell two towns of one country apart, and a region or the other
    places' mean distance is thin evidence between two of them hundreds of kilometres
    apart: a country full of ``San Jose`` towns gives a village in a province named in the
    text the win over the city of that name on another island. When the winner's own score
    (without the text's parts) is below that of a namesake of its country, over
    ``SAME_PLACE_KM`` away and ``_CONTEXT_WIN_RATIO`` times its size, and the other places
    do not lie close around the winner (context part under ``_CLOSE_CONTEXT``), the answer
    stands, in doubt.
    """
    best = ranked[0]
    place = best.place
    if (place.kind is not Kind.CITY or best.parts.get("context", 0.0) >= _CLOSE_CONTEXT
            or (place.population or 0) >= _NOTABLE_POPULATION):
        return ""
    own = best.score - sum(best.parts.get(k, 0.0) for k in _WON_PARTS)
    for other in ranked[1:]:
        town = other.place
        if (town.kind is Kind.CITY and other.method in NAMED_METHODS
                and town.country == place.country
                and (town.population or 0) >= _CONTEXT_WIN_RATIO * max(place.population or 0, 1)
                and other.score - sum(other.parts.get(k, 0.0) for k in _WON_PARTS) > own
                and haversine_km(place.lat, place.lon, town.lat, town.lon) > SAME_PLACE_KM):
            return f"chosen by the text over {town.name} ({town.country}), far larger"
    return ""


def _unlike_district(best: Candidate, index: Index) -> str:
    """Why a part of a city found by another of its names, one unlike its own, is not a
    clear answer, or "".

    GeoNames lists the districts and suburbs of a city as towns, and where a city has two
    languages (or a translated name for its quarters) each carries a second name that
    shares hardly a letter with its own: often a plain word of that language ("big
    forest", "north lake"), which a text uses for a place of its own that the gazetteer
    does not know (a border post, a farm, a bay). Nothing speaks for the district but that
    second name, and country coherence cannot tell it from the place meant in the same
    country; the answer stands, in doubt. A town's other names that are spellings of its
    own (``Mórfou``, ``Kharkov``), names in other scripts, and towns that are not part of
    a far larger one (a free-standing town known abroad by an exonym, such as a Flemish
    town by its French name) are left alone.
    """
    place = best.place
    if (best.method is not Method.ALTERNATE or place.kind is not Kind.CITY
            or (place.population or 0) >= _NOTABLE_POPULATION):
        return ""
    other, own = name_key(best.matched), name_key(place.name)
    if (not other or not own or not (other.isascii() and own.isascii())
            or other in own or own in other or skeleton(other) == skeleton(own)
            or fuzz.ratio(other, own) >= UNLIKE_RATIO):
        return ""
    size = _DISTRICT_RATIO * max(place.population or 0, 1)
    city = next((index.place(n) for n, _ in index.nearest_of_kinds(
        frozenset({Kind.CITY}), place.lat, place.lon, _DISTRICT_KM, limit=_DISTRICT_TOWNS)
        if (index.place(n).population or 0) >= size), None)
    if city is None:
        return ""
    return (f"{best.matched!r} read as another name of {place.name}, a part of {city.name}; "
            "a place of that name unknown here may be meant")


def _contends(other: Candidate, best: Candidate) -> bool:
    """Whether a namesake is a contender for a winner: it bears the name as strongly (its
    own name where the winner has its own: an alternate name of a town is no match for a
    country's name), or trails by less than ``WEAK_LEAD`` all told. ``Iraq`` among towns of
    Iran is the country, though Arāk lists the word among its other names."""
    return (other.parts.get("match", 0.0) >= best.parts.get("match", 0.0) - 1e-9
            or best.score - other.score < WEAK_LEAD)


def _prior(candidate: Candidate) -> float:
    """A candidate's score less what the text and the caller's hints gave it
    (``_SUPPORT_PARTS``): what its name, kind and size say alone."""
    return candidate.score - sum(candidate.parts.get(p, 0.0) for p in _SUPPORT_PARTS)


def _unrivalled(ranked: tuple[Candidate, ...], context: Context) -> bool:
    """Whether a large town (``NOTABLE_POPULATION``) is the name's reading whatever the
    text: every other place that reads the name lies at it (the region around it, its
    airport) or trails by ``WEAK_LEAD`` or more, and it lies within ``OUTLIER_KM`` of the
    other places or is a city of a million; the lead is the one its name, kind and size give
    (``_prior``), not the other names (``Sunch'ŏn`` beside Seoul is not Suncheon in the South
    by Seoul's country alone). ``Kharkov`` in a text on the Volga is still
    Kharkiv, and ``Mersa Matruh`` Marsa Matruh: an old spelling, not a namesake far away;
    ``Matsu`` among Taiwan's bases is not Matsue in Japan, whatever its size."""
    best = ranked[0]
    place = best.place
    size = place.population or 0
    if place.kind is not Kind.CITY or size < _NOTABLE_POPULATION or (
            size < 10 * _NOTABLE_POPULATION
            and context.nearest_km(place.lat, place.lon) > OUTLIER_KM):
        return False
    for other in ranked[1:]:
        # the lead "whatever the text": what the other names gave each is left out
        if _prior(best) - _prior(other) >= WEAK_LEAD:
            return True
        there = other.place
        if not ((there.kind in _AREAL and _inside(place, there))
                or haversine_km(place.lat, place.lon, there.lat, there.lon) <= _SAME_KM):
            return False
    return True


def _weak_town(ranked: tuple[Candidate, ...], context: Context) -> str:
    """Why a small town with namesakes elsewhere is not a clear choice, or "".

    Its size does not speak for it, so the text must: it is in doubt when it lies far
    (over ``OUTLIER_KM``) from every other place of the text, in no country it names (a
    village is named with its
    surroundings: Rybachiy near Vilyuchinsk is not the village on the Baltic), or when the
    others' countries do not vouch for it and it hardly beat a namesake as large elsewhere
    by the same kind of name.
    """
    best = ranked[0]
    place = best.place
    namesakes = [c for c in ranked[1:] if c.method in NAMED_METHODS and c.place.kind is Kind.CITY
                 and haversine_km(place.lat, place.lon, c.place.lat, c.place.lon) > _SAME_KM]
    if not namesakes:
        return ""
    if (context.points and place.country not in context.named_countries
            and context.nearest_km(place.lat, place.lon) > OUTLIER_KM):
        return "far from every other place of the text, and not the only place of its name"
    if context.countries.get(place.country or "", 0.0) >= _WEAK_SHARE:
        return ""
    for other in namesakes:
        if best.score - other.score >= _WEAK_LEAD:
            break
        if (other.method is best.method
                and _WEAK_RATIO * (other.place.population or 0) >= (place.population or 0)):
            return (f"as likely {other.place.name} ({other.place.country}): nothing else in "
                    "the text tells them apart")
    return ""


def _among(place: Place, context: Context) -> bool:
    """Whether a place lies among the other places: within ``_AMONG_KM`` of at least two of
    them and of half of them, or (an area) holding one of them."""
    if place.kind in _AREAL:
        return context.closeness(place.lat, place.lon, place.polygon) > 0.5 / max(
            context.points, 1) if place.polygon is not None else False
    near = context.around(place.lat, place.lon, _AMONG_KM)
    return near >= 2 and 2 * near >= context.points


# "20 km east of X", "some 5 miles NE of X" (Gazetteer._relative_hits)
_OFFSET_PHRASE = re.compile(
    r"^\s*(?:(?:some|about|around|approximately|approx\.?|roughly|nearly|almost|c\.|ca\.)\s+)?"
    r"(?P<n>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>km|kms|kilomet(?:re|er)s?|mi|miles?|nm|nmi|"
    r"nautical\s+miles?|m|metres?|meters?)\s+(?:to\s+the\s+)?(?P<dir>(?:north|south)"
    r"(?:[\s-]?(?:east|west))?|east|west|[ns][ew]?|[ew])(?:wards?)?\s+of\s+(?P<rest>.+?)\s*$",
    re.IGNORECASE)
_OFFSET_DIRECTIONS = {**{d: d for d in BEARINGS}, "n": "north", "s": "south", "e": "east",
                      "w": "west", "ne": "northeast", "nw": "northwest", "se": "southeast",
                      "sw": "southwest"}
_UNIT_KM = {"km": 1.0, "mi": 1.609344, "nm": 1.852, "m": 0.001}
_OFFSET_MAX_KM = 500.0
"""The farthest offset read as one (beyond it a text places a thing by a region, not a town)."""
# "near X", "on the outskirts of X", "in the vicinity of X": X itself
_VICINITY_PHRASE = re.compile(
    r"^\s*(?:(?:on|in|at)\s+)?(?:the\s+)?(?:near|nearby|outside(?:\s+of)?|(?:outskirts|suburbs|"
    r"vicinity|environs|area)\s+of|close\s+to)\s+(?P<rest>.+?)\s*$", re.IGNORECASE)


def _unit(word: str) -> str:
    """The key of ``_UNIT_KM`` for a unit as written."""
    word = word.lower()
    if word.startswith(("km", "kilomet")):
        return "km"
    if word.startswith(("nm", "nautical")):
        return "nm"
    return "mi" if word.startswith("mi") else "m"


# "X, Y" (the last comma) or "X (Y)": a name and the area it lies in (Gazetteer._qualified_hits)
_QUALIFIED = re.compile(r"^(?P<head>.+?)\s*(?:,\s*(?P<tail>[^,()]+)|\((?P<paren>[^()]+)\))\s*$")
_QUALIFIER_KINDS = frozenset({Kind.COUNTRY, Kind.REGION, Kind.DISTRICT})


def _qualified_parts(name: str) -> tuple[str, str] | None:
    """The name and its qualifier of ``X, Y`` or ``X (Y)``, or None for another shape."""
    match = _QUALIFIED.match(name) if ("," in name or "(" in name) else None
    if match is None:
        return None
    head, tail = match["head"].strip(), (match["tail"] or match["paren"] or "").strip()
    return (head, tail) if head and tail else None


def _qualifies(place: Place, area: Place) -> bool:
    """Whether a place lies in the area a qualifier names: a country by its code (its
    outline leaves out islands and coasts at the scale the data draws), a region or a
    district by its outline or by the name of the place's first-level region."""
    if area.kind is Kind.COUNTRY:
        return area.country is not None and place.country == area.country
    if place.country != area.country:
        return False
    if place.admin1 is not None and place.admin1 in (area.name, area.admin1):
        return True
    return _inside(place, area)


def _inside(town: Place, area: Place) -> bool:
    """Whether a town lies in an area (its outline, else its first-level region's name)."""
    if area.polygon is not None:
        return outline_holds(area, town)
    return town.admin1 is not None and town.admin1 == area.admin1


def _acceptable(best: Candidate, context: Context) -> bool:
    """Whether a winning candidate may be given as an answer.

    A typo match must be at least ``FUZZY_ACCEPT`` similar and lie in a country one of the
    other names resolved with it is in (when there are any). Another romanisation is accepted;
    like a typo, its candidate says it is not confident.
    """
    if best.method not in (Method.FUZZY, Method.PHONETIC):
        return True
    if best.method is Method.PHONETIC:
        return True  # another romanisation: accepted, flagged as not confident
    similarity = (best.parts["match"] + 0.6) / 1.5
    if similarity < FUZZY_ACCEPT - 1e-9:
        return False
    return not context.countries or (best.place.country or "") in context.countries


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the reference data alone, opened once per process."""
    return Gazetteer()


def resolve(name: str, *, country: str | None = None, near: Near | None = None) -> Place:
    """The best place for a name, from the reference data.

    Raises :class:`PlaceNotFoundError` (with suggestions) when nothing matches. An answer
    the commands would flag (``Resolution.confident`` is False: read loosely, in doubt, or
    ambiguous) is logged as a warning with its flags, so that a notebook sees what
    ``validate`` says; ``Gazetteer.resolve`` gives the whole resolution.

    >>> resolve("Чхонджин").name
    'Chongjin'
    """
    resolution = default_gazetteer().resolve(name, country=country, near=near)
    place = resolution.place
    if not resolution.confident:
        where = f" ({place.country})" if place.country else ""
        log.warning("place %r read as %s%s: %s; check it", name, place.name, where,
                    "; ".join(resolution.flags))
    return place
