"""Faults a trial (a teacher's and a facilitator's view) found in the course readers:
Canvas's ``while(1);`` before a topic saved from a browser signed in; a Zulip or Moodle
post given twice, or two posts under one id; posts without a field their export always
writes; a Moodle export with a column lost, an empty forum, a CSV whose columns were
moved or saved with semicolons, a CSV cut short; Moodle's "Remove HTML" quotes and its
``modified``. Each export is written here, small, from the fixtures' own."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conceptgraph import ConceptGraphWarning
from conceptgraph.cli import cli
from conceptgraph.discussions import IMPORTERS, detect, read_discussion
from conceptgraph.discussions.moodle import COPIES as POST_COPIES
from conceptgraph.discussions.thread import MISSING_PARENTS
from conceptgraph.discussions.zulip import COPIES as MESSAGE_COPIES

from conftest import ROOT, refused

FIX = ROOT / "tests" / "fixtures" / "discussions"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def said(ds) -> list[tuple[str, str, str]]:
    """Each message's speaker, place and words."""
    people = {c.id: c.name for c in ds.contributors}
    return [(people[m.by], m.where, m.text) for m in ds.messages]


def warned(paths: list[Path]) -> tuple[Any, dict[str, Any], list[str]]:
    """The dataset and summary of ``paths``, and the warnings their import gave (each
    file named without its folder)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds, summary = read_discussion(paths)
    return ds, summary, [str(w.message).replace(f"{paths[0].parent}/", "") for w in caught
                         if issubclass(w.category, ConceptGraphWarning)]


# Canvas: a topic saved from a browser signed in


def test_a_canvas_topic_saved_from_a_browser_signed_in_reads_as_its_json(tmp_path: Path) -> None:
    """Canvas answers a browser signed in with ``while(1);`` before the JSON (the way the
    README says to save a topic); it had been "JSON syntax error: Expecting value at
    column 1". Told by its content, and read as the same answer without it is."""
    for name in ("canvas-topic.json", "canvas-view.json"):
        (tmp_path / name).write_bytes(b"while(1);" + (FIX / name).read_bytes())
        assert detect(tmp_path / name) is IMPORTERS["canvas"], name
    ds, summary = read_discussion([tmp_path / "canvas-view.json", tmp_path / "canvas-topic.json"])
    plain, expected = read_discussion([FIX / "canvas-view.json", FIX / "canvas-topic.json"])
    assert ds.messages == plain.messages and ds.source == plain.source and summary == expected
    r = run("import", str(tmp_path / "canvas-view.json"), str(tmp_path / "canvas-topic.json"), "-o",
            str(tmp_path / "out"))
    assert r.exit_code == 0 and r.stdout.startswith("canvas: 1 thread, 9 messages, 5 speakers, 8 replies\n"), r.output


def test_a_browser_saved_canvas_file_that_is_no_json_names_its_own_line_and_column(write) -> None:
    """Only the guard goes, and spaces stand in its place: a JSON error after it names the
    file's own line and column; the same words in a message stay."""
    text = 'while(1);{"unread_entries": [], "participants": [], "view": [}'
    path = write(text, "view.json")
    refused(run("import", str(path), "-o", str(path.parent / "out")),
            f"view.json:1: JSON syntax error: Expecting value at column {text.index('}') + 1}")
    text = 'while(1);{"unread_entries": [], "participants": [],\n "view": [{"id": 1, "message": "<p>Hi'
    path = write(text, "cut.json")
    refused(run("import", str(path), "-o", str(path.parent / "out")),
            f"cut.json:2: JSON syntax error: Unterminated string starting at column "
            f"{text.split(chr(10))[1].index('<p>')}", "is it cut short?")
    view = {"participants": [{"id": 7, "display_name": "Ana Lima"}],
            "view": [{"id": 1, "user_id": 7, "parent_id": None, "message": "<p>while(1); never ends.</p>"}]}
    ds, _ = read_discussion([write("while(1);" + json.dumps(view), "loop.json")])
    assert [m.text for m in ds.messages] == ["while(1); never ends."]


