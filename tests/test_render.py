"""The HTML page as a file: self-contained, deterministic, escaped, written atomically."""

from __future__ import annotations

import json
import os
import re
import sys
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph import OutputError, load_graph
from conceptgraph.cli import cli
from conceptgraph.layout import layout
from conceptgraph.render import page_data, render_html, subgraph, write_page

#: what `render` says, given no data: the bundled discussion's page
BUNDLED_PAGE = "wrote output/concept_graph.html (the bundled discussion: give --data for yours)"


def embedded(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_page_is_self_contained() -> None:
    html = render_html(load_graph())
    assert len(re.findall(r"^<script", html, re.M)) == 3  # data, vis-network, the explorer
    assert "sourceMappingURL" not in html  # developer tools would fetch it
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in unescape(html)
    assert not re.search(r"https?://(?!www\.w3\.org)[^\s\"')]*\.(js|css|woff2?)", html)


def test_same_graph_same_bytes() -> None:
    assert render_html(load_graph()) == render_html(load_graph())


def test_positions_are_laid_out_once_per_graph_and_kept_in_the_cache(mini: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    G = load_graph()
    fresh = render_html(G)
    assert render_html(G, cache=True) == fresh  # laid out, then kept
    assert len(list((tmp_path / "cache").glob("*.layout"))) == 1

    def no_layout(*args: object, **kwargs: object) -> None:
        raise AssertionError("laid out again")

    monkeypatch.setattr("conceptgraph.page.layout", no_layout)
    # nor are its denials worded again: a verb's lookup loads lemminflect's dictionaries, which
    # had made a warm render take twice as long as `info`
    monkeypatch.setattr("conceptgraph.page.denial", no_layout)
    assert render_html(G, cache=True) == fresh  # the same graph: its positions come from the cache
    r = CliRunner().invoke(cli, ["render", "-o", str(tmp_path / "page.html")])
    assert r.exit_code == 0 and (tmp_path / "page.html").read_text(encoding="utf-8") == fresh
    with pytest.raises(AssertionError, match="laid out again"):  # another graph is laid out for itself
        render_html(load_graph(mini), cache=True)
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", "off")
    with pytest.raises(AssertionError, match="laid out again"):
        render_html(G, cache=True)


def test_data_block_holds_every_node_edge_and_quote(mini: Path) -> None:
    G = load_graph(mini)
    data = embedded(render_html(G))
    assert len(data["nodes"]["label"]) == G.number_of_nodes() and len(data["edges"]["source"]) == G.number_of_edges()
    assert all(len(column) == G.number_of_nodes() for column in data["nodes"].values())
    assert all(len(column) == G.number_of_edges() for column in data["edges"].values())
    assert {d["id"] for d in data["nodeDetails"]} == set(G.nodes)
    quotes = {d.get("quote") for d in data["edgeDetails"]}
    assert {q for *_, q in G.edges(data="quote") if q} <= quotes
    assert data["source"]["title"] == "Mini"
    kinds = {k["kind"]: k["count"] for k in data["edgeKinds"]}
    assert kinds["claim (denied)"] == 1 and kinds["claim"] == 4


def test_strings_cannot_close_the_data_block(write) -> None:
    evil = "</script><script>alert(1)</script><!--"
    G = load_graph(write(f"source: {{title: '{evil}'}}\nterms: [{{id: a, label: '{evil}'}}]"))
    html = render_html(G)
    block = html.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    assert embedded(html)["nodes"]["label"][0] == evil
    assert f"<title>{evil}" not in html and "<title>&lt;/script&gt;" in html


def test_layout_is_deterministic_and_separates_the_two_main_terms() -> None:
    G = load_graph()
    a, b = layout(G), layout(G)
    assert a == b
    assert a["cooperation"][0] < 0 < a["collaboration"][0]
    assert all(isinstance(v, int) for xy in a.values() for v in xy)


def test_focus_and_kind_select_a_subgraph() -> None:
    G = load_graph()
    H = subgraph(G, "Bart Stewart", depth=1)
    # the message quoted, and the terms his claims are of: "Bart —says→ passive" alone would not say
    # of what (a trial's focus drew a denial beside another term than its own)
    assert set(H) == {"bart-stewart", "passive", "active", "jim-benson", "comment-10", "cooperation", "collaboration"}
    assert set(subgraph(G, kinds=["term"])) == {n for n, k in G.nodes(data="kind") if k == "term"}
    assert page_data(H, focus="bart-stewart")["focus"] == list(H).index("bart-stewart")


_FOCUS_TERMS = """source: {title: t}
terms: [{id: sick-out}, {id: work-to-rule}]
attributes: [{id: strike}]
contributors:
  - {id: kevin, name: Kevin, role: commenter}
  - {id: marisol, name: Marisol, role: commenter}
messages:
  - {id: m1, by: kevin, where: post 1, text: A sick-out is a strike.}
  - {id: m2, by: marisol, where: post 2, text: Work-to-rule is not a strike. Nor is a sick-out one.}
claims:
  - {id: c1, term: sick-out, attribute: strike, by: kevin, quote: A sick-out is a strike., message: m1}
  - {id: c2, term: work-to-rule, attribute: strike, by: marisol, negated: true, quote: Work-to-rule is not a strike.,
     message: m2}
relations:
  - {id: r1, kind: mentions, source: marisol, target: sick-out, by: marisol, quote: a sick-out, message: m2}
"""


def test_a_focus_keeps_the_term_a_speaker_s_claim_is_of(write) -> None:
    """Focused on sick-out: Marisol named it, and denied "strike" of work-to-rule, an
    attribute sick-out has too. Her link to it comes with work-to-rule, the term she said it
    of (a trial's export drew "Marisol —not→ strike" beside sick-out alone)."""
    G = load_graph(write(_FOCUS_TERMS))
    H = subgraph(G, "sick-out", depth=1)
    assert {"marisol", "strike", "work-to-rule"} <= set(H)
    assert set(subgraph(G, "sick-out", depth=1, kinds=["contributor", "attribute"])) == {"marisol", "strike"}


def test_compare_with_proposes_a_term_the_thread_relates_not_the_first_in_the_alphabet(write) -> None:
    """No contrast drawn for a term: the one it is named or related with, not "apple"."""
    G = load_graph(write("""source: {title: Fruit}
terms:
- {id: apple, label: apple}
- {id: pear, label: pear}
- {id: plum, label: plum}
- {id: quince, label: quince}
relations:
- {id: r1, kind: similar_to, source: pear, target: plum}
- {id: r2, kind: contrasts_with, source: apple, target: quince}
"""))
    data = page_data(G)
    at = {label: i for i, label in enumerate(data["nodes"]["label"])}
    partner = {label: data["partner"][i] for label, i in at.items()}
    assert partner["pear"] == at["plum"] and partner["plum"] == at["pear"]
    assert partner["apple"] == at["quince"]  # a contrast comes first


def test_an_empty_graph_still_renders(write) -> None:
    data = embedded(render_html(load_graph(write("source: {title: Empty}\nterms: []"))))
    assert data["nodes"]["label"] == [] and data["edges"]["source"] == []


def test_failed_write_keeps_the_previous_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.html"
    write_page(load_graph(), target)
    good = target.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", boom)
    with pytest.raises(OutputError, match="page.html: cannot write: No space left on device"):
        write_page(load_graph(), target)
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_render_command(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["render"])
    assert r.exit_code == 0 and r.stderr == BUNDLED_PAGE + "\n"
    assert Path("output/concept_graph.html").stat().st_size > 100_000
    out = tmp_path / "deep" / "er" / "coop.html"
    args = ["render", "--focus", "co-operate", "--kind", "term", "--kind", "attribute", "-o", str(out)]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 6 and "deep/er does not exist" in r.stderr and not out.parent.exists()
    out.parent.mkdir(parents=True)
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0
    data = embedded(out.read_text(encoding="utf-8"))
    assert {k["kind"] for k in data["nodeKinds"]} == {"term", "attribute"}
    r = CliRunner().invoke(cli, ["render", "-o", "-"])
    assert r.stdout.startswith("<!DOCTYPE html>")


def test_render_errors(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["render", "--focus", "nobody"])
    assert r.exit_code == 3 and "no node named 'nobody'" in r.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = CliRunner().invoke(cli, ["render", "-o", str(blocker / "page.html")])
    assert r.exit_code == 6 and r.stderr.startswith(f"Error: {blocker / 'page.html'}: ") and "Traceback" not in r.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the opener tried is Linux's xdg-open")
@pytest.mark.parametrize("found", [True, False])
def test_render_open_launches_the_browser_or_says_in_one_line_it_could_not(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, found: bool) -> None:
    """--open hands the page to the desktop's opener; where it finds no browser, one line
    says so (never the opener's own messages), and the page is written all the same."""
    opener = tmp_path / "bin" / "xdg-open"
    opener.parent.mkdir()
    opener.write_text(f'#!/bin/sh\necho "$1" > {tmp_path / "opened"}\necho "xdg-open: no method available" >&2\n'
                      f"exit {0 if found else 3}\n", encoding="utf-8")
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{opener.parent}{os.pathsep}{os.environ['PATH']}")
    r = CliRunner().invoke(cli, ["render", "--open"])
    page = str(Path("output/concept_graph.html").resolve())
    assert r.exit_code == 0 and (tmp_path / "opened").read_text().strip() == page
    said = r.stderr.splitlines()
    assert said == [BUNDLED_PAGE] if found else \
        said == [BUNDLED_PAGE, f"no browser could be opened; open {page} yourself"], r.stderr


def test_to_pyvis_builds_a_network_without_its_quadratic_adders() -> None:
    from conceptgraph.render import to_pyvis

    G = load_graph()
    net = to_pyvis(G)
    assert len(net.nodes) == G.number_of_nodes() and len(net.edges) == G.number_of_edges()
    assert net.nodes[0]["label"] == "cooperation" and "title" not in net.nodes[0]
    html = net.generate_html()
    assert '"label": "cooperation"' in html


def test_the_page_folds_case_from_a_table_that_covers_python(monkeypatch) -> None:
    import sys

    from conceptgraph.page import _casefold_table

    table = _casefold_table()
    assert table["ß"] == "ss"
    beyond = [c for c in range(0x10000, sys.maxunicode + 1) if chr(c).casefold() != chr(c).lower()]
    assert beyond == []  # the table looks only at the Basic Multilingual Plane, where all of them are


def test_the_page_takes_accents_off_as_python_does() -> None:
    import sys
    import unicodedata

    from conceptgraph.page import _combining_marks

    marks = {c for a, b in _combining_marks() for c in range(a, b + 1)}
    assert 0x301 in marks and ord("e") not in marks
    every = {c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))}
    assert every == marks  # the ranges look below U+20000, where all of them are


