"""Read and validate dataset files (YAML) into a :class:`~conceptgraph.model.Dataset`.

A dataset is one YAML file, or a folder of them whose sections are joined. Every
mistake is reported as a :class:`~conceptgraph.errors.DatasetError` whose message
names the file, the line and the problem, e.g.::

    mydata.yaml:41: claims[3].by: unknown contributor 'tod' (did you mean 'todd'?)

YAML is read with PyYAML's safe loader (its C parser when built): no Python object is
ever constructed from a tag, a key given twice in one mapping is an error (not "the
last one wins"), and documents whose aliases would expand into a huge structure
("billion laughs") are refused before they are used.

When a dataset has its ``messages``, every quote is anchored: the loader finds the
quote in the speaker's message (the one at the claim's place, else any of theirs) and
records the message and the characters it spans; a quote that is not there verbatim
is an error on the quote's line.

>>> ds = parse_dataset('''
... terms: [{id: cooperation, label: cooperation}]
... attributes: [{id: passive, label: may be passive}]
... contributors: [{id: bart, name: Bart Stewart, role: commenter, where: comment 10}]
... messages: [{id: m10, by: bart, where: comment 10, text: "Cooperation may be passive."}]
... claims: [{term: cooperation, attribute: passive, by: bart, quote: may be passive}]
... ''', "example.yaml")
>>> ds.claims[0].where, ds.claims[0].message, ds.claims[0].span
('comment 10', 'm10', (12, 26))
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConceptGraphWarning, DatasetError, article, did_you_mean, excerpt
from .kinds import AGREES_WITH, ATTRIBUTE, CONTRIBUTOR, DRAFT, MESSAGE, RELATION_ENDS, RELATION_KINDS, ROLES, STANCES, TERM

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Claim, Contributor, Dataset, Message, Relation, Span

__all__ = ["load_dataset", "parse_dataset", "parse_files", "read_documents", "build_dataset", "Document",
           "dump_dataset", "dataset_data", "dump_data", "yaml_scalar", "SECTIONS", "Field", "json_schema", "readme_fields",
           "quote_words"]

#: Where a value sits in a YAML document: section, item index, field name...
YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Field:
    """One field of a section: its type(s), whether it is required, what it means, and
    the values it may take. The loader checks these, and the JSON Schema is made from them."""

    types: tuple[type, ...]
    required: bool = False
    help: str = ""
    enum: tuple[str, ...] = ()


_S, _L, _B, _I, _F = (str,), (list,), (bool,), (int,), (int, float)
_ID = Field(_S, True, "Unique among all terms, attributes, contributors and messages.")
_STATUS = Field(_S, False, "'draft' for an item drafted from the text and not yet accepted by a curator.", (DRAFT,))
_INFERRED = Field(_B, False, "True when this is the curator's reading, not the speaker's words.")
_CONFIDENCE = Field(_F, False, "For a drafted item: how likely a curator is to accept it, from 0 to 1.")
_RULE = Field(_S, False, "For a drafted claim or relation: the rule that drafted it, whose record is its confidence.")
_ANCHOR = {
    "message": Field(_S, False, "The message the quote is in (found by the loader when not given)."),
    "span": Field(_L, False, "[start, end]: the quote's characters in the message's text (found when not given)."),
}

#: The fields whose items are whole numbers, not strings
_NUMBERS = ("span", "quoted_at")

#: section -> field -> Field
SECTIONS: dict[str, dict[str, Field]] = {
    "source": {
        "title": Field(_S, True, "Title of the discussion."),
        "author": Field(_S), "date": Field(_S, False, "As written, e.g. 2008-04-27 (quote it in YAML)."),
        "url": Field(_S),
    },
    "terms": {
        "id": _ID, "label": Field(_S, False, "Shown on the graph; defaults to the id."),
        "aliases": Field(_L, False, "Inflections and spellings people write: cooperate, co-operation..."),
        "gloss": Field(_S, False, "The curator's short definition."), "status": _STATUS,
        "confidence": _CONFIDENCE,
    },
    "attributes": {
        "id": _ID, "label": Field(_S, False, "Short: it sits on a graph node. Defaults to the id."),
        "description": Field(_S), "status": _STATUS, "confidence": _CONFIDENCE,
    },
    "contributors": {
        "id": _ID, "name": Field(_S, True, "As written in the discussion."),
        "role": Field(_S, True, "", ROLES),
        "where": Field((str, list), False, "Where they spoke: post, response N, comment N (one or a list)."),
        "quote": Field(_S, False, "Their words when they made no claim a graph can carry."),
    },
    "messages": {
        "id": _ID, "by": Field(_S, True, "The contributor who wrote it."),
        "where": Field(_S, True, "Its place: post, response N, comment N..."),
        "text": Field(_S, True, "The message, verbatim."),
        "reply_to": Field(_S, False, "The id of the message it answers."),
        "date": Field(_S), "title": Field(_S),
        "score": Field(_I, False, "Its votes where the site counts them (Stack Exchange, GitHub reactions)."),
        "accepted": Field(_B, False, "True for the answer the asker accepted."),
        "url": Field(_S, False, "Its own address on the site it came from, where the export gives one."),
        "gone": Field(_S, False, "Why its words are gone ('deleted', 'removed'): a stand-in others answer."),
        "quotes": Field(_L, False, "The passages of others it quotes, left out of its text."),
        "edited": Field(_S, False, "When its words were changed after it was posted ('yes' where the export gives no date)."),
        "quoted_at": Field(_L, False, "Where in its text each of its quotes stood: the offset of the words after it."),
    },
    "claims": {
        "id": Field(_S, False, "Defaults to claim-N."), "term": Field(_S, True), "attribute": Field(_S, True),
        "by": Field(_S, True), "quote": Field(_S, True, "The speaker's words, verbatim."),
        "where": Field(_S, False, "Defaults to the speaker's only place."),
        "negated": Field(_B, False, "True when the speaker denies it."),
        **_ANCHOR, "inferred": _INFERRED, "status": _STATUS, "confidence": _CONFIDENCE, "rule": _RULE,
    },
    "relations": {
        "id": Field(_S, False, "Defaults to relation-N."),
        "kind": Field(_S, True, "", tuple(RELATION_KINDS)),
        "source": Field(_S, True), "target": Field(_S, True), "by": Field(_S), "quote": Field(_S),
        "where": Field(_S),
        "concerns": Field(_L, False, "For agrees_with and disputes: the claims or attributes it is about, "
                                     "or messages of its target's (what they said there)."),
        **_ANCHOR, "inferred": _INFERRED, "status": _STATUS, "confidence": _CONFIDENCE,
        "count": Field(_I, False, "For mentions and co_occurs: in how many sentences."),
        "places": Field(_L, False, "For mentions and co_occurs: the places of the first few of them."),
        "rule": _RULE,
    },
}
_TYPE_NAMES = {str: "a string", list: "a list", bool: "true or false", dict: "a mapping", int: "a number",
               float: "a number"}
_JSON_TYPES = {str: "string", list: "array", bool: "boolean", int: "integer"}

# An anchor ("&name"): only documents that have one take the slower path that measures
# how far their aliases expand. A false positive ("R&D") costs time, never safety.
_ANCHOR_MARK = re.compile(r"&[^\s\[\]{},]")
_MAX_EXPANSION = 10  # times the number of distinct YAML nodes, plus a small allowance


def _yaml() -> tuple[Any, Any]:
    """PyYAML and our loader: its fastest safe loader, refusing duplicate keys and
    numbers too long to convert. Imported on first use (a cached graph needs neither)."""
    global _LOADER
    import yaml

    if _LOADER is None:
        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc, valid-type]
            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                seen: set[Any] = set()
                for key, _ in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                        if key.value in seen:
                            raise yaml.constructor.ConstructorError(
                                None, None, f"key '{excerpt(key.value, 40)}' given twice in one mapping", key.start_mark)
                        seen.add(key.value)
                return super().construct_mapping(node, deep)

            def construct_yaml_int(self, node: Any) -> Any:
                try:
                    return super().construct_yaml_int(node)
                except ValueError:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"number of {len(node.value)} characters is too long", node.start_mark) from None

        Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
        _LOADER = Loader
    return yaml, _LOADER


_LOADER: Any = None


class Document:
    """One parsed file, kept so that an error can find the line of any path in it."""

    def __init__(self, file: str, text: str, data: Any) -> None:
        self.file, self.text, self.data = file, text, data

    def error(self, path: YamlPath, problem: str, *, key: bool = False) -> DatasetError:
        where = _format_path(path)
        return DatasetError(f"{where}: {problem}" if where else problem, self.file, _line_of(self.text, path, key))


def _format_path(path: YamlPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{excerpt(part, 40)}" if out else excerpt(part, 40))
    return out


def _line_of(text: str, path: YamlPath, key: bool = False) -> int | None:
    """1-based line of the YAML node at ``path`` (of its key when ``key``), or None."""
    yaml, loader = _yaml()
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for i, part in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == part:
                    node = k if key and i == len(path) - 1 else v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def _expanded_size(root: Any) -> tuple[int, int]:
    """(distinct nodes, nodes after alias expansion) of a composed YAML document."""
    yaml, _ = _yaml()
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = 1
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        if done:
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return len(sizes), sizes[id(root)]


class _NotPlain(Exception):
    """The document uses something the streaming reader leaves to the full loader."""


class _Map:
    """A mapping being read: its dict, the key waiting for its value, and its keys' marks."""

    __slots__ = ("data", "key", "key_mark")

    def __init__(self) -> None:
        self.data: dict[Any, Any] = {}
        self.key: Any = _Map
        self.key_mark: Any = None


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"


