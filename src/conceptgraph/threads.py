"""The threads of a dataset that holds several (``conceptgraph import A B``), and the
graph of one of them.

Import names each message of such a dataset by its thread's title, then its place
("“Provider is not a pattern” › comment 2"); that is how a claim, a stance or a message
is known to belong to a thread. :func:`one_thread` keeps what was said in one of them,
so that two communities' words can be compared side by side (``--thread`` on every
command that reads a graph, and on ``review``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .errors import UsageError, excerpt
from .graph import Graph, edge_items
from .kinds import CONTRIBUTOR, MESSAGE, REPLIES_TO, WROTE
from .names import LEFT_OUT_DRAFTS, LEFT_OUT_THREADS, normalise
from .places import thread_of

__all__ = ["thread_of", "uncut", "threads", "pick", "whole_titles", "one_thread"]



def uncut(title: str) -> str:
    """A title as a place gives it, shortened, without the word it was cut in.

    >>> uncut("What is the difference between a maintainer and a com…"), uncut("Owners")
    ('What is the difference between a maintainer and a', 'Owners')
    """
    return _CUT.sub("", title)


# the word a shortened title was cut in, with its ellipsis
_CUT = re.compile(r"\s*\S*…$")


def threads(G: Graph) -> list[str]:
    """The titles of the threads ``G`` holds, in the order of their messages; none for a
    graph of one thread.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("m1", kind="message", where="“Ask HN: Tabs?” › comment 1")
    >>> G.add_node("m2", kind="message", where="“Tabs vs spaces” › post")
    >>> threads(G)
    ['Ask HN: Tabs?', 'Tabs vs spaces']
    """
    seen: dict[str, None] = {}
    for _, d in G.nodes(data=True):
        if d.get("kind") == MESSAGE and (title := thread_of(str(d.get("where", "")))):
            seen.setdefault(title, None)
    for *_, d in edge_items(G):  # a curated dataset may give places without its messages
        if (title := thread_of(str(d.get("where", "")))):
            seen.setdefault(title, None)
    return list(seen)


def _pick(G: Graph, name: str) -> str:
    """The title of the one thread of ``G`` that ``name`` names (see :func:`pick`)."""
    return pick(threads(G), name, lambda url: _addressed(G, url), _whole_titles(G))


def _whole_titles(G: Graph) -> dict[str, str]:
    """:func:`whole_titles` of the messages of ``G``."""
    return whole_titles((str(d.get("where", "")), str(d.get("title") or ""))
                        for _, d in G.nodes(data=True) if d.get("kind") == MESSAGE)


def whole_titles(messages: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each shortened thread title ("… r…"), and the whole title that the first of its
    messages to have one holds; ``messages``: (place, title) of each.

    >>> whole_titles([("“Theory vs…” › post", "Theory vs hypothesis"), ("“Theory vs…” › comment 1", "")])
    {'Theory vs…': 'Theory vs hypothesis'}
    """
    out: dict[str, str] = {}
    for where, title in messages:
        if title and (cut := thread_of(where)).endswith("…"):
            out.setdefault(cut, title)
    return out


def pick(titles: Sequence[str], name: str, addressed: Callable[[str], list[str]] = lambda url: [],
         whole: Mapping[str, str] | None = None) -> str:
    """The one of ``titles`` that ``name`` names, as a user types it, case and punctuation
    aside: a title whole or its start (places give it shortened: "…"), or a part only it
    has, in the title as places give it or, through ``whole``, as its thread's messages
    hold it uncut; or, through ``addressed``, the address of one of its messages. Raises
    :class:`UsageError` for a name that fits none, or several.

    >>> pick(["Weather vs climate", "Theory vs hypothesis"], "theory")
    'Theory vs hypothesis'
    >>> pick(["Weather vs…", "Theory vs…"], "hypothesis", whole={"Theory vs…": "Theory vs hypothesis"})
    'Theory vs…'
    """
    whole = whole or {}
    if not titles:
        raise UsageError(f"--thread '{excerpt(name, 40)}': this dataset holds one thread "
                         "(`conceptgraph import A B -o FOLDER` puts several in one)")
    key = normalise(name)

    hits = [t for t in titles if normalise(t) == key] or [t for t in titles if normalise(t).startswith(key)] \
        or [t for t in titles if t.endswith("…") and normalise(uncut(t)) and key.startswith(normalise(uncut(t)))] \
        or [t for t in titles if key and key in normalise(t)] \
        or [t for t in titles if key and key in normalise(whole.get(t, ""))] \
        or (addressed(url) if (url := name.strip().rstrip("/")).startswith(("https://", "http://")) else [])
    if len(hits) != 1:
        listed = ", ".join(f"“{t}”" for t in (hits or titles)[:6])
        more = f" and {len(hits or titles) - 6} more" if len(hits or titles) > 6 else ""
        raise UsageError(f"--thread '{excerpt(name, 80)}' names {len(hits)} threads: give more of the title; they are "
                         f"{listed}{more}" if hits else
                         f"--thread '{excerpt(name, 80)}' names no thread here; the threads are {listed}{more}")
    return hits[0]


