"""networkx node-link JSON: what networkx, D3 and many web tools read.

Node ids keep their JSON type (``1`` and ``"1"`` stay two nodes); NaN and infinities
become ``null``, since ``JSON.parse`` rejects bare ``NaN``.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ..errors import DatasetError, excerpt
from .common import Format, GraphBuilder, apart, clean_value, dumps_json, load_json, together, top_keys

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_node_link", "read_node_link", "node_link"]


def node_link(G: Graph) -> dict[str, Any]:
    """``G`` as a node-link dict: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    return {
        "directed": G.is_directed(),
        "multigraph": True,
        "graph": clean_value(dict(G.graph)),
        "nodes": [{"id": n, **apart(d, _NODE_FIELDS)} for n, d in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, "key": k, **apart(d, _EDGE_FIELDS)}
                  for u, v, k, d in G.edges(keys=True, data=True)],
    }


_NODE_FIELDS, _EDGE_FIELDS = ("id",), ("source", "target", "key")


def write_node_link(G: Graph, out: IO[bytes], positions: object = None) -> None:
    """Write ``G`` as node-link JSON (UTF-8) to the binary stream ``out``."""
    out.write(dumps_json(node_link(G)) + b"\n")


def read_node_link(data: bytes, file: str = "<json>") -> Graph:
    """Read node-link JSON (``edges`` or ``links``), from us or from networkx/D3; an
    undirected graph (``"directed": false``) stays undirected."""
    doc = load_json(data, file)
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise DatasetError('not a node-link graph: expected an object with a "nodes" list', file, 1)
    links = doc.get("edges", doc.get("links", []))
    if not isinstance(links, list):
        raise DatasetError('"edges" must be a list', file)
    out = GraphBuilder(file)
    out.directed = doc.get("directed", True) is not False
    graph = doc.get("graph")
    if graph is not None and not isinstance(graph, dict):
        raise DatasetError('"graph" must be an object of graph attributes', file)
    out.graph.update(graph or {})
    for i, n in enumerate(doc["nodes"]):
        if not isinstance(n, dict) or "id" not in n:
            raise DatasetError(f"nodes[{i}]: expected an object with an id", file)
        try:
            out.node(n["id"], together(n, _NODE_FIELDS))
        except DatasetError as e:
            raise DatasetError(f"nodes[{i}]: {e.problem}", file) from None
    for j, link in enumerate(links):
        if not isinstance(link, dict) or "source" not in link or "target" not in link:
            raise DatasetError(f"edges[{j}]: expected an object with source and target", file)
        for end in ("source", "target"):
            try:
                known = link[end] in out.nodes
            except TypeError:
                known = False
            if not known:
                raise DatasetError(f"edges[{j}].{end}: unknown node {excerpt(link[end])}", file)
        out.edge(link["source"], link["target"], link.get("key"), together(link, _EDGE_FIELDS))
    return out.build()


def _sniff(head: bytes) -> bool:
    # by its own keys, which come first ("directed", then "multigraph", "graph", "nodes")
    keys = top_keys(head)
    return bool({"directed", "multigraph", "nodes"} & set(keys)) and "elements" not in keys


FORMAT = Format(
    name="json",
    help="networkx node-link JSON (networkx, D3)",
    suffixes=(".json",),
    default_name="{name}.json",
    write=write_node_link,
    read=read_node_link,
    sniff=_sniff,
    written=_sniff,
)
