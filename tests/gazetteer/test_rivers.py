"""Rivers (``geo/rivers.csv``): lines through the GeoNames towns on their banks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import shapely

from movemap import Gazetteer, Kind
from movemap.errors import OverlayError
from movemap.gazetteer.rivers import river_entries
from movemap.gazetteer.sources import Entry
from movemap.geodata import geo_path
from movemap.sphere import haversine_km


def _town(name: str, country: str, lat: float, lon: float, population: int = 10_000) -> Entry:
    return Entry(id=f"geonames:{name}", name=name, lat=lat, lon=lon, country=country,
                 admin1=None, kind=Kind.CITY, population=population, source="geonames")


TOWNS = [_town("Alpha", "XA", 50.0, 30.0), _town("Beta", "XA", 49.0, 31.0),
         _town("Gamma", "XA", 48.0, 32.0), _town("Kabul", "XA", 40.0, 40.0, 4_000_000)]
HEADER = "id,name,alt_names,countries,course,note\n"


def _write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "rivers.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_a_river_is_the_line_through_its_towns(tmp_path: Path) -> None:
    path = _write(tmp_path, 'river:a,Alphar,Alfa,XA,"Alpha/XA; Beta/XA; Gamma/XA",x\n')
    (entry,) = river_entries(path, TOWNS, [])
    assert entry.kind is Kind.MACRO_REGION and entry.id == "river:a"
    band = shapely.from_wkb(entry.wkb)
    for town in TOWNS[:3]:  # every town of its course lies on it
        assert band.covers(shapely.Point(town.lon, town.lat))
    assert band.covers(shapely.Point(entry.lon, entry.lat))
    assert {"Alfa", "Alphar River", "River Alphar", "Alfa River"} <= set(entry.alt_names)


def test_a_bare_name_another_place_bears_is_left_to_it(tmp_path: Path) -> None:
    path = _write(tmp_path, 'river:kabul,Kabul,,XA,"Alpha/XA; Beta/XA; Gamma/XA",x\n'
                            'river:c,Gammar,Kabul,XA,"Alpha/XA; Beta/XA; Gamma/XA",x\n')
    kabul, other = river_entries(path, TOWNS, [])
    assert kabul.name == "Kabul River"
    assert "Kabul" not in kabul.alt_names and "River Kabul" in kabul.alt_names
    # another name of a river that a town bears: not even as "X River" (another river's)
    assert not any("Kabul" in n for n in other.alt_names)


@pytest.mark.parametrize(("row", "line", "field", "says"), [
    ('river:a,A,,XA,"Alpha/XA; Delta/XA; Gamma/XA",x\n', 2, "course", "no GeoNames town 'Delta'"),
    ('river:a,A,,XA,"Alpha/XA; Beta/XA",x\n', 2, "course", "3 or more"),
    ('a,A,,XA,"Alpha/XA; Beta/XA; Gamma/XA",x\n', 2, "id", "river:<slug>"),
])
def test_a_malformed_row_is_one_error_with_file_line_and_field(
        tmp_path: Path, row: str, line: int, field: str, says: str) -> None:
    path = _write(tmp_path, row)
    with pytest.raises(OverlayError) as caught:
        river_entries(path, TOWNS, [])
    assert caught.value.line == line and caught.value.field == field
    assert says in str(caught.value) and str(path) in str(caught.value)


def _shipped() -> list[dict[str, str]]:
    with geo_path("rivers.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_shipped_rivers_all_load(gazetteer: Gazetteer) -> None:
    rows = _shipped()
    assert len(rows) >= 3
    for row in rows:  # every river is found by "X River" (a bare name may be another place's)
        found = gazetteer.resolve(f"{row['name']} River")
        assert found.place.id == row["id"], row["name"]


def test_a_river_s_name_is_not_a_town_s_old_name(gazetteer: Gazetteer) -> None:
    # GeoNames keeps "Vistula" as an old name of Toledo, Ohio
    found = gazetteer.resolve("Vistula")
    assert found.place.id == "river:vistula" and found.best.confident


def test_a_country_keeps_its_name_and_the_river_its_own(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Jordan").place.kind is Kind.COUNTRY
    assert gazetteer.resolve("Jordan River").place.id == "river:jordan"


def test_a_river_among_places_stands_at_the_stretch_they_are_at(
        gazetteer: Gazetteer) -> None:
    alone = gazetteer.resolve("Dnieper").place
    kherson = gazetteer.resolve_all(["Kherson", "Dnieper", "Nova Kakhovka"])[1].place
    assert kherson.id == alone.id == "river:dnieper"
    assert haversine_km(kherson.lat, kherson.lon, 46.64, 32.61) < 15  # at Kherson
    assert haversine_km(alone.lat, alone.lon, 46.64, 32.61) > 200  # its middle, alone
    # a place away from the river: the nearest point of the river, on its outline
    kursk = gazetteer.resolve_all(["Kursk", "Dnieper"])[1].place
    assert kherson.polygon is not None
    assert kherson.polygon.buffer(0.01).covers(shapely.Point(kursk.lon, kursk.lat))


def test_a_river_read_by_a_name_a_town_bears_is_in_doubt(gazetteer: Gazetteer) -> None:
    # the Belaya of Bashkortostan, and villages called Belaya: only a report's other names
    # tell which; among them the village near Sudzha is read, unflagged
    alone = gazetteer.resolve("Belaya").best
    assert alone.place.id == "river:belaya" and not alone.confident
    assert "also the town Belaya" in alone.reading()
    with_sudzha = gazetteer.resolve_all(["Belaya", "Sudzha"])[0].best
    assert with_sudzha.place.kind is Kind.CITY and with_sudzha.place.country == "RU"
    assert with_sudzha.confident
    named = gazetteer.resolve("Belaya River").best  # the form that says it is a river
    assert named.place.id == "river:belaya" and named.confident


def test_a_region_s_other_name_does_not_take_the_river_s_own(tmp_path: Path) -> None:
    region = Entry(id="ne-admin1:XA-1", name="Kestovo", lat=49.0, lon=31.0, country="XA",
                   admin1=None, kind=Kind.REGION, population=90_000, source="natural-earth",
                   alt_names=["Alphar", "Kestovo District"])
    state = Entry(id="ne-admin1:XA-2", name="Betar State", lat=48.0, lon=32.0, country="XA",
                  admin1=None, kind=Kind.REGION, population=900_000, source="natural-earth",
                  alt_names=["Betar"])
    path = _write(tmp_path, 'river:a,Alphar,,XA,"Alpha/XA; Beta/XA; Gamma/XA",x\n'
                            'river:b,Betar,,XA,"Alpha/XA; Beta/XA; Gamma/XA",x\n')
    alphar, betar = river_entries(path, TOWNS, [region, state])
    assert alphar.name == "Alphar"  # a name lent to the district: the river keeps it bare
    assert betar.name == "Betar River"  # the state's own short form: the state's


@pytest.mark.parametrize(("name", "river"), [
    ("Danube", "river:danube"),  # Podunavlje, a Serbian district, is also called "Danube"
    ("Vardar", "river:vardar"),  # and Rosoman, a Macedonian municipality, "Vardar"
    ("Nile", "river:nile"),  # Sudan's state River Nile is named as the river's
])
def test_a_river_comes_before_an_area_that_only_borrows_its_name(
        gazetteer: Gazetteer, name: str, river: str) -> None:
    found = gazetteer.resolve(name)
    assert found.place.id == river and found.best.confident


def test_a_region_keeps_its_own_short_form(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Benue").place.kind is Kind.REGION  # Benue State, not the river
    assert gazetteer.resolve("Benue River").place.id == "river:benue"


@pytest.mark.parametrize("name", ["Irrawaddy", "Syr Darya"])
def test_a_region_keeps_its_own_name_spelled_otherwise(gazetteer: Gazetteer,
                                                       name: str) -> None:
    # Ayeyarwady Region was the Irrawaddy Division; Sirdaryo is Syr Darya in Uzbek
    assert gazetteer.resolve(name).place.kind is Kind.REGION
    assert gazetteer.resolve(f"{name} River").place.kind is Kind.MACRO_REGION


@pytest.mark.parametrize(("name", "town"), [
    ("Irpen", "Irpin"), ("Ирпень", "Irpin"), ("Воронеж", "Voronezh"), ("Аргун", "Argun"),
])
def test_a_towns_other_name_stays_the_towns_beside_the_river_of_its_name(
        gazetteer: Gazetteer, name: str, town: str) -> None:
    # the rivers of round 39 named for (or naming) these towns take only "X River"
    assert gazetteer.resolve(name).place.name == town
    assert gazetteer.resolve(f"{town} River").place.id.startswith("river:")