def test_the_page_holds_the_thread_with_each_quote_in_its_place() -> None:
    data = embedded(render_html(load_graph()))
    assert len(data["thread"]) == 18
    for m in data["thread"]:
        text = data["nodeDetails"][m["node"]]["text"]
        for start, end, details in m["marks"]:
            assert all(text[start:end] == data["edgeDetails"][d]["quote"] for d in details)


def test_the_page_links_only_to_web_addresses(write) -> None:
    """A message's address becomes a link on the page: never one that runs when clicked."""
    G = load_graph(write("""
source: {title: T, url: "javascript:alert(1)"}
contributors: [{id: ana, name: Ana, role: commenter, where: [comment 1]}]
messages:
  - {id: m1, by: ana, where: comment 1, text: Hi, url: "https://example.org/t/1#c1"}
  - {id: m2, by: ana, where: comment 2, text: Hi, url: "javascript:alert(2)"}
  - {id: m3, by: ana, where: comment 3, text: Hi, url: " data:text/html,<script>alert(3)</script>"}
  - {id: m4, by: ana, where: comment 4, text: Hi, url: "https://example.org/\\"onmouseover=alert(4)"}
"""))
    data = embedded(render_html(G))
    assert [m["url"] for m in data["thread"]] == ["https://example.org/t/1#c1", "", "", ""]
    assert data["source"]["url"] == ""


