"""What the extraction tests compare a draft's legs by."""

from __future__ import annotations

from movemap.extract import Draft


def ends(draft: Draft) -> list[tuple[list[str], str]]:
    """Each leg as (origins, destination), by the words of the text."""
    return [([o.mention for o in leg.origins], leg.destination.mention) for leg in draft.legs]
