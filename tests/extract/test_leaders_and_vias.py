"""Two rules decided in round 15 (issue 17), each tested both ways with sentences of our own
(no evaluation report's sentences or names):

- a ruler as the subject of a verb of command (marched, advanced, invaded, led) or moving "at
  the head of" his men stands for his force; a ruler who flies, sails or flees moves alone,
  unless troops go with him;
- "passed through A" in the clause that names the destination B is a via of the leg to B,
  not a stage; a clause whose move ends at A keeps A as the destination;
- a town that "fell to" a force (Hama falls to the rebels) is where the force arrived, and so
  is a town taken in the passive by a force (Sokoto was occupied by a column);
- a force that "came up before" or "arrived before" a town went to it (a siege's approach).
"""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract
from tests.extract.legs import ends

DAY = date(1900, 6, 1)



@pytest.mark.parametrize(("text", "expected"), [
    ("The emperor marched from Lyon to Dijon.", [(["Lyon"], "Dijon")]),
    ("King Olaf himself marched from Lyon to Dijon.", [(["Lyon"], "Dijon")]),
    ("The king led his men from Lyon across the river to Dijon.", [(["Lyon"], "Dijon")]),
    ("The sultan advanced from Kairouan to Tunis.", [(["Kairouan"], "Tunis")]),
    ("The sultan entered Tunis at the head of his guard, coming from Kairouan.",
     [(["Kairouan"], "Tunis")]),
    ("The president flew from Toulouse to Lille with 200 marines.", [(["Toulouse"], "Lille")]),
])
def test_a_ruler_who_marches_or_leads_stands_for_his_force(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


@pytest.mark.parametrize("text", [
    "The president flew from Toulouse to Lille.",
    "The king fled from Lyon to Dijon.",
    "The queen sailed from Marseille to Algiers.",
    "The emperor marched the prisoners from Lyon to Dijon.",
    "Talks in Lyon led to an agreement signed in Dijon.",
    "Re-enactors have retraced King Olaf's march from Lyon, arriving in Dijon after weeks on "
    "the road.",
    # a ceremony, a visit or talks: the ruler goes as a person, whatever the verb
    "The king marched in the parade from Lyon to Dijon.",
    "The queen swept into Dijon from Lyon for the opening of the new bridge.",
    "The emperor retreated to his summer palace at Dijon from Lyon.",
    # a president or a premier travels; "withdrew" or "advanced" does not make him an army
    "The president withdrew from Toulouse to Lille as the talks collapsed.",
    "The premier advanced from Toulouse to Lille on his campaign tour.",
    # "led" moves a force only: not a procession, a delegation, investigators, a career
    "The king led the funeral procession from Lyon to Dijon.",
    "The minister led a delegation from Toulouse to Lille.",
    "The trail led the investigators from Toulouse to Lille.",
    "Her campaign led her from Toulouse to Lille in a week.",
    # a leader gone into exile or asylum, named without a title
    "Jean Valmont left Toulouse for exile in Lille on 11 August.",
    "Jean Valmont fled from Toulouse to Lille and sought asylum there.",
])
def test_a_ruler_who_travels_alone_or_moves_others_is_no_force(text: str) -> None:
    assert ends(extract(text, DAY)) == []


def test_leading_an_army_out_of_a_town_is_a_move() -> None:
    draft = extract("In May the general led some 3,000 men out of Lyon towards Dijon.", DAY)
    assert ends(draft) == [(["Lyon"], "Dijon")]
    assert draft.legs[0].strength == 3000


@pytest.mark.parametrize("text", [
    "The column left Nice at night, passed through Cannes without stopping and reached "
    "Toulon the next morning.",
    "The brigade marched from Nice, passing through Cannes, to Toulon.",
])
def test_a_town_passed_through_on_the_way_to_a_destination_is_a_via(text: str) -> None:
    draft = extract(text, DAY)
    assert ends(draft) == [(["Nice"], "Toulon")]
    assert any(cue.startswith("via (pass") and cue.endswith(": Cannes")
               for cue in draft.legs[0].cues)


def test_a_move_that_ends_where_it_passed_through_keeps_that_end() -> None:
    draft = extract("The regiment marched from Nice and passed through Cannes.", DAY)
    assert ends(draft) == [(["Nice"], "Cannes")]


def test_a_stage_before_the_town_passed_through_starts_the_next_leg() -> None:
    draft = extract("The regiment reached Nice, passed through Cannes and then entered Toulon.",
                    DAY)
    assert ends(draft)[-1] == (["Nice"], "Toulon")
    assert draft.legs[-1].rule == "chain"


@pytest.mark.parametrize(("text", "expected"), [
    ("After a week of fighting, Lyon falls to the rebels who pushed north from Avignon.",
     [(["Avignon"], "Lyon")]),
    ("The column left Nice on 3 May. Toulon fell to them on 14 May.", [(["Nice"], "Toulon")]),
])
def test_a_town_that_fell_to_a_force_is_where_the_force_arrived(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Dijon was occupied on 15 May by a column under Dupont. The column had marched north "
     "from Lyon.", [(["Lyon"], "Dijon")]),
    ("On 3 May Dijon was taken by a force of dragoons that had left Lyon on 29 April.",
     [(["Lyon"], "Dijon")]),
])
def test_a_town_taken_in_the_passive_by_a_force_is_where_the_force_arrived(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


@pytest.mark.parametrize("text", [
    # taken by no force: a resolution, a photograph
    "A resolution was taken in Lyon by the council after the brigade left Dijon.",
    "Dijon was captured on film by a reporter from Lyon.",
])
def test_things_taken_by_no_force_are_no_arrival(text: str) -> None:
    assert all(d != "Dijon" or o != ["Lyon"] for o, d in ends(extract(text, DAY)))


@pytest.mark.parametrize("text", [
    # "by" a feeling or a manner, a force named only in the next clause
    "Dijon was seized by panic as the troops advanced from Lyon.",
    "Dijon was taken by surprise when the army left Lyon.",
])
def test_a_force_in_another_clause_is_no_agent_of_the_taking(text: str) -> None:
    assert all(d != "Dijon" or o != ["Lyon"] for o, d in ends(extract(text, DAY)))


@pytest.mark.parametrize(("text", "expected"), [
    ("The army marched from Balaklava and arrived before Sevastopol on 25 September.",
     [(["Balaklava"], "Sevastopol")]),
    ("The troops landed at Lungkow on 2 September and came up before Tsingtao on the 26th.",
     [(["Lungkow"], "Tsingtao")]),
])
def test_a_force_that_came_up_before_a_town_went_to_it(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


@pytest.mark.parametrize("text", [
    # "before" that opens a clause, or a court a case comes before
    "The brigade marched from Lyon. It arrived before Dijon fell to the rebels.",
    "The regiment left Lyon on 7 July and arrived before Dijon was retaken.",
    "The case came up before Dijon magistrates after the regiment returned from Lyon.",
])
def test_before_a_clause_or_a_court_is_no_destination(text: str) -> None:
    assert all(d != "Dijon" for _, d in ends(extract(text, DAY)))


@pytest.mark.parametrize("text", [
    "Rain fell to the north of Lyon as the brigade rested in Dijon.",
    "Grain prices in Lyon fell to a low as the brigade left.",
])
def test_other_things_that_fall_to_something_are_no_move(text: str) -> None:
    assert ends(extract(text, DAY)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # the last move's destination, though that move is still to come
    ("The battalion will be flown from Nantes to Lyon. From there the men will be taken by "
     "road to Grenoble.", [(["Nantes"], "Lyon"), (["Lyon"], "Grenoble")]),
    # the place named before "that place" in the clause
    ("The general's force, which had been collecting at Lyon since February, marched from "
     "that place at the end of March and reached Dijon on the 16th.", [(["Lyon"], "Dijon")]),
])
def test_from_there_starts_where_the_report_last_put_the_force(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


def test_from_there_without_a_place_before_it_is_no_origin() -> None:
    assert ends(extract("From there the men will be taken by road to Grenoble.", DAY)) == []


def test_taken_by_road_to_a_town_is_a_move_and_a_town_taken_is_not() -> None:
    assert ends(extract("The brigade landed at Toulon. The men were then taken by road to "
                        "Lyon.", DAY))[-1] == (["Toulon"], "Lyon")
    assert ends(extract("Lyon was taken by the rebels on 3 May.", DAY)) == []


def test_a_commander_referred_back_to_by_he_moves_his_force_on() -> None:
    draft = extract("General Smith marched from Lyon to Dijon on 3 May. A week later he marched "
                    "on to Besancon.", DAY)
    assert ends(draft) == [(["Lyon"], "Dijon"), (["Dijon"], "Besancon")]


@pytest.mark.parametrize("text", [
    "The president flew from Nantes to Lyon. A week later he flew on to Dijon.",
    "General Smith marched from Lyon to Dijon on 3 May. He was back in Lyon a week later.",
])
def test_he_who_travels_or_is_somewhere_moves_no_force(text: str) -> None:
    assert ends(extract(text, DAY))[1:] == []


def test_a_day_given_with_the_arrival_and_the_days_the_move_took_date_its_start() -> None:
    leg = extract("The brigade reached Dijon on 7 May, having marched from Lyon in four days.",
                  DAY).legs[0]
    assert (str(leg.start), str(leg.end)) == ("1900-05-03", "1900-05-07")


def test_a_day_given_before_the_move_is_its_start_whatever_it_took() -> None:
    leg = extract("On 3 May the brigade marched from Lyon to Dijon in four days.", DAY).legs[0]
    assert (str(leg.start), leg.end) == ("1900-05-03", None)


@pytest.mark.parametrize("text", [
    "The matter was taken to Lyon by the lawyers from Dijon.",
    "The dispute was taken from Toulouse to the court in Lille.",
    "The delegates gathered at Lyon and from there travelled to Dijon for the summit.",
])
def test_a_matter_or_delegates_taken_or_travelling_are_no_force(text: str) -> None:
    """Things argued are taken to a town, and delegates travel, without a force moving."""
    assert ends(extract(text, DAY)) == []


@pytest.mark.parametrize("text", [
    "During May the detachments in the north were drawn back from Lyon and Dijon to Paris.",
    "On 3 May the garrison drew back from Lyon to Paris.",
    "The rebels drew off from Lyon towards Paris on 3 May.",
])
def test_a_force_drawn_back_withdraws(text: str) -> None:
    assert [d for _, d in ends(extract(text, DAY))] == ["Paris"]


@pytest.mark.parametrize("verb", [
    "galloped", "was despatched", "was conveyed", "decamped", "retired", "sortied",
    "sallied out", "wheeled", "countermarched", "was recalled", "hastened", "doubled back",
    "shuttled", "exfiltrated", "leapfrogged", "skied", "sledged", "escorted the convoy",
])
def test_more_verbs_of_a_force_s_move(verb: str) -> None:
    assert ends(extract(f"On 3 May the brigade {verb} from Lyon to Dijon.", DAY)) == [
        (["Lyon"], "Dijon")]


@pytest.mark.parametrize("text", [
    "The ministry diverted funds from Lyon to Dijon on 3 May.",
    "Water trickled from Lyon to Dijon.",
    "A retired general from Lyon said on 3 May that Dijon was calm.",
])
def test_words_of_money_water_and_retired_people_are_no_move(text: str) -> None:
    assert ends(extract(text, DAY)) == []


@pytest.mark.parametrize("text", [
    "On 3 May the brigade moved from Lyon in the direction of Dijon.",
    "On 3 May the brigade quit Lyon for Dijon.",
    "On 3 May the brigade boarded trains at Lyon for Dijon.",
])
def test_more_shapes_of_a_move_s_ends(text: str) -> None:
    assert ends(extract(text, DAY)) == [(["Lyon"], "Dijon")]


@pytest.mark.parametrize("text", [
    "He quit Lyon for Dijon in 1998 to study law.",
    "He drew back from Lyon to Dijon after the scandal.",
    "Protesters were escorted by police from Lyon to Dijon.",
    "The crowd wheeled from Lyon to Dijon.",
    "After the war he retired from Lyon to his estate in Dijon.",
])
def test_verbs_said_of_people_as_often_move_a_force_only(text: str) -> None:
    assert ends(extract(text, DAY)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a force named with where it is
    ("On 3 May the brigade in Lyon moved to Dijon.", [(["Lyon"], "Dijon")]),
    ("On 3 May the fleet at Lyon sailed for Dijon.", [(["Lyon"], "Dijon")]),
    # reinforcing or relieving a town is going there
    ("On 3 May troops were sent from Lyon to reinforce Dijon.", [(["Lyon"], "Dijon")]),
    ("On 3 May two battalions left Lyon to reinforce the garrison of Dijon.",
     [(["Lyon"], "Dijon")]),
    ("On 3 May a column marched from Lyon to relieve the garrison of Dijon.",
     [(["Lyon"], "Dijon")]),
    ("On 3 May Dijon was reinforced by troops from Lyon.", [(["Lyon"], "Dijon")]),
    ("On 3 May 2,000 troops from Lyon reinforced Dijon.", [(["Lyon"], "Dijon")]),
    # not a view or a material
    ("The report from Lyon reinforced the view in Dijon.", []),
])
def test_a_force_where_it_is_and_a_town_reinforced(
        text: str, expected: list[tuple[list[str], str]]) -> None:
    assert ends(extract(text, DAY)) == expected


def test_a_town_s_garrison_named_with_its_name_starts_there() -> None:
    assert ends(extract("On 3 May the Lyon garrison marched to Dijon.", DAY)) == [
        (["Lyon"], "Dijon")]
    # a move that names its own origin keeps it
    assert ends(extract("On 3 May the Lyon garrison marched from Macon to Dijon.", DAY)) == [
        (["Macon"], "Dijon")]
