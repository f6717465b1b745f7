"""Node positions computed in Python, so a page draws at once without waiting for physics.

Fruchterman-Reingold from igraph's C core: about 2 s for 20,000 nodes, where networkx's
``spring_layout`` takes minutes. The start is seeded, so the same graph always gets the
same positions. The two best-connected terms (for the bundled discussion, cooperation
and collaboration) are pinned left and right, so what is said of each gathers on its
side and what they share falls between them.

>>> from conceptgraph import load_graph
>>> pos = layout(load_graph())
>>> pos["cooperation"][0] < 0 < pos["collaboration"][0]
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .graph import adjacency, distinct_degree
from .kinds import AGREES_WITH, ASSERTS, CLAIM, DISPUTES, OPPOSES, TERM

if TYPE_CHECKING:
    from .graph import Graph

__all__ = ["layout", "anchors"]

SPACING = 125  # pixels of canvas per node along each axis, before labels are pushed apart
SEPARATE_MAX = 300
# How hard each kind of edge pulls its ends together: an attribute sits by the term it
# is said of, more than by the person who said it.
_PULL = {CLAIM: 3.0, ASSERTS: 0.4, OPPOSES: 0.6, AGREES_WITH: 0.5, DISPUTES: 0.5}


def anchors(G: Graph, degree: dict[Any, int] | None = None) -> list[Any]:
    """The two terms with most distinct neighbours (fewer when the graph has fewer terms)."""
    degree = degree if degree is not None else distinct_degree(G)
    terms = [n for n, k in G.nodes(data="kind") if k == TERM]
    order = {n: i for i, n in enumerate(G.nodes)}
    return sorted(terms, key=lambda n: (-degree[n], order[n]))[:2]


def layout(
    G: Graph,
    seed: int = 0,
    iterations: int | None = None,
    boxes: Callable[[], dict[Any, tuple[float, float]]] | None = None,
    degree: dict[Any, int] | None = None,
) -> dict[Any, tuple[int, int]]:
    """Integer canvas positions ``{node: (x, y)}`` for every node of ``G``.

    ``boxes()`` gives each node's half width and half height on the canvas (its
    label); on graphs up to ``SEPARATE_MAX`` nodes, where it is called, overlapping
    boxes are then pushed apart so that labels stay readable. Deterministic for a
    given graph and ``seed``. O(iterations x nodes) with igraph's grid variant.
    """
    import igraph  # a C library: imported only when a page is drawn

    nodes = list(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    index = {node: i for i, node in enumerate(nodes)}
    pull = _pulls(G, index)
    pairs = sorted(pull)
    pinned = anchors(G, degree) if pairs else []
    start, limits = _start(n, [index[p] for p in pinned], seed)
    # igraph draws its random numbers from Python's `random` module: seed it for the
    # layout only, and give the caller's random state back afterwards.
    state = random.getstate()
    try:
        random.seed(seed)
        coords = igraph.Graph(n=n, edges=pairs).layout_fruchterman_reingold(
            seed=start, niter=iterations or _iterations(n), grid="auto", weights=[pull[p] for p in pairs], **limits
        ).coords
    finally:
        random.setstate(state)
    pos = _to_canvas(nodes, coords)
    _tuck_isolated(G, pos)
    if boxes is not None and n <= SEPARATE_MAX:
        pos = _separate(pos, boxes(), fixed=set(pinned), rounds=min(400, 50_000 // n))
    return {node: (round(x), round(y)) for node, (x, y) in pos.items()}


def placed(G: Graph, kept: dict[Any, tuple[int, int]], boxes: dict[Any, tuple[float, float]]) -> dict[Any, tuple[int, int]]:
    """Positions for ``G`` that keep the nodes an earlier drawing had (``kept``) where
    they were, a new node among its kept neighbours, nearest those it is most strongly
    linked to (an attribute by its term more than by its speaker; else under the rest),
    then labels pushed apart, the new nodes first: a graph drawn again after a small
    change (two terms made one, an item added) looks as it did. Two kept nodes whose labels
    have come to overlap (grown with their links) are pushed apart as little as that takes.
    Above ``SEPARATE_MAX`` nodes no label is pushed, as :func:`layout` pushes none.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> pos = placed(G, {"a": (0, 0), "b": (400, 0)}, {n: (20.0, 10.0) for n in G})
    >>> pos["a"], pos["b"], pos["c"][0]
    ((0, 0), (400, 0), 400)
    """
    succ, pred, _ = adjacency(G)

    def pull(a: Any, b: Any) -> float:
        return _pull_of([*succ.get(a, {}).get(b, {}).values(), *succ.get(b, {}).get(a, {}).values()])

    pos: dict[Any, tuple[float, float]] = {n: kept[n] for n in G if n in kept}
    if not pos:
        pos = {n: (0.0, 0.0) for n in G}
    bottom = max(y for _, y in pos.values()) + SPACING
    left = min(x for x, _ in pos.values())
    alone = 0
    for n in G:
        if n in pos:
            continue
        near = [(pos[m], pull(n, m)) for m in dict.fromkeys((*succ.get(n, ()), *pred.get(n, ()))) if m in pos]
        if near:
            weight = sum(w for _, w in near)
            pos[n] = (sum(x * w for (x, _), w in near) / weight, sum(y * w for (_, y), w in near) / weight + SPACING / 3)
        else:
            pos[n] = (left + alone * SPACING * 1.5, bottom)
            alone += 1
    if len(pos) <= SEPARATE_MAX:  # (as :func:`layout` does: a big graph is read by its shape first)
        fixed = {n for n in G if n in kept}
        rounds = min(400, 50_000 // max(len(pos), 1))
        pos = _separate(pos, boxes, fixed=fixed, rounds=rounds)
        pos = _separate(pos, boxes, fixed=set(), rounds=rounds, gap=0.0)  # (only labels that still cover another move)
    return {node: (round(x), round(y)) for node, (x, y) in pos.items()}


def _pulls(G: Graph, index: dict[Any, int]) -> dict[tuple[int, int], float]:
    """How hard each linked pair of nodes pulls together: the strongest of its links."""
    pull: dict[tuple[int, int], float] = {}
    succ, _, _ = adjacency(G)
    for u, nbrs in succ.items():
        i = index[u]
        for v, keyed in nbrs.items():
            j = index[v]
            if i != j:
                pair = (i, j) if i < j else (j, i)
                pull[pair] = max(pull.get(pair, 0.0), _pull_of(keyed.values()))
    return pull


def _pull_of(links: Iterable[dict[str, Any]]) -> float:
    """How hard links ``links`` between two nodes pull them together: the strongest's pull."""
    return max((_PULL.get(str(d.get("kind")), 1.0) for d in links), default=1.0)


