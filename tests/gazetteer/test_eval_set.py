"""The gazetteer evaluation set (benchmarks/gazetteer_eval) is well formed and split as recorded."""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
import json
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "gazetteer_eval"
CLASSES = {
    "city", "country", "region", "admin2", "macro", "demonym", "abbrev",
    "airport", "airbase", "port", "naval-base", "bridge", "pass", "beach", "island",
    "crossing", "site",
}
AREAL = {"country", "region", "macro", "demonym", "abbrev"}
POPULATED = {"city", "country", "region", "admin2", "macro", "demonym", "abbrev"}
SOURCE = re.compile(r"^(geonames:\d+|icao:[A-Z0-9]{4}|natural-earth:admin[01]:[A-Z0-9-]+"
                    r"|wikipedia:.+)$")


def _gold_tool() -> Any:
    """The set's builder, ``tools/gazetteer_eval_gold.py`` (its heavy imports are lazy)."""
    path = Path(__file__).resolve().parents[2] / "tools" / "gazetteer_eval_gold.py"
    spec = importlib.util.spec_from_file_location("gazetteer_eval_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The development-only batches, as the builder names them.
DEV_GROUPS: frozenset[str] = frozenset(_gold_tool().DEV_GROUPS)


@cache
def documents() -> list[dict[str, Any]]:
    lines = (EVAL / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def mentions(set_name: str) -> list[dict[str, Any]]:
    return [m for d in documents() if d["set"] == set_name for m in d["mentions"]]


def test_documents_have_their_fields() -> None:
    ids = [d["id"] for d in documents()]
    assert len(ids) == len(set(ids)), "document ids must be unique"
    for doc in documents():
        assert doc["set"] in {"A", "B"}, doc["id"]
        datetime.date.fromisoformat(doc["date"])
        assert doc["context"].strip() and doc["text"].strip(), doc["id"]
        assert doc["mentions"], doc["id"]


def test_split_is_the_recorded_rule() -> None:
    """dev when the first byte of SHA-256 of the id is even: fixed once, never re-drawn; a
    document of a development-only batch ("group") is dev."""
    for doc in documents():
        first = hashlib.sha256(doc["id"].encode()).digest()[0]
        if "group" in doc:
            assert doc["group"] in DEV_GROUPS and doc["split"] == "dev", doc["id"]
            continue
        assert doc["split"] == ("dev" if first % 2 == 0 else "test"), doc["id"]
    for set_name in ("A", "B"):
        splits = Counter(d["split"] for d in documents() if d["set"] == set_name)
        if splits:
            assert splits["dev"] and splits["test"], set_name


def test_mentions_have_their_fields() -> None:
    for doc in documents():
        folded = doc["text"].casefold()
        for m in doc["mentions"]:
            where = f"{doc['id']}: {m.get('surface')!r}"
            assert m["surface"].strip() and m["surface"].casefold() in folded, where
            assert m["class"] in CLASSES, where
            assert m.get("trap") in (None, "homonym", "former-name"), where
            lat, lon = m["lat"], m["lon"]
            assert math.isfinite(lat) and math.isfinite(lon), where
            assert -90 <= lat <= 90 and -180 <= lon <= 180, where
            assert (lat, lon) != (0, 0), where
            assert SOURCE.match(m["source"]), where
            area = m.get("area", {})
            spans = len(area.get("admin0", ())) > 1 or "bbox" in area
            if m["country"] is not None or not spans:  # no one country for a multi-country area
                assert re.fullmatch(r"[A-Z]{2}", m["country"] or ""), where
            if m["class"] in AREAL:
                area = m["area"]
                assert set(area) <= {"admin0", "admin1", "bbox"} and len(area) == 1, where


@pytest.fixture(scope="module")
def outlines() -> dict[str, Any]:
    from shapely.geometry import shape

    geo = Path(__file__).resolve().parents[3] / "shared" / "geo"
    path = geo / "ne_10m_admin0_countries.geojson"
    if not path.exists():
        pytest.skip("Natural Earth staging folder ../shared/geo not present")
    out: dict[str, Any] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        # Natural Earth leaves Namibia's two-letter code empty ("NA" read as missing)
        code = (props.get("iso_a2_eh") or props.get("iso_a2")
                or ("NA" if props.get("iso_a3") == "NAM" else None))
        if code and code not in out:
            out[code] = shape(feature["geometry"])
    return out


def test_areal_gold_points_lie_inside_their_area(outlines: dict[str, Any]) -> None:
    from shapely import Point

    for doc in documents():
        for m in doc["mentions"]:
            area = m.get("area") or {}
            point = Point(m["lon"], m["lat"])
            if "admin0" in area:
                assert any(outlines[c].contains(point) for c in area["admin0"]), m["surface"]
            if "bbox" in area:
                west, south, east, north = area["bbox"]
                assert west <= m["lon"] <= east and south <= m["lat"] <= north, m["surface"]


def test_set_a_has_what_issue_13_asks_for() -> None:
    found = mentions("A")
    assert len(found) >= 150
    assert sum(m["class"] not in POPULATED for m in found) >= 40
    assert sum("trap" in m for m in found) >= 30


def test_set_b_has_what_issue_20_asks_for() -> None:
    found = mentions("B")
    assert len(found) >= 300
    classes = Counter(m["class"] for m in found)
    assert classes["country"] + classes["region"] >= len(found) // 4
    for needed in ("city", "macro", "demonym", "abbrev", "admin2"):
        assert classes[needed] >= 10, needed
