"""A Mermaid flowchart for Markdown notes: ids ``n0``, ``n1``... and every label
quoted with Mermaid's entity codes, so no string can break the diagram. Messages are
left out (a flowchart of whole messages is unreadable); a claim's link is labelled with
its speaker, a drafted link "draft", a drafted node dashed, and every quote is kept in
a ``%%`` comment above its link (its first 300 characters), unless they would take the
flowchart past what Mermaid draws: then they are left out, and a warning says so.
Mermaid draws at most 500 links and 50,000 characters (its ``maxEdges`` and
``maxTextSize``): a graph bigger than that without its quotes is refused, with the
options that narrow it. Written to a Markdown file (``.md``), the flowchart is fenced
(```` ```mermaid ````), as Markdown viewers draw it."""

from __future__ import annotations

import re
import warnings
from typing import IO, TYPE_CHECKING

from ..errors import ConceptGraphWarning, UsageError
from ..graph import graph_title
from ..kinds import AGREES_WITH, ASSERTS, CLAIM, CONTRASTS_WITH, DISPUTES, DRAFT, MESSAGE, OPPOSES
from .common import Format, utf8

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_mermaid", "mermaid", "MAX_EDGES", "MAX_TEXT"]

#: Mermaid's own defaults (``maxEdges``, ``maxTextSize``): past them it draws only an error.
MAX_EDGES = 500
MAX_TEXT = 50_000
_QUOTE = 300

_SHAPES = {"term": ('["', '"]'), "attribute": ('(["', '"])'), "contributor": ('(("', '"))')}
_ARROWS = {CLAIM: "-->", ASSERTS: "-.->", OPPOSES: "<-.->", CONTRASTS_WITH: "<==>", AGREES_WITH: "==>", DISPUTES: "--x"}
_CLASSES = {
    "term": "fill:#1e3a8a,color:#fff,stroke:#0f1f4d",
    "attribute": "fill:#fef3c7,color:#1f2937,stroke:#d97706",
    "contributor": "fill:#d1fae5,color:#064e3b,stroke:#047857",
}
_DRAFT_STYLE = "stroke-dasharray:5 3,stroke-width:2px"
_ENTITY = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
           "|": "#124;", "[": "#91;", "]": "#93;", "{": "#123;", "}": "#125;", "(": "#40;", ")": "#41;"}


# The joiners are format characters too, but a part of what is written: "👩‍💻" is one
# emoji, and Persian needs its non-joiner. (Bidi controls are not kept: a name could read
# backwards.)
_JOINERS = frozenset("\u200c\u200d")


def _printable(text: str) -> str:
    """Controls and other unprintable characters as spaces, the joiners kept."""
    return "".join(ch if ch.isprintable() or ch in _JOINERS else " " for ch in text)


def _label(text: object) -> str:
    s = _printable(re.sub(r"\s+", " ", str(text)).strip())
    return "".join(_ENTITY.get(ch, ch) for ch in s) or " "


def mermaid(G: Graph) -> str:
    """The flowchart text (``flowchart LR``), with each link's quote in a comment while
    they fit. Raises :class:`UsageError` past Mermaid's limits."""
    text, links = _flowchart(G, quotes=True)
    if links <= MAX_EDGES and len(text) > MAX_TEXT:
        bare, _ = _flowchart(G, quotes=False)
        if len(bare) <= MAX_TEXT:
            warnings.warn(ConceptGraphWarning(
                f"Mermaid: the quotes are left out (with them the flowchart has {len(text):,} characters, past the "
                f"{MAX_TEXT:,} Mermaid draws)"), stacklevel=2)
            return bare
    if links > MAX_EDGES or len(text) > MAX_TEXT:
        raise UsageError(f"Mermaid draws at most {MAX_EDGES} links and {MAX_TEXT:,} characters; this graph has "
                         f"{links:,} links and {len(text):,} characters: narrow it with --focus NAME --depth N "
                         "or --kind, or use another format")
    return text


def _flowchart(G: Graph, quotes: bool) -> tuple[str, int]:
    """The flowchart's text, with or without its quotes, and how many links it draws."""
    keep = [n for n, kind in G.nodes(data="kind") if kind != MESSAGE]
    ids = {n: f"n{i}" for i, n in enumerate(keep)}
    lines = ["flowchart LR"]
    title = graph_title(G)
    if title:
        lines.insert(0, f"%% {_comment(title)}")
    drafted = []
    for n in keep:
        d = G.nodes[n]
        kind = str(d.get("kind", "node"))
        left, right = _SHAPES.get(kind, ('["', '"]'))
        cls = f":::{kind}" if kind in _CLASSES else ""
        lines.append(f"  {ids[n]}{left}{_label(d.get('label', n))}{right}{cls}")
        if d.get("status") == DRAFT:
            drafted.append(ids[n])
    links = 0
    for u, v, d in G.edges(data=True):
        if u not in ids or v not in ids:
            continue
        links += 1
        kind = str(d.get("kind", "edge"))
        arrow = _ARROWS.get(kind, "-->")
        speaker = d.get("speaker")
        name = str(G.nodes[speaker].get("label", speaker)) if speaker in G else str(speaker or "")
        text = name if kind == CLAIM else "" if kind == ASSERTS else kind.replace("_", " ")
        if d.get("negated"):
            text = f"not · {text}" if text else "not"
        if d.get("status") == DRAFT:  # drafted from the text, not yet reviewed
            text = f"draft · {text}" if text else "draft"
        if quotes and d.get("quote"):
            quote = _comment(d["quote"])
            quote = quote if len(quote) <= _QUOTE else quote[: _QUOTE - 1] + "…"  # Mermaid counts comments too
            said = ", ".join(_comment(x) for x in (name, d.get("where") or "") if x)  # who and where, as known
            lines.append(f"  %% {said + ': ' if said else ''}“{quote}”")
        label = f'|"{_label(text)}"|' if text else ""
        lines.append(f"  {ids[u]} {arrow}{label} {ids[v]}")
    lines += [f"  classDef {k} {v}" for k, v in _CLASSES.items()]
    if drafted:  # drafted nodes dashed, as the page draws them
        lines += [f"  class {','.join(drafted)} draft", f"  classDef draft {_DRAFT_STYLE}"]
    return "\n".join(lines) + "\n", links


def _comment(text: object) -> str:
    """Text on one comment line: line breaks and other controls as spaces."""
    return _printable(re.sub(r"\s+", " ", str(text))).strip()


def write_mermaid(G: Graph, out: IO[bytes], fenced: bool = False) -> None:
    """Write the flowchart (UTF-8) to the binary stream ``out``; ``fenced``, in a Markdown
    code block (```` ```mermaid ````)."""
    text = mermaid(G)
    out.write(utf8(f"```mermaid\n{text}```\n" if fenced else text))


#: The suffixes of Markdown files, where the flowchart is fenced.
MARKDOWN = (".md", ".markdown")


def _written(head: bytes) -> bool:
    """Whether a file starts as our flowchart does, fenced or not."""
    if head.startswith(b"```mermaid\n"):
        head = head.split(b"\n", 1)[1]
    return head.startswith(b"%%") and head.split(b"\n", 2)[1:2] == [b"flowchart LR"]


FORMAT = Format(
    name="mermaid",
    help="a Mermaid flowchart for Markdown (messages left out)",
    suffixes=(".mmd",),
    default_name="{name}.mmd",
    write=lambda G, out, positions: write_mermaid(G, out),
    written=_written,
)
