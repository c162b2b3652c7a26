"""Rules that keep a thin context from making a confident wrong answer (issue 13).

The places here are made up (``Avalonia``, ``Brennock``), so that the rules are tested as
rules: what decides is their sizes, their names and where the other places of the text lie.
"""

from __future__ import annotations

import pytest
from shapely import box

from movemap.gazetteer import Gazetteer
from movemap.gazetteer.ambiguity import ambiguous
from movemap.gazetteer.gazetteer import (
    Query,
    _cohered,
    _doubt,
    _doubt_areas_away,
    _doubt_held_elsewhere,
    _doubt_unplaced_regions,
    _kind_context,
    _unrivalled,
)
from movemap.gazetteer.lists import read_base_list
from movemap.gazetteer.place import Candidate, Kind, Method, Place
from movemap.gazetteer.ranking import Context, Hit, rank


def _place(pid: str, name: str, lat: float, lon: float, country: str, kind: Kind,
           population: int, admin1: str | None = None) -> Place:
    return Place(id=pid, name=name, lat=lat, lon=lon, country=country, admin1=admin1,
                 kind=kind, population=population, source="test")


def test_a_town_named_for_an_area_with_city_after_does_not_bear_the_bare_name() -> None:
    # "Avalonia" beside a neighbouring state is the state, not Avalonia City near the
    # border, though the town lies nearer the other place
    state = _place("r:1", "Avalonia", 45.0, -85.0, "US", Kind.REGION, 5_000_000, "Avalonia")
    town = _place("c:1", "Avalonia City", 41.7, -86.9, "US", Kind.CITY, 30_000, "Borduria")
    context = Context([(40.0, -86.0)], {"US": 1.0})
    ranked = rank([Hit(state, Method.NAME, "avalonia"), Hit(town, Method.REGION, "avalonia")],
                  context=context)
    assert ranked[0].place is state
    assert ranked[1].parts.get("area name", 0.0) < 0


def test_a_town_named_for_an_area_stays_when_the_area_is_smaller() -> None:
    # a town larger than the area of the name is what the base form reads first
    area = _place("r:2", "Brennock", 10.0, 10.0, "XA", Kind.REGION, 20_000)
    town = _place("c:2", "Brennock City", 10.1, 10.1, "XA", Kind.CITY, 900_000)
    ranked = rank([Hit(area, Method.NAME, "brennock"), Hit(town, Method.REGION, "brennock")],
                  context=Context([(10.2, 10.2)], {"XA": 1.0}))
    assert "area name" not in ranked[0].parts and "area name" not in ranked[1].parts


def _namesakes(small: int, large: int, others_km_away: float) -> tuple[str, str]:
    """The doubt of a small town that its country's other places chose over a namesake
    abroad ``large / small`` times its size, the others lying about ``others_km_away``."""
    home = _place("c:3", "Kestrel", 50.0, 10.0, "XA", Kind.CITY, small)
    abroad = _place("c:4", "Kestrel", 30.0, 60.0, "XB", Kind.CITY, large)
    degrees = others_km_away / 111.2
    context = Context([(50.0 + degrees, 10.0), (50.0 - degrees, 10.0)], {"XA": 1.0})
    ranked = rank([Hit(home, Method.NAME, "kestrel"), Hit(abroad, Method.NAME, "kestrel")],
                  context=context)
    assert ranked[0].place is home
    return _doubt(ranked, context), ranked[0].place.name


def test_a_win_by_a_distant_context_over_a_namesake_ten_times_larger_is_in_doubt() -> None:
    doubt, _ = _namesakes(20_000, 400_000, 400.0)
    assert doubt.startswith("chosen by context over Kestrel (XB)")


def test_a_win_by_close_neighbours_over_a_namesake_ten_times_larger_stands() -> None:
    # the other places all lie around it: the text says where it is
    doubt, _ = _namesakes(20_000, 400_000, 20.0)
    assert doubt == ""


def test_a_namesake_under_ten_times_larger_leaves_the_win_alone() -> None:
    doubt, _ = _namesakes(50_000, 400_000, 400.0)
    assert doubt == ""


def test_names_read_beside_each_others_dropped_readings_are_read_together(
    gazetteer: Gazetteer,
) -> None:
    # each name was first ranked beside the other's first reading, and the other then moved
    # to another country (a Brussels in Canada beside a Waterloo in Belgium): the pair is
    # read again in the one country where both readings score best together
    found = gazetteer.resolve_all(["Waterloo", "Brussels"])
    assert [r.place.country for r in found] == ["BE", "BE"]
    assert all(r.best.confident for r in found), [r.flags for r in found]


def test_names_read_together_stay_in_doubt_when_two_countries_fit_as_well(
    gazetteer: Gazetteer,
) -> None:
    # a Hamilton and a Stirling lie close together in Scotland and in Canada alike
    found = gazetteer.resolve_all(["Hamilton", "Stirling"])
    assert len({r.place.country for r in found}) == 1
    assert not any(r.best.confident for r in found)
    assert "read together" in found[0].best.doubt


