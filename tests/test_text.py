"""The text a person reads says what the JSON says: the curator's inferences marked, who
said which side, what a stance is about, every quote asked for, claims in readable
words, names found as people say them, and lines that fit the terminal."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph.cli import cli
from conceptgraph.errors import printable
from conceptgraph.kinds import claim_text
from conceptgraph.output import table

MARK = "the curator's inference"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def both(*args: str) -> tuple[list[str], object]:
    """The text lines and the JSON answer of one command."""
    text = run(*args)
    assert text.exit_code == 0, text.output
    data = run(*args, "--json")
    return text.stdout.splitlines(), json.loads(data.stdout)


def line_with(lines: list[str], *parts: str) -> str:
    """The one line that holds every part."""
    found = [line for line in lines if all(p in line for p in parts)]
    assert len(found) == 1, (parts, found)
    return found[0]


def lines_after(lines: list[str], head: str) -> list[str]:
    """The lines of one section: from its heading to the next blank line."""
    start = lines.index(head) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def walk(value: object):
    """Every JSON object inside ``value``."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


# --- the curator's inferences, wherever the JSON has them -------------------------------------


def _inferred_objects(data: object) -> int:
    return sum(1 for o in walk(data) if o.get("inferred") is True or o.get("inferred_by")
               or o.get("inferred_by_a") or o.get("inferred_by_b") or o.get("opposite_inferred_by"))


@pytest.mark.parametrize("quotes", [[], ["--quotes"]])
def test_compare_marks_every_inference_the_json_has(quotes: list[str]) -> None:
    lines, r = both("compare", "cooperation", "collaboration", *quotes)
    assert _inferred_objects(r) >= 8  # the bundled data has readings on every side
    for e in r["relations"]:
        if e.get("inferred"):
            assert MARK in line_with(lines, f"  {e['text']} ({e['speaker']}")
    for c in r["contrasts"]:
        left, right = (("not: " if c.get("denied") == side else "") + label
                       for side, label in (("a", c["label"]), ("b", c["opposite_label"])))
        line = line_with(lines, f"  {left} ", f"/  {right} ")
        assert (MARK in line) == bool(c.get("inferred") or c.get("inferred_by_a") or c.get("inferred_by_b")), line
        if c.get("inferred"):
            assert "the pairing" in line
        for name in c.get("inferred_by_b", []):
            assert f"{name} of {r['b']['label']}" in line
    for key, section in (("only_a", "Said only of cooperation"), ("only_b", "Said only of collaboration")):
        part = [x for x in lines if x.startswith("  ") and not x.startswith("      ")]
        for i in r[key]:
            rows = [x for x in part if x.startswith(f"  {i['label']} ")]
            if rows and i.get("inferred_by"):
                assert all(MARK in x for x in rows), (section, rows)
    emergent = line_with(lines, "  emergent ")
    assert emergent.endswith(f"Victoria Ward  [{MARK}]")
    tech = line_with(lines, "  uses technology ")
    assert f"[{MARK}: Matt Moore of cooperation]" in tech
    if quotes:  # each quote the JSON marks is marked where it is printed
        for item in walk(r):
            for q in item.get("quotes", []) if isinstance(item.get("quotes"), list) else []:
                printed = [x for x in lines if x.strip().startswith(f"“{q['quote']}” ({q['speaker']}")]
                assert printed and all((MARK in x) == bool(q.get("inferred")) for x in printed), q


def test_who_marks_inferred_claims_relations_and_stances() -> None:
    for person in ("Matt Moore", "Victoria Ward", "Dave Snowden", "Luke Naismith", "Jim Benson"):
        lines, r = both("who", person)
        for c in r["claims"]:
            assert (MARK in line_with(lines, f"  {c['text']}")) == bool(c.get("inferred")), c
        for e in r["stated"]:
            assert (MARK in line_with(lines, f"  {e['text']}")) == bool(e.get("inferred")), e
        for key in ("agrees_with", "disputes", "agreed_by", "disputed_by"):
            for s in r[key]:
                assert (MARK in line_with(lines, f"  {s['name']} about")) == bool(s.get("inferred")), s
    lines, r = both("who", "Dave Snowden")
    assert any(s.get("inferred") for s in r["disputes"])


@pytest.mark.parametrize("quotes", [[], ["--quotes"]])
def test_consensus_marks_every_inference_the_json_has(quotes: list[str]) -> None:
    lines, r = both("consensus", *quotes)
    shown = r["agreed"][:25]
    marked = 0
    rows = [x for x in lines if not x.startswith("      “")]
    for i in shown:
        row = line_with(rows, i["term_label"], f" {i['label']} ", i["supporters"][0])
        assert (MARK in row) == bool(i.get("inferred_by")), row
        marked += bool(i.get("inferred_by"))
    assert marked >= 1  # "wilful and focused", endorsed by comment 2, is the curator's reading
    for d in r["disputed"]:
        if d["type"] == "contributors":
            assert (MARK in line_with(lines, f"  {d['from']} disputes {d['to']}")) == bool(d.get("inferred"))
    assert any(d.get("inferred") for d in r["disputed"])  # Dave Snowden's, on an ambiguous sentence


