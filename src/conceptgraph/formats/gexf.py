"""GEXF 1.3 for Gephi, Gephi Lite and sigma.js (graphology): node kinds and every
attribute as GEXF attributes, and colours, positions and sizes in the ``viz``
namespace, as Gephi writes them, so that the graph opens ready to look at.

The file validates against the official GEXF 1.3 RelaxNG. The official 1.3 XSD
disagrees with it about one thing: its ``viz.xsd`` has no namespace, so it expects
``color``/``position``/``size`` in the core namespace, where the RelaxNG, Gephi,
graphology and networkx do not look; everything but those elements also validates
against the XSD.

Attribute ids are numbers (``0``, ``1``...): graphology names an attribute by its
title only when its id is numeric. Values that need JSON (lists, mixed types) are
listed, with the graph's own attributes, as JSON in ``<meta><keywords>``, so a file read
back gives the same graph. A string XML cannot carry (a control character) is written
as Gephi should show it, with U+FFFD, and exactly under a second attribute
(``text_exact``) on the items that need it, as GraphML's are: one such string leaves
every other of its attribute as it is.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from ..errors import excerpt
from ..kinds import OTHER_EDGE
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
from .xmlio import XmlReader, escape_attr

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_gexf", "read_gexf", "NS", "VIZ"]

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
_VIZ = {VIZ, "http://www.gexf.net/1.2draft/viz", "http://www.gexf.net/1.1draft/viz", "http://gexf.net/1.2/viz"}
_MARK = "conceptgraph"
_NODE_ID, _EDGE_KEY = "node_id", "edge_key"


def _token(value: Any) -> str:
    """GEXF labels are xs:token: no line breaks, tabs or runs of spaces."""
    return " ".join(XML_INVALID.sub("\ufffd", str(value)).split())


def _title(name: str) -> str:
    """An attribute's name as XML can carry it (the exact name travels in the meta JSON)."""
    return XML_INVALID.sub("\ufffd", name)