def test_a_canvas_entry_without_its_user_id_is_said(write) -> None:
    """An entry with no ``user_id`` (nor a name) had become an unnamed commenter without a
    word; it still is, and the import says which entry."""
    view = {"participants": [{"id": 7, "display_name": "Ana Lima"}],
            "view": [{"id": 1, "user_id": 7, "parent_id": None, "message": "<p>Is a theory a guess?</p>",
                      "replies": [{"id": 2, "parent_id": 1, "message": "<p>No.</p>"},
                                  {"id": 3, "user_id": 7, "parent_id": 1, "message": "<p>Then what?</p>"}]}]}
    ds, _, said_ = warned([write(json.dumps(view), "week-3.json")])
    assert said_ == ['week-3.json: 1 entry without "user_id" (id 2): its writer unknown, an unnamed commenter'], said_
    assert [who for who, _, _ in said(ds)] == ["Ana Lima", "unnamed commenter (reply 1 to comment 1)", "Ana Lima"]


# Zulip: ids given twice, fields missing, a quote of a message not in the file


def zulip_message(ident: int, sender: int, name: str | None, minute: int, content: str | None,
                  **more: Any) -> dict[str, Any]:
    """A message of the #sre stream as GET /api/v1/messages gives it (Markdown), without
    the name or the content where they are None."""
    m = {"id": ident, "sender_id": sender, "sender_full_name": name, "sender_email": f"user{sender}@zulip.example.org",
         "display_recipient": "sre", "subject": "incident vs outage", "timestamp": 1714633200 + 60 * minute,
         "content_type": "text/x-markdown", "content": content, **more}
    return {k: v for k, v in m.items() if v is not None}


ANA = zulip_message(1001, 7, "Ana Souza", 0, "Can we agree on what we call an incident vs an outage?")
BEN = zulip_message(1002, 8, "Ben Ortiz", 1, "An incident is any unplanned interruption.")
EITAN = zulip_message(1003, 9, "Eitan Levi", 2, "From the status page side: a partial outage is still an outage.")
BEN_AGAIN = zulip_message(1004, 8, "Ben Ortiz", 3, "And an outage is an incident users can see.")


def zulip(*messages: dict[str, Any]) -> str:
    return json.dumps({"result": "success", "msg": "", "messages": list(messages)})


def test_a_zulip_message_under_another_s_id_is_kept_and_said(write) -> None:
    """Eitan's message given Ben's id had been dropped without a word: both are kept,
    with one line naming the file and the id."""
    ds, _, said_ = warned([write(zulip(ANA, BEN, {**EITAN, "id": 1002}), "sre.json")])
    assert said_ == ["sre.json: 1 message under an id an earlier message has, with another sender or other words "
                     "(id 1002): each read as a message of its own; a quote and reply naming that id answers the first"], said_
    assert [who for who, _, _ in said(ds)] == ["Ana Souza", "Ben Ortiz", "Eitan Levi"]


