"""A Stack Exchange dump whose Posts.xml or Comments.xml holds a row twice (two dumps
joined, a file pasted into another): an exact copy is read once and counted; another
row under an id an earlier one has is read as a post of its own and said, and what
names that id (an answer's comments) answers the first, never both."""

from __future__ import annotations

import shutil
import warnings
import xml.etree.ElementTree as ET
from copy import deepcopy
from pathlib import Path

from conceptgraph import ConceptGraphWarning
from conceptgraph.discussions import read_discussion
from conceptgraph.discussions.stackexchange import COPIES

from conftest import ROOT

SE = ROOT / "tests" / "fixtures" / "discussions" / "stackexchange"


def read(folder: Path):
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        ds, summary = read_discussion([folder])
    return ds, summary, [str(w.message) for w in said if issubclass(w.category, ConceptGraphWarning)]


def test_rows_given_twice_in_a_dump_are_read_once_or_said(tmp_path: Path) -> None:
    whole, _, _ = read(SE)
    folder = tmp_path / "dump"
    shutil.copytree(SE, folder)
    posts = ET.parse(folder / "Posts.xml")
    rows = list(posts.getroot())
    commented = {c.get("PostId") for c in ET.parse(SE / "Comments.xml").getroot()}
    answer = next(r for r in rows if r.get("PostTypeId") == "2" and r.get("Id") in commented)
    other = deepcopy(answer)
    other.set("Body", "<p>Another answer, read under the same id.</p>")
    posts.getroot().extend([deepcopy(answer), other])  # an exact copy, and another post under its id
    posts.write(folder / "Posts.xml", encoding="utf-8", xml_declaration=True)
    comments = ET.parse(folder / "Comments.xml")
    comments.getroot().append(deepcopy(comments.getroot()[0]))
    comments.write(folder / "Comments.xml", encoding="utf-8", xml_declaration=True)

    ds, summary, said = read(folder)
    assert summary["left_out"][COPIES] == 2  # the answer's copy and the comment's
    texts = [m.text for m in ds.messages]
    assert texts.count("Another answer, read under the same id.") == 1
    # every message of the dump once, the other answer added, no comment read twice
    assert len(ds.messages) == len(whole.messages) + 1
    assert sorted(t for t in texts if t != "Another answer, read under the same id.") == \
        sorted(m.text for m in whole.messages)
    assert said == [f"{folder / 'Posts.xml'}: 1 row under an id an earlier row has, with other words or another "
                    f"writer (post {answer.get('Id')}): each read as one of its own; what names that id answers "
                    "the first"], said
    again = next(m for m in ds.messages if m.text == "Another answer, read under the same id.")
    assert not [m for m in ds.messages if m.reply_to == again.id]  # the id's comments stay with the first
