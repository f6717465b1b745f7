"""What every exporter and importer needs: one type per attribute, lists as JSON text,
XML-safe strings, unique readable ids, one builder that turns what a reader found into
a graph (every value as the file typed it, so that an export reads back equal), and
:func:`conform`, which makes a graph one the queries can trust.

>>> b = GraphBuilder("g.json")
>>> b.node("a", {"label": 7}); b.node("b", {}); b.edge("a", "b", None, {"kind": ["x"]})
>>> G = b.build()
>>> G.nodes["a"]["label"], "kind" in G.nodes["b"]
(7, False)
>>> G = conform(G)
>>> G.nodes["a"]["label"], G.nodes["b"]["kind"], next(iter(G.edges(data="kind")))[2]
('7', 'node', '["x"]')
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from ..files import not_utf8
from ..kinds import ASSERTS, CLAIM, CONTRIBUTOR, OTHER_EDGE, OTHER_NODE, RELATION_KINDS, REPLIES_TO, STANCES, WROTE

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = [
    "XML_INVALID",
    "LONE_SURROGATE",
    "apart",
    "together",
    "Column",
    "Readable",
    "needs_exact",
    "columns",
    "encode_json",
    "dumps_json",
    "load_json",
    "load_documents",
    "top_keys",
    "utf8",
    "unique_ids",
    "file_ids",
    "clean_value",
    "decode_value",
    "GraphBuilder",
    "conform",
    "edge_caption",
    "Format",
]

# Characters XML 1.0 cannot carry at all, not even as character references.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Half of a character's UTF-16 pair, alone: what no file can be written with (an emoji cut in
#: two, escaped in JSON; a byte that is no UTF-8, in a command's argument)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_json(value: Any) -> str:
    """JSON text for ``value`` that XML can carry: readable Unicode where possible,
    ``\\uXXXX`` escapes where XML would refuse a character.

    >>> encode_json(["a", "b\\x00"])
    '["a", "b\\\\u0000"]'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, default=str)
    return json.dumps(value, allow_nan=False, default=str) if XML_INVALID.search(text) else text


def _syntax(e: json.JSONDecodeError) -> str:
    """The message of a JSON syntax error, with its column ("Unterminated string starting
    at" says where only so), and whether the text ends before the JSON does.

    >>> _syntax(json.JSONDecodeError("Unterminated string starting at", '{"a', 1))
    'JSON syntax error: Unterminated string starting at column 2 (the file ends inside the JSON: is it cut short?)'
    >>> _syntax(json.JSONDecodeError("Expecting value", '{"a": }', 6))
    'JSON syntax error: Expecting value at column 7'
    """
    cut = e.msg.startswith("Unterminated string") or not e.doc[e.pos:].strip()
    return (f"JSON syntax error: {e.msg}{' ' if e.msg.endswith(' at') else ' at '}column {e.colno}"
            + (" (the file ends inside the JSON: is it cut short?)" if cut else ""))


def load_json(data: bytes, file: str) -> Any:
    """The JSON document in ``data`` (UTF-8, a BOM allowed); any fault is a
    :class:`DatasetError` naming ``file`` (and the line, for a syntax error)."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise DatasetError(not_utf8(e, data), file, data[: e.start].count(b"\n") + 1) from None
    except json.JSONDecodeError as e:
        raise DatasetError(_syntax(e), file, e.lineno) from None
    except RecursionError:
        raise DatasetError("JSON nested too deeply", file) from None
    except ValueError as e:  # e.g. an integer of thousands of digits
        raise DatasetError(f"JSON value refused: {excerpt(e, 80)}", file) from None


def load_documents(data: bytes, file: str) -> list[Any]:
    """The JSON documents in ``data``, one or several one after the other (as ``cat
    a.json b.json`` or ``gh api --paginate`` write them); faults as in :func:`load_json`.

    >>> load_documents(b'[1] [2]\\n{"a": 3}', "x.json")
    [[1], [2], {'a': 3}]
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DatasetError(not_utf8(e, data), file, data[: e.start].count(b"\n") + 1) from None
    decoder = json.JSONDecoder()
    docs: list[Any] = []
    at, end = 0, len(text)
    try:
        while True:
            while at < end and text[at] in " \t\r\n":
                at += 1
            if at == end:
                break
            doc, at = decoder.raw_decode(text, at)
            docs.append(doc)
    except json.JSONDecodeError as e:
        raise DatasetError(_syntax(e), file, e.lineno) from None
    except RecursionError:
        raise DatasetError("JSON nested too deeply", file) from None
    except ValueError as e:
        raise DatasetError(f"JSON value refused: {excerpt(e, 80)}", file) from None
    if not docs:
        raise DatasetError("JSON syntax error: no document", file, 1)
    return docs


