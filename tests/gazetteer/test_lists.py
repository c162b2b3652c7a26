"""Rules that read a batch's names together: the text's runs of names
(``lists.doubt_namesakes_beside``) and a short list read as a whole
(``gazetteer._read_short_list``)."""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer
from movemap.gazetteer.gazetteer import Query
from movemap.gazetteer.lists import doubt_namesakes_beside
from movemap.gazetteer.place import Candidate, Kind, Method, Place


def _place(pid: str, name: str, country: str, lat: float, kind: Kind = Kind.CITY) -> Place:
    return Place(id=pid, name=name, lat=lat, lon=30.0, country=country, admin1=None,
                 kind=kind, population=10_000, source="test")


def _one(pid: str, name: str, country: str, lat: float, method: Method = Method.NAME,
         kind: Kind = Kind.CITY) -> Candidate:
    return Candidate(_place(pid, name, country, lat, kind), 1.0, {"match": 1.0}, method,
                     name.lower())


def _batch(order: list[str], beside: tuple[str, str] = ("YY", "YY"),
           namesake_in: str = "YY") -> dict[Query, tuple[Candidate, ...]]:
    """``Harbour`` read in XX (a namesake in ``namesake_in``), with the names of ``order``:
    ``Left`` and ``Right`` in the countries of ``beside``, ``Far`` in XX."""
    ranked: dict[Query, tuple[Candidate, ...]] = {}
    for name in order:
        if name == "Harbour":
            ranked[Query(name)] = (_one("h:1", "Harbour", "XX", 10.0),
                                   _one("h:2", "Harbour", namesake_in, 20.0))
        elif name == "Far":
            ranked[Query(name)] = (_one("f:1", "Far", "XX", 10.5),)
        else:
            country = beside[0] if name == "Left" else beside[1]
            ranked[Query(name)] = (_one(name, name, country, 20.2),)
    return ranked


def _harbour(ranked: dict[Query, tuple[Candidate, ...]]) -> Candidate:
    doubt_namesakes_beside(ranked)
    return ranked[Query("Harbour")][0]


def test_a_name_between_two_names_of_the_namesakes_country_stands_in_doubt() -> None:
    best = _harbour(_batch(["Far", "Left", "Harbour", "Right"]))
    assert best.place.country == "XX" and not best.confident
    assert best.doubt is not None and "YY" in best.doubt


@pytest.mark.parametrize("order", [
    ["Harbour", "Left", "Right", "Far"],  # first: one side only
    ["Far", "Left", "Right", "Harbour"],  # last
])
def test_a_name_at_either_end_of_the_batch_is_not_read_so(order: list[str]) -> None:
    assert _harbour(_batch(order)).confident


def test_neighbours_in_two_countries_say_nothing() -> None:
    assert _harbour(_batch(["Far", "Left", "Harbour", "Right"], beside=("YY", "ZZ"))).confident


def test_without_a_namesake_where_the_neighbours_are_the_answer_stands() -> None:
    assert _harbour(_batch(["Far", "Left", "Harbour", "Right"], namesake_in="ZZ")).confident


def test_neighbours_in_the_answers_own_country_say_nothing() -> None:
    assert _harbour(_batch(["Far", "Left", "Harbour", "Right"], beside=("XX", "XX"))).confident


def test_a_guess_beside_it_is_no_neighbour() -> None:
    # a typo match between them is skipped: the names on each side are then Far and Left
    ranked = _batch(["Far", "Harbour", "Left"])
    guess = Candidate(_place("g", "Guess", "YY", 20.1), 0.5, {"match": 0.5}, Method.FUZZY,
                      "gues")
    ranked = {Query("Far"): ranked[Query("Far")], Query("Guess"): (guess,),
              Query("Harbour"): ranked[Query("Harbour")], Query("Left"): ranked[Query("Left")]}
    assert _harbour(ranked).confident


@pytest.mark.parametrize(("names", "index", "there"), [
    # a run of Lebanese towns in a text about Libya: Tripoli between Beirut and Byblos
    (["Benghazi", "Misrata", "Sirte", "Beirut", "Tripoli", "Byblos"], 4, "LB"),
    # Virginia's Alexandria between Arlington and Fairfax in a text about Egypt
    (["Cairo", "Suez", "Ismailia", "Port Said", "Arlington", "Alexandria", "Fairfax"], 5, "US"),
])
def test_a_run_of_names_keeps_a_namesake_from_being_confidently_elsewhere(
        gazetteer: Gazetteer, names: list[str], index: int, there: str) -> None:
    best = gazetteer.resolve_all(names)[index].best
    assert best.place.country == there or not best.confident


