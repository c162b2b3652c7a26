"""Rivers, drawn through the towns on their banks (``geo/rivers.csv``).

Reports name rivers as places ("withdrew across the Dnieper", "the offensive on the Isonzo"),
and Natural Earth's small-scale lines lack most of the rivers wars made famous. Each row of
``geo/rivers.csv`` gives a river's course as the GeoNames towns on its banks, in order from
source to mouth (``Smolensk/RU; Orsha/BY; ...; Kherson/UA``): the river is the line through
their points, and its outline, for what asks whether a point lies on it (an area's test), a
band ``BAND_DEGREES`` either side. Its point is the middle of the line.

A river is an area of kind ``macro-region`` (a sea or a lake is one too): a leg that ends at
it ends at its entry point nearest the other end, and a name of it never stands for a town.
It is found by its names and by "X River" and "River X"; a bare name that is also the name
of a country, a region or a town of ``RESERVED_POPULATION`` or more (the Kabul, the Jordan,
the Niger) is left to them, and the river is found only by the forms that say it is one.

Columns: ``id`` (``river:<slug>``), ``name``, ``alt_names`` (``|``-separated), ``countries``
(``|``-separated ISO alpha-2 codes), ``course`` (``;``-separated ``Town/CC``), ``note``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from movemap.errors import OverlayError
from movemap.gazetteer.normalize import name_key
from movemap.gazetteer.place import RIVER_ID_PREFIX, Kind
from movemap.gazetteer.sources import Entry
from movemap.textfile import read_text

__all__ = ["BAND_DEGREES", "COLUMNS", "RESERVED_POPULATION", "lent_name", "river_entries"]

COLUMNS = ("id", "name", "alt_names", "countries", "course", "note")
BAND_DEGREES = 0.05  # about 5 km either side of the line through the towns
RESERVED_POPULATION = 10_000
_SPELLED_OTHERWISE = 50.0  # rapidfuzz ratio of an area's other name to its own, at least
MIN_TOWNS = 3


def _town_points(towns: Iterable[Entry]) -> dict[tuple[str, str], tuple[float, float]]:
    """The point of the most populous town of each (folded name, country); folding drops
    apostrophes (GeoNames writes ``L'gov``, reports ``Lgov``)."""
    best: dict[tuple[str, str], Entry] = {}
    for town in towns:
        if not town.country:
            continue
        key = (name_key(town.name), town.country)
        known = best.get(key)
        if known is None or (town.population or 0) > (known.population or 0):
            best[key] = town
    return {k: (t.lon, t.lat) for k, t in best.items()}


def lent_name(alt: str, own: str) -> bool:
    """Whether ``alt``, another name of an area whose own name is ``own`` (both keys), is
    a name the area borrows (from a river it is named for): neither a run of its own name's
    words, its short form (``benue`` of Benue State, ``volga`` of the Volga Federal
    District; but not of a name with "river" in it, Sudan's River Nile), nor its own name
    spelled otherwise (``irrawaddy`` of Ayeyarwady, ``syr darya`` of Sirdaryo). Podunavlje's
    "Danube" and Rosoman's "Vardar" are lent."""
    from rapidfuzz import fuzz

    words = f" {own} "
    if " river " in words:
        return True  # an area named as the river's
    if f" {alt} " in words:
        return False
    return fuzz.ratio(alt, own) < _SPELLED_OTHERWISE


def _reserved(towns: Iterable[Entry], areas: Iterable[Entry]) -> frozenset[str]:
    """The bare names a river leaves to other places: those of towns of
    ``RESERVED_POPULATION`` or more, every name of a country, and an area's own name and its
    other names but those it borrows (``lent_name``)."""
    names = {name_key(t.name) for t in towns if (t.population or 0) >= RESERVED_POPULATION}
    for area in areas:
        own = name_key(area.name)
        names.add(own)
        names.update(key for key in map(name_key, area.alt_names)
                     if area.kind is Kind.COUNTRY or not lent_name(key, own))
    return frozenset(names)


def _names(name: str, alt_names: Sequence[str], reserved: frozenset[str]) -> list[str]:
    """The river's names, each in Latin letters also as "X River" and "River X". A bare
    name another place bears is left out: its own name then only in the forms that say it
    is a river (the Kabul River), another name not at all (the Somme's old name Samara is
    a Russian city, and the Samara River another river)."""
    out: list[str] = []
    for word in (name, *alt_names):
        taken = name_key(word) in reserved
        if not taken:
            out.append(word)
        if (word == name or not taken) and any("a" <= c.lower() <= "z" for c in word):
            out += [f"{word} River", f"River {word}"]
    return out


def river_entries(path: Path, towns: Sequence[Entry], areas: Sequence[Entry]) -> list[Entry]:
    """The rivers of ``path``, as areas (see the module's docstring).

    Raises :class:`OverlayError` naming the file, line and field of a malformed row or of a
    town GeoNames does not have in that country.
    """
    import shapely

    points = _town_points(towns)
    reserved = _reserved(towns, areas)
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise OverlayError(f"missing columns: {', '.join(missing)}", path=str(path), line=1)
    entries = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        def error(field: str, message: str, line: int = line) -> OverlayError:
            return OverlayError(f"{field}: {message}", path=str(path), line=line, field=field)

        rid, name = (row.get("id") or "").strip(), (row.get("name") or "").strip()
        if not rid.startswith(RIVER_ID_PREFIX) or rid in seen:
            raise error("id", f"{rid!r} is not a new id of the form river:<slug>")
        seen.add(rid)
        if not name:
            raise error("name", "empty")
        course: list[tuple[float, float]] = []
        for part in (p.strip() for p in (row.get("course") or "").split(";")):
            if not part:
                continue
            town, _, country = part.rpartition("/")
            point = points.get((name_key(town), country.strip().upper()))
            if point is None:
                raise error("course", f"no GeoNames town {town.strip()!r} in "
                            f"{country.strip() or 'no country'}")
            if not course or course[-1] != point:
                course.append(point)
        if len(course) < MIN_TOWNS:
            raise error("course", f"{len(course)} towns; a course needs {MIN_TOWNS} or more")
        codes = [c.strip().upper() for c in (row.get("countries") or "").split("|") if c.strip()]
        alt = [a.strip() for a in (row.get("alt_names") or "").split("|") if a.strip()]
        line_geom = shapely.LineString(course)
        middle = shapely.line_interpolate_point(line_geom, 0.5, normalized=True)
        names = _names(name, alt, reserved)
        canonical = names[0] if name_key(names[0]) == name_key(name) else f"{name} River"
        entries.append(Entry(
            id=rid, name=canonical, lat=float(middle.y), lon=float(middle.x),
            country=codes[0] if len(codes) == 1 else None, admin1=None,
            kind=Kind.MACRO_REGION, population=None, source="movemap",
            alt_names=[n for n in names if n != canonical],
            wkb=shapely.to_wkb(shapely.buffer(line_geom, BAND_DEGREES, quad_segs=2)),
        ))
    return entries
