"""Questions put to the concept graph. Each takes a graph and node names and returns
plain data (the shapes in :mod:`conceptgraph.answers`) ready for JSON or for a table.

An empty answer is an empty list (``why``, ``neighbors``...) or a path without nodes,
never an exception: the command line decides what an empty answer means (exit 5).
Message nodes and the edges of the thread (``wrote``, ``replies_to``) are left out of
the answers about concepts unless asked for; :func:`thread` is about them.

>>> from conceptgraph import load_graph
>>> G = load_graph()
>>> answer = compare(G, "cooperation", "collaboration")
>>> ("passive", "active") in {(c["attribute"], c["opposite"]) for c in answer["contrasts"]}
True
>>> [step["to"] for step in path(G, "todd", "bart-stewart")["steps"]][-1]
'bart-stewart'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from .errors import NodeNotFound, UsageError, WrongKind, article, did_you_mean
from .graph import adjacency, distinct_degree, edge_items
from .kinds import (
    AGREES_WITH,
    ANALOGOUS_TO,
    ASSERTS,
    ATTRIBUTE,
    CLAIM,
    CO_OCCURS,
    CONTEXT_RELATIONS,
    CONTRASTS_WITH,
    CONTRIBUTOR,
    DISPUTES,
    DRAFT,
    MENTIONS,
    MESSAGE,
    OPPOSES,
    OTHER_EDGE,
    OTHER_NODE,
    RELATION_KINDS,
    REPLIES_TO,
    SIMILAR_TO,
    STANCES,
    STATED_RELATIONS,
    STRUCTURAL_EDGES,
    TERM,
    TERM_RELATIONS,
    WROTE,
    claim_text,
    said_in,
)
from .names import LEFT_OUT_DRAFTS, mentions_of, normalise, resolve

if TYPE_CHECKING:
    from .answers import (
        AttributeItem,
        Cluster,
        Comparison,
        Consensus,
        ContributorRow,
        Edge,
        Evidence,
        Neighbor,
        NodeRef,
        PathAnswer,
        Ranked,
        Stance,
        TermRow,
        ThreadAnswer,
        WhoAnswer,
    )
    from .graph import Graph

__all__ = [
    "neighbors",
    "nothing_near",
    "compare",
    "why",
    "who",
    "contributors",
    "terms",
    "path",
    "consensus",
    "rank",
    "clusters",
    "thread",
    "describe_edge",
    "concern_labels",
    "given_way",
    "relations_taken_back",
    "without_drafts",
    "edge_kinds",
]

_KIND_ORDER = {TERM: 0, ATTRIBUTE: 1, CONTRIBUTOR: 2, MESSAGE: 3}
_PHRASES = {WROTE: "wrote", REPLIES_TO: "replies to", **RELATION_KINDS}
# Facts an edge may carry besides its speaker, words and place; copied into answers when set.
_OPTIONAL = ("message", "span", "concerns", "inferred", "status")


def _label(G: Graph, node: Any) -> str:
    return str(adjacency(G)[2][node].get("label", node))  # (networkx's own dict: compare asks this of every item)


def _name(G: Graph, node: Any) -> str:
    """A contributor's name, or the id when the speaker is not a node."""
    try:
        data = adjacency(G)[2].get(node)
    except TypeError:  # a speaker no node could be (a list, in a hand-made graph)
        data = None
    return str(data.get("label", node)) if data is not None else str(node)


def _hashable(x: Any) -> bool:
    try:
        hash(x)
    except TypeError:
        return False
    return True


def _kind(G: Graph, node: Any) -> str:
    return str(G.nodes[node].get("kind", OTHER_NODE))


def _extra(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in _OPTIONAL if data.get(k)}


def _origin(data: dict[str, Any]) -> dict[str, Any]:
    """How an item came to be, when it was not simply said: ``inferred``, ``status``."""
    return {k: data[k] for k in ("inferred", "status") if data.get(k)}


def _evidence(G: Graph, data: dict[str, Any]) -> Evidence:
    """Who said it, in what words, where (and in which message): one claim's provenance."""
    out: Evidence = {"speaker": _name(G, data.get("speaker", "")), "quote": str(data.get("quote", "")),
                     "where": str(data.get("where", ""))}
    out.update(_extra(data))  # type: ignore[typeddict-item]
    return out


def _opposed(G: Graph, x: Any) -> set[Any]:
    """The attributes the data opposes to ``x``, in either direction. O(degree of x)."""
    succ, pred, _ = adjacency(G)
    return {
        y for adj in (succ[x], pred[x]) for y, keyed in adj.items()
        if y != x and any(d.get("kind") == OPPOSES for d in keyed.values())
    }


def _node(G: Graph, node: Any) -> NodeRef:
    return {"id": node, "label": _label(G, node), "kind": _kind(G, node)}


def _edges_between(G: Graph, u: Any, v: Any) -> Iterator[tuple[Any, Any, Any, dict[str, Any]]]:
    succ, _, _ = adjacency(G)
    for key, data in succ[u].get(v, {}).items():
        yield u, v, key, data
    if u != v and G.is_directed():
        for key, data in succ[v].get(u, {}).items():
            yield v, u, key, data


def describe_edge(G: Graph, u: Any, v: Any, key: Any, data: dict[str, Any]) -> Edge:
    """An edge as a sentence's parts: who says what links ``u`` and ``v``, in what words.

    A claim reads as its attribute's label is written (:func:`~conceptgraph.kinds.claim_text`:
    "cooperation: may be passive"); a stance that concerns some points names them in
    ``concerns_labels``."""
    kind = str(data.get("kind", OTHER_EDGE))
    negated = bool(data.get("negated"))
    if kind == CLAIM:
        text = claim_text(_label(G, u), _label(G, v), negated)
    elif kind == ASSERTS:
        term = data.get("term")
        said = (claim_text(_label(G, term), _label(G, v), negated) if _hashable(term) and term in G
                else ("not " if negated else "") + _label(G, v))
        text = f"{_label(G, u)} says {said}"
    else:
        phrase = _PHRASES.get(kind, kind.replace("_", " "))
        text = f"{_label(G, u)} {'not ' + phrase if negated else phrase} {_label(G, v)}"
    out: Edge = {
        "source": u,
        "target": v,
        "key": key,
        "kind": kind,
        "text": text,
        "speaker": _name(G, data["speaker"]) if data.get("speaker") else "",
        "quote": str(data.get("quote", "")),
        "where": str(data.get("where", "")),
    }
    if kind in (CLAIM, ASSERTS):
        out["negated"] = negated
    out.update(_extra(data))  # type: ignore[typeddict-item]
    if data.get("concerns"):
        out["concerns_labels"] = concern_labels(G, v, data["concerns"])
    return out


def _with_taken_back(G: Graph, edges: list[tuple[Any, Any, Any, dict[str, Any]]]) -> list[Edge]:
    """``edges`` described, each claim or relation its speaker took back saying where
    (:func:`given_way`, :func:`relations_taken_back`)."""
    # what their speakers gave way on, read once: the claims taken back, and the disputes
    # that take their relations back
    claims_back, gave = given_way(G, {e[3].get("speaker") for e in edges if _hashable(e[3].get("speaker"))})
    back: dict[Any, str] = {**relations_taken_back(G, edges, gave), **claims_back}
    out = []
    for e in edges:
        edge = describe_edge(G, *e)
        key = e[2] if e[3].get("kind") == CLAIM else e[:3]  # (a claim's key names it in the whole graph)
        if key in back:
            edge["taken_back"] = back[key]
        out.append(edge)
    return out


def concern_labels(G: Graph, target: Any, concerns: Iterable[Any]) -> list[str]:
    """What a stance is about, in words: each attribute it names by its label, each claim
    as the claim reads."""
    _, _, data = adjacency(G)
    out = []
    for c in concerns:
        claim = _concerned_claim(G, c, target)
        if claim is not None:
            attr, d = claim
            term = d.get("term")
            out.append(claim_text(_label(G, term) if _hashable(term) and term in G else str(term), _label(G, attr),
                                  bool(d.get("negated"))))
        elif _hashable(c) and data.get(c, {}).get("kind") == MESSAGE:
            out.append(said_in(_label(G, data[c].get("by")), str(data[c].get("where", ""))))
        else:
            out.append(_label(G, c) if _hashable(c) and c in data else str(c))
    return out


def _points(G: Graph, concerns: Iterable[Any], target: Any) -> set[Any]:
    """What a stance's ``concerns`` name, as claim keys and attributes: a message of its
    target's stands for their claims in it (none kept there: nothing)."""
    _, _, data = adjacency(G)
    points = {c for c in concerns if not _hashable(c) or data.get(c, {}).get("kind") != MESSAGE}
    messages = {c for c in concerns if _hashable(c)} - points
    return points | {key for key, _ in _claims_in(G, target, messages)} if messages else points


