"""Render the concept graph as one self-contained, offline HTML page.

The page inlines vis-network (the build bundled with pyvis) and the project's own
template (``templates/explorer.*``). The graph travels as JSON inside a
``<script type="application/json">`` block, read with ``JSON.parse`` and put on the
page only through ``textContent`` and canvas text: no string from a dataset is ever
parsed as HTML or run as script. A Content-Security-Policy admits only the page's own
two scripts (by hash) and forbids every network request.

>>> from conceptgraph import load_graph
>>> html = render_html(load_graph())
>>> html.startswith("<!DOCTYPE html>") and 'src="http' not in html
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections import Counter
from functools import cache
from importlib import util
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import ConceptGraphError
from .files import write_atomic
from .graph import adjacency, distinct_degree, gc_paused
from .kinds import ASSERTS, CLAIM, MESSAGE
from .layout import layout
from .names import resolve
from .styles import EDGE_STYLES, NODE_STYLES, edge_style_key

__all__ = [
    "DEFAULT_OUTPUT",
    "page_data",
    "render_html",
    "write_page",
    "subgraph",
    "to_pyvis",
]

DEFAULT_OUTPUT = Path("output") / "concept_graph.html"
_TEMPLATES = Path(__file__).with_name("templates")

_BIG = 2000  # nodes above which the page trades curves for speed


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (found without importing pyvis,
    whose import pulls in IPython)."""
    spec = util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ConceptGraphError("pyvis is not installed: pip install pyvis")
    lib = Path(spec.submodule_search_locations[0]) / "templates" / "lib"
    folder = sorted(lib.glob("vis-9*"))[-1]
    # The source-map comments point at files that are not there: developer tools would ask for them.
    strip = re.compile(r"^\s*(//[#@]|/\*[#@]) sourceMappingURL=.*$", re.M)
    return (
        strip.sub("", (folder / "vis-network.min.js").read_text(encoding="utf-8")),
        strip.sub("", (folder / "vis-network.css").read_text(encoding="utf-8")),
    )


def subgraph(G: nx.MultiDiGraph, focus: str | None = None, depth: int = 1, kinds: list[str] | None = None) -> nx.MultiDiGraph:
    """The part of ``G`` to draw: nodes within ``depth`` steps of ``focus`` (either
    direction; through messages only from a message), with the messages that hold the
    quotes of the links kept; only nodes of ``kinds`` when given."""
    keep = set(G)
    if focus is not None:
        centre = resolve(G, focus)
        succ, pred, data = adjacency(G)
        walk_messages = data[centre].get("kind") == MESSAGE
        keep = {centre}
        frontier = [centre]
        for _ in range(depth):
            frontier = list(dict.fromkeys(v for u in frontier for v in (*succ[u], *pred[u])
                                          if v not in keep and (walk_messages or data[v].get("kind") != MESSAGE)))
            if not frontier:  # nothing new within reach: deeper steps would find nothing either
                break
            keep.update(frontier)
        keep |= {d["message"] for u in keep for nbrs in (succ[u],) for v, keyed in nbrs.items() if v in keep
                 for d in keyed.values() if isinstance(d.get("message"), str) and d["message"] in G}
    if kinds:
        keep = {n for n in keep if G.nodes[n].get("kind", "other") in kinds}
    return G.subgraph([n for n in G if n in keep]) if len(keep) < len(G) else G


def _edge_kind(data: dict[str, Any]) -> str:
    return edge_style_key(str(data.get("kind", "other")), bool(data.get("negated")))