def test_thread_marks_every_inferred_claim() -> None:
    lines, r = both("thread")
    claims = [c for m in r["messages"] for c in m["claims"]]
    assert sum(1 for c in claims if c.get("inferred")) >= 8
    for c in claims:
        line = line_with(lines, f"  • {c['text']}", f"[{c['span'][0]}-{c['span'][1]}]")
        assert (MARK in line) == bool(c.get("inferred")), line


def test_neighbors_and_why_mark_inferences(tmp_path: Path) -> None:
    lines, rows = both("neighbors", "Matt Moore")
    for row in rows:
        assert (MARK in line_with(lines, f" {row['label']} ")) == bool(row.get("inferred")), row
    lines, edges = both("why", "collaboration", "cooperation")
    assert [MARK in x for x in lines if not x.startswith("    ")] == [bool(e.get("inferred")) for e in edges]


def test_only_some_supporters_read_is_said_by_name(write) -> None:
    path = write("""\
terms: [{id: a}, {id: b}]
attributes: [{id: x}]
contributors:
  - {id: p, name: Pat, role: commenter, where: comment 1}
  - {id: q, name: Quin, role: commenter, where: comment 2}
claims:
  - {term: a, attribute: x, by: p, quote: one}
  - {term: a, attribute: x, by: q, quote: two, inferred: true}
""")
    lines, r = both("consensus", "--data", str(path))
    assert r["agreed"][0]["inferred_by"] == ["Quin"]
    assert f"[{MARK}: Quin]" in line_with(lines, "Pat, Quin")


# --- who said which side, of both, and what a stance is about --------------------------------


def test_a_distinction_names_who_said_each_side() -> None:
    lines, r = both("compare", "cooperation", "collaboration")
    pair = {(c["attribute"], c["opposite"]): c for c in r["contrasts"]}
    needs = pair[("serves-each-partys-needs", "creates-something-together")]
    assert (needs["supporters_a"], needs["supporters_b"]) == (["Mary Alice Arthur"], ["Mary Alice Arthur", "Patti Anklam"])
    assert line_with(lines, "  serves each party's needs ").endswith("Mary Alice Arthur / Mary Alice Arthur, Patti Anklam")
    assert re.search(r"/  always active +Bart Stewart$", line_with(lines, "  may be passive "))


def test_of_both_only_what_one_speaker_says_of_both() -> None:
    lines, r = both("compare", "cooperation", "collaboration")
    shared = {i["attribute"]: i for i in r["shared"]}
    assert shared["uses-technology"]["supporters_both"] == []
    assert shared["greater-than-parts"]["supporters_both"] == ["Rob Carver"]
    one = lines_after(lines, "Said of both by one speaker")
    assert any("Rob Carver" in x for x in one) and not any("uses technology" in x for x in one)
    apart = lines_after(lines, "Said of cooperation by some and of collaboration by others")
    assert line_with(apart, "uses technology").count("of cooperation: Matt Moore; of collaboration: Luke Naismith") == 1


def test_what_a_stance_concerns_is_in_the_text() -> None:
    lines, r = both("consensus")
    matt = [d for d in r["disputed"] if d.get("from") == "Matt Moore"][0]
    assert matt["concerns_labels"] == ["technologies of cooperation: never heard of"]
    assert line_with(lines, "  Matt Moore disputes Luke Naismith").endswith(
        "about “technologies of cooperation: never heard of”")
    assert line_with(lines, "  Bart Stewart agrees with Jim Benson").endswith(
        "about “cheaper ($125 an hour)”, “costlier ($350 an hour)”")  # it names attributes, not claims
    assert line_with(lines, "  jack hooper agrees with Mary Alice Arthur").endswith(
        "about everything Mary Alice Arthur said")
    lines, _ = both("who", "Luke")
    assert line_with(lines, "  Matt Moore about").endswith("“technologies of cooperation: never heard of”")


# --- --quotes -------------------------------------------------------------------------------------


def test_consensus_quotes_prints_every_quote_of_the_lines_it_shows() -> None:
    plain = run("consensus").stdout
    lines, r = both("consensus", "--quotes")
    assert "\n".join(lines) + "\n" != plain
    text = "\n".join(lines)
    for item in r["agreed"][:25]:
        for q in item["quotes"]:
            assert f"“{q['quote']}” ({q['speaker']}, {q['where']})" in text


