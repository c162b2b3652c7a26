"""Classes of movement sentence the grammar and the discourse state read (issue 17).

Each test is one class of input, tried with sentences of our own in more than one shape, so
that a rule stands for the class and not for one corpus sentence.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from movemap.extract import extract
from movemap.gazetteer import Kind
from movemap.model import Mode, Status
from tests.extract.legs import ends


@pytest.mark.parametrize(("text", "expected"), [
    ("The brigade was dispersed from Vladivostok (Владивосток) to Ussuriysk (Уссурийск), "
     "Khabarovsk (Хабаровск) and Blagoveshchensk.",
     [(["Vladivostok"], "Ussuriysk"), (["Vladivostok"], "Khabarovsk"),
      (["Vladivostok"], "Blagoveshchensk")]),
    ("Two battalions sailed from Chongjin (청진) and Hamhung (함흥) to Vladivostok.",
     [(["Chongjin", "Hamhung"], "Vladivostok")]),
])
def test_a_spelling_in_parentheses_does_not_break_a_list(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2024, 10, 20))) == expected


@pytest.mark.parametrize("text", [
    "Three landing ships carried the regiment from Sevastopol to Tartus.",
    "Transport aircraft flew the regiment from Sevastopol to Tartus.",
])
def test_a_motion_word_before_a_noun_is_not_the_verb(text: str) -> None:
    legs = extract(text, date(2015, 10, 1)).legs
    assert [(o.mention for o in leg.origins) and leg.destination.mention for leg in legs] == [
        "Tartus"]
    assert legs[0].origins[0].place.kind is Kind.CITY  # Sevastopol, the city, not the region


@pytest.mark.parametrize(("text", "expected"), [
    ("The marines were carried to Da Nang from two ports on the coast of Japan: the harbours "
     "of Yokohama and Sasebo.", [(["Yokohama", "Sasebo"], "Da Nang")]),
    ("Ships took the division from Pusan to three beaches on the east coast: the areas of "
     "Pohang and Ulsan.", [(["Pusan"], "Pohang"), (["Pusan"], "Ulsan")]),
])
def test_a_colon_hands_its_slot_to_the_list_after_it(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1965, 3, 20))) == expected


@pytest.mark.parametrize(("text", "origin"), [
    ("The battalion was flown from Lawson Army Airfield in Columbus to Kuwait.", "Columbus"),
    ("The battalion was flown from Hollins Field, beside Fayetteville, to Kuwait.", "Fayetteville"),
])
def test_a_town_that_locates_an_unknown_name_takes_its_slot(text: str, origin: str) -> None:
    assert ends(extract(text, date(2003, 3, 1))) == [([origin], "Kuwait")]


@pytest.mark.parametrize(("text", "destination"), [
    ("The regiment was flown from Fayetteville to the unfinished airfield at Kandahar.",
     "Kandahar"),
    ("Landing ships sailed from Novorossiysk to the Russian naval facility at Tartus.", "Tartus"),
])
def test_a_slot_reads_through_a_noun_phrase(text: str, destination: str) -> None:
    assert [d for _, d in ends(extract(text, date(2015, 10, 1)))] == [destination]


def test_words_after_to_that_start_a_clause_are_no_slot() -> None:
    draft = extract("The government sent troops from Kabul to fight in support of Kandahar.",
                    date(2001, 11, 1))
    assert draft.legs == ()


@pytest.mark.parametrize("text", [
    "Rangers parachuted onto the airfield at Kandahar on 19 October. They had been flown "
    "overnight from Masirah.",
    "Marines landed at Kandahar on 19 October. Earlier that week the Marines had sailed from "
    "Masirah.",
])
def test_an_arrival_takes_the_origin_read_just_after_it(text: str) -> None:
    draft = extract(text, date(2001, 10, 25))
    assert ends(draft) == [(["Masirah"], "Kandahar")]
    assert draft.legs[0].rule == "arrival-origin"


def test_a_departure_is_joined_to_an_area_across_the_sea() -> None:
    draft = extract("The battalion left Southampton on 5 June. From Normandy it advanced to Caen "
                    "on 9 June.", date(1944, 7, 1))
    assert ends(draft) == [(["Southampton"], "Normandy"), (["Normandy"], "Caen")]


def test_a_departure_is_not_joined_to_an_area_the_next_move_starts_in() -> None:
    # "from the Kuban" says where the force was, not a place it went to from Maikop
    draft = extract("The division left Maikop on 9 August. It then marched from the Kuban to "
                    "Tuapse.", date(1942, 9, 1))
    assert [leg.rule for leg in draft.legs] == ["from-to"]
    assert ends(draft) == [(["Kuban"], "Tuapse")]


def test_a_departure_joins_the_next_start_of_the_same_force() -> None:
    draft = extract("The division crossed the border from Kuwait on 20 March. In two weeks it "
                    "moved from Nasiriyah to Najaf.", date(2003, 4, 8))
    assert ends(draft) == [(["Kuwait"], "Nasiriyah"), (["Nasiriyah"], "Najaf")]
    assert draft.legs[0].rule == "departure-gap"
    other = extract("The fleet sailed from Portsmouth on 5 June. Reinforcements came from "
                    "Plymouth to Caen.", date(1944, 6, 9))
    assert ends(other) == [(["Plymouth"], "Caen")]  # another force: no gap leg
    inside = extract("The battalion left Tanzania on 2 May. In a week it moved from Dodoma "
                     "to Mwanza.", date(2003, 6, 8))
    assert ends(inside) == [(["Dodoma"], "Mwanza")]  # where in the country it left: unknown


@pytest.mark.parametrize("pointer", ["those bases", "these positions", "the same camps"])
def test_from_those_bases_names_the_last_destinations(pointer: str) -> None:
    draft = extract("The 4th Brigade was dispersed from Vladivostok to Ussuriysk and "
                    f"Khabarovsk. A group of 900 will move from {pointer} to Belgorod.",
                    date(2024, 10, 20))
    moved = draft.legs[-1]
    assert [o.mention for o in moved.origins] == ["Ussuriysk", "Khabarovsk"]
    assert moved.destination.mention == "Belgorod" and moved.status is Status.EXPECTED


def test_a_force_that_follows_takes_the_last_moves_ends() -> None:
    draft = extract("The 3rd Brigade was shipped from Sasebo to Pusan on 2 July. A second "
                    "brigade is expected to follow.", date(1950, 7, 4))
    assert ends(draft) == [(["Sasebo"], "Pusan"), (["Sasebo"], "Pusan")]
    assert draft.legs[1].status is Status.EXPECTED and draft.legs[1].rule == "follows"


@pytest.mark.parametrize("text", [
    "The 34th Regiment moved from Sasebo to Pusan, which the enemy had reached from Taejon "
    "in June.",
    "The 34th Regiment moved from Sasebo to Pusan. Its men guarded Taegu, which the rebels "
    "had entered.",
])
def test_a_relative_clause_about_another_subject_gives_no_slot(text: str) -> None:
    assert ends(extract(text, date(1950, 8, 1))) == [(["Sasebo"], "Pusan")]


def test_a_relative_clause_about_the_mover_is_its_move() -> None:
    draft = extract("The 5th Brigade, which left Southampton on 12 May, reached Freetown.",
                    date(1982, 5, 30))
    assert [o for o, _ in ends(draft)] == [["Southampton"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 2,000 soldiers are expected to cross into Mali from Niamey in Niger towards Gao.",
     [(["Niamey"], "Gao")]),
    ("The regiment moved from Lviv into Poland and on to Przemysl.", [(["Lviv"], "Przemysl")]),
])
def test_a_country_is_no_end_beside_a_town_in_it(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2013, 1, 20))) == expected


@pytest.mark.parametrize(("text", "capital"), [
    ("Fighters entered Kabul and Mazar-i-Sharif, then Herat. The militia pulled back from the "
     "capital towards Kandahar.", "Kabul"),
    ("Budapest was quiet. Soviet tanks crossed into Hungary at Zahony and drove west towards "
     "the capital.", "Budapest"),
    ("Soviet tanks crossed into Hungary at Zahony and drove west towards the capital.", None),
])
def test_the_capital_is_the_named_capital_of_the_country_named(text: str,
                                                               capital: str | None) -> None:
    named = [p.place.name for p in extract(text, date(1990, 1, 1)).places
             if p.mention == "the capital"]
    assert named == ([capital] if capital else [])  # never a capital the report did not name


@pytest.mark.parametrize("text", [
    "The troops withdrew to the left bank of the Dnipro.",
    "The convoy crossed the Atlantic to Bissau.",
])
def test_a_name_with_the_is_no_town(text: str) -> None:
    kinds = {p.mention: p.place.kind for p in extract(text, date(2022, 11, 11)).places}
    assert Kind.CITY not in {kind for name, kind in kinds.items() if name in (
        "Dnipro", "Atlantic")}


@pytest.mark.parametrize("said", ["the agency said", "witnesses reported"])
def test_an_attribution_to_a_reporter_makes_a_move_reported(said: str) -> None:
    draft = extract(f"The soldiers were moved from Vladivostok to Khabarovsk, {said}.",
                    date(2024, 10, 20))
    assert [leg.status for leg in draft.legs] == [Status.REPORTED]


@pytest.mark.parametrize("units", ["the 1st and 2nd Battalions", "the 3rd, 4th and 5th Brigades"])
def test_ordinal_unit_numbers_are_no_dates(units: str) -> None:
    draft = extract(f"Rangers of {units} were flown from Savannah to Kandahar.",
                    date(2001, 11, 30))
    assert [str(leg.start) for leg in draft.legs] == ["by 2001-11-30"]


# -- names the matcher alone misses ----------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("French troops were flown from N'Djamena to Bamako.", "N'Djamena"),
    ("The battalion sailed from Ch'ŏngjin to Vladivostok.", "Ch'ŏngjin"),
    ("The convoy left N’Djamena for Abeche.", "N’Djamena"),
])
def test_names_with_an_apostrophe_are_found(text: str, name: str) -> None:
    draft = extract(text, date(2013, 1, 20))
    assert name in [p.mention for p in draft.places]
    assert [o.mention for leg in draft.legs for o in leg.origins] == [name]


def test_a_possessive_is_not_read_as_a_name_with_an_apostrophe() -> None:
    draft = extract("Kyiv's defenders held. Cuba's airlift to Angola began.", date(1975, 11, 8))
    assert {p.place.name for p in draft.places} >= {"Kyiv", "Angola"}
    assert not any(p.mention.endswith("'s") for p in draft.places)


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("Bombers flew from Engels air base to Syria.", "Engels air base", Kind.AIRBASE),
    ("Paratroopers landed at Hostomel airport on 24 February.", "Hostomel airport",
     Kind.AIRPORT),
    # an island of places.csv (round 18); a sentence's first word before the name is not
    # part of it
    ("From Masirah Island the transports flew north on 24 April.", "Masirah Island",
     Kind.ISLAND),
    # an island the gazetteer lacks, by the airfield named for it
    ("In June 1942 Japanese troops landed on Kiska Island.", "Kiska Island", Kind.AIRPORT),
])
def test_a_name_with_its_kind_word_is_that_feature(text: str, mention: str, kind: Kind) -> None:
    found = {p.mention: p.place.kind for p in extract(text, date(2022, 3, 1)).places}
    assert found.get(mention) is kind


def test_a_kind_phrase_the_gazetteer_only_guesses_is_left_to_its_parts() -> None:
    # Hunter Army Airfield reads as well as Hunter Airport in Tennessee
    draft = extract("The brigade was flown from Hunter Army Airfield, beside Savannah, to "
                    "Kuwait.", date(2003, 3, 1))
    assert "Hunter Army Airfield" not in [p.mention for p in draft.places]
    assert ends(draft) == [(["Savannah"], "Kuwait")]


@pytest.mark.parametrize("text", [
    "The brigade was flown from Pope Air Force Base, beside Fayetteville, to Kuwait.",
    # a place "next to" another says where it lies: no destination
    "The brigade was flown from Pope Air Force Base next to Fort Bragg to Kuwait.",
])
def test_an_air_base_named_for_its_town_is_found_beside_a_namesake_valley(text: str) -> None:
    # Pope Valley Airport (California) is named for a valley, not for Pope
    draft = extract(text, date(2003, 3, 1))
    assert ends(draft) == [(["Pope Air Force Base"], "Kuwait")]
    assert draft.legs[0].origins[0].place.name == "Pope Army Air Field"


@pytest.mark.parametrize(("text", "expected"), [
    # "next" as "then", and "next to" a place a common noun names, still go there
    ("From Ypres the battalion went next to Arras.", [(["Ypres"], "Arras")]),
    ("The division left Ypres in May and moved next to Arras.", [(["Ypres"], "Arras")]),
    ("The battalion was moved from Lviv to a camp next to Kyiv.", [(["Lviv"], "Kyiv")]),
    # who says is no destination
    ("According to Kyiv, Russian troops moved from Belgorod toward Vovchansk.",
     [(["Belgorod"], "Vovchansk")]),
])
def test_next_and_according_to(text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2024, 6, 1))) == expected


def test_a_bay_named_for_a_town_and_a_port_named_for_a_place_are_move_ends() -> None:
    # no bay is known at Nha Trang: the town the bay is named for stands for it (Cam Ranh Bay,
    # the example before, is a curated row since round 36); the Port of Hampton Roads is what
    # "Hampton Roads" names, however far from the report's other places
    draft = extract("The squadron left Hampton Roads on 14 April and arrived at Nha Trang Bay "
                    "on 20 May.", date(1905, 6, 1))
    assert ends(draft) == [(["Hampton Roads"], "Nha Trang Bay")]
    assert [leg.destination.place.name for leg in draft.legs] == ["Nha Trang"]
    assert draft.legs[0].destination.confidence < 0.9


def test_an_arrival_written_as_a_noun_ends_a_departure() -> None:
    # a chronology's "14 April: arrival at X"
    draft = extract("16 March: the squadron leaves Nossi-Be. 14 April: arrival at Cam Ranh "
                    "Bay.", date(1905, 5, 1))
    assert ends(draft) == [(["Nossi-Be"], "Cam Ranh Bay")]


@pytest.mark.parametrize(("text", "destination", "start"), [
    # a people's word before "port of" is no place, and no break between "to" and the port
    ("Eighty years ago tonight, in the summer dark of 18 August 1942, a fleet slipped out of "
     "Newhaven carrying a little over 6,000 men to the French port of Dieppe.", "Dieppe",
     date(1942, 8, 18)),
    ("The marines sailed from Ulithi to the Japanese island of Okinawa on 27 March 1945.",
     "Okinawa", date(1945, 3, 27)),
])
def test_a_place_named_after_a_peoples_word_and_its_kind_is_the_end(
    text: str, destination: str, start: date,
) -> None:
    draft = extract(text, date(2022, 8, 18))
    assert [leg.destination.mention for leg in draft.legs] == [destination]
    assert "French" not in [p.mention for p in draft.places]
    # a span back from publication ("eighty years ago") yields to the clause's own day
    assert draft.legs[0].start.first_day == start


@pytest.mark.parametrize(("text", "expected"), [
    # a crossing outside the area the force came from is where it entered
    ("Mountain troops from Bavaria crossed at Kufstein on 12 March.",
     [(["Bavaria"], "Kufstein")]),
    ("Russian troops from Belarus crossed the frontier at Senkivka.",
     [(["Belarus"], "Senkivka")]),
    # one inside it is where it left
    ("Vietnamese troops from Cambodia crossed the border at Bavet.", []),
])
def test_a_crossing_outside_the_area_of_origin_ends_the_move(
    text: str, expected: list[tuple[list[str], str]],
) -> None:
    assert ends(extract(text, date(1938, 3, 13))) == expected


@pytest.mark.parametrize("text", [
    # "had fallen back", and a capital whose region bears its very name (Banjul, a region
    # of 1 million in Natural Earth and a town of 37,000: no town of 50,000 bears the name)
    "A spokesman said the rebels had fallen back from the centre of Banjul to Bakau.",
    "The troops withdrew from Banjul to Bakau.",
])
def test_a_capital_named_like_its_region_and_fallen_back(text: str) -> None:
    draft = extract(text, date(1981, 8, 3))
    assert ends(draft) == [(["Banjul"], "Bakau")]
    assert draft.legs[0].origins[0].place.kind is Kind.CITY


def test_a_next_move_is_still_a_move() -> None:
    draft = extract("The First Army took Kiulien-cheng on 25 October. It is believed in Tokio "
                    "that the army will next advance upon Mukden.", date(1894, 11, 10))
    assert ends(draft) == [(["Kiulien-cheng"], "Mukden")]


@pytest.mark.parametrize("text", [
    "The flotilla has reached Pagan without meeting further resistance, and is steaming up "
    "to Myingyan.",
    "The brigade reached Kherson unopposed, and then moved on to Mykolaiv.",
    "The column entered Bastogne after a short fight and pushed on to Houffalize.",
])
def test_how_a_force_arrived_does_not_break_its_onward_stage(text: str) -> None:
    draft = extract(text, date(1944, 12, 20))
    assert len(draft.legs) == 1 and draft.legs[0].rule == "chain"


@pytest.mark.parametrize("text", [
    "The troops pulled back from Bakhmut to the villages of Andriivka and Bilohorivka.",
    "The troops pulled back from Bakhmut to the village of Andriivka, then to the village "
    "of Bilohorivka.",
])
def test_towns_called_villages_are_found_however_small(text: str) -> None:
    draft = extract(text, date(2023, 5, 30))
    assert {"Andriivka", "Bilohorivka"} <= {p.mention for p in draft.places}
    assert "Andriivka" in [leg.destination.mention for leg in draft.legs]


def test_a_town_and_its_own_airport_make_no_leg() -> None:
    draft = extract("Marines moved from Mogadishu to Hostomel airport and from Hostomel to "
                    "Hostomel airport.", date(2022, 3, 1))
    assert [[o.mention for o in leg.origins] for leg in draft.legs] == [["Mogadishu"]]


@pytest.mark.parametrize("text", [
    "Contingents from Sweden and Finland will gather at Naples and then be flown to Ismailia.",
    "Battalions from Texas and Georgia assembled at Savannah, then sailed to Dammam.",
])
def test_a_move_drawn_starts_where_the_force_gathered(text: str) -> None:
    draft = extract(text, date(1990, 8, 20))
    assert [[o.mention for o in leg.origins] for leg in draft.legs] == [
        [text.split(" at ")[1].split()[0].strip(",")]]


def test_a_one_word_unknown_name_is_located_by_the_town_after_it() -> None:
    # (Capodichino, once the example, is known since OurAirports' names: Naples' airfield.)
    draft = extract("Marines were flown from Varcaturo near Naples to Port Said.",
                    date(1956, 11, 6))
    assert ends(draft) == [(["Naples"], "Port Said")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Paratroopers dropped into Zuid field south of Arnhem, flown from Grantham.",
     [(["Grantham"], "Arnhem")]),
    ("The battalion jumped onto Oostvlak field west of Arnhem, flown from Hanover.",
     [(["Hanover"], "Arnhem")]),
])
def test_a_drop_onto_an_unknown_field_is_located_by_the_town_named(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1948, 7, 1))) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an airfield the gazetteer knows under another kind word of the same family (Gatow
    # Airport, Tablada Airport, Oslo Fornebu Airport): the feature, not the town named
    ("The battalion jumped onto Gatow airfield west of Berlin, flown from Hanover.",
     [(["Hanover"], "Gatow airfield")]),
    ("The 3rd Battalion was flown from Tablada airfield to Tetuán on 2 August.",
     [(["Tablada airfield"], "Tetuán")]),
    ("The brigade flew from Fornebu airfield to Trondheim on 12 April.",
     [(["Fornebu airfield"], "Trondheim")]),
])
def test_a_field_known_by_another_kind_word_is_the_feature(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1948, 7, 1))) == expected


@pytest.mark.parametrize("text", [
    "After crossing the Euphrates at Nasiriyah, the division moved up the highway to Kut.",
    "Having crossed the Rhine near Wesel, the army drove on to Munster.",
])
def test_where_a_force_crossed_a_river_is_where_its_move_starts(text: str) -> None:
    origins = [[o.mention for o in leg.origins] for leg in extract(text, date(2003, 4, 1)).legs]
    assert origins == [[text.split(" at ")[-1].split(",")[0] if " at " in text else "Wesel"]]


@pytest.mark.parametrize("text", [
    "On 28 February armoured personnel carriers drove from Sevastopol to Simferopol.",
    "On 3 March 40 tanks drove from Sevastopol to Simferopol.",
])
def test_dates_and_vehicles_are_no_strength(text: str) -> None:
    assert [leg.strength for leg in extract(text, date(2014, 3, 5)).legs] == [None]


@pytest.mark.parametrize("text", [
    "Iraqi units pulled out of Kuwait City; their columns on the road to Basra were bombed.",
    "The division left Kuwait City. By nightfall it was on the way to Basra.",
])
def test_on_the_road_to_is_a_move(text: str) -> None:
    assert ends(extract(text, date(1991, 2, 27))) == [(["Kuwait City"], "Basra")]


def test_an_arrival_across_a_paragraph_takes_the_origin_after_it() -> None:
    draft = extract("Soldiers of the garrison crossed into Hong Kong at dawn on 1 July.\n\n"
                    "About 4,000 troops drove across the border from Shenzhen, officials said.",
                    date(1997, 7, 1))
    assert ends(draft) == [(["Shenzhen"], "Hong Kong")]


@pytest.mark.parametrize("text", [
    # another force's part, named after it or by its side, does not start at this one's scene
    "Ukrainian troops held Kherson through the winter. Leading elements of the Russian 49th "
    "Army reached Nova Kakhovka on Monday.",
    "Ukrainian forces retook Kupiansk in September. Russian leading elements reached Synkivka "
    "on Monday.",
])
def test_another_forces_elements_start_no_move_at_this_ones_scene(text: str) -> None:
    assert extract(text, date(2024, 10, 25)).legs == ()


def test_the_elements_of_a_named_formation_move_under_its_name() -> None:
    draft = extract("Leading elements of the 1st Marine Division crossed from Kuwait to Basra.",
                    date(2003, 3, 25))
    assert [leg.unit for leg in draft.legs] == ["1st-marine-division"]


@pytest.mark.parametrize(("text", "unit"), [
    ("The brigade assembled in Townsville in July. The first elements reached Honiara on "
     "24 July.", "first-elements"),
    ("The division left Kuwait on 20 March. Its leading elements reached Nasiriyah two days "
     "later.", "leading-elements"),
    ("The brigade assembled in Townsville in July. An advance detachment reached Honiara on "
     "24 July.", "advance-detachment"),
])
def test_the_first_part_of_a_force_starts_where_the_force_was(text: str, unit: str) -> None:
    draft = extract(text, date(2003, 8, 1))
    assert len(draft.legs) == 1 and draft.legs[0].unit == unit
    assert [o.mention for o in draft.legs[0].origins] in (["Townsville"], ["Kuwait"])


def test_a_force_named_by_its_side_and_its_own_name_is_a_new_mover() -> None:
    # "the government of President Salva Kiir" made the clause a civilian one (a head of
    # state); the next force, named "Ugandan People's Defence Force units", is a force again
    draft = extract("The government of President Salva Kiir will hold Juba. Ugandan People's "
                    "Defence Force units have been flown into Juba from Uganda since around "
                    "20 December.", date(2013, 12, 27))
    assert ends(draft) == [(["Uganda"], "Juba")]
    assert draft.legs[0].unit == "ugandan-people-s-defence-force-units"


@pytest.mark.parametrize(("text", "expected"), [
    # last placed in a region, now at a town of its country: where in the region it set out
    # from is unknown
    ("The brigade was in the Transvaal in April. On 12 May it occupied Kroonstad.", []),
    ("The mission wintered in the Chumbi valley. In April it reached Gyantse.", []),
    # ... but a move into another country keeps its start
    ("The 1st Marine Division assembled in Kuwait in February. The division reached "
     "Nasiriyah on 23 March.", [(["Kuwait"], "Nasiriyah")]),
    ("French troops were based in Chad. They flew to Bangui on Monday.", [(["Chad"], "Bangui")]),
    # ... a town it was at is where it set out from
    ("The brigade was at Bloemfontein in April. On 12 May it occupied Kroonstad.",
     [(["Bloemfontein"], "Kroonstad")]),
    # ... and a move from one area into another keeps its start
    ("Coalition forces massed in Kuwait in March. In April they crossed into Iraq.",
     [(["Kuwait"], "Iraq")]),
])
def test_an_area_a_force_was_in_starts_only_a_move_to_an_area(
    text: str, expected: list[tuple[list[str], str]],
) -> None:
    assert ends(extract(text, date(1900, 6, 1))) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The 1st Division, now at Aldershot, will embark at Southampton and will be landed at "
     "Haifa.", [(["Aldershot"], "Southampton"), (["Southampton"], "Haifa")]),
    ("The brigade, stationed at Colchester, embarked at Harwich on 3 May and landed at "
     "Antwerp.", [(["Colchester"], "Harwich"), (["Harwich"], "Antwerp")]),
    # embarking where it was: one move
    ("The brigade, based at Portsmouth, embarked at Portsmouth for Cherbourg.",
     [(["Portsmouth"], "Cherbourg")]),
    # a person's whereabouts are no force's
    ("The commander, now in Kyiv, said the brigade would embark at Odesa for Batumi.",
     [(["Odesa"], "Batumi")]),
])
def test_a_force_goes_to_the_port_it_embarks_at_from_where_it_was(
    text: str, expected: list[tuple[list[str], str]],
) -> None:
    draft = extract(text, date(1936, 9, 10))
    assert ends(draft) == expected
    if len(expected) == 2:  # the way to the port is no sea voyage
        assert [leg.mode for leg in draft.legs] == [Mode.UNKNOWN, Mode.SEA]


@pytest.mark.parametrize(("text", "destination"), [
    ("The frigate sailed from Halifax on Thursday and is expected off Jacmel within a week.",
     "Jacmel"),
    ("The frigate sailed from Halifax on Thursday and was expected off the south coast of "
     "Haiti within a week.", "Haiti"),
    ("The squadron left Norfolk on Monday and is due off Veracruz tonight.", "Veracruz"),
])
def test_a_ship_expected_or_due_off_a_place_is_going_there(text: str,
                                                            destination: str) -> None:
    assert [leg.destination.mention for leg in extract(text, date(2010, 1, 20)).legs] == [
        destination]


def test_an_earlier_dated_move_is_not_the_origin_of_an_arrival() -> None:
    draft = extract("Tanks of the division drove into Baghdad on 7 April. The division had "
                    "crossed the border from Kuwait on 20 March.", date(2003, 4, 8))
    assert ends(draft) == []


def test_entered_from_without_an_object_goes_where_the_last_move_went() -> None:
    draft = extract("Troops sailed from Sasebo to Pusan on 1 July. An advance party had "
                    "already entered from Fukuoka.", date(1950, 7, 3))
    assert ends(draft) == [(["Sasebo"], "Pusan"), (["Fukuoka"], "Pusan")]


@pytest.mark.parametrize("text", [
    "The brigade, which had been flown from Rangoon to Dimapur in March, could support the "
    "garrison.",
    "The brigade was flown from Rangoon to Dimapur, and officials said it would stay there.",
])
def test_a_hedge_after_the_move_does_not_make_it_expected(text: str) -> None:
    assert [leg.status for leg in extract(text, date(1944, 4, 10)).legs] == [Status.CONFIRMED]


@pytest.mark.parametrize("text", [
    "Sato began to pull his division back from Kohima towards Ukhrul.",
    "The general pulled the 3rd Brigade out of Kohima towards Ukhrul.",
])
def test_pull_back_with_its_object_between(text: str) -> None:
    assert [d for _, d in ends(extract(text, date(1944, 6, 1)))] == ["Ukhrul"]


def test_todays_name_is_no_date() -> None:
    draft = extract("On 19 October 1950 the columns marched from Andong (today's Dandong) to "
                    "Sinuiju.", date(2020, 10, 25))
    assert [str(leg.start) for leg in draft.legs] == ["1950-10-19"]


@pytest.mark.parametrize(("text", "city"), [
    ("The army marched from Mozhaisk to Moscow and entered the city on 14 September.",
     "Moscow"),
    ("A transport landed at Ruzyne airport outside Prague; paratroopers flown in from Kaunas "
     "moved into the city.", "Prague"),
])
def test_the_city_is_the_last_town_named_that_no_move_came_from(text: str, city: str) -> None:
    named = [p.place.name for p in extract(text, date(1968, 8, 22)).places
             if p.mention == "the city"]
    assert named == [city]


@pytest.mark.parametrize(("text", "expected"), [
    # a force the clause does not refer back to does not start where the last one went
    ("The 3rd Brigade moved from Tbilisi to Gori on 10 August. Russian troops entered Gori "
     "on 13 August.", [(["Tbilisi"], "Gori")]),
    # one it refers back to does
    ("The 3rd Brigade moved from Tbilisi to Gori on 10 August. On 12 August it drove on to "
     "Kutaisi.", [(["Tbilisi"], "Gori"), (["Gori"], "Kutaisi")]),
    ("Iraqi units pulled out of Kuwait City; their columns drove on to Basra.",
     [(["Kuwait City"], "Basra")]),
])
def test_an_origin_is_carried_only_to_a_force_referred_back_to(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2008, 8, 14))) == expected


@pytest.mark.parametrize("text", [
    "Acting President Li flew from Nanking to Kweilin, his aides said.",
    "The foreign minister flew from Moscow to Minsk on Monday.",
])
def test_a_leader_travelling_is_no_force(text: str) -> None:
    assert extract(text, date(1949, 4, 24)).legs == ()


@pytest.mark.parametrize(("text", "word"), [
    ("Kazakh forces put down the riots in Almaty.", "Kazakh"),
    ("Wagner fighters drove north from Rostov-on-Don.", "Wagner"),
    ("Ships rounded the Cape of Good Hope and sailed from the Strait of Malacca.", "Malacca"),
    ("40 Commando landed at San Carlos; 3 Para went ashore at Port San Carlos.", "Para"),
    ("The mission will be commanded from Larissa.", "The mission"),
    ("Strikes on Yemen since Jan. 11 have not stopped the attacks.", "Jan"),
    ("The siege of Tobruk went on; the second took a salient at Ras el Medauar.", "Ras"),
])
def test_guards_against_more_non_places(text: str, word: str) -> None:
    assert word not in [p.mention for p in extract(text, date(2024, 2, 20)).places]


def test_a_countrys_own_airlift_starts_in_it_and_a_headline_takes_the_lead_date() -> None:
    draft = extract("Thirty years since Cuba's airlift to Angola\n\nOn 7 November 1975 the first "
                    "aircraft left Havana.", date(2005, 11, 5))
    assert ends(draft)[0] == (["Cuba"], "Angola")
    assert str(draft.legs[0].start) == "1975-11-07"
    assert ends(extract("Russia's army is in Kursk.", date(2024, 8, 10))) == []


@pytest.mark.parametrize(("text", "origin"), [
    ("Soviet divisions crossed into Hungary from the Soviet Union at Xqorthwy, on the border "
     "near Chop, and moved west towards Szolnok.", "Chop"),
    ("The regiment crossed into Poland from Ukraine at Zzqoty, near Przemysl, and moved west "
     "towards Rzeszow.", "Przemysl"),
    # a crossing point the gazetteer knows, though small, is the origin itself
    ("The regiment crossed into Poland from Ukraine at Medyka, near Przemysl, and moved west "
     "towards Rzeszow.", "Medyka"),
])
def test_an_unknown_crossing_point_is_located_by_the_town_near_it(text: str, origin: str) -> None:
    draft = extract(text, date(1956, 11, 5))
    assert [[o.mention for o in leg.origins] for leg in draft.legs][:1] == [[origin]]


def test_a_long_text_with_many_names_is_ranked_in_windows_and_misses_none() -> None:
    from movemap.extract.report import _NAMES_TOGETHER

    towns = ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro", "Poltava", "Sumy", "Chernihiv",
             "Zhytomyr", "Vinnytsia", "Rivne", "Lutsk", "Ternopil", "Uzhhorod", "Cherkasy",
             "Kropyvnytskyi", "Mykolaiv", "Kherson", "Zaporizhzhia", "Mariupol", "Berlin",
             "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Dresden", "Leipzig",
             "Hanover", "Bremen", "Warsaw", "Krakow", "Gdansk", "Poznan", "Wroclaw", "Lublin",
             "Prague", "Brno", "Vienna", "Graz", "Budapest", "Debrecen", "Bucharest", "Cluj",
             "Sofia", "Varna", "Belgrade", "Zagreb", "Ljubljana", "Sarajevo", "Skopje",
             "Tirana", "Athens", "Thessaloniki", "Ankara", "Izmir", "Tbilisi", "Yerevan",
             "Baku", "Minsk", "Vilnius", "Riga", "Tallinn", "Helsinki", "Stockholm", "Oslo"]
    assert len(towns) > _NAMES_TOGETHER
    text = " ".join(f"Troops moved from {a} to {b} on 3 May." for a, b in pairwise(towns))
    draft = extract(text, date(2024, 6, 1))
    assert {p.mention for p in draft.places} >= set(towns) - {"Dnipro"}  # a town and a river


@pytest.mark.parametrize("filler", ["areas", "rear areas", "ports"])
def test_a_slot_reads_through_a_long_run_of_place_words(filler: str) -> None:
    from movemap.extract.grammar import _DEST_CUE

    # each of these words can be read alone or after the word before it: a pattern that
    # backtracks over both readings takes 2**n steps, and this run of 40 would never end
    before = f"drove from Kabul to the {' '.join([filler] * 40)} near "
    m = _DEST_CUE.search(before)
    assert m is not None and m.group(1) == "to"
    assert _DEST_CUE.search(before + "and ") is None  # a clause, not a noun phrase


@pytest.mark.parametrize(("text", "expected"), [
    ("ODESA, May 3 (AP) - The president said he was sending 500 more troops to Izmail.", []),
    ("KHARKIV, Ukraine, May 3 - Kyiv sent two battalions to Izmail.", [(["Kyiv"], "Izmail")]),
    # a dateline without a day
    ("WASHINGTON \u2014 Three weeks after the president ordered American forces to Saudi "
     "Arabia, the first sealift ship has unloaded.", []),
    ("ODESA (Reuters) - The president said he was sending 500 more troops to Izmail.", []),
    # a place with an accent, in capitals
    ("NOUMÉA, May 21 (wire) - Some 1,000 gendarmes sent from mainland France have arrived "
     "in New Caledonia.", [(["France"], "New Caledonia")]),
])
def test_a_wire_dateline_is_where_the_story_was_filed_not_an_end(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    draft = extract(text, date(2023, 5, 3))
    assert draft.places[0].mention in ("ODESA", "KHARKIV", "WASHINGTON", "NOUMÉA")  # a place
    assert ends(draft) == expected


@pytest.mark.parametrize("second", [
    "Separately, a company of Lithuanian soldiers arrived in Kaunas.",
    "Lithuanian soldiers arrived in Kaunas later that day.",
])
def test_a_force_described_as_the_subject_is_a_new_mover(second: str) -> None:
    draft = extract("The 12th Brigade moved from Lublin to Radom on 3 March. " + second,
                    date(2023, 3, 10))
    # the brigade went to Radom; the new force did not start there
    assert ends(draft) == [(["Lublin"], "Radom")]


def test_a_new_subject_with_its_own_ends_is_not_the_last_unit() -> None:
    draft = extract("The 12th Brigade moved from Lublin to Radom on 3 March. A battalion of "
                    "Polish troops arrived in Rzeszow from Krakow, officials said.",
                    date(2023, 3, 10))
    assert [(leg.unit, leg.destination.mention) for leg in draft.legs] == [
        ("12th-brigade", "Radom"), ("battalion-of-polish-troops", "Rzeszow")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Marines waded ashore at Tartus from Novorossiysk on 14 May.", (["Novorossiysk"], "Tartus")),
    ("Tanks rumbled from Gori into Tskhinvali on 8 August.", (["Gori"], "Tskhinvali")),
    ("Two companies slipped across the border from Narva into Ivangorod.",
     (["Narva"], "Ivangorod")),
])
def test_verbs_of_motion_beyond_the_common_ones(
        text: str, expected: tuple[list[str], str]) -> None:
    assert ends(extract(text, date(2015, 5, 20))) == [expected]


@pytest.mark.parametrize(("text", "published", "start", "status"), [
    # news counts a weekday back from publication (a Saturday here), a future verb forward
    ("The flotilla sailed from Brindisi to Tyre on Tuesday, the ministry said.",
     date(2006, 9, 2), date(2006, 8, 29), Status.CONFIRMED),
    ("The 5th Brigade will sail from Split to Bari on Monday.", date(2006, 9, 2),
     date(2006, 9, 4), Status.EXPECTED),
    # a retrospective counts from its own narrative day (2 June 1944 was a Friday)
    ("On 2 June 1944 the division embarked. On Sunday it sailed from Portsmouth to Caen.",
     date(2004, 6, 6), date(1944, 6, 4), Status.CONFIRMED),
])
def test_a_weekday_is_dated_from_the_narrative_or_publication(
        text: str, published: date, start: date, status: Status) -> None:
    legs = extract(text, published).legs
    assert [(leg.start.first_day, leg.status) for leg in legs] == [(start, status)]


@pytest.mark.parametrize(("sailed", "expected"), [
    ("on Tuesday", [(["Brindisi"], "Tyre")]),  # four days before the landing: its voyage
    ("on 10 August", []),  # three weeks before: another move
])
def test_a_departure_told_after_the_arrival_starts_it_within_a_week(
        sailed: str, expected: list[tuple[list[str], str]]) -> None:
    text = f"Marines landed at Tyre on Saturday. The flotilla had sailed from Brindisi {sailed}."
    assert ends(extract(text, date(2006, 9, 2))) == expected


def test_a_force_named_by_its_side_is_one_force_whatever_the_noun() -> None:
    text = ("Ukrainian soldiers entered Kherson on Friday. Officials said the city was calm. "
            "Residents gathered in the square. Shops opened again. Ukrainian units had "
            "advanced from Mykolaiv along the highway.")
    draft = extract(text, date(2022, 11, 12))
    assert ends(draft) == [(["Mykolaiv"], "Kherson")]
    assert draft.legs[0].unit == "ukrainian-forces"


@pytest.mark.parametrize("then", [
    "From Rostock the soldiers were spread to bases at Schwerin and Wismar.",
    "They later moved from Rostock to Schwerin and Wismar.",
])
def test_a_force_still_to_come_is_not_who_they_are_in_the_past(then: str) -> None:
    text = ("The 4th Brigade, about 3,000 soldiers, sailed from Kiel to Rostock on 3 May. A "
            "second brigade is expected to follow soon. " + then)
    draft = extract(text, date(2024, 5, 20))
    later = [leg for leg in draft.legs if leg.destination.mention != "Rostock"]
    assert {(leg.unit, leg.strength) for leg in later} == {("4th-brigade", 3000)}
    assert len(later) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("Armoured columns crossed from occupied Crimea into Kherson.", (["Crimea"], "Kherson")),
    ("The brigade moved from Lviv into neighbouring Poland.", (["Lviv"], "Poland")),
    ("Turkish troops drove from Kilis to rebel-held Azaz.", (["Kilis"], "Azaz")),
    ("Iraqi units were moving south from Basra towards the border with Kuwait.",
     (["Basra"], "Kuwait")),
])
def test_a_word_that_qualifies_the_place_keeps_its_slot(
        text: str, expected: tuple[list[str], str]) -> None:
    assert ends(extract(text, date(2023, 6, 30))) == [expected]


@pytest.mark.parametrize("text", [
    "The government sent troops from Kabul to fight in support of Kandahar.",
    "The regiment was sent from Kabul to bring Kandahar under control.",
])
def test_a_verb_after_to_is_still_no_slot(text: str) -> None:
    assert extract(text, date(2001, 11, 1)).legs == ()


def test_a_name_before_a_word_for_armed_men_is_who_not_where() -> None:
    draft = extract("Wagner columns crossed from Ukraine into Russia.", date(2023, 6, 24))
    assert [p.mention for p in draft.places] == ["Ukraine", "Russia"]


@pytest.mark.parametrize(("verb", "town"), [("had taken", "Rodez"),
                                            ("liberated", "Cahors"), ("overran", "Millau")])
def test_a_town_taken_is_where_the_force_went(verb: str, town: str) -> None:
    draft = extract(f"The regiment advanced from Albi and {verb} {town}.", date(1944, 9, 1))
    assert ends(draft) == [(["Albi"], town)]


@pytest.mark.parametrize("text", [
    "The 2nd Brigade reached Valence. They would leave if there were threats to Nevers.",
    "The 2nd Brigade reached Valence. Its commander said aid to Nevers would continue.",
])
def test_a_noun_before_to_makes_no_destination(text: str) -> None:
    assert ends(extract(text, date(2001, 12, 1))) == []


def test_an_origin_the_gazetteer_lacks_is_not_replaced_by_the_last_position() -> None:
    text = ("The 2nd Brigade reached Valence on 3 May. From Qlatbaz the brigade went on to "
            "Auxerre.")
    assert ends(extract(text, date(2001, 12, 1))) == []


def test_trains_of_passengers_and_people_carried_are_not_a_force() -> None:
    text = ("The 2nd Brigade reached Tarbes on 3 May. The railway said it has added carriages "
            "to trains leaving the city for Millau.")
    assert ends(extract(text, date(2024, 8, 7))) == []
    assert ends(extract("Buses carried 2,000 people from Narbonne to Carcassonne.",
                        date(2024, 8, 7))) == []


def test_the_ships_are_the_force_they_carry() -> None:
    text = ("The 5th Brigade embarked in the liner Orcades and arrived at Bayonne on 3 April. "
            "The ships then reached Lorient on 20 April.")
    draft = extract(text, date(1982, 5, 1))
    assert ends(draft) == [(["Bayonne"], "Lorient")]
    assert draft.legs[0].unit == "5th-brigade"


@pytest.mark.parametrize(("arrival", "expected"), [
    ("Troops arrived in Bari two days later.", [(["Split"], "Bari")]),
    ("Soldiers reached Bari on 4 May, officials said.", [(["Split"], "Bari")]),
])
def test_a_departure_is_closed_by_the_next_arrival(
        arrival: str, expected: list[tuple[list[str], str]]) -> None:
    draft = extract("The 3rd Brigade left Split on 2 May. " + arrival, date(1995, 6, 1))
    assert ends(draft) == expected


def test_leaving_a_country_is_not_the_start_of_a_move_inside_it() -> None:
    draft = extract("The contingent left Kazakhstan on 13 January. Troops arrived in Almaty "
                    "later that day.", date(2022, 1, 20))
    assert ends(draft) == []


def test_a_time_before_a_source_is_not_part_of_its_name() -> None:
    text = "On Friday Iraq said its 3rd Division had moved from Basra to Amara."
    assert [leg.source for leg in extract(text, date(1990, 8, 5)).legs] == ["Iraq"]


def test_a_relative_clause_about_the_destination_dates_the_arrival() -> None:
    text = ("The offensive opened on 22 June 1944. The 1st Front advanced from Bobruisk to "
            "Minsk, which fell on 3 July.")
    legs = extract(text, date(2019, 6, 22)).legs
    assert [(leg.start.first_day, leg.end and leg.end.first_day) for leg in legs] == [
        (date(1944, 6, 22), date(1944, 7, 3))]


@pytest.mark.parametrize("text", [
    "The armies, which evacuated Lyon on 3 May, are falling back on Dijon in good order.",
    "The two brigades, which left Lyon on 3 May, reached Dijon on 5 May.",
])
def test_a_relative_clause_of_a_plural_force_tells_its_own_move(text: str) -> None:
    assert ends(extract(text, date(1940, 6, 1))) == [(["Lyon"], "Dijon")]


@pytest.mark.parametrize("text", [
    "The brigade, which left Lyon on 3 May, reached Dijon on 5 May.",
    "The column, which set out from Lyon on 3 May under heavy rain, reached Dijon on 5 May.",
])
def test_a_relative_clause_that_tells_the_departure_dates_the_start(text: str) -> None:
    legs = extract(text, date(1940, 6, 1)).legs
    assert [leg.start.first_day for leg in legs] == [date(1940, 5, 3)]


@pytest.mark.parametrize(("text", "expected"), [
    # a headline in the present tense, and a town too small for the name matcher alone
    ("Dutch battalion leaves Srebrenica\n\nThe peacekeepers drove into Zagreb on Friday.",
     [(["Srebrenica"], "Zagreb")]),
    ("Brigade reaches Tuzla from Zenica\n\nThe convoy was escorted all the way.",
     [(["Zenica"], "Tuzla")]),
])
def test_a_present_tense_headline_and_a_small_town_after_a_cue(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    draft = extract(text, date(1995, 7, 25))
    assert ends(draft) == expected


def test_a_small_town_without_a_cue_is_still_left_out() -> None:
    # Srebrenica (under 5,000 people in GeoNames) alone in a sentence is no place
    draft = extract("Srebrenica is quiet today.", date(1995, 7, 25))
    assert draft.places == ()


@pytest.mark.parametrize("text", ["Ships took the rearguard off at Bray-Dunes.",
                                  "The rearguard held a line near Bergues."])
def test_a_small_town_after_at_or_near_is_a_place(text: str) -> None:
    assert [p.mention for p in extract(text, date(1940, 6, 5)).places] == [
        text.split()[-1].rstrip(".")]


def test_an_army_airfield_is_no_army() -> None:
    draft = extract("Rangers were flown from Hunter Army Airfield in Savannah to Point Salines.",
                    date(1983, 10, 26))
    assert [leg.unit for leg in draft.legs] == ["unit"]


@pytest.mark.parametrize(("text", "start", "end"), [
    # a departure's day starts the move its next arrival ends
    ("The column left Rodez on 3 May and marched north. It entered Aurillac on 12 May.",
     date(1944, 5, 3), date(1944, 5, 12)),
    # a dateline's day is the filing day; "three days after" dates the crossing before it
    ("VALENCE, May 9 (AP).—Troops marched into Valence this morning, three days after they "
     "crossed the river from Nevers.", date(1944, 5, 6), None),
])
def test_when_a_move_began_comes_from_its_departure(
        text: str, start: date, end: date | None) -> None:
    legs = extract(text, date(1944, 5, 20)).legs
    assert [(leg.start.first_day, leg.end and leg.end.first_day) for leg in legs] == [
        (start, end)]


def test_troops_disembarking_at_a_port_arrive_there() -> None:
    text = "The convoy left Bayonne on 1 May. On 9 May the troops were disembarking at Sete."
    assert ends(extract(text, date(1944, 5, 20))) == [(["Bayonne"], "Sete")]


@pytest.mark.parametrize(("text", "strength"), [
    ("Cameroon has flown helicopters and about 300 army personnel to Malabo in support.", 300),
    ("Gabon had sent transport aircraft and 150 soldiers to Bertoua.", 150),
])
def test_a_past_form_before_a_noun_is_the_verb(text: str, strength: int) -> None:
    # "landing ships" qualifies the ships; "has flown helicopters" flies them
    draft = extract(text, date(2020, 6, 1))
    assert [end[1] for end in ends(draft)] == [text.split(" to ")[-1].split()[0].rstrip(".")]
    assert draft.legs[0].strength == strength


@pytest.mark.parametrize("text", [
    "April: Benin flies troops to Parakou to secure the north.",
    "Benin flew two companies to Parakou.",
    "Benin ferried 400 troops to Parakou.",
])
def test_a_country_that_flies_or_ferries_troops_is_where_they_start(text: str) -> None:
    assert ends(extract(text, date(2020, 6, 1))) == [(["Benin"], "Parakou")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The column occupied Garoua on 13 March and received the surrender of Maroua on 20 March.",
     [(["Garoua"], "Maroua")]),
    ("The brigade took Ndola and accepted the surrender of Kitwe two days later.",
     [(["Ndola"], "Kitwe")]),
    ("The rebels demanded the surrender of Kitwe.", []),
])
def test_a_town_whose_surrender_a_force_received_is_its_next_stage(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2020, 6, 1))) == expected


@pytest.mark.parametrize("text", [
    "On 13 March the battalion held Moundou.",
    "The battalion was in Moundou by March 3 and stayed there.",
])
def test_the_month_march_is_no_verb_of_motion(text: str) -> None:
    from movemap.extract.grammar import clauses, read_clause

    clause = clauses(text, 0, len(text))[0]
    at = text.index("Moundou")
    assert read_clause(text, clause, [(at, at + len("Moundou"))]).verb is None
    assert read_clause("March on Moundou!", clauses("March on Moundou!", 0, 17)[0],
                       [(9, 16)]).verb == "march"  # the verb at the start


@pytest.mark.parametrize("text", [
    "From Gabes one column took the road to Tebessa; another struck across the desert towards "
    "Gafsa.",
    "From Gabes one column took the coast road to Tebessa, while the other advanced towards "
    "Gafsa.",
])
def test_a_force_split_in_two_starts_both_parts_where_it_was(text: str) -> None:
    assert [(o, d.split()[0]) for o, d in ends(extract(text, date(1943, 2, 20)))] == [
        (["Gabes"], "Tebessa"), (["Gabes"], "Gafsa")]


def test_another_with_a_number_is_a_new_force_not_the_other_part() -> None:
    # "another 2,000 troops" is more men from somewhere the text does not say
    draft = extract("The brigade moved from Gabes to Tebessa. Another 2,000 troops were sent "
                    "to Gafsa.", date(1943, 2, 20))
    assert ends(draft) == [(["Gabes"], "Tebessa")]


def test_the_other_part_never_starts_where_the_first_part_went() -> None:
    # the first column's start is unknown: so is the other's (it was never at Sbeitla)
    draft = extract("On 3 May one column took the road to Sbeitla; another struck across the "
                    "plain towards Feriana.", date(1943, 2, 20))
    assert ends(draft) == []


def test_took_the_road_from_a_to_b_is_a_move_and_the_other_part_starts_at_a() -> None:
    draft = extract("On 3 May one column took the road from Thala to Sbeitla; another struck "
                    "across the plain towards Feriana.", date(1943, 2, 20))
    assert [(o, d.split()[0]) for o, d in ends(draft)] == [
        (["Thala"], "Sbeitla"), (["Thala"], "Feriana")]


@pytest.mark.parametrize(("text", "bare"), [
    ("another struck across the plain", True),
    ("Another, with the tanks, arrived", True),
    ("another was sent to Feriana", True),
    ("while the other advanced towards Feriana", True),
    ("Another brigade arrived in Feriana", False),
    ("another armoured brigade moved to Feriana", False),
    ("the other brigade moved to Feriana", False),
    ("another 2,000 troops were sent", False),
])
def test_only_a_bare_another_refers_back_to_the_force(text: str, bare: bool) -> None:
    from movemap.extract.discourse import ANAPHOR

    found = ANAPHOR.search(text)
    assert (found is not None and "other" in found.group(0).lower()) is bare


@pytest.mark.parametrize("text", [
    "An armoured column crossed the border from Syria and was driving on Irbid.",
    "An armoured column came from Syria and drove on Irbid before dawn.",
    "The armoured column drove from Syria on Irbid.",
])
def test_driving_on_a_town_is_a_move_to_it(text: str) -> None:
    # "drive on", like "march on" and "advance on": the town is where the force goes
    assert ends(extract(text, date(1970, 9, 20))) == [(["Syria"], "Irbid")]


@pytest.mark.parametrize("purpose", [
    "its aim to cross the mountains and take Port Moresby",
    "intending to march on Port Moresby",
    "in order to take Port Moresby from the landward side",
    "with the aim of taking Port Moresby",
])
def test_what_a_move_was_meant_to_lead_to_is_no_stage_of_it(purpose: str) -> None:
    # the force went to Gona; Port Moresby was its purpose, never reached in this sentence
    text = f"On 21 July 1942 the force sailed from Rabaul to Gona, {purpose}."
    assert ends(extract(text, date(1942, 8, 1))) == [(["Rabaul"], "Gona")]


@pytest.mark.parametrize(("text", "expected"), [
    # the clause names where the force came from: the place before it is where it went
    ("In 1805 the corps marched from Utrecht to Mainz, and from there to Würzburg, where "
     "Bernadotte arrived from Hanover to join it.",
     [(["Utrecht"], "Mainz"), (["Mainz"], "Würzburg"), (["Hanover"], "Würzburg")]),
    # it names where the force went: the place before it is where it set out
    ("The division reached Tchesme, where transports took it across the strait to Chios.",
     [(["Tchesme"], "Chios")]),
    # it names neither: nothing more than the clause it sits in
    ("The column drove north from Rostov-on-Don, passed through Voronezh, where fighting was "
     "reported, and entered Lipetsk.", [(["Rostov-on-Don"], "Lipetsk")]),
])
def test_a_clause_opened_by_where_is_about_the_place_before_it(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2020, 1, 1))) == expected


@pytest.mark.parametrize("when", ["on the following day", "the following week"])
def test_the_following_day_is_a_time_not_a_move_that_follows(when: str) -> None:
    text = ("The Second Army left Hiroshima in October and was landed at Huayuankou on 24 "
            f"October. It marched south-west and took Kinchow on 6 November; {when} the forts "
            "of Talienwan were found abandoned.")
    assert ends(extract(text, date(1894, 11, 26))) == [(["Hiroshima"], "Huayuankou"),
                                                      (["Huayuankou"], "Kinchow")]


def test_a_place_named_exactly_only_in_a_slot_counts_farther_from_the_others_than_a_guess(
) -> None:
    # Kiulien-cheng (Jiuliancheng, a site the index knows by that exact name) lies 194 km
    # from Mukden: beyond the reach of a loose spelling, within that of an exact name
    text = ("On 26 October the First Army occupied Kiulien-cheng. It is believed in Tokio "
            "that the First Army will next advance upon Mukden.")
    draft = extract(text, date(1894, 11, 26))
    assert "Kiulien-cheng" in [p.mention for p in draft.places]
    assert ends(draft) == [(["Kiulien-cheng"], "Mukden")]


@pytest.mark.parametrize("text", [
    "30 October 1978: Ugandan troops crossed the border into Tanzania.",
    "On 30 October 1978 Ugandan troops cross the border into Tanzania.",
    "30 October 1978. Ugandan troops cross the border into Tanzania.",
])
def test_a_force_described_after_the_date_a_clause_opens_with_is_a_new_subject(
        text: str) -> None:
    # a timeline's entry: the date first, then the force by its side, from its own country
    draft = extract(text, date(1979, 4, 14))
    assert ends(draft) == [(["Ugandan"], "Tanzania")]
    assert draft.legs[0].rule == "side-origin"



@pytest.mark.parametrize(("text", "expected"), [
    # the move goes on after its purpose: the place after it is a stage again
    ("On 21 July 1942 the division sailed from Rabaul in order to reinforce the garrison, "
     "and landed at Gona.", [(["Rabaul"], "Gona")]),
    ("On 21 July 1942 the division sailed from Rabaul in order to reinforce the garrison and "
     "landed at Gona.", [(["Rabaul"], "Gona")]),
])
def test_a_purpose_reaches_only_to_where_the_clause_goes_on(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1942, 8, 1))) == expected


def test_followed_days_later_is_still_a_move_that_follows() -> None:
    text = ("The 5th Battalion flew from Lviv to Kharkiv on 3 May. A second battalion "
            "followed days later.")
    assert ends(extract(text, date(2023, 5, 20))) == [(["Lviv"], "Kharkiv"),
                                                     (["Lviv"], "Kharkiv")]


@pytest.mark.parametrize(("text", "expected"), [
    # the clause is about "the front line", not the last place named before it
    ("The minister visited Kyiv on Monday and then toured the front line, where troops from "
     "Dnipro had arrived.", []),
    # what someone said there is no move of the force
    ("The brigade arrived in Kyiv, where the president said more troops would be sent to "
     "Kharkiv.", []),
    # a where-clause that ends the sentence ends what its clause says: the move to Poltava
    # still starts where the battalion was
    ("The battalion left Lviv for Kyiv on 2 May. It then moved to Poltava, where it joined "
     "the brigade from Sumy.", [(["Lviv"], "Kyiv"), (["Kyiv"], "Poltava")]),
])
def test_a_where_clause_is_read_only_about_the_place_right_before_it(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2023, 5, 20))) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "there" after a verb of motion: the place named last before the clause is the end
    ("On 12 May a battalion was flown from Lviv to Rzeszow, and on 14 May a company was "
     "flown there from Kraków.", [(["Lviv"], "Rzeszow"), (["Kraków"], "Rzeszow")]),
    ("The convoy gathered at Trincomalee and sailed on 3 March. The escorts had left "
     "Colombo in February to join it there.", [(["Colombo"], "Trincomalee")]),
    # a place of the clause where the force was is what "there" stands for; where it came
    # from is where it last set out
    ("The column left Kassala on 4 June. On the 9th it learnt that the enemy were at "
     "Tessenei, and it arrived there the next morning.", [(["Kassala"], "Tessenei")]),
    # "there" where a move starts: embarked there and sailed to the next place
    ("We have letters from Odessa. The regiment embarked there on 2 May and sailed to "
     "Varna.", [(["Odessa"], "Varna")]),
])
def test_there_after_a_verb_of_motion_stands_for_the_place_named_before_it(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2023, 6, 20))) == expected


@pytest.mark.parametrize("text", [
    # "there" describing a place, or said of ships and people, is no end of a move
    "The brigade was sent to Kherson to protect the forces there.",
    "The brigade took Bandar Abbas and seized the ships that had sheltered there.",
    "The brigade reached Mosul. There were no troops left there.",
])
def test_there_that_is_no_object_of_a_verb_of_motion_adds_no_end(text: str) -> None:
    draft = extract(text, date(2023, 6, 20))
    assert all(leg.rule != "from-to" or "there" not in " ".join(leg.cues)
               for leg in draft.legs)
    assert len(draft.legs) <= 1


@pytest.mark.parametrize(("text", "expected"), [
    # a counted or indefinite subject after ", and" opens a clause of its own; "there" is
    # the base, not the country that says where the base is
    ("On 3 May a battalion was flown from Lviv to Rzeszow airport in Poland, and a company "
     "was flown there from Kraków.", [(["Lviv"], "Rzeszow airport"), (["Kraków"],
                                                                       "Rzeszow airport")]),
    ("On 3 May a battalion was flown from Lviv to Rzeszow, and two companies were sent "
     "from Kraków to Przemyśl.", [(["Lviv"], "Rzeszow"), (["Kraków"], "Przemyśl")]),
])
def test_and_before_a_new_counted_subject_opens_a_clause(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2023, 6, 20))) == expected


@pytest.mark.parametrize("onward", ["is moving", "is now marching", "are steaming up"])
def test_an_onward_move_in_the_present_after_a_destination_is_a_stage(onward: str) -> None:
    text = f"The brigade has reached Rivne and {onward} to Zhytomyr."
    assert ends(extract(text, date(2023, 6, 20))) == [(["Rivne"], "Zhytomyr")]


@pytest.mark.parametrize(("text", "expected"), [
    # a time after ", and" is no new subject: the clause goes on with the same force
    ("The brigade moved from Lviv to Kyiv, and a day later was sent to Odesa.",
     [(["Lviv"], "Kyiv"), (["Kyiv"], "Odesa")]),
    ("The brigade left Kursk on 3 May, and a week later it was in Orel.",
     [(["Kursk"], "Orel")]),
    ("The division moved from Lviv to Kyiv on 3 May, and two brigades were then sent on to "
     "Chernihiv.", [(["Lviv"], "Kyiv"), (["Kyiv"], "Chernihiv")]),
    # "there" after a noun, or "there had been", is no end of a move
    ("The 47th Brigade fought near Avdiivka in May. The shipments there came from Poland.",
     []),
    ("When the brigade arrived there had been shelling from Nova Kakhovka.", []),
    # a place that owns the subject or says what happened is not what "there" stands for
    ("Troops massed at Belgorod. Russia's Defence Ministry said it had sent them there from "
     "Kursk.", [(["Kursk"], "Belgorod")]),
    ("Troops massed at Belgorod. The Defence Ministry in Moscow said it had sent them there "
     "from Kursk.", [(["Kursk"], "Belgorod")]),
])
def test_there_and_the_new_clause_break_leave_ordinary_sentences_as_they_were(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2024, 1, 1))) == expected


def test_a_border_crossed_on_the_way_is_no_new_start() -> None:
    # the force left A; it crossed the border at B, bound for C: one move, A to C
    text = ("The last battalion left Kharkiv at dawn. It crossed the border at Hoptivka in "
            "the afternoon, bound for Belgorod.")
    assert ends(extract(text, date(2023, 6, 20))) == [(["Kharkiv"], "Belgorod")]


@pytest.mark.parametrize("verb", ["advanced against", "are expected to move against",
                                  "marched against"])
def test_a_move_against_a_town_goes_to_it(verb: str) -> None:
    text = f"Units based in Transnistria {verb} Chisinau."
    assert ends(extract(text, date(2023, 6, 20))) == [(["Transnistria"], "Chisinau")]


@pytest.mark.parametrize("text", [
    # a force named by its commander is one force whatever its noun
    "In April Colonel Lomakin's column left Aktau. In May Lomakin's men reached Nukus.",
    # a timeline's present: "sets out" is a departure as "set out" is
    "The column sets out from Aktau. It reaches Nukus in May.",
])
def test_a_departure_and_its_arrival_in_later_sentences(text: str) -> None:
    assert ends(extract(text, date(2023, 6, 20))) == [(["Aktau"], "Nukus")]


@pytest.mark.parametrize(("text", "expected"), [
    # where the force beat its enemy is where its next move starts
    ("After routing the army at Konya in December, the general advanced to Kutahya in "
     "February.", [(["Konya"], "Kutahya")]),
    ("Having defeated the rebels at Konya, the general marched to Kutahya.",
     [(["Konya"], "Kutahya")]),
    # a fleet at anchor is where it went
    ("The squadron came from Sevastopol in February and lies at anchor off Sinop.",
     [(["Sevastopol"], "Sinop")]),
    # where a force lay after it arrived is no start of the arrival before it (and how it
    # reached a town does not break its onward stage)
    ("KYIV, May 4. — The flotilla has reached Kherson without meeting resistance, and is "
     "steaming up to Mykolaiv. ODESA, May 8. — The flotilla, which left Mykolaiv on "
     "Wednesday, lay off Ochakiv on Thursday, when envoys came on board. The marines were "
     "landed this afternoon and marched into Odesa.",
     [(["Kherson"], "Mykolaiv"), (["Ochakiv"], "Odesa")]),
])
def test_openings_and_anchorages(text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2023, 6, 20))) == expected


@pytest.mark.parametrize("text", [
    "The army sailed from Valparaiso in August. San Martin did not march on Lima.",
    "The army sailed from Valparaiso in August. It never reached Lima.",
    "The column was sent from Krasnovodsk but never reached Khiva.",
    "Hace doscientos años la escuadra había zarpado de Valparaíso el 20 de agosto con 4.500 "
    "soldados. San Martín no marchó sobre Lima.",
    "Il y a deux cents ans, les troupes sont parties de Toulon le 3 mai. Elles ne sont "
    "jamais arrivées à Malte.",
])
def test_a_move_the_clause_denies_has_no_end(text: str) -> None:
    draft = extract(text, date(2023, 6, 20))
    assert all(leg.destination.mention not in ("Lima", "Khiva", "Malte") for leg in draft.legs)


@pytest.mark.parametrize(("text", "expected"), [
    # a negation that a comma or a conjunction closes denies nothing after it
    ("The brigade never halted, and marched from Lviv to Kyiv in two days.",
     [(["Lviv"], "Kyiv")]),
    ("The brigade did not stop in Rivne and went on from Lviv to Kyiv.",
     [(["Lviv"], "Kyiv")]),
])
def test_a_negation_reaches_no_further_than_its_clause(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2023, 6, 20))) == expected


def test_a_town_a_commander_s_column_is_named_for_is_still_a_town_later() -> None:
    # "Verevkin's Orenburg column" is no name "Verevkin Orenburg": Orenburg stays a town
    text = ("Early March: General Verevkin's Orenburg column leaves Orenburg, heading south. "
            "In May the column reaches Khiva.")
    draft = extract(text, date(1873, 11, 1))
    assert "Orenburg" in [p.mention for p in draft.places]
    assert ends(draft) == [(["Orenburg"], "Khiva")]


@pytest.mark.parametrize(("text", "expected"), [
    # a negation that does not govern the move to the place denies nothing
    ("The brigade was sent from Lviv not only to Kharkiv but also to Sumy.",
     [(["Lviv"], "Kharkiv"), (["Lviv"], "Sumy")]),
    ("The brigade left Lviv on 1 May. Not until 5 May did the brigade reach Bakhmut.",
     [(["Lviv"], "Bakhmut")]),
    ("The 5th Brigade left Lviv on 1 May. Meeting no opposition it reached Izium on 4 May.",
     [(["Lviv"], "Izium")]),
    ("The brigade left Lviv on 1 May. It did not stop until it reached Bakhmut on 3 May.",
     [(["Lviv"], "Bakhmut")]),
    ("The brigade left Lviv on 1 May. In a never-ending column it moved to Bakhmut on 3 May.",
     [(["Lviv"], "Bakhmut")]),
    ("Il y a deux cents ans, les troupes sont parties de Toulon le 3 mai. Elles ont débarqué "
     "au point du jour à Malte le 9 juin.", [(["Toulon"], "Malte")]),
    # "didn't" denies as "did not" does
    ("The army sailed from Callao. It didn't march on Lima.", []),
    # a victory's -ing form on the way is no end; a river crossed is a new start
    ("The brigade moved from Lviv to Kyiv on 3 May, attacking the enemy near Zhytomyr.",
     [(["Lviv"], "Kyiv")]),
    ("The battalion left Kharkiv at dawn. It crossed the river at Chuhuiv and took Izium.",
     [(["Kharkiv"], "Chuhuiv"), (["Chuhuiv"], "Izium")]),
])
def test_the_later_rules_leave_ordinary_sentences_as_they_were(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2024, 1, 1))) == expected


@pytest.mark.parametrize("text", [
    "The southern corps reached Cesme, and transports carried them across the strait to "
    "Chios.",
    "The southern corps have now reached Cesme, on the peninsula west of Izmir, and "
    "transports have been carrying them across the strait to Chios since Thursday.",
])
def test_ships_that_carry_the_force_on_make_a_stage_of_its_move(text: str) -> None:
    assert ends(extract(text, date(1922, 9, 9))) == [(["Cesme"], "Chios")]


def test_a_line_held_about_a_town_is_where_the_force_was() -> None:
    text = ("The northern corps, which had held the line about Eskisehir, is reported to be "
            "marching on Bandirma.")
    draft = extract(text, date(1922, 9, 9))
    assert ends(draft) == [(["Eskisehir"], "Bandirma")]
    assert draft.legs[0].status is Status.REPORTED


def test_an_attack_a_fall_back_and_a_passage_taken() -> None:
    # the party was at the town it attacked (in the clause: an attack in a clause of its own
    # may be another side's, and is not carried on); a schooner taken to a port is a move
    text = ("On 29 June the party attacked Rivas and then fell back on San Juan del Sur, where "
            "they took a schooner back to Realejo.")
    assert ends(extract(text, date(1855, 10, 20))) == [(["Rivas"], "San Juan del Sur"),
                                                      (["San Juan del Sur"], "Realejo")]


@pytest.mark.parametrize("text", [
    "Russian forces attacked Kharkiv on Monday.",
    "The Houthis have attacked ships in the Red Sea and the Gulf of Aden since November.",
    "The brigade took the bridge at Kherson.",
])
def test_an_attack_alone_is_no_move(text: str) -> None:
    assert ends(extract(text, date(2024, 1, 1))) == []


def test_a_relative_clause_about_a_force_named_by_its_commander_is_its_move() -> None:
    text = ("The squadron of Admiral Lazareff, which came from Sevastopol in February at the "
            "Sultan's request, still lies at anchor off Sinop.")
    assert ends(extract(text, date(1833, 4, 10))) == [(["Sevastopol"], "Sinop")]


@pytest.mark.parametrize("text", [
    # an attack by drones, gunmen or another side puts no force at the place
    "Drones attacked Odesa overnight. The brigade moved to Mykolaiv.",
    "Gunmen attacked Kherson on Monday, and the battalion withdrew to Mykolaiv.",
    # talks about a place are no place of the force; "about" leads a run of fill words only
    "The commanders held talks about Kherson, and the brigade moved to Mykolaiv.",
    "The troops left Kyiv for talks about Kherson.",
    # what carriers carry on must be the force
    "The brigade reached Izium, and helicopters lifted supplies to Kupiansk.",
    "The brigade captured Kherson and took heavy losses near Mykolaiv.",
    # the remnants of a town's people are not the force
    "The brigade held Bakhmut. The remnants of the town's population left for Kramatorsk.",
])
def test_attacks_talks_cargo_and_remnants_make_no_false_leg(text: str) -> None:
    draft = extract(text, date(2024, 1, 1))
    assert all(leg.origins[0].mention not in ("Odesa", "Kherson", "Izium", "Bakhmut")
               or leg.destination.mention not in ("Mykolaiv", "Kupiansk", "Kramatorsk")
               for leg in draft.legs), ends(draft)
    assert all(leg.destination.mention != "Kherson" for leg in draft.legs)


@pytest.mark.parametrize("text", [
    # "by" a place right after the verb is the way the move went (older English)
    "The division marched from Lyon by Dijon to Metz.",
    "The division crossed the Saone at Lyon and marched by Dijon upon Metz.",
    # "passed the river": crossed it; the means of the crossing may stand between
    "The division passed the Saone at Lyon and marched by Dijon upon Metz.",
    "The division crossed the Saone by a bridge of boats at Lyon and marched by Dijon upon Metz.",
    "The division passed the Saone on pontoons at Lyon, and marched by Dijon upon Metz.",
])
def test_a_march_by_a_town_upon_another(text: str) -> None:
    draft = extract(text, date(1870, 9, 1))
    assert ends(draft) == [(["Lyon"], "Metz")]
    assert [c for c in draft.legs[0].cues if c.startswith("via")] == ["via (by): Dijon"]


@pytest.mark.parametrize("text", [
    "The division passed the night at Lyon.",
    "The prisoners were taken by Colonel Trant to Oporto.",
])
def test_passing_the_night_or_an_agent_is_no_crossing_or_way(text: str) -> None:
    assert extract(text, date(1870, 9, 1)).legs == ()


@pytest.mark.parametrize("text", [
    # when it happened, said between the verb of arrival and the place
    "The 3rd Division landed before dawn yesterday near Anzio. It had sailed from Naples.",
    "The 3rd Division landed at first light on Saturday at Anzio. It had sailed from Naples.",
    "The 3rd Division arrived late on Sunday in Anzio. It had sailed from Naples.",
    "The 3rd Division went ashore early this morning at Anzio. It had sailed from Naples.",
])
def test_an_arrival_with_its_time_between_verb_and_place(text: str) -> None:
    assert ends(extract(text, date(1944, 1, 24))) == [(["Naples"], "Anzio")]


@pytest.mark.parametrize("text", [
    # the force renamed between commas is the force spoken of (its arrival before)
    "Allied troops landed near Anzio. The force, the Sixth Corps, sailed from Naples.",
    # a commander's initial ends no sentence
    "Allied troops landed near Anzio. The force, under General John P. Lucas, had sailed "
    "from Naples.",
    "Allied troops landed near Anzio. The force, the Sixth Corps under General John P. "
    "Lucas, sailed from Naples.",
])
def test_a_force_renamed_in_an_apposition_is_the_one_that_arrived(text: str) -> None:
    assert ends(extract(text, date(1944, 1, 24))) == [(["Naples"], "Anzio")]


def test_a_designation_letter_still_ends_a_sentence() -> None:
    from movemap.extract.report import sentences

    text = "The reserve was Company B. It moved to Hill A. The enemy fled."
    assert [text[a:b] for a, b in sentences(text)] == [
        "The reserve was Company B.", "It moved to Hill A.", "The enemy fled."]


@pytest.mark.parametrize("text", [
    "The column pushed westward from Mukalla toward Aden, on the road to Taiz and Sanaa.",
    "The column pushed westward from Mukalla toward Aden, a town on the road to Taiz.",
    "The column pushed from Mukalla toward Aden, on the highway between Taiz and Sanaa.",
])
def test_the_road_a_destination_lies_on_is_no_destination(text: str) -> None:
    assert ends(extract(text, date(1967, 8, 12))) == [(["Mukalla"], "Aden")]


@pytest.mark.parametrize(("text", "destination"), [
    ("Two detachments moved from Benin City to Sapele and to the oil port of Warri.",
     "port of Warri"),
    ("The brigade sailed from Mukalla to the old port of Aden.", "port of Aden"),
])
def test_words_before_a_port_named_by_its_kind_go_with_it(text: str,
                                                          destination: str) -> None:
    assert ends(extract(text, date(1967, 8, 12)))[-1][1] == destination


@pytest.mark.parametrize(("text", "expected"), [
    # "upon" ends a move only after its way
    ("Troops withdrew from Kherson after pressure upon Kyiv.", []),
    ("The brigade left Lyon, calling upon Paris to send aid.", []),
    # a river passed, not a feast: no crossing at Lyon
    ("The division passed the Christmas at Lyon.", []),
    # the road a move takes to its destination is its destination
    ("The convoy left Lyon, on the way to Paris.", [(["Lyon"], "Paris")]),
    ("The 3rd Brigade left Kherson on Monday, on the highway to Mykolaiv.",
     [(["Kherson"], "Mykolaiv")]),
])
def test_upon_passed_and_the_road_only_where_they_say_a_move(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(2024, 3, 5))) == expected


def test_by_a_country_is_who_acted_not_the_way() -> None:
    (leg,) = extract("The brigade was airlifted from Lyon by France to Dakar.",
                     date(2024, 3, 5)).legs
    assert not [c for c in leg.cues if c.startswith("via")]


def test_a_unit_named_after_the_apposition_is_a_unit_of_its_own() -> None:
    text = ("Allied troops landed near Anzio. The force, the largest since 1943, left Naples "
            "with the 5th Brigade, which reached Salerno.")
    assert any(leg.unit == "5th-brigade" for leg in extract(text, date(1944, 1, 24)).legs)


def test_a_paragraph_after_a_designation_letter_is_a_sentence_of_its_own() -> None:
    from movemap.extract.report import sentences

    text = "The regiment fought in World War I.\n\nThe brigade moved to Lyon."
    assert [text[a:b] for a, b in sentences(text)] == [
        "The regiment fought in World War I.", "The brigade moved to Lyon."]


@pytest.mark.parametrize("text", [
    "A bulletin broadcast from Berlin said the 13th Panzer Division had pushed south from "
    "Krasnodar and taken Maikop.",
    "In a despatch from Cairo, the correspondent said the brigade moved from Krasnodar to "
    "Maikop.",
    # where who speaks is
    "Speaking by telephone from Rostov, the general said the brigade moved from Krasnodar to "
    "Maikop.",
    "The general, speaking from Rostov last night, said the brigade moved from Krasnodar to "
    "Maikop.",
    "Speaking to the BBC from Rostov, the general said the brigade moved from Krasnodar to "
    "Maikop.",
    "The general told Reuters by phone from Rostov that the brigade moved from Krasnodar to "
    "Maikop.",
    "In a telephone interview from Rostov, the general said the brigade moved from Krasnodar "
    "to Maikop.",
])
def test_where_a_report_was_sent_from_is_no_origin(text: str) -> None:
    assert ends(extract(text, date(1942, 8, 11))) == [(["Krasnodar"], "Maikop")]


def test_the_sea_a_destination_lies_on_is_no_destination() -> None:
    text = "The 3rd Division left Maikop and fell back towards Tuapse on the Black Sea."
    assert ends(extract(text, date(1942, 8, 11))) == [(["Maikop"], "Tuapse")]


@pytest.mark.parametrize("regiment", [
    "Queen's Own Highlanders", "Royal Green Jackets", "Durham Light Infantry", "Coldstream Guards",
])
def test_a_relative_clause_after_a_regiments_name_is_the_movers_own(regiment: str) -> None:
    text = (f"On 10 December the 1st Battalion, {regiment}, who had been flown in from "
            "Singapore, were landed at Anduki airfield.")
    assert ends(extract(text, date(1962, 12, 13))) == [(["Singapore"], "Anduki airfield")]


@pytest.mark.parametrize(("text", "expected"), [
    # what was said or sent from a place is the only "from" _SAID_FROM takes
    ("NATO will dispatch troops from Germany to Lithuania.", [(["Germany"], "Lithuania")]),
    ("The signals battalion moved from Aldershot to Dover.", [(["Aldershot"], "Dover")]),
    ("The cable ship sailed from Plymouth to Halifax.", [(["Plymouth"], "Halifax")]),
    # a relative clause after another unit's name is that unit's
    ("The 1st Battalion reached Kohima, where it relieved the Assam Rifles, who had marched "
     "from Dimapur.", []),
    # how, between a verb of arrival and its place
    ("The 3rd Division landed without opposition on the beach at Anzio. It had sailed from "
     "Naples.", [(["Naples"], "Anzio")]),
])
def test_review_cases_of_the_second_look(text: str,
                                         expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1944, 1, 24))) == expected


@pytest.mark.parametrize("text", [
    "The division launched the assault. The brigade then moved from Arras to Amiens.",
    "Troops from Belgorod joined the assault. The brigade later withdrew to Kharkiv.",
])
def test_a_word_ending_in_ult_ends_its_sentence(text: str) -> None:
    from movemap.extract.report import sentences

    assert len(sentences(text)) == 2


@pytest.mark.parametrize("text", [
    "The brigade arrived last night in Odesa from Mykolaiv.",
    "The brigade arrived this morning in Odesa from Mykolaiv.",
])
def test_last_night_before_an_arrivals_place_is_when_not_a_stay(text: str) -> None:
    assert ends(extract(text, date(2022, 3, 5))) == [(["Mykolaiv"], "Odesa")]


def test_nights_spent_in_a_town_are_a_stay() -> None:
    text = "The brigade spent two nights in Odesa and moved to Mykolaiv."
    assert ends(extract(text, date(2022, 3, 5))) == [(["Odesa"], "Mykolaiv")]


@pytest.mark.parametrize(("text", "expected"), [
    # a stay that says when is still a stay
    ("The brigade spent last week in Lyon and moved to Dijon.", [(["Lyon"], "Dijon")]),
    ("The column rested this week in Lyon before marching to Dijon.", [(["Lyon"], "Dijon")]),
    # a regiment that is the subject keeps its relative clause's move
    ("The Royal Marines, who had sailed from Plymouth, landed at Ajax Bay.",
     [(["Plymouth"], "Ajax Bay")]),
    ("The Gordon Highlanders, who had marched from Dimapur, reached Kohima.",
     [(["Dimapur"], "Kohima")]),
    # where a report was cabled from is no origin
    ("The brigade has reached Derna, according to a report cabled from Cairo.", []),
])
def test_review_cases_of_the_third_look(text: str,
                                        expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1982, 6, 1))) == expected


def test_a_letters_inst_before_a_name_ends_no_sentence() -> None:
    from movemap.extract.report import sentences

    text = "On the 3rd inst. Lord Wellington moved from Lisbon to Coimbra."
    assert len(sentences(text)) == 1


@pytest.mark.parametrize(("text", "expected"), [
    # a way named by where it leads, as what a force cuts, threatens or holds
    ("The militia advanced west from Mosul in November and cut the roads to Syria.", []),
    ("The corps, which had marched from Lyon, worked round the town, threatening the line "
     "to Dijon.", []),
    ("The battalion left Kabul and held the pass to Jalalabad for a week.", []),
    # taking the road to a place is going there
    ("The division took the road to Dijon from Lyon.", [(["Lyon"], "Dijon")]),
])
def test_a_road_cut_or_held_is_not_where_the_force_went(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, date(1940, 6, 1))) == expected


@pytest.mark.parametrize("text", [
    "The army marched north from Lyon to join the Field-Marshal at Dijon.",
    "Two battalions moved from Lyon to join the 5th Division near Dijon.",
    "The brigade marched north from Lyon to join Weygand's forces near Dijon.",
    # "before" a town: the force joined stands before it
    "The army marched north from Lyon to join the Field-Marshal before Dijon.",
])
def test_going_to_join_a_force_at_a_place_is_going_there(text: str) -> None:
    draft = extract(text, date(1940, 6, 1))
    assert ends(draft) == [(["Lyon"], "Dijon")]
    # the force joined is not the mover
    assert all("division" not in leg.unit and "weygand" not in leg.unit for leg in draft.legs)


def test_an_aim_to_join_set_off_by_a_comma_is_not_the_destination() -> None:
    text = ("The troops sailed from Marseille and were put ashore at Toulon, to join the "
            "garrison at Nice.")
    assert ends(extract(text, date(1940, 6, 1))) == [(["Marseille"], "Toulon")]


def test_a_landing_on_the_coast_of_the_area_reached_starts_nowhere_in_it() -> None:
    # where in the Crimea the fleet was before it landed at a bay on its coast, unknown: no
    # leg from the region's middle (the bay's point lies on the shore, outside the outline)
    text = ("The allied fleet sailed from Varna and reached the Crimea on 13 September. The "
            "troops landed at Calamita Bay the next day.")
    assert ends(extract(text, date(1854, 10, 1))) == [(["Varna"], "Crimea")]
    # a town across a border from the region is another country's, and a move into it
    text = "The army crossed into Bavaria on 12 March. The troops then entered Kufstein."
    assert ends(extract(text, date(1938, 4, 1))) == [(["Bavaria"], "Kufstein")]
    # ... and so is a port across a border (review of 4bdac4a)
    text = ("Italian troops massed in Friuli-Venezia Giulia on 2 May. On 5 May they crossed the "
            "border and seized the port of Koper.")
    assert [d for _, d in ends(extract(text, date(1954, 6, 1)))] == ["port of Koper"]