@pytest.mark.parametrize(("names", "where"), [
    # every name ambiguous: two names must not settle on each other's namesakes
    (["Perth", "Dundee", "Stirling"], ["GB", "GB", "GB"]),
    (["Alexandria", "Arlington", "Richmond"], ["Virginia", "Virginia", "Virginia"]),
])
def test_a_short_list_is_read_as_a_whole(
        gazetteer: Gazetteer, names: list[str], where: list[str]) -> None:
    found = [r.best.place for r in gazetteer.resolve_all(names)]
    assert [p.country if len(w) == 2 else p.admin1 for p, w in zip(found, where,
                                                                    strict=True)] == where


def test_a_short_list_of_clear_names_keeps_its_answers(gazetteer: Gazetteer) -> None:
    # each far from the others, each clear alone: togetherness must not pull one away
    found = gazetteer.resolve_all(["Sydney", "Kabul", "Perth", "Kano"])
    assert [r.best.place.country for r in found] == ["AU", "AF", "AU", "NG"]


def _short_list(town_match: float) -> dict[Query, tuple[Candidate, ...]]:
    """``Shire`` first a region far away, ``Town`` first a town elsewhere (by another of its
    names when ``town_match`` is under 1): both have readings in YY 55 km apart, which
    together outweigh the two first readings."""
    from movemap.gazetteer.gazetteer import _read_short_list

    def reading(pid: str, name: str, country: str, lat: float, kind: Kind, score: float,
                match: float = 1.0) -> Candidate:
        return Candidate(_place(pid, name, country, lat, kind), score, {"match": match},
                         Method.NAME if match == 1.0 else Method.ALTERNATE, name.lower())

    ranked = {
        Query("Shire"): (reading("s:1", "Shire", "XX", -20.0, Kind.REGION, 1.4),
                         reading("s:2", "Shire", "YY", 40.0, Kind.CITY, 1.3)),
        Query("Town"): (reading("t:1", "Town", "ZZ", 10.0, Kind.CITY, 1.25, town_match),
                        reading("t:2", "Town", "YY", 40.5, Kind.CITY, 1.2)),
    }
    _read_short_list(ranked)
    return ranked


def test_a_name_first_read_as_an_area_abroad_is_read_with_the_list() -> None:
    # Town is read by its own name in YY, by another name in ZZ: the list speaks for YY
    ranked = _short_list(town_match=0.95)
    assert [c[0].place.id for c in ranked.values()] == ["s:2", "t:2"]
    assert all(c[0].parts["read together"] > 0 for c in ranked.values())
    # each new reading is weaker on its own than the one it displaced: both in doubt
    assert all(not c[0].confident for c in ranked.values())


def test_a_list_of_names_each_read_down_to_lesser_namesakes_is_not_re_read() -> None:
    # every name would trade a stronger reading for a weaker one that lies with the others
    ranked = _short_list(town_match=1.0)
    assert [c[0].place.id for c in ranked.values()] == ["s:1", "t:1"]


@pytest.mark.parametrize(("names", "countries"), [
    # famous places beside each other: not their namesakes in Georgia or Tennessee that lie
    # together (reviewer's probes of gaz14 7e413c6)
    (["Athens", "Rome"], ["GR", "IT"]),
    (["Rome", "Athens"], ["IT", "GR"]),
    (["Paris", "Athens"], ["FR", "GR"]),
])
def test_a_short_list_of_famous_names_keeps_them(
        gazetteer: Gazetteer, names: list[str], countries: list[str]) -> None:
    assert [r.best.place.country for r in gazetteer.resolve_all(names)] == countries


def test_a_short_list_never_reads_a_capital_down_to_a_confident_namesake(
        gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Georgetown", "Kingston"])
    assert all(r.best.place.country in ("GY", "JM") or not r.best.confident for r in found)


def test_a_short_list_reads_a_town_beside_a_name_first_read_as_an_area(
        gazetteer: Gazetteer) -> None:
    # Reinosa (in no evaluation set) beside Santander: both in Cantabria, not the Colombian
    # department and Reynosa in Mexico
    found = gazetteer.resolve_all(["Santander", "Reinosa"])
    assert [r.best.place.country for r in found] == ["ES", "ES"]