def _claims_in(G: Graph, target: Any, messages: set[Any]) -> Iterator[tuple[Any, dict[str, Any]]]:
    """``target``'s claims said in ``messages``, as (key, data): through their own links."""
    succ, _, _ = adjacency(G)
    for keyed in succ.get(target, {}).values() if _hashable(target) else ():
        for key, d in keyed.items():
            if d.get("kind") == ASSERTS and d.get("message") in messages:
                yield key, d


def _concerned_claim(G: Graph, concern: Any, target: Any) -> tuple[Any, dict[str, Any]] | None:
    """The attribute and data of the claim a stance's ``concern`` names; None when it
    names an attribute (a node) or nothing known."""
    _, _, data = adjacency(G)
    return None if not _hashable(concern) or concern in data else _claim(G, concern, target)


def _claim(G: Graph, key: Any, near: Any) -> tuple[Any, dict[str, Any]] | None:
    """The attribute and data of the claim ``key``, looked for among ``near``'s claims
    first (a stance's target: O(its degree)), then in the whole graph."""
    succ, _, _ = adjacency(G)
    for attr, keyed in succ.get(near, {}).items() if _hashable(near) else ():
        d = keyed.get(key)
        if d is not None and d.get("kind") == ASSERTS:
            return attr, d
    for _, attr, k, d in edge_items(G):
        if k == key and d.get("kind") == CLAIM:
            return attr, d
    return None


def without_drafts(G: Graph, below: float | None = None) -> Graph:
    """A copy of ``G`` without what was drafted from the text and not yet accepted
    (nodes and edges whose ``status`` is ``draft``): the curated graph. With ``below``,
    only the drafts drafted with a confidence under it go (and a drafted node left with
    no link); a draft with no confidence (who names a term) stays.

    >>> from conceptgraph.graph import build_graph
    >>> from conceptgraph.model import Claim, Dataset, Term, Attribute, Contributor
    >>> ds = Dataset(terms=(Term("t", "t"),), contributors=(Contributor("p", "P", "commenter"),),
    ...              attributes=(Attribute("a", "a", status="draft", confidence=0.9),
    ...                          Attribute("b", "b", status="draft", confidence=0.1)),
    ...              claims=(Claim("c1", "t", "a", "p", "", "", status="draft", confidence=0.9),
    ...                      Claim("c2", "t", "b", "p", "", "", status="draft", confidence=0.1)))
    >>> sorted(without_drafts(build_graph(ds), below=0.5).nodes)
    ['a', 'p', 't']
    """
    def goes(d: dict[str, Any]) -> bool:
        if d.get("status") != DRAFT:
            return False
        return below is None or (d.get("confidence") is not None and float(d["confidence"]) < below)

    H = G.copy()
    H.remove_edges_from([(u, v, k) for u, v, k, d in edge_items(G) if goes(d)])
    drafted = [n for n, d in G.nodes(data=True) if goes(d)]
    H.remove_nodes_from(drafted)
    if below is not None:  # what only the drafts left out spoke of
        alone = [n for n in H if H.nodes[n].get("status") == DRAFT and H.degree(n) == 0 and G.degree(n) > 0]
        H.remove_nodes_from(alone)
        drafted += alone
    # an attribute says something only through a claim or a relation: one accepted while all of
    # them are still drafts would float, linked to nothing, in the curated graph
    floating = [n for n in H if H.nodes[n].get("kind") == ATTRIBUTE and H.degree(n) == 0 and G.degree(n) > 0]
    H.remove_nodes_from(floating)
    drafted += floating
    # so that a name of one of them is told apart from a name of nothing (not in H.graph,
    # which every export writes out)
    LEFT_OUT_DRAFTS[H] = {n: str(G.nodes[n].get("label", n)) for n in drafted}
    return H


def edge_kinds(G: Graph) -> list[str]:
    """The kinds of edge ``G`` has, in first-seen order."""
    return list(dict.fromkeys(str(d.get("kind", OTHER_EDGE)) for *_, d in edge_items(G)))


# --- neighbours and paths ---------------------------------------------------------


def nothing_near(G: Graph, name: str, depth: int = 1, kind: str | None = None, relation: str | None = None) -> str:
    """Why :func:`neighbors` found nothing, in words: with ``kind``, how many steps out
    the nearest node of that kind is, when a few more steps reach one.

    >>> from conceptgraph import load_graph
    >>> nothing_near(load_graph(), "cooperation", kind="contributor")
    "no contributor within 1 step of 'cooperation' (the nearest is 2 steps away: --depth 2)"
    """
    if not kind:
        return f"no neighbours of '{name}' match"
    steps = "step" if depth == 1 else "steps"
    for farther in range(depth + 1, depth + 5):
        if neighbors(G, name, farther, kind, relation):
            return (f"no {kind} within {depth} {steps} of '{name}' "
                    f"(the nearest is {farther} steps away: --depth {farther})")
    return f"no {kind} within {depth} {steps} of '{name}'"


