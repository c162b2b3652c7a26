"""Searches over junctions and chains (``routing.chains``) find what a search over every
node finds: the same least costs and the same paths, so the routes drawn are unchanged."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from movemap.routing import Networks
from movemap.routing.chains import Chains
from movemap.routing.network import FAR_CANDIDATES, OFF_NETWORK_COST, Network


def _every_node(network: Network, starts: np.ndarray, to_starts: np.ndarray,
                rule: tuple[frozenset[str] | None, frozenset[str]],
                limit: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Least costs and predecessors over every node of the network, as searches ran before
    chains (a source node joined to the starts at their cost off the network)."""
    n = len(network._a.nodes)
    mask = network._mask(*rule)
    rows = np.concatenate([network._u[mask], np.full(len(starts), n)])
    cols = np.concatenate([network._v[mask], starts])
    data = np.concatenate([network._w[mask], to_starts * OFF_NETWORK_COST + 1e-9])
    graph = csr_matrix((data, (rows, cols)), shape=(n + 1, n + 1))
    return dijkstra(graph, directed=True, indices=n, return_predecessors=True,
                    limit=np.inf if limit is None else limit)


def _chain_of(predecessors: np.ndarray, node: int, source: int) -> list[int]:
    chain = [node]
    while chain[-1] != source:
        chain.append(int(predecessors[chain[-1]]))
    return chain[::-1][1:]


def _compare(network: Network, rng: np.random.Generator, searches: int,
             rule: tuple[frozenset[str] | None, frozenset[str]] = (None, frozenset()),
             limit: float | None = None) -> int:
    """Searches from random start joins (nodes inside chains and junctions alike) to every
    node; the costs agree to rounding and the paths to the nodes with one least-cost path
    are the same. Returns how many paths were compared."""
    n = len(network._a.nodes)
    # under a rule of countries, most starts are drawn among the nodes of its open edges
    # (drawn from the whole world, few fall in the countries it keeps, and the count of
    # paths compared hung on where the draw landed), one anywhere
    pool = (np.arange(n) if rule[0] is None
            else np.unique(network._u[network._mask(*rule)]))
    compared = 0
    for _ in range(searches):
        starts = np.unique(np.concatenate([rng.choice(pool, size=int(rng.integers(1, 9))),
                                           rng.integers(0, n, size=1)]))
        to_starts = rng.uniform(0.0, 20.0, size=len(starts))
        full, predecessors = _every_node(network, starts, to_starts, rule, limit)
        reach = network._dijkstra(starts, to_starts, rule, limit)
        cost = reach.cost(np.arange(n))
        assert np.array_equal(np.isfinite(cost), np.isfinite(full[:n]))
        finite = np.isfinite(cost)
        assert np.allclose(cost[finite], full[:n][finite], rtol=1e-12, atol=1e-9)
        for node in rng.choice(np.flatnonzero(finite), size=min(40, int(finite.sum())),
                               replace=False).tolist():
            expected = _chain_of(predecessors, node, n)
            got = reach.path(node)
            assert got[0] in starts.tolist() and got[-1] == node
            steps = network._w[network._entry(np.array(got[:-1]), np.array(got[1:]))] \
                if len(got) > 1 else np.zeros(0)
            start_cost = float(to_starts[starts == got[0]][0]) * OFF_NETWORK_COST + 1e-9
            # the path found costs what the least cost is (a tie may take another path)
            assert start_cost + steps.sum() == pytest.approx(full[node], rel=1e-12, abs=1e-9)
            compared += got == expected
    return compared


def _grid(size: int) -> Network:
    """A square grid of lines, every crossing a junction, each line densified into many
    nodes between them, with costs that differ by line."""
    lines = []
    for i in range(size):
        lines.append([(10.0 + i * 0.5, 50.0 + j * 0.05) for j in range(10 * (size - 1) + 1)])
        lines.append([(10.0 + j * 0.05, 50.0 + i * 0.5) for j in range(10 * (size - 1) + 1)])
    classes = ["main", "branch", "rail-7", "freeway", "minor"]
    return Network.from_lines(lines, "grid", classes=[classes[k % 5] for k in range(len(lines))])


def test_a_grid_searched_by_chains_gives_every_nodes_costs_and_paths() -> None:
    network = _grid(5)
    chains = network._chain_graph()
    assert len(chains.hubs) < len(network) / 5  # most nodes are inside chains
    rng = np.random.default_rng(1)
    assert _compare(network, rng, 30) > 800


