"""Read and validate dataset files (YAML) into a :class:`~conceptgraph.model.Dataset`.

A dataset is one YAML file, or a folder of them whose sections are joined. Every
mistake is reported as a :class:`~conceptgraph.errors.DatasetError` whose message
names the file, the line and the problem, e.g.::

    mydata.yaml:41: claims[3].by: unknown contributor 'tod' (did you mean 'todd'?)

YAML is read with PyYAML's safe loader (its C version when built): no Python object
is ever constructed from a tag, and documents whose aliases would expand into a
huge structure ("billion laughs") are refused before they are used.

>>> ds = parse_dataset('''
... terms: [{id: cooperation, label: cooperation}]
... attributes: [{id: passive, label: may be passive}]
... contributors: [{id: bart, name: Bart Stewart, role: commenter, where: comment 10}]
... claims: [{term: cooperation, attribute: passive, by: bart, quote: may be passive}]
... ''', "example.yaml")
>>> ds.claims[0].where
'comment 10'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DatasetError, article, did_you_mean
if TYPE_CHECKING:
    from .model import Dataset

__all__ = ["load_dataset", "parse_dataset", "dataset_files", "DATASET_SUFFIXES"]

DATASET_SUFFIXES = (".yaml", ".yml")



def _yaml() -> tuple[Any, Any]:
    """PyYAML and its fastest safe loader, imported on first use (a cached graph needs neither)."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# An anchor ("&name") where YAML allows one; only documents that have one take the
# slower path that measures how far their aliases expand.
_ANCHOR = re.compile(r"(?<![^\s\[{,])&[^\s\[\]{},]")
_MAX_EXPANSION = 10  # times the number of distinct YAML nodes, plus a small allowance

Path_ = tuple[str | int, ...]

# field name -> (python type, required)
_SPECS: dict[str, dict[str, tuple[type | tuple[type, ...], bool]]] = {
    "source": {"title": (str, True), "author": (str, False), "date": (str, False), "url": (str, False)},
    "terms": {"id": (str, True), "label": (str, False), "aliases": (list, False), "gloss": (str, False)},
    "attributes": {"id": (str, True), "label": (str, False), "description": (str, False)},
    "contributors": {"id": (str, True), "name": (str, True), "role": (str, True), "where": ((str, list), False), "quote": (str, False)},
    "claims": {
        "id": (str, False),
        "term": (str, True),
        "attribute": (str, True),
        "by": (str, True),
        "quote": (str, True),
        "where": (str, False),
        "negated": (bool, False),
    },
    "relations": {
        "id": (str, False),
        "kind": (str, True),
        "source": (str, True),
        "target": (str, True),
        "by": (str, False),
        "quote": (str, False),
        "where": (str, False),
    },
}
_SECTIONS = tuple(_SPECS)
_TYPE_NAMES = {str: "a string", list: "a list", bool: "true or false", dict: "a mapping"}


class _Doc:
    """One parsed file, kept so that an error can find the line of any path in it."""

    def __init__(self, file: str, text: str, data: Any) -> None:
        self.file, self.text, self.data = file, text, data

    def error(self, path: Path_, problem: str, *, key: bool = False) -> DatasetError:
        where = _format_path(path)
        return DatasetError(f"{where}: {problem}" if where else problem, self.file, _line_of(self.text, path, key))


def _format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(text: str, path: Path_, key: bool = False) -> int | None:
    """1-based line of the YAML node at ``path`` (of its key when ``key``), or None."""
    yaml, _Loader = _yaml()
    try:
        node = yaml.compose(text, Loader=_Loader)
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


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DatasetError(f"cannot read: {e.strerror or e}", str(path)) from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DatasetError("not a text file (it contains NUL bytes)", str(path), line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DatasetError(f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})", str(path), line) from None
    return text


def _expanded_size(root: Any) -> tuple[int, int]:
    """(distinct nodes, nodes after alias expansion) of a composed YAML document."""
    yaml, _ = _yaml()
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
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


