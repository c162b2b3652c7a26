"""The gazetteer index in movemap's cache folder: what it is built from, and opening it.

The index is a :mod:`movemap.cache` entry named by a digest of the *contents* of everything it
is built from (the GeoNames data file, the shipped geodata and the code that turns them into
keys), so two installs of one version share it. When any input changes, the next lookup builds
a new index (once, in about half a minute) and the stale one is removed when no running
process uses it. A damaged index (a file cut short, a missing marker) is rebuilt with one
line of notice.
"""

from __future__ import annotations

from pathlib import Path

from movemap import cache
from movemap import countries as country_codes
from movemap.gazetteer import index as index_module
from movemap.gazetteer import normalize, overlay, place, ranking, rivers, sources
from movemap.gazetteer.index import FORMAT_VERSION, Index, write_index
from movemap.gazetteer.place import AREAL, Kind
from movemap.gazetteer.sources import Entry
from movemap.geodata import geo_path

__all__ = ["fingerprint", "open_index", "reference_entries"]

_GEO_FILES = ("admin1.geojson", "countries.geojson", "macro_regions.geojson", "places.csv",
              "former_names.csv", "natural_features.geojson", "power_plants.csv", "rivers.csv")
KIND = "gazetteer"


def fingerprint() -> str:
    """A digest of every input of the index; a new one means the index must be rebuilt."""
    inputs = [sources.geonames_cities_path(), sources.airports_path(),
              sources.ourairports_path(),
              sources.searoute_ports_path(), sources.zipcodes_path(),
              *(geo_path(name) for name in _GEO_FILES)]
    # countryinfo's 250 small files, by name and size (the package is pinned)
    countries = " ".join(f"{p.name}:{p.stat().st_size}"
                         for p in sorted(sources.countryinfo_dir().glob("*.json")))
    return cache.digest(f"format {FORMAT_VERSION}", countries, *inputs,
                        normalize, sources, overlay, place, ranking, rivers, index_module,
                        country_codes)


def reference_entries() -> list[Entry]:
    """Every place of the shipped reference data, assembled (takes seconds)."""
    regions = sources.region_entries(geo_path("admin1.geojson"))
    countries = sources.country_entries(
        geo_path("countries.geojson"), sources.geonames_country_populations()
    )
    macro = sources.macro_region_entries(geo_path("macro_regions.geojson"))
    towns = sources.geonames_entries()
    sources.add_country_names({c.country: c for c in countries
                               if c.country and c.id == f"ne-admin0:{c.country}"},
                              towns=towns)
    natural = sources.natural_feature_entries(geo_path("natural_features.geojson"),
                                              [*regions, *macro, *countries])
    sources.assign_country(natural, countries)
    natural = sources.without_areas_named_for_towns(natural, towns)
    airports = sources.airport_entries()
    reserved = sources.reserved_names(towns, [*regions, *macro, *countries])
    airports += sources.ourairports_entries({a.id: a for a in airports}, reserved=reserved)
    sources.name_airports_for_places(airports, towns)
    streams = rivers.river_entries(geo_path("rivers.csv"), towns,
                                   [*regions, *macro, *countries, *natural])
    entries = {e.id: e for e in (*towns, *airports, *sources.port_entries(),
                                 *sources.us_county_entries(), *regions, *macro, *countries,
                                 *natural, *streams)}
    sources.add_area_demonyms(entries)
    sources.add_sea_adjectives(entries)
    sources.add_island_group_plurals(entries)
    rows = overlay.read_overlay(geo_path("places.csv"), is_known=entries.__contains__)
    sources.apply_overlay(entries, rows, source="movemap")
    sources.add_power_plants(entries, sources.power_plant_entries())
    sources.apply_former_names([*towns, *countries], geo_path("former_names.csv"),
                               [*regions, *countries],
                               [e for e in entries.values() if e.kind is Kind.ISLAND])
    points = [e for e in entries.values() if e.kind not in AREAL]
    sources.assign_admin1(points, regions)
    sources.point_in_peopled_part(regions, towns)
    sources.add_populations(towns, [*regions, *macro, *natural])
    return list(entries.values())


def open_index(root: Path | None = None, *, rebuild: bool = False) -> Index:
    """Open the current index, building it first if it is missing, out of date or damaged."""
    stamp = fingerprint()

    def build(folder: Path) -> None:
        write_index(reference_entries(), folder, stamp)

    if rebuild:
        cache.entry(KIND, stamp, build, what="gazetteer index", checksum=False, root=root,
                    rebuild=True)
    return cache.load(KIND, stamp, build, Index, what="gazetteer index", checksum=False,
                      root=root)
