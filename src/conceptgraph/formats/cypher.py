"""A Cypher script that builds the graph in Neo4j, Memgraph or any openCypher engine:
one ``CREATE`` per node, one ``MATCH ... CREATE`` per relationship, run with
``cypher-shell -f FILE`` or ``mgconsole < FILE``.

Nodes are labelled by kind (``Term``, ``Attribute``...) and keep ``uid`` (its own id
where that is a name token, else ``n0``, ``n1``...), the readable ``id``, every
attribute, and ``source``, the graph's title
(:func:`~conceptgraph.formats.neo4j.graph_source`), by which each relationship finds
its two ends: the scripts of several threads load into one database side by side.
Relationships are typed by kind (``CLAIM``, ``CONTRASTS_WITH``...) and keep ``key``,
``speaker``, ``quote``, ``where``.
Strings are single-quoted with only ``\\\\`` and ``\\'`` escaped, line breaks kept as they
are (every engine reads those alike); other control characters are written ``\\uXXXX``.

>>> literal("it's a \\\\ path")
"'it\\\\'s a \\\\\\\\ path'"
"""

from __future__ import annotations

import math
import re
from typing import IO, TYPE_CHECKING, Any

from ..graph import graph_title
from ..kinds import OTHER_EDGE, OTHER_NODE
from .common import Format, encode_json, file_ids, utf8
from .neo4j import graph_source, node_label, relationship_type

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_cypher", "literal"]

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def literal(value: Any) -> str:
    """A Cypher literal for a property value: string, number, boolean or a list of them
    (anything else is written as its JSON text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, (list, tuple)) and all(isinstance(x, (str, int, float, bool)) for x in value):
        return "[" + ", ".join(literal(x) for x in value) + "]"
    text = value if isinstance(value, str) else encode_json(value)
    text = text.replace("\\", "\\\\").replace("'", "\\'")
    return "'" + _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "'"


def _key(name: str) -> str:
    """A property key, bare when it is a plain identifier that no engine reserves (`where`,
    `from`, `to`... are keywords somewhere), else in backticks."""
    if _IDENTIFIER.fullmatch(name) and name.lower() in _PLAIN_KEYS:
        return name
    return "`" + name.replace("`", "``") + "`"


_PLAIN_KEYS = frozenset("uid id label aliases gloss description role quote speaker text term negated message span "
                        "concerns inferred status title date author url name weight".split())


def _properties(items: list[tuple[str, Any]]) -> str:
    # an empty text is no property, as the Neo4j CSV files leave it out
    return "{" + ", ".join(f"{_key(k)}: {literal(v)}" for k, v in items if v is not None and v != "") + "}"


def write_cypher(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None) -> None:
    """Write the script (UTF-8) to the binary stream ``out``."""
    uid = dict(zip(G.nodes, file_ids(G.nodes)))
    label = {n: node_label(str(d.get("kind") or OTHER_NODE)) for n, d in G.nodes(data=True)}
    # (a comment has no escapes: a control character is written U+FFFD, a line break a space)
    title = _LINE_BREAKS.sub(" ", _CONTROL.sub("\ufffd", graph_title(G) or "graph"))
    labels = sorted(set(label.values()))
    head = [f"// {title}: {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships, written by conceptgraph.",
            "// Load with: cypher-shell -f FILE (Neo4j), or: mgconsole < FILE (Memgraph).",
            "// On a big graph, index uid first, for each label: Neo4j 5",
            *(f"//   CREATE INDEX IF NOT EXISTS FOR (n:{x}) ON (n.uid);" for x in labels),
            "// or Memgraph", *(f"//   CREATE INDEX ON :{x}(uid);" for x in labels)]
    out.write(utf8("\n".join(_LINE_BREAKS.sub(" ", h) for h in head) + "\n"))
    source = graph_source(G)
    own = [("source", source)] if source else []
    where = f", source: {literal(source)}" if source else ""
    for n, d in G.nodes(data=True):
        props = [("uid", uid[n]), ("id", str(n)), *own] + [(str(k), v) for k, v in d.items() if k not in ("uid", "id")]
        out.write(utf8(f"CREATE (:{label[n]} {_properties(props)});\n"))
    for u, v, k, d in G.edges(keys=True, data=True):
        rtype = relationship_type(str(d.get("kind") or OTHER_EDGE))
        props = [("key", str(k))] + [(str(x), y) for x, y in d.items() if x not in ("kind", "key")]
        # matched within its own graph: the scripts of two threads load into one database side by side
        out.write(utf8(f"MATCH (a:{label[u]} {{uid: '{uid[u]}'{where}}}), (b:{label[v]} {{uid: '{uid[v]}'{where}}}) "
                       f"CREATE (a)-[:{rtype} {_properties(props)}]->(b);\n"))


FORMAT = Format(
    name="cypher",
    help="a Cypher script of CREATE statements for Neo4j (cypher-shell) or Memgraph",
    suffixes=(".cypher", ".cql"),
    default_name="{name}.cypher",
    write=write_cypher,
    written=lambda head: b"written by conceptgraph." in head.split(b"\n", 1)[0],
)
