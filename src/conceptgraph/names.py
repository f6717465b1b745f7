"""Find nodes by what people type: an id, a label, an alias or another inflection.

Matching ignores case, accents of compatibility forms and punctuation inside words
("co-operate" finds ``cooperation`` through its alias "cooperate"), then falls back to
a light stemmer ("cooperators" finds it too). Search matches whole words or their
beginnings, never across the space between two words ("ken" does not find "Luke
Naismith"). A person is also named by a first name, last name or initials that no one
else has ("Jim", "Benson", "JB"), and a login by its parts ("mira" of "mira-k"). A name
typed without its accents ("Jurgen") names one written with them when nothing else
does; search lists both ("resume" finds "résumé" and "resume builder"). Every command
that takes a node name resolves it here, and the page uses the same keys (computed
here) for its search box.

>>> from conceptgraph import load_graph
>>> G = load_graph()
>>> resolve(G, "Co-Operate"), resolve(G, "Jim")
('cooperation', 'jim-benson')
>>> [hit["id"] for hit in search(G, "collab")][:2]
['collaboration', 'collaborative-technology']
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import AmbiguousName, NodeNotFound, excerpt
from .kinds import CONTRIBUTOR, MESSAGE, TERM

if TYPE_CHECKING:
    from .answers import Hit
    from .graph import Graph

__all__ = ["normalise", "fold", "words", "stem", "resolve", "search", "node_names", "name_keys", "word_parts",
           "mention_spans", "mentions_of", "suggest", "person_keys", "initialled", "unmarked", "base_form"]

_NON_WORD = re.compile(r"[\W_]+")
# A word as people write it: letters and digits, with hyphens or apostrophes inside.
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_PART = re.compile(r"[^\W_]+")
_SUFFIXES = sorted(
    "atively atives ations ation ating ative ators ator ates ated ate ions ion ings ing ers er ed es s ives ive ively".split(),
    key=len,
    reverse=True,
)


def normalise(text: str) -> str:
    """Compatibility-normalise, casefold (``ß`` is ``ss``) and drop everything but
    letters and digits.

    >>> normalise("Co-Operation!"), normalise("Straße")
    ('cooperation', 'strasse')
    """
    text = str(text)
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold is lower: the common case, fast
        return text.lower() if text.isalnum() else _NON_WORD.sub("", text.lower())
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def fold(text: str) -> str:
    """:func:`normalise` with accents dropped: "Jurgen" is typed for "Jürgen", "I agree
    with Siobhan" names Siobhán.

    >>> fold("Siobhán"), fold("Ångström")
    ('siobhan', 'angstrom')
    """
    return normalise(unmarked(text))


#: Letters people write without their stroke or as two letters when they have no
#: accent to leave off ("Lukasz" for Łukasz, "Thorsdottir" for Þórsdóttir)
LETTERS = {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th",
           "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ħ": "H", "ħ": "h", "ı": "i", "Ŧ": "T", "ŧ": "t", "ß": "ss",
           "Ŋ": "N", "ŋ": "n", "ĸ": "k"}
_LETTERS = str.maketrans(LETTERS)


def unmarked(text: str) -> str:
    """``text`` with its accents (combining marks) taken off, as :func:`fold` takes them,
    and the letters of :data:`LETTERS` as people write them without.

    >>> unmarked("Jürgen Müller"), unmarked("Łukasz Þórsdóttir")
    ('Jurgen Muller', 'Lukasz Thorsdottir')
    """
    text = str(text)
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).translate(_LETTERS)


def words(text: str) -> list[str]:
    """The normalised words of ``text``; hyphens and apostrophes join, spaces split.

    >>> words("Luke Naismith's co-operation")
    ['luke', 'naismiths', 'cooperation']
    """
    return [w for w in (normalise(m.group()) for m in _WORD.finditer(str(text))) if w]


def stem(word: str) -> str:
    """Strip one common English suffix, keeping at least four letters.

    >>> stem("cooperators"), stem("cooperative"), stem("cooperation")
    ('cooper', 'cooper', 'cooper')
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def node_names(G: Graph, node: Any) -> Iterator[str]:
    """The names a node answers to: its id, its label, its aliases."""
    data = G.nodes[node]
    yield str(node)
    if data.get("label"):
        yield str(data["label"])
    aliases = data.get("aliases")
    if isinstance(aliases, (list, tuple)):
        for alias in aliases:
            yield str(alias)