def test_names_that_agree_are_not_put_in_doubt_by_each_other(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Falkirk", "Stirling"])
    assert {r.place.country for r in found} == {"GB"}
    assert all(r.best.confident for r in found)


@pytest.mark.parametrize("name", ["Pernambuco", "Ceará", "Maranhão"])
def test_a_state_is_not_its_capital_known_by_the_states_name_as_an_old_name(
    gazetteer: Gazetteer, name: str,
) -> None:
    # the capitals (Recife, Fortaleza, São Luís) carry their state's name among their other
    # names: another name of their own, not a spelling, and a small share of the state
    found = gazetteer.resolve(name)
    assert found.place.kind is Kind.REGION and found.place.country == "BR"


@pytest.mark.parametrize(("name", "town"), [("Duhok", "Dihok")])
def test_a_region_named_after_its_town_spelled_otherwise_is_still_the_town(
    gazetteer: Gazetteer, name: str, town: str,
) -> None:
    found = gazetteer.resolve(name)
    assert found.place.kind is Kind.CITY and found.place.name == town


def test_a_typo_that_is_refused_does_not_pull_the_other_names(gazetteer: Gazetteer) -> None:
    # "Almendralejoz" is a typo of a Spanish town, refused beside a Mexican reading; it
    # must not first have drawn "Mérida" to Spain
    found = gazetteer.resolve_all(["Mérida", "Almendralejoz"])
    assert not found[1].found
    assert found[0].place == gazetteer.resolve("Mérida").place


def test_an_exact_tie_between_two_countries_goes_the_same_way_every_run() -> None:
    # two names crossed between two countries where their readings fit exactly as well: the
    # tie is broken by the countries' codes, not by the order of a set (PYTHONHASHSEED)
    def reading(pid: str, name: str, lon: float, country: str) -> Candidate:
        town = _place(pid, name, 0.0, lon, country, Kind.CITY, 10_000)
        return Candidate(town, 1.0, {"match": 1.0}, Method.NAME, name.lower())

    first, second = Query("Quillon"), Query("Marrowby")
    quillon = (reading("c:5", "Quillon", 0.0, "XB"), reading("c:6", "Quillon", 0.0, "XA"))
    marrowby = (reading("c:7", "Marrowby", 1.0, "XA"), reading("c:8", "Marrowby", -1.0, "XB"))
    for ranked in ({first: quillon, second: marrowby}, {second: marrowby, first: quillon}):
        # Quillon was chosen in XB beside a reading of Marrowby there; Marrowby ends in XA
        leaned = {first: {second: marrowby[1].place}}
        [(group, picks, clear)] = _cohered(ranked, leaned)
        assert group == [q for q in ranked] and not clear
        assert {c.place.country for c in picks.values()} == {"XA"}


def _reading(pid: str, name: str, kind: Kind, country: str, score: float,
             method: Method = Method.NAME, lat: float = 50.0) -> Candidate:
    place = _place(pid, name, lat, 10.0, country, kind, 10_000 if kind is Kind.CITY else 0)
    return Candidate(place, score, {"match": score}, method, name.lower())


def _bare_name_among(others: list[Candidate], base_country: str,
                     base_lat: float = 50.0) -> Candidate:
    """The answer for "Tarnwick" (a village, or an air base bearing its name in
    ``base_country`` at latitude ``base_lat``) resolved beside answers ``others``."""
    village = _reading("c:10", "Tarnwick", Kind.CITY, "XA", 1.5)
    base = _reading("a:10", "Tarnwick Air Base", Kind.AIRBASE, base_country, 1.3, Method.KIND,
                    lat=base_lat)
    ranked = {Query("Tarnwick"): (village, base)}
    ranked.update({Query(f"other {i}"): (c,) for i, c in enumerate(others)})
    _kind_context(ranked)
    return ranked[Query("Tarnwick")][0]


_BASES = [_reading("a:11", "Corvale Air Base", Kind.AIRBASE, "XA", 1.2),
          _reading("a:12", "Ashgrove Airport", Kind.AIRPORT, "XA", 1.2)]


def test_a_bare_name_among_air_bases_is_the_air_base_it_names() -> None:
    found = _bare_name_among(_BASES, "XA")
    assert found.place.kind is Kind.AIRBASE and found.parts["kind context"] > 0


def test_a_bare_name_among_towns_stays_the_town() -> None:
    towns = [_reading("c:11", "Corvale", Kind.CITY, "XA", 1.2),
             _reading("c:12", "Ashgrove", Kind.CITY, "XA", 1.2), *_BASES]
    assert _bare_name_among(towns, "XA").place.kind is Kind.CITY


def test_an_air_base_of_the_name_in_another_country_leaves_the_town() -> None:
    assert _bare_name_among(_BASES, "XB").place.kind is Kind.CITY


def test_an_air_base_of_the_name_far_from_the_others_leaves_the_town() -> None:
    """The family's reading must lie among them: 1,500 km away (in their country) it is
    another place, and the town stays."""
    assert _bare_name_among(_BASES, "XA", base_lat=63.5).place.kind is Kind.CITY
    assert _bare_name_among(_BASES, "XA", base_lat=55.0).place.kind is Kind.AIRBASE


def _short_form(points: int, name: str = "Quillan de Montes") -> Candidate:
    """The winner for "Quillan" between a world city of that name abroad and a town of the
    others' country that has the name among its other names (its own ``name``)."""
    world = _place("c:21", "Quillan", -20.0, -60.0, "XB", Kind.CITY, 5_000_000)
    local = _place("c:22", name, 10.0, 10.0, "XA", Kind.CITY, 40_000)
    context = Context([(10.0 + 0.5 * i, 10.5) for i in range(points)], {"XA": 1.0})
    ranked = rank([Hit(world, Method.NAME, "quillan"), Hit(local, Method.ALTERNATE, "quillan")],
                  context=context, query="Quillan")
    return ranked[0]


def test_a_name_shortened_from_a_town_of_the_others_country_is_that_town() -> None:
    # "Santiago" in a list of a country's towns is its Santiago de ..., not the capital abroad
    found = _short_form(points=3)
    assert found.place.name == "Quillan de Montes"


def test_a_world_city_beside_one_other_place_wins_over_a_short_form_in_doubt() -> None:
    found = _short_form(points=1)
    assert found.place.name == "Quillan" and found.doubt and "for short" in found.doubt


@pytest.mark.parametrize("name", ["Quillan do Sul", "Quillan-sur-Mer", "Quillan upon Tarn",
                                  "Quillan am Brenn", "Quillan del Monte"])
def test_a_name_joined_to_a_second_name_by_a_linking_word_has_a_short_form(name: str) -> None:
    assert _short_form(points=3, name=name).place.name == name


@pytest.mark.parametrize("name", ["Vessary", "Quillanby", "Quillan City", "Quillan Island",
                                  "Quillan Heights"])
def test_an_other_name_that_is_no_short_form_leaves_the_world_city_first(name: str) -> None:
    # an unrelated other name (or one word that only begins like it) is no shortening, nor is
    # the name plus a word of its own: a suburb or island named after the city is another place
    found = _short_form(points=3, name=name)
    assert found.place.name == "Quillan" and found.doubt is None


def _home_namesake(large: int, km: float) -> str:
    """The doubt of a village that a region named in the text chose over a namesake of its
    own country ``large`` strong, ``km`` away."""
    from shapely import box

    village = _place("c:23", "Tolvane", 12.0, 120.0, "XA", Kind.CITY, 3_000)
    town = _place("c:24", "Tolvane", 12.0 + km / 111.2, 120.0, "XA", Kind.CITY, large)
    context = Context([(16.0, 116.0), (18.0, 114.0)], {"XA": 1.0},
                      areas=[box(119.5, 11.5, 120.5, 12.5)])
    ranked = rank([Hit(village, Method.NAME, "tolvane"), Hit(town, Method.NAME, "tolvane")],
                  context=context)
    assert ranked[0].place is village
    return _doubt(ranked, context)


def test_a_village_chosen_by_the_text_over_a_far_larger_namesake_at_home_is_in_doubt() -> None:
    assert _home_namesake(150_000, 450.0).startswith("chosen by the text over Tolvane (XA)")


@pytest.mark.parametrize(("large", "km"), [(20_000, 450.0), (150_000, 60.0)])
def test_a_namesake_at_home_not_far_larger_or_close_by_leaves_the_win_alone(
        large: int, km: float) -> None:
    assert _home_namesake(large, km) == ""


@pytest.mark.parametrize(("names", "country"), [
    (["Antwerp", "Leuven", "Venlo", "Limburg"], "NL"),
    (["Amsterdam", "Utrecht", "Genk", "Limburg"], "BE"),
    (["Bogotá", "Medellín", "Manaus", "Amazonas"], "BR"),
    (["Bogotá", "Medellín", "Puerto Ayacucho", "Amazonas"], "VE"),
])
def test_a_region_named_in_two_countries_is_the_one_holding_a_town_of_the_text(
        gazetteer: Gazetteer, names: list[str], country: str) -> None:
    # the country most others are in does not decide: the town the region holds does
    found = gazetteer.resolve_all(names)[-1]
    assert found.place.kind is Kind.REGION and found.place.country == country


@pytest.mark.parametrize(("names", "country", "kind"), [
    # the base is in the American state, however far the other bases of the list lie
    (["Faslane", "Rota", "Île Longue", "Kings Bay", "Georgia"], "US", Kind.REGION),
    (["Tbilisi", "Georgia"], "GE", Kind.COUNTRY),
    (["Georgia"], "GE", Kind.COUNTRY),
    # the Belgian province is smaller than the country: it never takes the country's name
    (["Bastogne", "Houffalize", "Arlon", "Luxembourg"], "LU", Kind.COUNTRY),
])
def test_a_country_gives_its_name_only_to_a_larger_region_abroad_holding_the_text(
        gazetteer: Gazetteer, names: list[str], country: str, kind: Kind) -> None:
    found = gazetteer.resolve_all(names)[-1]
    assert (found.place.country, found.place.kind) == (country, kind), found.best.why()


@pytest.mark.parametrize("names", [["Brasília"], ["Brumadinho", "Minas Gerais", "Brasília"]])
def test_a_short_form_never_takes_the_name_of_a_far_larger_town_of_its_own_country(
        gazetteer: Gazetteer, names: list[str]) -> None:
    # Brasília de Minas, in Minas Gerais, is "Brasília" for short only where no capital is
    found = gazetteer.resolve_all(names)[-1]
    assert (found.place.name, found.place.country) == ("Brasília", "BR"), found.best.why()
    assert found.confident


def test_a_region_named_in_two_countries_each_holding_a_town_of_the_text_is_in_doubt(
        gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["Heerlen", "Genk", "Limburg"])[-1]
    assert found.place.kind is Kind.REGION and not found.confident


def _held_elsewhere(inside: bool) -> dict[Query, tuple[Candidate, ...]]:
    """"Dunmarrow" (a country, or a region of that name in XB) beside "Pellow" (a large town,
    inside the country or not, or a smaller namesake inside the region), after the rule."""
    import dataclasses

    from shapely import box

    country = dataclasses.replace(_place("n:1", "Dunmarrow", 0.0, 0.0, "XA", Kind.COUNTRY,
                                         3_000_000), polygon=box(-2, -2, 2, 2))
    region = dataclasses.replace(_place("r:1", "Dunmarrow", 30.0, 30.0, "XB", Kind.REGION,
                                        4_000_000), polygon=box(28, 28, 32, 32))
    big = (_place("c:31", "Pellow", 0.5, 0.5, "XA", Kind.CITY, 600_000) if inside
           else _place("c:31", "Pellow", -30.0, -30.0, "XC", Kind.CITY, 600_000))
    small = _place("c:32", "Pellow", 30.5, 30.5, "XB", Kind.CITY, 100_000)
    ranked = {
        Query("Pellow"): (Candidate(big, 1.27, {}, Method.NAME, "pellow"),
                          Candidate(small, 1.25, {}, Method.NAME, "pellow")),
        Query("Dunmarrow"): (Candidate(country, 1.5, {}, Method.NAME, "dunmarrow"),
                             Candidate(region, 1.44, {}, Method.NAME, "dunmarrow")),
    }
    _doubt_held_elsewhere(ranked)
    return ranked


def test_a_town_and_an_area_that_other_readings_put_one_in_the_other_are_in_doubt() -> None:
    # "Athens" and "Georgia" read as Greece's capital and the Caucasian country: a town of
    # the name lies in the American state of that name, as likely what the two meant
    assert all(c[0].doubt for c in _held_elsewhere(inside=False).values())


def test_a_town_inside_the_area_read_leaves_both_alone() -> None:
    assert not any(c[0].doubt for c in _held_elsewhere(inside=True).values())


def _in_a_list_of(others: list[tuple[Candidate, ...]]) -> Candidate:
    """The answer for "Quenby" (a town of that name in XB, or an air base bearing the name
    3,000 km away in XA) resolved beside ``others``."""
    town = _reading("c:20", "Quenby", Kind.CITY, "XB", 1.5, lat=20.0)
    base = _reading("a:20", "Quenby Air Base", Kind.AIRBASE, "XA", 1.0, Method.KIND, lat=47.0)
    ranked = {Query("Quenby"): (town, base)}
    ranked.update({Query(f"other {i}"): c for i, c in enumerate(others)})
    read_base_list(ranked)
    return ranked[Query("Quenby")][0]


def _town_with_base(i: int, country: str) -> tuple[Candidate, ...]:
    """A town and an air base of its name 5 km away (Halloway and RAF Halloway)."""
    return (_reading(f"c:2{i}", f"Halloway {i}", Kind.CITY, country, 1.4, lat=50.0 + i),
            _reading(f"a:2{i}", f"RAF Halloway {i}", Kind.AIRBASE, country, 0.9, Method.KIND,
                     lat=50.04 + i))


_LIST = [_town_with_base(1, "XC"), _town_with_base(2, "XD"),
         (_reading("n:1", "Dunmere Naval Base", Kind.NAVAL_BASE, "XE", 1.2),)]


@pytest.mark.parametrize("towns", [0, 1])
def test_a_bare_name_in_a_list_of_bases_is_the_base_it_names_wherever_it_lies(
        towns: int) -> None:
    # three bases (two of them towns with a base of their name), and at most a plain town
    others = [*_LIST, *[(_reading(f"c:3{i}", f"Brackley {i}", Kind.CITY, "XC", 1.4),)
                        for i in range(towns)]]
    found = _in_a_list_of(others)
    assert found.place.kind is Kind.AIRBASE and found.parts["base list"] > 0


def test_a_bare_name_among_towns_keeps_the_town() -> None:
    # plain towns in a third of the list or more: no list of bases
    towns = [(_reading(f"c:3{i}", f"Brackley {i}", Kind.CITY, "XC", 1.4),) for i in range(2)]
    assert _in_a_list_of([*_LIST, *towns]).place.kind is Kind.CITY


def test_two_bases_are_too_few_to_make_a_list_of_bases() -> None:
    assert _in_a_list_of(_LIST[:2]).place.kind is Kind.CITY


def _region_abroad(town_population: int) -> str:
    """The doubt of a region (XB, 2,000,000 people) that a mixed list reads for "Ostervale",
    three of the other places lying in XA, where a town of that name has
    ``town_population``."""
    region = _place("r:30", "Ostervale", 5.0, -70.0, "XB", Kind.REGION, 2_000_000)
    town = _place("c:30", "Ostervale", 43.0, -4.0, "XA", Kind.CITY, town_population)
    context = Context([(42.0, -3.5), (40.0, -3.7), (37.4, -6.0), (48.9, 2.3)],
                      {"XA": 0.3, "XC": 0.2})
    ranked = rank([Hit(region, Method.NAME, "ostervale"), Hit(town, Method.NAME, "ostervale")],
                  context=context)
    assert ranked[0].place is region
    return _doubt(ranked, context)


def test_a_town_where_the_others_are_takes_the_name_from_a_region_abroad_in_doubt() -> None:
    # a town of 170,000 (over a twentieth of the region) in the others' country is read
    # first, in doubt naming the region (ranking._region_abroad_yields)
    region = _place("r:30", "Ostervale", 5.0, -70.0, "XB", Kind.REGION, 2_000_000)
    town = _place("c:30", "Ostervale", 43.0, -4.0, "XA", Kind.CITY, 170_000)
    context = Context([(42.0, -3.5), (40.0, -3.7), (37.4, -6.0), (48.9, 2.3)],
                      {"XA": 0.3, "XC": 0.2})
    ranked = rank([Hit(region, Method.NAME, "ostervale"), Hit(town, Method.NAME, "ostervale")],
                  context=context)
    assert ranked[0].place is town
    assert ranked[0].doubt and "Ostervale (XB), a region of that name" in ranked[0].doubt


@pytest.mark.parametrize("village", [3_000, 90_000])
def test_a_region_abroad_named_like_a_village_or_a_small_town_keeps_its_name(
        village: int) -> None:
    # under 20,000 people, or under a twentieth of the region: the exact name asks for the area
    assert "also the name of Ostervale" not in _region_abroad(village)


def _alternate_over_own(own_population: int, others_km_away: float = 300.0) -> str:
    """The doubt of a town of XA (25,000) found by another of its names, "Velmora", beside
    places of XA ``others_km_away``, over a town of XB that bears the name as its own."""
    alternate = _place("c:40", "Velmorsdorf", 49.0, 11.0, "XA", Kind.CITY, 25_000)
    own = _place("c:41", "Velmora", 36.6, -6.3, "XB", Kind.CITY, own_population)
    degrees = others_km_away / 111.2
    context = Context([(49.0 + degrees, 11.0), (49.0 - degrees, 11.0)], {"XA": 1.0})
    ranked = rank([Hit(alternate, Method.ALTERNATE, "velmora"),
                   Hit(own, Method.NAME, "velmora")], context=context)
    assert ranked[0].place is alternate
    return _doubt(ranked, context)


def test_another_name_of_a_town_that_a_town_abroad_bears_as_its_own_is_in_doubt() -> None:
    assert "Velmora (XB) bears it as its own" in _alternate_over_own(28_000)


@pytest.mark.parametrize(("own", "km"), [(5_000, 300.0), (28_000, 20.0)])
def test_another_name_stands_beside_a_small_namesake_or_close_neighbours(
        own: int, km: float) -> None:
    # the namesake under half its size, or the others close around it: no such doubt
    assert "bears it as its own" not in _alternate_over_own(own, km)


@pytest.mark.parametrize(("points", "share", "neighbour_km", "doubted"), [
    (3, 1.0, 100.0, False),   # all of them at home, one a neighbour: the text says where
    (2, 1.0, 100.0, True),    # too few
    (3, 0.75, 100.0, True),   # one of them abroad
    (3, 1.0, 400.0, True),    # no neighbour
])
def test_a_town_among_its_country_s_places_over_a_far_larger_namesake_abroad(
        points: int, share: float, neighbour_km: float, doubted: bool) -> None:
    home = _place("c:50", "Pellary", 50.0, 10.0, "XA", Kind.CITY, 20_000)
    abroad = _place("c:51", "Pellary", 30.0, 60.0, "XB", Kind.CITY, 400_000)
    others = [(50.0 + neighbour_km / 111.2, 10.0)] + [(46.0 - i, 10.0) for i in range(points - 1)]
    context = Context(others, {"XA": share, "XC": 1.0 - share})
    ranked = rank([Hit(home, Method.NAME, "pellary"), Hit(abroad, Method.NAME, "pellary")],
                  context=context)
    assert ranked[0].place is home
    assert _doubt(ranked, context).startswith("chosen by context over Pellary") is doubted


def _held_base_in_a_list_of(others: list[tuple[Candidate, ...]]) -> tuple[Candidate, ...]:
    """The readings of "Quenby Field": an air base named for Quenby, as likely as a civil
    airfield of that very name 3,000 km away, resolved beside ``others``."""
    base = _reading("a:21", "Quenby Air Base", Kind.AIRBASE, "XA", 1.30, Method.KIND, lat=47.0)
    civil = _reading("p:21", "Quenby Field", Kind.AIRPORT, "XB", 1.28, lat=20.0)
    ranked = {Query("Quenby Field"): (base, civil)}
    ranked.update({Query(f"other {i}"): c for i, c in enumerate(others)})
    read_base_list(ranked)
    return ranked[Query("Quenby Field")]


def test_a_list_of_bases_tells_a_base_from_a_civil_airfield_of_its_name() -> None:
    found = _held_base_in_a_list_of(_LIST)
    assert found[0].place.kind is Kind.AIRBASE and found[0].parts["base list"] > 0
    assert not ambiguous(found)


def test_among_towns_a_base_and_a_civil_airfield_of_its_name_stay_as_likely() -> None:
    towns = [(_reading(f"c:4{i}", f"Brackley {i}", Kind.CITY, "XC", 1.4),) for i in range(4)]
    found = _held_base_in_a_list_of(towns)
    assert "base list" not in found[0].parts and ambiguous(found)


def _region_away(town_km: float, region_at: tuple[float, float]) -> Candidate:
    """"Carrow" (a region won by its bare name, or a town of that name ``town_km`` from the
    first of three towns lying together) in a text about those towns, after the rule."""
    import dataclasses

    from shapely import box

    lat, lon = region_at
    region = dataclasses.replace(
        _place("r:41", "Carrow", lat, lon, "XA", Kind.REGION, 3_000_000),
        polygon=box(lon - 2, lat - 2, lon + 2, lat + 2))
    town = _place("c:41", "Carrow", 40.0 + town_km / 111.2, 10.0, "XA", Kind.CITY, 8_000)
    return _away_beside_three_towns(Candidate(region, 1.6, {}, Method.NAME, "carrow"),
                                    Candidate(town, 1.3, {}, Method.NAME, "carrow"))


def _away_beside_three_towns(region: Candidate, namesake: Candidate) -> Candidate:
    """A region's reading of a name, with a namesake as the runner-up, after
    ``_doubt_areas_away`` beside three towns of XA lying together around 40 N 10 E."""
    query = Query(region.place.name)
    ranked = {query: (region, namesake)}
    for i, (a, b) in enumerate([(40.0, 10.0), (40.5, 10.5), (39.6, 10.8)]):
        place = _place(f"c:5{i}", f"Town{i}", a, b, "XA", Kind.CITY, 20_000)
        ranked[Query(f"Town{i}")] = (Candidate(place, 1.5, {}, Method.NAME, f"town{i}"),)
    _doubt_areas_away(ranked)
    return ranked[query][0]


def test_a_region_away_from_the_text_with_a_town_of_its_name_among_it_is_in_doubt() -> None:
    # the state of Guerrero in an account of Chihuahua, where Ciudad Guerrero lies
    best = _region_away(town_km=40.0, region_at=(28.0, 14.0))
    assert best.place.kind is Kind.REGION and best.doubt is not None
    assert best.doubt.startswith("Carrow, a town of that name among the other places")


def test_a_region_away_from_the_text_without_such_a_town_stands() -> None:
    # the namesake town lies 600 km from every place of the text: nothing speaks for it
    assert _region_away(town_km=-600.0, region_at=(28.0, 14.0)).doubt is None


def _far_region(namesake_km: float) -> Candidate:
    """"Sarno", a region of another country far beyond a text's towns, over an island of
    that name ``namesake_km`` north of the text, after the rule."""
    import dataclasses

    from shapely.geometry import box

    region = dataclasses.replace(
        _place("r:71", "Sarno", -20.0, -40.0, "XB", Kind.REGION, 4_000_000),
        polygon=box(-42, -22, -38, -18))
    island = _place("i:71", "Sarno", 40.0 + namesake_km / 111.2, 10.0, "XC", Kind.ISLAND,
                    40_000)
    return _away_beside_three_towns(Candidate(region, 1.4, {}, Method.ALTERNATE, "sarno"),
                                    Candidate(island, 1.25, {}, Method.NAME, "sarno"))


def test_a_region_abroad_and_far_beyond_the_text_with_a_namesake_within_reach_is_in_doubt(
) -> None:
    # Espiritu Santo beside Guadalcanal and Noumea: the island of Vanuatu, 900 km from
    # them, not the Brazilian state (found by its Spanish name) on the far side of the world
    best = _far_region(namesake_km=800.0)
    assert best.place.kind is Kind.REGION
    assert best.doubt == "Sarno, an island of that name among the other places, may be meant"
    # a namesake beyond reach of the text says nothing
    assert _far_region(namesake_km=1500.0).doubt is None


def test_espiritu_santo_in_a_report_on_the_solomons_is_not_silently_brazil(
    gazetteer: Gazetteer,
) -> None:
    names = ["Guadalcanal", "Tulagi", "Savo Island", "Henderson Field", "Rabaul",
             "Espiritu Santo", "Nouméa"]
    answer = gazetteer.resolve_all(names)[5]
    assert answer.place.country == "VU" or not answer.confident


@pytest.mark.parametrize("region_at", [(40.2, 10.3), (41.5, 11.0)])
def test_a_region_holding_or_near_the_text_stands(region_at: tuple[float, float]) -> None:
    # the region holds the text's towns, or lies beside them (Famagusta district): the bare
    # name is the region the text is about
    assert _region_away(town_km=40.0, region_at=region_at).doubt is None


def _unplaced(support: float, town_population: int, town_country: str = "XB") -> Candidate:
    """"Morrow", a region of XA won by its bare name with ``support`` from the text, over a
    town of that name in ``town_country``, after the rule."""
    region = _place("r:61", "Morrow", 15.0, -87.0, "XA", Kind.REGION, 300_000)
    town = _place("c:61", "Morrow", 9.0, -80.0, town_country, Kind.CITY, town_population)
    ranked = {Query("Morrow"): (
        Candidate(region, 1.4 + support, {"match": 1.0, "kind": 0.25, "context": support},
                  Method.NAME, "morrow"),
        Candidate(town, 1.24, {"match": 1.0, "kind": 0.1}, Method.NAME, "morrow"))}
    _doubt_unplaced_regions(ranked)
    return ranked[Query("Morrow")][0]


def test_a_region_only_its_kind_chose_over_a_town_abroad_is_in_doubt() -> None:
    # Colón, the Honduran department, in a list that says nothing of Honduras
    best = _unplaced(support=0.0, town_population=78_000)
    assert best.doubt is not None and best.doubt.startswith("nothing in the text places it")


@pytest.mark.parametrize(("support", "population", "country"), [
    (0.1, 78_000, "XB"),   # the text places the region
    (0.0, 5_000, "XB"),    # the town abroad is a village
    (0.0, 78_000, "XA"),   # a town of its own country: the region holds or neighbours it
])
def test_a_region_the_text_places_or_without_a_town_abroad_stands(
        support: float, population: int, country: str) -> None:
    assert _unplaced(support, population, country).doubt is None


@pytest.mark.parametrize(("coherence", "unrivalled"), [(0.3, False), (0.0, True)])
def test_a_large_town_is_unrivalled_by_its_own_lead_not_by_the_texts(
        coherence: float, unrivalled: bool) -> None:
    # "Quellan" (another name of a town of 300,000 in XA) beside one name in XA, over
    # Quellan, a town of 400,000 in XB that bears it as its own: the country of one other
    # name is all that puts XA's town ahead, so its lead does not make it the reading
    # whatever the text; with a lead of its own (a larger margin by name and size) it does
    home = _place("c:71", "Quellan-si", 35.0, 127.0, "XA", Kind.CITY, 300_000)
    abroad = _place("c:72", "Quellan", 39.5, 125.9, "XB", Kind.CITY, 400_000)
    base = 1.25 if coherence else 1.45  # without the text, a lead of its own of 0.2
    ranked = (Candidate(home, base + coherence, {"match": 0.95, "coherence": coherence},
                        Method.ALTERNATE, "quellan"),
              Candidate(abroad, 1.25, {"match": 1.0}, Method.NAME, "quellan"))
    context = Context([(37.5, 127.0)], {"XA": 1.0})
    assert _unrivalled(ranked, context) is unrivalled


def _border_raid() -> tuple[Place, Place, Context]:
    # a report about a raid across a border: most places in XA, and the town named lies
    # beside one of them, across the border in XB, while a namesake hamlet lies deep in XA
    twin = _place("c:20", "Marrow", 31.76, -106.49, "XB", Kind.CITY, 600_000)
    hamlet = _place("c:21", "Marrow", 19.56, -100.36, "XA", Kind.CITY, 700)
    context = Context([(31.72, -106.46), (30.38, -107.95), (28.64, -106.09), (26.93, -105.67)],
                      {"XA": 0.8, "XB": 0.2})
    return twin, hamlet, context


def test_a_town_beside_one_of_the_other_places_across_a_border_shares_their_country() -> None:
    twin, hamlet, context = _border_raid()
    assert context.share(twin.lat, twin.lon, "XB") == pytest.approx(0.8)
    # far from every other place, a town keeps its own country's share
    assert context.share(45.0, -100.0, "XB") == pytest.approx(0.2)
    ranked = rank([Hit(hamlet, Method.NAME, "marrow"), Hit(twin, Method.NAME, "marrow")],
                  context=context)
    assert ranked[0].place is twin
    assert ranked[0].parts["coherence"] == pytest.approx(ranked[1].parts["coherence"])
    assert _doubt(ranked, context) == ""


def test_a_size_the_data_does_not_know_is_not_dwarfed() -> None:
    # a village only the curated overlay has (no population) is not "a hundred times
    # smaller" than a town abroad that has its name among its other names: the two stay a
    # close call, and alone the answer is in doubt rather than the town abroad, confidently
    village = Place(id="town:22", name="Quillet", lat=43.0, lon=20.8, country="XA", admin1=None,
                    kind=Kind.CITY, population=None, source="movemap")
    town = _place("c:23", "Kvilleto", 41.8, 23.5, "XB", Kind.CITY, 9_000)
    ranked = rank([Hit(town, Method.ALTERNATE, "quillet"), Hit(village, Method.NAME, "quillet")])
    assert all("larger" not in c.parts for c in ranked)
    assert ranked[0].place is village or ranked[0].doubt
    # nor is a town GeoNames lists without a count (population 0)
    seat = _place("c:25", "Quillet", 43.0, 20.8, "XA", Kind.CITY, 0)
    ranked = rank([Hit(town, Method.ALTERNATE, "quillet"), Hit(seat, Method.NAME, "quillet")])
    assert all("larger" not in c.parts for c in ranked)
    # a known size a hundred times larger still speaks
    small = _place("c:24", "Quillet", 43.0, 20.8, "XA", Kind.CITY, 60)
    ranked = rank([Hit(town, Method.ALTERNATE, "quillet"), Hit(small, Method.NAME, "quillet")])
    assert "larger" in ranked[0].parts and ranked[0].place is town


def test_a_region_yields_its_kind_s_lead_to_a_more_populous_town_abroad() -> None:
    # the bare name of a region of 220,000 is the capital abroad of a million that bears it
    region = _place("r:30", "Tamsin", -15.0, 48.0, "XA", Kind.REGION, 220_000)
    capital = _place("c:30", "Tamsin", 42.7, 23.3, "XB", Kind.CITY, 1_150_000)
    ranked = rank([Hit(region, Method.NAME, "tamsin"), Hit(capital, Method.NAME, "tamsin")])
    assert ranked[0].place is capital
    assert ranked[1].parts["town abroad"] < 0
    # a region larger than every town of the name keeps the bare name
    state = _place("r:31", "Tamsin", -37.0, 144.7, "XA", Kind.REGION, 6_000_000)
    ranked = rank([Hit(state, Method.NAME, "tamsin"), Hit(capital, Method.NAME, "tamsin")])
    assert ranked[0].place is state and "town abroad" not in ranked[0].parts
    # a town of the region's own country is the namesake rule's business, not this one's
    home = _place("c:32", "Tamsin", -15.1, 48.1, "XA", Kind.CITY, 1_150_000)
    ranked = rank([Hit(region, Method.NAME, "tamsin"), Hit(home, Method.NAME, "tamsin")])
    assert all("town abroad" not in c.parts for c in ranked)


def test_a_region_named_in_the_text_does_not_carry_a_village_over_a_city_of_its_name() -> None:
    # Albany beside Georgia's towns and Ohio: the village in Ohio loses the region's word,
    # and the town the other places lie nearest wins, in doubt; not the far larger city
    village = _place("c:31", "Merrow", 12.0, 120.0, "XA", Kind.CITY, 1_000)
    town = _place("c:32", "Merrow", 15.5, 116.5, "XA", Kind.CITY, 75_000)
    city = _place("c:33", "Merrow", 30.0, 100.0, "XA", Kind.CITY, 300_000)
    context = Context([(16.0, 116.0), (17.0, 115.0)], {"XA": 1.0},
                      areas=[box(119.5, 11.5, 120.5, 12.5)])
    ranked = rank([Hit(village, Method.NAME, "merrow"), Hit(town, Method.NAME, "merrow"),
                   Hit(city, Method.NAME, "merrow")], context=context)
    assert ranked[0].place is town, ranked[0].why()
    assert ranked[0].doubt is not None and "far smaller" in ranked[0].doubt
    held = next(c for c in ranked if c.place is village)
    assert held.parts["within"] + held.parts["exact name, far larger"] == 0.0


def test_a_region_named_in_the_text_does_not_carry_a_village_known_by_the_name_otherwise(
) -> None:
    # Charleston beside Alabama: a village of Alabama once called so (an alternate name)
    # loses the region's word to the port of that name elsewhere in the country, in doubt
    village, city, ranked = _alternate_village_among([(13.0, 121.0), (14.0, 122.0)])
    assert ranked[0].place is city, ranked[0].why()
    assert ranked[0].doubt is not None and "far smaller" in ranked[0].doubt
    # the region's word is what put the village first
    held = next(c for c in ranked if c.place is village)
    assert held.parts["within"] + held.parts["exact name, far larger"] == 0.0


def test_a_region_named_in_the_text_does_not_carry_a_city_known_by_the_name_otherwise(
) -> None:
    # Nanchang beside Henan: Nanyang, a city of Henan of 1.8 million that an old romanisation
    # also calls Nanchang, loses the region's word to the city of 2.4 million whose own name
    # it is (no hundredfold size between them: _dwarfs alone would keep Nanyang)
    other = _place("c:40", "Nanning Bend", 12.0, 120.0, "XA", Kind.CITY, 1_800_000)
    city = _place("c:41", "Merrow", 14.0, 125.0, "XA", Kind.CITY, 2_400_000)
    # the other places nearer the city, though the region named holds Nanyang
    context = Context([(13.5, 124.0), (13.6, 124.2)], {"XA": 1.0},
                      areas=[box(119.5, 11.5, 120.5, 12.5)])
    hits = [Hit(other, Method.ALTERNATE, "merrow"), Hit(city, Method.NAME, "merrow")]
    ranked = rank(hits, context=context)
    assert ranked[0].place is city, ranked[0].why()
    assert ranked[0].doubt is not None and "only as another of its names" in ranked[0].doubt
    # a smaller town of the name does not take it: the region's word stands
    small = _place("c:42", "Merrow", 14.0, 125.0, "XA", Kind.CITY, 900_000)
    ranked = rank([hits[0], Hit(small, Method.NAME, "merrow")], context=context)
    assert ranked[0].place is other, ranked[0].why()


def test_a_village_known_by_the_name_otherwise_keeps_it_with_the_others_close_around() -> None:
    village, _, ranked = _alternate_village_among([(12.01, 120.01), (11.99, 119.99)])
    assert ranked[0].place is village, ranked[0].why()


def _alternate_village_among(points: list[tuple[float, float]]
                             ) -> tuple[Place, Place, tuple[Candidate, ...]]:
    """A village of 700 known as "Merrow" by another of its names, in a region the text
    names, and a town of 130,000 bearing the name, ranked beside ``points``."""
    village = _place("c:38", "Arrow Bend", 12.0, 120.0, "XA", Kind.CITY, 700)
    city = _place("c:39", "Merrow", 14.0, 125.0, "XA", Kind.CITY, 130_000)
    context = Context(points, {"XA": 1.0}, areas=[box(119.5, 11.5, 120.5, 12.5)])
    hits = [Hit(village, Method.ALTERNATE, "merrow"), Hit(city, Method.NAME, "merrow")]
    return village, city, tuple(rank(hits, context=context))


def test_a_village_held_by_a_named_region_keeps_the_name_beside_a_city_under_its_rule(
) -> None:
    # a city of 300,000 beside a village of 5,000 is 60 times its size, not a hundred
    village = _place("c:34", "Merrow", 12.0, 120.0, "XA", Kind.CITY, 5_000)
    city = _place("c:35", "Merrow", 30.0, 100.0, "XA", Kind.CITY, 300_000)
    context = Context([(16.0, 116.0)], {"XA": 1.0}, areas=[box(119.5, 11.5, 120.5, 12.5)])
    ranked = rank([Hit(village, Method.NAME, "merrow"), Hit(city, Method.NAME, "merrow")],
                  context=context)
    assert ranked[0].place is village and "within" in ranked[0].parts


def test_a_village_the_other_places_lie_close_around_keeps_the_name() -> None:
    village = _place("c:36", "Merrow", 12.0, 120.0, "XA", Kind.CITY, 1_000)
    city = _place("c:37", "Merrow", 30.0, 100.0, "XA", Kind.CITY, 1_000_000)
    context = Context([(12.1, 120.1), (11.9, 119.9)], {"XA": 1.0},
                      areas=[box(119.5, 11.5, 120.5, 12.5)])
    ranked = rank([Hit(village, Method.NAME, "merrow"), Hit(city, Method.NAME, "merrow")],
                  context=context)
    assert ranked[0].place is village


@pytest.mark.parametrize(("others_there", "winner"), [(False, "c:39"), (True, "c:38")])
def test_a_town_in_none_of_the_others_countries_yields_to_a_city_ten_times_larger(
        others_there: bool, winner: str) -> None:
    # Washington beside Wilhelmshaven and Hodeidah: the English town of 67,000 is nearer
    # them than the American capital, but none of them is in England
    town = _place("c:38", "Ostry", 54.9, -1.5, "XB", Kind.CITY, 67_000)
    city = _place("c:39", "Ostry", 38.9, -77.0, "XC", Kind.CITY, 690_000)
    countries = {"XD": 0.5, "XB": 0.5} if others_there else {"XD": 0.5, "XE": 0.5}
    context = Context([(53.5, 8.1), (14.8, 42.9)], countries)
    ranked = rank([Hit(town, Method.NAME, "ostry"), Hit(city, Method.NAME, "ostry")],
                  context=context)
    assert ranked[0].place.id == winner, ranked[0].why()


def test_a_notable_town_known_by_its_name_shortened_outweighs_a_region_s_village() -> None:
    # Frankfurt beside Maine is Frankfurt am Main, not Frankfort, Maine (another name of it)
    village = _place("c:40", "Brenfort", 44.6, -69.0, "XC", Kind.CITY, 1_100)
    city = _place("c:41", "Brenn am Main", 50.1, 8.7, "XD", Kind.CITY, 650_000)
    context = Context([(30.3, -97.7), (50.0, 8.6), (45.0, -69.0)], {"XC": 0.6, "XD": 0.4},
                      areas=[box(-71.0, 43.0, -67.0, 47.5)])
    ranked = rank([Hit(village, Method.ALTERNATE, "brenn"), Hit(city, Method.ALTERNATE, "brenn")],
                  context=context, query="Brenn")
    assert ranked[0].place is city, ranked[0].why()