def write_gexf(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write ``G`` as GEXF 1.3 to the binary stream ``out``, with ``positions`` (from
    :func:`conceptgraph.layout.layout`) as node positions when given."""
    from ..graph import distinct_degree
    from ..styles import edge_style, node_style, rgb

    nodes = list(G.nodes)
    index = dict(zip(nodes, file_ids(nodes)))
    edges = list(G.edges(keys=True, data=True))
    edge_ids = file_ids((k for *_, k, _ in edges), "e")
    ncols = [Column(_NODE_ID, nodes), *columns(d for _, d in G.nodes(data=True))]
    ecols = [Column(_EDGE_KEY, [k for *_, k, _ in edges]), *columns(d for *_, d in edges)]
    # strings of which a few hold what XML cannot carry (a control character): written as
    # Gephi should show them (U+FFFD), the exact ones under an "exact" twin, as GraphML's are
    ntwins, etwins = _mend(ncols, _NODE_ID), _mend(ecols, _EDGE_KEY)
    nid = {c.name: str(i) for i, c in enumerate(ncols)}
    eid = {c.name: str(i) for i, c in enumerate(ecols)}
    nx_id = {c.name: str(len(ncols) + i) for i, c in enumerate(ntwins)}
    ex_id = {c.name: str(len(ecols) + i) for i, c in enumerate(etwins)}
    ncol, ecol = {c.name: c for c in ncols}, {c.name: c for c in ecols}
    degree = distinct_degree(G)
    meta = {_MARK: {
        "graph": {str(k): v for k, v in G.graph.items() if v is not None},
        "node": {**{nid[c.name]: {"name": c.name, "json": c.json} for c in ncols if c.json or _title(c.name) != c.name},
                 **{nx_id[c.name]: {"name": c.name, "json": True, "exact": True} for c in ntwins}},
        "edge": {**{eid[c.name]: {"name": c.name, "json": c.json} for c in ecols if c.json or _title(c.name) != c.name},
                 **{ex_id[c.name]: {"name": c.name, "json": True, "exact": True} for c in etwins}},
    }}
    w = out.write
    w(
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gexf xmlns="{NS}" xmlns:viz="{VIZ}" version="1.3">\n'
        f"  <meta><creator>conceptgraph</creator><keywords>{escape_attr(encode_json(meta))}</keywords>"
        f"<description>{escape_attr(_token(G.graph.get('title') or ''))}</description></meta>\n"
        f'  <graph defaultedgetype="{"directed" if G.is_directed() else "undirected"}" mode="static">\n'.encode()
    )
    for cls, cols, ids, twins, twin_ids in (("node", ncols, nid, ntwins, nx_id), ("edge", ecols, eid, etwins, ex_id)):
        w(f'    <attributes class="{cls}">\n'.encode())
        for c in cols:
            w(f'      <attribute id="{ids[c.name]}" title="{escape_attr(_title(c.name))}" type="{c.type}"/>\n'
              .encode())
        for c in twins:
            w(f'      <attribute id="{twin_ids[c.name]}" title="{escape_attr(_title(c.name))}_exact" type="string"/>\n'
              .encode())
        w(b"    </attributes>\n")

    def values(ids: dict[str, str], cols: dict[str, Column], first: tuple[str, Any], d: dict[Any, Any],
               twin_ids: dict[str, str]) -> str:
        pairs = [first, *((str(k), v) for k, v in d.items() if v is not None)]
        out = "".join(f'<attvalue for="{ids[k]}" value="{escape_attr(cols[k].encode(v))}"/>' for k, v in pairs)
        # after the readable value, the exact one: read back, it is the one kept
        return out + "".join(f'<attvalue for="{twin_ids[k]}" value="{escape_attr(encode_json(v))}"/>'
                             for k, v in pairs if k in twin_ids and needs_exact(v))

    w(f'    <nodes count="{len(nodes)}">\n'.encode())
    for n in nodes:
        d = G.nodes[n]
        r, g, b = rgb(node_style(str(d.get("kind")))["border"])  # fills like cream vanish on white
        x, y = positions.get(n, (0, 0)) if positions else (0, 0)
        w(
            f'      <node id="{index[n]}" label="{escape_attr(_token(d.get("label", n)))}">'
            f"<attvalues>{values(nid, ncol, (_NODE_ID, n), d, nx_id)}</attvalues>"
            f'<viz:color r="{r}" g="{g}" b="{b}"/><viz:position x="{x}" y="{-y}" z="0"/>'
            f'<viz:size value="{4 + 2 * min(degree[n], 40)}"/></node>\n'.encode()
        )
    w(b"    </nodes>\n")
    w(f'    <edges count="{len(edges)}">\n'.encode())
    for j, (u, v, key, d) in enumerate(edges):
        kind = str(d.get("kind", OTHER_EDGE))
        r, g, b = rgb(edge_style(kind, bool(d.get("negated")))["color"])
        weight = d.get("weight")
        extra = f' weight="{float(weight)!r}"' if isinstance(weight, (int, float)) and not isinstance(weight, bool) \
            and weight == weight and abs(weight) != float("inf") else ""
        label = d.get("label")  # an edge's own label; else one said for it (a file read back drops that)
        label = label if isinstance(label, str) and label.strip() else edge_caption(d)
        extra += f' label="{escape_attr(_token(label))}"' if label.strip() else ""
        w(
            f'      <edge id="{edge_ids[j]}" source="{index[u]}" target="{index[v]}" kind="{escape_attr(_token(kind) or "_")}"'
            f"{extra}><attvalues>{values(eid, ecol, (_EDGE_KEY, key), d, ex_id)}</attvalues>"
            f'<viz:color r="{r}" g="{g}" b="{b}"/></edge>\n'.encode()
        )
    w(b"    </edges>\n  </graph>\n</gexf>\n")


def _mend(cols: list[Column], own: str) -> list[Column]:
    """The "exact" twins of ``cols`` whose strings XML cannot all carry (not ``own``, the
    ids column, which a reader needs whole); those columns are made readable in place."""
    twins = []
    for i, c in enumerate(cols):
        if c.mendable and c.name != own:
            twins.append(c)
            cols[i] = Readable(c.name)
    return twins


class _Reader(XmlReader):
    """GEXF 1.1-1.3 from us, Gephi, graphology or networkx."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.out = GraphBuilder(file)
        self.cls = "node"
        self.attrs: dict[tuple[str, str], dict[str, Any]] = {}
        self.current: dict[str, Any] | None = None
        self.parents: list[str] = []  # ids of the nodes whose <nodes> we are inside
        self.meta: dict[str, Any] = {}
        self.default_directed = True
        self.edge_types: list[str] = []
        self.given: dict[str, dict[str, str]] = {}  # node id -> its XML label and parent
        self.edge_given: list[dict[str, Any]] = []  # each edge's XML kind, label and weight

    def start(self, ns: str, tag: str, a: dict[str, str]) -> None:
        if ns in _VIZ:
            return
        if tag == "graph":
            self.default_directed = a.get("defaultedgetype", "directed") != "undirected"
            if a.get("mode") == "dynamic":
                self.out.drop("a dynamic graph read as one static graph (times left out)")
        elif tag == "attributes":
            self.cls = a.get("class", "node")
        elif tag == "attribute":
            ident = a.get("id", "")
            spec = {"name": a.get("title") or ident, "type": a.get("type", "string"),
                    "json": ident.startswith("json:"), "default": None}
            mark = self.meta.get(self.cls, {}).get(ident) if isinstance(self.meta.get(self.cls), dict) else None
            if isinstance(mark, dict) and isinstance(mark.get("name"), str):  # our meta: the exact name, JSON or not
                spec["name"], spec["json"] = mark["name"], mark.get("json") is True
            self.attrs[(self.cls, ident)] = spec
        elif tag == "node":
            if "id" not in a:
                raise self.error("<node> without an id")
            parent = a.get("pid") or (self.parents[-1] if self.parents else None)
            self.current = {"cls": "node", "id": a["id"], "label": a.get("label"), "line": self.line,
                            "attrs": {}, "parent": parent}
        elif tag == "nodes" and self.current is not None:  # a node's own nodes: a hierarchy
            self.parents.append(self.current["id"])
            self.out.node(self.current["id"], self.current["attrs"], self.current["line"])
            self.current["stored"] = True
        elif tag == "edge":
            if "source" not in a or "target" not in a:
                raise self.error("<edge> without source or target")
            self.edge_types.append(a.get("type", "directed" if self.default_directed else "undirected"))
            given: dict[str, Any] = {k: a[k] for k in ("kind", "label") if a.get(k)}
            if a.get("weight"):
                given["weight"] = self.decode({"name": "weight", "type": "double", "json": False}, a["weight"])
            self.edge_given.append(given)  # attvalues of the same names come first
            self.current = {"cls": "edge", "id": a.get("id"), "ends": (a["source"], a["target"]),
                            "line": self.line, "attrs": {}}
        elif tag == "attvalue" and self.current is not None:
            found = self.attrs.get((self.current["cls"], a.get("for", a.get("id", ""))))
            value_spec = found if found is not None else {"name": a.get("for", ""), "type": "string", "json": False}
            if "start" in a or "end" in a:
                self.out.drop("time-bound values read as if always true")
            self.current["attrs"][value_spec["name"]] = self.decode(value_spec, a.get("value", ""))
        elif tag in ("spells", "spell", "parents"):
            if tag == "spells":
                self.out.drop("spells (time spans) left out")

    def end(self, ns: str, tag: str, text: str) -> None:
        if ns in _VIZ:
            return
        if tag == "keywords" and _MARK in text:
            try:
                meta = json.loads(text).get(_MARK)
            except (ValueError, AttributeError, RecursionError):
                meta = None
            if isinstance(meta, dict):
                self.meta = meta
                if isinstance(meta.get("graph"), dict):
                    self.out.graph.update(meta["graph"])
        elif tag == "default" and self.path and self.path[-1] == "attribute":
            self.attrs[next(reversed(self.attrs))]["default"] = text
        elif tag == "nodes" and self.parents and self.path and self.path[-1] == "node":
            self.parents.pop()
        elif tag == "node" and self.current is not None and self.current["cls"] == "node":
            c, self.current = self.current, None
            self.given[c["id"]] = {k: c[k] for k in ("label", "parent") if c[k] is not None}
            if not c.get("stored"):
                self.out.node(c["id"], c["attrs"], c["line"])
        elif tag == "edge" and self.current is not None:
            c, self.current = self.current, None
            source, target = c["ends"]
            self.out.edge(source, target, c["id"], c["attrs"], c["line"])

    def decode(self, spec: dict[str, Any], text: str) -> Any:
        try:
            return decode_value(spec["type"], spec["json"], text)
        except (ValueError, TypeError, RecursionError) as e:
            raise self.error(f"value {excerpt(text, 40)!r} of '{excerpt(spec['name'], 40)}' is not "
                             f"a {spec['type']}: {excerpt(e, 80)}") from None

    def build(self) -> Graph:
        out = self.out
        for (cls, _), spec in self.attrs.items():
            if spec["default"] is None:
                continue
            items = [a for _, a, _ in out.nodes.values()] if cls == "node" else [e[3] for e in out.edges]
            for attrs in items:
                attrs.setdefault(spec["name"], self.decode(spec, spec["default"]))
        # In our own files a node's XML label and an edge's kind only repeat what the
        # attvalues hold (or stand in for what is missing): the attvalues alone are read.
        ours = {"label", "kind"} if self.meta else set()
        for ident, (_, attrs, line) in list(out.nodes.items()):
            for k, v in self.given.get(ident, {}).items():  # attvalues of the same name come first
                if k not in ours:
                    attrs.setdefault(k, v)
            if _NODE_ID in attrs:
                out.nodes[ident] = (attrs.pop(_NODE_ID), attrs, line)
        for i, (u, v, _, attrs, line) in enumerate(out.edges):
            for k, x in self.edge_given[i].items():
                if k not in ours:
                    attrs.setdefault(k, x)
            if _EDGE_KEY in attrs:
                out.edges[i] = (u, v, attrs.pop(_EDGE_KEY), attrs, line)
        for _, attrs, _ in out.nodes.values():
            if "parent" in attrs and attrs["parent"] in out.nodes:
                attrs["parent"] = out.nodes[attrs["parent"]][0]
        undirected = self.edge_types.count("undirected")
        out.directed = undirected == 0 if self.edge_types else self.default_directed
        if undirected and undirected < len(self.edge_types):
            out.directed = True
            out.drop("undirected edges read as directed (the file mixes both)", undirected)
        return out.build()


def read_gexf(data: bytes, file: str = "<gexf>") -> Graph:
    """Read GEXF 1.1-1.3. Nodes keep their ``node_id`` attribute (our exports) or
    their GEXF id and label; an edge's GEXF ``kind``, ``label`` and ``weight`` are kept;
    an undirected graph stays undirected; a node's parent in a hierarchy becomes
    ``parent``. Colours and positions are not kept; dynamic data is read as static,
    with a warning saying how much."""
    reader = _Reader(file)
    reader.parse(data)
    return reader.build()


def _sniff(head: bytes) -> bool:
    return b"<gexf" in head


FORMAT = Format(
    name="gexf",
    help="Gephi, Gephi Lite, sigma.js (GEXF 1.3, with colours and positions)",
    suffixes=(".gexf",),
    default_name="{name}.gexf",
    write=write_gexf,
    read=read_gexf,
    sniff=_sniff,
    written=lambda head: b"<creator>conceptgraph</creator>" in head,
    needs_positions=True,
)
