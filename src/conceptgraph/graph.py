"""Build the concept graph (a ``networkx.MultiDiGraph``) from a dataset, and the few
helpers every module uses to walk a graph fast.

Nodes are the dataset's terms, attributes and contributors, in that order, each with a
``kind`` (``term``, ``attribute``, ``contributor``) and a ``label``. Edges come from:

* each claim, twice: ``claim`` (term -> attribute) and ``asserts`` (contributor ->
  attribute), both keyed by the claim id and carrying ``speaker`` (the contributor's
  id), ``speaker_name``, ``quote``, ``where``, ``negated`` and ``term``;
* each relation: an edge whose ``kind`` is the relation kind (``contrasts_with``,
  ``opposes``, ``agrees_with``...), keyed by the relation id, with ``speaker``,
  ``speaker_name``, ``quote`` and ``where`` when the text gives them.

The graph's own attributes hold the source (``title``, ``author``, ``date``, ``url``); a
graph from another tool may have a ``name`` instead of a title (:func:`graph_title`).
Building is deterministic: the same dataset gives the same node and edge order. Graphs
read from other tools' files may be undirected (``networkx.MultiGraph``): every query
and writer takes either, as :data:`Graph`.

>>> from conceptgraph import load_graph
>>> G = load_graph()
>>> G.nodes["cooperation"]["kind"], G.graph["author"]
('term', 'Shawn Callahan')
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

from .kinds import (
    ASSERTS,
    ATTRIBUTE,
    CLAIM,
    CONTEXT_RELATIONS,
    CONTRIBUTOR,
    DRAFT,
    MESSAGE,
    NODE_KINDS,
    REPLIES_TO,
    TERM,
    WROTE,
    claim_text,
    said_in,
)

if TYPE_CHECKING:
    from .model import Dataset

__all__ = [
    "Graph",
    "build_graph",
    "graph_summary",
    "graph_title",
    "gc_paused",
    "distinct_degree",
    "adjacency",
    "edge_items",
]

#: A concept graph: directed, or undirected when read from an undirected file.
Graph: TypeAlias = nx.MultiDiGraph | nx.MultiGraph


def build_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Turn a validated dataset into the concept graph. O(nodes + claims + relations).

    Optional facts (a message and span, a draft status, the curator's inference, what
    an agreement concerns) are set only where the dataset gives them, so a big graph
    carries no empty fields. In a dataset of several threads (``import A B``), messages,
    claims and relations say whose ``thread`` they are, a contributor the ``threads``
    they speak in, and a term or attribute the ``threads`` it is said in: a tool that
    filters by a field (Gephi, Cytoscape, Neo4j) splits the communities without reading
    places."""
    from .places import thread_of

    first = ds.messages[0].where if ds.messages else ds.claims[0].where if ds.claims else ""
    of: Callable[[str], str] = thread_of if thread_of(first) else _no_thread  # one thread: no field, and no cost
    G = nx.MultiDiGraph(
        title=ds.source.title, author=ds.source.author, date=ds.source.date, url=ds.source.url
    )
    for t in ds.terms:
        G.add_node(t.id, kind=TERM, label=t.label, aliases=list(t.aliases), gloss=t.gloss,
                   **_set(status=t.status, confidence=t.confidence))
    for a in ds.attributes:
        G.add_node(a.id, kind=ATTRIBUTE, label=a.label, description=a.description,
                   **_set(status=a.status, confidence=a.confidence))
    for p in ds.contributors:
        G.add_node(p.id, kind=CONTRIBUTOR, label=p.name, role=p.role, where=list(p.where), quote=p.quote,
                   **_set(threads=list(dict.fromkeys(th for w in p.where if (th := of(w))))))
    for m in ds.messages:
        G.add_node(m.id, kind=MESSAGE, label=m.where, by=m.by, where=m.where, text=m.text,
                   **_set(reply_to=m.reply_to, date=m.date, title=m.title, accepted=m.accepted, url=m.url,
                          gone=m.gone, quotes=list(m.quotes), quoted_at=list(m.quoted_at), thread=of(m.where),
                          edited=m.edited),
                   **({} if m.score is None else {"score": m.score}))
    for m in ds.messages:
        G.add_edge(m.by, m.id, key=m.id, kind=WROTE)
        if m.reply_to:
            G.add_edge(m.id, m.reply_to, key=m.id, kind=REPLIES_TO)
    # the speaker's name beside their id, for tools that show an edge's fields alone
    # (Gephi's data table, Neo4j): one string per person, shared by their edges
    names = {p.id: p.name for p in ds.contributors}
    for c in ds.claims:
        evidence = {"speaker": c.by, **_set(speaker_name=names.get(c.by)), "quote": c.quote, "where": c.where,
                    "negated": c.negated, "term": c.term,
                    **_anchor(c.message, c.span),
                    **_set(inferred=c.inferred, status=c.status, confidence=c.confidence, thread=of(c.where))}
        G.add_edge(c.term, c.attribute, key=c.id, kind=CLAIM, **evidence)
        G.add_edge(c.by, c.attribute, key=c.id, kind=ASSERTS, **evidence)
    # a link of context (who names a term, terms named together) is never reviewed: it is
    # a fact of the text about its terms, drafted while one of them is, curated with them
    drafted_terms = {t.id for t in ds.terms if t.status == DRAFT}
    # what a stance is about, in words beside the ids: a tool that shows an edge's fields
    # alone (Gephi's data table, Neo4j) has no other way to read it
    labels = {t.id: t.label for t in ds.terms} | {a.id: a.label for a in ds.attributes}
    # (only of the claims some stance is about: a text for every claim of a big dataset cost 200 MiB)
    concerned = {x for r in ds.relations for x in r.concerns}
    claimed = {c.id: claim_text(labels.get(c.term, c.term), labels.get(c.attribute, c.attribute), c.negated)
               for c in ds.claims if c.id in concerned}
    claimed.update((m.id, said_in(names.get(m.by, m.by), m.where)) for m in ds.messages if m.id in concerned)
    for r in ds.relations:
        status = r.status if r.kind not in CONTEXT_RELATIONS or {r.source, r.target} & drafted_terms else ""
        G.add_edge(r.source, r.target, key=r.id, kind=r.kind, speaker=r.by, **_set(speaker_name=names.get(r.by)),
                   quote=r.quote, where=r.where,
                   **_anchor(r.message, r.span), **_set(concerns=list(r.concerns),
                                                        concerns_labels=[claimed.get(x) or labels.get(x, x)
                                                                         for x in r.concerns],
                                                        inferred=r.inferred,
                                                        status=status, confidence=r.confidence, count=r.count,
                                                        places=list(r.places), thread=of(r.where)))
    if of is not _no_thread:  # each term and attribute: the threads it is said in, in the threads' order
        order = {th: i for i, th in enumerate(dict.fromkeys(of(m.where) for m in ds.messages))}
        said: dict[str, set[str]] = {}
        for item, th in [*((c.term, of(c.where)) for c in ds.claims), *((c.attribute, of(c.where)) for c in ds.claims),
                         *((end, of(r.where)) for r in ds.relations for end in (r.source, r.target))]:
            if th:
                said.setdefault(item, set()).add(th)
        for node, threads in said.items():
            if node in G and G.nodes[node].get("kind") in (TERM, ATTRIBUTE):
                G.nodes[node]["threads"] = sorted(threads, key=lambda th: order.get(th, len(order)))
    return G


