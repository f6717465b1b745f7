"""What the explorer page is given: the graph as named columns, its legend, the thread
with every quote's place in it, and the pieces the page's search and comparison use,
computed here so that the page and the command line give one answer.

Nodes and edges travel as columns (``nodes.label[i]``, ``edges.source[j]``...), which
keeps a 20,000-node page small while every field has a name. Each edge points at an
``edgeDetails`` entry (a claim's two edges share one: the same evidence).

>>> from conceptgraph import load_graph
>>> data = page_data(load_graph())
>>> i = data["nodes"]["label"].index("cooperation")
>>> data["nodeKinds"][data["nodes"]["kind"][i]]["kind"], data["partner"][i] == data["nodes"]["label"].index("collaboration")
('term', True)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .errors import BIDI_CONTROLS, ZERO_WIDTH, printable
from .graph import adjacency, distinct_degree, edge_items, graph_title
from .kinds import (
    AGREES_WITH,
    ASSERTS,
    ATTRIBUTE,
    AUXILIARIES,
    CLAIM,
    CO_OCCURS,
    CONTEXT_RELATIONS,
    CONTRASTS_WITH,
    CONTRIBUTOR,
    DISPUTES,
    DRAFT,
    MENTIONS,
    MESSAGE,
    NEGATING_WORDS,
    OPPOSES,
    STATED_RELATIONS,
    STRUCTURAL_EDGES,
    TERM,
    WROTE,
    denial,
)
from .layout import SPACING, layout, placed
from .names import LETTERS, name_keys, node_names, unmarked, word_parts
from .styles import EDGE_STYLES, NODE_STYLES, draft_style, edge_style, edge_style_key, node_style

if TYPE_CHECKING:
    from .graph import Graph

__all__ = ["page_data", "BIG"]

BIG = 2000  # nodes above which the page trades curves, dashes and arrows for speed
BIG_LINKS = 5000  # or links: every redraw strokes each one, and dashes cost most (seconds, drawn in software)
# Labels: the least connected node's font and the best connected one's, in canvas pixels
# (vis-network scales between them by degree), and about how many characters a label
# keeps on one line before it wraps, which packs the page tighter than long one-line labels.
LABEL_FONT = (18, 30)
#: The radius of the smallest and the largest dot (a person), by degree (the page gives
#: vis-network these as nodes.scaling)
DOT_SIZE = (8, 36)
LABEL_CHARS = 18
#: The longest label drawn on the canvas whole; a longer one is cut there, with "…" (the
#: panel and search show it whole): a 5,000-letter word would cover the graph.
DRAWN_CHARS = 60


def drawn(label: str) -> str:
    """A node's label as the canvas draws it (the page's ``onCanvas`` cuts it the same way).

    >>> drawn("x" * 100)[-3:], len(drawn("x" * 100))
    ('xx…', 60)
    """
    return label if len(label) <= DRAWN_CHARS else label[: DRAWN_CHARS - 1] + "…"


def page_data(G: Graph, focus: Any = None, seed: int = 0, cache: bool = False,
              positions: dict[Any, tuple[int, int]] | None = None) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready data (see the module's docstring). With
    ``cache``, the nodes' positions are kept in :mod:`conceptgraph.cache` (they depend
    only on the graph drawn), so that the same graph is laid out once. With
    ``positions`` (those of a page drawn before, filled with the new ones on return),
    the nodes that page had stay where they were, and only the others are placed."""
    left_off = _stand_in_writers(G)
    nodes = [n for n in G.nodes if n not in left_off]
    index = {n: i for i, n in enumerate(nodes)}
    degree = distinct_degree(G)
    nodes_out, node_kinds = _nodes(G, nodes, degree, _positions(G, seed, degree, cache, positions),
                                   _font_sizes(G, degree))
    edges_out, edge_kinds, details = _edges(G, index)
    return {
        "source": {"title": graph_title(G), **{k: str(_text(G.graph.get(k, ""))) for k in ("author", "date")},
                   "url": web_address(G.graph.get("url"))},
        "directed": G.is_directed(),
        "nodeKinds": node_kinds,
        "edgeKinds": edge_kinds,
        "nodes": nodes_out,
        "edges": edges_out,
        "nodeDetails": [_details(G.nodes[n], ("label", "kind"), id=n) for n in nodes],
        "edgeDetails": details,
        "thread": _thread(G, index, details, {edges_out["detail"][j] for j, k in enumerate(edges_out["kind"])
                                               if edge_kinds[k]["base"] in (MENTIONS, CO_OCCURS)}),
        "names": [[[name, *_keys(name)] for name in dict.fromkeys(node_names(G, n))] for n in nodes],
        "casefold": _casefold_table(),
        "marks": _combining_marks(),
        "letters": LETTERS,
        "partner": _partners(G, index),
        "focus": index[focus] if focus is not None and focus in index else None,
        "big": len(nodes) > BIG or len(edges_out["source"]) > BIG_LINKS,
        "labelFont": list(LABEL_FONT),
        "dotSize": list(DOT_SIZE),
        "drawnChars": DRAWN_CHARS,
        # each character the page shows escaped, as printable() shows it in the terminal ("\u202e",
        # "\x07"): bidirectional controls, spaces of no width, and the control characters that are
        # no line break or tab
        "escaped": {c: printable(c) for c in (*sorted(BIDI_CONTROLS), *sorted(ZERO_WIDTH),
                                              *map(chr, (*range(0x20), *range(0x7f, 0xa0)))) if c not in "\t\n\r"},
        "grammar": {"auxiliaries": sorted(AUXILIARIES), "negating": list(NEGATING_WORDS),
                    # the attribute labels whose denial reads otherwise than those rules say ("does not
                    # need a customer", "denied “has not worked”"), as conceptgraph.kinds.denial words it
                    "denied": _denials(G, cache)},
    }