def top_keys(head: bytes) -> list[str]:
    """The keys of a JSON object's top level, as far as ``head`` (a file's first bytes)
    goes: what tells one JSON format from another, whatever the values inside hold (a
    term named "elements" is no Cytoscape file).

    >>> top_keys(b'{"directed": true, "nodes": [{"id": "elements"}, {"id": "{["}], "links": [')
    ['directed', 'nodes', 'links']
    >>> top_keys(b'[1, 2]'), top_keys(b'\\xef\\xbb\\xbf {"data": {"title": "x"}, "elem')
    ([], ['data'])
    """
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("{"):
        return []
    keys: list[str] = []
    depth = 0
    last = ""  # a string just read at the top level: a key if a colon follows
    for token in _JSON_TOKEN.findall(text):
        if token == ":" and depth == 1 and last:
            try:
                keys.append(str(json.loads(last)))
            except ValueError:
                keys.append(last[1:-1])
        elif token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
        last = token if token.startswith('"') and depth == 1 else ""
    return keys


# what the top level of JSON is made of: strings (their brackets no brackets), brackets, colons
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


def dumps_json(value: Any, indent: int | None = 1) -> bytes:
    """UTF-8 JSON, readable Unicode kept; a string that UTF-8 cannot carry (a lone
    surrogate) makes the whole text ASCII with ``\\u`` escapes instead of failing.

    >>> dumps_json({"a": "é\\ud800"}, None)
    b'{"a": "\\\\u00e9\\\\ud800"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, default=str, indent=indent)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, allow_nan=False, default=str, indent=indent).encode("ascii")


def utf8(text: str) -> bytes:
    """``text`` as UTF-8, a lone surrogate (which UTF-8 cannot carry) written as U+FFFD,
    for formats with no escape for it (CSV, Mermaid)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")


#: The mark before an attribute named like a JSON format's own field (a node attribute ``id``)
APART = "attr:"


