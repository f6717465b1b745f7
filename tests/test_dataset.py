"""Reading datasets: the model they give, and a file:line error for every kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph import DatasetError, load_dataset, parse_dataset
from conceptgraph.cli import cli
from conceptgraph.errors import ConceptGraphWarning

from conftest import MINI


def test_loads_every_section(mini: Path) -> None:
    ds = load_dataset(mini)
    assert ds.source.title == "Mini"
    assert [t.id for t in ds.terms] == ["cooperation", "collaboration"]
    assert ds.terms[0].aliases == ("cooperate", "co-operation")
    assert [c.id for c in ds.contributors] == ["bart", "ann", "cy"]
    assert ds.contributors[2].where == ("comment 2", "comment 3")
    assert [c.id for c in ds.claims] == [f"claim-{i}" for i in range(1, 6)]
    assert ds.claims[4].negated is True
    assert [r.kind for r in ds.relations] == ["contrasts_with", "opposes", "agrees_with"]


def test_claim_place_defaults_to_the_contributors_only_place(mini: Path) -> None:
    ds = load_dataset(mini)
    assert ds.claims[0].where == "comment 1"
    assert ds.relations[0].where == "post"


def test_label_defaults_to_id() -> None:
    ds = parse_dataset("terms: [{id: conflict}]\nattributes: [{id: loud}]")
    assert ds.terms[0].label == "conflict" and ds.attributes[0].label == "loud"


def test_a_folder_joins_its_files(write) -> None:
    write("terms: [{id: a}]\ncontributors: [{id: p, name: P, role: commenter, where: comment 1}]", "d/1-nodes.yaml")
    write("attributes: [{id: x}]\nclaims: [{term: a, attribute: x, by: p, quote: q}]", "d/2-claims.yml")
    ds = load_dataset(Path(write("", "d/ignored.txt")).parent)
    assert (len(ds.terms), len(ds.attributes), len(ds.claims)) == (1, 1, 1)


def test_unquoted_date_is_kept_as_written() -> None:
    assert parse_dataset("source: {title: T, date: 2008-04-27}").source.date == "2008-04-27"


def mini_with(old: str, new: str) -> tuple[str, int]:
    """The small dataset with one mistake put in, and the line it is on."""
    return MINI.replace(old, new), MINI.count("\n", 0, MINI.index(old)) + 1


# (dataset text, line of the mistake, words the message must contain)
MISTAKES = {
    "syntax error": ("terms:\n  - {id: a\n", 3, "YAML syntax error"),
    "tab indentation": ("terms:\n\t- id: a\n", 2, "YAML syntax error"),
    # a "}" left out at a line's end is found only at the next line's start: both are named
    "brace left out": ("terms:\n  - {id: a, label: b\n  - {id: c}\n", 3,
                       "YAML syntax error: did not find expected ',' or '}' (or at the end of line 2)"),
    "not a mapping": ("- a\n- b\n", 1, "expected a mapping of sections"),
    "unknown section": ("terms: []\nclaim: []\n", 2, "unknown section 'claim' (did you mean 'claims'?)"),
    "section not a list": ("terms: {id: a}\n", 1, "'terms' must be a list"),
    "entry not a mapping": ("terms:\n  - a\n", 2, "terms[0]: expected a mapping with id"),
    "missing field": ("contributors:\n  - {id: p, role: commenter}\n", 2, "missing field 'name'"),
    "null field": ("terms:\n  - id:\n", 2, "missing field 'id'"),
    "empty id": ("terms:\n  - {id: '  '}\n", 2, "'id' is empty"),
    "wrong type": ("terms:\n  - {id: a, aliases: b}\n", 2, "'aliases' must be a list, not a str"),
    "wrong item type": ("terms:\n  - id: a\n    aliases:\n      - x\n      - 3\n", 5, "'aliases' items must be strings"),
    "quote places not one each": ("contributors: [{id: p, name: P, role: commenter}]\nmessages:\n  - {id: m, by: p, where: w, "
                                  "text: No., quotes: [X, Y],\n     quoted_at: [0]}\n", 4,
                                  "'quoted_at' has 1 offsets for 2 quotes: one for each"),
    "quote placed past the text": ("contributors: [{id: p, name: P, role: commenter}]\nmessages:\n  - id: m\n    by: p\n"
                                   "    where: w\n    text: No.\n    quotes: [X]\n    quoted_at:\n      - 9\n", 9,
                                   "'quoted_at' items must be offsets in the text, 0 to 3, not 9"),
    "number for string": ("terms:\n  - {id: 7}\n", 2, "'id' must be a string, not a number (7)"),
    "bool for string": ("terms:\n  - {id: a, label: yes}\n", 2, "'label' must be a string, not a boolean"),
    "unknown field": ("terms:\n  - id: a\n    lable: A\n", 3, "unknown field 'lable' (did you mean 'label'?)"),
    "unknown role": (
        "contributors:\n  - {id: p, name: P, role: comenter}\n",
        2,
        "unknown role 'comenter' (did you mean 'commenter'?)",
    ),
    "duplicate id": ("terms:\n  - {id: a}\nattributes:\n  - {id: a}\n", 4, "duplicate id 'a' (already a term at line 2)"),
    "unknown contributor": (*mini_with("by: ann, quote: both", "by: an, quote: both"),
        "claims[2].by: unknown contributor 'an' (did you mean 'ann'?)"),
    "unknown attribute": (*mini_with("attribute: active, by: bart", "attribute: activ, by: bart"),
        "unknown attribute 'activ' (did you mean 'active'?)"),
    "reference of the wrong kind": (*mini_with("{term: cooperation, attribute: passive", "{term: passive, attribute: passive"),
        "unknown term 'passive' (it is an attribute)"),
    "unknown relation kind": (*mini_with("kind: contrasts_with", "kind: contrast_with"),
        "unknown kind 'contrast_with' (did you mean 'contrasts_with'?)"),
    "relation between kinds it does not join": (
        *mini_with("{kind: opposes, source: passive", "{kind: opposes, source: cooperation"),
        "relations[1].source: unknown attribute 'cooperation' (it is a term)"),
    "claim without place by someone who spoke twice": (*mini_with("by: cy, where: comment 2, quote: we", "by: cy, quote: we"),
        "missing field 'where' ('cy' spoke in 2 places)"),
    "duplicate claim id": (
        "terms: [{id: t}]\nattributes: [{id: a}]\ncontributors: [{id: p, name: P, role: author, where: post}]\n"
        "claims:\n  - {id: c, term: t, attribute: a, by: p, quote: q}\n  - {id: c, term: t, attribute: a, by: p, quote: r}\n",
        6,
        "duplicate claim id 'c'",
    ),
    "stance about another's message": (
        "contributors: [{id: p, name: P, role: author}, {id: q, name: Q, role: commenter}]\nmessages:\n"
        "  - {id: m1, by: p, where: post, text: Soup is hot.}\n  - {id: m2, by: q, where: comment 1, text: Agreed.}\n"
        "relations:\n  - {kind: agrees_with, source: q, target: p, concerns: [m2]}\n",
        6,
        "relations[0].concerns[0]: message 'm2' is by 'q', not by the target 'p'",
    ),
    "stance about nothing known": (
        "contributors: [{id: p, name: P, role: author}, {id: q, name: Q, role: commenter}]\n"
        "relations:\n  - {kind: agrees_with, source: q, target: p, concerns: [m9]}\n",
        3,
        "unknown claim, attribute or message 'm9'",
    ),
    "empty file": ("", 1, "empty file"),
    "only a comment": ("# nothing here\n", 1, "empty file"),
    "python object tag": ("terms: !!python/object/apply:os.system ['echo hi']\n", 1, "YAML syntax error"),
}


@pytest.mark.parametrize("case", MISTAKES, ids=list(MISTAKES))
def test_each_mistake_names_file_and_line(write, case: str) -> None:
    text, line, words = MISTAKES[case]
    path = write(text)
    with pytest.raises(DatasetError) as e:
        load_dataset(path)
    assert e.value.file == str(path)
    assert e.value.line == line, str(e.value)
    assert words in str(e.value)
    assert str(e.value).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize("case", ["syntax error", "unknown contributor", "empty file"])
def test_cli_reports_a_mistake_in_one_line_without_traceback(write, case: str) -> None:
    text, line, words = MISTAKES[case]
    path = write(text)
    for args in (["info", "--data", str(path)], ["validate", str(path)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"Error: {path}:{line}: ") and words in result.stderr


WEATHER = """\
contributors: [{id: ann, name: Ann, role: commenter}]
messages:
- {id: m1, by: ann, where: turn 1, text: "Weather is daily. Climate is slow."}
- {id: m2, by: ann, where: turn 2, text: "SECOND"}
terms: [{id: weather}]
attributes: [{id: daily}]
claims:
- {term: weather, attribute: daily, by: ann, quote: "Weather is daily"}
relations:
- {kind: mentions, source: ann, target: weather, by: ann, quote: "Weather is daily"}
"""


def test_with_messages_a_quote_says_where_it_was_said(write) -> None:
    ds = load_dataset(write(WEATHER.replace("SECOND", "I agree.")))
    assert [(x.where, x.message, x.span) for x in (*ds.claims, *ds.relations)] == [("turn 1", "m1", (0, 16))] * 2


def test_a_stance_is_its_speaker_s_with_or_without_by(write) -> None:
    """A stance without by (its source is who says it) is anchored in its speaker's
    message as one with by; by naming someone else, or a term relation's quote with no
    speaker, is refused where it had been kept with no place."""
    two = WEATHER.replace("contributors: [{id: ann, name: Ann, role: commenter}]",
                          "contributors: [{id: ann, name: Ann, role: commenter}, {id: bo, name: Bo, role: commenter}]")
    two = two.replace("- {id: m2, by: ann, where: turn 2, text: \"SECOND\"}",
                      "- {id: m2, by: bo, where: turn 2, text: \"I disagree, Ann.\"}")
    ds = load_dataset(write(two + "- {kind: disputes, source: bo, target: ann, quote: I disagree}\n"))
    stance = ds.relations[-1]
    assert (stance.by, stance.where, stance.message, stance.span) == ("bo", "turn 2", "m2", (0, 10))
    with pytest.raises(DatasetError, match=r":11: relations\[1\]\.by: a dispute is its speaker's: by is "
                                           r"its source \('bo'\), or left out"):
        load_dataset(write(two + "- {kind: disputes, source: bo, target: ann, by: ann, quote: Weather is daily}\n"))
    with pytest.raises(DatasetError, match=r":11: relations\[1\]\.quote: a quote needs its speaker: give by"):
        load_dataset(write(two + "- {kind: mentions, source: ann, target: weather, quote: Weather is daily}\n"))


def test_a_quote_in_two_messages_needs_its_place(write) -> None:
    path = write(WEATHER.replace("SECOND", "Weather is daily, I agree."))
    with pytest.raises(DatasetError, match=r":8: claims\[0\]: the quote is in 2 messages by 'ann' \(turn 1, turn 2\): "
                                           r"give 'where' or 'message'"):
        load_dataset(path)
    placed = load_dataset(write(WEATHER.replace("SECOND", "Weather is daily, I agree.").replace(
        '"Weather is daily"}', '"Weather is daily", where: turn 2}')))
    assert placed.claims[0].message == placed.relations[0].message == "m2"


def test_a_quote_not_verbatim_says_what_the_message_has_there(write) -> None:
    """A quote copied from a hard-wrapped mail with a space for its line break is told
    apart from one that says other words: each error says what to mend."""
    wrapped = WEATHER.replace('"Weather is daily. Climate is slow."', '"Weather is\\ndaily. Climate is slow."')
    with pytest.raises(DatasetError, match=r":8: claims\[0\]\.quote: quote not verbatim in 'm1' \(turn 1\): its "
                                           r"words are, but not its spaces and line breaks"):
        load_dataset(write(wrapped))
    other = WEATHER.replace('quote: "Weather is daily"}', 'quote: "Weather is hourly"}', 1)
    with pytest.raises(DatasetError, match=r"it departs after 11 characters, at 'hourly' where the message has "
                                           r"'daily\. Climate is slow\.'"):
        load_dataset(write(other))


def test_a_span_that_is_not_its_quote_says_where_the_quote_is_or_that_it_is_gone(write) -> None:
    """A message mended by hand under a quote that names its characters: the error says
    where the quote is now, or, gone from it, what its words were (a teacher's trial fixed
    a student's typo and read only "characters 0-31 ... are not the quote")."""
    spanned = WEATHER.replace('quote: "Weather is daily"}', 'quote: "Climate is slow", message: m1, span: [0, 14]}', 1)
    with pytest.raises(DatasetError, match=r"characters 0-14 of 'm1' are not the quote; it is at 18-33$"):
        load_dataset(write(spanned))
    mended = WEATHER.replace('quote: "Weather is daily"}', 'quote: "Weather is daily", message: m1, span: [0, 16]}', 1)
    with pytest.raises(DatasetError, match=r"the message no longer holds it \(changed since it was quoted\?\): its "
                                           r"words were “Weather is daily”$"):
        load_dataset(write(mended.replace("Weather is daily. Climate", "Weather is each day. Climate")))


def test_binary_file_is_refused(write) -> None:
    path = write(b"terms: []\n\x00\x01\x02", "data.yaml")
    with pytest.raises(DatasetError, match=r":2: not a text file"):
        load_dataset(path)


def test_non_utf8_file_is_refused(write) -> None:
    path = write("terms:\n  - {id: caf\u00e9}\n".encode("latin-1"), "data.yaml")
    with pytest.raises(DatasetError, match=r":2: not valid UTF-8 \(byte 0xe9"):
        load_dataset(path)


def test_utf8_bom_is_accepted(write) -> None:
    assert load_dataset(write("\ufeffterms: [{id: a}]")).terms[0].id == "a"


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file or folder"):
        load_dataset(tmp_path / "nope.yaml")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match=r"folder holds no dataset file"):
        load_dataset(tmp_path / "empty")


