"""Our exports as the real JavaScript clients read them: graphology with graphology-gexf
and graphology-graphml (the parsers behind sigma.js and Gephi Lite) and Cytoscape.js,
installed from npm at the versions package-lock.json pins. Counts, labels, kinds,
positions and every quote must survive, for the bundled graph and a hostile one."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conceptgraph import load_graph
from conceptgraph.formats import export

from conftest import ROOT, hostile_dataset, need

READ = ROOT / "tests" / "clients" / "read.cjs"


def client(fmt: str, path: Path) -> dict:
    node = shutil.which("node")
    need(node is not None, "Node.js is not installed")
    need((ROOT / "node_modules" / "graphology").is_dir() and (ROOT / "node_modules" / "cytoscape").is_dir(),
         "the JavaScript clients are not installed (run: npm ci)")
    r = subprocess.run([str(node), str(READ), fmt, str(path)], capture_output=True, text=True, timeout=120,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(params=["bundled", "hostile"])
def graph(request, tmp_path: Path):
    return load_graph(None if request.param == "bundled" else hostile_dataset(tmp_path))


def quotes(G) -> Counter:
    return Counter(str(d["quote"]) for _, _, d in G.edges(data=True) if d.get("quote"))


def test_graphology_reads_gexf_with_titles_positions_and_quotes(graph, tmp_path: Path) -> None:
    export(graph, "gexf", tmp_path / "g.gexf")
    seen = client("gexf", tmp_path / "g.gexf")
    assert (len(seen["nodes"]), len(seen["edges"])) == (graph.number_of_nodes(), graph.number_of_edges())
    by_id = {n["node_id"]: n for n in seen["nodes"]}
    assert set(by_id) == {str(n) for n in graph.nodes}
    for n, d in graph.nodes(data=True):
        assert (by_id[n]["label"], by_id[n]["kind"]) == (d["label"], d["kind"])
        assert isinstance(by_id[n]["x"], (int, float)) and isinstance(by_id[n]["y"], (int, float))
        assert by_id[n]["color"].startswith("rgb")
    assert len({(n["x"], n["y"]) for n in seen["nodes"]}) > len(seen["nodes"]) // 2  # laid out, not stacked
    # attribute names are the titles (graphology names an attribute by its id unless it is numeric)
    names = {k for n in seen["nodes"] for k in n} | {k for e in seen["edges"] for k in e}
    assert not [k for k in names if k.startswith(("json:", "attr")) or k.isdigit()], names
    assert Counter(e["quote"] for e in seen["edges"] if e.get("quote")) == quotes(graph)
    assert Counter(e["kind"] for e in seen["edges"]) == Counter(d["kind"] for _, _, d in graph.edges(data=True))
    assert seen["type"] == "directed"


def test_graphology_reads_graphml_with_labels_kinds_and_quotes(graph, tmp_path: Path) -> None:
    export(graph, "graphml", tmp_path / "g.graphml")
    seen = client("graphml", tmp_path / "g.graphml")
    assert (len(seen["nodes"]), len(seen["edges"])) == (graph.number_of_nodes(), graph.number_of_edges())
    by_id = {n["node_id"]: n for n in seen["nodes"]}
    for n, d in graph.nodes(data=True):
        assert (by_id[n]["label"], by_id[n]["kind"]) == (d["label"], d["kind"])
    assert Counter(e["quote"] for e in seen["edges"] if e.get("quote")) == quotes(graph)
    speakers = Counter(e.get("speaker") for e in seen["edges"] if e.get("quote"))
    assert speakers == Counter(d.get("speaker") for _, _, d in graph.edges(data=True) if d.get("quote"))


def test_cytoscape_js_places_and_styles_every_node(graph, tmp_path: Path) -> None:
    export(graph, "cytoscape", tmp_path / "g.cyjs")
    written = json.loads((tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    seen = client("cytoscape", tmp_path / "g.cyjs")
    assert (len(seen["nodes"]), len(seen["edges"])) == (graph.number_of_nodes(), graph.number_of_edges())
    placed = {n["data"]["id"]: n["position"] for n in written["elements"]["nodes"]}
    # started with the file as its options, and through cy.json(file): the file's positions, not a grid
    assert {n["id"]: n["position"] for n in seen["nodes"]} == placed
    assert {n["id"]: n["position"] for n in seen["jsonPositions"]} == placed
    labels = {n["id"]: n["label"] for n in seen["nodes"]}
    assert sorted(labels.values()) == sorted(d["label"] for _, d in graph.nodes(data=True))
    colours = {n["id"]: n["color"] for n in seen["styled"]}
    kinds = {n["id"]: n["kind"] for n in seen["nodes"]}
    for kind in set(kinds.values()):  # each kind of node has its own colour, the same for all of its nodes
        assert len({colours[i] for i in kinds if kinds[i] == kind}) == 1
    assert len({colours[i] for i in kinds}) == len(set(kinds.values()))
    assert Counter(e["quote"] for e in seen["edges"] if e.get("quote")) == quotes(graph)
