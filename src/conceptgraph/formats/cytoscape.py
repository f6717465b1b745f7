"""Cytoscape.js ``elements`` JSON (also read by Cytoscape desktop): string ids, edge
ids, positions from the same layout as the page, no bare NaN."""

from __future__ import annotations

import json
from typing import IO, Any

import networkx as nx

from .common import clean_value, unique_ids

__all__ = ["write_cytoscape", "cytoscape_elements"]


def cytoscape_elements(G: nx.MultiDiGraph, positions: dict[Any, tuple[int, int]] | None = None) -> dict[str, Any]:
    """``{"data": {...graph}, "elements": {"nodes": [...], "edges": [...]}}``."""
    ids = unique_ids(G)
    nodes = []
    for n, d in G.nodes(data=True):
        item: dict[str, Any] = {"data": {**clean_value(d), "id": ids[n], "name": str(d.get("label", n))}}
        if not isinstance(n, str):
            item["data"]["node_id"] = clean_value(n)
        if positions:
            x, y = positions.get(n, (0, 0))
            item["position"] = {"x": x, "y": y}
        nodes.append(item)
    edges = [
        {"data": {**clean_value(d), "id": f"e{j}", "source": ids[u], "target": ids[v], "key": clean_value(k),
                  "interaction": str(d.get("kind", "edge"))}}
        for j, (u, v, k, d) in enumerate(G.edges(keys=True, data=True))
    ]
    return {"data": clean_value(dict(G.graph)), "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(G: nx.MultiDiGraph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write Cytoscape.js JSON (UTF-8) to the binary stream ``out``."""
    data = cytoscape_elements(G, positions)
    out.write(json.dumps(data, ensure_ascii=False, allow_nan=False, default=str, indent=1).encode("utf-8") + b"\n")
