"""How each kind of node and link looks, wherever the graph is drawn: the page, GEXF
(Gephi), GraphML (yEd) and Mermaid all read their colours and shapes from here.

Link colours stand out 3:1 or more from the white canvas and stay apart in simulated
colour blindness (tests/test_styles.py measures both); most come from the Okabe-Ito
palette. No two link kinds share both colour and pattern. Terms and attributes
are both boxes (a box packs a label tighter than an ellipse, so more of the page can be
read at once): a dark fill with white text and a pale one with dark text tell them apart
in any colour vision, and the page rounds an attribute's corners.

>>> node_style("term")["shape"], edge_style("claim", negated=True)["label"]
('box', 'term lacks attribute')
>>> len({(s["color"], str(s["dashes"])) for s in EDGE_STYLES.values()}) == len(EDGE_STYLES)
True
"""

from __future__ import annotations

from typing import Any

from .kinds import (
    AGREES_WITH,
    ANALOGOUS_TO,
    ASSERTS,
    ATTRIBUTE,
    CLAIM,
    CO_OCCURS,
    CONTRASTS_WITH,
    CONTRIBUTOR,
    DISPUTES,
    INCLUDES,
    MENTIONS,
    MESSAGE,
    OPPOSES,
    OVERLAPS_WITH,
    RELATED_TO,
    RELATION_KINDS,
    REPLIES_TO,
    SENSE_OF,
    SIMILAR_TO,
    TERM,
    WROTE,
)

__all__ = ["NODE_STYLES", "EDGE_STYLES", "DENIED", "node_style", "draft_style", "edge_style", "edge_style_key", "rgb",
           "contrast"]

# Okabe-Ito; its orange and sky blue are below 3:1 on white, so opposed attributes are
# brown and similar terms azure (brown, not a darker orange, which deuteranopes would
# not tell from vermillion)
_GREEN, _BLUE, _VERMILLION, _PURPLE = "#009E73", "#0072B2", "#D55E00", "#CC79A7"
_BROWN, _AZURE = "#8A603C", "#008AFC"
_GREY, _DARK = "#64748B", "#1F2937"

#: Node kinds: vis-network shape, fill, border and font colours, legend label.
NODE_STYLES: dict[str, dict[str, str]] = {
    TERM: {"label": "term", "shape": "box", "color": "#1E3A8A", "border": "#0F1F4D", "font": "#FFFFFF"},
    ATTRIBUTE: {"label": "attribute", "shape": "box", "color": "#FEF3C7", "border": "#B45309", "font": "#1F2937"},
    CONTRIBUTOR: {"label": "contributor", "shape": "dot", "color": "#10B981", "border": "#047857", "font": "#064E3B"},
    MESSAGE: {"label": "message", "shape": "square", "color": "#E2E8F0", "border": "#475569", "font": "#1F2937"},
    "other": {"label": "other node", "shape": "box", "color": "#E5E7EB", "border": "#6B7280", "font": "#111827"},
}

#: Suffix of the style of a denied claim ("claim (denied)"), drawn as a kind of its own.
DENIED = " (denied)"


def _link(label: str, phrase: str, color: str, width: float, dashes: bool | list[int], arrows: bool) -> dict[str, Any]:
    return {"label": label, "phrase": phrase, "color": color, "width": width, "dashes": dashes, "arrows": arrows}


_R = RELATION_KINDS
#: Link kinds: legend label, phrase read aloud, colour, width, dash pattern, arrow head.
EDGE_STYLES: dict[str, dict[str, Any]] = {
    CLAIM: _link("term has attribute", "has", _GREY, 1.2, False, True),
    CLAIM + DENIED: _link("term lacks attribute", "lacks", _VERMILLION, 1.5, [10, 5], True),
    ASSERTS: _link("contributor says so", "asserts", _GREEN, 0.8, [2, 4], True),
    ASSERTS + DENIED: _link("contributor denies", "denies", _VERMILLION, 0.8, [2, 4], True),
    OPPOSES: _link("attributes opposed", _R[OPPOSES], _BROWN, 2.5, [8, 6], False),
    CONTRASTS_WITH: _link("terms contrasted", _R[CONTRASTS_WITH], _PURPLE, 3, [10, 6], False),
    INCLUDES: _link("term includes term", _R[INCLUDES], _BLUE, 2, False, True),
    OVERLAPS_WITH: _link("terms overlap", _R[OVERLAPS_WITH], _BLUE, 2, [12, 4, 2, 4], False),
    SIMILAR_TO: _link("terms similar", _R[SIMILAR_TO], _AZURE, 2.5, False, False),
    ANALOGOUS_TO: _link("term analogous to term", _R[ANALOGOUS_TO], _AZURE, 2, [6, 6], True),
    SENSE_OF: _link("term a sense of term", _R[SENSE_OF], _BLUE, 1.5, [2, 3], True),
    RELATED_TO: _link("terms related", _R[RELATED_TO], _DARK, 1.2, [4, 8], False),
    AGREES_WITH: _link("agrees with", _R[AGREES_WITH], _GREEN, 2.5, False, True),
    DISPUTES: _link("disputes", _R[DISPUTES], _VERMILLION, 3, False, True),
    MENTIONS: _link("contributor names term", _R[MENTIONS], "#60964E", 0.6, [1, 3], True),
    CO_OCCURS: _link("terms named together", _R[CO_OCCURS], "#6C6C66", 0.8, [1, 2], False),
    WROTE: _link("wrote message", "wrote", "#7E8ACC", 0.6, False, True),
    REPLIES_TO: _link("replies to", "replies to", "#475569", 1, [3, 3], True),
    "other": _link("other link", "links to", "#7E848A", 1, [1, 6], True),
}


def node_style(kind: str) -> dict[str, str]:
    """The style of a node kind; a kind we do not know looks like "other" under its own name."""
    return NODE_STYLES.get(kind) or {**NODE_STYLES["other"], "label": kind.replace("_", " ")}


def edge_style_key(kind: str, negated: bool = False) -> str:
    """The name a link is styled and counted under: its kind, or "claim (denied)"."""
    return kind + DENIED if negated and kind in (CLAIM, ASSERTS) else kind


def edge_style(kind: str, negated: bool = False) -> dict[str, Any]:
    """The style of a link kind (a denied claim has its own)."""
    key = edge_style_key(kind, negated)
    text = kind.replace("_", " ")
    return EDGE_STYLES.get(key) or {**EDGE_STYLES["other"], "label": text, "phrase": text}


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """``(r, g, b)`` of ``#RRGGBB``.

    >>> rgb("#E69F00")
    (230, 159, 0)
    """
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21).

    >>> round(contrast("#FFFFFF", "#000000"), 1)
    21.0
    """
    def luminance(hex_colour: str) -> float:
        c = [v / 255 for v in rgb(hex_colour)]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def draft_style(kind: str) -> dict[str, str]:
    """How a node drafted from the text (not yet accepted) is filled and lettered: its
    kind's fill paled towards white, its label in the kind's own dark colour where white
    letters would be too faint there (a term's), so that it reads as a draft and stays
    legible (at least 4.5:1), as a half-transparent node did not (2.7:1).

    >>> s = draft_style("term"); contrast(s["font"], s["color"]) >= 4.5
    True
    """
    style = node_style(kind)
    fill = "#" + "".join(f"{round(0.2 * c + 0.8 * 255):02X}" for c in rgb(style["color"]))
    font = style["font"] if contrast(style["font"], fill) >= 4.5 else style["color"]
    if contrast(font, fill) < 4.5:  # a light kind's own colour: its border then, darker
        font = style["border"]
    return {"color": fill, "font": font}