def test_a_zulip_message_saved_twice_is_read_once_and_counted(write) -> None:
    """Two pages saved over each other give a message twice: read once, as before, and
    now counted; nothing to warn of."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConceptGraphWarning)
        ds, summary = read_discussion([write(zulip(ANA, BEN, BEN, EITAN), "sre.json")])
    assert len(ds.messages) == 3 and summary["left_out"] == {MESSAGE_COPIES: 1}


def test_a_zulip_message_without_its_sender_s_name_or_its_content_is_said(write) -> None:
    """A message without ``sender_full_name`` had been an unnamed commenter's, though its
    ``sender_id`` is Ben's, whose other message names him; one without ``content`` had
    vanished as empty, unsaid. One line for each field missing, naming the messages."""
    messages = [ANA, {k: v for k, v in BEN.items() if k != "sender_full_name"}, EITAN, BEN_AGAIN,
                {k: v for k, v in zulip_message(1005, 7, "Ana Souza", 4, "x").items() if k != "content"},
                {k: v for k, v in zulip_message(1006, 9, "Eitan Levi", 5, "x").items() if k != "content"}]
    ds, summary, said_ = warned([write(zulip(*messages), "sre.json")])
    assert said_ == ['sre.json: 1 message without "sender_full_name" (id 1002): named as the sender\'s other messages '
                     'name them (Ben Ortiz)',
                     'sre.json: 2 messages without "content" (ids 1005, 1006): no words to read (left out as empty)'], said_
    assert [who for who, _, _ in said(ds)] == ["Ana Souza", "Ben Ortiz", "Eitan Levi", "Ben Ortiz"]
    assert len(ds.contributors) == 3 and summary["left_out"] == {"empty": 2}


def test_a_zulip_quote_of_a_message_not_in_the_file_is_a_missing_parent(write) -> None:
    """A quote and reply to a message the file does not hold had answered no one,
    uncounted: it answers the topic's first message, and its missing parent is counted,
    as other readers count them. A quote of a message the file holds but leaves out (a
    bot's) is no missing parent."""
    quote = ("@_**Ana Souza|7** [said](https://sre.zulipchat.com/#narrow/stream/9-sre/topic/x/near/{}):\n"
             "```quote\nIs it down?\n```\nYes, a full outage.")
    bot = zulip_message(1010, 5, "Notification Bot", 1, "Topic moved.", sender_email="notification-bot@zulip.com")
    ds, summary = read_discussion([write(zulip(ANA, bot, zulip_message(1011, 8, "Ben Ortiz", 2, quote.format(777))),
                                         "sre.json")])
    assert summary["left_out"][MISSING_PARENTS] == 1
    assert [m.reply_to for m in ds.messages] == ["", ds.messages[0].id]
    _, summary = read_discussion([write(zulip(ANA, bot, zulip_message(1011, 8, "Ben Ortiz", 2, quote.format(1010))),
                                        "bot.json")])
    assert MISSING_PARENTS not in summary["left_out"]


# Moodle: posts given twice, ids given twice, fields missing


def moodle_records() -> list[dict[str, Any]]:
    """The fixture's forum export: discussion 31 (Myth or legend?) and 32 (Is a fable a myth?)."""
    return json.loads((FIX / "moodle-forum.json").read_text(encoding="utf-8"))[0]


def moodle(records: list[dict[str, Any]]) -> str:
    return json.dumps([records], ensure_ascii=False, indent=4)


def test_the_same_moodle_post_twice_is_read_once_and_counted(write) -> None:
    """A record given twice (two exports pasted together) had been read twice, its words
    and claims doubled."""
    records = moodle_records()
    ds, summary = read_discussion([write(moodle([*records[:4], records[3], *records[4:]]), "forum.json")])
    assert said(ds) == said(read_discussion([FIX / "moodle-forum.json"])[0])
    assert summary["left_out"][POST_COPIES] == 1


def test_two_overlapping_moodle_exports_read_together_are_one_forum(write) -> None:
    """Monday's export of the forum and Friday's of one discussion (again, with a new
    post): Moodle's post ids are the site's, so a post in both is read once; the second
    copy of the discussion had been a third thread, every claim in it drafted twice."""
    again = [r for r in moodle_records() if r["discussion"] == 31]
    new = {**again[6], "id": 1049, "parent": 1047, "userid": 351, "userfullname": "Mateus Conceição",
           "created": 1718020000, "modified": 1718020000, "subject": "Re: Myth or legend?",
           "message": "<p>Thank you, that settles it for me.</p>"}
    friday = write(moodle([*again, new]), "friday.json")
    ds, summary = read_discussion([FIX / "moodle-forum.json", friday])
    monday, _ = read_discussion([FIX / "moodle-forum.json"])
    assert summary["threads"] == 2 and summary["left_out"][POST_COPIES] == len(again)
    assert [t for _, _, t in said(ds) if t != "Thank you, that settles it for me."] == [t for _, _, t in said(monday)]
    r = run("import", str(FIX / "moodle-forum.json"), str(friday), "-o", str(friday.parent / "out"))
    assert r.exit_code == 0 and r.stdout.startswith("moodle: 2 threads, 9 messages, 5 speakers, 7 replies\n"), r.output
    assert f"{len(again)} copies of a post (its id again, with the same writer and words)" in r.stdout


def test_two_moodle_posts_of_one_id_are_both_kept_and_said(write) -> None:
    """Post 1047 given the id of 1046 (another writer, other words) had been read
    without a word, under an id that names two posts."""
    records = moodle_records()
    records[6]["id"] = 1046
    ds, _, said_ = warned([write(moodle(records), "forum.json")])
    assert said_ == ["forum.json: 1 post under an id an earlier post has, with another writer or other words (id 1046): "
                     "each read as a post of its own; a reply naming that id answers the first"], said_
    assert said(ds) == said(read_discussion([FIX / "moodle-forum.json"])[0])


def test_a_moodle_post_without_a_field_is_read_as_well_as_it_can_be_and_said(write, tmp_path: Path) -> None:
    """A post without ``userfullname`` had been spoken by its user id, though the user's
    other posts name them; one with an empty name (a deleted account) by its id, unsaid;
    one without ``message`` had vanished as empty. One line for each kind of fault,
    naming the file and the posts."""
    records = moodle_records()
    del records[1]["userfullname"]  # Zoë Ångström's, whose other posts name her
    del records[5]["message"], records[6]["message"]
    records[9].update(userid=999, userfullname="")
    path = write(moodle(records), "forum.json")
    ds, summary, said_ = warned([path])
    assert said_ == [
        'forum.json: 1 post without "userfullname" (id 1042): named as the user\'s other posts name them (Zoë Ångström)',
        'forum.json: 2 posts without "message" (ids 1046, 1047): no words to read (left out as empty)',
        "forum.json: 1 post with an empty author name (id 1052): named by the user id (999): "
        "--rename '999=NAME' names one"], said_
    speakers = [who for who, _, _ in said(ds)]
    assert speakers.count("Zoë Ångström") == 1 and "348" not in speakers and speakers[-1] == "999"
    assert summary["left_out"]["empty"] == 2
    r = run("import", str(path), "-o", str(tmp_path / "out"))
    warned_ = [line for line in r.stderr.splitlines() if line.startswith("Warning: ")]
    assert r.exit_code == 0 and warned_ == [f"Warning: {path.parent}/{line}" for line in said_], r.stderr


def test_a_moodle_export_that_lost_a_column_or_holds_no_post_says_what_it_lacks(write) -> None:
    """A column missing from every record, and the export of an empty forum (``[[]]``),
    had been "not a discussion this tool reads": told as Moodle's, and refused naming
    what is missing."""
    records = [{k: v for k, v in r.items() if k != "parent"} for r in moodle_records()]
    path = write(moodle(records), "forum.json")
    assert detect(path) is IMPORTERS["moodle"]
    refused(run("import", str(path), "-o", str(path.parent / "out")),
            "forum.json: expected the fields of Moodle's forum export; no parent in any of its 10 posts")
    path = write("[[]]", "empty.json")
    assert detect(path) is IMPORTERS["moodle"]
    refused(run("import", str(path), "-o", str(path.parent / "out")), "empty.json: no post in this Moodle file")


# Moodle: its CSV moved about, saved by a spreadsheet, or cut short


def moodle_csv(columns: list[str] | None = None, delimiter: str = ",", line: str = "\n") -> str:
    """The fixture's CSV export again, its columns in the order given, separated as given."""
    rows = list(csv.DictReader(io.StringIO((FIX / "moodle-forum.csv").read_text(encoding="utf-8-sig"), newline="")))
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, columns or list(rows[0]), delimiter=delimiter, lineterminator=line)
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def test_a_moodle_csv_with_its_columns_moved_reads_as_moodle(write) -> None:
    """Columns moved in a spreadsheet had made the file "not a discussion this tool
    reads", with a hint to read it as text: the header's names tell it, in any order."""
    columns = list(csv.DictReader(io.StringIO(moodle_csv())).fieldnames or [])
    moved = ["userfullname", "subject", "message", "id", "parent", "discussion", "created"]
    path = write(moodle_csv(moved + [c for c in columns if c not in moved]), "forum.csv")
    assert detect(path) is IMPORTERS["moodle"]
    assert said(read_discussion([path])[0]) == said(read_discussion([FIX / "moodle-forum.csv"])[0])


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_moodle_csv_saved_with_semicolons_or_tabs_is_read(write, delimiter: str) -> None:
    """Excel in most European locales saves semicolons (and tabs, as "Text"): refused
    before, "no id, discussion, parent, userfullname, message in its first line",
    which named them all."""
    path = write(moodle_csv(delimiter=delimiter, line="\r\n"), "forum.csv")
    assert detect(path) is IMPORTERS["moodle"]
    assert said(read_discussion([path])[0]) == said(read_discussion([FIX / "moodle-forum.csv"])[0])


