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
from functools import cache
from importlib import util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConceptGraphError
from .files import GENERATOR, OWN_HEAD, Own, check_named, foreign, keep_clear, write_atomic
from .graph import adjacency, gc_paused
from .kinds import ASSERTS, MESSAGE
from .names import resolve
from .page import page_data

if TYPE_CHECKING:
    from .graph import Graph

__all__ = [
    "DEFAULT_OUTPUT",
    "page_data",
    "render_html",
    "write_page",
    "earlier_positions",
    "subgraph",
    "to_pyvis",
]

DEFAULT_OUTPUT = Path("output") / "concept_graph.html"
_TEMPLATES = Path(__file__).with_name("templates")


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


def subgraph(G: Graph, focus: str | None = None, depth: int = 1, kinds: list[str] | None = None) -> Graph:
    """The part of ``G`` to draw: nodes within ``depth`` steps of ``focus`` (either
    direction; through messages only from a message), with the messages that hold the
    quotes of the links kept, and the term of each claim a speaker's link stands for; only
    nodes of ``kinds`` when given."""
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
        # a speaker's link to an attribute says nothing without the term they said it of ("Marisol
        # —not→ strike" beside sick-out was said of work-to-rule): the term comes along
        keep |= {d["term"] for u in keep for v, keyed in succ[u].items() if v in keep for d in keyed.values()
                 if d.get("kind") == ASSERTS and isinstance(d.get("term"), str) and d["term"] in data}
    if kinds:
        keep = {n for n in keep if G.nodes[n].get("kind", "other") in kinds}
    return G.subgraph([n for n in G if n in keep]) if len(keep) < len(G) else G


# str.replace runs in C over the whole text; str.translate with a dict calls back per
# character (0.8 s on a 20,000-node page).
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> block or open a comment inside it; ASCII with
    escapes if a string holds a lone surrogate, which UTF-8 cannot carry."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_SAFE:
        if char in text:
            text = text.replace(char, escape)
    return text


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(
    G: Graph,
    focus: str | None = None,
    depth: int = 1,
    kinds: list[str] | None = None,
    seed: int = 0,
    cache: bool = False,
    *,
    extra_js: str = "",
    extra_css: str = "",
    positions: dict[Any, tuple[int, int]] | None = None,
) -> str:
    """The explorer page for ``G`` (or for the part :func:`subgraph` selects), as a string.

    The same graph and options always give the same bytes. With ``cache``, the nodes'
    positions are computed once for a given graph and kept in the cache of built graphs.
    ``extra_js`` and ``extra_css`` (the review mode's, when the page is served) are added:
    the styles after the page's own, the script before them (the review shows its first
    item before the explorer builds the graph), and then the page may send requests to its
    own origin; without them it may send none. ``positions``: see :func:`page_data` (the
    review's page, drawn again after a merge or an addition, keeps its nodes in place).
    """
    from .progress import Progress

    centre = resolve(G, focus) if focus is not None else None
    H = subgraph(G, centre, depth, kinds)
    with gc_paused(), Progress(f"laying out {H.number_of_nodes()} nodes and drawing the page"):
        data = page_data(H, focus=centre, seed=seed, cache=cache, positions=positions)
    vis_js, vis_css = _vis_assets()
    app_js = (_TEMPLATES / "explorer.js").read_text(encoding="utf-8")
    app_css = (_TEMPLATES / "explorer.css").read_text(encoding="utf-8")
    scripts = " ".join(_hash(js) for js in (vis_js, app_js, extra_js) if js)
    connect = "'self'" if extra_js else "'none'"
    csp = (
        "default-src 'none'; "
        f"script-src {scripts}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        f"connect-src {connect}; "
        "form-action 'none'; base-uri 'none'"
    )
    title = re.sub("[\ud800-\udfff]", "\ufffd", data["source"]["title"] or "Concept graph")
    values = {
        "csp": html.escape(csp),
        "title": html.escape(title),
        "vis_css": vis_css,
        "app_css": app_css,
        "vis_js": vis_js,
        "app_js": app_js,
        "extra_css": f"<style>{extra_css}</style>\n" if extra_css else "",
        "extra_js": f"<script>{extra_js}</script>\n" if extra_js else "",
        "data": _json_for_script(data),
    }
    template = (_TEMPLATES / "explorer.html").read_text(encoding="utf-8")
    # One pass over the template: values are never scanned for placeholders again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def write_page(
    G: Graph,
    path: str | os.PathLike[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    kinds: list[str] | None = None,
    cache: bool = False,
    name: str = "concept_graph",
    keep: tuple[Path, ...] = (),
    force: bool = False,
    relayout: bool = False,
) -> Path:
    """Write the explorer page to ``path`` (default ``output/NAME.html``, ``name``
    ``concept_graph`` unless given, whose folder is created) atomically; return the path.
    An error leaves any earlier file at ``path`` as it was. ``cache`` as for
    :func:`render_html`; ``keep``, the data the graph was read from, is never replaced
    (:func:`conceptgraph.files.data_paths`); a file already at ``path`` is replaced only
    when it is an earlier page (or empty), unless ``force``. The nodes an earlier page
    there drew stay where it drew them (see :func:`earlier_positions`), unless
    ``relayout``."""
    if path is not None:
        if keep:  # replacing the data being read says so first, whatever the name
            keep_clear(path, Path(os.path.realpath(path)), keep, folder=False)
        _check_page_name(path)
    target = DEFAULT_OUTPUT.with_name(f"{name}.html") if path is None else path
    ours = None if force else Own("page", lambda head: GENERATOR.encode() in head)
    positions = None if relayout else earlier_positions(target)
    return write_atomic(target, render_html(G, focus=focus, depth=depth, kinds=kinds, cache=cache, positions=positions),
                        make_parents=path is None, keep=keep, ours=ours)


