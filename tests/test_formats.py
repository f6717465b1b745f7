"""Exports that other tools read, and imports from them: XSD validation, independent
read-back (igraph, networkx), round trips, hostile strings, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from conceptgraph import DatasetError, OutputError, build_graph, load_graph
from conceptgraph.cli import cli
from conceptgraph.formats import FORMATS, export, read_graph
from conceptgraph.formats.common import XML_INVALID, Column
from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Relation, Source, Term
from conceptgraph.page import page_data

from xsd import validate, validate_gexf

CONTROL = "bell\x07 nul\x00 vt\x0b fffe\ufffe end"
RTL = "שיתוף פעולה מול תיאום \u202eevil\u202c"
EMOJI = "🤝 co-operation 👩🏽‍🤝‍👨🏿"


def adversarial() -> nx.MultiDiGraph:
    big = ("A very long quote. " * 6000)[:100_000]
    ds = Dataset(
        source=Source(title=f"Hostile {CONTROL} {RTL}", author=EMOJI, date="2024-02-30", url="javascript:alert(1)"),
        terms=(
            Term("id with spaces & <symbols> \"'", f"label {CONTROL}", ("a;b", "c|d", RTL), EMOJI),
            Term("✓ check", RTL, (), ""),
            Term("(1, 2)", "tuple-looking", ("x",), ""),
        ),
        attributes=(Attribute("attr]]>", "cdata ]]> end", "<![CDATA[ x ]]>"), Attribute("id", "named id", "")),
        contributors=(Contributor("who?", EMOJI, "commenter", ("comment 1", f"comment {CONTROL}"), big),),
        claims=(
            Claim("c\x00 1", "id with spaces & <symbols> \"'", "attr]]>", "who?", big, f"comment {CONTROL}"),
            Claim("c2", "✓ check", "id", "who?", RTL, "comment 1", True),
        ),
        relations=(Relation("r1", "contrasts_with", "✓ check", "(1, 2)", "who?", "--> | [x] \"q\"", "comment 1"),),
    )
    G = build_graph(ds)
    G.add_node(1, kind="term", label="the number one", weight=1.5, flag=True)
    G.add_node("1", kind="term", label="the string one", weight="heavy", flag=False)
    G.add_edge(1, "1", key=0, kind="similar_to", weight=float("nan"), tags=["x", 2, None])
    G.add_edge("1", 1, key="0", kind="similar_to", weight=2, tags=[])
    return G


GRAPHS = {"bundled": load_graph, "adversarial": adversarial}
ROUND_TRIP = ["graphml", "gexf", "json", "cytoscape"]


def exported(name: str, fmt: str, tmp_path: Path) -> tuple[nx.MultiDiGraph, Path]:
    """The named test graph, and the file it was exported to as ``fmt``."""
    G = GRAPHS[name]()
    path = tmp_path / f"g{Path(FORMATS[fmt].default_name).suffix}"
    export(G, fmt, path)
    return G, path


def same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert a.graph == b.graph
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    def no_nan(d: dict) -> dict:
        return {x: y for x, y in d.items() if not (isinstance(y, float) and y != y)}

    na = [(u, v, k, no_nan(d)) for u, v, k, d in a.edges(keys=True, data=True)]
    nb = [(u, v, k, no_nan(d)) for u, v, k, d in b.edges(keys=True, data=True)]
    assert na == nb


@pytest.mark.parametrize("name", GRAPHS)
@pytest.mark.parametrize("fmt", ROUND_TRIP)
def test_round_trip_gives_an_equal_graph(tmp_path: Path, fmt: str, name: str) -> None:
    G, path = exported(name, fmt, tmp_path)
    H = read_graph(path)
    if fmt in ("json", "cytoscape"):  # JSON has no NaN: it is written as null
        for *_, d in G.edges(data=True):
            if isinstance(d.get("weight"), float) and d["weight"] != d["weight"]:
                d["weight"] = None
    same(G, H)


@pytest.mark.parametrize("name", GRAPHS)
def test_graphml_validates_and_reads_back_in_igraph_and_networkx(tmp_path: Path, name: str) -> None:
    import igraph

    G, path = exported(name, "graphml", tmp_path)
    validate("graphml", path)
    g = igraph.Graph.Read_GraphML(str(path))
    assert (g.vcount(), g.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    assert g.vs["node_id"][: len(G)] and g.vs["kind"] == [str(k) for _, k in G.nodes(data="kind")]
    assert len([q for q in g.es["quote"] if q]) == len([q for *_, q in G.edges(data="quote") if q])
    N = nx.read_graphml(path)
    assert (N.number_of_nodes(), N.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    # networkx knows nothing of our marks: it sees each label as other tools show it, a character
    # XML cannot carry as U+FFFD and the rest as it is (one such label makes no other JSON text)
    assert [d["label"] for _, d in N.nodes(data=True)] == [XML_INVALID.sub("\ufffd", d["label"])
                                                          for _, d in G.nodes(data=True)]
    assert any(XML_INVALID.search(d["label"]) for _, d in G.nodes(data=True)) == (name == "adversarial")
    quotes = Column("quote", [d.get("quote") for *_, d in G.edges(data=True)])
    assert sorted(d.get("quote", "") for *_, d in N.edges(data=True)) == sorted(
        quotes.encode(d["quote"]) if d.get("quote") is not None else "" for *_, d in G.edges(data=True)
    )


def test_cytoscape_files_are_read_ours_under_any_suffix_and_cytoscape_desktops(tmp_path: Path) -> None:
    """Our export named .json reads back (its first bytes say it is Cytoscape's, not
    node-link); a Cytoscape desktop file's node "name" is the label, "interaction" the kind."""
    G = load_graph()
    export(G, "cytoscape", tmp_path / "g.json")
    same(G, read_graph(tmp_path / "g.json"))
    desktop = {"format_version": "1.0", "data": {"name": "net"}, "elements": {
        "nodes": [{"data": {"id": "101", "SUID": 101, "name": "trust", "shared_name": "trust"},
                   "position": {"x": 0, "y": 0}},
                  {"data": {"id": "102", "SUID": 102, "name": "respect"}}],
        "edges": [{"data": {"id": "201", "source": "101", "target": "102", "interaction": "pp"}}]}}
    (tmp_path / "net.cyjs").write_text(json.dumps(desktop), encoding="utf-8")
    H = read_graph(tmp_path / "net.cyjs")
    assert [d["label"] for _, d in H.nodes(data=True)] == ["trust", "respect"]
    assert [(u, v, d["kind"]) for u, v, d in H.edges(data=True)] == [("101", "102", "pp")]