def _denials(G: Graph, cache: bool = False) -> dict[str, list[str]]:
    """Each attribute label whose denial :func:`conceptgraph.kinds.denial` words otherwise
    than the page's own short rules (a label's auxiliary takes the "not", a label that
    denies is quoted, else "not" before it) -> those words: the page words a denial as
    every answer does. With ``cache``, kept as the layout is: a verb the short lists lack
    is looked up in lemminflect, whose dictionaries take longer to load than the page to draw."""
    labels = sorted({label for _, d in G.nodes(data=True) if d.get("kind") == ATTRIBUTE
                     and " " in (label := str(d.get("label", "")))})

    def worded() -> dict[str, list[str]]:
        out = {}
        for label in labels:
            first, _, rest = label.partition(" ")
            plain = ((f"{first} not ", rest, "") if first.lower() in AUXILIARIES else ("denied “", label, "”")
                     if first.lower() in NEGATING_WORDS else ("not ", label, ""))
            if (parts := denial(label)) != plain:
                out[label] = list(parts)
        return out

    if not cache:
        return worded()
    from .cache import cached_as

    return cached_as("denials", hashlib.sha256("\0".join(labels).encode("utf-8", "surrogatepass")).hexdigest(), worded)


def _keys(name: str) -> list[Any]:
    """The keys the page's search compares with a name (as :func:`conceptgraph.names.search`
    does), then, for a name with accents, those of the name without them."""
    whole, words = name_keys(name)
    bare = unmarked(name)
    return [whole, words, word_parts(name), *([_keys(bare)[:3]] if bare != name else [])]


def _positions(G: Graph, seed: int, degree: dict[Any, int], cache: bool = False,
               kept: dict[Any, tuple[int, int]] | None = None) -> dict[Any, tuple[int, int]]:
    """Canvas positions: the concepts and people laid out together (or, with ``kept``,
    where an earlier page had them, the others placed among them); each message (hidden
    until asked for) placed under the person who wrote it, so it pulls nothing apart."""
    concepts = [n for n, k in G.nodes(data="kind") if k != MESSAGE]
    H = G.subgraph(concepts) if len(concepts) < len(G) else G
    boxes = lru_cache(maxsize=1)(lambda: _label_boxes(H, degree))  # reckoned once: the layout and the messages

    def compute() -> list[tuple[int, int]]:
        pos = layout(H, seed=seed, boxes=boxes, degree=degree)
        # settled as drawing it again would leave it (which pushes apart the labels a first
        # drawing left covering each other): a page drawn again with nothing changed moves
        # nothing, and after a change only what the change makes overlap
        for _ in range(_SETTLE if len(pos) > 1 else 0):
            again = placed(H, pos, boxes())
            if again == pos:
                break
            pos = again
        return [pos[n] for n in H]

    # (kept from a page that drew less than half of these nodes, a focus's say, would crowd
    # the rest round it: they are all laid out anew)
    if kept and 2 * sum(n in kept for n in H) >= H.number_of_nodes():
        at = placed(H, kept, boxes())
        coords = [at[n] for n in H]
    elif cache:
        from .cache import cached_as

        coords = cached_as("layout", _layout_digest(H, seed, degree), compute)
    else:
        coords = compute()
    pos = dict(zip(H, coords))
    if kept is not None:
        kept.clear()
        kept.update(pos)
    below: Counter[Any] = Counter()
    for n, d in G.nodes(data=True):
        if n not in pos:
            author = d.get("by") if isinstance(d.get("by"), str) else None
            x, y = pos.get(author, (0, 0))
            # under the author's name (its label box reaches down past it), one under another
            below[author] += 1
            pos[n] = (x, round(y + boxes().get(author, (0, 4.0))[1] + 34 * below[author]))
    return pos