def _stream_load(text: str, loader_cls: Any) -> Any:
    """The document built straight from the parser's events, never as a tree of nodes
    (whose marks cost kilobytes per value: a million claims would need gigabytes).

    Handles what datasets are made of (mappings, sequences, plain and quoted scalars);
    anything else (anchors, aliases, tags on collections, several documents) raises
    :class:`_NotPlain` and the full loader takes the document. Short texts are
    interned, so the ids repeated in every claim are stored once."""
    yaml, _ = _yaml()
    loader = loader_cls(text)
    interned: dict[str, str] = {}
    resolved: dict[str, str] = {}  # a plain scalar's tag, by its text: ids and numbers repeat in every claim
    scalar, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    try:
        loader.get_event()  # the stream's start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # the document's start
        stack: list[Any] = []
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None:
                    raise _NotPlain
                value: Any = event.value
                if event.style:  # quoted or block: a string unless tagged otherwise
                    tag = _STR if event.tag in (None, "!") else event.tag
                elif event.tag not in (None, "!"):
                    tag = event.tag
                elif event.implicit[0] and len(value) <= 64:
                    tag = resolved.get(value) or resolved.setdefault(
                        value, loader.resolve(yaml.ScalarNode, value, event.implicit))
                else:
                    tag = loader.resolve(yaml.ScalarNode, value, event.implicit)
                if tag == _INT and (value == "0" or len(value) <= 18 and value.isascii() and value.isdigit()
                                    and value[0] != "0"):
                    value = int(value)  # a plain decimal, as most ints here are ("017" is octal in YAML 1.1)
                elif tag != _STR:
                    value = loader.construct_object(
                        yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style), deep=True)
                elif len(value) <= 64:
                    value = interned.setdefault(value, value)
            elif kind is map_start or kind is seq_start:
                if event.anchor is not None or not event.implicit:
                    raise _NotPlain
                stack.append(_Map() if kind is map_start else [])
                continue
            elif kind is map_end:
                value = stack.pop().data
            elif kind is seq_end:
                value = stack.pop()
            else:  # an alias, or the document's end
                if kind is yaml.DocumentEndEvent:
                    raise AssertionError("document ended inside a collection")  # the parser never does this
                raise _NotPlain
            if not stack:
                if not loader.check_event(yaml.DocumentEndEvent):
                    raise _NotPlain
                loader.get_event()
                if not loader.check_event(yaml.StreamEndEvent):
                    raise _NotPlain  # several documents: the full loader says what is wrong
                return value
            top = stack[-1]
            if type(top) is list:
                top.append(value)
            elif top.key is _Map:
                if type(value) in (dict, list) or value == "<<":
                    raise _NotPlain  # a complex or merge key
                if value in top.data:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key '{excerpt(value, 40)}' given twice in one mapping", event.start_mark)
                top.key = value
            else:
                top.data[top.key] = value
                top.key = _Map
    finally:
        loader.dispose()