def test_one_control_character_leaves_every_other_graphml_label_as_it_is(tmp_path: Path) -> None:
    """Other tools show "bell\ufffd" for the one label and every other label unchanged (no
    JSON quotes); this reader restores the exact string."""
    G = load_graph()
    first = next(iter(G.nodes))
    G.nodes[first]["label"] = "bell\x07"
    path = tmp_path / "g.graphml"
    export(G, "graphml", path)
    validate("graphml", path)
    N = nx.read_graphml(path)
    shown = [d["label"] for _, d in N.nodes(data=True)]
    assert shown[0] == "bell\ufffd" and shown[1:] == [d["label"] for n, d in G.nodes(data=True) if n != first]
    same(G, read_graph(path))


def test_one_control_character_leaves_every_other_gexf_label_as_it_is(tmp_path: Path) -> None:
    """As in GraphML: Gephi and networkx show "bell\ufffd" for the one label and every
    other label as it is (before, one such character wrote every label of the column as
    JSON text, quotes and all); this reader restores the exact string."""
    G = load_graph()
    first = next(iter(G.nodes))
    G.nodes[first]["label"] = "bell\x07"
    path = tmp_path / "g.gexf"
    export(G, "gexf", path)
    validate_gexf(path)
    N = nx.read_gexf(path)
    shown = [d["label"] for _, d in N.nodes(data=True)]
    assert shown[0] == "bell\ufffd" and shown[1:] == [d["label"] for n, d in G.nodes(data=True) if n != first]
    assert [n for n, d in N.nodes(data=True) if "label_exact" in d] == [N.nodes and next(iter(N.nodes))]
    same(G, read_graph(path))


@pytest.mark.parametrize("name", GRAPHS)
def test_gexf_validates_with_kinds_colours_and_positions(tmp_path: Path, name: str) -> None:
    from lxml import etree

    G, path = exported(name, "gexf", tmp_path)
    validate_gexf(path)
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    doc = etree.parse(str(path))
    assert len(doc.findall(".//g:node", ns)) == G.number_of_nodes()
    assert len(doc.findall(".//g:node/viz:color", ns)) == G.number_of_nodes()
    assert len(doc.findall(".//g:node/viz:position", ns)) == G.number_of_nodes()
    assert doc.find(".//g:attributes[@class='node']/g:attribute[@title='kind']", ns) is not None
    assert len(doc.findall(".//g:edge", ns)) == G.number_of_edges()
    # every edge has a label for Gephi to show: its kind in words, and who said it
    captions = {e.get("label") for e in doc.findall(".//g:edge", ns)}
    assert None not in captions
    said = [(d["kind"], d["speaker_name"]) for _, _, d in G.edges(data=True) if d.get("speaker_name")
            and d["kind"] in ("contrasts_with", "claim") and not d.get("negated")]
    for kind, who in said[:3]:
        assert (f"said by {who}" if kind == "claim" else f"contrasts with ({who})") in captions