def test_a_search_bounded_by_a_limit_reaches_the_same_nodes() -> None:
    network = _grid(4)
    assert _compare(network, np.random.default_rng(2), 20, limit=60.0) > 100


def test_a_ring_without_junctions_and_a_dead_end_are_searched() -> None:
    ring = [(20.0 + 0.1 * np.cos(t), 45.0 + 0.1 * np.sin(t))
            for t in np.linspace(0, 2 * np.pi, 40)[:-1]]
    ring.append(ring[0])
    spur = [(21.0, 45.0), (21.05, 45.0), (21.1, 45.02), (21.2, 45.03)]
    network = Network.from_lines([ring, spur, [(21.2, 45.03), (21.3, 45.1)]], "lines")
    assert _compare(network, np.random.default_rng(3), 20) > 100


def test_a_path_to_a_node_just_costed_is_the_path_found_for_it_alone() -> None:
    """A search's path goes to a node it has just costed: the way to it is taken from that
    costing (each node's way is its own, alone or among others), so the path is the one
    found for the node alone."""
    network = _grid(5)
    rng = np.random.default_rng(5)
    n = len(network)
    for _ in range(10):
        starts = np.unique(rng.integers(0, n, size=4))
        reach = network._dijkstra(starts, rng.uniform(0.0, 20.0, size=len(starts)),
                                  (None, frozenset()), None)
        nodes = rng.choice(n, size=16, replace=False)
        reach.cost(nodes)
        assert set(reach.ways) == set(nodes.tolist())
        remembered = [reach.path(node) for node in nodes.tolist()]
        reach.ways.clear()
        assert [reach.path(node) for node in nodes.tolist()] == remembered
        assert not reach.ways  # a path alone remembers nothing


@pytest.fixture(scope="module")
def networks() -> Networks:
    return Networks()


@pytest.mark.parametrize("mode", ["rail", "road"])
def test_the_reference_networks_give_the_same_paths(networks: Networks, mode: str) -> None:
    network: Network = getattr(networks, mode)
    chains = network._chain_graph()
    assert len(chains.hubs) < len(network) / 4
    rng = np.random.default_rng(4)
    assert _compare(network, rng, 6) > 150
    # under a rule of countries (chains whose edges lie in others are closed whole)
    assert _compare(network, rng, 6, rule=(frozenset({"DE", "PL", "CZ", "AT", "FR"}),
                                           frozenset())) > 50
    assert _compare(network, rng, 4, limit=400.0) > 20


@pytest.mark.parametrize("rule", [(frozenset({"DE", "PL", "CZ"}), frozenset()),
                                  (None, frozenset({"BY"})), (None, frozenset())])
def test_a_rule_graph_from_the_first_entries_alone_is_the_whole_masks(
        networks: Networks, rule: tuple[frozenset[str] | None, frozenset[str]]) -> None:
    """A rule's graph is built from its mask at each chain's first entry only: the same
    graph as from the mask of every entry."""
    network: Network = networks.road
    chains = network._chain_graph()
    whole = network._mask(*rule)
    read = chains.first_entry
    assert np.array_equal(network._mask(*rule, read), whole[read])
    expected = chains.rule_graph(whole, 2 * FAR_CANDIDATES)
    got = network._rule_graph(rule)
    # the hubs' rows (the source's last row is filled at each search)
    rows = int(expected.graph.indptr[-2])
    assert np.array_equal(got.graph.indptr, expected.graph.indptr)
    assert np.array_equal(got.graph.indices[:rows], expected.graph.indices[:rows])
    assert np.array_equal(got.graph.data[:rows], expected.graph.data[:rows])
    for name in ("chain", "keys", "chain_ok"):
        assert np.array_equal(getattr(got, name), getattr(expected, name))
    if rule[0] is not None or rule[1]:
        assert not got.chain_ok.all()


def test_chains_of_a_graph_keep_each_node_between_its_hubs() -> None:
    """Every node inside a chain sits in two chains (one each way), between hubs."""
    network = _grid(3)
    chains: Chains = network._chain_graph()
    inside = np.flatnonzero(chains.hub_of < 0)
    assert len(inside) and (chains.at[inside] >= 0).all()
    assert (chains.nodes[chains.at[inside, 0]] == inside).all()
    assert (chains.nodes[chains.at[inside, 1]] == inside).all()
    heads = chains.nodes[chains.offsets[:-1]]
    tails = chains.nodes[chains.offsets[1:] - 1]
    assert (chains.hub_of[heads] >= 0).all() and (chains.hub_of[tails] >= 0).all()