def _no_thread(where: str) -> str:
    return ""


def _set(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v}


def _anchor(message: str, span: tuple[int, int] | None) -> dict[str, Any]:
    return {"message": message, "span": list(span)} if message and span is not None else {}


def adjacency(G: Graph) -> tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]:
    """``(successors, predecessors, node data)``: networkx's own dicts, for loops over big
    graphs where a view per node costs more than the work. An undirected graph's
    successors and predecessors are the same dict. Read them; never change them."""
    if G.is_directed():
        return G._succ, G._pred, G._node
    return G._adj, G._adj, G._node


def edge_items(G: Graph) -> Iterator[tuple[Any, Any, Any, dict[str, Any]]]:
    """Every edge once, as ``(u, v, key, data)``, in the graph's order. O(edges)."""
    if not G.is_directed():
        yield from G.edges(keys=True, data=True)
        return
    for u, nbrs in G._succ.items():
        for v, keyed in nbrs.items():
            for key, data in keyed.items():
                yield u, v, key, data


def distinct_degree(G: Graph) -> dict[Any, int]:
    """Number of distinct neighbours of each node, either direction. O(nodes + edges)."""
    succ, pred, _ = adjacency(G)
    return {n: len(succ[n].keys() | pred[n].keys()) for n in G}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a big graph is built or drawn: its
    passes over millions of new, live objects otherwise cost a third of the time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def graph_title(G: Graph) -> str:
    """The graph's title: its ``title``, else the ``name`` other tools give a graph
    (networkx writes one for its examples), else "".

    >>> import networkx as nx
    >>> graph_title(nx.karate_club_graph())
    "Zachary's Karate Club"
    """
    for key in ("title", "name"):
        value = G.graph.get(key)
        if value is not None and value is not False and str(value).strip():
            return str(value)
    return ""


def drafted_count(G: Graph) -> int:
    """How many drafted items of ``G`` review has still to decide: terms, attributes,
    claims (each one item, though drawn as two links), relations and stances; not the
    links of context drafted with them (who names which term, which terms are named
    together), which review never asks about.

    >>> from conceptgraph import load_graph
    >>> drafted_count(load_graph())  # the bundled discussion is curated
    0
    """
    # a claim is two links (term -> attribute, contributor -> attribute) under one key: one item
    links = {(ASSERTS if d.get("kind") == CLAIM else d.get("kind"), key) for *_, key, d in edge_items(G)
             if d.get("status") == DRAFT and d.get("kind") not in CONTEXT_RELATIONS}
    return sum(1 for _, d in G.nodes(data=True) if d.get("status") == DRAFT) + len(links)


def graph_summary(G: Graph) -> dict[str, Any]:
    """Source and counts of nodes by kind and of edges by kind.

    >>> from conceptgraph import load_graph
    >>> graph_summary(load_graph())["nodes"]["contributor"]
    17
    """
    nodes = Counter(str(kind) for _, kind in G.nodes(data="kind"))
    edges = Counter(str(kind) for *_, kind in G.edges(data="kind"))
    return {
        "source": {"title": graph_title(G), **{k: G.graph.get(k, "") for k in ("author", "date", "url")}},
        "nodes": {k: nodes.get(k, 0) for k in NODE_KINDS} | {k: n for k, n in nodes.items() if k not in NODE_KINDS},
        "edges": dict(sorted(edges.items())),
    }
