"""The one place that turns answers into output: JSON for machines, text for people.

Every command hands its answer to :func:`emit`: with ``--json`` the answer itself is
printed as JSON (an empty answer too: ``[]``), otherwise the formatter named after the
command (``FORMATTERS``) turns it into readable text, with any control character from
the data shown escaped. Tables fit the terminal's width (``$COLUMNS``, else the width of
the terminal standard output is; a pipe or a file gets whole lines), wrapping long cells.
Whatever the JSON marks as the curator's reading (``inferred``) or as drafted, the text
says so too. Data goes to stdout only; messages go to stderr.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from typing import Any, TextIO

from .errors import excerpt, printable
from .kinds import AGREES_WITH, CO_OCCURS, DISPUTES, MENTIONS, RELATION_KINDS, STANCES, claim_text, denial, stance_about
from .places import listed
from .stdout import write_stdout

__all__ = ["emit", "emit_bytes", "to_json", "table", "wrap_quote", "FORMATTERS", "is_empty", "terminal_width"]

#: The width text is fitted to while a formatter runs (None: no limit).
_WIDTH: ContextVar[int | None] = ContextVar("width", default=None)


def to_json(result: Any) -> str:
    """Stable JSON: keys kept in the order the library built them, non-ASCII kept.

    >>> to_json({"b": 1, "a": [None]})
    '{\\n  "b": 1,\\n  "a": [\\n    null\\n  ]\\n}'
    """
    return json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False, default=str)


def is_empty(result: Any) -> bool:
    """An answer with nothing in it: an empty list, or a path or thread without nodes."""
    if isinstance(result, list):
        return not result
    if isinstance(result, dict) and set(result) in ({"nodes", "steps"}, {"messages"}):
        return not next(iter(result.values()))
    return False


def emit(result: Any, as_json: bool, command: str, out: TextIO | None = None) -> None:
    """Print ``result`` as JSON when ``as_json``, else as the text of ``command``'s
    formatter, to ``out`` (default: standard output, every byte checked). Raises
    :class:`OutputError` when it cannot be written."""
    if as_json:
        body = to_json(result)
    else:
        width = terminal_width(out or sys.stdout)
        token = _WIDTH.set(width)
        try:
            lines = [_clean(line) for line in FORMATTERS[command](_flat(result)).split("\n")]
        finally:
            _WIDTH.reset(token)
        body = "\n".join(part for line in lines for part in _hang(line, width))
    if not body:
        return
    body = body if body.endswith("\n") else body + "\n"
    if out is not None:
        out.write(body)
        return
    # A lone surrogate (from a hand-built graph), or a character the terminal's encoding
    # lacks, is shown escaped rather than failing.
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    write_stdout(body.encode(encoding, "backslashreplace"))


def _flat(value: Any, key: str = "", parent: dict[str, Any] | None = None) -> Any:
    """``value`` with the line breaks of its texts as spaces, so that a label or a name
    holding one cannot break the line it is printed on; a message's own text (the
    thread's, whose paragraphs are printed as such) keeps them, and so does a review's
    note, one line for each thing it says (a label's own breaks are spaces there too).

    >>> _flat({"label": "a\\nb", "messages": [{"text": "p1\\n\\np2", "reply_where": ""}]})
    {'label': 'a b', 'messages': [{'text': 'p1\\n\\np2', 'reply_where': ''}]}
    """
    if isinstance(value, str):
        keep = key == "text" and parent is not None and "reply_where" in parent
        if key == "note" and parent is not None and "reviewed" in parent and "left" in parent:
            # (a line's indent kept: the items a note lists under its first line)
            return "\n".join(" " * (len(line) - len(line.lstrip(" "))) + " ".join(line.split()) for line in value.split("\n"))
        return value if keep or ("\n" not in value and "\r" not in value) else " ".join(value.split())
    if isinstance(value, dict):
        return {k: _flat(v, str(k), value) for k, v in value.items()}
    if isinstance(value, list):
        return [_flat(v, key, parent) for v in value]
    return value


def emit_bytes(data: bytes) -> None:
    """Write a document (a page, an export) to standard output as it is."""
    write_stdout(data)


def terminal_width(out: TextIO) -> int | None:
    """The columns text written to ``out`` should fit: ``$COLUMNS`` when set, else the
    width of the terminal ``out`` is, else None (a pipe or a file: no limit)."""
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        if out.isatty():
            return os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        pass
    return None


def _char_width(ch: str) -> int:
    """The columns one character takes alone: 2 for a wide one (CJK, most emoji), 0 for
    one drawn on another (accents, joiners, variation selectors, other format marks)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _width(s: str) -> int:
    """The columns ``s`` takes in a terminal: an emoji made of several joined ("🏳️‍🌈",
    "👩‍💻") is one wide glyph, and one asked to look like an emoji (U+FE0F) is wide.

    >>> _width("abc"), _width("日本"), _width("🏳️‍🌈 ok"), _width("é")
    (3, 4, 5, 1)
    """
    if s.isascii():
        return len(s)
    total, last, joined = 0, 0, False
    for ch in s:
        if ch == "\u200d":  # what follows is drawn into what came before
            joined = True
            continue
        if ch == "\ufe0f" and last == 1:  # shown as an emoji: wide
            total += 1
            last = 2
            continue
        w = _char_width(ch)
        if joined and w:
            joined = False
            continue
        total += w
        last = w or last
    return total


def _pad(s: str, width: int) -> str:
    """``s`` and the spaces that make it ``width`` columns wide."""
    return s + " " * max(width - _width(s), 0)


def _hang(line: str, width: int | None) -> list[str]:
    """A line longer than ``width`` columns, broken at spaces, its continuations indented
    four more than it (a table, fitted already, is never this long).

    >>> _hang("  may be passive  /  always active  Bart Stewart", 30)
    ['  may be passive  /  always', '      active  Bart Stewart']

    A word longer than a line is cut across lines, and no space is put into it (its
    pieces joined again, it is the word as said):

    >>> _hang("  " + "unanimity-" * 5, 20)
    ['  unanimity-unanimit', '      y-unanimity-un', '      animity-unanim', '      ity-']
    """
    if width is None or _width(line) <= width:
        return [line]
    indent = len(line) - len(line.lstrip(" "))
    more = " " * min(indent + 4, width // 2)
    first, *rest = _wrap(line[indent:], width - indent, width - len(more))
    return [" " * indent + first.rstrip(), *(more + part.strip() for part in rest)]


def _wrap(text: str, width: int, then: int | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` columns (``then`` after the first), broken
    at spaces where it can be and inside a word where a word is longer than a line."""
    lines: list[str] = []
    line = ""

    def room() -> int:
        return width if not lines or then is None else then

    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _width(candidate) <= room():
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:
            if _width(line) + _char_width(ch) > room() and line:
                lines.append(line)
                line = ""
            line += ch
    lines.append(line)
    return lines


def _fit(widths: list[int], headers: Sequence[str], cells: list[list[str]], width: int) -> list[int]:
    """Column widths that fit ``width`` columns with two spaces between columns: the
    widest column gives way first, down to its longest word (a long header wraps too),
    then (if it must) down to its header's longest word."""
    widths = list(widths)
    longest_word = [max([_width(w) for r in cells for w in r[i].split(" ")], default=0) for i in range(len(widths))]
    header_word = [max(_width(w) for w in h.split(" ")) for h in headers]
    excess = sum(widths) + 2 * (len(widths) - 1) - width
    for floor in ([max(h, min(w, 24)) for h, w in zip(header_word, longest_word)], header_word):
        while excess > 0:
            give = [i for i in range(len(widths)) if widths[i] > floor[i]]
            if not give:
                break
            i = max(give, key=lambda i: widths[i])
            widths[i] -= 1
            excess -= 1
    return widths


def _clean(cell: Any) -> str:
    # A dataset string may hold control characters that would move the cursor or
    # recolour a terminal: show them escaped instead.
    return printable("" if cell is None else str(cell))


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str], width: int | None = None) -> str:
    """A plain-text table with aligned columns, fitted to ``width`` columns (default: the
    width the answer is printed at) by wrapping the widest cells onto more lines.

    >>> print(table([["cooperation", 3]], ["term", "n"]))
    term         n
    -----------  -
    cooperation  3
    >>> print(table([["response 5, comment 3, comment 4", 3]], ["where", "n"], width=20))
    where              n
    -----------------  -
    response 5,        3
    comment 3,
    comment 4
    """
    cells = [[_clean(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    width = width if width is not None else _WIDTH.get()
    if width is not None:
        widths = _fit(widths, headers, cells, width)

    def lines(row: Sequence[str]) -> list[str]:
        wrapped = [_wrap(c, w) if _width(c) > w else [c] for c, w in zip(row, widths)]
        return ["  ".join(part[k] + " " * (w - _width(part[k])) if k < len(part) else " " * w
                          for part, w in zip(wrapped, widths)).rstrip()
                for k in range(max(map(len, wrapped)))]

    return "\n".join([*lines(headers), "  ".join("-" * w for w in widths), *(x for r in cells for x in lines(r))])


def _one_line(quote: str) -> str:
    """A quote as one line: its line breaks (a mail's wrapped lines) as spaces."""
    return _clean(" ".join(quote.split()))


def wrap_quote(quote: str, speaker: str, where: str, indent: str = "    ") -> str:
    """One line of evidence: the quote in typographic quotes, then who and where. A
    quote's line breaks (a mail's wrapped lines) read as spaces.

    >>> wrap_quote("Based on actual\\nexperience", "Zack", "message 6", "")
    '“Based on actual experience” (Zack, message 6)'
    """
    who = ", ".join(_clean(x) for x in (speaker, where) if x)
    said = f"“{_one_line(quote)}”" if quote else ""
    return indent + " ".join(x for x in (said, f"({who})" if who else "") if x)


# --- one formatter per command ------------------------------------------------------


def _names(names: list[str]) -> str:
    return ", ".join(names) if names else "-"


def info_text(s: dict[str, Any]) -> str:
    src = s["source"]
    head = f"{src['title'] or '(untitled)'}" + (f" — {src['author']}" if src["author"] else "")
    head += f", {src['date']}" if src["date"] else ""
    nodes = table(s["nodes"].items(), ["node kind", "count"])
    edges = table(s["edges"].items(), ["edge kind", "count"])
    return f"{head}\n\n{nodes}\n\n{edges}"


def validate_text(s: dict[str, Any]) -> str:
    nodes = ", ".join(f"{n} {k}" + ("" if n == 1 else "s") for k, n in s["nodes"].items())
    return f"valid: {nodes}; {sum(s['edges'].values())} edges"


_INFERENCE = "the curator's inference"
_DRAFTED = "drafted from the text"


#: What a context link is, said where one is listed beside what people stated: that the
#: text names two terms in one sentence (or a person names a term) asserts nothing
_CONTEXT = {CO_OCCURS: "context: named in one sentence, no one's claim", MENTIONS: "context: named, no claim"}


def _provenance(e: dict[str, Any]) -> str:
    """How an item came to be, when not simply said: drafted, the curator's reading, or
    a context link (no one's claim, though its sentence stays quoted)."""
    notes = [_CONTEXT[e["kind"]]] if e.get("kind") in _CONTEXT else []
    if e.get("status") == "draft":
        notes.append(_DRAFTED)
    if e.get("inferred"):
        notes.append(_INFERENCE)
    return f" [{'; '.join(notes)}]" if notes else ""


def _inference(parts: list[str], whole: bool = False) -> str:
    """The mark of what is the curator's reading rather than the speakers' words: all of
    the line (``whole``), or the ``parts`` named."""
    if whole:
        return f"  [{_INFERENCE}]"
    return f"  [{_INFERENCE}: {'; '.join(parts)}]" if parts else ""


def _read_by(names: list[str], of: str) -> list[str]:
    """Parts of a mark: who said it ``of`` a term only in the curator's reading."""
    return [f"{n} of {of}" for n in names]


def _drafted(drafted: list[str], names: list[str]) -> str:
    """The mark of a line naming ``names``, of whom ``drafted`` are only in a draft."""
    if not drafted:
        return ""
    return f"  [{_DRAFTED}]" if set(drafted) >= set(names) else f"  [drafted: {_names(drafted)}]"


def _mark(read: list[str], names: list[str]) -> str:
    """The mark of a line naming ``names``, of whom ``read`` said it only in the curator's reading."""
    return _inference(read, whole=bool(read) and set(read) >= set(names))


def neighbors_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""

    def relation(r: dict[str, Any]) -> str:
        drafted = set(r.get("drafted_relations", ()))
        kinds = [k + (" [drafted]" if k in drafted else "") for k in r["relations"]]
        return ", ".join(kinds) + (" (denied)" if r.get("negated") else "") + _provenance(r)

    return table(
        [[r["distance"], r["kind"], r["label"], relation(r), r["direction"], r["via_label"]] for r in rows],
        ["dist", "kind", "neighbour", "relation", "dir", "via"],
    )


def _quotes(item: dict[str, Any]) -> list[str]:
    return [wrap_quote(q["quote"], q["speaker"], q["where"], "      ") + _provenance(q) for q in item.get("quotes", [])]


def _attributes(items: list[dict[str, Any]], skip: frozenset[str] | set[str] = frozenset(), other: str = "") -> list[str]:
    rows = [i for i in items if i["attribute"] not in skip]
    if not rows:
        return ["  (none)"]
    width = max(_width(i["label"]) for i in rows)
    out = []
    for i in rows:
        denial = i.get("denied_for_a") or i.get("denied_for_b")
        note = f"  [denied of {other} by {_names(denial)}]" if denial else ""
        note += _taken_back(i, "  [", "]")
        out.append(f"  {_pad(i['label'], width)}  {_names(i['supporters'])}{_mark(i.get('inferred_by', []), i['supporters'])}"
                   f"{note}{_drafted(i.get('drafted_by', []), i['supporters'])}")
        out += _quotes(i)
    return out


def _contrast_lines(r: dict[str, Any], a: str, b: str) -> list[str]:
    """Each distinction with who said each side: "X / Y" of names, one name when the
    same people said both sides."""
    rows = r["contrasts"]
    if not rows:
        return ["  (none)"]

    def side(c: dict[str, Any], which: str) -> str:  # a side denied reads "not: LABEL"
        label = c["label"] if which == "a" else c["opposite_label"]
        return f"not: {label}" if c.get("denied") == which else label

    left = max(_width(side(c, "a")) for c in rows)
    right = max(_width(side(c, "b")) for c in rows)
    out = []
    for c in rows:
        sides = c["supporters_a"], c["supporters_b"]
        who = _names(sides[0]) if sides[0] == sides[1] else f"{_names(sides[0])} / {_names(sides[1])}"
        others = [n for n in c["stated_by"] if n not in sides[0] and n not in sides[1]]
        who += f"; opposed by {_names(others)}" if others else ""
        parts = (["the pairing"] if c.get("inferred") else []) + _read_by(c.get("inferred_by_a", []), a) \
            + _read_by(c.get("inferred_by_b", []), b)
        whole = bool(c.get("inferred")) and set(c.get("inferred_by_a", [])) >= set(sides[0]) \
            and set(c.get("inferred_by_b", [])) >= set(sides[1])
        out.append(f"  {_pad(side(c, 'a'), left)}  /  {_pad(side(c, 'b'), right)}  {who}{_inference(parts, whole)}"
                   f"{f'  [{_DRAFTED}]' if c.get('drafted') else ''}")
        out += _quotes(c)
    return out


def _shared_lines(items: list[dict[str, Any]], a: str, b: str) -> tuple[list[str], list[str]]:
    """What was said of both terms: (by one speaker of both, of each by different speakers)."""
    both: list[str] = []
    apart: list[str] = []
    width = max((_width(i["label"]) for i in items), default=0)
    for i in items:
        one = i.get("supporters_both", [])
        only_a = [n for n in i["supporters_a"] if n not in one]
        only_b = [n for n in i["supporters_b"] if n not in one]
        said = [_names(one)] if one else []
        said += [f"{'also ' if one else ''}of {t}: {_names(names)}" for t, names in ((a, only_a), (b, only_b)) if names]
        read = _read_by([n for n in i.get("inferred_by_a", []) if n not in i.get("inferred_by_b", [])], a) \
            + _read_by([n for n in i.get("inferred_by_b", []) if n not in i.get("inferred_by_a", [])], b) \
            + [n for n in i.get("inferred_by_a", []) if n in i.get("inferred_by_b", [])]
        whole = set(i.get("inferred_by_a", [])) >= set(i["supporters_a"]) \
            and set(i.get("inferred_by_b", [])) >= set(i["supporters_b"])
        (both if one else apart).append(f"  {_pad(i['label'], width)}  {'; '.join(said)}{_inference(read, whole)}"
                                        f"{_drafted(i.get('drafted_by', []), i['supporters'])}")
        (both if one else apart).extend(_quotes(i))
    return both or ["  (none)"], apart


def compare_text(r: dict[str, Any]) -> str:
    a, b = r["a"]["label"], r["b"]["label"]
    lines = [f"{a} vs {b}", ""]
    if r["relations"]:
        lines += ["How they relate", *_edge_lines(r["relations"]), ""]
    lines.append(f"Distinctions drawn: {a} / {b} (who said each side)")
    lines += _contrast_lines(r, a, b)
    contrasted_a = {c["attribute"] for c in r["contrasts"]}
    contrasted_b = {c["opposite"] for c in r["contrasts"]}
    lines += ["", f"Said only of {a}" + (" (besides the distinctions)" if contrasted_a else "")]
    lines += _attributes(r["only_a"], contrasted_a, b)
    lines += ["", f"Said only of {b}" + (" (besides the distinctions)" if contrasted_b else "")]
    lines += _attributes(r["only_b"], contrasted_b, a)
    both, apart = _shared_lines(r["shared"], a, b)
    lines += ["", "Said of both by one speaker", *both]
    if apart:
        lines += ["", f"Said of {a} by some and of {b} by others", *apart]
    if r["denied"]:
        lines += ["", "Denied"]
        for d in r["denied"]:
            term = a if d["term"] == r["a"]["id"] else b
            also = f"; the opposite said by {_names(d['asserted_by'])}" if d["asserted_by"] else ""
            named = d["denied_by"] + d["asserted_by"]
            # the denial as said ("concept: not understood"), then who said it: read alone, the
            # line must not seem to say the opposite
            lines.append(f"  {claim_text(term, d['label'], True)} — said by {_names(d['denied_by'])}{also}"
                         + _mark(d.get("inferred_by", []), named) + _drafted(d.get("drafted_by", []), named))
            lines += _quotes(d)
    lines += ["", f"Spoke of both: {_names(r['spoke_of_both']) if r['spoke_of_both'] else '(none)'}"]
    return "\n".join(lines)


def _about(e: dict[str, Any], target: str) -> str:
    """What a stance is about: the points it names, else everything its target said."""
    return stance_about(e.get("concerns_labels") or [], target)


def _edge_lines(edges: list[dict[str, Any]], indent: str = "  ") -> list[str]:
    out = []
    for e in edges:
        who = ", ".join(x for x in (e["speaker"], e["where"]) if x)
        # a stance says what it is about, as who and consensus say it (its target ends its text)
        phrase = f" {RELATION_KINDS[e['kind']]} " if e.get("kind") in STANCES else ""
        about = _about(e, e["text"].split(phrase, 1)[1]) if phrase and phrase in e["text"] else ""
        back = f"  [taken back, {e['taken_back']}]" if e.get("taken_back") else ""
        out.append(f"{indent}{e['text']}{about}" + (f" ({who})" if who else "") + _provenance(e) + back)
        if e.get("quote"):
            out.append(wrap_quote(e["quote"], "", "", indent + "    "))
    return out


def why_text(edges: list[dict[str, Any]]) -> str:
    return "\n".join(_edge_lines(edges, ""))


def path_text(r: dict[str, Any]) -> str:
    if not r["nodes"]:
        return ""
    labels = {n["id"]: n["label"] for n in r["nodes"]}
    lines = [" → ".join(f"{n['label']} ({n['kind']})" for n in r["nodes"]), ""]
    for i, step in enumerate(r["steps"], 1):
        lines.append(f"{i}. {labels[step['from']]} — {labels[step['to']]}")
        lines += _edge_lines(step["edges"], "   ")
    return "\n".join(lines)


def who_text(r: dict[str, Any]) -> str:
    c = r["contributor"]
    lines = [f"{c['name']} ({c['role']}, {', '.join(c['where']) or 'place unknown'})"]
    if c["quote"]:
        lines.append(wrap_quote(c["quote"], "", "", "  "))
    lines += ["", f"Claims ({len(r['claims'])})"]
    for cl in r["claims"]:
        back = f"  [taken back, {cl['taken_back']}]" if cl.get("taken_back") else ""
        lines.append(f"  {cl['text']}{_provenance(cl)}{back}")
        lines.append(wrap_quote(cl["quote"], "", cl["where"], "      "))
    if not r["claims"]:
        lines.append("  (none)")
    if r["stated"]:
        lines += ["", "Relations stated"] + _edge_lines(r["stated"])
    for key, title in ((AGREES_WITH, "Agrees with"), (DISPUTES, "Disputes"),
                       ("agreed_by", "Agreed with by"), ("disputed_by", "Disputed by")):
        if r[key]:
            lines += ["", title]
            for p in r[key]:
                target = p["name"] if key in (AGREES_WITH, DISPUTES) else c["name"]
                lines.append(f"  {p['name']}{_about(p, target)}{_provenance(p)}")
                lines.append(wrap_quote(p["quote"], "", p["where"], "      "))
    return "\n".join(lines)


def contributors_text(rows: list[dict[str, Any]]) -> str:
    return table(
        [[r["name"], r["role"], listed(r["where"]),
          f"{r['messages']} ({r['gone']} deleted)" if r.get("gone") else r["messages"], r["claims"], r["relations"],
          r["id"]] for r in rows],
        ["name", "role", "where", "messages", "claims", "relations", "id"],
    )


def _first_names(names: list[str], shown: int = 3) -> str:
    """The first few of a term's other names ("cooperate, cooperates, cooperated, +7"):
    its inflections would fill the line; ``--json`` gives them all."""
    return ", ".join(names[:shown] + ([f"+{len(names) - shown}"] if len(names) > shown else []))


def terms_text(rows: list[dict[str, Any]]) -> str:
    return table(
        [[r["label"], _first_names(r["aliases"]), r["claims"], r["people"], r["relations"],
          f"draft {r['confidence']:.2f}" if r.get("status") and r.get("confidence") is not None else r.get("status", ""),
          r["id"]] for r in rows],
        ["term", "other names", "claims", "people", "relations", "status", "id"],
    )


def _taken_back(item: dict[str, Any], opening: str, closing: str) -> str:
    """Who of an attribute's supporters took back what they said of it, and where."""
    return "".join(f"{opening}taken back by {t['speaker']}, {t['where']}{closing}" for t in item.get("taken_back", ()))


def _stance_lines(s: dict[str, Any], verb: str) -> list[str]:
    later = f" (agrees later: {s['later_agrees']})" if s.get("later_agrees") else ""
    later += f" ({s['to']} gives way: {s['gives_way']})" if s.get("gives_way") else ""
    return [f"  {s['from']} {verb} {s['to']}{_about(s, s['to'])}{_provenance(s)}{later}",
            wrap_quote(s["quote"], "", s["where"], "      ")]


def consensus_text(r: dict[str, Any]) -> str:
    lines = ["Most supported (distinct contributors)"]
    shown = r["agreed"]
    if not shown:
        lines.append("  (none)")
    elif any("quotes" in i for i in shown):  # every quote under its line: a table cannot hold them
        for i in shown:
            endorsed = f"; endorsed by {_names(i['endorsed_by'])}" if i["endorsed_by"] else ""
            lines.append(f"  {i['count']}  {claim_text(i['term_label'], i['label'], i.get('denied', False))} — "
                         f"{_names(i['supporters'])}"
                         f"{endorsed}{_mark(i.get('inferred_by', []), i['supporters'])}"
                         f"{_drafted(i.get('drafted_by', []), i['supporters'])}{_taken_back(i, ' [', ']')}")
            lines += _quotes(i)
    else:
        rows = [[i["count"], i["term_label"], "".join(denial(i["label"])) if i.get("denied") else i["label"],
                 _names(i["supporters"])
                 + _mark(i.get("inferred_by", []), i["supporters"]) + _drafted(i.get("drafted_by", []), i["supporters"])
                 + _taken_back(i, " (", ")"),
                 _names(i["endorsed_by"])] for i in shown]
        lines.append(table(rows, ["n", "term", "attribute", "supporters", "endorsed by (agrees with a supporter)"]))
    if r.get("more"):
        lines.append(f"... and {r['more']} more (--limit 0 for all)")
    lines += ["", "Disputed"]
    for d in r["disputed"]:
        if d["type"] == "asserted_and_denied":
            lines.append(f"  {claim_text(d['term_label'], d['label'])}: asserted by {_names(d['asserted_by'])}, "
                         f"denied by {_names(d['denied_by'])}"
                         + _mark(d.get("inferred_by", []), d["asserted_by"] + d["denied_by"])
                         + _drafted(d.get("drafted_by", []), d["asserted_by"] + d["denied_by"]))
            lines += _quotes(d)
        elif d["type"] == "opposed_attributes":
            parts = (["the opposition"] if d.get("inferred") else []) + _read_by(d.get("inferred_by", []), d["label"]) \
                + _read_by(d.get("opposite_inferred_by", []), d["opposite_label"])
            lines.append(f"  {d['term_label']} is both “{d['label']}” ({_names(d['asserted_by'])}) and the opposed "
                         f"“{d['opposite_label']}” ({_names(d['opposite_asserted_by'])}){_inference(parts)}"
                         + _drafted(d.get("drafted_by", []) + d.get("opposite_drafted_by", []),
                                    d["asserted_by"] + d["opposite_asserted_by"]))
            lines += _quotes(d)
        else:
            lines += _stance_lines(d, "disputes")
    if not r["disputed"]:
        lines.append("  (none)")
    lines += ["", "Agreements"]
    for g in r["agreements"]:
        lines += _stance_lines(g, "agrees with")
    if not r["agreements"]:
        lines.append("  (none)")
    return "\n".join(lines)


def rank_text(rows: list[dict[str, Any]]) -> str:
    # a degree is a count: 42, not 42.0; other scores alike to three places (0.000, not 0.0 beside 0)
    counts = all(float(r["score"]).is_integer() for r in rows)

    def shown(score: float) -> str:
        return str(int(score)) if counts else f"{score:.3f}"

    return table([[i, shown(r["score"]), r["kind"], r["label"]] for i, r in enumerate(rows, 1)],
                 ["#", "score", "kind", "node"])


def clusters_text(rows: list[dict[str, Any]]) -> str:
    # a label two kinds of node share ("idea" the term, "idea" the attribute) says which it is
    kinds: dict[str, set[str]] = {}
    for c in rows:
        for m in c["members"]:
            kinds.setdefault(m["label"].casefold(), set()).add(m["kind"])

    def shown(m: dict[str, Any]) -> str:
        return f"{m['label']} ({m['kind']})" if len(kinds[m["label"].casefold()]) > 1 else m["label"]

    lines = []
    for c in rows:
        head = ", ".join(c["terms"][:4]) or c["members"][0]["label"]
        lines.append(f"{c['cluster']}. {head} ({c['size']} node{'s' if c['size'] != 1 else ''})")
        lines.append("   " + ", ".join(shown(m) for m in c["members"][:12]) + (" ..." if c["size"] > 12 else ""))
    return "\n".join(lines)


def search_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    return table([[r["kind"], r["label"], r["matched"], r["id"]] for r in rows], ["kind", "label", "matched", "id"])


def _marked(text: str, spans: list[list[int]]) -> str:
    """``text`` with each span between ⟦ and ⟧."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [text[at:start], "⟦", text[start:end], "⟧"]
        at = end
    out.append(text[at:])
    return "".join(out)


def _quoted_text(m: dict[str, Any]) -> str:
    """A message's words (``--text``'s marked) with what it quotes of others, each
    passage as "> ..." where it stood (above them all when the import did not know):
    what the words after it answer, never its words.

    >>> print(_quoted_text({"text": "Yes.\\n\\nNo.", "quotes": ["A.", "B."], "quoted_at": [0, 6]}))
    > A.
    Yes.
    > B.
    No.
    """
    quotes, text = m.get("quotes", []), m["text"]
    at = m.get("quoted_at") or [0] * len(quotes)
    cuts = sorted({0, len(text), *(min(a, len(text)) for a in at)})
    out = []
    for a, b in zip(cuts, [*cuts[1:], len(text)]):  # (the last, from the end to the end: the quotes there)
        out += [f"> {_one_line(q)}" for q, x in zip(quotes, at) if min(x, len(text)) == a]
        if b > a or a == len(text) == 0:
            spans = [[max(s, a) - a, min(e, b) - a] for s, e in m.get("mentions", ()) if s < b and e > a]
            part = _marked(text[a:b], spans) if "mentions" in m else text[a:b]
            out += [part.strip("\n")] if part.strip("\n") or not out else []
    return "\n".join(out)


def thread_text(r: dict[str, Any]) -> str:
    lines = []
    for m in r["messages"]:  # a reply names the place it answers, not its id
        head = f"{m['where']} — {m['speaker']}" + (f" (replies to {m['reply_where']})" if m["reply_to"] else "")
        head += f", {m['date']}" if m["date"] and m["date"] not in m["where"] else ""  # (a chat of days: in its place)
        head += f", score {m['score']}" if "score" in m else ""
        head += ", accepted" if m.get("accepted") else ""
        head += (", edited" + ("" if m["edited"] == "yes" else f" {m['edited']}")) if m.get("edited") else ""
        lines.append(head)
        lines += ["    " + line for line in _quoted_text(m).splitlines() or [""]]
        for c in m["claims"]:
            lines.append(f"  • {c['text']}{_provenance(c)} — “{_one_line(c['quote'])}” [{c['span'][0]}-{c['span'][1]}]")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _count(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


# where a reason for leaving messages out stops naming them: "cues without words"
_REASON_ENDS = frozenset("to on of in not without from by".split())


def _one(reason: str) -> str:
    """A reason for leaving messages out, said of one: its nouns before a preposition
    made singular, "and" made "or", what is in brackets as it was.

    >>> _one("pingbacks and trackbacks"), _one("quoted passages (others' words)"), _one("cues without words")
    ('pingback or trackback', "quoted passage (others' words)", 'cue without words')
    >>> _one("joins, leaves and channel events"), _one("automatic replies"), _one("spam")
    ('join, leave or channel event', 'automatic reply', 'spam')
    >>> _one("transcriber's notes ([laughs])")
    "transcriber's note ([laughs])"
    """
    out: list[str] = []
    depth = 0
    for i, word in enumerate(words := reason.split(" ")):
        depth += word.count("(") - word.count(")")
        bare = word.rstrip(",")
        if word.lower() in _REASON_ENDS:
            return " ".join(out + words[i:])
        if depth or "(" in word or ")" in word:
            out.append(word)
        elif bare == "and":
            out.append("or")
        elif bare.endswith("ies"):
            out.append(bare[:-3] + "y" + word[len(bare):])
        elif bare.endswith("s") and not bare.endswith(("ss", "'s", "’s")) and len(bare) > 3:  # (a possessive stays)
            out.append(bare[:-1] + word[len(bare):])
        else:
            out.append(word)
    return " ".join(out)


def import_text(r: dict[str, Any]) -> str:
    lines = [f"{r['format']}: {_count(r['threads'], 'thread')}, {_count(r['messages'], 'message')}, "
             f"{_count(r['speakers'], 'speaker')}, {_count(r['replies'], 'reply', 'replies')}"]
    if r["left_out"]:
        scope = " of all that was read, not only this thread" if r.get("left_out_of") == "file" else ""
        lines.append(f"left out{scope}: " + ", ".join(f"{count} {_one(why) if count == 1 else why}"
                                                      for why, count in r["left_out"].items()))
    if r.get("stand_ins"):
        # (among the messages left out above: their words left out, their place kept)
        gone = " or ".join(w for w in ("deleted", "removed") if r["left_out"].get(w)) or "deleted"
        lines.append(f"kept as stand-ins: {r['stand_ins']} of the messages left out as {gone}, which others answer "
                     "(“[deleted]”, no one's words), so that their answers keep their place")
    if r.get("replaced_draft"):
        lines.append("replaced the earlier import, and the draft.yaml drafted from it (draft again if you need it)")
    if r.get("kept_draft"):
        lines.append("replaced the earlier import, and kept the draft.yaml: its messages are the same")
    if r.get("one_name_across_files"):
        names = r.get("names_across_files", [])
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        lines.append(f"one person in several files: {_count(r['one_name_across_files'], 'speaker')}, by name"
                     f"{f' ({shown})' if shown else ''}: each name one speaker in every file it speaks in; "
                     "if they are people of two communities, import with --people-apart")
    if r.get("title_from_file"):
        lines.append(f"title: {r['title_from_file']} (the file's name; --title gives the discussion its own)")
    if r.get("phone_names"):
        shown = ", ".join(r["phone_names"][:5]) + (f" and {len(r['phone_names']) - 5} more" if len(r["phone_names"]) > 5
                                                  else "")
        lines.append(f"known by a phone number only: {shown}; --rename 'NUMBER=NAME' names one (the number in full, "
                     f"as the file has it, or as written here)")
    for a, b in r.get("alike_names", ())[:5]:  # one person in two files, likely: said, never decided for them
        lines.append(f"names alike: {a} and {b}; if one person: --same-person {shlex.quote(f'{a}={b}')}")
    if "language" in r:
        lines.append("language: " + (", ".join(r["languages"]) + " (the first most)" if r.get("languages")
                                     else r["language"]))
    return "\n".join(lines)


def draft_text(r: dict[str, Any]) -> str:
    text = (f"{r['file']}: {_count(r['terms'], 'term')}, {_count(r['attributes'], 'attribute')}, "
            f"{_count(r['claims'], 'claim')}, {_count(r['relations'], 'relation')} (all drafts); "
            f"{_count(r['mentions'], 'mention')}, {_count(r['co_occurrences'], 'co-occurrence')}")
    if r.get("replaced"):
        text += f"\nreplaced the earlier draft ({_count(r['replaced'], 'undecided item')}; every decision kept)"
    if r.get("settled"):
        text += (f"\n{_count(r['settled'], 'item')} that decisions.yaml had decided went to reviewed.yaml, "
                 "not counted above")
    left, partly = r.get("other_languages"), r.get("partly_english")
    if left or partly:
        said = [f"not drafted: {_count(sum(left.values()), 'message')} in other languages ({_codes(left)})"] \
            if left else []
        if partly:
            n = sum(partly.values())
            its = "its" if n == 1 else "their"
            said.append(f"{n} more ({_codes(partly)}) drafted for {its} English sentences alone" if left else
                        f"drafted for {its} English sentences alone: {_count(n, 'message')} in other languages "
                        f"({_codes(partly)})")
        text += f"\n{'; '.join(said)}; drafting reads English"
    if r.get("terms_not_found"):
        where = "any English message" if r.get("other_languages") else "any message"  # what drafting read
        text += f"\nnot in {where}, so not drafted: {', '.join(r['terms_not_found'])} (given with --terms)"
    return text


def _codes(counts: dict[str, int]) -> str:
    """Messages by language, as the draft's summary says them: "de 2, es 1"."""
    return ", ".join(f"{code} {n}" for code, n in counts.items())


def import_and_draft_text(r: dict[str, Any]) -> str:
    if "draft" not in r:
        return import_text(r)
    # drafted again at once: the earlier draft's going needs no word
    return import_text({k: v for k, v in r.items() if k not in ("replaced_draft", "kept_draft")}) + "\n" \
        + draft_text(r["draft"])


def evaluate_text(r: dict[str, Any]) -> str:
    # the notes go to stderr; a section neither side has is no row ("messages" of a gold without any)
    r = {section: s for section, s in r.items() if section != "notes" and (s["drafted"] or s["gold"])}
    head = ("", "drafted", "gold", "matched", "precision", "recall", "F1")
    # a share of nothing is no score: "-", not 0.000 (nothing drafted has no precision)
    rows = [head] + [(section, str(s["drafted"]), str(s["gold"]), str(s["matched"]),
                      f"{s['precision']:.3f}" if s["drafted"] else "-", f"{s['recall']:.3f}" if s["gold"] else "-",
                      f"{s['f1']:.3f}" if s["drafted"] and s["gold"] else "-") for section, s in r.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             .rstrip() for row in rows]
    about = r.get("stances", {}).get("about")
    if about and about["compared"]:  # a stance matches by its people and message: what it is about, said apart
        lines.append(f"stances about the same points as the gold's: {about['same']} of the {about['compared']} matched "
                     "ones whose gold names its points")
    for section, s in r.items():
        if s.get("matched_pairs"):  # --matched: the draft's words, then the gold's
            lines += ["", f"{section} matched (drafted = gold):"] + [f"  {p['drafted']}  =  {p['gold']}"
                                                                    for p in s["matched_pairs"]]
        for side, title in (("drafted", "only in the draft"), ("gold", "only in the gold")):
            if s["unmatched"][side]:
                lines += ["", f"{section} {title}:"] + [f"  {item}" for item in s["unmatched"][side]]
    return "\n".join(lines)


def export_text(r: dict[str, Any]) -> str:
    command = str(r.get("command", ""))
    # said where it is copied from: the command replaces whatever database has that name
    return "# into a stopped Neo4j 5; it replaces the database named 'neo4j' (change the name to keep it):\n" \
        + command if command.startswith("neo4j-admin") else command


def drafted_note(n: int) -> str:
    """What "wrote PATH" adds for an export holding drafts review has still to decide."""
    return f" ({_count(n, 'drafted item')}, not reviewed: --curated leaves them out)" if n else ""


def review_list_text(items: list[dict[str, Any]]) -> str:
    # the words each item rests on, cut short on a terminal (what a decision is made on);
    # piped, whole, as every answer's lines are
    cut = (lambda q: excerpt(q, 70)) if _WIDTH.get() is not None else (lambda q: q)
    # "likely": the order's own figure (the confidence, moved by the decisions): shown once it differs
    learned = any("likely" in i and i["likely"] != i["confidence"] for i in items)
    rows = [(i["id"], i["kind"], "" if i["confidence"] is None else f"{i['confidence']:.2f}",
             *((f"{i['likely']:.2f}" if "likely" in i else "",) if learned else ()), i["text"] + _stance_about(i),
             ("first: " if i.get("first") else "") + ", ".join(x for x in (i.get("speaker", ""), i.get("where", "")) if x)
             + (" (edited)" if i.get("edited") else "")
             + (f", replying to {i['replies_to']}" if i.get("replies_to") else ""),
             f"“{cut(' '.join(i['quote'].split()))}”" if i.get("quote") else "") for i in items]
    return table(rows, ["id", "kind", "conf.", *(("likely",) if learned else ()), "item", "said by", "words"]) \
        if rows else "nothing left to review"


def _stance_about(item: dict[str, Any], most: int = 2) -> str:
    """What an agreement or dispute on the list is about (a decision on it is one on that):
    its first ``most`` claims, and how many more (all of them in --json), so that one
    stance does not widen every row of the table."""
    if "about" not in item:
        return ""
    about = item["about"]
    return stance_about(about[:most], "they") + (f" and {len(about) - most} more" if len(about) > most else "")


def _lines(lines: list[str], most: int = 10) -> str:
    """Lines said after a review's summary line, each on its own; past ``most``, how many
    more, and where they all are (never "and 1 more": that line is said)."""
    shown = lines if len(lines) <= most + 1 else lines[:most]
    return "".join(f"\n{line}" for line in shown) + (f"\n... and {len(lines) - most} more (--json lists them all)"
                                                      if len(shown) < len(lines) else "")


def _gone(r: dict[str, Any]) -> str:
    """Why the total moves: the items a rejection or an edit took along are no longer counted."""
    return f"; {r['gone']} gone with a rejection or edit" if r.get("gone") else ""


def review_text(r: dict[str, Any]) -> str:
    def also(n: int, what: str) -> str:
        return f" ({n} more {what})" if n else ""

    if "undone" in r:
        n = len(r["undone"])
        again = f", and {r['undone_with']} more with {'it' if n == 1 else 'them'}" if r.get("undone_with") else ""
        again += f", {_count(r['restored'], 'earlier decision')} standing again" if r.get("restored") else ""
        return (f"{r['path']}: took back the last action ({_count(n, 'item')}{again}); "
                f"{r['reviewed']} of {r['total']} reviewed ({r['left']} left{_gone(r)})" + _lines(r.get("decided", [])))
    them = ("it" if r["accepted"] == 1 else "them", "it" if r["rejected"] == 1 else "them")
    already = f", {_count(r['already'], 'item')} already so" if r.get("already") else ""
    if r.get("changed"):  # a decision taken back by another: said, never done silently
        already += f", {_count(r['changed'], 'earlier decision')} turned"
    made = "".join(f"\nmade a new {m}" for m in r.get("made", ()))  # an edit's new term: a typo shows here
    if r.get("edited"):  # what the edit made of the item
        rid, was, now = r["edited"]
        made = (f"\n{rid}: {was} → {now}" if was != now else f"\n{rid}: {now}, unchanged") + made
    made = _lines(r.get("decided", [])) + made
    return (f"{r['path']}: {_count(r['accepted'], 'item')} accepted{also(r['accepted_with'], 'with ' + them[0])}, "
            f"{r['rejected']} rejected{also(r['rejected_with'], 'gone with ' + them[1])} now{already}; "
            f"{r['reviewed']} of {r['total']} reviewed ({r['left']} left{_gone(r)}){made}"
            + (f"\n{r['note']}" if r.get("note") else ""))


def review_add_text(r: dict[str, Any]) -> str:
    made = "".join(f"\nmade a new {m}" for m in r.get("made", ()))  # a slip in a term shows here
    note = f"\n{r['note']}" if r.get("note") else ""
    said = f" ({r['speaker']}, {r['where']}: “{excerpt(r['quote'], 100)}”)" if r.get("quote") else ""
    if r["added"]:
        what = f"added {r['id']} {r['added']}"
    elif r.get("already"):
        what = f"the draft has it, accepted already: {r['id']} {r['drafted']}; nothing recorded"
    else:
        turned = f" (it had been {r['turned']}: turned)" if r.get("turned") else ""
        what = f"the draft has it: {r['id']} {r['drafted']}, accepted{turned}"
    return f"{r['path']}: {what}{said}; {r['reviewed']} of {r['total']} reviewed ({r['left']} left){made}{note}"


#: command -> the function that writes its answer as text.
FORMATTERS: dict[str, Callable[[Any], str]] = {
    "info": info_text, "validate": validate_text, "neighbors": neighbors_text, "compare": compare_text,
    "why": why_text, "who": who_text, "contributors": contributors_text, "terms": terms_text, "path": path_text,
    "consensus": consensus_text, "rank": rank_text, "clusters": clusters_text, "search": search_text,
    "thread": thread_text, "export": export_text, "import": import_and_draft_text,
    "draft": draft_text, "evaluate": evaluate_text, "review": review_text, "review --list": review_list_text,
    "review --add": review_add_text,
}
