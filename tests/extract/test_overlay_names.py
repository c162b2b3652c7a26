"""Names the extractor reads beyond the cached matcher of the reference index (issue 17):

- the places of a user's overlay (``movemap extract --gazetteer FILE``): before, the overlay
  reached the resolver but never the name matcher, so its places were never found in text;
- a name that is a possessive followed by capitalised words (Rorke's Drift, St Mary's Wharf):
  the matcher reads the apostrophe as a space while the index keys drop it, and a possessive
  alone (Cuba's) is read as the word before it.

The overlay's places are an analyst's own code names at real coordinates, which no
reference source has, so the tests hold whatever the shipped gazetteer gains.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from movemap import Gazetteer
from movemap.extract import extract
from tests.extract.legs import ends

DAY = date(2011, 6, 20)

OVERLAY = """id,name,alt_names,lat,lon,country,admin1,kind,population,note
user:camp-harrier,Camp Harrier,Harrier Camp,31.5060,65.8480,AF,,site,,an analyst's code name
user:osprey-ford,Osprey's Ford,Ospreys Ford,31.6200,65.7000,AF,,crossing,,an analyst's code name
"""


@pytest.fixture(scope="module")
def with_overlay(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("overlay") / "mine.csv"
    path.write_text(OVERLAY, encoding="utf-8")
    return Gazetteer([path])



def test_places_of_the_users_overlay_are_found_in_text(with_overlay: Gazetteer) -> None:
    # both ends are the overlay's: no town of the reference data vouches for them
    text = "On 4 June the company moved from Camp Harrier to Osprey's Ford."
    assert ends(extract(text, DAY)) == []  # the shipped gazetteer has no such places
    draft = extract(text, DAY, with_overlay)
    assert ends(draft) == [(["Camp Harrier"], "Osprey's Ford")]
    harrier = next(p for p in draft.places if p.mention == "Camp Harrier")
    assert (round(harrier.place.lat, 2), round(harrier.place.lon, 2)) == (31.51, 65.85)


def test_an_overlay_name_is_found_outside_the_slots_of_a_move(with_overlay: Gazetteer) -> None:
    text = "Camp Harrier and Osprey's Ford were quiet on 5 June."
    assert [p.mention for p in extract(text, DAY, with_overlay).places] == [
        "Camp Harrier", "Osprey's Ford"]


def test_a_possessive_alone_is_still_no_name(with_overlay: Gazetteer) -> None:
    # "Osprey's" names no place; the words after it are not a name of the overlay
    text = "On 6 June the platoon moved from Kandahar to Osprey's Camp."
    assert "Osprey's Camp" not in [p.mention for p in extract(text, DAY, with_overlay).places]
