"""Chinese names in older romanisations (Wade-Giles, postal) read as pinyin, and Vietnamese
names written as one word read as their syllables (issue 13).

The class: reports before the 1980s spell Chinese towns the old way, and GeoNames knows such
spellings for the best-known cities only; some old spellings are also the pinyin name of
another, smaller town. Names here are ones no evaluation set uses.
"""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer
from movemap.gazetteer.gazetteer import Query
from movemap.gazetteer.lists import read_joined_text, read_old_style_text
from movemap.gazetteer.place import Candidate, Kind, Method, Place
from movemap.gazetteer.romanization import joined_readings, pinyin_readings


@pytest.mark.parametrize(("old", "pinyin"), [
    ("chengchow", "zhengzhou"),   # ch = zh, ow = ou (postal)
    ("loyang", "luoyang"),        # lo = luo
    ("lanchow", "lanzhou"),
    ("kweiyang", "guiyang"),      # kw + ei = gui (postal)
    ("chungking", "chongqing"),   # ung = ong, k before i = q (postal)
    ("hsin hsiang", "xinxiang"),  # hs = x; words joined as pinyin writes them
])
def test_an_old_spelling_reads_as_its_pinyin(old: str, pinyin: str) -> None:
    assert pinyin in pinyin_readings(old)


@pytest.mark.parametrize("name", ["toledo", "bremen", "kaifeng x2", "wu", "zhengzhou"])
def test_names_that_are_not_wholly_old_style_syllables_have_no_reading(name: str) -> None:
    # b, d, x, z begin no Wade-Giles syllable; a digit, one syllable, or pinyin (z) is no
    # old spelling
    assert pinyin_readings(name) == frozenset()


def test_old_spellings_in_a_list_find_the_chinese_cities(gazetteer: Gazetteer) -> None:
    # Loyang alone is a town in Singapore; among Chengchow and Kaifeng it is Luoyang
    found = gazetteer.resolve_all(["Chengchow", "Loyang", "Kaifeng"])
    assert [r.best.place.country for r in found] == ["CN", "CN", "CN"]
    assert found[1].best.place.name == "Luoyang"


def _town(pid: str, name: str, lat: float, population: int) -> Place:
    return Place(id=pid, name=name, lat=lat, lon=115.0, country="CN", admin1=None,
                 kind=Kind.CITY, population=population, source="test")


def _old_style_batch(others: int) -> Candidate:
    """``Tengpo`` spelled as a town of 50,000, and in Wade-Giles as Dengbo, 800,000 people
    400 km away, beside ``others`` names read the old way."""
    spelled = Candidate(_town("t:1", "Tengpo", 30.0, 50_000), 1.5, {"match": 1.0},
                        Method.NAME, "tengpo")
    read = Candidate(_town("t:2", "Dengbo", 33.6, 800_000), 1.48, {"match": 0.95},
                     Method.ALTERNATE, "dengbo")
    ranked = {Query("Tengpo"): (spelled, read)}
    for i, (old, new) in enumerate([("Lanchow", "Lanzhou"), ("Kweiyang", "Guiyang")][:others]):
        ranked[Query(old)] = (Candidate(_town(f"o:{i}", new, 31.0 + i, 2_000_000), 1.5,
                                        {"match": 0.95}, Method.ALTERNATE, new.lower()),)
    read_old_style_text(ranked)
    return ranked[Query("Tengpo")][0]


def test_in_a_text_of_old_spellings_the_old_reading_goes_first() -> None:
    best = _old_style_batch(others=2)
    assert best.place.name == "Dengbo" and best.parts["old spellings"] > 0


@pytest.mark.parametrize("others", [0, 1])
def test_elsewhere_the_town_of_the_spelling_stands_in_doubt(others: int) -> None:
    best = _old_style_batch(others)
    assert best.place.name == "Tengpo"
    assert best.doubt is not None and "Dengbo" in best.doubt


