"""GraphML: written so that it validates against the GraphML XSD and reads back in
igraph, networkx, yEd, Cytoscape and Gephi; read from our files and other tools'.

What the writer guarantees (networkx's ``write_graphml`` does not): node ids that are
XML name tokens, each node's own where it is one (the same from one export to the next),
else ``n0``, ``n1``..., with the readable id kept in ``node_id``; unique edge ids (a
link's key, else ``e0``...); one type per key; lists, dicts and mixed types as JSON
text; a character XML cannot carry (a control character) written as U+FFFD, the exact
string kept as JSON text under a second key ("label_exact") on the few nodes that need
it, so that other tools show every other label as it is; likewise strings beside a few
lists of strings under one name ("where": a message's place, a contributor's places),
each list shown joined by "; " and exact in the twin; ``true``/``false`` booleans; no
attribute named ``id``. A key's ``<desc>`` tells this reader how to restore its values exactly.
"""

from __future__ import annotations

import json
import re
from typing import IO, TYPE_CHECKING, Any

from ..errors import article, excerpt
from ..kinds import ASSERTS, CLAIM, CO_OCCURS, MENTIONS, REPLIES_TO, WROTE
from .common import (
    XML_INVALID,
    Column,
    Format,
    GraphBuilder,
    Readable,
    columns,
    decode_value,
    edge_caption,
    encode_json,
    file_ids,
    needs_exact,
)
from .xmlio import XmlReader, escape_attr, escape_text

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_graphml", "write_yed", "read_graphml"]

NS = "http://graphml.graphdrawing.org/xmlns"
_RESERVED = {"id", "node_id", "edge_key"}
_MARK = "conceptgraph"


_text, _attr = escape_text, escape_attr
# Where the reader keeps our node ids and edge keys until the node or edge is built
# (not a string: no attribute in a file can have this name).
_NODE_ID, _EDGE_KEY = ("role", "node_id"), ("role", "edge_key")


class _Key:
    def __init__(self, ident: str, domain: str, col: Column, role: str = "", exact_of: str = "") -> None:
        self.id, self.domain, self.col, self.role, self.exact_of = ident, domain, col, role, exact_of
        self.name = self.xml_name = col.name
        if not role and (self.name in _RESERVED or XML_INVALID.search(self.name) or not self.name):
            self.xml_name = f"{XML_INVALID.sub('_', self.name)}_attr"
        if exact_of:
            self.xml_name = f"{self.xml_name}_exact"

    def xml(self) -> str:
        meta: dict[str, Any] = {}
        if self.col.json:
            meta["json"] = True
        if self.xml_name != self.name and not self.exact_of:
            meta["name"] = self.name
        if self.role:
            meta["role"] = self.role
        if self.exact_of:
            meta["exact"] = self.exact_of
        desc = f"<desc>{_text(encode_json({_MARK: meta}))}</desc>" if meta else ""
        head = f'  <key id="{self.id}" for="{self.domain}" attr.name="{_attr(self.xml_name)}" attr.type="{self.col.type}"'
        return head + (f">{desc}</key>\n" if desc else "/>\n")


def _mend(keys: list[_Key]) -> list[_Key]:
    """The "exact" twins of ``keys`` whose strings XML cannot all carry; those keys are
    made readable (:class:`~conceptgraph.formats.common.Readable`) in place."""
    twins = []
    for k in keys:
        if k.col.mendable and not k.role:
            twins.append(_Key(f"{k.id}x", k.domain, k.col, exact_of=k.name))
            k.col = Readable(k.name)
    return twins


def _data(keys: dict[str, _Key], attrs: dict[Any, Any], exact: dict[str, _Key] | None = None) -> str:
    out = "".join(
        f'<data key="{keys[str(name)].id}">{_text(keys[str(name)].col.encode(v))}</data>'
        for name, v in attrs.items() if v is not None
    )
    if exact:  # the exact strings of the values written with U+FFFD
        out += "".join(f'<data key="{exact[name].id}">{_text(exact[name].col.encode(v))}</data>'
                       for name, v in attrs.items() if name in exact and v is not None and needs_exact(v))
    return out


