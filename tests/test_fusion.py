"""Fusion of drafts: one movement from several sources, figures kept apart, grades judged."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from movemap.cli import cli
from movemap.dates import parse_date
from movemap.fusion import merge
from movemap.gazetteer import Gazetteer
from movemap.io import parse_dataset
from movemap.io.yaml import dump_yaml, write_yaml
from movemap.model import AdmiraltyCode, Dataset, Leg, Mode, PlaceRef, Source, Station, Status, Unit
from movemap.validate import read_dataset, validate

CHONGJIN = PlaceRef("Chongjin", "KP")
HAMHUNG = PlaceRef("Hamhung", "KP")
VLADIVOSTOK = PlaceRef("Vladivostok", "RU")
USSURIYSK = PlaceRef("Ussuriysk", "RU")
KURSK = PlaceRef("Kursk", "RU")


CORPS = Unit("11th-corps", "11th Corps")


def draft(name: str, *legs: Leg, publisher: str = "", grade: str | None = None,
          unit: Unit = CORPS, stations: tuple[Station, ...] = ()) -> Dataset:
    """A one-source draft as `movemap extract` makes them."""
    source = Source(name, publisher or name.upper(),
                    grade=AdmiraltyCode.parse(grade) if grade else None)
    return Dataset(name, units=(unit,), sources=(source,), legs=legs, stations=stations)


def leg(source: str, origins: tuple[PlaceRef, ...] = (CHONGJIN,),
        destination: PlaceRef = VLADIVOSTOK, start: str = "2024-10-08",
        end: str | None = "2024-10-13", mode: Mode = Mode.SEA, strength: int | None = None,
        unit: str = "11th-corps", status: Status = Status.REPORTED) -> Leg:
    return Leg("leg-1", unit, origins, destination, parse_date(start),
               parse_date(end) if end else None, mode=mode, strength=strength, status=status,
               sources=(source,))


def test_two_sources_of_one_movement_make_one_leg_with_both(gazetteer: Gazetteer) -> None:
    merged = merge([draft("nis", leg("nis", strength=1500), grade="B2"),
                    draft("yonhap", leg("yonhap", origins=(HAMHUNG, CHONGJIN),
                                        start="2024-10-09", strength=1500), grade="B2")],
                   gazetteer=gazetteer)
    (fused,) = merged.dataset.legs
    assert fused.sources == ("nis", "yonhap")
    assert [o.name for o in fused.origins] == ["Chongjin", "Hamhung"]
    assert (fused.start.text, fused.end and fused.end.text) == ("2024-10-08", "2024-10-13")
    assert fused.strength == 1500
    assert fused.status is Status.CONFIRMED
    (record,) = merged.report.fused
    assert record.members == ("nis:leg-1", "yonhap:leg-1")
    assert any("destination 0 km apart" in reason for reason in record.reasons)


def test_figures_that_disagree_are_kept_side_by_side(gazetteer: Gazetteer) -> None:
    merged = merge([draft("nis", leg("nis", strength=1500), grade="B2"),
                    draft("hur", leg("hur", strength=11000), grade="C3")], gazetteer=gazetteer)
    (fused,) = merged.dataset.legs
    assert fused.strength == 1500  # the better-graded source's figure
    assert "Figures given: 1,500 (nis); 11,000 (hur)" in fused.notes
    (record,) = merged.report.records
    assert record.figures == ((1500, ("nis",)), (11000, ("hur",)))
    assert "figures disagree: 1,500 (nis); 11,000 (hur)" in merged.report.to_text()


@pytest.mark.parametrize(("second", "why"), [
    (leg("b", start="2024-11-20", end="2024-11-22"), "dates do not overlap"),
    (leg("b", destination=KURSK), "another destination"),
    (leg("b", origins=(PlaceRef("Wonsan", "KP"),), destination=USSURIYSK), "other ends"),
    (leg("b", mode=Mode.RAIL), "another mode"),
    (leg("b", unit="12th-corps"), "another unit"),
])
def test_different_movements_are_not_fused(gazetteer: Gazetteer, second: Leg, why: str) -> None:
    unit = Unit("12th-corps", "12th Corps") if second.unit == "12th-corps" else Unit(
        "11th-corps", "11th Corps")
    merged = merge([draft("a", leg("a")), draft("b", second, unit=unit)], gazetteer=gazetteer)
    assert len(merged.dataset.legs) == 2, why
    assert merged.report.fused == ()


def test_unknown_mode_and_a_longer_unit_name_still_match(gazetteer: Gazetteer) -> None:
    merged = merge([
        draft("a", leg("a")),
        draft("b", leg("b", mode=Mode.UNKNOWN, unit="storm"),
              unit=Unit("storm", "11th Corps special forces")),
    ], gazetteer=gazetteer)
    (fused,) = merged.dataset.legs
    assert fused.mode is Mode.SEA
    assert len(merged.dataset.units) == 1  # one unit by either name


@pytest.mark.parametrize(("grades", "publishers", "status"), [
    (("B2", "B2"), ("NIS", "Yonhap"), Status.CONFIRMED),
    (("B2", "B2"), ("NIS", "NIS"), Status.REPORTED),  # one publisher twice is not independent
    (("D4",), ("Telegram channel",), Status.CLAIMED),
    (("D4", "E5"), ("Telegram", "Blog"), Status.CLAIMED),
    (("B2", "D4"), ("NIS", "Telegram"), Status.REPORTED),
])
def test_status_follows_the_sources_grades(gazetteer: Gazetteer, grades: tuple[str, ...],
                                           publishers: tuple[str, ...], status: Status) -> None:
    drafts = [draft(f"s{n}", leg(f"s{n}"), publisher=p, grade=g)
              for n, (g, p) in enumerate(zip(grades, publishers, strict=True))]
    (fused,) = merge(drafts, gazetteer=gazetteer).dataset.legs
    assert fused.status is status


def test_movements_ahead_stay_expected(gazetteer: Gazetteer) -> None:
    drafts = [draft(n, leg(n, origins=(USSURIYSK,), destination=KURSK, start="by 2024-11-01",
                           end=None, mode=Mode.UNKNOWN, strength=2600, status=Status.EXPECTED),
                    publisher=n, grade="B2") for n in ("hur", "nis")]
    (fused,) = merge(drafts, gazetteer=gazetteer).dataset.legs
    assert fused.status is Status.EXPECTED


def test_stations_fuse_too_and_nothing_is_dropped(gazetteer: Gazetteer) -> None:
    def station(source: str, start: str) -> Station:
        return Station("station-1", "11th-corps", USSURIYSK, parse_date(start), strength=3000,
                       sources=(source,))

    drafts = [draft("a", leg("a"), stations=(station("a", "2024-10-15"),)),
              draft("b", leg("b", start="2024-12-01", end="2024-12-02"),
                    stations=(station("b", "2024-10-20"),))]
    merged = merge(drafts, gazetteer=gazetteer)
    assert len(merged.dataset.stations) == 1
    assert len(merged.dataset.legs) == 2
    members = [m for r in merged.report.records for m in r.members]
    assert sorted(members) == ["a:leg-1", "a:station-1", "b:leg-1", "b:station-1"]


def test_same_drafts_give_the_same_bytes_in_any_order(gazetteer: Gazetteer) -> None:
    drafts = [draft("nis", leg("nis", strength=1500), grade="B2"),
              draft("hur", leg("hur", strength=11000), grade="C3"),
              draft("kyiv", leg("kyiv", destination=KURSK, start="2024-11", end=None))]
    first = dump_yaml(merge(drafts, gazetteer=gazetteer).dataset)
    again = dump_yaml(merge(list(reversed(drafts)), gazetteer=gazetteer).dataset)
    assert first == again


def test_clashing_ids_are_renamed_and_the_result_validates(gazetteer: Gazetteer,
                                                           tmp_path: Path) -> None:
    a = draft("a", leg("nis"), publisher="NIS")
    b = Dataset("b", units=(Unit("11th-corps", "11th Corps"),),
                sources=(Source("nis", "Yonhap"),),
                legs=(leg("nis", destination=KURSK, start="2024-11-02", end=None),))
    a = Dataset("a", units=a.units, sources=(Source("nis", "NIS"),), legs=a.legs)
    merged = merge([a, b], gazetteer=gazetteer)
    assert {s.id for s in merged.dataset.sources} == {"nis", "nis-2"}
    assert any("source 'nis' of b -> 'nis-2'" in note for note in merged.report.renamed)
    path = write_yaml(merged.dataset, tmp_path / "merged.yaml")
    problems = validate(parse_dataset(path), gazetteer=gazetteer)
    assert [p for p in problems if p.severity == "error"] == []


def test_merge_command_writes_dataset_and_report(gazetteer: Gazetteer, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    write_yaml(draft("nis", leg("nis", strength=1500), grade="B2"), folder / "nis.yaml")
    write_yaml(draft("hur", leg("hur", strength=11000), grade="C3"), folder / "hur.yaml")
    result = CliRunner().invoke(cli, ["merge", str(folder), "-o", str(tmp_path / "m.yaml"),
                                      "--report", str(tmp_path / "report.txt")])
    assert result.exit_code == 0, result.output
    assert len(read_dataset(tmp_path / "m.yaml").legs) == 1
    report = (tmp_path / "report.txt").read_text()
    assert report.startswith("2 records from 2 drafts -> 1 records (1 fused from several)")
    assert "hur:leg-1" in report and "nis:leg-1" in report
