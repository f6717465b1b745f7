"""The Mermaid export drawn by Mermaid itself (npm's mermaid, pinned, run in headless
Chromium): every node and link of the bundled graph, speakers on claim links, quotes
kept as comments; a hostile graph draws without any script running; and a graph past
Mermaid's limits, which Mermaid itself refuses to draw, is refused before writing."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from conceptgraph import load_graph
from conceptgraph.cli import cli
from conceptgraph.errors import UsageError
from conceptgraph.formats.mermaid import MAX_EDGES, mermaid

from conftest import ROOT, hostile_dataset, need

pytestmark = pytest.mark.browser
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

DRAW = """async (text) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  try {
    const {svg} = await mermaid.render('g' + Math.random().toString(36).slice(2), text);
    document.getElementById('out').innerHTML = svg;
    return {ok: true, nodes: Array.from(document.querySelectorAll('#out g.node')).map((n) => n.textContent),
            links: document.querySelectorAll('#out g.edgePaths > path, #out .edgePaths path').length,
            labels: Array.from(document.querySelectorAll('#out .edgeLabel')).map((e) => e.textContent)};
  } catch (e) { return {ok: false, error: String(e && e.message || e)}; }
}"""


@pytest.fixture
def draw(browser):
    need(MERMAID.is_file(), "mermaid is not installed (run: npm ci)")
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<html><body><div id='out'></div></body></html>")
    page.add_script_tag(path=str(MERMAID))
    yield lambda text: page.evaluate(DRAW, text)
    assert page.evaluate("window.__pwned") is None
    context.close()


def test_mermaid_draws_the_bundled_graph_with_speakers(draw) -> None:
    G = load_graph()
    text = mermaid(G)
    shown = draw(text)
    assert shown["ok"], shown.get("error")
    kept = [n for n, k in G.nodes(data="kind") if k != "message"]
    assert len(shown["nodes"]) == len(kept)
    assert shown["links"] == sum(1 for u, v in G.edges() if u in kept and v in kept)
    assert "Jim Benson" in shown["labels"] and "not · ken" in shown["labels"]
    quoted = [line for line in text.splitlines() if line.strip().startswith("%%")]
    assert any("Cooperation costs $125 an hour." in line for line in quoted)
    assert any(line.strip().startswith("%% Jim Benson, response 4: “") for line in quoted)


def test_a_quote_of_no_known_speaker_or_place_is_commented_as_its_words_alone() -> None:
    from conceptgraph import build_graph, parse_dataset

    G = build_graph(parse_dataset("contributors: [{id: a, name: A, role: author}, {id: b, name: B, role: commenter}]\n"
                                  "relations: [{kind: disputes, source: a, target: b, quote: I disagree}]\n"))
    assert "  %% A: “I disagree”" in mermaid(G).splitlines()  # a stance is its speaker's
    for _, _, d in G.edges(data=True):  # a graph from elsewhere, its links' speakers unknown
        d.pop("speaker", None)
        d.pop("where", None)
    assert "  %% “I disagree”" in mermaid(G).splitlines()


def test_drafted_items_are_drawn_as_drafts(draw, tmp_path: Path) -> None:
    """A drafted folder's flowchart tells what is only drafted: its links labelled
    "draft", its nodes dashed; Mermaid draws it."""
    from conceptgraph.draft import draft_folder

    raw = tmp_path / "sb.txt"
    raw.write_text("Ann: What is the difference between a sonnet and a ballad?\n"
                   "Bo: A sonnet has fourteen lines. A ballad tells a story.\n", encoding="utf-8")
    draft_folder(raw, tmp_path / "sb")
    text = mermaid(load_graph(tmp_path / "sb"))
    shown = draw(text)
    assert shown["ok"], shown.get("error")
    assert {"draft · Bo"} <= set(shown["labels"])
    dashed = next(line for line in text.splitlines() if line.strip().startswith("class ") and line.endswith(" draft"))
    assert len(dashed.split()[1].split(",")) == 4  # two terms, two attributes


def test_a_hostile_graph_draws_and_runs_nothing(draw, tmp_path: Path) -> None:
    shown = draw(mermaid(load_graph(hostile_dataset(tmp_path))))
    assert shown["ok"], shown.get("error")


def test_an_emoji_of_several_joined_stays_one_and_a_name_cannot_read_backwards(draw) -> None:
    G = nx.MultiDiGraph()
    G.add_node("dev", kind="term", label="\U0001F469\u200d\U0001F4BB coder")  # woman technologist
    G.add_node("fa", kind="term", label="\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")  # Persian, with a non-joiner
    G.add_node("bidi", kind="contributor", label="Mary \u202eAlice\u202c Arthur")
    G.add_edge("bidi", "dev", kind="claim")
    shown = draw(mermaid(G))
    assert shown["ok"], shown.get("error")
    assert "\U0001F469\u200d\U0001F4BB coder" in shown["nodes"]
    assert "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645" in shown["nodes"]
    assert not any("\u202e" in n for n in shown["nodes"])


def test_past_mermaids_limit_mermaid_fails_and_we_refuse(draw, tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    for i in range(MAX_EDGES + 1):
        G.add_edge(f"a{i}", f"b{i}", kind="claim")
    nx.set_node_attributes(G, "term", "kind")
    with pytest.raises(UsageError, match="--focus"):
        mermaid(G)
    G.remove_edge("a0", "b0")
    assert draw(mermaid(G))["ok"]  # 500 links: drawn
    text = mermaid(G).replace("flowchart LR", "flowchart LR\n  x1 --> x2", 1)
    shown = draw(text)  # 501 links: Mermaid itself gives up
    assert not shown["ok"] and "Edge limit exceeded" in shown["error"]
    path = tmp_path / "big.graphml"
    from conceptgraph.formats import export

    G.add_edge("a0", "b0", kind="claim")
    export(G, "graphml", path)
    r = CliRunner().invoke(cli, ["export", "--format", "mermaid", "--data", str(path), "-o", str(tmp_path / "g.mmd")])
    assert r.exit_code == 2 and "--focus NAME --depth N" in r.stderr and not (tmp_path / "g.mmd").exists()
    r = CliRunner().invoke(cli, ["export", "--format", "mermaid", "--data", str(path), "--focus", "a1", "-o", "-"])
    assert r.exit_code == 0 and "a1" in r.stdout


def test_quotes_that_would_pass_mermaids_limit_are_left_out_and_said(draw) -> None:
    """The quotes are comments Mermaid counts: where they alone would take the
    flowchart past its 50,000 characters, they are left out, with a warning, and Mermaid
    draws what is left; past the limit without them, the graph is refused."""
    from conceptgraph.errors import ConceptGraphWarning
    from conceptgraph.formats.mermaid import MAX_TEXT

    G = nx.MultiDiGraph()
    for i in range(200):
        G.add_edge(f"t{i}", f"a{i}", kind="claim", quote="words said " * 30)
    nx.set_node_attributes(G, "term", "kind")
    with pytest.warns(ConceptGraphWarning, match="the quotes are left out"):
        text = mermaid(G)
    assert len(text) <= MAX_TEXT and "words said" not in text and draw(text)["ok"]
    for i in range(200, 480):  # without its quotes, still too long: refused
        G.add_edge(f"a long name for a term, number {i}" * 3, f"a{i}", kind="claim", quote="x")
    with pytest.raises(UsageError, match="characters"):
        mermaid(G)