def _parse_yaml(text: str, file: str) -> Any:
    yaml, _Loader = _yaml()
    try:
        anchor = _ANCHOR.search(text) if "&" in text else None  # str search first: the regex is slow
        if anchor:
            root = yaml.compose(text, Loader=_Loader)
            if root is not None:
                distinct, expanded = _expanded_size(root)
                if expanded > _MAX_EXPANSION * distinct + 10_000:
                    raise DatasetError(
                        f"YAML aliases would expand {distinct} nodes into {expanded}; refusing an alias bomb",
                        file,
                        text.count("\n", 0, anchor.start()) + 1,
                    )
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = (e.problem or e.context or "syntax error").strip()
        raise DatasetError(f"YAML syntax error: {problem}", file, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as e:
        raise DatasetError(f"YAML error: {str(e).splitlines()[0]}", file) from None


def dataset_files(path: str | os.PathLike[str]) -> list[Path]:
    """The YAML files that make up the dataset at ``path`` (a file, or a folder of them)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.suffix.lower() in DATASET_SUFFIXES and f.is_file())
        if not files:
            raise DatasetError("folder holds no dataset file (*.yaml, *.yml)", str(p))
        return files
    if not p.exists():
        raise DatasetError("no such file or folder", str(p))
    return [p]


def load_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read and validate the dataset at ``path``: a YAML file or a folder of YAML files.

    Raises :class:`DatasetError` naming the file and line of the first mistake.
    """
    docs = []
    for f in dataset_files(path):
        docs.append(_Doc(str(f), text := _read_text(f), _parse_yaml(text, str(f))))
    return _build(docs)


def parse_dataset(text: str, file: str = "<string>") -> Dataset:
    """Validate a dataset given as YAML text; ``file`` names it in error messages."""
    return _build([_Doc(file, text, _parse_yaml(text, file))])


def _check_fields(doc: _Doc, path: Path_, item: Any, section: str) -> dict[str, Any]:
    spec = _SPECS[section]
    if not isinstance(item, dict):
        raise doc.error(path, f"expected a mapping with {', '.join(k for k, (_, r) in spec.items() if r)}")
    for k in item:
        if k not in spec:
            raise doc.error(
                (*path, str(k)), f"unknown field '{k}'{did_you_mean(str(k), spec)}", key=True
            )
    for name, (typ, required) in spec.items():
        value = item.get(name)
        if value is None:
            if required or name in item:
                raise doc.error(path if name not in item else (*path, name), f"missing field '{name}'")
            continue
        if isinstance(value, bool) and typ is not bool:
            ok = False
        else:
            ok = isinstance(value, typ)
        if not ok:
            want = " or ".join(_TYPE_NAMES[t] for t in (typ if isinstance(typ, tuple) else (typ,)))
            raise doc.error((*path, name), f"'{name}' must be {want}, not {_describe(value)}")
        if isinstance(value, str) and not value.strip() and (required or name == "id"):
            raise doc.error((*path, name), f"'{name}' is empty")
        if isinstance(value, list):
            for i, v in enumerate(value):
                if not isinstance(v, str) or isinstance(v, bool):
                    raise doc.error((*path, name, i), f"'{name}' items must be strings, not {_describe(v)}")
    return item


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _entries(docs: list[_Doc], section: str) -> Iterator[tuple[_Doc, Path_, dict[str, Any]]]:
    for doc in docs:
        items = doc.data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            raise doc.error((section,), f"'{section}' must be a list, not {_describe(items)}")
        for i, item in enumerate(items):
            yield doc, (section, i), _check_fields(doc, (section, i), item, section)


def _build(docs: list[_Doc]) -> Dataset:
    # imported here: a command answered from the graph cache never needs the model
    from .kinds import ATTRIBUTE_RELATIONS, CONTRIBUTOR_RELATIONS, RELATION_KINDS, ROLES, TERM_RELATIONS
    from .model import (
        Attribute,
        Claim,
        Contributor,
        Dataset,
        Relation,
        Source,
        Term,
    )

    for doc in docs:
        if doc.data is None:
            raise DatasetError("empty file: expected sections " + ", ".join(_SECTIONS), doc.file, 1)
        if not isinstance(doc.data, dict):
            raise doc.error((), f"expected a mapping of sections ({', '.join(_SECTIONS)}), not {_describe(doc.data)}")
        for k in doc.data:
            if k not in _SPECS:
                raise doc.error((str(k),), f"unknown section '{k}'{did_you_mean(str(k), _SECTIONS)}", key=True)

    source = Source(title="")
    source_doc: _Doc | None = None
    for doc in docs:
        if "source" in doc.data:
            if source_doc is not None:
                raise doc.error(("source",), f"'source' is already given in {source_doc.file}", key=True)
            src = doc.data["source"]
            if not isinstance(src, dict):
                raise doc.error(("source",), f"'source' must be a mapping, not {_describe(src)}")
            if not isinstance(src.get("date"), (str, type(None))):  # an unquoted YAML date is read as a date
                src = {**src, "date": str(src["date"])}
            src = _check_fields(doc, ("source",), src, "source")
            source, source_doc = Source(**{k: v.strip() for k, v in src.items()}), doc

    node_origin: dict[str, tuple[_Doc, Path_, str]] = {}

    def register(doc: _Doc, path: Path_, ident: str, kind: str) -> None:
        if ident in node_origin:
            first_doc, first_path, first_kind = node_origin[ident]
            line = _line_of(first_doc.text, (*first_path, "id"))
            at = f"{first_doc.file}:{line}" if first_doc is not doc else f"line {line}"
            raise doc.error((*path, "id"), f"duplicate id '{ident}' (already {article(first_kind)} at {at})")
        node_origin[ident] = (doc, path, kind)

    terms = []
    for doc, path, e in _entries(docs, "terms"):
        register(doc, path, e["id"], "term")
        terms.append(Term(e["id"], e.get("label") or e["id"], tuple(e.get("aliases") or ()), e.get("gloss") or ""))
    attributes = []
    for doc, path, e in _entries(docs, "attributes"):
        register(doc, path, e["id"], "attribute")
        attributes.append(Attribute(e["id"], e.get("label") or e["id"], e.get("description") or ""))
    contributors = []
    for doc, path, e in _entries(docs, "contributors"):
        register(doc, path, e["id"], "contributor")
        if e["role"] not in ROLES:
            raise doc.error(
                (*path, "role"), f"unknown role '{e['role']}'{did_you_mean(e['role'], ROLES)}; one of {', '.join(ROLES)}"
            )
        where = e.get("where") or ()
        where = (where,) if isinstance(where, str) else tuple(where)
        contributors.append(Contributor(e["id"], e["name"], e["role"], where, e.get("quote") or ""))

    places = {c.id: c.where for c in contributors}

    def ref(doc: _Doc, path: Path_, field_: str, value: str, kind: str) -> None:
        origin = node_origin.get(value)
        if origin is None or origin[2] != kind:
            if origin is not None:
                other = f" (it is {article(origin[2])})"
            else:
                other = did_you_mean(value, (i for i, (_, _, k) in node_origin.items() if k == kind))
            raise doc.error((*path, field_), f"unknown {kind} '{value}'{other}")

    claims, seen = [], {}
    for n, (doc, path, e) in enumerate(_entries(docs, "claims"), 1):
        ref(doc, path, "term", e["term"], "term")
        ref(doc, path, "attribute", e["attribute"], "attribute")
        ref(doc, path, "by", e["by"], "contributor")
        where = e.get("where") or ""
        if not where:
            if len(places[e["by"]]) != 1:
                raise doc.error(path, f"missing field 'where' ('{e['by']}' spoke in {len(places[e['by']])} places)")
            where = places[e["by"]][0]
        ident = e.get("id") or f"claim-{n}"
        _unique(doc, path, ident, seen, "claim")
        claims.append(Claim(ident, e["term"], e["attribute"], e["by"], e["quote"], where, bool(e.get("negated", False))))

    relations, seen = [], {}
    allowed = {"term": TERM_RELATIONS, "attribute": ATTRIBUTE_RELATIONS, "contributor": CONTRIBUTOR_RELATIONS}
    for n, (doc, path, e) in enumerate(_entries(docs, "relations"), 1):
        kind = e["kind"]
        if kind not in RELATION_KINDS:
            raise doc.error((*path, "kind"), f"unknown relation kind '{kind}'{did_you_mean(kind, RELATION_KINDS)}")
        endpoint = next(k for k, kinds in allowed.items() if kind in kinds)
        ref(doc, path, "source", e["source"], endpoint)
        ref(doc, path, "target", e["target"], endpoint)
        if e.get("by"):
            ref(doc, path, "by", e["by"], "contributor")
        where = e.get("where") or ""
        if not where and e.get("by") and len(places[e["by"]]) == 1:
            where = places[e["by"]][0]
        ident = e.get("id") or f"relation-{n}"
        _unique(doc, path, ident, seen, "relation")
        relations.append(Relation(ident, kind, e["source"], e["target"], e.get("by") or "", e.get("quote") or "", where))

    return Dataset(source, tuple(terms), tuple(attributes), tuple(contributors), tuple(claims), tuple(relations))


def _unique(doc: _Doc, path: Path_, ident: str, seen: dict[str, Path_], what: str) -> None:
    if ident in seen:
        raise doc.error((*path, "id"), f"duplicate {what} id '{ident}'")
    seen[ident] = path