def test_a_page_and_an_export_of_other_data_are_named_after_it(tmp_path: Path) -> None:
    """Two datasets drawn or exported without -o never replace each other's files."""
    from conftest import MINI

    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["render", "--data", str(tmp_path / "mini.yaml")])
    assert r.exit_code == 0 and r.stderr == "wrote output/mini.html\n"
    r = runner.invoke(cli, ["export", "graphml", "--data", str(tmp_path / "mini.yaml")])
    assert r.exit_code == 0 and r.stderr == "wrote output/mini.graphml\n"
    assert runner.invoke(cli, ["render"]).stderr == BUNDLED_PAGE + "\n"  # the bundled one's
    # a folder format too: the bundled data's neo4j export leaves the other's in place
    r = runner.invoke(cli, ["export", "neo4j", "--data", str(tmp_path / "mini.yaml")])
    assert r.exit_code == 0 and r.stderr.startswith("wrote output/mini_neo4j\n"), r.stderr
    assert runner.invoke(cli, ["export", "neo4j"]).exit_code == 0
    assert sorted(p.name for p in Path("output").glob("*neo4j")) == ["concept_graph_neo4j", "mini_neo4j"]


@pytest.mark.parametrize("given", ["before", "env"])
def test_data_given_before_the_command_or_in_the_environment_names_the_file_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    """--data before the command, or CONCEPTGRAPH_DATA, is the same data as --data after
    it: its page and export are named after it, and the bundled page is left alone."""
    from conftest import MINI

    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["render"]).stderr == BUNDLED_PAGE + "\n"
    before = Path("output/concept_graph.html").read_bytes()
    lead = ["--data", str(tmp_path / "mini.yaml")] if given == "before" else []
    if given == "env":
        monkeypatch.setenv("CONCEPTGRAPH_DATA", str(tmp_path / "mini.yaml"))
    r = runner.invoke(cli, [*lead, "render"])
    assert r.exit_code == 0 and r.stderr == "wrote output/mini.html\n", r.stderr
    r = runner.invoke(cli, [*lead, "export", "graphml"])
    assert r.exit_code == 0 and r.stderr == "wrote output/mini.graphml\n", r.stderr
    assert Path("output/concept_graph.html").read_bytes() == before  # the bundled page is as it was


