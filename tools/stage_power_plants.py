"""Stage the Global Power Plant Database's larger plants as ``geo/power_plants.csv``.

Run from the repository root: ``python tools/stage_power_plants.py GPPD_CSV`` where
``GPPD_CSV`` is the World Resources Institute's ``global_power_plant_database.csv`` (CC BY
4.0), with at least the columns ``country``, ``name``, ``capacity_mw``, ``latitude``,
``longitude`` and ``primary_fuel``.

War reports name power plants and dams as places: a nuclear plant that changes hands, a dam
that is blown, a thermal plant that is struck. Kept are every nuclear plant, hydroelectric
plants of 10 MW or more (most are named for their dam) and coal, gas and oil plants of
100 MW or more; solar and wind farms, biomass and waste plants are left out (reports seldom
name them, and their names are mostly a village's or a company's).

Each row is a plant by its own name only, without the words that say what it is, and a
``fuel`` class (``nuclear``, ``hydro``, ``thermal``): the gazetteer makes "Kursk Nuclear
Power Plant", "Kursk NPP" and the rest of the forms reports use by rule
(``sources.power_plant_entries``), so that a bare "Kursk" stays the city. The name is cleaned:

- the country name some rows end with and the generic words are taken off (``Naghlu Dam
  Hydroelectric Power Plant Afghanistan`` is ``Naghlu``, ``Burshtyn power station`` is
  ``Burshtyn``, ``CT CORRIENTES`` is ``Corrientes``), as are unit numbers (``Dneipro HPP 2``);
- a name in parentheses is another name (``Rivne (Rouno)``), unless it says what the plant is
  (``Dniester (pumped storage)``);
- names in capitals are written as people write them (``EL CHOCON`` is ``El Chocon``);
- units of one plant (same name, country and fuel within 20 km) are one row, at the largest
  unit's point, with their capacities summed.

A plant named for a nearby town under another spelling also gets the town's GeoNames name
(``Zaporozhye`` is Zaporizhzhia's, ``Kremenchug`` Kremenchuk's) in ``alt_names``: reports
spell the plant as they spell the town. So does the largest town of 1,000 or more inhabitants
within 10 km, where the plant stands (Kursk's nuclear plant is also Kurchatov's, the
Kakhovka dam Nova Kakhovka's). The output is deterministic.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from movemap.gazetteer.normalize import name_key  # noqa: E402
from movemap.gazetteer.sources import geonames_entries  # noqa: E402

FUELS = {"Nuclear": ("nuclear", 0.0), "Hydro": ("hydro", 10.0), "Coal": ("thermal", 100.0),
         "Gas": ("thermal", 100.0), "Oil": ("thermal", 100.0)}
"""GPPD's primary fuel -> (class, smallest capacity in MW kept)."""
_SAME_PLANT_KM = 20.0
_TOWN_KM = 60.0
_RENAMED_TOWN = 50_000
_HOST_KM = 10.0
_HOST_POPULATION = 1_000
_GENERIC = re.compile(
    r"\b(?:hydro[- ]?electric(?:ity)?|hydro ?power|hydro|nuclear|atomic|thermal|thermo ?electric|"
    r"coal[- ]fired|gas[- ]fired|combined[- ]cycle|power|electric(?:ity)?|energy|generating|"
    r"generation|plant|station|stn|project|complex|facility|dam|barrage|npp|hpp|hep|hes|tpp|"
    r"ges|tes|chp|ccgt|ccpp|ipp|pumped storage|pumped|storage|unit|units|block|phase|stage|"
    r"central termica|central hidroelectrica|central|ct|c t|uhe|ute|pch|ch|ps|ltd|limited|"
    r"gres|tets|tec|pltu|pltgu|plta|pltd|pltp|ec|hidroelektrana|elektrana|elektrownia|kraftwerk|"
    r"centrale|grupo|co|inc|llc|sa|s a|ag|gmbh|plc|corp|company)\b",
    re.IGNORECASE)
