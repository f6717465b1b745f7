"""Big-data paths: the benchmark generator, the graph cache, progress lines, and big
graphs that render correctly (no timing here: speed is measured in bench/)."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph import graph_summary, load_graph
from conceptgraph.cli import cli

from conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generator_is_seeded_valid_and_sized(tmp_path: Path) -> None:
    gen = _generator()
    a, b = gen.generate(1000, 3000, seed=1), gen.generate(1000, 3000, seed=1)
    assert a == b and a != gen.generate(1000, 3000, seed=2)
    path = tmp_path / "g.yaml"
    path.write_text(a, encoding="utf-8")
    s = graph_summary(load_graph(path))
    assert sum(s["nodes"].values()) == 1000
    assert 2900 <= sum(s["edges"].values()) <= 3000
    assert s["nodes"]["term"] == 100 and s["nodes"]["contributor"] == 200
    assert {"claim", "asserts", "opposes"} <= set(s["edges"])


def test_generator_command_line(tmp_path: Path) -> None:
    out = tmp_path / "g.yaml"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--nodes", "300", "--edges", "900",
                    "-o", str(out)], check=True)
    assert graph_summary(load_graph(out))["nodes"]["attribute"] == 210


def test_cache_gives_the_same_graph_and_notices_edits(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_graph(mini, cache=True)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    monkeypatch.setattr("conceptgraph.graph.build_graph", lambda ds: pytest.fail("built again"))
    again = load_graph(mini, cache=True)
    assert list(again.edges(keys=True, data=True)) == list(first.edges(keys=True, data=True))
    monkeypatch.undo()
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(tmp_path / "cache"))
    mini.write_text(mini.read_text(encoding="utf-8").replace("title: Mini", "title: Edited"), encoding="utf-8")
    assert load_graph(mini, cache=True).graph["title"] == "Edited"


def test_the_cache_is_of_this_code_not_only_of_this_version(mini: Path, tmp_path: Path, monkeypatch) -> None:
    """An install from a checkout keeps its version number while its code moves on (a
    `git pull`): a graph cached by other code is built again, not read back."""
    import conceptgraph.cache as cache

    load_graph(mini, cache=True)
    monkeypatch.setattr(cache, "_CODE", "other code, same version")
    monkeypatch.setattr("conceptgraph.graph.build_graph", lambda ds: pytest.fail("built again"))
    with pytest.raises(pytest.fail.Exception, match="built again"):
        load_graph(mini, cache=True)
    monkeypatch.setattr(cache, "_CODE", None)  # this code again: read back, not built
    load_graph(mini, cache=True)


def test_cache_can_be_turned_off_and_survives_a_broken_entry(mini: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", "off")
    load_graph(mini, cache=True)
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(tmp_path / "cache"))
    load_graph(mini, cache=True)
    [entry] = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_graph(mini, cache=True).graph["title"] == "Mini"


def test_validate_never_trusts_the_cache(mini: Path) -> None:
    assert CliRunner().invoke(cli, ["info", "--data", str(mini)]).exit_code == 0
    mini.write_text(mini.read_text(encoding="utf-8").replace("by: ann, quote: both", "by: nobody, quote: both"))
    r = CliRunner().invoke(cli, ["validate", str(mini)])
    assert r.exit_code == 1 and "unknown contributor 'nobody'" in r.stderr


def test_progress_is_silent_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from conceptgraph.progress import Progress

    with Progress("working", total=10) as p:
        p.update(10)
    assert capsys.readouterr().err == ""


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch: pytest.MonkeyPatch) -> _Tty:
    """stderr as a terminal, and progress lines due at once (called in the test itself:
    pytest sets its own stderr again between a fixture and the test)."""
    from conceptgraph import progress

    err = _Tty()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    return err


def test_progress_draws_on_a_terminal_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    from conceptgraph import progress

    err = _terminal(monkeypatch)
    with progress.Progress("laying out", total=4) as p:
        p._timer.join()
        p.update(4)
        p._draw()
    assert "laying out [" in err.getvalue() and "100%" in err.getvalue()
    progress.set_quiet()
    try:
        err.truncate(0)
        with progress.Progress("quiet please") as p:
            assert p._timer is None
        assert "quiet" not in err.getvalue()
    finally:
        progress.set_quiet(False)


def test_a_progress_without_a_timer_draws_from_its_updates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work that may fork (the draft of a long thread) runs no thread of its own."""
    import threading

    from conceptgraph import progress

    err = _terminal(monkeypatch)
    threads = threading.active_count()
    with progress.Progress("reading", total=4, timer=False) as p:
        assert p._timer is None and threading.active_count() == threads
        assert err.getvalue() == ""  # nothing yet: only an update draws
        p.update(2)
        assert "reading [" in err.getvalue() and "50%" in err.getvalue()


def test_a_big_graph_renders_completely(tmp_path: Path) -> None:
    gen = _generator()
    path = tmp_path / "big.yaml"
    path.write_text(gen.generate(5000, 15000, seed=3), encoding="utf-8")
    out = tmp_path / "big.html"
    r = CliRunner().invoke(cli, ["--quiet", "render", "--data", str(path), "-o", str(out)])
    assert r.exit_code == 0
    html = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', html, re.S).group(1))
    G = load_graph(path)
    assert len(data["nodes"]["label"]) == G.number_of_nodes() and len(data["edges"]["source"]) == G.number_of_edges()
    assert data["big"] is True
    xy = set(zip(data["nodes"]["x"], data["nodes"]["y"]))
    assert len(xy) > 0.95 * G.number_of_nodes()  # laid out, not piled up
    claims = sum(1 for *_, k in G.edges(data="kind") if k in ("claim", "asserts"))
    assert len(data["edgeDetails"]) == G.number_of_edges() - claims // 2  # a claim's evidence is stored once


def test_a_graph_of_few_nodes_and_many_links_is_drawn_as_a_big_one(tmp_path: Path) -> None:
    """Every redraw strokes every link: a page of many links drops dashes, curves and
    arrow heads as one of many nodes does, whatever its number of nodes."""
    from conceptgraph.page import BIG, BIG_LINKS, page_data

    gen = _generator()
    for links, big in ((BIG_LINKS + 1000, True), (BIG_LINKS // 4, False)):
        path = tmp_path / f"{links}.yaml"
        path.write_text(gen.generate(BIG // 4, links, seed=5), encoding="utf-8")
        G = load_graph(path)
        assert G.number_of_nodes() <= BIG and (G.number_of_edges() > BIG_LINKS) is big
        assert page_data(G)["big"] is big
