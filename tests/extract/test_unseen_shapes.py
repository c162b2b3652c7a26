"""General mechanisms for reports the rules were not written against (issue 17, round 11).

Each test stands for a class of input, in sentences of our own (no evaluation report's
sentences or names): a town the gazetteer knows only by a feature named after it; an
onward move after a place taken; a force named again by its side; a list of movers with a
force among cargo; the people a clause moved, referred to by "most"; contingents that
"came from" places to the move just read; a thrust aimed at towns; "from A to B" as a span
(every port from A to B), not a move; a counted force of another side (about 450 Norwegian
marines) as a new mover that "they" then refers to; a place fronted before a verb of
arrival (At Bari, troops were put ashore); an airfield with a name of its own beside a town;
"two hundred years ago", "the eightieth anniversary", "sixty years on" as a
retrospective's time; a list of landing places before an
onward move; towns given as examples of an area's ports (round 14).
"""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from movemap.extract.report import _named_after
from movemap.extract.when import find_dates
from movemap.gazetteer.place import Kind, Place
from tests.extract.legs import ends

DAY = date(2024, 6, 1)



@pytest.mark.parametrize("text", [
    "A battalion was flown from Dawadmi to Abha on 3 May.",
    "A battalion moved to the area of Dawadmi from Abha on 3 May.",
])
def test_a_town_known_only_by_the_airport_named_after_it_is_found(text: str) -> None:
    draft = extract(text, DAY)
    assert "Dawadmi" in [p.mention for p in draft.places]
    assert len(draft.legs) == 1


@pytest.mark.parametrize("text", [
    "The brigade took Poitiers and advanced to Tours.",
    "The brigade took Poitiers on 3 May and moved some 40 km north along the road to Tours.",
])
def test_an_onward_move_after_a_place_taken_starts_there(text: str) -> None:
    assert ends(extract(text, DAY)) == [(["Poitiers"], "Tours")]


def test_a_list_under_one_cue_without_an_onward_verb_stays_parallel() -> None:
    draft = extract("Troops were sent from Lyon to Metz and Reims.", DAY)
    assert ends(draft) == [(["Lyon"], "Metz"), (["Lyon"], "Reims")]