def _layout_digest(H: Graph, seed: int, degree: dict[Any, int]) -> str:
    """A hash of all the layout depends on: the seed and the sizes of labels, each node's
    kind, label and degree in order (its label box, its pull), and the kinds of link
    between each pair."""
    # (and the way label boxes are reckoned: a layout cached under an older way is not reused)
    h = hashlib.sha256(f"{seed} {LABEL_FONT} {LABEL_CHARS} {SPACING} {DOT_SIZE} {_BOXES}\n".encode())
    index = {}
    for i, (n, d) in enumerate(H.nodes(data=True)):
        index[n] = i
        h.update(f"{d.get('kind')}\0{d.get('label', n)}\0{degree[n]}\n".encode("utf-8", "surrogatepass"))
    succ, _, _ = adjacency(H)
    for u, nbrs in succ.items():
        for v, keyed in nbrs.items():
            kinds = " ".join(sorted(str(d.get("kind")) for d in keyed.values()))
            h.update(f"{index[u]} {index[v]} {kinds}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _stand_in_writers(G: Graph) -> set[Any]:
    """The writers of deleted messages kept as stand-ins ("[deleted]", which others answer),
    who wrote nothing else and whom nothing names: no speaker, so no node of the page's
    people (the stand-in itself stays, with the messages)."""
    succ, pred, data = adjacency(G)
    out = set()
    for n, d in data.items():
        if d.get("kind") != CONTRIBUTOR or any(pred.get(n, {}).values()):
            continue
        edges = [(v, e) for v, keyed in succ.get(n, {}).items() for e in keyed.values()]
        if edges and all(e.get("kind") == WROTE and data.get(v, {}).get("gone") for v, e in edges):
            out.add(n)
    return out


def _nodes(G: Graph, nodes: list[Any], degree: dict[Any, int], pos: dict[Any, tuple[int, int]],
           fonts: dict[Any, float]) -> tuple[dict[str, list[Any]], list[dict[str, Any]]]:
    kinds: dict[str, int] = {}
    cols: dict[str, list[Any]] = {"label": [], "kind": [], "x": [], "y": [], "size": [], "wrap": [], "draft": []}
    _, _, data = adjacency(G)
    for n in nodes:
        d = data[n]
        kind = str(d.get("kind") or "other")
        x, y = pos[n]
        label = _text(d.get("label", n))
        cols["label"].append(label)
        cols["wrap"].append(round(_wrapped(drawn(str(label)), fonts[n])[0]))
        cols["kind"].append(kinds.setdefault(kind, len(kinds)))
        cols["x"].append(x)
        cols["y"].append(y)
        cols["size"].append(degree[n])
        cols["draft"].append(1 if d.get("status") == DRAFT else 0)
    kinds = _in_order(kinds, NODE_STYLES, cols["kind"])
    counts = Counter(cols["kind"])
    drafted = Counter(k for k, dr in zip(cols["kind"], cols["draft"]) if dr)
    legend = [{"kind": k, "count": counts[i], "drafted": drafted[i], "hidden": k == MESSAGE, **node_style(k),
               "draft": draft_style(k),
               "radius": _corner(k)} for k, i in kinds.items()]
    return cols, legend


def _in_order(kinds: dict[str, int], order: dict[str, Any], column: list[int]) -> dict[str, int]:
    """``kinds`` (kind -> its number, as first met) numbered in ``order``'s order instead,
    the kinds it lacks after, by name; ``column`` renumbered to match. The legend then lists
    the kinds in one order whatever the data's: a review that accepts items (and so moves
    them to another file) once shuffled it."""
    rank = {k: i for i, k in enumerate(order)}
    ordered = sorted(kinds, key=lambda k: (rank.get(k, len(rank)), k))
    new = {k: i for i, k in enumerate(ordered)}
    renumber = {kinds[k]: new[k] for k in kinds}
    column[:] = [renumber[i] for i in column]
    return new


def _edges(G: Graph, index: dict[Any, int]) -> tuple[dict[str, list[int]], list[dict[str, Any]], list[dict[str, Any]]]:
    from .queries import concern_labels, given_way, relations_taken_back

    kinds: dict[str, int] = {}
    cols: dict[str, list[int]] = {"source": [], "target": [], "kind": [], "detail": [], "draft": []}
    details: list[dict[str, Any]] = []
    shared: dict[tuple[Any, ...], int] = {}  # a claim's two edges carry one piece of evidence
    claim_at: dict[Any, int] = {}  # a claim's key -> its evidence
    dispute_at: dict[tuple[Any, Any, Any], int] = {}  # (who disputed, whom, in which message) -> its evidence
    agreed: list[tuple[Any, Any]] = []
    stated: dict[tuple[Any, Any, Any], tuple[dict[str, Any], int]] = {}  # a relation someone stated -> its evidence
    _, _, data = adjacency(G)
    for u, v, key, d in edge_items(G):
        if u not in index or v not in index:
            continue  # (a deleted message's stand-in writer, left off the page)
        kind = str(d.get("kind", "other"))
        if kind in (CLAIM, ASSERTS):
            sig = (key, d.get("speaker"), d.get("quote"), d.get("where"), d.get("negated"), _hashable(d.get("term")))
            at = shared.get(sig)
            if at is None:
                at = shared[sig] = len(details)
                details.append(_evidence(key, d, data, index))
                claim_at.setdefault(_hashable(key), at)  # (a claim and its "asserts" link share it)
        else:
            at = len(details)
            details.append(_evidence(key, d, data, index))
            if kind == DISPUTES:
                dispute_at[(u, v, _hashable(d.get("message")))] = at
            elif kind == AGREES_WITH:
                agreed.append((u, v))
            elif d.get("speaker") is not None and kind in STATED_RELATIONS:
                stated[(u, v, _hashable(key))] = (d, at)
            if isinstance(d.get("concerns"), (list, tuple)) and d["concerns"]:  # what a stance is about, in words
                details[-1]["concerns"] = _text(concern_labels(G, v, d["concerns"]))
        cols["source"].append(index[u])
        cols["target"].append(index[v])
        cols["kind"].append(kinds.setdefault(edge_style_key(kind, bool(d.get("negated"))), len(kinds)))
        cols["detail"].append(at)
        cols["draft"].append(1 if d.get("status") == DRAFT else 0)
    # what its speaker took back, and the disputes given way on, which the page's compare and
    # evidence say as the terminal's do: worked out only where someone agreed with one who had
    # disputed them (else there is none, and no second pass over the edges is made)
    disputed = {(u, v) for u, v, _ in dispute_at}
    gave: dict[tuple[Any, Any, Any], str] = {}
    if any((v, u) in disputed for u, v in agreed):
        back, gave = given_way(G)
        for key, where in back.items():
            if key in claim_at:
                details[claim_at[key]]["takenBack"] = where
        for ident, where in gave.items():
            if ident in dispute_at:
                details[dispute_at[ident]]["givesWay"] = where
    # a relation its speaker took back (said the opposite later, or gave way), as compare says it
    # (no one agreed with one who had disputed them: no dispute given way on, none read again)
    for ident, where in relations_taken_back(G, [(*ident, d) for ident, (d, _) in stated.items()], gave).items():
        details[stated[ident][1]]["takenBack"] = where
    kinds = _in_order(kinds, EDGE_STYLES, cols["kind"])
    counts = Counter(cols["kind"])
    drafted = Counter(k for k, dr in zip(cols["kind"], cols["draft"]) if dr)
    legend = []
    for k, i in kinds.items():
        base = k.removesuffix(" (denied)")
        legend.append({"kind": k, "count": counts[i], "drafted": drafted[i], "denied": base != k,
                       "base": base, "structural": base in STRUCTURAL_EDGES, "hidden": base in CONTEXT_RELATIONS,
                       **edge_style(base, negated=base != k)})
    return cols, legend, details


def _hashable(x: Any) -> Any:
    try:
        hash(x)
    except TypeError:
        return repr(x)
    return x


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def js_span(text: str, span: tuple[int, int] | list[int]) -> list[int]:
    """A span of ``text`` (in characters, as Python counts them) as JavaScript counts
    them (UTF-16 code units), for the page, which slices the text in the browser: an
    emoji before the quote counts two there.

    >>> js_span("🙂 Soup is good.", (2, 6))
    [3, 7]
    """
    s, e = span
    if not _ASTRAL.search(text, 0, e):
        return [s, e]
    before = len(_ASTRAL.findall(text, 0, s))
    return [s + before, e + before + len(_ASTRAL.findall(text, s, e))]


def _evidence(key: Any, d: dict[str, Any], data: dict[Any, Any], index: dict[Any, int]) -> dict[str, Any]:
    """An edge's fields as display text, with its speaker's and term's labels, and the
    index of the message (and the span) its quote is in."""
    detail = _details(d, ("kind", "message", "span", "speaker_name", "concerns_labels"), key=key)  # "speaker" shows the name
    for field in ("speaker", "term"):
        ref = _hashable(d.get(field))
        if ref in data:
            detail[field] = _text(data[ref].get("label", ref))
            if field == "term":
                detail["termNode"] = index[ref]
    message, span = _hashable(d.get("message")), d.get("span")
    if message in index and isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span):
        detail["message"] = index[message]
        detail["span"] = js_span(str(data[message].get("text", "")), span)
    return detail