def write_graphml(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write ``G`` as GraphML to the binary stream ``out``. O(nodes + edges). With
    ``positions``, also yEd's drawing data (see :func:`write_yed`)."""
    nodes = list(G.nodes)
    index = dict(zip(nodes, file_ids(nodes)))
    graph_keys = [_Key(f"g{i}", "graph", c) for i, c in enumerate(columns([G.graph]))]
    id_key = _Key("d0", "node", Column("node_id", nodes), role="node_id")
    node_keys = [_Key(f"d{i + 1}", "node", c) for i, c in enumerate(columns(d for _, d in G.nodes(data=True)))]
    edges = list(G.edges(keys=True, data=True))
    edge_ids = file_ids((k for *_, k, _ in edges), "e")
    key_key = _Key("k0", "edge", Column("edge_key", [k for *_, k, _ in edges]), role="edge_key")
    edge_keys = [_Key(f"k{i + 1}", "edge", c) for i, c in enumerate(columns(d for *_, d in edges))]
    exact = {domain: _mend(keys) for domain, keys in (("graph", graph_keys), ("node", node_keys), ("edge", edge_keys))}
    write = out.write
    yed = positions is not None
    write(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        + (b'xmlns:y="http://www.yworks.com/xml/graphml" ' if yed else b"")
        + b'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        b'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for k in [*graph_keys, *exact["graph"], id_key, *node_keys, *exact["node"], key_key, *edge_keys, *exact["edge"]]:
        write(k.xml().encode("utf-8"))
    if yed:
        write(b'  <key id="yn" for="node" yfiles.type="nodegraphics"/>\n'
              b'  <key id="ye" for="edge" yfiles.type="edgegraphics"/>\n')
    write(f'  <graph id="G" edgedefault="{"directed" if G.is_directed() else "undirected"}">\n'.encode())
    if graph_keys:
        write(f"    {_data({k.name: k for k in graph_keys}, G.graph, _twins(exact['graph']))}\n".encode())
    by_name, twins = {k.name: k for k in node_keys}, _twins(exact["node"])
    for n in nodes:
        drawn = _yed_node(G.nodes[n], positions.get(n, (0, 0))) if positions is not None else ""
        write(f'    <node id="{index[n]}"><data key="d0">{_text(id_key.col.encode(n))}</data>'
              f"{_data(by_name, G.nodes[n], twins)}{drawn}</node>\n".encode())
    by_name, twins = {k.name: k for k in edge_keys}, _twins(exact["edge"])
    for j, (u, v, key, d) in enumerate(edges):
        drawn = _yed_edge(d) if yed else ""
        write(f'    <edge id="{edge_ids[j]}" source="{index[u]}" target="{index[v]}">'
              f'<data key="k0">{_text(key_key.col.encode(key))}</data>{_data(by_name, d, twins)}{drawn}</edge>\n'.encode())
    write(b"  </graph>\n</graphml>\n")


def _twins(keys: list[_Key]) -> dict[str, _Key]:
    return {k.exact_of: k for k in keys}


_YED_SHAPES = {"box": "roundrectangle", "ellipse": "ellipse", "dot": "ellipse", "diamond": "diamond"}


_HTML_LABEL = re.compile(r"\s*<\s*html", re.I)


def _yed_node(d: dict[Any, Any], at: tuple[int, int]) -> str:
    """yEd's drawing of a node: a ShapeNode at the layout's position, in the page's colours."""
    from ..styles import node_style

    style = node_style(str(d.get("kind", "")))
    label = XML_INVALID.sub("\ufffd", str(d.get("label", "")))
    if _HTML_LABEL.match(label):
        # yEd (Java Swing) draws a label that opens with <html> as a web page, and fetches the
        # images it names: a zero-width space first keeps it text, shown as it is
        label = "\u200b" + label
    box = style["shape"] == "box"
    width = max(30.0, min(320.0, 7.0 * len(label) + 16)) if box or style["shape"] == "ellipse" else 30.0
    height = 30.0
    x, y = at[0] - width / 2, at[1] - height / 2
    text_colour = style["font"] if box else "#000000"
    place = "" if box or style["shape"] == "ellipse" else ' modelName="sides" modelPosition="s"'
    return (f'<data key="yn"><y:ShapeNode><y:Geometry x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}"/><y:Fill color="{style["color"]}" transparent="false"/>'
            f'<y:BorderStyle color="{style["border"]}" type="line" width="1.0"/>'
            f'<y:NodeLabel textColor="{text_colour}"{place}>{_text(label)}</y:NodeLabel>'
            f'<y:Shape type="{_YED_SHAPES.get(style["shape"], "rectangle")}"/></y:ShapeNode></data>')


#: The kinds of link yEd draws without words (see :func:`_yed_edge`)
_UNLABELLED = frozenset((CLAIM, ASSERTS, WROTE, REPLIES_TO, MENTIONS, CO_OCCURS))


def _yed_edge(d: dict[Any, Any]) -> str:
    """yEd's drawing of a link: its colour, dashes and arrow as on the page, and its kind
    in words with who said it ("agrees with", "contrasts with (Ana)"), which yEd shows on
    the links between terms and between people: colour alone tells an agreement from a
    dispute to no one who cannot see it."""
    from ..styles import edge_style

    style = edge_style(str(d.get("kind", "")), bool(d.get("negated")))
    line = "dashed" if style["dashes"] else "line"
    arrow = "standard" if style["arrows"] else "none"
    label = d.get("label")  # an edge's own label; else one said for it (a file read back drops that)
    # (claims, authorship and replies are many, and their shapes and colours say what they are:
    # the words go on the links between terms and between people, the few that need reading)
    kind = str(d.get("kind", ""))
    said = "" if kind in _UNLABELLED else edge_caption(d)
    label = XML_INVALID.sub("\ufffd", label if isinstance(label, str) and label.strip() else said)
    if _HTML_LABEL.match(label):
        label = "\u200b" + label  # as a node's: never a web page to Swing
    shown = f'<y:EdgeLabel textColor="#4b5563" fontSize="10">{_text(label)}</y:EdgeLabel>' if label.strip() else ""
    return (f'<data key="ye"><y:PolyLineEdge><y:LineStyle color="{style["color"]}" type="{line}" '
            f'width="{float(style["width"]):.1f}"/><y:Arrows source="none" target="{arrow}"/>'
            f"{shown}</y:PolyLineEdge></data>")


def write_yed(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """GraphML with yEd's drawing data (yFiles ``nodegraphics`` and ``edgegraphics``):
    each node a shape at the page's position, in its colours, with its label; each
    link its colour, dashes and arrow. yEd opens it drawn; every other reader sees the
    same GraphML as :func:`write_graphml`'s."""
    write_graphml(G, out, positions or {})


class _Reader(XmlReader):
    """GraphML from us, networkx, igraph, yEd, Cytoscape: keys with their types, our
    ``<desc>`` markers, defaults, nested graphs (yEd groups) as ``parent``, yEd labels."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.out = GraphBuilder(file)
        self.keys: dict[str, dict[str, Any]] = {}
        self.key: dict[str, Any] | None = None
        self.owners: list[tuple[str, Any, dict[str, Any]]] = []  # open graph/node/edge elements
        self.data: dict[str, Any] | None = None  # the <data> being read: key, texts, label
        self.parents: dict[str, str] = {}  # node id in the file -> id of the node holding its graph
        self.default_directed: bool | None = None
        self.edge_directed: list[bool] = []
        self.ours = False  # a file of ours: our <desc> marks its keys

    def start(self, ns: str, tag: str, attrs: dict[str, str]) -> None:
        if self.data is not None:
            if tag in ("NodeLabel", "EdgeLabel") and self.data["label"] is None:
                self.data["label"] = []
            return
        if ns not in (NS, ""):
            return
        if tag == "key":
            if "id" not in attrs:
                raise self.error("<key> without an id")
            self.key = self.keys[attrs["id"]] = {
                "for": attrs.get("for", "all"), "name": attrs.get("attr.name") or attrs["id"],
                "type": attrs.get("attr.type", "string"), "json": False, "role": "", "default": None,
                "yfiles": attrs.get("yfiles.type", "")}
        elif tag == "graph":
            directed = attrs.get("edgedefault", "directed") != "undirected"
            if self.default_directed is None:
                self.default_directed = directed
            self.owners.append(("graph", None, {} if self.owners else self.out.graph))
        elif tag == "node":
            if "id" not in attrs:
                raise self.error("<node> without an id")
            holder = next((o for o in reversed(self.owners) if o[0] == "node"), None)
            if holder is not None:
                self.parents[attrs["id"]] = holder[1]
            self.owners.append(("node", attrs["id"], {"line": self.line, "attrs": {}}))
        elif tag == "edge":
            if "source" not in attrs or "target" not in attrs:
                raise self.error("<edge> without source or target")
            d = attrs.get("directed")
            self.edge_directed.append(self.default_directed is not False if d is None else d == "true")
            self.owners.append(("edge", (attrs["source"], attrs["target"], attrs.get("id")),
                                {"line": self.line, "attrs": {}}))
        elif tag == "hyperedge":
            self.out.drop("hyperedges left out (a graph of pairs cannot hold them)")
        elif tag == "data":
            key = attrs.get("key", "")
            if key not in self.keys:
                self.out.drop("values under undeclared keys read as text")
                self.keys[key] = {"for": "all", "name": key, "type": "string", "json": False, "role": "",
                                  "default": None, "yfiles": ""}
            self.data = {"key": self.keys[key], "text": [], "label": None, "depth": len(self.path)}

    def end(self, ns: str, tag: str, text: str) -> None:
        data = self.data
        if data is not None:
            data["text"].append(text)
            if data["label"] is not None and tag in ("NodeLabel", "EdgeLabel") and isinstance(data["label"], list):
                data["label"] = text.strip()
            if len(self.path) == data["depth"]:  # </data> itself
                self.data = None
                self.store(data)
            return
        if ns not in (NS, ""):
            return
        if tag == "desc" and self.key is not None and self.path and self.path[-1] == "key":
            self.read_marker(self.key, text.strip())
        elif tag == "default" and self.key is not None:
            self.key["default"] = text
        elif tag == "key":
            self.key = None
        elif tag in ("graph", "node", "edge") and self.owners:
            kind, ident, holder = self.owners.pop()
            _exact(holder if kind == "graph" else holder["attrs"])
            if kind == "node":
                attrs = holder["attrs"]
                self.out.node(ident, attrs, holder["line"], attrs.pop(_NODE_ID, None) if _NODE_ID in attrs else None)
            elif kind == "edge":
                attrs = holder["attrs"]
                source, target, eid = ident
                key = attrs.pop(_EDGE_KEY) if _EDGE_KEY in attrs else eid
                self.out.edge(source, target, key, attrs, holder["line"])

    def read_marker(self, key: dict[str, Any], text: str) -> None:
        """Our ``<desc>`` JSON says how to restore a key's values; anything else is a description."""
        if not (text.startswith("{") and _MARK in text):
            return
        self.ours = True
        try:
            meta = json.loads(text).get(_MARK)
        except (ValueError, AttributeError, RecursionError):
            return
        if isinstance(meta, dict):
            key["json"] = meta.get("json") is True
            if isinstance(meta.get("name"), str):
                key["name"] = meta["name"]
            if meta.get("role") in ("node_id", "edge_key"):
                key["role"] = meta["role"]
            if isinstance(meta.get("exact"), str):  # the exact strings of the key of that name
                key["role"], key["name"] = "exact", meta["exact"]

    def store(self, data: dict[str, Any]) -> None:
        key = data["key"]
        if not self.owners:
            return
        kind, _, holder = self.owners[-1]
        if kind == "graph" and len(self.owners) > 1:
            self.out.drop("values of nested graphs left out")
            return
        attrs = holder if kind == "graph" else holder["attrs"]
        if key["yfiles"]:  # yEd's drawing data: keep only the label it shows
            # (an edge's in our own files is only said for it, from its kind and speaker)
            if isinstance(data["label"], str) and data["label"] and not (kind == "edge" and self.ours):
                attrs.setdefault("label", data["label"])
            return
        name = {"node_id": _NODE_ID, "edge_key": _EDGE_KEY}.get(key["role"], key["name"])
        if key["role"] == "exact":  # set once the element ends, over the U+FFFD text whatever the order
            twin: Any = ("exact", key["name"])  # no attribute in a file can have this name
            attrs[twin] = self.decode(key, "".join(data["text"]))
            return
        attrs[name] = self.decode(key, "".join(data["text"]))

    def decode(self, key: dict[str, Any], text: str) -> Any:
        try:
            return decode_value(key["type"], key["json"], text)
        except (ValueError, TypeError, RecursionError) as e:
            raise self.error(f"value {excerpt(text, 40)!r} of '{excerpt(key['name'], 40)}' is not "
                             f"{article(key['type'])}: {excerpt(e, 80)}") from None

    def build(self) -> Graph:
        out = self.out
        defaults = [(k, k["for"]) for k in self.keys.values() if k["default"] is not None and not k["role"]]
        for ident, (_, attrs, _) in out.nodes.items():
            for k, domain in defaults:
                if domain in ("node", "all"):
                    attrs.setdefault(k["name"], self.decode(k, k["default"]))
            if ident in self.parents:
                attrs.setdefault("parent", self.parents[ident])
        for *_, attrs, _ in out.edges:
            for k, domain in defaults:
                if domain in ("edge", "all"):
                    attrs.setdefault(k["name"], self.decode(k, k["default"]))
        if self.parents:  # the file's ids of parents, as the readable ids of those nodes
            for _, attrs, _ in out.nodes.values():
                if "parent" in attrs and attrs["parent"] in out.nodes:
                    attrs["parent"] = out.nodes[attrs["parent"]][0]
        if len(set(self.edge_directed)) <= 1:  # all edges one way or the other
            out.directed = self.edge_directed[0] if self.edge_directed else self.default_directed is not False
        else:
            out.directed = True
            out.drop("undirected edges read as directed (the file mixes both)",
                     self.edge_directed.count(False))
        return out.build()


def _exact(attrs: dict[Any, Any]) -> None:
    """The exact strings read under "exact" keys, in place of their U+FFFD texts."""
    for k in [k for k in attrs if isinstance(k, tuple) and k[0] == "exact"]:
        attrs[k[1]] = attrs.pop(k)


def read_graphml(data: bytes, file: str = "<graphml>") -> Graph:
    """Read GraphML. Nodes keep their ``node_id`` (our exports) or their GraphML id; an
    undirected graph stays undirected; yEd's labels and igraph's or Cytoscape's ``name``
    become ``label``; nodes inside a nested graph (a yEd group) get ``parent``. Errors
    name the file and line."""
    reader = _Reader(file)
    reader.parse(data)
    return reader.build()


def _sniff(head: bytes) -> bool:
    return b"<graphml" in head


def _written(head: bytes) -> bool:
    """An earlier export (plain or yEd's): GraphML whose keys carry our descriptions."""
    return _sniff(head) and b'{"conceptgraph"' in head


FORMAT = Format(
    name="graphml",
    help="yEd, Cytoscape, igraph, Gephi (valid against the GraphML XSD)",
    suffixes=(".graphml", ".xml"),
    default_name="{name}.graphml",
    write=lambda G, out, positions: write_graphml(G, out),
    read=read_graphml,
    sniff=_sniff,
    written=_written,
)

YED = Format(
    name="yed",
    help="GraphML with yEd's drawing data: yEd opens it laid out, coloured and labelled",
    default_name="{name}_yed.graphml",
    write=write_yed,
    written=_written,
    needs_positions=True,
)
