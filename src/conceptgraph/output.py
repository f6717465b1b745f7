"""The one place that turns answers into output: JSON for machines, text for people.

Every command hands its answer to :func:`emit`: with ``--json`` the answer itself is
printed as JSON (an empty answer too: ``[]``), otherwise the formatter named after the
command (``FORMATTERS``) turns it into readable text, with any control character from
the data shown escaped. Data goes to stdout only; messages go to stderr.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from .errors import printable
from .files import write_stdout
from .kinds import AGREES_WITH, DISPUTES

__all__ = ["emit", "emit_bytes", "to_json", "table", "wrap_quote", "FORMATTERS", "is_empty"]


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
        body = "\n".join(_clean(line) for line in FORMATTERS[command](result).split("\n"))
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


def emit_bytes(data: bytes) -> None:
    """Write a document (a page, an export) to standard output as it is."""
    write_stdout(data)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in s)


def _clean(cell: Any) -> str:
    # A dataset string may hold control characters that would move the cursor or
    # recolour a terminal: show them escaped instead.
    return printable("" if cell is None else str(cell))


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> str:
    """A plain-text table with aligned columns.

    >>> print(table([["cooperation", 3]], ["term", "n"]))
    term         n
    -----------  -
    cooperation  3
    """
    cells = [[_clean(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def wrap_quote(quote: str, speaker: str, where: str, indent: str = "    ") -> str:
    """One line of evidence: the quote in typographic quotes, then who and where."""
    who = ", ".join(_clean(x) for x in (speaker, where) if x)
    said = f"“{_clean(quote)}”" if quote else ""
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
    nodes = ", ".join(f"{n} {k}s" for k, n in s["nodes"].items())
    return f"valid: {nodes}; {sum(s['edges'].values())} edges"


def neighbors_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""

    def relation(r: dict[str, Any]) -> str:
        text = ", ".join(r["relations"])
        return text + (" (denied)" if r.get("negated") else "") + (" [drafted]" if r.get("status") else "")

    return table(
        [[r["distance"], r["kind"], r["label"], relation(r), r["direction"], r["via"]] for r in rows],
        ["dist", "kind", "neighbour", "relation", "dir", "via"],
    )


def _quotes(item: dict[str, Any]) -> list[str]:
    return [wrap_quote(q["quote"], q["speaker"], q["where"], "      ") for q in item.get("quotes", [])]


def _attributes(items: list[dict[str, Any]], skip: frozenset[str] | set[str] = frozenset(), other: str = "") -> list[str]:
    rows = [i for i in items if i["attribute"] not in skip]
    if not rows:
        return ["  (none)"]
    width = max(len(i["label"]) for i in rows)
    out = []
    for i in rows:
        denial = i.get("denied_for_a") or i.get("denied_for_b")
        note = f"  [denied of {other} by {_names(denial)}]" if denial else ""
        out.append(f"  {i['label']:<{width}}  {_names(i['supporters'])}{note}")
        out += _quotes(i)
    return out


def compare_text(r: dict[str, Any]) -> str:
    a, b = r["a"]["label"], r["b"]["label"]
    lines = [f"{a} vs {b}", ""]
    if r["relations"]:
        lines += ["How they relate", *_edge_lines(r["relations"]), ""]
    lines.append(f"Distinctions drawn: {a} / {b}")
    if r["contrasts"]:
        left = max(len(c["label"]) for c in r["contrasts"])
        right = max(len(c["opposite_label"]) for c in r["contrasts"])
        for c in r["contrasts"]:
            pairing = "  [the curator's pairing]" if c.get("inferred") else ""
            lines.append(f"  {c['label']:<{left}}  /  {c['opposite_label']:<{right}}  {_names(c['supporters'])}{pairing}")
            lines += _quotes(c)
    else:
        lines.append("  (none)")
    contrasted_a = {c["attribute"] for c in r["contrasts"]}
    contrasted_b = {c["opposite"] for c in r["contrasts"]}
    lines += ["", f"Said only of {a}" + (" (besides the distinctions)" if contrasted_a else "")]
    lines += _attributes(r["only_a"], contrasted_a, b)
    lines += ["", f"Said only of {b}" + (" (besides the distinctions)" if contrasted_b else "")]
    lines += _attributes(r["only_b"], contrasted_b, a)
    lines += ["", "Said of both"] + _attributes(r["shared"])
    if r["denied"]:
        lines += ["", "Denied"]
        for d in r["denied"]:
            term = a if d["term"] == r["a"]["id"] else b
            also = f"; asserted by {_names(d['asserted_by'])}" if d["asserted_by"] else ""
            lines.append(f"  {term} is not '{d['label']}': {_names(d['denied_by'])}{also}")
            lines += _quotes(d)
    lines += ["", f"Spoke of both: {_names(r['spoke_of_both'])}"]
    return "\n".join(lines)


def _provenance(e: dict[str, Any]) -> str:
    """How an item came to be, when not simply said: drafted, or the curator's reading."""
    notes = []
    if e.get("status") == "draft":
        notes.append("drafted from the text")
    if e.get("inferred"):
        notes.append("the curator's inference")
    return f" [{'; '.join(notes)}]" if notes else ""