@pytest.mark.parametrize(("text", "expected"), [
    # the same side named again, in the same paragraph: it starts where it was
    ("Kenyan troops entered Garissa on 3 May. Kenyan forces pushed north toward Wajir.",
     [(["Garissa"], "Wajir")]),
    # another side: not the force that was there
    ("Kenyan troops entered Garissa on 3 May. Somali forces pushed north toward Wajir.", []),
    # the same side in another paragraph may be another force
    ("Kenyan troops entered Garissa on 3 May.\n\nElsewhere, Kenyan forces pushed north "
     "toward Wajir.", []),
])
def test_a_force_named_again_by_its_side_starts_where_it_was_in_its_paragraph(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


def test_personnel_among_aircraft_are_a_moving_force() -> None:
    draft = extract("Portugal has flown aircraft and about 300 air force personnel to Taif.", DAY)
    assert ends(draft) == [(["Portugal"], "Taif")]
    assert draft.legs[0].strength == 300


def test_most_of_the_people_moved_are_not_the_force() -> None:
    draft = extract("The 5th Brigade left Lyon on 2 May. Aircraft flew 4,000 refugees out of "
                    "Metz. Most were flown to Reims. The troops then moved to Dijon.", DAY)
    assert ends(draft) == [(["Lyon"], "Dijon")]


def test_contingents_that_came_from_places_joined_the_last_move() -> None:
    draft = extract("A French brigade moved from Lyon to Dijon in May. Smaller contingents came "
                    "from Metz and Reims.", DAY)
    assert ends(draft) == [(["Lyon"], "Dijon"), (["Metz", "Reims"], "Dijon")]


def test_a_thrust_aimed_at_towns_makes_them_destinations() -> None:
    draft = extract("Thai columns crossed the river from Nong Khai province, with the main "
                    "thrust aimed at Vientiane and Paksan.", DAY)
    assert ends(draft) == [(["Nong Khai"], "Vientiane"), (["Nong Khai"], "Paksan")]


@pytest.mark.parametrize(("text", "origins"), [
    ("Units based in Poitiers and Niort drove north to Tours.", ["Poitiers", "Niort"]),
    ("The corps is expected to pause at Poitiers and Niort before pushing on to Tours.",
     ["Poitiers", "Niort"]),
    ("Units based in Poitiers drove north to Tours.", ["Poitiers"]),
])
def test_a_list_of_positions_is_where_the_move_starts(text: str, origins: list[str]) -> None:
    assert ends(extract(text, DAY)) == [(origins, "Tours")]


def test_a_compass_word_before_a_town_places_the_move_in_the_town() -> None:
    draft = extract("Dutch units withdrew from Deventer into North Zwolle.", DAY)
    assert ends(draft) == [(["Deventer"], "Zwolle")]


@pytest.mark.parametrize(("text", "absent"), [
    ("Troops moved from Pontianak to Northern Borneo.", "Borneo"),  # an area: another area
    ("The column moved from Bir el Tabuk to Pontianak.", "Tabuk"),  # a name with a particle
])
def test_a_piece_of_a_longer_name_is_no_place(text: str, absent: str) -> None:
    assert absent not in [p.mention for p in extract(text, DAY).places]


def test_a_force_on_its_way_from_a_to_b_moves() -> None:
    draft = extract("Two Canadian frigates are on their way from Vigo to Lisbon.", DAY)
    assert ends(draft) == [(["Vigo"], "Lisbon")]


def test_a_place_on_the_road_from_a_to_b_is_where_it_happened_not_a_move() -> None:
    assert extract("They fought near Olst, on the road from Deventer to Zwolle.", DAY).legs == ()


def test_a_position_named_after_the_destination_is_where_the_force_then_was() -> None:
    draft = extract("The division sailed for Portugal in October 1942 and was stationed at "
                    "Setubal. In May 1944 it moved to Lisbon.", DAY)
    assert ends(draft) == [(["Setubal"], "Lisbon")]


def test_a_town_in_the_area_a_force_reached_does_not_start_from_the_area() -> None:
    draft = extract("The regiment landed in Brittany on 6 June. On 18 July it captured Vannes.",
                    DAY)
    assert draft.legs == ()


def test_the_division_after_its_regiment_is_the_division_again() -> None:
    draft = extract("The 9th Division moved from Lyon to Dijon in May. Its 47th Regiment was "
                    "sent from Metz to Reims. In June the division moved to Tours.", DAY)
    assert [(leg.unit, *ends_of) for leg, ends_of in zip(draft.legs, ends(draft),
                                                          strict=True)][-1] == (
        "9th-division", ["Dijon"], "Tours")


def test_each_item_of_a_timeline_list_is_a_sentence_of_its_own() -> None:
    text = ("Timeline\n\n"
            "- 12 December: an advance party is airlifted from Istres to Ndjamena.\n"
            "- 28 December: a company lands at Douala and travels by road to Abeche.\n")
    draft = extract(text, date(2008, 1, 10))
    assert ends(draft) == [(["Istres"], "Ndjamena"), (["Douala"], "Abeche")]
    assert [str(leg.start) for leg in draft.legs] == ["2007-12-12", "2007-12-28"]


def test_a_force_that_will_follow_from_its_own_start_goes_where_the_last_move_went() -> None:
    draft = extract("On 4 January the brigade was flown from Istres to Ndjamena. Two further "
                    "battalions will follow from Abeche.", date(2008, 1, 10))
    assert ends(draft)[-1] == (["Abeche"], "Ndjamena")


def test_another_force_after_a_comma_and_starts_a_clause_of_its_own() -> None:
    draft = extract("Chinese troops who had crossed from Ndjamena struck near Kaechon, and "
                    "American units are falling back from Kaechon towards Sunchon.", DAY)
    assert ends(draft) == [(["Kaechon"], "Sunchon")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Guyanese troops crossed into Suriname on 3 May.", [(["Guyanese"], "Suriname")]),
    ("Guyanese troops crossed into Suriname at Nickerie on 3 May.", [(["Guyanese"], "Nickerie")]),
    ("Guyanese troops moved into Linden on 3 May.", []),  # a town of their own country
])
def test_a_force_named_by_its_side_crossing_into_another_country_comes_from_its_own(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


@pytest.mark.parametrize("text", [
    "The empress and the court left Linden for Poitiers.",  # a court is no force
    "Talks were paused to let the presidents of Suriname and Guyana meet.",  # people, a verb
])
def test_no_move_of_a_force(text: str) -> None:
    assert extract(text, DAY).legs == ()


def test_an_advance_from_a_on_b_goes_to_b() -> None:
    draft = extract("If talks fail today, the force will advance from Linden on Nickerie.", DAY)
    assert ends(draft) == [(["Linden"], "Nickerie")]


@pytest.mark.parametrize("head", ["March:", "- March:", "March -"])
def test_a_timeline_item_headed_by_a_month_is_dated_and_march_is_no_verb(head: str) -> None:
    draft = extract(f"Timeline\n\n{head} Guyana flies troops to Nickerie to help the army.\n",
                    date(2024, 6, 1))
    assert ends(draft) == [(["Guyana"], "Nickerie")]
    assert str(draft.legs[0].start) == "2024-03"


def test_both_columns_start_where_each_of_the_last_two_forces_was() -> None:
    draft = extract("The 9th Division moved from Lyon to Dijon in May. The 4th Brigade moved "
                    "from Metz to Reims. Both columns then converged on Tours.", DAY)
    assert ends(draft)[-1] == (["Dijon", "Reims"], "Tours")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Portuguese government said it had flown 200 soldiers to Guyana.",
     [(["Portuguese"], "Guyana")]),
    ("Portuguese officials said they would send troops to Nickerie.",
     [(["Portuguese"], "Nickerie")]),
    ("The Portuguese army has deployed a battalion to Lisbon.", []),  # within its own country
])
def test_a_country_that_sends_a_force_abroad_is_its_origin(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


def test_a_force_concentrated_south_of_a_town_starts_there() -> None:
    draft = extract("In early May the brigade was concentrated south of Poitiers. On 14 May it "
                    "moved up to Tours.", DAY)
    assert ends(draft) == [(["Poitiers"], "Tours")]


def test_the_status_is_the_move_s_own_after_a_leading_condition() -> None:
    draft = extract("If talks fail and the leader has not left by noon, the force is expected "
                    "to advance from Linden on Nickerie.", DAY)
    assert [leg.status.value for leg in draft.legs] == ["expected"]


@pytest.mark.parametrize("text", [
    "The enemy landed at every large port from Genoa to Naples.",
    "Troops were deployed along the whole coast from Genoa to Naples.",
    "Troops were deployed on a front stretching from Riga to Odessa.",
])
def test_from_a_to_b_after_a_stretch_of_places_is_a_span_not_a_move(text: str) -> None:
    assert ends(extract(text, DAY)) == []


@pytest.mark.parametrize("text", [
    "The division advanced along the road from Lyon to Dijon.",
    "The brigade marched all the way from Lyon to Dijon.",
])
def test_a_move_along_a_way_from_a_to_b_stays_a_move(text: str) -> None:
    assert ends(extract(text, DAY)) == [(["Lyon"], "Dijon")]


def test_a_span_leaves_the_move_after_it_in_the_sentence() -> None:
    draft = extract("The enemy landed at every large port from Genoa to Naples, and a division "
                    "was flown from Turin to Bari.", DAY)
    assert ends(draft) == [(["Turin"], "Bari")]


@pytest.mark.parametrize(("text", "unit"), [
    ("The 3rd Armoured Brigade has been pulled out of Lyon and sent to Dijon. About 450 "
     "Norwegian marines arrived in Metz from Brussels by train. They will move on to Nancy.",
     "norwegian-forces"),
    ("The 3rd Armoured Brigade has been pulled out of Lyon and sent to Dijon. Meanwhile, 1,200 "
     "North Macedonian infantrymen were flown from Durban to Harare. They will move on to Lusaka.",
     "north-macedonian-forces"),
])
def test_a_counted_force_of_another_side_is_a_new_mover_and_they_refers_to_it(
        text: str, unit: str) -> None:
    legs = extract(text, DAY).legs
    assert [leg.unit for leg in legs] == ["3rd-armoured-brigade", unit, unit]
    assert legs[2].strength == legs[1].strength


def test_a_count_without_a_side_does_not_name_a_new_force() -> None:
    legs = extract("The 3rd Armoured Brigade left Lyon on 3 May. About 500 troops reached "
                   "Dijon two days later.", DAY).legs
    assert [leg.unit for leg in legs] == ["3rd-armoured-brigade"]


@pytest.mark.parametrize("second", [
    "At Bari about 2,000 troops were put ashore on 3 May.",
    "In Bari the troops landed on 3 May.",
])
def test_a_place_fronted_before_a_verb_of_arrival_is_where_the_force_arrived(
        second: str) -> None:
    draft = extract("The brigade sailed from Brindisi on 1 May. " + second, DAY)
    assert ends(draft) == [(["Brindisi"], "Bari")]


def test_a_place_fronted_before_another_verb_is_no_destination() -> None:
    draft = extract("The brigade sailed from Brindisi on 1 May. At Bari the troops were "
                    "reviewed on 3 May.", DAY)
    assert ends(draft) == []


def test_an_airfield_with_a_name_of_its_own_near_a_town_is_another_place() -> None:
    assert ends(extract("The troops landed at Fornebu and marched into Oslo.", DAY)) == [
        (["Fornebu"], "Oslo")]


def test_a_town_and_the_airport_named_after_it_stay_one_place() -> None:
    assert ends(extract("The troops landed at Mogadishu airport and drove into Mogadishu.",
                        DAY)) == []


@pytest.mark.parametrize(("text", "dates"), [
    ("Two hundred years ago today the column left the coast. It reached Gap on 5 March.",
     ["1815-03-01", "1815-03-05"]),
    ("A hundred years ago, the brigade marched north. On 3 July it took the town.",
     ["1915", "1915-07-03"]),
    ("It happened 40 years ago.", ["1975"]),
    ("The plaque was unveiled on the eightieth anniversary of the crossing. On 3 July the "
     "column crossed.", ["1935", "1935-07-03"]),
    ("Seventy-five years on, the town remembers the night of 3 July.", ["1940", "1940-07-03"]),
    ("The 75th anniversary fell on 3 May.", ["1940", "1940-05-03"]),
    ("Many years ago the war ended.", []),
])
def test_years_ago_in_a_retrospective_set_the_narrative_s_time(
        text: str, dates: list[str]) -> None:
    found = find_dates(text, date(2015, 3, 1))
    assert [str(d.date) for d in found] == dates


def test_the_year_of_a_retrospective_dates_its_moves() -> None:
    draft = extract("Published: 2015-03-01\n\nTwo hundred years ago today a column of 1,000 men "
                    "landed at Antibes. The column marched from Antibes to Grasse on 2 March.",
                    date(2015, 3, 1))
    assert [str(leg.start) for leg in draft.legs] == ["1815-03-02"]


def test_a_list_of_landing_places_before_an_onward_move_are_its_origins() -> None:
    draft = extract("The regiments landed at Mariel and Casilda and moved to San Cristóbal.", DAY)
    assert ends(draft) == [(["Mariel", "Casilda"], "San Cristóbal")]


def test_a_list_of_landing_places_with_no_onward_move_gives_no_leg() -> None:
    assert ends(extract("The regiments landed at Mariel and Casilda.", DAY)) == []


@pytest.mark.parametrize("text", [
    "The troops sailed from Baltic ports such as Riga and Tallinn to Kiel.",
    "The troops sailed to Kiel from Baltic ports, Riga and Tallinn among them.",
    "The troops sailed to Kiel from Baltic ports including Riga and Tallinn.",
])
def test_towns_given_as_examples_of_a_region_s_ports_are_the_ends(text: str) -> None:
    assert ends(extract(text, DAY)) == [(["Riga", "Tallinn"], "Kiel")]


def test_a_list_of_origins_without_examples_stays_as_it_is() -> None:
    assert ends(extract("Troops were flown from Lyon and Dijon to Metz.", DAY)) == [
        (["Lyon", "Dijon"], "Metz")]


@pytest.mark.parametrize(("text", "far"), [
    ("The battalion was carried to Kiska from Brest in a convoy.", "Kiska"),
    ("The brigade sailed to Pearl Harbor from Brest.", "Pearl Harbor"),
])
def test_a_feature_named_after_the_word_alone_is_found_however_far(text: str, far: str) -> None:
    # round 15: a name found by its slot alone whose reading is a feature named after it and
    # words of its kind only (Kiska Army Airfield) is as sure as an exact name, across an ocean
    draft = extract(text, DAY)
    assert ends(draft) == [(["Brest"], far)]


@pytest.mark.parametrize(("feature", "named_after"), [
    ("Toha Army Airfield", True), ("Toha Naval Air Station", True), ("Toha", True),
    ("Toha Ri North Airport", False), ("North Toha Airfield", False),
])
def test_a_feature_is_named_after_a_word_when_it_adds_only_words_of_its_kind(
        feature: str, named_after: bool) -> None:
    place = Place(id="x", name=feature, lat=0.0, lon=0.0, country="KR", admin1=None,
                  kind=Kind.AIRPORT, population=None, source="test")
    assert _named_after(place, "Toha") is named_after


@pytest.mark.parametrize(("text", "country"), [
    # a district and its seat of one name: the seat, not a bigger namesake abroad
    ("The column left Santarém at dawn and reached Lisbon by noon.", "PT"),
    ("The column left Santarém.", "PT"),
    # a region whose own town is tiny beside the namesake city: the city, as before
    ("The brigade moved from Córdoba to Rosario.", "AR"),
])
def test_a_region_read_as_a_town_is_its_own_town_unless_ten_times_smaller(
        text: str, country: str) -> None:
    assert extract(text, DAY).places[0].place.country == country


@pytest.mark.parametrize(("text", "moves"), [
    # a word for cargo that says what a place is for: the place is still a force's goal
    ("A column moving from Tobruk took the fuel depot at Derna on 3 May.",
     [(["Tobruk"], "Derna")]),
    ("On 3 May the column marched from Sfax and seized the oil town of Gabes.",
     [(["Sfax"], "Gabes")]),
    ("On 3 May the column moved from Mosul to the refugee camp at Dohuk.",
     [(["Mosul"], "Dohuk")]),
    # the same words as what moves: cargo, no force's move
    ("On 3 May fuel was trucked from Sfax to Gabes.", []),
    ("On 3 May refugees streamed from Mosul to Dohuk.", []),
])
def test_a_cargo_word_naming_what_a_place_is_for_is_not_cargo(
        text: str, moves: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == moves


@pytest.mark.parametrize("verb", ["flown in", "brought in", "shipped in", "rushed in"])
def test_a_force_carried_in_from_a_place_goes_where_the_story_is(verb: str) -> None:
    # "in" with no place: to where the last move went
    draft = extract(f"On 2 May marines were landed at Famagusta from Haifa. On 4 May a "
                    f"second battalion was {verb} from Limassol.", DAY)
    assert ends(draft) == [(["Haifa"], "Famagusta"), (["Limassol"], "Famagusta")]


@pytest.mark.parametrize(("clause", "unit"), [
    ("45 Commando has been flown in from Aden", "45 Commando"),
    ("then 16 Air Assault Brigade moved to the airfield", "16 Air Assault Brigade"),
    ("3 Para dropped near the bridge", "3 Para"),
    ("by 3 May 2 Commando had landed", "2 Commando"),  # the date's day is not its number
    ("200 Marines landed at the port", None),  # a strength
])
def test_a_unit_named_by_a_number_without_its_ordinal_is_a_unit(
        clause: str, unit: str | None) -> None:
    from movemap.extract.discourse import named_unit

    found = named_unit(clause)
    assert (found and found.group("u")) == unit


@pytest.mark.parametrize(("text", "moves"), [
    # a small town (under the matcher's 5,000) is a place in a slot that opens the sentence
    ("From Ambleteuse the troops sailed to Dover on 3 May.", [(["Ambleteuse"], "Dover")]),
    ("Towards Ambleteuse the column marched from Calais on 3 May.",
     [(["Calais"], "Ambleteuse")]),
])
def test_a_small_town_after_a_preposition_opening_the_sentence_is_found(
        text: str, moves: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == moves


@pytest.mark.parametrize(("text", "moves"), [
    # an opening participle says where the subject the next clause names got to
    ("Having taken Kandahar in March 1738, the army marched north-east in May and took "
     "Ghazni.", [(["Kandahar"], "Ghazni")]),
    ("After crossing the Rhine at Wesel on 24 March, the 9th Army advanced to Munster.",
     [(["Wesel"], "Munster")]),
    ("Having landed at Salerno on 9 September, the Fifth Army advanced north towards Naples.",
     [(["Salerno"], "Naples")]),
    # a force the clause describes (the division), and a small town the participle takes
    ("After taking Bardia on 5 January, the division pushed on to Tobruk.",
     [(["Bardia"], "Tobruk")]),
    ("Having crossed the Dnieper at Kherson on 3 May, Russian troops advanced towards "
     "Mykolaiv.", [(["Kherson"], "Mykolaiv")]),
])
def test_an_opening_participle_gives_the_next_clause_its_origin(
        text: str, moves: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == moves


def test_a_new_force_after_another_ones_move_still_starts_nowhere_known() -> None:
    # the participle is the clause's own subject's; a sentence before is another force's
    draft = extract("On 3 May Russian troops entered Gori. On 4 May Georgian forces moved to "
                    "Tbilisi.", DAY)
    assert ends(draft) == []


@pytest.mark.parametrize(("text", "moves"), [
    # where the news came from is no end of the move it tells of
    ("Letters from Odessa state that the general embarked at Varna on 4 May and sailed for "
     "Batumi with his army.", [(["Varna"], "Batumi")]),
    ("Reports from Kharkiv say a battalion moved from Izium to Lyman on 3 May.",
     [(["Izium"], "Lyman")]),
    ("News reaching us from Aden tells that on 3 May the column marched to Mukalla.",
     []),
    # a port where a force embarked is where its voyage starts
    ("On 4 May the brigade embarked at Varna and sailed for Batumi.", [(["Varna"], "Batumi")]),
    ("The marines re-embarked at Split on 9 June and sailed for Brindisi.",
     [(["Split"], "Brindisi")]),
])
def test_a_source_of_news_is_no_origin_and_a_port_of_embarkation_is(
        text: str, moves: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == moves


def test_an_old_paper_s_dateline_dates_the_report_not_the_move() -> None:
    # "VARNA, October 14. --": the day the letter was written; the move was on the 4th
    draft = extract("VARNA, October 14. — The brigade embarked at Varna on the 4th and "
                    "sailed for Batumi.", date(1828, 12, 1))
    assert ends(draft) == [(["Varna"], "Batumi")]
    assert draft.legs[0].start.earliest == date(1828, 10, 4)


@pytest.mark.parametrize(("text", "region"), [
    # Kent, the English county, beside Calais and Boulogne: not the city in Washington State
    ("On 2 May boats carried the brigade from Calais and Boulogne to the shore of Kent.", "Kent"),
    ("The barges were to carry the army from Ostend and Harwich to the coast of Norfolk on "
     "2 May.", "Norfolk"),
])
def test_a_region_read_as_a_town_is_no_city_abroad_the_report_never_goes_to(
        text: str, region: str) -> None:
    found = {p.mention: p.place for p in extract(text, DAY).places}
    assert (found[region].country, found[region].kind) == ("GB", Kind.REGION)


@pytest.mark.parametrize(("text", "moves"), [
    # a sentence that opens with where its moves start: each clause's move starts there
    ("From Sfax one column turned inland and took Gafsa, while the main body pushed along "
     "the coast through Mahares towards Gabes.", [(["Sfax"], "Gafsa"), (["Sfax"], "Gabes")]),
    ("From Tobruk the brigade drove west, while a second column advanced to Derna.",
     [(["Tobruk"], "Derna")]),
    # a clause with a start of its own keeps it
    ("From Tobruk one column drove west, while a second advanced from Bardia to Derna.",
     [(["Bardia"], "Derna")]),
    # a sentence that does not open with it: no start for the other clauses
    ("The brigade left Tobruk, while a second column advanced to Derna.", []),
])
def test_a_sentence_opening_with_from_gives_each_of_its_moves_that_start(
        text: str, moves: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == moves


@pytest.mark.parametrize(("text", "moves"), [
    # a force that takes a town went there: from where it was last
    ("The column gathered at Bardia on 2 May. On 4 May it captured Tobruk.",
     [(["Bardia"], "Tobruk")]),
    ("The brigade left Sfax on 2 May. Two days later it took Gabes.", [(["Sfax"], "Gabes")]),
    ("On 3 May the division advanced from Hue and by nightfall had seized Quang Tri.",
     [(["Hue"], "Quang Tri")]),
    ("The column gathered at Bardia on 2 May. On 4 May it took the town of Tobruk.",
     [(["Bardia"], "Tobruk")]),
    # taking part, a thing taking place, prisoners taken at a place: no move there
    ("The talks took place in Geneva on 3 May after the army left Kabul.", []),
    ("The battalion was at Kandahar on 2 May. On 4 May it took part in talks in Doha.", []),
    ("On 3 May the regiment captured 400 prisoners at Gondar.", []),
])
def test_a_town_a_force_takes_is_where_it_went(
        text: str, moves: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == moves


def test_a_state_since_a_month_does_not_take_the_narrative_back_to_it() -> None:
    # a report of June: "held out since November" (the November before), then "collecting
    # since February" and "marched at the end of March" are this year's, not the year before
    text = ("The garrison, which had held out since November, was relieved. The force, "
            "which had been collecting at Quetta since February, marched at the end of March "
            "and reached Kandahar on the 16th of April.")
    found = {text[d.start:d.end]: d.date for d in find_dates(text, date(1842, 6, 3))}
    assert found["since November"].first_day.year == 1841
    assert found["since February"].first_day == date(1842, 2, 1)
    assert found["the end of March"].first_day.year == 1842
    assert found["16th of April."].first_day == date(1842, 4, 16)


@pytest.mark.parametrize(("text", "day"), [
    ("On 9 April the ships landed us at Bodo. They had sailed from Kiel three days earlier.",
     date(2024, 4, 6)),
    ("We reached Bodo on 9 April. The convoy had gathered at Kiel two weeks before.",
     date(2024, 3, 26)),
])
def test_so_many_days_earlier_counts_back_from_the_narrative_s_day(text: str, day: date) -> None:
    found = [d for d in find_dates(text, DAY) if d.kind == "earlier"]
    assert [d.date.first_day for d in found] == [day]


@pytest.mark.parametrize(("text", "strength"), [
    # a year after a month or "in" is no count of the men that follow it
    ("On 9 April 1940 troops sailed from Kiel to Bodo.", None),
    ("In May 1940 1,200 troops sailed from Kiel to Bodo.", 1200),
    ("On 3 May some 1200 troops sailed from Kiel to Bodo.", 1200),
    ("On 3 May 1,940 troops sailed from Kiel to Bodo.", 1940),
    ("On 3 May a force of 1500 troops sailed from Kiel to Bodo.", 1500),
])
def test_a_year_before_the_men_is_no_strength(text: str, strength: int | None) -> None:
    assert [leg.strength for leg in extract(text, DAY).legs] == [strength]


def test_a_past_move_of_a_month_named_without_its_year_is_before_the_report() -> None:
    # a report of December: "left on 2 May" is the May before, and so is "two days later",
    # though May of the next year is nearer to December
    text = "The brigade left Sfax on 2 May. Two days later it took Gabes."
    legs = extract(text, date(2026, 12, 4)).legs
    assert [(leg.origins[0].mention, leg.destination.mention) for leg in legs] == [
        ("Sfax", "Gabes")]
    assert legs[0].start.first_day == date(2026, 5, 2)
    found = {text[d.start:d.end]: d for d in find_dates(text, date(2026, 12, 4))}
    assert not found["Two days later"].year_given  # a step from an inferred year


@pytest.mark.parametrize(("text", "published", "first", "last"), [
    ("24-29 April: the brigade moved from Lyon to Dijon.", date(1941, 10, 1),
     date(1941, 4, 24), date(1941, 4, 29)),
    ("24–29 April 1941: the brigade moved.", date(1941, 10, 1),
     date(1941, 4, 24), date(1941, 4, 29)),
    ("27 August–1 September: the brigade moved.", date(1941, 10, 1),
     date(1941, 8, 27), date(1941, 9, 1)),
    # the year written is the last day's
    ("27 December-3 January 1942: the division held the line.", date(1942, 6, 1),
     date(1941, 12, 27), date(1942, 1, 3)),
])
def test_days_joined_by_a_dash_are_a_span_from_the_first(text: str, published: date,
                                                         first: date, last: date) -> None:
    """A timeline heads its entries with days joined by a dash, no "between" or "from": the
    move is dated from the first day (a leg's start), not the last."""
    spans = [d for d in find_dates(text, published) if d.kind.startswith("span_dash")]
    assert [(d.date.earliest, d.date.latest) for d in spans] == [(first, last)]
    assert spans[0].year_given == ("1941" in text or "1942" in text)


def test_a_dash_span_without_its_year_is_the_last_one_before_publication() -> None:
    """As for "24 April": a move's span without a year is not put after the report."""
    draft = extract("On 24-29 April the army was evacuated from Nauplia to Crete.",
                    date(2000, 1, 1))
    assert [str(leg.start) for leg in draft.legs] == ["1999-04-24"]


def test_a_dash_span_after_by_is_the_span_not_its_last_day() -> None:
    [found] = find_dates("By 24-29 April the brigade had moved.", date(1941, 10, 1))
    assert (found.date.earliest, found.date.latest) == (date(1941, 4, 24), date(1941, 4, 29))


@pytest.mark.parametrize(("text", "day"), [
    ("The court's 5-4 June ruling stood.", date(1941, 6, 4)),
    ("They won 3-1 May 4.", None),
])
def test_dashed_numbers_that_are_no_span_of_days_are_no_span(text: str,
                                                             day: date | None) -> None:
    found = find_dates(text, date(1941, 10, 1))
    assert all(not d.kind.startswith("span_dash") for d in found)
    if day is not None:
        assert [d.date.earliest for d in found] == [day]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("In the spring of 1941 the brigade moved.", date(1941, 3, 1), date(1941, 5, 31)),
    ("In the winter of 1941 the brigade moved.", date(1941, 12, 1), date(1942, 2, 28)),
    ("In late 1941 the brigade moved.", date(1941, 9, 1), date(1941, 12, 31)),
    ("By mid-1944 the brigade had moved.", None, date(1944, 8, 31)),
])
def test_a_season_or_a_part_of_a_year_is_a_span(text: str, first: date | None,
                                                last: date) -> None:
    [found] = find_dates(text, date(1950, 1, 1))
    assert (found.date.earliest, found.date.latest) == (first, last)


def test_a_year_alone_is_no_date_of_a_move() -> None:
    # "in 1927" is a report's background as often as its moves' time
    assert find_dates("The intervention began in 1927.", date(1933, 1, 3)) == []


@pytest.mark.parametrize("text", ["On the night of 3/4 May the brigade moved from Lyon to Dijon.",
                                  "On the night of 3 to 4 May the brigade moved from Lyon to "
                                  "Dijon."])
def test_a_night_of_two_days_starts_on_the_first(text: str) -> None:
    assert [str(leg.start) for leg in extract(text, date(1941, 12, 31)).legs] == ["1941-05-03"]


def test_a_deadline_ahead_of_the_report_stays_ahead() -> None:
    # a move to be done "by 28 February" in a January report is this February's
    draft = extract("The withdrawal of troops from Lyon to Dijon is to be completed by "
                    "28 February.", date(2000, 1, 10))
    assert [str(leg.start) for leg in draft.legs] == ["by 2000-02-28"]


@pytest.mark.parametrize(("text", "published", "start"), [
    ("The brigade, formed in late 1998, moved from Lyon to Dijon on 3 May.",
     date(2000, 6, 15), "2000-05-03"),
    ("The division, mauled in the winter of 1942, moved from Lyon to Dijon on 3 September.",
     date(1944, 12, 1), "1944-09-03"),
])
def test_a_day_wins_over_a_season_in_a_side_phrase(text: str, published: date,
                                                   start: str) -> None:
    assert [str(leg.start) for leg in extract(text, published).legs] == [start]


@pytest.mark.parametrize(("text", "strength"), [
    ("On 3 May a brigade of 2,000 men moved from Lyon to Dijon.", 2000),
    ("On 3 May two thousand troops moved from Lyon to Dijon.", 2000),
    ("On 3 May some thirteen thousand men marched from Lyon to Dijon.", 13000),
])
def test_a_count_of_the_force_beside_a_date_is_its_strength(text: str, strength: int) -> None:
    """A count of 2,000 is no year, and a count in words is read beside a day in digits."""
    assert [leg.strength for leg in extract(text, date(1941, 6, 1)).legs] == [strength]


@pytest.mark.parametrize("text", [
    "According to intelligence sources, 2,000 troops moved from Lyon to Dijon on 3 May.",
    "Intelligence sources said 2,000 troops moved from Lyon to Dijon on 3 May.",
    "Local residents said a column moved from Lyon to Dijon on 3 May.",
])
def test_people_who_report_on_others_make_a_move_reported(text: str) -> None:
    assert [leg.status.value for leg in extract(text, date(1941, 6, 1)).legs] == ["reported"]


def test_residents_a_ministry_speaks_of_are_no_source() -> None:
    draft = extract("The army moved 300 troops from Lyon to Dijon on 3 May to protect residents, "
                    "the ministry said.", date(1941, 6, 1))
    assert [leg.status.value for leg in draft.legs] == ["confirmed"]


def test_here_after_a_verb_of_arrival_is_the_report_s_own_town() -> None:
    draft = extract("DIJON, May 3 (Reuters) - A brigade arrived here today from Lyon.",
                    date(1941, 5, 3))
    assert [([o.place.name for o in leg.origins], leg.destination.place.name)
            for leg in draft.legs] == [(["Lyon"], "Dijon")]


@pytest.mark.parametrize("text", [
    # the dateline's town, not the last one the story named
    "KYIV, May 3 (Reuters) - Russia shelled Kharkiv overnight. A brigade arrived here today "
    "from Lviv.",
    # a move under way (marching, heading, sailing here)
    "KYIV, May 3 - A brigade is marching here from Lviv and is expected tomorrow.",
    "KYIV, May 3 - Two battalions were heading here from Lviv on Friday.",
    # the town, not the country after it in the dateline
    "KYIV, Ukraine, May 3 - A brigade is marching here from Lviv.",
])
def test_here_is_the_dateline_s_town(text: str) -> None:
    draft = extract(text, date(2000, 5, 3))
    assert [leg.destination.place.name for leg in draft.legs] == ["Kyiv"]


@pytest.mark.parametrize("text", [
    "DIJON, May 3 - Students came here to study from Lyon.",
    "LONDON, May 3 - He moved here from Poland in 1990 and opened a shop.",
])
def test_here_in_a_sentence_that_names_no_force_is_no_end(text: str) -> None:
    assert extract(text, date(2000, 5, 3)).legs == ()


def test_here_without_a_verb_of_arrival_is_no_place() -> None:
    draft = extract("DIJON, May 3 (Reuters) - Officials here said the brigade left Lyon.",
                    date(1941, 5, 3))
    assert all(p.mention != "here" for p in draft.places)


@pytest.mark.parametrize(("text", "name"), [
    ("Abrams tanks and Bradley vehicles moved up to Kupiansk on 3 May.", "Bradley"),
    ("The battery fired Tomahawk missiles at Sirte on 3 May.", "Tomahawk"),
    ("The Bismarck was sunk on 27 May after leaving Bergen.", "Bismarck"),
])
def test_a_weapon_or_a_ship_named_like_a_town_is_no_place(text: str, name: str) -> None:
    assert name not in {p.mention for p in extract(text, date(2000, 1, 1)).places}
