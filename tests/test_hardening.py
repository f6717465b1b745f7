"""Hostile files, devices, a second user: each way the tool once failed, kept fixed."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph import load_graph
from conceptgraph.cli import cli

from conftest import MINI, ROOT, need


def run(*args: str, **kw) -> object:
    return CliRunner().invoke(cli, list(args), **kw)


def one_line_error(r, code: int = 1, *words: str) -> None:
    """The command ended with ``code`` and one line on stderr that says ``words``, no traceback."""
    lines = [line for line in r.stderr.splitlines() if not line.startswith("Warning:")]
    assert r.exit_code == code, (r.exit_code, r.stderr, r.exception)
    assert len(lines) == 1 and lines[0].startswith("Error: "), r.stderr
    assert "Traceback" not in r.stderr and r.exception is None or isinstance(r.exception, SystemExit)
    for w in words:
        assert w in lines[0]


# --- 1. the graph cache ------------------------------------------------------------------

class Planted:
    """Unpickling this creates a file: proof that a planted entry was run."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self):
        return (Path.write_text, (self.proof, "ran"))


def _entry_name(data: Path) -> str:
    from conceptgraph.cache import _key

    return f"{_key([data])}.pickle"


def test_a_planted_unsigned_entry_is_never_unpickled(mini: Path, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(folder))
    assert run("info", "--data", str(mini)).exit_code == 0  # the folder, its secret, an entry
    proof = tmp_path / "proof"
    (folder / _entry_name(mini)).write_bytes(pickle.dumps(Planted(proof)))
    r = run("info", "--json", "--data", str(mini))
    assert r.exit_code == 0 and json.loads(r.stdout)["nodes"]["term"] == 2
    assert not proof.exists()


@pytest.mark.parametrize("how", ["group-writable", "another user's"])
def test_a_cache_folder_others_can_write_is_not_used(mini: Path, tmp_path: Path, monkeypatch, how: str) -> None:
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    if how == "group-writable":
        folder.chmod(0o777)
    else:
        need(os.geteuid() == 0, "making a folder owned by another user needs root")
        os.chown(folder, 65534, 65534)
    proof = tmp_path / "proof"
    (folder / _entry_name(mini)).write_bytes(pickle.dumps(Planted(proof)))
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(folder))
    r = run("info", "--json", "--data", str(mini))
    assert r.exit_code == 0 and not proof.exists()
    assert r.stderr.count("Warning: cache folder") == 1 and "not using it" in r.stderr


def test_a_corrupt_or_altered_entry_is_rebuilt(mini: Path, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(folder))
    run("info", "--data", str(mini))
    entry = folder / _entry_name(mini)
    blob = entry.read_bytes()
    for damaged in (blob[: len(blob) // 2], blob[:-1] + bytes([blob[-1] ^ 1]), b""):
        entry.write_bytes(damaged)
        entry.chmod(0o600)
        r = run("info", "--json", "--data", str(mini))
        assert r.exit_code == 0 and json.loads(r.stdout)["nodes"]["term"] == 2, r.stderr


def test_an_entry_that_fails_to_load_is_rebuilt(mini: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(tmp_path / "cache"))
    load_graph(mini, cache=True)
    for error in (MemoryError, OverflowError, RecursionError):
        def broken(*a, error=error, **k):
            raise error("boom")

        monkeypatch.setattr(pickle, "loads", broken)
        assert load_graph(mini, cache=True).number_of_nodes() == 8


def test_cache_files_are_private(mini: Path, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(folder))
    load_graph(mini, cache=True)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(f.stat().st_mode) for f in folder.iterdir()} == {0o600}


def test_a_file_rewritten_with_its_old_size_and_mtime_is_read_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "d.yaml"
    data.write_text("terms: [{id: aaaa}]\n", encoding="utf-8")
    before = data.stat()
    assert list(load_graph(data, cache=True)) == ["aaaa"]
    data.write_text("terms: [{id: bbbb}]\n", encoding="utf-8")  # same size
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p, rsync -t, tar do
    assert list(load_graph(data, cache=True)) == ["bbbb"]


# --- 2. folders of exports -----------------------------------------------------------------


def test_neo4j_export_never_replaces_a_folder_of_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_text("years of work")
    for force in ((), ("--force",)):  # not even with --force: it never deletes what no export wrote
        one_line_error(run("export", "--format", "neo4j", "-o", str(folder), *force), 6, "holds other files")
        assert (folder / "thesis.docx").read_text() == "years of work"
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]
    for _ in range(3):  # a previous export of ours is replaced, and nothing is left beside it
        assert run("export", "--format", "neo4j", "-o", str(tmp_path / "n4j")).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "mine", "n4j"]