def _edge_lines(edges: list[dict[str, Any]], indent: str = "  ") -> list[str]:
    out = []
    for e in edges:
        who = ", ".join(x for x in (e["speaker"], e["where"]) if x)
        out.append(f"{indent}{e['text']}" + (f" ({who})" if who else "") + _provenance(e))
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
        verb = "is not" if cl["negated"] else "is"
        lines.append(f"  {cl['term_label']} {verb} '{cl['label']}'")
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
                lines.append(f"  {p['name']}")
                lines.append(wrap_quote(p["quote"], "", p["where"], "      "))
    return "\n".join(lines)


def contributors_text(rows: list[dict[str, Any]]) -> str:
    return table(
        [[r["name"], r["role"], ", ".join(r["where"]), r["messages"], r["claims"], r["relations"], r["id"]]
         for r in rows],
        ["name", "role", "where", "messages", "claims", "relations", "id"],
    )


def consensus_text(r: dict[str, Any]) -> str:
    lines = ["Most supported (distinct contributors)"]
    rows = [[i["count"], i["term_label"], i["label"], _names(i["supporters"]), _names(i["endorsed_by"])]
            for i in r["agreed"][:25]]
    lines.append(table(rows, ["n", "term", "attribute", "supporters", "endorsed by (agrees with a supporter)"]))
    if len(r["agreed"]) > 25:
        lines.append(f"... and {len(r['agreed']) - 25} more (--json for all)")
    lines += ["", "Disputed"]
    for d in r["disputed"]:
        if d["type"] == "asserted_and_denied":
            lines.append(f"  {d['term_label']} '{d['label']}': asserted by {_names(d['asserted_by'])}, "
                         f"denied by {_names(d['denied_by'])}")
        elif d["type"] == "opposed_attributes":
            lines.append(f"  {d['term_label']} is both '{d['label']}' ({_names(d['asserted_by'])}) and the opposed "
                         f"'{d['opposite_label']}' ({_names(d['opposite_asserted_by'])})")
        else:
            lines.append(f"  {d['from']} disputes {d['to']}")
            lines.append(wrap_quote(d["quote"], "", d["where"], "      "))
    if not r["disputed"]:
        lines.append("  (none)")
    lines += ["", "Agreements"]
    for g in r["agreements"]:
        lines.append(f"  {g['from']} agrees with {g['to']}")
        lines.append(wrap_quote(g["quote"], "", g["where"], "      "))
    if not r["agreements"]:
        lines.append("  (none)")
    return "\n".join(lines)


def rank_text(rows: list[dict[str, Any]]) -> str:
    return table([[i, r["score"], r["kind"], r["label"]] for i, r in enumerate(rows, 1)], ["#", "score", "kind", "node"])


def clusters_text(rows: list[dict[str, Any]]) -> str:
    lines = []
    for c in rows:
        head = ", ".join(c["terms"][:4]) or c["members"][0]["label"]
        lines.append(f"{c['cluster']}. {head} ({c['size']} node{'s' if c['size'] != 1 else ''})")
        lines.append("   " + ", ".join(m["label"] for m in c["members"][:12]) + (" ..." if c["size"] > 12 else ""))
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