def neighbors(
    G: Graph,
    name: str,
    depth: int = 1,
    kind: str | None = None,
    relation: str | None = None,
) -> list[Neighbor]:
    """Nodes within ``depth`` steps of ``name``, along edges of either direction.

    Each result is ``{"id", "label", "kind", "relation", "relations", "direction",
    "distance", "via"}``: the edge kind(s) that reached the node from ``via`` (the
    node one step closer), ``direction`` ``out``/``in``/``both`` as seen from ``via``;
    a claim someone denies adds ``"negated": true``, links that are all the curator's
    reading ``"inferred": true``. ``kind`` keeps only nodes of that
    kind in the result; ``relation`` follows only edges of that kind (an unknown one
    is a :class:`UsageError` listing the graph's kinds). Messages are walked only when
    ``kind`` is ``message`` or the start is one. Cost: O(nodes + edges) within the radius.

    >>> from conceptgraph import load_graph
    >>> [n["id"] for n in neighbors(load_graph(), "bart-stewart", kind="contributor")]
    ['jim-benson']
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    if relation is not None:
        known = edge_kinds(G)
        if relation not in known:
            raise UsageError(f"unknown relation '{relation}'{did_you_mean(relation, known)}; "
                             f"this graph has: {', '.join(known)}")
    start = resolve(G, name)
    thread = kind == MESSAGE or _kind(G, start) == MESSAGE or relation in STRUCTURAL_EDGES
    succ, pred, data = adjacency(G)
    sides = (("out", succ), ("in", pred)) if G.is_directed() else (("both", succ),)
    seen = {start}
    frontier = [start]
    out: list[Neighbor] = []
    for distance in range(1, depth + 1):
        found = _ring(frontier, sides, seen, data, relation, thread)
        seen.update(found)
        frontier = list(found)
        out.extend(_ring_rows(found, data, distance, kind))
        if not frontier:
            break
    return out


def _ring(frontier: list[Any], sides: tuple[tuple[str, Any], ...], seen: set[Any], data: dict[Any, Any],
          relation: str | None, thread: bool) -> dict[Any, list[Any]]:
    """The nodes one step beyond ``frontier``: node -> [via, direction, edge kinds, the
    edges' data dicts]."""
    found: dict[Any, list[Any]] = {}
    for u in frontier:
        for direction, adj in sides:
            for v, keyed in adj[u].items():
                if v in seen:
                    continue
                entry = found.get(v)
                if entry is not None and entry[0] != u:
                    continue  # reached already, through another node
                edges = list(keyed.values())
                if relation is not None:
                    edges = [d for d in edges if d.get("kind", OTHER_EDGE) == relation]
                    if not edges:
                        continue
                if entry is None:
                    if not thread and data[v].get("kind") == MESSAGE:
                        continue
                    found[v] = [u, direction, edges]
                else:
                    if entry[1] != direction:
                        entry[1] = "both"
                    entry[2] = entry[2] + edges
    return found


def _ring_rows(found: dict[Any, list[Any]], data: dict[Any, Any], distance: int, kind: str | None) -> list[Neighbor]:
    """One ring's answer rows, terms first, then attributes, people, by label; a claim
    that everyone who made it denies is marked ``negated``, a drafted link ``status``."""
    level = []
    for i, (v, (via, direction, edges)) in enumerate(found.items()):
        d = data[v]
        k = d.get("kind", OTHER_NODE)
        if kind is not None and k != kind:
            continue
        if len(edges) > 1:  # the curated links first, a context link (mention, co-occurrence) last
            edges = sorted(edges, key=lambda e: (e.get("status") == DRAFT, e.get("kind") in _NAMED))
        kinds = [e.get("kind", OTHER_EDGE) for e in edges]
        relations = kinds if len(kinds) == 1 else list(dict.fromkeys(kinds))
        label = d.get("label", v)
        label = label if type(label) is str else str(label)
        row: Neighbor = {"id": v, "label": label, "kind": str(k), "relation": relations[0], "relations": relations,
                         "direction": direction, "distance": distance, "via": via,
                         "via_label": str(data[via].get("label", via))}
        # "all of them" fails on the first edge nearly always: test it before the rest
        if relations[0] == CLAIM or relations[0] == ASSERTS:
            row["negated"] = bool(edges[0].get("negated")) and all(e.get("negated") for e in edges)
        if d.get("status") == DRAFT or (edges[0].get("status") == DRAFT and all(e.get("status") == DRAFT for e in edges)):
            row["status"] = DRAFT
        elif len(relations) > 1 and any(e.get("status") == DRAFT for e in edges):
            # beside a curated link, the kinds that are drafts alone
            curated = {e.get("kind", OTHER_EDGE) for e in edges if e.get("status") != DRAFT}
            row["drafted_relations"] = [r for r in relations if r not in curated]
        if edges[0].get("inferred") and all(e.get("inferred") for e in edges):
            row["inferred"] = True
        level.append((_KIND_ORDER.get(k, 4), label.casefold(), i, row))
    level.sort(key=lambda r: r[:3])  # the third field is unique: rows are never compared
    return [r[3] for r in level]


#: Links that say only that a term was named, by someone or beside another term.
_NAMED = frozenset({MENTIONS, CO_OCCURS})


def path(G: Graph, a: str, b: str, quotes: bool = True) -> PathAnswer:
    """A shortest path from ``a`` to ``b`` along edges of either direction, explained
    step by step: ``{"nodes": [...], "steps": [{"from", "to", "edges": [...]}]}``;
    ``{"nodes": [], "steps": []}`` when no path joins them. Messages are passed through
    only when one end is a message; links that only say a term was named (``mentions``,
    ``co_occurs``) only when no other path joins the two. Cost: O(nodes + edges).
    """
    u, v = resolve(G, a), resolve(G, b)
    through = MESSAGE in (_kind(G, u), _kind(G, v))
    nodes = _bidirectional_path(G, u, v, through, through_named=False)
    if nodes is None:
        nodes = _bidirectional_path(G, u, v, through, through_named=True)
    if nodes is None:
        return {"nodes": [], "steps": []}
    steps = []
    for x, y in zip(nodes, nodes[1:]):
        # what someone said of the two first, then the context (named with, named by)
        edges = sorted((describe_edge(G, *e) for e in _edges_between(G, x, y)), key=lambda e: e["kind"] in CONTEXT_RELATIONS)
        if not quotes:
            for e in edges:
                e.pop("quote")  # type: ignore[misc]
        steps.append({"from": x, "to": y, "edges": edges})
    return {"nodes": [_node(G, n) for n in nodes], "steps": steps}  # type: ignore[typeddict-item]


def _bidirectional_path(G: Graph, u: Any, v: Any, through_messages: bool, through_named: bool) -> list[Any] | None:
    """Nodes of a shortest path from ``u`` to ``v`` ignoring direction, searching from
    both ends at once (so a big graph is not explored whole), or None. Unless
    ``through_named``, a link that is nothing but mentions and co-occurrences is no step:
    that two terms were named together says nothing of how they relate."""
    if u == v:
        return [u]
    succ, pred, data = adjacency(G)
    sides: tuple[dict[Any, Any], dict[Any, Any]] = ({u: None}, {v: None})
    fronts: tuple[list[Any], list[Any]] = ([u], [v])
    while fronts[0] and fronts[1]:
        side = 0 if len(fronts[0]) <= len(fronts[1]) else 1
        seen, other = sides[side], sides[1 - side]
        nxt = []
        for x in fronts[side]:
            for adj in (succ[x], pred[x]):
                for y, keyed in adj.items():
                    if y in seen or (not through_messages and data[y].get("kind") == MESSAGE):
                        continue
                    if not through_named:
                        for e in keyed.values():  # a loop, not all(): most links pass at their first edge
                            if e.get("kind") not in _NAMED:
                                break
                        else:
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


def why(G: Graph, a: str, b: str) -> list[Edge]:
    """Every claim or relation behind the link between ``a`` and ``b``, with speaker,
    quote and place (and message and span when anchored). For a contributor and a
    term: that contributor's claims about it. Empty when nothing links them directly.
    """
    u, v = resolve(G, a), resolve(G, b)
    found = list(_edges_between(G, u, v))
    if {_kind(G, u), _kind(G, v)} == {CONTRIBUTOR, TERM}:
        person, term = (u, v) if _kind(G, u) == CONTRIBUTOR else (v, u)
        succ, _, _ = adjacency(G)
        for attr, keyed in succ[person].items():
            for key, d in keyed.items():
                if d.get("kind") == ASSERTS and d.get("term") == term and key in succ[term].get(attr, {}):
                    found.append((term, attr, key, succ[term][attr][key]))
    return _with_taken_back(G, found)


def why_else(G: Graph, a: str, b: str) -> str:
    """What :func:`why` leaves out that a reader asking it wants told: for two terms,
    the distinctions drawn between their attributes (:func:`compare`'s contrasts), which
    link them through those attributes, not directly. "" when there are none.

    >>> from conceptgraph import load_graph
    >>> why_else(load_graph(), "cooperation", "collaboration")
    '21 distinctions are drawn between their attributes: conceptgraph compare cooperation collaboration'
    """
    import shlex

    u, v = resolve(G, a), resolve(G, b)
    if _kind(G, u) != TERM or _kind(G, v) != TERM or u == v:
        return ""
    n = len(compare(G, u, v)["contrasts"])
    if not n:
        return ""
    return (f"{n} distinction{'s are' if n > 1 else ' is'} drawn between their attributes: "
            + " ".join(shlex.quote(w) for w in ("conceptgraph", "compare", _label(G, u), _label(G, v))))


# --- comparing terms ----------------------------------------------------------------


Support = dict[Any, list[dict[str, Any]]]


def _support(G: Graph, term: Any) -> tuple[Support, Support]:
    """(asserted, denied): attribute -> the claims saying ``term`` has / lacks it."""
    asserted: Support = defaultdict(list)
    denied: Support = defaultdict(list)
    succ, _, _ = adjacency(G)
    for attr, keyed in succ[term].items():
        for key, d in keyed.items():
            if d.get("kind") == CLAIM:
                (denied if d.get("negated") else asserted)[attr].append({**_evidence(G, d), "_key": key})
    return asserted, denied


def _public(claims: Iterable[Mapping[str, Any]]) -> list[Evidence]:
    """The evidence of ``claims``, each piece once: one sentence that says a thing of two
    terms (or states an opposition too) is quoted once."""
    out: dict[tuple[str, ...], dict[str, Any]] = {}
    for c in claims:
        e = {k: v for k, v in c.items() if k != "_key"}
        seen = out.setdefault(tuple(str(e.get(k, "")) for k in ("speaker", "quote", "where", "message", "span")), e)
        for flag in ("inferred", "status"):  # the curator's reading, or a draft, only if every use of it is
            if seen is not e and seen.get(flag) != e.get(flag):
                seen.pop(flag, None)
    return list(out.values())  # type: ignore[arg-type]


def _names(claims: Iterable[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(c["speaker"] for c in claims))


def _origins(claims: Iterable[dict[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    """The speakers of ``claims``, and those of them whose every claim is the curator's
    reading, or drafted and not yet reviewed: in one pass (compare makes these for every
    attribute of both terms, the bulk of its time)."""
    inferred: dict[str, bool] = {}
    drafted: dict[str, bool] = {}
    for c in claims:
        who = c["speaker"]
        inferred[who] = inferred.get(who, True) and bool(c.get("inferred"))
        drafted[who] = drafted.get(who, True) and c.get("status") == "draft"
    return (list(inferred), [n for n, every in inferred.items() if every],
            [n for n, every in drafted.items() if every])


def _inferred_by(claims: Iterable[dict[str, Any]]) -> list[str]:
    """The speakers whose every claim among ``claims`` is the curator's reading."""
    return _origins(claims)[1]


def _drafted_by(claims: Iterable[dict[str, Any]]) -> list[str]:
    """The speakers whose every claim among ``claims`` is drafted, not yet reviewed."""
    return _origins(claims)[2]


def _optional(**lists: list[str]) -> dict[str, Any]:
    return {k: v for k, v in lists.items() if v}


def _item(G: Graph, attr: Any, claims: list[dict[str, Any]], quotes: bool,
          back: Mapping[Any, str] | None = None) -> AttributeItem:
    names, inferred_by, drafted_by = _origins(claims)
    item: AttributeItem = {"attribute": attr, "label": _label(G, attr), "supporters": names, "count": len(names)}
    item.update(_optional(inferred_by=inferred_by, drafted_by=drafted_by))  # type: ignore[typeddict-item]
    if back:  # a supporter who took back each of their claims of it (``back``: claim key -> where)
        given_up = [{"speaker": n, "where": next(back[c["_key"]] for c in claims if c["speaker"] == n)}
                    for n in names if all(c.get("_key") in back for c in claims if c["speaker"] == n)]
        if given_up:
            item["taken_back"] = given_up  # type: ignore[typeddict-item]
    if quotes:
        item["quotes"] = _public(claims)
    return item


def _by_support(items: list[Any]) -> list[Any]:
    return sorted(items, key=lambda i: (-i["count"], i["label"].casefold()))


def _require_kind(G: Graph, node: Any, kind: str, what: str) -> None:
    if _kind(G, node) != kind:
        raise WrongKind(f"'{_label(G, node)}' is {article(_kind(G, node))}; {what} needs {article(kind)}")


def _term(G: Graph, name: str, what: str) -> Any:
    """The term ``name`` names, for a query that takes only terms: a name that a term and
    an attribute share ("open source", said of something) is the term's; a name of
    something else only says what it is."""
    try:
        return resolve(G, name, kind=TERM)
    except NodeNotFound:
        node = resolve(G, name)
        _require_kind(G, node, TERM, what)
        return node


def compare(G: Graph, a: str, b: str, quotes: bool = False) -> Comparison:
    """How terms ``a`` and ``b`` differ, who says so, and where they meet.

    Returns ``{"a", "b", "only_a", "only_b", "shared", "contrasts", "denied",
    "relations", "spoke_of_both"}``. Attribute items hold ``attribute``, ``label``,
    ``supporters`` (distinct contributor names) and ``count``, and ``quotes`` when asked.
    ``contrasts`` pairs an attribute of ``a`` with an attribute of ``b`` that the data
    opposes to it, or an attribute said of one and denied of the other (``"denied": "a"``
    or ``"b"``, the side denied); ``denied`` lists attributes someone says one of the
    terms lacks.
    A term compared with itself is a :class:`UsageError`.
    """
    u, v = _term(G, a, "compare"), _term(G, b, "compare")
    if u == v:
        raise UsageError(f"'{a}' and '{b}' are the same term ({_label(G, u)}); compare two different terms")
    has_a, lacks_a = _support(G, u)
    has_b, lacks_b = _support(G, v)
    # what their speakers took back, read through those speakers' own links
    succ, pred, _ = adjacency(G)
    back = given_way(G, {d.get("speaker") for t in (u, v) for keyed in succ[t].values() for d in keyed.values()
                          if d.get("kind") == CLAIM})[0]
    only_a = [_item(G, x, c, quotes, back) | _denial(lacks_b.get(x), "denied_for_b") for x, c in has_a.items()
              if x not in has_b]
    only_b = [_item(G, x, c, quotes, back) | _denial(lacks_a.get(x), "denied_for_a") for x, c in has_b.items()
              if x not in has_a]
    shared = []
    for x in has_a:
        if x in has_b:
            item = _item(G, x, has_a[x] + has_b[x], quotes, back)
            item["supporters_a"], item["supporters_b"] = _names(has_a[x]), _names(has_b[x])
            item["supporters_both"] = [n for n in item["supporters_a"] if n in item["supporters_b"]]
            item.update(_optional(inferred_by_a=_inferred_by(has_a[x]),  # type: ignore[typeddict-item]
                                  inferred_by_b=_inferred_by(has_b[x])))
            shared.append(item)
    contrasts = _contrasts(G, has_a, has_b, quotes) + _denials(G, has_a, lacks_b, has_b, "b", quotes) \
        + _denials(G, has_b, lacks_a, has_a, "a", quotes)
    denied = [
        {"term": t, "attribute": x, "label": _label(G, x), "denied_by": _names(c),
         "asserted_by": _names(has.get(x, [])),
         **_optional(inferred_by=_inferred_by(c + has.get(x, [])), drafted_by=_drafted_by(c + has.get(x, []))),
         **({"quotes": _public(c)} if quotes else {})}
        for t, lacks, has in ((u, lacks_a, has_a), (v, lacks_b, has_b))
        for x, c in lacks.items()
    ]

    def spoke_of(t: Any) -> list[Any]:  # who claimed something of it, or (in a draft) named it
        return list(dict.fromkeys([*(d.get("speaker") for keyed in succ[t].values() for d in keyed.values()
                                     if d.get("kind") == CLAIM),
                                   *(d.get("speaker") for keyed in pred[t].values() for d in keyed.values()
                                     if d.get("kind") == MENTIONS)]))

    spoke_b = set(spoke_of(v))
    relating = [d.get("speaker") for *_, d in _edges_between(G, u, v) if d.get("kind") != CO_OCCURS]
    both = sorted({_name(G, who) for who in [*spoke_of(u), *relating] if who is not None
                   and (who in spoke_b or who in relating)}, key=str.casefold)  # (a relation of the two: both)
    return {
        "a": _node(G, u),
        "b": _node(G, v),
        "only_a": _by_support(only_a),
        "only_b": _by_support(only_b),
        "shared": _by_support(shared),
        "contrasts": _by_support(contrasts),
        "denied": denied,  # type: ignore[typeddict-item]
        "relations": _with_taken_back(G, list(_edges_between(G, u, v))),
        "spoke_of_both": both,
    }


def _contrasts(G: Graph, has_a: Support, has_b: Support, quotes: bool) -> list[dict[str, Any]]:
    """Each attribute of A paired with an attribute of B that the data opposes to it."""
    out = []
    succ, pred, _ = adjacency(G)
    for x in has_a:
        if has_b.keys().isdisjoint(succ[x]) and has_b.keys().isdisjoint(pred[x]):
            continue  # no attribute of B is linked to it at all (most are not: a quick look first)
        opposite = _opposed(G, x)  # only these can pair with x: O(degree), not |A| x |B|
        for y in (y for y in has_b if y in opposite):
            opposing = [d for _, _, _, d in _edges_between(G, x, y) if d.get("kind") == OPPOSES]
            out.append(_distinction(G, x, y, has_a[x], has_b[y], opposing, quotes))
    return out


def _distinction(G: Graph, x: Any, y: Any, side_a: list[dict[str, Any]], side_b: list[dict[str, Any]],
                 opposing: list[dict[str, Any]], quotes: bool, **extra: Any) -> dict[str, Any]:
    """One line of ``contrasts``: attribute ``x`` of A, ``y`` of B, the claims of each side,
    and the edges that oppose them (none for a denial, whose ``extra`` says which side)."""
    stated = list(dict.fromkeys(_name(G, d["speaker"]) for d in opposing if d.get("speaker")))
    names = list(dict.fromkeys(_names(side_a) + _names(side_b) + stated))
    contrast = {"attribute": x, "label": _label(G, x), "opposite": y, "opposite_label": _label(G, y),
                "supporters": names, "count": len(names), "supporters_a": _names(side_a),
                "supporters_b": _names(side_b), "stated_by": stated, **extra}
    if opposing and all(d.get("inferred") for d in opposing):
        contrast["inferred"] = True  # the pairing is the curator's reading
    contrast.update(_optional(inferred_by_a=_inferred_by(side_a), inferred_by_b=_inferred_by(side_b)))
    if all(c.get("status") == "draft" for c in (*side_a, *side_b)) and all(d.get("status") == "draft" for d in opposing):
        contrast["drafted"] = True  # both sides and their pairing drafted from the text
    if quotes:
        contrast["quotes"] = _public([*side_a, *side_b, *(_evidence(G, d) for d in opposing)])
    return contrast


def _denials(G: Graph, has: Support, lacks: Support, other_has: Support, side: str, quotes: bool) -> list[dict[str, Any]]:
    """Each attribute said of one term and denied of the other (and said of it by no one):
    a distinction too, the denied side being ``side`` ("a" or "b"). Its ``attribute`` and
    ``opposite`` are the same attribute; who asserts it and who denies it are the sides'
    supporters."""
    return [_distinction(G, x, x, *((lacks[x], has[x]) if side == "a" else (has[x], lacks[x])), [], quotes,
                         denied=side)
            for x in has if x in lacks and x not in other_has]


def _denial(claims: list[dict[str, Any]] | None, key: str) -> dict[str, Any]:
    return {key: _names(claims)} if claims else {}


# --- people -----------------------------------------------------------------------------


def _stance(G: Graph, d: dict[str, Any], target: Any) -> dict[str, Any]:
    """A stance's words, place and what it concerns (ids, and in words; a stance that
    names nothing concerns everything its target said), and how it came to be."""
    concerns = list(d.get("concerns") or [])
    out = {"quote": str(d.get("quote", "")), "where": str(d.get("where", "")), "concerns": concerns,
           "concerns_labels": concern_labels(G, target, concerns)}
    out.update(_origin(d))
    return out


def _stances(G: Graph, pairs: Iterable[tuple[Any, Any, dict[str, Any]]], kind: str) -> list[Stance]:
    """``(other person, target of the stance, data)`` -> the stances of ``kind``."""
    return [{"id": x, "name": _label(G, x), **_stance(G, d, target)}  # type: ignore[typeddict-item]
            for x, target, d in pairs if d.get("kind") == kind]


def who(G: Graph, name: str) -> WhoAnswer:
    """What a contributor claimed, what relations between terms or attributes they stated,
    and who agrees with or disputes whom: ``{"contributor", "claims", "stated",
    "agrees_with", "disputes", "agreed_by", "disputed_by"}``."""
    p = resolve(G, name, kind=CONTRIBUTOR) if name not in G else name
    _require_kind(G, p, CONTRIBUTOR, "who")
    data = G.nodes[p]
    succ, pred, _ = adjacency(G)
    back, _ = given_way(G, [p])  # (what they took back is said here as compare says it)
    claims = []
    for attr, keyed in succ[p].items():
        for key, d in keyed.items():
            if d.get("kind") == ASSERTS:
                term = d.get("term")
                known = _hashable(term) and term in G
                term_label = _label(G, term) if known else str(term)
                claims.append({"term": term, "term_label": term_label, "attribute": attr, "label": _label(G, attr),
                               "negated": bool(d.get("negated")),
                               "text": claim_text(term_label, _label(G, attr), bool(d.get("negated"))),
                               "quote": str(d.get("quote", "")), "where": str(d.get("where", "")),
                               **_origin(d), **({"taken_back": back[key]} if key in back else {})})
    # relations between terms or attributes: their claims and stances are listed apart, and
    # a mention or a co-occurrence is where a name fell, not a relation anyone stated
    stated = _with_taken_back(G, [(u, v, k, d) for u, v, k, d in edge_items(G)
                                  if d.get("speaker") == p and d.get("kind") not in (CLAIM, ASSERTS, *STANCES, *_NAMED)])
    where = data.get("where")
    places = [str(w) for w in where] if isinstance(where, list) else ([str(where)] if where else [])
    if not places:  # none given: where the messages they wrote are
        places = [str(G.nodes[m].get("where", m)) for m, keyed in succ[p].items()
                  if any(d.get("kind") == WROTE for d in keyed.values())]
    outgoing = [(v, v, d) for v, keyed in succ[p].items() for d in keyed.values()]
    incoming = [(u, p, d) for u, keyed in pred[p].items() for d in keyed.values()]
    return {
        "contributor": {**_node(G, p), "name": str(data.get("label", p)), "role": str(data.get("role", "")),
                        "where": places,
                        "quote": str(data.get("quote", ""))},
        "claims": claims,  # type: ignore[typeddict-item]
        "stated": stated,
        "agrees_with": _stances(G, outgoing, AGREES_WITH),
        "disputes": _stances(G, outgoing, DISPUTES),
        "agreed_by": _stances(G, incoming, AGREES_WITH),
        "disputed_by": _stances(G, incoming, DISPUTES),
    }


def contributors(G: Graph) -> list[ContributorRow]:
    """Everyone who spoke: ``{"id", "name", "role", "where", "claims", "relations",
    "messages", "gone"?}``, in the dataset's order, with their number of claims, of
    relations they stated and of messages they wrote; a deleted message kept as a
    stand-in (others answer it) counts under ``gone``, not as words written."""
    counts: dict[str, Counter[Any]] = {"claims": Counter(), "relations": Counter(), "messages": Counter(),
                                       "gone": Counter()}
    for u, v, _, d in edge_items(G):
        kind = d.get("kind")
        if kind == ASSERTS:
            counts["claims"][_key(d.get("speaker"))] += 1
        elif kind == WROTE:
            counts["gone" if G.nodes[v].get("gone") else "messages"][u] += 1
        elif kind != CLAIM and kind not in STRUCTURAL_EDGES and d.get("speaker"):
            counts["relations"][_key(d.get("speaker"))] += 1
    rows: list[ContributorRow] = []
    for n, d in G.nodes(data=True):
        if d.get("kind") == CONTRIBUTOR:
            where = d.get("where")
            row: ContributorRow = {
                "id": n, "name": str(d.get("label", n)), "role": str(d.get("role", "")),
                "where": [str(w) for w in where] if isinstance(where, list) else ([str(where)] if where else []),
                "claims": counts["claims"][n], "relations": counts["relations"][n], "messages": counts["messages"][n]}
            if counts["gone"][n]:
                row["gone"] = counts["gone"][n]
            rows.append(row)
    return rows


def terms(G: Graph) -> list[TermRow]:
    """Every term: ``{"id", "label", "aliases", "gloss", "claims", "people", "relations",
    "status"?, "confidence"?}``, in the dataset's order (a draft's, most confident
    first), with the number of claims made of it, of the people who made them, and of
    its relations to other terms (a term named together with another is no relation).

    >>> from conceptgraph import load_graph
    >>> row = next(r for r in terms(load_graph()) if r["id"] == "cooperation")
    >>> row["label"], row["claims"] > 10, row["people"] > 5, "status" in row
    ('cooperation', True, True, False)
    """
    claims: Counter[Any] = Counter()
    people: dict[Any, set[str]] = defaultdict(set)
    relations: Counter[Any] = Counter()
    for u, v, _, d in edge_items(G):
        kind = d.get("kind")
        if kind == CLAIM:
            claims[u] += 1
            people[u].add(str(d.get("speaker")))
        elif kind in TERM_RELATIONS:
            relations[u] += 1
            relations[v] += u != v
    rows: list[TermRow] = []
    for n, d in G.nodes(data=True):
        if d.get("kind") == TERM:
            row: TermRow = {"id": n, "label": str(d.get("label", n)), "aliases": [str(a) for a in d.get("aliases") or ()],
                            "gloss": str(d.get("gloss") or ""), "claims": claims[n], "people": len(people[n]),
                            "relations": relations[n]}
            if d.get("status"):
                row["status"] = str(d["status"])
            if d.get("confidence") is not None:
                row["confidence"] = float(d["confidence"])
            rows.append(row)
    return rows


def _key(x: Any) -> Any:
    return x if _hashable(x) else str(x)


# --- agreement, importance, communities ------------------------------------------------


def _thread_order(G: Graph) -> dict[Any, int]:
    """Each message's place in the thread (the graph holds them in the thread's order)."""
    return {n: i for i, n in enumerate(n for n, k in G.nodes(data="kind") if k == MESSAGE)}


def _endorsements(G: Graph, order: dict[Any, int]) -> dict[tuple[Any, Any, str, bool], list[str]]:
    """(term, attribute, supporter name, denied) -> names of those who agree with that
    supporter about that point (asserted, or denied: agreeing with a denial endorses no
    assertion). An agreement that says what it ``concerns`` (claims or attributes)
    endorses only those; one that does not endorses everything its target claimed
    before it (where both name their messages; ``order``: :func:`_thread_order`), never
    what was said later; nor a point its author disputes with the same person then or
    later ("I concede the history, but your definition is wrong": the definition is not
    endorsed). A point they disputed before and agree with now is endorsed: they changed
    their mind ("I take that back, Ngozi is right")."""
    out: dict[tuple[Any, Any, str, bool], list[str]] = defaultdict(list)
    succ, _, _ = adjacency(G)
    # (who, whom) -> (where in the thread, the claims and attributes disputed there)
    disputed: dict[tuple[Any, Any], list[tuple[int | None, set[Any]]]] = defaultdict(list)
    for u, v, _, d in edge_items(G):
        if d.get("kind") == DISPUTES:
            disputed[(u, v)].append((order.get(d.get("message")), _points(G, d.get("concerns") or [], v)))
    for u, v, _, d in edge_items(G):
        if d.get("kind") != AGREES_WITH:
            continue
        named = bool(d.get("concerns"))
        concerns = _points(G, d.get("concerns") or [], v)
        said_at = order.get(d.get("message"))
        against = set().union(*(points for at, points in disputed.get((u, v), [])
                                if said_at is None or at is None or at >= said_at))
        for attr, keyed in succ[v].items():
            for key, c in keyed.items():
                if c.get("kind") != ASSERTS or key in against or attr in against:
                    continue
                if named:
                    endorsed = key in concerns or attr in concerns
                elif d.get("thread") and c.get("thread") and d["thread"] != c["thread"]:
                    endorsed = False  # "Agreed" in one thread of an import is about nothing said in another
                else:
                    at = order.get(c.get("message"))
                    endorsed = said_at is None or at is None or at < said_at
                if endorsed:
                    out[(c.get("term"), attr, _label(G, v), bool(c.get("negated")))].append(_label(G, u))
    return out


def consensus(G: Graph, term: str | None = None, quotes: bool = False, limit: int | None = None) -> Consensus:
    """Where people agree and where they differ.

    ``{"agreed": [...], "disputed": [...], "agreements": [...]}``: ``agreed`` ranks
    (term, attribute) pairs by distinct supporters, with ``endorsed_by`` for those who
    agree with a supporter about that very point (a pair people deny, ``denied``, is a
    point they share as much as one they assert); ``disputed`` lists an attribute some
    assert and others deny of one term (``asserted_and_denied``), opposed attributes
    both asserted of one term (``opposed_attributes``) and contributors who dispute
    each other (``contributors``, with what the dispute ``concerns``). With ``limit``,
    ``agreed`` holds the most supported ``limit`` pairs and ``more`` counts the others.
    """
    terms = [_term(G, term, "consensus")] if term else [n for n, k in G.nodes(data="kind") if k == TERM]
    thread = _thread_order(G)
    endorsements = _endorsements(G, thread)
    back, gave = given_way(G)
    agreed: list[dict[str, Any]] = []
    disputed: list[dict[str, Any]] = []

    def point(t: Any, x: Any, claims: list[dict[str, Any]], denied: bool) -> dict[str, Any]:
        item: dict[str, Any] = {"term": t, "term_label": _label(G, t), **_item(G, x, claims, quotes, back)}
        item["endorsed_by"] = list(dict.fromkeys(e for s in item["supporters"] for e in endorsements.get((t, x, s, denied), [])
                                                 if e not in item["supporters"]))
        return {**item, "denied": True} if denied else item

    for t in terms:
        has, lacks = _support(G, t)
        # "not just a guess", asserted, is "just a guess" denied: one point, its supporters together
        said_not = {normalise(_label(G, x)[4:]): x for x in has if _label(G, x).casefold().startswith("not ")}
        for x in [x for x in lacks if normalise(_label(G, x)) in said_not]:
            y = said_not[normalise(_label(G, x))]
            for who in {c["speaker"] for c in lacks[x]}:  # and who agreed with a denial endorses the point
                endorsements.setdefault((t, y, who, False), []).extend(endorsements.get((t, x, who, True), []))
            has[y] = has[y] + lacks.pop(x)
        for x, claims in has.items():
            agreed.append(point(t, x, claims, False))
            if x in lacks:
                both = claims + lacks[x]
                disputed.append({"type": "asserted_and_denied", "term": t, "term_label": _label(G, t), "attribute": x,
                                 "label": _label(G, x), "asserted_by": _names(claims), "denied_by": _names(lacks[x]),
                                 **_optional(inferred_by=_inferred_by(both), drafted_by=_drafted_by(both)),
                                 **({"quotes": _public(both)} if quotes else {})})
        # a point shared by denying it ("does not need a merged PR") is agreed as much
        agreed += [point(t, x, claims, True) for x, claims in lacks.items()]
        order = {x: i for i, x in enumerate(has)}
        for x in has:
            for y in sorted((y for y in _opposed(G, x) if order.get(y, -1) > order[x]), key=order.__getitem__):
                opposing = [d for *_, d in _edges_between(G, x, y) if d.get("kind") == OPPOSES]
                item = {"type": "opposed_attributes", "term": t, "term_label": _label(G, t),
                        "attribute": x, "label": _label(G, x), "opposite": y,
                        "opposite_label": _label(G, y), "asserted_by": _names(has[x]),
                        "opposite_asserted_by": _names(has[y]),
                        **_optional(inferred_by=_inferred_by(has[x]), opposite_inferred_by=_inferred_by(has[y]),
                                    drafted_by=_drafted_by(has[x]), opposite_drafted_by=_drafted_by(has[y]))}
                if all(d.get("inferred") for d in opposing):
                    item["inferred"] = True  # the opposition is the curator's reading
                if quotes:
                    item["quotes"] = _public([*has[x], *has[y], *(_evidence(G, d) for d in opposing)])
                disputed.append(item)
    involved = set(terms) if term else None
    agreements = []
    for u, v, _, d in edge_items(G):
        kind = d.get("kind")
        if kind not in STANCES:
            continue
        if involved is not None:
            about = _claimed_terms(G, d, v)
            if about is not None and not about & involved:
                continue  # scoped to claims about other terms
            if about is None and not _spoke_of(G, v, involved, thread.get(d.get("message")), thread):
                continue  # about everything its target said: of this term, nothing by then
            if about is None and (named := _named_in(G, u, d.get("message"))) and not named & involved:
                continue  # about everything, in words that name other terms only ("No, a walkout is ...")
        stance = {"from": _label(G, u), "to": _label(G, v), **_stance(G, d, v)}
        if involved is not None:
            stance = _here_first(G, stance, v, involved)
        if kind == DISPUTES:
            later = _later_agreement(G, u, v, d, thread)
            gave_way = gave.get((u, v, d.get("message")), "")  # the one disputed giving way: "OK, I take that back"
            disputed.append({"type": "contributors", **stance, **({"later_agrees": later} if later else {}),
                             **({"gives_way": gave_way} if gave_way else {})})
        else:
            agreements.append(stance)
    agreed.sort(key=lambda i: (-i["count"], -len(i["endorsed_by"]), i["term_label"].casefold(), i["label"].casefold()))
    out: Consensus = {"agreed": agreed[:limit] if limit else agreed,  # type: ignore[typeddict-item]
                      "disputed": disputed, "agreements": agreements}  # type: ignore[typeddict-item]
    if limit and len(agreed) > limit:
        out["more"] = len(agreed) - limit
    return out


def taken_back(G: Graph) -> dict[Any, str]:
    """The claims their speakers took back: claim key -> where (:func:`given_way`)."""
    return given_way(G)[0]


def given_way(G: Graph, speakers: Iterable[Any] | None = None) -> tuple[dict[Any, str], dict[tuple[Any, Any, Any], str]]:
    """The claims their speakers took back (claim key -> where), and the disputes they
    gave way on ((who disputed, whom, in which message) -> where). A speaker who agrees with
    one who had disputed them ("OK, I take that back") gives way on what the dispute was
    about: the claims it names, else all they had said by then; unless the one who
    disputed had given way first (agreed with them since), the agreement names another
    point (agreeing on one point concedes no other, though of the same term: it concedes a
    dispute about one of its attributes, or made in a message that said one of its points
    of the dispute's term), or the same message disputes them too ("Fair, but ...": a
    point granted, the argument kept).
    With ``speakers``, only their claims and the disputes against them are looked at,
    through their own links (what compare needs of two terms: not every link of a big
    graph), and only when one of them agreed with one who had disputed them.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("m1", {"kind": "message"}), ("m2", {"kind": "message"}), ("m3", {"kind": "message"})])
    >>> G.add_edge("t", "a", key="c1", kind="claim", speaker="bo", message="m1")
    'c1'
    >>> G.add_edge("ann", "bo", kind="disputes", message="m2")
    0
    >>> G.add_edge("bo", "ann", kind="agrees_with", message="m3", where="comment 3")
    0
    >>> given_way(G)
    ({'c1': 'comment 3'}, {('ann', 'bo', 'm2'): 'comment 3'})
    >>> G.add_edge("bo", "ann", kind="disputes", message="m3")  # "Fair, but ..."
    1
    >>> given_way(G)
    ({}, {})
    >>> G.remove_edge("bo", "ann", 1)
    >>> G["bo"]["ann"][0]["concerns"] = ["c9"]  # about a claim not in this graph (undecided, left out): no giving way
    >>> given_way(G)
    ({}, {})
    """
    claimed: dict[Any, list[tuple[Any, Any, Any]]] = defaultdict(list)  # speaker -> (key, attribute, message)
    term_of: dict[Any, Any] = {}  # claim key -> its term
    argued_in: dict[tuple[Any, Any], list[tuple[Any, set[Any]]]] = defaultdict(list)  # (who, whom) -> (message, points)
    agreed: list[tuple[Any, Any, dict[str, Any]]] = []
    succ, pred, _ = adjacency(G)
    if speakers is not None:
        speakers = list(dict.fromkeys(speakers))
        if not any(any(d.get("kind") == DISPUTES for d in keyed.values())
                   and any(d.get("kind") == AGREES_WITH for d in succ[s].get(v, {}).values())
                   for s in speakers if s in pred for v, keyed in pred[s].items()):
            return {}, {}  # none of them agreed with one who had disputed them: read no more of their links
    for u, v, key, d in (edge_items(G) if speakers is None else _links_of(G, speakers)):
        kind = d.get("kind")
        if kind == CLAIM:
            claimed[d.get("speaker")].append((key, v, d.get("message")))
            term_of[key] = u
        elif kind == DISPUTES:
            argued_in[(u, v)].append((d.get("message"), _points(G, d.get("concerns") or [], v)))
        elif kind == AGREES_WITH:
            agreed.append((u, v, d))
    if not any((v, u) in argued_in for u, v, _ in agreed):
        return {}, {}  # no one agreed with one who had disputed them: nothing given up, no order to work out
    order = _thread_order(G)  # (every message of the thread: worked out only when needed)
    said = {who: [(key, attr, order.get(m)) for key, attr, m in xs] for who, xs in claimed.items()}
    disputed = {pair: [(order.get(m), points, m) for m, points in xs] for pair, xs in argued_in.items()}

    def terms(points: Iterable[Any]) -> set[Any]:
        return {t for p in points if _hashable(p) for t in ({term_of[p]} if p in term_of else _said_of(p))}

    def _said_of(attribute: Any) -> set[Any]:  # the terms an attribute is said of, by anyone
        return {t for t, keyed in pred.get(attribute, {}).items() if any(x.get("kind") == CLAIM for x in keyed.values())}

    # (who, whom) -> where they agreed, in the thread's order
    agreed_at: dict[tuple[Any, Any], list[int]] = defaultdict(list)
    for u, v, d in agreed:
        if (at := order.get(d.get("message"))) is not None:
            agreed_at[(u, v)].append(at)
    out: dict[Any, str] = {}
    gave: dict[tuple[Any, Any, Any], str] = {}
    # ("Fair, but ...": one message that agrees with and disputes the same person grants a
    # point and keeps arguing: no giving way)
    argued = {(u, v, message) for (u, v), found in disputed.items() for _, _, message in found if message}
    for u, v, d in sorted(agreed, key=lambda a: order.get(a[2].get("message"), -1)):  # the first giving way names it
        then = order.get(d.get("message"))
        if (u, v, d.get("message")) in argued:
            continue
        named = bool(d.get("concerns"))
        agreed_on = _points(G, d.get("concerns") or [], v)
        if named and not any(_in_graph(G, c, v) for c in agreed_on):
            continue  # about points no longer in the graph (undecided, under --curated; rejected): it concedes none
        # what the agreement names, where said and of what: it concedes a dispute about one of
        # its attributes, or one made in a message that said one of its points of the same
        # term (agreeing on one point concedes no other, though of that term)
        found = {p: _claim(G, p, v) for p in agreed_on}
        agreed_in = {c[1].get("message") for c in found.values() if c is not None} \
            | {c for c in d.get("concerns") or [] if _hashable(c)}
        agreed_attrs = {c[0] for c in found.values() if c is not None} | {p for p, c in found.items() if c is None}
        agreed_terms = {c[1].get("term") for c in found.values() if c is not None} \
            | terms(p for p, c in found.items() if c is None)  # (read through v's links: compare reads few)
        attr_of = {key: attr for key, attr, _ in said.get(u, ())}
        for at, points, message in disputed.get((v, u), ()):  # v had disputed u, and u now agrees with v
            if at is None or then is None or then <= at:
                continue
            if any(at < first < then for first in agreed_at.get((v, u), ())):
                continue  # v gave way first: u agreeing later concedes nothing of that
            if named and not agreed_attrs & {attr_of.get(p, p) for p in points} \
                    and not (message in agreed_in and (not points or agreed_terms & terms(points))):
                continue  # agreeing on another point than the one disputed
            given = [(key, attr) for key, attr, when in said.get(u, ())
                     if ((key in points or attr in points) if points else (when is not None and when <= at))]
            gave.setdefault((v, u, message), str(d.get("where", "")))
            for key, _ in given:
                out.setdefault(key, str(d.get("where", "")))
    return out, gave


# A likeness and a difference of the same two terms: a speaker who said one, then the
# other, has changed their mind (either way round)
_LIKENESS = frozenset({SIMILAR_TO, ANALOGOUS_TO})
_DIFFERENCE = frozenset({CONTRASTS_WITH})


def _reverses(first: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether ``later`` (a relation of the same two terms, by the same speaker) says the
    opposite of ``first``: a likeness then a difference, or the other way round."""
    kinds = {first.get("kind"), later.get("kind")}
    return bool(kinds & _LIKENESS) and bool(kinds & _DIFFERENCE)


def relations_taken_back(G: Graph, edges: Iterable[tuple[Any, Any, Any, dict[str, Any]]],
                         gave: Mapping[tuple[Any, Any, Any], str] | None = None) -> dict[tuple[Any, Any, Any], str]:
    """Which of ``edges`` (relations stated by someone) their speaker took back, and where:
    ``(source, target, key) -> place``. A relation is taken back by a later one of the
    same speaker that says the opposite of the same two ("X is just a polite word for Y",
    then "X and Y are not the same"), or when its speaker gives way to a dispute
    (:func:`given_way`) that named nothing (everything they had said by then) or named
    the message it was said in (``gave``: the disputes given way on, when worked out
    already). Only the speakers of ``edges`` are read, through their own links.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("m1", {"kind": "message"}), ("m2", {"kind": "message", "where": "post 2"})])
    >>> G.add_edge("x", "y", key="r1", kind="similar_to", speaker="liam", message="m1")
    'r1'
    >>> G.add_edge("x", "y", key="r2", kind="contrasts_with", speaker="liam", message="m2", where="post 2")
    'r2'
    >>> relations_taken_back(G, [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)])
    {('x', 'y', 'r1'): 'post 2'}
    """
    edges = [e for e in edges if e[3].get("speaker") is not None and e[3].get("kind") in STATED_RELATIONS]
    if not edges:
        return {}
    order = _thread_order(G)

    def at(d: dict[str, Any]) -> int | None:
        return order.get(d.get("message")) if _hashable(d.get("message")) else None

    out: dict[tuple[Any, Any, Any], tuple[int, str]] = {}

    def take(e: tuple[Any, Any, Any, dict[str, Any]], when: int, where: str) -> None:
        if (e[0], e[1], e[2]) not in out or when < out[(e[0], e[1], e[2])][0]:
            out[(e[0], e[1], e[2])] = (when, where)

    for e in edges:
        u, v, _, d = e
        first = at(d)
        if first is None:
            continue
        for *_, later in _edges_between(G, u, v):
            then = at(later)
            if later.get("speaker") == d.get("speaker") and then is not None and then > first and _reverses(d, later):
                take(e, then, str(later.get("where", "")))
    speakers = {e[3]["speaker"] for e in edges if _hashable(e[3]["speaker"])}
    if gave is None:
        _, gave = given_way(G, speakers)
    succ, _, data = adjacency(G)
    place_order = {str(data[m].get("where", "")): i for m, i in order.items()}  # where one gave way, in the thread
    for (who, whom, message), where in gave.items():
        if whom not in speakers or (when := order.get(message)) is None:
            continue
        for d in succ[who].get(whom, {}).values():
            if d.get("kind") != DISPUTES or d.get("message") != message:
                continue
            named = [c for c in d.get("concerns") or [] if _hashable(c)]
            messages = {c for c in named if data.get(c, {}).get("kind") == MESSAGE}
            for e in edges:
                said = at(e[3])
                if e[3]["speaker"] != whom or said is None:
                    continue
                if (e[3].get("message") in messages) if named else said <= when:
                    take(e, place_order.get(where, when), where)
    return {k: where for k, (_, where) in out.items()}


def _in_graph(G: Graph, concern: Any, target: Any) -> bool:
    """Whether what a stance towards ``target`` concerns is in ``G``: an attribute, or a
    claim of theirs (found through their own "asserts" links)."""
    succ, _, data = adjacency(G)
    return _hashable(concern) and (concern in data or any(concern in keyed for keyed in succ.get(target, {}).values()))


def _links_of(G: Graph, speakers: Iterable[Any]) -> Iterator[tuple[Any, Any, Any, dict[str, Any]]]:
    """The links :func:`given_way` reads of ``speakers``, each once: the claim links of
    what they claimed (found through their own "asserts" links) and the agreements and
    disputes from or to them."""
    succ, pred, _ = adjacency(G)
    seen: set[tuple[Any, Any, Any]] = set()
    for s in dict.fromkeys(speakers):
        if s not in succ:
            continue
        for v, keyed in succ[s].items():
            for key, d in keyed.items():
                if d.get("kind") == ASSERTS:  # the claim's own link, term -> attribute, under its key
                    for t, claims in pred[v].items():
                        if key in claims and claims[key].get("kind") == CLAIM:
                            yield t, v, key, claims[key]
                elif d.get("kind") in STANCES and (s, v, key) not in seen:
                    seen.add((s, v, key))
                    yield s, v, key, d
        for u, keyed in pred[s].items():
            for key, d in keyed.items():
                if d.get("kind") in STANCES and (u, s, key) not in seen:
                    seen.add((u, s, key))
                    yield u, s, key, d


def _later_agreement(G: Graph, u: Any, v: Any, dispute: dict[str, Any], order: dict[Any, int]) -> str:
    """The place where ``u`` agrees with ``v``, after disputing them (``dispute``), on what
    the dispute was about (or on everything): they changed their mind; "" if they did not."""
    at = order.get(dispute.get("message"))
    points = _points(G, dispute.get("concerns") or [], v)
    for d in (G.get_edge_data(u, v) or {}).values():
        if d.get("kind") != AGREES_WITH:
            continue
        then = order.get(d.get("message"))
        if at is not None and then is not None and then > at and (
                not dispute.get("concerns") or not d.get("concerns") or points & _points(G, d["concerns"], v)):
            return str(d.get("where", ""))
    return ""


def _named_in(G: Graph, speaker: Any, message: Any) -> set[Any]:
    """The terms ``speaker`` names in ``message`` (their "mentions" links, which a draft
    has): what a stance that names no point speaks of in its own words."""
    succ, _, _ = adjacency(G)
    if not _hashable(message) or message is None or speaker not in succ:
        return set()
    return {t for t, keyed in succ[speaker].items()
            if any(x.get("kind") == MENTIONS and x.get("message") == message for x in keyed.values())}


def _here_first(G: Graph, stance: dict[str, Any], target: Any, terms: set[Any]) -> dict[str, Any]:
    """``stance`` with what it concerns of ``terms`` before what it concerns of others: in
    ``consensus TERM``, a dispute over three terms reads first what it says of TERM."""
    pairs = list(zip(stance["concerns"], stance["concerns_labels"]))
    if len(pairs) < 2:
        return stance

    def elsewhere(c: Any) -> bool:
        claim = _concerned_claim(G, c, target)
        return claim is not None and _hashable(claim[1].get("term")) and claim[1]["term"] not in terms

    pairs.sort(key=lambda p: elsewhere(p[0]))  # (stable: the thread's order within each)
    return {**stance, "concerns": [c for c, _ in pairs], "concerns_labels": [t for _, t in pairs]}


def _claimed_terms(G: Graph, d: dict[str, Any], target: Any) -> set[Any] | None:
    """The terms of the claims a stance is scoped to (an attribute it names: the terms
    its target said it of); None when it names none, or an attribute its target said of
    no term (then it may concern any term)."""
    succ, _, data = adjacency(G)
    terms: set[Any] = set()
    messages = False
    for c in d.get("concerns") or []:
        if _hashable(c) and data.get(c, {}).get("kind") == MESSAGE:
            messages = True  # its target's claims there (none kept: no term)
            terms |= {e.get("term") for _, e in _claims_in(G, target, {c}) if _hashable(e.get("term"))}
            continue
        if _hashable(c) and c in data and _hashable(target):
            said = {e.get("term") for e in succ.get(target, {}).get(c, {}).values()
                    if e.get("kind") == ASSERTS and _hashable(e.get("term"))}
            if not said:
                return None
            terms |= said
            continue
        claim = _concerned_claim(G, c, target)
        if claim is None or not _hashable(claim[1].get("term")):
            return None
        terms.add(claim[1]["term"])
    return terms if terms or messages else None


def _spoke_of(G: Graph, person: Any, terms: set[Any], before: int | None, order: dict[Any, int]) -> bool:
    """Whether ``person`` claimed something of one of ``terms`` in a message before place
    ``before`` in the thread's ``order`` (any, when ``before`` is None; a claim of unknown
    place counts)."""
    succ, _, _ = adjacency(G)
    return any(d.get("term") in terms and (before is None or (at := order.get(d.get("message"))) is None or at < before)
               for keyed in succ[person].values() for d in keyed.values()
               if d.get("kind") == ASSERTS and _hashable(d.get("term")))


def _concepts(G: Graph) -> Any:
    """An undirected simple graph of the concepts and people (no messages, no loops)."""
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(n for n, k in G.nodes(data="kind") if k != MESSAGE)
    H.add_edges_from((u, v) for u, v, _, _ in edge_items(G) if u != v and u in H and v in H)
    return H


def rank(G: Graph, by: str = "degree", kind: str | None = None, limit: int | None = 10) -> list[Ranked]:
    """Nodes that hold the discussion together, highest first (messages left out).

    ``by="degree"`` counts distinct neighbours; ``by="betweenness"`` is the share of
    shortest paths through a node (on graphs over 5,000 nodes, estimated from 500
    sources with a fixed seed). Each result: ``{"id", "label", "kind", "score"}``.
    """
    import networkx as nx

    H = _concepts(G)
    if by == "degree":
        scores: dict[Any, float] = dict(H.degree())  # a count: 42, not 42.0
    elif by == "betweenness":
        k = 500 if len(H) > 5000 else None
        scores = nx.betweenness_centrality(H, k=k, seed=0 if k else None)
    else:
        raise UsageError(f"unknown ranking '{by}': degree or betweenness")
    order = {n: i for i, n in enumerate(G.nodes)}
    nodes = [n for n in H if kind is None or _kind(G, n) == kind]
    nodes.sort(key=lambda n: (-scores[n], order[n]))
    return [{**_node(G, n), "score": round(scores[n], 6)} for n in nodes[:limit]]


def clusters(G: Graph, seed: int = 0, resolution: float = 1.0) -> list[Cluster]:
    """Communities of the concepts and people (Louvain, fixed ``seed``), largest first.

    Each: ``{"cluster", "size", "terms", "members"}``; ``members`` are ordered by
    degree, ``terms`` are the labels of the cluster's terms.
    """
    import networkx as nx

    if not resolution > 0 or resolution == float("inf"):
        raise UsageError(f"resolution must be a positive number, not {resolution}")
    H = _concepts(G)
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
        {"cluster": i, "size": size, "terms": [_label(G, n) for n in members if _kind(G, n) == TERM],
         "members": [_node(G, n) for n in members]}
        for i, (size, _, members) in enumerate(ranked, 1)
    ]


# --- the thread --------------------------------------------------------------------------


def _folded(text: str) -> str:
    """``text`` with each character in lower case and without its accent, one for one
    (so that a place in it is the same place in ``text``)."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)[:1] or c
        low = base.casefold()
        out.append(low if len(low) == 1 else base.lower() if len(base.lower()) == 1 else c)
    return "".join(out)


def said(words: str) -> Callable[[str], list[tuple[int, int]]]:
    """Where a text says ``words``: the ``(start, end)`` of each place, case, accents and
    the punctuation between words aside, from the start of a word ("venn" finds "Venn's",
    "co-operat" finds "co-operation", "resume" finds "résumé").

    >>> said("venn diagram")("A Venn-diagram, a venn  diagram; no avenn diagram.")
    [(2, 14), (18, 31)]
    """
    parts = re.findall(r"\w+", _folded(words))
    if not parts:
        raise UsageError("give a word to look for in what people said")
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, parts)))
    return lambda text: [m.span() for m in pattern.finditer(_folded(text))]