def name_keys(name: str) -> tuple[str, list[str]]:
    """``(whole key, word keys)`` of a name, as search compares them."""
    return normalise(name), words(name)


def word_parts(name: str) -> list[str]:
    """The pieces of a name between any two non-letters: a search inside a word looks
    within one of them, so "ken" is not found across "luke-naismith".

    >>> word_parts("luke-naismith co-operation")
    ['luke', 'naismith', 'co', 'operation']
    """
    return [w for w in (normalise(p) for p in _PART.findall(str(name))) if w]


def person_keys(name: str) -> set[str]:
    """What a person's name is shortened to: first name, last name and initials
    (normalised), for a name of two words or more, the first name with the last's
    initial and the reverse ("Alex K.", "A. Kim"), words that follow one another in a
    longer one ("Mary Alice"), and the parts of three letters or
    more of a hyphenated first or last name ("Shu" of "Shu-yu Guo", "Kleine" of "Uwe
    Kleine-König"); for a login, its parts of three letters or more ("mira" of "mira-k",
    "okafor" of "M_Okafor_PhD").

    >>> sorted(person_keys("Mary Alice Arthur")), sorted(person_keys("mira-k"))
    (['alicearthur', 'arthur', 'maa', 'marthur', 'mary', 'marya', 'maryalice'], ['mira'])
    >>> sorted(person_keys("Shu-yu Guo"))
    ['guo', 'sg', 'sguo', 'shu', 'shuyu', 'shuyug']

    A nickname the name holds in double quotes is one too: "TJ" of 'Tom "TJ" O'Reilly'.

    >>> sorted(person_keys('Tom "TJ" Reilly'))
    ['reilly', 'tj', 'tjreilly', 'tom', 'tomr', 'tomtj', 'treilly', 'ttr']

    A name written twice, the second in brackets, is shortened as each of the two:

    >>> sorted(person_keys("李伟 (Li Wei)"))
    ['li', 'liw', 'liwei', 'lw', 'lwei', 'wei', '李lw', '李伟', '李伟li']
    """
    nicknames = {normalise(n) for n in re.findall(r"[\"“”]([^\"“”]{1,30})[\"“”]", name)} - {""}
    # a name written twice, the second in brackets ("李伟 (Li Wei)"), is shortened as two names
    both = re.fullmatch(r"\s*([^()]+?)\s*\(([^()]+)\)\s*", name)
    twice = {k for part in both.groups() for k in {normalise(part), *_short_forms(part)}} if both else set()
    return nicknames | _short_forms(name) | (twice - {""})


def _short_forms(name: str) -> set[str]:
    parts = words(name)
    if len(parts) < 2 or len(name.split()) == 1:
        # a login ("M_Okafor_PhD", "the_real_nadia"): each of its words, not initials
        pieces = word_parts(name)
        return {p for p in pieces if len(p) >= 3} if len(pieces) > 1 else set()
    raw = name.split()
    hyphened = {p for w in (raw[0], raw[-1]) for p in word_parts(w) if len(p) >= 3} if len(raw) >= 2 else set()
    # and, of a longer name, words that follow one another in it: "María José" of "María
    # José Núñez", "Li Ming" of "李明 (Li Ming)"
    runs = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)
            if j - i < len(parts)} if len(parts) <= 6 else set()
    return {parts[0], parts[-1], "".join(w[0] for w in parts)} | initialled(parts[0], parts[-1]) | hyphened | runs


def initialled(first: str, last: str) -> set[str]:
    """The first name with the last's initial and the reverse, as chat and mail shorten
    Alex Kim when two people are Alex; none in a script without capitals (a Chinese name
    has no initials written so).

    >>> sorted(initialled("alex", "kim")), initialled("李", "伟")
    (['akim', 'alexk'], set())
    """
    if first[:1].upper() == first[:1].lower() or last[:1].upper() == last[:1].lower():
        return set()
    return {first + last[0], first[0] + last}