def _start(n: int, pinned: list[int], seed: int) -> tuple[list[list[float]], dict[str, list[float]]]:
    """Seeded starting positions, and limits that hold the two pinned nodes left and right."""
    side = math.sqrt(n)
    r = random.Random(seed).random
    start = [[(2 * r() - 1) * side, (2 * r() - 1) * side] for _ in range(n)]
    if len(pinned) != 2:
        return start, {}
    limits = {k: [math.inf if k.startswith("max") else -math.inf] * n for k in ("minx", "maxx", "miny", "maxy")}
    for i, x in zip(pinned, (-side, side)):
        start[i] = [x, 0.0]
        limits["minx"][i] = limits["maxx"][i] = x
        limits["miny"][i] = limits["maxy"][i] = 0.0
    return start, limits


def _iterations(n: int) -> int:
    """Fewer rounds on bigger graphs: igraph's grid variant costs about 30 ms per round
    at 20,000 nodes here, and a big graph is read by its clusters, not its details."""
    if n <= 1000:
        return 1000
    if n <= 3000:
        return 300
    if n <= 8000:
        return 100
    return 25


def _to_canvas(nodes: list[Any], coords: list[list[float]]) -> dict[Any, tuple[float, float]]:
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = SPACING * math.sqrt(len(nodes)) / extent
    return {node: ((x - cx) * scale, (y - cy) * scale) for node, (x, y) in zip(nodes, coords)}


