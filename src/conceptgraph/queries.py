"""Questions put to the concept graph. Each takes a graph and node names and returns
plain data (dicts, lists, strings) ready for JSON or for a table.

>>> from conceptgraph import load_graph
>>> G = load_graph()
>>> answer = compare(G, "cooperation", "collaboration")
>>> ("passive", "active") in {(c["attribute"], c["opposite"]) for c in answer["contrasts"]}
True
>>> [step["to"] for step in path(G, "todd", "bart-stewart")["steps"]][-1]
'bart-stewart'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from .errors import NoResult, NodeNotFound, article
from .graph import distinct_degree
from .kinds import RELATION_KINDS
from .names import resolve

__all__ = [
    "neighbors",
    "compare",
    "why",
    "who",
    "contributors",
    "path",
    "consensus",
    "rank",
    "clusters",
    "describe_edge",
]

_KIND_ORDER = {"term": 0, "attribute": 1, "contributor": 2}
_PHRASES = {"claim": "has", "asserts": "asserts", **RELATION_KINDS}


def _label(G: nx.MultiDiGraph, node: Any) -> str:
    return str(G._node[node].get("label", node))


def _name(G: nx.MultiDiGraph, node: Any) -> str:
    """A contributor's name, or the id when the speaker is not a node."""
    data = G._node.get(node)
    return str(data.get("label", node)) if data is not None else str(node)


def _evidence(G: nx.MultiDiGraph, data: dict[str, Any]) -> dict[str, Any]:
    """Who said it, in what words, where: the provenance of one claim or relation."""
    return {"speaker": _name(G, data.get("speaker", "")), "quote": data.get("quote", ""), "where": data.get("where", "")}


def _opposed(G: nx.MultiDiGraph, x: Any) -> set[Any]:
    """The attributes the data opposes to ``x``, in either direction. O(degree of x)."""
    return {
        y for adj in (G._succ[x], G._pred[x]) for y, keyed in adj.items()
        if y != x and any(d.get("kind") == "opposes" for d in keyed.values())
    }


def _node(G: nx.MultiDiGraph, node: Any) -> dict[str, Any]:
    return {"id": node, "label": _label(G, node), "kind": G.nodes[node].get("kind", "node")}


def _edges_between(G: nx.MultiDiGraph, u: Any, v: Any) -> Iterator[tuple[Any, Any, Any, dict[str, Any]]]:
    for key, data in G._succ[u].get(v, {}).items():
        yield u, v, key, data
    if u != v:
        for key, data in G._succ[v].get(u, {}).items():
            yield v, u, key, data


def describe_edge(G: nx.MultiDiGraph, u: Any, v: Any, key: Any, data: dict[str, Any]) -> dict[str, Any]:
    """An edge as a sentence's parts: who says what links ``u`` and ``v``, in what words."""
    kind = data.get("kind", "edge")
    phrase = _PHRASES.get(kind, kind.replace("_", " "))
    if data.get("negated"):
        phrase = {"claim": "lacks", "asserts": "denies"}.get(kind, "not " + phrase)
    out = {
        "source": u,
        "target": v,
        "key": key,
        "kind": kind,
        "text": f"{_label(G, u)} {phrase} {_label(G, v)}",
        "speaker": _name(G, data["speaker"]) if data.get("speaker") else "",
        "quote": data.get("quote", ""),
        "where": data.get("where", ""),
    }
    if kind in ("claim", "asserts"):
        out["negated"] = bool(data.get("negated"))
        if kind == "asserts":
            out["text"] += f" of {_label(G, data['term'])}" if data.get("term") in G else ""
    return out


# --- neighbours and paths ---------------------------------------------------------