_GRAPH_DATA = re.compile(rb'<script type="application/json" id="graph-data">(.*?)</script>', re.S)


def earlier_positions(path: str | os.PathLike[str]) -> dict[Any, tuple[int, int]] | None:
    """Where the page at ``path`` drew each node, by node id; None when there is no
    page of ours there, or it cannot be read. A graph drawn again after a review (some
    items gone, some accepted) then looks as it did: its reader finds each node where
    they left it.

    >>> import tempfile
    >>> from conceptgraph import load_graph
    >>> page = write_page(load_graph(), Path(tempfile.mkdtemp()) / "p.html")
    >>> earlier_positions(page)["cooperation"][0] < 0
    True
    """
    try:
        if not os.path.isfile(path):  # (a pipe or a device would block the read, or never end it)
            return None
        with open(path, "rb") as f:
            head = f.read(OWN_HEAD)
            if GENERATOR.encode() not in head:  # (someone's own file: not read further)
                return None
            found = _GRAPH_DATA.search(head + f.read())
        if not found:
            return None
        data = json.loads(found.group(1))
        ids, xs, ys = [d["id"] for d in data["nodeDetails"]], data["nodes"]["x"], data["nodes"]["y"]
        return {n: (int(x), int(y)) for n, x, y in zip(ids, xs, ys, strict=True) if isinstance(n, (str, int))}
    except (OSError, ValueError, KeyError, TypeError):
        return None  # (a page cut short, or of another version: laid out anew)


def _check_page_name(path: str | os.PathLike[str]) -> None:
    """A :class:`UsageError` for an empty name, or one whose suffix names a graph file
    ("team.graphml"): a tool would open the page as that format, and fail."""
    from .errors import UsageError
    from .formats import FORMATS, format_to_write

    check_named(path)
    if what := foreign(path):  # "page.pdf" would hold HTML, and open as neither
        raise UsageError(f"{path}: {Path(path).suffix} names {what}, not a page: name it "
                         f"{Path(path).with_suffix('.html')}" + (" (a browser prints the page to PDF)"
                                                                 if what == "a PDF document" else ""))
    suffix, written = Path(path).suffix.lower(), format_to_write(path)
    # "notes.md", "graph.json": what an export writes (JSON in several formats) would open as that, and fail
    others = [written] if written else [n for n, f in FORMATS.items() if suffix and suffix in f.suffixes]
    if others:
        raise UsageError(f"{path}: {Path(path).suffix} names a {' or '.join(others)} file, not a page: name it "
                         f"{Path(path).with_suffix('.html')} (conceptgraph export {others[0]} writes that format)")


def to_pyvis(G: Graph, seed: int = 0) -> Any:
    """A ``pyvis.network.Network`` of ``G`` with our colours, shapes and positions, for
    notebooks and scripts that work with pyvis directly.

    The node and edge lists are filled directly (pyvis's ``add_node``/``from_nx`` are
    quadratic), physics is off and no ``title`` is set, so pyvis's HTML popups never
    see a dataset string. Our own page (:func:`render_html`) remains the safe,
    offline one: pyvis's template still loads Bootstrap from a CDN.
    """
    from pyvis.network import Network

    data = page_data(G, seed=seed)
    nodes, edges = data["nodes"], data["edges"]
    net = Network(directed=G.is_directed(), cdn_resources="in_line")
    net.nodes = [
        {"id": i, "label": nodes["label"][i], "x": nodes["x"][i], "y": nodes["y"][i], "value": nodes["size"][i],
         "shape": data["nodeKinds"][k]["shape"], "color": data["nodeKinds"][k]["color"], "physics": False}
        for i, k in enumerate(nodes["kind"])
    ]
    net.edges = [
        {"from": u, "to": v, "color": data["edgeKinds"][k]["color"], "width": data["edgeKinds"][k]["width"],
         "dashes": bool(data["edgeKinds"][k]["dashes"]),
         "arrows": "to" if data["edgeKinds"][k]["arrows"] and data["directed"] else ""}
        for u, v, k in zip(edges["source"], edges["target"], edges["kind"])
    ]
    net.node_ids = list(range(len(net.nodes)))
    net.node_map = {n["id"]: n for n in net.nodes}
    net.toggle_physics(False)
    return net
