"""Resolving names on the real reference data (GeoNames cities500, Natural Earth, overlay)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import shapely

import movemap
from movemap import Gazetteer, Kind, Method, PlaceNotFoundError
from movemap.sphere import haversine_km

DATA = Path(__file__).parent.parent / "data"


def _reference_rows() -> list[dict[str, str]]:
    with (DATA / "reference_places.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _reference_rows(), ids=lambda r: r["query"])
def test_reference_places_within_10_km(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    place = gazetteer.resolve(row["query"]).place
    distance = haversine_km(place.lat, place.lon, float(row["lat"]), float(row["lon"]))
    assert distance < 10, f"{row['query']} resolved to {place} ({distance:.1f} km off)"
    assert place.kind.value == row["kind"]


def test_reference_places_resolved_together(gazetteer: Gazetteer) -> None:
    rows = _reference_rows()
    resolutions = gazetteer.resolve_all([r["query"] for r in rows])
    for row, resolution in zip(rows, resolutions, strict=True):
        p = resolution.place
        assert haversine_km(p.lat, p.lon, float(row["lat"]), float(row["lon"])) < 10


@pytest.mark.parametrize(
    "name",
    ["Chongjin", "Ch'ŏngjin", "Chŏngjin", "CHONGJIN", "Чхонджин", "청진", "청진시", "清津",
     "Cheongjin", "Seishin", "Chongjin-si"],
)
def test_every_spelling_and_script_finds_chongjin(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name).place.id == "geonames:2044757"


@pytest.mark.parametrize(
    ("name", "geonames_id"),
    [("Hamhung", 1877449), ("Hamheung", 1877449), ("Хамхын", 1877449), ("함흥", 1877449),
     ("Kharkov", 706483), ("Kharkiv", 706483), ("Харьков", 706483), ("Курск", 538560),
     ("Курськ", 538560), ("쿠르스크", 538560)],
)
def test_variants(gazetteer: Gazetteer, name: str, geonames_id: int) -> None:
    assert gazetteer.resolve(name).place.geonames_id == geonames_id


@pytest.mark.parametrize(
    ("name", "expected"),
    # Revised Romanization forms that GeoNames does not list for these places.
    [("Heungnam", "Hŭngnam"), ("Ganggye", "Kanggye")],
)
def test_romanisations_missing_from_geonames_match_by_rule(
    gazetteer: Gazetteer, name: str, expected: str
) -> None:
    best = gazetteer.resolve(name).best
    assert best.method is Method.PHONETIC  # so the exact tier indeed had nothing
    assert best.place.name == expected


@pytest.mark.parametrize(("names", "expected"), [
    # long vowels spelled by ear in British India (oo, ee): the places of the one vowel, not
    # a name abroad that looks more alike letter by letter (Modakeke, Nigeria)
    (["Moodkee", "Ferozepore", "Lahore"], "Mudki"),
    (["Mooltan", "Lahore"], "Multan"),
])
def test_long_vowels_spelled_by_ear(gazetteer: Gazetteer, names: list[str],
                                    expected: str) -> None:
    best = gazetteer.resolve_all(names)[0].best
    assert best.place.name == expected and best.method is Method.PHONETIC
    assert not best.confident  # another romanisation says so


def test_a_reading_by_ear_never_beats_a_one_letter_typo(gazetteer: Gazetteer) -> None:
    # "Geelon" by ear is Gilon (Israel); spelled, it is Geelong a letter short
    best = gazetteer.resolve_all(["Melbourne", "Geelon"])[1].best
    assert best.place.name == "Geelong" and best.method is Method.FUZZY


@pytest.mark.parametrize(
    ("typo", "expected"),
    [("Vladivostock", "Vladivostok"), ("Khabarovks", "Khabarovsk"),
     ("Blagovesshchensk", "Blagoveshchensk"), ("Usuriysk", "Ussuriysk"),
     ("Владивасток", "Vladivostok")],
)
def test_typos_fall_back_to_fuzzy(gazetteer: Gazetteer, typo: str, expected: str) -> None:
    best = gazetteer.resolve(typo).best
    assert best.place.name == expected
    assert best.method in (Method.FUZZY, Method.PHONETIC)
    assert best.parts["match"] < 0.95


def test_exact_beats_fuzzy(gazetteer: Gazetteer) -> None:
    # Brańsk, a Polish town of 3,800, is one letter away from Bryansk (427,000).
    resolution = gazetteer.resolve("Bransk")
    assert resolution.place.name == "Brańsk"
    assert "Bryansk" not in [c.place.name for c in resolution.candidates]
    assert all(c.method in (Method.NAME, Method.ALTERNATE) for c in resolution.candidates)


def test_blagoveshchensk_alone_is_the_city_on_the_amur(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Blagoveshchensk")
    assert resolution.place.id == "geonames:2026609"
    ids = [c.place.id for c in resolution.candidates]
    assert "geonames:576116" in ids  # the Bashkortostan town is a ranked candidate


def test_blagoveshchensk_with_far_east_context(gazetteer: Gazetteer) -> None:
    names = ["Vladivostok", "Blagoveshchensk", "Khabarovsk"]
    blag = gazetteer.resolve_all(names)[1]
    assert blag.place.id == "geonames:2026609"
    assert abs(blag.place.lat - 50.28) < 0.05 and abs(blag.place.lon - 127.53) < 0.05
    assert blag.best.parts["context"] > 0.05


def test_blagoveshchensk_with_bashkir_context_is_the_other_town(gazetteer: Gazetteer) -> None:
    blag = gazetteer.resolve_all(["Ufa", "Blagoveshchensk", "Sterlitamak"])[1]
    assert blag.place.id == "geonames:576116"
    assert blag.place.admin1 == "Bashkortostan"


def test_near_hint(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Blagoveshchensk", near="Ufa").place.id == "geonames:576116"
    assert gazetteer.resolve("Blagoveshchensk", near=(54.7, 56.0)).place.id == "geonames:576116"
    assert gazetteer.resolve("Blagoveshchensk", near=(48.5, 135.1)).place.id == "geonames:2026609"


def test_country_hint(gazetteer: Gazetteer) -> None:
    # Two Hamhungs are unlikely; a name shared across countries shows the hint at work.
    assert gazetteer.resolve("Saint Petersburg").place.country == "RU"
    assert gazetteer.resolve("Saint Petersburg", country="US").place.country == "US"
    assert gazetteer.resolve("Saint Petersburg", country="United States").place.country == "US"


def test_result_explains_why(gazetteer: Gazetteer) -> None:
    best = gazetteer.resolve("Blagoveshchensk", near="Khabarovsk").best
    assert set(best.parts) >= {"match", "kind", "population", "near"}
    assert best.score == pytest.approx(sum(best.parts.values()))
    assert "near the hinted area" in best.why()


@pytest.mark.parametrize(
    ("name", "iso", "inside"),
    [
        ("Kursk Oblast", "RU-KRS", (51.73, 36.19)),
        ("Kursk region", "RU-KRS", (51.73, 36.19)),
        ("Kurskaya oblast", "RU-KRS", (51.73, 36.19)),
        ("Курская область", "RU-KRS", (51.73, 36.19)),
        ("Bryansk Oblast", "RU-BRY", (53.25, 34.37)),
        ("Primorsky Krai", "RU-PRI", (43.13, 131.90)),
        ("Amur Oblast", "RU-AMU", (50.27, 127.53)),
        ("Yakutia", "RU-SA", (62.03, 129.73)),
        ("Sakha Republic", "RU-SA", (62.03, 129.73)),
        ("Buryatia", "RU-BU", (51.83, 107.60)),
        ("Republic of Buryatia", "RU-BU", (51.83, 107.60)),
        ("Khabarovsk Krai", "RU-KHA", (48.48, 135.07)),
        ("Chukotka", "RU-CHU", (68.05, 166.44)),
    ],
)
def test_regions_resolve_with_polygon(
    gazetteer: Gazetteer, name: str, iso: str, inside: tuple[float, float]
) -> None:
    place = gazetteer.resolve(name).place
    assert place.kind is Kind.REGION
    assert place.id == f"ne-admin1:{iso}"
    assert place.polygon is not None
    assert place.polygon.contains(shapely.Point(inside[1], inside[0]))
    assert place.polygon.contains(shapely.Point(place.lon, place.lat))


@pytest.mark.parametrize(
    ("bare", "region"), [("Kursk", "Kursk Oblast"), ("Khabarovsk", "Khabarovsk Krai")]
)
def test_bare_name_is_the_city_generic_word_the_region(
    gazetteer: Gazetteer, bare: str, region: str
) -> None:
    city, area = gazetteer.resolve(bare).place, gazetteer.resolve(region).place
    assert city.kind is Kind.CITY and city.polygon is None
    assert area.kind is Kind.REGION
    assert area.name == region


@pytest.mark.parametrize("name", ["Russia", "Russian Federation", "Россия", "North Korea", "DPRK"])
def test_countries(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.resolve(name).place
    assert place.kind is Kind.COUNTRY
    assert place.country in ("RU", "KP")
    assert place.polygon is not None


def test_result_fields(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Ussuriysk").place
    assert place.to_dict() == {
        "id": "geonames:2014006", "name": "Ussuriysk", "lat": 43.80467, "lon": 131.95734,
        "country": "RU", "admin1": "Primorsky Krai", "kind": "city", "precision": "point",
        "population": 157068, "source": "geonames",
    }


def test_unknown_name(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Xyzzyville")
    assert not resolution.found
    with pytest.raises(PlaceNotFoundError, match=r"no place named 'Xyzzyville'; did you mean"):
        _ = resolution.place


def test_unknown_name_suggests_close_names(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Vladivostokskaya Gavan")
    assert not resolution.found
    assert "Vladivostok" in resolution.suggestions


def test_module_level_resolve() -> None:
    assert movemap.resolve("Chongjin").name == "Chongjin"
    with pytest.raises(LookupError):
        movemap.resolve("Xyzzyville")


def test_resolve_many_returns_geodataframe(gazetteer: Gazetteer) -> None:
    frame = gazetteer.resolve_many(["Chongjin", "Vladivostok", "Kursk Oblast"])
    assert frame.crs.to_epsg() == 4326
    assert list(frame["name"]) == ["Chongjin", "Vladivostok", "Kursk Oblast"]
    assert frame.geometry.iloc[0].equals(shapely.Point(129.77583, 41.79556))
    assert list(frame["kind"]) == ["city", "city", "region"]


def test_resolve_many_errors(gazetteer: Gazetteer) -> None:
    with pytest.raises(PlaceNotFoundError):
        gazetteer.resolve_many(["Chongjin", "Xyzzyville"])
    frame = gazetteer.resolve_many(["Chongjin", "Xyzzyville"], errors="ignore")
    assert frame.geometry.iloc[1] is None
    assert frame["query"].iloc[1] == "Xyzzyville"


def test_get_by_id(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("site:musudan-ri").name == "Musudan-ri"
    assert gazetteer.get("ne-admin1:RU-KRS").kind is Kind.REGION
    with pytest.raises(PlaceNotFoundError):
        gazetteer.get("geonames:0")


@pytest.mark.parametrize(
    "name", ["Blagoveshchensk", "Kursk", "Aleksandrovka", "Saint Petersburg", "청진", "Russia"]
)
def test_fast_path_agrees_with_full_ranking(gazetteer: Gazetteer, name: str) -> None:
    from movemap.gazetteer.ranking import rank

    fast = gazetteer.resolve(name)
    hits, generic = gazetteer.hits(name)
    full = rank(hits, generic=generic)
    assert [c.place.id for c in fast.candidates] == [c.place.id for c in full]
    assert fast.place == full[0].place
    assert fast.best.score == full[0].score


def test_top_limits_candidates(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.resolve("Aleksandrovka", top=3).candidates) == 3
    assert len(gazetteer.resolve("Aleksandrovka").candidates) > 3


@pytest.mark.parametrize("name", ["Russian Far East", "Far Eastern Federal District",
                                  "Дальний Восток"])
def test_russian_far_east_is_a_region_of_eleven_subjects(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.resolve(name).place
    assert place.id == "region:russian-far-east" and place.kind is Kind.REGION
    assert place.polygon is not None
    for lat, lon in [(48.48, 135.07), (62.03, 129.73), (51.83, 107.60), (43.13, 131.90)]:
        assert place.polygon.contains(shapely.Point(lon, lat))  # Khabarovsk, Yakutsk, ...
    assert not place.polygon.contains(shapely.Point(104.30, 52.29))  # Irkutsk is Siberia


def test_kursk_bryansk_border_site(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Kursk-Bryansk border").place
    kursk = gazetteer.resolve("Kursk Oblast").place.polygon
    bryansk = gazetteer.resolve("Bryansk Oblast").place.polygon
    assert kursk is not None and bryansk is not None
    point = shapely.Point(place.lon, place.lat)
    assert kursk.distance(point) < 0.01 and bryansk.distance(point) < 0.01


@pytest.mark.parametrize(("name", "other"), [("West Anglia", "East Anglia"),
                                             ("East Pomerania", "West Pomeranian Voivodeship")])
def test_a_loose_match_keeps_the_quarter_a_name_names(gazetteer: Gazetteer, name: str,
                                                      other: str) -> None:
    # two letters away, yet another part of the world, not another spelling of this one
    assert other not in [c.place.name for c in gazetteer.resolve(name).candidates]


@pytest.mark.parametrize(("typo", "expected"), [("Northen Ireland", "Northern Ireland"),
                                                ("Suth Korea", "South Korea")])
def test_a_misspelt_compass_word_still_matches(gazetteer: Gazetteer, typo: str,
                                               expected: str) -> None:
    assert gazetteer.resolve(typo).place.name == expected


def test_a_named_province_does_not_give_an_old_romanisation_the_city_of_that_name(
        gazetteer: Gazetteer) -> None:
    # an account of the Taiping advance names Henan and Anhui beside Nanchang: GeoNames also
    # calls Nanyang (Henan, 1.8 million) Nanchang, and the province named lifted it over the
    # capital of Jiangxi (2.4 million) that bears the name as its own
    names = ["Jiujiang", "Henan", "Anhui", "Hubei", "Nanchang", "Wuhan", "Nanjing"]
    found = gazetteer.resolve_all(names)[names.index("Nanchang")]
    assert found.best.place.name == "Nanchang" and found.best.place.admin1 == "Jiangxi"
    assert found.best.doubt is not None


def test_a_bare_capital_s_name_is_the_capital_beside_a_region_holding_a_namesake(
        gazetteer: Gazetteer) -> None:
    # a news analysis filed from WASHINGTON that names Fort Bragg, North Carolina and Virginia:
    # the capital, not Washington, North Carolina (10,000), which the region named lifted
    names = ["Washington", "Fort Bragg", "North Carolina", "Virginia", "Georgia", "Savannah"]
    found = gazetteer.resolve_all(names)[0]
    assert found.best.place.admin1 != "North Carolina"
    assert abs(found.best.place.lat - 38.9) < 0.1 and abs(found.best.place.lon + 77.04) < 0.1
    assert found.best.doubt is not None and "North Carolina" in found.best.doubt
    # close around a namesake, the text's places still speak for it
    near = gazetteer.resolve_all(["Washington", "Greenville", "Tarboro", "Williamston",
                                  "Plymouth", "New Bern", "North Carolina"])[0]
    assert near.best.place.admin1 == "North Carolina"


@pytest.mark.parametrize(("name", "country"), [
    ("St. Petersburg", "RU"),  # Saint Petersburg (5.4 million), not Florida's (260,000)
    ("ST. PETERSBURG", "RU"),  # a dateline
])
def test_a_name_with_its_saint_written_short_is_the_place_s_own(
        gazetteer: Gazetteer, name: str, country: str) -> None:
    found = gazetteer.resolve(name)
    assert found.best.place.country == country
    # the text's places still choose: beside Tampa and Clearwater it is Florida's
    beside = gazetteer.resolve_all([name, "Tampa", "Clearwater", "Sarasota"])[0]
    assert beside.best.place.country == "US"


def test_a_capital_does_not_replace_a_namesake_no_region_of_the_text_holds(
        gazetteer: Gazetteer) -> None:
    # Washington, Arkansas is not in the data: the text's state holds no Washington, and the
    # answer is not moved to the capital 1,500 km from every other place (review of 741804a)
    found = gazetteer.resolve_all(["Little Rock", "Washington", "Arkansas"])[1]
    assert found.best.place.admin1 != "Washington, D.C." and found.best.place.lon < -85