def page_data(G: nx.MultiDiGraph, focus: Any = None, seed: int = 0) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready data.

    Nodes are ``[label, kind index, x, y, size]``; edges are ``[source index, target
    index, kind index, detail index]``; ``details`` holds each node's and edge's fields
    (strings only), ``nodeKinds``/``edgeKinds`` the legend with counts.
    """
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    degree = distinct_degree(G)
    pos = layout(G, seed=seed, boxes=lambda: _label_boxes(G, degree), degree=degree)
    node_kinds: list[str] = []
    kind_index: dict[str, int] = {}

    def kind_of(k: str, table: list[str], lookup: dict[str, int]) -> int:
        if k not in lookup:
            lookup[k] = len(table)
            table.append(k)
        return lookup[k]

    out_nodes, node_details = [], []
    node_data = G._node  # raw dicts: views per item cost more than the work on 20,000 nodes
    for n in nodes:
        d = node_data[n]
        kind = str(d.get("kind") or "other")
        x, y = pos[n]
        out_nodes.append([str(d.get("label", n)), kind_of(kind, node_kinds, kind_index), x, y, degree[n]])
        node_details.append(_details(d, ("label", "kind"), id=n))
    edge_kinds: list[str] = []
    edge_index: dict[str, int] = {}
    out_edges: list[list[int]] = []
    edge_details: list[dict[str, Any]] = []
    # A claim's two edges (term -> attribute, contributor -> attribute) carry the same
    # evidence: it is stored once and both point at it.
    shared: dict[tuple[Any, ...], int] = {}

    def evidence(key: Any, d: dict[str, Any]) -> dict[str, Any]:
        detail = _details(d, ("kind",), key=key)
        for field in ("speaker", "term"):
            ref = d.get(field)
            if isinstance(ref, str) and ref in node_data:
                detail[field] = str(node_data[ref].get("label", ref))
        edge_details.append(detail)
        return detail

    for u, nbrs in G._succ.items():
        iu = index[u]
        for v, keyed in nbrs.items():
            iv = index[v]
            for key, d in keyed.items():
                kind = d.get("kind")
                if kind == CLAIM or kind == ASSERTS:
                    sig = (key, d.get("speaker"), d.get("quote"), d.get("where"), d.get("negated"), d.get("term"))
                    at = shared.get(sig)
                    if at is None:
                        at = shared[sig] = len(edge_details)
                        evidence(key, d)
                else:
                    at = len(edge_details)
                    evidence(key, d)
                out_edges.append([iu, iv, kind_of(_edge_kind(d), edge_kinds, edge_index), at])
    node_counts = Counter(k for _, k, *_ in out_nodes)
    edge_counts = Counter(k for _, _, k, _ in out_edges)
    return {
        "source": {k: str(_text(G.graph.get(k, "")) or "") for k in ("title", "author", "date", "url")},
        "nodeKinds": [{"kind": k, "count": node_counts[i], **NODE_STYLES.get(k, {**NODE_STYLES["other"], "label": k})}
                      for i, k in enumerate(node_kinds)],
        "edgeKinds": [{"kind": k, "count": edge_counts[i],
                       **EDGE_STYLES.get(k, {**EDGE_STYLES["other"], "label": k.replace("_", " "),
                                             "phrase": k.replace("_", " ")})}
                      for i, k in enumerate(edge_kinds)],
        "nodes": out_nodes,
        "edges": out_edges,
        "nodeDetails": node_details,
        "edgeDetails": edge_details,
        "focus": index[focus] if focus is not None and focus in index else None,
        "big": len(nodes) > _BIG,
    }


def _label_boxes(G: nx.MultiDiGraph, degree: dict[Any, int]) -> dict[Any, tuple[float, float]]:
    """Half width and height of each node's label on the canvas, as vis-network will
    draw it: the font grows with degree between 14 and 30 px (see ``explorer.js``)."""
    lo, hi = min(degree.values(), default=0), max(degree.values(), default=0)
    boxes = {}
    for n, d in G.nodes(data=True):
        size = 14 + 16 * ((degree[n] - lo) / (hi - lo) if hi > lo else 0)
        label = str(d.get("label", n))
        shape = NODE_STYLES.get(str(d.get("kind")), NODE_STYLES["other"])["shape"]
        text = 0.28 * size * len(label)  # half the width of the text
        if shape == "ellipse":  # vis-network draws an ellipse half again as wide as its text
            boxes[n] = (1.5 * text + 4, size)
        elif shape == "box":
            boxes[n] = (text + 6, 0.75 * size)
        else:  # a dot with its label under it: the box reaches down to cover both
            boxes[n] = (max(text, size), 2.2 * size)
    return boxes


def _details(data: dict[str, Any], skip: tuple[str, ...], **first: Any) -> dict[str, Any]:
    """Display texts of ``first`` then ``data``'s attributes, leaving out empty ones."""
    out = {k: _text(v) for k, v in first.items()}
    for k, v in data.items():
        if k not in skip:
            t = v if type(v) is str else _text(v)
            if t:
                out[str(k)] = t
    return out


