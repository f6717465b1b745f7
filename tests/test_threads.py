"""--thread: one thread of a dataset that holds several (``import A B``), as every command
that reads a graph sees it."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from review_helpers import run

THREADS = {
    "tabs.txt": "# Tabs or spaces at Acme\n\n"
                "Ana: A tab is one character. Indentation is a matter of taste.\n"
                "Ben: I disagree, Ana. Indentation is a matter of the team's rules.\n",
    "words.txt": "# What a sprint means at Beta Corp\n\n"
                 "Cy: A sprint is a fixed period of work. Indentation is not a sprint.\n"
                 "Dee: A sprint is two weeks. I agree with Cy.\n",
}


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("threads")
    for name, text in THREADS.items():
        (root / name).write_text(text, encoding="utf-8")
    folder = root / "both"
    r = run("import", str(root / "tabs.txt"), str(root / "words.txt"), "-o", str(folder), "--draft", "-q")
    assert r.exit_code == 0, r.stderr
    return folder


def answer(*args: str) -> dict:
    r = run(*args, "--json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_one_thread_holds_its_own_people_places_and_words(both: Path) -> None:
    whole = answer("contributors", "--data", str(both))
    assert {p["name"] for p in whole} == {"Ana", "Ben", "Cy", "Dee"}
    assert all(w.startswith("“") for p in whole for w in p["where"])  # the title first: two threads
    tabs = answer("contributors", "--data", str(both), "--thread", "tabs")
    assert {p["name"]: p["where"] for p in tabs} == {"Ana": ["turn 1"], "Ben": ["turn 2"]}
    assert answer("info", "--data", str(both), "--thread", "WHAT A SPRINT")["source"]["title"] == \
        "What a sprint means at Beta Corp"
    # a term both threads speak of is in each, with what each said of it
    for thread, speakers in (("tabs", {"Ana", "Ben"}), ("sprint", {"Cy"})):
        said = answer("consensus", "indentation", "--data", str(both), "--thread", thread)["agreed"]
        assert {who for point in said for who in point["supporters"]} == speakers, said


def test_a_name_of_the_other_thread_is_said_to_be_there(both: Path) -> None:
    r = run("neighbors", "sprint", "--data", str(both), "--thread", "tabs")
    assert r.exit_code == 3 and "'sprint' is not in the thread “Tabs or spaces at Acme”, only in others" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name, said", [
    ("at", "--thread 'at' names 2 threads: give more of the title; they are “Tabs or spaces at Acme”, “What a sprint"),
    ("gamma", "--thread 'gamma' names no thread here; the threads are “Tabs or spaces at Acme”, “What a sprint"),
])
def test_a_thread_not_named_once_is_an_error_of_one_line(both: Path, name: str, said: str) -> None:
    r = run("compare", "sprint", "indentation", "--data", str(both), "--thread", name)
    assert r.exit_code == 2 and said in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_dataset_of_one_thread_says_so(tmp_path: Path) -> None:
    r = run("info", "--thread", "anything")
    assert r.exit_code == 2 and "this dataset holds one thread" in r.stderr, r.stderr


def test_each_threads_page_and_export_is_a_file_of_its_own(both: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for thread in ("tabs", "sprint"):
        assert run("render", "--data", str(both), "--thread", thread, "-q").exit_code == 0
        assert run("export", "graphml", "--data", str(both), "--thread", thread, "-q").exit_code == 0
    assert run("render", "--data", str(both), "--thread", "TABS OR", "-q").exit_code == 0  # the same page again
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [
        "both-tabs-or-spaces-at-acme.graphml", "both-tabs-or-spaces-at-acme.html",
        "both-what-a-sprint-means-at-beta-corp.graphml", "both-what-a-sprint-means-at-beta-corp.html"]
    G = nx.read_graphml(tmp_path / "output" / "both-tabs-or-spaces-at-acme.graphml")
    people = {d["label"] for _, d in G.nodes(data=True) if d.get("kind") == "contributor"}
    assert people == {"Ana", "Ben"}
    assert all(not str(d.get("where", "")).startswith("“") for *_, d in G.edges(data=True))


def test_no_stance_is_drafted_from_one_thread_to_another(both: Path) -> None:
    """Files imported together are threads apart: the first message of the second answers
    no one of the first ("Indentation is not a sprint." had disputed Ana, of the other)."""
    from conceptgraph import load_graph
    from conceptgraph.threads import thread_of

    G = load_graph(both)
    home = {p: {thread_of(w) for w in d["where"]} for p, d in G.nodes(data=True) if d.get("kind") == "contributor"}
    stances = [(u, v) for u, v, d in G.edges(data=True) if d.get("kind") in ("agrees_with", "disputes")]
    assert stances and all(home[u] == home[v] for u, v in stances), stances


def test_each_threads_title_gives_its_own_sides(tmp_path: Path) -> None:
    """Two forum threads imported together, "Weather vs climate" and "Theory vs
    hypothesis": four terms, not "theory vs hypothesis" read from the titles joined (a
    teacher's trial had the term "vs hypothesis")."""
    from conceptgraph.discussions import read_discussion
    from conceptgraph.draft import draft

    (tmp_path / "a.txt").write_text("# Weather vs climate\n\nAna: weather is daily. climate is long.\n"
                                    "Ben: climate is the average.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# Theory vs hypothesis\n\nCy: a theory is not a guess.\n"
                                    "Dee: a hypothesis is tested.\n", encoding="utf-8")
    ds, _ = read_discussion([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert sorted(t.label for t in draft(ds).terms) == ["climate", "hypothesis", "theory", "weather"]


def test_a_thread_is_named_by_its_whole_title_or_its_address(tmp_path: Path) -> None:
    """Places give a long title shortened ("... and a com…"): the whole title still names
    its thread, as does its address (a researcher's trial had both refused); and the
    draft reads the whole title, not the cut one (which had made "com" a term)."""
    from conceptgraph.discussions import read_discussion
    from conceptgraph.draft import draft

    long = "Docs: what is the difference between a maintainer and a committer in this project?"
    (tmp_path / "a.txt").write_text(f"# {long}\n\nAna: A maintainer merges. A committer commits.\n"
                                    "Ben: A committer is not a maintainer.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# Owners\n\nCy: An owner is accountable.\n", encoding="utf-8")
    folder = tmp_path / "both"
    assert run("import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(folder), "-q").exit_code == 0
    assert "…” › " in answer("contributors", "--data", str(folder))[0]["where"][0]  # shortened in places
    people = answer("contributors", "--data", str(folder), "--thread", long)
    assert {p["name"] for p in people} == {"Ana", "Ben"}
    ds, _ = read_discussion([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert "com" not in {t.label for t in draft(ds).terms}


def test_a_thread_is_named_by_the_address_of_one_of_its_messages() -> None:
    from conceptgraph.threads import one_thread

    G = nx.MultiDiGraph()
    G.add_node("m1", kind="message", where="“Issue 412” › issue", url="https://github.com/acme/w/issues/412")
    G.add_node("m2", kind="message", where="“Owners” › post", url="https://forum.example.org/t/owners/77")
    assert one_thread(G, "https://github.com/acme/w/issues/412/").graph["title"] == "Issue 412"


def test_the_table_says_whose_thread_each_row_is(both: Path, tmp_path: Path) -> None:
    """`export csv` of a dataset of several threads: a `thread` column, so that pandas
    compares communities by it (a researcher's trial had parsed `where`); an earlier
    table without the column is still one of ours, and replaced."""
    import csv
    import io

    out = tmp_path / "said.csv"
    out.write_text("kind,says,source,source_label,target,target_label,negated,speaker,speaker_name,quote,where,"
                   "message,start,end,about,status,confidence,inferred,key\n", encoding="utf-8")
    assert run("export", "csv", "--data", str(both), "-o", str(out), "-q").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    assert {r["thread"] for r in rows} == {"Tabs or spaces at Acme", "What a sprint means at Beta Corp"}
    assert all(r["where"].startswith(f"“{r['thread']}” › ") for r in rows)


def test_review_lists_and_decides_in_bulk_one_thread_at_a_time(both: Path, tmp_path: Path) -> None:
    """A curator reviews one community at a time: --list --thread shows the items said in
    it (a term where it is first named), and a bulk decision with --thread leaves the
    other thread's items undecided."""
    import shutil

    folder = tmp_path / "both"
    shutil.copytree(both, folder)
    every = answer("review", str(folder), "--list")
    tabs = answer("review", str(folder), "--list", "--thread", "tabs")
    sprint = answer("review", str(folder), "--list", "--thread", "sprint")
    assert tabs and sprint and len(tabs) + len(sprint) == len(every)
    assert {i["id"] for i in tabs}.isdisjoint(i["id"] for i in sprint)
    assert {i["where"] for i in every} == {f"“{title}” › turn {n}" for n in (1, 2)
                                           for title in ("Tabs or spaces at Acme", "What a sprint means at Beta Corp")}
    assert {i["where"] for i in tabs} == {"turn 1", "turn 2"}  # one thread's places need not name it
    assert "term “sprint”" in {i["text"] for i in sprint}
    decided = answer("review", str(folder), "--accept-above", "0", "--thread", "sprint")
    assert decided["accepted"] == len(sprint)
    # what is left is the other thread's, but for a term accepted with a claim that names it
    # ("Indentation is not a sprint." in the sprint thread takes "indentation" along)
    left = {i["id"] for i in answer("review", str(folder), "--list")}
    assert left == {i["id"] for i in tabs} - {i["id"] for i in tabs if i["text"] == "term “indentation”"}
    assert decided["accepted_with"] == 1
    r = run("review", str(folder), "--thread", "tabs")  # the page shows every thread
    assert r.exit_code == 2 and "--thread goes with --list, --accept-above or --reject-below" in r.stderr
    r = run("review", str(folder), "--list", "--thread", "gamma")
    assert r.exit_code == 2 and "--thread 'gamma' names no thread here" in r.stderr


def test_every_graph_export_says_whose_thread_each_thing_is(both: Path, tmp_path: Path) -> None:
    """Gephi, Cytoscape and Neo4j filter by a field: messages, claims and stances carry
    their `thread`, a contributor the `threads` they speak in, a term or attribute those
    it is said in (a researcher's trial had to parse places to split two communities); a
    dataset of one thread has no such field."""
    for fmt, name in (("graphml", "g.graphml"), ("gexf", "g.gexf")):
        assert run("export", fmt, "--data", str(both), "-o", str(tmp_path / name), "-q").exit_code == 0
        G = nx.read_graphml(tmp_path / name) if fmt == "graphml" else nx.read_gexf(tmp_path / name)
        nodes = dict(G.nodes(data=True))
        titles = {"Tabs or spaces at Acme", "What a sprint means at Beta Corp"}
        assert {d["thread"] for d in nodes.values() if d.get("kind") == "message"} == titles
        said = [d for *_, d in G.edges(data=True) if d.get("kind") in ("claim", "agrees_with", "disputes")]
        assert said and all(d["thread"] in titles for d in said)
        assert {n: json.loads(d["threads"]) for n, d in nodes.items() if d.get("kind") == "contributor"} == {
            "ana": ["Tabs or spaces at Acme"], "ben": ["Tabs or spaces at Acme"],
            "cy": ["What a sprint means at Beta Corp"], "dee": ["What a sprint means at Beta Corp"]}
        # and a term the threads it is said in, in the threads' order ("indentation" in both)
        terms = {d["label"]: json.loads(d["threads"]) for d in nodes.values() if d.get("kind") == "term"}
        assert terms["sprint"] == ["What a sprint means at Beta Corp"], terms
        assert all(t and set(t) <= titles for t in terms.values()) and any(len(t) == 2 for t in terms.values()), terms
    one = tmp_path / "one.txt"
    one.write_text(THREADS["tabs.txt"], encoding="utf-8")
    assert run("export", "graphml", "--data", str(one), "-o", str(tmp_path / "one.graphml"), "-q").exit_code == 0
    assert 'attr.name="thread' not in (tmp_path / "one.graphml").read_text(encoding="utf-8")


def test_the_contributors_table_names_each_thread_once_per_person(tmp_path: Path) -> None:
    """Each of a speaker's places in the table names its thread once, not for every message
    (a trial's table repeated a long title before each of six places)."""
    (tmp_path / "a.txt").write_text("# Tabs or spaces at Acme\n\nAna: A tab is one character.\n"
                                    "Ben: A tab is a width.\nAna: A tab is one character, I said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# Sprints at Beta\n\nAna: A sprint is two weeks.\n", encoding="utf-8")
    r = run("import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "ab"), "-q")
    assert r.exit_code == 0, r.stderr
    r = run("contributors", "--data", str(tmp_path / "ab"))
    assert r.exit_code == 0, r.stderr
    ana = next(line for line in r.stdout.splitlines() if line.startswith("Ana"))
    assert "“Tabs or spaces at Acme” › turn 1, turn 3; “Sprints at Beta” › turn 1" in ana, ana
    assert answer("contributors", "--data", str(tmp_path / "ab"))[0]["where"] == [
        "“Tabs or spaces at Acme” › turn 1", "“Tabs or spaces at Acme” › turn 3", "“Sprints at Beta” › turn 1"]


def test_a_thread_is_named_by_a_part_of_its_title_that_places_cut_off(tmp_path: Path) -> None:
    """Places give a long title shortened ("… r…"); a part only one thread's whole title
    has still names it, for the queries and the review alike (a trial's "really the
    difference" named no thread)."""
    (tmp_path / "a.txt").write_text("# Ask HN: Library vs. framework – is inversion of control really the difference?\n\n"
                                    "Ana: A library is called by you.\nBo: A framework calls you.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# Weather vs climate: the difference, really\n\nCy: Weather is today.\n",
                                    encoding="utf-8")
    folder = tmp_path / "ab"
    r = run("import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(folder), "--draft", "-q")
    assert r.exit_code == 0, r.stderr
    info = answer("info", "--data", str(folder), "--thread", "really the difference")
    assert info["source"]["title"].startswith("Ask HN: Library vs. framework")
    r = run("review", str(folder), "--list", "--thread", "really the difference")
    assert r.exit_code == 0, r.stderr
