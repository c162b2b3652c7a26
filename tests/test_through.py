"""``through:`` in dataset files: transit countries per dataset and per leg, read, checked,
written in every format and passed to routing (the Kaliningrad rail transit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from movemap.errors import CountryCodeError, DatasetError
from movemap.gazetteer import Gazetteer
from movemap.io import write_dataset
from movemap.located import locate
from movemap.model import Dataset
from movemap.schema import json_schema
from movemap.validate import read_dataset

KALININGRAD = """\
movemap: 1
name: kaliningrad-transit
{top}units:
  - id: brigade
    name: 11th Guards Motor Rifle Brigade
legs:
  - id: by-rail
    unit: brigade
    from: Moscow
    to: Kaliningrad
    mode: rail
    start: 2024-03-01
{leg}"""


def write(tmp_path: Path, top: str = "", leg: str = "") -> Path:
    path = tmp_path / "transit.yaml"
    path.write_text(KALININGRAD.format(top=top, leg=leg), encoding="utf-8")
    return path


def test_through_per_leg_and_per_dataset_is_read(tmp_path: Path) -> None:
    dataset = read_dataset(write(tmp_path, top="through: [by]\n", leg="    through: [LT, BY]\n"))
    assert dataset.through == ("BY",)
    assert dataset.legs[0].through == ("LT", "BY")
    one = read_dataset(write(tmp_path, leg="    through: LT\n"))
    assert one.legs[0].through == ("LT",)


@pytest.mark.parametrize(("line", "expected"), [
    ("    through: [BLR, LT]\n", "'BLR' is not an ISO 3166-1 alpha-2 country code; did you "
                                 "mean 'BY'?"),
    ("    through: [Lithuania]\n", "did you mean 'LT'?"),
    ("    through: [UK]\n", "did you mean 'GB'?"),
    ("    through: [ZZ]\n", "'ZZ' is not an ISO 3166-1 alpha-2 country code"),
    ("    through: [NO]\n", 'put it in quotes: "NO"'),
    ("    through: {BY: 1}\n", "through must be a list of country codes like [BY, LT]"),
])
def test_a_bad_through_names_file_line_and_field(tmp_path: Path, line: str,
                                                 expected: str) -> None:
    path = write(tmp_path, leg=line)
    with pytest.raises(DatasetError) as caught:
        read_dataset(path)
    text = str(caught.value)
    assert f"{path}:13:" in text and "leg 'by-rail'" in text and "through" in text
    assert expected in text


def test_a_bad_dataset_through_is_found_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, top="through: [BYE]\n")
    with pytest.raises(DatasetError, match=r"transit.yaml:3:.*through 'BYE'"):
        read_dataset(path)


def test_through_survives_every_format(tmp_path: Path, gazetteer: Gazetteer) -> None:
    dataset = read_dataset(write(tmp_path, top="through: [BY]\n", leg="    through: [LT]\n"))
    located = locate(dataset, gazetteer)
    for suffix in ("yaml", "geojson", "gpkg"):
        again = read_dataset(write_dataset(located, tmp_path / f"again.{suffix}"))
        assert again.through == ("BY",), suffix
        assert again.legs == dataset.legs, suffix
    legs_only = read_dataset(write_dataset(dataset, tmp_path / "legs.csv"))
    assert legs_only.legs[0].through == ("LT",)
    assert "BY|LT" not in (tmp_path / "legs.csv").read_text(encoding="utf-8")
    frame = located.to_geodataframe()
    assert frame.set_index("id").loc["by-rail", "through"] == "LT"
    assert Dataset.from_geodataframe(frame).legs == dataset.legs


def test_the_kaliningrad_rail_transit(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """Moscow - Kaliningrad by rail runs through Belarus and Lithuania: said when the dataset
    does not allow it, silent and the same line when ``through`` does."""
    bare = locate(read_dataset(write(tmp_path)), gazetteer)
    place = bare.place(bare.dataset.legs[0].destination)
    assert place.country == "RU" and 20 < place.lon < 21  # the Baltic city, not Korolev
    assert any("leaves RU through BY, LT" in w for w in bare.warnings)
    allowed = locate(read_dataset(write(tmp_path, leg="    through: [BY, LT]\n")), gazetteer)
    assert allowed.warnings == ()
    assert 1100 < allowed.route("by-rail").length_km < 1450
    by_dataset = locate(read_dataset(write(tmp_path, top="through: [BY, LT]\n")), gazetteer)
    assert by_dataset.warnings == ()
    assert by_dataset.route("by-rail").points == allowed.route("by-rail").points
    only_by = locate(read_dataset(write(tmp_path, leg="    through: [BY]\n")), gazetteer)
    assert any("through LT" in w and "BY" not in w.split("through")[-1]
               for w in only_by.warnings)


def test_the_schema_knows_through() -> None:
    schema = json_schema()
    assert "through" in schema["properties"]
    assert "through" in schema["$defs"]["leg"]["properties"]


@pytest.mark.parametrize(("field", "code", "meant"), [
    ("through", "BLR", "BY"), ("avoid", "ukr", "UA"), ("through", "UK", "GB"),
    ("avoid", "Lithuania", "LT"), ("through", "XQ", None)])
def test_the_library_route_refuses_a_code_that_is_no_country(field: str, code: str,
                                                             meant: str | None) -> None:
    """As the CLI and a dataset's ``through`` do: ``avoid=["UKR"]`` would avoid nothing."""
    from movemap.errors import InvalidValueError
    from movemap.model import Mode
    from movemap.routing import route

    minsk, vilnius = (27.5667, 53.9), (25.2798, 54.6892)
    with pytest.raises(CountryCodeError, match=rf"^{code!r} is not an ISO 3166-1 alpha-2 "
                                               "country code") as caught:
        route([minsk, vilnius], Mode.RAIL, **{field: [code]})
    error = caught.value
    assert isinstance(error, InvalidValueError) and isinstance(error, ValueError)
    assert error.field == field and error.suggestion == meant
    assert (f"did you mean {meant!r}?" in str(error)) == (meant is not None)


def test_the_library_route_takes_codes_in_any_case_and_one_code_alone() -> None:
    from movemap.model import Mode
    from movemap.routing import route

    moscow, chernyakhovsk = (37.6176, 55.7558), (21.8, 54.6333)
    listed = route([moscow, chernyakhovsk], Mode.RAIL, through=["by", "LT"])
    alone = route([moscow, chernyakhovsk], Mode.RAIL, through=("BY", "lt"))
    assert listed.points == alone.points and not listed.approximate
    # a bare string is one code, not its letters ("B", "Y")
    with pytest.raises(CountryCodeError, match="'BLR' is not"):
        route([moscow, chernyakhovsk], Mode.RAIL, through="BLR")
