"""A dataset's place references resolved to places: names together, coordinates as given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from movemap.gazetteer import Gazetteer, Kind, Place, Query, Resolution, default_gazetteer

if TYPE_CHECKING:
    from movemap.model import Dataset, PlaceRef

__all__ = ["AMBIGUITY_KM", "AMBIGUITY_MARGIN", "ambiguous", "resolve_places", "resolve_refs"]

# A name is ambiguous when the runner-up scores within this margin of the winner and lies
# farther away than this: the data do not say which was meant.
AMBIGUITY_MARGIN = 0.05
AMBIGUITY_KM = 25.0


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
    """Whether a resolution's runner-up is nearly as good as its winner, and elsewhere."""
    from movemap.sphere import haversine_km

    candidates = resolution.candidates
    if len(candidates) < 2:
        return False
    best, second = candidates[0], candidates[1]
    return best.score - second.score < AMBIGUITY_MARGIN and haversine_km(
        best.place.lat, best.place.lon, second.place.lat, second.place.lon) > AMBIGUITY_KM


def resolve_places(dataset: Dataset, gazetteer: Gazetteer | None = None) -> dict[PlaceRef, Place]:
    """Every place reference of the dataset as a place.

    Raises :class:`movemap.PlaceNotFoundError` for the first name that cannot be resolved.
    """
    out = {}
    for ref, found in resolve_refs(dataset.place_refs(), gazetteer).items():
        out[ref] = found if isinstance(found, Place) else found.place
    return out