def _text(value: Any) -> str | list[str]:
    """Any attribute value as display text (a list of texts for a list); None, NaN and
    false become "", which the page leaves out."""
    if value is None or value is False or (isinstance(value, float) and value != value):
        return ""
    if value is True:
        return "yes"
    if isinstance(value, (list, tuple, set)):
        return [t for t in (_text(v) for v in value) if isinstance(t, str) and t]
    return str(value)


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> block or open a comment inside it; ASCII with
    escapes if a string holds a lone surrogate, which UTF-8 cannot carry."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_SAFE)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(
    G: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 1,
    kinds: list[str] | None = None,
    seed: int = 0,
) -> str:
    """The explorer page for ``G`` (or for the part :func:`subgraph` selects), as a string.

    The same graph and options always give the same bytes.
    """
    from .progress import Progress

    centre = resolve(G, focus) if focus is not None else None
    H = subgraph(G, centre, depth, kinds)
    with gc_paused(), Progress(f"laying out {H.number_of_nodes()} nodes and drawing the page"):
        data = page_data(H, focus=centre, seed=seed)
    vis_js, vis_css = _vis_assets()
    app_js = (_TEMPLATES / "explorer.js").read_text(encoding="utf-8")
    app_css = (_TEMPLATES / "explorer.css").read_text(encoding="utf-8")
    csp = (
        "default-src 'none'; "
        f"script-src {_hash(vis_js)} {_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    title = re.sub("[\ud800-\udfff]", "\ufffd", data["source"]["title"] or "Concept graph")
    values = {
        "csp": html.escape(csp),
        "title": html.escape(title),
        "vis_css": vis_css,
        "app_css": app_css,
        "vis_js": vis_js,
        "app_js": app_js,
        "data": _json_for_script(data),
    }
    template = (_TEMPLATES / "explorer.html").read_text(encoding="utf-8")
    # One pass over the template: values are never scanned for placeholders again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def write_page(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    kinds: list[str] | None = None,
) -> Path:
    """Write the explorer page to ``path`` (default ``output/concept_graph.html``,
    whose folder is created) atomically; return the path. An error leaves any earlier
    file at ``path`` as it was."""
    target = DEFAULT_OUTPUT if path is None else path
    return write_atomic(target, render_html(G, focus=focus, depth=depth, kinds=kinds), make_parents=path is None)


def to_pyvis(G: nx.MultiDiGraph, seed: int = 0) -> Any:
    """A ``pyvis.network.Network`` of ``G`` with our colours, shapes and positions, for
    notebooks and scripts that work with pyvis directly.

    The node and edge lists are filled directly (pyvis's ``add_node``/``from_nx`` are
    quadratic), physics is off and no ``title`` is set, so pyvis's HTML popups never
    see a dataset string. Our own page (:func:`render_html`) remains the safe,
    offline one: pyvis's template still loads Bootstrap from a CDN.
    """
    from pyvis.network import Network

    data = page_data(G, seed=seed)
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes = [
        {"id": i, "label": label, "x": x, "y": y, "value": size, "shape": data["nodeKinds"][k]["shape"],
         "color": data["nodeKinds"][k]["color"], "physics": False}
        for i, (label, k, x, y, size) in enumerate(data["nodes"])
    ]
    net.edges = [
        {"from": u, "to": v, "color": data["edgeKinds"][k]["color"], "width": data["edgeKinds"][k]["width"],
         "dashes": bool(data["edgeKinds"][k]["dashes"]), "arrows": "to" if data["edgeKinds"][k]["arrows"] else ""}
        for u, v, k, _ in data["edges"]
    ]
    net.node_ids = list(range(len(net.nodes)))
    net.node_map = {n["id"]: n for n in net.nodes}
    net.toggle_physics(False)
    return net