def _tuck_isolated(G: Graph, pos: dict[Any, tuple[float, float]]) -> None:
    """Line nodes without any link up under the rest, instead of letting the layout
    fling them to the far edges (which would shrink everything else on screen)."""
    succ, pred, _ = adjacency(G)
    linked = {n for n, nbrs in succ.items() if nbrs} | {n for n, nbrs in pred.items() if nbrs}
    alone = [n for n in pos if n not in linked]
    if not alone or len(alone) == len(pos):
        return
    others = [pos[n] for n in linked]
    left = min(x for x, _ in others)
    width = max(x for x, _ in others) - left
    bottom = max(y for _, y in others) + SPACING
    per_row = max(1, int(width // (SPACING * 1.5)) + 1)
    for k, n in enumerate(alone):
        pos[n] = (left + (k % per_row) * SPACING * 1.5, bottom + (k // per_row) * SPACING * 0.6)


def _separate(
    pos: dict[Any, tuple[float, float]],
    boxes: dict[Any, tuple[float, float]],
    fixed: set[Any],
    rounds: int = 400,
    gap: float = 6.0,
    patience: int | None = 8,
    push: float = 1.75,
) -> dict[Any, tuple[float, float]]:
    """Push apart nodes whose label boxes overlap, along the axis of least overlap.

    Each pair is pushed ``push`` times its overlap (a little more than apart: pushing
    exactly apart lets neighbours push them back, and the overlap then shrinks by half
    a percent a round). Stops when the boxes overlap by less than half a pixel per node
    in all, or when the total overlap has not shrunk by 1% for ``patience`` rounds;
    ``patience=None`` runs every round (the benchmark's baseline). A grid of cells as
    large as the largest box keeps each round near-linear.
    """
    nodes = list(pos)
    xs = [pos[n][0] for n in nodes]
    ys = [pos[n][1] for n in nodes]
    ws = [boxes.get(n, (20.0, 10.0))[0] + gap for n in nodes]
    hs = [boxes.get(n, (20.0, 10.0))[1] + gap for n in nodes]
    still = [n in fixed for n in nodes]
    cell = 2 * max(max(ws), max(hs))
    best, since = float("inf"), 0
    for _ in range(rounds):
        grid: dict[tuple[int, int], list[int]] = {}
        for i in range(len(nodes)):
            grid.setdefault((int(xs[i] // cell), int(ys[i] // cell)), []).append(i)
        moved = False
        overlap = 0.0
        for (gx, gy), members in grid.items():
            near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in grid.get((gx + dx, gy + dy), ())]
            for i in members:
                for j in near:
                    if j <= i:
                        continue
                    dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                    ox, oy = ws[i] + ws[j] - abs(dx), hs[i] + hs[j] - abs(dy)
                    if ox <= 0 or oy <= 0:
                        continue
                    moved = True
                    overlap += min(ox, oy)
                    share_i = 0.0 if still[i] else (1.0 if still[j] else 0.5)
                    share_j = 0.0 if still[j] else 1.0 - share_i
                    if ox < oy:
                        sign = push if dx > 0 or (dx == 0 and i < j) else -push
                        xs[i] -= sign * ox * share_i
                        xs[j] += sign * ox * share_j
                    else:
                        sign = push if dy > 0 or (dy == 0 and i < j) else -push
                        ys[i] -= sign * oy * share_i
                        ys[j] += sign * oy * share_j
        if not moved or (patience is not None and overlap < 0.5 * len(nodes)):
            break
        if overlap < 0.99 * best:
            best, since = overlap, 0
        else:
            since += 1
            if patience is not None and since >= patience:
                break
    return {n: (xs[i], ys[i]) for i, n in enumerate(nodes)}
