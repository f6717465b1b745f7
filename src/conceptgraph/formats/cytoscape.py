"""Cytoscape.js ``elements`` JSON (also read by Cytoscape desktop): string ids, edge
ids, positions from the same layout as the page, no bare NaN. With positions it also
holds ``layout: {name: "preset"}`` and a ``style`` with the page's colours, so that
``cytoscape({container, ...file})`` or ``cy.json(file)`` shows the graph as the page
does (without ``preset``, Cytoscape.js runs a grid layout over the positions).

Read back too, ours or Cytoscape desktop's (``File > Export > Network to File``,
``.cyjs``): a node's ``name`` is its label when it has none."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ..errors import DatasetError, excerpt
from ..kinds import OTHER_EDGE
from ..styles import edge_style, node_style
from .common import Format, GraphBuilder, apart, clean_value, dumps_json, load_json, together, top_keys, unique_ids

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_cytoscape", "cytoscape_elements", "read_cytoscape"]

# Cytoscape's own fields of a node and of an edge (an attribute so named is written apart)
# ("value": the node for networkx's ``cytoscape_graph``, which reads a node by it)
_NODE_FIELDS, _EDGE_FIELDS = ("id", "name", "value"), ("id", "source", "target", "key", "interaction")


def cytoscape_elements(G: Graph, positions: dict[Any, tuple[int, int]] | None = None) -> dict[str, Any]:
    """``{"data": {...graph}, "elements": {"nodes": [...], "edges": [...]}}``."""
    ids = unique_ids(G)
    nodes = []
    for n, d in G.nodes(data=True):
        item: dict[str, Any] = {"data": {**apart(d, _NODE_FIELDS), "id": ids[n], "name": str(d.get("label", n)),
                                         "value": ids[n]}}
        if ids[n] != n:  # a number, or a string another node prints as: the node itself, for a reader
            item["data"]["node_id"] = clean_value(n)
        if positions:
            x, y = positions.get(n, (0, 0))
            item["position"] = {"x": x, "y": y}
        nodes.append(item)
    edges = [
        {"data": {**apart(d, _EDGE_FIELDS), "id": f"e{j}", "source": ids[u],
                  "target": ids[v], "key": clean_value(k), "interaction": str(d.get("kind", OTHER_EDGE))}}
        for j, (u, v, k, d) in enumerate(G.edges(keys=True, data=True))
    ]
    # "directed" and "multigraph" as networkx writes them, so that it reads the file back as it is
    out: dict[str, Any] = {"data": clean_value(dict(G.graph)), "directed": G.is_directed(), "multigraph": True,
                           "elements": {"nodes": nodes, "edges": edges}}
    if positions:
        out["layout"] = {"name": "preset"}
        out["style"] = _style(G)
    return out


_SHAPES = {"box": "round-rectangle", "ellipse": "ellipse", "dot": "ellipse", "diamond": "diamond",
           "triangle": "triangle", "star": "star", "square": "rectangle"}


def _style(G: Graph) -> list[dict[str, Any]]:
    """Cytoscape.js style rules: one per node kind and link kind the graph has."""
    rules: list[dict[str, Any]] = [
        {"selector": "node", "style": {"label": "data(name)", "font-size": 10, "text-valign": "bottom",
                                       "text-wrap": "ellipsis", "text-max-width": "160px", "color": "#111827",
                                       "width": 20, "height": 20, "border-width": 1}},
        {"selector": "edge", "style": {"curve-style": "bezier", "width": 1, "opacity": 0.85}},
    ]
    for kind in dict.fromkeys(str(d.get("kind", "")) for _, d in G.nodes(data=True)):
        st = node_style(kind)
        rules.append({"selector": f"node[kind = {_quoted(kind)}]", "style": {
            "background-color": st["color"], "border-color": st["border"], "shape": _SHAPES.get(st["shape"], "rectangle")}})
    kinds = dict.fromkeys((str(d.get("kind", OTHER_EDGE)), bool(d.get("negated"))) for _, _, d in G.edges(data=True))
    for kind, negated in sorted(kinds, key=lambda kn: kn[1]):  # denied after plain: the later rule wins
        st = edge_style(kind, negated)
        selector = f"edge[kind = {_quoted(kind)}]" + ("[?negated]" if negated else "")
        rules.append({"selector": selector, "style": {
            "line-color": st["color"], "target-arrow-color": st["color"], "width": st["width"],
            "line-style": "dashed" if st["dashes"] else "solid",
            "target-arrow-shape": "triangle" if st["arrows"] else "none"}})
    return rules


def _quoted(text: str) -> str:
    """A string in a Cytoscape selector: double quotes, with backslashes and quotes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_cytoscape(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write Cytoscape.js JSON (UTF-8) to the binary stream ``out``."""
    data = cytoscape_elements(G, positions)
    out.write(dumps_json(data) + b"\n")


def read_cytoscape(data: bytes, file: str = "<cyjs>") -> Graph:
    """Read Cytoscape elements JSON: ``{"data", "elements": {"nodes", "edges"}}`` (or
    ``elements`` as one list of items with their ``group``), as we write it or as
    Cytoscape desktop exports it."""
    doc = load_json(data, file)
    elements = doc.get("elements") if isinstance(doc, dict) else None
    if isinstance(elements, list):
        elements = {"nodes": [e for e in elements if isinstance(e, dict) and e.get("group") != "edges"],
                    "edges": [e for e in elements if isinstance(e, dict) and e.get("group") == "edges"]}
    if not isinstance(elements, dict) or not isinstance(elements.get("nodes", []), list) \
            or not isinstance(elements.get("edges", []), list):
        raise DatasetError('not a Cytoscape graph: expected an object with "elements"', file, 1)
    out = GraphBuilder(file)
    graph = doc.get("data", {})
    if not isinstance(graph, dict):
        raise DatasetError('"data" must be an object of graph attributes', file)
    out.graph.update(graph)
    ids: dict[Any, Any] = {}  # an element's id -> its node
    for i, item in enumerate(elements.get("nodes", [])):
        d = item.get("data") if isinstance(item, dict) else None
        if not isinstance(d, dict) or "id" not in d:
            raise DatasetError(f"nodes[{i}]: expected an object whose data has an id", file)
        d = dict(d)
        ident, name = d.pop("id"), d.pop("name", None)
        node = d.pop("node_id", ident)
        attrs = together(d, _NODE_FIELDS)
        if "label" not in attrs and name is not None:
            attrs["label"] = name  # Cytoscape desktop names its nodes
        try:
            out.node(ident, attrs, value=node)
        except DatasetError as e:
            raise DatasetError(f"nodes[{i}]: {e.problem}", file) from None
        ids[ident] = node
    for j, item in enumerate(elements.get("edges", [])):
        d = item.get("data") if isinstance(item, dict) else None
        if not isinstance(d, dict) or "source" not in d or "target" not in d:
            raise DatasetError(f"edges[{j}]: expected an object whose data has source and target", file)
        d = dict(d)
        for end in ("source", "target"):
            try:
                known = d[end] in ids
            except TypeError:
                known = False
            if not known:
                raise DatasetError(f"edges[{j}].{end}: unknown node {excerpt(d[end])}", file)
        source, target, eid = d.pop("source"), d.pop("target"), d.pop("id", None)
        key = d.pop("key", eid)
        interaction = d.pop("interaction", None)
        attrs = together(d, _EDGE_FIELDS)
        if "kind" not in attrs and interaction is not None:
            attrs["kind"] = interaction
        out.edge(source, target, key, attrs)
    return out.build()


def _sniff(head: bytes) -> bool:
    return "elements" in top_keys(head)  # its own key, not a word inside ("elements" a term's name)


FORMAT = Format(
    name="cytoscape",
    help="Cytoscape.js and Cytoscape desktop elements JSON, with positions",
    suffixes=(".cyjs",),
    default_name="{name}.cyjs",
    write=write_cytoscape,
    read=read_cytoscape,
    sniff=_sniff,
    written=_sniff,
    needs_positions=True,
)