def test_a_message_sits_under_its_author_s_name_not_on_it() -> None:
    from conceptgraph.graph import distinct_degree
    from conceptgraph.kinds import MESSAGE
    from conceptgraph.page import _label_boxes, _positions

    G = load_graph()
    degree = distinct_degree(G)
    pos = _positions(G, 0, degree)
    people = G.subgraph(n for n, k in G.nodes(data="kind") if k != MESSAGE)
    boxes = _label_boxes(people, degree)
    messages = [(n, d["by"]) for n, d in G.nodes(data=True) if d.get("kind") == MESSAGE]
    assert messages
    for n, author in messages:
        assert pos[n][0] == pos[author][0] and pos[n][1] > pos[author][1] + boxes[author][1], n


def test_the_legend_lists_the_kinds_in_one_order_whatever_the_data_s() -> None:
    """Links and nodes met in another order (a review moves accepted items to another
    file, which is read first) keep the legend's rows where they were."""
    import networkx as nx

    G = load_graph()
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    a, b = page_data(G), page_data(H)
    assert [k["kind"] for k in a["edgeKinds"]] == [k["kind"] for k in b["edgeKinds"]]
    assert [k["kind"] for k in a["nodeKinds"]] == [k["kind"] for k in b["nodeKinds"]] == \
        ["term", "attribute", "contributor", "message"]
    assert [k["kind"] for k in a["edgeKinds"]][:2] == ["claim", "claim (denied)"]
    # and each link still has its own kind
    assert sorted(a["edgeKinds"][k]["kind"] for k in a["edges"]["kind"]) == \
        sorted(b["edgeKinds"][k]["kind"] for k in b["edges"]["kind"])


def test_a_graph_drawn_again_after_a_review_keeps_its_nodes_where_they_were(tmp_path: Path) -> None:
    """A real thread drafted, drawn, reviewed (items accepted, some rejected, so nodes go),
    then drawn again over the first page: every node both pages have stays in place;
    --relayout lays it out anew, and a page of another graph at the path is no guide."""
    folder, page = tmp_path / "thread", tmp_path / "thread.html"
    source = Path(__file__).parent.parent / "bench" / "gold" / "dev" / "golang-wiki-nometoo-rename.txt"

    def run(*args: str) -> None:
        r = CliRunner().invoke(cli, list(args))
        assert r.exit_code == 0, r.output + (r.stderr or "")

    def where(path: Path) -> dict[str, tuple[int, int]]:
        """Each node's place but the messages' (each sits under its author's name, which may grow)."""
        data = embedded(path.read_text(encoding="utf-8"))
        nodes, kinds = data["nodes"], [k["kind"] for k in data["nodeKinds"]]
        return {d["id"]: (x, y) for d, x, y, k in zip(data["nodeDetails"], nodes["x"], nodes["y"], nodes["kind"])
                if kinds[k] != "message"}

    run("import", str(source), "-o", str(folder), "--draft", "-q")
    run("render", "--data", str(folder), "-o", str(page), "-q")
    before = where(page)
    listed = json.loads(CliRunner().invoke(cli, ["review", str(folder), "--list", "--json"]).stdout)
    terms = [it["id"] for it in listed if it["kind"] == "term"]
    run("review", str(folder), "--reject", *terms[:2], "-q")
    run("review", str(folder), "--accept-above", "0", "-q")
    run("render", "--data", str(folder), "-o", str(page), "-q")
    after = where(page)
    both = before.keys() & after.keys()
    assert before.keys() - after.keys() and len(both) >= 10  # (nodes went: a fresh layout would move the rest)
    assert {n: after[n] for n in both} == {n: before[n] for n in both}

    run("render", "--data", str(folder), "-o", str(page), "-q", "--relayout")
    assert {n: where(page)[n] for n in both} != {n: before[n] for n in both}
    run("render", "-o", str(page), "-q")  # the bundled graph over it: nothing of it to keep
    assert where(page) == where(write_page(load_graph(), tmp_path / "fresh.html"))


