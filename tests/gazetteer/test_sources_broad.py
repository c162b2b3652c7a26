"""Whole sources for whole classes of features (issue 13): OurAirports' airfields with their
former and common names, and Natural Earth's islands, seas, straits, peninsulas and deserts.

The examples are our own, chosen from the sources, none of them from the evaluation set.
Truth points are from public maps (the airfields' from OurAirports itself).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import shapely

from movemap import Gazetteer, Kind, Method
from movemap.gazetteer.sources import (
    ISLAND_POINT_KM,
    Entry,
    _airfield_names,
    _without_city,
    add_populations,
    name_airports_for_places,
    natural_feature_entries,
    ourairports_entries,
    point_in_peopled_part,
    region_entries,
)
from movemap.geodata import geo_path
from movemap.sphere import haversine_km

KM = 15.0


def _at(gazetteer_answer: object, lat: float, lon: float, km: float = KM) -> bool:
    place = gazetteer_answer.place  # type: ignore[attr-defined]
    return haversine_km(place.lat, place.lon, lat, lon) <= km


# -- OurAirports ------------------------------------------------------------------------------

AIRFIELDS = [
    # name as a report writes it, kind, truth, other names of such a report
    ("Marinovka air base", Kind.AIRBASE, (48.637, 43.789), ["Surovikino", "Kalach-na-Donu"]),
    ("Shaykovka air base", Kind.AIRBASE, (54.227, 34.372), ["Kaluga", "Roslavl"]),
    ("Savasleyka air base", Kind.AIRBASE, (55.440, 42.310), ["Murom", "Nizhny Novgorod"]),
    ("Tempelhof airport", Kind.AIRPORT, (52.473, 13.404), ["Berlin", "Potsdam"]),
    ("Gatow airfield", Kind.AIRBASE, (52.474, 13.138), ["Berlin", "Spandau"]),
]


@pytest.mark.parametrize(("name", "kind", "truth", "context"), AIRFIELDS,
                         ids=[a[0] for a in AIRFIELDS])
def test_airfields_of_ourairports_alone_and_in_context(
    gazetteer: Gazetteer, name: str, kind: Kind, truth: tuple[float, float], context: list[str]
) -> None:
    for found in (gazetteer.resolve(name), gazetteer.resolve_all([name, *context])[0]):
        assert found.place.kind is kind, found.best.why()
        assert _at(found, *truth), found.best.why()


def test_a_keyword_of_ourairports_is_a_name_of_its_airfield(gazetteer: Gazetteer) -> None:
    # Savasleyka's keywords spell it Savasleika; Tempelhof's name is "Berlin Tempelhof".
    found = gazetteer.resolve("Savasleika air base")
    assert found.place.kind is Kind.AIRBASE and _at(found, 55.440, 42.310)
    assert _at(gazetteer.resolve("Tempelhof Airport"), 52.473, 13.404)


def test_an_airfield_named_after_a_big_city_is_found_by_its_own_name(
    gazetteer: Gazetteer,
) -> None:
    # "London Heathrow Airport" (airportsdata) is Heathrow to a reader; the town of London
    # keeps its bare name, and so does Heathrow, Florida, without a word about England.
    for found in (gazetteer.resolve_all(["Heathrow Airport", "Slough"])[0],
                  gazetteer.resolve_all(["Heathrow", "Slough", "Windsor"])[0]):
        assert found.place.kind is Kind.AIRPORT and _at(found, 51.470, -0.454), found.best.why()
    assert gazetteer.resolve("Heathrow").place.country == "US"
    assert gazetteer.resolve("London").place.kind is Kind.CITY


def test_a_town_keeps_its_name_against_an_airstrip_of_that_name(gazetteer: Gazetteer) -> None:
    # Small strips of OurAirports are found by "X airport", never by a bare town name.
    for town in ("Hinton", "Ganado", "Adrian"):
        assert gazetteer.resolve(town).place.kind is Kind.CITY, town


def test_a_keyword_that_names_a_people_or_a_city_is_not_an_airfields_name(
    gazetteer: Gazetteer,
) -> None:
    # Kanchrapara Airfield's keywords include "Calcutta"; Erbil airport's, "Kurdistan".
    calcutta = gazetteer.resolve_all(["Calcutta", "Kanchrapara", "Barrackpore"])[0]
    assert calcutta.place.kind is Kind.CITY and _at(calcutta, 22.57, 88.36), calcutta.best.why()
    kurdistan = gazetteer.resolve_all(["Kurdistan", "Erbil", "Sulaymaniyah"])[0]
    assert kurdistan.place.areal, kurdistan.best.why()


def test_country_abbreviations_are_no_airstrip_codes(gazetteer: Gazetteer) -> None:
    # OurAirports gives small strips IATA codes such as UAE and DRC; they are not indexed.
    for code, country in (("UAE", "AE"), ("DRC", "CD")):
        found = gazetteer.resolve_all([code, "Kinshasa", "Dubai"])[0]
        assert found.place.kind is Kind.COUNTRY and found.place.country == country


def test_airfield_names_are_split_and_their_city_set_aside() -> None:
    assert _airfield_names("Hualien (Chiashan) Air Base") == [
        "Hualien (Chiashan) Air Base", "Hualien Air Base", "Chiashan Air Base"]
    assert _airfield_names("Alpha Airport / Beta Air Base") == [
        "Alpha Airport / Beta Air Base", "Alpha Airport", "Beta Air Base"]
    assert _without_city("London Gatwick Airport", "London") == ["Gatwick Airport"]
    assert _without_city("Kaluga Airport", "Kaluga") == []  # "Airport" alone is no name
    assert _without_city("Gatwick Airport", "Crawley") == []


def test_an_airfield_answers_for_each_place_its_tables_say_it_serves() -> None:
    # airportsdata names the town (Big Town), OurAirports the municipality it lies in
    # (Fieldside); a report may name either.
    town = Entry(id="t", name="Big Town", lat=10.0, lon=20.0, country="XX", admin1=None,
                 kind=Kind.CITY, population=100_000, source="test")
    field_ = Entry(id="a", name="Big Town Airport", lat=10.3, lon=20.3, country="XX",
                   admin1=None, kind=Kind.AIRPORT, population=None, source="test",
                   codes=["XXBT", "BGT"], serves=["Big Town", "Fieldside"])
    name_airports_for_places([field_], [town])
    assert field_.alt_names == ["Fieldside"]


def _write_ourairports(path: Path, rows: list[dict[str, str]]) -> Path:
    columns = ["id", "ident", "type", "name", "latitude_deg", "longitude_deg", "elevation_ft",
               "continent", "iso_country", "iso_region", "municipality", "scheduled_service",
               "gps_code", "iata_code", "local_code", "home_link", "wikipedia_link", "keywords"]
    import csv

    with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def _entry(code: str, name: str, lat: float, lon: float, iata: str = "") -> Entry:
    return Entry(id=f"airport:{code}", name=name, lat=lat, lon=lon, country="XX", admin1=None,
                 kind=Kind.AIRPORT, population=None, source="airportsdata",
                 codes=[c for c in (code, iata) if c])


def test_ourairports_rows_merge_into_known_airports_and_add_the_others(tmp_path: Path) -> None:
    path = _write_ourairports(tmp_path / "airports.csv.gz", [
        # known by its ICAO code: gains the keyword and becomes an air base
        {"id": "1", "ident": "XXAA", "type": "medium_airport", "name": "Alpha Air Base",
         "latitude_deg": "10", "longitude_deg": "20",
         "keywords": "Old Alpha, ALP, Alphaville, Gaza, Alpha International Airport",
         "municipality": "Alphaville"},
        # its ICAO code changed: the same airfield by IATA code within 10 km
        {"id": "2", "ident": "YYBB", "type": "large_airport", "name": "Beta Airport",
         "latitude_deg": "11", "longitude_deg": "21", "iata_code": "BET"},
        # new, with a keyword shared by three fields (a category, not a name)
        *({"id": str(10 + i), "ident": f"XX-{i:04d}", "type": "small_airport",
           "name": f"Field {i}", "latitude_deg": "12", "longitude_deg": str(22 + i),
           "keywords": "military", "iata_code": "UAE" if i == 0 else ""} for i in range(3)),
        {"id": "20", "ident": "XX-0099", "type": "heliport", "name": "Pad",
         "latitude_deg": "13", "longitude_deg": "23"},
    ])
    known = {e.id: e for e in (_entry("XXAA", "Alpha", 10, 20),
                               _entry("XXBB", "Beta Airport", 11.02, 21.0, "BET"))}
    new = ourairports_entries(known, path, reserved=frozenset({"gaza"}))
    alpha = known["airport:XXAA"]
    # A keyword is a name with its kind word: "Old Alpha air base" finds it, bare "Old
    # Alpha" only as an air base; codes, the town served and reserved names are no names.
    assert alpha.kind is Kind.AIRBASE
    assert {"Old Alpha Airfield", "Alpha International Airport"} <= set(alpha.alt_names)
    assert not {"ALP", "Alphaville", "Gaza", "Gaza Airfield", "Old Alpha"} & set(
        alpha.alt_names)
    assert alpha.serves == ["Alphaville"]
    assert [e.id for e in new] == ["airport:XX-0000", "airport:XX-0001", "airport:XX-0002"]
    assert all(e.kind is Kind.AIRBASE and e.codes == [] for e in new)  # no IATA "UAE"
    assert all("military" not in e.alt_names for e in new)


# -- Natural Earth's physical features ------------------------------------------------------

ISLANDS = [
    # bare name, truth, other names of a report about it
    ("Borneo", (0.5, 114.0), ["Pontianak", "Kuching"]),
    ("Mindanao", (7.9, 124.9), ["Davao", "Zamboanga"]),
    ("Kunashir", (44.1, 145.9), ["Yuzhno-Kurilsk", "Vladivostok"]),
    ("Sumatra", (0.0, 101.5), ["Medan", "Padang"]),
]


@pytest.mark.parametrize(("name", "truth", "context"), ISLANDS, ids=[i[0] for i in ISLANDS])
def test_islands_by_bare_name_alone_and_in_context(
    gazetteer: Gazetteer, name: str, truth: tuple[float, float], context: list[str]
) -> None:
    for found in (gazetteer.resolve(name), gazetteer.resolve_all([name, *context])[0]):
        place = found.place
        assert place.kind is Kind.ISLAND, found.best.why()
        assert place.polygon is not None
        assert place.polygon.buffer(0.2).covers(shapely.Point(truth[1], truth[0]))


def test_an_island_or_area_has_a_country_only_when_it_lies_in_one(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.resolve("Sumatra").place.country == "ID"
    assert gazetteer.resolve("Borneo").place.country is None  # Indonesia, Malaysia, Brunei
    assert gazetteer.resolve("Gobi Desert").place.country is None  # Mongolia and China


def test_an_island_and_a_town_of_one_name_the_report_chooses(gazetteer: Gazetteer) -> None:
    # Flores: an island of Indonesia, an island of the Azores, a department of Uruguay and
    # towns in Guatemala and Brazil; the other places of the text choose.
    indonesia = gazetteer.resolve_all(["Flores", "Kupang", "Labuan Bajo", "Maumere"])[0]
    assert indonesia.place.kind is Kind.ISLAND and indonesia.place.country == "ID"
    island = gazetteer.resolve("Flores Island")
    assert island.place.kind is Kind.ISLAND


def test_an_island_with_its_kind_word(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Wrangel Island")
    assert found.place.kind is Kind.ISLAND and found.best.method in (Method.KIND, Method.NAME)
    assert found.place.polygon is not None
    assert found.place.polygon.covers(shapely.Point(-180.0 + 0.6, 71.2))
    among = gazetteer.resolve_all(["Wrangel Island", "Pevek", "Chukotka"])[0]
    assert among.place.id == found.place.id, among.best.why()


WATERS = [
    # name, a point inside, other names of such a report
    ("Gulf of Oman", (24.5, 58.5), ["Muscat", "Sohar"]),
    ("Sea of Okhotsk", (53.0, 148.0), ["Magadan", "Okhotsk"]),
    ("Strait of Malacca", (3.0, 100.5), ["Port Klang", "Penang"]),
    ("Bay of Biscay", (45.5, -4.0), ["Brest", "Bilbao"]),
    ("Taymyr Peninsula", (75.0, 104.0), ["Norilsk", "Dudinka"]),
    ("Gobi Desert", (43.5, 105.0), ["Ulaanbaatar", "Dalanzadgad"]),
    ("Kremenchuk Reservoir", (49.2, 32.8), ["Cherkasy", "Svitlovodsk"]),
    ("Lake Baikal", (53.5, 108.0), ["Irkutsk", "Ulan-Ude"]),
    ("Lake Tharthar", (34.0, 43.2), ["Samarra", "Ramadi"]),
]


@pytest.mark.parametrize(("name", "inside", "context"), WATERS, ids=[w[0] for w in WATERS])
def test_seas_straits_peninsulas_and_deserts_are_areas_with_outlines(
    gazetteer: Gazetteer, name: str, inside: tuple[float, float], context: list[str]
) -> None:
    for found in (gazetteer.resolve(name), gazetteer.resolve_all([name, *context])[0]):
        place = found.place
        assert place.kind is Kind.MACRO_REGION and place.areal, found.best.why()
        assert place.polygon is not None
        assert place.polygon.covers(shapely.Point(inside[1], inside[0])), name


def test_a_sea_drawn_as_boxes_takes_natural_earths_outline() -> None:
    # A sea of macro_regions.geojson drawn as a box: the real outline of the Barents Sea keeps
    # the White Sea out; the Baltic keeps its box, as Natural Earth's Baltic leaves out the
    # gulfs the name is taken to cover.
    def sea(name: str, box: tuple[float, float, float, float]) -> Entry:
        return Entry(id=f"sea:{name}", name=name, lat=0.0, lon=0.0, country=None, admin1=None,
                     kind=Kind.MACRO_REGION, population=None, source="movemap",
                     wkb=shapely.to_wkb(shapely.box(*box)))

    barents, baltic = sea("Barents Sea", (15.0, 66.0, 60.0, 81.0)), sea("Baltic Sea",
                                                                        (9.0, 53.0, 31.0, 66.0))
    boxes = baltic.wkb
    added = natural_feature_entries(geo_path("natural_features.geojson"), [barents, baltic])
    outline = shapely.from_wkb(barents.wkb)
    assert outline.covers(shapely.Point(40.0, 72.0))
    assert not outline.covers(shapely.Point(37.0, 65.5))  # White Sea
    assert baltic.wkb == boxes
    names = {e.name for e in added}
    assert "Barents Sea" not in names
    assert {"Borneo", "Gulf of Oman", "Taymyr Peninsula"} <= names


def test_a_feature_named_like_an_area_is_that_area() -> None:
    # Tasmania the island is the state; Sri Lanka the island is the country. A namesake
    # elsewhere is another place: Borneo is no area in Chile's box.
    areas = [Entry(id=f"x:{n}", name=n, lat=0.0, lon=0.0, country=None, admin1=None,
                   kind=Kind.REGION, population=None, source="test",
                   wkb=shapely.to_wkb(shapely.box(*box)))
             for n, box in (("Tasmania", (144.0, -44.0, 149.0, -40.0)),
                            ("Sri Lanka", (79.5, 5.8, 82.0, 10.0)),
                            ("Borneo", (-72.0, -40.0, -70.0, -38.0)))]
    added = {e.name for e in natural_feature_entries(geo_path("natural_features.geojson"),
                                                     areas)}
    assert "Tasmania" not in added and "Sri Lanka" not in added
    assert "Borneo" in added


def test_natural_features_file_is_well_formed() -> None:
    with geo_path("natural_features.geojson").open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    ids = [f["properties"]["id"] for f in features]
    assert len(ids) == len(set(ids)) > 1_000
    kinds = {f["properties"]["kind"] for f in features}
    assert kinds <= {k.value for k in Kind}
    for feat in features:
        geom = shapely.geometry.shape(feat["geometry"])
        assert geom.is_valid and not geom.is_empty, feat["properties"]["id"]
        name = feat["properties"]["name"]
        assert not re.search(r"\b(I|Is|Pen|Ra|Plat|Str|Sd|Arch|Mts)\.$", name), name
        assert name == name.strip() and not name.isupper(), name


# -- regions that share an ISO code ----------------------------------------------------------

def test_a_province_is_not_replaced_by_a_city_that_shares_its_code(
    gazetteer: Gazetteer,
) -> None:
    # Natural Earth codes Agusan del Norte and Butuan both PH-AGN, Lanao del Norte and Iligan
    # PH-LAN: each is a place of its own.
    regions = region_entries(geo_path("admin1.geojson"))
    ids = [e.id for e in regions]
    assert len(ids) == len(set(ids))
    names = {e.name for e in regions}
    assert {"Agusan del Norte", "Butuan", "Lanao del Norte", "Iligan"} <= names
    for name in ("Agusan del Norte", "Lanao del Norte"):
        found = gazetteer.resolve(name)
        assert found.place.kind is Kind.REGION and found.place.name == name, found.best.why()


@pytest.mark.parametrize("name", ["Laudio", "Llodio", "Arrasate", "Mondragón"])
def test_each_name_of_a_town_named_in_two_languages_is_its_own(
    gazetteer: Gazetteer, name: str,
) -> None:
    # GeoNames names such towns "Laudio / Llodio": either name is the town's own, not
    # another name of it that a namesake abroad by its own name would beat
    found = gazetteer.resolve(name)
    assert found.place.country == "ES" and " / " in found.place.name
    assert found.best.method is Method.NAME


@pytest.mark.parametrize("name", ["Zürich (Kreis 9) / Altstetten", "A / B / C", "Xy / Z"])
def test_names_of_quarters_are_not_split(name: str) -> None:
    from movemap.gazetteer.index import _bilingual

    assert _bilingual(name) == ()


@pytest.mark.parametrize(("name", "military"), [
    ("RAAF Base Williamtown", True), ("RCAF Station Trenton", True), ("RNZAF Base Ohakea", True),
    ("Williamtown Regional Airport", False),
])
def test_the_air_forces_of_the_commonwealth_name_their_bases(name: str, military: bool) -> None:
    from movemap.gazetteer.sources import _MILITARY

    assert bool(_MILITARY.search(name)) is military


def _point_entry(pid: str, lat: float, lon: float, kind: Kind, population: int | None) -> Entry:
    return Entry(id=pid, name=pid, lat=lat, lon=lon, country="XX", admin1=None, kind=kind,
                 population=population, source="test")


def test_an_island_known_by_a_point_takes_the_towns_around_it() -> None:
    # Natural Earth marks small islands by a point: the towns within ISLAND_POINT_KM of it
    # are its people; a town farther off, a town without people, and a point that is not an
    # island (a cape) take no part
    island = _point_entry("island", 10.0, 20.0, Kind.ISLAND, None)
    cape = _point_entry("cape", 10.0, 20.0, Kind.SITE, None)
    degree_km = 111.2
    shore, beyond = (ISLAND_POINT_KM - 3) / degree_km, (ISLAND_POINT_KM + 5) / degree_km
    towns = [_point_entry("near", 10.0 + 5 / degree_km, 20.0, Kind.CITY, 30_000),
             _point_entry("shore", 10.0, 20.0 + shore, Kind.CITY, 4_000),
             _point_entry("mainland", 10.0 + beyond, 20.0, Kind.CITY, 900_000),
             _point_entry("empty", 10.0, 20.0, Kind.CITY, 0)]
    add_populations(towns, [island, cape])
    assert island.population == 34_000
    assert cape.population is None


def test_an_island_known_by_a_point_wins_its_name_over_a_village(gazetteer: Gazetteer) -> None:
    # Grand Cayman is a point in Natural Earth; George Town and the other towns lie on it
    best = gazetteer.resolve("Grand Cayman").best
    assert best.place.kind is Kind.ISLAND and best.place.country == "KY"
    assert (best.place.population or 0) > 10_000


def _archipelago(label: tuple[float, float]) -> Entry:
    """A region of two islands, a big one (0-4 E) and a small one (10-11 E), its label at
    ``label`` (lat, lon)."""
    outline = shapely.MultiPolygon([shapely.box(0, 0, 4, 4), shapely.box(10, 0, 11, 1)])
    region = _point_entry("region", label[0], label[1], Kind.REGION, None)
    region.wkb = shapely.to_wkb(outline)
    return region


@pytest.mark.parametrize(("label", "people_on_small", "moved"), [
    ((0.5, 10.5), 1_000, True),     # label on the small island, people on the big one
    ((0.5, 10.5), 90_000, False),   # most people live on the small island: it stays
    ((2.0, 2.0), 1_000, False),     # label on the big island already
    ((2.0, 2.0), 90_000, False),    # on the main land of the region, whatever the people
])
def test_a_region_in_parts_has_its_point_where_its_people_are(
        label: tuple[float, float], people_on_small: int, moved: bool) -> None:
    # Natural Earth puts Okinawa's label on Iriomote and Sakhalin Oblast's on the Kurils
    region = _archipelago(label)
    towns = [_point_entry("big", 1.0, 1.0, Kind.CITY, 50_000),
             _point_entry("small", 0.5, 10.2, Kind.CITY, people_on_small)]
    point_in_peopled_part([region], towns)
    on_big = shapely.box(0, 0, 4, 4).covers(shapely.Point(region.lon, region.lat))
    assert on_big is (moved or label == (2.0, 2.0))
    if not moved:
        assert (region.lat, region.lon) == label


def test_no_region_takes_a_fragment_of_natural_earths_english_names(
    gazetteer: Gazetteer,
) -> None:
    # NE's name_en is "of Bougainville" for the Autonomous Region of Bougainville and
    # "comarca Ngäbe-Buglé" for Bocas del Toro: neither is a name to show or to match
    regions = region_entries(geo_path("admin1.geojson"))
    fragments = [(e.name, n) for e in regions for n in (e.name, e.admin1, *e.alt_names)
                 if n and n[0].islower()]
    assert fragments == []
    found = gazetteer.resolve("Bougainville")
    assert found.place.kind is Kind.REGION and found.place.country == "PG"
    assert found.place.name == "North Solomons"
    town = gazetteer.resolve("Bocas del Toro").place
    assert town.kind is Kind.CITY and town.admin1 == "Bocas del Toro"
