"""GraphML: written so that it validates against the GraphML XSD and reads back in
igraph, networkx, yEd, Cytoscape and Gephi; read from our files and other tools'.

What the writer guarantees (networkx's ``write_graphml`` does not): node ids ``n0``,
``n1``... (XML name tokens) with the readable id kept in ``node_id``; unique edge ids
``e0``...; one type per key; lists, dicts and mixed types as JSON text; strings XML
cannot carry as JSON escapes; ``true``/``false`` booleans; no attribute named ``id``.
A key's ``<desc>`` tells this reader how to restore its values exactly.
"""

from __future__ import annotations

import json
from typing import IO, Any
from xml.parsers import expat

import networkx as nx

from ..errors import DatasetError
from .common import XML_INVALID, Column, columns, decode_value, encode_json

__all__ = ["write_graphml", "read_graphml"]

NS = "http://graphml.graphdrawing.org/xmlns"
_RESERVED = {"id", "node_id", "edge_key"}
_MARK = "conceptgraph"


def _text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(s: str) -> str:
    return _text(s).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


class _Key:
    def __init__(self, ident: str, domain: str, col: Column, role: str = "") -> None:
        self.id, self.domain, self.col, self.role = ident, domain, col, role
        self.name = self.xml_name = col.name
        if not role and (self.name in _RESERVED or XML_INVALID.search(self.name) or not self.name):
            self.xml_name = f"{XML_INVALID.sub('_', self.name)}_attr"

    def xml(self) -> str:
        meta: dict[str, Any] = {}
        if self.col.json:
            meta["json"] = True
        if self.xml_name != self.name:
            meta["name"] = self.name
        if self.role:
            meta["role"] = self.role
        desc = f"<desc>{_text(encode_json({_MARK: meta}))}</desc>" if meta else ""
        head = f'  <key id="{self.id}" for="{self.domain}" attr.name="{_attr(self.xml_name)}" attr.type="{self.col.type}"'
        return head + (f">{desc}</key>\n" if desc else "/>\n")


def _data(keys: dict[str, _Key], attrs: dict[Any, Any]) -> str:
    return "".join(
        f'<data key="{keys[str(name)].id}">{_text(keys[str(name)].col.encode(v))}</data>'
        for name, v in attrs.items() if v is not None
    )


