"""What the gazetteer remembers between batches (each name's hits and its ranking without
context, each place's unit vector) and the batched arithmetic of ranking must never change
an answer: a name follows its own batch, whatever was resolved before."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest

from movemap.gazetteer import Gazetteer, Kind, Resolution
from movemap.gazetteer.ranking import Context, Ranker, Spots, rank
from movemap.sphere import unit_rows, unit_vectors


def _full(resolutions: list[Resolution]) -> list[tuple[str, list[Any]]]:
    """Every candidate of each resolution, with its score and the parts of its score."""
    return [(r.query, [(c.place.id, c.score, sorted(c.parts.items()), c.method, c.doubt)
                       for c in r.candidates]) for r in resolutions]


def test_a_name_follows_its_own_batch_after_another() -> None:
    gazetteer = Gazetteer()
    for others, region in (("Ufa", "Bashkortostan"), ("Khabarovsk", "Amur Oblast"),
                           ("Ufa", "Bashkortostan")):
        found = gazetteer.resolve_all(["Blagoveshchensk", others])[0].place
        assert found.admin1 == region, (others, found)


BATCHES = [
    ["Portland", "Lewiston", "Auburn", "Lisbon", "Bangor"],  # many names, none clear alone
    ["Paris", "Lyon", "Marseille", "Victoria", "Georgia"],
    ["Kursk", "Sudzha", "Belgorod", "Kursk Oblast", "Moscow", "Vladivostok"],
    ["Stanley", "Goose Green", "Darwin", "Stanley airport", "San Carlos"],
    ["Kandahar", "Kabul", "Bagram", "Jalalabad"],
]


def test_answers_do_not_depend_on_what_was_resolved_before(gazetteer: Gazetteer) -> None:
    for batch in BATCHES:  # the session's gazetteer has resolved much already
        gazetteer.resolve_all(batch)
    warmed = [_full(gazetteer.resolve_all(batch)) for batch in reversed(BATCHES)]
    fresh = Gazetteer()
    assert warmed == [_full(fresh.resolve_all(batch)) for batch in reversed(BATCHES)]
    # and a name alone, after it came in batches
    assert _full([gazetteer.resolve("Darwin")]) == _full([Gazetteer().resolve("Darwin")])


def test_changing_returned_hits_leaves_the_memory_alone(gazetteer: Gazetteer) -> None:
    hits, generic = gazetteer.hits("Paris")
    first = list(hits)
    assert first
    hits.clear()
    again, generic_again = gazetteer.hits("Paris")
    assert again == first and generic_again == generic


def test_a_prepared_ranking_carries_no_context_from_one_batch_to_the_next(
        gazetteer: Gazetteer) -> None:
    # a town and its airport (part "its feature"), a region named like a town in it
    # ("namesake"), a capital and a region abroad ("town abroad"), a state and its towns
    names = ("Bremen", "Kabul", "Sofia", "Texas", "Victoria", "Georgia")
    places = {n: gazetteer.resolve(n).place for n in ("Kandahar", "Varna", "Austin", "Tbilisi",
                                                      "Hamburg", "Melbourne")}
    contexts = [Context([(p.lat, p.lon)], {p.country or "": 1.0}) for p in places.values()]
    contexts.append(Context([(p.lat, p.lon) for p in places.values()],
                            {"DE": 0.5, "US": 0.5}))
    for name in names:
        hits, generic = gazetteer.hits(name)
        kept = Ranker(hits, generic)  # one ranking, as the gazetteer keeps it between batches
        alone = kept.alone(name)
        for context in [*contexts, *reversed(contexts)]:
            fresh = Ranker(hits, generic).rank(context, name)
            assert kept.rank(context, name) == fresh == rank(hits, generic=generic,
                                                            context=context, query=name)
        assert kept.alone(name) == alone == rank(hits, generic=generic, query=name)


def test_remembered_unit_vectors_are_those_of_any_batch() -> None:
    rng = random.Random(7)
    points = [(rng.uniform(-180, 180), rng.uniform(-90, 90)) for _ in range(200)]
    points += points[:50]  # asked again: from memory
    rows = unit_rows(points)
    assert rows.shape == (250, 3)
    assert np.array_equal(rows, unit_vectors([p[0] for p in points], [p[1] for p in points]))
    assert unit_rows([]).shape == (0, 3)


def test_closeness_of_many_places_is_closeness_of_each(gazetteer: Gazetteer) -> None:
    region = gazetteer.resolve("Kursk Oblast").place
    country = gazetteer.resolve("Ukraine").place
    assert region.polygon is not None and country.polygon is not None
    others = [gazetteer.resolve(n).place for n in ("Sudzha", "Belgorod", "Kharkiv", "Lviv")]
    points = [(p.lat, p.lon) for p in others]
    places = [*others, gazetteer.resolve("Vladivostok").place, region, country]
    asked = [(p.lat, p.lon, p.polygon if p.kind in (Kind.REGION, Kind.COUNTRY) else None)
             for p in places]
    for context in (Context(points, {"UA": 0.5, "RU": 0.5}),
                    Context(points, areas=[region.polygon]),  # an area among the others
                    Context([], areas=[region.polygon]), Context([])):
        each = [context.closeness(lat, lon, polygon) for lat, lon, polygon in asked]
        assert context.closeness_beside_within(Spots(asked))[0] == each  # to the last bit
        # asked again after the batch (an area's from what the batch remembered)
        assert [context.closeness(lat, lon, polygon) for lat, lon, polygon in asked] == each
    assert Context(points).closeness_beside_within(Spots([])) == ([], [], [])


def test_within_of_many_places_is_within_of_each() -> None:
    import shapely

    rng = random.Random(11)
    # two outlines not symmetric in latitude and longitude, so that swapped axes show
    areas = [shapely.box(30.0, 50.0, 40.0, 55.0), shapely.box(-5.0, 10.0, -4.0, 30.0)]
    asked = [(rng.uniform(-10.0, 60.0), rng.uniform(-10.0, 45.0), None) for _ in range(300)]
    asked += [(52.0, 35.0, None), (20.0, -4.5, None), (35.0, 52.0, None), (50.0, 35.0, None)]
    for context in (Context([(52.0, 36.0)], areas=areas), Context([], areas=areas[:1]),
                    Context([(52.0, 36.0)])):
        each = [context.within(lat, lon) for lat, lon, _ in asked]
        assert context.closeness_beside_within(Spots(asked))[2] == each
    inside = Context([], areas=areas).closeness_beside_within(Spots(asked))[2]
    assert inside[-4:-1] == [True, True, False] and 8 < sum(inside) < 300
    assert Context([], areas=areas).closeness_beside_within(Spots([]))[2] == []


def test_remembered_key_and_kind_phrase_of_a_name() -> None:
    from movemap.gazetteer.gazetteer import _key_phrase
    from movemap.gazetteer.normalize import kind_phrase, name_key

    for name in ("Port of Avonmouth", "Oakridge air base", "  Oakridge  ", "Mount Foo pass",
                 "", " - ", "Sankt Blasien", "Oakridge air base"):
        key = name_key(name)
        assert _key_phrase(name) == (key, kind_phrase(key) if key else None)
    assert _key_phrase("Oakridge air base")[1] is not None


def test_ball_scan_and_tree_find_the_same_neighbours() -> None:
    from movemap.gazetteer.gazetteer import _Ball
    from movemap.sphere import unit_vectors

    rng = random.Random(5)
    lons = [rng.uniform(20.0, 40.0) for _ in range(200)]
    lats = [rng.uniform(40.0, 60.0) for _ in range(200)]
    xyz = unit_vectors(lons, lats)
    chord = 2 * np.sin(300.0 / 6371.0088 / 2)
    for rows in (xyz[:10], xyz):  # a report's handful (scanned) and a batch (a tree)
        ball = _Ball(rows)
        for v in xyz[:25]:
            expected = [i for i in range(len(rows)) if np.linalg.norm(rows[i] - v) <= chord]
            assert sorted(ball.near(v, chord)) == expected
    assert _Ball(xyz[:3]).near(xyz[150], 1e-9) == []


@pytest.mark.parametrize("size", [40, 300])  # a report's handful (a plain scan), a dataset's many
def test_around_counts_the_context_points_within_reach(size: int) -> None:
    from movemap.gazetteer.ranking import SCAN_BELOW
    from movemap.sphere import haversine_km

    assert 40 < SCAN_BELOW <= 300  # the two sizes take the two paths
    rng = random.Random(8)
    points = [(rng.uniform(45.0, 55.0), rng.uniform(25.0, 40.0)) for _ in range(size)]
    context = Context(points)
    for lat, lon in [(50.0, 30.0), (47.0, 36.0), (10.0, 10.0)]:
        for km in (50.0, 150.0, 600.0):
            near = sum(1 for p in points if haversine_km(lat, lon, *p) <= km)
            assert context.around(lat, lon, km) == near
        nearest = min(haversine_km(lat, lon, *p) for p in points)
        assert context.nearest_km(lat, lon) == pytest.approx(nearest, abs=1e-6)
    assert Context([]).around(50.0, 30.0, 150.0) == 0
    assert Context([]).nearest_km(50.0, 30.0) == float("inf")


def test_remembered_rows_are_the_vectors_closeness_makes() -> None:
    from movemap.gazetteer.ranking import _row, _vector

    rng = random.Random(5)
    points = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(100)]
    first = [_row(lat, lon) for lat, lon in points]
    assert [_row(lat, lon) for lat, lon in points] == first  # asked again: from memory
    assert [_vector(lat, lon).tolist() for lat, lon in points] == [list(r) for r in first]
    context = Context(points[:5])
    asked = [(lat, lon, None) for lat, lon in points]
    spots = Spots(asked)
    each = [context.closeness(lat, lon) for lat, lon, _ in asked]
    assert context.closeness_beside_within(spots)[0] == each
    assert context.closeness_beside_within(spots)[0] == each  # the same spots again
