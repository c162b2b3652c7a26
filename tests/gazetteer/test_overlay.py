"""Users' overlay files: precedence over the reference data, and errors for malformed ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from movemap import Gazetteer, Kind, OverlayError
from movemap.gazetteer.overlay import parse_overlay

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def with_overlay() -> Gazetteer:
    return Gazetteer(overlays=[DATA / "overlay_ok.csv"])


def test_overlay_adds_a_place(with_overlay: Gazetteer) -> None:
    for name in ("Sergeevka training ground", "Сергеевка полигон", "sergeyevka polygon"):
        place = with_overlay.resolve(name).place
        assert place.id == "user:sergeevka-training-ground"
        assert (place.lat, place.lon) == (43.337, 132.053)
        assert place.kind is Kind.SITE
        assert place.source == str(DATA / "overlay_ok.csv")


def test_overlay_wins_over_reference_data(with_overlay: Gazetteer, gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Kursk").place.id == "geonames:538560"
    best = with_overlay.resolve("Kursk").best
    assert best.place.id == "user:kursk-front"
    assert best.parts["overlay"] > 0
    assert "geonames:538560" in [c.place.id for c in with_overlay.resolve("Kursk").candidates]


def test_overlay_row_with_known_id_changes_that_place(with_overlay: Gazetteer) -> None:
    place = with_overlay.resolve("Seishin-fu").place
    assert place.id == "geonames:2044757"
    assert place.name == "Chongjin"
    assert place.lat == pytest.approx(41.79556)
    # the changed place is still found under its reference names
    assert with_overlay.resolve("Чхонджин").place.source == str(DATA / "overlay_ok.csv")


def test_overlay_can_move_a_place(tmp_path: Path) -> None:
    path = tmp_path / "moved.csv"
    path.write_text("id,lat,lon\nsite:musudan-ri,40.80,129.70\n", encoding="utf-8")
    place = Gazetteer(overlays=[path]).resolve("Musudan").place
    assert (place.lat, place.lon) == (40.80, 129.70)
    assert place.name == "Musudan-ri"


def test_later_overlay_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,name,lat,lon\nx:1,Objective Alpha,50,40\n", encoding="utf-8")
    second.write_text("id,lat,lon\nx:1,51,41\n", encoding="utf-8")
    place = Gazetteer(overlays=[first, second]).resolve("Objective Alpha").place
    assert (place.lat, place.lon) == (51, 41)


MALFORMED = [
    ("name,lat,lon,elevation\nA,1,2,3\n", 1, r"unknown column 'elevation'"),
    ("name,lat,lng\nA,1,2\n", 1, r"unknown column 'lng'; did you mean 'lon'\?"),
    ("name,lat\nA,1\n", 1, r"missing column 'lon'"),
    ("name,lat,lon,lat\nA,1,2,3\n", 1, r"column 'lat' appears twice"),
    ("name,lat,lon\nA,north,2\n", 2, r"lat: 'north' is not a number"),
    ("name,lat,lon\nA,1,2\nB,95,2\n", 3, r"lat: 95 is outside -90 to 90"),
    ("name,lat,lon\nA,1,200\n", 2, r"lon: 200 is outside -180 to 180"),
    ("name,lat,lon\nA,1,\n", 2, r"lon: lat and lon go together"),
    ("name,lat,lon\n,1,2\n", 2, r"name: a new place needs a name"),
    ("id,name,lat,lon\nnew:1,A,,\n", 2, r"lat: new place 'A' needs lat and lon"),
    ("name,lat,lon,kind\nA,1,2,village\n", 2,
     r"kind: 'village' is not one of city, site, port, naval-base, airport"),
    ("name,lat,lon,population\nA,1,2,-5\n", 2, r"population: '-5' is not a whole number"),
    ("name,lat,lon,country\nA,1,2,Russia\n", 2, r"country: 'Russia' is not an ISO 3166-1"),
    ("id,name,lat,lon\nx:1,A,1,2\nx:1,B,1,2\n", 3, r"id 'x:1' is already used on line 2"),
    ("id,name,lat,lon\nbad id,A,1,2\n", 2, r"id: 'bad id' has characters other than"),
    ("name,lat,lon\nA,1,2,extra\n", 2, r"4 fields where the header has 3"),
    ('name,lat,lon\n"A\nB",1,2\nC,x,2\n', 4, r"lat: 'x' is not a number"),
    ("", 1, r"the file is empty"),
]


@pytest.mark.parametrize(("text", "line", "message"), MALFORMED)
def test_malformed_overlay_names_file_line_and_field(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverlayError, match=message) as info:
        Gazetteer(overlays=[path])
    assert info.value.path == str(path)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}")


def test_overlay_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,lat,lon\nA,1,2\nKöln,50,7\n".encode("latin-1"))
    with pytest.raises(OverlayError, match="not UTF-8 text") as info:
        Gazetteer(overlays=[path])
    assert info.value.line == 3


def test_overlay_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OverlayError, match="no such file"):
        Gazetteer(overlays=[tmp_path / "nope.csv"])


def test_parse_overlay_accepts_bom_and_blank_lines() -> None:
    rows = parse_overlay("\ufeffname,lat,lon\n\nA,1.5,2.5\n", source="x.csv")
    assert [(r.name, r.lat, r.lon, r.line) for r in rows] == [("A", 1.5, 2.5, 3)]


def test_shipped_overlay_is_valid() -> None:
    from movemap.geodata import geo_path

    # searoute's ports are known by their UN/LOCODE (port:ITREG); the curated rows' own ports
    # have lower-case slugs (port:odesa) and are new places
    rows = parse_overlay(geo_path("places.csv").read_text(encoding="utf-8"),
                         is_known=lambda i: i.startswith(("ne-admin0:", "ne-admin1:", "ne-island:",
                                                           "airport:", "geonames:"))
                         or re.fullmatch(r"port:[A-Z]{2}[A-Z0-9]{3}", i) is not None)
    assert {r.id for r in rows} >= {"site:musudan-ri", "port:hungnam", "site:khasan",
                                    "bridge:kerch", "pass:salang", "beach:omaha"}
