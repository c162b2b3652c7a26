"""The basemap's place names: towns inside the window, each with the zoom it shows from."""

from __future__ import annotations

from movemap.render.basemap import basemap, place_labels


def test_place_labels_inside_the_box_biggest_first() -> None:
    labels = place_labels((125.0, 38.0, 140.0, 48.0))
    names = [name for _, _, name, _ in labels]
    assert {"Vladivostok", "Harbin", "Chongjin", "Ussuriysk"} <= set(names)
    assert "Moscow" not in names
    assert all(125 <= lon <= 140 and 38 <= lat <= 48 for lon, lat, _, _ in labels)
    zooms = {name: zoom for _, _, name, zoom in labels}
    assert zooms["Harbin"] < zooms["Vladivostok"] <= zooms["Ussuriysk"]
    assert names.index("Harbin") < names.index("Ussuriysk")


def test_basemap_carries_the_names_as_script_safe_json() -> None:
    layers = basemap((129.0, 41.0, 133.0, 44.0))
    assert '"Vladivostok"' in layers["places"]
    assert "<" not in layers["places"]