#: For a graph with its drafts left out (``--curated``), the nodes left out: node -> label.
LEFT_OUT_DRAFTS: weakref.WeakKeyDictionary[Any, dict[Any, str]] = weakref.WeakKeyDictionary()
#: For the graph of one thread of several (``--thread``): its title, and the nodes only the
#: others had: node -> label.
LEFT_OUT_THREADS: weakref.WeakKeyDictionary[Any, tuple[str, dict[Any, str]]] = weakref.WeakKeyDictionary()


def _kind_ok(G: Graph, node: Any, kind: str | None) -> bool:
    k = G.nodes[node].get("kind")
    return bool(k == kind if kind is not None else k != MESSAGE)


def resolve(G: Graph, name: str, kind: str | None = None) -> Any:
    """The node that ``name`` names (optionally only among nodes of ``kind``).

    An id names its node, unless it is the id of no term and a term is called so (a term
    "error" beside an attribute "Error" of id ``error``): then, where any kind will do,
    the name is ambiguous. A message is named by its id, or as ``message:ID``.
    ``KIND:NAME`` ("attribute:error") names a node of that kind only.

    Raises :class:`NodeNotFound` with a did-you-mean, or :class:`AmbiguousName` listing
    the candidates.
    """
    if name in G and _kind_ok(G, name, kind):
        terms = [n for n in _called(G).get(normalise(name), ()) if n != name and n in G
                 and G.nodes[n].get("kind") == TERM] if kind is None and G.nodes[name].get("kind") != TERM else []
        if terms:
            raise _ambiguous(G, name, [name, *terms], "")
        _warn_also_called(G, name, kind)
        return name
    if kind is None and name in G and G.nodes[name].get("kind") == MESSAGE \
            and not any(n != name and n in G for n in _called(G).get(normalise(name), ())):
        # a message's id names its message ("comment-3"), as any id names its node, unless
        # another node is called so; it is never taken for a name like it ("reply 2 to comment 3")
        return name
    prefixed = _KIND_PREFIX.fullmatch(name)
    if prefixed and kind in (None, prefixed.group(1).casefold()):
        try:
            return resolve(G, prefixed.group(2), prefixed.group(1).casefold())
        except NodeNotFound:
            if normalise(name) not in _called(G):
                raise  # else a label of its own ("Term: a note") is looked for as written
    key = normalise(name)
    if not key:
        raise NodeNotFound(f"'{excerpt(name)}' names no node: give a term, attribute or contributor")
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
    found = exact or stemmed or (_people(G, key) if kind in (None, CONTRIBUTOR) else []) or _unaccented(G, name, kind) \
        or _same_lemma(G, key, kind)
    if not found and key == "op" and kind in (None, CONTRIBUTOR):
        # "OP", as forums say, when no one goes by it: whoever opened the thread
        found = [n for n, d in G.nodes(data=True) if d.get("kind") == CONTRIBUTOR and d.get("role") == "author"]
    if len(found) == 1:
        return found[0]
    what = f"{kind} " if kind else ""
    if found:
        raise _ambiguous(G, name, found, what)
    drafted = LEFT_OUT_DRAFTS.get(G, {})
    if any(key in (normalise(str(n)), normalise(label)) for n, label in drafted.items()):
        raise NodeNotFound(f"'{excerpt(name)}' is only drafted, and --curated leaves drafts out: accept it "
                           "(conceptgraph review) or drop --curated")
    title, elsewhere = LEFT_OUT_THREADS.get(G, ("", {}))
    if any(key in (normalise(str(n)), normalise(label)) for n, label in elsewhere.items()):
        raise NodeNotFound(f"'{excerpt(name)}' is not in the thread “{excerpt(title, 40)}”, only in others: drop "
                           "--thread, or give another")
    raise NodeNotFound(f"no {what}node named '{excerpt(name)}'{suggest(G, name, kind)}", name=name, kind=kind)


