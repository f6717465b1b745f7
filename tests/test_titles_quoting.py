"""A thread whose title quotes a word itself (“Is a “podcast” still a podcast?”, as
WordPress gives Disqus its titles) is a thread like any other: its places name it,
--thread finds it, and the exports carry it (its closing quote had ended the title, so
none of these knew the thread)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conceptgraph import load_graph
from conceptgraph.cli import cli
from conceptgraph.places import place_in, thread_of

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "discussions" / "disqus.xml"
TITLE = "Is “cooperation” the same as collaboration?"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_title_that_quotes_a_word_is_still_its_threads(tmp_path: Path) -> None:
    xml = FIX.read_text(encoding="utf-8")
    assert "<title>Cooperation &amp; collaboration</title>" in xml
    export = tmp_path / "disqus.xml"
    export.write_text(xml.replace("<title>Cooperation &amp; collaboration</title>",
                                  "<title>Is &#8220;cooperation&#8221; the same as collaboration?</title>"),
                      encoding="utf-8")
    folder = tmp_path / "d"
    assert run("import", str(export), "-o", str(folder), "-q").exit_code == 0
    G = load_graph(folder)
    places = [d["where"] for _, d in G.nodes(data=True) if d.get("kind") == "message"]
    quoted = [w for w in places if w.startswith(f"“{TITLE}” › ")]
    assert quoted and all(thread_of(w) == TITLE and not place_in(w).startswith("“") for w in quoted), places
    assert all(G.nodes[n].get("thread") == TITLE for n, d in G.nodes(data=True)
               if d.get("kind") == "message" and d["where"] in quoted)
    out = run("thread", "--data", str(folder), "--thread", "Is “cooperation”")
    assert out.exit_code == 0 and out.stdout.strip(), out.output
    out = run("--data", str(folder), "export", "graphml", "-o", str(tmp_path / "g.graphml"))
    assert out.exit_code == 0 and 'attr.name="thread"' in (tmp_path / "g.graphml").read_text(encoding="utf-8")
