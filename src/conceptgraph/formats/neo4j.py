"""A folder of CSV files for ``neo4j-admin database import full``: one node file per
kind, one relationship file per relation kind, typed headers, UTF-8.

Each node gets ``uid:ID`` (``n0``, ``n1``..., so that ``1`` and ``"1"`` stay apart)
and keeps its readable id in ``id``; lists become ``string[]`` arrays (``;`` between
items) unless an item holds a ``;``, in which case the list is written as JSON text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import Format, clean_value, encode_json, utf8

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["neo4j_files", "import_command"]

_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _name(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_]", "_", text) or "_"


def _header(name: str, values: list[Any]) -> tuple[str, str]:
    """(header cell, encoding) for one property: ``name:type`` or ``name:string[]``."""
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if kinds and kinds <= {list, tuple} and all(isinstance(x, str) and ";" not in x for v in present for x in v):
        return f"{name}:string[]", "array"
    if len(kinds) == 1 and next(iter(kinds)) in _TYPES:
        return f"{name}:{_TYPES[next(iter(kinds))]}", "plain"
    if kinds <= {int, float} and kinds:
        return f"{name}:double", "plain"
    return f"{name}:string", "json"


def _cell(value: Any, how: str) -> str:
    if value is None:
        return ""
    if how == "array":
        return ";".join(value)
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
    """``{file name: CSV bytes}`` for the whole graph."""
    uid = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    files: dict[str, bytes] = {}
    by_kind: dict[str, list[Any]] = {}
    for n, kind in G.nodes(data="kind"):
        by_kind.setdefault(str(kind or "node"), []).append(n)
    for kind, nodes in by_kind.items():
        names = list(dict.fromkeys(str(k) for n in nodes for k in G.nodes[n] if k not in ("kind", "id")))
        heads = [_header(k, [G.nodes[n].get(k) for n in nodes]) for k in names]
        label = _name(kind.capitalize())
        rows = ([uid[n], str(n), label] + [_cell(G.nodes[n].get(k), how) for k, (_, how) in zip(names, heads)]
                for n in nodes)
        files[f"nodes_{_name(kind)}.csv"] = _csv(["uid:ID", "id", ":LABEL"] + [h for h, _ in heads], rows)
    by_rel: dict[str, list[tuple[Any, Any, Any, dict[str, Any]]]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        by_rel.setdefault(str(d.get("kind", "edge")), []).append((u, v, k, d))
    for kind, edges in by_rel.items():
        names = list(dict.fromkeys(str(x) for *_, d in edges for x in d if x != "kind"))
        heads = [_header(x, [d.get(x) for *_, d in edges]) for x in names]
        rtype = _name(kind.upper())
        rows = ([uid[u], uid[v], rtype, str(k)] + [_cell(d.get(x), how) for x, (_, how) in zip(names, heads)]
                for u, v, k, d in edges)
        files[f"rels_{_name(kind)}.csv"] = _csv([":START_ID", ":END_ID", ":TYPE", "key"] + [h for h, _ in heads], rows)
    return files


def import_command(folder: Path, names: Iterable[str], database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command line that loads the files in ``folder``."""
    parts = ["neo4j-admin database import full", database]
    for name in sorted(names):
        flag = "--nodes" if name.startswith("nodes_") else "--relationships"
        parts.append(f'{flag}="{folder / name}"')
    parts += ['--array-delimiter=";"', "--overwrite-destination"]
    return " ".join(parts)


FORMAT = Format(
    name="neo4j",
    help="a folder of CSV files for neo4j-admin database import, and the command that loads them",
    default_name="neo4j",
    write_folder=neo4j_files,
    after=lambda folder, names: import_command(folder.resolve(), names),
)