def apart(attrs: dict[Any, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """``attrs`` for a JSON format whose items have ``fields`` of their own: those named
    like one written ``attr:NAME``, so they neither replace the field nor get lost.

    >>> apart({"id": 1, "kind": "term"}, ("id",))
    {'attr:id': 1, 'kind': 'term'}
    """
    return {(APART + k if k in fields else k): v for k, v in clean_value(attrs).items()}


def together(item: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """An item's attributes as :func:`apart` wrote them, without the format's ``fields``."""
    return {(k[len(APART):] if k.startswith(APART) and k[len(APART):] in fields else k): v
            for k, v in item.items() if k not in fields}


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
        lists_of_text = True  # every value that is not a string is a list of strings
        for v in values:
            if v is None:
                continue
            if isinstance(v, bool):
                types.add("boolean")
            elif isinstance(v, int):
                types.add("long" if -(2**63) <= v < 2**63 else "json")
            elif isinstance(v, float):
                types.add("double")
            elif isinstance(v, str):
                types.add("string")
                needs_json = needs_json or bool(XML_INVALID.search(v))
            else:
                types.add("json")
                lists_of_text = lists_of_text and isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v)
        if types == {"long", "double"}:
            types = {"double"}
        self.json = needs_json or len(types) > 1 or "json" in types
        #: strings, some of which XML cannot carry, or beside which a few values are lists of
        #: strings (a message's place, "post"; a contributor's places): written as other tools
        #: should show them, each such value exact in a twin (see :func:`needs_exact`)
        self.mendable = needs_json and types == {"string"} or types == {"string", "json"} and lists_of_text
        self.type = "string" if self.json or not types else types.pop()

    def encode(self, value: Any) -> str:
        """The text written for ``value`` under this column's type."""
        if self.json:
            return encode_json(clean_value(value))
        if self.type == "boolean":
            return "true" if value else "false"
        if self.type == "double":
            v = float(value)
            return repr(v) if math.isfinite(v) else ("NaN" if v != v else ("INF" if v > 0 else "-INF"))
        return str(value)


class Readable(Column):
    """A column of strings some of which XML cannot carry, as other tools should show it:
    each such character U+FFFD (the exact string goes under an "exact" twin of it, JSON,
    on the few items that need it)."""

    def __init__(self, name: str) -> None:
        super().__init__(name, ())
        self.type = "string"

    def encode(self, value: Any) -> str:
        text = "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        return XML_INVALID.sub("\ufffd", text)


def edge_caption(d: dict[Any, Any]) -> str:
    """What a tool that shows edge labels (Gephi) writes on an edge of ours: its kind as
    words, with who said it, since the two ends are labelled already.

    >>> edge_caption({"kind": "contrasts_with", "speaker_name": "Ana"})
    'contrasts with (Ana)'
    >>> edge_caption({"kind": "claim", "speaker_name": "Ben", "negated": True})
    'denied by Ben'
    """
    kind, negated = str(d.get("kind", OTHER_EDGE)), bool(d.get("negated"))
    who = d.get("speaker_name") if isinstance(d.get("speaker_name"), str) else None
    if kind == CLAIM:  # term to attribute: all there is to say is who says it
        said = "denied" if negated else "said"
        return f"{said} by {who}" if who else said
    if kind == ASSERTS:
        return "denies" if negated else "says"
    phrase = {WROTE: "wrote", REPLIES_TO: "replies to", **RELATION_KINDS}.get(kind, kind.replace("_", " "))
    phrase = f"not {phrase}" if negated else phrase
    return f"{phrase} ({who})" if who and kind not in STANCES else phrase  # a stance's speaker is its source


def needs_exact(value: Any) -> bool:
    """Whether a value of a :class:`Readable` column is also written exact, in its twin:
    a list (shown joined by "; "), or a string with a character XML cannot carry."""
    return not isinstance(value, str) or XML_INVALID.search(value) is not None


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


def unique_ids(G: Graph) -> dict[Any, str]:
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


# What every file format takes as an id: an XML name token of ASCII characters (GraphML's
# NMTOKEN; Neo4j's and Cypher's strings; GEXF's)
_FILE_ID = re.compile(r"[A-Za-z0-9._:-]+")


def _unaccented(x: str) -> str:
    """``x`` without accents, where that is an id every format takes, else ""."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", x) if not unicodedata.combining(c))
    return plain if _FILE_ID.fullmatch(plain) else ""


def file_ids(items: Iterable[Any], prefix: str = "n") -> list[str]:
    """An id in a file for each of ``items`` (nodes, or edges' keys), in their order:
    the item itself where it is a string that every format takes as an id and no item
    before had, so that it stays the same from one export to the next (tools that merge
    files by id, as Gephi's "append to workspace" does, join the right nodes); else
    ``n0``, ``n1``... (``prefix``), never one taken. A string with letters no format
    takes keeps them without their accents, where that is an id no other item has
    ("zoë-müller" is ``zoe-muller``): it too stays the same from one export to the next.
    ``1`` and ``"1"`` stay apart: a number is no string.

    >>> file_ids(["cooperation", "a b", 1, "n1", "cooperation", "zoë-müller", "李伟"])
    ['cooperation', 'n0', 'n2', 'n1', 'n3', 'zoe-muller', 'n4']
    """
    items = list(items)
    own: list[str | None] = []
    taken: set[str] = set()
    for x in items:
        keep = isinstance(x, str) and _FILE_ID.fullmatch(x) is not None and x not in taken
        own.append(x if keep else None)
        if keep:
            taken.add(x)
    for n, x in enumerate(items):
        if own[n] is None and isinstance(x, str) and (plain := _unaccented(x)) and plain not in taken:
            own[n] = plain
            taken.add(plain)
    out, i = [], 0
    for x in own:
        if x is None:
            while f"{prefix}{i}" in taken:
                i += 1
            x = f"{prefix}{i}"
            taken.add(x)
        out.append(x)
    return out


# --- reading -------------------------------------------------------------------------

# Attributes the queries read, with the type they must have: anything else a file
# holds under these names is turned into that type, so that no query meets a surprise.
_TEXT_FIELDS = ("kind", "label", "speaker", "term", "quote", "where", "message", "status", "by", "reply_to",
                "text", "gloss", "description", "role", "name", "title", "date", "parent")
_LIST_FIELDS = ("aliases", "concerns")


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


class GraphBuilder:
    """Collects the nodes and edges a reader finds, then builds the graph once.

    Node ids as the file writes them map to the node values (our exports keep the
    readable id apart); positions in the file (``line``) stay out of the attributes, so
    a user attribute named ``_line`` or ``_id`` is kept like any other. Attribute names
    that clash with networkx's own parameters are fine: attributes are stored as dicts.
    What cannot be kept is counted and reported in one warning per kind of loss.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.graph: dict[str, Any] = {}
        self.nodes: dict[Any, tuple[Any, dict[str, Any], int | None]] = {}
        self.edges: list[tuple[Any, Any, Any, dict[str, Any], int | None]] = []
        self.directed = True
        self.dropped: dict[str, int] = {}

    def error(self, problem: str, line: int | None = None) -> DatasetError:
        return DatasetError(problem, self.file, line)

    def drop(self, what: str, n: int = 1) -> None:
        """Count something the graph cannot keep; :meth:`build` reports the counts."""
        self.dropped[what] = self.dropped.get(what, 0) + n

    def node(self, ident: Any, attrs: dict[str, Any], line: int | None = None, value: Any = None) -> None:
        """A node known in the file as ``ident``, whose graph node is ``value`` (default: ``ident``)."""
        ident = self._characters(ident)
        node = ident if value is None else self._characters(value)
        for x in (ident, node):
            self._check_id(x, line)
        if ident in self.nodes:
            raise self.error(f"duplicate node id {excerpt(ident)!r}", line)
        self.nodes[ident] = (node, attrs, line)

    def _check_id(self, x: Any, line: int | None) -> None:
        """A node id networkx can hold and every writer can write: no null, no list or
        mapping, no NaN or infinity."""
        if x is None:
            raise self.error("node id null is not a string or a number", line)
        try:
            hash(x)
        except TypeError:
            raise self.error(f"node id {excerpt(x)} is not a string or a number", line) from None
        if isinstance(x, float) and not math.isfinite(x):
            raise self.error(f"node id {x} is not a usable id", line)

    def edge(self, source: Any, target: Any, key: Any, attrs: dict[str, Any], line: int | None = None) -> None:
        self.edges.append((self._characters(source), self._characters(target), self._characters(key), attrs, line))

    def build(self) -> Graph:
        """The graph, every value as the file typed it (see :func:`conform`)."""
        import networkx as nx

        G: Graph = nx.MultiDiGraph() if self.directed else nx.MultiGraph()
        G.graph.update(self._names(self.graph))
        seen: set[Any] = set()
        for node, attrs, line in self.nodes.values():
            self._check_id(node, line)  # again: a reader may have put a readable id from the file in its place
            if node in seen:
                raise self.error(f"two nodes have the id {excerpt(node)!r}", line)
            seen.add(node)
            G.add_nodes_from([(node, self._names(attrs))])
        keys: set[tuple[Any, Any, Any]] = set()
        for source, target, key, attrs, line in self.edges:
            ends = []
            for end in (source, target):
                if end not in self.nodes:
                    raise self.error(f"an edge names an unknown node {excerpt(end)!r}", line)
                ends.append(self.nodes[end][0])
            u, v = ends
            try:
                hash(key)
            except TypeError:
                key = _as_text(key)
            pair = (u, v, key) if self.directed or str(u) <= str(v) else (v, u, key)
            if key is not None and pair in keys:
                self.drop("duplicate edge ids (kept under new keys)")
                key = None
            keys.add(pair)
            G.add_edges_from([(u, v, key, self._names(attrs))])
        for what, n in self.dropped.items():
            warnings.warn(f"{self.file}: {n} {what}", ConceptGraphWarning, stacklevel=2)
        return G

    def _names(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """``attrs`` with every name text and no lone surrogate left in any text."""
        return {self._characters(_as_text(k)): self._characters(v) for k, v in attrs.items()}

    def _characters(self, v: Any) -> Any:
        """``v`` with lone surrogates (which no encoding can write) made U+FFFD, counted."""
        if isinstance(v, str):
            if LONE_SURROGATE.search(v):
                self.drop("lone surrogates (not characters) replaced with U+FFFD")
                return LONE_SURROGATE.sub("\ufffd", v)
            return v
        if isinstance(v, list):
            return [self._characters(x) for x in v]
        if isinstance(v, dict):
            return {self._characters(_as_text(k)): self._characters(x) for k, x in v.items()}
        return v


def conform(G: Graph) -> Graph:
    """Make ``G`` (in place) a graph the queries can trust: every node and edge has a
    ``kind`` (``node``, ``edge`` by default) and every node a ``label`` (its ``name``,
    else its id); the fields queries read as text (label, quote, gloss...) are text, a
    contributor's ``where`` a list, ``negated`` a boolean. Returns ``G``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node(1, gloss=0); _ = G.add_edge(1, 1, negated="true")
    >>> H = conform(G)
    >>> H.nodes[1], next(iter(H.edges(data=True)))[2]
    ({'gloss': '0', 'kind': 'node', 'label': '1'}, {'negated': True, 'kind': 'edge'})
    """
    G.graph.update(_conformed(G.graph, ""))
    for node, attrs in G.nodes(data=True):
        fixed = _conformed(attrs, OTHER_NODE)
        if "label" not in fixed:
            name = fixed.get("name")
            fixed["label"] = name if isinstance(name, str) and name.strip() else _as_text(node)
        if fixed.get("kind") == CONTRIBUTOR and "where" in fixed and not isinstance(fixed["where"], list):
            fixed["where"] = [fixed["where"]]
        attrs.clear()
        attrs.update(fixed)
    for _, _, attrs in G.edges(data=True):
        fixed = _conformed(attrs, OTHER_EDGE)
        attrs.clear()
        attrs.update(fixed)
    return G


def _conformed(attrs: dict[str, Any], default_kind: str) -> dict[str, Any]:
    """``attrs`` with the fields queries read in the types they expect (``where`` a list
    on a node, text elsewhere)."""
    out: dict[str, Any] = {}
    on_node = default_kind == OTHER_NODE
    for k, v in attrs.items():
        if k == "where" and on_node and isinstance(v, list):
            v = [_as_text(x) for x in v]
        elif k in _TEXT_FIELDS and v is not None and not isinstance(v, str):
            v = _as_text(v)
        elif k in _LIST_FIELDS and not isinstance(v, list):
            v = [] if v is None else [_as_text(v)]
        elif k in _LIST_FIELDS:
            v = [_as_text(x) for x in v]
        elif k == "negated":
            v = v is True or (isinstance(v, str) and v.strip().lower() == "true")
        out[k] = v
    if default_kind:
        out.setdefault("kind", default_kind)
    return out


# --- the registry's record ---------------------------------------------------------------


class Format(NamedTuple):
    """Everything the rest of the package knows of one file format, declared once in the
    format's own module as ``FORMAT``; :mod:`conceptgraph.formats` lists them.

    ``write`` writes a graph to a binary stream (given node positions when
    ``needs_positions``); ``write_folder`` gives the files of a format that is a folder;
    ``read`` turns a file's bytes into a graph; ``sniff`` tells the format from a file's
    first bytes, for files whose suffix says nothing; ``written`` tells from a file's first
    bytes that it is an earlier export in this format (which exporting again may
    replace; anything else is refused without --force); ``default_name`` is the file's name
    under ``output/``, ``{name}`` standing for the data's; ``after`` is what to tell the user
    once a folder is written (e.g. the command that loads it).
    """

    name: str
    help: str
    suffixes: tuple[str, ...] = ()
    default_name: str = ""
    write: Callable[[Graph, IO[bytes], dict[Any, tuple[int, int]] | None], None] | None = None
    write_folder: Callable[[Graph], dict[str, bytes]] | None = None
    read: Callable[[bytes, str], Graph] | None = None
    sniff: Callable[[bytes], bool] | None = None
    written: Callable[[bytes], bool] | None = None
    needs_positions: bool = False
    after: Callable[[Path, list[str]], str] | None = None
    note: str = ""