# "attribute:error": a name of a node of that kind only
_KIND_PREFIX = re.compile(r"(term|attribute|contributor|message)\s*:\s*(.+)", re.I | re.S)


def _ambiguous(G: Graph, name: str, found: list[Any], what: str) -> AmbiguousName:
    """The error for a name of several nodes: each with its kind and id; of several kinds,
    how to name each (``attribute:error``), since an id may be the name itself."""
    listed = ", ".join(_shown(G, n, with_id=True) for n in found[:10])
    more = f" and {len(found) - 10} more" if len(found) > 10 else ""
    how = "give an id"
    if len({G.nodes[n].get("kind") for n in found}) > 1:
        how += ", with its kind if need be: " + ", ".join(f"{G.nodes[n].get('kind')}:{excerpt(n, 40)}" for n in found[:10])
    return AmbiguousName(f"'{excerpt(name)}' names several {what}nodes: {listed}{more}; {how}")


# For each graph: its node count when indexed, and each normalised label or alias -> the
# nodes that bear it (ids aside). Built once, on the first id typed, not at each query.
_CALLED: weakref.WeakKeyDictionary[Any, tuple[int, dict[str, list[Any]]]] = weakref.WeakKeyDictionary()


def _called(G: Graph) -> dict[str, list[Any]]:
    known = _CALLED.get(G)
    if known is None or known[0] != G.number_of_nodes():
        index: dict[str, list[Any]] = {}
        for n in G.nodes:
            for x in set(list(node_names(G, n))[1:]):
                index.setdefault(normalise(x), []).append(n)
        known = _CALLED[G] = (G.number_of_nodes(), index)
    return known[1]


def _warn_also_called(G: Graph, node: Any, kind: str | None) -> None:
    """An id wins over a label, but not silently: "trust" is the id of one term and the
    label of another, so say which was taken and how to name the other."""
    import warnings

    from .errors import ConceptGraphWarning

    # (of the same kind: a term "team" and a drafted attribute "team" ("a guild is a team")
    # are told apart by what a command asks for, and search lists both)
    same = G.nodes[node].get("kind")
    others = [n for n in _called(G).get(normalise(str(node)), ()) if n != node and n in G and _kind_ok(G, n, kind)
              and G.nodes[n].get("kind") == same]
    if others:
        listed = ", ".join(_shown(G, n, with_id=True) for n in others[:5])
        warnings.warn(f"'{excerpt(str(node))}' is the id of {_shown(G, node, with_id=True)}; also called so: {listed} "
                      "(give its id)", ConceptGraphWarning, stacklevel=3)


def _unaccented(G: Graph, name: str, kind: str | None) -> list[Any]:
    """The nodes a name typed without its accents names (by a name, or a person's part
    of one), when nothing answers to it as typed."""
    key = fold(name)
    if not key:
        return []
    out = []
    for node in G.nodes:
        if not _kind_ok(G, node, kind):
            continue
        names = list(node_names(G, node))
        if any(fold(n) == key for n in names) or (G.nodes[node].get("kind") == CONTRIBUTOR and key in {
                fold(p) for p in person_keys(str(G.nodes[node].get("label", node)))}):
            out.append(node)
    return out


def _same_lemma(G: Graph, key: str, kind: str | None) -> list[Any]:
    """The nodes one of whose names has the dictionary form ``key`` has: "bugs" names
    "bug" and "grades" "grade", and "preserve" names "preserves", which :func:`stem`
    leaves apart (too short, or an "e" the suffix took)."""
    base = base_form(key)
    return [node for node in G.nodes if _kind_ok(G, node, kind)
            and any(base_form(normalise(n)) == base for n in node_names(G, node))]


@lru_cache(maxsize=65536)  # drafting asks it of every word of every label
def base_form(word: str) -> str:
    """A noun's or verb's dictionary form ("doors" -> "door", "opens" -> "open"); any
    other word as it is: "bigger" is not "big", nor "worse" "bad".

    >>> base_form("failures"), base_form("bigger")
    ('failure', 'bigger')
    """
    from lemminflect import getAllLemmas

    found = getAllLemmas(word.casefold())
    for pos in ("NOUN", "VERB"):
        if pos in found:
            return str(found[pos][0])
    return word


