"""Copy the Natural Earth layers the gazetteer needs from ``../shared/geo`` into ``geo/``.

Run from the repository root: ``python tools/stage_geo.py [SHARED_GEO_DIR]``.
The output is deterministic; ``geo/README.md`` documents what this script changes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ADMIN1_COLUMNS = [
    "iso_3166_2", "adm1_code", "iso_a2", "admin", "name", "name_en", "name_local", "name_alt",
    "name_ru", "name_uk", "name_ko", "name_zh", "name_ja", "type", "type_en",
    "latitude", "longitude",
]
COUNTRY_COLUMNS = [
    "iso_a2_eh", "iso_a3_eh", "adm0_a3", "name", "name_long", "formal_en", "admin", "name_en",
    "name_ru", "name_uk", "name_ko", "name_zh", "name_ja", "type", "label_x", "label_y",
]

# NE's attribute table gives Sakha (RU-SA) the local and alternate names of Chukotka
# (RU-CHU), so "Chukotka" would resolve to Yakutia. Replace them with Sakha's own.
ADMIN1_FIXES: dict[str, dict[str, str]] = {
    "RU-SA": {
        "name_local": "Республика Саха (Якутия)",
        "name_alt": "Yakutia|Yakutiya|Respublika Sakha|Sakha Republic",
    },
}


# Regions people name that are unions of admin-1 units. The Far Eastern Federal District has had
# these eleven subjects since Buryatia and Zabaykalsky Krai joined it in November 2018; its
# administrative centre, Vladivostok, stands for it as its point.
MACRO_REGIONS = [
    {
        "id": "region:russian-far-east",
        "name": "Russian Far East",
        "name_alt": "Far Eastern Federal District|Far East|Russia's Far East|"
                    "Far Eastern District|Дальний Восток|Дальневосточный федеральный округ|"
                    "ДФО|Далекий Схід|Далекосхідний федеральний округ|러시아 극동|극동 연방관구",
        "iso_a2": "RU",
        "members": ["RU-AMU", "RU-BU", "RU-YEV", "RU-KAM", "RU-KHA", "RU-MAG", "RU-PRI",
                    "RU-SA", "RU-SAK", "RU-ZAB", "RU-CHU"],
        "latitude": 43.1056,
        "longitude": 131.8735,
    },
]


def _features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)["features"]


def _write(path: Path, name: str, features: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f'{{"type":"FeatureCollection","name":{json.dumps(name)},"features":[\n')
        for i, feat in enumerate(features):
            sep = ",\n" if i < len(features) - 1 else "\n"
            f.write(json.dumps(feat, ensure_ascii=False, separators=(",", ":")) + sep)
        f.write("]}\n")
    tmp.replace(path)


def stage(shared: Path, out: Path) -> None:
    admin1 = []
    for feat in _features(shared / "ne_10m_admin1_states_provinces.geojson"):
        props = {k: feat["properties"].get(k) for k in ADMIN1_COLUMNS}
        props.update(ADMIN1_FIXES.get(props["iso_3166_2"] or "", {}))
        admin1.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    _write(out / "admin1.geojson", "admin1", admin1)

    import shapely
    from shapely.geometry import mapping, shape

    by_code = {f["properties"]["iso_3166_2"]: shape(f["geometry"]) for f in admin1}
    macro = []
    for region in MACRO_REGIONS:
        union = shapely.set_precision(
            shapely.union_all([by_code[c] for c in region["members"]]), 1e-4
        )
        props = {k: v for k, v in region.items()}
        props["members"] = "|".join(region["members"])
        macro.append({"type": "Feature", "properties": props, "geometry": mapping(union)})
    _write(out / "macro_regions.geojson", "macro_regions", macro)

    countries = []
    for feat in _features(shared / "ne_50m_admin0_countries.geojson"):
        props = {k: feat["properties"].get(k) for k in COUNTRY_COLUMNS}
        countries.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    _write(out / "countries.geojson", "countries", countries)

    # Land at 1:10m for keeping sea routes off land: the union of the 10m countries.
    land = shapely.set_precision(shapely.union_all(
        [shape(f["geometry"]) for f in _features(shared / "ne_10m_admin0_countries.geojson")]
    ), 1e-4)
    _write(out / "land_10m.geojson", "land_10m", [
        {"type": "Feature", "properties": {"source": "ne_10m_admin0_countries, unioned"},
         "geometry": mapping(land)}])

    # Physical layers of the offline basemap, as staged.
    for name, source, columns in (
        ("rivers", "ne_50m_rivers_lake_centerlines", ("name", "featurecla", "scalerank")),
        ("lakes", "ne_50m_lakes", ("name", "featurecla", "scalerank")),
    ):
        kept = [{"type": "Feature", "properties": {k: f["properties"].get(k) for k in columns},
                 "geometry": f["geometry"]} for f in _features(shared / f"{source}.geojson")]
        _write(out / f"{name}.geojson", name, kept)

    # Networks for routing, as staged (main lines; see shared/geo/README.md).
    for name, source, columns in (
        ("railroads", "ne_10m_railroads_main", ("scalerank_max", "length_km")),
        ("roads", "ne_10m_roads_main", ("featurecla", "road_type", "scalerank", "length_km")),
    ):
        lines = [{"type": "Feature", "properties": {k: f["properties"].get(k) for k in columns},
                  "geometry": f["geometry"]} for f in _features(shared / f"{source}.geojson")]
        _write(out / f"{name}.geojson", name, lines)
    # The basemap's faint railways: main lines (scalerank 6 or less), joined and simplified.
    rail = [shape(f["geometry"]) for f in _features(shared / "ne_10m_railroads_main.geojson")
            if (f["properties"].get("scalerank_max") or 7) <= 6]
    merged = shapely.line_merge(shapely.union_all(rail))
    simple = shapely.set_precision(shapely.simplify(merged, 0.01), 1e-3)
    _write(out / "basemap_railways.geojson", "basemap_railways", [
        {"type": "Feature", "properties": {}, "geometry": mapping(g)}
        for g in getattr(simple, "geoms", [simple])])
    print(f"wrote {len(admin1)} regions, {len(countries)} countries, land and networks to {out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "geo"
    stage(shared, root / "geo")
