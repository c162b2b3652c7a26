"""Groups of islands by the plural reports give them: "the Kurils", "the Aleutians", "the
Shetlands" (``sources.add_island_group_plurals``); not when the plural is a common word or
a people (the Virgins, the Hawaiians)."""

from __future__ import annotations

import pytest

from movemap.gazetteer import Gazetteer, Kind
from movemap.gazetteer.sources import Entry, add_island_group_plurals


@pytest.mark.parametrize(("plural", "group"), [
    ("Kurils", "Kuril Islands"), ("the Aleutians", "Aleutian Islands"),
    ("Shetlands", "Shetland Islands"), ("Orkneys", "Orkney Islands"),
    ("Andamans", "Andaman Islands"), ("the Carolines", "Caroline Islands"),
    ("Spratlys", "Spratly Islands"), ("Paracels", "Paracel Islands"),
    ("Balearics", "Balearic Islands"), ("Marquesas", "Marquesas Islands"),
])
def test_an_island_group_by_its_plural(gazetteer: Gazetteer, plural: str, group: str) -> None:
    found = gazetteer.resolve(plural)
    assert found.found and found.place.name == group, found.best.why() if found.found else ""


def _entry(name: str, kind: Kind = Kind.ISLAND, demonyms: tuple[str, ...] = ()) -> Entry:
    entry = Entry(id=f"test:{name}", name=name, lat=0.0, lon=0.0, country=None, admin1=None,
                  kind=kind, population=None, source="test")
    entry.demonyms.extend(demonyms)
    return entry


def test_the_plural_is_added_only_where_it_names_the_islands() -> None:
    entries = {e.id: e for e in (
        _entry("Kuril Islands"), _entry("Virgin Islands"), _entry("Hawaiian Islands"),
        _entry("Cocos Islands"), _entry("Burnt Islands", Kind.CITY),
        _entry("Tonga Islands"), _entry("Tonga", Kind.COUNTRY, demonyms=("Tongas",)),
    )}
    add_island_group_plurals(entries)
    added = {e.name: e.alt_names for e in entries.values()}
    assert added["Kuril Islands"] == ["Kurils", "the Kurils"]
    assert added["Cocos Islands"] == ["Cocos", "the Cocos"]  # a plural already
    # a common word, a people, a town, a people's word of an area: nothing
    assert added["Virgin Islands"] == added["Hawaiian Islands"] == []
    assert added["Burnt Islands"] == added["Tonga Islands"] == []


def test_a_town_that_bears_the_plural_keeps_it(gazetteer: Gazetteer) -> None:
    # Solomons in Maryland, beside Baltimore and Annapolis; Somers in New York
    found = gazetteer.resolve_all(["Baltimore", "Solomons", "Annapolis"])[1]
    assert found.place.country == "US", found.best.why()
    for word in ("Commanders", "Campbells", "Pitcairns", "Sunsets", "Antipodes"):
        found = gazetteer.resolve(word)
        assert not found.found or found.place.kind is not Kind.ISLAND, word