def _people(G: Graph, key: str) -> list[Any]:
    """The contributors whose first name, last name or initials are ``key``."""
    return [n for n, d in G.nodes(data=True)
            if d.get("kind") == CONTRIBUTOR and key in person_keys(str(d.get("label", n)))]


def _shown(G: Graph, node: Any, with_id: bool = False) -> str:
    """A node as a person reads it: its label in quotes; with its kind and id, when
    asked, for picking one of several."""
    data = G.nodes[node]
    label = f"'{excerpt(data.get('label', node), 40)}'"
    if not with_id:
        return label
    ident = "" if str(data.get("label", node)) == str(node) else f" {excerpt(node, 40)}"
    return f"{label} ({data.get('kind', 'node')}{ident})"


def suggest(G: Graph, name: str, kind: str | None = None) -> str:
    """`` (did you mean 'Jim Benson' or 'x'?)``: nodes, by their labels, with a word
    starting like ``name``, else the closest spellings (of a person's first and last
    names too); or a hint to search."""
    nodes = [h["id"] for h in search(G, name, kind=kind, limit=3) if h["score"] >= 2]
    if not nodes:
        import difflib  # only on the way to an error message

        by_name: dict[str, Any] = {}
        by_part: dict[str, Any] = {}
        for node, data in G.nodes(data=True):
            if _kind_ok(G, node, kind):
                for n in node_names(G, node):
                    # compared with its spaces (an id's hyphens as spaces): run together, "for each
                    # other" ("for-each-other") reads close to "weather"
                    by_name.setdefault(" ".join(words(re.sub(r"[-_]", " ", str(n)))) or normalise(n), node)
                parts = words(str(data.get("label", node))) if data.get("kind") == CONTRIBUTOR else []
                for k in parts[:1] + parts[-1:]:  # a person's first and last names (initials are too short)
                    by_part.setdefault(unmarked(k), node)  # compared without accents: "Zoey" is close to "Zoë"
        # a first or last name is short: only a close spelling of it is a likely slip ("Shwan",
        # not "Xavier" for Carver)
        close = [by_name[c] for c in difflib.get_close_matches(" ".join(words(name)) or normalise(name), list(by_name),
                                                               n=3, cutoff=0.6)]
        close += [by_part[c] for c in difflib.get_close_matches(unmarked(normalise(name)), list(by_part), n=3,
                                                                cutoff=0.75)]
        nodes = list(dict.fromkeys(close))[:3]
    labels = [str(G.nodes[n].get("label", n)) for n in nodes]
    meant = " or ".join(_shown(G, n, with_id=labels.count(label) > 1) for n, label in zip(nodes, labels))
    if kind in (None, TERM) and not any(k == TERM for _, k in G.nodes(data="kind")):
        # an imported discussion, not drafted yet: search would find nothing either (or
        # drafted, but from messages the rules cannot read: they read English); said before
        # any person the name is spelled like ("consensus", "consent_curious")
        return ("; the data has no terms yet: draft them with `conceptgraph draft DATA` (it reads English; "
                f"`--terms A,B` names them){f'; or did you mean {meant}?' if nodes else ''}")
    if not nodes:
        return "; try `conceptgraph search`"
    return f" (did you mean {meant}?)"


def _score(key: str, key_words: list[str], name: str) -> int:
    """3: the name itself; 2: the text starts a word of the name (or a run of its words);
    1: the text is inside one piece of a word of the name (see :func:`word_parts`); 0: no
    match."""
    whole, name_words = name_keys(name)
    if key == whole:
        return 3
    n = len(key_words)
    if n == 0:
        return 0
    for i in range(len(name_words) - n + 1):
        run = name_words[i:i + n]
        if run[:-1] == key_words[:-1] and run[-1].startswith(key_words[-1]):
            return 2
    if n == 1 and any(key_words[0] in w for w in word_parts(name)):
        return 1
    if whole.startswith(key):  # "co-op" against "cooperation": one word written in pieces
        return 2
    return 0