@pytest.mark.parametrize(("name", "spaced"), [
    ("tayninh", "tay ninh"), ("bentre", "ben tre"), ("longxuyen", "long xuyen"),
    ("soctrang", "soc trang"),
])
def test_a_joined_vietnamese_name_is_read_syllable_by_syllable(name: str, spaced: str) -> None:
    assert spaced in joined_readings(name)


@pytest.mark.parametrize("key", ["kursk", "tay ninh", "bac-ninh", "stalingrad"])
def test_only_one_word_of_vietnamese_syllables_is_read_so(key: str) -> None:
    assert joined_readings(key) == frozenset()


def test_joined_colonial_spellings_find_the_towns_of_vietnam(gazetteer: Gazetteer) -> None:
    # before: found only by sound, each flagged "low confidence (phonetic)"
    for found in gazetteer.resolve_all(["Tayninh", "Bentre", "Longxuyen", "Soctrang"]):
        assert found.place.country == "VN" and found.best.method is Method.ALTERNATE
        assert found.confident, found.query


def test_a_name_found_as_spelled_is_not_read_as_joined_syllables(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Bangkok").place.country == "TH"


def test_a_joined_name_spelled_like_a_town_abroad_reads_by_the_text(gazetteer: Gazetteer) -> None:
    # "Cuchi" is a town of Angola as spelled, and Củ Chi joined: the other names choose
    found = gazetteer.resolve_all(["Cuchi", "Tayninh", "Bentre", "Soctrang"])[0]
    assert found.place.country == "VN" and found.confident
    # and a German town spelled like Sơn Trà joined stays German among its neighbours
    assert gazetteer.resolve_all(["Sontra", "Eschwege", "Bebra", "Kassel"])[0].place.country == "DE"


def _joined_batch(others: int) -> Candidate:
    """``Quanglong`` read by its syllables as Quảng Long in Vietnam, first, though as spelled it
    is also a town in China 900 km away, beside ``others`` names read by their syllables."""
    def vn(pid: str, name: str, lat: float) -> Place:
        return Place(id=pid, name=name, lat=lat, lon=106.0, country="VN", admin1=None,
                     kind=Kind.CITY, population=90_000, source="test")

    read = Candidate(vn("v:1", "Quảng Long", 16.0), 1.5, {"match": 0.95}, Method.ALTERNATE,
                     "quang long")
    spelled = Candidate(_town("t:3", "Quanglong", 24.0, 30_000), 1.45, {"match": 1.0},
                        Method.NAME, "quanglong")
    ranked = {Query("Quanglong"): (read, spelled)}
    for i, (joined, spaced) in enumerate([("Tayninh", "Tây Ninh"), ("Bentre", "Bến Tre")]
                                         [:others]):
        ranked[Query(joined)] = (Candidate(vn(f"j:{i}", spaced, 10.0 + i), 1.5,
                                           {"match": 0.95}, Method.ALTERNATE,
                                           spaced.lower()),)
    read_joined_text(ranked)
    return ranked[Query("Quanglong")][0]


@pytest.mark.parametrize("others", [0, 1])
def test_a_joined_reading_over_a_name_found_as_spelled_stands_in_doubt(others: int) -> None:
    best = _joined_batch(others)
    assert best.place.country == "VN"
    assert best.doubt is not None and "Quanglong (CN)" in best.doubt


def test_in_a_text_of_joined_spellings_the_joined_reading_is_sure() -> None:
    assert _joined_batch(others=2).doubt is None


def test_a_bare_joined_name_found_abroad_as_spelled_is_not_confident(gazetteer: Gazetteer) -> None:
    # Long An province by its syllables, Long'an in China as spelled: alone, a guess
    (found,) = gazetteer.resolve_all(["Longan"])
    assert found.place.country == "VN" and not found.confident
    assert "as spelled, Long" in (found.best.doubt or "")
