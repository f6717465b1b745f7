"""Query commands through the real command line: tables, --json shapes, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def as_json(*args: str):
    r = run(*args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_neighbors_json_shape(mini: Path) -> None:
    rows = as_json("neighbors", "co-operate", "--data", str(mini))
    assert rows and {"id", "label", "kind", "relation", "distance"} <= set(rows[0])
    assert [r["id"] for r in rows] == ["collaboration", "passive", "together"]


def test_neighbors_table_and_filters(mini: Path) -> None:
    r = run("neighbors", "bart", "--depth", "2", "--kind", "term", "--data", str(mini))
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0].split() == ["dist", "kind", "neighbour", "relation", "dir", "via"]
    assert [line.split()[2] for line in r.stdout.splitlines()[2:]] == ["collaboration", "cooperation"]
    # the node each was reached from, by its label (its id is in --json's "via")
    assert all(line.endswith("  may be passive") for line in r.stdout.splitlines()[2:])


def test_compare_json_shape_on_the_bundled_dataset() -> None:
    r = as_json("compare", "cooperation", "collaboration")
    assert {"only_a", "only_b", "shared", "contrasts", "relations"} <= set(r)
    for key in ("only_a", "only_b", "shared", "contrasts"):
        assert all(isinstance(i["supporters"], list) and "attribute" in i for i in r[key])
    assert any(c["attribute"] == "passive" and c["supporters"] == ["Bart Stewart"] for c in r["contrasts"])


def test_compare_reads_like_an_answer() -> None:
    r = run("compare", "cooperation", "collaboration", "--quotes")
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith("cooperation vs collaboration\n")
    for heading in ("How they relate", "Distinctions drawn", "Said only of cooperation", "Said of both", "Spoke of both"):
        assert heading in out
    line = next(x for x in out.splitlines() if x.strip().startswith("may be passive"))
    assert "always active" in line and "Bart Stewart" in line
    assert "“Cooperation may be passive, but collaboration is always active.” (Bart Stewart, comment 10)" in out


def test_why_and_path_say_what_a_stance_is_about_as_who_does() -> None:
    """A stance that names no point is about everything its target said: every answer
    says so, not only `who` and `consensus`."""
    said = "about everything Mary Alice Arthur said"
    assert said in run("why", "jack hooper", "Mary Alice Arthur").stdout
    assert said in run("path", "jack hooper", "Mary Alice Arthur").stdout
    assert said in run("who", "jack hooper").stdout


def test_why_and_path_say_a_context_link_is_no_ones_claim(tmp_path: Path) -> None:
    """"X is named with Y" and "Ann mentions X" are what the text does, not what anyone
    stated: kept under --curated with the terms they came with, and marked so (a newcomer
    read "weather is named with climate (Bo, comment 1)" as Bo's relation)."""
    raw = tmp_path / "chat.txt"
    raw.write_text("Ann: Is weather the same as climate?\nBo: Weather is local. I check weather and climate daily.\n",
                   encoding="utf-8")
    assert run("draft", str(raw), "-o", str(tmp_path / "d"), "-q").exit_code == 0
    assert run("review", str(tmp_path / "d"), "--accept-above", "0").exit_code == 0
    for args in (("why", "weather", "climate"), ("path", "weather", "climate"), ("why", "Bo", "weather")):
        out = run(*args, "--data", str(tmp_path / "d"), "--curated").stdout
        named = [line for line in out.splitlines() if " is named with " in line or " mentions " in line]
        assert named and all(line.endswith("[context: named in one sentence, no one's claim]")
                             or line.endswith("[context: named, no claim]") for line in named), out


def test_why_who_path_contributors(mini: Path) -> None:
    d = ["--data", str(mini)]
    assert as_json("why", "cy", "bart", *d)[0]["kind"] == "agrees_with"
    assert as_json("who", "Cy", *d)["agrees_with"][0]["name"] == "Bart"
    rows = as_json("contributors", *d)
    assert [(r["id"], r["name"], r["role"]) for r in rows] == [("bart", "Bart", "commenter"), ("ann", "Ann", "author"),
                                                               ("cy", "Cy", "commenter")]
    p = as_json("path", "ann", "active", *d)
    assert [n["id"] for n in p["nodes"]] == ["ann", "together", "collaboration", "active"]
    text = run("path", "ann", "active", *d).stdout
    assert text.splitlines()[0] == (
        "Ann (contributor) → working together (attribute) → collaboration (term) → always active (attribute)")


def test_terms_lists_every_term_with_its_names_and_numbers(mini: Path) -> None:
    """A researcher's first question of a draft, "which terms did it find?": each term
    with its other names, its claims (asserted or denied), how many people made them and
    its relations to other terms; a drafted one says so, with its confidence."""
    d = ["--data", str(mini)]
    rows = as_json("terms", *d)
    assert [(r["id"], r["aliases"], r["claims"], r["people"], r["relations"]) for r in rows] == [
        ("cooperation", ["cooperate", "co-operation"], 2, 2, 1), ("collaboration", ["collaborate"], 3, 2, 1)]
    assert "status" not in rows[0]
    shown = run("terms", *d).stdout.splitlines()
    assert shown[0].split() == ["term", "other", "names", "claims", "people", "relations", "status", "id"]
    assert shown[2].split()[:6] == ["cooperation", "cooperate,", "co-operation", "2", "2", "1"]
    drafted = mini.with_name("drafted.yaml")
    drafted.write_text(mini.read_text(encoding="utf-8").replace(
        "{id: collaboration, label: collaboration, aliases: [collaborate]}",
        "{id: collaboration, label: collaboration, aliases: [collaborate], status: draft, confidence: 0.66}"),
        encoding="utf-8")
    assert as_json("terms", "--data", str(drafted))[1]["confidence"] == 0.66
    assert "draft 0.66" in run("terms", "--data", str(drafted)).stdout
    assert [r["id"] for r in as_json("terms", "--data", str(drafted), "--curated")] == ["cooperation"]


def test_consensus_rank_clusters_search(mini: Path) -> None:
    d = ["--data", str(mini)]
    assert {"agreed", "disputed", "agreements"} == set(as_json("consensus", *d))
    assert as_json("consensus", "collaboration", *d)["agreed"][0]["term"] == "collaboration"
    assert [r["id"] for r in as_json("rank", "--limit", "1", *d)] == ["passive"]
    assert sum(c["size"] for c in as_json("clusters", *d)) == 8
    assert as_json("search", "CO-OPERATE", *d)[0]["id"] == "cooperation"
    top = as_json("rank", "--limit", "1", *d)[0]
    assert f"1  {int(top['score'])}  " in run("rank", "--limit", "1", *d).stdout  # a count, not 3.0
    assert isinstance(top["score"], int)  # in JSON too
    assert len(as_json("rank", "--limit", "0", *d)) == 8 > len(as_json("rank", "--limit", "7", *d))  # 0: all, as in consensus
    shares = [r["score"] for r in as_json("rank", "--by", "betweenness", *d)]
    shown = run("rank", "--by", "betweenness", *d).stdout
    assert f"  {shares[0]:.3f}  " in shown and shares[0] != round(shares[0], 3)
    # every share to three places, a share of nothing too: "0.000", not "0.0" above "0"
    assert {len(line.split()[1]) for line in shown.split("\n")[2:] if line} == {5}, shown
    for cmd in (["consensus"], ["rank", "--by", "betweenness"], ["clusters"], ["search", "coop"], ["contributors"]):
        r = run(*cmd, *d)
        assert r.exit_code == 0 and r.stdout.strip(), cmd


def test_consensus_lists_as_many_points_as_asked_and_says_how_many_more() -> None:
    every = as_json("consensus", "--limit", "0")
    assert "more" not in every and len(every["agreed"]) > 25
    first = as_json("consensus", "--limit", "3")
    assert first["agreed"] == every["agreed"][:3] and first["more"] == len(every["agreed"]) - 3
    assert as_json("consensus")["agreed"] == every["agreed"][:25]
    lines = run("consensus", "--limit", "3").stdout.splitlines()
    assert f"... and {first['more']} more (--limit 0 for all)" in lines
    assert not any(" more (" in x for x in run("consensus", "--limit", "0").stdout.splitlines())


def test_consensus_of_a_graph_with_no_claims_says_none_in_every_section(write) -> None:
    r = run("consensus", "--data", str(write("terms: [{id: t}]\n")))
    assert r.exit_code == 0 and r.stdout.split("\n\n")[0] == "Most supported (distinct contributors)\n  (none)", r.stdout
    assert r.stdout.count("(none)") == 3


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["neighbors", "colaboration"], 3, "Error: no node named 'colaboration' (did you mean 'collaboration'"),
        # a slip in a first or last name is suggested; a name merely sharing letters ("Xavier", Carver) is not
        (["who", "Shwan"], 3, "Error: no contributor node named 'Shwan' (did you mean 'Shawn Callahan'?)"),
        (["who", "Xavier"], 3, "Error: no contributor node named 'Xavier'; try `conceptgraph search`"),
        (["compare", "cooperation", "nothing-like-it"], 3, "Error: no node named 'nothing-like-it'"),
        # the whole line: no "give --data for yours" when the name is found, of another kind
        (["compare", "cooperation", "todd"], 3, "Error: 'todd' is a contributor; compare needs a term\n"),
        (["who", "cooperation"], 3, "Error: 'cooperation' is a term; who needs a contributor\n"),
        (["why", "ken", "jack hooper"], 5,
         "Error: nothing links 'ken' and 'jack hooper' directly; try `conceptgraph path ken 'jack hooper'`"),
        (["search", "zzzz"], 5, "Error: nothing matches 'zzzz'"),
        (["neighbors", "cooperation", "--relation", "nope"], 2, "Error: unknown relation 'nope'; this graph has: claim"),
        (["neighbors", "cooperation", "--relation", "opposes"], 5, "Error: no neighbours of 'cooperation' match"),
        # people are two steps from a term: the answer says so
        (["neighbors", "cooperation", "--kind", "contributor"], 5,
         "Error: no contributor within 1 step of 'cooperation' (the nearest is 2 steps away: --depth 2)"),
        (["neighbors", "cooperation", "--depth", "0"], 2, "Invalid value for '--depth'"),
        (["rank", "--by", "pagerank"], 2, "Invalid value for '--by'"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(args: list[str], code: int, message: str) -> None:
    r = run(*args)
    assert r.exit_code == code
    assert r.stdout == ""
    assert message in r.stderr and "Traceback" not in r.stderr
    if code != 2:
        assert r.stderr.count("\n") == 1


def test_a_term_asked_of_an_import_not_yet_drafted_says_to_draft(tmp_path) -> None:
    from conftest import ROOT

    r = run("compare", "guild", "community", "--data", str(ROOT / "tests" / "fixtures" / "discussions" / "telegram.json"))
    assert r.exit_code == 3
    assert r.stderr == ("Error: no node named 'guild'; the data has no terms yet: draft them with "
                        "`conceptgraph draft DATA` (it reads English; `--terms A,B` names them)\n")


def test_ambiguous_name_exit_code(write) -> None:
    path = write("terms: [{id: a, label: same}, {id: b, label: same}]")
    r = run("neighbors", "same", "--data", str(path))
    assert r.exit_code == 4 and r.stderr == "Error: 'same' names several nodes: 'same' (term a), 'same' (term b); give an id\n"


def test_no_path_exit_code(write) -> None:
    r = run("path", "a", "b", "--data", str(write("terms: [{id: a}, {id: b}]")))
    assert r.exit_code == 5 and r.stderr == "Error: no path joins 'a' and 'b'\n"


def test_terminal_control_characters_in_data_are_shown_escaped(write) -> None:
    path = write('terms: [{id: a, label: "evil\\e[31mred"}]')
    r = run("search", "evil", "--data", str(path))
    assert "\x1b" not in r.stdout and "\\x1b[31mred" in r.stdout


def test_a_line_break_in_a_label_or_name_does_not_break_the_line(write) -> None:
    path = write("terms: [{id: a, label: \"two\\nlines\"}, {id: b}]\nattributes: [{id: x, label: \"un\\nbroken\"}]\n"
                 "contributors: [{id: p, name: \"Ann\\nLee\", role: commenter, where: c1}]\n"
                 "claims: [{term: a, attribute: x, by: p, quote: q, where: c1}]\n")
    for args in (["who", "p"], ["compare", "a", "b"], ["neighbors", "a"], ["consensus"]):
        r = run(*args, "--data", str(path))
        assert r.exit_code == 0, (args, r.output)
        lines = r.stdout.splitlines()
        assert not any(x.strip() in ("lines", "broken", "Lee") for x in lines), (args, r.stdout)
        assert "two lines" in r.stdout or "un broken" in r.stdout or "Ann Lee" in r.stdout, (args, r.stdout)
    assert "\n" in json.loads(run("who", "p", "--json", "--data", str(path)).stdout)["contributor"]["name"]


@pytest.mark.parametrize("text", ["", " - "])
def test_searching_for_nothing_is_a_usage_error(text: str) -> None:
    r = run("search", text)
    assert r.exit_code == 2 and "give a word or name to search for" in r.stderr


def test_words_people_said_are_found_in_the_messages_and_search_points_there() -> None:
    r = run("thread", "--text", "VENN  diagram", "--json")
    assert r.exit_code == 0, r.stderr
    (msg,) = json.loads(r.stdout)["messages"]
    assert msg["where"] == "comment 1" and [msg["text"][a:b] for a, b in msg["mentions"]] == ["Venn diagram"]
    assert "a ⟦Venn⟧ diagram" in run("thread", "--text", "venn").stdout
    # with --mentions, a message that says both; each place marked once
    both = json.loads(run("thread", "--text", "cooperation", "--mentions", "collaboration", "--json").stdout)
    alone = json.loads(run("thread", "--mentions", "collaboration", "--json").stdout)
    assert 0 < len(both["messages"]) < len(alone["messages"])
    for m in both["messages"]:
        assert all(a[1] < b[0] for a, b in zip(m["mentions"], m["mentions"][1:]))
    r = run("thread", "--text", "no one said this")
    assert r.exit_code == 5 and "no message matches" in r.stderr
    r = run("search", "Venn")  # no name has it: the messages that say it are pointed to
    assert r.exit_code == 5
    assert r.stderr == "Error: nothing matches 'Venn' among the graph's names; 1 message says it: " \
        "conceptgraph thread --text Venn\n"
    assert run("search", "zzzq").stderr == "Error: nothing matches 'zzzq'\n"


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"conceptgraph {name}" not in readme]
    assert missing == []


