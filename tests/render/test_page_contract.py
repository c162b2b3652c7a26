"""The page contract, pinned without a browser: what ``map_data`` writes is what the page's
script reads, by name."""

from __future__ import annotations

import re
from itertools import pairwise
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


def test_a_length_to_a_country_or_region_reads_about(located: Located) -> None:
    # North Korea -> Russia runs between points that stand for whole countries: "~" as in
    # the timeline; a town-to-town leg keeps its plain figure
    data = page.map_data(located, title="Reference")
    by_id = {data["strings"][record["id"]]: record for record in data["legs"]}

    def length(leg_id: str) -> str:
        return data["strings"][by_id[leg_id]["t"][page.LEG_TEXT.index("length")]]

    assert length("force-to-russia").startswith("~") and length("force-to-russia").endswith(" km")
    assert length("advance-group-to-kursk").startswith("~")
    assert length("first-echelon-to-khabarovsk")[0].isdigit()


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


def test_strings_are_numbered_in_order_of_first_use() -> None:
    table = page._Strings()
    assert table("Qarvel") == 0
    assert table.many(["Ostmere", "Qarvel", "Ostmere", "", "Lindavik"]) == [1, 0, 1, 2, 3]
    assert table(None) == 2 and table("Lindavik") == 3
    assert table.items == ["Qarvel", "Ostmere", "", "Lindavik"]


def test_a_route_shared_by_legs_is_simplified_once(located: Located,
                                                   monkeypatch: Any) -> None:
    seen: list[int] = []
    simplified = page._simplified

    def counting(parts: list[Any], tolerance: float, digits: int) -> Any:
        seen.append(len(parts))
        return simplified(parts, tolerance, digits)

    monkeypatch.setattr(page, "_simplified", counting)
    data = page.map_data(located, title="Reference")
    routed = [leg for leg in located.dataset.legs
              if leg.mode not in page.GREAT_CIRCLE_MODES or leg.route]
    parts = [part for leg in routed for r in located.routes_of(leg) for part in r.lines()]
    distinct = {id(getattr(part, "array", part)) for part in parts}
    assert len(distinct) < len(parts)  # the two echelons sail from the same three ports
    assert seen == [len(distinct)]
    by_id = {data["strings"][record["id"]]: record for record in data["legs"]}
    assert by_id["first-echelon-by-sea"]["c"] == by_id["second-echelon-by-sea"]["c"]


def test_a_great_circle_is_as_long_as_its_longest_stretches(located: Located) -> None:
    from movemap.refs import area_level
    from movemap.routing.geodesic import geodesic_km

    data = page.map_data(located, title="Reference")
    drawn = [(leg, record) for leg, record in zip(located.dataset.legs, data["legs"],
                                                  strict=True) if record.get("g")]
    assert drawn
    for leg, record in drawn:
        ends = [located.place(r) for r in (*leg.via, leg.destination)]
        km = max(sum(geodesic_km(a.lon, a.lat, b.lon, b.lat)
                     for a, b in pairwise([located.place(o), *ends])) for o in leg.origins)
        length = data["strings"][record["t"][page.LEG_TEXT.index("length")]]
        about = any(area_level(located.place(r)) for r in (*leg.origins, leg.destination))
        assert length == ("~" if about else "") + f"{km:,.0f} km"
        assert len(record["c"]) == len(leg.origins)