# --- 3. devices, FIFOs, modes, signals ------------------------------------------------------


def test_writing_to_a_device_is_refused(tmp_path: Path) -> None:
    need(Path("/dev/null").exists(), "no /dev/null")
    r = run("render", "-o", "/dev/null")
    one_line_error(r, 6, "/dev/null", "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    r = run("export", "--format", "json", "-o", "/dev/null")
    one_line_error(r, 6, "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_writing_to_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    r = run("render", "-o", str(fifo))
    one_line_error(r, 6, "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.graphml"
    assert run("export", "--format", "graphml", "-o", str(old)).exit_code == 0  # an earlier export: replaced
    old.chmod(0o640)
    assert run("export", "--format", "graphml", "-o", str(old)).exit_code == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    mask = os.umask(0o027)
    try:
        new = tmp_path / "new.graphml"
        assert run("export", "--format", "graphml", "-o", str(new)).exit_code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, signal, sys
        import conceptgraph.formats as formats
        real = formats.write
        def slow(G, fmt, out):
            out.write(b"partial")
            os.kill(os.getpid(), signal.SIGTERM)
            real(G, fmt, out)
        formats.write = slow
        sys.argv = ["conceptgraph", "export", "--format", "json", "-o", {str(tmp_path / "g.json")!r}]
        from conceptgraph.cli import main
        main()
    """)
    p = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert p.returncode == 128 + 15, p.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["cache"]


# --- 4. unbounded reads and loops ------------------------------------------------------------


def test_reading_a_device_or_fifo_is_refused_at_once(tmp_path: Path) -> None:
    need(Path("/dev/zero").exists(), "no /dev/zero")
    one_line_error(run("validate", "/dev/zero"), 1, "/dev/zero", "not a regular file")
    fifo = tmp_path / "data.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    one_line_error(run("info", "--data", str(fifo)), 1, "not a regular file")
    assert time.monotonic() - started < 30


def test_files_over_the_size_cap_are_refused(mini: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONCEPTGRAPH_MAX_BYTES", "100")
    one_line_error(run("validate", str(mini)), 1, "over the limit of 100", "CONCEPTGRAPH_MAX_BYTES")


def test_a_huge_depth_stops_when_nothing_new_is_reached(tmp_path: Path) -> None:
    from conceptgraph.render import subgraph

    G = load_graph()
    started = time.monotonic()
    assert set(subgraph(G, "cooperation", depth=10**9)) <= set(G)
    assert time.monotonic() - started < 10
    assert run("render", "--focus", "cooperation", "--depth", "1000", "-o", str(tmp_path / "p.html")).exit_code == 0


# --- 5. well-formed but unexpected inputs -------------------------------------------------------

GRAPHML = """<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{keys}
  <graph edgedefault="directed">{body}</graph>
</graphml>"""

UNEXPECTED = {
    "networkx parameter names as attributes": ("g.graphml", GRAPHML.format(
        keys='<key id="a" for="node" attr.name="node_for_adding" attr.type="string"/>'
             '<key id="b" for="edge" attr.name="u_for_edge" attr.type="string"/>'
             '<key id="c" for="node" attr.name="_line" attr.type="string"/>',
        body='<node id="x"><data key="a">1</data><data key="c">mine</data></node><node id="y"/>'
             '<edge source="x" target="y"><data key="b">2</data></edge>'), 0),
    "data in a foreign namespace": ("g.graphml", GRAPHML.format(
        keys='<key id="a" for="node" attr.name="note" attr.type="string"/>',
        body='<node id="x"><data key="a"><f:b xmlns:f="urn:x">inside</f:b></data></node>'), 0),
    "our marker on a foreign key": ("g.graphml", GRAPHML.format(
        keys='<key id="a" for="node" attr.name="n" attr.type="string"><desc>{"conceptgraph": [1]}</desc></key>'
             '<key id="b" for="node" attr.name="m" attr.type="string"><desc>{"conceptgraph": {"json": true}}</desc></key>',
        body='<node id="x"><data key="a">1</data><data key="b">not json</data></node>'), 1),
    "an undeclared key": ("g.graphml", GRAPHML.format(keys="", body='<node id="x"><data key="zz">v</data></node>'), 0),
    "unhashable JSON id": ("g.json", '{"nodes": [{"id": [1]}], "edges": []}', 1),
    "NaN JSON id": ("g.json", '{"nodes": [{"id": NaN}], "edges": []}', 1),
    "null JSON id": ("g.json", '{"nodes": [{"id": null}], "edges": []}', 1),
    "a GEXF readable id that holds a list": ("g.gexf", '<gexf xmlns="http://gexf.net/1.3"><graph>'
        '<attributes class="node"><attribute id="json:0" title="node_id" type="string"/></attributes>'
        '<nodes><node id="n0"><attvalues><attvalue for="json:0" value="[1, 2]"/></attvalues></node></nodes>'
        "</graph></gexf>", 1),
    "deeply nested JSON": ("g.json", '{"nodes": [{"id": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}]}", 1),
    "a 5,000-digit integer in JSON": ("g.json", '{"nodes": [{"id": ' + "9" * 5000 + "}]}", 1),
    "a 5,000-digit integer in YAML": ("d.yaml", "terms: [{id: a, label: " + "9" * 5000 + "}]\n", 1),
    "graph attributes that are a list": ("g.json", '{"graph": [1], "nodes": []}', 1),
    "odd types in where, kind and term": ("g.json", json.dumps({"nodes": [
        {"id": "p", "kind": "contributor", "where": 5}, {"id": "t", "kind": ["term"]}, {"id": "a", "kind": "attribute"}],
        "edges": [{"source": "p", "target": "a", "kind": "asserts", "term": {"x": 1}, "speaker": ["p"], "where": 3},
                  {"source": "t", "target": "a", "kind": "claim", "negated": "yes", "quote": 7}]}), 0),
    "lone surrogates": ("g.json", '{"nodes": [{"id": "a\\ud800", "label": "x\\udfff", "kind": "term"}], "edges": []}', 0),
    "an edge to nowhere": ("g.json", '{"nodes": [{"id": 1}], "edges": [{"source": 1, "target": {"a": 1}}]}', 1),
    "not JSON at all": ("g.json", "\x00\x01", 1),
    "a GEXF with a dynamic value": ("g.gexf", '<gexf xmlns="http://gexf.net/1.3"><graph mode="dynamic">'
        '<attributes class="node"><attribute id="0" title="w" type="long"/></attributes>'
        '<nodes><node id="a"><attvalues><attvalue for="0" value="1" start="1" end="2"/></attvalues></node></nodes>'
        "</graph></gexf>", 0),
    "a GEXF value of the wrong type": ("g.gexf", '<gexf xmlns="http://gexf.net/1.3"><graph>'
        '<attributes class="node"><attribute id="0" title="w" type="long"/></attributes>'
        '<nodes><node id="a"><attvalues><attvalue for="0" value="many"/></attvalues></node></nodes>'
        "</graph></gexf>", 1),
    "an XML entity bomb": ("g.graphml", '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml/>', 1),
    "YAML with a control character": ("d.yaml", "terms: [{id: a\x07}]\n", 1),
    "YAML with a key given twice": ("d.yaml", "terms: [{id: a, id: b}]\n", 1),
    "a second source": ("d.yaml", "source: {title: A}\nterms: []\nsource: {title: B}\n", 1),
}

COMMANDS = [["info", "--json"], ["contributors"], ["consensus", "--json"], ["rank"], ["clusters"],
            ["render", "-o", "page.html"], ["export", "--format", "json", "-o", "-"],
            ["export", "--format", "cytoscape", "-o", "-"], ["export", "--format", "neo4j", "-o", "neo"],
            ["export", "--format", "graphml", "-o", "-"], ["export", "--format", "gexf", "-o", "-"],
            ["export", "--format", "mermaid", "-o", "-"]]


@pytest.mark.parametrize("case", UNEXPECTED)
def test_unexpected_input_never_gives_a_traceback(case: str, write, tmp_path: Path) -> None:
    name, text, code = UNEXPECTED[case]
    path = write(text, name)
    for args in COMMANDS if code == 0 else COMMANDS[:1]:
        r = run(*args, "--data", str(path))
        if code == 1:
            one_line_error(r, 1, name)
            if name.endswith(".yaml") or "graphml" in name:
                assert f"{name}:" in r.stderr  # with a line number
        else:  # an answer, or an empty one (exit 5: no contributors in a graph without any)
            assert r.exit_code in (0, 5), (args, r.stderr, r.exception)
            assert all(line.startswith(("Warning: ", "Error: no ")) for line in r.stderr.splitlines()
                       if "wrote" not in line), r.stderr


def test_attribute_names_that_clash_with_networkx_are_kept(write) -> None:
    path = write(UNEXPECTED["networkx parameter names as attributes"][1], "g.graphml")
    G = load_graph(path)
    assert G.nodes["x"]["node_for_adding"] == "1" and G.nodes["x"]["_line"] == "mine"
    assert next(iter(G.edges(data="u_for_edge")))[2] == "2"


# --- 6. terminal escapes in messages -------------------------------------------------------------


@pytest.mark.parametrize("hostile", ["\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "two\nlines", "\u202eevil"])
def test_error_messages_never_carry_terminal_controls(hostile: str, write) -> None:
    data = write(MINI.replace("by: cy, where: comment 2, quote: like Bart", f'by: "cy{hostile}", quote: x'))
    for r in (run("validate", str(data)), run("neighbors", f"x{hostile}"), run("who", hostile)):
        assert r.exit_code != 0
        assert "\x1b" not in r.stderr and "\u202e" not in r.stderr and r.stderr.count("\n") == 1


def test_errors_quote_only_a_short_excerpt_of_a_file(write) -> None:
    secret = "sk-" + "x" * 200
    r = run("validate", str(write(f"{secret}: [1]\n")))
    one_line_error(r, 1, "unknown section")
    assert secret not in r.stderr and len(r.stderr) < 300


# --- 7. round trips ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_attribute_names_with_control_characters_round_trip(fmt: str, tmp_path: Path) -> None:
    import networkx as nx

    from conceptgraph.formats import export, read_graph

    G = nx.MultiDiGraph()
    G.add_node("a", **{"bad\x01name": "v", "_id": "kept", "_kind": "also", "_line": 3, "kind": "term", "label": "a"})
    G.add_edge("a", "a", key="k", **{"tab\tname": 1, "_source": "x", "kind": "claim"})
    out = tmp_path / f"g.{fmt}"
    export(G, fmt, out)
    H = read_graph(out)
    assert dict(H.nodes["a"]) == dict(G.nodes["a"])
    assert list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


# --- 8. nothing lost silently -------------------------------------------------------------------------


def test_graphml_duplicate_edge_ids_nested_graphs_and_hyperedges(write) -> None:
    path = write(GRAPHML.format(keys="", body=(
        '<node id="g"><graph id="inner" edgedefault="directed"><node id="a"/><node id="b"/></graph></node>'
        '<edge id="e" source="a" target="b"/><edge id="e" source="a" target="b"/>'
        '<hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="g"/></hyperedge>')), "g.graphml")
    with pytest.warns(Warning) as caught:
        G = load_graph(path)
    assert sorted(G) == ["a", "b", "g"] and G.nodes["a"]["parent"] == "g" and G.number_of_edges() == 2
    said = " ".join(str(w.message) for w in caught)
    assert "1 duplicate edge ids" in said and "1 hyperedges left out" in said


# --- 9. smaller ---------------------------------------------------------------------------------------


def test_a_yaml_control_character_has_a_line(write) -> None:
    one_line_error(run("validate", str(write("terms:\n  - {id: a}\n  - {id: b\x07}\n"))), 1, "data.yaml:3:", "U+0007")


def test_writing_to_a_full_disk_exits_6() -> None:
    need(Path("/dev/full").exists(), "no /dev/full")
    p = subprocess.run([sys.executable, "-m", "conceptgraph", "info"], stdout=open("/dev/full", "w"),
                       stderr=subprocess.PIPE, text=True, timeout=120)
    assert p.returncode == 6 and p.stderr.startswith("Error: standard output: cannot write") and "Traceback" not in p.stderr


def test_resolution_must_be_a_positive_number() -> None:
    for bad in ("nan", "inf", "0", "-1"):
        one_line_error(run("clusters", "--resolution", bad), 2, "resolution")


def test_an_anchor_right_after_a_colon_is_still_measured(write) -> None:
    # In a flow mapping with quoted keys, PyYAML takes an anchor right after the colon.
    levels = ['"a":&a [x, x, x, x, x, x, x, x, x, x]']
    for i in range(1, 8):
        levels.append(f'"{chr(97 + i)}":&{chr(97 + i)} [' + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    r = run("validate", str(write("{" + ", ".join(levels) + "}\n")))
    one_line_error(r, 1, "alias bomb")


def test_the_wheel_needs_a_pyyaml_whose_loader_the_guard_knows() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pyyaml>=6.0.1"' in text