def search(G: Graph, text: str, kind: str | None = None, limit: int | None = None) -> list[Hit]:
    """Nodes whose id, label or alias matches ``text``, best matches first.

    Each hit is ``{"id", "label", "kind", "matched", "score"}``; ``score`` is 3 for an
    exact name, 2 for a word that starts with the text (a name that starts with it
    first), 1 for a word that contains it. Names are also compared with the text without
    accents, so that "resume" finds "résumé" as well as "resume builder".

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("cafe-au-lait", label="Café au lait", kind="term")
    >>> [(h["id"], h["score"]) for h in search(G, "cafe")]
    [('cafe-au-lait', 2)]
    """
    key, key_words = name_keys(text)
    bare = unmarked(text)
    bare_key, bare_words = name_keys(bare)
    if not key and not bare_key:
        return []
    hits = []
    for order, node in enumerate(G.nodes):
        if not _kind_ok(G, node, kind):
            continue
        best, matched, starts = 0, "", False
        label = str(G.nodes[node].get("label", node))
        for n in sorted(node_names(G, node), key=lambda n: n != label):  # the label first: shown as matched on a tie
            score = _score(key, key_words, n) if key else 0
            plain = unmarked(n)
            if (plain != n or bare != text) and bare_key and score < 3:
                score = max(score, _score(bare_key, bare_words, plain))
            if score > best:
                best, matched = score, n
                starts = name_keys(n)[0].startswith(key) or name_keys(plain)[0].startswith(bare_key)
        if best:
            data = G.nodes[node]
            hit: Hit = {"id": node, "label": str(data.get("label", node)), "kind": str(data.get("kind", "node")),
                        "matched": matched, "score": best}
            # of the names a word of which starts so, first those that start so themselves
            # ("climat": "climate" before "global climate")
            hits.append((-best, not starts, order, hit))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits[:limit]]


def mention_spans(G: Graph, node: Any, text: str) -> list[tuple[int, int]]:
    """Where ``text`` names ``node`` (by id, label, alias or an inflection of one):
    ``(start, end)`` character offsets of each mention, in order.

    >>> from conceptgraph import load_graph
    >>> mention_spans(load_graph(), "cooperation", "We co-operate; cooperatives cooperate.")
    [(3, 13), (15, 27), (28, 37)]
    >>> mention_spans(load_graph(), "cooperation", "Cooperative technology helps cooperation.")
    [(29, 40)]
    """
    return mentions_of(G, node)(text)


def mentions_of(G: Graph, node: Any) -> Callable[[str], list[tuple[int, int]]]:
    """:func:`mention_spans` for ``node``, its names read once: for many texts (a
    thread's messages)."""
    names = [words(n) for n in node_names(G, node)]
    names = [n for n in names if n]
    exact = {tuple(n) for n in names}
    stems = {tuple(stem(w) for w in n) for n in names}
    longest = max((len(n) for n in names), default=0)
    # the longer names of other nodes of its kind: "cooperative technology" names another term,
    # and its "cooperative" is no mention of cooperation
    kind = G.nodes[node].get("kind")
    others = {tuple(w) for n, k in G.nodes(data="kind") if k == kind and n != node
              for w in map(words, node_names(G, n)) if len(w) > 1} - exact
    widest = max(map(len, others), default=0)

    def spans_in(text: str) -> list[tuple[int, int]]:
        found = [(m.start(), m.end(), normalise(m.group())) for m in _WORD.finditer(text)]
        spans = []
        i = 0
        while i < len(found):
            other = next((size for size in range(min(widest, len(found) - i), 1, -1)
                          if tuple(w for _, _, w in found[i:i + size]) in others), 0)
            if other > 1:
                i += other
                continue
            for size in range(min(longest, len(found) - i), 0, -1):
                run = tuple(w for _, _, w in found[i:i + size])
                if run in exact or tuple(stem(w) for w in run) in stems:
                    spans.append((found[i][0], found[i + size - 1][1]))
                    i += size
                    break
            else:
                i += 1
        return spans

    return spans_in