def test_control_characters_in_quotes_are_escaped_in_every_text_output(write) -> None:
    path = write(
        "terms: [{id: a}, {id: b}]\ncontributors: [{id: p, name: P, role: commenter, where: c1}]\n"
        'relations: [{kind: contrasts_with, source: a, target: b, by: p, quote: "evil\\e[2Jwipe"}]\n'
    )
    for args in (["why", "a", "b"], ["path", "a", "b"], ["compare", "a", "b"], ["who", "p"]):
        r = run(*args, "--data", str(path))
        assert r.exit_code == 0 and "\x1b" not in r.stdout and "\\x1b[2Jwipe" in r.stdout, args


def test_a_quote_over_wrapped_lines_reads_as_one_line(tmp_path: Path) -> None:
    """A mail's quote runs over its wrapped lines: the terminal shows spaces, not "\\n"."""
    data = tmp_path / "d.yaml"
    data.write_text(
        "contributors:\n- {id: ann, name: Ann, role: author}\n"
        "messages:\n- {id: m1, by: ann, where: message 1, text: \"A sonnet has\\nfourteen lines.\"}\n"
        "terms:\n- {id: sonnet}\nattributes:\n- {id: fourteen-lines}\n"
        "claims:\n- {term: sonnet, attribute: fourteen-lines, by: ann, quote: \"A sonnet has\\nfourteen lines.\","
        " where: message 1, message: m1}\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["why", "sonnet", "fourteen-lines", "--data", str(data)])
    assert r.exit_code == 0, r.output
    assert "“A sonnet has fourteen lines.”" in r.stdout and "\\n" not in r.stdout


def test_a_name_not_found_in_the_bundled_discussion_says_that_is_what_was_read(mini: Path) -> None:
    r = run("compare", "bug", "defect")
    assert r.exit_code == 3 and "(in the bundled discussion: give --data for yours)" in r.stderr, r.stderr
    # a name that only runs together like one of the bundled discussion's ("weather", "for-each-other")
    # is suggested nothing, and so hears what was read
    r = run("compare", "weather", "climate")
    assert r.exit_code == 3 and "did you mean" not in r.stderr and "give --data for yours" in r.stderr, r.stderr
    r = run("compare", "cooperaton", "collaboration")  # a slip still is suggested its word
    assert r.exit_code == 3 and "(did you mean 'cooperation'?)" in r.stderr, r.stderr
    r = run("compare", "fact", "opinion")  # suggested a likeness ('always active'), yet told what was read
    assert r.exit_code == 3 and r.stderr.endswith("(in the bundled discussion: give --data for yours)\n"), r.stderr
    r = run("neighbors", "zzzz", "--data", str(mini))
    assert r.exit_code == 3 and "bundled" not in r.stderr, r.stderr



def test_a_term_asked_of_a_discussion_not_yet_drafted_says_so_before_any_person_like_it(tmp_path: Path) -> None:
    """"no node named 'consensus' (did you mean 'consent_curious'?)" had pointed at a
    person; that the data has no terms yet comes first."""
    export = tmp_path / "thread.txt"
    export.write_text("consent_curious: Is consensus unanimity?\nBo: Consent is no objection.\n", encoding="utf-8")
    r = run("compare", "consensus", "consent", "--data", str(export))
    assert r.exit_code == 3, r.output
    assert r.stderr == ("Error: no node named 'consensus'; the data has no terms yet: draft them with `conceptgraph "
                        "draft DATA` (it reads English; `--terms A,B` names them); or did you mean "
                        "'consent_curious'?\n")


def test_why_between_two_terms_says_where_their_distinctions_are() -> None:
    """`why A B` lists what links two terms directly; the distinctions drawn between
    their attributes link them through those, and `compare` lists them: a note says how
    many, and the command (a trial's `why` answered a co-occurrence alone, where two
    people had drawn distinctions). Not in --json, and not between a person and a term."""
    r = run("why", "cooperation", "collaboration")
    assert r.exit_code == 0
    assert "note: 21 distinctions are drawn between their attributes: conceptgraph compare cooperation collaboration" \
        in r.stderr
    assert "note:" not in run("why", "cooperation", "collaboration", "--json").stderr
    assert "note:" not in run("why", "todd", "cooperation").stderr