def _line_before(text: str, mark: Any) -> str:
    """Where a YAML mistake may be, when the parser stops at the first thing on a line:
    often at the end of the line before (a "}" or ":" left out), which it cannot see.

    >>> class Mark: line, column = 2, 2
    >>> _line_before("terms:\\n- {id: a, label: b\\n- {id: c}\\n", Mark())
    ' (or at the end of line 2)'
    """
    if mark is None:
        return ""
    lines = text.split("\n")
    here = lines[mark.line] if mark.line < len(lines) else ""
    if here[: mark.column].strip(" -?\t"):  # something stands before it on its line: the mistake is there
        return ""
    before = next((n for n in range(mark.line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                  None)
    return f" (or at the end of line {before + 1})" if before is not None else ""


def _parse_yaml(text: str, file: str) -> Any:
    yaml, loader = _yaml()
    try:
        try:
            return _stream_load(text, loader)
        except _NotPlain:
            pass
        anchor = _ANCHOR_MARK.search(text) if "&" in text else None  # str search first: the regex is slow
        if anchor:
            root = yaml.compose(text, Loader=loader)
            if root is not None:
                distinct, expanded = _expanded_size(root)
                if expanded > _MAX_EXPANSION * distinct + 10_000:
                    raise DatasetError(
                        f"YAML aliases would expand {distinct} nodes into {expanded}; refusing an alias bomb",
                        file,
                        text.count("\n", 0, anchor.start()) + 1,
                    )
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1 if isinstance(e.position, int) else None
        char = e.character if isinstance(e.character, str) else chr(e.character)
        raise DatasetError(f"YAML does not allow the control character U+{ord(char):04X} "
                           "(write it as an escape in a double-quoted string)", file, line) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = (e.problem or e.context or "syntax error").strip()
        raise DatasetError(f"YAML syntax error: {problem}{_line_before(text, mark)}", file,
                           mark.line + 1 if mark else None) from None
    except yaml.YAMLError as e:
        raise DatasetError(f"YAML error: {excerpt(str(e).splitlines()[0], 120)}", file) from None
    except RecursionError:
        raise DatasetError("YAML nested too deeply", file) from None


def load_dataset(path: str | os.PathLike[str], instead: Mapping[str, str] | None = None) -> Dataset:
    """Read and validate the dataset at ``path``: a YAML file or a folder of YAML files;
    ``instead``: the texts to read for some files of the folder, by name (written or not).

    Raises :class:`DatasetError` naming the file and line of the first mistake.
    """
    docs = []
    from .files import input_files, read_text

    instead = instead or {}
    files = input_files(Path(path))
    files += [Path(path) / name for name in sorted(instead.keys() - {f.name for f in files})]
    for f in files:
        text = instead[f.name] if f.name in instead else read_text(f)
        docs.append(Document(str(f), text, _parse_yaml(text, str(f))))
    try:
        return _Builder(docs).dataset()
    except DatasetError as e:
        raise review_mended(e) from None


def review_mended(e: DatasetError) -> DatasetError:
    """``e``, told how to mend it, in a folder under review (one with decisions.yaml):
    when it is draft.yaml's and reviewed.yaml is missing, the accepted items draft.yaml
    builds on (a term accepted, then named by a claim still to decide) are gone with it;
    when it is reviewed.yaml's, that file is written from the decisions. Either way,
    drafting again makes both anew."""
    where = Path(e.file)
    if not (where.parent / "decisions.yaml").is_file():
        return e
    if where.name == "draft.yaml" and not (where.parent / "reviewed.yaml").exists():
        return DatasetError(f"{e.problem} (reviewed.yaml, which holds the accepted items this draft builds on, is "
                            f"missing: `conceptgraph draft {where.parent}` makes both files again from decisions.yaml)",
                            e.file, e.line)
    if where.name == "reviewed.yaml":
        return DatasetError(f"{e.problem} (reviewed.yaml is written from decisions.yaml: move it out of the folder, "
                            f"and `conceptgraph draft {where.parent}` writes it again)", e.file, e.line)
    return e


def parse_dataset(text: str, file: str = "<string>") -> Dataset:
    """Validate a dataset given as YAML text; ``file`` names it in error messages."""
    return _Builder([Document(file, text, _parse_yaml(text, file))]).dataset()


def parse_files(texts: dict[str, str]) -> Dataset:
    """Validate the dataset made of several YAML texts (file name -> text), as a folder
    of those files would be read."""
    return build_dataset(read_documents(texts))


def read_documents(texts: dict[str, str]) -> list[Document]:
    """Parse YAML texts (file name -> text), unchecked: :func:`build_dataset` checks
    them. Parsed once, a folder's files can be checked again beside a new one."""
    return [Document(f, t, _parse_yaml(t, f)) for f, t in texts.items()]


def build_dataset(docs: list[Document]) -> Dataset:
    """Check parsed documents together, as one dataset, and build its records."""
    return _Builder(docs).dataset()


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"a number ({excerpt(value, 20)})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _check_fields(doc: Document, path: YamlPath, item: Any, section: str) -> dict[str, Any]:
    spec = SECTIONS[section]
    if not isinstance(item, dict):
        raise doc.error(path, f"expected a mapping with {', '.join(k for k, f in spec.items() if f.required)}")
    for k in item:
        if k not in spec:
            raise doc.error((*path, str(k)), f"unknown field '{excerpt(k, 40)}'{did_you_mean(str(k), spec)}", key=True)
    for name, f in spec.items():
        value = item.get(name)
        if value is None:
            if f.required or name in item:
                raise doc.error(path if name not in item else (*path, name), f"missing field '{name}'")
            continue
        if not isinstance(value, f.types) or (isinstance(value, bool) and bool not in f.types):
            want = " or ".join(_TYPE_NAMES[t] for t in f.types)
            raise doc.error((*path, name), f"'{name}' must be {want}, not {_describe(value)}")
        if isinstance(value, str) and not value.strip() and (f.required or name == "id"):
            raise doc.error((*path, name), f"'{name}' is empty")
        if f is _CONFIDENCE and isinstance(value, (int, float)) and not 0 <= value <= 1:
            raise doc.error((*path, name), f"'{name}' must be a number from 0 to 1, not {value!r}")
        if f.enum and value not in f.enum:
            raise doc.error((*path, name), f"unknown {name} '{excerpt(value, 40)}'"
                            f"{did_you_mean(str(value), f.enum)}; one of {', '.join(f.enum)}")
        if isinstance(value, list) and name not in _NUMBERS:
            for i, v in enumerate(value):
                if not isinstance(v, str):
                    raise doc.error((*path, name, i), f"'{name}' items must be strings, not {_describe(v)}")
    return item


class _Builder:
    """Checks the parsed files section by section and builds the records, keeping
    where each id was defined so that a mistake names its file and line."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs = docs
        self.origin: dict[str, tuple[Document, YamlPath, str]] = {}  # id -> where defined, node kind
        self.places: dict[str, tuple[str, ...]] = {}

    def entries(self, section: str) -> Iterator[tuple[Document, YamlPath, dict[str, Any]]]:
        for doc in self.docs:
            items = doc.data.get(section)
            if items is None:
                continue
            if not isinstance(items, list):
                raise doc.error((section,), f"'{section}' must be a list, not {_describe(items)}")
            for i, item in enumerate(items):
                yield doc, (section, i), _check_fields(doc, (section, i), item, section)

    def register(self, doc: Document, path: YamlPath, ident: str, kind: str) -> None:
        if ident in self.origin:
            first_doc, first_path, first_kind = self.origin[ident]
            line = _line_of(first_doc.text, (*first_path, "id"))
            at = f"{first_doc.file}:{line}" if first_doc is not doc else f"line {line}"
            raise doc.error((*path, "id"), f"duplicate id '{excerpt(ident, 40)}' (already {article(first_kind)} at {at})")
        self.origin[ident] = (doc, path, kind)

    def ref(self, doc: Document, path: YamlPath, field: str, value: str, kind: str) -> None:
        origin = self.origin.get(value)
        if origin is None or origin[2] != kind:
            if origin is not None:
                other = f" (it is {article(origin[2])})"
            else:
                other = did_you_mean(value, (i for i, (_, _, k) in self.origin.items() if k == kind)) \
                    or self._beside(doc)
            raise doc.error((*path, field), f"unknown {kind} '{excerpt(value, 40)}'{other}")

    def _beside(self, doc: Document) -> str:
        """A hint, when ``doc`` is a file read alone whose folder holds other dataset
        files: what it names may be defined in one of them."""
        from .files import DATASET_SUFFIXES

        here = Path(doc.file)
        if len(self.docs) > 1 or not here.is_file():
            return ""
        try:
            others = [f for f in here.parent.iterdir() if f.suffix.lower() in DATASET_SUFFIXES and f != here]
        except OSError:
            return ""
        return f" (read alone; to read it with the dataset files beside it, give the folder {here.parent})" \
            if others else ""

    def dataset(self) -> Dataset:
        from .model import Dataset

        for doc in self.docs:
            if doc.data is None:
                raise DatasetError("empty file: expected sections " + ", ".join(SECTIONS), doc.file, 1)
            if not isinstance(doc.data, dict):
                raise doc.error((), f"expected a mapping of sections ({', '.join(SECTIONS)}), not {_describe(doc.data)}")
            for k in doc.data:
                if k not in SECTIONS:
                    raise doc.error((str(k),), f"unknown section '{excerpt(k, 40)}'{did_you_mean(str(k), SECTIONS)}",
                                    key=True)
        source = self.source()
        terms, attributes, contributors = self.terms(), self.attributes(), self.contributors()
        messages = self.messages()
        anchors = _Anchors(messages)
        claims = self.claims(anchors)
        relations = self.relations(anchors, {c.id for c in claims})
        return Dataset(source, terms, attributes, contributors, claims, relations, messages)

    def source(self) -> Any:
        from .model import Source

        source, first = Source(title=""), None
        for doc in self.docs:
            if "source" not in doc.data:
                continue
            if first is not None:
                raise doc.error(("source",), f"'source' is already given in {first.file}", key=True)
            src = doc.data["source"]
            if not isinstance(src, dict):
                raise doc.error(("source",), f"'source' must be a mapping, not {_describe(src)}")
            if not isinstance(src.get("date"), (str, type(None))):  # an unquoted YAML date is read as a date
                src = {**src, "date": str(src["date"])}
            src = _check_fields(doc, ("source",), src, "source")
            source, first = Source(**{k: v.strip() for k, v in src.items()}), doc
        return source

    def terms(self) -> tuple[Any, ...]:
        from .model import Term

        out = []
        for doc, path, e in self.entries("terms"):
            self.register(doc, path, e["id"], TERM)
            out.append(Term(e["id"], e.get("label") or e["id"], tuple(e.get("aliases") or ()), e.get("gloss") or "",
                            e.get("status") or "", _confidence(e)))
        return tuple(out)

    def attributes(self) -> tuple[Any, ...]:
        from .model import Attribute

        out = []
        for doc, path, e in self.entries("attributes"):
            self.register(doc, path, e["id"], ATTRIBUTE)
            out.append(Attribute(e["id"], e.get("label") or e["id"], e.get("description") or "", e.get("status") or "",
                                 _confidence(e)))
        return tuple(out)

    def contributors(self) -> tuple[Contributor, ...]:
        from .model import Contributor

        out = []
        for doc, path, e in self.entries("contributors"):
            self.register(doc, path, e["id"], CONTRIBUTOR)
            where = e.get("where") or ()
            where = (where,) if isinstance(where, str) else tuple(where)
            out.append(Contributor(e["id"], e["name"], e["role"], where, e.get("quote") or ""))
            self.places[e["id"]] = where
        return tuple(out)

    def messages(self) -> tuple[Message, ...]:
        from .model import Message

        out, replies = [], []
        for doc, path, e in self.entries("messages"):
            self.register(doc, path, e["id"], MESSAGE)
            self.ref(doc, path, "by", e["by"], CONTRIBUTOR)
            out.append(Message(e["id"], e["by"], e["where"], e["text"], e.get("reply_to") or "",
                               e.get("date") or "", e.get("title") or "", e.get("score"), e.get("accepted") is True,
                               e.get("url") or "", e.get("gone") or "", tuple(e.get("quotes") or ()),
                               e.get("edited") or "", self.quoted_at(doc, path, e)))
            if e.get("reply_to"):
                replies.append((doc, path, e["reply_to"]))
        for doc, path, target in replies:  # a reply may come before the message it answers
            self.ref(doc, path, "reply_to", target, MESSAGE)
        return tuple(out)

    @staticmethod
    def quoted_at(doc: Document, path: YamlPath, e: dict[str, Any]) -> tuple[int, ...]:
        """A message's ``quoted_at``: one offset in its text for each of its quotes."""
        at = e.get("quoted_at") or []
        if at and len(at) != len(e.get("quotes") or ()):
            raise doc.error((*path, "quoted_at"), f"'quoted_at' has {len(at)} offsets for {len(e.get('quotes') or ())} "
                                                  "quotes: one for each")
        for i, x in enumerate(at):
            number = isinstance(x, int) and not isinstance(x, bool)
            if not number or not 0 <= x <= len(e["text"]):
                raise doc.error((*path, "quoted_at", i), f"'quoted_at' items must be offsets in the text, 0 to "
                                                         f"{len(e['text'])}, not {x if number else _describe(x)}")
        return tuple(at)

    def place(self, doc: Document, path: YamlPath, e: dict[str, Any], required: bool) -> str:
        where: str = e.get("where") or ""
        by = e.get("by")
        if not where and by:
            spoke = self.places[by]
            if len(spoke) == 1:
                return spoke[0]
            if required:
                raise doc.error(path, f"missing field 'where' ('{excerpt(by, 40)}' spoke in {len(spoke)} places)")
        return where

    def claims(self, anchors: _Anchors) -> tuple[Claim, ...]:
        from .model import Claim

        out: list[Claim] = []
        seen: dict[str, YamlPath] = {}
        said: dict[tuple[Any, ...], YamlPath] = {}  # what each claim says, to warn of one written twice
        repeats: list[tuple[Any, YamlPath, YamlPath]] = []
        for n, (doc, path, e) in enumerate(self.entries("claims"), 1):
            self.ref(doc, path, "term", e["term"], TERM)
            self.ref(doc, path, "attribute", e["attribute"], ATTRIBUTE)
            self.ref(doc, path, "by", e["by"], CONTRIBUTOR)
            # with messages to look in, the quote says where it was said
            where = self.place(doc, path, e, required=not anchors.by_id)
            ident = e.get("id") or f"claim-{n}"
            _unique(doc, path, ident, seen, "claim")
            message, span = anchors.find(doc, path, e, where)
            where = where or anchors.where(message)
            out.append(Claim(ident, e["term"], e["attribute"], e["by"], e["quote"], where,
                             bool(e.get("negated", False)), message, span, bool(e.get("inferred")),
                             e.get("status") or "", _confidence(e), e.get("rule") or ""))
            same = said.setdefault((e["term"], e["attribute"], e["by"], message or where, span, out[-1].negated), path)
            if same is not path:
                repeats.append((doc, path, same))
        if repeats:  # one claim said twice counts once in evaluate, and is drawn as one: one warning for all
            import warnings

            doc, path, same = repeats[0]
            more = f" ({len(repeats) - 1} more claims repeat another)" if len(repeats) > 1 else ""
            warnings.warn(str(doc.error(path, f"says what {_format_path(same)} says (the same term, attribute, "
                                              f"speaker and words): one of them is enough{more}")),
                          ConceptGraphWarning, stacklevel=2)
        return tuple(out)

    def relations(self, anchors: _Anchors, claim_ids: set[str]) -> tuple[Relation, ...]:
        from .model import Relation

        out: list[Relation] = []
        seen: dict[str, YamlPath] = {}
        for n, (doc, path, e) in enumerate(self.entries("relations"), 1):
            kind = e["kind"]
            source_kind, target_kind = RELATION_ENDS[kind]
            self.ref(doc, path, "source", e["source"], source_kind)
            self.ref(doc, path, "target", e["target"], target_kind)
            if e.get("by"):
                self.ref(doc, path, "by", e["by"], CONTRIBUTOR)
            if kind in STANCES:
                # an agreement or a dispute is its speaker's: who says it is its source
                if e.get("by") and e["by"] != e["source"]:
                    said = "an agreement" if kind == AGREES_WITH else "a dispute"
                    raise doc.error((*path, "by"), f"{said} is its speaker's: by is its source "
                                    f"('{excerpt(e['source'], 40)}'), or left out")
                e = {**e, "by": e["source"]}
            elif (e.get("quote") or e.get("message")) and not e.get("by"):
                raise doc.error((*path, "quote" if e.get("quote") else "message"),
                                "a quote needs its speaker: give by (the contributor whose words they are)")
            concerns = tuple(e.get("concerns") or ())
            if concerns and kind not in STANCES:
                raise doc.error((*path, "concerns"), f"only {' and '.join(STANCES)} relations concern claims")
            for i, c in enumerate(concerns):
                if c in anchors.by_id:  # what its target said there (their claims kept in it, if any)
                    if anchors.by_id[c].by != e["target"]:
                        raise doc.error((*path, "concerns", i), f"message '{excerpt(c, 40)}' is by "
                                        f"'{anchors.by_id[c].by}', not by the target '{excerpt(e['target'], 40)}'")
                elif c not in claim_ids and self.origin.get(c, (None, None, ""))[2] != ATTRIBUTE:
                    raise doc.error((*path, "concerns", i), f"unknown claim, attribute or message '{excerpt(c, 40)}'"
                                    f"{did_you_mean(c, claim_ids)}")
            where = self.place(doc, path, e, required=False)
            ident = e.get("id") or f"relation-{n}"
            _unique(doc, path, ident, seen, "relation")
            message, span = anchors.find(doc, path, e, where) if e.get("quote") and e.get("by") else ("", None)
            where = where or anchors.where(message)
            out.append(Relation(ident, kind, e["source"], e["target"], e.get("by") or "", e.get("quote") or "",
                                where, message, span, concerns, bool(e.get("inferred")), e.get("status") or "",
                                _confidence(e), e.get("count") or 0, tuple(e.get("places") or ()), e.get("rule") or ""))
        return tuple(out)


def _confidence(e: dict[str, Any]) -> float | None:
    value = e.get("confidence")
    return None if value is None else float(value)


class _Anchors:
    """Finds each quote in its speaker's messages."""

    def __init__(self, messages: tuple[Message, ...]) -> None:
        self.by_id = {m.id: m for m in messages}
        self.by_speaker: dict[str, list[Message]] = {}
        for m in messages:
            self.by_speaker.setdefault(m.by, []).append(m)

    def find(self, doc: Document, path: YamlPath, e: dict[str, Any], where: str) -> tuple[str, Span | None]:
        """``(message id, span)`` of the item's quote, or ``("", None)`` for a dataset
        without messages. Raises on a quote that is not verbatim in the speaker's words."""
        given = e.get("message")
        if not self.by_id:
            if given:
                raise doc.error((*path, "message"), "the dataset has no messages to anchor the quote in")
            return "", None
        quote, by = e["quote"], e["by"]
        if given:
            m = self.by_id.get(given)
            if m is None:
                raise doc.error((*path, "message"), f"unknown message '{excerpt(given, 40)}'"
                                f"{did_you_mean(given, self.by_id)}")
            if m.by != by:
                raise doc.error((*path, "message"), f"message '{given}' is by '{m.by}', not by '{by}'")
            candidates = [m]
        else:
            mine = self.by_speaker.get(by, [])
            if not mine:
                raise doc.error((*path, "by"), f"'{excerpt(by, 40)}' wrote no message to find the quote in")
            candidates = sorted(mine, key=lambda m: m.where != where)  # the message at the claim's place first
        span = e.get("span")
        if span is not None:
            if not (len(span) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in span)):
                raise doc.error((*path, "span"), "'span' must be [start, end], two whole numbers")
            m = candidates[0]
            if m.text[span[0]:span[1]] != quote or span[0] < 0:
                at = m.text.find(quote)
                why = f"; it is at {at}-{at + len(quote)}" if at >= 0 else \
                    f"; the message no longer holds it (changed since it was quoted?): its words were “{excerpt(quote, 60)}”"
                raise doc.error((*path, "span"), f"characters {span[0]}-{span[1]} of '{m.id}' are not the quote{why}")
            return m.id, (span[0], span[1])
        found: list[tuple[Message, int]] = []
        for m in candidates:
            start = m.text.find(quote)
            if start >= 0:
                found.append((m, start))
                if where or given:  # its place given: the first found, the message at that place first
                    break
        if not found:
            raise doc.error((*path, "quote"), _not_found(quote, candidates))
        if len(found) > 1:
            raise doc.error(path, f"the quote is in {len(found)} messages by '{excerpt(by, 40)}' ("
                            + ", ".join(excerpt(m.where, 20) for m, _ in found[:3]) + (", ..." if len(found) > 3 else "")
                            + "): give 'where' or 'message'")
        m, start = found[0]
        return m.id, (start, start + len(quote))

    def where(self, message: str) -> str:
        """The place of ``message`` ("" for none)."""
        m = self.by_id.get(message)
        return m.where if m else ""


def quote_words(quote: str) -> re.Pattern[str]:
    """A quote's words in order, whatever the spaces and line breaks between them.

    >>> quote_words("a hard  wrapped").search("it is a hard\\nwrapped line").span()
    (6, 20)
    """
    return re.compile(r"\s+".join(re.escape(w) for w in quote.split()))


def _not_found(quote: str, messages: list[Message]) -> str:
    """Why a quote is not found: how much of its beginning is there, and where it departs."""
    best, at = 0, messages[0]
    for m in messages:
        lo, hi = 0, len(quote)
        while lo < hi:  # the longest beginning of the quote that occurs in the message
            mid = (lo + hi + 1) // 2
            if quote[:mid] in m.text:
                lo = mid
            else:
                hi = mid - 1
        if lo > best:
            best, at = lo, m
    if best == 0:
        return f"quote not found in any message by '{excerpt(at.by, 40)}'"
    words = quote_words(quote)
    if any(words.search(m.text) for m in messages):  # the words are there, as written, but for the spaces
        return (f"quote not verbatim in '{excerpt(at.id, 40)}' ({excerpt(at.where, 40)}): its words are, but "
                "not its spaces and line breaks: copy them as the message has them (a line break is \\n in a "
                "double-quoted YAML string)")
    theirs = at.text[at.text.find(quote[:best]) + best:]
    return (f"quote not verbatim in '{excerpt(at.id, 40)}' ({excerpt(at.where, 40)}): it departs after "
            f"{best} characters, at {excerpt(quote[best:], 30)!r} where the message has {excerpt(theirs, 30)!r}")


def _unique(doc: Document, path: YamlPath, ident: str, seen: dict[str, YamlPath], what: str) -> None:
    if ident in seen:
        raise doc.error((*path, "id"), f"duplicate {what} id '{excerpt(ident, 40)}'")
    seen[ident] = path


def dump_dataset(ds: Dataset, sections: tuple[str, ...] = tuple(SECTIONS), header: str = "") -> str:
    """``ds`` as the YAML text of a dataset file (``sections`` of it), which
    :func:`load_dataset` reads back as the same records. Optional fields are written
    only when set; multi-line texts as literal blocks.

    >>> from conceptgraph.model import Dataset, Source, Term
    >>> print(dump_dataset(Dataset(Source("T"), terms=(Term("a", "a"),)), ("source", "terms")), end="")
    source:
      title: T
    terms:
    - id: a
    """
    return dump_data(dataset_data(ds, sections), header)


def dataset_data(ds: Dataset, sections: tuple[str, ...] = tuple(SECTIONS)) -> dict[str, Any]:
    """The plain data (mappings, lists, strings and numbers) of ``ds``'s ``sections``, as
    the parser gives it back from :func:`dump_dataset`'s text: :func:`build_dataset`
    can check it without that text being parsed again.

    >>> from conceptgraph.model import Dataset, Source, Term
    >>> dataset_data(Dataset(Source("T"), terms=(Term("a", "a", ("b",)),)), ("source", "terms"))
    {'source': {'title': 'T'}, 'terms': [{'id': 'a', 'aliases': ['b']}]}
    """
    import dataclasses

    data: dict[str, Any] = {}
    for name in sections:
        value = getattr(ds, name)
        if name == "source":
            fields = {k: v for k, v in dataclasses.asdict(value).items() if v}
            if fields:
                data["source"] = fields
            continue
        if not value:
            continue
        records = data[name] = []
        names: dict[type, list[str]] = {}
        for record in value:
            kind = type(record)
            if kind not in names:
                names[kind] = [f.name for f in dataclasses.fields(record)]
            out: dict[str, Any] = {}
            for k in names[kind]:
                v = getattr(record, k)
                if k == "label" and v == record.id:
                    continue
                if v is None or v is False or v == "" or v == () or (k == "count" and v == 0):
                    continue
                out[k] = list(v) if isinstance(v, tuple) else v
            records.append(out)
    return data


def dump_data(data: dict[str, Any], header: str = "") -> str:
    """The YAML text of a dataset file holding ``data`` (as :func:`dataset_data` gives it)."""
    lines: list[str] = []
    written: dict[str, str] = {}  # short strings recur (ids, speakers, places): each written once
    for name, value in data.items():
        lines.append(f"{name}:")
        if isinstance(value, dict):
            lines += [f"  {k}: {yaml_scalar(v, 2)}" for k, v in value.items()]
            continue
        for record in value:
            lead = "- "
            for k, v in record.items():
                if isinstance(v, list):
                    text = "[" + ", ".join(yaml_scalar(x, -1) for x in v) + "]"
                elif type(v) is str and len(v) <= 64:
                    if v not in written:
                        written[v] = yaml_scalar(v, 2)
                    text = written[v]
                else:
                    text = yaml_scalar(v, 2)
                lines.append(f"{lead}{k}: {text}")
                lead = "  "
    return header + "".join(line + "\n" for line in lines)


# What may stay a plain scalar: it starts with a letter and holds only letters, digits,
# spaces, "_" and "-" (so never ": ", " #", a flow character or a number), and is not
# one of the words YAML 1.1 reads as a boolean or null.
_PLAIN = re.compile(r"[A-Za-z](?:[A-Za-z0-9_ -]*[A-Za-z0-9_-])?")
_KEYWORDS = frozenset("yes no true false on off null y n".split())
# Characters a double-quoted scalar must escape beyond JSON's: those YAML does not
# allow raw, its line breaks (NEL, LS, PS), and the byte-order mark.
_YAML_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_BLOCK_BAD = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def yaml_scalar(value: Any, indent: int) -> str:
    """One value as YAML text that PyYAML's safe loader reads back as the same value: a
    plain word, a literal block for multi-line text (``indent`` is the key's, -1 inside
    a flow collection), or a double-quoted string.

    >>> yaml_scalar("may be passive", -1), yaml_scalar("yes", -1), yaml_scalar("a: b", -1)
    ('may be passive', '"yes"', '"a: b"')
    """
    if type(value) is not str:  # most values are: they go straight to the plain-word test (a draft writes a million)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return repr(value) if value == value and value not in (float("inf"), float("-inf")) \
                else json.dumps(str(value))
        if not isinstance(value, str):
            raise TypeError(f"cannot write {type(value).__name__} in a dataset")
    if _PLAIN.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    if indent >= 0 and "\n" in value and value[:1] not in (" ", "\n") and not value.endswith("\n") \
            and not _BLOCK_BAD.search(value) and all(line == line.rstrip() for line in value.split("\n")):
        pad = " " * (indent + 2)
        return "|-\n" + "\n".join(pad + line if line else "" for line in value.split("\n"))
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file, made from :data:`SECTIONS` (it is committed
    as ``graph_data/dataset.schema.json``, and a test keeps the two equal)."""

    def field(f: Field) -> dict[str, Any]:
        if f is _CONFIDENCE:
            return {"type": "number", "minimum": 0, "maximum": 1, "description": f.help}
        types = [_JSON_TYPES[t] for t in f.types]
        out: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
        if "array" in types:
            out["items"] = {"type": "integer"} if f in (_ANCHOR["span"], SECTIONS["messages"]["quoted_at"]) \
                else {"type": "string"}
        if f.enum:
            out["enum"] = list(f.enum)
        if f.help:
            out["description"] = f.help
        if f.required and types == ["string"]:
            out |= {"minLength": 1, "pattern": "\\S"}
        return out

    def section(name: str) -> dict[str, Any]:
        spec = SECTIONS[name]
        obj = {"type": "object", "additionalProperties": False,
               "required": [k for k, f in spec.items() if f.required],
               "properties": {k: field(f) for k, f in spec.items()}}
        return obj if name == "source" else {"type": "array", "items": obj}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://conceptgraph.invalid/dataset.schema.json",
        "title": "conceptgraph dataset",
        "description": "A discussion as terms, attributes, contributors, messages, claims and relations. Every claim "
                       "and relation keeps its speaker, verbatim quote and place.",
        "type": "object",
        "additionalProperties": False,
        "properties": {name: section(name) for name in SECTIONS},
    }


def readme_fields() -> str:
    """The README's table of sections and fields, made from :data:`SECTIONS`."""
    rows = ["| section | fields (required in bold) |", "|---|---|"]
    for name, spec in SECTIONS.items():
        cells = [f"**`{k}`**" if f.required else f"`{k}`" for k, f in spec.items()]
        rows.append(f"| `{name}` | {', '.join(cells)} |")
    return "\n".join(rows)


if __name__ == "__main__":  # python -m conceptgraph.dataset [--readme] > graph_data/dataset.schema.json
    import json
    import sys

    if sys.argv[1:] == ["--readme"]:
        print(readme_fields())
    else:
        sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