def _thread(G: Graph, index: dict[Any, int], details: list[dict[str, Any]], context: set[int]) -> list[dict[str, Any]]:
    """The messages in order; each with the spans its quotes take, and for each span the
    evidence (``edgeDetails`` indexes) it supports. Drafted mentions and co-occurrences
    mark nothing: they would mark every sentence that names a term."""
    marks: dict[int, dict[tuple[int, int], list[int]]] = defaultdict(dict)
    for i, d in enumerate(details):
        if "message" in d and i not in context:
            marks[d["message"]].setdefault(tuple(d["span"]), []).append(i)
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != MESSAGE:
            continue
        i = index[n]
        reply = _hashable(d.get("reply_to"))
        out.append({"node": i, "by": _text(G.nodes[d["by"]].get("label", d["by"])) if _hashable(d.get("by")) in G
                    else _text(d.get("by", "")), "where": _text(d.get("where", "")),
                    "replyTo": index.get(reply), "date": _text(d.get("date", "")), "url": web_address(d.get("url")),
                    "edited": _text(d.get("edited", "")) if isinstance(d.get("edited"), str) else "",
                    "quotes": [q for q in _text(d.get("quotes")) or [] if isinstance(q, str)]
                    if isinstance(d.get("quotes"), list) else [],
                    "quotedAt": _offsets(d.get("quoted_at"), d.get("quotes")),
                    "marks": [[s, e, ev] for (s, e), ev in sorted(marks.get(i, {}).items())]})
    return out


