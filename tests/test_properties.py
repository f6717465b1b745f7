"""Properties that hold for any dataset or graph, tried on random ones (Hypothesis).

The example count is small by default, for CI; CONCEPTGRAPH_EXAMPLES=2000 tries more.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from pathlib import Path

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conceptgraph import build_graph, load_graph, parse_dataset
from conceptgraph.cli import cli
from conceptgraph.formats import FORMATS, export, read_graph
from conceptgraph.kinds import RELATION_ENDS, RELATION_KINDS, ROLES, STANCES

from conftest import EXAMPLES, MINI, PROPERTY

# Text a YAML file can hold: any character but lone surrogates (YAML has no way to write them).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
NAME = TEXT.filter(lambda s: s.strip() != "")


@st.composite
def datasets(draw) -> dict:
    """A random valid dataset, as the mapping a YAML file would hold."""
    ids = draw(st.lists(NAME, min_size=3, max_size=12, unique=True))
    n_terms = draw(st.integers(1, len(ids) - 2))
    n_attrs = draw(st.integers(1, len(ids) - n_terms - 1))
    terms, attrs, people = ids[:n_terms], ids[n_terms:n_terms + n_attrs], ids[n_terms + n_attrs:]
    data = {
        "source": {"title": draw(NAME), "author": draw(TEXT)},
        "terms": [{"id": t, "label": draw(NAME), "aliases": draw(st.lists(TEXT, max_size=3))} for t in terms],
        "attributes": [{"id": a, "label": draw(NAME), "description": draw(TEXT)} for a in attrs],
        "contributors": [{"id": p, "name": draw(NAME), "role": draw(st.sampled_from(ROLES)),
                          "where": f"comment {i}"} for i, p in enumerate(people, 1)],
        "claims": [{"term": draw(st.sampled_from(terms)), "attribute": draw(st.sampled_from(attrs)),
                    "by": draw(st.sampled_from(people)), "quote": draw(NAME), "negated": draw(st.booleans())}
                   for _ in range(draw(st.integers(0, 8)))],
    }
    relations = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(list(RELATION_KINDS)))
        pools = {"term": terms, "attribute": attrs, "contributor": people}
        ends = RELATION_ENDS[kind]
        source = draw(st.sampled_from(pools[ends[0]]))
        relations.append({"kind": kind, "source": source, "target": draw(st.sampled_from(pools[ends[1]])),
                          # a stance is its speaker's
                          "by": source if kind in STANCES else draw(st.sampled_from(people)), "quote": draw(TEXT)})
    data["relations"] = relations
    return data


def same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert a.graph == b.graph
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


@PROPERTY
@given(data=datasets())
def test_any_valid_dataset_exports_and_reads_back_equal(data: dict, tmp_path: Path) -> None:
    G = build_graph(parse_dataset(yaml.safe_dump(data, allow_unicode=True)))
    for fmt in ("graphml", "gexf", "json"):
        path = tmp_path / f"g.{fmt}"
        export(G, fmt, path)
        same(G, read_graph(path))


@PROPERTY
@given(data=datasets())
def test_any_dataset_renders_the_same_bytes_with_every_quote(data: dict) -> None:
    from conceptgraph.render import render_html

    ds = parse_dataset(yaml.safe_dump(data, allow_unicode=True))
    G = build_graph(ds)
    page = render_html(G)
    assert page == render_html(G)
    embedded = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    shown = json.loads(embedded.group(1))
    quotes = {d.get("quote") for d in shown["edgeDetails"] if d.get("quote")}
    wanted = {c.quote for c in ds.claims} | {r.quote for r in ds.relations if r.quote}
    assert quotes == wanted


MUTATIONS = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(MINI) - 1)),
    st.tuples(st.just("insert"), st.integers(0, len(MINI)), st.sampled_from(
        list(":{}[],&*!|>'\"#%@`-\t\n\x00\x07\x1b\u2028\ufeff") + ["\ud800", "9" * 5000, "&a", "*a", "<<: *a"])),
    st.tuples(st.just("swap-lines"), st.integers(0, 40), st.integers(0, 40)),
    st.tuples(st.just("duplicate-line"), st.integers(0, 40)),
)


def mutate(text: str, how: tuple) -> str:
    if how[0] == "delete":
        return text[: how[1]] + text[how[1] + 1:]
    if how[0] == "insert":
        return text[: how[1]] + how[2] + text[how[1]:]
    lines = text.split("\n")
    i = how[1] % len(lines)
    if how[0] == "duplicate-line":
        return "\n".join(lines[: i + 1] + lines[i:])
    j = how[2] % len(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@PROPERTY
@given(mutations=st.lists(MUTATIONS, min_size=1, max_size=3))
def test_a_damaged_dataset_is_valid_or_one_line_with_file_and_line(mutations: list, tmp_path: Path) -> None:
    text = MINI
    for how in mutations:
        text = mutate(text, how)
    path = tmp_path / "data.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    r = CliRunner().invoke(cli, ["validate", str(path)])
    assert r.exit_code in (0, 1), (r.exit_code, r.stderr, r.exception)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    if r.exit_code == 1:
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and re.match(r"Error: .*data\.yaml:\d+: ", lines[0]), r.stderr


HOSTILE_TEXT = st.text(st.characters(codec=None), max_size=12) | st.sampled_from(
    ["", "\x00", "\ud800", "\ufffe", "id", "kind", "label", "source", "key", "_id", "xmlns", "<![CDATA[", "]]>",
     "--> x", "\u202e", "a\nb", ":ID", "uid:ID", ";", "%%"])
HOSTILE_VALUE = st.one_of(HOSTILE_TEXT, st.integers(-(10**30), 10**30), st.floats(), st.booleans(), st.none(),
                          st.lists(HOSTILE_TEXT | st.integers(), max_size=3),
                          st.dictionaries(HOSTILE_TEXT, HOSTILE_TEXT, max_size=2))


@st.composite
def hostile_graphs(draw) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(**{"title": draw(HOSTILE_TEXT)})
    nodes = draw(st.lists(HOSTILE_TEXT | st.integers(), min_size=1, max_size=6, unique=True))
    for n in nodes:
        G.add_nodes_from([(n, draw(st.dictionaries(HOSTILE_TEXT, HOSTILE_VALUE, max_size=4)))])
    for _ in range(draw(st.integers(0, 6))):
        u, v = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        G.add_edges_from([(u, v, draw(HOSTILE_TEXT | st.integers()), draw(st.dictionaries(HOSTILE_TEXT, HOSTILE_VALUE,
                                                                                            max_size=4)))])
    return G


@PROPERTY
@given(G=hostile_graphs())
def test_hostile_names_and_values_survive_every_writer(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    from lxml import etree

    from conceptgraph.render import render_html

    for fmt, f in FORMATS.items():
        path = tmp_path / (f"out.{fmt}" if f.write else fmt)
        export(G, fmt, path, force=True)
        if fmt in ("graphml", "gexf"):
            etree.parse(str(path), etree.XMLParser(resolve_entities=False, huge_tree=True))
            H = read_graph(path)
            assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
        elif fmt in ("json", "cytoscape"):
            json.loads(path.read_bytes(), parse_constant=lambda c: pytest.fail(f"bare {c}"))
        elif fmt == "neo4j":
            for name in os.listdir(path):
                if name.endswith(".csv"):
                    list(csv.reader(io.StringIO((path / name).read_text(encoding="utf-8"), newline="")))
    render_html(G).encode("utf-8")


@PROPERTY
@given(datasets())
def test_any_dataset_is_written_by_our_yaml_writer_and_read_back_the_same(data: dict) -> None:
    """dump_dataset (used by import and draft) writes plain words, literal blocks and
    escaped double quotes; PyYAML's safe loader must read every record back unchanged."""
    from conceptgraph.dataset import SECTIONS, dataset_data, dump_dataset

    ds = parse_dataset(yaml.safe_dump(data, allow_unicode=True))
    assert parse_dataset(dump_dataset(ds, tuple(SECTIONS))) == ds
    # what draft checks before writing its text is the data the text is written from
    assert (yaml.safe_load(dump_dataset(ds, tuple(SECTIONS))) or {}) == dataset_data(ds, tuple(SECTIONS))


@PROPERTY
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40), min_size=1, max_size=6))
def test_any_text_survives_our_yaml_writer(texts: list) -> None:
    from conceptgraph.dataset import yaml_scalar

    for text in texts:
        assert yaml.safe_load("k: " + yaml_scalar(text, 0))["k"] == text
        assert yaml.safe_load("k: [" + yaml_scalar(text, -1) + "]")["k"] == [text]


@PROPERTY
@given(st.text())
def test_normalise_fast_path_is_the_full_rule(text: str) -> None:
    """ASCII skips NFKC (which leaves it as it is): the result must not change."""
    import unicodedata

    from conceptgraph.names import normalise

    assert normalise(text) == re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())
    assert normalise(text.encode("ascii", "ignore").decode()) == re.sub(
        r"[\W_]+", "", text.encode("ascii", "ignore").decode().lower())


def test_the_example_counts_can_be_raised() -> None:
    assert EXAMPLES >= 1 and not math.isnan(EXAMPLES)
    assert load_graph().number_of_nodes() > 0