@pytest.mark.parametrize("name", GRAPHS)
def test_cytoscape_json_has_string_ids_positions_and_no_nan(tmp_path: Path, name: str) -> None:
    G, path = exported(name, "cytoscape", tmp_path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    ids = [n["data"]["id"] for n in nodes]
    assert len(set(ids)) == len(ids) == G.number_of_nodes() and all(isinstance(i, str) for i in ids)
    assert all(isinstance(n["position"]["x"], int) for n in nodes)
    assert len({e["data"]["id"] for e in edges}) == len(edges) == G.number_of_edges()
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    # networkx reads it too, every node and link (a multigraph, directed as ours is)
    H = nx.cytoscape_graph(data)
    assert (H.number_of_nodes(), H.number_of_edges(), H.is_directed(), H.is_multigraph()) \
        == (G.number_of_nodes(), G.number_of_edges(), G.is_directed(), True)


@pytest.mark.parametrize("name", GRAPHS)
def test_neo4j_csvs_have_typed_headers_and_every_element(tmp_path: Path, name: str) -> None:
    G = GRAPHS[name]()
    result = export(G, "neo4j", tmp_path / "neo")
    folder = Path(result["path"])
    assert result["command"].startswith("neo4j-admin database import full neo4j --nodes=")
    nodes = rels = 0
    uids: set[str] = set()
    ends: set[str] = set()
    assert "--multiline-fields=true" in result["command"]
    assert sorted(result["files"]) == sorted([*(p.name for p in folder.glob("*.csv")), "import.sh"])
    for f in sorted(folder.glob("*.csv")):
        rows = list(csv.reader(io.StringIO(f.read_bytes().decode("utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        if f.name.startswith("nodes_"):
            assert header[:3] == ["uid:ID", "id", ":LABEL"]
            nodes += len(body)
            uids |= {r[0] for r in body}
        else:
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
            ends |= {r[0] for r in body} | {r[1] for r in body}
            rels += len(body)
        assert all(len(r) == len(header) for r in body)
        assert all(":" in h or h in ("id", "key") for h in header)
    assert (nodes, rels) == (G.number_of_nodes(), G.number_of_edges())
    assert ends <= uids and len(uids) == nodes
    aliases = next(folder.glob("nodes_term.csv")).read_text(encoding="utf-8").splitlines()[0]
    assert "aliases:string[]" in aliases  # a list stays a list, whatever its items hold
    claims = list(csv.DictReader(io.StringIO((folder / "rels_claim.csv").read_bytes().decode("utf-8"), newline="")))
    if name == "bundled":  # a quote's span is two numbers, not a text "[0, 63]"
        delimiter = re.search(r'--array-delimiter="([^"]+)"', result["command"]).group(1)
        assert all(re.fullmatch(rf"\d+{re.escape(delimiter)}\d+", c["span:long[]"]) for c in claims if c["span:long[]"])


def test_neo4j_arrays_use_a_delimiter_no_item_holds(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    G.add_node("a", kind="term", label="a", aliases=["x;y", "p|q", "plain"])
    G.add_node("b", kind="term", label="b", aliases=["c¦d"])
    result = export(G, "neo4j", tmp_path / "neo")
    assert '--array-delimiter="U+241F"' in result["command"]
    assert '--array-delimiter="U+241F"' in (tmp_path / "neo" / "import.sh").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO((tmp_path / "neo" / "nodes_term.csv").read_bytes().decode("utf-8"), newline="")))
    column = rows[0].index("aliases:string[]")
    assert [r[column].split("\u241f") for r in rows[1:]] == [["x;y", "p|q", "plain"], ["c¦d"]]
    G.nodes["b"]["aliases"] = ["".join(("\u241f", "\x1f", ";", "|", "¦"))]  # every delimiter taken: JSON text
    from conceptgraph.errors import ConceptGraphWarning

    with pytest.warns(ConceptGraphWarning, match="lists are written as JSON text"):  # said, not done silently
        result = export(G, "neo4j", tmp_path / "neo2")
    header = (tmp_path / "neo2" / "nodes_term.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "aliases:string" in header and "aliases:string[]" not in header


def test_mermaid_escapes_every_label(tmp_path: Path) -> None:
    G = adversarial()
    path = tmp_path / "g.mmd"
    export(G, "mermaid", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "flowchart LR"
    comments = [line for line in lines if line.lstrip().startswith("%%")]
    assert all(line.lstrip().startswith("%% ") for line in comments)  # never a "%%{...}%%" directive
    assert any("--> | [x]" in line for line in comments)  # the quote, kept as written
    lines = [line for line in lines if line not in comments]
    for line in lines[1:]:
        if '"' in line:
            inner = line.split('"')[1::2]
            assert all(not set(part) & set('"<>[]{}()|`') for part in inner), line
    assert sum(1 for line in lines if "-->" in line or "<==>" in line or "==>" in line or "-.->" in line or "--x" in line
               or "<-.->" in line) == G.number_of_edges()


def test_a_failed_export_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.graphml"
    export(load_graph(), "graphml", path)
    good = path.read_bytes()

    def broken(G, out, progress=None):
        out.write(b"<graphml>half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("conceptgraph.formats.graphml.write_graphml", broken)
    with pytest.raises(OutputError, match="No space left"):
        export(load_graph(), "graphml", path)
    assert path.read_bytes() == good and [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_a_failed_neo4j_export_keeps_the_previous_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "neo"
    export(load_graph(), "neo4j", folder)
    before = sorted(p.name for p in folder.iterdir())
    monkeypatch.setattr("pathlib.Path.write_bytes", lambda self, data: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    with pytest.raises(OutputError, match="Permission denied"):
        export(load_graph(), "neo4j", folder)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["neo"]


# --- imports from other tools -------------------------------------------------------


def test_graphml_from_networkx_and_igraph_can_be_explored(tmp_path: Path) -> None:
    import igraph

    F = nx.DiGraph()
    F.add_edge("solidarity", "mutual aid", weight=2.0)
    F.add_edge("mutual aid", "cooperation", weight=1.0)
    nx.write_graphml(F, tmp_path / "nx.graphml")
    g = igraph.Graph(directed=True)
    g.add_vertices(3)
    g.vs["name"] = ["a", "b", "c"]
    g.add_edges([(0, 1), (1, 2)])
    g.write_graphml(str(tmp_path / "ig.graphml"))
    assert "kind" not in read_graph(tmp_path / "nx.graphml").nodes["solidarity"]  # as the file has it
    G = load_graph(tmp_path / "nx.graphml")  # ready for queries
    assert set(G) == {"solidarity", "mutual aid", "cooperation"}
    assert all(k == "node" for _, k in G.nodes(data="kind"))
    assert G.edges["solidarity", "mutual aid", next(iter(G["solidarity"]["mutual aid"]))]["weight"] == 2.0
    assert read_graph(tmp_path / "ig.graphml").number_of_edges() == 2
    runner = CliRunner()
    r = runner.invoke(cli, ["neighbors", "mutual aid", "--data", str(tmp_path / "nx.graphml"), "--json"])
    assert r.exit_code == 0 and {n["id"] for n in json.loads(r.stdout)} == {"solidarity", "cooperation"}
    r = runner.invoke(cli, ["render", "--data", str(tmp_path / "nx.graphml"), "-o", str(tmp_path / "nx.html")])
    assert r.exit_code == 0 and (tmp_path / "nx.html").stat().st_size > 100_000


def test_a_graphml_graph_name_is_its_title(tmp_path: Path) -> None:
    path = tmp_path / "karate.graphml"
    nx.write_graphml(nx.karate_club_graph(), path)  # networkx writes the name as a graph-level key
    r = CliRunner().invoke(cli, ["info", "--data", str(path)])
    assert r.exit_code == 0 and r.stdout.startswith("Zachary's Karate Club\n")
    r = CliRunner().invoke(cli, ["info", "--data", str(path), "--json"])
    assert json.loads(r.stdout)["source"]["title"] == "Zachary's Karate Club"
    G = read_graph(path)
    assert page_data(G)["source"]["title"] == "Zachary's Karate Club"
    for fmt, head in (("mermaid", "%% Zachary's Karate Club"), ("cypher", "// Zachary's Karate Club:")):
        export(G, fmt, tmp_path / fmt)
        assert (tmp_path / fmt).read_text(encoding="utf-8").startswith(head)


@pytest.mark.parametrize("name, text, line, words", [
    ("null.json", '{"nodes": [{"id": "a"}, {"id": null}], "edges": []}', None,
     "nodes[1]: node id null is not a string or a number"),
    ("list.gexf", '<gexf xmlns="http://gexf.net/1.3"><graph>\n'
     '<attributes class="node"><attribute id="json:0" title="node_id" type="string"/></attributes><nodes>\n'
     '<node id="n0"><attvalues><attvalue for="json:0" value="[1, 2]"/></attvalues></node>\n'
     "</nodes></graph></gexf>", 3, "node id [1, 2] is not a string or a number"),
])
def test_a_node_id_no_graph_can_hold_is_one_line(write, name: str, text: str, line: int | None, words: str) -> None:
    path = write(text, name)
    r = CliRunner().invoke(cli, ["info", "--data", str(path)])
    where = f"{path}:{line}" if line else str(path)
    assert r.exit_code == 1 and r.stderr == f"Error: {where}: {words}\n"


def test_yed_labels_are_read(tmp_path: Path) -> None:
    path = tmp_path / "yed.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">\n'
        '  <key for="node" id="d6" yfiles.type="nodegraphics"/>\n'
        '  <graph id="G" edgedefault="directed">\n'
        '    <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Trust</y:NodeLabel></y:ShapeNode></data></node>\n'
        '    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Cooperation</y:NodeLabel></y:ShapeNode></data></node>\n'
        '    <edge id="e0" source="n0" target="n1"/>\n'
        "  </graph>\n</graphml>\n",
        encoding="utf-8",
    )
    G = read_graph(path)
    assert dict(G.nodes(data="label")) == {"n0": "Trust", "n1": "Cooperation"}
    assert CliRunner().invoke(cli, ["path", "trust", "cooperation", "--data", str(path)]).exit_code == 0


@pytest.mark.parametrize(
    "name, text, line, words",
    [
        ("bad.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph>\n<node id="a">\n</graph>', 4,
         "XML syntax error: mismatched tag"),
        ("edge.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph>\n<node id="a"/>\n'
         '<edge source="a" target="b"/>\n</graph></graphml>', 4, "unknown node 'b'"),
        ("dup.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>\n<node id="a"/>\n<node id="a"/>'
         "\n</graph></graphml>", 3, "duplicate node id 'a'"),
        ("type.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
         '<key id="w" for="node" attr.name="w" attr.type="int"/>\n<graph>\n<node id="a"><data key="w">heavy</data></node>'
         "\n</graph></graphml>", 4, "'w' is not an int"),
        ("bomb.graphml", '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<graphml/>', 2,
         "entity declarations are not accepted"),
        ("bad.json", '{"nodes": [\n{"id": 1},\n]}', 3, "JSON syntax error"),
        ("bad.gexf", '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>\n<nodes><node id="a"/></nodes>\n'
         '<edges><edge source="a" target="z"/></edges>\n</graph></gexf>', 3, "unknown node 'z'"),
    ],
)
def test_bad_graph_files_name_file_and_line(write, name: str, text: str, line: int, words: str) -> None:
    path = write(text, name)
    with pytest.raises(DatasetError) as e:
        read_graph(path)
    assert str(e.value).startswith(f"{path}:{line}: ") and words in str(e.value)
    r = CliRunner().invoke(cli, ["info", "--data", str(path)])
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_export_command(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--format", "graphml"])
    assert r.exit_code == 0 and r.stderr == "wrote output/concept_graph.graphml (the bundled discussion: give --data for "\
        "yours)\n"
    validate("graphml", Path("output/concept_graph.graphml"))
    r = runner.invoke(cli, ["export", "--format", "neo4j", "-o", str(tmp_path / "n")])
    assert r.exit_code == 0 and r.stdout.startswith("# into a stopped Neo4j 5; it replaces the database named 'neo4j'")
    assert r.stdout.split("\n")[1].startswith("neo4j-admin database import full")
    r = runner.invoke(cli, ["export", "--format", "json", "--json", "-o", str(tmp_path / "g.json")])
    assert json.loads(r.stdout) == {"format": "json", "path": str(tmp_path / "g.json")}
    r = runner.invoke(cli, ["export", "--format", "mermaid", "-o", "-"])
    assert r.exit_code == 0 and r.stdout.splitlines()[1] == "flowchart LR"
    r = runner.invoke(cli, ["export", "--format", "neo4j", "-o", "-"])
    assert r.exit_code == 2 and "give -o FOLDER" in r.stderr
    r = runner.invoke(cli, ["export", "--format", "pdf"])
    assert r.exit_code == 2
    r = runner.invoke(cli, ["export", "gexf", "-o", str(tmp_path / "g.gexf")])  # the format first, as a word
    assert r.exit_code == 0 and (tmp_path / "g.gexf").exists()
    for args, words in (([], "give a format (conceptgraph export NAME, or --format NAME, or -o a file named for it"),
                        (["gexf", "--format", "json"], "two formats given (gexf and --format json): give one"),
                        (["-o", str(tmp_path / "g.txt")], "give a format"),
                        (["graphml", "-o", str(tmp_path / "x.gexf")],
                         f"{tmp_path / 'x.gexf'}: .gexf names a gexf file, not graphml: name it "
                         f"{tmp_path / 'x.graphml'}, or give --format gexf"),
                        (["neo4j", "-o", str(tmp_path / "x.json")],
                         ".json names a json file; neo4j writes a folder of files: give -o FOLDER"),
                        # yEd's GraphML is GraphML: "give --format graphml" would leave its drawing out
                        (["yed", "-o", str(tmp_path / "y.xml")], f".xml names a graphml file, not yed: name it "
                         f"{tmp_path / 'y.graphml'}\n"),
                        (["graphml", "-o", str(tmp_path / "x.html")], f".html names a page, not graphml: name it "
                         f"{tmp_path / 'x.graphml'} (conceptgraph render writes pages)"),
                        # Markdown notes draw Mermaid: GraphML in notes.md opens as neither (trial 14)
                        (["graphml", "-o", str(tmp_path / "notes.md")], f".md names a mermaid file, not graphml: "
                         f"name it {tmp_path / 'notes.graphml'}, or give --format mermaid"),
                        (["gexf", "-o", str(tmp_path / "notes.markdown")], ".markdown names a mermaid file, not gexf"),
                        (["graphml", "-o", ""], "-o is empty: give a file name, or leave -o out")):
        r = runner.invoke(cli, ["export", *args])
        assert r.exit_code == 2 and r.stderr.count("\n") == 1 and words in r.stderr, r.stderr
    assert not (tmp_path / "x.gexf").exists() and not (tmp_path / "x.json").exists()
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "y.xml").exists()
    assert not (tmp_path / "notes.md").exists() and not (tmp_path / "notes.markdown").exists()
    for args, words in ((["-o", str(tmp_path / "page.graphml")], f"page.graphml: .graphml names a graphml file, "
                         f"not a page: name it {tmp_path / 'page.html'} (conceptgraph export graphml writes that "
                         "format)"), (["-o", ""], "-o is empty"),
                        # a document or a picture would hold HTML and open as neither
                        (["-o", str(tmp_path / "page.pdf")], f"page.pdf: .pdf names a PDF document, not a page: name "
                         f"it {tmp_path / 'page.html'} (a browser prints the page to PDF)"),
                        (["-o", str(tmp_path / "page.png")], ".png names a picture, not a page"),
                        # what export writes under those names: Markdown notes, JSON
                        (["-o", str(tmp_path / "notes.md")], ".md names a mermaid file, not a page: name it "
                         f"{tmp_path / 'notes.html'} (conceptgraph export mermaid writes that format)"),
                        (["-o", str(tmp_path / "page.json")], ".json names a json file, not a page")):
        r = runner.invoke(cli, ["render", *args])
        assert r.exit_code == 2 and r.stderr.count("\n") == 1 and words in r.stderr, r.stderr
    assert not (tmp_path / "page.graphml").exists() and not (tmp_path / "page.pdf").exists()
    assert not (tmp_path / "notes.md").exists() and not (tmp_path / "page.json").exists()
    for args, words in ((["-o", str(tmp_path / "class.xlsx")], "class.xlsx: .xlsx names a spreadsheet, which no format "
                         "here is: the csv format writes a table a spreadsheet opens (-o FILE.csv)"),
                        (["graphml", "-o", str(tmp_path / "class.docx")], ".docx names a Word document, which no "
                         "format here is: give a file named for one of graphml")):
        r = runner.invoke(cli, ["export", *args])
        assert r.exit_code == 2 and r.stderr.count("\n") == 1 and words in r.stderr, r.stderr
    assert not (tmp_path / "class.xlsx").exists() and not (tmp_path / "class.docx").exists()
    # a tool's name for the format it reads: "export gephi" writes GEXF
    r = runner.invoke(cli, ["export", "gephi", "-o", str(tmp_path / "team.gexf")])
    assert r.exit_code == 0 and (tmp_path / "team.gexf").read_text(encoding="utf-8").count("<gexf ") == 1
    # Markdown notes take Mermaid, fenced as Markdown draws it
    r = runner.invoke(cli, ["export", "-o", str(tmp_path / "notes.md")])
    text = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert r.exit_code == 0 and text.startswith("```mermaid\n%% ") and text.endswith("\n```\n")
    assert text.split("\n")[2] == "flowchart LR"
    assert runner.invoke(cli, ["export", "mermaid", "-o", str(tmp_path / "notes.md")]).exit_code == 0  # its own
    # the format a file's name gives: "-o team.gexf" writes GEXF, "-o team.xml" GraphML, "-o yed.graphml" yEd's
    for name, fmt in (("named.gexf", "gexf"), ("named.xml", "graphml"), ("named.cyjs", "cytoscape")):
        r = runner.invoke(cli, ["export", "-o", str(tmp_path / name), "--json"])
        assert r.exit_code == 0 and json.loads(r.stdout)["format"] == fmt, r.stderr
        {"gexf": validate_gexf, "graphml": lambda p: validate("graphml", p)}.get(
            fmt, lambda p: json.loads(p.read_text(encoding="utf-8")))(tmp_path / name)
    assert runner.invoke(cli, ["export", "yed", "-o", str(tmp_path / "y.graphml")]).exit_code == 0


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "neo4j"])
def test_what_a_stance_is_about_is_in_words_in_every_export(tmp_path: Path, fmt: str) -> None:
    """Gephi's data table and Neo4j show an edge's fields alone: besides the ids of the
    claims it concerns, a stance carries them in words (a trial could not tell in Gephi
    what an agreement was with)."""
    ds = Dataset(Source("t"), terms=(Term("soup", "soup"),), attributes=(Attribute("hot", "hot"),),
                 contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                 claims=(Claim("c1", "soup", "hot", "ann", "Soup is not hot.", "post", negated=True),),
                 relations=(Relation("r1", "agrees_with", "bo", "ann", "bo", "Agreed.", "comment 1", concerns=("c1",)),))
    G = build_graph(ds)
    assert G.edges["bo", "ann", "r1"]["concerns_labels"] == ["soup: not hot"]
    path = tmp_path / ("out" if fmt == "neo4j" else f"g.{fmt}")
    export(G, fmt, path)
    if fmt == "neo4j":
        [row] = csv.DictReader(io.StringIO((path / "rels_agrees_with.csv").read_text(encoding="utf-8")))
        assert row["concerns_labels:string[]"] == "soup: not hot"
    else:
        assert read_graph(path).edges["bo", "ann", "r1"]["concerns_labels"] == ["soup: not hot"]


def test_the_table_is_named_after_its_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`export csv` with no -o writes output/NAME.csv, as every format names its file
    after the data (a trial had looked for workshop.csv)."""
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["export", "csv", "-q"])
    assert r.exit_code == 0, r.stderr
    assert [p.name for p in (tmp_path / "output").iterdir()] == ["concept_graph.csv"]


def test_the_table_has_a_row_for_each_thing_said_and_runs_nothing(tmp_path: Path) -> None:
    """`--format csv`: one row per claim and per relation stated, with its speaker, words
    and characters, read back by Python's csv module; a cell a spreadsheet would run as a
    formula ("+1", "=cmd|...") starts with an apostrophe; line breaks stay in their cell."""
    G = load_graph()
    export(G, "csv", tmp_path / "said.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "said.csv").read_bytes().decode("utf-8"), newline="")))
    stated = [d for *_, d in G.edges(data=True) if d["kind"] not in ("asserts", "wrote", "replies_to", "mentions",
                                                                    "co_occurs")]
    assert len(rows) == len(stated) and sum(r["kind"] == "claim" for r in rows) == 98
    first = rows[0]
    assert (first["says"], first["speaker_name"], first["where"], first["negated"]) == (
        "cooperation: working together", "Mary Alice Arthur", "response 1", "false")
    text = G.nodes[first["message"]]["text"]
    assert text[int(first["start"]):int(first["end"])] == first["quote"]
    ds = Dataset(Source("t"), terms=(Term("soup", "soup"),), attributes=(Attribute("hot", "=cmd|' /C calc'!A0"),),
                 contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                 claims=(Claim("c1", "soup", "hot", "ann", "Soup is\nhot.\t\x1b[2J\x07\x00\u202egnp.exe", "post",
                               negated=True),),
                 relations=(Relation("r1", "agrees_with", "bo", "ann", "bo", "+1", "comment 1", concerns=("c1",)),))
    export(build_graph(ds), "csv", tmp_path / "hostile.csv")
    claim, stance = csv.DictReader(io.StringIO((tmp_path / "hostile.csv").read_bytes().decode("utf-8"), newline=""))
    assert claim["target_label"] == "'=cmd|' /C calc'!A0" and claim["negated"] == "true"
    # control characters (a terminal clearing its screen, a bell, a NUL) are U+FFFD, and so is an override of
    # the words' direction (a spreadsheet would show "exe.png" of them; trial 13); a tab and a line's end stay
    assert claim["quote"] == "Soup is\nhot.\t\ufffd[2J\ufffd\ufffd\ufffdgnp.exe"
    assert stance["quote"] == "'+1" and stance["about"] == "soup: not =cmd|' /C calc'!A0"  # opens with no formula
    # for code (pandas, R): every cell as written, so a quote is its message's text[start:end]
    export(build_graph(ds), "pandas", tmp_path / "code.csv")
    claim, stance = csv.DictReader(io.StringIO((tmp_path / "code.csv").read_bytes().decode("utf-8"), newline=""))
    assert claim["target_label"] == "=cmd|' /C calc'!A0" and stance["quote"] == "+1"
    assert claim["quote"] == "Soup is\nhot.\t\x1b[2J\x07\x00\u202egnp.exe"
    # an export of ours is replaced (by either, the one table); a CSV of someone else's is not
    export(build_graph(ds), "csv", tmp_path / "hostile.csv")
    export(build_graph(ds), "pandas", tmp_path / "hostile.csv")
    (tmp_path / "theirs.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(OutputError):
        export(build_graph(ds), "csv", tmp_path / "theirs.csv")


def test_gexf_refuses_entity_declarations(write) -> None:
    path = write('<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY a "aaaa">]>\n<gexf/>', "bomb.gexf")
    with pytest.raises(DatasetError, match="entity declarations are not accepted"):
        read_graph(path)


Y = "{http://www.yworks.com/xml/graphml}"


@pytest.mark.parametrize("name", GRAPHS)
def test_yed_export_draws_each_node_where_and_as_the_page_does(tmp_path: Path, name: str) -> None:
    from lxml import etree

    from conceptgraph.styles import edge_style, node_style

    G = GRAPHS[name]()
    export(G, "yed", tmp_path / "g.graphml")
    export(G, "cytoscape", tmp_path / "g.cyjs")
    placed = [n["position"] for n in json.loads((tmp_path / "g.cyjs").read_text(encoding="utf-8"))["elements"]["nodes"]]
    doc = etree.parse(str(tmp_path / "g.graphml"))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    drawn = []
    for node in doc.iter(f"{ns}node"):
        shape = node.find(f".//{Y}ShapeNode")
        geometry, fill, label = shape.find(f"{Y}Geometry"), shape.find(f"{Y}Fill"), shape.find(f"{Y}NodeLabel")
        drawn.append((float(geometry.get("x")) + float(geometry.get("width")) / 2,
                      float(geometry.get("y")) + float(geometry.get("height")) / 2, fill.get("color"),
                      label.text or ""))
    for i, (_, d) in enumerate(G.nodes(data=True)):  # both exports list nodes in the graph's order
        x, y, colour, label = drawn[i]
        assert (x, y) == (placed[i]["x"], placed[i]["y"])
        assert colour == node_style(str(d.get("kind", ""))).get("color")
        assert label == str(d.get("label", "")).replace("\x00", "\ufffd") or "\ufffd" in label
    lines = [e.find(f".//{Y}LineStyle") for e in doc.iter(f"{ns}edge")]
    for line, (_, _, d) in zip(lines, G.edges(data=True)):
        style = edge_style(str(d.get("kind", "")), bool(d.get("negated")))
        assert line.get("color") == style["color"] and (line.get("type") == "dashed") == bool(style["dashes"])
    # a link between terms or between people says what it is in words; a claim, many, does not
    from conceptgraph.formats.common import edge_caption

    for e, (_, _, d) in zip(doc.iter(f"{ns}edge"), G.edges(data=True)):
        words = e.find(f".//{Y}EdgeLabel")
        if d.get("kind") in ("claim", "asserts", "wrote", "replies_to", "mentions", "co_occurs") and not d.get("label"):
            assert words is None
        elif not d.get("label") and edge_caption(d):
            assert words is not None and words.text.lstrip("\u200b") == edge_caption(d).replace("\x00", "\ufffd")
    # networkx's yFiles reader sees the labels and shapes yEd shows
    seen = nx.read_graphml(tmp_path / "g.graphml")
    assert all("x" in d and "shape_type" in d for _, d in seen.nodes(data=True))
    # every other reader sees the same graph as in the plain GraphML
    export(G, "graphml", tmp_path / "plain.graphml")
    a, b = read_graph(tmp_path / "g.graphml"), read_graph(tmp_path / "plain.graphml")
    assert repr(list(a.nodes(data=True))) == repr(list(b.nodes(data=True)))  # repr: NaN equals NaN
    assert repr(list(a.edges(keys=True, data=True))) == repr(list(b.edges(keys=True, data=True)))
    # the GraphML XSD knows no yFiles: valid once yEd's drawing data is set aside, as yEd's own files are
    for key in doc.iter(f"{ns}key"):
        if key.get("yfiles.type"):
            key.getparent().remove(key)
    for data in list(doc.iter(f"{ns}data")):
        if data.get("key") in ("yn", "ye"):
            data.getparent().remove(data)
    doc.write(str(tmp_path / "aside.graphml"))
    validate("graphml", tmp_path / "aside.graphml")


def test_an_undirected_graph_is_exported_undirected(tmp_path: Path) -> None:
    G = nx.MultiGraph()
    G.add_edge("a", "b", kind="related_to")
    export(G, "graphml", tmp_path / "u.graphml")
    assert 'edgedefault="undirected"' in (tmp_path / "u.graphml").read_text(encoding="utf-8")
    assert not read_graph(tmp_path / "u.graphml").is_directed()
    assert not nx.read_graphml(tmp_path / "u.graphml").is_directed()


@pytest.mark.parametrize("fmt", ["json", "cytoscape"])
def test_json_exports_are_told_apart_by_their_keys_not_by_the_words_inside(tmp_path: Path, fmt: str) -> None:
    """A term named "elements", or "nodes", makes no node-link file a Cytoscape one nor the
    other way round (nor, for node-link, a title long enough to push the nodes past a file's
    first bytes): the export is read back as its format, and a second export replaces the first."""
    G = load_graph()
    G.graph["title"] = "A long title. " * (6000 if fmt == "json" else 1)
    G.add_node("elements", kind="term", label="elements")
    G.add_node("nodes", kind="term", label="nodes")
    path = tmp_path / ("g.json" if fmt == "json" else "g.cyjs")
    export(G, fmt, path)
    export(G, fmt, path)  # an earlier export of ours: replaced, not refused
    assert set(read_graph(path).nodes) == set(G.nodes)
    assert FORMATS[fmt].sniff(path.read_bytes()[:65536])
    assert not FORMATS["cytoscape" if fmt == "json" else "json"].sniff(path.read_bytes()[:65536])


def test_a_node_keeps_its_id_in_the_files_from_one_export_to_the_next(tmp_path: Path) -> None:
    """Tools that merge files by id (Gephi's "append to workspace", Neo4j's MATCH on
    uid) join the right nodes: a node's id in GraphML, GEXF, the Neo4j files and the
    Cypher script is its own id wherever that is a name token, whatever else changed;
    any other id gets ``n0``, ``n1``... that no node's own id takes."""
    from lxml import etree

    def file_ids(path: Path) -> list[str]:
        return [n.get("id") for n in etree.parse(str(path)).iter() if etree.QName(n).localname == "node"]

    G = load_graph()
    for name in ("g.graphml", "g.gexf"):
        export(G, name.rsplit(".", 1)[1], tmp_path / name)
        assert file_ids(tmp_path / name) == list(G.nodes)  # the bundled dataset's ids are all name tokens
    smaller = G.copy()
    smaller.remove_node("cooperation")
    smaller.add_node("a new term", kind="term", label="a new term")
    smaller.add_node("n0", kind="term", label="n0")
    expected = [n if n != "a new term" else "n1" for n in smaller.nodes]  # "n0" is a node's own id
    for name in ("h.graphml", "h.gexf"):
        export(smaller, name.rsplit(".", 1)[1], tmp_path / name)
        assert file_ids(tmp_path / name) == expected
        assert set(read_graph(tmp_path / name).nodes) == set(smaller.nodes)  # read back: the graph's own ids
    export(smaller, "neo4j", tmp_path / "neo")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "neo" / "nodes_term.csv").read_text(encoding="utf-8"))))
    assert {r["id"]: r["uid:ID"] for r in rows} == {n: e for n, e in zip(smaller.nodes, expected)
                                                    if smaller.nodes[n].get("kind") == "term"}
    export(smaller, "cypher", tmp_path / "g.cypher")
    assert "{uid: 'collaboration', source: " in (tmp_path / "g.cypher").read_text(encoding="utf-8")


def test_a_label_yed_would_draw_as_a_web_page_stays_text(tmp_path: Path) -> None:
    """yEd (Java Swing) renders a label that opens with <html> as HTML, and fetches the
    images it names: the drawn label starts with a zero-width space, so yEd shows the
    words as they are; the label kept as data is the exact one."""
    from lxml import etree

    G = nx.MultiDiGraph()
    hostile = "<HTML><img src='http://example.invalid/x.png'>cooperation"
    G.add_node("t", kind="term", label=hostile)
    G.add_node("u", kind="term", label="  <html>and spaces before")
    G.add_node("v", kind="term", label="a <html> inside is text to Swing")
    export(G, "yed", tmp_path / "g.graphml")
    drawn = [e.text for e in etree.parse(str(tmp_path / "g.graphml")).iter("{http://www.yworks.com/xml/graphml}NodeLabel")]
    assert drawn == ["\u200b" + hostile, "\u200b  <html>and spaces before", "a <html> inside is text to Swing"]
    assert read_graph(tmp_path / "g.graphml").nodes["t"]["label"] == hostile


def test_a_place_reads_as_words_in_other_tools_and_comes_back_exact(tmp_path: Path) -> None:
    """A message's place is a string and a contributor's places a list, under one name:
    other tools (Gephi's data table, yEd, Cytoscape) show "post" and "comment 3; comment 4",
    not JSON text; the lists are kept exact in the "_exact" twin, which this reader takes."""
    G = load_graph()
    for name in ("g.graphml", "g.gexf"):
        export(G, name.rsplit(".", 1)[1], tmp_path / name)
        other = (nx.read_graphml if name.endswith("graphml") else nx.read_gexf)(tmp_path / name)
        shown = {d.get("node_id", n) if name.endswith("graphml") else n: d for n, d in other.nodes(data=True)}
        where = {n: d.get("where") for n, d in shown.items()}
        assert where["post"] == "post" and where["shawn-callahan"] == "post"
        assert where["ken"] == "comment 3; comment 4"
        assert json.loads(shown["ken"]["where_exact"]) == ["comment 3", "comment 4"]
        assert "where_exact" not in shown["post"]  # a string needs no twin
        back = read_graph(tmp_path / name)
        assert back.nodes["ken"]["where"] == ["comment 3", "comment 4"] and back.nodes["post"]["where"] == "post"


def test_an_accented_name_keeps_its_id_in_every_file_without_its_accents(tmp_path: Path) -> None:
    """José Núñez is ``jose-nunez`` in GraphML, GEXF and Cypher, not ``n0``: an id by the
    order of the nodes would join the wrong people when two files are merged by id (a
    trial's Gephi workspace); read back, the node is his again."""
    people = (Contributor("zoë-müller", "Zoë Müller", "author"), Contributor("josé-núñez", "José Núñez", "commenter"),
              Contributor("zoe-muller", "Zoe Muller", "commenter"))
    ds = Dataset(Source("Names"), terms=(Term("platform", "platform"),), attributes=(Attribute("shared", "shared"),),
                 contributors=people, claims=tuple(Claim(f"c{i}", "platform", "shared", p.id, "", "")
                                                   for i, p in enumerate(people)))
    G = build_graph(ds)
    for fmt in ("graphml", "gexf", "cypher"):
        path = tmp_path / f"names.{fmt}"
        export(G, fmt, str(path))
        text = path.read_text(encoding="utf-8")
        # José's own id without accents; Zoë's is the other Zoe's already, so hers is a number
        ids = re.findall(r"""(?:<node id=|uid: )["']([^"']+)""", text)
        assert "jose-nunez" in ids and "zoe-muller" in ids and ids.count("zoe-muller") == ids.count("jose-nunez"), fmt
        if fmt != "cypher":
            assert {n for n, d in load_graph(path).nodes(data=True) if d.get("kind") == "contributor"} == \
                {p.id for p in people}