def write_graphml(G: nx.MultiDiGraph, out: IO[bytes]) -> None:
    """Write ``G`` as GraphML to the binary stream ``out``. O(nodes + edges)."""
    nodes = list(G.nodes)
    index = {n: f"n{i}" for i, n in enumerate(nodes)}
    graph_keys = [_Key(f"g{i}", "graph", c) for i, c in enumerate(columns([G.graph]))]
    id_key = _Key("d0", "node", Column("node_id", nodes), role="node_id")
    node_keys = [_Key(f"d{i + 1}", "node", c) for i, c in enumerate(columns(d for _, d in G.nodes(data=True)))]
    edges = list(G.edges(keys=True, data=True))
    key_key = _Key("k0", "edge", Column("edge_key", [k for *_, k, _ in edges]), role="edge_key")
    edge_keys = [_Key(f"k{i + 1}", "edge", c) for i, c in enumerate(columns(d for *_, d in edges))]
    write = out.write
    write(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        b'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for k in [*graph_keys, id_key, *node_keys, key_key, *edge_keys]:
        write(k.xml().encode("utf-8"))
    write(b'  <graph id="G" edgedefault="directed">\n')
    if graph_keys:
        write(f"    {_data({k.name: k for k in graph_keys}, G.graph)}\n".encode("utf-8"))
    by_name = {k.name: k for k in node_keys}
    for i, n in enumerate(nodes):
        write(f'    <node id="n{i}"><data key="d0">{_text(id_key.col.encode(n))}</data>'
              f"{_data(by_name, G.nodes[n])}</node>\n".encode("utf-8"))
    by_name = {k.name: k for k in edge_keys}
    for j, (u, v, key, d) in enumerate(edges):
        write(f'    <edge id="e{j}" source="{index[u]}" target="{index[v]}">'
              f'<data key="k0">{_text(key_key.col.encode(key))}</data>{_data(by_name, d)}</edge>\n'.encode("utf-8"))
    write(b"  </graph>\n</graphml>\n")


class _Reader:
    """A streaming GraphML reader (expat) that knows the line of every element."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.keys: dict[str, dict[str, Any]] = {}
        self.graph_attrs: dict[str, Any] = {}
        self.nodes: dict[str, tuple[Any, dict[str, Any]]] = {}
        self.edges: list[tuple[str, str, str | None, dict[str, Any], int]] = []
        self.stack: list[str] = []
        self.current: dict[str, Any] | None = None
        self.key: dict[str, Any] | None = None
        self.data_key: str | None = None
        self.text: list[str] = []
        self.label_text: list[str] | None = None
        self.depth_in_data = 0

    def error(self, problem: str, line: int | None = None) -> DatasetError:
        return DatasetError(problem, self.file, line if line is not None else self.parser.CurrentLineNumber)

    def parse(self, stream: IO[bytes]) -> nx.MultiDiGraph:
        p = self.parser = expat.ParserCreate(namespace_separator=" ")
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.chars
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.EntityDeclHandler = self._no_entities
        try:
            p.ParseFile(stream)
        except expat.ExpatError as e:
            raise DatasetError(f"XML syntax error: {expat.ErrorString(e.code)}", self.file, e.lineno) from None
        return self.build()

    def _no_entities(self, *args: Any) -> None:
        raise self.error("XML entity declarations are not accepted")

    @staticmethod
    def local(name: str) -> tuple[str, str]:
        ns, _, tag = name.rpartition(" ")
        return ns, tag

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, tag = self.local(name)
        self.stack.append(tag)
        if self.data_key is not None:
            self.depth_in_data += 1
            if tag in ("NodeLabel", "EdgeLabel") and self.label_text is None:
                self.label_text = []
            return
        if ns not in (NS, ""):
            return
        if tag == "key":
            self.key = {"for": attrs.get("for", "all"), "name": attrs.get("attr.name", attrs.get("id", "")),
                        "type": attrs.get("attr.type", "string"), "json": False, "role": "", "default": None,
                        "yfiles": attrs.get("yfiles.type", "")}
            if "id" not in attrs:
                raise self.error("<key> without an id")
            self.keys[attrs["id"]] = self.key
        elif tag == "node":
            ident = attrs.get("id")
            if ident is None:
                raise self.error("<node> without an id")
            if ident in self.nodes:
                raise self.error(f"duplicate node id '{ident}'")
            self.current = {"_kind": "node", "_id": ident, "_line": self.parser.CurrentLineNumber}
        elif tag == "edge":
            if "source" not in attrs or "target" not in attrs:
                raise self.error("<edge> without source or target")
            self.current = {"_kind": "edge", "_id": attrs.get("id"), "_source": attrs["source"],
                            "_target": attrs["target"], "_line": self.parser.CurrentLineNumber}
        elif tag == "data":
            self.data_key = attrs.get("key")
            if self.data_key not in self.keys:
                raise self.error(f"<data> names an undeclared key '{self.data_key}'")
            self.text = []
            self.label_text = None
            self.depth_in_data = 0
        elif tag in ("desc", "default"):
            self.text = []

    def chars(self, data: str) -> None:
        if self.label_text is not None:
            self.label_text.append(data)
        self.text.append(data)

    def end(self, name: str) -> None:
        _, tag = self.local(name)
        self.stack.pop()
        if self.data_key is not None and self.depth_in_data > 0:
            self.depth_in_data -= 1
            return
        if tag == "desc" and self.key is not None and self.stack and self.stack[-1] == "key":
            text = "".join(self.text).strip()
            if text.startswith("{") and _MARK in text:
                try:
                    meta = json.loads(text).get(_MARK, {})
                except (ValueError, AttributeError):
                    meta = {}
                self.key["json"] = bool(meta.get("json"))
                self.key["name"] = meta.get("name", self.key["name"])
                self.key["role"] = meta.get("role", "")
        elif tag == "default" and self.key is not None:
            self.key["default"] = "".join(self.text)
        elif tag == "key":
            self.key = None
        elif tag == "data":
            key = self.keys[self.data_key]
            owner = self.current if self.current is not None else self.graph_attrs
            if key["yfiles"]:  # yEd's drawing data: keep only the label it shows
                if self.label_text is not None:
                    owner.setdefault("label", "".join(self.label_text).strip())
            else:
                owner[("_role", key["role"]) if key["role"] else key["name"]] = self.decode(key, "".join(self.text))
            self.data_key = None
        elif tag == "node" and self.current is not None:
            self.finish_node(self.current)
            self.current = None
        elif tag == "edge" and self.current is not None:
            c = self.current
            self.edges.append((c.pop("_source"), c.pop("_target"), c.pop("_id"), c, c.pop("_line")))
            c.pop("_kind")
            self.current = None

    def decode(self, key: dict[str, Any], text: str) -> Any:
        try:
            return decode_value(key["type"], key["json"], text)
        except (ValueError, TypeError) as e:
            raise self.error(f"value {text[:40]!r} of '{key['name']}' is not a {key['type']}: {e}") from None

    def finish_node(self, c: dict[str, Any]) -> None:
        ident = c.pop("_id")
        c.pop("_kind")
        c.pop("_line")
        node = c.pop(("_role", "node_id"), ident)
        self.nodes[ident] = (node, c)

    def build(self) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph(**self.graph_attrs)
        defaults = {k["name"]: k for k in self.keys.values() if k["default"] is not None and not k["role"]}
        seen = set()
        for node, attrs in self.nodes.values():
            if node in seen:
                raise DatasetError(f"two nodes have the id {node!r}", self.file)
            seen.add(node)
            for name, k in defaults.items():
                if k["for"] in ("node", "all") and name not in attrs:
                    attrs[name] = self.decode(k, k["default"])
            attrs.setdefault("kind", "node")
            attrs.setdefault("label", str(node))
            G.add_node(node, **attrs)
        for source, target, ident, attrs, line in self.edges:
            for end in (source, target):
                if end not in self.nodes:
                    raise DatasetError(f"edge {ident or ''} names an unknown node '{end}'".replace("  ", " "),
                                       self.file, line)
            for name, k in defaults.items():
                if k["for"] in ("edge", "all") and name not in attrs:
                    attrs[name] = self.decode(k, k["default"])
            key = attrs.pop(("_role", "edge_key"), ident)
            attrs.setdefault("kind", "edge")
            G.add_edge(self.nodes[source][0], self.nodes[target][0], key=key, **attrs)
        return G


def read_graphml(stream: IO[bytes], file: str = "<graphml>") -> nx.MultiDiGraph:
    """Read GraphML from a binary stream. Nodes keep their ``node_id`` (our exports) or
    their GraphML id; nodes without a ``kind`` get ``"node"``, edges ``"edge"``; yEd's
    node labels become ``label``. Errors name the file and line."""
    return _Reader(file).parse(stream)