def _places(finders: list[Callable[[str], list[tuple[int, int]]]], text: str) -> list[tuple[int, int]]:
    """The places in ``text`` each finder finds, overlapping ones made one; none unless
    every finder finds one."""
    found = [f(text) for f in finders]
    out: list[tuple[int, int]] = []
    if all(found):
        for start, end in sorted(s for spans in found for s in spans):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(end, out[-1][1]))
            else:
                out.append((start, end))
    return out


def thread(G: Graph, by: str | None = None, mentions: str | None = None, text: str | None = None) -> ThreadAnswer:
    """The messages in order, each with its speaker, place, what it replies to and the
    claims and relations anchored in it (with their spans; drafted mentions and
    co-occurrences, which only say a sentence names a term, are left out); ``by`` keeps
    one contributor's messages, ``mentions`` only those that name a term (aliases and
    inflections count), ``text`` only those that say these words (:func:`said`), each
    with where (``mentions``: ``[start, end]`` spans).

    >>> from conceptgraph import load_graph
    >>> [m["where"] for m in thread(load_graph(), text="venn")["messages"]]
    ['comment 1']
    """
    person = resolve(G, by, kind=CONTRIBUTOR) if by else None
    term = resolve(G, mentions) if mentions else None
    spans_of = [f for f in (mentions_of(G, term) if term is not None else None,
                            said(text) if text is not None else None) if f]
    spans_in = partial(_places, spans_of) if spans_of else None
    anchored: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for u, v, k, d in edge_items(G):
        if d.get("message") and d.get("span") and d.get("kind") not in (ASSERTS, MENTIONS, CO_OCCURS):
            e = describe_edge(G, u, v, k, d)
            item = {"key": k, "kind": e["kind"], "text": e["text"], "quote": e["quote"], "span": list(d["span"]),
                    **_origin(d)}
            anchored[_key(d["message"])].append(item)
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != MESSAGE or (person is not None and d.get("by") != person):
            continue
        text = str(d.get("text", ""))
        reply = str(d.get("reply_to", ""))
        msg = {"id": n, "by": str(d.get("by", "")), "speaker": _name(G, d.get("by", "")),
               "where": str(d.get("where", "")), "reply_to": reply,
               "reply_where": str(G.nodes[reply].get("where") or reply) if reply in G else reply,
               "date": str(d.get("date", "")),
               "text": text, "claims": sorted(anchored.get(n, []), key=lambda c: c["span"])}
        if isinstance(d.get("score"), int):
            msg["score"] = d["score"]
        if d.get("accepted"):
            msg["accepted"] = True
        if d.get("url"):
            msg["url"] = str(d["url"])
        if d.get("gone"):
            msg["gone"] = str(d["gone"])
        if d.get("edited"):
            msg["edited"] = str(d["edited"])
        if isinstance(d.get("quotes"), list) and d["quotes"]:
            msg["quotes"] = [str(q) for q in d["quotes"]]
            at = d.get("quoted_at")
            if isinstance(at, list) and len(at) == len(d["quotes"]) and all(type(x) is int and x >= 0 for x in at):
                msg["quoted_at"] = at
        if spans_in is not None:
            spans = spans_in(text)
            if not spans:
                continue
            msg["mentions"] = [list(s) for s in spans]
        out.append(msg)
    return {"messages": out}  # type: ignore[typeddict-item]