def test_compare_quotes_prints_each_quote_once_under_its_line() -> None:
    lines, _ = both("compare", "cooperation", "collaboration", "--quotes")
    block: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("      “"):
            block.append(line)
            continue
        assert len(block) == len(set(block)), block
        block = []
    bart = lines.index(line_with(lines, "  may be passive "))
    assert lines[bart + 1].count("Cooperation may be passive, but collaboration is always active.") == 1
    assert not lines[bart + 2].startswith("      “")


# --- claims in readable words -------------------------------------------------------------------


def test_claims_read_as_their_labels_are_written() -> None:
    assert claim_text("cooperation", "may be passive") == "cooperation: may be passive"
    assert claim_text("collaboration", "may be passive", negated=True) == "collaboration: may not be passive"
    assert claim_text("conflict", "not wired so well", negated=True) == "conflict: denied “not wired so well”"
    # a label that opens with a verb said of one thing is denied with "does not", not "not needs"
    assert claim_text("incident", "needs a customer", negated=True) == "incident: does not need a customer"
    assert claim_text("bug", "has a cause", negated=True) == "bug: does not have a cause"
    assert claim_text("team", "needs of the team", negated=True) == "team: not needs of the team"  # a plural noun
    assert claim_text("bug", "clock watching", negated=True) == "bug: not clock watching"
    for label, reads in (("has been tried", "has not been tried"), ("has not worked", "denied “has not worked”"),
                         ("does not scale", "denied “does not scale”"), ("does scale", "does not scale"),
                         ("needs no introduction", "denied “needs no introduction”"),
                         ("stakes are high", "not stakes are high"), ("teams work", "not teams work"),
                         ("relies on trust", "does not rely on trust"),
                         # a verb the list lacks, as the dictionary knows it
                         ("removes anything", "does not remove anything"), ("hides posts", "does not hide posts")):
        assert claim_text("x", label, negated=True) == f"x: {reads}", label
    for args in (["who", "Bart Stewart"], ["why", "cooperation", "passive"], ["thread", "--by", "Bart"],
                 ["compare", "cooperation", "collaboration"]):
        out = run(*args).stdout
        assert not re.search(r"\b(has|lacks|asserts) (may|always|can|a|an|the)\b", out), args
    assert "  cooperation: may be passive" in run("who", "Bart Stewart").stdout
    # a denial reads as said: never as if it asserted what it denies
    assert "  cooperation: not clock watching — said by ken" in run("compare", "cooperation", "collaboration").stdout
    assert run("why", "bart", "cooperation").stdout.startswith("cooperation: may be passive (Bart Stewart, comment 10)")


# --- names as people say them -----------------------------------------------------------------------


@pytest.mark.parametrize("name, person", [("Jim", "Jim Benson"), ("jim", "Jim Benson"), ("Benson", "Jim Benson"),
                                          ("JB", "Jim Benson"), ("MAA", "Mary Alice Arthur"), ("Moore", "Matt Moore"),
                                          ("ken", "ken"), ("MT", "MT")])
