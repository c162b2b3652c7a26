"""One ambiguity test for the library and the commands (``movemap.gazetteer.ambiguity``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.gazetteer import Gazetteer, Kind
from movemap.gazetteer.ambiguity import AMBIGUITY_MARGIN, SIZE_RATIO
from movemap.refs import ambiguous


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize("name", ["Madrid", "Amsterdam", "Lisbon", "Leeds", "Louisville"])
def test_a_large_city_that_far_outsizes_its_namesakes_is_not_ambiguous_alone(
        gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.resolve(name)
    best, second = found.candidates[:2]
    # the runner-up is close in score (size is all that parts them) yet far smaller
    assert best.score - second.score < AMBIGUITY_MARGIN
    assert (best.place.population or 0) >= SIZE_RATIO * (second.place.population or 0)
    assert not found.ambiguous and not ambiguous(found)
    assert found.confident and found.flags == ()


@pytest.mark.parametrize("name", ["Springfield", "Portsmouth", "Hamilton"])
def test_namesakes_of_comparable_size_leave_a_bare_name_ambiguous(
        gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.resolve(name)
    assert found.ambiguous and ambiguous(found)
    assert not found.confident
    rival = found.rival
    assert rival is not None and rival.place.country
    assert any(flag.startswith("ambiguous (as likely") for flag in found.flags)


def test_when_the_text_speaks_for_the_smaller_namesake_size_does_not_settle_it(
        gazetteer: Gazetteer) -> None:
    # alone the Irish capital; among towns of Georgia (US), the town there
    assert gazetteer.resolve("Dublin").place.country == "IE"
    among = gazetteer.resolve_all(["Dublin", "Macon", "Savannah", "Tifton"])[0]
    assert among.place.country == "US" and among.place.admin1 == "Georgia"
    assert gazetteer.resolve("Madrid").place.country == "ES"
    among = gazetteer.resolve_all(["Madrid", "Facatativá", "Mosquera", "Funza"])[0]
    assert among.place.country == "CO" or not among.confident


def test_an_area_that_holds_the_winner_is_no_rival(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Vinnytsia")
    best, second = found.candidates[:2]
    assert best.place.kind is Kind.CITY and second.place.kind is Kind.REGION
    assert best.score - second.score < AMBIGUITY_MARGIN  # close, but it is the same place
    assert not found.ambiguous


def test_a_name_not_found_is_not_ambiguous(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Xqzzyvtl")
    assert not found.found
    assert not found.ambiguous and not found.confident and found.flags == ()


@pytest.mark.parametrize("name", ["Springfield", "Madrid", "Vinnytsia", "the Kursk"])
def test_one_name_alone_in_the_library_and_in_a_batch_says_the_same(
        gazetteer: Gazetteer, name: str) -> None:
    alone = gazetteer.resolve(name)
    batch = gazetteer.resolve_all([name])[0]
    assert alone.place.id == batch.place.id
    assert alone.ambiguous == batch.ambiguous == ambiguous(alone)
    assert alone.flags == batch.flags
    assert alone.confident == batch.confident


def test_the_resolve_command_reports_what_the_library_says() -> None:
    runner = CliRunner()
    records = []
    for name in ("Springfield", "Madrid"):
        result = runner.invoke(cli, ["resolve", name, "--format", "json"])
        assert result.exit_code == 0, result.output
        records += json.loads(result.output)
    springfield, madrid = records
    assert springfield["ambiguous"] is True and springfield["confident"] is False
    assert "ambiguous: as likely Springfield" in springfield["reading"]
    assert madrid["ambiguous"] is False and madrid["confident"] is True
    table = runner.invoke(cli, ["resolve", "Springfield"])
    assert "ambiguous: as likely Springfield" in table.output


def test_a_country_by_its_name_is_not_in_doubt_over_a_town_listing_it_as_another_name(
        gazetteer: Gazetteer) -> None:
    # Arāk (Iran) lists "Iraq" among its other names; it trails the country far behind
    found = gazetteer.resolve_all(["Iraq", "Shiraz", "Isfahan", "Qom", "Kermanshah"])[0]
    assert found.place.kind is Kind.COUNTRY and found.place.country == "IQ"
    assert found.best.doubt is None and found.confident


@pytest.mark.parametrize("names", [["Lebanon", "Harrisburg", "Lancaster", "Hershey", "Reading"],
                                   ["Jordan", "Minneapolis", "Shakopee", "Mankato", "Chaska"]])
def test_a_country_with_a_namesake_town_of_that_very_name_among_the_others_stays_in_doubt(
        gazetteer: Gazetteer, names: list[str]) -> None:
    found = gazetteer.resolve_all(names)[0]
    assert found.place.country == "US" or not found.confident


def test_the_plain_resolve_function_warns_of_what_the_commands_would_flag(
        caplog: pytest.LogCaptureFixture) -> None:
    from movemap.gazetteer import resolve

    with caplog.at_level("WARNING", logger="movemap.gazetteer.gazetteer"):
        assert resolve("Madrid").country == "ES"
        assert not caplog.records
        assert resolve("Springfield").country == "US"
    (record,) = caplog.records
    assert "'Springfield'" in record.getMessage()
    assert "ambiguous (as likely Springfield" in record.getMessage()


def test_a_much_larger_region_abroad_by_its_bare_name_is_a_rival_of_a_town(
        gazetteer: Gazetteer) -> None:
    # "Amur" alone: Āmūr, a town of 64,000 in India, or Amur Oblast (668,000), named for the
    # river; it had been the Indian town, confidently
    found = gazetteer.resolve("Amur")
    assert found.ambiguous and not found.confident
    assert found.rival is not None and found.rival.place.name == "Amur Oblast"
    # among the towns of the Russian Far East it is the oblast
    among = gazetteer.resolve_all(["Amur", "Khabarovsk", "Blagoveshchensk"])[0]
    assert among.place.name == "Amur Oblast" and not among.ambiguous