def test_a_folder_error_names_the_file_with_the_mistake(write) -> None:
    write("terms: [{id: a}]\n", "d/1.yaml")
    bad = write("attributes:\n  - {id: a}\n", "d/2.yaml")
    with pytest.raises(DatasetError) as e:
        load_dataset(bad.parent)
    assert str(e.value).startswith(f"{bad}:2: ") and "already a term at" in str(e.value)


def test_alias_bomb_is_refused_not_expanded(write) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write("\n".join(lines) + "\nterms: *a9\n")
    with pytest.raises(DatasetError, match="refusing an alias bomb"):
        load_dataset(path)


def test_modest_anchors_are_allowed(write) -> None:
    text = "contributors:\n  - &p {id: p, name: P, role: commenter, where: comment 1}\nterms: [{id: t, aliases: &al [x, y]}]\n"
    assert load_dataset(write(text)).terms[0].aliases == ("x", "y")


def test_a_claim_written_twice_is_warned_of_with_its_line(write) -> None:
    """A gold that says one claim twice would count it once (evaluate) and draw it once:
    validate says so, naming the line, and the dataset stays valid."""
    again = "  - {term: cooperation, attribute: passive, by: bart, quote: Cooperation may be passive}\n"
    twice = MINI.replace("relations:", again + "relations:")
    with pytest.warns(ConceptGraphWarning, match=r"data.yaml:\d+: claims\[\d+\]: says what claims\[0\] says"):
        load_dataset(write(twice))
