"""GEXF 1.3 for Gephi: valid against the official 1.3 XSD, with node kinds as
attributes and colours, positions and sizes so that the graph opens ready to look at.

The 1.3 schema declares ``color``, ``position`` and ``size`` in the GEXF namespace
itself (1.2's separate ``viz`` namespace is gone), so they are written there; the
reader accepts both. Attributes whose values need JSON (lists, mixed types, strings
XML cannot carry) get an id starting ``json:``; the graph's own attributes travel as
JSON in ``<meta><keywords>``, so a file read back gives the same graph.
"""

from __future__ import annotations

import json
from typing import IO, Any
from xml.parsers import expat

import networkx as nx

from ..errors import DatasetError
from .common import XML_INVALID, Column, columns, decode_value, encode_json
from .graphml import _attr

__all__ = ["write_gexf", "read_gexf"]

NS = "http://gexf.net/1.3"
_VIZ = {"http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz", "http://www.gexf.net/1.1draft/viz"}
_TYPES = {"long": "long", "double": "double", "boolean": "boolean", "string": "string"}
_MARK = "conceptgraph"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def write_gexf(G: nx.MultiDiGraph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write ``G`` as GEXF 1.3 to the binary stream ``out``, with ``positions`` (from
    :func:`conceptgraph.layout.layout`) as node positions when given."""
    from ..graph import distinct_degree
    from ..render import EDGE_STYLES, NODE_STYLES

    nodes = list(G.nodes)
    index = {n: f"n{i}" for i, n in enumerate(nodes)}
    ncols = [Column("node_id", nodes)] + columns(d for _, d in G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True))
    ecols = [Column("edge_key", [k for *_, k, _ in edges])] + columns(d for *_, d in edges)
    nids = {c.name: (f"json:{i}" if c.json else str(i)) for i, c in enumerate(ncols)}
    eids = {c.name: (f"json:{i}" if c.json else str(i)) for i, c in enumerate(ecols)}
    ncol = {c.name: c for c in ncols}
    ecol = {c.name: c for c in ecols}
    degree = distinct_degree(G)
    title = str(G.graph.get("title") or "")
    meta = encode_json({_MARK: {"graph": {str(k): v for k, v in G.graph.items() if v is not None}}})
    w = out.write
    w(
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gexf xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{NS} http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
        f"  <meta><creator>conceptgraph</creator><keywords>{_attr(meta)}</keywords>"
        f"<description>{_attr(_token(title))}</description></meta>\n"
        f'  <graph defaultedgetype="directed" mode="static">\n'.encode("utf-8")
    )
    for cls, cols, ids in (("node", ncols, nids), ("edge", ecols, eids)):
        w(f'    <attributes class="{cls}">\n'.encode("utf-8"))
        for c in cols:
            w(f'      <attribute id="{ids[c.name]}" title="{_attr(c.name)}" type="{_TYPES[c.type]}"/>\n'.encode("utf-8"))
        w(b"    </attributes>\n")
    w(f'    <nodes count="{len(nodes)}">\n'.encode("utf-8"))
    for n in nodes:
        d = G.nodes[n]
        style = NODE_STYLES.get(str(d.get("kind")), NODE_STYLES["other"])
        vals = [f'<attvalue for="{nids["node_id"]}" value="{_attr(ncol["node_id"].encode(n))}"/>']
        vals += [f'<attvalue for="{nids[str(k)]}" value="{_attr(ncol[str(k)].encode(v))}"/>'
                 for k, v in d.items() if v is not None]
        r, g, b = _rgb(style["border"])  # the outline colour: fills like the attributes' cream vanish on white
        x, y = positions.get(n, (0, 0)) if positions else (0, 0)
        w(
            f'      <node id="{index[n]}" label="{_attr(_token(d.get("label", n)))}"><attvalues>{"".join(vals)}</attvalues>'
            f'<color r="{r}" g="{g}" b="{b}"/><position x="{x}" y="{-y}" z="0"/>'
            f'<size value="{4 + 2 * min(degree[n], 40)}"/></node>\n'.encode("utf-8")
        )
    w(b"    </nodes>\n")
    w(f'    <edges count="{len(edges)}">\n'.encode("utf-8"))
    for j, (u, v, key, d) in enumerate(edges):
        kind = str(d.get("kind", "edge"))
        style = EDGE_STYLES.get(kind, EDGE_STYLES["other"])
        vals = [f'<attvalue for="{eids["edge_key"]}" value="{_attr(ecol["edge_key"].encode(key))}"/>']
        vals += [f'<attvalue for="{eids[str(k)]}" value="{_attr(ecol[str(k)].encode(x))}"/>'
                 for k, x in d.items() if x is not None]
        r, g, b = _rgb(style["color"])
        w(
            f'      <edge id="e{j}" source="{index[u]}" target="{index[v]}" label="{_attr(_token(kind))}">'
            f'<attvalues>{"".join(vals)}</attvalues><color r="{r}" g="{g}" b="{b}"/></edge>\n'.encode("utf-8")
        )
    w(b"    </edges>\n  </graph>\n</gexf>\n")


def _token(value: Any) -> str:
    """GEXF labels are xs:token: no line breaks, tabs or runs of spaces."""
    return " ".join(XML_INVALID.sub("\ufffd", str(value)).split())


def read_gexf(stream: IO[bytes], file: str = "<gexf>") -> nx.MultiDiGraph:
    """Read GEXF 1.1-1.3 (ours or Gephi's). Nodes keep their ``node_id`` attribute
    (our exports) or their GEXF id, and get ``kind`` ``"node"`` and their GEXF label
    when they have none; Gephi's colours and positions are not kept."""
    attrs: dict[tuple[str, str], tuple[str, str, bool]] = {}
    G = nx.MultiDiGraph()
    nodes: dict[str, Any] = {}
    state: dict[str, Any] = {"cls": None, "current": None, "text": [], "edges": []}
    p = expat.ParserCreate(namespace_separator=" ")

    def error(problem: str) -> DatasetError:
        return DatasetError(problem, file, p.CurrentLineNumber)

    def start(name: str, a: dict[str, str]) -> None:
        ns, _, tag = name.rpartition(" ")
        if ns in _VIZ:
            return
        if tag == "keywords":
            state["text"] = []
        elif tag == "attributes":
            state["cls"] = a.get("class", "node")
        elif tag == "attribute":
            ident = a.get("id", "")
            attrs[(state["cls"], ident)] = (a.get("title", ident), a.get("type", "string"), ident.startswith("json:"))
        elif tag == "node":
            if "id" not in a:
                raise error("<node> without an id")
            if a["id"] in nodes:
                raise error(f"duplicate node id '{a['id']}'")
            state["current"] = {"_id": a["id"], "_label": a.get("label"), "_cls": "node"}
        elif tag == "edge":
            if "source" not in a or "target" not in a:
                raise error("<edge> without source or target")
            state["current"] = {"_id": a.get("id"), "_source": a["source"], "_target": a["target"], "_cls": "edge",
                                "_label": a.get("label"), "_line": p.CurrentLineNumber}
        elif tag == "attvalue" and state["current"] is not None:
            cls = state["current"]["_cls"]
            title, type_, is_json = attrs.get((cls, a.get("for", "")), (a.get("for", ""), "string", False))
            try:
                state["current"][title] = decode_value(type_, is_json, a.get("value", ""))
            except ValueError as e:
                raise error(f"value {a.get('value', '')[:40]!r} of '{title}' is not a {type_}: {e}") from None

    def chars(data: str) -> None:
        state["text"].append(data)

    def end(name: str) -> None:
        _, _, tag = name.rpartition(" ")
        if tag == "keywords":
            text = "".join(state["text"])
            if _MARK in text:
                try:
                    G.graph.update(json.loads(text)[_MARK].get("graph", {}))
                except (ValueError, AttributeError, KeyError):
                    pass
        elif tag == "node" and state["current"] is not None:
            c = state["current"]
            ident, label = c.pop("_id"), c.pop("_label")
            c.pop("_cls")
            node = c.pop("node_id", ident)
            c.setdefault("kind", "node")
            c.setdefault("label", label if label is not None else str(node))
            if node in G:
                raise error(f"two nodes have the id {node!r}")
            nodes[ident] = node
            G.add_node(node, **c)
            state["current"] = None
        elif tag == "edge" and state["current"] is not None:
            state["edges"].append(state["current"])
            state["current"] = None

    def no_entities(*args: Any) -> None:  # entity expansion is how XML bombs work
        raise error("XML entity declarations are not accepted")

    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    p.EntityDeclHandler = no_entities
    try:
        p.ParseFile(stream)
    except expat.ExpatError as e:
        raise DatasetError(f"XML syntax error: {expat.ErrorString(e.code)}", file, e.lineno) from None
    for c in state["edges"]:
        line = c.pop("_line")
        for end_ in (c["_source"], c["_target"]):
            if end_ not in nodes:
                raise DatasetError(f"edge names an unknown node '{end_}'", file, line)
        u, v, ident, label = nodes[c.pop("_source")], nodes[c.pop("_target")], c.pop("_id"), c.pop("_label")
        c.pop("_cls")
        key = c.pop("edge_key", ident)
        c.setdefault("kind", label or "edge")
        G.add_edge(u, v, key=key, **c)
    return G