def test_a_moodle_csv_of_another_delimiter_says_its_names_are_not_columns(write) -> None:
    path = write(moodle_csv(delimiter="|"), "forum.csv")
    refused(run("import", str(path), "--format", "moodle", "-o", str(path.parent / "out")),
            "forum.csv:1: expected the columns of Moodle's forum export, separated by commas, semicolons or tabs; "
            "its first line names id, discussion, parent, userfullname, message, but not as columns of their own")


def test_a_moodle_csv_cut_short_says_so(write, tmp_path: Path) -> None:
    """A CSV that ends inside a row had been "a row of 6 fields where the header names
    20", as any bad row is; the JSON's errors say "is it cut short?"."""
    text = moodle_csv()
    cut = text[: text.index("1047,31,1044") + 40]
    line = cut.count("\n") + 1 - cut[cut.rindex("\n1047"):].count("\n") + 1
    refused(run("import", str(write(cut, "forum.csv")), "-o", str(tmp_path / "out")),
            f"forum.csv:{line}: a row of ", " (the file ends inside it: is it cut short?)")
    refused(run("import", str(write('id,discussion,parent,userid,userfullname,message\n1,5,0,9,Ann,"never closed\n',
                                    "quote.csv")), "-o", str(tmp_path / "out")),
            "quote.csv:2: a row that is no CSV record (", "the file ends inside a quoted field: is it cut short?")
    # a row short of fields with others after it is no file cut short
    r = run("import", str(write('id,discussion,parent,userid,userfullname,message\n1,5,0,9,Ann\n2,5,1,9,Bo,No\n',
                                "short.csv")), "-o", str(tmp_path / "out"))
    refused(r, "short.csv:2: a row of 5 fields where the header names 6")
    assert "cut short" not in r.stderr


