"""A line network searched through its junctions: each chain of in-between nodes one entry.

Most nodes of the rail and road networks lie inside a line, with two neighbours: lines are
densified and cut every few km so that ends join near where they are (of the road
network's 186,000 nodes, about 20,000 are junctions). A search over the *hubs* (nodes
with other than two neighbours), each chain of in-between nodes from hub to hub one entry
whose cost is the sum of its steps, settles about ten times fewer nodes and finds the same
least costs:

- a node inside a chain costs the least of its two chain ends' costs plus the way along
  the chain to it (or, where a search starts inside that chain, the way from the start);
- a search may start inside a chain: its source reaches both ends of the chain at the
  start's cost plus the way along;
- a path found through hubs is expanded back into every node of its chains, so that the
  path drawn is the one a search over every node gives.

A node whose edges lie in different countries stays a hub, so that a rule of countries
opens or closes a chain whole. Costs are summed step by step along a chain in the order a
search over every node would add them, so the least costs agree to the last few bits of
rounding (a tie between two paths of exactly equal cost may be broken the other way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Chains", "Reach", "RuleGraph"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RuleGraph:
    """The hub graph of the chains a rule allows, with a last row for a search's source
    (``slots`` entries, filled at each search), and the chain of each of its entries."""

    graph: Any                      # scipy.sparse.csr_matrix, (hubs + 1) square
    chain: Ints                     # chain of each entry of the graph's hub rows
    keys: Ints                      # and its from and to hub, as from * (hubs + 1) + to
    chain_ok: npt.NDArray[np.bool_]  # whether the rule allows each chain
    slots: int


@dataclass(frozen=True)
class Chains:
    """The chains of a directed graph (entries sorted by from and to node, one a pair).

    A chain runs from a hub through nodes of two neighbours to a hub (each way along a line
    is its own chain); its nodes and the cost from its first node to each are stored one
    chain after another.
    """

    size: int          # nodes of the whole graph
    hub_of: Ints       # the hub number of each node, -1 for a node inside a chain
    hubs: Ints         # the node of each hub
    nodes: Ints        # every chain's nodes, hub to hub
    cum: Floats        # the cost from the chain's first node to each
    offsets: Ints      # chain c is nodes[offsets[c]:offsets[c + 1]]
    chain_of: Ints     # the chain of each position of ``nodes``
    at: Ints           # (size, 2): a node inside a chain at its two positions (one each way)
    first_entry: Ints  # the graph entry of each chain's first step (rules follow it)
    entry_chain: Ints  # entries between hubs, by from, to and cost: their chain
    entry_from: Ints   # and their hubs, by hub number
    entry_to: Ints
    entry_cost: Floats

    @classmethod
    def build(cls, size: int, u: Ints, v: Ints, w: Floats, group: Ints) -> Chains:
        """The chains of the graph of directed entries ``u`` to ``v`` costing ``w``; a
        chain's entries all have the same ``group`` (the edges' countries), so a rule
        allows or forbids a chain whole."""
        indptr = np.searchsorted(u, np.arange(size + 1))
        degree = np.diff(indptr)
        inner = degree == 2
        x = np.flatnonzero(inner)
        if len(x):
            keys = u * size + v
            out1, out2 = indptr[x], indptr[x] + 1
            back1 = np.searchsorted(keys, v[out1] * size + x)
            back2 = np.searchsorted(keys, v[out2] * size + x)
            same = ((group[out1] == group[out2]) & (group[back1] == group[out1])
                    & (group[back2] == group[out1]))
            inner[x[~same]] = False
        while True:
            walked = _walk(indptr, u, v, w, inner)
            seen = np.zeros(size, dtype=bool)
            seen[walked[2]] = True
            lost = inner & ~seen  # rings of inner nodes only: their nodes become hubs
            if not lost.any():
                break
            inner &= ~lost
        chain_id, step, node, cum, first = walked
        order = np.lexsort((step, chain_id))
        chain_id, node, cum = chain_id[order], node[order], cum[order]
        n_chains = len(first)
        offsets = np.zeros(n_chains + 1, dtype=np.int64)
        offsets[1:] = np.cumsum(np.bincount(chain_id, minlength=n_chains))
        hub_of = -np.ones(size, dtype=np.int64)
        hubs = np.flatnonzero(~inner)
        hub_of[hubs] = np.arange(len(hubs))
        at = -np.ones((size, 2), dtype=np.int64)
        where = np.flatnonzero(inner[node])
        by_node = where[np.argsort(node[where], kind="stable")]
        at[node[by_node[0::2]], 0] = by_node[0::2]
        at[node[by_node[1::2]], 1] = by_node[1::2]
        head, tail = node[offsets[:-1]], node[offsets[1:] - 1]
        cost = cum[offsets[1:] - 1] if n_chains else np.zeros(0)
        hu, hv = hub_of[head], hub_of[tail]
        keep = np.flatnonzero(hu != hv)  # a chain back to its own hub is no shortcut
        keep = keep[np.lexsort((cost[keep], hv[keep], hu[keep]))]
        return cls(size, hub_of, hubs, node, cum, offsets, chain_id, at, first,
                   keep, hu[keep], hv[keep], cost[keep])

    def rule_graph(self, entry_ok: npt.NDArray[np.bool_], slots: int) -> RuleGraph:
        """The graph of the chains whose first entry ``entry_ok`` allows (the cheapest
        of parallel chains between two hubs), with ``slots`` entries for the source."""
        from scipy.sparse import csr_matrix

        chain_ok = entry_ok[self.first_entry]
        ok = np.flatnonzero(chain_ok[self.entry_chain])
        hu, hv = self.entry_from[ok], self.entry_to[ok]
        first = np.ones(len(ok), dtype=bool)
        first[1:] = (hu[1:] != hu[:-1]) | (hv[1:] != hv[:-1])
        ok, hu, hv = ok[first], hu[first], hv[first]
        n = len(self.hubs)
        rows = np.bincount(hu, minlength=n)
        indptr = np.concatenate([[0], np.cumsum(rows), [0]]).astype(np.int32)
        indptr[-1] = indptr[-2] + slots
        indices = np.concatenate([hv, np.full(slots, n)]).astype(np.int32)
        data = np.concatenate([self.entry_cost[ok], np.ones(slots)])
        graph = csr_matrix((data, indices, indptr), shape=(n + 1, n + 1))
        return RuleGraph(graph, self.entry_chain[ok], hu * (n + 1) + hv, chain_ok, slots)

    def sources(self, starts: Ints, costs: Floats, chain_ok: npt.NDArray[np.bool_]) -> tuple[
            Ints, Floats, Ints, Ints]:
        """The hubs a search's source reaches first: each start that is a hub, and both
        ends of the chain of each start inside one (if the rule allows it), at the start's
        cost plus the way along; the cheapest way to each hub, with its start node and the
        position of that start in the chain taken (-1 for a hub)."""
        hub = self.hub_of[starts]
        is_hub = hub >= 0
        to_hub, cost = [hub[is_hub]], [costs[is_hub]]
        start, via = [starts[is_hub]], [-np.ones(int(is_hub.sum()), dtype=np.int64)]
        inside, inside_cost = starts[~is_hub], costs[~is_hub]
        for k in (0, 1):
            p = self.at[inside, k]
            c = self.chain_of[p]
            ok = chain_ok[c]
            last = self.offsets[c + 1] - 1
            to_hub.append(self.hub_of[self.nodes[last]][ok])
            cost.append((inside_cost + (self.cum[last] - self.cum[p]))[ok])
            start.append(inside[ok])
            via.append(p[ok])
        hubs, cost_a = np.concatenate(to_hub), np.concatenate(cost)
        start_a, via_a = np.concatenate(start), np.concatenate(via)
        order = np.lexsort((cost_a, hubs))
        hubs, cost_a, start_a, via_a = hubs[order], cost_a[order], start_a[order], via_a[order]
        first = np.ones(len(hubs), dtype=bool)
        first[1:] = hubs[1:] != hubs[:-1]
        return hubs[first], cost_a[first], start_a[first], via_a[first]


@dataclass(frozen=True)
class Reach:
    """What one search from a source found: the least cost to any node and the path to it,
    as a search over every node would give them."""

    chains: Chains
    rule: RuleGraph
    dist: Floats                   # least cost of each hub (the source last)
    pred: npt.NDArray[np.int32]    # and its hub before on the path (the source: its number)
    starts: Ints                   # the start joins and their costs
    start_costs: Floats
    first_start: dict[int, tuple[int, int]]  # hub reached from the source: start, position
    limit: float | None
    # how each node costed so far is reached (_best's how and position, a node's own: the
    # same alone as among others), for the path to the one a search then picks
    ways: dict[int, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def _inside_starts(self) -> tuple[Ints, Floats]:
        inside = self.chains.hub_of[self.starts] < 0
        return self.starts[inside], self.start_costs[inside]

    def cost(self, nodes: Ints) -> Floats:
        """The least cost of each node (inf where none within the search's limit); how each
        is reached is remembered for :meth:`path` (a path goes to a node just costed)."""
        nodes = np.asarray(nodes, dtype=np.int64)
        out, how, pos = self._best(nodes)
        self.ways.update(zip(nodes.tolist(), zip(how.tolist(), pos.tolist(), strict=True),
                             strict=True))
        return out

    def _best(self, nodes: Ints) -> tuple[Floats, Ints, Ints]:
        """The least cost of each node, and how: (-1, -1) through its hub; (0 or 1, -1)
        from the first hub of its chain that way; (2 + k, p): from the start at position p
        of the chain of the node's k-th position, along it. Of equal costs, the first
        way in that order (and in the order of the starts) is taken."""
        ch = self.chains
        out = np.full(len(nodes), np.inf)
        how = -np.ones(len(nodes), dtype=np.int64)
        pos = -np.ones(len(nodes), dtype=np.int64)
        hub = ch.hub_of[nodes]
        is_hub = hub >= 0
        out[is_hub] = self.dist[hub[is_hub]]
        inside = np.flatnonzero(~is_hub)
        if not len(inside):
            return self._limited(out), how, pos
        x = nodes[inside]
        px = ch.at[x]                                   # (m, 2) positions
        cx = ch.chain_of[px]                            # and their chains
        head = ch.hub_of[ch.nodes[ch.offsets[cx]]]
        ways = [np.where(self.rule.chain_ok[cx], self.dist[head] + ch.cum[px], np.inf)]
        starts, start_costs = self._inside_starts()
        if len(starts):
            ps = ch.at[starts]                          # (s, 2)
            cs = ch.chain_of[ps]
            ok = self.rule.chain_ok[cs]
            itself = np.where(x[:, None] == starts[None, :], start_costs[None, :], np.inf)
            along = [itself[:, :, None]]
            for k in (0, 1):
                for kx in (0, 1):
                    same = ((cx[:, kx, None] == cs[None, :, k]) & ok[None, :, k]
                            & (px[:, kx, None] >= ps[None, :, k]))
                    along.append(np.where(
                        same, start_costs[None, :] + (ch.cum[px[:, kx, None]]
                                                      - ch.cum[ps[None, :, k]]),
                        np.inf)[:, :, None])
            ways.append(np.concatenate(along, axis=2).reshape(len(x), -1))
        every = np.concatenate(ways, axis=1)
        best = np.argmin(every, axis=1)
        out[inside] = every[np.arange(len(x)), best]
        from_start = best >= 2
        how[inside] = np.where(from_start, 0, best)
        if from_start.any():
            t = best[from_start] - 2
            s_index, r = t // 5, t % 5
            k, kx = np.maximum(r - 1, 0) // 2, np.maximum(r - 1, 0) % 2
            start_pos = np.where(r == 0, ch.at[starts[s_index], 0],
                                 ch.at[starts[s_index], k])
            how[inside[from_start]] = 2 + np.where(r == 0, 0, kx)
            pos[inside[from_start]] = start_pos
        return self._limited(out), how, pos

    def _limited(self, out: Floats) -> Floats:
        if self.limit is not None:
            out[out > self.limit] = np.inf
        return out

    def path(self, node: int) -> list[int]:
        """The nodes of the least-cost path from a start join to ``node`` (reached)."""
        ch = self.chains
        way = self.ways.get(node)
        if way is None:
            _, how, pos = self._best(np.array([node], dtype=np.int64))
            way = int(how[0]), int(pos[0])
        k, ps = way
        if k == -1:
            return self._hub_path(int(ch.hub_of[node]))
        p = int(ch.at[node, k if k < 2 else k - 2])
        if k >= 2:  # from a start in the same chain
            return [int(n) for n in ch.nodes[ps: p + 1]]
        c = int(ch.chain_of[p])
        head = int(ch.hub_of[ch.nodes[ch.offsets[c]]])
        return [*self._hub_path(head), *(int(n) for n in ch.nodes[ch.offsets[c] + 1: p + 1])]

    def _hub_path(self, hub: int) -> list[int]:
        ch = self.chains
        source = len(ch.hubs)
        hops = [hub]
        while int(self.pred[hops[-1]]) != source:
            hops.append(int(self.pred[hops[-1]]))
        hops.reverse()
        start, p = self.first_start[hops[0]]
        if p < 0:
            head = np.array([start], dtype=np.int64)
        else:
            head = ch.nodes[p: ch.offsets[ch.chain_of[p] + 1]]
        if len(hops) < 2:
            return [int(n) for n in head]
        a, b = np.array(hops[:-1], dtype=np.int64), np.array(hops[1:], dtype=np.int64)
        chain = self.rule.chain[np.searchsorted(self.rule.keys, a * (source + 1) + b)]
        first, stop = ch.offsets[chain] + 1, ch.offsets[chain + 1]
        sizes = stop - first
        index = np.arange(int(sizes.sum())) + np.repeat(first - np.cumsum(sizes) + sizes,
                                                          sizes)
        out: list[int] = np.concatenate([head, ch.nodes[index]]).tolist()
        return out


def _walk(indptr: Ints, u: Ints, v: Ints, w: Floats, inner: npt.NDArray[np.bool_]) -> tuple[
        Ints, Ints, Ints, Floats, Ints]:
    """Every chain walked from its hub, all at once, one step at a time: each position's
    chain, step, node and cost from the chain's start (summed step by step), and the
    entry each chain begins with."""
    first = np.flatnonzero(~inner[u])
    chain = np.arange(len(first))
    cur = first
    run = np.zeros(len(first))
    chains, steps, nodes, cums = [chain], [np.full(len(first), -1)], [u[first]], [run]
    step = 0
    while len(cur):
        run = run + w[cur]
        chains.append(chain)
        steps.append(np.full(len(cur), step))
        nodes.append(v[cur])
        cums.append(run)
        going = inner[v[cur]]
        cur, chain, run = cur[going], chain[going], run[going]
        here = v[cur]
        out = indptr[here]
        cur = np.where(v[out] == u[cur], out + 1, out)
        step += 1
        if step > len(u) + 1:  # pragma: no cover - a walk passes each entry once
            raise RuntimeError("chain walk did not end")
    return (np.concatenate(chains), np.concatenate(steps), np.concatenate(nodes),
            np.concatenate(cums), first)