def _offsets(at: Any, quotes: Any) -> list[int]:
    """A message's ``quoted_at`` as the page reads it: one offset (a whole number, 0 or
    more) for each of its quotes, else none.

    >>> _offsets([3, 9], ["a", "b"]), _offsets([3], ["a", "b"]), _offsets(["3"], ["a"])
    ([3, 9], [], [])
    """
    if isinstance(at, list) and isinstance(quotes, list) and len(at) == len(quotes) \
            and all(type(x) is int and x >= 0 for x in at):
        return list(at)
    return []


_WEB = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f]+\Z", re.I)


def web_address(value: Any) -> str:
    """``value`` when it is a web address the page may link to, else "": never a
    ``javascript:`` or ``data:`` address, which would run when clicked.

    >>> web_address("https://example.org/t/1#comment-2"), web_address("javascript:alert(1)")
    ('https://example.org/t/1#comment-2', '')
    """
    return value if isinstance(value, str) and _WEB.match(value) else ""


def _partners(G: Graph, index: dict[Any, int]) -> list[int]:
    """For each term, the term it is most often contrasted with (opposed attributes
    asserted of the two, and contrasts stated between them), else the one it is most
    often named or related with: what "Compare with" proposes (not the first in
    alphabetical order, which says nothing of the thread)."""
    succ, pred, data = adjacency(G)
    has: dict[Any, set[Any]] = defaultdict(set)  # attribute -> terms asserted to have it
    for t, k in G.nodes(data="kind"):
        if k == TERM:
            for a, keyed in succ[t].items():
                if any(d.get("kind") == CLAIM and not d.get("negated") for d in keyed.values()):
                    has[a].add(t)
    score: dict[Any, Counter[Any]] = defaultdict(Counter)
    near: dict[Any, Counter[Any]] = defaultdict(Counter)  # named in one sentence, or related otherwise
    terms = {n for n, k in G.nodes(data="kind") if k == TERM}
    for u, v, _, d in edge_items(G):
        kind = d.get("kind")
        if u != v and u in terms and v in terms and kind != CONTRASTS_WITH:
            count = d.get("count", 1) if kind == CO_OCCURS else 1
            weight = count if isinstance(count, int) else 1
            near[u][v] += weight
            near[v][u] += weight
        if kind == OPPOSES:
            for a in has.get(u, ()):
                for b in has.get(v, ()):
                    if a != b:
                        score[a][b] += 1
                        score[b][a] += 1
        elif kind == CONTRASTS_WITH and u != v:
            score[u][v] += 1
            score[v][u] += 1
    order = {n: i for i, n in enumerate(G.nodes)}

    def best(counts: Counter[Any] | None) -> Any:  # the most counted, the first drawn of a tie
        return min(counts, key=lambda m: (-counts[m], order[m])) if counts else None

    out = []
    for n in G.nodes:
        partner = best(score.get(n))
        partner = best(near.get(n)) if partner is None else partner
        out.append(index[partner] if partner is not None else -1)
    return out