# Moodle: what "Remove HTML" and modified say


def test_a_moodle_quote_in_plain_text_is_the_quoted_writer_s(write) -> None:
    """With "Remove HTML" ticked, Moodle writes a ``<blockquote>`` as ``> `` lines in plain
    text (``messageformat`` 2): they had stayed in the quoter's words, uncounted."""
    records = moodle_records()
    for r in records:
        r["message"] = re.sub(r"<[^>]+>", "", r["message"].replace("<blockquote>", "> ").replace("</blockquote>", "\n"))
        r["messageformat"] = 2
    ds, summary = read_discussion([write(moodle(records), "forum.json")])
    html, _ = read_discussion([FIX / "moodle-forum.json"])
    assert said(ds) == said(html)
    assert [m.quotes for m in ds.messages if m.quotes] == [("a legend tells of people who may have lived",)]
    assert summary["left_out"]["quoted lines (others' words)"] == 1


def test_a_moodle_post_modified_after_it_was_written_is_edited(write) -> None:
    """``modified`` a minute or more after ``created`` (as Canvas's ``updated_at`` is read)
    says when the post was edited, in UTC; with "human-readable dates", as written; the
    web service's ``timemodified`` too."""
    records = moodle_records()
    records[1]["modified"] = records[1]["created"] + 7200
    records[3]["modified"] = records[3]["created"] + 30
    ds, _ = read_discussion([write(moodle(records), "forum.json")])
    assert [m.edited for m in ds.messages if m.edited] == ["2024-06-10 09:35 UTC"]
    records = moodle_records()
    for r in records:
        r["created"], r["modified"] = "Monday, 10 June 2024, 8:00 AM", "Monday, 10 June 2024, 8:00 AM"
    records[1]["modified"] = "Monday, 10 June 2024, 1:05 PM"
    ds, _ = read_discussion([write(moodle(records), "dates.json")])
    assert [m.edited for m in ds.messages if m.edited] == ["2024-06-10 13:05"]
    posts = json.loads((FIX / "moodle-posts.json").read_text(encoding="utf-8"))
    first = next(p for p in posts["posts"] if p["id"] == 1041)
    first["timemodified"] = first["timecreated"] + 600
    ds, _ = read_discussion([write(json.dumps(posts), "posts.json")])
    assert [m.edited for m in ds.messages] == ["2024-06-10 06:10 UTC"] + [""] * (len(ds.messages) - 1)
