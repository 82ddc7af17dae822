"""Groups: connected components of strong links and hubs, and exposure to bad-standing accounts.

Edges are links at or above `scan.group_severity` and hubs that group (not allowed, rule with
hub_groups, severity at or above the threshold); a hub joins all its members at once. A
group's `key` is stable across runs (a hash of its members); `id` numbers groups by max
score. Exposure's via_score is the bottleneck (weakest edge) of the strongest path between
two members, found on a maximum spanning forest.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from linkaudit.result import Exposure, Group
from linkaudit.vocab import BAD_STANDING, Status


@dataclass(frozen=True)
class Edge:
    """A grouping edge: a link (two accounts) or a hub (its members, through a hub node)."""

    nodes: tuple[str, ...]
    score: float
    hub: str | None = None


class UnionFind:
    """Disjoint sets with path halving and union by size."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.size.setdefault(x, 1)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        if self.size[rx] < self.size[ry]:
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.size[rx] += self.size[ry]
        return True


def group_key(members: list[str]) -> str:
    """`g-` + 10 hex of sha1 over the sorted member ids joined by newlines."""
    return "g-" + hashlib.sha1("\n".join(sorted(members)).encode()).hexdigest()[:10]


def _pairwise(edge: Edge) -> list[tuple[str, str]]:
    """A link is one pair; a hub is a star through a node of its own."""
    if edge.hub is None:
        return [(edge.nodes[0], edge.nodes[1])]
    return [(f"hub\x00{edge.hub}", n) for n in edge.nodes]


@dataclass(frozen=True)
class Grouping:
    groups: list[Group]
    group_of: dict[str, int]
    exposure: dict[str, list[Exposure]]


def build_groups(edges: list[Edge], status: dict[str, Status]) -> Grouping:
    """Components of the edges; groups with two or more accounts, numbered from 1."""
    forest = UnionFind()
    tree: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for edge in sorted(edges, key=lambda e: (-e.score, e.nodes)):  # Kruskal, strongest first
        for x, y in _pairwise(edge):
            if forest.union(x, y):
                tree[x].append((y, edge.score))
                tree[y].append((x, edge.score))
    members: dict[str, list[str]] = defaultdict(list)
    for node in list(forest.parent):
        if not node.startswith("hub\x00"):
            members[forest.find(node)].append(node)
    by_root: dict[str, list[Edge]] = defaultdict(list)
    for edge in edges:
        by_root[forest.find(edge.nodes[0])].append(edge)
    drafts = [_draft(sorted(m), by_root[r], status) for r, m in members.items() if len(m) >= 2]
    drafts.sort(key=lambda g: (-g.max_score, g.key))
    groups = [g.model_copy(update={"id": n}) for n, g in enumerate(drafts, start=1)]
    group_of = {acc: g.id for g in groups for acc in g.accounts}
    return Grouping(groups, group_of, _exposure(groups, tree, status))


def _draft(accounts: list[str], edges: list[Edge], status: dict[str, Status]) -> Group:
    """A group (id assigned later) of these accounts, joined by these edges."""
    scores = [e.score for e in edges]
    bad = [a for a in accounts if status.get(a) in BAD_STANDING]
    hubs = sorted({e.hub for e in edges if e.hub is not None})
    return Group(
        id=0,
        accounts=accounts,
        max_score=round(max(scores), 4),
        has_closed_or_suspended=bool(bad),
        key=group_key(accounts),
        size=len(accounts),
        min_score=round(min(scores), 4),
        closed_or_suspended=bad,
        hubs=hubs,
    )


def _bottlenecks(tree: dict[str, list[tuple[str, float]]], start: str) -> dict[str, float]:
    """The weakest edge on the tree path from start to every node of its tree."""
    best = {start: 1.0}
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt, score in tree[node]:
            if nxt not in best:
                best[nxt] = min(best[node], score)
                stack.append(nxt)
    return best


def _exposure(
    groups: list[Group], tree: dict[str, list[tuple[str, float]]], status: dict[str, Status]
) -> dict[str, list[Exposure]]:
    out: dict[str, list[Exposure]] = defaultdict(list)
    for group in groups:
        for bad in group.closed_or_suspended:
            reach = _bottlenecks(tree, bad)
            for acc in group.accounts:
                if acc != bad:
                    out[acc].append(
                        Exposure(
                            account=bad, status=status[bad].value, via_score=round(reach[acc], 4)
                        )
                    )
    return {
        acc: sorted(items, key=lambda e: (-e.via_score, e.account)) for acc, items in out.items()
    }
