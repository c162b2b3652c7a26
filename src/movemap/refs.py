"""A dataset's place references resolved to places: names together, coordinates as given.

One policy for ambiguity serves every command: a name ``validate`` calls ambiguous (see
:func:`ambiguous`) stops ``render``, ``timeline``, ``status`` and ``export`` with the same
message (:class:`movemap.errors.AmbiguousPlaceError`), unless ambiguity is accepted
(``accept_ambiguous=True``, the CLI's ``--accept-ambiguous``); then the best candidate is
used and a warning names the others. A name read with low confidence (a close spelling, a
fallback, an answer the rest of the dataset puts in doubt: what ``resolve`` flags) is drawn
with the same warning that ``validate`` gives (:func:`low_confidence_message`), never
silently.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING

from movemap.errors import AmbiguousPlaceError
from movemap.gazetteer import (
    Gazetteer,
    Kind,
    Method,
    Place,
    Query,
    Resolution,
    default_gazetteer,
)
from movemap.gazetteer.ambiguity import AMBIGUITY_KM, AMBIGUITY_MARGIN
from movemap.gazetteer.place import Precision

if TYPE_CHECKING:
    from movemap.model import Dataset, PlaceRef

__all__ = [
    "AMBIGUITY_KM",
    "AMBIGUITY_MARGIN",
    "accepting_ambiguous",
    "ambiguity_message",
    "ambiguous",
    "describe",
    "low_confidence_message",
    "place_label",
    "resolve_places",
    "resolve_refs",
]

log = logging.getLogger(__name__)

_ACCEPT_AMBIGUOUS: ContextVar[bool] = ContextVar("accept_ambiguous", default=False)


@contextlib.contextmanager
def accepting_ambiguous(accept: bool = True) -> Iterator[None]:
    """Within this block, ambiguous names are drawn at their best candidate, with a warning."""
    token = _ACCEPT_AMBIGUOUS.set(accept)
    try:
        yield
    finally:
        _ACCEPT_AMBIGUOUS.reset(token)


def point_place(ref: PlaceRef) -> Place:
    """The place of a reference that gives its own coordinates."""
    assert ref.lat is not None and ref.lon is not None
    return Place(id=f"point:{ref.lat:.5f},{ref.lon:.5f}", name=ref.label, lat=ref.lat,
                 lon=ref.lon, country=ref.country, admin1=None, kind=Kind.SITE,
                 population=None, source="dataset")


def resolve_refs(
    refs: list[PlaceRef], gazetteer: Gazetteer | None = None
) -> dict[PlaceRef, Resolution | Place]:
    """Each reference's place (given coordinates) or resolution (names, resolved together)."""
    named = [r for r in refs if not r.has_point and r.name]
    resolutions = (gazetteer or default_gazetteer()).resolve_all(
        [Query(r.name or "", r.country) for r in named]) if named else []
    out: dict[PlaceRef, Resolution | Place] = dict(zip(named, resolutions, strict=True))
    for ref in refs:
        if ref.has_point:
            out[ref] = point_place(ref)
    return out


def ambiguous(resolution: Resolution) -> bool:
    """Whether a resolution's runner-up is nearly as good as its winner, and elsewhere: the
    library's own test (``Resolution.ambiguous``, see ``movemap.gazetteer.ambiguity``)."""
    return resolution.ambiguous


def describe(place: Place) -> str:
    """A place with its country and region: ``Perth (AU, Western Australia)``."""
    where = ", ".join(x for x in (place.country, place.admin1) if x)
    return f"{place.name} ({where})" if where else place.name


def ambiguity_message(name: str, resolution: Resolution) -> str:
    """What ``validate`` and the drawing commands say about an ambiguous name."""
    shown = [*resolution.candidates[:3]]
    other = resolution.rival
    if other is not None and other not in shown:
        shown[-1] = other  # the runner-up that makes it ambiguous is always named
    options = "; ".join(describe(c.place) for c in shown)
    return f"place {name!r} is ambiguous: {options}; add country: or lat: and lon:"


def low_confidence_message(name: str, resolution: Resolution) -> str | None:
    """What ``validate`` and the drawing commands say about a name read with low confidence
    (a close spelling, a fallback, an answer in doubt), or None for a confident answer."""
    best = resolution.best
    if best.confident:
        return None
    if best.method is Method.FALLBACK:
        return f"{name!r}: {best.reading()}; check it"
    if best.method in (Method.FUZZY, Method.PHONETIC):
        how = "a close spelling" if best.method is Method.FUZZY else "another romanisation"
        return (f"{name!r} is not a known name; read as {describe(best.place)} ({how}): "
                "check it")
    return f"{name!r} read as {describe(best.place)} ({best.reading()}): check it"


def area_level(place: Place) -> bool:
    """True when the place's point stands for a whole country or region, not a spot on it."""
    return place.precision is Precision.COUNTRY or (
        place.precision is Precision.AREA and place.areal)


def place_label(place: Place) -> str:
    """A place's name as a position: areas say so (``in Russia (country-level)``)."""
    if not area_level(place):
        return place.name
    if place.precision is Precision.COUNTRY:
        return f"in {place.name} (country-level)"
    return f"in {place.name} ({place.kind.value}-level)"


def resolve_places(
    dataset: Dataset,
    gazetteer: Gazetteer | None = None,
    *,
    accept_ambiguous: bool | None = None,
) -> dict[PlaceRef, Place]:
    """Every place reference of the dataset as a place.

    Raises :class:`movemap.PlaceNotFoundError` for the first name that cannot be resolved
    and :class:`movemap.errors.AmbiguousPlaceError` for the first ambiguous one, unless
    ``accept_ambiguous`` (default: as set by :func:`accepting_ambiguous`, else False).
    """
    accept = _ACCEPT_AMBIGUOUS.get() if accept_ambiguous is None else accept_ambiguous
    out = {}
    for ref, found in resolve_refs(dataset.place_refs(), gazetteer).items():
        if isinstance(found, Place):
            out[ref] = found
            continue
        place = found.place
        name = ref.name or ""
        if ambiguous(found):
            message = ambiguity_message(name, found)
            if not accept:
                raise AmbiguousPlaceError(
                    f"{message} (or pass --accept-ambiguous to draw the first)", field="place")
            log.warning("%s; drawn at %s", message, describe(place))
        elif (warning := low_confidence_message(name, found)) is not None:
            log.warning("place %s", warning)
        out[ref] = place
    return out