def neighbors(
    G: nx.MultiDiGraph,
    name: str,
    depth: int = 1,
    kind: str | None = None,
    relation: str | None = None,
) -> list[dict[str, Any]]:
    """Nodes within ``depth`` steps of ``name``, along edges of either direction.

    Each result is ``{"id", "label", "kind", "relation", "relations", "direction",
    "distance", "via"}``: the edge kind(s) that reached the node from ``via`` (the
    node one step closer), ``direction`` ``out``/``in``/``both`` as seen from ``via``.
    ``kind`` keeps only nodes of that kind in the result; ``relation`` follows only
    edges of that kind. Cost: O(nodes + edges) within the radius.

    >>> from conceptgraph import load_graph
    >>> [n["id"] for n in neighbors(load_graph(), "bart-stewart", kind="contributor")]
    ['jim-benson']
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    start = resolve(G, name)
    succ, pred, data = G._succ, G._pred, G._node  # raw adjacency: views cost more than the walk
    seen = {start}
    frontier = [start]
    out: list[dict[str, Any]] = []
    for distance in range(1, depth + 1):
        found: dict[Any, list[Any]] = {}  # node -> [via, direction, kinds]
        for u in frontier:
            for direction, adj in (("out", succ[u]), ("in", pred[u])):
                for v, keyed in adj.items():
                    if v in seen:
                        continue
                    entry = found.get(v)
                    if entry is not None and entry[0] != u:
                        continue  # reached already, through another node
                    kinds = [d.get("kind", "edge") for d in keyed.values()]
                    if relation is not None:
                        kinds = [k for k in kinds if k == relation]
                        if not kinds:
                            continue
                    if entry is None:
                        found[v] = [u, direction, kinds]
                    else:
                        if entry[1] != direction:
                            entry[1] = "both"
                        entry[2] = entry[2] + kinds
        seen.update(found)
        frontier = list(found)
        level = []
        for i, (v, (via, direction, kinds)) in enumerate(found.items()):
            d = data[v]
            k = d.get("kind", "node")
            if kind is not None and k != kind:
                continue
            relations = kinds if len(kinds) == 1 else list(dict.fromkeys(kinds))
            label = d.get("label", v)
            label = label if type(label) is str else str(label)
            level.append((_KIND_ORDER.get(k, 3), label.casefold(), i, {
                "id": v, "label": label, "kind": k, "relation": relations[0], "relations": relations,
                "direction": direction, "distance": distance, "via": via}))
        level.sort()  # the third field is unique, so the row dicts are never compared
        out.extend(r[3] for r in level)
        if not frontier:
            break
    return out


def path(G: nx.MultiDiGraph, a: str, b: str, quotes: bool = True) -> dict[str, Any]:
    """A shortest path from ``a`` to ``b`` along edges of either direction, explained
    step by step: ``{"nodes": [...], "steps": [{"from", "to", "edges": [...]}]}``.

    Raises :class:`NoResult` when no path joins them. Cost: O(nodes + edges).
    """
    u, v = resolve(G, a), resolve(G, b)
    nodes = _bidirectional_path(G, u, v)
    if nodes is None:
        raise NoResult(f"no path joins '{_label(G, u)}' and '{_label(G, v)}'")
    steps = []
    for x, y in zip(nodes, nodes[1:]):
        edges = [describe_edge(G, *e) for e in _edges_between(G, x, y)]
        if not quotes:
            for e in edges:
                e.pop("quote")
        steps.append({"from": x, "to": y, "edges": edges})
    return {"nodes": [_node(G, n) for n in nodes], "steps": steps}


def _bidirectional_path(G: nx.MultiDiGraph, u: Any, v: Any) -> list[Any] | None:
    """Nodes of a shortest path from ``u`` to ``v`` ignoring direction, searching from
    both ends at once (so a big graph is not explored whole), or None."""
    if u == v:
        return [u]
    sides = ({u: None}, {v: None})
    fronts = ([u], [v])
    while fronts[0] and fronts[1]:
        side = 0 if len(fronts[0]) <= len(fronts[1]) else 1
        seen, other = sides[side], sides[1 - side]
        nxt = []
        for x in fronts[side]:
            for adj in (G.succ[x], G.pred[x]):
                for y in adj:
                    if y in seen:
                        continue
                    seen[y] = x
                    if y in other:
                        return _join(sides, y)
                    nxt.append(y)
        fronts = (nxt, fronts[1]) if side == 0 else (fronts[0], nxt)
    return None


def _join(sides: tuple[dict[Any, Any], dict[Any, Any]], meet: Any) -> list[Any]:
    head = [meet]
    while sides[0][head[-1]] is not None:
        head.append(sides[0][head[-1]])
    head.reverse()
    x = meet
    while sides[1][x] is not None:
        x = sides[1][x]
        head.append(x)
    return head


def why(G: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """Every claim or relation behind the link between ``a`` and ``b``, with speaker,
    quote and place. For a contributor and a term: that contributor's claims about it.

    Raises :class:`NoResult` when nothing links them directly.
    """
    u, v = resolve(G, a), resolve(G, b)
    found = [describe_edge(G, *e) for e in _edges_between(G, u, v)]
    kinds = {G.nodes[u].get("kind"), G.nodes[v].get("kind")}
    if kinds == {"contributor", "term"}:
        person, term = (u, v) if G.nodes[u].get("kind") == "contributor" else (v, u)
        for attr, keyed in G.succ[person].items():
            for key, d in keyed.items():
                if d.get("kind") == "asserts" and d.get("term") == term and G.has_edge(term, attr, key):
                    found.append(describe_edge(G, term, attr, key, G.edges[term, attr, key]))
    if not found:
        raise NoResult(
            f"nothing links '{_label(G, u)}' and '{_label(G, v)}' directly; try `conceptgraph path {a} {b}`"
        )
    return found


# --- comparing terms ----------------------------------------------------------------


def _support(G: nx.MultiDiGraph, term: Any) -> tuple[dict[Any, list[dict[str, Any]]], dict[Any, list[dict[str, Any]]]]:
    """(asserted, denied): attribute -> the claims saying ``term`` has / lacks it."""
    asserted: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    denied: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for attr, keyed in G._succ[term].items():
        for d in keyed.values():
            if d.get("kind") == "claim":
                (denied if d.get("negated") else asserted)[attr].append(_evidence(G, d))
    return asserted, denied


def _names(claims: Iterable[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(c["speaker"] for c in claims))


def _item(G: nx.MultiDiGraph, attr: Any, claims: list[dict[str, Any]], quotes: bool) -> dict[str, Any]:
    names = _names(claims)
    item = {"attribute": attr, "label": _label(G, attr), "supporters": names, "count": len(names)}
    if quotes:
        item["quotes"] = claims
    return item


def _by_support(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda i: (-i["count"], i["label"].casefold()))


def _require_kind(G: nx.MultiDiGraph, node: Any, kind: str, what: str) -> None:
    if G.nodes[node].get("kind") != kind:
        raise NodeNotFound(f"'{_label(G, node)}' is {article(str(G.nodes[node].get('kind', 'node')))}; "
                           f"{what} needs {article(kind)}")


def compare(G: nx.MultiDiGraph, a: str, b: str, quotes: bool = False) -> dict[str, Any]:
    """How terms ``a`` and ``b`` differ, who says so, and where they meet.

    Returns ``{"a", "b", "only_a", "only_b", "shared", "contrasts", "denied",
    "relations", "spoke_of_both"}``. Attribute items hold ``attribute``, ``label``,
    ``supporters`` (distinct contributor names) and ``count``, and ``quotes`` when asked.
    ``contrasts`` pairs an attribute of ``a`` with an attribute of ``b`` that the data
    opposes to it; ``denied`` lists attributes someone says one of the terms lacks.
    """
    u, v = resolve(G, a), resolve(G, b)
    for n in (u, v):
        _require_kind(G, n, "term", "compare")
    has_a, lacks_a = _support(G, u)
    has_b, lacks_b = _support(G, v)
    only_a = [_item(G, x, c, quotes) | _denial(lacks_b.get(x), "denied_for_b") for x, c in has_a.items() if x not in has_b]
    only_b = [_item(G, x, c, quotes) | _denial(lacks_a.get(x), "denied_for_a") for x, c in has_b.items() if x not in has_a]
    shared = []
    for x in has_a:
        if x in has_b:
            item = _item(G, x, has_a[x] + has_b[x], quotes)
            item["supporters_a"], item["supporters_b"] = _names(has_a[x]), _names(has_b[x])
            shared.append(item)
    contrasts = []
    for x in has_a:
        opposite = _opposed(G, x)  # only these can pair with x: O(degree), not |A| x |B|
        for y in (y for y in has_b if y in opposite):
            opposing = [d for _, _, _, d in _edges_between(G, x, y) if d.get("kind") == "opposes"]
            stated = list(dict.fromkeys(_name(G, d["speaker"]) for d in opposing if d.get("speaker")))
            names = list(dict.fromkeys(_names(has_a[x]) + _names(has_b[y]) + stated))
            item = {"attribute": x, "label": _label(G, x), "opposite": y, "opposite_label": _label(G, y),
                    "supporters": names, "count": len(names), "supporters_a": _names(has_a[x]),
                    "supporters_b": _names(has_b[y]), "stated_by": stated}
            if quotes:
                item["quotes"] = has_a[x] + has_b[y] + [_evidence(G, d) for d in opposing]
            contrasts.append(item)
    denied = [
        {"term": t, "attribute": x, "label": _label(G, x), "denied_by": _names(c),
         "asserted_by": _names(has.get(x, [])), **({"quotes": c} if quotes else {})}
        for t, lacks, has in ((u, lacks_a, has_a), (v, lacks_b, has_b))
        for x, c in lacks.items()
    ]
    spoke_b = {d.get("speaker") for keyed in G._succ[v].values() for d in keyed.values() if d.get("kind") == "claim"}
    both = list(dict.fromkeys(
        _name(G, d["speaker"]) for keyed in G._succ[u].values() for d in keyed.values()
        if d.get("kind") == "claim" and d.get("speaker") in spoke_b
    ))
    relations = [describe_edge(G, *e) for e in _edges_between(G, u, v)]
    return {
        "a": _node(G, u),
        "b": _node(G, v),
        "only_a": _by_support(only_a),
        "only_b": _by_support(only_b),
        "shared": _by_support(shared),
        "contrasts": _by_support(contrasts),
        "denied": denied,
        "relations": relations,
        "spoke_of_both": both,
    }


def _denial(claims: list[dict[str, Any]] | None, key: str) -> dict[str, Any]:
    return {key: _names(claims)} if claims else {}


# --- people -----------------------------------------------------------------------------


def who(G: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """What a contributor claimed, what relations they stated, and who agrees with or
    disputes whom: ``{"contributor", "claims", "stated", "agrees_with", "disputes",
    "agreed_by", "disputed_by"}``."""
    p = resolve(G, name, kind="contributor") if name not in G else name
    _require_kind(G, p, "contributor", "who")
    data = G.nodes[p]
    claims = [
        {"term": d["term"], "term_label": _label(G, d["term"]) if d["term"] in G else d["term"],
         "attribute": attr, "label": _label(G, attr), "negated": bool(d.get("negated")),
         "quote": d.get("quote", ""), "where": d.get("where", "")}
        for attr, keyed in G.succ[p].items() for d in keyed.values() if d.get("kind") == "asserts"
    ]
    stated = [
        describe_edge(G, u, v, k, d)
        for u, v, k, d in G.edges(keys=True, data=True)
        if d.get("speaker") == p and d.get("kind") not in ("claim", "asserts")
    ]
    out: dict[str, Any] = {
        "contributor": {**_node(G, p), "name": data.get("label", p), "role": data.get("role", ""),
                        "where": list(data.get("where") or []), "quote": data.get("quote", "")},
        "claims": claims,
        "stated": stated,
    }
    outgoing = [(v, d) for _, v, d in G.out_edges(p, data=True)]
    incoming = [(u, d) for u, _, d in G.in_edges(p, data=True)]
    for key, kind, pairs in (("agrees_with", "agrees_with", outgoing), ("disputes", "disputes", outgoing),
                             ("agreed_by", "agrees_with", incoming), ("disputed_by", "disputes", incoming)):
        out[key] = [{"id": x, "name": _label(G, x), "quote": d.get("quote", ""), "where": d.get("where", "")}
                    for x, d in pairs if d.get("kind") == kind]
    return out


def contributors(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Everyone who spoke: ``{"id", "name", "role", "where", "claims", "relations"}``,
    in the dataset's order, with their number of claims and of relations they stated."""
    claims: Counter[Any] = Counter()
    stated: Counter[Any] = Counter()
    for _, _, d in G.edges(data=True):
        if d.get("kind") == "asserts":
            claims[d.get("speaker")] += 1
        elif d.get("kind") != "claim" and d.get("speaker"):
            stated[d.get("speaker")] += 1
    return [
        {"id": n, "name": d.get("label", n), "role": d.get("role", ""), "where": list(d.get("where") or []),
         "claims": claims[n], "relations": stated[n]}
        for n, d in G.nodes(data=True) if d.get("kind") == "contributor"
    ]


