"""The realism set's cases (benchmarks/realism/cases.yaml) are well formed.

No routing happens here: ``benchmarks/realism_bench.py`` measures routes. This checks what a
case must hold for the benchmark to judge it: a unique id, a mode, ends as [name, lon, lat],
the countries the real route may cross as codes Natural Earth knows, a length with a
tolerance and its source, and for sea legs the two ports.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from movemap.routing.countries import codes

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "benchmarks" / "realism" / "cases.yaml"


def _cases() -> list[dict[str, Any]]:
    return list(yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"])


@cache
def _country_codes() -> frozenset[str]:
    # as routing reads them: Namibia's "NA" is null in the file (movemap.countries)
    return frozenset(codes())


def _is_end(end: Any) -> bool:
    return (isinstance(end, list) and len(end) == 3 and isinstance(end[0], str) and end[0] != ""
            and all(isinstance(v, int | float) for v in end[1:])
            and -180 <= end[1] <= 180 and -90 <= end[2] <= 90)


def test_case_ids_are_unique_and_the_set_is_large() -> None:
    ids = [c["id"] for c in _cases()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 40


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_a_case_holds_what_the_benchmark_judges(case: dict[str, Any]) -> None:
    assert case["mode"] in ("rail", "road", "sea")
    assert case["id"].startswith(case["mode"] + "-")
    ends = [case["from"], *case.get("via", []), case["to"]]
    assert all(_is_end(end) for end in ends), ends
    assert case["length_km"] > 0 and 0 < case["tol"] <= 0.5
    assert isinstance(case["source"], str) and len(case["source"]) > 10
    if case["mode"] == "sea":
        ports = case["ports"]
        assert len(ports) == 2 and all(isinstance(p, str) and p for p in ports)
    else:
        countries = case["countries"]
        assert countries and set(countries) <= _country_codes(), countries
        assert set(case.get("through", [])) <= set(countries)


def test_a_bad_case_is_caught() -> None:
    """The check above can fail: a case with an unknown country code or no port does."""
    good = next(c for c in _cases() if c["mode"] == "road")
    with pytest.raises(AssertionError):
        test_a_case_holds_what_the_benchmark_judges({**good, "countries": ["XQ"]})
    sea = next(c for c in _cases() if c["mode"] == "sea")
    with pytest.raises(AssertionError):
        test_a_case_holds_what_the_benchmark_judges({**sea, "ports": ["Busan"]})


GROUPS = ["first 64", "added in round 3", "added in round 11", "added in round 12",
          "added in round 12b"]


@pytest.mark.parametrize(("words", "chosen"), [
    ("round 1", set()),
    ("round 12", {"added in round 12"}),
    ("round 12b", {"added in round 12b"}),
    ("first 64", {"first 64"}),
])
def test_a_group_is_chosen_by_whole_words(words: str, chosen: set[str]) -> None:
    """``realism_bench.py --group "round 1"`` takes no round 11 or 12 case."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from realism_bench import in_group
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert {g for g in GROUPS if in_group(g, words)} == chosen