def _addressed(G: Graph, url: str) -> list[str]:
    """The threads one of whose messages is at ``url`` (a thread's address is its first
    message's)."""
    return list(dict.fromkeys(t for _, d in G.nodes(data=True) if d.get("kind") == MESSAGE
                              and str(d.get("url", "")).rstrip("/") == url and (t := thread_of(str(d.get("where", ""))))))


def one_thread(G: Graph, name: str) -> Graph:
    """A copy of ``G`` with what was said in one of its threads: that thread's messages,
    the claims and relations stated in them, the people who wrote them, and the terms
    and attributes they name. ``name`` is the thread's title or its start, in any case.
    Places lose the title they no longer need ("comment 2"), and the graph is titled by
    the thread. A link of context (terms named together) is kept where its first place
    is in the thread (its count is the whole dataset's). A relation that gives no place
    (a curator's) is kept between what is left. Raises :class:`UsageError` for a
    name that fits no thread, or several.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(title="A / B")
    >>> for m, t in (("m1", "A"), ("m2", "B")):
    ...     G.add_node(m, kind="message", where=f"“{t}” › post", label=f"“{t}” › post")
    ...     G.add_node(f"p{m}", kind="contributor", where=[f"“{t}” › post"])
    ...     _ = G.add_edge(f"p{m}", m, key=m, kind="wrote")
    ...     _ = G.add_edge(f"t{m}", f"a{m}", key=f"c{m}", kind="claim", where=f"“{t}” › post")
    >>> H = one_thread(G, "b")
    >>> sorted(H.nodes), H.graph["title"], H.nodes["m2"]["where"]
    (['am2', 'm2', 'pm2', 'tm2'], 'B', 'post')
    """
    title = _pick(G, name)
    prefix = f"“{title}” › "

    def here(where: Any) -> bool:
        return isinstance(where, str) and where.startswith(prefix)

    H = G.copy()
    H.graph["title"] = title
    H.remove_nodes_from([n for n, d in G.nodes(data=True) if d.get("kind") == MESSAGE and not here(d.get("where"))])
    H.remove_edges_from([(u, v, k) for u, v, k, d in edge_items(H)
                         if d.get("kind") not in (WROTE, REPLIES_TO) and d.get("where") and not here(d["where"])])
    # what only the other threads spoke of: whoever wrote none of this one's messages, and the
    # terms and attributes no claim or relation of this one names
    H.remove_nodes_from(gone := [n for n in list(H) if H.degree(n) == 0 and G.degree(n) > 0])
    # so that a name of one of them is told apart from a name of nothing
    LEFT_OUT_THREADS[H] = (title, {n: str(G.nodes[n].get("label", n)) for n in gone})
    if G in LEFT_OUT_DRAFTS:
        LEFT_OUT_DRAFTS[H] = LEFT_OUT_DRAFTS[G]
    cut = len(prefix)
    for _, d in H.nodes(data=True):
        if here(d.get("where")):
            d["where"] = d["where"][cut:]
            if here(d.get("label")):
                d["label"] = d["label"][cut:]
        elif d.get("kind") == CONTRIBUTOR and isinstance(d.get("where"), list):
            d["where"] = [w[cut:] for w in d["where"] if here(w)]
    for *_, d in edge_items(H):
        if here(d.get("where")):
            d["where"] = d["where"][cut:]
        if d.get("places"):
            d["places"] = [p[cut:] for p in d["places"] if here(p)]
    return H