# --- agreement, importance, communities ------------------------------------------------


def consensus(G: nx.MultiDiGraph, term: str | None = None, quotes: bool = False) -> dict[str, Any]:
    """Where people agree and where they differ.

    ``{"agreed": [...], "disputed": [...], "agreements": [...]}``: ``agreed`` ranks
    (term, attribute) pairs by distinct supporters, with ``endorsed_by`` for those who
    agree with a supporter; ``disputed`` lists an attribute some assert and others deny
    of one term (``asserted_and_denied``), opposed attributes both asserted of one term
    (``opposed_attributes``) and contributors who dispute each other (``contributors``).
    """
    terms = [resolve(G, term)] if term else [n for n, k in G.nodes(data="kind") if k == "term"]
    if term:
        _require_kind(G, terms[0], "term", "consensus")
    agrees: dict[str, list[str]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        if d.get("kind") == "agrees_with":
            agrees[_label(G, v)].append(_label(G, u))
    agreed, disputed = [], []
    for t in terms:
        has, lacks = _support(G, t)
        for x, claims in has.items():
            item = {"term": t, "term_label": _label(G, t)} | _item(G, x, claims, quotes)
            endorsers = [e for s in item["supporters"] for e in agrees.get(s, []) if e not in item["supporters"]]
            item["endorsed_by"] = list(dict.fromkeys(endorsers))
            agreed.append(item)
            if x in lacks:
                disputed.append({"type": "asserted_and_denied", "term": t, "term_label": _label(G, t), "attribute": x,
                                 "label": _label(G, x), "asserted_by": _names(claims), "denied_by": _names(lacks[x])})
        order = {x: i for i, x in enumerate(has)}
        for x in has:
            for y in sorted((y for y in _opposed(G, x) if order.get(y, -1) > order[x]), key=order.get):
                disputed.append({"type": "opposed_attributes", "term": t, "term_label": _label(G, t),
                                 "attribute": x, "label": _label(G, x), "opposite": y,
                                 "opposite_label": _label(G, y), "asserted_by": _names(has[x]),
                                 "opposite_asserted_by": _names(has[y])})
    involved = set(terms) if term else None
    agreements = []
    for u, v, d in G.edges(data=True):
        kind = d.get("kind")
        if kind not in ("agrees_with", "disputes"):
            continue
        if involved is not None and not (_spoke_of(G, u, involved) or _spoke_of(G, v, involved)):
            continue
        stance = {"from": _label(G, u), "to": _label(G, v), "quote": d.get("quote", ""), "where": d.get("where", "")}
        if kind == "disputes":
            disputed.append({"type": "contributors", **stance})
        else:
            agreements.append(stance)
    agreed.sort(key=lambda i: (-i["count"], -len(i["endorsed_by"]), i["term_label"].casefold(), i["label"].casefold()))
    return {"agreed": agreed, "disputed": disputed, "agreements": agreements}


def _spoke_of(G: nx.MultiDiGraph, person: Any, terms: set[Any]) -> bool:
    return any(d.get("term") in terms for _, _, d in G.out_edges(person, data=True) if d.get("kind") == "asserts")


def _simple(G: nx.MultiDiGraph) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


def rank(G: nx.MultiDiGraph, by: str = "degree", kind: str | None = None, limit: int | None = 10) -> list[dict[str, Any]]:
    """Nodes that hold the discussion together, highest first.

    ``by="degree"`` counts distinct neighbours; ``by="betweenness"`` is the share of
    shortest paths through a node (on graphs over 5,000 nodes, estimated from 500
    sources with a fixed seed). Each result: ``{"id", "label", "kind", "score"}``.
    """
    if by == "degree":
        scores: dict[Any, float] = dict(distinct_degree(G))
    elif by == "betweenness":
        k = 500 if len(G) > 5000 else None
        scores = nx.betweenness_centrality(_simple(G), k=k, seed=0 if k else None)
    else:
        raise ValueError(f"unknown ranking '{by}': degree or betweenness")
    order = {n: i for i, n in enumerate(G.nodes)}
    nodes = [n for n in G.nodes if kind is None or G.nodes[n].get("kind") == kind]
    nodes.sort(key=lambda n: (-scores[n], order[n]))
    return [{**_node(G, n), "score": round(scores[n], 6)} for n in nodes[:limit]]


def clusters(G: nx.MultiDiGraph, seed: int = 0, resolution: float = 1.0) -> list[dict[str, Any]]:
    """Communities of the graph (Louvain, fixed ``seed``), largest first.

    Each: ``{"cluster", "size", "terms", "members"}``; ``members`` are ordered by
    degree, ``terms`` are the labels of the cluster's terms.
    """
    H = _simple(G)
    if H.number_of_edges() == 0:
        groups = [{n} for n in H]
    else:
        groups = nx.community.louvain_communities(H, seed=seed, resolution=resolution)
    order = {n: i for i, n in enumerate(G.nodes)}
    degree = distinct_degree(G)
    ranked = []
    for group in groups:
        members = sorted(group, key=lambda n: (-degree[n], order[n]))
        ranked.append((len(members), -min(order[n] for n in members), members))
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    return [
        {"cluster": i, "size": size, "terms": [_label(G, n) for n in members if G.nodes[n].get("kind") == "term"],
         "members": [_node(G, n) for n in members]}
        for i, (size, _, members) in enumerate(ranked, 1)
    ]
