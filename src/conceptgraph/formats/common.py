"""What every exporter needs: one type per attribute, lists as JSON text, XML-safe
strings, unique readable ids, and graph attributes gathered by name."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = [
    "XML_INVALID",
    "Column",
    "columns",
    "encode_json",
    "unique_ids",
    "clean_value",
    "decode_value",
]

# Characters XML 1.0 cannot carry at all, not even as character references.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def encode_json(value: Any) -> str:
    """JSON text for ``value`` that XML can carry: readable Unicode where possible,
    ``\\uXXXX`` escapes where XML would refuse a character.

    >>> encode_json(["a", "b\\x00"])
    '["a", "b\\\\u0000"]'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, default=str)
    return json.dumps(value, allow_nan=False, default=str) if XML_INVALID.search(text) else text


def clean_value(value: Any) -> Any:
    """``value`` with NaN and infinities (which JSON cannot hold) turned into None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple)):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): clean_value(v) for k, v in value.items()}
    return value


class Column:
    """One attribute name of one domain (node, edge or graph) with the single type
    every value of it is written as: ``boolean``, ``long``, ``double`` or ``string``.
    ``json`` is true when the values are written as JSON text (lists, dicts, mixed
    types, or strings XML cannot carry), so that a reader can restore them exactly.
    """

    def __init__(self, name: str, values: Iterable[Any]) -> None:
        self.name = name
        types = set()
        needs_json = False
        for v in values:
            if v is None:
                continue
            if isinstance(v, bool):
                types.add("boolean")
            elif isinstance(v, int):
                types.add("long")
            elif isinstance(v, float):
                types.add("double")
            elif isinstance(v, str):
                types.add("string")
                needs_json = needs_json or bool(XML_INVALID.search(v))
            else:
                types.add("json")
        if types == {"long", "double"}:
            types = {"double"}
        self.json = needs_json or len(types) > 1 or "json" in types
        self.type = "string" if self.json or not types else types.pop()

    def encode(self, value: Any) -> str:
        """The text written for ``value`` under this column's type."""
        if self.json:
            return encode_json(clean_value(value))
        if self.type == "boolean":
            return "true" if value else "false"
        if self.type == "double":
            return repr(float(value)) if math.isfinite(value) else ("NaN" if value != value else ("INF" if value > 0 else "-INF"))
        return str(value)


def decode_value(type_: str, is_json: bool, text: str) -> Any:
    """Parse ``text`` written under a GraphML/GEXF type name (or as JSON text).

    >>> decode_value("long", False, " 7"), decode_value("boolean", False, "true")
    (7, True)
    """
    if is_json:
        return json.loads(text)
    t = type_.lower()
    if t == "boolean":
        low = text.strip().lower()
        if low not in ("true", "false", "1", "0"):
            raise ValueError("expected true or false")
        return low in ("true", "1")
    if t in ("int", "long", "integer", "short", "byte"):
        return int(text.strip())
    if t in ("float", "double"):
        return float(text.strip())
    return text


def columns(items: Iterable[dict[str, Any]], skip: Iterable[str] = ()) -> list[Column]:
    """One :class:`Column` per attribute name found in ``items``, in first-seen order."""
    seen: dict[str, list[Any]] = {}
    skipped = set(skip)
    for data in items:
        for k, v in data.items():
            if k not in skipped:
                seen.setdefault(str(k), []).append(v)
    return [Column(k, vs) for k, vs in seen.items()]


def unique_ids(G: nx.MultiDiGraph) -> dict[Any, str]:
    """A distinct string for every node: ``str(node)``, with ``#2``, ``#3``... added
    when two nodes print alike (node ``1`` beside node ``"1"``)."""
    out: dict[Any, str] = {}
    taken: set[str] = set()
    for node in G.nodes:
        base = str(node)
        name, k = base, 1
        while name in taken:
            k += 1
            name = f"{base}#{k}"
        taken.add(name)
        out[node] = name
    return out
