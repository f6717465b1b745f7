"""Build the concept graph (a ``networkx.MultiDiGraph``) from a dataset, and load one.

Nodes are the dataset's terms, attributes and contributors, in that order, each with a
``kind`` (``term``, ``attribute``, ``contributor``) and a ``label``. Edges come from:

* each claim, twice: ``claim`` (term -> attribute) and ``asserts`` (contributor ->
  attribute), both keyed by the claim id and carrying ``speaker``, ``quote``, ``where``,
  ``negated`` and ``term``;
* each relation: an edge whose ``kind`` is the relation kind (``contrasts_with``,
  ``opposes``, ``agrees_with``...), keyed by the relation id, with ``speaker``, ``quote``
  and ``where`` when the text gives them.

The graph's own attributes hold the source (``title``, ``author``, ``date``, ``url``).
Building is deterministic: the same dataset gives the same node and edge order.

>>> from conceptgraph import load_graph
>>> G = load_graph()
>>> G.nodes["cooperation"]["kind"], G.graph["author"]
('term', 'Shawn Callahan')
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from .model import Dataset

__all__ = [
    "NODE_KINDS",
    "DATA_ENV",
    "build_graph",
    "load_graph",
    "default_data_path",
    "graph_summary",
    "gc_paused",
    "distinct_degree",
]

NODE_KINDS = ("term", "attribute", "contributor")
DATA_ENV = "CONCEPTGRAPH_DATA"


def build_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Turn a validated dataset into the concept graph. O(nodes + claims + relations)."""
    G = nx.MultiDiGraph(
        title=ds.source.title, author=ds.source.author, date=ds.source.date, url=ds.source.url
    )
    for t in ds.terms:
        G.add_node(t.id, kind="term", label=t.label, aliases=list(t.aliases), gloss=t.gloss)
    for a in ds.attributes:
        G.add_node(a.id, kind="attribute", label=a.label, description=a.description)
    for c in ds.contributors:
        G.add_node(c.id, kind="contributor", label=c.name, role=c.role, where=list(c.where), quote=c.quote)
    for c in ds.claims:
        evidence = {"speaker": c.by, "quote": c.quote, "where": c.where, "negated": c.negated, "term": c.term}
        G.add_edge(c.term, c.attribute, key=c.id, kind="claim", **evidence)
        G.add_edge(c.by, c.attribute, key=c.id, kind="asserts", **evidence)
    for r in ds.relations:
        G.add_edge(r.source, r.target, key=r.id, kind=r.kind, speaker=r.by, quote=r.quote, where=r.where)
    return G


def default_data_path() -> Path:
    """The bundled dataset of the discussion: inside the installed package, or the
    ``graph_data/`` folder of a source checkout."""
    here = Path(__file__).resolve().parent
    bundled = here / "graph_data"  # where the wheel puts it
    return bundled if bundled.is_dir() else here.parents[1] / "graph_data"


def load_graph(path: str | os.PathLike[str] | None = None, cache: bool = False) -> nx.MultiDiGraph:
    """Load the graph at ``path``: a dataset file or folder, or a graph file (GraphML,
    GEXF, node-link JSON) from us or another tool; by default the dataset named by
    ``$CONCEPTGRAPH_DATA``, else the bundled one. With ``cache``, a graph built before
    from the same unchanged files is read back from :mod:`conceptgraph.cache`.

    Raises :class:`~conceptgraph.errors.DatasetError` for a file that cannot be read.
    """
    from .dataset import dataset_files
    from .formats import GRAPH_SUFFIXES

    if path is None or str(path) == "":
        path = os.environ.get(DATA_ENV) or default_data_path()
    is_graph_file = Path(path).suffix.lower() in GRAPH_SUFFIXES and not Path(path).is_dir()
    files = dataset_files(path)  # checks that the path exists; a graph file is its own one file

    def build() -> nx.MultiDiGraph:
        from .progress import Progress

        with gc_paused(), Progress(f"reading {Path(path).name}") as progress:
            if is_graph_file:
                from .formats import read_graph

                return read_graph(path)
            from .dataset import load_dataset

            ds = load_dataset(path)
            progress.phase(f"building the graph of {ds.node_count} nodes")
            return build_graph(ds)

    if not cache:
        return build()
    from .cache import cached

    return cached(files, build)


def distinct_degree(G: nx.MultiDiGraph) -> dict[Any, int]:
    """Number of distinct neighbours of each node, either direction. O(nodes + edges)."""
    succ, pred = G._succ, G._pred  # the raw adjacency: views per node cost more than the work
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


def graph_summary(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Source and counts of nodes by kind and of edges by kind.

    >>> from conceptgraph import load_graph
    >>> graph_summary(load_graph())["nodes"]["contributor"]
    17
    """
    nodes = Counter(kind for _, kind in G.nodes(data="kind"))
    edges = Counter(kind for *_, kind in G.edges(data="kind"))
    return {
        "source": {k: G.graph.get(k, "") for k in ("title", "author", "date", "url")},
        "nodes": {k: nodes.get(k, 0) for k in NODE_KINDS} | {k: n for k, n in nodes.items() if k not in NODE_KINDS},
        "edges": dict(sorted(edges.items())),
    }
