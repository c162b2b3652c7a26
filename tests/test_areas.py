"""Areas as leg ends (entry points), their labels, and one ambiguity policy for every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap import Gazetteer
from movemap.areas import leg_stops
from movemap.cli import cli
from movemap.errors import AmbiguousPlaceError
from movemap.located import Located
from movemap.model import Dataset, Mode
from movemap.queries import status
from movemap.refs import accepting_ambiguous, place_label, resolve_places
from movemap.sphere import haversine_km
from movemap.validate import read_dataset

ROOT = Path(__file__).parent.parent
AMBIGUOUS = ROOT / "tests" / "data" / "malformed" / "19-ambiguous-place.yaml"
KHASAN = (42.43, 130.645)
# Mongolia lies between 87 and 120 degrees east, north of 41.5 degrees north
MONGOLIA = (87.0, 41.5, 120.0, 52.2)


def test_country_end_is_entered_at_its_nearest_point(gazetteer: Gazetteer) -> None:
    north_korea, russia = gazetteer.resolve("North Korea").place, gazetteer.resolve(
        "Russia").place
    start, end = leg_stops([north_korea, russia], Mode.RAIL)
    assert start == (north_korea.lon, north_korea.lat)  # an area between areas keeps its point
    assert haversine_km(end[1], end[0], *KHASAN) < 60  # the Tumen border, not Russia's middle
    assert russia.polygon is not None and russia.polygon.covers(
        __import__("shapely").Point(end))


def test_town_to_country_leaves_at_the_border_and_sea_goes_to_a_port(
    gazetteer: Gazetteer,
) -> None:
    chongjin, russia = gazetteer.resolve("Chongjin").place, gazetteer.resolve("Russia").place

    def port_of(area: object, toward: tuple[float, float]) -> object:
        return gazetteer.nearest_port(russia, toward)

    by_land = leg_stops([chongjin, russia], Mode.ROAD)[1]
    by_sea = leg_stops([chongjin, russia], Mode.SEA, port_of)[1]  # type: ignore[arg-type]
    assert haversine_km(by_land[1], by_land[0], *KHASAN) < 60
    port = gazetteer.nearest_port(russia, (chongjin.lon, chongjin.lat))
    assert port is not None and port.country == "RU"
    assert by_sea == (port.lon, port.lat)
    assert haversine_km(port.lat, port.lon, 43.1, 131.9) < 250  # a Primorye port


def test_reference_north_korea_to_russia_does_not_cross_mongolia(
    dataset: Dataset, located: Located,
) -> None:
    leg = next(leg for leg in dataset.legs if leg.id == "force-to-russia")
    west, south, east, north = MONGOLIA
    for route in located.routes_of(leg):
        for lon, lat in (p for line in route.lines() for p in line):
            assert not (west < lon < east and south < lat < north), (lon, lat)


def test_status_says_country_level(located: Located) -> None:
    positions = status(located, "2025-06-01")
    labels = {p.place for p in positions}
    assert "in Russia (country-level)" in labels
    position = next(p for p in positions if p.place == "in Russia (country-level)")
    assert position.precision == "country"


def test_place_label(gazetteer: Gazetteer) -> None:
    assert place_label(gazetteer.resolve("Russia").place) == "in Russia (country-level)"
    assert place_label(gazetteer.resolve("Kursk Oblast").place) == (
        "in Kursk Oblast (region-level)")
    assert place_label(gazetteer.resolve("Kursk").place) == "Kursk"


def test_library_stops_on_an_ambiguous_name_unless_accepted() -> None:
    data = read_dataset(AMBIGUOUS)
    with pytest.raises(AmbiguousPlaceError, match="place 'Springfield' is ambiguous"):
        resolve_places(data)
    with accepting_ambiguous():
        places = resolve_places(data)
    assert {p.name for p in places.values()} >= {"Springfield"}


@pytest.mark.parametrize("command", [
    ["timeline"], ["status", "--on", "2024-10-10"], ["render", "-o", "{out}/map.html"],
    ["export", "--format", "geojson", "-o", "{out}/legs.geojson"],
])
def test_every_drawing_command_stops_like_validate(tmp_path: Path, command: list[str]) -> None:
    args = [a.replace("{out}", str(tmp_path)) for a in command]
    runner = CliRunner()
    validate = runner.invoke(cli, ["validate", str(AMBIGUOUS)])
    stopped = runner.invoke(cli, [args[0], str(AMBIGUOUS), *args[1:]])
    assert validate.exit_code != 0 and stopped.exit_code == 2
    message = "place 'Springfield' is ambiguous: Springfield (US, Missouri)"
    assert message in validate.stdout + validate.stderr
    assert message in stopped.stderr and "--accept-ambiguous" in stopped.stderr
    drawn = runner.invoke(cli, [args[0], str(AMBIGUOUS), *args[1:], "--accept-ambiguous"])
    assert drawn.exit_code == 0, drawn.stderr


DOUBTFUL = """movemap: 1
name: doubt
sources:
  - id: src
    publisher: Test agency
units:
  - id: u1
    name: Unit one
legs:
  - id: leg1
    unit: u1
    from: Boise
    to: Moscow
    start: 2024-10-08
    end: 2024-10-09
    mode: road
    sources: [src]
  - id: leg2
    unit: u1
    from: Lewiston
    to: Spokane
    start: 2024-10-10
    end: 2024-10-11
    mode: road
    sources: [src]
"""


@pytest.mark.parametrize("command", [
    ["timeline"], ["status", "--on", "2024-10-10"], ["render", "-o", "{out}/map.html"],
    ["export", "--format", "geojson", "-o", "{out}/legs.geojson"],
])
def test_what_resolve_flags_every_command_warns_about_alike(
    tmp_path: Path, command: list[str], caplog: pytest.LogCaptureFixture,
) -> None:
    # Moscow among Idaho and Washington towns is Moscow, Idaho, chosen by context over the
    # far larger capital: resolve flags it, validate warns, and no command draws it silently
    path = tmp_path / "doubt.yaml"
    path.write_text(DOUBTFUL, encoding="utf-8")
    args = [a.replace("{out}", str(tmp_path)) for a in command]
    runner = CliRunner()
    message = ("'Moscow' read as Moscow (US, Idaho) (chosen by context over Moscow (RU), "
               "far larger, low confidence): check it")
    resolved = runner.invoke(cli, ["resolve", "Boise", "Moscow", "Lewiston", "Spokane"])
    assert "chosen by context over Moscow (RU)" in resolved.stdout
    validate = runner.invoke(cli, ["validate", str(path)])
    assert validate.exit_code == 0 and f"warning: leg 'leg1': {message}" in validate.output
    caplog.clear()
    drawn = runner.invoke(cli, [args[0], str(path), *args[1:]])
    assert drawn.exit_code == 0, drawn.stderr
    assert [r.getMessage() for r in caplog.records if r.name == "movemap.refs"] == [
        f"place {message}"]


def test_a_drawing_command_prints_the_flag_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "doubt.yaml"
    path.write_text(DOUBTFUL, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "movemap", "timeline", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "'Moscow' read as Moscow (US, Idaho) (chosen by context" in done.stderr
