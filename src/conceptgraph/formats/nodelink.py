"""networkx node-link JSON: what networkx, D3 and many web tools read.

Node ids keep their JSON type (``1`` and ``"1"`` stay two nodes); NaN and infinities
become ``null``, since ``JSON.parse`` rejects bare ``NaN``.
"""

from __future__ import annotations

import json
from typing import IO, Any

import networkx as nx

from ..errors import DatasetError
from .common import clean_value

__all__ = ["write_node_link", "read_node_link", "node_link"]


def node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """``G`` as a node-link dict: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": clean_value(dict(G.graph)),
        "nodes": [{"id": n, **clean_value(d)} for n, d in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, "key": k, **clean_value(d)} for u, v, k, d in G.edges(keys=True, data=True)],
    }


def write_node_link(G: nx.MultiDiGraph, out: IO[bytes]) -> None:
    """Write ``G`` as node-link JSON (UTF-8) to the binary stream ``out``."""
    out.write(json.dumps(node_link(G), ensure_ascii=False, allow_nan=False, default=str, indent=1).encode("utf-8"))
    out.write(b"\n")


def read_node_link(stream: IO[bytes], file: str = "<json>") -> nx.MultiDiGraph:
    """Read node-link JSON (``edges`` or ``links``), from us or from networkx/D3."""
    try:
        data = json.loads(stream.read().decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise DatasetError(f"not valid UTF-8 (offset {e.start})", file) from None
    except json.JSONDecodeError as e:
        raise DatasetError(f"JSON syntax error: {e.msg}", file, e.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise DatasetError('not a node-link graph: expected an object with a "nodes" list', file, 1)
    links = data.get("edges", data.get("links", []))
    if not isinstance(links, list):
        raise DatasetError('"edges" must be a list', file)
    G = nx.MultiDiGraph(**(data.get("graph") or {}))
    for i, n in enumerate(data["nodes"]):
        if not isinstance(n, dict) or "id" not in n or isinstance(n["id"], (list, dict)):
            raise DatasetError(f"nodes[{i}]: expected an object with an id", file)
        attrs = {k: v for k, v in n.items() if k != "id"}
        if n["id"] in G:
            raise DatasetError(f"nodes[{i}]: duplicate node id {n['id']!r}", file)
        attrs.setdefault("kind", "node")
        attrs.setdefault("label", str(n["id"]))
        G.add_node(n["id"], **attrs)
    for j, e in enumerate(links):
        if not isinstance(e, dict) or "source" not in e or "target" not in e:
            raise DatasetError(f"edges[{j}]: expected an object with source and target", file)
        for end in ("source", "target"):
            if e[end] not in G:
                raise DatasetError(f"edges[{j}].{end}: unknown node {e[end]!r}", file)
        attrs = {k: v for k, v in e.items() if k not in ("source", "target", "key")}
        attrs.setdefault("kind", "edge")
        G.add_edge(e["source"], e["target"], key=e.get("key"), **attrs)
    return G
