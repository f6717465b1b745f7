"""The drafting rules are general English, not any one thread's: no word of a gold
thread's terms that is rare in English ("cooperation", "strawperson", "rebase") appears
in the rules' regular expressions or word lists (the string literals of draft/*.py,
docstrings aside)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from conceptgraph import load_dataset
from conceptgraph.draft.text import zipf

from conftest import ROOT

# The drafting rules: every module of draft/ but the scorer, whose messages ("YAML files
# or folders") hold no rule
RULES = sorted(p for p in (ROOT / "src" / "conceptgraph" / "draft").glob("*.py") if p.name != "evaluate.py")
THREADS = sorted((ROOT / "bench" / "gold").glob("*/*.yaml")) + [ROOT / "graph_data" / "cooperation-vs-collaboration.yaml"]


def code_of(path: Path) -> str:
    """The string literals of a module (its regular expressions and word lists), its
    docstrings left out."""
    out: list[str] = []
    previous = tokenize.NEWLINE  # a module opens with its docstring
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING and previous in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL,
                                                        tokenize.DEDENT, tokenize.ENCODING):
            previous = tok.type  # a docstring
            continue
        if tok.type == tokenize.STRING and not tok.line.startswith("__all__"):
            literal = tok.string
            if re.match(r"[rRbB]?[fF]", literal):  # an f-string's {fields} are code, not words
                literal = re.sub(r"\{[^{}]*\}", " ", literal)
            out.append(literal)
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return " ".join(out).casefold()


def own_words(path: Path) -> set[str]:
    """The words of a thread's terms that English rarely uses (Zipf below 4.5)."""
    ds = load_dataset(path)
    words = {w.casefold() for t in ds.terms for name in (t.label, *t.aliases)
             for w in re.findall(r"[A-Za-z][A-Za-z]{3,}", name)}
    return {w for w in words if zipf(w) < 4.5} - GRAMMAR - OWN


# Parts of speech and degrees: a thread may name a word's senses by them ("remote
# (noun)"), and the rules read senses and comparisons by them ("comparative" names the
# rule for "deeper than"); they are the language of grammar, no thread's own words.
GRAMMAR = {"noun", "verb", "adjective", "adverb", "comparative", "superlative"}
# The rules' own words, in them before a thread used them too: "the usage of X" holds X
# up (a thread annotated later has a term "usage"); "genuine" and "plain" are among the
# adjectives that judge a thing rather than name a kind of it (later threads have
# "genuine e2e tests" and "plain talk"); "a replacement for X" was read as looking for
# something in place of X before a thread named its "recommended replacements"; "X is a
# synonym of Y" was read before a thread argued over what a tag "synonym" is. "rename",
# "removing", "naming" and "wording" were the rules' words for a thread about names, and
# "output" and "exists" words of draft's messages about its folder ("output/...: already
# exists"), a day or more before threads of the fourth batch had terms with them; "renamed"
# and "renaming" too, before a second annotation of two held-out threads named terms with them.
OWN = {"usage", "genuine", "plain", "replacement", "replacements", "synonym", "rename", "renamed", "renaming",
       "removing", "naming", "wording", "output", "exists"}


def test_the_set_is_ten_real_threads_or_more() -> None:
    assert len([p for p in THREADS if p.parent.name in ("dev", "heldout")]) >= 10
    assert len([p for p in THREADS if p.parent.name == "heldout"]) >= 6


@pytest.mark.parametrize("thread", THREADS, ids=[p.stem for p in THREADS])
def test_no_rule_names_a_word_of_a_thread(thread: Path) -> None:
    code = {p.name: code_of(p) for p in RULES}
    found = {(w, name) for w in own_words(thread) for name, text in code.items()
             if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text)}
    assert not found, f"{thread.stem}'s words in the rules: {sorted(found)}"


SECOND = sorted((ROOT / "bench" / "gold" / "second").glob("*.yaml"))


@pytest.mark.parametrize("second", SECOND, ids=[p.stem for p in SECOND])
def test_a_second_annotation_is_of_a_held_out_thread_and_scores_against_it(second: Path) -> None:
    """bench/agreement.py scores each second annotation against the first: each is of a
    held-out thread, read as the same thread though its messages keep quoted lines."""
    from conceptgraph.draft.evaluate import evaluate

    first = load_dataset(ROOT / "bench" / "gold" / "heldout" / second.name)
    scores = evaluate(load_dataset(second), first)
    assert scores["contributors"]["recall"] == 1.0
    assert 0 < scores["claims"]["matched"] <= min(scores["claims"]["drafted"], scores["claims"]["gold"])