def test_a_graph_drawn_again_keeps_its_labels_apart_and_a_new_node_by_what_it_is_said_of() -> None:
    """Drawn over an earlier drawing: two kept nodes whose labels came to overlap are pushed
    apart, as little as that takes, the rest staying put; a new attribute lands by the term
    it is said of (a claim pulls hardest), not halfway to the person who said it."""
    import networkx as nx

    from conceptgraph.layout import placed

    G = nx.MultiDiGraph()
    G.add_edge("term", "attr", kind="claim")
    G.add_edge("person", "attr", kind="asserts")
    G.add_edge("a", "b", kind="related_to")
    kept = {"term": (0, 0), "person": (1200, 0), "a": (0, 600), "b": (10, 600)}
    boxes = {n: (40.0, 12.0) for n in G}
    pos = placed(G, kept, boxes)
    assert pos["term"] == kept["term"] and pos["person"] == kept["person"]
    assert abs(pos["b"][0] - pos["a"][0]) >= 80 or abs(pos["b"][1] - pos["a"][1]) >= 24  # apart now
    assert abs(pos["attr"][0] - pos["term"][0]) < abs(pos["attr"][0] - pos["person"][0]) / 3


def test_a_big_graph_drawn_again_pushes_no_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SEPARATE_MAX nodes a drawing kept from an earlier page is not pushed apart, as
    a fresh layout is not: pushing 20,000 labels had taken a re-render from 2 s to 166 s."""
    import networkx as nx

    from conceptgraph import layout as L

    G = nx.path_graph(L.SEPARATE_MAX + 1, create_using=nx.MultiDiGraph)
    kept = {n: (n * 10, 0) for n in G if n}

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("labels pushed")

    monkeypatch.setattr(L, "_separate", refuse)
    pos = L.placed(G, kept, {n: (40.0, 12.0) for n in G})
    assert {n: pos[n] for n in kept} == kept and 0 in pos


def test_a_deleted_message_s_stand_in_writer_is_no_person_on_the_page(write) -> None:
    """A deleted comment that others answer is kept as a stand-in ("[deleted]", by an
    unnamed writer): the page counts no such writer among its people, as the import counts
    no such speaker (a trial's page drew an isolated "unnamed commenter"); the stand-in
    stays in the thread, and a writer something names stays a person."""
    path = write("""
source: {title: t}
contributors:
  - {id: ann, name: Ann, role: author, where: post}
  - {id: unnamed-comment-1, name: unnamed commenter (comment 1), role: commenter, where: comment 1}
  - {id: bo, name: Bo, role: commenter, where: comment 2}
messages:
  - {id: m0, by: ann, where: post, text: Weather is not climate.}
  - {id: m1, by: unnamed-comment-1, where: comment 1, text: "[deleted]", reply_to: m0, gone: deleted}
  - {id: m2, by: bo, where: comment 2, text: Whatever it said was wrong., reply_to: m1}
""", "standin.yaml")
    data = page_data(load_graph(path))
    people = [k for k in data["nodeKinds"] if k["kind"] == "contributor"]
    assert people[0]["count"] == 2 and "unnamed commenter (comment 1)" not in data["nodes"]["label"]
    assert [m["by"] for m in data["thread"]] == ["Ann", "unnamed commenter (comment 1)", "Bo"]
