"""The Neo4j export loaded into a real embedded Cypher engine (Kuzu, from PyPI): every
node, relationship and quote arrives, and "neighbours of cooperation" in Cypher is what
`conceptgraph neighbors` answers. Kuzu is not Neo4j: it wants a schema first, which is
made here from the CSV headers (their `name:type` cells) as a user would."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from conceptgraph import load_graph
from conceptgraph.formats import export
from conceptgraph.queries import neighbors

from conftest import hostile_dataset, need

_TYPES = {"string": "STRING", "long": "INT64", "double": "DOUBLE", "boolean": "BOOLEAN", "string[]": "STRING"}


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _column(cell: str) -> tuple[str, str]:
    """(name, Kuzu type) of a header cell such as ``quote:string`` or ``uid:ID``."""
    name, _, kind = cell.rpartition(":") if ":" in cell else (cell, "", "string")
    return (name or kind.strip(":")), _TYPES.get(kind, "STRING")


def _name(text: str) -> str:
    return "`" + re.sub(r"[^0-9A-Za-z_]", "_", text) + "`"


def load_into_kuzu(folder: Path, tmp: Path):  # type: ignore[no-untyped-def]
    """A Kuzu connection holding the export in ``folder``."""
    try:
        import kuzu
    except ImportError:
        need(False, "kuzu is not installed (pip install -e '.[test]')")
    conn = kuzu.Connection(kuzu.Database(str(tmp / "db")))
    label_of: dict[str, str] = {}
    for f in sorted(folder.glob("nodes_*.csv")):
        rows = _rows(f)
        head = rows[0]
        label = rows[1][2] if len(rows) > 1 else f.stem
        cols = [("uid", "STRING"), ("id", "STRING"), ("neo4j_label", "STRING")] + [_column(c) for c in head[3:]]
        conn.execute(f"CREATE NODE TABLE {_name(label)}(" + ", ".join(f"{_name(n)} {t}" for n, t in cols)
                     + ", PRIMARY KEY(uid))")
        conn.execute(f"COPY {_name(label)} FROM '{f}' (header=true, parallel=false)")
        label_of.update({r[0]: label for r in rows[1:]})
    for f in sorted(folder.glob("rels_*.csv")):
        rows = _rows(f)
        head, body = rows[0], rows[1:]
        rtype = body[0][2]
        groups: dict[tuple[str, str], list[list[str]]] = {}
        for r in body:  # Kuzu copies one (from table, to table) pair at a time
            groups.setdefault((label_of[r[0]], label_of[r[1]]), []).append(r[:2] + r[3:])
        cols = [_column(c) for c in head[3:]]
        pairs = ", ".join(f"FROM {_name(a)} TO {_name(b)}" for a, b in groups)
        conn.execute(f"CREATE REL TABLE {_name(rtype)}({pairs}, " + ", ".join(f"{_name(n)} {t}" for n, t in cols) + ")")
        for (a, b), part in groups.items():
            piece = tmp / f"{f.stem}-{a}-{b}.csv"
            with piece.open("w", encoding="utf-8", newline="") as out:
                csv.writer(out, lineterminator="\n").writerows([["from", "to", *head[3:]], *part])
            conn.execute(f"COPY {_name(rtype)} FROM '{piece}' (from='{a}', to='{b}', header=true, parallel=false)")
    return conn


def values(result) -> list:  # type: ignore[no-untyped-def]
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_kuzu_loads_every_node_relationship_and_quote(which: str, tmp_path: Path) -> None:
    G = load_graph(None if which == "bundled" else hostile_dataset(tmp_path))
    export(G, "neo4j", tmp_path / "neo")
    conn = load_into_kuzu(tmp_path / "neo", tmp_path)
    assert values(conn.execute("MATCH (n) RETURN count(n)")) == [[G.number_of_nodes()]]
    assert values(conn.execute("MATCH ()-[r]->() RETURN count(r)")) == [[G.number_of_edges()]]
    quotes: Counter = Counter()
    for f in (tmp_path / "neo").glob("rels_*.csv"):
        if "quote:string" in _rows(f)[0]:
            rtype = _rows(f)[1][2]
            quotes.update(q for [q] in values(conn.execute(f"MATCH ()-[r:{_name(rtype)}]->() RETURN r.quote"))
                          if q is not None)
    assert quotes == Counter(str(d["quote"]) for _, _, d in G.edges(data=True) if d.get("quote"))
    labels = Counter(label for [label] in values(conn.execute("MATCH (n) RETURN n.label")))
    assert labels == Counter(str(d["label"]) for _, d in G.nodes(data=True))


def test_cypher_neighbours_are_conceptgraphs(tmp_path: Path) -> None:
    G = load_graph()
    export(G, "neo4j", tmp_path / "neo")
    conn = load_into_kuzu(tmp_path / "neo", tmp_path)
    found = values(conn.execute("MATCH (a)-[r]-(b) WHERE a.id = $id AND label(b) <> 'Message' "
                                "RETURN DISTINCT b.id", {"id": "cooperation"}))
    ours = {row["id"] for row in neighbors(G, "cooperation")}
    assert {b for [b] in found} == ours and len(ours) > 20
    # a denied claim is marked in both
    denied = values(conn.execute("MATCH (a)-[r:CLAIM]->(b) WHERE a.id = $id AND r.negated RETURN b.id",
                                 {"id": "cooperation"}))
    assert {b for [b] in denied} == {row["id"] for row in neighbors(G, "cooperation") if row.get("negated")}


_PY_TYPES = {str: "STRING", bool: "BOOLEAN", int: "INT64", float: "DOUBLE"}


def _kuzu_type(values: list) -> str:  # type: ignore[type-arg]
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {list, tuple}:
        return "STRING[]"
    return _PY_TYPES.get(next(iter(kinds)), "STRING") if len(kinds) == 1 else "STRING"


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_the_cypher_script_runs_in_a_cypher_engine(which: str, tmp_path: Path) -> None:
    """Kuzu runs the script's statements as written (it wants the tables made first)."""
    try:
        import kuzu
    except ImportError:
        need(False, "kuzu is not installed (pip install -e '.[test]')")
    from conceptgraph.formats.neo4j import node_label as _label

    G = load_graph(None if which == "bundled" else hostile_dataset(tmp_path))
    if which == "hostile":  # control characters in the title, which the header's comment names
        G.graph["title"] = "bell\x07 nul\x00 title"
    export(G, "cypher", tmp_path / "g.cypher")
    script = (tmp_path / "g.cypher").read_text(encoding="utf-8")
    assert ": ''" not in script  # no empty property, as in the CSV files
    # no raw control character, in a literal or in the header's comment (grep would call the file binary)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", script)
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    tables: dict[str, dict[str, list]] = {}  # type: ignore[type-arg]
    for _, d in G.nodes(data=True):
        cols = tables.setdefault(_label(str(d["kind"])), {"uid": [], "id": [], "source": []})
        for k, v in d.items():
            cols.setdefault(str(k), []).append(v)
    for label, cols in tables.items():
        conn.execute(f"CREATE NODE TABLE {_name(label)}(" + ", ".join(
            f"{_name(k) if k not in ('uid', 'id') else k} {_kuzu_type(v) if v else 'STRING'}" for k, v in cols.items())
            + ", PRIMARY KEY(uid))")
    rels: dict[str, tuple[set, dict]] = {}  # type: ignore[type-arg]
    for u, v, d in G.edges(data=True):
        pairs, cols = rels.setdefault(re.sub(r"[^0-9A-Za-z_]", "_", str(d["kind"]).upper()), (set(), {"key": []}))
        pairs.add((_label(str(G.nodes[u]["kind"])), _label(str(G.nodes[v]["kind"]))))
        for k, x in d.items():
            if k != "kind":
                cols.setdefault(str(k), []).append(x)
    for rtype, (pairs, cols) in rels.items():
        conn.execute(f"CREATE REL TABLE {_name(rtype)}(" + ", ".join(f"FROM {a} TO {b}" for a, b in sorted(pairs))
                     + ", " + ", ".join(f"{_name(k)} {_kuzu_type(v) if v else 'STRING'}" for k, v in cols.items()) + ")")
    script = (tmp_path / "g.cypher").read_text(encoding="utf-8")
    conn.execute(script)
    assert values(conn.execute("MATCH (n) RETURN count(n)")) == [[G.number_of_nodes()]]
    assert values(conn.execute("MATCH ()-[r]->() RETURN count(r)")) == [[G.number_of_edges()]]
    labels = Counter(label for [label] in values(conn.execute("MATCH (n) RETURN n.label")))
    assert labels == Counter(str(d["label"]) for _, d in G.nodes(data=True))
    # every node says which graph it is of (Kuzu reads "\\u0007" as "u0007": the hostile title is not compared)
    [[source]] = values(conn.execute("MATCH (n) RETURN DISTINCT n.source"))
    assert source == G.graph["title"] or which == "hostile"
    quotes: Counter = Counter()
    for rtype, (_, cols) in rels.items():
        if "quote" in cols:
            quotes.update(q for [q] in values(conn.execute(f"MATCH ()-[r:{_name(rtype)}]->() RETURN r.quote")) if q)
    assert quotes == Counter(str(d["quote"]) for _, _, d in G.edges(data=True) if d.get("quote"))