@cache
def _casefold_table() -> dict[str, str]:
    """The characters whose case folding is not their lower case (``ß`` -> ``ss``), so
    that the page folds what is typed exactly as :func:`conceptgraph.names.normalise`."""
    # Every such character is in the Basic Multilingual Plane (the last is U+FB17), and a
    # test checks that this stays true of the Python that runs it.
    return {c: c.casefold() for c in map(chr, range(0x10000))
            if not 0xD800 <= ord(c) <= 0xDFFF and c.casefold() != c.lower()}


@cache
def _combining_marks() -> list[list[int]]:
    """The code point ranges of the marks :func:`conceptgraph.names.unmarked` takes off, so
    that the page takes the same ones off what is typed."""
    # Every such mark is below U+20000 (the last is U+1E94A), and a test checks that this
    # stays true of the Python that runs it.
    ranges: list[list[int]] = []
    for c in range(0x20000):
        if unicodedata.combining(chr(c)):
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return ranges


#: The version of :func:`_label_boxes`' reckoning, for the layout cache.
_BOXES = 7  # 3: room around a dot; 4: each character its own width; 5: a long word's own width; 6: lines wrap sooner;
# 7: a first drawing settled (_SETTLE)
#: How many times a first drawing is drawn again over itself, at most, to settle its labels
_SETTLE = 12


# The width of each printable ASCII character in ems, in Arial's metrics (those of the
# Liberation Sans that browsers draw "arial" with where Arial is missing): "Hemanth HM"
# is a quarter wider than ten average characters, and its box had been drawn over a neighbour.
_EM = dict(zip(map(chr, range(32, 127)), (
    .278, .278, .355, .556, .556, .889, .667, .191, .333, .333, .389, .584, .278, .333, .278, .278,
    *[.556] * 10, .278, .278, .584, .584, .584, .556, 1.015,
    .667, .667, .722, .722, .667, .611, .778, .722, .278, .5, .667, .556, .833, .722, .778, .667, .778, .722,
    .667, .611, .722, .667, .944, .667, .667, .611, .278, .278, .278, .469, .556, .333,
    .556, .556, .5, .556, .556, .278, .556, .556, .222, .222, .5, .222, .833, .556, .556, .556, .556, .333,
    .5, .278, .556, .5, .722, .5, .5, .5, .334, .26, .334, .584)))


