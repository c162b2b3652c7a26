"""The page contract, pinned without a browser: what ``map_data`` writes is what the page's
script reads, by name."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from movemap.located import Located
from movemap.render import page_data as page

SCRIPT = (Path(page.__file__).parent / "static" / "movemap.js").read_text(encoding="utf-8")


def _check(record: Any, kind: type) -> None:
    """A record has every required field of its type and no field the type lacks."""
    keys = set(record)
    assert kind.__required_keys__ <= keys, (kind.__name__, kind.__required_keys__ - keys)
    assert keys <= kind.__required_keys__ | kind.__optional_keys__, (kind.__name__, keys)


def test_map_data_follows_the_types(located: Located) -> None:
    data = page.map_data(located, title="Reference")
    _check(data, page.PageData)
    strings = data["strings"]
    assert data["legs"] and data["stations"] and data["units"]
    for leg in data["legs"]:
        _check(leg, page.LegRecord)
        assert len(leg["t"]) == len(page.LEG_TEXT) and len(leg["w"]) == len(page.WINDOW)
        assert len(leg["d"]) == len(page.SPAN)
        assert all(0 <= n < len(strings) for n in leg["t"])
    for station in data["stations"]:
        _check(station, page.StationRecord)
        assert len(station["t"]) == len(page.STATION_TEXT)
        assert len(station["w"]) == len(page.WINDOW)
    for kind, records in ((page.UnitRecord, data["units"]), (page.SymbolRecord, data["symbols"]),
                          (page.RegionRecord, data["regions"])):
        for record in records:
            _check(record, kind)
    assert data["keys"] == page.KEYS


def test_named_positions_hold_what_they_name(located: Located) -> None:
    data = page.map_data(located, title="Reference")
    dataset = located.dataset
    by_id = {data["strings"][record["id"]]: record for record in data["legs"]}
    leg = next(leg for leg in dataset.legs if leg.id == "first-echelon-by-sea")
    record = by_id[leg.id]

    def text(name: str) -> str:
        return data["strings"][record["t"][page.LEG_TEXT.index(name)]]

    assert text("destination") == located.place(leg.destination).name
    assert text("mode") == "sea" and text("start") == str(leg.start)
    assert text("length").endswith(" km")
    window = dict(zip(page.WINDOW, record["w"], strict=True))
    assert window["first"] == page.day_number(leg.start.first_day)
    span = dict(zip(page.SPAN, record["d"], strict=True))
    assert span["departure"] < span["arrival"]


def test_script_reads_named_fields_only() -> None:
    fields = {
        "data": page.PageData, "leg": page.LegRecord, "station": page.StationRecord,
        "region": page.RegionRecord,
    }
    for name, kind in fields.items():
        used = set(re.findall(rf"\b{name}\.(\w+)", SCRIPT))
        assert used, name  # the script does read these records
        known = kind.__required_keys__ | kind.__optional_keys__
        assert used <= known, (name, used - known)
    tables = {"LT": page.LEG_TEXT, "ST": page.STATION_TEXT, "W": page.WINDOW, "D": page.SPAN}
    for table, names in tables.items():
        used = set(re.findall(rf"\b{table}\.(\w+)", SCRIPT))
        assert used and used <= set(names), (table, used - set(names))
    assert set(re.findall(r"data\.keys\.(\w+)", SCRIPT)) == set(page.KEYS)
    # no position counted by hand in the compact arrays
    assert not re.findall(r"\.(?:t|w|d)\[\d", SCRIPT)
    assert not re.findall(r"\bw\[\d", SCRIPT)
