"""The command line's shared behaviour: info, validate, --version, --help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph import __version__
from conceptgraph.cli import cli


def run(*args: str, **kw):
    return CliRunner().invoke(cli, list(args), **kw)


def test_info_json_on_the_bundled_dataset() -> None:
    r = run("info", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["source"]["title"] == "The difference between cooperation and coordination"
    assert data["source"]["author"] == "Shawn Callahan"
    assert data["nodes"]["term"] >= 10 and data["nodes"]["contributor"] == 17
    assert data["edges"]["claim"] == data["edges"]["asserts"] > 90
    assert set(data) == {"source", "nodes", "edges"}


def test_info_table(mini: Path) -> None:
    r = run("info", "--data", str(mini))
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == "Mini — Ann"
    assert "contributor  3" in r.stdout and "claim           5" in r.stdout


def test_data_from_environment(mini: Path) -> None:
    r = run("info", "--json", env={"CONCEPTGRAPH_DATA": str(mini)})
    assert json.loads(r.stdout)["source"]["title"] == "Mini"


def test_a_dataset_given_where_a_query_takes_none_is_told_to_go_in_data(mini: Path) -> None:
    r = run("thread", str(mini))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == f"Error: Got unexpected extra argument ({mini}); to read {mini}, give --data {mini}"
    r = run("compare", "cooperation", "collaboration", "no-such-word")  # no such path: no advice about --data
    assert r.exit_code == 2 and "--data" not in r.stderr


def test_validate(mini: Path) -> None:
    r = run("validate", str(mini))
    assert r.exit_code == 0 and r.stdout == "valid: 2 terms, 3 attributes, 3 contributors, 0 messages; 13 edges\n"
    assert json.loads(run("validate", "--json", "--data", str(mini)).stdout)["valid"] is True
    one = mini.parent / "one.yaml"
    one.write_text(mini.read_text(encoding="utf-8").split("attributes:")[0].split("terms:")[0]
                   + "terms:\n  - {id: t, label: t}\n", encoding="utf-8")
    assert "valid: 1 term," in run("validate", str(one)).stdout  # not "1 terms"


def test_version() -> None:
    assert run("--version").stdout == f"conceptgraph, version {__version__}\n"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(name: str) -> None:
    r = run(name, "--help")
    assert r.exit_code == 0 and "Example:" in r.stdout and f"conceptgraph {name}" in r.stdout
    description = r.stdout.split("Example:")[0].splitlines()[1:]
    assert not [line for line in description if line.startswith("   ")]  # no docstring indent leaks through


@pytest.mark.parametrize(("command", "alias", "name"), [("import", "wordpress", "wxr"), ("import", "mail", "mbox"),
                                                         ("export", "gephi", "gexf")])
def test_the_format_table_names_the_other_names_format_takes(command: str, alias: str, name: str) -> None:
    """Every name --format takes is in the help: a trial's newcomer found "--format mail"
    worked though the help never said so."""
    row = next(line for line in run(command, "--help").stdout.splitlines() if line.strip().startswith(name + " "))
    assert re.search(rf"\(also: (?:[\w-]+, )*{alias}\b", row), row


@pytest.mark.parametrize("args", [["-q", "render", "-o", "page.html"], ["render", "-o", "page.html", "--quiet"],
                                  ["export", "--format", "gexf", "-o", "g.gexf", "-q"]])
def test_quiet_writes_say_nothing(tmp_path: Path, args: list[str]) -> None:
    r = run(*args)
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == ""
    assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0
    r = run(*[a for a in args if a not in ("-q", "--quiet")])
    assert r.stderr.startswith("wrote ")


def test_a_file_read_alone_that_names_what_a_file_beside_it_defines_says_to_give_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "people.yaml").write_text("contributors: [{id: ann, name: Ann, role: author, where: post}]\n",
                                        encoding="utf-8")
    (folder / "mine.yaml").write_text("terms: [{id: t}]\nattributes: [{id: x}]\n"
                                      "claims: [{term: t, attribute: x, by: ann, quote: q, where: post}]\n",
                                      encoding="utf-8")
    r = run("validate", str(folder / "mine.yaml"))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "unknown contributor 'ann' (read alone; to read it with the dataset files beside it, give the folder " \
           f"{folder})" in r.stderr
    (folder / "people.yaml").unlink()  # nothing beside it: no such hint
    assert "read alone" not in run("validate", str(folder / "mine.yaml")).stderr


@pytest.mark.parametrize("args, says", [
    (["render", "--depth", "2"], "--depth counts steps around --focus"),
    (["export", "graphml", "--depth", "3"], "--depth counts steps around --focus"),
    (["draft", "x.yaml", "--terms", "a,b", "--max-terms", "5"], "with --terms, the terms are those given"),
    (["import", "x.txt", "--max-terms", "5"], "give it with --draft"),
], ids=["render-depth", "export-depth", "draft-max-terms", "import-max-terms"])
def test_an_option_that_would_change_nothing_is_refused(tmp_path: Path, args: list[str], says: str) -> None:
    r = run(*args, "-o", str(tmp_path / "out"))
    assert r.exit_code == 2, r.output
    assert says in r.output and "Traceback" not in r.output
    assert not (tmp_path / "out").exists()


def test_an_option_left_at_its_default_is_not_refused(tmp_path: Path) -> None:
    assert run("render", "--depth", "2", "--focus", "cooperation", "-o", str(tmp_path / "a.html")).exit_code == 0
    assert run("render", "-o", str(tmp_path / "b.html")).exit_code == 0


def test_a_format_name_is_read_in_any_case_and_a_slip_gets_a_did_you_mean(tmp_path: Path) -> None:
    assert run("export", "GraphML", "-o", str(tmp_path / "g.graphml"), "-q").exit_code == 0
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8").startswith("<?xml")
    r = run("export", "grafml", "-o", str(tmp_path / "h.graphml"))
    assert r.exit_code == 2 and "(did you mean 'graphml'?)" in r.stderr and not (tmp_path / "h.graphml").exists()


def test_tables_and_answers_line_up_with_wide_characters() -> None:
    """A name with an emoji of several joined, or CJK, takes the columns a terminal gives
    it, so the columns after it line up."""
    from conceptgraph.output import table

    rows = [["Kai 🏳️‍🌈", 1], ["vibes 😅", 2], ["日本語", 3], ["Bo", 4], ["Zoë", 5]]
    # as a terminal draws them: the flag and 😅 take two columns, each of 日本語 two, ë one
    assert table(rows, ["name", "n"]).splitlines() == [
        "name      n", "--------  -", "Kai 🏳️‍🌈    1", "vibes 😅  2", "日本語    3", "Bo        4", "Zoë       5"]


def test_a_folder_that_holds_an_export_says_to_import_it(tmp_path: Path) -> None:
    """Given where a dataset is wanted, a Slack export, a channel of one or a folder of
    exports says what it holds and the command that imports it; a folder of pages
    conceptgraph rendered holds no export to name."""
    import shutil

    fix = Path(__file__).parent / "fixtures" / "discussions"
    slack = Path(shutil.copytree(fix / "slack", tmp_path / "slack"))
    r = run("review", str(slack), "--list")
    assert r.exit_code != 0 and r.stderr.strip().endswith(
        f"it is an export to import first (slack): conceptgraph import {slack} --draft"), r.stderr
    r = run("info", "--data", str(slack / "general"))
    assert f"it is a channel of the Slack export {slack}: import the export" in r.stderr, r.stderr
    # and given to import, a channel or one of its days says the same (a trial's "users.json: no such file")
    day = next((slack / "general").glob("*.json"))
    # (with another format given too: a day of Slack's is no Reddit file; trial 14)
    for given, fmt in ((slack / "general", "auto"), (slack / "general", "slack"), (day, "auto"), (day, "reddit")):
        r = run("import", str(given), "--format", fmt, "-o", str(tmp_path / "out"))
        assert r.exit_code == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert f"of the Slack export {slack}: give the export (conceptgraph import {slack} --thread general)" \
            in r.stderr, r.stderr
    # the export itself given a format of files: what it reads as (it had said only "is a folder")
    r = run("import", str(slack), "--format", "mbox", "-o", str(tmp_path / "out"))
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert f"{slack}: a folder, and --format mbox reads a file" in r.stderr and "give --format slack" in r.stderr
    calls = tmp_path / "calls"
    calls.mkdir()
    shutil.copy(fix / "meeting.vtt", calls / "meeting.vtt")
    assert run("render", "--data", str(fix / "meeting.vtt"), "-o", str(calls / "page.html"), "-q").exit_code == 0
    r = run("info", "--data", str(calls))
    assert "it holds meeting.vtt (vtt): give that file, to import" in r.stderr and "page.html" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_neighbours_is_the_neighbors_command_spelled_as_the_readme_writes_it() -> None:
    us, uk = run("neighbors", "cooperation", "--json"), run("neighbours", "cooperation", "--json")
    assert uk.exit_code == 0 and uk.stdout == us.stdout
    assert "neighbours" not in run("--help").stdout.split("Commands:")[1]


def test_a_mistyped_command_line_is_one_line_naming_the_help() -> None:
    """A wrong format, command or option, or a missing argument: one line on stderr that
    says what was wrong and where the help is, exit 2 (Click's usage text is left to -h)."""
    for args, words in ((["export", "graphmll"], "(did you mean 'graphml'?). (conceptgraph export -h for help)"),
                        (["neighbour", "cooperation"], "Did you mean 'neighbors'? (conceptgraph -h for help)"),
                        (["--bogus"], "No such option '--bogus'. (conceptgraph -h for help)"),
                        # the likeliest option, not every close one in the alphabet's order ("--draft")
                        (["import", "x.txt", "--fromat", "mbox"],
                         "No such option '--fromat'. Did you mean '--format'? (conceptgraph import -h for help)"),
                        (["who"], "Missing argument 'NAME'. (conceptgraph who -h for help)")):
        r = run(*args, prog_name="conceptgraph")
        assert r.exit_code == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("Error: "), r.stderr
        assert r.stderr.rstrip().endswith(words), r.stderr


def test_data_given_twice_is_refused_not_read_in_place_of_the_first() -> None:
    """Two communities' folders given to one command: the second had been read alone, silently."""
    r = CliRunner().invoke(cli, ["compare", "cooperation", "collaboration", "--data", "graph_data", "--data", "x"])
    assert r.exit_code == 2 and "--data given 2 times (graph_data, x): a command reads one dataset" in r.output
