"""Names a report in another language gives in the slot of a move (aus X, nach X, vers X,
desde X, em X), which the gazetteer knows only by another spelling (Masar-i-Scharif for
Mazar-i-Sharif): read as places like the slot names of an English report, a large city in a
country the report names wherever it lies (in another language only: in English, a
statesman's name sounds like a city, Karzai like Karachi); not the particles of people's
names (von Kluck, de Liniers)."""

from __future__ import annotations

from datetime import date

from movemap.extract import extract


def places(text: str) -> dict[str, str]:
    return {p.mention: p.place.country or "" for p in extract(text, date(2021, 6, 30)).places}


def test_a_german_slot_name_in_another_spelling_is_found() -> None:
    text = ("Berlin, 30. Juni 2021. Die letzten deutschen Soldaten haben Afghanistan verlassen. "
            "Transportflugzeuge brachten sie aus Masar-i-Scharif nach Tiflis in Georgien.")
    found = places(text)
    assert found.get("Masar-i-Scharif") == "AF"


def test_a_preposition_after_a_german_article_opens_a_place_s_slot() -> None:
    text = ("Berlin, 30. Juni 2021. Die Bundeswehr hatte 2013 das Feldlager in Kundus an die "
            "afghanische Armee übergeben und die Kontingente nach Masar-i-Scharif verlegt.")
    assert places(text).get("Kundus") == "AF"


def test_the_particles_of_people_s_names_open_no_slot() -> None:
    text = ("Berlin, 30. August 1914. Die Armee unter dem Befehl von Kluck marschierte nach "
            "Metz.")
    assert "Kluck" not in places(text)
    text = ("Buenos Aires, 12 de agosto de 1806. Las tropas de Liniers marcharon desde "
            "Colonia hacia Buenos Aires.")
    assert "Liniers" not in places(text)


def test_a_dutch_and_is_no_arabic_particle() -> None:
    # "Moerdijk en Dordrecht": en is "and" in Dutch, not the article of Ras en Naqb
    text = ("Den Haag, 10 mei 1940. In de vroege ochtend verschenen honderden Duitse "
            "transportvliegtuigen. Ze waren opgestegen van vliegvelden in Duitsland. "
            "Parachutisten sprongen bij de bruggen van Moerdijk en Dordrecht.")
    found = places(text)
    assert found.get("Moerdijk") == "NL" and found.get("Dordrecht") == "NL"


def test_an_english_report_keeps_the_arabic_particle() -> None:
    text = "The brigade moved from Tobruk to Bir el Gubi on 19 November 1941."
    assert "Gubi" not in places(text)


def test_dutch_van_after_a_noun_of_place_is_of_not_from() -> None:
    text = ("Den Haag, 10 mei 1940. Ze waren opgestegen van vliegvelden in Duitsland. "
            "Parachutisten sprongen bij de bruggen van Moerdijk en Dordrecht; "
            "luchtlandingstroepen landden op het vliegveld Ypenburg.")
    legs = extract(text, date(2010, 5, 10)).legs
    assert all(o.mention not in ("Moerdijk", "Dordrecht") for leg in legs for o in leg.origins)


def test_a_german_noun_in_a_slot_is_no_far_feature_or_village() -> None:
    text = ("Berlin, 3. März 2022. Die in Kraft getretene Waffenruhe hielt. Die Truppen zogen "
            "aus Köln nach Bonn. Die Einheit bei Regensburg blieb vor Ort.")
    found = places(text)
    assert "Kraft" not in found and "Ort" not in found