def test_who_finds_a_person_by_a_unique_first_name_last_name_or_initials(name: str, person: str) -> None:
    r = run("who", name, "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["contributor"]["name"] == person


def test_a_shared_first_name_lists_the_people_and_did_you_mean_shows_names() -> None:
    r = run("who", "Dave")
    assert r.exit_code == 4
    assert "'Dave Snowden' (contributor dave-snowden), 'Dave Pollard' (contributor dave-pollard)" in r.stderr
    r = run("who", "Jimm")
    assert r.exit_code == 3 and r.stderr == "Error: no contributor node named 'Jimm' (did you mean 'Jim Benson'?) " \
        "(in the bundled discussion: give --data for yours)\n"
    r = run("why", "Bensen", "cooperation")
    assert r.exit_code == 3 and "(did you mean 'Jim Benson'?)" in r.stderr


# --- invisible characters ----------------------------------------------------------------------------


def test_spaces_of_any_width_print_as_spaces_and_controls_stay_escaped(write) -> None:
    assert printable("1\xa0000\u2009km\u202fx\u3000y") == "1 000 km x y"
    assert printable("a\u202eb\x1b[31mc\u2028d\u200fe") == "a\\u202eb\\x1b[31mc\\u2028d\\u200fe"
    assert printable("👩\u200d💻 soft\xadhyphen") == "👩\u200d💻 soft\xadhyphen"  # joiners are not controls
    path = write("terms: [{id: t, label: \"net\\xa0work\"}]\nattributes: [{id: x, label: \"a\\u202eb\"}]\n"
                 "contributors: [{id: p, name: \"Ann\\xa0Lee\", role: author, where: post}]\n"
                 "claims: [{term: t, attribute: x, by: p, quote: \"q\\u2009r\"}]\n")
    out = run("who", "Ann Lee", "--data", str(path)).stdout
    assert "Ann Lee (author, post)" in out and "net work: a\\u202eb" in out and "“q r”" in out
    assert "\\xa0" not in out


# --- tables fit the terminal -------------------------------------------------------------------------


def test_the_contributors_table_fits_the_terminal_width(write) -> None:
    places = ", ".join(f"comment {i}" for i in range(1, 40))
    path = write("contributors:\n  - {id: ann, name: Ann Long-Name, role: commenter, where: [" + places + "]}\n"
                 "  - {id: bo, name: Bo, role: author, where: post}\n")
    wide = run("contributors", "--data", str(path)).stdout  # not a terminal, no $COLUMNS: whole lines
    assert any(len(x) > 200 for x in wide.splitlines())
    for columns in (72, 100):
        out = run("contributors", "--data", str(path), env={"COLUMNS": str(columns)}).stdout
        assert max(len(x) for x in out.splitlines()) <= columns, out
        assert re.sub(r"\s+", " ", out).count("comment 39") == 1  # wrapped between words, nothing cut
    narrow = run("contributors", "--data", str(path), env={"COLUMNS": "56"}).stdout
    assert max(len(x) for x in narrow.splitlines()) <= 56  # words broken only when nothing else fits
    bundled = run("contributors", env={"COLUMNS": "72"}).stdout.splitlines()
    assert max(map(len, bundled)) <= 72
    assert bundled[0].split() == ["name", "role", "where", "messages", "claims", "relations", "id"]


@pytest.mark.parametrize("command", [["compare", "cooperation", "collaboration"], ["consensus"], ["who", "jim"]])
def test_every_answer_fits_the_width_words_whole(command: list[str]) -> None:
    wide = run(*command).stdout
    out = run(*command, env={"COLUMNS": "80"}).stdout
    assert max(map(len, out.splitlines())) <= 80 < max(map(len, wide.splitlines()))
    if command[0] != "consensus":  # (a table's words move between its rows)
        assert out.split() == wide.split()  # the same words, in the same order: only the lines are broken
    else:  # a long header wraps before a cell's word is broken ("collaboratio" / "n")
        words = set(wide.split())
        assert {w for w in out.split() if w not in words and w.strip("-")} == set()


@pytest.mark.skipif(not shutil.which("script"), reason="needs util-linux's script to run under a terminal")
def test_a_real_terminal_gives_its_width_through_the_guarded_output() -> None:
    """The entry point checks every write to stdout; a terminal stays a terminal."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    cmd = f"stty cols 70; {shlex.quote(sys.executable)} -m conceptgraph compare cooperation collaboration"
    got = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, text=True, env=env, timeout=60)
    lines = got.stdout.replace("\r", "").splitlines()
    assert got.returncode == 0 and len(lines) > 20 and max(map(len, lines)) <= 70, got.stdout[-500:]


def test_a_table_wraps_its_widest_column_first() -> None:
    text = table([["x" * 30, "a b c d e f g h i j k l"]], ["one", "two"], width=30)
    assert max(len(x) for x in text.splitlines()) <= 30
    assert "".join(x.split()[0] for x in text.splitlines()[2:] if x.startswith("x")) == "x" * 30


def test_clusters_say_which_kind_a_shared_label_is() -> None:
    """"idea" the term and "idea" the attribute, in two clusters: each says which it is."""
    from conceptgraph.output import clusters_text

    rows = [{"cluster": 1, "size": 2, "terms": ["idea"], "members": [
                {"id": "idea", "label": "idea", "kind": "term"}, {"id": "bo", "label": "Bo", "kind": "contributor"}]},
            {"cluster": 2, "size": 1, "terms": [], "members": [{"id": "idea-2", "label": "idea", "kind": "attribute"}]}]
    text = clusters_text(rows)
    assert "idea (term), Bo" in text and "   idea (attribute)" in text and "Bo (" not in text


def test_a_list_item_wrapped_as_mail_wraps_it_goes_on_under_its_indent() -> None:
    """A list item ends with its line, unless the lines under it go on indented, as mail
    wraps it (a trial's summary lost "not necessarily senior" to the line break)."""
    from conceptgraph.draft.text import sentences

    text = ("Summary:\n- sponsor: someone who uses their reputation to create opportunities for\n"
            "  you; not necessarily senior.\n- coach: one who asks\n  questions.\n- mentor: long-term.\nThanks.")
    assert [t for _, _, t in sentences(text)] == [
        "Summary:", "- sponsor: someone who uses their reputation to create opportunities for\n  you; not necessarily senior.",
        "- coach: one who asks\n  questions.", "- mentor: long-term.", "Thanks."]
    assert [t for _, _, t in sentences("- one\n- two\nplain line after")] == ["- one", "- two", "plain line after"]
    assert [t for _, _, t in sentences("- one\n  - two")] == ["- one", "- two"]  # an item under it is its own
