"""A name the resolver puts far from the report's other places is a place only where the
report names it in the slot of one (report._unplaced_strays)."""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import extract

_ANZIO = ("The corps under Major General John P. Lucas came ashore at Anzio and Nettuno on 22 "
          "January, and by evening its patrols were on the road to Aprilia and Cisterna. Lucas "
          "chose to dig in rather than drive on to the Alban Hills.")
_RELIEF = ("The relief column left Camp Perry and marched on Dayton and Springfield, where "
           "Colonel Matthews halted it. Two transports from Greenock and Aldershot reached "
           "Springfield a week later.")


def _mentions(text: str, published: date) -> set[str]:
    return {p.mention for p in extract(text, published).places}


_CRUSADE = ("The crusaders under Godfrey of Bouillon and Raymond of Toulouse marched from Ramla "
            "to Jerusalem in June 1099.")


@pytest.mark.parametrize(("text", "person", "place"), [
    (_ANZIO, "Lucas", "Anzio"), (_CRUSADE, "Godfrey", "Jerusalem")])
def test_a_person_who_shares_a_far_town_s_name_is_no_place(text: str, person: str,
                                                          place: str) -> None:
    found = _mentions(text, date(1944, 2, 1))
    assert person not in found
    assert place in found  # the report's own places stay


def test_a_far_place_named_where_a_move_starts_stays_and_so_does_the_next_of_its_list(
) -> None:
    draft = extract(_RELIEF, date(1930, 2, 1))
    assert {"Greenock", "Aldershot"} <= {p.mention for p in draft.places}
    assert any(leg.destination.mention == "Springfield"
               and "Aldershot" in {o.mention for o in leg.origins} for leg in draft.legs)


def test_a_far_town_heading_a_wire_s_dateline_stays() -> None:
    text = ("TOULON, August 17. -- The first division of the expedition for the Morea put to "
            "sea this morning for Navarino, with Modon and Coron to follow.")
    assert "TOULON" in _mentions(text, date(1828, 8, 30))


def test_de_before_a_name_in_an_english_report_is_a_particle_not_a_slot() -> None:
    english = ("The fleet of de Grasse came in from the sea, and the troops at Williamsburg "
               "and Yorktown were joined by those from Annapolis.")
    assert "Grasse" not in _mentions(english, date(1781, 10, 1))


@pytest.mark.parametrize(("text", "word"), [
    ("Luzern, 24. November. Die Truppen sind in Luzern eingerückt. Wie es im Hauptquartier "
     "heisst, sollen morgen Truppen von hier nach Schwyz aufbrechen.", "Wie"),
    ("Lisboa, 25 de abril. As tropas entraram em Lisboa. Como se esperava, a coluna seguiu "
     "depois para Santarém.", "Como"),
])
def test_a_function_word_opening_a_foreign_sentence_is_no_place(text: str, word: str) -> None:
    assert word not in _mentions(text, date(1847, 11, 26))


@pytest.mark.parametrize(("text", "place"), [
    # the subject of a verb of sending
    ("Grafenwöhr sent a battalion of Abrams tanks to Pabradė in Lithuania last week.",
     "Grafenwöhr"),
    # a dateline in mixed case, with its country
    ("Grafenwöhr, Germany — Soldiers of the 2nd Cavalry Regiment arrived in Tapa, Rukla and "
     "Ādaži on Monday.", "Grafenwöhr"),
])
def test_a_far_place_that_sends_a_force_or_heads_a_dateline_stays(text: str, place: str
                                                                   ) -> None:
    assert place in _mentions(text, date(2024, 6, 25))


def test_a_far_origin_that_sends_a_force_keeps_its_leg() -> None:
    draft = extract("Grafenwöhr sent a battalion of Abrams tanks to Pabradė in Lithuania last "
                    "week.", date(2024, 6, 25))
    assert [(o.mention, leg.destination.mention) for leg in draft.legs
            for o in leg.origins] == [("Grafenwöhr", "Pabradė")]
