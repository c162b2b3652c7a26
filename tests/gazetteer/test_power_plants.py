"""Power plants and dams from the Global Power Plant Database (issues 13 and 20).

The examples are our own, chosen from the database itself and from public maps, and none of
them is in the evaluation set (``benchmarks/gazetteer_eval/documents.jsonl``). Truth points
are the plants' (GPPD's, checked on public maps to a few km).
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from movemap import Gazetteer, Kind, Method
from movemap.gazetteer.sources import (
    Entry,
    add_power_plants,
    power_plant_entries,
)
from movemap.geodata import geo_path
from movemap.sphere import haversine_km

KM = 10.0
ROOT = Path(__file__).resolve().parents[2]


def _at(found: object, lat: float, lon: float, km: float = KM) -> bool:
    place = found.place  # type: ignore[attr-defined]
    return haversine_km(place.lat, place.lon, lat, lon) <= km


PLANTS = [
    # name as a report writes it, truth, other names of such a report
    ("Kursk NPP", (51.675, 35.606), ["Kurchatov", "Rylsk", "Oboyan"]),
    ("Novovoronezh nuclear power plant", (51.282, 39.210), ["Voronezh", "Liski"]),
    ("Mosul Dam", (36.625, 42.818), ["Duhok", "Tal Afar", "Zumar"]),
    ("Haditha dam", (34.207, 42.355), ["Al Qaim", "Hit", "Ramadi"]),
    ("Burshtyn TPP", (49.210, 24.667), ["Ivano-Frankivsk", "Halych", "Rohatyn"]),
    ("Trypilska thermal power plant", (50.134, 30.747), ["Obukhiv", "Kaharlyk"]),
    ("Kremenchuk HES", (49.075, 33.253), ["Svitlovodsk", "Oleksandriia"]),
    ("Supung Dam", (40.462, 124.963), ["Sinuiju", "Sakchu"]),
]


@pytest.mark.parametrize(("name", "truth", "context"), PLANTS, ids=[p[0] for p in PLANTS])
def test_power_plants_and_dams_alone_and_in_context(
    gazetteer: Gazetteer, name: str, truth: tuple[float, float], context: list[str]
) -> None:
    for found in (gazetteer.resolve(name), gazetteer.resolve_all([name, *context])[0]):
        assert found.place.kind is Kind.SITE, found.best.why()
        assert _at(found, *truth), found.best.why()
        assert found.best.confident, found.best.why()


def test_a_plant_is_also_found_by_its_towns_other_spelling(gazetteer: Gazetteer) -> None:
    # GPPD spells the dam above Kremenchuk "Kremenchug" and Kyiv's "Kiev": a report spells
    # the plant as it spells the town.
    for name in ("Kremenchug Dam", "Kremenchuk hydroelectric power plant"):
        assert _at(gazetteer.resolve(name), 49.075, 33.253), name
    assert _at(gazetteer.resolve("Kyiv HPP"), 50.588, 30.512)


def test_a_plant_is_also_found_by_the_town_it_stands_in(gazetteer: Gazetteer) -> None:
    # Reports name a nuclear plant by its town: Rivne's is at Varash, Khmelnytskyi's at
    # Netishyn, Kalinin's at Udomlya.
    for name, truth in (("Varash NPP", (51.325, 25.897)), ("Netishyn NPP", (50.302, 26.647)),
                        ("Udomlya nuclear power plant", (57.905, 35.061))):
        found = gazetteer.resolve(name)
        assert found.place.kind is Kind.SITE and _at(found, *truth), (name, found.best.why())
        assert found.best.confident, found.best.why()


def test_a_plant_named_with_its_kind_across_a_border_is_no_loose_other_name(
    gazetteer: Gazetteer,
) -> None:
    # A Ukrainian report names the plant over the border: "Kursk NPP" is one place in the
    # world, not a town's other name far from the others (which would be in doubt).
    found = gazetteer.resolve_all(["Kursk NPP", "Konotop", "Shostka", "Hlukhiv"])[0]
    assert found.place.kind is Kind.SITE and _at(found, 51.675, 35.606)
    assert found.best.confident, found.best.why()


def test_a_bare_name_stays_the_town_not_its_plant(gazetteer: Gazetteer) -> None:
    # Each of these towns has a plant of its name in the database; without a kind word a
    # report means the town, with or without context.
    for town, context in (("Kursk", ["Belgorod", "Oryol"]), ("Mosul", ["Erbil", "Kirkuk"]),
                          ("Smolensk", ["Vyazma", "Bryansk"]), ("Didcot", ["Oxford"])):
        for found in (gazetteer.resolve(town), gazetteer.resolve_all([town, *context])[0]):
            assert found.place.kind is Kind.CITY, (town, found.best.why())
            assert found.place.source == "geonames", (town, found.place.source)


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Three Gorges", 30.82, 111.00),   # the dam on the Yangtze: no town bears the name
    ("Retiro Baixo", -18.89, -44.78),  # a hydro plant on the Paraopeba, Minas Gerais
    ("Antonio Guiteras", 23.07, -81.54),  # Cuba's largest thermal plant, by Matanzas
])
def test_a_plants_bare_name_that_no_place_bears_finds_the_plant(
    gazetteer: Gazetteer, name: str, lat: float, lon: float,
) -> None:
    """Like an airfield named for an island the data does not know, a plant stands for a
    name no town, region or feature bears; a town of the name keeps it (above)."""
    found = gazetteer.resolve(name)
    assert found.place.kind is Kind.SITE and found.place.source == "gppd"
    assert found.best.method is Method.KIND and _at(found, lat, lon, km=KM)


def test_a_plant_the_database_names_with_its_kind_is_named_by_the_rest() -> None:
    # the database writes "Antonio Guiteras Powerplant" and "Kriel Power Station"
    plants = {p.id: p for p in power_plant_entries()}
    guiteras = plants["gppd:CU-thermal-antonio-guiteras-powerplant"]
    assert guiteras.name == "Antonio Guiteras Power Station"
    assert {"Antonio Guiteras power plant", "Antonio Guiteras Powerplant"} <= set(
        guiteras.alt_names)
    kriel = next(p for p in plants.values() if p.name.startswith("Kriel"))
    assert kriel.name == "Kriel Power Station"
    assert all("Power Station Power" not in n for n in kriel.names())


def test_a_kind_word_with_no_plant_there_falls_back_to_the_town(gazetteer: Gazetteer) -> None:
    # No plant is named for Rylsk: the town, with a note that no such site is known there.
    found = gazetteer.resolve_all(["Rylsk power plant", "Kursk", "Kurchatov"])[0]
    assert found.place.kind is Kind.CITY and _at(found, 51.568, 34.682, km=5)
    assert found.best.method is Method.FALLBACK and not found.best.confident
    assert found.best.reading().startswith("no power plant known at or near")


def test_a_curated_site_takes_the_plants_names_instead_of_a_second_place() -> None:
    curated = Entry(id="site:x", name="Kakhovka Dam", lat=46.778, lon=33.371, country="UA",
                    admin1=None, kind=Kind.SITE, population=None, source="movemap")
    entries = {curated.id: curated}
    plants = [p for p in power_plant_entries() if p.id in (
        "gppd:UA-hydro-kakhovka", "gppd:UA-thermal-zaporizhia")]
    assert len(plants) == 2
    add_power_plants(entries, plants)
    # The dam is the curated one, now with the database's names; the thermal plant is new.
    assert set(entries) == {"site:x", "gppd:UA-thermal-zaporizhia"}
    assert "Kakhovka HPP" in curated.alt_names
    assert "Kakhovka Dam" not in curated.alt_names


def test_plants_are_named_by_class_never_bare() -> None:
    plants = {p.id: p for p in power_plant_entries()}
    kursk = plants["gppd:RU-nuclear-kursk"]
    assert kursk.name == "Kursk Nuclear Power Plant" and "Kursk NPP" in kursk.alt_names
    mosul = plants["gppd:IQ-hydro-mosul"]
    assert mosul.name == "Mosul Dam" and "Mosul HPP" in mosul.alt_names
    assert plants["gppd:UA-thermal-burshtyn"].name == "Burshtyn Power Station"
    for plant in plants.values():
        assert all(len(n.split()) >= 2 for n in plant.names()), plant.id
        assert plant.kind is Kind.SITE and plant.source == "gppd"


def test_power_plants_file_is_well_formed() -> None:
    with geo_path("power_plants.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 5_000
    assert len({r["id"] for r in rows}) == len(rows)
    fuels = {r["fuel"] for r in rows}
    assert fuels == {"nuclear", "hydro", "thermal"}
    for row in rows:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]
        assert re.fullmatch(r"[A-Z]{2}", row["country"]), row["id"]
        name = row["name"]
        assert name == name.strip() and not re.search(r"\b(NPP|HPP|TPP|Dam)\b", name), name


@pytest.fixture(scope="module")
def stage() -> object:
    spec = importlib.util.spec_from_file_location(
        "stage_power_plants", ROOT / "tools" / "stage_power_plants.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("stage_power_plants", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("raw", "country", "names"), [
    ("Naghlu Dam Hydroelectric Power Plant Afghanistan", "Afghanistan", ["Naghlu"]),
    ("South Ukraine", "Ukraine", ["South Ukraine"]),
    ("Burshtyn power station", "Ukraine", ["Burshtyn"]),
    ("Dneipro HPP 2", "Ukraine", ["Dneipro"]),
    ("Kiev CHP-5", "Ukraine", ["Kiev"]),
    ("Rivne (Rouno)", "Ukraine", ["Rivne", "Rouno"]),
    ("Dniester (pumped storage)", "Ukraine", ["Dniester"]),
    ("EL CHOCON", "Argentina", ["El Chocon"]),
    ("CT CORRIENTES", "Argentina", ["Corrientes"]),
    ("Kola", "Russia", ["Kola"]),
])
def test_staging_cleans_a_plants_names(
    stage: object, raw: str, country: str, names: list[str]
) -> None:
    assert stage.clean_names(raw, country) == names  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "fuel"), [
    ("Spencer Dam", "hydro"),        # a thermal plant of Spencer, Iowa, is no dam
    ("Spencer NPP", "nuclear"),
    ("Spencer HPP", "hydro"),
])
def test_a_plant_word_that_names_a_fuel_finds_no_plant_of_another(gazetteer: Gazetteer,
                                                                   name: str,
                                                                   fuel: str) -> None:
    found = gazetteer.resolve(name)
    assert not found.found or not found.best.place.id.startswith("gppd:") or (
        found.best.place.id.split(":")[1].startswith(f"US-{fuel}-")), found.best.why()


def test_a_dam_still_finds_the_hydro_plant_named_for_it(gazetteer: Gazetteer) -> None:
    # Dniester HPP at Novodnistrovsk (a hydro plant of the database) by its dam's name
    best = gazetteer.resolve("Dniester Dam").best
    assert best.place.id == "gppd:UA-hydro-dniester", best.why()
