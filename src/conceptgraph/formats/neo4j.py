"""A folder of CSV files for ``neo4j-admin database import full``: one node file per
kind, one relationship file per relation kind, typed headers, UTF-8, and
``import.sh``, the command that loads them.

Each node gets ``uid:ID`` (its own id where that is a name token, else ``n0``,
``n1``...: see :func:`~conceptgraph.formats.common.file_ids`; ``1`` and ``"1"`` stay apart)
and keeps its readable id in ``id``, and the graph's title in ``source``
(:func:`graph_source`); lists are ``string[]`` arrays (a quote's span a
``long[]``), their items joined
by the first of ``;``, ``|``, ``¦``, ``␟`` (U+241F) and U+001F that no item of the
whole graph holds (the command says which, as ``--array-delimiter``); only if every
one of them occurs is a list written as JSON text. Quoted fields may hold line
breaks, so the command has ``--multiline-fields=true``.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConceptGraphWarning
from ..graph import graph_title
from .common import Format, clean_value, encode_json, file_ids, utf8

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["neo4j_files", "import_command", "node_label", "relationship_type", "graph_source"]

_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def graph_source(G: Graph) -> str:
    """The ``source`` property a database export gives every node: the graph's title,
    so that the graphs of several threads loaded into one database stay apart, and a
    query can ask for one of them. "" when the graph has no title, or when a node
    has a ``source`` of its own (a graph read from another tool's file), which stays.

    >>> import networkx as nx
    >>> graph_source(nx.MultiDiGraph(title="Cog or sprocket?")), graph_source(nx.MultiDiGraph())
    ('Cog or sprocket?', '')
    """
    title = graph_title(G)
    return "" if not title or any("source" in d for _, d in G.nodes(data=True)) else title


def _name(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_]", "_", text) or "_"


def node_label(kind: str) -> str:
    """The label of a node kind, in the CSVs and the Cypher script alike: ``Term``."""
    return _name(kind.capitalize())


def relationship_type(kind: str) -> str:
    """The type of an edge kind, in the CSVs and the Cypher script alike: ``CONTRASTS_WITH``."""
    return _name(kind.upper())


_DELIMITERS = (";", "|", "\u00a6", "\u241f", "\x1f")


def _delimiter(G: Graph) -> str:
    """The first array delimiter that no list item of the graph holds ("" if none is free)."""
    items = [x for _, d in G.nodes(data=True) for v in d.values() if isinstance(v, (list, tuple)) for x in v]
    items += [x for _, _, d in G.edges(data=True) for v in d.values() if isinstance(v, (list, tuple)) for x in v]
    texts = [x for x in items if isinstance(x, str)]
    return next((c for c in _DELIMITERS if not any(c in x for x in texts)), "")


def _header(name: str, values: list[Any], delimiter: str = ";") -> tuple[str, str]:
    """(header cell, encoding) for one property: ``name:type``, ``name:string[]``, or
    ``name:long[]`` for lists of whole numbers."""
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if delimiter and kinds and kinds <= {list, tuple}:
        items = [x for v in present for x in v]
        if all(isinstance(x, str) and delimiter not in x for x in items):
            return f"{name}:string[]", "array"
        if all(type(x) is int for x in items):  # a quote's span: [0, 63]
            return f"{name}:long[]", "array"
    if len(kinds) == 1 and next(iter(kinds)) in _TYPES:
        return f"{name}:{_TYPES[next(iter(kinds))]}", "plain"
    if kinds <= {int, float} and kinds:
        return f"{name}:double", "plain"
    return f"{name}:string", "json"


def _cell(value: Any, how: str, delimiter: str = ";") -> str:
    if value is None:
        return ""
    if how == "array":
        return delimiter.join(map(str, value))
    if how == "json":
        return value if isinstance(value, str) else encode_json(clean_value(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return utf8(buf.getvalue())


def neo4j_files(G: Graph) -> dict[str, bytes]:
    """``{file name: bytes}``: the CSV files of the whole graph and ``import.sh``."""
    uid = dict(zip(G.nodes, file_ids(G.nodes)))
    sep = _delimiter(G)
    if not sep:  # (no delimiter is free only where some list holds strings)
        warnings.warn(ConceptGraphWarning(
            "neo4j: every array delimiter (; | ¦ U+241F U+001F) occurs in some list item, so lists are written "
            "as JSON text (string properties), not as arrays"), stacklevel=2)
    files: dict[str, bytes] = {}
    by_kind: dict[str, list[Any]] = {}
    for n, kind in G.nodes(data="kind"):
        by_kind.setdefault(str(kind or "node"), []).append(n)
    source = graph_source(G)
    own, own_head = ([source], ["source:string"]) if source else ([], [])
    for kind, nodes in by_kind.items():
        names = list(dict.fromkeys(str(k) for n in nodes for k in G.nodes[n] if k not in ("kind", "id")))
        heads = [_header(k, [G.nodes[n].get(k) for n in nodes], sep) for k in names]
        label = node_label(kind)
        rows = ([uid[n], str(n), label, *own] + [_cell(G.nodes[n].get(k), how, sep) for k, (_, how) in zip(names, heads)]
                for n in nodes)
        files[f"nodes_{_name(kind)}.csv"] = _csv(["uid:ID", "id", ":LABEL", *own_head] + [h for h, _ in heads], rows)
    by_rel: dict[str, list[tuple[Any, Any, Any, dict[str, Any]]]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        by_rel.setdefault(str(d.get("kind", "edge")), []).append((u, v, k, d))
    for kind, edges in by_rel.items():
        names = list(dict.fromkeys(str(x) for *_, d in edges for x in d if x != "kind"))
        heads = [_header(x, [d.get(x) for *_, d in edges], sep) for x in names]
        rtype = relationship_type(kind)
        rows = ([uid[u], uid[v], rtype, str(k)] + [_cell(d.get(x), how, sep) for x, (_, how) in zip(names, heads)]
                for u, v, k, d in edges)
        files[f"rels_{_name(kind)}.csv"] = _csv([":START_ID", ":END_ID", ":TYPE", "key"] + [h for h, _ in heads], rows)
    script = ("#!/bin/sh\n# Load these files into a stopped Neo4j 5 (the database is replaced):\n"
              'cd "$(dirname "$0")" && ' + import_command(None, files, delimiter=sep or ";") + "\n")
    files["import.sh"] = script.encode("utf-8")
    return files


def import_command(folder: Path | None, names: Iterable[str], database: str = "neo4j", delimiter: str = ";") -> str:
    """The ``neo4j-admin`` command line that loads the CSV files in ``folder`` (names
    relative to the working folder when None).

    >>> import_command(None, ["nodes_term.csv", "rels_claim.csv"], delimiter="|")
    'neo4j-admin database import full neo4j --nodes=nodes_term.csv --relationships=rels_claim.csv \
--array-delimiter="|" --multiline-fields=true --overwrite-destination'
    """
    import shlex

    parts = ["neo4j-admin database import full", database]
    for name in sorted(n for n in names if n.endswith(".csv")):
        flag = "--nodes" if name.startswith("nodes_") else "--relationships"
        parts.append(f"{flag}={shlex.quote(str(folder / name) if folder else name)}")
    spelled = delimiter if delimiter.isprintable() and ord(delimiter) < 128 else f"U+{ord(delimiter):04X}"
    parts += [f'--array-delimiter="{spelled}"', "--multiline-fields=true", "--overwrite-destination"]
    return " ".join(parts)


def _after(folder: Path, names: list[str]) -> str:
    """The command for the folder just written, with the delimiter its import.sh uses."""
    script = (folder / "import.sh").read_text(encoding="utf-8")
    m = re.search(r'--array-delimiter="([^"]+)"', script)
    spelled = m.group(1) if m else ";"
    delimiter = chr(int(spelled[2:], 16)) if spelled.startswith("U+") else spelled
    return import_command(folder.resolve(), names, delimiter=delimiter)


FORMAT = Format(
    name="neo4j",
    help="a folder of CSV files for neo4j-admin database import, and the command that loads them",
    default_name="{name}_neo4j",
    write_folder=neo4j_files,
    after=_after,
)