def thread_text(r: dict[str, Any]) -> str:
    lines = []
    for m in r["messages"]:
        head = f"{m['where']} — {m['speaker']}" + (f" (replies to {m['reply_to']})" if m["reply_to"] else "")
        head += f", {m['date']}" if m["date"] else ""
        head += f", score {m['score']}" if "score" in m else ""
        head += ", accepted" if m.get("accepted") else ""
        lines.append(head)
        text = _marked(m["text"], m["mentions"]) if "mentions" in m else m["text"]
        lines += ["    " + line for line in text.splitlines() or [""]]
        for c in m["claims"]:
            lines.append(f"  • {c['text']}{_provenance(c)}: “{c['quote']}” [{c['span'][0]}-{c['span'][1]}]")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _count(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def import_text(r: dict[str, Any]) -> str:
    lines = [f"{r['format']}: {_count(r['threads'], 'thread')}, {_count(r['messages'], 'message')}, "
             f"{_count(r['speakers'], 'speaker')}, {_count(r['replies'], 'reply', 'replies')}"]
    if r["left_out"]:
        lines.append("left out: " + ", ".join(f"{count} {why}" for why, count in r["left_out"].items()))
    if "language" in r:
        lines.append("language: " + (", ".join(r["languages"]) + " (the first most)" if r.get("languages")
                                     else r["language"]))
    return "\n".join(lines)


def draft_text(r: dict[str, Any]) -> str:
    text = (f"{r['file']}: {_count(r['terms'], 'term')}, {_count(r['attributes'], 'attribute')}, "
            f"{_count(r['claims'], 'claim')}, {_count(r['relations'], 'relation')} (all drafts); "
            f"{_count(r['mentions'], 'mention')}, {_count(r['co_occurrences'], 'co-occurrence')}")
    if r.get("other_languages"):
        others = ", ".join(f"{code} {n}" for code, n in r["other_languages"].items())
        text += (f"\nnot drafted: {_count(sum(r['other_languages'].values()), 'message')} in other languages "
                 f"({others}); drafting reads English")
    return text


def import_and_draft_text(r: dict[str, Any]) -> str:
    text = import_text(r)
    return text + "\n" + draft_text(r["draft"]) if "draft" in r else text


def evaluate_text(r: dict[str, Any]) -> str:
    head = ("", "drafted", "gold", "matched", "precision", "recall", "F1")
    rows = [head] + [(section, str(s["drafted"]), str(s["gold"]), str(s["matched"]), f"{s['precision']:.3f}",
                      f"{s['recall']:.3f}", f"{s['f1']:.3f}") for section, s in r.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             .rstrip() for row in rows]
    for section, s in r.items():
        for side, title in (("drafted", "only in the draft"), ("gold", "only in the gold")):
            if s["unmatched"][side]:
                lines += ["", f"{section} {title}:"] + [f"  {item}" for item in s["unmatched"][side]]
    return "\n".join(lines)


def export_text(r: dict[str, Any]) -> str:
    return str(r.get("command", ""))


def review_list_text(items: list[dict[str, Any]]) -> str:
    rows = [(i["id"], i["kind"], "" if i["confidence"] is None else f"{i['confidence']:.2f}", i["text"],
             ", ".join(x for x in (i.get("speaker", ""), i.get("where", "")) if x)) for i in items]
    return table(rows, ["id", "kind", "conf.", "item", "said by"]) if rows else "nothing left to review"


def review_text(r: dict[str, Any]) -> str:
    return (f"{r['path']}: {_count(r['accepted'], 'item')} accepted, {r['rejected']} rejected now; "
            f"{r['reviewed']} of {r['total']} reviewed ({r['left']} left)")


#: command -> the function that writes its answer as text.
FORMATTERS: dict[str, Callable[[Any], str]] = {
    "info": info_text, "validate": validate_text, "neighbors": neighbors_text, "compare": compare_text,
    "why": why_text, "who": who_text, "contributors": contributors_text, "path": path_text,
    "consensus": consensus_text, "rank": rank_text, "clusters": clusters_text, "search": search_text,
    "thread": thread_text, "export": export_text, "import": import_and_draft_text,
    "draft": draft_text, "evaluate": evaluate_text, "review": review_text, "review --list": review_list_text,
}