def _em_width(text: str) -> float:
    """The width of ``text`` in ems: ASCII by Arial's metrics, a wide (East Asian)
    character one em, any other as a digit.

    >>> round(_em_width("Hemanth HM"), 2), round(_em_width("cooperation"), 2)
    (5.89, 5.23)
    """
    return sum(_EM.get(c) or (1.0 if unicodedata.east_asian_width(c) in "WF" else .556) for c in text)


def _corner(kind: str) -> int:
    """The radius of a box's rounded corners (an attribute's rounder), which vis-network
    counts in its size."""
    return 12 if kind == ATTRIBUTE else 6


def _font_sizes(G: Graph, degree: dict[Any, int]) -> dict[Any, float]:
    """Each node's label font on the canvas, as vis-network scales it: from the least to
    the best connected node, between the two sizes of ``LABEL_FONT``."""
    lo, hi = min(degree.values(), default=0), max(degree.values(), default=0)
    small, large = LABEL_FONT
    return {n: small + (large - small) * ((degree[n] - lo) / (hi - lo) if hi > lo else 0) for n in G}


def _wrapped(label: str, size: float) -> tuple[float, int]:
    """The width at which ``label`` wraps at font ``size`` (about ``LABEL_CHARS``
    characters, and never inside a word), and the number of lines it then takes.

    A word longer than that sets the width, measured letter by letter: a name in capitals
    ("PWM_POLARITY_INVERTED") is far wider than as many average characters, and
    vis-network would cut it in two (with room for the bold a selected label takes).

    >>> _wrapped("can happen without intent", 18)[1], _wrapped("PWM_POLARITY_INVERTED", 18)[1]
    (2, 1)
    >>> _wrapped("PWM_POLARITY_INVERTED", 18)[0] > 18 * _em_width("PWM_POLARITY_INVERTED") * 1.1
    True
    """
    space = _em_width(" ")
    widths = [1.1 * _em_width(w) for w in label.split()]
    per_line = max([0.56 * LABEL_CHARS, *(w + 2 * space for w in widths)])  # in ems
    lines, current = 1, 0.0
    for width in widths:
        # (a little short of the width: a browser's words run a little wider than these
        # metrics, and a line too few hides a label's last line under its neighbour)
        if current and current + space + width > 0.95 * per_line:
            lines, current = lines + 1, width
        else:
            current += width + (space if current else 0)
    return size * per_line, lines


def _label_boxes(G: Graph, degree: dict[Any, int]) -> dict[Any, tuple[float, float]]:
    """Half width and height of each node's label on the canvas, as vis-network will
    draw it, with the font of :func:`_font_sizes` and the wrapping of :func:`_wrapped`
    (see ``explorer.js``)."""
    fonts = _font_sizes(G, degree)
    lo, hi = min(degree.values(), default=0), max(degree.values(), default=0)
    boxes = {}
    for n, d in G.nodes(data=True):
        size = fonts[n]
        label = drawn(str(d.get("label", n)))
        wrap, lines = _wrapped(label, size)
        text = min(wrap, size * _em_width(label)) / 2  # half the width of the text
        kind = str(d.get("kind"))
        shape = NODE_STYLES.get(kind, NODE_STYLES["other"])["shape"]
        if shape == "box":  # vis-network's margin of 5 around the text, and the rounded corners
            boxes[n] = (text + 5 + _corner(kind), 0.5 * lines * size + 5 + _corner(kind))
        else:  # a dot with its label under it: the box reaches down to cover both
            # (the dot's radius as vis-network scales it by degree, DOT_SIZE; its label
            # starts a few pixels under it)
            small, large = DOT_SIZE
            radius = small + (large - small) * ((degree[n] - lo) / (hi - lo) if hi > lo else 0.5)
            # (and room around the dot, so that the arrow between two people, a stance, shows
            # between them: dots that touch hide it, and seem to pass it on to a third)
            room = max(6.0, 0.8 * radius)
            boxes[n] = (max(text, radius + room), radius + 4 + 1.15 * lines * size + room / 2)
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


def _text(value: Any) -> Any:
    """Any attribute value as display text (a list of texts for a list); None, NaN and
    false become "", which the page leaves out."""
    if value is None or value is False or (isinstance(value, float) and value != value):
        return ""
    if value is True:
        return "yes"
    if isinstance(value, (list, tuple, set)):
        return [t for t in (_text(v) for v in value) if isinstance(t, str) and t]
    return str(value)
