"""Cytoscape.js ``elements`` JSON (also read by Cytoscape desktop): string ids, edge
ids, positions from the same layout as the page, no bare NaN."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ..kinds import OTHER_EDGE
from .common import Format, clean_value, dumps_json, unique_ids

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_cytoscape", "cytoscape_elements"]


def cytoscape_elements(G: Graph, positions: dict[Any, tuple[int, int]] | None = None) -> dict[str, Any]:
    """``{"data": {...graph}, "elements": {"nodes": [...], "edges": [...]}}``."""
    ids = unique_ids(G)
    nodes = []
    for n, d in G.nodes(data=True):
        item: dict[str, Any] = {"data": {**_apart(d, ("id", "name")), "id": ids[n], "name": str(d.get("label", n))}}
        if not isinstance(n, str):
            item["data"]["node_id"] = clean_value(n)
        if positions:
            x, y = positions.get(n, (0, 0))
            item["position"] = {"x": x, "y": y}
        nodes.append(item)
    edges = [
        {"data": {**_apart(d, ("id", "source", "target", "key", "interaction")), "id": f"e{j}", "source": ids[u],
                  "target": ids[v], "key": clean_value(k), "interaction": str(d.get("kind", OTHER_EDGE))}}
        for j, (u, v, k, d) in enumerate(G.edges(keys=True, data=True))
    ]
    return {"data": clean_value(dict(G.graph)), "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write Cytoscape.js JSON (UTF-8) to the binary stream ``out``."""
    data = cytoscape_elements(G, positions)
    out.write(dumps_json(data) + b"\n")


def _apart(attrs: dict[Any, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Attributes named like Cytoscape's own fields are written as ``attr:NAME``."""
    return {("attr:" + k if k in fields else k): v for k, v in clean_value(attrs).items()}


FORMAT = Format(
    name="cytoscape",
    help="Cytoscape.js and Cytoscape desktop elements JSON, with positions",
    suffixes=(".cyjs",),
    default_name="concept_graph.cyjs",
    write=write_cytoscape,
    needs_positions=True,
)
