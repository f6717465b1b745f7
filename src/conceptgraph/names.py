"""Find nodes by what people type: an id, a label, an alias or another inflection.

Matching ignores case, spaces and punctuation ("co-operate" finds ``cooperation``
through its alias "cooperate"), then falls back to a light stemmer ("cooperators"
finds it too). Every command that takes a node name resolves it here.

>>> from conceptgraph import load_graph
>>> G = load_graph()
>>> resolve(G, "Co-Operate")
'cooperation'
>>> [hit["id"] for hit in search(G, "collab")][:2]
['collaboration', 'wartime-collaboration']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import networkx as nx

from .errors import AmbiguousName, NodeNotFound

__all__ = ["normalise", "stem", "resolve", "search", "node_names"]

_NON_WORD = re.compile(r"[\W_]+")
_SUFFIXES = sorted(
    "atively ations ation ating ative ators ator ates ated ate ions ion ings ing ers er ed es s ive ively".split(),
    key=len,
    reverse=True,
)


def normalise(text: str) -> str:
    """Casefold and drop everything but letters and digits.

    >>> normalise("Co-Operation!")
    'cooperation'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub("", text)


def stem(word: str) -> str:
    """Strip one common English suffix, keeping at least four letters.

    >>> stem("cooperators"), stem("cooperative"), stem("cooperation")
    ('cooper', 'cooper', 'cooper')
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def node_names(G: nx.MultiDiGraph, node: Any) -> Iterator[str]:
    """The names a node answers to: its id, its label, its aliases."""
    data = G.nodes[node]
    yield str(node)
    if data.get("label"):
        yield str(data["label"])
    for alias in data.get("aliases") or ():
        yield str(alias)


def _kind_ok(G: nx.MultiDiGraph, node: Any, kind: str | None) -> bool:
    return kind is None or G.nodes[node].get("kind") == kind


def resolve(G: nx.MultiDiGraph, name: str, kind: str | None = None) -> Any:
    """The node that ``name`` names (optionally only among nodes of ``kind``).

    Raises :class:`NodeNotFound` with a did-you-mean, or :class:`AmbiguousName` listing
    the candidates.
    """
    if name in G and _kind_ok(G, name, kind):
        return name
    key = normalise(name)
    if not key:
        raise NodeNotFound(f"'{name}' names no node: give a term, attribute or contributor")
    exact: list[Any] = []
    stemmed: list[Any] = []
    key_stem = stem(key)
    for node in G.nodes:
        if not _kind_ok(G, node, kind):
            continue
        names = [normalise(n) for n in node_names(G, node)]
        if key in names:
            exact.append(node)
        elif any(stem(n) == key_stem for n in names):
            stemmed.append(node)
    found = exact or stemmed
    if len(found) == 1:
        return found[0]
    what = f"{kind} " if kind else ""
    if found:
        listed = ", ".join(f"{n} ({G.nodes[n].get('kind', 'node')})" for n in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        raise AmbiguousName(f"'{name}' names several {what}nodes: {listed}{more}; give an id")
    raise NodeNotFound(f"no {what}node named '{name}'{_suggest(G, key, kind)}")


def _suggest(G: nx.MultiDiGraph, key: str, kind: str | None) -> str:
    by_name: dict[str, Any] = {}
    for node in G.nodes:
        if _kind_ok(G, node, kind):
            for n in node_names(G, node):
                by_name.setdefault(normalise(n), node)
    import difflib  # only on the way to an error message

    close = difflib.get_close_matches(key, list(by_name), n=3, cutoff=0.6)
    nodes = list(dict.fromkeys(by_name[c] for c in close))
    if not nodes:
        return "; try `conceptgraph search`"
    return " (did you mean " + " or ".join(f"'{n}'" for n in nodes) + "?)"


def search(G: nx.MultiDiGraph, text: str, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Nodes whose id, label or alias contains ``text``, best matches first.

    Each hit is ``{"id", "label", "kind", "matched", "score"}``; ``score`` is 3 for an
    exact name, 2 for a name that starts with the text, 1 for one that contains it.
    """
    key = normalise(text)
    if not key:
        return []
    hits = []
    for order, node in enumerate(G.nodes):
        if not _kind_ok(G, node, kind):
            continue
        best, matched = 0, ""
        for n in node_names(G, node):
            k = normalise(n)
            score = 3 if k == key else 2 if k.startswith(key) else 1 if key in k else 0
            if score > best:
                best, matched = score, n
        if best:
            data = G.nodes[node]
            hits.append((-best, order, {"id": node, "label": data.get("label", str(node)),
                                        "kind": data.get("kind", "node"), "matched": matched, "score": best}))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [h[2] for h in hits[:limit]]
