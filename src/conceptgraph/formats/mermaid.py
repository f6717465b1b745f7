"""A Mermaid flowchart for Markdown notes: ids ``n0``, ``n1``... and every label
quoted with Mermaid's entity codes, so no string can break the diagram."""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING

from ..kinds import AGREES_WITH, ASSERTS, CLAIM, CONTRASTS_WITH, DISPUTES, OPPOSES
from .common import Format, utf8

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_mermaid", "mermaid"]

_SHAPES = {"term": ('["', '"]'), "attribute": ('(["', '"])'), "contributor": ('(("', '"))')}
_ARROWS = {CLAIM: "-->", ASSERTS: "-.->", OPPOSES: "<-.->", CONTRASTS_WITH: "<==>", AGREES_WITH: "==>", DISPUTES: "--x"}
_CLASSES = {
    "term": "fill:#1e3a8a,color:#fff,stroke:#0f1f4d",
    "attribute": "fill:#fef3c7,color:#1f2937,stroke:#d97706",
    "contributor": "fill:#d1fae5,color:#064e3b,stroke:#047857",
}
_ENTITY = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
           "|": "#124;", "[": "#91;", "]": "#93;", "{": "#123;", "}": "#125;", "(": "#40;", ")": "#41;"}


def _label(text: object) -> str:
    s = re.sub(r"\s+", " ", str(text)).strip()
    s = "".join(ch if ch.isprintable() else " " for ch in s)
    return "".join(_ENTITY.get(ch, ch) for ch in s) or " "


def mermaid(G: Graph) -> str:
    """The flowchart text (``flowchart LR``)."""
    ids = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    lines = ["flowchart LR"]
    title = G.graph.get("title")
    if title:
        lines.insert(0, f"%% {_label(title)}")
    for n, d in G.nodes(data=True):
        kind = str(d.get("kind", "node"))
        left, right = _SHAPES.get(kind, ('["', '"]'))
        cls = f":::{kind}" if kind in _CLASSES else ""
        lines.append(f"  {ids[n]}{left}{_label(d.get('label', n))}{right}{cls}")
    for u, v, d in G.edges(data=True):
        kind = str(d.get("kind", "edge"))
        arrow = _ARROWS.get(kind, "-->")
        text = "not" if d.get("negated") else ("" if kind in (CLAIM, ASSERTS) else kind.replace("_", " "))
        label = f'|"{_label(text)}"|' if text else ""
        lines.append(f"  {ids[u]} {arrow}{label} {ids[v]}")
    lines += [f"  classDef {k} {v}" for k, v in _CLASSES.items()]
    return "\n".join(lines) + "\n"


def write_mermaid(G: Graph, out: IO[bytes]) -> None:
    """Write the flowchart (UTF-8) to the binary stream ``out``."""
    out.write(utf8(mermaid(G)))


FORMAT = Format(
    name="mermaid",
    help="a Mermaid flowchart for Markdown (messages left out)",
    suffixes=(".mmd",),
    default_name="concept_graph.mmd",
    write=lambda G, out, positions: write_mermaid(G, out),
)