_UNIT = re.compile(r"(?:(?:\s+|\s*[-#]\s*)(?:\d+[a-z]?|[ivx]+|[a-h]))+$", re.IGNORECASE)
_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$")
_SMALL = {"of", "the", "de", "del", "la", "le", "les", "los", "las", "and", "et", "du", "da",
          "dos", "das", "do", "di", "y", "el", "al"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _title(name: str) -> str:
    if not (name.isupper() or name.islower()):
        return name
    words = name.lower().split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _bare(name: str, country_long: str) -> str:
    """``name`` without the country it ends with, generic words and unit numbers."""
    name = name.strip()
    if (country_long and name.lower().endswith(" " + country_long.lower())
            and _GENERIC.search(name[: -len(country_long)])):  # not "South Ukraine"
        name = name[: -len(country_long)].strip()
    name = _GENERIC.sub(" ", name.replace("_", " "))
    name = re.sub(r"[\s,./&+-]+$", "", " ".join(name.split()))
    name = _UNIT.sub("", name).strip(" -,/.")
    return " ".join(name.split())


def clean_names(name: str, country_long: str) -> list[str]:
    """The plant's own names, the first its main one (empty if nothing is left of it)."""
    out = []
    match = _PARENS.match(name)
    parts = [name]
    if match:
        head, inner, tail = (g.strip() for g in match.groups())
        parts = [f"{head} {tail}".strip()]
        inner = re.sub(r"^antiga\s+", "", inner, flags=re.IGNORECASE)  # "former": a name
        # not an operator's acronym (CPSA), a unit (Cc1) or a scheme's part
        if not (re.search(r"\d|scheme|parte|fase|etapa", inner, re.IGNORECASE)
                or (inner.isupper() and len(inner) <= 5)):
            parts.append(inner)
    for part in parts:
        bare = _title(_bare(part, country_long))
        if len(name_key(bare)) >= 3 and not bare.replace(" ", "").isdigit():
            out.append(bare)
    return list(dict.fromkeys(out))


def _host_town(cells: dict[tuple[int, int], list[tuple[int, str, float, float, str]]],
               lat: float, lon: float, country: str) -> str | None:
    """The largest town of the plant's country within ``_HOST_KM``: reports name a plant by
    the town it stands in (Enerhodar's nuclear plant, the Nova Kakhovka dam)."""
    best: tuple[int, str] | None = None
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for pop, name, t_lat, t_lon, t_country in cells.get(
                    (math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                if (t_country == country and (best is None or pop > best[0])
                        and haversine_km(lat, lon, t_lat, t_lon) <= _HOST_KM):
                    best = (pop, name)
    return best[1] if best else None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    from movemap.countries import _table

    iso2 = {row["iso3"]: code for code, row in _table().items() if row["iso3"]}
    with open(argv[1], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    plants: dict[tuple[str, str, str], list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        fuel = FUELS.get(row["primary_fuel"])
        capacity = float(row["capacity_mw"] or 0)
        country = iso2.get(row["country"])
        if fuel is None or capacity < fuel[1] or country is None:
            continue
        names = clean_names(row["name"], row.get("country_long", ""))
        if not names:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        group = plants[(country, fuel[0], name_key(names[0]))]
        same = next((p for p in group
                     if haversine_km(lat, lon, p["lat"], p["lon"]) <= _SAME_PLANT_KM), None)  # type: ignore[arg-type]
        if same is None:
            group.append({"names": names, "lat": lat, "lon": lon, "mw": capacity,
                          "top": capacity})
            continue
        same["mw"] = float(same["mw"]) + capacity  # type: ignore[arg-type]
        same["names"] = list(dict.fromkeys([*same["names"], *names]))  # type: ignore[misc]
        if capacity > float(same["top"]):  # type: ignore[arg-type]
            same.update(lat=lat, lon=lon, top=capacity)

    # Towns whose other names are a plant's name: the plant gets the town's own name.
    wanted = {(country, key) for country, _, key in plants}
    # Only a spelling of the same name, or a renamed town of some size (Dniprodzerzhynsk is
    # Kamianske): GeoNames lists odd other names of hamlets.
    towns: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    # Towns by one-degree cell, for the town each plant stands in.
    cells: dict[tuple[int, int], list[tuple[int, str, float, float, str]]] = defaultdict(list)
    for town in geonames_entries():
        if (town.population or 0) >= _HOST_POPULATION:
            cells[(math.floor(town.lat), math.floor(town.lon))].append(
                (town.population or 0, town.name, town.lat, town.lon, town.country or ""))
        for alt in town.names():
            key = (town.country or "", name_key(alt))
            if key in wanted and len(name_key(town.name)) >= 4 and (
                    (town.population or 0) >= _RENAMED_TOWN
                    or SequenceMatcher(None, key[1], name_key(town.name)).ratio() >= 0.5):
                towns[key].append((town.name, town.lat, town.lon))

    out = []
    for (country, fuel, key), group in plants.items():
        for p in group:
            names: list[str] = list(p["names"])  # type: ignore[call-overload]
            lat, lon = float(p["lat"]), float(p["lon"])  # type: ignore[arg-type]
            near = sorted((haversine_km(lat, lon, t_lat, t_lon), t_name)
                          for t_name, t_lat, t_lon in towns.get((country, key), ())
                          if haversine_km(lat, lon, t_lat, t_lon) <= _TOWN_KM)
            if near and name_key(near[0][1]) not in {name_key(n) for n in names}:
                names.append(near[0][1])
            host = _host_town(cells, lat, lon, country)
            if host and name_key(host) not in {name_key(n) for n in names}:
                names.append(host)
            slug = re.sub(r"[^a-z0-9]+", "-", name_key(names[0])).strip("-") or "plant"
            out.append({"id": f"gppd:{country}-{fuel}-{slug}", "name": names[0],
                        "alt_names": "|".join(names[1:]), "fuel": fuel,
                        "capacity_mw": round(float(p["mw"])),  # type: ignore[arg-type]
                        "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "country": country})
    out.sort(key=lambda r: (r["country"], r["fuel"], r["name"], r["lat"], r["lon"]))
    seen: dict[str, int] = defaultdict(int)
    for r in out:  # one id a plant: two plants of one name and fuel far apart
        seen[str(r["id"])] += 1
        if seen[str(r["id"])] > 1:
            r["id"] = f"{r['id']}-{seen[str(r['id'])]}"
    target = REPO / "geo" / "power_plants.csv"
    with target.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"{len(out)} plants from {len(rows)} rows -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
