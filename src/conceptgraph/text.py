"""How each query's result reads in a terminal. One function per result shape; the
command line passes them to :func:`conceptgraph.output.emit`, which prints JSON instead
when asked."""

from __future__ import annotations

from typing import Any

from .output import table, wrap_quote

__all__ = [
    "info_text",
    "validate_text",
    "neighbors_text",
    "compare_text",
    "why_text",
    "who_text",
    "contributors_text",
    "path_text",
    "consensus_text",
    "rank_text",
    "clusters_text",
    "search_text",
]


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
        return "no neighbours match"
    return table(
        [[r["distance"], r["kind"], r["label"], ", ".join(r["relations"]), r["direction"], r["via"]] for r in rows],
        ["dist", "kind", "neighbour", "relation", "dir", "via"],
    )


def _quotes(item: dict[str, Any]) -> list[str]:
    return [wrap_quote(q["quote"], q["speaker"], q["where"], "      ") for q in item.get("quotes", [])]


def _attributes(items: list[dict[str, Any]], skip: set[str] = frozenset(), other: str = "") -> list[str]:
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
            lines.append(f"  {c['label']:<{left}}  /  {c['opposite_label']:<{right}}  {_names(c['supporters'])}")
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


def _edge_lines(edges: list[dict[str, Any]], indent: str = "  ") -> list[str]:
    out = []
    for e in edges:
        who = ", ".join(x for x in (e["speaker"], e["where"]) if x)
        out.append(f"{indent}{e['text']}" + (f" ({who})" if who else ""))
        if e.get("quote"):
            out.append(wrap_quote(e["quote"], "", "", indent + "    "))
    return out


def why_text(edges: list[dict[str, Any]]) -> str:
    return "\n".join(_edge_lines(edges, ""))


def path_text(r: dict[str, Any]) -> str:
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
    for key, title in (("agrees_with", "Agrees with"), ("disputes", "Disputes"),
                       ("agreed_by", "Agreed with by"), ("disputed_by", "Disputed by")):
        if r[key]:
            lines += ["", title]
            for p in r[key]:
                lines.append(f"  {p['name']}")
                lines.append(wrap_quote(p["quote"], "", p["where"], "      "))
    return "\n".join(lines)


def contributors_text(rows: list[dict[str, Any]]) -> str:
    return table(
        [[r["name"], r["role"], ", ".join(r["where"]), r["claims"], r["relations"], r["id"]] for r in rows],
        ["name", "role", "where", "claims", "relations", "id"],
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
        return "no match"
    return table([[r["kind"], r["label"], r["matched"], r["id"]] for r in rows], ["kind", "label", "matched", "id"])
