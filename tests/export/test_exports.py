"""Every export opened for real: images read, documents parsed, data read back."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import geopandas
import pytest
import shapely
from click.testing import CliRunner
from lxml import etree
from PIL import Image

from movemap.cli import cli
from movemap.dates import parse_date
from movemap.errors import MovemapError
from movemap.export import export
from movemap.located import Located, locate
from movemap.model import Dataset, Leg, Mode, PlaceRef, Unit
from movemap.style import MODE_COLOURS
from movemap.validate import read_dataset

ROOT = Path(__file__).parent.parent.parent
REFERENCE = ROOT / "layers" / "dprk-russia-2024.yaml"
KML = {"k": "http://www.opengis.net/kml/2.2"}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("exports")


def test_png_slide_size_and_drawn_routes(dataset: Dataset, located: Located,
                                         out: Path) -> None:
    path = export(located, out / "map.png", banner="UNCLASSIFIED")
    image = Image.open(path).convert("RGB")
    assert image.size == (1920, 1080)
    colours = {colour: count for count, colour in image.getcolors(maxcolors=1 << 24)}
    near = lambda target: sum(n for c, n in colours.items()  # noqa: E731
                              if all(abs(a - b) < 30 for a, b in zip(c, target, strict=True)))
    def rgb(mode: Mode) -> tuple[int, ...]:
        return tuple(int(MODE_COLOURS[mode][i:i + 2], 16) for i in (1, 3, 5))

    assert near(rgb(Mode.RAIL)) > 500  # rail legs
    assert near(rgb(Mode.SEA)) > 100  # sea legs
    assert near((0x2E, 0x7D, 0x32)) > 20_000  # the banners, green
    assert len(colours) > 1000  # a drawn map, not a blank page


def test_a_static_map_is_drawn_once_when_saved(located: Located, out: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    draws: list[Figure] = []
    draw = Figure.draw

    def counting(figure: Figure, renderer: object) -> None:
        draws.append(figure)
        draw(figure, renderer)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "draw", counting)
    open_before = plt.get_fignums()
    path = export(located, out / "once.png", size=(6.0, 4.0), dpi=60)
    assert Image.open(path).size == (360, 240)
    # not once more for each basemap layer geopandas plots (it asks for a redraw each time)
    assert len(draws) == 1
    assert plt.get_fignums() == open_before  # no pyplot figure left open


def test_svg_parses_with_title_and_legend_and_is_deterministic(
        dataset: Dataset, located: Located, out: Path) -> None:
    first = export(located, out / "a.svg", on=date(2024, 10, 10))
    second = export(located, out / "b.svg", on=date(2024, 10, 10))
    assert first.read_bytes() == second.read_bytes()
    root = etree.parse(str(first))
    text = " ".join(t.strip() for t in root.getroot().itertext() if t.strip())
    assert "North Korean troops to Russia, October-November 2024" in text
    assert "Situation on 2024-10-10" in text
    legend = _legend_texts(first)
    assert legend[0] == "Legend" and "sea" in legend
    assert "rail" not in legend  # no rail leg has begun on 10 October: only what is drawn


SVG = {"s": "http://www.w3.org/2000/svg"}


def _legend_texts(path: Path) -> list[str]:
    group = etree.parse(str(path)).find(".//s:g[@id='legend_1']", SVG)
    assert group is not None
    return [t.strip() for t in group.itertext() if t.strip()]


def test_legend_shows_symbols_and_areas_drawn_and_labels_are_kept(
        dataset: Dataset, located: Located, out: Path) -> None:
    path = export(located, out / "all.svg")
    legend = _legend_texts(path)
    assert {"sea", "rail", "reported", "expected", "Russian Far East", "Kursk Oblast"} \
        <= set(legend)
    first_named = {}  # one entry a symbol, starting with the first unit drawn with it
    for station in dataset.stations:
        unit = next(u for u in dataset.units if u.id == station.unit)
        if unit.sidc:
            first_named.setdefault(unit.sidc, unit.name[:40])
    assert first_named
    assert all(any(t.startswith(n) for t in legend) for n in first_named.values())
    assert "station (size: strength)" not in legend
    root = etree.parse(str(path)).getroot()
    texts = " ".join(t for t in root.itertext())
    names = {located.place(r).name for leg in dataset.legs
             for r in (*leg.origins, leg.destination)}
    names |= {located.place(s.place).name for s in dataset.stations}
    assert {"Kursk Oblast", "Kursk–Bryansk border", "Vladivostok"} <= names
    assert all(name in texts for name in names)  # crowded labels are moved, none dropped


def test_a_day_map_fits_that_days_activity() -> None:
    from movemap.export.static import StaticOptions, map_extent

    east = PlaceRef(name="Chongjin", lat=41.8, lon=129.8)
    port = PlaceRef(name="Vladivostok", lat=43.1, lon=131.9)
    west = PlaceRef(name="Kursk", lat=51.7, lon=36.2)
    unit = Unit(id="u", name="Unit")
    data = Dataset(name="two-theatres", units=(unit,), legs=(
        Leg(id="a", unit="u", origins=(east,), destination=port, mode=Mode.AIR,
            start=parse_date("2024-10-08"), end=parse_date("2024-10-09")),
        Leg(id="b", unit="u", origins=(port,), destination=west, mode=Mode.AIR,
            start=parse_date("2024-11-01"), end=parse_date("2024-11-02"))))
    located = locate(data)
    everything = map_extent(located, StaticOptions())
    assert everything[0] < 36 and everything[2] > 131
    west_x, south, east_x, north = map_extent(located, StaticOptions(on=date(2024, 10, 8)))
    assert 120 < west_x < 129.8 and 131.9 < east_x < 140 and south < 41.8 and north > 43.1
    assert east_x - west_x >= 4  # a small theatre still shows its surroundings
    chosen = (10.0, 40.0, 60.0, 60.0)
    assert map_extent(located, StaticOptions(on=date(2024, 10, 8), extent=chosen)) == chosen


def test_pdf_is_one_a4_page(dataset: Dataset, located: Located, out: Path) -> None:
    from movemap.export.static import SIZES

    path = export(located, out / "map.pdf", size=SIZES["a4"])
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box and (round(float(box.group(1))), round(float(box.group(2)))) == (842, 595)


def test_kml_has_time_spans_and_escaped_text(dataset: Dataset, located: Located,
                                             out: Path) -> None:
    path = export(located, out / "map.kml")
    again = export(located, out / "again.kml")
    assert path.read_bytes() == again.read_bytes()
    root = etree.parse(str(path))
    sea = root.find(".//k:Placemark[@id='leg-first-echelon-by-sea']", KML)
    assert sea is not None
    assert sea.findtext("k:TimeSpan/k:begin", namespaces=KML) == "2024-10-08"
    assert sea.findtext("k:TimeSpan/k:end", namespaces=KML) == "2024-10-13"
    assert len(sea.findall(".//k:LineString", KML)) == 3
    description = sea.findtext("k:description", namespaces=KML)
    assert "National Intelligence Service (NIS), Republic of Korea [B2]" in description
    placemarks = root.findall(".//k:Placemark", KML)
    assert len(placemarks) == len(dataset.legs) + len(dataset.stations)


def test_kml_escapes_markup(tmp_path: Path) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text(
        'movemap: 1\nname: evil\nunits:\n  - {id: u1, name: "<b>bold</b> & <script>x</script>"}'
        '\nstations:\n  - {id: s1, unit: u1, at: {name: "x", lat: 1, lon: 2}, start: 2024-01-01,'
        ' notes: "</description><evil/>"}\n', encoding="utf-8")
    data = read_dataset(evil)
    path = export(data, tmp_path / "evil.kml")
    root = etree.parse(str(path))
    assert root.find(".//k:evil", KML) is None and root.find(".//evil") is None
    # a viewer renders the description as HTML: the note is escaped text in it, not markup
    assert "&lt;/description&gt;&lt;evil/&gt;" in root.findtext(".//k:description",
                                                                 namespaces=KML)
    # a name is HTML too in Google Earth's balloon: escaped, so it reads as written
    assert root.findtext(".//k:Folder/k:name", namespaces=KML) == (
        "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;")


def test_kmz_carries_symbol_icons(dataset: Dataset, located: Located, out: Path) -> None:
    path = export(located, out / "map.kmz")
    with zipfile.ZipFile(path) as kmz:
        names = kmz.namelist()
        assert names[0] == "doc.kml"
        icons = [n for n in names if n.startswith("icons/")]
        assert icons
        icon = Image.open(kmz.open(icons[0]))
        assert icon.format == "PNG" and icon.size[0] > 20
        doc = etree.fromstring(kmz.read("doc.kml"))
    hrefs = {h.text for h in doc.findall(".//k:Icon/k:href", KML)}
    assert hrefs <= set(icons) and hrefs


def test_geopackage_layers_read_back(dataset: Dataset, located: Located,
                                     out: Path) -> None:
    path = export(located, out / "map.gpkg")
    legs = geopandas.read_file(path, layer="legs")
    stations = geopandas.read_file(path, layer="stations")
    assert len(legs) == len(dataset.legs) and len(stations) == len(dataset.stations)
    assert set(legs["id"]) == {leg.id for leg in dataset.legs}
    sea = legs.set_index("id").loc["first-echelon-by-sea"]
    assert sea["strength"] == 1500 and sea["mode"] == "sea"
    assert legs.crs.to_epsg() == 4326


def test_csv_reads_back_with_wkt(dataset: Dataset, located: Located, out: Path) -> None:
    path = export(located, out / "legs.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [*(leg.id for leg in dataset.legs),
                                       *(s.id for s in dataset.stations)]
    assert {r["record"] for r in rows} == {"leg", "station"}
    line = shapely.from_wkt(rows[0]["wkt"])
    assert line.geom_type == "MultiLineString" and len(line.geoms) == 3
    sea = rows[0]
    assert (sea["start"], sea["start_earliest"], sea["start_latest"], sea["start_precision"]) \
        == ("2024-10-08", "2024-10-08", "2024-10-08", "day")


# movingpandas keeps the instants but drops their "Z" (UTC) with a warning, and drops columns
# with a keyword pandas deprecates
@pytest.mark.filterwarnings("ignore:Time zone information dropped",
                            "ignore:The inplace keyword in GeoDataFrame.drop")
def test_moving_features_json_reads_in_movingpandas(dataset: Dataset, located: Located,
                                                    out: Path) -> None:
    from movingpandas.io import read_mf_json

    path = export(located, out / "map.mf.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    sea = [f for f in data["features"] if f["properties"].get("leg") == "first-echelon-by-sea"]
    assert [f["properties"]["origin"] for f in sea] == ["Chongjin", "Hungnam port", "Musudan"]
    moving = sea[0]["temporalGeometry"]
    assert moving["type"] == "MovingPoint"
    assert moving["datetimes"][0] == "2024-10-08T12:00:00Z"
    assert moving["datetimes"][-1] == "2024-10-13T12:00:00Z"
    assert moving["datetimes"] == sorted(moving["datetimes"])
    assert len(moving["coordinates"]) == len(moving["datetimes"])

    collection = read_mf_json(str(path), "id")
    routes = sum(len(located.routes_of(leg)) for leg in dataset.legs)
    assert len(collection) == routes + len(dataset.stations)
    second = collection.get_trajectory("first-echelon-by-sea/2")
    assert str(second.get_start_time()) == "2024-10-08 12:00:00"
    assert str(second.get_end_time()) == "2024-10-13 12:00:00"
    start = second.get_start_location()
    assert (round(start.x, 1), round(start.y, 1)) == (127.6, 39.8)  # Hungnam, not Chongjin
    station = collection.get_trajectory(dataset.stations[0].id)
    assert station.get_length() == 0


def test_gif_animates_day_by_day(dataset: Dataset, located: Located, out: Path) -> None:
    from movemap.export.static import parse_size

    path = export(located, out / "map.gif", step_days=7,
                  start=date(2024, 10, 1), end=date(2024, 11, 5), size=parse_size("640x360", 80),
                  dpi=80)
    gif = Image.open(path)
    assert gif.format == "GIF" and gif.n_frames == 6 and gif.size == (640, 360)


def test_unknown_format_and_options(dataset: Dataset, tmp_path: Path) -> None:
    with pytest.raises(MovemapError, match="unknown export format 'doc'"):
        export(dataset, tmp_path / "x.doc")
    with pytest.raises(MovemapError, match="banner: only for maps"):
        export(dataset, tmp_path / "x.kml", banner="x")
    assert list(tmp_path.iterdir()) == []


def test_cli_export_and_bad_size(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(REFERENCE), "-o", str(tmp_path / "m.geojson")])
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "m.geojson").read_text())["type"] == "FeatureCollection"
    bad = CliRunner().invoke(cli, ["export", str(REFERENCE), "-o", str(tmp_path / "m.png"),
                                   "--size", "huge"])
    assert bad.exit_code == 2
    assert "size 'huge' is not one of 16:9, a4, a4-portrait or WIDTHxHEIGHT" in bad.stderr
    assert not (tmp_path / "m.png").exists()
